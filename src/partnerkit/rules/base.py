"""What a rule is: a small function over one record that yields hits, with its metadata.

A rule module declares rules with :func:`rule`. The docstring-like texts (``title``,
``explanation``, ``escalation``, ``source``) are English message ids translated at render time
(:func:`rule_text`), so every rule reads the same in Swedish and English; a setting of
``[thresholds]`` in them is a placeholder (``{renewal_warn_months} months``) shown as its number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from partnerkit.config import Thresholds
from partnerkit.findings import Severity
from partnerkit.i18n import _
from partnerkit.obligations import Obligation
from partnerkit.record.models import Partnership
from partnerkit.values import Factory, valuetype

PHASES = ("initiering", "uppstart", "drift", "utvardering", "nystart", "avveckling", "avslutad")
ACTIVE = ("uppstart", "drift", "utvardering", "nystart")  # "uppstart and later"
NOT_CLOSED = PHASES[:-1]

# The handbook's five characteristics, three organisational features and the coordinator.
HANDBOOK_CRITERIA = (
    "leadership",
    "commitment",
    "goals",
    "diversity",
    "benefit",
    "levels",
    "resources",
    "support",
    "coordinator",
)
# Every criterion a rule can serve, in the order rules are listed; the rules of each live in
# the module ``partnerkit.rules.<criterion>``.
CRITERIA = ("structure", *HANDBOOK_CRITERIA, "assessment", "ethics", "closing")

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741


@valuetype
class Hit:
    """One place where a rule does not hold. ``severity`` overrides the rule's default
    (for rules that escalate from warning to error past a second threshold)."""

    message: str
    path: tuple[str | int, ...] = ()
    at_key: bool = False
    severity: Severity | None = None
    due: date | None = None  # the obligation's due date, for a rule that reports one late
    fact: str = ""  # the fact behind the hit, when several rules can report it


def late_hit(message: str, obligation: Obligation, today: date) -> Hit:
    """The hit for an obligation that is late on ``today``: at its place, with its due date,
    an error from the obligation's ``error_from`` on."""
    escalated = obligation.error_from is not None and today >= obligation.error_from
    return Hit(
        message,
        obligation.path,
        severity=Severity.ERROR if escalated else None,
        due=obligation.due,
        fact=obligation.about,
    )


@valuetype
class Context:
    today: date
    thresholds: Thresholds = Factory(Thresholds)


Check = Callable[[Partnership, Context], Iterable[Hit]]


@valuetype
class Rule:
    code: str
    name: str
    criterion: str
    phases: tuple[str, ...]
    severity: Severity
    title: str
    explanation: str
    source: str
    check: Check
    by_phase: dict[str, Severity] = Factory(dict)
    options: tuple[str, ...] = ()
    bad: str = ""
    good: str = ""
    escalation: str = ""  # when a finding is more or less severe than above, said in words

    @property
    def family(self) -> str:
        return self.code.split("-")[0]

    def severity_in(self, phase: str) -> Severity:
        return self.by_phase.get(phase, self.severity)

    def applies_to(self, phase: str) -> bool:
        return phase in self.phases

    def run(self, record: Partnership, context: Context) -> Iterator[Hit]:
        yield from self.check(record, context)


def rule(
    code: str,
    name: str,
    criterion: str,
    phases: tuple[str, ...],
    severity: Severity,
    title: str,
    explanation: str,
    source: str,
    by_phase: dict[str, Severity] | None = None,
    options: tuple[str, ...] = (),
    bad: str = "",
    good: str = "",
    escalation: str = "",
) -> Callable[[Check], Rule]:
    """Declare a rule: decorate its check function."""
    assert criterion in CRITERIA, criterion

    def register(check: Check) -> Rule:
        return Rule(
            code=code,
            name=name,
            criterion=criterion,
            phases=phases,
            severity=severity,
            title=title,
            explanation=explanation,
            source=source,
            check=check,
            by_phase=by_phase or {},
            options=options,
            bad=bad,
            good=good,
            escalation=escalation,
        )

    return register


_SETTING = re.compile(r"\{(\w+)\}")


def rule_text(message_id: str, thresholds: Thresholds | None = None) -> str:
    """A rule's text in the current language, each ``{setting}`` of ``[thresholds]`` written
    as its number (the defaults unless ``thresholds`` are given): ``after
    {leadership_meeting_error_days} days`` reads ``after 548 days``, ``efter 548 dagar``."""
    values = thresholds if thresholds is not None else Thresholds()

    def setting(match: re.Match[str]) -> str:
        value = getattr(values, match.group(1), None)
        if not isinstance(value, int | float):
            return match.group(0)
        from partnerkit.formatting import number as written  # Babel only when shown

        return written(value)

    return _SETTING.sub(setting, _(message_id)) if message_id else ""
