"""Who gives each sentence, who speaks inside it, and what it does (assert, deny, ...).

The reporting frames come from the parse (:mod:`ingest.frames`); this module
decides whose account each sentence belongs to, as diplomatic reporting is
written:

* A body's frame opens its account. In an outlet's story "X said that ..."
  covers its own paragraph, then the outlet's voice is back; a readout runs
  on until another account takes over: a header line ending in ":" ("X
  issued a statement, which reads:"), a running "X reports", the body's own
  publication, or an article with no outlet voice at all.
* Quotations keep their speaker across sentences and paragraphs; a frameless
  quotation right after one continues it; a quotation inside a quotation
  switches to its own speaker.
* Inside a body's readout, officials who "stressed" or "urged" are *speakers*;
  the body is the *source*. A spokesperson speaks for their body; a minister
  or expert quoted by an outlet is their own source.
* A body's readout relayed by an outlet goes on into the next paragraph with
  its own state's office-holders; a person speaking on an occasion of their
  own (dated, at a press conference) leaves the account; what a body did not
  say ("did not confirm that …") is the outlet's.
* Names, titles, pronouns, account nouns ("the statement") and descriptions
  ("the Azerbaijani presidential press office", a bare "the government" of the
  state in context) resolve to an entity by type-aware, recency-ordered rules;
  where nothing resolves no speaker is invented: the sentence stays with the
  account in force or the outlet.

What each sentence *does* (assert, deny with a target, omit) is read by
:mod:`ingest.stance` and the cue lists of :mod:`ingest.lexicon`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

import re
from dataclasses import dataclass, replace

from graph.ids import normalise
from ingest.entities import ArticleEntities, Found, Ref
from ingest.events import setting, statement_day
from ingest.frames import Frame, frames_in, lexicon, withholds_speech
from ingest.joint import SharedNoun, conjunct_spans, shared_noun
from ingest.lexicon import (
    AGREEMENT_RE,
    ANONYMOUS_RE,
    ASKER_RE,
    CONFIRM_RE,
    OMISSION_CUE,
    SOURCE_DESCRIPTORS,
    TRAILING_VERBS,
    Cue,
)
from ingest.mentions import TITLE_WORDS, body_of_state, listed_body, seat_body
from ingest.segment import Segmented, Sentence
from ingest.stance import Denial, denial_in
from ingest.stance import words as stance_words

_INFLECTED_VERB = Cue(re.compile(
    r"\b(?:said|says|told|tells|wrote|writes|spoke|stated|stressed|noted|emphasi[sz]ed|"
    r"underlined|underscored|urged|reiterated|described|added|adds|announced|reported|"
    r"claimed|declared|warned|welcomed|expressed|highlighted|pointed out|confirmed|asserted|"
    r"argued|insisted|mentioned|conveyed|thanked|hailed|encouraged|reaffirmed|praised|"
    r"condemned|accused|denied|denies|rejected|rejects|refuted|refutes|dismissed|called on|"
    r"called for|tweeted|posted|informed|clarified|explained|observed|remarked|recalled|"
    r"affirmed|voiced|proposed|suggested|demanded|asked|raised|briefed|acknowledged|agreed|"
    r"replied|responded|answered|countered|commented|alleged|discussed|regretted|critici[sz]ed|"
    r"blamed|believes|stresses|notes|states|reports|urges|emphasi[sz]es|reiterates|"
    r"underlines|expects|expected|assured|invited|drew attention|drew|outlined|presented|"
    r"touched upon|spoke|expressed|underscored|welcomed|called)\b",
    re.IGNORECASE,
))
_INTRO_END = re.compile(
    rf"(?:\bthat|:|\b{TRAILING_VERBS}|\bas follows[:,]?|\breplied|\bsaid)\s*$", re.IGNORECASE
)
# "Azerbaijani MoD: Russian peacekeepers did not help": a headline given to its speaker.
_HEADLINE_LABEL = re.compile(r"([^:“”\"'\n]{2,60}):\s+\S")
_QUOTING_HEADLINE = re.compile(r"([^:“”\"'\n]{2,60}):\s*")
_CITING = re.compile(r",?\s*(?:citing|quoting|referring to)\s+[^,]*,?", re.IGNORECASE)
_HEADER = re.compile(r"\b(?:attributable to|the following|as follows|reads|statement by|"
                     r"readout of|remarks by)\b", re.IGNORECASE)
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_BODY_PRONOUNS = frozenset({"it", "they", "them"})
_DENIAL_VERBS = frozenset({"deny", "reject", "refute", "dismiss", "rebuff", "disavow"})
_PLAIN_SPEECH = frozenset({"say", "tell", "according", "add", "answer", "reply"})
_READOUT_LEMMAS = frozenset({"report", "read", "inform"})
_PRONOUN = re.compile(r"\b(?:He|She|he|she)\b")
_TWEET = re.compile(r"\b(?:tweet|tweeted|on Twitter|on X\b|posted on)", re.IGNORECASE)
_FIRST_PERSON_PLURAL = re.compile(r"\b(?:our|we|us)\b", re.IGNORECASE)
_SPOKES_ROLE = re.compile(
    r"\b(?:press secretary|spokesperson|spokesman|spokeswoman|press officer|press attach[eé]|"
    r"official representative)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"^\s*(?:I|We)\s")
_NAME_REACH = 40  # characters a name may run on past a speaker phrase the tokenizer cut
# What joins a second reporting verb to the first point: ", and", "but also", "while".
_CONNECTOR_END = re.compile(r"[\s,;]*(?:\b(?:and|but|while|also|as well as|and also)\b[\s,]*)*$")


@dataclass
class Statement:
    """One sentence (or clause) of one account."""

    sentence: Sentence
    source: Ref | None
    speaker: Ref | None
    frame: str  # readout | tweet | quote | own_voice | report | commentary
    act: str  # assert | deny | omit | agree | frame
    evidence: tuple[int, int]
    content: tuple[int, int]
    anonymous: bool = False
    denial: Denial | None = None  # a denial's target, as the parse describes it
    denied_owner: Ref | None = None  # whose account it denies, when it says
    said_in: tuple[int, int] | None = None  # the sentence whose frame gives it ("X said on …")
    omitting: Ref | None = None  # for act == "omit": whose account leaves the point out
    joint: tuple[tuple[Ref, Ref | None], ...] = ()  # other (source, speaker)s of the same words


@dataclass
class _Context:
    account: Ref | None = None  # the body whose unquoted account is in force
    account_paragraph: int | None = None  # where that account ends; None: until replaced
    last_framed: tuple[Ref, Ref | None, str, int] | None = None  # source, speaker, kind, para
    introduced: Ref | None = None  # a source whose account a header line opened ("… as follows:")
    nested: tuple[Ref, Ref | None, str, tuple[int | None, int]] | None = None  # inner quotation
    last_source: Ref | None = None
    last_person: Ref | None = None


class Attributor:
    """Attributes every sentence of one article; see the module docstring."""

    def __init__(self, seg: Segmented, doc: Doc, ents: ArticleEntities,
                 publisher: Ref | None) -> None:
        self.seg = seg
        self.doc = doc
        self.text = seg.text
        self.ents = ents
        self.publisher = publisher
        self.ctx = _Context()
        self.quote_frames: dict[int, tuple[Ref | None, Ref | None, str]] = {}
        self.quote_frame_sentence: dict[int, Sentence] = {}
        self._frames: dict[tuple[int, int], list[Frame]] = {}
        self._headline: tuple[Ref | None] | None = None  # see _headline_source
        self._previous: Statement | None = None  # the last sentence's statement, if any
        self._interviewee: tuple[Ref, Ref | None] | None = None  # see _note_interviewee

    def frames(self, sentence: Sentence) -> list[Frame]:
        """The sentence's frames, read off the parse once."""
        key = (sentence.start, sentence.end)
        if key not in self._frames:
            self._frames[key] = frames_in(self.doc, sentence.start, sentence.end)
        return self._frames[key]

    # -- subjects ----------------------------------------------------------

    def _candidates(self, start: int, end: int) -> list[Found]:
        return [f for f in self.ents.in_span(start, end) if not f.demonym]

    def subject_of(self, start: int, end: int) -> Ref | None:
        """The source or person a frame phrase names (rightmost, descriptors last)."""
        phrase = self.text[start:end]
        stripped = _CITING.sub(" ", phrase)
        cut = start + (len(phrase) - len(stripped)) if stripped != phrase else None
        found = [f for f in self._candidates(start, end)
                 if not (cut is not None and _in_citing(phrase, start, f))]
        # "Armenia's defence ministry": the possessor is not the speaker, unless the
        # phrase ends there ("X's statement said" gives the phrase "X").
        found = [f for f in found if f.end >= end or
                 self.text[f.end : f.end + 2] not in ("’s", "'s")]
        sources = [f.ref for f in found if f.ref.category == "source"]
        member = self._member_described(found)
        if member is not None:
            return member
        if sources:
            return sources[-1]
        body = self._body_of_role(phrase)
        if body is not None:
            return body
        people = [f.ref for f in found if f.ref.is_person]
        if people:
            return people[-1]
        others = [f.ref for f in found if f.ref.kind in ("state", "organisation", "armed_forces")]
        if others and phrase.split() and \
                phrase.split()[-1].lower().strip(".,") in lexicon().documents:
            return others[-1]  # "the Kremlin statement": the statement is the Kremlin's
        descriptor = self._descriptor(phrase, start)
        if descriptor is not None:
            return descriptor
        body = self._state_body(start, end) or self._named_before(start, end) \
            or self._witnesses(start, end)
        if body is not None:
            return body
        side = self._side_named(start, end)
        if side is not None:
            return side
        if _PRONOUN.search(phrase) and self.ctx.last_person is not None:
            return self.ctx.last_person
        if _FIRST_PERSON_PLURAL.search(phrase) and self.publisher is not None:
            return self.publisher
        return self._unnamed_officials(start, end) or (others[-1] if others else None)

    def _unnamed_officials(self, start: int, end: int) -> Ref | None:
        """"Azerbaijani officials said", "a senior EU official told reporters": unnamed
        people of one state or union, who give its account. "The official" alone points
        back at a person named before (see ``speaker_ref``), so a singular needs "a"."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not _unnamed_noun(span.root):
            return None
        found = self.ents.in_span(start, end)
        if any(f.ref.is_person for f in found):
            return None
        sides = list(dict.fromkeys(f.ref for f in found
                                   if f.ref.kind in ("state", "organisation")))
        return sides[0] if len(sides) == 1 else None


    def _side_named(self, start: int, end: int) -> Ref | None:
        """"The Armenian side categorically denies …": the state, as readouts say it.
        Inside a quotation, or in the account of a body of that state, it is that
        body speaking of itself, which the account already says."""
        words = self.text[start:end].lower().split()
        if not words or words[-1] not in ("side", "party") or len(words) > 3:
            return None
        states = [f.ref for f in self.ents.in_span(start, end)
                  if f.demonym and f.ref.kind == "state"]
        if len(states) != 1:
            return None
        sentence = next((s for s in self.seg.sentences if s.start <= start < s.end), None)
        account = self.ctx.account
        if sentence is None or sentence.quote is not None or (
                account is not None and states[0].name in (account.country, account.speaks_for)):
            return None
        return states[0]

    def _member_described(self, found: list[Found]) -> Ref | None:
        """"X, the chairman of the parliament's foreign relations committee": a person
        described by a seat in a parliament, a party or an institute speaks for
        themself; such bodies do not speak through their members as a ministry
        speaks through its spokesperson."""
        if not found or not found[0].ref.is_person:
            return None
        person = found[0]
        for f in found[1:]:
            between = self.text[person.end : f.start]
            if f.ref.category == "source" and f.ref.kind in _MEMBERS_SPEAK_FOR_THEMSELVES \
                    and between.lstrip().startswith(",") and not _SPOKES_ROLE.search(between):
                return person.ref
        return None

    def _witnesses(self, start: int, end: int) -> Ref | None:
        """"Residents of Stepanakert reported shelling": people of a named place give an
        account of their own. Without a place ("local residents") nothing tells one group
        from another across articles, so no source is made."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        for noun in span:
            if noun.pos_ != "NOUN" or noun.tag_ != "NNS" \
                    or noun.lemma_.lower() not in lexicon().witness_nouns:
                continue
            places = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
            places += [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if places:
                place = " ".join(t.text for t in places[0].subtree
                                 if t.pos_ == "PROPN" and t.i <= places[0].i)
                return self.ents.new_ref(f"{noun.lower_} of {place}", "source", "public")
        return None

    def _body_of_role(self, phrase: str) -> Ref | None:
        """'the ministry's press secretary X', 'spokesperson of the ministry': the body speaks."""
        role = _SPOKES_ROLE.search(phrase)
        if role is None:
            return None
        before = phrase[: role.start()].rstrip()
        owner = None
        if before.endswith(("'s", "’s")):
            owner = before[:-2]
        else:
            after = re.match(r"\s+(?:of|for|at)\s+(the\s+[\w\s]{0,40})", phrase[role.end() :])
            owner = after.group(1) if after else None
        body = self._descriptor(owner) if owner else None
        return body if body is not None and body.category == "source" else None

    def _descriptor(self, phrase: str, at: int | None = None) -> Ref | None:
        """The source a descriptive phrase ("the ministry", "the department", "the
        agency") stands for; ``at``: where the phrase is, for the bodies named before it."""
        matches = list(SOURCE_DESCRIPTORS.finditer(phrase))
        if not matches:
            return None
        match = matches[-1]
        noun = match.group("noun").lower()
        if noun in ("interlocutor", "expert", "analyst"):
            return self._last_unofficial_person()
        if noun in ("spokesperson", "spokesman", "spokeswoman"):
            return self.ctx.last_person
        if noun == "source" and ANONYMOUS_RE.search(phrase) is None:
            return self.ctx.last_source
        for candidate in (self.ctx.account, self.ctx.last_source, self.publisher):
            if candidate is not None and _compatible(noun, candidate):
                return candidate
        last = self.ctx.last_source
        if noun in ("report", "statement", "readout") and last is not None \
                and _compatible(noun, last):
            return last
        if at is not None and match.group(0).lower().startswith(("the ", "this ", "that ")):
            return self._named_recently(at, noun)
        return None

    def _named_recently(self, at: int, noun: str) -> Ref | None:
        """"According to the department, …" after residents had their say: the last body
        of that kind the text named, in this paragraph or the two before, though others
        spoke in between."""
        here = next((s.paragraph for s in self.seg.sentences if s.start <= at < s.end), None)
        if here is None:
            return None
        for found in reversed([f for f in self.ents.found if f.end <= at]):
            sentence = next((s for s in self.seg.sentences if s.start <= found.start < s.end),
                            None)
            if sentence is None or here - sentence.paragraph > _DESCRIPTOR_REACH:
                return None
            if found.ref.category == "source" and found.ref is not self.publisher \
                    and _compatible(noun, found.ref):
                return found.ref
        return None

    def _named_before(self, start: int, end: int) -> Ref | None:
        """"The Georgian security service claimed": a body named in full earlier on.

        The phrase's words (less articles and the state's adjective) must all be
        words of that body's name, and at least two of them.
        """
        inside = self.ents.in_span(start, end)
        words = {w for w in normalise(self.text[start:end]).split()
                 if w not in ("the", "a", "an", "its", "s")}
        words -= {w for f in inside if f.demonym for w in normalise(f.ref.name).split()}
        words -= {w for f in inside if f.demonym
                  for w in normalise(self.text[f.start : f.end]).split()}
        if len(words) < 2:
            return None
        for found in reversed([f for f in self.ents.found if f.end <= start]):
            ref = found.ref
            if ref.category == "source" and words <= set(normalise(ref.name).split()):
                return ref
        return None

    def _recent_body(self, pos: int, state: str, kinds: set[str]) -> Ref | None:
        """The last body of that state and kind the article named before ``pos``."""
        for found in reversed([f for f in self.ents.found if f.end <= pos]):
            ref = found.ref
            if ref.category == "source" and ref.kind in kinds and state in (
                    ref.country, ref.speaks_for,
                    ref.entry.country if ref.entry is not None else None):
                return ref
        return None

    def _state_body(self, start: int, end: int) -> Ref | None:
        """"The Azerbaijani presidential press office": a body described by its state.

        The listed body that fits the description, else a new source named by
        the phrase (``known: false``) that speaks for the state.
        """
        phrase = self.text[start:end]
        matches = list(SOURCE_DESCRIPTORS.finditer(phrase))
        kinds = _KINDS.get(matches[-1].group("noun").lower(), set()) if matches else set()
        if not kinds or kinds <= {"news_outlet", "news_agency"}:
            return None
        inside = self.ents.in_span(start, end)
        states = [f.ref for f in inside if f.ref.kind == "state"]
        described = phrase
        for f in inside:  # "Pashinyan's press office": the office of the post he holds
            if f.ref.is_person and f.ref.entry is not None and not states:
                state = self.ents.gaz.state_of(f.ref.entry)
                offices = self.ents.gaz.offices_on(f.ref.entry, self.ents.published)
                if state is not None and offices:
                    states = [self.ents.ref_for(state)]
                    described = f"{phrase} {' '.join(o.title for o in offices)}"
        if not states:
            return self._body_in_context(start, phrase)
        # A leader's press service is often listed as the presidency or government.
        near = kinds | {"government"} if "press_service" in kinds else kinds
        name = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.IGNORECASE)
        recent = self._recent_body(start, states[-1].name, near)
        if recent is not None:
            return recent  # "Macron's press service" after "the Elysée Palace said"
        entry = body_of_state(self.ents.gaz, states[-1].name, described, kinds)
        if entry is not None:
            listed = self.ents.ref_for(entry)
            listed.surfaces.add(name)  # how this text calls it, for search and for readers
            return listed
        ref = self.ents.new_ref(name[:1].upper() + name[1:], "source", sorted(kinds)[0])
        ref.speaks_for = ref.speaks_for or ref.name  # an unlisted body: an actor of its own
        ref.country = ref.country or states[-1].name
        ref.surfaces.add(name)
        return ref

    def _body_in_context(self, start: int, phrase: str) -> Ref | None:
        """"The government's press release said": a bare body noun is that body of the
        state the article was just about, when that state has exactly one such body."""
        words = [w for w in normalise(phrase).split() if w not in ("the", "a", "an", "s")]
        if not 1 <= len(words) <= 3:
            return None
        state = self.ents.state_in_context(start)
        entry = listed_body(self.ents.gaz, state, phrase) if state is not None else None
        if entry is None:
            return None
        ref = self.ents.ref_for(entry)
        ref.surfaces.add(re.sub(r"^(?:the|The)\s+", "", phrase.strip()))
        return ref

    def _last_unofficial_person(self) -> Ref | None:
        people = [r for r in self.ents.people_before(len(self.text)) if r.entry is None]
        return people[-1] if people else self.ctx.last_person

    # -- sources -----------------------------------------------------------

    def source_for(self, subject: Ref, within: Ref | None, verb: str | None = None,
                   quoted: bool = False) -> tuple[Ref, Ref | None]:
        """(source, speaker) for a subject speaking inside the account ``within``.

        A person is a speaker inside a body's account when the body issues
        readouts (a ministry, a press service), when a header introduced the
        account ("AzerTAc presented a report as follows:"), or when a news
        agency narrates an official of its own country in a readout's words
        ("the head of state stressed"); someone an agency quotes as saying
        something ("Lavrov said at a press conference") is their own source,
        and so is another state's official a body quotes word for word
        (an ombudsman's statement citing what a foreign president said).
        """
        if subject.category == "source":
            return subject, None
        if subject.is_person:
            body = self._body_of_spokesperson(subject)
            if body is not None:
                return body, subject
            if within is not None and subject.entry is not None and (
                    within.issues_readouts or within is self.ctx.introduced
                    or self._agency_readout(within, subject, verb)) \
                    and not (quoted and self._foreign(subject, within)):
                return within, subject
            return self._person_source(subject), subject
        # A state or organisation speaking: it is its own source.
        return self._state_source(subject), None

    def _headline_source(self) -> Ref | None:
        """The body a headline of the form "Name: what it said" gives the story to."""
        if self._headline is None:
            self._headline = (None,)
            for sentence in self.seg.sentences:
                if sentence.paragraph > 2:
                    break
                if sentence.kind != "heading":
                    continue
                label = _HEADLINE_LABEL.match(self.text, sentence.start, sentence.end)
                subject = self.subject_of(sentence.start, label.end(1)) if label else None
                if subject is not None and subject.category == "source":
                    self._headline = (self.source_for(subject, None)[0],)
                break
        return self._headline[0]

    def _foreign(self, person: Ref, body: Ref) -> bool:
        """The person serves another state than the body does."""
        state = self.ents.gaz.state_of(person.entry) if person.entry is not None else None
        home = body.country or body.speaks_for
        return state is not None and home is not None and state.name != home

    def _agency_readout(self, within: Ref, person: Ref, verb: str | None) -> bool:
        if within.kind != "news_agency" or verb in _PLAIN_SPEECH or within.country is None:
            return False
        state = self.ents.gaz.state_of(person.entry) if person.entry is not None else None
        return state is not None and state.name == within.country

    def _body_of_spokesperson(self, person: Ref) -> Ref | None:
        if person.entry is None:
            return self._titled_spokesperson(person)
        for office in self.ents.gaz.offices_on(person.entry, self.ents.published):
            if not _SPOKES_ROLE.search(office.title):
                continue  # a minister speaks for themself; a spokesperson for the body
            body = self.ents.gaz.get(office.of)
            if body is not None and body.category == "source":
                return self.ents.ref_for(body)
        return None

    def _titled_spokesperson(self, person: Ref) -> Ref | None:
        """"Ukraine's Foreign Ministry spokesperson Oleh Nikolenko": someone the list lacks,
        introduced by the article as a body's spokesperson, speaks for that body."""
        for named in self.ents.found:
            if named.ref is not person:
                continue
            before = self.text[max(0, named.start - 80) : named.start]
            role = list(_SPOKES_ROLE.finditer(before))
            if not role or before[role[-1].end() :].strip(" ,"):
                continue  # the title must run straight into the name
            start = named.start - len(before) + role[-1].start()
            bodies = [f.ref for f in self.ents.in_span(named.start - len(before), start)
                      if f.ref.category == "source" and not f.demonym
                      and self.text[f.end : start].strip(" ’'s") == ""]
            if bodies:
                return bodies[-1]
        return None

    def _person_source(self, person: Ref) -> Ref:
        kind = "official" if person.entry is not None and person.entry.offices else "expert"
        ref = self.ents.new_ref(person.name, "source", kind)
        ref.surfaces |= person.surfaces
        ref.speaks_for = person.name
        return ref

    def _state_source(self, actor: Ref) -> Ref:
        kind = "state" if actor.kind == "state" else actor.kind
        ref = self.ents.new_ref(actor.name, "source", kind)
        ref.surfaces |= actor.surfaces
        ref.speaks_for = actor.name
        return ref

    # -- frames ------------------------------------------------------------

    def find_quote_frames(self) -> None:
        """Find the sentence introducing or following each quotation."""
        outside = [s for s in self.seg.sentences if s.quote is None]
        for index, quote in enumerate(self.seg.quotes):
            if quote.outer is not None:
                self._find_nested_frame(index)
                continue
            intro = [s for s in outside if s.end <= quote.start and quote.start - s.end <= 3
                     and _introduces(self.text[s.start : s.end])]
            outro = [s for s in outside if 0 <= s.start - quote.end <= 3
                     and s.paragraph == quote.paragraphs[-1]]
            frame_sentence = intro[-1] if intro else (outro[0] if outro else None)
            if frame_sentence is None:
                continue
            self.quote_frame_sentence[index] = frame_sentence
            relaxed = frame_sentence not in outro and not _INTRO_END.search(
                self.text[frame_sentence.start : frame_sentence.end])
            if not relaxed and self._frame_only(frame_sentence):
                frame_sentence.kind = "frame"

    def _find_nested_frame(self, index: int) -> None:
        """'… the president said: “…”' inside a quotation: the clause before the colon."""
        quote = self.seg.quotes[index]
        intro = [s for s in self.seg.sentences if s.quote == quote.outer
                 and s.end <= quote.start and quote.start - s.end <= 3]
        if intro:
            self.quote_frame_sentence[index] = intro[-1]
            if self._frame_only(intro[-1]):
                intro[-1].kind = "frame"

    def _resolve_quote(self, index: int) -> None:
        """Resolve a quotation's frame when the reading reaches it, in its context."""
        self.quote_frames[index] = (None, None, "own_voice")
        frame_sentence = self.quote_frame_sentence.get(index)
        if frame_sentence is None:
            self._continue_quote(index)
            return
        found = self._main_frame(frame_sentence)
        subject = found[1] if found is not None else self._only_person_in(frame_sentence)
        if subject is None:
            return
        outer = self.seg.quotes[index].outer
        within = self.quote_frames[outer][0] if outer is not None and outer in self.quote_frames \
            else self._container(frame_sentence, None)
        source, speaker = self.source_for(subject, within,
                                          found[0].lemma if found else None, quoted=True)
        if speaker is None and found is not None:
            speaker = self._person_in(found[0])  # "spokesman X told reporters: “…”"
        text = self.text[frame_sentence.start : frame_sentence.end]
        kind = "tweet" if _TWEET.search(text) else _frame_kind(source, self.publisher)
        if text.rstrip().endswith(":") and subject.category == "source":
            # "X presented a report as follows:", "X issued a statement, which reads:";
            # a headline "Name: “…”" quotes one person and opens no account.
            self.ctx.introduced = self.ctx.account = source
            self.ctx.account_paragraph = None
        elif source is not self.publisher and source is self._headline_source():
            # "Azerbaijani MoD: …" over copy that quotes the ministry, then goes on in
            # plain paragraphs: an agency relaying a statement whole; they are its.
            self.ctx.account = source
            self.ctx.account_paragraph = None
        if not self._quotes_a_document(frame_sentence, index):
            kind = self._statement_or_readout(kind, source)
        self.quote_frames[index] = (source, speaker, kind)
        self.ctx.last_framed = (source, speaker, kind, frame_sentence.paragraph)
        self._note(source, speaker)

    def _quotes_a_document(self, frame_sentence: Sentence, index: int) -> bool:
        """'A report attributable to X added that “…”' with several sentences: a readout quoted."""
        frames = self.frames(frame_sentence)
        sentences = sum(1 for s in self.seg.sentences if s.quote == index)
        return bool(frames) and frames[0].document and sentences >= 2

    def _continue_quote(self, index: int) -> None:
        """A quotation with no frame of its own goes on with the last quoted speaker.

        News copy quotes one speaker in several quotations, framing only the
        first: '"…," the statement read. "…"' or a new paragraph that opens with
        a quote mark after '… the ministry said that "…"'. Only the same or the
        next paragraph counts; further away, no speaker is assumed.
        """
        last = self.ctx.last_framed
        first_paragraph = self.seg.quotes[index].paragraphs[0]
        if last is None or not 0 <= first_paragraph - last[3] <= 1:
            last = self._statement_published_before(index)
        if last is not None and 0 <= first_paragraph - last[3] <= 1:
            self.quote_frames[index] = last[:3]
            # A quotation running over several paragraphs goes on paragraph by paragraph.
            self.ctx.last_framed = (*last[:3], self.seg.quotes[index].paragraphs[-1])

    def _statement_published_before(
            self, index: int) -> tuple[Ref, Ref | None, str, int] | None:
        """"The ministry has issued a statement on X." followed by quotations with no
        frame (often as a bulleted list): excerpts of the statement, the issuer's."""
        quote = self.seg.quotes[index]
        before = [s for s in self.seg.sentences if s.quote is None and s.end <= quote.start]
        if not before:
            return None
        found = self._main_frame(before[-1])
        if found is None or not found[0].publishing or found[1].category != "source":
            return None
        source, speaker = self.source_for(found[1], None, found[0].lemma, quoted=True)
        if source is self.publisher:
            return None
        return source, speaker, "statement", before[-1].paragraph

    def _only_person_in(self, sentence: Sentence) -> Ref | None:
        """A quotation's frame with no reporting verb ("X turned to analyst Y for comment:"):
        the one person the sentence names is the best guess, as readers take it."""
        people = [f.ref for f in self._candidates(sentence.start, sentence.end)
                  if f.ref.is_person]
        return people[-1] if len(set(map(id, people))) == 1 else None

    def _frame_only(self, sentence: Sentence) -> bool:
        """A sentence that only says who speaks ("the ministry said:") is no point itself."""
        frames = self.frames(sentence)
        if not frames:
            return True
        if self.text[frames[0].verb[1] : sentence.end].strip() == ":":
            return True  # "Yesterday, the president said:" introduces and says nothing
        content = frames[0].content
        if content is None or content == (sentence.start, sentence.end):
            return True
        return len(self.text[content[0] : content[1]].split()) < 3

    # -- sentences ---------------------------------------------------------

    def attribute(self) -> list[Statement]:
        self.find_quote_frames()
        out = []
        for sentence in self.seg.sentences:
            if sentence.kind == "heading":
                self.ctx.account = None
            if sentence.quote is not None and sentence.quote not in self.quote_frames:
                self._resolve_quote(sentence.quote)
            if sentence.kind == "frame":
                out.extend(self._added_to_quote(sentence))
            statement = self._sentence(sentence)
            self._previous = statement
            self._note_interviewee(sentence, statement)
            if statement is not None:
                given = [statement, *self._coordinated(sentence, statement)]
                out.extend(given)
                out.extend(_jointly(given, statement))
                out.extend(self._accounts_named(sentence, statement))
        return out

    def _added_to_quote(self, sentence: Sentence) -> list[Statement]:
        """'“…,” the ministry said, adding that Z': the frame of a quotation says no point
        itself, but a reporting verb it carries on with ("adding", "and noted") does: Z is
        the quotation's source's point too."""
        index = next((i for i, s in self.quote_frame_sentence.items() if s is sentence), None)
        if index is None:
            return []
        if index not in self.quote_frames:  # a frame before its quotation
            self._resolve_quote(index)
        source, speaker, kind = self.quote_frames[index]
        if source is None:
            return []
        out = []
        for parsed in self.frames(sentence)[1:]:
            content = parsed.content
            if parsed.via != "inherited" or content is None or parsed.pronoun is not None \
                    or len(self.text[content[0] : content[1]].split()) < 4:
                continue
            act, denial = self._act(sentence, self.text[content[0] : content[1]], content)
            out.append(Statement(sentence, source, speaker, kind, act, content, content,
                                 False, denial,
                                 self._denied_owner(denial) if denial is not None else None))
        return out

    def _accounts_named(self, sentence: Sentence, main: Statement) -> list[Statement]:
        """"X referred to Aliyev's statement that Z": Z is Aliyev's point, as the
        sentence reports it, whoever the sentence itself is given to.

        An account noun with its owner (a possessor, "of Y" or "by Y") and a
        that-clause names someone else's point. A denial of it already makes the
        owner assert what is denied (see ``ingest.reconcile``), and a source's
        own account restated is its main point: neither gives a second one.
        """
        if main.act == "deny" or sentence.quote is not None:
            return []
        span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            return []
        out = []
        for noun in span:
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in stance_words().account_nouns:
                continue
            clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp")
                           and any(m.dep_ == "mark" and m.lower_ == "that"
                                   for m in c.children)), None)
            owner = _owner_phrase(noun)
            if clause is None or owner is None:
                continue
            named = self.subject_of(*owner)
            if named is None or (named.category == "actor" and not named.is_person):
                continue
            source, speaker = self.source_for(named, None)
            if source is main.source:
                continue
            first = next(t for t in clause.subtree if not (t.dep_ == "mark" or t.is_punct))
            last = clause.right_edge
            content = (first.idx, last.idx + len(last))
            evidence = (min(owner[0], noun.idx), content[1])
            frame = self._statement_or_readout(_frame_kind(source, self.publisher), source)
            out.append(Statement(sentence, source, speaker or (named if named.is_person else None),
                                 frame, "assert", evidence, content))
        return out

    def _coordinated(self, sentence: Sentence, main: Statement) -> list[Statement]:
        """'X confirmed that A, but added that B': one point per reporting verb.

        A frame whose speaker the parse carries over from the main frame's
        verb (a conjoined or adverbial reporting verb) gives its own point, with
        the same source and speaker; the main point stops where it begins.
        """
        frames = self.frames(sentence)
        if main.content == (sentence.start, sentence.end) or not frames:
            return []  # a sentence in an account's own voice is one point, as given
        out: list[Statement] = []
        for parsed in frames[1:]:
            content = parsed.content
            if parsed.via != "inherited" or content is None or parsed.pronoun is not None \
                    or any(content == o.content for o in out):
                continue
            first, last = main.content
            if first < parsed.verb[0] and content[1] <= last:
                # "… that A, and stressed that B": A ends where the second verb's clause begins
                cut = _CONNECTOR_END.sub("", self.text[first : parsed.verb[0]])
                if len(cut.split()) < 4:
                    continue
                main.content = (first, first + len(cut))
            elif not (last <= content[0] or content[1] <= first):
                continue
            out.append(self._clause(sentence, main, content))
        for statement in [main, *out]:
            out.extend(self._split_conjoined(sentence, statement))
        return out

    def _clause(self, sentence: Sentence, main: Statement, content: tuple[int, int]) -> Statement:
        """A second point of the main statement's source, at ``content``."""
        act, denial = self._act(sentence, self.text[content[0] : content[1]], content)
        return Statement(sentence, main.source, main.speaker, main.frame, act, main.evidence,
                         content, main.anonymous, denial,
                         self._denied_owner(denial) if denial is not None else None,
                         main.said_in)

    def _split_conjoined(self, sentence: Sentence, statement: Statement) -> list[Statement]:
        """"A happened, and B will follow": two clauses with subjects of their own, two points.

        The statement keeps the first clause; the second becomes a point of the
        same source. Each part must be a clause of a few words.
        """
        start, end = statement.content
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return []
        for token in span:
            if token.dep_ != "conj" or token.pos_ not in ("VERB", "AUX") \
                    or token.head.i < span.start or not any(
                        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children):
                continue
            second = max(start, token.left_edge.idx)
            first = _CONNECTOR_END.sub("", self.text[start:second])
            if len(first.split()) < 4 or len(self.text[second:end].split()) < 4:
                continue
            statement.content = (start, start + len(first))
            return [self._clause(sentence, statement, (second, end))]
        return []

    def _sentence(self, sentence: Sentence) -> Statement | None:
        if sentence.kind == "heading" and sentence.quote is not None:
            headline = self._headline_quote(sentence)
            if headline is not None:
                return headline
        if sentence.kind in ("heading", "navigation", "frame"):
            self._note_people(sentence)
            return None
        start, end = sentence.start, sentence.end
        text = self.text[start:end]
        if sentence.quote is None and self._account_header(sentence):
            return None
        source, speaker, frame = self._base_account(sentence)
        nested = self.ctx.nested
        if nested is not None and nested[3] == (sentence.quote, sentence.paragraph):
            source, speaker, frame = nested[:3]
        content = evidence = (start, end)
        anonymous = bool(ANONYMOUS_RE.search(text))
        joint: tuple[tuple[Ref, Ref | None], ...] = ()
        found = self._main_frame(sentence)
        appended = self._appended_speaker(sentence) if found is None and sentence.quote is None \
            else None
        if found is None and appended is None and sentence.quote is None \
                and self.publisher is not None and self._says_what_was_not_said(sentence):
            # "At the same time, the Kremlin did not confirm that …": the outlet's words
            source, speaker = self.publisher, None
            frame = _frame_kind(self.publisher, self.publisher)
        if appended is not None:
            person, content = appended
            source, speaker = self.source_for(person, self._container(sentence, source), None)
            frame = self._statement_or_readout(_frame_kind(source, self.publisher), source)
            speaker = speaker or person
            self.ctx.last_framed = (source, speaker, frame, sentence.paragraph)
        if found is not None:
            parsed, subject = found
            speakers = self._joint_speakers(parsed) if sentence.quote is None else []
            if speakers and subject not in speakers:
                subject = speakers[0]  # "the ministers of A and B": A's, not the state B
            anonymous = anonymous or self._by_unnamed(parsed)
            within = self._according_body(sentence, subject) or self._lingering(sentence, subject) \
                or (None if self._own_occasion(sentence, subject) else
                    self._container(sentence, source))
            inner, inner_speaker = self.source_for(subject, within, parsed.lemma)
            joint = self._joint_sources(speakers, parsed, subject, within, inner)
            if inner is not source:
                frame = "tweet" if _TWEET.search(text) else _frame_kind(inner, self.publisher)
            source, speaker = inner, inner_speaker or self._person_in(parsed)
            if sentence.quote is None and not joint:  # no one body's account goes on
                self._open_account(subject, inner, parsed, sentence)
            frame = self._statement_or_readout(frame, inner)
            if sentence.quote is None and inner is not self.publisher:
                self.ctx.last_framed = (inner, inner_speaker, frame, sentence.paragraph)
            if sentence.quote is not None and text.rstrip().endswith(":"):
                # A quotation inside a quotation: 'X's statement reads: "… Y said: "…""'.
                quoted, quoted_speaker = self.source_for(subject, within, parsed.lemma,
                                                         quoted=True)
                if quoted is not source:
                    frame = _frame_kind(quoted, self.publisher)
                self.ctx.nested = (quoted, quoted_speaker or speaker, frame,
                                   (sentence.quote, sentence.paragraph))
            if parsed.content is not None:
                content = self._less_according(sentence, parsed.content)
                if parsed.trailing or parsed.via == "inverted":
                    evidence = content
        self._note(source, speaker)
        if source is None:
            return None
        act, denial = self._act(sentence, text)
        if act == "deny" and self._someone_else_denies(sentence, found[0] if found else None):
            act, denial = "assert", None  # "X said that the authorities deny Y": X asserts it
        owner = self._denied_owner(denial) if denial is not None else None
        return Statement(sentence, source, speaker, frame, act,
                         evidence, content, anonymous, denial, owner,
                         self._said_in(sentence, found is not None or appended is not None),
                         self._omitting(sentence) if act == "omit" else None, joint)

    def _by_unnamed(self, parsed: Frame) -> bool:
        """Whether the frame's speaker is unnamed officials ("Russian diplomats said")."""
        if parsed.speaker is None or parsed.pronoun is not None:
            return False
        span = self.doc.char_span(*parsed.speaker, alignment_mode="expand")
        return span is not None and len(span) > 0 and _unnamed_noun(span.root)

    def _joint_sources(self, speakers: list[Ref], parsed: Frame, subject: Ref,
                       within: Ref | None, source: Ref) -> tuple[tuple[Ref, Ref | None], ...]:
        """The (source, speaker) of each other speaker of a joint frame; inside a body's
        readout ("the two leaders stressed") they are all the body, so none is another."""
        out: dict[str, tuple[Ref, Ref | None]] = {}
        for other in speakers:
            if other is subject:
                continue
            pair = self.source_for(other, within, parsed.lemma)
            if pair[0] is not source:
                out.setdefault(pair[0].id, (pair[0], pair[1] or (other if other.is_person
                                                                else None)))
        return tuple(out.values())

    def _omitting(self, sentence: Sentence) -> Ref | None:
        """Whose account a stated omission is about: the owner of the account noun
        ("the Azerbaijani Foreign Ministry's statement", "the readout of the Kremlin"),
        else the state its adjective names ("the Azerbaijani readout": Azerbaijan)."""
        span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            return None
        accounts = [n for n in span if n.pos_ in ("NOUN", "PROPN")
                    and n.lemma_.lower() in stance_words().account_nouns
                    and not (n.lemma_.lower() == "release"  # "the release of detainees"
                             and not any(c.lower_ == "press" for c in n.children))]
        # The account is the subject ("the readout did not mention") or where the point
        # is missing from ("no mention of X in the statement"), before any other.
        accounts.sort(key=lambda n: 0 if n.dep_ in ("nsubj", "nsubjpass") else
                      1 if n.dep_ == "pobj" and n.head.lower_ in ("in", "from") else 2)
        for noun in accounts:
            owner = _owner_phrase(noun)
            named = self.subject_of(*owner) if owner is not None \
                and self.ents.in_span(*owner) else None  # "the readout of the call": no owner
            if named is None:
                states = [f.ref for f in self.ents.in_span(noun.left_edge.idx, noun.idx)
                          if f.demonym and f.ref.kind == "state"]
                named = states[-1] if states else None
            if named is not None:
                return self.source_for(named, None)[0]
        return None

    def _less_according(self, sentence: Sentence, content: tuple[int, int]) -> tuple[int, int]:
        """"Putin thanked Aliyev …, as the Kremlin reported": a narrated act's content is
        its whole sentence; the "according to" / "as … reported" phrase is who vouches
        for it, not part of the point."""
        if content != (sentence.start, sentence.end):
            return content
        vouching = [f.content for f in self.frames(sentence)
                    if f.via == "according" and f.content is not None]
        return next((c for c in vouching if c != content), content)

    def _headline_quote(self, sentence: Sentence) -> Statement | None:
        """'Name: “what they said”': a headline (a fact-check's title, say) that gives a
        speaker's words in quotation marks is that speaker's claim; other headlines are not."""
        quote = self.seg.quotes[sentence.quote] if sentence.quote is not None else None
        para = self.seg.paragraphs[sentence.paragraph]
        if quote is None or quote.start < para.start or quote.end < para.end - 1:
            return None
        label = _QUOTING_HEADLINE.fullmatch(self.text, para.start, quote.start)
        if label is None or len(self.text[quote.inner_start : quote.inner_end].split()) < 3:
            return None
        subject = self.subject_of(para.start, label.end(1))
        if subject is None or not (subject.is_person or subject.category == "source"):
            return None
        source, speaker = self.source_for(subject, None)
        act, denial = self._act(sentence, self.text[sentence.start : sentence.end])
        return Statement(sentence, source, speaker, "quote", act, (para.start, quote.end),
                         (sentence.start, sentence.end), denial=denial,
                         said_in=(para.start, para.end))

    def _said_in(self, sentence: Sentence, framed: bool) -> tuple[int, int] | None:
        """The sentence whose frame says who gave this point (and maybe when)."""
        if framed:
            return sentence.start, sentence.end
        framing = self.quote_frame_sentence.get(sentence.quote) if sentence.quote is not None \
            else None
        return (framing.start, framing.end) if framing is not None else None

    def _denied_owner(self, denial: Denial) -> Ref | None:
        """The source whose account a denial names ("accusations by the ministry")."""
        if denial.owner is None:
            return None
        subject = self.subject_of(*denial.owner)
        if subject is None:  # "the Azerbaijani claims": whoever speaks for Azerbaijan
            states = [f.ref for f in self.ents.in_span(*denial.owner)
                      if f.demonym and f.ref.kind == "state"]
            subject = states[-1] if states else None
        return self.source_for(subject, None)[0] if subject is not None else None

    def _main_frame(self, sentence: Sentence) -> tuple[Frame, Ref] | None:
        """The least deeply nested frame of the sentence whose speaker resolves."""
        if sentence.quote is not None and _FIRST_PERSON.match(self.text[sentence.start:]):
            return None  # "I note that ...": the quoted speaker, already the quotation's source
        resolved = []
        for parsed in self.frames(sentence):
            if sentence.quote is not None and (parsed.pronoun is not None
                                               or self._first_person(parsed)):
                continue  # "They said they want a truce", "we reiterate …" inside a
                # quotation: still the quoted speaker
            subject = self.speaker_ref(parsed)
            if subject is not None:
                resolved.append((parsed, subject))
        # '"…," said the ministry, APA reports': the outlet's tag on its own copy
        # names no speaker when the sentence names another one.
        others = [pair for pair in resolved if pair[1] is not self.publisher]
        if others and len(others) < len(resolved):
            return others[0]
        if resolved:
            return resolved[0]
        for parsed in self.frames(sentence):  # "the Armenian and Azerbaijani ministries said"
            joint = self._joint_speakers(parsed) if sentence.quote is None else []
            if joint:
                return parsed, joint[0]
        return None

    def _first_person(self, parsed: Frame) -> bool:
        return parsed.speaker is not None and \
            self.text[slice(*parsed.speaker)].strip().lower() in ("i", "we")

    # -- joint accounts ---------------------------------------------------------

    def _joint_speakers(self, parsed: Frame) -> list[Ref]:
        """Each speaker of a frame whose speaker phrase is a coordination (see
        :mod:`ingest.joint`), when at least two resolve to different ones; else []."""
        if parsed.speaker is None or parsed.pronoun is not None:
            return []
        start, end = parsed.speaker
        spans = conjunct_spans(self.doc, start, end)
        refs: list[Ref | None]
        if spans:
            refs = [self.subject_of(*span) for span in spans]
        else:
            shared = shared_noun(self.doc, start, end)
            refs = [] if shared is None else [self._counterpart(shared, m)
                                              for m in shared.modifiers]
        found = list(dict.fromkeys(r for r in refs if r is not None))
        return found if len(found) >= 2 else []

    def _counterpart(self, shared: SharedNoun, words: tuple[int, int]) -> Ref | None:
        """The body or office-holder one state's words give the shared noun: "Armenian" with
        "foreign ministry" is Armenia's foreign ministry; "Azerbaijan" with "foreign
        minister", whoever held that office on the article's day."""
        states = [f.ref for f in self.ents.in_span(*words) if f.ref.kind == "state"]
        if len(states) != 1:
            return None
        phrase = shared.phrase(self.text[slice(*words)])
        bodies = [m.entry for m in self.ents.gaz.mentions(phrase)
                  if m.start == 0 and m.end == len(phrase) and m.entry.category == "source"]
        if bodies:
            return self.ents.ref_for(bodies[0])
        holders = self.ents.gaz.holders(shared.noun, states[0].name, self.ents.published)
        if len(holders) == 1:
            return self.ents.ref_for(holders[0])
        # "Armenian and Azerbaijani officials": each state, unnamed
        return states[0] if shared.noun.split()[-1] in lexicon().official_nouns else None

    def _says_what_was_not_said(self, sentence: Sentence) -> bool:
        """The sentence's main verb is a negated verb of saying with a subject of its own."""
        span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        silent = withholds_speech(root) or (root.lemma_.lower() in lexicon().reporting and any(
            c.dep_ == "neg" for c in root.children))
        return silent and any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)

    def _appended_speaker(self, sentence: Sentence) -> tuple[Ref, tuple[int, int]] | None:
        """"Tbilisi welcomes the talks, Georgian Foreign Minister X.": agency copy that
        names the speaker after a comma, with no verb of saying.

        The sentence must end in a person's name (titles before it allowed) that is
        not one more item of a list nor the name of a person the clause mentions
        ("met the commissioner, B"); the part after the last comma must have no
        verb, and the part before it must be a clause.
        """
        text = self.text[sentence.start : sentence.end]
        comma = text.rfind(", ")
        if comma < 0 or not text.rstrip().endswith("."):
            return None
        tail_start = sentence.start + comma + 2
        tail_end = sentence.start + len(text.rstrip().rstrip("."))
        people = [f for f in self._candidates(tail_start, tail_end) if f.ref.is_person]
        if not people or people[-1].end != tail_end:
            return None
        tail = self.doc.char_span(tail_start, tail_end, alignment_mode="expand")
        head = self.doc.char_span(sentence.start, sentence.start + comma,
                                  alignment_mode="expand")
        if tail is None or head is None or any(t.pos_ in ("VERB", "AUX") for t in tail) \
                or not any(t.pos_ in ("VERB", "AUX") for t in head):
            return None
        name = tail.root
        if name.dep_ == "conj" or (name.dep_ == "appos" and _person_word(name.head)):
            return None  # "… met A and the commissioner, B.": B is met, not speaking
        return people[-1].ref, (sentence.start, sentence.start + comma)

    def _own_occasion(self, sentence: Sentence, subject: Ref) -> bool:
        """"X said at a press conference on Monday": a person speaking on an occasion of
        their own is not speaking inside the account in force."""
        if sentence.quote is not None or not subject.is_person:
            return False
        last = self.ctx.last_framed
        if last is not None and last[3] == sentence.paragraph and last[0].name == subject.name:
            return True  # still on that occasion: "According to the Prime Minister, …"
        return setting(self.text, sentence.start, sentence.end) != "statement" or \
            statement_day(self.doc, self.ents, sentence.start, sentence.end) is not None

    def _lingering(self, sentence: Sentence, subject: Ref) -> Ref | None:
        """A body's readout relayed over paragraphs: "The presidential press office said
        that …" and, next paragraph, "Aliyev stated that …" is still the office's account.

        Only the body's own state's office-holders carry it on, one paragraph at a time;
        anyone else, or a paragraph in the outlet's voice, ends it.
        """
        account, until = self.ctx.account, self.ctx.account_paragraph
        if sentence.quote is not None or account is None or until is None \
                or sentence.paragraph - until != 1 or not account.issues_readouts \
                or not subject.is_person or subject.entry is None:
            return None
        state = self.ents.gaz.state_of(subject.entry)
        home = account.country or account.speaks_for
        if state is None or state.name != home \
                or not self.ents.gaz.offices_on(subject.entry, self.ents.published):
            return None
        self.ctx.account_paragraph = sentence.paragraph
        return account

    def _according_body(self, sentence: Sentence, subject: Ref) -> Ref | None:
        """"According to the ministry, the minister stressed …": the body's account."""
        if not subject.is_person:
            return None
        for parsed in self.frames(sentence):
            if parsed.via == "according" and parsed.speaker is not None:
                body = self.speaker_ref(parsed) or self._body_of_his_state(parsed.speaker, subject)
                if body is not None and body.category == "source" and body.issues_readouts:
                    return body
        return None

    def _body_of_his_state(self, span: tuple[int, int], person: Ref) -> Ref | None:
        """"According to the MFA, Minister X …": the ministry of X's state."""
        state = self.ents.gaz.state_of(person.entry) if person.entry is not None else None
        entry = listed_body(self.ents.gaz, state, self.text[span[0] : span[1]]) \
            if state is not None else None
        return self.ents.ref_for(entry) if entry is not None else None

    def _person_in(self, parsed: Frame) -> Ref | None:
        """"State Department spokesperson Matthew Miller said": the body speaks through him."""
        if parsed.speaker is None:
            return None
        people = [f.ref for f in self._candidates(*parsed.speaker) if f.ref.is_person
                  and self.text[f.end : f.end + 2] not in ("’s", "'s")]  # "Macron's press service"
        return people[-1] if people else None

    def speaker_ref(self, parsed: Frame) -> Ref | None:
        """Who the frame's speaker phrase names: a pronoun, an account noun or a name."""
        if parsed.speaker is None:
            return None
        bound = self._bound_pronoun(parsed)
        if bound is not None:
            return bound
        if parsed.pronoun in _PERSON_PRONOUNS:
            return self.ctx.last_person or self._last_person_named(parsed.speaker[0])
        if parsed.pronoun in _BODY_PRONOUNS:
            return self._last_body_framed(parsed.speaker[0]) or self.ctx.account \
                or self.ctx.last_source
        named = self.subject_of(*self._widened(parsed.speaker))
        if named is None and self._person_noun(parsed.speaker):
            # "the politician added": the person last speaking, as with "he"; "the Turkish
            # minister": the last person of Turkey named, though another spoke since.
            return self._last_person_of(parsed.speaker) or self.ctx.last_person \
                or self._last_person_named(parsed.speaker[0])
        if named is not None and named.kind == "state":
            phrase = self.text[slice(*parsed.speaker)]
            if parsed.document:  # "the Kremlin statement": the seat is what owns it
                phrase = phrase.rsplit(maxsplit=1)[0] if len(phrase.split()) > 1 else phrase
            seat = seat_body(self.ents.gaz, named.name, phrase)
            if seat is None:
                return named
            body = self.ents.ref_for(seat)
            body.surfaces.add(re.sub(r"^(?:the|The)\s+", "", phrase))  # as this text calls it
            return body
        return named

    def _bound_pronoun(self, parsed: Frame) -> Ref | None:
        """"Caliber.az released what it called footage", "the ministry said it had warned
        …": a pronoun in a clause below another verb is that verb's subject, when it is
        named and of the pronoun's kind (a person for "he", a body for "it"), not
        whoever spoke in an earlier sentence."""
        if parsed.pronoun is None or parsed.depth <= 0 or parsed.speaker is None:
            return None
        pronoun = self.doc.char_span(*parsed.speaker, alignment_mode="expand")
        if pronoun is None or not len(pronoun):
            return None
        for verb in pronoun.root.head.ancestors:
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None:
                continue
            if subject.pos_ == "PRON":
                return None
            named = self.subject_of(subject.left_edge.idx,
                                    subject.right_edge.idx + len(subject.right_edge))
            if named is None or named.is_person != (parsed.pronoun in _PERSON_PRONOUNS):
                return None
            return named
        return None

    def _last_body_framed(self, pos: int) -> Ref | None:
        """'“…,” said the statement of the office. It added that …': "it" is the body whose
        words were reported last, in this paragraph or the one before, even when another
        body's account was opened earlier."""
        last = self.ctx.last_framed
        if last is None or last[0].is_person or last[0] is self.publisher:
            return None
        paragraph = next((s.paragraph for s in self.seg.sentences if s.start <= pos < s.end),
                         None)
        return last[0] if paragraph is not None and 0 <= paragraph - last[3] <= 1 else None

    def _widened(self, span: tuple[int, int]) -> tuple[int, int]:
        """A speaker phrase out to the names it cuts ("Censor" of "Censor.NET", "Kremlin"
        of "the Kremlin")."""
        start, end = span
        for f in self.ents.in_span(start, end + _NAME_REACH):  # mentions that start inside
            if f.start < end < f.end:
                end = f.end
        for f in self.ents.in_span(max(0, start - 4), end):  # "the" before the name
            if f.start < start < f.end and self.text[f.start:start].strip().lower() == "the":
                start = f.start
        return start, end

    def _person_noun(self, span: tuple[int, int]) -> bool:
        """"the politician", "the diplomat": a definite person noun and nothing else."""
        words = self.text[span[0] : span[1]].lower().split()
        return 2 <= len(words) <= 3 and words[0] in ("the", "this") \
            and words[-1] in lexicon().person_nouns

    def _last_person_of(self, span: tuple[int, int]) -> Ref | None:
        """For a person noun with a demonym ("the Turkish minister"), the last person of
        that state named before it."""
        states = {f.ref.name for f in self.ents.in_span(*span) if f.demonym}
        if not states:
            return None
        people = [p for p in self.ents.people_before(span[0])
                  if p.country in states or (p.entry is not None and (
                      state := self.ents.gaz.state_of(p.entry)) is not None
                      and state.name in states)]
        return people[-1] if people else None

    def _last_person_named(self, pos: int) -> Ref | None:
        people = self.ents.people_before(pos)
        return people[-1] if people else None

    def _statement_or_readout(self, kind: str, source: Ref) -> str:
        """A body's point quoted in a news story is a statement, not its full readout.

        Only a readout (the body's own publication, an account a header
        introduced, a running "X reports") is complete enough that what it
        lacks counts as omitted; see ``ingest.matching.full_accounts``.
        """
        if kind != "readout":
            return kind
        carried = source is self.publisher or source is self.ctx.introduced or (
            source is self.ctx.account and self.ctx.account_paragraph is None)
        return "readout" if carried else "statement"

    def _readout_verb(self, parsed: Frame) -> bool:
        """'president.az reports', 'the statement reads': an agency's running readout."""
        token = self.doc.char_span(*parsed.verb, alignment_mode="expand")
        return token is not None and parsed.lemma in _READOUT_LEMMAS \
            and token[0].tag_ in ("VBZ", "VBP", "NNS")

    def _open_account(self, subject: Ref, source: Ref, parsed: Frame, sentence: Sentence) -> None:
        """A body's frame opens its account: for its paragraph, or until another takes over.

        A running readout ("X reports", "the statement reads"), a frame that
        introduces what follows ("X issued a statement, which reads:"), or an
        article with no outlet voice to return to carries the account across
        paragraphs; "X said that ..." in an outlet's story covers its own
        paragraph, after which the outlet's voice is back.
        """
        if subject.category != "source" or source is self.publisher:
            return
        if source is self.ctx.account and self.ctx.account_paragraph is None:
            return  # the account a header opened goes on
        self.ctx.account = source
        if self.text[sentence.start : sentence.end].rstrip().endswith(":"):
            self.ctx.introduced = source
        carries = (self.publisher is None or self.publisher.issues_readouts
                   or self.text[sentence.start : sentence.end].rstrip().endswith(":")
                   or self._readout_verb(parsed))
        self.ctx.account_paragraph = None if carries else sentence.paragraph

    def _account_header(self, sentence: Sentence) -> bool:
        """'The following is attributable to Spokesperson Ned Price:' opens an account.

        Such a line says who gives what follows and is no point of its own.
        """
        text = self.text[sentence.start : sentence.end].rstrip()
        if not text.endswith(":") or not _HEADER.search(text):
            return False
        subject = self.subject_of(sentence.start, sentence.end)
        if subject is not None:
            source, speaker = self.source_for(subject, None)
            if source is not self.publisher:
                self.ctx.account = source
                self.ctx.introduced = source
            self._note(source, speaker)
        return True

    def _account_in_force(self, sentence: Sentence) -> bool:
        return self.ctx.account is not None and \
            self.ctx.account_paragraph in (None, sentence.paragraph)

    def _container(self, sentence: Sentence, source: Ref | None) -> Ref | None:
        """The account a named speaker talks inside: a quotation's, the one in force,
        or an official publisher's own readout (a ministry's website quoting its minister)."""
        if sentence.quote is not None:
            return source
        if self._account_in_force(sentence):
            return self.ctx.account
        return self.publisher if self.publisher is not None and self.publisher.is_official \
            else None

    def _base_account(self, sentence: Sentence) -> tuple[Ref | None, Ref | None, str]:
        if sentence.quote is not None and self.quote_frames[sentence.quote][0] is not None:
            return self.quote_frames[sentence.quote]
        if sentence.quote is None and self._account_in_force(sentence) \
                and not self._another_body_acts(sentence):
            assert self.ctx.account is not None
            return self.ctx.account, None, _frame_kind(self.ctx.account, self.publisher)
        if sentence.label == "answer" and self._interviewee is not None:
            source, speaker = self._interviewee
            return source, speaker, "quote"
        body = self._body_speaking_as_we(sentence)
        if body is not None:
            return body
        carried = self._carried_on(sentence)
        if carried is not None:
            return carried.source, carried.speaker, carried.frame
        return self.publisher, None, _frame_kind(self.publisher, self.publisher)

    def _body_speaking_as_we(self, sentence: Sentence) -> tuple[Ref, Ref | None, str] | None:
        """"The ministry announced the operation. In order to withdraw the units from our
        territories, …": an unquoted sentence saying "we" or "our" with no frame of its own,
        right after a body spoke (this paragraph or the one before), is that body's text
        pasted without quotation marks; an outlet does not call a state's land "ours"."""
        last = self.ctx.last_framed
        if sentence.quote is not None or last is None or last[0] is self.publisher \
                or (last[1] is not None and last[1].name == last[0].name) \
                or not 0 <= sentence.paragraph - last[3] <= 1:
            return None  # no body spoke just before (a person is their own source)
        span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            return None
        ours = [t for t in span if t.pos_ == "PRON" and t.lower_ in ("we", "our", "us", "ours")
                and t.text != "US"]
        if not ours or any(t.dep_ == "poss" and t.head.lemma_.lower() in
                           lexicon().own_staff_nouns for t in ours):
            return None  # "our correspondent": the outlet's
        return last[0], last[1], last[2]

    def _note_interviewee(self, sentence: Sentence, statement: Statement | None) -> None:
        """Who answers an interview's "Answer:" paragraphs: the last person the story
        framed as speaking outside the questions ("Answering the questions of the
        agency, the minister said …"); someone a question quotes is not the one asked."""
        if statement is None or sentence.label is not None or statement.source is None \
                or statement.source is self.publisher:
            return
        person = statement.speaker or statement.source
        if person.is_person:
            self._interviewee = (statement.source, statement.speaker)

    def _carried_on(self, sentence: Sentence) -> Statement | None:
        """The statement just before, when this sentence carries its argument on ("Rather,
        …", "Moreover, …") in the same paragraph and another source than the outlet gave it."""
        before = self._previous
        if sentence.quote is not None or before is None or before.source is None \
                or before.source is self.publisher or before.sentence.quote is not None \
                or before.sentence.paragraph != sentence.paragraph:
            return None
        span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        first = next((t for t in span if not (t.is_punct or t.is_space)), None) \
            if span is not None else None
        if first is None or first.lower_ not in lexicon().continuing_adverbs \
                or first.dep_ not in ("advmod", "cc") or first.i + 1 >= len(self.doc) \
                or self.doc[first.i + 1].text != ",":
            return None
        return before

    def _another_body_acts(self, sentence: Sentence) -> bool:
        """"Turkey's Foreign Ministry backed the operation" after a ministry of another
        state said something: a sentence whose subject is a body of another state tells
        what that body did, in the outlet's words; the account in force does not reach it.

        Only a story an outlet tells has a voice to return to, and only a speaking body
        (a ministry, a press office) of a *foreign* state is another party: a readout
        goes on about its own state's offices, and speaks of other states all the time.
        """
        account = self.ctx.account
        if self.publisher is None or account is None or account is self.publisher:
            return False
        subject = self._root_subject(sentence)
        if subject is None:
            return False
        bodies = [f.ref.entry for f in self._candidates(*subject) if f.ref.category == "source"
                  and f.ref.name != account.name and f.ref.entry is not None]
        if not bodies or account.entry is None:
            return False
        home = self.ents.gaz.state_of(account.entry)
        theirs = self.ents.gaz.state_of(bodies[-1])
        return home is not None and theirs is not None and theirs.name != home.name

    def _root_subject(self, sentence: Sentence) -> tuple[int, int] | None:
        """The character span of the sentence's main subject, if the parse gives one."""
        span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            return None
        subjects = [c for c in span.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            return None
        tokens = list(subjects[0].subtree)
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1])

    def _someone_else_denies(self, sentence: Sentence, parsed: Frame | None) -> bool:
        """Every denial verb of the sentence has a subject of its own that is not the speaker.

        "The ombudsman has documented cases where the authorities deny …" reports
        a denial; the ombudsman denies nothing. A denial verb that is the frame's
        own verb, or whose subject is the frame's speaker, is the source's denial.
        """
        span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            return False
        verbs = [t for t in span if t.lemma_.lower() in _DENIAL_VERBS and t.pos_ == "VERB"]
        if not verbs:
            return False
        speaker = parsed.speaker if parsed is not None else None
        for verb in verbs:
            if parsed is not None and verb.idx == parsed.verb[0]:
                return False
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if not subjects:
                return False
            subject = subjects[0]
            if speaker is not None and speaker[0] <= subject.idx < speaker[1]:
                return False
            if subject.lower_ in ("we", "i", "he", "she", "it", "they"):
                return False
        return True

    def _act(self, sentence: Sentence, text: str,
             span: tuple[int, int] | None = None) -> tuple[str, Denial | None]:
        """What the sentence (or the clause at ``span``) does; a denial comes with its
        target (:mod:`ingest.stance`)."""
        if AGREEMENT_RE.search(text):
            return "agree", None
        start, end = span or (sentence.start, sentence.end)
        denial = denial_in(self.doc, start, end)
        if denial is not None:
            if CONFIRM_RE.search(text) and ASKER_RE.search(text):
                return "assert", None  # a rebuttal that confirms the topic is not a denial
            return "deny", denial
        if OMISSION_CUE.search(text, text.lower()):
            return "omit", None
        return "assert", None

    def _note(self, source: Ref | None, speaker: Ref | None) -> None:
        if source is not None and source is not self.publisher:
            self.ctx.last_source = source
        if speaker is not None:
            self.ctx.last_person = speaker
        elif source is not None and source.kind in ("expert", "official"):
            self.ctx.last_person = self.ents.new_ref(source.name, "actor", "person")

    def _note_people(self, sentence: Sentence) -> None:
        for f in self._candidates(sentence.start, sentence.end):
            if f.ref.category == "source" and f.ref is not self.publisher:
                self.ctx.last_source = f.ref


def _person_word(token: Token) -> bool:
    """A noun that names a person: a title or role ("commissioner") or a person's name."""
    return token.ent_type_ == "PERSON" or token.lower_ in lexicon().person_nouns \
        or token.lower_ in TITLE_WORDS


def _introduces(text: str) -> bool:
    """A clause leading into a quotation: "X said:", "X said that", or a sentence the
    quotation completes ("X wrote that he had “...”")."""
    if _INTRO_END.search(text):
        return True
    return text.rstrip()[-1:] not in ".!?" and _INFLECTED_VERB.search(text) is not None


def _in_citing(phrase: str, base: int, found: Found) -> bool:
    for match in _CITING.finditer(phrase):
        if base + match.start() <= found.start < base + match.end():
            return True
    return False


_KINDS = {
    "press service": {"press_service"}, "presidential press service": {"press_service"},
    "press office": {"press_service"}, "ministry": {"ministry"},
    "foreign ministry": {"ministry"}, "ministry of foreign affairs": {"ministry"},
    "mfa": {"ministry"}, "mod": {"ministry"},
    "defence ministry": {"ministry"}, "defense ministry": {"ministry"},
    "ministry of defence": {"ministry"}, "ministry of defense": {"ministry"},
    "agency": {"news_agency"}, "news agency": {"news_agency"},
    "website": {"news_outlet", "press_service"}, "portal": {"news_outlet"},
    "outlet": {"news_outlet"}, "newspaper": {"news_outlet"},
    "department": {"ministry"}, "state department": {"ministry"},
    "government": {"government"}, "office": {"press_service", "government"},
    "embassy": {"ministry"},
}


def _owner_phrase(noun: Token) -> tuple[int, int] | None:
    """Whose account a noun names: its possessor ("Aliyev's statement"), else the
    object of "of" or "by" ("the statement of President Aliyev")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "by")
                      for g in c.children if g.dep_ == "pobj"), None)
    if owner is None or owner.pos_ == "PRON":
        return None
    tokens = [t for t in owner.subtree if t.dep_ != "case"]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _compatible(noun: str, ref: Ref) -> bool:
    if noun in ("report", "statement", "readout", "press release", "communique", "communiqué"):
        return ref.kind not in ("expert", "official", "person")  # a person makes no report
    return ref.kind in _KINDS.get(noun, set())


_DESCRIPTOR_REACH = 2  # paragraphs back "the ministry" looks for the ministry it means

_MEMBERS_SPEAK_FOR_THEMSELVES = frozenset({"parliament", "party", "organisation"})


def _frame_kind(source: Ref | None, publisher: Ref | None) -> str:
    if source is None:
        return "own_voice"
    if source is publisher:
        # An official body publishing its own readout gives a full account of the event;
        # a state news agency narrating in its own voice gives a report, not a readout.
        return "readout" if source.issues_readouts else "own_voice"
    if source.is_official:
        return "readout"
    if source.kind in ("expert", "official", "person"):
        return "commentary"
    return "report"


def _jointly(given: list[Statement], main: Statement) -> list[Statement]:
    """The same points once more for each other speaker of a joint frame."""
    return [replace(st, source=source, speaker=speaker, joint=())
            for source, speaker in main.joint for st in given if st.source is main.source]


def _unnamed_noun(noun: Token) -> bool:
    """Whether a noun is unnamed officials ("officials", "a diplomat"), not "the official"."""
    if noun.lemma_.lower() not in lexicon().official_nouns or noun.pos_ != "NOUN":
        return False
    dets = {c.lower_ for c in noun.children if c.dep_ == "det"}
    if noun.tag_ == "NNS":
        return not dets & {"these", "those", "both"}
    return bool(dets & {"a", "an"})
