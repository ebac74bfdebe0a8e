"""Plain-English phrases built from data (no Teams or card specifics)."""
from __future__ import annotations

from collections.abc import Mapping

_NOUNS = {
    "PERSON": ("a name", "names"),
    "NHS_NUMBER": ("an NHS number", "NHS numbers"),
    "NI_NUMBER": ("a National Insurance number", "National Insurance numbers"),
    "PHONE": ("a phone number", "phone numbers"),
    "EMAIL": ("an email address", "email addresses"),
    "POSTCODE": ("a postcode", "postcodes"),
    "ADDRESS": ("an address", "addresses"),
    "DATE_OF_BIRTH": ("a date of birth", "dates of birth"),
}


def removed_sentence(removed: dict[str, int]) -> str:
    """'I removed a name and an NHS number before saving.' (empty when nothing was removed)."""
    parts = []
    for tag, count in removed.items():
        if count <= 0:
            continue
        one, many = _NOUNS.get(tag, (f"a {tag.lower()}", f"{tag.lower()} items"))
        parts.append(one if count == 1 else f"{count} {many}")
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"I removed {listed} before saving."


def join_labels(ids: list[str], labels: Mapping[str, str], none: str = "none") -> str:
    """Human labels for taxonomy ids, comma-separated ("none" when there are none)."""
    names = [labels.get(i, i) for i in ids]
    return ", ".join(names) if names else none
