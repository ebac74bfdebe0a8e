"""The Teams-facing activity handler: identity, commands, redaction on arrival, dialogs."""
from __future__ import annotations

import logging

from botbuilder.core import ActivityHandler, ConversationState, TurnContext
from botbuilder.dialogs import DialogContext, DialogSet, DialogTurnStatus
from botbuilder.schema import ChannelAccount
from nlp import GapNLP

from bot import messages
from bot.commands import Command, CommandName, parse_command
from dialogs.draft import ANALYSIS_KEY, draft_from
from dialogs.guided_dialog import GuidedReflectionDialog
from dialogs.phrases import join_labels
from dialogs.reflection_dialog import ReflectionDialog
from dialogs.replies import interpret
from storage.activity_claims import ActivityClaims
from storage.reflections import ReflectionRepository

log = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 4000
CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"


class GapBot(ActivityHandler):
    def __init__(self, nlp: GapNLP, conversation_state: ConversationState, reflections: ReflectionRepository,
                 claims: ActivityClaims) -> None:
        self._nlp = nlp
        self._state = conversation_state
        self._reflections = reflections
        self._claims = claims
        self._dialogs = DialogSet(conversation_state.create_property("DialogState"))
        reflection_dialog = ReflectionDialog(reflections, nlp.taxonomy)
        self._dialogs.add(reflection_dialog)
        self._dialogs.add(GuidedReflectionDialog(nlp, reflection_dialog))

    async def on_turn(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        claim = None
        if activity.id:
            claim = ActivityClaims.key(activity.channel_id or "", activity.conversation.id, activity.id)
            if not await self._claims.claim(claim):
                log.info("ignored redelivered activity type=%s", activity.type)
                return
        try:
            await super().on_turn(turn_context)
            await self._state.save_changes(turn_context)
        except BaseException:
            if claim:
                await self._claims.release(claim)
            raise

    async def on_members_added_activity(self, members_added: list[ChannelAccount], turn_context: TurnContext) -> None:
        bot_id = turn_context.activity.recipient.id
        personal = turn_context.activity.conversation.conversation_type in (None, "personal")
        if personal or any(m.id == bot_id for m in members_added):
            await turn_context.send_activity(messages.WELCOME)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        if activity.conversation.conversation_type not in (None, "personal"):
            await turn_context.send_activity(messages.PERSONAL_ONLY)
            return
        if not (activity.from_property and activity.from_property.aad_object_id):
            await turn_context.send_activity(messages.NO_IDENTITY)
            return
        text = (TurnContext.remove_recipient_mention(activity) or "").strip()
        if not text and activity.value is None:
            unreadable = any(a.content_type != CARD_CONTENT_TYPE for a in activity.attachments or [])
            await turn_context.send_activity(messages.UNREADABLE_ATTACHMENT if unreadable else messages.EMPTY)
            return
        if len(text) > MAX_MESSAGE_CHARS:
            await turn_context.send_activity(messages.TOO_LONG.format(length=len(text), limit=MAX_MESSAGE_CHARS))
            return
        command = parse_command(text) if activity.value is None else None
        dialog_context = await self._dialogs.create_context(turn_context)
        if command is not None:
            await self._run_command(command, dialog_context)
            return
        if text:
            # Redaction on arrival: from here on, the turn only ever sees the redacted text.
            analysis = self._nlp.classify([text])[0]
            activity.text = analysis.redacted_text
            turn_context.turn_state[ANALYSIS_KEY] = analysis
        if dialog_context.active_dialog is not None:
            result = await dialog_context.continue_dialog()
            if result.status is not DialogTurnStatus.Empty:
                return
        if interpret(activity).action != "text":
            await turn_context.send_activity(messages.STALE_CARD if activity.value is not None
                                             else messages.NOTHING_PENDING)
            return
        await dialog_context.begin_dialog(ReflectionDialog.__name__,
                                          {"draft": draft_from(turn_context.turn_state[ANALYSIS_KEY])})

    async def _run_command(self, command: Command, dialog_context: DialogContext) -> None:
        turn_context = dialog_context.context
        author = turn_context.activity.from_property.aad_object_id
        if command.name is CommandName.HELP:
            await turn_context.send_activity(messages.HELP)
        elif command.name is CommandName.REFLECT:
            if dialog_context.active_dialog is not None:
                await turn_context.send_activity(messages.FINISH_FIRST)
            else:
                await dialog_context.begin_dialog(GuidedReflectionDialog.__name__)
        elif command.name is CommandName.MY_REFLECTIONS:
            await turn_context.send_activity(await self._my_reflections(author))
        elif command.name is CommandName.DELETE:
            deleted = await self._reflections.delete_own(command.reflection_id, author)
            template = messages.DELETED if deleted else messages.NOT_FOUND
            await turn_context.send_activity(template.format(id=command.reflection_id))

    async def _my_reflections(self, author: str) -> str:
        rows = await self._reflections.recent_for_author(author)
        if not rows:
            return messages.NO_REFLECTIONS
        taxonomy = self._nlp.taxonomy
        lines = [
            f"- **{row.ref}** ({row.created_at:%d %b %Y}, {row.status}): "
            f"{join_labels(row.service_areas, taxonomy.service_areas)}; {taxonomy.gap_types.get(row.gap_type, row.gap_type)}"
            for row in rows
        ]
        return "**Your last reflections**\n\n" + "\n".join(lines)
