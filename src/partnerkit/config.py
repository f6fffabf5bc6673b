"""Settings for a records repository: ``partnerkit.toml`` at its root.

One object holds every tunable number, so a threshold has exactly one home.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from partnerkit.errors import UsageError
from partnerkit.i18n import _

CONFIG_NAME = "partnerkit.toml"


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 2 * 1024 * 1024


@dataclass(frozen=True)
class Config:
    university: str | None = None
    limits: Limits = field(default_factory=Limits)
    source: Path | None = None


def find_config(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_config(explicit: Path | None, cwd: Path) -> Config:
    """The configuration from ``explicit``, or the nearest ``partnerkit.toml``, or defaults."""
    path = explicit if explicit is not None else find_config(cwd)
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(
            _("The configuration file {path} does not exist.").format(path=path)
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(
            _("The configuration file {path} cannot be read: {reason}").format(
                path=path, reason=exc
            )
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(
            _("The configuration file {path} is not valid TOML: {reason}").format(
                path=path, reason=exc
            )
        ) from None
    return parse_config(data, path)


def parse_config(data: dict[str, Any], path: Path) -> Config:
    known = {"university", "limits"}
    _reject_unknown(data, known, "", path)
    university = data.get("university")
    if university is not None and not isinstance(university, str):
        raise _wrong_type(path, "university", _("text"))
    limits = _section(data.get("limits", {}), Limits, "limits", path)
    return Config(university=university, limits=limits, source=path)


def _section(data: Any, cls: type, name: str, path: Path) -> Any:
    if not isinstance(data, dict):
        raise _wrong_type(path, name, _("a table"))
    allowed = {f.name: f for f in fields(cls)}
    _reject_unknown(data, set(allowed), name + ".", path)
    for key, value in data.items():
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise _wrong_type(path, f"{name}.{key}", _("a positive whole number"))
    return cls(**data)


def _reject_unknown(data: dict, known: set[str], prefix: str, path: Path) -> None:
    for key in data:
        if key not in known:
            raise UsageError(
                _("Unknown key '{key}' in {path}. Known keys: {known}.").format(
                    key=prefix + key, path=path, known=", ".join(sorted(prefix + k for k in known))
                )
            )


def _wrong_type(path: Path, key: str, expected: str) -> UsageError:
    return UsageError(
        _("The key '{key}' in {path} must be {expected}.").format(
            key=key, path=path, expected=expected
        )
    )
