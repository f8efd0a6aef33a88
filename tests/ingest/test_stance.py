"""Denials read off the parse: which sentences deny, and how they describe their target.

Every sentence here is written for the test; none comes from an article.
"""

from __future__ import annotations

import pytest

from ingest.nlp import parse
from ingest.stance import Denial, denial_in, negates


def denial(text: str) -> Denial | None:
    return denial_in(parse(text), 0, len(text))


def said(text: str, span: tuple[int, int] | None) -> str | None:
    return text[span[0] : span[1]] if span is not None else None


def test_a_denial_verb_with_an_account_noun_points_back() -> None:
    found = denial("The ministry denied the claim on Tuesday.")
    assert found is not None and found.shape == "verb" and found.anaphoric
    assert found.content is None


def test_a_denial_verb_with_a_that_clause_says_what_is_denied() -> None:
    text = "The ministry denied that its troops had crossed the border."
    found = denial(text)
    assert found is not None and said(text, found.content) == "its troops had crossed the border"


def test_accusations_by_someone_that_name_the_owner_and_the_content() -> None:
    text = ("The spokesman rejected accusations by the border service that the convoy "
            "carried weapons.")
    found = denial(text)
    assert found is not None
    assert said(text, found.owner) == "the border service"
    assert said(text, found.content) == "the convoy carried weapons"


def test_denying_an_event_noun_denies_that_event() -> None:
    text = "The ministry denied any involvement in the attack on the pipeline after the talks."
    found = denial(text)
    assert found is not None
    assert said(text, found.content) == "any involvement in the attack on the pipeline"


@pytest.mark.parametrize("text", [
    "The chairman rejected the request for a meeting.",
    "The parliament rejected the draft law on Tuesday.",
    "The minister did not deny that the talks had taken place.",
    "The talks were held in Vienna on Monday.",
    "The spokesman declined to say which parts of the report were inaccurate.",
])
def test_refusals_negated_denials_and_plain_reports_deny_nothing(text: str) -> None:
    assert denial(text) is None


def test_a_falsity_label_on_an_account_is_a_denial_with_its_owner() -> None:
    text = "The defence minister's statement is false."
    found = denial(text)
    assert found is not None and found.shape == "label"
    assert said(text, found.owner) == "The defence minister"


@pytest.mark.parametrize("text", [
    "The information is not true.",
    "Such reports are groundless and do not reflect reality.",
    "The ministry called the reports fake.",
])
def test_labels_on_accounts_mentioned_before_point_back(text: str) -> None:
    found = denial(text)
    assert found is not None and found.shape == "label" and found.anaphoric


def test_a_negated_occurrence_denies_the_whole_clause() -> None:
    text = "No agreement on the border was reached at the meeting in Vienna."
    found = denial(text)
    assert found is not None and found.shape == "occurrence"
    assert said(text, found.content) == text.rstrip(".")


def test_no_such_thing_points_back_and_says_only_what_the_clause_adds() -> None:
    # "such incident" stands for what was said before: its words are no sign of the target.
    text = "No such incident occurred near the village of Sotk on 3 March."
    found = denial(text)
    assert found is not None and found.shape == "occurrence" and found.anaphoric
    content = (said(text, found.content) or "").strip()
    assert content == "occurred near the village of Sotk on 3 March"


def test_negated_points_are_told_from_plain_ones() -> None:
    for text, negated in (("The CSTO does not pose any threat to Armenia.", True),
                          ("He never worked for the intelligence service.", True),
                          ("There are no sanctions against him.", True),
                          ("The CSTO poses a threat to Armenia.", False)):
        assert negates(parse(text), 0, len(text)) is negated, text


def test_a_relative_clause_in_the_labelled_account_is_no_question() -> None:
    # "who were wounded" opens a relative clause; only "which parts are false" asks.
    found = denial("The reports about help given to the soldiers who were wounded are not true.")
    assert found is not None and found.shape == "label"
    assert denial("The envoy declined to say which parts of the report are not true.") is None


def test_distorting_the_facts_denies_the_subjects_account() -> None:
    text = "The Russian Defence Ministry distorted the facts in its bulletin."
    found = denial(text)
    assert found is not None and found.anaphoric
    assert said(text, found.owner) == "The Russian Defence Ministry"
    # an accusation of distortion is the accusers' claim, not a denial
    assert denial("Baku accused Paris of distorting the positions of the parties.") is None


def test_whoever_spreads_false_information_owns_it() -> None:
    text = "The Russian Defence Ministry spread untruthful information in its bulletin."
    found = denial(text)
    assert found is not None and said(text, found.owner) == "The Russian Defence Ministry"


def test_there_was_no_mention_of_something_names_it() -> None:
    text = "There was no mention of the peace treaty in the conversation."
    found = denial(text)
    assert found is not None and found.shape == "occurrence"
    assert (said(text, found.content) or "").startswith("the peace treaty")


def test_not_mentioned_in_a_readout_is_an_omission_not_a_denial() -> None:
    assert denial("The prisoners were not mentioned in the Azerbaijani readout.") is None


def test_a_claim_labelled_false_keeps_its_content_without_the_label() -> None:
    text = ("The spokeswoman said the minister's claim that Armenia blocks the transit "
            "talks is false.")
    found = denial(text)
    assert found is not None and found.shape == "label"
    assert said(text, found.content) == "Armenia blocks the transit talks"
    assert said(text, found.owner) == "the minister"


def test_false_statements_spread_about_something_deny_that_something() -> None:
    text = ("The ministry stressed that false reports are being spread in the media about "
            "the presence of its troops in the region.")
    found = denial(text)
    assert found is not None and found.shape == "spread"
    assert (said(text, found.content) or "").startswith("the presence of its troops")


def test_no_false_information_denies_nothing() -> None:
    assert denial("The minister said there was no false information in the report.") is None


def test_a_claim_described_as_untrue_is_denied() -> None:
    text = ("The spokesman described the Georgian claim that the transit fees were discussed "
            "as “completely untrue”.")
    found = denial(text)
    assert found is not None and found.shape == "label"
    assert (said(text, found.content) or "").startswith("the transit fees were discussed")


def test_not_on_the_agenda_is_a_negated_occurrence() -> None:
    text = "Diplomatic sources said that the border issue was not on the agenda of the meeting."
    found = denial(text)
    assert found is not None and found.shape == "occurrence"
    assert said(text, found.content) == "the border issue"


def test_information_spread_by_someone_called_disinformation_points_back() -> None:
    found = denial("“The information spread by the other side is disinformation,” "
                   "the ministry said.")
    assert found is not None and found.shape == "label" and found.anaphoric


@pytest.mark.parametrize("noun", ["distortion", "misrepresentation", "falsification"])
def test_a_distortion_is_a_label_of_what_it_points_at(noun: str) -> None:
    found = denial(f"We believe that this is a {noun} of the facts.")
    assert found is not None and found.shape == "label" and found.anaphoric


def test_a_label_whose_complement_opens_with_what_is_still_a_label() -> None:
    found = denial("We believe this is a distortion of what happened at the checkpoint.")
    assert found is not None and found.shape == "label"
    assert denial("The minister declined to say which parts of the report are inaccurate.") is None


def test_information_about_doing_something_called_untrue_says_what_is_denied() -> None:
    text = ("The circulated information about delivering food aid to the villages by the "
            "mission is not true.")
    found = denial(text)
    assert found is not None and found.shape == "label" and not found.anaphoric
    assert said(text, found.content).startswith("The circulated information about delivering")


@pytest.mark.parametrize("text", [
    "The ministry said the claims were far from the truth.",
    "The ministry said that the report does not correspond to reality.",
    "“This is another piece of disinformation,” the ministry said of the report.",
    "The ministry said the allegations were fabricated.",
    "The ministry branded the allegations fake news.",
    "The ministry called the reports of shelling near the village a lie.",
    "The ministry described the accusations as baseless.",
])
def test_more_ways_to_call_an_account_false(text: str) -> None:
    found = denial(text)
    assert found is not None and found.shape in ("label", "spread"), text


@pytest.mark.parametrize("text", [
    "The minister said the report was not far from the truth.",
    "The ministry said the account does correspond to reality.",
    "The ministry described the talks as constructive.",
    "The agency called the report of a fake passport scandal accurate.",
    "The ministry described the report on disinformation campaigns as useful.",
    "The ministry branded the news a relief.",
    "Yerevan described the proposal as a fabrication.",
])
def test_near_misses_of_those_deny_nothing(text: str) -> None:
    assert denial(text) is None, text


@pytest.mark.parametrize("text", [
    "The ministry rejected the Azerbaijani claims as groundless.",
    "The ministry described the Azerbaijani accusations as baseless.",
])
def test_a_state_adjective_on_the_account_names_its_owner(text: str) -> None:
    found = denial(text)
    assert found is not None and said(text, found.owner) in ("the Azerbaijani", "Azerbaijani")
