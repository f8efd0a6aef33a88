"""The hand-built seed graph the query tests share (a plain module: import it).

Two readouts of one call (E1: the US and Armenian foreign ministries) that
overlap on C1 and differ on C2/C3 (each omits the other's point); a denial of
C2 from a third source (Azerbaijan's MFA); a second event E2 with a corroborated
C4 and a contested C5; an undated statement E3 that only *mentions* Pashinyan;
and a Russian MFA article on E1 that makes no claim (a "silent" column).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Seed:
    """Ids of the seed graph, named as the tests speak of them."""

    pashinyan = actor_id("Nikol Pashinyan")
    aliyev = actor_id("Ilham Aliyev")
    blinken = actor_id("Antony Blinken")
    lavrov = actor_id("Sergey Lavrov")
    us = source_id("US State Department")
    arm = source_id("Armenian MFA")
    az = source_id("Azerbaijani MFA")
    ru = source_id("Russian MFA")
    jam = source_id("JAMnews")
    e1 = event_id("phone_call", "2024-05-10", [blinken, pashinyan])
    e2 = event_id("meeting", "2024-06-01", [aliyev, pashinyan])
    e3 = event_id("statement", None, [], extra="peace statement")
    c1 = claim_id(e1, "The sides discussed the peace agreement")
    c2 = claim_id(e1, "Blinken urged border delimitation")
    c3 = claim_id(e1, "The US pledged humanitarian aid")
    c4 = claim_id(e2, "The sides agreed to continue talks")
    c5 = claim_id(e2, "Armenia agreed to withdraw troops")
    c6 = claim_id(e3, "Pashinyan called for lasting peace")


S = Seed()
_offsets = itertools.count(0, 100)


def _article(n: int, source: str, event: str, published: str | None) -> tuple[Article, list[Edge]]:
    digest = content_hash(f"seed article {n}")
    art = Article(
        id=article_id(digest),
        title=f"Readout {n}",
        url=f"https://example.org/{n}",
        outlet=source.split(":")[1],
        published=published,
        language="en",
        content_hash=digest,
        length=2000,
    )
    edges = [
        Edge(
            id=edge_id("PUBLISHED_BY", art.id, source),
            type=EdgeType.PUBLISHED_BY,
            start=art.id,
            end=source,
        ),
        Edge(id=edge_id("REPORTS", art.id, event), type=EdgeType.REPORTS, start=art.id, end=event),
    ]
    return art, edges


def _account(
    kind: EdgeType,
    source: str,
    claim: str,
    art: Article,
    method: str = "rule",
    speaker: str | None = None,
) -> Edge:
    if kind == EdgeType.OMITS:
        return Edge(
            id=edge_id(kind, source, claim, art.id),
            type=kind,
            start=source,
            end=claim,
            article_id=art.id,
            method=method,
            evidence="not in the readout",
        )
    start = next(_offsets)
    return Edge(
        id=edge_id(kind, source, claim, art.id),
        type=kind,
        start=source,
        end=claim,
        evidence=f"quote {start}",
        article_id=art.id,
        start_char=start,
        end_char=start + 40,
        speaker_id=speaker,
        confidence=0.9,
        method=method,
    )


def _link(kind: EdgeType, start: str, end: str, role: str | None = None) -> Edge:
    return Edge(id=edge_id(kind, start, end), type=kind, start=start, end=end, role=role)


def seed_fragment() -> GraphFragment:
    """The whole seed graph as one fragment; content-derived ids make rewriting it a no-op."""
    nodes: list[Node] = [
        Actor(id=S.pashinyan, name="Nikol Pashinyan", kind="person", aliases=["Pashinian"]),
        Actor(id=S.aliyev, name="Ilham Aliyev", kind="person"),
        Actor(id=S.blinken, name="Antony Blinken", kind="person"),
        Actor(id=S.lavrov, name="Sergey Lavrov", kind="person"),
        Source(id=S.us, name="US State Department", kind="ministry"),
        Source(id=S.arm, name="Armenian MFA", kind="ministry", aliases=["MFA of Armenia"]),
        Source(id=S.az, name="Azerbaijani MFA", kind="ministry"),
        Source(id=S.ru, name="Russian MFA", kind="ministry"),
        Source(id=S.jam, name="JAMnews", kind="outlet"),
        Event(
            id=S.e1,
            kind="phone_call",
            name="Blinken–Pashinyan phone call",
            date="2024-05-10",
            date_precision="day",
            dates_given=["2024-05-10 day article:a0", "2024-05-11 day article:a1"],
        ),
        Event(
            id=S.e2,
            kind="meeting",
            name="Aliyev–Pashinyan meeting in Almaty",
            date="2024-06-01",
            date_precision="day",
            location="Almaty",
        ),
        Event(id=S.e3, kind="statement", name="Peace statement"),
        Claim(id=S.c1, text="The sides discussed the peace agreement"),
        Claim(id=S.c2, text="Blinken urged border delimitation"),
        Claim(id=S.c3, text="The US pledged humanitarian aid"),
        Claim(id=S.c4, text="The sides agreed to continue talks"),
        Claim(id=S.c5, text="Armenia agreed to withdraw troops"),
        Claim(id=S.c6, text="Pashinyan called for lasting peace"),
    ]
    edges = [
        _link(EdgeType.SPEAKS_FOR, S.us, S.blinken),
        _link(EdgeType.SPEAKS_FOR, S.arm, S.pashinyan),
        _link(EdgeType.SPEAKS_FOR, S.az, S.aliyev),
        _link(EdgeType.SPEAKS_FOR, S.ru, S.lavrov),
        _link(EdgeType.PARTICIPANT, S.e1, S.blinken, "initiator"),
        _link(EdgeType.PARTICIPANT, S.e1, S.pashinyan, "counterpart"),
        _link(EdgeType.PARTICIPANT, S.e2, S.aliyev, "host"),
        _link(EdgeType.PARTICIPANT, S.e2, S.pashinyan, "guest"),
    ]
    edges += [
        _link(EdgeType.ABOUT, c, e)
        for c, e in [
            (S.c1, S.e1),
            (S.c2, S.e1),
            (S.c3, S.e1),
            (S.c4, S.e2),
            (S.c5, S.e2),
            (S.c6, S.e3),
        ]
    ]
    edges += [
        _link(EdgeType.MENTIONS, c, a)
        for c, a in [(S.c2, S.blinken), (S.c5, S.pashinyan), (S.c6, S.pashinyan)]
    ]
    arts = {}
    for n, (src, ev, day) in enumerate(
        [
            (S.us, S.e1, "2024-05-10"),
            (S.arm, S.e1, "2024-05-10"),
            (S.az, S.e1, "2024-05-11"),
            (S.az, S.e2, "2024-06-01"),
            (S.arm, S.e2, "2024-06-01"),
            (S.jam, S.e2, "2024-06-02"),
            (S.arm, S.e3, None),
            (S.ru, S.e1, "2024-05-11"),
        ],
        start=1,
    ):
        art, links = _article(n, src, ev, day)
        arts[n] = art
        nodes.append(art)
        edges += links
    a, d, o = EdgeType.ASSERTS, EdgeType.DENIES, EdgeType.OMITS
    edges += [
        _account(a, S.us, S.c1, arts[1], speaker=S.blinken),
        _account(a, S.arm, S.c1, arts[2]),
        _account(a, S.us, S.c2, arts[1]),
        _account(o, S.arm, S.c2, arts[2], "comparison"),
        _account(a, S.arm, S.c3, arts[2]),
        _account(o, S.us, S.c3, arts[1], "comparison"),
        _account(d, S.az, S.c2, arts[3]),
        _account(a, S.az, S.c4, arts[4]),
        _account(a, S.arm, S.c4, arts[5]),
        _account(a, S.jam, S.c4, arts[6]),
        _account(a, S.az, S.c5, arts[4], speaker=S.aliyev),
        _account(d, S.arm, S.c5, arts[5]),
        _account(o, S.jam, S.c5, arts[6], "comparison"),
        _account(a, S.arm, S.c6, arts[7], speaker=S.pashinyan),
    ]
    return GraphFragment(nodes=nodes, edges=edges)
