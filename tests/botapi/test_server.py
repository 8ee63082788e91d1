"""The local Bot API server behaves like Telegram for what the bot relies on."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from telegram import Bot, BotCommand, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Conflict, Forbidden, InvalidToken, RetryAfter

from tests.botapi.server import ApiError, FakeBotApi, Json, parse_html

USER = 42


@pytest.fixture
async def server() -> AsyncIterator[FakeBotApi]:
    """A started server that one user has written to."""
    api = FakeBotApi()
    await api.start()
    api.send_text(USER, "hei")
    yield api
    await api.stop()


@pytest.fixture
async def bot(server: FakeBotApi) -> AsyncIterator[Bot]:
    """python-telegram-bot's own Bot talking to the server."""
    async with Bot(server.token, base_url=server.base_url, base_file_url=server.base_file_url) as client:
        yield client


async def test_get_me_and_updates(server: FakeBotApi, bot: Bot) -> None:
    """getMe names the bot; getUpdates returns a user's command with its bot_command entity."""
    assert (await bot.get_me()).username == "bosettingsbot"
    server.send_text(USER, "/status Trondheim")
    updates = await bot.get_updates(timeout=1)
    assert [u.message.text for u in updates if u.message] == ["hei", "/status Trondheim"]
    assert updates[1].message and updates[1].message.entities[0].type == "bot_command"


async def test_a_round_trip_delays_each_answer_and_not_the_recording(server: FakeBotApi, bot: Bot) -> None:
    """With `round_trip` set, a call is recorded when it arrives and answered that long after (a bench's Telegram)."""
    server.round_trip = 1.0
    loop = asyncio.get_running_loop()
    started = loop.time()
    sending = asyncio.create_task(bot.send_message(USER, "hei"))
    await server.wait_for(USER, 1)
    arrived = loop.time()
    await sending
    assert arrived - started < 1.0 <= loop.time() - started


async def test_html_is_checked_like_telegram(server: FakeBotApi, bot: Bot) -> None:
    """Valid HTML is accepted; a bare '<', an unknown tag or an unclosed tag is a 400 parse error."""
    await bot.send_message(USER, "<b>Bosatt</b> &amp; vedtak: 11 600", parse_mode="HTML")
    for broken in ("3 < 5", "<foo>x</foo>", "<b>open", "a & b"):
        with pytest.raises(BadRequest, match=r"(?i)parse entities"):
            await bot.send_message(USER, broken, parse_mode="HTML")
    assert len(server.messages_to(USER)) == 1


def test_html_is_read_to_its_visible_text_and_its_errors_say_where_in_bytes() -> None:
    """Entities unescaped, tags dropped; each malformed piece named with its UTF-8 byte offset, as Telegram does."""
    assert (
        parse_html("<b>Bosatt</b> &amp; vedtak · Ø &lt;5&gt; &#39;x&#x27;") == "Bosatt & vedtak · Ø <5> 'x'"
    )
    for broken, reason in (
        ("Ø < 5", "Unexpected character at byte offset 3"),
        ("Ø <foo>x</foo>", 'Unsupported start tag "foo" at byte offset 3'),
        ("<b>Ø</i>", "Unmatched end tag at byte offset 5"),
        ("Ø & b", "Character entity expected at byte offset 3"),
        ("Ø > b", "Unexpected end tag at byte offset 3"),
        ("<b><i>Ø</i>", 'Can\'t find end tag corresponding to start tag "b"'),
    ):
        with pytest.raises(ApiError) as raised:
            parse_html(broken)
        assert raised.value.description == f"Bad Request: can't parse entities: {reason}"


async def test_message_length_is_counted_after_parsing(server: FakeBotApi, bot: Bot) -> None:
    """4096 visible characters pass even with tags around them; 4097 are too long."""
    await bot.send_message(USER, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(USER, "x" * 4097)


async def test_caption_limit(server: FakeBotApi, bot: Bot) -> None:
    """A photo caption over 1024 characters is refused; a shorter one is stored with the bytes."""
    with pytest.raises(BadRequest, match=r"(?i)caption is too long"):
        await bot.send_photo(USER, b"\x89PNG fake", caption="x" * 1025)
    await bot.send_photo(USER, b"\x89PNG fake", caption="chart")
    (photo,) = server.messages_to(USER)
    assert photo["photo"] == b"\x89PNG fake" and photo["caption"] == "chart"


async def test_flood_control_answers_429_with_retry_after() -> None:
    """With Telegram's limits, a second message to one chat within a second gets RetryAfter."""
    server = FakeBotApi(global_rate=30, per_chat_rate=1)
    await server.start()
    server.send_text(USER, "hei")
    try:
        async with Bot(server.token, base_url=server.base_url) as bot:
            await bot.send_message(USER, "one")
            with pytest.raises(RetryAfter, match=r"Retry in 0:00:01"):
                await bot.send_message(USER, "two")
    finally:
        await server.stop()
    assert server.count_429 == 1
    assert [m["text"] for m in server.messages_to(USER)] == ["one"]


async def test_blocked_and_unknown_chats(server: FakeBotApi, bot: Bot) -> None:
    """403 for a user who blocked the bot, 400 for a chat that never wrote."""
    server.block(USER)
    with pytest.raises(Forbidden, match=r"(?i)blocked"):
        await bot.send_message(USER, "digest")
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(999, "hello")


async def test_commands_per_language(server: FakeBotApi, bot: Bot) -> None:
    """setMyCommands is kept per language and read back by getMyCommands."""
    await bot.set_my_commands([BotCommand("status", "Status")], language_code="nb")
    await bot.set_my_commands([BotCommand("status", "Status of a place")], language_code="en")
    assert [c.description for c in await bot.get_my_commands(language_code="en")] == ["Status of a place"]
    assert server.commands[("default", "nb")][0]["command"] == "status"


async def test_user_document_can_be_downloaded(server: FakeBotApi, bot: Bot) -> None:
    """A file a user sent is found with getFile and downloaded byte for byte."""
    update = server.send_document(USER, "tabell.csv", b"Kommune;Antall\nMelhus;43\n", caption="/import")
    file = await bot.get_file(update["message"]["document"]["file_id"])
    assert bytes(await file.download_as_bytearray()) == b"Kommune;Antall\nMelhus;43\n"


async def test_edit_and_unknown_token(server: FakeBotApi, bot: Bot) -> None:
    """Editing to the same text is 'not modified'; a wrong token is refused."""
    sent = await bot.send_message(USER, "Importerer …")
    await bot.edit_message_text("Ferdig", chat_id=USER, message_id=sent.message_id)
    with pytest.raises(BadRequest, match=r"(?i)not modified"):
        await bot.edit_message_text("Ferdig", chat_id=USER, message_id=sent.message_id)
    with pytest.raises(InvalidToken):
        async with Bot("999:WRONG", base_url=server.base_url) as stranger:
            await stranger.get_me()


async def test_a_button_press_is_answered_once(server: FakeBotApi, bot: Bot) -> None:
    """answerCallbackQuery stops a press's spinner once; a second answer is Telegram's 400."""
    buttons = InlineKeyboardMarkup([[InlineKeyboardButton("Herøy", callback_data="q:1")]])
    sent = await bot.send_message(USER, "Hvilken Herøy?", reply_markup=buttons)
    press = server.press_button(USER, sent.message_id, "q:1")
    assert await bot.answer_callback_query(press["callback_query"]["id"])
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query(press["callback_query"]["id"])


async def test_waiting_for_a_request(server: FakeBotApi, bot: Bot) -> None:
    """wait_for_request returns a call's parameters as soon as it is made, and only calls after `after`."""
    after = len(server.requests)
    waiting = asyncio.create_task(server.wait_for_request("sendMessage", after=after, timeout=10))
    await bot.send_message(USER, "hei")
    assert (await waiting)["text"] == "hei"
    with pytest.raises(TimeoutError):
        await server.wait_for_request("sendMessage", after=len(server.requests), timeout=0.05)


@pytest.fixture
async def receiver() -> AsyncIterator[tuple[str, list[tuple[str, Json]], list[int]]]:
    """A webhook on 127.0.0.1: its URL, the (secret header, update) posts it took, and statuses to answer first."""
    taken: list[tuple[str, Json]] = []
    refusals: list[int] = []

    async def take(request: web.Request) -> web.Response:
        if refusals:
            return web.Response(status=refusals.pop(0))
        taken.append((request.headers.get("X-Telegram-Bot-Api-Secret-Token", ""), await request.json()))
        return web.Response()

    app = web.Application()
    app.router.add_post("/hook", take)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}/hook", taken, refusals
    await runner.cleanup()


async def test_a_webhook_gets_the_updates_in_order_with_the_secret(
    server: FakeBotApi, bot: Bot, receiver: tuple[str, list[tuple[str, Json]], list[int]]
) -> None:
    """With a webhook set, updates are posted to it with the secret header (a refused post is tried again),
    getUpdates is refused with 409, and after deleteWebhook polling works again."""
    url, taken, refusals = receiver
    refusals.append(503)
    await bot.set_webhook(url, secret_token="s3cret_token", allowed_updates=["message"])
    server.send_text(USER, "status Melhus")
    await server.wait_until(lambda: len(taken) == 2)
    assert [(secret, update["message"]["text"]) for secret, update in taken] == [
        ("s3cret_token", "hei"),
        ("s3cret_token", "status Melhus"),
    ]
    assert [outcome for *_, outcome in server.webhook_posts] == [503, 200, 200]
    assert (await bot.get_webhook_info()).url == url
    with pytest.raises(Conflict, match="webhook is active"):
        await bot.get_updates()
    await bot.delete_webhook()
    server.send_text(USER, "status Malvik")
    assert [u.message.text for u in await bot.get_updates(timeout=1) if u.message] == ["status Malvik"]


async def test_a_webhook_elsewhere_than_here_is_refused(server: FakeBotApi, bot: Bot) -> None:
    """The local server never posts off this machine."""
    with pytest.raises(BadRequest, match=r"127\.0\.0\.1"):
        await bot.set_webhook("https://example.org/hook", secret_token="x")


async def test_an_upload_arriving_in_small_pieces_is_read_whole(server: FakeBotApi) -> None:
    """A sendPhoto whose body arrives split inside a small field is stored byte for byte."""
    photo = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 160
    field = b'--grense\r\nContent-Disposition: form-data; name="chat_id"\r\n\r\n' + str(USER).encode()
    body = field + (
        b'\r\n--grense\r\nContent-Disposition: form-data; name="photo"; filename="chart.png"\r\n'
        b"Content-Type: image/png\r\n\r\n" + photo + b"\r\n--grense--\r\n"
    )
    head = (
        f"POST /bot{server.token}/sendPhoto HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        f"Content-Type: multipart/form-data; boundary=grense\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    for piece in (head + field, body[len(field) : len(field) + 1], body[len(field) + 1 :]):
        writer.write(piece)
        await writer.drain()
        await asyncio.sleep(0.05)
    status = await reader.readline()
    writer.close()
    assert status.startswith(b"HTTP/1.1 200")
    (sent,) = [m for m in server.messages_to(USER) if m["method"] == "sendPhoto"]
    assert sent["photo"] == photo
