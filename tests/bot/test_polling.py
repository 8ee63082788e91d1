"""Long polling as `python -m bot run` starts it."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import SecretStr

from bot.__main__ import POLL_INTERVAL, UPDATES, run_bot
from bot.runtime import BotApplication
from bot.settings import Settings


def test_polling_waits_a_moment_before_asking_again(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The next getUpdates is made POLL_INTERVAL after an answer (its making then follows the reply), for the
    kinds of update the bot handles."""
    polled: list[dict[str, Any]] = []
    monkeypatch.setattr(BotApplication, "run_polling", lambda _self, **options: polled.append(options))
    run_bot(Settings(telegram_bot_token=SecretStr("123456:TEST"), database_url=sqlite_url))
    assert polled == [{"allowed_updates": UPDATES, "poll_interval": POLL_INTERVAL}]
    # a moment: an update within it waits no longer than one handled before it would
    assert 0 < POLL_INTERVAL <= 0.01
