"""Ethics and academic freedom (akademisk frihet, integritet).

Rules ETH-NN. Not written yet.
"""

from __future__ import annotations

RULES = ()
