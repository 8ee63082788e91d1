"""The real bot process over HTTP against the local Bot API server."""

from __future__ import annotations

import asyncio
import re
import sys
from pathlib import Path

import pytest

from bot.__main__ import REJECTED_TOKEN
from bot.render import plain
from bot.replies import AT_ONCE
from tests.bot.question_cases import CASES
from tests.bot.test_questions import CITED
from tests.botapi.server import FakeBotApi
from tests.conftest import ADMIN_ID
from tests.e2e.conftest import StartBot, bot_environment

pytestmark = pytest.mark.e2e
STRANGER_ID = 5555
WRONG_TOKEN = "654321:AAWrongSecretOfATestThatTelegramRejects"


async def test_status_card_over_telegram(botapi: FakeBotApi, start_bot: StartBot) -> None:
    """An admin asks for Trondheim 2015 and gets the card with sources, as valid Telegram HTML."""
    bot = await start_bot()
    botapi.send_text(ADMIN_ID, "status Trondheim 2015")
    (card,) = await botapi.wait_for(ADMIN_ID, 1)
    assert card["parse_mode"] == "HTML"
    for figure in (
        "Anmodning: 469¹",
        "Vedtak: 450¹",
        "Bosatt: 495²",
        "Per 10.12.2015: bosatt 398 + utsøkt 158 = 556¹",
    ):
        assert figure in card["text"]
    assert "Fremtidige integreringsutfordringer" in card["text"] and "per 31.12.2015" in card["text"]
    assert await bot.stop() == 0


async def test_a_burst_is_read_on_while_replies_are_on_their_way(
    botapi: FakeBotApi, start_bot: StartBot
) -> None:
    """Updates waiting behind one are handled while its reply is on its way: with Telegram's answers held, the
    bot has AT_ONCE replies out at once (one at a time would have one), no more; then everyone is answered, and a
    user's second question after their first."""
    await start_bot(ACCESS="open")
    users = [9100 + number for number in range(5)]
    botapi.hold("sendMessage")
    for user in users:
        botapi.send_text(user, "status Melhus 2015")
    botapi.send_text(users[0], "status Trondheim 2015")

    def replies_out() -> list[int]:
        return [params["chat_id"] for method, params in botapi.requests if method == "sendMessage"]

    await botapi.wait_until(lambda: len(replies_out()) == AT_ONCE)
    await asyncio.sleep(0.5)
    # the first users' cards (one at a time would have the first's, then its read timeout's apology)
    assert replies_out() == users[:AT_ONCE]
    botapi.release("sendMessage")
    for user in users[1:]:
        (card,) = await botapi.wait_for(user, 1)
        assert "Melhus" in card["text"]
    first, second = await botapi.wait_for(users[0], 2)
    assert "Melhus" in first["text"] and "Trondheim" in second["text"]


async def test_start_help_and_command_menus(botapi: FakeBotApi, start_bot: StartBot) -> None:
    """/start and /help answer; the command menu is registered in bokmål, nynorsk, English and by default."""
    await start_bot()
    botapi.send_text(ADMIN_ID, "/start", language_code="en")
    (welcome,) = await botapi.wait_for(ADMIN_ID, 1)
    assert welcome["text"].startswith("Hi!")
    botapi.send_text(ADMIN_ID, "/help")
    (help_text,) = await botapi.wait_for(ADMIN_ID, 1, after=1)
    assert "status Trondheim 2015" in help_text["text"]
    menus = {language for (_, language) in botapi.commands}
    assert {"nb", "nn", "en", ""} <= menus
    assert any(c["command"] == "status" for c in botapi.commands[("default", "nn")])


async def test_stranger_is_refused_and_ambiguous_place_gets_buttons(
    botapi: FakeBotApi, start_bot: StartBot
) -> None:
    """A stranger gets the refusal with the user id; Herøy gives two buttons, and a press answers."""
    await start_bot()
    botapi.send_text(STRANGER_ID, "status Trondheim 2015")
    (refusal,) = await botapi.wait_for(STRANGER_ID, 1)
    assert str(STRANGER_ID) in refusal["text"] and "469" not in refusal["text"]
    botapi.send_text(ADMIN_ID, "status Herøy 2015")
    (choice,) = await botapi.wait_for(ADMIN_ID, 1)
    buttons = [b for row in choice["reply_markup"]["inline_keyboard"] for b in row]
    assert [b["text"].split(" (")[0] for b in buttons] == ["Herøy", "Herøy"]
    botapi.press_button(ADMIN_ID, choice["message_id"], buttons[1]["callback_data"])
    (answer,) = await botapi.wait_for(ADMIN_ID, 1, after=1)
    assert "Herøy (Nordland)" in answer["text"]
    # The keyboard came in a JSON body, as the bot sends every request without files.
    assert {kind for method, kind in botapi.bodies if method == "sendMessage"} == {"application/json"}


async def test_series_comes_with_a_chart(botapi: FakeBotApi, start_bot: StartBot) -> None:
    """/history Trondheim sends the table and a PNG chart."""
    await start_bot()
    botapi.send_text(ADMIN_ID, "/history Trondheim")
    table, chart = await botapi.wait_for(ADMIN_ID, 2)
    assert "2006" in table["text"] and "740" in table["text"]
    assert chart["method"] == "sendPhoto" and chart["photo"].startswith(b"\x89PNG")
    assert ("sendPhoto", "multipart/form-data") in botapi.bodies  # a file still goes as multipart


async def test_token_never_logged(botapi: FakeBotApi, start_bot: StartBot) -> None:
    """The bot logs its work but never its token."""
    bot = await start_bot(LOG_LEVEL="DEBUG")
    botapi.send_text(ADMIN_ID, "status Melhus 2015")
    await botapi.wait_for(ADMIN_ID, 1)
    await bot.stop()
    assert "getUpdates" in bot.log or "Application started" in bot.log
    assert botapi.token not in bot.log and botapi.token.split(":")[1] not in bot.log


@pytest.mark.parametrize("command", [["run"], ["digest", "send"]], ids=["run", "digest-send"])
async def test_a_rejected_token_is_one_line_and_never_shown(
    botapi: FakeBotApi, sqlite_url: str, tmp_path: Path, command: list[str]
) -> None:
    """The Bot API answers 401: one clear line, exit code 2, and the token nowhere in what was printed."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *command,
        cwd=tmp_path,
        env=bot_environment(botapi, sqlite_url, TELEGRAM_BOT_TOKEN=WRONG_TOKEN),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=120)
    printed = (stdout + stderr).decode()
    assert process.returncode == 2, printed
    assert stderr.decode().splitlines()[-1] == f"error: {REJECTED_TOKEN}"
    assert WRONG_TOKEN.split(":")[1] not in printed and WRONG_TOKEN not in printed


SAMPLE = [c for c in CASES if not {"relative", "series", "ambiguous"} & set(c.tags) and not c.previous][::9]


async def test_question_sample_over_telegram(botapi: FakeBotApi, start_bot: StartBot) -> None:
    """A sample of the question corpus, asked over Telegram, shows the same figures as in the console."""
    await start_bot()
    assert len(SAMPLE) >= 15
    for number, case in enumerate(SAMPLE):
        botapi.send_text(ADMIN_ID, case.question, language_code=case.language)
        (reply,) = await botapi.wait_for(ADMIN_ID, 1, after=number)
        answer = plain(reply["text"])
        for figure in case.figures:
            assert re.search(rf"(?<!\d)(?<!\d ){re.escape(figure)}[{CITED}]", answer), (
                f"{case.question}: {figure} in\n{answer}"
            )
        for phrase in case.phrases:
            assert phrase in answer, f"{case.question}: {phrase!r} in\n{answer}"


async def test_admins_have_their_own_command_menu(botapi: FakeBotApi, start_bot: StartBot) -> None:
    """An admin's chat lists the admin commands too; /adduser and /removeuser change a user's menu."""
    botapi.send_text(ADMIN_ID, "/start")  # the admin's chat exists before the bot starts
    await start_bot()
    await botapi.wait_for(ADMIN_ID, 1)
    everyone = {c["command"] for c in botapi.commands[("default", "nb")]}
    admin_menu = {c["command"] for c in botapi.commands[(f"chat:{ADMIN_ID}", "nb")]}
    assert "status" in everyone and "set" not in everyone and "adduser" not in everyone
    assert {"status", "set", "undo", "adduser", "removeuser", "users", "deliveries"} <= admin_menu
    botapi.send_text(ADMIN_ID, "/help")
    (admin_help,) = await botapi.wait_for(ADMIN_ID, 1, after=1)
    assert "For administratorer" in admin_help["text"] and "/adduser" in admin_help["text"]

    botapi.send_text(STRANGER_ID, "hei")
    await botapi.wait_for(STRANGER_ID, 1)
    botapi.send_text(ADMIN_ID, f"/adduser {STRANGER_ID} admin")
    await botapi.wait_for(ADMIN_ID, 1, after=2)
    assert any(c["command"] == "set" for c in botapi.commands[(f"chat:{STRANGER_ID}", "en")])
    botapi.send_text(ADMIN_ID, f"/removeuser {STRANGER_ID}")
    await botapi.wait_for(ADMIN_ID, 1, after=3)
    assert not [key for key in botapi.commands if key[0] == f"chat:{STRANGER_ID}"]
    botapi.send_text(ADMIN_ID, "/adduser 999 admin")  # never wrote to the bot: no chat, no menu, no error
    (added,) = await botapi.wait_for(ADMIN_ID, 1, after=4)
    assert "999" in added["text"]
