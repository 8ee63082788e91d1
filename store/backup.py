"""Backing up and restoring the SQLite database file with SQLite's online backup API (PostgreSQL: pg_dump)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy.engine import make_url

from store.db import sqlite_file

PART = ".part"  # a backup is written beside its file under this suffix, then renamed: never half a file


class BackupRefused(Exception):
    """A backup or restore that cannot be done: the reason, for one line on standard error."""


def database_file(url: str) -> Path:
    """The SQLite database's file, or BackupRefused for PostgreSQL or an in-memory database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise BackupRefused("backup and restore are for SQLite; on PostgreSQL use pg_dump and pg_restore")
    file = sqlite_file(parsed)
    if file is None:
        raise BackupRefused("an in-memory database has no file to back up")
    return file


def backup(url: str, target: Path) -> None:
    """Copy the database, consistent even while the bot writes to it, into a file (replaced whole)."""
    source = database_file(url)
    if not source.is_file():
        raise BackupRefused(f"{source}: no database there")
    part = target.with_name(target.name + PART)
    part.unlink(missing_ok=True)
    copy(source, part)
    part.replace(target)


def restore(source: Path, url: str) -> None:
    """Copy a backup into the database (its earlier content replaced), once it proves to be one of this bot's."""
    target = database_file(url)
    check_backup(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    copy(source, target)


def copy(source: Path, target: Path) -> None:
    """Copy one SQLite database into another, page by page, under SQLite's locks (its online backup API).

    The copy is one file, without the bot's write-ahead log: opened read-only (a restore's check) it leaves no
    `-wal` and `-shm` files beside it; the bot's engine turns the log on again at its first connection."""
    with closing(read_only(source)) as origin, closing(sqlite3.connect(target)) as destination:
        origin.backup(destination)
        destination.execute("PRAGMA journal_mode=DELETE")


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def check_backup(path: Path) -> None:
    """BackupRefused unless the file is a sound SQLite database with this bot's schema (Alembic's version)."""
    if not path.is_file():
        raise BackupRefused(f"{path}: no such file")
    try:
        with closing(read_only(path)) as candidate:
            sound = candidate.execute("PRAGMA quick_check").fetchone() == ("ok",)
            ours = candidate.execute("SELECT version_num FROM alembic_version").fetchone() is not None
    except sqlite3.DatabaseError as error:
        raise BackupRefused(f"{path}: not a backup of this bot's database ({error})") from error
    if not (sound and ours):
        raise BackupRefused(f"{path}: not a sound backup of this bot's database")
