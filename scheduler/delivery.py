"""Broadcasting digests exactly once per subscription and period, within Telegram's flood limits."""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
import time
from collections import Counter, defaultdict, deque
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from scheduler.subscriptions import (
    ACCESS_REMOVED,
    BLOCKED,
    active_subscriptions,
    deliveries_of,
    delivery_of,
    pause,
    subscription_id_of,
)
from store.metrics import DIGESTS
from store.models import Delivery, Subscription, User
from store.store import Store
from store.vocabulary import DeliveryStatus

log = logging.getLogger(__name__)

OVERALL_PER_SECOND = 28  # Telegram allows about 30 messages a second; two spare absorb upload jitter
PER_CHAT_INTERVAL = 1.05  # seconds between two messages to one chat (Telegram: about one a second)
GROUP_PER_MINUTE = 20  # messages a minute to one group chat (Telegram's limit for groups)
GROUP_WINDOW = 60.0  # seconds: a group's message counts this long after it arrived
RETRIES = 4  # transient errors and flood waits, per message
BACKOFF = 0.5  # seconds before the first retry; doubled each time
WORKERS = 40
SENDING_REASON = "interrupted while sending: it may have arrived, so it is not sent again"
UNKNOWN_REASON = "it may have arrived ({error}), so it is not sent again unless an admin resends it"
CLAIM_LEASE = timedelta(seconds=30)  # a claim its owner has not renewed for this long is abandoned
HOST = socket.gethostname()


class Blocked(Exception):
    """The user blocked the bot (Telegram's 403): the subscription is paused."""


class RetryLater(Exception):
    """Flood control (Telegram's 429): wait the given seconds, then try again."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds} s")
        self.seconds = seconds


class Transient(Exception):
    """A network error before the request left (no connection, say): worth retrying with backoff."""


class OutcomeUnknown(Exception):
    """The send may have arrived (a 5xx answer, a timeout or a lost connection after the request left)."""


class ClaimLost(Exception):
    """Another sender took this claim over (its lease ran out while this one stalled): it is theirs now."""


@dataclass(frozen=True)
class Message:
    """One digest message: Telegram HTML text, or a PNG picture with the text as its caption."""

    text: str
    photo: bytes | None = None


@dataclass(frozen=True)
class Digest:
    """A composed digest: its messages (one text and one picture at most) and whether anything changed."""

    messages: list[Message]
    changed: bool
    unchanged_note: Message


class Composer(Protocol):
    """What composes a subscription's digest for a period (the bot's composer, or a stand-in in tests)."""

    async def __call__(
        self, subscription: Subscription, period: str, today: date, *, hide_small: bool
    ) -> Digest:
        """The digest of the subscription's scope for the period, as of today (as for a stranger if hide_small)."""
        ...


class Sender(Protocol):
    """What sends a digest: the Telegram bot, or a recorder in tests. Returns message ids."""

    async def send_text(self, chat_id: int, text: str) -> int:
        """Send an HTML message."""
        ...

    async def send_photo(self, chat_id: int, photo: bytes, caption: str) -> int:
        """Send a PNG picture with an HTML caption."""
        ...


class RateLimit:
    """Sends spaced evenly at `per_second` overall and never more than that within a second (a late wake-up
    catches up without a burst), `interval` after the last one to a chat arrived, and at most
    `per_group_minute` to a group chat (a negative chat id) in any minute."""

    def __init__(
        self,
        per_second: float = OVERALL_PER_SECOND,
        interval: float = PER_CHAT_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
        per_group_minute: int = GROUP_PER_MINUTE,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.spacing = 1 / per_second
        self.interval = interval
        self.clock = clock
        self.sleep = sleep
        self.per_group_minute = per_group_minute
        self.next_free = 0.0
        self.taken: deque[float] = deque(maxlen=max(1, int(per_second)))  # when the latest slots were taken
        self.last_to: dict[int, float] = {}
        self.to_group: defaultdict[int, deque[float]] = defaultdict(deque)  # when each group's sends arrived
        self.group_pending: Counter[int] = Counter()  # places taken whose send has not yet arrived
        self.lock = asyncio.Lock()

    async def group_turn(self, chat_id: int) -> None:
        """For a group chat, wait until fewer than its limit arrived in the last minute or are on their way.

        A place counts from when it is taken until a minute after its message arrived, so however long the
        send follows the place, no more than the limit reach Telegram within a minute.
        """
        if chat_id >= 0:
            return
        window = self.to_group[chat_id]
        while True:
            while window and window[0] <= self.clock() - GROUP_WINDOW:
                window.popleft()
            if len(window) + self.group_pending[chat_id] < self.per_group_minute:
                self.group_pending[chat_id] += 1  # taken at once: another worker counts it before it is sent
                return
            wake = (
                window[0] + GROUP_WINDOW if window else self.clock() + self.spacing
            )  # else all on their way
            await self.sleep(max(wake - self.clock(), self.spacing))

    def _release(self, chat_id: int) -> None:
        """A group's place taken for a send that has now ended or will not happen."""
        if chat_id < 0 and self.group_pending[chat_id] > 0:
            self.group_pending[chat_id] -= 1

    async def wait(self, chat_id: int, meanwhile: Callable[[], Awaitable[None]] | None = None) -> None:
        """Wait for this chat's turn, then for the next free slot overall, and take it.

        `meanwhile` runs while waiting for the slot, so that at most one delivery at a time is between it
        and its send; if it outlasts the slot, the next slot moves back so the spacing holds.
        """
        await self.group_turn(chat_id)
        try:
            await self._slot(chat_id, meanwhile)
        except BaseException:
            self._release(chat_id)
            raise

    async def _slot(self, chat_id: int, meanwhile: Callable[[], Awaitable[None]] | None) -> None:
        """Wait out the chat's pause and the overall spacing, running `meanwhile` during the latter."""
        last = self.last_to.get(chat_id)
        if last is not None and self.clock() < last + self.interval:
            await self.sleep(last + self.interval - self.clock())
        async with self.lock:
            slot = max(self.next_free, self.clock(), self._second_free())
            side = asyncio.ensure_future(meanwhile()) if meanwhile else None
            await self.sleep(max(slot - self.clock(), 0))
            if side is not None and not side.done():
                await side
                slot = self.clock()  # it outlasted the slot: space the next one from now
            elif side is not None:
                side.result()
            self.next_free = slot + self.spacing  # on a fixed grid: a late wake-up does not slow the rest
            self.taken.append(self.clock())

    def _second_free(self) -> float:
        """When a slot no longer makes more than `per_second` within a second (0 while there are fewer)."""
        return self.taken[0] + 1 if len(self.taken) == self.taken.maxlen else 0.0

    def sent(self, chat_id: int) -> None:
        """A message to the chat has arrived: the chat's pause and a group's minute start now."""
        self.last_to[chat_id] = self.clock()
        if chat_id < 0:
            self._release(chat_id)
            self.to_group[chat_id].append(self.clock())


@dataclass
class Outcome:
    """How one delivery ended."""

    status: DeliveryStatus
    reason: str = ""
    message_ids: list[int] = field(default_factory=list)


def summary(counts: Counter[str]) -> str:
    """Outcomes counted in a line: 'blocked 2, sent 298'."""
    return ", ".join(f"{status} {count}" for status, count in sorted(counts.items()))


@dataclass(frozen=True)
class Owner:
    """Who holds a claim: a sender on a host, in a process, with a token of its own (pids are reused)."""

    host: str
    pid: int
    token: str

    @classmethod
    def new(cls) -> Owner:
        """A sender in this process."""
        return cls(HOST, os.getpid(), secrets.token_hex(4))

    @classmethod
    def parse(cls, text: str) -> Owner | None:
        """The owner a claim names ("host pid token"), or None for a claim made before owners were named."""
        parts = text.split(" ")
        if len(parts) != 3 or not parts[1].isdigit():
            return None
        return cls(parts[0], int(parts[1]), parts[2])

    def __str__(self) -> str:
        return f"{self.host} {self.pid} {self.token}"


def process_lives(pid: int) -> bool:
    """Whether a process of this host is running."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it runs, as another user
        return True
    return True


def aware(moment: datetime) -> datetime:
    """A stored moment in UTC (SQLite gives it back without its zone)."""
    return moment.replace(tzinfo=moment.tzinfo or UTC)


def lease_left(claim: Delivery, now: datetime) -> timedelta:
    """How long a pending claim's owner may still be at work: nothing once its lease ran out or its process is gone.

    A process is seen to be gone only on this host; elsewhere the lease alone decides.
    """
    owner = Owner.parse(claim.owner)
    if owner is None or claim.lease_until is None or (owner.host == HOST and not process_lives(owner.pid)):
        return timedelta(0)
    return max(aware(claim.lease_until) - now, timedelta(0))


class Broadcaster:
    """Sends each subscription's digest for a period at most once, recording every attempt."""

    def __init__(
        self,
        store: Store,
        sender: Sender,
        *,
        compose: Composer,
        zone: ZoneInfo,
        open_access: bool = False,
        clock: Callable[[], datetime] | None = None,
        limit: RateLimit | None = None,
        backoff: float = BACKOFF,
        claim_lease: timedelta = CLAIM_LEASE,
    ) -> None:
        self.store = store
        self.sender = sender
        self.compose = compose
        self.zone = zone
        self.open_access = open_access  # non-members get a stranger's digest rather than none
        self.clock = clock or (lambda: datetime.now(zone))
        self.limit = limit or RateLimit()
        self.backoff = backoff
        self.claim_lease = claim_lease
        self.owner = Owner.new()
        self.on_pause: Callable[[int], Awaitable[None]] | None = None  # the bot drops a paused one's job
        self.writes = asyncio.Lock()
        self.slots = asyncio.Semaphore(WORKERS)
        self.at_work = 0  # deliveries and broadcasts under way: while any are, the claims' lease is renewed
        self.heartbeat: tuple[asyncio.Event, asyncio.Task[None]] | None = None

    def today(self) -> date:
        """Today in the configured zone."""
        return self.clock().astimezone(self.zone).date()

    async def broadcast(self, period: str, workers: int = WORKERS) -> Counter[str]:
        """Deliver the period's digest to every active subscription that has not had it; count outcomes."""
        async with self.store.unit() as session:
            subscriptions = await active_subscriptions(session)
            logged = await deliveries_of(session, period=period)
        due = [s for s in subscriptions if self.retry_in(logged.get(subscription_id_of(s))) == timedelta(0)]
        settled = len(subscriptions) - len(due)  # or claimed by a sender at work: nothing to do
        counts = await self.send_all(due, period, workers)
        counts["done"] += settled
        return +counts

    async def unknown(self, period: str) -> list[Subscription]:
        """The active subscriptions whose digest of the period may or may not have arrived."""
        async with self.store.unit() as session:
            subscriptions = await active_subscriptions(session)
            logged = await deliveries_of(session, period=period)
        return [
            s
            for s in subscriptions
            if (entry := logged.get(subscription_id_of(s))) and entry.status == DeliveryStatus.UNKNOWN
        ]

    async def resend(self, period: str) -> Counter[str]:
        """Send the period's digests of unknown outcome again (an admin chose a possible repeat over none)."""
        return +await self.send_all(await self.unknown(period), period, again=DeliveryStatus.UNKNOWN)

    async def send_all(
        self,
        subscriptions: Sequence[Subscription],
        period: str,
        workers: int = WORKERS,
        again: DeliveryStatus = DeliveryStatus.FAILED,
    ) -> Counter[str]:
        """Claim these subscriptions' digests of the period all at once, compose them, then send them.

        Claiming first shows a re-run or the bot what this sender is about to send, so that if it dies they
        take the rest over at once; composing before sending keeps the charts from holding the sending up.
        """
        async with self._renewing():
            claimed = [s for s in subscriptions if await self._claim(subscription_id_of(s), period, again)]
            counts = Counter({"done": len(subscriptions) - len(claimed)})
            for subscription in claimed:  # as for members, the usual recipients
                await self.compose(subscription, period, self.today(), hide_small=False)
            queue: asyncio.Queue[int] = asyncio.Queue()
            for subscription in claimed:
                queue.put_nowait(subscription_id_of(subscription))

            async def work() -> None:
                while not queue.empty():
                    counts[await self._deliver_claimed(queue.get_nowait(), period)] += 1

            await asyncio.gather(*(work() for _ in range(min(workers, len(claimed)) or 1)))
        return counts

    async def deliver(self, subscription_id: int, period: str) -> str:
        """One subscription's digest for a period: 'done' if it was already handled, else the new status."""
        async with self.slots, self._renewing():  # 300 jobs due at 08:00 wait here, not for connections
            if not await self._claim(subscription_id, period):
                return "done"
            return await self._deliver_claimed(subscription_id, period)

    async def _deliver_claimed(self, subscription_id: int, period: str) -> str:
        """Send a digest this sender has claimed and record how it went; 'done' if the claim was lost."""
        try:
            outcome = await self._attempt(subscription_id, period)
        except ClaimLost:
            return "done"
        except Exception as error:  # recorded, never lost: the log says why
            log.exception("digest %s for %s failed", period, subscription_id)
            outcome = Outcome(DeliveryStatus.FAILED, f"{type(error).__name__}: {error}")
        await self._record(subscription_id, period, outcome)
        return outcome.status

    @asynccontextmanager
    async def _write(self) -> AsyncIterator[AsyncSession]:
        """A unit of work that writes the log: one at a time, so SQLite's unfair busy wait never starves one."""
        async with self.writes, self.store.unit() as session:
            yield session

    @asynccontextmanager
    async def _renewing(self) -> AsyncIterator[None]:
        """While work is under way, renew the lease of this sender's pending claims (a heartbeat)."""
        self.at_work += 1
        if self.heartbeat is None:
            stop = asyncio.Event()
            self.heartbeat = (stop, asyncio.create_task(self._beat(stop)))
        try:
            yield
        finally:
            self.at_work -= 1
            if self.at_work == 0 and self.heartbeat is not None:
                stop, beating = self.heartbeat
                self.heartbeat = None
                stop.set()
                await beating

    async def _beat(self, stop: asyncio.Event) -> None:
        """Renew the lease three times per lease until stopped."""
        while not stop.is_set():
            with suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.claim_lease.total_seconds() / 3)
                return
            try:
                async with self._write() as session:
                    await session.exec(
                        update(Delivery)
                        .where(
                            col(Delivery.owner) == str(self.owner),
                            col(Delivery.status) == DeliveryStatus.PENDING,
                        )
                        .values(lease_until=datetime.now(UTC) + self.claim_lease)
                    )
            except Exception:  # the next beat tries again; meanwhile a claim may lapse, which is safe
                log.exception("could not renew the lease of the digest claims")

    async def skip(self, subscription_id: int, period: str, reason: str) -> None:
        """Log a period as skipped (unless it is already logged)."""
        if await self._claim(subscription_id, period):
            await self._record(subscription_id, period, Outcome(DeliveryStatus.SKIPPED, reason))

    def retry_in(
        self, logged: Delivery | None, again: DeliveryStatus = DeliveryStatus.FAILED
    ) -> timedelta | None:
        """How soon a period's digest may be tried (again), given its log entry; None: it is settled.

        A pending claim waits only while its owner may be at work; `again` is the settled status to redo.
        """
        if logged is None or logged.status == again:
            return timedelta(0)
        if logged.status == DeliveryStatus.PENDING:
            return lease_left(logged, datetime.now(UTC))
        return None

    async def _claim(
        self, subscription_id: int, period: str, again: DeliveryStatus = DeliveryStatus.FAILED
    ) -> bool:
        """Take the (subscription, period) slot: a new row, one with status `again`, or one whose owner is gone.

        A row left `sending` is never taken again: that message may have arrived.
        """
        now = datetime.now(UTC)
        claim: dict[str, Any] = {
            "status": DeliveryStatus.PENDING,
            "attempted_at": now,
            "owner": str(self.owner),
            "lease_until": now + self.claim_lease,
        }
        try:
            async with self._write() as session:
                session.add(Delivery(subscription_id=subscription_id, period=period, **claim))
            return True
        except IntegrityError:
            pass
        async with self._write() as session:
            logged = await delivery_of(session, subscription_id=subscription_id, period=period)
            if logged is None or self.retry_in(logged, again) != timedelta(0):
                return False
            taken = await session.exec(  # only if no one changed it since it was read
                update(Delivery)
                .where(
                    col(Delivery.id) == logged.id,
                    col(Delivery.status) == logged.status,
                    col(Delivery.owner) == logged.owner,
                    col(Delivery.lease_until).is_not_distinct_from(logged.lease_until),
                )
                .values(**claim)
            )
        return taken.rowcount == 1

    async def _attempt(self, subscription_id: int, period: str) -> Outcome:
        """Compose and send, or decide not to."""
        async with self.store.unit() as session:
            subscription = await session.get(Subscription, subscription_id)
            member = subscription is not None and await session.get(User, subscription.user_id) is not None
        if subscription is None or subscription.paused:
            return Outcome(DeliveryStatus.SKIPPED, "paused or removed")
        if not member and not self.open_access:
            await self._pause(subscription_id, ACCESS_REMOVED)
            return Outcome(DeliveryStatus.SKIPPED, ACCESS_REMOVED)
        in_group = subscription.chat_id != subscription.user_id  # not everyone there need be a member
        digest = await self.compose(subscription, period, self.today(), hide_small=not member or in_group)
        if not digest.changed and subscription.quiet_when_unchanged:
            return Outcome(DeliveryStatus.SKIPPED, "nothing changed")
        messages = digest.messages if digest.changed else [digest.unchanged_note]
        try:
            ids = [await self._send(subscription.chat_id, messages[0], (subscription_id, period))]
        except Blocked as error:
            await self._pause(subscription_id, f"{BLOCKED}: {error}")
            return Outcome(DeliveryStatus.BLOCKED, str(error))
        except OutcomeUnknown as error:
            return Outcome(DeliveryStatus.UNKNOWN, UNKNOWN_REASON.format(error=error))
        reason = "" if digest.changed else "nothing changed: note"
        for message in messages[1:]:
            try:
                ids.append(await self._send(subscription.chat_id, message))
            except Exception as error:  # the text arrived: sending the digest again would repeat it
                return Outcome(DeliveryStatus.SENT, f"the picture: {type(error).__name__}: {error}", ids)
        return Outcome(DeliveryStatus.SENT, reason, ids)

    async def _pause(self, subscription_id: int, reason: str) -> None:
        """Pause a subscription and let the bot drop its job."""
        async with self._write() as session:
            await pause(session, subscription_id=subscription_id, reason=reason)
        if self.on_pause is not None:
            await self.on_pause(subscription_id)

    async def _send(self, chat_id: int, message: Message, first_of: tuple[int, str] | None = None) -> int:
        """Send one message within the limits, waiting out flood control and retrying what did not leave.

        `first_of` names the delivery whose first message this is: it is marked as sending just before.
        An unknown outcome is never retried: the message may have arrived.
        """
        attempt = 0
        mark = partial(self._mark_sending, *first_of) if first_of else None
        while True:
            await self.limit.wait(chat_id, mark)
            mark = None
            try:
                return await self._send_once(chat_id, message)
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
        """From here on the outcome is unknown if the process dies: the row says so and is not retried.

        Only a claim still this sender's is marked; one taken over meanwhile is left to its new owner.
        """
        async with self._write() as session:
            marked = await session.exec(
                update(Delivery)
                .where(
                    col(Delivery.subscription_id) == subscription_id,
                    col(Delivery.period) == period,
                    col(Delivery.status) == DeliveryStatus.PENDING,
                    col(Delivery.owner) == str(self.owner),
                )
                .values(status=DeliveryStatus.SENDING, reason=SENDING_REASON, lease_until=None)
            )
        if marked.rowcount != 1:
            raise ClaimLost(f"digest {period} of subscription {subscription_id}")

    async def _send_once(self, chat_id: int, message: Message) -> int:
        """The sender call for a message: a picture with its caption, or a text."""
        if message.photo is not None:
            return await self.sender.send_photo(chat_id, message.photo, message.text)
        return await self.sender.send_text(chat_id, message.text)

    async def _record(self, subscription_id: int, period: str, outcome: Outcome) -> None:
        """Write the outcome into the delivery log (of a claim still this sender's)."""
        async with self._write() as session:
            await session.exec(
                update(Delivery)
                .where(
                    col(Delivery.subscription_id) == subscription_id,
                    col(Delivery.period) == period,
                    col(Delivery.owner) == str(self.owner),
                )
                .values(
                    status=outcome.status,
                    reason=outcome.reason[:300],
                    attempted_at=datetime.now(UTC),
                    message_ids=",".join(str(i) for i in outcome.message_ids),
                    lease_until=None,
                )
            )
        DIGESTS.labels(outcome.status).inc()
