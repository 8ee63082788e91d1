"""The change signal between replicas on PostgreSQL: LISTEN on a dedicated connection that reconnects.

Migration 0008's triggers NOTIFY at each commit: 'answers' when what answers rest on changed,
'subscription:<id>' when a subscription did.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from contextlib import suppress

import asyncpg
from sqlalchemy.engine import URL

CHANNEL = "bosettingsbot_changes"
ANSWERS = "answers"
SUBSCRIPTION = "subscription:"
PING_EVERY = 5.0  # seconds between checks that the listening connection still answers
PING_TIMEOUT = 5.0
RECONNECT_AFTER = 1.0  # seconds between attempts to listen again
APPLICATION_NAME = "bosettingsbot-listener"  # how the listening connection shows in pg_stat_activity

log = logging.getLogger(__name__)


def plain_dsn(url: URL) -> str:
    """The database URL as asyncpg takes it (without SQLAlchemy's driver name)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


class Listener:
    """Hears the change signal and passes each payload on; `on_listening` runs whenever listening (re)starts,
    since signals sent while no one listened are lost."""

    def __init__(self, url: URL, on_signal: Callable[[str], None], on_listening: Callable[[], None]) -> None:
        self.dsn = plain_dsn(url)
        self.on_signal = on_signal
        self.on_listening = on_listening
        self.failing = False  # whether the last attempt failed (an outage is logged once)

    async def run(self, closing: asyncio.Event) -> None:
        """Listen until closing; a connection that is lost or stops answering is made again."""
        while not closing.is_set():
            try:
                await self._listen(closing)
            except Exception:  # anything but cancellation: a dead listener would leave answers stale for good
                if not self.failing:
                    log.warning(
                        "cannot listen for other processes' changes; trying again quietly", exc_info=True
                    )
                self.failing = True
                await closed_within(closing, RECONNECT_AFTER)

    async def _listen(self, closing: asyncio.Event) -> None:
        """One connection: LISTEN, then check it answers every few seconds until closing or it is lost."""
        connection = await asyncpg.connect(self.dsn, server_settings={"application_name": APPLICATION_NAME})
        try:
            lost = asyncio.Event()
            connection.add_termination_listener(lambda _connection: lost.set())
            await connection.add_listener(CHANNEL, self._heard)
            self.on_listening()
            if self.failing:
                self.failing = False
                log.info("listening for other processes' changes again; what was held is forgotten")
            while not closing.is_set():
                with suppress(TimeoutError):
                    await asyncio.wait_for(_either(closing, lost), PING_EVERY)
                if lost.is_set():
                    raise ConnectionError("the listening connection was closed")
                await asyncio.wait_for(connection.fetchval("SELECT 1"), PING_TIMEOUT)
        finally:
            await _close(connection)

    def _heard(self, _connection: object, _pid: int, _channel: str, payload: str) -> None:
        """A notification: pass its payload on."""
        self.on_signal(payload)


async def closed_within(closing: asyncio.Event, seconds: float) -> bool:
    """Wait a few seconds, or less if closing is set meanwhile; whether it is set."""
    if not closing.is_set():
        with suppress(TimeoutError):
            await asyncio.wait_for(closing.wait(), seconds)
    return closing.is_set()


async def _either(*events: asyncio.Event) -> None:
    """Wait until any of the events is set."""
    waits = [asyncio.ensure_future(event.wait()) for event in events]
    try:
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for wait in waits:
            wait.cancel()


async def _close(connection: asyncpg.Connection) -> None:
    """Close a connection politely, or cut it if the server does not answer."""
    try:
        await asyncio.wait_for(connection.close(), PING_TIMEOUT)
    except Exception:  # a dead connection: nothing to be polite to
        connection.terminate()
