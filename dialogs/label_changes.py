"""Apply the 'Change labels' card's values to a draft, checking every id against the taxonomy."""
from __future__ import annotations

from typing import Any

from nlp import Taxonomy

from dialogs.cards import ASSESSMENT_CHOICES, NO_PLACE
from dialogs.draft import Draft


class InvalidLabels(ValueError):
    """The submitted values name labels the taxonomy does not have (or miss a required one)."""


def _ids(raw: Any) -> list[str]:
    if raw is None:
        return []
    if isinstance(raw, list):
        return [str(x).strip() for x in raw if str(x).strip()]
    return [part.strip() for part in str(raw).split(",") if part.strip()]


def _checked(field: str, ids: list[str], allowed: Any) -> list[str]:
    unknown = [i for i in ids if i not in allowed]
    if unknown:
        raise InvalidLabels(f"{field}: I don't know {', '.join(unknown)}")
    return ids


def apply_changes(draft: Draft, values: dict[str, Any], taxonomy: Taxonomy) -> Draft:
    """A new draft with the submitted labels; raises InvalidLabels naming what was wrong."""
    service_areas = _checked("service areas", _ids(values.get("service_areas")), taxonomy.service_areas)
    if not service_areas:
        raise InvalidLabels("choose at least one service area")
    gap_type = _checked("gap type", _ids(values.get("gap_type")), taxonomy.gap_types)
    if len(gap_type) != 1:
        raise InvalidLabels("choose exactly one gap type")
    neighbourhood = str(values.get("neighbourhood") or NO_PLACE)
    locality = str(values.get("locality") or NO_PLACE)
    if neighbourhood != NO_PLACE:
        _checked("neighbourhood", [neighbourhood], taxonomy.wards)
        locality = taxonomy.wards[neighbourhood]
    elif locality != NO_PLACE:
        _checked("locality", [locality], taxonomy.localities)
    assessment_for = _checked("assessment", _ids(values.get("assessment_for")), ASSESSMENT_CHOICES)
    return Draft(
        **{**draft,
           "service_areas": service_areas,
           "gap_type": gap_type[0],
           "cohorts": _checked("cohorts", _ids(values.get("cohorts")), taxonomy.cohorts),
           "risks": _checked("risks", _ids(values.get("risks")), taxonomy.risks),
           "neighbourhood": None if neighbourhood == NO_PLACE else neighbourhood,
           "locality": None if locality == NO_PLACE else locality,
           "assessment_for": assessment_for[0] if assessment_for else draft["assessment_for"]}
    )
