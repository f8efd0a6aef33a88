"""An analyst's verdicts through the whole ingest path, on both stores: they outlive a
rebuild in publication order and a fresh start, because the edges are made again with
the same ids and the store stamps them from its review log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import queries as q
from graph import review as reviewing
from graph.store import GraphStore
from ingest.pipeline import ingest_paths
from tests.ingest.test_ingest_stores import READOUTS, REPORTS

T0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def _judge(store: GraphStore, edge_id: str, verdict: str, n: int, **options: object) -> str:
    fragment = reviewing.plan_review(store, edge_id, verdict, "analyst-1",  # type: ignore[arg-type]
                                     now=T0 + timedelta(minutes=n), **options)  # type: ignore[arg-type]
    store.write(fragment)
    copy = fragment.reviews[0].replacement
    return copy.id if copy is not None else edge_id


def _an_assertion_with_a_sibling(store: GraphStore) -> tuple[str, str]:
    """An ASSERTS edge, and another claim of the same event to move it to."""
    for event in q.contested_events(store, limit=500):
        claims = [c.id for c in q.readout_comparison(store, event.event_id, limit=500).claims]
        for claim_id in claims:
            items = q.claim_provenance(store, claim_id).items
            asserted = [i for i in items if i.type == "ASSERTS"]
            others = [c for c in claims if c != claim_id]
            if asserted and others:
                return asserted[0].edge_id, others[0]
    raise AssertionError("the samples have an event with two claims")


def test_verdicts_outlive_a_rebuild_and_a_fresh_start(store: GraphStore) -> None:
    ingest_paths(store, [*READOUTS, *REPORTS], progress=False)
    (denied, *_) = q.denied_claims(store)
    rejected = denied.denied_by[0].edge_id
    assertion, sibling = _an_assertion_with_a_sibling(store)
    _judge(store, rejected, "rejected", 1)
    copy = _judge(store, assertion, "retargeted", 2, claim_id=sibling, force=True)

    for start_over in ("rebuild", "fresh"):
        if start_over == "rebuild":  # what a rebuild in publication order goes through
            store.clear(keep_texts=True, keep_reviews=True)
            report = ingest_paths(store, [], progress=False)
        else:  # what `sckg ingest --fresh` does
            store.clear(keep_reviews=True)
            report = ingest_paths(store, [*READOUTS, *REPORTS], progress=False)
        assert report.ingested == len(READOUTS) + len(REPORTS) + 2  # the .jsonl holds three
        assert store.get_edge(rejected).review == "rejected"  # type: ignore[union-attr]
        assert store.get_edge(assertion).review == "retargeted"  # type: ignore[union-attr]
        restored = store.get_edge(copy)
        assert restored is not None and restored.end == sibling and restored.method == "human"
        shown = [r.edge_id for d in q.denied_claims(store, limit=500) for r in d.denied_by]
        assert rejected not in shown
        assert report.orphaned_reviews == 0


def test_a_verdict_on_an_edge_no_longer_made_is_reported_and_kept(store: GraphStore) -> None:
    ingest_paths(store, REPORTS, progress=False)
    (denied, *_) = q.denied_claims(store)
    rejected = denied.denied_by[0].edge_id
    _judge(store, rejected, "rejected", 1)
    store.clear(keep_reviews=True)

    report = ingest_paths(store, READOUTS, progress=False)  # the denial is not among these

    assert report.orphaned_reviews == 1
    assert "1 reviewed edge(s)" in report.summary()
    assert [r.edge_id for r in store.reviews()] == [rejected]
