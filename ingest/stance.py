"""Denials read off the parse: the act, and what it is aimed at.

A denial is a speech act with a target. The parse says which of three
shapes a sentence has, and where its target is:

* a denial verb: "X denied *the claim*", "X rejected *accusations by Y that
  Z*", "X denied *that Z*", "X denied *Kyiv's involvement in Z*";
* a falsity label on an account: "*the information* is not true", "*Y's
  statement* is false", "*such reports* are groundless and do not reflect
  reality";
* a negated occurrence: "*sanctions* were not discussed", "*no such
  incident* took place", "*X* was not on the agenda";
* false accounts being spread: "false reports are spread *about Z*" (only a
  claim found to be about Z is its target).

The target is described, not yet found: ``anaphoric`` when it points back
("the claim", "such reports", "it"), ``owner`` when it names whose account
is denied ("Y's statement", "accusations by Y"), ``content`` when it says
what is denied ("that Z", "involvement in Z"). :mod:`ingest.reconcile` looks
the claim up. Rejecting a request, an offer or a bill denies nothing, and a
negated denial ("did not deny") is none either: both give ``None``, as the
rule is that no edge is better than a wrong one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from ingest.frames import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_POINTING_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "such"})
_CIRCUMSTANCE = frozenset({"following", "after", "amid", "despite", "during", "since",
                           "before", "when", "while", "as", "calling", "saying", "adding",
                           "noting", "stressing", "describing", "accusing"})
_TOPIC_PREPOSITIONS = frozenset({"about", "regarding", "concerning"})
_POINTING_PRONOUNS = frozenset({"it", "this", "that", "them", "these", "those"})


@dataclass(frozen=True)
class Words:
    denial_verbs: frozenset[str]
    event_denial_verbs: frozenset[str]
    account_nouns: frozenset[str]
    refusal_nouns: frozenset[str]
    falsity_words: frozenset[str]
    truth_words: frozenset[str]
    reality_nouns: frozenset[str]
    occurrence_verbs: frozenset[str]
    happening_verbs: frozenset[str]
    talk_nouns: frozenset[str]
    vague_nouns: frozenset[str]
    distortion_verbs: frozenset[str]
    spreading_verbs: frozenset[str]
    reality_verbs: frozenset[str]
    instance_nouns: frozenset[str]
    naming_verbs: frozenset[str]


@lru_cache(maxsize=1)
def words() -> Words:
    raw = yaml.safe_load(resources.files("ingest").joinpath("data/stance.yaml").read_text())
    return Words(**{key: frozenset(str(value).split()) for key, value in raw.items()})


@dataclass(frozen=True)
class Denial:
    """A denial in a sentence: its cue and a description of its target (char spans)."""

    cue: tuple[int, int]
    shape: str  # verb | label | spread | occurrence
    anaphoric: bool = False
    owner: tuple[int, int] | None = None
    content: tuple[int, int] | None = None


def denial_in(doc: Doc, start: int, end: int) -> Denial | None:
    """The first denial the span's parse holds, or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for token in span:
        found = _verb_denial(token, span) or _called_false(token, span) \
            or _label_denial(token, span) or _occurrence_denial(token, span) \
            or _distortion(token)
        if found is not None:
            return found
    return None


# -- denial verbs ---------------------------------------------------------------

def _verb_denial(verb: Token, span: Span) -> Denial | None:
    w = words()
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in w.denial_verbs or _negated(verb):
        return None
    cue = (verb.idx, verb.idx + len(verb))
    clause = _that_clause(verb)
    target = _object(verb)
    if target is None:
        if clause is not None and _vague(clause):
            return Denial(cue, "verb")  # "denied that the issue was discussed": see the sentence
        if clause is not None:
            return Denial(cue, "verb", content=_extent(clause, span))
        return None  # "X rejected." / "denied by X": nothing said about what
    head = target.lemma_.lower()
    if head in w.refusal_nouns:
        return None  # "rejected the request": a refusal, not a denial
    if target.lower_ in _POINTING_PRONOUNS:
        return Denial(cue, "verb", anaphoric=True)
    if head in w.account_nouns:
        content = _said_in(target, span)
        pointing = content is None and _points_back(target)
        return Denial(cue, "verb", anaphoric=pointing, owner=_owner(target), content=content)
    if verb.lemma_.lower() in w.event_denial_verbs:
        return Denial(cue, "verb", content=_extent(target, span))  # "denied involvement in Z"
    return None  # "rejected the Azerbaijani position": a disagreement; stays a claim


def _distortion(verb: Token) -> Denial | None:
    """"The Russian ministry distorted the facts": a denial of the subject's account. Only
    a subject that does it counts ("accused Macron of distorting …" is an accusation)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in words().distortion_verbs \
            or _negated(verb) or not any(c.dep_ == "dobj" for c in verb.children):
        return None
    subject = _subject(verb)
    if subject is None or subject.pos_ == "PRON":
        return None
    return Denial((verb.idx, verb.idx + len(verb)), "label", anaphoric=True,
                  owner=_phrase(subject))


def _vague(clause: Token) -> bool:
    """A denied clause about "it", "the issue", "this matter" says what only in context."""
    subject = _subject(clause)
    return subject is not None and (
        subject.pos_ == "PRON" or subject.lemma_.lower() in words().vague_nouns
        or any(c.dep_ == "det" and c.lower_ in ("this", "that", "such") for c in subject.children))


def _object(verb: Token) -> Token | None:
    """What is denied: the direct object, or the subject of a passive denial; of two
    objects (the parser's "rejected [the Azerbaijani] [claims]"), the account."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    accounts = [c for c in objects if c.lemma_.lower() in words().account_nouns]
    return accounts[0] if accounts else (objects[0] if objects else None)


def _that_clause(head: Token) -> Token | None:
    """The clause under ``head`` that says what: "denied that Z", "claims that Z"."""
    for child in head.children:
        if child.dep_ in ("ccomp", "acl", "relcl") and child.pos_ in ("VERB", "AUX") \
                and _subject(child) is not None:  # "claims that Z", not "claims circulated by"
            return child
        if child.dep_ == "prep":  # "accusations by the service that Z"
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    found = _that_clause(grandchild)
                    if found is not None:
                        return found
    return None


def _said_in(account: Token, span: Span) -> tuple[int, int] | None:
    """What an account noun says: its "that" clause ("claims that Z"), else, when it
    names a topic ("the claims of Baku about arms supplies"), the whole phrase."""
    clause = _that_clause(account)
    if clause is not None:
        return _extent(clause, span)
    return _extent(account, span) if _topic(account) is not None else None


def _topic(noun: Token) -> Token | None:
    """"Reports about Z", "information spread by Y about Z": what the account says
    (the parse may hang "about Z" on Y)."""
    for token in noun.subtree:
        if token.dep_ == "prep" and token.lower_ in _TOPIC_PREPOSITIONS \
                and (token.head.i == noun.i or token.head.pos_ != "VERB" or noun.pos_ == "VERB"):
            # "about the supplies", or a gerund: "about providing first aid"
            objects = [g for g in token.children if g.dep_ in ("pobj", "pcomp")]
            if objects:
                return objects[0]
    return None


def _owner(noun: Token) -> tuple[int, int] | None:
    """Whose account: "Y's claims", "claims by Y", "the claim of Y", "Y claims",
    "information circulated by Y"."""
    for child in noun.children:
        if child.dep_ == "acl":
            for grandchild in child.children:
                if grandchild.dep_ == "agent":
                    objects = [g for g in grandchild.children if g.dep_ == "pobj"]
                    if objects:
                        return _phrase(objects[0])
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            return _phrase(child)
        if child.dep_ == "prep" and child.lower_ in ("by", "of", "from"):
            for grandchild in child.children:
                # "claims by the ministry", "the report of Baku"; "an account of a
                # discussion of Z" names a topic, not an owner
                if grandchild.dep_ == "pobj" and (grandchild.pos_ == "PROPN" or (
                        grandchild.pos_ == "NOUN" and child.lower_ != "of")):
                    return _phrase(grandchild)
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            return _phrase(child)
        if child.dep_ in ("amod", "compound") and child.pos_ == "ADJ" and child.i < noun.i \
                and child.text[:1].isupper():
            return _phrase(child)  # "the Azerbaijani claims": whoever speaks for Azerbaijan
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    if before is not None and before.head.i == noun.head.i and before.dep_ == noun.dep_ \
            and before.pos_ in ("PROPN", "ADJ") and before.text[:1].isupper():
        return _phrase(before)  # the parser made "the Azerbaijani" a second object
    return None


def _points_back(noun: Token) -> bool:
    return any(c.dep_ in ("det", "amod") and c.lower_ in _POINTING_DETERMINERS
               for c in noun.children) or (noun.tag_ == "NNS" and not list(noun.children))


# -- falsity labels -------------------------------------------------------------

def _label_denial(word: Token, span: Span) -> Denial | None:
    """"The information is untrue", "Y's statement is not true", "do not reflect reality",
    "false statements are being spread about Z"."""
    w = words()
    lemma = word.lemma_.lower()
    if word.dep_ == "amod" and lemma in w.falsity_words \
            and word.head.lemma_.lower() in w.account_nouns and not _negated(word.head.head):
        account = word.head
        if any(c.dep_ == "det" and c.lower_ == "no" for c in account.children):
            return None  # "there is no false information in it"
        # "false statements are being spread … about Z": Z (on the noun or its verb) is
        # what the false accounts were about; which claim is meant, a match must say.
        topic = _topic(account) or (_topic(account.head) if account.head.pos_ == "VERB"
                                    else None)
        clause = _that_clause(account)
        content = _extent(clause, span) if clause is not None else (
            _extent(topic, span) if topic is not None else None)
        owner = _owner(account)
        if owner is None and account.dep_ == "dobj" \
                and account.head.lemma_.lower() in w.spreading_verbs:
            spreader = _subject(account.head) or _shared_subject(account.head)
            owner = _phrase(spreader) if spreader is not None and spreader.pos_ != "PRON" \
                else None  # "the ministry spread untruthful information": the ministry's
        return Denial((word.idx, word.idx + len(word)), "spread", content=content, owner=owner)
    as_child = any(c.lower_ == "as" and c.dep_ in ("advmod", "prep", "mark")
                   for c in word.children) and word.head.pos_ == "VERB"
    if lemma in w.falsity_words and (
            (word.head.lower_ == "as" and word.head.dep_ == "prep") or as_child):
        # "described the claim that Z as completely untrue", "dismissed it as a lie"
        verb = word.head if as_child else word.head.head
        labelled = _object(verb) if verb.pos_ == "VERB" else None
        if labelled is None or (labelled.lemma_.lower() not in w.account_nouns \
                and labelled.lower_ not in _POINTING_PRONOUNS):
            labelled = _account_above(word.head)  # "as" hung inside the claim's clause
        return _labelled(word, labelled, span)
    if lemma in w.falsity_words and word.dep_ == "pobj" and word.head.lower_ == "of" \
            and word.head.head.dep_ in ("attr", "oprd") \
            and word.head.head.lemma_.lower() in w.instance_nouns:
        word = word.head.head  # "another piece of disinformation", "a case of fake news"
    if word.dep_ in ("acomp", "attr", "oprd") and (
            (lemma in w.falsity_words and not _negated(word.head))
            or (lemma in w.truth_words and _negated(word.head))
            or (word.lower_ == "far" and _from_reality(word) and not _negated(word.head)
                and not _negated(word))):
        # "the report is false"; "called the report false" labels the object; "the
        # claims are far from the truth"
        subject = _object(word.head) if word.dep_ == "oprd" else (
            _subject(word.head) or _account_above(word.head) or _account_before(word.head))
    elif lemma in w.reality_verbs and _negated(word) and (any(
            c.dep_ == "dobj" and c.lemma_.lower() in w.reality_nouns for c in word.children)
            or _from_reality(word, "to")):
        # "does not reflect reality", "does not correspond to the facts"
        subject = _subject(word) or _shared_subject(word)
    elif word.pos_ == "VERB" and word.lower_ in w.falsity_words and not _negated(word) \
            and any(c.dep_ == "auxpass" for c in word.children):
        subject = _subject(word)  # "the allegations were fabricated"
    else:
        return None
    if subject is None or word.head.dep_ not in ("ROOT", "ccomp", "conj", "xcomp") \
            or any(t.tag_ in ("WDT", "WP") and not _in_relative_clause(t, word.head)
                   and not _within(t, word) for t in word.head.subtree):
        # "declined to say which parts are inaccurate": no label given ("a distortion of
        # what happened" is one: the wh-word is inside the label's own complement)
        return None
    return _labelled(word, subject, span)


def _from_reality(word: Token, preposition: str = "from") -> bool:
    """"far from the truth", "correspond to reality": the preposition's object is reality."""
    return any(c.dep_ == "prep" and c.lower_ == preposition and any(
        g.dep_ == "pobj" and g.lemma_.lower() in words().reality_nouns for g in c.children)
        for c in word.children)


def _called_false(verb: Token, span: Span) -> Denial | None:
    """"X branded the allegations fake news", "called the reports of shelling a lie":
    a verb of naming with an account and then a falsity word in what it governs. The
    parser often misplaces the second complement; the order of the words is surer."""
    w = words()
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in w.naming_verbs or _negated(verb):
        return None
    subtree = [t for t in verb.subtree if span.start <= t.i < span.end]
    account = next((t for t in subtree if t.i > verb.i and t.pos_ == "NOUN"
                    and t.lemma_.lower() in w.account_nouns), None)
    if account is None:
        return None
    clauses = {t.i for c in account.children if c.dep_ in ("acl", "relcl", "ccomp")
               for t in c.subtree}
    own = {t.i for t in account.subtree}
    # Inside the account's own phrase only a label noun is one ("the reports of shelling a
    # lie", misparsed); "the report of a fake passport" describes its topic.
    label = next((t for t in subtree if t.i > account.i and t.i not in clauses
                  and t.lemma_.lower() in w.falsity_words
                  and (t.i not in own or (t.pos_ == "NOUN" and t.dep_ != "compound"))), None)
    return _labelled(label, account, span) if label is not None else None


def _within(token: Token, top: Token) -> bool:
    return top.left_edge.i <= token.i <= top.right_edge.i and token.i != top.i


def _in_relative_clause(token: Token, top: Token) -> bool:
    """"the servicemen who were injured": a wh-word that only opens a relative clause."""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ == "relcl":
            return True
        token = token.head
    return False


def _labelled(word: Token, subject: Token | None, span: Span) -> Denial | None:
    """The denial a falsity word makes of the account ``subject`` names."""
    w = words()
    cue = (word.idx, word.idx + len(word))
    if subject is None:
        return None
    if subject.lower_ in _POINTING_PRONOUNS:
        return Denial(cue, "label", anaphoric=True)
    if subject.lemma_.lower() not in w.account_nouns:
        return None  # "the weather is not true"? no: only accounts are labelled false
    content = _said_in(subject, span)
    copula = word.head
    if content is not None and content[0] < copula.idx < content[1]:
        before = [t for t in span if content[0] <= t.idx < copula.idx and not t.is_punct]
        content = (content[0], before[-1].idx + len(before[-1])) if before else None
    return Denial(cue, "label", anaphoric=content is None and _points_back(subject),
                  owner=_owner(subject), content=content)


def _account_above(copula: Token) -> Token | None:
    """"X's claim that A does B is false", parsed with "is" hung inside the claim's own
    clause: the account noun the copula sits under is what is labelled."""
    token = copula
    for _ in range(4):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.lemma_.lower() in words().account_nouns and token.i < copula.i:
            return token
    return None


def _account_before(copula: Token) -> Token | None:
    """"The information spread by Y is disinformation", parsed with no subject on "is":
    the account noun that is the subject of the clause just before the copula."""
    for token in reversed(list(copula.doc[copula.sent.start : copula.i])):
        if token.lemma_.lower() in words().account_nouns \
                and token.dep_ in ("nsubj", "nsubjpass"):
            return token
    return None


def _shared_subject(verb: Token) -> Token | None:
    """"Such reports are groundless and do not reflect reality": the first verb's subject."""
    return _subject(verb.head) if verb.dep_ == "conj" else None


# -- negated occurrence ---------------------------------------------------------

def _occurrence_denial(verb: Token, span: Span) -> Denial | None:
    """"Sanctions were not discussed", "no such incident took place",
    "there was no mention of sanctions"."""
    w = words()
    lemma = verb.lemma_.lower()
    if lemma == "be" and any(c.dep_ == "expl" for c in verb.children):
        return _none_there(verb, span)
    if lemma == "be" and _negated(verb) and _on_the_agenda(verb):
        subject = _subject(verb)  # "X was not on the agenda of the meeting"
        if subject is not None and subject.pos_ != "PRON":
            return Denial((verb.idx, verb.idx + len(verb)), "occurrence",
                          content=_extent(subject, span))
    if verb.pos_ != "VERB":
        return None
    passive = lemma in w.occurrence_verbs and any(c.dep_ == "auxpass" for c in verb.children)
    happening = lemma in w.happening_verbs or (lemma == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children))
    if not (passive or happening):
        return None
    subject = _subject(verb)
    if subject is None or (subject.pos_ == "PRON" and subject.lower_ != "nothing"):
        return None
    if _in_an_account(verb):
        return None  # "X was not mentioned in the readout": an omission, not a denial
    said_no = any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children) \
        or subject.lower_ == "nothing"
    if not (_negated(verb) or said_no):
        return None
    cue = (verb.idx, verb.idx + len(verb))
    such = any(c.lower_ == "such" for c in subject.children) or subject.lower_ == "nothing"
    # What did not happen is the whole clause: "no agreement was reached in Moldova";
    # "no such situation occurred there": "situation" only stands for what was said
    # before, so what the clause adds ("occurred there") is all it says.
    start, end = _extent(verb, span)
    if such:
        start = max(start, _phrase(subject)[1])
    return Denial(cue, "occurrence", anaphoric=such, content=(start, end))


def _on_the_agenda(verb: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "on" and any(
        g.dep_ == "pobj" and g.lemma_.lower() == "agenda" for g in c.children)
        for c in verb.children)


def _in_an_account(verb: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("in", "from") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in words().account_nouns for g in c.children)
        for c in verb.children)


def _none_there(verb: Token, span: Span) -> Denial | None:
    """"There was no mention / discussion of X": X did not come up. "No mention of X in
    the readout" says what an account left out: an omission, not a denial."""
    if _in_an_account(verb) or any(_in_an_account(t) for c in verb.children
                                   if c.dep_ == "attr" for t in c.subtree):
        return None  # the parser may hang "in the readout" on any word of the phrase
    for noun in verb.children:
        if noun.dep_ == "attr" and noun.lemma_.lower() in words().talk_nouns and any(
                c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            about = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "about")
                     for g in c.children if g.dep_ == "pobj"]
            cue = (noun.idx, noun.idx + len(noun))
            return Denial(cue, "occurrence", content=_extent(about[0], span) if about else None,
                          anaphoric=not about)
    return None


def negates(doc: Doc, start: int, end: int) -> bool:
    """Whether the clause in ``[start, end)`` says its point is not so: "the CSTO does
    not pose any threat", "he never worked there", "there are no sanctions".

    Such a point, when another source has said the point is so, contradicts it
    (see ``ingest.reconcile``); on its own it is an assertion like any other.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.pos_ not in ("VERB", "AUX"):
        return False
    if root.lemma_.lower() in lexicon().reporting - lexicon().event_verbs:
        # "Putin did not claim responsibility": what was not said, not a denial; "the
        # sides did not agree on the text" is a point about the talks.
        return False
    if _negated(root) or any(c.dep_ == "advmod" and c.lower_ == "never" for c in root.children):
        return True
    # "there are no sanctions": the verb's subject or attribute is determined by "no".
    return any(c.dep_ in ("nsubj", "attr", "dobj") and
               any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
               for c in root.children)


# -- the parse ------------------------------------------------------------------

def _negated(token: Token) -> bool:
    if any(c.dep_ == "neg" for c in token.children):
        return True
    return token.dep_ in ("xcomp", "conj") and any(c.dep_ == "neg" for c in token.head.children) \
        and token.head.pos_ in ("AUX", "VERB") and token.head.lemma_.lower() != "be"


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None


def _phrase(token: Token) -> tuple[int, int]:
    """A name phrase: the token with its modifiers, less clauses and the possessive "'s"."""
    clauses = [c for c in token.children if c.dep_ in ("relcl", "acl", "ccomp")
               or (c.dep_ == "prep" and c.lower_ in _TOPIC_PREPOSITIONS)]
    inside = {t.i for c in clauses for t in c.subtree}
    tokens = [t for t in token.subtree if t.dep_ != "case" and t.i not in inside
              and (not clauses or t.i < clauses[0].left_edge.i)]
    first, last = tokens[0], tokens[-1]
    return first.idx, last.idx + len(last)


def _extent(token: Token, span: Span) -> tuple[int, int]:
    """The token's subtree as a char span, clipped to the sentence, marks and "that" off.

    A trailing circumstance ("… following the accusations", "… after the talks")
    belongs to the denial, not to what is denied: the span stops before it.
    """
    tokens = [t for t in token.subtree if span.start <= t.i < span.end]
    for i, t in enumerate(tokens):
        if i > 0 and t.lower_ in _CIRCUMSTANCE and t.dep_ in ("prep", "advcl", "mark"):
            tokens = tokens[:i]
            break
    while tokens and (tokens[0].is_punct or tokens[0].lower_ == "that"):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return token.idx, token.idx + len(token)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
