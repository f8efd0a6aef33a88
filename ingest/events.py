"""Find the events an article is about: kind, participants, date, location.

An event mention is a sentence with an event word ("phone call", "met with",
"visited", "opened fire") and the people (or, for incidents, the forces and
states) taking part. Mentions with overlapping participants are one event; the
most specific kind wins ("a call" over "spoke with") and a calendar date wins
over "today".
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date

from ingest.dates import DateMention, best_date, find_dates
from ingest.entities import ArticleEntities, Ref
from ingest.lexicon import (
    ANY_EVENT_WORD,
    EVENT_TRIGGERS,
    KIND_RANK,
    STATEMENT_VERB_BEFORE_RE,
    STATEMENT_VERB_RE,
)
from ingest.segment import Segmented


@dataclass
class EventMention:
    kind: str
    participants: list[Ref]
    dates: list[DateMention]
    sentence_index: int


@dataclass
class ArticleEvent:
    """An event as one article describes it, before matching across articles."""

    kind: str
    participants: list[Ref]
    date: date | None
    date_precision: str
    mentions: list[EventMention] = field(default_factory=list)

    @property
    def participant_names(self) -> list[str]:
        return sorted({p.name for p in self.participants})

    def label(self) -> str:
        who = " – ".join(self.participant_names[:4]) or "unknown participants"
        when = self.date.isoformat() if self.date else "undated"
        return f"{self.kind.replace('_', ' ')}: {who} ({when})"


def _participants(kind: str, found: list[Ref]) -> list[Ref]:
    people = _unique([r for r in found if r.is_person])
    if len(people) >= 2 or kind == "phone_call":
        return people
    others = [r for r in found if r.kind in ("state", "armed_forces", "organisation")]
    return _unique(people + others)


def _event_dates(text: str, ents: ArticleEntities, start: int, end: int) -> list[DateMention]:
    """Dates in the sentence, less those that date the statement about the event:
    in "Zakharova on Thursday denied that the talks ..." Thursday is the denial's day."""
    return [d for d in find_dates(text, ents.published, start, end)
            if not STATEMENT_VERB_RE.match(text, d.end)
            and not STATEMENT_VERB_BEFORE_RE.search(text[max(start, d.start - 25) : d.start])]


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
    out = []
    # One pass over the article finds every event word; only those sentences are read.
    hits = [m.start() for m in ANY_EVENT_WORD.finditer(seg.text)]
    for index, sentence in enumerate(seg.sentences):
        if sentence.kind == "navigation":
            continue
        at = bisect_left(hits, sentence.start)
        if at == len(hits) or hits[at] >= sentence.end:
            continue
        text = seg.text[sentence.start : sentence.end]
        kinds = [k for k, pattern in EVENT_TRIGGERS if pattern.search(text)]
        if not kinds:
            continue
        kind = min(kinds, key=lambda k: KIND_RANK.get(k, 9))
        refs = [f.ref for f in ents.in_span(sentence.start, sentence.end)
                if f.ref.category == "actor" and not (f.demonym and f.ref.kind == "state"
                                                      and kind != "incident")]
        if kind == "incident":
            refs = [_as_state(r, ents) for r in refs]
        participants = _participants(kind, refs)
        if len(participants) < 2:
            continue
        trigger = dict(EVENT_TRIGGERS)[kind].search(text)
        at = sentence.start + (trigger.start() if trigger else 0)
        dates = _nearest_first(_event_dates(seg.text, ents, sentence.start, sentence.end), at)
        out.append(EventMention(kind, participants, dates, index))
    return out


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
        event.participants = _core_participants(event)
    return sorted(events, key=lambda e: (-len(e.mentions), e.mentions[0].sentence_index))


def _dates_agree(event: ArticleEvent, mention: EventMention) -> bool:
    """Different explicit dates mean different events between the same people."""
    mine = {d.day for m in event.mentions for d in m.dates if d.explicit}
    theirs = {d.day for d in mention.dates if d.explicit}
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
