"""What the edit commands do to a record, as splices of its text (see :mod:`.splice`).

Each function takes a :class:`~partnerkit.edit.splice.Document`, records its edits on it and
returns a :class:`Change` (one translated line saying what changed, and which splice to point
at). It never prints, never writes: the caller gets the new text from ``doc.result()``,
validates it and writes it (:mod:`partnerkit.edit.session`).

History lists are kept in date order: a new entry goes after the last one dated on or before
it, so a ``git diff`` shows only added lines.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from partnerkit import formatting
from partnerkit.edit.splice import DataPath, Document
from partnerkit.errors import UsageError
from partnerkit.i18n import _, ngettext
from partnerkit.record.vocab import label


@dataclass(frozen=True)
class Change:
    message: str
    splice: int | None = None


@cache
def field_order(model_name: str) -> list[str]:
    """The keys of a model in the order the models declare them (aliases where set)."""
    from partnerkit.record import models

    model = getattr(models, model_name)
    return [info.alias or name for name, info in model.model_fields.items()]


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _compact(mapping: dict) -> dict:
    """Drop fields that were not given (None, empty lists)."""
    return {k: v for k, v in mapping.items() if v is not None and v != [] and v != {}}


def position_by_date(items: list, day: str, key: str = "date") -> int:
    """Where an entry dated ``day`` goes: after the last entry dated on or before it."""
    position = 0
    for i, item in enumerate(items):
        value = item.get(key) if isinstance(item, dict) else None
        if not isinstance(value, str) or value <= day:
            position = i + 1
    return position


def _unknown(message: str, value: str, known: list[str]) -> UsageError:
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    if close:
        message += " " + _("Did you mean '{suggestion}'?").format(suggestion=close[0])
    elif known:
        message += " " + _("Known ids: {ids}.").format(ids=", ".join(known[:12]))
    return UsageError(message)


def _index_of(items: list, wanted: str, missing: str) -> int:
    """The index of the item whose id is ``wanted``; else a :class:`UsageError` saying
    ``missing`` (formatted with the id) and suggesting a known id."""
    for i, item in enumerate(items):
        if isinstance(item, dict) and item.get("id") == wanted:
            return i
    raise _unknown(missing.format(id=wanted), wanted, _ids(items))


def _ids(items: list) -> list[str]:
    return [i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)]


def slugify(text: str, limit: int = 40) -> str:
    """An ASCII id from a title: ``Examensarbeten 2026`` -> ``examensarbeten-2026``."""
    folded = unicodedata.normalize("NFKD", text.lower())
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c))
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or (words[0][:limit] if words else "")


def unique_id(prefix: str, title: str, taken: set[str]) -> str:
    base = f"{prefix}{slugify(title)}" if slugify(title) else prefix.rstrip("-")
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def new_decision_ids(doc: Document, day: date, count: int) -> list[str]:
    """The next ``d-YYYY-NN`` ids for decisions taken on ``day``."""
    taken = set(_ids(_list(doc.get(("decisions",))))) | doc.new_ids
    pattern = re.compile(rf"d-{day.year}-(\d+)")
    numbers = [m.group(1) for i in taken if (m := pattern.fullmatch(i))]
    width = max([2, *(len(n) for n in numbers)])
    following = max([0, *(int(n) for n in numbers)]) + 1
    result: list[str] = []
    while len(result) < count:
        candidate = f"d-{day.year}-{following:0{width}d}"
        if candidate not in taken:
            result.append(candidate)
        following += 1
    doc.new_ids.update(result)
    return result


# --- the commands' edits --------------------------------------------------------------


def add_log_entry(
    doc: Document,
    day: date,
    summary: str,
    log_type: str = "note",
    author: str | None = None,
    refs: list[str] | None = None,
) -> Change:
    entry = _compact(
        {"date": day, "type": log_type, "summary": summary, "author": author, "refs": refs}
    )
    items = _list(doc.get(("followup_log",)))
    position = position_by_date(items, day.isoformat())
    splice = doc.add_items((), "followup_log", [entry], position, field_order("Partnership"))
    return Change(
        _("Added a log entry ({type}) dated {date}.").format(
            type=label("log_type", log_type), date=day.isoformat()
        ),
        splice,
    )


def add_decision(
    doc: Document,
    text: str,
    day: date,
    body: str | None = None,
    owner: str | None = None,
    due: date | None = None,
    decision_id: str | None = None,
    refs: list[str] | None = None,
    goes_to: tuple[str, date, str | None, str | None] | None = None,
) -> Change:
    decisions = _list(doc.get(("decisions",)))
    if decision_id is None:
        decision_id = new_decision_ids(doc, day, 1)[0]
    elif decision_id in _ids(decisions) or decision_id in doc.new_ids:
        raise UsageError(_("There is already a decision with the id {id}.").format(id=decision_id))
    if body is not None:
        _body_index(doc, body)
    if goes_to is not None:
        _body_index(doc, goes_to[0])
    entry = _compact(
        {
            "id": decision_id,
            "date": day,
            "body_id": body,
            "text": text,
            "owner": owner,
            "due": due,
            "refs": refs or None,
            "goes_to": _goes_to(*goes_to) if goes_to else None,
        }
    )
    position = position_by_date(decisions, day.isoformat())
    splice = doc.add_items((), "decisions", [entry], position, field_order("Partnership"))
    return Change(
        _("Added decision {id} dated {date}.").format(id=decision_id, date=day.isoformat()), splice
    )


def _goes_to(body: str, meeting: date, proposal: str | None, about: str | None) -> dict:
    return _compact({"body": body, "meeting": meeting, "proposal": proposal, "about": about})


def close_decision(doc: Document, decision_id: str, day: date, status: str = "done") -> Change:
    decisions = _list(doc.get(("decisions",)))
    index = _index_of(
        decisions, decision_id, _("There is no decision with the id {id} in this record.")
    )
    current = decisions[index].get("status", "open")
    if current != "open":
        raise UsageError(
            _("The decision {id} is already {status}; there is nothing to close.").format(
                id=decision_id, status=label("status", str(current))
            )
        )
    path: DataPath = ("decisions", index)
    order = field_order("Decision")
    splice = doc.set_key(path, "status", status, order)
    doc.set_key(path, "closed", day, order)
    return Change(
        _("Closed decision {id} on {date} (status {status}).").format(
            id=decision_id, date=day.isoformat(), status=label("status", status)
        ),
        splice,
    )


def _body_index(doc: Document, body_id: str) -> int:
    missing = _("There is no governance body with the id {id} in this record.")
    return _index_of(_list(doc.get(("governance",))), body_id, missing)


@dataclass
class MeetingDetails:
    status: str = "held"
    kind: str = "ordinary"
    attendees: list[str] | None = None
    time: str | None = None
    place: str | None = None
    brief_ref: str | None = None
    brief_sent: date | None = None
    minutes_ref: str | None = None
    minutes_date: date | None = None
    decisions: list[str] | None = None
    decision_owner: str | None = None
    decision_due: date | None = None


def add_meeting(doc: Document, body_id: str, day: date, details: MeetingDetails) -> Change:
    """A meeting of a body, with the decisions it took. A meeting planned for that day is
    recorded as held (or cancelled) rather than added twice."""
    index = _body_index(doc, body_id)
    body_path: DataPath = ("governance", index)
    meetings = _list(doc.get((*body_path, "meetings")))
    iso = day.isoformat()
    texts = details.decisions or []
    new_ids = new_decision_ids(doc, day, len(texts))
    same_day = [i for i, m in enumerate(meetings) if isinstance(m, dict) and m.get("date") == iso]
    if same_day:
        splice = _update_planned(
            doc, body_id, (*body_path, "meetings", same_day[0]), details, new_ids
        )
        message = _("Recorded the planned meeting of {body} on {date} as {status}.").format(
            body=body_id, date=iso, status=label("status", details.status)
        )
    else:
        meeting = _compact(
            {
                "date": day,
                "kind": details.kind if details.kind != "ordinary" else None,
                "status": details.status if details.status != "held" else None,
                "time": details.time,
                "place": details.place,
                "attendees": list(dict.fromkeys(details.attendees or [])),
                "brief_ref": details.brief_ref,
                "brief_sent": details.brief_sent,
                "minutes_ref": details.minutes_ref,
                "minutes_date": details.minutes_date,
                "decision_ids": new_ids,
            }
        )
        position = position_by_date(meetings, iso)
        splice = doc.add_items(
            body_path, "meetings", [meeting], position, field_order("GovernanceBody")
        )
        message = _("Added a meeting of {body} on {date}.").format(body=body_id, date=iso)
    if texts:
        entries = [
            _compact(
                {
                    "id": decision_id,
                    "date": day,
                    "body_id": body_id,
                    "text": text,
                    "owner": details.decision_owner,
                    "due": details.decision_due,
                }
            )
            for decision_id, text in zip(new_ids, texts, strict=True)
        ]
        decisions = _list(doc.get(("decisions",)))
        doc.add_items(
            (), "decisions", entries, position_by_date(decisions, iso), field_order("Partnership")
        )
        message += " " + ngettext(
            "Added decision {ids}.", "Added decisions {ids}.", len(new_ids)
        ).format(ids=", ".join(new_ids))
    return Change(message, splice)


def _update_planned(
    doc: Document, body_id: str, path: DataPath, details: MeetingDetails, new_ids: list[str]
) -> int:
    meeting = doc.get(path)
    if meeting.get("status", "held") != "planned" or details.status == "planned":
        raise UsageError(
            _(
                "{body} already has a meeting on {date} ({status}); "
                "partnerkit does not add it twice."
            ).format(
                body=body_id,
                date=meeting.get("date"),
                status=label("status", str(meeting.get("status", "held"))),
            )
        )
    order = field_order("Meeting")
    splice = doc.set_key(path, "status", details.status, order)
    given: dict[str, Any] = {
        "kind": details.kind if details.kind != "ordinary" else None,
        "time": details.time,
        "place": details.place,
        "attendees": details.attendees or [],
        "brief_ref": details.brief_ref,
        "brief_sent": details.brief_sent,
        "minutes_ref": details.minutes_ref,
        "minutes_date": details.minutes_date,
        "decision_ids": new_ids,
    }
    for key, value in given.items():  # in the models' order, so new keys land in order
        if isinstance(value, list):
            present = _list(meeting.get(key))
            missing = [v for v in dict.fromkeys(value) if v not in present]
            if missing:
                doc.add_items(path, key, missing, None, order)
        elif value is not None:
            doc.set_key(path, key, value, order)
    return splice


@dataclass
class ActivityDetails:
    title: str
    form: str
    activity_id: str | None = None
    status: str = "planned"
    goal_ids: list[str] | None = None
    focus_area_id: str | None = None
    domains: list[str] | None = None
    units: list[dict] | None = None
    contacts: dict[str, str] | None = None
    start: date | None = None
    end: date | None = None
    volume: int | None = None
    outputs: list[str] | None = None


def add_activity(doc: Document, details: ActivityDetails) -> Change:
    activities = _list(doc.get(("activities",)))
    taken = set(_ids(activities))
    activity_id = details.activity_id or unique_id("a-", details.title, taken)
    if activity_id in taken:
        raise UsageError(_("There is already an activity with the id {id}.").format(id=activity_id))
    entry = _compact(
        {
            "id": activity_id,
            "title": details.title,
            "form": details.form,
            "goal_ids": details.goal_ids,
            "focus_area_id": details.focus_area_id,
            "domains": details.domains,
            "units": details.units,
            "contacts": details.contacts,
            "start": details.start,
            "end": details.end,
            "status": details.status,
            "volume": details.volume,
            "outputs": details.outputs,
        }
    )
    splice = doc.add_items((), "activities", [entry], None, field_order("Partnership"))
    return Change(
        _("Added activity {id} ({form}).").format(id=activity_id, form=details.form), splice
    )


def _indicator_path(doc: Document, indicator_id: str) -> DataPath:
    known = []
    for g, goal in enumerate(_list(doc.get(("goals",)))):
        if not isinstance(goal, dict):
            continue
        for i, indicator in enumerate(_list(goal.get("indicators"))):
            if isinstance(indicator, dict):
                if indicator.get("id") == indicator_id:
                    return ("goals", g, "indicators", i)
                if isinstance(indicator.get("id"), str):
                    known.append(indicator["id"])
    raise _unknown(
        _("There is no indicator with the id {id} in this record.").format(id=indicator_id),
        indicator_id,
        known,
    )


def add_measurement(
    doc: Document, indicator_id: str, day: date, value: float, note: str | None = None
) -> Change:
    path = _indicator_path(doc, indicator_id)
    measurements = _list(doc.get((*path, "measurements")))
    iso = day.isoformat()
    for existing in measurements:
        if isinstance(existing, dict) and existing.get("date") == iso:
            raise UsageError(
                _("{indicator} already has a measurement dated {date} ({value}).").format(
                    indicator=indicator_id, date=iso, value=_number(existing.get("value"))
                )
            )
    entry = _compact({"date": day, "value": value, "note": note})
    position = position_by_date(measurements, iso)
    splice = doc.add_items(path, "measurements", [entry], position, field_order("Indicator"))
    return Change(
        _("Recorded {value} for {indicator} on {date}.").format(
            value=_number(entry["value"]), indicator=indicator_id, date=iso
        ),
        splice,
    )


def _number(value: object) -> object:
    """A measured value as the reader writes numbers: 4,2 in Swedish."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return formatting.number(value)
    return value


def closing_blockers(doc: Document, day: date) -> list[str]:
    """What the closing rules still find in the edited record on ``day``."""
    from partnerkit.config import Limits
    from partnerkit.load.pipeline import parse_record
    from partnerkit.rules.closing import closing_blockers as blockers

    record = parse_record(doc.result(), "", Limits(max_file_bytes=1 << 40)).record
    return [] if record is None else blockers(record, day)


def change_phase(
    doc: Document,
    phase: str,
    day: date,
    decision_id: str | None = None,
    exception: str | None = None,
) -> Change:
    """Move the partnership to ``phase`` from ``day``; the history gains the new phase (and
    the current one first, when the history does not end with it). Closing (``avslutad``)
    is refused while the closing rules find something, unless ``exception`` says why it is
    closed anyway; the reason is kept in the history."""
    if phase == "avslutad" and exception is None:
        blockers = closing_blockers(doc, day)
        if blockers:
            listing = "".join(f"\n  - {text}" for text in blockers)
            raise UsageError(
                _("The partnership cannot be closed yet:{listing}").format(listing=listing)
                + "\n"
                + _(
                    "Settle these first, or close it anyway with --force --reason TEXT (the "
                    "reason is kept in the phase history)."
                )
            )
    lifecycle = doc.get(("lifecycle",))
    if not isinstance(lifecycle, dict):
        raise UsageError(_("The record has no lifecycle to change."))
    current, since = lifecycle.get("phase"), lifecycle.get("phase_since")
    iso = day.isoformat()
    if phase == current:
        raise UsageError(
            _("The partnership is already in the phase {phase} (since {date}).").format(
                phase=label("phase", str(phase)), date=since
            )
        )
    if isinstance(since, str) and iso < since:
        raise UsageError(
            _(
                "{date} is before the current phase began ({since}); a phase change "
                "cannot go back in time."
            ).format(date=iso, since=since)
        )
    history = _list(lifecycle.get("history"))
    entries: list[dict] = []
    last = history[-1] if history and isinstance(history[-1], dict) else {}
    if current and since and (last.get("phase"), last.get("from")) != (current, since):
        entries.append({"phase": current, "from": _as_date(since)})
    entries.append(
        _compact({"phase": phase, "from": day, "decision_id": decision_id, "exception": exception})
    )
    order = field_order("Lifecycle")
    splice = doc.set_key(("lifecycle",), "phase", phase, order)
    doc.set_key(("lifecycle",), "phase_since", day, order)
    doc.add_items(("lifecycle",), "history", entries, None, order)
    return Change(
        _("Changed the phase from {old} to {new} on {date}.").format(
            old=label("phase", str(current)), new=label("phase", str(phase)), date=iso
        ),
        splice,
    )


def _as_date(value: Any) -> Any:
    """An ISO date read from the record as a date, so it is written as one (unquoted)."""
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else value
    except ValueError:
        return value


@dataclass
class AssessmentDetails:
    instrument: str
    scale: str = "likert5"
    respondents: list[dict] | None = None
    scores: list[dict] | None = None
    summary: str | None = None
    action_decision_ids: list[str] | None = None


def add_assessment(doc: Document, day: date, details: AssessmentDetails) -> Change:
    entry = _compact(
        {
            "date": day,
            "instrument": details.instrument,
            "scale": details.scale,
            "respondents": details.respondents,
            "scores": details.scores,
            "summary": details.summary,
            "action_decision_ids": details.action_decision_ids,
        }
    )
    assessments = _list(doc.get(("assessments",)))
    position = position_by_date(assessments, day.isoformat())
    splice = doc.add_items((), "assessments", [entry], position, field_order("Partnership"))
    return Change(
        ngettext(
            "Added an assessment ({instrument}) dated {date} with {n} score.",
            "Added an assessment ({instrument}) dated {date} with {n} scores.",
            len(details.scores or []),
        ).format(
            instrument=label("instrument", details.instrument),
            date=day.isoformat(),
            n=len(details.scores or []),
        ),
        splice,
    )


def record_use(
    doc: Document, resource_id: str, year: int, amount: float, note: str | None = None
) -> Change:
    """Record what was used of a resource in ``year``: a new entry, or the year's entry
    updated (use is reported during the year and corrected when the books close)."""
    resources = _list(doc.get(("resources",)))
    index = _index_of(
        resources, resource_id, _("There is no resource with the id {id} in this record.")
    )
    path: DataPath = ("resources", index)
    uses = _list(doc.get((*path, "used")))
    for j, existing in enumerate(uses):
        if isinstance(existing, dict) and existing.get("period") == year:
            order = field_order("ResourceUse")
            splice = doc.set_key((*path, "used", j), "amount", amount, order)
            if note is not None:
                doc.set_key((*path, "used", j), "note", note, order)
            return Change(
                _("Updated the use of {id} in {year} to {amount}.").format(
                    id=resource_id, year=year, amount=_number(amount)
                ),
                splice,
            )
    entry = _compact({"period": year, "amount": amount, "note": note})
    position = 0
    for j, existing in enumerate(uses):
        later = isinstance(existing, dict) and isinstance(existing.get("period"), int)
        if not (later and existing["period"] > year):
            position = j + 1
    splice = doc.add_items(path, "used", [entry], position, field_order("Resource"))
    return Change(
        _("Recorded the use of {id} in {year}: {amount}.").format(
            id=resource_id, year=year, amount=_number(amount)
        ),
        splice,
    )


def set_goal_comment(doc: Document, goal_id: str, comment: str) -> Change:
    """Set a goal's short status comment (replacing the one it had)."""
    goals = _list(doc.get(("goals",)))
    index = _index_of(goals, goal_id, _("There is no goal with the id {id} in this record."))
    splice = doc.set_key(("goals", index), "status_comment", comment, field_order("Goal"))
    return Change(_("Set the status comment of goal {id}.").format(id=goal_id), splice)


def _as_day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _plan_period(plan: Any) -> tuple[date | None, date | None]:
    period = plan.get("period") if isinstance(plan, dict) else None
    if not isinstance(period, dict):
        return None, None
    return _as_day(period.get("from")), _as_day(period.get("to"))


def _following_period(start: date | None, end: date, year: int | None) -> tuple[date, date]:
    """The period after one that ended on ``end``: the calendar year ``year`` when given;
    else the next calendar year after a plan for a calendar year, or as many months again."""
    from datetime import timedelta

    from partnerkit.timeline import add_months

    if year is not None:
        return date(year, 1, 1), date(year, 12, 31)
    if start is not None and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return date(end.year + 1, 1, 1), date(end.year + 1, 12, 31)
    first = end + timedelta(days=1)
    months = 12
    if start is not None:
        months = max(1, (end.year - start.year) * 12 + end.month - start.month + 1)
    return first, add_months(first, months) - timedelta(days=1)


def add_next_plan(doc: Document, year: int | None = None) -> Change:
    """A draft action plan (not approved) for the period after the last plan, holding the
    last plan's open items with new ids, ready to be proposed to the steering group."""
    plans = _list(doc.get(("action_plans",)))
    dated = [(i, *_plan_period(p)) for i, p in enumerate(plans)]
    ended = [(i, start, end) for i, start, end in dated if end is not None]
    if not ended:
        raise UsageError(
            _("There is no action plan with an end date to continue from (see action_plans).")
        )
    index, start, end = max(ended, key=lambda x: x[2])
    if year is None and not plans[index].get("approved_by"):
        raise UsageError(
            _(
                "The last action plan ({start} – {end}) is a draft, not approved by a decision: "
                "propose it first, or give the year of another plan with --period."
            ).format(start=start or "–", end=end)
        )
    first, last = _following_period(start, end, year)
    for _i, other_start, other_end in dated:
        if other_start is not None and other_start <= last and (other_end or last) >= first:
            raise UsageError(
                _("There is already an action plan for a period from {start} to {end}.").format(
                    start=other_start, end=other_end or "–"
                )
            )
    open_items = [
        item
        for item in _list(plans[index].get("items"))
        if isinstance(item, dict) and item.get("status", "open") == "open"
    ]
    taken = {
        item["id"]
        for plan in plans
        for item in _list(plan.get("items") if isinstance(plan, dict) else None)
        if isinstance(item, dict) and isinstance(item.get("id"), str)
    }
    prefix = f"ap{first.year % 100:02d}-"
    items = []
    for item in open_items:
        number = len(items) + 1
        new_id = f"{prefix}{number}"
        while new_id in taken:
            number += 1
            new_id = f"{prefix}{number}"
        taken.add(new_id)
        items.append(
            _compact(
                {
                    "id": new_id,
                    "title": item.get("title"),
                    "goal_ids": item.get("goal_ids"),
                    "responsible": item.get("responsible"),
                }
            )
        )
    plan = _compact({"period": {"from": first, "to": last}, "items": items})
    position = position_by_date(
        [{"date": (s or e).isoformat()} if (s or e) else {} for _i, s, e in dated],
        first.isoformat(),
    )
    splice = doc.add_items((), "action_plans", [plan], position, field_order("Partnership"))
    return Change(
        ngettext(
            "Added a draft action plan for {start} – {end} with {n} open item of the last one.",
            "Added a draft action plan for {start} – {end} with {n} open items of the last one.",
            len(items),
        ).format(start=first.isoformat(), end=last.isoformat(), n=len(items)),
        splice,
    )
