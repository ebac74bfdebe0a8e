"""The real Gap Bot aiohttp app on a loopback port, replying to a loopback channel."""
from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from app import create_app
from bot.settings import Settings
from storage.database import Database
from tests.support import activities
from tests.support.channel import LoopbackChannel

_conversations = itertools.count(1)


@pytest.fixture(scope="session")
async def channel() -> AsyncIterator[LoopbackChannel]:
    loopback = await LoopbackChannel().start()
    yield loopback
    await loopback.stop()


@dataclass
class RunningBot:
    url: str
    channel: LoopbackChannel
    http: aiohttp.ClientSession
    database: Database

    def new_conversation(self) -> str:
        return f"a:personal-{next(_conversations)}"

    async def post(self, activity: dict[str, Any]) -> int:
        async with self.http.post(f"{self.url}/api/messages", json=activity) as response:
            return response.status

    async def say(self, conversation: str, text: str | None = None, **kwargs: Any) -> dict[str, Any]:
        """Send a message and return the bot's (first) reply to it."""
        activity = activities.message(self.channel.url, conversation, text, **kwargs)
        before = len(self.channel.for_conversation(conversation))
        status = await self.post(activity)
        assert status in (200, 201), status
        return (await self.channel.wait_for(conversation, before + 1))[before]


async def start_bot(settings: Settings, nlp: Any) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(await create_app(settings, nlp=nlp), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, f"http://127.0.0.1:{port}"


def settings_for(database: Database, **overrides: Any) -> Settings:
    return Settings(_env_file=None, DATABASE_URL=database.url, MicrosoftAppId="", **overrides)


@pytest.fixture
async def bot(database: Database, channel: LoopbackChannel, gap: Any) -> AsyncIterator[RunningBot]:
    runner, url = await start_bot(settings_for(database), gap)
    async with aiohttp.ClientSession() as http:
        yield RunningBot(url, channel, http, database)
    await runner.cleanup()
