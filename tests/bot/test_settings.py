"""Settings: defaults, validation with one clear line, and no token in the logs."""

from __future__ import annotations

import json
import logging
import re

import pytest

from bot.logs import JsonLines, Redacting
from bot.settings import load_settings
from store.db import async_url


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    """With nothing set: SQLite under data/, Oslo time, no token."""
    for name in (
        "TELEGRAM_BOT_TOKEN",
        "DATABASE_URL",
        "ADMIN_IDS",
        "TIMEZONE",
        "LOG_LEVEL",
        "ACCESS",
        "OPS_CHAT_ID",
        "RETENTION_WEEKS",
        "IMDI_CSV_URL",
        "IMDI_REFRESH_AT",
        "WEBHOOK_URL",
        "WEBHOOK_SECRET",
        "METRICS_PORT",
        "LOG_FORMAT",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir("/")
    settings = load_settings()
    assert settings.telegram_bot_token is None
    assert settings.database_url.startswith("sqlite:///data/")
    assert settings.timezone == "Europe/Oslo" and settings.admin_ids == frozenset()
    assert settings.ops_chat_id is None and settings.retention_weeks == 26
    assert settings.imdi_csv_url == "" and settings.refresh_time.isoformat() == "05:30:00"
    assert settings.webhook_url == "" and settings.metrics_port is None and settings.log_format == "text"


@pytest.mark.parametrize(("value", "chat_id"), [("", None), ("-1001234567890", -1001234567890), ("42", 42)])
def test_ops_chat_id(monkeypatch: pytest.MonkeyPatch, value: str, chat_id: int | None) -> None:
    """OPS_CHAT_ID is a user's or a group's (negative) chat id; left empty, no chat is told of errors."""
    monkeypatch.chdir("/")
    monkeypatch.setenv("OPS_CHAT_ID", value)
    assert load_settings().ops_chat_id == chat_id


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("ADMIN_IDS", "12,abc", "ADMIN_IDS must be comma-separated numeric Telegram user ids"),
        ("ADMIN_IDS", "12,²", "ADMIN_IDS must be comma-separated numeric Telegram user ids"),
        ("ADMIN_IDS", "-12", "ADMIN_IDS must be comma-separated numeric Telegram user ids"),
        ("ADMIN_IDS", "99999999999999999999", "ADMIN_IDS must be comma-separated numeric Telegram user ids"),
        ("TIMEZONE", "Europe/Atlantis", "unknown time zone"),
        ("DATABASE_URL", "mysql://x/y", "DATABASE_URL must be sqlite:// or postgresql://"),
        ("LOG_LEVEL", "LOUD", "LOG_LEVEL must be one of"),
        ("ACCESS", "everyone", "ACCESS must be 'members' or 'open'"),
        ("OPS_CHAT_ID", "@ops", "OPS_CHAT_ID: Input should be a valid integer"),
        ("RETENTION_WEEKS", "0", "RETENTION_WEEKS: Input should be greater than or equal to 1"),
        ("RETENTION_WEEKS", "half a year", "RETENTION_WEEKS: Input should be a valid integer"),
    ],
)
def test_bad_settings_stop_with_one_line(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, message: str
) -> None:
    """A bad value stops the start with a single line naming the variable."""
    monkeypatch.chdir("/")
    monkeypatch.setenv(name, value)
    with pytest.raises(SystemExit) as stopped:
        load_settings()
    text = str(stopped.value)
    assert "\n" not in text and text.startswith("Bad settings:") and message in text


@pytest.mark.parametrize(
    ("plain", "driver"),
    [
        ("sqlite:///data/x.sqlite3", "sqlite+aiosqlite:///data/x.sqlite3"),
        ("postgresql://u:p@h/db", "postgresql+asyncpg://u:p@h/db"),
        ("postgres://u:p@h/db", "postgresql+asyncpg://u:p@h/db"),
    ],
)
def test_async_driver_is_chosen(plain: str, driver: str) -> None:
    """Plain URLs get their async driver."""
    assert async_url(plain) == driver


def test_the_token_is_hidden_in_messages_tracebacks_and_stacks() -> None:
    """Wherever a log record carries the token (message, traceback, stack), the output shows <token>."""
    try:
        raise ValueError("The token `123:SECRET` was rejected by the server.")
    except ValueError as error:
        rejected = error
    record = logging.LogRecord(
        "httpx",
        logging.INFO,
        __file__,
        1,
        "POST https://x/bot%s/getMe",
        ("123:SECRET",),
        (ValueError, rejected, rejected.__traceback__),
        sinfo="Stack (most recent call last):\n  token = 'SECRET'",
    )
    output = Redacting("123:SECRET").format(record)
    assert "POST https://x/bot<token>/getMe" in output
    assert "The token `<token>` was rejected" in output and "token = '<token>'" in output
    assert "SECRET" not in output


@pytest.mark.parametrize(
    ("name", "value", "said"),
    [
        ("IMDI_CSV_URL", "ftp://imdi.no/bosetting.csv", "IMDI_CSV_URL must be an http"),
        ("IMDI_REFRESH_AT", "25:99", "IMDI_REFRESH_AT must be a time of day"),
    ],
)
def test_the_refresh_settings_are_checked(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, said: str
) -> None:
    """A refresh address that is not http(s) or a time that is none stops the start with one line."""
    monkeypatch.chdir("/")
    monkeypatch.setenv(name, value)
    with pytest.raises(SystemExit, match=said):
        load_settings()


@pytest.mark.parametrize(
    ("variables", "said"),
    [
        (
            {"WEBHOOK_URL": "https://bot.example.no/telegram"},
            "WEBHOOK_SECRET must be set when WEBHOOK_URL is",
        ),
        (
            {"WEBHOOK_URL": "bot.example.no/telegram", "WEBHOOK_SECRET": "s"},
            "WEBHOOK_URL must be an https://",
        ),
        (
            {"WEBHOOK_URL": "https://b/t", "WEBHOOK_SECRET": "with space"},
            "WEBHOOK_SECRET: WEBHOOK_SECRET must be",
        ),
        ({"WEBHOOK_PORT": "70000"}, "WEBHOOK_PORT"),
        ({"LOG_FORMAT": "xml"}, "LOG_FORMAT must be 'text' or 'json'"),
    ],
    ids=["no-secret", "no-scheme", "bad-secret", "port", "log-format"],
)
def test_the_webhook_and_log_settings_are_checked(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], said: str
) -> None:
    """A webhook without its secret (anyone could post updates), or malformed, stops the start with one line."""
    monkeypatch.chdir("/")
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SystemExit, match=re.escape(said)):
        load_settings()


def test_the_webhook_path_is_that_of_its_url(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bot serves the path Telegram's posts come to after the proxy."""
    monkeypatch.chdir("/")
    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.no/telegram/hook")
    monkeypatch.setenv("WEBHOOK_SECRET", "abc_DEF-123")
    assert load_settings().webhook_path == "/telegram/hook"


def test_json_lines_carry_the_update_fields_and_hide_the_secrets() -> None:
    """One JSON object on one line, the update's fields from `extra`, the traceback inside, no token or secret."""
    try:
        raise ValueError("posted with s3cret-webhook to bot123:SECRET")
    except ValueError as error:
        failed = error
    record = logging.LogRecord(
        "bot.runtime", logging.ERROR, __file__, 1, "update %s failed", (7,), (ValueError, failed, None)
    )
    record.update_id, record.latency_ms = 7, 12.5
    line = JsonLines("123:SECRET", "s3cret-webhook").format(record)
    entry = json.loads(line)
    assert "\n" not in line and entry["message"] == "update 7 failed" and entry["level"] == "ERROR"
    assert entry["update_id"] == 7 and entry["latency_ms"] == 12.5 and "chat_id" not in entry
    assert "ValueError: posted with <token> to bot<token>" in entry["exception"]
    assert "SECRET" not in line and "s3cret" not in line
