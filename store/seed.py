"""Loading the register's places and the seed documents' figures (idempotent)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import NamedTuple

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from store.models import Figure, Membership, Place, PlaceAlias, Source
from store.names import name_variants, normalise
from store.places import valid_in
from store.register import (
    IMDI_REGIONS,
    INTERNATIONAL,
    MUNICIPALITY_ABBREVIATIONS,
    NAMED_GROUPS,
    NATION,
    Municipality,
    Period,
    Register,
    county_other_names,
    load_register,
    region_of_county,
)

DATA = Path(__file__).parent / "data"


Periods = list[tuple[str, Period]]  # names or codes, each with the period it was valid in


def _aliases(place_id: int, names: Periods, codes: Periods) -> list[PlaceAlias]:
    """Alias rows for every name variant and code a place had, each with its period."""
    rows: dict[tuple[str, str], PlaceAlias] = {}
    for kind, entries in (("name", names), ("code", codes)):
        for label, period in entries:
            variants = name_variants(label) if kind == "name" else [label]
            for variant in variants:
                key = normalise(variant)
                known = rows.get((key, kind))
                if known is None:
                    rows[(key, kind)] = PlaceAlias(
                        place_id=place_id,
                        key=key,
                        label=variant,
                        kind=kind,
                        valid_from=period.start,
                        valid_to=period.end,
                    )
                else:  # the same alias in two periods: widen to cover both
                    known.valid_from = _earliest(known.valid_from, period.start)
                    known.valid_to = _latest(known.valid_to, period.end)
    return list(rows.values())


def _earliest(first: date | None, second: date | None) -> date | None:
    """The earlier of two period starts, where None means 'always'."""
    return None if first is None or second is None else min(first, second)


def _latest(first: date | None, second: date | None) -> date | None:
    """The later of two period ends, where None means 'open'."""
    return None if first is None or second is None else max(first, second)


def _always(labels: Iterable[str]) -> Periods:
    """Names valid for all time."""
    return [(label, Period(None, None)) for label in labels]


PlaceKey = tuple[str, str]  # a place's level and code


def wanted_aliases(register: Register) -> dict[PlaceKey, tuple[Periods, Periods]]:
    """The names and codes of every place this version knows, by the place's level and code."""
    wanted: dict[PlaceKey, tuple[Periods, Periods]] = {
        ("nation", NATION[0]): (_always([NATION[1], *NATION[2]]), [])
    }
    for code, (name, aliases) in INTERNATIONAL.items():
        wanted[("international", code)] = (_always([name, *aliases]), [])
    for code, (name, aliases, _) in IMDI_REGIONS.items():  # 'IMDi Midt' as 'Midt' and 'IMDi Midt-Norge'
        known = dict.fromkeys([name, *aliases, *(f"IMDi {alias}" for alias in aliases)])
        wanted[("region", code)] = (_always(list(known)), [])
    for county in register.counties:
        period = Period(county.start, county.end)
        names = [(name, period) for name in [county.name, *county_other_names(county.name)]]
        wanted[("county", county.code)] = (names, [(county.code, period)])
    for municipality in register.municipalities:
        short = _always(MUNICIPALITY_ABBREVIATIONS.get(municipality.display_name, []))
        wanted[("municipality", municipality.code)] = ([*municipality.names, *short], municipality.codes)
    for code, (name, aliases, _) in NAMED_GROUPS.items():
        wanted[("group", code)] = (_always([name, *aliases]), [])
    return wanted


class _Places:
    """Inserts places, each with the names and codes this version knows for it."""

    def __init__(self, session: AsyncSession, register: Register) -> None:
        self.session = session
        self.wanted = wanted_aliases(register)

    async def add(self, place: Place) -> Place:
        """Insert a place with its aliases and return it with its id."""
        self.session.add(place)
        await self.session.flush()
        assert place.id is not None
        self.session.add_all(_aliases(place.id, *self.wanted[(place.level, place.code)]))
        return place


async def load_places(session: AsyncSession) -> int:
    """Create every place of the register, the regions, the nation and named groups; skip if done."""
    if (await session.exec(select(Place.id).limit(1))).first() is not None:
        return 0
    register = load_register()
    places = _Places(session, register)
    nation = await places.add(Place(code=NATION[0], name=NATION[1], level="nation"))
    for code, (name, _) in INTERNATIONAL.items():
        await places.add(Place(code=code, name=name, level="international"))
    regions: dict[str, Place] = {}
    for code, (name, _, _) in IMDI_REGIONS.items():
        regions[code] = await places.add(Place(code=code, name=name, level="region"))
    counties: dict[str, Place] = {}
    for county in register.counties:
        place = Place(
            code=county.code,
            name=county.name,
            level="county",
            valid_from=county.start,
            valid_to=county.end,
        )
        counties[county.code] = await places.add(place)
    for municipality in register.municipalities:
        await _add_municipality(places, municipality, counties, regions, nation)
    await _add_named_groups(places)
    return len(register.municipalities)


async def add_missing_aliases(session: AsyncSession) -> int:
    """Add the names and codes this version knows for stored places that the database lacks; return how many."""
    wanted = wanted_aliases(load_register())
    known = set((await session.exec(select(PlaceAlias.place_id, PlaceAlias.key, PlaceAlias.kind))).all())
    missing = [
        alias
        for place_id, level, code in (await session.exec(select(Place.id, Place.level, Place.code))).all()
        if place_id is not None and (level, code) in wanted
        for alias in _aliases(place_id, *wanted[(level, code)])
        if (alias.place_id, alias.key, alias.kind) not in known
    ]
    session.add_all(missing)
    await session.flush()
    return len(missing)


async def _add_municipality(
    places: _Places,
    municipality: Municipality,
    counties: dict[str, Place],
    regions: dict[str, Place],
    nation: Place,
) -> None:
    """Insert one municipality with its aliases and its county, region and nation memberships."""
    place = await places.add(
        Place(
            code=municipality.code,
            name=municipality.display_name,
            level="municipality",
            valid_from=municipality.start,
            valid_to=municipality.end,
            successor_code=",".join(municipality.successors) or None,
        ),
    )
    assert place.id is not None
    for county_code, period in municipality.counties:
        county = counties[county_code]
        assert county.id is not None
        places.session.add(
            Membership(parent_id=county.id, child_id=place.id, valid_from=period.start, valid_to=period.end)
        )
    region = region_of_county(municipality.counties[-1][0])
    for parent in ([regions[region]] if region else []) + [nation]:
        assert parent.id is not None
        places.session.add(
            Membership(
                parent_id=parent.id,
                child_id=place.id,
                valid_from=municipality.start,
                valid_to=municipality.end,
            )
        )


async def _add_named_groups(places: _Places) -> None:
    """Insert the named groups (Trondheimsregionen) with their members."""
    for code, (name, _, member_codes) in NAMED_GROUPS.items():
        group = await places.add(Place(code=code, name=name, level="group"))
        assert group.id is not None
        for member_code in member_codes:
            member = await place_by_code(places.session, member_code)
            assert member is not None and member.id is not None
            places.session.add(Membership(parent_id=group.id, child_id=member.id))


async def place_by_code(session: AsyncSession, code: str, year: int | None = None) -> Place | None:
    """The place a code names (in a given year, for codes that were reused)."""
    query = (
        select(Place)
        .join(PlaceAlias, col(PlaceAlias.place_id) == col(Place.id))
        .where(PlaceAlias.kind == "code", PlaceAlias.key == normalise(code))
    )
    places = list((await session.exec(query)).all())
    if not places:
        query = select(Place).where(Place.code == code)
        places = list((await session.exec(query)).all())
    if year is not None and len(places) > 1:
        places = [p for p in places if valid_in(p, year)] or places
    return places[0] if places else None


def _read(name: str) -> list[dict[str, str]]:
    """Rows of one seed CSV file."""
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


async def load_sources(session: AsyncSession) -> dict[str, Source]:
    """Create the seed documents as sources (once) and return them by key."""
    known = {s.key: s for s in (await session.exec(select(Source))).all()}
    for row in _read("seed_sources.csv"):
        if row["key"] not in known:
            source = Source(
                key=row["key"],
                title=row["title"],
                document_date=date.fromisoformat(row["document_date"]),
                date_approximate=row["date_approximate"] == "true",
                description=row["description"],
            )
            session.add(source)
            known[row["key"]] = source
    await session.flush()
    return known


async def load_seed_figures(session: AsyncSession) -> int:
    """Insert every seed statement not already stored; return how many were added."""
    sources = await load_sources(session)
    seed_ids = [s.id for key, s in sources.items() if key.startswith("seed-")]
    existing = {
        (f.source_id, f.place_id, f.year, f.measure, f.group, f.as_of, f.value, f.source_table)
        for f in (await session.exec(select(Figure).where(col(Figure.source_id).in_(seed_ids)))).all()
    }
    now = datetime.now(UTC)
    added = 0
    for row in _read("seed_figures.csv"):
        figure = await _seed_figure(session, row, sources[row["source"]], now)
        key = (
            figure.source_id,
            figure.place_id,
            figure.year,
            figure.measure,
            figure.group,
            figure.as_of,
            figure.value,
            figure.source_table,
        )
        if key not in existing:
            session.add(figure)
            existing.add(key)
            added += 1
    await session.flush()
    return added


async def _seed_figure(session: AsyncSession, row: dict[str, str], source: Source, now: datetime) -> Figure:
    """One seed row as a figure, its place found by the code of its time."""
    year = int(row["year"])
    place = await place_by_code(session, row["area_code"], year)
    if place is None or place.id is None or source.id is None:
        raise LookupError(f"seed row names unknown place {row['area_code']} {row['area_name']}")
    return Figure(
        place_id=place.id,
        year=year,
        measure=row["measure"],
        group=row["group"],
        value=float(row["value"]),
        approximate=row["approximate"] == "true",
        scope=row["scope"],
        as_of=date.fromisoformat(row["as_of"]),
        source_id=source.id,
        source_table=row["table"],
        source_area=f"{row['area_code']} {row['area_name']}"
        if row["area_code"].isdigit()
        else row["area_name"],
        note=row["note"],
        recorded_at=now,
    )


class Seeded(NamedTuple):
    """What a seed added: municipalities (with every place), other names of places stored before, figures."""

    municipalities: int
    names: int
    figures: int


async def seed(session: AsyncSession) -> Seeded:
    """Load places (or the names a database seeded by an earlier version lacks) and seed figures."""
    municipalities = await load_places(session)
    names = 0 if municipalities else await add_missing_aliases(session)
    return Seeded(municipalities, names, await load_seed_figures(session))
