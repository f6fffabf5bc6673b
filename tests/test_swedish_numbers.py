"""Numbers the way each language writes them (partnerkit.formatting), at the edges, and the
Swedish outputs over the examples: no decimal points, no raw vocabulary values."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from partnerkit import formatting, i18n
from tests.conftest import AS_OF, EXAMPLES, ROOT

NBSP = "\xa0"  # Babel groups Swedish thousands with a no-break space: never split by wrapping


@pytest.fixture(params=["sv", "en"])
def lang(request):
    previous = i18n.current_language()
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language(previous)


def sv(text: str) -> str:
    return text.replace(" ", NBSP)


@pytest.mark.parametrize(
    ("value", "swedish", "english"),
    [
        (0, "0", "0"),
        (-0.0, "0", "0"),
        (4, "4", "4"),
        (4.0, "4", "4"),
        (4.2, "4,2", "4.2"),
        (0.1 + 0.2, "0,30000000000000004", "0.30000000000000004"),
        (-1_800_000.5, sv("-1 800 000,5"), "-1,800,000.5"),
        (1800000, sv("1 800 000"), "1,800,000"),
        (10**18, sv("1 000 000 000 000 000 000"), "1,000,000,000,000,000,000"),
        (0.000001, "0,000001", "0.000001"),
        (1e-20, "0,00000000000000000001", "0.00000000000000000001"),
    ],
)
def test_number(value, swedish, english):
    assert formatting.number(value, "sv") == swedish
    assert formatting.number(value, "en") == english


def test_a_huge_number_is_written_out_not_refused():
    """1e300 passes check (issue 18): every output must still render it."""
    swedish = formatting.number(1e300, "sv")
    assert swedish.startswith(sv("1 000 000")) and swedish.count("0") == 300
    assert formatting.number(1e300 + 0.5, "en").startswith("1,000,000")
    assert formatting.number(-1.7976931348623157e308, "sv").startswith("-179")
    assert formatting.plain_number(1e300, "sv") == "1" + "0" * 300


@pytest.mark.parametrize(
    ("value", "digits", "swedish", "english"),
    [
        (2.675, 2, "2,68", "2.68"),  # half up, from the number as written, not its binary
        (0.125, 2, "0,13", "0.13"),
        (3.0, 1, "3", "3"),
        (-0.04, 1, "0", "0"),  # never "-0"
        (1234.5678, 1, sv("1 234,6"), "1,234.6"),
    ],
)
def test_number_rounded(value, digits, swedish, english):
    assert formatting.number(value, "sv", digits) == swedish
    assert formatting.number(value, "en", digits) == english


def test_not_a_number_and_none():
    assert formatting.number(None) == "–"
    assert formatting.number(float("nan"), "sv") == "–"
    assert formatting.number(float("inf"), "sv") == "∞"


@pytest.mark.parametrize(
    ("value", "swedish", "english"),
    [(0.1, "↑0,1", "↑0.1"), (-0.4, "↓0,4", "↓0.4"), (0, "→", "→"), (0.001, "→", "→")],
)
def test_trend(value, swedish, english):
    assert formatting.change(value, "sv") == swedish
    assert formatting.change(value, "en") == english


def test_signed_and_percent():
    assert formatting.signed(0.4, "sv") == "+0,4"
    assert formatting.signed(-1.25, "en") == "-1.25"
    assert formatting.signed(0, "sv") == "0"
    assert formatting.percent(0.2, "sv") == sv("20 %")
    assert formatting.percent(0.2, "en") == "20%"


@pytest.mark.parametrize(
    ("amount", "unit", "swedish", "english"),
    [
        (1_800_000, "SEK_per_year", sv("1 800 000") + " kr per år", "1,800,000 SEK per year"),
        (250000, "SEK", sv("250 000") + " kr", "250,000 SEK"),
        (20, "percent_of_post", sv("20 %") + " av en tjänst", "20% of a post"),
        (12.5, "percent_of_post", sv("12,5 %") + " av en tjänst", "12.5% of a post"),
        (0.5, "percent_of_post", sv("0,5 %") + " av en tjänst", "0.5% of a post"),
        (0.5, "FTE", "0,5 heltidsekvivalenter", "0.5 FTE"),
        (1, "FTE", "1 heltidsekvivalent", "1 FTE"),
        (3, "count", "3 st.", "3 items"),
        (1, "count", "1 st.", "1 item"),
        (12.5, "ton CO2e", "12,5 ton CO2e", "12.5 ton CO2e"),
        (7, None, "7", "7"),
        (None, "FTE", "–", "–"),
    ],
)
def test_quantity(lang, amount, unit, swedish, english):
    assert formatting.quantity(amount, unit) == (swedish if lang == "sv" else english)


@pytest.mark.parametrize(
    ("value", "swedish", "english"),
    [(0, "0", "0"), (-5.0, "-5", "-5"), (19.5, "19,5", "19.5"), (2e6, "2000000", "2000000")],
)
def test_plain_number_for_csv(value, swedish, english):
    assert formatting.plain_number(value, "sv") == swedish
    assert formatting.plain_number(value, "en") == english


def test_version_and_a_clean_check_do_not_import_babel(tmp_path):
    """Babel is for numbers: a command that shows none never pays for importing it."""
    record = tmp_path / "base.yaml"
    record.write_text((ROOT / "tests" / "rules" / "base.yaml").read_text("utf-8"), "utf-8")
    code = (
        "import sys\n"
        "from partnerkit.cli.app import run\n"
        "run(['--version'])\n"
        "assert 'babel' not in sys.modules, 'babel imported by --version'\n"
        f"code = run(['check', {str(record)!r}, '--as-of', {AS_OF!r}, '--lang', 'sv'])\n"
        "assert 'babel' not in sys.modules, 'babel imported by check'\n"
        "assert code == 0, code\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr + run.stdout
    assert "inga problem" in run.stdout


# ---------------------------------------------------------------- the Swedish outputs

# Vocabulary values as records store them, where they are not Swedish words as they stand.
RAW = [
    "SEK_per_year",
    "percent_of_post",
    r"\d count",
    r"\d FTE",
    "alliance_health_check",
    "spets_self_evaluation_interview",
    "tpi_health_check",
    "wilder_cfi",
    "utvardering",
    "naringsliv",
    "offentlig_sektor",
    "personnel_fte",
    "in_kind",
    r"kriterium: [a-z]+\b(?<!ledning)",
    r"\(status (open|done|cancelled|held|planned)\)",
    r"status (held|planned|done|open)\b",
    r"\b(leadership|commitment|goals|diversity|benefit|levels|resources|coordinator)\b",
]
DECIMAL_POINT = re.compile(r"(?<![\w.\-/:])\d+\.\d+(?![\w.\-])")  # 4.1, not 2026-11-28 or v1.2.3


def _outputs(cli, tmp_path: Path) -> dict[str, str]:
    def text(*args: str) -> str:
        run = cli(*args, "--as-of", AS_OF, "--lang", "sv", cwd=ROOT)
        assert run.exit_code in (0, 1), run.output
        return run.stdout

    outputs = {
        "followup": text("followup"),
        "followup-md": text("followup", "--format", "markdown"),
        "check": text("check"),
        "check-github": text("check", "--format", "github"),
        "report-md": text("report"),
    }
    for record in sorted(EXAMPLES.glob("*.yaml")):
        outputs[f"annual-{record.stem}"] = text("report", "--partnership", record.stem)
    html = tmp_path / "report.html"
    text("report", "--html", str(html))
    # the words of the page, not its markup, styles and scripts
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", html.read_text("utf-8"), flags=re.S)
    outputs["report-html"] = re.sub(r"<[^>]+>", " ", page)
    return outputs


def test_swedish_outputs_have_no_raw_vocabulary_and_no_decimal_points(cli, tmp_path):
    outputs = _outputs(cli, tmp_path)
    problems = []
    for name, output in outputs.items():
        for number, line in enumerate(output.splitlines(), 1):
            if re.match(r"\s*\d+ \|", line) or line.lstrip().startswith("::"):
                continue  # an excerpt of the record itself; a GitHub command's record excerpt
            for pattern in RAW:
                if re.search(pattern, line):
                    problems.append(f"{name}:{number}: {pattern!r}: {line.strip()}")
            if DECIMAL_POINT.search(line):
                problems.append(f"{name}:{number}: decimal point: {line.strip()}")
    assert not problems, "\n".join(problems[:40])


@pytest.mark.parametrize("language", ["sv", "en"])
def test_huge_and_tiny_numbers_render_in_every_output(cli, tmp_path, language):
    """A record check accepts (amount 1e300, a value of 10^18 and a half, 0.0000001) renders
    in every command that shows numbers (issue 18, item 1)."""
    folder = tmp_path / "partnerships"
    folder.mkdir()
    text = (ROOT / "tests" / "rules" / "base.yaml").read_text("utf-8")
    for old, new in [
        ("    amount: 500000\n", "    amount: 1e300\n"),
        ("    amount: 300000\n", "    amount: 0.0000001\n"),
        ("{date: 2025-12-31, value: 18}", "{date: 2025-12-31, value: 1000000000000000000.5}"),
    ]:
        assert old in text
        text = text.replace(old, new)
    (folder / "base.yaml").write_text(text, "utf-8")
    commands = [
        ("check",),
        ("followup",),
        ("followup", "--format", "markdown"),
        ("report",),
        ("report", "--html", str(tmp_path / "r.html")),
        ("report", "--partnership", "base-nordverk"),
        ("export", "-o", str(tmp_path / "x.xlsx")),
        ("export", "--format", "csv", "-o", str(tmp_path / "csv")),
    ]
    outputs = []
    for args in commands:
        run = cli(*args, "--as-of", AS_OF, "--lang", language, cwd=tmp_path)
        assert run.exit_code == 0, (args, run.output)
        outputs.append(run.stdout)
    tiny = "0,0000001" if language == "sv" else "0.0000001"
    assert tiny in outputs[3]
    huge = formatting.number(1e300, language)
    assert huge in outputs[3] and huge in outputs[5]


def test_a_bound_of_the_format_is_written_the_swedish_way(cli, tmp_path):
    record = tmp_path / "base.yaml"
    text = (ROOT / "tests" / "rules" / "base.yaml").read_text("utf-8")
    record.write_text(text.replace("    amount: 0.5\n", "    amount: -2.5\n"), "utf-8")
    run = cli("check", str(record), "--as-of", AS_OF, "--lang", "sv", cwd=tmp_path)
    assert run.exit_code == 1
    assert "Värdet måste vara minst 0." in run.stdout
    assert "0.0" not in run.stdout


def test_edit_messages_show_labels_and_decimal_commas(cli, tmp_path):
    import shutil

    shutil.copytree(EXAMPLES, tmp_path / "partnerships")
    steps = [
        (("measure", "eu-nordverk", "i-indok", "7.5", "--date", "2026-11-29"), "värdet 7,5 för"),
        (
            ("phase", "eu-nordverk", "utvardering", "--date", "2026-11-30"),
            "från drift till utvärdering",
        ),
        (("close", "eu-nordverk", "d-2026-03", "--date", "2026-11-30"), "(status klart)"),
    ]
    for args, expected in steps:
        run = cli(*args, "--lang", "sv", cwd=tmp_path)
        assert run.exit_code == 0, run.output
        assert expected in run.stdout


@pytest.mark.parametrize(
    ("lang", "typed", "value"),
    [
        ("sv", "0,4", 0.4),
        ("sv", "3.5", 3.5),  # the other sign, where it cannot group thousands
        ("sv", "1 800 000", 1_800_000),
        ("sv", "1\u202f800\u202f000", 1_800_000),  # as formatting.number writes it
        ("sv", "1.800.000", 1_800_000),
        ("sv", "1 800,5", 1800.5),
        ("sv", "\u22122,5", -2.5),
        ("en", "1,800,000", 1_800_000),
        ("en", "1,800.5", 1800.5),
        ("en", "0.4", 0.4),
        ("en", "0,4", 0.4),
        ("en", "-12", -12),
    ],
)
def test_a_number_is_read_as_the_reader_types_it(lang, typed, value):
    assert formatting.parse_number(typed, lang) == value


@pytest.mark.parametrize(
    ("lang", "typed"),
    [("en", "1,800"), ("sv", "1.800"), ("sv", "1,2,3"), ("en", "1.2.3"), ("en", "12a"), ("sv", "")],
)
def test_a_number_that_reads_two_ways_or_none_is_refused(lang, typed):
    with pytest.raises(ValueError):
        formatting.parse_number(typed, lang)
