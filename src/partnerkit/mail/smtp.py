"""Sending through the SMTP server of ``[mail]``: one message per person, one at a time.

The connection is encrypted as ``[mail] security`` says: ``starttls`` (port 587) or ``ssl``
(465), with the system's certificate authorities and host name checking; ``none`` only
without a login, or with one to this computer itself (a local relay, the tests). The
password comes from the environment variable that ``[mail] password_env`` names, never from
a file. Every message is remembered as sent the moment the server accepts it, and only
then: a refused recipient is reported and not remembered; a lost connection, a TLS failure
or a refused login stops the run with a clear error (exit 2), keeping what was accepted.
"""

from __future__ import annotations

import base64
import ipaddress
import smtplib
import ssl
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage

from partnerkit.config import Config, Mail
from partnerkit.errors import UsageError
from partnerkit.i18n import _
from partnerkit.reminders import Reminder

TIMEOUT_SECONDS = 30


@dataclass
class Outcome:
    """What the server did with each message."""

    accepted: list[Reminder] = field(default_factory=list)
    refused: list[tuple[Reminder, str]] = field(default_factory=list)


def smtp_password(config: Config, environ: Mapping[str, str]) -> str | None:
    """The password for ``[mail] username``, from the environment; None without a login.
    Checks, before anything is sent, that the server and the login can be used at all."""
    mail = config.mail
    where = config.source or "partnerkit.toml"
    if not mail.host:
        raise UsageError(
            _(
                "--send needs the mail server: set host (and port, security) under [mail] "
                "in {path}."
            ).format(path=where)
        )
    if not mail.username:
        return None
    if mail.security == "none" and not _is_loopback(mail.host):
        raise UsageError(
            _(
                '[mail] security = "none" would send the password for {user} unencrypted to '
                "{host}. Use starttls or ssl."
            ).format(user=mail.username, host=mail.host)
        )
    if not mail.password_env:
        raise UsageError(
            _(
                "[mail] username is set, so the password is needed: name the environment "
                "variable that holds it as password_env under [mail] in {path}."
            ).format(path=where)
        )
    password = environ.get(mail.password_env, "")
    if not password:
        raise UsageError(
            _(
                "The environment variable {name} ([mail] password_env) is not set; set it to "
                "the password for {user} on {host}."
            ).format(name=mail.password_env, user=mail.username, host=mail.host)
        )
    return password


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def send_all(
    outgoing: list[tuple[Reminder, EmailMessage]],
    mail: Mail,
    password: str | None,
    accepted: Callable[[Reminder], None],
) -> Outcome:
    """Send each message to its recipient alone (the envelope holds its ``To`` address and
    no other); ``accepted`` is called for each the server accepts, as it does."""
    outcome = Outcome()
    with _connected(mail, password) as server:
        for reminder, message in outgoing:
            reason = _send_one(server, mail, reminder, message)
            if reason is None:
                outcome.accepted.append(reminder)
                accepted(reminder)
            else:
                outcome.refused.append((reminder, reason))
    return outcome


def _send_one(
    server: smtplib.SMTP, mail: Mail, reminder: Reminder, message: EmailMessage
) -> str | None:
    """None when the server accepted the message, else its reason."""
    assert mail.sender_address and reminder.recipient.email
    try:
        refused = server.send_message(
            message, from_addr=mail.sender_address, to_addrs=[reminder.recipient.email]
        )
    except smtplib.SMTPRecipientsRefused as exc:
        return "; ".join(_reply(code, text) for code, text in exc.recipients.values())
    except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as exc:
        return _reply(exc.smtp_code, exc.smtp_error)
    except (smtplib.SMTPServerDisconnected, OSError) as exc:
        raise _failure(_("The connection to {server} was lost: {reason}"), mail, exc) from None
    if refused:
        return "; ".join(_reply(code, text) for code, text in refused.values())
    return None


class _connected:
    """An open, encrypted and logged-in connection, closed on leaving."""

    def __init__(self, mail: Mail, password: str | None) -> None:
        self.mail, self.password = mail, password
        self.server: smtplib.SMTP | None = None

    def __enter__(self) -> smtplib.SMTP:
        self.server = _open(self.mail)
        try:
            if self.mail.security == "starttls":
                _starttls(self.server, self.mail)
            if self.mail.username:
                _login(self.server, self.mail, self.password or "")
        except BaseException:
            self._close()
            raise
        return self.server

    def __exit__(self, *exc_info: object) -> None:
        self._close()

    def _close(self) -> None:
        if self.server is not None:
            try:
                self.server.quit()
            except (smtplib.SMTPException, OSError):
                self.server.close()


def _open(mail: Mail) -> smtplib.SMTP:
    host, port = mail.host or "", mail.smtp_port
    try:
        if mail.security == "ssl":
            return smtplib.SMTP_SSL(
                host, port, timeout=TIMEOUT_SECONDS, context=ssl.create_default_context()
            )
        return smtplib.SMTP(host, port, timeout=TIMEOUT_SECONDS)
    except ssl.SSLError as exc:
        raise _tls_failure(mail, exc) from None
    except (smtplib.SMTPException, OSError) as exc:
        raise _failure(
            _(
                "Could not connect to the mail server {server}: {reason}. Check host, port and "
                "security under [mail]."
            ),
            mail,
            exc,
        ) from None


def _starttls(server: smtplib.SMTP, mail: Mail) -> None:
    try:
        server.starttls(context=ssl.create_default_context())
    except smtplib.SMTPNotSupportedError:
        raise UsageError(
            _(
                "The mail server {server} does not offer STARTTLS, so nothing was sent. Check "
                "security and port under [mail] (ssl is usually port 465, starttls 587)."
            ).format(server=server_label(mail))
        ) from None
    except ssl.SSLError as exc:
        raise _tls_failure(mail, exc) from None
    except (smtplib.SMTPException, OSError) as exc:
        raise _tls_failure(mail, exc) from None


def _login(server: smtplib.SMTP, mail: Mail, password: str) -> None:
    user = mail.username or ""
    try:
        server.ehlo_or_helo_if_needed()
        if "PLAIN" in server.esmtp_features.get("auth", "").upper().split():
            _login_plain(server, user, password)
        else:
            server.login(user, password)  # CRAM-MD5 or LOGIN, as smtplib chooses
    except smtplib.SMTPAuthenticationError as exc:
        raise UsageError(
            _(
                "The mail server {server} refused the login of {user} ({reply}), so nothing "
                "was sent. Check [mail] username and the password in {variable}."
            ).format(
                server=server_label(mail),
                user=mail.username,
                reply=_reply(exc.smtp_code, exc.smtp_error),
                variable=mail.password_env,
            )
        ) from None
    except (smtplib.SMTPNotSupportedError, UnicodeEncodeError):
        raise UsageError(
            _(
                "The mail server {server} offers no login; remove username from [mail] or "
                "use another server."
            ).format(server=server_label(mail))
        ) from None
    except (smtplib.SMTPException, OSError) as exc:
        raise _failure(_("Logging in to {server} failed: {reason}"), mail, exc) from None


def _login_plain(server: smtplib.SMTP, user: str, password: str) -> None:
    """AUTH PLAIN (RFC 4616), one attempt, with UTF-8 credentials: ``smtplib.login`` encodes
    them as ASCII only (a Swedish password may well hold å, ä or ö), and after a refusal it
    tries the next mechanism, which some servers leave hanging."""
    token = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
    code, reply = server.docmd("AUTH", "PLAIN " + token)
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _tls_failure(mail: Mail, exc: BaseException) -> UsageError:
    return _failure(
        _(
            "The encrypted (TLS) connection to {server} failed: {reason}. Nothing was sent. "
            "Check security and port under [mail]."
        ),
        mail,
        exc,
    )


def _failure(template: str, mail: Mail, exc: BaseException) -> UsageError:
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return UsageError(template.format(server=server_label(mail), reason=reason))


def server_label(mail: Mail) -> str:
    return f"{mail.host}:{mail.smtp_port}"


def _reply(code: int, text: bytes | str) -> str:
    message = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{code} {' '.join(message.split())}"
