"""Extraction and ingest benchmark on generated readout corpora or real text files.

    python bench/bench_extract.py --articles 1000 10000        # extraction only
    python bench/bench_extract.py --corpus ../shared/corpus/dev --repeat 8 --profile 25
    python bench/bench_extract.py --articles 500 --skip-extraction --ingest --jobs 1 2
    python bench/bench_extract.py --articles 1000 --neo4j       # + end to end into Neo4j
    python bench/bench_extract.py --articles 1000 --neo4j --db bolt://neo4j:PW@127.0.0.1:7687

Prints, per corpus, measured in the same run on the same texts, pinned to one
core (where the OS allows it):

* ``extraction``: the full ``RuleExtractor.extract`` (parse included),
  articles/s and MB/s;
* ``parse``: spaCy alone with the same pipeline (``ingest.nlp.load_pipeline``),
  both as ``nlp.pipe(texts, batch_size=...)`` and as ``ingest.nlp.parse`` one
  article at a time (what the extractor calls);
* ``extractor's own cost``: (extract time - parse time) / parse time, against
  either parse figure (issue target: at most 30 % on top of the parse);
* on generated corpora, the extraction's agreement with the generator's ground
  truth (share of true assertion and denial sentences found as ASSERTS/DENIES
  evidence).

``--profile N`` then runs the extraction once more under cProfile and prints
where the time goes, per module and for the N costliest functions.
``--ingest`` / ``--neo4j`` add end-to-end ingest (read, extract, reconcile,
write) into an embedded store or a real Neo4j, once per ``--jobs`` value
(articles/s, relationships/s, peak resident memory of this process). Generated
articles are streamed to the ingest, never held all at once.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import os
import pstats
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any
from unittest import mock

from graph.store import GraphStore, open_store
from ingest.documents import ArticleDoc
from ingest.extractor import ArticleExtraction, RuleExtractor
from ingest.nlp import load_pipeline, parse
from ingest.pipeline import PARSE_CHUNK, IngestReport, ingest_documents
from ingest.readers import read_paths

TARGET_OVERHEAD = 0.30  # the target: the extractor's own work on top of the parse
WARM_UP_ARTICLES = 8


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


def _folder(folder: Path, repeat: int) -> list[ArticleDoc]:
    """The readable articles under ``folder`` (via the ingest readers), ``repeat`` times."""
    docs = [d for d in read_paths([folder]) if isinstance(d, ArticleDoc)]
    if not docs:
        raise SystemExit(f"no readable article under {folder}")
    return [d.model_copy(update={"origin": f"{d.origin}#{r}"}) if r else d
            for r in range(repeat) for d in docs]


# -- extraction against the bare parse ------------------------------------------------


@dataclass
class Timing:
    """Seconds for one pass over the same texts, each way."""

    extract: float  # RuleExtractor.extract, wall
    extract_cpu: float
    parse: float  # ingest.nlp.parse one article at a time, wall
    pipe: float  # nlp.pipe(texts, batch_size), wall


def bench_texts(label: str, docs: list[ArticleDoc], args: argparse.Namespace,
                check: Callable[[ArticleDoc, ArticleExtraction], None] | None = None) -> None:
    """Time extraction, parse() and nlp.pipe on ``docs``; print rates and the overhead."""
    extractor = RuleExtractor(model=args.model)
    extractor.prepare()
    texts = [d.text for d in docs]
    with _one_core():
        _warm_up(extractor, docs[:WARM_UP_ARTICLES], args)
        best: Timing | None = None
        for round_ in range(args.rounds):
            timing = Timing(*_time_extract(extractor, docs, check if round_ == 0 else None),
                            _time_parse(texts, args.model), _time_pipe(texts, args))
            best = timing if best is None else Timing(
                min(best.extract, timing.extract), min(best.extract_cpu, timing.extract_cpu),
                min(best.parse, timing.parse), min(best.pipe, timing.pipe))
    assert best is not None
    _print_timing(label, docs, best, args)
    if args.profile:
        profile_extraction(extractor, docs, args.profile)


def _warm_up(extractor: RuleExtractor, docs: list[ArticleDoc], args: argparse.Namespace) -> None:
    for doc in docs:
        extractor.extract(doc)
        parse(doc.text, args.model)
    for _ in load_pipeline(args.model).pipe([d.text for d in docs], batch_size=args.pipe_batch):
        pass


def _time_extract(extractor: RuleExtractor, docs: list[ArticleDoc],
                  check: Callable[[ArticleDoc, ArticleExtraction], None] | None,
                  ) -> tuple[float, float]:
    """Extraction as ``sckg ingest`` runs it in process: parsed PARSE_CHUNK articles at a time."""
    seconds = cpu = 0.0
    for first in range(0, len(docs), PARSE_CHUNK):  # chunk by chunk: no extraction is kept
        chunk = docs[first : first + PARSE_CHUNK]
        started, cpu_started = time.perf_counter(), time.process_time()
        extractions = [extractor.extract(doc, parsed)
                       for doc, parsed in zip(chunk, extractor.parse_many(chunk), strict=True)]
        seconds += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
        if check is not None:
            for doc, extraction in zip(chunk, extractions, strict=True):
                check(doc, extraction)
    return seconds, cpu


def _time_parse(texts: list[str], model: str | None) -> float:
    started = time.perf_counter()
    for text in texts:
        parse(text, model)
    return time.perf_counter() - started


def _time_pipe(texts: list[str], args: argparse.Namespace) -> float:
    nlp = load_pipeline(args.model)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=args.pipe_batch):
        pass
    return time.perf_counter() - started


def _print_timing(label: str, docs: list[ArticleDoc], t: Timing, args: argparse.Namespace) -> None:
    n = len(docs)
    size = sum(len(d.text.encode()) for d in docs)
    words = sum(len(d.text.split()) for d in docs)
    best = f", best of {args.rounds}" if args.rounds > 1 else ""
    print(f"{label}: {n} articles, {words / n:.0f} words/article, one core{best}")
    for name, seconds in (("extraction (batched parse + rules)", t.extract),
                          (f"parse: nlp.pipe(batch_size={args.pipe_batch})", t.pipe),
                          ("parse: ingest.nlp.parse one by one", t.parse)):
        print(f"  {name:<38} {n / seconds:8.1f} articles/s  {size / seconds / 1e6:6.3f} MB/s")
    print(f"  {'extraction per CPU second':<38} {n / t.extract_cpu:8.1f} articles/s")
    for name, parse_s in (("nlp.pipe", t.pipe), ("parse() one by one", t.parse)):
        overhead = (t.extract - parse_s) / parse_s
        verdict = "within" if overhead <= TARGET_OVERHEAD else "above"
        print(f"  extractor's own cost on top of {name:<18} {overhead:7.1%}  "
              f"({verdict} the {TARGET_OVERHEAD:.0%} target)")


def profile_extraction(extractor: RuleExtractor, docs: list[ArticleDoc], top: int) -> None:
    """Where the extractor's own work goes, the parse of each article done beforehand.

    Each article is parsed outside the profiler and ``ingest.extractor.parse``
    hands that parse back, so the profile holds only what runs on top of it
    (including spaCy code the extractor calls: iterating tokens, spans, matchers).
    """
    import ingest.extractor

    profiler = cProfile.Profile()
    parse_seconds = 0.0
    for doc in docs:
        started = time.perf_counter()
        parsed = parse(doc.text, extractor.model)
        parse_seconds += time.perf_counter() - started
        with mock.patch.object(ingest.extractor, "parse", lambda *_, parsed=parsed: parsed):
            profiler.enable()
            extractor.extract(doc)
            profiler.disable()
    raw: dict[Any, Any] = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in raw.values())
    per_area: dict[str, float] = {}
    for (filename, _, _), entry in raw.items():
        area = _area(filename)
        per_area[area] = per_area.get(area, 0.0) + entry[2]
    print(f"  profile of the extractor's own work (cProfile, {len(docs)} articles parsed "
          f"beforehand in {parse_seconds:.1f} s; {total:.1f} s on top, under the profiler):")
    for area, seconds in sorted(per_area.items(), key=lambda kv: -kv[1])[:12]:
        print(f"    {seconds / total:6.1%}  {area}")
    print(f"  top {top} functions by own time (tottime), with cumulative time:")
    rows = sorted(raw.items(), key=lambda kv: -kv[1][2])[:top]
    for (filename, line, name), (_, calls, tottime, cumtime, _) in rows:
        print(f"    {tottime / total:6.1%} own {cumtime:6.2f}s cum {calls:>9} calls  "
              f"{_where(filename)}:{line} {name}")
    print(f"  top {top} of this project's functions by cumulative time:")
    ours = sorted(((key, entry) for key, entry in raw.items() if _area(key[0]).startswith(
        ("ingest/", "graph/"))), key=lambda kv: -kv[1][3])[:top]
    for (filename, line, name), (_, calls, tottime, cumtime, _) in ours:
        print(f"    {cumtime / total:6.1%} cum {tottime:6.2f}s own {calls:>9} calls  "
              f"{_where(filename)}:{line} {name}")


def _area(filename: str) -> str:
    """A profile entry's home: an ingest/graph module, a library, or Python itself."""
    path = Path(filename)
    for package in ("ingest", "graph"):
        if package in path.parts[-2:-1]:
            return f"{package}/{path.name}"
    for library in ("spacy", "thinc", "numpy", "re", "pydantic", "yaml", "rapidfuzz"):
        if library in path.parts or path.name.startswith(f"{library}."):
            return library
    return "builtins/other" if filename.startswith("~") or "<" in filename else path.name


def _where(filename: str) -> str:
    """The file and its folder: ``.../spacy/tokens/doc.pyx`` is ``tokens/doc.pyx``."""
    parts = Path(filename).parts
    return "/".join(parts[-2:]) if len(parts) > 1 else filename


@contextmanager
def _one_core() -> Iterator[None]:
    """Pin this process to one CPU while timing, where the OS allows it."""
    getter = getattr(os, "sched_getaffinity", None)
    setter = getattr(os, "sched_setaffinity", None)
    if getter is None or setter is None:
        yield
        return
    before = getter(0)
    setter(0, {min(before)})
    try:
        yield
    finally:
        setter(0, before)


def bench_generated(n: int, args: argparse.Namespace) -> None:
    pairs = list(_corpus(n, args.seed))  # generated up front: time extraction alone
    truth = {doc.origin: t for doc, t in pairs}
    found = {"ASSERTS": [0, 0], "DENIES": [0, 0]}

    def check(doc: ArticleDoc, ex: ArticleExtraction) -> None:
        spans: dict[str, list[str]] = {"ASSERTS": [], "DENIES": []}
        for point in ex.points:
            kind = "DENIES" if point.act == "deny" else "ASSERTS"
            spans[kind].append(doc.text[point.start : point.end])
        for kind, key in (("ASSERTS", "asserts"), ("DENIES", "denials")):
            for item in truth[doc.origin].get(key, []):
                sentence = item.get("sentence", "")
                found[kind][1] += 1
                found[kind][0] += any(_same(sentence, s) for s in spans[kind])

    bench_texts(f"generated corpus (seed {args.seed})", [d for d, _ in pairs], args, check)
    for kind, (hit, total) in found.items():
        share = hit / total if total else 0.0
        print(f"  truth {kind:7} sentences found as evidence: {hit}/{total} ({share:.1%})")


def _same(truth: str, evidence: str) -> bool:
    return bool(evidence) and (evidence in truth or truth in evidence)


# -- end to end -------------------------------------------------------------------------


def bench_ingest(store: GraphStore, docs: Callable[[], Iterable[ArticleDoc]], n: int,
                 batch: int, jobs: int) -> IngestReport:
    store.clear()
    started = time.perf_counter()
    report = ingest_documents(store, docs(), batch_size=batch, progress=False, jobs=jobs)
    seconds = time.perf_counter() - started
    rels = report.counts.get("relationships", 0)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"end-to-end  {n:>7} articles  {n / seconds:8.1f} articles/s  "
          f"{rels / seconds:9.1f} relationships/s  peak RSS {rss:.0f} MB  "
          f"(batch {batch}, jobs {jobs}, {type(store).__name__})")
    return report


def _run_ingest(args: argparse.Namespace, store: GraphStore) -> None:
    try:
        for docs, n in _ingest_inputs(args):
            for jobs in args.jobs:
                bench_ingest(store, docs, n, args.batch, jobs)
    finally:
        store.close()


Inputs = list[tuple[Callable[[], Iterable[ArticleDoc]], int]]


def _ingest_inputs(args: argparse.Namespace) -> Inputs:
    if args.corpus:
        docs = _folder(args.corpus, args.repeat)
        return [(lambda: docs, len(docs))]
    return [(partial(_generated_docs, n, args.seed), n) for n in args.articles]


def _generated_docs(n: int, seed: int) -> Iterator[ArticleDoc]:
    return (doc for doc, _ in _corpus(n, seed))


def _end_to_end(args: argparse.Namespace) -> None:
    if args.db:
        _run_ingest(args, open_store(args.db))
    elif args.neo4j:
        from graph.neo4j_server import temporary_server

        with temporary_server() as server:
            _run_ingest(args, open_store(server.db_uri))
    else:
        with tempfile.TemporaryDirectory(prefix="sckg-bench-") as folder:
            _run_ingest(args, open_store(Path(folder) / "graph"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", help="generated corpus sizes "
                        "(default: 1000, unless --corpus)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", type=Path, metavar="DIR",
                        help="bench the real articles under DIR instead of a generated corpus")
    parser.add_argument("--repeat", type=int, default=1,
                        help="with --corpus: use its articles this many times")
    parser.add_argument("--model", help="spaCy pipeline (default: as ingest.nlp resolves it)")
    parser.add_argument("--pipe-batch", type=int, default=32, help="nlp.pipe batch_size")
    parser.add_argument("--rounds", type=int, default=1, help="time each way this many "
                        "times and keep the best")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="profile the extraction and print its N costliest functions")
    parser.add_argument("--ingest", action="store_true",
                        help="also ingest end to end into --db (default: a temporary folder)")
    parser.add_argument("--neo4j", action="store_true", help="also ingest end to end into Neo4j "
                        "(a temporary local server unless --db)")
    parser.add_argument("--db", help="folder or bolt:// URI for the end-to-end ingest")
    parser.add_argument("--batch", type=int, default=200, help="end-to-end batch size")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1],
                        help="end-to-end ingest once per value of jobs (extraction processes)")
    parser.add_argument("--skip-extraction", action="store_true")
    args = parser.parse_args()
    if args.articles is None:
        args.articles = [] if args.corpus else [1000]
    print(f"# sckg extraction benchmark, {date.today()}, {_machine()}")
    if not args.skip_extraction:
        if args.corpus:
            docs = _folder(args.corpus, args.repeat)
            bench_texts(f"{args.corpus} x{args.repeat}", docs, args)
        for n in args.articles:
            bench_generated(n, args)
    if args.ingest or args.neo4j:
        _end_to_end(args)
    return 0


def _machine() -> str:
    import platform

    model = memory = ""
    with suppress(OSError, ValueError, StopIteration):
        cpuinfo = Path("/proc/cpuinfo").read_text()
        model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines()
                      if line.startswith("model name")), "")
        meminfo = Path("/proc/meminfo").read_text().split()
        memory = f", {int(meminfo[meminfo.index('MemTotal:') + 1]) / 2**20:.0f} GB"
    return (f"{platform.machine()} {os.cpu_count()} cores {model}{memory}, "
            f"Python {platform.python_version()}")


if __name__ == "__main__":
    sys.exit(main())
