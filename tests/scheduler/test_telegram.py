"""The Telegram sender: python-telegram-bot's errors told apart by whether the request may have arrived."""

from __future__ import annotations

from typing import cast

import httpx
import pytest
from telegram import Bot
from telegram.error import NetworkError, TimedOut

from scheduler.delivery import OutcomeUnknown, Transient
from scheduler.telegram import TelegramSender
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
