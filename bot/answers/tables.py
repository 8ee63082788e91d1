"""Small tables in a fixed order: the introduction programme's figures of a place, and places ranked."""

from __future__ import annotations

from collections.abc import Sequence

from bot.answers.context import Context, Keyed
from bot.render import Citations, escape
from bot.texts import group_label, measure_label
from store.queries import Statement
from store.vocabulary import Group, Measure

# The introduction programme's measures, in the order the documents give them (seeds 001 and 004).
INTRO_MEASURES = (
    Measure.INTRO_RESULT_PCT,
    Measure.INTRO_RESULT_RANK,
    Measure.INTRO_PARTICIPANTS,
    Measure.INTRO_PARTICIPANTS_PCT,
    Measure.INTRO_OUTCOME,
)
GROUP_ORDER: dict[str, int] = {
    group: position for position, group in enumerate(Group)
}  # tracks, then outcomes, as listed


def intro_lines(found: Keyed, cite: Citations, ctx: Context) -> list[str]:
    """A place's introduction figures: each measure's total, then its categories as rows of a table."""
    lines = []
    for measure in INTRO_MEASURES:
        total = found.get((measure, Group.ALL))
        rows = sorted(
            (group for m, group in found if m == measure and group != Group.ALL),
            key=lambda group: GROUP_ORDER.get(group, len(GROUP_ORDER)),
        )
        if total is None and not rows:
            continue
        shown = f" {ctx.value(total)}{cite.cite(total)}" if total is not None else ""
        lines.append(f"{measure_label(measure, ctx.language)}:{shown}")
        lines.extend(table([(group_label(g, ctx.language), [found[(measure, g)]]) for g in rows], cite, ctx))
    return lines


def table(rows: Sequence[tuple[str, Sequence[Statement]]], cite: Citations, ctx: Context) -> list[str]:
    """Rows of a name and the first statement's value, aligned in monospace and cited: '<code>spor 1 (…)   32</code>¹'."""
    values = [ctx.value(statements[0]) for _, statements in rows]
    name_width = max((len(name) for name, _ in rows), default=0)
    value_width = max((len(value) for value in values), default=0)
    return [
        f"<code>{escape(name.ljust(name_width))} {value.rjust(value_width)}</code>{cite.cite_all(statements)}"
        for (name, statements), value in zip(rows, values, strict=True)
    ]
