"""What members read besides answers: every statement of one figure (/history …) and the export (/export)."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bot.caller import Caller
from bot.render import day, escape, number
from bot.replies import Reply
from bot.texts import group_label, measure_label, text
from bot.understanding import figure_words
from store.export import export_frame, write_frame
from store.importing import figure_changes, resolve
from store.models import Change, place_id_of
from store.queries import Statement, current_of
from store.store import Store


class Records:
    """Statements of a figure and exports of all figures, for members."""

    def __init__(self, store: Store, today: Callable[[], date]) -> None:
        self.store = store
        self.today = today

    async def statements(self, argument: str, caller: Caller) -> list[Reply] | None:
        """/history <place> <year> <measure> [group]: every statement of one figure (None: not that form)."""
        figure = figure_words(argument.split())
        if figure is None:
            return None
        index = await self.store.index()
        place, problem = resolve(index, figure[0], figure[1])
        if place is None or problem is not None:
            return None
        _, year, measure, group = figure
        found = (await self.store.figures.of(place_id_of(place), [year])).statements(year, [measure], group)
        async with self.store.unit() as session:
            writers = await figure_changes(session, [s.figure for s in found])
        language = caller.language
        what = f"{escape(place.name)} {year} · {measure_label(measure, language)} ({group_label(group, language)})"
        if not found:
            return [Reply(text("history_none", language, what=what))]
        current = current_of(found).get((measure, group))
        lines = [f"<b>{text('history_title', language, what=what)}</b>"]
        lines += [_statement_line(s, s is current, writers, language) for s in found]
        return [Reply("\n".join(lines))]

    async def export(self, argument: str, caller: Caller) -> list[Reply]:
        """/export [xlsx|csv] [history]: the figures as a document, for members (it holds small values too)."""
        if not caller.is_member:
            return [Reply(text("members_only", caller.language))]
        words = {w.lower() for w in argument.split()}
        if words - {"xlsx", "csv", "history", "historikk"}:
            return [Reply(text("export_usage", caller.language))]
        ending = "csv" if "csv" in words else "xlsx"
        async with self.store.unit() as session:
            frame = await export_frame(session, history=bool(words & {"history", "historikk"}))
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"bosettingsbot-{self.today().isoformat()}.{ending}"
            await asyncio.to_thread(write_frame, frame, path)
            content = path.read_bytes()
        caption = text(
            "export_caption",
            caller.language,
            rows=number(len(frame), caller.language),
            date=day(self.today(), caller.language),
        )
        return [Reply(caption, document=(path.name, content))]


def _statement_line(statement: Statement, is_current: bool, writers: dict[int, Change], language: str) -> str:
    """One statement: date, value, source, and who changed it."""
    figure = statement.figure
    table = f", {escape(figure.source_table)}" if figure.source_table else ""
    change = writers.get(figure.change_id) if figure.change_id is not None else None
    who = f" · #{change.id} ({change.user_id})" if change is not None else ""
    mark = "✓ " if is_current else "  "
    value = number(figure.value, language)
    return (
        f"{mark}{day(figure.as_of, language)}: <b>{value}</b> — {escape(statement.source.title)}{table}{who}"
    )
