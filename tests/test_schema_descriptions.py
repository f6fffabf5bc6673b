"""Help in the editor: the JSON Schema explains every field in Swedish and English, accepts
exactly what partnerkit accepts, and the records' modelines lead to it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from partnerkit.config import Config
from partnerkit.load.pipeline import parse_record
from partnerkit.record.descriptions import FIELDS, VALUES
from partnerkit.record.format_reference import _models_in_order
from partnerkit.record.json_schema import enum_nodes, record_schema, value_label
from partnerkit.record.models import Partnership
from tests.conftest import AS_OF, BASE, ROOT
from tests.test_edit_commands import NEW_ARGS

MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.MULTILINE)
ANNOTATIONS = {"title", "description", "markdownDescription", "enumDescriptions"}
SCHEMA = "schema/partnership.schema.json"
FIXTURES = sorted((ROOT / "tests" / "rules").glob("*/*.yaml"))
EXAMPLES = sorted((ROOT / "partnerships").glob("*.yaml"))


@pytest.fixture(scope="module")
def schemas() -> dict[str, dict]:
    return {lang: record_schema(lang) for lang in ("sv", "en")}


def _models(schema: dict) -> dict[str, dict]:
    return {"Partnership": schema, **schema["$defs"]}


def _properties(schema: dict):
    for model, node in _models(schema).items():
        for key, prop in node.get("properties", {}).items():
            yield f"{model}.{key}", prop


def test_every_field_of_every_model_has_a_description_and_no_stale_one():
    fields = {
        f"{model.__name__}.{info.alias or name}"
        for model in _models_in_order(Partnership)
        for name, info in model.model_fields.items()
    }
    assert sorted(fields - FIELDS.keys()) == [], "fields without a description"
    assert sorted(FIELDS.keys() - fields) == [], "descriptions of fields that do not exist"
    assert set(VALUES) <= fields


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_property_in_the_schema_is_described_in_both_languages(schemas, lang):
    properties = dict(_properties(schemas[lang]))
    assert len(properties) == len(FIELDS)
    for field, prop in properties.items():
        assert prop.get("description", "").strip(), field
        assert prop.get("markdownDescription", "").strip(), field
        assert "title" not in prop, field  # Pydantic's English title would show on hover


def test_swedish_descriptions_are_translated(schemas):
    english = dict(_properties(schemas["en"]))
    for field, prop in _properties(schemas["sv"]):
        assert prop["description"] != english[field]["description"], field
    assert schemas["sv"]["description"] != schemas["en"]["description"]


def test_fixed_values_are_listed_with_their_labels(schemas):
    sector = schemas["sv"]["$defs"]["Party"]["properties"]["sector"]
    assert sector["enumDescriptions"][0] == "näringsliv"
    assert "- `naringsliv`: näringsliv" in sector["markdownDescription"]
    assert "naringsliv (näringsliv)" in sector["description"]
    assert sector["description"].endswith("ideburen_sektor (idéburen sektor), akademi.")
    assert sector["markdownDescription"].endswith("\n- `akademi`")
    unit = schemas["sv"]["$defs"]["Resource"]["properties"]["unit"]
    assert "SEK_per_year (kronor per år)" in unit["description"]
    status = schemas["en"]["$defs"]["Activity"]["properties"]["status"]
    assert "Allowed values: planned, ongoing, completed, cancelled." in status["description"]
    for lang, schema in schemas.items():
        for field, prop in _properties(schema):
            for node in enum_nodes(prop):
                values = tuple(node["enum"])
                assert len(node["enumDescriptions"]) == len(values), field
                for value in values:
                    assert value_label(field, values, value, lang, str), (lang, field, value)


def _without_annotations(node):
    if isinstance(node, dict):
        return {k: _without_annotations(v) for k, v in node.items() if k not in ANNOTATIONS}
    if isinstance(node, list):
        return [_without_annotations(item) for item in node]
    return node


def test_descriptions_change_nothing_the_schema_accepts(schemas):
    plain = Partnership.model_json_schema(by_alias=True, mode="validation")
    expected = _without_annotations(plain)
    for schema in schemas.values():
        body = {k: v for k, v in schema.items() if k != "$schema"}
        assert _without_annotations(body) == expected


def test_the_committed_schema_is_the_english_one(cli):
    committed = (ROOT / "schema" / "partnership.schema.json").read_text(encoding="utf-8")
    assert cli("schema", "--lang", "en").stdout == committed, (
        "run: partnerkit schema --lang en -o schema/partnership.schema.json"
    )


def test_schema_check_accepts_either_language_and_refuses_a_stale_one(cli, tmp_path):
    for lang in ("sv", "en"):
        path = tmp_path / f"{lang}.json"
        assert cli("schema", "--lang", lang, "-o", str(path)).exit_code == 0
        assert path.read_text(encoding="utf-8") == cli("schema", "--lang", lang).stdout
        for shown in ("sv", "en"):
            assert cli("schema", "--lang", shown, "--check", str(path)).exit_code == 0
        stale = tmp_path / f"stale-{lang}.json"
        text = path.read_text(encoding="utf-8")
        stale.write_text(text.replace('"minItems": 2', '"minItems": 1'), encoding="utf-8")
        result = cli("schema", "--lang", lang, "--check", str(stale))
        assert result.exit_code == 1 and f"{stale} " in result.stderr
    assert '"description": "Partens sektor.' in (tmp_path / "sv.json").read_text(encoding="utf-8")


def _schema_valid_for_partnerkit(path: Path) -> bool:
    parsed = parse_record(path.read_text(encoding="utf-8"), path.name, Config().limits)
    return not any(f.code.startswith(("SCHEMA-", "YAML-")) for f in parsed.findings)


def test_check_jsonschema_with_the_swedish_schema_agrees_with_partnerkit(cli, tmp_path):
    schema = tmp_path / "partnership.schema.json"
    assert cli("schema", "--lang", "sv", "-o", str(schema)).exit_code == 0
    broken = {
        "unknown.yaml": BASE.replace("title:\n", "titel: x\ntitle:\n"),
        "type.yaml": BASE.replace("amount: 0.3", "amount: many"),
        "enum.yaml": BASE.replace("phase: drift", "phase: driftt"),
        "missing.yaml": BASE.replace("schema_version:", "schemaversion:"),
    }
    for name, text in broken.items():
        assert text != BASE, name
        (tmp_path / name).write_text(text, encoding="utf-8")
    files = [*EXAMPLES, *FIXTURES, *(tmp_path / name for name in broken)]
    run = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "-o", "json", "--schemafile", str(schema)]
        + [str(f) for f in files],
        capture_output=True,
        text=True,
    )
    report = json.loads(run.stdout)
    assert not report.get("parse_errors"), report
    rejected = {Path(error["filename"]).resolve() for error in report["errors"]}
    partnerkit_rejects = {f.resolve() for f in files if not _schema_valid_for_partnerkit(f)}
    assert rejected == partnerkit_rejects
    assert {p.name for p in rejected} >= set(broken)


def _modeline_target(record: Path) -> Path:
    found = MODELINE.search(record.read_text(encoding="utf-8"))
    assert found, f"{record} has no yaml-language-server modeline"
    return (record.parent / found.group(1)).resolve()


def _is_the_record_schema(path: Path) -> bool:
    schema = json.loads(path.read_text(encoding="utf-8"))
    plain = Partnership.model_json_schema(by_alias=True, mode="validation")
    body = {k: v for k, v in schema.items() if k != "$schema"}
    return _without_annotations(body) == _without_annotations(plain)


def test_the_examples_modelines_lead_to_the_schema():
    for record in EXAMPLES:
        target = _modeline_target(record)
        assert target == (ROOT / "schema" / "partnership.schema.json").resolve()
        assert _is_the_record_schema(target)


def test_the_installed_examples_modelines_lead_to_the_installed_schema():
    import posixpath
    import tomllib

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    included = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    installed = {f"{target}/{SCHEMA.split('/', 1)[1]}" for target in included.values()}
    for record in EXAMPLES:
        reference = MODELINE.search(record.read_text(encoding="utf-8")).group(1)
        where = posixpath.normpath(posixpath.join(included["partnerships"], reference))
        assert where in installed, f"{record.name}: {where} is not in the wheel"


def _git_repo(path: Path) -> Path:
    subprocess.run(["git", "init", "-q", str(path)], check=True)
    return path


def test_new_in_a_repository_without_a_schema_writes_one_beside_the_records(cli, tmp_path):
    repo = _git_repo(tmp_path / "records-repo")
    (repo / "partnerships").mkdir()
    outside = tmp_path / "schema" / "partnership.schema.json"  # not in the repository
    outside.parent.mkdir()
    outside.write_text(cli("schema", "--lang", "en").stdout, encoding="utf-8")
    result = cli(*NEW_ARGS, "--lang", "sv", cwd=repo)
    assert result.exit_code == 0, result.output
    assert "Skapade schema/partnership.schema.json" in result.stdout
    record = repo / "partnerships" / "eu-test.yaml"
    target = _modeline_target(record)
    assert target == (repo / "schema" / "partnership.schema.json").resolve()
    assert _is_the_record_schema(target)
    assert "Partens sektor." in target.read_text(encoding="utf-8")  # in the user's language
    before = target.read_bytes()
    again = cli(*NEW_ARGS[:1], "eu-second", *NEW_ARGS[2:], cwd=repo)
    assert again.exit_code == 0 and "schema" not in again.stdout
    assert target.read_bytes() == before  # an existing schema is never replaced
    assert _modeline_target(repo / "partnerships" / "eu-second.yaml") == target


def test_new_points_at_the_repository_schema_from_a_folder_deeper_down(cli, tmp_path):
    repo = _git_repo(tmp_path / "repo")
    (repo / "schema").mkdir()
    schema = repo / "schema" / "partnership.schema.json"
    schema.write_text(cli("schema", "--lang", "en").stdout, encoding="utf-8")
    folder = repo / "avdelning" / "partnerskap"
    folder.mkdir(parents=True)
    result = cli(*NEW_ARGS, "--folder", str(folder), cwd=repo)
    assert result.exit_code == 0, result.output
    text = (folder / "eu-test.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/partnership.schema.json\n")
    assert _modeline_target(folder / "eu-test.yaml") == schema.resolve()
    assert not (repo / "avdelning" / "schema").exists()


def test_new_outside_a_repository_keeps_the_schema_beside_the_records_folder(cli, tmp_path):
    home = tmp_path / "samverkan"
    home.mkdir()
    result = cli(*NEW_ARGS, cwd=home)
    assert result.exit_code == 0, result.output
    target = _modeline_target(home / "partnerships" / "eu-test.yaml")
    assert target == (home / "schema" / "partnership.schema.json").resolve()
    assert _is_the_record_schema(target)


def test_new_with_the_records_at_the_repository_root_keeps_the_schema_inside(cli, tmp_path):
    repo = _git_repo(tmp_path / "repo")
    result = cli(*NEW_ARGS, "--folder", ".", cwd=repo)
    assert result.exit_code == 0, result.output
    assert _modeline_target(repo / "eu-test.yaml") == (repo / SCHEMA).resolve()
    assert not (tmp_path / "schema").exists()


def test_new_dry_run_writes_no_schema(cli, tmp_path):
    result = cli(*NEW_ARGS, "--dry-run", cwd=tmp_path)
    assert result.exit_code == 0 and "$schema=../schema/partnership.schema.json" in result.stdout
    assert not (tmp_path / "schema").exists()


def test_check_does_not_build_the_described_schema():
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from partnerkit.cli.app import app\n"
        f"CliRunner().invoke(app, ['check', {str(ROOT / 'partnerships')!r}, '--as-of', "
        f"{AS_OF!r}])\n"
        "loaded = [m for m in sys.modules if m.startswith('partnerkit.record.')]\n"
        "print(' '.join(sorted(loaded)))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    loaded = run.stdout.split()
    assert "partnerkit.record.models" in loaded
    assert "partnerkit.record.json_schema" not in loaded
    assert "partnerkit.record.descriptions" not in loaded


def test_the_format_reference_explains_fields_with_the_same_texts():
    from partnerkit.record.format_reference import format_reference

    reference = format_reference()
    assert (
        f"| `sector` | `sector` (see vocabularies) | **required** | {FIELDS['Party.sector']} |"
        in (reference)
    )
    assert "`by_decision`: renewed by decision" in reference
    for field, text in FIELDS.items():
        assert text.replace("|", "\\|") in reference, field
