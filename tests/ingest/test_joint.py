"""Coordinated speaker phrases read off the parse (ingest.joint), before any name is resolved."""

from __future__ import annotations

from ingest.joint import conjunct_spans, shared_noun
from ingest.nlp import parse


def _speaker(sentence: str, phrase: str) -> tuple[str, int, int]:
    start = sentence.index(phrase)
    return sentence, start, start + len(phrase)


def _words(sentence: str, spans: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> list[str]:
    return [sentence[a:b] for a, b in spans]


def test_conjoined_people_each_keep_their_titles() -> None:
    text, start, end = _speaker(
        "Prime Minister Karen Aslanyan and President Elmar Guliyev stressed that talks go on.",
        "Prime Minister Karen Aslanyan and President Elmar Guliyev")
    spans = conjunct_spans(parse(text), start, end)
    assert _words(text, spans) == ["Prime Minister Karen Aslanyan", "President Elmar Guliyev"]


def test_three_conjoined_states_give_three_spans() -> None:
    text, start, end = _speaker("Georgia, Armenia and Azerbaijan said the road would reopen.",
                                "Georgia, Armenia and Azerbaijan")
    assert _words(text, conjunct_spans(parse(text), start, end)) == ["Georgia", "Armenia",
                                                                      "Azerbaijan"]


def test_one_speaker_is_no_coordination() -> None:
    text, start, end = _speaker("The Armenian foreign ministry said the road would reopen.",
                                "The Armenian foreign ministry")
    doc = parse(text)
    assert conjunct_spans(doc, start, end) == []
    assert shared_noun(doc, start, end) is None


def test_coordinated_demonyms_share_the_noun_in_the_singular() -> None:
    text, start, end = _speaker(
        "The Armenian and Azerbaijani defence ministries said the border was calm.",
        "The Armenian and Azerbaijani defence ministries")
    shared = shared_noun(parse(text), start, end)
    assert shared is not None
    assert _words(text, shared.modifiers) == ["Armenian", "Azerbaijani"]
    assert shared.phrase("Armenian") == "Armenian defence ministry"


def test_states_after_of_share_the_title_before_it() -> None:
    text, start, end = _speaker(
        "The foreign ministers of Armenia and Azerbaijan said the commission would meet.",
        "The foreign ministers of Armenia and Azerbaijan")
    shared = shared_noun(parse(text), start, end)
    assert shared is not None and shared.of_form
    assert _words(text, shared.modifiers) == ["Armenia", "Azerbaijan"]
    assert shared.noun == "foreign minister"
    assert shared.phrase("Azerbaijan") == "foreign minister of Azerbaijan"
