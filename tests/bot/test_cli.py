"""`python -m bot` as a subprocess: expected problems in one line with exit code 2, bugs with their traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[2]
# A bug inside the reader: a ValueError it never means to raise (the CLI once turned any into one line).
BUG = """
import os, runpy, sys, store.reading
def read_upload(*args, **kwargs):
    raise ValueError("a bug in the reader" + os.environ.get("SHOWN", ""))
store.reading.read_upload = read_upload
sys.argv = ["bot", *sys.argv[1:]]
runpy.run_module("bot", run_name="__main__", alter_sys=True)
"""


def bot(
    folder: Path, *arguments: str, code: str | None = None, **settings: str
) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot …` (or the code given, with the same arguments) in a folder; what it printed."""
    program = ["-c", code] if code else ["-m", "bot"]
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(ROOT)} | settings
    return subprocess.run(
        [sys.executable, *program, *arguments],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A working folder with a broken xlsx, a text file and a sub-folder."""
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 this is no zip archive")
    (tmp_path / "notes.txt").write_text("Trondheim 2015: 495\n")
    (tmp_path / "folder.csv").mkdir()
    return tmp_path


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["import", "missing.csv"], "error: missing.csv: No such file or directory"),
        (["import", "folder.csv"], "error: folder.csv: Is a directory"),
        (["import", "notes.txt"], "error: notes.txt: no known heading row found"),
        (["export", "figures.txt"], "error: export writes .csv or .xlsx, not .txt"),
        (["export", "missing/figures.csv"], "error: missing/figures.csv: "),
        (["digest", "send"], "error: digest send needs TELEGRAM_BOT_TOKEN"),
    ],
    ids=["missing-file", "directory", "refused-file", "export-ending", "export-folder", "no-token"],
)
def test_expected_problems_are_one_line(
    folder: Path, sqlite_url: str, arguments: list[str], message: str
) -> None:
    """A wrong file or a missing setting: one line on standard error, exit code 2, no traceback."""
    done = bot(folder, *arguments, DATABASE_URL=sqlite_url)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(message) and len(done.stderr.splitlines()) == 1, done.stderr


def test_a_broken_xlsx_is_reported_with_its_cause_logged(folder: Path, sqlite_url: str) -> None:
    """The user reads what is wrong; the log shows what the reader tripped on."""
    done = bot(folder, "import", "broken.xlsx", DATABASE_URL=sqlite_url)
    assert done.returncode == 2
    assert "error: broken.xlsx: the spreadsheet cannot be opened (broken xlsx file)" in done.stderr
    assert "broken.xlsx could not be read" in done.stderr and "zipfile.BadZipFile" in done.stderr


def test_bad_settings_stop_with_one_line(folder: Path) -> None:
    """A bad setting names the variable; nothing runs."""
    done = bot(folder, "migrate", ADMIN_IDS="12,abc")
    assert done.returncode == 1
    assert (
        done.stderr.strip()
        == "Bad settings: ADMIN_IDS: ADMIN_IDS must be comma-separated numeric Telegram user ids"
        " (positive, below 2**52)"
    )


def test_an_unreachable_database_is_one_line(folder: Path) -> None:
    """Nothing listens on the database's port: one line naming the database."""
    done = bot(folder, "migrate", DATABASE_URL="postgresql://bot:secret@127.0.0.1:1/bosetting")
    assert done.returncode == 2
    assert done.stderr.startswith("error: the database cannot be reached: ") and done.stderr.count("\n") == 1


def test_an_unreachable_bot_api_is_one_line(folder: Path, sqlite_url: str) -> None:
    """digest send with nothing listening at the Bot API address: one line, before any digest is composed."""
    done = bot(
        folder,
        "digest",
        "send",
        DATABASE_URL=sqlite_url,
        TELEGRAM_BOT_TOKEN="123456:TEST",
        TELEGRAM_BASE_URL="http://127.0.0.1:1/bot",
    )
    assert done.returncode == 2
    assert done.stderr.startswith("error: the Bot API cannot be used: ") and done.stderr.count("\n") == 1


def test_an_unexpected_error_raises_with_its_traceback(folder: Path, sqlite_url: str) -> None:
    """A bug is not dressed up as a user's mistake: its traceback and exit code 1."""
    (folder / "imdi.csv").write_text("Kommune;År\n")
    done = bot(folder, "import", "imdi.csv", code=BUG, DATABASE_URL=sqlite_url)
    assert done.returncode == 1
    assert "Traceback (most recent call last)" in done.stderr
    assert done.stderr.rstrip().endswith("ValueError: a bug in the reader")
    assert "error: " not in done.stderr


def test_a_traceback_never_shows_the_token(folder: Path, sqlite_url: str) -> None:
    """A bug whose message holds the token: the traceback at exit shows <token> instead."""
    (folder / "imdi.csv").write_text("Kommune;År\n")
    token = "123456:AASecretPartOfTheToken"
    done = bot(
        folder,
        "import",
        "imdi.csv",
        code=BUG,
        DATABASE_URL=sqlite_url,
        TELEGRAM_BOT_TOKEN=token,
        SHOWN=f" called with {token}",
    )
    assert done.returncode == 1
    assert done.stderr.rstrip().endswith("ValueError: a bug in the reader called with <token>")
    assert "AASecretPartOfTheToken" not in done.stderr + done.stdout


@pytest.mark.slow
def test_the_national_imdi_download_imports_from_the_command_line(
    folder: Path, sqlite_url: str, national_file: bytes
) -> None:
    """IMDi's national long CSV (generated at its size): previewed and applied with --yes."""
    (folder / "bosetting.csv").write_bytes(national_file)
    done = bot(folder, "import", "bosetting.csv", "--yes", DATABASE_URL=sqlite_url)
    assert done.returncode == 0, done.stderr
    assert "IMDi's statistics" in done.stdout and "import: applied as change #" in done.stdout
    assert "unknown municipality number «9999»" in done.stdout


def figure_total(url: str) -> tuple[int, int]:
    """How many statements an SQLite database holds, and the sum of their values."""
    with closing(sqlite3.connect(make_url(url).database or "")) as database:
        count, total = database.execute("SELECT count(*), coalesce(sum(value), 0) FROM figure").fetchone()
    return int(count), int(total)


def test_backup_then_restore_brings_the_database_back(folder: Path, sqlite_url: str) -> None:
    """A backup holds the database as it was; restoring it undoes what changed since; a file that is no backup is
    refused and changes nothing."""
    seeded = figure_total(sqlite_url)
    done = bot(folder, "backup", "kopi.sqlite3", DATABASE_URL=sqlite_url)
    assert done.returncode == 0 and "backup: the database copied to kopi.sqlite3" in done.stdout, done.stderr
    assert figure_total(f"sqlite:///{folder / 'kopi.sqlite3'}") == seeded
    with closing(sqlite3.connect(make_url(sqlite_url).database or "")) as database, database:
        database.execute("UPDATE figure SET value = 0")
    assert figure_total(sqlite_url) != seeded

    refused = bot(folder, "restore", "notes.txt", DATABASE_URL=sqlite_url)
    assert refused.returncode == 2 and refused.stderr.startswith("error: notes.txt: not a backup"), (
        refused.stderr
    )
    assert figure_total(sqlite_url)[1] == 0
    done = bot(folder, "restore", "kopi.sqlite3", DATABASE_URL=sqlite_url)
    assert done.returncode == 0 and "restore: the database replaced with kopi.sqlite3" in done.stdout, (
        done.stderr
    )
    assert figure_total(sqlite_url) == seeded
    # The backup is one file: read for the restore, it left no write-ahead log's -wal and -shm beside it.
    assert sorted(path.name for path in folder.glob("kopi.sqlite3*")) == ["kopi.sqlite3"]


def test_backup_of_postgresql_says_to_use_pg_dump(folder: Path) -> None:
    """PostgreSQL has its own tools: one line naming them, nothing connected to."""
    done = bot(folder, "backup", "kopi.sqlite3", DATABASE_URL="postgresql://bot:secret@127.0.0.1:1/bosetting")
    assert done.returncode == 2
    assert (
        done.stderr == "error: backup and restore are for SQLite; on PostgreSQL use pg_dump and pg_restore\n"
    )
