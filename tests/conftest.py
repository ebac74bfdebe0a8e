"""Shared fixtures: real SQLite and real PostgreSQL databases, migrated with Alembic."""
from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy import text

from nlp import GapNLP
from storage.database import Database
from storage.migrate import upgrade_to_head
from storage.models import Base

POSTGRES_ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
BACKENDS = ["sqlite", "postgresql"]


async def _create_postgres_database() -> tuple[str, str]:
    name = f"gapbot_test_{uuid.uuid4().hex[:12]}"
    conn = await asyncpg.connect(POSTGRES_ADMIN_URL)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    base = POSTGRES_ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://")
    return name, f"{base}/{name}"


async def _drop_postgres_database(name: str) -> None:
    conn = await asyncpg.connect(POSTGRES_ADMIN_URL)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


@pytest.fixture(scope="session")
async def database_urls(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[dict[str, str]]:
    """One migrated database per backend for the whole session."""
    sqlite_path: Path = tmp_path_factory.mktemp("db") / "gapbot.db"
    pg_name, pg_url = await _create_postgres_database()
    urls = {"sqlite": f"sqlite+aiosqlite:///{sqlite_path}", "postgresql": pg_url}
    for url in urls.values():
        await asyncio.to_thread(upgrade_to_head, url)
    yield urls
    await _drop_postgres_database(pg_name)


@pytest.fixture(params=BACKENDS)
async def database(request: pytest.FixtureRequest, database_urls: dict[str, str]) -> AsyncIterator[Database]:
    """An empty, migrated database on each backend."""
    db = Database(database_urls[request.param])
    async with db.engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            await conn.execute(text(f"DELETE FROM {table.name}"))
    yield db
    await db.dispose()


@pytest.fixture(scope="session")
def gap() -> GapNLP:
    """The shipped pipeline, loaded once for the whole test session."""
    return GapNLP.load()
