"""Edit YAML text in place: splices at the marks of the composed nodes, never a re-dump.

A :class:`Document` parses the text once with the pure-Python path of the loader (its marks
count characters of the decoded text, so ``mark.index`` slices the ``str``) and collects each
edit twice: as a splice of the original text, and as the same change applied to a copy of the
data. :meth:`Document.result` applies the splices, reads the new text back with both parsers
and compares its data with the expected data; any difference is a bug in the splicing, raised
as :class:`EditBug`, and nothing is written. So an edit either produces exactly the intended
data, with every byte it does not change left as it was, or produces nothing.

New text follows the file's conventions: its line ending, the indentation and style (flow
``{...}`` or block) of the neighbouring list item, blank lines between top-level sections.
New scalars are plain only when they read back as the same string under the strict resolver
and PyYAML's SafeLoader (and libyaml, when present); otherwise they are double-quoted.
"""

from __future__ import annotations

import copy
import itertools
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from partnerkit.errors import UsageError
from partnerkit.i18n import _
from partnerkit.load.strict_yaml import STR, StrictResolver, YamlProblem, parse_yaml

DataPath = tuple[str | int, ...]


class EditBug(Exception):
    """The spliced text does not read back as the intended data. Nothing is written."""


class LayoutError(UsageError):
    """The record is laid out in a way this editor does not change safely (exit 2)."""


class NotEditable(Exception):
    """The text is not a readable YAML mapping; ``problems`` says why."""

    def __init__(self, problems: list[YamlProblem]) -> None:
        super().__init__("not editable")
        self.problems = problems


def detect_eol(text: str) -> str:
    """The file's line ending: that of its first line break (``\\n`` when it has none)."""
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


# --- rendering new values ---------------------------------------------------------------

_PLAIN_FIRST_BAD = set("-?:,[]{}#&*!|>'\"%@`")
_NEVER_PLAIN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_SAFE_RESOLVER = yaml.resolver.Resolver()
_STRICT_RESOLVER = StrictResolver()


@lru_cache(maxsize=4096)
def plain_ok(text: str, flow: bool) -> bool:
    """True when ``text`` written plain reads back as the same string everywhere."""
    if not text or text != text.strip(" ") or _NEVER_PLAIN.search(text):
        return False
    if text[0] in _PLAIN_FIRST_BAD or ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and any(c in text for c in ",[]{}:"):
        return False
    for resolver in (_STRICT_RESOLVER, _SAFE_RESOLVER):
        if resolver.resolve(ScalarNode, text, (True, False)) != STR:
            return False
    snippets = [(f"k: [{text}]\n", {"k": [text]}), (f"k: {{a: {text}}}\n", {"k": {"a": text}})]
    if not flow:
        snippets = [(f"k: {text}\n", {"k": text})]
    return all(_reads_as(snippet, expected) for snippet, expected in snippets)


def _reads_as(snippet: str, expected: Any) -> bool:
    for use_libyaml in (False, True):
        parsed = parse_yaml(snippet, use_libyaml=use_libyaml)
        if parsed.problems or parsed.data != expected:
            return False
    try:
        return yaml.safe_load(snippet) == expected
    except yaml.YAMLError:
        return False


_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}
_NEEDS_ESCAPE = re.compile('[\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]')


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def double_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar (every line break and control escaped)."""
    return '"' + _NEEDS_ESCAPE.sub(_escape, text) + '"'


def format_number(value: float | int) -> str:
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def render_scalar(value: Any, flow: bool, prefer: str | None = None) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return format_number(value)
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        raise TypeError(f"cannot render {type(value).__name__}")
    if prefer == "'" and not _NEEDS_ESCAPE.search(value.replace("\\", "").replace('"', "")):
        return "'" + value.replace("'", "''") + "'"
    if prefer != '"' and plain_ok(value, flow):
        return value
    return double_quoted(value)


def render_key(key: str, flow: bool) -> str:
    return key if plain_ok(key, flow) else double_quoted(key)


def render_flow(value: Any) -> str:
    """``value`` on one line in flow style: ``{a: 1, b: [x, y]}``."""
    if isinstance(value, dict):
        inner = ", ".join(f"{render_key(k, True)}: {render_flow(v)}" for k, v in value.items())
        return "{" + inner + "}"
    if isinstance(value, list):
        return "[" + ", ".join(render_flow(v) for v in value) + "]"
    return render_scalar(value, flow=True)


def block_mapping_lines(
    mapping: dict, indent: int, seq_offset: int, nested_block: bool = False
) -> list[str]:
    """``mapping`` as block lines at ``indent``. Lists of mappings become block sequences of
    one-line flow mappings; other collections are written in flow style, unless
    ``nested_block`` asks for block style all the way down (used for new records)."""
    pad = " " * indent
    lines: list[str] = []
    for key, value in mapping.items():
        head = f"{pad}{render_key(key, False)}:"
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            lines.append(head)
            dash = " " * (indent + seq_offset)
            for item in value:
                if nested_block:
                    lines.extend(block_item_lines(item, indent + seq_offset, 2, seq_offset, True))
                else:
                    lines.append(f"{dash}- {render_flow(item)}")
        elif isinstance(value, dict) and value and nested_block:
            lines.append(head)
            lines.extend(block_mapping_lines(value, indent + 2, seq_offset, True))
        elif isinstance(value, (dict, list)):
            lines.append(f"{head} {render_flow(value)}")
        else:
            lines.append(f"{head} {render_scalar(value, flow=False)}")
    return lines


def block_item_lines(
    mapping: dict, dash_col: int, offset: int, seq_offset: int, nested_block: bool = False
) -> list[str]:
    """``mapping`` as a block sequence item: ``- key: value`` then the other keys below."""
    lines = block_mapping_lines(mapping, dash_col + offset, seq_offset, nested_block)
    lines[0] = " " * dash_col + "-" + " " * (offset - 1) + lines[0][dash_col + offset :]
    return lines


def to_data(value: Any) -> Any:
    """What the loader reads back for a value given to the editor."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: to_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_data(v) for v in value]
    return value


# --- the document -------------------------------------------------------------------------


@dataclass
class _Splice:
    start: int
    end: int
    text: str
    seq: int


@dataclass
class _Op:
    kind: str  # set | delkey | insert | delitem
    path: DataPath  # the container, in the original data
    key: Any = None  # key or index; for insert, the position (None: at the end)
    value: Any = None


class Document:
    """One record's text, ready for edits. Edits never overlap; :meth:`result` applies them."""

    def __init__(self, text: str) -> None:
        parsed = parse_yaml(text, use_libyaml=False)
        if parsed.problems or parsed.root is None or not isinstance(parsed.root, MappingNode):
            raise NotEditable(parsed.problems)
        self.text = text
        self.root: MappingNode = parsed.root
        self.data: dict = parsed.data
        self.eol = detect_eol(text)
        self._splices: list[_Splice] = []
        self._ops: list[_Op] = []
        self._new_keys: set[tuple[DataPath, str]] = set()
        self._new_starts: dict[int, int] = {}
        self.new_text: str | None = None
        self.new_ids: set[str] = set()  # ids given to entries added by pending edits
        self.seq_offset = self._sequence_offset()

    # navigation ------------------------------------------------------------------------

    def node(self, path: DataPath) -> Node | None:
        node: Node | None = self.root
        for part in path:
            node = _child(node, part)
            if node is None:
                return None
        return node

    def in_flow(self, path: DataPath) -> bool:
        """True when the value at ``path`` sits inside a flow collection."""
        node: Node | None = self.root
        for part in path:
            if isinstance(node, (MappingNode, SequenceNode)) and node.flow_style is True:
                return True
            node = _child(node, part)
        return False

    def get(self, path: DataPath) -> Any:
        value: Any = self.data
        for part in path:
            if isinstance(value, dict) and isinstance(part, str):
                value = value.get(part)
            elif isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value):
                value = value[part]
            else:
                return None
        return value

    # public edits ----------------------------------------------------------------------

    def add_items(
        self,
        container: DataPath,
        key: str,
        values: list[Any],
        position: int | None = None,
        order: list[str] | None = None,
    ) -> int:
        """Insert ``values`` into the list at ``container.key`` before item ``position``
        (default: at the end), creating the key when it is missing. Returns a splice id."""
        path = (*container, key)
        node = self.node(path)
        if node is None or _is_empty_null(node):
            return self.set_key(container, key, list(values), order)
        if not isinstance(node, SequenceNode):
            raise self._layout(path)
        count = len(node.value)
        at = count if position is None else max(0, min(position, count))
        for value in values:
            self._ops.append(_Op("insert", path, at, value))
        if node.flow_style is True:
            return self._insert_flow_items(node, values, at)
        return self._insert_block_items(path, node, values, at)

    def set_key(
        self, container: DataPath, key: str, value: Any, order: list[str] | None = None
    ) -> int:
        """Set ``container.key`` to ``value``: replace a scalar, or add the missing key."""
        mapping = self.node(container)
        if not isinstance(mapping, MappingNode):
            raise self._layout(container)
        current = _child(mapping, key)
        if current is not None and not _is_empty_null(current):
            if not isinstance(current, ScalarNode) or isinstance(value, (dict, list)):
                raise self._layout((*container, key))
            self._ops.append(_Op("set", container, key, value))
            return self._replace_scalar(current, value, self.in_flow((*container, key)))
        if (container, key) in self._new_keys:
            raise EditBug(f"the key {key} is added twice")
        self._new_keys.add((container, key))
        self._ops.append(_Op("set", container, key, value))
        if current is not None:
            return self._fill_empty(mapping, key, value)
        return self._add_key(mapping, key, value, order)

    def set_item(self, seq_path: DataPath, index: int, value: Any) -> int:
        """Replace the scalar item ``index`` of a list."""
        node = self.node((*seq_path, index))
        if not isinstance(node, ScalarNode):
            raise self._layout((*seq_path, index))
        self._ops.append(_Op("set", seq_path, index, value))
        return self._replace_scalar(node, value, self.in_flow((*seq_path, index)))

    def remove_items(self, seq_path: DataPath, indexes: set[int]) -> None:
        """Remove the items ``indexes`` of the list at ``seq_path`` (their lines, in block
        style; the item and one comma, in flow style)."""
        seq = self.node(seq_path)
        if not isinstance(seq, SequenceNode):
            raise self._layout(seq_path)
        for index in indexes:
            self._ops.append(_Op("delitem", seq_path, index))
        items = seq.value
        if seq.flow_style is True:
            spans = [(n.start_mark.index, n.end_mark.index) for n in items]
            for start, end in _flow_removals(spans, indexes):
                self._splice(start, end, "")
        elif len(indexes) == len(items):
            self._empty_block(seq_path, seq, "[]")
        else:
            for first, last in _runs(indexes):
                dash = self._dash_index(items[first])
                self._remove_lines(dash, self._content_end(items[last]), seq_path)

    def remove_keys(self, map_path: DataPath, keys: set[str]) -> None:
        """Remove the fields ``keys`` of the mapping at ``map_path``."""
        mapping = self.node(map_path)
        if not isinstance(mapping, MappingNode):
            raise self._layout(map_path)
        pairs = mapping.value
        indexes = {i for i, (k, _v) in enumerate(pairs) if k.value in keys}
        for key in keys:
            self._ops.append(_Op("delkey", map_path, key))
        if mapping.flow_style is True:
            spans = [(k.start_mark.index, v.end_mark.index) for k, v in pairs]
            for start, end in _flow_removals(spans, indexes):
                self._splice(start, end, "")
            return
        if len(indexes) == len(pairs):
            self._empty_block(map_path, mapping, "{}")
            return
        covered = -1
        for first, last in _runs(indexes):
            if first <= covered:
                continue
            start = pairs[first][0].start_mark.index
            if self._first_on_line(start):
                key_node, value_node = pairs[last]
                end = max(self._content_end(key_node), self._content_end(value_node))
                self._remove_lines(start, end, map_path)
            else:
                # the first key after "- ": pull the next kept key up onto the dash line
                kept = next(j for j in range(first, len(pairs)) if j not in indexes)
                self._splice(start, pairs[kept][0].start_mark.index, "")
                covered = kept

    def replace_in_scalar(self, path: DataPath, old: str, new: str) -> int:
        """Replace every ``old`` in the text scalar at ``path`` with ``new``, in the source
        itself when the scalar's style allows it (layout kept), else by rewriting it."""
        node = self.node(path)
        if not isinstance(node, ScalarNode) or node.tag != STR:
            raise self._layout(path)
        container, key = path[:-1], path[-1]
        value = node.value.replace(old, new)
        self._ops.append(_Op("set", container, key, value))
        start, end = node.start_mark.index, self._scalar_end(node)
        raw = self.text[start:end]
        flow = self.in_flow(path)
        replacement = _in_style(new, node.style, flow)
        if replacement is not None and raw.count(old) == node.value.count(old) and old not in new:
            seq = None
            position = 0
            while True:
                found = raw.find(old, position)
                if found < 0:
                    break
                sid = self._splice(start + found, start + found + len(old), replacement)
                seq = sid if seq is None else seq
                position = found + len(old)
            if seq is not None:
                return seq
        return self._replace_scalar(node, value, flow)

    def replace_in_comments(self, old: str, new: str) -> int:
        """Replace ``old`` where it appears outside every scalar (in comments), except in
        text already being replaced or removed. Returns how many were replaced."""
        spans = sorted(
            [(n.start_mark.index, self._scalar_end(n)) for n in _scalars(self.root)]
            + [(s.start, s.end) for s in self._splices]
        )
        count = 0
        position = 0
        while True:
            found = self.text.find(old, position)
            if found < 0:
                return count
            end = found + len(old)
            position = end
            if any(s < end and found < e for s, e in spans):
                continue
            self._splice(found, end, new)
            count += 1

    # result ----------------------------------------------------------------------------

    def result(self) -> str:
        """The edited text, verified to read back as exactly the intended data."""
        splices = sorted(self._splices, key=lambda s: (s.start, s.end, s.seq))
        for first, second in itertools.pairwise(splices):
            if second.start < first.end:
                raise EditBug("two edits overlap")
        parts: list[str] = []
        cursor = 0
        shift = 0
        for splice in splices:
            parts.append(self.text[cursor : splice.start])
            parts.append(splice.text)
            self._new_starts[splice.seq] = splice.start + shift
            shift += len(splice.text) - (splice.end - splice.start)
            cursor = splice.end
        parts.append(self.text[cursor:])
        new_text = "".join(parts)
        expected = self._expected()
        for use_libyaml in (False, True):
            parsed = parse_yaml(new_text, use_libyaml=use_libyaml)
            if parsed.problems or parsed.data != expected:
                raise EditBug("the edited text does not read back as intended")
        self.new_text = new_text
        return new_text

    def line_of(self, splice_id: int) -> int:
        """1-based line of the text a splice put in, in the result."""
        assert self.new_text is not None
        start = self._new_starts[splice_id]
        while self.new_text.startswith(("\r\n", "\n"), start):
            start += 2 if self.new_text.startswith("\r\n", start) else 1
        return self.new_text.count("\n", 0, start) + 1

    def _expected(self) -> dict:
        data = copy.deepcopy(self.data)
        resolved = []
        for op in self._ops:
            container: Any = data
            for part in op.path:
                container = container[part]
            resolved.append((op, container))
        lists: dict[int, tuple[list, dict[int, list], set[int]]] = {}
        for op, container in resolved:
            if op.kind == "set":
                container[op.key] = to_data(op.value)
            elif op.kind == "delkey":
                del container[op.key]
            else:
                entry = lists.setdefault(id(container), (container, {}, set()))
                if op.kind == "insert":
                    entry[1].setdefault(op.key, []).append(to_data(op.value))
                else:
                    entry[2].add(op.key)
        for items, inserts, deletes in lists.values():
            rebuilt = []
            for i in range(len(items) + 1):
                rebuilt.extend(inserts.get(i, []))
                if i < len(items) and i not in deletes:
                    rebuilt.append(items[i])
            items[:] = rebuilt
        return data

    # text helpers ----------------------------------------------------------------------

    def _splice(self, start: int, end: int, text: str) -> int:
        seq = len(self._splices)
        self._splices.append(_Splice(start, end, text, seq))
        return seq

    def _layout(self, path: DataPath) -> LayoutError:
        where = ".".join(str(p) for p in path) or "(top level)"
        return LayoutError(
            _(
                "The record is written in a way partnerkit cannot change safely at {path}; "
                "make this change by hand."
            ).format(path=where)
        )

    def _line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def _line_end(self, index: int) -> int:
        """The index just after the line break of the line holding ``index - 1``."""
        found = self.text.find("\n", max(index - 1, 0))
        return len(self.text) if found < 0 else found + 1

    def _first_on_line(self, index: int) -> bool:
        return self.text[self._line_start(index) : index].strip(" ") == ""

    def _scalar_end(self, node: ScalarNode) -> int:
        if node.style in ("|", ">"):
            return self._content_end(node)
        return node.end_mark.index

    def _content_end(self, node: Node) -> int:
        """Just after the last character of ``node``'s content (not its trailing breaks)."""
        start = node.start_mark.index
        if isinstance(node, ScalarNode) or node.flow_style is True:
            end = node.end_mark.index
            while end > start and self.text[end - 1] in " \t\r\n":
                end -= 1
            return end
        children: list[Node] = []
        if isinstance(node, SequenceNode):
            children = list(node.value)
        else:
            for key, value in node.value:
                children.extend((key, value))
        return max([start, *(self._content_end(child) for child in children)])

    def _dash_index(self, item: Node) -> int:
        index = item.start_mark.index - 1
        while index >= 0 and self.text[index] in " \r\n":
            index -= 1
        if index < 0 or self.text[index] != "-" or not self._first_on_line(index):
            raise self._layout(())
        return index

    def _next_line_blank(self, at: int) -> bool:
        if at >= len(self.text):
            return False
        end = self.text.find("\n", at)
        line = self.text[at : len(self.text) if end < 0 else end]
        return line.strip(" \r") == ""

    def _sections_spaced(self) -> bool:
        """True when the file separates its top-level fields with blank lines."""
        for key, _value in self.root.value[1:]:
            start = self._line_start(key.start_mark.index)
            before = self.text.rfind("\n", 0, max(start - 1, 0))
            if self.text[before + 1 : start].strip(" \r\n") == "" and start > 0:
                return True
        return False

    def _insert_lines(self, at: int, lines: list[str], top_level: bool = False) -> int:
        eol = self.eol
        block = eol.join(lines)
        if top_level and self._sections_spaced():
            block = eol + block
            if at < len(self.text) and not self._next_line_blank(at):
                block += eol
        if at >= len(self.text) and not self.text.endswith("\n"):
            return self._splice(len(self.text), len(self.text), eol + block)
        return self._splice(at, at, block + eol)

    def _remove_lines(self, start: int, content_end: int, where: DataPath) -> None:
        """Remove whole lines from the one holding ``start`` to the one holding the content
        end; keep a missing final newline missing."""
        if not self._first_on_line(start):
            raise self._layout(where)
        first = self._line_start(start)
        last = self._line_end(content_end)
        if last >= len(self.text) and not self.text.endswith("\n") and first > 0:
            first -= 2 if self.text[first - 2 : first] == "\r\n" else 1
        self._splice(first, last, "")

    def _sequence_offset(self) -> int:
        """How far the file indents a block list under its key (``key:\n  - a``: 2); the
        most common offset when the file mixes them, 2 when it has no block lists."""
        counts: dict[int, int] = {}
        pending: list[Node] = [self.root]
        while pending:
            node = pending.pop()
            if isinstance(node, MappingNode):
                for key, value in node.value:
                    block = isinstance(value, SequenceNode) and value.flow_style is not True
                    if block and value.value:
                        try:
                            dash = self._dash_index(value.value[0])
                        except LayoutError:
                            continue
                        offset = dash - self._line_start(dash) - key.start_mark.column
                        if offset >= 0:
                            counts[offset] = counts.get(offset, 0) + 1
                    pending.append(value)
            elif isinstance(node, SequenceNode):
                pending.extend(node.value)
        return max(counts, key=lambda k: (counts[k], k)) if counts else 2

    # splicing primitives ---------------------------------------------------------------

    def _insert_flow_items(self, seq: SequenceNode, values: list[Any], at: int) -> int:
        rendered = ", ".join(render_flow(v) for v in values)
        items = seq.value
        if not items:
            close = seq.end_mark.index - 1
            if self.text[close] != "]":
                raise self._layout(())
            return self._splice(close, close, rendered)
        if at == len(items):
            end = items[-1].end_mark.index
            return self._splice(end, end, ", " + rendered)
        start = items[at].start_mark.index
        return self._splice(start, start, rendered + ", ")

    def _insert_block_items(
        self, path: DataPath, seq: SequenceNode, values: list[Any], at: int
    ) -> int:
        items = seq.value
        neighbour = items[at - 1] if at > 0 else items[0]
        dash = self._dash_index(neighbour)
        dash_col = dash - self._line_start(dash)
        lines: list[str] = []
        for value in values:
            lines.extend(self._item_lines(value, neighbour, dash_col))
        if at > 0:
            where = self._line_end(self._content_end(items[at - 1]))
        else:
            where = self._line_start(dash)
        return self._insert_lines(where, lines)

    def _item_lines(self, value: Any, neighbour: Node, dash_col: int) -> list[str]:
        block = isinstance(neighbour, MappingNode) and neighbour.flow_style is not True
        if isinstance(value, dict) and value and block and neighbour.value:
            offset = max(2, neighbour.start_mark.column - dash_col)
            return block_item_lines(value, dash_col, offset, self.seq_offset)
        return [" " * dash_col + "- " + render_flow(value)]

    def _add_key(self, mapping: MappingNode, key: str, value: Any, order: list[str] | None) -> int:
        pairs = mapping.value
        index = _predecessor(pairs, key, order)
        if mapping.flow_style is True:
            rendered = f"{render_key(key, True)}: {render_flow(value)}"
            if not pairs:
                close = mapping.end_mark.index - 1
                if self.text[close] != "}":
                    raise self._layout(())
                return self._splice(close, close, rendered)
            end = pairs[index][1].end_mark.index
            return self._splice(end, end, ", " + rendered)
        if not pairs:
            raise self._layout(())
        key_node, value_node = pairs[index]
        indent = pairs[0][0].start_mark.column
        lines = block_mapping_lines({key: value}, indent, self.seq_offset)
        end = max(self._content_end(key_node), self._content_end(value_node))
        return self._insert_lines(self._line_end(end), lines, top_level=mapping is self.root)

    def _fill_empty(self, mapping: MappingNode, key: str, value: Any) -> int:
        """``key:`` with nothing after it (null): write the value there."""
        key_node = next(k for k, _v in mapping.value if k.value == key)
        if mapping.flow_style is True or not self._first_on_line(key_node.start_mark.index):
            raise self._layout((key,))
        indent = key_node.start_mark.column
        lines = block_mapping_lines({key: value}, indent, self.seq_offset)
        first, rest = lines[0], lines[1:]
        colon = self.text.find(":", key_node.end_mark.index)
        head = first[indent + len(render_key(key, False)) + 1 :]
        sid = self._splice(colon + 1, colon + 1, head)
        if rest:
            self._insert_lines(self._line_end(colon + 1), rest)
        return sid

    def _replace_scalar(self, node: ScalarNode, value: Any, flow: bool) -> int:
        style = node.style if node.style in ("'", '"') else None
        rendered = render_scalar(value, flow, prefer=style)
        start, end = node.start_mark.index, self._scalar_end(node)
        if start == end and self.text[start - 1 : start] == ":":
            rendered = " " + rendered
        return self._splice(start, end, rendered)

    def _empty_block(self, path: DataPath, node: Node, empty: str) -> None:
        """Every item of a block collection goes: write it as ``[]`` or ``{}``."""
        start = node.start_mark.index
        end = self._content_end(node)
        if not self._first_on_line(start):
            self._splice(start, end, empty)  # "- key: v" -> "- {}"
            return
        parent = self.node(path[:-1]) if path else None
        if not isinstance(parent, MappingNode) or parent.flow_style is True:
            raise self._layout(path)
        key_node = next(k for k, v in parent.value if v is node)
        colon = self.text.find(":", key_node.end_mark.index)
        self._splice(colon + 1, colon + 1, " " + empty)
        self._remove_lines(start, end, path)


def _child(node: Node | None, part: str | int) -> Node | None:
    if isinstance(node, MappingNode) and isinstance(part, str):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == part:
                return value
    if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part]
    return None


def _is_empty_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.style is None and node.value == ""


def _scalars(node: Node):
    if isinstance(node, ScalarNode):
        yield node
    elif isinstance(node, SequenceNode):
        for item in node.value:
            yield from _scalars(item)
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            yield from _scalars(key)
            yield from _scalars(value)


def _predecessor(pairs: list, key: str, order: list[str] | None) -> int:
    """The pair after which ``key`` goes: the last one that comes before it in ``order``
    (the models' field order), else the last pair."""
    if order and key in order:
        rank = order.index(key)
        best, best_rank = None, -1
        for i, (key_node, _value) in enumerate(pairs):
            if key_node.value in order:
                other = order.index(key_node.value)
                if best_rank < other < rank:
                    best, best_rank = i, other
        if best is not None:
            return best
    return len(pairs) - 1


def _runs(indexes: set[int]) -> list[tuple[int, int]]:
    """Consecutive runs of ``indexes`` as (first, last) pairs."""
    runs: list[tuple[int, int]] = []
    for index in sorted(indexes):
        if runs and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    return runs


def _flow_removals(spans: list[tuple[int, int]], removed: set[int]) -> list[tuple[int, int]]:
    """Text spans that remove the items ``removed`` of a flow collection with one comma each.

    ``spans`` are (start, end) of each item. An item followed by a kept item goes up to that
    item's start; items after the last kept one go from the end of the item before them."""
    kept = [i for i in range(len(spans)) if i not in removed]
    if not kept:
        return [(spans[0][0], spans[-1][1])] if spans else []
    last_kept = kept[-1]
    result = []
    for i in sorted(removed):
        if i < last_kept:
            result.append((spans[i][0], spans[i + 1][0]))
        else:
            result.append((spans[i - 1][1], spans[i][1]))
    return result


def _in_style(text: str, style: str | None, flow: bool) -> str | None:
    """``text`` as it may be written inside an existing scalar of ``style``, or None."""
    if style == '"':
        return double_quoted(text)[1:-1]
    if style == "'":
        return None if "\n" in text else text.replace("'", "''")
    if "\n" in text or "\r" in text:
        return None
    if style in ("|", ">"):
        return text
    inner_ok = re.fullmatch(r"[\w .,()/&'+-]+", text) and text == text.strip()
    if flow and re.search(r"[,\[\]{}:]", text):
        return None
    return text if inner_ok else None
