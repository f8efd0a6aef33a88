"""The HTTP API end to end, on the embedded store and on a real Neo4j.

Each test builds a fresh app with ``create_app(Settings(db=...))`` over a store
seeded with one small story: the Blinken–Aliyev call of 25 July 2022, told by
the State Department and by president.az, with Haqqin.az denying one point.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.api import create_app
from app.settings import Settings
from graph import ids
from graph.embedded import EmbeddedStore
from graph.model import Actor, Article, Claim, Edge, EdgeType, Event, GraphFragment, Source
from graph.store import GraphStore

BLINKEN, ALIYEV = ids.actor_id("Antony Blinken"), ids.actor_id("Ilham Aliyev")
STATE, PRESIDENT, HAQQIN = (
    ids.source_id(n) for n in ("US State Department", "president.az", "Haqqin.az")
)
EVENT = ids.event_id("phone_call", "2022-07-25", [BLINKEN, ALIYEV])
MINSK_TEXT = "the sides discussed the OSCE Minsk Group"
TREATY_TEXT = "the sides discussed the peace treaty"
MINSK, TREATY = ids.claim_id(EVENT, MINSK_TEXT), ids.claim_id(EVENT, TREATY_TEXT)
TEXTS = {
    "state": "Secretary Blinken spoke with President Aliyev. They discussed the OSCE Minsk "
    "Group. They discussed the peace treaty.",
    "president": "President Ilham Aliyev received a phone call from Antony Blinken. "
    "The peace treaty was discussed.",
    "haqqin": "Haqqin.az: the Minsk Group was not discussed during the conversation.",
}
ARTICLES = {key: ids.article_id(ids.content_hash(text)) for key, text in TEXTS.items()}


def _account(kind: EdgeType, source: str, claim: str, key: str, quote: str) -> Edge:
    start = TEXTS[key].index(quote)
    return Edge(
        id=ids.edge_id(kind, source, claim, ARTICLES[key]),
        type=kind,
        start=source,
        end=claim,
        evidence=quote,
        article_id=ARTICLES[key],
        start_char=start,
        end_char=start + len(quote),
        confidence=0.9,
        method="rule",
    )


def _edge(kind: EdgeType, start: str, end: str, **props: Any) -> Edge:
    return Edge(id=ids.edge_id(kind, start, end), type=kind, start=start, end=end, **props)


def seed_fragment() -> GraphFragment:
    """Two readouts of one call and a denial: the smallest graph every query answers."""
    nodes: list[Any] = [
        Actor(
            id=BLINKEN, name="Antony Blinken", kind="person", aliases=["@SecBlinken"], known=True
        ),
        Actor(id=ALIYEV, name="Ilham Aliyev", kind="person", known=True),
        Source(id=STATE, name="US State Department", kind="ministry", known=True),
        Source(id=PRESIDENT, name="president.az", kind="press_service", known=True),
        Source(id=HAQQIN, name="Haqqin.az", kind="outlet"),
        Event(
            id=EVENT,
            kind="phone_call",
            name="Blinken–Aliyev phone call",
            date="2022-07-25",
            date_precision="day",
        ),
        Claim(id=MINSK, text=MINSK_TEXT),
        Claim(id=TREATY, text=TREATY_TEXT),
        *(
            Article(
                id=ARTICLES[k],
                title=f"{k} readout",
                content_hash=ids.content_hash(t),
                published="2022-07-26",
                language="en",
                length=len(t),
            )
            for k, t in TEXTS.items()
        ),
    ]
    edges = [
        _edge(EdgeType.PARTICIPANT, EVENT, BLINKEN, role="initiator"),
        _edge(EdgeType.PARTICIPANT, EVENT, ALIYEV, role="counterpart"),
        _edge(EdgeType.SPEAKS_FOR, STATE, BLINKEN),
        _edge(EdgeType.SPEAKS_FOR, PRESIDENT, ALIYEV),
        *(_edge(EdgeType.ABOUT, c, EVENT) for c in (MINSK, TREATY)),
        *(_edge(EdgeType.MENTIONS, c, a) for c in (MINSK, TREATY) for a in (BLINKEN, ALIYEV)),
        *(
            _edge(EdgeType.PUBLISHED_BY, ARTICLES[k], s)
            for k, s in (("state", STATE), ("president", PRESIDENT), ("haqqin", HAQQIN))
        ),
        *(_edge(EdgeType.REPORTS, ARTICLES[k], EVENT) for k in TEXTS),
        _account(EdgeType.ASSERTS, STATE, MINSK, "state", "They discussed the OSCE Minsk Group."),
        _account(EdgeType.ASSERTS, STATE, TREATY, "state", "They discussed the peace treaty."),
        _account(
            EdgeType.ASSERTS, PRESIDENT, TREATY, "president", "The peace treaty was discussed."
        ),
        _account(
            EdgeType.DENIES,
            HAQQIN,
            MINSK,
            "haqqin",
            "the Minsk Group was not discussed during the conversation.",
        ),
        Edge(
            id=ids.edge_id("OMITS", PRESIDENT, MINSK),
            type=EdgeType.OMITS,
            start=PRESIDENT,
            end=MINSK,
            evidence="They discussed the OSCE Minsk Group.",
            article_id=ARTICLES["president"],
            method="comparison",
        ),
    ]
    return GraphFragment(nodes=nodes, edges=edges, recompute_omissions=[EVENT])


def db_of(store: GraphStore, request: pytest.FixtureRequest) -> str:
    """What ``--db`` names this store: its folder, or the test server's URI."""
    if isinstance(store, EmbeddedStore):
        assert store.path is not None
        return str(store.path)
    return str(request.getfixturevalue("neo4j_server").db_uri)


@pytest.fixture
def client(store: GraphStore, request: pytest.FixtureRequest) -> Iterator[TestClient]:
    """An app over the seeded store, opened from ``Settings(db=...)`` as in production."""
    store.write(seed_fragment())
    store.flush()
    app = create_app(Settings(db=db_of(store, request), page_limit_max=100))
    with TestClient(app) as test_client:
        yield test_client


def items(response: Any) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"items", "limit", "offset", "next_offset"}
    found: list[dict[str, Any]] = body["items"]
    return found


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    """The one error shape, with this status and code."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error: dict[str, Any] = body["error"]
    assert set(error) == {"status", "code", "message", "detail"}
    assert (error["status"], error["code"]) == (status, code)
    assert isinstance(error["message"], str) and error["message"]
    return error


# -- health ------------------------------------------------------------------


def test_health_and_ready(client: TestClient, store: GraphStore) -> None:
    health = client.get("/health")
    assert health.status_code == 200
    assert health.json()["status"] == "ok"
    ready = client.get("/ready")
    assert ready.status_code == 200
    kind = "embedded" if isinstance(store, EmbeddedStore) else "neo4j"
    assert ready.json() == {"status": "ready", "store": kind}


# -- the named queries ------------------------------------------------------------


def test_denied_claims(client: TestClient) -> None:
    [row] = items(client.get("/claims/denied"))
    assert row["claim_id"] == MINSK and row["event_id"] == EVENT
    assert [e["source_id"] for e in row["asserted_by"]] == [STATE]
    assert [e["source_id"] for e in row["denied_by"]] == [HAQQIN]
    assert row["denied_by"][0]["evidence"].startswith("the Minsk Group was not discussed")


@pytest.mark.parametrize(
    "query",
    [
        {"source_id": PRESIDENT},
        {"event_id": "event:none"},
        {"date_from": "2023-01-01"},
        {"date_to": "2022-07-24"},
        {"actor_id": "actor:nobody"},
    ],
)
def test_denied_claims_filters_exclude(client: TestClient, query: dict[str, str]) -> None:
    assert items(client.get("/claims/denied", params=query)) == []


def test_denied_claims_filters_keep(client: TestClient) -> None:
    query = {
        "event_id": EVENT,
        "actor_id": ALIYEV,
        "source_id": HAQQIN,
        "date_from": "2022-07-25",
        "date_to": "2022-07-25",
    }
    assert [r["claim_id"] for r in items(client.get("/claims/denied", params=query))] == [MINSK]


def test_omissions(client: TestClient) -> None:
    [row] = items(client.get("/omissions", params={"event_id": EVENT}))
    assert (row["claim_id"], row["source_id"]) == (MINSK, PRESIDENT)
    assert [e["source_id"] for e in row["asserted_by"]] == [STATE]
    assert items(client.get("/omissions", params={"source_id": STATE})) == []


def test_readout_comparison(client: TestClient) -> None:
    response = client.get(f"/events/{EVENT}/comparison")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["event"]["id"] == EVENT and body["total_claims"] == 2
    cells = {(c["claim_id"], c["source_id"]): c["status"] for c in body["cells"]}
    assert cells[(MINSK, STATE)] == "asserted"
    assert cells[(MINSK, HAQQIN)] == "denied"
    assert cells[(MINSK, PRESIDENT)] == "omitted"
    assert cells[(TREATY, PRESIDENT)] == "asserted"
    paged = client.get(f"/events/{EVENT}/comparison", params={"limit": 1, "offset": 1}).json()
    assert [c["id"] for c in paged["claims"]] == sorted([MINSK, TREATY])[1:]


def test_corroborated_claims(client: TestClient) -> None:
    [row] = items(client.get("/claims/corroborated"))
    assert row["claim_id"] == TREATY
    assert {a["id"] for a in row["actors"]} == {BLINKEN, ALIYEV}
    assert {e["source_id"] for e in row["asserted_by"]} == {STATE, PRESIDENT}


def test_contested_events(client: TestClient) -> None:
    [row] = items(client.get("/events/contested"))
    assert (row["event_id"], row["denials"], row["omissions"]) == (EVENT, 1, 1)
    assert row["score"] == 2 * row["denials"] + row["omissions"]
    assert items(client.get("/events/contested", params={"date_from": "2023-01-01"})) == []


def test_source_relations(client: TestClient) -> None:
    rows = items(client.get("/sources/relations"))
    pairs = {(r["source_a"], r["source_b"]): r for r in rows}
    assert pairs[(HAQQIN, STATE)]["denies"] == 1
    assert pairs[(PRESIDENT, STATE)]["corroborates"] == 1
    only = items(client.get("/sources/relations", params={"source_id": HAQQIN}))
    assert only and all(HAQQIN in (r["source_a"], r["source_b"]) for r in only)


def test_actor_timeline(client: TestClient) -> None:
    [row] = items(client.get(f"/actors/{ALIYEV}/timeline"))
    assert (row["event_id"], row["participant"], row["role"]) == (EVENT, True, "counterpart")
    assert {c["id"] for c in row["claims"]} == {MINSK, TREATY}


def test_claim_provenance(client: TestClient) -> None:
    response = client.get(f"/claims/{MINSK}/provenance")
    assert response.status_code == 200, response.text
    body = response.json()
    kinds = {(i["type"], i["source_id"]) for i in body["items"]}
    assert {("ASSERTS", STATE), ("DENIES", HAQQIN)} <= kinds
    asserted = next(i for i in body["items"] if i["type"] == "ASSERTS")
    text = TEXTS["state"]
    assert text[asserted["start_char"] : asserted["end_char"]] == asserted["evidence"]


def test_neighbourhood(client: TestClient) -> None:
    near = client.get(f"/nodes/{BLINKEN}/neighbourhood", params={"depth": 1}).json()
    ids_near = {n["id"] for n in near["nodes"]}
    assert {BLINKEN, EVENT, STATE, MINSK, TREATY} <= ids_near
    assert HAQQIN not in ids_near
    far = client.get(f"/nodes/{BLINKEN}/neighbourhood", params={"depth": 2}).json()
    assert HAQQIN in {n["id"] for n in far["nodes"]}
    for rel in far["relationships"]:
        assert {"id", "type", "start", "end", "properties"} == set(rel)


def test_search(client: TestClient) -> None:
    hits = items(client.get("/search", params={"q": "blinken"}))
    assert BLINKEN in {h["id"] for h in hits}
    actors = items(client.get("/search", params={"q": "a", "label": ["Actor"]}))
    assert actors and {h["label"] for h in actors} == {"Actor"}


# -- pagination -------------------------------------------------------------------


def test_pages_walk_the_whole_list(client: TestClient) -> None:
    everything = items(client.get("/search", params={"q": "a"}))
    assert len(everything) >= 3
    seen, offset = [], 0
    while offset is not None:
        body = client.get("/search", params={"q": "a", "limit": 2, "offset": offset}).json()
        assert len(body["items"]) <= 2 and body["limit"] == 2 and body["offset"] == offset
        seen.extend(body["items"])
        offset = body["next_offset"]
    assert seen == everything


@pytest.mark.parametrize(("limit", "offset"), [(0, 0), (101, 0), (-1, 0), (1, -1), ("x", 0)])
def test_page_bounds(client: TestClient, limit: Any, offset: Any) -> None:
    response = client.get("/claims/denied", params={"limit": limit, "offset": offset})
    error = assert_error(response, 422, "validation_error")
    field = "query.limit" if limit != 1 else "query.offset"
    assert field in error["message"]
    assert [d["field"] for d in error["detail"]] == [field]


def test_page_at_the_bounds(client: TestClient) -> None:
    assert items(client.get("/claims/denied", params={"limit": 100})) != []
    assert items(client.get("/claims/denied", params={"limit": 1, "offset": 10**6})) == []


# -- nodes, stats, export ------------------------------------------------------------


def test_get_node(client: TestClient) -> None:
    response = client.get(f"/nodes/{BLINKEN}")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == BLINKEN and body["labels"] == ["Actor"]
    assert body["properties"]["name"] == "Antony Blinken"


@pytest.mark.parametrize(
    "path",
    [
        "/nodes/actor:nobody",
        "/events/event:none/comparison",
        "/actors/actor:nobody/timeline",
        "/claims/claim:none/provenance",
        "/nodes/actor:nobody/neighbourhood",
        "/export?node=actor:nobody",
        "/export?node=actor:nobody&depth=0",
    ],
)
def test_unknown_ids_are_404(client: TestClient, path: str) -> None:
    error = assert_error(client.get(path), 404, "not_found")
    assert "nobody" in error["message"] or "none" in error["message"]


def test_stats(client: TestClient) -> None:
    body = client.get("/stats").json()
    assert body["nodes"] == {"Actor": 2, "Event": 1, "Source": 3, "Claim": 2, "Article": 3}
    assert body["relationships"]["ASSERTS"] == 3
    assert body["relationships"]["DENIES"] == 1
    assert body["relationships"]["OMITS"] == 1
    assert body["total_nodes"] == 11
    assert body["total_relationships"] == sum(body["relationships"].values())


def test_export_json_is_the_interchange_format(client: TestClient) -> None:
    response = client.get("/export")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert len(body["nodes"]) == 11
    assert {r["type"] for r in body["relationships"]} >= {"ASSERTS", "DENIES", "OMITS"}


def test_export_formats(client: TestClient) -> None:
    import xml.etree.ElementTree as ET

    import networkx as nx

    cyto = client.get("/export", params={"format": "cytoscape"})
    assert len(cyto.json()["elements"]["nodes"]) == 11
    graphml = client.get("/export", params={"format": "graphml"})
    assert graphml.headers["content-type"].startswith("application/graphml+xml")
    assert nx.parse_graphml(graphml.text).number_of_nodes() == 11
    gexf = client.get("/export", params={"format": "gexf"})
    assert gexf.headers["content-type"].startswith("application/gexf+xml")
    assert ET.fromstring(gexf.content).tag.endswith("gexf")
    assert_error(client.get("/export", params={"format": "pdf"}), 422, "validation_error")


def test_export_subgraph(client: TestClient) -> None:
    only = client.get("/export", params={"node": [EVENT, BLINKEN], "depth": 0}).json()
    assert {n["id"] for n in only["nodes"]} == {EVENT, BLINKEN}
    assert [r["type"] for r in only["relationships"]] == ["PARTICIPANT"]
    around = client.get("/export", params={"node": EVENT}).json()
    assert {BLINKEN, ALIYEV, MINSK, TREATY} <= {n["id"] for n in around["nodes"]}


# -- analytics ---------------------------------------------------------------------


def test_source_network(client: TestClient) -> None:
    response = client.get("/analytics/sources")
    assert response.status_code == 200, response.text
    body = response.json()
    nodes = {n["id"] for n in body["nodes"]}
    assert {HAQQIN, STATE} <= nodes <= {STATE, PRESIDENT, HAQQIN}
    signs = {frozenset((e["source_a"], e["source_b"])): e["sign"] for e in body["edges"]}
    assert signs[frozenset((HAQQIN, STATE))] == -1
    assert 0.0 <= body["balance"] <= 1.0
    assert sorted(s for camp in body["camps"] for s in camp) == sorted(nodes)


def test_actor_centrality(client: TestClient) -> None:
    rows = items(client.get("/analytics/actors/centrality"))
    assert {r["actor_id"] for r in rows} == {BLINKEN, ALIYEV}
    assert items(client.get("/analytics/actors/centrality", params={"limit": 1})) == rows[:1]


# -- OpenAPI ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def openapi() -> dict[str, Any]:
    schema: dict[str, Any] = create_app(Settings(db="unused-folder")).openapi()
    return schema


def _operations(openapi: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, op) for path, ops in openapi["paths"].items() for method, op in ops.items()
    ]


def test_openapi_lists_every_endpoint(openapi: dict[str, Any]) -> None:
    found = {(m.upper(), p) for p, m, _ in _operations(openapi)}
    assert found == {
        ("GET", "/health"),
        ("GET", "/ready"),
        ("GET", "/claims/denied"),
        ("GET", "/omissions"),
        ("GET", "/events/{event_id}/comparison"),
        ("GET", "/claims/corroborated"),
        ("GET", "/events/contested"),
        ("GET", "/events"),
        ("GET", "/sources/relations"),
        ("GET", "/actors/{actor_id}/timeline"),
        ("GET", "/claims/{claim_id}/provenance"),
        ("GET", "/articles/{article_id}"),
        ("GET", "/nodes/{node_id}/neighbourhood"),
        ("GET", "/search"),
        ("GET", "/nodes/{node_id}"),
        ("GET", "/stats"),
        ("GET", "/export"),
        ("GET", "/export/claimreview"),
        ("POST", "/ingest"),
        ("POST", "/edges/{edge_id}/review"),
        ("GET", "/edges/{edge_id}/history"),
        ("GET", "/review/queue"),
        ("POST", "/cypher"),
        ("GET", "/analytics/sources"),
        ("GET", "/analytics/actors/centrality"),
    }


def test_openapi_has_examples_and_text_for_every_endpoint(openapi: dict[str, Any]) -> None:
    for path, method, op in _operations(openapi):
        where = f"{method.upper()} {path}"
        assert op.get("description") and "\n" not in op["description"].strip(), where
        content = op["responses"]["200"]["content"]
        for media, spec in content.items():
            assert "example" in spec or "examples" in spec, f"{where} {media}"
        body = op.get("requestBody", {}).get("content", {})
        for media, spec in body.items():
            assert "example" in spec or "examples" in spec, f"{where} body {media}"


def test_openapi_errors_use_the_one_shape(openapi: dict[str, Any]) -> None:
    assert "HTTPValidationError" not in openapi["components"]["schemas"]
    for path, _method, op in _operations(openapi):
        for status, spec in op["responses"].items():
            if status.startswith(("4", "5")):
                schema = spec["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorResponse"}, (path, status)
                assert "example" in spec["content"]["application/json"], (path, status)


def test_the_timeline_lists_every_event_by_date_and_the_undated_after(
        client: TestClient, store: GraphStore) -> None:
    events = [n for n in store.export().nodes if n.labels == ["Event"]]

    items = client.get("/events", params={"limit": 100}).json()["items"]
    dated = client.get("/events", params={"undated": "false", "limit": 100}).json()["items"]

    assert sorted(i["event_id"] for i in items) == sorted(e.id for e in events)
    days = [i["date"] for i in items]
    assert days == sorted(days, key=lambda d: (d is None, d or ""))
    assert [i for i in items if i["date"] is not None] == dated
    assert all(i["sources"] >= 1 for i in items if i["claims"])
