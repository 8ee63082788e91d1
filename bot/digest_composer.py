"""What a weekly digest says: figures per place, changes since the last digest, who is behind.

Composed here, where answers are composed, and handed to the scheduler as data (`scheduler.delivery.Digest`).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.charts import share_chart
from bot.render import day, escape, number, percent, shown_value, split_message, visible_length
from bot.texts import short_measure_label, text
from scheduler.delivery import Digest, Message
from scheduler.subscriptions import FIRST_LOOKBACK, scope_places, since_last
from store.held import disagreements
from store.models import Figure, Place, Subscription, place_id_of
from store.places import PlaceIndex
from store.queries import Statement, active, current_figures, settled_share, statements
from store.store import Store
from store.vocabulary import PROGRESS_MEASURES

MEASURES = PROGRESS_MEASURES
GROUP = "all"  # digests show everyone's figures, none of which IMDi hides; the rule is applied all the same
SHOWN_PLACES = 25  # rows in the message; the chart and the counts cover every place
CHART_PLACES = 20
CAPTION_LIMIT = 1024


@dataclass(frozen=True)
class Scope:
    """What a digest covers: a named place (municipality, county, region, group) or an own list."""

    title: str
    places: list[Place]


@dataclass(frozen=True)
class Row:
    """One place's current figures and their changes since the previous digest."""

    place: Place
    now: dict[str, float | None]
    deltas: dict[str, float | None]  # None: the figure is new since then

    @property
    def share(self) -> float | None:
        """Settled as a share of the decision, where both are known."""
        return settled_share(self.now.get("decided"), self.now.get("settled"))


def scope_of(place: Place | None, own: list[Place], index: PlaceIndex, year: int, language: str) -> Scope:
    """The places a subscription covers in a year."""
    if place is None:
        return Scope(text("digest_own_list", language), sorted(own, key=lambda p: p.name))
    if place.level == "municipality":
        return Scope(place.name, [place])
    return Scope(place.name, index.members_in_year(place, year))


async def digest_year(session: AsyncSession, *, place_ids: list[int], today: date) -> int:
    """This year, or the latest earlier year with figures for these places."""
    query = select(func.max(Figure.year)).where(
        active(),
        col(Figure.place_id).in_(place_ids),
        col(Figure.measure).in_(MEASURES),
        col(Figure.year) <= today.year,
    )
    return (await session.exec(query)).first() or today.year


def elapsed(year: int, today: date) -> float:
    """The share of a year gone by today (a past year is over)."""
    if year < today.year:
        return 1.0
    start, end = date(year, 1, 1), date(year + 1, 1, 1)
    return (today - start).days / (end - start).days


async def compose(
    session: AsyncSession,
    *,
    index: PlaceIndex,
    scope_place: Place | None,
    own: list[Place],
    since: date,
    today: date,
    language: str,
    hide_small: bool = False,
) -> Digest:
    """The digest of a scope for the current year, with changes since the previous digest's date.

    With hide_small it is composed as for a stranger: small values hidden as in IMDi's public tables.
    """
    first = scope_of(scope_place, own, index, today.year, language)
    year = await digest_year(session, place_ids=[place_id_of(p) for p in first.places] or [0], today=today)
    scope = scope_of(scope_place, own, index, year, language)
    ids = [place_id_of(p) for p in scope.places]
    now = await current_figures(session, place_ids=ids, years=[year], measures=MEASURES, groups=[GROUP])
    then = await current_figures(
        session, place_ids=ids, years=[year], measures=MEASURES, groups=[GROUP], as_of=since
    )
    rows = _rows(scope.places, now, then)
    others = disagreements(now, await statements(session, place_ids=ids))
    pace = elapsed(year, today)
    updated = [s for s in now if s.figure.as_of > since]
    changed = any(row.deltas for row in rows)
    body = _text(scope, year, rows, updated, pace, since, today, language, hide_small)
    body += "".join(f"\n{line}" for line in _other_sources(scope, now, others, language, hide_small))
    chart = await asyncio.to_thread(_chart, scope, year, rows, pace, language)  # the event loop goes on
    return Digest(
        messages=_messages(body, chart, language),
        changed=changed,
        unchanged_note=Message(
            text("digest_unchanged", language, scope=escape(scope.title), date=day(since, language))
        ),
    )


def _values(found: list[Statement]) -> dict[int, dict[str, float | None]]:
    """Values by place id and measure."""
    values: dict[int, dict[str, float | None]] = {}
    for statement in found:
        values.setdefault(statement.figure.place_id, {})[statement.figure.measure] = statement.figure.value
    return values


def _rows(places: list[Place], now: list[Statement], then: list[Statement]) -> list[Row]:
    """A row per place with figures: current values and what changed."""
    current, earlier = _values(now), _values(then)
    rows = []
    for place in places:
        values = current.get(place_id_of(place))
        if not values:
            continue
        before = earlier.get(place_id_of(place), {})
        deltas: dict[str, float | None] = {}
        for measure, value in values.items():
            if measure not in before:
                deltas[measure] = None
            elif value != before[measure] and value is not None and before[measure] is not None:
                deltas[measure] = value - (before[measure] or 0)
        rows.append(Row(place, values, deltas))
    return rows


def _delta(value: float | None, language: str) -> str:
    """'+12', '−3', or 'ny' for a figure that is new."""
    if value is None:
        return text("digest_new", language)
    sign = "+" if value > 0 else "−"
    return f"{sign}{number(abs(value), language)}"


def _change(row: Row, measure: str, language: str, hide_small: bool) -> str:
    """'Melhus: +4 bosatt', or 'Melhus: vedtak 30 (ny)' for a figure that is new."""
    delta = row.deltas[measure]
    if delta is None:
        value = shown_value(row.now[measure], GROUP, language, hide_small=hide_small)
        return f"{escape(row.place.name)}: {short_measure_label(measure, language)} {value} ({_delta(delta, language)})"
    return f"{escape(row.place.name)}: {_delta(delta, language)} {short_measure_label(measure, language)}"


def _row_line(row: Row, language: str, hide_small: bool) -> str:
    """'Melhus: anmodning 30 · vedtak 30 · bosatt 12 (+4) · 40 %'."""
    parts = []
    for measure in MEASURES:
        if measure in row.now:
            change = f" ({_delta(row.deltas[measure], language)})" if measure in row.deltas else ""
            value = shown_value(row.now[measure], GROUP, language, hide_small=hide_small)
            parts.append(f"{short_measure_label(measure, language)} {value}{change}")
    share = f" · {percent(row.share, language)}" if row.share is not None else ""
    return f"{escape(row.place.name)}: " + " · ".join(parts) + share


def _text(
    scope: Scope,
    year: int,
    rows: list[Row],
    updated: list[Statement],
    pace: float,
    since: date,
    today: date,
    language: str,
    hide_small: bool,
) -> str:
    """The digest message as Telegram HTML."""
    calendar = today.isocalendar()
    title = text("digest_title", language, scope=escape(scope.title), year=calendar.year, week=calendar.week)
    lines = [f"<b>{title}</b>"]
    if year != today.year:
        lines.append(text("digest_earlier_year", language, year=today.year, shown=year))
    if not rows:
        return "\n".join([*lines, text("digest_no_figures", language, year=year)])
    lines.extend(_row_line(row, language, hide_small) for row in rows[:SHOWN_PLACES])
    if len(rows) > SHOWN_PLACES:
        lines.append(text("digest_more", language, count=len(rows) - SHOWN_PLACES))
    changes = [_change(row, measure, language, hide_small) for row in rows for measure in row.deltas]
    lines.append(f"\n<b>{text('digest_changes', language, date=day(since, language))}</b>")
    lines.append("; ".join(changes) if changes else text("digest_none", language))
    behind = [r for r in rows if r.share is not None and r.share < pace]
    lines.append(f"<b>{_behind_heading(year, pace, language)}</b>")
    listed = ", ".join(f"{escape(r.place.name)} {percent(r.share or 0, language)}" for r in behind)
    lines.append(listed or text("digest_none", language))
    decisions = [s for s in updated if s.figure.measure == "decided"]
    names = {place_id_of(r.place): r.place.name for r in rows}
    if decisions:
        decided = ", ".join(
            f"{escape(names[s.figure.place_id])} {shown_value(s.figure.value, GROUP, language, hide_small=hide_small)}"
            for s in decisions
        )
        lines.append(f"{text('digest_new_decisions', language)}: {decided}")
    lines.append(text("digest_updated", language, count=len(updated)))
    return "\n".join(lines)


def _other_sources(
    scope: Scope, now: list[Statement], others: dict[int, list[Statement]], language: str, hide_small: bool
) -> list[str]:
    """A line for each figure shown that another source states differently: 'Trondheim, bosatt: 495 (…)'."""
    names = {place_id_of(p): p.name for p in scope.places}
    return [
        text(
            "digest_other_source",
            language,
            place=escape(names[s.figure.place_id]),
            measure=short_measure_label(s.figure.measure, language),
            value=shown_value(other.figure.value, GROUP, language, hide_small=hide_small),
            source=escape(other.source.title[:80]),
        )
        for s in now
        for other in others.get(s.figure.id, [])
    ]


def _behind_heading(year: int, pace: float, language: str) -> str:
    """What "behind" means: behind the year's pace, or below the decision once the year is over."""
    if pace >= 1:
        return text("digest_behind_year_over", language, year=year)
    return text("digest_behind", language, share=percent(pace, language))


def _chart(scope: Scope, year: int, rows: list[Row], pace: float, language: str) -> bytes | None:
    """Settled as a share of the decision per place, against the share of the year gone by."""
    shares = {r.place.name: r.share for r in rows if r.share is not None}
    if not shares:
        return None
    largest = sorted(rows, key=lambda r: -(r.now.get("decided") or 0))[:CHART_PLACES]
    shown = {r.place.name: shares[r.place.name] for r in largest if r.place.name in shares}
    title = text("digest_chart_title", language, scope=scope.title, year=year)
    return share_chart(title, shown, pace, text("digest_pace", language))


def _messages(body: str, chart: bytes | None, language: str) -> list[Message]:
    """The text in as many messages as Telegram's limit needs, and one picture at most (the text as its
    caption when it fits)."""
    if chart is not None and visible_length(body) <= CAPTION_LIMIT:
        return [Message(body, photo=chart)]
    parts = [Message(part) for part in split_message(body)]
    if chart is None:
        return parts
    return [*parts, Message(text("digest_chart_caption", language), photo=chart)]


class DigestComposer:
    """Composes each subscription's digest, once for all who share its scope, day and language."""

    def __init__(self, store: Store, zone: ZoneInfo) -> None:
        self.store = store
        self.zone = zone
        self.composed: dict[tuple[object, ...], Digest] = {}
        self.composed_on: tuple[int, date] | None = None  # the data generation and day they were composed on
        self.lock = asyncio.Lock()

    async def __call__(
        self, subscription: Subscription, period: str, today: date, *, hide_small: bool
    ) -> Digest:
        """The subscription's digest for a period, with the changes since its previous digest."""
        return await self.digest_of(subscription, period, today, subscription.language, hide_small=hide_small)

    async def digest_of(
        self, subscription: Subscription, period: str, today: date, language: str, *, hide_small: bool = False
    ) -> Digest:
        """The subscription's digest for a period in a language (a preview may ask in the caller's)."""
        index = await self.store.index()
        if self.composed_on != (self.store.generation, today):  # figures changed, or a new day
            self.composed.clear()
            self.composed_on = (self.store.generation, today)
        async with self.store.unit() as session:
            place, own = await scope_places(session, subscription=subscription, index=index)
            since = await since_last(
                session, subscription=subscription, period=period, today=today, zone=self.zone
            )
            key = (place.id if place else None, tuple(p.id for p in own), since, language, hide_small)
            async with self.lock:  # whoever comes second for the same scope finds it composed
                if key not in self.composed:
                    self.composed[key] = await compose(
                        session,
                        index=index,
                        scope_place=place,
                        own=own,
                        since=since,
                        today=today,
                        language=language,
                        hide_small=hide_small,
                    )
        return self.composed[key]

    async def preview_of(self, place: Place, today: date, language: str) -> Digest:
        """A place's digest as a first digest would show it (the changes of the past week)."""
        index = await self.store.index()
        async with self.store.unit() as session:
            since = today - FIRST_LOOKBACK
            return await compose(
                session, index=index, scope_place=place, own=[], since=since, today=today, language=language
            )
