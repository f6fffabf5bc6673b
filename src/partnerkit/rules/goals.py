"""Common goals and challenges (gemensamma mål och utmaningar).

Rules GOAL-NN. Not written yet.
"""

from __future__ import annotations

RULES = ()
