"""``POST /ingest`` on both stores: the key, JSON and file uploads, bad input as skipped."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.api import create_app
from app.settings import Settings
from graph.embedded import EmbeddedStore
from graph.store import GraphStore

KEY = "correct horse battery staple"
TEXT = (
    "On 25 July US Secretary of State Antony Blinken had a phone call with President of "
    "Azerbaijan Ilham Aliyev. According to the State Department, the sides discussed the "
    "peace treaty with Armenia.\n"
)
FRONT = "---\ntitle: Blinken calls Aliyev\noutlet: JAMnews\npublished: 2022-07-26\n---\n"
ARTICLE = {
    "text": TEXT,
    "title": "Blinken calls Aliyev",
    "outlet": "JAMnews",
    "published": "2022-07-26",
    "language": "en",
}


def _db(store: GraphStore, request: pytest.FixtureRequest) -> str:
    if isinstance(store, EmbeddedStore):
        return str(store.path)
    return str(request.getfixturevalue("neo4j_server").db_uri)


@pytest.fixture
def make_client(store: GraphStore, request: pytest.FixtureRequest) -> Iterator[Any]:
    """Build a client over the (empty) store with the given API key setting."""
    opened: list[TestClient] = []

    def make(api_key: str | None = KEY) -> TestClient:
        client = TestClient(create_app(Settings(db=_db(store, request), api_key=api_key)))
        opened.append(client.__enter__())
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)


def _articles(client: TestClient) -> int:
    count: int = client.get("/stats").json()["nodes"]["Article"]
    return count


def test_refused_while_no_key_is_configured(make_client: Any) -> None:
    client = make_client(api_key=None)
    response = client.post("/ingest", json={"articles": [ARTICLE]}, headers={"X-API-Key": KEY})
    assert response.status_code == 403
    assert response.json()["error"]["message"] == "ingest disabled: set SCKG_API_KEY"
    assert _articles(client) == 0


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"X-API-Key": "wrong"},
        {"X-API-Key": KEY + " "},
        {"X-API-Key": ""},
        {"x-api-key": KEY[:-1]},
    ],
)
def test_refused_with_a_wrong_or_missing_key(make_client: Any, headers: dict[str, str]) -> None:
    client = make_client()
    response = client.post("/ingest", json={"articles": [ARTICLE]}, headers=headers)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert _articles(client) == 0


def test_json_articles(make_client: Any) -> None:
    client = make_client()
    response = client.post("/ingest", json={"articles": [ARTICLE]}, headers={"X-API-Key": KEY})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["ingested"] == 1 and body["skipped"] == []
    assert body["counts"]["nodes"] > 0 and body["seconds"] >= 0
    assert _articles(client) == 1
    hits = client.get("/search", params={"q": "Blinken", "label": "Actor"}).json()["items"]
    assert hits, "the extracted actor is searchable right after ingest"


def test_file_uploads_with_bad_ones_reported_as_skipped(make_client: Any) -> None:
    client = make_client()
    lines = json.dumps({"text": TEXT.replace("25 July", "26 July")}) + "\n{broken\n"
    files = [
        ("files", ("call.txt", (FRONT + TEXT).encode(), "text/plain")),
        ("files", ("more.jsonl", lines.encode(), "application/x-ndjson")),
        ("files", ("scan.pdf", b"%PDF-1.7 ...", "application/pdf")),
        ("files", ("binary.txt", bytes(range(256)) * 4, "text/plain")),
        ("files", ("empty.md", b"", "text/markdown")),
    ]
    response = client.post("/ingest", files=files, headers={"X-API-Key": KEY})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["ingested"] == 2
    skipped = {(s["path"], s["line"]) for s in body["skipped"]}
    assert skipped == {
        ("more.jsonl", 2),
        ("scan.pdf", None),
        ("binary.txt", None),
        ("empty.md", None),
    }
    assert all(s["reason"] for s in body["skipped"])
    assert _articles(client) == 2


def test_reingesting_the_same_article_merges(make_client: Any) -> None:
    client = make_client()
    answers = []
    for _ in range(2):
        response = client.post("/ingest", json={"articles": [ARTICLE]}, headers={"X-API-Key": KEY})
        assert response.status_code == 200
        answers.append(response.json())
    assert _articles(client) == 1
    assert [(a["ingested"], a["already"]) for a in answers] == [(1, 0), (0, 1)]


def test_answers_change_after_an_ingest(make_client: Any) -> None:
    """Read answers (cached until the graph changes) are fresh after every write."""
    client = make_client()
    before = client.get("/stats").json()
    assert client.get("/stats").json() == before
    assert client.get("/search", params={"q": "Blinken"}).json()["items"] == []
    response = client.post("/ingest", json={"articles": [ARTICLE]}, headers={"X-API-Key": KEY})
    assert response.status_code == 200
    after = client.get("/stats").json()
    assert after["nodes"]["Article"] == before["nodes"]["Article"] + 1
    assert client.get("/search", params={"q": "Blinken"}).json()["items"] != []


def test_store_gate_lets_readers_share_and_writers_wait() -> None:
    """Reads overlap; a write waits for them, and reads that arrive meanwhile wait for it."""
    import asyncio

    from app.deps import StoreGate

    async def scenario() -> list[str]:
        gate, log = StoreGate(exclusive_writes=True), []
        first_read_in = asyncio.Event()

        async def read(name: str, hold: float) -> None:
            async with gate.reading():
                log.append(f"{name} in")
                first_read_in.set()
                await asyncio.sleep(hold)
                log.append(f"{name} out")

        async def write() -> None:
            await first_read_in.wait()
            async with gate.writing():
                log.append("write")

        async def late_read() -> None:
            await first_read_in.wait()
            await asyncio.sleep(0.01)
            await read("late", 0)

        await asyncio.gather(read("r1", 0.05), write(), late_read())
        return log

    assert asyncio.run(scenario()) == ["r1 in", "r1 out", "write", "late in", "late out"]


def test_a_cli_ingest_into_the_served_folder_is_answered_and_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``sckg serve`` and ``sckg ingest`` on one embedded folder: the API answers from
    the CLI's save, its own ingest adds to it, and while the CLI writes it says busy."""
    import app.routes.ingest as route

    folder = tmp_path / "g"
    article = tmp_path / "cli.txt"
    article.write_text(FRONT + TEXT)
    with TestClient(create_app(Settings(db=str(folder), api_key=KEY))) as client:
        assert _articles(client) == 0
        cli = subprocess.run([str(Path(sys.executable).with_name("sckg")), "--db", str(folder),
                              "ingest", "--no-progress", str(article)],
                             capture_output=True, text=True, timeout=300)
        assert cli.returncode == 0, cli.stderr
        assert _articles(client) == 1  # the CLI's save, seen without a restart
        other = dict(ARTICLE, text=TEXT.replace("25 July", "26 July"), title="Second call")
        response = client.post("/ingest", json={"articles": [other]}, headers={"X-API-Key": KEY})
        assert response.status_code == 200
        assert _articles(client) == 2

        monkeypatch.setattr(route, "WRITER_WAIT_S", 0.2)
        holder = EmbeddedStore.open(folder)
        with holder.writing():  # a writer elsewhere (another handle: another lock holder)
            third = dict(ARTICLE, text=TEXT.replace("25 July", "27 July"), title="Third")
            busy = client.post("/ingest", json={"articles": [third]}, headers={"X-API-Key": KEY})
        assert busy.status_code == 503
        assert busy.json()["error"]["code"] == "store_busy"
    assert EmbeddedStore.open(folder).counts()["Article"] == 2
