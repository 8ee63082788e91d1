"""Admins keep the figures current: /set, uploads with a preview, /undo, /changes, /history, /export.

Telegram-free: each function takes the caller and returns replies; a change waits for a button
press (`imp:<token>:yes|no`, `set:<token>:yes|no`) and is applied in one unit of work.
"""

from __future__ import annotations

import asyncio
import secrets
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.render import day, escape, number
from bot.replies import Reply
from bot.texts import GROUPS, MEASURES, group_label, measure_label, text
from bot.understanding import VOCABULARY
from store.export import export_frame, write_frame
from store.importing import (
    Delta,
    Plan,
    apply_plan,
    check,
    figure_changes,
    recent_changes,
    resolve,
    source_for,
    undo_change,
    undoable,
)
from store.models import Change, ident
from store.names import normalise
from store.queries import Statement, current_of
from store.reading import (
    MAX_BYTES,
    YEAR,
    Problem,
    Reading,
    Refused,
    find_date,
    read_upload,
    statement_reading,
)
from store.store import Store

if TYPE_CHECKING:
    from bot.assistant import Caller

Progress = Callable[[str], Awaitable[None]]
CONFIRM_PREFIXES = ("imp:", "set:")
PENDING_FOR = timedelta(minutes=30)  # a preview older than this must be made again
LARGEST_SHOWN = 5


@dataclass
class Pending:
    """A checked change waiting for its admin's confirmation."""

    user_id: int
    reading: Reading
    action: str  # "import" or "set"
    label: str  # the file name, or the figure for /set
    source_key: str
    source_title: str
    created: datetime


@dataclass(frozen=True)
class Upload:
    """A file waiting for the admin to say which date its figures are as of."""

    content: bytes
    filename: str


def _terms(words: list[str]) -> tuple[str | None, str] | None:
    """The measure and group named by words such as 'bosatt em' (None if a word is not understood)."""
    measure, group = None, "all"
    position = 0
    while position < len(words):
        for size in (3, 2, 1):
            phrase = normalise(" ".join(words[position : position + size]))
            raw = words[position].lower()
            kind, value = VOCABULARY.get(phrase, ("", ""))
            if size == 1 and raw in MEASURES:
                kind, value = "measure", raw
            elif size == 1 and raw in GROUPS:
                kind, value = "group", raw
            if kind in ("measure", "group"):
                measure, group = (value, group) if kind == "measure" else (measure, value)
                position += size
                break
        else:
            return None
    return measure, group


def _figure_words(words: list[str]) -> tuple[str, int, str, str] | None:
    """'<place> <year> <measure> [group]' as (place, year, measure, group)."""
    years = [i for i, word in enumerate(words) if i > 0 and YEAR.fullmatch(word)]
    if not years:
        return None
    at = years[-1]
    terms = _terms(words[at + 1 :])
    if terms is None or terms[0] is None:
        return None
    return " ".join(words[:at]), int(words[at]), terms[0], terms[1]


def problem_lines(problems: list[Problem], language: str, *, with_rows: bool = True) -> list[str]:
    """Problems grouped by what is wrong, each with every row it occurs in (when `with_rows`)."""
    rows: dict[str, list[int]] = {}
    for problem in problems:
        values = {name: escape(value) for name, value in problem.values.items()}
        rows.setdefault(text(problem.key, language, **values), []).append(problem.row)
    lines = []
    for sentence, numbers in rows.items():
        listed = [str(n) for n in numbers if n > 0]
        where = text("imp_whole_file", language)
        if listed:
            word = text("imp_row" if len(listed) == 1 else "imp_rows", language)
            where = f"{word} {', '.join(listed)}"
        lines.append(f"• {where}: {sentence}" if with_rows else f"• {sentence}")
    return lines


def old_value(delta: Delta, language: str) -> str:
    """The value a change replaces: '–' when there was none, ':' when it was hidden."""
    return "–" if delta.current is None else number(delta.old, language)


def _delta_line(delta: Delta, language: str) -> str:
    """'Trondheim 2015 · Bosatt (alle): 495 → 410'."""
    entry = delta.entry
    old = old_value(delta, language)
    what = f"{measure_label(entry.measure, language)} ({group_label(entry.group, language)})"
    return f"{escape(delta.place.name)} {entry.year} · {what}: {old} → {number(entry.value, language)}"


def preview_text(plan: Plan, kind: str, label: str, language: str) -> str:
    """The preview of a checked file: counts, the largest changes, every error and warning with its row."""
    counts = plan.counts()
    title = text(
        "imp_preview_title", language, filename=escape(label), kind=text(f"imp_kind_{kind}", language)
    )
    lines = [
        f"<b>{title}</b>",
        text(
            "imp_counts",
            language,
            rows=number(len(plan.deltas), language),
            **{k: number(counts[k], language) for k in ("new", "changed", "unchanged", "earlier")},
        ),
    ]
    if plan.largest():
        lines += ["", f"<i>{text('imp_largest', language)}:</i>"]
        lines += [_delta_line(d, language) for d in plan.largest(LARGEST_SHOWN)]
    for title_key, problems in (("imp_errors", plan.errors), ("imp_warnings", plan.warnings)):
        if problems:
            lines += ["", f"<i>{text(title_key, language, count=len(problems))}:</i>"]
            lines += problem_lines(problems, language)
    return "\n".join(lines)


def summary(label: str, plan: Plan) -> str:
    """The audit log's line for an applied plan."""
    counts = plan.counts()
    return f"{label}: {counts['new']} new, {counts['changed']} changed, {counts['earlier']} earlier"


class Admin:
    """The admin commands and the upload conversation."""

    def __init__(self, store: Store, *, zone: ZoneInfo, today: Callable[[], date]) -> None:
        self.store = store
        self.zone = zone
        self.today = today
        self.pending: dict[str, Pending] = {}
        self.awaiting_date: dict[int, Upload] = {}

    # --- uploads ---------------------------------------------------------------------------------

    async def upload(
        self,
        content: bytes,
        filename: str,
        caption: str,
        caller: Caller,
        progress: Progress | None = None,
        *,
        size: int | None = None,
    ) -> list[Reply]:
        """A file sent by an admin: read, checked and previewed; applied only on confirmation.

        `size` is the file's size where it is known before the content is fetched.
        """
        if not caller.is_admin:
            return [Reply(text("admins_only", caller.language))]
        if size is not None and size > MAX_BYTES:  # never fetched, so read_upload cannot measure it
            reason = text(
                "imp_too_big", caller.language, size=f"{size / 2**20:.1f}", limit=MAX_BYTES // 2**20
            )
            return [Reply(text("imp_refused", caller.language, filename=escape(filename), reason=reason))]
        return await self._preview_upload(Upload(content, filename), find_date(caption), caller, progress)

    async def given_date(self, message: str, caller: Caller) -> list[Reply] | None:
        """The as-of date an upload was waiting for (None when nothing waits or the message is not just a date)."""
        upload = self.awaiting_date.get(caller.user_id)
        alone = len(message.split()) == 1  # "status Trondheim 10.12.2015" is a question, not the answer
        when = find_date(message) if upload is not None and caller.is_admin and alone else None
        if upload is None or when is None:
            return None
        del self.awaiting_date[caller.user_id]
        return await self._preview_upload(upload, when, caller, None)

    async def _preview_upload(
        self, upload: Upload, as_of: date | None, caller: Caller, progress: Progress | None
    ) -> list[Reply]:
        """Read and check a file, then show the preview with confirmation buttons."""
        language, name = caller.language, upload.filename
        await _say(progress, text("imp_reading", language, filename=escape(name)))
        try:
            reading = await asyncio.to_thread(
                read_upload, upload.content, name, today=self.today(), as_of=as_of
            )
        except Refused as refused:
            reason = text(refused.key, language, **{k: escape(v) for k, v in refused.values.items()})
            return [Reply(text("imp_refused", language, filename=escape(name), reason=reason))]
        if reading.needs_date:
            self.awaiting_date[caller.user_id] = upload
            return [Reply(text("imp_needs_date", language, filename=escape(name)))]
        await _say(progress, text("imp_checking", language, rows=number(len(reading.entries), language)))
        plan = await self._check(reading)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        pending = Pending(
            caller.user_id,
            reading,
            "import",
            name,
            f"upload:{stamp}:{name}"[:200],
            name[:300],
            datetime.now(UTC),
        )
        return [self._ask(plan, preview_text(plan, reading.kind, name, language), pending, "imp", language)]

    async def _check(self, reading: Reading) -> Plan:
        """Check a reading against the register and the current figures."""
        index = await self.store.index()
        async with self.store.unit() as session:
            return await check(session, index, reading)

    def _ask(self, plan: Plan, preview: str, pending: Pending, prefix: str, language: str) -> Reply:
        """The preview with Save/Cancel buttons, or why there is nothing to confirm."""
        if plan.errors:
            return Reply(f"{preview}\n\n{text('imp_blocked', language)}")
        if not plan.written:
            return Reply(f"{preview}\n\n{text('imp_nothing', language)}")
        token = secrets.token_urlsafe(6)
        self.pending = {key: kept for key, kept in self.pending.items() if not _expired(kept)}
        self.pending[token] = pending
        buttons = [
            (text("imp_yes", language), f"{prefix}:{token}:yes"),
            (text("imp_no", language), f"{prefix}:{token}:no"),
        ]
        return Reply(f"{preview}\n\n{text('imp_confirm', language)}", buttons=[buttons])

    async def confirm(self, data: str, caller: Caller) -> list[Reply]:
        """A Save or Cancel press: apply the pending change in one unit of work, or drop it."""
        if not caller.is_admin:
            return [Reply(text("admins_only", caller.language))]
        _, token, answer = [*data.split(":"), "", ""][:3]
        pending = self.pending.get(token)
        if pending is None or pending.user_id != caller.user_id or _expired(pending):
            return [Reply(text("imp_expired", caller.language))]
        del self.pending[token]
        if answer != "yes":
            return [Reply(text("imp_cancelled", caller.language))]
        return [Reply(await self._apply(pending, caller))]

    async def _apply(self, pending: Pending, caller: Caller) -> str:
        """Check again (the database may have changed) and write everything or nothing."""
        index = await self.store.index()
        async with self.store.unit() as session:
            plan = await check(session, index, pending.reading)
            if plan.errors:
                return text("imp_stale", caller.language)
            source = await source_for(
                session, key=pending.source_key, title=pending.source_title, day=self.today()
            )
            change = await apply_plan(
                session,
                plan,
                source=source,
                user_id=caller.user_id,
                action=pending.action,
                summary=summary(pending.label, plan),
            )
        self.store.invalidate()
        counts = plan.counts()
        return text(
            "imp_applied",
            caller.language,
            change=change.id,
            **{k: number(counts[k], caller.language) for k in ("new", "changed", "earlier")},
        )

    # --- single changes --------------------------------------------------------------------------

    async def set_figure(self, argument: str, caller: Caller) -> list[Reply]:
        """/set <place> <year> <measure> [group] <value> [as-of date]: old → new, then confirm."""
        if not caller.is_admin:
            return [Reply(text("admins_only", caller.language))]
        words = argument.split()
        as_of = find_date(words[-1]) if words else None
        words = words[:-1] if as_of is not None else words
        figure = _figure_words(words[:-1]) if len(words) >= 4 else None
        if figure is None:
            return [Reply(text("set_usage", caller.language))]
        place, year, measure, group = figure
        reading = statement_reading(
            place, year, measure, group, words[-1], as_of or self.today(), self.today()
        )
        plan = await self._check(reading)
        language = caller.language
        if plan.errors or not plan.deltas:
            errors = "\n".join(problem_lines(plan.errors, language, with_rows=False))
            return [Reply(f"{errors}\n\n{text('set_blocked', language)}")]
        delta = plan.deltas[0]
        label = f"{delta.place.name} {year} {measure}/{group} {old_value(delta, 'en')} → {number(delta.entry.value)}"
        pending = Pending(
            caller.user_id,
            reading,
            "set",
            label,
            f"admin:{caller.user_id}",
            f"Admin {caller.user_id} (/set)",
            datetime.now(UTC),
        )
        return [self._ask(plan, _set_preview(plan, delta, language), pending, "set", language)]

    async def undo(self, argument: str, caller: Caller) -> list[Reply]:
        """/undo [change id]: retract the statements of the admin's last (or the given) change."""
        if not caller.is_admin:
            return [Reply(text("admins_only", caller.language))]
        wanted = argument.strip().lstrip("#")
        if wanted and not wanted.isdigit():
            return [Reply(text("undo_usage", caller.language))]
        async with self.store.unit() as session:
            change = await undoable(
                session, change_id=int(wanted) if wanted else None, user_id=caller.user_id
            )
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

    # --- reading -----------------------------------------------------------------------------------

    async def statements(self, argument: str, caller: Caller) -> list[Reply] | None:
        """/history <place> <year> <measure> [group]: every statement of one figure (None: not that form)."""
        figure = _figure_words(argument.split())
        if figure is None:
            return None
        index = await self.store.index()
        place, problem = resolve(index, figure[0], figure[1])
        if place is None or problem is not None:
            return None
        _, year, measure, group = figure
        found = (await self.store.figures.of(ident(place))).statements(year, [measure], group)
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
        if caller.role is None:
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


def _expired(pending: Pending) -> bool:
    """Whether a preview is too old to confirm."""
    return datetime.now(UTC) - pending.created > PENDING_FOR


async def _say(progress: Progress | None, message: str) -> None:
    """Report progress where someone listens."""
    if progress is not None:
        await progress(message)
