"""Subscriptions and the delivery log as data: functions that take the session."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import col, delete, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from store.models import Delivery, Place, Subscription, SubscriptionPlace
from store.places import PlaceIndex
from store.vocabulary import DeliveryStatus

FIRST_LOOKBACK = timedelta(days=7)  # a first digest shows the changes of the past week
ACCESS_REMOVED = "access removed"  # the reason a removed user's subscriptions are paused
LEFT_GROUP = "the bot left the group"  # the reason a group's subscriptions are paused
PAUSED_BY_USER = "paused by its subscriber"  # the reason of a pause the user chose
BLOCKED = "blocked"  # the start of the reason a chat that blocked the bot is paused ("blocked: …")


def subscription_id_of(subscription: Subscription) -> int:
    """The id of a stored subscription."""
    if subscription.id is None:
        raise ValueError("the subscription is not stored yet")
    return subscription.id


async def places_of(session: AsyncSession, subscription: Subscription) -> list[int]:
    """The place ids a subscription names: its place, or the subscriber's own list."""
    if subscription.place_id is not None:
        return [subscription.place_id]
    query = select(SubscriptionPlace.place_id).where(SubscriptionPlace.subscription_id == subscription.id)
    return sorted((await session.exec(query)).all())


async def subscriptions_to(session: AsyncSession, *, chat_id: int) -> list[Subscription]:
    """The subscriptions delivered to a chat, oldest first."""
    query = select(Subscription).where(Subscription.chat_id == chat_id).order_by(col(Subscription.id))
    return list((await session.exec(query)).all())


async def subscriptions_of(session: AsyncSession, *, user_id: int) -> list[Subscription]:
    """A user's subscriptions, oldest first."""
    query = select(Subscription).where(Subscription.user_id == user_id).order_by(col(Subscription.id))
    return list((await session.exec(query)).all())


async def active_subscriptions(session: AsyncSession) -> list[Subscription]:
    """Every subscription that is not paused, oldest first."""
    query = select(Subscription).where(col(Subscription.paused).is_(False)).order_by(col(Subscription.id))
    return list((await session.exec(query)).all())


async def subscribe(
    session: AsyncSession,
    *,
    user_id: int,
    chat_id: int,
    place_ids: list[int],
    weekday: int = 0,
    hour: int = 8,
    minute: int = 0,
    language: str = "nb",
) -> Subscription:
    """Subscribe to one place or an own list; the same scope again changes its day and time (and resumes it)."""
    for existing in await subscriptions_of(session, user_id=user_id):
        if existing.chat_id == chat_id and await places_of(session, existing) == sorted(place_ids):
            existing.weekday, existing.hour, existing.minute = weekday, hour, minute
            existing.language, existing.paused, existing.paused_reason = language, False, ""
            return existing
    subscription = Subscription(
        user_id=user_id,
        chat_id=chat_id,
        place_id=place_ids[0] if len(place_ids) == 1 else None,
        weekday=weekday,
        hour=hour,
        minute=minute,
        language=language,
        created_at=datetime.now(UTC),
    )
    session.add(subscription)
    await session.flush()
    if len(place_ids) > 1:
        session.add_all(
            SubscriptionPlace(subscription_id=subscription_id_of(subscription), place_id=p) for p in place_ids
        )
    return subscription


async def own_subscription(
    session: AsyncSession, *, subscription_id: int, user_id: int
) -> Subscription | None:
    """A subscription, if it belongs to this user."""
    subscription = await session.get(Subscription, subscription_id)
    return subscription if subscription is not None and subscription.user_id == user_id else None


async def remove(session: AsyncSession, *, subscription: Subscription) -> None:
    """Delete a subscription with its list and its delivery log."""
    for table in (SubscriptionPlace, Delivery):
        await session.exec(delete(table).where(col(table.subscription_id) == subscription.id))
    await session.delete(subscription)


async def remove_all(session: AsyncSession, *, user_id: int) -> tuple[list[int], int]:
    """Delete every subscription a user made, with their delivery log; their ids and the log rows deleted."""
    subscriptions = await subscriptions_of(session, user_id=user_id)
    ids = [subscription_id_of(s) for s in subscriptions]
    logged = select(func.count()).select_from(Delivery).where(col(Delivery.subscription_id).in_(ids))
    deliveries = (await session.exec(logged)).one()
    for subscription in subscriptions:
        await remove(session, subscription=subscription)
    return ids, deliveries


async def prune_deliveries(session: AsyncSession, *, before: datetime) -> int:
    """Delete the delivery log's entries last attempted before a moment (long past periods); how many went."""
    pruned = await session.exec(delete(Delivery).where(col(Delivery.attempted_at) < before))
    return pruned.rowcount


async def pause(session: AsyncSession, *, subscription_id: int, reason: str) -> None:
    """Stop sending a subscription (e.g. the user blocked the bot) until it is renewed with /subscribe."""
    subscription = await session.get(Subscription, subscription_id)
    if subscription is not None:
        subscription.paused, subscription.paused_reason = True, reason[:200]


async def pause_all(session: AsyncSession, *, user_id: int, reason: str) -> list[int]:
    """Pause every running subscription of a user; returns their ids."""
    return _pause_running(await subscriptions_of(session, user_id=user_id), reason)


async def pause_chat(session: AsyncSession, *, chat_id: int, reason: str) -> list[int]:
    """Pause every running subscription delivered to a chat; returns their ids."""
    return _pause_running(await subscriptions_to(session, chat_id=chat_id), reason)


def _pause_running(subscriptions: list[Subscription], reason: str) -> list[int]:
    """Pause those of the subscriptions that run; returns their ids."""
    running = [s for s in subscriptions if not s.paused]
    for subscription in running:
        subscription.paused, subscription.paused_reason = True, reason[:200]
    return [subscription_id_of(s) for s in running]


async def delivery_of(session: AsyncSession, *, subscription_id: int, period: str) -> Delivery | None:
    """The log entry of a subscription's digest for a period, if there is one."""
    query = select(Delivery).where(Delivery.subscription_id == subscription_id, Delivery.period == period)
    return (await session.exec(query)).first()


async def deliveries_of(session: AsyncSession, *, period: str) -> dict[int, Delivery]:
    """The log entries of a period, by subscription id."""
    query = select(Delivery).where(Delivery.period == period)
    return {delivery.subscription_id: delivery for delivery in (await session.exec(query)).all()}


async def previous_sent(session: AsyncSession, *, subscription_id: int, before: str) -> Delivery | None:
    """The latest digest sent to a subscription for an earlier period."""
    query = (
        select(Delivery)
        .where(
            Delivery.subscription_id == subscription_id,
            Delivery.status == DeliveryStatus.SENT,
            col(Delivery.period) < before,
        )
        .order_by(col(Delivery.period).desc())
    )
    return (await session.exec(query)).first()


async def recent_deliveries(session: AsyncSession, *, limit: int = 5000) -> list[Delivery]:
    """The latest entries of the delivery log, newest first."""
    query = select(Delivery).order_by(col(Delivery.attempted_at).desc(), col(Delivery.id).desc())
    return list((await session.exec(query.limit(limit))).all())


async def since_last(
    session: AsyncSession, *, subscription: Subscription, period: str, today: date, zone: ZoneInfo
) -> date:
    """The day of the subscriber's previous digest, or a week ago for the first one."""
    previous = await previous_sent(session, subscription_id=subscription_id_of(subscription), before=period)
    if previous is None:
        return today - FIRST_LOOKBACK
    return previous.attempted_at.astimezone(zone).date()


async def scope_places(
    session: AsyncSession, *, subscription: Subscription, index: PlaceIndex
) -> tuple[Place | None, list[Place]]:
    """The subscription's named place, or None and the places of its own list."""
    if subscription.place_id is not None:
        return index.places[subscription.place_id], []
    return None, [index.places[i] for i in await places_of(session, subscription)]
