"""Names the gazetteer does not list, from spaCy's NER, and spelling variants of those it does.

Two jobs, both on the parse:

* :func:`ner_names` turns PERSON and ORG entities into candidate mentions
  (with offsets, possessive "’s" and leading titles trimmed), so people and
  bodies that nobody put in the gazetteer still become actors and sources
  (``known: false``) instead of vanishing behind the publishing outlet.
* :class:`SpellingIndex` finds the gazetteer person a variant spelling stands
  for ("Nikol Pashinian", "Aykhan Hajizade", "Jeyhoun Bayramov"). Names are
  compared on a transliteration key (accents folded, common variant letters
  merged) with rapidfuzz, at a threshold high enough that two different
  people whose names differ in a real letter ("Armen" / "Arman Grigoryan")
  stay apart; ``tests/ingest/test_mentions.py`` pins it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

import yaml
from rapidfuzz import fuzz, process

from graph.ids import normalise
from ingest.gazetteer import Entry, Gazetteer

SAME_PERSON = 95.0  # rapidfuzz ratio on transliteration keys; see the module docstring
SAME_OUTLET = 90.0  # rapidfuzz ratio on normalised outlet names
_WORDS = yaml.safe_load(resources.files("ingest").joinpath("data/mentions.yaml").read_text())
BODY_HEADS = frozenset(_WORDS["body_heads"].split())
TITLE_WORDS = frozenset(_WORDS["title_words"].split())
# Letter groups that transliterations of one name swap freely.
_VARIANTS = (("ou", "u"), ("iy", "y"), ("ia", "ya"), ("kh", "h"), ("dzh", "j"), ("zh", "j"),
             ("ei", "ey"), ("yy", "y"), ("ii", "i"), ("z", "s"), ("w", "v"))


@dataclass(frozen=True)
class NameMention:
    start: int
    end: int
    text: str
    label: str  # PERSON | ORG


def ner_names(doc: Doc) -> list[NameMention]:
    """PERSON and ORG entities, trimmed to the name itself."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        tokens = [t for t in ent if not (t.is_punct and t.text not in ".-'’")]
        while tokens and (tokens[-1].lower_ in ("’s", "'s") or tokens[-1].is_punct):
            tokens.pop()
        while ent.label_ == "PERSON" and len(tokens) > 1 and tokens[0].lower_ in TITLE_WORDS:
            tokens.pop(0)
        while tokens and tokens[0].lower_ in ("the", "a", "an"):
            tokens.pop(0)
        if not tokens:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        text = doc.text[start:end]
        label = "PERSON" if _titled_person(doc, ent.start, text, ent.label_) else ent.label_
        if _plausible(text, label):
            out.append(NameMention(start, end, text, label))
    return out


def _titled_person(doc: Doc, first: int, text: str, label: str) -> bool:
    """"spokesperson Oleh Nikolenko" tagged ORG: a name right after a person's title."""
    if label != "ORG" or first == 0 or doc[first - 1].lower_ not in TITLE_WORDS:
        return False
    words = text.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not is_body(text)


def titled_bodies(doc: Doc) -> list[NameMention]:
    """Bodies named in title case around a head word: "State Security Service of Georgia",
    "the Human Rights Defender of Armenia", "Prosecutor General's Office".

    The small NER model misses many of these; their shape (capitalised words
    ending in a body's head noun, optionally "of" and a capitalised name) is
    reliable. The span stops before a person's name that follows.
    """
    out = []
    for token in doc:
        if token.lower_ not in BODY_HEADS or not token.is_title:
            continue
        start = token.i
        while start > 0 and _title_word(doc[start - 1]):
            start -= 1
        if doc[start].lower_ in ("’s", "'s") and start > 0 and doc[start - 1].pos_ == "PROPN":
            start -= 1  # "Russia’s Defense Ministry" opening a sentence keeps its "Russia"
        end = token.i + 1
        if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].pos_ == "PROPN":
            end += 2
            if end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].ent_type_ == "GPE":
                end += 1
        if end - start < 2:
            continue
        first, last = doc[start], doc[end - 1]
        out.append(NameMention(first.idx, last.idx + len(last),
                               doc.text[first.idx : last.idx + len(last)], "ORG"))
    return out


def _title_word(token: Token) -> bool:
    return (token.is_title or token.lower_ in ("’s", "'s")) and token.pos_ in ("PROPN", "NOUN",
                                                                               "ADJ", "PART") \
        and token.lower_ not in ("the", "a", "an") and not token.is_sent_start


def _plausible(text: str, label: str) -> bool:
    words = text.split()
    if not words or not all(w[:1].isupper() or w.lower() in ("of", "for", "and", "the")
                            for w in words):
        return False
    if label == "PERSON":
        return 2 <= len(words) <= 4 and not any(c.isdigit() for c in text)
    return len(words) >= 2 or "." in text


def is_body(name: str) -> bool:
    """An ORG that gives accounts (a ministry, an ombudsman's office), not a party or firm."""
    return any(w in BODY_HEADS for w in normalise(name).split())


def transliteration_key(name: str) -> str:
    key = normalise(name)
    for variant, canonical in _VARIANTS:
        key = key.replace(variant, canonical)
    key = re.sub(r"e\b", "a", key)  # Hajizade / Hajizada
    return re.sub(r"(.)\1", r"\1", key)  # doubled letters


class SpellingIndex:
    """Gazetteer people by transliteration key, for fuzzy lookup of variant spellings."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.by_key: dict[str, Entry] = {}
        for entry in gazetteer.entries.values():
            if entry.is_person:
                for surface in (entry.name, *entry.aliases):
                    if len(surface.split()) >= 2:
                        self.by_key.setdefault(transliteration_key(surface), entry)
        self.keys = list(self.by_key)

    def person(self, name: str) -> Entry | None:
        key = transliteration_key(name)
        if key in self.by_key:
            return self.by_key[key]
        best = process.extractOne(key, self.keys, scorer=fuzz.ratio, score_cutoff=SAME_PERSON)
        return self.by_key[best[0]] if best else None


_INDEXES: dict[tuple[object, int], tuple[Gazetteer, object]] = {}
IndexT = TypeVar("IndexT")


def _index_of(gazetteer: Gazetteer, build: Callable[[Gazetteer], IndexT]) -> IndexT:
    """One index of each kind per gazetteer object, built on first use."""
    key = (build, id(gazetteer))
    kept = _INDEXES.get(key)
    if kept is None or kept[0] is not gazetteer:
        kept = (gazetteer, build(gazetteer))
        _INDEXES[key] = kept
    return cast(IndexT, kept[1])


def spelling_index(gazetteer: Gazetteer) -> SpellingIndex:
    return _index_of(gazetteer, SpellingIndex)


def body_of_state(gazetteer: Gazetteer, state: str, phrase: str,
                  kinds: set[str]) -> Entry | None:
    """The listed body of ``state`` that "the Armenian foreign ministry" or "the Azerbaijani
    presidential press office" describes: right kind, most words of the phrase in its names."""
    words = set(normalise(phrase).split()) - {"the", "of", "s"}
    best: tuple[int, str] | None = None
    chosen = None
    for entry in gazetteer.entries.values():
        if entry.category != "source" or entry.kind not in kinds \
                or state not in (entry.country, entry.speaks_for):
            continue
        names = set(normalise(" ".join((entry.name, *entry.aliases))).split())
        score = (len(words & names), entry.name)
        if best is None or score > best:
            best, chosen = score, entry
    return chosen if best is not None and best[0] >= 2 else None


def listed_body(gazetteer: Gazetteer, state: Entry, name: str) -> Entry | None:
    """The listed body an unlisted way of writing its name stands for.

    "Azerbaijani Ministry of Defense", "Georgia's Security Service": every
    word of the name, less the state's own words, is a word of one listed
    body of that state; the body with the fewest other words wins, and a tie
    ("the ministry") finds nothing. A word the list lacks ("the Azerbaijani
    Ministry of Ecology") finds nothing.
    """
    state_words = set(_body_words(" ".join((state.name, *state.aliases, *state.demonyms))))
    words = set(_body_words(name)) - state_words
    if not words:
        return None
    ranked = []
    for entry in gazetteer.entries.values():
        if entry.category != "source" or state.name not in (entry.country, entry.speaks_for):
            continue
        names = set(_body_words(" ".join((entry.name, *entry.aliases))))
        if words <= names:
            ranked.append((len(set(_body_words(entry.name)) - words - state_words), entry))
    ranked.sort(key=lambda pair: (pair[0], pair[1].name))
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return None  # "the ministry" of a state with several: no guess
    return ranked[0][1] if ranked else None


def _body_words(text: str) -> list[str]:
    """A body name's words, spelling-neutral ("defense" = "defence")."""
    return [w.replace("defense", "defence") for w in normalise(text).split()
            if w not in ("the", "of", "s", "and", "for")]


def seat_body(gazetteer: Gazetteer, state: str, phrase: str) -> Entry | None:
    """"The Kremlin said": the seat of power names the body that speaks from it.

    The phrase (less an article) must be how a listed source of that state's
    name begins ("Kremlin" → "Kremlin press service"); a capital alone
    ("Moscow said") stays the state.
    """
    words = [w for w in normalise(phrase).split() if w != "the"]
    if not words:
        return None
    for entry in gazetteer.entries.values():
        if entry.category == "source" and state in (entry.country, entry.speaks_for):
            name = normalise(entry.name).split()
            if len(name) > len(words) and name[: len(words)] == words:
                return entry
    return None


class OutletIndex:
    """Gazetteer sources by normalised name, for front-matter outlets written another way.

    "Kremlin" is how the Kremlin press service's own site calls itself,
    "Civil Georgia" is Civil.ge: a front-matter name matches a listed source
    when it is the first words of one of its names, or close in spelling.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.by_name: dict[str, Entry] = {}
        for entry in gazetteer.entries.values():
            if entry.category == "source":
                for surface in (entry.name, *entry.aliases):
                    self.by_name.setdefault(normalise(surface), entry)
        self.names = list(self.by_name)

    def outlet(self, name: str) -> Entry | None:
        key = normalise(name)
        if len(key) < 4:
            return None
        starts = {self.by_name[n].name: self.by_name[n] for n in self.names
                  if n.startswith(key + " ")}
        if len(starts) == 1:
            return next(iter(starts.values()))
        best = process.extractOne(key, self.names, scorer=fuzz.ratio, score_cutoff=SAME_OUTLET)
        return self.by_name[best[0]] if best else None


def outlet_index(gazetteer: Gazetteer) -> OutletIndex:
    return _index_of(gazetteer, OutletIndex)
