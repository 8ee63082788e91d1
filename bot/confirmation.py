"""Changes that wait for their admin's Save or Cancel: previews, buttons, and applying in one unit of work."""

from __future__ import annotations

import csv
import io
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from bot.caller import Caller
from bot.render import escape, number
from bot.replies import Reply
from bot.texts import text
from store.importing import Delta, Plan, apply_plan, check, source_for
from store.reading import Kind, Problem, Problems, Reading
from store.store import Store

PREFIXES = ("imp:", "set:")  # the buttons of an upload's and a /set's preview
ANSWERS = ("yes", "no")  # Save, Cancel
PENDING_FOR = timedelta(minutes=30)  # a preview older than this must be made again
SHOWN_ROWS = 5  # example rows of each kind of problem
SHOWN_VALUE = 60  # characters of a value or heading quoted in a preview
SHOWN_CHARACTERS = 1_600  # of problem lines of one sort: a preview stays one message (Telegram: 4 096)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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


def problem_lines(
    problems: Problems, language: str, *, with_rows: bool = True, room: int = SHOWN_CHARACTERS
) -> list[str]:
    """Each kind of problem once: how many rows have it, the first five, and what is wrong.

    '• rows 2, 5, 8, 11, 14 and 7 266 more in «Vedtak 2015»: «mange» is not a number'; kinds that do
    not fit in `room` characters are counted in a last line (the attached list has them all).
    """
    examples: dict[Kind, list[Problem]] = {}
    varied: set[Kind] = set()  # kinds whose problems say different things (other values, other places)
    for problem in problems:
        shown = examples.setdefault(problem.kind, [])
        if shown and problem.values != shown[0].values:
            varied.add(problem.kind)
        if len(shown) < SHOWN_ROWS and problem.row not in {p.row for p in shown}:
            shown.append(problem)
    lines: list[str] = []
    counts = list(problems.counts().items())
    for at, (kind, count) in enumerate(counts):
        line = _kind_line(kind, count, examples[kind], kind in varied, language, with_rows)
        room -= len(line)
        if room < 0:
            left = sum(n for _, n in counts[at:])
            lines.append(
                text("imp_more_kinds", language, kinds=len(counts) - at, count=number(left, language))
            )
            break
        lines.append(line)
    return lines


def _kind_line(
    kind: Kind, count: int, examples: list[Problem], varied: bool, language: str, with_rows: bool
) -> str:
    """One kind of problem: where (up to five rows and how many more), the column, and what is wrong."""
    values = {name: escape(value[:SHOWN_VALUE]) for name, value in examples[0].values.items()}
    sentence = text(kind.key, language, **values) + (text("imp_other_values", language) if varied else "")
    if not with_rows:
        return f"• {sentence}"
    rows = [number(p.row, language) for p in examples if p.row > 0]
    if not rows:
        return f"• {text('imp_whole_file', language)}: {sentence}"
    where = f"{text('imp_row' if count == 1 else 'imp_rows', language)} {', '.join(rows)}"
    if count > len(rows):
        where = text("imp_rows_more", language, rows=where, more=number(count - len(rows), language))
    column = text("imp_in_column", language, column=escape(kind.column[:SHOWN_VALUE])) if kind.column else ""
    return f"• {where}{column}: {sentence}"


def problem_list(problems: Problems, language: str) -> bytes:
    """Every problem as CSV (row, column, value, problem) in the admin's language, UTF-8 with a BOM for Excel."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(text("imp_list_columns", language).split(","))
    for p in problems:
        sentence = text(p.key, language, **p.values)
        writer.writerow([p.row or "", _inert(p.column), _inert(p.value), sentence])
    if problems.unlisted:
        more = number(problems.unlisted.total(), language)
        writer.writerow(["", "", "", text("imp_list_unlisted", language, count=more)])
    return buffer.getvalue().encode("utf-8-sig")


def _inert(cell: str) -> str:
    """A cell from the admin's file that a spreadsheet will not run as a formula when it opens the list."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def old_value(delta: Delta, language: str) -> str:
    """The value a change replaces: '–' when there was none, ':' when it was hidden."""
    return "–" if delta.current is None else number(delta.old, language)


def summary(label: str, plan: Plan) -> str:
    """The audit log's line for an applied plan."""
    counts = plan.counts()
    return f"{label}: {counts['new']} new, {counts['changed']} changed, {counts['earlier']} earlier"


def is_confirmation(data: str) -> bool:
    """Whether button data is a Save or Cancel press (its buttons go at the first press)."""
    return data.startswith(PREFIXES)


class Confirmations:
    """Checked changes waiting for Save or Cancel, by a token in the buttons' data."""

    def __init__(self, store: Store, today: Callable[[], date]) -> None:
        self.store = store
        self.today = today
        self.pending: dict[str, Pending] = {}

    async def check(self, reading: Reading) -> Plan:
        """Check a reading against the register and the current figures."""
        index = await self.store.index()
        async with self.store.unit() as session:
            return await check(session, index, reading)

    def ask(self, plan: Plan, preview: str, pending: Pending, prefix: str, language: str) -> Reply:
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

    def forget(self, user_id: int) -> None:
        """Drop a user's pending previews."""
        self.pending = {key: kept for key, kept in self.pending.items() if kept.user_id != user_id}

    def is_owners_press(self, data: str, caller: Caller) -> bool:
        """Whether a Save or Cancel press is by the admin whose change waits (only theirs takes the buttons away)."""
        parsed = _parsed(data)
        pending = self.pending.get(parsed[0]) if parsed else None
        return pending is not None and pending.user_id == caller.user_id

    async def confirm(self, data: str, caller: Caller) -> list[Reply]:
        """A Save or Cancel press: apply the pending change in one unit of work, or drop it."""
        if not caller.is_admin:
            return [Reply(text("admins_only", caller.language))]
        parsed = _parsed(data)
        if parsed is None:
            return [Reply(text("button_unknown", caller.language))]
        token, answer = parsed
        pending = self.pending.get(token)
        if pending is not None and pending.user_id != caller.user_id:
            return [Reply(text("imp_not_yours", caller.language))]
        if pending is None or _expired(pending):
            return [Reply(text("imp_expired", caller.language))]
        del self.pending[token]
        if answer == "no":
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


def _parsed(data: str) -> tuple[str, str] | None:
    """The token and answer of a Save or Cancel button's data (imp:TOKEN:yes); None if it is not such data."""
    parts = data.split(":")
    return (parts[1], parts[2]) if len(parts) == 3 and parts[2] in ANSWERS else None


def _expired(pending: Pending) -> bool:
    """Whether a preview is too old to confirm."""
    return datetime.now(UTC) - pending.created > PENDING_FOR
