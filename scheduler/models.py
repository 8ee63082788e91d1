"""Digest tables: subscriptions, their own lists of places, and the delivery log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, UniqueConstraint
from sqlmodel import Field, SQLModel

STATUSES = ("pending", "sending", "sent", "skipped", "failed", "blocked")


class Subscription(SQLModel, table=True):
    """A weekly digest for one chat: a place (or the user's own list), a weekday and a time."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(index=True, sa_type=BigInteger)
    chat_id: int = Field(sa_type=BigInteger)
    place_id: int | None = Field(default=None, foreign_key="place.id")  # None: the user's own list
    weekday: int = 0  # Monday is 0, as datetime.weekday()
    hour: int = 8  # local time in TIMEZONE
    minute: int = 0
    language: str = Field(default="nb", max_length=5)
    quiet_when_unchanged: bool = False  # True: no message at all when nothing changed
    paused: bool = False
    paused_reason: str = Field(default="", max_length=200)
    created_at: datetime


class SubscriptionPlace(SQLModel, table=True):
    """One place on a subscription's own list."""

    __table_args__ = (UniqueConstraint("subscription_id", "place_id"),)
    id: int | None = Field(default=None, primary_key=True)
    subscription_id: int = Field(foreign_key="subscription.id", index=True)
    place_id: int = Field(foreign_key="place.id")


class Delivery(SQLModel, table=True):
    """The delivery log: one row per subscription and period, the guard against sending twice."""

    __table_args__ = (UniqueConstraint("subscription_id", "period"),)
    id: int | None = Field(default=None, primary_key=True)
    subscription_id: int = Field(foreign_key="subscription.id", index=True)
    period: str = Field(max_length=10)  # ISO week, e.g. 2026-W48
    status: str = Field(max_length=10)  # one of STATUSES
    reason: str = Field(default="", max_length=300)
    attempted_at: datetime
    message_ids: str = Field(default="", max_length=100)  # comma-separated Telegram message ids
