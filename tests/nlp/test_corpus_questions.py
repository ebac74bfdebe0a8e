from datetime import date

import pytest

from nlp import load_taxonomy
from nlp.corpus import CORPUS_DIR, read_jsonl
from nlp.taxonomy import QUERY_FIELDS

INTENTS = {"summary", "review", "export", "help"}


@pytest.mark.parametrize("path", sorted(CORPUS_DIR.glob("queries_*.jsonl")), ids=lambda p: p.name)
def test_every_question_in_the_corpus_has_a_valid_parse(path):
    tax = load_taxonomy()
    allowed = {field: set(getattr(tax, attribute)) for field, attribute in QUERY_FIELDS.items()}
    for line, rec in enumerate(read_jsonl(path), 1):
        where = f"{path.name}:{line}"
        assert rec["intent"] in INTENTS, where
        for field, labels in allowed.items():
            assert set(rec[field]) <= labels, (where, field, rec[field])
        since, until = (date.fromisoformat(rec[k]) if rec[k] else None for k in ("since", "until"))
        assert not (since and until) or since <= until, where
        if rec["intent"] == "help":
            assert not any(rec[field] for field in allowed) and not since and not until, where
