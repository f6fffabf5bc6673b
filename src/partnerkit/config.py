"""Settings for a records repository: ``partnerkit.toml`` at its root.

One object holds every tunable number, so a threshold has exactly one home.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from partnerkit.errors import UsageError
from partnerkit.files.discovery import nearest
from partnerkit.i18n import _
from partnerkit.values import Factory, field_names, valuetype

CONFIG_NAME = "partnerkit.toml"
MAX_CONFIG_BYTES = 1 << 20
LEVELS = ("error", "warning", "info", "off")  # what rules.severity may set a rule to


@valuetype
class Limits:
    max_file_bytes: int = 2 * 1024 * 1024
    max_values: int = 50_000  # YAML nodes in a record; the largest real ones have ~6,000
    max_list_items: int = 10_000  # items in any one list of a record


@valuetype
class Thresholds:
    """Every number a rule or the follow-up uses; each can be set under ``[thresholds]``."""

    min_agreement_years: float = 5
    min_period_years: float = 3
    renewal_warn_months: int = 12
    renewal_error_months: int = 6
    leadership_meeting_warn_days: int = 365
    leadership_meeting_error_days: int = 548
    sponsor_change_days: int = 180
    cadence_grace_factor: float = 1.25
    log_stale_warn_days: int = 90
    log_stale_error_days: int = 180
    brief_lead_days: int = 5
    minutes_lag_days: int = 14
    chore_horizon_days: int = 7  # briefs and minutes are follow-up actions this close
    indicator_grace_days_yearly: int = 60
    indicator_grace_days_quarterly: int = 30
    action_plan_grace_days: int = 60
    assessment_max_months: int = 12
    assessment_concern_threshold: float = 3.0
    benefit_gap_threshold: float = 1.0
    min_distinct_forms: int = 3
    min_form_groups: int = 2
    min_domains: int = 2
    activity_window_days: int = 365
    dormant_warn_days: int = 180
    dormant_error_days: int = 365
    contact_vacancy_error_days: int = 90
    coordinator_min_fte: float = 0.2
    resource_allocation_days: int = 365
    communication_days: int = 365
    evaluation_before_new_start_months: int = 12


@valuetype
class RuleSelection:
    """Which rules run and at what severity: codes or family prefixes (``LEAD``, ``GOAL-0``)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = Factory(dict)


SECURITY = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


@valuetype
class Mail:
    """``[mail]``: who signs the reminders and the SMTP server that sends them. The password
    is never in the file: ``password_env`` names the environment variable that holds it."""

    sender_name: str | None = None
    sender_address: str | None = None
    host: str | None = None
    port: int | None = None  # None: the usual port of ``security``
    security: str = "starttls"
    username: str | None = None
    password_env: str | None = None
    repeat_days: int = 7  # the same items are not sent to the same person again within this

    @property
    def smtp_port(self) -> int:
        return self.port or DEFAULT_PORTS[self.security]


@valuetype
class Config:
    university: str | None = None
    limits: Limits = Factory(Limits)
    thresholds: Thresholds = Factory(Thresholds)
    rules: RuleSelection = Factory(RuleSelection)
    source: Path | None = None
    mail: Mail = Factory(Mail)


def find_config(start: Path) -> Path | None:
    return nearest(start, CONFIG_NAME, "file")


def load_config(explicit: Path | None, cwd: Path) -> Config:
    """The configuration from ``explicit``, or the nearest ``partnerkit.toml``, or defaults."""
    path = explicit if explicit is not None else find_config(cwd)
    if path is None:
        return Config()
    import tomllib

    from partnerkit.files.reader import read_text

    text = read_text(path, MAX_CONFIG_BYTES, _("The configuration file"))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(
            _("The configuration file {path} is not valid TOML: {reason}").format(
                path=path, reason=exc
            )
        ) from None
    return parse_config(data, path)


def parse_config(data: dict[str, Any], path: Path) -> Config:
    _reject_unknown(data, {"university", "limits", "thresholds", "rules", "mail"}, "", path)
    university = data.get("university")
    if university is not None and not isinstance(university, str):
        raise _wrong_type(path, "university", _("text"))
    return Config(
        university=university,
        limits=_numbers(data.get("limits", {}), Limits, "limits", path),
        thresholds=_numbers(data.get("thresholds", {}), Thresholds, "thresholds", path),
        rules=_rules(data.get("rules", {}), path),
        source=path,
        mail=_mail(data.get("mail", {}), path),
    )


def _numbers(data: Any, cls: type, name: str, path: Path) -> Any:
    """A table of positive numbers; whole numbers where the default is whole."""
    if not isinstance(data, dict):
        raise _wrong_type(path, name, _("a table"))
    defaults = cls()
    _reject_unknown(data, set(field_names(cls)), name + ".", path)
    for key, value in data.items():
        whole = isinstance(getattr(defaults, key), int)
        kinds = (int,) if whole else (int, float)
        if not isinstance(value, kinds) or isinstance(value, bool) or value <= 0:
            expected = _("a positive whole number") if whole else _("a positive number")
            raise _wrong_type(path, f"{name}.{key}", expected)
    return cls(**data)


def _rules(data: Any, path: Path) -> RuleSelection:
    if not isinstance(data, dict):
        raise _wrong_type(path, "rules", _("a table"))
    _reject_unknown(data, {"select", "ignore", "severity"}, "rules.", path)
    lists = {}
    for key in ("select", "ignore"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _wrong_type(path, f"rules.{key}", _("a list of rule codes"))
        lists[key] = tuple(value)
    severity = data.get("severity", {})
    if not isinstance(severity, dict):
        raise _wrong_type(path, "rules.severity", _("a table"))
    for code, level in severity.items():
        if level not in LEVELS:
            allowed = _("one of: {allowed}").format(allowed=", ".join(LEVELS))
            raise _wrong_type(path, f"rules.severity.{code}", allowed)
    return RuleSelection(lists["select"], lists["ignore"], dict(severity))


_TEXT_KEYS = ("sender_name", "sender_address", "host", "username", "password_env")
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_HOST = re.compile(r"[A-Za-z0-9.:\[\]-]+")


def _mail(data: Any, path: Path) -> Mail:
    if not isinstance(data, dict):
        raise _wrong_type(path, "mail", _("a table"))
    if "password" in data:
        raise UsageError(
            _(
                "{path} must not hold a password ([mail] password). Put the password in an "
                "environment variable and give its name as [mail] password_env."
            ).format(path=path)
        )
    _reject_unknown(data, {*_TEXT_KEYS, "port", "security", "repeat_days"}, "mail.", path)
    for key in _TEXT_KEYS:
        value = data.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise _wrong_type(path, f"mail.{key}", _("text"))
        if isinstance(value, str) and any(ord(c) < 32 or ord(c) == 127 for c in value):
            raise _wrong_type(path, f"mail.{key}", _("one line of text"))
    _check_mail_values(data, path)
    return Mail(**data)


def _check_mail_values(data: dict, path: Path) -> None:
    from partnerkit.addresses import is_email_address

    address = data.get("sender_address")
    if address is not None and not is_email_address(address):
        raise _wrong_type(path, "mail.sender_address", _("an e-mail address such as a@b.se"))
    if data.get("host") is not None and not _HOST.fullmatch(data["host"]):
        raise _wrong_type(path, "mail.host", _("a host name such as smtp.uni.se"))
    name = data.get("password_env")
    if name is not None and not _ENV_NAME.fullmatch(name):
        expected = _("the name of an environment variable, such as PARTNERKIT_SMTP_PASSWORD")
        raise _wrong_type(path, "mail.password_env", expected)
    port = data.get("port")
    if port is not None and (not _whole(port) or not 1 <= port <= 65535):
        raise _wrong_type(path, "mail.port", _("a port number (1-65535)"))
    if data.get("security", "starttls") not in SECURITY:
        allowed = _("one of: {allowed}").format(allowed=", ".join(SECURITY))
        raise _wrong_type(path, "mail.security", allowed)
    repeat = data.get("repeat_days", 7)
    if not _whole(repeat) or repeat < 0:
        raise _wrong_type(path, "mail.repeat_days", _("a whole number of days (0 or more)"))


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


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
