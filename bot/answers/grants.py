"""Grants: the extra grants per person settled, worked out for a municipality and year."""

from __future__ import annotations

from bot.answers.cards import no_data
from bot.answers.context import Context, Keyed, keyed, title, year_for
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
    """The extra grants of seed 001 computed for a municipality and year."""
    year, note = await year_for(question, place, (Measure.SETTLED,), ctx)
    rules = (await ctx.figures(ctx.index.by_code[NATION])).current([year] if year else None, GRANT_MEASURES)
    if year is None or not rules:
        return await no_data(place, year, ctx, [Measure.GRANT_BEYOND_REQUEST_NOK])
    own = keyed((await ctx.figures(place)).current([year]))
    cite = Citations(ctx.language)
    lines = [note + title(place, ctx.language, f"{text('grant_per_settled_title', ctx.language)} {year}")]
    lines.extend(_grant_line(rule, own, cite, ctx) for rule in rules)
    return Reply("\n".join(lines) + cite.render())


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
