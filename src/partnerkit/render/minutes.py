"""The minutes (protokoll) of a body's meeting, prefilled from its brief: the body, the day,
the members in office, the agenda and the proposals as draft decisions, to complete after
the meeting. Drawn as blocks (:mod:`partnerkit.render.brief_blocks`), so it is written as
Markdown, HTML or Word like the brief."""

from __future__ import annotations

from partnerkit.brief import Brief
from partnerkit.i18n import _
from partnerkit.render.brief_blocks import (
    AGENDA,
    Block,
    Bullets,
    Document,
    Heading,
    Para,
    Table,
    body_subject,
    formatter,
    meeting_paras,
    member_lines,
    person_in_role,
)

BLANK = "……………………………………"


def minutes_document(brief: Brief) -> Document:
    fmt = formatter()
    h = brief.header
    title = _("{body}: minutes of the meeting on {date}").format(
        body=h.body_name, date=fmt.long_date(h.meeting)
    )
    blocks: list[Block] = [
        Heading(1, title),
        Para(_("Draft: complete it after the meeting and strike what does not apply.")),
        *meeting_paras(brief, fmt),
    ]
    blocks += _present(brief)
    blocks += _points(brief)
    blocks += _signatures(brief)
    return Document(title, blocks)


def _present(brief: Brief) -> list[Block]:
    members = member_lines(brief)
    return [
        Heading(2, _("Present")),
        Para(_("The members in office on the day of the meeting; strike those who were absent.")),
        Bullets(members) if members else Para(BLANK),
        Para(BLANK, _("Also present:")),
    ]


def _points(brief: Brief) -> list[Block]:
    chair = person_in_role(brief, "chair")
    previous = brief.previous
    blocks: list[Block] = [
        Heading(2, _(AGENDA[0]), "§ 1"),
        Para(
            _("The chair, {name}, declared the meeting open.").format(name=chair)
            if chair
            else _("The chair declared the meeting open.")
        ),
        Heading(2, _(AGENDA[1]), "§ 2"),
        Para(
            _("{name} was elected to check the minutes together with the chair.").format(name=BLANK)
        ),
        Heading(2, _(AGENDA[2]), "§ 3"),
        Para(
            _("The minutes of the meeting on {date} were placed on file.").format(
                date=previous.date
            )
            if previous
            else _("This was the body's first meeting.")
        ),
        Heading(2, _(AGENDA[3]), "§ 4"),
    ]
    if not brief.matters:
        blocks.append(Para(_("No matters for decision.")))
    for n, matter in enumerate(brief.matters, start=1):
        decided = _("{body} decided: {proposal}.").format(
            body=body_subject(brief), proposal=matter.proposal.rstrip(".")
        )
        blocks += [
            Heading(3, matter.title, f"§ 4.{n}"),
            Para(" ".join(matter.background), _("Background:")),
            Para(decided, _("Decision (draft):")),
            Para(BLANK, _("Responsible and due date:")),
        ]
    blocks += [
        Heading(2, _(AGENDA[4]), "§ 5"),
        Para(_("The meeting took note of the status report in the brief.")),
        Heading(2, _(AGENDA[5]), "§ 6"),
        Para(BLANK),
        Heading(2, _(AGENDA[6]), "§ 7"),
        Para(
            _("The next meeting is on {date}.").format(date=brief.next_meeting)
            if brief.next_meeting
            else _("The next meeting is on {date}.").format(date=BLANK)
        ),
    ]
    return blocks


def _signatures(brief: Brief) -> list[Block]:
    chair = person_in_role(brief, "chair") or ""
    secretary = person_in_role(brief, "secretary") or ""
    return [
        Heading(2, _("Signatures")),
        Table(
            (_("Keeper of the minutes"), _("Chair"), _("Checked by")),
            ((BLANK, BLANK, BLANK), (secretary or "–", chair or "–", "")),
        ),
    ]
