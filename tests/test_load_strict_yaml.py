"""The strict YAML loader: what it accepts, what it rejects, and where it says so."""

from __future__ import annotations

import pytest

from partnerkit.load.strict_yaml import HAVE_LIBYAML, MAX_DEPTH, parse_yaml
from tests.conftest import dedent

PATHS = [True, False] if HAVE_LIBYAML else [False]


@pytest.fixture(params=PATHS, ids=lambda fast: "libyaml" if fast else "pure")
def parse(request):
    return lambda text: parse_yaml(text, use_libyaml=request.param)


def codes(parsed) -> list[tuple[str, int, int]]:
    return [(p.code, p.position.line, p.position.col) for p in parsed.problems]


def test_only_true_and_false_are_booleans(parse):
    parsed = parse("a: NO\nb: yes\nc: off\nd: true\ne: False\nf: y\n")
    assert parsed.data == {"a": "NO", "b": "yes", "c": "off", "d": True, "e": False, "f": "y"}
    assert parsed.problems == []


def test_numbers_are_yaml_12_numbers(parse):
    parsed = parse("a: 0777\nb: 1:20\nc: 12\nd: -3.5\ne: 1e3\nf: 0x1F\ng: 007\n")
    assert parsed.data == {
        "a": "0777",
        "b": "1:20",
        "c": 12,
        "d": -3.5,
        "e": 1000.0,
        "f": "0x1F",
        "g": "007",
    }


def test_dates_and_timestamps_stay_text(parse):
    parsed = parse("a: 2026-02-30\nb: 2024-01-01 10:00\nc: 2024-01-01\n")
    assert parsed.data == {"a": "2026-02-30", "b": "2024-01-01 10:00", "c": "2024-01-01"}


def test_null_forms(parse):
    assert parse("a:\nb: ~\nc: null\n").data == {"a": None, "b": None, "c": None}


def test_duplicate_keys_are_all_reported_with_the_first_line(parse):
    parsed = parse("a: 1\nb: 2\na: 3\nc:\n  x: 1\n  x: 2\n")
    assert codes(parsed) == [("YAML-02", 3, 1), ("YAML-02", 6, 3)]
    assert parsed.problems[0].args == {"key": "a", "line": 1}
    assert parsed.data["a"] == 1  # the first value is kept for further checks


def test_alias_is_reported_at_the_alias(parse):
    parsed = parse("a: &x [1, 2]\nb:\n  - c\n  - *x\n")
    assert codes(parsed) == [("YAML-03", 4, 5)]


def test_alias_bomb_is_cheap_and_reported(parse):
    lines = ['a: &a ["lol", "lol"]']
    for i in range(1, 12):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}]")
    parsed = parse("\n".join(lines) + "\n")
    assert len(parsed.problems) == 44
    assert {p.code for p in parsed.problems} == {"YAML-03"}


def test_recursive_alias_terminates(parse):
    parsed = parse("a: &a [1, *a]\n")
    assert [p.code for p in parsed.problems] == ["YAML-03"]


def test_merge_key_rejected(parse):
    parsed = parse("base: {x: 1}\nchild:\n  <<: {y: 2}\n  z: 3\n")
    assert codes(parsed) == [("YAML-04", 3, 3)]
    assert parsed.data["child"] == {"z": 3}


def test_non_text_keys_rejected(parse):
    parsed = parse("1: a\ntrue: b\n? [k]\n: c\nok: d\n")
    assert [c[:2] for c in codes(parsed)] == [("YAML-05", 1), ("YAML-05", 2), ("YAML-05", 3)]
    assert parsed.data == {"ok": "d"}


def test_unsafe_tags_are_never_constructed(parse):
    text = (
        "a: !!python/object/apply:os.system ['echo hacked']\n"
        "b: !custom x\nc: !!binary aGk=\nd: !!str 12\n"
    )
    parsed = parse(text)
    assert [c[:2] for c in codes(parsed)] == [("YAML-12", 1), ("YAML-12", 2), ("YAML-12", 3)]
    assert parsed.data == {"a": None, "b": None, "c": None, "d": "12"}


def test_several_documents(parse):
    parsed = parse("a: 1\n---\nb: 2\n")
    assert codes(parsed) == [("YAML-07", 2, 1)]
    assert parsed.fatal


@pytest.mark.parametrize("text", ["", "# just a comment\n", "\n\n"])
def test_empty_documents(parse, text):
    parsed = parse(text)
    assert [p.code for p in parsed.problems] == ["YAML-06"]


@pytest.mark.parametrize(
    ("text", "kind"), [("- a\n- b\n", "a list"), ("just text\n", "a single value")]
)
def test_root_must_be_a_mapping(parse, text, kind):
    parsed = parse(text)
    assert [p.code for p in parsed.problems] == ["YAML-09"]
    assert parsed.problems[0].args["kind"] == kind


def test_syntax_errors_have_positions_and_hints(parse):
    tab = parse("a:\n\tb: 1\n")
    assert tab.problems[0].code == "YAML-01"
    assert tab.problems[0].position.line == 2
    assert "tab" in tab.problems[0].message
    assert tab.problems[0].args["detail"] == "found character '\\t' that cannot start any token"
    quote = parse('a: "never closed\nb: 1\n')
    assert quote.problems[0].code == "YAML-01"
    assert "quotation mark on line {line}" in quote.problems[0].message
    assert quote.problems[0].args["line"] == 1


def test_control_characters_rejected_with_position(parse):
    parsed = parse("a: ok\nb: x\x00y\n")
    assert codes(parsed) == [("YAML-08", 2, 5)]


@pytest.mark.parametrize(
    ("depth", "codes"),
    [(MAX_DEPTH + 5, {"YAML-10"}), (5_000, {"YAML-10"}), (200_000, {"YAML-13", "YAML-10"})],
)
def test_deep_nesting_is_a_problem_not_a_crash(parse, depth, codes):
    # beyond 50,000 values the document is refused before it is built (YAML-13), unless
    # libyaml's own parser stops at its nesting limit first (PyYAML 6.0.4: YAML-10)
    parsed = parse("[" * depth + "]" * depth)
    assert parsed.problems and parsed.problems[0].code in codes


def test_deep_block_nesting(parse):
    text = "".join(" " * i + f"k{i}:\n" for i in range(0, 600)) + " " * 600 + "v: 1\n"
    parsed = parse(text)
    assert parsed.problems and parsed.problems[0].code == "YAML-10"


def test_huge_number_is_a_problem(parse):
    parsed = parse("a: " + "9" * 5000 + "\n")
    assert [p.code for p in parsed.problems] == ["YAML-11"]


def test_nan_and_infinity_are_floats_for_the_models_to_reject(parse):
    parsed = parse("a: .nan\nb: -.inf\n")
    assert parsed.data["a"] != parsed.data["a"]
    assert parsed.data["b"] == float("-inf")


def test_both_parsers_agree_on_data_and_problems():
    if not HAVE_LIBYAML:
        pytest.skip("libyaml is not installed")
    text = dedent(
        """
        a: 1
        a: 2
        b: &x {c: [1, 2, NO, 2024-01-01, "q"]}
        d: *x
        e: !!python/name:os.system
        f: |
          multi
          line
        """
    )
    fast, pure = parse_yaml(text, True), parse_yaml(text, False)
    assert fast.data == pure.data
    assert fast.problems == pure.problems
