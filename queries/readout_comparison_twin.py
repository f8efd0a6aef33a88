"""Readout comparison of one event: the networkx twin of ``cypher/readout_comparison.cypher``."""

from __future__ import annotations

import networkx as nx

from queries._rows import Row, account_rows, evidence, in_starts, label_of, page, props
from queries.results import (
    CellStatus,
    ClaimRef,
    ComparisonCell,
    EventRef,
    ReadoutComparison,
    SourceRef,
)

# A source with several edges to one claim shows its strongest stance.
_STATUS: dict[str, CellStatus] = {"DENIES": "denied", "ASSERTS": "asserted", "OMITS": "omitted"}
_PRECEDENCE = ("DENIES", "ASSERTS", "OMITS")


def twin(g: nx.MultiDiGraph, params: Row) -> list[Row]:
    event_id = params["event_id"]
    if event_id not in g or label_of(g, event_id) != "Event":
        return []
    claim_ids = in_starts(g, event_id, "ABOUT", "Claim")
    claims = [
        {"id": c, "text": props(g, c).get("text"), "accounts": account_rows(g, c)}
        for c in page(claim_ids, params)
    ]
    account_sources = {r["source_id"] for c in claim_ids for r in account_rows(g, c)}
    article_sources = {
        s
        for a in in_starts(g, event_id, "REPORTS", "Article")
        for _, s, d in g.out_edges(a, data=True)
        if d["type"] == "PUBLISHED_BY" and label_of(g, s) == "Source"
    }
    p = props(g, event_id)
    return [
        {
            "event": {
                "id": event_id,
                "name": p.get("name"),
                "kind": p.get("kind"),
                "date": p.get("date"),
                "dates_given": list(p.get("dates_given", [])),
            },
            "total": len(claim_ids),
            "claims": claims,
            "account_sources": [
                {"id": s, "name": props(g, s).get("name")} for s in account_sources
            ],
            "article_sources": [
                {"id": s, "name": props(g, s).get("name")} for s in article_sources
            ],
        }
    ]


def build(row: Row) -> ReadoutComparison:
    by_id = {s["id"]: s for s in [*row["account_sources"], *row["article_sources"]]}
    sources = [SourceRef(id=i, name=by_id[i].get("name")) for i in sorted(by_id)]
    claims = sorted(row["claims"], key=lambda c: c["id"])
    cells = [
        _cell(claim["id"], source.id, [a for a in claim["accounts"] if a["source_id"] == source.id])
        for claim in claims
        for source in sources
    ]
    return ReadoutComparison(
        event=EventRef(**row["event"]),
        sources=sources,
        claims=[ClaimRef(id=c["id"], text=c.get("text")) for c in claims],
        cells=cells,
        total_claims=row["total"],
        reviewed=sum(ref.review is not None for cell in cells for ref in cell.evidence),
    )


def _cell(claim_id: str, source_id: str, accounts: list[Row]) -> ComparisonCell:
    types = {a["type"] for a in accounts}
    kind = next((t for t in _PRECEDENCE if t in types), None)
    status: CellStatus = _STATUS[kind] if kind else "silent"
    return ComparisonCell(
        claim_id=claim_id, source_id=source_id, status=status, evidence=evidence(accounts)
    )
