"""Digest commands: /subscribe, /subscriptions, /unsubscribe, /digest, /deliveries and their buttons."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.caller import Caller
from bot.digest_composer import DigestComposer
from bot.render import day, escape
from bot.replies import Button, Reply
from bot.texts import text, weekday_label
from scheduler.schedule import clock_of, next_occurrence, period_of, weekday_of
from scheduler.subscriptions import (
    ACCESS_REMOVED,
    BLOCKED,
    LEFT_GROUP,
    PAUSED_BY_USER,
    own_subscription,
    places_of,
    recent_deliveries,
    remove,
    subscribe,
    subscription_id_of,
    subscriptions_of,
)
from store.bounds import MOST_PLACES, ROW_IDS, whole_number
from store.models import Place, Subscription
from store.places import PlaceIndex
from store.store import Store
from store.vocabulary import DeliveryStatus

BUTTON_PREFIX = "sub:"
ACTIONS = ("quiet", "pause", "remove")  # what a subscription's buttons do
SHOWN_PERIODS = 5
SHOWN_PROBLEMS = 5
LOG_STATUSES = (  # in the order /deliveries counts them
    DeliveryStatus.SENT,
    DeliveryStatus.SKIPPED,
    DeliveryStatus.FAILED,
    DeliveryStatus.BLOCKED,
    DeliveryStatus.PENDING,
    DeliveryStatus.SENDING,
    DeliveryStatus.UNKNOWN,
)
PROBLEMS = (DeliveryStatus.FAILED, DeliveryStatus.BLOCKED, DeliveryStatus.SENDING, DeliveryStatus.UNKNOWN)
ChangeHook = Callable[[int], Awaitable[None]]  # the Telegram layer reschedules a changed subscription
Resender = Callable[[], Awaitable[int]]  # the Telegram layer sends the unknown ones again, and says how many


class DigestCommands:
    """Subscriptions and digests for callers; tells `on_change` which subscription changed."""

    def __init__(self, store: Store, *, zone: ZoneInfo, clock: Callable[[], datetime]) -> None:
        self.store = store
        self.zone = zone
        self.clock = clock
        self.composer = DigestComposer(store, zone)  # one cache for previews and the weekly sends
        self.on_change: ChangeHook | None = None
        self.resender: Resender | None = None  # only a running bot can send

    async def subscribe(self, argument: str, caller: Caller) -> list[Reply]:
        """/subscribe <place[, place …]> [weekday] [HH:MM]: a weekly digest, Monday 08:00 by default."""
        if caller.role is None:
            return [Reply(text("members_only", caller.language))]
        if caller.in_group and not caller.chat_admin:
            return [Reply(text("group_admins_subscribe", caller.language))]
        words = argument.split()
        when = clock_of(words[-1]) if words else None
        if when is not None:
            words.pop()
        weekday = weekday_of(words[-1]) if words else None
        if weekday is not None:
            words.pop()
        names = [name.strip() for name in " ".join(words).split(",") if name.strip()]
        if not names:
            return [Reply(text("subscribe_usage", caller.language))]
        if len(names) > MOST_PLACES:
            return [Reply(text("too_many_places", caller.language, most=MOST_PLACES))]
        index = await self.store.index()
        places: list[Place] = []
        for name in names:
            found = index.search(name)
            if len(found) != 1:
                return [Reply(text("subscribe_unknown", caller.language, text=escape(name)))]
            places.append(found[0].place)
        hour, minute = when or (8, 0)
        async with self.store.unit() as session:
            subscription = await subscribe(
                session,
                user_id=caller.user_id,
                chat_id=caller.chat or caller.user_id,
                place_ids=sorted({p.id for p in places if p.id is not None}),
                weekday=weekday or 0,
                hour=hour,
                minute=minute,
                language=caller.language,
            )
            scope = await self._scope_name(session, subscription, index, caller.language)
        await self.changed(subscription_id_of(subscription))
        upcoming = next_occurrence(self.clock(), subscription.weekday, hour, minute, self.zone)
        reply = text(
            "subscribed",
            caller.language,
            id=subscription.id,
            scope=scope,
            day=weekday_label(subscription.weekday, caller.language),
            time=f"{hour:02d}:{minute:02d}",
            next=day(upcoming.date(), caller.language),
        )
        return [Reply(reply)]

    async def subscriptions(self, _argument: str, caller: Caller) -> list[Reply]:
        """/subscriptions: the caller's subscriptions with buttons to change or remove them."""
        index = await self.store.index()
        async with self.store.unit() as session:
            found = await subscriptions_of(session, user_id=caller.user_id)
            lines = [await self._line(session, s, index, caller.language) for s in found]
        if not found:
            return [Reply(text("no_subscriptions", caller.language))]
        buttons: list[list[Button]] = [
            [
                (text("button_quiet", caller.language, id=s.id), f"{BUTTON_PREFIX}quiet:{s.id}"),
                (text("button_pause", caller.language, id=s.id), f"{BUTTON_PREFIX}pause:{s.id}"),
                (text("button_remove", caller.language, id=s.id), f"{BUTTON_PREFIX}remove:{s.id}"),
            ]
            for s in found
        ]
        return [Reply("\n".join([text("subscriptions_title", caller.language), *lines]), buttons=buttons)]

    async def unsubscribe(self, argument: str, caller: Caller) -> list[Reply]:
        """/unsubscribe <number>: remove a subscription (without a number: the list with buttons)."""
        if not argument:
            return await self.subscriptions(argument, caller)
        number = whole_number(argument, ROW_IDS)
        if number is None:
            return [Reply(text("unsubscribe_usage", caller.language))]
        return await self._act("remove", number, caller)

    async def button(self, data: str, caller: Caller) -> list[Reply]:
        """A button under /subscriptions: sub:quiet:ID, sub:pause:ID or sub:remove:ID."""
        fields = data.split(":")
        number = whole_number(fields[2], ROW_IDS) if len(fields) == 3 else None
        if number is None or fields[1] not in ACTIONS:
            return [Reply(text("button_unknown", caller.language))]
        return await self._act(fields[1], number, caller)

    async def _act(self, action: str, number: int, caller: Caller) -> list[Reply]:
        """Quiet/note, pause/resume or remove one of the caller's subscriptions."""
        async with self.store.unit() as session:
            subscription = await own_subscription(session, subscription_id=number, user_id=caller.user_id)
            if subscription is None:
                return [Reply(text("subscription_unknown", caller.language, id=number))]
            if action == "remove":
                await remove(session, subscription=subscription)
                key = "unsubscribed"
            elif action == "quiet":
                subscription.quiet_when_unchanged = not subscription.quiet_when_unchanged
                key = "quiet_on" if subscription.quiet_when_unchanged else "quiet_off"
            else:
                subscription.paused = not subscription.paused
                subscription.paused_reason = PAUSED_BY_USER if subscription.paused else ""
                key = "paused" if subscription.paused else "resumed"
        await self.changed(number)
        return [Reply(text(key, caller.language, id=number))]

    async def digest(self, argument: str, caller: Caller) -> list[Reply]:
        """/digest [place]: this week's digest now, as a preview (nothing is logged as sent)."""
        if caller.role is None:
            return [Reply(text("members_only", caller.language))]
        now = self.clock()
        period = period_of(now, self.zone)
        today = now.astimezone(self.zone).date()
        if argument:
            found = (await self.store.index()).search(argument)
            if len(found) != 1:
                return [Reply(text("subscribe_unknown", caller.language, text=escape(argument)))]
            digests = [await self.composer.preview_of(found[0].place, today, caller.language)]
        else:
            async with self.store.unit() as session:
                subscriptions = await subscriptions_of(session, user_id=caller.user_id)
            digests = [
                await self.composer.digest_of(subscription, period, today, caller.language)
                for subscription in subscriptions
            ]
        replies = [Reply(m.text, photo=m.photo) for digest in digests for m in digest.messages]
        return replies or [Reply(text("digest_usage", caller.language))]

    async def deliveries(self, _argument: str, caller: Caller) -> list[Reply]:
        """/deliveries (admins): outcomes of the latest periods and the latest problems with their reasons."""
        if not caller.is_admin:
            return [Reply(text("admins_only", caller.language))]
        async with self.store.unit() as session:
            log = await recent_deliveries(session)
        if not log:
            return [Reply(text("no_deliveries", caller.language))]
        by_period: dict[str, Counter[str]] = defaultdict(Counter)
        for entry in log:
            by_period[entry.period][entry.status] += 1
        lines = [text("deliveries_title", caller.language)]
        for period in sorted(by_period, reverse=True)[:SHOWN_PERIODS]:
            lines.append(f"{period}: " + " · ".join(str(by_period[period][s]) for s in LOG_STATUSES))
        problems = [e for e in log if e.status in PROBLEMS][:SHOWN_PROBLEMS]
        if problems:
            lines.append(text("deliveries_problems", caller.language))
            lines.extend(f"{e.period} #{e.subscription_id} {e.status}: {escape(e.reason)}" for e in problems)
        return [Reply("\n".join(lines))]

    async def resend(self, _argument: str, caller: Caller) -> list[Reply]:
        """/resend (admins): send this period's digests of unknown outcome again."""
        if not caller.is_admin:
            return [Reply(text("admins_only", caller.language))]
        if self.resender is None:
            return [Reply(text("resend_needs_bot", caller.language))]
        count = await self.resender()
        period = period_of(self.clock(), self.zone)
        return [
            Reply(text("resending" if count else "resend_none", caller.language, count=count, period=period))
        ]

    async def changed(self, subscription_id: int) -> None:
        """Let the scheduler know, after the change is committed."""
        if self.on_change is not None:
            await self.on_change(subscription_id)

    async def _scope_name(
        self, session: AsyncSession, subscription: Subscription, index: PlaceIndex, language: str
    ) -> str:
        """The place's name, or 'mine steder: Melhus, Malvik'."""
        names = sorted(index.places[i].name for i in await places_of(session, subscription))
        if subscription.place_id is not None:
            return escape(names[0])
        return f"{text('digest_own_list', language)}: {escape(', '.join(names))}"

    async def _line(
        self, session: AsyncSession, subscription: Subscription, index: PlaceIndex, language: str
    ) -> str:
        """One subscription in the list, with its flags."""
        flags = text("quiet_flag", language) if subscription.quiet_when_unchanged else ""
        if subscription.chat_id != subscription.user_id:
            flags += text("group_flag", language)
        if subscription.paused:
            flags += text(
                "paused_flag", language, reason=escape(pause_reason(subscription.paused_reason, language))
            )
        return text(
            "subscription_line",
            language,
            id=subscription.id,
            scope=await self._scope_name(session, subscription, index, language),
            day=weekday_label(subscription.weekday, language),
            time=f"{subscription.hour:02d}:{subscription.minute:02d}",
            flags=flags,
        )


PAUSE_REASONS = {
    PAUSED_BY_USER: "paused_by_user",
    ACCESS_REMOVED: "paused_access_removed",
    LEFT_GROUP: "paused_left_group",
}


def pause_reason(reason: str, language: str) -> str:
    """Why a subscription is paused, in the user's language (as stored when it is none the bot knows)."""
    key = PAUSE_REASONS.get(reason) or ("paused_blocked" if reason.startswith(f"{BLOCKED}:") else None)
    return text(key, language) if key else reason
