"""The HTML report in a real headless Chromium, driven over the DevTools protocol.

One browser is started for the module (``--remote-debugging-port=0``; the port is read from
``DevToolsActivePort`` in its profile folder) and each page is opened in its own target with
the Runtime, Log and Network domains enabled, so every console message, uncaught exception,
browser log entry and network request of the page is seen. The page must load with no error
and no request other than the report file itself, and its screenshot must not be blank.

Chromium is Debian's ``chromium`` package, installed by ``.ci/install-chromium``; set
``PARTNERKIT_CHROMIUM`` to use another binary. Without one, these tests skip and say why.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import AS_OF, EXAMPLES, ROOT

websockets_sync = pytest.importorskip(
    "websockets.sync.client", reason="the browser tests need the websockets package"
)
Image = pytest.importorskip("PIL.Image", reason="the browser tests need Pillow (screenshots)")

CANDIDATES = (
    "chromium",
    "chromium-browser",
    "chromium-headless-shell",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
)
START_TIMEOUT = 30.0
COMMAND_TIMEOUT = 20.0
WIDTH, HEIGHT = 1280, 900


def find_chromium() -> str | None:
    configured = os.environ.get("PARTNERKIT_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else shutil.which(configured)
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass
class Page:
    """What one page did while it loaded, and how it looks."""

    url: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    text: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    lang: str = ""
    screenshot: bytes = b""

    def other_requests(self) -> list[str]:
        """Requests for anything but the page itself."""
        return [url for url in self.requests if url.split("#")[0] != self.url]


class Chromium:
    """A headless Chromium and a minimal DevTools-protocol client (one websocket)."""

    def __init__(self, binary: str) -> None:
        self.profile = Path(tempfile.mkdtemp(prefix="partnerkit-chromium-"))
        self.process = subprocess.Popen(
            [
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-default-apps",
                "--mute-audio",
                "--hide-scrollbars",
                f"--user-data-dir={self.profile}",
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.next_id = 0
        self.events: list[dict] = []
        self._stack = contextlib.ExitStack()
        try:
            port, path = self._wait_for_port()
            self.socket = self._stack.enter_context(
                websockets_sync.connect(
                    f"ws://127.0.0.1:{port}{path}", max_size=None, open_timeout=COMMAND_TIMEOUT
                )
            )
        except BaseException:
            self.close()
            raise

    def _wait_for_port(self) -> tuple[str, str]:
        marker = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Chromium exited with {self.process.returncode}")
            if marker.is_file():
                lines = marker.read_text(encoding="utf-8").split()
                if len(lines) >= 2:
                    return lines[0], lines[1]
            time.sleep(0.05)
        raise TimeoutError("Chromium did not open its DevTools port")

    def close(self) -> None:
        self._stack.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)

    # ------------------------------------------------------------ protocol

    def _receive(self, deadline: float) -> dict:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("no answer from Chromium")
        message = json.loads(self.socket.recv(timeout=remaining))
        if "method" in message:
            self.events.append(message)
        return message

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self.next_id += 1
        command: dict = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            command["sessionId"] = session
        self.socket.send(json.dumps(command))
        deadline = time.monotonic() + COMMAND_TIMEOUT
        while True:
            message = self._receive(deadline)
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def wait_for(self, found: Callable[[dict], bool], timeout: float = COMMAND_TIMEOUT) -> None:
        seen = 0
        deadline = time.monotonic() + timeout
        while True:
            for event in self.events[seen:]:
                if found(event):
                    return
            seen = len(self.events)
            self._receive(deadline)

    def evaluate(self, expression: str, session: str):
        result = self.send(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True}, session
        )
        return result["result"].get("value")

    # ------------------------------------------------------------ pages

    def open(self, path: Path) -> Page:
        """Load ``path`` in a fresh tab and report what happened."""
        url = path.resolve().as_uri()
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        try:
            for domain in ("Page", "Runtime", "Log", "Network"):
                self.send(f"{domain}.enable", session=session)
            self.send(
                "Emulation.setDeviceMetricsOverride",
                {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False},
                session,
            )
            start = len(self.events)
            self.send("Page.navigate", {"url": url}, session)
            self.wait_for(
                lambda e: e.get("sessionId") == session and e["method"] == "Page.loadEventFired"
            )
            time.sleep(0.3)  # late console messages or requests, if any
            self.send("Runtime.evaluate", {"expression": "0"}, session)  # drain the socket
            page = Page(url)
            for event in self.events[start:]:
                if event.get("sessionId") == session:
                    _record(page, event)
            page.text = self.evaluate("document.body.innerText", session)
            page.lang = self.evaluate("document.documentElement.lang", session)
            page.counts = self.evaluate(
                "Object.fromEntries(['script', 'img', 'iframe', 'object', 'embed', 'svg', 'b',"
                " 'i', 'table', 'link[rel=stylesheet]'].map(s => [s,"
                " document.querySelectorAll(s).length]))",
                session,
            )
            shot = self.send("Page.captureScreenshot", {"format": "png"}, session)
            page.screenshot = base64.b64decode(shot["data"])
            return page
        finally:
            self.send("Target.closeTarget", {"targetId": target})


def _record(page: Page, event: dict) -> None:
    method, params = event["method"], event.get("params", {})
    if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
        page.errors.append("console: " + json.dumps(params.get("args", []))[:300])
    elif method == "Runtime.exceptionThrown":
        page.errors.append("exception: " + json.dumps(params.get("exceptionDetails", {}))[:300])
    elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
        page.errors.append("log: " + params["entry"].get("text", "")[:300])
    elif method == "Network.requestWillBeSent":
        page.requests.append(params["request"]["url"])


def not_blank(png: bytes) -> bool:
    """More than 2 % of the pixels differ from the most common colour, in many colours."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    colors = image.getcolors(maxcolors=image.width * image.height)
    background = max(colors)[0]
    other = image.width * image.height - background
    return len(colors) > 20 and other > 0.02 * image.width * image.height


@pytest.fixture(scope="module")
def chromium() -> Iterator[Chromium]:
    binary = find_chromium()
    if binary is None:
        pytest.skip(
            "no Chromium binary found: install Debian's chromium package "
            "(bash .ci/install-chromium) or set PARTNERKIT_CHROMIUM"
        )
    browser = Chromium(binary)
    try:
        yield browser
    finally:
        browser.close()


# ---------------------------------------------------------------- reports to look at

INJECTED = (
    '<script>document.title="pwned"</script><img src="http://127.0.0.1:9/x.png">'
    '<b>fet</b> & "quoted"'
)


def _report(cli, folder: Path, name: str, *args: str) -> Path:
    out = folder / name
    run = cli("report", *args, "--as-of", AS_OF, "--html", str(out), cwd=ROOT)
    assert run.exit_code == 0, run.output
    return out


def test_harness_sees_requests_and_errors(chromium, tmp_path):
    """The checks below mean something: a page that fetches and fails is caught."""
    page_file = tmp_path / "bad.html"
    page_file.write_text(
        '<!doctype html><html lang="en"><body><p>x</p><img src="http://127.0.0.1:9/x.png">'
        "<script>console.error('boom')</script></body></html>",
        encoding="utf-8",
    )
    page = chromium.open(page_file)
    assert any(url.startswith("http://127.0.0.1:9/") for url in page.other_requests())
    assert any("boom" in error for error in page.errors)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["Partnership portfolio", "28 November 2026", "running", "leadership engagement"]),
        ("sv", ["28 november 2026", "drift", "ledningens engagemang", "Exempeluniversitetet"]),
    ],
)
def test_portfolio_report_loads_cleanly_in_both_languages(chromium, cli, tmp_path, lang, expected):
    report = _report(cli, tmp_path, f"portfolio-{lang}.html", "--lang", lang)
    page = chromium.open(report)
    assert page.errors == []
    assert page.other_requests() == []
    assert page.lang == lang
    for text in expected:
        assert text in page.text
    assert page.counts["script"] == 0
    assert page.counts["svg"] >= 4  # the portfolio charts and each partnership's charts
    assert not_blank(page.screenshot)


def test_annual_report_loads_cleanly(chromium, cli, tmp_path):
    report = _report(
        cli,
        tmp_path,
        "annual.html",
        "--partnership",
        "eu-region-exempel",
        "--year",
        "2025",
        "--lang",
        "en",
    )
    page = chromium.open(report)
    assert page.errors == []
    assert page.other_requests() == []
    assert "Annual report 2025" in page.text
    assert "10. Evaluation before renewal" not in page.text or "2027" in page.text
    assert page.counts["svg"] >= 2
    assert not_blank(page.screenshot)


def test_record_text_with_html_is_shown_as_text(chromium, cli, tmp_path):
    records = tmp_path / "partnerships"
    records.mkdir()
    source = (EXAMPLES / "eu-region-exempel.yaml").read_text(encoding="utf-8")
    source = source.replace(
        "  en: Strategic partnership Exempeluniversitetet–Region Exempel",
        "  en: " + json.dumps("Region " + INJECTED),
    ).replace(
        "    title: Stärkt kompetensförsörjning inom hälso- och sjukvården",
        "    title: " + json.dumps("Mål " + INJECTED),
    )
    source = source.replace(
        "{dimension: Kommunikation, side: eu, value: 3.6}",
        "{dimension: " + json.dumps("Kom<i>mun</i>ikation") + ", side: eu, value: 3.6}",
    )
    (records / "eu-region-exempel.yaml").write_text(source, encoding="utf-8")
    out = tmp_path / "injected.html"
    run = cli("report", "--as-of", AS_OF, "--lang", "en", "--html", str(out), cwd=tmp_path)
    assert run.exit_code == 0, run.output
    page = chromium.open(out)
    assert page.errors == []
    assert page.other_requests() == []  # the <img> was never an element, so never fetched
    assert "Region " + INJECTED in page.text
    assert "Mål " + INJECTED in page.text
    assert page.counts["script"] == 0
    assert page.counts["img"] == 0
    assert page.counts["b"] == 0
    assert page.counts["iframe"] == 0
    assert page.counts["i"] == 0
    assert "Kom<i>mun</i>ikation" in page.text
    assert not_blank(page.screenshot)
