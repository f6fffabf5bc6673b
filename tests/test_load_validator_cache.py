"""The compiled record validator kept between runs: it validates exactly as the model does,
is reused by the next process, and a damaged, foreign or unwritable cache changes nothing
but speed."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from partnerkit.load import validator_cache as cache
from partnerkit.load.strict_yaml import parse_yaml
from partnerkit.record.models import Partnership
from tests.conftest import BASE, EXAMPLES, MINIMAL, ROOT

RULE_FIXTURES = sorted((ROOT / "tests" / "rules").glob("*/*.yaml"))
BROKEN = [
    MINIMAL.replace("phase: drift", "phase: drfit"),
    MINIMAL.replace("phase_since: 2024-01-01", "phase_since: 2024-02-30"),
    MINIMAL.replace("id: uni-nordverk", "id: Uni Nordverk\nextra_key: 1"),
    MINIMAL.replace("  - id: nv\n    name: Nordverk AB\n", "  - id: nv\n"),
    "schema_version: '1'\nid: x\nparties: {a: 1}\nlifecycle: [1]\ntitle: .nan\n",
    BASE.replace("cadence: {per_year: 4}", "cadence: {per_year: 60}"),
]


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """No validator in this process yet, and an empty cache folder."""
    monkeypatch.setattr(cache, "_validator", None)
    monkeypatch.setenv("PARTNERKIT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _outcome(validate, data):
    try:
        return "valid", validate(data).model_dump()
    except ValidationError as exc:
        return "invalid", exc.errors(include_url=False)


@pytest.mark.parametrize(
    "text",
    [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.yaml"))]
    + [p.read_text(encoding="utf-8") for p in RULE_FIXTURES]
    + BROKEN,
)
def test_cached_validator_gives_what_the_model_gives(text, fresh):
    data = parse_yaml(text).data
    cache.record_validator()  # generates and writes
    cache._validator = None
    from_cache = cache.record_validator()
    assert cache._cached(cache.cache_file()) is not None
    expected = _outcome(Partnership.model_validate, data)
    assert _outcome(from_cache.validate_python, data) == expected
    if expected[0] == "valid":
        assert type(from_cache.validate_python(data)) is Partnership


def test_broken_records_are_really_broken():
    for text in BROKEN:
        with pytest.raises(ValidationError):
            Partnership.model_validate(parse_yaml(text).data)


def _python(code: str, cache_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PARTNERKIT_CACHE_DIR": str(cache_dir)}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)


BUILT_BY_PYDANTIC = (
    "from partnerkit.load.validator_cache import record_validator\n"
    "from partnerkit.record.models import Partnership\n"
    "record_validator()\n"
    "print(Partnership.__pydantic_complete__)\n"
)


def test_next_process_uses_the_cache_instead_of_generating(tmp_path):
    first = _python(BUILT_BY_PYDANTIC, tmp_path)
    assert first.stdout.strip() == "True", first.stderr  # generated: the model was built
    assert len(list(tmp_path.glob("record-schema-*.pickle"))) == 1
    second = _python(BUILT_BY_PYDANTIC, tmp_path)
    assert second.stdout.strip() == "False", second.stderr  # read from the cache


def test_cache_names_only_record_models():
    names = set()

    class Spy(pickle.Unpickler):
        def find_class(self, module, name):
            names.add(module)
            return super().find_class(module, name)

    import io

    Spy(io.BytesIO(pickle.dumps(cache.generated_schema()))).load()
    assert names == {"partnerkit.record.models"}


class _Evil:
    def __reduce__(self):
        return (os.system, ("touch pwned",))


@pytest.mark.parametrize(
    "content",
    [
        pickle.dumps({"type": "any", "x": _Evil()}),
        pickle.dumps({"type": "str"}),  # valid schema, wrong shape for a record
        b"\x80\x05garbage",
        b"",
    ],
    ids=["foreign-code", "other-schema", "garbage", "empty"],
)
def test_damaged_or_foreign_cache_is_replaced(content, fresh, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    path = cache.cache_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    validator = cache.record_validator()
    assert not (tmp_path / "pwned").exists()
    assert isinstance(validator.validate_python(parse_yaml(MINIMAL).data), Partnership)
    cache._validator = None
    assert cache._cached(path) is not None  # rewritten with the real schema


def test_unwritable_cache_folder_still_validates(fresh, monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PARTNERKIT_CACHE_DIR", str(blocker / "cache"))
    record = cache.record_validator().validate_python(parse_yaml(MINIMAL).data)
    assert record.id == "uni-nordverk"


def test_files_of_earlier_versions_are_removed(fresh):
    fresh.mkdir()
    old = fresh / "record-schema-0123456789abcdef01234567.pickle"
    old.write_bytes(b"old")
    other = fresh / "notes.txt"
    other.write_text("kept")
    cache.record_validator()
    assert not old.exists()
    assert other.exists()
    assert cache.cache_file().exists()


def test_dev_null_as_cache_folder_keeps_nothing(fresh, monkeypatch):
    monkeypatch.setenv("PARTNERKIT_CACHE_DIR", os.devnull)
    record = cache.record_validator().validate_python(parse_yaml(MINIMAL).data)
    assert record.id == "uni-nordverk"
    assert not fresh.exists()


def test_schema_that_cannot_be_pickled_is_not_kept(fresh, monkeypatch):
    unpicklable = {"type": "function-plain", "function": {"type": "no-info", "function": str}}
    unpicklable["function"]["function"] = lambda value: f"seen {value}"
    monkeypatch.setattr(cache, "generated_schema", lambda: unpicklable)
    assert cache.record_validator().validate_python(1) == "seen 1"
    assert not fresh.exists() or not any(fresh.iterdir())


def test_unreadable_model_source_means_no_cache(fresh, monkeypatch, tmp_path):
    monkeypatch.setattr(cache.models, "__file__", str(tmp_path / "gone" / "models.py"))
    assert cache.cache_file() is None
    record = cache.record_validator().validate_python(parse_yaml(MINIMAL).data)
    assert record.id == "uni-nordverk"
