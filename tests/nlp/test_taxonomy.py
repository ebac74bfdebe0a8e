import json

import pytest

from nlp import load_taxonomy
from nlp.taxonomy import DEFAULT_PATH, FACETS, Taxonomy, load_phrases


def test_taxonomy_tables_match_the_data_file():
    tax = load_taxonomy()
    data = json.loads(DEFAULT_PATH.read_text())
    assert dict(tax.service_areas) == data["service_areas"]
    assert dict(tax.wards) == data["wards"]
    assert len(tax.wards) == 32
    assert set(tax.wards.values()) == {"north", "central", "south"}
    assert tax.facet_labels("gap_type") == list(data["gap_types"])
    assert set(FACETS) == {"service_areas", "gap_type", "cohorts", "risks"}


def test_taxonomy_rejects_an_alias_to_an_unknown_ward():
    data = json.loads(DEFAULT_PATH.read_text())
    data["ward_aliases"]["Nowhere"] = "Atlantis"
    with pytest.raises(ValueError, match="Atlantis"):
        Taxonomy.from_dict(data)


def test_taxonomy_rejects_label_ids_shared_between_facets():
    data = json.loads(DEFAULT_PATH.read_text())
    data["cohorts"]["homecare"] = "Homecare"
    with pytest.raises(ValueError, match="unique"):
        Taxonomy.from_dict(data)


def test_wording_tables_name_only_taxonomy_labels(tmp_path):
    tax = load_taxonomy()
    phrases = load_phrases(tax)
    assert phrases["query_filters"]
    phrases["query_filters"]["made up"] = ["cohorts:martians"]
    bad = tmp_path / "phrases.json"
    bad.write_text(json.dumps(phrases))
    with pytest.raises(ValueError, match="martians"):
        load_phrases(tax, bad)
