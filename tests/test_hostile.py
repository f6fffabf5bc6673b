"""Hostile input: every bad file gets a clear finding, in bounded time and memory, with no
traceback and no side effect; record text is never interpreted by any output."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import AS_OF, BASE

LIMIT_SECONDS = 20
LIMIT_BYTES = 1024 * 1024 * 1024


def _alias_bomb() -> bytes:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 20):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return ("\n".join(lines) + "\n").encode()


CASES: dict[str, tuple[bytes, str]] = {
    "alias-bomb": (_alias_bomb(), "YAML-03"),
    "recursive-alias": (b"a: &a [1, *a]\n", "YAML-03"),
    # too many values (YAML-13), or too deep (YAML-10) where libyaml's parser limits nesting
    "deep-sequences": (b"[" * 100_000 + b"]" * 100_000, ("YAML-13", "YAML-10")),
    "deep-mappings": (b"{a: " * 50_000 + b"1" + b"}" * 50_000, ("YAML-13", "YAML-10")),
    "deep-block": (
        "".join(" " * i + f"k{i}:\n" for i in range(2000)).encode() + b" " * 2000 + b"v: 1\n",
        "YAML-10",
    ),
    "long-line": (b"id: " + b"x" * 2_000_000 + b"\n", "SCHEMA-"),
    "many-keys": ("".join(f"k{i}: {i}\n" for i in range(60_000)).encode(), "YAML-13"),
    "many-items": (b"schema_version: '1'\nid: a\npeople:\n" + b"  - x\n" * 100_000, "YAML-13"),
    "python-tag": (
        b"id: !!python/object/apply:os.system ['touch /tmp/partnerkit-pwned']\n",
        "YAML-12",
    ),
    "custom-tag": (b"id: !secret x\n", "YAML-12"),
    "utf16": ("schema_version: '1'\n".encode("utf-16"), "FILE-04"),
    "latin1": ("title: Göteborg\n".encode("latin-1"), "FILE-04"),
    "nul-byte": (b"id: a\x00b\n", "YAML-08"),
    "binary": (bytes(range(256)) * 4, "FILE-04"),
    "yes-no": (
        BASE.replace("publication_freedom: true", "publication_freedom: yes").encode(),
        "SCHEMA-05",
    ),
    "sexagesimal": (BASE.replace("amount: 0.3", "amount: 1:20").encode(), "SCHEMA-05"),
    "leading-zero": (BASE.replace("amount: 0.3", "amount: 0777").encode(), "SCHEMA-05"),
    "impossible-date": (BASE.replace("2023-02-15", "2023-02-30").encode(), "SCHEMA-04"),
    "timestamp": (
        BASE.replace("signed_date: 2023-02-15", "signed_date: 2023-02-15 10:00:00").encode(),
        "SCHEMA-04",
    ),
    "nan": (BASE.replace("amount: 0.3", "amount: .nan").encode(), "SCHEMA-03"),
    "infinity": (BASE.replace("amount: 0.3", "amount: -.inf").encode(), "SCHEMA-03"),
    "non-string-keys": (b"1: a\ntrue: b\nnull: c\n", "YAML-05"),
    "list-root": (b"- a\n- b\n", "YAML-09"),
    "scalar-root": (b"hello\n", "YAML-09"),
    "several-documents": (b"a: 1\n---\nb: 2\n", "YAML-07"),
    "empty": (b"", "YAML-06"),
    "only-comments": (b"# nothing\n# here\n", "YAML-06"),
    "tabs": (b"a:\n\tb: 1\n", "YAML-01"),
    "unclosed-quote": (b'a: "never closed\nb: 1\n', "YAML-01"),
    "bidi-id": (
        BASE.replace("id: base-nordverk", 'id: "base\u202enordverk"').encode(),
        "SCHEMA-03",
    ),
}


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))


def run_check(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PARTNERKIT_LANG": "en", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "partnerkit", "check", "--as-of", AS_OF, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=LIMIT_SECONDS,
        preexec_fn=_limits,
        env=env,
    )


@pytest.mark.parametrize("name", list(CASES))
def test_each_hostile_file_is_a_clear_finding(name, tmp_path):
    data, code = CASES[name]
    (tmp_path / f"{name}.yaml").write_bytes(data)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = run_check("--format", "concise", f"{name}.yaml", cwd=tmp_path)
    assert result.returncode == 1, result.stdout[-2000:] + result.stderr[-2000:]
    assert "Traceback" not in result.stdout + result.stderr
    assert f"{name}.yaml:" in result.stdout
    assert any(c in result.stdout for c in ((code,) if isinstance(code, str) else code))
    assert sorted(p.name for p in tmp_path.iterdir()) == before, "no side effect"
    assert not Path("/tmp/partnerkit-pwned").exists()


def test_file_larger_than_the_limit_is_refused(tmp_path):
    (tmp_path / "partnerkit.toml").write_text("[limits]\nmax_file_bytes = 1000000\n")
    (tmp_path / "huge.yaml").write_bytes(b"a: 1\n" * 500_000)
    result = run_check("--format", "concise", "huge.yaml", cwd=tmp_path)
    assert result.returncode == 1 and "FILE-03" in result.stdout and "huge.yaml" in result.stdout


def test_file_system_oddities(tmp_path):
    folder = tmp_path / "partnerships"
    folder.mkdir()
    (folder / "good.yaml").write_text(BASE, encoding="utf-8")
    (folder / "folder.yaml").mkdir()
    os.mkfifo(folder / "fifo.yaml")
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    (folder / "dangling.yaml").symlink_to(folder / "missing.yaml")
    (folder / "dirloop").symlink_to(folder)
    result = run_check("--format", "concise", cwd=tmp_path)
    out = result.stdout
    assert result.returncode == 1
    assert "fifo.yaml" in out and "FILE-02" in out
    assert "loop.yaml" in out and "dangling.yaml" in out and "FILE-01" in out
    assert "folder.yaml:" not in out


def test_a_link_to_a_device_outside_the_records_folder_is_refused(tmp_path):
    device = tmp_path / "null.yaml"
    device.symlink_to("/dev/null")
    result = run_check("--format", "concise", str(device), cwd=tmp_path)
    assert "FILE-05" in result.stdout and result.returncode == 1


def test_a_fifo_named_like_a_record_is_skipped(tmp_path):
    os.mkfifo(tmp_path / "pipe.yaml")
    result = run_check("--format", "concise", str(tmp_path / "pipe.yaml"), cwd=tmp_path)
    assert "FILE-02" in result.stdout and result.returncode == 0


HOSTILE_TEXT = (
    "[bold red]BOLD[/bold red] [link=https://evil.example]x[/link] \x1b[2J\x1b]8;;https://evil.example\x07"
    "click\x1b]8;;\x07 \x1b[1A ::error file=x::forged ::add-mask::secret %0A "
    '<script>alert(1)</script> =HYPERLINK("https://evil.example") \u202edlrow'
)


def _injected_record() -> str:
    record = BASE.replace("  - {person_id: p-vd, side: nv, role: vd, from: 2023-02-15}\n", "")
    return record.replace("name: Nordverk AB,", f"name: {json.dumps(HOSTILE_TEXT)},")


@pytest.fixture
def injected(tmp_path):
    (tmp_path / "partnerships").mkdir()
    (tmp_path / "partnerships" / "evil.yaml").write_text(_injected_record(), encoding="utf-8")
    return tmp_path


def _assert_inert(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text
    assert "\u202e" not in text


def test_terminal_output_is_inert(injected):
    env = {**os.environ, "FORCE_COLOR": "1", "TERM": "xterm-256color", "PARTNERKIT_LANG": "en"}
    result = subprocess.run(
        [sys.executable, "-m", "partnerkit", "check", "--as-of", AS_OF],
        cwd=injected,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 1
    shown = result.stdout.replace("\x1b[", "ESC[")  # Rich's own colour codes are fine …
    assert "[bold red]BOLD[/bold red]" in shown  # … markup in the record is shown as text
    assert "\x1b]8" not in result.stdout and "\x1b[2J" not in result.stdout
    assert "\u202e" not in result.stdout and "\\u202e" in result.stdout


@pytest.mark.parametrize("fmt", ["concise", "json", "github", "sarif", "junit"])
def test_machine_formats_are_inert(injected, fmt):
    result = run_check("--format", fmt, cwd=injected)
    assert result.returncode == 1
    _assert_inert(result.stdout)
    if fmt == "github":
        for line in result.stdout.splitlines():
            assert not line.startswith("::add-mask::")
            if "forged" in line:
                assert line.startswith("::error file=partnerships/evil.yaml,")


def test_followup_and_brief_outputs_are_inert(injected):
    for args in (
        ["followup", "--as-of", AS_OF, "--format", "markdown"],
        ["followup", "--as-of", AS_OF, "--format", "json"],
        ["followup", "--as-of", AS_OF],
        ["brief", "base-nordverk", "--body", "styrgrupp", "--as-of", AS_OF, "--format", "markdown"],
    ):
        result = subprocess.run(
            [sys.executable, "-m", "partnerkit", *args],
            cwd=injected,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        _assert_inert(result.stdout)
        if "markdown" in args:
            assert "<script>" not in result.stdout
