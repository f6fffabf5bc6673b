"""Mutual relations at corresponding levels (ömsesidiga relationer på motsvarande nivåer).

Rules LVL-NN. Not written yet.
"""

from __future__ import annotations

RULES = ()
