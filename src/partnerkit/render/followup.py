"""`partnerkit followup` as terminal text, Markdown or JSON. Same input, same bytes."""

from __future__ import annotations

import json
from datetime import date

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from partnerkit import formatting
from partnerkit.findings import Severity, dotted_path
from partnerkit.followup import (
    ATTENTION,
    HANDBOOK_CRITERIA,
    HEALTH_SYMBOL,
    MET,
    NOT_MET,
    OVERDUE,
    AssessmentView,
    Followup,
    Item,
    PartnershipFollowup,
    Unreadable,
)
from partnerkit.i18n import _, ngettext
from partnerkit.record.vocab import label
from partnerkit.render.markdown_blocks import md_table, md_text
from partnerkit.rules import criterion_families
from partnerkit.textsafe import inert_data, one_line

SYMBOL = HEALTH_SYMBOL
STYLE = {MET: "green", ATTENTION: "yellow", NOT_MET: "bold red"}
SHORT = criterion_families()


def _when(item: Item, today: date) -> str:
    delta = item.days_from(today)
    if delta < 0:
        return ngettext("{n} day ago", "{n} days ago", -delta).format(n=-delta)
    if delta == 0:
        return _("today")
    return ngettext("in {n} day", "in {n} days", delta).format(n=delta)


def _status(item: Item) -> str:
    return _("overdue") if item.status == OVERDUE else _("due soon")


def _severity(item: Item) -> str:
    return {Severity.ERROR: _("error"), Severity.WARNING: _("warning")}.get(
        item.severity, _("note")
    )


SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "dim"}


def _responsible(item: Item) -> str:
    return "; ".join(f"{party}: {names}" for party, names in item.responsible)


def _codes(item: Item) -> str:
    return " ".join(item.codes)


def _legend_parts() -> list[str]:
    pairs = [f"{SHORT[c]} = {label('criterion', c)}" for c in HANDBOOK_CRITERIA]
    return [_("✓ met   ! needs attention   ✗ not met"), *pairs]


def _legend() -> str:
    return "  ".join(_legend_parts())


def _phase(view: PartnershipFollowup) -> str:
    return label("phase", view.phase)


def _counts(view: PartnershipFollowup) -> str:
    overdue = ngettext("{n} overdue", "{n} overdue", view.overdue).format(n=view.overdue)
    soon = ngettext("{n} due soon", "{n} due soon", view.due_soon).format(n=view.due_soon)
    return f"{overdue}, {soon}"


def _summary(view: PartnershipFollowup) -> str:
    """The partnership in one line: id, phase, the agreement's end, what is to do."""
    parts = [one_line(view.id), _phase(view)]
    if view.agreement_end:
        parts.append(_("agreement ends {date}").format(date=view.agreement_end))
    else:
        parts.append(_("no agreement"))
    return " · ".join([*parts, _counts(view)])


def _meetings(view: PartnershipFollowup) -> str:
    listed = ", ".join(f"{m.date} {one_line(m.body)}" for m in view.meetings)
    return _("Meetings: {meetings}").format(meetings=listed)


def _unreadable_line(entry: Unreadable) -> str:
    where = f"{one_line(entry.file)}:{entry.line}:{entry.col}"
    return f"{where}: {entry.code} {one_line(entry.message)}".rstrip()


def _heading(followup: Followup) -> str:
    heading = ngettext(
        "Follow-up as of {date} (due soon: within {days} day)",
        "Follow-up as of {date} (due soon: within {days} days)",
        followup.horizon,
    )
    return heading.format(date=followup.today, days=followup.horizon)


# ---------------------------------------------------------------- terminal
# Laid out as wrapped lines, not wide tables: at 80 columns nothing is cut.


def render_followup_text(followup: Followup, console: Console) -> None:
    console.print(Text(_heading(followup), style="bold"))
    if followup.unreadable:
        console.print()
        console.print(Text(_("Records that could not be read:"), style="bold red"))
        for entry in followup.unreadable:
            console.print(Text("  " + _unreadable_line(entry), style="red"))
        console.print(Text("  " + _("Fix them first: partnerkit check shows every problem.")))
    console.print()
    console.print(Text(_("To do, most important first:"), style="bold"))
    actions = followup.actions
    if not actions:
        console.print(Text("  " + _("Nothing overdue or due soon."), style="green"))
    for item in actions:
        _render_action(item, followup.today, console)
    if followup.partnerships:
        console.print()
        console.print(Text(_("Partnerships, worst first:"), style="bold"))
    for view in followup.partnerships:
        _render_partnership(view, console)
    console.print()
    for line in _packed(_legend_parts(), console.width, "  "):
        _indented(console, Text(line, style="dim"), 0)


def _render_action(item: Item, today: date, console: Console) -> None:
    style = SEVERITY_STYLE[item.severity]
    head = Text.assemble(
        (_severity(item), style),
        " · ",
        (_status(item), "bold" if item.status == OVERDUE else ""),
        f" {item.due} ({_when(item, today)}) · ",
        (one_line(item.partnership), "bold"),
    )
    _indented(console, head, 2)
    _indented(console, Text(one_line(item.title)), 4, tail=Text(_codes(item), style="dim"))
    if item.responsible:
        _indented(console, Text(one_line(_responsible(item)), style="dim"), 4)


def _indented(console: Console, text: Text, indent: int, tail: Text | None = None) -> None:
    """``text`` wrapped at the console's width, every line indented: nothing is cut. A
    ``tail`` (the rule codes) ends the last line when it fits whole, else a line of its own."""
    width = max(20, console.width - indent)
    lines = list(text.wrap(console, width, justify="default", overflow="fold"))
    for line in lines:
        line.rstrip()
    if tail is not None:
        if lines and lines[-1].cell_len + 2 + tail.cell_len <= width:
            lines[-1].append_text(Text("  ") + tail)
        else:
            lines.extend(tail.wrap(console, width, justify="default", overflow="fold"))
    for line in lines:
        console.print(Text(" " * indent) + line)


def _packed(parts: list[str], width: int, gap: str) -> list[str]:
    """``parts`` joined by ``gap`` into lines of at most ``width`` cells, none split between
    two lines (a part longer than a line is left for :func:`_indented` to wrap)."""
    lines: list[str] = []
    for part in parts:
        if lines and cell_len(lines[-1] + gap + part) <= width:
            lines[-1] += gap + part
        else:
            lines.append(part)
    return lines


def _render_partnership(view: PartnershipFollowup, console: Console) -> None:
    _indented(console, Text(one_line(view.title), style="bold"), 2)
    _indented(console, Text(_summary(view)), 4)
    health = Text()
    for criterion in HANDBOOK_CRITERIA:
        state = view.health[criterion]
        health.append(f"{SHORT[criterion]} ")
        health.append(SYMBOL[state], style=STYLE[state])
        health.append("  ")
    health.rstrip()
    _indented(console, health, 4)
    if view.meetings:
        _indented(console, Text(_meetings(view), style="dim"), 4)
    if view.assessment:
        _render_assessment(view.assessment, console)


def _render_assessment(view: AssessmentView, console: Console) -> None:
    _indented(console, Text(_assessment_heading(view), style="bold"), 4)
    table = Table(box=None, pad_edge=False, padding=(0, 1), collapse_padding=True)
    parties = list(dict.fromkeys(s.party for s in view.scores))
    table.add_column(_("dimension"), overflow="fold")
    for party in parties:
        table.add_column(one_line(party), justify="right", overflow="fold")
    table.add_column(_("gap"), justify="right", no_wrap=True)
    for dimension, cells, gap in _assessment_rows(view, parties):
        flagged = gap is not None and gap.flagged
        gap_text = Text(
            "–" if gap is None else formatting.number(gap.spread) + (" !" if flagged else ""),
            style="bold red" if flagged else "",
        )
        table.add_row(one_line(dimension), *cells, gap_text)
    from rich.padding import Padding

    console.print(Padding(table, (0, 0, 0, 6), expand=False), soft_wrap=False)


def _assessment_heading(view: AssessmentView) -> str:
    if view.previous_date:
        return _("Mutual assessment {date} ({instrument}), trend since {previous}:").format(
            date=view.date,
            instrument=label("instrument", view.instrument),
            previous=view.previous_date,
        )
    return _("Mutual assessment {date} ({instrument}):").format(
        date=view.date, instrument=label("instrument", view.instrument)
    )


def _assessment_rows(view: AssessmentView, parties: list[str]):
    gaps = {g.dimension: g for g in view.gaps}
    for dimension in dict.fromkeys(s.dimension for s in view.scores):
        cells = []
        for party in parties:
            score = next(
                (s for s in view.scores if s.dimension == dimension and s.party == party), None
            )
            cells.append(_score_cell(score))
        yield dimension, cells, gaps.get(dimension)


def _score_cell(score) -> str:
    if score is None:
        return "–"
    if not isinstance(score.value, float | int):
        return label("rating", score.value)
    text = formatting.number(score.value)
    if isinstance(score.previous, float | int):
        text += " " + formatting.change(score.value - score.previous)
    return text


# ---------------------------------------------------------------- markdown


def followup_markdown(followup: Followup) -> str:
    lines = [f"# {_heading(followup)}", ""]
    if followup.unreadable:
        lines += [f"## {_('Records that could not be read:')}", ""]
        lines += [f"- {md_text(_unreadable_line(entry))}" for entry in followup.unreadable]
        lines.append("")
    lines += [f"## {_('To do, most important first:')}", ""]
    if followup.actions:
        header = [_("severity"), _("status"), _("date"), _("partnership"), _("what to do")]
        header += [_("rule"), _("responsible")]
        lines += md_table(header, [_action_cells(i, followup.today) for i in followup.actions])
    else:
        lines.append(_("Nothing overdue or due soon."))
    lines += ["", f"## {_('Partnerships, worst first:')}", ""]
    lines += md_table(
        [_("partnership"), _("phase"), _("agreement ends")]
        + [SHORT[c] for c in HANDBOOK_CRITERIA]
        + [_("overdue"), _("due soon")],
        [_portfolio_cells(view) for view in followup.partnerships],
    )
    lines += ["", md_text(_legend()), ""]
    for view in followup.partnerships:
        lines += _partnership_markdown(view)
    return "\n".join(lines).rstrip() + "\n"


def _action_cells(item: Item, today: date) -> list[str]:
    return [
        _severity(item),
        _status(item),
        f"{item.due} ({_when(item, today)})",
        md_text(item.partnership),
        md_text(item.title),
        _codes(item),
        md_text(_responsible(item)),
    ]


def _portfolio_cells(view: PartnershipFollowup) -> list[str]:
    cells = [md_text(view.id), _phase(view), str(view.agreement_end or "–")]
    cells += [SYMBOL[view.health[c]] for c in HANDBOOK_CRITERIA]
    return [*cells, str(view.overdue), str(view.due_soon)]


def _partnership_markdown(view: PartnershipFollowup) -> list[str]:
    lines = [f"### {md_text(view.title)} ({md_text(view.id)})", "", md_text(_summary(view))]
    if view.meetings:
        lines += ["", md_text(_meetings(view))]
    if view.assessment:
        lines += ["", f"**{md_text(_assessment_heading(view.assessment))}**", ""]
        lines += _assessment_markdown(view.assessment)
    return [*lines, ""]


def _assessment_markdown(view: AssessmentView) -> list[str]:
    parties = list(dict.fromkeys(s.party for s in view.scores))
    rows = []
    for dimension, cells, gap in _assessment_rows(view, parties):
        gap_text = "–" if gap is None else formatting.number(gap.spread)
        gap_text += " ⚠" if gap is not None and gap.flagged else ""
        rows.append([md_text(dimension), *cells, gap_text])
    return md_table([_("dimension"), *map(md_text, parties), _("gap")], rows)


# ---------------------------------------------------------------- json


def followup_json(followup: Followup) -> str:
    data = {
        "version": 2,
        "as_of": followup.today.isoformat(),
        "horizon_days": followup.horizon,
        "unreadable": [
            {"file": u.file, "line": u.line, "col": u.col, "code": u.code, "message": u.message}
            for u in followup.unreadable
        ],
        "actions": [_item_data(item, followup.today) for item in followup.actions],
        "partnerships": [_partnership_data(view, followup.today) for view in followup.partnerships],
    }
    return json.dumps(inert_data(data), ensure_ascii=False, indent=2) + "\n"


def _item_data(item: Item, today: date) -> dict:
    return {
        "partnership": item.partnership,
        "kind": item.kind,
        "severity": item.severity.label,
        "status": item.status,
        "due": item.due.isoformat(),
        "days": item.days_from(today),
        "rule": item.rule,
        "codes": list(item.codes),
        "title": item.title,
        "responsible": dict(item.responsible),
        "path": dotted_path(item.path),
    }


def _partnership_data(view: PartnershipFollowup, today: date) -> dict:
    return {
        "id": view.id,
        "title": view.title,
        "file": view.file,
        "phase": view.phase,
        "agreement_end": view.agreement_end.isoformat() if view.agreement_end else None,
        "health": view.health,
        "overdue": view.overdue,
        "due_soon": view.due_soon,
        "items": [_item_data(item, today) for item in view.items],
        "meetings": [{"date": m.date.isoformat(), "body": m.body} for m in view.meetings],
        "assessment": _assessment_data(view.assessment),
    }


def _assessment_data(view: AssessmentView | None) -> dict | None:
    if view is None:
        return None
    return {
        "date": view.date.isoformat(),
        "instrument": view.instrument,
        "previous_date": view.previous_date.isoformat() if view.previous_date else None,
        "scores": [
            {"dimension": s.dimension, "party": s.party, "value": s.value, "previous": s.previous}
            for s in view.scores
        ],
        "gaps": [
            {"dimension": g.dimension, "spread": g.spread, "flagged": g.flagged} for g in view.gaps
        ],
    }
