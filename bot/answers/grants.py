"""Grants: the extra grants per person settled, worked out for a municipality and year."""

from __future__ import annotations

from bot.answers.cards import no_data
from bot.answers.context import Context, Keyed, keyed, label, title, year_for
from bot.render import Citations, number
from bot.replies import Reply
from bot.texts import measure_label, text
from bot.understanding import Question
from store.models import Place
from store.queries import Statement
from store.vocabulary import Group, Measure

GRANT_MEASURES = (Measure.GRANT_BEYOND_REQUEST_NOK, Measure.GRANT_PER_SETTLED_NOK)
NATION = "NO"  # the grant rules are stated for the whole country


async def grant_answer(question: Question, place: Place, ctx: Context) -> Reply:
    """The extra grants of seed 001: for a municipality the rules of the year worked out, then every other rule
    with its year and rate."""
    nation = ctx.index.by_code[NATION]
    rules = sorted((await ctx.figures(nation)).current(None, GRANT_MEASURES), key=lambda r: r.figure.year)
    if not rules:
        return await no_data(place, question.year, ctx, [Measure.GRANT_BEYOND_REQUEST_NOK])
    cite = Citations(ctx.language)
    lines: list[str] = []
    applied: list[Statement] = []
    if question.supposed is not None:
        applied = _rules_asked(question, rules)
        lines = _supposed_lines(question.supposed, nation, applied, cite, ctx) if applied else []
    elif place.level == "municipality":
        year, note = await year_for(question, place, (Measure.SETTLED,), ctx)
        applied = [rule for rule in rules if rule.figure.year == year]
        if year is not None and applied:
            lines = await _worked_out(place, year, note, applied, cite, ctx)
    others = [rule for rule in rules if rule not in applied]
    if others:
        lines.append(title(nation, ctx.language, text("grant_rules_title", ctx.language)))
        lines.extend(_rule_line(rule, cite, ctx) for rule in others)
    return Reply("\n".join(lines) + cite.render())


def _rules_asked(question: Question, rules: list[Statement]) -> list[Statement]:
    """The rules of the year asked (any year if none), those for the group asked where it has one."""
    of_year = [rule for rule in rules if question.year is None or rule.figure.year == question.year]
    of_group = [rule for rule in of_year if rule.figure.group == question.group]
    return of_group or of_year


def _supposed_lines(
    count: int, nation: Place, applied: list[Statement], cite: Citations, ctx: Context
) -> list[str]:
    """The rules applied to a number of people supposed settled ('hvis vi bosetter 4 EM i 2016')."""
    heading = title(nation, ctx.language, text("grant_supposed_title", ctx.language, count=count))
    lines = [heading]
    for rule in applied:
        lines.append(_product(_rule_line(rule, cite, ctx), number(count), count, rule.figure.value or 0))
    return [*lines, ""]


def _rule_line(rule: Statement, cite: Citations, ctx: Context) -> str:
    """'2015: Ekstra tilskudd per bosatt utover anmodningen (kr): 50 000¹' (with the group it is for)."""
    name = label(rule.figure.measure, rule.figure.group, ctx.language)
    return f"{rule.figure.year}: {name}: <b>{number(rule.figure.value)}</b>{cite.cite(rule)}"


async def _worked_out(
    place: Place, year: int, note: str, applied: list[Statement], cite: Citations, ctx: Context
) -> list[str]:
    """A year's rules applied to a municipality's figures."""
    own = keyed((await ctx.figures(place)).current([year]))
    heading = title(place, ctx.language, f"{text('grant_per_settled_title', ctx.language)} {year}")
    return [note + heading, *(_grant_line(rule, own, cite, ctx) for rule in applied), ""]


def _grant_line(rule: Statement, own: Keyed, cite: Citations, ctx: Context) -> str:
    """One grant rule applied: the amount, what it is multiplied by, and the result."""
    rate = rule.figure.value or 0
    head = f"{measure_label(rule.figure.measure, ctx.language)}: {number(rate)}{cite.cite(rule)}"
    settled = own.get((Measure.SETTLED, rule.figure.group))
    if settled is None or settled.figure.value is None:
        return _missing(head, Measure.SETTLED, rule.figure.year, ctx.language)
    if rule.figure.measure != Measure.GRANT_BEYOND_REQUEST_NOK:
        return _product(head, _cited(settled, cite), settled.figure.value, rate)
    requested = own.get((Measure.REQUESTED, Group.ALL))
    if requested is None or requested.figure.value is None:
        return _missing(head, Measure.REQUESTED, rule.figure.year, ctx.language)
    basis = f"({_cited(settled, cite)} − {_cited(requested, cite)})"
    return _product(head, basis, max(settled.figure.value - requested.figure.value, 0), rate)


def _cited(statement: Statement, cite: Citations) -> str:
    """A figure's value as a plain number, with its footnote."""
    return f"{number(statement.figure.value)}{cite.cite(statement)}"


def _missing(head: str, measure: str, year: int, language: str) -> str:
    """A rule that cannot be applied, and the figure it lacks."""
    return f"{head} — {text('no_data', language, what=measure_label(measure, language), year=year)}"


def _product(head: str, basis: str, count: float, rate: float) -> str:
    """A rule applied: what it is multiplied by, and the amount in kroner."""
    return f"{head}\n  {basis} × {number(rate)} = <b>{number(count * rate)} kr</b>"
