"""Derived counts a server store keeps next to the graph, so rankings cost O(answer).

Two named queries rank the whole graph: *contested events* (denials and
omissions per event) and *source relations* (for each ordered pair of sources,
how many claims one corroborates, denies or omits of the other's). Computed
from the edges, each costs every claim and account edge: seconds on a graph of
100k articles, with supernode sources holding 60k ASSERTS each. So the Neo4j
store keeps the counts as bookkeeping nodes (label ``SckgInternal``), changed in
the same transaction as the edges they count:

* ``(:SckgInternal {kind: 'event_tally', event_id, date, claims, denials, omissions, score})``:
  recounted for every event a write touches (an event has few claims).
* ``(:SckgInternal {kind: 'pair_tally', id, a, b, corroborates, denies, omits, total})``:
  changed by *difference*, because a pair of busy sources shares tens of
  thousands of claims. A write reads the account edges of the claims it touches
  before it, works out what they will be after, and adds the change in each
  claim's contribution.

The rules of what counts live here, as plain functions over a claim's
*stances* (``(source_id, edge type)`` pairs); :mod:`graph.neo4j_store` calls
them and the tests check the kept counts against a recount from the edges.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from graph.model import HIDDEN_VERDICTS

# Bump when what a tally counts changes: stores with an older version recount at connect.
# Reviews (which edges count) did not change it: a graph from before reviews has none,
# so its counts are the same under both rules, and a recount of a large graph at connect
# would be refused by the transaction memory cap.
TALLY_VERSION = 1

Stance = tuple[str, str]  # (source id, "ASSERTS" | "DENIES" | "OMITS")
Relation = tuple[str, str, str]  # (source a, source b, field): a <field> a claim b asserts

HIDDEN = frozenset(HIDDEN_VERDICTS)
FIELDS = {"ASSERTS": "corroborates", "DENIES": "denies", "OMITS": "omits"}


def pair_relations(stances: Iterable[Stance]) -> set[Relation]:
    """What one claim adds to the pair counts.

    For each source ``b`` asserting the claim and each *other* source ``a``
    with an account edge to it, ``a`` corroborates, denies or omits ``b``'s
    claim. A claim counts once per (a, b, field) however many edges say so.
    """
    stances = list(stances)
    asserters = {source for source, kind in stances if kind == "ASSERTS"}
    return {
        (a, b, FIELDS[kind])
        for a, kind in stances
        if kind in FIELDS
        for b in asserters
        if a != b
    }


def pair_id(a: str, b: str) -> str:
    """The id of the (ordered) pair's tally node; unambiguous whatever the ids contain."""
    return json.dumps([a, b], ensure_ascii=False)


def pair_deltas(
    before: Mapping[str, Iterable[Stance]], after: Mapping[str, Iterable[Stance]]
) -> list[dict[str, Any]]:
    """Rows of count changes per pair, from each claim's stances before and after a write.

    A claim missing from ``before`` did not exist (or had no edges); one missing
    from ``after`` lost them all. Pairs whose counts do not change are left out.
    """
    change: Counter[Relation] = Counter()
    for claim in before.keys() | after.keys():
        old = pair_relations(before.get(claim, ()))
        new = pair_relations(after.get(claim, ()))
        change.update(new - old)
        change.subtract(old - new)
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for (a, b, field), n in sorted(change.items()):
        if n == 0:
            continue
        row = rows.setdefault(
            (a, b),
            {"id": pair_id(a, b), "a": a, "b": b, "corroborates": 0, "denies": 0, "omits": 0},
        )
        row[field] += n
    return list(rows.values())


class Written(NamedTuple):
    """An account edge a write brings, as the tallies see it."""

    claim_id: str
    stance: Stance
    edge_id: str
    shown: bool  # False: a reviewer rejected or re-targeted it, so it counts nowhere


def stances_before_and_after(
    rows: Iterable[Mapping[str, Any]], written: Iterable[Written]
) -> tuple[dict[str, list[Stance]], dict[str, list[Stance]]]:
    """Each watched claim's stances before a write and after it, from one read before.

    ``rows`` come from ``account_states.cypher``. Only edges a reviewer left standing
    count. After the write a claim keeps its edges but those the write brings again
    (by id: a review may have changed whether they count) and the compared OMITS of a
    recomputed event (the write replaces them), and gains the written ones that count.
    """
    written = list(written)
    again = {w.edge_id for w in written}
    before: dict[str, list[Stance]] = {}
    after: dict[str, list[Stance]] = {}
    for row in rows:
        claim = str(row["claim_id"])
        standing = [(str(s), str(t), method, edge) for s, t, method, edge, review
                    in row["stances"] if review not in HIDDEN]
        before[claim] = [(s, t) for s, t, _, _ in standing]
        after[claim] = [
            (s, t) for s, t, method, edge in standing
            if edge not in again
            and not (row["recomputed"] and t == "OMITS" and method == "comparison")
        ]  # fmt: skip
    for w in written:
        if w.shown:
            after.setdefault(w.claim_id, []).append(w.stance)
    return before, after
