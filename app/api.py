"""The HTTP API: ``create_app(settings)`` builds a FastAPI app over one graph store.

Run it with ``uvicorn app.api:create_app --factory`` (settings from ``SCKG_*``
variables) or build one in code, as the tests do::

    app = create_app(Settings(db="/tmp/graph"))

The store named by ``settings.db`` (an embedded-store folder or a ``bolt://``
URI) is opened once when the app starts and closed when it stops; a caller may
instead hand in an open store, which it then keeps owning. Routes live in
:mod:`app.routes`, one module per area; every error leaves in the one shape of
:mod:`app.errors`.

Successful GET answers are kept in memory while the graph's generation stays
the same (:mod:`app.cache`), on either store: a kept answer is exactly what the
query would compute again. ``SCKG_READ_CACHE_MB=0`` turns the cache off.

Each process opens its own store. With several uvicorn workers on the
embedded store each worker holds its own copy of the graph: fine for reading,
but ingest through one worker is not seen by the others (use one worker, or
Neo4j, when ingesting over HTTP).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.concurrency import run_in_threadpool

from app.cache import GenerationWatch, ReadCache
from app.deps import StoreGate
from app.errors import install_error_handlers
from app.routes import analytics, cypher, export, health, ingest, nodes, queries, review, web
from app.routes._openapi import document_page_limit
from app.routes.health import VERSION
from app.settings import Settings, get_settings
from graph.embedded import EmbeddedStore
from graph.store import GraphStore, open_store

DESCRIPTION = """\
Who asserts, denies and omits what about South Caucasus diplomacy: the named
queries of the sckg knowledge graph, graph export, ingest and read-only Cypher.

Every error has the body
`{"error": {"status": int, "code": str, "message": str, "detail": any}}`.
"""

TAGS = [
    {"name": "queries", "description": "The named analyst queries, paged."},
    {"name": "analytics", "description": "Network measures over sources and actors."},
    {"name": "graph", "description": "Nodes, counts and exports."},
    {"name": "ingest", "description": "Add articles (needs the X-API-Key header)."},
    {"name": "cypher", "description": "Read-only Cypher, on the Neo4j store only."},
    {"name": "health", "description": "Liveness and readiness."},
]


def _open(settings: Settings) -> GraphStore:
    return open_store(
        settings.db,
        user=settings.neo4j_user,
        password=settings.neo4j_password_value(),
        database=settings.neo4j_database,
    )


def create_app(settings: Settings | None = None, *, store: GraphStore | None = None) -> FastAPI:
    """Build the app; ``store`` (owned by the caller) replaces opening ``settings.db``."""
    settings = settings if settings is not None else get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        opened = store if store is not None else await run_in_threadpool(_open, settings)
        app.state.store = opened
        in_memory = isinstance(opened, EmbeddedStore)
        app.state.gate = StoreGate(exclusive_writes=in_memory)
        if settings.read_cache_mb > 0:
            app.state.generations = GenerationWatch(opened.generation, in_thread=not in_memory)
        try:
            yield
        finally:
            if store is None:
                await run_in_threadpool(opened.close)

    app = FastAPI(
        title="sckg", version=VERSION, description=DESCRIPTION, openapi_tags=TAGS, lifespan=lifespan
    )
    app.state.settings = settings
    install_error_handlers(app)
    if settings.read_cache_mb > 0:
        app.add_middleware(ReadCache, max_bytes=settings.read_cache_mb << 20)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "X-API-Key", "X-Reviewer"],
        )
    for module in (health, queries, analytics, nodes, export, ingest, review, cypher, web):
        app.include_router(module.router)
    generate = app.openapi
    app.openapi = lambda: document_page_limit(generate(), settings.page_limit_max)  # type: ignore[method-assign]
    return app
