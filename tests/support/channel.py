"""A loopback Bot Framework "channel": the serviceUrl the bot replies to, recording every reply."""
from __future__ import annotations

import asyncio
import itertools
from typing import Any

from aiohttp import web


class LoopbackChannel:
    def __init__(self) -> None:
        self.replies: list[dict[str, Any]] = []
        self._arrived = asyncio.Condition()
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.url = ""

    async def start(self) -> "LoopbackChannel":
        app = web.Application(client_max_size=4 * 1024 * 1024)
        app.router.add_post("/v3/conversations/{conversation}/activities", self._record)
        app.router.add_post("/v3/conversations/{conversation}/activities/{reply_to}", self._record)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}/"
        return self

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    async def _record(self, request: web.Request) -> web.Response:
        activity = await request.json()
        activity["_conversation"] = request.match_info["conversation"]
        activity["_reply_to"] = request.match_info.get("reply_to")
        async with self._arrived:
            self.replies.append(activity)
            self._arrived.notify_all()
        return web.json_response({"id": f"reply-{next(self._ids)}"})

    def for_conversation(self, conversation_id: str) -> list[dict[str, Any]]:
        return [r for r in self.replies if r["_conversation"] == conversation_id]

    async def wait_for(self, conversation_id: str, count: int, timeout: float = 10) -> list[dict[str, Any]]:
        """Wait until `count` replies reached `conversation_id`; returns them."""
        async with self._arrived:
            await asyncio.wait_for(
                self._arrived.wait_for(lambda: len(self.for_conversation(conversation_id)) >= count), timeout
            )
        return self.for_conversation(conversation_id)
