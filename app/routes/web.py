"""The browser view: ``/`` serves ``app/static/index.html``, ``/static/...`` its bundle.

The files are built from ``web/`` (``bash web/build.sh``) and committed, so the
Python package serves them without Node. The page reads the graph only through
the JSON API, so it works on the embedded store and on Neo4j alike.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse, HTMLResponse

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"

router = APIRouter(include_in_schema=False)

_MEDIA_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}
# Names are not content-hashed: let browsers revalidate rather than cache blindly.
_HEADERS = {"Cache-Control": "no-cache"}


def _missing() -> HTMLResponse:
    return HTMLResponse(
        "<!doctype html><title>sckg</title><p>The browser view is not built: run "
        "<code>bash web/build.sh</code>. The JSON API is at <a href='docs'>/docs</a>.</p>",
        status_code=503,
    )


@router.get("/", response_model=None)
def index() -> FileResponse | HTMLResponse:
    """The single-page browser view (explorer, readout comparison, contested claims)."""
    page = STATIC_DIR / "index.html"
    if not page.is_file():
        return _missing()
    return FileResponse(page, media_type=_MEDIA_TYPES[".html"], headers=_HEADERS)


@router.get("/static/{name:path}")
def static_file(name: str) -> FileResponse:
    """A file of the built bundle; nothing outside ``app/static`` is reachable."""
    root = STATIC_DIR.resolve()
    path = (root / name).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        raise HTTPException(404, f"no static file {name!r}")
    return FileResponse(path, media_type=_MEDIA_TYPES.get(path.suffix), headers=_HEADERS)
