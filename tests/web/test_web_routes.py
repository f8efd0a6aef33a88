"""The web router serves the built page and its bundle, and nothing outside app/static."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.routes import web

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def client() -> Iterator[TestClient]:
    app = FastAPI()
    app.include_router(web.router)
    with TestClient(app) as c:
        yield c


def test_index_and_assets(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "static/app.js" in page.text and "static/style.css" in page.text
    js = client.get("/static/app.js")
    assert js.status_code == 200
    assert js.headers["content-type"].startswith("text/javascript")
    assert "cytoscape" in js.text  # bundled, not fetched from a CDN
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")


def test_no_remote_scripts_or_styles() -> None:
    html = (web.STATIC_DIR / "index.html").read_text()
    assert "http://" not in html and "https://" not in html


@pytest.mark.parametrize("path", ["/static/../api.py", "/static/%2e%2e/api.py",
                                  "/static/..%2fapi.py", "/static/nope.js", "/static/"])
def test_nothing_else_is_served(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_committed_bundle_matches_sources(tmp_path: Path) -> None:
    """app/static is what ``web/build.sh`` makes from web/src (rebuild and commit if not)."""
    if shutil.which("node") is None or not (ROOT / "web" / "node_modules" / "esbuild").is_dir():
        pytest.skip("node or web/node_modules missing (npm ci --prefix web)")
    subprocess.run(["node", "build.mjs", "--outdir", str(tmp_path)], cwd=ROOT / "web", check=True,
                   capture_output=True, timeout=120)
    def files(root: Path) -> list[Path]:
        return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())

    built, shipped = files(tmp_path), files(web.STATIC_DIR)
    assert built == shipped
    stale = [str(p) for p in built
             if (tmp_path / p).read_bytes() != (web.STATIC_DIR / p).read_bytes()]
    assert not stale, f"app/static is stale, run bash web/build.sh: {stale}"
