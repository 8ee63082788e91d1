"""IMDi's national long download (generated at its real size) uploaded through the real bot and the local Bot API."""

from __future__ import annotations

import asyncio

import pytest

from tests.botapi.server import FakeBotApi
from tests.conftest import ADMIN_ID, COORDINATOR_ID
from tests.e2e.conftest import StartBot
from tests.e2e.test_admin_e2e import save_button, sending_errors

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def stated(content: bytes, year: int, code: str, category: str) -> str:
    """What the generated file says of one municipality, year and category, in persons."""
    prefix = f"Personer;{year};{code};"
    rows = content.decode("iso-8859-1").splitlines()
    return next(row.rsplit(";", 1)[1] for row in rows if row.startswith(prefix) and category in row)


async def test_the_national_download_is_previewed_saved_and_answered(
    botapi: FakeBotApi, start_bot: StartBot, national_file: bytes
) -> None:
    """73 000 rows, 4.5 MB, ISO-8859-1: progress, one preview with the list, Save, then answers from 1995 on."""
    await start_bot()
    botapi.send_text(ADMIN_ID, f"/adduser {COORDINATOR_ID}")
    await botapi.wait_for(ADMIN_ID, 1)
    content = national_file
    loop = asyncio.get_running_loop()
    started = loop.time()
    botapi.send_document(ADMIN_ID, "bosetting.csv", content, mime_type="text/csv")
    reading, checking, listed, preview = await botapi.wait_for(ADMIN_ID, 4, after=1, timeout=120)
    previewed = loop.time() - started
    assert "Leser «bosetting.csv»" in reading["text"] and checking["method"] == "editMessageText"
    assert listed["method"] == "sendDocument" and listed["filename"] == "bosetting-problemer.csv"
    assert "ukjent kommunenummer «9999»" in preview["text"] and len(preview["text"]) < 4096
    assert "IMDis statistikk" in preview["text"] and "Lagre" in str(preview["reply_markup"])
    botapi.press_button(ADMIN_ID, preview["message_id"], save_button(preview))
    (saved,) = await botapi.wait_for(ADMIN_ID, 1, after=5, timeout=120)
    total = loop.time() - started
    assert "Lagret som endring #" in saved["text"]
    settled = stated(content, 1995, "1601", "Faktisk bosetting")
    botapi.send_text(COORDINATOR_ID, "bosatt Trondheim 1995")
    (answer,) = await botapi.wait_for(COORDINATOR_ID, 1, timeout=30)
    assert f"Bosatt: <b>{settled}</b>" in answer["text"], answer["text"]
    assert not sending_errors(botapi)
    print(f"national upload: preview after {previewed:.1f} s, saved after {total:.1f} s (incl. the press)")
