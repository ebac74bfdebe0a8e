"""Confirm a classified reflection with the practitioner, let them correct it, then save it."""
from __future__ import annotations

from typing import Any

from botbuilder.core import CardFactory, MessageFactory
from botbuilder.dialogs import Dialog, DialogContext, DialogTurnResult
from nlp import Taxonomy

from dialogs.cards import change_card, confirmation_card
from dialogs.draft import Draft
from dialogs.label_changes import InvalidLabels, apply_changes
from dialogs.phrases import removed_sentence
from dialogs.replies import interpret
from storage.reflections import NewReflection, ReflectionRepository

ASK_ASSESSMENT = "Before I save it: was this a citizen's or a carer's assessment? Reply *citizen* or *carer*."
CANCELLED = "Cancelled: nothing was saved."
WAITING = "Your reflection is waiting on the card above: reply *save*, *change* or *cancel*."


class ReflectionDialog(Dialog):
    """Holds one draft (redacted text and labels) until it is saved or cancelled."""

    def __init__(self, reflections: ReflectionRepository, taxonomy: Taxonomy) -> None:
        super().__init__(ReflectionDialog.__name__)
        self._reflections = reflections
        self._taxonomy = taxonomy

    async def begin_dialog(self, dialog_context: DialogContext, options: Any = None) -> DialogTurnResult:
        draft: Draft = options["draft"]
        dialog_context.active_dialog.state["draft"] = draft
        await self._show(dialog_context, draft)
        return Dialog.end_of_turn

    async def continue_dialog(self, dialog_context: DialogContext) -> DialogTurnResult:
        state = dialog_context.active_dialog.state
        draft: Draft = state["draft"]
        reply = interpret(dialog_context.context.activity)
        send = dialog_context.context.send_activity
        if reply.draft_id is not None and reply.draft_id != draft["draft_id"]:
            await send("That card belongs to a reflection that is already finished. Use the newest card.")
            return Dialog.end_of_turn
        if reply.action in ("citizen", "carer"):
            state["draft"] = draft = Draft(**{**draft, "assessment_for": reply.action})
            await self._show(dialog_context, draft)
            return Dialog.end_of_turn
        if reply.action == "save":
            chosen = reply.values.get("assessment_for")
            if chosen in ("citizen", "carer"):
                state["draft"] = draft = Draft(**{**draft, "assessment_for": chosen})
            if not draft["assessment_for"]:
                await send(ASK_ASSESSMENT)
                return Dialog.end_of_turn
            return await self._save(dialog_context, draft)
        if reply.action == "change":
            await send(MessageFactory.attachment(CardFactory.adaptive_card(change_card(draft, self._taxonomy))))
            return Dialog.end_of_turn
        if reply.action == "apply_changes":
            try:
                state["draft"] = draft = apply_changes(draft, reply.values, self._taxonomy)
            except InvalidLabels as error:
                await send(f"I couldn't apply that change ({error}). Nothing was changed.")
                return Dialog.end_of_turn
            await self._show(dialog_context, draft)
            return Dialog.end_of_turn
        if reply.action == "back":
            await self._show(dialog_context, draft)
            return Dialog.end_of_turn
        if reply.action == "cancel":
            await send(CANCELLED)
            return await dialog_context.end_dialog()
        if reply.action == "unknown_card":
            await send("I didn't recognise that button. " + WAITING)
            return Dialog.end_of_turn
        await send(WAITING)
        return Dialog.end_of_turn

    async def _show(self, dialog_context: DialogContext, draft: Draft) -> None:
        card = CardFactory.adaptive_card(confirmation_card(draft, self._taxonomy))
        await dialog_context.context.send_activity(MessageFactory.attachment(card))

    async def _save(self, dialog_context: DialogContext, draft: Draft) -> DialogTurnResult:
        author = dialog_context.context.activity.from_property.aad_object_id
        saved = await self._reflections.save(NewReflection(
            draft_id=draft["draft_id"], author_aad_id=author, kind=draft["kind"],
            assessment_for=draft["assessment_for"] or "", service_areas=draft["service_areas"],
            gap_type=draft["gap_type"], cohorts=draft["cohorts"], risks=draft["risks"],
            neighbourhood=draft["neighbourhood"], locality=draft["locality"], text=draft["text"],
        ))
        # Only now, with the row committed, is the reference acknowledged.
        await dialog_context.context.send_activity(f"Saved as {saved.ref}. {removed_sentence(draft['removed'])}".strip())
        return await dialog_context.end_dialog(saved.ref)
