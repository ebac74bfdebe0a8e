"""Engine and session setup for SQLite (default) and PostgreSQL."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine


class Database:
    """Owns the async engine and hands out sessions."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.is_sqlite = ensure_sqlite_directory(url)
        # SQLite allows one writer at a time: one pooled connection queues work in asyncio instead of
        # leaving connections to collide on the file lock and back off in SQLite's busy handler.
        options = {"pool_size": 1, "max_overflow": 0} if self.is_sqlite else {"pool_pre_ping": True}
        self.engine: AsyncEngine = create_async_engine(url, **options)
        if self.is_sqlite:
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> AsyncSession:
        return self.sessions()

    async def ping(self) -> bool:
        try:
            async with self.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
            return True
        except Exception:  # noqa: BLE001 - health check reports any failure as "down"
            return False

    async def dispose(self) -> None:
        await self.engine.dispose()


def ensure_sqlite_directory(url: str) -> bool:
    """Create the folder of a SQLite database file (e.g. data/). Returns whether the URL is SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return False
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    return True


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # WAL lets readers run during a write; busy_timeout makes writers from other processes wait, not fail.
    # synchronous=NORMAL in WAL mode: a commit survives the process being killed (it is in the WAL file);
    # only an OS crash or power cut can lose the last commits. FULL would fsync every commit (~6 ms here).
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()
