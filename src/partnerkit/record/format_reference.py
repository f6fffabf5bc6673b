"""The record format as Markdown, generated from the models, the vocabulary table and the
field descriptions (the same English texts the JSON Schema shows in the editor).

docs/record-format.md embeds this text between markers; a test regenerates it and fails when the two
differ, so the documentation cannot drift from the code.
"""

from __future__ import annotations

import types
import typing
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, StringConstraints
from pydantic.fields import FieldInfo

from partnerkit.record.descriptions import FIELDS, VALUES
from partnerkit.record.models import Partnership, Ref
from partnerkit.record.vocab import VOCABULARIES


def _vocabulary_of(values: tuple[str, ...]) -> str | None:
    for name, terms in VOCABULARIES.items():
        if tuple(terms) == values:
            return name
    return None


def describe_type(tp: Any, metadata: typing.Sequence[Any] = ()) -> str:
    for item in metadata:
        if isinstance(item, Ref):
            return f"id of a {item.kind.replace('_', ' ')}"
        if isinstance(item, FieldInfo) and _format_of(item) == "email":
            return "e-mail address"
        if isinstance(item, StringConstraints) and item.pattern:
            return "id (a-z, 0-9 and `-` `_` `.` between them)"
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        return describe_type(args[0], args[1:])
    if origin in (typing.Union, types.UnionType):
        parts = [describe_type(a) for a in args if a is not type(None)]
        return " or ".join(parts)
    if origin is list:
        return f"list of {describe_type(args[0])}"
    if origin is dict:
        return f"mapping {describe_type(args[0])} → {describe_type(args[1])}"
    if origin is Literal:
        vocabulary = _vocabulary_of(args)
        if vocabulary:
            return f"`{vocabulary}` (see vocabularies)"
        return "one of " + ", ".join(f"`{a}`" for a in args)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    names = {str: "text", int: "whole number", float: "number", bool: "true/false", date: "date"}
    return names.get(tp, getattr(tp, "__name__", str(tp)))


def _format_of(info: FieldInfo) -> object:
    extra = info.json_schema_extra
    return extra.get("format") if isinstance(extra, dict) else None


def _models_in_order(root: type[BaseModel]) -> list[type[BaseModel]]:
    ordered: list[type[BaseModel]] = []

    def visit(model: type[BaseModel]) -> None:
        if model in ordered:
            return
        ordered.append(model)
        for info in model.model_fields.values():
            for candidate in _nested_models(info.annotation):
                visit(candidate)

    visit(root)
    return ordered


def _nested_models(tp: Any) -> list[type[BaseModel]]:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(tp):
        found.extend(_nested_models(arg))
    return found


def _default(info: Any) -> str:
    if info.is_required():
        return "**required**"
    default = info.default
    if info.default_factory or default in (None, [], {}) or isinstance(default, BaseModel):
        return ""
    if isinstance(default, bool):
        return f"`{str(default).lower()}`"
    return f"`{default}`"


def model_markdown(model: type[BaseModel]) -> str:
    lines = [f"#### {model.__name__}", ""]
    if model.__doc__:
        lines += [" ".join(model.__doc__.split()), ""]
    lines += ["| field | type | default | meaning |", "|---|---|---|---|"]
    for name, info in model.model_fields.items():
        key = info.alias or name
        kind = describe_type(info.annotation, info.metadata)
        meaning = _cell(_meaning(f"{model.__name__}.{key}"))
        lines.append(f"| `{key}` | {kind} | {_default(info)} | {meaning} |")
    return "\n".join(lines)


def _meaning(field: str) -> str:
    """The field's description, with the meaning of each fixed value that has no vocabulary."""
    text = FIELDS.get(field, "")
    values = VALUES.get(field)
    if values:
        text += " " + "; ".join(f"`{value}`: {label}" for value, label in values.items()) + "."
    return text


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def vocabulary_markdown() -> str:
    lines = []
    for name, terms in VOCABULARIES.items():
        lines += [f"#### `{name}`", "", "| value | svenska | English |", "|---|---|---|"]
        for slug, term in terms.items():
            group = f" ({term.group})" if term.group else ""
            lines.append(f"| `{slug}`{group} | {term.sv} | {term.en} |")
        lines.append("")
    return "\n".join(lines).rstrip()


def format_reference() -> str:
    parts = [model_markdown(model) for model in _models_in_order(Partnership)]
    return "\n\n".join(["### Fields", *parts, "### Vocabularies", vocabulary_markdown()])
