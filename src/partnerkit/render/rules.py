"""`partnerkit rules`: the rule catalogue as a table, as JSON, or one rule explained."""

from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table
from rich.text import Text

from partnerkit import formatting
from partnerkit.config import Thresholds
from partnerkit.i18n import _
from partnerkit.record.vocab import label as vocab_label
from partnerkit.render.check.text import severity_label
from partnerkit.rules.base import PHASES, Rule, rule_text
from partnerkit.values import field_names


def rule_data(item: Rule) -> dict[str, object]:
    defaults = Thresholds()
    return {
        "code": item.code,
        "name": item.name,
        "criterion": item.criterion,
        "severity": item.severity.label,
        "severity_by_phase": {phase: s.label for phase, s in item.by_phase.items()},
        "escalation": rule_text(item.escalation) if item.escalation else None,
        "phases": list(item.phases),
        "title": _(item.title),
        "explanation": rule_text(item.explanation),
        "source": rule_text(item.source),
        "options": {name: getattr(defaults, name) for name in item.options},
        "bad": item.bad,
        "good": item.good,
    }


def rules_json(rules: list[Rule]) -> str:
    return json.dumps([rule_data(r) for r in rules], ensure_ascii=False, indent=2) + "\n"


def _severity_text(item: Rule) -> str:
    parts = [severity_label(item.severity)]
    for severity in sorted(set(item.by_phase.values()), reverse=True):
        phases = [vocab_label("phase", p) for p in PHASES if item.by_phase.get(p) == severity]
        parts.append(f"{severity_label(severity)} ({', '.join(phases)})")
    if item.escalation:
        parts.append(rule_text(item.escalation))
    return "; ".join(parts)


def _phases_text(item: Rule) -> str:
    if len(item.phases) == len(PHASES):
        return _("all")
    return ", ".join(vocab_label("phase", p) for p in item.phases)


def _option_value(value: object) -> str:
    """A threshold's default as the reader writes numbers (0,2 in Swedish)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return formatting.number(value)
    return str(value)


def render_rules_table(rules: list[Rule], console: Console) -> None:
    table = Table(box=None, show_lines=False, pad_edge=False)
    for header in (_("code"), _("criterion"), _("severity"), _("phases"), _("title")):
        table.add_column(header, overflow="fold")
    for item in rules:
        table.add_row(
            item.code,
            vocab_label("criterion", item.criterion),
            _severity_text(item),
            _phases_text(item),
            _(item.title),
        )
    console.print(table)


def rules_markdown() -> str:
    """Every finding code explained, one section each (``## LEAD-01``, so its anchor is
    ``#lead-01``): the page that check's SARIF links each rule to (``helpUri``)."""
    from partnerkit.load.codes import BUILTIN, code_info
    from partnerkit.rules import all_rules

    sections = []
    for code in BUILTIN:
        info = code_info(code)
        heading = f"## {code}\n\n**{_(info.title)}** (`{info.name}`)"
        sections.append(f"{heading}\n\n{_(info.explanation)}")
    for item in all_rules().values():
        sections.append(_rule_markdown(item))
    return "\n\n".join(sections)


def _rule_markdown(item: Rule) -> str:
    lines = [f"## {item.code}", "", f"**{_(item.title)}** (`{item.name}`)", ""]
    lines += [rule_text(item.explanation), ""]
    lines += [
        f"- {_('criterion')}: {vocab_label('criterion', item.criterion)}",
        f"- {_('severity')}: {_severity_text(item)}",
        f"- {_('phases')}: {_phases_text(item)}",
        f"- {_('source')}: {rule_text(item.source)}",
    ]
    for heading, snippet in ((_("fails"), item.bad), (_("passes"), item.good)):
        if snippet:
            lines += ["", f"{heading}:", "", "```yaml", snippet.rstrip("\n"), "```"]
    return "\n".join(lines)


def render_builtin(code: str, console: Console) -> None:
    """A built-in check (file, YAML, schema, references) explained."""
    from partnerkit.load.codes import code_info

    info = code_info(code)
    console.print(Text(f"{code} {info.name}", style="bold"))
    console.print(Text(_(info.title), style="bold"))
    console.print()
    console.print(
        Text(
            _(
                "A built-in check of the record format, always on. The finding's message says "
                "what is wrong and what to do; see the README for the record format."
            )
        )
    )


def render_rule(item: Rule, console: Console) -> None:
    console.print(Text(f"{item.code} {item.name}", style="bold"))
    console.print(Text(_(item.title), style="bold"))
    console.print()
    console.print(Text(rule_text(item.explanation)))
    console.print()
    rows = (
        (_("criterion"), vocab_label("criterion", item.criterion)),
        (_("severity"), _severity_text(item)),
        (_("phases"), _phases_text(item)),
        (_("source"), rule_text(item.source)),
    )
    for heading, value in rows:
        console.print(Text.assemble((f"{heading}: ", "dim"), value))
    defaults = {name: getattr(Thresholds(), name) for name in field_names(Thresholds)}
    if item.options:
        console.print(Text(_("options (partnerkit.toml, [thresholds]):"), style="dim"))
        for name in item.options:
            console.print(f"  {name} = {_option_value(defaults[name])}")
    for heading, snippet in ((_("fails"), item.bad), (_("passes"), item.good)):
        if snippet:
            console.print()
            console.print(Text(f"{heading}:", style="bold"))
            console.print(Text(snippet.rstrip("\n")))
