#!/usr/bin/env bash
# Install what the browser tests need: Debian's Chromium and the web test driver.
# Idempotent; quiet when everything is already there. Skips (with a message)
# when it cannot install, so the browser tests then skip with their own reason.
set -uo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian chromium for the browser tests..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "could not install chromium; browser tests will skip" >&2
  else
    echo "chromium not found and not root: browser tests will skip (apt-get install chromium)" >&2
  fi
fi
if [ -f web/package.json ] && command -v npm >/dev/null 2>&1; then
  if [ ! -d web/node_modules ]; then
    npm ci --prefix web --no-audit --no-fund --loglevel=error \
      || echo "npm ci failed; browser tests will skip" >&2
  fi
fi
exit 0
