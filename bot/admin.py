"""Admins keep the figures current one at a time: /set (previewed, then confirmed), /undo and /changes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date
from zoneinfo import ZoneInfo

from bot.caller import Caller
from bot.confirmation import Confirmations, Pending, old_value, problem_lines
from bot.render import day, escape, number
from bot.replies import Reply
from bot.texts import group_label, measure_label, text
from bot.understanding import figure_words
from store.bounds import ROW_IDS, whole_number
from store.importing import Delta, Plan, recent_changes, undo_change, undoable
from store.models import Change
from store.reading import find_date, statement_reading
from store.store import Store


class Admin:
    """/set, /undo and /changes."""

    def __init__(
        self, store: Store, confirmations: Confirmations, *, zone: ZoneInfo, today: Callable[[], date]
    ) -> None:
        self.store = store
        self.confirmations = confirmations
        self.zone = zone
        self.today = today

    async def set_figure(self, argument: str, caller: Caller) -> list[Reply]:
        """/set <place> <year> <measure> [group] <value> [as-of date]: old → new, then confirm."""
        if not caller.is_admin:
            return [Reply(text("admins_only", caller.language))]
        words = argument.split()
        as_of = find_date(words[-1]) if words else None
        words = words[:-1] if as_of is not None else words
        figure = figure_words(words[:-1]) if len(words) >= 4 else None
        if figure is None:
            return [Reply(text("set_usage", caller.language))]
        place, year, measure, group = figure
        reading = statement_reading(
            place, year, measure, group, words[-1], as_of or self.today(), self.today()
        )
        plan = await self.confirmations.check(reading)
        language = caller.language
        if plan.errors or not plan.deltas:
            errors = "\n".join(problem_lines(plan.errors, language, with_rows=False))
            return [Reply(f"{errors}\n\n{text('set_blocked', language)}")]
        delta = plan.deltas[0]
        label = f"{delta.place.name} {year} {measure}/{group} {old_value(delta, 'en')} → {number(delta.entry.value)}"
        pending = Pending(
            caller.user_id, "set", label, f"admin:{caller.user_id}", f"Admin {caller.user_id} (/set)"
        )
        preview = _set_preview(plan, delta, language)
        return [await self.confirmations.ask(plan, preview, pending, "set", language)]

    async def undo(self, argument: str, caller: Caller) -> list[Reply]:
        """/undo [change id]: retract the statements of the admin's last (or the given) change."""
        if not caller.is_admin:
            return [Reply(text("admins_only", caller.language))]
        wanted = argument.removeprefix("#")
        change_id = whole_number(wanted, ROW_IDS) if wanted else None
        if wanted and change_id is None:
            return [Reply(text("undo_usage", caller.language))]
        async with self.store.unit() as session:
            change = await undoable(session, change_id=change_id, user_id=caller.user_id)
            if change is None:
                return [Reply(text("undo_nothing", caller.language))]
            undo, count = await undo_change(session, change, user_id=caller.user_id)
        self.store.invalidate()
        return [Reply(text("undo_done", caller.language, change=change.id, count=count, undo=undo.id))]

    async def changes(self, _argument: str, caller: Caller) -> list[Reply]:
        """/changes: the latest entries of the audit log."""
        if not caller.is_admin:
            return [Reply(text("admins_only", caller.language))]
        async with self.store.unit() as session:
            entries = await recent_changes(session)
        lines = [self._change_line(c, caller.language) for c in entries]
        return [Reply(text("changes_title", caller.language) + "\n" + ("\n".join(lines) or "–"))]

    def _change_line(self, change: Change, language: str) -> str:
        """'#12 · 23.11.2026 10:02 · 1001 · import · figures.csv: 3 new, 2 changed, 0 earlier (undone by #13)'."""
        at = change.at if change.at.tzinfo else change.at.replace(tzinfo=UTC)
        when = at.astimezone(self.zone)
        undone = f" ({text('changes_undone', language, undo=change.undone_by)})" if change.undone_by else ""
        who = change.user_id if change.user_id is not None else "–"
        return (
            f"#{change.id} · {day(when.date(), language)} {when:%H:%M} · {who} · {change.action}"
            f" · {escape(change.summary)}{undone}"
        )


def _set_preview(plan: Plan, delta: Delta, language: str) -> str:
    """'Trondheim 2015 · Bosatt (alle): 495 → 410, per 23.11.2026', with a note for an earlier date."""
    entry = delta.entry
    old = old_value(delta, language)
    lines = [
        text(
            "set_preview",
            language,
            place=escape(delta.place.name),
            year=entry.year,
            measure=measure_label(entry.measure, language),
            group=group_label(entry.group, language),
            old=old,
            new=number(entry.value, language),
            date=day(entry.as_of, language),
        )
    ]
    if delta.kind == "earlier" and delta.current is not None:
        current = day(delta.current.figure.as_of, language)
        lines.append(text("set_earlier", language, old=old, current=current))
    return "\n".join(lines + problem_lines(plan.warnings, language, with_rows=False))
