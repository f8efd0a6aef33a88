"""sckg's write stage into Neo4j against a plain batched ``UNWIND … MERGE`` load of the same graph.

    python bench/bench_write.py                     # 1,000 generated articles, temporary server
    python bench/bench_write.py --articles 5000     # the configuration issue 12 names
    python bench/bench_write.py --db bolt://neo4j:pw@localhost:7687   # a SCRATCH database

Three steps, in one run on one server:

1. The generated articles are extracted once (timed, not part of the ratio).
2. ``ingest_documents`` writes them into an empty database, replaying those
   extractions, so what is timed is sckg's own work after extraction: the
   *reconcile* reads (``claims_about``, ``events_between``, ``get_node``, ...)
   and the *write* stage (``store.write``: one transaction per batch with its
   checks, generation and kept tallies).
3. The graph is exported, the database cleared (the schema stays), and the same
   nodes and relationships are loaded with the simplest fast loader: per label
   and per type, ``UNWIND $rows MERGE … SET … += row.props`` in transactions of
   ``--rows`` rows, nodes first.

Printed: seconds and items per second for each, and the ratio of sckg's
write-stage rate to the raw loader's (1.0 = as fast as the raw load).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from neo4j import ManagedTransaction

from bench.bench_queries import cpu_model, open_target
from bench.generate_corpus import generate
from graph.model import EDGE_ENDS, EdgeType, GraphExport
from graph.neo4j_store import Neo4jStore
from ingest.documents import ArticleDoc, ArticleInput
from ingest.extractor import ArticleExtraction, RuleExtractor
from ingest.pipeline import ingest_documents

READS = ("claims_about", "events_between", "get_node", "kept_texts", "counts")


class Replayed:
    """The rule extractor's results, computed once up front and handed out by origin."""

    def __init__(self, docs: list[ArticleDoc]) -> None:
        self.inner = RuleExtractor()
        self.inner.prepare()
        started = time.perf_counter()
        parses = self.inner.parse_many(docs)
        self.done = {d.origin: self.inner.extract(d, p) for d, p in zip(docs, parses, strict=True)}
        self.seconds = time.perf_counter() - started

    def publishes_readouts(self, doc: ArticleDoc) -> bool:
        return self.inner.publishes_readouts(doc)

    def extract(self, doc: ArticleDoc) -> ArticleExtraction:
        return self.done[doc.origin]


class Timed:
    """A store whose reads and writes are timed; everything else passes through."""

    def __init__(self, store: Neo4jStore) -> None:
        self.store = store
        self.seconds: dict[str, float] = defaultdict(float)

    def __getattr__(self, name: str) -> Any:
        found = getattr(self.store, name)
        if name not in (*READS, "write"):
            return found
        return self._timed("write" if name == "write" else "reconcile", found)

    def _timed(self, stage: str, call: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return call(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - started

        return timed


def corpus(articles: int, seed: int) -> list[ArticleDoc]:
    return [
        ArticleDoc.from_input(ArticleInput.model_validate(article), origin=f"generated:{n}")
        for n, (article, _truth) in enumerate(generate(articles, seed))
    ]


def raw_load(store: Neo4jStore, export: GraphExport, rows_per_tx: int) -> float:
    """Load an export with plain UNWIND … MERGE statements; seconds taken."""
    label = {n.id: n.labels[0] for n in export.nodes}
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node in export.nodes:
        by_label[node.labels[0]].append({"id": node.id, "props": node.properties})
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rel in export.relationships:
        by_type[rel.type].append(
            {"id": rel.id, "start": rel.start, "end": rel.end, "props": rel.properties}
        )
    started = time.perf_counter()
    with store.driver.session(database=store.database) as session:
        for name, rows in by_label.items():
            statement = f"UNWIND $rows AS row MERGE (n:{name} {{id: row.id}}) SET n += row.props"
            for chunk in _chunks(rows, rows_per_tx):
                session.execute_write(_run_rows, statement, chunk)
        for kind, rows in by_type.items():
            start, end = EDGE_ENDS[EdgeType(kind)]
            assert all(label[r["start"]] == start and label[r["end"]] == end for r in rows)
            statement = (
                f"UNWIND $rows AS row MATCH (a:{start} {{id: row.start}}) "
                f"MATCH (b:{end} {{id: row.end}}) "
                f"MERGE (a)-[r:{kind} {{id: row.id}}]->(b) SET r += row.props"
            )
            for chunk in _chunks(rows, rows_per_tx):
                session.execute_write(_run_rows, statement, chunk)
    return time.perf_counter() - started


def _run_rows(tx: ManagedTransaction, statement: str, rows: list[dict[str, Any]]) -> None:
    tx.run(statement, rows=rows).consume()


def _chunks(rows: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=50, help="sckg's articles per write")
    parser.add_argument("--rows", type=int, default=1000, help="raw loader's rows per transaction")
    parser.add_argument("--db", help="bolt:// URI of a SCRATCH database (it is cleared)")
    args = parser.parse_args(argv)
    docs = corpus(args.articles, args.seed)
    extractor = Replayed(docs)
    with open_target(args.db) as server_store:
        server_store.clear()
        store = Timed(server_store)
        started = time.perf_counter()
        report = ingest_documents(store, docs, batch_size=args.batch_size, progress=False,
                                  extractor=extractor)  # fmt: skip
        sckg_total = time.perf_counter() - started
        export = server_store.export()
        items = len(export.nodes) + len(export.relationships)
        server_store.clear()
        raw = raw_load(server_store, export, args.rows)
        loaded = server_store.counts()
    write = store.seconds["write"]
    reconcile = store.seconds["reconcile"]
    print(f"# sckg write bench, {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC")
    print(f"# machine: {os.cpu_count()} cores, {cpu_model()}, Python {platform.python_version()}")
    print(
        f"# {report.ingested} generated articles (seed {args.seed}), batch {args.batch_size}: "
        f"{len(export.nodes)} nodes, {len(export.relationships)} relationships; "
        f"extraction (once, not in the ratio) {extractor.seconds:.1f} s"
    )
    assert loaded["Article"] == sum(n.labels == ["Article"] for n in export.nodes)
    rows = [
        ("sckg write stage (store.write)", write),
        ("sckg reconcile reads", reconcile),
        ("sckg after extraction, in all", sckg_total),
        (f"raw UNWIND … MERGE, {args.rows} rows/tx", raw),
    ]
    print(f"{'stage':40} {'seconds':>8} {'items/s':>9}")
    for name, seconds in rows:
        print(f"{name:40} {seconds:8.2f} {items / seconds:9.0f}")
    print(f"write-stage rate / raw loader rate: {raw / write:.2f}")
    print(f"whole sckg run after extraction / raw loader: {raw / sckg_total:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
