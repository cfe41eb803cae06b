#!/usr/bin/env python3
"""Generates the C header of test vectors used by tests/c/test_ffi.c.

Usage: gen_vectors.py HUAWEI_JSON SINCH_MAILGUN_JSON OUT_HEADER

Reads the X-AKSK and X-WSSE vectors of tests/vectors/huawei.json and the
Basic vectors of tests/vectors/sinch_mailgun.json and writes static const
arrays of structs. Every string is a C literal whose non-printable or
non-ASCII bytes (and '"', '\\', '?') are 3-digit octal escapes, with an
explicit byte length where it may hold NUL. Secrets are byte arrays with an
explicit length; an empty secret is a NULL pointer with length 0.

Standard library only. Refuses (exit status 1) any vector it does not
understand, so a new vector kind is never silently skipped.
"""

import calendar
import json
import sys
import time

WSSE_DIGESTS = {
    "sms-demo-hex": "CALLSIGN_WSSE_DIGEST_HEX",
    "sms-legacy-raw-digest": "CALLSIGN_WSSE_DIGEST_LEGACY_RAW",
}


class VectorError(Exception):
    pass


def c_string(data):
    """A C string literal for `data` (bytes or str, str as UTF-8).

    Printable ASCII is kept except '"', '\\' and '?' (trigraphs); every other
    byte becomes a 3-digit octal escape, which, unlike a hex escape, cannot
    swallow the characters that follow it.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    out = ['"']
    for b in data:
        if 0x20 <= b <= 0x7E and b not in (0x22, 0x5C, 0x3F):
            out.append(chr(b))
        else:
            out.append("\\%03o" % b)
    out.append('"')
    return "".join(out)


def c_bytes(data):
    """A C initializer list `{0x.., ...}` for non-empty `data`."""
    if not data:
        raise VectorError("c_bytes: empty array")
    items = ["0x%02x" % b for b in data]
    lines = []
    for i in range(0, len(items), 12):
        lines.append("    " + ", ".join(items[i:i + 12]))
    return "{\n" + ",\n".join(lines) + "\n}"


def unix_seconds(created):
    """`created` (YYYY-MM-DDTHH:MM:SSZ) as Unix seconds, checked round trip."""
    parsed = time.strptime(created, "%Y-%m-%dT%H:%M:%SZ")
    secs = calendar.timegm(parsed)
    if time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(secs)) != created:
        raise VectorError("created %r does not round-trip" % created)
    return secs


class Emitter:
    def __init__(self):
        self.arrays = []  # secret byte arrays, emitted before the tables
        self.serial = 0

    def secret(self, data, hint):
        """`ptr, len` for a byte array; NULL, 0 when empty."""
        if not data:
            return "NULL", "0"
        self.serial += 1
        name = "cs_vec_bytes_%d_%s" % (self.serial, hint)
        self.arrays.append(
            "static const uint8_t %s[%d] = %s;" % (name, len(data), c_bytes(data))
        )
        return name, "%d" % len(data)


def require(cond, vid, what):
    if not cond:
        raise VectorError("%s: %s" % (vid, what))


def secret_bytes(v):
    i = v["inputs"]
    secret = bytes.fromhex(i["app_secret_utf8_hex"])
    require(secret == i["app_secret"].encode("utf-8"), v["id"],
            "app_secret_utf8_hex is not the UTF-8 of app_secret")
    return secret


def aksk_entry(v, em):
    vid, i, e = v["id"], v["inputs"], v["expected"]
    require("error" not in e, vid, "error vectors are not supported")
    secret = secret_bytes(v)
    require(e["hmac_message"] == i["nonce"] + i["created"], vid,
            "hmac_message is not nonce + created")
    created = unix_seconds(i["created"])
    sp, sl = em.secret(secret, "aksk_secret")
    key = i["app_key"].encode("utf-8")
    nonce = i["nonce"].encode("utf-8")
    return (
        "    {\n"
        "        %s,\n"
        "        %s, %d,\n"
        "        %s, %s,\n"
        "        %s, %d,\n"
        "        UINT64_C(%d), %s,\n"
        "        %s,\n"
        "        %s,\n"
        "        %s,\n"
        "        %s,\n"
        "    }"
        % (
            c_string(vid),
            c_string(key), len(key),
            sp, sl,
            c_string(nonce), len(nonce),
            created, c_string(i["created"]),
            c_string(e["hmac_sha256_hex"]),
            c_string(e["password_digest"]),
            c_string(e["x_aksk"]),
            c_string(e["authorization"]),
        )
    )


def wsse_entry(v, em):
    vid, i, e = v["id"], v["inputs"], v["expected"]
    require("error" not in e, vid, "error vectors are not supported")
    variant = v.get("variant")
    require(variant in WSSE_DIGESTS, vid, "unknown X-WSSE variant %r" % variant)
    secret = secret_bytes(v)
    msg = e["sha256_message"].encode("utf-8")
    require(msg == (i["nonce"] + i["created"]).encode("utf-8") + secret, vid,
            "sha256_message is not nonce + created + secret")
    created = unix_seconds(i["created"])
    sp, sl = em.secret(secret, "wsse_secret")
    key = i["app_key"].encode("utf-8")
    nonce = i["nonce"].encode("utf-8")
    return (
        "    {\n"
        "        %s, %d,\n"
        "        %s, %d,\n"
        "        %s, %s,\n"
        "        %s, %d,\n"
        "        UINT64_C(%d), %s,\n"
        "        %s,\n"
        "        %s, %d,\n"
        "        %s,\n"
        "        %s,\n"
        "        %s,\n"
        "        %s,\n"
        "    }"
        % (
            c_string(vid), 1 if v.get("normative") else 0,
            c_string(key), len(key),
            sp, sl,
            c_string(nonce), len(nonce),
            created, c_string(i["created"]),
            WSSE_DIGESTS[variant],
            c_string(msg), len(msg),
            c_string(e["sha256_hex"]),
            c_string(e["password_digest"]),
            c_string(e["x_wsse"]),
            c_string(e["authorization"]),
        )
    )


def basic_entry(v, em):
    vid, i, e = v["id"], v["inputs"], v["expected"]
    require("error" not in e, vid, "error vectors are not supported")
    if v["scheme"] == "sinch.basic_auth":
        kind = "CS_BASIC_SINCH"
        user = i["username"].encode("utf-8")
        sp, sl = em.secret(i["password"].encode("utf-8"), "basic_password")
    elif v["scheme"] == "mailgun.basic_auth":
        kind = "CS_BASIC_MAILGUN"
        require(e.get("username", "api") == "api", vid, "Mailgun user is not 'api'")
        user = b"api"
        sp, sl = em.secret(i["api_key"].encode("utf-8"), "mailgun_api_key")
    else:
        raise VectorError("%s: unknown Basic scheme" % vid)
    return (
        "    {\n"
        "        %s, %s,\n"
        "        %s, %d,\n"
        "        %s, %s,\n"
        "        %s,\n"
        "    }"
        % (
            c_string(vid), kind,
            c_string(user), len(user),
            sp, sl,
            c_string(e["authorization"]),
        )
    )


PREAMBLE = """\
/* Generated by tests/c/gen_vectors.py from %s and %s. Do not edit. */
#ifndef CALLSIGN_TEST_VECTORS_H
#define CALLSIGN_TEST_VECTORS_H

#include <stddef.h>
#include <stdint.h>

#include "callsign.h"

/* An X-AKSK vector (tests/vectors/huawei.json, scheme x-aksk). */
typedef struct {
    const char *id;
    const char *app_key;
    size_t app_key_len;
    const uint8_t *secret;   /* NULL when secret_len is 0 */
    size_t secret_len;
    const char *nonce;
    size_t nonce_len;
    uint64_t created_unix;
    const char *created;
    const char *hmac_sha256_hex;
    const char *password_digest;
    const char *x_aksk;
    const char *authorization;
} cs_aksk_vector;

/* An X-WSSE vector (tests/vectors/huawei.json, scheme x-wsse). */
typedef struct {
    const char *id;
    int normative;
    const char *app_key;
    size_t app_key_len;
    const uint8_t *secret;   /* NULL when secret_len is 0 */
    size_t secret_len;
    const char *nonce;
    size_t nonce_len;
    uint64_t created_unix;
    const char *created;
    uint32_t digest;         /* CALLSIGN_WSSE_DIGEST_* */
    const char *sha256_message; /* nonce + created + secret; may hold NUL */
    size_t sha256_message_len;
    const char *sha256_hex;
    const char *password_digest;
    const char *x_wsse;
    const char *authorization;
} cs_wsse_vector;

enum { CS_BASIC_SINCH = 1, CS_BASIC_MAILGUN = 2 };

/* A Basic vector (tests/vectors/sinch_mailgun.json). CS_BASIC_SINCH:
 * callsign_basic_authorization(user, secret); CS_BASIC_MAILGUN:
 * callsign_mailgun_basic_authorization(secret) (the API key), user "api". */
typedef struct {
    const char *id;
    int kind;
    const char *user;
    size_t user_len;
    const uint8_t *secret;   /* NULL when secret_len is 0 */
    size_t secret_len;
    const char *authorization;
} cs_basic_vector;
"""


def generate(huawei_path, sinch_path):
    with open(huawei_path, encoding="utf-8") as f:
        huawei = json.load(f)
    with open(sinch_path, encoding="utf-8") as f:
        sinch = json.load(f)
    em = Emitter()
    aksk, wsse, basic = [], [], []
    for v in huawei["vectors"]:
        if v["scheme"] == "x-aksk":
            aksk.append(aksk_entry(v, em))
        elif v["scheme"] == "x-wsse":
            wsse.append(wsse_entry(v, em))
    for v in sinch["vectors"]:
        if v["scheme"] in ("sinch.basic_auth", "mailgun.basic_auth"):
            basic.append(basic_entry(v, em))
    for name, table in (("X-AKSK", aksk), ("X-WSSE", wsse), ("Basic", basic)):
        if not table:
            raise VectorError("no %s vectors found" % name)

    parts = [PREAMBLE % (huawei_path.replace("*/", "*_/"), sinch_path.replace("*/", "*_/"))]
    parts.append("\n".join(em.arrays) + "\n")
    parts.append("#define CS_AKSK_VECTOR_COUNT %d" % len(aksk))
    parts.append("#define CS_WSSE_VECTOR_COUNT %d" % len(wsse))
    parts.append("#define CS_BASIC_VECTOR_COUNT %d\n" % len(basic))
    parts.append("static const cs_aksk_vector cs_aksk_vectors[CS_AKSK_VECTOR_COUNT] = {\n"
                 + ",\n".join(aksk) + "\n};\n")
    parts.append("static const cs_wsse_vector cs_wsse_vectors[CS_WSSE_VECTOR_COUNT] = {\n"
                 + ",\n".join(wsse) + "\n};\n")
    parts.append("static const cs_basic_vector cs_basic_vectors[CS_BASIC_VECTOR_COUNT] = {\n"
                 + ",\n".join(basic) + "\n};\n")
    parts.append("#endif /* CALLSIGN_TEST_VECTORS_H */\n")
    return "\n".join(parts), (len(aksk), len(wsse), len(basic))


def main(argv):
    if len(argv) != 4:
        sys.stderr.write("usage: %s HUAWEI_JSON SINCH_MAILGUN_JSON OUT_HEADER\n" % argv[0])
        return 2
    try:
        text, counts = generate(argv[1], argv[2])
    except (VectorError, KeyError, ValueError) as err:
        sys.stderr.write("gen_vectors: %s\n" % err)
        return 1
    with open(argv[3], "w", encoding="ascii", newline="\n") as f:
        f.write(text)
    print("gen_vectors: %d X-AKSK, %d X-WSSE, %d Basic vectors -> %s" % (counts + (argv[3],)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
