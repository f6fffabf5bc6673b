"""What partnerkit accepts as an e-mail address, in a record and in ``partnerkit.toml``.

One plain ASCII address, dot-atom on both sides (``anna.lind@uni.example``): no display name,
no comments, no quoting, no spaces or control characters, a domain with at least one dot.
Strict on purpose: an address goes into a message's header and the SMTP envelope, and every
mail server delivers this form without extensions (SMTPUTF8).
"""

from __future__ import annotations

import re

_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
EMAIL_PATTERN = rf"^{_ATOM}(?:\.{_ATOM})*@{_LABEL}(?:\.{_LABEL})+$"
MAX_EMAIL_LENGTH = 254
_EMAIL = re.compile(EMAIL_PATTERN)


def is_email_address(value: object) -> bool:
    """True for one plain address of at most 254 characters (no trailing line break)."""
    return (
        isinstance(value, str)
        and len(value) <= MAX_EMAIL_LENGTH
        and _EMAIL.fullmatch(value) is not None
    )
