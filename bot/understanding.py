"""Understanding a question: place, years, measure, group, what kind of answer is wanted, and its language.

A place is a register name or alias, a code, or a typo of a name (five letters or more) that is not itself
a word. A word of the vocabulary or a common word of bokmål, nynorsk or English is never a place, unless it
is exactly a register name written as a name: capitalised or spelt with æøå ('Moss', 'Bø'), in a place
slot ('i moss', 'status moss', 'bosatt moss'), or of five letters or more ('drammen'; the short words are
the frequent ones). When a question names a place exactly, no typo is read as a place.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from datetime import date
from itertools import pairwise
from operator import attrgetter
from typing import Any, NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.dates import Dated, read_date
from bot.forms import compound, inflected, understood
from bot.language import detect, vocabulary_languages
from bot.phrases import (
    AGE_PLUS,
    BOUND_GAP_KINDS,
    CODE_SLOTS,
    COVER_WORDS,
    FOLLOW_UPS,
    HOW_MANY_MORE,
    HOW_MUCH,
    MEASURE_BOUNDS,
    MODALS,
    NUMBER_BOUNDS,
    NUMBER_WORDS,
    OVER_OF,
    PLACE_SLOTS,
    QUOTES,
    SOURCE_CUES,
    SPLIT_COMPARATIVES,
    TO_HAVE,
    TRAILING_FOLLOW_UPS,
    VOCABULARY,
    WITH_WORDS,
    Meaning,
)
from bot.wordlists import LANGUAGES, LONGEST, is_common
from store.bounds import MOST_PLACES, plausible_years, years_asked
from store.models import Place, place_id_of
from store.names import normalise, words_from
from store.places import PlaceIndex, PlaceMatch
from store.vocabulary import (
    COMMAND,
    GROUP_KEYS,
    INTRO_GROUPS,
    INTRO_OUTCOMES,
    INTRO_TRACKS,
    INTRO_YEARS_MEASURES,
    MEASURE_KEYS,
    ORIGINALS,
    PLAN_MEASURES,
    WHOLE_OF,
    YEAR,
    Group,
    Intent,
    Measure,
)

# What joins a range's first and last year: '2014–2018', '2014 til 2018', '2014 t.o.m. 2018', '2014 through 2018'.
RANGE_WORDS = (
    "til og med",
    "t.o.m.",
    "tom",
    "til",
    "to",
    "until",
    "till",
    "through",
    "thru",
    "up to and including",
)
YEAR_RANGE = re.compile(
    rf"(?<!\d)((?:19|20)\d\d)\s*(?:-|–|—|{'|'.join(map(re.escape, RANGE_WORDS))})\s*((?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
BETWEEN_YEARS = re.compile(  # 'mellom 2006 og 2009', 'between 2006 and 2009': a range too
    r"\b(?:mellom|between)\s+((?:19|20)\d\d)\s+(?:og|and|to)\s+((?:19|20)\d\d)(?!\d)", re.IGNORECASE
)
YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")  # a range holds two apart: with fewer, the two above find none
YEAR_LIKE = re.compile(r"(?<!\d)(19[789]\d|20\d\d)(?!\d)")  # a year when it may be one (`plausible_years`)
PREFIXED_CODE = re.compile(r"\b([KkFf])-?(\d{2,4})\b")  # 'K1601', 'F-16': the letter apart, as a number word
# 'i det som i dag er Trondheim', 'present-day Trondheim': the municipality with those merged into it since.
AS_TODAY = re.compile(
    r"\b(?:som i dag er|som no er|som nå er|dagens|today's|present[- ]day|as it is today|what is now|what is today|"
    r"nåværende|noverande)\b",
    re.IGNORECASE,
)
# 'Rissa (nå Indre Fosen)', 'Orkdal (Orkland now)': a place's later name, no date; beside the place it names no other.
LATER_NAME = re.compile(
    r"\(\s*(?:(?:nå|no|now|today|i dag)\s+(?P<after>[^()]+?)|(?P<before>[^()]+?)\s+(?:nå|no|now|today|i dag))\s*\)",
    re.IGNORECASE,
)
# 'Prosent med én desimal', 'rounded to one decimal place', 'heile prosent': the precision asked of a share.
PRECISION = re.compile(
    r"(?:\b(?:svar|oppgi|gi|give|answer|round(?:ed)?|avrund(?:et|a)|rund(?:et|a) av)\s+)?"
    r"(?:\b(?:i|in|as)\s+)?(?:\b(?:prosent|percent|per\s?cent|a\s+percentage)\s+)?(?:\b(?:med|with|to|til|på)\s+)?"
    r"\b(?P<digits>én|en|ein|éin|one|1|to|two|2)\s+(?:desimal(?:er|ar)?|decimals?)(?:\s+places?)?\b"
    r"|(?:\b(?:i|in|as)\s+)?\b(?:hele|heile|whole)\s+(?:prosent|percent|per\s?cent|percentages?)\b",
    re.IGNORECASE,
)
# 'vårt vedtak', 'ber IMDi oss om', 'our request': the user's own place, named in an earlier message. As written:
# normalised, 'vår' and 'vårt' are 'var' and 'vart' (was, became).
OWN_WORDS = frozenset({"vår", "vårt", "våre", "oss", "our"})
DECIMALS = {"én": 1, "en": 1, "ein": 1, "éin": 1, "one": 1, "1": 1, "to": 2, "two": 2, "2": 2}
HYPHEN = re.compile(r"(?<=\w)-(?=\w)")  # 'Nord-Trøndelag': the words it joins are one name's
# 'Leksvik (Nord-Trøndelag)': a county or region in brackets after a place says where it lies.
BRACKETED = re.compile(r"\([^()]*\)")
# 'Nord- og Sør-Trøndelag', 'Aust- eller Vest-Agder': a first part that takes the ending of the hyphenated word after it
SUSPENDED = re.compile(r"(?<![-\w])([^\W\d_]+)-\s+(og|eller|and|or)\s+([^\W\d_]+)-([^\W\d_]+)", re.IGNORECASE)
# 'hvilke kommuner i Sør-Trøndelag har …', 'kva for kommunar …', 'which municipalities …': the members asked for
WHICH_MEMBERS = re.compile(
    r"\b(?:hvilke|kva(?: for(?: nokre)?)?|which|what) (?:kommuner|kommunar|municipalities|fylker|fylke|counties)\b"
)
# The programme's outcomes each kind of outcome sums: 'i arbeid' is full and part time.
OUTCOME_KINDS = {
    "work": (Group.WORK_30H_PLUS, Group.WORK_UNDER_30H),
    "education": (Group.PRIMARY_SCHOOL, Group.UPPER_SECONDARY, Group.HIGHER_EDUCATION),
    "jobseeker": tuple(group for group in Group if group.startswith("jobseeker_")),
    "tracks": INTRO_TRACKS,  # the participants' shares by track: no outcome
}
# Words that set two figures apart: with the introduction programme named, two places' results compared.
APART_WORDS = frozenset(
    ("prosentpoeng", "prosentpoenget", "prosentpoenga", "percentage", "points", "forskjell")
)
SINCE = re.compile(r"(?<!\d)(siden|sidan|since|fra|frå|from)\s+((?:19|20)\d\d)", re.IGNORECASE)
WORD = re.compile(r"[^\W_]+")
NORWEGIAN_LETTERS = re.compile("[æøåÆØÅ]")
MAX_PHRASE = 5
THOUSANDS = 3  # digits in a group of a number written '10 000'
LAST_DAY = 31  # 'per desember': the month's last day, whichever it is
SHORTEST_TYPO = 5  # letters: a shorter word is too near too many names to be read as a typo of one
SHORTEST_WORD_NAME = 5  # letters: a longer common word that is exactly a name is read as the name
# 'bosatt moss 2015'
# what a place's name may follow: 'plantall midt', 'hele midt', 'regionen midt'
SLOT_KINDS = ("measure", "group", "intent", "topic", "rank", "compare", "place", "whole", "minus", "level")
MOVED_WORDS = ("ned", "opp", "down")  # between years, a change ('gikk … ned'; not 'up': 'add up')
# of those, the words that add a count to another ('med de utsøkte'; not 'og', which only joins)
ADDING_WORDS = frozenset(WITH_WORDS) - {"og", "and", "herav", "hvorav", "derav"}
WHOLE_NUMBER = re.compile(r"(?<![\d.,])\d+(?: \d{3})*(?![\d.,]\d)")  # '4', '100 000'
MOST_SUPPOSED = 9_999  # people supposed settled for a grant; more is an amount
SHORTEST_GENITIVE_NAME = 3  # 'Drammens'; not 'Has' as Hå's
ARTICLES = ("the", "den", "det", "de", "dei")
OF_WORDS = ("av", "of")  # 'how much of the decision'
QUOTING_WORDS = ("om", "pa", "of", "for", "to", "settle", "bosette", "busetje", "ta", "take")  # 'bedt om 650'
SHARE_WORDS = (
    "andel",
    "andelen",
    "del",
    "delen",
    "share",
    "proportion",
    "percentage",
    "prosentdel",
    "utgjor",
    "utgjer",
)
# 'hvor mye av Midt-Norges bosetting var i Møre og Romsdal': a share
MUCH_OF = frozenset(("mye av", "mykje av", "much of"))
THAN = frozenset(("enn", "than"))
# 'ble den justert opp?': a revision's change
UP_OR_DOWN = frozenset(("opp", "ned", "up", "down", "upwards", "downwards"))
# 'how far short of the request', 'hvor langt unna anmodningen', 'how far from the request': the previous figure set
# against the measure after them
AWAY_FROM = frozenset(("short", "unna", "fra", "from", "off"))
# 'når de utsøkte regnes med', 'når utsøkte vert rekna med', 'with the assigned included': counted in with the others
COUNTED_IN = frozenset(
    (
        "regnes med",
        "tas med",
        "medregnet",
        "rekna med",
        "reknast med",
        "medrekna",
        "included",
        "counted",
        "inkludert",
    )
)
COUNTED_LENGTH = 4  # words after a measure that may say it is counted in ('vert rekna med')
# the years' mean asked beside them: 'i snitt per år 2016–2018', 'average settled per year'
AVERAGE_WORDS = frozenset(
    (
        "snitt",
        "snittet",
        "gjennomsnitt",
        "gjennomsnittet",
        "gjennomsnittlig",
        "gjennomsnittleg",
        "average",
        "mean",
    )
)
AFTER_WORDS = ("etter", "after")  # 'hvem har flest etter Trondheim': the ranking without Trondheim
GAP_KINDS = ("place", "stop", "word", "level")  # what may stand between a measure and its 'å bosette'
MOST_BETWEEN = 3  # words at most between them
LINKING_WORDS = ("a", "to", "om")  # 'bedt om å bosette', 'decided to settle': the settling is what was asked
TOTAL_MEASURES = (Measure.SETTLED_AND_ASSIGNED, Measure.SETTLED, Measure.ASSIGNED)  # TOTALT and its parts
FRESH_INTENTS = (Intent.UNKNOWN, Intent.STATUS, Intent.HELP, Intent.START)  # a named intent replaces these
BOUNDS = ("above", "below")  # the Question fields a bound sets
# Counts with a forecast of their own, which a word of the need beside them asks for ('expected asylum seekers').
FORECASTS: dict[str, str] = {Measure.ASYLUM_SEEKERS: Measure.ASYLUM_SEEKERS_FORECAST_MIN}
SINGLE_WORDS = [key for key in VOCABULARY if " " not in key and len(key) >= SHORTEST_TYPO]
PHRASE_WORDS = words_from(VOCABULARY)  # a question's word begins no vocabulary phrase unless listed here
# After these a year-like number is a bound, not a year: 'passerte 2000', 'over 2000'.
BOUND_WORDS = frozenset(
    [*NUMBER_BOUNDS, *(key.split()[-1] for key, meaning in VOCABULARY.items() if meaning.kind == "passing")]
)


@dataclass(slots=True)
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
    best: bool = False  # a ranking by the share settled, largest first ('hvem har kommet lengst')
    least: bool = False  # smallest first ('færrest', 'fewest'); by the share settled as a ranking behind
    rank_level: str | None = None  # what is ranked when a level is named: 'which county …' ranks counties
    as_of: date | None = None  # the day the figures are asked as of ('per 10.12.15'), when a date says so
    as_of_day: tuple[int, int] | None = None  # 'per 1. juli', no year: its month and day in the year answered
    by_year: bool = False  # a place's years ranked ('hvilket år bosatte Melhus flest'), not its members
    versus: bool = False  # 'vs', 'sammenlign': places or years side by side
    per: str | None = (
        None  # a ratio's denominator: 'vedtatt i forhold til anmodningen' divides by the request
    )
    above: float | None = None  # members kept above this (a ratio's factor with `per`, else a value)
    below: float | None = None  # members kept below this: 'less than half of their request' is 0.5
    at_least: bool = False  # the bound above is reached, not passed: 'vedtatt hele anmodningen'
    exactly: bool = False  # the bound above is met exactly: 'bosatt akkurat like mange som de vedtok'
    # members ranked by a group's share of a measure: 'høyest andel EM i plantallet'
    group_share: bool = False
    excluded: list[PlaceMatch] = field(default_factory=list)  # left out of a ranking: 'utenom Trondheim'
    second_measure: str | None = None  # 'fra anmodning 2016 til plantall 2017': the measure of the later year
    without_group: str | None = None  # 'hvor mange var ikke fra Ukraina': the total less this group
    together: bool = False  # the places named summed as well as each: 'Trondheim om vi tar med Klæbu'
    remaining: bool = False  # what remains of the decision: 'hvor mange gjenstår', 'hvem mangler flest'
    added: bool = False  # the one count named is added to the previous question's: 'og med de utsøkte?'
    average: bool = False  # the years' mean beside them: 'i snitt per år 2016–2018'
    supposed: int | None = None  # a grant for a number supposed settled: 'hvis vi bosetter 4 EM, hva får vi?'
    sources: tuple[int, ...] = ()  # the sources named by a word of their title: 'hva sier Salomonsen om …'
    position: bool = False  # where a place stands in the previous ranking: 'where did Sør-Trøndelag rank?'
    leader: bool = False  # 'that municipality', 'den kommunen': the place the previous ranking put first
    # The place this question's ranking put first, set once it is answered (kept with the chat's context).
    first_ranked: list[PlaceMatch] = field(default_factory=list)
    language: str | None = None  # the language it is written in, when that is clear
    # Else the languages its vocabulary allows ('vedtak': nb or nn), when not all three.
    languages: tuple[str, ...] = ()
    follow_up: bool = False  # it changes only what it names of the chat's previous question ('og Malvik?')
    year_shift: int = 0  # years relative to the previous question's ('året før': -1)
    measures: list[str] = field(default_factory=list)  # every measure named, in order ('anmodet og vedtatt')
    # Every group named, 'all' first when the total is asked beside them ('bosatte og EM').
    groups: list[str] = field(default_factory=list)
    # A year for each measure, where each has its own ('anmodning 2016 og plantall 2017').
    measure_years: list[tuple[str, int]] = field(default_factory=list)
    named: frozenset[str] = frozenset()  # what it names: place, years, measure, group, intent
    revision: bool = (
        False  # the figure's revision during its year compared: 'opprinnelig og justert anmodning'
    )
    in_percent: bool = False  # a change asked in per cent: 'hvor mange prosent økte', 'by what percentage'
    times: bool = False  # a change asked as a factor: 'hvor mange ganger flere', 'by what factor'
    # Years whose figure is asked as first stated, not as revised: 'enn den opprinnelige anmodningen i 2023'.
    original_years: list[int] = field(default_factory=list)
    first_above: bool = False  # a place's first year above the bound: 'hvilket år passerte Midt-Norge 1000'
    # The first place's share of the figure of the one it lies in: 'hvor stor del av Midt-Norges anmodning står
    # Trondheim for' (the place it lies in is the further place).
    part_share: bool = False
    # Members ranked by the difference of two figures: 'størst avstand mellom anmodning og vedtak'.
    by_difference: bool = False
    # Its places are set against the previous question's: 'hvor mange prosentpoeng bedre enn Sør-Trøndelag er det?'
    against: bool = False
    # the one measure named after 'enn' set against the previous figure: 'hvor mye mer er det enn de bosatte i fjor?'
    measure_against: bool = False
    # the previous question's place as a share of the one named: 'hvor stor andel er det av Midt-Norge?'
    share_of_place: bool = False
    decimals: int | None = None  # the decimals asked of a share: 'med én desimal' 1, 'hele prosent' 0

    def reply_language(self, chosen: str) -> str:
        """Its own language; else the caller's choice where its words allow it, else the first they allow."""
        if self.language is not None:
            return self.language
        return chosen if not self.languages or chosen in self.languages else self.languages[0]

    def as_of_in(self, year: int) -> date | None:
        """The day asked as of, for the year answered: the date written, or its month and day in that year."""
        if self.as_of is not None or self.as_of_day is None:
            return self.as_of
        month, day = self.as_of_day
        return date(year, month, min(day, calendar.monthrange(year, month)[1]))

    @property
    def year(self) -> int | None:
        """The single year asked about, if exactly one was."""
        return self.years[0] if len(self.years) == 1 else None

    def copy(self) -> Question:
        """A shallow copy, as copy.copy makes (which is slow for slots): its lists are the same lists."""
        return Question(*_ALL_VALUES(self))

    def key(self) -> tuple[Any, ...]:
        """Everything the answer depends on, hashable (for the answer cache): place matches by their place's
        code, label and how they were found, lists as tuples, the names sorted."""
        return (
            _PLAIN_VALUES(self),
            *(tuple((m.place.code, m.label, m.how) for m in matches) for matches in _MATCH_VALUES(self)),
            *map(tuple, _LIST_VALUES(self)),
            tuple(sorted(self.named)),
        )


def _fields_typed(test: Callable[[str], bool]) -> attrgetter[Any]:
    """A getter of the values of Question's fields whose declared type passes the test, in order."""
    return attrgetter(*(f.name for f in fields(Question) if test(str(f.type))))


# Question's fields by what their values need to be hashable ('named', the one set, is sorted by key()): one
# call each, not one per field, as the key is made for every question
_MATCH_VALUES = _fields_typed(lambda kind: kind == "list[PlaceMatch]")
_LIST_VALUES = _fields_typed(lambda kind: kind.startswith("list[") and kind != "list[PlaceMatch]")
_PLAIN_VALUES = _fields_typed(lambda kind: not kind.startswith(("list[", "frozenset[")))
_ALL_VALUES = _fields_typed(lambda _kind: True)


class Token(NamedTuple):
    """A word as written and normalised ('Bø', 'bo'), and where it stands in the text."""

    raw: str
    norm: str
    at: int = 0


@dataclass(slots=True)
class _Reading:
    """What has been read of a message so far."""

    question: Question
    today: date
    tokens: list[Token]
    words: list[str] = field(default_factory=list)  # words of a language, as written: the language's evidence
    phrases: list[str] = field(default_factory=list)  # vocabulary phrases of more than one word
    places: list[str] = field(default_factory=list)  # place names read exactly, in order
    # Names read from a typo of their last words ('sor trondelg'), each with the typo, to be said.
    typos: dict[str, str] = field(default_factory=dict)
    leftovers: list[list[str]] = field(default_factory=lambda: [[]])  # runs of words not understood
    leftover_starts: list[int] = field(default_factory=list)  # the token each run begins at
    kinds: list[str] = field(default_factory=list)  # the kind of each token read ('place', 'measure', …)
    named: set[str] = field(default_factory=set)
    levels: list[str] = field(default_factory=list)
    to_settle: bool = False  # 'skal bosettes'
    to_settle_at: int | None = (
        None  # where 'skulle bosette' stands: in a change against another measure, its own
    )
    topic: bool = False  # 'bosetting': settlement in general
    outcome: bool = False  # 'etter endt program': what became of the introduction programme's participants
    # 'i arbeid', 'arbeidssøkere': the categories they sum
    kind_groups: list[str] = field(default_factory=list)
    time_marks: list[tuple[int, int]] = field(
        default_factory=list
    )  # where each time word stands, and its year
    other: bool = False  # 'annet', 'other': the outcome 'Annet' in a question about the outcomes
    strategy: bool = False  # 'strategi', 'regional plan': a strategy's period and adoption
    duration: bool = False  # 'hvor lang tid', 'how long'
    ranked: bool = False  # 'lengst bak', 'best', 'flest'
    back: bool = False  # 'der', 'of them', 'året før': points back to the previous question
    total: bool = False  # 'totalt': the status table's TOTALT (settled + assigned) when no measure is named
    measures: list[tuple[int, str]] = field(default_factory=list)  # measures named, where each stands
    groups: list[tuple[str, bool]] = field(default_factory=list)  # groups named, each with 'and the total'
    pending: str | None = None  # 'ratio', 'above' or 'below': the next measure (or number) completes it
    excluding: bool = False  # 'utenom': the places named from here on are left out
    subtracting: bool = False  # 'om vi trekker M&R fra Midt-Norge': the first place taken from the second
    excluded: list[str] = field(default_factory=list)  # place names read after 'utenom'
    after: list[str] = field(default_factory=list)  # place names read after 'etter': in a ranking, left out
    than: list[str] = field(default_factory=list)  # place names read after 'enn', 'than': compared against
    including: bool = False  # 'inkl. EM', 'out of … in total': the total with its groups, not the group alone
    factor: float = 1.0  # a bound's factor: 'under halvparten av' is 0.5
    negated: bool = False  # 'ikke', 'not': 'ikke bosatt hele vedtaket' is a bound below the decision
    extra: bool = False  # 'ekstra', 'additional': the additional request, or the grants with an amount asked
    change_word: bool = False  # 'avstand', 'forskjell', 'gap': a change or difference named
    cause_named: bool = False  # a group named a change by the word after it: 'the Ukraine increase'
    revisions: set[str] = field(default_factory=set)  # 'original', 'revised': the words of a revision read
    originals: list[int] = field(default_factory=list)  # where each 'opprinnelig', 'original' stands
    # 'hvor mye over vedtaket': the measure the other is set against, and whether it is above or below it
    bounded: tuple[str, str] | None = None
    passing: bool = False  # 'passerte', 'exceeded': the number that follows is a bound passed
    when: bool = False  # 'når', 'when': with a bound, the first year past it
    later_name: bool = False  # 'Orkdal (nå Orkland)': a place's later name in brackets
    brackets: list[tuple[int, int]] = field(default_factory=list)  # where each '(…)' of the message stands
    hyphened: frozenset[int] = frozenset()  # where each word joined to the one before by a hyphen begins
    bracketed: list[str] = field(default_factory=list)  # place names read within brackets
    shares: bool = False  # a share word ('andel', 'del', 'share'): a share of something is asked


def _is_word(word: str) -> bool:
    """Whether a normalised word is a word of the vocabulary or a common word of nb, nn or en."""
    return word in VOCABULARY or is_common(word)


def parse(message: str, *, index: PlaceIndex, today: date) -> Question:
    """Read a message (free text or a command) into a Question."""
    question = Question(text=message)
    body = message.strip()
    command = COMMAND.match(body)
    if command:
        question.command = command.group(1).lower()
        body = body[command.end() :]
    body, question.decimals = _precision(body)
    body = _suspended_compounds(body)
    if "+" in body:  # 'EM 15+'; 'anmodning + EM', 'bosatte + utsøkte': with
        body = AGE_PLUS.sub("15plus", body).replace("+", " pluss ")
    body, later_names = LATER_NAME.subn(lambda m: f"({m['after'] or m['before']})", body)
    dated, body = read_date(PREFIXED_CODE.sub(r"\1 \2", body), today)
    question.years, year_marks, body = _years(body, today)
    if dated is not None and not question.years and dated.year is not None and not dated.now:
        question.years = [dated.year]  # 'nå', 'now': the latest figures up to today, of whichever year
    tokens = [
        Token(m.group(), n, m.start()) for m in WORD.finditer(body) for n in normalise(m.group()).split()
    ]
    tokens = _comparative_joined(tokens)
    shares = any(token.norm in SHARE_WORDS for token in tokens) or _much_of(tokens)
    question.average = any(token.norm in AVERAGE_WORDS for token in tokens)
    brackets = [match.span() for match in BRACKETED.finditer(body)]
    reading = _Reading(
        question,
        today,
        tokens,
        later_name=bool(later_names),
        brackets=brackets,
        shares=shares,
        hyphened=frozenset(match.end() for match in HYPHEN.finditer(body)) if "-" in body else frozenset(),
    )
    _read(reading, index)
    _title_named(reading, index, message)
    question.in_percent = question.in_percent or "%" in body  # 'hvor mange % økte'
    if dated is not None:
        _as_of(reading, dated)
    _extra(reading)
    if question.intent == Intent.GRANT:
        question.supposed = _supposed(body)
    _exceeded(reading)
    _several(reading, year_marks)
    _first_above(reading)
    _facts(reading)
    _new_municipalities(reading.question)
    _revision_compared(reading)
    _read_years(reading, message)
    _original_years(reading, year_marks)
    _resolve_places(reading, index)
    _difference_to_bound(reading)
    _as_today(question, index, message)
    _bound_without_measure(reading)
    if reading.including:  # 'inkl. EM', 'out of how many in total': everyone, with the groups
        question.group = Group.ALL
    _settle_need(reading)
    _settlement_forecasts(question)
    _outcomes(reading)
    _decide_intent(reading)
    _which_members(reading)
    _ranked_by_difference(reading)
    _two_figures_apart(reading)
    _against_a_quoted_figure(reading)
    capacity_in_persons(question)
    _assigned_included(reading)
    _count_added(reading)
    _share_of_first(reading)
    _share_of_second(reading)
    _less_a_member(reading)
    _part_share(reading, index)
    _intro_results_apart(reading)
    _capacity_covers(reading)
    _remaining(question)
    _group_share(reading)
    _read_language(reading)
    _position(reading)
    # 'hvor mange prosentpoeng bedre enn Sør-Trøndelag er det?': only a place compared against is named
    question.against = reading.named == {"place"} and reading.places == reading.than
    one_place = reading.named == {"place"} and len(question.places) == 1
    question.share_of_place = reading.shares and one_place and not question.against
    question.measure_against = _measure_after_than(reading)
    question.follow_up = _is_follow_up(reading)
    question.named = frozenset(reading.named)
    default_to_nation(question, index, topic=reading.topic or reading.to_settle)
    return question


def _much_of(tokens: list[Token]) -> bool:
    """Whether 'mye av' ('much of') asks for a share: 'hvor mye av Midt-Norges bosetting var i Møre og Romsdal'."""
    return not MUCH_OF.isdisjoint(_word_pairs([token.norm for token in tokens]))


def _word_pairs(norms: list[str]) -> list[str]:
    """Each two neighbouring words, joined as a phrase is ('hvor mye', 'regnes med')."""
    return [f"{first} {second}" for first, second in pairwise(norms)]


def _precision(text: str) -> tuple[str, int | None]:
    """The message without the precision it asks of a share ('Prosent med én desimal.'), and that precision."""
    found = PRECISION.search(text)
    if found is None:
        return text, None
    decimals = DECIMALS[found["digits"].lower()] if found["digits"] else 0
    return text[: found.start()] + text[found.end() :], decimals


def _suspended_compounds(text: str) -> str:
    """'Nord- og Sør-Trøndelag' written out as 'Nord-Trøndelag og Sør-Trøndelag'."""
    if "- " not in text:
        return text
    return SUSPENDED.sub(lambda m: f"{m[1]}-{m[4]} {m[2]} {m[3]}-{m[4]}", text)


def _comparative_joined(tokens: list[Token]) -> list[Token]:
    """'flere utsøkte enn bosatte' read as 'utsøkte flere enn bosatte': a comparative split from its 'enn' by the
    measure it counts moves to the 'enn', where a measure follows it ('enn de vedtok'; not 'enn i fjor')."""
    for at, token in enumerate(tokens):
        if token.norm in SPLIT_COMPARATIVES:
            than = at + 1 + _measure_length(tokens, at + 1)
            if (
                at + 1 < than < len(tokens)
                and tokens[than].norm in THAN
                and _measure_follows_than(tokens, than + 1)
            ):
                return [*tokens[:at], *tokens[at + 1 : than], token, *tokens[than:]]
    return tokens


def _measure_length(tokens: list[Token], start: int) -> int:
    """How many words the measure starting at a token takes (0 if none starts there)."""
    if start >= len(tokens):
        return 0
    length, meaning = _phrase_at(tokens, start)
    if meaning is None:
        meaning, length = understood(tokens[start].norm), 1
    return length if meaning is not None and meaning.kind == "measure" else 0


def _measure_follows_than(tokens: list[Token], start: int) -> bool:
    """Whether a measure follows, with only stop words before it ('enn de vedtok', 'than their request')."""
    for position in range(start, len(tokens)):
        if _measure_length(tokens, position):
            return True
        meaning = understood(tokens[position].norm)
        if meaning is None or meaning.kind != "stop":
            return False
    return False


def _as_of(reading: _Reading, dated: Dated) -> None:
    """The day asked as of: a date, or a month and day without a year ('per 1. juli') for the year answered."""
    question = reading.question
    question.as_of = dated.as_of(question.year, reading.today)
    if dated.now:  # 'og nå?': the latest figures, not the previous question's years
        reading.named.update(("years", "as_of"))
    if question.as_of is None and dated.month is not None and not question.years:
        question.as_of_day = (dated.month, dated.day or LAST_DAY)
        reading.named.add("as_of")  # a follow-up's 'og per 10. desember?' keeps the previous years


def _read_years(reading: _Reading, message: str) -> None:
    """Years named make a series where several are and no measure has its own ('siden 2010', '2006–2018'), or
    asked in per cent a change ('hvor mange prosent gikk bosettingen ned fra 2016 til 2017')."""
    question = reading.question
    if question.years:
        reading.named.add("years")
    # not 'fra 2010 til 2012', a range already; the search last, as it costs 10-25 µs
    if len(question.years) == 1 and SINCE.search(message):
        question.years = list(range(question.years[0], reading.today.year + 1))
    several = len(question.years) > 1 and not question.measure_years
    if several and question.intent in ("unknown", "status"):
        # 'gikk bosettingen i Trondheim ned fra 2017 til 2018': a verb's 'ned' apart from it
        moved = any(token.norm in MOVED_WORDS for token in reading.tokens)
        _set_intent(
            reading, Intent.CHANGE if question.in_percent or question.times or moved else Intent.SERIES
        )


def _read_language(reading: _Reading) -> None:
    """The question's language, or the languages its vocabulary allows when that is not clear."""
    question = reading.question
    language_words = [word for word in reading.words if not word.isupper()]  # 'EM', 'UMA': any language's
    allowed = vocabulary_languages(language_words, reading.phrases)
    question.language = detect(language_words, reading.phrases, allowed)
    question.languages = allowed if question.language is None and len(allowed) < len(LANGUAGES) else ()


def _years(text: str, today: date) -> tuple[list[int], list[tuple[int, int]], str]:
    """Explicit years and ranges, where each single year stands (offset, year), and the text without them
    (blanked, so that offsets keep)."""
    years: list[int] = []
    plausible = plausible_years(today)  # 'plantall 2017' asked in 2015 is a year, never Kvalsund's old code
    ranged = len(YEAR_DIGITS.findall(text)) > 1  # else no range: its patterns cost 10-25 µs a question
    for ranges in (BETWEEN_YEARS, YEAR_RANGE) if ranged else ():
        for match in ranges.finditer(text):
            first, last = sorted((int(match.group(1)), int(match.group(2))))
            # 'fra 2016 til 2017' asked in 2015 whole; '2020–2099' up to next year
            kept = plausible if last in plausible else years_asked(today)
            years.extend(year for year in range(first, last + 1) if year in kept)
        text = ranges.sub(lambda match: " " * len(match.group()), text)
    singles = [
        m
        for m in YEAR_LIKE.finditer(text)
        if int(m.group()) in plausible and not _after_code_word(text, m.start())
    ]
    years.extend(int(m.group()) for m in singles)
    for match in singles:
        text = text[: match.start()] + " " * len(match.group()) + text[match.end() :]
    return sorted(set(years)), [(m.start(), int(m.group())) for m in singles], text


def _after_code_word(text: str, start: int) -> bool:
    """Whether a number follows a word that makes it a code ('kommunenummer 2012', 'K2012', 'kommune 2017'
    opening the message or after a preposition) or a bound ('passerte 2000'), not a year ('Trondheim kommune
    2017' is the year)."""
    before = _last_words(text[:start], 2)
    if not before:
        return False
    level_first = before[-1] in CODE_SLOTS and (len(before) == 1 or before[-2] in PLACE_SLOTS)
    return before[-1] in NUMBER_WORDS or before[-1] in BOUND_WORDS or level_first


def _last_words(text: str, count: int) -> list[str]:
    """A text's last words, normalised one written word at a time (those come again: the text's whole does not)."""
    words: list[str] = []
    for written in reversed(text.split()):
        words[:0] = normalise(written).split()
        if len(words) >= count:
            break
    return words[-count:]


def _read(reading: _Reading, index: PlaceIndex) -> None:
    """Read the tokens in order: place names, vocabulary phrases, word forms, words and the rest."""
    tokens = reading.tokens
    position = 0
    while position < len(tokens):
        if tokens[position].norm.isdigit() and _bound_waits(reading):  # 'flere enn 40', not county 40
            digits = _grouped_number(tokens, position)
            _bound(reading, float("".join(digits)))
            position += len(digits)
            continue
        if (
            _bounds_number(tokens, position) and _phrase_at(tokens, position)[0] < 2
        ):  # 'over 1000', not 'over 30 timer'
            _apply(reading, Meaning("above", "1"), tokens[position].norm, tokens[position].at)
            reading.kinds.append("above")
            position += 1
            continue
        bound = _bounds_measure(tokens, position)  # 'over samlet vedtak', not 'over hele landet'
        if bound is not None:
            _apply(reading, bound, tokens[position].norm, tokens[position].at)
            reading.kinds.append(bound.kind)
            position += 1
            continue
        place_length = _place_at(reading, position, index)
        phrase_length, meaning = _phrase_at(tokens, position)
        genitive = None if place_length or phrase_length > 1 else _genitive_at(reading, position, index)
        if genitive or (place_length and place_length >= phrase_length):
            name, place_length = genitive or (
                " ".join(t.norm for t in tokens[position : position + place_length]),
                place_length,
            )
            name, place_length = _typo_after(reading, position, name, place_length, index)
            name = _typo_before(reading, position, name, index)
            (reading.excluded if reading.excluding else reading.places).append(name)
            if any(start < tokens[position].at < end for start, end in reading.brackets):
                reading.bracketed.append(name)
            if position and tokens[position - 1].norm in AFTER_WORDS:
                reading.after.append(name)
            if position and tokens[position - 1].norm in THAN:
                reading.than.append(name)
            reading.kinds.extend(["place"] * place_length)
            _end_leftover(reading)
            position += place_length
        elif meaning is not None:
            phrase = tokens[position : position + phrase_length]
            _apply(reading, meaning, " ".join(t.norm for t in phrase), phrase[0].at)
            reading.words.extend(t.raw for t in phrase)
            reading.kinds.extend([meaning.kind] * phrase_length)
            if phrase_length > 1:
                reading.phrases.append(" ".join(t.norm for t in phrase))
            _end_leftover(reading)
            position += phrase_length
        else:
            _read_word(reading, tokens[position], index)
            position += 1


def _bound_waits(reading: _Reading) -> bool:
    """Whether a number now is a bound: after 'flere enn', or the first after 'passerte'."""
    return reading.pending in BOUNDS or (reading.passing and reading.question.above is None)


def _bound(reading: _Reading, value: float) -> None:
    """A number after 'flere enn' or 'passerte': the bound waiting for it."""
    setattr(reading.question, reading.pending if reading.pending in BOUNDS else "above", value)
    reading.pending = None
    reading.kinds.append("bound")


def _grouped_number(tokens: list[Token], start: int) -> list[str]:
    """A number's groups of digits: '10 000', '10,000' and '10.000' are one number, 10000."""
    digits = [tokens[start].norm]
    for before, token in pairwise(tokens[start:]):
        apart = token.at - before.at - len(before.raw)
        if len(token.norm) != THOUSANDS or not token.norm.isdigit() or apart != 1:
            break
        digits.append(token.norm)
    return digits


def _bounds_number(tokens: list[Token], position: int) -> bool:
    """Whether a word bounds the number right after it ('over 1000')."""
    following = tokens[position + 1].norm if position + 1 < len(tokens) else ""
    return tokens[position].norm in NUMBER_BOUNDS and following.isdigit()


def _bounds_measure(tokens: list[Token], position: int) -> Meaning | None:
    """The bound a word sets on the measure right after it ('over vedtaket', 'under samlet anmodning'), if one
    follows with at most two stop words between, and the municipality ('over det kommunen har kapasitet til')."""
    bound = MEASURE_BOUNDS.get(tokens[position].norm)
    if position and tokens[position - 1].norm in OVER_OF:  # 'oversikt over anmodning': what it shows
        return None
    gap = 0  # words between, the municipality's own not counted
    for token in tokens[position + 1 :] if bound is not None else []:
        meaning = understood(token.norm)
        if meaning is not None and meaning.kind == "measure":
            return bound
        if meaning is None or meaning.kind not in BOUND_GAP_KINDS:
            return None
        gap += meaning.kind != "level"
        if gap > 2:
            return None
    return None


def _place_at(reading: _Reading, start: int, index: PlaceIndex) -> int:
    """The length of the longest place name starting at a token (0 if none, or a word not written as a name)."""
    tokens = reading.tokens
    if tokens[start].norm.isdigit():
        return 1 if tokens[start].norm in index.aliases and _written_as_code(reading, start) else 0
    longest = min(MAX_PHRASE, len(tokens) - start, index.words_from.get(tokens[start].norm, 0))
    for length in range(longest, 0, -1):
        if " ".join(t.norm for t in tokens[start : start + length]) in index.aliases:
            if reading.hyphened and _splits_a_name(reading, start, start + length, index):
                continue
            return length if length > 1 or _written_as_name(reading, start) else 0
    return 0


def _splits_a_name(reading: _Reading, start: int, end: int, index: PlaceIndex) -> bool:
    """Whether a name of several words ends inside a hyphenated word that begins a longer name of its own ('IMDi
    Nord-Trøndelag-kommunene' is Nord-Trøndelag, not the region IMDi Nord)."""
    tokens, hyphened = reading.tokens, reading.hyphened
    if end >= len(tokens) or tokens[end].at not in hyphened:
        return False
    word = end - 1
    while word > start and tokens[word].at in hyphened:
        word -= 1
    if word == start:  # the name is all of the word's first parts ('Nord-Trøndelag-kommunene'): no other name
        return False
    stops = range(end + 1, min(len(tokens), word + MAX_PHRASE) + 1)
    return any(" ".join(t.norm for t in tokens[word:stop]) in index.aliases for stop in stops)


def _typo_after(reading: _Reading, start: int, name: str, length: int, index: PlaceIndex) -> tuple[str, int]:
    """An exact name followed by a typo of the rest of a longer name that begins with it ('Sør-Trøndelg' is
    Sør-Trøndelag, not IMDi Sør): the longer name and its length in tokens, the typo kept to be said; else the
    name as read. The typo's last word is no word of ours or of the three languages."""
    tokens = reading.tokens
    for more in range(1, min(MAX_PHRASE - length, len(tokens) - start - length) + 1):
        last = tokens[start + length + more - 1].norm
        if _is_word(last) or last.isdigit():
            continue
        typed = " ".join(t.norm for t in tokens[start : start + length + more])
        longer = index.longer_typo(name, typed)
        if longer is not None:
            reading.typos[longer] = typed
            return longer, length + more
    return name, length


def _typo_before(reading: _Reading, start: int, name: str, index: PlaceIndex) -> str:
    """A word not understood before an exact name, the two a typo of a longer name that ends with it ('Sørr-Trøndelag'
    is Sør-Trøndelag, not Trøndelag): the longer name, the word taken from the words not understood; else the name."""
    if name in reading.typos or not reading.kinds or reading.kinds[-1] != "leftover":
        return name
    typed = f"{reading.tokens[start - 1].norm} {name}"
    longer = index.longer_typo(name, typed)
    if longer is None:
        return name
    reading.leftovers[-1].pop()
    if not reading.leftovers[-1]:
        reading.leftover_starts.pop()
    reading.kinds[-1] = "place"
    reading.typos[longer] = typed
    return longer


def _written_as_code(reading: _Reading, position: int) -> bool:
    """Whether a number is meant as a place's code: three digits or more, or after 'fylke', 'kommune', 'K'."""
    return len(reading.tokens[position].norm) > 2 or (
        position > 0 and reading.tokens[position - 1].norm in CODE_SLOTS
    )


def _genitive_at(reading: _Reading, position: int, index: PlaceIndex) -> tuple[str, int] | None:
    """The name the words from a token are the genitive of ('Drammens anmodning', 'Midt-Norges bosetting'), and
    how many words, if the last is no word of its own ('Has' is not Hå's) and the name no shorter than
    SHORTEST_GENITIVE_NAME."""
    tokens = reading.tokens
    longest = min(MAX_PHRASE, len(tokens) - position, index.words_from.get(tokens[position].norm, 1))
    for length in range(longest, 0, -1):
        last = tokens[position + length - 1].norm
        name = " ".join([*(t.norm for t in tokens[position : position + length - 1]), last[:-1]])
        if len(name) >= SHORTEST_GENITIVE_NAME and last.endswith("s") and name in index.aliases:
            return (name, length) if not _is_word(last) else None
    return None


def _written_as_name(reading: _Reading, position: int) -> bool:
    """Whether a one-word name is meant as the place, where it is also a word ('Moss', 'i moss', not 'moss')."""
    token = reading.tokens[position]
    if not _is_word(token.norm) or token.raw[:1].isupper() or NORWEGIAN_LETTERS.search(token.raw):
        return True
    if len(token.norm) >= SHORTEST_WORD_NAME and token.norm not in VOCABULARY:
        return True
    return len(token.norm) > 2 and _in_place_slot(reading, position)


def _in_place_slot(reading: _Reading, position: int) -> bool:
    """Whether a token stands where a place is named: first, after 'i', 'status', a measure, another place,
    'hele' ('hele midt') or a level word ('regionen midt'), or before a level word ('the midt region', 'moss kommune')."""
    following = reading.tokens[position + 1].norm if position + 1 < len(reading.tokens) else ""
    if position == 0 or VOCABULARY.get(following, Meaning("", "")).kind == "level":
        return True
    return reading.tokens[position - 1].norm in PLACE_SLOTS or reading.kinds[position - 1] in SLOT_KINDS


def _phrase_at(tokens: list[Token], start: int) -> tuple[int, Meaning | None]:
    """The longest vocabulary phrase starting at a token: its length and meaning."""
    longest = min(MAX_PHRASE, len(tokens) - start, PHRASE_WORDS.get(tokens[start].norm, 0))
    for length in range(longest, 0, -1):
        meaning = VOCABULARY.get(" ".join(t.norm for t in tokens[start : start + length]))
        if meaning is not None:
            return length, meaning
    return 0, None


def _read_word(reading: _Reading, token: Token, index: PlaceIndex) -> None:
    """A token that is no place name or phrase: a word form, a word, a compound, a typo, or not understood."""
    if any(c.isdigit() for c in token.norm):  # a day, a month, a count or '30h': never a place
        reading.kinds.append("number")
        return
    meanings = _word_meanings(token.norm)
    sources = _sources_named(token.norm, index) if meanings is None else set()
    if sources:  # 'ifølge Salomonsen', 'Salomonsens lysark', 'Hitimana': a source, no place
        question = reading.question
        question.sources = tuple(sorted({*question.sources, *sources}))
        reading.kinds.append("source")
        reading.named.add("source")  # a question of its own, never a follow-up narrowing the previous one
        _end_leftover(reading)
        return
    if meanings is None and not _may_be_place(token.norm, index):
        typo = _typo_of_word(token.norm)
        meanings = [typo] if typo else None
    if meanings is None:
        if not reading.leftovers[-1]:
            reading.leftover_starts.append(len(reading.kinds))
        reading.kinds.append("leftover")
        reading.leftovers[-1].append(token.norm)
        return
    for meaning in meanings:
        _apply(reading, meaning, token.norm, token.at)
    reading.words.append(token.raw)
    reading.kinds.append(meanings[-1].kind if meanings else "word")
    _end_leftover(reading)


def _word_meanings(word: str) -> list[Meaning] | None:
    """What a word means ([] for a common word that means nothing here), or None if it is no word."""
    found = inflected(word)
    if found is not None:
        return [found]
    parts = compound(word) if len(word) > LONGEST else []  # 'ekstratilskudd': ours, though a common word too
    return parts or ([] if _is_word(word) else compound(word) or None)


def _title_named(reading: _Reading, index: PlaceIndex, message: str) -> None:
    """A document named by two words of its title in a row, where the message points to a document (quotes,
    'ifølge', 'presentasjonen': 'i presentasjonen «Integrering og livskvalitet»')."""
    norms = [token.norm for token in reading.tokens]
    if SOURCE_CUES.isdisjoint(norms) and QUOTES.isdisjoint(message):
        return
    named = set().union(
        *(index.title_pairs.get(pair, ()) for pair in pairwise(n for n in norms if len(n) > 3))
    )
    if named:
        reading.question.sources = tuple(sorted({*reading.question.sources, *named}))
        reading.named.add("source")


def _sources_named(word: str, index: PlaceIndex) -> set[int]:
    """The sources a word of their titles names ('salomonsen', and its genitive 'salomonsens')."""
    found = index.source_words.get(word) or set()
    return found or (index.source_words.get(word[:-1]) or set() if word.endswith("s") else set())


def _may_be_place(word: str, index: PlaceIndex) -> bool:
    """Whether a word that is no word of ours could be a typo of a place name."""
    return len(word) >= SHORTEST_TYPO and bool(index.fuzzy(word))


def _typo_of_word(token: str) -> Meaning | None:
    """A vocabulary word the token is a typo of (one edit, words of five letters or more)."""
    if len(token) < SHORTEST_TYPO:
        return None
    hit = process.extractOne(token, SINGLE_WORDS, scorer=OSA.distance, score_cutoff=1)
    return VOCABULARY[hit[0]] if hit else None


def _end_leftover(reading: _Reading) -> None:
    """Close the current run of words not understood."""
    if reading.leftovers[-1]:
        reading.leftovers.append([])


def _apply(reading: _Reading, meaning: Meaning, raw: str, at: int) -> None:
    """Record what a recognised phrase says about the question (standing at an offset in the text)."""
    question, (kind, value) = reading.question, meaning
    if kind == "measure" and not _completes_measure(reading, value):
        _measure(reading, value, at)
    elif kind == "group" and _after_cause(reading):  # 'på grunn av ukrainerne': why, not whom
        return
    elif kind == "group" and _names_a_change(reading):  # 'after the Ukraine increase': why; no change asked
        reading.cause_named = True
        return
    elif kind == "group":
        # 'Skaun EM 2016? noen under 15?': those under 15 asked apart from the minors come beside them
        apart = value == Group.EM_UNDER_15 and question.group == Group.EM and reading.kinds[-1:] != ["group"]
        question.group = value if question.group in ("all", "em") and not apart else question.group
        if value == Group.EM_UNDER_15 and reading.kinds[-1:] == ["group"]:  # 'EM under 15': one group
            _, minors_with_total = reading.groups.pop()
            if minors_with_total:  # 'anmodning og EM under 15': the total, the minors and those under 15
                reading.groups.append((Group.EM, True))
        # 'ikke fra Ukraina', 'som ikke kom fra Ukraina', 'andre land enn Ukraina'
        if _group_negated(reading):
            question.without_group = value  # the total less the group
            reading.excluding = False  # places named after it are asked about: 'enn Ukraina … i Norge'
            _set_intent(reading, Intent.CHANGE)
        reading.groups.append((value, question.without_group == value or _with_total(reading)))
        reading.named.add("group")
        if value in INTRO_GROUPS:  # 'spor 2', 'sosialhjelp': the introduction programme's categories
            _set_intent(reading, Intent.INTRO)
    elif kind == "group_less":  # 'EM … 15 år eller eldre': the group it is part of less this one
        question.without_group = value
        _set_intent(reading, Intent.CHANGE)
        reading.named.add("group")
    elif kind == "intent" and reading.cause_named and value == Intent.CHANGE:
        reading.cause_named = False  # the change the group before it names
    elif kind == "intent":
        reading.change_word = reading.change_word or value == Intent.CHANGE
        _set_intent(reading, value)
    elif kind == "outcome":
        _set_intent(reading, Intent.INTRO)
        reading.kind_groups.extend(OUTCOME_KINDS.get(value, ()))  # 'arbeidssøkere': its categories
    elif kind == "outcome_kind":
        reading.kind_groups.extend(OUTCOME_KINDS[value])
    elif kind in ("rank", "compare"):
        question.most = question.most or value == "most"
        question.best = question.best or value == "best"
        question.least = question.least or value == "least"
        question.versus = question.versus or kind == "compare"
        reading.ranked = reading.ranked or kind == "rank"
        _set_intent(reading, Intent.RANKING)
    elif kind == "time":  # 'fra i fjor til årets': each time word a year, where it stands
        question.years = sorted({*question.years, reading.today.year + int(value)})
        question.year_word = raw
        reading.time_marks.append((at, reading.today.year + int(value)))
    elif kind == "shift":
        question.year_shift = int(value)
        question.years = [reading.today.year + int(value)]  # without a previous question: from this year
    elif kind == "level":
        reading.levels.append(value)
    else:
        _qualifier(reading, kind, value, len(raw.split()))
    reading.back = reading.back or kind in ("back", "shift")
    reading.total = reading.total or kind == "total"
    question.together = question.together or kind == "together"
    question.remaining = question.remaining or kind == "remaining"
    reading.topic = reading.topic or kind == "topic"
    if (
        kind == "topic"
    ):  # 'hva med bosettingen?' after asylum seekers: settlement in general, not the measure before
        reading.named.add("measure")
    reading.outcome = reading.outcome or kind == "outcome"
    reading.other = reading.other or kind == "other_outcome"
    reading.strategy = reading.strategy or kind == "strategy"
    reading.duration = reading.duration or kind == "duration"
    reading.to_settle = reading.to_settle or kind == "to_settle"
    reading.to_settle_at = (
        at if kind == "to_settle" and reading.to_settle_at is None else reading.to_settle_at
    )
    reading.extra = reading.extra or kind == "extra"
    question.position = question.position or kind == "position"
    question.leader = question.leader or kind == "leader"
    reading.passing = reading.passing or kind == "passing"
    reading.when = reading.when or kind == "when"
    question.in_percent = question.in_percent or kind == "percent"
    question.times = question.times or kind == "times"
    reading.revisions.update((value,) if kind == "revision" else ())
    reading.originals.extend((at,) if (kind, value) == ("revision", "original") else ())


def _after_cause(reading: _Reading) -> bool:
    """Whether the word being read follows a cause ('på grunn av', 'because of the'), only stop words between."""
    before = [kind for kind in reading.kinds if kind != "stop"]
    return before[-1:] == ["cause"]


def _names_a_change(reading: _Reading) -> bool:
    """Whether the group being read names a change by the word after it ('after the Ukraine increase',
    'Ukraina-økningen'): why a figure changed, not whom it counts."""
    following = len(reading.kinds) + 1
    if following >= len(reading.tokens):
        return False
    return understood(reading.tokens[following].norm) == Meaning("intent", Intent.CHANGE)


def _group_negated(reading: _Reading) -> bool:
    """Whether the group being read follows a negation or exclusion, a few plain words between ('ikke fra', 'som
    ikke kom fra', 'andre land enn', 'not from')."""
    for kind in reversed(reading.kinds[-MOST_BETWEEN:]):
        if kind in ("negation", "exclude"):
            return True
        if kind not in ("stop", "word"):
            return False
    return False


def _completes_measure(reading: _Reading, value: str) -> bool:
    """Whether a measure word only completes the one before: 'bedt om å bosette', 'decided to settle' (a place
    between: 'foreslår Drammen å bosette'), or
    'anmodet' after 'nye kommuner' (a measure whose key ends in the word's own: new_em_municipalities_requested)."""
    if any(earlier.endswith(f"_{value}") for _, earlier in reading.measures):
        return True
    position = len(reading.kinds) - 1
    while position >= 0 and reading.tokens[position].norm in LINKING_WORDS:
        position -= 1
    linked = position < len(reading.kinds) - 1
    gap = 0  # 'foreslår Drammen å bosette', 'foreslo administrasjonen i Drammen å bosette'
    while linked and position >= 0 and reading.kinds[position] in GAP_KINDS and gap < MOST_BETWEEN:
        position, gap = position - 1, gap + 1
    return value == Measure.SETTLED and linked and position >= 0 and reading.kinds[position] == "measure"


def _with_total(reading: _Reading) -> bool:
    """Whether a group is asked beside the total: 'bosatte og EM', 'Melhus inkl. EM', 'Midt-regionen med EM',
    'how many did Stjørdal settle and how many of them were EM' (without a place or measure before it, 'of them'
    narrows the previous answer instead)."""
    position = len(reading.kinds) - 1
    # 'og hvor mange EM', 'and how many minors': question words may stand after the joining word
    joined = False
    while position > 0 and (reading.kinds[position] == "stop" or reading.tokens[position].norm in WITH_WORDS):
        joined = joined or reading.tokens[position].norm in WITH_WORDS
        position -= 1
    by_measure = joined and reading.kinds[position] in ("measure", "place", "number", "level")
    named_before = bool(reading.places) or bool(reading.measures)  # 'busette i 2023, og kor mange av dei'
    # 'plantall 2017 for Skaun, og hvor mange EM?': a question word after the joining word asks anew
    asked_anew = joined and named_before and len(reading.kinds) - position > 2
    after_total = reading.kinds[position : position + 1] == [
        "total"
    ]  # 'plantall 2017 – totalt, EM og under 15'
    return by_measure or asked_anew or after_total or (reading.back and named_before)


def _several(reading: _Reading, year_marks: list[tuple[int, int]]) -> None:
    """Every measure and group named, and a year for each measure where each stands by its own."""
    question = reading.question
    _to_be_settled(reading)
    question.measures = list(dict.fromkeys(value for _, value in reading.measures))
    _compared_against_last(reading)
    _forecast_named(question)
    if reading.bounded is not None:  # 'how much above the decision were the settled': the larger first
        bounded, side = reading.bounded
        other = [m for m in question.measures if m != bounded] or [Measure.SETTLED]  # alone: the settled
        question.measures = [*other, bounded] if side == "above" else [bounded, *other]
        pair = (other[0], bounded) if side == "above" else (bounded, other[0])
        question.measure, question.second_measure = pair
    # 'TOTALT', 'settled plus assigned': the status table's total; 'til sammen 2015–2017' sums the years instead,
    # and 'sum EM 2016 Sør-Trøndelag' the members' figures of a group (the status table has none).
    summed = reading.total or (question.together and len(question.years) < 2 and not reading.groups)
    summed = summed and not reading.kind_groups  # 'sum arbeid da?': the programme's categories summed
    if set(TOTAL_MEASURES[1:]) < set(
        question.measures
    ):  # 'anmodet om, og bosatte og utsøkte': their total too
        question.measures.insert(question.measures.index(Measure.SETTLED), Measure.SETTLED_AND_ASSIGNED)
    elif set(question.measures) == set(TOTAL_MEASURES[1:]):
        summed = True  # 'bosatte og utsøkte', 'busette eller søkte ut': the total with its parts
    _total_compared(question)
    question.together = question.together or (reading.total and len(question.years) > 1)
    if (
        summed
        and set(question.measures) in (set(), set(TOTAL_MEASURES[1:]))
        and question.intent in FRESH_INTENTS
    ):
        question.measure, question.measures = Measure.SETTLED_AND_ASSIGNED, list(TOTAL_MEASURES)
        question.intent = (
            Intent.UNKNOWN
        )  # 'TOTALT i statustabellen', 'the total in the status table': the figure
        reading.named.add("measure")
    if reading.total and question.measures and not reading.groups:
        reading.named.add(
            "group"
        )  # 'and the total settled that year?': everyone, after a question of a group
    total = any(with_total for _, with_total in reading.groups)
    named = list(dict.fromkeys(group for group, _ in reading.groups))
    question.groups = [Group.ALL, *named] if total and named else named
    if total and named:
        question.group = Group.ALL  # the total and its groups
    marks = sorted([*year_marks, *reading.time_marks])
    # 'anm 2015, 2016 og plantall 2017': both years of the request (the intent is decided later)
    listed = question.intent in (Intent.FIGURE, Intent.STATUS, Intent.UNKNOWN)
    leading = _year_leads(reading.measures[0][0], marks) if reading.measures else None
    pairs = [
        (value, year)
        for at, value in reading.measures
        for year in (leading and _year_leads(at, marks)) or _years_of(at, reading.measures, marks, listed)
    ]
    if len(question.measures) > 1 and len({year for _, year in pairs}) > 1:
        question.measure_years = pairs


def _to_be_settled(reading: _Reading) -> None:
    """What is to be settled, the settling after a modal with the place between: alone, as 'skal bosettes' ('hvor
    mange skal Skaun bosette i 2016': the request); in a change against another measure, the request, a measure of
    its own with its own year ('hvor mange flere skulle Møre og Romsdal bosette i 2016 enn de gjorde i 2015')."""
    at, question, measures = reading.to_settle_at, reading.question, reading.measures
    if not measures and _modal_then_have(reading):  # 'hvor mange EM skal Trondheim ha i 2017': to be settled
        reading.to_settle = True
    if [value for _, value in measures] == [Measure.SETTLED] and _after_modal(reading, measures[0][0]):
        reading.measures, reading.to_settle = [], True  # 'hvor mange skal Skaun bosette i 2016': the request
        question.measure = question.second_measure = None
        return
    if question.intent != Intent.CHANGE:
        return
    if at is not None and len(measures) == 1:
        reading.measures = sorted([(at, Measure.REQUESTED), *measures])
    elif len(measures) == 2 and measures[0][1] == Measure.SETTLED and _after_modal(reading, measures[0][0]):
        # 'skal Trondheim busetje i 2016 enn kommunen har vedteke for 2015'
        reading.measures = [(measures[0][0], Measure.REQUESTED), measures[1]]
    else:
        return
    question.measure, question.second_measure = (value for _, value in reading.measures)


def _modal_then_have(reading: _Reading) -> bool:
    """Whether a modal is followed, a place or a few words between, by a verb of receiving ('skal Trondheim ha',
    'is Trondheim supposed to take')."""
    tokens, kinds = reading.tokens, reading.kinds
    for start, token in enumerate(tokens):
        if token.norm not in MODALS:
            continue
        for position in range(start + 1, min(start + MOST_BETWEEN + 3, len(tokens))):
            if tokens[position].norm in TO_HAVE:
                return True
            if kinds[position] not in GAP_KINDS:
                break
    return False


def _after_modal(reading: _Reading, at: int) -> bool:
    """Whether the word at an offset follows a modal ('skulle', 'supposed') with at most a few words between."""
    position = next(i for i, token in enumerate(reading.tokens) if token.at == at) - 1
    gap = 0
    while position >= 0 and reading.kinds[position] in GAP_KINDS and gap <= MOST_BETWEEN:
        if reading.tokens[position].norm in MODALS:
            return True
        position, gap = position - 1, gap + 1
    return False


def _forecast_named(question: Question) -> None:
    """'expected asylum seekers', 'forventet antall asylsøkere': a word of the need beside a count that has a
    forecast of its own is that forecast (seed 002's '20-90k vil søke asyl i Norge i 2016')."""
    for counted, forecast in FORECASTS.items():
        if {Measure.SETTLEMENT_NEED, counted} <= set(question.measures):
            at = question.measures.index(counted)
            question.measures = [m for m in question.measures if m not in (Measure.SETTLEMENT_NEED, counted)]
            question.measures.insert(min(at, len(question.measures)), forecast)
            question.measure = question.measures[0]
            question.second_measure = question.measures[1] if len(question.measures) > 1 else None


def _settlement_forecasts(question: Question) -> None:
    """Settlement to come is forecast two ways in the seeds, as the need (seed 001's '21.000 … skal bosettes i 2017
    (prognose)') and as the settled forecast (seed 002's '16k/2016 17k/2017'): the settled forecast asked, or the
    need asked of a source, is answered with both (each source states its own)."""
    alone = question.measures in ([], [question.measure])
    forecast = question.measure == Measure.SETTLED_FORECAST
    if alone and (forecast or (question.measure == Measure.SETTLEMENT_NEED and question.sources)):
        question.measures = [Measure.SETTLEMENT_NEED, Measure.SETTLED_FORECAST]
        question.measure, question.second_measure = question.measures


def _total_compared(question: Question) -> None:
    """'totalen (bosatte + utsøkte) … hvor mye er det over samlet vedtak': a difference between the status table's
    total and another measure, not between its parts."""
    others = [m for m in question.measures if m not in TOTAL_MEASURES[1:]]
    if question.intent == Intent.CHANGE and Measure.SETTLED_AND_ASSIGNED in others and len(others) > 1:
        question.measure, question.second_measure = others[0], others[1]


def _exceeded(reading: _Reading) -> None:
    """'hvor mye oversteg anmodningen vedtaket', 'how much did the request exceed the decision': a passing verb with
    no number passed, asked how much, is the difference between the figures."""
    if reading.passing and reading.question.above is None and _asks_how_much(reading.tokens):
        _set_intent(reading, Intent.CHANGE)


def _extra(reading: _Reading) -> None:
    """'ekstra', 'extra' with an amount asked ('hvor mye ekstra fikk kommunene', 'how much extra'): the grants;
    else beside the request the additional request ('how many additional refugees was Norway asked to take')."""
    if not reading.extra:
        return
    # 'hvor mye ekstra', 'how much extra', 'ekstra per flyktning': money, not people
    if _asks_how_much(reading.tokens) or _per_head(reading.tokens):
        _set_intent(reading, Intent.GRANT)
        return
    question = reading.question
    reading.measures = [(at, _additional(value)) for at, value in reading.measures]
    question.measure = question.measure and _additional(question.measure)
    question.second_measure = question.second_measure and _additional(question.second_measure)


def _supposed(body: str) -> int | None:
    """The number of people a grant is asked for ('hvis vi bosetter 4 enslige mindreårige', 'for 10 more'): the
    first whole number up to MOST_SUPPOSED, the years taken out before; None if there is none."""
    counts = (int(match.group().replace(" ", "")) for match in WHOLE_NUMBER.finditer(body))
    return next((count for count in counts if 0 < count <= MOST_SUPPOSED), None)


def _per_head(tokens: list[Token]) -> bool:
    """Whether 'ekstra' or 'extra' is followed by 'per' ('ekstra per flyktning bosatt'): an amount for each."""
    return any(
        first.norm in ("ekstra", "extra") and second.norm == "per" for first, second in pairwise(tokens)
    )


def _additional(measure: str) -> str:
    """The additional request for the request; any other measure as it is."""
    return Measure.REQUESTED_REVISED if measure == Measure.REQUESTED else measure


def _first_above(reading: _Reading) -> None:
    """'hvilket år passerte Midt-Norge 1000 bosatte for første gang', 'når kom Norge over 10 000': a place's
    years ranked, the first above the number (a bound of value, with a passing verb, 'når' or 'hvilket år');
    'for første gang' is then no measure."""
    question = reading.question
    asks_year = reading.passing or reading.when or question.by_year
    if question.above is None or question.per is not None or not asks_year:
        return
    question.first_above = question.by_year = True
    _set_intent(reading, Intent.RANKING)
    measures = [m for m in question.measures if m != Measure.NEW_EM_MUNICIPALITIES_REQUESTED]
    question.measures, question.measure_years = measures, []
    question.measure = measures[0] if measures else None
    question.second_measure = measures[1] if len(measures) > 1 else None


def _revision_compared(reading: _Reading) -> None:
    """'opprinnelig og justert anmodning', 'national request for 2016: original vs revised', 'hvor mye ble
    anmodningen justert': the figure's revision during its year (first and latest statement, for a measure not
    revised), a change not a ranking."""
    question = reading.question
    earlier = "earlier" in reading.revisions  # 'kor mange var det før?': the first statement and the latest
    revised = earlier or "revised" in reading.revisions or any(m in ORIGINALS for m in question.measures)
    # 'hvor mye ble den justert': how much, of a revision; never 'opprinnelig anmodning og endelig vedtak'
    how_much = question.intent == Intent.CHANGE or _asks_how_much(reading.tokens)
    how_much = how_much or not UP_OR_DOWN.isdisjoint(t.norm for t in reading.tokens)  # 'ble den justert opp?'
    # 'økte bosettingsbehovet fra opprinnelig anmodning til tilleggsanmodningen': the measure and its revision
    with_revision = [ORIGINALS[m] for m in question.measures if ORIGINALS.get(m) in question.measures]
    one_measure = len({ORIGINALS.get(m, m) for m in with_revision or question.measures}) < 2
    if (
        not (revised and one_measure and ("original" in reading.revisions or how_much or earlier))
        or question.first_above
    ):
        return
    named = question.measure is not None  # else the measure asked before: 'ble den justert opp?'
    measure = ORIGINALS.get(question.measure, question.measure) if question.measure else Measure.REQUESTED
    measure = with_revision[0] if with_revision else measure
    question.measure, question.measures, question.second_measure = measure, [measure], None
    question.intent, question.revision, question.versus = Intent.CHANGE, True, False
    question.most = question.best = question.least = False
    reading.named.update(("intent", "measure") if named else ("intent",))


def _original_years(reading: _Reading, year_marks: list[tuple[int, int]]) -> None:
    """'anmodningen i 2024 enn den opprinnelige i 2023', 'than originally asked for 2023': between years, the year
    after each word of the original (else the last before it) is compared as first stated, not as revised."""
    question = reading.question
    if question.revision or len(question.years) < 2:
        return
    # 'fra 2021 til 2023 (opprinnelig tall)': a range's every year as first stated
    if reading.originals and not year_marks:
        question.original_years.extend(question.years)
    for at in reading.originals:
        after = [year for where, year in year_marks if where > at]
        before = [year for where, year in year_marks if where < at]
        question.original_years.extend(after[:1] or before[-1:])


def _asks_how_much(tokens: list[Token]) -> bool:
    """Whether a message asks how much ('hvor mye', 'kor mykje', 'how much')."""
    return not HOW_MUCH.keys().isdisjoint(_word_pairs([token.norm for token in tokens]))


def _facts(reading: _Reading) -> None:
    """Figures of programmes and plans, not of settlement: a strategy's period and adoption ('når ble strategien
    vedtatt', 'kva periode gjeld den regionale planen'), the competence programme's modules for new municipalities
    and new EM municipalities both, and how long settling or the introduction programme takes ('hvor lang tid tar
    bosettingen', 'hvor lenge varer introprogrammet')."""
    question = reading.question
    if reading.strategy:
        question.measures = list(PLAN_MEASURES)
    elif Measure.COMPETENCE_MODULES in question.measures:
        question.measures, question.groups = [Measure.COMPETENCE_MODULES], [Group.ALL, Group.EM]
    elif reading.duration and not question.measures:  # the programme's years, else settling's months
        question.measures = (
            list(INTRO_YEARS_MEASURES) if question.intent == Intent.INTRO else [Measure.SETTLEMENT_MONTHS]
        )
    else:
        return
    question.measure, question.group, question.second_measure, question.measure_years = (
        question.measures[0],
        Group.ALL,
        None,
        [],
    )
    question.intent = Intent.FIGURE
    reading.named.add("measure")


def _new_municipalities(question: Question) -> None:
    """'nye kommuner … bedt om å bosette EM', 'municipalities asked to settle minors for the first time': the
    count of municipalities asked to settle minors for the first time is the one measure, of no group."""
    if Measure.NEW_EM_MUNICIPALITIES_REQUESTED in question.measures:
        question.measure = question.second_measure = None
        question.measures, question.measure_years = [Measure.NEW_EM_MUNICIPALITIES_REQUESTED], []
        question.measure, question.group, question.groups = question.measures[0], Group.ALL, []


def _compared_against_last(reading: _Reading) -> None:
    """'how many more than they decided did Skaun settle', 'flere enn vedtatt bosatte': of two measures in a
    difference, the one after 'than' is what the other is compared against, so it comes second."""
    question = reading.question
    if question.intent != Intent.CHANGE or len(question.measures) != 2 or reading.bounded is not None:
        return
    before = sum(1 for token in reading.tokens if token.at < reading.measures[0][0])
    # up to three words back: 'than decided', 'than they decided', 'enn det dei vedtok'
    between = range(before - 1, max(before - 4, -1), -1)
    than = next((at for at in between if reading.tokens[at].norm in THAN), None)
    if than is not None and all(reading.kinds[at] in ("stop", "word") for at in range(than + 1, before)):
        question.measures.reverse()
        question.measure, question.second_measure = question.measures


def _year_leads(at: int, year_marks: list[tuple[int, int]]) -> list[int]:
    """The year written right before a measure ('the 2016 request', '2017-plantallet'), if one is: where the first
    measure has one, each measure takes its own so ('the 2016 request and the 2017 planning figure'), and one
    without takes its year as usual ('what it settled in 2015')."""
    return [year for where, year in year_marks if 0 < at - (where + len(str(year))) <= 2][-1:]


def _years_of(
    at: int, measures: list[tuple[int, str]], year_marks: list[tuple[int, int]], every: bool
) -> list[int]:
    """The years that go with a measure: the first after it (before the next measure; all of those if `every`),
    else the last before."""
    following = min((other for other, _ in measures if other > at), default=None)
    after = [year for where, year in year_marks if where > at and (following is None or where < following)]
    before = [year for where, year in year_marks if where < at]
    return (after if every else after[:1]) or before[-1:]


def _measure(reading: _Reading, value: str, at: int) -> None:
    """A measure named: the one asked for, a ratio's or bound's denominator, or a later year's ('til plantall')."""
    question = reading.question
    if reading.pending in BOUNDS and reading.factor == 1 and _asks_how_much(reading.tokens):
        # 'hvor mye er det over samlet vedtak', 'how much above their request': the difference to it
        reading.bounded = (value, reading.pending)
        reading.pending, reading.ranked = None, False
        question.intent, question.above, question.below = Intent.CHANGE, None, None
    if reading.pending in BOUNDS and question.intent == Intent.CHANGE:
        question.intent = (
            Intent.RANKING
        )  # 'whose decision fell furthest short of the request': members kept by it
    if reading.pending is not None:
        question.per = value
        if reading.pending in BOUNDS and getattr(question, reading.pending) is None:
            setattr(question, reading.pending, reading.factor)
        reading.pending = None
    else:
        reading.measures.append((at, value))
        if question.measure is None:
            question.measure = value
        elif value != question.measure and question.second_measure is None:
            question.second_measure = value
    reading.named.add("measure")


def _qualifier(reading: _Reading, kind: str, value: str, length: int) -> None:
    """Words that qualify a ranking or a figure: a ratio, a bound, an exclusion, 'which year', 'inkl.'."""
    if kind == "which_year":
        reading.question.by_year = True
        _set_intent(reading, Intent.RANKING)
    elif kind in BOUNDS or (kind == "whole" and reading.negated):  # members kept by a bound: a ranking
        kind, value = (kind, value) if kind in BOUNDS else ("below", "1")  # 'ikke … hele vedtaket'
        reading.pending, reading.factor, reading.ranked = kind, float(value), True
        _set_intent(reading, Intent.RANKING)
    # 'vedtatt hele anmodningen': at least it; not a share's whole ('utgjør Trondheim av hele anmodningen')
    elif kind == "whole" and not (reading.shares and reading.places) and _measure_follows(reading, length):
        reading.pending, reading.factor, reading.ranked = "above", 1.0, True
        reading.question.at_least = True
        _set_intent(reading, Intent.RANKING)
    elif kind == "equal":  # 'akkurat like mange som de vedtok': at the bound, neither above nor below it
        reading.pending, reading.factor, reading.ranked = "above", float(value), True
        reading.question.at_least = reading.question.exactly = True
        _set_intent(reading, Intent.RANKING)
    elif kind == "negation":
        reading.negated = True
    elif kind == "ratio" and reading.pending is None:  # after 'under halvparten av' the bound waits already
        reading.pending = kind
    elif kind == "exclude":
        reading.excluding = True
    elif kind == "minus":
        # 'Trøndelag, altså Midt-Norge minus Møre og Romsdal': the place just before it, less the next
        del reading.places[:-1]
        _set_intent(reading, Intent.CHANGE)
    elif kind == "including":
        reading.including = True
    elif kind == "subtract":
        reading.subtracting = True


def _measure_follows(reading: _Reading, length: int) -> bool:
    """Whether the word after the phrase being read (of `length` words) names a measure ('hele anmodningen', 'the
    whole request'; not 'hele Trøndelag')."""
    following = len(reading.kinds) + length
    if following >= len(reading.tokens):
        return False
    meaning = understood(reading.tokens[following].norm)
    return meaning is not None and meaning.kind == "measure"


def _set_intent(reading: _Reading, intent: str) -> None:
    """A named intent replaces a weaker one; the introduction programme replaces a ranking ('best intro results')."""
    question = reading.question
    # 'Midt-Norge 2011 vs 2015, how big was the increase?': side by side, the change between them
    changed = intent == Intent.CHANGE and question.versus and not reading.ranked
    if (
        question.intent in FRESH_INTENTS
        or (intent == Intent.INTRO and question.intent == Intent.RANKING)
        or changed
    ):
        question.intent = intent
    reading.named.add("intent")


def _resolve_places(reading: _Reading, index: PlaceIndex) -> None:
    """The places named exactly; otherwise the first typo of a name; otherwise the words not understood."""
    question, year = reading.question, reading.question.year
    spans = [span for span in reading.leftovers if span]
    if question.intent == Intent.RANKING and not question.by_year:  # 'flest etter Trondheim': the others
        reading.places = [name for name in reading.places if name not in reading.after]
        reading.excluded.extend(reading.after)
    if reading.places:
        question.places = index.exact(reading.places[0], year=year)
        question.place_text = reading.typos.get(reading.places[0], reading.places[0])
        if (
            reading.places[0] in reading.typos
        ):  # said so, as any typo: 'Tolket «sor trondelg» som Sør-Trøndelag'
            question.places = [replace(match, how="fuzzy") for match in question.places]
        question.also = _further_places(reading.places[1:], question.places, index, year)
        if reading.later_name:
            question.also = _without_later_name(question, index)
        question.also = _without_where_it_lies(question, reading.bracketed, index, year)
        # 'Trondheim med Klæbu' is Trondheim's parts, 'hvor stor del av Midt står Trondheim for' a member's share
        if not (question.versus or question.together or reading.including or reading.shares):
            question.also = _without_parts(question.also, question.places, index, year)
            _merged_with_parts(question, index, year)
    else:
        for span, start in zip(spans, reading.leftover_starts, strict=True):
            led = _led_typo(reading, span, start, index)
            if led:
                question.places, question.place_text = led
                break
            for text in [" ".join(span), *(word for word in span if len(span) > 1)]:
                matches = index.fuzzy(text, year=year) if len(text) >= SHORTEST_TYPO else []
                if matches:
                    question.places, question.place_text = matches, text
                    break
            if question.places:
                break
    question.excluded = _further_places(reading.excluded, question.places, index, year)
    summing = reading.including or reading.total  # 'Trondheim including Klæbu', 'Melhus og Malvik totalt'
    question.together = question.together or (summing and bool(question.also))
    if question.places:
        reading.named.add("place")
    else:
        question.unknown_text = " ".join(" ".join(span) for span in spans)
        reading.named.update(("place",) if question.unknown_text else ())


def _without_where_it_lies(
    question: Question, bracketed: list[str], index: PlaceIndex, year: int | None
) -> list[PlaceMatch]:
    """The further places, less a county or region in brackets that the one place asked about belongs to:
    'Leksvik (Nord-Trøndelag)' is Leksvik alone."""
    if len(question.places) != 1 or not bracketed:
        return question.also
    first = place_id_of(question.places[0].place)
    around = {
        place_id_of(match.place)
        for name in bracketed
        for match in index.exact(name, year=year)
        if match.place.level != "municipality"  # 'Rissa og Leksvik (nå Indre Fosen)': the merger, kept
        and first in {place_id_of(member) for member in index.members_ever(match.place)}
    }
    return [match for match in question.also if place_id_of(match.place) not in around]


def _without_later_name(question: Question, index: PlaceIndex) -> list[PlaceMatch]:
    """'Orkdal (Orkland now)': the one place named with only its later name in brackets is asked about alone
    (Orkland's other parts are not); 'Rissa og Leksvik (nå Indre Fosen)' names all of Indre Fosen, kept."""
    later = {
        place_id_of(successor) for match in question.places for successor in index.successors(match.place)
    }
    only_later = all(place_id_of(match.place) in later for match in question.also)
    return [] if only_later else question.also


def _difference_to_bound(reading: _Reading) -> None:
    """'Skaun har bosatt flere enn de vedtok – hvor mange over?', 'kor mange fleire', 'how many more': one place past
    a bound of another measure, asked how far, is the difference of the two (the larger first), not a ranking."""
    question = reading.question
    factor = question.above if question.below is None else question.below
    one_place = len(question.places) == 1 and not question.also and not reading.levels
    if question.intent != Intent.RANKING or question.per is None or factor != 1 or not one_place:
        return
    if "rank" in reading.kinds or question.by_year or not _asks_how_many_more(reading.tokens):
        return
    measure, bound = question.measure or Measure.SETTLED, question.per
    pair = [measure, bound] if question.below is None else [bound, measure]
    _as_difference(question, *pair)
    question.measures, question.measure_years = pair, []


def capacity_in_persons(question: Question) -> None:
    """'hvor mye ligger anmodningen over boligkapasiteten': people set against housing are set against the
    people it houses (Drammen's 250), not its dwellings (100)."""
    measures = question.measures
    if question.intent != Intent.CHANGE or len(measures) != 2 or Measure.CAPACITY in measures:
        return
    if Measure.CAPACITY_DWELLINGS in measures:
        question.measures = [_in_persons(m) for m in measures]
        question.measure, question.second_measure = question.measures
        question.measure_years = [(_in_persons(m), year) for m, year in question.measure_years]


def _in_persons(measure: str) -> str:
    """A measure counted in people: the capacity in people for the capacity in dwellings."""
    return Measure.CAPACITY if measure == Measure.CAPACITY_DWELLINGS else measure


def _as_difference(question: Question, first: str, second: str | None) -> None:
    """The question made the difference of two figures (the first less the second, or one measure's between
    years or places): no ranking, ratio, bound or remainder left."""
    question.measure, question.second_measure = first, second
    question.intent, question.versus, question.remaining = Intent.CHANGE, False, False
    question.per = question.above = question.below = None
    question.at_least = question.exactly = False


def _asks_how_many_more(tokens: list[Token]) -> bool:
    """Whether a message asks how many more or fewer ('hvor mange over', 'kor mange fleire', 'how many more')."""
    norms = [token.norm for token in tokens]
    spans = (" ".join(norms[at : at + length]) for length in (3, 2) for at in range(len(norms)))
    return _asks_how_much(tokens) or any(span in HOW_MANY_MORE for span in spans)


def _as_today(question: Question, index: PlaceIndex, message: str) -> None:
    """'i det som i dag er Trondheim kommune', 'present-day Trondheim': a municipality asked for a year before
    others merged into it is summed with them (Trondheim with Klæbu, merged in 2020)."""
    if len(question.places) != 1 or question.also or not AS_TODAY.search(message):
        return
    place, year = question.places[0].place, question.year
    if place.level != "municipality" or (
        place.valid_from is not None and (year or 0) < place.valid_from.year
    ):
        return  # Indre Fosen in 2016 is the sum of its predecessors already
    merged = [p for p in index.former(place) if p.valid_to is not None and (year or 0) < p.valid_to.year]
    question.also = [PlaceMatch(p, p.name, "exact") for p in merged]
    question.together = bool(merged)


def _without_parts(
    also: list[PlaceMatch], first: list[PlaceMatch], index: PlaceIndex, year: int | None
) -> list[PlaceMatch]:
    """The further places, less those the first is made of in the year: 'dagens Indre Fosen (Rissa og Leksvik)'
    per 10.12.15 is Indre Fosen, that year its parts' sum ('Trondheim og Klæbu' in 2015 are two places)."""
    if len(first) != 1 or not also or year is None:
        return also
    parts = index.member_ids_in_year(first[0].place, year)
    return [match for match in also if place_id_of(match.place) not in parts]


def _merged_with_parts(question: Question, index: PlaceIndex, year: int | None) -> None:
    """'Rissa og Leksvik (nå Indre Fosen)': a municipality named beside those it was made of, for a year before
    the merger, is asked about alone (its figure is their sum)."""
    named = [*question.places, *question.also]
    if len(question.places) != 1 or not question.also or year is None:
        return
    for match in named:
        parts = index.member_ids_in_year(match.place, year)
        if match.place.level == "municipality" and all(
            place_id_of(other.place) in parts for other in named if other is not match
        ):
            question.places, question.also, question.place_text = [match], [], match.label
            return


def _led_typo(
    reading: _Reading, span: list[str], start: int, index: PlaceIndex
) -> tuple[list[PlaceMatch], str] | None:
    """A typo of a name of several words whose first words were read as words ('Midtre Gaudal', 'Møre og
    Romsdl'): the words before the run, with it, near a name that begins with exactly those words."""
    for lead in range(min(MAX_PHRASE - 1, start), 0, -1):
        before = " ".join(t.norm for t in reading.tokens[start - lead : start])
        text = f"{before} {' '.join(span)}"
        matches = [
            match
            for match in index.fuzzy(text, year=reading.question.year)
            if normalise(match.label).startswith(f"{before} ")
        ]
        if matches:
            return matches, text
    return None


def _further_places(
    names: list[str], first: list[PlaceMatch], index: PlaceIndex, year: int | None
) -> list[PlaceMatch]:
    """Places named after the first one ("Melhus og Malvik"), each one place without doubt, at most MOST_PLACES."""
    found: list[PlaceMatch] = []
    seen = {place_id_of(match.place) for match in first}
    for name in names:
        if len(found) >= MOST_PLACES:
            break
        matches = index.exact(name, year=year)
        if len(matches) == 1 and place_id_of(matches[0].place) not in seen:
            seen.add(place_id_of(matches[0].place))
            found.append(matches[0])
    return found


def _bound_without_measure(reading: _Reading) -> None:
    """'more than half' with no measure after it: a share of the decision."""
    question = reading.question
    if reading.pending in BOUNDS and getattr(question, reading.pending) is None:
        setattr(question, reading.pending, reading.factor)
        question.per = Measure.DECIDED


def _future_change(reading: _Reading) -> bool:
    """Whether a change is asked, no measure named, into a year still to come: nothing of it is settled yet
    ('året etter' is the year after the previous question's, not after today's)."""
    question = reading.question
    years = question.years
    return (
        question.intent == Intent.CHANGE
        and question.measure is None
        and not question.year_shift
        and bool(years)
        and years[-1] > reading.today.year
    )


def _settle_need(reading: _Reading) -> None:
    """'skal bosettes': a municipality's request (also when municipalities are ranked), else the need."""
    question = reading.question
    if _future_change(reading):  # 'hvor mye øker Stjørdal fra 2016 til 2017' asked in 2015: what is planned
        reading.to_settle = True
    if reading.to_settle and question.measure is None:
        municipal = question.intent in (
            Intent.RANKING,
            Intent.CHANGE,
        ) or (  # 'økte antallet som skal bosettes'
            bool(question.places) and question.places[0].place.level == "municipality"
        )
        question.measure = Measure.REQUESTED if municipal else Measure.SETTLEMENT_NEED
        reading.named.add("measure")


def _outcomes(reading: _Reading) -> None:
    """'etter endt program', 'job seekers', an outcome named ('sosialhjelp', 'Annet' after the programme) with no
    measure named and no ranking: the programme's outcomes (the only place that states them answers where none
    is named)."""
    question = reading.question
    if reading.other and reading.outcome and not _outcomes_named(question):  # 'How many went on to Other?'
        question.group, question.groups = Group.OTHER, [*question.groups, Group.OTHER]
        reading.named.add("group")
    if (reading.outcome or _outcomes_named(question)) and not reading.ranked and question.measure is None:
        question.measure, question.measures = Measure.INTRO_OUTCOME, [Measure.INTRO_OUTCOME]
        reading.named.add("measure")
    if not reading.kind_groups or question.group != Group.ALL or reading.ranked:
        return
    # 'gikk ut i arbeid' about the programme; 'og i utdanning?', 'hvor mange i arbeid?' alone: the same
    alone = question.intent == Intent.UNKNOWN and question.measure is None and not reading.places
    if question.intent == Intent.INTRO or alone:
        question.intent, question.groups = Intent.INTRO, list(dict.fromkeys(reading.kind_groups))
        question.group = question.groups[0]
        outcomes = not set(question.groups) <= set(INTRO_TRACKS)
        question.measure = Measure.INTRO_OUTCOME if outcomes else None
        question.measures = [question.measure] if question.measure else []
        reading.named.update(("group", "measure", "intent"))


def _outcomes_named(question: Question) -> bool:
    """Whether a category of the programme's outcomes is named ('sosialhjelp'; not a track, 'spor 2')."""
    return any(group in INTRO_OUTCOMES for group in question.groups)


def _decide_intent(reading: _Reading) -> None:
    """Choose the kind of answer from the command and what was recognised."""
    question = reading.question
    by_command = {"status": "status", "em": "status", "history": "series", "historikk": "series"}
    if question.command in by_command:
        question.intent = by_command[question.command]
        if question.command == "em":
            question.group = "em" if question.group == "all" else question.group
        return
    if question.intent in ("help", "start") and (question.places or question.measure or reading.topic):
        question.intent = "unknown"
    if question.intent == "unknown" and (
        question.places or question.measure or question.years or reading.topic
    ):
        question.intent = "figure" if question.measure else "status"
    if reading.ranked and reading.levels and question.intent in (Intent.RANKING, Intent.INTRO):
        question.rank_level = reading.levels[0]
    if (
        question.below is not None
    ):  # 'furthest short of', 'lengst under': the furthest below first, not the best
        question.best = False


def _capacity_covers(reading: _Reading) -> None:
    """'holder boligene til å dekke anmodningen?', 'hvor mye mangler Drammen i boligkapasitet for hele anmodningen':
    capacity set against another figure, both and the difference, not what remains of the decision."""
    question = reading.question
    named = list(dict.fromkeys([*question.measures, *([question.per] if question.per else [])]))
    capacity = {Measure.CAPACITY, Measure.CAPACITY_DWELLINGS} & set(named)
    if capacity and len(named) > 2:  # 'kapasitet for å kunne bosette hele anmodningen': settling is its use
        named = [measure for measure in named if measure != Measure.SETTLED]
    covers = any(token.norm in COVER_WORDS for token in reading.tokens)
    if len(named) != 2 or not capacity or not covers or question.intent in (Intent.SERIES, Intent.GRANT):
        return
    _as_difference(question, *named)


def _remaining(question: Question) -> None:
    """What remains of the decision is read off the status card, or ranks members by the share settled (the most
    remaining first): the settled and decided named with it ('å bosette', 'for å nå vedtaket') are its parts."""
    if not question.remaining or question.intent not in (
        *FRESH_INTENTS,
        Intent.FIGURE,
        Intent.RANKING,
        Intent.CHANGE,
    ):
        return
    question.measure, question.measures, question.second_measure, question.measure_years = None, [], None, []
    question.most = question.best = question.least = False
    question.intent = Intent.RANKING if question.intent == Intent.RANKING else Intent.STATUS


def _which_members(reading: _Reading) -> None:
    """'hvilke kommuner i Sør-Trøndelag har EM under 15 i anmodningen for 2016?': a figure of a county, region or
    the nation asked for by its members, with no ranking word, lists them by it, largest first."""
    question = reading.question
    asks_figure = question.intent in (Intent.FIGURE, Intent.STATUS) and question.per is None
    if not asks_figure or not (question.measure or question.group != Group.ALL):
        return
    if not question.places or question.places[0].place.level == "municipality":
        return
    if WHICH_MEMBERS.search(" ".join(token.norm for token in reading.tokens)):
        question.intent, question.most = Intent.RANKING, True
        reading.named.add("intent")


def _less_a_member(reading: _Reading) -> None:
    """'Trondheimsregionen uten Trondheim: hvor mange bosatte', 'om vi trekker M&R fra Midt-Norge': a figure of a
    place less one of its members left out, the first less the other (643 − 398), not the place's whole figure."""
    question = reading.question
    if (
        reading.subtracting and len(question.also) == 1 and not question.excluded
    ):  # 'trekker M&R fra Midt-Norge'
        question.places, question.also, question.excluded = question.also, [], question.places
    if question.intent not in (Intent.FIGURE, Intent.STATUS) or len(question.excluded) != 1 or question.also:
        return
    if len(question.places) == 1 and question.measure is not None and len(question.measures) <= 1:
        question.also, question.excluded = question.excluded, []
        _as_difference(question, question.measure, question.measure)


def _assigned_included(reading: _Reading) -> None:
    """'hvor mye ligger Trondheim over vedtaket når vi tar med de utsøkte', 'med utsøkte': the assigned taken with
    the settled, their total set against the other figure (556 − 450), not the assigned alone."""
    question = reading.question
    if (
        question.intent != Intent.CHANGE
        or question.measure != Measure.ASSIGNED
        or question.second_measure is None
    ):
        return
    at = next((offset for offset, value in reading.measures if value == Measure.ASSIGNED), 0)
    before, after = _norms_before(reading, at, MOST_BETWEEN), _norms_after(reading, at, COUNTED_LENGTH)
    if question.together or not WITH_WORDS.keys().isdisjoint(before) or _counted_in(after):
        question.measure = Measure.SETTLED_AND_ASSIGNED
        question.measures = [Measure.SETTLED_AND_ASSIGNED, *question.measures[1:]]


def _norms_after(reading: _Reading, at: int, count: int) -> list[str]:
    """The first `count` words (normalised) after the word at an offset of the message."""
    return [token.norm for token in reading.tokens if token.at > at][:count]


def _counted_in(norms: list[str]) -> bool:
    """Whether words say that what stands before them is counted in: 'når de utsøkte regnes med'."""
    return not COUNTED_IN.isdisjoint([*norms, *_word_pairs(norms)])


def _norms_before(reading: _Reading, at: int, count: int) -> list[str]:
    """The last `count` words (normalised) before an offset of the message."""
    return [token.norm for token in reading.tokens if token.at < at][-count:]


def _count_added(reading: _Reading) -> None:
    """'og hvor mange blir det totalt med de bosatte?', 'og med de utsøkte?': the settled or the assigned, the one
    count named, with a word that adds it (a follow-up adds it to the other count, asked before)."""
    question = reading.question
    if question.measures not in ([Measure.SETTLED], [Measure.ASSIGNED]) or len(reading.measures) != 1:
        return
    question.added = not ADDING_WORDS.isdisjoint(_norms_before(reading, reading.measures[0][0], MOST_BETWEEN))


def _share_of_first(reading: _Reading) -> None:
    """'how much of the combined 2015 decision has been settled?', 'hvor mye av vedtaket har Melhus bosatt?': the
    measure named second as a share of the one named right after 'how much of'; 'hvor mye er det av
    anmodningen?', one measure right after 'av': the previous figure's share of it."""
    question = reading.question
    if question.intent not in (Intent.FIGURE, Intent.STATUS) or question.per or not reading.measures:
        return
    norms = [token.norm for token in reading.tokens]
    asked = next((at for at in range(len(norms) - 2) if f"{norms[at]} {norms[at + 1]}" in HOW_MUCH), None)
    if asked is None:
        return
    (first_at, first), *rest = reading.measures
    if not rest and "place" not in reading.named and _of_before(reading, first_at):
        question.per, question.measure, question.measures = first, None, []
    elif len(rest) == 1 and norms[asked + 2] in OF_WORDS and reading.tokens[asked + 2].at < first_at:
        second = rest[0][1]
        if first != second:
            question.measure, question.measures, question.per, question.second_measure = (
                second,
                [second],
                first,
                None,
            )


def _share_of_second(reading: _Reading) -> None:
    """'malvik % bosatt av vedtak 2015', 'andel bosatt av vedtaket', 'share settled of decision': with a share word
    or '%', the measure named first as a share of the one right after 'av' or 'of'."""
    question = reading.question
    shared = reading.shares or question.in_percent
    if not shared or question.per or question.intent not in (Intent.FIGURE, Intent.STATUS):
        return
    if len(reading.measures) == 2 and _of_before(reading, reading.measures[1][0]):
        (_, first), (_, second) = reading.measures
        if first != second:
            question.measure, question.measures, question.per, question.second_measure = (
                first,
                [first],
                second,
                None,
            )


def _of_before(reading: _Reading, at: int) -> bool:
    """Whether 'av' or 'of' stands right before the word at an offset, an article between at most ('of the')."""
    before = _norms_before(reading, at, 2)
    if before and before[-1] in ARTICLES:  # 'of the request', 'av den justerte'
        before.pop()
    return bool(before) and before[-1] in OF_WORDS


def _ranked_by_difference(reading: _Reading) -> None:
    """'hvilken kommune har størst avstand mellom anmodning og vedtak', 'the biggest gap between request and
    decision': members ranked by the difference of the two measures named, not by each."""
    question = reading.question
    two = question.second_measure is not None and question.measure != question.second_measure
    # 'Trondheimsregionen: anmodning 2015 mot vedtak': a larger place's members, each figure against the other
    larger = bool(question.places) and question.places[0].place.level != "municipality" and not reading.total
    versus = question.versus and larger and len(question.years) < 2 and not (question.most or question.least)
    if (reading.change_word or versus) and question.intent == Intent.RANKING and two and question.per is None:
        question.by_difference = True


def _two_figures_apart(reading: _Reading) -> None:
    """One place's two figures set side by side ('how does Midt-Norge's 2016 need compare with what it settled in
    2015'), two places' one figure ('sammenlign Melhus og Malvik på bosatte') or one figure against the whole of
    another ('bosatte Trondheim flere enn vedtaket i 2015?', 'more or fewer than it was asked to'): both figures
    and the difference, not a ranking of one."""
    question = reading.question
    if question.measure is None and reading.topic and question.versus and len(question.years) == 2:
        question.measure, question.measures = Measure.SETTLED, [Measure.SETTLED]  # 'settlement 2014 vs 2015'
    if question.intent != Intent.RANKING or len(question.also) > 1 or question.measure is None:
        return
    ranked = question.most or question.least or question.best or question.by_year or question.first_above
    ends = None if ranked or len(question.groups) > 1 else _apart_measures(question, reading.total)
    if ends is None:
        return
    question.measures = _total_for_parts(question)
    _as_difference(question, *ends)


def _against_a_quoted_figure(reading: _Reading) -> None:
    """'Trondheim ble bedt om 650 i 2016 – hvor mange ble faktisk bosatt?': a figure quoted after the first of two
    measures, the second is asked against it: the second less the first (740 − 650 = 90)."""
    question = reading.question
    if len(reading.measures) != 2 or len(question.places) != 1 or question.also:
        return
    (first_at, first), (second_at, second) = reading.measures
    after = [token for token in reading.tokens if first_at < token.at < second_at]
    while after and after[0].norm in QUOTING_WORDS:
        after.pop(0)
    if first != second and after and after[0].raw.isdigit():  # years are blanked out of the text by now
        _as_difference(question, second, first)
        question.measures = [second, first]


def _apart_measures(question: Question, own_total: bool) -> tuple[str, str | None] | None:
    """The measures of the two figures set apart (the second None where both are one measure's), or None where
    the figures asked are not two; a larger place's own figures are two where its total is named ('Trondheim
    region: total request vs total decisions'), else its members are set side by side."""
    if question.also:
        two_places = question.versus and question.per is None and len(question.measures) == 1
        return (question.measure or Measure.SETTLED, question.measure) if two_places else None
    municipal = own_total or (bool(question.places) and question.places[0].place.level == "municipality")
    whole_bound = (
        question.per is not None and 1.0 in (question.above, question.below) and not question.at_least
    )
    total = set(question.measures) == set(TOTAL_MEASURES[1:])  # 'både busette og utsøkte': their total
    if whole_bound and (municipal or question.together) and (len(question.measures) == 1 or total):
        return Measure.SETTLED_AND_ASSIGNED if total else question.measure or Measure.SETTLED, question.per
    measures = _total_for_parts(question)
    if question.versus and question.per is None and _two_ends(question, measures, municipal):
        return measures[0], measures[1] if len(measures) == 2 else question.second_measure
    return None


def _total_for_parts(question: Question) -> list[str]:
    """The measures named, the status table's total standing for its parts where it is among them ('settled plus
    assigned … vs its decision')."""
    if Measure.SETTLED_AND_ASSIGNED not in question.measures:
        return question.measures
    return [m for m in question.measures if m not in TOTAL_MEASURES[1:]]


def _two_ends(question: Question, measures: list[str], municipal: bool) -> bool:
    """Whether a place's figures side by side are two: a measure in two years, each of two measures in its year,
    or a municipality's two measures in one year."""
    if len(question.measure_years) == 2:
        return True
    if len(measures) == 1:
        return len(question.years) == 2
    return municipal and len(measures) == 2 and len(question.years) <= 1


def _part_share(reading: _Reading, index: PlaceIndex) -> None:
    """'hvor stor del av Midt-regionens anmodning står Trondheim for', 'what share of Norway's settled were in
    Midt-Norge': of two places, one within the other, with a share word, the part's share of the whole's figure."""
    question = reading.question
    if (
        len(question.places) != 1
        or len(question.also) != 1
        or question.intent not in (*FRESH_INTENTS, Intent.FIGURE)
    ):
        return
    if not reading.shares or len(question.measures) > 1:
        return
    first, further = question.places[0], question.also[0]
    year = question.year or reading.today.year
    if _lies_in(first.place, further.place, index, year):
        part, whole = first, further
    elif _lies_in(further.place, first.place, index, year):
        part, whole = further, first
    else:
        return
    question.places, question.also, question.part_share = [part], [whole], True
    question.measure, question.per = question.per or question.measure or Measure.SETTLED, None
    question.intent = Intent.FIGURE
    reading.named.update(("measure", "intent"))


def _lies_in(part: Place, whole: Place, index: PlaceIndex, year: int) -> bool:
    """Whether a place lies within another in a year: a municipality among its members, a county among its
    counties, a group of municipalities all among them (Trondheimsregionen in Midt-Norge), anything but the
    nation in the nation, and anything but a place abroad in one (Norway in Europe)."""
    if whole.level in ("nation", "international"):
        return part.level not in (whole.level, "international")
    if part.level == "municipality":
        return place_id_of(part) in index.member_ids_in_year(whole, year)
    if part.level == "group":
        members = index.member_ids_in_year(part, year)
        return bool(members) and members <= index.member_ids_in_year(whole, year)
    return part in index.counties_within(whole, year)


def _intro_results_apart(reading: _Reading) -> None:
    """'hvor mange prosentpoeng bedre var Nord-Trøndelag enn Sør-Trøndelag på introresultater i 2014?',
    'forskjellen mellom … på introresultater': two places' results of the programme, the first less the second."""
    question = reading.question
    if len(question.also) != 1 or question.measure is not None or question.group != Group.ALL:
        return
    intro = any(VOCABULARY.get(token.norm) == ("intent", Intent.INTRO) for token in reading.tokens)
    apart = question.intent == Intent.CHANGE or any(token.norm in APART_WORDS for token in reading.tokens)
    if intro and apart:
        question.intent, question.measure = Intent.CHANGE, Measure.INTRO_RESULT_PCT
        reading.named.update(("intent", "measure"))


def _group_share(reading: _Reading) -> None:
    """'høyest andel EM i plantallet', 'the largest share of minors in its request': members ranked by the group's
    share of the measure's total, not by the group's figure; 'hvor stor andel av anmodningen er EM', 'what share
    of the request is minors', 'EM-andel i Trondheims anmodning' (no measure of its own beside the one shared):
    one place's."""
    question = reading.question
    if question.group == Group.ALL or question.by_year:
        return
    if question.intent != Intent.RANKING:
        # 'what share of Trondheim's settlements were minors': settlement in general shared is the settled
        if reading.topic and question.per is None and reading.shares:
            question.per = Measure.SETTLED
        # 'EM-andel i Trondheims anmodning': the measure named is the one shared
        # 'EM-andel i Trondheims anmodning' and a follow-up's (no place, its intent still unknown)
        one_place = question.intent in (Intent.FIGURE, Intent.STATUS, Intent.UNKNOWN)
        unmeasured = question.measure is None and question.per is None and "group" in reading.named
        if one_place and unmeasured:
            _group_share_unmeasured(reading)
            return
        if one_place and reading.shares and question.per is None and question.measure is not None:
            question.per, question.measure = question.measure, None
        own = question.per is not None and question.measure is None
        if own and one_place:
            question.measure, question.group_share = question.per, True
            # 'andel av EM-anmodningen under 15 år': the under-15s' share of the minors
            question.group = next(
                (g for g in question.groups if WHOLE_OF.get(g) in question.groups), question.group
            )
        return
    if reading.shares:
        measure = question.measure or question.per or Measure.SETTLED
        question.measure, question.per, question.group_share = measure, measure, True


def _group_share_unmeasured(reading: _Reading) -> None:
    """'hvor stor andel var EM i Trondheim i 2016?', 'hvor mange prosent var ukrainere?': a group's share of those
    settled, no measure named (a follow-up's share is of the measure asked before)."""
    question = reading.question
    if reading.shares or question.in_percent:
        question.measure, question.per, question.group_share = Measure.SETTLED, Measure.SETTLED, True


def _position(reading: _Reading) -> None:
    """'where did Sør-Trøndelag rank?', 'hvilken plass fikk Melhus?': with a place and no year or measure, the
    place's position in the previous ranking (its 'rank' asks for no ranking of its own); else no position."""
    question = reading.question
    question.position = question.position and reading.named <= {"place", "intent"} and bool(question.places)
    if question.position:
        reading.named.discard("intent")


def _measure_after_than(reading: _Reading) -> bool:
    """Whether a change names one measure, after 'enn', 'than', 'short of' or 'unna', and no place ('hvor mye mer er
    det enn de bosatte i fjor?'): the previous question's figure is set against it."""
    question = reading.question
    measures = {value for _, value in reading.measures}
    if question.intent != Intent.CHANGE or len(measures) != 1 or "place" in reading.named:
        return False
    before = _norms_before(reading, reading.measures[0][0], MOST_BETWEEN + 1)  # 'enn det som vart busett'
    return not (THAN | AWAY_FROM).isdisjoint(before)  # 'how far short of the request is that?'


def _is_follow_up(reading: _Reading) -> bool:
    """Whether a message builds on the previous question: 'og Malvik?', 'i fjor da?', 'what about EM?', '2016?'."""
    if reading.question.command:
        return False
    norms = [t.norm for t in reading.tokens]
    opens = any(" ".join(norms[:length]) in FOLLOW_UPS for length in (1, 2, 3))
    ends = bool(norms) and norms[-1] in TRAILING_FOLLOW_UPS
    into_place = reading.back and reading.named == {"place"}  # 'hvor mange av dem er i Trondheim?'
    # 'hvor stor er økningen?', 'er de i mål?'
    change_only = reading.named == {"intent"} and reading.question.intent in (Intent.CHANGE, Intent.STATUS)
    return (
        opens
        or ends
        or reading.named == {"years"}
        or ((reading.back or _own(reading.tokens)) and "place" not in reading.named)
        or reading.question.position
        or (reading.question.leader and reading.question.intent != Intent.RANKING)
        or (reading.question.in_percent and not reading.named)  # 'what percentage is that?'
        or into_place
        or change_only
        or (reading.question.by_year and reading.named == {"intent"})  # 'kva år var talet lågast?'
        or reading.question.against
        or reading.question.share_of_place
        or reading.question.measure_against
        or _narrows(reading)
    )


def _own(tokens: list[Token]) -> bool:
    """Whether the message speaks of the user's own place ('vårt vedtak', 'our request')."""
    return any(token.raw.lower() in OWN_WORDS for token in tokens)


def _narrows(reading: _Reading) -> bool:
    """Whether a message names only a measure, a group asked about ('hvor mange var EM?', not 'ukrainere' alone)
    or an introduction-programme category, and no place, year or topic ('how many finished with full-time
    work?'): it narrows the previous question."""
    question = reading.question
    own = reading.named <= {"measure", "group", "intent"} and not reading.topic
    # 'hvor mange', 'how many' around the group, or the group alone asked ('em?')
    asked = "group" in reading.named and ("stop" in reading.kinds or question.text.rstrip().endswith("?"))
    narrowing = "measure" in reading.named or question.intent == Intent.INTRO or asked
    return (
        own and narrowing and question.intent in (Intent.UNKNOWN, Intent.FIGURE, Intent.STATUS, Intent.INTRO)
    )


def default_to_nation(question: Question, index: PlaceIndex, *, topic: bool = False) -> None:
    """A question about figures that names no place at all is about the whole country."""
    asks_figures = (
        topic
        or question.measure
        or question.group != "all"
        or question.intent in ("ranking", "series", "intro", "change", "grant")
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
