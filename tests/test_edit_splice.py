"""The splicing layer: new values read back verbatim, layouts are kept, mistakes are caught."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerkit.config import Config
from partnerkit.edit.operations import (
    ActivityDetails,
    AssessmentDetails,
    MeetingDetails,
    add_activity,
    add_assessment,
    add_decision,
    add_log_entry,
    add_measurement,
    add_meeting,
    change_phase,
)
from partnerkit.edit.session import blocking_findings
from partnerkit.edit.splice import (
    Document,
    EditBug,
    LayoutError,
    NotEditable,
    plain_ok,
    render_scalar,
)
from partnerkit.load.strict_yaml import parse_yaml
from tests.conftest import EXAMPLES, MINIMAL

FLOW_LOG = MINIMAL + "followup_log:\n  - {date: 2026-01-01, summary: a}\n"
BLOCK_LOG = MINIMAL + "followup_log:\n  - date: 2026-01-01\n    summary: a\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(min_size=1, max_size=30), base=st.sampled_from([MINIMAL, FLOW_LOG, BLOCK_LOG]))
def test_any_text_reads_back_verbatim(text, base):
    doc = Document(base)
    add_log_entry(doc, date(2026, 12, 1), text)
    new = doc.result()  # raises EditBug if the data read back differs
    summaries = [e["summary"] for e in parse_yaml(new).data["followup_log"]]
    assert summaries[-1] == text
    assert yaml.safe_load(new)["followup_log"][-1]["summary"] == text
    assert new.startswith(base.rstrip("\n").rsplit("\n", 1)[0])


@pytest.mark.parametrize(
    "text",
    [
        "yes",
        "no",
        "NO",
        "on",
        "off",
        "true",
        "null",
        "~",
        "1:20",
        "0777",
        "2024-01-01",
        "1e3",
        ".inf",
        "#x",
        "a: b",
        "a #b",
        "-x",
        "[x]",
        "'x",
        "x:",
        " x",
        "x ",
        "",
        "a\nb",
        "\ufeffx",
    ],
)
def test_never_plain(text):
    assert not plain_ok(text, flow=False) and not plain_ok(text, flow=True)


@pytest.mark.parametrize("text", ["Nej", "Ölands bro", "Möte hos Nordverk", "a-b", "x.pdf"])
def test_plain_when_safe(text):
    assert plain_ok(text, flow=False) and plain_ok(text, flow=True)


def test_flow_context_quotes_what_block_allows():
    assert plain_ok("x, y", flow=False) and not plain_ok("x, y", flow=True)
    assert plain_ok("https://a.example/x", flow=False)
    assert not plain_ok("https://a.example/x", flow=True)


def test_scalars():
    assert render_scalar(date(2026, 1, 2), flow=True) == "2026-01-02"
    assert render_scalar(3.0, flow=False) == "3"
    assert render_scalar(3.25, flow=False) == "3.25"
    assert render_scalar("1", flow=False) == '"1"'
    assert render_scalar("it's", flow=False, prefer="'") == "'it''s'"
    assert render_scalar('a"b\\c\n\x1b\u2028', flow=True) == '"a\\"b\\\\c\\n\\x1b\\L"'


def test_empty_flow_list_and_empty_key():
    doc = Document(MINIMAL + "followup_log: []  # inget än\n")
    add_log_entry(doc, date(2026, 12, 1), "x")
    assert doc.result().endswith(
        "followup_log: [{date: 2026-12-01, type: note, summary: x}]  # inget än\n"
    )
    doc = Document(MINIMAL + "followup_log:   # kommer\ndecisions: []\n")
    add_log_entry(doc, date(2026, 12, 1), "x")
    assert doc.result().endswith(
        "followup_log:   # kommer\n  - {date: 2026-12-01, type: note, summary: x}\ndecisions: []\n"
    )


def test_no_final_newline_stays_missing():
    doc = Document(FLOW_LOG.rstrip("\n"))
    add_log_entry(doc, date(2026, 12, 1), "x")
    assert doc.result() == FLOW_LOG + "  - {date: 2026-12-01, type: note, summary: x}"
    doc = Document(FLOW_LOG.rstrip("\n") + "\n  - {date: 2026-02-01, summary: b}")
    doc.remove_items(("followup_log",), {1})
    assert doc.result() == FLOW_LOG.rstrip("\n")


def test_removing_the_only_item_leaves_an_empty_list_and_the_comment():
    text = MINIMAL + "followup_log:   # logg\n  - {date: 2026-01-01, summary: a}\n# slut\n"
    doc = Document(text)
    doc.remove_items(("followup_log",), {0})
    assert doc.result() == MINIMAL + "followup_log: []   # logg\n# slut\n"


def test_removing_the_first_key_of_a_list_item_pulls_the_next_one_up():
    text = (
        MINIMAL + "followup_log:\n  - author: p-anna  # x\n    date: 2026-01-01\n    summary: a\n"
    )
    doc = Document(text)
    doc.remove_keys(("followup_log", 0), {"author"})
    assert doc.result() == MINIMAL + "followup_log:\n  - date: 2026-01-01\n    summary: a\n"


def test_crlf_removals_keep_crlf():
    text = (BLOCK_LOG + "  - {date: 2026-02-01, summary: b, author: p-anna}\n").replace(
        "\n", "\r\n"
    )
    doc = Document(text)
    doc.remove_keys(("followup_log", 1), {"author"})
    doc.remove_items(("followup_log",), {0})
    new = doc.result()
    assert new == (MINIMAL + "followup_log:\n  - {date: 2026-02-01, summary: b}\n").replace(
        "\n", "\r\n"
    )


def test_a_name_split_by_folding_is_replaced_by_rewriting_the_text():
    text = MINIMAL + "description: >-\n  Möte med Anna\n  Andersson idag.\n"
    doc = Document(text)
    doc.replace_in_scalar(("description",), "Anna Andersson", "Samordnare")
    assert doc.result() == MINIMAL + "description: Möte med Samordnare idag.\n"
    doc = Document(text.replace("Anna\n  Andersson idag", "Anna Andersson\n  idag"))
    doc.replace_in_scalar(("description",), "Anna Andersson", "Samordnare")
    assert doc.result() == MINIMAL + "description: >-\n  Möte med Samordnare\n  idag.\n"


def test_a_wrong_splice_is_caught_before_anything_is_written():
    doc = Document(FLOW_LOG)
    add_log_entry(doc, date(2026, 12, 1), "x")
    doc._splices[-1].text = doc._splices[-1].text.replace("summary: x", "summary: y")
    with pytest.raises(EditBug):
        doc.result()
    doc = Document(FLOW_LOG)
    doc.remove_items(("followup_log",), {0})
    doc.remove_keys(("followup_log", 0), {"summary"})
    with pytest.raises(EditBug):
        doc.result()  # two edits of the same text


def test_unsupported_layouts_and_broken_text_are_refused():
    with pytest.raises(LayoutError):
        add_log_entry(Document(MINIMAL + "followup_log: none\n"), date(2026, 1, 1), "x")
    with pytest.raises(NotEditable):
        Document("a: [\n")
    with pytest.raises(NotEditable):
        Document("a: 1\na: 2\n")


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_edit_on_every_example_stays_valid(path):
    text = path.read_text(encoding="utf-8")
    data = parse_yaml(text).data
    body = data["governance"][0]["id"]
    indicator = data["goals"][0]["indicators"][0]["id"]
    day = date(2027, 6, 1)
    doc = Document(text)
    add_log_entry(doc, day, "Anteckning: [test]", "note", data["people"][0]["id"])
    add_meeting(doc, body, date(2027, 6, 2), MeetingDetails(decisions=["Beslut: ja"]))
    add_decision(doc, "Ett beslut till", date(2027, 6, 3))
    add_activity(doc, ActivityDetails("Nytt exjobb", "examensarbete"))
    add_measurement(doc, indicator, day, 1.5)
    closing = data["lifecycle"]["phase"] == "avveckling"
    # closing with open decisions needs the reason, which the history keeps
    change_phase(
        doc, "avslutad" if closing else "avveckling", day, exception="Test" if closing else None
    )
    add_assessment(doc, day, AssessmentDetails("custom", summary="Bra"))
    new = doc.result()
    assert blocking_findings(new, path.name, Config()) == []
    old_lines, new_lines = text.splitlines(), new.splitlines()
    assert len(new_lines) >= len(old_lines)
