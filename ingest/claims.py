"""Claim text, the features claims are compared by, and similarity.

Two sentences state the same point when most of the shorter one's content
(content words, plus the actors it names, so "Moscow" and "the Kremlin" count
as one) is in the other. The measure is an overlap coefficient: explainable,
and robust to one readout saying more than the other. Words alone cannot tell
"agreed" from "did not agree", or who shelled whom: :func:`opposed` keeps such
near-misses apart, whatever their overlap. Claims are only ever compared within
one event (or one article), which blocks the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from ingest.frames import lexicon
from ingest.gazetteer import load as load_gazetteer
from ingest.lexicon import GENERIC_WORDS, STOPWORDS
from ingest.nlp import irregular_lemmas

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_WORD = re.compile(r"[A-Za-zÀ-ÿəƏ0-9][A-Za-zÀ-ÿəƏ0-9'’-]*")
SAME_POINT = 0.6
MIN_SHARED = 4


# Words readouts use interchangeably for the same thing ("the sides" / "the parties").
_SYNONYMS = {"party": "side", "parties": "side", "sides": "side", "talk": "discuss",
             "talks": "discuss", "conversation": "call", "premier": "prime",
             "detainee": "prisoner", "detainees": "prisoner", "captive": "prisoner",
             "captives": "prisoner", "prisoners": "prisoner", "pows": "prisoner",
             "truce": "ceasefire", "treaty": "agreement", "frontier": "border",
             "shelling": "fire", "shelled": "fire", "firing": "fire", "fired": "fire",
             "shots": "fire", "shot": "fire"}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A word's lemma (irregular forms, from the lemmatizer's tables), cut to a stem: enough
    to match 'discussed'/'discusses'/'discuss' and 'met'/'meeting'."""
    w = word.lower().replace("’", "'").removesuffix("'s")
    if w in _SYNONYMS:
        return _SYNONYMS[w]
    w = irregular_lemmas().get(w, w)  # "met" / "meeting", "held" / "holding"
    for suffix in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es",
                   "s", "ly"):
        if len(w) - len(suffix) >= 4 and w.endswith(suffix) and not w.endswith("ss"):
            w = w[: -len(suffix)]
            break
    # A final "e" goes too, so "agree" / "agreed" / "agrees", "issue" / "issued" and
    # "release" / "released" meet ("discuss" keeps its "ss" above for the same reason).
    if len(w) >= 5 and w.endswith("e"):
        w = w[:-1]
    # "threaten(s)" / "threat", "strengthen" / "strength": the verb is its noun's point.
    if len(w) >= 8 and w.endswith("en") and w[-3] in "hty":
        w = w[:-2]
    return w


@lru_cache(maxsize=32768)
def content_words(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in _WORD.findall(text)
                     if w.lower() not in STOPWORDS and len(w) > 2)


def features(text: str, actor_names: Iterable[str] = ()) -> set[str]:
    """Content words plus ``@Name`` for every known actor or source the text names.

    Names are found in the text itself (so a claim read back from the store gets
    the same features as when it was extracted), plus any the caller resolved
    from context ("the president"). "Moscow" and "the Kremlin" both give @Russia.
    """
    words = set(content_words(text))
    names = set(actor_names)
    for mention in load_gazetteer().mentions(text):
        if not mention.demonym:
            names.add(mention.entry.name)
            words -= content_words(mention.surface)
    for name in names:
        words -= content_words(name)
    return words | {f"@{name}" for name in names}


def similarity(a: set[str], b: set[str]) -> float:
    shared = len(a & b)
    if shared < MIN_SHARED or not a or not b:
        return 0.0
    return shared / min(len(a), len(b))


# Words that turn a point into its opposite: "agreed" / "did not agree".
_NEGATION = re.compile(r"\b(?:not|never|no|neither|nor|cannot)\b|n[’']t\b", re.IGNORECASE)
# Two sides written as one party to the point: "Armenia and Azerbaijan", "Pashinyan and
# Aliyev", "Baku with Yerevan".
_PAIRED = re.compile(r"^\W*(?:and|with|&|,)\W*$", re.IGNORECASE)


def opposed(a: str, b: str) -> bool:
    """Whether two wordings with the same words make different points, so that they
    must never be one claim: one says "not" where the other does not ("the ministers
    agreed" / "did not agree"), or the sides swap roles ("Azerbaijani forces shelled
    Armenian positions" / "Armenian forces shelled Azerbaijani positions").

    Both are read off the text alone, as a claim loaded from the store has only its
    text; a paraphrase this keeps apart ("Aliyev met Pashinyan" / "Pashinyan met
    Aliyev") is a corroboration missed, never a wrong edge.
    """
    if bool(_NEGATION.search(a)) != bool(_NEGATION.search(b)):
        return True
    roles_a, roles_b = _roles(a), _roles(b)
    return roles_a is not None and roles_b is not None and roles_a == roles_b[::-1]


@lru_cache(maxsize=32768)
def _roles(text: str) -> tuple[str, str] | None:
    """The first two sides a point names, in order (the first is usually the one that
    acts), unless the text names them as a pair."""
    gazetteer = load_gazetteer()
    sides: list[tuple[str, int, int]] = []
    for mention in gazetteer.mentions(text):
        state = gazetteer.state_of(mention.entry)
        if state is None:
            continue
        if sides and sides[-1][0] == state.name:
            # "Armenian Prime Minister Nikol Pashinyan": one side, named to its last word
            sides[-1] = (state.name, sides[-1][1], mention.end)
            continue
        if all(state.name != side for side, _, _ in sides):
            sides.append((state.name, mention.start, mention.end))
        if len(sides) == 2:
            break
    if len(sides) < 2:
        return None
    (first, _, first_end), (second, second_start, _) = sides
    if _PAIRED.match(text[first_end:second_start]) or not text[first_end:second_start].strip():
        return None
    return first, second


def substantive(text: str, ignore: set[str]) -> set[str]:
    """Content words that are not names, titles, event words or readout boilerplate."""
    return set(content_words(text) - ignore - generic_stems())


@lru_cache(maxsize=1)
def generic_stems() -> frozenset[str]:
    """GENERIC_WORDS as the features they become (computed on first use: stemming reads
    the lemmatizer's tables, which importing this module should not load)."""
    return frozenset(GENERIC_WORDS | {stem(g) for g in GENERIC_WORDS})


def claim_text(raw: str) -> str:
    """Normalised claim text: the clause, tidied, as one sentence."""
    text = re.sub(r"\s+", " ", raw).strip(" ,;:—–-\"“”'’")
    text = text.rstrip(".")
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text + "." if text else text


def states_something(doc: Doc, start: int, end: int, own_voice: bool) -> bool:
    """Whether a span of the parse says something a source can be held to.

    A point is a clause: it has a verb. Datelines ("TBILISI, May 3. /TASS/."),
    photo credits, time stamps and fragments have none. In an outlet's own
    voice an imperative ("Support independent journalism.") appeals to the
    reader and states nothing.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    if not any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    if _only_spoke(span.root):
        return False
    if own_voice:
        root = span.root
        imperative = root.tag_ == "VB" and root.i == span.start + _lead(span) and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children)
        if imperative:
            return False
    return True


def _only_spoke(root: Token) -> bool:
    """"Michel commented on the issue", "he responded to the claims": a clause that says
    only that someone spoke about something. A clause anywhere below ("referred to
    the statement that …", "claims by X, who asserted …") is a point; so is a negation
    ("did not react to the remarks": that is news)."""
    if root.lemma_.lower() not in lexicon().topic_verbs:
        return False
    if any(c.dep_ in ("neg", "dobj", "conj") for c in root.children):
        return False
    return not any(t.dep_ in ("ccomp", "xcomp", "advcl", "acl", "relcl", "pcomp")
                   for t in root.subtree if t is not root)


def _lead(span: Span) -> int:
    """Tokens before a sentence's first word proper (quote marks, brackets)."""
    count = 0
    for token in span:
        if not (token.is_punct or token.is_space):
            break
        count += 1
    return count
