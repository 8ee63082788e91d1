"""The bot's vocabulary: the phrases of bokmål, nynorsk and English it understands, and what each means.

Each meaning is listed with its phrasings per language: `no` for both bokmål and nynorsk, then `nb`,
`nn` and `en`. Phrases are written as users type them; they are looked up normalised ('på' is 'pa').
"""

from __future__ import annotations

import re
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
    nb="anmodning|anmodninger|anmodningen|anmodningene|anmodet|anmodede|anmodet om|anmode|anmoder|bedt om|be om|ba om|"
    "bedt|ba|ber om|ber|anm",  # 'anm.', as coordinators shorten it
    nn="oppmoding|oppmodinga|oppmodingar|oppmodingane|oppmoda|oppmoda om|anmoda|bede om|bad om|bede|bedt|bedne|"
    "ber om|ber|oppmodar|anm|oppm",
    en="request|requests|requested|asked for|asked to settle|asked to take|asked to receive|ask|asked|asks|"
    "asking|asking for",
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
    no="vedtak|vedtaket|vedtaksplasser|vedta|vedtok|vedt",
    nb="vedtatt|vedtatte|vedtakene|vedtar",
    nn="vedteke|vedtekne|vedtaka|vedtek",
    en="decision|decisions|decided|decide|decides|pledged|agreed|agree|council decision|adopted|adopt",
)
_words(
    "measure",
    "settled",
    nb="bosatt|bosatte|bosette|bosatt seg|bosetter|tok imot|tatt imot|tar imot|tok i mot|tatt i mot|bos",
    nn="busett|busette|busettast|busetjast|buset|busetje|busette seg|tok imot|teke imot|tek imot|bus",
    en="settled|settle|resettled|settles|took in|taken in|moved in|had moved in|have moved in|has moved in",
)  # not 'take in': 'will Trondheim take in 2017'; 'moved in' (not 'move in': 'waiting to move in' is assigned)
# '… enn de gjorde i 2015', 'than it did in 2015': what was done, after what was to be settled, is the settled.
_words(
    "measure",
    "settled",
    nb="enn de gjorde|enn det de gjorde|enn de faktisk gjorde|enn den gjorde",
    nn="enn dei gjorde|enn det dei gjorde|enn dei faktisk gjorde|enn han gjorde|enn ho gjorde",
    en="than they did|than it did|than they actually did|than it actually did",
)
_words(
    "measure",
    "assigned",
    no="utsøkt|utsøkte|søkt ut|søkte ut|avtalt|avtalte|på veg|på vei",
    nb="ikke ankommet|ikke kommet ennå|ikke bosatt ennå|venter på å flytte inn|ikke flyttet inn",
    nn="ikkje komne|ikkje kome enno|ikkje busett enno|ventar på å flytte inn|ikkje flytta inn",
    en="assigned|matched|on the way|on their way|assigned but not yet moved in|assigned but not yet settled|"
    "not yet moved in|not yet arrived|not yet settled|waiting to move in|not moved in|hadn t moved in|"
    "haven t moved in|hasn t moved in|had not moved in|have not moved in|has not moved in|hadn t arrived|"
    "haven t arrived|hasn t arrived",
)
_words(
    "measure",
    "planned",
    no="plan",
    nb="plantall|tenkt å ta|tenkt å ta imot|tenkt å bosette|planlagt å bosette|planlegger å bosette",
    nn="plantal|tenkt å ta|tenkt å ta imot|tenkt å busetje|planlagt å busetje|planlegg å busetje",
    en="planned|planning figure|planning figures|plan|meant to take|intended to take|intends to take|plans to take|"
    "planned to take|planning to take",
)
_words(
    "measure",
    "settlement_need",
    no="behov|prognose|forvente|forventet|forventa",
    nb="bosettingsbehov|var ventet|er ventet|ble ventet",
    nn="busetjingsbehov|busettingsbehov|var venta|er venta|vart venta",
    en="settlement need|need|forecast|settlement needs|expected|expect|expects|projected|anticipated",
)
# 'skal bosettes i 2017': the need where no municipality is named, the request where one is.
_words(
    "to_settle",
    "",
    nb="skal bosettes|skal bli bosatt|må bosettes|bør bosettes|skal bosette|skal ta imot|skulle bosettes|"
    "skulle bli bosatt|skulle bosette|skulle ta imot",
    nn="skal busetjast|skal busettast|skal bli busett|må busetjast|skal busetje|skal ta imot|skulle busetjast|"
    "skulle busettast|skulle bli busett|skulle busetje|skulle ta imot",
    en="to be settled|will be settled|are to be settled|must be settled|need to be settled|should be settled|"
    "will settle|are to settle|is to settle|was to settle|were to settle|was supposed to settle|"
    "were supposed to settle",
)
_words(
    "measure",
    "capacity",
    no="kapasitet|plass til|har plass til|kan ta imot",
    nn="kan ta imot|har plass til",
    en="capacity|house|accommodate|room for|can take",
)
_words(
    "measure",
    "capacity_dwellings",
    nb="boliger|boligene|bolig|boligkapasitet|boligkapasiteten",
    nn="bustader|bustadene|bustad|bustadkapasitet|bustadkapasiteten",
    en="dwellings|housing|homes|housing capacity",
)
_words(
    "measure",
    "proposed",
    nb="foreslått|forslag|foreslåtte|foreslo|foreslår|forslaget|administrasjonens forslag|foreslå",
    nn="føreslått|framlegg|føreslo|framlegget|føreslår|føreslå",
    en="proposed|proposal|suggested|the administration's proposal|propose|proposes|suggest|suggests",
)
_words(
    "measure",
    "asylum_seekers",
    nb="asylsøkere|asylsøknader|søkte asyl|søker asyl|søke asyl|asylsøkarar",
    nn="asylsøkjarar|søkte asyl|søkjer asyl|søkje asyl",
    en="asylum seekers|asylum|sought asylum|applied for asylum|seek asylum|asylum applications",
)
_words(
    "measure",
    "displaced",
    no="på flukt|på flukt i verden",
    nb="flyktninger i verden|drevet på flukt",
    nn="flyktningar i verda|driven på flukt",
    en="displaced|on the run|fleeing|forcibly displaced|displaced people",
)
_words(
    "measure",
    "internally_displaced",
    nb="internt fordrevne|internt fordrevet|internt",  # 'på flukt, og hvor mange av dem internt?'
    nn="internt fordrivne|internt fordriven|internt fordrevne|internt",  # the source's own term, quoted
    en="internally displaced|internally",
)
_words(
    "measure",
    "asylum_seekers_forecast_min",
    nb="vil søke asyl|kommer til å søke asyl|prognose asylsøkere|ventet asylsøkere",
    nn="vil søkje asyl|prognose asylsøkjarar",
    en="will seek asylum|will apply for asylum|asylum forecast|expected asylum seekers",
)
_words(
    "measure",
    "residence_permits_5y_min",
    nb="opphold|oppholdstillatelse|oppholdstillatelser|få opphold",
    nn="opphald|opphaldsløyve|få opphald",
    en="residence|residence permit|residence permits|permission to stay",
)
_words(
    "measure",
    "new_em_municipalities_requested",
    nb="nye kommuner|nye em-kommuner|nye emkommuner|nye bosettingskommuner|kommuner for første gang|for første gang|"
    "nylig anmodet|nylig bedt",
    nn="nye kommunar|nye em-kommunar|kommunar for første gong|for første gong",
    en="new municipalities|municipalities for the first time|first time|newly asked|newly requested|"
    "asked for the first time|new em municipalities",
)
# IMDi's competence programme for new settlement municipalities (seed 001): its modules.
_words(
    "measure",
    "competence_modules",
    no="kompetanseløft|kompetanseløftet",
    nb="moduler|modulene",
    nn="modular|modulane",
    en="competence programme|competence boost|competence lift|modules",
)
# A strategy or plan (seed 002): its period and adoption, whatever measure words come with it ('vedtatt').
_words(
    "strategy",
    "",
    no="strategi|strategien|regional plan|regionale planen|regionplan|regionplanen",
    nb="mangfoldsstrategi|mangfoldsstrategien|inkluderingsstrategi",
    nn="mangfaldsstrategi|mangfaldsstrategien|inkluderingsstrategi",
    en="strategy|strategic plan|diversity strategy|inclusion strategy|regional plan",
)
# How long something takes or lasts: with no strategy named, the time settlement itself takes (seed 004).
_words(
    "duration",
    "",
    nb="hvor lang tid|hvor lenge|hvor mange måneder",
    nn="kor lang tid|kor lenge|kor mange månader",
    en="how long|how much time|how many months",
)
# When IMDi began its work (seed 001's 'IMDi operativ 01.01.06').
_words(
    "measure",
    "imdi_operational",
    no="operativ|operativt|imdi opprettet|imdi oppretta|imdi etablert|imdi etablert|imdi startet|imdi starta",
    en="operational|became operational|become operational|imdi established|imdi founded|imdi set up|imdi created",
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
    en="unaccompanied minors|unaccompanied minor|unaccompanied|minors|minor|uma|umas|ums|em",
)
_words(
    "group", "em_under_15", no="under 15|under 15 år|em under 15|under femten", en="under 15|under fifteen"
)
# The rest of a group: '15 år eller eldre' are the minors less those under 15.
_words(
    "group_less",
    "em_under_15",
    no="15 år eller eldre|15 år og eldre|15 eller eldre|15 og eldre|over 15 år|eldre enn 15|eldre enn 15 år|"
    "minst 15 år",
    en="15 or older|15 and older|15 or over|15 and over|aged 15 or over|aged 15 and over|older than 15|"
    "15 years or older|15 years and older|15 and above|15 or above|over 15 years",
)
_words("group_less", "em_under_15", no="15plus", en="15plus")  # '15+', as parse writes it
AGE_PLUS = re.compile(r"(?<!\d)15 ?\+")  # 'EM 15+', 'aged 15+'

_words(
    "group",
    "ukraine",
    no="ukraina",
    nb="ukrainere|ukrainske|ukrainsk|fordrevne|kollektiv beskyttelse",
    nn="ukrainarar|ukrainarane|ukrainske|ukrainsk|fordrivne|kollektivt vern",
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
# The introduction programme's tracks and outcomes (seed 004): a question naming one is about the programme.
_words(
    "group",
    "track_1",
    no="spor 1|spor én|spor en|spor ein",
    nb="lav eller ingen utdanning|lite eller ingen utdanning|lav utdanning|ingen utdanning",
    nn="låg eller inga utdanning|lita eller inga utdanning|låg utdanning|inga utdanning",
    en="track 1|track one|little or no education|low or no education|no education|low education",
)
_words("group", "track_2", no="spor 2|spor to", en="track 2|track two")
_words("group", "track_3", no="spor 3|spor tre", en="track 3|track three")
_words("group", "youth", no="ungdom|ungdomsspor", en="youth|youth track")
_words(
    "group",
    "social_assistance",
    no="sosialhjelp|sosial stønad|sosialstønad|økonomisk sosialhjelp",
    nn="sosialstønad|sosial stønad",
    en="social assistance|social welfare|welfare|social benefits",
)
_words(
    "group",
    "other_benefits",
    no="trygdeytelser|andre trygdeytelser|andre ytelser",
    nn="trygdeytingar|andre trygdeytingar|trygdeyting|andre ytingar",
    en="other benefits|other social security benefits|social security benefits|social security|"
    "other social benefits|other welfare benefits",
)
_words(
    "group",
    "work_30h_plus",
    # 't' for hours, as the seed's table writes them ('Arbeid ≥ 30t pr uke', '30t+'); 'under 30t' is part time
    no="over 30 t|minst 30 t|30t",
    nb="fulltid|heltid|arbeid over 30 timer|30 timer eller mer|over 30 timer|minst 30 timer|30 t eller mer",
    nn="fulltid|heiltid|arbeid over 30 timar|30 timar eller meir|over 30 timar|minst 30 timar|30 t eller meir",
    en="full time|full-time|in full time|work 30 hours or more|30 hours or more|at least 30 hours|"
    "more than 30 hours",
)
_words(
    "group",
    "work_under_30h",
    no="deltid|under 30 t|29 t eller mindre|under 30t|29t",
    nb="under 30 timer|mindre enn 30 timer|29 timer eller mindre|mindre enn 30 t|mindre enn 30t",
    nn="under 30 timar|mindre enn 30 timar|29 timar eller mindre",
    en="part time|part-time|under 30 hours|less than 30 hours|29 hours or less",
)
_words("group", "upper_secondary", no="videregående|vidaregåande|vgs", en="upper secondary")
_words(
    "group",
    "higher_education",
    nb="høyere utdanning|og høyere|eller høyere",  # 'grunnskole, videregående og høyere'
    nn="høgare utdanning|og høgare|eller høgare",
    en="higher education|and higher",
)
_words(
    "group",
    "primary_school",
    no="grunnskole|grunnskule",
    nb="grunnskoleopplæring",
    nn="grunnskuleopplæring",
    en="primary school|primary education|primary",
)
_words("group", "health_reasons", nb="helsemessige årsaker", nn="helsemessige årsaker", en="health reasons")
_words("group", "no_activity", no="ingen aktivitet", en="no activity")
_words(
    "group",
    "not_jobseeker",
    nb="ikke arbeidssøker",
    nn="ikkje arbeidssøkjar",
    en="not a job seeker|not job seeking",
)
_words(
    "group",
    "jobseeker_kvp",
    no="kvp|kvalifiseringsprogram|kvalifiseringsprogrammet",
    en="qualification programme",
)
_words(
    "group", "jobseeker_wage_subsidy", nb="lønnstilskudd", nn="lønstilskot|lønnstilskot", en="wage subsidy"
)
_words(
    "group",
    "jobseeker_nav_measures",
    no="tiltak i regi av nav|nav-tiltak|navtiltak|tiltak hos nav",
    en="nav measures|nav programmes|measures run by nav",
)
_words(
    "group",
    "jobseeker_other_measures",
    no="tiltak i regi av andre|andre tiltak|tiltak hos andre",
    en="measures run by others|other measures",
)

# Intents: what kind of answer is wanted.
_words(
    "intent",
    "status",
    no="status",
    nb="hvor langt|kommet|komme|hvordan går det|hvordan ligger|i mål|i rute",
    nn="kor langt|kome|komne|korleis går det|korleis ligg|i mål|i rute",
    en="status|how far|progress|how is it going|how are things|on target|reached the target",
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
    en="grant|grants|incentive|incentives|extra grant|subsidy|money|bonus|nok",
)
# 'ekstra', 'extra', 'additional' alone are no grant ('ytterligere 7000 EM', 'extra minors expected'): beside the
# request they ask for the additional request ('hvor mange ekstra ble Norge bedt om å bosette i 2016').
_words(
    "extra",
    "",
    no="ekstra",
    nb="ytterligere|i tillegg",
    nn="ytterlegare|i tillegg",
    en="extra|additional|in addition",
)
_words(
    "intent",
    "intro",
    no="intro|introprogram|introprogrammet|introduksjonsprogram|introduksjonsprogrammet|introresultat",
    nb="introresultater|introresultatene",
    nn="introresultata",
    en="introduction programme|introduction program|introduction|intro results|intro programme|intro program|"
    "programme outcomes|outcomes|outcome",
)
# What became of the participants after the programme (seed 004's 'Status etter endt program'): the
# programme's outcomes, unless counties are ranked by their results.
_words(
    "outcome",
    "",
    # the seed's table title, quoted in nynorsk too; 'programmet' is both languages' definite form
    no="etter endt program|endt program|etter endt introprogram|etter programmet|etter intro|etter introen|"
    "etter endt intro",
    nb="fullført program|avsluttet program|etter avsluttet program|etter introprogrammet|"
    "etter introduksjonsprogrammet",
    nn="etter avslutta program|avslutta program|fullført program|etter introprogrammet|"
    "etter introduksjonsprogrammet",
    en="after the intro programme|after the introduction programme|after the programme|after the program|"
    "after finishing the programme|after finishing the program|finished the programme|completed the programme",
)
# Leaving the programme early ('falt ut av helsemessige årsaker'): what became of them, the outcomes too.
_words(
    "outcome", "", nb="falt ut|faller ut|falle ut", nn="fall ut|fell ut|falle ut", en="dropped out|drop out"
)
# The outcome 'Annet' (seed 004): 'annet', 'other' name it only in a question about the outcomes.
_words("other_outcome", "", nb="annet", nn="anna", en="other")
# A kind of outcome, every category of it summed ('arbeidssøkere': on NAV's measures, KVP, wage subsidy, others'); it
# names the programme's outcomes by itself.
_words(
    "outcome",
    "jobseeker",
    nb="arbeidssøker|arbeidssøkere|arbeidssøkerne",
    nn="arbeidssøkjar|arbeidssøkjarar|arbeidssøkjarane",
    en="job seeker|job seekers|jobseeker|jobseekers",
)
# Kinds of outcome named by one word for several categories: 'i arbeid' (full and part time), 'utdanning'
# (primary school, upper secondary, higher); in a question about the programme, those categories summed.
_words(
    "outcome_kind",
    "work",
    no="arbeid|i arbeid|ut i arbeid|jobb|i jobb|sysselsatt|sysselsette|sysselsatte",
    en="work|in work|into work|employment|employed|a job|jobs|paid work",
)
_words(
    "outcome_kind",
    "tracks",
    no="spor|sporene|spora|fordeling på spor|fordelinga på spor|fordelingen på spor|per spor|etter spor",
    en="tracks|by track|per track|the tracks|split by track",
)
_words(
    "outcome_kind",
    "education",
    no="utdanning|utdannelse|ordinær utdanning|i utdanning|skole|skule|skolegang|skulegang",
    en="education|in education|into education|school|schooling|studies",
)
# 'i en eller annen form', 'in any form': said of a kind of outcome, whose categories are summed anyway.
_words(
    "every_kind",
    "",
    nb="i en eller annen form|i alle former|alle slags|av alle slag|uansett form",
    nn="i ei eller anna form|i alle former|alle slags|av alle slag",
    en="of any kind|in any form|of all kinds|all kinds of|in some form",
)
_words("intent", "intro", nb="deltakere|deltakerne", nn="deltakarar|deltakarane")
# How much a figure rose or fell: during its year, from the year before, or between the years named.
_words(
    "intent",
    "change",
    nb="økte|økt|økning|økningen|øke|øker|auke|vekst|veksten|endring|endringen|endret|forskjell|forskjellen|"
    "nedgang|nedgangen|falt|faller|synker|sank|gikk ned|gikk opp|går ned|går opp|reduksjon|reduserte|differanse|"
    "differansen|diff|hvor mange flere|"
    "hvor mye mer|vokste|vokst|steg|steget|stigning|stigningen|hvor mange færre|hvor mye færre|hvor mye mindre|"
    "hvor mye større|hvor mye høyere|hvor mye lavere|hvor stort er gapet|gapet|avstand|avstanden|skiller|skilte",
    nn="auka|auke|auken|aukar|endra|endring|endringa|vekst|nedgang|skilnad|skilnaden|skil|skilde|nedgangen|diff|"
    "gjekk ned|gjekk opp|går ned|går opp|kor mange fleire|kor mykje meir|"
    "vaks|voks|vakse|veksten|steig|stiging|stiginga|kor mange færre|kor mykje færre|kor mykje mindre|"
    "kor mykje større|kor mykje høgare|kor mykje lågare|kor stort er gapet|gapet|avstand|avstanden",
    en="rise|rose|risen|increase|increased|increases|growth|change|changed|difference|diff|"
    "decrease|decreased|decreases|fell|falls|drop|drops|dropped|went up|went down|go up|goes up|go down|goes down|"
    "rises|how many more|how much more|differ|differs|differed|"
    "grow|grew|grown|grows|climb|climbed|how many fewer|how much fewer|how much less|how much smaller|"
    "how much bigger|how much larger|how much higher|how much lower|the gap|gap",
)
# 'by how much did the request exceed the decision', 'how short of the request was the decision': the difference
# between the two figures named.
_words(
    "intent",
    "change",
    nb="med hvor mye|med hvor mange|hvor langt unna|hvor langt fra|hvor mye unna|hvor mange unna",
    nn="med kor mykje|med kor mange|kor langt unna|kor langt frå|kor mykje unna|kor mange unna",
    en="by how much|by how many|how short of|how far short of|how much short of|how far short|how much short|"
    "how far from|how far off|how far away from",
)  # 'how far short did the decision fall of the request'
# 'i prosent', 'by what percentage': a change is asked in per cent (the change also gives it to a tenth).
_words(
    "percent",
    "",
    no="prosent|prosentvis|prosentvise|i prosent",
    en="percent|percentage|per cent|in percent|in per cent",
)
# 'hvor mange ganger flere', 'by what factor': a change asked as a factor (later over earlier).
_words("times", "", nb="ganger|faktor", nn="gonger|faktor", en="times|factor|fold")
# 'opprinnelig og justert', 'original vs revised': a figure's revision during its year, compared.
_words(
    "revision",
    "original",
    no="original|originale|første|først",
    nb="opprinnelig|opprinnelige",
    nn="opphavleg|opphavlege|opprinneleg|opprinnelege|fyrste",
    en="original|originally|initial|initially|first",
)
_words(
    "revision",
    "revised",
    nb="revidert|reviderte|justert|justerte|justering|justeringen|revisjon|revisjonen|endelig|endelige",
    nn="revidert|reviderte|justert|justerte|justeringa|revisjonen|endeleg|endelege",
    en="revised|revision|adjusted|adjustment|final|after the revision",
)
# 'og kor mange var det før?', 'how many before?': the figure beside its earlier statement (seed 000's 'fra 500 til
# 4.400'), as a revision compared.
_words(
    "revision",
    "earlier",
    nb="var det før|var det tidligere|hva var det før|før det|før justeringen|før revisjonen|tidligere tall|"
    "sammenlignet med før|sammenlignet med tidligere",
    nn="var det før|var det tidlegare|kva var det før|før det|før justeringa|før revisjonen|tidlegare tal|"
    "samanlikna med før|samanlikna med tidlegare",
    en="how many before|were there before|was it before|was it previously|were there previously|before that|"
    "before the revision|previously|earlier figure|compared with before|compared to before",
)
# 'hvilket år passerte Midt-Norge 1000 bosatte', 'when did Norway first exceed 10 000': the first year above the
# number that follows; 'når', 'when' with a bound ('når kom Norge over 10 000') ask for it too.
_words(
    "passing",
    "",
    nb="passerte|passert|passere|passerer|oversteg|overstiger|oversteget|gikk over|kom over|kommet over|var over|"
    "nådde|nådd|rundet",
    nn="passerte|passert|passere|passerer|oversteig|overstig|gjekk over|kom over|kome over|var over|nådde|nådd|runda",
    en="passed|pass|passes|exceeded|exceed|exceeds|went over|go over|got over|went above|rose above|surpassed|"
    "topped|crossed|reached|reach|reaches",
)
_words(
    "when",
    "",
    no="når|kva tid|første år|første året|det første året",
    nn="fyrste år|fyrste året",
    en="when|first year|the first year",
)
# 'Midt-Norge minus Møre og Romsdal': the difference of the place before it and the place after it.
_words("minus", "", no="minus|fratrukket", en="minus")
# 'om vi trekker M&R fra Midt-Norge', 'if we subtract M&R from Midt-Norge': the place after it less the one before
_words(
    "subtract", "", nb="trekker|trekke|trekk", nn="trekkjer|trekke|trekk", en="subtract|subtracting|take away"
)
_words("intent", "help", no="hjelp", nb="eksempler", nn="døme", en="help|examples")
_words("intent", "start", no="start|hei|hallo", nb="god morgen", nn="god morgon", en="hello|hi|good morning")

# Rankings: members ranked behind first (the smallest share of the decision settled first) …
_words(
    "rank",
    "behind",
    no="lengst bak|lengst unna|bakpå|etter skjema|rangering|ranger|rangert|verst",
    nb="ligger etter|henger etter|dårligst|dårligste|kortest|svakest|tregest",
    nn="ligg etter|heng etter|dårlegast|dårlegaste|kortast|svakast|seinast",
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
    no="flest|mest|størst|topp|toppen",
    nb="høyest",
    nn="høgast|høgste",
    en="most|highest|largest|biggest|top",
)
# What remains of the decision: the card (decided, settled, share and what remains), or members ranked by it.
_words(
    "remaining",
    "",
    nb="gjenstår|gjenstående|mangler|står igjen|igjen å bosette|har igjen|har de igjen|har vi igjen|for å nå|"
    "igjen å fylle|plasser igjen|"
    "ledige plasser",
    nn="står att|manglar|gjenstår|att å busetje|har att|har dei att|har vi att|for å nå|att å fylle|plassar att|"
    "ledige plassar",
    en="remaining|remain|remains|left to settle|still to settle|still to be settled|to reach|left to go|are left|is left|"
    "still need to settle|still needs to settle|still has to settle|still have to settle|"
    "left to fill|places left|unfilled places|places still open",
)
# The place the previous ranking put first ('what is that municipality asked to settle in 2016?').
_words(
    "leader",
    "",
    no="den kommunen|denne kommunen|det fylket|dette fylket",
    en="that municipality|this municipality|that county|this county",
)
# Where one place stands in the previous ranking ('hvilken plass fikk Sør-Trøndelag?', 'where did Vestfold rank?'):
# with a place and nothing else named, a follow-up.
_words(
    "position",
    "",
    nb="hvilken plass|på hvilken plass|hvilken plassering|hvor havnet|havnet|plasseringen|plassering|plassert",
    nn="kva plass|på kva plass|kva for plass|kor hamna|hamna|plasseringa|plassering|plassert",
    en="what position|which position|what place|which place|what rank|which rank|where did|where does|where is|"
    "placed",
)
# 'hvilket år bosatte Melhus flest', 'Trondheim's peak year': a place's years ranked, not its members.
_words(
    "which_year",
    "",
    no="toppåret|rekordåret",  # not the plural: 'i toppårene 2015–2017' names the years
    nb="hvilket år|hvilke år|i hvilket år|hvilket år har",
    nn="kva år|kva for år|kva for eit år|i kva år",
    en="which year|what year|in which year|in what year|which years|peak year|record year|best year",
)
# 'i forhold til anmodningen', 'share of its decision': the next measure named divides the first.
_words(
    "ratio",
    "1",
    nb="i forhold til|sett i forhold til|relativt til|andel av|prosent av|i prosent av|del av|sammenlignet med sin|"
    "av sin|av sitt",
    nn="i høve til|samanlikna med|delen av|prosent av|i prosent av|del av|av si|av sitt",
    en="relative to|in relation to|compared to their|compared to its|share of|share of its|share of their|"
    "share of the|proportion of|percent of|per cent of|percentage of|in percent of|as a percentage of|as a share of|"
    "of its|"
    "of their",
)
# 'flere enn de vedtok', 'less than half of their request': members kept by such a ratio (or a number).
_words(
    "above",
    "1",
    nb="flere enn|mer enn|flere personer enn|flere flyktninger enn|høyere enn|større enn",
    nn="fleire enn|meir enn|fleire personar enn|fleire flyktningar enn|høgare enn|større enn",
    en="more than|above|exceeding|more people than|more refugees than|higher than|greater than|larger than",
)
_words("above", "2", nb="dobbelt så mange som", nn="dobbelt så mange som", en="twice as many as|twice")
_words(
    "below",
    "1",
    nb="færre enn|mindre enn|ikke hele|ikke fullt|ikke nådd|færre personer enn|færre flyktninger enn|lavere enn",
    nn="færre enn|mindre enn|ikkje heile|ikkje nådd|færre personar enn|færre flyktningar enn|lågare enn",
    en="fewer than|less than|below|short of|not all of|not yet all of|fewer people than|fewer refugees than|"
    "lower than",
)
_words(
    "below",
    "0.5",
    nb="under halvparten av|mindre enn halvparten av|færre enn halvparten av",
    nn="under halvparten av|mindre enn halvparten av|færre enn halvparten av",
    en="less than half of|fewer than half of|under half of|below half of|less than half",
)
_words(
    "above",
    "0.5",
    nb="mer enn halvparten av|over halvparten av|flere enn halvparten av",
    nn="meir enn halvparten av|over halvparten av|fleire enn halvparten av",
    en="more than half of|over half of|above half of|more than half",
)
# 'bosatt akkurat like mange som de vedtok', 'settled exactly as many as their decision': members at the bound.
_words(
    "equal",
    "1",
    nb="akkurat like mange som|nøyaktig like mange som|like mange som|akkurat så mange som",
    nn="akkurat like mange som|nøyaktig like mange som|like mange som|akkurat så mange som",
    en="exactly as many as|just as many as|as many as|the same number as",
)
# 'har ikke bosatt hele vedtaket': a negation, then 'hele', is a bound below the measure that follows.
_words("negation", "", nb="ikke", nn="ikkje", en="not|non")  # 'non-Ukrainian' is read as 'non ukrainian'

_words(
    "whole",
    "",
    nb="hele|nådd|nådd sitt|nådd sin|nådde",
    nn="heile|nådd|nådd sitt|nådd sitt eige|nådde",
    en="all of|the whole|in full|reached|reached its|reached their|reached the|met its|met their",
)
# 'utenom Trondheim': the places named after it are left out of a ranking.
_words(
    "exclude",
    "",
    nb="utenom|unntatt|bortsett fra|med unntak av|uten|ser bort fra|ser vi bort fra|se bort fra|holder utenfor|"
    "holder vi utenfor|regnet uten|andre enn|andre land enn|andre steder enn|utenfor",
    nn="utanom|unnateke|bortsett frå|med unntak av|utan|ser bort frå|ser vi bort frå|sjå bort frå|held utanfor|"
    "andre enn|andre land enn|andre stader enn|utanfor",
    en="except|excluding|except for|apart from|other than|not counting|without|besides|leaving out|leave out|outside|"
    "disregarding|ignoring|setting aside|countries other than|other countries than",
)
# 'inkl. EM': the total with its groups, not the group alone.
_words(
    "including",
    "",
    nb="inkl|inkludert|inklusive|medregnet|av totalt|av i alt|av alle",
    nn="inkludert|medrekna|av totalt|av i alt|av alle",
    en="incl|including|inclusive of|out of|in total|of the total|of all",
)
# 'Trondheim om vi tar med Klæbu', 'Melhus and Malvik together': the places named, summed as well as each.
_words(
    "together",
    "",
    no="sum|summen|summert|i sum|pluss|samla",  # 'samla' is bokmål's too ('samla anm 2016')
    nb="om vi tar med|hvis vi tar med|når vi tar med|til sammen|tilsammen|sammenlagt|samlet|legg sammen",
    nn="om vi tek med|om me tek med|viss vi tek med|når vi tek med|til saman|tilsaman|samanlagt|summar|"
    "legg saman",
    en="together|combined|taken together|if we include|if we add|added together|in all|plus|sum|sum of|"
    "add up|added up|summed|cumulative|cumulatively",
)
# … or by the value, smallest first ('færrest'); by the share settled, 'minst' is behind first.
_words(
    "rank",
    "least",
    no="minst|minste",
    nb="færrest|lavest|laveste",
    nn="færrast|lågast|lågaste",
    en="fewest|least|lowest|smallest",
)
# Places named side by side.
_words(
    "compare",
    "",
    no="versus|vs|kontra|mot|opp mot",
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
    no="i år|iår|i aar|hittil i år|årets",
    nb="dette året|inneværende år|dette årets",
    nn="dette året|i inneverande år|dette årets",
    en="this year|current year|so far this year|this year s|this years",
)
_words("time", "-1", no="i fjor|ifjor|fjoråret", nb="forrige år", nn="førre år", en="last year")
_words("time", "1", no="neste år|til neste år", nb="kommende år", nn="komande år", en="next year|coming year")

# Words that carry no meaning of their own here ('siden 2010' makes a series where a year follows, see parse).
_words(
    "stop",
    "",
    no="i|på|for|av|og|om|har|hadde|er|meg|til|sammen|antall|år|året|med|en|et|så|langt|"
    "hittil|nå|ny|nye|siste|det|de|den|seg|sin|sitt|sine|eller|fått|tatt|imot|i mot|ta mot|ta|fra|"
    "flyktning|da|enn|men|samme|same|folk|mange|skal|få|går|"
    "ligger|ligg|alle|alt|oss|vi|slik|takk|vis|gi|får|blei|var|"
    "om lag|ca|omtrent|per|pr|no|imdi|bufetat|udi|statsforvaltaren|statsforvalteren|fylkesmannen",
    nb="tall|personer|gikk|noen|dere|sånn|fikk|ble|mye|hvor|hva|hvem|hvilken|hvilke|hvilket|hvordan|"
    "flyktninger|bare|også|siden",
    nn="tal|ein|eit|då|personar|gjekk|nokre|me|fekk|vart|mykje|kor|kva|kven|kva for|kva slags|korleis|"
    "flyktningar|berre|òg|sidan|frå",
    en="the|in|of|how|many|much|did|does|do|was|were|is|are|what|show|me|to|with|a|an|so|far|has|have|had|by|as|"
    "at|per|new|latest|who|which|there|about|and|or|get|got|taken|take|receive|received|their|its|it|"
    "since|from|please|thanks|number|numbers|figure|figures|people|refugees|refugee|year|years|"
    "we|our|they|them|for|on|be|been|will|would|can|could|should|any|all|that|this|these|those|than|then|"
    "so far|yet|still|give|tell|list|same|what about|how about|where|imdi|county governor|worldwide|globally",
)

# Tables and documents: they say nothing themselves, so that a compound of one is what its first part names
# ('anmodningstabellen' is the request, 'vedtaksoversikten' the decision, `bot.forms.compound`).
_words(
    "stop",
    "",
    no="tabell|tabeller|oversikt|oversikter|liste|lister|statistikk|presentasjon|rapport|lysark",
    nb="tall|tallene",
    nn="tal|tala|talet|oversyn|oversynet|lysbilete|lysbiletet|lysbileta",
    en="table|tables|overview|list|lists|statistics|presentation|report|slides|slide",
)

# 'TOTALT' of the 2015 status table: settled + assigned, when no other measure is named (both named is the
# total too: 'bosatte og utsøkte', 'busette eller søkte ut').
_words("total", "", no="totalt|totalen|i alt", en="total|in total|altogether")

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
    no="der|samme sted|samme plass|samme kommune|same plass|av dem|av disse|derav|herav",
    nb="samme sted|hvorav",
    nn="same stad|same kommune|av dei|av desse|kor mange av dei",
    en="there|same place|the same place|same municipality|the same municipality|of them|of those|of these|"
    "of whom|of which",
)

# The previous answer in other units or from another angle: 'hvor mange flyktninger tilsvarer det?' after the
# dwellings asks again for the same place, year and measure (the answer holds the people they house).
_words(
    "back",
    "",
    nb="tilsvarer det|tilsvarer dette|svarer det til|hva betyr det|hva betyr dette|utgjør det|utgjør dette|"
    "hvor mange personer er det|hvor mange flyktninger er det|hvor mange personer blir det",
    nn="svarar det til|tilsvarar det|kva tyder det|kva betyr det|utgjer det|utgjer dette|"
    "kor mange personar er det|kor mange flyktningar er det|kor mange personar blir det",
    en="does that correspond to|does this correspond to|that corresponds to|correspond to|what does that mean|"
    "does that amount to|does that equal|is that in people|does that make|people is that|refugees is that|"
    "people would that be|refugees would that be",
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
# word or a K/F prefix ('kommunenummer 2012', 'K2012'), or after a level word that opens the message or
# follows a preposition ('kommune 2017', 'i kommune 2017'; 'Trondheim kommune 2017' is the year).
NUMBER_WORDS: dict[str, set[str]] = defaultdict(set)
_phrases(
    NUMBER_WORDS,
    None,
    no="nr|nummer|kode|kommunenummer|kommunenr|knr|fylkesnummer|fylkesnr|fnr|k|f",
    en="number|no|code|k|f",
)
# 'hvor mye ble anmodningen justert': how much, of a revision, asks for the revision compared.
HOW_MUCH: dict[str, set[str]] = defaultdict(set)
_phrases(HOW_MUCH, None, nb="hvor mye", nn="kor mykje|kor mye", en="how much")

# 'Skaun har bosatt flere enn de vedtok – hvor mange over?': how far one place is past the bound, the difference.
HOW_MANY_MORE: dict[str, set[str]] = defaultdict(set)
_phrases(
    HOW_MANY_MORE,
    None,
    nb="hvor mange over|hvor mange flere|hvor mange mer|hvor mye over|hvor mange færre|hvor mange under|"
    "hvor mange mindre|hvor mye under",
    nn="kor mange over|kor mange fleire|kor mykje over|kor mange færre|kor mange under|kor mykje under",
    en="how many more|how many over|how many above|how much over|how much above|how far over|how many fewer|"
    "how many less|how many under|how many below|how far below|how far under",
)

# 'hvor mange flere skulle Møre og Romsdal bosette i 2016 enn de gjorde': a modal before the settling, with the place
# between, makes it what was to be settled.
MODALS: dict[str, set[str]] = defaultdict(set)
_phrases(MODALS, None, no="skal|skulle|bør|burde", en="supposed|meant")

# After a modal, with the place between, what is to be received: 'hvor mange EM skal Trondheim ha i 2017'.
TO_HAVE: dict[str, set[str]] = defaultdict(set)
_phrases(TO_HAVE, None, no="ha|motta|ta|få|ta imot", en="have|take|receive|get|take in")

# A cause, not a group asked about: 'økte anmodningen på grunn av ukrainerne', 'rose because of the Ukrainians'.
_words(
    "cause",
    "",
    nb="på grunn av|pga|grunnet|som følge av|krigen i|krigen mot|invasjonen av",  # 'etter at krigen i Ukraina startet'
    nn="på grunn av|grunna|som følgje av|krigen i|krigen mot|invasjonen av",
    en="because of|due to|owing to|as a result of|the war in|war in|the war against|the invasion of|invasion of",
)

# Whether one figure is enough for another: 'holder boligene til å dekke anmodningen', 'enough to cover the request'.
COVER_WORDS: dict[str, set[str]] = defaultdict(set)
_phrases(
    COVER_WORDS,
    None,
    no="dekke|dekker|dekkje|holder|strekker|mangler|manglar",
    en="cover|covers|enough|short",
)

# 'over', 'under' before a measure bound it as 'flere enn', 'færre enn' do ('bosatt over vedtaket'); asked how much
# ('hvor mye er det over samlet vedtak'), the difference to it.
MEASURE_BOUNDS: dict[str, Meaning] = {"over": Meaning("above", "1"), "under": Meaning("below", "1")}
# Words that point to a document, so that two words of its title name it ('i presentasjonen «Integrering og
# livskvalitet»', 'according to the Integrering og livskvalitet talk'); quotation marks do so too.
SOURCE_CUES = frozenset(
    normalise(word)
    for word in (
        *("ifølge", "ifølgje", "according", "presentasjonen", "presentasjon", "presentation", "foredraget"),
        *("foredrag", "talk", "lysarket", "lysarkene", "lysbiletet", "lysbileta", "slide", "slides"),
        *("rapporten", "report"),
    )
)
QUOTES = frozenset('«»"“”')  # not the apostrophe: 'Midt-Norge's request' quotes nothing
# A comparative split by the measure it counts ('flere utsøkte enn bosatte', 'fewer settled than decided') is
# read as if it stood at its 'enn' ('utsøkte flere enn bosatte'): the measure after 'enn' bounds the first.
SPLIT_COMPARATIVES = frozenset(normalise(word) for word in ("flere", "fleire", "færre", "more", "fewer"))
# Words whose 'over' is their own, not a bound: 'oversikt over anmodning og vedtak', 'liste over bosatte'.
OVER_OF = frozenset(
    ("oversikt", "oversikten", "oversyn", "overblikk", "liste", "lista", "listen", "tabell", "tabellen")
)
# Words that may stand between such a bound and its measure: 'over samlet vedtak', 'under the request'.
BOUND_GAP_KINDS = ("stop", "together", "whole", "level")  # 'level': 'over det kommunen har'

# Words that make the number after them a bound ('over 1000', as 'flere enn 1000'), and with the passing verbs
# a number, not a year ('passerte 2000').
NUMBER_BOUNDS: dict[str, set[str]] = defaultdict(set)
_phrases(NUMBER_BOUNDS, None, no="over", en="over")
CODE_SLOTS: dict[str, set[str]] = defaultdict(set, NUMBER_WORDS)
_phrases(CODE_SLOTS, None, no="fylke|fylket|kommune|kommunen", en="county|municipality")

# Words that ask for a group beside the total when they join it to a measure or place ('bosatte og EM',
# 'Melhus inkl. EM', 'plantall Skaun med EM').
WITH_WORDS: dict[str, set[str]] = defaultdict(set)
_phrases(
    WITH_WORDS,
    None,
    no="og|med|inkl|inkludert|iberekna|medrekna|iberegnet|medregnet|pluss|herav|hvorav|derav",
    en="and|with|incl|including|include|plus|of which",
)
