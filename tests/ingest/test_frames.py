"""Reporting frames read off the dependency parse, one test per shape.

Each test parses one short sentence written for these tests and looks at the
frames ``frames_in`` finds in it: the phrase naming who speaks, how it was
found (``via``) and the text of what is said.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.frames import Frame, frames_in
from ingest.nlp import parse


@dataclass
class Read:
    """A frame with its spans turned back into text."""

    frame: Frame
    speaker: str | None
    content: str | None

    @property
    def via(self) -> str:
        return self.frame.via


def frames(text: str) -> list[Read]:
    """The frames of every sentence of ``text``, main frame of each sentence first."""
    doc = parse(text)
    out = []
    for sentence in doc.sents:
        for f in frames_in(doc, sentence.start_char, sentence.end_char):
            speaker = text[f.speaker[0] : f.speaker[1]] if f.speaker else None
            content = text[f.content[0] : f.content[1]] if f.content else None
            out.append(Read(f, speaker, content))
    return out


def main_frame(text: str) -> Read:
    found = frames(text)
    assert found, f"no frame in {text!r}"
    return found[0]


# ------------------------------------------------------------ subject frames

def test_active_subject_with_a_that_clause() -> None:
    read = main_frame("The Georgian Foreign Ministry said that the talks in Geneva "
                      "would resume next month.")
    assert read.speaker == "The Georgian Foreign Ministry"
    assert read.via == "subject"
    assert read.frame.lemma == "say"
    assert read.frame.depth == 0
    assert read.content == "that the talks in Geneva would resume next month"


def test_trailing_frame_after_a_quotation() -> None:
    read = main_frame('"Our positions near the border came under fire overnight," '
                      "the defence ministry said in a statement.")
    assert read.speaker == "the defence ministry"
    assert read.content == "Our positions near the border came under fire overnight"
    assert read.frame.trailing


def test_inverted_said_the_spokesman() -> None:
    read = main_frame('"The meeting will take place in Vienna," said the spokesman.')
    assert read.speaker == "the spokesman"
    assert read.via == "inverted"
    assert read.content == "The meeting will take place in Vienna"
    assert read.frame.pronoun is None and not read.frame.document


def test_inverted_said_the_statement_is_an_account_noun() -> None:
    read = main_frame('"The ceasefire must be respected by all sides," said the statement.')
    assert read.speaker == "the statement"
    assert read.via == "inverted"
    assert read.frame.document  # left for the caller to resolve from context
    assert read.content == "The ceasefire must be respected by all sides"


def test_inverted_added_the_statement() -> None:
    read = main_frame('"Both sides must refrain from provocations," added the statement.')
    assert read.speaker == "the statement"
    assert read.via == "inverted"
    assert read.frame.document
    assert read.content == "Both sides must refrain from provocations"


def test_the_statement_added_after_a_quotation() -> None:
    """The uninverted order of the same frame, for contrast with the inverted order above."""
    read = main_frame("“Further meetings are planned for the autumn,” the statement added.")
    assert read.speaker == "the statement"
    assert read.frame.lemma == "add"
    assert read.frame.document
    assert read.content == "Further meetings are planned for the autumn"


def test_according_to() -> None:
    read = main_frame("According to the ministry, the delegations agreed on the agenda "
                      "of the next meeting.")
    assert read.via == "according"
    assert read.speaker == "the ministry"
    assert read.content == "the delegations agreed on the agenda of the next meeting"


def test_according_to_after_the_point_leaves_it_out_of_the_content() -> None:
    (read,) = [r for r in frames("The delegations agreed on the agenda of the next meeting, "
                                  "according to the ministry.\n") if r.via == "according"]
    assert read.content == "The delegations agreed on the agenda of the next meeting"


def test_as_someone_reported_is_read_as_according_to() -> None:
    for text in ("As the ministry reported, two border posts were moved back from the road.",
                 "Two border posts were moved back from the road, as the ministry reported.",
                 "As reported by the ministry, two border posts were moved back from the road."):
        (read,) = [r for r in frames(text) if r.frame.lemma == "report"]
        assert (read.via, read.speaker) == ("according", "the ministry"), text
        assert read.content == "two border posts were moved back from the road" \
            or read.content == "Two border posts were moved back from the road", text


def test_as_with_what_was_said_is_no_vouching() -> None:
    """"As the minister said goodbye": the clause says what he said, it vouches for nothing."""
    assert not [r for r in frames("As the minister said goodbye, the delegation left for "
                                  "the airport.") if r.via == "according"]


def test_made_clear_that_is_a_report() -> None:
    for text in ("The minister has repeatedly made clear that Ankara is consulting Baku on "
                 "every step of the dialogue.",
                 "The minister made it clear that Ankara is consulting Baku on every step of "
                 "the dialogue."):
        (read,) = frames(text)
        assert read.speaker == "The minister", text
        assert read.content == "that Ankara is consulting Baku on every step of the dialogue"


def test_making_a_thing_clear_is_no_report() -> None:
    assert frames("The minister made the table clear of papers before the talks began.") == []


def test_an_opening_participle_is_no_speaker_and_the_noun_after_it_is() -> None:
    for agency in ("Armenpress", "ArmenPress"):  # the parser reads the two differently
        read = frames(f"Answering the questions of {agency}, the Armenian foreign minister "
                      "emphasized that the border commissions would meet again in June.")[0]
        assert read.frame.lemma == "emphasize", agency
        assert read.speaker == "the Armenian foreign minister", agency
        assert read.content == "that the border commissions would meet again in June", agency


def test_quoted_as_saying_gives_the_speaker_not_the_quoter() -> None:
    for text in ("The minister was quoted as saying that the talks would resume in June.",
                 "The talks would resume in June, the minister was quoted as saying by the "
                 "agency.",
                 "The minister was quoted by the agency as saying the talks would resume in "
                 "June."):
        read = frames(text)[0]
        assert read.frame.lemma == "quote", text
        assert str(read.speaker).lower() == "the minister", text
        assert str(read.content).lower().endswith("the talks would resume in june"), text


def test_also_said_keeps_the_adverb_out_of_speaker_and_content() -> None:
    read = main_frame("The ministry also said the two sides had exchanged lists of detainees.")
    assert read.speaker == "The ministry"
    assert read.via == "subject"
    assert read.content == "the two sides had exchanged lists of detainees"


# ------------------------------------------------------- account nouns

def test_possessor_of_the_statement_speaks() -> None:
    read = main_frame("The ministry's statement said the border commission would meet "
                      "in Tbilisi.")
    assert read.frame.document
    assert read.speaker == "The ministry"
    assert read.content == "the border commission would meet in Tbilisi"


def test_possessor_of_the_statement_is_found_through_the_account_noun() -> None:
    """What does work for "X's statement said": the frame, its content and the owner."""
    read = main_frame("The ministry's statement said the border commission would meet "
                      "in Tbilisi.")
    assert read.frame.document
    assert read.speaker is not None and read.speaker.startswith("The ministry")
    assert "statement" not in read.speaker
    assert read.content == "the border commission would meet in Tbilisi"


def test_statement_issued_by_x_said() -> None:
    read = main_frame("A statement issued by the Foreign Ministry said the ambassador "
                      "had been summoned.")
    assert read.speaker == "the Foreign Ministry"
    assert read.frame.document
    assert read.content == "the ambassador had been summoned"


def test_x_issued_a_statement_saying_is_a_publishing_frame() -> None:
    found = frames("The Armenian Foreign Ministry issued a statement saying the decision "
                   "violated the trilateral agreement.")
    publishing = [r for r in found if r.via == "publishing"]
    assert len(publishing) == 1
    read = publishing[0]
    assert read.frame.publishing
    assert read.frame.lemma == "issue"
    assert read.speaker == "The Armenian Foreign Ministry"
    assert read.content == "the decision violated the trilateral agreement"
    assert found[0] is read  # the main frame: "saying" hangs below it


# ------------------------------------------------- pronouns and inheritance

def test_pronoun_speaker_and_a_nested_frame() -> None:
    found = frames("He said he had told them that the border should be demarcated "
                   "on the basis of the 1991 maps.")
    main, nested = found[0], found[1]
    assert main.speaker == "He" and main.frame.pronoun == "he"
    assert main.frame.lemma == "say" and main.frame.depth == 0
    assert main.content == ("he had told them that the border should be demarcated "
                            "on the basis of the 1991 maps")
    assert nested.frame.lemma == "tell" and nested.frame.depth > 0
    assert nested.content == "that the border should be demarcated on the basis of the 1991 maps"


def test_subject_inherited_from_the_governing_verb() -> None:
    read = main_frame("Tbilisi was quick to reply that the railway link would remain open.")
    assert read.frame.lemma == "reply"
    assert read.via == "inherited"
    assert read.speaker == "Tbilisi"
    assert read.content == "that the railway link would remain open"


# ------------------------------------------------------------- no frame

def test_passive_without_an_agent_names_no_speaker() -> None:
    assert frames("He is reported to be in Brussels for consultations.") == []


def test_the_united_states_at_the_end_of_a_line_is_not_a_verb() -> None:
    text = ("The communique was signed by the foreign ministers of Armenia, Azerbaijan "
            "and the United States:\n")
    assert frames(text) == []


def test_a_line_ending_in_a_lower_case_states_is_a_frame() -> None:
    """The contrast to the test above: "X states:" does open an account."""
    read = main_frame("The ministry states:\n")
    assert read.frame.lemma == "state"
    assert read.speaker == "The ministry"


def test_it_is_wrong_to_discuss_has_no_pronoun_speaker() -> None:
    found = frames("It is wrong to discuss the future of the region without its people.")
    assert not [r for r in found if r.frame.pronoun == "it" or r.speaker == "It"]
    assert found == []


def test_a_named_statement_is_given_by_the_name_before_it() -> None:
    read = main_frame("According to a Kremlin statement, the two presidents discussed "
                      "the grain deliveries.")
    assert read.speaker == "Kremlin"
    assert read.via == "according"
    assert read.content == "the two presidents discussed the grain deliveries"


def test_a_parenthetical_it_said_governs_the_clause_it_interrupts() -> None:
    read = main_frame("On that point, it said, the minister called for the return of "
                      "all detainees.")
    assert read.frame.lemma == "say"
    assert read.frame.pronoun == "it"


def test_told_someone_about_something_narrates_and_is_no_frame() -> None:
    found = frames("The president told the premier about his visit to Baku last week.")
    assert [r for r in found if r.frame.lemma == "tell"] == []


def test_told_after_a_quotation_is_still_a_frame() -> None:
    read = main_frame("“We will keep in touch,” the premier told reporters.")
    assert read.frame.lemma == "tell" and read.content == "We will keep in touch"


def test_a_closing_verb_after_an_apposition_keeps_its_subject() -> None:
    text = "“The rules will stay,” Anna Petrosyan, a spokeswoman for the parliament, said."
    start = text.index("Anna")
    frames = frames_in(parse(text), start, len(text))
    assert [text[slice(*f.speaker)] for f in frames if f.speaker] == [
        "Anna Petrosyan, a spokeswoman for the parliament,"]


def test_what_it_called_is_a_hedge_inside_the_whole_point() -> None:
    text = "The agency released what it called a recording of the ceasefire talks."
    (read,) = frames(text)
    assert read.speaker == "it" and read.frame.lemma == "call"
    assert read.content == text  # not "The agency released what", the words before it
