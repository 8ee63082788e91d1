"""The bot's vocabulary: the phrases of bokmål, nynorsk and English it understands, and what each means.

Each meaning is listed with its phrasings per language: `no` for both bokmål and nynorsk, then `nb`,
`nn` and `en`. Phrases are written as users type them; they are looked up normalised ('på' is 'pa').
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from store.names import normalise


class Meaning(NamedTuple):
    """What a phrase says about a question: a kind ('measure', 'group', 'intent', …) and a value."""

    kind: str
    value: str


VOCABULARY: dict[str, Meaning] = {}
PHRASE_LANGUAGES: dict[str, set[str]] = defaultdict(set)  # the languages a phrase belongs to
FOLLOW_UPS: dict[str, set[str]] = defaultdict(set)  # phrases that open a follow-up, by language
TRAILING_FOLLOW_UPS: dict[str, set[str]] = defaultdict(set)  # 'i fjor da?': a follow-up by its last word


def _phrases(table: dict[str, set[str]], meaning: Meaning | None, **by_language: str) -> None:
    """Record phrases ('|'-separated, per language; `no` is bokmål and nynorsk) in a table."""
    for language, phrases in by_language.items():
        for phrase in phrases.split("|"):
            key = normalise(phrase)
            table[key].update(("nb", "nn") if language == "no" else (language,))
            if meaning is not None:
                VOCABULARY[key] = meaning


def _words(kind: str, value: str, **by_language: str) -> None:
    """Phrases that mean (kind, value)."""
    _phrases(PHRASE_LANGUAGES, Meaning(kind, value), **by_language)


# Measures: what a figure counts.
_words(
    "measure",
    "requested",
    nb="anmodning|anmodninger|anmodningen|anmodningene|anmodet|anmodede|anmodet om|anmode|anmoder|bedt om|be om|ba om",
    nn="oppmoding|oppmodinga|oppmodingar|oppmodingane|oppmoda|oppmoda om|anmoda|bede om|bad om",
    en="request|requests|requested|asked for|asked to settle|asked to take|asked to receive|ask|asked|asks",
)
_words(
    "measure",
    "requested_revised",
    nb="tilleggsanmodning|justert anmodning|revidert anmodning",
    nn="tilleggsoppmoding|justert oppmoding",
    en="revised request|additional request",
)
_words(
    "measure",
    "decided",
    no="vedtak|vedtaket|vedtaksplasser|vedta|vedtok",
    nb="vedtatt|vedtatte|vedtakene|vedtar",
    nn="vedteke|vedtekne|vedtaka|vedtek",
    en="decision|decisions|decided|decide|decides|pledged|agreed|agree|council decision",
)
_words(
    "measure",
    "settled",
    nb="bosatt|bosatte|bosette|bosatt seg|bosetter",
    nn="busett|busette|busettast|busetjast|buset",
    en="settled|settle|resettled|settles",
)
_words(
    "measure",
    "assigned",
    no="utsøkt|utsøkte|søkt ut|avtalt|avtalte|på veg|på vei",
    nb="ikke ankommet|ikke kommet ennå|ikke bosatt ennå|venter på å flytte inn|ikke flyttet inn",
    nn="ikkje komne|ikkje kome enno|ikkje busett enno|ventar på å flytte inn|ikkje flytta inn",
    en="assigned|matched|on the way|on their way|assigned but not yet moved in|assigned but not yet settled|"
    "not yet moved in|not yet arrived|not yet settled|waiting to move in",
)
_words(
    "measure",
    "planned",
    no="plan",
    nb="plantall",
    nn="plantal",
    en="planned|planning figure|planning figures|plan",
)
_words(
    "measure",
    "settlement_need",
    no="behov|prognose",
    nb="bosettingsbehov",
    nn="busetjingsbehov|busettingsbehov",
    en="settlement need|need|forecast|settlement needs",
)
# 'skal bosettes i 2017': the need where no municipality is named, the request where one is.
_words(
    "to_settle",
    "",
    nb="skal bosettes|skal bli bosatt|må bosettes|bør bosettes|skal bosette|skal ta imot",
    nn="skal busetjast|skal busettast|skal bli busett|må busetjast|skal busetje|skal ta imot",
    en="to be settled|will be settled|are to be settled|must be settled|need to be settled|should be settled|"
    "will settle|are to settle|is to settle",
)
_words("measure", "capacity", no="kapasitet", en="capacity")
_words(
    "measure",
    "capacity_dwellings",
    nb="boliger|boligene|bolig",
    nn="bustader|bustadene|bustad",
    en="dwellings|housing|homes|houses",
)
_words(
    "measure", "proposed", nb="foreslått|forslag|foreslåtte", nn="føreslått|framlegg", en="proposed|proposal"
)
_words(
    "measure",
    "asylum_seekers",
    nb="asylsøkere|asylsøknader",
    nn="asylsøkjarar|asylsøkarar",
    en="asylum seekers|asylum",
)
_words(
    "measure", "displaced", no="på flukt", nb="flyktninger i verden", nn="flyktningar i verda", en="displaced"
)
_words(
    "measure",
    "internally_displaced",
    nb="internt fordrevne",
    nn="internt fordrivne",
    en="internally displaced",
)
_words("measure", "settled_forecast", nb="prognose bosatte", nn="prognose busette", en="settlement forecast")
# The topic: a question about settlement in general wants the status card, not one measure.
_words(
    "topic",
    "",
    nb="bosetting|bosettingen|bosettingene|bosettinger",
    nn="busetjing|busetjinga|busetjingar|busetting|busettinga",
    en="settlement|settlements|settling|resettlement",
)

# Groups: whom a figure counts.
_words(
    "group",
    "em",
    no="em|ema|uma|mindreårige",
    nb="enslige mindreårige|enslig mindreårig|enslige",
    nn="einslege mindreårige|einsleg mindreårig|einslege",
    en="unaccompanied minors|unaccompanied minor|unaccompanied|minors|uma|em",
)
_words(
    "group", "em_under_15", no="under 15|under 15 år|em under 15|under femten", en="under 15|under fifteen"
)
_words(
    "group",
    "ukraine",
    no="ukraina",
    nb="ukrainere|fordrevne|kollektiv beskyttelse",
    nn="ukrainarar|fordrivne|kollektivt vern",
    en="ukraine|ukrainians|ukrainian|collective protection",
)
_words(
    "group",
    "resettlement",
    nb="overføringsflyktninger|kvoteflyktninger",
    nn="overføringsflyktningar|kvoteflyktningar",
    en="resettlement refugees|quota refugees",
)
_words("group", "family", nb="familiegjenforente", nn="familiesameinte", en="family reunification")

# Intents: what kind of answer is wanted.
_words(
    "intent",
    "status",
    no="status",
    nb="hvor langt|kommet|komme|andel av vedtaket|hvordan går det|hvordan ligger",
    nn="kor langt|kome|komne|del av vedtaket|korleis går det|korleis ligg",
    en="status|how far|progress|share of the decision|how is it going|how are things",
)
_words(
    "intent",
    "series",
    no="historikk|historie|utvikling|over tid|tidsserie",
    en="history|series|over the years|over time|trend|development",
)
_words(
    "intent",
    "grant",
    no="bonus",
    nb="tilskudd|tilskuddet|tilskuddene|stimuleringstilskudd|penger|kroner",
    nn="tilskot|tilskotet|tilskota|stimuleringstilskot|pengar",
    en="grant|grants|incentive|incentives|extra grant|subsidy|money|bonus",
)
_words(
    "intent",
    "intro",
    no="intro|introprogram|introprogrammet|introduksjonsprogram|introduksjonsprogrammet|introresultat",
    nb="introresultater|introresultatene",
    nn="introresultata",
    en="introduction programme|introduction program|introduction|intro results",
)
_words("intent", "help", no="hjelp", nb="eksempler", nn="døme", en="help|examples")
_words("intent", "start", no="start|hei|hallo", nb="god morgen", nn="god morgon", en="hello|hi|good morning")

# Rankings: members ranked behind first (the smallest share of the decision settled first) …
_words(
    "rank",
    "behind",
    no="lengst bak|lengst unna|bakpå|etter skjema|rangering|ranger|verst",
    nb="ligger etter|henger etter|dårligst|dårligste|kortest|svakest|tregest|minst",
    nn="ligg etter|heng etter|dårlegast|dårlegaste|kortast|svakast|seinast|minst",
    en="furthest behind|behind|lagging|lagging behind|ranking|rank|worst|least progress|slowest|weakest",
)
# … or best first (the largest share settled first) …
_words(
    "rank",
    "best",
    no="best|beste|lengst|foran",
    nb="flinkest|raskest|høyest andel",
    nn="flinkast|raskast|høgast del",
    en="best|furthest ahead|furthest|ahead|most progress|fastest|leading",
)
# … or by the value, largest first ('flest bosatt').
_words(
    "rank",
    "most",
    no="flest|mest|størst",
    nb="høyest",
    nn="høgast|høgste",
    en="most|highest|largest|biggest|top",
)
# Places named side by side.
_words(
    "compare",
    "",
    no="versus|vs|kontra",
    nb="sammenlign|sammenligne|sammenlignet med",
    nn="samanlikn|samanlikne|samanlikna med",
    en="compare|compared|compared to|versus|vs|against",
)

# Levels: 'which county' ranks counties; otherwise they say nothing a place does not.
_words("level", "county", no="fylke|fylker|fylket|fylka|fylkene|fylkesvis", en="county|counties")
_words(
    "level",
    "municipality",
    no="kommune|kommunen",
    nb="kommuner|kommunene",
    nn="kommunar|kommunane",
    en="municipality|municipalities|council|councils",
)
_words("level", "region", no="region|regionen|regioner|regionar", en="region|regions")

# Time words, relative to today's year.
_words(
    "time",
    "0",
    no="i år|iår|i aar|hittil i år",
    nb="dette året|inneværende år",
    nn="dette året|i inneverande år",
    en="this year|current year|so far this year",
)
_words("time", "-1", no="i fjor|ifjor|fjoråret", nb="forrige år", nn="førre år", en="last year")
_words("time", "1", no="neste år|til neste år", nb="kommende år", nn="komande år", en="next year|coming year")

# Words that carry no meaning of their own here ('siden 2010' makes a series where a year follows, see parse).
_words(
    "stop",
    "",
    no="i|på|for|av|og|om|har|hadde|er|meg|til|sammen|antall|år|året|med|en|et|så|langt|"
    "hittil|nå|ny|nye|siste|det|de|den|seg|sin|sitt|sine|eller|fått|tatt|imot|i mot|ta|fra|"
    "flyktning|da|enn|men|samme|same|folk|mange|skal|få|går|"
    "ligger|ligg|alle|alt|oss|vi|slik|takk|vis|gi|får|blei|"
    "om lag|ca|omtrent|per|pr|no|imdi|bufetat|udi|statsforvaltaren|statsforvalteren|fylkesmannen",
    nb="tall|personer|gikk|noen|dere|sånn|fikk|ble|mye|hvor|hva|hvem|hvilken|hvilke|hvilket|hvordan|"
    "flyktninger|ikke|bare|også|siden",
    nn="tal|ein|eit|då|personar|gjekk|nokre|me|fekk|vart|mykje|kor|kva|kven|kva for|kva slags|korleis|"
    "flyktningar|ikkje|berre|òg|sidan|frå",
    en="the|in|of|how|many|much|did|does|do|was|were|is|are|what|show|me|to|with|a|an|so|far|has|have|had|by|as|"
    "at|per|new|latest|who|which|there|about|and|or|get|got|taken|take|receive|received|their|its|it|"
    "since|from|please|thanks|number|numbers|figure|figures|people|refugees|refugee|year|years|"
    "we|our|they|them|for|on|be|been|will|would|can|could|should|any|all|that|this|these|those|than|then|"
    "so far|yet|still|give|tell|list|same|what about|how about|where|when|imdi|county governor",
)

# 'TOTALT' of the 2015 status table: settled + assigned, when no other measure is named.
_words("total", "", no="totalt|i alt", en="total|in total|altogether")

# Words that point back to the previous question: its place ('der', 'there'), its year ('året før', 'the
# following year') or its figures ('av dem', 'of them'). Without a place named they make a follow-up.
_words(
    "shift",
    "-1",
    no="året før|året før det",
    nb="det foregående året|året i forveien",
    nn="året i førevegen",
    en="the year before|the previous year|previous year|the preceding year|the year earlier",
)
_words(
    "shift",
    "1",
    no="året etter|året etterpå|året deretter|året etter det|neste års",
    nb="påfølgende år|det påfølgende året",
    nn="påfølgjande år|det påfølgjande året",
    en="the year after|the following year|the next year|following year|next year s|the year later",
)
_words(
    "back",
    "",
    no="der|samme sted|samme plass|samme kommune|same plass|av dem|av disse|derav",
    nb="samme sted",
    nn="same stad|same kommune|av dei|av desse",
    en="there|same place|the same place|same municipality|the same municipality|of them|of those|of these",
)

# A follow-up opens with one of these, ends with 'da' ('i fjor da?') or names a year alone ('2016?'):
# it changes only what it names. Without them a place or group alone ('Malvik', 'ukrainere') is a question.
_phrases(
    FOLLOW_UPS,
    None,
    no="og|og for|enn|men|samme for",
    nb="hva med|hva da med|hvordan med|hva så med",
    nn="kva med|kva då med|korleis med|same for",
    en="what about|how about|and|and for|same for|what of",
)
_phrases(TRAILING_FOLLOW_UPS, None, no="da|då", en="then")

# Words after which a name that is also a common word ('i bø', 'status moss') is read as the place.
PLACE_SLOTS: dict[str, set[str]] = defaultdict(set)
_phrases(
    PLACE_SLOTS,
    None,
    no="i|på|for|fra|frå|til|om|med|og|status|historikk",
    en="in|at|for|from|of|about|and|status|history",
)

# Words that make the number after them a place's code: a one- or two-digit number is a code only after
# one of these ('fylke 16', 'county 50'), never as a day or month; a year-like one only after a number
# word or a K/F prefix ('kommunenummer 2012', 'K2012').
NUMBER_WORDS: dict[str, set[str]] = defaultdict(set)
_phrases(
    NUMBER_WORDS,
    None,
    no="nr|nummer|kode|kommunenummer|kommunenr|fylkesnummer|fylkesnr|k|f",
    en="number|no|code|k|f",
)
CODE_SLOTS: dict[str, set[str]] = defaultdict(set, NUMBER_WORDS)
_phrases(CODE_SLOTS, None, no="fylke|fylket|kommune|kommunen", en="county|municipality")

# Words that ask for a group beside the total when they join it to a measure or place ('bosatte og EM',
# 'Melhus inkl. EM', 'plantall Skaun med EM').
WITH_WORDS: dict[str, set[str]] = defaultdict(set)
_phrases(
    WITH_WORDS,
    None,
    no="og|med|inkl|inkludert|iberekna|medrekna|pluss|herav|hvorav|derav",
    en="and|with|incl|including|plus|of which",
)
