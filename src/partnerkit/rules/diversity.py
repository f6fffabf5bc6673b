"""A diversity of collaboration forms and joint activities (mångfald av samverkansformer).

The handbook's fourth characteristic: the parties work together in many ways, across research,
education, skills supply and utilisation, and across the university's fields. These rules look
at the activities of the last year for a breadth of forms, mission groups and domains, for a
steady pulse of activity, and for a named contact on each side of every running activity.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from partnerkit import obligations
from partnerkit.i18n import N_, _, current_language, quoted
from partnerkit.record.models import Activity, Partnership
from partnerkit.record.vocab import group_of, label
from partnerkit.rules.base import NOT_CLOSED, Context, E, Hit, W, late_hit, rule
from partnerkit.timeline import days, host_party, last_active

MISSION_GROUPS = ("forskning", "utbildning", "kompetensforsorjning", "nyttiggorande")
RECENT = ("drift", "utvardering")


def _recent_activities(record: Partnership, ctx: Context) -> list[Activity]:
    """Activities ongoing or ended within ``activity_window_days``."""
    since = ctx.today - days(ctx.thresholds.activity_window_days)
    return [
        a
        for a in record.activities
        if (last := last_active(a, ctx.today)) is not None and last >= since
    ]


def _labels(vocabulary: str, slugs: Iterable[str]) -> str:
    lang = current_language()
    return ", ".join(label(vocabulary, slug, lang) for slug in sorted(slugs)) or "–"


@rule(
    code="DIV-01",
    name="distinct-forms",
    criterion="diversity",
    phases=RECENT,
    severity=W,
    title=N_("The parties collaborate in several different forms"),
    explanation=N_(
        "A strategic partnership is broader than one project: it combines research projects, "
        "degree projects, industrial PhD students, contract education, recruitment and more. "
        "The activities ongoing or ended within {activity_window_days} days should use at least "
        "{min_distinct_forms} different collaboration forms. Record the activities that take "
        "place, or plan new forms of collaboration in the action plan."
    ),
    source=N_("Handledning (mångfald av samverkansformer); Samsyn; KI; Chalmers–Volvo (breadth)"),
    options=("activity_window_days", "min_distinct_forms"),
    bad=(
        "activities:\n  - {id: a1, title: Exjobb, form: examensarbete, status: ongoing}\n"
        "  - {id: a2, title: Exjobb HT, form: examensarbete, status: ongoing}\n"
    ),
    good=(
        "activities:\n  - {id: a1, title: Exjobb, form: examensarbete, status: ongoing}\n"
        "  - {id: a2, title: Doktorand, form: industridoktorand, status: ongoing}\n"
        "  - {id: a3, title: Kurs, form: uppdragsutbildning, status: ongoing}\n"
    ),
)
def distinct_forms(record: Partnership, ctx: Context) -> Iterator[Hit]:
    forms = {a.form for a in _recent_activities(record, ctx)}
    wanted = ctx.thresholds.min_distinct_forms
    if len(forms) < wanted:
        yield Hit(
            _(
                "The activities of the last {days} days use too few collaboration forms "
                "({count}: {forms}); at least {min} are expected."
            ).format(
                days=ctx.thresholds.activity_window_days,
                count=len(forms),
                forms=_labels("form", forms),
                min=wanted,
            ),
            ("activities",),
        )


@rule(
    code="DIV-02",
    name="form-groups",
    criterion="diversity",
    phases=RECENT,
    severity=W,
    title=N_("The activities span research, education, skills supply and utilisation"),
    explanation=N_(
        "The partnership should reach more than one of the university's missions. The forms of "
        "the activities ongoing or ended within {activity_window_days} days should cover at least "
        "{min_form_groups} of the groups research, education, skills supply and utilisation "
        "(relationship forms such as seminars do not count). Add activities in a mission the "
        "partnership does not yet reach."
    ),
    source=N_("LiU (research, education, utilisation); Uppsala; LTU"),
    options=("activity_window_days", "min_form_groups"),
    bad=(
        "activities:\n  - {id: a1, title: Exjobb, form: examensarbete, status: ongoing}\n"
        "  - {id: a2, title: Gästföreläsning, form: gastforelasning, status: ongoing}\n"
    ),
    good=(
        "activities:\n  - {id: a1, title: Exjobb, form: examensarbete, status: ongoing}\n"
        "  - {id: a2, title: Doktorand, form: industridoktorand, status: ongoing}\n"
    ),
)
def form_groups(record: Partnership, ctx: Context) -> Iterator[Hit]:
    groups = {group_of("form", a.form) for a in _recent_activities(record, ctx)}
    covered = groups & set(MISSION_GROUPS)
    wanted = ctx.thresholds.min_form_groups
    if len(covered) < wanted:
        yield Hit(
            _(
                "The activities of the last {days} days reach too few of the missions "
                "research, education, skills supply and utilisation ({count}: {groups}); at "
                "least {min} are expected."
            ).format(
                days=ctx.thresholds.activity_window_days,
                count=len(covered),
                groups=_labels("form_group", covered),
                min=wanted,
            ),
            ("activities",),
        )


@rule(
    code="DIV-03",
    name="domains",
    criterion="diversity",
    phases=RECENT,
    severity=W,
    title=N_("The activities reach several of the university's fields"),
    explanation=N_(
        "A strategic partnership is university-wide (lärosätesövergripande): it involves more "
        "than one faculty or field. The activities ongoing or ended within "
        "{activity_window_days} days should name at least {min_domains} different domains. Record "
        "the "
        "domains of each activity, and look for collaboration in fields not yet involved. A "
        "university with a single faculty can set DIV-03 to info in partnerkit.toml."
    ),
    source=N_("Samsyn (lärosätesövergripande); Umeå (all faculties); Chalmers (breadth)"),
    options=("activity_window_days", "min_domains"),
    bad=(
        "activities:\n  - {id: a1, title: Exjobb, form: examensarbete, status: ongoing,\n"
        "     domains: [teknik_naturvetenskap]}\n"
    ),
    good=(
        "activities:\n  - {id: a1, title: Exjobb, form: examensarbete, status: ongoing,\n"
        "     domains: [teknik_naturvetenskap]}\n"
        "  - {id: a2, title: Kurs, form: uppdragsutbildning, status: ongoing,\n"
        "     domains: [samhallsvetenskap]}\n"
    ),
)
def domains(record: Partnership, ctx: Context) -> Iterator[Hit]:
    found = {d for a in _recent_activities(record, ctx) for d in a.domains}
    wanted = ctx.thresholds.min_domains
    if len(found) < wanted:
        yield Hit(
            _(
                "The activities of the last {days} days reach too few domains "
                "({count}: {domains}); at least {min} are expected."
            ).format(
                days=ctx.thresholds.activity_window_days,
                count=len(found),
                domains=_labels("domain", found),
                min=wanted,
            ),
            ("activities",),
        )


@rule(
    code="DIV-04",
    name="dormant",
    criterion="diversity",
    phases=("drift",),
    severity=W,
    title=N_("Something is happening in the partnership"),
    explanation=N_(
        "A running partnership has activities under way. When no activity has been ongoing for "
        "{dormant_warn_days} days the partnership is going dormant: a warning; after "
        "{dormant_error_days} days, an error. Record the activities that take place, or agree on "
        "new "
        "ones at the next steering-group meeting."
    ),
    source=N_("KTH ARC model (every action needs a reaction); TPI and Simoons health checks"),
    options=("dormant_warn_days", "dormant_error_days"),
    bad=(
        "activities:\n  - {id: a1, title: Kurs, form: uppdragsutbildning, status: completed,\n"
        "     start: 2024-01-15, end: 2024-05-31}\n"
    ),
    good=(
        "activities:\n  - {id: a1, title: Exjobb, form: examensarbete, status: ongoing,\n"
        "     start: 2024-01-15}\n"
    ),
    escalation=N_(
        "an error after {dormant_error_days} days, or when no activity has taken place at all"
    ),
)
def dormant(record: Partnership, ctx: Context) -> Iterator[Hit]:
    last = max(filter(None, (last_active(a, ctx.today) for a in record.activities)), default=None)
    if last is None:
        yield Hit(_("No activity has taken place yet."), ("activities",), severity=E)
        return
    for due in obligations.activity(record, ctx.today, ctx.thresholds):
        if due.late(ctx.today):
            message = _(
                "No activity is ongoing: the last one was under way on {date}, {days} days ago; "
                "a new one was due by {due}."
            ).format(date=last, days=(ctx.today - last).days, due=due.due)
            yield late_hit(message, due, ctx.today)


@rule(
    code="DIV-05",
    name="activity-contacts",
    criterion="diversity",
    phases=NOT_CLOSED,
    severity=W,
    title=N_("Every running activity has a contact on each side"),
    explanation=N_(
        "Each planned or ongoing activity needs a named contact person at every party it "
        "involves, so that somebody on each side answers for it. The parties involved are "
        "the host university and the parties named in the activity's units or contacts; in a "
        "partnership with a single partner, that partner. Add the missing person under the "
        "activity's contacts."
    ),
    source=N_("Chalmers–Ericsson, LiU (a person in charge in each organisation)"),
    bad="activities:\n  - {id: a1, title: Exjobb, form: examensarbete, contacts: {eu: p-prof}}\n",
    good=(
        "activities:\n  - {id: a1, title: Exjobb, form: examensarbete,\n"
        "     contacts: {eu: p-prof, nv: p-ing}}\n"
    ),
)
def activity_contacts(record: Partnership, ctx: Context) -> Iterator[Hit]:
    names = {p.id: p.name for p in record.parties}
    for index, activity in enumerate(record.activities):
        if activity.status not in ("planned", "ongoing"):
            continue
        missing = _missing_contacts(record, activity)
        if missing:
            yield Hit(
                _("The activity {activity} has no contact at: {parties}.").format(
                    activity=quoted(activity.title),
                    parties=", ".join(names.get(m, m) for m in missing),
                ),
                ("activities", index, "contacts"),
            )


def _missing_contacts(record: Partnership, activity: Activity) -> list[str]:
    host = host_party(record)
    involved = {u.side for u in activity.units} | set(activity.contacts) | {host}
    others = [p.id for p in record.parties if p.id != host]
    if len(others) == 1:
        involved.add(others[0])
    missing = [p.id for p in record.parties if p.id in involved and p.id not in activity.contacts]
    if not involved - {host}:
        missing.append(_("a partner"))
    return missing


RULES = (
    distinct_forms,
    form_groups,
    domains,
    dormant,
    activity_contacts,
)
