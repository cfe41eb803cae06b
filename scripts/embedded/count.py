#!/usr/bin/env python3
"""Instruction counts from a QEMU execution trace (scripts/embedded.sh).

Usage: count.py TRACE OUTPUT LABEL

TRACE is QEMU's log of `-accel tcg,one-insn-per-tb=on -d exec,nochain`:
every translation block holds one guest instruction and, without
chaining, each execution of one logs a line `Trace N: HOST [X/PC/...]`, so
the lines are the executed instructions, in order. OUTPUT is the
firmware's console output: `count-mark ADDRESS` (decimal; the entry of the
marker function) and `count-region NAME` in the order the firmware ran
them, each region twice between two calls of the marker.

A region's count is the number of instructions from the first marker's
entry to the second's, less the `empty` region's (the two markers alone),
so it includes the measured function's call and return (the smaller of
the two runs). Checks: the two runs of a region differ by at most 4
instructions (code of the caller scheduled between the markers); `calib-3000` exceeds `calib-1000` by exactly
5 * 2000 instructions (a 5-instruction loop) and `calib-1000` is
5 * 1000 plus at most 16 instructions of call. Prints
`insns LABEL NAME COUNT` per region and exits 1 on any failed check.
Standard library only.
"""

import re
import sys

LINE = re.compile(r"^Trace \d+: \S+ \[[0-9a-f]+/([0-9a-f]+)/")


def main(argv):
    if len(argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    trace, output, label = argv[1:]
    mark, names = None, []
    for line in open(output, encoding="utf-8", errors="replace"):
        f = line.split()
        if len(f) == 2 and f[0] == "count-mark":
            mark = int(f[1]) & ~1  # a Thumb function's address has bit 0 set
        elif len(f) == 2 and f[0] == "count-region":
            names.append(f[1])
    if mark is None or not names:
        print("count: no count-mark / count-region in the firmware output")
        return 1
    hits, n = [], 0
    with open(trace, encoding="utf-8", errors="replace") as t:
        for line in t:
            m = LINE.match(line)
            if not m:
                continue
            if int(m.group(1), 16) == mark:
                hits.append(n)
            n += 1
    if len(hits) != 4 * len(names):
        print("count: %d marker calls in the trace, expected %d" % (len(hits), 4 * len(names)))
        return 1
    raw = {}
    bad = 0
    for i, name in enumerate(names):
        a = hits[4 * i + 1] - hits[4 * i]
        b = hits[4 * i + 3] - hits[4 * i + 2]
        # The same code, but the compiler may schedule an instruction of
        # the caller into one of the two regions.
        if abs(a - b) > 4:
            print("count: %s %s: the two runs differ (%d, %d)" % (label, name, a, b))
            bad = 1
        raw[name] = min(a, b)
    if "empty" not in raw or "calib-1000" not in raw or "calib-3000" not in raw:
        print("count: the empty and calibration regions are missing")
        return 1
    net = {k: v - raw["empty"] for k, v in raw.items()}
    step = net["calib-3000"] - net["calib-1000"]
    call = net["calib-1000"] - 5 * 1000
    if step != 5 * 2000 or not 0 <= call <= 16:
        print("count: %s: calibration failed: 3000 - 1000 iterations = %d instructions (want 10000),"
              " call overhead %d" % (label, step, call))
        bad = 1
    else:
        print("count: %s: calibration ok (2000 iterations of 5 instructions = %d, call %d;"
              " markers alone %d)" % (label, step, call, raw["empty"]))
    for name in names:
        if name != "empty":
            print("insns\t%s\t%s\t%d" % (label, name, net[name]))
    return bad


if __name__ == "__main__":
    sys.exit(main(sys.argv))
