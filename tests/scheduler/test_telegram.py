"""The Telegram sender: python-telegram-bot's errors told apart by whether the request may have arrived; and the
waits flood control asks of every request."""

from __future__ import annotations

import asyncio
import time
from typing import cast

import httpx
import pytest
from telegram import Bot
from telegram.error import NetworkError, RetryAfter, TimedOut
from telegram.ext import ExtBot

from scheduler.delivery import OutcomeUnknown, Transient
from scheduler.telegram import FloodWaits, TelegramSender
from tests.botapi.server import FakeBotApi
from tests.conftest import COORDINATOR_ID


async def test_a_bad_gateway_is_an_unknown_outcome(botapi: FakeBotApi) -> None:
    """A 502 page from the front server: the message may have gone out."""
    botapi.send_text(COORDINATOR_ID, "/start")
    botapi.bad_gateway = 1.0
    async with Bot(botapi.token, base_url=botapi.base_url) as bot:
        with pytest.raises(OutcomeUnknown, match=r"^Bad Gateway \(502\)$"):
            await TelegramSender(bot).send_text(COORDINATOR_ID, "hei")


async def test_a_refused_connection_is_transient(botapi: FakeBotApi) -> None:
    """No server listening: the request never left, so it is worth trying again."""
    async with Bot(botapi.token, base_url=botapi.base_url) as bot:
        await botapi.stop()
        with pytest.raises(Transient, match="ConnectError"):
            await TelegramSender(bot).send_text(COORDINATOR_ID, "hei")


async def test_a_group_upgraded_to_a_supergroup_gets_the_message_at_its_new_id(botapi: FakeBotApi) -> None:
    """Telegram refuses the old id and names the new one: the move is told, and the message goes there."""
    botapi.add_group(-100, admins=(COORDINATOR_ID,))
    botapi.migrate_group(-100, -1000000000100, by=COORDINATOR_ID)
    moves: list[tuple[int, int]] = []

    async def moved(old: int, new: int) -> None:
        moves.append((old, new))

    async with Bot(botapi.token, base_url=botapi.base_url) as bot:
        await TelegramSender(bot, on_moved=moved).send_text(-100, "hei")
    assert moves == [(-100, -1000000000100)]
    assert [m["text"] for m in botapi.messages_to(-1000000000100)] == ["hei"]
    assert botapi.messages_to(-100) == []


class FailingBot:
    """A bot whose every send fails with the given error."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    async def send_message(self, *_args: object, **_kwargs: object) -> object:
        raise self.error from self.error.__cause__


def failure(error: NetworkError, cause: httpx.HTTPError) -> NetworkError:
    """An error as python-telegram-bot raises it, from httpx's."""
    error.__cause__ = cause
    return error


@pytest.mark.parametrize(
    ("error", "translated"),
    [
        (failure(TimedOut(), httpx.ReadTimeout("read")), OutcomeUnknown),
        (
            failure(NetworkError("httpx.RemoteProtocolError"), httpx.RemoteProtocolError("gone")),
            OutcomeUnknown,
        ),
        (failure(TimedOut(), httpx.ConnectTimeout("connect")), Transient),
        (failure(TimedOut("Pool timeout"), httpx.PoolTimeout("pool")), Transient),
        (failure(TimedOut(), httpx.WriteTimeout("write")), Transient),
    ],
    ids=[
        "no answer in time: unknown",
        "connection lost while waiting: unknown",
        "no connection in time: transient",
        "no free connection: transient",
        "request not written: transient",
    ],
)
async def test_network_errors_are_told_apart_by_whether_the_request_left(
    error: NetworkError, translated: type[Exception]
) -> None:
    with pytest.raises(translated):
        await TelegramSender(cast(Bot, FailingBot(error))).send_text(COORDINATOR_ID, "hei")


def flood_bot(botapi: FakeBotApi) -> ExtBot[int]:
    """A bot on the local Bot API whose requests wait as flood control asks; one message a second to a chat."""
    botapi.per_chat_rate = 1
    for user_id in (COORDINATOR_ID, COORDINATOR_ID + 1):
        botapi.add_user(user_id)
    return ExtBot(botapi.token, base_url=botapi.base_url, rate_limiter=FloodWaits())


async def test_a_request_refused_by_flood_control_is_sent_again_after_the_wait(botapi: FakeBotApi) -> None:
    """The second message to a chat within a second gets 429 and a second's wait: it arrives after it."""
    async with flood_bot(botapi) as bot:
        started = time.monotonic()
        await bot.send_message(COORDINATOR_ID, "én")
        await bot.send_message(COORDINATOR_ID, "to")
        waited = time.monotonic() - started
    assert [message["text"] for message in botapi.messages_to(COORDINATOR_ID)] == ["én", "to"]
    assert botapi.count_429 == 1 and waited >= 1


async def test_while_flood_control_makes_one_request_wait_every_other_waits_too(botapi: FakeBotApi) -> None:
    """A message to another chat, sent while a refused one waits, goes out only once the wait is over."""
    async with flood_bot(botapi) as bot:
        await bot.send_message(COORDINATOR_ID, "én")
        refused = asyncio.create_task(bot.send_message(COORDINATOR_ID, "to"))
        await asyncio.sleep(0.3)
        started = time.monotonic()
        await bot.send_message(COORDINATOR_ID + 1, "annen chat")
        held = time.monotonic() - started
        await refused
    assert held >= 0.6 and botapi.count_429 == 1
    assert [message["text"] for message in botapi.messages_to(COORDINATOR_ID + 1)] == ["annen chat"]


async def test_a_request_refused_more_times_than_it_may_be_retried_raises_the_refusal(
    botapi: FakeBotApi,
) -> None:
    """Flood control's clock standing still, every retry is refused: after the retries asked, RetryAfter."""
    botapi.clock = lambda: 0.0
    async with flood_bot(botapi) as bot:
        await bot.send_message(COORDINATOR_ID, "én")
        with pytest.raises(RetryAfter):
            await bot.send_message(COORDINATOR_ID, "to", rate_limit_args=1)
    assert botapi.count_429 == 2 and len(botapi.messages_to(COORDINATOR_ID)) == 1
