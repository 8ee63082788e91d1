"""Delivery: exactly once per subscription and period, resumed after a crash, blocked users, flood control."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta
from itertools import pairwise

import pytest
from sqlmodel import select

from bot.digest_composer import DigestComposer
from bot.render import plain
from scheduler.delivery import SENDING_REASON, Blocked, Broadcaster, RateLimit, RetryLater, Transient
from scheduler.subscriptions import subscribe
from store.models import Delivery, Subscription
from store.store import Store
from tests.conftest import OSLO
from tests.figures import add_statements

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=OSLO)
PERIOD = "2026-W48"


class Crash(BaseException):
    """The process dies in the middle of a broadcast."""


class Recorder:
    """A sender that records what it sends and can fail on cue."""

    def __init__(self, failures: dict[int, list[BaseException]] | None = None) -> None:
        self.sent: list[tuple[int, str, bool]] = []
        self.calls: Counter[int] = Counter()
        self.failures = failures or {}

    async def send_text(self, chat_id: int, text: str) -> int:
        return self._send(chat_id, text, False)

    async def send_photo(self, chat_id: int, photo: bytes, caption: str) -> int:
        assert photo.startswith(b"\x89PNG")
        return self._send(chat_id, caption, True)

    def _send(self, chat_id: int, text: str, photo: bool) -> int:
        self.calls[chat_id] += 1
        if self.failures.get(chat_id):
            raise self.failures[chat_id].pop(0)
        self.sent.append((chat_id, text, photo))
        return len(self.sent)

    def to(self, chat_id: int) -> list[str]:
        return [plain(text) for chat, text, _ in self.sent if chat == chat_id]


def broadcaster(store: Store, sender: Recorder) -> Broadcaster:
    """A broadcaster on the fixed clock, without the per-chat second so tests run fast."""
    return Broadcaster(
        store,
        sender,
        compose=DigestComposer(store, OSLO),
        zone=OSLO,
        clock=lambda: NOW,
        limit=RateLimit(interval=0),
        backoff=0,
    )


async def subscribers(store: Store, names: list[str], **options: bool) -> list[int]:
    """One subscriber (user id = chat id = 100 + i) per place name; returns the subscription ids."""
    index = await store.index()
    ids = []
    async with store.unit() as session:
        for number, name in enumerate(names):
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
    """The second run finds every digest of the period handled: it sends nothing and composes nothing."""
    await subscribers(store, ["Trondheim", "Melhus", "Trøndelag"])
    sender = Recorder()
    first = await broadcaster(store, sender).broadcast(PERIOD)
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


async def test_crash_mid_broadcast_resumes_without_duplicates(store: Store) -> None:
    names = ["Trondheim", "Melhus", "Malvik", "Stjørdal", "Skaun"]
    ids = await subscribers(store, names)
    crashing = Recorder({102: [Crash()]})
    with pytest.raises(Crash):
        await broadcaster(store, crashing).broadcast(PERIOD, workers=1)
    resumed = Recorder()
    counts = await broadcaster(store, resumed).broadcast(PERIOD)
    delivered = Counter(chat for chat, _, _ in [*crashing.sent, *resumed.sent])
    assert delivered == Counter({100: 1, 101: 1, 103: 1, 104: 1})  # the one in flight is never sent twice
    assert counts == Counter({"done": 3, "sent": 2})
    assert (await log_of(store))[ids[2]] == ("sending", SENDING_REASON)


class CrashingTurn(RateLimit):
    """A rate limit during whose wait for a chat's turn the process dies."""

    def __init__(self, chat_id: int) -> None:
        super().__init__(interval=0)
        self.chat_id = chat_id

    async def wait(self, chat_id: int, meanwhile: Callable[[], Awaitable[None]] | None = None) -> None:
        if chat_id == self.chat_id:
            raise Crash()
        await super().wait(chat_id, meanwhile)


async def test_a_claim_that_never_sent_is_taken_over_after_its_lease(store: Store) -> None:
    """Dying while waiting for its turn leaves a pending claim: taken over once the lease is up, not before."""
    ids = await subscribers(store, ["Trondheim", "Melhus", "Malvik"])
    crashing = Recorder()
    dying = Broadcaster(
        store,
        crashing,
        compose=DigestComposer(store, OSLO),
        zone=OSLO,
        clock=lambda: NOW,
        limit=CrashingTurn(101),
        backoff=0,
    )
    with pytest.raises(Crash):
        await dying.broadcast(PERIOD, workers=1)
    assert (await log_of(store))[ids[1]][0] == "pending"
    too_soon = Recorder()
    assert await broadcaster(store, too_soon).broadcast(PERIOD) == Counter({"done": 2, "sent": 1})
    assert [chat for chat, _, _ in too_soon.sent] == [102]  # the claim of 101 may still be alive

    resumed = Recorder()
    after_lease = Broadcaster(
        store,
        resumed,
        compose=DigestComposer(store, OSLO),
        zone=OSLO,
        clock=lambda: NOW,
        limit=RateLimit(interval=0),
        claim_lease=timedelta(0),
    )
    assert await after_lease.broadcast(PERIOD) == Counter({"done": 2, "sent": 1})
    delivered = Counter(chat for chat, _, _ in [*crashing.sent, *too_soon.sent, *resumed.sent])
    assert delivered == Counter({100: 1, 101: 1, 102: 1})
    assert (await log_of(store))[ids[1]][0] == "sent"


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
