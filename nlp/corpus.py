"""Reading the shipped corpus (nlp/corpus/*.jsonl) and turning it into spaCy examples."""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path
from typing import Iterator

from spacy.language import Language
from spacy.training import Example

from .pii import ADDRESS, PERSON
from .taxonomy import FACETS, Taxonomy

CORPUS_DIR = Path(__file__).with_name("corpus")
TRAIN_GLOB = "reflections_train_*.jsonl"
HELDOUT_FILE = "reflections_heldout.jsonl"
QUERIES_TRAIN_FILE = "queries_train.jsonl"
QUERIES_HELDOUT_FILE = "queries_heldout.jsonl"
#: Personal-data tags the trained `ner` learns; the others are left to patterns.
NER_LABELS = (PERSON, ADDRESS)


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def train_files(corpus_dir: Path = CORPUS_DIR) -> list[Path]:
    return sorted(corpus_dir.glob(TRAIN_GLOB))


def training_records(corpus_dir: Path = CORPUS_DIR) -> list[dict]:
    return [rec for path in train_files(corpus_dir) for rec in read_jsonl(path)]


def build_lexicon(texts: list[str], min_count: int = 2, min_len: int = 5) -> list[str]:
    """Words written at least `min_count` times in the training texts: what the question
    parser trusts as spelt right (anything else within a typo of one is corrected to it)."""
    counts = Counter(w for text in texts for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= min_len)
    return sorted(w for w, n in counts.items() if n >= min_count)


def build_name_lexicon(records: list[dict], min_len: int = 3) -> list[str]:
    """Words the training texts only ever use inside a PERSON span ("tariq", "okafor"):
    a gazetteer for names the ner misses. Words also seen outside a name ("hope" in
    "Hope Street", "will") are left out, so place and service names keep surviving."""
    inside, outside = set(), set()
    for rec in records:
        people = [(s["start"], s["end"]) for s in rec["pii"] if s["label"] == PERSON]
        for m in re.finditer(r"[^\W\d_]+(?:['’][^\W\d_]+)*", rec["text"]):
            word = m.group().lower()
            (inside if any(a <= m.start() and m.end() <= b for a, b in people) else outside).add(word)
    return sorted(w for w in inside - outside if len(w) >= min_len)


def corpus_hash(corpus_dir: Path = CORPUS_DIR, extra: tuple[Path, ...] = ()) -> str:
    """SHA-256 over the training files (and any extra inputs such as the taxonomy):
    the model's meta records it so a stale model is detected."""
    h = hashlib.sha256()
    for path in [*train_files(corpus_dir), *extra]:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def gold_cats(rec: dict, taxonomy: Taxonomy) -> dict[str, float]:
    cats: dict[str, float] = {}
    for facet in FACETS:
        gold = rec[facet] if isinstance(rec[facet], list) else [rec[facet]]
        cats.update({label: float(label in gold) for label in taxonomy.facet_labels(facet)})
    return cats


def to_examples(nlp: Language, records: list[dict], taxonomy: Taxonomy) -> Iterator[Example]:
    """Examples with every facet's cats and PERSON/ADDRESS entities from the pii spans."""
    for rec in records:
        doc = nlp.make_doc(rec["text"])
        ents = []
        for span in rec["pii"]:
            if span["label"] in NER_LABELS:
                ent = doc.char_span(span["start"], span["end"], label=span["label"], alignment_mode="expand")
                if ent is not None and all(ent.end <= e.start or ent.start >= e.end for e in ents):
                    ents.append(ent)
        yield Example.from_dict(doc, {"cats": gold_cats(rec, taxonomy),
                                      "entities": [(e.start_char, e.end_char, e.label_) for e in ents]})
