"""Earmarked resources against their recorded use: earmarked, used and remaining for a year.

A resource in a per-year unit (SEK_per_year, FTE, percent_of_post) earmarks its amount for
every year of its period, so a year's balance is that amount less the year's use. A resource
in a total unit (SEK, count) earmarks one amount, so the balance is what is left after the use
of that year and every year before it. One computation for the brief and the annual report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from partnerkit.record.models import Partnership, Resource
from partnerkit.timeline import EARMARKED

# Units that earmark an amount for every year (a rate); the others earmark one total.
PER_YEAR_UNITS = ("SEK_per_year", "FTE", "percent_of_post")


@dataclass(frozen=True)
class Balance:
    """One resource in one year. ``used`` is None when no use is recorded for the year."""

    resource: str
    side: str
    level: str
    kind: str
    unit: str
    purpose: str
    earmarked: float | None
    used: float | None
    remaining: float | None


@dataclass(frozen=True)
class Total:
    """The sum of the balances of one party (or of all, ``side`` empty) in one unit."""

    side: str
    unit: str
    earmarked: float
    used: float
    remaining: float


def in_year(resource: Resource, year: int) -> bool:
    period = resource.period
    if period is None:
        return True
    starts_after = period.from_ is not None and period.from_.year > year
    ended_before = period.to is not None and period.to.year < year
    return not (starts_after or ended_before)


def balance(resource: Resource, year: int) -> Balance:
    per_year = resource.unit in PER_YEAR_UNITS
    uses = [u.amount for u in resource.used if (u.period == year if per_year else u.period <= year)]
    used = sum(uses) if uses else None
    earmarked = resource.amount
    remaining = None if earmarked is None or used is None else earmarked - used
    return Balance(
        resource.id,
        resource.side,
        resource.level,
        resource.kind,
        resource.unit or "",
        resource.purpose or resource.id,
        earmarked,
        used,
        remaining,
    )


def balances(record: Partnership, year: int) -> list[Balance]:
    """The earmarked (committed or used) resources in force in ``year``, in record order."""
    return [
        balance(r, year) for r in record.resources if r.status in EARMARKED and in_year(r, year)
    ]


def totals(rows: Iterable[Balance]) -> list[Total]:
    """Per party and unit, then per unit for all parties, of the rows that have an amount and
    a recorded use (a sum of amounts in different units means nothing)."""
    counted = [b for b in rows if b.earmarked is not None and b.used is not None and b.unit]
    result = []
    for key in dict.fromkeys((b.side, b.unit) for b in counted):
        result.append(_sum(key[0], key[1], [b for b in counted if (b.side, b.unit) == key]))
    for unit in dict.fromkeys(b.unit for b in counted):
        same = [b for b in counted if b.unit == unit]
        if len({b.side for b in same}) > 1:
            result.append(_sum("", unit, same))
    return result


def _sum(side: str, unit: str, rows: list[Balance]) -> Total:
    earmarked = sum(b.earmarked or 0.0 for b in rows)
    used = sum(b.used or 0.0 for b in rows)
    return Total(side, unit, earmarked, used, earmarked - used)
