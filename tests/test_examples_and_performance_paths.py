"""The example records' findings are pinned for a fixed date; the fast paths (libyaml,
several processes) give exactly the findings of the slow ones; the benchmark generator
writes valid records."""

from __future__ import annotations

import importlib.util
import os
from datetime import date
from pathlib import Path

import pytest

from partnerkit.config import Config
from partnerkit.load import strict_yaml as loader
from partnerkit.load.pipeline import check_paths, check_text
from partnerkit.rules.base import Context
from partnerkit.values import replace
from tests.conftest import AS_OF, EXAMPLES, ROOT

SNAPSHOT = ROOT / "tests" / "snapshots" / "examples.txt"
TODAY = date.fromisoformat(AS_OF)
STRUCTURAL = ("FILE-", "YAML-", "SCHEMA-", "REF-")


def test_example_findings_are_pinned(cli):
    result = cli("check", "--as-of", AS_OF, "--format", "concise", "--lang", "en", cwd=ROOT)
    assert result.exit_code == 0, "the examples show warnings only"
    if os.environ.get("PARTNERKIT_UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == SNAPSHOT.read_text(encoding="utf-8"), (
        "example findings changed; if intended, rerun with PARTNERKIT_UPDATE_SNAPSHOTS=1"
    )


def test_examples_show_some_realistic_warnings():
    text = SNAPSHOT.read_text(encoding="utf-8")
    assert "[warning]" in text and "[error]" not in text
    assert not any(code in text for code in STRUCTURAL)


def _findings(text: str, monkeypatch: pytest.MonkeyPatch, use_libyaml: bool) -> list:
    original = loader.parse_yaml
    monkeypatch.setattr(
        "partnerkit.load.pipeline.parse_yaml",
        lambda t, **limits: original(t, use_libyaml=use_libyaml, **limits),
    )
    report = check_text(text, "r.yaml", Config(), Context(TODAY))
    return [(f.code, f.severity, f.message, f.position, f.path) for f in report.findings]


HOSTILE = [
    "a: 1\na: 2\nb: &x [1]\nc: *x\n<<: {d: 1}\n? [k]\n: v\nflag: NO\nt: 1:20\n",
    "x: !!python/object/apply:os.system ['id']\n",
    "[" * 3000 + "]" * 3000,
    "a:\n\tb: 1\n",
    'a: "open\n',
    "- a\n- b\n",
    "a: 1\n---\nb: 2\n",
    "id: x\nschema_version: '1'\nparties: {a: 1}\nlifecycle: [1]\ntitle: .nan\n",
]


@pytest.mark.skipif(not loader.HAVE_LIBYAML, reason="libyaml is not installed")
@pytest.mark.parametrize(
    "text",
    [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.yaml"))] + HOSTILE,
    ids=[p.name for p in sorted(EXAMPLES.glob("*.yaml"))]
    + [f"hostile-{i}" for i in range(len(HOSTILE))],
)
def test_libyaml_and_pure_python_give_identical_findings(text, monkeypatch):
    fast = _findings(text, monkeypatch, True)
    pure = _findings(text, monkeypatch, False)
    assert fast == pure


def _load_generator():
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generator_writes_valid_deterministic_records(tmp_path):
    generate = _load_generator().generate
    first = generate(60, tmp_path / "a", seed=3)
    second = generate(60, tmp_path / "b", seed=3)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    result = check_paths([tmp_path / "a"], Config(), tmp_path, TODAY)
    structural = [f for f in result.findings if f.code.startswith(STRUCTURAL)]
    assert structural == []
    assert len(result.files) == 60 and all(r.record_id for r in result.files)


def test_parallel_and_serial_checks_agree(tmp_path, monkeypatch):
    generate = _load_generator().generate
    generate(60, tmp_path / "p", seed=5)
    (tmp_path / "p" / "bad.yaml").write_text("id: bench-00001\nnope: 1\n", encoding="utf-8")
    monkeypatch.setenv("PARTNERKIT_JOBS", "1")
    serial = check_paths([tmp_path / "p"], Config(), tmp_path, TODAY)
    monkeypatch.setenv("PARTNERKIT_JOBS", "2")
    parallel = check_paths([tmp_path / "p"], Config(), tmp_path, TODAY)
    assert serial.findings == parallel.findings
    assert [r.file for r in serial.files] == [r.file for r in parallel.files]
    assert any(f.code == "REF-03" for f in parallel.findings)


def test_memory_stays_flat_records_are_not_kept(tmp_path):
    generate = _load_generator().generate
    generate(5, tmp_path / "p")
    result = check_paths([tmp_path / "p"], Config(), tmp_path, TODAY)
    assert all(report.record is None for report in result.files)
    kept = check_paths([tmp_path / "p"], replace(Config()), tmp_path, TODAY, keep_records=True)
    assert all(report.record is not None for report in kept.files)
    assert Path(kept.files[0].file).name == "bench-00000.yaml"
