"""Keep the message catalogs in step with the code.

    python scripts/i18n.py update   # extract messages, merge into sv, compile .mo files
    python scripts/i18n.py check    # exit 1 if a message lacks a translation or .mo is stale

Message ids are English; the Swedish catalog must translate every one of them.
"""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "partnerkit"
LOCALE = PACKAGE / "locale"
DOMAIN = "partnerkit"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
TRANSLATED = ("sv",)
STABLE_DATE = datetime(2026, 1, 1, tzinfo=UTC)


def extract() -> Catalog:
    catalog = Catalog(project="partnerkit", domain=DOMAIN)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        catalog.add(
            message, locations=[(filename, lineno)], auto_comments=comments, context=context
        )
    return catalog


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def load(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.exists():
        return Catalog(locale=lang, domain=DOMAIN)
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def merged(template: Catalog, lang: str) -> Catalog:
    old = load(lang)
    new = Catalog(locale=lang, domain=DOMAIN, project="partnerkit")
    for message in template:
        if not message.id:
            continue
        previous = old.get(message.id)
        new.add(
            message.id, previous.string if previous else ("", "") if message.pluralizable else ""
        )
    return new


def po_bytes(catalog: Catalog) -> bytes:
    # A fixed header date keeps the catalogs free of churn (and of merge conflicts).
    catalog.creation_date = catalog.revision_date = STABLE_DATE
    buffer = io.BytesIO()
    write_po(buffer, catalog, omit_header=False, no_location=True, sort_output=True, width=100)
    return buffer.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def untranslated(catalog: Catalog) -> list[str]:
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def update() -> int:
    template = extract()
    (LOCALE / f"{DOMAIN}.pot").write_bytes(po_bytes(template))
    for lang in TRANSLATED:
        catalog = merged(template, lang)
        po_path(lang).parent.mkdir(parents=True, exist_ok=True)
        po_path(lang).write_bytes(po_bytes(catalog))
        po_path(lang).with_suffix(".mo").write_bytes(mo_bytes(load(lang)))
        missing = untranslated(catalog)
        print(f"{lang}: {len(missing)} untranslated")
        for message in missing:
            print(f"  {message}")
    return 0


def check() -> int:
    template = extract()
    problems = []
    for lang in TRANSLATED:
        catalog = merged(template, lang)
        problems += [f"{lang}: no translation for {m!r}" for m in untranslated(catalog)]
        mo = po_path(lang).with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != mo_bytes(load(lang)):
            problems.append(f"{lang}: {mo.name} is out of date; run scripts/i18n.py update")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    sys.exit({"update": update, "check": check}[command]())
