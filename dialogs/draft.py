"""A reflection the practitioner has not saved yet, kept in dialog state as plain JSON."""
from __future__ import annotations

import uuid
from typing import Any, TypedDict

from nlp import Classification

PEN_PICTURE_PREFIX = "pen picture"


class Draft(TypedDict):
    draft_id: str
    kind: str
    text: str  # redacted
    service_areas: list[str]
    gap_type: str
    cohorts: list[str]
    risks: list[str]
    neighbourhood: str | None
    locality: str | None
    assessment_for: str | None
    removed: dict[str, int]


def draft_from(analysis: Classification, assessment_for: str | None = None) -> Draft:
    """Turn the NLP's reading of a message into a draft. The text in it is the redacted text."""
    text = analysis.redacted_text
    return Draft(
        draft_id=uuid.uuid4().hex,
        kind="pen_picture" if text.lower().lstrip().startswith(PEN_PICTURE_PREFIX) else "reflection",
        text=text,
        service_areas=list(analysis.service_areas),
        gap_type=analysis.gap_type,
        cohorts=list(analysis.cohorts),
        risks=list(analysis.risks),
        neighbourhood=analysis.neighbourhood,
        locality=analysis.locality,
        assessment_for=assessment_for or analysis.assessment_for,
        removed=dict(analysis.removed),
    )


def merged_removed(*counts: dict[str, Any]) -> dict[str, int]:
    total: dict[str, int] = {}
    for count in counts:
        for tag, n in count.items():
            total[tag] = total.get(tag, 0) + int(n)
    return total

#: turn_state key under which the bot puts the NLP's reading of the incoming message
#: (the message text itself has already been replaced by its redacted form).
ANALYSIS_KEY = "gapbot.analysis"
