"""The stock botbuilder echo bot, in the shape of the BotBuilder Python samples (the benchmark's reference)."""
from __future__ import annotations

import sys

from aiohttp import web
from botbuilder.core import ActivityHandler, MessageFactory, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication


class DefaultConfig:
    PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 3979
    APP_ID = ""
    APP_PASSWORD = ""
    APP_TYPE = "MultiTenant"
    APP_TENANTID = ""


class EchoBot(ActivityHandler):
    async def on_message_activity(self, turn_context: TurnContext) -> None:
        await turn_context.send_activity(MessageFactory.text(f"Echo: {turn_context.activity.text}"))


CONFIG = DefaultConfig()
ADAPTER = CloudAdapter(ConfigurationBotFrameworkAuthentication(CONFIG))
BOT = EchoBot()


async def messages(req: web.Request) -> web.Response:
    return await ADAPTER.process(req, BOT)


async def healthz(_req: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


APP = web.Application()
APP.router.add_post("/api/messages", messages)
APP.router.add_get("/healthz", healthz)

if __name__ == "__main__":
    web.run_app(APP, host="127.0.0.1", port=CONFIG.PORT, access_log=None, print=None)
