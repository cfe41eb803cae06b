#!/usr/bin/env python3
"""Generates the C header of test vectors used by tests/c/test_verify.c.

Usage: gen_sinch_vectors.py SINCH_MAILGUN_JSON HUAWEI_JSON OUT_HEADER

Reads, from tests/vectors/sinch_mailgun.json, every vector of the schemes
sinch.application_signed_request, sinch.application_signed_callback,
sinch.voice_v2_service_callback, sinch.webhook_hmac_sha256_nonce,
sinch.numbers_callback_hmac_sha1 and mailgun.webhook_signature; and, from
tests/vectors/huawei.json, every x-aksk and x-wsse vector (verified on the
gateway side). Writes static const arrays of structs.

Every rejecting vector (expected.valid false, or expected.error) gets the
status the C ABI must return, from the table below (the same errors as
tests/sinch_mailgun.rs expects of the Rust API); a rejecting vector missing
from the table, an unknown scheme, operation, body encoding or generator
rule, or a count that differs from the spec's table makes the script fail
(exit status 1), so no vector is silently skipped.

Bodies: utf8 bodies are C string literals with explicit lengths; generated
bodies (1 MiB and more) are described by rule, length and SHA-256, and the C
test builds them and checks the SHA-256 before use.

Standard library only.
"""

import calendar
import json
import re
import sys

# Vectors per scheme, as the spec's table (specs/sinch_mailgun.md 11) lists them.
SCHEME_COUNTS = {
    "sinch.application_signed_request": 25,
    "sinch.application_signed_callback": 16,
    "sinch.voice_v2_service_callback": 8,
    "sinch.webhook_hmac_sha256_nonce": 24,
    "sinch.numbers_callback_hmac_sha1": 7,
    "mailgun.webhook_signature": 16,
}
# Schemes of the file with no verification or webhook signing (tested by
# tests/c/test_ffi.c, or not signing schemes).
OTHER_SCHEMES = ("sinch.basic_auth", "mailgun.basic_auth", "sinch.oauth2_client_credentials")
HUAWEI_COUNTS = {"x-aksk": 7, "x-wsse": 9}

# Generator rules of the file's notes -> index used by the C test.
RULES = {
    "byte[i] = 0x61 + (i mod 26)": 0,
    "byte[i] = 0x20 + (i mod 95)": 1,
    "byte[i] = i mod 251": 2,
    "byte[i] = (7*i + 3) mod 256": 3,
}

SIG = "CALLSIGN_SIGNATURE_MISMATCH"
# The status of every rejecting vector, by id.
REJECTIONS = {
    "sinch-app-callback-01c": SIG,
    "sinch-app-callback-01d": SIG,
    "sinch-app-callback-01f": SIG,
    "sinch-app-callback-01g": SIG,
    "sinch-app-callback-01h": SIG,
    "sinch-app-callback-02b": SIG,
    "sinch-app-callback-02c": SIG,
    "sinch-voice2-callback-01e": SIG,
    "sinch-webhook-01-verifyc": SIG,
    "sinch-webhook-01-verifyd": SIG,
    "sinch-webhook-01-verifye": SIG,
    "sinch-webhook-01-verifyf": SIG,
    "sinch-webhook-01-verifyg": SIG,
    "sinch-webhook-02-verifyb": SIG,
    "sinch-numbers-callback-01-verifyc": SIG,
    "mailgun-webhook-01c": SIG,
    "mailgun-webhook-01d": SIG,
    "mailgun-webhook-02b": SIG,
    "sinch-app-callback-01e": "CALLSIGN_KEY_MISMATCH",
    "sinch-app-callback-02d": "CALLSIGN_KEY_MISMATCH",
    "sinch-app-callback-01i": "CALLSIGN_MISSING_HEADER",   # Authorization
    "sinch-app-callback-01j": "CALLSIGN_MALFORMED",        # two spaces
    "sinch-app-callback-01k": "CALLSIGN_MISSING_HEADER",   # x-timestamp
    "sinch-app-callback-01l": "CALLSIGN_MALFORMED",        # second ':'
    "sinch-voice2-callback-01c": "CALLSIGN_MALFORMED",     # scheme word
    "sinch-voice2-callback-01d": "CALLSIGN_MISSING_HEADER",  # Content-Type
    "sinch-webhook-01-verifyi": "CALLSIGN_UNSUPPORTED_ALGORITHM",
    "sinch-webhook-01-verifyj": "CALLSIGN_MISSING_HEADER",   # nonce
    "sinch-numbers-callback-01-verifyb": "CALLSIGN_MALFORMED",  # upper-case hex
    "mailgun-webhook-01e": "CALLSIGN_MALFORMED",
    "mailgun-webhook-01f": "CALLSIGN_MALFORMED",
    "mailgun-webhook-01h": "CALLSIGN_TIMESTAMP_TOO_OLD",
    "mailgun-webhook-01i": "CALLSIGN_TIMESTAMP_IN_FUTURE",
}

# expected.error texts -> status.
ERRORS = {
    # Java's strict Base64 decoding of the application secret.
    "invalid_application_secret": "CALLSIGN_INVALID_SECRET",
    # A received timestamp that is not decimal Unix seconds: malformed.
    "invalid_timestamp": "CALLSIGN_MALFORMED",
}

WSSE_DIGESTS = {
    "sms-demo-hex": "CALLSIGN_WSSE_DIGEST_HEX",
    "sms-legacy-raw-digest": "CALLSIGN_WSSE_DIGEST_LEGACY_RAW",
}

C_LITERAL_MAX = 4095  # C99 5.2.4.1: longest string literal a compiler must accept


class VectorError(Exception):
    pass


def require(cond, vid, what):
    if not cond:
        raise VectorError("%s: %s" % (vid, what))


def c_string(data):
    """A C string literal for `data` (bytes or str, str as UTF-8).

    Printable ASCII is kept except '"', '\\' and '?' (trigraphs); every other
    byte becomes a 3-digit octal escape, which, unlike a hex escape, cannot
    swallow the characters that follow it.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > C_LITERAL_MAX:
        raise VectorError("a string of %d bytes is over the C99 literal limit" % len(data))
    out = ['"']
    for b in data:
        if 0x20 <= b <= 0x7E and b not in (0x22, 0x5C, 0x3F):
            out.append(chr(b))
        else:
            out.append("\\%03o" % b)
    out.append('"')
    return "".join(out)


def text(data):
    """`literal, length` for a text, or `NULL, 0` for None."""
    if data is None:
        return "NULL, 0"
    b = data.encode("utf-8") if isinstance(data, str) else data
    return "%s, %d" % (c_string(b), len(b))


def c_bytes(data):
    items = ["0x%02x" % b for b in data]
    return "{\n" + ",\n".join("    " + ", ".join(items[i:i + 12])
                              for i in range(0, len(items), 12)) + "\n}"


def iso_unix(value):
    """An x-timestamp (ISO 8601, optional fraction, Z or +-HH:MM) as Unix seconds."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?"
                     r"(Z|([+-])(\d{2}):(\d{2}))", value)
    if not m:
        raise VectorError("x-timestamp %r is not ISO 8601" % value)
    secs = calendar.timegm(tuple(int(m.group(i)) for i in range(1, 7)) + (0, 0, 0))
    if m.group(8) != "Z":
        offset = int(m.group(10)) * 3600 + int(m.group(11)) * 60
        secs += -offset if m.group(9) == "+" else offset
    return secs


class Emitter:
    def __init__(self):
        self.arrays = []
        self.serial = 0

    def pairs(self, items, hint):
        """`ptr, count` for a callsign_pair array; `NULL, 0` when empty."""
        if not items:
            return "NULL, 0"
        self.serial += 1
        name = "cs_sv_pairs_%d_%s" % (self.serial, hint)
        rows = []
        for n, v in items:
            nb, vb = n.encode("utf-8"), v.encode("utf-8")
            rows.append("    {(const uint8_t *)%s, %d, (const uint8_t *)%s, %d}"
                        % (c_string(nb), len(nb), c_string(vb), len(vb)))
        self.arrays.append("static const callsign_pair %s[%d] = {\n%s\n};"
                           % (name, len(items), ",\n".join(rows)))
        return "%s, %d" % (name, len(items))

    def secret(self, data, hint):
        """`ptr, len` for a byte array; `NULL, 0` when empty."""
        if not data:
            return "NULL, 0"
        self.serial += 1
        name = "cs_sv_bytes_%d_%s" % (self.serial, hint)
        self.arrays.append("static const uint8_t %s[%d] = %s;" % (name, len(data), c_bytes(data)))
        return "%s, %d" % (name, len(data))


def body(v):
    """A cs_body initializer for the vector's body."""
    b = v["inputs"].get("body")
    vid = v["id"]
    if b is None:
        return "{CS_BODY_NONE, NULL, 0, 0, NULL}"
    if b["encoding"] == "utf8":
        data = b["value"].encode("utf-8")
        return "{CS_BODY_BYTES, (const uint8_t *)%s, %d, 0, NULL}" % (c_string(data), len(data))
    if b["encoding"] == "generated":
        require(b["rule"] in RULES, vid, "unknown generator rule %r" % b["rule"])
        require(re.fullmatch(r"[0-9a-f]{64}", b["sha256"]) is not None, vid, "sha256")
        return "{CS_BODY_GENERATED, NULL, %d, %d, %s}" % (b["length"], RULES[b["rule"]],
                                                          c_string(b["sha256"]))
    raise VectorError("%s: body encoding %r" % (vid, b["encoding"]))


# Vectors whose expectation follows the Java SDK where callsign follows the
# Node and Python SDKs (their `sdk_divergence`): a webhook without the
# algorithm header is HmacSHA256.
FOLLOWS_NODE_AND_PYTHON = {"sinch-webhook-01-verifyh"}


def status(v):
    """The status a verification (or signing) vector must give."""
    e = v["expected"]
    vid = v["id"]
    if vid in FOLLOWS_NODE_AND_PYTHON:
        require(all(v["sdk_divergence"].values()), vid, "Node and Python no longer accept it")
        return "CALLSIGN_OK"
    if "error" in e:
        require(e["error"] in ERRORS, vid, "unknown expected.error %r" % e["error"])
        require("valid" not in e, vid, "both error and valid")
        return ERRORS[e["error"]]
    if v["operation"] == "sign":
        return "CALLSIGN_OK"
    require(isinstance(e.get("valid"), bool), vid, "expected.valid missing")
    if e["valid"]:
        require(vid not in REJECTIONS, vid, "valid, yet listed as a rejection")
        return "CALLSIGN_OK"
    require(vid in REJECTIONS, vid, "rejecting vector with no expected status listed")
    return REJECTIONS[vid]


def headers(v):
    hs = v["inputs"]["headers"]
    for h in hs:
        require(len(h) == 2 and all(isinstance(x, str) for x in h), v["id"], "header pair")
    return [(h[0], h[1]) for h in hs]


def header_value(pairs, name):
    found = [val for n, val in pairs if n.lower() == name]
    return found[0] if len(found) == 1 else None


def app_sign_entry(v, scheme, em):
    i, e = v["inputs"], v["expected"]
    if scheme == "CALLSIGN_SINCH_APPLICATION":
        key, secret, target = i["application_key"], i["application_secret"], i["request_target"]
    else:
        key, secret, target = i["service_key"], i["service_secret"], i["path"]
    st = status(v)
    auth = e.get("authorization") if st == "CALLSIGN_OK" else None
    require((auth is None) == (st != "CALLSIGN_OK"), v["id"], "authorization vs error")
    sts = e["string_to_sign"]
    require(sts.split("\n")[1] == e["content_md5"], v["id"], "content_md5 is the 2nd line")
    return ("    {%s, %s, %s, %s, %s, %s, %s, %s, %s,\n     %s,\n     %s, %s, %s, %s}"
            % (c_string(v["id"]), scheme, text(key), text(secret), text(i["method"]),
               text(target), text(i["content_type"]), text(i["x_timestamp"]),
               "%d" % iso_unix(i["x_timestamp"]), body(v), c_string(e["content_md5"]),
               text(sts), st, text(auth)))


def callback_entry(v, scheme, em):
    i = v["inputs"]
    if scheme == "CALLSIGN_SINCH_APPLICATION":
        key, secret = i["application_key"], i["application_secret"]
    else:
        key, secret = i["service_key"], i["service_secret"]
    hs = headers(v)
    st = status(v)
    ts = header_value(hs, "x-timestamp")
    unix = iso_unix(ts) if st == "CALLSIGN_OK" else 0
    return ("    {%s, %s, %s, %s, %s, %s,\n     %s,\n     %s, %s, %d}"
            % (c_string(v["id"]), scheme, text(key), text(secret), text(i["method"]),
               text(i["path"]), em.pairs(hs, "cb"), body(v), st, unix))


def webhook_sign_entry(v, em):
    i, e = v["inputs"], v["expected"]
    require(v["inputs"].get("body") is not None, v["id"], "webhook body")
    if "signed_data" in e:
        data = v["inputs"]["body"]["value"] + "." + i["nonce"] + "." + i["timestamp"]
        require(data == e["signed_data"], v["id"], "signed_data")
    return ("    {%s, %s, %s, %s, %s, %s}"
            % (c_string(v["id"]), text(i["secret"]), body(v), text(i["nonce"]),
               text(i["timestamp"]), text(e["signature"])))


def webhook_verify_entry(v, em):
    i = v["inputs"]
    hs = headers(v)
    st = status(v)
    unix = int(header_value(hs, "x-sinch-webhook-signature-timestamp")) if st == "CALLSIGN_OK" else 0
    return ("    {%s, %s, %s,\n     %s, %s, %d}"
            % (c_string(v["id"]), text(i["secret"]), em.pairs(hs, "wh"), body(v), st, unix))


def numbers_sign_entry(v, em):
    i, e = v["inputs"], v["expected"]
    return "    {%s, %s, %s, %s}" % (c_string(v["id"]), text(i["secret"]), body(v),
                                     text(e["signature"]))


def numbers_verify_entry(v, em):
    i = v["inputs"]
    return "    {%s, %s, %s, %s, %s}" % (c_string(v["id"]), text(i["secret"]),
                                         em.pairs(headers(v), "nb"), body(v), status(v))


def mailgun_timestamp(v):
    t = v["inputs"]["timestamp"]
    if isinstance(t, bool) or not isinstance(t, (int, str)):
        raise VectorError("%s: timestamp %r" % (v["id"], t))
    return str(t)  # a JSON integer is signed as its decimal text


def mailgun_sign_entry(v, em):
    i, e = v["inputs"], v["expected"]
    ts = mailgun_timestamp(v)
    require(ts + i["token"] == e["signed_data"], v["id"], "signed_data")
    return "    {%s, %s, %s, %s, %s}" % (c_string(v["id"]), text(i["signing_key"]), text(ts),
                                         text(i["token"]), text(e["signature"]))


def mailgun_verify_entry(v, em):
    i = v["inputs"]
    max_age = i["max_age_seconds"]
    require(isinstance(max_age, int) and max_age >= 0, v["id"], "max_age_seconds")
    now = i.get("now_epoch_seconds", 0)
    require(max_age == 0 or "now_epoch_seconds" in i, v["id"], "now_epoch_seconds")
    return ("    {%s, %s, %s, %s, %s, %d, %d, %s}"
            % (c_string(v["id"]), text(i["signing_key"]), text(mailgun_timestamp(v)),
               text(i["token"]), text(i["signature"]), max_age, now, status(v)))


def token_entry(v, em):
    i, e = v["inputs"], v["expected"]
    vid = v["id"]
    secret = bytes.fromhex(i["app_secret_utf8_hex"])
    require(secret == i["app_secret"].encode("utf-8"), vid, "app_secret_utf8_hex")
    if v["scheme"] == "x-aksk":
        header, wsse, digest = e["x_aksk"], 0, "CALLSIGN_WSSE_DIGEST_HEX"
    else:
        require(v.get("variant") in WSSE_DIGESTS, vid, "unknown X-WSSE variant")
        header, wsse, digest = e["x_wsse"], 1, WSSE_DIGESTS[v["variant"]]
    created = calendar.timegm(tuple(int(x) for x in re.fullmatch(
        r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z", i["created"]).groups()) + (0, 0, 0))
    require(('Username="%s"' % i["app_key"]) in header, vid, "Username in the header")
    return ("    {%s, %d, %s, %s, %s, %s, %s, %d, %s}"
            % (c_string(vid), wsse, digest, text(header), text(i["app_key"]),
               text(i["nonce"]), em.secret(secret, "tok"), created,
               text(e["password_digest"])))


PREAMBLE = """\
/* Generated by tests/c/gen_sinch_vectors.py from %s and %s. Do not edit. */
#ifndef CALLSIGN_SINCH_VECTORS_H
#define CALLSIGN_SINCH_VECTORS_H

#include <stddef.h>
#include <stdint.h>

#include "callsign.h"

enum { CS_BODY_NONE = 0, CS_BODY_BYTES = 1, CS_BODY_GENERATED = 2 };

/* A body: none (JSON null), bytes, or generated: len bytes by rule (0:
 * 0x61 + i mod 26, 1: 0x20 + i mod 95, 2: i mod 251, 3: (7i + 3) mod 256)
 * with the lowercase hex SHA-256 sha256. */
typedef struct {
    int kind;
    const uint8_t *bytes;
    size_t len;
    int rule;
    const char *sha256;
} cs_body;

/* Sinch signing (sinch.application_signed_request, and the sign vectors of
 * sinch.voice_v2_service_callback). content_type NULL: no header. status:
 * CALLSIGN_OK or the error of callsign_sinch_application_sign (the string
 * to sign is still expected then); authorization NULL on an error. */
typedef struct {
    const char *id;
    uint32_t scheme;
    const char *key; size_t key_len;
    const char *secret; size_t secret_len;
    const char *method; size_t method_len;
    const char *target; size_t target_len;
    const char *content_type; size_t content_type_len;
    const char *x_timestamp; size_t x_timestamp_len;
    uint64_t x_timestamp_unix;
    cs_body body;
    const char *content_md5;
    const char *string_to_sign; size_t string_to_sign_len;
    uint32_t status;
    const char *authorization; size_t authorization_len;
} cs_app_sign_vector;

/* Sinch callback verification (sinch.application_signed_callback, and the
 * verify vectors of sinch.voice_v2_service_callback). x_timestamp_unix: of
 * the x-timestamp header, for accepted vectors (else 0). */
typedef struct {
    const char *id;
    uint32_t scheme;
    const char *key; size_t key_len;
    const char *secret; size_t secret_len;
    const char *method; size_t method_len;
    const char *path; size_t path_len;
    const callsign_pair *headers; size_t header_count;
    cs_body body;
    uint32_t status;
    uint64_t x_timestamp_unix;
} cs_callback_vector;

typedef struct {
    const char *id;
    const char *secret; size_t secret_len;
    cs_body body;
    const char *nonce; size_t nonce_len;
    const char *timestamp; size_t timestamp_len;
    const char *signature; size_t signature_len;
} cs_webhook_sign_vector;

/* timestamp_unix: of the timestamp header, for accepted vectors (else 0). */
typedef struct {
    const char *id;
    const char *secret; size_t secret_len;
    const callsign_pair *headers; size_t header_count;
    cs_body body;
    uint32_t status;
    uint64_t timestamp_unix;
} cs_webhook_verify_vector;

typedef struct {
    const char *id;
    const char *secret; size_t secret_len;
    cs_body body;
    const char *signature; size_t signature_len;
} cs_numbers_sign_vector;

typedef struct {
    const char *id;
    const char *secret; size_t secret_len;
    const callsign_pair *headers; size_t header_count;
    cs_body body;
    uint32_t status;
} cs_numbers_verify_vector;

typedef struct {
    const char *id;
    const char *key; size_t key_len;
    const char *timestamp; size_t timestamp_len;
    const char *token; size_t token_len;
    const char *signature; size_t signature_len;
} cs_mailgun_sign_vector;

/* max_age 0: the SDK's age check is off (CALLSIGN_VERIFY_SIGNATURE_ONLY). */
typedef struct {
    const char *id;
    const char *key; size_t key_len;
    const char *timestamp; size_t timestamp_len;
    const char *token; size_t token_len;
    const char *signature; size_t signature_len;
    uint64_t max_age;
    uint64_t now;
    uint32_t status;
} cs_mailgun_verify_vector;

/* A Huawei X-AKSK (wsse 0) or X-WSSE (wsse 1) header value to verify. */
typedef struct {
    const char *id;
    int wsse;
    uint32_t digest;
    const char *header; size_t header_len;
    const char *app_key; size_t app_key_len;
    const char *nonce; size_t nonce_len;
    const uint8_t *secret; size_t secret_len; /* NULL when empty */
    uint64_t created_unix;
    const char *password_digest; size_t password_digest_len;
} cs_token_vector;
"""


def table(ctype, name, count_macro, rows):
    return ("#define %s %d\nstatic const %s %s[%s] = {\n%s\n};\n"
            % (count_macro, len(rows), ctype, name, count_macro, ",\n".join(rows)))


def generate(sinch_path, huawei_path):
    with open(sinch_path, encoding="utf-8") as f:
        sinch = json.load(f)
    with open(huawei_path, encoding="utf-8") as f:
        huawei = json.load(f)
    em = Emitter()
    app_sign, callback, wh_sign, wh_verify = [], [], [], []
    nb_sign, nb_verify, mg_sign, mg_verify, tokens = [], [], [], [], []
    seen = {s: 0 for s in SCHEME_COUNTS}
    for v in sinch["vectors"]:
        s, op = v["scheme"], v["operation"]
        if s in OTHER_SCHEMES:
            continue
        require(s in SCHEME_COUNTS, v["id"], "unknown scheme %r" % s)
        seen[s] += 1
        key = (s, op)
        if key == ("sinch.application_signed_request", "sign"):
            app_sign.append(app_sign_entry(v, "CALLSIGN_SINCH_APPLICATION", em))
        elif key == ("sinch.voice_v2_service_callback", "sign"):
            app_sign.append(app_sign_entry(v, "CALLSIGN_SINCH_SERVICE", em))
        elif key == ("sinch.application_signed_callback", "verify"):
            callback.append(callback_entry(v, "CALLSIGN_SINCH_APPLICATION", em))
        elif key == ("sinch.voice_v2_service_callback", "verify"):
            callback.append(callback_entry(v, "CALLSIGN_SINCH_SERVICE", em))
        elif key == ("sinch.webhook_hmac_sha256_nonce", "sign"):
            wh_sign.append(webhook_sign_entry(v, em))
        elif key == ("sinch.webhook_hmac_sha256_nonce", "verify"):
            wh_verify.append(webhook_verify_entry(v, em))
        elif key == ("sinch.numbers_callback_hmac_sha1", "sign"):
            nb_sign.append(numbers_sign_entry(v, em))
        elif key == ("sinch.numbers_callback_hmac_sha1", "verify"):
            nb_verify.append(numbers_verify_entry(v, em))
        elif key == ("mailgun.webhook_signature", "sign"):
            mg_sign.append(mailgun_sign_entry(v, em))
        elif key == ("mailgun.webhook_signature", "verify"):
            mg_verify.append(mailgun_verify_entry(v, em))
        else:
            raise VectorError("%s: operation %r of %s" % (v["id"], op, s))
    for s, n in SCHEME_COUNTS.items():
        require(seen[s] == n, s, "%d vectors in the file, the spec lists %d" % (seen[s], n))
    hw_seen = {s: 0 for s in HUAWEI_COUNTS}
    for v in huawei["vectors"]:
        if v["scheme"] in HUAWEI_COUNTS:
            hw_seen[v["scheme"]] += 1
            tokens.append(token_entry(v, em))
    for s, n in HUAWEI_COUNTS.items():
        require(hw_seen[s] == n, s, "%d vectors in huawei.json, expected %d" % (hw_seen[s], n))

    parts = [PREAMBLE % (sinch_path.replace("*/", "*_/"), huawei_path.replace("*/", "*_/"))]
    parts.append("\n".join(em.arrays) + "\n")
    parts.append(table("cs_app_sign_vector", "cs_app_sign_vectors", "CS_APP_SIGN_COUNT",
                       app_sign))
    parts.append(table("cs_callback_vector", "cs_callback_vectors", "CS_CALLBACK_COUNT",
                       callback))
    parts.append(table("cs_webhook_sign_vector", "cs_webhook_sign_vectors",
                       "CS_WEBHOOK_SIGN_COUNT", wh_sign))
    parts.append(table("cs_webhook_verify_vector", "cs_webhook_verify_vectors",
                       "CS_WEBHOOK_VERIFY_COUNT", wh_verify))
    parts.append(table("cs_numbers_sign_vector", "cs_numbers_sign_vectors",
                       "CS_NUMBERS_SIGN_COUNT", nb_sign))
    parts.append(table("cs_numbers_verify_vector", "cs_numbers_verify_vectors",
                       "CS_NUMBERS_VERIFY_COUNT", nb_verify))
    parts.append(table("cs_mailgun_sign_vector", "cs_mailgun_sign_vectors",
                       "CS_MAILGUN_SIGN_COUNT", mg_sign))
    parts.append(table("cs_mailgun_verify_vector", "cs_mailgun_verify_vectors",
                       "CS_MAILGUN_VERIFY_COUNT", mg_verify))
    parts.append(table("cs_token_vector", "cs_token_vectors", "CS_TOKEN_COUNT", tokens))
    parts.append("/* Vectors of the six schemes in sinch_mailgun.json. */\n"
                 "#define CS_SINCH_MAILGUN_VECTOR_COUNT %d\n" % sum(SCHEME_COUNTS.values()))
    parts.append("#endif /* CALLSIGN_SINCH_VECTORS_H */\n")
    counts = (len(app_sign), len(callback), len(wh_sign) + len(wh_verify),
              len(nb_sign) + len(nb_verify), len(mg_sign) + len(mg_verify), len(tokens))
    return "\n".join(parts), counts


def main(argv):
    if len(argv) != 4:
        sys.stderr.write("usage: %s SINCH_MAILGUN_JSON HUAWEI_JSON OUT_HEADER\n" % argv[0])
        return 2
    try:
        out, counts = generate(argv[1], argv[2])
    except (VectorError, KeyError, ValueError, TypeError, AttributeError) as err:
        sys.stderr.write("gen_sinch_vectors: %s\n" % err)
        return 1
    with open(argv[3], "w", encoding="ascii", newline="\n") as f:
        f.write(out)
    print("gen_sinch_vectors: %d Sinch signing, %d callback, %d webhook, %d Numbers, "
          "%d Mailgun, %d X-AKSK/X-WSSE vectors -> %s" % (counts + (argv[3],)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
