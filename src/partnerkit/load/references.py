"""References inside a record must resolve; ids must be unique.

Which fields are references is read from the models (fields typed with :class:`Ref`), so
adding a reference field to a model is enough for it to be checked here.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel

from partnerkit.i18n import N_, _
from partnerkit.record.models import Partnership, Ref
from partnerkit.values import valuetype

PathPart = str | int
Path = tuple[PathPart, ...]

KIND_NAMES = {
    "party": N_("party"),
    "person": N_("person"),
    "goal": N_("goal"),
    "body": N_("governance body"),
    "decision": N_("decision"),
    "focus_area": N_("focus area"),
    "indicator": N_("indicator"),
}
KIND_HOMES = {
    "party": "parties",
    "person": "people",
    "goal": "goals",
    "body": "governance",
    "decision": "decisions",
    "focus_area": "focus_areas",
    "indicator": "goals[].indicators",
}


@valuetype
class RefProblem:
    code: str
    message: str
    path: Path
    at_key: bool = False


def defined_ids(record: Partnership) -> dict[str, list[tuple[str, Path]]]:
    """Every id defined in the record, per kind, with the path of its ``id`` field."""
    ids: dict[str, list[tuple[str, Path]]] = {kind: [] for kind in KIND_NAMES}
    for kind, field in (
        ("party", "parties"),
        ("person", "people"),
        ("goal", "goals"),
        ("body", "governance"),
        ("decision", "decisions"),
        ("focus_area", "focus_areas"),
    ):
        for i, item in enumerate(getattr(record, field)):
            ids[kind].append((item.id, (field, i, "id")))
    for g, goal in enumerate(record.goals):
        for i, indicator in enumerate(goal.indicators):
            ids["indicator"].append((indicator.id, ("goals", g, "indicators", i, "id")))
    return ids


def check_references(record: Partnership) -> list[RefProblem]:
    ids = defined_ids(record)
    problems = list(_duplicates(ids))
    known = {kind: {value for value, _path in entries} for kind, entries in ids.items()}
    for kind, value, path, at_key in iter_refs(record):
        if value not in known[kind]:
            problems.append(_unresolved(kind, value, path, at_key, sorted(known[kind])))
    return problems


def _duplicates(ids: dict[str, list[tuple[str, Path]]]) -> Iterator[RefProblem]:
    for kind, entries in ids.items():
        seen: set[str] = set()
        for value, path in entries:
            if value in seen:
                yield RefProblem(
                    "REF-02",
                    _(
                        "The {kind} id '{id}' is defined twice in this record; ids must be unique."
                    ).format(kind=_(KIND_NAMES[kind]), id=value),
                    path,
                )
            seen.add(value)


def _unresolved(kind: str, value: str, path: Path, at_key: bool, known: list[str]) -> RefProblem:
    message = _("'{id}' is not the id of any {kind} in this record (see {home}).").format(
        id=value, kind=_(KIND_NAMES[kind]), home=KIND_HOMES[kind]
    )
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    if close:
        message += " " + _("Did you mean '{suggestion}'?").format(suggestion=close[0])
    elif known:
        message += " " + _("Known ids: {ids}.").format(ids=", ".join(known[:12]))
    return RefProblem("REF-01", message, path, at_key)


def iter_refs(model: BaseModel, path: Path = ()) -> Iterator[tuple[str, str, Path, bool]]:
    """Every reference in ``model``: (kind, value, path, whether the path ends at a key)."""
    for name, alias, shape in _plan(type(model)):
        value = getattr(model, name)
        if value is not None:
            yield from _walk(shape, value, (*path, alias))


def _walk(shape: tuple, value: Any, path: Path) -> Iterator[tuple[str, str, Path, bool]]:
    kind = shape[0]
    if kind == "ref":
        yield shape[1], value, path, False
    elif kind == "model":
        yield from iter_refs(value, path)
    elif kind == "list":
        for i, item in enumerate(value):
            yield from _walk(shape[1], item, (*path, i))
    elif kind == "dict":
        key_shape, value_shape = shape[1], shape[2]
        for key, item in value.items():
            if key_shape and key_shape[0] == "ref":
                yield key_shape[1], key, (*path, key), True
            if value_shape:
                yield from _walk(value_shape, item, (*path, key))


@cache
def _plan(model: type[BaseModel]) -> tuple[tuple[str, str, tuple], ...]:
    plan = []
    for name, info in model.model_fields.items():
        shape = _shape(info.annotation, info.metadata)
        if shape:
            plan.append((name, info.alias or name, shape))
    return tuple(plan)


def _shape(tp: Any, metadata: list | tuple = ()) -> tuple:
    for item in metadata:
        if isinstance(item, Ref):
            return ("ref", item.kind)
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(tp)
        return _shape(base, extra)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            shape = _shape(arg)
            if shape:
                return shape
        return ()
    if origin is list:
        inner = _shape(typing.get_args(tp)[0])
        return ("list", inner) if inner else ()
    if origin is dict:
        key, value = (_shape(arg) for arg in typing.get_args(tp))
        return ("dict", key, value) if key or value else ()
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return ("model", tp) if _plan(tp) else ()
    return ()
