"""The question corpus: questions as coordinators type them, with the figures the answers must show.

Expected values are transcribed from the seed documents (not from the bot's output).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

AUTUMN_2026 = date(2026, 11, 23)
AUTUMN_2016 = date(2016, 10, 1)


@dataclass(frozen=True)
class Case:
    """A question, the asker's language and date, and what the answer must (not) contain."""

    question: str
    figures: tuple[str, ...] = ()  # values that must appear as a cited figure: ": 469¹"
    phrases: tuple[str, ...] = ()  # text that must appear
    absent: tuple[str, ...] = ()  # text that must not appear
    language: str = "nb"  # the caller's language (/language or Telegram's); a clear question speaks its own
    today: date = AUTUMN_2026
    tags: tuple[str, ...] = field(default_factory=tuple)
    previous: tuple[str, ...] = ()  # asked first in the same chat: the question may follow up on them


# Seed 000, "Bosettingssituasjon pr 10.12.15": name, request, decision, settled by 10.12, assigned.
STATUS_2015 = [
    ("Trondheim", 469, 450, 398, 158),
    ("Melhus", 56, 51, 43, 13),
    ("Malvik", 48, 48, 38, 6),
    ("Orkdal", 48, 40, 40, 0),
    ("Skaun", 32, 11, 14, 3),
    ("Rissa", 32, 18, 11, 1),
    ("Midtre Gauldal", 24, 15, 15, 1),
    ("Stjørdal", 71, 60, 57, 0),
    ("Leksvik", 17, 17, 20, 1),
    ("Klæbu", 24, 18, 7, 10),
]
# Seed 000, "Anmodning 2016-2017 Trondheimsregionen": request 2016 (all, EM, EM<15), plan 2017 (same).
REQUESTS = [
    ("Trondheim", 650, 160, 40, 730, 250, 55),
    ("Rissa", 25, 6, 0, 27, 9, 0),
    ("Orkdal", 48, 12, 5, 50, 19, 8),
    ("Midtre Gauldal", 25, 8, 4, 25, 10, 4),
    ("Melhus", 56, 14, 6, 65, 24, 9),
    ("Skaun", 32, 8, 0, 35, 13, 0),
    ("Klæbu", 25, 6, 0, 30, 11, 0),
    ("Malvik", 48, 12, 0, 55, 20, 0),
    ("Stjørdal", 80, 22, 5, 95, 34, 8),
    ("Leksvik", 17, 4, 0, 18, 6, 0),
]
# Seed 004: Trondheim settled per year, all and EM.
TRONDHEIM = dict(
    zip(
        range(2006, 2019),
        zip(
            [201, 208, 229, 306, 303, 256, 330, 288, 340, 495, 740, 675, 269],
            [8, 7, 15, 27, 29, 11, 16, 18, 20, 44, 123, 43, 15],
            strict=True,
        ),
        strict=True,
    )
)
# Seed 001: settled per year for Norway, Midt-Norge, Møre og Romsdal.
SETTLED_001 = {
    2011: (5423, 762, 264),
    2012: (5594, 883, 291),
    2013: (6551, 1028, 385),
    2014: (7784, 1300, 468),
    2015: (11300, 1978, 689),
}


def spaced(value: int) -> str:
    """A number as the answers write it in Norwegian: 11 300."""
    return f"{value:,}".replace(",", " ")


def _status_cases() -> list[Case]:
    """Status cards for the ten municipalities of the 2015 table, in three languages."""
    cases = []
    for name, request, decision, settled, assigned in STATUS_2015:
        whole_year = TRONDHEIM[2015][0] if name == "Trondheim" else settled
        cases.append(
            Case(
                f"status {name} 2015",
                (str(request), str(decision), str(whole_year), str(assigned)),
                tags=("nb", "status"),
            )
        )
    cases.append(
        Case(
            "/status Melhus 2015", ("56", "51", "43", "13"), ("Bosatt av vedtaket: 84 %",), tags=("command",)
        )
    )
    cases.append(
        Case(
            "hvor langt har Malvik kommet i 2015?",
            ("48", "38"),
            ("Bosatt av vedtaket: 79 %", "gjenstår 10"),
            tags=("nb",),
        )
    )
    cases.append(
        Case(
            "kor langt har Skaun kome i 2015?",
            ("32", "11", "14"),
            ("Busett av vedtaket: 127 %",),
            language="nn",
            tags=("nn",),
        )
    )
    cases.append(
        Case(
            "How far has Klæbu come in 2015?",
            ("24", "18", "7", "10"),
            ("Share of the decision settled: 39 %",),
            language="en",
            tags=("en",),
        )
    )
    cases.append(
        Case(
            "status Trondheim 2015",
            ("469", "450", "495", "158"),
            ("Per 10.12.2015: bosatt 398 + utsøkt 158 = 556",),
            tags=("snapshot",),
        )
    )
    return cases


def _request_cases() -> list[Case]:
    """Requests and planning figures with EM and EM under 15, in three languages."""
    cases = []
    for name, request, em, under15, plan, plan_em, plan_u15 in REQUESTS:
        cases.append(Case(f"anmodning {name} 2016", (str(request),), tags=("nb", "request")))
        cases.append(
            Case(
                f"oppmoding einslege mindreårige {name} 2016",
                (str(em),),
                ("Oppmoding, einslege mindreårige (EM)",),
                language="nn",
                tags=("nn",),
            )
        )
        cases.append(
            Case(
                f"How many unaccompanied minors under 15 were requested for {name} in 2016?",
                (str(under15),),
                ("Request, unaccompanied minors under 15",),
                language="en",
                tags=("en",),
            )
        )
        cases.append(Case(f"plantall 2017 {name}", (str(plan),), tags=("nb", "planned")))
        cases.append(Case(f"plantall EM {name} 2017", (str(plan_em),), tags=("nb", "planned")))
        cases.append(
            Case(
                f"/em {name} 2017",
                (str(plan_em), str(plan_u15)) if plan_u15 else (str(plan_em),),
                tags=("command",),
            )
        )
    return cases


def _trondheim_cases() -> list[Case]:
    """Trondheim's history 2006–2018 (seed 004), year by year and as a series."""
    cases = []
    for year, (total, em) in TRONDHEIM.items():
        cases.append(Case(f"bosatte Trondheim {year}", (spaced(total),), tags=("nb", "history")))
        cases.append(
            Case(
                f"How many unaccompanied minors did Trondheim settle in {year}?",
                (str(em),),
                ("Settled, unaccompanied minors",),
                language="en",
                tags=("en",),
            )
        )
    cases.append(Case("/history Trondheim", ("201", "740", "269"), ("2006–2018",), tags=("series",)))
    cases.append(Case("Trondheim 2006–2018", ("201", "495", "269"), tags=("series",)))
    cases.append(Case("Trondheim siden 2010", ("303", "675"), absent=("| 201",), tags=("series",)))
    cases.append(
        Case("Trondheim fra 2010 til 2012", ("303", "330"), absent=("| 201", "2013"), tags=("series",))
    )
    cases.append(
        Case(
            "how many refugees were requested from Trondheim in 2016",
            ("650",),
            ("Request: 650",),
            absent=("Year |",),  # one figure, not a series
            language="en",
            tags=("en",),
        )
    )
    cases.append(Case("historikk EM Trondheim", ("8", "123"), tags=("series",)))
    cases.append(
        Case("/history Melhus", ("43",), ("Bosatt 2015\n",), absent=("2015–2015", ".png"), tags=("series",))
    )
    cases.append(
        Case(
            "bosettingsbehov Melhus", phrases=("Ingen tall for Bosettingsbehov · Melhus.",), tags=("no data",)
        )
    )
    # No figure for a group that year: that year's figures of the group (seed 000's 2017 plan, seed 004's
    # settled EM), and the years the figure asked for exists (seed 000's 2016 request).
    cases.append(
        Case(
            "anmodning UMA Trondheim 2017",
            ("250", "55", "43"),
            phrases=(
                "Ingen tall for Anmodning, enslige mindreårige (EM) · Trondheim i 2017.",
                "Tall for Anmodning, enslige mindreårige (EM): 2016.",
            ),
            tags=("no data", "em"),
        )
    )
    cases.append(
        Case(
            "historikk EM Melhus",
            phrases=(
                "Ingen tall for Bosatt, enslige mindreårige (EM) · Melhus.",
                "Anmodning, enslige mindreårige (EM) 2016",
            ),
            tags=("no data", "series"),
        )
    )
    cases.append(Case("Trondheim 2019", ("160", "8"), ("Plantall",), tags=("planned",)))
    return cases


def _national_cases() -> list[Case]:
    """Series and figures for Norway, Midt-Norge and Møre og Romsdal (seeds 000–003)."""
    cases = []
    for year, (norway, midt, more) in SETTLED_001.items():
        cases.append(Case(f"bosatte Norge {year}", (spaced(norway),), tags=("nb", "nation")))
        cases.append(
            Case(f"busette i Midt-Noreg {year}", (spaced(midt),), language="nn", tags=("nn", "region"))
        )
        cases.append(
            Case(f"settled in Møre og Romsdal {year}", (spaced(more),), language="en", tags=("en", "county"))
        )
    cases += [
        Case("vedtak Norge 2015", ("11 600",), tags=("nation",)),
        Case("anmodning landet 2016", ("14 000", "18 000"), tags=("nation",)),
        Case("EM anmodning Norge 2016", ("500", "4 400"), tags=("nation",)),
        Case("bosettingsbehov Norge 2017", ("21 000", "7 000"), tags=("nation",)),
        Case("bosatte 2023", ("33 701", "29 730"), tags=("nation", "no place")),
        Case("bosatte ukrainere 2023", ("29 730",), tags=("nation", "ukraine")),
        Case("ukrainere", ("29 730",), ("siste år med tall, 2023",), tags=("nation", "ukraine", "no year")),
        # The nation's own figures give the latest year, not a municipality's later one (Drammen 2024).
        Case(
            "/em",
            ("7 000",),
            ("siste år med tall, 2017",),
            absent=("2024",),
            tags=("nation", "command", "no year"),
        ),
        Case(
            "/history Norge",
            ("5 423", "33 701"),
            ("År | Bosatt\n",),
            absent=("enslige mindreårige",),
            tags=("nation", "series"),
        ),
        Case(
            "history Trondheim",
            ("201", "269"),
            ("Year | Settled | unaccompanied minors",),
            language="en",
            tags=("series", "en"),
        ),
        Case("How many were settled in Norway in 2022?", ("31 258",), language="en", tags=("en",)),
        Case("bosatt Norge 2021", ("4 489",), tags=("nation",)),
        Case("anmodning Norge 2024", ("37 000",), tags=("nation",)),
        Case("bosatt Norge 2014", ("7 784",), ("avrundet",), tags=("rounded",)),
        Case("asylsøkere Norge 2015", ("31 000",), tags=("nation",)),
        Case("bosettingsbehov Midt-Norge 2016", ("2 790",), tags=("region",)),
        Case("bosettingsbehov Møre og Romsdal 2016", ("1 073",), tags=("county",)),
        Case("anmodning Møre og Romsdal 2016", ("1 073",), tags=("county",)),
    ]
    return cases


def _drammen_cases() -> list[Case]:
    """Drammen 2020–2024 (seed 003), with original and revised figures."""
    return [
        Case("status Drammen 2020", ("85", "58"), ("Justert anmodning: 58",), tags=("drammen",)),
        Case("anmodning Drammen 2021", ("58",), tags=("drammen",)),
        Case("status Drammen 2022", ("58", "310"), ("Justert vedtak: 310",), tags=("drammen",)),
        Case(
            "status Drammen 2023",
            ("360", "430", "400"),
            ("Justert anmodning: 430", "Justert vedtak: 400"),
            tags=("drammen",),
        ),
        Case("anmodning Drammen 2024", ("340",), tags=("drammen",)),
        Case(
            "status Drammen 2024",
            ("340", "12", "250", "100"),
            ("Kapasitet (boliger): 100",),
            tags=("drammen",),
        ),
        Case("kapasitet Drammen 2024", ("250",), tags=("drammen",)),
        Case(
            "/status 3005 2022", ("310",), ("3005 er et tidligere navn/nummer for Drammen",), tags=("code",)
        ),
    ]


def _place_cases() -> list[Case]:
    """Typos, codes, old names, groups, counties, and places without figures."""
    return [
        Case("status trondhiem 2015", ("469",), ("Tolket «trondhiem» som Trondheim",), tags=("typo",)),
        Case("bosatt Melhsu 2015", ("43",), ("Tolket «melhsu» som Melhus",), tags=("typo",)),
        Case("vedtak Stjordal 2015", ("60",), tags=("no-aeoeaa",)),
        Case("utsøkte Klaebu 2015", ("10",), tags=("no-aeoeaa",)),
        Case("status Malvk 2015", ("48", "38"), ("Tolket",), tags=("typo",)),
        Case("anmodning Skuan 2016", ("32",), ("Tolket",), tags=("typo",)),
        Case(
            "/status 1601 2015",
            ("469", "495"),
            ("1601 er et tidligere navn/nummer for Trondheim",),
            tags=("code",),
        ),
        Case("/status 5001 2015", ("469", "495"), tags=("code",)),
        Case("status 1653 2015", ("56", "43"), tags=("code",)),
        Case("status 5028 2015", ("56", "43"), tags=("code",)),
        Case("status 1714 2016", ("80",), tags=("code",)),
        Case("status 5035 2017", ("95",), tags=("code",)),
        Case("busette i Orkdal 2015", ("40",), tags=("nn",)),
        Case(
            "status Oslo 2015",
            phrases=("Oslo (kommune) finnes i registeret, men jeg har ingen tall for stedet.",),
            absent=("Anmodning",),
            tags=("no data",),
        ),
        Case("bosatte Oslo 2016", phrases=("ingen tall",), tags=("no data",)),
        Case(
            "status Bergen 2015",
            phrases=("Bergen (kommune) finnes i registeret, men jeg har ingen tall for stedet.",),
            tags=("no data",),
        ),
        # A merged municipality before it existed: the sums of what it was made of (seed 000, 2017 plan).
        Case(
            "status Indre Fosen",
            ("45",),
            ("Indre Fosen ble opprettet 01.01.2018 av Leksvik og Rissa", "2 av 2 kommuner med tall"),
            tags=("merged",),
        ),
        Case(
            "status Orkland 2015",
            ("48", "40", "0"),
            ("Orkland ble opprettet 01.01.2020", "Orkdal", "1 av 3 kommuner med tall"),
            tags=("merged",),
        ),
        Case("status Rissa 2015", ("32", "18", "11"), tags=("old name",)),
        Case("status Leksvik 2016", ("17", "4"), tags=("old name",)),
        # Merged into a municipality that has had a new code since (Drammen: 3005 in 2020–2023, 3301 from 2024).
        Case(
            "status Svelvik 2023",
            ("360", "430", "400"),
            ("Svelvik ble slått sammen med andre til Drammen fra 01.01.2020; svaret gjelder Drammen.",),
            tags=("merged",),
        ),
        Case(
            "status Kvalsund",
            phrases=("Kvalsund ble slått sammen med andre og heter nå Hammerfest (fra 01.01.2020).",),
            tags=("no data",),
        ),
        Case(
            "bosatt Melhus 2020",
            phrases=("Ingen tall for Bosatt", "Melhus har tall for:", "Bosatt 2015"),
            tags=("no data",),
        ),
        Case(
            "hvor mange er bosatt i Melhus i år?",
            phrases=("i 2026", "Melhus har tall for:"),
            tags=("relative",),
        ),
        Case("status Stjørdal i fjor", phrases=("i 2025", "Stjørdal har tall for:"), tags=("relative",)),
        Case("hvor mange er bosatt i Melhus i fjor?", ("43",), today=AUTUMN_2016, tags=("relative",)),
        Case("anmodning Melhus i år", ("56",), today=AUTUMN_2016, tags=("relative",)),
        Case("plantall Melhus neste år", ("65",), today=AUTUMN_2016, tags=("relative",)),
        Case(
            "how many were requested for Melhus this year",
            ("56",),
            language="en",
            today=AUTUMN_2016,
            tags=("relative", "en"),
        ),
        Case(
            "kor mange vart busett i Skaun i fjor",
            ("14",),
            language="nn",
            today=AUTUMN_2016,
            tags=("relative", "nn"),
        ),
        Case(
            "status Trondheim",
            ("160",),
            ("Ingen år oppgitt: viser siste år med tall, 2019.",),
            tags=("no year",),
        ),
        Case(
            "status Herøy 2015",
            phrases=("kan være flere steder", "[1] Herøy (Møre og Romsdal)", "[2] Herøy (Nordland)"),
            tags=("ambiguous",),
        ),
        Case("status Atlantis 2015", phrases=("Jeg kjenner ikke stedet «atlantis»",), tags=("unknown",)),
        Case("asdfgh qwerty zxcv", phrases=("Jeg forsto ikke spørsmålet",), tags=("gibberish",)),
        Case("😀😀😀", phrases=("Jeg forsto ikke spørsmålet",), tags=("gibberish",)),
        Case(
            "how many refugees were settled in Norway in 2016",
            phrases=("Settled (forecast): 16 000", "(1 of 428 municipalities known)"),
            language="en",
            tags=("nation", "english"),
        ),
        Case("asdfgh", phrases=("Jeg forsto ikke spørsmålet",), absent=("Mente du",), tags=("gibberish",)),
        Case("Melhsu", phrases=("Tolket «melhsu» som Melhus",), tags=("typo",)),
        Case("hjelp", phrases=("Eksempler",), tags=("help",)),
        Case("/help", phrases=("status Trondheim 2015",), tags=("help",)),
        Case("/start", phrases=("Hei!",), tags=("help",)),
        Case("help", phrases=("Examples",), language="en", tags=("help", "en")),
    ]


def _aggregate_cases() -> list[Case]:
    """Stated totals and computed sums with coverage for groups, counties and the region."""
    return [
        Case(
            "status Trondheimsregionen 2015",
            ("821", "728", "643", "193"),
            ("10 av 10 kommuner med tall",),
            tags=("group",),
        ),
        Case(
            "anmodning Sør-Trøndelag 2016",
            ("909",),
            ("bare delsum", "8 av 25 kommuner med tall"),
            tags=("county",),
        ),
        Case("EM anmodning Sør-Trøndelag 2016", ("226",), tags=("county",)),
        Case("plantall Nord-Trøndelag 2017", ("113",), ("bare delsum",), tags=("county",)),
        Case("anmodning Midt 2016", ("2 922",), tags=("region",)),
        Case("plantall Midt-Norge 2017", ("3 262",), tags=("region",)),
        Case("plantall EM Midt 2017", ("1 097",), tags=("region",)),
        Case("anmodning EM under 15 Midt 2016", ("125",), tags=("region",)),
        Case(
            "hvilken kommune i Trondheimsregionen er lengst bak vedtaket i 2015?",
            phrases=("1. Klæbu: 7", "10. Skaun: 14"),
            tags=("ranking",),
        ),
        Case(
            "which municipality is furthest behind its decision in 2015",
            phrases=("1. Klæbu",),
            language="en",
            tags=("ranking", "en"),
        ),
        Case("rangering Sør-Trøndelag 2015", phrases=("1. Klæbu",), absent=("Stjørdal",), tags=("ranking",)),
        Case(
            "hvem ligger etter i Sør-Trøndelag 2015",
            phrases=(
                "1. Klæbu",
                "8 av 25 kommuner med tall.",
            ),  # seed 000 lists 8 of its 25 (2 in Nord-Trøndelag)
            tags=("ranking",),
        ),
        Case(
            "kven ligg etter i Trondheimsregionen 2015",
            phrases=("1. Klæbu",),
            language="nn",
            tags=("ranking", "nn"),
        ),
        # Ranked by the value, largest first (seed 000's 2015 status table and 2016 requests; seed 004).
        Case(
            "which municipalities in Trøndelag settled the most in 2015",
            phrases=("1. Trondheim: 495", "2. Stjørdal: 57", "10. Klæbu: 7", "10 of 48 municipalities known"),
            language="en",
            tags=("ranking", "en"),
        ),
        Case(
            "flest EM anmodet i Trondheimsregionen 2016",
            phrases=("1. Trondheim: 160", "2. Stjørdal: 22", "10. Leksvik: 4"),
            tags=("ranking", "em"),
        ),
        Case(
            "kven fekk flest busette i Sør-Trøndelag i 2015",
            phrases=("2. Melhus: 43",),
            language="nn",
            tags=("ranking", "nn"),
        ),
        # No total stated: the members' figures give the latest year and a sum with coverage.
        Case(
            "status Trøndelag", ("160",), ("siste år med tall, 2019", "Beregnet sum: 160"), tags=("county",)
        ),
        Case(
            "bosatt Sør-Trøndelag",
            ("675",),
            ("siste år med tall, 2017", "1 av 25 kommuner med tall"),
            tags=("county", "no year"),
        ),
        Case(
            "historikk Trøndelag",
            ("201", "740", "269"),
            ("Bosatt 2006–2018", "Ingen oppgitt total: summer over kommunene"),
            tags=("county", "series"),
        ),
        # No request for 2017: the region's other 2017 figures (seed 000's plan, seed 004's settled) instead.
        Case(
            "anmodning Midt-Norge 2017",
            ("3 262", "675"),
            phrases=("Ingen tall for Anmodning · IMDi Midt-Norge i 2017", "Tall for Anmodning: 2015–2016."),
            tags=("region", "no data"),
        ),
    ]


def _compare_cases() -> list[Case]:
    """Places named together, side by side (seed 000's 2015 status table and 2016 requests)."""
    melhus, malvik, skaun, orkdal = (
        row for row in STATUS_2015 if row[0] in ("Melhus", "Malvik", "Skaun", "Orkdal")
    )
    return [
        Case(
            "sammenlign Melhus og Malvik 2015",
            phrases=tuple(
                f"{name}: anmodning {request}¹ · vedtak {decision}¹ · bosatt {settled}¹ · utsøkt {assigned}¹"
                for name, request, decision, settled, assigned in (melhus, malvik)
            ),
            tags=("compare",),
        ),
        Case(
            "samanlikn Skaun og Orkdal 2015",
            phrases=tuple(
                f"{name}: oppmoding {request}¹ · vedtak {decision}¹ · busett {settled}¹"
                for name, request, decision, settled, _ in (skaun, orkdal)
            ),
            language="nn",
            tags=("compare", "nn"),
        ),
        Case(
            "compare Trondheim and Stjørdal 2015",
            phrases=("Trondheim: request 469¹", "Stjørdal: request 71¹"),
            language="en",
            tags=("compare", "en"),
        ),
        Case(
            "sammenlign Sør-Trøndelag og Nord-Trøndelag 2016",
            phrases=(
                "Sør-Trøndelag: anmodning 909¹ (bare delsum)",
                "Nord-Trøndelag: anmodning 97¹ (bare delsum)",
            ),
            tags=("compare", "county"),
        ),
        Case(
            "EM anmodning Melhus, Malvik, Skaun 2016",
            phrases=("Melhus: anmodning 14¹", "Malvik: anmodning 12¹", "Skaun: anmodning 8¹"),
            tags=("compare",),
        ),
    ]


def _other_cases() -> list[Case]:
    """Grants, the intro programme, and the international figures."""
    return [
        Case("tilskudd Trondheim 2015", ("50 000",), ("= 1 300 000 kr",), tags=("grant",)),
        Case("tilskudd Trondheim 2016", ("100 000",), ("123", "= 12 300 000 kr"), tags=("grant",)),
        Case("tilskot Melhus 2015", phrases=("= 0 kr",), language="nn", tags=("grant", "nn")),
        Case("grant Stjørdal 2015", phrases=("= 0 kr",), language="en", tags=("grant", "en")),
        Case("intro Vestfold 2014", ("61 %", "1"), tags=("intro",)),
        Case("introprogram Sør-Trøndelag 2014", ("44 %", "12"), tags=("intro",)),
        Case("introprogram Trondheim", ("579", "342", "73"), tags=("intro",)),
        Case("introduksjonsprogram Nord-Trøndelag 2014", ("58 %",), tags=("intro",)),
        Case("Verden 2015", ("60 000 000", "38 000 000"), tags=("international",)),
    ]


def _common_word_cases() -> list[Case]:
    """Common words beside a place are never places themselves; names that are words count when written as names."""
    return [
        Case(
            "Hvordan går det med Melhus i 2015?",
            ("56", "51", "43", "13"),
            absent=("Øyer", "Tolket"),
            tags=("words",),
        ),
        Case("status over Melhus 2015", ("56", "51", "43"), absent=("Øyer", "Tolket"), tags=("words",)),
        Case(
            "hvem skal bosette flest i Trondheimsregionen i 2016?",
            phrases=("1. Trondheim: 650",),
            tags=("words", "ranking"),
        ),
        Case("results for Skaun 2015", ("32", "11", "14", "3"), ("Request: 32",), tags=("words", "en")),
        Case(
            "how many were settled this time in Melhus in 2015",
            ("43",),
            absent=("Time",),
            language="en",
            tags=("words", "en"),
        ),
        Case("hvor mange går til Orkdal i 2016", ("48",), absent=("Tolket", "Gol"), tags=("words",)),
        Case(
            "hvem har de beste tallene for Malvik i 2015", ("48", "38"), absent=("Tolket",), tags=("words",)
        ),
        Case("bosatte i Moss 2015", phrases=("Moss (kommune) finnes i registeret",), tags=("words", "name")),
        Case("status hole 2015", phrases=("Hole (kommune) finnes i registeret",), tags=("words", "name")),
        Case("anmodning drammen 2021", ("58",), tags=("words", "name")),
    ]


def _language_cases() -> list[Case]:
    """Answers in the question's language when it is clear, whatever the caller's language; else the caller's."""
    return [
        Case(
            "kor langt har Skaun kome i 2015?",
            ("32", "11", "14"),
            ("Busett av vedtaket: 127 %",),
            tags=("language", "nn"),
        ),
        Case(
            "kor mange einslege mindreårige vart busette i Trondheim i 2016?",
            ("123",),
            ("Busett, einslege mindreårige",),
            tags=("language", "nn"),
        ),
        Case(
            "kva var oppmodinga til Melhus i 2016?",
            ("56",),
            ("Oppmoding: 56",),
            language="en",
            tags=("language", "nn"),
        ),
        Case(
            "How far has Klæbu come in 2015?",
            ("24", "18", "7"),
            ("Share of the decision settled: 39 %",),
            tags=("language", "en"),
        ),
        Case(
            "How many refugees were settled in Norway in 2013?",
            ("6 551",),
            ("Settled",),
            tags=("language", "en"),
        ),
        Case(
            "what was the request for Stjørdal in 2016?",
            ("80",),
            ("Request: 80",),
            language="nn",
            tags=("language", "en"),
        ),
        Case(
            "hvor mange er bosatt i Melhus i 2015?",
            ("43",),
            ("Bosatt: 43",),
            language="en",
            tags=("language", "nb"),
        ),
        Case(
            "hvor mye tilskudd fikk Trondheim i 2016?",
            ("100 000",),
            language="nn",
            tags=("language", "nb", "grant"),
        ),
        Case(
            "status Melhus 2015", ("56",), ("Request: 56",), language="en", tags=("language", "no language")
        ),
        Case(
            "status Skaun 2015", ("32",), ("Oppmoding: 32",), language="nn", tags=("language", "no language")
        ),
        Case(
            "kven ligg etter i Trondheimsregionen i 2015?",
            phrases=("1. Klæbu", "Busett av vedtaket"),
            tags=("language", "nn", "ranking"),
        ),
        Case(
            "which municipality is lagging in Trondheimsregionen in 2015?",
            phrases=("1. Klæbu", "Share of the decision settled"),
            tags=("language", "en", "ranking"),
        ),
    ]


def _topic_cases() -> list[Case]:
    """'bosetting', 'busetjing', 'settlement' name the topic: the status card; 'asked to settle' is the request."""
    return [
        Case("bosetting Trondheim 2015", ("469", "450", "495", "158"), tags=("topic",)),
        Case(
            "busetjing i Skaun 2015",
            ("32", "11", "14", "3"),
            ("Oppmoding: 32",),
            language="nn",
            tags=("topic", "nn"),
        ),
        Case(
            "settlement in Melhus 2015",
            ("56", "51", "43", "13"),
            ("Request: 56",),
            language="en",
            tags=("topic", "en"),
        ),
        Case("hvordan går bosettingen i Malvik i 2015?", ("48", "38", "6"), tags=("topic",)),
        Case(
            "how many was Stjørdal asked to settle in 2016", ("80",), ("Request: 80",), tags=("topic", "en")
        ),
        Case("hvor mange ble Skaun bedt om å bosette i 2016", ("32",), ("Anmodning: 32",), tags=("topic",)),
        Case(
            "hvor mange er Melhus anmodet om å bosette i 2016", ("56",), ("Anmodning: 56",), tags=("topic",)
        ),
        Case(
            "hvor mange EM skal bosettes i 2017", ("7 000",), ("Bosettingsbehov",), tags=("topic", "nation")
        ),
        Case("hvor mange skal bosettes i 2016?", ("18 000",), ("Bosettingsbehov",), tags=("topic", "nation")),
        Case(
            "how many refugees are to be settled in 2017",
            ("21 000",),
            ("Settlement need",),
            tags=("topic", "nation", "en"),
        ),
        Case(
            "how many refugees did IMDi ask the municipalities to take in 2024",
            ("37 000",),
            ("Request",),
            tags=("topic", "nation", "en"),
        ),
        Case("hvordan går det med bosettingen?", ("37 000",), ("Norge",), tags=("topic", "nation")),
        Case(
            "korleis går det med busetjinga i Trondheim i 2015?",
            ("469", "450"),
            ("Oppmoding: 469",),
            tags=("topic", "nn"),
        ),
    ]


def _form_cases() -> list[Case]:
    """Definite and plural forms, compounds and English inflections of the vocabulary."""
    return [
        Case("vedtaket Trondheim 2015", ("450",), ("Vedtak: 450",), tags=("forms",)),
        Case("anmodningene i Melhus 2016", ("56",), ("Anmodning: 56",), tags=("forms",)),
        Case("bosettingsbehovet Norge 2017", ("21 000",), tags=("forms",)),
        Case("anmodningen for Klæbu 2016", ("25",), tags=("forms",)),
        Case("oppmodinga til Rissa 2016", ("25",), ("Oppmoding: 25",), language="nn", tags=("forms", "nn")),
        Case("vedtaka i Orkdal 2015", ("40",), language="nn", tags=("forms", "nn")),
        Case("EM-anmodning Trondheim 2016", ("160",), tags=("forms", "compound")),
        Case(
            "ekstratilskudd Trondheim 2015",
            ("50 000",),
            ("= 1 300 000 kr",),
            tags=("forms", "compound", "grant"),
        ),
        Case("flyktningtall Melhus 2015", ("56", "51", "43", "13"), tags=("forms", "compound")),
        Case("anmodningstall Stjørdal 2016", ("80",), tags=("forms", "compound")),
        Case(
            "decisions in Malvik 2015",
            ("48",),
            ("Council decision: 48",),
            language="en",
            tags=("forms", "en"),
        ),
        Case("requests for Orkdal 2016", ("48",), ("Request: 48",), language="en", tags=("forms", "en")),
        Case("tilskuddet til Trondheim 2016", ("100 000",), tags=("forms", "grant")),
        Case("plantallet for Melhus 2017", ("65",), tags=("forms",)),
    ]


def _intent_cases() -> list[Case]:
    """Rankings, comparisons and grants from many phrasings."""
    return [
        Case(
            "hvem har kommet kortest i Trondheimsregionen i 2015?",
            phrases=("1. Klæbu: 7", "10. Skaun: 14"),
            tags=("intent", "ranking"),
        ),
        Case(
            "hvem har kommet lengst i Trondheimsregionen i 2015?",
            phrases=("1. Skaun: 14", "10. Klæbu: 7"),
            tags=("intent", "ranking"),
        ),
        Case("dårligst i Trondheimsregionen 2015", phrases=("1. Klæbu",), tags=("intent", "ranking")),
        Case(
            "hvilken kommune er best i Trondheimsregionen i 2015?",
            phrases=("1. Skaun",),
            tags=("intent", "ranking"),
        ),
        Case(
            "kven ligg etter med busetjinga i Trondheimsregionen i 2015?",
            phrases=("1. Klæbu",),
            language="nn",
            tags=("intent", "ranking", "nn"),
        ),
        Case(
            "which municipality in Trondheimsregionen is furthest behind in 2015",
            phrases=("1. Klæbu",),
            language="en",
            tags=("intent", "ranking", "en"),
        ),
        Case(
            "which municipality has come furthest in Trondheimsregionen in 2015",
            phrases=("1. Skaun",),
            language="en",
            tags=("intent", "ranking", "en"),
        ),
        Case(
            "hvem bosatte flest i Trondheimsregionen i 2015?",
            phrases=("1. Trondheim: 495",),
            tags=("intent", "ranking"),
        ),
        Case(
            "which municipality had the largest request in Trondheimsregionen in 2016",
            phrases=("1. Trondheim: 650", "2. Stjørdal: 80"),
            language="en",
            tags=("intent", "ranking", "en"),
        ),
        Case("får Trondheim tilskudd i 2015?", ("50 000",), ("= 1 300 000 kr",), tags=("intent", "grant")),
        Case(
            "how much extra grant did Trondheim get in 2016",
            ("100 000",),
            ("= 12 300 000",),
            language="en",
            tags=("intent", "grant", "en"),
        ),
        Case(
            "kor mykje tilskot fekk Trondheim i 2016?",
            ("100 000",),
            language="nn",
            tags=("intent", "grant", "nn"),
        ),
        Case(
            "Melhus vs Malvik 2015",
            phrases=("Melhus: anmodning 56¹", "Malvik: anmodning 48¹"),
            tags=("intent", "compare"),
        ),
        Case(
            "compare Skaun with Orkdal in 2015",
            phrases=("Skaun: request 32¹", "Orkdal: request 48¹"),
            language="en",
            tags=("intent", "compare", "en"),
        ),
        Case(
            "utviklingen i Trondheim 2010–2012", ("303", "330"), absent=("| 201",), tags=("intent", "series")
        ),
    ]


def _follow_up_cases() -> list[Case]:
    """Follow-ups in the same chat change only what they name; a full new question replaces the context."""
    return [
        Case(
            "og Malvik?",
            ("48",),
            ("Malvik",),
            absent=("Melhus",),
            previous=("anmodning Melhus 2016",),
            tags=("follow-up",),
        ),
        Case(
            "hva med 2016?",
            ("650", "160"),
            ("2016",),
            previous=("status Trondheim 2015",),
            tags=("follow-up",),
        ),
        Case(
            "i fjor da?",
            ("495",),
            ("2015",),
            today=AUTUMN_2016,
            previous=("bosatte Trondheim 2016",),
            tags=("follow-up", "relative"),
        ),
        Case(
            "what about 2017?",
            ("43",),
            ("unaccompanied minors",),
            language="en",
            previous=("How many unaccompanied minors did Trondheim settle in 2016?",),
            tags=("follow-up", "en"),
        ),
        Case(
            "what about EM?",
            ("160",),
            ("Request, unaccompanied minors",),
            language="en",
            previous=("anmodning Trondheim 2016",),
            tags=("follow-up", "en"),
        ),
        Case(
            "kva med Skaun?",
            ("32",),
            ("Oppmoding",),
            language="nn",
            previous=("oppmoding Melhus 2016",),
            tags=("follow-up", "nn"),
        ),
        Case("og Melhus?", ("65",), ("Plantall",), previous=("plantall Stjørdal 2017",), tags=("follow-up",)),
        Case(
            "hva med vedtak?",
            ("51",),
            ("Vedtak: 51",),
            absent=("Bosatt: 43",),
            previous=("bosatt Melhus 2015",),
            tags=("follow-up",),
        ),
        Case("og Skaun?", ("32", "11", "14", "3"), previous=("status Malvik 2015",), tags=("follow-up",)),
        Case("og i 2013?", ("6 551",), previous=("bosatte Norge 2014",), tags=("follow-up", "nation")),
        Case(
            "og EM?",
            ("8", "123"),
            ("enslige mindreårige",),
            previous=("historikk Trondheim",),
            tags=("follow-up", "series"),
        ),
        Case(
            "hva med Melhus og Malvik?",
            phrases=("Melhus: anmodning 56¹", "Malvik: anmodning 48¹"),
            previous=("anmodning Trondheim 2016",),
            tags=("follow-up", "compare"),
        ),
        Case(
            "samme for Skaun",
            ("32",),
            ("Anmodning: 32",),
            previous=("anmodning Melhus 2016",),
            tags=("follow-up",),
        ),
        Case(
            "2017?",
            ("730",),
            ("Plantall",),
            previous=("plantall Trondheim 2016", "status Trondheim 2016"),
            tags=("follow-up",),
        ),
        Case(
            "and Klæbu?",
            ("25",),
            ("Request: 25",),
            language="en",
            previous=("how many were requested for Melhus in 2016",),
            tags=("follow-up", "en"),
        ),
        Case(
            "status Skaun 2015",
            ("32", "11", "14", "3"),
            absent=("Melhus",),
            previous=("anmodning Melhus 2016",),
            tags=("follow-up", "new question"),
        ),
        Case(
            "bosatte Stjørdal 2015",
            ("57",),
            absent=("Anmodning",),
            previous=("EM anmodning Trondheim 2016",),
            tags=("follow-up", "new question"),
        ),
    ]


CASES: list[Case] = (
    _status_cases()
    + _request_cases()
    + _trondheim_cases()
    + _national_cases()
    + _drammen_cases()
    + _place_cases()
    + _aggregate_cases()
    + _compare_cases()
    + _other_cases()
    + _common_word_cases()
    + _language_cases()
    + _topic_cases()
    + _form_cases()
    + _intent_cases()
    + _follow_up_cases()
)
