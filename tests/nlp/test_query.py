from datetime import date

import pytest

NOV22 = date(2026, 11, 22)


def parse(gap, text, today=NOV22):
    return gap.parse_query(text, today).to_json()


@pytest.mark.parametrize("text, intent", [
    ("befriending gaps in north Manchester since March", "summary"),
    ("what's waiting for review", "review"),
    ("anything to screen?", "review"),
    ("export autism support gaps as csv pls", "export"),
    ("can u send me a spreadsheet of the south gaps", "export"),
    ("help", "help"),
    ("what can you do?", "help"),
    ("how do i export?", "help"),
])
def test_intents(gap, text, intent):
    assert parse(gap, text)["intent"] == intent


def test_the_contract_example(gap):
    assert parse(gap, "befriending gaps in north Manchester since March") == {
        "intent": "summary", "service_areas": ["befriending"], "cohorts": [], "gap_types": [], "risks": [],
        "localities": ["north"], "neighbourhoods": [], "since": "2026-03-01", "until": None}


def test_a_ward_fills_neighbourhoods_only_and_a_spanning_area_fills_localities(gap):
    got = parse(gap, "homecare in Gorton and Wythenshawe")
    assert got["neighbourhoods"] == ["Gorton & Abbey Hey"]
    assert got["localities"] == ["south"]


def test_out_of_area_places(gap):
    assert parse(gap, "care home gaps in Stockport")["localities"] == ["out_of_area"]


def test_autism_support_is_a_service_and_autistic_adults_a_cohort(gap):
    got = parse(gap, "autism support gaps for autistic adults")
    assert got["service_areas"] == ["autism_support"]
    assert got["cohorts"] == ["autism"]


def test_carers_support_is_a_service_and_unpaid_carers_a_cohort(gap):
    assert parse(gap, "carers support gaps")["service_areas"] == ["carer_support"]
    assert parse(gap, "carers support gaps")["cohorts"] == []
    assert parse(gap, "gaps for unpaid carers")["cohorts"] == ["unpaid_carer"]


def test_gap_types_and_risks(gap):
    got = parse(gap, "waiting list issues for dom care, carer breakdown risk, last month")
    assert got["service_areas"] == ["homecare"]
    assert got["gap_types"] == ["capacity"]
    assert got["risks"] == ["carer_breakdown"]
    assert (got["since"], got["until"]) == ("2026-10-01", "2026-10-31")


def test_misspelt_ward_in_a_question(gap):
    assert parse(gap, "gaps in levenshume last month")["neighbourhoods"] == ["Levenshulme"]


def test_a_help_question_carries_no_filters(gap):
    got = parse(gap, "how do dates work - can I say last quarter?")
    assert got["intent"] == "help"
    assert (got["since"], got["until"]) == (None, None)
