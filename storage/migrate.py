"""Apply Alembic migrations programmatically (`python -m storage.migrate` or on start)."""
from __future__ import annotations

import sys
from pathlib import Path

from alembic import command
from alembic.config import Config

from storage.database import ensure_sqlite_directory

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade_to_head(url: str) -> None:
    """Bring the database at `url` to the newest schema. Blocking: call before the event loop starts."""
    ensure_sqlite_directory(url)
    command.upgrade(alembic_config(url), "head")


if __name__ == "__main__":
    upgrade_to_head(sys.argv[1])
    print("database is at the newest schema")
