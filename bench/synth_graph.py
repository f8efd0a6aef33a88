"""A seeded, deterministic generator of synthetic sckg graphs (for parity tests and the bench).

The shape follows real coverage of South Caucasus diplomacy: every event has
two to six sources, each publishing one article about it; claims are shared
between readouts, some are left out by a source that reported the event
(OMITS, method ``comparison``), and some events draw a denial. About four
articles per event, so ``--articles 100000`` makes some 25,000 events.

    >>> from bench.synth_graph import generate
    >>> fragments = list(generate(40, seed=1))
    >>> n = sum(1 for f in fragments for n in f.nodes if n.label == "Article")
    >>> 40 <= n <= 50  # a denial comes in an article of its own
    True
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from graph.ids import actor_id, article_id, claim_id, content_hash, edge_id, event_id, source_id
from graph.model import (
    Actor,
    Article,
    Claim,
    Edge,
    EdgeType,
    Event,
    GraphFragment,
    Node,
    Source,
)

KINDS = ("phone_call", "meeting", "visit", "summit", "statement")
WORDS = (
    "border",
    "peace",
    "treaty",
    "corridor",
    "delimitation",
    "sanctions",
    "aid",
    "troops",
    "talks",
    "ceasefire",
    "transit",
    "energy",
    "refugees",
    "mediation",
    "recognition",
)
START = date(2020, 1, 1)
EVENTS_PER_FRAGMENT = 250


def generate(articles: int, seed: int = 0) -> Iterator[GraphFragment]:
    """Fragments holding about ``articles`` articles in all; the same seed, the same graph.

    The first fragment holds the actors and sources; later ones ~250 events each.
    """
    rng = random.Random(seed)
    n_actors = max(8, articles // 400)
    n_sources = max(12, articles // 1000)
    actors = [
        Actor(
            id=actor_id(f"Actor {i:04d}"),
            name=f"Actor {i:04d}",
            kind="person",
            aliases=[f"A. {i:04d}"],
        )
        for i in range(n_actors)
    ]
    sources = [
        Source(
            id=source_id(f"Source {i:03d}"),
            name=f"Source {i:03d}",
            kind="ministry" if i % 3 else "outlet",
        )
        for i in range(n_sources)
    ]
    head = GraphFragment(nodes=[*actors, *sources])
    for i, src in enumerate(sources):
        if i % 3:  # outlets speak for nobody; ministries for one actor
            head.edges.append(_link(EdgeType.SPEAKS_FOR, src.id, actors[i % n_actors].id))
    yield head
    made = 0
    number = 0
    fragment = GraphFragment()
    while made < articles:
        budget = min(articles - made, rng.randint(2, 6))
        _event(rng, number, actors, sources, budget, fragment)
        made += budget
        number += 1
        if number % EVENTS_PER_FRAGMENT == 0:
            yield fragment
            fragment = GraphFragment()
    if fragment.nodes:
        yield fragment


def _event(
    rng: random.Random,
    number: int,
    actors: list[Actor],
    sources: list[Source],
    n_articles: int,
    out: GraphFragment,
) -> None:
    """One event with ``n_articles`` readouts, its claims and their account edges."""
    people = rng.sample(actors, k=min(len(actors), rng.randint(2, 3)))
    day = None if rng.random() < 0.05 else (START + timedelta(days=rng.randrange(2000))).isoformat()
    kind = rng.choice(KINDS)
    ev = Event(
        id=event_id(kind, day, [a.id for a in people], extra=str(number)),
        kind=kind,
        name=f"{kind.replace('_', ' ')} {number} of {' and '.join(a.name for a in people)}",
        date=day,
        date_precision="day" if day else "unknown",
        participant_names=[a.name for a in people],
    )
    nodes: list[Node] = [ev]
    edges = [_link(EdgeType.PARTICIPANT, ev.id, a.id, role="participant") for a in people]
    claims = []
    for j in range(rng.randint(3, 8)):
        text = f"event {number} point {j}: {' '.join(rng.sample(WORDS, 3))}"
        claim = Claim(id=claim_id(ev.id, text), text=text)
        claims.append(claim)
        nodes.append(claim)
        edges.append(_link(EdgeType.ABOUT, claim.id, ev.id))
        edges.append(_link(EdgeType.MENTIONS, claim.id, rng.choice(people).id))
    readers = rng.sample(sources, k=min(len(sources), n_articles))
    arts = []
    for k, src in enumerate(readers):
        digest = content_hash(f"synthetic {number} {k}")
        art = Article(
            id=article_id(digest),
            title=f"{src.name} on {ev.name}",
            url=f"https://example.org/{number}/{k}",
            outlet=src.name,
            published=day,
            language="en",
            content_hash=digest,
            length=3000,
        )
        arts.append(art)
        nodes.append(art)
        edges.append(_link(EdgeType.PUBLISHED_BY, art.id, src.id))
        edges.append(_link(EdgeType.REPORTS, art.id, ev.id))
    asserted: dict[str, list[str]] = {c.id: [] for c in claims}
    for src, art in zip(readers, arts, strict=True):
        offset = 0
        for claim in claims:
            if rng.random() < 0.5:
                edges.append(_account(EdgeType.ASSERTS, src.id, claim, art, offset, rng))
                asserted[claim.id].append(src.id)
                offset += 120
    for src, art in zip(readers, arts, strict=True):
        for claim in claims:
            if asserted[claim.id] and src.id not in asserted[claim.id] and rng.random() < 0.5:
                edges.append(_account(EdgeType.OMITS, src.id, claim, art, 0, rng))
    if rng.random() < 0.2:
        _deny(rng, ev, claims, asserted, sources, out_nodes=nodes, out_edges=edges, number=number)
    out.nodes.extend(nodes)
    out.edges.extend(edges)


def _deny(
    rng: random.Random,
    ev: Event,
    claims: list[Claim],
    asserted: dict[str, list[str]],
    sources: list[Source],
    *,
    out_nodes: list[Node],
    out_edges: list[Edge],
    number: int,
) -> None:
    """A source that asserted none of it denies one asserted claim, in its own article."""
    candidates = [c for c in claims if asserted[c.id]]
    if not candidates:
        return
    claim = rng.choice(candidates)
    deniers = [s for s in sources if s.id not in asserted[claim.id]]
    if not deniers:
        return
    src = rng.choice(deniers)
    digest = content_hash(f"synthetic denial {number}")
    art = Article(
        id=article_id(digest),
        title=f"{src.name} denies",
        outlet=src.name,
        published=ev.date,
        language="en",
        content_hash=digest,
        length=1500,
    )
    out_nodes.append(art)
    out_edges.append(_link(EdgeType.PUBLISHED_BY, art.id, src.id))
    out_edges.append(_link(EdgeType.REPORTS, art.id, ev.id))
    out_edges.append(_account(EdgeType.DENIES, src.id, claim, art, 0, rng))


def _account(
    kind: EdgeType, src: str, claim: Claim, art: Article, offset: int, rng: random.Random
) -> Edge:
    if kind == EdgeType.OMITS:
        return Edge(
            id=edge_id(kind, src, claim.id, art.id),
            type=kind,
            start=src,
            end=claim.id,
            article_id=art.id,
            method="comparison",
            evidence=None,
        )
    return Edge(
        id=edge_id(kind, src, claim.id, art.id),
        type=kind,
        start=src,
        end=claim.id,
        evidence=f"quoted: {claim.text}",
        article_id=art.id,
        start_char=offset,
        end_char=offset + 80,
        confidence=round(rng.uniform(0.5, 1.0), 2),
        method="rule",
    )


def _link(kind: EdgeType, start: str, end: str, role: str | None = None) -> Edge:
    return Edge(id=edge_id(kind, start, end), type=kind, start=start, end=end, role=role)
