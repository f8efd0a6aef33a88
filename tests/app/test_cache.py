"""The read cache: answers are served again only while the graph is unchanged."""

from __future__ import annotations

import asyncio
import threading
import tracemalloc
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.api import create_app
from app.cache import GenerationWatch, ReadCache
from app.settings import Settings
from graph import cypher_catalog
from graph.neo4j_store import Neo4jStore
from tests.graph.test_store_contract import phone_call


def test_read_cache_stays_within_its_byte_budget() -> None:
    async def app(scope: Any, receive: Any, send: Any) -> None:
        raise AssertionError("not called")

    cache = ReadCache(app, max_entries=100, max_bytes=250, max_entry_bytes=100)
    start = {"type": "http.response.start", "status": 200, "headers": []}
    for i in range(10):
        body = {"type": "http.response.body", "body": b"x" * 60}
        cache._store((f"/p{i}", b""), "0", [start, body])
    cache._store(("/big", b""), "0", [start, {"type": "http.response.body", "body": b"x" * 101}])

    assert cache.size == 240 and [k[0] for k in cache.entries] == ["/p6", "/p7", "/p8", "/p9"]


def test_a_streamed_answer_past_the_entry_limit_is_passed_on_and_not_held() -> None:
    mb = 1 << 20

    async def app(scope: Any, receive: Any, send: Any) -> None:  # a 40 MB export, streamed
        await send({"type": "http.response.start", "status": 200, "headers": []})
        for _ in range(40):
            await send({"type": "http.response.body", "body": b"x" * mb, "more_body": True})
        await send({"type": "http.response.body", "body": b""})

    cache = ReadCache(app, max_entries=100, max_bytes=64 * mb, max_entry_bytes=mb)
    owner = type("App", (), {"state": type("State", (), {
        "generations": GenerationWatch(lambda: "g1", in_thread=False)})()})()  # fmt: skip
    scope = {"type": "http", "method": "GET", "path": "/export", "query_string": b"",
             "app": owner}  # fmt: skip
    passed_on = 0

    async def send(message: dict[str, Any]) -> None:
        nonlocal passed_on
        passed_on += len(message.get("body", b""))

    tracemalloc.start()
    try:
        asyncio.run(cache(scope, None, send))  # type: ignore[arg-type]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert passed_on == 40 * mb and cache.entries == {}
    assert peak < 8 * mb  # each block let go once sent, not kept until the answer ends


def test_waiting_callers_share_one_read_that_starts_after_they_arrive() -> None:
    reads: list[int] = []
    release = threading.Event()

    def read() -> str:
        release.wait(5)
        reads.append(len(reads))
        return f"g{len(reads)}"

    async def scenario() -> list[str]:
        watch = GenerationWatch(read, in_thread=True)
        first = asyncio.create_task(watch.current())
        await asyncio.sleep(0.05)  # the first read is under way, blocked
        later = [asyncio.create_task(watch.current()) for _ in range(20)]
        await asyncio.sleep(0.05)
        release.set()
        return [await first, *[await task for task in later]]

    answers = asyncio.run(scenario())

    assert answers == ["g1"] + ["g2"] * 20  # 21 callers, two reads; the late ones got the second
    assert len(reads) == 2


def test_a_failed_read_reaches_every_waiter() -> None:
    def read() -> str:
        raise OSError("store down")

    async def scenario() -> list[BaseException | str]:
        watch = GenerationWatch(read, in_thread=True)
        calls = [watch.current() for _ in range(3)]
        return list(await asyncio.gather(*calls, return_exceptions=True))

    assert [type(x) for x in asyncio.run(scenario())] == [OSError] * 3


@pytest.fixture
def neo4j_client(neo4j_store: Neo4jStore, neo4j_server: object) -> Iterator[TestClient]:
    uri = neo4j_server.db_uri  # type: ignore[attr-defined]
    with TestClient(create_app(Settings(db=uri))) as client:
        yield client


@pytest.mark.neo4j
def test_a_write_by_another_process_is_seen_at_once(
    neo4j_client: TestClient, neo4j_store: Neo4jStore
) -> None:
    empty = neo4j_client.get("/stats").json()
    assert neo4j_client.get("/stats").json() == empty  # kept, and still right

    neo4j_store.write(phone_call())  # not through the API: its cache must notice

    assert neo4j_client.get("/stats").json()["total_nodes"] == len(phone_call().nodes)


@pytest.mark.neo4j
def test_a_kept_answer_is_served_without_asking_the_store(
    neo4j_client: TestClient, neo4j_store: Neo4jStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    neo4j_store.write(phone_call())
    first = neo4j_client.get("/claims/denied")
    app_store = neo4j_client.app.state.store  # type: ignore[attr-defined]
    original, asked = app_store.read, []

    def read(text: str, params: Any = None, **kw: Any) -> Any:
        asked.append(text.splitlines()[0])
        return original(text, params, **kw)

    monkeypatch.setattr(app_store, "read", read)

    again = neo4j_client.get("/claims/denied")
    only_generation = list(asked)
    neo4j_client.get("/claims/denied?limit=3")  # not kept yet: asks

    assert again.json() == first.json()
    assert only_generation == [cypher_catalog.load("read_state").splitlines()[0]]
    assert len(asked) == 3


def test_the_cache_can_be_turned_off(tmp_path: Any) -> None:
    app = create_app(Settings(db=str(tmp_path / "g"), read_cache_mb=0))
    with TestClient(app) as client:
        assert client.get("/stats").status_code == 200
        assert not hasattr(app.state, "generations")
