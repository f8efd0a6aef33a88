"""The read cache: a GET answer is served again while the graph has not changed.

Analysts' front ends ask the same questions over and over (the contested list,
one event's comparison, a timeline), and the graph changes only when articles
are ingested. So each answer is kept with the store's *generation*
(:meth:`graph.store.GraphStore.generation`), a token every write changes, in
this process or any other (on Neo4j it lives in the database and every sckg
write bumps it). A kept answer is served only while the generation is the same.

The generation is read once per request, before the answer: an answer that
raced a write is stored under the older token and never served as current. On
Neo4j that read is a round trip, so :class:`GenerationWatch` shares one read
among every request waiting at the time, never giving a request a token older
than its arrival.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

Key = tuple[str, bytes]


class GenerationWatch:
    """The store's generation, read no earlier than the moment each caller asks.

    With ``in_thread`` (a store that answers over the network) the read runs
    in the thread pool, and callers who arrive while a read is under way wait
    for the next one, which starts after they arrived. Under load one read
    serves every request that queued during the previous read.
    """

    def __init__(self, read: Callable[[], str], *, in_thread: bool) -> None:
        self._read = read
        self._in_thread = in_thread
        self._waiting: asyncio.Future[str] | None = None
        self._reader: asyncio.Task[None] | None = None

    async def current(self) -> str:
        if not self._in_thread:
            return self._read()
        if self._waiting is None:
            self._waiting = asyncio.get_running_loop().create_future()
        waiting = self._waiting
        if self._reader is None or self._reader.done():
            self._reader = asyncio.create_task(self._read_for_waiters())
        # shield: a caller that goes away must not cancel the read the others wait for
        return await asyncio.shield(waiting)

    async def _read_for_waiters(self) -> None:
        while self._waiting is not None:
            waiting, self._waiting = self._waiting, None
            try:
                waiting.set_result(await run_in_threadpool(self._read))
            except Exception as exc:  # every waiter gets the store's error
                waiting.set_exception(exc)
                waiting.exception()  # retrieved here too, so a lone one is not logged as lost


class ReadCache:
    """ASGI middleware: GET 200 answers, each valid while the store's generation holds.

    Keyed on path and query string; bounded in entries and bytes, least
    recently used first out; answers over ``max_entry_bytes`` are not kept.
    When the generation cannot be read (store down) the request goes through
    uncached and the route reports the error.
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
        self.entries: OrderedDict[Key, tuple[str, int, list[Message]]] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        watch = _watch_of(scope)
        if watch is None or scope["method"] != "GET" or scope["path"] in self.UNCACHED:
            await self.app(scope, receive, send)
            return
        try:
            generation = await watch.current()
        except Exception:
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope["query_string"])
        hit = self.entries.get(key)
        if hit is not None and hit[0] == generation:
            self.entries.move_to_end(key)
            for message in hit[2]:
                await send(message)
            return
        sent: list[Message] = []
        held = 0
        too_big = False

        async def keep(message: Message) -> None:
            # A streamed answer (a whole-graph export) is not held past the entry limit.
            nonlocal held, too_big
            if not too_big:
                held += len(message.get("body", b""))
                too_big = held > self.max_entry_bytes
                if too_big:
                    sent.clear()
                else:
                    sent.append(message)
            await send(message)

        await self.app(scope, receive, keep)
        if not too_big:
            self._store(key, generation, sent)

    def _store(self, key: Key, generation: str, sent: list[Message]) -> None:
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


def _watch_of(scope: Scope) -> GenerationWatch | None:
    """The generation watch of the app serving this HTTP request, if it caches."""
    if scope["type"] != "http":
        return None
    state: Any = getattr(scope.get("app"), "state", None)
    watch = getattr(state, "generations", None)
    return watch if isinstance(watch, GenerationWatch) else None
