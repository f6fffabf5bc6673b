"""The JSON Schema of a record, derived from the models (never written by hand).

Every property carries a ``description`` in the chosen language (from
:mod:`partnerkit.record.descriptions`); a property with fixed values also lists them with their
labels (``markdownDescription`` for editors that show Markdown) and names each value's label in
``enumDescriptions``, which the YAML language server shows when completing and hovering a value.
These are annotations: what the schema accepts is the same in every language.
"""

from __future__ import annotations

import gettext
import json
from collections.abc import Callable
from typing import Any

SCHEMA_PATH = "schema/partnership.schema.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
ROOT_MODEL = "Partnership"


def record_schema(lang: str | None = None) -> dict:
    """The schema with descriptions in ``lang`` (default: the current message language)."""
    from partnerkit.i18n import current_language
    from partnerkit.record import descriptions
    from partnerkit.record.models import Partnership

    translate = _translator(lang)
    language = lang or current_language()
    schema = Partnership.model_json_schema(by_alias=True, mode="validation")
    for name, model in schema.get("$defs", {}).items():
        _describe_model(name, model, translate, language)
    _describe_model(ROOT_MODEL, schema, translate, language)
    schema["description"] = translate(descriptions.ROOT)
    del schema["title"]
    return {"$schema": DIALECT, "title": translate(descriptions.TITLE), **schema}


def schema_text(lang: str | None = None) -> str:
    return json.dumps(record_schema(lang), ensure_ascii=False, indent=2) + "\n"


def is_current_schema(text: str) -> bool:
    """Whether ``text`` is the schema as this version writes it, in either language (the
    committed schema is English; a records repository's may be Swedish)."""
    from partnerkit.i18n import LANGUAGES

    return any(text == schema_text(lang) for lang in LANGUAGES)


def _translator(lang: str | None) -> Callable[[str], str]:
    from partnerkit import i18n

    if lang is None:
        return i18n._
    return gettext.translation(
        "partnerkit", localedir=i18n.LOCALE_DIR, languages=[lang], fallback=True
    ).gettext


def _describe_model(name: str, model: dict, translate: Callable[[str], str], lang: str) -> None:
    from partnerkit.record.descriptions import ALLOWED, FIELDS

    model.pop("description", None)  # the model's docstring: written for developers, in English
    for key, prop in model.get("properties", {}).items():
        field = f"{name}.{key}"
        prop.pop("title", None)  # only the key, title-cased, and in English
        text = FIELDS.get(field)
        if text is None:
            continue  # the completeness test names it
        text = translate(text)
        labelled = _value_labels(field, prop, lang, translate)
        if labelled:
            listed = ", ".join(
                value if label == value else f"{value} ({label})" for value, label in labelled
            )
            prop["description"] = f"{text} " + translate(ALLOWED).format(values=listed)
            prop["markdownDescription"] = "\n".join(
                [text, "", *(_markdown_item(value, label) for value, label in labelled)]
            )
        else:
            prop["description"] = text
            prop["markdownDescription"] = text


def _markdown_item(value: str, label: str) -> str:
    return f"- `{value}`" if label == value else f"- `{value}`: {label}"


def enum_nodes(node: Any) -> list[dict]:
    """The ``enum`` schemas inside one property's schema (not following ``$ref``)."""
    if not isinstance(node, dict):
        return []
    if "enum" in node:
        return [node]
    found: list[dict] = []
    for key in ("anyOf", "oneOf", "allOf"):
        for item in node.get(key, []):
            found.extend(enum_nodes(item))
    for key in ("items", "additionalProperties"):
        found.extend(enum_nodes(node.get(key)))
    return found


def value_label(
    field: str, values: tuple[str, ...], value: str, lang: str, translate: Callable[[str], str]
) -> str | None:
    """The label of ``value``, one of the fixed ``values`` of ``field``: from the vocabulary
    that holds those values, else from the descriptions' own table; None when neither has it."""
    from partnerkit.record.descriptions import VALUES
    from partnerkit.record.vocab import VOCABULARIES

    holding = [name for name, terms in VOCABULARIES.items() if set(values) <= set(terms)]
    if holding:
        term = VOCABULARIES[min(holding, key=lambda name: len(VOCABULARIES[name]))][value]
        return term.sv if lang == "sv" else term.en
    label = VALUES.get(field, {}).get(value)
    return translate(label) if label else None


def _value_labels(
    field: str, prop: dict, lang: str, translate: Callable[[str], str]
) -> list[tuple[str, str]]:
    labelled: list[tuple[str, str]] = []
    for node in enum_nodes(prop):
        values = tuple(node["enum"])
        labels = [value_label(field, values, value, lang, translate) or value for value in values]
        node["enumDescriptions"] = labels
        labelled.extend(zip(values, labels, strict=True))
    return labelled
