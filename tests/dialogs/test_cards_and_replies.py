"""Card builders, label changes, phrases and reply interpretation: pure functions."""
from __future__ import annotations

import pytest
from botbuilder.schema import Activity

from dialogs.cards import change_card, confirmation_card
from dialogs.label_changes import InvalidLabels, apply_changes
from dialogs.phrases import removed_sentence
from dialogs.replies import interpret
from nlp import load_taxonomy
from tests.dialogs.test_reflection_dialog import _draft

TAXONOMY = load_taxonomy()


def test_confirmation_card_shows_human_labels_and_three_buttons() -> None:
    card = confirmation_card(_draft(assessment_for="carer"), TAXONOMY)
    assert card["version"] == "1.5" and card["type"] == "AdaptiveCard"
    facts = {f["title"]: f["value"] for f in card["body"][2]["facts"]}
    assert facts["Service areas"] == "Befriending & social connection"
    assert facts["Place"] == "Moston (North Manchester)"
    assert facts["Assessment"] == "Carer's assessment"
    assert [a["data"]["action"] for a in card["actions"]] == ["save", "change", "cancel"]
    assert not any(item.get("id") == "assessment_for" for item in card["body"])


def test_change_card_is_prefilled_with_the_reading() -> None:
    inputs = {i["id"]: i for i in change_card(_draft(), TAXONOMY)["body"] if i["type"] == "Input.ChoiceSet"}
    assert inputs["service_areas"]["value"] == "befriending" and inputs["service_areas"]["isMultiSelect"]
    assert inputs["neighbourhood"]["value"] == "Moston"
    assert len(inputs["neighbourhood"]["choices"]) == len(TAXONOMY.wards) + 1


def test_apply_changes_derives_locality_from_the_ward() -> None:
    changed = apply_changes(_draft(), {"service_areas": "homecare,transport", "gap_type": "quality",
                                       "neighbourhood": "Hulme", "locality": "north"}, TAXONOMY)
    assert changed["service_areas"] == ["homecare", "transport"]
    assert (changed["neighbourhood"], changed["locality"]) == ("Hulme", "central")


@pytest.mark.parametrize("values", [
    {"service_areas": "", "gap_type": "quality"},
    {"service_areas": "homecare", "gap_type": "quality,capacity"},
    {"service_areas": "homecare", "gap_type": "quality", "neighbourhood": "Atlantis"},
    {"service_areas": "homecare", "gap_type": "quality", "cohorts": "aliens"},
])
def test_apply_changes_rejects_what_the_taxonomy_does_not_have(values: dict) -> None:
    with pytest.raises(InvalidLabels):
        apply_changes(_draft(), values, TAXONOMY)


def test_removed_sentence() -> None:
    assert removed_sentence({}) == ""
    assert removed_sentence({"PERSON": 1, "NHS_NUMBER": 1}) == "I removed a name and an NHS number before saving."
    assert removed_sentence({"PHONE": 2, "EMAIL": 1, "POSTCODE": 1}) == (
        "I removed 2 phone numbers, an email address and a postcode before saving.")


@pytest.mark.parametrize("text, action", [("Save", "save"), ("yes!", "save"), ("change", "change"),
                                           ("Cancel.", "cancel"), ("carer's", "carer"), ("no befriending", "text")])
def test_typed_replies(text: str, action: str) -> None:
    assert interpret(Activity(text=text)).action == action


def test_card_replies() -> None:
    reply = interpret(Activity(value={"action": "save", "draft_id": "d", "assessment_for": "carer"}))
    assert (reply.action, reply.draft_id, reply.values) == ("save", "d", {"assessment_for": "carer"})
    assert interpret(Activity(value={"action": "rm -rf"})).action == "unknown_card"
