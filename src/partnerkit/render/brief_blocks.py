"""The brief as a document: headings, paragraphs, lists and tables, worded in the current
language, ready for any output (Markdown, HTML, Word).

Every output is drawn from these blocks, so the Word document, the web page and the
Markdown say the same thing. The text in the blocks is plain: each renderer escapes it for
its own output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from partnerkit.brief import Brief, DecisionMatter, GoalStatus
from partnerkit.formatting import Formatter
from partnerkit.i18n import N_, _, current_language, ngettext
from partnerkit.record.vocab import label
from partnerkit.report.labels import resource_amount


@dataclass(frozen=True)
class Heading:
    kind: ClassVar[str] = "heading"
    level: int  # 1 the title, 2 an agenda point, 3 a part of one, 4 a goal
    text: str
    number: str = ""  # the agenda's numbering: 4, 4.1

    @property
    def full(self) -> str:
        return f"{self.number} {self.text}" if self.number else self.text


@dataclass(frozen=True)
class Para:
    kind: ClassVar[str] = "para"
    text: str
    label: str = ""  # shown in bold before the text


@dataclass(frozen=True)
class Bullets:
    kind: ClassVar[str] = "bullets"
    items: tuple[str, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Table:
    kind: ClassVar[str] = "table"
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[int, ...] = ()  # the columns of numbers, aligned right


Block = Heading | Para | Bullets | Table


@dataclass
class Document:
    title: str
    blocks: list[Block] = field(default_factory=list)


def formatter() -> Formatter:
    """The brief's numbers and dates, in the current language: the one place to change them
    (decimal comma and grouped thousands in Swedish)."""
    return Formatter(current_language())


# The body as the subject of "… is asked to decide": Swedish has its definite form.
_BODY_SUBJECT = {
    "styrgrupp": N_("The steering group"),
    "partnerskapsrad": N_("The partnership council"),
    "ledningsmote": N_("The leadership meeting"),
    "koordineringsgrupp": N_("The coordination group"),
    "arbetsgrupp": N_("The working group"),
    "temagrupp": N_("The theme group"),
    "core_team": N_("The core team"),
}

AGENDA = (
    N_("Opening of the meeting"),
    N_("Election of a person to check the minutes"),
    N_("Minutes of the previous meeting"),
    N_("Matters for decision"),
    N_("Information and status report"),
    N_("Other matters"),
    N_("Next meeting"),
)

_TREND = {"better": "↑", "worse": "↓", "unchanged": "→"}
_TREND_WORD = {
    "better": N_("better"),
    "worse": N_("worse"),
    "unchanged": N_("unchanged"),
}
_EVENTS = {
    "started": N_("started"),
    "completed": N_("completed"),
    "cancelled": N_("cancelled"),
    "planned": N_("planned"),
}


def body_subject(brief: Brief) -> str:
    """The body as a sentence's subject: its own name when that is one Swedish word in the
    definite form (Kontraktsstyrelsen), else the definite form of its type (Ledningsmötet)."""
    name = brief.header.body_name
    if current_language() == "sv" and " " not in name and name.endswith(("en", "et")):
        return name
    return _(_BODY_SUBJECT.get(brief.header.body_type, "The steering group"))


def proposal_sentence(brief: Brief, matter: DecisionMatter) -> str:
    return _("{body} is asked to decide: {proposal}.").format(
        body=body_subject(brief), proposal=matter.proposal.rstrip(".")
    )


def brief_document(brief: Brief) -> Document:
    fmt = formatter()
    h = brief.header
    title = _("{body}: brief for the meeting on {date}").format(
        body=h.body_name, date=fmt.long_date(h.meeting)
    )
    doc = Document(title, [Heading(1, title)])
    doc.blocks += _header(brief, fmt)
    doc.blocks += _members(brief)
    doc.blocks += [
        Heading(2, _("Agenda")),
        Bullets(tuple(_(point) for point in AGENDA), ordered=True),
    ]
    doc.blocks += _opening(brief)
    doc.blocks += _matters(brief)
    doc.blocks += _status_report(brief, fmt)
    doc.blocks += [
        Heading(2, _(AGENDA[5]), "6."),
        Para(_("No other matters have been announced.")),
        Heading(2, _(AGENDA[6]), "7."),
        Para(
            _("The next meeting is planned for {date}.").format(date=brief.next_meeting)
            if brief.next_meeting
            else _("No next meeting is planned: the meeting sets the day.")
        ),
    ]
    return doc


def meeting_paras(brief: Brief, fmt: Formatter) -> list[Block]:
    """The partnership, the day and time, the place and the ref. no.: the head of the brief
    and of the minutes."""
    h = brief.header
    blocks: list[Block] = [
        Para(f"{h.title} ({h.partnership_id})", _("Partnership:")),
        Para(fmt.long_date(h.meeting) + (f", {h.time}" if h.time else ""), _("Meeting:")),
    ]
    if h.place:
        blocks.append(Para(h.place, _("Place:")))
    if h.diary_number:
        blocks.append(Para(h.diary_number, _("Ref. no.:")))
    return blocks


def member_lines(brief: Brief) -> tuple[str, ...]:
    """Each member in office on the day: name, party and role unless an ordinary member."""
    return tuple(
        f"{a.name}, {a.party}"
        + (f" ({label('member_role', a.role)})" if a.role != "member" else "")
        for a in brief.attendees
    )


def person_in_role(brief: Brief, role: str) -> str | None:
    """The name of the member who is ``chair`` or ``secretary``, if one is recorded."""
    return next((a.name for a in brief.attendees if a.role == role), None)


def _header(brief: Brief, fmt: Formatter) -> list[Block]:
    h = brief.header
    blocks = meeting_paras(brief, fmt)
    blocks.append(
        Para(
            _("since the previous meeting on {date}.").format(date=h.since)
            if h.since
            else _("this is the body's first meeting."),
            _("Period:"),
        )
    )
    return blocks


def _members(brief: Brief) -> list[Block]:
    members = member_lines(brief)
    return [
        Heading(2, _("Members")),
        Bullets(members) if members else Para(_("No members in office are recorded.")),
    ]


def _opening(brief: Brief) -> list[Block]:
    chair = person_in_role(brief, "chair")
    opening = (
        _("The chair, {name}, opens the meeting.").format(name=chair)
        if chair
        else _("The chair opens the meeting.")
    )
    previous = brief.previous
    if previous is None:
        minutes = _("This is the body's first meeting: there are no earlier minutes.")
    elif previous.minutes_ref:
        minutes = _("The minutes of the meeting on {date} ({ref}) are placed on file.").format(
            date=previous.date, ref=previous.minutes_ref
        )
    else:
        minutes = _("No minutes of the meeting on {date} are recorded.").format(date=previous.date)
    return [
        Heading(2, _(AGENDA[0]), "1."),
        Para(opening),
        Heading(2, _(AGENDA[1]), "2."),
        Para(_("The meeting elects a person to check the minutes together with the chair.")),
        Heading(2, _(AGENDA[2]), "3."),
        Para(minutes),
    ]


def _matters(brief: Brief) -> list[Block]:
    blocks: list[Block] = [Heading(2, _(AGENDA[3]), "4.")]
    if not brief.matters:
        return [*blocks, Para(_("No matters for decision."))]
    for n, matter in enumerate(brief.matters, start=1):
        blocks += [
            Heading(3, matter.title, f"4.{n}"),
            Para(" ".join(matter.background), _("Background:")),
            Para(proposal_sentence(brief, matter), _("Proposal:")),
            Para(", ".join(matter.basis), _("Rests on:")),
        ]
    return blocks


def _status_report(brief: Brief, fmt: Formatter) -> list[Block]:
    parts = [
        (_("Decisions to follow up"), _decisions(brief), _("No decisions to follow up.")),
        (_("Goals and indicators"), _goals(brief, fmt), _("No active goals are recorded.")),
        (
            _("Economy {year}").format(year=brief.economy.year),
            _economy(brief, fmt),
            _("No earmarked resources in the year."),
        ),
        (
            _("Activities since the previous meeting"),
            _activities(brief),
            _("No activities in the period."),
        ),
        (_("People and roles"), _bullets(brief.people_changes), _("No changes in the period.")),
        (
            _("Risks and issues"),
            _bullets(brief.risks),
            _("No risks or issues recorded since the previous meeting."),
        ),
        (_("Mutual assessment"), _assessment(brief, fmt), _("No assessment yet.")),
        (_("The agreement"), _agreement(brief), _("No agreement recorded.")),
        (_("Coming up"), _upcoming(brief), _("Nothing falls due in the months after the meeting.")),
    ]
    blocks: list[Block] = [Heading(2, _(AGENDA[4]), "5.")]
    for n, (title, content, empty) in enumerate(parts, start=1):
        blocks.append(Heading(3, title, f"5.{n}"))
        blocks += content or [Para(empty)]
    return blocks


def _bullets(lines: list[str]) -> list[Block]:
    return [Bullets(tuple(lines))] if lines else []


def _decisions(brief: Brief) -> list[Block]:
    if not brief.decisions:
        return []
    rows = []
    for d in brief.decisions:
        if d.status == "overdue":
            status = _("due date passed on {date}").format(date=d.due)
        else:
            status = label("status", d.status)
        rows.append((d.id, d.text, d.owner, str(d.due or "–"), status))
    header = (_("id"), _("decision"), _("owner"), _("due"), _("status"))
    return [Table(header, tuple(rows))]


def _goals(brief: Brief, fmt: Formatter) -> list[Block]:
    blocks: list[Block] = []
    for goal in brief.goals:
        blocks.append(Heading(4, goal.title))
        if goal.comment:
            blocks.append(Para(goal.comment, _("Status:")))
        blocks += _indicator_table(goal, fmt)
    return blocks


def _indicator_table(goal: GoalStatus, fmt: Formatter) -> list[Block]:
    if not goal.indicators:
        return [Para(_("No indicators are recorded."))]
    track = {True: _("on track"), False: _("behind"), None: "–"}
    rows = []
    for i in goal.indicators:
        latest = fmt.number(i.latest) + (f" ({i.latest_date})" if i.latest_date else "")
        target = fmt.number(i.target) + (f" ({i.target_date})" if i.target_date else "")
        trend = f"{_TREND[i.trend]} {_(_TREND_WORD[i.trend])}" if i.trend else "–"
        rows.append(
            (
                i.name,
                i.unit or "–",
                fmt.number(i.baseline),
                target,
                latest,
                trend,
                track[i.on_track],
            )
        )
    header = (
        _("indicator"),
        _("unit"),
        _("baseline"),
        _("target"),
        _("latest"),
        _("trend"),
        _("status"),
    )
    return [Table(header, tuple(rows), numeric=(2, 3, 4))]


def _economy(brief: Brief, fmt: Formatter) -> list[Block]:
    eco = brief.economy
    if not eco.rows:
        return []
    year = eco.year
    rows = [
        (
            eco.parties.get(b.side, b.side),
            b.purpose,
            resource_amount(b.earmarked, b.unit, fmt) if b.earmarked is not None else "–",
            fmt.number(b.used),
            fmt.number(b.remaining),
        )
        for b in eco.rows
    ]
    header = (
        _("party"),
        _("resource"),
        _("earmarked"),
        _("used {year}").format(year=year),
        _("remaining"),
    )
    blocks: list[Block] = [Table(header, tuple(rows), numeric=(2, 3, 4))]
    if eco.totals:
        total_rows = [
            (
                eco.parties.get(x.side, x.side) if x.side else _("all parties"),
                resource_amount(x.earmarked, x.unit, fmt),
                fmt.number(x.used),
                fmt.number(x.remaining),
            )
            for x in eco.totals
        ]
        total_header = (
            _("total"),
            _("earmarked"),
            _("used {year}").format(year=year),
            _("remaining"),
        )
        blocks += [
            Para(_("Totals of the resources whose use is recorded, per unit:")),
            Table(total_header, tuple(total_rows), numeric=(1, 2, 3)),
        ]
    unrecorded = sum(b.used is None for b in eco.rows)
    if unrecorded:
        blocks.append(
            Para(
                ngettext(
                    "No use is recorded for {year} of {n} resource.",
                    "No use is recorded for {year} of {n} resources.",
                    unrecorded,
                ).format(year=year, n=unrecorded)
            )
        )
    return blocks


def _activities(brief: Brief) -> list[Block]:
    if not brief.activities:
        return []
    lang = current_language()
    rows = tuple(
        (_(_EVENTS[a.event]), a.title, label("form", a.form, lang)) for a in brief.activities
    )
    counts = ", ".join(f"{label('form', f, lang)}: {n}" for f, n in sorted(brief.forms.items()))
    return [
        Table((_("what happened"), _("activity"), _("form")), rows),
        Para(counts or "–", _("Per collaboration form:")),
    ]


def _assessment(brief: Brief, fmt: Formatter) -> list[Block]:
    view = brief.assessment
    if view is None:
        return []
    parties = list(dict.fromkeys(s.party for s in view.scores))
    rows = []
    for dimension in dict.fromkeys(s.dimension for s in view.scores):
        cells = []
        for party in parties:
            score = next(
                (s for s in view.scores if s.dimension == dimension and s.party == party), None
            )
            value = None if score is None else score.value
            if isinstance(value, int | float):
                cells.append(fmt.number(value))
            else:
                cells.append(label("rating", value) if value else "–")
        gap = next((g for g in view.gaps if g.dimension == dimension), None)
        cells.append("–" if gap is None else fmt.number(gap.spread) + (" ⚠" if gap.flagged else ""))
        rows.append((dimension, *cells))
    head = _("{date} ({instrument})").format(
        date=view.date, instrument=label("instrument", view.instrument)
    )
    numeric = tuple(range(1, len(parties) + 2))
    return [Para(head), Table((_("dimension"), *parties, _("gap")), tuple(rows), numeric)]


def _agreement(brief: Brief) -> list[Block]:
    if brief.agreement is None:
        return []
    start, end, window = brief.agreement
    meeting = brief.header.meeting
    lines = [_("Current agreement: {start} – {end}.").format(start=start, end=end or "–")]
    if end:
        days_left = (end - meeting).days
        if days_left >= 0:
            remain = ngettext(
                "On the day of the meeting, {n} day remains of the agreement.",
                "On the day of the meeting, {n} days remain of the agreement.",
                days_left,
            )
            lines.append(remain.format(n=days_left))
        else:
            lines.append(_("The agreement ended before the meeting."))
    if window:
        if window < meeting:
            lines.append(
                _("The evaluation before renewal was due to start by {date}.").format(date=window)
            )
        else:
            lines.append(_("The renewal evaluation should start by {date}.").format(date=window))
    return [Para(" ".join(lines))]


def _upcoming(brief: Brief) -> list[Block]:
    return _bullets([f"{i.due}: {i.title}" for i in brief.upcoming])
