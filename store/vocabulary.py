"""The one vocabulary: measures, groups, intents, roles and delivery statuses, used by every layer."""

from __future__ import annotations

import re
from enum import StrEnum


class Measure(StrEnum):
    """What a figure counts (the glossary's keys)."""

    REQUESTED = "requested"
    REQUESTED_REVISED = "requested_revised"
    DECIDED = "decided"
    DECIDED_REVISED = "decided_revised"
    SETTLED = "settled"
    ASSIGNED = "assigned"
    SETTLED_AND_ASSIGNED = "settled_and_assigned"
    PLANNED = "planned"
    SETTLEMENT_NEED = "settlement_need"
    SETTLED_FORECAST = "settled_forecast"
    PROPOSED = "proposed"
    CAPACITY = "capacity"
    CAPACITY_DWELLINGS = "capacity_dwellings"
    ASYLUM_SEEKERS = "asylum_seekers"
    ASYLUM_SEEKERS_FORECAST_MIN = "asylum_seekers_forecast_min"
    ASYLUM_SEEKERS_FORECAST_MAX = "asylum_seekers_forecast_max"
    RESIDENCE_PERMITS_5Y_MIN = "residence_permits_5y_min"
    RESIDENCE_PERMITS_5Y_MAX = "residence_permits_5y_max"
    DISPLACED = "displaced"
    INTERNALLY_DISPLACED = "internally_displaced"
    NEW_EM_MUNICIPALITIES_REQUESTED = "new_em_municipalities_requested"
    GRANT_BEYOND_REQUEST_NOK = "grant_beyond_request_nok"
    GRANT_PER_SETTLED_NOK = "grant_per_settled_nok"
    INTRO_RESULT_PCT = "intro_result_pct"
    INTRO_RESULT_RANK = "intro_result_rank"
    INTRO_PARTICIPANTS = "intro_participants"
    INTRO_PARTICIPANTS_PCT = "intro_participants_pct"
    INTRO_OUTCOME = "intro_outcome"
    COMPETENCE_MODULES = (
        "competence_modules"  # IMDi's Kompetanseløft for new settlement municipalities (seed 001)
    )
    PLAN_FROM = "plan_from"  # a strategy's or plan's first year (seed 002)
    PLAN_TO = "plan_to"  # its last year
    PLAN_ADOPTED = "plan_adopted"  # the year it was adopted, the day as the statement's as-of date
    IMDI_OPERATIONAL = (
        "imdi_operational"  # the year IMDi began its work, the day as the as-of date (seed 001)
    )
    SETTLEMENT_MONTHS = "settlement_months"  # how long settling a refugee takes, in months (seed 004)
    INTRO_YEARS = "intro_years"  # how long the introduction programme lasts, in years
    INTRO_YEARS_MAX = "intro_years_max"  # and at most


class Group(StrEnum):
    """Whom a figure counts: everyone, a group of refugees, or a category of the intro programme."""

    ALL = "all"
    EM = "em"
    EM_UNDER_15 = "em_under_15"
    UKRAINE = "ukraine"
    RESETTLEMENT = "resettlement"
    FAMILY = "family"
    TRACK_1 = "track_1"
    TRACK_2 = "track_2"
    TRACK_3 = "track_3"
    YOUTH = "youth"
    WORK_30H_PLUS = "work_30h_plus"
    WORK_UNDER_30H = "work_under_30h"
    JOBSEEKER_NAV_MEASURES = "jobseeker_nav_measures"
    JOBSEEKER_KVP = "jobseeker_kvp"
    JOBSEEKER_WAGE_SUBSIDY = "jobseeker_wage_subsidy"
    JOBSEEKER_OTHER_MEASURES = "jobseeker_other_measures"
    NOT_JOBSEEKER = "not_jobseeker"
    HEALTH_REASONS = "health_reasons"
    NO_ACTIVITY = "no_activity"
    PRIMARY_SCHOOL = "primary_school"
    HIGHER_EDUCATION = "higher_education"
    UPPER_SECONDARY = "upper_secondary"
    OTHER_BENEFITS = "other_benefits"
    SOCIAL_ASSISTANCE = "social_assistance"
    OTHER = "other"


class Intent(StrEnum):
    """What kind of answer a question wants."""

    UNKNOWN = "unknown"
    STATUS = "status"
    FIGURE = "figure"
    SERIES = "series"
    RANKING = "ranking"
    GRANT = "grant"
    INTRO = "intro"
    CHANGE = "change"  # how much a figure rose or fell: during its year, and from the year before
    HELP = "help"
    START = "start"


class Role(StrEnum):
    """What a member of the bot may do."""

    ADMIN = "admin"
    COORDINATOR = "coordinator"


class DeliveryStatus(StrEnum):
    """Where one digest delivery stands in the delivery log."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    SKIPPED = "skipped"
    FAILED = "failed"
    BLOCKED = "blocked"
    UNKNOWN = "unknown"  # the send may or may not have arrived: sent again only when an admin says so


# Settlement measures in their usual order: request, decision, settled, assigned.
PROGRESS_MEASURES = (Measure.REQUESTED, Measure.DECIDED, Measure.SETTLED, Measure.ASSIGNED)
# Measures an admin may write with /set or an upload.
WRITABLE_MEASURES = (
    Measure.REQUESTED,
    Measure.REQUESTED_REVISED,
    Measure.DECIDED,
    Measure.DECIDED_REVISED,
    Measure.SETTLED,
    Measure.ASSIGNED,
    Measure.PLANNED,
)
# Measures that state a revision of another during the year: the revised request and decision.
DAYS_A_MODULE = 2  # the competence programme's modules are 'à 2 dager' (seed 001)
REVISED: dict[str, str] = {
    Measure.REQUESTED: Measure.REQUESTED_REVISED,
    Measure.DECIDED: Measure.DECIDED_REVISED,
}
ORIGINALS: dict[str, str] = {revised: original for original, revised in REVISED.items()}  # and back
# Shares and ranks: never summed over members.
NON_ADDITIVE = frozenset(
    {
        Measure.INTRO_RESULT_PCT,
        Measure.INTRO_RESULT_RANK,
        Measure.INTRO_PARTICIPANTS_PCT,
        Measure.COMPETENCE_MODULES,
        Measure.PLAN_FROM,
        Measure.PLAN_TO,
        Measure.PLAN_ADOPTED,
        Measure.IMDI_OPERATIONAL,
        Measure.SETTLEMENT_MONTHS,
        Measure.INTRO_YEARS,
        Measure.INTRO_YEARS_MAX,
    }
)
# A strategy's or plan's period and adoption: its figures are years.
PLAN_MEASURES = (Measure.PLAN_FROM, Measure.PLAN_TO, Measure.PLAN_ADOPTED)
# How long the introduction programme lasts: usually, and at most.
INTRO_YEARS_MEASURES = (Measure.INTRO_YEARS, Measure.INTRO_YEARS_MAX)
# Figures that count no people (years, modules, months): never hidden as a small count, years never grouped.
NOT_PEOPLE = frozenset(
    {
        Measure.COMPETENCE_MODULES,
        Measure.SETTLEMENT_MONTHS,
        Measure.IMDI_OPERATIONAL,
        *PLAN_MEASURES,
        *INTRO_YEARS_MEASURES,
    }
)
# Groups of refugees (the rest of Group are categories of the intro programme).
POPULATION_GROUPS = (Group.ALL, Group.EM, Group.EM_UNDER_15, Group.UKRAINE, Group.RESETTLEMENT, Group.FAMILY)
# The group a group is part of, where not everyone: the minors under 15 of the minors.
WHOLE_OF: dict[str, str] = {Group.EM_UNDER_15: Group.EM}
# The introduction programme's categories: its tracks and its outcomes (seed 004).
INTRO_GROUPS = tuple(group for group in Group if group not in POPULATION_GROUPS)
INTRO_TRACKS = (Group.TRACK_1, Group.TRACK_2, Group.TRACK_3, Group.YOUTH)  # shares of the participants
INTRO_OUTCOMES = tuple(
    group for group in INTRO_GROUPS if group not in INTRO_TRACKS
)  # counts after the programme

# The largest plausible value of a figure. Counts of people in a municipality, a county or the whole
# country stay below a million; a few source figures are about Europe or the world (asylum seekers,
# the displaced), grants are in kroner, and shares are percentages.
LARGEST_COUNT = 999_999
LARGEST_VALUE: dict[str, int] = {
    Measure.ASYLUM_SEEKERS: 9_999_999_999,
    Measure.ASYLUM_SEEKERS_FORECAST_MIN: 9_999_999_999,
    Measure.ASYLUM_SEEKERS_FORECAST_MAX: 9_999_999_999,
    Measure.DISPLACED: 9_999_999_999,
    Measure.INTERNALLY_DISPLACED: 9_999_999_999,
    Measure.GRANT_BEYOND_REQUEST_NOK: 999_999_999,
    Measure.GRANT_PER_SETTLED_NOK: 999_999_999,
    Measure.INTRO_RESULT_PCT: 100,
    Measure.INTRO_PARTICIPANTS_PCT: 100,
}

FIRST_YEAR = 1977  # the register's first changes; no settlement figure is older
YEAR = re.compile(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)")  # a plausible year anywhere in a text
COMMAND = re.compile(r"^/(\w+)(?:@\w+)?\s*")  # a Telegram command, with or without @BotName
MEASURE_KEYS = frozenset(Measure)  # for membership tests of plain strings
GROUP_KEYS = frozenset(Group)
