"""What the assistant sends back: HTML text, an optional chart, optional buttons; and what is still on its way."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from store.models import Place

Button = tuple[str, str]  # (label, callback data of at most 64 bytes)
Document = tuple[str, bytes]  # (file name, content)
AT_ONCE = 2  # queued sends on their way together (see StillSending)


@dataclass
class Reply:
    """One message: Telegram HTML text, optionally a PNG chart or a document, and rows of buttons.

    A chart may be left to `draw` until it is sent, so that the text before it goes out first.
    """

    text: str
    photo: bytes | None = None
    buttons: list[list[Button]] = field(default_factory=list)
    document: Document | None = None
    draw: Callable[[], bytes] | None = field(default=None, repr=False)
    ranked_first: Place | None = None  # the place a ranking put first: 'that municipality' in a follow-up

    @property
    def has_picture(self) -> bool:
        """Whether this reply is a picture (drawn or still to be drawn)."""
        return self.photo is not None or self.draw is not None

    def picture(self) -> bytes | None:
        """The PNG: as given, or drawn now (once; a cached answer keeps it)."""
        draw = self.draw  # read once: another thread may draw the same cached reply meanwhile
        if self.photo is None and draw is not None:
            self.photo, self.draw = draw(), None
        return self.photo

    async def drawn(self) -> bytes | None:
        """The PNG as picture() gives it, drawn in a worker thread: other updates go on meanwhile."""
        return self.photo if self.draw is None else await asyncio.to_thread(self.picture)


class StillSending:
    """What is still being sent to each chat after its update was handled (a chart after its table, a burst's
    replies): the chat's next replies wait for it, other chats' do not.

    At most `at_once` queued sends are on their way together: more would wait in the HTTP client's pool of
    connections, whose bookkeeping costs more than the overlap gains (measured: 2 at once best on 2 cores).
    """

    def __init__(self, at_once: int = AT_ONCE) -> None:
        self.sending: dict[int, asyncio.Task[None]] = {}
        self.places = asyncio.Semaphore(at_once)

    async def done(self, chat: int) -> None:
        """Wait until what is still being sent to the chat is out (its errors are its own task's)."""
        task = self.sending.get(chat)
        if task is not None:
            await asyncio.wait({task})

    def add(self, chat: int, task: asyncio.Task[None]) -> None:
        """The chat's replies that are now being sent (after what was before, which they waited for)."""
        self.sending[chat] = task
        task.add_done_callback(lambda _: self.sending.pop(chat) if self.sending.get(chat) is task else None)

    async def queue(
        self,
        chat: int,
        send: Callable[[], Awaitable[None]],
        start: Callable[[Coroutine[Any, Any, None]], asyncio.Task[None]],
    ) -> None:
        """Send to the chat after what it is still being sent, in a task `start` makes, once fewer than `at_once`
        queued sends are on their way (waiting here until then)."""
        await self.places.acquire()
        previous = self.sending.get(chat)  # taken now: once added, the chat's entry is this send's own task

        async def in_turn() -> None:
            """The chat's previous sends out, then this one; its place given back either way."""
            try:
                if previous is not None:
                    await asyncio.wait({previous})
                await send()
            finally:
                self.places.release()

        self.add(chat, start(in_turn()))
