"""A synthetic national database: 357 municipalities × 20 years × weekly snapshots."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert
from sqlmodel import col, select

from store.models import Figure, Place, Source
from store.store import Store

YEARS = range(2005, 2025)
WEEKS = 52


def _rows(
    place_id: int, year: int, source_id: int, rng: random.Random, now: datetime
) -> list[dict[str, object]]:
    """One municipality-year: request, decision, and weekly settled and assigned snapshots."""
    request = rng.randint(5, 400)
    decision = max(0, request - rng.randint(0, 20))
    base = {
        "place_id": place_id,
        "year": year,
        "group": "all",
        "source_id": source_id,
        "recorded_at": now,
        "suppressed": False,
        "approximate": False,
        "scope": "",
        "source_table": "synthetic",
        "source_area": "",
        "note": "",
    }
    start = date(year, 1, 7)
    rows = [
        base | {"measure": "requested", "value": request, "as_of": date(year - 1, 10, 1)},
        base | {"measure": "decided", "value": decision, "as_of": date(year - 1, 12, 15)},
    ]
    for week in range(WEEKS):
        when = start + timedelta(weeks=week)
        settled = round(decision * (week + 1) / WEEKS * rng.uniform(0.7, 1.1))
        rows.append(base | {"measure": "settled", "value": settled, "as_of": when})
        rows.append(base | {"measure": "assigned", "value": rng.randint(0, 15), "as_of": when})
    return rows


async def add_national_figures(store: Store, *, seed: int = 1) -> int:
    """Fill the store with synthetic weekly figures for every current municipality; return the row count."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    async with store.unit() as session:
        source = Source(key="synthetic", title="Synthetic national bench data")
        session.add(source)
        await session.flush()
        current = select(Place).where(Place.level == "municipality", col(Place.valid_to).is_(None))
        places = (await session.exec(current)).all()
        total = 0
        for place in places:
            rows = [row for year in YEARS for row in _rows(place.id or 0, year, source.id or 0, rng, now)]
            await session.exec(insert(Figure), params=rows)
            total += len(rows)
    store.invalidate()
    return total
