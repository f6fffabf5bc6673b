"""The record model's compiled validator, kept between runs.

Pydantic generates a model's validator the first time it validates. For the ~50 record models
that takes longer than validating a record, and it is paid by every run, so a commit hook that
checks one file pays it every time. The core schema Pydantic generates is plain data that refers
only to the record models and the date parser, so it is kept in the user's cache folder
(``$PARTNERKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/partnerkit``, else ``~/.cache/partnerkit``)
and the next run builds the validator from it directly.

The file name is a hash of everything the schema depends on: the model and vocabulary source,
and the versions of partnerkit, Pydantic, pydantic-core and Python. A cache that is missing,
stale, unreadable or unwritable only means the schema is generated as before; one that names
anything other than the record models is refused (it is read with a restricted unpickler).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import sys
from pathlib import Path
from typing import Any

import pydantic
import pydantic_core
from pydantic_core import SchemaValidator

from partnerkit import __version__
from partnerkit.record import models, vocab

_validator: SchemaValidator | None = None


def record_validator() -> SchemaValidator:
    """The validator of :class:`partnerkit.record.models.Partnership`: its ``validate_python``
    returns a ``Partnership`` or raises ``pydantic.ValidationError``."""
    global _validator
    if _validator is None:
        path = cache_file()
        _validator = (_cached(path) if path else None) or _generated(path)
    return _validator


def generated_schema() -> Any:
    """The core schema Pydantic generates for the record, without the JSON Schema hooks
    (``metadata``), which the validator does not use."""
    models.Partnership.model_rebuild()
    return _without_metadata(models.Partnership.__pydantic_core_schema__)


def cache_file() -> Path | None:
    """Where the schema is kept; None when there is no cache folder or the model source
    cannot be read to name it (an installation without ``.py`` files)."""
    folder = _cache_folder()
    if folder is None:
        return None
    try:
        return folder / f"record-schema-{_fingerprint()}.pickle"
    except OSError:
        return None


def _cache_folder() -> Path | None:
    chosen = os.environ.get("PARTNERKIT_CACHE_DIR")
    if chosen:
        return Path(chosen)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "partnerkit"
    try:
        return Path.home() / ".cache" / "partnerkit"
    except RuntimeError:  # no home folder
        return None


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for module in (models, vocab):
        digest.update(module.__name__.encode())  # pickles name classes by module
        digest.update(Path(module.__file__).read_bytes())
    versions = (__version__, pydantic.VERSION, pydantic_core.__version__, sys.version)
    digest.update(repr(versions).encode())
    return digest.hexdigest()[:24]


def _without_metadata(node: Any) -> Any:
    if isinstance(node, dict):
        is_schema = isinstance(node.get("type"), str)  # not a mapping of field names
        return {
            key: _without_metadata(value)
            for key, value in node.items()
            if not (is_schema and key == "metadata")
        }
    if isinstance(node, list):
        return [_without_metadata(item) for item in node]
    return node


class _RecordSchemaUnpickler(pickle.Unpickler):
    """Resolves only classes and functions defined in :mod:`partnerkit.record.models`."""

    def find_class(self, module: str, name: str) -> Any:
        found = getattr(models, name, None) if module == models.__name__ else None
        if found is None or getattr(found, "__module__", None) != models.__name__:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of the record schema")
        return found


def _cached(path: Path) -> SchemaValidator | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        schema = _RecordSchemaUnpickler(io.BytesIO(data)).load()
        return SchemaValidator(schema) if _is_record_schema(schema) else None
    except Exception:  # damaged or foreign: unpickling and pydantic-core raise many kinds
        return None


def _is_record_schema(schema: Any) -> bool:
    root = schema.get("schema") if schema.get("type") == "definitions" else schema
    return root.get("type") == "model" and root.get("cls") is models.Partnership


def _generated(path: Path | None) -> SchemaValidator:
    schema = generated_schema()
    validator = SchemaValidator(schema)
    if path is not None:
        _write(path, schema)
    return validator


def _write(path: Path, schema: Any) -> None:
    """Keep ``schema`` at ``path`` and drop the files of earlier versions; never fails (a
    schema that cannot be pickled is caught by the tests, not by a user's run)."""
    from partnerkit.errors import UsageError
    from partnerkit.files.writer import write_bytes_atomically

    with contextlib.suppress(OSError, UsageError, pickle.PicklingError, AttributeError, TypeError):
        data = pickle.dumps(schema, pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(path, data)
        for old in path.parent.glob("record-schema-*.pickle"):
            if old != path:
                old.unlink()
