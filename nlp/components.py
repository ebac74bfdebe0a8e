"""The pipeline's rule components, registered with spaCy so `spacy.load` builds them.

gap_norms:  token norms that generalise ages ("84yo" -> an over-65 norm) for the models.
gap_places: place mentions (doc._.places) and the reflection's place (doc._.place).
gap_pii:    personal data = patterns + the trained ner's PERSON/ADDRESS (doc._.pii),
            with place names protected; it also sets doc._.redacted_text and doc._.removed.
"""
# No `from __future__ import annotations` in this module: spaCy 3.7 checks factory
# signatures with pydantic, which needs the annotations as real types.

import json
import re
from pathlib import Path

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc

from .pii import DIGIT, PERSON, PIISpan, merge_spans, redact, rule_spans
from .places import TITLES, Place, PlaceFinder
from .taxonomy import Taxonomy, load_phrases, load_taxonomy

TAXONOMY_FILE, PHRASES_FILE, LEXICON_FILE, NAMES_FILE = "taxonomy.json", "phrases.json", "lexicon.json", "names.json"

Doc.set_extension("places", default=None, force=True)
Doc.set_extension("place", default=None, force=True)
Doc.set_extension("pii", default=None, force=True)
Doc.set_extension("redacted_text", default=None, force=True)
Doc.set_extension("removed", default=None, force=True)


_AGE = re.compile(r"(\d{2,3})(yo|y/o|yrs?|years?)?")
_AGE_NEXT = {"yo", "y/o", "yr", "yrs", "year", "years", "-"}
_AGE_PREV = {"aged", "age"}
AGE_NORMS = ((18, 25, "__age18to25__"), (65, 130, "__age65plus__"))


def _age_norm(token) -> str | None:
    m = _AGE.fullmatch(token.lower_)
    if not m:
        return None
    nxt = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    prev = token.nbor(-1).lower_ if token.i > 0 else ""
    if not (m.group(2) or nxt in _AGE_NEXT or prev in _AGE_PREV):
        return None
    age = int(m.group(1))
    return next((norm for low, high, norm in AGE_NORMS if low <= age <= high), "__age__")


@Language.component("gap_norms")
def gap_norms(doc: Doc) -> Doc:
    # Only words with a digit can be ages: look them up in the ORTH array rather than
    # building a Token for every word.
    strings = doc.vocab.strings
    for i, orth in enumerate(doc.to_array(ORTH).tolist()):
        if DIGIT.search(strings[orth]):
            norm = _age_norm(doc[i])
            if norm:
                doc[i].norm_ = norm
    return doc


class GapPlaces:
    """Finds places. Also the pipeline's store of domain tables: it saves its copy of the
    taxonomy, the wording tables and the spelling lexicon (set by training) with the
    model, so a saved pipeline is self-contained."""

    def __init__(self, taxonomy: Taxonomy | None = None, phrases: dict | None = None) -> None:
        self.lexicon: list[str] = []
        self._set(taxonomy or load_taxonomy(), phrases)

    def _set(self, taxonomy: Taxonomy, phrases: dict | None) -> None:
        self.taxonomy = taxonomy
        self.phrases = phrases or load_phrases(taxonomy)
        self.finder = PlaceFinder(taxonomy, self.phrases["locality_phrases"],
                                  self.phrases["capitalised_only_places"])

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = self.finder.find(doc)
        doc._.place = self.finder.choose(doc._.places)
        return doc

    def to_disk(self, path: Path, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, data in ((TAXONOMY_FILE, self.taxonomy.to_dict()), (PHRASES_FILE, self.phrases),
                           (LEXICON_FILE, self.lexicon)):
            (path / name).write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path: Path, exclude=()) -> "GapPlaces":
        taxonomy = load_taxonomy(Path(path) / TAXONOMY_FILE)
        self._set(taxonomy, load_phrases(taxonomy, Path(path) / PHRASES_FILE))
        self.lexicon = json.loads((Path(path) / LEXICON_FILE).read_text(encoding="utf-8"))
        return self


#: A name followed by one of these names a place or service ("Dawn House", "Amber Lodge").
BUILDING_WORDS = frozenset({"house", "lodge", "court", "centre", "center", "hall", "trust", "team", "network",
                            "project", "club", "scheme", "home", "society", "services", "group", "unit",
                            "hospital", "surgery", "practice", "college", "school", "foundation", "mews",
                            "gardens", "park", "street", "road", "lane", "avenue", "close", "way"})
DETERMINERS = frozenset({"the", "a", "an", "their", "his", "her", "our", "your", "my", "its"})


def _names_a_building(span) -> bool:
    doc = span.doc
    return span.label_ != "ADDRESS" and span.end < len(doc) and doc[span.end].lower_ in BUILDING_WORDS


def _is_a_role(span) -> bool:
    """"the Dr agreed", "her GP": a title after a determiner names a role, not a person."""
    doc = span.doc
    return span[0].lower_.rstrip(".") in TITLES and span.start > 0 and doc[span.start - 1].lower_ in DETERMINERS


def _overlaps(start: int, end: int, spans: set[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)


class GapPII:
    """Merges pattern hits with the ner's PERSON/ADDRESS entities and the name gazetteer
    learned from the corpus (set by training, saved with the model). Patterns win on
    overlap (they are validated); an entity that overlaps a known place ("(Whalley Range"),
    or is only a title or a title after a determiner ("the Dr", "the Dr agreed"), is dropped."""

    def __init__(self, ner_labels: list[str]) -> None:
        self.ner_labels = set(ner_labels)
        self.names: set[str] = set()

    def __call__(self, doc: Doc) -> Doc:
        places = {(p.start, p.end) for p in (doc._.places or [])}
        learned = [PIISpan(e.start_char, e.end_char, e.label_) for e in doc.ents
                   if e.label_ in self.ner_labels and not _overlaps(e.start_char, e.end_char, places)
                   and not all(t.lower_.rstrip(".") in TITLES for t in e) and not _is_a_role(e)
                   and not _names_a_building(e)]
        learned += [PIISpan(t.idx, t.idx + len(t), PERSON) for t in
                    (doc[i] for i, key in enumerate(doc.to_array(LOWER).tolist()) if key in self._name_keys)
                    if not _names_a_building(doc[t.i:t.i + 1])]
        text = doc.text
        rules = [s for s in rule_spans(text) if not (s.label == PERSON and (s.start, s.end) in places)]
        doc._.pii = merge_spans(rules, learned, text)
        doc._.redacted_text, doc._.removed = redact(text, doc._.pii)
        return doc

    @property
    def names(self) -> set[str]:
        return self._names

    @names.setter
    def names(self, names: set[str]) -> None:
        """The gazetteer (lower-case words), also kept as LOWER hashes for a vectorised lookup."""
        self._names = set(names)
        self._name_keys = {hash_string(n) for n in self._names}

    def to_disk(self, path: Path, exclude=()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)
        (Path(path) / NAMES_FILE).write_text(json.dumps(sorted(self.names), ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path: Path, exclude=()) -> "GapPII":
        self.names = set(json.loads((Path(path) / NAMES_FILE).read_text(encoding="utf-8")))
        return self


@Language.factory("gap_places")
def make_gap_places(nlp: Language, name: str) -> GapPlaces:
    return GapPlaces()


@Language.factory("gap_pii", default_config={"ner_labels": ["PERSON", "ADDRESS"]})
def make_gap_pii(nlp: Language, name: str, ner_labels: list[str]) -> GapPII:
    return GapPII(ner_labels)


__all__ = ["GapPlaces", "GapPII", "Place"]
