"""Forget a person: remove them from every record, keep the history readable.

What happens to each place a person appears (derived from the models, not from a list of
field names, so a new reference field is handled without changes here):

* ``people[]``: the person's entry is removed.
* a list of person ids (``governance[].meetings[].attendees``): the id is removed from the list.
* a mapping side -> person (``goals[].owners``, ``action_plans[].items[].responsible``,
  ``activities[].contacts``, ``contact_pairs[].members``): that side's entry is removed.
* an optional person field (``followup_log[].author``, ``decisions[].owner``,
  ``resources[].mandate.holder_person_id``, ``coordination.support_functions[]
  .contact_person_id``): the field is removed.
* a required person field (``person_id`` of ``leadership[]``, ``governance[].members[]``,
  ``agreements[].signatories[]``, ``coordination.coordinator``, ``coordination.counterparts[]``,
  ``coordination.internal_network[]``, ``ethics.dual_roles[]``): the model allows only an id
  there, so the entry holding it is removed.
* a text field holding the id (``followup_log[].refs``, ``resources[].mandate.delegated_by``):
  the model allows text there, so the id is replaced by the role text.
* free text anywhere (summaries, decision texts, descriptions, notes) and comments: the
  person's full name and their e-mail address are replaced by the role text. (Their address
  and language go with their ``people[]`` entry.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from partnerkit.edit.splice import DataPath, Document
from partnerkit.errors import UsageError
from partnerkit.i18n import _, ngettext


@dataclass
class ForgetResult:
    """What forgetting did to one record."""

    person_name: str
    role: str
    lines: list[str] = field(default_factory=list)
    _ordered: list[tuple[int, str]] = field(default_factory=list)

    def add(self, doc: Document, path: DataPath, what: str) -> None:
        node = doc.node(path)
        position = node.start_mark.index if node is not None else len(doc.text)
        self._ordered.append((position, f"{dotted(path)}: {what}"))
        self.lines = [line for _position, line in sorted(self._ordered)]

    def note(self, line: str) -> None:
        self._ordered.append((1 << 62, line))
        self.lines = [line for _position, line in sorted(self._ordered)]


def dotted(path: DataPath) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def default_role(person: dict, parties: list) -> str | None:
    """``Rektor (Exempeluniversitetet)``: the person's title and side, or None without a
    title."""
    title = person.get("title")
    if not isinstance(title, str) or not title.strip():
        return None
    side = person.get("side")
    party = next(
        (p.get("name") for p in parties if isinstance(p, dict) and p.get("id") == side), None
    )
    return f"{title} ({party})" if isinstance(party, str) else title


def find_people(data: dict, person_id: str) -> list[tuple[int, dict]]:
    people = data.get("people")
    if not isinstance(people, list):
        return []
    return [
        (i, p) for i, p in enumerate(people) if isinstance(p, dict) and p.get("id") == person_id
    ]


def forget_person(doc: Document, record: BaseModel, person_id: str, role: str) -> ForgetResult:
    """Record on ``doc`` every edit that forgets ``person_id``; ``record`` is the validated
    model of the same text (it says which fields hold person ids)."""
    from partnerkit.load.references import iter_refs

    found = find_people(doc.data, person_id)
    if not found:
        raise UsageError(_("There is no person {id} in this record.").format(id=person_id))
    name = found[0][1].get("name", "")
    email = found[0][1].get("email", "")
    result = ForgetResult(name, role)
    removed: list[DataPath] = [("people", i) for i, _p in found]
    for i, _p in found:
        result.add(doc, ("people", i), _("removed {name} ({id})").format(name=name, id=person_id))
    item_removals: dict[DataPath, set[int]] = {("people",): {i for i, _p in found}}
    key_removals: dict[DataPath, set[str]] = {}
    targets = []
    for kind, value, path, at_key in iter_refs(record):
        if kind == "person" and value == person_id and not at_key:
            targets.append(_target(record, path))
    for how, container, key, reason in sorted(targets, key=lambda t: len(t[1])):
        where = (*container, key)
        if any(where[: len(r)] == r for r in removed):
            continue
        removed.append(where)
        if how == "item":
            item_removals.setdefault(container, set()).add(key)
        else:
            key_removals.setdefault(container, set()).add(key)
        result.add(doc, where, reason)
    for container, indexes in item_removals.items():
        doc.remove_items(container, indexes)
    for container, keys in key_removals.items():
        doc.remove_keys(container, keys)
    _replace_refs(doc, person_id, role, removed, result)
    _replace_name(doc, name, role, removed, result)
    if isinstance(email, str):
        _replace_address(doc, email, role, removed, result)
    return result


def _target(record: BaseModel, path: DataPath) -> tuple[str, DataPath, Any, str]:
    """How to remove the reference at ``path``: (``item`` or ``key``, container, index or
    key, why)."""
    chain: list[Any] = [record]
    for part in path:
        current = chain[-1]
        if isinstance(current, BaseModel):
            chain.append(getattr(current, _field_name(type(current), str(part))))
        else:
            chain.append(current[part])
    parent = chain[-2]
    if isinstance(parent, list):
        return "item", path[:-1], path[-1], _("removed the id from the list")
    if isinstance(parent, dict):
        return "key", path[:-1], path[-1], _("removed this side's person")
    info = type(parent).model_fields[_field_name(type(parent), str(path[-1]))]
    if not info.is_required():
        return "key", path[:-1], path[-1], _("removed the field")
    holder = chain[-3]
    reason = _("removed the entry (it cannot exist without the person)")
    if isinstance(holder, list):
        return "item", path[:-2], path[-2], reason
    return "key", path[:-2], path[-2], reason


def _field_name(model: type[BaseModel], key: str) -> str:
    for name, info in model.model_fields.items():
        if (info.alias or name) == key:
            return name
    return key


def _replace_refs(
    doc: Document, person_id: str, role: str, removed: list[DataPath], result: ForgetResult
) -> None:
    """Text fields that hold the id itself (``followup_log[].refs``, ``mandate.delegated_by``):
    the model allows text there, so the id becomes the role text."""
    for path, value in _texts(doc.data, ()):
        if value == person_id and path[-1] != "id" and not _under(path, removed):
            if isinstance(path[-1], int):
                doc.set_item(path[:-1], path[-1], role)
            else:
                doc.set_key(path[:-1], path[-1], role)
            removed.append(path)
            result.add(doc, path, _("replaced {id} with '{role}'").format(id=person_id, role=role))


def _replace_name(
    doc: Document, name: str, role: str, removed: list[DataPath], result: ForgetResult
) -> None:
    _replace_everywhere(
        doc,
        name,
        role,
        removed,
        result,
        _("replaced the name with '{role}'").format(role=role),
        lambda n: ngettext(
            "comments: replaced the name in {n} place",
            "comments: replaced the name in {n} places",
            n,
        ).format(n=n),
    )


def _replace_address(
    doc: Document, address: str, role: str, removed: list[DataPath], result: ForgetResult
) -> None:
    """The person's e-mail address written in a text or a comment (``sent to a@b.se``)."""
    _replace_everywhere(
        doc,
        address,
        role,
        removed,
        result,
        _("replaced the e-mail address with '{role}'").format(role=role),
        lambda n: ngettext(
            "comments: replaced the e-mail address in {n} place",
            "comments: replaced the e-mail address in {n} places",
            n,
        ).format(n=n),
    )


def _replace_everywhere(
    doc: Document,
    text: str,
    role: str,
    removed: list[DataPath],
    result: ForgetResult,
    in_field: str,
    in_comments: Callable[[int], str],
) -> None:
    """``text`` replaced by ``role`` in every free text and comment, each change noted."""
    if not text:
        return
    for path in _replace_text(doc, text, role, removed):
        result.add(doc, path, in_field)
    count = doc.replace_in_comments(text, role)
    if count:
        result.note(in_comments(count))


def _replace_text(doc: Document, text: str, role: str, removed: list[DataPath]) -> list[DataPath]:
    changed = []
    for path, value in _texts(doc.data, ()):
        if text in value and not _under(path, removed):
            doc.replace_in_scalar(path, text, role)
            changed.append(path)
    return changed


def _texts(value: Any, path: DataPath):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, (*path, i))


def _under(path: DataPath, prefixes: list[DataPath]) -> bool:
    return any(path[: len(p)] == p for p in prefixes)
