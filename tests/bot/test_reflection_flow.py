"""A practitioner records a reflection over real HTTP, replies recorded by the loopback channel."""
from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import func, select, text

from bot import messages
from storage.models import Base, Reflection
from tests.bot.conftest import RunningBot, settings_for, start_bot
from tests.support import activities

GORTON = ("Carer in Gorton at breaking point, her son is autistic and there is no autism outreach "
          "with capacity, waiting list 9 months")


def card_of(reply: dict[str, Any]) -> dict[str, Any]:
    attachments = reply.get("attachments") or []
    assert attachments, f"expected a card, got {reply.get('text')!r}"
    assert attachments[0]["contentType"] == "application/vnd.microsoft.card.adaptive"
    return attachments[0]["content"]


def facts(card: dict[str, Any]) -> dict[str, str]:
    factset = next(item for item in card["body"] if item["type"] == "FactSet")
    return {fact["title"]: fact["value"] for fact in factset["facts"]}


def draft_id(card: dict[str, Any]) -> str:
    return card["actions"][0]["data"]["draft_id"]


async def count_reflections(bot: RunningBot) -> int:
    async with bot.database.session() as session:
        return await session.scalar(select(func.count()).select_from(Reflection))


async def save_with_card(bot: RunningBot, conversation: str, card: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    value = {"action": "save", "draft_id": draft_id(card), "assessment_for": "carer"}
    return await bot.say(conversation, value=value, **kwargs)


async def test_one_message_reflection_is_confirmed_then_saved(bot: RunningBot) -> None:
    conversation = bot.new_conversation()
    card = card_of(await bot.say(conversation, GORTON))
    assert card["version"] == "1.5"
    shown = facts(card)
    assert "Autism specialist support" in shown["Service areas"]
    assert shown["Place"].startswith("Gorton & Abbey Hey")
    saved = await save_with_card(bot, conversation, card)
    assert saved["text"].startswith("Saved as GAP-")
    ref_id = int(saved["text"].split("GAP-")[1].split(".")[0])
    async with bot.database.session() as session:
        row = await session.get(Reflection, ref_id)
    assert row.author_aad_id == "aad-user-1"
    assert row.neighbourhood == "Gorton & Abbey Hey" and row.locality == "central"
    assert row.assessment_for == "carer"


async def test_typed_save_works_and_asks_citizen_or_carer_only_when_unclear(bot: RunningBot) -> None:
    conversation = bot.new_conversation()
    card = card_of(await bot.say(conversation, "no befriending in Moston, hasnt left the flat in months"))
    asked = any(item.get("id") == "assessment_for" for item in card["body"])
    if asked:
        assert (await bot.say(conversation, "save"))["text"].startswith("Before I save it")
        card = card_of(await bot.say(conversation, "citizen"))
        assert facts(card)["Assessment"] == "Citizen's assessment"
    assert (await bot.say(conversation, "yes"))["text"].startswith("Saved as GAP-")


async def test_personal_data_is_removed_and_reported(bot: RunningBot) -> None:
    conversation = bot.new_conversation()
    text = ("Mrs Okafor NHS 485 777 3456 needs a sitting service, carer breaking down, "
            "call 07700 900123, lives M14 4PQ")
    card = card_of(await bot.say(conversation, text))
    shown_text = card["body"][1]["text"]
    for secret in ("Okafor", "485 777 3456", "07700 900123", "M14 4PQ"):
        assert secret not in shown_text
    saved = (await save_with_card(bot, conversation, card))["text"]
    assert "I removed" in saved and "NHS number" in saved and "phone number" in saved


async def _everything_stored(bot: RunningBot) -> bytes:
    """SQLite: the raw bytes of the database files. PostgreSQL: every row of every table, as text."""
    if bot.database.is_sqlite:
        await bot.database.dispose()  # close connections, as a stopped process would
        db_file = Path(bot.database.url.split("///", 1)[1])
        return b"".join(p.read_bytes() for p in db_file.parent.glob(db_file.name + "*"))
    async with bot.database.engine.connect() as conn:
        rows = [(await conn.execute(text(f"SELECT * FROM {table.name}"))).all() for table in Base.metadata.sorted_tables]
    return repr(rows).encode()


async def test_raw_personal_data_never_reaches_disk_or_logs(bot: RunningBot, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    secrets = ["Okonkwo", "943 476 5919", "07700 900461", "M22 5RX"]
    conversation = bot.new_conversation()
    text_with_secrets = (f"Mr {secrets[0]} (NHS {secrets[1]}) tel {secrets[2]}, {secrets[3]}: "
                         "no double-up homecare in Wythenshawe, wife doing everything")
    card = card_of(await bot.say(conversation, text_with_secrets))
    card_of(await bot.say(conversation, "change"))  # dialog state is written on every turn
    await save_with_card(bot, conversation, card)
    stored = await _everything_stored(bot)
    assert b"[NHS_NUMBER]" in stored  # the redacted reflection is there
    for secret in secrets:
        assert secret.encode() not in stored, secret
        assert secret not in caplog.text, secret


async def test_a_redelivered_activity_is_processed_once(bot: RunningBot) -> None:
    conversation = bot.new_conversation()
    card = card_of(await bot.say(conversation, GORTON))
    save = activities.message(bot.channel.url, conversation, value={"action": "save", "draft_id": draft_id(card),
                                                                      "assessment_for": "carer"})
    statuses = await asyncio.gather(*(bot.post(save) for _ in range(3)))
    assert all(s in (200, 201) for s in statuses)
    await bot.channel.wait_for(conversation, 2)
    await asyncio.sleep(0.3)
    replies = bot.channel.for_conversation(conversation)
    assert [r["text"] for r in replies[1:]] == [replies[1]["text"]]
    assert await count_reflections(bot) == 1


async def test_restart_mid_reflection_continues_where_it_was(bot: RunningBot, gap: Any) -> None:
    conversation = bot.new_conversation()
    card = card_of(await bot.say(conversation, GORTON))
    runner, url = await start_bot(settings_for(bot.database), gap)  # a second process on the same database
    try:
        async with aiohttp.ClientSession() as http:
            restarted = RunningBot(url, bot.channel, http, bot.database)
            assert (await save_with_card(restarted, conversation, card))["text"].startswith("Saved as GAP-")
    finally:
        await runner.cleanup()


async def test_change_labels_then_save_stores_the_corrected_labels(bot: RunningBot) -> None:
    conversation = bot.new_conversation()
    card = card_of(await bot.say(conversation, GORTON))
    change = card_of(await bot.say(conversation, "change"))
    inputs = {item["id"]: item for item in change["body"] if item["type"] == "Input.ChoiceSet"}
    assert set(inputs) >= {"service_areas", "gap_type", "cohorts", "risks", "neighbourhood", "locality"}
    assert inputs["neighbourhood"]["value"] == "Gorton & Abbey Hey"
    values = {"action": "apply_changes", "draft_id": draft_id(card), "service_areas": "short_breaks,carer_support",
              "gap_type": "eligibility_funding", "cohorts": "", "risks": "carer_breakdown",
              "neighbourhood": "none", "locality": "out_of_area", "assessment_for": "carer"}
    updated = facts(card_of(await bot.say(conversation, value=values)))
    assert updated["Gap type"] == "Eligibility or funding"
    assert updated["Place"] == "Outside Manchester"
    saved = await bot.say(conversation, "save")
    ref_id = int(saved["text"].split("GAP-")[1].split(".")[0])
    async with bot.database.session() as session:
        row = await session.get(Reflection, ref_id)
    assert row.service_areas == ["short_breaks", "carer_support"] and row.cohorts == []
    assert row.neighbourhood is None and row.locality == "out_of_area"


async def test_unknown_labels_in_a_card_submit_change_nothing(bot: RunningBot) -> None:
    conversation = bot.new_conversation()
    card = card_of(await bot.say(conversation, GORTON))
    reply = await bot.say(conversation, value={"action": "apply_changes", "draft_id": draft_id(card),
                                               "service_areas": "teleportation", "gap_type": "capacity"})
    assert "teleportation" in reply["text"] and "Nothing was changed" in reply["text"]


async def test_cancel_saves_nothing(bot: RunningBot) -> None:
    conversation = bot.new_conversation()
    card_of(await bot.say(conversation, GORTON))
    assert (await bot.say(conversation, "cancel"))["text"] == "Cancelled: nothing was saved."
    assert (await bot.say(conversation, "save"))["text"] == messages.NOTHING_PENDING
    assert await count_reflections(bot) == 0


async def test_guided_reflection(bot: RunningBot) -> None:
    conversation = bot.new_conversation()
    assert "citizen" in (await bot.say(conversation, "reflect"))["text"]
    assert "Please reply" in (await bot.say(conversation, "dunno"))["text"]
    assert "Where" in (await bot.say(conversation, "carer"))["text"]
    assert "need" in (await bot.say(conversation, "Levenshulme"))["text"]
    assert "helped" in (await bot.say(conversation, "her husband Tariq has dementia, no respite beds anywhere"))["text"]
    card = card_of(await bot.say(conversation, "a short break so she can sleep"))
    shown = facts(card)
    assert shown["Assessment"] == "Carer's assessment"
    assert shown["Place"].startswith("Levenshulme")
    assert "Tariq" not in card["body"][1]["text"]
    saved = (await bot.say(conversation, "save"))["text"]
    assert saved.startswith("Saved as GAP-") and "a name" in saved


async def test_my_reflections_and_delete_only_own(bot: RunningBot) -> None:
    mine, theirs = bot.new_conversation(), bot.new_conversation()
    card = card_of(await bot.say(mine, GORTON))
    my_ref = (await save_with_card(bot, mine, card))["text"].split()[2].rstrip(".")
    card = card_of(await bot.say(theirs, GORTON, user_aad="aad-other"))
    their_ref = (await save_with_card(bot, theirs, card, user_aad="aad-other"))["text"].split()[2].rstrip(".")
    listing = (await bot.say(mine, "my reflections"))["text"]
    assert my_ref in listing and their_ref not in listing
    assert "couldn't find" in (await bot.say(mine, f"delete {their_ref}"))["text"]
    assert (await bot.say(mine, f"delete {my_ref}"))["text"] == f"Deleted {my_ref}."
    assert await count_reflections(bot) == 1


@pytest.mark.parametrize("kwargs, expected", [
    ({"text": "   "}, messages.EMPTY),
    ({"text": "x" * 4001}, "4,001 characters"),
    ({"attachments": [{"contentType": "image/png", "contentUrl": "https://example.invalid/a.png"}]},
     "only read typed text"),
    ({"value": {"action": "launch_rocket"}}, "no longer active"),
    ({"text": "hello", "user_aad": None}, "can't tell who you are"),
])
async def test_bad_input_gets_a_clear_reply_and_stores_nothing(bot: RunningBot, kwargs: dict[str, Any],
                                                               expected: str) -> None:
    conversation = bot.new_conversation()
    reply = await bot.say(conversation, **kwargs)
    assert expected in reply["text"]
    assert await count_reflections(bot) == 0


async def test_unknown_card_payload_mid_reflection_keeps_the_draft(bot: RunningBot) -> None:
    conversation = bot.new_conversation()
    card = card_of(await bot.say(conversation, GORTON))
    assert "didn't recognise" in (await bot.say(conversation, value={"action": "launch_rocket"}))["text"]
    assert (await save_with_card(bot, conversation, card))["text"].startswith("Saved as GAP-")


async def test_welcome_on_install_and_help(bot: RunningBot) -> None:
    conversation = bot.new_conversation()
    assert await bot.post(activities.members_added(bot.channel.url, conversation)) in (200, 201)
    welcome = (await bot.channel.wait_for(conversation, 1))[0]
    assert "Gap Bot" in welcome["text"]
    assert "delete GAP-123" in (await bot.say(conversation, "help"))["text"]


async def test_a_pen_picture_is_stored_as_one(bot: RunningBot) -> None:
    conversation = bot.new_conversation()
    text = ("Pen picture: 24yo autistic man in Moston, lives with mum, only goes out after dark, would benefit "
            "from an autism outreach worker who builds trust slowly")
    card = card_of(await bot.say(conversation, text))
    assert card["body"][0]["text"].startswith("Pen picture")
    saved = await save_with_card(bot, conversation, card)
    ref_id = int(saved["text"].split("GAP-")[1].split(".")[0])
    async with bot.database.session() as session:
        assert (await session.get(Reflection, ref_id)).kind == "pen_picture"
