"""The report's charts, drawn by pygal as SVG to inline in the HTML page.

pygal builds the SVG as an XML tree (xml.etree or lxml), so record text in labels and legends
is escaped as XML text. Before the SVG is inlined, everything a self-contained page must not
have is removed from the tree: pygal's configuration ``<script>`` (the page runs no script at
all; its Content-Security-Policy forbids scripts), comments and any external reference. Chart
ids are numbered, not random, so the same input gives the same page.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

import pygal
from pygal.etree import etree
from pygal.style import Style

from partnerkit.followup import HANDBOOK_CRITERIA, score_number
from partnerkit.record.vocab import label
from partnerkit.report.views import AssessmentReport, PartnershipReport, Portfolio
from partnerkit.textsafe import inert

# The same SVG whether or not lxml is installed (python-docx brings it): pygal would switch to
# lxml by itself, which declares namespaces the page never uses.
etree.to_etree()

FONT = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, '
    '"Liberation Sans", "DejaVu Sans", sans-serif'
)
# Okabe–Ito: distinguishable with the common colour-vision deficiencies, and in grey print.
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#000000",
    "#999933",
    "#882255",
    "#44AA99",
    "#332288",
    "#AA4499",
    "#117733",
    "#88CCEE",
    "#DDCC77",
    "#661100",
    "#6699CC",
    "#888888",
    "#AA4466",
    "#4477AA",
    "#228833",
)
HEALTH_COLORS = ("#1b7a3a", "#d99a00", "#c0392b")  # met, attention, not met
LABEL_CHARS = 42

_ids = itertools.count(1)


def reset_ids() -> None:
    """Number charts from 1 again (one page at a time)."""
    global _ids
    _ids = itertools.count(1)


def _text_color(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (#rrggbb)."""
    r, g, b = (int(background[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#111111" if luminance > 0.45 else "#ffffff"


def _style(colors: tuple[str, ...] = PALETTE) -> Style:
    return Style(
        value_colors=tuple(_text_color(c) for c in colors),
        guide_stroke_color="#dde2e7",
        major_guide_stroke_color="#c4cbd3",
        guide_stroke_dasharray="none",
        major_guide_stroke_dasharray="none",
        background="#ffffff",
        plot_background="#ffffff",
        foreground="#1f2933",
        foreground_strong="#111111",
        foreground_subtle="#c4cbd3",
        font_family=FONT,
        label_font_size=15,
        major_label_font_size=15,
        value_font_size=14,
        value_label_font_size=14,
        legend_font_size=16,
        title_font_size=18,
        no_data_font_size=20,
        tooltip_font_size=14,
        opacity="1",
        opacity_hover="1",
        stroke_opacity="1",
        stroke_opacity_hover="1",
        transition="0ms",
        colors=colors,
    )


def _chart(kind: Callable, number: Callable[[float], str], **config) -> pygal.Graph:
    options = {
        "js": [],
        "disable_xml_declaration": True,
        "explicit_size": False,
        "width": 960,
        "height": 420,
        "legend_at_bottom": True,
        "legend_at_bottom_columns": 3,
        "truncate_legend": -1,
        "truncate_label": LABEL_CHARS,
        "print_values": True,
        "print_zeroes": False,
        "value_formatter": number,
        "margin": 12,
        "spacing": 14,
        "style": _style(),
        "show_minor_y_labels": True,
        "include_x_axis": True,
    }
    options.update(config)
    chart = kind(**options)
    chart.uuid = f"pk{next(_ids)}"
    return chart


def _short(text: str) -> str:
    """Record text for a chart label: one line, control characters shown as escapes (XML
    cannot hold them), and cut to fit."""
    text = inert(" ".join(text.split()))
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


def _local(tag: object) -> str:
    """An element's tag without namespace; empty for comments and processing instructions."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _legend_room(chart: pygal.Graph) -> dict:
    """pygal reserves n // columns legend rows below the plot; give it the rows it draws."""
    config = chart.config
    series = len(chart.raw_series)
    columns = config.legend_at_bottom_columns
    if not config.legend_at_bottom or not columns or not series:
        return {}
    columns = min(columns, series)
    missing = -(-series // columns) - series // columns
    row = max(config.legend_box_size, config.style.legend_font_size) * 1.5
    return {
        "legend_at_bottom_columns": columns,
        "margin_bottom": int(config.margin + missing * row + 4),
    }


_GEOMETRY = {"x", "y", "width", "height", "d", "transform", "cx", "cy", "r", "points"}
_DECIMALS = re.compile(r"\d+\.\d{2,}")


def _one_decimal(match: re.Match[str]) -> str:
    return f"{float(match.group()):.1f}"  # a tenth of a unit is far below a pixel


def svg(chart: pygal.Graph, caption: str) -> str:
    """The chart as inline SVG markup: no script, no comment, no external reference."""
    root = chart.render_tree(**_legend_room(chart))
    for parent in list(root.iter()):
        for child in list(parent):
            if _local(child.tag) in ("", "script", "desc") or _guide_position(parent, child):
                # comments, processing instructions, pygal's config script, and the data its
                # script would show as tooltips (no script runs, so only the size would stay)
                parent.remove(child)
    for element in root.iter():
        for name, value in list(element.attrib.items()):
            if _local(name) == "href":
                del element.attrib[name]
            elif name in _GEOMETRY:
                element.set(name, _DECIMALS.sub(_one_decimal, value))
    for child in root:
        if _local(child.tag) == "title":
            child.text = caption
    root.set("role", "img")
    root.set("aria-label", caption)
    return etree.tostring(root, encoding="unicode")


def _guide_position(parent, child) -> bool:
    """An axis guide's tooltip: its position as a bare machine number (0.0555556), which the
    guide's own label already says in words or in the reader's number format."""
    if _local(child.tag) != "title" or _local(parent.tag) != "g":
        return False
    return bool(child.text and re.fullmatch(r"-?[\d.e+-]+", child.text.strip()))


def _height(rows: int, per_row: int = 46, minimum: int = 260) -> int:
    return max(minimum, 150 + rows * per_row)


# ---------------------------------------------------------------- the charts


def health_chart(
    portfolio: Portfolio, lang: str, names: dict[str, str], caption: str
) -> str | None:
    """Criterion health across the portfolio: partnerships per criterion and status."""
    if not portfolio.partnerships:
        return None
    chart = _chart(
        pygal.HorizontalStackedBar,
        lambda v: f"{v:g}",
        style=_style(HEALTH_COLORS),
        width=620,
        height=_height(len(HANDBOOK_CRITERIA), 40),
        legend_at_bottom_columns=2,
        x_labels=[label("criterion", c, lang) for c in reversed(HANDBOOK_CRITERIA)],
        truncate_label=-1,
        show_y_guides=False,
    )
    for status in ("met", "attention", "not_met"):
        chart.add(
            names[status],
            [portfolio.health_counts(c)[status] or None for c in reversed(HANDBOOK_CRITERIA)],
        )
    return svg(chart, caption)


def portfolio_activity_chart(
    portfolio: Portfolio, lang: str, number: Callable, caption: str
) -> str | None:
    """Activities per group of collaboration forms and year, across the portfolio."""
    counts = portfolio.group_counts()
    if not counts:
        return None
    groups = [g for g in _FORM_GROUPS if g in counts]
    chart = _chart(
        pygal.StackedBar,
        number,
        width=620,
        height=_height(len(HANDBOOK_CRITERIA), 40),
        x_labels=[str(y) for y in portfolio.years],
        legend_at_bottom_columns=2,
        print_values=False,
    )
    for group in groups:
        chart.add(
            label("form_group", group, lang),
            [counts[group].get(y) or None for y in portfolio.years],
        )
    return svg(chart, caption)


_FORM_GROUPS = ("forskning", "utbildning", "kompetensforsorjning", "nyttiggorande", "relation")


def activity_chart(
    report: PartnershipReport, lang: str, number: Callable, caption: str
) -> str | None:
    """Activities per collaboration form and year, for one partnership."""
    forms = report.forms
    if not forms:
        return None
    chart = _chart(
        pygal.StackedBar,
        number,
        x_labels=[str(y) for y in report.years],
        legend_at_bottom_columns=3,
        height=400 + 24 * ((len(forms) + 2) // 3),
        print_values=False,
    )
    for form in forms:
        chart.add(label("form", form, lang), [report.count(form, y) or None for y in report.years])
    return svg(chart, caption)


def indicator_chart(
    report: PartnershipReport,
    progress_name: str,
    time_name: str,
    percent: Callable[[float], str],
    caption: str,
) -> str | None:
    """Each indicator's way from baseline to target so far, beside the share of time passed."""
    rows = [i for i in report.indicators if i.progress is not None][::-1]  # first on top
    if not rows:
        return None
    chart = _chart(
        pygal.HorizontalBar,
        lambda v: percent(v / 100),
        height=_height(len(rows), 64),
        x_labels=[_short(i.name) for i in rows],
        legend_at_bottom_columns=2,
        style=_style(("#0072B2", "#b8c2cc")),
    )
    chart.add(progress_name, [_percent_value(i.progress) for i in rows])
    chart.add(time_name, [_percent_value(i.elapsed) for i in rows])
    return svg(chart, caption)


def _percent_value(fraction: float | None) -> float | None:
    return None if fraction is None else round(fraction * 100, 1)


def assessment_chart(assessment: AssessmentReport, number: Callable, caption: str) -> str | None:
    """The latest mutual assessment: each party's score per dimension."""
    values = {(s.dimension, s.party): score_number(s.value) for s in assessment.view.scores}
    if not any(v is not None for v in values.values()):
        return None
    chart = _chart(
        pygal.Bar,
        number,
        x_labels=[_short(d) for d in assessment.dimensions],
        range=(0, assessment.scale_max),
        legend_at_bottom_columns=4,
        height=380,
    )
    for party in assessment.parties:
        chart.add(_short(party), [values.get((d, party)) for d in assessment.dimensions])
    return svg(chart, caption)
