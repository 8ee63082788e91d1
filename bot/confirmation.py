"""Changes that wait for their admin's Save or Cancel: previews, buttons, and applying in one unit of work."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from bot.caller import Caller
from bot.render import escape, number
from bot.replies import Reply
from bot.texts import text
from store.importing import Delta, Plan, apply_plan, check, source_for
from store.reading import Problem, Reading
from store.store import Store

PREFIXES = ("imp:", "set:")  # the buttons of an upload's and a /set's preview
ANSWERS = ("yes", "no")  # Save, Cancel
PENDING_FOR = timedelta(minutes=30)  # a preview older than this must be made again


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
