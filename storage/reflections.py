"""Saving, listing, deleting and exporting reflections."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from storage.database import Database
from storage.models import Reflection


@dataclass(frozen=True)
class NewReflection:
    """What a practitioner confirmed. `text` must already be redacted."""

    draft_id: str
    author_aad_id: str
    kind: str
    assessment_for: str
    service_areas: list[str]
    gap_type: str
    cohorts: list[str]
    risks: list[str]
    neighbourhood: str | None
    locality: str | None
    text: str


class ReflectionRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def save(self, new: NewReflection) -> Reflection:
        """Insert and commit; saving the same draft again returns the row already stored."""
        try:
            async with self._db.session() as session, session.begin():
                row = Reflection(**new.__dict__)
                session.add(row)
            return row
        except IntegrityError:
            async with self._db.session() as session:
                return (await session.scalars(select(Reflection).where(Reflection.draft_id == new.draft_id))).one()

    async def recent_for_author(self, author_aad_id: str, limit: int = 10) -> list[Reflection]:
        async with self._db.session() as session:
            query = (
                select(Reflection)
                .where(Reflection.author_aad_id == author_aad_id)
                .order_by(Reflection.id.desc())
                .limit(limit)
            )
            return list((await session.scalars(query)).all())

    async def delete_own(self, reflection_id: int, author_aad_id: str) -> bool:
        """Delete a reflection if, and only if, `author_aad_id` wrote it."""
        async with self._db.session() as session, session.begin():
            result = await session.execute(
                delete(Reflection).where(Reflection.id == reflection_id, Reflection.author_aad_id == author_aad_id)
            )
            return result.rowcount == 1

    async def between(self, since: date | None, until: date | None) -> list[Reflection]:
        """All reflections created on `since`..`until` (inclusive, UTC days), oldest first."""
        query = select(Reflection).order_by(Reflection.id)
        if since is not None:
            query = query.where(Reflection.created_at >= _day_start(since))
        if until is not None:
            query = query.where(Reflection.created_at < _day_start(until + timedelta(days=1)))
        async with self._db.session() as session:
            return list((await session.scalars(query)).all())


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.utc)
