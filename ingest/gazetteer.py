"""The curated gazetteer: known actors and sources, their spellings and offices.

Data lives in ``ingest/data/gazetteer.yaml`` (shipped with the package) so that
analysts can extend it without touching code. This module turns it into a
matcher that finds mentions in text, and answers "who held this office, for
this country, on this date" so that "the president" or "the Azerbaijani
foreign minister" can be resolved from context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class Office:
    title: str
    of: str
    start: date | None
    end: date | None
    mentions: tuple[str, ...]

    def held_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Entry:
    """A gazetteer entry: an actor (``category == "actor"``) or a source."""

    name: str
    kind: str
    category: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    country: str | None = None
    speaks_for: str | None = None
    owner: str | None = None
    offices: tuple[Office, ...] = ()

    @property
    def is_person(self) -> bool:
        return self.category == "actor" and self.kind == "person"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    surface: str
    entry: Entry
    demonym: bool = False  # "Azerbaijani" names the state only as an adjective


@dataclass
class Gazetteer:
    entries: dict[str, Entry]
    _pattern: re.Pattern[str] | None = field(default=None, repr=False)
    _surfaces: dict[str, tuple[Entry, bool]] = field(default_factory=dict, repr=False)
    _title_pattern: re.Pattern[str] | None = field(default=None, repr=False)
    # Offices by the phrases that name them, in entry order: holders() looks up, not scans.
    _offices: dict[str, list[tuple[Entry, Office]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries.values():
            for surface in (entry.name, *entry.aliases):
                for variant in _case_variants(surface):
                    self._surfaces.setdefault(variant, (entry, False))
            for surface in entry.demonyms:
                for variant in _case_variants(surface):
                    self._surfaces.setdefault(variant, (entry, True))
        self._pattern = _alternation(self._surfaces, flags=0)
        for entry in self.entries.values():
            for office in entry.offices:
                phrases = dict.fromkeys(_title_key(p) for p in (office.title, *office.mentions))
                for phrase in phrases:
                    self._offices.setdefault(phrase, []).append((entry, office))
        self._title_pattern = _alternation(dict.fromkeys(self._offices, None), flags=re.IGNORECASE)

    def get(self, name: str) -> Entry | None:
        return self.entries.get(name)

    def mentions(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Known names in ``text[start:end]``, leftmost-longest, with absolute offsets."""
        assert self._pattern is not None
        found = []
        for match in self._pattern.finditer(text, start, len(text) if end is None else end):
            entry, demonym = self._surfaces[match.group(0)]
            found.append(Mention(match.start(), match.end(), match.group(0), entry, demonym))
        return found

    def titles(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Spans of office titles ("president", "Secretary of State", "foreign minister")."""
        assert self._title_pattern is not None
        stop = len(text) if end is None else end
        return [(m.start(), m.end()) for m in self._title_pattern.finditer(text, start, stop)]

    def holders(self, title: str, of: str | None, on: date | None) -> list[Entry]:
        """People whose office matches ``title`` (for state/body ``of``) on that date."""
        out: list[Entry] = []
        for entry, office in self._offices.get(_title_key(title).strip(), []):
            if (not out or out[-1] is not entry) and (of is None or _belongs(self, office.of, of)) \
                    and office.held_on(on):
                out.append(entry)
        return out

    def offices_on(self, person: Entry, on: date | None) -> list[Office]:
        return [o for o in person.offices if o.held_on(on)] or list(person.offices[-1:])

    def state_of(self, entry: Entry) -> Entry | None:
        """The state an entry belongs to or speaks for, if any."""
        for name in (entry.country, entry.speaks_for):
            target = self.entries.get(name or "")
            if target is not None and target.kind == "state":
                return target
        return entry if entry.kind == "state" else None


def _title_key(phrase: str) -> str:
    return phrase.lower().removeprefix("the ")


def _belongs(gaz: Gazetteer, office_of: str, wanted: str) -> bool:
    """An office 'of' a ministry belongs to that ministry's state too."""
    if office_of == wanted:
        return True
    body = gaz.entries.get(office_of)
    return body is not None and wanted in (body.country, body.speaks_for)


def _case_variants(surface: str) -> set[str]:
    """The name as listed, capitalised, and with its common nouns in lower case.

    News copy writes "Armenia's defense ministry" and "the Azerbaijani foreign
    ministry" for the bodies the gazetteer lists in title case; the first word
    (the country) keeps its capital, so "ministry" alone never matches.
    """
    variants = {surface}
    if surface[:1].islower():
        variants.add(surface[:1].upper() + surface[1:])
    first, _, rest = surface.partition(" ")
    words = rest.split()
    # "EU Monitoring Mission in Armenia": the common nouns before "in"/"of" go lower case,
    # the place after it keeps its capital.
    cut = next((i for i, w in enumerate(words) if w in _LINKS), len(words))
    nouns, tail = words[:cut], words[cut:]
    if first[:1].isupper() and nouns and len(nouns) <= 3 \
            and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in nouns) \
            and (not tail or (len(tail) >= 2 and tail[1][:1].isupper())):
        variants.add(" ".join([first, *(w.lower() for w in nouns), *tail]))
    # "the press service of the President of Azerbaijan", "the office of the Prime
    # Minister": a body named by common nouns and whose office or place follows "of".
    lead = [first, *nouns]
    if all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in lead) \
            and len(lead) <= 2 and tail[:1] == ["of"] \
            and any(w[:1].isupper() for w in tail[1:]):
        variants.add(" ".join([*(w.lower() for w in lead), *tail]))
    return variants


_LINKS = frozenset({"in", "of", "for", "to"})


def _alternation(surfaces: dict[str, Any], flags: int) -> re.Pattern[str]:
    """One regex for thousands of names, shaped as a trie so matching stays fast.

    A flat ``a|b|c`` alternation makes Python's engine try every name at every
    position; sharing prefixes lets it discard most names after one character.
    Greedy optional branches keep the longest name that fits.
    """
    trie: dict[str, Any] = {}
    for surface in surfaces:
        node = trie
        for ch in surface.lower() if flags & re.IGNORECASE else surface:
            node = node.setdefault(ch, {})
        node[""] = {}
    body = _trie_regex(trie) or "(?!)"
    return re.compile(rf"(?<![\w@])(?:{body})(?![\w])", flags)


def _trie_regex(node: dict[str, Any]) -> str:
    ends_here = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    inner = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{inner})?" if ends_here else inner


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _entry(raw: dict[str, Any], category: str) -> Entry:
    offices = tuple(
        Office(
            title=o["title"], of=o["of"], start=_date(o.get("from")), end=_date(o.get("to")),
            mentions=tuple(o.get("mentions") or ()),
        )
        for o in raw.get("offices") or ()
    )
    return Entry(
        name=raw["name"], kind=raw.get("kind", "unknown"), category=category,
        aliases=tuple(str(a) for a in raw.get("aliases") or ()),
        demonyms=tuple(str(d) for d in raw.get("demonyms") or ()),
        country=raw.get("country"), speaks_for=raw.get("speaks_for"), owner=raw.get("owner"),
        offices=offices,
    )


def parse(data: dict[str, Any]) -> Gazetteer:
    entries: dict[str, Entry] = {}
    for category, key in (("actor", "actors"), ("source", "sources")):
        for raw in data.get(key) or ():
            entry = _entry(raw, category)
            entries[entry.name] = entry
    return Gazetteer(entries)


@cache
def load() -> Gazetteer:
    """The packaged gazetteer, parsed once per process."""
    text = resources.files("ingest").joinpath("data/gazetteer.yaml").read_text("utf-8")
    return parse(yaml.safe_load(text))
