#!/usr/bin/env python3
"""README's performance table from one run of `callsign bench --json`.

    python3 scripts/bench_readme.py write BENCH.json   rewrite the table
    python3 scripts/bench_readme.py check BENCH.json   fail if stale

The table sits between <!-- perf-table:begin --> and <!-- perf-table:end -->
in README.md. Timings differ from machine to machine, so `check` does not
compare numbers: it fails when the table's rows (case, candidate) or target
lines are not exactly those the current `callsign bench` reports, i.e. when
a case, a peer or a target was added, renamed or removed without the table
being regenerated.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BEGIN, END = "<!-- perf-table:begin -->", "<!-- perf-table:end -->"


def render(bench, note):
    out = [BEGIN, note, ""]
    out.append("| case | candidate | ns/op | of floor | x best peer |")
    out.append("|---|---|--:|--:|--:|")
    for r in bench["results"]:
        of_floor = "" if r["of_floor"] is None else f"{r['of_floor'] * 100:.0f} %"
        vs = "" if r["vs_best_peer"] is None or r["peer"] else f"{r['vs_best_peer']:.2f}"
        ns = r["ns_per_op"]
        ns_text = f"{ns / 1000:.1f} µs" if ns >= 10_000 else f"{ns:.1f}"
        out.append(f"| {r['case']} | {r['candidate']} | {ns_text} | {of_floor} | {vs} |")
    out.append("")
    out.append("| target | ratio | goal | met |")
    out.append("|---|--:|--:|---|")
    for t in bench["targets"]:
        ratio = "not measured" if t["ratio"] is None else f"{t['ratio']:.2f}"
        met = {True: "yes", False: "**no**", None: "-"}[t["met"]]
        out.append(f"| {t['target']} | {ratio} | {t['goal']:.2f} | {met} |")
    out.append(END)
    return "\n".join(out)


def rows_of(text):
    """(case, candidate) rows and target names of a rendered table."""
    rows, targets = [], []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0] not in ("case", "---"):
            rows.append((cells[0], cells[1]))
        elif len(cells) == 4 and cells[0] not in ("target", "---"):
            targets.append(cells[0])
    return rows, targets


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("write", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    bench = json.loads(Path(sys.argv[2]).read_text())
    text = README.read_text()
    m = re.search(re.escape(BEGIN) + r".*?" + re.escape(END), text, re.S)
    if not m:
        print("README.md has no perf-table markers", file=sys.stderr)
        return 1
    if sys.argv[1] == "write":
        note = bench.get("note", "")
        README.write_text(text[: m.start()] + render(bench, note) + text[m.end():])
        print("README.md performance table rewritten")
        return 0
    want = rows_of(render(bench, ""))
    have = rows_of(m.group(0))
    if want != have:
        print("README.md performance table is stale: rows or targets differ from `callsign bench`;"
              " regenerate with `bash scripts/bench.sh --update-readme`", file=sys.stderr)
        for label, a, b in (("rows", want[0], have[0]), ("targets", want[1], have[1])):
            for x in a:
                if x not in b:
                    print(f"  missing {label[:-1]}: {x}", file=sys.stderr)
            for x in b:
                if x not in a:
                    print(f"  extra {label[:-1]}: {x}", file=sys.stderr)
        return 1
    print("README.md performance table: rows and targets current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
