"""Names from NER, and variant spellings of the gazetteer's people.

The invented people below (Levan Kharadze, Tamar Lomidze, Giorgi Beridze) are
not in the gazetteer; the real office-holders are, under one canonical
spelling with a few listed aliases.
"""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from ingest.gazetteer import load
from ingest.mentions import (
    SAME_PERSON,
    NameMention,
    SpellingIndex,
    is_body,
    listed_body,
    ner_names,
    transliteration_key,
)
from ingest.nlp import parse


@pytest.fixture(scope="module")
def spelling() -> SpellingIndex:
    return SpellingIndex(load())


# ----------------------------------------------------- transliterations

def test_listed_variant_spelling_finds_the_canonical_person(spelling: SpellingIndex) -> None:
    found = spelling.person("Nikol Pashinian")
    assert found is not None and found.name == "Nikol Pashinyan"


def test_unlisted_variant_spellings_are_merged(spelling: SpellingIndex) -> None:
    gaz = load()
    bayramov = gaz.get("Jeyhun Bayramov")
    assert bayramov is not None and "Jeyhoun Bayramov" not in bayramov.aliases
    found = spelling.person("Jeyhoun Bayramov")  # "ou" for "u", as in French transcriptions
    assert found is not None and found.name == "Jeyhun Bayramov"
    found = spelling.person("Nikol Pashiniyan")  # "iy" for "y"
    assert found is not None and found.name == "Nikol Pashinyan"


def test_variant_letters_fold_to_one_key() -> None:
    assert transliteration_key("Jeyhoun Bayramov") == transliteration_key("Jeyhun Bayramov")
    assert transliteration_key("Aykhan Hajizade") == transliteration_key("Aykhan Hajizada")
    assert transliteration_key("Mher Grigorian") == transliteration_key("Mher Grigoryan")


def test_a_real_letter_keeps_two_people_apart(spelling: SpellingIndex) -> None:
    """Armen and Arman are different given names: the threshold must keep them apart."""
    armen, arman = transliteration_key("Armen Grigoryan"), transliteration_key("Arman Grigoryan")
    assert armen != arman
    score = fuzz.ratio(armen, arman)
    assert score < SAME_PERSON
    assert score > 90  # close enough that a looser threshold would merge them
    assert spelling.person("Arman Grigoryan") is None
    found = spelling.person("Armen Grigoryan")
    assert found is not None and found.name == "Armen Grigoryan"


def test_a_name_nobody_listed_finds_no_one(spelling: SpellingIndex) -> None:
    assert spelling.person("Levan Kharadze") is None


# -------------------------------------------------------------- NER names

def names(text: str) -> list[NameMention]:
    return ner_names(parse(text))


def test_ner_names_keep_exact_offsets() -> None:
    text = "Ambassador Tamar Lomidze met representatives of the Eurasia Transit Company."
    found = names(text)
    assert [(m.text, m.label) for m in found] == [
        ("Tamar Lomidze", "PERSON"), ("Eurasia Transit Company", "ORG")]
    for m in found:
        assert text[m.start : m.end] == m.text


def test_possessive_is_trimmed() -> None:
    text = "Levan Kharadze's remarks drew criticism from the opposition."
    assert [m.text for m in names(text)] == ["Levan Kharadze"]


def test_leading_title_and_possessive_are_trimmed_together() -> None:
    text = "Spokesperson Giorgi Beridze's comments were published on Monday."
    doc = parse(text)
    assert any(e.text.startswith("Spokesperson") for e in doc.ents)  # the NER's own span
    (mention,) = ner_names(doc)
    assert mention.text == "Giorgi Beridze" and mention.label == "PERSON"
    assert text[mention.start : mention.end] == "Giorgi Beridze"


def test_article_and_possessive_are_trimmed_from_a_body() -> None:
    text = "The Georgian Ministry of Economy's statement was published on Monday."
    (mention,) = names(text)
    assert mention.text == "Georgian Ministry of Economy" and mention.label == "ORG"


# ------------------------------------------------------------------ bodies

@pytest.mark.parametrize("name", [
    "Ministry of Foreign Affairs of Georgia",
    "State Security Service",
    "Human Rights Defender's Office",
    "Georgian Ministry of Economy",
])
def test_bodies_that_give_accounts(name: str) -> None:
    assert is_body(name)


@pytest.mark.parametrize("name", [
    "Civil Contract",
    "Eurasia Transit Company",
    "Republican Party of Armenia",
])
def test_parties_and_firms_are_not_bodies(name: str) -> None:
    assert not is_body(name)


# ------------------------------------------- listed bodies written another way

@pytest.mark.parametrize(("state", "name", "listed"), [
    ("Azerbaijan", "Azerbaijani Ministry of Defense", "Ministry of Defence of Azerbaijan"),
    ("Georgia", "Georgian Security Service", "State Security Service of Georgia"),
    ("Armenia", "Armenia's Security Council", "Security Council of Armenia"),
])
def test_a_listed_body_is_found_under_another_word_order(state: str, name: str,
                                                         listed: str) -> None:
    gaz = load()
    entry = gaz.get(state)
    assert entry is not None
    found = listed_body(gaz, entry, name)
    assert found is not None and found.name == listed


def test_a_body_with_a_word_no_listed_body_has_stays_unlisted() -> None:
    gaz = load()
    entry = gaz.get("Azerbaijan")
    assert entry is not None
    assert listed_body(gaz, entry, "Azerbaijani Ministry of Ecology") is None
