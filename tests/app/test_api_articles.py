"""The article view: an article's kept text with the edges quoting it, on both stores."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.api import create_app
from app.settings import Settings
from graph.store import GraphStore
from ingest.pipeline import ingest_paths
from tests.app.test_api import db_of

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture
def samples(store: GraphStore, request: pytest.FixtureRequest) -> Iterator[TestClient]:
    ingest_paths(store, [SAMPLES], progress=False)
    store.flush()
    with TestClient(create_app(Settings(db=db_of(store, request)))) as client:
        yield client


def test_each_article_comes_with_its_text_and_every_quote_at_its_offsets(
        samples: TestClient, store: GraphStore) -> None:
    export = store.export()
    quoted: dict[str, set[str]] = {}
    for rel in export.relationships:
        if rel.type in ("ASSERTS", "DENIES"):
            quoted.setdefault(rel.properties["article_id"], set()).add(rel.id)
    articles = [n.id for n in export.nodes if n.labels == ["Article"]]

    for article_id in articles:
        view = samples.get(f"/articles/{article_id}").json()

        assert view["text"], article_id
        assert {i["edge_id"] for i in view["items"]} == quoted.get(article_id, set())
        for item in view["items"]:
            assert view["text"][item["start_char"]:item["end_char"]] == item["evidence"]
        starts = [i["start_char"] for i in view["items"]]
        assert starts == sorted(starts)
    assert sum(len(ids) for ids in quoted.values()) > 10


def test_an_unknown_article_is_a_404(samples: TestClient) -> None:
    answer = samples.get("/articles/article:0000000000000000")

    assert answer.status_code == 404
    assert answer.json()["error"]["code"] == "not_found"
