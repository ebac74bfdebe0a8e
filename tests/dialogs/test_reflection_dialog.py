"""ReflectionDialog in isolation (botbuilder's DialogTestClient), with state in the real database."""
from __future__ import annotations

from botbuilder.core import ConversationState
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount
from botbuilder.testing import DialogTestClient
from sqlalchemy import select

from dialogs.draft import Draft
from dialogs.reflection_dialog import ASK_ASSESSMENT, CANCELLED, ReflectionDialog
from nlp import load_taxonomy
from storage.database import Database
from storage.dialog_storage import SqlAlchemyStorage
from storage.models import Reflection
from storage.reflections import ReflectionRepository


def _draft(**overrides: object) -> Draft:
    draft = Draft(draft_id="d-1", kind="reflection", text="No befriender for [PERSON] in Moston",
                  service_areas=["befriending"], gap_type="capacity", cohorts=["older_people"],
                  risks=["social_isolation"], neighbourhood="Moston", locality="north", assessment_for=None,
                  removed={"PERSON": 1})
    draft.update(overrides)  # type: ignore[typeddict-item]
    return draft


def _client(database: Database, draft: Draft) -> DialogTestClient:
    dialog = ReflectionDialog(ReflectionRepository(database), load_taxonomy())
    client = DialogTestClient("msteams", dialog, {"draft": draft},
                              conversation_state=ConversationState(SqlAlchemyStorage(database)))
    client.test_adapter.template.from_property = ChannelAccount(id="29:u", aad_object_id="aad-1")
    return client


def _card_body(reply: Activity) -> list[dict]:
    return reply.attachments[0].content["body"]


async def test_asks_citizen_or_carer_before_saving_when_unclear(database: Database) -> None:
    client = _client(database, _draft())
    card = await client.send_activity("No befriender in Moston")
    assert any(item.get("id") == "assessment_for" for item in _card_body(card))
    assert (await client.send_activity("save")).text == ASK_ASSESSMENT
    card = await client.send_activity("citizen")
    assert not any(item.get("id") == "assessment_for" for item in _card_body(card))
    saved = await client.send_activity("yes")
    assert saved.text.startswith("Saved as GAP-") and saved.text.endswith("I removed a name before saving.")
    async with database.session() as session:
        row = await session.scalar(select(Reflection))
    assert (row.assessment_for, row.author_aad_id, row.text) == ("citizen", "aad-1", "No befriender for [PERSON] in Moston")


async def test_cancel_ends_without_saving(database: Database) -> None:
    client = _client(database, _draft(assessment_for="carer"))
    await client.send_activity("x")
    assert (await client.send_activity("cancel")).text == CANCELLED
    async with database.session() as session:
        assert await session.scalar(select(Reflection)) is None


async def test_a_card_for_another_draft_is_refused(database: Database) -> None:
    client = _client(database, _draft(assessment_for="carer"))
    await client.send_activity("x")
    stale = Activity(type=ActivityTypes.message, value={"action": "save", "draft_id": "older"})
    assert "already finished" in (await client.send_activity(stale)).text
    saved = await client.send_activity(Activity(type=ActivityTypes.message, value={"action": "save", "draft_id": "d-1"}))
    assert saved.text.startswith("Saved as GAP-")
