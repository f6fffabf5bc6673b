"""Run the selected rules on one record and apply severities and suppressions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from partnerkit.config import Config
from partnerkit.findings import Severity
from partnerkit.i18n import _
from partnerkit.record.models import Partnership
from partnerkit.rules import all_rules, matches
from partnerkit.rules.base import Context, Rule
from partnerkit.values import replace, valuetype

_OFF = "off"


@valuetype
class RuleHit:
    """A hit with its final code, severity and the path it points at."""

    code: str
    severity: Severity
    message: str
    path: tuple[str | int, ...]
    at_key: bool = False
    due: date | None = None
    fact: str = ""


def selected_rules(config: Config) -> list[Rule]:
    return [item for code, item in all_rules().items() if is_selected(code, config)]


def is_selected(code: str, config: Config) -> bool:
    """The configuration runs the rule ``code`` (select, ignore, a severity of off)."""
    selection = config.rules
    if selection.select and not any(matches(code, s) for s in selection.select):
        return False
    if any(matches(code, s) for s in selection.ignore):
        return False
    return _override(code, config) != _OFF


def severity_of(item: Rule, phase: str, config: Config, escalated: bool = False) -> Severity:
    """The severity of the rule's findings in ``phase`` under ``config``: the configured
    severity when there is one, else an error when the finding escalates, else the rule's."""
    override = _override(item.code, config)
    if override is not None:
        return Severity.parse(override)
    return Severity.ERROR if escalated else item.severity_in(phase)


def _override(code: str, config: Config) -> str | None:
    """The configured severity for ``code``: the most specific selector wins."""
    best: tuple[int, str] | None = None
    for selector, level in config.rules.severity.items():
        if matches(code, selector) and (best is None or len(selector) > best[0]):
            best = (len(selector), level)
    return best[1] if best else None


def run_rules(record: Partnership, config: Config, context: Context) -> list[RuleHit]:
    hits = _apply_suppressions(record, list(_raw_hits(record, config, context)))
    return _one_finding_per_fact(hits)


# The rules that state a fact other rules can also report, most fundamental first: a sponsor
# who left unreplaced (LEAD-01 and LVL-04 follow), the agreement's end (the resources that end
# with it follow), the leadership meeting (the strategic body's cadence follows), an open
# decision (closing's "nothing left open" follows).
ROOT_RULES = ("LEAD-04", "LONG-04", "LONG-03", "LEAD-02", "COORD-05")


def _one_finding_per_fact(hits: list[RuleHit]) -> list[RuleHit]:
    """Where several hits report one fact, the root rule's stays as it is and the others
    become notes that point to it."""
    roots: dict[str, str] = {}
    for hit in hits:
        if hit.fact and hit.code in ROOT_RULES:
            known = roots.get(hit.fact)
            if known is None or ROOT_RULES.index(hit.code) < ROOT_RULES.index(known):
                roots[hit.fact] = hit.code
    return [
        _follows_from(hit, roots[hit.fact])
        if hit.fact in roots and hit.code != roots[hit.fact]
        else hit
        for hit in hits
    ]


def _follows_from(hit: RuleHit, root: str) -> RuleHit:
    message = hit.message + " " + _("(This follows from {code}.)").format(code=root)
    return replace(hit, severity=Severity.INFO, message=message)


def _raw_hits(record: Partnership, config: Config, context: Context) -> Iterator[RuleHit]:
    phase = record.lifecycle.phase
    for item in selected_rules(config):
        if not item.applies_to(phase):
            continue
        override = _override(item.code, config)
        for hit in item.run(record, context):
            severity = hit.severity or item.severity_in(phase)
            if override is not None:
                severity = Severity.parse(override)
            yield RuleHit(item.code, severity, hit.message, hit.path, hit.at_key, hit.due, hit.fact)


def _apply_suppressions(record: Partnership, hits: list[RuleHit]) -> list[RuleHit]:
    if not record.suppressions:
        return hits
    used = [False] * len(record.suppressions)
    kept = []
    for hit in hits:
        index = _suppressing(record, hit)
        if index is None:
            kept.append(hit)
        else:
            used[index] = True
    for index, suppression in enumerate(record.suppressions):
        if not used[index]:
            kept.append(
                RuleHit(
                    "META-01",
                    Severity.WARNING,
                    _(
                        "This suppression of {rule} matches no finding; remove it, or check "
                        "the rule code and path."
                    ).format(rule=suppression.rule),
                    ("suppressions", index),
                )
            )
    return kept


def _suppressing(record: Partnership, hit: RuleHit) -> int | None:
    for index, suppression in enumerate(record.suppressions):
        if not matches(hit.code, suppression.rule):
            continue
        if suppression.path is None or _path_text(hit.path).startswith(suppression.path):
            return index
    return None


def suppressed(record: Partnership, code: str, path: tuple[str | int, ...]) -> bool:
    """A finding of ``code`` at ``path`` would be suppressed by the record."""
    return _suppressing(record, RuleHit(code, Severity.INFO, "", path)) is not None


def _path_text(path: tuple[str | int, ...]) -> str:
    return ".".join(str(part) for part in path)
