"""Mutual self-assessment (ömsesidig självvärdering).

Rules ASM-NN. Not written yet.
"""

from __future__ import annotations

RULES = ()
