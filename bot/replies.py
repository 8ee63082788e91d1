"""What the assistant sends back: HTML text, an optional chart, optional buttons."""

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
