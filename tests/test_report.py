"""`partnerkit report`: the leadership report (portfolio) and the annual report.

The report data is checked on the healthy record ``tests/rules/base.yaml`` with targeted
changes and on the example records; the HTML page is checked for being self-contained and for
showing record text as text. ``test_report_browser.py`` loads the pages in a real Chromium.
"""

from __future__ import annotations

import pickle
import re
import xml.etree.ElementTree as ElementTree
from datetime import date
from pathlib import Path

import pytest

from partnerkit.config import Config
from partnerkit.i18n import set_language
from partnerkit.load.pipeline import check_text
from partnerkit.report import charts
from partnerkit.report.annual import annual_report
from partnerkit.report.portfolio import build_portfolio, partnership_report
from partnerkit.report.views import ADJUST, CONTINUE, EVALUATE, PHASE_OUT
from partnerkit.rules.base import Context
from tests.conftest import AS_OF, BASE, EXAMPLES, ROOT

TODAY = date.fromisoformat(AS_OF)
EXAMPLE_IDS = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))
ON_TRACK = BASE.replace("{date: 2025-12-31, value: 18}", "{date: 2025-12-31, value: 20}")
HTML_TEXT = '<script>alert("x")</script><img src="http://127.0.0.1:9/x.png"> & | pipe'


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


def _checked(text: str, today: date = TODAY):
    config = Config()
    report = check_text(text, "base.yaml", config, Context(today, config.thresholds), True)
    assert report.record is not None, [f.message for f in report.findings]
    return report, report.record


def _portfolio_view(text: str = BASE, today: date = TODAY):
    report, record = _checked(text, today)
    return partnership_report(report, record, Config().thresholds, today, date(today.year, 1, 1))


def _annual(text: str, year: int, today: date = TODAY):
    end = min(date(year, 12, 31), today)
    report, record = _checked(text, end)
    return annual_report(report, record, year, Config().thresholds, end)


def _yaml(text: str) -> str:
    """A YAML double-quoted scalar for ``text`` (JSON strings are YAML)."""
    import json

    return json.dumps(text)


def _records(tmp_path: Path, *texts: str) -> Path:
    folder = tmp_path / "partnerships"
    folder.mkdir()
    for index, text in enumerate(texts):
        (folder / f"record-{index}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


# ---------------------------------------------------------------- the data


def test_activities_count_in_every_year_they_were_going_on():
    view = _portfolio_view()
    assert view.years == (2024, 2025, 2026)
    assert view.count("examensarbete", 2024) == 1  # ongoing since 2024-01-15
    assert view.count("examensarbete", 2026) == 1
    assert view.count("industridoktorand", 2024) == 0  # started 2025-09-01
    assert view.count("industridoktorand", 2025) == 1
    assert view.count("uppdragsutbildning", 2026) == 1
    assert view.count("uppdragsutbildning", 2025) == 0
    volumes = {(c.form, c.year): c.volume for c in view.activities}
    assert volumes[("examensarbete", 2026)] == 18


def test_cancelled_and_planned_activities_are_not_counted():
    text = BASE.replace("start: 2026-02-01, end: 2026-05-31, status: completed", "status: planned")
    text = text.replace(
        "start: 2026-10-01, end: 2026-10-01, status: completed", "status: cancelled"
    )
    view = _portfolio_view(text)
    assert "uppdragsutbildning" not in view.forms
    assert "evenemang" not in view.forms


def test_indicator_progress_and_time():
    view = _portfolio_view()
    [indicator] = view.indicators
    assert indicator.latest == 18
    assert indicator.progress == pytest.approx((18 - 10) / (25 - 10))
    assert 0.6 < indicator.elapsed < 0.7  # 2023-01-01 .. 2028-12-31, as of 2026-11-28
    assert indicator.on_track is False  # 53 % of the way after 65 % of the time
    assert _portfolio_view(ON_TRACK).indicators[0].on_track is True


def test_governance_held_against_cadence():
    view = _portfolio_view()
    bodies = {b.id: b for b in view.bodies}
    assert bodies["rad"].held == 1  # 2026-04-09 in 2026
    assert bodies["rad"].state == "ok"
    styrgrupp = bodies["styrgrupp"]
    assert styrgrupp.held == 2
    # its first meeting was in June, so four a year asks for about two by 28 November
    assert styrgrupp.expected == pytest.approx(1.9, abs=0.2)
    assert styrgrupp.next_planned == date(2026, 12, 10)
    text = BASE.replace(
        "{date: 2026-06-11, attendees: [p-vr, p-fou]", "{date: 2026-01-15, attendees: [p-vr, p-fou]"
    ).replace("{date: 2026-09-17, attendees", "{date: 2026-09-17, status: cancelled, attendees")
    behind = {b.id: b for b in _portfolio_view(text).bodies}["styrgrupp"]
    assert behind.held == 1
    assert behind.state == "behind"


def test_latest_assessment_with_means_and_gap():
    view = _portfolio_view()
    assessment = view.assessment
    assert assessment.parties == ("Exempeluniversitetet", "Nordverk AB")
    assert dict(assessment.means) == {
        "Exempeluniversitetet": pytest.approx(4.15),
        "Nordverk AB": pytest.approx(3.95),
    }
    assert assessment.gap("nytta").spread == pytest.approx(0.2)
    assert not assessment.gap("nytta").flagged


def test_the_portfolio_keeps_no_record_and_pickles():
    from partnerkit.load.pipeline import check_paths
    from partnerkit.report.portfolio import portfolio_on_record

    config = Config()
    result = check_paths(
        [EXAMPLES], config, ROOT, TODAY, on_record=portfolio_on_record(config, TODAY)
    )
    assert all(report.record is None for report in result.files)
    portfolio = build_portfolio(result, TODAY, None)
    assert [p.id for p in portfolio.partnerships] == EXAMPLE_IDS
    assert portfolio.university == "Exempeluniversitetet"  # the one host of every record
    pickle.loads(pickle.dumps(portfolio))


def test_report_in_worker_processes(cli, tmp_path):
    out = tmp_path / "report.html"
    run = cli(
        "report", "--as-of", AS_OF, "--html", str(out), cwd=ROOT, env={"PARTNERKIT_JOBS": "2"}
    )
    assert run.exit_code == 0, run.output
    assert all(f'id="p-{i}"' in out.read_text(encoding="utf-8") for i in EXAMPLE_IDS)


# ---------------------------------------------------------------- the annual report


def test_annual_report_of_a_healthy_year_suggests_continuing():
    annual = _annual(ON_TRACK, 2026)
    assert annual.direction == CONTINUE
    assert ("on_track", (1, 1)) in annual.reasons
    assert annual.partnership.period_start == date(2026, 1, 1)
    assert annual.partnership.period_end == TODAY
    assert {line.id for line in annual.lines} == {"a-exjobb", "a-doktorand", "a-kurs", "a-dag"}
    events = {line.id: line.event for line in annual.lines}
    assert events["a-kurs"] == "started"
    assert events["a-exjobb"] == "continued"
    assert dict((f, n) for f, n, _v in annual.by_form)["evenemang"] == 1
    assert annual.next_plan_found is False  # no plan for 2027 yet
    assert [i.title for i in annual.carried_over] == ["Fler examensarbeten"]
    assert annual.evaluation is None  # the agreement runs to 2029


def test_annual_report_of_a_past_year_is_as_of_its_end():
    annual = _annual(BASE, 2025)
    assert annual.partnership.period_end == date(2025, 12, 31)
    [indicator] = annual.partnership.indicators
    assert indicator.latest == 18  # measured 2025-12-31
    assert indicator.before == 14  # the last value before 2025
    assert {line.id for line in annual.lines} == {"a-exjobb", "a-doktorand"}
    assert annual.partnership.assessment is None  # the first assessment was in May 2026
    decisions = {d[0]: d[4] for d in annual.decisions}
    assert decisions == {"d-2025-1": "done"}
    assert annual.next_plan_found is True  # the 2026 plan


def test_annual_report_before_renewal_suggests_evaluating():
    text = ON_TRACK.replace("    end: 2029-02-28\n", "    end: 2027-06-30\n")
    annual = _annual(text, 2026)
    assert annual.direction == EVALUATE
    assert annual.reasons[0] == ("ending", date(2027, 6, 30))
    assert annual.evaluation is not None
    assert annual.evaluation.agreement_end == date(2027, 6, 30)
    # the earmarked resources all run to 2029, past the end
    assert dict(annual.evaluation.committed_beyond) == {
        "Exempeluniversitetet": 3,
        "Nordverk AB": 1,
    }


def test_annual_report_suggests_adjusting_on_a_gap_and_phasing_out():
    text = ON_TRACK.replace(
        "{dimension: nytta, side: nv, value: 3.9}", "{dimension: nytta, side: nv, value: 2.5}"
    )
    annual = _annual(text, 2026)
    assert annual.direction == ADJUST
    assert ("gap", "nytta") in annual.reasons
    assert ("low_score", "Nordverk AB") not in annual.reasons  # its mean is 3.25
    phasing_out = BASE.replace(
        "  phase: drift\n  phase_since: 2024-03-01",
        "  phase: avveckling\n  phase_since: 2026-09-01",
    ).replace(
        "    - {phase: drift, from: 2024-03-01}",
        "    - {phase: drift, from: 2024-03-01}\n    - {phase: avveckling, from: 2026-09-01}",
    )
    assert _annual(phasing_out, 2026).direction == PHASE_OUT


# ---------------------------------------------------------------- the HTML page


def _html(cli, tmp_path: Path, *args: str, cwd: Path = ROOT) -> str:
    out = tmp_path / "report.html"
    run = cli("report", "--as-of", AS_OF, *args, "--html", str(out), cwd=cwd)
    assert run.exit_code == 0, run.output
    assert str(out) in run.stdout
    return out.read_text(encoding="utf-8")


def test_html_report_is_self_contained(cli, tmp_path):
    html = _html(cli, tmp_path, "--lang", "en")
    assert html.startswith("<!DOCTYPE html>")
    assert 'http-equiv="Content-Security-Policy"' in html
    assert "default-src &#39;none&#39;" in html  # an attribute value: &#39; is an apostrophe
    assert "<script" not in html.lower()
    assert '<link rel="stylesheet"' not in html
    assert "@import" not in html and "url(" not in html
    assert re.search(r"\s(src|srcset|xlink:href|href)=\"(?!#|data:)", html) is None
    # the only URL is the SVG namespace, which is a name, not a request
    assert set(re.findall(r"https?://[^\s\"'<>)]+", html)) == {"http://www.w3.org/2000/svg"}
    assert html.count("<svg") >= 2 + 2 * len(EXAMPLE_IDS)
    for record_id in EXAMPLE_IDS:
        assert f'id="p-{record_id}"' in html
    assert "@media print" in html


def test_html_report_is_the_same_every_time(cli, tmp_path):
    first = _html(cli, tmp_path, "--lang", "sv")
    assert _html(cli, tmp_path, "--lang", "sv") == first


def test_dates_and_numbers_the_way_each_language_writes_them(cli, tmp_path):
    english = _html(cli, tmp_path, "--lang", "en")
    swedish = _html(cli, tmp_path, "--lang", "sv")
    assert '<html lang="en">' in english and '<html lang="sv">' in swedish
    assert "28 November 2026" in english
    assert "28 november 2026" in swedish
    assert "31/08/2027" in english and "2027-08-31" in swedish  # eu-region-exempel's end
    assert "19.5" in english and "19,5" in swedish  # an indicator value
    assert "2,000,000" in english and "2\u00a0000\u00a0000" in swedish  # SEK per year
    assert "running" in english and "drift" in swedish  # phase labels


def test_university_name_from_the_configuration(cli, tmp_path):
    _records(tmp_path, BASE)
    (tmp_path / "partnerkit.toml").write_text('university = "Testuniversitetet"\n', "utf-8")
    html = _html(cli, tmp_path, cwd=tmp_path)
    assert "Testuniversitetet" in html


def test_record_text_with_html_is_escaped_everywhere(cli, tmp_path):
    text = (
        BASE.replace("  sv: Exempeluniversitetet och Nordverk AB", "  sv: " + _yaml(HTML_TEXT))
        .replace("name: Examensarbeten per år", "name: " + _yaml("Ind " + HTML_TEXT))
        .replace("benefit: Rekrytering av ingenjörer", "benefit: " + _yaml("Nytta " + HTML_TEXT))
        .replace(
            "{dimension: nytta, side: eu", "{dimension: " + _yaml("<b>nytta</b>") + ", side: eu"
        )
        .replace(
            "{dimension: nytta, side: nv", "{dimension: " + _yaml("<b>nytta</b>") + ", side: nv"
        )
    )
    _records(tmp_path, text)
    html = _html(cli, tmp_path, cwd=tmp_path)
    assert "<script" not in html
    assert "<img" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html  # Jinja2's escaping
    assert "&lt;b&gt;nytta&lt;/b&gt;" in html  # in the table and in the chart's labels
    for svg in re.findall(r"<svg.*?</svg>", html, flags=re.S):
        ElementTree.fromstring(svg)  # every chart is well-formed XML


def test_chart_text_is_escaped_and_the_svg_is_inert():
    chart = charts._chart(charts.pygal.Bar, str, x_labels=["</text><script>alert(1)</script>"])
    chart.add('"><foreignObject><iframe src="http://127.0.0.1:9/"/>', [1, 2])
    markup = charts.svg(chart, "<b>caption</b>")
    root = ElementTree.fromstring(markup)
    tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert "script" not in tags and "foreignObject" not in tags and "iframe" not in tags
    assert "&lt;/text&gt;&lt;script&gt;" in markup
    assert "<!--" not in markup
    assert "href" not in markup
    assert root.get("aria-label") == "<b>caption</b>"


def test_control_characters_in_chart_labels_keep_the_svg_well_formed():
    from partnerkit.report.views import AssessmentReport

    report = _portfolio_view(
        BASE.replace("name: Examensarbeten per år", "name: " + _yaml("Ex\x01jobb\u202e"))
    )
    markup = charts.indicator_chart(report, "p", "t", str, "c")
    assert "\\x01" in markup and "\\u202e" in markup
    ElementTree.fromstring(markup)
    assert isinstance(report.assessment, AssessmentReport)


def test_charts_are_numbered_not_random():
    def make() -> str:
        charts.reset_ids()
        chart = charts._chart(charts.pygal.Bar, str)
        chart.add("a", [1])
        return charts.svg(chart, "c")

    assert make() == make()
    assert 'id="chart-pk1"' in make()


# ---------------------------------------------------------------- Markdown and the command


def test_markdown_to_stdout_by_default(cli):
    run = cli("report", "--as-of", AS_OF, "--lang", "en", cwd=ROOT)
    assert run.exit_code == 0, run.output
    assert run.stdout.startswith("# Partnership portfolio – Exempeluniversitetet\n")
    assert "## Portfolio overview" in run.stdout
    assert "| Partnership | Phase | Agreement ends | LEAD |" in run.stdout
    for record_id in EXAMPLE_IDS:
        assert f"`{record_id}`" in run.stdout


def test_markdown_escapes_record_text(cli, tmp_path):
    _records(
        tmp_path,
        BASE.replace("  sv: Exempeluniversitetet och Nordverk AB", "  sv: " + _yaml(HTML_TEXT)),
    )
    out = tmp_path / "report.md"
    run = cli("report", "--as-of", AS_OF, "--markdown", str(out), cwd=tmp_path)
    assert run.exit_code == 0, run.output
    markdown = out.read_text(encoding="utf-8")
    assert "<script>" not in markdown and "<img" not in markdown
    assert "&lt;script&gt;" in markdown
    assert "& \\| pipe" in markdown.replace("&amp;", "&")


def test_html_and_markdown_together(cli, tmp_path):
    html, markdown = tmp_path / "r.html", tmp_path / "r.md"
    run = cli(
        "report",
        "--as-of",
        AS_OF,
        "--html",
        str(html),
        "--markdown",
        str(markdown),
        cwd=ROOT,
    )
    assert run.exit_code == 0, run.output
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert markdown.read_text(encoding="utf-8").startswith("# ")
    assert run.stdout.count("Wrote ") == 2


def test_annual_report_command(cli, tmp_path):
    html = _html(
        cli, tmp_path, "--lang", "en", "--partnership", "eu-exempelby-kommun", "--year", "2026"
    )
    for section in range(1, 11):
        assert f"<h2>{section}. " in html
    assert "Evaluate before renewal" in html
    run = cli(
        "report",
        "--as-of",
        AS_OF,
        "--lang",
        "en",
        "--partnership",
        "eu-region-exempel",
        "--year",
        "2025",
        cwd=ROOT,
    )
    assert run.exit_code == 0, run.output
    assert run.stdout.startswith("# Annual report 2025: ")
    assert "Period: 1 January 2025 – 31 December 2025" in run.stdout
    assert "## 9. Lessons and next year's action plan" in run.stdout
    assert "## 10." not in run.stdout  # the agreement runs to August 2027


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "2025"], "--year is the year of an annual report"),
        (["--partnership", "nope"], "There is no partnership with the id nope."),
        (["--partnership", "eu-nordverk", "--year", "2027"], "The year 2027 has not begun"),
    ],
)
def test_report_usage_errors(cli, args, message):
    run = cli("report", "--as-of", AS_OF, *args, cwd=ROOT)
    assert run.exit_code == 2
    assert message in run.stderr


def test_annual_report_of_a_broken_record(cli, tmp_path):
    _records(tmp_path, BASE.replace("  phase: drift\n", "  phase: dirft\n"))
    run = cli("report", "--as-of", AS_OF, "--partnership", "base-nordverk", cwd=tmp_path)
    assert run.exit_code == 2
    assert "has errors; run partnerkit check first" in run.stderr


def test_unreadable_records_are_listed_not_fatal(cli, tmp_path):
    _records(tmp_path, BASE, "id: [unclosed\n")
    html = _html(cli, tmp_path, "--lang", "en", cwd=tmp_path)
    assert "Records that could not be read" in html
    assert "record-1.yaml" in html
    assert 'id="p-base-nordverk"' in html


def test_empty_portfolio_page():
    from partnerkit.report.html import render_portfolio_html
    from partnerkit.report.views import Portfolio

    html = render_portfolio_html(Portfolio(TODAY, None, []))
    assert "No partnership records were found." in html
