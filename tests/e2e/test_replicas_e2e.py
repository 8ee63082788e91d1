"""Two bot processes in webhook mode on one PostgreSQL database, the local Bot API server posting updates to each:
a change through one is answered by the other at once; both fire every digest job, each subscriber gets one;
one is killed (SIGKILL) during the broadcast and the other finishes it."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

import pytest
from aiohttp import ClientError
from sqlmodel import col, select, update

from scheduler.delivery import Owner
from scheduler.subscriptions import subscribe
from store.models import Delivery, Subscription
from store.store import Store
from store.users import add_user
from store.vocabulary import Role
from tests.botapi.server import FakeBotApi, Json
from tests.conftest import ADMIN_ID, OSLO
from tests.e2e.conftest import START_TIMEOUT, WEBHOOK_PATH, WEBHOOK_SECRET, BotProcess, free_port
from tests.e2e.test_delivery_e2e import digests_per_chat
from tests.e2e.test_digest_e2e import not_today

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
FIRST = 40_000  # user (and chat) ids of the subscribers
SUBSCRIBERS = 80
KILL_AFTER = 20  # digests arrived when the first replica is killed
Launch = Callable[..., Awaitable[BotProcess]]


async def subscribers(database_url: str, botapi: FakeBotApi) -> set[int]:
    """Coordinators known to the server, each subscribed to Melhus just now for another day (nothing to catch up)."""
    chats = set(range(FIRST, FIRST + SUBSCRIBERS))
    store = await Store.open(database_url, prepare=False)
    melhus = (await store.index()).by_code["5028"].id or 0
    async with store.unit() as session:
        for chat in chats:
            botapi.add_user(chat)
            await add_user(session, user_id=chat, role=Role.COORDINATOR, by=None)
            await subscribe(session, user_id=chat, chat_id=chat, place_ids=[melhus])
    async with store.unit() as session:
        await session.exec(update(Subscription).values(weekday=_day()))
    await store.close()
    return chats


def _day() -> int:
    """A weekday that is not today's, so no job fires before the test moves them."""
    return ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag").index(not_today())


async def replicas(bot_processes: Launch, database_url: str) -> tuple[BotProcess, BotProcess]:
    """Two replicas started together, each on its own port behind one public webhook URL."""
    ports = free_port(), free_port()
    public = f"http://127.0.0.1:{ports[0]}{WEBHOOK_PATH}"
    started = [
        await bot_processes(
            database_url,
            port,
            WEBHOOK_URL=public,
            WEBHOOK_SECRET=WEBHOOK_SECRET,
            WEBHOOK_LISTEN="127.0.0.1",
            WEBHOOK_PORT=str(port),
        )
        for port in ports
    ]
    await asyncio.gather(*(serving(bot) for bot in started))
    return started[0], started[1]


async def serving(bot: BotProcess) -> None:
    """Wait until the bot answers /healthz with 200; fail with its log if it dies or takes too long."""
    for _ in range(int(START_TIMEOUT / 0.1)):
        if bot.process.returncode is not None:
            break
        try:
            if (await bot.get("/healthz"))[0] == 200:
                return
        except ClientError:
            pass
        await asyncio.sleep(0.1)
    raise AssertionError(f"the bot does not serve:\n{bot.log}")


async def ask(botapi: FakeBotApi, replica: BotProcess, text: str, after: int) -> Json:
    """The admin's message, posted to this replica; the one reply."""
    botapi.balance([replica.address])
    botapi.send_text(ADMIN_ID, text)
    (reply,) = await botapi.wait_for(ADMIN_ID, 1, after=after)
    return reply


async def due_next_minute(database_url: str) -> datetime:
    """Every subscription moved to the next whole minute at least three seconds away (the replicas hear it)."""
    due = (datetime.now(OSLO) + timedelta(seconds=63)).replace(second=0, microsecond=0)
    store = await Store.open(database_url, prepare=False)
    async with store.unit() as session:
        await session.exec(
            update(Subscription).values(weekday=due.weekday(), hour=due.hour, minute=due.minute)
        )
    await store.close()
    return due


async def delivery_log(database_url: str) -> list[tuple[int, str, str]]:
    """Each delivery's chat, status and owner."""
    store = await Store.open(database_url, prepare=False)
    async with store.unit() as session:
        query = select(Subscription.chat_id, Delivery.status, Delivery.owner).join(
            Delivery, col(Delivery.subscription_id) == col(Subscription.id)
        )
        found = [tuple(row) for row in (await session.exec(query)).all()]
    await store.close()
    return found  # type: ignore[return-value]


async def test_two_webhook_replicas_share_changes_and_send_each_digest_once(
    botapi: FakeBotApi, bot_processes: Launch, postgres_url: str
) -> None:
    """The issue's proof, on one database: /set through one, the question through the other; both replicas'
    jobs fire at once; the first is killed mid-broadcast and the second finishes it."""
    chats = await subscribers(postgres_url, botapi)
    first, second = await replicas(bot_processes, postgres_url)

    held = await ask(botapi, second, "status Trondheim 2015", after=0)
    assert "Bosatt: 495" in held["text"]
    preview = await ask(botapi, first, "/set Trondheim 2015 bosatt 510 31.12.2015", after=1)
    botapi.press_button(ADMIN_ID, preview["message_id"], _save(preview))
    (saved,) = await botapi.wait_for(ADMIN_ID, 1, after=2)
    assert "endring" in saved["text"]
    answered = await ask(botapi, second, "status Trondheim 2015", after=3)  # asked as soon as it was saved
    assert "Bosatt: 510" in answered["text"]

    due = await due_next_minute(postgres_url)
    await botapi.wait_until(lambda: sum(digests_per_chat(botapi).values()) >= KILL_AFTER, timeout=90)
    first.process.kill()
    await first.process.wait()  # reaped: its claims are seen as abandoned at once on this host
    abandoned = {
        chat
        for chat, status, owner in await delivery_log(postgres_url)
        if status == "pending" and _pid(owner) == first.process.pid
    }
    logged = await settled(postgres_url, len(chats), killed=first.process.pid)

    got = digests_per_chat(botapi)
    statuses = {chat: status for chat, status, _ in logged}
    missing = chats - set(got)
    assert max(got.values()) == 1
    assert all(statuses[chat] == "sending" for chat in missing)  # killed with it on its way: at most once
    assert len(missing) <= 2
    senders = {_pid(owner) for _, status, owner in logged if status == "sent"}
    assert senders == {first.process.pid, second.process.pid}  # both replicas' jobs fired and sent some
    if abandoned:  # the killed replica had claims not yet on their way (on a loaded machine it may not)
        assert all(statuses[chat] == "sent" for chat in abandoned)
        assert "left over or failed: sent" in second.log  # finished by the other replica's sweep
    assert all(m["date"] >= due.timestamp() for m in botapi.sent if m["chat_id"] in chats)


def _save(preview: Json) -> str:
    """The Save button's data under a preview."""
    buttons = [button for row in preview["reply_markup"]["inline_keyboard"] for button in row]
    return str(next(b["callback_data"] for b in buttons if b["callback_data"].endswith(":yes")))


async def settled(database_url: str, count: int, killed: int) -> list[tuple[int, str, str]]:
    """The delivery log once each of so many subscriptions has its outcome: sent, or `sending` where the
    killed replica had it on its way (a minute at most; the live replica's `sending` is still under way)."""
    for _ in range(60):
        logged = await delivery_log(database_url)
        final = all(
            status == "sent" or (status == "sending" and _pid(owner) == killed) for _, status, owner in logged
        )
        if len(logged) == count and final:
            return logged
        await asyncio.sleep(1)
    raise AssertionError(f"not settled within a minute: {Counter(status for _, status, _ in logged)}")


def _pid(owner: str) -> int | None:
    """The process id a claim's owner names."""
    parsed = Owner.parse(owner)
    return parsed.pid if parsed else None
