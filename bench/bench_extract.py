"""Extraction and ingest benchmark on generated readout corpora.

    python bench/bench_extract.py --articles 1000 10000        # extraction only
    python bench/bench_extract.py --articles 1000 --neo4j       # + end to end into Neo4j
    python bench/bench_extract.py --articles 1000 --neo4j --db bolt://neo4j:PW@127.0.0.1:7687

Prints, per corpus size: extraction throughput on one core (articles/s, MB/s),
the extraction's agreement with the generator's ground truth (share of true
assertion and denial sentences found as ASSERTS/DENIES evidence), and with
``--neo4j`` end-to-end ingest into a real Neo4j (articles/s, relationships/s)
plus the peak resident memory, which should follow batch size, not corpus size.
Articles are streamed from the generator, never held all at once.
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from graph.store import GraphStore, open_store
from ingest.documents import ArticleDoc
from ingest.extractor import RuleExtractor
from ingest.pipeline import IngestReport, ingest_documents


def _generator() -> Any:
    path = Path(__file__).with_name("generate_corpus.py")
    spec = importlib.util.spec_from_file_location("generate_corpus", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate_corpus"] = module
    spec.loader.exec_module(module)
    return module


def _doc(article: dict[str, Any], index: int) -> ArticleDoc:
    published = article.get("published")
    return ArticleDoc(
        origin=f"generated[{index}]", text=article["text"], title=article.get("title"),
        url=article.get("url"), outlet=article.get("outlet"),
        published=date.fromisoformat(published) if published else None,
        language=article.get("language"),
    )


def _corpus(n: int, seed: int) -> Iterator[tuple[ArticleDoc, dict[str, Any]]]:
    for i, (article, truth) in enumerate(_generator().generate(n, seed)):
        yield _doc(article, i), truth


def bench_extraction(n: int, seed: int) -> None:
    extractor = RuleExtractor()
    docs = list(_corpus(n, seed))  # generated up front: time extraction alone
    size = sum(len(d.text.encode()) for d, _ in docs)
    words = sum(len(d.text.split()) for d, _ in docs)
    found = {"ASSERTS": [0, 0], "DENIES": [0, 0]}
    seconds = cpu = 0.0
    for doc, truth in docs:  # timed one by one, so no extraction is kept in memory
        started, cpu_started = time.perf_counter(), time.process_time()
        ex = extractor.extract(doc)
        seconds += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
        spans: dict[str, list[str]] = {"ASSERTS": [], "DENIES": []}
        for point in ex.points:
            kind = "DENIES" if point.act == "deny" else "ASSERTS"
            spans[kind].append(doc.text[point.start : point.end])
        for kind, key in (("ASSERTS", "asserts"), ("DENIES", "denials")):
            for item in truth.get(key, []):
                sentence = item.get("sentence", "")
                found[kind][1] += 1
                found[kind][0] += any(_same(sentence, s) for s in spans[kind])
    print(f"extraction  {n:>7} articles  {n / seconds:8.1f} articles/s  "
          f"{size / seconds / 1e6:6.2f} MB/s wall; {n / cpu:8.1f} articles/s "
          f"{size / cpu / 1e6:6.2f} MB/s per CPU second ({words / n:.0f} words/article, one core)")
    for kind, (hit, total) in found.items():
        share = hit / total if total else 0.0
        print(f"            truth {kind:7} sentences found as evidence: "
              f"{hit}/{total} ({share:.1%})")


def _same(truth: str, evidence: str) -> bool:
    return bool(evidence) and (evidence in truth or truth in evidence)


def bench_ingest(store: GraphStore, n: int, seed: int, batch: int) -> IngestReport:
    store.clear()
    started = time.perf_counter()
    report = ingest_documents(store, (d for d, _ in _corpus(n, seed)), batch_size=batch,
                              progress=False)
    seconds = time.perf_counter() - started
    rels = report.counts.get("relationships", 0)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"end-to-end  {n:>7} articles  {n / seconds:8.1f} articles/s  "
          f"{rels / seconds:9.1f} relationships/s  peak RSS {rss:.0f} MB  (batch {batch})")
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--neo4j", action="store_true", help="also ingest end to end into Neo4j")
    parser.add_argument("--db", help="bolt:// URI (default: start a temporary local server)")
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--skip-extraction", action="store_true")
    args = parser.parse_args()
    print(f"# sckg extraction benchmark, {date.today()}, {_machine()}")
    if not args.skip_extraction:
        for n in args.articles:
            bench_extraction(n, args.seed)
    if args.neo4j:
        _run_neo4j(args)
    return 0


def _run_neo4j(args: argparse.Namespace) -> None:
    if args.db:
        store = open_store(args.db)
        try:
            for n in args.articles:
                bench_ingest(store, n, args.seed, args.batch)
        finally:
            store.close()
        return
    from graph.neo4j_server import temporary_server

    with temporary_server() as server:
        store = open_store(server.db_uri)
        try:
            for n in args.articles:
                bench_ingest(store, n, args.seed, args.batch)
        finally:
            store.close()


def _machine() -> str:
    import os
    import platform

    return f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}"


if __name__ == "__main__":
    sys.exit(main())
