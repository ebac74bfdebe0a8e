"""Gap Bot's composition root: settings -> database -> nlp -> bot -> aiohttp routes.

`python app.py` serves; `python app.py export [--since D] [--until D]` writes CSV to stdout.
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from datetime import date, timedelta

from aiohttp import web
from botbuilder.core import ConversationState

from bot.adapter import build_adapter
from bot.handler import GapBot
from bot.http import build_web_app
from bot.settings import Settings
from nlp import GapNLP
from storage.activity_claims import ActivityClaims
from storage.database import Database
from storage.dialog_storage import SqlAlchemyStorage
from storage.export import write_csv
from storage.migrate import upgrade_to_head
from storage.reflections import ReflectionRepository

CLAIM_RETENTION = timedelta(days=7)


async def create_app(settings: Settings, nlp: GapNLP | None = None) -> web.Application:
    """Build the web app. The database must already be migrated (see `upgrade_to_head`)."""
    database = Database(settings.DATABASE_URL)
    claims = ActivityClaims(database)
    await claims.forget_older_than(CLAIM_RETENTION)
    bot = GapBot(
        nlp=nlp or GapNLP.load(settings.NLP_MODEL or None),
        conversation_state=ConversationState(SqlAlchemyStorage(database)),
        reflections=ReflectionRepository(database),
        claims=claims,
    )
    app = build_web_app(build_adapter(settings), bot, database, settings.auth_enabled)

    async def close_database(_app: web.Application) -> None:
        await database.dispose()

    app.on_cleanup.append(close_database)
    return app


async def export(settings: Settings, since: date | None, until: date | None) -> int:
    database = Database(settings.DATABASE_URL)
    try:
        rows = await ReflectionRepository(database).between(since, until)
    finally:
        await database.dispose()
    return write_csv(rows, sys.stdout)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="app.py", description="Gap Bot: serve the bot, or export reflections.")
    commands = parser.add_subparsers(dest="command")
    export_parser = commands.add_parser("export", help="write reflections as CSV to stdout")
    export_parser.add_argument("--since", type=date.fromisoformat, help="first day, YYYY-MM-DD (inclusive)")
    export_parser.add_argument("--until", type=date.fromisoformat, help="last day, YYYY-MM-DD (inclusive)")
    args = parser.parse_args(argv)

    settings = Settings()
    logging.basicConfig(level=settings.LOG_LEVEL, format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr)
    upgrade_to_head(settings.DATABASE_URL)
    if args.command == "export":
        count = asyncio.run(export(settings, args.since, args.until))
        print(f"exported {count} reflections", file=sys.stderr)
        return
    web.run_app(create_app(settings), host=settings.HOST, port=settings.PORT)


if __name__ == "__main__":
    main()
