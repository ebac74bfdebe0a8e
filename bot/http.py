"""The HTTP edge: /api/messages and /healthz. Client errors get a 4xx, never a 500."""
from __future__ import annotations

import json
import logging

import jwt
import requests
from aiohttp import ClientError, web
from botbuilder.core import Bot, InvokeResponse, serializer_helper
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity
from msrest.exceptions import DeserializationError

from storage.database import Database

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


def _is_bearer_jwt(header: str) -> bool:
    """Whether the header is `Bearer <something shaped like a JWT>` (the SDK checks the signature)."""
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return False
    try:
        jwt.get_unverified_header(token.strip())
    except jwt.PyJWTError:
        return False
    return True


def message_route(adapter: CloudAdapter, bot: Bot, auth_enabled: bool):  # type: ignore[no-untyped-def]
    async def messages(request: web.Request) -> web.Response:
        if request.content_type != "application/json":
            return _error(415, "Content-Type must be application/json")
        if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
            return _error(413, f"body over {MAX_BODY_BYTES} bytes")
        try:
            body = json.loads(await request.read())
        except web.HTTPRequestEntityTooLarge:
            return _error(413, f"body over {MAX_BODY_BYTES} bytes")
        except (ValueError, UnicodeDecodeError):
            return _error(400, "body is not valid JSON")
        if not isinstance(body, dict) or not isinstance(body.get("type"), str):
            return _error(400, "body is not an activity (no type)")
        auth_header = request.headers.get("Authorization", "")
        if auth_enabled and not _is_bearer_jwt(auth_header):
            return _error(401, "missing or malformed Authorization header")
        try:
            activity = Activity().deserialize(body)
        except (DeserializationError, TypeError, ValueError, AttributeError):
            return _error(400, "activity could not be read")
        if activity.conversation is None or not activity.service_url:
            return _error(400, "activity has no conversation or serviceUrl")
        try:
            auth = await adapter.bot_framework_authentication.authenticate_request(activity, auth_header)
        except (ClientError, requests.RequestException):
            # The SDK fetches the channel's signing keys (with blocking `requests`, cached for a day).
            log.warning("could not reach the identity provider to check a token")
            return _error(503, "identity provider unavailable")
        except Exception:  # noqa: BLE001 - the SDK signals bad tokens with PermissionError, jwt errors or bare Exception
            return _error(401, "unauthorized")
        try:
            invoke_response = await adapter.process_activity(auth, activity, bot.on_turn)
        except Exception:  # noqa: BLE001 - the turn failed and so did its error reply (channel unreachable)
            log.exception("turn failed and the error reply could not be sent")
            return _error(502, "the turn could not be completed; retry later")
        if invoke_response:
            return _invoke_reply(invoke_response)
        return web.Response(status=201)

    return messages


def _invoke_reply(invoke_response: InvokeResponse) -> web.Response:
    try:
        body = serializer_helper(invoke_response.body)
    except Exception:  # noqa: BLE001 - the SDK's own error bodies can hold an Exception object
        body = {"error": "invoke not supported"}
    return web.json_response(body, status=invoke_response.status)


def health_route(database: Database):  # type: ignore[no-untyped-def]
    async def healthz(_request: web.Request) -> web.Response:
        ok = await database.ping()
        return web.json_response({"status": "ok" if ok else "degraded", "database": "up" if ok else "down"},
                                 status=200 if ok else 503)

    return healthz


def build_web_app(adapter: CloudAdapter, bot: Bot, database: Database, auth_enabled: bool) -> web.Application:
    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app.router.add_post("/api/messages", message_route(adapter, bot, auth_enabled))
    app.router.add_get("/healthz", health_route(database))
    return app
