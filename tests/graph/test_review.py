"""Review: an analyst's verdict on an account edge, kept by both stores through re-ingests.

Each test writes the contract suite's phone call, has a reviewer judge one of its
edges (:func:`graph.review.plan_review` gives the fragment to write), and looks at
what the store and the queries make of it afterwards.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import queries as q
from graph import review as reviewing
from graph.embedded import EmbeddedStore
from graph.errors import Conflict, InvalidInput, NotFound
from graph.model import EdgeType, GraphFragment, Review
from graph.store import GraphStore
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

T0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
DENIAL = account(EdgeType.DENIES, PRESIDENT_AZ, RIGHTS, READOUT, "no such issue was raised")
RAISED = account(EdgeType.ASSERTS, STATE_DEPT, RIGHTS, READOUT, "raised the detention")
LEFT_OUT = omits(PRESIDENT_AZ, RIGHTS)


def judge(store: GraphStore, edge_id: str, verdict: str, minutes: int = 0,
          **options: object) -> GraphFragment:
    """A review by "analyst-1", ``minutes`` after T0, written to the store."""
    fragment = reviewing.plan_review(store, edge_id, verdict, "analyst-1",  # type: ignore[arg-type]
                                     now=T0 + timedelta(minutes=minutes), **options)  # type: ignore[arg-type]
    store.write(fragment)
    return fragment


def shown_denials(store: GraphStore) -> list[str]:
    return [ref.edge_id for d in q.denied_claims(store) for ref in d.denied_by]


# -- the verdict, on the edge and in the log --------------------------------------


def test_a_rejected_denial_is_marked_and_drops_out_of_the_queries(store: GraphStore) -> None:
    store.write(phone_call())
    assert shown_denials(store) == [DENIAL.id]

    judge(store, DENIAL.id, "rejected", comment="the readout says the opposite")

    found = store.get_edge(DENIAL.id)
    assert found is not None and found.review == "rejected"
    assert found.reviewed_by == "analyst-1" and found.review_comment
    assert found.evidence == DENIAL.evidence  # the edge stays, with its provenance
    assert shown_denials(store) == []
    assert [r.edge_id for d in q.denied_claims(store, include_rejected=True)
            for r in d.denied_by] == [DENIAL.id]


def test_the_log_keeps_every_verdict_and_the_latest_one_counts(store: GraphStore) -> None:
    store.write(phone_call())

    judge(store, DENIAL.id, "rejected")
    judge(store, DENIAL.id, "accepted", minutes=5)

    assert [r.verdict for r in store.reviews([DENIAL.id])] == ["rejected", "accepted"]
    assert store.get_edge(DENIAL.id).review == "accepted"  # type: ignore[union-attr]
    assert shown_denials(store) == [DENIAL.id]
    assert q.denied_claims(store)[0].reviewed == 1
    assert q.denied_claims(store, reviewed="accepted") == []  # the assertion is unreviewed

    judge(store, RAISED.id, "accepted", minutes=6)

    (only_accepted,) = q.denied_claims(store, reviewed="accepted")
    assert [r.edge_id for r in only_accepted.asserted_by + only_accepted.denied_by] == [
        RAISED.id, DENIAL.id]


def test_a_verdict_survives_the_article_being_ingested_again(store: GraphStore) -> None:
    store.write(phone_call())
    judge(store, DENIAL.id, "rejected")

    store.write(phone_call())  # the extractor makes the same edge again, unreviewed

    assert store.get_edge(DENIAL.id).review == "rejected"  # type: ignore[union-attr]
    assert shown_denials(store) == []


def test_a_verdict_survives_a_rebuild_and_a_fresh_start(store: GraphStore) -> None:
    store.write(phone_call())
    judge(store, DENIAL.id, "rejected")

    store.clear(keep_texts=True, keep_reviews=True)
    assert store.get_edge(DENIAL.id) is None
    store.write(phone_call())

    assert store.get_edge(DENIAL.id).review == "rejected"  # type: ignore[union-attr]
    store.clear()
    assert store.reviews() == []


def test_a_new_edge_the_extractor_makes_is_unreviewed(store: GraphStore) -> None:
    store.write(phone_call())
    judge(store, DENIAL.id, "rejected")
    other = account(EdgeType.DENIES, PRESIDENT_AZ, PEACE, READOUT, "no talk of a treaty")

    store.write(GraphFragment(edges=[other]))

    assert store.get_edge(other.id).review is None  # type: ignore[union-attr]
    assert reviewing.state_of(store.get_edge(other.id)) == "unreviewed"  # type: ignore[arg-type]


def test_a_rejected_edge_no_longer_feeds_what_later_articles_reason_with(
    store: GraphStore,
) -> None:
    store.write(phone_call())
    judge(store, DENIAL.id, "rejected")

    (record,) = [r for r in store.claims_about([CALL.id]) if r.claim.id == RIGHTS.id]

    assert [(a.type, a.source_id) for a in record.accounts if a.type == "DENIES"] == []


def test_a_rejected_omission_leaves_the_omissions_and_the_contested_score(
    store: GraphStore,
) -> None:
    store.write(phone_call())
    before = q.contested_events(store)[0]

    judge(store, LEFT_OUT.id, "rejected")

    assert q.omissions(store) == []
    after = q.contested_events(store)[0]
    assert (before.omissions, after.omissions) == (1, 0)
    assert after.score == before.score - 1 and after.reviewed == 1


# -- re-target ------------------------------------------------------------------


def test_a_retargeted_denial_moves_to_the_other_claim_with_its_evidence(
    store: GraphStore,
) -> None:
    store.write(phone_call())
    peace_asserted = account(EdgeType.ASSERTS, STATE_DEPT, PEACE, READOUT, "discussed")
    store.write(GraphFragment(edges=[peace_asserted]))

    fragment = judge(store, DENIAL.id, "retargeted", claim_id=PEACE.id)

    copy = fragment.reviews[0].replacement
    assert copy is not None and store.get_edge(copy.id) is not None
    moved = store.get_edge(copy.id)
    assert moved is not None
    assert (moved.type, moved.start, moved.end) == (EdgeType.DENIES, PRESIDENT_AZ.id, PEACE.id)
    assert (moved.evidence, moved.start_char, moved.end_char) == (
        DENIAL.evidence, DENIAL.start_char, DENIAL.end_char)
    assert moved.method == "human" and moved.retargeted_from == DENIAL.id
    assert moved.review == "accepted"
    assert store.get_edge(DENIAL.id).review == "retargeted"  # type: ignore[union-attr]
    assert [d.claim_id for d in q.denied_claims(store)] == [PEACE.id]
    cells = {(c.claim_id, c.source_id): c.status
             for c in q.readout_comparison(store, CALL.id).cells}
    assert cells[(PEACE.id, PRESIDENT_AZ.id)] == "denied"
    assert cells[(RIGHTS.id, PRESIDENT_AZ.id)] == "omitted"  # the OMITS edge still stands


def test_a_retarget_to_another_events_claim_needs_force(store: GraphStore) -> None:
    store.write(phone_call())
    later = event("2024-06-01", ALIYEV, kind="statement")
    elsewhere = claim(later, "Baku wants a border commission")
    store.write(GraphFragment(nodes=[later, elsewhere],
                              edges=[edge(EdgeType.ABOUT, elsewhere, later)]))

    with pytest.raises(Conflict, match="force=true"):
        judge(store, DENIAL.id, "retargeted", claim_id=elsewhere.id)
    assert store.reviews() == []  # nothing written

    judge(store, DENIAL.id, "retargeted", claim_id=elsewhere.id, force=True)
    assert [d.claim_id for d in q.denied_claims(store)] == []  # nobody asserts that claim
    assert store.get_edge(DENIAL.id).review == "retargeted"  # type: ignore[union-attr]


def test_a_source_can_be_replaced(store: GraphStore) -> None:
    store.write(phone_call())

    fragment = judge(store, RAISED.id, "retargeted", source_id=PRESIDENT_AZ.id)

    copy = store.get_edge(fragment.reviews[0].replacement.id)  # type: ignore[union-attr]
    assert copy is not None and copy.start == PRESIDENT_AZ.id and copy.type == EdgeType.ASSERTS


def test_a_new_verdict_on_a_retargeted_edge_takes_its_copy_back(store: GraphStore) -> None:
    store.write(phone_call())
    fragment = judge(store, DENIAL.id, "retargeted", claim_id=PEACE.id)
    copy_id = fragment.reviews[0].replacement.id  # type: ignore[union-attr]

    judge(store, DENIAL.id, "accepted", minutes=1)

    assert store.get_edge(copy_id).review == "rejected"  # type: ignore[union-attr]
    assert [d.claim_id for d in q.denied_claims(store)] == [RIGHTS.id]


def test_a_rebuild_gets_the_corrected_copy_back_from_the_log(store: GraphStore) -> None:
    store.write(phone_call())
    fragment = judge(store, DENIAL.id, "retargeted", claim_id=PEACE.id)
    copy_id = fragment.reviews[0].replacement.id  # type: ignore[union-attr]

    store.clear(keep_texts=True, keep_reviews=True)
    store.write(phone_call())
    assert store.get_edge(copy_id) is None
    store.write(reviewing.restorations(store, store.reviews()))

    restored = store.get_edge(copy_id)
    assert restored is not None and restored.end == PEACE.id and restored.review == "accepted"
    assert reviewing.restorations(store, store.reviews()).edges == []  # nothing left to do


# -- requests that make no sense ------------------------------------------------


def test_unknown_edges_claims_and_sources_are_not_found(store: GraphStore) -> None:
    store.write(phone_call())
    with pytest.raises(NotFound, match="rel:nope"):
        judge(store, "rel:nope", "rejected")
    with pytest.raises(NotFound, match="claim_id"):
        judge(store, DENIAL.id, "retargeted", claim_id="claim:nope")
    with pytest.raises(NotFound, match="source_id"):
        judge(store, DENIAL.id, "retargeted", source_id="source:nope")
    structural = edge(EdgeType.ABOUT, PEACE, CALL)
    with pytest.raises(NotFound):
        judge(store, structural.id, "rejected")  # only account edges are reviewed


@pytest.mark.parametrize(("verdict", "options", "message"), [
    ("retargeted", {}, "new claim_id, source_id or type"),
    ("rejected", {"claim_id": PEACE.id}, "only go with verdict 'retargeted'"),
    ("retargeted", {"claim_id": CALL.id}, "is a Event, not a Claim"),
    ("retargeted", {"edge_type": EdgeType.OMITS}, "cannot be re-targeted into an OMITS"),
])
def test_requests_that_make_no_sense_are_refused(
    store: GraphStore, verdict: str, options: dict[str, object], message: str
) -> None:
    store.write(phone_call())
    with pytest.raises(InvalidInput, match=message):
        judge(store, DENIAL.id, verdict, **options)
    assert store.reviews() == []


def test_a_blank_reviewer_is_refused(store: GraphStore) -> None:
    store.write(phone_call())
    with pytest.raises(InvalidInput, match="reviewer"):
        reviewing.plan_review(store, DENIAL.id, "accepted", "  ")


def test_review_states_follow_the_two_filters() -> None:
    assert reviewing.review_states() == ["unreviewed", "accepted"]
    assert reviewing.review_states(include_rejected=True) == [
        "unreviewed", "accepted", "rejected", "retargeted"]
    assert reviewing.review_states(reviewed="accepted") == ["accepted"]
    with pytest.raises(InvalidInput):
        reviewing.review_states(reviewed="maybe")


def test_stamping_marks_the_logged_edges_only() -> None:
    fragment = phone_call()
    verdict = Review(id="review:1", edge_id=DENIAL.id, edge_type=EdgeType.DENIES,
                     source_id=DENIAL.start, claim_id=DENIAL.end, verdict="rejected",
                     reviewer="analyst-1", at="2026-11-30T09:00:00.000000Z")

    stamped = {e.id: e for e in reviewing.stamp(fragment, [verdict]).edges}

    assert stamped[DENIAL.id].review == "rejected"
    assert [e.id for e in stamped.values() if e.review is not None] == [DENIAL.id]
    assert reviewing.stamp(fragment, []).edges == fragment.edges


def test_a_rejected_edge_is_still_counted_and_exported_with_its_verdict(
    store: GraphStore,
) -> None:
    store.write(phone_call())
    counts = store.counts()

    judge(store, DENIAL.id, "rejected")

    assert store.counts() == counts  # hidden from the queries, not deleted
    exported = {r.id: r.properties for r in store.export().relationships}
    assert exported[DENIAL.id]["review"] == "rejected"
    streamed = {r.id: r.properties for r in store.export_stream().relationships}
    assert streamed == exported


def test_the_embedded_store_keeps_verdicts_and_set_aside_edges_on_disk(tmp_path: Path) -> None:
    folder = tmp_path / "g"
    first = EmbeddedStore.open(folder)
    first.write(phone_call())
    judge(first, DENIAL.id, "rejected")
    judge(first, RAISED.id, "accepted", minutes=1)
    first.close()

    again = EmbeddedStore.open(folder)

    assert again.get_edge(DENIAL.id).review == "rejected"  # type: ignore[union-attr]
    assert [r.verdict for r in again.reviews()] == ["rejected", "accepted"]
    assert shown_denials(again) == []
    assert [r.edge_id for d in q.denied_claims(again, include_rejected=True)
            for r in d.denied_by] == [DENIAL.id]
    again.close()
