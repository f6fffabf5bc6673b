"""Where in the file a path of the data is: walk the node tree kept from parsing."""

from __future__ import annotations

from collections.abc import Sequence

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from partnerkit.findings import TOP, Position
from partnerkit.load.strict_yaml import node_position

PathPart = str | int


class Locator:
    """Maps data paths to positions; falls back to the nearest existing ancestor."""

    def __init__(self, root: Node | None, text: str) -> None:
        self.root = root
        self.text = text
        self._lines: list[str] | None = None
        self._keys: dict[int, dict[str, tuple[Node, Node]]] = {}

    def position(self, path: Sequence[PathPart], at_key: bool = False) -> Position:
        """Position of the value at ``path``, or of its key when ``at_key`` or when the value
        is a list or mapping (the key line is where a reader looks for the field)."""
        node, key = self._walk(path)
        use_key = key is not None and (at_key or not isinstance(node, ScalarNode))
        target = key if use_key else node
        return node_position(target) if target is not None else TOP

    def key_position(self, path: Sequence[PathPart]) -> Position:
        return self.position(path, at_key=True)

    def exists(self, path: Sequence[PathPart]) -> bool:
        node, _ = self._walk(path, exact=True)
        return node is not None

    def source_line(self, line: int) -> str | None:
        if self._lines is None:
            self._lines = self.text.splitlines()
        if 1 <= line <= len(self._lines):
            return self._lines[line - 1]
        return None

    def _walk(
        self, path: Sequence[PathPart], exact: bool = False
    ) -> tuple[Node | None, Node | None]:
        node, key_node = self.root, None
        for part in path:
            child, child_key = self._child(node, part)
            if child is None:
                return (None, None) if exact else (node, key_node)
            node, key_node = child, child_key
        return node, key_node

    def _child(self, node: Node | None, part: PathPart) -> tuple[Node | None, Node | None]:
        if isinstance(node, MappingNode) and isinstance(part, str):
            keys = self._keys.get(id(node))
            if keys is None:
                keys = self._keys[id(node)] = _key_index(node)
            if part in keys:
                key, value = keys[part]
                return value, key
        if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            return node.value[part], None
        return None, None


def _key_index(node: MappingNode) -> dict[str, tuple[Node, Node]]:
    """The first occurrence of each text key (later duplicates are reported elsewhere)."""
    index: dict[str, tuple[Node, Node]] = {}
    for key, value in node.value:
        if isinstance(key, ScalarNode) and key.value not in index:
            index[key.value] = (key, value)
    return index
