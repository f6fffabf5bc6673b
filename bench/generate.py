"""Write a realistic, deterministic portfolio of partnership records for benchmarks.

    python bench/generate.py --records 1000 --out /tmp/portfolio [--seed 1]

Each record has several parties, about 30 people, three governance bodies with years of
meetings, goals with yearly measurements, about 50 activities and a long follow-up log. The
records are valid (no YAML, schema or reference problems); the handbook rules may warn.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

FORMS = [
    "forskningsprojekt", "gemensam_ansokan", "centrum", "industridoktorand", "adjungering",
    "personrorlighet", "infrastruktur", "examensarbete", "praktik", "studentprojekt",
    "gastforelasning", "utbildningsutveckling", "uppdragsutbildning", "rekrytering",
    "skolsamverkan", "innovation", "strategisk_dialog", "evenemang", "kommunikation",
]  # fmt: skip
DOMAINS = ["teknik_naturvetenskap", "medicin_vard", "samhallsvetenskap", "humaniora_konst"]
LOG_TYPES = ["meeting", "note", "contact", "issue", "communication", "resource_allocation"]
FIRST = ["Anna", "Erik", "Maria", "Johan", "Karin", "Lars", "Sara", "Per", "Eva", "Nils"]
LAST = ["Lind", "Berg", "Holm", "Ek", "Strand", "Dahl", "Sjö", "Ros", "Falk", "Wall"]
SECTORS = [
    ("naringsliv", "storforetag"),
    ("offentlig_sektor", "region"),
    ("offentlig_sektor", "kommun"),
]
LEVELS = ["strategisk", "taktisk", "operativ"]


def q(text: str) -> str:
    """A double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, indent: int, text: str) -> None:
        self.lines.append("  " * indent + text)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def record(index: int, rng: random.Random) -> str:
    w = Writer()
    start = date(2018, 1, 1) + timedelta(days=rng.randrange(0, 900))
    today = date(2026, 11, 28)
    sector, subsector = rng.choice(SECTORS)
    w.add(0, f"# Generated benchmark record {index} (fictional).")
    w.add(0, 'schema_version: "1"')
    w.add(0, f"id: bench-{index:05d}")
    w.add(0, "title:")
    w.add(1, f"sv: {q(f'Partnerskap {index} med Exempelpartner {index}')}")
    w.add(1, f"en: {q(f'Partnership {index} with Example partner {index}')}")
    w.add(0, "parties:")
    w.add(
        1, "- {id: eu, name: Exempeluniversitetet, role: larosate_host, sector: offentlig_sektor}"
    )
    w.add(
        1,
        f"- {{id: p1, name: {q(f'Exempelpartner {index}')}, role: partner, "
        f"sector: {sector}, subsector: {subsector}}}",
    )
    w.add(0, "lifecycle:")
    w.add(1, "phase: drift")
    w.add(1, f"phase_since: {start + timedelta(days=365)}")
    w.add(1, "history:")
    w.add(2, f"- {{phase: uppstart, from: {start}}}")
    w.add(2, f"- {{phase: drift, from: {start + timedelta(days=365)}}}")
    _agreements(w, start)
    people = _people(w, rng)
    _leadership(w, start)
    _governance(w, rng, start, today, people)
    _contact_pairs(w)
    _resources(w, start)
    _goals(w, rng, start, today)
    _action_plans(w, today)
    _activities(w, rng, start, today, people)
    _benefits(w)
    _coordination(w, start)
    _log(w, rng, start, today)
    _decisions(w, rng, start, today)
    _assessments(w, rng, today)
    w.add(0, "ethics:")
    w.add(1, "publication_freedom: true")
    w.add(1, f"risk_assessment: {{date: {start - timedelta(days=30)}, outcome: ok}}")
    return w.text()


def _agreements(w: Writer, start: date) -> None:
    w.add(0, "agreements:")
    period_start = start
    while period_start <= date(2026, 11, 28):
        end = date(period_start.year + 4, period_start.month, 1) - timedelta(days=1)
        w.add(1, "- type: samverkansavtal")
        w.add(2, f"signed_date: {period_start - timedelta(days=20)}")
        w.add(2, f"start: {period_start}")
        w.add(2, f"end: {end}")
        w.add(2, "renewal: {mode: by_decision, review_lead_months: 12}")
        w.add(2, "signatories:")
        w.add(3, "- {side: eu, person_id: p-0, role: rektor}")
        w.add(3, "- {side: p1, person_id: p-1, role: vd}")
        w.add(2, "clauses: {publication_freedom: true}")
        period_start = end + timedelta(days=1)


def _people(w: Writer, rng: random.Random) -> list[str]:
    w.add(0, "people:")
    ids = []
    for i in range(24):
        side = "eu" if i % 2 == 0 else "p1"
        level = LEVELS[min(i // 4, 2)]
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        w.add(1, f"- {{id: p-{i}, name: {name}, side: {side}, title: roll {i}, level: {level}}}")
        ids.append(f"p-{i}")
    return ids


def _leadership(w: Writer, start: date) -> None:
    w.add(0, "leadership:")
    w.add(1, f"- {{person_id: p-0, side: eu, role: rektor, from: {start}}}")
    w.add(1, f"- {{person_id: p-1, side: p1, role: vd, from: {start}}}")


def _governance(w: Writer, rng: random.Random, start: date, today: date, people: list[str]) -> None:
    w.add(0, "governance:")
    for body, kind, level, per_year in (
        ("rad", "partnerskapsrad", "strategisk", 1),
        ("styrgrupp", "styrgrupp", "taktisk", 4),
        ("arbetsgrupp", "arbetsgrupp", "operativ", 6),
    ):
        members = {
            "strategisk": ("p-0", "p-1"),
            "taktisk": ("p-4", "p-5"),
            "operativ": ("p-8", "p-9"),
        }
        chair, member = members[level]
        w.add(1, f"- id: {body}")
        w.add(2, f"type: {kind}")
        w.add(2, f"level: {level}")
        w.add(2, f"cadence: {{per_year: {per_year}}}")
        w.add(2, "members:")
        w.add(3, f"- {{person_id: {chair}, side: eu, role: chair}}")
        w.add(3, f"- {{person_id: {member}, side: p1}}")
        w.add(2, "meetings:")
        day = start + timedelta(days=30)
        step = 365 // per_year
        while day < today:
            sent = day - timedelta(days=7)
            minutes = day + timedelta(days=7)
            filed = (
                f", minutes_ref: p-{day}.pdf, minutes_date: {minutes}" if minutes <= today else ""
            )
            w.add(
                3,
                f"- {{date: {day}, attendees: [{chair}, {member}], brief_ref: u-{day}.pdf, "
                f"brief_sent: {sent}{filed}}}",
            )
            day += timedelta(days=step - rng.randrange(0, 10))
        w.add(3, f"- {{date: {day + timedelta(days=3)}, status: planned}}")


def _contact_pairs(w: Writer) -> None:
    w.add(0, "contact_pairs:")
    for level, (a, b) in zip(LEVELS, (("p-0", "p-1"), ("p-4", "p-5"), ("p-8", "p-9")), strict=True):
        w.add(1, f"- {{level: {level}, members: {{eu: {a}, p1: {b}}}}}")


def _resources(w: Writer, start: date) -> None:
    w.add(0, "resources:")
    for i, (side, level, holder) in enumerate(
        (
            ("eu", "strategisk", "p-0"),
            ("eu", "taktisk", "p-4"),
            ("eu", "operativ", "p-8"),
            ("p1", "taktisk", "p-5"),
        )
    ):
        w.add(1, f"- id: r{i}")
        w.add(2, f"side: {side}")
        w.add(2, f"level: {level}")
        w.add(2, "kind: personnel_fte")
        w.add(2, "amount: 0.3")
        w.add(2, "unit: FTE")
        w.add(2, f"period: {{from: {start}, to: 2029-12-31}}")
        w.add(2, "purpose: partnerskapssamordnare" if i == 1 else f"purpose: satsning {i}")
        w.add(2, f"mandate: {{holder_person_id: {holder}, scope: prioritera aktiviteter}}")


def _goals(w: Writer, rng: random.Random, start: date, today: date) -> None:
    w.add(0, "goals:")
    for g in range(4):
        w.add(1, f"- id: g{g}")
        w.add(2, f"title: {q(f'Gemensamt mål {g}: stärkt samverkan inom område {g}')}")
        w.add(2, "owners: {eu: p-4, p1: p-5}")
        w.add(2, "strategy_links: {eu: [Strategi 2030], p1: [Partnerstrategi]}")
        w.add(2, "indicators:")
        for i in range(3):
            base = rng.randrange(5, 50)
            w.add(3, f"- id: g{g}-i{i}")
            w.add(4, f"name: {q(f'Indikator {g}.{i}')}")
            w.add(4, "unit: count")
            w.add(4, f"baseline: {{date: {start}, value: {base}}}")
            w.add(4, f"target: {{date: 2029-12-31, value: {base * 2}}}")
            w.add(4, "frequency: yearly")
            w.add(4, "measurements:")
            for year in range(start.year, today.year):
                value = base + (year - start.year) * rng.randrange(1, 4)
                w.add(5, f"- {{date: {year}-12-31, value: {value}}}")


def _action_plans(w: Writer, today: date) -> None:
    w.add(0, "action_plans:")
    for year in range(today.year - 2, today.year + 1):
        w.add(1, f"- period: {{from: {year}-01-01, to: {year}-12-31}}")
        w.add(2, "items:")
        for i in range(3):
            status = "done" if year < today.year else "open"
            w.add(
                3,
                f"- {{id: ap-{year}-{i}, title: Åtgärd {i}, goal_ids: [g{i}], "
                f"responsible: {{eu: p-8, p1: p-9}}, due: {year}-12-31, status: {status}}}",
            )


def _activities(w: Writer, rng: random.Random, start: date, today: date, people: list[str]) -> None:
    w.add(0, "activities:")
    for a in range(50):
        begin = start + timedelta(days=rng.randrange(0, (today - start).days))
        form = rng.choice(FORMS)
        domains = sorted(set(rng.sample(DOMAINS, rng.randrange(1, 3))))
        ongoing = begin > today - timedelta(days=400)
        w.add(1, f"- id: a{a}")
        w.add(2, f"title: {q(f'Aktivitet {a}: {form}')}")
        w.add(2, f"form: {form}")
        w.add(2, f"goal_ids: [g{a % 4}]")
        w.add(2, f"domains: [{', '.join(domains)}]")
        w.add(2, "contacts: {eu: p-8, p1: p-9}")
        w.add(2, f"start: {begin}")
        if ongoing:
            w.add(2, "status: ongoing")
        else:
            w.add(2, f"end: {begin + timedelta(days=rng.randrange(30, 300))}")
            w.add(2, "status: completed")
        w.add(2, f"volume: {rng.randrange(1, 10)}")


def _benefits(w: Writer) -> None:
    w.add(0, "benefits:")
    w.add(1, "per_party:")
    w.add(2, "- {side: eu, benefit: Forskningsfrågor från praktiken, indicator_ids: [g0-i0]}")
    w.add(2, "- {side: p1, benefit: Rekrytering av nyutexaminerade, evidence: Årlig uppföljning}")
    w.add(1, "joint_value:")
    w.add(2, "- {statement: Gemensam kunskapsbas, why_not_alone: Kräver båda parters kompetens}")


def _coordination(w: Writer, start: date) -> None:
    w.add(0, "coordination:")
    w.add(1, f"coordinator: {{person_id: p-4, side: eu, fte: 0.3, from: {start}}}")
    w.add(1, "counterparts: [{person_id: p-5, side: p1}]")
    w.add(
        1, "support_functions: [{side: eu, function: samverkansavdelning, contact_person_id: p-6}]"
    )
    w.add(1, "internal_network:")
    for i, domain in enumerate(DOMAINS):
        w.add(2, f"- {{unit: Fakultet {i}, person_id: p-{8 + 2 * i}, domain: {domain}}}")


def _log(w: Writer, rng: random.Random, start: date, today: date) -> None:
    w.add(0, "followup_log:")
    day = start
    n = 0
    while day < today:
        kind = rng.choice(LOG_TYPES)
        w.add(
            1,
            f"- {{date: {day}, type: {kind}, "
            f"summary: {q(f'Logganteckning {n} om samverkan')}, author: p-4}}",
        )
        day += timedelta(days=rng.randrange(20, 45))
        n += 1


def _decisions(w: Writer, rng: random.Random, start: date, today: date) -> None:
    w.add(0, "decisions:")
    for d in range(25):
        day = start + timedelta(days=rng.randrange(0, (today - start).days - 60))
        w.add(1, f"- id: d{d}")
        w.add(2, f"date: {day}")
        w.add(2, "body_id: styrgrupp")
        w.add(2, f"text: {q(f'Beslut {d} om gemensam satsning')}")
        w.add(2, "owner: p-4")
        w.add(2, f"due: {day + timedelta(days=60)}")
        w.add(2, "status: done")
        w.add(2, f"closed: {day + timedelta(days=rng.randrange(5, 55))}")


def _assessments(w: Writer, rng: random.Random, today: date) -> None:
    w.add(0, "assessments:")
    for year in range(today.year - 3, today.year + 1):
        w.add(1, f"- date: {year}-05-15")
        w.add(2, "instrument: alliance_health_check")
        w.add(2, "respondents: [{side: eu, n: 4}, {side: p1, n: 4}]")
        w.add(2, "scores:")
        for dimension in ("strategiskt värde", "nytta", "styrning"):
            for side in ("eu", "p1"):
                w.add(
                    3,
                    f"- {{dimension: {dimension}, side: {side}, "
                    f"value: {rng.randrange(30, 50) / 10}}}",
                )


def generate(records: int, out: Path, seed: int = 1) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(records):
        rng = random.Random(seed * 1_000_003 + index)
        path = out / f"bench-{index:05d}.yaml"
        path.write_text(record(index, rng), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = generate(args.records, args.out, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} records, {size / 1e6:.1f} MB, to {args.out}")


if __name__ == "__main__":
    main()
