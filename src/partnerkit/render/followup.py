"""`partnerkit followup` as terminal text, Markdown or JSON. Same input, same bytes."""

from __future__ import annotations

import json
from datetime import date

from rich.console import Console
from rich.table import Table
from rich.text import Text

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


def _status_width() -> int:
    return max(len(_("overdue")), len(_("due soon")))


def _responsible(item: Item) -> str:
    return "; ".join(f"{party}: {names}" for party, names in item.responsible)


def _legend() -> str:
    return (
        _("✓ met   ! needs attention   ✗ not met")
        + "   "
        + "  ".join(f"{SHORT[c]} = {label('criterion', c)}" for c in HANDBOOK_CRITERIA)
    )


def _phase(view: PartnershipFollowup) -> str:
    return label("phase", view.phase)


# ---------------------------------------------------------------- terminal


def render_followup_text(followup: Followup, console: Console) -> None:
    console.print(Text(_heading(followup), style="bold"))
    console.print()
    console.print(_portfolio_table(followup))
    console.print(Text(_legend(), style="dim"))
    for view in followup.partnerships:
        console.print()
        _render_partnership(view, followup.today, console)
    for report in followup.unreadable:
        console.print()
        console.print(
            Text(
                _("{file} could not be read; run partnerkit check for details.").format(
                    file=one_line(report.file)
                ),
                style="bold red",
            )
        )


def _heading(followup: Followup) -> str:
    return _("Follow-up as of {date} (due soon: within {days} days)").format(
        date=followup.today, days=followup.horizon
    )


def _portfolio_table(followup: Followup) -> Table:
    table = Table(box=None, pad_edge=False)
    table.add_column(_("partnership"), no_wrap=True)
    table.add_column(_("phase"))
    table.add_column(_("agreement ends"))
    for criterion in HANDBOOK_CRITERIA:
        table.add_column(SHORT[criterion], justify="center")
    table.add_column(_("overdue"), justify="right")
    table.add_column(_("due soon"), justify="right")
    for view in followup.partnerships:
        health = [
            Text(SYMBOL[view.health[c]], style=STYLE[view.health[c]]) for c in HANDBOOK_CRITERIA
        ]
        table.add_row(
            one_line(view.id),
            _phase(view),
            str(view.agreement_end or "–"),
            *health,
            Text(str(view.overdue), style="bold red" if view.overdue else ""),
            str(view.due_soon),
        )
    return table


def _render_partnership(view: PartnershipFollowup, today: date, console: Console) -> None:
    console.print(
        Text.assemble((one_line(view.title), "bold"), f"  ({one_line(view.id)}, {_phase(view)})")
    )
    if not view.items:
        console.print(Text("  " + _("Nothing overdue or due soon."), style="green"))
    for item in view.items:
        style = "bold red" if item.status == OVERDUE else "yellow"
        console.print(
            Text.assemble(
                ("  ", ""),
                (_status(item).ljust(_status_width()), style),
                f" {item.due} ({_when(item, today)})  ",
                (item.rule or "", "dim"),
                " " if item.rule else "",
                one_line(item.title),
            )
        )
        if item.responsible:
            console.print(Text("      " + one_line(_responsible(item)), style="dim"))
    if view.assessment:
        _render_assessment(view.assessment, console)


def _render_assessment(view: AssessmentView, console: Console) -> None:
    console.print(Text("  " + _assessment_heading(view), style="bold"))
    table = Table(box=None, pad_edge=False, padding=(0, 2))
    parties = list(dict.fromkeys(s.party for s in view.scores))
    table.add_column("   " + _("dimension"))
    for party in parties:
        table.add_column(one_line(party), justify="right")
    table.add_column(_("gap"), justify="right")
    for dimension, cells, gap in _assessment_rows(view, parties):
        flagged = gap is not None and gap.flagged
        gap_text = Text(
            "–" if gap is None else f"{gap.spread:g}" + (" !" if flagged else ""),
            style="bold red" if flagged else "",
        )
        table.add_row("   " + one_line(dimension), *cells, gap_text)
    console.print(table)


def _assessment_heading(view: AssessmentView) -> str:
    if view.previous_date:
        return _("Mutual assessment {date} ({instrument}), trend since {previous}:").format(
            date=view.date, instrument=view.instrument, previous=view.previous_date
        )
    return _("Mutual assessment {date} ({instrument}):").format(
        date=view.date, instrument=view.instrument
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
    text = f"{score.value:g}" if isinstance(score.value, float | int) else str(score.value)
    if isinstance(score.value, float | int) and isinstance(score.previous, float | int):
        change = round(score.value - score.previous, 2)
        arrow = "↑" if change > 0 else "↓" if change < 0 else "→"
        text += f" {arrow}{abs(change):g}" if change else f" {arrow}"
    return text


# ---------------------------------------------------------------- markdown


def followup_markdown(followup: Followup) -> str:
    lines = [f"# {_heading(followup)}", ""]
    lines += md_table(
        [_("partnership"), _("phase"), _("agreement ends")]
        + [SHORT[c] for c in HANDBOOK_CRITERIA]
        + [_("overdue"), _("due soon")],
        [_portfolio_cells(view) for view in followup.partnerships],
    )
    lines += ["", md_text(_legend()), ""]
    for view in followup.partnerships:
        lines += _partnership_markdown(view, followup.today)
    for report in followup.unreadable:
        message = _("{file} could not be read; run partnerkit check for details.")
        lines.append(message.format(file=md_text(report.file)))
    return "\n".join(lines).rstrip() + "\n"


def _portfolio_cells(view: PartnershipFollowup) -> list[str]:
    cells = [md_text(view.id), _phase(view), str(view.agreement_end or "–")]
    cells += [SYMBOL[view.health[c]] for c in HANDBOOK_CRITERIA]
    return [*cells, str(view.overdue), str(view.due_soon)]


def _partnership_markdown(view: PartnershipFollowup, today: date) -> list[str]:
    phase_label = _("phase")
    lines = [
        f"## {md_text(view.title)} ({md_text(view.id)})",
        "",
        f"{phase_label}: {_phase(view)}",
        "",
    ]
    if view.items:
        header = [_("status"), _("date"), _("rule"), _("what to do"), _("responsible")]
        rows = [
            [
                _status(item),
                f"{item.due} ({_when(item, today)})",
                item.rule or "–",
                md_text(item.title),
                md_text(_responsible(item)),
            ]
            for item in view.items
        ]
        lines += md_table(header, rows)
    else:
        lines.append(_("Nothing overdue or due soon."))
    if view.assessment:
        lines += ["", f"**{md_text(_assessment_heading(view.assessment))}**", ""]
        lines += _assessment_markdown(view.assessment)
    return [*lines, ""]


def _assessment_markdown(view: AssessmentView) -> list[str]:
    parties = list(dict.fromkeys(s.party for s in view.scores))
    rows = []
    for dimension, cells, gap in _assessment_rows(view, parties):
        gap_text = "–" if gap is None else f"{gap.spread:g}" + (" ⚠" if gap.flagged else "")
        rows.append([md_text(dimension), *cells, gap_text])
    return md_table([_("dimension"), *map(md_text, parties), _("gap")], rows)


# ---------------------------------------------------------------- json


def followup_json(followup: Followup) -> str:
    data = {
        "version": 1,
        "as_of": followup.today.isoformat(),
        "horizon_days": followup.horizon,
        "partnerships": [_partnership_data(view, followup.today) for view in followup.partnerships],
        "unreadable": [report.file for report in followup.unreadable],
    }
    return json.dumps(inert_data(data), ensure_ascii=False, indent=2) + "\n"


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
        "items": [
            {
                "kind": item.kind,
                "status": item.status,
                "due": item.due.isoformat(),
                "days": item.days_from(today),
                "rule": item.rule or None,
                "title": item.title,
                "responsible": dict(item.responsible),
            }
            for item in view.items
        ],
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
