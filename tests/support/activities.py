"""Teams-shaped activities for driving the bot over HTTP."""
from __future__ import annotations

import uuid
from typing import Any


def _new_id() -> str:
    return f"act-{uuid.uuid4().hex}"


def message(service_url: str, conversation_id: str, text: str | None = None, *, user_aad: str | None = "aad-user-1",
            value: dict[str, Any] | None = None, activity_id: str | None = None,
            conversation_type: str = "personal", attachments: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    sender: dict[str, Any] = {"id": f"29:{user_aad or 'anon'}", "name": "Test Practitioner"}
    if user_aad:
        sender["aadObjectId"] = user_aad
    activity: dict[str, Any] = {
        "type": "message",
        "id": activity_id or _new_id(),
        "channelId": "msteams",
        "serviceUrl": service_url,
        "from": sender,
        "recipient": {"id": "28:gapbot", "name": "Gap Bot"},
        "conversation": {"id": conversation_id, "conversationType": conversation_type, "tenantId": "tenant-1"},
        "locale": "en-GB",
    }
    if text is not None:
        activity["text"] = text
    if value is not None:
        activity["value"] = value
    if attachments is not None:
        activity["attachments"] = attachments
    return activity


def members_added(service_url: str, conversation_id: str) -> dict[str, Any]:
    return {
        "type": "conversationUpdate",
        "id": _new_id(),
        "channelId": "msteams",
        "serviceUrl": service_url,
        "from": {"id": "29:aad-user-1", "aadObjectId": "aad-user-1"},
        "recipient": {"id": "28:gapbot", "name": "Gap Bot"},
        "conversation": {"id": conversation_id, "conversationType": "personal", "tenantId": "tenant-1"},
        "membersAdded": [{"id": "28:gapbot"}],
    }
