"""Who is who in one article: gazetteer names, titles, unknown names and outlets.

An :class:`ArticleEntities` is built once per article. It finds every known
name (with spelling variants), every person introduced by a role ("political
scientist Shahin Jafarli"), every outlet named by its domain ("Haqqin.az"), and
resolves titles ("the president", "the Secretary", "the Armenian foreign
minister") to office-holders on the article's date, preferring people the
article has already named.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date

from graph.ids import actor_id, normalise, source_id
from ingest.gazetteer import Entry, Gazetteer
from ingest.lexicon import (
    CAPITALISED_NAME_RE,
    OUTLET_NAME_RE,
    PERSON_ROLE_RE,
    ROLE_NOUN_RE,
)
from ingest.mentions import (
    NameMention,
    is_body,
    listed_body,
    ner_names,
    spelling_index,
    titled_bodies,
)

OFFICIAL_SOURCE_KINDS = {
    "press_service", "ministry", "government", "news_agency", "international_organisation",
    "armed_forces", "parliament", "state",
}


@dataclass(eq=False)
class Ref:
    """An actor or source as this article knows it."""

    name: str
    category: str  # actor | source
    kind: str
    entry: Entry | None = None
    surfaces: set[str] = field(default_factory=set)
    country: str | None = None
    speaks_for: str | None = None  # actor name

    @property
    def id(self) -> str:
        return source_id(self.name) if self.category == "source" else actor_id(self.name)

    @property
    def is_person(self) -> bool:
        return self.category == "actor" and self.kind == "person"

    @property
    def is_official(self) -> bool:
        return self.category == "source" and self.kind in OFFICIAL_SOURCE_KINDS

    @property
    def issues_readouts(self) -> bool:
        """A body whose officials speak inside its account (a ministry's readout).

        A news agency is official but reports what others say: the people it
        quotes are their own sources.
        """
        return self.category == "source" and issues_readouts(self.kind)


def issues_readouts(kind: str) -> bool:
    """Whether a source of this kind gives readouts: official, and not a news agency."""
    return kind in OFFICIAL_SOURCE_KINDS and kind != "news_agency"


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    ref: Ref
    demonym: bool = False
    via_title: bool = False


class ArticleEntities:
    """Entity mentions of one article, with offsets; see the module docstring."""

    def __init__(self, text: str, gazetteer: Gazetteer, published: date | None,
                 doc: Doc | None = None) -> None:
        self.text = text
        self.doc = doc
        self.gaz = gazetteer
        self.published = published
        self.refs: dict[tuple[str, str], Ref] = {}
        self.found: list[Found] = []
        self._starts: list[int] = []
        self._indexed = -1
        self._scan()

    # -- building ----------------------------------------------------------

    def ref_for(self, entry: Entry) -> Ref:
        key = (entry.category, entry.name)
        if key not in self.refs:
            self.refs[key] = Ref(
                name=entry.name, category=entry.category, kind=entry.kind, entry=entry,
                country=entry.country or (entry.name if entry.kind == "state" else None),
                speaks_for=entry.speaks_for,
            )
        return self.refs[key]

    def new_ref(self, name: str, category: str, kind: str) -> Ref:
        key = (category, name)
        if key not in self.refs:
            # A name already known as the other category is the same thing: reuse it.
            self.refs[key] = Ref(name=name, category=category, kind=kind)
        return self.refs[key]

    def actor_for_body(self, body: Ref) -> Ref:
        """A body named inside a claim ("accused the State Security Service of ...") is an
        actor of that claim: the actor under the body's name, spelt as the text spells it."""
        actor = self.new_ref(body.name, "actor", "organisation")
        actor.surfaces |= body.surfaces
        actor.country = actor.country or body.country
        return actor

    def adopt(self, ref: Ref) -> None:
        """Mentions written exactly as ``ref``'s name are ``ref`` (an unlisted outlet
        naming itself in its own copy is the publisher, not a new person or body)."""
        key = normalise(ref.name)
        for i, f in enumerate(self.found):
            if f.ref is not ref and normalise(self.text[f.start : f.end]) == key:
                self.found[i] = replace(f, ref=ref)
                ref.surfaces.add(self.text[f.start : f.end])

    def _scan(self) -> None:
        taken: list[tuple[int, int]] = []
        for m in self.gaz.mentions(self.text):
            ref = self.ref_for(m.entry)
            if not m.demonym:
                ref.surfaces.add(m.surface)
                taken.append((m.start, m.end))
            self.found.append(Found(m.start, m.end, ref, demonym=m.demonym))
        demonyms = [(f.start, f.end) for f in self.found if f.demonym]
        taken += demonyms
        self._scan_unknown(taken)
        self._scan_ner(taken)
        self._scan_repeats(taken)
        self.found.sort(key=lambda f: (f.start, -f.end))
        taken = [(f.start, f.end) for f in self.found if not f.demonym]
        # A title may contain a demonym ("the Armenian Foreign Minister"): both are kept.
        self._scan_titles(taken)
        self._scan_role_nouns(taken)
        self.found.sort(key=lambda f: (f.start, -f.end))

    def _scan_ner(self, taken: list[tuple[int, int]]) -> None:
        """People and bodies from spaCy's NER: variant spellings of known people first."""
        if self.doc is None:
            return
        spellings = spelling_index(self.gaz)
        states = [(f.start, f.end) for f in self.found if f.ref.kind == "state"]
        bodies = titled_bodies(self.doc)
        for name in [*bodies, *ner_names(self.doc)]:
            # A body's name may hold a state's ("Human Rights Defender of Armenia"): both kept.
            blocking = [t for t in taken if name not in bodies or t not in states]
            if _overlaps(blocking, name.start, name.end) or _looks_generic(name.text):
                continue
            if name.label == "PERSON":
                entry = spellings.person(name.text)
                ref = self.ref_for(entry) if entry is not None \
                    else self.new_ref(name.text, "actor", "person")
            elif is_body(name.text) and (listed := self._listed_body(name)) is not None:
                ref = self.ref_for(listed)
            elif is_body(name.text):
                ref = self.new_ref(self._body_name(name.text), "source", "government")
                # An unlisted body is an actor too: it speaks for itself, within its state.
                ref.speaks_for = ref.speaks_for or ref.name
                ref.country = ref.country or self._state_named_in(name.start, name.end)
            else:
                ref = self.new_ref(name.text, "actor", "organisation")
            ref.surfaces.add(name.text)
            self.found.append(Found(name.start, name.end, ref))
            taken.append((name.start, name.end))

    def _listed_body(self, name: NameMention) -> Entry | None:
        """"Azerbaijani Ministry of Defense": a listed body, written another way.

        With no state in the name ("the Foreign Ministry"), the state is the one
        the article was just about: that of the last listed body or office-holder
        named before it.
        """
        states = [f.ref.entry for f in self.found if name.start <= f.start and f.end <= name.end
                  and f.ref.kind == "state" and f.ref.entry is not None]
        if len(states) > 1:
            return None
        state = states[0] if states else self.state_in_context(name.start)
        return listed_body(self.gaz, state, name.text) if state is not None else None

    def state_in_context(self, pos: int) -> Entry | None:
        """The state the article was just about at ``pos``: that of the last listed body
        or office-holder named before it."""
        for f in sorted((f for f in self.found if f.end <= pos), key=lambda f: -f.start):
            entry = f.ref.entry
            if entry is None or f.demonym:
                continue
            if entry.category == "source" and entry.kind not in ("news_outlet", "news_agency"):
                home = entry.country or entry.speaks_for
                return self.gaz.get(home) if home else None
            if entry.is_person and self.gaz.offices_on(entry, self.published):
                return self.gaz.state_of(entry)
        return None

    def _body_name(self, text: str) -> str:
        """"Georgia's State Security Service" and "State Security Service of Georgia": one name."""
        match = re.match(r"^(.+?)['’]s\s+(.+)$", text)
        if match is not None:
            state = next((m.entry for m in self.gaz.mentions(match.group(1))
                          if m.entry.kind == "state" and not m.demonym), None)
            if state is not None:
                return f"{match.group(2)} of {state.name}"
        return text

    def _state_named_in(self, start: int, end: int) -> str | None:
        """"Parliament of Georgia", "Georgia's State Security Service": the state it serves."""
        for f in self.found:
            if start <= f.start and f.end <= end and f.ref.kind == "state":
                return f.ref.name
        return None

    def _scan_unknown(self, taken: list[tuple[int, int]]) -> None:
        """Names the gazetteer lacks are kept, not dropped."""
        for pattern, category, kind in (
            (PERSON_ROLE_RE, "actor", "person"),
            (CAPITALISED_NAME_RE, "actor", "person"),
            (OUTLET_NAME_RE, "source", "news_outlet"),
        ):
            for match in pattern.finditer(self.text):
                group = "name" if match.group("name") else "named"
                name = match.group(group)
                start, end = match.start(group), match.end(group)
                if name is None or _overlaps(taken, start, end) or _looks_generic(name):
                    continue
                ref = self.new_ref(name.strip(), category, kind)
                ref.surfaces.add(name)
                self.found.append(Found(start, end, ref))
                taken.append((start, end))

    def _scan_repeats(self, taken: list[tuple[int, int]]) -> None:
        """Later bare surnames of people named in full ("Jafarli replied", "Badalyan said").

        Articles name a person once in full and then by surname; the gazetteer
        cannot list every surname as an alias, and unknown people have none.
        """
        people = [f for f in self.found if f.ref.is_person and not f.demonym]
        for first in people:
            words = self.text[first.start : first.end].split()
            if len(words) < 2 or not words[-1][:1].isupper():
                continue
            surname = words[-1]
            pattern = rf"(?<![\w@]){re.escape(surname)}(?![\w’'-])"
            for match in re.finditer(pattern, self.text[first.end :]):
                start, end = first.end + match.start(), first.end + match.end()
                if not _overlaps(taken, start, end):
                    self.found.append(Found(start, end, first.ref))
                    taken.append((start, end))

    def _scan_titles(self, taken: list[tuple[int, int]]) -> None:
        """Titles not followed by a name: resolved to an office-holder."""
        states = {(f.start, f.end) for f in self.found if f.ref.kind == "state"}
        for start, end in self.gaz.titles(self.text):
            # "President of Azerbaijan" holds a state's name: the title still counts.
            blocking = [t for t in taken if not (t in states and start <= t[0] and t[1] <= end)]
            if _overlaps(blocking, start, end) or _modified_title(self.text, start):
                continue
            following = self._found_at(end, end + 2)
            if following is not None and following.ref.is_person:
                continue  # "Secretary of State Antony Blinken": the name does the work
            person = self.resolve_title(start, end)
            if person is not None:
                self.found.append(Found(start, end, person, via_title=True))
                taken.append((start, end))

    def _scan_role_nouns(self, taken: list[tuple[int, int]]) -> None:
        """'the minister', 'the spokesman': the last person named before who holds such a post.

        Readouts name an official once and then refer back by the bare role noun;
        the gazetteer's office titles say which named person the noun fits.
        """
        for match in ROLE_NOUN_RE.finditer(self.text):
            start, end = match.start("role"), match.end("role")
            if _overlaps(taken, match.start(), end):
                continue
            person = self._last_holder_before(match.start(), match.group("role").lower())
            if person is not None:
                self.found.append(Found(start, end, person, via_title=True))
                taken.append((start, end))

    def _last_holder_before(self, pos: int, noun: str) -> Ref | None:
        noun = _ROLE_SYNONYMS.get(noun, noun)
        people = sorted((f for f in self.found if f.end <= pos and f.ref.is_person),
                        key=lambda f: f.start, reverse=True)
        for f in people:
            entry = f.ref.entry
            if entry is None:
                continue
            titles = " ".join(o.title.lower() for o in self.gaz.offices_on(entry, self.published))
            if noun in titles:
                return f.ref
        return None

    def _found_at(self, start: int, end: int) -> Found | None:
        for f in self.found:
            if start <= f.start <= end:
                return f
        return None

    # -- resolution --------------------------------------------------------

    def resolve_title(self, start: int, end: int) -> Ref | None:
        """'the president' → the person holding that office for the country in context."""
        title = self.text[start:end]
        country = self._demonym_before(start) or self._state_after(end)
        holders = self.gaz.holders(title, country, self.published)
        if not holders:
            return None
        named_before = [f.ref for f in self.found if f.end <= start and f.ref.is_person]
        for ref in reversed(named_before):
            if ref.entry in holders:
                return ref
        named_anywhere = {f.ref.name for f in self.found if f.ref.is_person}
        preferred = [h for h in holders if h.name in named_anywhere]
        if preferred or country is not None or len(holders) == 1:
            return self.ref_for((preferred or holders)[0])
        return None

    def _state_after(self, end: int) -> str | None:
        """"the President of Azerbaijan", "Foreign Minister of Armenia": the state named next."""
        of = re.match(r"\s+of\s+", self.text[end : end + 12])
        if of is None:
            return None
        after_of = end + of.end()
        article = re.match(r"the\s+", self.text[after_of : after_of + 5], re.IGNORECASE)
        starts = {after_of, after_of + (article.end() if article else 0)}
        for f in self.found:
            # "of the Russian Federation": the name may hold the article itself
            if f.start in starts and f.ref.kind == "state":
                return f.ref.name
        return None

    def _demonym_before(self, start: int) -> str | None:
        window = self.text[max(0, start - 30) : start]
        for f in reversed(self.found):
            if f.end <= start and f.start >= start - 30 and f.ref.kind == "state" \
                    and not window[f.end - start + 30 :].strip(" ’'s"):
                return f.ref.name
        return None

    def in_span(self, start: int, end: int) -> list[Found]:
        """Mentions inside ``[start, end)``; a binary search, as this is asked per sentence."""
        if self._indexed != len(self.found):
            self.found.sort(key=lambda f: (f.start, -f.end))
            self._starts = [f.start for f in self.found]
            self._indexed = len(self.found)
        out = []
        for f in self.found[bisect_left(self._starts, start) :]:
            if f.start >= end:
                break
            if f.end <= end:
                out.append(f)
        return out

    def people_before(self, pos: int) -> list[Ref]:
        return [f.ref for f in self.found if f.end <= pos and f.ref.is_person]


_ROLE_SYNONYMS = {"spokesman": "spokesperson", "spokeswoman": "spokesperson",
                  "premier": "prime minister", "head of state": "president"}


_TITLE_MODIFIERS = frozenset({"assistant", "deputy", "vice", "under", "former", "acting", "ex",
                              "first", "late", "then", "future", "incoming", "outgoing"})


def _modified_title(text: str, start: int) -> bool:
    """"Assistant Secretary of State", "former president": another office than the title's."""
    before = re.findall(r"[\w]+", text[max(0, start - 20) : start])
    return bool(before) and before[-1].lower() in _TITLE_MODIFIERS


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in taken)


_GENERIC_NAMES = {"the", "this", "that", "during", "on", "in", "according", "however", "but",
                  "secretary", "president", "minister", "ministry", "state", "department"}


def _looks_generic(name: str) -> bool:
    first = normalise(name).split(" ")[0] if name.strip() else ""
    return first in _GENERIC_NAMES
