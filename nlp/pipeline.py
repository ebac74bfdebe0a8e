"""Building the untrained pipeline from a spaCy config.

One shared tok2vec feeds the `ner` and (for "ensemble"/"cnn" facets) the text
classifiers through listeners, so the text is embedded once per message.
Each facet's architecture is a parameter so that `nlp.train --compare` can
measure them side by side; the shipped choice is DEFAULT_ARCHITECTURES.
"""
# No `from __future__ import annotations` in this module: spaCy 3.7 checks factory
# signatures with pydantic, which needs the annotations as real types.

from typing import Iterable, Mapping

import spacy
from spacy.language import Language
from spacy.pipeline.textcat import TextCategorizer
from spacy.tokens import Doc
from spacy.training import Example
from thinc.api import Config, Model

from . import components, ml  # noqa: F401  (registers the rule components and the BOW model)
from .corpus import NER_LABELS
from .taxonomy import EXCLUSIVE_FACETS, FACETS, Taxonomy

ARCHITECTURES = ("bow", "ensemble", "cnn")
DEFAULT_ARCHITECTURES: Mapping[str, str] = {facet: "bow" for facet in FACETS}
RULES = ["gap_places", "gap_pii"]

_TOK2VEC = """
[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
rows = [{rows}, {rows_affix}, {rows_affix}, 100]
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = 1
maxout_pieces = 3

[components.ner]
factory = "ner"

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = {ner_hidden}
maxout_pieces = {ner_pieces}
use_upper = true

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = {width}
upstream = "tok2vec"

[components.gap_norms]
factory = "gap_norms"

[components.gap_places]
factory = "gap_places"

[components.gap_pii]
factory = "gap_pii"
ner_labels = {ner_labels}
"""

_BOW_SETTINGS = """@architectures = "gap.TextCatTfidfBOW.v1"
exclusive_classes = {exclusive}
ngram_size = {ngram_size}
length = {bow_length}
scale = {bow_scale}
"""
_BOW = "\n[components.{name}.model]\n" + _BOW_SETTINGS

_ENSEMBLE = """
[components.{name}.model]
@architectures = "spacy.TextCatEnsemble.v2"

[components.{name}.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = {width}
upstream = "tok2vec"

[components.{name}.model.linear_model]
""" + _BOW_SETTINGS

_CNN = """
[components.{name}.model]
@architectures = "spacy.TextCatReduce.v1"
exclusive_classes = {exclusive}
use_reduce_first = false
use_reduce_last = false
use_reduce_max = true
use_reduce_mean = true

[components.{name}.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = {width}
upstream = "tok2vec"
"""
_MODELS = {"bow": _BOW, "ensemble": _ENSEMBLE, "cnn": _CNN}


class FacetTextCategorizer(TextCategorizer):
    """An exclusive text classifier that shares doc.cats with the other facets: it only
    checks "exactly one" over its own labels (spaCy's checks all cats on the doc)."""

    def _validate_categories(self, examples: Iterable[Example]) -> None:
        for ex in examples:
            own = [ex.reference.cats[label] for label in self.labels if label in ex.reference.cats]
            if own.count(1.0) > 1 or any(v not in (0.0, 1.0) for v in own):
                raise ValueError(f"{self.name}: expected one positive label, got {own}")


@Language.factory("facet_textcat", default_config={
    "threshold": 0.0, "scorer": {"@scorers": "spacy.textcat_scorer.v2"}})
def make_facet_textcat(nlp: Language, name: str, model: Model[list[Doc], object], threshold: float,
                       scorer) -> FacetTextCategorizer:
    return FacetTextCategorizer(nlp.vocab, model, name, threshold=threshold, scorer=scorer)


def build_config(taxonomy: Taxonomy, architectures: Mapping[str, str] = DEFAULT_ARCHITECTURES, *,
                 width: int = 32, depth: int = 1, rows: int = 3000, bow_length: int = 2 ** 16,
                 ngram_size: int = 2, bow_scale: float = 4.0, ner_hidden: int = 32, ner_pieces: int = 1) -> Config:
    """The full training config: pipeline, model sizes and each component's labels."""
    facets = list(FACETS)
    text = f"""
[nlp]
lang = "en"
pipeline = ["gap_norms", "tok2vec", "ner", "gap_places", "gap_pii", {", ".join(f'"{f}"' for f in facets)}]
batch_size = 256

[components]
""" + _TOK2VEC.format(width=width, depth=depth, rows=rows, rows_affix=rows // 2, ner_hidden=ner_hidden,
                      ner_pieces=ner_pieces,
                      ner_labels=list(NER_LABELS)).replace("'", '"')
    for facet in facets:
        exclusive = facet in EXCLUSIVE_FACETS
        text += f"""
[components.{facet}]
factory = "{'facet_textcat' if exclusive else 'textcat_multilabel'}"
threshold = {0.0 if exclusive else 0.5}
""" + _MODELS[architectures[facet]].format(name=facet, exclusive=str(exclusive).lower(),
                                           width=width, bow_length=bow_length,
                                           ngram_size=ngram_size, bow_scale=bow_scale)
    text += "\n[initialize]\n\n[initialize.components]\n"
    for facet in facets:
        labels = ", ".join(f'"{label}"' for label in taxonomy.facet_labels(facet))
        text += f"\n[initialize.components.{facet}]\nlabels = [{labels}]\n"
    return Config().from_str(text)


def create_pipeline(taxonomy: Taxonomy, architectures: Mapping[str, str] = DEFAULT_ARCHITECTURES,
                    **sizes: int) -> Language:
    """An untrained pipeline (call nlp.initialize with examples before training)."""
    return spacy.util.load_model_from_config(build_config(taxonomy, architectures, **sizes), auto_fill=True)
