"""Property-based: no input makes partnerkit raise; `check` always exits 0 or 1."""

from __future__ import annotations

from datetime import date

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerkit.config import Config
from partnerkit.files.reader import decode
from partnerkit.load.pipeline import CheckResult, check_text
from partnerkit.rules.base import Context
from tests.conftest import AS_OF, EXAMPLES

EXAMPLE_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.yaml"))]
CONFIG = Config()
CONTEXT = Context(date.fromisoformat(AS_OF))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_bytes(raw: bytes) -> int:
    text, problem = decode(raw)
    if text is None:
        assert problem is not None
        return 1
    report = check_text(text, "r.yaml", CONFIG, CONTEXT)
    for finding in report.findings:
        assert finding.code and finding.message and finding.position.line >= 1
    return CheckResult([report]).exit_code()


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30),
    st.dates().map(str), st.sampled_from(["yes", "NO", "0777", "1:20", ".nan", "~", "<<", "*a"]),
)  # fmt: skip
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.one_of(st.text(max_size=10), st.integers()), children, max_size=5),
    ),
    max_leaves=30,
)


@SETTINGS
@given(documents)
def test_random_yaml_documents(document):
    text = yaml.safe_dump(document, allow_unicode=True)
    assert check_bytes(text.encode("utf-8")) in (0, 1)


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes(raw):
    assert check_bytes(raw) in (0, 1)


@SETTINGS
@given(st.text(max_size=2000))
def test_random_text(text):
    assert check_bytes(text.encode("utf-8", errors="surrogatepass")) in (0, 1)


@st.composite
def mutated_examples(draw):
    text = draw(st.sampled_from(EXAMPLE_TEXTS))
    lines = text.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        kind = draw(
            st.sampled_from(["delete", "duplicate", "indent", "dedent", "replace", "insert"])
        )
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "indent":
            lines[i] = "  " + lines[i]
        elif kind == "dedent":
            lines[i] = lines[i][2:] if lines[i].startswith("  ") else lines[i]
        elif kind == "replace" and ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            value = draw(st.one_of(scalars.map(str), st.text(max_size=20)))
            lines[i] = f"{key}: {value}\n"
        else:
            lines.insert(i, draw(st.text(max_size=40)) + "\n")
        if not lines:
            break
    return "".join(lines)


@SETTINGS
@given(mutated_examples())
def test_mutated_example_records(text):
    assert check_bytes(text.encode("utf-8", errors="surrogatepass")) in (0, 1)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutated_examples())
def test_cli_on_mutated_records_exits_0_or_1(cli, tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("mutated")
    (folder / "r.yaml").write_bytes(text.encode("utf-8", errors="surrogatepass"))
    result = cli("check", "--as-of", AS_OF, str(folder / "r.yaml"))
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
