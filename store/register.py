"""The SSB municipality register (KLASS 131) turned into places, aliases and memberships."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REGISTER = Path(__file__).parent / "data" / "register"
FIRST_VERSION = date(2008, 1, 1)
UNKNOWN_CODES = {"9999", "99"}

IMDI_REGIONS = {
    "IMDI-OST": ("IMDi Øst", ["Øst", "Aust"], {"01", "02", "03", "31", "32"}),
    "IMDI-INDRE-OST": (
        "IMDi Indre Øst",
        ["Indre Øst", "Indre Aust"],
        {"04", "05", "06", "33", "34"},
    ),
    "IMDI-SOR": ("IMDi Sør", ["Sør"], {"07", "08", "09", "10", "38", "39", "40", "42"}),
    "IMDI-VEST": ("IMDi Vest", ["Vest"], {"11", "12", "14", "46"}),
    "IMDI-MIDT": (
        "IMDi Midt-Norge",
        ["Midt", "Midt-Norge", "Midt-Noreg", "Midt Norge", "Region Midt"],
        {"15", "16", "17", "50"},
    ),
    "IMDI-NORD": (
        "IMDi Nord",
        ["Nord", "Nord-Norge", "Nord-Noreg"],
        {"18", "19", "20", "54", "55", "56"},
    ),
}
NATION = ("NO", "Norge", ["Noreg", "Norway", "landet", "hele landet", "heile landet", "nasjonalt"])
INTERNATIONAL = {"WORLD": ("Verden", ["World", "globalt"]), "EUROPE": ("Europa", ["Europe"])}
NAMED_GROUPS = {
    "TRONDHEIMSREGIONEN": (
        "Trondheimsregionen",
        ["Trondheim region", "Trondheimsregionen"],
        ["1601", "1653", "1663", "1638", "1657", "1624", "1648", "1714", "1718", "1662"],
    )
}


@dataclass
class Period:
    """A validity period; None on either side means open."""

    start: date | None
    end: date | None


@dataclass
class Municipality:
    """One municipality followed across its renumberings, with its codes, names and counties."""

    codes: list[tuple[str, Period]] = field(default_factory=list)
    names: list[tuple[str, Period]] = field(default_factory=list)
    counties: list[tuple[str, Period]] = field(default_factory=list)
    start: date | None = None
    end: date | None = None
    successors: list[str] = field(default_factory=list)

    @property
    def code(self) -> str:
        """The last code the municipality had."""
        return self.codes[-1][0]

    @property
    def display_name(self) -> str:
        """The last name, in the plain form used earlier where the official one added a second language."""
        last = self.names[-1][0]
        earlier = {name for name, _ in self.names[:-1]}
        plain = [part for part in last.split(" - ") if part in earlier]
        return plain[0] if plain and " - " in last else last


@dataclass
class County:
    """A county by its code, with its name and validity."""

    code: str
    name: str
    start: date | None
    end: date | None


@dataclass
class Register:
    """Everything read from the register files."""

    municipalities: list[Municipality]
    counties: list[County]


def _read(name: str) -> list[dict[str, str]]:
    """Rows of one register CSV file."""
    with (REGISTER / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _day(text: str) -> date | None:
    """An ISO date, or None for an empty field."""
    return date.fromisoformat(text) if text else None


def _same_name(old: str, new: str) -> bool:
    """Whether two official names name the same municipality (a renumbering, not a merger)."""
    from store.names import name_variants, normalise

    return bool({normalise(v) for v in name_variants(old)} & {normalise(v) for v in name_variants(new)})


def _extend(periods: list[tuple[str, Period]], value: str, start: date, end: date | None) -> None:
    """Append a value's period, merging with the previous one when the value is unchanged."""
    if periods and periods[-1][0] == value and periods[-1][1].end == start:
        periods[-1][1].end = end
    else:
        periods.append((value, Period(start, end)))


def load_register() -> Register:
    """Read the register files and follow each municipality through its versions."""
    versions: dict[date, list[dict[str, str]]] = defaultdict(list)
    for row in _read("kommuner_versjoner_2008_2024.csv"):
        if row["kommunenummer"] not in UNKNOWN_CODES:
            versions[date.fromisoformat(row["versjon_gyldig_fra"])].append(row)
    renumbered = defaultdict(set)
    for change in _read("kommune_endringer_1977_2024.csv"):
        renumbered[change["nytt_nummer"]].add(change["gammelt_nummer"])
    successors = defaultdict(list)
    for change in _read("kommune_endringer_1977_2024.csv"):
        if date.fromisoformat(change["endringsdato"]) > FIRST_VERSION:
            successors[change["gammelt_nummer"]].append(change["nytt_nummer"])

    current: dict[str, tuple[Municipality, str]] = {}
    everyone: list[Municipality] = []
    counties: dict[str, County] = {}
    county_ends: dict[str, set[date | None]] = defaultdict(set)
    for start in sorted(versions):
        following: dict[str, tuple[Municipality, str]] = {}
        for row in versions[start]:
            code, name, end = (
                row["kommunenummer"],
                row["kommunenavn"],
                _day(row["versjon_gyldig_til"]),
            )
            known = current.get(code)
            if known is None or not _same_name(known[1], name):
                known = next(
                    (
                        current[old]
                        for old in renumbered[code]
                        if old in current and _same_name(current[old][1], name)
                    ),
                    None,
                )
            if known is None:
                known = (Municipality(start=None if start == FIRST_VERSION else start), name)
                everyone.append(known[0])
            entity = known[0]
            _extend(entity.codes, code, start, end)
            _extend(entity.names, name, start, end)
            _extend(entity.counties, row["fylkesnummer"], start, end)
            entity.end = end
            following[code] = (entity, name)
            county_ends[row["fylkesnummer"]].add(end)
            counties.setdefault(
                row["fylkesnummer"], County(row["fylkesnummer"], row["fylkesnavn"], start, end)
            )
        current = following
    for entity in everyone:
        if entity.end is not None:
            entity.successors = sorted(set(successors.get(entity.code, [])))
    for county in counties.values():
        county.start = None if county.start == FIRST_VERSION else county.start
        ends = county_ends[county.code]
        county.end = None if None in ends else max(end for end in ends if end is not None)
    return Register(everyone, sorted(counties.values(), key=lambda c: c.code))


def region_of_county(county_code: str) -> str | None:
    """The IMDi region a county belongs to (None for Viken, which IMDi split)."""
    return next((key for key, (_, _, codes) in IMDI_REGIONS.items() if county_code in codes), None)
