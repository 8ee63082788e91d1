"""Follow-up questions: each chat's last question, for 'hva med 2016?', 'og Malvik?' or 'what about EM?'."""

from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import fields, replace
from datetime import date, datetime
from typing import Any

from bot.phrases import VOCABULARY, Meaning
from bot.understanding import FORECASTS, TOTAL_MEASURES, Question, capacity_in_persons
from bot.wordlists import LANGUAGES
from store.conversations import KEPT_FOR, forget_context, prune_contexts, recall_context, remember_context
from store.names import normalise
from store.places import PlaceIndex, PlaceMatch
from store.store import Store
from store.vocabulary import Group, Intent, Measure

PLAN_MEASURES = (Measure.PLAN_FROM, Measure.PLAN_TO, Measure.PLAN_ADOPTED)  # a strategy's or plan's
CHATS = 10_000  # chats remembered at most in memory; the longest quiet are forgotten first
UNSTORED = ("text", "unknown_text")  # the message and the words not understood never go to the database
PLACE_LISTS = ("places", "also", "excluded", "first_ranked")
PLACE_FIELDS = ("places", "place_text", "also", "unknown_text", "part_share")
PARTS = {
    "place": PLACE_FIELDS,
    "years": ("years", "year_word", "year_shift", "as_of", "as_of_day", "original_years"),
    "as_of": ("as_of", "as_of_day"),
    "measure": ("measure", "measures", "measure_years", "second_measure"),
    "group": ("group", "groups", "without_group"),
    "intent": (
        "intent",
        "most",
        "best",
        "least",
        "rank_level",
        "by_year",
        "per",
        "above",
        "below",
        "at_least",
        "exactly",
        "group_share",
        "excluded",
        "revision",
        "in_percent",
        "times",
        "first_above",
        "by_difference",
    ),
}


DIRECTIONS = ("most", "best", "least", "in_percent")  # what 'og lavest?' changes of a ranking


class Conversations:
    """The last understood question of each chat, for half an hour: in memory, or on PostgreSQL in the
    database, which replicas share, so that a follow-up finds it whichever replica its update lands on."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.shared = store.engine.dialect.name == "postgresql"
        self.last: OrderedDict[int, tuple[datetime, Question]] = OrderedDict()

    async def recall(self, chat: int, now: datetime) -> Question | None:
        """The chat's previous question, if it was asked in the last half hour."""
        if self.shared:
            async with self.store.unit() as session:
                context = await recall_context(session, chat_id=chat, since=now - KEPT_FOR)
            return None if context is None else decoded(context, await self.store.index())
        kept = self.last.get(chat)
        return kept[1] if kept and now - kept[0] <= KEPT_FOR else None

    async def remember(self, chat: int, question: Question, now: datetime) -> None:
        """Keep a question that named a place as the chat's context."""
        if not question.places:
            return
        if self.shared:
            async with self.store.unit() as session:
                await remember_context(session, chat_id=chat, context=encoded(question), at=now)
            return
        self.last[chat] = (now, question)
        self.last.move_to_end(chat)
        while len(self.last) > CHATS:
            self.last.popitem(last=False)

    async def prune(self, now: datetime) -> int:
        """Delete the stored contexts older than half an hour; how many."""
        async with self.store.unit() as session:
            return await prune_contexts(session, before=now - KEPT_FOR)

    async def forget(self, chat: int) -> None:
        """Drop a chat's context."""
        self.last.pop(chat, None)
        if self.shared:
            async with self.store.unit() as session:
                await forget_context(session, chat_id=chat)


def encoded(question: Question) -> str:
    """A question as JSON, places by code, without the message and the words not understood."""
    stored: dict[str, object] = {}
    for name in (f.name for f in fields(question) if f.name not in UNSTORED):
        value = getattr(question, name)
        if name in PLACE_LISTS:
            value = [(match.place.code, match.label, match.how) for match in value]
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, frozenset):
            value = sorted(value)
        stored[name] = value
    return json.dumps(stored, ensure_ascii=False)


def decoded(context: str, index: PlaceIndex) -> Question | None:
    """A stored question again (None if one of its places is no longer in the register)."""
    stored = json.loads(context)
    try:
        for name in PLACE_LISTS:
            stored[name] = [
                PlaceMatch(index.by_code[code], label, how) for code, label, how in stored.get(name, [])
            ]
    except KeyError:
        return None
    stored["as_of"] = stored["as_of"] and date.fromisoformat(stored["as_of"])
    stored["named"] = frozenset(stored["named"])
    stored["languages"] = tuple(stored["languages"])
    stored["sources"] = tuple(stored.get("sources", ()))
    if stored.get("as_of_day"):
        stored["as_of_day"] = tuple(stored["as_of_day"])
    stored["measure_years"] = [tuple(pair) for pair in stored["measure_years"]]
    return Question(text="", **stored)


def follow(previous: Question, question: Question) -> Question:
    """The previous question with what the follow-up names replaced ('og Malvik?' changes the place only)."""
    if question.leader and previous.first_ranked:
        return _of_the_first(previous, question)
    changes = {name: getattr(question, name) for part in question.named for name in PARTS.get(part, ())}
    if _turned_around(previous, question):  # 'og lavest?' after a ranking: its ratio and bounds kept
        changes = {name: getattr(question, name) for name in DIRECTIONS}
    if _same_comparison(previous, question):  # 'and how did the minors compare with the request?': theirs
        changes = {
            name: value
            for name, value in changes.items()
            if name not in (*PARTS["intent"], *PARTS["measure"])
        }
    if question.against:  # 'bedre enn Sør-Trøndelag?': the previous place set against the one named
        changes = {"also": question.places, "versus": True}
    if question.share_of_place:  # 'hvor stor andel er det av Midt-Norge?': the previous figure, of its
        measure = previous.measure or Measure.SETTLED
        changes = {**_part_and_whole(previous, question), "part_share": True, "intent": Intent.FIGURE}
        changes["measure"] = measure
    # 'hvor havnet Melhus?' after a ranking of members: the ranking again, where the place has its line
    if question.position and previous.intent == Intent.RANKING:
        changes = {name: value for name, value in changes.items() if name not in PLACE_FIELDS}
    if question.year_shift and previous.years:  # 'og året før?': from the previous question's years
        changes["years"] = [year + question.year_shift for year in previous.years]
        # 'sammenlignet med året før?', 'hvor stor nedgang fra året før?': both years, and the change between them
        if question.versus or question.intent == Intent.CHANGE:
            changes.update(years=sorted({*previous.years, *changes["years"]}), intent=Intent.CHANGE)
    elif _next_year(question) and previous.years:  # 'and for next year?' after 2016: 2017, not today's next
        changes["years"] = [max(previous.years) + 1]
    elif _change_since_previous(previous, question):  # 'and how many more in 2015?' after 2011: from 2011
        changes["years"] = sorted({*previous.years, *question.years})
    if question.measure_against and len(previous.years) == 1 and previous.measure:
        changes = _measures_apart(previous, question)  # 'hvor mye mer er det enn de bosatte i fjor?'
    changes.update(_group_beside_total(previous, question))
    changes.update(_forecast_of_previous(previous, question))
    changes.update(_share_of_previous(previous, question))
    changes.update(_change_in_percent(previous, question))
    changes.update(_count_added(previous, question))
    changes.update(_plan_adopted(previous, question))
    changes.update(_results_ranked(previous, question))
    changes.update(_years_ranked(question))
    if question.decimals is not None:  # 'med én desimal': the precision asked now
        changes["decimals"] = question.decimals
    changes.update(text=question.text, **_language(previous, question))
    merged = replace(previous, follow_up=True, first_ranked=[], **changes)  # a ranking answered sets it anew
    capacity_in_persons(merged)  # 'hvor mange færre flyktninger er det enn anmodningen?' after the dwellings
    if "intent" not in question.named and previous.intent in (Intent.STATUS, Intent.FIGURE):
        merged.intent = Intent.FIGURE if merged.measure else Intent.STATUS
    return merged


def _part_and_whole(previous: Question, question: Question) -> dict[str, list[PlaceMatch]]:
    """The part and the whole of a share asked after a figure: the previous place of the one named ('hvor stor
    andel er det av Midt-Norge?'), or the one named of the other place asked before ('hvor stor andel er
    Midt-Norge av det?' after Midt-Norge vs Norge)."""
    before = [*previous.places, *previous.also]
    named = {match.place.code for match in question.places}
    others = [match for match in before if match.place.code not in named]
    if others and named < {match.place.code for match in before}:
        return {"places": question.places, "also": others[:1]}
    return {"also": question.places}


def _of_the_first(previous: Question, question: Question) -> Question:
    """'What is that municipality asked to settle in 2016?' after a ranking: the follow-up as asked, of the place
    the ranking put first, in the ranking's years unless it names its own."""
    first = previous.first_ranked
    changes: dict[str, Any] = {"places": first, "place_text": first[0].label, "also": [], "follow_up": True}
    changes.update(years=question.years or previous.years, **_language(previous, question))
    if "intent" not in question.named:
        changes["intent"] = Intent.FIGURE if question.measure else Intent.STATUS
    return replace(question, **changes)


def _turned_around(previous: Question, question: Question) -> bool:
    """Whether a follow-up only turns the previous ranking around ('og lavest?', 'and the fewest?') or asks its
    change again ('hvor stor er økningen?' after a revision)."""
    return question.named == {"intent"} and question.intent == previous.intent


def _same_comparison(previous: Question, question: Question) -> bool:
    """Whether a follow-up sets a group side by side with one of the two figures the previous question
    set apart ('Did Trondheim settle more than it was asked to?', then 'and how did the minors compare with the
    request?'): the same difference, of the group named."""
    if not question.versus or previous.intent != Intent.CHANGE or previous.second_measure is None:
        return False
    return question.measure in (None, previous.measure, previous.second_measure)


def _group_beside_total(previous: Question, question: Question) -> dict[str, object]:
    """'og plantallet for 2017?' after the minors under 15 of a request: a new measure is asked for everyone, with
    the previous question's group beside the total (whether the group was meant to carry over is not told)."""
    new_measure = "measure" in question.named and question.measure not in (None, previous.measure)
    if not new_measure or "group" in question.named or previous.group == Group.ALL:
        return {}
    groups = [group for group in previous.groups or [previous.group] if group != Group.ALL]
    return {"group": Group.ALL, "groups": [Group.ALL, *groups], "without_group": None}


def _forecast_of_previous(previous: Question, question: Question) -> dict[str, object]:
    """'and how many are expected to apply this year?' after asylum seekers: a word of the need after a count that
    has a forecast of its own is that forecast (seed 002's '20-90k vil søke asyl i Norge i 2016')."""
    forecast = FORECASTS.get(previous.measure or "")
    if forecast is None or question.measures != [Measure.SETTLEMENT_NEED]:
        return {}
    return {"measure": forecast, "measures": [forecast], "second_measure": None, "measure_years": []}


def _share_of_previous(previous: Question, question: Question) -> dict[str, object]:
    """'hvor mye er det i prosent av vedtakene?' after a count: the count asked before, as a share of the measure
    named now (Trondheimsregionen's 643 settled of its 728 decided); 'hvor mange prosent av alle bosatte var
    det?' after the minors settled, or 'hvor mange prosent var ukrainere?' after those settled: the group's share
    of everyone's count asked before."""
    of_a_group = previous.intent in (Intent.FIGURE, Intent.STATUS) and previous.group != Group.ALL
    if of_a_group and _percent_alone(question):  # 'og i prosent?' after the minors settled: of all settled
        counted = previous.measure or Measure.SETTLED
        return {"measure": counted, "measures": [counted], "per": counted, "group_share": True}
    if previous.measure is None:
        return {}
    if question.group_share:  # the group named now, of the count named now or asked before
        measure = question.measure if "measure" in question.named else previous.measure
        return {"measure": measure, "measures": [measure], "per": measure, "group_share": True}
    if question.per is None or question.measure is not None:
        return {}
    group_share = question.per == previous.measure and previous.group != Group.ALL
    return {
        "measure": previous.measure,
        "measures": previous.measures,
        "per": question.per,
        "group_share": group_share,
    }


def _change_in_percent(previous: Question, question: Question) -> dict[str, object]:
    """'og i prosent?' after a series of years ('Møre og Romsdal bosatt 2014 til 2015'): the change between them
    in per cent (468 → 689, +47 %)."""
    asked = previous.intent == Intent.SERIES and len(previous.years) > 1 and previous.group == Group.ALL
    if not (asked and _percent_alone(question)):
        return {}
    return {"intent": Intent.CHANGE, "in_percent": True}


def _percent_alone(question: Question) -> bool:
    """Whether a follow-up asks only for per cent ('og i prosent?', 'what percentage is that?')."""
    return question.in_percent and not question.named


def _count_added(previous: Question, question: Question) -> dict[str, object]:
    """'og hvor mange blir det totalt med de bosatte?' after the assigned, or the other way round: the two counts
    together, with each (Trondheim's 398 settled + 158 assigned = 556)."""
    counts = {previous.measure, question.measure}
    if not question.added or counts != {Measure.SETTLED, Measure.ASSIGNED}:
        return {}
    return {"measure": Measure.SETTLED_AND_ASSIGNED, "measures": list(TOTAL_MEASURES), "second_measure": None}


def _change_since_previous(previous: Question, question: Question) -> bool:
    """Whether a follow-up asks a change into another year than the one asked before ('and how many more were
    settled in 2015?' after 2011): the change from that year, not from the year before."""
    one_each = len(previous.years) == 1 and len(question.years) == 1 and previous.years != question.years
    return one_each and question.intent == Intent.CHANGE and {"intent", "years"} <= question.named


def _plan_adopted(previous: Question, question: Question) -> dict[str, object]:
    """'når ble den vedtatt?' after a strategy's period: the strategy's adoption, not a council's decision on
    settlement."""
    if previous.measure not in PLAN_MEASURES or question.measures != [Measure.DECIDED]:
        return {}
    return {"measure": Measure.PLAN_ADOPTED, "measures": [Measure.PLAN_ADOPTED]}


def _results_ranked(previous: Question, question: Question) -> dict[str, object]:
    """'og hvem var best?' after a county's introduction results: the counties ranked by their results."""
    if previous.intent != Intent.INTRO or question.intent != Intent.RANKING or question.measure is not None:
        return {}
    return {"intent": Intent.INTRO, "places": question.places, "rank_level": question.rank_level or "county"}


def _years_ranked(question: Question) -> dict[str, object]:
    """'kva år var talet lågast?' after one year's figure: the place's every year ranked, not the year asked."""
    return {"years": []} if question.by_year and "years" not in question.named else {}


def _measures_apart(previous: Question, question: Question) -> dict[str, object]:
    """'hvor mye mer er det enn de bosatte i fjor?' after Møre og Romsdal's need for 2016: that figure less the
    measure named, of its own year if it names one (1 073 − 689 = 384)."""
    first, second = previous.measure, question.measure
    year, other_year = previous.years[0], (question.years or previous.years)[0]
    return {
        "intent": Intent.CHANGE,
        "measure": first,
        "second_measure": second,
        "measures": [first, second],
        "measure_years": [(first, year), (second, other_year)],
        "years": sorted({year, other_year}),
    }


def _next_year(question: Question) -> bool:
    """Whether a question's year is named by 'neste år', 'next year': in a follow-up, the year after the one asked."""
    word = normalise(question.year_word or "")
    return VOCABULARY.get(word) == Meaning("time", "1")


def _language(previous: Question, question: Question) -> dict[str, object]:
    """The follow-up's own language; without one, the previous question's where the follow-up's words allow
    it ('og i 2014?' after a nynorsk question is answered in nynorsk)."""
    if question.language is None and previous.language in (question.languages or LANGUAGES):
        return {"language": previous.language, "languages": ()}
    return {"language": question.language, "languages": question.languages}
