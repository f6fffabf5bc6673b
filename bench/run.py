"""Benchmark partnerkit against baselines measured in the same run.

    python bench/run.py [--sizes 10 100 1000] [--repeat 3] [--rounds 31] [--out bench/results.md]
    python bench/run.py --startup-only [--out /tmp/startup.md]      # about a minute

For each portfolio size it generates records (bench/generate.py), then measures, as median
wall time of several runs of a fresh process: the bare libyaml parse of the same files (the
floor), `partnerkit check`, `partnerkit followup`, and check-jsonschema with the record schema
(the peer, when installed), and peak memory.

Start-up is measured in interleaved rounds: each round runs `python -c "import typer"`,
`partnerkit --version`, the stack's own import (:data:`STACK_FLOOR`) and, right after it,
`check` of one record, so each ratio is the median over rounds of a command against the
baseline run next to it, and load that comes and goes hits both. Before the rounds
partnerkit's bytecode is compiled, and a warm-up run writes the compiled record schema into a
cache folder the bench owns (a temporary PARTNERKIT_CACHE_DIR, never the user's); the
cold-cache row gives every run an empty folder of its own (the first run after installing or
upgrading, which also writes the cache). The record checked is the largest example record in
partnerships/ (a real record, with findings, so the text renderer runs too); the generated
portfolio record, larger than any example, has a row of its own. Output goes to /dev/null: on
a terminal `check` also imports Rich for colour (about 10 ms). `--startup-only` skips the
portfolios and writes nothing unless --out is given.

Results are ratios, printed and written to bench/results.md with the machine, the Python and
the install mode they ran on. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
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

EXAMPLES = HERE.parent / "partnerships"

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


@dataclass
class Startup:
    seconds: float  # median wall time over the rounds
    per_typer: float  # median over rounds of this run ÷ that round's `import typer`
    per_floor: float  # median over rounds of this run ÷ that round's stack floor
    floor_quartiles: tuple[float, float]  # the middle half of those per-round ratios


TYPER = 'python -c "import typer"'
FLOOR = f'python -c "{STACK_FLOOR}"'
CHECK_ONE = "partnerkit check (one record)"
CHECK_COLD = "partnerkit check (one record, no schema cache: first run, writes it)"
CHECK_GENERATED = "partnerkit check (one generated record)"


def startup_record() -> Path | None:
    """The record a user's commit hook would check: the largest example record."""
    examples = sorted(EXAMPLES.glob("*.yaml"), key=lambda p: (-p.stat().st_size, p.name))
    return examples[0] if examples else None


def startup_rows(generated: Path, rounds: int, tmp: Path) -> tuple[dict[str, Startup], str]:
    """Start-up in ``rounds`` interleaved rounds (see the module's docstring), and which
    records were checked. ``generated`` is a record written by bench/generate.py."""
    record = startup_record() or generated
    cache = Path(os.environ["PARTNERKIT_CACHE_DIR"])

    def check(path: Path) -> list[str]:
        return partnerkit("check", str(path), "--as-of", AS_OF, "--fail-on", "never")

    cold_runs = iter(range(1_000_000))

    def env(name: str) -> dict[str, str] | None:  # without the cache: a new empty folder each run
        if name != CHECK_COLD:
            return None
        return {"PARTNERKIT_CACHE_DIR": str(tmp / "cold-cache" / str(next(cold_runs)))}

    commands = {
        TYPER: [sys.executable, "-c", "import typer"],
        "partnerkit --version": partnerkit("--version"),
        FLOOR: [sys.executable, "-c", STACK_FLOOR],
        CHECK_ONE: check(record),  # right after the floor: the pair the target is about
        CHECK_GENERATED: check(generated),
        CHECK_COLD: check(record),
    }
    for name, command in commands.items():  # warm-up: page cache, and the schema cache
        for _ in range(2):
            run_once(command, env(name))
    if not list(cache.glob("record-schema-*.pickle")):
        raise SystemExit(f"the warm-up wrote no schema cache into {cache}: check would run cold")
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            times[name].append(run_once(command, env(name)).seconds)
    rows = {}
    for name, runs in times.items():
        per_floor = [t / b for t, b in zip(runs, times[FLOOR], strict=True)]
        q1, _, q3 = statistics.quantiles(per_floor, n=4)
        rows[name] = Startup(
            statistics.median(runs),
            statistics.median(t / b for t, b in zip(runs, times[TYPER], strict=True)),
            statistics.median(per_floor),
            (q1, q3),
        )
    checked = (
        f"one record is {display(record)} ({record.stat().st_size / 1000:.0f} kB); "
        f"the generated record is {generated.name} ({generated.stat().st_size / 1000:.0f} kB)"
    )
    return rows, checked


def display(path: Path) -> str:
    try:
        return str(path.relative_to(HERE.parent))
    except ValueError:
        return str(path)


def compile_package() -> str:
    """Write partnerkit's bytecode, as ``pip install`` does, so that start-up is measured as
    users see it even in an editable install under PYTHONDONTWRITEBYTECODE (without it every
    run compiles every module: about 40 ms). Returns what was missing."""
    import importlib.util

    import partnerkit

    package = Path(partnerkit.__file__).parent
    sources = list(package.rglob("*.py"))
    missing = sum(not Path(importlib.util.cache_from_source(str(p))).exists() for p in sources)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    return f"{missing} of {len(sources)} modules had no bytecode; the bench compiled them"


def install_mode() -> str:
    """How partnerkit is installed and where it is imported from."""
    from importlib import metadata

    import partnerkit

    where = display(Path(partnerkit.__file__).parent)
    try:
        direct_url = metadata.distribution("partnerkit").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return f"not installed, imported from {where}"
    if json.loads(direct_url or "{}").get("dir_info", {}).get("editable"):
        return f"editable install, imported from {where}"
    return f"regular install, imported from {where}"


MINIMAL = (
    'schema_version: "1"\nid: worst\ntitle: {sv: Värsta fallet}\nparties:\n'
    "  - {id: eu, name: Exempeluniversitetet, role: larosate_host, sector: offentlig_sektor}\n"
    "  - {id: nv, name: Nordverk AB, role: partner, sector: naringsliv}\n"
    "lifecycle: {phase: drift, phase_since: 2024-01-01}\n"
)


def worst_files(folder: Path) -> dict[str, Path]:
    """Records at partnerkit's limits (Limits()): the most values a file may hold, and the
    most items one list may hold, each as the most expensive shape found (many people)."""
    from partnerkit.config import Limits

    limits = Limits()
    folder.mkdir(parents=True, exist_ok=True)
    people = (limits.max_values - 100) // 9  # a person of four fields is nine values
    block = "".join(
        f"  - {{id: p-{i}, name: Namn {i}, side: eu, title: T}}\n" for i in range(people)
    )
    flow = ", ".join(["{}"] * limits.max_list_items)
    shapes = {
        f"{people} people ({limits.max_values} values)": MINIMAL + "people:\n" + block,
        f"{limits.max_list_items} empty people in one flow list": MINIMAL + f"people: [{flow}]\n",
        "2 MB of `- 1` (over the limits: refused)": "- 1\n" * (limits.max_file_bytes // 4 - 1),
    }
    files = {}
    for index, (name, text) in enumerate(shapes.items()):
        files[name] = folder / f"worst-{index}.yaml"
        files[name].write_text(text, encoding="utf-8")
    return files


def limit_rows(folder: Path, repeat: int) -> dict[str, Measure]:
    return {
        name: measure(partnerkit("check", str(path), "--fail-on", "never"), repeat)
        for name, path in worst_files(folder).items()
    }


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def report(
    results: dict[int, dict[str, Measure]],
    startup: dict[str, Startup],
    setup: dict[str, str],
    limits: dict[str, Measure] | None = None,
) -> str:
    sizes = sorted(results)
    lines = [
        "# partnerkit benchmark",
        "",
        f"Run {date.today()} on {platform.node() or 'unknown'}: {platform.platform()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; partnerkit "
        f"{setup['version']}, {setup['install']}, run as `python -m partnerkit`; "
        f"{setup['bytecode']}.",
        "Wall time is the median of several fresh processes; ratios are against the baseline "
        "measured in the same run. Start-up: the median of "
        f"{setup['rounds']} interleaved rounds, each ratio against the baseline run in the "
        "same round; the schema cache is warmed first in a cache folder of the bench's own; "
        f"{setup['records']}.",
    ]
    if results:
        lines += [
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
    if limits:
        lines += ["", "| worst file within the limits | seconds | peak MB |", "|---|---|---|"]
        lines += [f"| {name} | {m.seconds:.2f} | {m.peak_mb:.0f} |" for name, m in limits.items()]
    lines += [
        "",
        "| start-up | seconds | ÷ import typer | ÷ stack floor |",
        "|---|---|---|---|",
    ]
    for name, m in startup.items():
        lines.append(f"| `{name}` | {m.seconds:.3f} | {m.per_typer:.2f} | {m.per_floor:.2f} |")
    lines += ["", "## Targets", "", "| target | measured | verdict |", "|---|---|---|"]
    targets = []
    if results:
        largest, smaller = sizes[-1], sizes[-2] if len(sizes) > 1 else None
        r = results[largest]
        bare = r["bare libyaml parse"].seconds
        check = r["partnerkit check"].seconds
        follow = r["partnerkit followup"].seconds
        targets += [
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
            targets.append(
                ("≥ 10 × faster than check-jsonschema", f"{speedup:.1f} ×", speedup >= 10)
            )
        if smaller and largest == smaller * 10:
            growth = check / results[smaller]["partnerkit check"].seconds
            targets.append(
                (
                    f"linear: {largest} records ≤ 11 × {smaller} records",
                    f"{growth:.2f} ×",
                    growth <= 11,
                )
            )
    if limits:
        slowest = max(m.seconds for m in limits.values())
        biggest = max(m.peak_mb for m in limits.values())
        targets += [
            ("any file within the limits checked in ≤ 5 s", f"{slowest:.2f} s", slowest <= 5),
            ("… and in ≤ 200 MB", f"{biggest:.0f} MB", biggest <= 200),
        ]
    version = startup["partnerkit --version"].per_typer
    one = startup[CHECK_ONE]
    targets += [
        ("`--version` ≤ 1.3 × import typer", f"{version:.2f}", version <= 1.3),
        ("`check` of one record ≤ 3 × import typer", f"{one.per_typer:.2f}", one.per_typer <= 3),
        (
            "`check` of one record ≤ 1.2 × stack floor",
            f"{one.per_floor:.2f} (middle half of the rounds: "
            f"{one.floor_quartiles[0]:.2f}–{one.floor_quartiles[1]:.2f})",
            one.per_floor <= 1.2,
        ),
    ]
    for name, value, ok in targets:
        lines.append(f"| {name} | {value} | {verdict(ok)} |")
    lines += [
        "",
        f"Importing the stack alone (`{STACK_FLOOR}`) is "
        f"{startup[FLOOR].per_typer:.2f} × import typer; `check` of one record is "
        f"{one.per_floor:.2f} × that floor ({startup[CHECK_GENERATED].per_floor:.2f} × for the "
        f"generated record, {startup[CHECK_COLD].per_floor:.2f} × without the schema cache).",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=31, help="interleaved start-up rounds")
    parser.add_argument(
        "--startup-only",
        action="store_true",
        help="measure start-up only (about a minute); writes only to an explicit --out",
    )
    parser.add_argument(
        "--out", type=Path, help="where to write the results (default: bench/results.md)"
    )
    args = parser.parse_args()
    if args.rounds < 3:
        parser.error("--rounds must be at least 3")
    out = args.out or (None if args.startup_only else HERE / "results.md")
    from partnerkit import __version__

    setup = {
        "version": __version__,
        "install": install_mode(),
        "bytecode": compile_package(),
        "rounds": str(args.rounds),
    }
    with tempfile.TemporaryDirectory(prefix="partnerkit-bench-") as tmp:
        os.environ["PARTNERKIT_CACHE_DIR"] = str(Path(tmp) / "cache")  # not the user's cache
        results, limits = {}, {}
        if not args.startup_only:
            print("worst files within the limits …", flush=True)
            limits = limit_rows(Path(tmp) / "limits", args.repeat)
            schema = Path(tmp) / "schema.json"
            schema.write_bytes(
                subprocess.run(partnerkit("schema"), capture_output=True, check=True).stdout
            )
            for size in args.sizes:
                print(f"portfolio of {size} records …", flush=True)
                results[size] = portfolio_rows(size, Path(tmp) / f"p{size}", args.repeat, schema)
        print(f"start-up, {args.rounds} interleaved rounds …", flush=True)
        generated = generate(1, Path(tmp) / "startup")[0]
        startup, setup["records"] = startup_rows(generated, args.rounds, Path(tmp))
    text = report(results, startup, setup, limits)
    if out:
        out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
