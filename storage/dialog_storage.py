"""botbuilder `Storage` on SQLAlchemy: dialog and conversation state in the database.

Items are serialised with jsonpickle, as the SDK's own Blob and Cosmos storages do, because
dialog state holds SDK objects (DialogState, DialogInstance). A write with an e-tag only
succeeds if the stored e-tag still matches (optimistic concurrency across replicas).
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

import jsonpickle
from botbuilder.core import Storage
from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from storage.database import Database
from storage.models import DialogStateItem

_TABLE = DialogStateItem.__table__


class ETagConflict(Exception):
    """The item changed since it was read (another turn or replica wrote it)."""


class SqlAlchemyStorage(Storage):
    def __init__(self, database: Database) -> None:
        self._db = database

    async def read(self, keys: Iterable[str]) -> dict[str, Any]:
        if keys is None:
            raise Exception("Keys are required when reading")
        keys = list(keys)
        if not keys:
            return {}
        query = select(_TABLE.c.key, _TABLE.c.etag, _TABLE.c.data).where(_TABLE.c.key.in_(keys))
        async with self._db.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        items = {}
        for key, etag, data in rows:
            item = jsonpickle.decode(data)
            _set_etag(item, etag)
            items[key] = item
        return items

    async def write(self, changes: dict[str, Any]) -> None:
        if changes is None:
            raise Exception("Changes are required when writing")
        if not changes:
            return
        async with self._db.engine.begin() as conn:
            for key, item in changes.items():
                await self._write_one(conn, key, item)

    @staticmethod
    async def _write_one(conn: AsyncConnection, key: str, item: Any) -> None:
        expected = _get_etag(item)
        if expected == "":
            raise Exception("SqlAlchemyStorage.write(): etag missing")
        conditional = expected not in (None, "*")
        values = {"etag": uuid.uuid4().hex, "data": jsonpickle.encode(item, unpicklable=True)}
        statement = update(_TABLE).where(_TABLE.c.key == key).values(**values)
        if conditional:
            statement = statement.where(_TABLE.c.etag == expected)
        if (await conn.execute(statement)).rowcount:
            return
        if conditional and await conn.scalar(select(_TABLE.c.etag).where(_TABLE.c.key == key)) is not None:
            raise ETagConflict(f"e-tag conflict writing {key!r}")
        try:
            async with conn.begin_nested():
                await conn.execute(insert(_TABLE).values(key=key, **values))
        except IntegrityError as error:
            raise ETagConflict(f"{key!r} was created concurrently") from error

    async def delete(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        if not keys:
            return
        async with self._db.engine.begin() as conn:
            await conn.execute(delete(_TABLE).where(_TABLE.c.key.in_(keys)))


def _get_etag(item: Any) -> str | None:
    if isinstance(item, dict):
        return item.get("e_tag")
    return getattr(item, "e_tag", None)


def _set_etag(item: Any, etag: str) -> None:
    if isinstance(item, dict):
        item["e_tag"] = etag
    elif hasattr(item, "e_tag"):
        item.e_tag = etag
