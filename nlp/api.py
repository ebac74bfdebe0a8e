"""The typed API the bot and the command-line tools call: one pipeline, loaded once."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import pipeline  # noqa: F401  (registers every custom factory and architecture before spacy.load)
from .decide import all_facets, assessment_for
from .query import QueryFilter, QueryParser
from .taxonomy import Taxonomy

DEFAULT_MODEL = Path(__file__).with_name("model")
BATCH_SIZE = 256
#: The components redaction needs (no text classifiers).
REDACTION_PIPES = ("gap_norms", "tok2vec", "ner", "gap_places", "gap_pii")
META_THRESHOLDS_KEY = "gap_thresholds"   # written by nlp.train


@dataclass(frozen=True)
class Redaction:
    text: str
    removed: dict[str, int] = field(default_factory=dict)   # tag ("PERSON") -> items removed


@dataclass(frozen=True)
class Classification:
    service_areas: list[str]
    gap_type: str
    cohorts: list[str]
    risks: list[str]
    neighbourhood: str | None
    locality: str | None
    redacted_text: str
    scores: dict[str, float]
    removed: dict[str, int]
    assessment_for: str | None   # "carer" / "citizen" / None: see decide.assessment_for

    def to_json(self) -> dict:
        """The classify contract's fields (minus "id")."""
        return {"service_areas": list(self.service_areas), "gap_type": self.gap_type,
                "cohorts": list(self.cohorts), "risks": list(self.risks),
                "neighbourhood": self.neighbourhood, "locality": self.locality,
                "redacted_text": self.redacted_text, "scores": dict(self.scores)}


class GapNLP:
    """Classifies, places and redacts reflections; parses commissioners' questions."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        places = nlp.get_pipe("gap_places")
        self.taxonomy: Taxonomy = places.taxonomy
        self._query = QueryParser(places.phrases, places.finder, nlp.make_doc, places.lexicon)
        self._redaction_pipes = [(name, proc) for name, proc in nlp.pipeline if name in REDACTION_PIPES]
        self._thresholds: dict[str, float] = nlp.meta.get(META_THRESHOLDS_KEY, {})

    @classmethod
    def load(cls, path: str | Path | None = None) -> "GapNLP":
        """Load the shipped pipeline (default nlp/model); repeated calls share one instance."""
        return _load(Path(path or DEFAULT_MODEL).resolve())

    def classify(self, texts: Iterable[str]) -> list[Classification]:
        return [self._classification(doc) for doc in self.nlp.pipe(texts, batch_size=BATCH_SIZE)]

    def redact(self, text: str) -> Redaction:
        doc = self.nlp.make_doc(text)
        for _, proc in self._redaction_pipes:
            doc = proc(doc)
        return Redaction(doc._.redacted_text, doc._.removed)

    def parse_query(self, text: str, today: date) -> QueryFilter:
        return self._query.parse(text, today)

    def _classification(self, doc: Doc) -> Classification:
        cats = {label: float(doc.cats.get(label, 0.0)) for label in self.taxonomy.all_labels}
        facets = all_facets(self.taxonomy, cats, self._thresholds)
        place = doc._.place
        return Classification(
            service_areas=facets["service_areas"], gap_type=facets["gap_type"][0],
            cohorts=facets["cohorts"], risks=facets["risks"],
            neighbourhood=place.ward if place else None, locality=place.locality if place else None,
            redacted_text=doc._.redacted_text, scores=cats, removed=doc._.removed,
            assessment_for=assessment_for(cats))


@lru_cache(maxsize=4)
def _load(path: Path) -> GapNLP:
    return GapNLP(spacy.load(path))
