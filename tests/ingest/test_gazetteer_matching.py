"""How the gazetteer finds the names it lists in news copy."""

from __future__ import annotations

import pytest

from ingest.gazetteer import load


def names_in(text: str) -> list[str]:
    return [m.entry.name for m in load().mentions(text) if not m.demonym]


@pytest.mark.parametrize(("text", "name"), [
    ("the Azerbaijani foreign ministry said", "Ministry of Foreign Affairs of Azerbaijan"),
    ("patrols of the EU monitoring mission in Armenia", "EU Mission in Armenia"),
    ("observers of the EU monitoring mission in Georgia", "EU Monitoring Mission in Georgia"),
])
def test_listed_bodies_are_found_with_their_common_nouns_in_lower_case(text: str,
                                                                      name: str) -> None:
    assert name in names_in(text)


def test_a_lower_case_place_is_not_made_up() -> None:
    assert "EU Mission in Armenia" not in names_in("an EU monitoring mission in armenia")


@pytest.mark.parametrize(("text", "name"), [
    ("said the statement of the office of the President of Azerbaijan",
     "Press Service of the President of Azerbaijan"),
    ("according to the office of the Prime Minister of Armenia",
     "Office of the Prime Minister of Armenia"),
])
def test_a_body_named_by_common_nouns_before_of_is_found_in_lower_case(text: str,
                                                                      name: str) -> None:
    assert name in names_in(text)


def test_the_common_nouns_alone_name_no_body() -> None:
    assert names_in("a statement of the office of the prime minister") == []
