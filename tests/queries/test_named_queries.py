"""Each named query's answer on the seed graph (embedded store; parity covers Neo4j)."""

from __future__ import annotations

from seed_graph import S

import queries as q
from graph.embedded import EmbeddedStore


def test_denied_claims_newest_event_first_with_both_sides(seeded: EmbeddedStore) -> None:
    found = q.denied_claims(seeded)
    assert [d.claim_id for d in found] == [S.c5, S.c2]
    c5 = found[0]
    assert (c5.event_id, c5.event_date) == (S.e2, "2024-06-01")
    assert [e.source_id for e in c5.asserted_by] == [S.az]
    assert [e.source_id for e in c5.denied_by] == [S.arm]
    assert c5.asserted_by[0].speaker_id == S.aliyev
    assert c5.denied_by[0].evidence and c5.denied_by[0].start_char is not None


def test_denied_claims_filters(seeded: EmbeddedStore) -> None:
    def ids(**filters: str) -> list[str]:
        return [d.claim_id for d in q.denied_claims(seeded, **filters)]  # type: ignore[arg-type]

    assert ids(event_id=S.e1) == [S.c2]
    assert ids(actor_id=S.aliyev) == [S.c5]  # a participant of E2
    assert ids(actor_id=S.blinken) == [S.c2]  # mentioned by C2, participant of E1
    assert ids(source_id=S.az) == [S.c5, S.c2]  # asserts one, denies the other
    assert ids(source_id=S.us) == [S.c2]
    assert ids(date_from="2024-06-01") == [S.c5]
    assert ids(date_to="2024-05-31") == [S.c2]
    assert ids(source_id=S.jam) == []
    assert ids(event_id=S.e3) == []


def test_omissions_name_who_left_out_what(seeded: EmbeddedStore) -> None:
    found = [(o.claim_id, o.source_id) for o in q.omissions(seeded)]
    assert found[0] == (S.c5, S.jam)  # E2 is newer
    assert sorted(found[1:]) == sorted([(S.c2, S.arm), (S.c3, S.us)])
    only_us = q.omissions(seeded, source_id=S.us)
    assert [(o.claim_id, [a.source_id for a in o.asserted_by]) for o in only_us] == [
        (S.c3, [S.arm])
    ]
    assert only_us[0].omitted_by[0].method == "comparison"
    assert [o.claim_id for o in q.omissions(seeded, event_id=S.e2)] == [S.c5]


def test_readout_comparison_cells(seeded: EmbeddedStore) -> None:
    cmp = q.readout_comparison(seeded, S.e1)
    assert [s.id for s in cmp.sources] == sorted([S.arm, S.az, S.ru, S.us])
    assert [c.id for c in cmp.claims] == sorted([S.c1, S.c2, S.c3])
    status = {(c.claim_id, c.source_id): c.status for c in cmp.cells}
    assert status[(S.c1, S.us)] == status[(S.c1, S.arm)] == "asserted"
    assert status[(S.c2, S.arm)] == "omitted"
    assert status[(S.c2, S.az)] == "denied"
    assert status[(S.c3, S.us)] == "omitted"
    assert {status[(c, S.ru)] for c in (S.c1, S.c2, S.c3)} == {"silent"}  # reported, said nothing
    silent = next(c for c in cmp.cells if c.status == "silent")
    assert silent.evidence == []
    assert cmp.total_claims == 3 and len(cmp.cells) == 12
    # Two reports disagree on the day: both dates come with the event, with their articles.
    assert cmp.event.dates_given == ["2024-05-10 day article:a0", "2024-05-11 day article:a1"]


def test_readout_comparison_pages_claims(seeded: EmbeddedStore) -> None:
    cmp = q.readout_comparison(seeded, S.e1, limit=1, offset=2)
    assert [c.id for c in cmp.claims] == [sorted([S.c1, S.c2, S.c3])[2]]
    assert len(cmp.sources) == 4 and len(cmp.cells) == 4 and cmp.total_claims == 3


def test_corroborated_claims_across_actors(seeded: EmbeddedStore) -> None:
    found = q.corroborated_claims(seeded)
    assert [c.claim_id for c in found] == [S.c4, S.c1]  # E2 is newer
    c4 = next(c for c in found if c.claim_id == S.c4)
    assert [a.id for a in c4.actors] == sorted([S.aliyev, S.pashinyan])
    assert [e.source_id for e in c4.asserted_by] == sorted([S.arm, S.az, S.jam])
    assert [c.claim_id for c in q.corroborated_claims(seeded, actor_id=S.blinken)] == [S.c1]
    assert [c.claim_id for c in q.corroborated_claims(seeded, source_id=S.jam)] == [S.c4]
    assert q.corroborated_claims(seeded, date_to="2024-05-31")[0].claim_id == S.c1


def test_contested_events_ranked(seeded: EmbeddedStore) -> None:
    found = q.contested_events(seeded)
    assert [(e.event_id, e.denials, e.omissions, e.score) for e in found] == [
        (S.e1, 1, 2, 4),
        (S.e2, 1, 1, 3),
    ]
    assert [e.event_id for e in q.contested_events(seeded, actor_id=S.aliyev)] == [S.e2]
    assert q.contested_events(seeded, date_from="2024-07-01") == []


def test_source_relations(seeded: EmbeddedStore) -> None:
    rel = {
        (r.source_a, r.source_b): (r.corroborates, r.denies, r.omits)
        for r in q.source_relations(seeded)
    }
    assert rel[(S.arm, S.us)] == (1, 0, 1)  # both assert C1; Armenia omits C2
    assert rel[(S.us, S.arm)] == (1, 0, 1)  # both assert C1; the US omits C3
    assert rel[(S.az, S.us)] == (0, 1, 0)  # Azerbaijan denies C2
    assert rel[(S.arm, S.az)] == (1, 1, 0)  # C4 together; Armenia denies C5
    assert (S.ru, S.us) not in rel
    only = q.source_relations(seeded, source_id=S.jam)
    assert only and all(S.jam in (r.source_a, r.source_b) for r in only)
    totals = [r.corroborates + r.denies + r.omits for r in q.source_relations(seeded)]
    assert totals == sorted(totals, reverse=True)


def test_actor_timeline_in_date_order_undated_last(seeded: EmbeddedStore) -> None:
    found = q.actor_timeline(seeded, S.pashinyan)
    assert [(t.event_id, t.participant, t.role) for t in found] == [
        (S.e1, True, "counterpart"),
        (S.e2, True, "guest"),
        (S.e3, False, None),
    ]
    assert [c.id for c in found[1].claims] == [S.c5]
    dated = q.actor_timeline(seeded, S.pashinyan, date_from="2024-05-20")
    assert [t.event_id for t in dated] == [S.e2]


def test_claim_provenance_lists_every_quote(seeded: EmbeddedStore) -> None:
    prov = q.claim_provenance(seeded, S.c2)
    assert prov.event_id == S.e1 and prov.total_items == 3
    assert [(i.type, i.source_id) for i in prov.items] == [
        ("ASSERTS", S.us),
        ("DENIES", S.az),
        ("OMITS", S.arm),
    ]
    us = prov.items[0]
    assert us.article_title == "Readout 1" and us.published == "2024-05-10"
    assert us.start_char is not None and us.end_char == us.start_char + 40
    c1 = q.claim_provenance(seeded, S.c1)
    assert any(i.speaker_name == "Antony Blinken" for i in c1.items)


def test_neighbourhood_bounded(seeded: EmbeddedStore) -> None:
    one = q.neighbourhood(seeded, S.e1)
    ids = {n.id for n in one.nodes}
    assert {S.e1, S.c1, S.c2, S.c3, S.blinken, S.pashinyan} <= ids
    assert S.az not in ids and len(ids) == 10  # 3 claims, 2 actors, 4 articles
    assert all(r.start in ids and r.end in ids for r in one.relationships)
    capped = q.neighbourhood(seeded, S.e1, depth=3, max_nodes=5)
    assert len(capped.nodes) == 5 and S.e1 in {n.id for n in capped.nodes}
    assert len(q.neighbourhood(seeded, S.e1, depth=2).nodes) > len(ids)


def test_search_ranks_exact_prefix_substring_alias(seeded: EmbeddedStore) -> None:
    hits = q.search(seeded, "Pashin")
    assert hits[0].id == S.c6 and hits[0].score == 2.0  # text starts with it
    assert {h.id for h in hits if h.score == 1.0} >= {S.pashinyan, S.e1, S.e2}
    assert [(h.id, h.score) for h in q.search(seeded, "nikol pashinyan")] == [(S.pashinyan, 3.0)]
    assert [(h.id, h.score) for h in q.search(seeded, "pashinian")] == [(S.pashinyan, 0.5)]
    assert {h.label for h in q.search(seeded, "pashin", labels=["Event"])} == {"Event"}
