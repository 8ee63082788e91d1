"""Broadcasting digests exactly once per subscription and period, within Telegram's flood limits."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.replies import Reply
from scheduler.digest import Digest, compose, scope_places, since_last
from scheduler.models import Delivery, Subscription
from scheduler.subscriptions import active_subscriptions, deliveries_of, ident, pause
from store.store import Store

log = logging.getLogger(__name__)

OVERALL_PER_SECOND = 28  # Telegram allows about 30 messages a second; two spare absorb upload jitter
PER_CHAT_INTERVAL = 1.05  # seconds between two messages to one chat (Telegram: about one a second)
RETRIES = 4  # transient errors and flood waits, per message
BACKOFF = 0.5  # seconds before the first retry; doubled each time
WORKERS = 40
SENDING_REASON = "interrupted while sending: it may have arrived, so it is not sent again"
CLAIM_LEASE = timedelta(minutes=2)  # a claim still waiting after this long belongs to a process that died


class Blocked(Exception):
    """The user blocked the bot (Telegram's 403): the subscription is paused."""


class RetryLater(Exception):
    """Flood control (Telegram's 429): wait the given seconds, then try again."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds} s")
        self.seconds = seconds


class Transient(Exception):
    """A network error or timeout worth retrying with backoff."""


class Sender(Protocol):
    """What sends a digest: the Telegram bot, or a recorder in tests. Returns message ids."""

    async def send_text(self, chat_id: int, text: str) -> int:
        """Send an HTML message."""
        ...

    async def send_photo(self, chat_id: int, photo: bytes, caption: str) -> int:
        """Send a PNG picture with an HTML caption."""
        ...


class RateLimit:
    """Sends spaced evenly at `per_second` overall, and `interval` after the last one to a chat arrived."""

    def __init__(
        self,
        per_second: float = OVERALL_PER_SECOND,
        interval: float = PER_CHAT_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.spacing = 1 / per_second
        self.interval = interval
        self.clock = clock
        self.next_free = 0.0
        self.last_to: dict[int, float] = {}
        self.lock = asyncio.Lock()

    async def wait(self, chat_id: int, meanwhile: Callable[[], Awaitable[None]] | None = None) -> None:
        """Wait for this chat's turn, then for the next free slot overall, and take it.

        `meanwhile` runs while waiting for the slot, so that at most one delivery at a time is between it
        and its send; if it outlasts the slot, the next slot moves back so the spacing holds.
        """
        last = self.last_to.get(chat_id)
        if last is not None and self.clock() < last + self.interval:
            await asyncio.sleep(last + self.interval - self.clock())
        async with self.lock:
            slot = max(self.next_free, self.clock())
            side = asyncio.ensure_future(meanwhile()) if meanwhile else None
            await asyncio.sleep(max(slot - self.clock(), 0))
            if side is not None and not side.done():
                await side
                slot = self.clock()  # it outlasted the slot: space the next one from now
            elif side is not None:
                side.result()
            self.next_free = slot + self.spacing  # on a fixed grid: a late wake-up does not slow the rest

    def sent(self, chat_id: int) -> None:
        """A message to the chat has arrived: the chat's pause starts now (latency cannot shorten it)."""
        self.last_to[chat_id] = self.clock()


@dataclass
class Outcome:
    """How one delivery ended."""

    status: str
    reason: str = ""
    message_ids: list[int] = field(default_factory=list)


class Broadcaster:
    """Sends each subscription's digest for a period at most once, recording every attempt."""

    def __init__(
        self,
        store: Store,
        sender: Sender,
        *,
        zone: ZoneInfo,
        clock: Callable[[], datetime] | None = None,
        limit: RateLimit | None = None,
        backoff: float = BACKOFF,
        claim_lease: timedelta = CLAIM_LEASE,
    ) -> None:
        self.store = store
        self.sender = sender
        self.zone = zone
        self.clock = clock or (lambda: datetime.now(zone))
        self.limit = limit or RateLimit()
        self.backoff = backoff
        self.claim_lease = claim_lease
        self.on_pause: Callable[[int], Awaitable[None]] | None = None  # the bot drops a paused one's job
        self.digests: dict[tuple[object, ...], Digest] = {}  # composed once per scope, day and language
        self.writes = asyncio.Lock()
        self.composing = asyncio.Lock()
        self.slots = asyncio.Semaphore(WORKERS)
        self.digests_of: tuple[int, date] | None = None  # the data generation and day they were composed on

    def today(self) -> date:
        """Today in the configured zone."""
        return self.clock().astimezone(self.zone).date()

    async def broadcast(self, period: str, workers: int = WORKERS) -> Counter[str]:
        """Deliver the period's digest to every active subscription that has not had it; count outcomes.

        Digests are composed first, so that the sending is not held up by drawing charts.
        """
        async with self.store.unit() as session:
            subscriptions = await active_subscriptions(session)
            logged = await deliveries_of(session, period=period)
        counts: Counter[str] = Counter()
        due = [s for s in subscriptions if self.retry_in(logged.get(ident(s))) == timedelta(0)]
        counts["done"] = len(subscriptions) - len(due)  # settled (or claimed moments ago): nothing to compose
        for subscription in due:
            await self._digest(subscription, period)
        queue: asyncio.Queue[int] = asyncio.Queue()
        for subscription in due:
            queue.put_nowait(ident(subscription))

        async def work() -> None:
            while not queue.empty():
                counts[await self.deliver(queue.get_nowait(), period)] += 1

        await asyncio.gather(*(work() for _ in range(min(workers, len(due)) or 1)))
        return +counts

    async def deliver(self, subscription_id: int, period: str) -> str:
        """One subscription's digest for a period: 'done' if it was already handled, else the new status."""
        async with self.slots:  # 300 jobs due at 08:00 wait here rather than for database connections
            if not await self._claim(subscription_id, period):
                return "done"
            try:
                outcome = await self._attempt(subscription_id, period)
            except Exception as error:  # recorded, never lost: the log says why
                log.exception("digest %s for %s failed", period, subscription_id)
                outcome = Outcome("failed", f"{type(error).__name__}: {error}")
            await self._record(subscription_id, period, outcome)
            return outcome.status

    @asynccontextmanager
    async def _write(self) -> AsyncIterator[AsyncSession]:
        """A unit of work that writes the log: one at a time, so SQLite's unfair busy wait never starves one."""
        async with self.writes, self.store.unit() as session:
            yield session

    async def skip(self, subscription_id: int, period: str, reason: str) -> None:
        """Log a period as skipped (unless it is already logged)."""
        if await self._claim(subscription_id, period):
            await self._record(subscription_id, period, Outcome("skipped", reason))

    def retry_in(self, logged: Delivery | None) -> timedelta | None:
        """How soon a period's digest may be tried (again), given its log entry; None: it is settled."""
        if logged is None or logged.status == "failed":
            return timedelta(0)
        if logged.status == "pending":
            claimed = logged.attempted_at.replace(tzinfo=logged.attempted_at.tzinfo or UTC)
            return max(claimed + self.claim_lease - datetime.now(UTC), timedelta(0))
        return None

    async def _claim(self, subscription_id: int, period: str) -> bool:
        """Take the (subscription, period) slot: a new pending row, a failed one, or one whose claimer died.

        A row left `sending` is never taken again: that message may have arrived.
        """
        now = datetime.now(UTC)
        try:
            async with self._write() as session:
                session.add(
                    Delivery(
                        subscription_id=subscription_id, period=period, status="pending", attempted_at=now
                    )
                )
            return True
        except IntegrityError:
            pass
        async with self._write() as session:
            retried = await session.exec(
                update(Delivery)
                .where(
                    col(Delivery.subscription_id) == subscription_id,
                    col(Delivery.period) == period,
                    or_(
                        col(Delivery.status) == "failed",
                        (col(Delivery.status) == "pending")
                        & (col(Delivery.attempted_at) < now - self.claim_lease),
                    ),
                )
                .values(status="pending", attempted_at=now)
            )
        return retried.rowcount == 1

    async def _attempt(self, subscription_id: int, period: str) -> Outcome:
        """Compose and send, or decide not to."""
        async with self.store.unit() as session:
            subscription = await session.get(Subscription, subscription_id)
        if subscription is None or subscription.paused:
            return Outcome("skipped", "paused or removed")
        digest = await self._digest(subscription, period)
        if not digest.changed and subscription.quiet_when_unchanged:
            return Outcome("skipped", "nothing changed")
        replies = digest.replies if digest.changed else [digest.unchanged_note]
        try:
            ids = [await self._send(subscription.chat_id, replies[0], (subscription_id, period))]
            ids.extend([await self._send(subscription.chat_id, reply) for reply in replies[1:]])
        except Blocked as error:
            async with self._write() as session:
                await pause(session, subscription_id=subscription_id, reason=f"blocked: {error}")
            if self.on_pause is not None:
                await self.on_pause(subscription_id)
            return Outcome("blocked", str(error))
        return Outcome("sent", "" if digest.changed else "nothing changed: note", ids)

    async def _digest(self, subscription: Subscription, period: str) -> Digest:
        """The subscription's digest, composed once for all who share its scope, day and language."""
        index = await self.store.index()
        if self.digests_of != (self.store.generation, self.today()):  # figures changed, or a new day
            self.digests.clear()
            self.digests_of = (self.store.generation, self.today())
        async with self.store.unit() as session:
            place, own = await scope_places(session, subscription=subscription, index=index)
            since = await since_last(
                session, subscription=subscription, period=period, today=self.today(), zone=self.zone
            )
            key = (place.id if place else None, tuple(p.id for p in own), since, subscription.language)
            async with self.composing:  # whoever comes second for the same scope finds it composed
                if key not in self.digests:
                    self.digests[key] = await compose(
                        session,
                        index=index,
                        scope_place=place,
                        own=own,
                        since=since,
                        today=self.today(),
                        language=subscription.language,
                    )
        return self.digests[key]

    async def _send(self, chat_id: int, reply: Reply, first_of: tuple[int, str] | None = None) -> int:
        """Send one reply within the limits, waiting out flood control and retrying transient errors.

        `first_of` names the delivery whose first message this is: it is marked as sending just before.
        """
        attempt = 0
        mark = partial(self._mark_sending, *first_of) if first_of else None
        while True:
            await self.limit.wait(chat_id, mark)
            mark = None
            try:
                return await self._send_once(chat_id, reply)
            except (RetryLater, Transient) as error:
                if attempt == RETRIES:
                    raise
                await asyncio.sleep(
                    error.seconds if isinstance(error, RetryLater) else self.backoff * 2**attempt
                )
                attempt += 1
            finally:
                self.limit.sent(chat_id)

    async def _mark_sending(self, subscription_id: int, period: str) -> None:
        """From here on the outcome is unknown if the process dies: the row says so and is not retried."""
        async with self._write() as session:
            await session.exec(
                update(Delivery)
                .where(
                    col(Delivery.subscription_id) == subscription_id,
                    col(Delivery.period) == period,
                    col(Delivery.status) == "pending",
                )
                .values(status="sending", reason=SENDING_REASON)
            )

    async def _send_once(self, chat_id: int, reply: Reply) -> int:
        """The sender call for a reply: a picture with its caption, or a text."""
        photo = await reply.drawn()
        if photo is not None:
            return await self.sender.send_photo(chat_id, photo, reply.text)
        return await self.sender.send_text(chat_id, reply.text)

    async def _record(self, subscription_id: int, period: str, outcome: Outcome) -> None:
        """Write the outcome into the delivery log."""
        async with self._write() as session:
            await session.exec(
                update(Delivery)
                .where(col(Delivery.subscription_id) == subscription_id, col(Delivery.period) == period)
                .values(
                    status=outcome.status,
                    reason=outcome.reason[:300],
                    attempted_at=datetime.now(UTC),
                    message_ids=",".join(str(i) for i in outcome.message_ids),
                )
            )
