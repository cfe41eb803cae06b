#!/usr/bin/env python3
"""Static worst-case stack depth of functions in a Cortex-M (Thumb) ELF.

Usage: stack.py ELF ROOT...

The frame of each function comes from the `.stack_sizes` section that
rustc writes with `-Zemit-stack-sizes` (pairs of a 32-bit function address
and a ULEB128 frame size in bytes). Functions without an entry (hand-written
assembly such as compiler_builtins' `__aeabi_mem*`) get a frame read from
their prologue (push/stmdb/vpush/sub sp), and are listed as estimated.

The call graph comes from `arm-none-eabi-objdump -d`:
  - `bl`/`blx <label>` (conditional too): a call; if the instruction before it is
    `str lr, [sp, #-8]!` (the machine outliner saving LR around a call to an
    OUTLINED_FUNCTION), the call costs those 8 bytes more;
  - `b`/`b<cond>` to another function: a tail call. To an OUTLINED_FUNCTION
    (whose body ends with the caller's epilogue) the caller's frame is still
    live; to any other function the frame has been popped;
  - `blx rN`, or `bx rN` other than `bx lr`: an indirect call. At
    opt-level "z" LLVM loads the address of a function called several times
    (memcpy, memset) into a register from a literal pool once and calls it
    through the register. Such a call is taken to reach every function whose
    address the same function loads from a literal pool (`ldr rN, [pc, #k]`)
    or, in an OUTLINED_FUNCTION, any function whose address one of its
    callers loads. An indirect call with no such candidate makes the bound
    unknown (reported as an error).
Recursion is an error too. For each ROOT it prints one line
`stack-static ROOT BYTES` followed by the deepest path.

Standard library only.
"""

import re
import struct
import subprocess
import sys


def read_elf(path):
    data = open(path, "rb").read()
    if data[:4] != b"\x7fELF" or data[4] != 1 or data[5] != 1:
        raise SystemExit("stack.py: %s is not a little-endian ELF32 file" % path)
    shoff, = struct.unpack_from("<I", data, 0x20)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x2E)
    sections = []
    for i in range(shnum):
        name, typ, flags, addr, off, size, link, info, align, entsize = struct.unpack_from(
            "<IIIIIIIIII", data, shoff + i * shentsize)
        sections.append(dict(name=name, type=typ, addr=addr, off=off, size=size, link=link))
    strtab = sections[shstrndx]

    def cstr(sec, off):
        start = sec["off"] + off
        return data[start:data.index(b"\0", start)].decode("utf-8", "replace")

    for s in sections:
        s["name"] = cstr(strtab, s["name"])
    by_name = {s["name"]: s for s in sections}

    funcs = {}  # address -> (name, size)
    symtab = by_name.get(".symtab")
    if symtab is None:
        raise SystemExit("stack.py: %s has no .symtab (stripped?)" % path)
    names = sections[symtab["link"]]
    for off in range(symtab["off"], symtab["off"] + symtab["size"], 16):
        st_name, value, size, info, other, shndx = struct.unpack_from("<IIIBBH", data, off)
        if info & 0xF == 2 and shndx != 0:  # STT_FUNC, defined
            funcs.setdefault(value & ~1, (cstr(names, st_name), size))

    loaded = []  # (address, size, file offset) of sections in memory
    for s in sections:
        if s["addr"] and s["type"] == 1:  # SHT_PROGBITS with an address
            loaded.append((s["addr"], s["size"], s["off"]))

    def word(addr):
        for a, size, off in loaded:
            if a <= addr and addr + 4 <= a + size:
                return struct.unpack_from("<I", data, off + addr - a)[0]
        return None

    sizes = {}
    sec = by_name.get(".stack_sizes")
    if sec is None:
        raise SystemExit("stack.py: %s has no .stack_sizes (build with -Zemit-stack-sizes)" % path)
    raw = data[sec["off"]:sec["off"] + sec["size"]]
    i = 0
    while i < len(raw):
        addr, = struct.unpack_from("<I", raw, i)
        i += 4
        n = shift = 0
        while True:
            b = raw[i]
            i += 1
            n |= (b & 0x7F) << shift
            shift += 7
            if not b & 0x80:
                break
        a = addr & ~1
        sizes[a] = max(n, sizes.get(a, 0))
    return funcs, sizes, word


INSN = re.compile(r"^\s*([0-9a-f]+):\s+(\S+)\s*(.*)$")
TARGET = re.compile(r"\b([0-9a-f]+) <")
COND = r"(eq|ne|cs|cc|hs|lo|mi|pl|vs|vc|hi|ls|ge|lt|gt|le|al)?"
BRANCH = re.compile(r"^b" + COND + r"(\.[nw])?$")
CALL = re.compile(r"^blx?" + COND + r"(\.w)?$")
REGLIST = re.compile(r"\{([^}]*)\}")


def reg_count(operands):
    m = REGLIST.search(operands)
    if not m:
        return 0
    n = 0
    for part in m.group(1).split(","):
        part = part.strip()
        if "-" in part:
            lo, hi = part.split("-")
            n += int(hi.strip()[1:]) - int(lo.strip()[1:]) + 1
        elif part:
            n += 1
    return n


def analyse(path, roots):
    funcs, sizes, word = read_elf(path)
    starts = sorted(funcs)
    ranges = [(a, a + max(funcs[a][1], 1), funcs[a][0]) for a in starts]

    def containing(addr):
        lo, hi = 0, len(ranges) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            a, end, name = ranges[mid]
            if addr < a:
                hi = mid - 1
            elif addr >= end:
                lo = mid + 1
            else:
                return a
        return None

    dis = subprocess.run(["arm-none-eabi-objdump", "-d", "--no-show-raw-insn", path],
                         check=True, capture_output=True, text=True).stdout
    calls = {a: [] for a in starts}      # (callee, extra bytes)
    tails = {a: [] for a in starts}      # (callee, keeps caller frame)
    indirect = {a: [] for a in starts}
    prologue = {a: 0 for a in starts}
    in_prologue = {a: True for a in starts}
    address_taken = {a: set() for a in starts}  # functions whose address f loads
    prev = {}
    for line in dis.splitlines():
        m = INSN.match(line)
        if not m:
            continue
        addr, mnem, ops = int(m.group(1), 16), m.group(2), m.group(3)
        f = containing(addr)
        if f is None:
            continue
        ops_nc = ops.split(";")[0].split("@")[0].strip()
        t = TARGET.search(ops)
        lit = re.match(r"\w+, \[pc, #-?\d+\]", ops_nc) if mnem.startswith("ldr") else None
        if lit and t:
            w = word(int(t.group(1), 16))
            if w is not None and (w & ~1) in funcs and w & 1:
                address_taken[f].add(w & ~1)
        if CALL.match(mnem) and t and not lit:
            callee = containing(int(t.group(1), 16))
            extra = 8 if re.match(r"str(\.w)?$", prev.get(f, ("", ""))[0]) and \
                re.match(r"lr, \[sp, #-8\]!", prev[f][1]) else 0
            if callee is not None:
                calls[f].append((callee, extra))
        elif CALL.match(mnem) or (mnem.startswith("bx") and ops_nc != "lr"):
            indirect[f].append("%x: %s %s" % (addr, mnem, ops_nc))
        elif BRANCH.match(mnem) and t:
            callee = containing(int(t.group(1), 16))
            if callee is not None and callee != f:
                outlined = funcs[callee][0].startswith("OUTLINED_FUNCTION")
                tails[f].append((callee, outlined))
        if in_prologue[f]:
            if mnem in ("push", "push.w", "stmdb", "stmdb.w") and ops_nc.startswith(("{", "sp!")):
                prologue[f] += 4 * reg_count(ops_nc)
            elif mnem in ("vpush", "vpush.64", "vstmdb"):
                prologue[f] += 8 * reg_count(ops_nc)
            elif mnem.startswith("sub") and re.match(r"sp, (sp, )?#(\d+)", ops_nc):
                prologue[f] += int(re.match(r"sp, (sp, )?#(\d+)", ops_nc).group(2))
            elif mnem.startswith("b") or mnem.startswith("pop") or mnem.startswith("ldm"):
                in_prologue[f] = False
        prev[f] = (mnem, ops_nc)

    # Indirect calls: resolve to the functions whose address is loaded.
    callers = {a: set() for a in starts}
    for f in starts:
        for callee, _ in calls[f]:
            callers[callee].add(f)
        for callee, _ in tails[f]:
            callers[callee].add(f)
    unresolved = {}
    for f in starts:
        if not indirect[f]:
            continue
        cands = set(address_taken[f])
        if funcs[f][0].startswith("OUTLINED_FUNCTION"):
            for c in callers[f]:
                cands |= address_taken[c]
        if cands:
            calls[f].extend((c, 0) for c in sorted(cands))
        else:
            unresolved[f] = indirect[f][0]

    estimated = set()

    def frame(f):
        if f in sizes:
            return sizes[f]
        estimated.add(f)
        return prologue[f]

    memo = {}
    active = set()
    errors = []

    def depth(f):
        if f in memo:
            return memo[f]
        if f in active:
            errors.append("recursion through %s" % funcs[f][0])
            return 0, []
        active.add(f)
        if f in unresolved:
            errors.append("unresolved indirect call in %s: %s" % (funcs[f][0], unresolved[f]))
        own = frame(f)
        best = (own, [(funcs[f][0], own)])
        for callee, extra in calls[f]:
            d, path = depth(callee)
            if own + extra + d > best[0]:
                best = (own + extra + d, [(funcs[f][0], own + extra)] + path)
        for callee, keeps_frame in tails[f]:
            d, path = depth(callee)
            base = own if keeps_frame else 0
            if base + d > best[0]:
                best = (base + d, [(funcs[f][0], base)] + path)
        active.discard(f)
        memo[f] = best
        return best

    by_name = {funcs[a][0]: a for a in starts}
    out = []
    for root in roots:
        if root not in by_name:
            errors.append("no function named %s" % root)
            continue
        d, path = depth(by_name[root])
        out.append((root, d, path))
    return out, sorted(funcs[a][0] for a in estimated), errors


def demangle(names):
    """Readable names: c++filt (Rust v0 and legacy), without crate hashes."""
    try:
        out = subprocess.run(["arm-none-eabi-c++filt"], input="\n".join(names), check=True,
                             capture_output=True, text=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        out = list(names)
    if len(out) != len(names):
        out = list(names)
    return [re.sub(r"\[[0-9a-f]+\]|::h[0-9a-f]{16}$", "", n) for n in out]


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    results, estimated, errors = analyse(argv[1], argv[2:])
    for root, d, path in results:
        print("stack-static %s %d" % (root, d))
        shown = [(n, b) for n, b in path if b > 0 or n == path[0][0]]
        names = demangle([n for n, _ in shown])
        print("  path: " + " > ".join("%s %d" % (n, b) for n, (_, b) in zip(names, shown)))
    if estimated:
        print("  frames read from the prologue (no .stack_sizes entry): " + ", ".join(estimated))
    for e in errors:
        print("stack.py: ERROR: " + e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
