"""Split article text into paragraphs, sentences and quotations, keeping offsets.

Offsets are the provenance of every edge, so nothing here rewrites the text:
each span is a ``(start, end)`` pair into the article's text exactly as read.

Quotations follow newspaper conventions: a quotation may run over several
paragraphs, each continuing paragraph re-opening with a quote mark and only
the last one closing it; curly (“ ”) and straight (") marks are both used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

OPENING = '“"«„'
CLOSING = '”"»“'

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "col",
    "lt",
    "st",
    "no",
    "vs",
    "jr",
    "sr",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "amb",
    "rep",
    "sen",
    "gov",
    "pres",
    "min",
}
# An elision mark between sentences ("… the plot. […] The state …") is no part of either.
_ELISION_MARK = r"\[(?:…|\.\.\.)\]"
_ELISION = re.compile(_ELISION_MARK + r"\s*")
_SENTENCE_END = re.compile(
    r"[.!?]+[”\"’»)]*(?=\s+(?:" + _ELISION_MARK + r"\s+)?[\"“«(]?[A-Z0-9@‘'\"“«]|\s*$)")
_BULLET = re.compile(r"^\s*(?:[-*•·–—]|\d+[.)])\s+")
# An interview's layout: "Question: …" and "Answer: …" (or "Q:" / "A:") open the
# paragraphs of who asks and who answers.
_INTERVIEW_LABEL = re.compile(r"\s*(?:(?P<question>Question|Q)|(?P<answer>Answer|A))\s*:\s+")
_RELATED = re.compile(
    r"^\s*(?:read (?:also|more)|related|see also|more on this|also read|watch|"
    r"subscribe|share|follow us|advertisement|photo|video)\b[:\s]",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]


@dataclass
class Sentence:
    start: int
    end: int
    paragraph: int
    quote: int | None = None  # index of the Quote this sentence lies inside
    kind: str = "body"  # body | heading | navigation | question
    label: str | None = None  # "question" | "answer": an interview's label on its paragraph

    def text(self, source: str) -> str:
        return source[self.start : self.end]


@dataclass
class Quote:
    """A quotation; ``inner`` excludes the marks. Frames are resolved later."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    paragraphs: list[int] = field(default_factory=list)
    outer: int | None = None  # a quotation inside this one ('… the president said: “…”')


@dataclass
class Segmented:
    text: str
    paragraphs: list[Span]
    sentences: list[Sentence]
    quotes: list[Quote]


def paragraphs_of(text: str) -> list[Span]:
    """Non-empty lines are paragraphs: readouts put one point per line or block."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(Span(start, end))
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 12) : dot])
    if not word:
        return False
    token = word.group(1).lower().strip(".")
    if token in _ABBREVIATIONS:
        return True
    # Initials: "Antony J. Blinken", "U.S."
    return len(token) == 1 and token.isalpha()


def sentences_in(text: str, para: Span) -> list[tuple[int, int]]:
    """Sentence boundaries inside one paragraph."""
    out = []
    start = para.start
    body = text[para.start : para.end]
    for match in _SENTENCE_END.finditer(body):
        dot = para.start + match.start()
        if text[dot] == "." and _is_abbreviation(text, dot):
            continue
        end = para.start + match.end()
        if end > start:
            out.append((start, end))
        start = end
        while start < para.end and text[start].isspace():
            start += 1
    if start < para.end:
        out.append((start, para.end))
    return out


MAX_QUOTE_PARAGRAPHS = 15


def find_quotes(text: str, paragraphs: list[Span]) -> list[Quote]:
    """Quotations of at least a few words, possibly spanning paragraphs."""
    quotes: list[Quote] = []
    index, pos = 0, paragraphs[0].start if paragraphs else 0
    while index < len(paragraphs):
        para = paragraphs[index]
        pos = max(pos, para.start)
        opening = _next_opening(text, pos, para.end)
        if opening is None:
            index += 1
            continue
        quote, inside = _close_quote(text, paragraphs, index, opening)
        quotes.append(quote)
        quotes.extend(inside)
        last = quote.paragraphs[-1]
        index, pos = (last, quote.end) if quote.end < paragraphs[last].end else (last + 1, 0)
    kept = [q for q in quotes if len(text[q.inner_start : q.inner_end].split()) >= 4]
    kept = [q for q in kept if q.outer is not None or not _inline(text, paragraphs, q)]
    outers = [q for q in kept if q.outer is None]
    for q in kept:  # point nested quotations at their outer one's index in the final list
        if q.outer is not None:
            holder = next((o for o in outers if o.start < q.start and q.end <= o.end), None)
            q.outer = kept.index(holder) if holder is not None else None
    return [q for q in kept if q.outer is not None or q in outers]


_INNER_SENTENCE_END = re.compile(r"[.!?][”\"’»]?\s+[\"“«]?[A-Z]")


def _inline(text: str, paragraphs: list[Span], quote: Quote) -> bool:
    """A partial quotation inside a sentence ("said the claim was “completely untrue”")
    is part of that sentence, not a quotation with a frame of its own."""
    if len(quote.paragraphs) > 1:
        return False
    para = paragraphs[quote.paragraphs[0]]
    if text[quote.end - 1] not in CLOSING:
        return False  # unclosed: a quotation of its own
    before = text[para.start : quote.start].rstrip()
    if not before or before.endswith((":", ".", "!", "?")) or not _BULLET.sub("", before + " "):
        return False  # the quotation opens its sentence (or its bulleted line)
    return _INNER_SENTENCE_END.search(text, quote.inner_start, quote.inner_end) is None


def _next_opening(text: str, pos: int, end: int) -> int | None:
    for i in range(pos, end):
        if text[i] in OPENING and _opens(text, i):
            return i
    return None


def _close_quote(text: str, paragraphs: list[Span], index: int,
                 opening: int) -> tuple[Quote, list[Quote]]:
    """Follow a quotation to its closing mark, across paragraphs if it runs on.

    A quotation never closed within a few paragraphs ends with its own paragraph.
    A quotation inside it ('"… as a "passport and visa" service."') is skipped
    over: an opening mark deepens the nesting, a closing one ends the innermost.
    One that speech introduces ('… the president said: “We …”') is returned
    too, as a quotation of its own inside this one.
    """
    last = min(len(paragraphs), index + MAX_QUOTE_PARAGRAPHS)
    pos = opening + 1
    reopened, held = True, index  # held: the last paragraph known to be inside
    inside: list[Quote] = []
    for j in range(index, last):
        para = paragraphs[j]
        depth, nested_at = 0, None
        reopened = j == index or (reopened and text[para.start] in OPENING)
        if j > index and reopened:
            pos = para.start + 1  # a continuing paragraph re-opens the quotation
        if reopened:
            held = j
        for i in range(max(pos, para.start), para.end):
            if text[i] in OPENING and _opens(text, i):
                if not reopened:
                    # Sloppy copy may run a quotation on without re-opening it, but a
                    # paragraph whose first mark opens a quotation starts a new one.
                    return _quote(text, opening, paragraphs[held].end,
                                  list(range(index, held + 1))), inside
                depth += 1
                if depth == 1 and text[:i].rstrip().endswith(":"):
                    nested_at = i
            elif text[i] in CLOSING and _closes(text, i, para.end):
                if depth == 0:
                    return _quote(text, opening, i + 1, list(range(index, j + 1))), inside
                depth -= 1
                if depth == 0 and nested_at is not None:
                    nested = _quote(text, nested_at, i + 1, [j])
                    nested.outer = -1  # resolved by find_quotes
                    inside.append(nested)
                    nested_at = None
        if nested_at is not None:  # a nested quotation left open ends with its paragraph
            nested = _quote(text, nested_at, para.end, [j])
            nested.outer = -1
            inside.append(nested)
    return _quote(text, opening, paragraphs[index].end, [index]), []


def _opens(text: str, pos: int) -> bool:
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return (before.isspace() or before in "(:[—–-") and not after.isspace()


def _closes(text: str, pos: int, para_end: int) -> bool:
    if text[pos] == "“":
        return False
    after = text[pos + 1] if pos + 1 < para_end else " "
    before = text[pos - 1]
    return not before.isspace() and (after.isspace() or after in ".,;:!?)—–-")


def _quote(text: str, start: int, end: int, paras: list[int]) -> Quote:
    inner_end = end - 1 if text[end - 1] in CLOSING else end
    return Quote(start, end, start + 1, inner_end, list(paras))


def _quoted_sentence(line: str) -> bool:
    """'“We welcome the agreement.”': a bulleted line that quotes a whole sentence is an
    excerpt of a statement, not a link in a list."""
    line = line.strip()
    return len(line) > 2 and line[0] in '“"«' and line[-1] in '”"»' and line[-2] in ".!?"


def classify_line(text: str, para: Span) -> str:
    """heading, navigation or body: headings and link lists are never claims."""
    line = text[para.start : para.end]
    words = line.split()
    if (_BULLET.match(line) and not _quoted_sentence(_BULLET.sub("", line))) \
            or _RELATED.match(line):
        return "navigation"
    # A closing quote mark ends a sentence only after a stop ('… he said.”'); a line
    # ending "… calls media a ‘garbage dump’" is a headline.
    if line.rstrip().rstrip('”"’»\'')[-1:] not in ".!?:)" and len(words) <= 20:
        return "heading"
    return "body"


def segment(text: str) -> Segmented:
    """Paragraphs, sentences (each tagged with its quotation) and quotations."""
    paragraphs = paragraphs_of(text)
    quotes = find_quotes(text, paragraphs)
    sentences: list[Sentence] = []
    for index, para in enumerate(paragraphs):
        line_kind = classify_line(text, para)
        label = _INTERVIEW_LABEL.match(text, para.start, para.end)
        for piece in _split_at_quotes(para, quotes):
            for start, end in sentences_in(text, piece):
                if label is not None and start < label.end():
                    start = label.end()  # the label is layout, not the answer's words
                start, end = _trim_marks(text, start, end)
                if end <= start or not any(c.isalnum() for c in text[start:end]):
                    continue
                kind = line_kind
                if kind == "body" and text[start:end].rstrip('”"’» ').endswith("?"):
                    kind = "question"
                sentences.append(
                    Sentence(start, end, index, _quote_index(quotes, start, end), kind,
                             None if label is None else (label.lastgroup or None))
                )
    return Segmented(text, paragraphs, sentences, quotes)


def _split_at_quotes(para: Span, quotes: list[Quote]) -> list[Span]:
    """Cut a paragraph where quotations open and close: no sentence straddles a mark."""
    cuts = {para.start, para.end}
    for quote in quotes:
        for point in (quote.inner_start, quote.inner_end):
            if para.start < point < para.end:
                cuts.add(point)
    ordered = sorted(cuts)
    return [Span(a, b) for a, b in pairwise(ordered) if b > a]


def _trim_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop an unbalanced leading/trailing quote mark (and a leading elision mark) from a
    sentence span."""
    while start < end and (text[start] in OPENING + CLOSING + ",;" or text[start].isspace()):
        start += 1
    elided = _ELISION.match(text, start, end)
    if elided is not None and elided.end() < end:
        start = elided.end()
    while end > start and text[end - 1] in CLOSING + " ":
        end -= 1
    return start, end


def _quote_index(quotes: list[Quote], start: int, end: int) -> int | None:
    """The innermost quotation holding the sentence."""
    mid = (start + end) // 2
    holding = [i for i, q in enumerate(quotes) if q.inner_start <= mid < q.inner_end]
    return min(holding, key=lambda i: quotes[i].end - quotes[i].start) if holding else None
