"""The report as Markdown: the same data and sections as the HTML page, without the charts.

Record text goes through :func:`partnerkit.render.markdown_blocks.md_text`: inert, one line, HTML
escaped and pipes escaped, so it can neither break a table nor become markup.
"""

from __future__ import annotations

from datetime import date

from partnerkit import __version__
from partnerkit.followup import HANDBOOK_CRITERIA, OVERDUE, Item
from partnerkit.formatting import Formatter
from partnerkit.i18n import current_language
from partnerkit.record.vocab import label
from partnerkit.render.markdown_blocks import md_table, md_text
from partnerkit.report.labels import SHORT, SYMBOL, Labels, labels, reason_text, resource_amount
from partnerkit.report.views import (
    HORIZON_DAYS,
    AnnualReport,
    IndicatorView,
    PartnershipReport,
    PlanItem,
    Portfolio,
)


class _Writer:
    def __init__(self) -> None:
        self.lang = current_language()
        self.fmt = Formatter(self.lang)
        self.t: Labels = labels()
        self.lines: list[str] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def heading(self, level: int, text: str) -> None:
        self.add("#" * level + " " + text, "")

    def para(self, text: str) -> None:
        self.add(text, "")

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        self.add(*md_table(header, rows), "")

    def vocab(self, name: str, slug: str | None) -> str:
        return label(name, slug, self.lang) if slug else "–"

    def text(self) -> str:
        return "\n".join(self.lines).rstrip() + "\n"

    # ------------------------------------------------------------ shared sections

    def legend(self) -> None:
        t = self.t
        statuses = "   ".join(f"{SYMBOL[s]} {t[s]}" for s in ("met", "attention", "not_met"))
        criteria = ", ".join(
            f"{SHORT[c]} = {label('criterion', c, self.lang)}" for c in HANDBOOK_CRITERIA
        )
        self.para(f"{t['legend']}: {statuses}. {criteria}.")

    def health(self, r: PartnershipReport) -> None:
        self.heading(3, self.t["health"])
        self.add(
            *(
                f"- {SYMBOL[r.health[c]]} {label('criterion', c, self.lang)}: {self.t[r.health[c]]}"
                for c in HANDBOOK_CRITERIA
            ),
            "",
        )

    def header(self, r: PartnershipReport) -> None:
        t, fmt = self.t, self.fmt
        self.para(
            f"{t['phase']}: **{self.vocab('phase', r.phase)}** "
            f"{t['since'].format(date=fmt.date(r.phase_since))} · `{md_text(r.id)}` · "
            f"{t['record_file']}: `{md_text(r.file)}`"
        )
        parties = ", ".join(
            md_text(p.name) + f" ({self.vocab('sector', p.sector)})" for p in r.parties
        )
        self.para(f"{t['parties']}: {parties}")

    def items(self, items: list[Item], partnerships: dict[str, str] | None = None) -> None:
        t, fmt = self.t, self.fmt
        header = [t["due"], t["what"], t["responsible"], t["rule"]]
        rows = [
            [
                fmt.date(item.due),
                md_text(item.title),
                md_text("; ".join(f"{party}: {names}" for party, names in item.responsible)),
                item.rule or "–",
            ]
            for item in items
        ]
        self.table(header, rows)

    def followup(self, r: PartnershipReport) -> None:
        t = self.t
        self.heading(3, t["followup"])
        overdue = [i for i in r.items if i.status == OVERDUE]
        soon = [i for i in r.items if i.status != OVERDUE]
        if overdue:
            self.items(overdue)
        else:
            self.para(t["nothing_overdue"])
        self.heading(4, t["upcoming"].format(days=HORIZON_DAYS))
        if soon:
            self.items(soon)
        else:
            self.para(t["nothing_upcoming"].format(days=HORIZON_DAYS))

    def agreements(self, r: PartnershipReport, today: date) -> None:
        t, fmt = self.t, self.fmt
        self.heading(3, t["agreements"])
        if not r.agreements:
            self.para(t["no_agreements"])
            return
        rows = []
        for a in r.agreements:
            state = t.enum("agreement_state", a.state)
            if a.state == "current" and a.end is not None:
                state += ", " + t["days_left"].format(n=fmt.number((a.end - today).days))
            rows.append(
                [
                    self.vocab("agreement_type", a.type),
                    md_text(a.title) or "–",
                    fmt.date(a.start),
                    fmt.date(a.end) if a.end else t["open_ended"],
                    state,
                    fmt.date(a.renewal_from),
                ]
            )
        self.table(
            [t["type"], t["title"], t["start"], t["end"], t["status"], t["renewal_from"]], rows
        )

    def value(self, v: float | None, unit: str) -> str:
        if v is None:
            return "–"
        return f"{self.fmt.number(v)} {md_text(unit)}".strip()

    def status(self, i: IndicatorView) -> str:
        if i.on_track is None:
            return self.t["not_measured"] if i.latest is None else "–"
        return self.t["on_track"] if i.on_track else "**" + self.t["behind"] + "**"

    def goals(self, r: PartnershipReport, annual: bool = False) -> None:
        t, fmt = self.t, self.fmt
        if not r.goals:
            self.para(t["no_goals"])
            return
        for g in r.goals:
            self.heading(4, md_text(g.title))
            meta = []
            if g.focus_area:
                meta.append(f"{t['focus_area']}: {md_text(g.focus_area)}")
            if g.owners:
                owners = ", ".join(f"{md_text(p)} ({md_text(party)})" for party, p in g.owners)
                meta.append(f"{t['owners']}: {owners}")
            if meta:
                self.para(" · ".join(meta))
            if g.comment:
                self.para(f"{t['status_comment']}: {md_text(g.comment)}")
            if not g.indicators:
                self.para(t["no_indicators"])
                continue
            header = [t["indicator"], t["baseline"]]
            header += [t["at_year_start"]] if annual else []
            header += [t["latest"]] + ([t["change"]] if annual else [])
            header += [t["target"], t["status"]]
            rows = []
            for i in g.indicators:
                row = [md_text(i.name), self.value(i.baseline, i.unit)]
                if annual:
                    row.append(self.value(i.before, i.unit))
                latest = self.value(i.latest, i.unit)
                if i.latest_date:
                    latest += f" ({fmt.date(i.latest_date)})"
                row.append(latest)
                if annual:
                    change = "–"
                    if i.latest is not None and i.before is not None:
                        change = fmt.signed(i.latest - i.before)
                    row.append(change)
                target = self.value(i.target, i.unit)
                if i.target_date:
                    target += f" ({fmt.date(i.target_date)})"
                row += [target, self.status(i)]
                rows.append(row)
            self.table(header, rows)

    def activities(self, r: PartnershipReport) -> None:
        t, fmt = self.t, self.fmt
        self.heading(3, t["activities"])
        if not r.activities:
            self.para(t["no_activities"])
            return
        rows = [
            [self.vocab("form", form)]
            + [fmt.number(r.count(form, y)) if r.count(form, y) else "" for y in r.years]
            for form in r.forms
        ]
        totals = [fmt.number(sum(c.count for c in r.activities if c.year == y)) for y in r.years]
        rows.append([f"**{t['total']}**", *totals])
        self.table([t["form"], *map(str, r.years)], rows)

    def benefits(self, r: PartnershipReport) -> None:
        t = self.t
        if not r.benefits and not r.joint_values:
            self.para(t["no_benefits"])
            return
        if r.benefits:
            self.heading(4, t["benefit_per_party"])
            self.table(
                [t["party"], t["benefit"], t["evidence"], t["indicators"]],
                [
                    [
                        md_text(b.party),
                        md_text(b.benefit),
                        md_text(b.evidence) or "–",
                        md_text(", ".join(b.indicators)) or "–",
                    ]
                    for b in r.benefits
                ],
            )
        if r.joint_values:
            self.heading(4, t["joint_value"])
            for j in r.joint_values:
                line = f"- **{md_text(j.statement)}**"
                if j.why_not_alone:
                    line += f" {t['why_not_alone']}: {md_text(j.why_not_alone)}"
                self.add(line)
            self.add("")

    def resources(self, r: PartnershipReport) -> None:
        t, fmt = self.t, self.fmt
        if not r.resources:
            self.para(t["no_resources"])
            return
        use_header = (
            [t["used_in"].format(year=r.period_end.year), t["remaining"]] if r.use_recorded else []
        )
        self.table(
            [
                t["party"],
                t["level"],
                t["kind"],
                t["amount"],
                t["purpose"],
                t["period_col"],
                t["status"],
                t["mandate"],
                *use_header,
            ],
            [
                [
                    md_text(x.party),
                    self.vocab("level", x.level),
                    t.enum("resource_kind", x.kind),
                    resource_amount(x.amount, x.unit, fmt),
                    md_text(x.purpose),
                    f"{fmt.date(x.start)} – {fmt.date(x.end)}",
                    t.enum("resource_status", x.status),
                    md_text(x.holder) or "–",
                    *([fmt.number(x.used), fmt.number(x.remaining)] if r.use_recorded else []),
                ]
                for x in r.resources
            ],
        )
        if r.resource_totals:
            self.para(t["resource_totals"].format(year=r.period_end.year))
            self.table(
                [
                    t["party"],
                    t["earmarked"],
                    t["used_in"].format(year=r.period_end.year),
                    t["remaining"],
                ],
                [
                    [
                        md_text(x.party) if x.party else t["all_parties"],
                        resource_amount(x.earmarked, x.unit, fmt),
                        fmt.number(x.used),
                        fmt.number(x.remaining),
                    ]
                    for x in r.resource_totals
                ],
            )

    def governance(self, r: PartnershipReport) -> None:
        t, fmt = self.t, self.fmt
        if not r.bodies:
            self.para(t["no_bodies"])
            return
        self.para(
            t["governance_note"].format(start=fmt.date(r.period_start), end=fmt.date(r.period_end))
        )
        self.table(
            [
                t["body"],
                t["level"],
                t["held"],
                t["expected"],
                t["status"],
                t["last_meeting"],
                t["next_meeting"],
            ],
            [
                [
                    md_text(b.name),
                    self.vocab("level", b.level),
                    str(b.held),
                    fmt.number(b.expected, 1) if b.expected is not None else "–",
                    t.enum("body_state", b.state),
                    fmt.date(b.last),
                    fmt.date(b.next_planned),
                ]
                for b in r.bodies
            ],
        )

    def assessment(self, r: PartnershipReport) -> None:
        t, fmt = self.t, self.fmt
        x = r.assessment
        if x is None:
            self.para(t["no_assessment"])
            return
        intro = t["assessment_of"].format(
            instrument=t.enum("instrument", x.view.instrument), date=fmt.long_date(x.view.date)
        )
        intro = f"**{intro}.** {t.enum('scale', x.scale)}"
        if x.view.previous_date:
            intro += " " + t["previous"].format(date=fmt.date(x.view.previous_date))
        self.para(intro)
        rows = []
        for d in x.dimensions:
            row = [md_text(d)]
            for party in x.parties:
                s = x.score(d, party)
                if s is None:
                    row.append("–")
                elif isinstance(s.value, str):
                    row.append(md_text(label("rating", s.value, self.lang)))
                else:
                    cell = fmt.number(s.value)
                    if isinstance(s.previous, int | float):
                        cell += " " + fmt.change(s.value - s.previous)
                    row.append(cell)
            gap = x.gap(d)
            row.append(
                "–" if gap is None else fmt.number(gap.spread) + (" ⚠" if gap.flagged else "")
            )
            rows.append(row)
        if x.means:
            rows.append([f"**{t['mean']}**", *(fmt.number(x.mean(p)) for p in x.parties), ""])
        self.table([t["dimension"], *map(md_text, x.parties), t["gap"]], rows)
        if x.summary:
            self.para(f"> {t['summary_text']}: {md_text(x.summary)}")

    def plan(self, items: tuple[PlanItem, ...]) -> None:
        t, fmt = self.t, self.fmt
        self.table(
            [t["item"], t["responsible"], t["due"], t["status"]],
            [
                [
                    md_text(i.title),
                    md_text("; ".join(f"{party}: {name}" for party, name in i.responsible)),
                    fmt.date(i.due),
                    t.enum("status", i.status),
                ]
                for i in items
            ],
        )


def portfolio_markdown(portfolio: Portfolio) -> str:
    """The leadership report of the portfolio as Markdown."""
    w = _Writer()
    t, fmt = w.t, w.fmt
    title = t["portfolio_title"]
    if portfolio.university:
        title += f" – {md_text(portfolio.university)}"
    w.heading(1, title)
    w.para(t["as_of"].format(date=fmt.long_date(portfolio.today)))
    if not portfolio.partnerships:
        w.para(t["no_partnerships"])
    else:
        not_met = sum(
            r.health[c] == "not_met" for r in portfolio.partnerships for c in HANDBOOK_CRITERIA
        )
        w.add(
            f"- **{fmt.number(len(portfolio.partnerships))}** {t['summary_partnerships']}",
            f"- **{fmt.number(portfolio.overdue)}** {t['summary_overdue']}",
            f"- **{fmt.number(len(portfolio.ending_within(365)))}** {t['summary_ending']}",
            f"- **{fmt.number(not_met)}** {t['summary_not_met']}",
            "",
        )
        w.heading(2, t["overview"])
        header = [t["partnership"], t["phase"], t["agreement_ends"]]
        header += [SHORT[c] for c in HANDBOOK_CRITERIA] + [t["overdue"], t["due_soon"]]
        rows = [
            [
                f"{md_text(r.title)} (`{md_text(r.id)}`)",
                w.vocab("phase", r.phase),
                fmt.date(r.agreement_end),
                *(SYMBOL[r.health[c]] for c in HANDBOOK_CRITERIA),
                str(r.overdue),
                str(r.due_soon),
            ]
            for r in portfolio.partnerships
        ]
        w.table(header, rows)
        w.legend()
        w.heading(2, t["followup_all"])
        overdue = sorted(
            ((r, i) for r in portfolio.partnerships for i in r.items if i.status == OVERDUE),
            key=lambda pair: (pair[1].due, pair[0].id),
        )
        if overdue:
            w.table(
                [t["partnership"], t["due"], t["what"], t["responsible"], t["rule"]],
                [
                    [
                        md_text(r.title),
                        fmt.date(i.due),
                        md_text(i.title),
                        md_text("; ".join(f"{p}: {n}" for p, n in i.responsible)),
                        i.rule or "–",
                    ]
                    for r, i in overdue
                ],
            )
        else:
            w.para(t["nothing_overdue"])
        for r in portfolio.partnerships:
            w.heading(2, md_text(r.title))
            w.header(r)
            if r.description:
                w.para(md_text(r.description))
            w.agreements(r, portfolio.today)
            w.health(r)
            w.followup(r)
            w.heading(3, t["goals"])
            w.goals(r)
            w.activities(r)
            w.heading(3, t["benefits"])
            w.benefits(r)
            w.heading(3, t["resources"])
            w.resources(r)
            w.heading(3, t["governance"])
            w.governance(r)
            w.heading(3, t["assessment"])
            w.assessment(r)
    if portfolio.unreadable:
        w.heading(2, t["unreadable_title"])
        w.para(t["unreadable_note"])
        w.add(*(f"- `{md_text(f)}`" for f in portfolio.unreadable), "")
    w.para(f"_{t['made_by'].format(version=__version__, date=fmt.long_date(portfolio.today))}_")
    return w.text()


def annual_markdown(a: AnnualReport, university: str | None) -> str:
    """The annual report (årsrapport) of one partnership as Markdown."""
    w = _Writer()
    t, fmt = w.t, w.fmt
    r = a.partnership
    w.heading(1, f"{t['annual_title'].format(year=a.year)}: {md_text(r.title)}")
    if university or r.host:
        w.para(md_text(university or r.host))
    w.para(t["period"].format(start=fmt.long_date(r.period_start), end=fmt.long_date(r.period_end)))
    w.header(r)

    w.heading(2, t["s1"])
    w.para(
        f"**{t['direction']}: {t.enum('direction', a.direction)}.** "
        + t.enum("direction_text", a.direction)
    )
    if a.reasons:
        w.para(f"{t['facts']}:")
        w.add(*(f"- {md_text(reason_text(k, s, fmt))}" for k, s in a.reasons), "")
    w.para(f"_{t['direction_note']}_")
    w.agreements(r, r.period_end)
    w.health(r)
    w.followup(r)

    w.heading(2, t["s2"])
    w.goals(r, annual=True)

    w.heading(2, t["s3"])
    w.heading(3, t["activities_in_year"].format(year=a.year))
    if a.lines:
        w.table(
            [t["activity"], t["form"], t["in_year"], t["start"], t["end"], t["volume"]],
            [
                [
                    md_text(x.title),
                    w.vocab("form", x.form),
                    t.enum("event", x.event),
                    fmt.date(x.start),
                    fmt.date(x.end),
                    fmt.number(x.volume),
                ]
                for x in a.lines
            ],
        )
        w.heading(4, t["by_form"])
        w.table(
            [t["form"], t["count"], t["volume"]],
            [
                [w.vocab("form", f), fmt.number(n), fmt.number(v) if v else "–"]
                for f, n, v in a.by_form
            ],
        )
        if a.by_domain:
            w.heading(4, t["by_domain"])
            w.table(
                [t["domain"], t["count"]],
                [[w.vocab("domain", d), fmt.number(n)] for d, n in a.by_domain],
            )
        if a.by_unit:
            w.heading(4, t["by_unit"])
            w.table(
                [t["unit"], t["party"], t["count"]],
                [[md_text(u), md_text(p), fmt.number(n)] for p, u, n in a.by_unit],
            )
        if a.funding:
            w.para(t["funding"].format(amount=fmt.number(a.funding)))
    else:
        w.para(t["no_activities"])
    w.activities(r)

    w.heading(2, t["s4"])
    w.benefits(r)

    w.heading(2, t["s5"])
    if a.agreement_value:
        w.heading(3, t["agreement_value"])
        w.add(
            *(
                f"- {md_text(party)}: {fmt.quantity(amount, 'SEK')} "
                + (t["per_year"] if per == "year" else t["per_period"])
                for party, amount, per in a.agreement_value
            ),
            "",
        )
    w.heading(3, t["resources"])
    w.resources(r)

    w.heading(2, t["s6"])
    w.heading(3, t["governance"])
    w.governance(r)
    if a.attendance:
        w.heading(3, t["attendance"])
        w.table(
            [t["body"], t["level"], t["party"], t["attendances"], t["meetings"]],
            [
                [
                    md_text(x.body),
                    w.vocab("level", x.level),
                    md_text(x.party),
                    str(x.attendances),
                    str(x.meetings),
                ]
                for x in a.attendance
            ],
        )

    w.heading(2, t["s7"])
    if a.assessments_in_year:
        done = ", ".join(
            f"{fmt.date(when)} ({t.enum('instrument', i)})" for when, i in a.assessments_in_year
        )
        w.para(f"{t['assessments_in_year']}: {done}")
    w.assessment(r)

    w.heading(2, t["s8"])
    freedom = (
        t["yes"]
        if a.publication_freedom is True
        else t["no"]
        if a.publication_freedom is False
        else t["not_recorded"]
    )
    risk = (
        f"{t.enum('risk_outcome', a.risk_assessment[1])} ({fmt.date(a.risk_assessment[0])})"
        if a.risk_assessment
        else t["not_recorded"]
    )
    w.add(f"- {t['publication_freedom']}: {freedom}", f"- {t['risk_assessment']}: {risk}")
    for name, roles, handled in a.dual_roles:
        state = t["handled"] if handled else t["not_handled"]
        w.add(f"- {t['dual_roles']}: {md_text(name)}, {md_text(roles)} ({state})")
    w.add("")
    w.heading(3, t["risks"])
    _log(w, a.risks, t["no_risks"])

    w.heading(2, t["s9"])
    w.heading(3, t["lessons"])
    _log(w, a.lessons, t["no_lessons"])
    w.heading(3, t["decisions"])
    if a.decisions:
        w.table(
            [t["decision"], t["owner"], t["due"], t["status"]],
            [
                [
                    f"{md_text(text)} (`{md_text(id_)}`)",
                    md_text(owner) or "–",
                    fmt.date(due),
                    t.enum("status", status),
                ]
                for id_, text, owner, due, status in a.decisions
            ],
        )
    else:
        w.para(t["no_decisions"])
    if a.carried_over:
        w.heading(3, t["carried_over"])
        w.plan(a.carried_over)
    w.heading(3, t["next_plan"].format(year=a.year + 1))
    if a.next_plan_found and a.next_plan:
        w.plan(a.next_plan)
    else:
        w.para(t["no_next_plan"].format(year=a.year + 1))

    if a.evaluation:
        e = a.evaluation
        w.heading(2, t["s10"])
        w.para(
            t["evaluation_intro"].format(date=fmt.long_date(e.agreement_end))
            if e.agreement_end
            else t["evaluation_phase"]
        )
        w.para(
            f"**{t['q_purpose']}** "
            + t["a_purpose"].format(
                achieved=e.goals_achieved,
                goals=len(r.goals),
                active=e.goals_active,
                on=e.on_track,
                measured=e.measured,
            )
        )
        w.para(f"**{t['q_not_working']}**")
        problems = [reason_text("not_met", c, fmt) for c in e.not_met]
        problems += [f"{label('criterion', c, w.lang)}: {t['attention']}" for c in e.attention]
        problems += [reason_text("off_track", name, fmt) for name in e.off_track]
        w.add(*([f"- {md_text(p)}" for p in problems] or [t["nothing_flagged"]]), "")
        w.para(f"**{t['q_commitment']}**")
        w.add(
            *(
                "- " + md_text(t["a_commitment"].format(party=party, n=n))
                for party, n in e.committed_beyond
            ),
            "",
        )
        areas = ", ".join(e.focus_areas) if e.focus_areas else t["none"]
        w.para(f"**{t['q_scope']}** " + md_text(t["a_scope"].format(areas=areas)))
    w.para(f"_{t['made_by'].format(version=__version__, date=fmt.long_date(r.period_end))}_")
    return w.text()


def _log(w: _Writer, entries, empty: str) -> None:
    if not entries:
        w.para(empty)
        return
    w.add(
        *(
            f"- {w.fmt.date(e.date)} ({w.vocab('log_type', e.type)}): {md_text(e.summary)}"
            for e in entries
        ),
        "",
    )
