"""Digest broadcast to 300 subscribers against a local Bot API server that enforces Telegram's limits.

Run: python -m bench.broadcast_bench. The server answers 429 above 30 messages a second overall or one a
second to a chat; the figures are the delivered rate against that limit, 429s, and peak memory.
"""

from __future__ import annotations

import asyncio
import resource
import tempfile
import time
import tracemalloc
from datetime import UTC, date, datetime

from sqlmodel import select
from telegram import Bot

from bot.digest_composer import DigestComposer
from scheduler.delivery import WORKERS, Broadcaster
from scheduler.schedule import period_of
from scheduler.telegram import AiohttpRequest, TelegramSender
from store.models import Figure, Place, Source
from store.store import Store
from tests.botapi.server import FakeBotApi
from tests.conftest import OSLO
from tests.subscribers import subscribe_users

SUBSCRIBERS = 300
LIMIT = 30  # messages a second, Telegram's broadcast limit
PLACES = ("Trondheim", "Melhus", "Malvik", "Stjørdal", "Skaun", "Drammen", "Trøndelag", "Trondheimsregionen")


class TimedSender(TelegramSender):
    """The Telegram sender, noting when each message was accepted."""

    def __init__(self, bot: Bot) -> None:
        super().__init__(bot)
        self.times: list[float] = []

    async def send_text(self, chat_id: int, text: str) -> int:
        """Send and note the time."""
        sent = await super().send_text(chat_id, text)
        self.times.append(time.perf_counter())
        return sent

    async def send_photo(self, chat_id: int, photo: bytes, caption: str) -> int:
        """Send and note the time."""
        sent = await super().send_photo(chat_id, photo, caption)
        self.times.append(time.perf_counter())
        return sent


async def subscribers(store: Store, botapi: FakeBotApi) -> None:
    """300 users who wrote to the bot, each subscribed to one of a few places and regions, all with news."""
    index = await store.index()
    async with store.unit() as session:
        source = (await session.exec(select(Source))).first()
        assert source is not None and source.id is not None
        for name in PLACES:
            place = index.search(name)[0].place
            for member in index.members_in_year(place, 2018) or [place]:
                session.add(news(member, source.id))
    await subscribe_users(store, botapi, {10_000 + n: PLACES[n % len(PLACES)] for n in range(SUBSCRIBERS)})


def news(place: Place, source_id: int) -> Figure:
    """A settled figure stated today, so that every digest has a change to report."""
    return Figure(
        place_id=place.id or 0,
        year=2018,
        measure="settled",
        value=300,
        as_of=date.today(),
        source_id=source_id,
        recorded_at=datetime.now(UTC),
    )


async def main() -> None:
    """Seed, subscribe, broadcast once, print the figures."""
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.sqlite3"
        botapi = FakeBotApi(global_rate=LIMIT, per_chat_rate=1)
        await botapi.start()
        store = await Store.open(url)
        await subscribers(store, botapi)
        bot = Bot(
            botapi.token, base_url=botapi.base_url, request=AiohttpRequest(connection_pool_size=WORKERS)
        )
        sender = TimedSender(bot)
        async with bot:
            broadcaster = Broadcaster(store, sender, compose=DigestComposer(store, OSLO), zone=OSLO)
            tracemalloc.start()
            started = time.perf_counter()
            counts = await broadcaster.broadcast(period_of(broadcaster.clock(), OSLO))
            elapsed = time.perf_counter() - started
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        await store.close()
        await botapi.stop()
    messages = len(sender.times)
    steady = (messages - 1) / (sender.times[-1] - sender.times[0])
    overall = messages / elapsed
    print(
        f"subscribers {SUBSCRIBERS}, outcomes {dict(counts)}, messages {messages}, 429 answers {botapi.count_429}"
    )
    print(
        f"broadcast {elapsed:.1f} s; rate {overall:.1f} msg/s = {overall / LIMIT:.2f} of {LIMIT}/s (incl. composing)"
    )
    print(f"rate from first to last message {steady:.1f} msg/s = {steady / LIMIT:.2f} of {LIMIT}/s")
    print(f"peak Python memory during the broadcast {peak / 2**20:.1f} MiB (tracemalloc)")
    print(
        f"peak process memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB (max RSS)"
    )


if __name__ == "__main__":
    asyncio.run(main())
