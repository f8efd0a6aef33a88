"""The browser view in a real headless Chromium, against ``sckg serve`` on the seed graph.

Each run ingests the seed corpus into a fresh store (the embedded one, and a
Neo4j one in the ``neo4j`` run), starts ``sckg serve`` on a free loopback port
and runs ``tests/web/ui.spec.mjs`` (playwright-core driving Debian's chromium):
the explorer draws nodes and edges, clicking a claim shows its quote, the
25 July 2022 call's readout comparison shows the Minsk Group claim as asserted
by the State Department, denied by Haqqin.az and omitted by president.az, and
the contested list links to its event, and clicking through 50 nodes leaves the
page's JS heap, DOM and listeners bounded (measured after a forced collection).

Needs ``apt-get install chromium`` and ``npm ci --prefix web`` (see
scripts/install-browser-deps.sh); skips with the reason when either is missing.
Screenshots go to a temporary folder; ``SCKG_UPDATE_SCREENSHOTS=1`` writes them
to docs/screenshots/ instead (the README shows those).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
WEB = ROOT / "web"
STATIC = ROOT / "app" / "static"
SPEC = Path(__file__).with_name("ui.spec.mjs")
SCREENSHOTS = ROOT / "docs" / "screenshots"
CLI = [sys.executable, "-c", "from app.cli import main; main()"]


API_KEY = "ui-test-key-not-a-secret"


def _chromium() -> str | None:
    found = os.environ.get("CHROMIUM") or shutil.which("chromium")
    return found if found and Path(found).exists() else None


def _missing() -> str | None:
    """Why the browser test cannot run here, or None."""
    if not SEEDS.is_dir() or not any(SEEDS.iterdir()):
        return f"seed corpus not found at {SEEDS}"
    if _chromium() is None:
        return "chromium not installed (apt-get install -y chromium, or set CHROMIUM)"
    if shutil.which("node") is None:
        return "node not installed (Node >= 18 runs the browser driver)"
    if not (WEB / "node_modules" / "playwright-core" / "package.json").is_file():
        return "web/node_modules missing (npm ci --prefix web)"
    if not (STATIC / "index.html").is_file() or not (STATIC / "app.js").is_file():
        return "app/static not built (bash web/build.sh)"
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as res:
        return res.status, res.read().decode("utf-8", "replace")


@pytest.fixture
def served(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """``sckg serve`` on the seed graph (store per the test's param); yields its base URL."""
    reason = _missing()
    if reason:  # before any store or server is started
        pytest.skip(reason)
    if request.param == "neo4j":
        request.getfixturevalue("neo4j_store")  # empties the session's Neo4j database
        db = request.getfixturevalue("neo4j_server").db_uri
    else:
        db = str(tmp_path / "graph")
    ingest = subprocess.run([*CLI, "--db", db, "ingest", str(SEEDS)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert ingest.returncode == 0, f"seed ingest failed:\n{ingest.stdout}\n{ingest.stderr}"
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [*CLI, "--db", db, "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
        env={**os.environ, "SCKG_API_KEY": API_KEY})  # the UI's review steps sign with it
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if _get(f"{base}/health")[0] == 200:
                    break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail(f"sckg serve did not come up:\n{(tmp_path / 'serve.log').read_text()}")
            time.sleep(0.2)
        try:
            status, body = _get(f"{base}/")
        except OSError as exc:
            status, body = getattr(exc, "code", 0), str(exc)
        assert status == 200 and "static/app.js" in body, (
            "GET / does not serve the browser view: create_app() must include "
            f"app.routes.web.router (got {status}: {body[:200]})")
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


@pytest.mark.parametrize("served", ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)],
                         indirect=True)
@pytest.mark.timeout(600)
def test_web_ui(served: str, tmp_path: Path) -> None:
    shots = SCREENSHOTS if os.environ.get("SCKG_UPDATE_SCREENSHOTS") == "1" else tmp_path / "shots"
    env = {**os.environ, "SCKG_URL": served, "SCREENSHOT_DIR": str(shots),
           "CHROMIUM": _chromium() or "", "SCKG_API_KEY": API_KEY}
    run = subprocess.run(["node", str(SPEC)], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=300)
    print(run.stdout)
    assert run.returncode == 0, f"browser test failed:\n{run.stdout}\n{run.stderr}"
    for name in ("explorer.png", "event.png", "contested.png"):
        assert (shots / name).stat().st_size > 10_000, f"{name} looks empty"
