"""The coordinator's guides (docs/guide.sv.md, docs/guide.en.md) cannot drift from the tool:
every command in them is run here.

How a guide marks what is run:

- A fenced block whose info string starts with ``console`` is run. Each line that starts with
  ``$ partnerkit`` is a command (a line ending in `` \\`` continues on the next line). It must
  exit 0, or the code given in the info string: ```` ```console exit=1 ````. ``> FILE`` at
  the end writes the output to FILE, as a shell would.
- Every other non-empty line of the block is output that the command before it shows. Spaces
  and line breaks are compared loosely, and an ellipsis ``…`` standing alone (between spaces,
  or at the start or end of the line) stands for anything: the parts on either side must
  appear in that order; a line that is only ``…`` says that output was left out. Show short
  excerpts, and leave out with ``…`` what other work may change (numbers, labels, quotes), so
  that a changed wording fails one line here rather than a whole screen.
- Each block runs in a fresh folder holding a copy of the example records
  (``partnerships/``) and of ``schema/``, as in a records repository, with
  ``PARTNERKIT_LANG`` set to the guide's language. A comment just before the block,
  ``<!-- guide-test {"edit": FILE, "replace": OLD, "with": NEW} -->``, changes the copy first
  (OLD must occur exactly once): that is how a guide shows a mistake.
  ``<!-- guide-test {"write": FILE, "text": TEXT} -->`` writes a file first (the
  ``partnerkit.toml`` a guide has just shown).
- A command that has ``--as-of`` must be given one, so that the guide's dates hold forever.

When a command's output changes on purpose, the failure shows the whole real output: copy
the new excerpt into both guides.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

GUIDES = {"sv": ROOT / "docs" / "guide.sv.md", "en": ROOT / "docs" / "guide.en.md"}
FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```$", re.M | re.S)
EDIT = re.compile(r"<!--\s*guide-test\s+(\{.*\})\s*-->", re.S)


@dataclass
class Command:
    args: list[str]
    into: str | None = None  # ``> FILE``: the file that receives the output
    shown: list[str] = field(default_factory=list)


@dataclass
class Block:
    line: int
    exit_code: int
    commands: list[Command]
    edit: dict[str, str] | None


def blocks(text: str) -> list[Block]:
    found = []
    for match in FENCE.finditer(text):
        info, body = match.group(1).split(), match.group(2)
        if not info or info[0] != "console":
            continue
        options = dict(word.split("=", 1) for word in info[1:])
        before = text[: match.start()].rstrip()
        edit = EDIT.fullmatch(before[before.rfind("<!--") :]) if before.endswith("-->") else None
        found.append(
            Block(
                line=text.count("\n", 0, match.start()) + 1,
                exit_code=int(options.get("exit", "0")),
                commands=parse_commands(body),
                edit=json.loads(edit.group(1)) if edit else None,
            )
        )
    return found


def parse_commands(body: str) -> list[Command]:
    commands: list[Command] = []
    pending = ""
    for line in body.splitlines():
        if pending or line.startswith("$ "):
            pending += line.removeprefix("$ ")
            if pending.endswith("\\"):
                pending = pending[:-1]
                continue
            words = shlex.split(pending)
            assert words[0] == "partnerkit", f"only partnerkit commands are run: {pending}"
            into = None
            if ">" in words:
                words, (_, into) = words[: words.index(">")], words[words.index(">") :]
            commands.append(Command(words[1:], into))
            pending = ""
        elif line.strip():
            assert commands, f"output before any command: {line}"
            commands[-1].shown.append(line)
    assert commands, "a console block without a command"
    return commands


def loose(text: str) -> str:
    return " ".join(text.split())


ELLIPSIS = re.compile(r"(?:^| )…(?: |$)")


def shows(output: str, line: str) -> bool:
    position = 0
    for part in filter(None, ELLIPSIS.split(loose(line))):
        position = output.find(part, position)
        if position < 0:
            return False
        position += len(part)
    return True


CASES = [
    pytest.param(lang, block, id=f"{lang}-line{block.line}")
    for lang, path in GUIDES.items()
    for block in blocks(path.read_text(encoding="utf-8"))
]


@pytest.mark.parametrize(("lang", "block"), CASES)
def test_guide_block_runs_as_shown(lang: str, block: Block, cli, tmp_path: Path):
    shutil.copytree(EXAMPLES, tmp_path / "partnerships")
    shutil.copytree(ROOT / "schema", tmp_path / "schema")  # where the records' modeline leads
    if block.edit and "write" in block.edit:
        (tmp_path / block.edit["write"]).write_text(block.edit["text"], encoding="utf-8")
    elif block.edit:
        record = tmp_path / block.edit["edit"]
        text = record.read_text(encoding="utf-8")
        assert text.count(block.edit["replace"]) == 1, block.edit
        record.write_text(text.replace(block.edit["replace"], block.edit["with"]), "utf-8")
    for command in block.commands:
        run = cli(*command.args, cwd=tmp_path, env={"PARTNERKIT_LANG": lang})
        said = f"partnerkit {shlex.join(command.args)} said:\n{run.output}"
        assert run.exit_code == block.exit_code, said
        if command.into:
            (tmp_path / command.into).write_text(run.stdout, encoding="utf-8")
        output = loose(run.output)
        for line in command.shown:
            assert shows(output, line), f"not shown: {line!r}\n{said}"


def test_commands_with_a_date_are_given_one():
    import typer.main

    from partnerkit.cli.app import app

    known = typer.main.get_command(app).commands
    for lang, block in ((case.values[0], case.values[1]) for case in CASES):
        for command in block.commands:
            if command.args[0] in ("--version", "--help"):
                continue
            params = known[command.args[0]].params
            if any("--as-of" in param.opts for param in params):
                assert "--as-of" in command.args, (lang, block.line, command.args)


def test_every_partnerkit_command_in_a_guide_is_in_a_console_block():
    for path in GUIDES.values():
        for match in FENCE.finditer(path.read_text(encoding="utf-8")):
            if match.group(1).startswith("console"):
                continue
            for line in match.group(2).splitlines():
                assert not re.match(r"\$? ?partnerkit ", line), (path.name, line)


def test_the_twins_run_the_same_commands_in_the_same_order():
    sequence = {
        lang: [
            (block.exit_code, command.args[0])
            for block in blocks(path.read_text(encoding="utf-8"))
            for command in block.commands
        ]
        for lang, path in GUIDES.items()
    }
    assert sequence["sv"] == sequence["en"]
    assert len(sequence["sv"]) >= 25


def test_each_guide_links_to_its_twin():
    assert "(guide.en.md)" in GUIDES["sv"].read_text(encoding="utf-8")
    assert "(guide.sv.md)" in GUIDES["en"].read_text(encoding="utf-8")


def test_shown_lines_match_loosely_and_in_order():
    output = loose("a.yaml:3:7  fel  YAML-01  Kan inte läsa\n   3 |  x: y")
    assert shows(output, "fel YAML-01 … x: y")
    assert shows(output, "… YAML-01 …") and shows(output, "…")
    assert not shows(output, "fel YAML-01…x: y")  # an ellipsis inside a word is text
    assert not shows(output, "x: y … YAML-01")
    assert not shows(output, "YAML-02")


def test_the_guides_name_every_rule():
    from partnerkit.rules import all_rules

    for path in GUIDES.values():
        text = path.read_text(encoding="utf-8")
        missing = [code for code in all_rules() if f"`{code}`" not in text]
        assert not missing, f"{path.name} does not explain {missing}"
