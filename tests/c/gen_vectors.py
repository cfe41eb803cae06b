#!/usr/bin/env python3
"""Generates the C header of test vectors used by tests/c/test_ffi.c.

Usage: gen_vectors.py HUAWEI_JSON SINCH_MAILGUN_JSON OUT_HEADER

Reads the X-AKSK, X-WSSE and API Gateway (SDK-HMAC-SHA256, SDK-HMAC-SM3,
V11-HMAC-SHA256) vectors of tests/vectors/huawei.json and the Basic vectors
of tests/vectors/sinch_mailgun.json and writes static const arrays of
structs. Every string is a C literal whose non-printable or
non-ASCII bytes (and '"', '\\', '?') are 3-digit octal escapes, with an
explicit byte length where it may hold NUL. Secrets are byte arrays with an
explicit length; an empty secret is a NULL pointer with length 0.

Standard library only. Refuses (exit status 1) any vector of huawei.json
it does not understand, so a new vector kind there is never silently
skipped (sinch_mailgun.json has schemes without a C ABI yet; only its
Basic vectors are read).
"""

import calendar
import json
import sys
import time

WSSE_DIGESTS = {
    "sms-demo-hex": "CALLSIGN_WSSE_DIGEST_HEX",
    "sms-legacy-raw-digest": "CALLSIGN_WSSE_DIGEST_LEGACY_RAW",
}


# API Gateway schemes -> algorithm constant.
APIG_ALGORITHMS = {
    "sdk-hmac-sha256": "CALLSIGN_APIG_SDK_HMAC_SHA256",
    "sdk-hmac-sm3": "CALLSIGN_APIG_SDK_HMAC_SM3",
    "v11-hmac-sha256": "CALLSIGN_APIG_V11_HMAC_SHA256",
}

# API Gateway variants -> variant constant. The "node-core" vectors
# (@huaweicloud/huaweicloud-sdk-core for Node) are left out on purpose: the
# two with normative=false are informative (they record where the Node
# signer diverges from the normative Python core), and the two normative
# ones agree with the Python core; tests/apig.rs runs those two with the
# Core rules (lower-casing their headers_added names, which come from
# Node's lower-case headers object; they have no request_uri).
APIG_VARIANTS = {
    "huaweicloudsdkcore-python": "CALLSIGN_APIG_VARIANT_CORE",
    "apig-python": "CALLSIGN_APIG_VARIANT_APIG",
}
APIG_SKIPPED_VARIANTS = ("node-core",)

# expected.error of a reference signer -> the status the C ABI returns.
APIG_ERRORS = {
    # huaweicloudsdkcore refuses an empty SK; callsign's Core variant too.
    "ValueError: sk is required in credentials": "CALLSIGN_INVALID_SECRET",
}

# The order in which the C ABI writes the headers it adds (ffi/src/apig.rs
# AddedLines over core's SignedRequest::headers_added): X-Sdk-Date, Host,
# then the payload header. Keys are lower-case names.
APIG_ADDED_ORDER = ("x-sdk-date", "host", "x-sdk-content-sha256", "x-sdk-content-sm3")


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


def basic_date_unix(text):
    """`text` (YYYYMMDDTHHMMSSZ, an X-Sdk-Date) as Unix seconds, round trip."""
    parsed = time.strptime(text, "%Y%m%dT%H%M%SZ")
    secs = calendar.timegm(parsed)
    if time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(secs)) != text:
        raise VectorError("X-Sdk-Date %r does not round-trip" % text)
    return secs


class Emitter:
    def __init__(self):
        self.arrays = []  # byte and pair arrays, emitted before the tables
        self.serial = 0

    def pairs(self, items, hint):
        """`ptr, count` for a callsign_pair array; NULL, 0 when empty."""
        if not items:
            return "NULL", "0"
        self.serial += 1
        name = "cs_vec_pairs_%d_%s" % (self.serial, hint)
        rows = []
        for n, v in items:
            nb, vb = n.encode("utf-8"), v.encode("utf-8")
            rows.append("    {(const uint8_t *)%s, %d, (const uint8_t *)%s, %d}"
                        % (c_string(nb), len(nb), c_string(vb), len(vb)))
        self.arrays.append("static const callsign_pair %s[%d] = {\n%s\n};"
                           % (name, len(items), ",\n".join(rows)))
        return name, "%d" % len(items)

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


def text_pairs(v, field):
    items = v["inputs"][field]
    require(isinstance(items, list), v["id"], "inputs.%s is not a list" % field)
    out = []
    for p in items:
        require(isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p),
                v["id"], "inputs.%s holds a non-pair %r" % (field, p))
        out.append((p[0], p[1]))
    return out


def no_nul(vid, what, text):
    require("\0" not in text, vid, "%s holds NUL (the C test uses strlen)" % what)
    return text


def apig_entry(v, em):
    """One API Gateway vector, or None for a skipped (node-core) one."""
    vid, i, e = v["id"], v["inputs"], v["expected"]
    variant = v.get("variant")
    if variant in APIG_SKIPPED_VARIANTS:
        return None
    require(variant in APIG_VARIANTS, vid, "unknown API Gateway variant %r" % variant)
    algorithm = APIG_ALGORITHMS[v["scheme"]]
    secret = secret_bytes(v)
    headers = text_pairs(v, "headers")
    query = text_pairs(v, "query")
    if "body_hex" in i:
        require("body" not in i, vid, "both body and body_hex")
        body = bytes.fromhex(i["body_hex"])
    else:
        body = i["body"].encode("utf-8")

    region = service = None
    if v["scheme"] == "v11-hmac-sha256":
        region, service = i["region_id"], i["derived_auth_service_name"]
    else:
        require("region_id" not in i and "derived_auth_service_name" not in i, vid,
                "region/service given for a non-V11 scheme")

    # The date: the vectors carry a fixed X-Sdk-Date header; it is also
    # line 2 of the string to sign. date_unix is set to the same instant,
    # so the result is the same whether the header or date_unix is used.
    date_idx = [k for k, (n, _) in enumerate(headers) if n.lower() == "x-sdk-date"]
    require(len(date_idx) <= 1, vid, "more than one X-Sdk-Date header")
    date_text = headers[date_idx[0]][1] if date_idx else None
    if "error" not in e:
        sts_date = e["string_to_sign"].split("\n")[1]
        require(date_text is None or date_text == sts_date, vid,
                "X-Sdk-Date header %r is not line 2 of string_to_sign %r" % (date_text, sts_date))
        date_text = sts_date
    require(date_text is not None, vid, "no X-Sdk-Date header and no string_to_sign")
    date_unix = basic_date_unix(date_text)

    if "error" in e:
        require(e["error"] in APIG_ERRORS, vid, "no status mapped for error %r" % e["error"])
        status = APIG_ERRORS[e["error"]]
        authorization = added = target = canonical = sts = ""
    else:
        status = "CALLSIGN_OK"
        authorization = no_nul(vid, "authorization", e["authorization"])
        canonical = no_nul(vid, "canonical_request", e["canonical_request"])
        sts = no_nul(vid, "string_to_sign", e["string_to_sign"])
        target = no_nul(vid, "request_uri", e["request_uri"])
        require(authorization.endswith("Signature=" + e["signature"]), vid,
                "authorization does not end with the signature")
        # headers_added is a JSON object in the reference's order; the C ABI
        # writes "Name: value\n" lines in its own fixed order. The APIG
        # Python signer's content-length is dropped: that signer sets it on
        # the request after signing (it is unsigned and the HTTP client's
        # business), and callsign does not add it.
        items = list(e["headers_added"].items())
        if variant == "apig-python":
            items = [(n, val) for n, val in items if n.lower() != "content-length"]
        for n, _ in items:
            require(n.lower() in APIG_ADDED_ORDER, vid, "unexpected added header %r" % n)
        items.sort(key=lambda nv: APIG_ADDED_ORDER.index(nv[0].lower()))
        added = "".join("%s: %s\n" % (n, no_nul(vid, "headers_added", val))
                        for n, val in items)

    sp, sl = em.secret(secret, "apig_secret")
    bp, bl = em.secret(body, "apig_body")
    qp, qc = em.pairs(query, "query")
    hp, hc = em.pairs(headers, "headers")
    key = i["app_key"].encode("utf-8")
    method = i["method"].encode("utf-8")
    host = i["host"].encode("utf-8")
    path = i["path"].encode("utf-8")

    def opt_text(t):
        if t is None:
            return "NULL, 0"
        b = t.encode("utf-8")
        return "%s, %d" % (c_string(b), len(b))

    return (
        "    {\n"
        "        %s, %s, %s,\n"
        "        %s, %d,\n"
        "        %s, %s,\n"
        "        %s,\n"
        "        %s,\n"
        "        %s, %d,\n"
        "        %s, %d,\n"
        "        %s, %d,\n"
        "        %s, %s,\n"
        "        %s, %s, %d,\n"
        "        %s, %s,\n"
        "        UINT64_C(%d), %s,\n"
        "        %s,\n"
        "        %s,\n"
        "        %s,\n"
        "        %s,\n"
        "        %s,\n"
        "        %s,\n"
        "    }"
        % (
            c_string(vid), algorithm, APIG_VARIANTS[variant],
            c_string(key), len(key),
            sp, sl,
            opt_text(region),
            opt_text(service),
            c_string(method), len(method),
            c_string(host), len(host),
            c_string(path), len(path),
            qp, qc,
            hp, hc, date_idx[0] if date_idx else -1,
            bp, bl,
            date_unix, c_string(date_text),
            status,
            c_string(authorization),
            c_string(added),
            c_string(target),
            c_string(canonical),
            c_string(sts),
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

/* An API Gateway vector (tests/vectors/huawei.json, schemes
 * sdk-hmac-sha256, sdk-hmac-sm3, v11-hmac-sha256; node-core variants left
 * out). status is CALLSIGN_OK, or the status callsign_huawei_apig_sign must
 * return (the expected texts are then empty). headers_added is the C ABI's
 * "Name: value\n" lines, without the APIG signer's content-length. */
typedef struct {
    const char *id;
    uint32_t algorithm;      /* CALLSIGN_APIG_* */
    uint32_t variant;        /* CALLSIGN_APIG_VARIANT_* */
    const char *app_key;
    size_t app_key_len;
    const uint8_t *secret;   /* NULL when secret_len is 0 */
    size_t secret_len;
    const char *region;      /* V11 only; else NULL, 0 */
    size_t region_len;
    const char *service;     /* V11 only; else NULL, 0 */
    size_t service_len;
    const char *method;
    size_t method_len;
    const char *host;
    size_t host_len;
    const char *path;
    size_t path_len;
    const callsign_pair *query;   /* NULL when query_count is 0 */
    size_t query_count;
    const callsign_pair *headers; /* NULL when header_count is 0 */
    size_t header_count;
    int date_header;         /* index of the X-Sdk-Date header, or -1 */
    const uint8_t *body;     /* NULL when body_len is 0 */
    size_t body_len;
    uint64_t date_unix;      /* the X-Sdk-Date as Unix seconds */
    const char *date;        /* the X-Sdk-Date, YYYYMMDDTHHMMSSZ */
    uint32_t status;
    const char *authorization;
    const char *headers_added;
    const char *request_target;
    const char *canonical_request;
    const char *string_to_sign;
} cs_apig_vector;

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
    aksk, wsse, basic, apig = [], [], [], []
    skipped = 0
    for v in huawei["vectors"]:
        if v["scheme"] == "x-aksk":
            aksk.append(aksk_entry(v, em))
        elif v["scheme"] == "x-wsse":
            wsse.append(wsse_entry(v, em))
        elif v["scheme"] in APIG_ALGORITHMS:
            entry = apig_entry(v, em)
            if entry is None:
                skipped += 1
            else:
                apig.append(entry)
        else:
            raise VectorError("%s: unknown scheme %r" % (v["id"], v["scheme"]))
    for v in sinch["vectors"]:
        if v["scheme"] in ("sinch.basic_auth", "mailgun.basic_auth"):
            basic.append(basic_entry(v, em))
    for name, table in (("X-AKSK", aksk), ("X-WSSE", wsse), ("Basic", basic),
                        ("API Gateway", apig)):
        if not table:
            raise VectorError("no %s vectors found" % name)

    parts = [PREAMBLE % (huawei_path.replace("*/", "*_/"), sinch_path.replace("*/", "*_/"))]
    parts.append("\n".join(em.arrays) + "\n")
    parts.append("#define CS_AKSK_VECTOR_COUNT %d" % len(aksk))
    parts.append("#define CS_WSSE_VECTOR_COUNT %d" % len(wsse))
    parts.append("#define CS_BASIC_VECTOR_COUNT %d" % len(basic))
    parts.append("#define CS_APIG_VECTOR_COUNT %d" % len(apig))
    parts.append("#define CS_APIG_SKIPPED_COUNT %d /* node-core */\n" % skipped)
    parts.append("static const cs_aksk_vector cs_aksk_vectors[CS_AKSK_VECTOR_COUNT] = {\n"
                 + ",\n".join(aksk) + "\n};\n")
    parts.append("static const cs_wsse_vector cs_wsse_vectors[CS_WSSE_VECTOR_COUNT] = {\n"
                 + ",\n".join(wsse) + "\n};\n")
    parts.append("static const cs_basic_vector cs_basic_vectors[CS_BASIC_VECTOR_COUNT] = {\n"
                 + ",\n".join(basic) + "\n};\n")
    parts.append("static const cs_apig_vector cs_apig_vectors[CS_APIG_VECTOR_COUNT] = {\n"
                 + ",\n".join(apig) + "\n};\n")
    parts.append("#endif /* CALLSIGN_TEST_VECTORS_H */\n")
    return "\n".join(parts), (len(aksk), len(wsse), len(basic), len(apig), skipped)


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
    print("gen_vectors: %d X-AKSK, %d X-WSSE, %d Basic, %d API Gateway vectors "
          "(%d node-core skipped) -> %s" % (counts + (argv[3],)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
