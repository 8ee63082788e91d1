"""The upload conversation: an admin's file is read, checked and previewed, and saved on confirmation."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from bot.caller import Caller
from bot.confirmation import SHOWN_CHARACTERS, Confirmations, Pending, old_value, problem_lines, problem_list
from bot.render import escape, number
from bot.replies import Reply
from bot.texts import group_label, measure_label, text
from store.importing import Delta, Plan
from store.reading import MAX_BYTES, Refused, find_date, read_upload

Progress = Callable[[str], Awaitable[None]]
LARGEST_SHOWN = 5


@dataclass(frozen=True)
class Upload:
    """A file waiting for the admin to say which date its figures are as of."""

    content: bytes
    filename: str


def may_download(caller: Caller, size: int) -> bool:
    """Whether a file of this size from this caller is fetched at all (nobody else's file ever is)."""
    return caller.is_admin and size <= MAX_BYTES


def _delta_line(delta: Delta, language: str) -> str:
    """'Trondheim 2015 · Bosatt (alle): 495 → 410'."""
    entry = delta.entry
    old = old_value(delta, language)
    what = f"{measure_label(entry.measure, language)} ({group_label(entry.group, language)})"
    return f"{escape(delta.place.name)} {entry.year} · {what}: {old} → {number(entry.value, language)}"


def preview_text(plan: Plan, kind: str, label: str, language: str) -> str:
    """The preview of a checked file: counts, the largest changes, each kind of error and warning once."""
    counts = plan.counts()
    title = text(
        "imp_preview_title", language, filename=escape(label), kind=text(f"imp_kind_{kind}", language)
    )
    lines = [
        f"<b>{title}</b>",
        text(
            "imp_counts",
            language,
            rows=number(counts.total(), language),
            **{k: number(counts[k], language) for k in ("new", "changed", "unchanged", "earlier")},
        ),
    ]
    if plan.largest():
        lines += ["", f"<i>{text('imp_largest', language)}:</i>"]
        lines += [_delta_line(d, language) for d in plan.largest(LARGEST_SHOWN)]
    for title_key, problems, room in (
        ("imp_errors", plan.errors, SHOWN_CHARACTERS),
        ("imp_warnings", plan.warnings, SHOWN_CHARACTERS // 2),
    ):
        if problems:
            lines += ["", f"<i>{text(title_key, language, count=number(len(problems), language))}:</i>"]
            lines += problem_lines(problems, language, room=room)
    return "\n".join(lines)


def problem_document(plan: Plan, label: str, language: str) -> Reply | None:
    """Every error and warning of a file as a CSV document, sent with its preview (None when there are none)."""
    if not plan.problems:
        return None
    caption = text(
        "imp_list_caption", language, count=number(len(plan.problems), language), filename=escape(label)
    )
    name = f"{Path(label).stem}-{text('imp_list_name', language)}.csv"
    return Reply(caption, document=(name, problem_list(plan.problems, language)))


class Uploads:
    """Files sent by admins, and the as-of date a file without one waits for."""

    def __init__(self, confirmations: Confirmations, today: Callable[[], date]) -> None:
        self.confirmations = confirmations
        self.today = today
        self.awaiting_date: dict[int, Upload] = {}

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
        return await self._preview(Upload(content, filename), find_date(caption), caller, progress)

    async def given_date(self, message: str, caller: Caller) -> list[Reply] | None:
        """The as-of date an upload was waiting for (None when nothing waits or the message is not just a date)."""
        upload = self.awaiting_date.get(caller.user_id)
        alone = len(message.split()) == 1  # "status Trondheim 10.12.2015" is a question, not the answer
        when = find_date(message) if upload is not None and caller.is_admin and alone else None
        if upload is None or when is None:
            return None
        del self.awaiting_date[caller.user_id]
        return await self._preview(upload, when, caller, None)

    async def _preview(
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
        plan = await self.confirmations.check(reading)
        preview, document = await asyncio.to_thread(_preview_and_list, plan, reading.kind, name, language)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        pending = Pending(caller.user_id, "import", name, f"upload:{stamp}:{name}"[:200], name[:300])
        asked = await self.confirmations.ask(plan, preview, pending, "imp", language)
        return [asked] if document is None else [document, asked]


def _preview_and_list(plan: Plan, kind: str, label: str, language: str) -> tuple[str, Reply | None]:
    """The preview and the list of problems (made in a thread: a file may have a hundred thousand)."""
    return preview_text(plan, kind, label, language), problem_document(plan, label, language)


async def _say(progress: Progress | None, message: str) -> None:
    """Report progress where someone listens."""
    if progress is not None:
        await progress(message)
