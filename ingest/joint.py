"""Joint accounts: one reporting verb, several speakers.

Diplomacy speaks in pairs: "Pashinyan and Aliyev stressed that …", "Armenia
and Azerbaijan said in a joint statement …", "the Armenian and Azerbaijani
foreign ministries confirmed …", "the foreign ministers of Armenia and
Azerbaijan noted …". Each conjunct gives the account, so each is a source of
it; resolving the phrase as one name keeps only one of them (or none, and
the outlet is credited with the words).

This module reads the shape off the parse and knows nothing of names:
:func:`conjunct_spans` gives each conjoined speaker's own words;
:func:`shared_noun` gives the states' words coordinated inside one noun
phrase and the noun they share ("foreign ministry", singular). The
attributor (:mod:`ingest.attribution`) resolves them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MODIFIERS = frozenset({"amod", "compound", "nmod"})


@dataclass(frozen=True)
class SharedNoun:
    """"The Armenian and Azerbaijani foreign ministries": ``modifiers`` are the spans of
    "Armenian" and "Azerbaijani", ``noun`` is "foreign ministry"; ``of_form`` when the
    states follow ("the foreign ministers of Armenia and Azerbaijan")."""

    modifiers: tuple[tuple[int, int], ...]
    noun: str
    of_form: bool

    def phrase(self, state_words: str) -> str:
        """The noun phrase one state's words would have had alone."""
        return f"{self.noun} of {state_words}" if self.of_form else f"{state_words} {self.noun}"


def _head(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return None if span is None or not len(span) else span.root


def conjunct_spans(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Character spans of each conjoined phrase of the speaker phrase at ``[start, end)``,
    in order; [] when it is one phrase. A conjunct's span is its subtree less the
    conjuncts and conjunctions that hang from it."""
    head = _head(doc, start, end)
    if head is None:
        return []
    heads = [head, *(c for c in head.conjuncts if start <= c.idx < end)]
    if len(heads) < 2:
        return []
    return [_own_words(token) for token in heads]


def _own_words(token: Token) -> tuple[int, int]:
    """The conjunct's own phrase: "Prime Minister Nikol Pashinyan" of "Prime Minister Nikol
    Pashinyan and President Ilham Aliyev" (its right edge stops before "and")."""
    cut = [c for c in token.children if c.dep_ in ("cc", "conj") and c.i > token.i]
    last = token if not cut else max(
        (t for t in token.subtree if t.i < min(c.i for c in cut) and not t.is_punct),
        key=lambda t: t.i, default=token)
    first = token.left_edge
    return first.idx, last.idx + len(last)


def shared_noun(doc: Doc, start: int, end: int) -> SharedNoun | None:
    """The coordinated modifier of the speaker phrase's head noun, if it has one."""
    head = _head(doc, start, end)
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return None
    for child in head.children:
        if child.dep_ in _MODIFIERS and child.conjuncts:
            coordinated = {child.i, *(c.i for c in child.conjuncts)}
            rest = [t for t in head.children if t.dep_ in _MODIFIERS and t.i not in coordinated
                    and t.i > max(coordinated)]
            return SharedNoun(_spans(child), _noun(rest, head), of_form=False)
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.conjuncts:
                rest = [t for t in head.children if t.dep_ in _MODIFIERS and t.i < head.i]
                return SharedNoun(_spans(obj), _noun(rest, head), of_form=True)
    return None


def _spans(first: Token) -> tuple[tuple[int, int], ...]:
    return tuple(_own_words(t) for t in sorted([first, *first.conjuncts], key=lambda t: t.i))


def _noun(modifiers: list[Token], head: Token) -> str:
    words = [t.text for t in sorted(modifiers, key=lambda t: t.i)]
    return " ".join([*words, head.lemma_ if head.tag_ in ("NNS", "NNPS") else head.text])
