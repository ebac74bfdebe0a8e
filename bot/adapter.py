"""The botbuilder CloudAdapter, configured from settings, with per-turn overheads removed."""
from __future__ import annotations

import logging

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication

from bot import messages
from bot.connectors import CachingBotFrameworkAuthentication
from bot.settings import Settings
from storage.dialog_storage import ETagConflict

log = logging.getLogger(__name__)


def build_adapter(settings: Settings) -> CloudAdapter:
    auth = CachingBotFrameworkAuthentication(ConfigurationBotFrameworkAuthentication(settings))
    adapter = CloudAdapter(auth)

    async def on_turn_error(turn_context: TurnContext, error: Exception) -> None:
        # Never log message text: it may hold personal data. The exception type and trace are enough.
        if isinstance(error, ETagConflict):
            log.warning("conversation state conflict; asked the user to resend")
            await turn_context.send_activity(messages.CONFLICT)
            return
        log.error("turn failed", exc_info=(type(error), error, error.__traceback__))
        await turn_context.send_activity(messages.TRY_AGAIN)

    adapter.on_turn_error = on_turn_error
    return adapter
