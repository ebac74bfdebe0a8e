"""Reuse connector and user-token clients across turns.

Stock botbuilder builds a new ConnectorClient and a new UserTokenClient (credentials, msrest
pipeline, a ClientRetryPolicy that scans 1,000 status codes, HTTP session) for every turn; that
dominates turn latency. This wrapper keeps one of each per app id (and service URL and audience)
and delegates everything else to the SDK's own authentication.
"""
from __future__ import annotations

from botbuilder.schema import Activity
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    AuthenticateRequestResult,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    UserTokenClient,
)


class CachingConnectorFactory(ConnectorFactory):
    def __init__(self, inner: ConnectorFactory, cache: dict[tuple[str, str | None], ConnectorClient]) -> None:
        self._inner = inner
        self._cache = cache

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        key = (service_url, audience)
        client = self._cache.get(key)
        if client is None:
            client = self._cache[key] = await self._inner.create(service_url, audience)
        return client


class CachingBotFrameworkAuthentication(BotFrameworkAuthentication):
    """The SDK's authentication, with connector clients cached per app id, service URL and audience."""

    def __init__(self, inner: BotFrameworkAuthentication) -> None:
        self._inner = inner
        self._caches: dict[str, dict[tuple[str, str | None], ConnectorClient]] = {}
        self._user_token_clients: dict[str, UserTokenClient] = {}

    def _wrap(self, factory: ConnectorFactory, claims_identity: ClaimsIdentity | None) -> ConnectorFactory:
        return CachingConnectorFactory(factory, self._caches.setdefault(_app_id(claims_identity), {}))

    async def authenticate_request(self, activity: Activity, auth_header: str) -> AuthenticateRequestResult:
        result = await self._inner.authenticate_request(activity, auth_header)
        if result.connector_factory is not None:
            result.connector_factory = self._wrap(result.connector_factory, result.claims_identity)
        return result

    async def authenticate_streaming_request(self, auth_header: str, channel_id_header: str):  # type: ignore[no-untyped-def]
        return await self._inner.authenticate_streaming_request(auth_header, channel_id_header)

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        return self._wrap(self._inner.create_connector_factory(claims_identity), claims_identity)

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        """Also built per turn by the SDK (with its own retry policy), though only sign-in flows use it."""
        app_id = _app_id(claims_identity)
        client = self._user_token_clients.get(app_id)
        if client is None:
            client = self._user_token_clients[app_id] = await self._inner.create_user_token_client(claims_identity)
        return client

    def create_bot_framework_client(self):  # type: ignore[no-untyped-def]
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return self._inner.get_originating_audience()

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        return await self._inner.authenticate_channel_request(auth_header)


def _app_id(claims_identity: ClaimsIdentity | None) -> str:
    """The bot's app id in the claims: audience for channel tokens, appid for emulator tokens."""
    if claims_identity is None:
        return ""
    return claims_identity.get_claim_value("aud") or claims_identity.get_claim_value("appid") or ""
