"""Benchmark partnerkit against baselines measured in the same run.

    python bench/run.py [--sizes 10 100 1000] [--repeat 3] [--out bench/results.md]

For each portfolio size it generates records (bench/generate.py), then measures, as median
wall time of several runs of a fresh process: the bare libyaml parse of the same files (the
floor), `partnerkit check`, `partnerkit followup`, and check-jsonschema with the record schema
(the peer, when installed). It also measures start-up (`partnerkit --version` and `check` of
one record, with and without the compiled record schema kept between runs, against
`python -c "import typer"`) and peak memory. Results are ratios, printed
and written to bench/results.md with the machine they ran on. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

AS_OF = "2026-11-28"
BARE_PARSE = (
    "import sys, yaml\n"
    "for name in sys.argv[1:]:\n"
    "    with open(name, encoding='utf-8') as handle:\n"
    "        yaml.load(handle.read(), Loader=yaml.CSafeLoader)\n"
)

# What any Typer command that validates YAML with a Pydantic model imports before it reads a
# byte: the floor under `partnerkit check` of one record.
STACK_FLOOR = "import typer, yaml; from pydantic import BaseModel, Field"


@dataclass
class Measure:
    seconds: float
    peak_mb: float


def run_once(command: list[str], env: dict[str, str] | None = None) -> Measure:
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{command[:3]} failed with exit code {process.returncode}")
    return Measure(elapsed, usage.ru_maxrss / 1024)


def measure(command: list[str], repeat: int, env: dict[str, str] | None = None) -> Measure:
    runs = [run_once(command, env) for _ in range(repeat)]
    return Measure(statistics.median(r.seconds for r in runs), max(r.peak_mb for r in runs))


def partnerkit(*args: str) -> list[str]:
    return [sys.executable, "-m", "partnerkit", *args]


def portfolio_rows(size: int, folder: Path, repeat: int, schema: Path) -> dict[str, Measure]:
    files = [str(p) for p in generate(size, folder)]
    rows = {
        "bare libyaml parse": measure([sys.executable, "-c", BARE_PARSE, *files], repeat),
        "partnerkit check": measure(
            partnerkit(
                "check", str(folder), "--as-of", AS_OF, "--format", "concise", "--fail-on", "never"
            ),
            repeat,
        ),
        "partnerkit check, one process": measure(
            partnerkit(
                "check", str(folder), "--as-of", AS_OF, "--format", "concise", "--fail-on", "never"
            ),
            repeat,
            env={"PARTNERKIT_JOBS": "1"},
        ),
        "partnerkit followup": measure(
            partnerkit("followup", str(folder), "--as-of", AS_OF, "--format", "json"), repeat
        ),
    }
    peer = shutil.which("check-jsonschema")
    if peer:
        rows["check-jsonschema"] = measure(
            [peer, "--schemafile", str(schema), *files], max(1, repeat // 2)
        )
    return rows


def startup_rows(folder: Path, repeat: int) -> dict[str, Measure]:
    """Start-up against ``import typer``; ``check`` of one record with the compiled record
    schema kept from an earlier run (as every run after the first sees it) and without it
    (``/dev/null`` as the cache folder, as on the first run after an upgrade), and the
    stack's own import (:data:`STACK_FLOOR`)."""
    one = str(next(folder.glob("*.yaml")))
    check_one = partnerkit("check", one, "--as-of", AS_OF, "--fail-on", "never")
    run_once(check_one)  # the first run after installing writes the cache
    return {
        'python -c "import typer"': measure([sys.executable, "-c", "import typer"], repeat),
        "partnerkit --version": measure(partnerkit("--version"), repeat),
        "partnerkit check (one record)": measure(check_one, repeat),
        "partnerkit check (one record, no schema cache)": measure(
            check_one, repeat, {"PARTNERKIT_CACHE_DIR": os.devnull}
        ),
        f'python -c "{STACK_FLOOR}"': measure([sys.executable, "-c", STACK_FLOOR], repeat),
    }


def compile_package() -> None:
    """Write partnerkit's bytecode, as ``pip install`` does, so that start-up is measured as
    users see it even in an editable install under PYTHONDONTWRITEBYTECODE."""
    import partnerkit

    package = Path(partnerkit.__file__).parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def report(results: dict[int, dict[str, Measure]], startup: dict[str, Measure]) -> str:
    sizes = sorted(results)
    lines = [
        "# partnerkit benchmark",
        "",
        f"Run {date.today()} on {platform.node() or 'unknown'}: {platform.platform()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}.",
        "Wall time is the median of several fresh processes; ratios are against the baseline "
        "measured in the same run.",
        "",
        "| records | bare parse (s) | check (s) | check ÷ parse | check, 1 process ÷ parse "
        "| followup (s) | followup ÷ parse | check-jsonschema (s) | peer ÷ check "
        "| peak MB (check / followup) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for size in sizes:
        r = results[size]
        bare, check, follow = (
            r["bare libyaml parse"],
            r["partnerkit check"],
            r["partnerkit followup"],
        )
        peer = r.get("check-jsonschema")
        lines.append(
            f"| {size} | {bare.seconds:.2f} | {check.seconds:.2f} "
            f"| {check.seconds / bare.seconds:.2f} "
            f"| {r['partnerkit check, one process'].seconds / bare.seconds:.2f} "
            f"| {follow.seconds:.2f} | {follow.seconds / bare.seconds:.2f} "
            f"| {f'{peer.seconds:.2f}' if peer else '–'} "
            f"| {f'{peer.seconds / check.seconds:.1f}' if peer else '–'} "
            f"| {check.peak_mb:.0f} / {follow.peak_mb:.0f} |"
        )
    typer_s = startup['python -c "import typer"'].seconds
    lines += ["", "| start-up | seconds | ÷ import typer |", "|---|---|---|"]
    for name, m in startup.items():
        lines.append(f"| `{name}` | {m.seconds:.3f} | {m.seconds / typer_s:.2f} |")
    lines += ["", "## Targets", "", "| target | measured | verdict |", "|---|---|---|"]
    largest, smaller = sizes[-1], sizes[-2] if len(sizes) > 1 else None
    r = results[largest]
    bare = r["bare libyaml parse"].seconds
    check = r["partnerkit check"].seconds
    follow = r["partnerkit followup"].seconds
    targets = [
        (
            f"check ≤ 2.0 × bare parse ({largest} records)",
            f"{check / bare:.2f}",
            check / bare <= 2.0,
        ),
        (
            f"followup ≤ 2.5 × bare parse ({largest} records)",
            f"{follow / bare:.2f}",
            follow / bare <= 2.5,
        ),
        (
            f"peak memory ≤ 400 MB ({largest} records)",
            f"{max(r['partnerkit check'].peak_mb, r['partnerkit followup'].peak_mb):.0f} MB",
            max(r["partnerkit check"].peak_mb, r["partnerkit followup"].peak_mb) <= 400,
        ),
    ]
    if "check-jsonschema" in r:
        speedup = r["check-jsonschema"].seconds / check
        targets.append(("≥ 10 × faster than check-jsonschema", f"{speedup:.1f} ×", speedup >= 10))
    if smaller and largest == smaller * 10:
        growth = check / results[smaller]["partnerkit check"].seconds
        targets.append(
            (f"linear: {largest} records ≤ 11 × {smaller} records", f"{growth:.2f} ×", growth <= 11)
        )
    version = startup["partnerkit --version"].seconds / typer_s
    one = startup["partnerkit check (one record)"].seconds / typer_s
    targets += [
        ("`--version` ≤ 1.3 × import typer", f"{version:.2f}", version <= 1.3),
        ("`check` of one record ≤ 3 × import typer", f"{one:.2f}", one <= 3),
    ]
    for name, value, ok in targets:
        lines.append(f"| {name} | {value} | {verdict(ok)} |")
    floor = startup[f'python -c "{STACK_FLOOR}"'].seconds
    lines += [
        "",
        f"Importing the stack alone (`{STACK_FLOOR}`) is {floor / typer_s:.2f} × import typer; "
        f"`check` of one record is {startup['partnerkit check (one record)'].seconds / floor:.2f}"
        " × that floor.",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "results.md")
    args = parser.parse_args()
    compile_package()
    with tempfile.TemporaryDirectory(prefix="partnerkit-bench-") as tmp:
        os.environ["PARTNERKIT_CACHE_DIR"] = str(Path(tmp) / "cache")  # not the user's cache
        schema = Path(tmp) / "schema.json"
        schema.write_bytes(
            subprocess.run(partnerkit("schema"), capture_output=True, check=True).stdout
        )
        results = {}
        for size in args.sizes:
            print(f"portfolio of {size} records …", flush=True)
            results[size] = portfolio_rows(size, Path(tmp) / f"p{size}", args.repeat, schema)
        startup = startup_rows(Path(tmp) / f"p{args.sizes[0]}", max(args.repeat, 10))
    text = report(results, startup)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
