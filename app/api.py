"""The HTTP API: ``create_app(settings)`` builds a FastAPI app over one graph store.

Run it with ``uvicorn app.api:create_app --factory`` (settings from ``SCKG_*``
variables) or build one in code, as the tests do::

    app = create_app(Settings(db="/tmp/graph"))

The store named by ``settings.db`` (an embedded-store folder or a ``bolt://``
URI) is opened once when the app starts and closed when it stops; a caller may
instead hand in an open store, which it then keeps owning. Routes live in
:mod:`app.routes`, one module per area; every error leaves in the one shape of
:mod:`app.errors`.

On the embedded store, successful GET answers are kept in a small in-memory
cache (:class:`ReadCache`) until the next write through this app: that store
changes through nothing else, so a cached answer is exactly what the query
would compute again. On Neo4j, where other processes write, nothing is cached.

Each process opens its own store. With several uvicorn workers on the
embedded store each worker holds its own copy of the graph: fine for reading,
but ingest through one worker is not seen by the others (use one worker, or
Neo4j, when ingesting over HTTP).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.deps import StoreGate
from app.errors import install_error_handlers
from app.routes import analytics, cypher, export, health, ingest, nodes, queries, web
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


class ReadCache:
    """ASGI middleware: GET 200 answers of the embedded store, valid until its next write.

    Keyed on path and query string; bounded in entries and bytes, least recently
    used first out; answers over 1 MB are not kept. An answer is stored under
    the store generation seen *before* it was computed, so one that raced a
    write is never served as current.
    """

    UNCACHED = frozenset({"/health", "/ready"})

    def __init__(
        self, app: ASGIApp, max_entries: int = 2048, max_bytes: int = 64 << 20,
        max_entry_bytes: int = 1 << 20,
    ) -> None:  # fmt: skip
        self.app = app
        self.max_entries = max_entries
        self.max_bytes = max_bytes  # all bodies together
        self.max_entry_bytes = max_entry_bytes
        self.size = 0
        self.entries: OrderedDict[tuple[str, bytes], tuple[int, int, list[Message]]] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        gate = _gate_of(scope)
        if gate is None or scope["method"] != "GET" or scope["path"] in self.UNCACHED:
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope["query_string"])
        generation = gate.generation
        hit = self.entries.get(key)
        if hit is not None and hit[0] == generation:
            self.entries.move_to_end(key)
            for message in hit[2]:
                await send(message)
            return
        sent: list[Message] = []

        async def keep(message: Message) -> None:
            sent.append(message)
            await send(message)

        await self.app(scope, receive, keep)
        self._store(key, generation, sent)

    def _store(self, key: tuple[str, bytes], generation: int, sent: list[Message]) -> None:
        if not sent or sent[0]["type"] != "http.response.start" or sent[0]["status"] != 200:
            return
        size = sum(len(m.get("body", b"")) for m in sent[1:])
        if size > self.max_entry_bytes:
            return
        old = self.entries.pop(key, None)
        self.size += size - (old[1] if old else 0)
        self.entries[key] = (generation, size, sent)
        while len(self.entries) > self.max_entries or self.size > self.max_bytes:
            _, (_, dropped, _) = self.entries.popitem(last=False)
            self.size -= dropped


def _gate_of(scope: Scope) -> StoreGate | None:
    """The gate of an embedded store serving this HTTP request, else None."""
    if scope["type"] != "http":
        return None
    state: Any = getattr(scope.get("app"), "state", None)
    gate = getattr(state, "gate", None)
    return gate if isinstance(gate, StoreGate) and gate.exclusive_writes else None


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
        app.state.gate = StoreGate(exclusive_writes=isinstance(opened, EmbeddedStore))
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
    app.add_middleware(ReadCache)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "X-API-Key"],
        )
    for module in (health, queries, analytics, nodes, export, ingest, cypher, web):
        app.include_router(module.router)
    return app
