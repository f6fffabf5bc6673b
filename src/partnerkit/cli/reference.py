"""The command reference of docs/commands.md, generated from the command line's own declarations,
so that every command, argument and option is documented and none is documented twice."""

from __future__ import annotations

from typing import Any


def command_reference() -> str:
    import typer.main

    from partnerkit.cli.app import app

    group = typer.main.get_command(app)
    sections = []
    for name, command in group.commands.items():
        inner = getattr(command, "commands", None)  # a subgroup: partnerkit plan new
        if inner:
            sections += [_command(f"{name} {sub}", c) for sub, c in inner.items()]
        else:
            sections.append(_command(name, command))
    return "\n\n".join(sections)


def _command(name: str, command: Any) -> str:
    arguments = [p for p in command.params if p.param_type_name == "argument"]
    usage = " ".join(["partnerkit", name, *(_argument_usage(p) for p in arguments)])
    summary = (command.help or "").strip().split("\n\n")[0].replace("\n", " ")
    rows = [(_argument_usage(p), p.help) for p in arguments]
    rows += [(_option_names(p), p.help) for p in command.params if p.param_type_name == "option"]
    lines = [f"#### `{usage}`", "", summary, "", "| | |", "|---|---|"]
    lines += [f"| `{names}` | {_cell(text)} |" for names, text in rows]
    return "\n".join(lines)


def _argument_usage(param: Any) -> str:
    name = param.name.upper()
    if param.nargs == -1:
        return f"[{name}...]"
    return name if param.required else f"[{name}]"


def _option_names(param: Any) -> str:
    names = ", ".join([*param.opts, *param.secondary_opts])
    if param.is_flag:
        return names
    value = max(param.opts, key=len).lstrip("-").upper()  # --as-of AS-OF, --date DATE
    return f"{names} {value}"


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")
