"""Text search: the networkx twin of ``cypher/search.cypher``, and its input checks.

A hit has the search text at the start of a word of a name, claim text or
alias ("aliy" finds "Ilham Aliyev", "minsk gr" finds "OSCE Minsk Group";
"liyev" finds nothing), case-insensitively; a claim is also found by the quotes
that assert or deny it (what a source was quoted saying). Word starts, rather than any
substring, are what a word index can answer: on Neo4j the full-text index
``sckg_text`` finds candidates and the same test as here keeps the hits, so a
search costs its matches, not the whole graph.

The embedded store answers the same way: a word index kept with the graph until its
next write (:class:`Words`) gives the nodes and quotes with a word starting with the
query's first word, and the test above keeps the hits.

One difference can remain: Neo4j splits words by Unicode word rules, which
keep "U.S" or "Karabakh's" whole, so a search starting inside such a word
("S. envoy") is found only by the embedded store.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import get_args

import networkx as nx

from graph.errors import InvalidInput
from queries._rows import Row, edges_of_type, kept, keyed_edges_of_type, page
from queries.results import SearchHit, SearchLabel

LABELS: tuple[str, ...] = get_args(SearchLabel)
_TITLE = {"Actor": "name", "Source": "name", "Event": "name", "Claim": "text"}
MAX_TEXT = 200


# Words as the index sees them: letters and digits, joined by an inner apostrophe or dot.
_WORD = re.compile(r"\w+(?:['’.]\w+)*")
# Where the embedded index splits: every run of word characters, so each place a search
# can match (a word character after a non-word one) starts an indexed word.
_RUN = re.compile(r"\w+")


def check_text(text: str) -> str:
    """The query lower-cased and trimmed; text that is not a string or is over-long is
    an InvalidInput."""
    if not isinstance(text, str):
        raise InvalidInput(f"search text must be a string, got {text!r}")
    if len(text) > MAX_TEXT:
        raise InvalidInput(f"search text is longer than {MAX_TEXT} characters")
    return text.strip().lower()


def has_word(q: str) -> bool:
    """Whether ``q`` holds a word to look for. Text without a letter or digit ("?!",
    spaces) finds nothing rather than being an error: what counts as a letter is
    Unicode's business, which no pattern in the API document could state the same way
    for every client."""
    return _WORD.search(q) is not None


def text_params(q: str) -> dict[str, str]:
    r"""Parameters of ``search.cypher`` for the lower-cased query ``q``.

    ``lucene``: every word of ``q`` as a prefix query (words hold only letters,
    digits, ``_``, apostrophes and dots, none of them Lucene syntax);
    ``pattern``: a whole-string Java regular expression true when ``q`` starts
    a word. :func:`re.escape` backslashes only ASCII punctuation and spaces,
    which Java's regex also reads as literals; ``(?U)`` makes Java's ``\w``
    Unicode, like Python's.
    """
    lucene = " AND ".join(f"{word}*" for word in _WORD.findall(q))
    return {"lucene": lucene, "pattern": f"(?sU).*{_word_start(q)}.*"}


def _word_start(q: str) -> str:
    return r"(?<!\w)" + re.escape(q)


def check_labels(labels: Sequence[str] | None) -> list[str] | None:
    if labels is None:
        return None
    unknown = sorted(set(labels) - set(LABELS))
    if unknown or isinstance(labels, str):
        raise InvalidInput(f"labels must be among {', '.join(LABELS)}; got {labels!r}")
    return sorted(set(labels))


def score(q: str, starts: re.Pattern[str], title: str, aliases: Sequence[str]) -> float:
    t = title.lower()
    if t == q:
        return 3.0
    if t.startswith(q):
        return 2.0
    if starts.search(t):
        return 1.0
    return 0.5 if any(starts.search(a.lower()) for a in aliases) else 0.0


class Words:
    """The searchable words of one version of the graph, for the embedded store.

    Each run of word characters of a name, claim text, alias or ASSERTS/DENIES quote
    (lower-cased), with the nodes and edges it occurs in, and the runs sorted, so the
    runs starting with a prefix are one slice. A search matches where a word character
    follows a non-word one, which is where a run starts: so the nodes and quotes holding
    a run that starts with the query's first run are every possible hit (candidates),
    and the word-start test keeps the hits among them.
    """

    def __init__(self, g: nx.MultiDiGraph) -> None:
        nodes: dict[str, set[str]] = defaultdict(set)
        quotes: dict[str, set[str]] = defaultdict(set)
        for node_id, d in g.nodes(data=True):
            if d["label"] in _TITLE:
                title = d["props"].get(_TITLE[d["label"]]) or ""
                for text in (title, *(d["props"].get("aliases") or [])):
                    for run in _RUN.findall(text.lower()):
                        nodes[run].add(node_id)
        self.edge_ends: dict[str, tuple[str, str]] = {}
        for edge_id, start, end, d in keyed_edges_of_type(g, "ASSERTS", "DENIES"):
            self.edge_ends[edge_id] = (start, end)
            for run in _RUN.findall((d["props"].get("evidence") or "").lower()):
                quotes[run].add(edge_id)
        self.nodes = dict(nodes)
        self.quotes = dict(quotes)
        self.runs = sorted(nodes.keys() | quotes.keys())

    @classmethod
    def of(cls, g: nx.MultiDiGraph) -> Words:
        """The index of ``g``, built at the first search after a write and kept till the next."""
        return kept(g, "search_words", lambda: cls(g))

    def starting_with(self, prefix: str) -> Iterator[str]:
        """The indexed runs that start with ``prefix``."""
        at = bisect_left(self.runs, prefix)
        while at < len(self.runs) and self.runs[at].startswith(prefix):
            yield self.runs[at]
            at += 1

    def candidates(self, prefix: str) -> tuple[set[str], set[str]]:
        """Node ids and account edge ids with a run starting with ``prefix``."""
        nodes: set[str] = set()
        quotes: set[str] = set()
        for run in self.starting_with(prefix):
            nodes.update(self.nodes.get(run, ()))
            quotes.update(self.quotes.get(run, ()))
        return nodes, quotes


def twin(g: nx.MultiDiGraph, params: Row) -> list[Row]:
    """Nodes, then quoted claims, with the query at a word start. A graph the store keeps
    (the default review states) is searched through its word index; a filtered view,
    which nothing is kept with, is read whole."""
    wanted = set(params["labels"] or LABELS)
    starts = re.compile(_word_start(params["q"]))
    first = _RUN.match(params["q"])
    words = None if first is None or nx.is_frozen(g) else Words.of(g)
    if words is None or first is None:
        nodes: Iterable[str] = g.nodes
    else:
        nodes, edge_ids = words.candidates(first.group())
    rows = []
    for node_id in nodes:
        d = g.nodes[node_id]
        if d["label"] not in wanted:
            continue
        title = d["props"].get(_TITLE[d["label"]]) or ""
        s = score(params["q"], starts, title, d["props"].get("aliases") or [])
        if s > 0:
            rows.append({"id": node_id, "label": d["label"], "title": title, "score": s})
    if "Claim" in wanted:
        found = {r["id"] for r in rows}
        quotes = (edges_of_type(g, "ASSERTS", "DENIES") if words is None
                  else _quote_edges(g, words, edge_ids, found))
        rows.extend(_quoted_claims(g, quotes, starts, found))
    rows.sort(key=lambda r: (-r["score"], r["label"], r["id"]))
    return page(rows, params)


def _quote_edges(
    g: nx.MultiDiGraph, words: Words, edge_ids: Iterable[str], found: set[str]
) -> Iterator[tuple[str, str, Row]]:
    """The candidate quotes still in ``g``, less those on a claim already found by its text
    (most of them, when the word is common)."""
    for edge_id in edge_ids:
        start, end = words.edge_ends[edge_id]
        if end not in found and g.has_edge(start, end, key=edge_id):
            yield start, end, g.edges[start, end, edge_id]


def _quoted_claims(
    g: nx.MultiDiGraph,
    quotes: Iterable[tuple[str, str, Row]],
    starts: re.Pattern[str],
    found: set[str],
) -> list[Row]:
    """Claims found only through an ASSERTS or DENIES quote (score 0.75)."""
    hits: dict[str, Row] = {}
    for _, claim, d in quotes:
        if claim in found or claim in hits:
            continue
        quote = (d["props"].get("evidence") or "").lower()
        if g.nodes[claim]["label"] == "Claim" and starts.search(quote):
            hits[claim] = {"id": claim, "label": "Claim",
                           "title": g.nodes[claim]["props"].get("text") or "", "score": 0.75}
    return list(hits.values())


def build(rows: list[Row]) -> list[SearchHit]:
    return [SearchHit(**r) for r in rows]
