"""The ingest pipeline: read, extract, reconcile, write in batches, report.

Each batch becomes ONE graph fragment written in one transaction, so a crash
or a store error never leaves half a batch behind. Bad input never stops the
run: it is recorded as :class:`Skipped` with the file (and line) and reason,
and the summary says what was ingested and what was not.

Extraction (the spaCy parse and the rules on top) may run in worker
processes (``jobs``); reconciling against the graph and writing always happen
here, one batch at a time in input order, so the graph does not depend on
``jobs``.
"""

from __future__ import annotations

import inspect
import multiprocessing
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, islice
from pathlib import Path
from typing import Any

from tqdm import tqdm

from graph import review as reviewing
from graph.ids import content_hash
from graph.model import KeptText
from graph.store import GraphStore
from ingest.documents import ArticleDoc, Skipped
from ingest.extractor import ArticleExtraction, Extractor, RuleExtractor
from ingest.readers import read_paths
from ingest.reconcile import Reconciler

DEFAULT_BATCH_SIZE = 50
PARSE_CHUNK = 32  # articles parsed together in process (see ingest.nlp.parse_many)
MIN_ARTICLES_FOR_WORKERS = 8
"""Fewer articles than this are extracted in process whatever ``jobs`` says."""


@dataclass
class IngestReport:
    """What a run did; ``summary()`` is what the CLI prints."""

    ingested: int = 0
    already: int = 0  # articles whose text is in the graph already: not read again
    reread: int = 0  # articles the graph held, read again to rebuild it in publication order
    unkept: int = 0  # articles in the graph whose text was not kept: no rebuild (RunPlan)
    skipped: list[Skipped] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    new_outlets: set[str] = field(default_factory=set)  # front-matter outlets nobody listed
    orphaned_reviews: int = 0  # reviewed edges the graph no longer holds (see graph.review)

    def add_counts(self, fragment_counts: dict[str, int]) -> None:
        for key, value in fragment_counts.items():
            self.counts[key] = self.counts.get(key, 0) + value

    def summary(self) -> str:
        rate = self.ingested / self.seconds if self.seconds > 0 else 0.0
        written = ", ".join(f"{v} {k}" for k, v in sorted(self.counts.items()) if v)
        lines = [f"ingested {self.ingested} article(s) in {self.seconds:.2f}s "
                 f"({rate:.1f} articles/s); wrote {written or 'nothing'}"]
        if self.already:
            lines.append(f"{self.already} article(s) already in the graph, left as they are "
                         f"(to extract them anew, ingest into a fresh store)")
        if self.reread:
            lines.append(f"some of these articles are older than articles in the graph: it was "
                         f"rebuilt in publication order from its {self.reread} kept article(s) "
                         f"and these, as one run over all of them would build it")
        if self.unkept:
            lines.append(f"the graph holds {self.unkept} article(s) ingested before sckg kept "
                         f"texts, so it cannot be rebuilt in publication order: where these "
                         f"articles are older than those, it may differ from the graph one run "
                         f"over all of them gives (ingest the whole set into a fresh store)")
        if self.new_outlets:
            lines.append(f"outlets not in the gazetteer (new sources, known: false): "
                         f"{', '.join(sorted(self.new_outlets))}")
        if self.orphaned_reviews:
            lines.append(f"{self.orphaned_reviews} reviewed edge(s) are no longer made from "
                         f"these articles; their reviews stay in the log "
                         f"(GET /edges/<id>/history)")
        if self.skipped:
            lines.append(f"skipped {len(self.skipped)} input(s):")
            lines.extend(f"  {item}" for item in self.skipped)
        return "\n".join(lines)


def ingest_paths(store: GraphStore, paths: Sequence[str | Path], *,
                 batch_size: int = DEFAULT_BATCH_SIZE, progress: bool | None = None,
                 extractor: Extractor | None = None, jobs: int = 1) -> IngestReport:
    """Ingest files, folders (recursively) and ``-`` (standard input)."""
    return ingest_documents(store, read_paths(paths), batch_size=batch_size,
                            progress=progress, extractor=extractor, jobs=jobs)


class _Checkpoints:
    """Save the store between batches, so a killed run keeps what it had written.

    A save of the embedded store rewrites its whole file, so saves are spaced out:
    at least ``MIN_INTERVAL_S`` apart and at least four times as long apart as the
    last save took, which keeps saving under a fifth of the run on any graph size.
    """

    MIN_INTERVAL_S = 5.0
    COST_FACTOR = 4.0

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.last = time.perf_counter()
        self.cost = 0.0

    def after_batch(self) -> None:
        now = time.perf_counter()
        if now - self.last < max(self.MIN_INTERVAL_S, self.COST_FACTOR * self.cost):
            return
        self.store.flush()
        self.last = time.perf_counter()
        self.cost = self.last - now


def _restore_reviewed_copies(store: GraphStore, report: IngestReport) -> None:
    """Give back the corrected copies of re-targeted edges a rebuild deleted (the review
    log keeps them; see :mod:`graph.review`), and count the reviewed edges the graph no
    longer holds. Costs nothing on a graph nobody reviewed."""
    logged = store.reviews()
    if logged:
        missing = reviewing.restorations(store, logged)
        if missing.edges:
            store.write(missing)
        report.orphaned_reviews = len(reviewing.orphaned(store, logged))


def ingest_documents(store: GraphStore, docs: Iterable[ArticleDoc | Skipped], *,
                     batch_size: int = DEFAULT_BATCH_SIZE, progress: bool | None = None,
                     extractor: Extractor | None = None, jobs: int = 1) -> IngestReport:
    """Extract and write documents batch by batch; Skipped items are reported.

    ``jobs`` > 1 extracts in that many worker processes (:func:`_extracted`);
    reconciling and writing stay in this process, batch by batch in input
    order, so the graph and the report are the same as with ``jobs=1``.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    extractor = extractor or RuleExtractor()
    prepare = getattr(extractor, "prepare", None)
    if prepare is not None:
        prepare()  # e.g. ModelMissing: one clear error, not one per article
    report = IngestReport()
    started = time.perf_counter()
    show = sys.stderr.isatty() if progress is None else progress
    plan = plan_run(store, docs, getattr(extractor, "publishes_readouts", None))
    report.already, report.reread = plan.already, plan.reread
    report.unkept = plan.unkept
    bar = tqdm(unit="article", total=len(plan.docs), disable=not show, file=sys.stderr,
               dynamic_ncols=True)
    saves = _Checkpoints(store)
    try:
        if plan.rebuild:
            store.clear(keep_texts=True, keep_reviews=True)
        with _extracted(extractor, plan.docs, jobs, ahead=batch_size + 2 * jobs) as outcomes:
            for batch in _batches(outcomes, batch_size):
                extractions = []
                for item in batch:
                    if isinstance(item, Skipped):
                        report.skipped.append(item)
                    else:
                        extractions.append(item)
                if extractions:
                    write_batch(store, extractions, report)
                    saves.after_batch()
                bar.update(len(batch))
        _restore_reviewed_copies(store, report)
        store.flush()
    finally:
        bar.close()
        report.seconds = time.perf_counter() - started
    return report


Readout = Callable[[ArticleDoc], bool]
OrderKey = tuple[bool, date, bool, str]


def reading_key(doc: ArticleDoc, readout: Readout | None = None,
                text_hash: str | None = None) -> OrderKey:
    """Where an article comes in the reading order: oldest first, undated last; on one
    day a body's own readout before the reports about it; then by text hash."""
    return (doc.published is None, doc.published or date.min,
            not (readout is not None and readout(doc)), text_hash or content_hash(doc.text))


def in_canonical_order(docs: Iterable[ArticleDoc | Skipped],
                       readout: Readout | None = None) -> list[ArticleDoc | Skipped]:
    """The run's articles in reading order (:func:`reading_key`): the order they are
    given in must not change the graph (which claim a later wording joins, which event
    a report-dated account finds, what a denial answers all depend on what is already
    there). Publication order is also the order in which accounts answer one another.
    Bad input is reported first.
    """
    items = list(docs)
    skipped = [d for d in items if isinstance(d, Skipped)]
    articles = [d for d in items if isinstance(d, ArticleDoc)]
    articles.sort(key=lambda d: reading_key(d, readout))
    return [*skipped, *articles]


@dataclass
class RunPlan:
    """What a run reads, in reading order, and whether the graph is rebuilt first.

    The graph after a set of articles must not depend on the runs they came in.
    Articles that come after everything in the graph are simply added. When some
    come before articles already there, the graph is cleared and rebuilt from the
    kept texts (:class:`~graph.model.KeptText`) and the new articles, in reading
    order. Articles the graph already holds are left as they are (read again, their
    points would meet the claims of every article ingested since), and kept texts
    whose article is not in the graph (a rebuild cut short) are read again. A graph
    holding articles ingested before texts were kept cannot be rebuilt: new
    articles are then added with a warning (``unkept`` counts those old articles).
    """

    docs: list[ArticleDoc | Skipped]
    rebuild: bool = False
    already: int = 0
    reread: int = 0
    unkept: int = 0


def plan_run(store: GraphStore, docs: Iterable[ArticleDoc | Skipped],
             readout: Readout | None = None) -> RunPlan:
    """Decide what the run reads, against what the store holds (see :class:`RunPlan`)."""
    items = list(docs)  # put in reading order once, by _plan (in_canonical_order)
    skipped = [d for d in items if isinstance(d, Skipped)]
    kept = store.kept_texts(with_text=False)
    held = {k.article_id: k for k in kept if k.ingested}
    new: list[ArticleDoc] = []  # a text given twice is read twice, as it always was
    already = 0
    for doc in items:
        if not isinstance(doc, ArticleDoc):
            continue
        if doc.article_id in held or store.get_node(doc.article_id) is not None:
            already += 1
        else:
            new.append(doc)
    newest = max((reading_key(ArticleDoc.from_kept(k), readout, k.content_hash)
                  for k in held.values()), default=None)
    unkept = store.counts().get("Article", 0) - len(held)
    if new and unkept:  # their dates are unknown here, and they cannot be re-read
        return _plan(skipped, _pending(store, kept, new), readout, already=already,
                     unkept=unkept)
    if newest is not None and any(reading_key(d, readout) < newest for d in new):
        given = {doc.article_id for doc in new}
        everything = [ArticleDoc.from_kept(k) for k in store.kept_texts()
                      if k.article_id not in given]
        return _plan(skipped, [*everything, *new], readout, rebuild=True, already=already,
                     reread=len(held))
    return _plan(skipped, _pending(store, kept, new), readout, already=already)


def _pending(store: GraphStore, kept: list[KeptText], new: list[ArticleDoc]) -> list[ArticleDoc]:
    """The new articles, and kept ones the graph lost (a rebuild cut short)."""
    if all(k.ingested for k in kept):
        return new
    given = {doc.article_id for doc in new}
    return [*(ArticleDoc.from_kept(k) for k in store.kept_texts()
              if not k.ingested and k.article_id not in given), *new]


def _plan(skipped: list[Skipped], docs: list[ArticleDoc], readout: Readout | None,
          **facts: Any) -> RunPlan:
    return RunPlan(docs=in_canonical_order([*skipped, *docs], readout), **facts)


Outcome = ArticleExtraction | Skipped
"""What one input item becomes: its extraction, or why it was not ingested."""


def _extract(extractor: Extractor, item: ArticleDoc | Skipped, parsed: Any = None) -> Outcome:
    """One bad article must not stop the run: its error is reported with its origin."""
    if isinstance(item, Skipped):
        return item
    try:
        if parsed is not None:
            return extractor.extract(item, parsed)  # type: ignore[call-arg]
        return extractor.extract(item)
    except Exception as exc:  # reported to the user with the file name
        return _failed(item, exc)


def _extract_here(extractor: Extractor, items: Iterable[ArticleDoc | Skipped],
                  chunk: int = PARSE_CHUNK) -> Iterator[Outcome]:
    """In-process extraction, parsing ``chunk`` articles at a time when the extractor can.

    Batched parsing is a quarter faster than one article at a time and gives
    the same parses; if a batch fails, each article is parsed (and its error
    reported) on its own.
    """
    parse_many = getattr(extractor, "parse_many", None)
    if parse_many is not None and "parsed" not in inspect.signature(extractor.extract).parameters:
        parse_many = None  # an extractor (a subclass, say) that parses for itself
    iterator = iter(items)
    while chunk_items := list(islice(iterator, chunk)):
        articles = [item for item in chunk_items if isinstance(item, ArticleDoc)]
        parsed: dict[int, Any] = {}
        if parse_many is not None and len(articles) > 1:
            try:
                parsed = {id(a): d for a, d in zip(articles, parse_many(articles), strict=True)}
            except Exception:  # one bad text: fall back to parsing one by one
                parsed = {}
        for item in chunk_items:
            yield _extract(extractor, item, parsed.get(id(item)))


def _failed(doc: ArticleDoc, exc: BaseException) -> Skipped:
    return Skipped(path=doc.origin, reason=f"extraction failed: {exc!r}")


@contextmanager
def _extracted(extractor: Extractor, items: Iterable[ArticleDoc | Skipped], jobs: int,
               ahead: int) -> Iterator[Iterator[Outcome]]:
    """One outcome per input item, in input order; extracted here or in ``jobs`` workers.

    Workers are started fresh (``spawn``: no inherited locks, threads or store
    connections), each loads the extractor's pipeline once, and are handed at
    most ``ahead`` items beyond the one being written, so memory follows the
    batch size. An input of fewer than :data:`MIN_ARTICLES_FOR_WORKERS`
    articles is extracted here: starting a worker costs more than it saves.
    """
    iterator = iter(items)
    head = [] if jobs == 1 else list(islice(iterator, max(ahead, MIN_ARTICLES_FOR_WORKERS)))
    articles = sum(isinstance(item, ArticleDoc) for item in head)
    if articles < MIN_ARTICLES_FOR_WORKERS:
        yield _extract_here(extractor, chain(head, iterator))
        return
    pool = ProcessPoolExecutor(min(jobs, articles), mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker, initargs=(extractor,))
    try:
        yield _in_order(pool, chain(head, iterator), ahead)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class WorkerFailed(RuntimeError):
    """An extraction worker process died (killed, out of memory, failed to start)."""


def _in_order(pool: ProcessPoolExecutor, items: Iterable[ArticleDoc | Skipped],
              ahead: int) -> Iterator[Outcome]:
    pending: deque[tuple[ArticleDoc, Future[Outcome]] | Skipped] = deque()
    iterator = iter(items)
    while True:
        while len(pending) <= ahead and (item := next(iterator, None)) is not None:
            pending.append(item if isinstance(item, Skipped)
                           else (item, pool.submit(_extract_in_worker, item)))
        if not pending:
            return
        first = pending.popleft()
        if isinstance(first, Skipped):
            yield first
            continue
        doc, future = first
        try:
            outcome = future.result()
        except BrokenProcessPool as exc:
            raise WorkerFailed(f"an extraction worker stopped while extracting {doc.origin} or "
                               f"a neighbour ({exc}); rerun with --jobs 1 to see which") from exc
        except Exception as exc:  # e.g. an extraction that cannot be sent back
            outcome = _failed(doc, exc)
        yield outcome


_worker_extractor: Extractor | None = None


def _start_worker(extractor: Extractor) -> None:
    """Pool initializer: load the extractor's pipeline once per worker process."""
    global _worker_extractor
    prepare = getattr(extractor, "prepare", None)
    if prepare is not None:
        prepare()
    _worker_extractor = extractor


def _extract_in_worker(doc: ArticleDoc) -> Outcome:
    assert _worker_extractor is not None, "worker started without _start_worker"
    return _extract(_worker_extractor, doc)


def write_batch(store: GraphStore, extractions: list[ArticleExtraction],
                report: IngestReport) -> None:
    """Reconcile a batch against the store and write it as one fragment."""
    reconciler = Reconciler(store)
    reconciler.add_batch(extractions)
    fragment = reconciler.build()
    fragment.texts = [ex.doc.kept() for ex in extractions]
    store.write(fragment)
    report.ingested += len(extractions)
    report.new_outlets |= {ex.publisher.name for ex in extractions
                           if ex.publisher is not None and ex.publisher.entry is None}
    counts: dict[str, int] = {"nodes": len(fragment.nodes), "relationships": len(fragment.edges)}
    report.add_counts(counts)


def _batches(items: Iterable[Outcome], size: int) -> Iterator[list[Outcome]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
