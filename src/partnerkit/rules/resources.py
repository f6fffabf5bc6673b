"""Earmarked resources with mandates at every level (öronmärkta resurser med mandat).

Rules RES-NN. Not written yet.
"""

from __future__ import annotations

RULES = ()
