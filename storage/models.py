"""Database tables (SQLAlchemy 2.0 typed models)."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, DateTime, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


class Reflection(Base):
    """One saved gap reflection or pen picture. `text` is already redacted."""

    __tablename__ = "reflections"
    # AUTOINCREMENT on SQLite so a deleted reference number is never handed out again.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # Idempotency key of the draft that was saved: a repeated "save" cannot store it twice.
    draft_id: Mapped[str] = mapped_column(String(36), unique=True)
    author_aad_id: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    assessment_for: Mapped[str] = mapped_column(String(10))
    service_areas: Mapped[list[str]] = mapped_column(JSON)
    gap_type: Mapped[str] = mapped_column(String(40))
    cohorts: Mapped[list[str]] = mapped_column(JSON)
    risks: Mapped[list[str]] = mapped_column(JSON)
    neighbourhood: Mapped[str | None] = mapped_column(String(64))
    locality: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="new")
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)

    @property
    def ref(self) -> str:
        return f"GAP-{self.id}"


class DialogStateItem(Base):
    """A botbuilder Storage item (conversation/dialog state), with its e-tag."""

    __tablename__ = "dialog_state"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    etag: Mapped[str] = mapped_column(String(32))
    data: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class ProcessedActivity(Base):
    """Claim on an incoming activity id, so a redelivered activity is handled once."""

    __tablename__ = "processed_activities"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
