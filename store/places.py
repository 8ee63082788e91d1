"""Finding places by name, code, old name or old code, and with typos, never by guesswork."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from copy import copy
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import pairwise
from typing import Any, NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import Select

from store.models import Membership, Place, PlaceAlias, Source, place_id_of
from store.names import normalise, words_from
from store.queries import places_with_figures

SOURCE_WORD = re.compile(r"[^\W\d_]{5,}")  # a word of a source's title that may name it: 'Salomonsen'
TITLE_WORD = re.compile(r"[^\W\d_]{4,}")  # a title's words but the smallest ('og', 'av'), for its pairs
SIMILAR = 60  # a suggested name shares at least this share (%) of its letters with the text, in order
NORWEGIAN = re.compile("[æøåÆØÅ]")
KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


class Span(NamedTuple):
    """A member's time in a larger place, as a plain tuple (walked for every total, so kept cheap)."""

    child_id: int
    valid_from: date | None
    valid_to: date | None


class Alias(NamedTuple):
    """A name or code a place is or was known by, as a plain tuple (1 500 ORM objects took 40 ms to read)."""

    key: str
    place_id: int
    label: str
    kind: str
    valid_to: date | None


class Register(NamedTuple):
    """The rows of places, their aliases and memberships, as read to build an index."""

    places: tuple[tuple[Any, ...], ...]
    aliases: tuple[Alias, ...]
    memberships: tuple[tuple[Any, ...], ...]


PLACE_COLUMNS = tuple(Place.__table__.columns.keys())  # type: ignore[attr-defined]


@dataclass(frozen=True)
class PlaceMatch:
    """A place found for a piece of text, and how it was found."""

    place: Place
    label: str  # the name or code that matched
    how: str  # "exact", "code", "old" (an earlier name or code) or "fuzzy"


def allowed_typos(key: str) -> int:
    """How many edits a name of this length may carry and still be recognised."""
    return 0 if len(key) <= 3 else 1 if len(key) <= 6 else 2


def _keys_next(first: str, second: str) -> bool:
    """Whether two letters are neighbours on the keyboard (the same row, or the row above or below)."""
    where = {letter: (row, column) for row, keys in enumerate(KEYBOARD) for column, letter in enumerate(keys)}
    if first not in where or second not in where:
        return False
    (row, column), (other_row, other_column) = where[first], where[second]
    return abs(row - other_row) <= 1 and other_column - column in (
        (-1, 1) if row == other_row else (-1, 0, 1)
    )


def typo_rank(typed: str, name: str, label: str) -> tuple[int, bool, bool, bool]:
    """How near a typo is to a name (its key and as written), nearest smallest: edits, then whether it is
    not the name with its æ, ø or å left out ('stjrdal'), the first and last letters differ, and the one
    letter changed is no keyboard neighbour of the name's."""
    changed = [(a, b) for a, b in zip(typed, name, strict=False) if a != b] if len(typed) == len(name) else []
    slip = len(changed) == 1 and _keys_next(*changed[0])
    ends = typed[:1] == name[:1] and typed[-1:] == name[-1:]
    dropped = NORWEGIAN.search(label) is not None and normalise(NORWEGIAN.sub("", label)) == typed
    return OSA.distance(typed, name), not dropped, not ends, not slip


@cache
def _year_bounds(year: int) -> tuple[date, date]:
    """A year's first and last day, made once (the nation's 1 700 spans are each compared with them)."""
    return date(year, 1, 1), date(year, 12, 31)


def _overlaps(start: date | None, end: date | None, year: int) -> bool:
    """Whether a period [start, end), open where None, overlaps a year."""
    first, last = _year_bounds(year)
    return (start is None or start <= last) and (end is None or end > first)


def valid_in(place: Place, year: int) -> bool:
    """Whether a place existed at some time during a year."""
    return _overlaps(place.valid_from, place.valid_to, year)


def _ancestors(place_ids: set[int], parents: dict[int, list[int]]) -> set[int]:
    """Every place reached from these by following parents (memberships, mergers) any number of times."""
    found: set[int] = set()
    pending = list(place_ids)
    while pending:
        for parent in parents.get(pending.pop(), []):
            if parent not in found:
                found.add(parent)
                pending.append(parent)
    return found


def _parents(
    places: list[Place], by_any_code: dict[str, Place], memberships: dict[int, list[Span]]
) -> dict[int, list[int]]:
    """For each place, the larger places it belongs to and the municipality it was wholly merged into."""
    parents: dict[int, list[int]] = defaultdict(list)
    for parent, members in memberships.items():
        for member in members:
            parents[member.child_id].append(parent)
    for place in places:
        successors = successor_codes(place)
        if len(successors) == 1 and successors[0] in by_any_code and place.id is not None:
            parents[place.id].append(place_id_of(by_any_code[successors[0]]))
    return parents


def codes_ever(places: list[Place], aliases: list[Alias]) -> dict[str, Place]:
    """Each place by its code and by the codes it had before (Drammen by 3005, its code 2020–2023)."""
    by_id = {p.id: p for p in places}
    former = {a.key: by_id[a.place_id] for a in aliases if a.kind == "code" and a.place_id in by_id}
    return former | {p.code: p for p in places}


def successor_codes(place: Place) -> list[str]:
    """The codes of the municipalities a former municipality went into (several when it was split)."""
    return [code.strip() for code in (place.successor_code or "").split(",") if code.strip()]


async def _rows(session: AsyncSession, table: type[Any], names: tuple[str, ...]) -> list[Any]:
    """Some columns of every row of a table, as plain rows."""
    return list((await session.exec(Select(*(col(getattr(table, name)) for name in names)))).all())


class PlaceIndex:
    """All places and their aliases in memory, for fast lookups while answering."""

    def __init__(
        self,
        places: list[Place],
        aliases: list[Alias],
        with_own_figures: set[int],
        memberships: dict[int, list[Span]],
        sources: dict[int, str] | None = None,
    ) -> None:
        self.register: Register | None = None  # the rows read, where built from the database
        self.places = {p.id: p for p in places if p.id is not None}
        self.by_code = {p.code: p for p in places}
        self.by_any_code = codes_ever(places, aliases)
        # a larger place has its members' figures
        self.parents = _parents(places, self.by_any_code, memberships)
        self.memberships = memberships
        # plain, so that members are worked out without reading ORM attributes (a microsecond each)
        self.municipality_ids = frozenset(i for i, p in self.places.items() if p.level == "municipality")
        self.name_of = {i: p.name for i, p in self.places.items()}
        self.members_cache: dict[tuple[int, int], tuple[list[Place], frozenset[int]]] = {}
        self.former_cache: dict[int, list[Place]] = {}
        self.counties_cache: dict[tuple[int, int | None], list[Place]] = {}
        self.exact_cache: dict[str, tuple[date, list[PlaceMatch]]] = {}  # by name, as of a day
        self.made_from: dict[int, list[Place]] | None = None  # see _made_from
        self.aliases: dict[str, list[Alias]] = defaultdict(list)
        for alias in aliases:
            self.aliases[alias.key].append(alias)
        self.words_from = words_from(self.aliases)  # a question's word begins no name unless listed here
        self.name_keys = sorted({a.key for a in aliases if a.kind == "name"})
        # Names of several words by their first words and by their last ('sor', 'trondelag': Sør-Trøndelag).
        self.longer: dict[str, list[str]] = defaultdict(list)
        for key in self.name_keys:
            words = key.split()
            for cut in range(1, len(words)):
                self.longer[" ".join(words[:cut])].append(key)
                self.longer[" ".join(words[cut:])].append(key)
        self.with_figures: set[int] = set()
        self.source_words: dict[str, set[int]] = defaultdict(set)
        self.title_pairs: dict[tuple[str, str], set[int]] = defaultdict(set)
        self._know_figures(with_own_figures, sources or {})

    def _know_figures(self, with_own_figures: set[int], sources: dict[int, str]) -> None:
        """Which places have figures (their own, or their members'), and the words of the sources' titles
        (author and document: 'salomonsen', 'hitimana') that name no place, and their titles' pairs of words
        ('integrering', 'livskvalitet'), with the sources of each."""
        self.with_figures = with_own_figures | _ancestors(with_own_figures, self.parents)
        self.source_words, self.title_pairs = defaultdict(set), defaultdict(set)
        for source_id, source_title in sources.items():
            for word in map(normalise, SOURCE_WORD.findall(source_title)):
                if word not in self.aliases:
                    self.source_words[word].add(source_id)
            for pair in pairwise(map(normalise, TITLE_WORD.findall(source_title))):
                if not (pair[0] in self.aliases or pair[1] in self.aliases):  # 'Midt-Norge' names the region
                    self.title_pairs[pair].add(source_id)

    def with_figures_of(self, with_own_figures: set[int], sources: dict[int, str]) -> PlaceIndex:
        """This index for figures and sources as they now are, the register unchanged: what was worked out of
        the register (members, former municipalities, counties within) is kept, not worked out anew."""
        index = copy(self)
        index._know_figures(with_own_figures, sources)
        return index

    @classmethod
    async def build(cls, session: AsyncSession, previous: PlaceIndex | None = None) -> PlaceIndex:
        """Read every place and alias from the database; where the register is as a previous index read it
        (only figures changed), that index for the figures as they now are."""
        register = Register(
            tuple(await _rows(session, Place, PLACE_COLUMNS)),
            tuple(Alias._make(row) for row in await _rows(session, PlaceAlias, Alias._fields)),
            tuple(await _rows(session, Membership, ("parent_id", *Span._fields))),
        )
        with_own_figures = await places_with_figures(session)
        sources = dict(await _rows(session, Source, ("id", "title")))
        if previous is not None and previous.register == register:
            return previous.with_figures_of(with_own_figures, sources)
        places = list((await session.exec(select(Place))).all())
        memberships: dict[int, list[Span]] = defaultdict(list)
        for parent_id, *span in register.memberships:
            memberships[parent_id].append(Span._make(span))
        index = cls(places, list(register.aliases), with_own_figures, memberships, sources)
        index.register = register
        return index

    def has_figures(self, place: Place) -> bool:
        """Whether any figure is stored for the place, for a larger place's members, or for what it was made of."""
        return place.id in self.with_figures

    def exact(self, text: str, *, year: int | None = None) -> list[PlaceMatch]:
        """Places whose name or code is exactly the text (ignoring case and æøå spelling: 'Stjordal', 'Maalselv')."""
        key, today = normalise(text), date.today()
        day, matches = self.exact_cache.get(key, (None, []))
        if day != today:
            matches = self._exact(key, today)
            if matches:  # a name's, as of today: what is no name is not kept
                self.exact_cache[key] = (today, matches)
        return self._prefer_year(list(matches), year)

    def _exact(self, key: str, today: date) -> list[PlaceMatch]:
        """The places a normalised name or code names as of today (where a municipality and a county share it, the
        municipality)."""
        found: dict[int, PlaceMatch] = {}
        for alias in self.aliases.get(key) or self.aliases.get(key.replace("aa", "a"), []):
            place = self.places[alias.place_id]
            old = alias.valid_to is not None and alias.valid_to <= today and place.valid_to != alias.valid_to
            how = "old" if old else "code" if alias.kind == "code" else "exact"
            found.setdefault(alias.place_id, PlaceMatch(place, alias.label, how))
        return self._prefer_municipality(list(found.values()))

    def fuzzy(self, text: str, *, year: int | None = None, limit: int = 5) -> list[PlaceMatch]:
        """Places whose name is within a few typing errors of the text: the nearest, or those equally near."""
        key = normalise(text)
        typos = allowed_typos(key)
        if typos == 0 or key.isdigit():
            return []
        hits = process.extract(key, self.name_keys, scorer=OSA.distance, score_cutoff=typos, limit=limit)
        ranks = {
            hit_key: min(typo_rank(key, hit_key, alias.label) for alias in self.aliases[hit_key])
            for hit_key, _, _ in hits
        }
        nearest = min(ranks.values(), default=None)
        found: dict[int, PlaceMatch] = {}
        for hit_key in (
            hit for hit, rank in ranks.items() if rank == nearest
        ):  # one clearly nearest, or a tie
            for alias in self.aliases[hit_key]:
                found.setdefault(
                    alias.place_id, PlaceMatch(self.places[alias.place_id], alias.label, "fuzzy")
                )
        return self._prefer_year(self._prefer_municipality(list(found.values())), year)

    def longer_typo(self, exact: str, text: str) -> str | None:
        """The one name of more words, beginning or ending with an exact name, that the text is a typo of ('sor
        trondelg' begins with IMDi Sør's 'sor' and is Sør-Trøndelag, 'sorr trondelag' ends with Trøndelag): the
        nearest within the text's typos."""
        typos = allowed_typos(text)
        distances = {key: OSA.distance(text, key, score_cutoff=typos) for key in self.longer.get(exact, ())}
        nearest = min(distances.values(), default=typos + 1)
        keys = [key for key, distance in distances.items() if distance == nearest <= typos]
        places = {alias.place_id for key in keys for alias in self.aliases[key]}
        return keys[0] if len(places) == 1 else None  # 'midt norge' and 'midt noreg' are one place

    def search(self, text: str, *, year: int | None = None) -> list[PlaceMatch]:
        """Exact matches if there are any, otherwise typo-tolerant ones."""
        return self.exact(text, year=year) or self.fuzzy(text, year=year)

    def completed(self, text: str) -> str | None:
        """The one name that begins as the text does: IMDi's 'Våler (Østf.)' is the register's 'Våler (Østfold)'."""
        key = normalise(text)
        start = bisect_left(self.name_keys, key)
        found = [k for k in self.name_keys[start : start + 2] if k.startswith(key)]
        return found[0] if len(found) == 1 and found[0] != key else None

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
        """The municipalities whose figures make up a county, region, nation or group in a year, by name.

        Before a county existed (Trøndelag in 2015), the municipalities of that year that it was first
        made of: its first members that existed then, and those that were merged into one of them.
        Likewise a municipality made by a merger (Indre Fosen), for a year before it existed: the former
        municipalities of that year wholly merged into it. Otherwise a municipality has none of its own.
        The index lives until data changes, so each answer is worked out once.
        """
        return self._members_of(parent, year)[0]

    def member_ids_in_year(self, parent: Place, year: int) -> frozenset[int]:
        """The ids of members_in_year."""
        return self._members_of(parent, year)[1]

    def _members_of(self, parent: Place, year: int) -> tuple[list[Place], frozenset[int]]:
        """members_in_year and their ids, worked out once."""
        key = (place_id_of(parent), year)
        if key not in self.members_cache:
            ids = self._member_ids(parent, year)
            self.members_cache[key] = ([self.places[i] for i in ids], frozenset(ids))
        return self.members_cache[key]

    def members_ever(self, parent: Place) -> list[Place]:
        """The municipalities that belonged to a county, region, nation or group, or made a municipality, at any time."""
        if parent.level == "municipality":
            return self.former(parent)
        spans = self.memberships.get(place_id_of(parent), [])
        return [self.places[s.child_id] for s in spans if self.places[s.child_id].level == "municipality"]

    def former(self, place: Place) -> list[Place]:
        """The former municipalities wholly merged into a municipality, directly or through earlier mergers.

        A municipality split between several (Snillfjord) is not among them: its part cannot be told apart.
        """
        key = place_id_of(place)
        if key not in self.former_cache:
            found = [p for p in self.places.values() if p.successor_code and self._wholly_into(p, key)]
            self.former_cache[key] = sorted(found, key=lambda p: p.name)
        return self.former_cache[key]

    def _wholly_into(self, place: Place, target_id: int) -> bool:
        """Whether a former municipality went, undivided, through one or more mergers into the target."""
        seen: set[int] = set()
        while True:
            codes = successor_codes(place)
            if len(codes) != 1 or codes[0] not in self.by_any_code:
                return False
            place = self.by_any_code[codes[0]]
            if place_id_of(place) == target_id:
                return True
            if place_id_of(place) in seen:
                return False
            seen.add(place_id_of(place))

    def successors(self, place: Place) -> list[Place]:
        """What a former place became: a municipality's successors, or the counties a county's municipalities moved to."""
        if place.level == "municipality":
            return [self.by_any_code[code] for code in successor_codes(place) if code in self.by_any_code]
        if place.level != "county" or place.valid_to is None:
            return []
        spans = self.memberships.get(place_id_of(place), [])
        leaving = {s.child_id for s in spans if s.valid_to == place.valid_to}
        found = [
            self.places[parent]
            for parent, members in self.memberships.items()
            if self.places[parent].level == "county"
            and any(s.child_id in leaving and s.valid_from == place.valid_to for s in members)
        ]
        return sorted(found, key=lambda p: p.name)

    def counties_within(self, place: Place, year: int | None = None) -> list[Place]:
        """The counties whose municipalities lie in a larger place: those of a year, or of any year."""
        key = (place_id_of(place), year)
        if key not in self.counties_cache:  # each county's members are compared: a few ms, kept like members
            self.counties_cache[key] = self._counties_within(place, year)
        return self.counties_cache[key]

    def _counties_within(self, place: Place, year: int | None) -> list[Place]:
        """counties_within, computed."""

        def members(parent: Place) -> set[int] | frozenset[int]:
            if year is not None:
                return self.member_ids_in_year(parent, year)
            return {place_id_of(member) for member in self.members_ever(parent)}

        within = members(place)
        found = [
            county
            for county in self.places.values()
            if county.level == "county"
            and county.id != place.id
            and (year is None or valid_in(county, year))
            and within & members(county)
        ]
        return sorted(found, key=lambda p: p.name)

    def _member_ids(self, parent: Place, year: int) -> list[int]:
        """The ids of members_in_year, in its order, worked out (the nation's 430: 1.5 ms by ORM attributes)."""
        if parent.level == "municipality":
            former = [] if valid_in(parent, year) else [p for p in self.former(parent) if valid_in(p, year)]
            return [place_id_of(p) for p in former]
        spans = self.memberships.get(place_id_of(parent), [])
        if parent.valid_from is None or parent.valid_from <= date(year, 12, 31):
            ids = {s.child_id for s in spans if _overlaps(s.valid_from, s.valid_to, year)}
        else:
            first = {s.child_id for s in spans if _overlaps(s.valid_from, s.valid_to, parent.valid_from.year)}
            ids = {place_id for place_id in self._becoming(first) if valid_in(self.places[place_id], year)}
        return sorted((i for i in ids if i in self.municipality_ids), key=self.name_of.__getitem__)

    def _becoming(self, ids: set[int]) -> set[int]:
        """These places and every former place that became one of them, through one or more mergers."""
        found, pending = set(ids), list(ids)
        while pending:
            for former in map(place_id_of, self._made_from().get(pending.pop(), ())):
                if former not in found:
                    found.add(former)
                    pending.append(former)
        return found

    def _made_from(self) -> dict[int, list[Place]]:
        """For each place, the places (of any level) whose successor it is, by name: worked out once."""
        if self.made_from is None:
            self.made_from = defaultdict(list)
            for former in sorted(self.places.values(), key=lambda p: p.name):
                for code in successor_codes(former):
                    if code in self.by_any_code:
                        self.made_from[place_id_of(self.by_any_code[code])].append(former)
        return self.made_from

    def predecessors(self, place: Place) -> list[Place]:
        """Former municipalities that were merged into this one (a split one for its part), by name."""
        return [p for p in self._made_from().get(place_id_of(place), []) if p.level == "municipality"]

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
