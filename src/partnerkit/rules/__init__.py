"""The rule registry: every handbook rule, by code.

Each family module (one per handbook criterion) exports ``RULES``, a tuple of
:class:`~partnerkit.rules.base.Rule`. Adding a rule is adding it to its family's tuple;
adding a family is adding its module to ``FAMILIES`` below.
"""

from __future__ import annotations

from functools import cache

from partnerkit.rules.base import Rule

FAMILIES = (
    "structure",
    "leadership",
    "commitment",
    "goals",
    "diversity",
    "benefit",
    "levels",
    "resources",
    "support",
    "coordinator",
    "assessment",
    "ethics",
    "closing",
)


@cache
def all_rules() -> dict[str, Rule]:
    import importlib

    registry: dict[str, Rule] = {}
    for family in FAMILIES:
        module = importlib.import_module(f"partnerkit.rules.{family}")
        for item in module.RULES:
            assert item.code not in registry, item.code
            registry[item.code] = item
    return dict(sorted(registry.items(), key=lambda kv: _code_key(kv[0])))


def _code_key(code: str) -> tuple[int, str, int]:
    family, _, number = code.partition("-")
    order = [
        "STRUCT", "LEAD", "LONG", "GOAL", "DIV", "BEN", "LVL", "RES", "SUP",
        "COORD", "ASM", "ETH", "CLOSE",
    ]  # fmt: skip
    rank = order.index(family) if family in order else len(order)
    return rank, family, int(number) if number.isdigit() else 0


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
