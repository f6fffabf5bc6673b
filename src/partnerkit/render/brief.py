"""The steering-group brief as Markdown (printed in the terminal with Rich's Markdown)."""

from __future__ import annotations

from partnerkit.brief import Brief
from partnerkit.i18n import _, current_language, ngettext
from partnerkit.record.vocab import label
from partnerkit.render.markdown_blocks import md_table, md_text


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def _section(title: str, lines: list[str], empty: str) -> list[str]:
    return [f"## {title}", "", *(lines or [empty]), ""]


def brief_markdown(brief: Brief) -> str:
    lang = current_language()
    record, body = brief.partnership, brief.body
    lines = [
        "# "
        + _("Brief for {body}, {date}").format(
            body=md_text(body.name or body.id), date=brief.meeting
        ),
        "",
        f"**{md_text(record.title.sv)}** ({md_text(record.id)})",
        "",
        _("Period: since the previous meeting on {date}.").format(date=brief.since)
        if brief.since
        else _("Period: this is the body's first meeting."),
        "",
    ]
    lines += _section(
        _("Expected participants"),
        [f"- {md_text(party)}: {md_text(who)}" for party, who in brief.attendees],
        _("No members are recorded."),
    )
    lines += _section(_("1. Decisions"), _decisions(brief), _("No decisions to follow up."))
    lines += _section(
        _("2. Goals and indicators"), _indicators(brief), _("No indicators are recorded.")
    )
    lines += _section(
        _("3. Activities"), _activities(brief, lang), _("No activities in the period.")
    )
    lines += _section(
        _("4. Coming up"),
        [
            f"- {i.due}: {md_text(i.title)}" + (f" ({i.rule})" if i.rule else "")
            for i in brief.upcoming
        ],
        _("Nothing due in the next months."),
    )
    lines += _section(_("5. Resources"), _resources(brief, lang), _("No earmarked resources."))
    lines += _section(
        _("6. People and roles"),
        [f"- {md_text(change)}" for change in brief.people_changes],
        _("No changes in the period."),
    )
    lines += _section(
        _("7. Risks, ethics and issues"),
        [f"- {md_text(risk)}" for risk in brief.risks],
        _("No risks or issues recorded in the period."),
    )
    lines += _section(_("8. Mutual assessment"), _assessment(brief), _("No assessment yet."))
    lines += _section(_("9. Agreement timeline"), _agreement(brief), _("No agreement recorded."))
    lines += _section(
        _("10. Proposals for decision"),
        [f"- {md_text(p)}" for p in brief.proposals],
        _("No proposals."),
    )
    return "\n".join(lines).rstrip() + "\n"


def _decisions(brief: Brief) -> list[str]:
    if not brief.decisions:
        return []
    status = {
        "done": _("done"),
        "open": _("open"),
        "overdue": _("overdue"),
        "cancelled": _("cancelled"),
    }
    rows = [
        [md_text(d.id), md_text(d.text), md_text(d.owner), str(d.due or "–"), status[d.status]]
        for d in brief.decisions
    ]
    return md_table([_("id"), _("decision"), _("owner"), _("due"), _("status")], rows)


def _indicators(brief: Brief) -> list[str]:
    if not brief.indicators:
        return []
    track = {True: _("on track"), False: _("behind"), None: "–"}
    rows = []
    for i in brief.indicators:
        latest = _number(i.latest) + (f" ({i.latest_date})" if i.latest_date else "")
        target = _number(i.target) + (f" ({i.target_date})" if i.target_date else "")
        rows.append(
            [
                md_text(i.goal),
                md_text(i.name),
                _number(i.baseline),
                latest,
                _number(i.previous),
                target,
                track[i.on_track],
            ]
        )
    header = [
        _("goal"),
        _("indicator"),
        _("baseline"),
        _("latest"),
        _("previous"),
        _("target"),
        _("status"),
    ]
    return md_table(header, rows)


def _activities(brief: Brief, lang: str) -> list[str]:
    if not brief.activities:
        return []
    events = {
        "started": _("started"),
        "completed": _("completed"),
        "cancelled": _("cancelled"),
        "planned": _("planned"),
    }
    rows = [
        [events[a.event], md_text(a.title), label("form", a.form, lang)] for a in brief.activities
    ]
    lines = md_table([_("what happened"), _("activity"), _("form")], rows)
    counts = ", ".join(f"{label('form', f, lang)}: {n}" for f, n in sorted(brief.forms.items()))
    return [*lines, "", _("Per collaboration form: {counts}").format(counts=counts or "–")]


def _resources(brief: Brief, lang: str) -> list[str]:
    if not brief.resources:
        return []
    rows = [
        [md_text(p), label("level", lvl, lang), amt, ends] for p, lvl, amt, ends in brief.resources
    ]
    return md_table([_("party"), _("level"), _("amount"), _("ends")], rows)


def _assessment(brief: Brief) -> list[str]:
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
            cells.append("–" if score is None else str(score.value))
        gap = next((g for g in view.gaps if g.dimension == dimension), None)
        cells.append("–" if gap is None else f"{gap.spread:g}" + (" ⚠" if gap.flagged else ""))
        rows.append([md_text(dimension), *cells])
    head = _("{date} ({instrument})").format(
        date=view.date, instrument=label("instrument", view.instrument)
    )
    return [head, "", *md_table([_("dimension"), *map(md_text, parties), _("gap")], rows)]


def _agreement(brief: Brief) -> list[str]:
    if brief.agreement is None:
        return []
    start, end, window = brief.agreement
    lines = [_("Current agreement: {start} – {end}.").format(start=start, end=end or "–")]
    if end:
        days_left = (end - brief.meeting).days
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
        lines.append(_("The renewal evaluation should start by {date}.").format(date=window))
    return lines
