"""The ingest pipeline: read, extract, reconcile, write in batches, report.

Each batch becomes ONE graph fragment written in one transaction, so a crash
or a store error never leaves half a batch behind. Bad input never stops the
run: it is recorded as :class:`Skipped` with the file (and line) and reason,
and the summary says what was ingested and what was not.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from tqdm import tqdm

from graph.store import GraphStore
from ingest.documents import ArticleDoc, Skipped
from ingest.extractor import ArticleExtraction, Extractor, RuleExtractor
from ingest.readers import read_paths
from ingest.reconcile import Reconciler

DEFAULT_BATCH_SIZE = 50


@dataclass
class IngestReport:
    """What a run did; ``summary()`` is what the CLI prints."""

    ingested: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def add_counts(self, fragment_counts: dict[str, int]) -> None:
        for key, value in fragment_counts.items():
            self.counts[key] = self.counts.get(key, 0) + value

    def summary(self) -> str:
        rate = self.ingested / self.seconds if self.seconds > 0 else 0.0
        written = ", ".join(f"{v} {k}" for k, v in sorted(self.counts.items()) if v)
        lines = [f"ingested {self.ingested} article(s) in {self.seconds:.2f}s "
                 f"({rate:.1f} articles/s); wrote {written or 'nothing'}"]
        if self.skipped:
            lines.append(f"skipped {len(self.skipped)} input(s):")
            lines.extend(f"  {item}" for item in self.skipped)
        return "\n".join(lines)


def ingest_paths(store: GraphStore, paths: Sequence[str | Path], *,
                 batch_size: int = DEFAULT_BATCH_SIZE, progress: bool | None = None,
                 extractor: Extractor | None = None) -> IngestReport:
    """Ingest files, folders (recursively) and ``-`` (standard input)."""
    return ingest_documents(store, read_paths(paths), batch_size=batch_size,
                            progress=progress, extractor=extractor)


def ingest_documents(store: GraphStore, docs: Iterable[ArticleDoc | Skipped], *,
                     batch_size: int = DEFAULT_BATCH_SIZE, progress: bool | None = None,
                     extractor: Extractor | None = None) -> IngestReport:
    """Extract and write documents batch by batch; Skipped items are reported."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    extractor = extractor or RuleExtractor()
    prepare = getattr(extractor, "prepare", None)
    if prepare is not None:
        prepare()  # e.g. ModelMissing: one clear error, not one per article
    report = IngestReport()
    started = time.perf_counter()
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(unit="article", disable=not show, file=sys.stderr, dynamic_ncols=True)
    try:
        for batch in _batches(docs, batch_size):
            extractions = []
            for item in batch:
                if isinstance(item, Skipped):
                    report.skipped.append(item)
                    continue
                extraction = _extract(extractor, item, report)
                if extraction is not None:
                    extractions.append(extraction)
            if extractions:
                write_batch(store, extractions, report)
            bar.update(len(batch))
        store.flush()
    finally:
        bar.close()
        report.seconds = time.perf_counter() - started
    return report


def _extract(extractor: Extractor, doc: ArticleDoc,
             report: IngestReport) -> ArticleExtraction | None:
    """One bad article must not stop the run: its error is reported with its origin."""
    try:
        return extractor.extract(doc)
    except Exception as exc:  # reported to the user with the file name
        report.skipped.append(Skipped(path=doc.origin, reason=f"extraction failed: {exc!r}"))
        return None


def write_batch(store: GraphStore, extractions: list[ArticleExtraction],
                report: IngestReport) -> None:
    """Reconcile a batch against the store and write it as one fragment."""
    reconciler = Reconciler(store)
    reconciler.add_batch(extractions)
    fragment = reconciler.build()
    store.write(fragment)
    report.ingested += len(extractions)
    counts: dict[str, int] = {"nodes": len(fragment.nodes), "relationships": len(fragment.edges)}
    report.add_counts(counts)


def _batches(items: Iterable[ArticleDoc | Skipped],
             size: int) -> Iterator[list[ArticleDoc | Skipped]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
