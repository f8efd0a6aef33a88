#!/usr/bin/env bash
# Build the browser view into app/static/ (committed, so Python users need no Node).
# Needs Node >= 18 and npm; fetches only the npm packages pinned in package-lock.json.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
npm run build
