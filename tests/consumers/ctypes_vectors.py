#!/usr/bin/env python3
"""Python ctypes over an installed libcallsign.so (the "other languages"
path): runs the X-AKSK and HMAC-SHA256 vectors of tests/vectors/huawei.json
and the Basic vectors of tests/vectors/sinch_mailgun.json (huawei.json has
none) through the C ABI, reading inputs and expected values from the JSON.

    python3 tests/consumers/ctypes_vectors.py PREFIX/lib/libcallsign.so.0 \
        tests/vectors/huawei.json tests/vectors/sinch_mailgun.json

Last line: "ctypes: N passed, M failed".
"""
import calendar
import ctypes
import json
import sys
import time

OK = 0
u8p = ctypes.POINTER(ctypes.c_uint8)
size_t = ctypes.c_size_t


def load(path):
    lib = ctypes.CDLL(path)
    lib.callsign_version.restype = ctypes.c_char_p
    lib.callsign_version.argtypes = []
    lib.callsign_version_number.restype = ctypes.c_uint32
    lib.callsign_version_number.argtypes = []
    lib.callsign_status_str.restype = ctypes.c_char_p
    lib.callsign_status_str.argtypes = [ctypes.c_uint32]
    out = [ctypes.c_char_p, size_t, ctypes.POINTER(size_t)]
    lib.callsign_huawei_voice_x_aksk.restype = ctypes.c_uint32
    lib.callsign_huawei_voice_x_aksk.argtypes = [
        ctypes.c_char_p, size_t, ctypes.c_char_p, size_t, ctypes.c_char_p, size_t,
        ctypes.c_uint64] + out
    lib.callsign_hmac_sha256_hex.restype = ctypes.c_uint32
    lib.callsign_hmac_sha256_hex.argtypes = [
        ctypes.c_char_p, size_t, ctypes.c_char_p, size_t] + out
    lib.callsign_basic_authorization.restype = ctypes.c_uint32
    lib.callsign_basic_authorization.argtypes = [
        ctypes.c_char_p, size_t, ctypes.c_char_p, size_t] + out
    lib.callsign_mailgun_basic_authorization.restype = ctypes.c_uint32
    lib.callsign_mailgun_basic_authorization.argtypes = [ctypes.c_char_p, size_t] + out
    return lib


def text_call(lib, fn, *inputs):
    """Calls fn(inputs..., out, out_cap, &out_len): a size query first (the
    output rule: out NULL with out_cap 0), then the call proper."""
    args = []
    for item in inputs:
        if isinstance(item, bytes):
            args += [item, len(item)]
        else:
            args.append(item)
    n = size_t(0)
    rc = fn(*args, None, 0, ctypes.byref(n))
    if rc != 2:  # CALLSIGN_BUFFER_TOO_SMALL, with the size needed
        return rc, None
    buf = ctypes.create_string_buffer(n.value)
    rc = fn(*args, buf, n.value, ctypes.byref(n))
    if rc != OK:
        return rc, None
    return rc, buf.raw[: n.value].decode("utf-8")


def main(argv):
    lib_path, huawei_path, sinch_path = argv[1:4]
    lib = load(lib_path)
    passed = failed = 0

    def check(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL", what)

    print("ctypes: %s, callsign %s (0x%06x)" % (
        lib_path, lib.callsign_version().decode(), lib.callsign_version_number()))
    huawei = json.load(open(huawei_path, encoding="utf-8"))["vectors"]
    sinch = json.load(open(sinch_path, encoding="utf-8"))["vectors"]
    n_aksk = n_hmac = n_basic = 0
    for v in huawei:
        if v["scheme"] != "x-aksk" or "error" in v["expected"]:
            continue
        i, e = v["inputs"], v["expected"]
        secret = bytes.fromhex(i["app_secret_utf8_hex"])
        created = calendar.timegm(time.strptime(i["created"], "%Y-%m-%dT%H:%M:%SZ"))
        rc, got = text_call(lib, lib.callsign_huawei_voice_x_aksk, i["app_key"].encode(),
                            secret, i["nonce"].encode(), created)
        check(rc == OK and got == e["x_aksk"], "%s x_aksk: %s %r" % (
            v["id"], lib.callsign_status_str(rc).decode(), got))
        n_aksk += 1
        rc, got = text_call(lib, lib.callsign_hmac_sha256_hex, secret,
                            e["hmac_message"].encode())
        check(rc == OK and got == e["hmac_sha256_hex"], "%s hmac: %s %r" % (
            v["id"], lib.callsign_status_str(rc).decode(), got))
        n_hmac += 1
    for v in sinch:
        i, e = v["inputs"], v["expected"]
        if "error" in e:
            continue
        if v["scheme"] == "sinch.basic_auth":
            rc, got = text_call(lib, lib.callsign_basic_authorization,
                                i["username"].encode(), i["password"].encode())
        elif v["scheme"] == "mailgun.basic_auth":
            rc, got = text_call(lib, lib.callsign_mailgun_basic_authorization,
                                i["api_key"].encode())
        else:
            continue
        check(rc == OK and got == e["authorization"], "%s basic: %s %r" % (
            v["id"], lib.callsign_status_str(rc).decode(), got))
        n_basic += 1
    check(n_aksk > 0 and n_hmac > 0 and n_basic > 0, "no vectors found")
    print("ctypes: %d X-AKSK, %d HMAC-SHA256, %d Basic vectors" % (n_aksk, n_hmac, n_basic))
    print("ctypes: %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
