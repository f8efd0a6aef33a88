"""What counts as a point a source can be held to, read off the parse."""

from __future__ import annotations

import pytest

from ingest.claims import SAME_POINT, features, opposed, similarity, states_something, stem
from ingest.nlp import parse


def _whole(text: str, own_voice: bool = True) -> bool:
    return states_something(parse(text), 0, len(text), own_voice)


@pytest.mark.parametrize("text", [
    "YEREVAN, October 3. /Caucasus Ledger/.",
    "(ANNA PETROSYAN/Caucasus Ledger via Photo Agency)",
    "# 14 May 2024 10:15 (UTC +04:00)",
    "Just a few more details.",
])
def test_furniture_without_a_verb_states_nothing(text: str) -> None:
    assert not _whole(text)


def test_an_appeal_to_the_reader_in_the_outlets_voice_states_nothing() -> None:
    assert not _whole("Support independent journalism in the region.")


def test_a_speakers_call_is_a_point() -> None:
    assert _whole("Stop the shelling of civilian areas immediately.", own_voice=False)


def test_a_clause_states_something() -> None:
    assert _whole("The ministers agreed to meet again in Brussels next month.")


@pytest.mark.parametrize(("text", "states"), [
    ("The envoy commented on the issue in a short statement.", False),
    ("The minister responded on Tuesday to the accusations.", False),
    ("The ministry did not react to the Turkish remarks.", True),  # that is news
    ("The minister referred to the claim that the road would reopen in May.", True),
    ("The envoy commented that the road would reopen in May.", True),
])
def test_saying_only_that_someone_spoke_states_nothing(text: str, states: bool) -> None:
    assert _whole(text, own_voice=False) is states


# ------------------------------------------------ same words, a different point

@pytest.mark.parametrize(("a", "b"), [
    ("The ministers agreed on the text of the article on the border.",
     "The ministers did not agree on the text of the article on the border."),
    ("Azerbaijani forces shelled Armenian positions near Sotk overnight.",
     "Armenian forces shelled Azerbaijani positions near Sotk overnight."),
    ("Baku accused Yerevan of delaying the demarcation of the border.",
     "Yerevan accused Baku of delaying the demarcation of the border."),
    ("Russian peacekeepers have never left the Lachin corridor.",
     "Russian peacekeepers have left the Lachin corridor."),
])
def test_near_misses_are_opposed_points(a: str, b: str) -> None:
    assert opposed(a, b)
    assert opposed(b, a)


@pytest.mark.parametrize(("a", "b"), [
    ("Pashinyan and Aliyev discussed the opening of regional transport links.",
     "Aliyev and Pashinyan discussed the opening of regional transport links."),
    ("Armenia and Azerbaijan agreed to continue work on the peace treaty.",
     "Azerbaijan and Armenia agreed to continue work on the peace treaty."),
    ("Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev "
     "discussed the opening of regional transport links.",
     "Azerbaijani President Ilham Aliyev and Armenian Prime Minister Nikol Pashinyan "
     "discussed the opening of regional transport links."),
    ("Azerbaijani forces shelled Armenian positions near Sotk overnight.",
     "Azerbaijani troops fired on Armenian positions near Sotk during the night."),
    ("The sides did not reach an agreement on the border.",
     "No agreement on the border was reached by the sides."),
])
def test_paraphrases_are_not_opposed(a: str, b: str) -> None:
    assert not opposed(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("met", "meeting"), ("held", "holds"), ("sought", "seeking"), ("fought", "fights"),
    ("began", "beginning"), ("men", "man"), ("discussed", "discusses"),
])
def test_word_forms_of_one_lemma_compare_as_one_word(a: str, b: str) -> None:
    assert stem(a) == stem(b)


def test_an_s_plural_that_is_also_a_verb_form_is_not_taken_for_a_noun() -> None:
    assert stem("leaves") != stem("leaf")  # "the delegation leaves Baku"


def test_a_paraphrase_with_irregular_verbs_is_the_same_point() -> None:
    a = features("The delegations met and spoke about the border.")
    b = features("The delegations meet and speak about the border.")
    assert similarity(a, b) >= SAME_POINT


@pytest.mark.parametrize("forms", [
    ("agree", "agreed", "agrees", "agreement"),
    ("discuss", "discussed", "discusses"),
    ("issue", "issued", "issues"),
    ("release", "released", "releases"),
])
def test_a_words_forms_have_one_stem(forms: tuple[str, ...]) -> None:
    assert len({stem(w) for w in forms}) == 1
