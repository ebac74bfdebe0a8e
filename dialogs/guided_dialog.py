"""`reflect`: a guided reflection, one question at a time, ending in the same confirmation card."""
from __future__ import annotations

from botbuilder.core import MessageFactory
from botbuilder.dialogs import (
    ComponentDialog,
    DialogContext,
    DialogTurnResult,
    PromptOptions,
    PromptValidatorContext,
    TextPrompt,
    WaterfallDialog,
    WaterfallStepContext,
)
from nlp import GapNLP

from dialogs.draft import ANALYSIS_KEY, draft_from, merged_removed
from dialogs.reflection_dialog import CANCELLED, ReflectionDialog
from dialogs.replies import interpret

WHO = "Who was assessed? Reply *citizen* or *carer*."
WHERE = "Where does the person live, or where did you look for the service? (a neighbourhood or area, or *skip*)"
NEED = "What need could not be met? (If it was met, say what worked.)"
HELPED = "What would have helped?"
SKIP = "skip"


class GuidedReflectionDialog(ComponentDialog):
    def __init__(self, nlp: GapNLP, reflection_dialog: ReflectionDialog) -> None:
        super().__init__(GuidedReflectionDialog.__name__)
        self._nlp = nlp
        self.add_dialog(TextPrompt("who", self._is_citizen_or_carer))
        self.add_dialog(TextPrompt("answer", self._has_text))
        self.add_dialog(WaterfallDialog("steps", [self._ask_who, self._ask_where, self._ask_need, self._ask_helped,
                                                   self._confirm]))
        self.add_dialog(reflection_dialog)
        self.initial_dialog_id = "steps"

    async def on_continue_dialog(self, inner_dc: DialogContext) -> DialogTurnResult:
        """Typed *cancel* ends the guided questions at any step (the samples' CancelAndHelp pattern)."""
        if interpret(inner_dc.context.activity).action == "cancel" and inner_dc.context.activity.value is None:
            await inner_dc.context.send_activity(CANCELLED)
            return await inner_dc.cancel_all_dialogs()
        return await super().on_continue_dialog(inner_dc)

    @staticmethod
    async def _is_citizen_or_carer(prompt: PromptValidatorContext) -> bool:
        return interpret(prompt.context.activity).action in ("citizen", "carer")

    @staticmethod
    async def _has_text(prompt: PromptValidatorContext) -> bool:
        return bool(prompt.recognized.succeeded and prompt.recognized.value.strip())

    @staticmethod
    async def _prompt(step: WaterfallStepContext, dialog_id: str, text: str, retry: str | None = None) -> DialogTurnResult:
        options = PromptOptions(prompt=MessageFactory.text(text),
                                retry_prompt=MessageFactory.text(retry or text))
        return await step.prompt(dialog_id, options)

    @staticmethod
    def _keep_answer(step: WaterfallStepContext, name: str) -> None:
        """Store an answer (already redacted on arrival) and what was removed from it."""
        step.values[name] = step.result.strip()
        analysis = step.context.turn_state.get(ANALYSIS_KEY)
        step.values.setdefault("removed", {})
        if analysis is not None:
            step.values["removed"] = merged_removed(step.values["removed"], analysis.removed)

    async def _ask_who(self, step: WaterfallStepContext) -> DialogTurnResult:
        return await self._prompt(step, "who", WHO, "Please reply *citizen* or *carer* (or *cancel*).")

    async def _ask_where(self, step: WaterfallStepContext) -> DialogTurnResult:
        step.values["assessment_for"] = interpret(step.context.activity).action
        return await self._prompt(step, "answer", WHERE)

    async def _ask_need(self, step: WaterfallStepContext) -> DialogTurnResult:
        self._keep_answer(step, "where")
        return await self._prompt(step, "answer", NEED)

    async def _ask_helped(self, step: WaterfallStepContext) -> DialogTurnResult:
        self._keep_answer(step, "need")
        return await self._prompt(step, "answer", HELPED)

    async def _confirm(self, step: WaterfallStepContext) -> DialogTurnResult:
        self._keep_answer(step, "helped")
        parts = [step.values["need"], f"What would have helped: {step.values['helped']}"]
        if step.values["where"].lower() != SKIP:
            parts.append(f"Area: {step.values['where']}")
        analysis = self._nlp.classify([". ".join(parts)])[0]
        draft = draft_from(analysis, step.values["assessment_for"])
        draft["removed"] = merged_removed(step.values["removed"], analysis.removed)
        return await step.replace_dialog(ReflectionDialog.__name__, {"draft": draft})
