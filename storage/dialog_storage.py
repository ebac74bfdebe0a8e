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
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from storage.database import Database
from storage.models import DialogStateItem


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
        async with self._db.session() as session:
            rows = (await session.execute(select(DialogStateItem).where(DialogStateItem.key.in_(keys)))).scalars()
            items = {}
            for row in rows:
                item = jsonpickle.decode(row.data)
                _set_etag(item, row.etag)
                items[row.key] = item
            return items

    async def write(self, changes: dict[str, Any]) -> None:
        if changes is None:
            raise Exception("Changes are required when writing")
        if not changes:
            return
        async with self._db.session() as session, session.begin():
            for key, item in changes.items():
                await self._write_one(session, key, item)

    async def _write_one(self, session, key: str, item: Any) -> None:  # type: ignore[no-untyped-def]
        expected = _get_etag(item)
        if expected == "":
            raise Exception("SqlAlchemyStorage.write(): etag missing")
        new_etag = uuid.uuid4().hex
        data = jsonpickle.encode(item, unpicklable=True)
        statement = update(DialogStateItem).where(DialogStateItem.key == key).values(etag=new_etag, data=data)
        if expected not in (None, "*"):
            statement = statement.where(DialogStateItem.etag == expected)
        if (await session.execute(statement)).rowcount:
            return
        if expected not in (None, "*") and await session.get(DialogStateItem, key) is not None:
            raise ETagConflict(f"e-tag conflict writing {key!r}")
        try:
            async with session.begin_nested():
                session.add(DialogStateItem(key=key, etag=new_etag, data=data))
        except IntegrityError as error:
            raise ETagConflict(f"{key!r} was created concurrently") from error

    async def delete(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        if not keys:
            return
        async with self._db.session() as session, session.begin():
            await session.execute(delete(DialogStateItem).where(DialogStateItem.key.in_(keys)))


def _get_etag(item: Any) -> str | None:
    if isinstance(item, dict):
        return item.get("e_tag")
    return getattr(item, "e_tag", None)


def _set_etag(item: Any, etag: str) -> None:
    if isinstance(item, dict):
        item["e_tag"] = etag
    elif hasattr(item, "e_tag"):
        item.e_tag = etag
