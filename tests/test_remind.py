"""remind: each responsible person's follow-up items, one message each, in their language;
shown on the terminal, written as .eml drafts or one mbox file (sending: test_mail.py)."""

from __future__ import annotations

import email
import email.policy
import mailbox
import re
import shutil
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from partnerkit.config import Config, parse_config
from partnerkit.errors import UsageError
from partnerkit.followup import build_followup, followup_on_record
from partnerkit.i18n import in_language
from partnerkit.load.pipeline import check_paths
from partnerkit.reminders import build_reminders, reminders_on_record
from tests.conftest import EXAMPLES

TODAY = date(2026, 11, 28)
AS_OF = TODAY.isoformat()
HORIZON = 30
SENDER = "emma.wallin@uni.example"
MAIL_CONFIG = f"""\
university = "Exempeluniversitetet"

[mail]
sender_name = "Emma Wallin"
sender_address = "{SENDER}"
"""


@pytest.fixture(autouse=True)
def _state_in_tmp(tmp_path, monkeypatch):
    """What was sent is remembered under tmp, never in the user's state folder."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    """A copy of the examples with a partnerkit.toml that names the sender."""
    shutil.copytree(EXAMPLES, tmp_path / "partnerships")
    (tmp_path / "partnerkit.toml").write_text(MAIL_CONFIG, encoding="utf-8")
    return tmp_path


def expected_items(folder: Path, horizon: int = HORIZON) -> dict[str, set]:
    """From the follow-up library itself: each address's (partnership, title, due), every
    item worded in the language of the person it goes to."""
    expected: dict[str, set] = defaultdict(set)
    for lang in ("sv", "en"):
        with in_language(lang):
            on_record = followup_on_record(Config(), TODAY, horizon)
            result = check_paths([folder], Config(), folder, TODAY, True, on_record)
            followup = build_followup(result, TODAY, horizon)
        people = {
            (report.record.id, person.id): person
            for report in result.files
            for person in report.record.people
        }
        for view in followup.partnerships:
            for item in view.items:
                for person_id in item.people:
                    person = people[(view.id, person_id)]
                    if person.email and (person.language or "sv") == lang:
                        assert person.name in " ".join(names for _p, names in item.responsible)
                        expected[person.email].add((view.id, item.title, item.due))
    return expected


def reminders_of(folder: Path, horizon: int = HORIZON):
    on_record = reminders_on_record(Config(), TODAY, horizon)
    result = check_paths([folder], Config(), folder, TODAY, on_record=on_record)
    return build_reminders(result, TODAY, horizon)


@pytest.mark.parametrize("horizon", [0, HORIZON, 90])
def test_each_person_gets_exactly_the_follow_ups_items(horizon):
    expected = expected_items(EXAMPLES, horizon)
    found = reminders_of(EXAMPLES, horizon)
    got = {
        r.recipient.email: {(t.partnership, t.title, t.due) for t in r.tasks}
        for r in found.with_address
    }
    assert got == dict(expected)
    assert len(got) > 5
    for reminder in found.reminders:
        dues = [task.due for task in reminder.tasks]
        assert dues == sorted(dues) and reminder.first_due == dues[0]


def test_one_person_in_several_records_gets_one_message():
    found = reminders_of(EXAMPLES, 400)
    maria = [r for r in found.reminders if r.recipient.email == "maria.holmstrom@uni.example"]
    assert len(maria) == 1
    assert len({task.partnership for task in maria[0].tasks}) > 1


def test_items_are_worded_in_the_persons_language():
    found = reminders_of(EXAMPLES)
    sofia = next(r for r in found.reminders if r.recipient.name == "Sofia Lindberg")
    emma = next(r for r in found.reminders if r.recipient.name == "Emma Wallin")
    assert sofia.recipient.language == "en" and emma.recipient.language == "sv"
    assert sofia.tasks[0].title.startswith("Send the brief")
    assert any(task.title.startswith("Skicka underlaget") for task in emma.tasks)
    assert sofia.tasks[0].partnership_title.startswith("Strategic partnership")


def test_the_preview_shows_who_gets_what_and_who_to_call(cli, portfolio):
    result = cli("remind", "--as-of", AS_OF, "--lang", "en", cwd=portfolio)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Reminders as of 2026-11-28 (due soon: within 30 days)" in out
    assert "Sofia Lindberg <sofia.lindberg@nordverk.example> (English) · 1 thing" in out
    assert "No e-mail address in the records; call 1 person:" in out
    call = out.split("call 1 person:")[1]
    assert "Jessica Lundgren (Region Exempel, eu-region-exempel: p-ehalsa-chef)" in call
    # the preview is the coordinator's: in the command's language, whatever the person's
    assert "Measure the indicator" in call and "Mät indikatorn" not in call
    assert "Nothing was sent or written" in out
    assert sorted(p.name for p in portfolio.iterdir()) == ["partnerkit.toml", "partnerships"]


def test_the_preview_in_swedish(cli, portfolio):
    result = cli("remind", "--as-of", AS_OF, "--lang", "sv", cwd=portfolio)
    assert "Påminnelser per 2026-11-28" in result.stdout
    assert "Ingen e-postadress i posterna; ring 1 person:" in result.stdout
    sofia = result.stdout.split("Sofia Lindberg")[1].split("\n  S")[0]  # language: en
    assert "Skicka underlaget till mötet" in sofia and "Send the brief" not in sofia


def parse(data: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(data, policy=email.policy.default)


def text_of(message: email.message.EmailMessage) -> str:
    return message.get_content().replace("\r\n", "\n")


def test_out_writes_one_draft_per_person_that_mail_programs_open(cli, portfolio):
    result = cli("remind", "--as-of", AS_OF, "--out", "drafts", cwd=portfolio)
    assert result.exit_code == 0, result.output
    expected = expected_items(portfolio / "partnerships")
    drafts = sorted((portfolio / "drafts").glob("*.eml"))
    assert [d.name for d in drafts] == sorted(f"{a}.eml" for a in expected)
    assert f"Wrote {len(drafts)} messages to drafts." in result.stdout
    for draft in drafts:
        raw = draft.read_bytes()
        assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")  # RFC 5322 line ends
        message = parse(raw)
        address = draft.name.removesuffix(".eml")
        assert message["To"].addresses[0].addr_spec == address
        assert message["From"].addresses[0].addr_spec == SENDER
        assert message["X-Unsent"] == "1"
        assert message.get_content_type() == "text/plain"
        assert message.get_content_charset() == "utf-8"
        body = text_of(message)
        titles = {re.sub(r"^\d+\. ", "", line) for line in body.splitlines() if line[:1].isdigit()}
        assert titles == {title for _id, title, _due in expected[address]}
        assert body.rstrip().endswith("Emma Wallin\nExempeluniversitetet\nemma.wallin@uni.example")


def test_a_swedish_message_is_swedish_with_swedish_dates(cli, portfolio):
    cli("remind", "--as-of", AS_OF, "--out", "drafts", cwd=portfolio)
    message = parse((portfolio / "drafts" / "karin.ahlgren@uni.example.eml").read_bytes())
    assert (
        message["Subject"] == "Påminnelse: 3 saker att göra, första förfallodatum 26 oktober 2026"
    )
    assert message["Content-Language"] == "sv"
    body = text_of(message)
    assert body.startswith("Hej Karin,\n\nI uppföljningen av våra strategiska partnerskap")
    assert "per den 28 november 2026" in body
    assert "   Förfallodatum: 26 oktober 2026, försenad med 33 dagar\n" in body
    assert "   Förfallodatum: 30 november 2026, om 2 dagar\n" in body
    assert "   I posten: partnerships/eu-exempelby-kommun.yaml, followup_log\n" in body
    assert "\nVänliga hälsningar\nEmma Wallin\n" in body


def test_an_english_message_is_english(cli, portfolio):
    cli("remind", "--as-of", AS_OF, "--lang", "sv", "--out", "drafts", cwd=portfolio)
    message = parse((portfolio / "drafts" / "sofia.lindberg@nordverk.example.eml").read_bytes())
    assert message["Subject"] == "Reminder: 1 thing to do, due 5 December 2026"
    assert message["Content-Language"] == "en"
    body = text_of(message)
    assert body.startswith("Hello Sofia,\n\nIn the follow-up of our strategic partnerships")
    assert "   Due: 5 December 2026, in 7 days\n" in body
    assert "Send the brief (underlag) for the 2026-12-10 meeting of Styrgruppen." in body


def test_mbox_holds_every_message_and_parses(cli, portfolio):
    result = cli("remind", "--as-of", AS_OF, "--mbox", "reminders.mbox", cwd=portfolio)
    assert result.exit_code == 0, result.output
    expected = expected_items(portfolio / "partnerships")
    box = mailbox.mbox(portfolio / "reminders.mbox", create=False)
    messages = [parse(m.as_bytes()) for m in box]
    assert sorted(m["To"].addresses[0].addr_spec for m in messages) == sorted(expected)
    assert all(
        m["X-Unsent"] is None and m["From"].addresses[0].addr_spec == SENDER for m in messages
    )
    assert all(text_of(m).startswith(("Hej ", "Hello ")) for m in messages)
    assert "ö" in "".join(text_of(m) for m in messages)


HOSTILE_NAME = "Emma\\r\\nBcc: evil@evil.example\\r\\nSubject: x"
HOSTILE_TITLE = "x\\r\\nBcc: evil@evil.example\\r\\n\\r\\nbody"


def hostile_portfolio(portfolio: Path) -> Path:
    record = portfolio / "partnerships" / "eu-nordverk.yaml"
    text = record.read_text(encoding="utf-8")
    text = text.replace("name: Emma Wallin,", f'name: "{HOSTILE_NAME}",', 1)
    text = text.replace(
        "Strategic partnership Exempeluniversitetet–Nordverk AB", f'"{HOSTILE_TITLE}"'
    )
    old = "text: Förslag till handlingsplan 2027 läggs fram på styrgruppen 10 december."
    assert old in text
    text = text.replace(old, f'text: "{HOSTILE_TITLE}"')
    record.write_text(text, encoding="utf-8")
    return portfolio


def test_record_text_never_adds_or_changes_a_header(cli, portfolio):
    hostile_portfolio(portfolio)
    result = cli("remind", "--as-of", AS_OF, "--out", "drafts", "--mbox", "all.mbox", cwd=portfolio)
    assert result.exit_code == 0, result.output
    raw = (portfolio / "drafts" / "emma.wallin@uni.example.eml").read_bytes()
    head = raw.split(b"\r\n\r\n")[0]
    names = [line.split(b":")[0] for line in head.split(b"\r\n") if not line[:1].isspace()]
    assert names == [
        b"From", b"To", b"Subject", b"Date", b"Message-ID", b"Content-Type",
        b"Content-Transfer-Encoding", b"MIME-Version", b"Content-Language", b"X-Unsent",
    ]  # fmt: skip
    message = parse(raw)
    assert message.get_all("Bcc") is None and len(message.get_all("Subject")) == 1
    assert message["Subject"].startswith("Påminnelse: ")
    assert [a.addr_spec for a in message["To"].addresses] == ["emma.wallin@uni.example"]
    assert message["To"].addresses[0].display_name == "Emma Bcc: evil@evil.example Subject: x"
    body = text_of(message)
    assert "x\\r\\nBcc: evil@evil.example\\r\\n\\r\\nbody" in body  # shown inert, on one line
    for other in mailbox.mbox(portfolio / "all.mbox", create=False):
        assert other.get_all("Bcc") is None and len(other.get_all("To")) == 1


def test_writing_needs_the_sender(cli, portfolio):
    (portfolio / "partnerkit.toml").write_text("", encoding="utf-8")
    result = cli("remind", "--as-of", AS_OF, "--out", "drafts", cwd=portfolio)
    assert result.exit_code == 2
    assert "set sender_name and sender_address under [mail]" in result.stderr
    assert not (portfolio / "drafts").exists()


def test_drafts_are_never_written_into_the_records_folder(cli, portfolio):
    result = cli("remind", "--as-of", AS_OF, "--out", "partnerships", cwd=portfolio)
    assert result.exit_code == 2
    assert not list((portfolio / "partnerships").glob("*.eml"))


def mail_config(**keys: object) -> Config:
    return parse_config({"mail": keys}, Path("partnerkit.toml"))


def test_mail_configuration_is_checked():
    mail = mail_config(sender_name="E", sender_address=SENDER, host="smtp.uni.example").mail
    assert (mail.security, mail.smtp_port, mail.repeat_days) == ("starttls", 587, 7)
    assert mail_config(security="ssl").mail.smtp_port == 465
    assert mail_config(security="none", port=2525).mail.smtp_port == 2525
    bad = {
        "password": ("secret", "must not hold a password"),
        "sender_address": ("Emma <emma@uni.example>", "mail.sender_address"),
        "security": ("tls", "mail.security"),
        "port": (70000, "mail.port"),
        "repeat_days": (-1, "mail.repeat_days"),
        "password_env": ("$PASS WORD", "mail.password_env"),
        "host": ("smtp.uni.example\r\nRCPT TO", "mail.host"),
        "sender_name": ("Emma\nBcc: x@evil.example", "mail.sender_name"),
        "colour": ("blue", "Unknown key 'mail.colour'"),
    }
    for key, (value, message) in bad.items():
        with pytest.raises(UsageError, match=re.escape(message)):
            mail_config(**{key: value})


def test_send_without_a_terminal_and_without_yes_is_refused(cli, portfolio):
    with (portfolio / "partnerkit.toml").open("a", encoding="utf-8") as config:
        config.write('host = "127.0.0.1"\nport = 9\nsecurity = "none"\n')
    result = cli("remind", "--as-of", AS_OF, "--send", cwd=portfolio)
    assert result.exit_code == 2
    assert "add --yes" in result.stderr
    assert not (portfolio / "state").exists()


def test_what_nobody_in_office_owes_is_listed_for_the_coordinator(cli, portfolio):
    record = portfolio / "partnerships" / "eu-nordverk.yaml"
    text = record.read_text(encoding="utf-8")
    owned = "läggs fram på styrgruppen 10 december., owner: p-samordnare, due: 2026-12-10,"
    assert owned in text
    record.write_text(text.replace(owned, owned.replace(" owner: p-samordnare,", "")))
    result = cli("remind", "--as-of", AS_OF, "--lang", "en", cwd=portfolio)
    assert result.exit_code == 0, result.output
    unassigned = result.stdout.split("1 thing has nobody in office responsible")[1]
    assert "2026-12-10 · eu-nordverk · Follow up the decision" in unassigned
    emma = result.stdout.split("Emma Wallin <emma.wallin@uni.example> (Swedish) · ")[1]
    assert emma.startswith("1 thing, the first due 2026-12-05")


def test_an_unreadable_record_is_named_and_makes_exit_1(cli, portfolio):
    (portfolio / "partnerships" / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    result = cli("remind", "--as-of", AS_OF, cwd=portfolio)
    assert result.exit_code == 1
    assert "Could not be read: partnerships/broken.yaml:" in result.stderr
    assert "Sofia Lindberg <sofia.lindberg@nordverk.example>" in result.stdout


def test_a_name_of_only_spaces_still_gets_its_draft(cli, portfolio):
    record = portfolio / "partnerships" / "eu-nordverk.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("name: Sofia Lindberg,", 'name: "  ",'), encoding="utf-8")
    result = cli("remind", "--as-of", AS_OF, "--out", "drafts", cwd=portfolio)
    assert result.exit_code == 0, result.output
    draft = parse((portfolio / "drafts" / "sofia.lindberg@nordverk.example.eml").read_bytes())
    assert text_of(draft).startswith("Hello,\n")


def test_two_addresses_never_share_a_draft():
    from partnerkit.mail.files import draft_name

    assert draft_name("Anna.Lind@uni.example") == "anna.lind@uni.example.eml"
    assert draft_name("a!b@x.example") != draft_name("a#b@x.example")
    assert draft_name("a!b@x.example").startswith("a_b@x.example-")
