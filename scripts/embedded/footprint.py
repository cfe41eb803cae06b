#!/usr/bin/env python3
"""Renders the README's embedded footprint section and checks it for staleness.

Usage:
  footprint.py render MEASURED_TSV DATE COMMAND TOOLCHAIN > section.md
  footprint.py render-counts MEASURED_TSV COUNTS_TSV DATE COMMAND TOOLCHAIN > counts.md
  footprint.py check README.md section.md    (exit 1 if a cell is stale)
  footprint.py write README.md section.md    (replaces the marked section)

MEASURED_TSV lines (written by scripts/embedded.sh):
  size  OPT FIRMWARE TEXT DATA BSS
  stack OPT ENTRY STATIC PAINTED PATH
  mcu   LABEL EMPTY_FLASH AKSK_FLASH AKSK_STACK AKSK_WITH_KEY_STACK
  target NAME VALUE
COUNTS_TSV lines (scripts/embedded.sh's counts and mbedtls_aksk stages):
  insns CORE:IMPL:OPT REGION COUNT        (scripts/embedded/count.py)
  insns-version MBEDTLS_DEBIAN_VERSION
  mbedtls OPT EMPTY_FLASH AKSK_FLASH AKSK_STACK AKSK_WITH_KEY_STACK ADDED_RAM

The generated part lies between `<!-- embedded-footprint:begin -->` and
`<!-- embedded-footprint:end -->`; `write` appends a "## Embedded targets"
section at the end of README.md when the markers are missing. A committed
cell is stale when it differs from the measured one by more than 256 bytes
and by more than 5 % of the committed value.

`render-counts` makes the "Instructions on the device" subsection, between
`<!-- embedded-counts:begin -->` and `<!-- embedded-counts:end -->`
(`write` appends it at the end of README.md when missing). Its counts are
deterministic: a count is stale when it differs by more than 1 % (a ratio:
3 %); its byte cells follow the footprint rule. Standard library only.
"""

import re
import sys

BEGIN = "<!-- embedded-footprint:begin -->"
END = "<!-- embedded-footprint:end -->"
COUNTS_BEGIN = "<!-- embedded-counts:begin -->"
COUNTS_END = "<!-- embedded-counts:end -->"

FIRMWARES = [
    ("fp_empty", "empty firmware (baseline)"),
    ("fp_aksk", "X-AKSK only"),
    ("fp_wsse", "X-WSSE only"),
    ("fp_basic", "Basic only"),
    ("fp_all", "all schemes (X-AKSK, X-AKSK with key, X-WSSE, Basic)"),
    ("fp_api", "voice API: click2Call body, response parsed and classified (no signature)"),
    ("fp_sms_api", "SMS API: batchSendSms body, response parsed (no signature)"),
    ("fp_oauth2", "Sinch OAuth2: token request, response into a TokenCache, Bearer header"),
    ("fp_http_date", "HTTP Date parsed into a clock offset"),
    ("fp_apig", "APIG only (SDK-HMAC-SHA256 from the secret; opt-level s only)"),
    ("fp_sinch", "Sinch application-signed request only (opt-level s only)"),
]
ENTRIES = [
    ("stack_x_aksk", "X-AKSK from the secret: `HmacKey::new`, `Nonce::new`, `XAksk::new`, `write`"),
    ("stack_x_aksk_with_key", "X-AKSK with a precomputed `HmacKey`"),
    ("stack_hmac_key", "`HmacKey::new` (key precomputation)"),
    ("stack_x_wsse", "X-WSSE: `Nonce::new`, `XWsse::with_encoding`, `write`"),
    ("stack_basic", "Basic: `Basic::new`, `write`"),
    ("stack_apig", "APIG: `Signer::new`, `sign`, `authorization().write` (every algorithm)"),
    ("stack_apig_sms", "APIG, the README's typical SMS-send signature: `Signer::new` (SDK-HMAC-SHA256), `sign_with::<8, 0>`, `authorization().write` (static bound: every algorithm the signer can dispatch to)"),
    ("stack_sinch", "Sinch application-signed: `signing_key`, `BodyDigest::of`, `Request::new`, `sign`, `write`"),
]
OPTS = ["z", "s"]


def load(path):
    sizes, stacks, targets, mcus = {}, {}, {}, []
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[0] == "size":
            sizes[(f[1], f[2])] = tuple(int(x) for x in f[3:6])
        elif f[0] == "stack":
            stacks[(f[1], f[2])] = (int(f[3]), int(f[4]), f[5])
        elif f[0] == "target":
            targets[f[1]] = f[2]
        elif f[0] == "mcu":
            mcus.append((f[1],) + tuple(int(x) for x in f[2:6]))
    return sizes, stacks, targets, mcus


def render(tsv, date, command, toolchain):
    sizes, stacks, targets, mcus = load(tsv)
    out = [BEGIN,
           "Measured on %s with `%s` (%s). Sizes from `arm-none-eabi-size`:"
           " flash = text + data, static RAM = data + bss; \"added\" is over the"
           " empty firmware at the same opt-level." % (date, command, toolchain),
           "",
           "| firmware (thumbv7em-none-eabihf) | opt-level | flash B | added flash B | static RAM B | added RAM B |",
           "|---|---|---|---|---|---|"]
    for opt in OPTS:
        base = sizes[(opt, "fp_empty")]
        for name, label in FIRMWARES:
            if (opt, name) not in sizes:  # APIG and Sinch: opt-level s only
                continue
            t, d, b = sizes[(opt, name)]
            flash, ram = t + d, d + b
            out.append("| %s | %s | %d | %d | %d | %d |" % (
                label, opt, flash, flash - (base[0] + base[1]), ram, ram - (base[1] + base[2])))
    out += ["",
            "Worst-case stack of one call, in bytes (the callee's saved registers and frame;"
            " the output buffer is the caller's):",
            "",
            "| one call of | opt-level | static bound B | painted B |",
            "|---|---|---|---|"]
    for opt in OPTS:
        for name, label in ENTRIES:
            if (opt, name) not in stacks:  # APIG and Sinch: opt-level s only
                continue
            st, pa, _ = stacks[(opt, name)]
            out.append("| %s | %s | %d | %d |" % (label, opt, st, pa))
    if mcus:
        out += ["",
                "Other cores, opt-level \"z\" (flash over each one's empty firmware; stack painted):",
                "",
                "| core | opt-level | X-AKSK only: added flash B | X-AKSK stack B | with a precomputed key B |",
                "|---|---|---|---|---|"]
        for label, empty, aksk, st, st_key in mcus:
            out.append("| %s | z | %d | %d | %d |" % (label, aksk - empty, st, st_key))
    out += ["", "Deepest X-AKSK path at opt-level \"z\" (static, frame bytes): "
            + "`" + stacks[("z", "stack_x_aksk")][2] + "`."]
    if ("s", "stack_apig") in stacks:
        out += ["", "Deepest APIG path at opt-level \"s\" (static, frame bytes): "
                + "`" + stacks[("s", "stack_apig")][2] + "`."]
    if ("s", "stack_apig_sms") in stacks:
        out += ["", "Deepest path of the typical SMS-send signature at opt-level \"s\" (static, frame bytes): "
                + "`" + stacks[("s", "stack_apig_sms")][2] + "`."]
    out += ["", "Targets (opt-level \"z\" unless stated):"]
    for key in sorted(targets):
        out.append("- " + targets[key])
    out.append(END)
    return "\n".join(out) + "\n"


CORES = [
    ("m4", "Cortex-M4 (mps2-an386)"),
    ("m3", "Cortex-M3 (lm3s6965evb)"),
    ("rv32", "RV32IMAC (virt)"),
]
REGIONS = [
    ("sha256-compress", "SHA-256, one 64-byte block (compression)"),
    ("sha256-64", "SHA-256 of 64 B (two compressions)"),
    ("hmac-64-key", "HMAC-SHA256 of 64 B, precomputed key"),
    ("x-aksk-key", "X-AKSK value, precomputed key"),
    ("x-aksk-secret", "X-AKSK value from the secret"),
]


def load_counts(path):
    insns, version, mbed = {}, "?", {}
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[0] == "insns":
            core, impl, opt = f[1].split(":")
            insns[(core, impl, opt, f[2])] = int(f[3])
        elif f[0] == "insns-version":
            version = f[1]
        elif f[0] == "mbedtls":
            mbed[f[1]] = tuple(int(x) for x in f[2:7])
    return insns, version, mbed


def render_counts(tsv, counts, date, command, toolchain):
    sizes, stacks, _, _ = load(tsv)
    insns, version, mbed = load_counts(counts)
    upstream = version.split("-")[0]
    out = [COUNTS_BEGIN,
           "Measured on %s with `%s` (%s; mbedTLS %s from Debian's source package %s, built with"
           " Debian's `arm-none-eabi-gcc` / `riscv64-unknown-elf-gcc` 12, default configuration of"
           " its SHA-256 (unrolled) and only SHA-256, the MD layer and Base64 enabled)."
           % (date, command, toolchain, upstream, version),
           "Instructions executed, counted exactly from QEMU's execution trace (one instruction per"
           " translation block, `-d exec,nochain`) between two marker calls, less the markers"
           " alone; each count includes one call and return of the measured function. The"
           " calibration loop (2,000 iterations of 5 instructions) counts exactly 10,000 on every"
           " core and build, and every result is checked against a known digest or the"
           " `aksk-typical` vector.",
           "",
           "What runs: SHA-256 block: callsign `Sha256::update` of one block into a fresh hasher,"
           " mbedTLS `mbedtls_internal_sha256_process`. SHA-256 of 64 B: `sha256`,"
           " `mbedtls_sha256_ret`. HMAC: `HmacKey::mac` with a precomputed `HmacKey` (inner and"
           " outer states), mbedTLS `mbedtls_md_hmac_reset`, `_update`, `_finish` on a context"
           " prepared by `mbedtls_md_hmac_starts` (which keeps the padded key, not the states:"
           " reset and finish compress it again). X-AKSK: callsign `XAksk::new` and `write`"
           " (`Nonce` and `Timestamp` made before); mbedTLS HMAC of nonce and created text,"
           " `mbedtls_base64_encode`, assembly with `memcpy`"
           " ([`tests/embedded/c/mbedtls/x_aksk.c`](tests/embedded/c/mbedtls/x_aksk.c)); from"
           " the secret: `HmacKey::new` inside, `mbedtls_md_hmac_starts` inside.",
           "",
           "| operation | core | callsign z | callsign s | mbedTLS -O2 | mbedTLS -Os |"
           " callsign / mbedTLS (best of each) |",
           "|---|---|---|---|---|---|---|"]
    for region, label in REGIONS:
        for core, core_label in CORES:
            vals = [insns[(core, impl, opt, region)]
                    for impl, opt in (("callsign", "z"), ("callsign", "s"),
                                      ("mbedtls", "O2"), ("mbedtls", "Os"))]
            ratio = min(vals[0:2]) / min(vals[2:4])
            out.append("| %s | %s | %d | %d | %d | %d | %.2f |" % ((label, core_label) + tuple(vals)
                                                                  + (ratio,)))
    out += ["",
            "X-AKSK only, on thumbv7em (mps2-an386): flash added over each one's empty firmware"
            " (callsign: `fp_aksk` over `fp_empty` above; mbedTLS:"
            " [`tests/embedded/c/mbedtls/fp.c`](tests/embedded/c/mbedtls/fp.c), from the secret:"
            " `mbedtls_md_setup`, `_hmac_starts`, `_update`, `_finish`, Base64, assembly, over its"
            " C runtime alone; newlib's `memcpy`, `memset`, `strlen`), and the stack of one call,"
            " painted. mbedTLS keeps its HMAC context (236 B) on the heap, here a static 256 B arena"
            " behind `calloc` (its added static RAM), which is not in its stack figure; callsign's"
            " is on the stack.",
            "",
            "| X-AKSK firmware | build | added flash B | added static RAM B |"
            " stack from the secret B | stack with a precomputed key B |",
            "|---|---|---|---|---|---|"]
    for opt in OPTS:
        e, a = sizes[(opt, "fp_empty")], sizes[(opt, "fp_aksk")]
        out.append("| callsign | %s | %d | %d | %d | %d |" % (
            opt, (a[0] + a[1]) - (e[0] + e[1]), (a[1] + a[2]) - (e[1] + e[2]),
            stacks[(opt, "stack_x_aksk")][1], stacks[(opt, "stack_x_aksk_with_key")][1]))
    for opt in ("O2", "Os"):
        e, a, st, st_key, ram = mbed[opt]
        out.append("| mbedTLS %s | -%s | %d | %d | %d | %d |" % (upstream, opt, a - e, ram, st, st_key))
    z, o2 = insns, mbed
    best_c = {r: min(z[("m4", "callsign", x, r)] for x in OPTS) for r, _ in REGIONS}
    best_m = {r: min(z[("m4", "mbedtls", x, r)] for x in ("O2", "Os")) for r, _ in REGIONS}
    c_flash = min((sizes[(x, "fp_aksk")][0] + sizes[(x, "fp_aksk")][1])
                  - (sizes[(x, "fp_empty")][0] + sizes[(x, "fp_empty")][1]) for x in OPTS)
    m_flash = min(o2[x][1] - o2[x][0] for x in ("O2", "Os"))
    c_stack = min(stacks[(x, "stack_x_aksk")][1] for x in OPTS)
    m_stack = min(o2[x][2] for x in ("O2", "Os"))

    def verdict(ok):
        return "met" if ok else "not met"

    out += ["", "Targets of issue 12 (Cortex-M4, best build of each):"]
    out.append("- callsign <= 1.0 x mbedTLS instructions per compression: %s (%.2f x)." % (
        verdict(best_c["sha256-compress"] <= best_m["sha256-compress"]),
        best_c["sha256-compress"] / best_m["sha256-compress"]))
    out.append("- callsign <= 1.0 x mbedTLS instructions per X-AKSK (precomputed key): %s (%.2f x);"
               " from the secret: %.2f x." % (
                   verdict(best_c["x-aksk-key"] <= best_m["x-aksk-key"]),
                   best_c["x-aksk-key"] / best_m["x-aksk-key"],
                   best_c["x-aksk-secret"] / best_m["x-aksk-secret"]))
    out.append("- less X-AKSK flash than mbedTLS: %s (%d B against %d B)." % (
        verdict(c_flash < m_flash), c_flash, m_flash))
    out.append("- less X-AKSK stack than mbedTLS: %s (%d B against %d B, from the secret)." % (
        verdict(c_stack < m_stack), c_stack, m_stack))
    out.append(COUNTS_END)
    return "\n".join(out) + "\n"


ROW = re.compile(r"^\|(.+)\|$")


def cells(section):
    """{(label, opt): [numbers]} for every table row with numbers."""
    rows = {}
    for line in section.splitlines():
        m = ROW.match(line.strip())
        if not m:
            continue
        parts = [p.strip() for p in m.group(1).split("|")]
        if len(parts) < 3 or not all(re.fullmatch(r"-?\d+", p) for p in parts[2:]):
            continue
        rows[(parts[0], parts[1])] = [int(p) for p in parts[2:]]
    return rows


def markers(section):
    """The begin and end markers of a rendered section."""
    if section.lstrip().startswith(COUNTS_BEGIN):
        return COUNTS_BEGIN, COUNTS_END
    return BEGIN, END


def section_of(text, begin=BEGIN, end=END):
    if begin not in text or end not in text:
        return None
    return text[text.index(begin):text.index(end) + len(end)]


NUMBER = re.compile(r"-?\d+(\.\d+)?")


def count_cells(section):
    """{(label, core): [numbers]} for every table row of the counts section."""
    rows = {}
    for line in section.splitlines():
        m = ROW.match(line.strip())
        if not m:
            continue
        parts = [p.strip() for p in m.group(1).split("|")]
        if len(parts) < 3 or not all(NUMBER.fullmatch(p) for p in parts[2:]):
            continue
        rows[(parts[0], parts[1])] = [float(p) if "." in p else int(p) for p in parts[2:]]
    return rows


def stale_count(o, n, is_count):
    if isinstance(o, float) or isinstance(n, float):
        return abs(n - o) > 0.03 * abs(o) + 0.005
    if is_count:
        return abs(n - o) > 0.01 * abs(o)
    return abs(n - o) > 256 and abs(n - o) > 0.05 * abs(o)


def check(readme, new):
    text = open(new, encoding="utf-8").read()
    begin, end = markers(text)
    committed = section_of(open(readme, encoding="utf-8").read(), begin, end)
    if committed is None:
        print("footprint: README.md has no %s section" % begin)
        return 1
    counts = begin == COUNTS_BEGIN
    if counts:
        old_rows, new_rows = count_cells(committed), count_cells(text)
    else:
        old_rows, new_rows = cells(committed), cells(text)
    core_labels = {label for _, label in CORES}
    stale = []
    for key, new_vals in new_rows.items():
        old_vals = old_rows.get(key)
        if old_vals is None or len(old_vals) != len(new_vals):
            stale.append("%s / %s: missing in README.md" % key)
            continue
        for o, n in zip(old_vals, new_vals):
            if counts:
                bad = stale_count(o, n, key[1] in core_labels)
            else:
                bad = abs(n - o) > 256 and abs(n - o) > 0.05 * abs(o)
            if bad:
                stale.append("%s / %s: README.md says %s, measured %s" % (key[0], key[1], o, n))
    for s in stale:
        print("footprint: stale: " + s)
    if stale:
        return 1
    if counts:
        print("footprint: README.md instruction-count table is current (%d rows: counts within 1 %%,"
              " bytes within 256 B or 5 %%)" % len(new_rows))
    else:
        print("footprint: README.md table is current (%d rows within 256 B or 5 %%)" % len(new_rows))
    return 0


def write(readme, new):
    text = open(readme, encoding="utf-8").read()
    section = open(new, encoding="utf-8").read().rstrip("\n")
    begin, end = markers(section)
    old = section_of(text, begin, end)
    if old is None:
        heading = "### Instructions on the device" if begin == COUNTS_BEGIN else "## Embedded targets"
        text = text.rstrip("\n") + "\n\n" + heading + "\n\n" + section + "\n"
    else:
        text = text.replace(old, section)
    open(readme, "w", encoding="utf-8").write(text)
    print("footprint: README.md section rewritten")
    return 0


def main(argv):
    if len(argv) == 6 and argv[1] == "render":
        sys.stdout.write(render(*argv[2:]))
        return 0
    if len(argv) == 7 and argv[1] == "render-counts":
        sys.stdout.write(render_counts(*argv[2:]))
        return 0
    if len(argv) == 4 and argv[1] == "check":
        return check(argv[2], argv[3])
    if len(argv) == 4 and argv[1] == "write":
        return write(argv[2], argv[3])
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
