"""The shipped pipeline: freshness, shapes of the API, and its boundaries."""
import ast
import dataclasses
from pathlib import Path

import spacy

from nlp import Classification, GapNLP, QueryFilter, Redaction
from nlp.api import DEFAULT_MODEL
from nlp.train import META_HASH_KEY, model_inputs_hash

NLP_DIR = Path(__file__).resolve().parents[2] / "nlp"


def test_model_was_trained_on_the_current_corpus():
    meta = spacy.util.load_meta(DEFAULT_MODEL / "meta.json")
    assert meta[META_HASH_KEY] == model_inputs_hash(), \
        "the corpus or taxonomy changed since nlp/model was trained: run `make model`"


def test_load_is_shared_and_plain_spacy_load_works(gap):
    assert GapNLP.load() is gap
    assert GapNLP.load(DEFAULT_MODEL) is gap
    nlp = spacy.load(DEFAULT_MODEL)
    assert "gap_pii" in nlp.pipe_names and "ner" in nlp.pipe_names


def test_classification_shape(gap):
    texts = ["Mrs Begum is waiting 9 months for a carers assessment, her son Tariq is at breaking point",
             "telecare sensors not working again, 3rd callout this month"]
    results = gap.classify(iter(texts))
    assert len(results) == 2
    for c in results:
        assert isinstance(c, Classification)
        assert dataclasses.is_dataclass(c) and c.__dataclass_params__.frozen
        assert c.service_areas and set(c.service_areas) <= set(gap.taxonomy.service_areas)
        assert c.gap_type in gap.taxonomy.gap_types
        assert set(c.cohorts) <= set(gap.taxonomy.cohorts) and set(c.risks) <= set(gap.taxonomy.risks)
        assert set(c.scores) == set(gap.taxonomy.all_labels)
        assert c.assessment_for in ("carer", "citizen", None)
        assert set(c.to_json()) == {"service_areas", "gap_type", "cohorts", "risks", "neighbourhood",
                                    "locality", "redacted_text", "scores"}
    assert results[0].removed == {"PERSON": 2}
    assert results[0].redacted_text.startswith("[PERSON] is waiting")
    assert gap.classify([]) == []


def test_assessment_for_follows_the_unpaid_carer_probability(gap):
    for c in gap.classify(["the carer herself is exhausted and needs a carers assessment and a break",
                           "pendant alarm fitted same day, he feels safer"]):
        p = c.scores["unpaid_carer"]
        assert c.assessment_for == ("carer" if p >= 0.7 else "citizen" if p <= 0.3 else None)


def test_redaction_and_query_shapes(gap):
    r = gap.redact("call 07700 900123")
    assert isinstance(r, Redaction) and r == Redaction("call [PHONE]", {"PHONE": 1})
    from datetime import date
    q = gap.parse_query("help", date(2026, 11, 22))
    assert isinstance(q, QueryFilter) and q.intent == "help" and q.since is None


def test_taxonomy_is_exposed(gap):
    assert gap.taxonomy.wards["Moss Side"] == "central"
    assert gap.taxonomy.gap_types["capacity"]


def test_nlp_imports_nothing_from_the_bot_side():
    forbidden = {"bot", "dialogs", "storage", "app"}
    for path in NLP_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else []
            assert not {n.split(".")[0] for n in names} & forbidden, f"{path} imports {names}"
