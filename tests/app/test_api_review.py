"""Review over HTTP, on both stores: the key, the reviewer, every error shape, and what
the named endpoints show once an analyst has judged an edge."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pyld import jsonld

from app.api import create_app
from app.settings import Settings
from graph.embedded import EmbeddedStore
from graph.model import EdgeType, GraphFragment
from graph.store import GraphStore
from tests.app.test_api_ingest import KEY, _db
from tests.graph.test_store_contract import (
    ALIYEV,
    CALL,
    PEACE,
    PRESIDENT_AZ,
    READOUT,
    RIGHTS,
    STATE_DEPT,
    account,
    claim,
    edge,
    event,
    omits,
    phone_call,
)

DENIAL = account(EdgeType.DENIES, PRESIDENT_AZ, RIGHTS, READOUT, "no such issue was raised")
RAISED = account(EdgeType.ASSERTS, STATE_DEPT, RIGHTS, READOUT, "raised the detention")
LEFT_OUT = omits(PRESIDENT_AZ, RIGHTS)
AS_ANALYST = {"X-API-Key": KEY, "X-Reviewer": "analyst-1"}


@pytest.fixture
def make_client(store: GraphStore, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A client over the store holding the phone call, with the given settings."""
    store.write(phone_call())
    if isinstance(store, EmbeddedStore):
        store.close()  # saved, and the writer's lock let go for the app
    opened: list[TestClient] = []

    def make(**settings: Any) -> TestClient:
        options = {"api_key": KEY, **settings}
        client = TestClient(create_app(Settings(db=_db(store, request), **options)))
        opened.append(client.__enter__())
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Any) -> TestClient:
    made: TestClient = make_client()
    return made


def review(client: TestClient, edge_id: str, headers: dict[str, str] | None = None,
           **body: Any) -> Any:
    return client.post(f"/edges/{edge_id}/review", json=body,
                       headers=AS_ANALYST if headers is None else headers)


def error(response: Any) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["code"]


def denial_ids(client: TestClient, **params: Any) -> list[str]:
    found = client.get("/claims/denied", params=params).json()["items"]
    return [ref["edge_id"] for d in found for ref in d["denied_by"]]


# -- the key and the reviewer -----------------------------------------------------


def test_reviews_need_the_api_key(make_client: Any) -> None:
    closed = make_client(api_key=None)
    assert error(review(closed, DENIAL.id, verdict="rejected")) == (403, "review_disabled")
    guarded = make_client()
    wrong = {"X-API-Key": "guess", "X-Reviewer": "analyst-1"}
    assert error(review(guarded, DENIAL.id, wrong, verdict="rejected")) == (403, "forbidden")
    assert error(review(guarded, DENIAL.id, {"X-Reviewer": "a"}, verdict="rejected")) == (
        403, "forbidden")
    assert denial_ids(guarded) == [DENIAL.id]  # nothing was written


def test_the_reviewer_is_named_by_header_or_by_the_keys_owner(make_client: Any) -> None:
    anonymous = make_client()
    response = review(anonymous, DENIAL.id, {"X-API-Key": KEY}, verdict="rejected")
    assert error(response) == (422, "reviewer_missing")

    named = review(anonymous, DENIAL.id, {"X-API-Key": KEY, "X-Reviewer": "M%C9%99mm%C9%99dov"},
                   verdict="accepted")
    assert named.json()["review"]["reviewer"] == "Məmmədov"  # percent-encoded UTF-8

    owned = make_client(api_key_owner="desk-editor")
    response = review(owned, DENIAL.id, {"X-API-Key": KEY}, verdict="rejected")
    assert response.status_code == 200, response.text
    assert response.json()["review"]["reviewer"] == "desk-editor"


# -- a verdict and what the endpoints show after it --------------------------------


def test_a_rejected_denial_leaves_the_denied_claims_and_the_contested_page(
    client: TestClient,
) -> None:
    contested = client.get("/events/contested").json()["items"][0]
    response = review(client, DENIAL.id, verdict="rejected", comment="misread")

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["review"]["verdict"] == "rejected" and body["review"]["reviewer"] == "analyst-1"
    assert body["edge"]["review"] == "rejected" and body["edge"]["review_comment"] == "misread"
    assert denial_ids(client) == []
    assert denial_ids(client, include_rejected="true") == [DENIAL.id]
    after = client.get("/events/contested").json()["items"][0]
    assert (contested["denials"], after["denials"]) == (1, 0)
    assert after["reviewed"] == 1


def test_accepted_edges_can_be_asked_for_alone(client: TestClient) -> None:
    assert review(client, DENIAL.id, verdict="accepted").status_code == 200
    assert review(client, RAISED.id, verdict="accepted").status_code == 200

    (found,) = client.get("/claims/denied", params={"reviewed": "accepted"}).json()["items"]
    assert found["reviewed"] == 2
    assert client.get("/omissions", params={"reviewed": "accepted"}).json()["items"] == []
    assert client.get("/claims/denied", params={"reviewed": "maybe"}).status_code == 422


def test_a_retarget_moves_the_denial_and_the_comparison_follows(client: TestClient) -> None:
    response = review(client, DENIAL.id, verdict="retargeted", claim_id=PEACE.id)

    assert response.status_code == 200, response.text
    copy = response.json()["replacement"]
    assert copy["retargeted_from"] == DENIAL.id and copy["evidence"] == DENIAL.evidence
    comparison = client.get(f"/events/{CALL.id}/comparison").json()
    cells = {(c["claim_id"], c["source_id"]): c["status"] for c in comparison["cells"]}
    assert cells[(PEACE.id, PRESIDENT_AZ.id)] == "denied"
    assert cells[(RIGHTS.id, PRESIDENT_AZ.id)] == "omitted"
    assert comparison["reviewed"] == 1  # the copy; the original is hidden
    everything = client.get(f"/events/{CALL.id}/comparison",
                            params={"include_rejected": "true"}).json()
    assert everything["reviewed"] == 2


def test_the_history_lists_every_verdict_oldest_first(client: TestClient) -> None:
    review(client, LEFT_OUT.id, verdict="rejected")
    review(client, LEFT_OUT.id, verdict="accepted", comment="on second reading")

    history = client.get(f"/edges/{LEFT_OUT.id}/history").json()

    assert history["state"] == "accepted" and history["claim_id"] == RIGHTS.id
    assert [r["verdict"] for r in history["reviews"]] == ["rejected", "accepted"]
    assert history["edge"]["review_comment"] == "on second reading"
    assert error(client.get("/edges/rel:nope/history")) == (404, "not_found")


def test_the_queue_puts_denials_first_and_drops_what_was_reviewed(client: TestClient) -> None:
    queue = client.get("/review/queue").json()
    order = [item["edge"]["edge_id"] for item in queue["items"]]
    assert order[:2] == [DENIAL.id, LEFT_OUT.id]  # then the assertion on the contested claim
    assert RAISED.id in order
    peace = account(EdgeType.ASSERTS, STATE_DEPT, PEACE, READOUT, "discussed the peace agreement")
    assert peace.id not in order  # nobody denies or omits that claim
    assert queue["total"] == len(order) == 3

    review(client, DENIAL.id, verdict="accepted")

    after = client.get("/review/queue", params={"type": "DENIES"}).json()
    assert after == {"total": 0, "items": []}
    assert client.get("/review/queue", params={"type": "ABOUT"}).status_code == 422


# -- errors, path by path ------------------------------------------------------


def test_an_unknown_edge_is_404(client: TestClient) -> None:
    assert error(review(client, "rel:nope", verdict="rejected")) == (404, "not_found")


@pytest.mark.parametrize("body", [
    {"verdict": "maybe"},
    {},
    {"verdict": "rejected", "colour": "red"},
    {"verdict": "rejected", "comment": "x" * 2001},
    {"verdict": "retargeted", "type": "ABOUT", "claim_id": "claim:x"},
])
def test_a_malformed_body_is_422(client: TestClient, body: dict[str, Any]) -> None:
    assert error(review(client, DENIAL.id, **body))[0] == 422


def test_a_request_the_graph_refuses_is_422_with_its_reason(client: TestClient) -> None:
    response = review(client, DENIAL.id, verdict="retargeted")
    assert error(response) == (422, "invalid_input")
    assert "new claim_id" in response.json()["error"]["message"]


def test_a_retarget_across_events_is_409_unless_forced(
    client: TestClient, store: GraphStore
) -> None:
    later = event("2024-06-01", ALIYEV, kind="statement")
    elsewhere = claim(later, "Baku wants a border commission")
    if isinstance(store, EmbeddedStore):
        store = EmbeddedStore.open(store.path)  # type: ignore[arg-type]
    store.write(GraphFragment(nodes=[later, elsewhere],
                              edges=[edge(EdgeType.ABOUT, elsewhere, later)]))
    if isinstance(store, EmbeddedStore):
        store.close()

    assert error(review(client, DENIAL.id, verdict="retargeted", claim_id=elsewhere.id)) == (
        409, "conflict")
    forced = review(client, DENIAL.id, verdict="retargeted", claim_id=elsewhere.id, force=True)
    assert forced.status_code == 200, forced.text
    assert forced.json()["replacement"]["edge_id"] != DENIAL.id


# -- the ClaimReview export ------------------------------------------------------


SCHEMA = "https://schema.org/"
CLAIM_REVIEW_TERMS = {
    "ClaimReview", "Claim", "Organization", "Person", "CreativeWork", "Event", "Rating",
    "Comment", "identifier", "claimReviewed", "itemReviewed", "author", "reviewBody",
    "reviewRating", "ratingValue", "worstRating", "bestRating", "alternateName", "isBasedOn",
    "url", "datePublished", "editor", "dateModified", "text", "appearance", "about", "name",
    "startDate", "headline", "publisher", "comment",
}


def _terms(expanded: Any) -> set[str]:
    """Every property and type IRI in an expanded JSON-LD document."""
    found: set[str] = set()
    if isinstance(expanded, list):
        for item in expanded:
            found |= _terms(item)
    elif isinstance(expanded, dict):
        for key, value in expanded.items():
            if key == "@type":
                found.update(value)
            elif not key.startswith("@"):
                found.add(key)
            found |= _terms(value)
    return found


def test_accepted_denials_export_as_claim_review_json_ld(client: TestClient) -> None:
    assert client.get("/export/claimreview").json()["@graph"] == []  # nothing reviewed yet
    review(client, DENIAL.id, verdict="accepted", comment="checked against the readout")
    review(client, LEFT_OUT.id, verdict="accepted")  # an omission is not a denial

    response = client.get("/export/claimreview")

    assert response.headers["content-type"].startswith("application/ld+json")
    document = response.json()
    (item,) = document["@graph"]
    assert item["@type"] == "ClaimReview" and item["identifier"] == DENIAL.id
    assert item["itemReviewed"]["text"] == RIGHTS.text
    assert item["author"]["identifier"] == PRESIDENT_AZ.id
    assert item["reviewBody"] == DENIAL.evidence
    assert [a["identifier"] for a in item["itemReviewed"]["author"]] == [STATE_DEPT.id]
    assert item["editor"]["name"] == "analyst-1"
    expanded = jsonld.expand(document)  # no remote context: the vocabulary is inline
    terms = _terms(expanded)
    assert terms and all(t.startswith(SCHEMA) for t in terms), terms
    assert {t.removeprefix(SCHEMA) for t in terms} <= CLAIM_REVIEW_TERMS
    assert jsonld.normalize(document, {"algorithm": "URDNA2015", "format": "application/n-quads"})
