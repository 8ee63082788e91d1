"""Understanding a question: place, years, measure, group and what kind of answer is wanted."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import process
from rapidfuzz.distance import OSA

from store.bounds import MOST_PLACES, years_asked
from store.models import place_id_of
from store.names import normalise
from store.places import PlaceIndex, PlaceMatch
from store.vocabulary import COMMAND, GROUP_KEYS, MEASURE_KEYS, YEAR

VOCABULARY: dict[str, tuple[str, str]] = {}


def _words(kind: str, value: str, phrases: str) -> None:
    """Register phrases (normalised, separated by '|') as meaning (kind, value)."""
    for phrase in phrases.split("|"):
        VOCABULARY[normalise(phrase)] = (kind, value)


_words(
    "measure",
    "requested",
    "anmodning|anmodninger|anmodningen|anmodet|anmodede|anmoda|bedt om|oppmoding|oppmodinga|oppmoda|request|requests|requested|asked for",
)
_words(
    "measure",
    "requested_revised",
    "tilleggsanmodning|justert anmodning|revised request|tilleggsoppmoding",
)
_words(
    "measure",
    "decided",
    "vedtak|vedtaket|vedtatt|vedtatte|vedtaksplasser|vedteke|vedtekne|decision|decisions|decided|pledged|agreed",
)
_words(
    "measure",
    "settled",
    "bosatt|bosatte|bosetting|bosettingen|bosette|bosatt seg|busett|busette|busetjing|busetjinga|busetting|settled|settle|resettled",
)
_words(
    "measure",
    "assigned",
    "utsokt|utsokte|sokt ut|avtalt|avtalte|pa vei|assigned|matched|on the way",
)
_words("measure", "planned", "plantall|plantal|planned|planning figure|planning figures|plan")
_words(
    "measure",
    "settlement_need",
    "bosettingsbehov|busetjingsbehov|behov|prognose|settlement need|need|forecast",
)
_words("measure", "capacity", "kapasitet|capacity")
_words("measure", "capacity_dwellings", "boliger|bustader|dwellings|housing")
_words("measure", "proposed", "foreslatt|forslag|foreslatte|proposed|proposal")
_words("measure", "asylum_seekers", "asylsokere|asylsokarar|asylsokjarar|asylsoknader|asylum seekers|asylum")
_words("measure", "displaced", "pa flukt|flyktninger i verden|displaced")
_words("measure", "internally_displaced", "internt fordrevne|internt fordrivne|internally displaced")
_words("measure", "settled_forecast", "prognose bosatte|settlement forecast")
_words(
    "group",
    "em",
    "em|enslige mindrearige|enslig mindrearig|enslige|einslege mindrearige|einsleg mindrearig|einslege|mindrearige|uma|unaccompanied minors|unaccompanied minor|unaccompanied|minors|ema",
)
_words("group", "em_under_15", "under 15|under 15 ar|em under 15|under femten")
_words(
    "group",
    "ukraine",
    "ukrainere|ukrainarar|ukraina|ukraine|ukrainians|ukrainian|fordrevne|fordrivne|kollektiv beskyttelse|kollektivt vern|collective protection",
)
_words(
    "group",
    "resettlement",
    "overforingsflyktninger|kvoteflyktninger|overforingsflyktningar|resettlement refugees|quota refugees",
)
_words("group", "family", "familiegjenforente|familiesameinte|family reunification")
_words(
    "intent",
    "status",
    "status|hvor langt|kor langt|how far|progress|kommet|komme|kome|andel av vedtaket|del av vedtaket|share of the decision",
)
_words(
    "intent",
    "series",
    "historikk|historie|history|utvikling|over tid|tidsserie|series|over the years|trend",
)
_words(
    "intent",
    "ranking",
    "lengst bak|lengst unna|furthest behind|behind|bakpa|etter skjema|ligger etter|ligg etter|henger etter|heng etter|lagging|ranking|rangering|ranger|rank|sammenlign|samanlikn|compare|verst|worst|best",
)
_words("most", "most", "flest|most|mest|storst|hoyest|highest|largest|biggest")  # ranked by the value
_words("intent", "grant", "tilskudd|tilskot|grant|grants|incentive|incentives|stimuleringstilskudd")
_words(
    "intent",
    "intro",
    "intro|introprogram|introprogrammet|introduksjonsprogram|introduksjonsprogrammet|introresultater|introduction programme|introduction program",
)
_words("intent", "help", "hjelp|help|eksempler|examples|dome")
_words("intent", "start", "start|hei|hallo|hello|hi|god morgen")
_words("time", "0", "i ar|iar|dette aret|this year|current year|hittil i ar|so far this year|i aar")
_words("time", "-1", "i fjor|ifjor|fjoraret|last year|forrige ar|previous year")
_words("time", "1", "neste ar|til neste ar|next year|kommende ar|komande ar")
_words(
    "stop",
    "",
    "hvor|mange|er|ble|blei|vart|har|hadde|i|pa|for|av|og|om|hva|kva|kor|korleis|hvordan|mykje|mye|"
    "the|in|of|how|many|much|did|does|do|was|were|is|are|what|show|vis|gi|meg|me|kommune|kommunen|"
    "kommuner|kommunar|municipality|county|fylke|fylket|region|regionen|til|sammen|totalt|total|"
    "antall|tal|tall|number|numbers|figure|figures|please|takk|ar|aret|year|years|with|med|en|et|ein|"
    "eit|a|an|to|people|personer|personar|flyktninger|flyktningar|refugees|refugee|so|sa|langt|far|"
    "has|have|had|by|as|at|per|hittil|nå|na|no|now|ny|nye|new|latest|siste|who|which|hvilken|hvilke|"
    "kven|kva for|there|det|de|dei|den|seg|sin|sitt|sine|about|om|og|and|or|eller|get|fikk|fekk|fått|"
    "tatt|imot|ta|take|taken|receive|received|their|its|it|"
    "siden|sidan|since|fra|fraa|from",  # 'since 2010' makes a series where a year follows (see parse)
)

YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:-|–|—|til|to|until)\s*((?:19|20)\d\d)(?!\d)")
MAX_PHRASE = 5


@dataclass
class Question:
    """What a message asks for, as far as it could be understood."""

    text: str
    intent: str = "unknown"
    command: str | None = None
    place_text: str = ""
    places: list[PlaceMatch] = field(default_factory=list)
    also: list[PlaceMatch] = field(default_factory=list)  # further places named, each without doubt: compare
    unknown_text: str = ""
    years: list[int] = field(default_factory=list)
    year_word: str | None = None
    measure: str | None = None
    group: str = "all"
    most: bool = False  # a ranking by the value, largest first ('flest bosatt'), not by the share settled

    @property
    def year(self) -> int | None:
        """The single year asked about, if exactly one was."""
        return self.years[0] if len(self.years) == 1 else None


def _years(text: str, today: date) -> tuple[list[int], str]:
    """Explicit years and ranges, and the text without them."""
    years: list[int] = []
    asked = years_asked(today)
    for match in YEAR_RANGE.finditer(text):
        first, last = sorted((int(match.group(1)), int(match.group(2))))
        years.extend(year for year in range(first, last + 1) if year in asked)
    text = YEAR_RANGE.sub(" ", text)
    years.extend(int(y) for y in YEAR.findall(text))
    return sorted(set(years)), YEAR.sub(" ", text)


def _phrase_at(tokens: list[str], start: int) -> tuple[int, tuple[str, str] | None]:
    """The longest vocabulary phrase starting at a token: its length and meaning."""
    for length in range(min(MAX_PHRASE, len(tokens) - start), 0, -1):
        meaning = VOCABULARY.get(" ".join(tokens[start : start + length]))
        if meaning is not None:
            return length, meaning
    return 0, None


def _place_at(tokens: list[str], start: int, index: PlaceIndex) -> int:
    """The length of the longest place name starting at a token (0 if none)."""
    for length in range(min(MAX_PHRASE, len(tokens) - start), 0, -1):
        if index.exact(" ".join(tokens[start : start + length])):
            return length
    return 0


def _fuzzy_word(token: str) -> tuple[str, str] | None:
    """A keyword the token is a typo of (one edit, words of five letters or more)."""
    if len(token) < 5:
        return None
    single_words = [key for key in VOCABULARY if " " not in key and len(key) >= 5]
    hit = process.extractOne(token, single_words, scorer=OSA.distance, score_cutoff=1)
    return VOCABULARY[hit[0]] if hit else None


def _apply(question: Question, meaning: tuple[str, str], today: date, raw: str) -> None:
    """Record what a recognised phrase says about the question."""
    kind, value = meaning
    if kind == "measure":
        question.measure = question.measure or value
    elif kind == "group":
        question.group = value if question.group in ("all", "em") else question.group
    elif kind == "intent":
        question.intent = (
            value if question.intent in ("unknown", "status", "help", "start") else question.intent
        )
    elif kind == "most":
        question.most = True
        question.intent = (
            "ranking" if question.intent in ("unknown", "status", "help", "start") else question.intent
        )
    elif kind == "time":
        question.years = [today.year + int(value)]
        question.year_word = raw


def parse(message: str, *, index: PlaceIndex, today: date) -> Question:
    """Read a message (free text or a command) into a Question."""
    question = Question(text=message)
    body = message.strip()
    command = COMMAND.match(body)
    if command:
        question.command = command.group(1).lower()
        body = body[command.end() :]
    question.years, body = _years(body, today)
    tokens = normalise(body).split()
    raw_tokens = body.split()
    leftovers: list[list[str]] = [[]]
    position = 0
    while position < len(tokens):
        place_length = _place_at(tokens, position, index)
        phrase_length, meaning = _phrase_at(tokens, position)
        keeps_letters = bool(re.search("[æøåÆØÅ]", " ".join(raw_tokens[position : position + 1])))
        if place_length > phrase_length or (place_length and keeps_letters):
            leftovers[-1].extend(tokens[position : position + place_length])
            leftovers.append([])
            position += place_length
        elif meaning is not None:
            _apply(question, meaning, today, " ".join(tokens[position : position + phrase_length]))
            if leftovers[-1]:
                leftovers.append([])
            position += phrase_length
        else:
            guess = _fuzzy_word(tokens[position]) if not index.fuzzy(tokens[position]) else None
            if guess is not None:
                _apply(question, guess, today, tokens[position])
            else:
                leftovers[-1].append(tokens[position])
            position += 1
    if question.years and len(question.years) > 1 and question.intent in ("unknown", "status"):
        question.intent = "series"
    since = re.search(r"(?<!\d)(siden|sidan|since|fra|from)\s+((?:19|20)\d\d)", message, re.IGNORECASE)
    if since and len(question.years) == 1:  # not 'fra 2010 til 2012', a range already
        question.years = list(range(question.years[0], today.year + 1))
        question.intent = "series" if question.intent in ("unknown", "status") else question.intent
    _resolve_place(question, [span for span in leftovers if span], index)
    _decide_intent(question)
    default_to_nation(question, index)
    return question


def _resolve_place(question: Question, spans: list[list[str]], index: PlaceIndex) -> None:
    """Find the place among the words left over, and any further places named; keep unresolved words."""
    year = question.year
    for number, span in enumerate(spans):
        text = " ".join(span)
        matches = index.search(text, year=year)
        if not matches and len(span) > 1:
            for token in span:
                matches = index.search(token, year=year) if len(token) >= 3 else []
                if matches:
                    text = token
                    break
        if matches:
            question.places, question.place_text = matches, text
            question.also = _further_places(spans[number + 1 :], matches, index, year)
            return
    question.unknown_text = " ".join(" ".join(span) for span in spans)


def _further_places(
    spans: list[list[str]], first: list[PlaceMatch], index: PlaceIndex, year: int | None
) -> list[PlaceMatch]:
    """Places named after the first one ("Melhus og Malvik"): spans ending in an exact name of one place.

    The search stops once there are more than a list may hold (the answer then says how many it may).
    """
    found: list[PlaceMatch] = []
    seen = {place_id_of(match.place) for match in first}
    for span in spans:
        if len(found) >= MOST_PLACES:
            break
        for start in range(len(span)):
            matches = index.exact(" ".join(span[start:]), year=year)
            if len(matches) == 1 and place_id_of(matches[0].place) not in seen:
                seen.add(place_id_of(matches[0].place))
                found.append(matches[0])
                break
    return found


def _decide_intent(question: Question) -> None:
    """Choose the kind of answer from the command and what was recognised."""
    by_command = {"status": "status", "em": "status", "history": "series", "historikk": "series"}
    if question.command in by_command:
        question.intent = by_command[question.command]
        if question.command == "em":
            question.group = "em" if question.group == "all" else question.group
        return
    if question.intent in ("help", "start") and (question.places or question.measure):
        question.intent = "unknown"
    if question.intent == "unknown" and (question.places or question.measure or question.years):
        question.intent = "figure" if question.measure else "status"
    if question.intent == "unknown" and question.measure:
        question.intent = "figure"


def default_to_nation(question: Question, index: PlaceIndex) -> None:
    """A question about figures that names no place at all is about the whole country."""
    asks_figures = (
        question.measure or question.group != "all" or question.intent in ("ranking", "series", "intro")
    )
    if not question.places and not question.unknown_text and asks_figures and "NO" in index.by_code:
        nation = index.by_code["NO"]
        question.places = [PlaceMatch(nation, nation.name, "exact")]
        if question.intent == "unknown":
            question.intent = "figure" if question.measure else "status"


def _terms(words: list[str]) -> tuple[str | None, str] | None:
    """The measure and group named by words such as 'bosatt em' (None if a word is not understood)."""
    measure, group = None, "all"
    position = 0
    while position < len(words):
        for size in (3, 2, 1):
            phrase = normalise(" ".join(words[position : position + size]))
            raw = words[position].lower()
            kind, value = VOCABULARY.get(phrase, ("", ""))
            if size == 1 and raw in MEASURE_KEYS:
                kind, value = "measure", raw
            elif size == 1 and raw in GROUP_KEYS:
                kind, value = "group", raw
            if kind in ("measure", "group"):
                measure, group = (value, group) if kind == "measure" else (measure, value)
                position += size
                break
        else:
            return None
    return measure, group


def figure_words(words: list[str]) -> tuple[str, int, str, str] | None:
    """'<place> <year> <measure> [group]' as (place, year, measure, group)."""
    years = [i for i, word in enumerate(words) if i > 0 and YEAR.fullmatch(word)]
    if not years:
        return None
    at = years[-1]
    terms = _terms(words[at + 1 :])
    if terms is None or terms[0] is None:
        return None
    return " ".join(words[:at]), int(words[at]), terms[0], terms[1]
