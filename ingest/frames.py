"""Reporting frames read off the dependency parse: who speaks, and what they say.

A frame is a reporting verb (by lemma: "said", "stressed", "denied", "reads")
with the phrase naming its speaker and the span of its content. The speaker is
found by the verb's grammatical role, not by its position in the string:

* the active subject ("the ministry said that ..."), also when it comes after
  the verb ("..., said the statement") or after its content ("..., X said");
* the subject of the verb it depends on, for "..., noting that ...",
  "... and added that ..." and "X called ..., saying ...";
* the passive agent ("it was stated by X");
* "according to X", and "as X reported" / "as reported by X", read the same way;
* an account noun stands for whoever gave it: "X's statement said",
  "a statement issued by X said", "the English version of X's statement read";
  a bare "the statement read" is left for the caller to resolve from context;
* "X issued / released a statement saying ..." (a *publishing* frame: it opens
  an account and is no point of its own).

The content is the verb's clausal complement when it has one, else the part
of the sentence that the frame does not cover. Everything is character
offsets into the article, so evidence stays verbatim.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import yaml

SUBJECTS = ("nsubj", "csubj")
LOOSE_SUBJECTS = ("dep", "appos", "npadvmod", "nmod")
CLAUSES = ("ccomp", "xcomp", "parataxis")
INHERITS_SUBJECT = ("advcl", "conj", "xcomp", "acomp")
ADVERBIALS = ("prep", "npadvmod", "advmod", "aux", "auxpass", "neg", "prt", "punct", "cc",
              "dative", "agent", "mark")


@dataclass(frozen=True)
class Lexicon:
    reporting: frozenset[str]
    publishing: frozenset[str]
    documents: frozenset[str]
    body_pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    needs_complement: frozenset[str]
    person_nouns: frozenset[str]
    event_verbs: frozenset[str]
    topic_verbs: frozenset[str]
    narrating_verbs: frozenset[str]
    witness_nouns: frozenset[str]
    withholding_verbs: frozenset[str]
    official_nouns: frozenset[str]
    continuing_adverbs: frozenset[str]
    own_staff_nouns: frozenset[str]

    heads: frozenset[str] = frozenset()  # every lemma that can head a frame
    pronouns: frozenset[str] = frozenset()


@cache
def lexicon() -> Lexicon:
    raw = yaml.safe_load(resources.files("ingest").joinpath("data/frames.yaml").read_text())
    words = {key: frozenset(str(value).split()) for key, value in raw.items()}
    return Lexicon(words["reporting_verbs"], words["publishing_verbs"], words["document_nouns"],
                   words["body_pronouns"], words["person_pronouns"], words["needs_complement"],
                   words["person_nouns"], words["event_verbs"], words["topic_verbs"],
                   words["narrating_verbs"], words["witness_nouns"], words["withholding_verbs"],
                   words["official_nouns"], words["continuing_adverbs"], words["own_staff_nouns"],
                   heads=words["reporting_verbs"] | words["publishing_verbs"],
                   pronouns=words["body_pronouns"] | words["person_pronouns"])


@dataclass(frozen=True)
class Frame:
    """One reporting frame inside a sentence; spans are (start, end) character offsets."""

    verb: tuple[int, int]
    lemma: str
    speaker: tuple[int, int] | None
    via: str  # subject | inverted | inherited | agent | according | document | publishing
    content: tuple[int, int] | None
    depth: int  # 0 for the sentence's main verb, deeper when nested; -1 for a closing frame
    pronoun: str | None = None  # "he", "it": the speaker is a pronoun to resolve
    document: bool = False  # the speaker phrase is an account noun ("the statement")

    @property
    def publishing(self) -> bool:
        return self.via == "publishing"

    @property
    def trailing(self) -> bool:
        """The frame comes after its content: "…," the ministry said."""
        return self.content is not None and self.content[1] <= self.verb[0]


def sentence_tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def frames_in(doc: Doc, start: int, end: int) -> list[Frame]:
    """All frames of the sentence at ``[start, end)``, the main one (least deep) first."""
    span = sentence_tokens(doc, start, end)
    if span is None:
        return []
    lex = lexicon()
    frames = []
    # "X declined to elaborate on which parts Baku considers wrong": nothing under a
    # report of silence is said by anyone.
    silenced = {t.i for verb in span if withholds_speech(verb)
                for c in verb.children if c.dep_ == "xcomp" for t in c.subtree}
    for token in span:
        if token.i in silenced:
            continue
        frame = _according(token, start, end) if token.lower_ == "according" else None
        if frame is None and _as_reported(token):
            frame = _as_frame(token, start, end)
        if frame is None and _made_clear(token) is not None:
            frame = _clear_frame(token, span, start, end)
        if frame is None and _verb_like(token) \
                and token.lemma_.lower() in lex.heads:
            frame = _verb_frame(token, span, start, end)
        if frame is None and _closing_verb(token, span):
            frame = _closing_frame(token, span, start, end)
        if frame is not None:
            frames.append(frame)
    return sorted(frames, key=lambda f: (f.depth, f.verb[0]))


def _closing_verb(token: Token, span: Span) -> bool:
    """A reporting word that closes its sentence ("…, the report adds.", "X states:").

    The tagger often takes such a word for a noun ("states", "reports"), and the
    parser then attaches its subject to the wrong head; the word's place at the
    end of the sentence, after a comma or at the start of a line, is a surer sign.
    """
    if not token.is_lower or token.ent_type_:
        return False  # "the United States:" is a name, not a verb
    if token.lemma_.lower() not in lexicon().reporting and \
            token.lower_.rstrip("s") not in lexicon().reporting:
        return False  # (the cheap test first: this runs for every word)
    rest = [t for t in span[token.i - span.start + 1 :] if not t.is_punct]
    return not rest or (len(rest) <= 2 and rest[-1].lower_ == "follows")


def _closing_frame(verb: Token, span: Span, start: int, end: int) -> Frame | None:
    """Speaker = the words between the last comma (or the sentence start) and the verb."""
    words = []
    for token in reversed(span[: verb.i - span.start]):
        if token.is_punct or token.is_quote:
            break
        words.append(token)
    words = [t for t in reversed(words) if t.dep_ not in ("aux", "advmod", "neg")
             or t.i < verb.i - 2]
    if not words or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None  # a clause, not a speaker: the parse knows better here
    first, last = words[0], words[-1]
    content = _clip(span.start_char, first.idx, start, end)
    if content is not None:
        content = _trim(verb.doc.text, content)
    lower = last.lower_
    lex = lexicon()
    pronoun = lower if len(words) == 1 and lower in lex.pronouns \
        else None
    document = last.lemma_.lower() in lex.documents
    via = "inverted" if content is not None else "subject"
    if content is None:  # a line of its own closing on the verb: "X states:"
        via = "subject"
    return Frame((verb.idx, verb.idx + len(verb)), verb.lemma_.lower(),
                 (first.idx, last.idx + len(last)), via, content, -1, pronoun, document)


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    a, b = span
    while a < b and (text[a].isspace() or text[a] in ",;:“”\"'’"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:“”\"'’"):
        b -= 1
    return (a, b) if b > a else None


def _inverted_frame(verb: Token, span: Span, start: int, end: int) -> Frame | None:
    """'"…," added the statement.': the parser often takes the speaker for an object.

    The shape is plain: the verb right after a comma or closing quote mark,
    then a short noun phrase to the end of the sentence.
    """
    if verb.i == 0 or verb.tag_ == "VBG":
        return None  # "Answering the questions of X, …": a participle opens, nobody speaks
    before = verb.doc[verb.i - 1]
    opens_sentence = all(t.is_punct or t.is_quote for t in span if t.i < verb.i)
    if not (opens_sentence or before.is_quote or verb.doc[max(0, verb.i - 2)].is_quote):
        return None  # "X, a researcher at Y, told …": the verb follows an apposition
    after = [t for t in span if t.i > verb.i and not t.is_punct]
    stop = next((i for i, t in enumerate(after) if t.dep_ == "prep" and i > 0), len(after))
    words = after[:stop]
    if not words or len(words) > 8 or any(t.pos_ in ("VERB", "AUX") for t in words) \
            or words[-1].pos_ not in ("NOUN", "PROPN"):
        return None
    content = _trim(verb.doc.text, (span.start_char, before.idx + len(before))) \
        if before.i >= span.start else None
    first, last = words[0], words[-1]
    lex = lexicon()
    return Frame((verb.idx, verb.idx + len(verb)), verb.lemma_.lower(),
                 (first.idx, last.idx + len(last)), "inverted", content, -1, None,
                 last.lemma_.lower() in lex.documents)


def _verb_like(token: Token) -> bool:
    """A verb, or a word the tagger took for a noun that still has a subject ("… read")."""
    return token.pos_ in ("VERB", "AUX") or any(c.dep_ in SUBJECTS for c in token.children)


def _verb_frame(verb: Token, span: Span, start: int, end: int) -> Frame | None:
    lex = lexicon()
    lemma = verb.lemma_.lower()
    if verb.dep_ in ("amod", "compound", "acl", "relcl", "pcomp") and lemma not in ("say",):
        return None  # "the statement issued by X", "a reported attack": no frame of its own
    if lemma in lex.publishing:
        return _publishing(verb, start, end)
    if _quoted_as_saying(verb):
        return _quoted_frame(verb, span, start, end)
    if _passive(verb) and not _agent(verb):
        return None  # "he is reported to be ...": nobody is named as speaking
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return None  # "Paris should urge Yerevan to …": a call, not a report of speech
    if any(c.dep_ == "neg" for c in verb.children) or withholds_speech(verb):
        return None  # "the Kremlin did not confirm that …": the outlet says what it did not say
    if not any(c.dep_ == "nsubj" for c in verb.children):
        inverted = _inverted_frame(verb, span, start, end)
        if inverted is not None:
            return inverted
    subject, via = _speaker_of(verb)
    if _closing_verb(verb, span) and (
            subject is None or any(t.is_punct for t in span if t.i < verb.i)):
        closing = _closing_frame(verb, span, start, end)
        if closing is not None or subject is None:
            return closing
        # "X, a spokeswoman for Y, said.": the comma closes an apposition, not the
        # content; the parse's subject is the speaker.
    if subject is None:
        return None
    content = _content(verb, subject, span, start, end)
    if lemma in lex.needs_complement and not (_has_clause(verb) or _has_point(verb)):
        return None
    if lemma in lex.event_verbs and not any(c.dep_ in ("ccomp", "parataxis")
                                            for c in verb.children):
        return None
    frame = _frame(verb, subject, via, content)
    if lemma in lex.narrating_verbs and not _has_clause(verb) and not frame.trailing:
        return None  # "the president told the premier about his visit": narration
    if verb.dep_ == "parataxis" and not _has_clause(verb):
        # "In that context, it said, X stressed …": a parenthetical report governs the
        # clause it interrupts, whatever the parser made its head.
        frame = replace(frame, depth=_depth(verb.head))
    if frame.speaker is not None:
        clipped = _clip(*frame.speaker, start, end)
        if clipped is None:
            return None
        frame = replace(frame, speaker=clipped)
    return frame


def withholds_speech(verb: Token) -> bool:
    """"X declined to comment", "refused to say which parts …": a report of silence."""
    lex = lexicon()
    return verb.lemma_.lower() in lex.withholding_verbs and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in lex.reporting | lex.topic_verbs
        for c in verb.children)


def _frame(verb: Token, subject: Token, via: str, content: tuple[int, int] | None) -> Frame:
    lex = lexicon()
    speaker_token, document = _owner_of_document(subject)
    phrase = _phrase(speaker_token)
    lower = speaker_token.lower_
    pronoun = lower if lower in lex.pronouns else None
    if via == "subject" and subject.i > verb.i:
        via = "inverted"
    return Frame((verb.idx, verb.idx + len(verb)), verb.lemma_.lower(), phrase, via, content,
                 _depth(verb), pronoun, document)


def _speaker_of(verb: Token) -> tuple[Token | None, str]:
    """The token heading the speaker phrase, and how it was found."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:
        # '“… the plane lost control,” said the statement': a parse may give the verb
        # a subject from inside the quotation too; the speaker is the one beside it.
        return min(subjects, key=lambda c: abs(c.i - verb.i)), "subject"
    for child in verb.lefts:  # a misparse ("X, citing Y, denied"): the noun before the verb
        if child.dep_ in LOOSE_SUBJECTS and child.pos_ in ("PROPN", "NOUN"):
            return child, "subject"
    for child in verb.lefts:
        if child.dep_ in ("csubj", "advcl") and child.tag_ == "VBG":
            before = _noun_before(child.left_edge)
            if before is not None:  # "X, citing Y, denied": the parser took "citing" for X
                return before, "subject"
            glued = _apposition_before(child, verb)
            if glued is not None:
                return glued, "subject"
    agent = _agent(verb)
    if agent is not None:
        return agent, "agent"
    node = verb
    while node.dep_ in INHERITS_SUBJECT and node.head.i != node.i:
        node = node.head
        for child in node.children:
            if child.dep_ in SUBJECTS:
                if child.lower_ == "it" and node.lemma_ == "be":
                    return None, ""  # "it is wrong to discuss ...": nobody speaks
                return child, "inherited"
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in lexicon().documents:
        return _publisher_of_document(verb.head), "inherited"
    return None, ""


def _apposition_before(clause: Token, verb: Token) -> Token | None:
    """"Answering questions of X, the minister emphasized …": the parser may hang the
    subject on the opening participle's object as an apposition; a noun phrase after
    the clause's last comma that runs up to the verb is the verb's subject."""
    for token in clause.subtree:
        if token.dep_ == "appos" and token.pos_ in ("NOUN", "PROPN") \
                and token.right_edge.i == verb.i - 1 and token.left_edge.i > 0 \
                and token.doc[token.left_edge.i - 1].text == ",":
            return token
    return None


def _noun_before(token: Token) -> Token | None:
    """The head noun of the comma-delimited phrase just before ``token``."""
    doc = token.doc
    i = token.i - 1
    while i >= 0 and doc[i].is_punct:
        i -= 1
    if i < 0 or doc[i].pos_ not in ("PROPN", "NOUN"):
        return None
    return doc[i]


def _publishing(verb: Token, start: int, end: int) -> Frame | None:
    """"X issued a statement saying ...": X opens an account; the content follows."""
    lex = lexicon()
    documents = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                 and c.lemma_.lower() in lex.documents]
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None) or _agent(verb)
    if not documents or subject is None:
        return None
    document = documents[0]
    tail = [t for t in document.subtree if t.i > document.i]
    content = None
    if tail:
        clause = next((t for t in tail if t.dep_ in CLAUSES), None)
        first = clause.left_edge if clause is not None else tail[0]
        content = _clip(first.idx, tail[-1].idx + len(tail[-1]), start, end)
    speaker = subject
    return Frame((verb.idx, verb.idx + len(verb)), verb.lemma_.lower(), _phrase(speaker),
                 "publishing", content, _depth(verb))


def _according(token: Token, start: int, end: int) -> Frame | None:
    """"According to X, ...": X speaks; the rest of the clause is the content."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None:
        return None
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    head = token.head
    cover = {t.i for t in token.subtree}
    rest = [t for t in head.subtree if t.i not in cover and not (t.is_punct or t.is_space)]
    content = _clip(rest[0].idx, rest[-1].idx + len(rest[-1]), start, end) if rest else None
    frame = _frame(token, obj, "according", content)
    return Frame(frame.verb, "according", frame.speaker, "according", content,
                 _depth(head), frame.pronoun, frame.document)


def _as_reported(verb: Token) -> bool:
    """"As the Kremlin reported, …", "…, as reported by the ministry": a reporting verb
    in an "as" clause with nothing said of its own vouches for the clause it hangs on."""
    return verb.dep_ == "advcl" and verb.pos_ == "VERB" and _is_reporting(verb) \
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) \
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass") for c in verb.children)


def _as_frame(verb: Token, start: int, end: int) -> Frame | None:
    """The "as" clause read as "according to": its subject (or passive agent) speaks and
    the clause it modifies, less the "as" clause, is what is said."""
    speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None) or _agent(verb)
    if speaker is None or speaker.lower_ == "it":
        return None  # "as was reported", "as it turned out": nobody named
    head = verb.head
    cover = {t.i for t in verb.subtree}
    rest = [t for t in head.subtree if t.i not in cover and not (t.is_punct or t.is_space)]
    content = _clip(rest[0].idx, rest[-1].idx + len(rest[-1]), start, end) if rest else None
    frame = _frame(verb, speaker, "according", content)
    return replace(frame, via="according", depth=_depth(head))


def _quoted_as_saying(verb: Token) -> Token | None:
    """"X was quoted as saying (by Y) …": the "saying", whose subject is X."""
    if verb.lemma_.lower() != "quote" or not _passive(verb):
        return None
    return next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                 for g in c.children if g.dep_ in ("pcomp", "pobj") and _is_reporting(g)), None)


def _quoted_frame(verb: Token, span: Span, start: int, end: int) -> Frame | None:
    """X speaks, not whoever quotes X; what is said is the clause of either verb, else
    the rest of the sentence ("Z, X was quoted as saying by Y")."""
    saying = _quoted_as_saying(verb)
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if saying is None or subject is None:
        return None
    clauses = [c for c in (*verb.children, *saying.children) if c.dep_ in ("ccomp", "parataxis")]
    if clauses:
        clause = min(clauses, key=lambda c: c.i)
        content = _clip(clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge),
                        start, end)
    else:
        content = _content(verb, subject, span, start, end)
    frame = _frame(verb, subject, "subject", content)
    clipped = _clip(*frame.speaker, start, end) if frame.speaker is not None else None
    return replace(frame, speaker=clipped) if clipped is not None else None


def _made_clear(verb: Token) -> Token | None:
    """"X made clear that Z", "X made it clear that Z": the clause Z, else None."""
    if verb.lemma_.lower() != "make" or verb.pos_ != "VERB":
        return None
    clear = next((c for c in verb.children if c.lower_ == "clear"
                  and c.dep_ in ("oprd", "acomp", "ccomp", "xcomp")), None)
    if clear is None:
        return None
    clauses = [c for c in (*verb.children, *clear.children)
               if c.dep_ in ("ccomp", "advcl", "csubj") and c.i > clear.i
               and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    return clauses[0] if clauses else None


def _clear_frame(verb: Token, span: Span, start: int, end: int) -> Frame | None:
    clause = _made_clear(verb)
    subject, via = _speaker_of(verb)
    if clause is None or subject is None or any(c.dep_ == "neg" for c in verb.children):
        return None
    content = _clip(clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge),
                    start, end)
    frame = _frame(verb, subject, via, content)
    clipped = _clip(*frame.speaker, start, end) if frame.speaker is not None else None
    return replace(frame, speaker=clipped) if clipped is not None else None


def _owner_of_document(subject: Token) -> tuple[Token, bool]:
    """For an account noun, the one who gave it: possessor, "of X", "issued by X"."""
    lex = lexicon()
    node = subject
    for _ in range(3):
        if node.lemma_.lower() not in lex.documents:
            return node, node is not subject
        owner = next((c for c in node.children if c.dep_ == "poss"), None)
        if owner is None:  # "a Kremlin statement", "the White House readout"
            owner = next((c for c in node.children
                          if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
        if owner is None:
            owner = _of_object(node)
        if owner is None:
            owner = _publisher_of_document(node)
        if owner is None:
            return node, True
        node = owner
    return node, True


def _of_object(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "by"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _publisher_of_document(noun: Token) -> Token | None:
    """"a statement issued by X" (acl with an agent), or "X issued a statement"."""
    for child in noun.children:
        if child.dep_ == "acl":
            agent = _agent(child)
            if agent is not None:
                return agent
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in lexicon().publishing:
        return next((c for c in head.children if c.dep_ in SUBJECTS), None)
    return None


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _has_clause(verb: Token) -> bool:
    return any(c.dep_ in CLAUSES for c in verb.children)


def _has_point(verb: Token) -> bool:
    """"accused X of shelling Y", "called for an independent investigation", "called the
    decision a mistake": a verb of judging or asking whose complement is the point made."""
    if any(c.dep_ == "oprd" for c in verb.children) and any(
            c.dep_ == "dobj" for c in verb.children):
        return True  # "called the decision a betrayal"
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # "accused X of …"
    return any(c.dep_ == "prep" and c.lower_ in ("of", "for", "on") and any(
        g.dep_ in ("pcomp", "pobj") for g in c.children) for h in heads for c in h.children)


def _content(verb: Token, subject: Token, sentence: Span, start: int,
             end: int) -> tuple[int, int] | None:
    """The complement clause, else what the frame (verb, speaker, adverbials) leaves."""
    if any(c.dep_ == "dobj" and c.tag_ == "WP" for c in verb.children):
        # "X released what it called footage of the attack": the naming is a hedge
        # inside the point, which is the whole sentence.
        return _clip(sentence[0].idx, sentence[-1].idx + len(sentence[-1]), start, end)
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    if clauses:
        first, last = clauses[0].left_edge, clauses[-1].right_edge
        for conj in verb.children:  # "said that A and that B"
            if conj.dep_ == "conj" and conj.i > last.i and not _is_reporting(conj):
                last = conj.right_edge
        return _clip(first.idx, last.idx + len(last), start, end)
    frame = _frame_tokens(verb, subject)
    lo, hi = min(frame), max(frame)
    before = [t for t in sentence if t.i < lo and not t.is_punct]
    after = [t for t in sentence if t.i > hi and not t.is_punct]
    if before and not after:
        return _clip(before[0].idx, before[-1].idx + len(before[-1]), start, end)
    if after and not before:
        return _clip(after[0].idx, after[-1].idx + len(after[-1]), start, end)
    return (start, end)


def _frame_tokens(verb: Token, subject: Token) -> set[int]:
    """The verb, its speaker phrase and the adverbials around them ("on Monday", "also")."""
    cover = {verb.i} | {t.i for t in subject.subtree}
    for child in verb.children:
        if (child.dep_ in ADVERBIALS and child.i != subject.i) or _as_reported(child):
            cover |= {t.i for t in child.subtree}
    return cover


def _is_reporting(token: Token) -> bool:
    return token.lemma_.lower() in lexicon().reporting


def _phrase(token: Token) -> tuple[int, int]:
    """The speaker phrase: the token's subtree without trailing relative clauses."""
    tokens = [t for t in token.subtree
              if not any(a.dep_ in ("relcl", "acl") and a.i != token.i and a in token.subtree
                         and t in a.subtree for a in t.ancestors if a.i != token.i)]
    while len(tokens) > 1 and tokens[-1].dep_ == "case":
        tokens.pop()  # "X's statement said": the speaker is X, not "X's"
    tokens = tokens or [token]
    left, right = tokens[0], tokens[-1]
    return left.idx, right.idx + len(right)


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _clip(a: int, b: int, start: int, end: int) -> tuple[int, int] | None:
    a, b = max(a, start), min(b, end)
    return (a, b) if b > a else None
