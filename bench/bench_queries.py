"""Latency of each named query on a generated graph, in Neo4j or the embedded store: p50, p99.

    python bench/bench_queries.py                       # 10k articles, temporary server
    python bench/bench_queries.py --articles 100000     # the measured configuration
    python bench/bench_queries.py --db bolt://neo4j:pw@localhost:7687 --no-load
    python bench/bench_queries.py --embedded --articles 20000   # the networkx twins

With ``--embedded`` the graph is written into an in-memory embedded store, and the
reference printed beside the figures is one pass over every edge of that graph in
the same run: a twin near it scans the graph; one far below it costs its answer.

The graph comes from :mod:`bench.synth_graph` (seeded). ``--db`` names a scratch
database: it is **cleared** and reloaded unless ``--no-load`` is given. Without
``--db`` a throwaway server is started and deleted afterwards. Each query runs
``--warmup`` times unmeasured, then ``--runs`` times with parameters sampled
from the graph in the database, whether generated here or ingested (ids of
events with denials, sources, actors, the busiest actors, claims, date
windows). Times are wall-clock through the public ``queries`` functions:
driver round trip, Cypher and building the result models.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import queries as q
from bench.synth_graph import WORDS, generate
from graph.embedded import EmbeddedStore
from graph.model import SHOWN_STATES
from graph.neo4j_store import Neo4jStore
from queries import analytics
from queries._rows import walk_params
from queries._run import load


@dataclass
class Pools:
    """Ids in the measured graph, to sample realistic parameters from."""

    events: list[str] = field(default_factory=list)
    contested_events: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    busy_actors: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)


def load_graph(store: Neo4jStore | EmbeddedStore, articles: int, seed: int) -> None:
    started = time.perf_counter()
    store.clear()
    for n, fragment in enumerate(generate(articles, seed=seed)):
        store.write(fragment)
        if n % 20 == 0:
            print(
                f"  loaded {n} fragments ({time.perf_counter() - started:.0f} s)", file=sys.stderr
            )
    print(f"  load took {time.perf_counter() - started:.0f} s", file=sys.stderr)


# Ids to sample parameters from, read off the graph being measured (generated or
# ingested alike): the first k of each kind by id (ids are content hashes, so that is
# a fair and repeatable sample), the events with denials, and the actors most claims
# mention (a busy actor's timeline is the slow case).
_POOL_QUERIES = {
    "events": "MATCH (n:Event) RETURN n.id AS id ORDER BY id LIMIT $k",
    "contested_events": (
        "MATCH (:Source)-[:DENIES]->(:Claim)-[:ABOUT]->(e:Event) "
        "RETURN DISTINCT e.id AS id ORDER BY id LIMIT $k"
    ),
    "actors": "MATCH (n:Actor) RETURN n.id AS id ORDER BY id LIMIT $k",
    "busy_actors": (
        "MATCH (a:Actor)<-[m:MENTIONS]-(:Claim) WITH a.id AS id, count(m) AS n "
        "RETURN id ORDER BY n DESC, id LIMIT 20"
    ),
    "sources": "MATCH (n:Source) RETURN n.id AS id ORDER BY id LIMIT $k",
    "claims": "MATCH (n:Claim) RETURN n.id AS id ORDER BY id LIMIT $k",
}


def sample_pools(store: Neo4jStore | EmbeddedStore, seed: int, k: int = 2000) -> Pools:
    """Ids from the graph in the database, shuffled by ``seed`` (repeatable)."""
    pools = Pools()
    rng = random.Random(seed)
    embedded = isinstance(store, EmbeddedStore)
    found = _embedded_pools(store, k) if embedded else _neo4j_pools(store, k)  # type: ignore[arg-type]
    for name, ids in found.items():
        rng.shuffle(ids)
        getattr(pools, name).extend(ids)
    empty = [name for name in ("events", "actors", "sources", "claims") if not getattr(pools, name)]
    if empty:
        raise SystemExit(f"the graph has no {', '.join(empty)}: load or ingest it first")
    if not pools.contested_events:  # no denial at all: contested cases use any event
        pools.contested_events.extend(pools.events)
    return pools


def _neo4j_pools(store: Neo4jStore, k: int) -> dict[str, list[str]]:
    with store.driver.session(database=store.database) as session:
        return {name: [str(row["id"]) for row in session.run(cypher, k=k)]
                for name, cypher in _POOL_QUERIES.items()}


def _embedded_pools(store: EmbeddedStore, k: int) -> dict[str, list[str]]:
    """The same pools as :data:`_POOL_QUERIES`, read off the networkx graph."""
    g = store.current_graph()
    by_label: dict[str, list[str]] = {}
    for node, data in g.nodes(data=True):
        by_label.setdefault(data["label"], []).append(node)
    denied = {c for _, c, d in g.edges(data=True) if d["type"] == "DENIES"}
    contested = {e for c in denied for _, e, d in g.out_edges(c, data=True) if d["type"] == "ABOUT"}
    mentions: dict[str, int] = {}
    for _, a, d in g.edges(data=True):
        if d["type"] == "MENTIONS":
            mentions[a] = mentions.get(a, 0) + 1
    busy = sorted(mentions, key=lambda a: (-mentions[a], a))[:20]
    first = {label: sorted(ids)[:k] for label, ids in by_label.items()}
    return {"events": first.get("Event", []), "contested_events": sorted(contested)[:k],
            "actors": first.get("Actor", []), "busy_actors": busy,
            "sources": first.get("Source", []), "claims": first.get("Claim", [])}


def scan_reference_ms(store: EmbeddedStore) -> float:
    """One pass over every edge of the embedded graph, best of five (the cost of a scan)."""
    g = store.current_graph()
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        sum(1 for _, _, d in g.edges(data=True) if d["type"] == "DENIES")
        best = min(best, (time.perf_counter() - started) * 1000)
    return best


def window(rng: random.Random, days: int = 90) -> dict[str, str]:
    start = date(2020, 1, 1) + timedelta(days=rng.randrange(2000 - days))
    return {"date_from": start.isoformat(), "date_to": (start + timedelta(days=days)).isoformat()}


Case = Callable[[Any, random.Random, Pools, int], Any]

CASES: dict[str, Case] = {
    "denied_claims": lambda s, r, p, n: q.denied_claims(s, limit=n),
    "denied_claims[event]": lambda s, r, p, n: q.denied_claims(
        s, event_id=r.choice(p.contested_events), limit=n
    ),
    "denied_claims[actor]": lambda s, r, p, n: q.denied_claims(
        s, actor_id=r.choice(p.actors), limit=n
    ),
    "denied_claims[source]": lambda s, r, p, n: q.denied_claims(
        s, source_id=r.choice(p.sources), limit=n
    ),
    "denied_claims[dates]": lambda s, r, p, n: q.denied_claims(s, **window(r), limit=n),
    "readout_comparison": lambda s, r, p, n: q.readout_comparison(s, r.choice(p.events), limit=n),
    "readout_comparison[contested]": lambda s, r, p, n: q.readout_comparison(
        s, r.choice(p.contested_events), limit=n
    ),
    "omissions": lambda s, r, p, n: q.omissions(s, limit=n),
    "omissions[event]": lambda s, r, p, n: q.omissions(s, event_id=r.choice(p.events), limit=n),
    "omissions[source]": lambda s, r, p, n: q.omissions(s, source_id=r.choice(p.sources), limit=n),
    "corroborated_claims": lambda s, r, p, n: q.corroborated_claims(s, limit=n),
    "corroborated_claims[actor]": lambda s, r, p, n: q.corroborated_claims(
        s, actor_id=r.choice(p.actors), limit=n
    ),
    "contested_events": lambda s, r, p, n: q.contested_events(s, limit=n),
    "contested_events[dates]": lambda s, r, p, n: q.contested_events(s, **window(r), limit=n),
    "source_relations": lambda s, r, p, n: q.source_relations(s, limit=n),
    "source_relations[source]": lambda s, r, p, n: q.source_relations(
        s, source_id=r.choice(p.sources), limit=n
    ),
    "actor_timeline": lambda s, r, p, n: q.actor_timeline(s, r.choice(p.actors), limit=n),
    "actor_timeline[busy]": lambda s, r, p, n: q.actor_timeline(
        s, r.choice(p.busy_actors or p.actors), limit=n
    ),
    "claim_provenance": lambda s, r, p, n: q.claim_provenance(s, r.choice(p.claims), limit=n),
    "neighbourhood[depth 2]": lambda s, r, p, n: q.neighbourhood(
        s, r.choice(p.events), depth=2, max_nodes=200
    ),
    "search": lambda s, r, p, n: q.search(s, r.choice(WORDS), limit=n),
    "review_queue": lambda s, r, p, n: q.review_queue(s, limit=n),
    "review_queue[DENIES]": lambda s, r, p, n: q.review_queue(s, edge_type="DENIES", limit=n),
    "analytics.signed_network": lambda s, r, p, n: analytics.signed_network(s),
    "analytics.actor_centrality": lambda s, r, p, n: analytics.actor_centrality(s),
}
SLOW = (
    "analytics.",
    "corroborated_claims",
    "contested_events",
    "source_relations",
    "search",
    "omissions",
    "review_queue",
)


def measure(
    case: Case, store: Neo4jStore | EmbeddedStore, pools: Pools, runs: int, warmup: int,
    limit: int, seed: int,
) -> list[float]:
    rng = random.Random(seed)
    for _ in range(warmup):
        case(store, rng, pools, limit)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        case(store, rng, pools, limit)
        times.append((time.perf_counter() - started) * 1000)
    return sorted(times)


def percentile(sorted_ms: list[float], share: float) -> float:
    return sorted_ms[min(len(sorted_ms) - 1, int(share * len(sorted_ms)))]


def profile(store: Neo4jStore, pools: Pools, limit: int) -> None:
    """PROFILE the two target queries once: total db hits and the operators that seek."""
    unfiltered = walk_params(
        event_id=None,
        actor_id=None,
        source_id=None,
        date_from=None,
        date_to=None,
        skip=0,
        limit=limit,
    )
    unfiltered["review_states"] = list(SHOWN_STATES)
    by_actor = {**unfiltered, "actor_id": pools.actors[0]}
    checks = {
        "denied_claims_recent": unfiltered,
        "denied_claims": by_actor,
        "readout_comparison": {"event_id": pools.contested_events[0], "skip": 0, "limit": limit,
                               "review_states": list(SHOWN_STATES)},
    }
    for name, params in checks.items():
        with store.driver.session(database=store.database) as session:
            plan = session.run("PROFILE " + load(name), params).consume().profile or {}
        ops: list[str] = []

        def walk(node: dict[str, Any], out: list[str]) -> int:
            hits = int(node.get("dbHits", 0))
            out.append(f"{node.get('operatorType')} ({node.get('dbHits', 0)} hits)")
            return hits + sum(walk(c, out) for c in node.get("children", []))

        total = walk(plan, ops) if plan else 0
        print(f"PROFILE {name}: {total} db hits; operators: {', '.join(ops)}")


def cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


@contextlib.contextmanager
def open_target(db: str | None, embedded: bool = False) -> Iterator[Any]:
    if embedded:
        yield EmbeddedStore()
        return
    if db:
        store = Neo4jStore.connect(db)
        try:
            yield store
        finally:
            store.close()
        return
    from graph.neo4j_server import temporary_server

    with temporary_server(log=lambda m: print(f"[neo4j] {m}", file=sys.stderr)) as server:
        store = Neo4jStore.connect(server.db_uri)
        try:
            yield store
        finally:
            store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--db", help="bolt:// URI of a SCRATCH database (it is cleared)")
    parser.add_argument("--no-load", action="store_true", help="the data is already there")
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument(
        "--slow-runs", type=int, default=30, help="runs for the whole-graph queries and analytics"
    )
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--only", nargs="*", help="query names (prefixes) to run")
    parser.add_argument("--embedded", action="store_true",
                        help="measure the embedded store's networkx twins instead of Neo4j")
    args = parser.parse_args(argv)
    with open_target(args.db, args.embedded) as store:
        if not args.no_load:
            load_graph(store, args.articles, args.seed)
        pools = sample_pools(store, args.seed)
        counts = store.counts()
        print(f"# sckg query bench, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
        print(
            f"# machine: {os.cpu_count()} cores, {cpu_model()}, Python {platform.python_version()}"
        )
        print(
            (
                "# graph: as found; "
                if args.no_load
                else f"# graph: {args.articles} generated articles (seed {args.seed}); "
            )
            + ", ".join(f"{k} {v}" for k, v in counts.items() if v)
        )
        if isinstance(store, EmbeddedStore):
            print(f"# reference: one pass over every edge of this graph, "
                  f"{scan_reference_ms(store):.1f} ms")
        else:
            profile(store, pools, args.limit)
        print(f"{'query':34} {'runs':>5} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
        for name, case in CASES.items():
            if args.only and not any(name.startswith(o) for o in args.only):
                continue
            slow = name.startswith(SLOW) and not name.endswith(("[source]", "[event]", "[actor]"))
            runs = args.slow_runs if slow else args.runs
            ms = measure(case, store, pools, runs, min(args.warmup, runs), args.limit, args.seed)
            print(
                f"{name:34} {runs:5d} {percentile(ms, 0.5):8.1f} {percentile(ms, 0.99):8.1f} "
                f"{statistics.fmean(ms):8.1f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
