"""Structural consistency beyond the schema: the parties, dates and lifecycle of a record make sense together.

Rules STRUCT-NN. Not written yet.
"""

from __future__ import annotations

RULES = ()
