"""Delivery through the real processes: send-time membership, sends of unknown outcome, killed senders."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import col, select

from scheduler.subscriptions import subscriptions_of
from store.models import Delivery, Subscription
from store.store import Store
from store.users import remove_user
from tests.botapi.server import FakeBotApi
from tests.conftest import ADMIN_ID, COORDINATOR_ID, OSLO
from tests.e2e.conftest import StartBot
from tests.e2e.test_digest_e2e import digest_send, not_today, start_digest_send
from tests.subscribers import subscribe_users

pytestmark = pytest.mark.e2e
FIRST = 20_000  # user (and chat) ids of the many subscribers


async def statuses(database_url: str) -> dict[int, str]:
    """The delivery log's status per subscriber's chat."""
    store = await Store.open(database_url)
    async with store.unit() as session:
        query = select(Subscription.chat_id, Delivery.status).join(
            Delivery, col(Delivery.subscription_id) == col(Subscription.id)
        )
        found = dict((await session.exec(query)).all())
    await store.close()
    return found


def digests_per_chat(botapi: FakeBotApi) -> Counter[int]:
    """How many digests each chat got (a digest is one message here: the note that nothing changed)."""
    return Counter(m["chat_id"] for m in botapi.sent if "Ingen endringer" in (m["text"] or ""))


async def test_a_removed_coordinator_gets_no_digest_until_added_and_resumed(
    botapi: FakeBotApi, start_bot: StartBot, sqlite_url: str, tmp_path: Path
) -> None:
    """/removeuser pauses the subscription; /adduser again points to /subscriptions, where it resumes."""
    await start_bot()
    botapi.send_text(ADMIN_ID, f"/adduser {COORDINATOR_ID}")
    await botapi.wait_for(ADMIN_ID, 1)
    botapi.send_text(COORDINATOR_ID, f"/subscribe Trondheim {not_today()} 12:00")
    await botapi.wait_for(COORDINATOR_ID, 1)
    botapi.send_text(ADMIN_ID, f"/removeuser {COORDINATOR_ID}")
    (removed,) = await botapi.wait_for(ADMIN_ID, 1, after=1)

    assert "sent" not in await digest_send(botapi, sqlite_url, tmp_path)
    assert len(botapi.messages_to(COORDINATOR_ID)) == 1  # the reply to /subscribe only
    assert "Abonnementene (1) er satt på pause" in removed["text"]

    botapi.send_text(ADMIN_ID, f"/adduser {COORDINATOR_ID}")
    (added,) = await botapi.wait_for(ADMIN_ID, 1, after=2)
    assert "/subscriptions" in added["text"]
    botapi.send_text(COORDINATOR_ID, "/subscriptions")
    (listing,) = await botapi.wait_for(COORDINATOR_ID, 1, after=1)
    assert "pauset (tilgangen ble fjernet)" in listing["text"]
    botapi.press_button(COORDINATOR_ID, listing["message_id"], "sub:pause:1")
    (resumed,) = await botapi.wait_for(COORDINATOR_ID, 1, after=2)
    assert "i gang igjen" in resumed["text"]
    assert "sent 1" in await digest_send(botapi, sqlite_url, tmp_path)


@pytest.mark.parametrize(
    ("access", "printed", "to_removed"),
    [("members", "sent 1, skipped 1", 0), ("open", "sent 2", 1)],
    ids=["members only: skipped and paused", "open access: a stranger's digest"],
)
async def test_membership_is_checked_when_the_digest_is_sent(
    botapi: FakeBotApi, sqlite_url: str, tmp_path: Path, access: str, printed: str, to_removed: int
) -> None:
    """A user removed behind the scheduler's back (no subscription paused) is still not sent a member's digest."""
    store = await Store.open(sqlite_url)
    await subscribe_users(store, botapi, {COORDINATOR_ID: "Melhus", ADMIN_ID: "Melhus"})
    async with store.unit() as session:
        await remove_user(session, user_id=COORDINATOR_ID, by=None)
    await store.close()

    assert printed in await digest_send(botapi, sqlite_url, tmp_path, ACCESS=access)
    assert digests_per_chat(botapi) == Counter({ADMIN_ID: 1} | ({COORDINATOR_ID: 1} if to_removed else {}))
    store = await Store.open(sqlite_url)
    async with store.unit() as session:
        (subscription,) = await subscriptions_of(session, user_id=COORDINATOR_ID)
    await store.close()
    assert subscription.paused is (access == "members")


async def test_sends_of_unknown_outcome_are_never_repeated_until_an_admin_resends(
    botapi: FakeBotApi, start_bot: StartBot, sqlite_url: str, tmp_path: Path
) -> None:
    """30 % of the sends answer 502, half of them delivered anyway: no one gets two; /resend sends those again."""
    chats = range(FIRST, FIRST + 60)
    store = await Store.open(sqlite_url)
    await subscribe_users(store, botapi, dict.fromkeys(chats, "Melhus"))
    await store.close()
    botapi.bad_gateway = 0.3

    printed = await digest_send(botapi, sqlite_url, tmp_path)
    delivered, lost = botapi.count_502["delivered"], botapi.count_502["lost"]
    assert max(digests_per_chat(botapi).values()) == 1
    assert delivered and lost
    assert f"unknown {delivered + lost}" in printed
    logged = await statuses(sqlite_url)
    unknown = {chat for chat, status in logged.items() if status == "unknown"}
    assert len(unknown) == delivered + lost

    botapi.bad_gateway = 0
    await start_bot()
    botapi.send_text(ADMIN_ID, "/deliveries")
    (log,) = await botapi.wait_for(ADMIN_ID, 1)
    assert f": {60 - len(unknown)} · 0 · 0 · 0 · 0 · 0 · {len(unknown)}" in log["text"]
    assert "unknown: it may have arrived (Bad Gateway (502)" in log["text"]
    botapi.send_text(ADMIN_ID, "/resend")
    (resending,) = await botapi.wait_for(ADMIN_ID, 1, after=1)
    assert f"Sender {len(unknown)} ukeoversikter med uvisst utfall" in resending["text"]
    await botapi.wait_until(lambda: sum(digests_per_chat(botapi).values()) == 60 + delivered, timeout=30)
    assert set(digests_per_chat(botapi)) == set(chats)  # the ones delivered anyway twice: the admin's choice
    await asyncio.sleep(1)  # the last outcome recorded
    assert set((await statuses(sqlite_url)).values()) == {"sent"}


async def subscribers_due_now(database_url: str, botapi: FakeBotApi, count: int) -> set[int]:
    """Coordinators subscribed to Melhus, each due this very minute (and subscribed a week before)."""
    chats = set(range(FIRST, FIRST + count))
    store = await Store.open(database_url)
    await subscribe_users(store, botapi, dict.fromkeys(chats, "Melhus"))
    due = datetime.now(OSLO).replace(second=0, microsecond=0)
    async with store.unit() as session:
        for subscription in (await session.exec(select(Subscription))).all():
            subscription.weekday, subscription.hour, subscription.minute = due.weekday(), due.hour, due.minute
            subscription.created_at = due - timedelta(days=7)
            session.add(subscription)
    await store.close()
    return chats


async def kill_mid_broadcast(botapi: FakeBotApi, database_url: str, folder: Path, after: int) -> None:
    """Start `digest send` and kill it (SIGKILL) the moment the server has the `after`-th digest."""
    process = await start_digest_send(botapi, database_url, folder)
    await botapi.wait_until(lambda: sum(digests_per_chat(botapi).values()) >= after, timeout=60)
    process.kill()
    await process.wait()


@pytest.mark.slow
async def test_a_rerun_takes_a_killed_senders_broadcast_over_at_once(
    botapi: FakeBotApi, sqlite_url: str, tmp_path: Path
) -> None:
    """Killed after 40 of 150: a re-run at once sends everyone else theirs, and no one two."""
    chats = await subscribers_due_now(sqlite_url, botapi, 150)
    await kill_mid_broadcast(botapi, sqlite_url, tmp_path, after=40)

    assert "sent" in await digest_send(botapi, sqlite_url, tmp_path)
    got = digests_per_chat(botapi)
    missing = chats - set(got)
    assert max(got.values()) == 1
    assert len(missing) <= 1
    logged = await statuses(sqlite_url)
    assert all(logged[chat] == "sending" for chat in missing)


@pytest.mark.slow
async def test_the_running_bot_finishes_a_killed_senders_broadcast(
    botapi: FakeBotApi, start_bot: StartBot, sqlite_url: str, tmp_path: Path
) -> None:
    """Killed after 40 of 150 whose time has come: the bot, started before, sends the rest without a restart."""
    await start_bot()
    chats = await subscribers_due_now(sqlite_url, botapi, 150)
    await kill_mid_broadcast(botapi, sqlite_url, tmp_path, after=40)

    for _ in range(180):  # the bot looks every 30 s; give it three minutes
        # The bot's own claims read 'sending' too while it sends: done when one at most is left so.
        if finished(await statuses(sqlite_url), chats):
            break
        await asyncio.sleep(1)
    got = digests_per_chat(botapi)
    missing = chats - set(got)
    assert max(got.values()) == 1
    assert len(missing) <= 1
    logged = await statuses(sqlite_url)
    assert all(logged[chat] == "sending" for chat in missing)


def finished(logged: dict[int, str], chats: set[int]) -> bool:
    """Whether a broadcast to these chats is over: every digest sent but at most one, whose outcome a killed
    sender took along."""
    outcomes = list(logged.values())
    return set(logged) == chats and set(outcomes) <= {"sent", "sending"} and outcomes.count("sending") <= 1
