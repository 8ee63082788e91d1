"""Every sentence the bot says, in bokmål (nb), nynorsk (nn) and English (en)."""

from __future__ import annotations

LANGUAGES = ("nb", "nn", "en")

MEASURES: dict[str, dict[str, str]] = {
    "requested": {"nb": "Anmodning", "nn": "Oppmoding", "en": "Request"},
    "requested_revised": {
        "nb": "Justert anmodning",
        "nn": "Justert oppmoding",
        "en": "Revised request",
    },
    "decided": {"nb": "Vedtak", "nn": "Vedtak", "en": "Council decision"},
    "decided_revised": {"nb": "Justert vedtak", "nn": "Justert vedtak", "en": "Revised decision"},
    "settled": {"nb": "Bosatt", "nn": "Busett", "en": "Settled"},
    "assigned": {
        "nb": "Utsøkt (ikke ankommet)",
        "nn": "Utsøkt (ikkje komne)",
        "en": "Assigned (not yet arrived)",
    },
    "settled_and_assigned": {
        "nb": "Bosatt + utsøkt",
        "nn": "Busett + utsøkt",
        "en": "Settled + assigned",
    },
    "planned": {"nb": "Plantall", "nn": "Plantal", "en": "Planning figure"},
    "settlement_need": {"nb": "Bosettingsbehov", "nn": "Busetjingsbehov", "en": "Settlement need"},
    "settled_forecast": {
        "nb": "Prognose bosatte",
        "nn": "Prognose busette",
        "en": "Settled (forecast)",
    },
    "proposed": {
        "nb": "Foreslått av administrasjonen",
        "nn": "Føreslått av administrasjonen",
        "en": "Proposed by the administration",
    },
    "capacity": {
        "nb": "Kapasitet (personer)",
        "nn": "Kapasitet (personar)",
        "en": "Capacity (people)",
    },
    "capacity_dwellings": {
        "nb": "Kapasitet (boliger)",
        "nn": "Kapasitet (bustader)",
        "en": "Capacity (dwellings)",
    },
    "asylum_seekers": {"nb": "Asylsøkere", "nn": "Asylsøkjarar", "en": "Asylum seekers"},
    "asylum_seekers_forecast_min": {
        "nb": "Asylsøkere, prognose lav",
        "nn": "Asylsøkjarar, prognose låg",
        "en": "Asylum seekers, low forecast",
    },
    "asylum_seekers_forecast_max": {
        "nb": "Asylsøkere, prognose høy",
        "nn": "Asylsøkjarar, prognose høg",
        "en": "Asylum seekers, high forecast",
    },
    "residence_permits_5y_min": {
        "nb": "Opphold i Norge over 5 år, lav",
        "nn": "Opphald i Noreg over 5 år, låg",
        "en": "Residence over 5 years, low",
    },
    "residence_permits_5y_max": {
        "nb": "Opphold i Norge over 5 år, høy",
        "nn": "Opphald i Noreg over 5 år, høg",
        "en": "Residence over 5 years, high",
    },
    "displaced": {"nb": "På flukt", "nn": "På flukt", "en": "Displaced"},
    "internally_displaced": {
        "nb": "Internt fordrevne",
        "nn": "Internt fordrivne",
        "en": "Internally displaced",
    },
    "new_em_municipalities_requested": {
        "nb": "Nye kommuner anmodet om EM",
        "nn": "Nye kommunar oppmoda om EM",
        "en": "New municipalities asked to settle minors",
    },
    "grant_beyond_request_nok": {
        "nb": "Ekstra tilskudd per bosatt utover anmodningen (kr)",
        "nn": "Ekstra tilskot per busett utover oppmodinga (kr)",
        "en": "Extra grant per refugee settled beyond the request (NOK)",
    },
    "grant_per_settled_nok": {
        "nb": "Ekstra tilskudd per bosatt (kr)",
        "nn": "Ekstra tilskot per busett (kr)",
        "en": "Extra grant per person settled (NOK)",
    },
    "intro_result_pct": {
        "nb": "Introprogram: andel i arbeid/utdanning (%)",
        "nn": "Introprogram: del i arbeid/utdanning (%)",
        "en": "Intro programme: share in work or education (%)",
    },
    "intro_result_rank": {
        "nb": "Introprogram: plass blant fylkene",
        "nn": "Introprogram: plass blant fylka",
        "en": "Intro programme: rank among counties",
    },
    "intro_participants": {
        "nb": "Deltakere i introduksjonsprogram",
        "nn": "Deltakarar i introduksjonsprogram",
        "en": "Intro programme participants",
    },
    "intro_participants_pct": {
        "nb": "Deltakere i introprogram etter spor (%)",
        "nn": "Deltakarar i introprogram etter spor (%)",
        "en": "Intro participants by track (%)",
    },
    "intro_outcome": {
        "nb": "Status etter endt introprogram",
        "nn": "Status etter avslutta introprogram",
        "en": "Outcome after the intro programme",
    },
}

GROUPS: dict[str, dict[str, str]] = {
    "all": {"nb": "alle", "nn": "alle", "en": "all"},
    "em": {
        "nb": "enslige mindreårige (EM)",
        "nn": "einslege mindreårige (EM)",
        "en": "unaccompanied minors",
    },
    "em_under_15": {
        "nb": "EM under 15 år",
        "nn": "EM under 15 år",
        "en": "unaccompanied minors under 15",
    },
    "ukraine": {
        "nb": "kollektiv beskyttelse (Ukraina)",
        "nn": "kollektivt vern (Ukraina)",
        "en": "collective protection (Ukraine)",
    },
    "resettlement": {
        "nb": "overføringsflyktninger",
        "nn": "overføringsflyktningar",
        "en": "resettlement refugees",
    },
    "family": {"nb": "familiegjenforente", "nn": "familiesameinte", "en": "family reunification"},
    "track_1": {
        "nb": "spor 1 (lav eller ingen utdanning)",
        "nn": "spor 1 (låg eller inga utdanning)",
        "en": "track 1 (little or no education)",
    },
    "track_2": {
        "nb": "spor 2 (videregående)",
        "nn": "spor 2 (vidaregåande)",
        "en": "track 2 (upper secondary)",
    },
    "track_3": {
        "nb": "spor 3 (høyere utdanning)",
        "nn": "spor 3 (høgare utdanning)",
        "en": "track 3 (higher education)",
    },
    "youth": {"nb": "ungdom", "nn": "ungdom", "en": "youth"},
    "work_30h_plus": {"nb": "arbeid ≥ 30 t/uke", "nn": "arbeid ≥ 30 t/veke", "en": "work ≥ 30 h/week"},
    "work_under_30h": {"nb": "arbeid ≤ 29 t/uke", "nn": "arbeid ≤ 29 t/veke", "en": "work ≤ 29 h/week"},
    "jobseeker_nav_measures": {
        "nb": "arbeidssøker, tiltak i regi av NAV",
        "nn": "arbeidssøkjar, tiltak i regi av NAV",
        "en": "job seeker, NAV measures",
    },
    "jobseeker_kvp": {
        "nb": "arbeidssøker på KVP",
        "nn": "arbeidssøkjar på KVP",
        "en": "job seeker, qualification programme",
    },
    "jobseeker_wage_subsidy": {
        "nb": "arbeidssøker med lønnstilskudd",
        "nn": "arbeidssøkjar med lønstilskot",
        "en": "job seeker, wage subsidy",
    },
    "jobseeker_other_measures": {
        "nb": "arbeidssøker, tiltak i regi av andre",
        "nn": "arbeidssøkjar, tiltak i regi av andre",
        "en": "job seeker, other measures",
    },
    "not_jobseeker": {"nb": "ikke arbeidssøker", "nn": "ikkje arbeidssøkjar", "en": "not a job seeker"},
    "health_reasons": {"nb": "helsemessige årsaker", "nn": "helsemessige årsaker", "en": "health reasons"},
    "no_activity": {"nb": "ingen aktivitet", "nn": "ingen aktivitet", "en": "no activity"},
    "primary_school": {"nb": "grunnskole", "nn": "grunnskule", "en": "primary school"},
    "higher_education": {"nb": "høyere utdanning", "nn": "høgare utdanning", "en": "higher education"},
    "upper_secondary": {"nb": "videregående", "nn": "vidaregåande", "en": "upper secondary"},
    "other_benefits": {"nb": "andre trygdeytelser", "nn": "andre trygdeytingar", "en": "other benefits"},
    "social_assistance": {"nb": "sosialhjelp", "nn": "sosialhjelp", "en": "social assistance"},
    "other": {"nb": "annet", "nn": "anna", "en": "other"},
}

LEVELS: dict[str, dict[str, str]] = {
    "municipality": {"nb": "kommune", "nn": "kommune", "en": "municipality"},
    "county": {"nb": "fylke", "nn": "fylke", "en": "county"},
    "region": {"nb": "IMDi-region", "nn": "IMDi-region", "en": "IMDi region"},
    "nation": {"nb": "hele landet", "nn": "heile landet", "en": "the whole country"},
    "group": {"nb": "gruppe", "nn": "gruppe", "en": "group"},
    "international": {"nb": "internasjonalt", "nn": "internasjonalt", "en": "international"},
}

TEXTS: dict[str, dict[str, str]] = {
    "welcome": {
        "nb": "Hei! Jeg svarer på spørsmål om bosetting av flyktninger: anmodning, vedtak, bosatte og utsøkte per kommune, fylke og region, med dato og kilde for hvert tall.",
        "nn": "Hei! Eg svarar på spørsmål om busetjing av flyktningar: oppmoding, vedtak, busette og utsøkte per kommune, fylke og region, med dato og kjelde for kvart tal.",
        "en": "Hi! I answer questions about refugee settlement: requests, council decisions, settled and assigned people per municipality, county and region, with the date and source of every figure.",
    },
    "help": {
        "nb": "Spør med egne ord eller med kommandoer. Eksempler:",
        "nn": "Spør med eigne ord eller med kommandoar. Døme:",
        "en": "Ask in your own words or with commands. Examples:",
    },
    "help_commands": {
        "nb": "Kommandoer",
        "nn": "Kommandoar",
        "en": "Commands",
    },
    "not_understood": {
        "nb": "Jeg forsto ikke spørsmålet. Prøv for eksempel:",
        "nn": "Eg forstod ikkje spørsmålet. Prøv til dømes:",
        "en": "I did not understand the question. Try for example:",
    },
    "which_place": {
        "nb": "Hvilket sted mener du? Skriv for eksempel «status Trondheim 2015».",
        "nn": "Kva stad meiner du? Skriv til dømes «status Trondheim 2015».",
        "en": "Which place do you mean? Write for example “status Trondheim 2015”.",
    },
    "unknown_place": {
        "nb": "Jeg kjenner ikke stedet «{text}».",
        "nn": "Eg kjenner ikkje staden «{text}».",
        "en": "I do not know the place “{text}”.",
    },
    "did_you_mean": {"nb": "Mente du", "nn": "Meinte du", "en": "Did you mean"},
    "choose_place": {
        "nb": "«{text}» kan være flere steder. Velg ett:",
        "nn": "«{text}» kan vere fleire stader. Vel ein:",
        "en": "“{text}” could be several places. Choose one:",
    },
    "interpreted_as": {
        "nb": "Tolket «{text}» som {name}.",
        "nn": "Tolka «{text}» som {name}.",
        "en": "Read “{text}” as {name}.",
    },
    "old_name": {
        "nb": "{label} er et tidligere navn/nummer for {name}.",
        "nn": "{label} er eit tidlegare namn/nummer for {name}.",
        "en": "{label} is an earlier name/number of {name}.",
    },
    "no_figures_place": {
        "nb": "{name} ({level}) finnes i registeret, men jeg har ingen tall for stedet.",
        "nn": "{name} ({level}) finst i registeret, men eg har ingen tal for staden.",
        "en": "{name} ({level}) is in the register, but I have no figures for it.",
    },
    "merged_into": {
        "nb": "{name} ble slått sammen med andre og heter nå {successor} (fra {date}).",
        "nn": "{name} vart slått saman med andre og heiter no {successor} (frå {date}).",
        "en": "{name} was merged and is now part of {successor} (from {date}).",
    },
    "predecessors": {
        "nb": "{name} ble opprettet {date}. Tall finnes for tidligere kommuner: {names}.",
        "nn": "{name} vart oppretta {date}. Det finst tal for tidlegare kommunar: {names}.",
        "en": "{name} was created on {date}. There are figures for former municipalities: {names}.",
    },
    "no_data": {
        "nb": "Ingen tall for {what} i {year}.",
        "nn": "Ingen tal for {what} i {year}.",
        "en": "No figures for {what} in {year}.",
    },
    "what_exists": {
        "nb": "{name} har tall for: {years}.",
        "nn": "{name} har tal for: {years}.",
        "en": "{name} has figures for: {years}.",
    },
    "latest_year": {
        "nb": "Ingen år oppgitt: viser siste år med tall, {year}.",
        "nn": "Inkje år oppgitt: viser siste år med tal, {year}.",
        "en": "No year given: showing the latest year with figures, {year}.",
    },
    "status_title": {"nb": "status {year}", "nn": "status {year}", "en": "status {year}"},
    "of_which": {"nb": "herav", "nn": "herav", "en": "of which"},
    "whole_year": {"nb": "hele året", "nn": "heile året", "en": "whole year"},
    "share_settled": {
        "nb": "Bosatt av vedtaket: {share} · gjenstår {remaining}",
        "nn": "Busett av vedtaket: {share} · att {remaining}",
        "en": "Share of the decision settled: {share} · remaining {remaining}",
    },
    "more_statements": {
        "nb": "  … og {count} tidligere oppgaver",
        "nn": "  … og {count} tidlegare oppgåver",
        "en": "  … and {count} earlier statements",
    },
    "snapshot": {
        "nb": "Per {date}: {parts}",
        "nn": "Per {date}: {parts}",
        "en": "As of {date}: {parts}",
    },
    "as_of": {"nb": "per", "nn": "per", "en": "as of"},
    "approximate": {"nb": "avrundet", "nn": "avrunda", "en": "rounded"},
    "date_approximate": {
        "nb": "omtrentlig dato",
        "nn": "omtrentleg dato",
        "en": "approximate date",
    },
    "stated_total": {"nb": "Oppgitt", "nn": "Oppgitt", "en": "Stated"},
    "computed_total": {
        "nb": "Beregnet sum: {value} ({known} av {members} kommuner med tall)",
        "nn": "Rekna sum: {value} ({known} av {members} kommunar med tal)",
        "en": "Computed sum: {value} ({known} of {members} municipalities known)",
    },
    "partial_total": {"nb": "bare delsum", "nn": "berre delsum", "en": "partial total only"},
    "sources": {"nb": "Kilder", "nn": "Kjelder", "en": "Sources"},
    "table": {"nb": "tabell", "nn": "tabell", "en": "table"},
    "suppressed": {"nb": "skjult (under 5)", "nn": "skjult (under 5)", "en": "hidden (under 5)"},
    "stranger": {
        "nb": "Denne boten er for koordinatorer for bosetting. Be en administrator legge deg til med bruker-ID {user_id}.",
        "nn": "Denne boten er for koordinatorar for busetjing. Be ein administrator leggje deg til med brukar-ID {user_id}.",
        "en": "This bot is for settlement coordinators. Ask an admin to add you with user id {user_id}.",
    },
    "language_usage": {
        "nb": "Bruk: /language nb, /language nn eller /language en",
        "nn": "Bruk: /language nb, /language nn eller /language en",
        "en": "Usage: /language nb, /language nn or /language en",
    },
    "language_set": {
        "nb": "Jeg svarer nå på bokmål.",
        "nn": "Eg svarar no på nynorsk.",
        "en": "I will answer in English.",
    },
    "admins_only": {
        "nb": "Bare administratorer kan gjøre dette.",
        "nn": "Berre administratorar kan gjere dette.",
        "en": "Only admins can do this.",
    },
    "adduser_usage": {
        "nb": "Bruk: /adduser <bruker-ID> [admin]",
        "nn": "Bruk: /adduser <brukar-ID> [admin]",
        "en": "Usage: /adduser <user id> [admin]",
    },
    "removeuser_usage": {
        "nb": "Bruk: /removeuser <bruker-ID>",
        "nn": "Bruk: /removeuser <brukar-ID>",
        "en": "Usage: /removeuser <user id>",
    },
    "user_added": {
        "nb": "Bruker {user_id} har nå rollen {role}.",
        "nn": "Brukar {user_id} har no rolla {role}.",
        "en": "User {user_id} now has the role {role}.",
    },
    "user_removed": {
        "nb": "Bruker {user_id} har ikke lenger tilgang.",
        "nn": "Brukar {user_id} har ikkje lenger tilgang.",
        "en": "User {user_id} no longer has access.",
    },
    "user_unknown": {
        "nb": "Bruker {user_id} hadde ikke tilgang.",
        "nn": "Brukar {user_id} hadde ikkje tilgang.",
        "en": "User {user_id} had no access.",
    },
    "cannot_remove_self": {
        "nb": "Du kan ikke fjerne deg selv.",
        "nn": "Du kan ikkje fjerne deg sjølv.",
        "en": "You cannot remove yourself.",
    },
    "users_title": {
        "nb": "Brukere med tilgang:",
        "nn": "Brukarar med tilgang:",
        "en": "Users with access:",
    },
    "error": {
        "nb": "Beklager, noe gikk galt. Feilen er logget. Prøv igjen.",
        "nn": "Orsak, noko gjekk gale. Feilen er logga. Prøv igjen.",
        "en": "Sorry, something went wrong. The error has been logged. Please try again.",
    },
}

COMMANDS: dict[str, dict[str, str]] = {
    "start": {
        "nb": "Start og kort forklaring",
        "nn": "Start og kort forklaring",
        "en": "Start and short introduction",
    },
    "help": {"nb": "Hjelp med eksempler", "nn": "Hjelp med døme", "en": "Help with examples"},
    "status": {
        "nb": "Status for et sted: /status Trondheim 2015",
        "nn": "Status for ein stad: /status Trondheim 2015",
        "en": "Status of a place: /status Trondheim 2015",
    },
    "em": {
        "nb": "Enslige mindreårige: /em Trondheim 2016",
        "nn": "Einslege mindreårige: /em Trondheim 2016",
        "en": "Unaccompanied minors: /em Trondheim 2016",
    },
    "history": {
        "nb": "Utvikling over år: /history Trondheim",
        "nn": "Utvikling over år: /history Trondheim",
        "en": "History over the years: /history Trondheim",
    },
    "language": {
        "nb": "Språk: /language nb|nn|en",
        "nn": "Språk: /language nb|nn|en",
        "en": "Language: /language nb|nn|en",
    },
}

EXAMPLES = (
    "status Trondheim 2015",
    "/status 1601 2015",
    "EM anmodning 2016 Trondheim",
    "plantall 2017 Stjørdal",
    "bosatte Norge 2014",
    "How many unaccompanied minors did Trondheim settle in 2016?",
)


def text(key: str, language: str, **values: object) -> str:
    """A sentence in the given language (bokmål if unknown), with values filled in."""
    entry = TEXTS[key]
    return entry.get(language, entry["nb"]).format(**values)


def measure_label(measure: str, language: str) -> str:
    """The name of a measure in the given language (its key if unnamed)."""
    return MEASURES.get(measure, {}).get(language) or MEASURES.get(measure, {}).get("nb", measure)


def group_label(group: str, language: str) -> str:
    """The name of a group of refugees in the given language (its key if unnamed)."""
    return GROUPS.get(group, {}).get(language) or group.replace("_", " ")


def level_label(level: str, language: str) -> str:
    """The name of a kind of place in the given language."""
    return LEVELS[level].get(language, LEVELS[level]["nb"])
