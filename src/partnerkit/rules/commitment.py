"""Mutual long-term commitments (ömsesidiga långsiktiga åtaganden).

Rules LONG-NN. Not written yet.
"""

from __future__ import annotations

RULES = ()
