"""`partnerkit contacts` as a table or JSON."""

from __future__ import annotations

import json
from dataclasses import asdict

from rich.console import Console
from rich.table import Table
from rich.text import Text

from partnerkit.contacts import Contact
from partnerkit.i18n import _, current_language
from partnerkit.record.vocab import label
from partnerkit.textsafe import inert_data, one_line


def render_contacts(contacts: list[Contact], console: Console) -> None:
    if not contacts:
        console.print(Text(_("No contacts match.")))
        return
    table = Table(box=None, pad_edge=False)
    for header in (
        _("partnership"),
        _("level"),
        _("focus area"),
        _("party"),
        _("name"),
        _("title"),
        _("unit"),
        _("e-mail"),
    ):
        table.add_column(header)
    lang = current_language()
    for c in contacts:
        table.add_row(
            *(
                one_line(v)
                for v in (
                    c.partnership,
                    label("level", c.level, lang),
                    c.topic,
                    c.party,
                    c.name,
                    c.title,
                    c.unit,
                    _email(c),
                )
            )
        )
    console.print(table)


def _email(contact: Contact) -> str:
    """The address, with the language to write in when the record gives it: a@b.se (en)."""
    if contact.email and contact.language:
        return f"{contact.email} ({contact.language})"
    return contact.email


def contacts_json(contacts: list[Contact]) -> str:
    data = inert_data([asdict(c) for c in contacts])
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
