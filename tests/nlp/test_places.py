import pytest
import spacy

from nlp import load_taxonomy
from nlp.places import PlaceFinder
from nlp.taxonomy import load_phrases


@pytest.fixture(scope="module")
def find():
    tax = load_taxonomy()
    phrases = load_phrases(tax)
    finder = PlaceFinder(tax, phrases["locality_phrases"], phrases["capitalised_only_places"])
    make_doc = spacy.blank("en").make_doc
    return lambda text: [(p.ward, p.locality) for p in finder.find(make_doc(text))]


@pytest.mark.parametrize("text, expected", [
    ("lives in Moss Side", [("Moss Side", "central")]),
    ("lives in moss side", [("Moss Side", "central")]),
    ("flat in LEVENSHULME", [("Levenshulme", "central")]),
    ("Gorton", [("Gorton & Abbey Hey", "central")]),
    ("gorton and abbey hey", [("Gorton & Abbey Hey", "central")]),
    ("Newton Heath", [("Miles Platting & Newton Heath", "north")]),
    ("Cheetham Hill", [("Cheetham", "north")]),
    ("Chorlton-cum-Hardy", [("Chorlton", "south")]),
    ("chorlton cum hardy", [("Chorlton", "south")]),
    ("Benchill", [("Sharston", "south")]),
    ("Higher Blackley", [("Higher Blackley", "north")]),
    ("Blackley", [(None, "north")]),
    ("Wythenshawe", [(None, "south")]),
    ("Didsbury", [(None, "south")]),
    ("Didsbury West", [("Didsbury West", "south")]),
    ("the city centre", [(None, "central")]),
    ("north Manchester", [(None, "north")]),
    ("south of the city", [(None, "south")]),
    ("moved to Stockport", [(None, "out_of_area")]),
    ("a home in Trafford", [(None, "out_of_area")]),
])
def test_names_aliases_areas_and_out_of_area(find, text, expected):
    assert find(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Wythenshaw", [(None, "south")]),
    ("Levenshume", [("Levenshulme", "central")]),
    ("Harpurhy", [("Harpurhey", "north")]),
    ("Crumsall", [("Crumpsall", "north")]),
    ("Fallowfeild", [("Fallowfield", "central")]),
    ("Ardwik", [("Ardwick", "central")]),
])
def test_small_misspellings_resolve(find, text, expected):
    assert find(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("over Beswick way", [("Ancoats & Beswick", "north")]),
    ("anything Newton Heath way?", [("Miles Platting & Newton Heath", "north")]),
    ("lives on Beswick Way in Ancoats", [("Ancoats & Beswick", "north")]),
])
def test_a_colloquial_way_is_the_area_and_a_street_called_way_is_not(find, text, expected):
    assert find(text) == expected


@pytest.mark.parametrize("text", [
    "Manchester", "in the city", "house for sale", "bury the hatchet", "lives on Rochdale Road",
    "Mrs Clayton was seen", "M22", "Hope Street day centre",
])
def test_no_place(find, text):
    assert find(text) == []


def test_capitalised_only_names_still_resolve_when_capitalised(find):
    assert find("day centre in Sale") == [(None, "out_of_area")]


def test_reflection_place_prefers_a_ward(gap):
    [c] = gap.classify(["discharged from Wythenshawe hospital, lives in Benchill, no pkg available"])
    assert (c.neighbourhood, c.locality) == ("Sharston", "south")
    [c] = gap.classify(["no befriending anywhere in Manchester for him"])
    assert (c.neighbourhood, c.locality) == (None, None)
