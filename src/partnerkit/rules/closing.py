"""Phasing out and closing (avveckling).

Rules CLOSE-NN. Not written yet.
"""

from __future__ import annotations

RULES = ()
