"""A diversity of collaboration forms and joint activities (mångfald av samverkansformer).

Rules DIV-NN. Not written yet.
"""

from __future__ import annotations

RULES = ()
