"""Internal support structures (interna stödstrukturer).

Rules SUP-NN. Not written yet.
"""

from __future__ import annotations

RULES = ()
