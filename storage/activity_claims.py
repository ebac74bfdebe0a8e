"""Claims on incoming activity ids: a channel's redelivery of the same activity is handled once."""
from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, insert
from sqlalchemy.exc import IntegrityError

from storage.database import Database
from storage.models import ProcessedActivity

_TABLE = ProcessedActivity.__table__


class ActivityClaims:
    def __init__(self, database: Database) -> None:
        self._db = database

    @staticmethod
    def key(channel_id: str, conversation_id: str, activity_id: str) -> str:
        return hashlib.sha256(f"{channel_id}\x1f{conversation_id}\x1f{activity_id}".encode()).hexdigest()

    async def claim(self, key: str) -> bool:
        """True if this is the first time the activity is seen (across all replicas)."""
        try:
            async with self._db.engine.begin() as conn:
                await conn.execute(insert(_TABLE).values(key=key))
            return True
        except IntegrityError:
            return False

    async def release(self, key: str) -> None:
        """Forget a claim whose turn failed, so the channel's retry is processed."""
        async with self._db.engine.begin() as conn:
            await conn.execute(delete(_TABLE).where(_TABLE.c.key == key))

    async def forget_older_than(self, age: timedelta) -> int:
        cutoff = datetime.now(timezone.utc) - age
        async with self._db.engine.begin() as conn:
            return (await conn.execute(delete(_TABLE).where(_TABLE.c.created_at < cutoff))).rowcount
