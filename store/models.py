"""Database tables: places, figures with their sources, users, the audit log, previews waiting for Save,
subscriptions and deliveries."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Index, LargeBinary, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel

LEVELS = ("municipality", "county", "region", "nation", "group", "international")


class Place(SQLModel, table=True):
    """A municipality (one entity across renumberings), county, IMDi region, the nation or a group."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, index=True, max_length=40)
    name: str = Field(max_length=120)
    level: str = Field(index=True, max_length=20)
    valid_from: date | None = None
    valid_to: date | None = None
    successor_code: str | None = Field(default=None, max_length=40)
    owner_id: int | None = Field(default=None, index=True, sa_type=BigInteger)  # a coordinator's own group


class PlaceAlias(SQLModel, table=True):
    """A name or code a place is or was known by, normalised for lookup."""

    __table_args__ = (UniqueConstraint("place_id", "key", "kind"),)
    id: int | None = Field(default=None, primary_key=True)
    place_id: int = Field(foreign_key="place.id", index=True)
    key: str = Field(index=True, max_length=120)
    label: str = Field(max_length=120)
    kind: str = Field(max_length=10)  # "name" or "code"
    valid_from: date | None = None
    valid_to: date | None = None


class Membership(SQLModel, table=True):
    """A place belongs to a larger one during a period (open ends are None)."""

    __table_args__ = (UniqueConstraint("parent_id", "child_id", "valid_from"),)
    id: int | None = Field(default=None, primary_key=True)
    parent_id: int = Field(foreign_key="place.id", index=True)
    child_id: int = Field(foreign_key="place.id", index=True)
    valid_from: date | None = None
    valid_to: date | None = None


class Source(SQLModel, table=True):
    """Where statements come from: a seed document, an upload or an admin's command."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, max_length=200)
    title: str = Field(max_length=300)
    document_date: date | None = None
    date_approximate: bool = False
    description: str = Field(default="", max_length=500)


class Figure(SQLModel, table=True):
    """One statement of a value: for a place, year, measure and group, as of a date."""

    __table_args__ = (
        Index("ix_figure_place_year", "place_id", "year", "measure", "group", "as_of"),
        Index(  # which places, measures and years have figures: read from the index alone
            "ix_figure_active",
            "place_id",
            "measure",
            "year",
            "group",
            sqlite_where=text("retracted_at IS NULL"),
            postgresql_where=text("retracted_at IS NULL"),
        ),
    )
    id: int | None = Field(default=None, primary_key=True)
    place_id: int = Field(foreign_key="place.id")
    year: int
    measure: str = Field(max_length=60)
    group: str = Field(default="all", max_length=30)
    value: float | None = None  # None when suppressed
    suppressed: bool = False
    approximate: bool = False
    scope: str = Field(default="", max_length=20)  # "partial": a stated total of listed rows only
    as_of: date
    source_id: int = Field(foreign_key="source.id", index=True)
    source_table: str = Field(default="", max_length=200)
    source_area: str = Field(default="", max_length=160)  # the place as the source wrote it
    note: str = Field(default="", max_length=500)
    recorded_at: datetime
    change_id: int | None = Field(default=None, foreign_key="change.id", index=True)
    retracted_at: datetime | None = None


class User(SQLModel, table=True):
    """A Telegram user with access: an admin or a coordinator."""

    id: int = Field(primary_key=True, sa_type=BigInteger, sa_column_kwargs={"autoincrement": False})
    role: str = Field(max_length=20)
    name: str = Field(default="", max_length=120)
    language: str | None = Field(default=None, max_length=5)
    added_by: int | None = Field(default=None, sa_type=BigInteger)
    added_at: datetime


class GuestLanguage(SQLModel, table=True):
    """The reply language chosen with /language by someone without access (ACCESS=open), for every replica."""

    user_id: int = Field(primary_key=True, sa_type=BigInteger, sa_column_kwargs={"autoincrement": False})
    language: str = Field(max_length=5)
    chosen_at: datetime


class AllowedGroup(SQLModel, table=True):
    """A group chat an admin allowed to ask (with ACCESS=members)."""

    chat_id: int = Field(primary_key=True, sa_type=BigInteger, sa_column_kwargs={"autoincrement": False})
    allowed_by: int = Field(sa_type=BigInteger)
    allowed_at: datetime


class Conversation(SQLModel, table=True):
    """A chat's last question as understood (never the message), for a follow-up on any replica (PostgreSQL)."""

    chat_id: int = Field(primary_key=True, sa_type=BigInteger, sa_column_kwargs={"autoincrement": False})
    context: str = Field(sa_type=Text)  # the question's fields as JSON, places by code
    at: datetime


class Change(SQLModel, table=True):
    """The audit log: one row per change of figures or access, with who and when."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime
    user_id: int | None = Field(default=None, sa_type=BigInteger)
    action: str = Field(max_length=30)
    summary: str = Field(default="", max_length=1000)
    undone_by: int | None = None


class PendingChange(SQLModel, table=True):
    """A checked upload or /set waiting for its admin's Save or Cancel; any replica may confirm it."""

    token: str = Field(primary_key=True, max_length=20)  # in the buttons' data
    user_id: int = Field(index=True, sa_type=BigInteger)  # the admin who made the preview
    action: str = Field(max_length=10)  # "import" or "set"
    label: str = Field(max_length=300)  # the file name, or the figure for /set
    source_key: str = Field(max_length=200)
    source_title: str = Field(max_length=300)
    summary: str = Field(max_length=1000)  # the audit entry's line
    new: int
    changed: int
    earlier: int
    based_on: int | None = None  # the newest change of figures when it was checked
    created_at: datetime
    expires_at: datetime
    statements: bytes = Field(
        sa_type=LargeBinary
    )  # what Save writes, packed (store.pending); emptied once used
    outcome: str = Field(default="", max_length=10)  # "" while it waits, then "saved", "cancelled" or "stale"
    change_id: int | None = None  # the audit entry it was saved as


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
    status: str = Field(max_length=10)  # a DeliveryStatus
    reason: str = Field(default="", max_length=300)
    attempted_at: datetime
    message_ids: str = Field(default="", max_length=100)  # comma-separated Telegram message ids
    owner: str = Field(default="", max_length=100)  # who holds the claim: "host pid token"
    lease_until: datetime | None = None  # the claim is its owner's until then, renewed while it lives


def place_id_of(place: Place) -> int:
    """The id of a stored place (places read from the database always have one)."""
    place_id = place.id  # read once: an ORM attribute costs about half a microsecond
    if place_id is None:
        raise ValueError(f"place {place.code} is not stored yet")
    return place_id
