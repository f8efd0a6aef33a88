"""Actor timeline: the networkx twin of ``cypher/actor_timeline.cypher``."""

from __future__ import annotations

import networkx as nx

from queries._rows import Row, in_range, in_starts, label_of, out_ends, page, props
from queries.results import ClaimRef, TimelineEntry


def twin(g: nx.MultiDiGraph, params: Row) -> list[Row]:
    actor = params["actor_id"]
    if actor not in g or label_of(g, actor) != "Actor":
        return []
    claims_by_event: dict[str, list[str]] = {}
    for claim_id in in_starts(g, actor, "MENTIONS", "Claim"):
        for event_id in out_ends(g, claim_id, "ABOUT", "Event"):
            claims_by_event.setdefault(event_id, []).append(claim_id)
    events = set(in_starts(g, actor, "PARTICIPANT", "Event")) | set(claims_by_event)
    events = {
        e
        for e in events
        if in_range(props(g, e).get("date"), params["date_from"], params["date_to"])
    }
    ordered = sorted(events, key=lambda e: (props(g, e).get("date") or "~", e))
    entries = []
    for event_id in page(ordered, params):
        p = props(g, event_id)
        roles = [
            d["props"].get("role") or ""
            for _, a, d in g.out_edges(event_id, data=True)
            if a == actor and d["type"] == "PARTICIPANT"
        ]
        claims = [
            {"id": c, "text": props(g, c).get("text")} for c in claims_by_event.get(event_id, [])
        ]
        entries.append(
            {
                "id": event_id,
                "name": p.get("name"),
                "kind": p.get("kind"),
                "date": p.get("date"),
                "roles": roles,
                "claims": claims,
            }
        )
    return [{"actor_id": actor, "entries": entries}]


def build(row: Row) -> list[TimelineEntry]:
    out = []
    for e in row["entries"]:
        roles = sorted(r for r in e["roles"] if r)
        claims = {c["id"]: c for c in e["claims"]}
        out.append(
            TimelineEntry(
                event_id=e["id"],
                event_name=e["name"],
                event_kind=e["kind"],
                event_date=e["date"],
                participant=bool(e["roles"]),
                role=roles[0] if roles else None,
                claims=[ClaimRef(id=i, text=claims[i].get("text")) for i in sorted(claims)],
            )
        )
    return out
