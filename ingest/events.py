"""Find the events an article is about: kind, participants, date, location.

An event mention is a sentence with an event word ("phone call", "met with",
"visited", "opened fire") and the people (or, for incidents, the forces and
states) taking part. Mentions with overlapping participants are one event; the
most specific kind wins ("a call" over "spoke with") and a calendar date wins
over "today". A statement dated by its own verb ("said on Monday") is an event
too (:func:`statement_events`), as is what an agency dateline dates.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ingest.dates import NUMBER_WORDS, DateMention, best_date, find_dates
from ingest.entities import ArticleEntities, Found, Ref
from ingest.frames import lexicon
from ingest.lexicon import (
    KIND_RANK,
    STATEMENT_VERB_BEFORE_RE,
    STATEMENT_VERB_RE,
    kind_family,
)
from ingest.segment import Segmented
from ingest.triggers import find_triggers

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ingest.attribution import Statement


@dataclass
class EventMention:
    kind: str
    participants: list[Ref]
    dates: list[DateMention]
    sentence_index: int
    location: str | None = None
    # "… one day after his call with Aliyev": an earlier event told inside this
    # mention's sentence, dated from the event of ``anchor`` when it gives no date.
    anchor: EventMention | None = None
    days_before: int | None = None


@dataclass
class ArticleEvent:
    """An event as one article describes it, before matching across articles."""

    kind: str
    participants: list[Ref]
    date: date | None
    date_precision: str  # day | reported (the day of the report: on or shortly before) | unknown
    mentions: list[EventMention] = field(default_factory=list)
    location: str | None = None

    @property
    def participant_names(self) -> list[str]:
        return sorted({p.name for p in self.participants})

    def label(self) -> str:
        return event_label(self.kind, self.participant_names,
                           self.date.isoformat() if self.date else None)


def event_label(kind: str, participant_names: list[str], day: str | None) -> str:
    who = " – ".join(participant_names[:4]) or "unknown participants"
    return f"{kind.replace('_', ' ')}: {who} ({day or 'undated'})"


def _participants(kind: str, found: list[Ref]) -> list[Ref]:
    people = _unique([r for r in found if r.is_person])
    if len(people) >= 2 or kind == "phone_call":
        return people
    # "Mirzoyan said no agreement was reached at the talks": Armenia, named beside its own
    # minister, is not a second side.
    theirs = {p.country for p in people if p.country}
    others = [r for r in found if r.kind in ("state", "armed_forces", "organisation")
              and not (kind != "incident" and r.kind == "state" and r.name in theirs)]
    return _unique(people + others)


def _event_dates(text: str, ents: ArticleEntities, start: int, end: int) -> list[DateMention]:
    """Dates in the sentence, less those that date the statement about the event:
    in "Zakharova on Thursday denied that the talks ..." Thursday is the denial's day."""
    return [d for d in find_dates(text, ents.published, start, end)
            if _possessive(text, d.end)  # "confirmed Sunday's ambush": the ambush's day
            or (not STATEMENT_VERB_RE.match(text, d.end)
                and not STATEMENT_VERB_BEFORE_RE.search(text[max(start, d.start - 25) : d.start])
                and not _dates_the_saying(ents.doc, d))]


def _possessive(text: str, end: int) -> bool:
    return text[end : end + 2] in ("'s", "’s")


def _nearest_first(dates: list[DateMention], at: int) -> list[DateMention]:
    """The date closest to the event word is the event's ("on Friday denied that
    Thursday's call ..."): other dates in the sentence date other things."""
    return sorted(dates, key=lambda d: min(abs(d.start - at), abs(d.end - at)))


def _as_state(ref: Ref, ents: ArticleEntities) -> Ref:
    """In an incident the sides are states: "the Azerbaijani Army" is Azerbaijan's side,
    so two reports naming the forces differently still describe one incident."""
    if ref.kind != "armed_forces" or not ref.country:
        return ref
    entry = ents.gaz.get(ref.country)
    return ents.ref_for(entry) if entry is not None else ref


def _unique(refs: list[Ref]) -> list[Ref]:
    seen: dict[str, Ref] = {}
    for ref in refs:
        seen.setdefault(ref.name, ref)
    return list(seen.values())


def event_mentions(seg: Segmented, ents: ArticleEntities) -> list[EventMention]:
    out: list[EventMention] = []
    # One pass over the parse finds every event word; only those sentences are read. An
    # event still to come ("agreed to meet") is no event the article tells of.
    triggers = [t for t in find_triggers(ents.doc) if not t.planned] \
        if ents.doc is not None else []
    starts = [t.start for t in triggers]
    for index, sentence in enumerate(seg.sentences):
        if sentence.kind == "navigation":
            continue
        here = triggers[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
        if not here:
            continue
        kinds = sorted({t.kind for t in here})
        talks = [k for k in kinds if k != "incident"]
        if len(talks) > 1:
            # "The call came weeks after Aliyev and Pashinyan met": "the call" points back
            # at the article's event; the sentence tells of another one. ("Discussed the
            # crash during the call" still tells of the call.)
            told = {t.kind for t in here if t.kind != "incident" and not t.pointer}
            kinds = [k for k in kinds if k == "incident" or k in told] if told else kinds
        kind = min(kinds, key=lambda k: KIND_RANK.get(k, 9))
        found = [f for f in ents.in_span(sentence.start, sentence.end)
                 if f.ref.category == "actor" and not (f.demonym and f.ref.kind == "state"
                                                       and kind != "incident")]
        places = [f for f in found if kind != "incident" and _is_place(f, ents)]
        refs = [f.ref for f in found if f not in places]
        if kind == "incident":
            refs = [_as_state(r, ents) for r in refs]
        before = _earlier_talk(ents, sentence.start, sentence.end) if kind != "incident" \
            else None
        inside = [f for f in found if f not in places and before is not None
                  and before.start <= f.start < before.end]
        if before is not None and inside and len(refs) - len(inside) >= 2:
            refs = [f.ref for f in found if f not in places and f not in inside]
        else:
            before = None
        participants = _participants(kind, refs)
        if len(participants) < 2:
            continue
        at = next(t for t in here if t.kind == kind).start
        dates = _nearest_first(_event_dates(seg.text, ents, sentence.start, sentence.end), at)
        if before is not None:
            dates = [d for d in dates if not before.start <= d.start < before.end]
        location = ents.text[places[0].start : places[0].end] if places else None
        main = EventMention(kind, participants, dates, index, location)
        out.append(main)
        if before is not None:
            out.extend(_earlier_mention(before, inside, main, seg, ents, index))
    return out


@dataclass
class _Earlier:
    """"after his phone call with Aliyev" in a sentence telling of another talk."""

    start: int
    end: int
    kind: str
    days: int | None  # "one day after": how long before the sentence's own event
    possessor: bool  # "his call": the sentence's subject took part


_SPANS = {"day": 1, "days": 1, "week": 7, "weeks": 7}


def _earlier_talk(ents: ArticleEntities, start: int, end: int) -> _Earlier | None:
    """A talk told as the time of another: "… one day after his phone call with X"."""
    if ents.doc is None:
        return None
    span = ents.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for token in span:
        if token.lower_ != "after" or token.dep_ != "prep":
            continue
        obj = next((c for c in token.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        phrase_end = obj.right_edge.idx + len(obj.right_edge)
        kinds = [t.kind for t in find_triggers(ents.doc, obj.left_edge.idx, phrase_end)
                 if t.kind != "incident"]
        if not kinds:
            continue
        days = None
        for measure in (c for c in token.children if c.dep_ == "npadvmod"):
            count = next((c for c in measure.children if c.dep_ in ("nummod", "det")), None)
            number = None if count is None else NUMBER_WORDS.get(count.lower_) or (
                int(count.text) if count.text.isdigit() else None)
            if number is not None and measure.lower_ in _SPANS:
                days = number * _SPANS[measure.lower_]
        possessor = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children)
        kind = min(kinds, key=lambda k: KIND_RANK.get(k, 9))
        return _Earlier(obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge), kind,
                        days, possessor)
    return None


def _earlier_mention(before: _Earlier, inside: list[Found], main: EventMention,
                     seg: Segmented, ents: ArticleEntities, index: int) -> list[EventMention]:
    """The earlier talk as a mention of its own; "his call with X": the subject's and X's."""
    refs = [f.ref for f in inside]
    if before.possessor:
        refs += [p for p in main.participants if p.name in _subject_names(ents, before.start)]
    participants = _participants(before.kind, _unique(refs))
    if len(participants) < 2:
        return []
    dates = _event_dates(seg.text, ents, before.start, before.end)
    return [EventMention(before.kind, participants, dates, index, None, main, before.days)]


def _subject_names(ents: ArticleEntities, at: int) -> set[str]:
    """Names in the subject of the clause the phrase at ``at`` belongs to."""
    if ents.doc is None:
        return set()
    token = ents.doc.char_span(at, at + 1, alignment_mode="expand")
    if token is None:
        return set()
    node = token.root
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    names = set()
    for subject in (c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")):
        end = subject.right_edge.idx + len(subject.right_edge)
        names |= {f.ref.name for f in ents.in_span(subject.left_edge.idx, end)}
    return names


def _is_place(found: Found, ents: ArticleEntities) -> bool:
    """"Talks in Chisinau", "a meeting at the Kremlin": a state named after "in" or "at"
    is where the event was held, not a side taking part in it."""
    if found.ref.kind != "state" or found.demonym or ents.doc is None:
        return False
    span = ents.doc.char_span(found.start, found.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    return head.i != span.root.i and head.dep_ == "prep" and head.lower_ in ("in", "at")


def group_events(mentions: list[EventMention]) -> list[ArticleEvent]:
    """Mentions sharing two participants (or all of a pair) describe the same event."""
    events: list[ArticleEvent] = []
    for mention in mentions:
        names = {p.name for p in mention.participants}
        target = None
        for event in events:
            shared = names & {p.name for p in event.participants}
            if len(shared) >= 2 and _dates_agree(event, mention):
                target = event
                break
        if target is None:
            events.append(ArticleEvent(mention.kind, list(mention.participants), None, "unknown",
                                       [mention]))
        else:
            target.mentions.append(mention)
            if KIND_RANK.get(mention.kind, 9) < KIND_RANK.get(target.kind, 9):
                target.kind = mention.kind
    for event in events:
        chosen = best_date([d for m in event.mentions for d in m.dates])
        event.date = chosen.day if chosen else None
        event.date_precision = chosen.precision if chosen else "unknown"
        event.location = next((m.location for m in event.mentions if m.location), None)
    _date_from_anchors(events)
    events = _fold_undated(events)
    for event in events:
        event.participants = _core_participants(event)
    # The article's main event is the one told most often; of equals, a dated one (the
    # headline's "the meeting in Chisinau" and the body's "talks … on June 1").
    return sorted(events, key=lambda e: (-len(e.mentions), e.date is None,
                                         e.mentions[0].sentence_index))


def pointed_events(seg: Segmented, ents: ArticleEntities,
                   events: list[ArticleEvent]) -> dict[int, ArticleEvent]:
    """Sentences whose only event word points back ("the call was requested by the
    Azerbaijani side"), by index, with the event they point at when it is not the
    article's main one.

    A pointer names no participants of its own; the sides the sentence does name
    decide. When a recent sentence told of another event of the same family ("two days
    after his call with Aliyev") and the pointer's sentence names more of that event's
    own sides (those it does not share with the main event) than of the main event's,
    it is that event. With no such tilt it stays with the main event: the article's
    topic is what a bare "the call" means.
    """
    if ents.doc is None or not events:
        return {}
    main = events[0]
    triggers = find_triggers(ents.doc)
    out: dict[int, ArticleEvent] = {}
    for index, sentence in enumerate(seg.sentences):
        if sentence.kind == "navigation":
            continue
        here = [t for t in triggers if sentence.start <= t.start < sentence.end]
        if not here or not all(t.pointer for t in here):
            continue
        families = {kind_family(t.kind) for t in here}
        named = {f.ref.name for f in ents.in_span(sentence.start, sentence.end)
                 if f.ref.category == "actor"}
        recent = [e for e in events[1:] if kind_family(e.kind) in families and any(
            0 <= sentence.paragraph - seg.sentences[m.sentence_index].paragraph <= _POINTER_REACH
            and m.sentence_index < index for m in e.mentions)]
        best = max(recent, key=lambda e: _own_sides_named(e, main, named), default=None)
        if best is not None and _own_sides_named(best, main, named) > \
                _own_sides_named(main, best, named):
            out[index] = best
    return out


_POINTER_REACH = 1  # paragraphs back a pointer looks for the event it points at


def _own_sides_named(event: ArticleEvent, other: ArticleEvent, named: set[str]) -> int:
    """How many of the names a sentence gives are sides of ``event`` and not of ``other``
    (a participant or the state it belongs to)."""
    def sides(e: ArticleEvent) -> set[str]:
        return {n for p in e.participants for n in (p.name, p.country) if n}
    return len(named & (sides(event) - sides(other)))


def _date_from_anchors(events: list[ArticleEvent]) -> None:
    """"A call one day after his call with X": the earlier call is dated from the later."""
    for event in events:
        if event.date is not None:
            continue
        for mention in event.mentions:
            if mention.anchor is None or mention.days_before is None:
                continue
            home = next((e for e in events if any(m is mention.anchor for m in e.mentions)),
                        None)
            if home is not None and home.date is not None and home.date_precision == "day":
                event.date = home.date - timedelta(days=mention.days_before)
                event.date_precision = "day"
                break


def _fold_undated(events: list[ArticleEvent]) -> list[ArticleEvent]:
    """"After the meeting in Chisinau" and "held talks with Macron at the summit in
    Chisinau on 1 June" are one event told twice: in one article, undated mentions that
    share a participant and a place (or name none) with a dated event of the same kind
    are that event."""
    dated = [e for e in events if e.date is not None]
    kept = []
    for event in events:
        told_as_earlier = any(m.anchor is not None for m in event.mentions)
        home = None if event.date is not None or told_as_earlier else next(
            (d for d in dated if kind_family(d.kind) == kind_family(event.kind)
             and {p.name for p in d.participants} & {p.name for p in event.participants}
             and (event.location is None or event.location == d.location)), None)
        if home is None:
            kept.append(event)
        else:
            home.mentions += event.mentions
            home.mentions.sort(key=lambda m: m.sentence_index)
    return kept


def date_by_report(event: ArticleEvent, day: date | None) -> None:
    """An article's main event with no date of its own is dated by the report.

    News reports what has just happened: "Putin and Aliyev held a phone call" in a
    report of 28 December is a call of that day or shortly before. The event gets the
    report's day (its dateline, else its publication) with precision ``reported``, so
    it is found by date like any other and matched to a dated account of the same
    event a few days before; an explicit date, when another account gives one, wins.
    """
    if event.date is None and day is not None:
        event.date = day
        event.date_precision = "reported"


def _dates_agree(event: ArticleEvent, mention: EventMention) -> bool:
    """Different explicit dates mean different events between the same people."""
    mine = {d.day for m in event.mentions for d in m.dates if d.explicit and d.precision == "day"}
    theirs = {d.day for d in mention.dates if d.explicit and d.precision == "day"}
    return not mine or not theirs or bool(mine & theirs)


def _core_participants(event: ArticleEvent) -> list[Ref]:
    """Participants named in most mentions: a passing name does not join the call."""
    counts: dict[str, int] = {}
    refs: dict[str, Ref] = {}
    for mention in event.mentions:
        for ref in mention.participants:
            counts[ref.name] = counts.get(ref.name, 0) + 1
            refs[ref.name] = ref
    top = sorted(counts.values(), reverse=True)
    threshold = top[1] if len(top) >= 2 else 1
    threshold = max(1, min(threshold, (len(event.mentions) + 1) // 2))
    return [refs[n] for n in sorted(refs) if counts[n] >= threshold]


# Where a dated statement was made, when the sentence says: the event's kind.
_SETTINGS = (("press_conference", re.compile(r"\bpress[- ]conference|\bbriefing", re.I)),
             ("interview", re.compile(r"\binterview", re.I)))


def statement_events(statements: list[Statement], doc: Doc, ents: ArticleEntities,
                     publisher: Ref | None, dateline: DateMention | None,
                     report_day: date | None = None) -> list[ArticleEvent | None]:
    """The dated statements an article reports, one event per source and day.

    "The ministry said on Monday that …", "“…,” he told a press conference on
    Friday": the date the parse attaches to the reporting verb dates the
    statement, which is an event of its own (kind ``statement``, or where it
    was made). The next points of the same source in its quotation, its
    paragraph or the next belong to it too. A readout stays with the event it
    reads out. With ``report_day`` (given when the article tells of no call,
    meeting or incident: it reports statements), a source's statements with no
    date at all are dated by the report, as :func:`date_by_report` dates events.
    ``dateline``: :func:`dateline_date` of the article, which the caller needs too.
    """
    events: dict[tuple[str, date], ArticleEvent] = {}
    narrated = narrated_days(statements, doc, ents, publisher)
    out: list[ArticleEvent | None] = []
    last: tuple[str, int | None, int, ArticleEvent] | None = None
    for st in statements:
        event = None
        if st.source is None or st.source is publisher or (
                st.frame == "readout" and report_day is None):
            out.append(None)
            continue
        day = None
        if st.frame != "readout" and st.said_in is not None:
            day = statement_day(doc, ents, *st.said_in)
        continued = last is not None and last[0] == st.source.id and (
            (st.sentence.quote is not None and last[1] == st.sentence.quote)
            or 0 <= st.sentence.paragraph - last[2] <= 1)
        if day is None and not continued and st.frame != "readout":
            # Only a first point is dated by the dateline or the outlet's narration; the
            # next ones ("According to him, …") continue the statement already dated.
            day = next((narrated[r.name] for r in (st.source, st.speaker)
                        if r is not None and r.name in narrated), None)
            if day is None and st.said_in is not None and \
                    st.sentence.paragraph <= _DATELINE_REACH:
                day = dateline
        if day is None and continued and last is not None:
            event = last[3]
        elif day is not None or report_day is not None:
            when, precision = (day.day, day.precision) if day else (report_day, "reported")
            assert when is not None
            key = (st.source.id, when)
            if key not in events:
                where = st.said_in or (st.sentence.start, st.sentence.end)
                events[key] = ArticleEvent(setting(ents.text, *where), [_voice(st, ents)],
                                           when, precision)
            event = events[key]
        if event is not None:
            last = (st.source.id, st.sentence.quote, st.sentence.paragraph, event)
        out.append(event)
    return out


_DATELINE_REACH = 3  # paragraphs after the dateline whose undated statements it dates


def dateline_date(doc: Doc, ents: ArticleEntities,
                  statements: list[Statement]) -> DateMention | None:
    """"TBILISI, September 30. /TASS/.": the day an agency's report opens with.

    A dateline is a verbless line head with a date, before or opening the first point; the
    statements the report then relays without a date of their own were made
    that day.
    """
    # Up to the end of the first point's sentence: agency copy runs the dateline into it.
    first = min(statements, key=lambda st: st.sentence.start, default=None)
    head = ents.text[: first.sentence.end] if first is not None else ents.text
    for match in _DATELINE.finditer(head):
        start, end = match.start(), match.end()
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span):
            found = find_dates(ents.text, ents.published, start, end)
            if found:
                return found[0]
    return None


_DATELINE = re.compile(r"(?m)^[A-Z][A-Za-z.\-/ ]{1,40}, [^\n]{3,40}?\.(?: ?/[^/\n]{2,30}/\.?)?")


def statement_day(doc: Doc, ents: ArticleEntities, start: int, end: int) -> DateMention | None:
    """A date the parse hangs on a reporting verb ("said on Monday", "on Friday told")."""
    return next((m for m in find_dates(ents.text, ents.published, start, end)
                 if _dates_the_saying(doc, m)), None)


def _dated_verb(doc: Doc | None, mention: DateMention) -> Token | None:
    """The verb a date expression hangs on in the parse, if any."""
    if doc is None:
        return None
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    for _ in range(6):
        # "at a news conference following the talks on 28 September": a participle
        # used as a preposition ("following", "including") is no verb of its own.
        preposition = token.tag_ == "VBG" and token.dep_ == "prep"
        if (token.pos_ in ("VERB", "AUX") and not preposition) or token.head.i == token.i:
            break
        token = token.head
    return token if token.pos_ == "VERB" else None


def narrated_days(statements: list[Statement], doc: Doc, ents: ArticleEntities,
                  publisher: Ref | None) -> dict[str, DateMention]:
    """"Mirzoyan on 28 May referred to …", "X told the agency on Friday": the day the
    outlet, in its own words, says someone spoke. Whoever it names as the subject of
    a dated verb of saying (or of speaking about a topic) spoke that day, and their
    undated points in the article were made then."""
    words = lexicon()
    days: dict[str, DateMention] = {}
    for st in statements:
        if publisher is None or st.source is not publisher:
            continue
        for mention in find_dates(ents.text, ents.published, st.sentence.start,
                                  st.sentence.end):
            verb = _dated_verb(doc, mention)
            if verb is None or _is_the_talk(verb) or \
                    verb.lemma_.lower() not in words.reporting | words.topic_verbs:
                continue
            for subject in (c for c in verb.children if c.dep_ == "nsubj"):
                end = subject.right_edge.idx + len(subject.right_edge)
                for found in ents.in_span(subject.left_edge.idx, end):
                    days.setdefault(found.ref.name, mention)
    return days


def _dates_the_saying(doc: Doc | None, mention: DateMention) -> bool:
    """Whether the verb the date hangs on is a verb of saying: "a day earlier, the
    minister said that …" dates the saying, not what was said."""
    token = _dated_verb(doc, mention)
    words = lexicon()
    if token is None:
        return False
    if token.lemma_.lower() in words.publishing:  # "on 12 February released a statement"
        return any(c.dep_ == "dobj" and c.lemma_.lower() in words.documents
                   for c in token.children)
    if token.lemma_.lower() not in words.reporting:
        return False
    return not _is_the_talk(token)


def _is_the_talk(verb: Token) -> bool:
    """"Blinken spoke today with Aliyev", "on 15 March Blinken called Aliyev": verbs of
    saying that are the call itself, not a report of it ("called the talks useful")."""
    lemma, deps = verb.lemma_.lower(), {c.dep_ for c in verb.children}
    if lemma in ("speak", "talk"):
        return any(c.dep_ == "prep" and c.lower_ in ("with", "by") for c in verb.children)
    if lemma != "call" or deps & {"xcomp", "ccomp"}:
        return False
    # The parser reads "called President … Aliyev" as a naming (oprd): a name is whom
    # was called, a word ("a mistake", "useful") what something was called.
    objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd")]
    return any(c.pos_ == "PROPN" or c.lower_ in ("him", "her") for c in objects) and not any(
        c.dep_ == "oprd" and c.pos_ in ("ADJ", "NOUN") for c in objects)


def setting(text: str, start: int, end: int) -> str:
    sentence = text[start:end]
    return next((kind for kind, pattern in _SETTINGS if pattern.search(sentence)), "statement")


def _voice(st: Statement, ents: ArticleEntities) -> Ref:
    """The actor who made the statement: the person speaking, else whom the source speaks for."""
    if st.speaker is not None:
        return st.speaker
    source = st.source
    assert source is not None
    if source.kind in ("expert", "official", "person"):
        return ents.new_ref(source.name, "actor", "person")
    entry = ents.gaz.get(source.speaks_for) if source.speaks_for else None
    if entry is not None and entry.category == "actor":
        return ents.ref_for(entry)
    return ents.actor_for_body(source)
