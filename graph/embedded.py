"""The embedded store: a networkx MultiDiGraph persisted as one JSON file.

Why networkx: a new user needs no server, and the same graph object feeds the
analytics. The file is ``<db folder>/graph.json``; it is loaded on open and
replaced atomically on flush (write to a temporary file, fsync, rename), so a
crash mid-write leaves the previous complete file, never a torn one. The file
also holds the kept article texts (:class:`~graph.model.KeptText`, under
``"texts"``) and the review log (:class:`~graph.model.Review`, under ``"reviews"``),
saved with the graph they belong to.

Several processes may open one folder (a running ``sckg serve``, a CLI ingest,
the API's workers). One of them writes at a time: writing takes an exclusive
lock on ``<folder>/.writer.lock`` (``flock``, released by the kernel when the
process dies), and a second writer waits for it or fails with
:class:`~graph.errors.StoreBusy`, never overwriting the first one's work. On
taking the lock a writer re-reads the file if another process changed it, and
readers re-read it whenever it changed on disk, so every process answers from
the last saved graph. Temporary files a killed writer left are removed by the
next writer.
"""

from __future__ import annotations

import bisect
import fcntl
import json
import os
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar, Self, cast

import networkx as nx

from graph import review as reviewing
from graph.errors import InvalidInput, StoreBusy
from graph.model import (
    ACCOUNT_EDGES,
    EDGE_ENDS,
    HIDDEN_VERDICTS,
    NODE_TYPES,
    AccountEdge,
    Claim,
    ClaimRecord,
    Edge,
    EdgeType,
    Event,
    ExportNode,
    ExportRelationship,
    ExportStream,
    GraphExport,
    GraphFragment,
    KeptText,
    Review,
)

ACCOUNT_TYPES = frozenset(str(t) for t in ACCOUNT_EDGES)
HIDDEN = frozenset(HIDDEN_VERDICTS)
FILE_NAME = "graph.json"
LOCK_NAME = ".writer.lock"
FORMAT = "sckg-embedded"
FORMAT_VERSION = 1
# What a saved file starts with; the counts come next, so `sckg stats` reads them
# without loading the graph (files saved before counts were kept lack them).
HEADER = f'{{"format": "{FORMAT}", "version": '
HEAD_BYTES = 4096


class EmbeddedStore:
    """In-memory graph with atomic persistence; see the module docstring."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.graph: nx.MultiDiGraph = nx.MultiDiGraph()
        self._dirty = False
        # generation(): this copy's epoch and a count of its writes and re-reads of the file
        self._epoch = uuid.uuid4().hex
        self._writes = 0
        self._on_disk: tuple[int, int, int] | None = None  # the file state last read or saved
        self._lock: int | None = None  # file descriptor of the held writer lock
        # graph_for(): the graph with the set-aside edges back, for the generation it was made
        self._whole: tuple[str, nx.MultiDiGraph, nx.MultiDiGraph] | None = None

    @classmethod
    def open(cls, folder: Path) -> EmbeddedStore:
        """Open (or create) the store in ``folder``; a bad path is an InvalidInput."""
        if folder.exists() and not folder.is_dir():
            raise InvalidInput(
                f"--db {folder}: is a file; give a folder for the embedded store "
                "or a bolt:// URI for Neo4j"
            )
        return cls(folder)  # read on first use: `stats` may need only the kept counts

    # -- persistence -------------------------------------------------------

    def _disk_state(self) -> tuple[int, int, int] | None:
        """(inode, size, mtime) of the saved file: an atomic save always changes the inode."""
        assert self.path is not None
        try:
            st = (self.path / FILE_NAME).stat()
        except (FileNotFoundError, NotADirectoryError):
            return None  # nothing saved there (yet): a write says why it cannot be
        return st.st_ino, st.st_size, st.st_mtime_ns

    def _refresh(self) -> None:
        """Re-read the file when another process saved it since this one last did.

        The holder of the writer lock is the only one changing the file, so its own
        copy is current; anyone else checks (one ``stat``) before answering.
        """
        if self.path is None or self._lock is not None:
            return
        state = self._disk_state()
        if state == self._on_disk:
            return
        if state is None:  # removed under us: an empty graph, as a new folder is
            self.graph = nx.MultiDiGraph()
        else:
            self.graph = _load(self.path / FILE_NAME)  # swapped whole: readers see old or new
        self._on_disk = state
        self._dirty = False
        self._writes += 1

    @contextmanager
    def writing(self, wait: float = 0.0) -> Iterator[None]:
        """Hold the store alone for writing; saved and released on leaving.

        Waits up to ``wait`` seconds for another writer to finish, then raises
        :class:`StoreBusy` naming the folder and the process that holds it. The
        graph is re-read first if another process saved it meanwhile, so what is
        written here is added to their work, never written over it.
        """
        if self.path is None or self._lock is not None:
            yield  # in memory only, or already held (re-entrant)
            return
        self._acquire(wait)
        try:
            self._refresh_locked()
            yield
        finally:
            try:
                self.flush()  # even on an error: each write is whole, and kept
            finally:
                self._release()

    def _acquire(self, wait: float) -> None:
        assert self.path is not None
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise InvalidInput(f"--db {self.path}: cannot write there ({exc.strerror})") from exc
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
                    os.close(fd)
                    raise StoreBusy(
                        f"--db {self.path}: another sckg process (pid {holder}) is writing "
                        "to this store; wait for it to finish, or ingest into another --db"
                    ) from None
                time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        self._lock = fd

    def _refresh_locked(self) -> None:
        """Under the lock: catch up with the file, and remove what a killed writer left."""
        assert self.path is not None
        fd, self._lock = self._lock, None
        try:
            self._refresh()
        finally:
            self._lock = fd
        for stale in self.path.glob(".graph-*.tmp"):
            stale.unlink(missing_ok=True)

    def _release(self) -> None:
        fd, self._lock = self._lock, None
        if fd is not None:
            os.close(fd)  # closing the descriptor releases the flock

    def flush(self) -> None:
        """Save the graph (a process with changes to save holds the writer lock)."""
        if self.path is None or not self._dirty:
            return
        self.path.mkdir(parents=True, exist_ok=True)
        _atomic_write(self.path / FILE_NAME, self._saved_pieces())
        self._dirty = False
        self._on_disk = self._disk_state()

    def _saved_pieces(self) -> Iterator[str]:
        """The file, a node or relationship at a time: a save holds no second copy of
        the graph (no export, no whole JSON string), only the file's buffer."""
        stream = self.export_stream()
        counts = json.dumps(self._counted())
        yield f'{HEADER}{FORMAT_VERSION}, "counts": {counts}, "nodes": ['
        for n, node in enumerate(stream.nodes):
            row = {"id": node.id, "label": node.labels[0], "properties": node.properties}
            yield (", " if n else "") + json.dumps(row, ensure_ascii=False)
        yield '], "relationships": ['
        for n, rel in enumerate(stream.relationships):
            yield (", " if n else "") + json.dumps(rel.model_dump(), ensure_ascii=False)
        yield '], "texts": ['
        texts = _texts(self.graph)
        for n, key in enumerate(sorted(texts)):
            yield (", " if n else "") + json.dumps(texts[key], ensure_ascii=False)
        yield '], "reviews": ['
        for n, logged in enumerate(_reviews(self.graph)):
            yield (", " if n else "") + json.dumps(logged, ensure_ascii=False)
        yield "]}"

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self._release()

    def _hold(self) -> None:
        """A write outside :meth:`writing` takes the lock until :meth:`close`: the
        graph is brought up to date with the file first, then changed."""
        if self.path is not None and self._lock is None:
            self._acquire(0.0)
            self._refresh_locked()

    # -- writes ------------------------------------------------------------

    def write(self, fragment: GraphFragment) -> None:
        """Merge by id; everything is checked before the first change, so no half-writes."""
        self._hold()
        g = self.graph
        fragment = reviewing.stamp(fragment, self._logged(reviewing.account_edge_ids(fragment)))
        incoming = {node.id: node.label for node in fragment.nodes}
        for edge in fragment.edges:
            for end, want in zip((edge.start, edge.end), EDGE_ENDS[edge.type], strict=True):
                have = incoming.get(end) or (g.nodes[end]["label"] if end in g else None)
                if have is None:
                    raise InvalidInput(
                        f"edge {edge.id} ({edge.type}) points at unknown {want} node {end}"
                    )
                if have != want:
                    raise InvalidInput(
                        f"edge {edge.id} ({edge.type}) needs a {want} at {end}, got a {have}"
                    )
        dates = _EventDates.of(g)
        for node in fragment.nodes:
            props = node.properties()
            if node.id not in g:
                g.add_node(node.id, label=node.label, props={})
            _merge_props(g.nodes[node.id]["props"], props, node.list_union)
            if node.label == "Event":
                dates.put(node.id, g.nodes[node.id]["props"].get("date"))
        for event_id in fragment.recompute_omissions:
            self._drop_compared_omissions(event_id)
        accounts, aside, about = AccountEdges.of(g), _set_aside(g), ClaimEvents.of(g)
        for edge in fragment.edges:
            into = g
            if edge.type is EdgeType.ABOUT:
                about.put(edge.start, edge.end)
            if edge.type in ACCOUNT_EDGES:
                into, other = (aside, g) if edge.review in HIDDEN else (g, aside)
                if other.has_edge(edge.start, edge.end, key=edge.id):
                    other.remove_edge(edge.start, edge.end, key=edge.id)
                accounts.put(edge.id, str(edge.type), edge.start, edge.end, edge.review)
            into.add_edge(edge.start, edge.end, key=edge.id, type=str(edge.type),
                          props=edge.properties())
        texts = _texts(g)
        for kept in fragment.texts:
            texts.setdefault(kept.article_id, kept.stored())
        log = _reviews(g)
        known = {r["id"] for r in log} if fragment.reviews else set()
        log.extend(r.model_dump(mode="json") for r in fragment.reviews if r.id not in known)
        self._changed()

    def _logged(self, edge_ids: Sequence[str]) -> list[Review]:
        wanted = set(edge_ids)
        return [Review.model_validate(r) for r in _reviews(self.graph) if r["edge_id"] in wanted]

    def _changed(self) -> None:
        """After every write and clear: a new version of the graph, for what the queries
        keep with it (queries.contested_events_twin.ranking)."""
        self._dirty = True
        self._writes += 1
        self.graph.graph["version"] = self.graph.graph.get("version", 0) + 1

    def generation(self) -> str:
        """Changes with each write or clear here, and with each save by another process."""
        self._refresh()
        return f"{self._epoch}:{self._writes}"

    def _drop_compared_omissions(self, event_id: str) -> None:
        g = self.graph
        if event_id not in g:
            return
        for claim_id in [c for c, _, d in g.in_edges(event_id, data=True) if d["type"] == "ABOUT"]:
            for holder in (g, _set_aside(g)):
                if claim_id not in holder:
                    continue
                stale = [
                    (s, k)
                    for s, _, k, d in holder.in_edges(claim_id, keys=True, data=True)
                    if d["type"] == "OMITS" and d["props"].get("method") == "comparison"
                ]
                for s, k in stale:
                    holder.remove_edge(s, claim_id, key=k)
                    AccountEdges.of(g).drop(k)

    def clear(self, *, keep_texts: bool = False, keep_reviews: bool = False) -> None:
        self._hold()
        texts, log = _texts(self.graph), _reviews(self.graph)
        self.graph.clear()
        if keep_texts:
            self.graph.graph["texts"] = texts
        if keep_reviews:
            self.graph.graph["reviews"] = log
        self._changed()

    def reviews(self, edge_ids: Sequence[str] | None = None) -> list[Review]:
        self._refresh()
        if edge_ids is not None:
            return sorted(self._logged(edge_ids), key=Review.sort_key)
        return sorted((Review.model_validate(r) for r in _reviews(self.graph)),
                      key=Review.sort_key)

    def kept_texts(self, *, with_text: bool = True) -> list[KeptText]:
        self._refresh()
        return [self._kept(kept, with_text) for _, kept in sorted(_texts(self.graph).items())]

    def kept_text(self, article_id: str) -> KeptText | None:
        self._refresh()
        kept = _texts(self.graph).get(article_id)
        return None if kept is None else self._kept(kept, with_text=True)

    def _kept(self, kept: dict[str, Any], with_text: bool) -> KeptText:
        """A stored text as the contract gives it, marked with whether its article is held."""
        g, key = self.graph, kept["article_id"]
        return KeptText(**{**kept, "text": kept["text"] if with_text else ""},
                        ingested=key in g and g.nodes[key]["label"] == "Article")

    # -- reads -------------------------------------------------------------

    def claims_about(self, event_ids: Sequence[str]) -> list[ClaimRecord]:
        self._refresh()
        g = self.graph
        records = []
        for event_id in event_ids:
            if event_id not in g:
                continue
            for claim_id, _, d in g.in_edges(event_id, data=True):
                if d["type"] != "ABOUT":
                    continue
                accounts = [
                    AccountEdge(
                        type=EdgeType(e["type"]), source_id=s,
                        evidence=e["props"].get("evidence"),
                        article_id=e["props"].get("article_id"),
                        method=e["props"].get("method"),
                        frame=e["props"].get("frame"),
                    )
                    for s, _, e in g.in_edges(claim_id, data=True)
                    if e["type"] in ACCOUNT_TYPES and e["props"].get("review") not in HIDDEN
                ]
                claim = Claim(**g.nodes[claim_id]["props"])
                records.append(ClaimRecord(claim=claim, event_id=event_id, accounts=accounts))
        return sorted(records, key=lambda r: (r.event_id, r.claim.id))

    def events_between(self, date_from: str, date_to: str) -> list[tuple[Event, list[str]]]:
        self._refresh()
        g = self.graph
        found = []
        for node_id in _EventDates.of(g).between(date_from, date_to):
            participants = sorted(
                a for _, a, d in g.out_edges(node_id, data=True) if d["type"] == "PARTICIPANT"
            )
            found.append((Event(**g.nodes[node_id]["props"]), participants))
        return sorted(found, key=lambda pair: pair[0].id)

    def current_graph(self) -> nx.MultiDiGraph:
        """The graph as last saved by whichever process, for the queries' networkx twins:
        every node, and the edges no reviewer rejected or re-targeted."""
        self._refresh()
        return self.graph

    def graph_for(self, states: Iterable[str] | None) -> nx.MultiDiGraph:
        """The graph with the account edges whose review state is one of ``states``.

        The default (unreviewed and accepted) is the graph itself: the edges a verdict
        hides are kept aside, so the common question costs nothing extra. Asking for
        them too gives a copy with them back (kept until the next write); asking
        without the unreviewed ones, a lazy view leaving those out.
        """
        g = self.current_graph()
        if states is None:
            return g
        wanted = set(states)
        base = g
        if wanted & HIDDEN and _set_aside(g).number_of_edges():
            base = self._with_set_aside(g)
        if "unreviewed" in wanted and wanted >= {"accepted"}:
            return base
        left_out = AccountEdges.of(g).not_in(wanted)
        if not left_out:
            return base

        def kept(start: str, end: str, key: str) -> bool:
            return key not in left_out

        view: nx.MultiDiGraph = nx.subgraph_view(base, filter_edge=kept)
        return view

    def _with_set_aside(self, g: nx.MultiDiGraph) -> nx.MultiDiGraph:
        token = self.generation()
        cached = self._whole
        if cached is not None and cached[0] == token and cached[1] is g:
            return cached[2]
        whole = nx.MultiDiGraph()
        # The indexes are shared; what the queries keep per version (kept_answers) is not:
        # it was worked out without the set-aside edges.
        whole.graph = {k: v for k, v in g.graph.items() if k != "kept_answers"}
        whole.add_nodes_from(g.nodes(data=True))
        whole.add_edges_from(g.edges(keys=True, data=True))
        whole.add_edges_from(_set_aside(g).edges(keys=True, data=True))
        self._whole = (token, g, whole)
        return whole

    def get_edge(self, edge_id: str) -> Edge | None:
        self._refresh()
        g = self.graph
        ends = AccountEdges.of(g).ends.get(edge_id)
        if ends is None:
            return None
        for holder in (g, _set_aside(g)):
            if holder.has_edge(*ends, key=edge_id):
                data = holder.edges[(*ends, edge_id)]
                return Edge(**data["props"], type=EdgeType(data["type"]), start=ends[0],
                            end=ends[1])
        return None

    def claim_event(self, claim_id: str) -> str | None:
        self._refresh()
        g = self.graph
        if claim_id not in g:
            return None
        events = sorted(e for _, e, d in g.out_edges(claim_id, data=True) if d["type"] == "ABOUT")
        return events[0] if events else None

    def get_node(self, node_id: str) -> ExportNode | None:
        self._refresh()
        if node_id not in self.graph:
            return None
        data = self.graph.nodes[node_id]
        return ExportNode(id=node_id, labels=[data["label"]], properties=dict(data["props"]))

    def export(self, node_ids: Iterable[str] | None = None) -> GraphExport:
        self._refresh()
        wanted = None if node_ids is None else set(node_ids)
        g = self.graph if wanted is None else self.graph.subgraph(wanted)
        aside = _set_aside(self.graph)
        if wanted is not None:
            aside = aside.subgraph(wanted)
        nodes = [
            ExportNode(id=n, labels=[d["label"]], properties=dict(d["props"]))
            for n, d in sorted(g.nodes(data=True))
        ]
        rels = [
            ExportRelationship(id=k, type=d["type"], start=s, end=e, properties=dict(d["props"]))
            for holder in (g, aside) for s, e, k, d in holder.edges(keys=True, data=True)
        ]
        rels.sort(key=lambda r: r.id)
        return GraphExport(nodes=nodes, relationships=rels)

    def export_stream(self, page_size: int = 500) -> ExportStream:
        """The graph as loaded now (a save by another process meanwhile is not mixed in)."""
        self._refresh()
        g = self.graph
        rank = {label: n for n, label in enumerate(NODE_TYPES)}
        ids = sorted(g.nodes, key=lambda n: (rank.get(g.nodes[n]["label"], len(rank)), n))

        def nodes() -> Iterator[ExportNode]:
            for n in ids:
                data = g.nodes[n]
                yield ExportNode(id=n, labels=[data["label"]], properties=dict(data["props"]))

        aside = _set_aside(g)

        def relationships() -> Iterator[ExportRelationship]:
            for n in ids:
                out = list(g.out_edges(n, keys=True, data=True))
                if n in aside:
                    out += aside.out_edges(n, keys=True, data=True)
                for _, end, key, d in sorted(out, key=lambda e: str(e[2])):
                    yield ExportRelationship(id=key, type=d["type"], start=n, end=end,
                                             properties=dict(d["props"]))

        return ExportStream(nodes(), relationships())

    def counts(self) -> dict[str, int]:
        """From the counts the file keeps, while this process has not read the graph (a
        `sckg stats`: a look at the file's head, not a load); else counted."""
        if self.path is not None and self._on_disk is None and self._lock is None \
                and not self._writes:  # fmt: skip
            kept = kept_counts(self.path / FILE_NAME)
            if kept is not None:
                return kept
        self._refresh()
        return self._counted()

    def _counted(self) -> dict[str, int]:
        out: dict[str, int] = {label: 0 for label in NODE_TYPES}
        for _, d in self.graph.nodes(data=True):
            out[d["label"]] = out.get(d["label"], 0) + 1
        for edge_type in EdgeType:
            out[str(edge_type)] = 0
        for holder in (self.graph, _set_aside(self.graph)):
            for _, _, d in holder.edges(data=True):
                out[d["type"]] += 1
        return out


def kept_counts(file: Path) -> dict[str, int] | None:
    """The node and relationship counts a saved file keeps at its head, or None (no
    file, or one saved before counts were kept: then the graph must be counted)."""
    try:
        with file.open("rb") as fh:
            head = fh.read(HEAD_BYTES).decode("utf-8", errors="replace")
    except (FileNotFoundError, NotADirectoryError):
        return None
    if not head.startswith(HEADER):
        return None
    decoder = json.JSONDecoder()
    try:
        _, at = decoder.raw_decode(head, len(HEADER))  # the version
        marker = ', "counts": '
        if not head.startswith(marker, at):
            return None
        counts, _ = decoder.raw_decode(head, at + len(marker))
    except ValueError:
        return None
    if not isinstance(counts, dict) or not all(isinstance(v, int) for v in counts.values()):
        return None
    return counts


def _load(file: Path) -> nx.MultiDiGraph:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InvalidInput(f"{file}: not a readable sckg graph file ({exc})") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InvalidInput(f"{file}: not an sckg embedded graph (format marker missing)")
    graph = nx.MultiDiGraph()
    for node in data["nodes"]:
        graph.add_node(node["id"], label=node["label"], props=node["properties"])
    aside = _set_aside(graph)
    for rel in data["relationships"]:
        into = aside if rel["properties"].get("review") in HIDDEN else graph
        into.add_edge(rel["start"], rel["end"], key=rel["id"], type=rel["type"],
                      props=rel["properties"])
    graph.graph["texts"] = {kept["article_id"]: kept for kept in data.get("texts", [])}
    graph.graph["reviews"] = list(data.get("reviews", []))
    return graph


class _GraphIndex:
    """An index kept in the graph object's attributes, built at its first look-up: a graph
    re-read from the file comes with its own, and a clear drops it with the graph."""

    key: ClassVar[str]

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        raise NotImplementedError

    @classmethod
    def of(cls, graph: nx.MultiDiGraph) -> Self:
        index = graph.graph.get(cls.key)
        if index is None:
            index = graph.graph[cls.key] = cls(graph)
        return cast(Self, index)


class _EventDates(_GraphIndex):
    """Dated events in date order, kept with the graph object they index (so a re-read
    graph comes with its own): a date-range read costs its answer, not the graph."""

    key = "event_dates"

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.day: dict[str, str] = {}
        self.order: list[tuple[str, str]] = []  # (date, event id), sorted
        for node_id, data in graph.nodes(data=True):
            if data["label"] == "Event":
                self.put(node_id, data["props"].get("date"))


    def put(self, event_id: str, day: str | None) -> None:
        old = self.day.get(event_id)
        if old == day:
            return
        if old is not None:
            del self.order[bisect.bisect_left(self.order, (old, event_id))]
            del self.day[event_id]
        if day:
            bisect.insort(self.order, (day, event_id))
            self.day[event_id] = day

    def between(self, date_from: str, date_to: str) -> list[str]:
        """Two binary searches: no look at (or copy of) events outside the range."""
        start = bisect.bisect_left(self.order, (date_from, ""))
        stop = bisect.bisect_right(self.order, (date_to, "\U0010ffff"), lo=start)
        return [event_id for _, event_id in self.order[start:stop]]


def _texts(graph: nx.MultiDiGraph) -> dict[str, dict[str, Any]]:
    """The kept article texts by article id: a graph attribute, so a re-read swaps them
    with the graph they belong to (files saved before texts were kept have none)."""
    texts: dict[str, dict[str, Any]] = graph.graph.setdefault("texts", {})
    return texts


def _reviews(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """The review log, oldest written first: a graph attribute, like the texts."""
    log: list[dict[str, Any]] = graph.graph.setdefault("reviews", [])
    return log


def _set_aside(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The account edges a reviewer rejected or re-targeted, kept out of the graph the
    queries walk (so hiding them costs the queries nothing) but saved, exported and
    counted with it. A graph attribute, so a re-read graph comes with its own."""
    aside: nx.MultiDiGraph | None = graph.graph.get("set_aside")
    if aside is None:
        aside = graph.graph["set_aside"] = nx.MultiDiGraph()
    return aside


def set_aside_edges(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The edges a verdict hides, of the graph a twin is given (for counts of them)."""
    return _set_aside(graph)


class ClaimEvents(_GraphIndex):
    """The events each claim is about (ABOUT edges), sorted: what every claim list asks of
    each candidate to place it by date, without walking the claim's edges each time."""

    key = "claim_events"

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.events: dict[str, list[str]] = {}
        for claim, event, data in graph.edges(data=True):
            if data["type"] == "ABOUT":
                self.put(claim, event)


    def put(self, claim: str, event: str) -> None:
        known = self.events.setdefault(claim, [])
        if event not in known:
            bisect.insort(known, event)

    def first(self, claim: str) -> str | None:
        known = self.events.get(claim)
        return known[0] if known else None


class AccountEdges(_GraphIndex):
    """Account edges by id: their ends and type, and the verdicts of those judged.

    Built at the first look-up and kept with the graph object (like the event dates):
    a review finds its edge without scanning every edge, the queries know at once which
    edges a verdict hides (none, on a graph nobody reviewed), and a twin asking for the
    DENIES edges reads those, not the whole graph (:func:`queries._rows.edges_of_type`).
    """

    key = "account_edges"

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.ends: dict[str, tuple[str, str]] = {}
        self.verdicts: dict[str, str] = {}
        self.by_type: dict[str, dict[str, None]] = {t: {} for t in sorted(ACCOUNT_TYPES)}
        for holder in (graph, _set_aside(graph)):
            for start, end, key, data in holder.edges(keys=True, data=True):
                if data["type"] in ACCOUNT_TYPES:
                    self.put(key, data["type"], start, end, data["props"].get("review"))


    def put(self, edge_id: str, kind: str, start: str, end: str, verdict: str | None) -> None:
        self.ends[edge_id] = (start, end)
        self.by_type[kind][edge_id] = None
        if verdict is None:
            self.verdicts.pop(edge_id, None)
        else:
            self.verdicts[edge_id] = verdict

    def drop(self, edge_id: str) -> None:
        self.ends.pop(edge_id, None)
        self.verdicts.pop(edge_id, None)
        for ids in self.by_type.values():
            ids.pop(edge_id, None)

    def not_in(self, states: Iterable[str]) -> set[str]:
        """Ids of the account edges whose review state is not one of ``states``."""
        keep = set(states)
        if "unreviewed" in keep:
            return {k for k, v in self.verdicts.items() if v not in keep}
        return {k for k in self.ends if self.verdicts.get(k, "unreviewed") not in keep}


def _merge_props(current: dict[str, Any], new: dict[str, Any], unions: tuple[str, ...]) -> None:
    """New known values win; list properties named in ``unions`` accumulate, sorted (so
    the result does not depend on write order)."""
    for key, value in new.items():
        if key in unions and isinstance(current.get(key, []), list):
            current[key] = sorted(set(current.get(key, [])) | set(value))
        else:
            current[key] = value


def _atomic_write(target: Path, pieces: Iterable[str]) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".graph-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.writelines(pieces)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
