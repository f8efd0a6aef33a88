"""Segmentation: sentences, quotations over paragraphs, abbreviations, line kinds."""

from __future__ import annotations

from ingest.segment import segment


def sentences(text: str) -> list[str]:
    seg = segment(text)
    return [text[s.start : s.end] for s in seg.sentences]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = ("U.S. Secretary of State Antony J. Blinken spoke with Mr. Pashinyan on Sept. 16. "
            "The U.S. side welcomed the talks.")
    assert sentences(text) == [
        "U.S. Secretary of State Antony J. Blinken spoke with Mr. Pashinyan on Sept. 16.",
        "The U.S. side welcomed the talks.",
    ]


def test_offsets_are_exact() -> None:
    text = "  First point here.   Second point, with “a quote inside it”.\n\nThird line."
    seg = segment(text)
    for s in seg.sentences:
        assert text[s.start : s.end] == text[s.start : s.end].strip()
        assert text[s.start : s.end]


def test_quotation_running_over_paragraphs_with_curly_marks() -> None:
    text = ("The minister said:\n"
            "“We discussed the peace treaty in detail.\n"
            "“We also raised the question of the detainees.”\n"
            "The talks will continue.")
    seg = segment(text)
    assert len(seg.quotes) == 1
    quote = seg.quotes[0]
    assert quote.paragraphs == [1, 2]
    inside = [text[s.start : s.end] for s in seg.sentences if s.quote == 0]
    assert inside == ["We discussed the peace treaty in detail.",
                      "We also raised the question of the detainees."]
    outside = [text[s.start : s.end] for s in seg.sentences if s.quote is None]
    assert outside == ["The minister said:", "The talks will continue."]


def test_quotation_running_over_paragraphs_with_straight_marks() -> None:
    text = ('"We are ready to sign a peace treaty this year.\n\n'
            '"But the other side must stop its claims," Aliyev said.')
    seg = segment(text)
    assert len(seg.quotes) == 1
    assert seg.quotes[0].paragraphs == [0, 1]
    assert [s.quote for s in seg.sentences if "Aliyev said" in text[s.start : s.end]] == [None]


def test_a_quote_never_closed_ends_with_its_paragraph() -> None:
    text = "He said “this is an unclosed quotation of several words\nNext paragraph is plain."
    seg = segment(text)
    assert seg.quotes and seg.quotes[0].paragraphs == [0]
    last = seg.sentences[-1]
    assert last.quote is None


def test_short_scare_quotes_are_not_quotations() -> None:
    seg = segment("The Azeri version “disappeared” the points about human rights.")
    assert seg.quotes == []


def test_navigation_headings_and_questions_are_marked() -> None:
    text = ("Ministers discuss peace treaty\n"
            "- Read the latest on the border commissions\n"
            "Read also: Pashinyan meets Aliyev in Prague\n"
            "Related: Border talks stall\n"
            "What did the ministers really discuss?\n"
            "The ministers discussed the treaty.")
    kinds = {text[s.start : s.end]: s.kind for s in segment(text).sentences}
    assert kinds["Ministers discuss peace treaty"] == "heading"
    assert kinds["- Read the latest on the border commissions"] == "navigation"
    assert kinds["Read also: Pashinyan meets Aliyev in Prague"] == "navigation"
    assert kinds["Related: Border talks stall"] == "navigation"
    assert kinds["What did the ministers really discuss?"] == "question"
    assert kinds["The ministers discussed the treaty."] == "body"


def test_a_bulleted_quoted_sentence_is_an_excerpt_not_a_link() -> None:
    text = ("The ministry issued a statement on the talks.\n"
            "  • “We welcome the agreement on the new crossing at the border.”\n"
            "  • Read the latest on the border commissions\n")
    seg = segment(text)
    kinds = [(text[s.start : s.end], s.kind) for s in seg.sentences]
    assert ("We welcome the agreement on the new crossing at the border.", "body") in kinds
    assert ("• Read the latest on the border commissions", "navigation") in kinds
    assert len(seg.quotes) == 1  # the excerpt is a quotation of its own, not an inline one


def test_empty_text() -> None:
    seg = segment("")
    assert seg.sentences == [] and seg.quotes == []


def test_a_quotation_inside_a_quotation_does_not_close_it() -> None:
    text = ('"The patrol was stopped at the checkpoint. To call these armed men a "traffic '
            'police" unit is an insult to the public," the ministry said.')
    (quote,) = segment(text).quotes
    assert text[quote.inner_start : quote.inner_end].endswith("insult to the public,")


def test_a_paragraph_opening_a_new_quotation_ends_an_unclosed_one() -> None:
    text = ('"The ruling party has announced it is ready for talks with the neighbours.\n\n'
            "The announcement came on Monday.\n\n"
            '"We are ready for dialogue," the party chairman said.')
    seg = segment(text)
    first = seg.quotes[0]
    assert first.paragraphs == [0]
    assert text[first.start : first.end].endswith("neighbours.")


def test_a_quotation_may_close_in_a_paragraph_that_did_not_reopen_it() -> None:
    text = ("The analyst said:\n\n“The sanctions will be circumvented through third countries. "
            "This is a serious concern for the West.\n\n"
            "That is why the calls were made at this particular moment”.\n\nThe talks go on.")
    (quote,) = segment(text).quotes
    assert quote.paragraphs == [1, 2]


def test_a_line_ending_in_a_quote_mark_without_a_stop_is_a_heading() -> None:
    text = "Outrage after the mayor calls local media a ‘big garbage dump’\n\nThe talks went on."
    kinds = [s.kind for s in segment(text).sentences]
    assert kinds == ["heading", "body"]


def test_interview_labels_mark_their_paragraphs_and_are_not_part_of_the_sentence() -> None:
    text = ("The minister spoke to reporters.\n\nQuestion: Will the talks resume?\n\n"
            "Answer: They will. The date is not set.\n\nQ: When?\n\nA: Next month.\n")
    got = [(text[s.start : s.end], s.label) for s in segment(text).sentences]
    assert got == [("The minister spoke to reporters.", None),
                   ("Will the talks resume?", "question"),
                   ("They will.", "answer"), ("The date is not set.", "answer"),
                   ("When?", "question"), ("Next month.", "answer")]


def test_a_word_ending_in_a_colon_mid_paragraph_is_no_label() -> None:
    text = "The statement said: the answer is no.\n"
    assert [s.label for s in segment(text).sentences] == [None]


def test_an_elision_mark_between_sentences_ends_one_and_belongs_to_neither() -> None:
    text = ("“The ministry studied the reports about the plot. […] The state has not "
            "interfered in the affairs of its neighbours,” the statement reads.\n\n"
            "He cited the ruling [...] and left.\n")
    got = [text[s.start : s.end] for s in segment(text).sentences]
    assert got[:2] == ["The ministry studied the reports about the plot.",
                       "The state has not interfered in the affairs of its neighbours,"]
    assert got[-1] == "He cited the ruling [...] and left."  # mid-sentence: kept
