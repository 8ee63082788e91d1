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
    "competence_modules": {
        "nb": "Kompetanseløft for nye bosettingskommuner, moduler à 2 dager",
        "nn": "Kompetanseløft for nye busetjingskommunar, modular à 2 dagar",
        "en": "Competence programme for new settlement municipalities, modules of 2 days",
    },
    "plan_from": {
        "nb": "Strategi eller plan, gjelder fra",
        "nn": "Strategi eller plan, gjeld frå",
        "en": "Strategy or plan, in force from",
    },
    "plan_to": {
        "nb": "Strategi eller plan, gjelder til",
        "nn": "Strategi eller plan, gjeld til",
        "en": "Strategy or plan, in force until",
    },
    "plan_adopted": {
        "nb": "Strategi eller plan, vedtatt (dagen i fotnoten)",
        "nn": "Strategi eller plan, vedteken (dagen i fotnoten)",
        "en": "Strategy or plan, adopted (the day in the footnote)",
    },
    "imdi_operational": {
        "nb": "IMDi operativ (dagen i fotnoten)",
        "nn": "IMDi operativ (dagen i fotnoten)",
        "en": "IMDi operational (the day in the footnote)",
    },
    "settlement_months": {
        "nb": "Tid selve bosettingen tar (måneder)",
        "nn": "Tid sjølve busetjinga tek (månader)",
        "en": "Time settlement itself takes (months)",
    },
    "intro_years": {
        "nb": "Introprogrammets varighet (år)",
        "nn": "Introprogrammet si lengd (år)",
        "en": "Length of the intro programme (years)",
    },
    "intro_years_max": {
        "nb": "Introprogrammets varighet, høyst (år)",
        "nn": "Introprogrammet si lengd, høgst (år)",
        "en": "Length of the intro programme, at most (years)",
    },
}

SHORT_MEASURES: dict[str, dict[str, str]] = {  # a measure's name in a running line: 'bosatt 43'
    "requested": {"nb": "anmodning", "nn": "oppmoding", "en": "request"},
    "requested_revised": {"nb": "justert anmodning", "nn": "justert oppmoding", "en": "revised request"},
    "decided": {"nb": "vedtak", "nn": "vedtak", "en": "council decision"},
    "decided_revised": {"nb": "justert vedtak", "nn": "justert vedtak", "en": "revised decision"},
    "settled": {"nb": "bosatt", "nn": "busett", "en": "settled"},
    "assigned": {"nb": "utsøkt", "nn": "utsøkt", "en": "assigned"},
    "settled_and_assigned": {"nb": "bosatt + utsøkt", "nn": "busett + utsøkt", "en": "settled + assigned"},
    "planned": {"nb": "plantall", "nn": "plantal", "en": "planning figure"},
    "settlement_need": {"nb": "bosettingsbehov", "nn": "busetjingsbehov", "en": "settlement need"},
    "settled_forecast": {"nb": "prognose bosatte", "nn": "prognose busette", "en": "settled"},
    "proposed": {
        "nb": "foreslått av administrasjonen",
        "nn": "føreslått av administrasjonen",
        "en": "proposed by the administration",
    },
    "capacity": {"nb": "kapasitet", "nn": "kapasitet", "en": "capacity"},
    "capacity_dwellings": {"nb": "kapasitet", "nn": "kapasitet", "en": "capacity"},
    "asylum_seekers": {"nb": "asylsøkere", "nn": "asylsøkjarar", "en": "asylum seekers"},
    "asylum_seekers_forecast_min": {
        "nb": "asylsøkere, prognose lav",
        "nn": "asylsøkjarar, prognose låg",
        "en": "asylum seekers, low forecast",
    },
    "asylum_seekers_forecast_max": {
        "nb": "asylsøkere, prognose høy",
        "nn": "asylsøkjarar, prognose høg",
        "en": "asylum seekers, high forecast",
    },
    "residence_permits_5y_min": {
        "nb": "opphold i norge over 5 år, lav",
        "nn": "opphald i noreg over 5 år, låg",
        "en": "residence over 5 years, low",
    },
    "residence_permits_5y_max": {
        "nb": "opphold i norge over 5 år, høy",
        "nn": "opphald i noreg over 5 år, høg",
        "en": "residence over 5 years, high",
    },
    "displaced": {"nb": "på flukt", "nn": "på flukt", "en": "displaced"},
    "internally_displaced": {
        "nb": "internt fordrevne",
        "nn": "internt fordrivne",
        "en": "internally displaced",
    },
    "new_em_municipalities_requested": {
        "nb": "nye kommuner anmodet om em",
        "nn": "nye kommunar oppmoda om em",
        "en": "new municipalities asked to settle minors",
    },
    "grant_beyond_request_nok": {
        "nb": "ekstra tilskudd per bosatt utover anmodningen",
        "nn": "ekstra tilskot per busett utover oppmodinga",
        "en": "extra grant per refugee settled beyond the request",
    },
    "grant_per_settled_nok": {
        "nb": "ekstra tilskudd per bosatt",
        "nn": "ekstra tilskot per busett",
        "en": "extra grant per person settled",
    },
    "intro_result_pct": {
        "nb": "introprogram: andel i arbeid/utdanning",
        "nn": "introprogram: del i arbeid/utdanning",
        "en": "intro programme: share in work or education",
    },
    "intro_result_rank": {
        "nb": "introprogram: plass blant fylkene",
        "nn": "introprogram: plass blant fylka",
        "en": "intro programme: rank among counties",
    },
    "intro_participants": {
        "nb": "deltakere i introduksjonsprogram",
        "nn": "deltakarar i introduksjonsprogram",
        "en": "intro programme participants",
    },
    "intro_participants_pct": {
        "nb": "deltakere i introprogram etter spor",
        "nn": "deltakarar i introprogram etter spor",
        "en": "intro participants by track",
    },
    "intro_outcome": {
        "nb": "status etter endt introprogram",
        "nn": "status etter avslutta introprogram",
        "en": "outcome after the intro programme",
    },
    "competence_modules": {
        "nb": "kompetanseløft for nye bosettingskommuner, moduler à 2 dager",
        "nn": "kompetanseløft for nye busetjingskommunar, modular à 2 dagar",
        "en": "competence programme for new settlement municipalities, modules of 2 days",
    },
    "plan_from": {
        "nb": "strategi eller plan, gjelder fra",
        "nn": "strategi eller plan, gjeld frå",
        "en": "strategy or plan, in force from",
    },
    "plan_to": {
        "nb": "strategi eller plan, gjelder til",
        "nn": "strategi eller plan, gjeld til",
        "en": "strategy or plan, in force until",
    },
    "plan_adopted": {
        "nb": "strategi eller plan, vedtatt (dagen i fotnoten)",
        "nn": "strategi eller plan, vedteken (dagen i fotnoten)",
        "en": "strategy or plan, adopted (the day in the footnote)",
    },
    "imdi_operational": {
        "nb": "IMDi operativ (dagen i fotnoten)",
        "nn": "IMDi operativ (dagen i fotnoten)",
        "en": "IMDi operational (the day in the footnote)",
    },
    "settlement_months": {
        "nb": "tid selve bosettingen tar (måneder)",
        "nn": "tid sjølve busetjinga tek (månader)",
        "en": "time settlement itself takes (months)",
    },
    "intro_years": {
        "nb": "introprogrammets varighet (år)",
        "nn": "introprogrammet si lengd (år)",
        "en": "length of the intro programme (years)",
    },
    "intro_years_max": {
        "nb": "introprogrammets varighet, høyst (år)",
        "nn": "introprogrammet si lengd, høgst (år)",
        "en": "length of the intro programme, at most (years)",
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

WEEKDAYS: dict[int, dict[str, str]] = {  # Monday is 0, as in datetime.weekday()
    0: {"nb": "mandag", "nn": "måndag", "en": "Monday"},
    1: {"nb": "tirsdag", "nn": "tysdag", "en": "Tuesday"},
    2: {"nb": "onsdag", "nn": "onsdag", "en": "Wednesday"},
    3: {"nb": "torsdag", "nn": "torsdag", "en": "Thursday"},
    4: {"nb": "fredag", "nn": "fredag", "en": "Friday"},
    5: {"nb": "lørdag", "nn": "laurdag", "en": "Saturday"},
    6: {"nb": "søndag", "nn": "sundag", "en": "Sunday"},
}

TEXTS: dict[str, dict[str, str]] = {
    "nation_name": {"nb": "Norge", "nn": "Noreg", "en": "Norway"},
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
    "help_admin_commands": {
        "nb": "For administratorer",
        "nn": "For administratorar",
        "en": "For admins",
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
    "moved_on": {
        "nb": "{name} ble slått sammen med andre til {successor} fra {date}; svaret gjelder {successor}.",
        "nn": "{name} vart slått saman med andre til {successor} frå {date}; svaret gjeld {successor}.",
        "en": "{name} was merged into {successor} on {date}; the answer is for {successor}.",
    },
    "split_into": {
        "nb": "{name} ble delt fra {date} mellom {names}. Velg ett:",
        "nn": "{name} vart delt frå {date} mellom {names}. Vel ein:",
        "en": "{name} was split on {date} between {names}. Choose one:",
    },
    "made_of": {
        "nb": "{name} ble opprettet {date} av {names}; tall fra årene før er summen av deres.",
        "nn": "{name} vart oppretta {date} av {names}; tal frå åra før er summen av deira.",
        "en": "{name} was created on {date} from {names}; figures for earlier years are their sum.",
    },
    "split_part": {
        "nb": "{names} ble delt, og bare en del gikk inn i {name}: ikke med i summen.",
        "nn": "{names} vart delt, og berre ein del gjekk inn i {name}: ikkje med i summen.",
        "en": "{names} was split, and only part of it went into {name}: not in the sum.",
    },
    "and": {"nb": "og", "nn": "og", "en": "and"},
    "figures_instead": {
        "nb": "{name} har dette for {year}:",
        "nn": "{name} har dette for {year}:",
        "en": "{name} has this for {year}:",
    },
    "years_of": {
        "nb": "Tall for {what}: {years}.",
        "nn": "Tal for {what}: {years}.",
        "en": "Figures for {what}: {years}.",
    },
    "none_of": {
        "nb": "{name} har ingen tall for {what}.",
        "nn": "{name} har ingen tal for {what}.",
        "en": "{name} has no figures for {what}.",
    },
    "none_at_all": {
        "nb": "{name} har ingen tall.",
        "nn": "{name} har ingen tal.",
        "en": "{name} has no figures.",
    },
    "others_as_of": {
        "nb": "de andre per {date}",
        "nn": "dei andre per {date}",
        "en": "the others as of {date}",
    },
    "revised_in_parentheses": {
        "nb": "I parentes: {what}.",
        "nn": "I parentes: {what}.",
        "en": "In parentheses: {what}.",
    },
    "change_word": {"nb": "endring", "nn": "endring", "en": "change"},
    "difference_word": {"nb": "forskjell", "nn": "skilnad", "en": "difference"},
    "percentage_points": {"nb": "prosentpoeng", "nn": "prosentpoeng", "en": "percentage points"},
    "days_in_all": {"nb": "{days} dager i alt", "nn": "{days} dagar i alt", "en": "{days} days in all"},
    "original_word": {"nb": "opprinnelig", "nn": "opphavleg", "en": "original"},
    "together_word": {"nb": "Til sammen", "nn": "Til saman", "en": "Together"},
    "change_revised": {
        "nb": "Opprinnelig {before} → justert {after}: {difference}",
        "nn": "Opphavleg {before} → justert {after}: {difference}",
        "en": "Original {before} → revised {after}: {difference}",
    },
    "change_through_year": {
        "nb": "Per {first}: {before} → per {last}: {after}: {difference}",
        "nn": "Per {first}: {before} → per {last}: {after}: {difference}",
        "en": "As of {first}: {before} → as of {last}: {after}: {difference}",
    },
    "change_from_year": {
        "nb": "Fra {previous} til {year}: {before} → {after}: {difference}",
        "nn": "Frå {previous} til {year}: {before} → {after}: {difference}",
        "en": "From {previous} to {year}: {before} → {after}: {difference}",
    },
    "not_revised": {
        "nb": "{what} {year}: {value}, ikke justert i løpet av året.",
        "nn": "{what} {year}: {value}, ikkje justert i løpet av året.",
        "en": "{what} {year}: {value}, not revised during the year.",
    },
    "source_says": {
        "nb": "Kilden sier: «{words}»",
        "nn": "Kjelda seier: «{words}»",
        "en": "The source says: «{words}»",
    },
    "change_in_percent": {
        "nb": "Endring i prosent: <b>{change}</b>",
        "nn": "Endring i prosent: <b>{change}</b>",
        "en": "Change in per cent: <b>{change}</b>",
    },
    "change_times": {
        "nb": "Forhold: <b>{factor}</b> ganger så mange",
        "nn": "Forhold: <b>{factor}</b> gonger så mange",
        "en": "Ratio: <b>{factor}</b> times as many",
    },
    "stand_in_value": {
        "nb": "ingen tall; {instead} {value}",
        "nn": "ingen tal; {instead} {value}",
        "en": "no figures; {instead} {value}",
    },
    "change_single": {
        "nb": "Bare ett tall for {year}: {value}; ingen tidligere å sammenligne med.",
        "nn": "Berre eitt tal for {year}: {value}; ingen tidlegare å samanlikne med.",
        "en": "Only one figure for {year}: {value}; nothing earlier to compare with.",
    },
    "not_comparable": {
        "nb": "ikke sammenlignbart (ulike kommuner med tall)",
        "nn": "ikkje samanliknbart (ulike kommunar med tal)",
        "en": "not comparable (different municipalities known)",
    },
    "intro_word": {"nb": "introprogram", "nn": "introprogram", "en": "intro programme"},
    "counties_ranked": {"nb": "fylkene etter plass", "nn": "fylka etter plass", "en": "counties by rank"},
    "counties_known": {
        "nb": "{known} av {members} fylker med tall.",
        "nn": "{known} av {members} fylke med tal.",
        "en": "{known} of {members} counties known.",
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
    "what_exists_with_members": {
        "nb": "Tall for {name} og kommunene der: {years}.",
        "nn": "Tal for {name} og kommunane der: {years}.",
        "en": "Figures for {name} and its municipalities: {years}.",
    },
    "group_share_title": {
        "nb": "Andel {group} av {what}",
        "nn": "Del {group} av {what}",
        "en": "Share of {group} in {what}",
    },
    "places_known": {
        "nb": "{known} av {all} med tall",
        "nn": "{known} av {all} med tal",
        "en": "{known} of {all} known",
    },
    "remaining_word": {"nb": "gjenstår", "nn": "att", "en": "remaining"},
    "sum_heading": {"nb": "Sum", "nn": "Sum", "en": "Total"},
    "average_heading": {"nb": "Snitt per år", "nn": "Snitt per år", "en": "Average a year"},
    "stand_in_shown": {
        "nb": "{what}: ingen tall for {years}; {instead} vist i stedet.",
        "nn": "{what}: ingen tal for {years}; {instead} vist i staden.",
        "en": "{what}: no figures for {years}; the {instead} shown instead.",
    },
    "missing_years": {
        "nb": "{what}: ingen tall for {years} (men for {others}).",
        "nn": "{what}: ingen tal for {years} (men for {others}).",
        "en": "{what}: no figures for {years} (but for {others}).",
    },
    "missing_years_at_all": {
        "nb": "{what}: ingen tall for {years}, heller ingen andre tall.",
        "nn": "{what}: ingen tal for {years}, heller ingen andre tal.",
        "en": "{what}: no figures for {years}, nor any others.",
    },
    "summed_years": {
        "nb": "{years}: ingen oppgitt total; summer over kommunene med tall (med tall/alle kommuner).",
        "nn": "{years}: inga oppgjeven total; summar over kommunane med tal (med tal/alle kommunar).",
        "en": "{years}: no stated total; sums over the municipalities with figures (with figures/all municipalities).",
    },
    "summed_series": {
        "nb": "Ingen oppgitt total: summer over kommunene med tall (med tall/alle kommuner).",
        "nn": "Ingen oppgjeven total: summar over kommunane med tal (med tal/alle kommunar).",
        "en": "No stated total: sums over the municipalities with figures (with figures/all municipalities).",
    },
    "largest_first": {"nb": "størst først", "nn": "størst først", "en": "largest first"},
    "share_word": {"nb": "Andel", "nn": "Del", "en": "Share"},
    "part_share_title": {
        "nb": "{what}, andel av {whole}",
        "nn": "{what}, del av {whole}",
        "en": "{what}, share of {whole}",
    },
    "smallest_first": {"nb": "minst først", "nn": "minst først", "en": "smallest first"},
    "difference_title": {
        "nb": "Forskjell mellom {what} og {other}",
        "nn": "Skilnad mellom {what} og {other}",
        "en": "Difference between {what} and {other}",
    },
    "ratio_title": {
        "nb": "{what} i forhold til {per}",
        "nn": "{what} i høve til {per}",
        "en": "{what} relative to {per}",
    },
    "bound_above": {"nb": "over {bound}", "nn": "over {bound}", "en": "above {bound}"},
    "bound_at_least": {"nb": "minst {bound}", "nn": "minst {bound}", "en": "at least {bound}"},
    "bound_exactly": {"nb": "akkurat {bound}", "nn": "akkurat {bound}", "en": "exactly {bound}"},
    "bound_below": {"nb": "under {bound}", "nn": "under {bound}", "en": "below {bound}"},
    "none_within": {
        "nb": "Ingen av de {known} med tall er innenfor.",
        "nn": "Ingen av dei {known} med tal er innanfor.",
        "en": "None of the {known} known is within.",
    },
    "years_ranked": {"nb": "år for år", "nn": "år for år", "en": "year by year"},
    "most_in_year": {
        "nb": "Høyest i {year}: <b>{value}</b>",
        "nn": "Høgast i {year}: <b>{value}</b>",
        "en": "Highest in {year}: <b>{value}</b>",
    },
    "first_above": {
        "nb": "Første år over {bound}: {year}, <b>{value}</b>",
        "nn": "Første år over {bound}: {year}, <b>{value}</b>",
        "en": "First year above {bound}: {year}, <b>{value}</b>",
    },
    "none_above": {
        "nb": "Ingen år over {bound}; høyest i {year}: <b>{value}</b>",
        "nn": "Ingen år over {bound}; høgast i {year}: <b>{value}</b>",
        "en": "No year above {bound}; highest in {year}: <b>{value}</b>",
    },
    "fewest_in_year": {
        "nb": "Lavest i {year}: <b>{value}</b>",
        "nn": "Lågast i {year}: <b>{value}</b>",
        "en": "Lowest in {year}: <b>{value}</b>",
    },
    "known_of": {
        "nb": "{known} av {members} kommuner med tall.",
        "nn": "{known} av {members} kommunar med tal.",
        "en": "{known} of {members} municipalities known.",
    },
    "summed": {"nb": "beregnet sum", "nn": "rekna sum", "en": "computed sum"},
    "no_data_at_all": {
        "nb": "Ingen tall for {what}.",
        "nn": "Ingen tal for {what}.",
        "en": "No figures for {what}.",
    },
    "year_heading": {"nb": "År", "nn": "År", "en": "Year"},
    "no_figures_short": {"nb": "ingen tall", "nn": "ingen tal", "en": "no figures"},
    "latest_year": {
        "nb": "Ingen år oppgitt: viser siste år med tall, {year}.",
        "nn": "Inkje år oppgitt: viser siste år med tal, {year}.",
        "en": "No year given: showing the latest year with figures, {year}.",
    },
    "progress_year": {
        "nb": "Siste år med vedtak eller bosatte: {year}.",
        "nn": "Siste år med vedtak eller busette: {year}.",
        "en": "The latest year with a decision or settled count: {year}.",
    },
    "status_title": {"nb": "status {year}", "nn": "status {year}", "en": "status {year}"},
    "status_word": {"nb": "status", "nn": "status", "en": "status"},
    "of_which": {"nb": "herav", "nn": "herav", "en": "of which"},
    "share_settled": {
        "nb": "Bosatt av vedtaket: {share} · gjenstår {remaining}",
        "nn": "Busett av vedtaket: {share} · att {remaining}",
        "en": "Share of the decision settled: {share} · remaining {remaining}",
    },
    "remaining_with_assigned": {
        "nb": " ({remaining} når utsøkte regnes med)",
        "nn": " ({remaining} når utsøkte er rekna med)",
        "en": " ({remaining} counting those assigned)",
    },
    "share_settled_title": {
        "nb": "Bosatt av vedtaket",
        "nn": "Busett av vedtaket",
        "en": "Share of the decision settled",
    },
    "no_intro_results": {
        "nb": "{name} har ingen introresultater i kildene; her er fylkene som har.",
        "nn": "{name} har ingen introresultat i kjeldene; her er fylka som har.",
        "en": "{name} has no intro results in the sources; here are the counties that have.",
    },
    "of_total": {"nb": "av {total}", "nn": "av {total}", "en": "of {total}"},
    "stated_elsewhere": {
        "nb": "Tallet finnes ikke for hele landet; svaret gjelder {name}.",
        "nn": "Talet finst ikkje for heile landet; svaret gjeld {name}.",
        "en": "There is no such figure for the whole country; the answer is for {name}.",
    },
    "grant_rules_title": {
        "nb": "ekstra tilskudd (stimuleringstiltak)",
        "nn": "ekstra tilskot (stimuleringstiltak)",
        "en": "extra grants (incentives)",
    },
    "grant_per_settled_title": {
        "nb": "Ekstra tilskudd per bosatt",
        "nn": "Ekstra tilskot per busett",
        "en": "Extra grant per person settled",
    },
    "grant_supposed_title": {
        "nb": "Ekstra tilskudd for {count} bosatte",
        "nn": "Ekstra tilskot for {count} busette",
        "en": "Extra grant for {count} settled",
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
    "stated_total": {"nb": "oppgitt", "nn": "oppgitt", "en": "stated"},
    "computed_total": {
        "nb": "Beregnet sum: {value} ({known} av {members} kommuner med tall{dates})",
        "nn": "Rekna sum: {value} ({known} av {members} kommunar med tal{dates})",
        "en": "Computed sum: {value} ({known} of {members} municipalities known{dates})",
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
        "nb": "Bruk: /adduser &lt;bruker-ID&gt; [admin]",
        "nn": "Bruk: /adduser &lt;brukar-ID&gt; [admin]",
        "en": "Usage: /adduser &lt;user id&gt; [admin]",
    },
    "removeuser_usage": {
        "nb": "Bruk: /removeuser &lt;bruker-ID&gt;",
        "nn": "Bruk: /removeuser &lt;brukar-ID&gt;",
        "en": "Usage: /removeuser &lt;user id&gt;",
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
    "subscriptions_paused": {
        "nb": "Abonnementene ({count}) er satt på pause.",
        "nn": "Abonnementa ({count}) er sette på pause.",
        "en": "Their subscriptions ({count}) are paused.",
    },
    "resume_offer": {
        "nb": "Abonnementene ({count}) ble satt på pause da tilgangen ble fjernet; brukeren kan starte dem igjen under /subscriptions.",
        "nn": "Abonnementa ({count}) vart sette på pause då tilgangen vart fjerna; brukaren kan starte dei att under /subscriptions.",
        "en": "Their subscriptions ({count}) were paused when access was removed; the user can resume them under /subscriptions.",
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
    "listed_admin": {
        "nb": "Bruker {user_id} står i ADMIN_IDS og forblir administrator. Fjern ID-en der og start boten på nytt; da kan du endre eller fjerne brukeren her.",
        "nn": "Brukar {user_id} står i ADMIN_IDS og blir verande administrator. Fjern ID-en der og start boten på nytt; då kan du endre eller fjerne brukaren her.",
        "en": "User {user_id} is listed in ADMIN_IDS and stays an admin. Remove the id there and restart the bot; then you can change or remove the user here.",
    },
    "users_title": {
        "nb": "Brukere med tilgang:",
        "nn": "Brukarar med tilgang:",
        "en": "Users with access:",
    },
    # Admins keep the figures current: /set, uploads, /undo, /changes, /history, /export.
    "imp_too_big": {
        "nb": "filen er {size} MB; grensen er {limit} MB",
        "nn": "fila er {size} MB; grensa er {limit} MB",
        "en": "the file is {size} MB; the limit is {limit} MB",
    },
    "imp_empty": {"nb": "filen er tom", "nn": "fila er tom", "en": "the file is empty"},
    "imp_no_rows": {
        "nb": "tabellen har overskrifter, men ingen rader",
        "nn": "tabellen har overskrifter, men ingen rader",
        "en": "the table has headings but no rows",
    },
    "imp_file_type": {
        "nb": "filtypen «{ending}» leses ikke; send .xlsx eller .csv",
        "nn": "filtypen «{ending}» blir ikkje lesen; send .xlsx eller .csv",
        "en": "files ending in «{ending}» are not read; send .xlsx or .csv",
    },
    "imp_encoding": {
        "nb": "teksten er ikke UTF-8 eller ISO-8859-1 (feil tegnkoding, eller ikke en tekstfil)",
        "nn": "teksten er ikkje UTF-8 eller ISO-8859-1 (feil teiknkoding, eller ikkje ei tekstfil)",
        "en": "the text is neither UTF-8 nor ISO-8859-1 (wrong encoding, or not a text file)",
    },
    "imp_malformed": {
        "nb": "CSV-filen er ødelagt: {reason}",
        "nn": "CSV-fila er øydelagd: {reason}",
        "en": "the CSV file is malformed: {reason}",
    },
    "imp_too_many_rows": {
        "nb": "filen har flere enn {limit} rader",
        "nn": "fila har fleire enn {limit} rader",
        "en": "the file has more than {limit} rows",
    },
    "imp_too_many_columns": {
        "nb": "filen har flere enn {limit} kolonner",
        "nn": "fila har fleire enn {limit} kolonnar",
        "en": "the file has more than {limit} columns",
    },
    "other_source": {
        "nb": "↳ {measure} ifølge en annen kilde: {value}",
        "nn": "↳ {measure} ifølgje ei anna kjelde: {value}",
        "en": "↳ {measure} according to another source: {value}",
    },
    "digest_other_source": {
        "nb": "↳ {place}, {measure} ifølge en annen kilde: {value} ({source})",
        "nn": "↳ {place}, {measure} ifølgje ei anna kjelde: {value} ({source})",
        "en": "↳ {place}, {measure} according to another source: {value} ({source})",
    },
    "refresh_saved": {
        "nb": "<b>IMDis statistikk er hentet og lagret</b> (endring #{change}; /undo {change} angrer).",
        "nn": "<b>IMDi sin statistikk er henta og lagra</b> (endring #{change}; /undo {change} angrar).",
        "en": "<b>IMDi's statistics were fetched and saved</b> (change #{change}; /undo {change} undoes it).",
    },
    "refresh_nothing": {
        "nb": "IMDis statistikk er hentet: ingenting nytt ({unchanged} tall uendret).",
        "nn": "IMDi sin statistikk er henta: ingenting nytt ({unchanged} tal uendra).",
        "en": "IMDi's statistics were fetched: nothing new ({unchanged} figures unchanged).",
    },
    "refresh_errors": {
        "nb": "<b>IMDis statistikk er ikke lagret</b>: {count} feil i filen. Ingenting er endret.",
        "nn": "<b>IMDi sin statistikk er ikkje lagra</b>: {count} feil i fila. Ingenting er endra.",
        "en": "<b>IMDi's statistics were not saved</b>: {count} errors in the file. Nothing changed.",
    },
    "refresh_download": {
        "nb": "<b>IMDis statistikk kunne ikke hentes</b> ({reason}). Ingenting er endret; jeg prøver igjen i morgen.",
        "nn": "<b>IMDi sin statistikk kunne ikkje hentast</b> ({reason}). Ingenting er endra; eg prøver igjen i morgon.",
        "en": "<b>IMDi's statistics could not be fetched</b> ({reason}). Nothing changed; I will try again tomorrow.",
    },
    "refresh_refused": {
        "nb": "<b>IMDis statistikk kunne ikke leses</b>: {reason}. Har IMDi endret filen? Ingenting er endret.",
        "nn": "<b>IMDi sin statistikk kunne ikkje lesast</b>: {reason}. Har IMDi endra fila? Ingenting er endra.",
        "en": "<b>IMDi's statistics could not be read</b>: {reason}. Has IMDi changed the file? Nothing changed.",
    },
    "refresh_layout": {
        "nb": "<b>IMDis statistikk har fått en ny utforming</b>: filen er ikke lenger IMDis lange CSV. Ingenting er endret; sjekk IMDI_CSV_URL.",
        "nn": "<b>IMDi sin statistikk har fått ei ny utforming</b>: fila er ikkje lenger IMDi sin lange CSV. Ingenting er endra; sjekk IMDI_CSV_URL.",
        "en": "<b>IMDi's statistics have a new layout</b>: the file is no longer IMDi's long CSV. Nothing changed; check IMDI_CSV_URL.",
    },
    "imp_too_many_cells": {
        "nb": "filen har flere enn {limit} celler",
        "nn": "fila har fleire enn {limit} celler",
        "en": "the file has more than {limit} cells",
    },
    "imp_percent_differs": {
        "nb": "{place} {year}: IMDi oppgir {imdi} %, men antallet er {own} % av anmodningen",
        "nn": "{place} {year}: IMDi oppgir {imdi} %, men talet er {own} % av oppmodinga",
        "en": "{place} {year}: IMDi gives {imdi} %, but the count is {own} % of the request",
    },
    "imp_unknown_code": {
        "nb": "ukjent kommunenummer «{place}» (IMDis 9999, eller et nummer registeret ikke kjenner); hoppet over",
        "nn": "ukjent kommunenummer «{place}» (IMDi sitt 9999, eller eit nummer registeret ikkje kjenner); hoppa over",
        "en": "unknown municipality number «{place}» (IMDi's 9999, or a number the register does not know); skipped",
    },
    "imp_cell_too_long": {
        "nb": "cellen {cell} har mer enn {limit} tegn, mer enn noen celle i en tabell over tall",
        "nn": "cella {cell} har meir enn {limit} teikn, meir enn nokon celle i ein tabell over tal",
        "en": "cell {cell} holds more than {limit} characters, more than any cell of a table of figures",
    },
    "imp_damaged": {
        "nb": "regnearket er skadet (innholdet stemmer ikke med kontrollsummen); lagre det på nytt og send det igjen",
        "nn": "reknearket er skadd (innhaldet stemmer ikkje med kontrollsummen); lagre det på nytt og send det igjen",
        "en": "the spreadsheet is damaged (its contents do not match their checksum); save it again and resend it",
    },
    "imp_unsafe_archive": {
        "nb": "regnearket er et utrygt arkiv: størrelsene det oppgir, stemmer ikke med innholdet",
        "nn": "reknearket er eit utrygt arkiv: storleikane det oppgir, stemmer ikkje med innhaldet",
        "en": "the spreadsheet is an unsafe archive: the sizes it declares do not match its contents",
    },
    "imp_broken_xlsx": {
        "nb": "regnearket kan ikke åpnes (ødelagt xlsx-fil)",
        "nn": "reknearket kan ikkje opnast (øydelagd xlsx-fil)",
        "en": "the spreadsheet cannot be opened (broken xlsx file)",
    },
    "imp_zip_bomb": {
        "nb": "regnearket pakker seg ut til mye mer enn en tabell (mulig zip-bombe)",
        "nn": "reknearket pakkar seg ut til mykje meir enn ein tabell (mogleg zip-bombe)",
        "en": "the spreadsheet unpacks to far more than a table (possible zip bomb)",
    },
    "imp_macros": {
        "nb": "regnearket inneholder makroer eller ActiveX; lagre det som vanlig .xlsx uten makroer",
        "nn": "reknearket inneheld makroar eller ActiveX; lagre det som vanleg .xlsx utan makroar",
        "en": "the spreadsheet contains macros or ActiveX; save it as a plain .xlsx without macros",
    },
    "imp_xml_entities": {
        "nb": "regnearket inneholder XML-entiteter, som et vanlig regneark aldri har",
        "nn": "reknearket inneheld XML-entitetar, som eit vanleg rekneark aldri har",
        "en": "the spreadsheet contains XML entities, which a normal spreadsheet never has",
    },
    "imp_merged": {
        "nb": "sammenslåtte celler i tabellen (ved {cell}); del dem opp og send på nytt",
        "nn": "samanslegne celler i tabellen (ved {cell}); del dei opp og send på nytt",
        "en": "merged cells in the table (at {cell}); unmerge them and send it again",
    },
    "imp_formula": {
        "nb": "cellen {cell} har en formel; lim inn verdiene i stedet for formlene",
        "nn": "cella {cell} har ein formel; lim inn verdiane i staden for formlane",
        "en": "cell {cell} holds a formula; paste the values instead of the formulas",
    },
    "imp_columns": {
        "nb": "fant ingen kjent overskriftsrad. Jeg leser eksportformatet (area_code, year, measure, group, value, as_of), IMDis statistikk (Kommunenummer;Kommune;Bosetting;Enhet;År;Antall, i hvilken som helst rekkefølge; Kommune,År,Kategori,Antall; tabellverktøyets Region;Navn;Bosetting: …) og tabeller med en kommunekolonne og kolonner som «Anmodning 2016», «inkl EM», «Vedtak 2015», «Antall bosatte pr 10.12»",
        "nn": "fann inga kjend overskriftsrad. Eg les eksportformatet (area_code, year, measure, group, value, as_of), IMDi sin statistikk (Kommunenummer;Kommune;Bosetting;Enhet;År;Antall, i kva rekkjefølgje som helst; Kommune,År,Kategori,Antall; tabellverktøyet sitt Region;Navn;Bosetting: …) og tabellar med ein kommunekolonne og kolonnar som «Anmodning 2016», «inkl EM», «Vedtak 2015», «Antall bosatte pr 10.12»",
        "en": "no known heading row found. I read the export format (area_code, year, measure, group, value, as_of), IMDi's statistics (Kommunenummer;Kommune;Bosetting;Enhet;År;Antall, in any column order; Kommune,År,Kategori,Antall; the table tool's Region;Navn;Bosetting: …) and tables with a municipality column and columns such as «Anmodning 2016», «inkl EM», «Vedtak 2015», «Antall bosatte pr 10.12»",
    },
    "imp_pending": {
        "nb": "«{text}» er ikke et tall; lest som ikke vedtatt ennå",
        "nn": "«{text}» er ikkje eit tal; lese som ikkje vedteke enno",
        "en": "«{text}» is not a number; read as not decided yet",
    },
    "imp_not_number": {
        "nb": "«{text}» er ikke et tall",
        "nn": "«{text}» er ikkje eit tal",
        "en": "«{text}» is not a number",
    },
    "imp_negative": {
        "nb": "«{text}» er negativt",
        "nn": "«{text}» er negativt",
        "en": "«{text}» is negative",
    },
    "imp_too_large": {
        "nb": "«{text}» er urimelig stort (høyst {limit})",
        "nn": "«{text}» er urimeleg stort (høgst {limit})",
        "en": "«{text}» is implausibly large (at most {limit})",
    },
    "imp_not_digits": {
        "nb": "«{text}» er ikke skrevet med sifre (skriv f.eks. 1 234)",
        "nn": "«{text}» er ikkje skrive med siffer (skriv t.d. 1 234)",
        "en": "«{text}» is not written in digits (write e.g. 1 234)",
    },
    "imp_not_whole": {
        "nb": "«{text}» er ikke et helt tall",
        "nn": "«{text}» er ikkje eit heilt tal",
        "en": "«{text}» is not a whole number",
    },
    "imp_bad_year": {
        "nb": "«{text}» er ikke et årstall",
        "nn": "«{text}» er ikkje eit årstal",
        "en": "«{text}» is not a year",
    },
    "imp_bad_date": {
        "nb": "«{text}» er ikke en dato",
        "nn": "«{text}» er ikkje ein dato",
        "en": "«{text}» is not a date",
    },
    "imp_unknown_measure": {
        "nb": "ukjent måltall «{text}»",
        "nn": "ukjent måltal «{text}»",
        "en": "unknown measure «{text}»",
    },
    "imp_sheet_ignored": {
        "nb": "bare første ark er lest; arket «{sheet}» er ikke lest (send det som egen fil)",
        "nn": "berre første ark er lese; arket «{sheet}» er ikkje lese (send det som eiga fil)",
        "en": "only the first sheet is read; sheet «{sheet}» is not (send it as a file of its own)",
    },
    "imp_column_ignored": {
        "nb": "kolonnen «{column}» er ikke lest",
        "nn": "kolonnen «{column}» er ikkje lesen",
        "en": "column «{column}» is not read",
    },
    "imp_total_row": {
        "nb": "summeringsraden «{place}» er hoppet over",
        "nn": "summeringsrada «{place}» er hoppa over",
        "en": "total row «{place}» skipped",
    },
    "imp_stated_total": {
        "nb": "«{place}» er ikke en kommune; tallene lagres som stedets oppgitte total (sjekk at raden ikke er en delsum)",
        "nn": "«{place}» er ikkje ein kommune; tala blir lagra som totalen staden har oppgitt (sjekk at rada ikkje er ein delsum)",
        "en": "«{place}» is not a municipality; its figures are stored as that place's stated total (check the row is not a partial sum)",
    },
    "imp_impossible_year": {
        "nb": "året {year} er umulig",
        "nn": "året {year} er umogleg",
        "en": "the year {year} is impossible",
    },
    "imp_impossible_year_column": {
        "nb": "kolonnen «{column}» gjelder året {year}, som er umulig; rett overskriften",
        "nn": "kolonnen «{column}» gjeld året {year}, som er umogleg; rett overskrifta",
        "en": "column «{column}» is for the year {year}, which is impossible; correct the heading",
    },
    "imp_future_date_column": {
        "nb": "kolonnen «{column}» er datert {date}, i framtiden",
        "nn": "kolonnen «{column}» er datert {date}, i framtida",
        "en": "column «{column}» is dated {date}, in the future",
    },
    "imp_future_date": {
        "nb": "datoen {date} er i framtiden",
        "nn": "datoen {date} er i framtida",
        "en": "the date {date} is in the future",
    },
    "imp_unknown_place": {
        "nb": "ukjent sted «{place}»",
        "nn": "ukjend stad «{place}»",
        "en": "unknown place «{place}»",
    },
    "imp_unknown_place_like": {
        "nb": "ukjent sted «{place}» (mente du {suggestions}?)",
        "nn": "ukjend stad «{place}» (meinte du {suggestions}?)",
        "en": "unknown place «{place}» (did you mean {suggestions}?)",
    },
    "imp_ambiguous_place": {
        "nb": "«{place}» kan være flere steder: {places}; bruk kommunenummeret",
        "nn": "«{place}» kan vere fleire stader: {places}; bruk kommunenummeret",
        "en": "«{place}» could be several places: {places}; use the municipality number",
    },
    "imp_duplicate": {
        "nb": "samme tall som rad {first}",
        "nn": "same tal som rad {first}",
        "en": "the same figure as row {first}",
    },
    "imp_em_above_total": {
        "nb": "EM ({part}) er flere enn totalen ({whole})",
        "nn": "EM ({part}) er fleire enn totalen ({whole})",
        "en": "unaccompanied minors ({part}) exceed the total ({whole})",
    },
    "imp_under_15_above_em": {
        "nb": "EM under 15 år ({part}) er flere enn EM ({whole})",
        "nn": "EM under 15 år ({part}) er fleire enn EM ({whole})",
        "en": "minors under 15 ({part}) exceed all unaccompanied minors ({whole})",
    },
    "imp_decided_above_request": {
        "nb": "vedtaket ({decided}) er høyere enn anmodningen ({requested})",
        "nn": "vedtaket ({decided}) er høgare enn oppmodinga ({requested})",
        "en": "the decision ({decided}) is above the request ({requested})",
    },
    "imp_refused": {
        "nb": "Filen «{filename}» ble ikke lest: {reason}. Ingenting er endret.",
        "nn": "Fila «{filename}» vart ikkje lesen: {reason}. Ingenting er endra.",
        "en": "The file «{filename}» was not read: {reason}. Nothing was changed.",
    },
    "imp_reading": {
        "nb": "Leser «{filename}» …",
        "nn": "Les «{filename}» …",
        "en": "Reading «{filename}» …",
    },
    "imp_checking": {
        "nb": "Sjekker {rows} tall mot registeret og databasen …",
        "nn": "Sjekkar {rows} tal mot registeret og databasen …",
        "en": "Checking {rows} figures against the register and the database …",
    },
    "imp_preview_title": {
        "nb": "Forhåndsvisning av «{filename}» ({kind})",
        "nn": "Førehandsvising av «{filename}» ({kind})",
        "en": "Preview of «{filename}» ({kind})",
    },
    "imp_kind_export": {"nb": "eksportformat", "nn": "eksportformat", "en": "export format"},
    "imp_kind_imdi": {"nb": "IMDis statistikk", "nn": "IMDi sin statistikk", "en": "IMDi's statistics"},
    "imp_kind_imdi_table": {
        "nb": "IMDis tabellverktøy",
        "nn": "IMDi sitt tabellverktøy",
        "en": "IMDi's table tool",
    },
    "imp_kind_table": {
        "nb": "tabell per kommune",
        "nn": "tabell per kommune",
        "en": "table per municipality",
    },
    "imp_counts": {
        "nb": "{rows} tall lest: {new} nye, {changed} endret, {unchanged} uendret, {earlier} eldre (lagres som historikk)",
        "nn": "{rows} tal lesne: {new} nye, {changed} endra, {unchanged} uendra, {earlier} eldre (blir lagra som historikk)",
        "en": "{rows} figures read: {new} new, {changed} changed, {unchanged} unchanged, {earlier} earlier (kept as history)",
    },
    "imp_largest": {"nb": "Største endringer", "nn": "Største endringar", "en": "Largest changes"},
    "imp_errors": {"nb": "Feil ({count})", "nn": "Feil ({count})", "en": "Errors ({count})"},
    "imp_warnings": {"nb": "Merknader ({count})", "nn": "Merknader ({count})", "en": "Warnings ({count})"},
    "imp_row": {"nb": "rad", "nn": "rad", "en": "row"},
    "imp_rows": {"nb": "rad", "nn": "rad", "en": "rows"},
    "imp_whole_file": {"nb": "filen", "nn": "fila", "en": "file"},
    "imp_rows_more": {
        "nb": "{rows} og {more} til",
        "nn": "{rows} og {more} til",
        "en": "{rows} and {more} more",
    },
    "imp_in_column": {"nb": " i «{column}»", "nn": " i «{column}»", "en": " in «{column}»"},
    "imp_other_values": {
        "nb": " (og andre verdier; se listen)",
        "nn": " (og andre verdiar; sjå lista)",
        "en": " (and other values; see the list)",
    },
    "imp_more_kinds": {
        "nb": "• og {kinds} andre slags problemer ({count} i alt); se listen",
        "nn": "• og {kinds} andre slag problem ({count} i alt); sjå lista",
        "en": "• and {kinds} other kinds of problems ({count} in all); see the list",
    },
    "imp_list_caption": {
        "nb": "Alle {count} feil og merknader i «{filename}», én per linje: rad, kolonne, verdi, problem.",
        "nn": "Alle {count} feil og merknader i «{filename}», éin per linje: rad, kolonne, verdi, problem.",
        "en": "All {count} errors and warnings in «{filename}», one per line: row, column, value, problem.",
    },
    "imp_list_columns": {
        "nb": "rad,kolonne,verdi,problem",
        "nn": "rad,kolonne,verdi,problem",
        "en": "row,column,value,problem",
    },
    "imp_list_name": {"nb": "problemer", "nn": "problem", "en": "problems"},
    "imp_list_unlisted": {
        "nb": "… og {count} til av samme slag som over, ikke listet én for én",
        "nn": "… og {count} til av same slag som over, ikkje lista éin for éin",
        "en": "… and {count} more of the kinds above, not listed one by one",
    },
    "imp_blocked": {
        "nb": "Ingenting er endret. Rett feilene og send filen på nytt.",
        "nn": "Ingenting er endra. Rett feila og send fila på nytt.",
        "en": "Nothing was changed. Fix the errors and send the file again.",
    },
    "imp_nothing": {
        "nb": "Alt stemmer allerede med databasen; ingenting å lagre.",
        "nn": "Alt stemmer alt med databasen; ingenting å lagre.",
        "en": "Everything already matches the database; nothing to save.",
    },
    "imp_confirm": {
        "nb": "Lagre endringene?",
        "nn": "Lagre endringane?",
        "en": "Save the changes?",
    },
    "imp_yes": {"nb": "✅ Lagre", "nn": "✅ Lagre", "en": "✅ Save"},
    "imp_no": {"nb": "✖️ Avbryt", "nn": "✖️ Avbryt", "en": "✖️ Cancel"},
    "imp_applied": {
        "nb": "Lagret som endring #{change}: {new} nye, {changed} endret, {earlier} eldre. Angre med /undo {change}.",
        "nn": "Lagra som endring #{change}: {new} nye, {changed} endra, {earlier} eldre. Angre med /undo {change}.",
        "en": "Saved as change #{change}: {new} new, {changed} changed, {earlier} earlier. Undo with /undo {change}.",
    },
    "imp_cancelled": {
        "nb": "Avbrutt; ingenting er endret.",
        "nn": "Avbrote; ingenting er endra.",
        "en": "Cancelled; nothing was changed.",
    },
    "imp_expired": {
        "nb": "Denne forhåndsvisningen er utløpt eller allerede brukt; send filen eller kommandoen på nytt.",
        "nn": "Denne førehandsvisinga er gått ut eller alt brukt; send fila eller kommandoen på nytt.",
        "en": "This preview has expired or was already used; send the file or command again.",
    },
    "imp_not_yours": {
        "nb": "Bare administratoren som laget denne forhåndsvisningen, kan lagre eller avbryte den.",
        "nn": "Berre administratoren som laga denne førehandsvisinga, kan lagre eller avbryte ho.",
        "en": "Only the admin who made this preview can save or cancel it.",
    },
    "imp_stale": {
        "nb": "Tallene er endret etter denne forhåndsvisningen, så ingenting er lagret. Send filen eller kommandoen på nytt for å sjekke den mot dem.",
        "nn": "Tala er endra etter denne førehandsvisinga, så ingenting er lagra. Send fila eller kommandoen på nytt for å sjekke ho mot dei.",
        "en": "The figures changed after this preview, so nothing was saved. Send the file or command again to check it against them.",
    },
    "imp_already_saved": {
        "nb": "Denne forhåndsvisningen er allerede lagret som endring #{change}.",
        "nn": "Denne førehandsvisinga er alt lagra som endring #{change}.",
        "en": "This preview was already saved as change #{change}.",
    },
    "imp_already_cancelled": {
        "nb": "Denne forhåndsvisningen er allerede avbrutt; ingenting er endret.",
        "nn": "Denne førehandsvisinga er alt avbroten; ingenting er endra.",
        "en": "This preview was already cancelled; nothing was changed.",
    },
    "imp_needs_date": {
        "nb": "«{filename}» sier ikke hvilken dato tallene gjelder per. Svar med datoen, f.eks. 10.12.2015.",
        "nn": "«{filename}» seier ikkje kva dato tala gjeld per. Svar med datoen, t.d. 10.12.2015.",
        "en": "«{filename}» does not say which date the figures are as of. Reply with the date, e.g. 10.12.2015.",
    },
    "set_usage": {
        "nb": "Bruk: /set &lt;sted&gt; &lt;år&gt; &lt;måltall&gt; [gruppe] &lt;verdi&gt; [dato], f.eks. <code>/set Trondheim 2015 bosatt 410</code>",
        "nn": "Bruk: /set &lt;stad&gt; &lt;år&gt; &lt;måltal&gt; [gruppe] &lt;verdi&gt; [dato], t.d. <code>/set Trondheim 2015 busett 410</code>",
        "en": "Usage: /set &lt;place&gt; &lt;year&gt; &lt;measure&gt; [group] &lt;value&gt; [as-of date], e.g. <code>/set Trondheim 2015 settled 410</code>",
    },
    "set_preview": {
        "nb": "{place} {year} · {measure} ({group}): {old} → {new}, per {date}",
        "nn": "{place} {year} · {measure} ({group}): {old} → {new}, per {date}",
        "en": "{place} {year} · {measure} ({group}): {old} → {new}, as of {date}",
    },
    "set_blocked": {
        "nb": "Ingenting er endret.",
        "nn": "Ingenting er endra.",
        "en": "Nothing was changed.",
    },
    "set_earlier": {
        "nb": "Datoen er eldre enn det gjeldende tallet ({old} per {current}); det lagres som historikk.",
        "nn": "Datoen er eldre enn det gjeldande talet ({old} per {current}); det blir lagra som historikk.",
        "en": "The date is older than the current figure ({old} as of {current}); it is kept as history.",
    },
    "undo_done": {
        "nb": "Endring #{change} er angret ({count} tall trukket tilbake); angringen er logget som #{undo}.",
        "nn": "Endring #{change} er angra ({count} tal trekte tilbake); angringa er logga som #{undo}.",
        "en": "Change #{change} is undone ({count} figures retracted); the undo is logged as #{undo}.",
    },
    "undo_nothing": {
        "nb": "Fant ingen endring av tall å angre.",
        "nn": "Fann inga endring av tal å angre.",
        "en": "No change of figures to undo.",
    },
    "undo_usage": {
        "nb": "Bruk: /undo (din siste endring) eller /undo &lt;endrings-ID&gt;",
        "nn": "Bruk: /undo (den siste endringa di) eller /undo &lt;endrings-ID&gt;",
        "en": "Usage: /undo (your last change) or /undo &lt;change id&gt;",
    },
    "changes_title": {
        "nb": "Siste endringer:",
        "nn": "Siste endringar:",
        "en": "Recent changes:",
    },
    "changes_undone": {"nb": "angret av #{undo}", "nn": "angra av #{undo}", "en": "undone by #{undo}"},
    "history_title": {
        "nb": "Alle oppgaver av {what}:",
        "nn": "Alle oppgåver av {what}:",
        "en": "Every statement of {what}:",
    },
    "history_none": {
        "nb": "Ingen tall er lagret for {what}.",
        "nn": "Ingen tal er lagra for {what}.",
        "en": "No figures are stored for {what}.",
    },
    "export_caption": {
        "nb": "{rows} rader, per {date}. Rediger og send filen tilbake for å oppdatere tallene.",
        "nn": "{rows} rader, per {date}. Rediger og send fila tilbake for å oppdatere tala.",
        "en": "{rows} rows, as of {date}. Edit it and send it back to update the figures.",
    },
    "members_only": {
        "nb": "Bare brukere som er lagt til av en administrator, kan gjøre dette.",
        "nn": "Berre brukarar som er lagde til av ein administrator, kan gjere dette.",
        "en": "Only users added by an admin can do this.",
    },
    "export_usage": {
        "nb": "Bruk: /export [xlsx|csv] [historikk]",
        "nn": "Bruk: /export [xlsx|csv] [historikk]",
        "en": "Usage: /export [xlsx|csv] [history]",
    },
    "digest_title": {
        "nb": "Ukeoversikt {scope}, uke {week} {year}",
        "nn": "Vekeoversikt {scope}, veke {week} {year}",
        "en": "Weekly digest {scope}, week {week} {year}",
    },
    "digest_earlier_year": {
        "nb": "Ingen tall for {year} ennå; tallene under gjelder {shown}, det siste året med tall.",
        "nn": "Ingen tal for {year} enno; tala under gjeld {shown}, det siste året med tal.",
        "en": "No figures for {year} yet; the figures below are for {shown}, the latest year with figures.",
    },
    "digest_own_list": {"nb": "mine steder", "nn": "stadene mine", "en": "my places"},
    "digest_no_figures": {
        "nb": "Ingen tall for {year} ennå.",
        "nn": "Ingen tal for {year} enno.",
        "en": "No figures for {year} yet.",
    },
    "digest_more": {
        "nb": "… og {count} steder til",
        "nn": "… og {count} stader til",
        "en": "… and {count} more places",
    },
    "digest_new": {"nb": "ny", "nn": "ny", "en": "new"},
    "digest_changes": {
        "nb": "Endringer siden {date}",
        "nn": "Endringar sidan {date}",
        "en": "Changes since {date}",
    },
    "digest_none": {"nb": "ingen", "nn": "ingen", "en": "none"},
    "digest_behind": {
        "nb": "Bak tempo (bosatt under {share} av vedtaket, den delen av året som er gått)",
        "nn": "Bak tempo (busett under {share} av vedtaket, den delen av året som er gått)",
        "en": "Behind pace (settled below {share} of the decision, the share of the year gone by)",
    },
    "digest_behind_year_over": {
        "nb": "Under vedtaket (bosatt mindre enn vedtaket for {year})",
        "nn": "Under vedtaket (busett mindre enn vedtaket for {year})",
        "en": "Below the decision (settled less than decided for {year})",
    },
    "digest_new_decisions": {
        "nb": "Nye vedtak denne uken",
        "nn": "Nye vedtak denne veka",
        "en": "New decisions this week",
    },
    "digest_updated": {
        "nb": "Oppdaterte tall denne uken: {count}",
        "nn": "Oppdaterte tal denne veka: {count}",
        "en": "Figures updated this week: {count}",
    },
    "digest_unchanged": {
        "nb": "Ingen endringer for {scope} siden {date}.",
        "nn": "Ingen endringar for {scope} sidan {date}.",
        "en": "No changes for {scope} since {date}.",
    },
    "digest_chart_title": {
        "nb": "Bosatt av vedtaket, {scope} {year}",
        "nn": "Busett av vedtaket, {scope} {year}",
        "en": "Share of the decision settled, {scope} {year}",
    },
    "digest_pace": {"nb": "del av året", "nn": "del av året", "en": "share of the year"},
    "digest_chart_caption": {
        "nb": "Bosatt av vedtaket per sted",
        "nn": "Busett av vedtaket per stad",
        "en": "Share of the decision settled per place",
    },
    "subscribe_usage": {
        "nb": "Bruk: /subscribe &lt;sted, eller flere steder med komma&gt; [ukedag] [TT:MM], f.eks. <code>/subscribe Trøndelag mandag 08:00</code>",
        "nn": "Bruk: /subscribe &lt;stad, eller fleire stader med komma&gt; [vekedag] [TT:MM], t.d. <code>/subscribe Trøndelag måndag 08:00</code>",
        "en": "Usage: /subscribe &lt;place, or several places with commas&gt; [weekday] [HH:MM], e.g. <code>/subscribe Trøndelag monday 08:00</code>",
    },
    "subscribe_unknown": {
        "nb": "Fant ikke «{text}» som ett sted. Skriv navnet eller nummeret.",
        "nn": "Fann ikkje «{text}» som éin stad. Skriv namnet eller nummeret.",
        "en": "Could not find «{text}» as one place. Write its name or number.",
    },
    "subscribed": {
        "nb": "Abonnement {id}: {scope}, hver {day} kl. {time}. Neste: {next}.",
        "nn": "Abonnement {id}: {scope}, kvar {day} kl. {time}. Neste: {next}.",
        "en": "Subscription {id}: {scope}, every {day} at {time}. Next: {next}.",
    },
    "no_subscriptions": {
        "nb": "Du har ingen abonnementer. Bruk /subscribe.",
        "nn": "Du har ingen abonnement. Bruk /subscribe.",
        "en": "You have no subscriptions. Use /subscribe.",
    },
    "subscriptions_title": {
        "nb": "Dine abonnementer (samme sted med ny dag eller tid i /subscribe endrer det):",
        "nn": "Abonnementa dine (same stad med ny dag eller tid i /subscribe endrar det):",
        "en": "Your subscriptions (/subscribe the same place with another day or time to change one):",
    },
    "subscription_line": {
        "nb": "{id}. {scope} · {day} kl. {time}{flags}",
        "nn": "{id}. {scope} · {day} kl. {time}{flags}",
        "en": "{id}. {scope} · {day} at {time}{flags}",
    },
    "quiet_flag": {
        "nb": " · ingen melding uten endringer",
        "nn": " · inga melding utan endringar",
        "en": " · no message when unchanged",
    },
    "group_flag": {"nb": " · til en gruppe", "nn": " · til ei gruppe", "en": " · to a group"},
    "paused_flag": {"nb": " · pauset ({reason})", "nn": " · pausa ({reason})", "en": " · paused ({reason})"},
    "button_remove": {"nb": "Fjern {id}", "nn": "Fjern {id}", "en": "Remove {id}"},
    "button_quiet": {"nb": "Stille/varsle {id}", "nn": "Stille/varsle {id}", "en": "Quiet/note {id}"},
    "button_pause": {"nb": "Pause/fortsett {id}", "nn": "Pause/hald fram {id}", "en": "Pause/resume {id}"},
    "unsubscribed": {
        "nb": "Abonnement {id} er fjernet.",
        "nn": "Abonnement {id} er fjerna.",
        "en": "Subscription {id} removed.",
    },
    "unsubscribe_usage": {
        "nb": "Bruk: /unsubscribe &lt;nummer&gt; (se /subscriptions)",
        "nn": "Bruk: /unsubscribe &lt;nummer&gt; (sjå /subscriptions)",
        "en": "Usage: /unsubscribe &lt;number&gt; (see /subscriptions)",
    },
    "subscription_unknown": {
        "nb": "Du har ikke abonnement {id}.",
        "nn": "Du har ikkje abonnement {id}.",
        "en": "You have no subscription {id}.",
    },
    "quiet_on": {
        "nb": "Abonnement {id}: ingen melding når ingenting er endret.",
        "nn": "Abonnement {id}: inga melding når ingenting er endra.",
        "en": "Subscription {id}: no message when nothing changed.",
    },
    "quiet_off": {
        "nb": "Abonnement {id}: en kort linje når ingenting er endret.",
        "nn": "Abonnement {id}: ei kort linje når ingenting er endra.",
        "en": "Subscription {id}: a one-line note when nothing changed.",
    },
    "paused": {
        "nb": "Abonnement {id} er satt på pause.",
        "nn": "Abonnement {id} er sett på pause.",
        "en": "Subscription {id} is paused.",
    },
    "resumed": {
        "nb": "Abonnement {id} er i gang igjen.",
        "nn": "Abonnement {id} er i gang att.",
        "en": "Subscription {id} is running again.",
    },
    "paused_by_user": {"nb": "pauset av deg", "nn": "pausa av deg", "en": "paused by you"},
    "group_anonymous": {
        "nb": "Du skriver anonymt som gruppen, så jeg kan ikke se hvem du er. Slå av «Forbli anonym» i "
        "administratorrettighetene dine, og send kommandoen på nytt.",
        "nn": "Du skriv anonymt som gruppa, så eg kan ikkje sjå kven du er. Slå av «Ver anonym» i "
        "administratorrettane dine, og send kommandoen på nytt.",
        "en": "You are writing anonymously as the group, so I cannot tell who you are. Turn off "
        "“Remain anonymous” in your admin rights and send the command again.",
    },
    "paused_access_removed": {
        "nb": "tilgangen ble fjernet",
        "nn": "tilgangen vart fjerna",
        "en": "access was removed",
    },
    "paused_left_group": {
        "nb": "boten forlot gruppen",
        "nn": "boten forlét gruppa",
        "en": "the bot left the group",
    },
    "paused_blocked": {
        "nb": "chatten har blokkert boten",
        "nn": "chatten har blokkert boten",
        "en": "the chat blocked the bot",
    },
    "digest_usage": {
        "nb": "Bruk: /digest [sted]; uten sted vises ukeoversikten for abonnementene dine.",
        "nn": "Bruk: /digest [stad]; utan stad blir vekeoversikta for abonnementa dine vist.",
        "en": "Usage: /digest [place]; without a place, the digest of your subscriptions.",
    },
    "deliveries_title": {
        "nb": "Siste utsendinger (periode: sendt · hoppet over · feilet · blokkert · i kø · sendes · uvisst):",
        "nn": "Siste utsendingar (periode: sendt · hoppa over · feila · blokkert · i kø · blir sendt · uvisst):",
        "en": "Latest deliveries (period: sent · skipped · failed · blocked · queued · sending · unknown):",
    },
    "deliveries_problems": {
        "nb": "Siste problemer:",
        "nn": "Siste problem:",
        "en": "Latest problems:",
    },
    "no_deliveries": {
        "nb": "Ingen utsendinger ennå.",
        "nn": "Ingen utsendingar enno.",
        "en": "No deliveries yet.",
    },
    "button_unknown": {
        "nb": "Denne knappen er ikke gyldig (lenger). Spør på nytt.",
        "nn": "Denne knappen er ikkje gyldig (lenger). Spør på nytt.",
        "en": "This button is not valid (any more). Please ask again.",
    },
    "too_many_places": {
        "nb": "Høyst {most} steder om gangen.",
        "nn": "Høgst {most} stader om gongen.",
        "en": "At most {most} places at a time.",
    },
    "resending": {
        "nb": "Sender {count} ukeoversikter med uvisst utfall i {period} på nytt. Noen kan ha kommet fram alt og kommer da to ganger. Se /deliveries.",
        "nn": "Sender {count} vekeoversikter med uvisst utfall i {period} på nytt. Nokre kan ha kome fram alt og kjem då to gonger. Sjå /deliveries.",
        "en": "Sending {count} digests of unknown outcome in {period} again. Some may have arrived already and will then arrive twice. See /deliveries.",
    },
    "resend_none": {
        "nb": "Ingen ukeoversikter med uvisst utfall i {period}.",
        "nn": "Ingen vekeoversikter med uvisst utfall i {period}.",
        "en": "No digests of unknown outcome in {period}.",
    },
    "resend_needs_bot": {
        "nb": "Bare boten som kjører på Telegram kan sende på nytt.",
        "nn": "Berre boten som køyrer på Telegram kan sende på nytt.",
        "en": "Only the bot running on Telegram can send again.",
    },
    "private_only": {
        "nb": "Dette virker bare i en privat chat med meg. Skriv til meg direkte.",
        "nn": "Dette verkar berre i ein privat chat med meg. Skriv til meg direkte.",
        "en": "This works only in a private chat with me. Write to me directly.",
    },
    "group_not_allowed": {
        "nb": "Denne gruppen har ikke tilgang ennå. En administrator av boten kan skrive /allowgroup her.",
        "nn": "Denne gruppa har ikkje tilgang enno. Ein administrator av boten kan skrive /allowgroup her.",
        "en": "This group has no access yet. An admin of the bot can write /allowgroup here.",
    },
    "group_only": {
        "nb": "Skriv dette i gruppen det gjelder.",
        "nn": "Skriv dette i gruppa det gjeld.",
        "en": "Write this in the group it concerns.",
    },
    "group_allowed": {
        "nb": "Gruppen kan nå spørre meg. Små EM-tall (under 5) vises ikke her.",
        "nn": "Gruppa kan no spørje meg. Små EM-tal (under 5) blir ikkje viste her.",
        "en": "This group may now ask me. Small EM values (under 5) are hidden here.",
    },
    "group_already_allowed": {
        "nb": "Gruppen har allerede tilgang.",
        "nn": "Gruppa har alt tilgang.",
        "en": "This group already has access.",
    },
    "group_removed": {
        "nb": "Gruppen har ikke lenger tilgang.",
        "nn": "Gruppa har ikkje lenger tilgang.",
        "en": "This group no longer has access.",
    },
    "group_not_listed": {
        "nb": "Gruppen hadde ikke tilgang.",
        "nn": "Gruppa hadde ikkje tilgang.",
        "en": "This group had no access.",
    },
    "group_welcome": {
        "nb": "Hei! Jeg svarer på spørsmål om bosetting av flyktninger, med dato og kilde for hvert tall. I gruppen svarer jeg bare på kommandoer (<code>/status Melhus 2015</code>), meldinger som nevner meg (<code>@{bot} status Melhus 2015</code>) og svar på mine meldinger. Skriv <code>@{bot} Melhus 2015</code> i en hvilken som helst chat for å dele et svar.",
        "nn": "Hei! Eg svarar på spørsmål om busetjing av flyktningar, med dato og kjelde for kvart tal. I gruppa svarar eg berre på kommandoar (<code>/status Melhus 2015</code>), meldingar som nemner meg (<code>@{bot} status Melhus 2015</code>) og svar på meldingane mine. Skriv <code>@{bot} Melhus 2015</code> i kva chat som helst for å dele eit svar.",
        "en": "Hi! I answer questions about refugee settlement, with the date and source of every figure. In this group I answer only commands (<code>/status Melhus 2015</code>), messages that mention me (<code>@{bot} status Melhus 2015</code>) and replies to my messages. Type <code>@{bot} Melhus 2015</code> in any chat to share an answer.",
    },
    "group_admins_subscribe": {
        "nb": "Bare en administrator av gruppen som også er bruker av boten kan abonnere for gruppen.",
        "nn": "Berre ein administrator av gruppa som òg er brukar av boten kan abonnere for gruppa.",
        "en": "Only an administrator of this group who is also a member of the bot can subscribe for the group.",
    },
    "privacy": {
        "nb": "<b>Personvern</b>\nDette lagrer jeg om deg:\n• Telegram-bruker-ID og rolle (koordinator eller administrator), lagt inn av en administrator, for å vite hvem som har tilgang.\n• Språket du valgte med /language.\n• Ditt siste spørsmål slik jeg forsto det (sted, år, hva du spurte om; ikke selve meldingen) i 30 minutter, så et oppfølgingsspørsmål som «og 2016?» kan bygge på det.\n• Abonnementene dine, og en logg over hver ukeoversikt som er sendt, for å sende hver bare én gang. Loggen slettes etter {weeks} uker.\n• Endringslogg over tall og tilganger du har endret, slik at tallenes historikk kan forklares. Den beholdes.\nMeldingene dine lagres ikke; loggene har bruker-ID bare på feilsøkingsnivå.\n/forgetme sletter dataene dine (endringsloggen beholder endringene under et pseudonym). Spørsmål: administratorene av boten hos virksomheten som drifter den.",
        "nn": "<b>Personvern</b>\nDette lagrar eg om deg:\n• Telegram-brukar-ID og rolle (koordinator eller administrator), lagd inn av ein administrator, for å vite kven som har tilgang.\n• Språket du valde med /language.\n• Det siste spørsmålet ditt slik eg forstod det (stad, år, kva du spurde om; ikkje sjølve meldinga) i 30 minutt, så eit oppfølgingsspørsmål som «og 2016?» kan byggje på det.\n• Abonnementa dine, og ein logg over kvar vekeoversikt som er send, for å sende kvar berre éin gong. Loggen blir sletta etter {weeks} veker.\n• Endringslogg over tal og tilgangar du har endra, slik at historikken til tala kan forklarast. Han blir halden på.\nMeldingane dine blir ikkje lagra; loggane har brukar-ID berre på feilsøkingsnivå.\n/forgetme slettar dataa dine (endringsloggen held på endringane under eit pseudonym). Spørsmål: administratorane av boten hos verksemda som driftar han.",
        "en": "<b>Privacy</b>\nWhat I store about you:\n• Your Telegram user id and role (coordinator or admin), entered by an admin, to know who has access.\n• The language you chose with /language.\n• Your last question as I understood it (place, years, what you asked; not the message itself) for 30 minutes, so that a follow-up such as «and 2016?» can build on it.\n• Your subscriptions, and a log of each digest sent, so that each is sent only once. The log is deleted after {weeks} weeks.\n• Audit entries of the figures and access you changed, so that the figures' history stays explainable. They are kept.\nYour messages are not stored; the logs hold user ids only at debug level.\n/forgetme deletes your data (the audit log keeps the changes under a pseudonym). Questions: the bot's admins at the organisation that runs it.",
    },
    "forget_confirm": {
        "nb": "Slette abonnementene dine, språkvalget, utsendingsloggen, ventende forhåndsvisninger og tilgangen din? Endringsloggen beholder endringene dine under et pseudonym.",
        "nn": "Slette abonnementa dine, språkvalet, utsendingsloggen, ventande førehandsvisingar og tilgangen din? Endringsloggen held på endringane dine under eit pseudonym.",
        "en": "Delete your subscriptions, language choice, delivery log, pending previews and your access? The audit log keeps your changes under a pseudonym.",
    },
    "forget_yes": {"nb": "🗑 Slett", "nn": "🗑 Slett", "en": "🗑 Delete"},
    "forget_no": {"nb": "✖️ Avbryt", "nn": "✖️ Avbryt", "en": "✖️ Cancel"},
    "forgotten": {
        "nb": "Slettet: {subscriptions} abonnementer og {deliveries} utsendinger. {changes} endringer i endringsloggen står nå under {pseudonym}.",
        "nn": "Sletta: {subscriptions} abonnement og {deliveries} utsendingar. {changes} endringar i endringsloggen står no under {pseudonym}.",
        "en": "Deleted: {subscriptions} subscriptions and {deliveries} deliveries. {changes} audit entries now stand under {pseudonym}.",
    },
    "forget_cancelled": {
        "nb": "Ingenting er slettet.",
        "nn": "Ingenting er sletta.",
        "en": "Nothing was deleted.",
    },
    "forget_usage": {
        "nb": "Bruk: /forget &lt;bruker-ID&gt;",
        "nn": "Bruk: /forget &lt;brukar-ID&gt;",
        "en": "Usage: /forget &lt;user id&gt;",
    },
    "inline_stranger": {
        "nb": "Bare for brukere av boten",
        "nn": "Berre for brukarar av boten",
        "en": "For members of the bot only",
    },
    "inline_stranger_text": {
        "nb": "Svar fra boten er bare for koordinatorer med tilgang. Skriv til boten privat for å be om tilgang.",
        "nn": "Svar frå boten er berre for koordinatorar med tilgang. Skriv til boten privat for å be om tilgang.",
        "en": "Answers from the bot are for coordinators with access only. Write to the bot privately to ask for access.",
    },
    "inline_status": {"nb": "Status", "nn": "Status", "en": "Status"},
    "inline_em": {"nb": "Enslige mindreårige", "nn": "Einslege mindreårige", "en": "Unaccompanied minors"},
    "inline_latest": {"nb": "Siste år", "nn": "Siste år", "en": "Latest year"},
    "inline_place": {"nb": "Sted", "nn": "Stad", "en": "Place"},
    "error": {
        "nb": "Beklager, noe gikk galt. Feilen er logget. Prøv igjen.",
        "nn": "Orsak, noko gjekk gale. Feilen er logga. Prøv igjen.",
        "en": "Sorry, something went wrong. The error has been logged. Please try again.",
    },
    "unavailable": {
        "nb": "Tallene er ikke tilgjengelige akkurat nå. Prøv igjen om litt.",
        "nn": "Tala er ikkje tilgjengelege akkurat no. Prøv igjen om litt.",
        "en": "The figures are unavailable right now. Please try again shortly.",
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
    "export": {
        "nb": "Tallene som regneark (xlsx eller csv)",
        "nn": "Tala som rekneark (xlsx eller csv)",
        "en": "The figures as a spreadsheet (xlsx or csv)",
    },
    "subscribe": {
        "nb": "Ukeoversikt: /subscribe Trøndelag mandag 08:00",
        "nn": "Vekeoversikt: /subscribe Trøndelag måndag 08:00",
        "en": "Weekly digest: /subscribe Trøndelag monday 08:00",
    },
    "subscriptions": {"nb": "Dine abonnementer", "nn": "Abonnementa dine", "en": "Your subscriptions"},
    "unsubscribe": {"nb": "Stopp et abonnement", "nn": "Stopp eit abonnement", "en": "Stop a subscription"},
    "digest": {"nb": "Ukeoversikten nå", "nn": "Vekeoversikta no", "en": "This week's digest now"},
    "privacy": {"nb": "Hva jeg lagrer om deg", "nn": "Kva eg lagrar om deg", "en": "What I store about you"},
    "forgetme": {"nb": "Slett dataene dine", "nn": "Slett dataa dine", "en": "Delete your data"},
}

# Commands for admins only: in their own command menu and their /help.
ADMIN_COMMANDS: dict[str, dict[str, str]] = {
    "set": {
        "nb": "Endre et tall: /set Trondheim 2015 bosatt 410",
        "nn": "Endre eit tal: /set Trondheim 2015 busett 410",
        "en": "Change a figure: /set Trondheim 2015 settled 410",
    },
    "undo": {
        "nb": "Angre siste endring (eller /undo <ID>)",
        "nn": "Angre siste endring (eller /undo <ID>)",
        "en": "Undo your last change (or /undo <id>)",
    },
    "changes": {
        "nb": "Siste endringer",
        "nn": "Siste endringar",
        "en": "Recent changes",
    },
    "deliveries": {
        "nb": "Siste utsendinger",
        "nn": "Siste utsendingar",
        "en": "Latest deliveries",
    },
    "resend": {
        "nb": "Send ukeoversikter med uvisst utfall på nytt",
        "nn": "Send vekeoversikter med uvisst utfall på nytt",
        "en": "Send digests of unknown outcome again",
    },
    "adduser": {
        "nb": "Gi tilgang: /adduser <bruker-ID> [admin]",
        "nn": "Gje tilgang: /adduser <brukar-ID> [admin]",
        "en": "Give access: /adduser <user id> [admin]",
    },
    "removeuser": {
        "nb": "Ta bort tilgang: /removeuser <bruker-ID>",
        "nn": "Ta bort tilgang: /removeuser <brukar-ID>",
        "en": "Take access away: /removeuser <user id>",
    },
    "users": {"nb": "Brukere med tilgang", "nn": "Brukarar med tilgang", "en": "Users with access"},
    "forget": {
        "nb": "Slett en brukers data: /forget <bruker-ID>",
        "nn": "Slett dataa til ein brukar: /forget <brukar-ID>",
        "en": "Delete a user's data: /forget <user id>",
    },
    "allowgroup": {
        "nb": "I en gruppe: gi gruppen tilgang",
        "nn": "I ei gruppe: gje gruppa tilgang",
        "en": "In a group: give the group access",
    },
    "removegroup": {
        "nb": "I en gruppe: ta bort gruppens tilgang",
        "nn": "I ei gruppe: ta bort tilgangen til gruppa",
        "en": "In a group: take the group's access away",
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


def short_measure_label(measure: str, language: str) -> str:
    """A measure's name as in a running line: 'bosatt' for 'Bosatt', 'utsøkt' for 'Utsøkt (ikke ankommet)'."""
    return SHORT_MEASURES.get(measure, {}).get(language) or SHORT_MEASURES.get(measure, {}).get("nb", measure)


def group_label(group: str, language: str) -> str:
    """The name of a group of refugees in the given language (its key if unnamed)."""
    return GROUPS.get(group, {}).get(language) or group.replace("_", " ")


def level_label(level: str, language: str) -> str:
    """The name of a kind of place in the given language."""
    return LEVELS[level].get(language, LEVELS[level]["nb"])


def weekday_label(weekday: int, language: str) -> str:
    """The name of a day of the week (Monday is 0) in the given language."""
    return WEEKDAYS[weekday].get(language, WEEKDAYS[weekday]["nb"])
