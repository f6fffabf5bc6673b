"""remind --send: through a real SMTP server (aiosmtpd) on a free port of this computer.

What the server receives is checked against the follow-up library's own items; what was
sent is remembered in a state folder under tmp, and only what the server accepted."""

from __future__ import annotations

import email
import email.policy
import json
import os
import pty
import re
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from partnerkit.config import parse_config
from partnerkit.errors import UsageError
from partnerkit.mail.sent import SentMemory
from partnerkit.mail.smtp import smtp_password
from partnerkit.reminders import Recipient, Reminder, Task
from tests.conftest import EXAMPLES
from tests.test_remind import AS_OF, MAIL_CONFIG, SENDER, expected_items, text_of

PASSWORD = "rätt-lösenord"


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: email.message.EmailMessage


@dataclass
class Handler:
    """Keeps every message; refuses the recipients in ``refuse``."""

    received: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


def authenticator(server, session, envelope, mechanism, auth_data) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (
        auth_data.login == b"ewallin" and auth_data.password == PASSWORD.encode("utf-8")
    )
    return AuthResult(success=ok, handled=False)  # not handled: the server replies 535


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    handler = Handler()
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=free_port(),
        authenticator=authenticator,
        auth_require_tls=False,  # a plain login in tests; partnerkit allows it to loopback only
    )
    controller.start()
    yield controller, handler
    controller.stop()


@pytest.fixture
def state(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder / "partnerkit" / "sent.json"


def portfolio_for(tmp_path: Path, port: int, extra: str = "") -> Path:
    folder = tmp_path / "work"
    shutil.copytree(EXAMPLES, folder / "partnerships")
    config = MAIL_CONFIG + f'host = "127.0.0.1"\nport = {port}\nsecurity = "none"\n' + extra
    (folder / "partnerkit.toml").write_text(config, encoding="utf-8")
    return folder


LOGIN = 'username = "ewallin"\npassword_env = "PARTNERKIT_TEST_SMTP_PASSWORD"\n'


def send(cli, folder: Path, *options: str, password: str = PASSWORD):
    env = {"PARTNERKIT_TEST_SMTP_PASSWORD": password}
    return cli("remind", "--as-of", AS_OF, "--send", "--yes", *options, cwd=folder, env=env)


def test_each_person_receives_their_items_in_their_language(cli, tmp_path, smtp_server, state):
    controller, handler = smtp_server
    folder = portfolio_for(tmp_path, controller.port, LOGIN)
    result = send(cli, folder)
    assert result.exit_code == 0, result.output
    expected = expected_items(folder / "partnerships")
    assert f"Sent {len(expected)} reminders." in result.stdout
    assert sorted(r.recipients[0] for r in handler.received) == sorted(expected)
    for received in handler.received:
        assert received.sender == SENDER
        assert len(received.recipients) == 1  # one person per message, nobody else
        message = received.message
        address = received.recipients[0]
        assert [a.addr_spec for a in message["To"].addresses] == [address]
        assert message.get_all("Bcc") is None and message.get_all("Cc") is None
        assert message.get_content_charset() == "utf-8"
        body = text_of(message)
        titles = {re.sub(r"^\d+\. ", "", line) for line in body.splitlines() if line[:1].isdigit()}
        assert titles == {title for _id, title, _due in expected[address]}
        n = len(expected[address])
        if message["Content-Language"] == "en":
            assert message["Subject"].startswith(f"Reminder: {n} thing")
            assert body.startswith("Hello ")
        else:
            saker = "sak" if n == 1 else "saker"
            assert message["Subject"].startswith(f"Påminnelse: {n} {saker} att göra")
            assert body.startswith("Hej ") and "Vänliga hälsningar" in body
    languages = {r.message["Content-Language"] for r in handler.received}
    assert languages == {"sv", "en"}
    assert "ö" in "".join(text_of(r.message) for r in handler.received)
    assert "emma.wallin" not in state.read_text()  # addresses are kept as hashes


def test_the_same_items_are_not_sent_again_within_the_repeat_window(
    cli, tmp_path, smtp_server, state
):
    controller, handler = smtp_server
    folder = portfolio_for(tmp_path, controller.port, "repeat_days = 3\n")
    assert send(cli, folder).exit_code == 0
    first = len(handler.received)
    again = send(cli, folder)
    assert again.exit_code == 0, again.output
    assert len(handler.received) == first
    assert f"{first} people got the same within the last 3 days; not sent again" in again.stdout
    assert "Nothing to send." in again.stdout


def test_the_repeat_window_is_repeat_days_long(tmp_path):
    remembered = SentMemory(tmp_path / "sent.json")
    person = Recipient("Anna Lind", "Anna.Lind@uni.example", "sv", "EU", "eu-x", "p-anna")
    task = Task("eu-x", "X", "Gör det", date(2026, 12, 1), False, "x.yaml", "decisions[0]", "k")
    reminder = Reminder(person, (task,))
    sent = date(2026, 11, 28)
    remembered.remember(reminder, sent)
    reread = SentMemory.load(tmp_path / "sent.json")
    held = [reread.held_back(reminder, sent + timedelta(days=d), 7) for d in range(-1, 9)]
    assert held == [False, True, True, True, True, True, True, True, False, False]
    same_person = Reminder(replace(person, email="anna.lind@uni.example", name="A"), (task,))
    assert reread.held_back(same_person, sent, 7)
    other_items = Reminder(person, (replace(task, key="k|2026-12-02"),))
    assert not reread.held_back(other_items, sent, 7)
    assert not reread.held_back(reminder, sent, 0)


def test_force_sends_again(cli, tmp_path, smtp_server, state):
    controller, handler = smtp_server
    folder = portfolio_for(tmp_path, controller.port)
    send(cli, folder)
    first = len(handler.received)
    assert first > 5
    assert send(cli, folder).exit_code == 0 and len(handler.received) == first
    assert send(cli, folder, "--force").exit_code == 0
    assert len(handler.received) == 2 * first


def test_new_items_are_sent_although_the_person_got_a_reminder(cli, tmp_path, smtp_server, state):
    controller, handler = smtp_server
    folder = portfolio_for(tmp_path, controller.port)
    send(cli, folder)
    first = len(handler.received)
    wider = send(cli, folder, "--horizon", "60")  # more items for some: a different set
    assert wider.exit_code == 0, wider.output
    got_more = {r.recipients[0] for r in handler.received[first:]}
    assert got_more and len(got_more) < first


def test_a_refused_connection_exits_2_and_remembers_nothing(cli, tmp_path, state):
    folder = portfolio_for(tmp_path, free_port())  # nothing listens there
    result = send(cli, folder)
    assert result.exit_code == 2
    assert "Could not connect to the mail server 127.0.0.1:" in result.stderr
    assert "Traceback" not in result.output
    assert not state.exists()


def test_a_rejected_login_exits_2_and_sends_and_remembers_nothing(
    cli, tmp_path, smtp_server, state
):
    controller, handler = smtp_server
    folder = portfolio_for(tmp_path, controller.port, LOGIN)
    result = send(cli, folder, password="fel")
    assert result.exit_code == 2
    assert "refused the login of ewallin (535" in result.stderr
    assert "PARTNERKIT_TEST_SMTP_PASSWORD" in result.stderr
    assert handler.received == [] and not state.exists()


def test_starttls_to_a_server_without_it_exits_2(cli, tmp_path, smtp_server, state):
    controller, handler = smtp_server
    folder = portfolio_for(tmp_path, controller.port)
    config = folder / "partnerkit.toml"
    config.write_text(config.read_text().replace('"none"', '"starttls"'), encoding="utf-8")
    result = send(cli, folder)
    assert result.exit_code == 2
    assert "does not offer STARTTLS, so nothing was sent" in result.stderr
    assert handler.received == [] and not state.exists()


def test_ssl_to_a_plain_server_is_a_clear_tls_failure(cli, tmp_path, smtp_server, state):
    controller, handler = smtp_server
    folder = portfolio_for(tmp_path, controller.port)
    config = folder / "partnerkit.toml"
    config.write_text(config.read_text().replace('"none"', '"ssl"'), encoding="utf-8")
    result = send(cli, folder)
    assert result.exit_code == 2
    assert "The encrypted (TLS) connection to 127.0.0.1:" in result.stderr
    assert handler.received == [] and not state.exists()


def test_a_refused_recipient_is_reported_and_not_remembered(cli, tmp_path, smtp_server, state):
    controller, handler = smtp_server
    handler.refuse = {"sofia.lindberg@nordverk.example"}
    folder = portfolio_for(tmp_path, controller.port)
    result = send(cli, folder)
    assert result.exit_code == 1
    assert "Refused by the mail server: sofia.lindberg@nordverk.example (550" in result.stdout
    delivered = len(handler.received)
    assert delivered > 5
    assert sum(len(items) for items in json.loads(state.read_text())["sent"].values()) == delivered
    handler.refuse = set()
    retry = send(cli, folder)
    assert retry.exit_code == 0, retry.output
    assert [r.recipients for r in handler.received[delivered:]] == [
        ["sofia.lindberg@nordverk.example"]
    ]


def test_the_login_never_goes_unencrypted_to_another_computer():
    config = parse_config(
        {"mail": {"host": "smtp.uni.example", "security": "none", "username": "u",
                  "password_env": "P"}},
        Path("partnerkit.toml"),
    )  # fmt: skip
    with pytest.raises(UsageError, match="unencrypted"):
        smtp_password(config, {"P": "secret"})
    local = parse_config(
        {"mail": {"host": "127.0.0.1", "security": "none", "username": "u", "password_env": "P"}},
        Path("partnerkit.toml"),
    )
    assert smtp_password(local, {"P": "secret"}) == "secret"
    with pytest.raises(UsageError, match="environment variable P"):
        smtp_password(local, {})


def test_a_damaged_memory_is_a_clear_error(cli, tmp_path, smtp_server, state):
    controller, handler = smtp_server
    folder = portfolio_for(tmp_path, controller.port)
    state.parent.mkdir(parents=True)
    state.write_text('{"sent": [1, 2]}', encoding="utf-8")
    result = send(cli, folder)
    assert result.exit_code == 2
    assert "is damaged. Remove it to start afresh" in result.stderr
    assert handler.received == []


@pytest.mark.parametrize(("answer", "sent"), [("n", False), ("y", True)])
def test_on_a_terminal_send_asks_first(tmp_path, smtp_server, state, answer, sent):
    controller, handler = smtp_server
    folder = portfolio_for(tmp_path, controller.port)
    main, terminal = pty.openpty()
    env = {**os.environ, "PARTNERKIT_LANG": "en", "COLUMNS": "200", "NO_COLOR": "1"}
    command = [sys.executable, "-m", "partnerkit", "remind", "--as-of", AS_OF, "--send"]
    child = subprocess.Popen(
        command, cwd=folder, env=env, stdin=terminal, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    os.close(terminal)
    os.write(main, f"{answer}\n".encode())
    stdout, stderr = child.communicate(timeout=120)
    os.close(main)
    out = stdout.decode("utf-8")
    assert "By e-mail, to" in out  # what it will send, shown before the question
    assert re.search(
        r"Send \d+ reminders through 127\.0\.0\.1:\d+ as emma\.wallin@uni\.example\?", out
    )
    if sent:
        assert child.returncode == 0, stderr.decode()
        assert handler.received and state.exists()
    else:
        assert child.returncode == 1 and "Nothing was sent." in out
        assert handler.received == [] and not state.exists()
