"""Upcoming due dates and planned meetings as iCalendar events.

Every event has a UID derived from what it is (partnership, kind, and the thing it is about),
not from when it was exported, so importing a newer export updates events instead of adding
duplicates. Events are all-day; DTSTAMP is the as-of date, so one as-of date gives one file.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, time, timedelta

from partnerkit.followup import Followup, Item, PartnershipFollowup
from partnerkit.i18n import _
from partnerkit.record.vocab import label
from partnerkit.textsafe import inert, one_line

PRODID = "-//partnerkit//partnerkit//EN"


def event_uid(view: PartnershipFollowup, kind: str, key: str) -> str:
    digest = hashlib.sha1(f"{view.id}|{kind}|{key}".encode()).hexdigest()[:16]
    return f"{view.id}-{kind}-{digest}@partnerkit"


def build_calendar(followup: Followup) -> bytes:
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Strategic partnerships: follow-up"))
    stamp = datetime.combine(followup.today, time(0, 0), tzinfo=UTC)
    for view in followup.partnerships:
        for item in view.items:
            summary = f"{view.title}: {item.title}"
            event = _event(view, item.kind, item.key, item.due, summary, stamp)
            event.add("description", inert(_description(item)))
            event.add("categories", [item.rule or item.kind])
            calendar.add_component(event)
        for meeting in view.meetings:
            summary = f"{view.title}: " + _("Meeting of {body}.").format(body=meeting.body)
            key = f"{meeting.body}/{meeting.date}"
            event = _event(view, "meeting", key, meeting.date, summary, stamp)
            event.add("categories", [label("log_type", "meeting")])
            calendar.add_component(event)
    return calendar.to_ical()


def _event(view: PartnershipFollowup, kind: str, key: str, day, summary: str, stamp):
    from icalendar import Event

    event = Event()
    event.add("uid", event_uid(view, kind, key))
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", one_line(summary))
    event.add("transp", "TRANSPARENT")
    return event


def _description(item: Item) -> str:
    lines = [item.title]
    if item.rule:
        lines.append(_("Rule: {code}").format(code=item.rule))
    lines += [f"{party}: {names}" for party, names in item.responsible]
    return "\n".join(lines)
