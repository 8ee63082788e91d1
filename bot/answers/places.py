"""Answers about the place itself: none named, several to choose from, how it was read, what it has figures for."""

from __future__ import annotations

from datetime import date

from bot.answers.context import AGGREGATE_LEVELS, Context, label, span
from bot.render import day, escape
from bot.replies import Button, Reply
from bot.texts import level_label, text
from bot.understanding import Question
from store.bounds import whole_number, years_asked
from store.models import Place
from store.places import PlaceIndex, PlaceMatch
from store.vocabulary import GROUP_KEYS, MEASURE_KEYS, Group, Intent

CHOICES = 8  # places offered as buttons when a name fits several
PLACE_BUTTON = "q"  # the kind of button that repeats a question for a chosen place


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


def _callback(question: Question, place: Place) -> str:
    """Button data that repeats the question for a chosen place (at most 64 bytes): asked_again reads it."""
    years = f"{question.years[0]}-{question.years[-1]}" if question.years else ""
    fields = (PLACE_BUTTON, question.intent, place.code, years, question.measure or "", question.group)
    return ":".join(fields)[:64]


def asked_again(data: str, index: PlaceIndex, today: date) -> Question | None:
    """The question a place button repeats; None unless every field is one _callback can write."""
    fields = data.split(":")
    if len(fields) != 6 or fields[0] != PLACE_BUTTON:
        return None
    _, intent, code, years, measure, group = fields
    place = index.by_code.get(code)
    span = _years_of(years, today)
    known = intent in set(Intent) and (measure in MEASURE_KEYS or not measure) and group in GROUP_KEYS
    if place is None or span is None or not known:
        return None
    match = PlaceMatch(place, place.name, "exact")
    return Question(
        text=data, intent=intent, places=[match], years=span, measure=measure or None, group=group
    )


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


def no_figures(place: Place, ctx: Context) -> str:
    """A known place without figures: say so, and where its figures may be instead."""
    level = level_label(place.level, ctx.language)
    lines = [text("no_figures_place", ctx.language, name=escape(place.name), level=level)]
    return "\n".join([*lines, *_successors(place, ctx), *_predecessors(place, ctx)])


def _successors(place: Place, ctx: Context) -> list[str]:
    """The line naming what a merged place became, if it was merged."""
    if not (place.successor_code and place.valid_to):
        return []
    codes = [c for c in place.successor_code.split(",") if c in ctx.index.by_code]
    successor = escape(", ".join(ctx.index.by_code[c].name for c in codes))
    when = day(place.valid_to, ctx.language)
    return [text("merged_into", ctx.language, name=escape(place.name), successor=successor, date=when)]


def _predecessors(place: Place, ctx: Context) -> list[str]:
    """The line naming the former places with figures that a new place was made of, if any."""
    former = [p.name for p in ctx.index.predecessors(place) if ctx.index.has_figures(p)]
    if not (former and place.valid_from):
        return []
    when, names = day(place.valid_from, ctx.language), escape(", ".join(former))
    return [text("predecessors", ctx.language, name=escape(place.name), date=when, names=names)]


async def no_data(what: str, place: Place, year: int | None, ctx: Context, group: str = Group.ALL) -> Reply:
    """No figures for this question: say what does exist (of the group asked about, if one)."""
    what = f"{what} · {escape(place.name)}"
    head = (
        text("no_data", ctx.language, what=what, year=year)
        if year
        else text("no_data_at_all", ctx.language, what=what)
    )
    return Reply(f"{head}\n{await _what_exists(place, ctx, group)}")


async def _what_exists(place: Place, ctx: Context, group: str) -> str:
    """What a place (and a larger place's municipalities) has figures for, of one group if asked."""
    covered = await ctx.years(place, None if group == Group.ALL else group)
    parts = [f"{label(m, group, ctx.language)} {span(years)}" for m, years in covered.items()]
    key = "what_exists_with_members" if place.level in AGGREGATE_LEVELS else "what_exists"
    return text(key, ctx.language, name=escape(place.name), years="; ".join(parts))
