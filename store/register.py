"""The SSB municipality register (KLASS 131) turned into places, aliases and memberships."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REGISTER = Path(__file__).parent / "data" / "register"
FIRST_VERSION = date(2008, 1, 1)
EARLIEST = date(1995, 1, 1)  # IMDi's statistics begin in 1995: the change list takes the register back to it
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
        ["Midt", "Midt-Norge", "Midt-Noreg", "Midt Norge", "Region Midt", "Mid-Norway", "Central Norway"],
        {"15", "16", "17", "50"},
    ),
    "IMDI-NORD": (
        "IMDi Nord",
        ["Nord", "Nord-Norge", "Nord-Noreg", "Northern Norway", "North Norway"],
        {"18", "19", "20", "54", "55", "56"},
    ),
}
# What a county's municipalities are called together ("de sørtrønderske kommunene"): the adjective of the
# county's name, in its plain and its inflected form (sørtrøndersk, sørtrønderske).
COUNTY_ADJECTIVES = {
    "Østfold": ["østfoldsk"],
    "Vestfold": ["vestfoldsk"],
    "Telemark": ["telemarksk"],
    "Rogaland": ["rogalandsk"],
    "Hordaland": ["hordalandsk"],
    "Sør-Trøndelag": ["sørtrøndersk", "sør-trøndersk"],
    "Nord-Trøndelag": ["nordtrøndersk", "nord-trøndersk"],
    "Trøndelag": ["trøndersk"],
    "Nordland": ["nordlandsk"],
    "Finnmark": ["finnmarksk"],
    "Agder": ["agdersk"],
}
# The English names of the counties that English texts spell otherwise.
COUNTY_ENGLISH_NAMES = {
    "Sør-Trøndelag": ["South Trøndelag", "South-Trøndelag", "South Trondelag"],
    "Nord-Trøndelag": ["North Trøndelag", "North-Trøndelag", "North Trondelag"],
}
# The letters coordinators shorten the counties of IMDi Midt-Norge to ("nye kommuner i MR").
COUNTY_ABBREVIATIONS = {"Møre og Romsdal": ["MR", "M&R"], "Sør-Trøndelag": ["ST"], "Nord-Trøndelag": ["NT"]}
# The short forms coordinators write for municipalities ('trd em 2017', 'midt. gauldal plantall 17').
MUNICIPALITY_ABBREVIATIONS = {
    "Trondheim": ["Trd", "Tr.heim"],
    "Midtre Gauldal": ["Midt. Gauldal", "M. Gauldal"],
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
    own_code: str = ""  # a former municipality whose last number another took later: '0716-2001' (Våle)

    @property
    def code(self) -> str:
        """The last code the municipality had (its own, where another took that number)."""
        return self.own_code or self.codes[-1][0]

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
    for entity in everyone:  # the first version's periods reach back to before it (to 1995 and earlier)
        for periods in (entity.codes, entity.names, entity.counties):
            if periods[0][1].start == FIRST_VERSION:
                periods[0][1].start = None
    everyone += _earlier(everyone)
    for county in counties.values():
        county.start = None if county.start == FIRST_VERSION else county.start
        ends = county_ends[county.code]
        county.end = None if None in ends else max(end for end in ends if end is not None)
    return Register(everyone, sorted(counties.values(), key=lambda c: c.code))


def _earlier(everyone: list[Municipality]) -> list[Municipality]:
    """The register taken back to 1995 by the change list: earlier numbers and names, and the former municipalities.

    Walked from the latest change back: a municipality renumbered or renamed keeps its earlier number or
    name; one merged into another under a new name is a former municipality, and a merger under a name
    none of its parts had makes a municipality that began that day (Våle and Ramnes became Re in 2002).
    """
    changes: dict[date, list[dict[str, str]]] = defaultdict(list)
    for change in _read("kommune_endringer_1977_2024.csv"):
        day = date.fromisoformat(change["endringsdato"])
        if EARLIEST <= day <= FIRST_VERSION:
            changes[day].append(change)
    formers: list[Municipality] = []
    for day in sorted(changes, reverse=True):
        made: list[Municipality] = []
        known = [*everyone, *formers]
        targets = {
            c["nytt_nummer"]: next((m for m in known if m.codes[0][0] == c["nytt_nummer"]), None)
            for c in changes[day]
        }
        for change in changes[day]:
            new, old, name = change["nytt_nummer"], change["gammelt_nummer"], change["gammelt_navn"].strip()
            target, parts = targets[new], [c for c in changes[day] if c["nytt_nummer"] == new]
            if target is None:
                continue
            if len(parts) == 1 or _same_name(name, change["nytt_navn"]):
                _begin(target, old, name, day)
                continue
            made.append(
                Municipality(
                    [(old, Period(None, day))], [(name, Period(None, day))], [(old[:2], Period(None, day))]
                )
            )
            made[-1].end, made[-1].successors = day, [new]
            if any(old == code for m in known for code, _ in m.codes):
                made[-1].own_code = f"{old}-{day.year - 1}"
            if not any(_same_name(c["gammelt_navn"].strip(), c["nytt_navn"]) for c in parts):
                target.start = day
                for periods in (target.codes, target.names, target.counties):
                    periods[0][1].start = day
        formers += made
    return formers


def _begin(municipality: Municipality, code: str, name: str, day: date) -> None:
    """A municipality's number or name before a day, when it changed then."""
    if municipality.codes[0][0] != code:
        municipality.codes.insert(0, (code, Period(None, day)))
        municipality.codes[1][1].start = day
    if not _same_name(municipality.names[0][0], name):
        municipality.names.insert(0, (name, Period(None, day)))
        municipality.names[1][1].start = day
    if municipality.counties[0][0] != code[:2]:
        municipality.counties.insert(0, (code[:2], Period(None, day)))
        municipality.counties[1][1].start = day


def county_other_names(name: str) -> list[str]:
    """A county's English names, its abbreviation and the adjectives that name its municipalities together."""
    adjectives = [
        form for adjective in COUNTY_ADJECTIVES.get(name, []) for form in (adjective, f"{adjective}e")
    ]
    return COUNTY_ENGLISH_NAMES.get(name, []) + COUNTY_ABBREVIATIONS.get(name, []) + adjectives


def region_of_county(county_code: str) -> str | None:
    """The IMDi region a county belongs to (None for Viken, which IMDi split)."""
    return next((key for key, (_, _, codes) in IMDI_REGIONS.items() if county_code in codes), None)
