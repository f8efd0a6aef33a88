"""Event words found on the parse: which words name a call, a meeting, a visit or an
incident (the rules are data: ``ingest/data/events.yaml``).

Why the parse and not patterns over the text: a word is read by its lemma and part
of speech, so "met", "meets" and "meeting" are one rule, and by the words beside it
in the tree, so "a call for restraint" is no call and "violation of the ceasefire"
is the same word as "ceasefire violation", however the sentence is laid out.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_POS_GROUPS = {"NOUN": ("NOUN", "PROPN"), "VERB": ("VERB",), "ADJ": ("ADJ",)}
_PLANNING_AUX = frozenset({"will", "would", "shall", "to"})
_POINTING_DETERMINERS = frozenset({"the", "this", "that"})
_POINTING_MODIFIERS = frozenset({"phone", "telephone"})


class RuleError(ValueError):
    """A line of events.yaml that is not ``LEMMA POS [+word|^word|-word ...]``."""


@dataclass(frozen=True)
class Rule:
    """One event word: its lemma and part of speech and the words its sense needs."""

    kind: str
    lemma: str
    pos: str
    beside: frozenset[str] = frozenset()  # one of these is a child, or a preposition's object
    heads: frozenset[str] = frozenset()  # or the word's head is one of these
    never: frozenset[str] = frozenset()  # and none of these is a child after it
    never_deps: tuple[frozenset[str], ...] = ()  # nor children with all these dependencies
    singular: bool = False
    objects: frozenset[str] = frozenset()  # its direct object is one of these

    def matches(self, token: Token) -> tuple[Token, ...] | None:
        """The tokens that make ``token`` this event word (itself first), else None."""
        if token.pos_ not in _POS_GROUPS[self.pos] or token.lemma_.lower() != self.lemma:
            return None
        children = list(token.children)
        # "called on Armenia to …", not "On Monday, X called Y": what rules a sense out
        # follows the word.
        if any(c.lemma_.lower() in self.never for c in token.rights):
            return None
        deps = {c.dep_ for c in children}
        if any(together <= deps for together in self.never_deps):
            return None
        if self.singular and token.tag_ in ("NNS", "NNPS"):
            return None
        if self.objects:
            found = [c for c in children if c.dep_ == "dobj" and c.lemma_.lower() in self.objects]
            return (token, found[0]) if found else None
        if not self.beside and not self.heads:
            return (token,)
        near = [c for c in children if c.lemma_.lower() in self.beside]
        near += [g for c in children if c.dep_ == "prep" for g in c.children
                 if g.dep_ == "pobj" and g.lemma_.lower() in self.beside]
        if near:
            return (token, *near)
        head = token.head
        if head.i != token.i and head.lemma_.lower() in self.heads:
            return (token, head)
        return None


@dataclass(frozen=True)
class Trigger:
    """An event word in a text: its kind, offsets, and the words that make it one."""

    kind: str
    start: int
    end: int
    words: tuple[str, ...]  # lower-cased: the event word and its needed neighbours
    pointer: bool  # "the call", "this meeting": points back at an event told before
    planned: bool  # "will meet", "agreed to visit": an event still to come


def parse_rule(kind: str, line: str) -> Rule:
    """One line of events.yaml (its format is described at the top of that file)."""
    parts = line.split()
    if len(parts) < 2 or parts[1] not in _POS_GROUPS:
        raise RuleError(f"events.yaml, {kind}: {line!r} is not 'LEMMA NOUN|VERB|ADJ "
                        f"[conditions]'")
    signs: dict[str, set[str]] = {"+": set(), "^": set(), "-": set(), ">": set()}
    never_deps: list[frozenset[str]] = []
    singular = False
    for part in parts[2:]:
        if part == "one":
            singular = True
        elif part[0] == "~" and len(part) > 1:
            never_deps.append(frozenset(part[1:].split("+")))
        elif part[0] in signs and len(part) > 1:
            signs[part[0]].add(part[1:].lower())
        else:
            raise RuleError(f"events.yaml, {kind}: {part!r} in {line!r} is not +word, ^word, "
                            f"-word, >word, ~dep+dep or one")
    return Rule(kind, parts[0].lower(), parts[1], frozenset(signs["+"]), frozenset(signs["^"]),
                frozenset(signs["-"]), tuple(never_deps), singular, frozenset(signs[">"]))


@cache
def rules() -> dict[str, tuple[Rule, ...]]:
    """The rules of events.yaml by lemma (a lemma may name several kinds: "talk")."""
    raw = yaml.safe_load(resources.files("ingest").joinpath("data/events.yaml").read_text())
    by_lemma: dict[str, list[Rule]] = {}
    for kind, lines in raw.items():
        for line in lines:
            rule = parse_rule(kind, str(line).split("#")[0])
            by_lemma.setdefault(rule.lemma, []).append(rule)
    return {lemma: tuple(found) for lemma, found in by_lemma.items()}


def find_triggers(doc: Doc, start: int = 0, end: int | None = None) -> list[Trigger]:
    """Every event word whose token lies in ``[start, end)`` of the text, in text order."""
    span = doc.char_span(start, len(doc.text) if end is None else end,
                         alignment_mode="expand")
    if span is None:
        return []
    table = rules()
    out = []
    for token in span:
        for rule in table.get(token.lemma_.lower(), ()):
            made = rule.matches(token)
            if made is not None:
                out.append(Trigger(rule.kind, token.idx, token.idx + len(token),
                                   tuple(t.lower_ for t in made), _points_back(token),
                                   _planned(token)))
    return out


def _planned(token: Token) -> bool:
    """"Will meet", "agreed to visit": a verb with a modal or an infinitive marker tells
    of an event still to come, not of one that took place."""
    return token.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ in _PLANNING_AUX
                                        for c in token.children)


def _points_back(token: Token) -> bool:
    """"The call", "this phone conversation": a noun with nothing but a pointing determiner
    (and "phone") refers to an event the text has told already; "the summit in Chisinau
    on 1 June" tells of one."""
    if token.pos_ not in _POS_GROUPS["NOUN"]:
        return False
    near = [c for c in token.children if c.dep_ != "punct"]
    pointing = [c for c in near if c.dep_ == "det" and c.lower_ in _POINTING_DETERMINERS]
    rest = [c for c in near if c not in pointing and c.lower_ not in _POINTING_MODIFIERS]
    return bool(pointing) and not rest
