"""SqlAlchemyStorage passes botbuilder's own storage conformance checks, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from botbuilder.testing import StorageBaseTests

from storage.database import Database
from storage.dialog_storage import ETagConflict, SqlAlchemyStorage

CONFORMANCE = [
    "return_empty_object_when_reading_unknown_key",
    "handle_null_keys_when_reading",
    "handle_null_keys_when_writing",
    "does_not_raise_when_writing_no_items",
    "create_object",
    "handle_crazy_keys",
    "update_object",
    "delete_object",
    "delete_unknown_object",
    "perform_batch_operations",
    "proceeds_through_waterfall",
]


@pytest.mark.parametrize("check", CONFORMANCE)
async def test_botbuilder_storage_conformance(database: Database, check: str) -> None:
    assert await getattr(StorageBaseTests, check)(SqlAlchemyStorage(database)) is True


async def test_stale_etag_is_rejected_and_leaves_the_newer_value(database: Database) -> None:
    storage = SqlAlchemyStorage(database)
    await storage.write({"k": {"count": 1, "e_tag": "*"}})
    first = (await storage.read(["k"]))["k"]
    second = (await storage.read(["k"]))["k"]
    second["count"] = 2
    await storage.write({"k": second})
    first["count"] = 99
    with pytest.raises(ETagConflict):
        await storage.write({"k": first})
    assert (await storage.read(["k"]))["k"]["count"] == 2


async def test_state_survives_a_new_storage_instance(database: Database) -> None:
    await SqlAlchemyStorage(database).write({"conv/1": {"step": 3}})
    fresh = Database(database.url)
    try:
        assert (await SqlAlchemyStorage(fresh).read(["conv/1"]))["conv/1"]["step"] == 3
    finally:
        await fresh.dispose()
