"""Delivery: at most once per subscription and period, a dead sender's claims taken over, unknown outcomes,
send-time membership, blocked users, flood control."""

from __future__ import annotations

import asyncio
import subprocess
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from typing import Any

import pytest
from prometheus_client import REGISTRY
from sqlalchemy import update
from sqlmodel import select
from telegram import Bot

from bot.digest_composer import DigestComposer
from bot.render import plain
from scheduler.delivery import (
    HOST,
    SENDING_REASON,
    Blocked,
    Broadcaster,
    Digest,
    OutcomeUnknown,
    Owner,
    RateLimit,
    RetryLater,
    Transient,
)
from scheduler.subscriptions import ACCESS_REMOVED, delivery_of, subscribe
from scheduler.telegram import TelegramSender
from store.models import Delivery, Subscription
from store.store import Store
from store.users import add_user, remove_user
from store.vocabulary import Role
from tests.botapi.server import FakeBotApi
from tests.conftest import OSLO
from tests.figures import add_statements

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=OSLO)
PERIOD = "2026-W48"


class Crash(BaseException):
    """The process dies in the middle of a broadcast."""


class Recorder:
    """A sender that records what it sends, and can take its time or fail (None: succeed) on cue."""

    def __init__(
        self,
        failures: dict[int, list[BaseException | None]] | None = None,
        delays: dict[int, float] | None = None,
    ) -> None:
        self.sent: list[tuple[int, str, bool]] = []
        self.calls: Counter[int] = Counter()
        self.failures = failures or {}
        self.delays = delays or {}

    async def send_text(self, chat_id: int, text: str) -> int:
        return await self._send(chat_id, text, False)

    async def send_photo(self, chat_id: int, photo: bytes, caption: str) -> int:
        assert photo.startswith(b"\x89PNG")
        return await self._send(chat_id, caption, True)

    async def _send(self, chat_id: int, text: str, photo: bool) -> int:
        self.calls[chat_id] += 1
        await asyncio.sleep(self.delays.get(chat_id, 0))
        failure = self.failures[chat_id].pop(0) if self.failures.get(chat_id) else None
        if failure is not None:
            raise failure
        self.sent.append((chat_id, text, photo))
        return len(self.sent)

    def to(self, chat_id: int) -> list[str]:
        return [plain(text) for chat, text, _ in self.sent if chat == chat_id]


def broadcaster(store: Store, sender: Recorder, **options: Any) -> Broadcaster:
    """A broadcaster on the fixed clock, without the per-chat second so tests run fast (options override)."""
    settings: dict[str, Any] = {
        "compose": DigestComposer(store, OSLO),
        "zone": OSLO,
        "clock": lambda: NOW,
        "limit": RateLimit(interval=0),
        "backoff": 0,
    }
    return Broadcaster(store, sender, **(settings | options))


def dead_owner() -> Owner:
    """An owner whose process on this host has ended, as a sender killed mid-broadcast."""
    ended = subprocess.Popen(["true"])
    ended.wait()
    return Owner(HOST, ended.pid, "dead")


async def end_leases(store: Store) -> None:
    """Every claim's lease ran out (its owner stalled, or lives on another host and died)."""
    async with store.unit() as session:
        await session.exec(update(Delivery).values(lease_until=datetime.now(UTC) - timedelta(seconds=1)))


async def subscribers(store: Store, names: list[str], **options: bool) -> list[int]:
    """One coordinator (user id = chat id = 100 + i) subscribed per place name; returns the subscription ids."""
    index = await store.index()
    ids = []
    async with store.unit() as session:
        for number, name in enumerate(names):
            await add_user(session, user_id=100 + number, role=Role.COORDINATOR, by=None)
            place = index.search(name)[0].place
            subscription = await subscribe(
                session, user_id=100 + number, chat_id=100 + number, place_ids=[place.id or 0]
            )
            for option, value in options.items():
                setattr(subscription, option, value)
            ids.append(subscription.id or 0)
    return ids


async def log_of(store: Store) -> dict[int, tuple[str, str]]:
    """The delivery log of the period: status and reason per subscription."""
    async with store.unit() as session:
        rows = (await session.exec(select(Delivery).where(Delivery.period == PERIOD))).all()
    return {row.subscription_id: (row.status, row.reason) for row in rows}


async def test_a_digest_shows_figures_and_the_change_since_last_week(store: Store) -> None:
    await subscribers(store, ["Trondheim"])
    await add_statements(store, [("Trondheim", 2018, "settled", 281, date(2026, 11, 20))])
    sender = Recorder()
    assert await broadcaster(store, sender).broadcast(PERIOD) == Counter({"sent": 1})
    (digest,) = sender.to(100)
    assert "Trondheim: bosatt 281 (+12)" in digest
    assert "Trondheim: +12 bosatt" in digest
    assert "Endringer siden 16.11.2026" in digest


async def test_a_second_broadcast_sends_nothing(store: Store) -> None:
    """The second run finds every digest of the period handled: it sends nothing and composes nothing (the first's
    three are counted in the metrics)."""
    await subscribers(store, ["Trondheim", "Melhus", "Trøndelag"])
    sender = Recorder()
    sent_before = REGISTRY.get_sample_value("bosettingsbot_digests_total", {"outcome": "sent"}) or 0
    first = await broadcaster(store, sender).broadcast(PERIOD)
    assert REGISTRY.get_sample_value("bosettingsbot_digests_total", {"outcome": "sent"}) == sent_before + 3
    composer = DigestComposer(store, OSLO)
    again = Broadcaster(store, sender, compose=composer, zone=OSLO, clock=lambda: NOW)
    second = await again.broadcast(PERIOD)
    assert first == Counter({"sent": 3})
    assert second == Counter({"done": 3}) and not composer.composed
    assert sorted(chat for chat, _, _ in sender.sent) == [100, 101, 102]


async def test_unchanged_digest_is_a_note_or_nothing(store: Store) -> None:
    quiet = await subscribers(store, ["Trondheim"], quiet_when_unchanged=True)
    await subscribers(store, ["Melhus", "Malvik"])  # user ids 100 and 101 again: the same users, other places
    sender = Recorder()
    await broadcaster(store, sender).broadcast(PERIOD)
    log = await log_of(store)
    assert log[quiet[0]] == ("skipped", "nothing changed")
    assert sender.to(101) == ["Ingen endringer for Malvik siden 16.11.2026."]


async def test_a_dead_senders_claims_are_taken_over_at_once(store: Store) -> None:
    """The sender dies mid-broadcast: a re-run at once sends the rest, never the one that was sending."""
    names = ["Trondheim", "Melhus", "Malvik", "Stjørdal", "Skaun"]
    ids = await subscribers(store, names)
    crashing = Recorder({102: [Crash()]})
    dying = broadcaster(store, crashing)
    dying.owner = dead_owner()
    with pytest.raises(Crash):
        await dying.broadcast(PERIOD, workers=1)
    log = await log_of(store)
    assert [log[i][0] for i in ids] == ["sent", "sent", "sending", "pending", "pending"]  # all claimed first
    resumed = Recorder()
    counts = await broadcaster(store, resumed).broadcast(PERIOD)
    delivered = Counter(chat for chat, _, _ in [*crashing.sent, *resumed.sent])
    assert delivered == Counter({100: 1, 101: 1, 103: 1, 104: 1})  # the one in flight is never sent twice
    assert counts == Counter({"done": 3, "sent": 2})
    assert (await log_of(store))[ids[2]] == ("sending", SENDING_REASON)


class CrashingTurn(RateLimit):
    """A rate limit during whose wait for a chat's turn the sender dies."""

    def __init__(self, chat_id: int) -> None:
        super().__init__(interval=0)
        self.chat_id = chat_id

    async def wait(self, chat_id: int, meanwhile: Callable[[], Awaitable[None]] | None = None) -> None:
        if chat_id == self.chat_id:
            raise Crash()
        await super().wait(chat_id, meanwhile)


async def test_a_live_senders_claims_are_taken_over_only_when_their_lease_ran_out(store: Store) -> None:
    """Claims of a sender whose process lives wait for their lease: it may be at work still."""
    ids = await subscribers(store, ["Trondheim", "Melhus", "Malvik"])
    crashing = Recorder()
    with pytest.raises(Crash):
        await broadcaster(store, crashing, limit=CrashingTurn(101)).broadcast(PERIOD, workers=1)
    assert [(await log_of(store))[i][0] for i in ids] == ["sent", "pending", "pending"]
    too_soon = Recorder()
    assert await broadcaster(store, too_soon).broadcast(PERIOD) == Counter({"done": 3})
    assert too_soon.sent == []

    await end_leases(store)
    resumed = Recorder()
    assert await broadcaster(store, resumed).broadcast(PERIOD) == Counter({"done": 1, "sent": 2})
    delivered = Counter(chat for chat, _, _ in [*crashing.sent, *resumed.sent])
    assert delivered == Counter({100: 1, 101: 1, 102: 1})


async def test_a_working_sender_renews_its_lease(store: Store) -> None:
    """A slow send outlasts the lease twice over: the heartbeat keeps the claims behind it this sender's."""
    ids = await subscribers(store, ["Trondheim", "Melhus"])
    slow = Recorder(delays={100: 1.2})
    working = broadcaster(store, slow, claim_lease=timedelta(seconds=0.3))
    sending = asyncio.create_task(working.broadcast(PERIOD, workers=1))
    while not slow.calls[100]:  # composed (drawing charts holds the event loop up), and sending
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.6)
    async with store.unit() as session:
        waiting = await delivery_of(session, subscription_id=ids[1], period=PERIOD)
    assert waiting is not None and waiting.status == "pending"
    assert (broadcaster(store, Recorder()).retry_in(waiting) or timedelta(0)) > timedelta(0)
    assert await sending == Counter({"sent": 2})


class TakenOverTurn(RateLimit):
    """A rate limit during whose wait for a chat's turn the sender stalls until another took its claim over."""

    def __init__(self, chat_id: int, take_over: Callable[[], Awaitable[None]]) -> None:
        super().__init__(interval=0)
        self.chat_id = chat_id
        self.take_over = take_over

    async def wait(self, chat_id: int, meanwhile: Callable[[], Awaitable[None]] | None = None) -> None:
        if chat_id == self.chat_id:
            await self.take_over()
        await super().wait(chat_id, meanwhile)


async def test_a_stalled_sender_whose_claim_was_taken_over_does_not_send(store: Store) -> None:
    """Its lease ran out while it stalled and another sender sent the digest: the stalled one leaves it."""
    (subscription_id,) = await subscribers(store, ["Trondheim"])
    other = Recorder()

    async def take_over() -> None:
        await end_leases(store)
        assert await broadcaster(store, other).deliver(subscription_id, PERIOD) == "sent"

    stalled = Recorder()
    limit = TakenOverTurn(100, take_over)
    assert await broadcaster(store, stalled, limit=limit).broadcast(PERIOD) == Counter({"done": 1})
    assert stalled.sent == [] and len(other.sent) == 1
    assert (await log_of(store))[subscription_id][0] == "sent"


async def test_an_unknown_outcome_is_sent_again_only_by_resend(store: Store) -> None:
    """A send that may have arrived is logged unknown, never retried by a broadcast; resend sends it again."""
    ids = await subscribers(store, ["Trondheim", "Melhus"])
    sender = Recorder({100: [OutcomeUnknown("Bad Gateway")]})
    assert await broadcaster(store, sender).broadcast(PERIOD) == Counter({"unknown": 1, "sent": 1})
    assert sender.calls[100] == 1
    status, reason = (await log_of(store))[ids[0]]
    assert status == "unknown" and "Bad Gateway" in reason
    assert await broadcaster(store, sender).broadcast(PERIOD) == Counter({"done": 2})
    assert await broadcaster(store, sender).resend(PERIOD) == Counter({"sent": 1})
    assert await broadcaster(store, sender).resend(PERIOD) == Counter()
    assert Counter(chat for chat, _, _ in sender.sent) == Counter({100: 1, 101: 1})


async def test_a_picture_lost_after_its_text_does_not_repeat_the_digest(store: Store) -> None:
    """The text arrived, its chart did not: the digest is sent, with the reason, and not sent again."""
    (subscription_id,) = await subscribers(store, ["Trøndelag"])
    index = await store.index()
    places = index.members_in_year(index.search("Trøndelag")[0].place, 2026)[:15]
    figures = (("decided", 30), ("settled", 10))
    news = [(p.code, 2026, measure, value, date(2026, 11, 20)) for p in places for measure, value in figures]
    await add_statements(store, news)  # too long a text for a caption: a text, then the chart
    sender = Recorder({100: [None, OutcomeUnknown("Timed out")]})
    assert await broadcaster(store, sender).broadcast(PERIOD) == Counter({"sent": 1})
    assert sender.calls[100] == 2 and len(sender.sent) == 1
    assert (await log_of(store))[subscription_id] == ("sent", "the picture: OutcomeUnknown: Timed out")
    assert await broadcaster(store, sender).broadcast(PERIOD) == Counter({"done": 1})


async def test_a_removed_member_gets_no_digest(store: Store) -> None:
    """Membership is checked when the digest is sent: a removed user's subscription is skipped and paused."""
    ids = await subscribers(store, ["Trondheim", "Melhus"])
    async with store.unit() as session:
        await remove_user(session, user_id=100, by=None)
    sender = Recorder()
    assert await broadcaster(store, sender).broadcast(PERIOD) == Counter({"skipped": 1, "sent": 1})
    assert [chat for chat, _, _ in sender.sent] == [101]
    assert (await log_of(store))[ids[0]] == ("skipped", ACCESS_REMOVED)
    async with store.unit() as session:
        subscription = await session.get(Subscription, ids[0])
    assert subscription is not None and subscription.paused and subscription.paused_reason == ACCESS_REMOVED


async def test_under_open_access_a_non_member_gets_a_strangers_digest(store: Store) -> None:
    await subscribers(store, ["Trondheim", "Melhus"])
    async with store.unit() as session:
        await remove_user(session, user_id=100, by=None)
    composer = DigestComposer(store, OSLO)
    composed_for: list[tuple[int, bool]] = []

    async def compose(subscription: Subscription, period: str, today: date, *, hide_small: bool) -> Digest:
        composed_for.append((subscription.user_id, hide_small))
        return await composer(subscription, period, today, hide_small=hide_small)

    sender = Recorder()
    counts = await broadcaster(store, sender, compose=compose, open_access=True).broadcast(PERIOD)
    assert counts == Counter({"sent": 2})
    assert (100, True) in composed_for and (101, True) not in composed_for


async def test_a_blocked_user_pauses_the_subscription(store: Store) -> None:
    ids = await subscribers(store, ["Trondheim", "Melhus"])
    sender = Recorder({100: [Blocked("Forbidden: bot was blocked by the user")]})
    counts = await broadcaster(store, sender).broadcast(PERIOD)
    assert counts == Counter({"blocked": 1, "sent": 1})
    async with store.unit() as session:
        subscription = await session.get(Subscription, ids[0])
    assert subscription is not None and subscription.paused
    assert "blocked" in subscription.paused_reason


async def test_flood_control_and_transient_errors_are_retried(store: Store) -> None:
    await subscribers(store, ["Trondheim", "Melhus"])
    sender = Recorder({100: [RetryLater(0.01)], 101: [Transient("timed out"), Transient("timed out")]})
    counts = await broadcaster(store, sender).broadcast(PERIOD)
    assert counts == Counter({"sent": 2})
    assert sender.calls == Counter({100: 2, 101: 3})
    assert len(sender.sent) == 2


async def test_a_failure_is_logged_and_tried_again_by_the_next_run(store: Store) -> None:
    ids = await subscribers(store, ["Trondheim"])
    sender = Recorder({100: [Transient("down")] * 5})
    assert await broadcaster(store, sender).broadcast(PERIOD) == Counter({"failed": 1})
    assert (await log_of(store))[ids[0]] == ("failed", "Transient: down")
    assert await broadcaster(store, sender).broadcast(PERIOD) == Counter({"sent": 1})
    assert len(sender.sent) == 1


async def test_rate_limit_spaces_sends_and_pauses_each_chat() -> None:
    limit = RateLimit(per_second=20, interval=0.3)
    starts: dict[int, list[float]] = {1: [], 2: []}
    for chat in [1, 2, 1, 2]:
        await limit.wait(chat)
        starts[chat].append(limit.clock())
        limit.sent(chat)
    everything = sorted(starts[1] + starts[2])
    assert all(later - earlier >= 0.049 for earlier, later in pairwise(everything))
    assert starts[1][1] - starts[1][0] >= 0.3


async def test_what_runs_meanwhile_cannot_bunch_two_sends() -> None:
    """When the work done while waiting for a slot outlasts it, the next slot still keeps its distance."""
    limit = RateLimit(per_second=20, interval=0)

    async def slow_mark() -> None:
        await asyncio.sleep(0.2)

    await limit.wait(1, slow_mark)
    first = limit.clock()
    await limit.wait(2)
    assert limit.clock() - first >= 0.049


class ManualClock:
    """A monotonic clock that moves only when something sleeps on it (a minute passes at once)."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += max(seconds, 0.0)
        await asyncio.sleep(0)


class TimedRecorder(Recorder):
    """A recorder that notes the clock's reading at each send."""

    def __init__(self, clock: ManualClock) -> None:
        super().__init__()
        self.clock = clock
        self.times: list[tuple[int, float]] = []

    async def _send(self, chat_id: int, text: str, photo: bool) -> int:
        self.times.append((chat_id, self.clock()))
        return await super()._send(chat_id, text, photo)


async def test_a_late_wake_up_catches_up_without_a_burst() -> None:
    """A sender held up for half a second (a busy machine) sends no more than its 28 within any second."""
    clock = ManualClock()
    limit = RateLimit(interval=0, clock=clock, sleep=clock.sleep)
    times = []
    for n in range(100):
        if n == 40:
            clock.now += 0.5
        await limit.wait(n)
        times.append(clock())
    assert all(later - earlier > 1 - 1e-9 for earlier, later in zip(times, times[28:], strict=False))
    assert times[-1] - times[0] < 100 / 28 + 0.5 + 0.1  # it did catch up: the pause cost no more than itself


async def test_a_group_gets_at_most_twenty_messages_a_minute(store: Store) -> None:
    """25 digests to one group: no 21 of its messages within a minute; all of them are sent."""
    group = -100777
    index = await store.index()
    places = [p for p in index.places.values() if p.level == "municipality"][:25]
    async with store.unit() as session:
        await add_user(session, user_id=100, role=Role.COORDINATOR, by=None)
        for place in places:
            await subscribe(session, user_id=100, chat_id=group, place_ids=[place.id or 0])
    clock = ManualClock()
    sender = TimedRecorder(clock)
    limit = RateLimit(interval=0, clock=clock, sleep=clock.sleep)
    counts = await broadcaster(store, sender, limit=limit).broadcast(PERIOD)
    assert counts == Counter({"sent": 25})
    times = [at for chat, at in sender.times if chat == group]
    assert len(times) >= 25
    assert all(later - earlier >= 60 for earlier, later in zip(times, times[20:], strict=False))
    assert times[-1] - times[0] >= 60


async def test_private_chats_do_not_wait_for_a_group_minute() -> None:
    """Twenty-one sends to a group hold the 21st for a minute; a private chat's send meanwhile does not wait."""
    clock = ManualClock()
    limit = RateLimit(interval=0, clock=clock, sleep=clock.sleep)
    for _ in range(20):
        await limit.wait(-5)
        limit.sent(-5)
    first_arrived = limit.to_group[-5][0]
    before = clock()
    await limit.wait(7)
    assert clock() - before < 1
    await limit.wait(-5)
    assert clock() >= first_arrived + 60


async def test_a_group_place_counts_until_its_message_has_arrived() -> None:
    """Twenty places taken whose sends are still on their way hold the 21st until one arrives."""
    clock = ManualClock()
    limit = RateLimit(interval=0, clock=clock, sleep=clock.sleep)
    for _ in range(20):
        await limit.wait(-5)
    waiting = asyncio.ensure_future(limit.wait(-5))
    for _ in range(50):
        await asyncio.sleep(0)
    assert not waiting.done()
    clock.now += 600  # time alone frees nothing while the twenty are on their way
    for _ in range(50):
        await asyncio.sleep(0)
    assert not waiting.done()
    limit.sent(-5)
    arrived = clock()
    await asyncio.wait_for(waiting, 5)
    assert clock() >= arrived + 60


async def test_a_group_place_is_given_back_when_its_wait_fails() -> None:
    """A send abandoned while waiting for its slot (the claim was lost) frees its place in the group's minute."""
    clock = ManualClock()
    limit = RateLimit(interval=0, clock=clock, sleep=clock.sleep)

    async def claim_lost() -> None:
        raise RuntimeError("claim lost")

    with pytest.raises(RuntimeError):
        await limit.wait(-5, claim_lost)
    assert limit.group_pending[-5] == 0


async def test_a_group_broadcast_over_the_bot_api_holds_twenty_a_minute(store: Store) -> None:
    """25 digests to one group through the local Bot API server, which refuses a 21st message in a minute
    (on the same manual clock): all arrive and none is refused."""
    group = -100778
    clock = ManualClock()
    botapi = FakeBotApi(group_per_minute=20, clock=clock)
    await botapi.start()
    botapi.add_group(group)
    index = await store.index()
    places = [p for p in index.places.values() if p.level == "municipality"][:25]
    async with store.unit() as session:
        await add_user(session, user_id=101, role=Role.COORDINATOR, by=None)
        for place in places:
            await subscribe(session, user_id=101, chat_id=group, place_ids=[place.id or 0])
    try:
        async with Bot(botapi.token, base_url=botapi.base_url) as bot:
            limit = RateLimit(interval=0, clock=clock, sleep=clock.sleep)
            counts = await Broadcaster(
                store,
                TelegramSender(bot),
                compose=DigestComposer(store, OSLO),
                zone=OSLO,
                clock=lambda: NOW,
                limit=limit,
                backoff=0,
            ).broadcast(PERIOD)
    finally:
        await botapi.stop()
    assert counts == Counter({"sent": 25})
    assert len(botapi.messages_to(group)) >= 25 and botapi.count_429 == 0
    assert clock() >= 60  # the 21st waited for the group's minute
