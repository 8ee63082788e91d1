"""Finding places by name, code, old name or old code, and with typos, never by guesswork."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import Select

from store.models import Membership, Place, PlaceAlias, place_id_of
from store.names import normalise
from store.queries import places_with_figures

SIMILAR = 60  # a suggested name shares at least this share (%) of its letters with the text, in order


class Span(NamedTuple):
    """A member's time in a larger place, as a plain tuple (walked for every total, so kept cheap)."""

    child_id: int
    valid_from: date | None
    valid_to: date | None


@dataclass(frozen=True)
class PlaceMatch:
    """A place found for a piece of text, and how it was found."""

    place: Place
    label: str  # the name or code that matched
    how: str  # "exact", "code", "old" (an earlier name or code) or "fuzzy"


def allowed_typos(key: str) -> int:
    """How many edits a name of this length may carry and still be recognised."""
    return 0 if len(key) <= 3 else 1 if len(key) <= 6 else 2


def _overlaps(start: date | None, end: date | None, year: int) -> bool:
    """Whether a period [start, end), open where None, overlaps a year."""
    return (start is None or start <= date(year, 12, 31)) and (end is None or end > date(year, 1, 1))


def valid_in(place: Place, year: int) -> bool:
    """Whether a place existed at some time during a year."""
    return _overlaps(place.valid_from, place.valid_to, year)


def _ancestors(place_ids: set[int], memberships: dict[int, list[Span]]) -> set[int]:
    """The counties, regions, groups and nation whose members include any of these places."""
    parents: dict[int, list[int]] = defaultdict(list)
    for parent, members in memberships.items():
        for member in members:
            parents[member.child_id].append(parent)
    found: set[int] = set()
    pending = list(place_ids)
    while pending:
        for parent in parents[pending.pop()]:
            if parent not in found:
                found.add(parent)
                pending.append(parent)
    return found


class PlaceIndex:
    """All places and their aliases in memory, for fast lookups while answering."""

    def __init__(
        self,
        places: list[Place],
        aliases: list[PlaceAlias],
        with_figures: set[int],
        memberships: dict[int, list[Span]],
    ) -> None:
        self.places = {p.id: p for p in places if p.id is not None}
        self.by_code = {p.code: p for p in places}
        self.with_figures = with_figures
        self.memberships = memberships
        self.members_cache: dict[tuple[int, int], list[Place]] = {}
        self.aliases: dict[str, list[PlaceAlias]] = defaultdict(list)
        for alias in aliases:
            self.aliases[alias.key].append(alias)
        self.name_keys = sorted({a.key for a in aliases if a.kind == "name"})

    @classmethod
    async def build(cls, session: AsyncSession) -> PlaceIndex:
        """Read every place and alias from the database."""
        places = list((await session.exec(select(Place))).all())
        aliases = list((await session.exec(select(PlaceAlias))).all())
        memberships: dict[int, list[Span]] = defaultdict(list)
        columns = [col(getattr(Membership, name)) for name in ("parent_id", *Span._fields)]
        rows: list[Any] = list((await session.exec(Select(*columns))).all())
        for parent_id, *span in rows:
            memberships[parent_id].append(Span._make(span))
        direct = await places_with_figures(session)
        return cls(places, aliases, direct | _ancestors(direct, memberships), memberships)

    def has_figures(self, place: Place) -> bool:
        """Whether any figure is stored for the place or, for a larger place, for one of its members."""
        return place.id in self.with_figures

    def exact(self, text: str, *, year: int | None = None) -> list[PlaceMatch]:
        """Places whose name or code is exactly the text (ignoring case and æøå spelling)."""
        found: dict[int, PlaceMatch] = {}
        today = date.today()
        for alias in self.aliases.get(normalise(text), []):
            place = self.places[alias.place_id]
            old = alias.valid_to is not None and alias.valid_to <= today and place.valid_to != alias.valid_to
            how = "old" if old else "code" if alias.kind == "code" else "exact"
            found.setdefault(alias.place_id, PlaceMatch(place, alias.label, how))
        return self._prefer_year(self._prefer_municipality(list(found.values())), year)

    def fuzzy(self, text: str, *, year: int | None = None, limit: int = 5) -> list[PlaceMatch]:
        """Places whose name is within a few typing errors of the text, closest first."""
        key = normalise(text)
        typos = allowed_typos(key)
        if typos == 0 or key.isdigit():
            return []
        hits = process.extract(key, self.name_keys, scorer=OSA.distance, score_cutoff=typos, limit=limit)
        found: dict[int, PlaceMatch] = {}
        for hit_key, _, _ in hits:
            for alias in self.aliases[hit_key]:
                found.setdefault(
                    alias.place_id, PlaceMatch(self.places[alias.place_id], alias.label, "fuzzy")
                )
        return self._prefer_year(list(found.values()), year)

    def search(self, text: str, *, year: int | None = None) -> list[PlaceMatch]:
        """Exact matches if there are any, otherwise typo-tolerant ones."""
        return self.exact(text, year=year) or self.fuzzy(text, year=year)

    def suggestions(self, text: str, *, limit: int = 3) -> list[Place]:
        """Names somewhat like the text, for a 'did you mean' answer."""
        hits = process.extract(
            normalise(text), self.name_keys, scorer=fuzz.ratio, limit=limit * 3, score_cutoff=SIMILAR
        )
        seen: dict[int, Place] = {}
        for hit_key, _, _ in hits:
            for alias in self.aliases[hit_key]:
                seen.setdefault(alias.place_id, self.places[alias.place_id])
        return list(seen.values())[:limit]

    def members_in_year(self, parent: Place, year: int) -> list[Place]:
        """The municipalities of a county, region, nation or group in a year, by name.

        Before a county existed (Trøndelag in 2015), the municipalities of that year that it was first
        made of: its first members that existed then, and those that were merged into one of them.
        The index lives until data changes, so each answer is worked out once.
        """
        key = (place_id_of(parent), year)
        if key not in self.members_cache:
            self.members_cache[key] = self._members(parent, year)
        return self.members_cache[key]

    def members_ever(self, parent: Place) -> list[Place]:
        """The municipalities that belonged to a county, region, nation or group at any time."""
        spans = self.memberships.get(place_id_of(parent), [])
        return [self.places[s.child_id] for s in spans if self.places[s.child_id].level == "municipality"]

    def _members(self, parent: Place, year: int) -> list[Place]:
        """members_in_year, computed."""
        spans = self.memberships.get(place_id_of(parent), [])
        if parent.valid_from is None or parent.valid_from <= date(year, 12, 31):
            ids = {s.child_id for s in spans if _overlaps(s.valid_from, s.valid_to, year)}
        else:
            first = {s.child_id for s in spans if _overlaps(s.valid_from, s.valid_to, parent.valid_from.year)}
            ids = {
                place_id
                for place_id, place in self.places.items()
                if valid_in(place, year) and (place_id in first or self._merged_into(place, first))
            }
        found = [self.places[i] for i in ids if self.places[i].level == "municipality"]
        return sorted(found, key=lambda p: p.name)

    def _merged_into(self, place: Place, ids: set[int]) -> bool:
        """Whether a former place became, through one or more mergers, one of these places."""
        seen: set[int] = set()
        pending = [place]
        while pending:
            for code in (pending.pop().successor_code or "").split(","):
                successor = self.by_code.get(code.strip())
                if successor is None or place_id_of(successor) in seen:
                    continue
                if place_id_of(successor) in ids:
                    return True
                seen.add(place_id_of(successor))
                pending.append(successor)
        return False

    def predecessors(self, place: Place) -> list[Place]:
        """Former municipalities that were merged into this one."""
        return [
            p for p in self.places.values() if p.successor_code and place.code in p.successor_code.split(",")
        ]

    @staticmethod
    def _prefer_municipality(matches: list[PlaceMatch]) -> list[PlaceMatch]:
        """Where a county and a municipality share a name (Oslo), mean the municipality."""
        names = {m.place.name for m in matches if m.place.level == "municipality"}
        return [m for m in matches if m.place.level == "municipality" or m.place.name not in names]

    @staticmethod
    def _prefer_year(matches: list[PlaceMatch], year: int | None) -> list[PlaceMatch]:
        """Of several matches, keep those that existed in the year asked about, if any did."""
        if year is None or len(matches) < 2:
            return matches
        return [m for m in matches if valid_in(m.place, year)] or matches
