import hashlib

import pytest

from nlp import load_taxonomy
from nlp.agreement import AGREEMENT_DIR, question_rows, reflection_rows
from nlp.corpus import CORPUS_DIR, HELDOUT_FILE, QUERIES_HELDOUT_FILE, read_jsonl

HELDOUT_OF = {"reflections_heldout.jsonl": HELDOUT_FILE, "questions_heldout.jsonl": QUERIES_HELDOUT_FILE}


@pytest.mark.parametrize("name", ["reflections_sample.jsonl", "questions_sample.jsonl",
                                  "reflections_heldout.jsonl", "questions_heldout.jsonl"])
def test_agreement_labels_still_point_at_the_texts_they_were_given_for(name):
    """The annotations hold no text, only a line and a hash of it: editing or reordering a corpus
    file without redoing the study would silently compare labels of different texts."""
    files: dict[str, list[dict]] = {}
    for rec in read_jsonl(AGREEMENT_DIR / name):
        source = HELDOUT_OF.get(name) or rec["file"]
        text = files.setdefault(source, read_jsonl(CORPUS_DIR / source))[rec["line"]]["text"]
        assert hashlib.sha256(text.encode()).hexdigest()[:16] == rec["text_sha256"], (source, rec["line"])


def test_reflection_annotations_use_taxonomy_ids():
    tax = load_taxonomy()
    for name in ("reflections_sample.jsonl", "reflections_heldout.jsonl"):
        for rec in read_jsonl(AGREEMENT_DIR / name):
            for labels in rec.get("annotators", []) + [rec.get("annotator") or rec["writer"]]:
                assert set(labels["cohorts"]) <= set(tax.cohorts) and set(labels["risks"]) <= set(tax.risks)


def test_agreement_figures_are_rates():
    assert all(0.0 <= score <= 1.0 for _, _, scores in reflection_rows() for score in scores.values())
    assert all(0.0 <= score <= 1.0 for _, _, score in question_rows())
