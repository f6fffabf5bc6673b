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

PRODID = "-//partnerkit//partnerkit//EN"


def event_uid(view: PartnershipFollowup, item: Item) -> str:
    digest = hashlib.sha1(f"{view.id}|{item.kind}|{item.key}".encode()).hexdigest()[:16]
    return f"{view.id}-{item.kind}-{digest}@partnerkit"


def build_calendar(followup: Followup) -> bytes:
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Strategic partnerships: follow-up"))
    stamp = datetime.combine(followup.today, time(0, 0), tzinfo=UTC)
    for view in followup.partnerships:
        for item in view.items:
            event = Event()
            event.add("uid", event_uid(view, item))
            event.add("dtstamp", stamp)
            event.add("dtstart", item.due)
            event.add("dtend", item.due + timedelta(days=1))
            event.add("summary", f"{view.title}: {item.title}")
            event.add("description", _description(item))
            event.add("categories", [item.rule or item.kind])
            event.add("transp", "TRANSPARENT")
            calendar.add_component(event)
    return calendar.to_ical()


def _description(item: Item) -> str:
    lines = [item.title]
    if item.rule:
        lines.append(_("Rule: {code}").format(code=item.rule))
    lines += [f"{party}: {names}" for party, names in item.responsible]
    return "\n".join(lines)
