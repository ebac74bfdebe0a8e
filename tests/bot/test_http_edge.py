"""Client errors at the HTTP edge get a 4xx and a JSON reason, never a 500."""
from __future__ import annotations

import json
import time
from typing import Any

import aiohttp
import jwt as pyjwt
import pytest

from storage.database import Database
from tests.bot.conftest import RunningBot, settings_for, start_bot
from tests.support import activities


async def _post_raw(bot: RunningBot, body: bytes, content_type: str = "application/json",
                    headers: dict[str, str] | None = None) -> tuple[int, Any]:
    async with bot.http.post(f"{bot.url}/api/messages", data=body,
                             headers={"Content-Type": content_type, **(headers or {})}) as response:
        return response.status, await response.text()


async def test_malformed_json_is_400(bot: RunningBot) -> None:
    status, text = await _post_raw(bot, b'{"type": "message", ')
    assert status == 400 and "JSON" in text


async def test_json_that_is_not_an_activity_is_400(bot: RunningBot) -> None:
    assert (await _post_raw(bot, b"[1, 2]"))[0] == 400
    assert (await _post_raw(bot, b'{"text": "no type"}'))[0] == 400


async def test_wrong_content_type_is_415(bot: RunningBot) -> None:
    assert (await _post_raw(bot, b"type=message", content_type="application/x-www-form-urlencoded"))[0] == 415


async def test_body_over_256_kib_is_413(bot: RunningBot) -> None:
    conversation = bot.new_conversation()
    activity = activities.message(bot.channel.url, conversation, "x" * (300 * 1024))
    assert await bot.post(activity) == 413
    assert bot.channel.for_conversation(conversation) == []


async def test_healthz_reports_the_database(bot: RunningBot) -> None:
    async with bot.http.get(f"{bot.url}/healthz") as response:
        assert response.status == 200
        assert (await response.json()) == {"status": "ok", "database": "up"}


@pytest.fixture
async def secured_bot(database: Database, channel: Any, gap: Any):  # type: ignore[no-untyped-def]
    settings = settings_for(database).model_copy(update={"APP_ID": "00000000-0000-0000-0000-000000000001",
                                                          "APP_PASSWORD": "not-a-real-secret"})
    runner, url = await start_bot(settings, gap)
    async with aiohttp.ClientSession() as http:
        yield RunningBot(url, channel, http, database)
    await runner.cleanup()


@pytest.mark.parametrize("header", [None, "Bearer garbage", "Basic dXNlcjpwYXNz", "Bearer "])
async def test_missing_or_malformed_authorization_is_401(secured_bot: RunningBot, header: str | None) -> None:
    conversation = secured_bot.new_conversation()
    body = activities.message(secured_bot.channel.url, conversation, "hello")
    headers = {"Authorization": header} if header is not None else {}
    async with secured_bot.http.post(f"{secured_bot.url}/api/messages", json=body, headers=headers) as response:
        assert response.status == 401
    assert secured_bot.channel.for_conversation(conversation) == []


class _FakeResponse:
    def __init__(self, payload: dict[str, Any]) -> None:
        self._payload = payload

    def raise_for_status(self) -> None:
        return None

    def json(self) -> dict[str, Any]:
        return self._payload


@pytest.fixture
def microsoft_signing_keys(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Stand in for Microsoft's OpenID metadata endpoint (the edge we don't own): publishes key "k1"."""
    from botframework.connector.auth import jwt_token_extractor
    from cryptography.hazmat.primitives.asymmetric import rsa
    from jwt.algorithms import RSAAlgorithm

    published = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(RSAAlgorithm.to_jwk(published.public_key()))
    jwk.update({"kid": "k1", "endorsements": ["msteams"]})

    def fake_get(url: str, *args: Any, **kwargs: Any) -> _FakeResponse:
        if url.endswith("/keys"):
            return _FakeResponse({"keys": [jwk]})
        return _FakeResponse({"jwks_uri": "https://login.example/keys"})

    monkeypatch.setattr(jwt_token_extractor.requests, "get", fake_get)
    monkeypatch.setattr(jwt_token_extractor.JwtTokenExtractor, "metadataCache", {})
    return published


def _token(key: Any, kid: str) -> str:
    claims = {"iss": "https://api.botframework.com", "aud": "00000000-0000-0000-0000-000000000001",
              "exp": int(time.time()) + 600, "nbf": int(time.time()) - 60, "serviceurl": "http://127.0.0.1/"}
    return pyjwt.encode(claims, key, algorithm="RS256", headers={"kid": kid})


@pytest.mark.parametrize("kid", ["k1", "unknown-key"])
async def test_forged_token_is_401(secured_bot: RunningBot, microsoft_signing_keys: Any, kid: str) -> None:
    from cryptography.hazmat.primitives.asymmetric import rsa

    attacker_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    conversation = secured_bot.new_conversation()
    body = activities.message(secured_bot.channel.url, conversation, "hello")
    headers = {"Authorization": f"Bearer {_token(attacker_key, kid)}"}
    async with secured_bot.http.post(f"{secured_bot.url}/api/messages", json=body, headers=headers) as response:
        assert response.status == 401
    assert secured_bot.channel.for_conversation(conversation) == []


@pytest.mark.parametrize("body", [
    {"type": "message"},
    {"type": "message", "serviceUrl": "CHANNEL", "conversation": "not an object"},
    {"type": "message", "serviceUrl": "CHANNEL", "conversation": {"id": "c"}, "text": 123},
    {"type": 7},
    {"type": "invoke", "name": "adaptiveCard/action", "serviceUrl": "CHANNEL", "conversation": {"id": "c"},
     "from": {"id": "u"}, "recipient": {"id": "b"}},
])
async def test_odd_activities_never_produce_a_500(bot: RunningBot, body: dict[str, Any]) -> None:
    body = {k: bot.channel.url if v == "CHANNEL" else v for k, v in body.items()}
    async with bot.http.post(f"{bot.url}/api/messages", json=body) as response:
        assert response.status < 500, await response.text()


async def test_a_channel_that_cannot_be_reached_is_a_502_and_the_activity_can_be_retried(bot: RunningBot) -> None:
    conversation = bot.new_conversation()
    activity = activities.message("http://127.0.0.1:9/", conversation, "help")
    assert await bot.post(activity) == 502
    activity["serviceUrl"] = bot.channel.url
    assert await bot.post(activity) in (200, 201)
    assert "What I can do" in (await bot.channel.wait_for(conversation, 1))[0]["text"]
