"""The console chat: the status card with every figure's source and date."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from bot.assistant import Assistant
from bot.caller import Caller
from bot.console import ConsoleChat

ROOT = Path(__file__).resolve().parents[2]


async def test_status_card_for_trondheim_2015(assistant: Assistant, admin: Caller) -> None:
    """Request 469, decision 450, settled 495 for the year, and the 10.12.2015 status, each sourced."""
    output = io.StringIO()
    await ConsoleChat(assistant, admin, output=output).run(io.StringIO("status Trondheim 2015\n"))
    card = output.getvalue()
    assert "Anmodning: 469¹" in card
    assert "Vedtak: 450¹" in card
    assert "Bosatt: 495²" in card
    assert "Per 10.12.2015: bosatt 398 + utsøkt 158 = 556¹" in card
    assert "¹ Fremtidige integreringsutfordringer" in card and "per 10.12.2015" in card
    assert "² Flyktningesituasjonen i Trondheim" in card and "per 31.12.2015" in card


async def test_a_number_chooses_a_button(assistant: Assistant, admin: Caller) -> None:
    """An ambiguous place lists numbered choices; typing the number answers for that place."""
    output = io.StringIO()
    await ConsoleChat(assistant, admin, output=output).run(io.StringIO("status Herøy 2015\n2\n"))
    lines = output.getvalue()
    assert "[1] Herøy (Møre og Romsdal)" in lines and "[2] Herøy (Nordland)" in lines
    assert "Herøy (Nordland) (kommune) finnes i registeret, men jeg har ingen tall for stedet." in lines


async def test_language_switches_the_console(assistant: Assistant, admin: Caller) -> None:
    """/language en in the console makes the next answer English, /language nn the one after nynorsk."""
    output = io.StringIO()
    questions = "/language en\nstatus Melhus 2015\n/language nn\nstatus Melhus 2015\n"
    await ConsoleChat(assistant, admin, output=output).run(io.StringIO(questions))
    english, nynorsk = output.getvalue().split("Eg svarar no på nynorsk.")
    assert "Request: 56¹" in english and "Oppmoding: 56¹" in nynorsk


def test_make_run_console_answers_from_a_pipe(tmp_path: Path) -> None:
    """`python -m bot run` without a token answers piped input and ends at the end of input."""
    env = {
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "TELEGRAM_BOT_TOKEN": "",
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        input="status Trondheim 2015\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env | {"PYTHONPATH": str(ROOT)},
        timeout=120,
        check=True,
    )
    assert "Anmodning: 469" in done.stdout and "Bosatt: 495" in done.stdout
    assert (tmp_path / "db.sqlite3").exists()
