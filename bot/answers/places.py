"""Answers about the place itself: none named, several to choose from, how it was read, what it has figures for."""

from __future__ import annotations

from datetime import date

from bot.answers.context import AGGREGATE_LEVELS, Context, joined, label, span
from bot.render import day, escape
from bot.replies import Button, Reply
from bot.texts import group_label, level_label, text
from bot.understanding import Question
from store.bounds import whole_number, years_asked
from store.models import Place
from store.places import PlaceIndex, PlaceMatch, successor_codes, valid_in
from store.queries import places_stating
from store.vocabulary import GROUP_KEYS, MEASURE_KEYS, Group, Intent

NATION = "NO"
CHOICES = 8  # places offered as buttons when a name fits several
PLACE_BUTTON = "q"  # the kind of button that repeats a question for a chosen place
BUTTON_BYTES = 64  # Telegram's limit on a button's data
JOINED = "+"  # several measures or groups in one field of a button's data: 'requested+decided'
LEAP_YEAR = 2000  # the year a day without one is checked in: 29 February is a day of some year


def no_place(question: Question, ctx: Context) -> Reply | None:
    """No place recognised: suggestions for an unknown name, None when nothing was understood (help is due)."""
    suggestions = ctx.index.suggestions(question.unknown_text) if question.unknown_text else []
    one_word = len(question.unknown_text.split()) == 1
    names_a_place = question.intent != Intent.UNKNOWN or (one_word and suggestions)
    if question.unknown_text and names_a_place:
        message = text("unknown_place", ctx.language, text=escape(question.unknown_text))
        if suggestions:
            names = ", ".join(escape(p.name) for p in suggestions)
            message += f" {text('did_you_mean', ctx.language)}: {names}?"
        return Reply(message, buttons=[[(p.name, _callback(question, p))] for p in suggestions])
    if question.intent == Intent.UNKNOWN and not question.measure:
        return None
    return Reply(text("which_place", ctx.language))


def the_one_with_figures(question: Question, ctx: Context) -> list[PlaceMatch]:
    """Of several places a name fits, the only one with figures (Vestfold 07, not Vestfold 39 of 2024); for
    intro results, the first county when none has any (it says so and shows the counties that have)."""
    with_figures = [match for match in question.places if ctx.index.has_figures(match.place)]
    if len(with_figures) == 1:
        return with_figures
    counties = all(match.place.level == "county" for match in question.places)
    if not with_figures and counties and question.intent == Intent.INTRO:
        return question.places[:1]
    return question.places


def _callback(question: Question, place: Place) -> str:
    """Button data that repeats the question for a chosen place, with its measures, groups and as-of day as far
    as Telegram's 64 bytes hold them (the first measure and the group asked for always): asked_again reads it."""
    years = f"{question.years[0]}-{question.years[-1]}" if question.years else ""
    measures = question.measures or ([question.measure] if question.measure else [])
    data = ""
    for kept in range(max(len(measures), len(question.groups), 1), -1, -1):
        fields = (PLACE_BUTTON, question.intent, place.code, years + _as_of_field(question))
        groups = [question.group, *question.groups[:kept]]  # the group asked for, then every group named
        data = ":".join((*fields, JOINED.join(measures[: max(kept, 1)]), JOINED.join(groups)))
        if len(data.encode()) <= BUTTON_BYTES:
            return data
    return data[:BUTTON_BYTES]


def _as_of_field(question: Question) -> str:
    """'/20151210' for a question as of a day, '/1210' for a day of the year answered, else ''."""
    if question.as_of is not None:
        return "/" + question.as_of.strftime("%Y%m%d")
    return f"/{question.as_of_day[0]:02}{question.as_of_day[1]:02}" if question.as_of_day else ""


def asked_again(data: str, index: PlaceIndex, today: date) -> Question | None:
    """The question a place button repeats; None unless every field is one _callback can write."""
    fields = data.split(":")
    if len(fields) != 6 or fields[0] != PLACE_BUTTON:
        return None
    _, intent, code, when, measure, group = fields
    years, _, day_asked = when.partition("/")
    place, span, as_of = index.by_code.get(code), _years_of(years, today), _day_of(day_asked, today)
    measures, groups = measure.split(JOINED) if measure else [], group.split(JOINED)
    known = intent in set(Intent) and set(measures) <= MEASURE_KEYS and set(groups) <= GROUP_KEYS
    if place is None or span is None or as_of is None or not known:
        return None
    match = PlaceMatch(place, place.name, "exact")
    return Question(
        text=data,
        intent=intent,
        places=[match],
        years=span,
        measure=measures[0] if measures else None,
        measures=measures,
        group=groups[0],
        groups=groups[1:],
        as_of=as_of[0],
        as_of_day=as_of[1],
    )


def _day_of(field: str, today: date) -> tuple[date | None, tuple[int, int] | None] | None:
    """'20151210' as (its date, None), '1210' as (None, (12, 10)), '' as neither; None for anything else
    (a date in a year no question may ask about)."""
    if not field:
        return None, None
    if not (field.isascii() and field.isdigit() and len(field) in (4, 8)):
        return None
    year = int(field[:-4]) if len(field) == 8 else LEAP_YEAR
    try:
        asked = date(year, int(field[-4:-2]), int(field[-2:]))
    except ValueError:
        return None
    if len(field) == 4:
        return None, (asked.month, asked.day)
    return (asked, None) if year in years_asked(today) else None


def _years_of(field: str, today: date) -> list[int] | None:
    """'2006-2018' as its years and '' as none; None for anything else, or years no question may be about."""
    if not field:
        return []
    first, _, last = field.partition("-")
    asked = years_asked(today)
    start, end = whole_number(first, asked), whole_number(last, asked)
    if start is None or end is None or start > end:
        return None
    return list(range(start, end + 1))


def choose_place(question: Question, language: str) -> Reply:
    """Several places fit: ask which one, with a button each."""
    buttons: list[list[Button]] = [
        [
            (
                f"{m.place.name} ({level_label(m.place.level, language)} {m.place.code})",
                _callback(question, m.place),
            )
        ]
        for m in question.places[:CHOICES]
    ]
    return Reply(text("choose_place", language, text=escape(question.place_text)), buttons=buttons)


def match_notes(match: PlaceMatch, question: Question, language: str) -> str:
    """Say so when the place was read from a typo or an old name or number."""
    name = escape(match.place.name)
    if match.how == "fuzzy":
        return text("interpreted_as", language, text=escape(question.place_text), name=name) + "\n"
    if match.how == "old" and match.label != match.place.name:
        return text("old_name", language, label=escape(match.label), name=name) + "\n"
    return ""


def successors_for(place: Place, question: Question, ctx: Context) -> list[Place]:
    """What a former municipality or county became, when asked about for a year after it ended (else none)."""
    year = question.year
    successors: list[Place] = []
    while year is not None and place.valid_to is not None and year >= place.valid_to.year:
        successors = ctx.index.successors(place)
        if len(successors) != 1 or valid_in(successors[0], year):
            break
        place = successors[0]  # merged again since (Akershus → Viken → …)
    return successors


def moved_on_note(former: Place, successor: Place, language: str) -> str:
    """'Rissa ble slått sammen med andre til Indre Fosen fra 01.01.2018; svaret gjelder Indre Fosen.'"""
    when = day(former.valid_to, language) if former.valid_to else ""
    names = {"name": escape(former.name), "successor": escape(successor.name)}
    return text("moved_on", language, date=when, **names) + "\n"


def choose_successor(former: Place, successors: list[Place], question: Question, language: str) -> Reply:
    """A place split between several: say so, with a button for each."""
    buttons: list[list[Button]] = [[(p.name, _callback(question, p))] for p in successors[:CHOICES]]
    when = day(former.valid_to, language) if former.valid_to else ""
    names = joined([p.name for p in successors], language)
    return Reply(
        text("split_into", language, name=escape(former.name), date=when, names=names), buttons=buttons
    )


async def made_of_note(place: Place, question: Question, ctx: Context) -> str:
    """Say so when a merged municipality is answered with the sums of the municipalities it was made of."""
    if place.level != "municipality" or place.valid_from is None:
        return ""
    former = ctx.index.predecessors(place)
    if not former or not await _before_it_existed(place, place.valid_from, question, ctx):
        return ""
    whole = [p.name for p in former if len(successor_codes(p)) == 1]
    when, name = day(place.valid_from, ctx.language), escape(place.name)
    line = text("made_of", ctx.language, name=name, date=when, names=joined(whole, ctx.language))
    split = [p.name for p in former if len(successor_codes(p)) > 1]
    if split:
        line += " " + text("split_part", ctx.language, name=name, names=joined(split, ctx.language))
    return line + "\n"


async def _before_it_existed(place: Place, start: date, question: Question, ctx: Context) -> bool:
    """Whether the answer is for years before a place existed: asked so, or (no year) it has none of its own."""
    if question.years:
        return min(question.years) < start.year
    return (await ctx.figures(place, ())).empty()


async def stated_elsewhere(question: Question, place: Place, ctx: Context) -> Place | None:
    """For a measure the nation has no figure of, the place that states it instead ('27 new municipalities' of
    Møre og Romsdal, the world's displaced, Trondheim's outcomes of the introduction programme, the only ones);
    None where the nation has it or sums it over several municipalities."""
    if place.code != NATION or question.measure is None:
        return None
    if question.measure in (await ctx.figures(place, ())).years():
        return None
    stated = await places_stating(ctx.store.reader, measure=question.measure)
    found = [ctx.index.places[i] for i in dict.fromkeys(i for i, _ in stated) if i in ctx.index.places]
    if not found or (len(found) > 1 and any(other.level == "municipality" for other in found)):
        return None
    if found[0].id == place.id:  # the nation states it after all (of a source named, say): no note
        return None
    if question.group not in {group for i, group in stated if i == found[0].id}:
        question.group = (
            Group.ALL
        )  # '27 new municipalities asked to take EM' counts municipalities, not minors
    return found[0]


def elsewhere_note(place: Place, language: str) -> str:
    """'Tallet finnes ikke for hele landet; svaret gjelder Møre og Romsdal.'"""
    return text("stated_elsewhere", language, name=escape(place.name)) + "\n"


def no_figures(place: Place, ctx: Context) -> str:
    """A known place without figures: say so, and where its figures may be instead."""
    level = level_label(place.level, ctx.language)
    lines = [text("no_figures_place", ctx.language, name=escape(place.name), level=level)]
    return "\n".join([*lines, *_successors(place, ctx), *_predecessors(place, ctx)])


def _successors(place: Place, ctx: Context) -> list[str]:
    """The line naming what a merged place became, if it was merged."""
    successors = ctx.index.successors(place) if place.level == "municipality" else []
    if not (successors and place.valid_to):
        return []
    successor = escape(", ".join(p.name for p in successors))
    when = day(place.valid_to, ctx.language)
    return [text("merged_into", ctx.language, name=escape(place.name), successor=successor, date=when)]


def _predecessors(place: Place, ctx: Context) -> list[str]:
    """The line naming the former places with figures that a new place was made of, if any."""
    former = [p.name for p in ctx.index.predecessors(place) if ctx.index.has_figures(p)]
    if not (former and place.valid_from):
        return []
    when, names = day(place.valid_from, ctx.language), escape(", ".join(former))
    return [text("predecessors", ctx.language, name=escape(place.name), date=when, names=names)]


async def what_exists(place: Place, ctx: Context, group: str = Group.ALL) -> str:
    """What a place (and a larger place's municipalities) has figures for, of one group if asked and any."""
    covered = await ctx.years(place, None if group == Group.ALL else group)
    if not covered and group != Group.ALL:  # nothing of the group: say so, then everyone's
        none = text("none_of", ctx.language, name=escape(place.name), what=group_label(group, ctx.language))
        return f"{none}\n{await what_exists(place, ctx)}"
    if not covered:
        return text("none_at_all", ctx.language, name=escape(place.name))
    parts = [f"{label(m, group, ctx.language)} {span(years)}" for m, years in covered.items()]
    key = "what_exists_with_members" if place.level in AGGREGATE_LEVELS else "what_exists"
    return text(key, ctx.language, name=escape(place.name), years="; ".join(parts))
