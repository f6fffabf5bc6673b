"""Messages as files: one ``.eml`` draft per person, or all of them in one mbox file.

A draft is the message as it would be sent, with ``X-Unsent: 1``, so Outlook opens it as a
draft to review and send (Thunderbird: File > Open). The mbox file is the ``mboxrd`` form
every mail program imports (a ``From`` line before each message, body lines that begin with
``From `` quoted). The bytes are made here; the one atomic writer writes them.
"""

from __future__ import annotations

import copy
import hashlib
import io
import re
from datetime import datetime
from email.generator import BytesGenerator
from email.message import EmailMessage

from partnerkit.mail.compose import POLICY

_UNSAFE_NAME = re.compile(r"[^a-z0-9._@+-]")
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def draft_name(address: str) -> str:
    """The draft's file name: the address, ``anna.lind@uni.example.eml``; an address with
    anything a file name should not hold (``/``, ``!``, quotes) has it replaced and a short
    hash of the address added, so two addresses never share a draft."""
    safe = _UNSAFE_NAME.sub("_", address.lower())
    if safe != address.lower():
        safe += "-" + hashlib.sha256(address.lower().encode("utf-8")).hexdigest()[:8]
    return safe + ".eml"


def draft_bytes(message: EmailMessage) -> bytes:
    """The message as an ``.eml`` file: RFC 5322 with CRLF line ends, marked unsent."""
    draft = copy.deepcopy(message)
    draft["X-Unsent"] = "1"
    return draft.as_bytes(policy=POLICY)


def mbox_bytes(messages: list[EmailMessage], sender: str, now: datetime) -> bytes:
    """Every message in one mbox file (LF line ends, as mbox files have them)."""
    policy = POLICY.clone(linesep="\n")
    out = io.BytesIO()
    separator = f"From {sender} {_asctime(now)}\n".encode("ascii")
    for message in messages:
        out.write(separator)
        BytesGenerator(out, mangle_from_=True, policy=policy).flatten(message, unixfrom=False)
        out.write(b"\n")
    return out.getvalue()


def _asctime(moment: datetime) -> str:
    """``Mon Nov 30 22:00:00 2026``, in English whatever the locale (the mbox format's)."""
    day, month = _DAYS[moment.weekday()], _MONTHS[moment.month - 1]
    return f"{day} {month} {moment.day:2d} {moment:%H:%M:%S} {moment.year}"
