"""The report as one self-contained HTML page: CSS and charts inline, no script, no request.

Jinja2 renders the templates with autoescaping on for every value, so record text is always
shown as text. The only markup not escaped is the page's own stylesheet and the charts'
SVG, which pygal builds as an XML tree (record text in it is escaped as XML text) and
:func:`partnerkit.report.charts.svg` strips of scripts and external references. A
Content-Security-Policy in the page forbids scripts and every network request, so even a
mistake could not make the page reach out.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup

from partnerkit import __version__
from partnerkit.followup import HANDBOOK_CRITERIA
from partnerkit.formatting import Formatter
from partnerkit.i18n import current_language
from partnerkit.record.vocab import label
from partnerkit.render.html_templates import html_environment
from partnerkit.report import charts
from partnerkit.report.labels import SHORT, SYMBOL, Labels, labels, reason_text, resource_amount
from partnerkit.report.views import HORIZON_DAYS, AnnualReport, PartnershipReport, Portfolio

HERE = Path(__file__).parent


def _environment() -> Environment:
    return html_environment(HERE / "templates")


@cache
def _stylesheet() -> str:
    css = (HERE / "static" / "report.css").read_text(encoding="utf-8")
    if "</" in css:  # never possible for our own file; checked so the <style> cannot end early
        raise ValueError("report.css must not contain '</'")
    return css


def _context(lang: str) -> dict:
    fmt = Formatter(lang)
    t: Labels = labels()
    return {
        "t": t,
        "fmt": fmt,
        "lang": fmt.lang,
        "version": __version__,
        "horizon": HORIZON_DAYS,
        "css": Markup(_stylesheet()),
        "criteria": HANDBOOK_CRITERIA,
        "short": SHORT,
        "symbol": SYMBOL,
        "vocab": lambda name, slug: label(name, slug, fmt.lang) if slug else "",
        "enum": t.enum,
        "reason": lambda kind, subject: reason_text(kind, subject, fmt),
        "resource_amount": lambda x: resource_amount(x.amount, x.unit, fmt),
        "resource_total": lambda x: resource_amount(x.earmarked, x.unit, fmt),
        "csp": (
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            "base-uri 'none'; form-action 'none'"
        ),
    }


def _partnership_charts(report: PartnershipReport, ctx: dict) -> dict[str, Markup]:
    t, fmt = ctx["t"], ctx["fmt"]
    made = {
        "activities": charts.activity_chart(report, fmt.lang, fmt.number, t["chart_forms"]),
        "indicators": charts.indicator_chart(
            report, t["progress"], t["time_elapsed"], fmt.percent, t["chart_indicators"]
        ),
        "assessment": charts.assessment_chart(report.assessment, fmt.number, t["chart_assessment"])
        if report.assessment
        else None,
    }
    return {key: Markup(value) for key, value in made.items() if value}


def render_portfolio_html(portfolio: Portfolio) -> str:
    """The leadership report of the whole portfolio."""
    charts.reset_ids()
    ctx = _context(current_language())
    t, fmt = ctx["t"], ctx["fmt"]
    health = charts.health_chart(
        portfolio,
        fmt.lang,
        {k: t[k] for k in ("met", "attention", "not_met")},
        t["chart_health"],
    )
    groups = charts.portfolio_activity_chart(portfolio, fmt.lang, fmt.number, t["chart_groups"])
    ctx.update(
        p=portfolio,
        today=portfolio.today,
        portfolio_charts={
            key: Markup(value) for key, value in (("health", health), ("groups", groups)) if value
        },
        partnership_charts={r.id: _partnership_charts(r, ctx) for r in portfolio.partnerships},
        overdue_items=sorted(
            ((r, i) for r in portfolio.partnerships for i in r.items if i.status == "overdue"),
            key=lambda pair: (pair[1].due, pair[0].id),
        ),
        not_met=sum(
            1 for r in portfolio.partnerships for c in HANDBOOK_CRITERIA if r.health[c] == "not_met"
        ),
    )
    return _environment().get_template("portfolio.html.j2").render(ctx)


def render_annual_html(annual: AnnualReport, university: str | None) -> str:
    """The annual report (årsrapport) of one partnership."""
    charts.reset_ids()
    ctx = _context(current_language())
    report = annual.partnership
    ctx.update(
        a=annual,
        r=report,
        today=report.period_end,
        university=university or report.host,
        c=_partnership_charts(report, ctx),
    )
    return _environment().get_template("annual.html.j2").render(ctx)
