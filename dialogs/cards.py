"""Adaptive Card builders: pure functions, data in, card JSON out (schema 1.5, what Teams renders)."""
from __future__ import annotations

from typing import Any, Mapping

from nlp import Taxonomy

from dialogs.draft import Draft
from dialogs.phrases import join_labels

CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
ASSESSMENT_CHOICES = {"citizen": "Citizen's assessment", "carer": "Carer's assessment"}
NO_PLACE = "none"


def _card(body: list[dict[str, Any]], actions: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "AdaptiveCard", "$schema": CARD_SCHEMA, "version": "1.5", "body": body, "actions": actions}


def _submit(title: str, action: str, draft_id: str, *, with_inputs: bool = False, style: str | None = None) -> dict:
    button: dict[str, Any] = {"type": "Action.Submit", "title": title, "data": {"action": action, "draft_id": draft_id}}
    if not with_inputs:
        button["associatedInputs"] = "none"
    if style:
        button["style"] = style
    return button


def _choices(labels: Mapping[str, str]) -> list[dict[str, str]]:
    return [{"title": title, "value": value} for value, title in labels.items()]


def place_text(draft: Draft, taxonomy: Taxonomy) -> str:
    locality = taxonomy.localities.get(draft["locality"] or "", "")
    if draft["neighbourhood"]:
        return f"{draft['neighbourhood']} ({locality})"
    return locality or "not given"


def confirmation_card(draft: Draft, taxonomy: Taxonomy) -> dict[str, Any]:
    """What the bot understood, with Save / Change labels / Cancel."""
    facts = [
        ("Service areas", join_labels(draft["service_areas"], taxonomy.service_areas)),
        ("Gap type", taxonomy.gap_types.get(draft["gap_type"], draft["gap_type"])),
        ("Cohorts", join_labels(draft["cohorts"], taxonomy.cohorts)),
        ("Risks", join_labels(draft["risks"], taxonomy.risks)),
        ("Place", place_text(draft, taxonomy)),
        ("Assessment", ASSESSMENT_CHOICES.get(draft["assessment_for"] or "", "not clear yet")),
    ]
    title = "Pen picture" if draft["kind"] == "pen_picture" else "Gap reflection"
    body: list[dict[str, Any]] = [
        {"type": "TextBlock", "text": f"{title}: here's what I understood", "weight": "Bolder", "size": "Medium",
         "wrap": True},
        {"type": "TextBlock", "text": draft["text"], "wrap": True, "isSubtle": True},
        {"type": "FactSet", "facts": [{"title": t, "value": v} for t, v in facts]},
    ]
    if not draft["assessment_for"]:
        body.append({
            "type": "Input.ChoiceSet", "id": "assessment_for", "style": "expanded", "isRequired": True,
            "label": "Was this a citizen's or a carer's assessment?",
            "errorMessage": "Choose citizen or carer", "choices": _choices(ASSESSMENT_CHOICES),
        })
    draft_id = draft["draft_id"]
    return _card(body, [
        _submit("Save", "save", draft_id, with_inputs=True, style="positive"),
        _submit("Change labels", "change", draft_id),
        _submit("Cancel", "cancel", draft_id, style="destructive"),
    ])


def change_card(draft: Draft, taxonomy: Taxonomy) -> dict[str, Any]:
    """Choice sets pre-filled with the bot's reading of the reflection."""

    def choice_set(input_id: str, label: str, labels: Mapping[str, str], value: str, multi: bool) -> dict[str, Any]:
        return {"type": "Input.ChoiceSet", "id": input_id, "label": label, "isMultiSelect": multi,
                "style": "compact", "value": value, "choices": _choices(labels)}

    wards = {NO_PLACE: "No ward", **{ward: ward for ward in taxonomy.wards}}
    localities = {NO_PLACE: "No place", **taxonomy.localities}
    body = [
        {"type": "TextBlock", "text": "Change what I understood", "weight": "Bolder", "size": "Medium", "wrap": True},
        choice_set("service_areas", "Service areas", taxonomy.service_areas, ",".join(draft["service_areas"]), True),
        choice_set("gap_type", "Gap type", taxonomy.gap_types, draft["gap_type"], False),
        choice_set("cohorts", "Cohorts", taxonomy.cohorts, ",".join(draft["cohorts"]), True),
        choice_set("risks", "Risks", taxonomy.risks, ",".join(draft["risks"]), True),
        choice_set("neighbourhood", "Neighbourhood (ward)", wards, draft["neighbourhood"] or NO_PLACE, False),
        choice_set("locality", "Locality (used when no ward is chosen)", localities, draft["locality"] or NO_PLACE,
                   False),
        choice_set("assessment_for", "Assessment", ASSESSMENT_CHOICES, draft["assessment_for"] or "", False),
    ]
    draft_id = draft["draft_id"]
    return _card(body, [
        _submit("Apply", "apply_changes", draft_id, with_inputs=True, style="positive"),
        _submit("Back", "back", draft_id),
    ])
