#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz targets from tests/vectors/*.json.

Each target reads its input with `callsign_fuzz::Input` (fuzz/src/lib.rs):
a *byte* is one byte, a *text*/*blob* a one-byte length then the bytes, a
*long* text/blob a two-byte little-endian length then the bytes, the *rest*
whatever is left. The seeds are written in that format into
fuzz/corpus/<target>/seed-<sha1 prefix>, and then minimised with
`cargo fuzz cmin` together with what the fuzzer found (scripts/fuzz.sh
--cmin). Run from anywhere: python3 fuzz/seed.py
"""

import base64
import hashlib
import json
import os
import struct
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")


def b(v):
    return v if isinstance(v, bytes) else str(v).encode()


def byte(v):
    return bytes([v & 0xFF])


def u16(v):
    return struct.pack("<H", v & 0xFFFF)


def u64(v):
    return struct.pack("<Q", v & 0xFFFFFFFFFFFFFFFF)


def text(v):
    v = b(v)[:255]
    return byte(len(v)) + v


def long_text(v):
    v = b(v)[:65535]
    return u16(len(v)) + v


def pairs(ps, modulo):
    ps = ps[: modulo - 1]
    return byte(len(ps)) + b"".join(text(n) + text(v) for n, v in ps)


def body_of(v):
    body = v.get("body", "")
    if isinstance(body, dict):
        if body.get("encoding") == "base64":
            return base64.b64decode(body["value"])
        if body.get("encoding") == "hex":
            return bytes.fromhex(body["value"])
        return b(body.get("value", ""))
    return b(body)


def unix_of(created):
    import calendar
    import time

    t = time.strptime(created, "%Y-%m-%dT%H:%M:%SZ")
    return calendar.timegm(t)


SEEDS = {}


def add(target, data):
    SEEDS.setdefault(target, set()).add(bytes(data))


def arg(v):
    """An argument of the ffi target: mode byte 0 (as is), then a blob."""
    return byte(0) + text(v)


def main():
    vectors = []
    for name in sorted(os.listdir(os.path.join(ROOT, "tests", "vectors"))):
        if name.endswith(".json"):
            with open(os.path.join(ROOT, "tests", "vectors", name)) as f:
                vectors += json.load(f)["vectors"]

    for v in vectors:
        if "kind" in v:  # api-surface.json: the `api` target
            seed_api(v)
            continue
        try:
            seed_vector(v)
        except (KeyError, ValueError, TypeError):
            # Vectors of another shape (e.g. received headers as a list):
            # their headers and body seed the verifiers.
            i = v.get("inputs", {})
            hs = [tuple(h) for h in i.get("headers", []) if isinstance(h, list)]
            if isinstance(i.get("headers"), dict):
                hs = list(i["headers"].items())
            body = body_of(i) if "body" in i else b""
            add("sinch_webhook", pairs(hs, 7) + body)
            add("sinch_callback", byte(0) + byte(200) + text(i.get("method", "POST"))
                + long_text(i.get("path", "/")) + pairs(hs, 7) + body)

    write_inputs_the_vectors_lack()

    total = 0
    for target, seeds in sorted(SEEDS.items()):
        d = os.path.join(CORPUS, target)
        os.makedirs(d, exist_ok=True)
        for data in sorted(seeds):
            path = os.path.join(d, "seed-" + hashlib.sha1(data).hexdigest()[:16])
            with open(path, "wb") as f:
                f.write(data)
            total += 1
    print(f"seed: {total} seeds for {len(SEEDS)} targets in {os.path.relpath(CORPUS, ROOT)}")


def seed_vector(v):
    """Adds the seeds one vector gives."""
    s, i, e = v["scheme"], v.get("inputs", {}), v.get("expected", {})
    if s in ("x-aksk", "x-wsse"):
        header = e.get("x_aksk") or e.get("x_wsse")
        if header:
            add("huawei_token", b(header))
        add("time", b(i["created"]))
        add("time", b(i["nonce"]))
        which = 0 if s == "x-aksk" else (2 if "raw" in v.get("variant", "") else 1)
        add(
            "roundtrip",
            byte(which) + u16(7) + byte(1) + text(i["app_key"]) + text(i["app_secret"])
            + text(i["nonce"]) + u64(unix_of(i["created"])),
        )
        add("decoders", byte(1 if s == "x-aksk" else 3) + text(b"") + byte(0) + byte(1) + byte(0) + byte(3) + byte(ord("A")))
        add(
            "ffi",
            byte(4 if s == "x-aksk" else 6) + byte(40) + byte(3) + byte(5)
            + arg(i["app_key"]) + arg(i["app_secret"]) + arg(i["nonce"])
            + u64(unix_of(i["created"])) + byte(7) + byte(0),
        )
    elif s.startswith("sdk-hmac") or s.startswith("v11"):
        alg = {"sdk-hmac-sha256": 0, "sdk-hmac-sm3": 1}.get(s, 2)
        variant = 1 if "apig" in v.get("variant", "") else 0
        headers = [tuple(h) for h in i.get("headers", [])]
        query = [tuple(q) for q in i.get("query", [])]
        for h, val in headers:
            if h.lower() == "x-sdk-date":
                add("time", b(val))
        add(
            "apig",
            byte(alg) + byte(variant) + text(i["app_key"]) + long_text(i["app_secret"])
            + text(i.get("region_id", "")) + text(i.get("derived_auth_service_name", ""))
            + text(i["method"]) + text(i["host"]) + long_text(i["path"])
            + pairs(query, 71) + pairs(headers, 37) + u64(1705307400) + byte(0)
            + bytes(32) + body_of(i),
        )
        add("encoders", byte(1) + u16(5) + b(i["path"]))
        add("digests", long_text(i["app_secret"]) + text(b"k") + byte(1) + u16(3) + b(e.get("canonical_request", "")))
        pairs_c = query + headers
        add(
            "ffi",
            byte(15) + byte(9) + byte(0) + byte(0) + arg(i["app_key"]) + arg(i["app_secret"])
            + arg(i.get("region_id", "")) + arg(i.get("derived_auth_service_name", ""))
            + byte(alg) + byte(variant) + arg(i["method"]) + arg(i["host"]) + arg(i["path"])
            + byte(len(pairs_c[:5])) + b"".join(arg(n) + arg(x) for n, x in pairs_c[:5])
            + byte(len(query)) + byte(0) + arg(body_of(i)) + u64(1705307400),
        )
    elif s == "sinch.voice_v2_service_callback" and "headers" in i:
        add(
            "sinch_callback",
            byte(1) + byte(200) + text(i["method"]) + long_text(i["path"])
            + pairs([tuple(h) for h in i["headers"]], 7) + body_of(i),
        )
    elif s in ("sinch.application_signed_request", "sinch.voice_v2_service_callback"):
        service = s == "sinch.voice_v2_service_callback"
        key = i.get("application_key") or i.get("service_key")
        secret = i.get("application_secret") or i.get("service_secret")
        target = i.get("request_target") or i.get("path")
        ct = i.get("content_type")
        body = body_of(i)
        add(
            "sinch_sign",
            byte(int(service)) + byte(int(ct is not None)) + text(i["method"])
            + long_text(target) + text(ct or "") + text(i["x_timestamp"]) + text(key)
            + text(secret) + u16(9) + body,
        )
        add("time", b(i["x_timestamp"]))
        auth = e.get("authorization")
        if auth:
            hs = [("Authorization", auth), ("x-timestamp", i["x_timestamp"])]
            if ct is not None:
                hs.append(("Content-Type", ct))
            add(
                "sinch_callback",
                byte(int(service)) + byte(200) + text(i["method"]) + long_text(target)
                + pairs(hs, 7) + body,
            )
        add(
            "ffi",
            byte(11) + byte(60) + byte(0) + byte(0) + arg(key) + arg(secret)
            + byte(int(service)) + arg(i["method"]) + arg(target) + arg(ct or "")
            + arg(i["x_timestamp"]) + arg(body),
        )
        try:
            raw = base64.b64decode(secret + "=" * (-len(secret) % 4))
            add("decoders", byte(6) + text(raw) + byte(0) + byte(0))
        except ValueError:
            add("decoders", byte(6) + text(b"") + byte(0x0F) + text(secret))
        add("digests", long_text(b"") + text(b"") + byte(0) + body)
    elif s == "sinch.application_signed_callback":
        add(
            "sinch_callback",
            byte(0) + byte(200) + text(i["method"]) + long_text(i["path"])
            + pairs([tuple(h) for h in i["headers"]], 7) + body_of(i),
        )
    elif s == "sinch.webhook_hmac_sha256_nonce":
        body = body_of(i)
        sig = e.get("signature", "")
        hs = [
            ("x-sinch-webhook-signature", sig),
            ("x-sinch-webhook-signature-nonce", i["nonce"]),
            ("x-sinch-webhook-signature-timestamp", i["timestamp"]),
        ]
        if "algorithm" in i:
            hs.append(("x-sinch-webhook-signature-algorithm", i["algorithm"]))
        add("sinch_webhook", pairs(hs, 7) + body)
        add("time", b(i["timestamp"]))
        add(
            "roundtrip",
            byte(4) + u16(11) + byte(4) + text("") + text(i["secret"]) + text(i["nonce"])
            + u64(int(i["timestamp"])) + body,
        )
        add("decoders", byte(0) + text(body) + byte(0) + byte(1) + byte(1) + byte(44) + byte(ord("=")))
        add(
            "ffi",
            byte(8) + byte(20) + byte(0) + byte(0) + arg(i["secret"]) + arg(body)
            + arg(i["nonce"]) + arg(i["timestamp"]),
        )
    elif s == "sinch.numbers_callback_hmac_sha1":
        body = body_of(i)
        add("numbers_mailgun", byte(0) + long_text(i["secret"]) + text(e["signature"]) + body)
        add("roundtrip", byte(5) + u16(3) + byte(9) + text("") + text(i["secret"]) + text("") + u64(0) + body)
        add("decoders", byte(4) + text(body) + byte(0) + byte(1) + byte(3) + byte(5) + byte(0))
        add("ffi", byte(9) + byte(30) + byte(0) + byte(0) + arg(i["secret"]) + arg(body) + arg("") + arg(""))
    elif s == "mailgun.webhook_signature":
        add(
            "numbers_mailgun",
            byte(1) + long_text(i["signing_key"]) + text(e["signature"]) + text(i["timestamp"])
            + text(i["token"]),
        )
        add("time", b(i["timestamp"]))
        add(
            "roundtrip",
            byte(6) + u16(5) + byte(2) + text("") + text(i["signing_key"]) + text(i["token"])
            + u64(int(i["timestamp"])),
        )
        add("decoders", byte(5) + text(b"") + byte(0) + byte(0))
        add(
            "ffi",
            byte(7) + byte(66) + byte(0) + byte(0) + arg(i["signing_key"]) + arg(i["timestamp"])
            + arg(i["token"]),
        )
    elif s in ("sinch.basic_auth", "mailgun.basic_auth"):
        user = i.get("username", "api")
        secret = i.get("password") or i.get("api_key")
        add("roundtrip", byte(3) + u16(0) + byte(0) + text(user) + text(secret) + text("") + u64(0))
        add("ffi", byte(0) + byte(90) + byte(0) + byte(6) + arg(user) + arg(secret))
        add("encoders", byte(0) + b(user) + b":" + b(secret))
        add("digests", long_text(secret) + text(user) + byte(2) + u16(1) + u16(60) + b(user))
    elif s == "sinch.oauth2_client_credentials":
        add("ffi", byte(0) + byte(91) + byte(0) + byte(0) + arg(i["key_id"]) + arg(i["key_secret"]))


API_PARSERS = {
    "parse_voice_response": 0,
    "parse_sms_response": 1,
    "parse_voice_notification": 2,
    "parse_sms_status_report": 3,
    "parse_oauth_token": 4,
}


def seed_api(v):
    """The `api` target: a parser's raw payload, or click2Call's fields."""
    kind = v["kind"]
    if kind in API_PARSERS:
        add("api", byte(API_PARSERS[kind]) + long_text(v["input"]["raw"]))
    elif v.get("api", "").startswith("click2Call") and v.get("valid") is True:
        f = v["input"]["fields"]
        add("api", byte(6) + b"".join(text(str(f.get(k, ""))) for k in (
            "displayNbr", "callerNbr", "displayCalleeNbr", "calleeNbr", "userData")) + byte(0))


def write_inputs_the_vectors_lack():
    """Adds inputs the vectors do not hold."""
    for t in ("2024-02-29T23:59:59Z", "20240229T235959Z", "9999-12-31T23:59:59Z",
              "1970-01-01T00:00:00Z", "2024-07-01T14:34:56.789012+02:00",
              "2024-01-19T09:19:28.9372196Z", "18446744073709551615", "000000000000000000001"):
        add("time", b(t))
    for which in range(16):
        add("ffi", byte(which) + byte(17) + byte(1) + byte(2) + arg("key") + arg("value") + arg("n0nce") + u64(1709280930))
    add("digests", long_text(b"k" * 100) + text(b"") + byte(3) + u16(1) + u16(64) + u16(65) + b"x" * 200)
    for date in ("Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT",
                 "Sun Nov  6 08:49:37 1994"):
        add("api", byte(5) + long_text(date))



if __name__ == "__main__":
    sys.exit(main())
