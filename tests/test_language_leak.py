"""No English in a Swedish session, no Swedish interface words in an English one (issue #12).

Every command, and the ``--help`` of each, runs in-process over a copy of the example records
and over the rule fixtures. What remains of an output once the records' own text is taken out
(the record is the coordinator's, in whatever language they wrote it) must not hold English
words of the interface, raw vocabulary keys (``utvardering``, ``SEK_per_year``), numbers with
a decimal point or the catalog's header. The reverse check runs in English. Machine formats
(JSON, SARIF, JUnit, ``--format concise``) are for programs and are left out.

A Swedish rendering of each output is pinned in ``tests/snapshots/sv/``; after a deliberate
change, ``PARTNERKIT_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_language_leak.py``
rewrites them, and the diff is reviewed like code.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
import typer.main
import yaml

from partnerkit.cli.app import app
from partnerkit.record.vocab import VOCABULARIES, label
from tests.conftest import EXAMPLES, ROOT

AS_OF = ("--as-of", "2026-11-28")
FIXTURES = sorted((ROOT / "tests" / "rules").glob("*/fail-*.yaml"))
SNAPSHOTS = ROOT / "tests" / "snapshots" / "sv"
BROKEN_YAML = "id: trasig\ntitle: {sv: Trasig\n"
MAIL = '[mail]\nsender_name = "Emma Wallin"\nsender_address = "emma.wallin@uni.example"\n'

# (snapshot name, arguments, files the command writes whose text is part of its output)
COMMANDS: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    ("check", ("check", *AS_OF), ()),
    ("check-github-summary", ("check", "--format", "github", *AS_OF), ("summary.md",)),
    ("check-broken-yaml", ("check", "trasig.yaml", *AS_OF), ()),
    ("rules", ("rules",), ()),
    ("rules-lead-02", ("rules", "LEAD-02"), ()),
    ("rules-yaml-01", ("rules", "YAML-01"), ()),
    ("followup", ("followup", *AS_OF), ()),
    ("followup-markdown", ("followup", "--format", "markdown", *AS_OF), ()),
    ("brief", ("brief", "eu-nordverk", "--body", "styrgrupp", *AS_OF), ()),
    (
        "brief-markdown",
        ("brief", "eu-nordverk", "--body", "styrgrupp", "--format", "markdown", *AS_OF),
        (),
    ),
    (
        "brief-html",
        ("brief", "eu-nordverk", "--body", "styrgrupp", "--format", "html", "-o", "b.html", *AS_OF),
        ("b.html",),
    ),
    (
        "minutes",
        ("minutes", "eu-nordverk", "--body", "styrgrupp", "--format", "markdown", *AS_OF),
        (),
    ),
    ("plan-new-dry-run", ("plan", "new", "eu-nordverk", "--from-last", "--dry-run"), ()),
    (
        "use-dry-run",
        ("use", "eu-nordverk", "r-eu-samordnare", "0,4", "--period", "2026", "--dry-run"),
        (),
    ),
    ("contacts", ("contacts", "--partnership", "eu-nordverk"), ()),
    ("calendar", ("calendar", "-o", "k.ics", *AS_OF), ("k.ics",)),
    ("report-markdown", ("report", "--markdown", "r.md", *AS_OF), ("r.md",)),
    ("report-html", ("report", "--html", "r.html", *AS_OF), ("r.html",)),
    (
        "annual-markdown",
        ("report", "--partnership", "eu-nordverk", "--year", "2026", "--markdown", "a.md", *AS_OF),
        ("a.md",),
    ),
    (
        "export-csv",
        ("export", "--format", "csv", "-o", "csv", *AS_OF),
        ("csv/partnerships.csv", "csv/contacts.csv"),
    ),
    ("remind", ("remind", *AS_OF), ()),
    ("remind-mbox", ("remind", "--mbox", "p.mbox", *AS_OF), ("p.mbox",)),
    (
        "brief-docx",
        ("brief", "eu-nordverk", "--body", "styrgrupp", "--format", "docx", "-o", "b.docx", *AS_OF),
        ("b.docx",),
    ),
    (
        "log-dry-run",
        ("log", "eu-nordverk", "Samtal med Nordverk.", "--date", "2026-11-27", "--dry-run"),
        (),
    ),
    (
        "close-dry-run",
        ("close", "eu-nordverk", "d-2026-03", "--date", "2026-11-27", "--dry-run"),
        (),
    ),
    (
        "phase-dry-run",
        ("phase", "eu-nordverk", "utvärdering", "--date", "2026-11-27", "--dry-run"),
        (),
    ),
    ("missing-option", ("log", "eu-nordverk", "text"), ()),
    ("unknown-option", ("followup", "--horisont", "3"), ()),
    ("diff-usage", ("diff",), ()),
    ("help", ("--help",), ()),
]
HELP = [(f"help-{name}", (name, "--help"), ()) for name in typer.main.get_command(app).commands] + [
    ("help-plan-new", ("plan", "new", "--help"), ())
]

ENGLISH = re.compile(
    r"\b(the|and|of|with|is|are|not|errors?|warnings?|records?|Usage|Options|Arguments|"
    r"Error|overdue|due|soon|done|held|Missing|Invalid|should|must|has|have|days|months|"
    r"years|reminders?|meetings?|decisions?|partnerships?|goals?|line|column|file|value|"
    r"between|which|when|there|this|that|without|nothing|found|written|wrote|ongoing|"
    r"planned|completed|cancelled)\b"
)
SWEDISH = re.compile(
    r"(?i)\b(fel|varning|varningar|försenad|försenade|snart aktuellt|kontrollerad|"
    r"användning|flaggor|tekniskt|påminnelser|klart senast|förfallodatum|krävs|posten|"
    r"poster|dagar|månader|beslutet|mötet|inga|saknas)\b"
)
# an agenda's point 4.1 and a meeting's 13.00–15.30 are written with points in Swedish too
NUMBERED_OR_TIME = re.compile(
    r"^[#§\s]*\d+(?:\.\d+)+\s|\b\d{1,2}\.\d\d\s*[–-]\s*\d{1,2}\.\d\d\b", re.M
)
DECIMAL_POINT = re.compile(r"(?<![\w.])\d+\.\d+(?![\w.])")
CATALOG_HEADER = ("Project-Id-Version", "Plural-Forms", "Content-Type: text/plain")


def folded(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def raw_vocabulary_keys() -> set[str]:
    """Slugs no reader writes: joined by ``_`` (``SEK_per_year``, ``alliance_health_check``)
    or a Swedish label without its å, ä and ö (``utvardering``, ``partnerskapsrad``). Slugs
    that are words (``strategisk``, ``praktik``) are left to the word lists."""
    keys = set()
    for name, terms in VOCABULARIES.items():
        for slug in terms:
            swedish = label(name, slug, "sv")
            stripped = swedish != folded(swedish) and folded(swedish).replace(" ", "_") == slug
            if "_" in slug or stripped:
                keys.add(slug)
    return keys


RAW_KEYS = re.compile(
    r"(?<![\w./-])(" + "|".join(map(re.escape, sorted(raw_vocabulary_keys()))) + r")(?![\w/-])"
)


SLUG_LIKE = re.compile(r"[a-z0-9_.-]+|[A-Za-z]+_[\w]+")
ALL_SLUGS = {slug for terms in VOCABULARIES.values() for slug in terms}


def is_key(text: str) -> bool:
    """An id or a vocabulary value, not words the coordinator wrote."""
    return text in ALL_SLUGS or bool(SLUG_LIKE.fullmatch(text))


def record_texts(paths: list[Path]) -> list[str]:
    """Every text the records hold, the longest first: the coordinator's own words."""
    found: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(key)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, str) and len(node) > 2 and not is_key(node):
            found.add(node)  # ids and vocabulary values are partnerkit's to show by label

    for path in paths:
        try:
            walk(yaml.safe_load(path.read_text(encoding="utf-8")))
        except yaml.YAMLError:
            continue
    return sorted(found, key=len, reverse=True)


TEXTS = record_texts([*sorted(EXAMPLES.glob("*.yaml")), *FIXTURES])
RECORD_TEXT = re.compile("|".join(rf"(?<!\w){re.escape(text)}(?!\w)" for text in TEXTS))
NOT_PROSE = [
    re.compile(r"^\s*\d+ \|.*$", re.M),  # a source excerpt: the record's own YAML
    # a dry run's diff of the record: from its "--- file" line to the end of its last hunk
    re.compile(r"^--- .*\n\+\+\+ .*\n(?:(?:@@|[ +-]).*\n|\n)*", re.M),
    re.compile(r"--[\w-]+"),  # option names
    re.compile(r"\bpartnerkit(?: [a-z]+)?"),  # the program and its command names
    re.compile(r"\b[A-Z]+-\d\d(?: [a-z]+(?:-[a-z]+)+)?"),  # finding codes and rule names
    re.compile(r"[\w./-]+\.(?:yaml|md|html|ics|csv|xlsx|eml|json|toml)\b(?::\d+)*"),  # files
    re.compile(r"https?://\S+"),
    re.compile(r"\b[\w.-]+/(?=\W|$)"),  # folders: partnerships/
    re.compile(r"`[^`\n]+`"),  # a record key named as the record writes it: `decisions`
    re.compile(r"\([a-z_]+: [a-z_]+\)"),  # where to write it: (role: larosate_host)
    # a rule's failing and passing example: record YAML, as the user writes it
    re.compile(r"^(?:underkänns|godkänns|fails|passes):\n(?:.+\n)*", re.M),
    # values typed as they are, shown with their meaning: error (fel), overdue: avsluta med 1
    re.compile(r"\b[a-z_]+(?= \([^()]*\)|: )"),
    re.compile(r"^  [a-z]+(?= {2,})", re.M),  # the command list of the app's help
    re.compile(r"\b\d{4}-\d\d-\d\d\b"),  # ISO dates
]
# record paths and field names (minutes_ref, decisions[2].status): the format's own keys
PATHS = re.compile(r"\b\w+(?:[_.\[\]]+\w+)+\]?")


def prose(text: str) -> str:
    """What partnerkit itself wrote: the output without the records' text, codes, option
    names and markup (record paths are still in it)."""
    text = re.sub(r"<(style|script)\b.*?</\1>", " ", text, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = RECORD_TEXT.sub(" ", text)
    for pattern in NOT_PROSE:
        text = pattern.sub(" ", text)
    return text


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLES, tmp_path / "partnerships")
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    (tmp_path / "trasig.yaml").write_text(BROKEN_YAML, encoding="utf-8")
    (tmp_path / "partnerkit.toml").write_text(MAIL, encoding="utf-8")
    return tmp_path


MACHINE_LINES = re.compile(
    r"^(::|(?!SUMMARY|DESCRIPTION|LOCATION|CATEGORIES| )[A-Z-]+[;:]).*$", re.M
)


def file_text(path: Path, lang: str) -> str:
    """What a written file says to its reader: a Word document's paragraphs and cells, the
    subjects and bodies of the messages in a mailbox written in ``lang``, else the text."""
    if path.suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    if path.suffix == ".mbox":
        import email.policy
        import mailbox

        box = mailbox.mbox(str(path), factory=None, create=False)
        messages = [
            email.message_from_bytes(m.as_bytes(), policy=email.policy.default) for m in box
        ]
        mine = [m for m in messages if m["Content-Language"] == lang]
        assert mine, f"no message in {lang}"
        return "\n".join(f"{m['Subject']}\n{m.get_content()}" for m in mine)
    return path.read_text(encoding="utf-8-sig")


def output_of(
    cli, folder: Path, args: tuple[str, ...], files: tuple[str, ...], lang: str, width: int = 100
) -> str:
    """The command's output and the text of the files it wrote, for people: GitHub's
    workflow commands and the calendar's machine properties left out."""
    env = {"PARTNERKIT_LANG": lang, "COLUMNS": str(width)}
    if "github" in args:
        env["GITHUB_STEP_SUMMARY"] = str(folder / "summary.md")
    run = cli(*args, cwd=folder, env=env)
    bug = ("failed unexpectedly", "oväntat fel")
    assert not any(words in run.output for words in bug), run.output
    written = [file_text(folder / name, lang) for name in files]
    text = "\n".join([run.output, *written])
    return MACHINE_LINES.sub("", text.replace(str(folder), "<mapp>"))


def leaks(text: str, lang: str) -> list[str]:
    found = [f"catalog header: {h}" for h in CATALOG_HEADER if h in text]
    words = prose(text)
    if lang == "sv":
        found += [f"raw key {m.group(0)!r}" for m in RAW_KEYS.finditer(words)]
        words = NUMBERED_OR_TIME.sub(" ", words)
        found += [f"decimal point {m.group(0)!r}" for m in DECIMAL_POINT.finditer(words)]
    words = PATHS.sub(" ", words)
    pattern = ENGLISH if lang == "sv" else SWEDISH
    found += [f"word {m.group(0)!r}" for m in pattern.finditer(words)]
    return found


def context(text: str, leak: str) -> str:
    word = leak.split("'")[1] if "'" in leak else leak
    lines = [line for line in text.splitlines() if word in line]
    return lines[0].strip()[:160] if lines else ""


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize(("name", "args", "files"), COMMANDS + HELP, ids=lambda v: str(v))
def test_every_output_is_in_one_language(cli, portfolio, name, args, files, lang):
    text = output_of(cli, portfolio, args, files, lang, width=1000)
    found = leaks(text, lang)
    assert not found, [f"{leak}: {context(text, leak)}" for leak in found]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_rule_finding_is_in_one_language(cli, lang):
    args = ("check", *map(str, FIXTURES), *AS_OF, "--fail-on", "never")
    text = output_of(cli, ROOT, args, (), lang, width=1000)
    assert len(FIXTURES) > 100 and text.count("\n") > 100
    found = leaks(text, lang)
    assert not found, [f"{leak}: {context(text, leak)}" for leak in found]


def test_the_leak_check_sees_each_kind_of_leak():
    swedish_ok = "1 fel, 2 varningar i 3 poster; medelvärdet är 4,2."
    assert leaks(swedish_ok, "sv") == []
    assert leaks("1 errors i 3 poster", "sv") == ["word 'errors'"]
    assert leaks("faser: utvardering", "sv") == ["raw key 'utvardering'"]
    assert leaks("1 800 000 SEK_per_year", "sv") == ["raw key 'SEK_per_year'"]
    assert leaks("saknas i minutes_ref", "sv") == []  # a field name is the format's own key
    assert leaks("medelvärdet 4.2", "sv") == ["decimal point '4.2'"]
    assert leaks("### 4.1 Handlingsplan\nMöte: 10 december, 13.00–15.30", "sv") == []
    assert leaks("Project-Id-Version: x", "sv")[0].startswith("catalog header")
    assert leaks("Reminders: 3 overdue", "en") == []
    assert leaks("3 försenade, 1 varning", "en") == ["word 'försenade'", "word 'varning'"]
    assert leaks("the action “Skicka underlaget”", "en") == []  # record text is not checked


def snapshot_cases() -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [case for case in COMMANDS if not case[0].endswith("html")] + [
        case for case in HELP if case[0] in ("help-check", "help-followup", "help-log")
    ]


@pytest.mark.parametrize(("name", "args", "files"), snapshot_cases(), ids=lambda v: str(v))
def test_the_swedish_rendering_is_pinned(cli, portfolio, name, args, files):
    text = output_of(cli, portfolio, args, files, "sv")
    text = "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
    if "calendar" in name:  # the file's stamps are the time it was written
        text = re.sub(r"^(DTSTAMP|UID):.*$", r"\1:…", text, flags=re.M)
    snapshot = SNAPSHOTS / f"{name}.txt"
    if os.environ.get("PARTNERKIT_UPDATE_SNAPSHOTS"):
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_text(text, encoding="utf-8")
    assert snapshot.exists(), f"no snapshot {snapshot.name}: run with PARTNERKIT_UPDATE_SNAPSHOTS=1"
    assert text == snapshot.read_text(encoding="utf-8"), f"{name}: see {snapshot}"


RATED = ROOT / "tests" / "rules" / "ASM-02" / "fail-red-and-low.yaml"  # a red/amber/green scale


@pytest.mark.parametrize(
    ("args", "files"),
    [
        (("followup", "r.yaml", *AS_OF), ()),
        (
            (
                "brief",
                "base-nordverk",
                "--body",
                "styrgrupp",
                "--format",
                "markdown",
                "r.yaml",
                *AS_OF,
            ),
            (),
        ),
        (("report", "--markdown", "r.md", "r.yaml", *AS_OF), ("r.md",)),
        (("report", "--html", "r.html", "r.yaml", *AS_OF), ("r.html",)),
    ],
    ids=["followup", "brief", "report-markdown", "report-html"],
)
def test_ratings_are_shown_by_their_label(cli, tmp_path, args, files):
    shutil.copy(RATED, tmp_path / "r.yaml")
    text = output_of(cli, tmp_path, args, files, "sv", width=1000)
    words = prose(text)
    assert "gul" in words and "röd" in words
    assert not re.search(r"\b(amber|green|red)\b", words), words
