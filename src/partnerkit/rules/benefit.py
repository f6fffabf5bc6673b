"""Mutual benefit and value neither party could reach alone (ömsesidig nytta).

Rules BEN-NN. Not written yet.
"""

from __future__ import annotations

RULES = ()
