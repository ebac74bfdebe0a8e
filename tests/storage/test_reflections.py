"""Saving, listing, deleting and exporting reflections on both databases."""
from __future__ import annotations

import asyncio
import csv
import io
from datetime import date, timedelta

from storage.activity_claims import ActivityClaims
from storage.database import Database
from storage.export import COLUMNS, write_csv
from storage.reflections import NewReflection, ReflectionRepository


def _new(draft_id: str, author: str = "aad-1", **overrides: object) -> NewReflection:
    fields = dict(draft_id=draft_id, author_aad_id=author, kind="reflection", assessment_for="carer",
                  service_areas=["autism_support", "carer_support"], gap_type="capacity",
                  cohorts=["autism"], risks=["carer_breakdown"], neighbourhood="Gorton & Abbey Hey",
                  locality="central", text="Carer in Gorton, son [PERSON] is autistic")
    fields.update(overrides)
    return NewReflection(**fields)  # type: ignore[arg-type]


async def test_references_increase_and_are_unique_under_concurrency(database: Database) -> None:
    repo = ReflectionRepository(database)
    saved = await asyncio.gather(*(repo.save(_new(f"d{i}")) for i in range(20)))
    ids = [row.id for row in saved]
    assert len(set(ids)) == 20
    later = await repo.save(_new("later"))
    assert later.id > max(ids)
    assert later.ref == f"GAP-{later.id}"


async def test_saving_the_same_draft_twice_stores_it_once(database: Database) -> None:
    repo = ReflectionRepository(database)
    first = await repo.save(_new("same"))
    again = await repo.save(_new("same"))
    assert again.id == first.id
    assert len(await repo.recent_for_author("aad-1")) == 1


async def test_a_practitioner_deletes_only_their_own(database: Database) -> None:
    repo = ReflectionRepository(database)
    mine = await repo.save(_new("a", author="me"))
    theirs = await repo.save(_new("b", author="them"))
    assert await repo.delete_own(theirs.id, "me") is False
    assert await repo.delete_own(mine.id, "me") is True
    assert await repo.delete_own(mine.id, "me") is False
    assert [r.id for r in await repo.recent_for_author("them")] == [theirs.id]


async def test_recent_lists_newest_first_and_at_most_ten(database: Database) -> None:
    repo = ReflectionRepository(database)
    for i in range(12):
        await repo.save(_new(f"r{i}"))
    recent = await repo.recent_for_author("aad-1")
    assert len(recent) == 10
    assert [r.id for r in recent] == sorted((r.id for r in recent), reverse=True)


async def test_deleted_reference_numbers_are_not_reused(database: Database) -> None:
    repo = ReflectionRepository(database)
    first = await repo.save(_new("x"))
    await repo.delete_own(first.id, "aad-1")
    assert (await repo.save(_new("y"))).id > first.id


async def test_export_columns_and_date_window(database: Database) -> None:
    repo = ReflectionRepository(database)
    await repo.save(_new("e1"))
    today = date.today()
    out = io.StringIO()
    assert write_csv(await repo.between(today, today), out) == 1
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == COLUMNS
    record = dict(zip(rows[0], rows[1]))
    assert record["service_areas"] == "autism_support;carer_support"
    assert record["neighbourhood"] == "Gorton & Abbey Hey"
    assert await repo.between(today + timedelta(days=1), None) == []


async def test_an_activity_is_claimed_once_and_can_be_released(database: Database) -> None:
    claims = ActivityClaims(database)
    key = ActivityClaims.key("msteams", "conv", "act-1")
    results = await asyncio.gather(*(claims.claim(key) for _ in range(5)))
    assert results.count(True) == 1
    await claims.release(key)
    assert await claims.claim(key) is True


def test_migrating_a_fresh_sqlite_path_creates_its_folder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from storage.migrate import upgrade_to_head

    target = tmp_path / "not" / "yet" / "gapbot.db"
    upgrade_to_head(f"sqlite+aiosqlite:///{target}")
    assert target.exists()
