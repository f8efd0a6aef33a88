"""Dependencies the routes declare: settings, the store, a page, the ingest key.

The store is opened once per app (see :func:`app.api.create_app`) and handed to
each request. The embedded store is one in-memory networkx graph that the
queries read directly, so a write (``POST /ingest``) must not run while a read
iterates it: a :class:`StoreGate` lets any number of reads through together and
a write alone. On Neo4j the server isolates transactions and the gate is open.

Every dependency here is ``async`` on purpose: none blocks, and a sync
dependency would cost each request a hop through the thread pool.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Annotated, cast

from fastapi import Depends, Query, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.security import APIKeyHeader

from app.errors import ApiError
from app.settings import Settings
from graph.store import GraphStore

INGEST_DISABLED = "ingest disabled: set SCKG_API_KEY"
REVIEW_DISABLED = "reviews disabled: set SCKG_API_KEY (and send it as X-API-Key)"
BAD_KEY = "invalid or missing X-API-Key header"


class StoreGate:
    """Many readers or one writer (writers first, so ingest is never starved)."""

    def __init__(self, exclusive_writes: bool) -> None:
        self.exclusive_writes = exclusive_writes
        self._cond = asyncio.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[None]:
        if not self.exclusive_writes:
            yield
            return
        async with self._cond:
            await self._cond.wait_for(lambda: not self._writing and not self._writers_waiting)
            self._readers += 1
        try:
            yield
        finally:
            async with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @asynccontextmanager
    async def writing(self) -> AsyncIterator[None]:
        if not self.exclusive_writes:
            yield
            return
        async with self._cond:
            self._writers_waiting += 1
            try:
                await self._cond.wait_for(lambda: not self._writing and not self._readers)
            finally:
                self._writers_waiting -= 1
                self._cond.notify_all()  # readers held back by a cancelled writer go on
            self._writing = True
        try:
            yield
        finally:
            async with self._cond:
                self._writing = False
                self._cond.notify_all()


async def app_settings(request: Request) -> Settings:
    """The settings the app was built with."""
    return cast(Settings, request.app.state.settings)


def _gate(request: Request) -> StoreGate:
    return cast(StoreGate, request.app.state.gate)


def _store(request: Request) -> GraphStore:
    return cast(GraphStore, request.app.state.store)


async def read_store(request: Request) -> AsyncIterator[GraphStore]:
    """The app's store, held for reading until the request is done."""
    async with _gate(request).reading():
        yield _store(request)


@asynccontextmanager
async def write_store(request: Request) -> AsyncIterator[GraphStore]:
    """The app's store, held alone for writing (used inside the ingest route)."""
    async with _gate(request).writing():
        yield _store(request)


SettingsDep = Annotated[Settings, Depends(app_settings)]
StoreDep = Annotated[GraphStore, Depends(read_store)]


OFFSET_MAX = 10_000_000
"""Deepest page start: far past any list an analyst pages through, and far inside
the 64-bit integers Neo4j's SKIP takes."""


@dataclass(frozen=True)
class Page:
    """A slice of a result list: at most ``limit`` items after skipping ``offset``."""

    limit: int
    offset: int


async def page(
    settings: SettingsDep,
    limit: Annotated[
        int,
        Query(
            ge=1,
            description="Most items to return (at most the "
            "server's page limit, 500 unless configured).",
            examples=[50],
        ),
    ] = 50,
    offset: Annotated[
        int, Query(ge=0, le=OFFSET_MAX, description="Items to skip.", examples=[0])
    ] = 0,
) -> Page:
    """Pagination parameters, with the upper bound taken from the settings."""
    top = settings.page_limit_max
    if limit > top:
        raise RequestValidationError(
            [
                {
                    "type": "less_than_equal",
                    "loc": ("query", "limit"),
                    "msg": f"Input should be less than or equal to {top}",
                    "input": limit,
                }
            ]
        )
    return Page(limit=limit, offset=offset)


PageDep = Annotated[Page, Depends(page)]

_api_key_header = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="The key set in SCKG_API_KEY."
)


def _loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may resolve beyond this machine


async def require_cypher_access(
    settings: SettingsDep,
    key: Annotated[str | None, Security(_api_key_header)],
) -> None:
    """``POST /cypher``: on unless turned off; beyond loopback, only with the API key."""
    if not settings.cypher_enabled:
        raise ApiError(403, "cypher_disabled", "raw Cypher is turned off on this server "
                       "(SCKG_CYPHER_ENABLED=false); the named query endpoints still answer")
    if _loopback(settings.listen_host):
        return
    if settings.api_key is None:
        raise ApiError(403, "cypher_needs_key", "this server listens beyond loopback "
                       f"({settings.listen_host}); raw Cypher there needs SCKG_API_KEY set "
                       "and sent as X-API-Key")
    expected = settings.api_key.get_secret_value().encode("utf-8")
    if key is None or not hmac.compare_digest(key.encode("utf-8"), expected):
        raise ApiError(403, "forbidden", BAD_KEY)


async def require_api_key(
    settings: SettingsDep,
    key: Annotated[str | None, Security(_api_key_header)],
) -> None:
    """``POST /ingest``: only with the configured key (compared in constant time)."""
    _check_key(settings, key, "ingest_disabled", INGEST_DISABLED)


async def require_review_key(
    settings: SettingsDep,
    key: Annotated[str | None, Security(_api_key_header)],
) -> None:
    """``POST /edges/{id}/review``: the same key as ingest (a review is a write)."""
    _check_key(settings, key, "review_disabled", REVIEW_DISABLED)


def _check_key(settings: Settings, key: str | None, code: str, disabled: str) -> None:
    if settings.api_key is None:
        raise ApiError(403, code, disabled)
    expected = settings.api_key.get_secret_value().encode("utf-8")
    if key is None or not hmac.compare_digest(key.encode("utf-8"), expected):
        raise ApiError(403, "forbidden", BAD_KEY)
