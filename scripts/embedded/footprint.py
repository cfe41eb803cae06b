#!/usr/bin/env python3
"""Renders the README's embedded footprint section and checks it for staleness.

Usage:
  footprint.py render MEASURED_TSV DATE COMMAND TOOLCHAIN > section.md
  footprint.py check README.md section.md    (exit 1 if a cell is stale)
  footprint.py write README.md section.md    (replaces the marked section)

MEASURED_TSV lines (written by scripts/embedded.sh):
  size  OPT FIRMWARE TEXT DATA BSS
  stack OPT ENTRY STATIC PAINTED PATH
  mcu   LABEL EMPTY_FLASH AKSK_FLASH AKSK_STACK AKSK_WITH_KEY_STACK
  target NAME VALUE

The generated part lies between `<!-- embedded-footprint:begin -->` and
`<!-- embedded-footprint:end -->`; `write` appends a "## Embedded targets"
section at the end of README.md when the markers are missing. A committed
cell is stale when it differs from the measured one by more than 256 bytes
and by more than 5 % of the committed value. Standard library only.
"""

import re
import sys

BEGIN = "<!-- embedded-footprint:begin -->"
END = "<!-- embedded-footprint:end -->"

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


def section_of(text):
    if BEGIN not in text or END not in text:
        return None
    return text[text.index(BEGIN):text.index(END) + len(END)]


def check(readme, new):
    committed = section_of(open(readme, encoding="utf-8").read())
    if committed is None:
        print("footprint: README.md has no %s section" % BEGIN)
        return 1
    old_rows, new_rows = cells(committed), cells(open(new, encoding="utf-8").read())
    stale = []
    for key, new_vals in new_rows.items():
        old_vals = old_rows.get(key)
        if old_vals is None or len(old_vals) != len(new_vals):
            stale.append("%s / %s: missing in README.md" % key)
            continue
        for o, n in zip(old_vals, new_vals):
            if abs(n - o) > 256 and abs(n - o) > 0.05 * abs(o):
                stale.append("%s / %s: README.md says %d, measured %d" % (key[0], key[1], o, n))
    for s in stale:
        print("footprint: stale: " + s)
    if stale:
        return 1
    print("footprint: README.md table is current (%d rows within 256 B or 5 %%)" % len(new_rows))
    return 0


def write(readme, new):
    text = open(readme, encoding="utf-8").read()
    section = open(new, encoding="utf-8").read().rstrip("\n")
    old = section_of(text)
    if old is None:
        text = text.rstrip("\n") + "\n\n## Embedded targets\n\n" + section + "\n"
    else:
        text = text.replace(old, section)
    open(readme, "w", encoding="utf-8").write(text)
    print("footprint: README.md section rewritten")
    return 0


def main(argv):
    if len(argv) == 6 and argv[1] == "render":
        sys.stdout.write(render(*argv[2:]))
        return 0
    if len(argv) == 4 and argv[1] == "check":
        return check(argv[2], argv[3])
    if len(argv) == 4 and argv[1] == "write":
        return write(argv[2], argv[3])
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
