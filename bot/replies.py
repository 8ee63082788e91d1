"""What the assistant sends back: HTML text, an optional chart, optional buttons; and what is still on its way."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field

Button = tuple[str, str]  # (label, callback data of at most 64 bytes)
Document = tuple[str, bytes]  # (file name, content)


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
    """What is still being sent to each chat after its update was handled (a chart after its table):
    the chat's next replies wait for it, other chats' do not."""

    def __init__(self) -> None:
        self.sending: dict[int, asyncio.Task[None]] = {}

    async def done(self, chat: int) -> None:
        """Wait until what is still being sent to the chat is out (its errors are its own task's)."""
        task = self.sending.get(chat)
        if task is not None:
            await asyncio.wait({task})

    def add(self, chat: int, task: asyncio.Task[None]) -> None:
        """The chat's replies that are now being sent (after what was before, which they waited for)."""
        self.sending[chat] = task
        task.add_done_callback(lambda _: self.sending.pop(chat) if self.sending.get(chat) is task else None)
