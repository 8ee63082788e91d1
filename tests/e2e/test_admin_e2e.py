"""Admin uploads through the real bot process and the local Bot API server."""

from __future__ import annotations

import pytest

from tests.botapi.server import FakeBotApi
from tests.conftest import ADMIN_ID, COORDINATOR_ID
from tests.e2e.conftest import StartBot
from tests.uploads import imdi_csv, seed_table

pytestmark = pytest.mark.e2e
STRANGER_ID = 5555


def save_button(message: dict[str, object]) -> str:
    """The callback data of the Save button under a preview."""
    markup = message["reply_markup"]
    assert isinstance(markup, dict)
    return next(
        str(b["callback_data"])
        for row in markup["inline_keyboard"]
        for b in row
        if b["callback_data"].endswith(":yes")
    )


async def test_admin_upload_preview_confirm_then_coordinator_sees_the_figure(
    botapi: FakeBotApi, start_bot: StartBot
) -> None:
    """Upload → progress message edited → preview with buttons → Save → a coordinator's answer shows it."""
    await start_bot()
    botapi.send_text(ADMIN_ID, f"/adduser {COORDINATOR_ID}")
    await botapi.wait_for(ADMIN_ID, 1)
    content = imdi_csv(
        ["5001;Trondheim;Faktisk bosetting;Personer;2015;497", "5028;Melhus;Anmodning;Personer;2026;31"]
    )
    botapi.send_document(ADMIN_ID, "imdi.csv", content, mime_type="text/csv")
    progress, edited, preview = await botapi.wait_for(ADMIN_ID, 3, after=1, timeout=20)
    assert "Leser «imdi.csv»" in progress["text"]
    assert edited["method"] == "editMessageText" and "Sjekker 2 tall" in edited["text"]
    assert "1 nye, 1 endret" in preview["text"] and "495 → 497" in preview["text"]
    botapi.send_text(COORDINATOR_ID, "status Trondheim 2015")
    (before,) = await botapi.wait_for(COORDINATOR_ID, 1)
    assert "Bosatt: 495" in before["text"]
    botapi.press_button(ADMIN_ID, preview["message_id"], save_button(preview))
    (saved,) = await botapi.wait_for(ADMIN_ID, 1, after=4, timeout=20)
    assert "Lagret som endring #" in saved["text"]
    shown = botapi.message(ADMIN_ID, preview["message_id"])
    assert shown is not None and "reply_markup" not in shown  # no second press on Save
    botapi.send_text(COORDINATOR_ID, "status Trondheim 2015")
    (after,) = await botapi.wait_for(COORDINATOR_ID, 1, after=1)
    assert "Bosatt: 497" in after["text"]


async def test_non_admin_uploads_are_refused_and_never_fetched(
    botapi: FakeBotApi, start_bot: StartBot
) -> None:
    """A coordinator's and a stranger's files are refused; the bot never downloads them."""
    await start_bot()
    botapi.send_text(ADMIN_ID, f"/adduser {COORDINATOR_ID}")
    await botapi.wait_for(ADMIN_ID, 1)
    botapi.send_document(COORDINATOR_ID, "status.xlsx", seed_table())
    (refused,) = await botapi.wait_for(COORDINATOR_ID, 1)
    assert "Bare administratorer" in refused["text"]
    botapi.send_document(STRANGER_ID, "status.xlsx", seed_table())
    (stranger,) = await botapi.wait_for(STRANGER_ID, 1)
    assert str(STRANGER_ID) in stranger["text"]
    assert not [method for method, _ in botapi.requests if method == "getFile"]


async def test_export_document_sent_back_changes_nothing(botapi: FakeBotApi, start_bot: StartBot) -> None:
    """/export sends an xlsx document; uploading it again previews no changes and offers no Save."""
    await start_bot()
    botapi.send_text(ADMIN_ID, "/export")
    (document,) = await botapi.wait_for(ADMIN_ID, 1, timeout=20)
    assert document["method"] == "sendDocument" and document["filename"].endswith(".xlsx")
    assert document["document"][:2] == b"PK"
    botapi.send_document(ADMIN_ID, document["filename"], document["document"])
    *_, preview = await botapi.wait_for(ADMIN_ID, 3, after=1, timeout=20)
    assert "0 nye, 0 endret" in preview["text"] and not preview.get("reply_markup")


async def test_a_double_tap_on_save_saves_once(botapi: FakeBotApi, start_bot: StartBot) -> None:
    """Two presses of one Save button: one change saved, the second press told so, no error."""
    await start_bot()
    botapi.send_text(ADMIN_ID, "/set Trondheim 2015 bosatt 410")
    (preview,) = await botapi.wait_for(ADMIN_ID, 1)
    botapi.press_button(ADMIN_ID, preview["message_id"], save_button(preview))
    botapi.press_button(ADMIN_ID, preview["message_id"], save_button(preview))
    answers = await botapi.wait_for(ADMIN_ID, 2, after=1, timeout=20)
    # Saving runs beside later updates, so the second press may be answered first.
    saved, again = sorted(answers, key=lambda m: "Lagret som endring #" not in m["text"])
    assert "Lagret som endring #" in saved["text"]
    assert "allerede brukt" in again["text"]
    botapi.send_text(ADMIN_ID, "/changes")
    (changes,) = await botapi.wait_for(ADMIN_ID, 1, after=3)
    assert changes["text"].count("Trondheim") == 1
