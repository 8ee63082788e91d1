"""The console chat: the same answers as in Telegram, on standard input and output."""

from __future__ import annotations

import asyncio
import sys
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from bot.assistant import Assistant
from bot.caller import Caller
from bot.render import plain
from bot.replies import Button, Reply
from store.bounds import whole_number

CHARTS = Path("data") / "charts"
EXPORTS = Path("data") / "exports"
PROMPT = "bosetting> "


class ConsoleChat:
    """Reads questions line by line and prints the replies as plain text."""

    def __init__(self, assistant: Assistant, caller: Caller, *, output: TextIO = sys.stdout) -> None:
        self.assistant = assistant
        self.caller = caller
        self.output = output
        self.buttons: list[Button] = []
        self.charts = 0

    async def run(self, source: TextIO = sys.stdin) -> None:
        """Answer every line until the input ends."""
        interactive = source.isatty()
        while True:
            if interactive:
                self.output.write(PROMPT)
                self.output.flush()
            line = await asyncio.to_thread(source.readline)
            if not line:
                break
            if line.strip():
                await self.say(line.strip())

    async def say(self, message: str) -> list[Reply]:
        """Answer one line (a number chooses a button of the previous answer) and print it."""
        chosen = await self.assistant.members.chosen_language(self.caller.user_id)
        self.caller = replace(self.caller, language=chosen or self.caller.language)
        button = whole_number(message, range(1, len(self.buttons) + 1))
        if button is not None:
            replies = await self.assistant.choose(self.buttons[button - 1][1], self.caller)
        else:
            replies = await self.assistant.handle(message, self.caller)
        self.buttons = []
        for reply in replies:
            self._print(reply)
        return replies

    def _print(self, reply: Reply) -> None:
        """Print a reply; a chart is saved as a PNG file and its path printed."""
        photo = reply.picture()
        if photo is not None:
            CHARTS.mkdir(parents=True, exist_ok=True)
            self.charts += 1
            path = CHARTS / f"chart-{self.charts}.png"
            path.write_bytes(photo)
            self.output.write(f"[{plain(reply.text)}: {path}]\n")
        elif reply.document is not None:
            EXPORTS.mkdir(parents=True, exist_ok=True)
            path = EXPORTS / reply.document[0]
            path.write_bytes(reply.document[1])
            self.output.write(f"[{plain(reply.text)}: {path}]\n")
        else:
            self.output.write(plain(reply.text) + "\n")
        for row in reply.buttons:
            for label, data in row:
                self.buttons.append((label, data))
                self.output.write(f"  [{len(self.buttons)}] {label}\n")
        self.output.write("\n")
        self.output.flush()
