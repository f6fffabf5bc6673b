"""Every word of the report, in one place, for the HTML and the Markdown renderers.

The strings are marked with ``N_`` (English message ids, extracted into the catalogs by
``scripts/i18n.py``) and translated when a report is rendered, after ``--lang`` has been set.
Templates never contain words of their own: they show these labels, so no text escapes the
catalogs. Labels are plain text; the template engine escapes them like any other value.
"""

from __future__ import annotations

from datetime import date

from partnerkit.followup import HEALTH_SYMBOL
from partnerkit.formatting import Formatter
from partnerkit.i18n import N_, _
from partnerkit.record.vocab import label
from partnerkit.rules import criterion_families

# Short names of the handbook criteria: the families of their rule codes (never translated).
SHORT = criterion_families()
SYMBOL = HEALTH_SYMBOL

LABELS = {
    # page
    "portfolio_title": N_("Partnership portfolio"),
    "annual_title": N_("Annual report {year}"),
    "as_of": N_("Status as of {date}"),
    "period": N_("Period: {start} – {end}"),
    "made_by": N_("Made with partnerkit {version} from the partnership records, as of {date}."),
    "contents": N_("Contents"),
    "no_partnerships": N_("No partnership records were found."),
    "unreadable_title": N_("Records that could not be read"),
    "unreadable_note": N_("These files are left out of the report; run partnerkit check."),
    "record_file": N_("Record file"),
    # summary
    "summary_partnerships": N_("partnerships"),
    "summary_overdue": N_("overdue follow-up items"),
    "summary_ending": N_("agreements ending within a year"),
    "summary_not_met": N_("criteria not met"),
    # overview
    "overview": N_("Portfolio overview"),
    "partnership": N_("Partnership"),
    "phase": N_("Phase"),
    "since": N_("since {date}"),
    "agreement_ends": N_("Agreement ends"),
    "overdue": N_("Overdue"),
    "due_soon": N_("Due soon"),
    "legend": N_("Legend"),
    "days_left": N_("{n} days left"),
    "days_ago": N_("ended {n} days ago"),
    "parties": N_("Parties"),
    "host": N_("host university"),
    # health
    "health": N_("Criterion health"),
    "met": N_("met"),
    "attention": N_("needs attention"),
    "not_met": N_("not met"),
    # charts
    "chart_health": N_("Criterion health across the portfolio"),
    "chart_health_note": N_("Number of partnerships per handbook criterion and status."),
    "chart_groups": N_("Activities per group of collaboration forms and year"),
    "chart_forms": N_("Activities per collaboration form and year"),
    "chart_forms_note": N_("An activity counts in every year in which it was going on."),
    "chart_indicators": N_("Indicators: progress towards the target"),
    "chart_indicators_note": N_(
        "Progress is the share of the way from baseline to target reached by the latest value; "
        "an indicator whose progress bar is shorter than its time bar is behind."
    ),
    "progress": N_("progress towards target"),
    "time_elapsed": N_("time elapsed to target date"),
    "chart_assessment": N_("Mutual assessment: scores per party"),
    # follow-up
    "followup": N_("What is overdue"),
    "followup_all": N_("Overdue across the portfolio"),
    "nothing_overdue": N_("Nothing is overdue."),
    "upcoming": N_("Due within {days} days"),
    "nothing_upcoming": N_("Nothing else is due within {days} days."),
    "due": N_("Due"),
    "what": N_("What to do"),
    "rule": N_("Rule"),
    "responsible": N_("Responsible"),
    # agreements
    "agreements": N_("Agreement timeline"),
    "no_agreements": N_("No agreement is recorded."),
    "type": N_("Type"),
    "title": N_("Title"),
    "start": N_("Start"),
    "end": N_("End"),
    "status": N_("Status"),
    "renewal_from": N_("Evaluation before renewal from"),
    "open_ended": N_("open-ended"),
    # goals
    "goals": N_("Goals and indicators"),
    "no_goals": N_("No goals are recorded."),
    "indicator": N_("Indicator"),
    "baseline": N_("Baseline"),
    "latest": N_("Latest"),
    "target": N_("Target"),
    "on_track": N_("on track"),
    "behind": N_("behind"),
    "not_measured": N_("not measured"),
    "no_indicators": N_("No indicators."),
    "owners": N_("Owners"),
    "focus_area": N_("Focus area"),
    "at_year_start": N_("At the start of the year"),
    "change": N_("Change"),
    # activities
    "activities": N_("Activities per collaboration form and year"),
    "no_activities": N_("No activities are recorded."),
    "form": N_("Collaboration form"),
    "total": N_("Total"),
    # benefits
    "benefits": N_("Benefits per party and joint value"),
    "benefit_per_party": N_("Benefit per party"),
    "joint_value": N_("Joint value"),
    "no_benefits": N_("No benefits are recorded."),
    "party": N_("Party"),
    "benefit": N_("Benefit"),
    "evidence": N_("Evidence"),
    "indicators": N_("Indicators"),
    "why_not_alone": N_("Why no party could do it alone"),
    # resources
    "resources": N_("Resources per party and level"),
    "no_resources": N_("No earmarked resources are recorded."),
    "level": N_("Level"),
    "kind": N_("Kind"),
    "amount": N_("Amount"),
    "purpose": N_("Purpose"),
    "period_col": N_("Period"),
    "mandate": N_("Mandate holder"),
    "used_in": N_("Used {year}"),
    "remaining": N_("Remaining"),
    "resource_totals": N_("Earmarked, used and remaining in {year}, per party and unit"),
    "all_parties": N_("All parties"),
    "earmarked": N_("Earmarked"),
    "status_comment": N_("Status"),
    "agreement_value": N_("Agreement value per party"),
    "per_year": N_("per year"),
    "per_period": N_("per period"),
    # governance
    "governance": N_("Governance: meetings held against cadence"),
    "governance_note": N_("Meetings held from {start} to {end}."),
    "no_bodies": N_("No governance bodies are recorded."),
    "body": N_("Body"),
    "held": N_("Held"),
    "expected": N_("Expected"),
    "last_meeting": N_("Last meeting"),
    "next_meeting": N_("Next planned"),
    "attendance": N_("Attendance per party"),
    "attendances": N_("Attendances"),
    "meetings": N_("Meetings"),
    # assessment
    "assessment": N_("Latest mutual assessment"),
    "no_assessment": N_("No mutual assessment is recorded."),
    "assessment_of": N_("{instrument}, {date}"),
    "dimension": N_("Dimension"),
    "gap": N_("Gap"),
    "gap_flag": N_("the parties differ more than the threshold"),
    "previous": N_("Compared with the assessment of {date}."),
    "respondents": N_("Respondents"),
    "summary_text": N_("Summary"),
    "mean": N_("Mean"),
    "assessments_in_year": N_("Assessments in the year"),
    # annual report sections
    "s1": N_("1. Summary and suggested direction"),
    "s2": N_("2. Goals and indicators"),
    "s3": N_("3. Activities"),
    "s4": N_("4. Benefits"),
    "s5": N_("5. Resources"),
    "s6": N_("6. Governance"),
    "s7": N_("7. Mutual self-assessment"),
    "s8": N_("8. Ethics and risk"),
    "s9": N_("9. Lessons and next year's action plan"),
    "s10": N_("10. Evaluation before renewal"),
    "direction": N_("Suggested direction"),
    "direction_note": N_(
        "The suggestion is computed from the record; the leadership meeting decides."
    ),
    "facts": N_("Facts behind the suggestion"),
    "activities_in_year": N_("Activities going on in {year}"),
    "activity": N_("Activity"),
    "volume": N_("Volume"),
    "in_year": N_("In the year"),
    "by_form": N_("By collaboration form"),
    "by_domain": N_("By domain"),
    "by_unit": N_("By unit"),
    "domain": N_("Domain"),
    "unit": N_("Unit"),
    "count": N_("Activities"),
    "funding": N_("External funding of activities started in the year: {amount} SEK."),
    "publication_freedom": N_("Publication freedom"),
    "yes": N_("yes"),
    "no": N_("no"),
    "not_recorded": N_("not recorded"),
    "risk_assessment": N_("Risk and suitability assessment"),
    "dual_roles": N_("Dual roles"),
    "handled": N_("handled"),
    "not_handled": N_("not handled"),
    "risks": N_("Issues and risks logged in the year"),
    "no_risks": N_("No issues or risks were logged in the year."),
    "lessons": N_("Changes and notes logged in the year"),
    "no_lessons": N_("No changes or notes were logged in the year."),
    "decisions": N_("Decisions taken in the year"),
    "no_decisions": N_("No decisions are recorded for the year."),
    "decision": N_("Decision"),
    "owner": N_("Owner"),
    "next_plan": N_("Action plan for {year}"),
    "no_next_plan": N_("No action plan for {year} has been drawn up yet."),
    "carried_over": N_("Open action items carried over"),
    "item": N_("Item"),
    "evaluation_intro": N_(
        "The agreement ends on {date}: the evaluation should answer these questions."
    ),
    "evaluation_phase": N_(
        "The partnership is being evaluated: these questions should be answered."
    ),
    "q_purpose": N_("Has the purpose been achieved?"),
    "a_purpose": N_(
        "{achieved} of {goals} goals achieved, {active} active; "
        "{on} of {measured} measured indicators on track."
    ),
    "q_not_working": N_("What has not worked?"),
    "nothing_flagged": N_("Nothing is flagged by the rules or the indicators."),
    "q_commitment": N_("Does each party remain committed, with the capacity to continue?"),
    "a_commitment": N_("{party}: {n} earmarked resources continue past the agreement's end."),
    "q_scope": N_("Should the scope change?"),
    "a_scope": N_("Focus areas now: {areas}."),
    "none": N_("none"),
}

ENUMS = {
    "agreement_state": {
        "ended": N_("ended"),
        "current": N_("in force"),
        "future": N_("coming"),
    },
    "activity_status": {
        "planned": N_("planned"),
        "ongoing": N_("ongoing"),
        "completed": N_("completed"),
        "cancelled": N_("cancelled"),
    },
    "event": {
        "started": N_("started"),
        "completed": N_("completed"),
        "continued": N_("continued"),
    },
    "status": {
        "open": N_("open"),
        "done": N_("done"),
        "cancelled": N_("cancelled"),
        "overdue": N_("overdue"),
    },
    "body_state": {
        "ok": N_("as the cadence asks"),
        "behind": N_("behind the cadence"),
        "none": N_("no cadence set"),
        "not_started": N_("not meeting yet"),
    },
    "scale": {
        "likert5": N_("Scale 1–5; 5 is best."),
        "rag": N_("Red, amber, green shown as 1, 2, 3."),
        "lmh": N_("Low, medium, high shown as 1, 2, 3."),
    },
    "risk_outcome": {
        "ok": N_("approved"),
        "conditions": N_("approved with conditions"),
        "reject": N_("advised against"),
    },
    "direction": {
        "continue": N_("Continue"),
        "adjust": N_("Adjust"),
        "evaluate": N_("Evaluate before renewal"),
        "phase_out": N_("Phase out"),
    },
    "direction_text": {
        "continue": N_("The partnership runs as planned: continue with the next action plan."),
        "adjust": N_("The partnership needs changes in the coming year; see the facts below."),
        "evaluate": N_("Evaluate the partnership and decide on renewal, a new start or an end."),
        "phase_out": N_("Complete the phasing out and write the closure report."),
    },
    "reason": {
        "not_met": N_("Criterion not met: {subject}."),
        "off_track": N_("Indicator behind its target: {subject}."),
        "gap": N_("The parties' assessments differ on: {subject}."),
        "low_score": N_("Low self-assessment scores from {subject}."),
        "ending": N_("The agreement ends on {subject}."),
        "phase": N_("The partnership is in the phase: {subject}."),
        "on_track": N_("{on} of {measured} measured indicators are on track."),
    },
}


class Labels(dict):
    """The labels in the current language; ``labels.enum("status", "open")`` for values,
    and for a record vocabulary (``"instrument"``) its label from the one vocabulary table."""

    def enum(self, name: str, value: str) -> str:
        if name not in ENUMS:
            return label(name, value)
        message = ENUMS[name].get(value)
        return _(message) if message else value


def labels() -> Labels:
    """Every label translated into the language set for this command."""
    return Labels({key: _(message) for key, message in LABELS.items()})


def reason_text(kind: str, subject: object, fmt: Formatter) -> str:
    """One fact behind the suggested direction of an annual report, as a sentence."""
    message = _(ENUMS["reason"][kind])
    if kind == "on_track" and isinstance(subject, tuple):
        return message.format(on=subject[0], measured=subject[1])
    if kind == "not_met":
        subject = label("criterion", str(subject), fmt.lang)
    elif kind == "phase":
        subject = label("phase", str(subject), fmt.lang)
    elif isinstance(subject, date):
        subject = fmt.long_date(subject)
    return message.format(subject=subject)


def resource_amount(amount: float | None, unit: str | None, fmt: Formatter) -> str:
    """An earmarked resource's amount with its unit: 0,4 heltidsekvivalenter, 500 000 kr per år,
    20 % av en tjänst."""
    return fmt.quantity(amount, unit)


# The export's sheets and column headings in a language other than English (English keeps
# the stable table and field names that scripts read).
EXPORT_SHEETS = {
    "partnerships": N_("Partnerships"),
    "activities": N_("Activities"),
    "goals_indicators": N_("Goals and indicators"),
    "resources": N_("Resources"),
    "contacts": N_("Contacts"),
}

EXPORT_COLUMNS = {
    "id": N_("Id"),
    "title_sv": N_("Title in Swedish"),
    "title_en": N_("Title in English"),
    "file": N_("Record file"),
    "phase_label": N_("Phase"),
    "phase_since": N_("Phase since"),
    "host": N_("Host university"),
    "partners": N_("Partners"),
    "partner_sectors": N_("Partners' sectors"),
    "agreement_type": N_("Agreement type"),
    "agreement_start": N_("Agreement starts"),
    "agreement_end": N_("Agreement ends"),
    "overdue": N_("Overdue"),
    "due_soon": N_("Due soon"),
    "health": N_("Criterion: {criterion}"),
    "goals": N_("Goals"),
    "indicators": N_("Indicators"),
    "indicators_behind": N_("Indicators behind target"),
    "activities": N_("Activities"),
    "activities_ongoing": N_("Ongoing activities"),
    "people": N_("People"),
    "partnership_id": N_("Partnership id"),
    "title": N_("Title"),
    "form_label": N_("Collaboration form"),
    "form_group": N_("Group of collaboration forms"),
    "status": N_("Status"),
    "start": N_("Start"),
    "end": N_("End"),
    "volume": N_("Volume"),
    "domains": N_("Domains"),
    "focus_area": N_("Focus area"),
    "goal_ids": N_("Goal ids"),
    "units": N_("Units"),
    "contacts": N_("Contacts"),
    "external_funding_sek": N_("External funding (SEK)"),
    "outputs": N_("Outputs"),
    "goal_id": N_("Goal id"),
    "goal": N_("Goal"),
    "goal_status": N_("Goal status"),
    "indicator_id": N_("Indicator id"),
    "indicator": N_("Indicator"),
    "unit": N_("Unit"),
    "direction": N_("Direction"),
    "frequency": N_("Frequency"),
    "baseline_date": N_("Baseline date"),
    "baseline": N_("Baseline"),
    "target_date": N_("Target date"),
    "target": N_("Target"),
    "latest_date": N_("Latest date"),
    "latest": N_("Latest"),
    "on_track": N_("On track"),
    "measurements": N_("Measurements"),
    "level_label": N_("Level"),
    "topic": N_("Topic"),
    "party": N_("Party"),
    "name": N_("Name"),
    "job_title": N_("Job title"),
    "email": N_("E-mail"),
    "language": N_("Language"),
    "source": N_("Found in"),
    "goal_status_comment": N_("Goal status comment"),
    "resource_id": N_("Resource id"),
    "resource_kind": N_("Kind"),
    "resource_unit": N_("Unit"),
    "resource_status": N_("Status"),
    "amount": N_("Earmarked"),
    "period_from": N_("Period from"),
    "period_to": N_("Period to"),
    "purpose": N_("Purpose"),
    "year": N_("Year"),
    "used": N_("Used"),
    "remaining": N_("Remaining"),
}

CONTACT_SOURCES = {"contact_pair": N_("contact pair"), "activity": N_("activity")}
HEALTH_WORDS = {
    "met": LABELS["met"],
    "attention": LABELS["attention"],
    "not_met": LABELS["not_met"],
}
