"""Admin uploads through the real bot process and the local Bot API server."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.botapi.server import SENDING, FakeBotApi
from tests.conftest import ADMIN_ID, COORDINATOR_ID
from tests.e2e.conftest import StartBot
from tests.uploads import bad_files, big_table, csv_bytes, imdi_csv, municipality_names, seed_table

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


def sending_errors(botapi: FakeBotApi) -> list[tuple[str, int, str]]:
    """Errors the server answered to messages (command menus of users who never wrote are no messages)."""
    return [error for error in botapi.errors if error[0] in SENDING]


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
    """Two presses of one Save button: one change saved, the second press told which, no error."""
    await start_bot()
    botapi.send_text(ADMIN_ID, "/set Trondheim 2015 bosatt 410")
    (preview,) = await botapi.wait_for(ADMIN_ID, 1)
    botapi.press_button(ADMIN_ID, preview["message_id"], save_button(preview))
    botapi.press_button(ADMIN_ID, preview["message_id"], save_button(preview))
    answers = await botapi.wait_for(ADMIN_ID, 2, after=1, timeout=20)
    # Saving runs beside later updates, so the second press may be answered first.
    saved, again = sorted(answers, key=lambda m: "Lagret som endring #" not in m["text"])
    assert "Lagret som endring #" in saved["text"]
    change = saved["text"].split("#", 1)[1].split(":", 1)[0]
    assert f"allerede lagret som endring #{change}." in again["text"], again["text"]
    botapi.send_text(ADMIN_ID, "/changes")
    (changes,) = await botapi.wait_for(ADMIN_ID, 1, after=3)
    assert changes["text"].count("Trondheim") == 1


async def test_an_implausible_value_is_refused_and_answers_keep_working(
    botapi: FakeBotApi, start_bot: StartBot
) -> None:
    """/set … 1e308 is refused with its reason and no Save button; status and rankings still answer."""
    await start_bot()
    botapi.send_text(ADMIN_ID, "/set Melhus 2015 bosatt 1e308")
    (refused,) = await botapi.wait_for(ADMIN_ID, 1)
    assert "«1e308» er urimelig stort" in refused["text"] and not refused.get("reply_markup")
    botapi.send_text(ADMIN_ID, "status Melhus 2015")
    botapi.send_text(ADMIN_ID, "hvilken kommune i Trondheimsregionen er lengst bak vedtaket i 2015?")
    status, ranking = await botapi.wait_for(ADMIN_ID, 2, after=1, timeout=20)
    assert "Melhus" in status["text"] and "Bosatt" in status["text"]
    assert "Bosatt av vedtaket 2015" in ranking["text"] and not sending_errors(botapi)


async def test_a_heading_with_an_impossible_year_blocks_the_upload_naming_it(
    botapi: FakeBotApi, start_bot: StartBot
) -> None:
    """«Anmodning 1900» is not stored under the caption's year: the preview names the heading, without Save."""
    await start_bot()
    content = csv_bytes(["Bosettingssituasjon pr 10.12.2015", "Kommune;Anmodning 1900", "Melhus;40"])
    botapi.send_document(ADMIN_ID, "anmodning.csv", content, mime_type="text/csv")
    *_, listed, preview = await botapi.wait_for(ADMIN_ID, 4, timeout=20)
    assert "kolonnen «Anmodning 1900» gjelder året 1900, som er umulig" in preview["text"]
    assert not preview.get("reply_markup") and listed["method"] == "sendDocument"
    assert b"Anmodning 1900" in listed["document"]


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ("bad-crc", "regnearket er skadet"),
        ("lying-sizes", "regnearket er et utrygt arkiv"),
        ("cell-9-mb-xlsx", "cellen B3 har mer enn 2000 tegn"),
    ],
)
async def test_damaged_lying_and_oversized_files_are_named(
    botapi: FakeBotApi, start_bot: StartBot, bad: str, reason: str
) -> None:
    """Each is refused with its own reason, not the generic «something went wrong»."""
    await start_bot()
    file = next(b for b in bad_files() if b.name == bad)
    botapi.send_document(ADMIN_ID, file.filename, file.content)
    _, refused = await botapi.wait_for(ADMIN_ID, 2, timeout=30)
    assert reason in refused["text"] and "Ingenting er endret" in refused["text"]


@pytest.fixture(scope="session")
def big_sheet(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The attack's 45 000 × 60 sheet of mostly bad rows, made once per test run."""
    path = tmp_path_factory.mktemp("big") / "big.xlsx"
    path.write_bytes(big_table(municipality_names()))
    return path.read_bytes()


def peak_memory(pid: int) -> float:
    """A running process's peak resident memory in MiB (VmHWM from /proc)."""
    status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))) / 1024


@pytest.mark.slow
async def test_a_huge_file_of_bad_rows_is_one_message_and_others_are_answered_meanwhile(
    botapi: FakeBotApi, start_bot: StartBot, big_sheet: bytes
) -> None:
    """45 000 × 60 cells: a coordinator is answered while it is read and checked; the preview is one
    message with each kind of error once, the full list a document; the bot stays within a few hundred MB."""
    bot = await start_bot()
    botapi.send_text(ADMIN_ID, f"/adduser {COORDINATOR_ID}")
    await botapi.wait_for(ADMIN_ID, 1)
    botapi.send_document(ADMIN_ID, "stor.xlsx", big_sheet)
    (reading,) = await botapi.wait_for(ADMIN_ID, 1, after=1, timeout=60)
    assert "Leser «stor.xlsx»" in reading["text"]
    loop = asyncio.get_running_loop()
    asked = loop.time()
    botapi.send_text(COORDINATOR_ID, "status Trondheim 2015")
    (answer,) = await botapi.wait_for(COORDINATOR_ID, 1, timeout=60)
    waited = loop.time() - asked
    assert "Trondheim" in answer["text"] and waited < 30, waited
    *steps, listed, preview = await botapi.wait_for(ADMIN_ID, 4, after=1, timeout=1200)
    assert botapi.sent.index(answer) < botapi.sent.index(preview)  # answered before the file was done
    assert [s["method"] for s in steps] == ["sendMessage", "editMessageText"]
    assert "rad 3, 6, 9, 12, 15 og 14 995 til i «Vedtak 2026»: «mange» er ikke et tall" in preview["text"]
    assert len(preview["text"]) < 4096 and not preview.get("reply_markup")
    assert listed["method"] == "sendDocument" and listed["filename"] == "stor-problemer.csv"
    await asyncio.sleep(1)
    assert len(botapi.messages_to(ADMIN_ID)) == 5 and not sending_errors(botapi)
    peak = peak_memory(bot.process.pid)
    await bot.stop()
    print(f"peak memory of the bot process: {peak:.0f} MiB; coordinator answered in {waited:.2f} s")
    assert peak < 600
