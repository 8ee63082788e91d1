"""The nightly refresh: IMDi's long CSV downloaded, checked as an upload is, saved under `imdi:<date>`, admins told.

One audit entry whatever happens: the import's own when figures are saved, otherwise one saying why not.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date

import httpx

from bot.confirmation import summary
from bot.render import escape, number
from bot.texts import text
from bot.uploads import preview_text
from store.importing import STATISTICS, Plan, apply_plan, check, source_for
from store.reading import MAX_BYTES, Refused, read_upload
from store.store import Store
from store.users import audit, list_users

TIMEOUT = httpx.Timeout(60.0, connect=15.0)
FILE_NAME = "imdi-statistikk.csv"


@dataclass(frozen=True)
class Outcome:
    """What a refresh did: a text key of bot.texts with its values, and the plan when the file was checked."""

    key: str  # refresh_saved, _nothing, _errors, _download, _refused or _layout
    values: dict[str, str]
    plan: Plan | None = None
    kind: str = ""
    refused: Refused | None = None  # why the file could not be read at all

    def message(self, language: str) -> str:
        """The one message the admins get: what changed, or why nothing did."""
        values = {k: escape(v) for k, v in self.values.items()}
        if self.refused is not None:
            values["reason"] = text(self.refused.key, language, **self.refused.values)
        said = text(self.key, language, **values)
        if self.plan is None:
            return said
        return f"{said}\n\n{preview_text(self.plan, self.kind, FILE_NAME, language)}"


class TooLarge(Exception):
    """A download larger than any upload may be."""


async def download(url: str) -> bytes:
    """The file at the URL, refused beyond the upload limit (read as a stream, never held whole beyond it)."""
    async with (
        httpx.AsyncClient(timeout=TIMEOUT, follow_redirects=True) as client,
        client.stream("GET", url) as response,
    ):
        response.raise_for_status()
        content = bytearray()
        async for chunk in response.aiter_bytes():
            content += chunk
            if len(content) > MAX_BYTES:
                raise TooLarge
    return bytes(content)


async def refresh(store: Store, url: str, today: date) -> Outcome:
    """Download, read and check IMDi's file; save it when it is clean and says something new."""
    try:
        content = await download(url)
        reading = await asyncio.to_thread(read_upload, content, FILE_NAME, today=today)
    except (httpx.HTTPError, TooLarge) as error:
        await _audit(store, f"{url}: {_reason(error)}")
        return Outcome("refresh_download", {"reason": _reason(error)})
    except Refused as refused:
        await _audit(store, f"{url}: {refused.key}")
        return Outcome("refresh_refused", {}, refused=refused)
    if reading.kind not in STATISTICS:
        await _audit(store, f"{url}: read as {reading.kind}")
        return Outcome("refresh_layout", {})
    async with store.unit() as session:
        plan = await check(session, await store.index(), reading)
        counts = {key: str(plan.counts()[key]) for key in ("new", "changed", "unchanged", "earlier")}
        if plan.errors:
            await audit(session, user_id=None, action="refresh", summary=f"{url}: {len(plan.errors)} errors")
            return Outcome("refresh_errors", {"count": str(len(plan.errors))}, plan, reading.kind)
        if not plan.written:
            await audit(session, user_id=None, action="refresh", summary=f"{url}: nothing new")
            return Outcome("refresh_nothing", counts)
        label = f"imdi:{today.isoformat()}"
        source = await source_for(session, key=label, title=f"IMDi, statistikk {today:%d.%m.%Y}", day=today)
        change = await apply_plan(
            session, plan, source=source, user_id=None, action="import", summary=summary(label, plan)
        )
    store.invalidate()
    return Outcome("refresh_saved", {"change": str(change.id)}, plan, reading.kind)


async def _audit(store: Store, what: str) -> None:
    """The audit entry of a refresh that read nothing."""
    async with store.unit() as session:
        await audit(session, user_id=None, action="refresh", summary=what)


def _reason(error: Exception) -> str:
    """A download's failure in a few words: the HTTP status, or the kind of error."""
    if isinstance(error, httpx.HTTPStatusError):
        return f"HTTP {error.response.status_code}"
    if isinstance(error, TooLarge):
        return f"over {number(MAX_BYTES // 2**20, 'en')} MB"
    return type(error).__name__


async def admin_languages(store: Store) -> dict[int, str]:
    """Each admin's id and reply language (bokmål unless they chose another)."""
    async with store.unit() as session:
        return {u.id: u.language or "nb" for u in await list_users(session) if u.role == "admin"}
