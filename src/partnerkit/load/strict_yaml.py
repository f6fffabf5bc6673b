"""Strict YAML: bytes of one file -> plain Python data, the node tree, and problems found.

The rules: only ``true``/``false`` are booleans, numbers are YAML 1.2
numbers (``0777`` and ``1:20`` stay text), dates stay text for the models to parse, and
aliases, merge keys, duplicate keys, non-text keys and tags other than the core ones are
problems. Every problem in a file is reported, each with its position.

libyaml's C parser is used when it is installed; it calls back into the Python resolver, so
the strict resolvers apply on both paths. The C composer recurses without a depth check, so
text that could nest deeply goes to the pure-Python parser instead, and so does text that the
two parsers read differently (see ``_needs_pure_parser``); on a syntax error the pure parser's
report is used, so both paths report the same problems.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from partnerkit.findings import Position
from partnerkit.i18n import N_, _
from partnerkit.values import Factory, valuetype

MAX_DEPTH = 64
_C_SAFE_BRACKETS = 1000
_DEEP_BLOCK = re.compile(r"^[ ?-]{500,}", re.MULTILINE)
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
MERGE = "tag:yaml.org,2002:merge"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"


class StrictResolver(BaseResolver):
    """YAML 1.2 core schema resolution (no yes/no, no sexagesimal, no timestamps)."""

    yaml_implicit_resolvers: ClassVar[dict] = {}


for _tag, _pattern, _first in (
    (BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (INT, r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    (
        FLOAT,
        r"^(?:[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+.0123456789",
    ),
    (NULL, r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (MERGE, r"^(?:<<)$", "<"),
):
    StrictResolver.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


class _PureLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    StrictResolver,
):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        StrictResolver.__init__(self)


try:
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    CParser = None

HAVE_LIBYAML = CParser is not None

if CParser is not None:

    class _CLoader(CParser, StrictResolver):  # type: ignore[misc,valid-type]
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            StrictResolver.__init__(self)


@valuetype
class YamlProblem:
    """A problem found while reading YAML. ``code`` is a finding code, ``message`` an
    untranslated message id formatted with ``args`` at render time."""

    code: str
    message: str
    position: Position
    args: dict[str, Any] = Factory(dict)
    path: tuple[str | int, ...] = ()


@valuetype(frozen=False)
class ParsedYaml:
    data: Any
    root: Node | None
    problems: list[YamlProblem]

    @property
    def fatal(self) -> bool:
        """True when there is no usable document to validate."""
        return self.root is None or any(p.code in _FATAL for p in self.problems)


_KEY_PROBLEM = "<key>"
_FATAL = {"YAML-01", "YAML-06", "YAML-07", "YAML-08"}


def mark_position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def node_position(node: Node) -> Position:
    start, end = node.start_mark, node.end_mark
    return Position(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


def _needs_pure_parser(text: str) -> bool:
    """Text that libyaml could crash on (deep nesting: its composer recurses without a
    limit) or reads more leniently than PyYAML (tabs used as whitespace)."""
    brackets = text.count("[") + text.count("{")
    deep = brackets > _C_SAFE_BRACKETS or _DEEP_BLOCK.search(text) is not None
    return deep or "\t" in text


def parse_yaml(
    text: str,
    use_libyaml: bool = True,
    max_values: int = 50_000,
    max_list_items: int = 10_000,
) -> ParsedYaml:
    """Parse one YAML document strictly. Never raises for any input text. The work is
    bounded before anything is built: more than ``max_values`` values in the document, or
    ``max_list_items`` items in one list, is a problem (YAML-13), not a long wait."""
    bad_char = _NON_PRINTABLE.search(text)
    if bad_char:
        return ParsedYaml(None, None, [_non_printable_problem(text, bad_char.start())])
    too_many = _over_budget(text, max_values, max_list_items)
    if too_many is not None:
        return ParsedYaml(None, None, [too_many])
    fast = use_libyaml and HAVE_LIBYAML and not _needs_pure_parser(text)
    loader = _CLoader(text) if fast else _PureLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        if fast:
            # The pure parser is the reference: its verdict and wording are what both
            # paths report, and the error path is rare enough not to matter for speed.
            return parse_yaml(text, use_libyaml=False)
        return ParsedYaml(None, None, [_syntax_problem(exc, text)])
    except RecursionError:
        return ParsedYaml(None, None, [_too_deep(Position(1, 1))])
    finally:
        loader.dispose()
    if root is None:
        return ParsedYaml(
            None, None, [YamlProblem("YAML-06", N_("The file is empty."), Position(1, 1))]
        )
    builder = _Builder()
    data = builder.build(root, (), 0)
    problems = builder.problems
    if builder.alias_count:
        problems = _place_aliases(text, problems)
    if not isinstance(data, dict) and not problems:
        problems.append(
            YamlProblem(
                "YAML-09",
                N_("A record must be a mapping of fields (key: value), not {kind}."),
                node_position(root),
                {"kind": _kind_of(root)},
            )
        )
    return ParsedYaml(data, root, problems)


def _over_budget(text: str, max_values: int, max_list_items: int) -> YamlProblem | None:
    """More values, or more items in one list, than the limits allow? Every value is
    introduced by one of a few indicators, so counting them bounds the values from above
    at C speed; only text over that bound has its parser events counted exactly."""
    indicators = sum(text.count(c) for c in ":-,[{?")
    if 2 * indicators + 2 <= max_values and indicators <= max_list_items:
        return None
    parser = (CParser or yaml.BaseLoader)(text)  # parser events only: no nodes are built
    values, lists = 0, [0]  # items of each open sequence (-1: an open mapping)
    try:
        while (event := parser.get_event()) is not None:
            if isinstance(event, yaml.CollectionEndEvent):
                lists.pop()
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            values += 1
            if values > max_values:
                return _budget_problem(event, _TOO_MANY_VALUES, max_values)
            if lists[-1] >= 0:
                lists[-1] += 1
                if lists[-1] > max_list_items:
                    return _budget_problem(event, _TOO_MANY_ITEMS, max_list_items)
            if isinstance(event, yaml.CollectionStartEvent):
                lists.append(0 if isinstance(event, yaml.SequenceStartEvent) else -1)
    except yaml.YAMLError:
        return None  # a syntax error: the parse that follows reports it
    finally:
        if hasattr(parser, "dispose"):
            parser.dispose()
    return None


_TOO_MANY_VALUES = N_(
    "The file holds more than {limit} values, far more than a partnership record needs, so it "
    "was not read further. If it is a real record, raise max_values in partnerkit.toml."
)
_TOO_MANY_ITEMS = N_(
    "A list here holds more than {limit} items, far more than a partnership record needs, so "
    "the file was not read further. If it is real, raise max_list_items in partnerkit.toml."
)


def _budget_problem(event: Any, message: str, limit: int) -> YamlProblem:
    return YamlProblem("YAML-13", message, mark_position(event.start_mark), {"limit": limit})


def _kind_of(node: Node) -> str:
    if isinstance(node, SequenceNode):
        return N_("a list")
    return N_("a single value")


def _non_printable_problem(text: str, index: int) -> YamlProblem:
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    char = text[index]
    return YamlProblem(
        "YAML-08",
        N_("The file contains the control character {char}, which YAML does not allow."),
        Position(line, col),
        {"char": f"U+{ord(char):04X}"},
    )


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    position = mark_position(mark) if mark is not None else Position(1, 1)
    problem = str(exc.problem or exc)
    context = str(exc.context or "")
    if "expected a single document" in context + problem:
        return YamlProblem(
            "YAML-07",
            N_("The file holds several YAML documents; a record is exactly one."),
            position,
        )
    lines = text.splitlines()
    line = lines[position.line - 1] if 0 < position.line <= len(lines) else ""
    tab = "\t" in line[: max(position.col, 1)] or "'\\t'" in problem
    message, args = _explanation(exc, context, problem, tab, text)
    # a duplicate anchor is told in the context; its problem is only "second occurrence"
    detail = context.split(";")[0] if problem == "second occurrence" else problem
    return YamlProblem("YAML-01", message, position, {**args, "detail": detail})


def _explanation(
    exc: yaml.MarkedYAMLError, context: str, problem: str, tab: bool, text: str
) -> tuple[str, dict[str, Any]]:
    """partnerkit's own words (a message id and its arguments) for the kind of syntax error
    the parser reports in ``context`` and ``problem``."""
    opened = {"line": exc.context_mark.line + 1} if exc.context_mark is not None else {}
    quoted_name = re.search(r"'([^']*)'", context + " " + problem)
    name = quoted_name.group(1) if quoted_name else ""
    if tab:
        return _TAB, {}
    if problem.startswith("expected ',' or '}'") and opened:
        return N_(
            "The '{{' on line {line} is not closed with '}}', or a ',' is missing between "
            "its entries."
        ), opened
    if problem.startswith("expected ',' or ']'") and opened:
        return N_(
            "The '[' on line {line} is not closed with ']', or a ',' is missing between its items."
        ), opened
    if "unknown escape character" in problem:
        return N_(
            "Inside double quotes, a backslash starts a code, and \\{char} is not one: write "
            "the backslash twice, or use single quotes."
        ), {"char": name}
    if "quoted scalar" in context and opened:
        return N_(
            "The quotation mark on line {line} is never closed: end the text with the mark it "
            "starts with."
        ), opened
    if "cannot start any token" in problem:
        return N_("A value cannot begin with {char}: put the value in quotation marks."), {
            "char": repr(name)
        }
    if "mapping values are not allowed" in problem:
        return N_(
            "A ': ' where no new field can begin: put text that contains ': ' in quotation "
            "marks, or check the indentation."
        ), {}
    if "could not find expected ':'" in problem and opened:
        return N_(
            "Line {line} has no ':' although it stands among fields: write each field as "
            "'key: value', or indent text that continues from the line above."
        ), opened
    if "duplicate anchor" in context or "undefined alias" in problem:
        return _NO_ALIASES, {}
    if "anchor" in context or "alias" in context:
        return _NO_ALIASES, {}
    if "tag" in context or "tag" in problem:
        return N_(
            "'!' begins a tag, which a record does not use: put the value in quotation marks."
        ), {}
    if "block scalar" in context:
        return N_(
            "After '|' or '>' the text begins on the next line, indented; on the line of the "
            "sign only '-', '+' or a digit may follow it."
        ), {}
    if "expected the node content" in problem:
        return N_("A value is missing here, for example between two commas."), {}
    if "expected <block end>" in problem and "<scalar>" in problem:
        return N_(
            "Text follows a value where nothing more can: put the whole value in quotation "
            "marks, or check the indentation."
        ), {}
    if "expected <block end>" in problem or "are not allowed here" in problem:
        return N_(
            "The indentation does not match the lines above: fields at the same level start "
            "in the same column, and a list's items ('- ') one level under its key."
        ), {}
    if "document start" in problem and re.search(r"^%", text, re.MULTILINE):
        return N_(
            "A line that begins with '%' is an instruction to YAML, not text: put the text in "
            "quotation marks."
        ), {}
    return N_("The YAML cannot be read here."), {}


_TAB = N_("A tab character: YAML indents with spaces only. Replace the tab with spaces.")
_NO_ALIASES = N_(
    "'&' and '*' begin anchors and aliases, which a record does not use: write each value out "
    "in full, and put text that begins with '&' or '*' in quotation marks."
)
_DETAIL = N_("Parser says: {detail}")
_TRANSLATED_ARGS = ("kind",)  # arguments that are message ids themselves


def problem_text(problem: YamlProblem) -> str:
    """The problem's message in the current language; a syntax error's own words, then the
    parser's text as a detail."""
    args = {
        key: _(value) if key in _TRANSLATED_ARGS and isinstance(value, str) else value
        for key, value in problem.args.items()
    }
    message = _(problem.message).format(**args).strip()
    if "detail" in args:
        message += " " + _(_DETAIL).format(detail=args["detail"])
    return message


def _too_deep(position: Position, path: tuple[str | int, ...] = ()) -> YamlProblem:
    return YamlProblem(
        "YAML-10",
        N_("The data is nested more than {depth} levels deep."),
        position,
        {"depth": MAX_DEPTH},
        path,
    )


def _place_aliases(text: str, problems: list[YamlProblem]) -> list[YamlProblem]:
    """Move alias problems to the alias in the text (composed nodes carry the anchor's mark)."""
    marks = []
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                marks.append(mark_position(event.start_mark))
    except (yaml.YAMLError, RecursionError):
        return problems
    placed = iter(marks)
    result = []
    for problem in problems:
        if problem.code == "YAML-03":
            problem = YamlProblem(
                problem.code,
                problem.message,
                next(placed, problem.position),
                problem.args,
                problem.path,
            )
        result.append(problem)
    return result


class _Builder:
    """Builds Python data from a node tree and collects every structural problem."""

    def __init__(self) -> None:
        self.problems: list[YamlProblem] = []
        self.seen: set[int] = set()
        self.alias_count = 0

    def build(self, node: Node, path: tuple[str | int, ...], depth: int) -> Any:
        if id(node) in self.seen:
            self._alias(node, path)
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.problems.append(_too_deep(node_position(node), path))
            return None
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        if node.tag not in (SEQ, MAP):
            self._bad_tag(node, path)
            return None
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self._mapping(node, path, depth)

    def _alias(self, node: Node, path: tuple[str | int, ...]) -> None:
        self.alias_count += 1
        self.problems.append(
            YamlProblem(
                "YAML-03",
                N_("Aliases (*name) are not allowed: write the value out in full."),
                node_position(node),
                path=path,
            )
        )

    def _mapping(self, node: MappingNode, path: tuple[str | int, ...], depth: int) -> dict:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node, path)
            if key is None:
                continue
            if key in first_line:
                self.problems.append(
                    YamlProblem(
                        "YAML-02",
                        N_(
                            "The key '{key}' appears twice in the same mapping "
                            "(first on line {line})."
                        ),
                        node_position(key_node),
                        {"key": key, "line": first_line[key]},
                        (*path, key),
                    )
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, (*path, key), depth + 1)
        return result

    def _key(self, node: Node, path: tuple[str | int, ...]) -> str | None:
        if id(node) in self.seen:
            self._alias(node, (*path, _KEY_PROBLEM))
            return None
        self.seen.add(id(node))
        if isinstance(node, ScalarNode) and node.tag == MERGE:
            self.problems.append(
                YamlProblem(
                    "YAML-04",
                    N_("Merge keys (<<) are not allowed: write the fields out in full."),
                    node_position(node),
                    path=(*path, _KEY_PROBLEM),
                )
            )
            return None
        if isinstance(node, ScalarNode) and node.tag == STR:
            return node.value
        self.problems.append(
            YamlProblem(
                "YAML-05",
                N_("Keys must be text; quote this key or rename it."),
                node_position(node),
                path=(*path, _KEY_PROBLEM),
            )
        )
        return None

    def _scalar(self, node: ScalarNode, path: tuple[str | int, ...]) -> Any:
        tag, value = node.tag, node.value
        if tag == STR:
            return value
        try:
            if tag == INT:
                return int(value)
            if tag == FLOAT:
                return _float(value)
        except ValueError:
            self.problems.append(
                YamlProblem(
                    "YAML-11",
                    N_("'{value}' is not a usable number."),
                    node_position(node),
                    {"value": value[:40]},
                    path,
                )
            )
            return None
        if tag == BOOL and value.lower() in ("true", "false"):
            return value.lower() == "true"
        if tag == NULL and value in ("", "~", "null", "Null", "NULL"):
            return None
        self._bad_tag(node, path)
        return None

    def _bad_tag(self, node: Node, path: tuple[str | int, ...]) -> None:
        self.problems.append(
            YamlProblem(
                "YAML-12",
                N_("The tag '{tag}' is not allowed in a record; remove it."),
                node_position(node),
                {"tag": node.tag[:80]},
                path,
            )
        )


def _float(text: str) -> float:
    lowered = text.lower()
    if lowered.endswith(".nan"):
        return float("nan")
    if lowered.endswith(".inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    return float(text)
