"""The rule registry: every handbook rule, by code.

Each family module (one per criterion, named after it) exports ``RULES``, a tuple of
:class:`~partnerkit.rules.base.Rule`. Adding a rule is adding it to its family's tuple;
adding a family is adding its criterion to :data:`~partnerkit.rules.base.CRITERIA`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from partnerkit.config import RuleSelection
from partnerkit.rules.base import CRITERIA, Rule


@cache
def all_rules() -> dict[str, Rule]:
    """Every rule by code: criterion by criterion (in :data:`CRITERIA` order), then by number."""
    import importlib

    registry: dict[str, Rule] = {}
    for criterion in CRITERIA:
        module = importlib.import_module(f"partnerkit.rules.{criterion}")
        for item in sorted(module.RULES, key=lambda r: int(r.code.partition("-")[2])):
            assert item.code not in registry, item.code
            registry[item.code] = item
    return registry


@cache
def criterion_families() -> dict[str, str]:
    """The code family of each criterion's rules (``leadership`` → ``LEAD``): its short name."""
    return {rule.criterion: rule.family for rule in all_rules().values()}


def get(code: str) -> Rule | None:
    return all_rules().get(code.upper())


def matches(code: str, selector: str) -> bool:
    """A selector is a full code (``LEAD-01``), a family (``LEAD``) or a prefix (``LEAD-0``)."""
    wanted = selector.upper()
    prefix = wanted if "-" in wanted else wanted + "-"
    return code == wanted or code.startswith(prefix)


def known_selector(selector: str) -> bool:
    return any(matches(code, selector) for code in all_rules())


def check_selection(selection: RuleSelection, path: Path | None) -> None:
    """Every selector of ``[rules]`` in the configuration names a rule or a family of rules."""
    from partnerkit.errors import UsageError
    from partnerkit.i18n import _

    for key, selectors in (
        ("rules.select", selection.select),
        ("rules.ignore", selection.ignore),
        ("rules.severity", tuple(selection.severity)),
    ):
        for selector in selectors:
            if not known_selector(selector):
                raise UsageError(
                    _("Unknown rule '{code}' in {key} of {path}; see partnerkit rules.").format(
                        code=selector, key=key, path=path
                    )
                )
