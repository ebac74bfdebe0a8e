"""What a practitioner's answer to a confirmation card means, typed or clicked."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from botbuilder.schema import Activity

_TYPED = {
    "save": "save", "yes": "save", "y": "save", "ok": "save", "confirm": "save",
    "change": "change", "edit": "change", "change labels": "change",
    "cancel": "cancel", "no": "cancel", "discard": "cancel", "stop": "cancel",
    "back": "back",
    "citizen": "citizen", "citizen's": "citizen", "citizens": "citizen", "citizen's assessment": "citizen",
    "carer": "carer", "carer's": "carer", "carers": "carer", "carer's assessment": "carer",
}
CARD_ACTIONS = frozenset({"save", "change", "cancel", "back", "apply_changes"})


@dataclass(frozen=True)
class Reply:
    action: str  # one of CARD_ACTIONS, "citizen", "carer", "text" (anything else typed) or "unknown_card"
    draft_id: str | None = None
    values: dict[str, Any] = field(default_factory=dict)


def interpret(activity: Activity) -> Reply:
    value = activity.value
    if isinstance(value, dict) and value:
        action = value.get("action")
        if action not in CARD_ACTIONS:
            return Reply("unknown_card")
        return Reply(action, value.get("draft_id"), {k: v for k, v in value.items() if k not in ("action", "draft_id")})
    if value is not None and not (activity.text or "").strip():
        return Reply("unknown_card")
    typed = re.sub(r"[\s.!]+$", "", (activity.text or "").strip().lower())
    typed = re.sub(r"\s+", " ", typed)
    return Reply(_TYPED.get(typed, "text"))
