"""Text search: the networkx twin of ``cypher/search.cypher``, and its input checks.

A hit has the search text at the start of a word of a name, claim text or
alias ("aliy" finds "Ilham Aliyev", "minsk gr" finds "OSCE Minsk Group";
"liyev" finds nothing), case-insensitively; a claim is also found by the quotes
that assert or deny it (what a source was quoted saying). Word starts, rather than any
substring, are what a word index can answer: on Neo4j the full-text index
``sckg_text`` finds candidates and the same test as here keeps the hits, so a
search costs its matches, not the whole graph.

One difference can remain: Neo4j splits words by Unicode word rules, which
keep "U.S" or "Karabakh's" whole, so a search starting inside such a word
("S. envoy") is found only by the embedded store.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import get_args

import networkx as nx

from graph.errors import InvalidInput
from queries._rows import Row, edges_of_type, page
from queries.results import SearchHit, SearchLabel

LABELS: tuple[str, ...] = get_args(SearchLabel)
_TITLE = {"Actor": "name", "Source": "name", "Event": "name", "Claim": "text"}
MAX_TEXT = 200


# Words as the index sees them: letters and digits, joined by an inner apostrophe or dot.
_WORD = re.compile(r"\w+(?:['’.]\w+)*")


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


def twin(g: nx.MultiDiGraph, params: Row) -> list[Row]:
    wanted = set(params["labels"] or LABELS)
    starts = re.compile(_word_start(params["q"]))
    rows = []
    for node_id, d in g.nodes(data=True):
        if d["label"] not in wanted:
            continue
        title = d["props"].get(_TITLE[d["label"]]) or ""
        s = score(params["q"], starts, title, d["props"].get("aliases") or [])
        if s > 0:
            rows.append({"id": node_id, "label": d["label"], "title": title, "score": s})
    if "Claim" in wanted:
        rows.extend(_quoted_claims(g, starts, {r["id"] for r in rows}))
    rows.sort(key=lambda r: (-r["score"], r["label"], r["id"]))
    return page(rows, params)


def _quoted_claims(g: nx.MultiDiGraph, starts: re.Pattern[str], found: set[str]) -> list[Row]:
    """Claims found only through an ASSERTS or DENIES quote (score 0.75)."""
    hits: dict[str, Row] = {}
    for _, claim, d in edges_of_type(g, "ASSERTS", "DENIES"):
        if claim in found or claim in hits:
            continue
        quote = (d["props"].get("evidence") or "").lower()
        if g.nodes[claim]["label"] == "Claim" and starts.search(quote):
            hits[claim] = {"id": claim, "label": "Claim",
                           "title": g.nodes[claim]["props"].get("text") or "", "score": 0.75}
    return list(hits.values())


def build(rows: list[Row]) -> list[SearchHit]:
    return [SearchHit(**r) for r in rows]
