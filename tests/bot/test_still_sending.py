"""StillSending's queue: a burst's replies sent by tasks, a bounded number on their way, each chat's in order."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from bot.replies import StillSending


class Sends:
    """Sends that each wait until the test lets them go, recording when they start and end."""

    def __init__(self) -> None:
        self.events: list[str] = []
        self.go: dict[str, asyncio.Event] = {}

    def of(self, name: str, *, fails: bool = False) -> Callable[[], Awaitable[None]]:
        """What StillSending.queue is given for a send named `name`; `go[name]` lets it end."""
        go = self.go[name] = asyncio.Event()

        async def sending() -> None:
            self.events.append(f"{name} starts")
            await go.wait()
            self.events.append(f"{name} ends")
            if fails:
                raise ConnectionError(name)

        return sending


async def settled() -> None:
    """Let every task that can run, run."""
    for _ in range(10):
        await asyncio.sleep(0)


async def test_at_most_the_places_are_on_their_way_and_the_next_waits_for_one() -> None:
    """With two places, a third chat's send waits in `queue` until one of the two is out."""
    still, sends = StillSending(at_once=2), Sends()
    await still.queue(1, sends.of("a"), asyncio.create_task)
    await still.queue(2, sends.of("b"), asyncio.create_task)
    third = asyncio.create_task(still.queue(3, sends.of("c"), asyncio.create_task))
    await settled()
    assert sends.events == ["a starts", "b starts"] and not third.done()
    sends.go["b"].set()
    await third
    await settled()
    assert sends.events == ["a starts", "b starts", "b ends", "c starts"]
    sends.go["a"].set()
    sends.go["c"].set()
    await asyncio.gather(*still.sending.values())
    assert not still.sending


async def test_a_chats_sends_keep_their_order_and_another_chat_goes_on() -> None:
    """The chat's second send starts only once its first is out; another chat's is not held up by either."""
    still, sends = StillSending(at_once=3), Sends()
    await still.queue(1, sends.of("first"), asyncio.create_task)
    await still.queue(1, sends.of("second"), asyncio.create_task)
    await still.queue(2, sends.of("other"), asyncio.create_task)
    await settled()
    assert sends.events == ["first starts", "other starts"]
    sends.go["second"].set()
    sends.go["other"].set()
    await settled()
    assert "second starts" not in sends.events and "other ends" in sends.events
    sends.go["first"].set()
    await still.sending[1]
    assert sends.events.index("first ends") < sends.events.index("second starts")
    await still.done(1)  # what the chat's next inline reply waits for
    assert not still.sending


async def test_a_failed_send_gives_its_place_back() -> None:
    """A send that raises still frees its place: the next one starts, and the error stays its task's."""
    still, sends = StillSending(at_once=1), Sends()
    await still.queue(1, sends.of("fails", fails=True), asyncio.create_task)
    failing = still.sending[1]
    sends.go["fails"].set()
    with pytest.raises(ConnectionError):
        await failing
    await asyncio.wait_for(still.queue(2, sends.of("next"), asyncio.create_task), timeout=1)
    sends.go["next"].set()
    await still.sending[2]
    assert sends.events[-1] == "next ends"
