"""What counts as a point a source can be held to, read off the parse."""

from __future__ import annotations

import pytest

from ingest.claims import states_something
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
