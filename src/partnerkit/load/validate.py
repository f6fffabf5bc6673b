"""Validate data against the record model and explain each error like a colleague would."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from partnerkit import formatting
from partnerkit.findings import Finding, Severity
from partnerkit.i18n import N_, _, ngettext
from partnerkit.load.positions import Locator
from partnerkit.load.validator_cache import record_validator
from partnerkit.record.models import Partnership

PathPart = str | int
MAX_FINDINGS = 200  # per file: past this, a file is not a record with a few mistakes


def validate_record(
    data: Any, locator: Locator, file: str, skip_paths: set[tuple[PathPart, ...]] = frozenset()
) -> tuple[Partnership | None, list[Finding]]:
    """The validated record, or None and one finding per problem."""
    try:
        return record_validator().validate_python(data), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_context=True)
    findings = []
    groups = [
        (path, group)
        for path, group in _group_by_data_path(errors, data).items()
        if not any(path[: len(skip)] == skip for skip in skip_paths)
    ]
    for path, group in groups[:MAX_FINDINGS]:
        findings.append(_finding(path, group, data, locator, file))
    if len(groups) > MAX_FINDINGS:
        findings.append(_more(len(groups) - MAX_FINDINGS, file, locator, groups[MAX_FINDINGS][0]))
    return None, findings


def _more(count: int, file: str, locator: Locator, path: tuple[PathPart, ...]) -> Finding:
    message = ngettext(
        "{n} more problem of the record format is not shown; fix these first.",
        "{n} more problems of the record format are not shown; fix these first.",
        count,
    )
    position = locator.position(path)
    return Finding("SCHEMA-06", Severity.ERROR, message.format(n=count), file, position, path)


def _group_by_data_path(errors: list[dict], data: Any) -> dict[tuple[PathPart, ...], list[dict]]:
    groups: dict[tuple[PathPart, ...], list[dict]] = {}
    for error in errors:
        path = _data_path(error["loc"], data, error["type"])
        groups.setdefault(path, []).append(error)
    return groups


def _data_path(loc: tuple, data: Any, error_type: str) -> tuple[PathPart, ...]:
    """Keep the parts of a Pydantic location that are keys or indexes of the data."""
    path: list[PathPart] = []
    node = data
    for part in loc:
        if _has(node, part):
            node = node[part]
            path.append(part)
        elif error_type == "missing" and isinstance(node, dict) and isinstance(part, str):
            path.append(part)
            break
    return tuple(path)


def _has(node: Any, part: PathPart) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)


def _finding(
    path: tuple[PathPart, ...], group: list[dict], data: Any, locator: Locator, file: str
) -> Finding:
    first = group[0]
    kind = first["type"]
    if kind == "extra_forbidden":
        code, message = "SCHEMA-01", _unknown_field(path)
        position = locator.key_position(path)
    elif kind == "missing":
        code = "SCHEMA-02"
        message = _("The required field '{field}' is missing.").format(field=path[-1])
        position = locator.key_position(path[:-1]) if len(path) > 1 else locator.position(())
    elif kind in ("iso_date", "impossible_date", "date_out_of_range"):
        code, message = "SCHEMA-04", _date_message(first)
        position = locator.position(path)
    elif all(error["type"] in _VALUE_ERRORS for error in group):
        code, message = "SCHEMA-03", _value_message(group)
        position = locator.position(path)
    else:
        code, message = "SCHEMA-05", _type_message(group)
        position = locator.position(path)
    return Finding(
        code=code,
        severity=Severity.ERROR,
        message=message,
        file=file,
        position=position,
        path=path,
        source_line=locator.source_line(position.line),
    )


def _unknown_field(path: tuple[PathPart, ...]) -> str:
    name = str(path[-1])
    message = _("Unknown field '{field}'.").format(field=name)
    model = model_at(path[:-1])
    if model is not None:
        allowed = field_names(model)
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        if close:
            return message + " " + _("Did you mean '{suggestion}'?").format(suggestion=close[0])
        return message + " " + _("Fields allowed here: {fields}.").format(fields=", ".join(allowed))
    return message


def _date_message(error: dict) -> str:
    value = _short(error.get("input"))
    if error["type"] == "impossible_date":
        return _("{value} is not a date in the calendar; check the day and month.").format(
            value=value
        )
    if error["type"] == "date_out_of_range":
        return _(
            "{value} is outside the years 1900–2199 that a partnership's dates can have; check "
            "the year."
        ).format(value=value)
    return _("Expected a date written YYYY-MM-DD, found {found}.").format(
        found=_describe(error.get("input"))
    )


_VALUE_ERRORS = {
    "literal_error",
    "string_pattern_mismatch",
    "string_too_short",
    "string_too_long",
    "too_short",
    "too_long",
    "greater_than_equal",
    "less_than_equal",
    "greater_than",
    "less_than",
    "finite_number",
    "email_address",
}


def _value_message(group: list[dict]) -> str:
    error = group[0]
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    if kind == "literal_error":
        allowed = [a for e in group if e["type"] == "literal_error" for a in _literal_values(e)]
        message = _("'{value}' is not allowed here. Use one of: {allowed}.").format(
            value=_short(value), allowed=", ".join(allowed)
        )
        close = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.6)
        if close:
            message += " " + _("Did you mean '{suggestion}'?").format(suggestion=close[0])
        return message
    templates: dict[str, Callable[[], str]] = {
        "string_pattern_mismatch": lambda: _(
            "'{value}' is not a valid id. Ids use lower-case letters a-z, digits and "
            "- _ . between them, for example 'region-exempel'."
        ),
        "string_too_short": lambda: _("This text is empty; write something or remove the field."),
        "string_too_long": lambda: _("This text is too long (at most {max_length} characters)."),
        "too_short": lambda: _("This list needs at least {min_length} entries."),
        "too_long": lambda: _("This list has too many entries (at most {max_length})."),
        "greater_than_equal": lambda: _("The value must be at least {ge}."),
        "less_than_equal": lambda: _("The value must be at most {le}."),
        "greater_than": lambda: _("The value must be greater than {gt}."),
        "less_than": lambda: _("The value must be less than {lt}."),
        "finite_number": lambda: _("The value must be a finite number, not NaN or infinity."),
        "email_address": lambda: _(
            "'{value}' is not an e-mail address. Write a work address such as "
            "anna.lind@uni.example (letters a-z, digits and . _ - + only)."
        ),
    }
    return templates[kind]().format(value=_short(value), **{k: _limit(ctx[k]) for k in ctx})


def _limit(value: Any) -> Any:
    """A bound of the format as the reader writes numbers: at least 0, not 0.0."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return formatting.number(value)
    return value


def _literal_values(error: dict) -> list[str]:
    expected = str((error.get("ctx") or {}).get("expected", ""))
    return [part.strip().strip("'") for part in expected.replace(" or ", ", ").split(",") if part]


_EXPECTED = {
    "string_type": N_("text"),
    "int_type": N_("a whole number"),
    "int_from_float": N_("a whole number"),
    "float_type": N_("a number"),
    "bool_type": N_("true or false"),
    "list_type": N_("a list"),
    "dict_type": N_("a mapping (key: value)"),
    "model_type": N_("a mapping (key: value)"),
    "model_attributes_type": N_("a mapping (key: value)"),
    "none_required": N_("nothing"),
}


def _type_message(group: list[dict]) -> str:
    expected: list[str] = []
    for error in group:
        if error["type"] == "literal_error":
            text = _("one of: {allowed}").format(allowed=", ".join(_literal_values(error)))
        else:
            text = _(_EXPECTED.get(error["type"], "")) or error["msg"]
        if text not in expected:
            expected.append(text)
    message = _("Expected {expected}, found {found}.").format(
        expected=_(" or ").join(expected), found=_describe(group[0].get("input"))
    )
    if group[0]["type"] == "bool_type":
        message += " " + _("Only true and false are yes/no values in a record.")
    elif group[0]["type"] == "string_type":
        message += " " + _("Put the value in quotes to make it text.")
    return message


def _describe(value: Any) -> str:
    if value is None:
        return _("an empty value")
    if isinstance(value, bool):
        return _("the yes/no value {value}").format(value=str(value).lower())
    if isinstance(value, int | float):
        return _("the number {value}").format(value=formatting.number(value))
    if isinstance(value, str):
        return _("the text '{value}'").format(value=_short(value))
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    return type(value).__name__


def _short(value: Any, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def field_names(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def model_at(path: tuple[PathPart, ...]) -> type[BaseModel] | None:
    """The model class describing the mapping found at ``path`` of a record."""
    current: Any = Partnership
    for part in path:
        current = _step(current, part)
        if current is None:
            return None
    return _unwrap_model(current)


def _step(tp: Any, part: PathPart) -> Any:
    model = _unwrap_model(tp)
    if model is not None and isinstance(part, str):
        for name, info in model.model_fields.items():
            if (info.alias or name) == part:
                return info.annotation
        return None
    for candidate in _union_members(tp):
        origin = typing.get_origin(candidate)
        if origin is list and isinstance(part, int):
            return typing.get_args(candidate)[0]
        if origin is dict and isinstance(part, str):
            return typing.get_args(candidate)[1]
    return None


def _union_members(tp: Any) -> Iterator[Any]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            yield from _union_members(arg)
    elif typing.get_origin(tp) is typing.Annotated:
        yield from _union_members(typing.get_args(tp)[0])
    else:
        yield tp


def _unwrap_model(tp: Any) -> type[BaseModel] | None:
    for candidate in _union_members(tp):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None
