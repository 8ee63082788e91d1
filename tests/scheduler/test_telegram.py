"""The Telegram sender: python-telegram-bot's errors told apart by whether the request may have arrived; and the
waits flood control asks of every request."""

from __future__ import annotations

import asyncio
import shutil
import ssl
import subprocess
import time
from pathlib import Path

import aiohttp
import pytest
from telegram import Bot
from telegram.error import RetryAfter
from telegram.ext import ExtBot

from scheduler.delivery import OutcomeUnknown, Transient
from scheduler.telegram import AiohttpRequest, FloodWaits, TelegramSender, Timeouts, never_left
from tests.botapi.server import FakeBotApi
from tests.conftest import COORDINATOR_ID


def sender(botapi: FakeBotApi, request: AiohttpRequest | None = None) -> tuple[Bot, TelegramSender]:
    """A bot on the local Bot API sending through the product's transport, and its sender."""
    bot = Bot(botapi.token, base_url=botapi.base_url, request=request or AiohttpRequest())
    return bot, TelegramSender(bot)


async def test_a_bad_gateway_is_an_unknown_outcome(botapi: FakeBotApi) -> None:
    """A 502 page from the front server: the message may have gone out."""
    botapi.send_text(COORDINATOR_ID, "/start")
    botapi.bad_gateway = 1.0
    bot, telegram = sender(botapi)
    async with bot:
        with pytest.raises(OutcomeUnknown, match=r"^Bad Gateway \(502\)$"):
            await telegram.send_text(COORDINATOR_ID, "hei")


async def test_a_refused_connection_is_transient(botapi: FakeBotApi) -> None:
    """No server listening: the request never left, so it is worth trying again."""
    bot, telegram = sender(botapi)
    async with bot:
        await botapi.stop()
        with pytest.raises(Transient, match="ClientConnectorError"):
            await telegram.send_text(COORDINATOR_ID, "hei")


async def test_a_message_after_the_server_restarted_is_delivered_on_a_new_connection(
    botapi: FakeBotApi,
) -> None:
    """The kept connection died with the server: the request, never written, goes again on a new one."""
    botapi.send_text(COORDINATOR_ID, "/start")
    bot, telegram = sender(botapi)
    async with bot:
        port = botapi.port
        await botapi.stop()
        await botapi.start(port)
        await telegram.send_text(COORDINATOR_ID, "hei")
    assert [message["text"] for message in botapi.messages_to(COORDINATOR_ID)] == ["hei"]


async def test_no_answer_in_time_is_an_unknown_outcome(botapi: FakeBotApi) -> None:
    """The request was written and the answer is late: Telegram may have sent the message."""
    botapi.send_text(COORDINATOR_ID, "/start")
    bot, telegram = sender(botapi, AiohttpRequest(timeouts=Timeouts(read=0.2)))
    async with bot:
        botapi.hold("sendMessage")
        with pytest.raises(OutcomeUnknown, match="SocketTimeoutError"):
            await telegram.send_text(COORDINATOR_ID, "hei")
        botapi.release("sendMessage")


async def test_no_free_connection_in_time_is_transient(botapi: FakeBotApi) -> None:
    """One connection, busy with a held request: the next one never leaves, so it is worth trying again."""
    botapi.send_text(COORDINATOR_ID, "/start")
    bot, telegram = sender(botapi, AiohttpRequest(1, Timeouts(connect=0.1, pool=0.1)))
    async with bot:
        botapi.hold("sendMessage")
        held = asyncio.create_task(telegram.send_text(COORDINATOR_ID, "først"))
        await botapi.wait_until(lambda: any(method == "sendMessage" for method, _ in botapi.bodies))
        with pytest.raises(Transient, match="ConnectionTimeoutError"):
            await telegram.send_text(COORDINATOR_ID, "så")
        botapi.release("sendMessage")
        await held
    assert [message["text"] for message in botapi.messages_to(COORDINATOR_ID)] == ["først"]


async def test_a_connection_lost_while_waiting_is_an_unknown_outcome() -> None:
    """A server that reads the request and hangs up without answering: it may have acted on it."""

    async def hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.close()

    server = await asyncio.start_server(hang_up, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    bot = Bot("1:token", base_url=f"http://127.0.0.1:{port}/bot", request=AiohttpRequest())
    await bot.request.initialize()
    try:
        with pytest.raises(OutcomeUnknown, match="ServerDisconnectedError"):
            await TelegramSender(bot).send_text(COORDINATOR_ID, "hei")
    finally:
        await bot.request.shutdown()
        server.close()
        await server.wait_closed()


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


@pytest.mark.skipif(
    shutil.which("openssl") is None, reason="needs the openssl command for a self-signed certificate"
)
async def test_a_server_whose_certificate_no_authority_vouches_for_is_never_sent_to(tmp_path: Path) -> None:
    """A self-signed certificate on 127.0.0.1: the request is refused before it leaves (worth trying again)."""
    certificate, key = tmp_path / "certificate.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            *(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=127.0.0.1",
            ),
            *("-keyout", str(key), "-out", str(certificate)),
        ],
        check=True,
        capture_output=True,
    )
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(certificate, key)
    received: list[bytes] = []

    async def note(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        received.append(await reader.read(1000))
        writer.close()

    server = await asyncio.start_server(note, "127.0.0.1", 0, ssl=tls)
    port = server.sockets[0].getsockname()[1]
    bot = Bot("1:token", base_url=f"https://127.0.0.1:{port}/bot", request=AiohttpRequest())
    await bot.request.initialize()
    try:
        with pytest.raises(Transient, match="ClientConnectorCertificateError"):
            await TelegramSender(bot).send_text(COORDINATOR_ID, "hei")
    finally:
        await bot.request.shutdown()
        server.close()
        await server.wait_closed()
    assert received == []


@pytest.mark.parametrize(
    ("error", "left"),
    [
        (
            aiohttp.ClientOSError(
                None, "Can not write request body for https://api.telegram.org/bot1:x/send"
            ),
            False,
        ),
        (aiohttp.ClientOSError(104, "Connection reset by peer"), True),
        (aiohttp.ServerDisconnectedError(), True),
        (aiohttp.ConnectionTimeoutError(), False),
    ],
    ids=["not written", "reset while waiting", "disconnected while waiting", "no connection in time"],
)
def test_a_request_never_left_only_when_aiohttp_failed_before_writing_it_whole(
    error: BaseException, left: bool
) -> None:
    """aiohttp's failures told apart as the sender needs them: not written whole (its own words) or no connection
    is a request Telegram never had; a connection lost while waiting for the answer may have delivered it."""
    assert never_left(error) is not left
