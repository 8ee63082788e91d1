"""Previews waiting for Save, kept in the database so that any replica can save what another checked.

A preview holds the statements its check found to write, packed as columns (about 8 bytes a statement
once compressed), so Save only writes them: it claims the preview (once, whoever presses), makes sure no
change of figures came after the check, and inserts them with one audit entry in one transaction.
"""

from __future__ import annotations

import json
import math
import sys
import zlib
from array import array
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import delete, update
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from store.importing import Row, newest_figure_change, source_for, write_statements
from store.models import PendingChange
from store.users import audit

KEPT_AFTER = timedelta(
    days=1
)  # a used or expired preview is remembered this long, to say why its buttons no longer work
NUMBERS = 4  # per statement: place id, year, as-of (ordinal), label


def pack(rows: Iterable[Row]) -> bytes:
    """Statements as compressed columns: numbers, values (NaN: hidden) and their distinct labels."""
    labels: dict[tuple[str, str, str], int] = {}
    numbers, values = array("q"), array("d")
    for place_id, year, measure, group, value, as_of, area in rows:
        label = labels.setdefault((measure, group, area), len(labels))
        numbers.extend((place_id, year, as_of.toordinal(), label))
        values.append(math.nan if value is None else value)
    header = json.dumps(list(labels)).encode()
    parts = (len(header).to_bytes(4, "little"), header, _little(numbers), _little(values))
    return zlib.compress(b"".join(parts), level=1)


def unpack(packed: bytes) -> Iterator[Row]:
    """The statements `pack` packed, in their order."""
    raw = zlib.decompress(packed)
    size = int.from_bytes(raw[:4], "little")
    labels = [tuple(label) for label in json.loads(raw[4 : 4 + size])]
    body = raw[4 + size :]
    numbers, values = array("q"), array("d")
    split = len(body) // (NUMBERS + 1) * NUMBERS  # each statement: four numbers and a value, 8 bytes each
    numbers.frombytes(body[:split])
    values.frombytes(body[split:])
    if sys.byteorder == "big":
        numbers.byteswap()
        values.byteswap()
    for at, value in enumerate(values):
        place_id, year, as_of, label = numbers[at * NUMBERS : (at + 1) * NUMBERS]
        measure, group, area = labels[label]
        yield (
            place_id,
            year,
            measure,
            group,
            None if math.isnan(value) else value,
            date.fromordinal(as_of),
            area,
        )


def _little(numbers: array[int] | array[float]) -> bytes:
    """An array's bytes in little-endian order, whatever the machine's."""
    if sys.byteorder == "big":
        numbers = array(numbers.typecode, numbers)
        numbers.byteswap()
    return numbers.tobytes()


async def hold(session: AsyncSession, pending: PendingChange) -> None:
    """Keep a preview until its admin answers; those long past their time are let go."""
    forgotten = datetime.now(UTC) - KEPT_AFTER
    await session.exec(delete(PendingChange).where(col(PendingChange.expires_at) < forgotten))
    session.add(pending)


async def waiting(session: AsyncSession, token: str) -> PendingChange | None:
    """The preview of a button's token (None when unknown or long gone)."""
    return await session.get(PendingChange, token)


async def take(session: AsyncSession, pending: PendingChange, outcome: str) -> bool:
    """Mark a waiting preview used; False when another press (here or on another replica) came first."""
    result = await session.exec(
        update(PendingChange)
        .where(col(PendingChange.token) == pending.token, col(PendingChange.outcome) == "")
        .values(outcome=outcome, statements=b"")
    )
    if result.rowcount != 1:
        await session.refresh(pending)  # how the other press ended, to say so
    return result.rowcount == 1


async def save(session: AsyncSession, pending: PendingChange, *, day: date) -> bool:
    """Write a waiting preview's statements with one audit entry, unless another press or a later change
    of figures came first (then nothing is written: `pending.outcome` says which)."""
    packed = pending.statements
    if not await take(session, pending, "saved"):
        return False
    if await newest_figure_change(session) != pending.based_on:
        pending.outcome = "stale"
        return False
    source = await source_for(session, key=pending.source_key, title=pending.source_title, day=day)
    change = await audit(session, user_id=pending.user_id, action=pending.action, summary=pending.summary)
    await write_statements(session, unpack(packed), source=source, change=change)
    pending.change_id = change.id
    return True
