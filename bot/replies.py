"""What the assistant sends back: HTML text, an optional chart, optional buttons."""

from __future__ import annotations

from dataclasses import dataclass, field

Button = tuple[str, str]  # (label, callback data of at most 64 bytes)
Document = tuple[str, bytes]  # (file name, content)


@dataclass
class Reply:
    """One message: Telegram HTML text, optionally a PNG chart or a document, and rows of buttons."""

    text: str
    photo: bytes | None = None
    buttons: list[list[Button]] = field(default_factory=list)
    document: Document | None = None
