"""The coordinator role (samordnaren): documents, follows up, prepares briefs, brokers contacts.

Rules COORD-NN. Not written yet.
"""

from __future__ import annotations

RULES = ()
