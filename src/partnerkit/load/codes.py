"""The built-in checks that are not handbook rules: reading, YAML, schema, references.

Their codes are stable; machine formats (SARIF rules, JSON ``name``) read their names and
titles here, and ``partnerkit rules CODE`` explains them.
"""

from __future__ import annotations

from typing import NamedTuple

from partnerkit.i18n import N_


class Builtin(NamedTuple):
    name: str
    title: str


BUILTIN: dict[str, Builtin] = {
    "FILE-01": Builtin("unreadable-file", N_("The file cannot be read")),
    "FILE-02": Builtin("not-a-regular-file", N_("Not a regular file; skipped")),
    "FILE-03": Builtin("file-too-large", N_("The file is larger than max_file_bytes")),
    "FILE-04": Builtin("not-utf8", N_("The file is not UTF-8")),
    "FILE-05": Builtin("link-outside-records", N_("A link to a file outside the records folder")),
    "YAML-01": Builtin("yaml-syntax", N_("The YAML cannot be read")),
    "YAML-02": Builtin("duplicate-key", N_("A key appears twice in a mapping")),
    "YAML-03": Builtin("alias", N_("Aliases are not allowed")),
    "YAML-04": Builtin("merge-key", N_("Merge keys are not allowed")),
    "YAML-05": Builtin("non-text-key", N_("Keys must be text")),
    "YAML-06": Builtin("empty-file", N_("The file is empty")),
    "YAML-07": Builtin("several-documents", N_("A record is exactly one YAML document")),
    "YAML-08": Builtin("control-character", N_("Control characters are not allowed")),
    "YAML-09": Builtin("root-not-mapping", N_("A record is a mapping of fields")),
    "YAML-10": Builtin("too-deep", N_("The data is nested too deeply")),
    "YAML-11": Builtin("bad-number", N_("A number that cannot be used")),
    "YAML-12": Builtin("tag", N_("Tags are not allowed")),
    "YAML-13": Builtin("too-many-values", N_("More values than a record can hold")),
    "SCHEMA-01": Builtin("unknown-field", N_("Unknown field")),
    "SCHEMA-02": Builtin("missing-field", N_("A required field is missing")),
    "SCHEMA-03": Builtin("value-not-allowed", N_("A value that is not allowed here")),
    "SCHEMA-04": Builtin("not-a-date", N_("Not a date written YYYY-MM-DD")),
    "SCHEMA-05": Builtin("wrong-type", N_("A value of the wrong type")),
    "SCHEMA-06": Builtin("too-many-problems", N_("More problems than are shown")),
    "REF-01": Builtin("unresolved-reference", N_("A reference that does not resolve")),
    "REF-02": Builtin("duplicate-id", N_("An id defined twice in a record")),
    "REF-03": Builtin("duplicate-partnership-id", N_("A partnership id used by two records")),
    "META-01": Builtin("unused-suppression", N_("A suppression that matches no finding")),
}


class CodeInfo(NamedTuple):
    code: str
    name: str
    title: str
    explanation: str
    criterion: str | None
    default_severity: str


def code_info(code: str) -> CodeInfo:
    """Name, title and explanation (untranslated message ids) of any finding code."""
    from partnerkit.rules import get

    rule = get(code)
    if rule is not None:
        return CodeInfo(
            code, rule.name, rule.title, rule.explanation, rule.criterion, rule.severity.label
        )
    builtin = BUILTIN.get(code)
    if builtin is not None:
        severity = "warning" if code in ("FILE-02", "META-01") else "error"
        explanation = N_(
            "A built-in check of the record format, always on; the finding's message says what "
            "is wrong and what to do."
        )
        return CodeInfo(code, builtin.name, builtin.title, explanation, None, severity)
    return CodeInfo(code, code.lower(), code, code, None, "error")
