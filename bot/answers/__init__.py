"""Answers to understood questions, routed by kind: status cards, figures, series, changes, rankings, grants,
the introduction programme."""

from __future__ import annotations

from bot.answers.cards import status_answer
from bot.answers.changes import change_answer, part_share_answer, ratio_answer
from bot.answers.context import Context
from bot.answers.figures import figure_answer, several_answer
from bot.answers.grants import grant_answer
from bot.answers.intro import NATION, county_without_results, intro_answer
from bot.answers.places import (
    asked_again,
    choose_place,
    choose_successor,
    elsewhere_note,
    made_of_note,
    match_notes,
    moved_on_note,
    no_figures,
    no_place,
    stated_elsewhere,
    successors_for,
    the_one_with_figures,
)
from bot.answers.rankings import compare_answer, rankings_answer
from bot.answers.series import series_answer
from bot.answers.tables import INTRO_MEASURES
from bot.render import escape
from bot.replies import Reply
from bot.texts import ADMIN_COMMANDS, COMMANDS, EXAMPLES, text
from bot.understanding import Question, default_to_nation
from store.bounds import MOST_PLACES
from store.models import Place
from store.vocabulary import Group, Intent

__all__ = ["Context", "answer", "asked_again", "help_reply"]

NOT_COMPARED = (
    Intent.SERIES,
    Intent.GRANT,
    Intent.INTRO,
    Intent.CHANGE,
)  # these answer for the first place named


async def answer(question: Question, ctx: Context) -> list[Reply]:
    """The replies to a question; every question gets at least one."""
    if question.intent in (Intent.HELP, Intent.START):
        return [help_reply(ctx.language, welcome=question.intent == Intent.START)]
    default_to_nation(
        question, ctx.index
    )  # a question not built by parse (a button, a caller) reads the same
    if not question.places:
        return [no_place(question, ctx) or help_reply(ctx.language, understood=False)]
    if len(question.places) > 1:
        question.places = the_one_with_figures(question, ctx)
    if len(question.places) > 1:
        return [choose_place(question, ctx.language)]
    match = question.places[0]
    place, notes = match.place, match_notes(match, question, ctx.language)
    if question.part_share:  # 'hvor stor del av Midt-Norges anmodning står Trondheim for'
        return [await part_share_answer(question, place, question.also[0].place, ctx)]
    if question.also and question.intent not in NOT_COMPARED:
        if 1 + len(question.also) > MOST_PLACES:
            return [Reply(text("too_many_places", ctx.language, most=MOST_PLACES))]
        return [await compare_answer(question, [place, *(m.place for m in question.also)], ctx, notes)]
    successors = successors_for(place, question, ctx)
    if len(successors) > 1:
        return [choose_successor(place, successors, question, ctx.language)]
    if successors:  # asked about for a year after it was merged: its successor answers
        notes += moved_on_note(place, successors[0], ctx.language)
        place = successors[0]
    elsewhere = await stated_elsewhere(question, place, ctx)
    if elsewhere is not None:  # the nation has no such figure: the place that states it answers
        notes += elsewhere_note(elsewhere, ctx.language)
        place = elsewhere
    without = county_without_results(place, question, ctx)
    if without is not None:  # a county without intro results: the counties that have them
        notes += without
        place = ctx.index.by_code[NATION]
    if not ctx.index.has_figures(place):
        return [Reply(notes + no_figures(place, ctx))]
    notes += await made_of_note(place, question, ctx)
    replies = await _dispatch(question, place, ctx)
    replies[0].text = notes + replies[0].text
    return replies


async def _dispatch(question: Question, place: Place, ctx: Context) -> list[Reply]:
    """Route to the answer for the kind of question."""
    if question.intent == Intent.SERIES:
        return await series_answer(question, place, ctx)
    if question.intent == Intent.CHANGE:
        return [await change_answer(question, place, ctx)]
    if question.intent == Intent.RANKING and question.measure in INTRO_MEASURES:
        return [await intro_answer(question, place, ctx)]
    if question.intent == Intent.RANKING:
        return await rankings_answer(question, place, ctx)
    if question.intent == Intent.INTRO:
        return [await intro_answer(question, place, ctx)]
    if question.intent == Intent.GRANT:
        return [await grant_answer(question, place, ctx)]
    if question.per is not None and question.intent in (Intent.FIGURE, Intent.STATUS):
        return [await ratio_answer(question, place, ctx)]
    several = len(question.measures) > 1 or len([g for g in question.groups if g != Group.ALL]) > 1
    if question.intent == Intent.FIGURE and question.measure and several:
        return [await several_answer(question, place, ctx)]
    if question.intent == Intent.FIGURE and question.measure:
        return [await figure_answer(question, place, ctx)]
    return [await status_answer(question, place, ctx)]


def help_reply(
    language: str,
    *,
    welcome: bool = False,
    admin: bool = False,
    understood: bool = True,
    commands: dict[str, dict[str, str]] = COMMANDS,
) -> Reply:
    """Help with examples and the commands (a group's, an admin's too; the welcome line for /start; 'not understood')."""
    lines = [text("welcome", language)] if welcome else []
    lines.append(text("help" if understood else "not_understood", language))
    lines.extend(f"• <code>{escape(example)}</code>" for example in EXAMPLES)
    sections = [("help_commands", commands), *([("help_admin_commands", ADMIN_COMMANDS)] if admin else [])]
    for heading, commands in sections:
        lines.append(f"\n{text(heading, language)}:")
        lines.extend(
            f"/{name} — {escape(texts.get(language, texts['nb']))}" for name, texts in commands.items()
        )
    return Reply("\n".join(lines))
