"""Every error path of the API answers in the one shape (the datasette lesson).

Each case below provokes one kind of failure, from routing to an unexpected
exception deep in a store, and the test checks status, code and shape. A fake
store stands in where only a failing store can provoke the error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.api import create_app
from app.routes import ingest as ingest_route
from app.settings import Settings
from graph.embedded import EmbeddedStore
from graph.errors import GraphError, InvalidInput, NotFound, Unavailable, Unsupported
from graph.model import ExportStream, GraphExport

KEY = "s3cret-key"


class FailingStore(EmbeddedStore):
    """An embedded store whose reads raise ``error``."""

    def __init__(self, error: Exception) -> None:
        super().__init__(None)
        self.error = error

    def counts(self) -> dict[str, int]:
        raise self.error

    def export(self, node_ids: Any = None) -> GraphExport:
        raise self.error

    def export_stream(self, page_size: int = 500) -> ExportStream:
        def failing() -> Iterator[Any]:
            raise self.error
            yield  # a generator: it fails when first read, as a store's pages do

        return ExportStream(failing(), failing())


def _client(
    tmp_path: Path, store: EmbeddedStore | None = None, **settings: Any
) -> Iterator[TestClient]:
    app = create_app(Settings(db=str(tmp_path / "graph"), **settings), store=store)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    yield from _client(tmp_path, api_key=KEY)


def assert_shape(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert list(body) == ["error"]
    error: dict[str, Any] = body["error"]
    assert list(error) == ["status", "code", "message", "detail"]
    assert error["status"] == status and error["code"] == code
    assert isinstance(error["message"], str) and error["message"].strip()
    return error


Call = Callable[[TestClient], Any]
AUTH = {"X-API-Key": KEY}

CASES: list[tuple[str, Call, int, str]] = [
    ("unknown route", lambda c: c.get("/no/such/route"), 404, "not_found"),
    ("wrong method", lambda c: c.delete("/stats"), 405, "method_not_allowed"),
    ("bad query parameter", lambda c: c.get("/search", params={"q": ""}), 422, "validation_error"),
    (
        "bad path-bound parameter",
        lambda c: c.get("/nodes/x/neighbourhood?depth=9"),
        422,
        "validation_error",
    ),
    ("bad date", lambda c: c.get("/claims/denied?date_from=25.07.2022"), 422, "validation_error"),
    ("bad JSON body", lambda c: c.post("/cypher", json={"params": {}}), 422, "validation_error"),
    (
        "body not JSON",
        lambda c: c.post(
            "/cypher", content=b"{not json", headers={"content-type": "application/json"}
        ),
        422,
        "validation_error",
    ),
    ("GraphError NotFound", lambda c: c.get("/nodes/actor:nobody"), 404, "not_found"),
    (
        "GraphError Unsupported",
        lambda c: c.post("/cypher", json={"query": "RETURN 1"}),
        400,
        "unsupported",
    ),
    ("ingest without key", lambda c: c.post("/ingest", json={"articles": []}), 403, "forbidden"),
    (
        "ingest wrong key",
        lambda c: c.post("/ingest", json={}, headers={"X-API-Key": "no"}),
        403,
        "forbidden",
    ),
    (
        "ingest bad articles",
        lambda c: c.post("/ingest", json={"articles": [{"title": "x"}]}, headers=AUTH),
        422,
        "validation_error",
    ),
    (
        "ingest empty list",
        lambda c: c.post("/ingest", json={"articles": []}, headers=AUTH),
        422,
        "validation_error",
    ),
    (
        "ingest other media type",
        lambda c: c.post("/ingest", content=b"hi", headers=AUTH),
        415,
        "unsupported_media_type",
    ),
    (
        "ingest form without files",
        lambda c: c.post("/ingest", data={"x": "1"}, headers=AUTH),
        415,
        "unsupported_media_type",
    ),
    (
        "ingest broken multipart",
        lambda c: c.post(
            "/ingest",
            content=b"--zz\r\nbroken",
            headers={**AUTH, "content-type": "multipart/form-data"},
        ),
        400,
        "bad_request",
    ),
]


@pytest.mark.parametrize(("what", "call", "status", "code"), CASES, ids=[c[0] for c in CASES])
def test_error_paths(client: TestClient, what: str, call: Call, status: int, code: str) -> None:
    assert_shape(call(client), status, code)


def test_validation_message_lists_the_bad_fields(client: TestClient) -> None:
    error = assert_shape(
        client.get("/claims/denied?limit=0&offset=-2&date_to=x"), 422, "validation_error"
    )
    fields = {d["field"] for d in error["detail"]}
    assert fields == {"query.limit", "query.offset", "query.date_to"}
    for field in fields:
        assert field in error["message"]


def test_ingest_disabled_without_a_key(tmp_path: Path) -> None:
    for client in _client(tmp_path, api_key=None):
        error = assert_shape(
            client.post("/ingest", json={"articles": []}, headers={"X-API-Key": "anything"}),
            403,
            "ingest_disabled",
        )
        assert error["message"] == "ingest disabled: set SCKG_API_KEY"


def test_multipart_without_files(client: TestClient) -> None:
    response = client.post(
        "/ingest", headers=AUTH, data={"note": "no file here"}, files={"other": ("", b"")}
    )
    error = assert_shape(response, 422, "validation_error")
    assert "no file" in error["message"]


def test_body_too_large(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest_route, "MAX_JSON_BYTES", 10)
    response = client.post("/ingest", json={"articles": [{"text": "long enough"}]}, headers=AUTH)
    assert_shape(response, 413, "payload_too_large")


@pytest.mark.parametrize(
    ("error", "status", "code"),
    [
        (NotFound("gone"), 404, "not_found"),
        (InvalidInput("bad"), 422, "invalid_input"),
        (Unsupported("not here"), 400, "unsupported"),
        (Unavailable("Neo4j is down"), 503, "unavailable"),
        (GraphError("other"), 400, "graph_error"),
    ],
)
def test_graph_errors_map_to_http(
    tmp_path: Path, error: GraphError, status: int, code: str
) -> None:
    for client in _client(tmp_path, store=FailingStore(error)):
        found = assert_shape(client.get("/stats"), status, code)
        assert found["message"] == str(error)


def test_ready_is_503_when_the_store_does_not_answer(tmp_path: Path) -> None:
    for client in _client(tmp_path, store=FailingStore(Unavailable("Neo4j is down"))):
        assert client.get("/health").status_code == 200
        error = assert_shape(client.get("/ready"), 503, "unavailable")
        assert "down" in error["message"]


def test_unexpected_errors_are_a_generic_500(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    for client in _client(tmp_path, store=FailingStore(RuntimeError("secret internals"))):
        for path in ("/stats", "/export"):
            error = assert_shape(client.get(path), 500, "internal_error")
            assert "secret" not in error["message"] and error["detail"] is None
    assert "secret internals" in caplog.text


def test_bad_query_input_is_never_a_500(client: TestClient) -> None:
    odd = ["%00", "a" * 600, "'; DROP", "\u202e", "{}", "..", " "]
    paths = [
        "/nodes/{}",
        "/nodes/{}/neighbourhood",
        "/events/{}/comparison",
        "/actors/{}/timeline",
        "/claims/{}/provenance",
    ]
    for value in odd:
        for path in paths:
            assert client.get(path.format(value)).status_code < 500, (path, value)
        for name in ("event_id", "actor_id", "source_id"):
            assert client.get("/claims/denied", params={name: value}).status_code < 500
        assert client.get("/search", params={"q": value}).status_code < 500


@pytest.mark.parametrize("day", ["0", "86400", "1700000000", "2022-07-25T00:00", "20220725"])
def test_a_date_filter_takes_an_iso_day_and_nothing_else(client: TestClient, day: str) -> None:
    # pydantic alone reads 0 and 86400 as days (seconds since 1970).
    assert_shape(client.get("/events/contested", params={"date_to": day}), 422,
                 "validation_error")
    assert client.get("/events/contested", params={"date_to": "2022-07-25"}).status_code == 200


def _parameter(client: TestClient, path: str, name: str) -> dict[str, Any]:
    operation = client.get("/openapi.json").json()["paths"][path]["get"]
    found: dict[str, Any] = next(p for p in operation["parameters"] if p["name"] == name)
    return found


def test_the_documented_page_bounds_are_the_enforced_ones(tmp_path: Path) -> None:
    for client in _client(tmp_path, page_limit_max=120):
        limit = _parameter(client, "/claims/denied", "limit")["schema"]
        offset = _parameter(client, "/claims/denied", "offset")["schema"]
        assert (limit["minimum"], limit["maximum"]) == (1, 120)
        assert client.get("/claims/denied", params={"limit": 120}).status_code == 200
        assert_shape(client.get("/claims/denied", params={"limit": 121}), 422,
                     "validation_error")
        top = offset["maximum"]
        assert client.get("/claims/denied", params={"offset": top}).status_code == 200
        assert_shape(client.get("/claims/denied", params={"offset": top + 1}), 422,
                     "validation_error")
        assert top < 2**63  # Neo4j's SKIP takes a 64-bit integer


def test_what_an_id_filter_refuses_is_documented(client: TestClient) -> None:
    actor = _parameter(client, "/claims/denied", "actor_id")["schema"]["anyOf"][0]
    assert actor["minLength"] == 1 and actor["pattern"] == r"[^ \t\n\r\f\v]"
    for blank in ("", "  ", "\v\t"):
        assert_shape(client.get("/claims/denied", params={"actor_id": blank}), 422,
                     "validation_error")
    # Unicode-only white space is a character like any other: an id that names nothing
    assert client.get("/claims/denied", params={"actor_id": "\x85"}).json()["items"] == []


def _patterns(document: Any) -> Iterator[str]:
    if isinstance(document, dict):
        for key, value in document.items():
            if key == "pattern" and isinstance(value, str):
                yield value
            else:
                yield from _patterns(value)
    elif isinstance(document, list):
        for value in document:
            yield from _patterns(value)


def test_every_documented_pattern_reads_the_same_in_any_regex_dialect(
        client: TestClient) -> None:
    """``\\w``, ``\\s``, ``\\d`` and ``\\b`` are Unicode-aware in Python but not in
    JSON Schema's ECMA regex: a client generating requests from the document would
    take for valid what the server refuses (Schemathesis found one)."""
    patterns = set(_patterns(client.get("/openapi.json").json()))

    assert patterns  # the id filters have one
    assert {p for p in patterns if re.search(r"\\[wWsSdDbB]", p)} == set()


def test_search_text_without_a_letter_or_digit_finds_nothing(client: TestClient) -> None:
    for text in ("?!", "  ", "\xbd"):  # "½" is no letter
        answer = client.get("/search", params={"q": text})
        assert (answer.status_code, answer.json()["items"]) == (200, [])


def test_errors_are_not_cached(tmp_path: Path) -> None:
    store = FailingStore(Unavailable("down"))
    for client in _client(tmp_path, store=store):
        assert client.get("/stats").status_code == 503
        store.error = NotFound("now gone")
        assert client.get("/stats").status_code == 404
