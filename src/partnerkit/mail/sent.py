"""What was sent to whom: so the same person is not sent the same items again too soon.

Kept outside the repository, in the user's state folder (``$XDG_STATE_HOME/partnerkit``,
else ``~/.local/state/partnerkit``), as ``sent.json``: for each recipient (a hash of the
address, not the address) and each set of items (the reminder's fingerprint), the day it was
last sent. Only messages the mail server accepted are remembered, one by one as it accepts
them; drafts (``--out``) and mailbox files (``--mbox``) are not sends. Each change is
written with the one atomic writer.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date, timedelta
from pathlib import Path

from partnerkit.errors import UsageError
from partnerkit.i18n import _
from partnerkit.reminders import Reminder

STATE_FILE = "sent.json"
MAX_STATE_BYTES = 16 << 20
KEEP_DAYS = 400  # what was sent longer ago than this is forgotten


def state_folder(environ: dict[str, str] | None = None) -> Path:
    """``$XDG_STATE_HOME/partnerkit`` (an absolute path only, as the XDG specification
    says), else ``~/.local/state/partnerkit``."""
    env = os.environ if environ is None else environ
    chosen = env.get("XDG_STATE_HOME", "")
    if chosen and Path(chosen).is_absolute():
        return Path(chosen) / "partnerkit"
    return Path.home() / ".local" / "state" / "partnerkit"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class SentMemory:
    """The days on which each set of items was sent to each recipient."""

    def __init__(self, path: Path, sent: dict[str, dict[str, str]] | None = None) -> None:
        self.path = path
        self.sent = sent or {}

    @classmethod
    def load(cls, path: Path) -> SentMemory:
        if not path.exists():
            return cls(path)
        from partnerkit.files.reader import read_text

        text = read_text(path, MAX_STATE_BYTES, _("The record of sent reminders"))
        try:
            data = json.loads(text)
            sent = data["sent"]
            valid = all(
                isinstance(items, dict)
                and all(isinstance(day, str) and date.fromisoformat(day) for day in items.values())
                for items in sent.values()
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            valid = False
        if not valid:
            raise UsageError(
                _(
                    "{path} (what partnerkit remind has sent) is damaged. Remove it to start "
                    "afresh; the next --send then sends every reminder again."
                ).format(path=path)
            )
        return cls(path, sent)

    def last_sent(self, reminder: Reminder) -> date | None:
        day = self.sent.get(_digest(reminder.recipient.key), {}).get(reminder.fingerprint)
        return date.fromisoformat(day) if day else None

    def held_back(self, reminder: Reminder, today: date, days: int) -> bool:
        """True when the same items went to the same person within ``days`` before
        ``today``."""
        last = self.last_sent(reminder)
        return last is not None and last <= today < last + timedelta(days=days)

    def held_back_of(self, reminders: list[Reminder], today: date, days: int) -> list[Reminder]:
        return [r for r in reminders if self.held_back(r, today, days)]

    def remember(self, reminder: Reminder, today: date) -> None:
        """Note that the server accepted ``reminder`` on ``today``, and keep the file so."""
        items = self.sent.setdefault(_digest(reminder.recipient.key), {})
        items[reminder.fingerprint] = today.isoformat()
        oldest = today - timedelta(days=KEEP_DAYS)
        for recipient in list(self.sent):
            kept = {
                k: d for k, d in self.sent[recipient].items() if date.fromisoformat(d) >= oldest
            }
            if kept:
                self.sent[recipient] = kept
            else:
                del self.sent[recipient]
        self.save()

    def save(self) -> None:
        from partnerkit.files.writer import make_folder, write_bytes_atomically

        make_folder(self.path.parent, private=True)
        data = {"version": 1, "sent": self.sent}
        text = json.dumps(data, indent=1, sort_keys=True) + "\n"
        write_bytes_atomically(self.path, text.encode("utf-8"))


def sent_memory() -> SentMemory:
    return SentMemory.load(state_folder() / STATE_FILE)
