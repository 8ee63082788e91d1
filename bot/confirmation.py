"""Changes that wait for their admin's Save or Cancel: previews, buttons, and applying in one unit of work."""

from __future__ import annotations

import asyncio
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
from store.importing import Delta, Plan, check, rows_of
from store.models import PendingChange
from store.pending import hold, pack, save, take, waiting
from store.reading import Kind, Problem, Problems, Reading
from store.store import Store

PREFIXES = ("imp:", "set:")  # the buttons of an upload's and a /set's preview
ANSWERS = ("yes", "no")  # Save, Cancel
PENDING_FOR = timedelta(minutes=30)  # a preview older than this must be made again
SHOWN_ROWS = 5  # example rows of each kind of problem
SHOWN_VALUE = 60  # characters of a value or heading quoted in a preview
SHOWN_CHARACTERS = 1_600  # of problem lines of one sort: a preview stays one message (Telegram: 4 096)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Pending:
    """Who asks to write a checked change, and under which source."""

    user_id: int
    action: str  # "import" or "set"
    label: str  # the file name, or the figure for /set
    source_key: str
    source_title: str


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
    """Checked changes waiting for Save or Cancel, kept in the database by a token in the buttons' data."""

    def __init__(self, store: Store, today: Callable[[], date]) -> None:
        self.store = store
        self.today = today

    async def check(self, reading: Reading) -> Plan:
        """Check a reading against the register and the current figures."""
        index = await self.store.index()
        async with self.store.unit() as session:
            return await check(session, index, reading)

    async def ask(self, plan: Plan, preview: str, pending: Pending, prefix: str, language: str) -> Reply:
        """The preview with Save/Cancel buttons, its statements held for Save, or why there is nothing to confirm."""
        if plan.errors:
            return Reply(f"{preview}\n\n{text('imp_blocked', language)}")
        if not plan.written:
            return Reply(f"{preview}\n\n{text('imp_nothing', language)}")
        token = secrets.token_urlsafe(6)
        statements = await asyncio.to_thread(pack, rows_of(plan.written))  # a file may write a million
        async with self.store.unit() as session:
            await hold(session, _waiting(token, plan, pending, statements))
        buttons = [
            (text("imp_yes", language), f"{prefix}:{token}:yes"),
            (text("imp_no", language), f"{prefix}:{token}:no"),
        ]
        return Reply(f"{preview}\n\n{text('imp_confirm', language)}", buttons=[buttons])

    async def is_owners_press(self, data: str, caller: Caller) -> bool:
        """Whether a Save or Cancel press is by the admin whose change waits (only theirs takes the buttons away)."""
        parsed = _parsed(data)
        if parsed is None:
            return False
        async with self.store.unit() as session:
            pending = await waiting(session, parsed[0])
        return pending is not None and pending.user_id == caller.user_id

    async def confirm(self, data: str, caller: Caller) -> list[Reply]:
        """A Save or Cancel press: write the held statements in one unit of work, or drop them."""
        if not caller.is_admin:
            return [Reply(text("admins_only", caller.language))]
        parsed = _parsed(data)
        if parsed is None:
            return [Reply(text("button_unknown", caller.language))]
        token, answer = parsed
        async with self.store.unit() as session:
            pending = await waiting(session, token)
            if pending is not None and pending.user_id != caller.user_id:
                return [Reply(text("imp_not_yours", caller.language))]
            if pending is None or (
                not pending.outcome and _expired(pending)
            ):  # a used one says how it was used
                return [Reply(text("imp_expired", caller.language))]
            if answer == "no":
                done = await take(session, pending, "cancelled")
            else:
                done = await save(session, pending, day=self.today())
        if done and pending.outcome == "saved":
            self.store.invalidate()
        return [Reply(_outcome(pending, done, caller.language))]


def _waiting(token: str, plan: Plan, pending: Pending, statements: bytes) -> PendingChange:
    """The row that keeps a preview until Save or Cancel."""
    counts, now = plan.counts(), datetime.now(UTC)
    return PendingChange(
        token=token,
        user_id=pending.user_id,
        action=pending.action,
        label=pending.label[:300],
        source_key=pending.source_key,
        source_title=pending.source_title,
        summary=summary(pending.label, plan)[:1000],
        new=counts["new"],
        changed=counts["changed"],
        earlier=counts["earlier"],
        based_on=plan.based_on,
        created_at=now,
        expires_at=now + PENDING_FOR,
        statements=statements,
    )


def _outcome(pending: PendingChange, done: bool, language: str) -> str:
    """What a press did: saved, cancelled, or why nothing was (already used, or the figures changed since)."""
    if pending.outcome == "stale":
        return text("imp_stale", language)
    if pending.outcome == "cancelled":
        return text("imp_cancelled" if done else "imp_already_cancelled", language)
    if not done:
        return text("imp_already_saved", language, change=pending.change_id)
    values = {"new": pending.new, "changed": pending.changed, "earlier": pending.earlier}
    return text(
        "imp_applied",
        language,
        change=pending.change_id,
        **{key: number(count, language) for key, count in values.items()},
    )


def _parsed(data: str) -> tuple[str, str] | None:
    """The token and answer of a Save or Cancel button's data (imp:TOKEN:yes); None if it is not such data."""
    parts = data.split(":")
    return (parts[1], parts[2]) if len(parts) == 3 and parts[2] in ANSWERS else None


def _expired(pending: PendingChange) -> bool:
    """Whether a preview is too old to confirm."""
    return datetime.now(UTC) > pending.expires_at
