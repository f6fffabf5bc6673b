"""The JSON Schema of a record, derived from the models (never written by hand)."""

from __future__ import annotations

import json

from partnerkit.record.models import Partnership

SCHEMA_PATH = "schema/partnership.schema.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def record_schema() -> dict:
    schema = Partnership.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": DIALECT, "title": "partnerkit partnership record", **schema}


def schema_text() -> str:
    return json.dumps(record_schema(), ensure_ascii=False, indent=2) + "\n"
