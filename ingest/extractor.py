"""The extractor interface and the rule-based extractor behind it.

An :class:`Extractor` turns one :class:`ArticleDoc` into an
:class:`ArticleExtraction`: the article's events, and its points, each with the
source giving it, the speaker inside that account, what it does (asserts,
denies, states an omission, agrees) and the verbatim span it rests on. Matching
against what the graph already holds (same event, same claim, the claim a
denial answers, omissions) happens afterwards in :mod:`ingest.reconcile`, so a
different extractor (for example one calling a language model) only has to
produce an ``ArticleExtraction``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from graph.ids import article_id, content_hash, normalise
from graph.model import Article
from ingest.attribution import Attributor, Statement
from ingest.claims import claim_text, content_words, features, states_something, substantive
from ingest.documents import ArticleDoc
from ingest.entities import ArticleEntities, Found, Ref, issues_readouts
from ingest.events import (
    ArticleEvent,
    date_by_report,
    dateline_date,
    event_mentions,
    group_events,
    pointed_events,
    statement_events,
)
from ingest.gazetteer import Entry, Gazetteer, load
from ingest.lexicon import DENIAL_RE, OMISSION_RE, STRONG_DENIAL_RE
from ingest.mentions import outlet_index
from ingest.nlp import load_pipeline, parse, parse_many
from ingest.segment import Segmented, segment
from ingest.stance import Denial, negates
from ingest.triggers import find_triggers

MIN_SUBSTANTIVE_WORDS = 2
_EVENT_WORDS = ("spoke spoken speak call called met meet held made telephone phone "
                "conversation talk talks secretary president minister foreign prime state "
                "spokesperson today yesterday")


@lru_cache(maxsize=1)
def _event_stems() -> frozenset[str]:
    """The words of "X spoke by phone with Y today" as features: no point of their own."""
    return content_words(_EVENT_WORDS)


@dataclass
class Point:
    """One thing a source does in an article, with its evidence span."""

    act: str  # assert | deny | omit | agree
    source: Ref
    speaker: Ref | None
    frame: str
    start: int
    end: int
    text: str  # normalised claim text
    features: set[str]
    mentions: list[Ref]
    event: ArticleEvent | None
    order: int
    anonymous: bool = False
    context: set[str] = field(default_factory=set)  # features of the whole evidence span
    denial: Denial | None = None  # for act == "deny": the target as the parse describes it
    denied_owner: Ref | None = None
    negated: bool = False  # for act == "assert": "X does not …", "there are no …"
    omitting: Ref | None = None  # for act == "omit": whose account leaves the point out


@dataclass
class ArticleExtraction:
    doc: ArticleDoc
    article: Article
    publisher: Ref | None
    events: list[ArticleEvent]
    points: list[Point]
    refs: list[Ref] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.doc.text


class Extractor(Protocol):
    """Anything that turns an article into an ArticleExtraction."""

    def extract(self, doc: ArticleDoc) -> ArticleExtraction: ...


class RuleExtractor:
    """Deterministic, offline, explainable extraction; see the package modules."""

    name = "rule"

    def __init__(self, gazetteer: Gazetteer | None = None, model: str | None = None) -> None:
        self.gaz = gazetteer or load()
        self.model = model  # spaCy pipeline; None: see ingest.nlp.resolve_model

    def prepare(self) -> None:
        """Load the parser now, so a missing model stops the run before any article."""
        load_pipeline(self.model)

    def parse_many(self, docs: list[ArticleDoc]) -> list[Doc]:
        """Parses of several articles at once (batched), for :meth:`extract`'s ``parsed``."""
        return list(parse_many([doc.text for doc in docs], self.model))

    def extract(self, doc: ArticleDoc, parsed: Doc | None = None) -> ArticleExtraction:
        text = doc.text
        seg = segment(text)
        _mark_title_lines(seg, doc.title)
        if parsed is None:  # else the caller's parse of this text (see parse_many)
            parsed = parse(text, self.model)
        ents = ArticleEntities(text, self.gaz, doc.published, parsed)
        publisher = self._publisher(doc, ents)
        events = group_events(event_mentions(seg, ents))
        main = events[0] if events else None
        statements = Attributor(seg, parsed, ents, publisher).attribute()
        dateline = dateline_date(parsed, ents, statements)
        report_day = dateline.day if dateline else doc.published
        if main is not None:
            date_by_report(main, report_day)
        said = statement_events(statements, parsed, ents, publisher, dateline,
                                report_day if main is None else None)
        on_main = {id(seg.sentences[m.sentence_index]) for m in main.mentions} if main else set()
        # Other events the article dates itself ("at the talks in Moldova on 1 June").
        dated_here = {id(seg.sentences[m.sentence_index]): e for e in events[1:]
                      if e.date_precision == "day" for m in e.mentions if m.dates}
        # "The call was requested by the Azerbaijani side": another call the text told of.
        pointed = {id(seg.sentences[i]): e for i, e in pointed_events(seg, ents, events).items()}
        points = []
        before: tuple[Statement, ArticleEvent] | None = None
        for order, (statement, stated) in enumerate(zip(statements, said, strict=True)):
            # A claim is about what the article is about when its sentence names that
            # event; else about another event its sentence names with a date ("agreed at
            # the talks on 1 June") or points at; else about the event the same source's
            # point just before was turned to, when this one goes on with it; else about
            # the dated statement that made it, else again the article's event (an
            # undated passing mention is not what it is about).
            here = id(statement.sentence)
            own = pointed.get(here) or (main if here in on_main else dated_here.get(here))
            about = own or _went_on_with(before, statement) or stated or main
            if own is not None:
                before = (statement, own) if own is not main else None
            elif before is not None and _goes_on(before, statement):
                before = (statement, before[1])
            else:
                before = None
            point = self._point(statement, ents, about, order, publisher)
            if point is not None:
                points.append(point)
        for event in said:  # statement events, once each, after the article's own
            if event is not None and not any(event is e for e in events):
                events.append(event)
        digest = content_hash(text)
        article = Article(
            id=article_id(digest), title=doc.title, url=doc.url, outlet=doc.outlet,
            published=doc.published.isoformat() if doc.published else None,
            language=doc.language, content_hash=digest, path=doc.origin, length=len(text),
        )
        return ArticleExtraction(doc, article, publisher, events, points,
                                 list(ents.refs.values()))

    def _publisher(self, doc: ArticleDoc, ents: ArticleEntities) -> Ref | None:
        name = (doc.outlet or "").strip()
        if not name or name.lower() in ("unknown", "none", "n/a"):
            return None
        entry = self._listed_outlet(name)
        if entry is not None:
            ref = ents.ref_for(entry)
            ref.surfaces.add(name)
            return ref
        ref = ents.new_ref(name, "source", "news_outlet")
        ents.adopt(ref)
        return ref

    def publishes_readouts(self, doc: ArticleDoc) -> bool:
        """Whether the article is a body's own publication (a ministry's readout), not a
        report about one: on one day, accounts are read before what answers them."""
        entry = self._listed_outlet((doc.outlet or "").strip()) if doc.outlet else None
        return entry is not None and issues_readouts(entry.kind)

    def _listed_outlet(self, name: str) -> Entry | None:
        """The listed source a front-matter outlet names, written as listed, another way,
        or with a gloss in brackets ("Azatutyun (RFE/RL Armenian Service)")."""
        bare = re.sub(r"\s*\([^)]*\)\s*", " ", name).strip()
        for candidate in dict.fromkeys((name, bare)):
            for m in self.gaz.mentions(candidate):
                if m.entry.category == "source" and m.end - m.start == len(candidate):
                    return m.entry
            entry = outlet_index(self.gaz).outlet(candidate)
            if entry is not None:
                return entry
        return None

    def _point(self, st: Statement, ents: ArticleEntities, event: ArticleEvent | None,
               order: int, publisher: Ref | None) -> Point | None:
        if st.source is None or st.sentence.kind == "question":
            return None
        text = ents.text
        start, end = st.content
        found = ents.in_span(st.evidence[0], st.evidence[1])
        mentions = _unique([f.ref for f in found if f.ref.category == "actor" and not f.demonym]
                           + [ents.actor_for_body(f.ref) for f in found if _named_body(f, st)])
        content = text[start:end]
        act = st.act
        if act == "omit" and not (_names_an_account(content) or st.omitting is not None):
            act = "assert"
        if act == "assert" and not self._claim_worthy(st, ents, publisher):
            return None
        names = {r.name for r in mentions}
        ev_start, ev_end = _trim_span(text, *st.evidence)
        focus = content
        if act == "deny" and st.denial is not None and st.denial.content is not None:
            focus = text[slice(*st.denial.content)]  # what is denied, not the denial's words
        elif act == "deny":
            focus = _denied_clause(content)
        focus_names = {r.name for r in mentions if any(s in focus for s in r.surfaces)}
        return Point(act, st.source, st.speaker, st.frame, ev_start, ev_end, claim_text(content),
                     features(focus, focus_names if act == "deny" else names), mentions, event,
                     order, st.anonymous,
                     features(text[ev_start:ev_end], names) if act == "deny" else set(),
                     st.denial if act == "deny" else None,
                     st.denied_owner if act == "deny" else None,
                     act == "assert" and ents.doc is not None and negates(ents.doc, start, end),
                     st.omitting if act == "omit" else None)

    def _claim_worthy(self, st: Statement, ents: ArticleEntities, publisher: Ref | None) -> bool:
        start, end = st.content
        content = ents.text[start:end]
        if len(content.split()) < 4:
            return False
        # A quotation may complete its frame's sentence ('he had “a call with …”'); one
        # that is a sentence of its own must say something like any other.
        own_sentence = st.sentence.quote is None or ents.text[st.sentence.start].isupper()
        if ents.doc is not None and own_sentence and not states_something(
                ents.doc, start, end, own_voice=st.source is publisher):
            return False
        if publisher is not None and st.source is publisher \
                and _self_narrative(content, publisher):
            return False
        ignore = set(_event_stems())
        for f in ents.in_span(start, end):
            ignore |= content_words(ents.text[f.start : f.end])
        if ents.doc is not None:  # "held talks", "spoke by phone": the event, no point
            for trigger in find_triggers(ents.doc, start, end):
                if trigger.kind != "incident":
                    ignore |= content_words(" ".join(trigger.words))
        return len(substantive(content, ignore)) >= MIN_SUBSTANTIVE_WORDS



_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?=(?:in connection|calling|saying|adding|which|while|but|as|and the source|"
    r"according)\b)", re.IGNORECASE)


def _goes_on(before: tuple[Statement, ArticleEvent] | None, st: Statement) -> bool:
    """Whether ``st`` is the same source's next point, in the same quotation or in the
    same or the next paragraph ("…,” the Kremlin statement added.")."""
    if before is None:
        return False
    last = before[0]
    if st.source is None or last.source is None:
        return False
    return last.source.id == st.source.id and (
        (st.sentence.quote is not None and st.sentence.quote == last.sentence.quote)
        or 0 <= st.sentence.paragraph - last.sentence.paragraph <= 1)


def _went_on_with(before: tuple[Statement, ArticleEvent] | None,
                  st: Statement) -> ArticleEvent | None:
    return before[1] if before is not None and _goes_on(before, st) else None


def _denied_clause(content: str) -> str:
    """What a denial says did not happen: from its cue to the end of that clause."""
    cue = STRONG_DENIAL_RE.search(content) or DENIAL_RE.search(content)
    start = cue.start() if cue else 0
    stop = _CLAUSE_BREAK.search(content, cue.end() if cue else 0)
    return content[start : stop.start() if stop else len(content)]


def _named_body(found: Found, st: Statement) -> bool:
    """A body the claim names ("accused the State Security Service of …") is an actor of
    it; the body giving the claim is its voice, which speaks for its state, and
    outlets, people's own voices and states are never this."""
    ref = found.ref
    return ref.category == "source" and not found.demonym and ref.kind not in _NOT_ACTORS \
        and ref is not st.source


_NOT_ACTORS = frozenset({"news_outlet", "news_agency", "expert", "official", "person", "state"})


def _mark_title_lines(seg: Segmented, title: str | None) -> None:
    """The headline repeated as the first lines of the copy is a heading, whatever it ends in."""
    if not title:
        return
    wanted = normalise(title)
    for index, para in enumerate(seg.paragraphs):
        if normalise(seg.text[para.start : para.end]) == wanted:
            for sentence in seg.sentences:
                if sentence.paragraph == index:
                    sentence.kind = "heading"


def _names_an_account(content: str) -> bool:
    """'the Azeri version omitted ...' states an omission; 'X was not mentioned' does not."""
    match = OMISSION_RE.search(content)
    if match is None:
        return False
    before = content[: match.start()]
    return bool(re.search(r"\b(?:version|readout|account|report|statement|press release|"
                          r"communiqu[eé]|summary)\W*$", before.strip(" “”\"'"), re.IGNORECASE))


def _self_narrative(content: str, publisher: Ref) -> bool:
    """An outlet describing its own reporting ("JAMnews turned to ...") is no claim."""
    head = content.lstrip()[:60]
    return head.startswith(("We ", "Our ")) or any(head.startswith(s) for s in publisher.surfaces
                                                  | {publisher.name})


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "“”\"'’,;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "“”\"'’,;:"):
        end -= 1
    return start, end


def _unique(refs: list[Ref]) -> list[Ref]:
    seen: dict[str, Ref] = {}
    for ref in refs:
        seen.setdefault(ref.id, ref)
    return list(seen.values())
