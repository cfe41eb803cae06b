#!/usr/bin/env python3
"""Random requests signed by the reference signer, as JSON lines.

The reference is huaweicloudsdkcore's `Signer` (SDK-HMAC-SHA256),
`SM3Signer` (SDK-HMAC-SM3) and `DerivationAKSKSigner` (V11-HMAC-SHA256), the
normative implementation of specs/huawei.md section 3 (variant CORE). Each
line holds one request (method, host, wire path, decoded query pairs,
ordered headers, body, credentials) and what the reference made of it: the
canonical request, the string to sign, the signed headers, the
Authorization value, the headers it added and the request URI, or the
error it raised.

Requests stay inside what callsign accepts (valid UTF-8 once the path is
decoded, header names that are HTTP tokens and unique ignoring case, no CR,
LF or NUL inside trimmed header values), and avoid the two places where
callsign deliberately differs from the reference (it never overwrites a
caller's X-Sdk-Content-Sha256 header, and it never lists a header name twice);
see tests/apig-differential/run.sh.

Usage: generate.py --count N --seed S > cases.jsonl
"""

import argparse
import json
import random
import string
import sys

from huaweicloudsdkcore.sdk_request import SdkRequest
from huaweicloudsdkcore.signer.signer import DerivationAKSKSigner, SM3Signer, Signer

TCHAR = string.ascii_letters + string.digits + "!#$%&'*+-.^_`|~"
UNRESERVED = string.ascii_letters + string.digits + "-._~"
RESERVED = "!$&'()*+,;=:@"
UNICODE = ["é", "ß", "Ω", "中", "文", "😀", "\u00a0", "\u3000", "\u200b", "\ufeff", "\U0010fffd"]
# Python str.strip() whitespace.
PY_SPACES = [
    "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f", " ", "\x85", "\xa0",
    "\u1680", "\u2000", "\u2005", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000",
]
CONTENT_TYPES = [
    "application/json",
    "application/json;charset=UTF-8",
    "application/bson",
    "application/x-www-form-urlencoded",
    "text/plain",
    "Application/JSON",
    "multipart/form-data; boundary=xyz",
    "",
    " application/json",
    "application/jsonx",
]
SPECIAL = {"x-sdk-date", "host", "content-type", "x-sdk-content-sha256", "x-sdk-content-sm3", "authorization"}


class Credentials:
    def __init__(self, ak, sk):
        self.ak = ak
        self.sk = sk


def capturing(cls):
    """The signer class, remembering its canonical request and string to sign."""

    class Capturing(cls):
        def _process_canonical_request(self, *args, **kwargs):
            self.canonical_request = super()._process_canonical_request(*args, **kwargs)
            return self.canonical_request

        def _process_string_to_sign(self, *args, **kwargs):
            self.string_to_sign = super()._process_string_to_sign(*args, **kwargs)
            return self.string_to_sign

    return Capturing


def random_text(rng, alphabet, low, high):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(low, high)))


def escape(rng, data):
    """%XX of each byte, upper- or lower-case hex."""
    fmt = "%{:02X}" if rng.random() < 0.7 else "%{:02x}"
    return "".join(fmt.format(b) for b in data)


def path_piece(rng):
    kind = rng.randrange(10)
    if kind <= 2:
        return random_text(rng, UNRESERVED, 1, 8)
    if kind == 3:
        return rng.choice(RESERVED + " +")
    if kind == 4:
        return rng.choice(UNICODE)
    if kind == 5:  # an escaped ASCII byte, control characters and %2F/%25 included
        return escape(rng, bytes([rng.randrange(0x80)]))
    if kind == 6:  # an escaped UTF-8 character
        return escape(rng, rng.choice(UNICODE).encode("utf-8"))
    if kind == 7:  # a stray '%', not followed by two hex digits
        return "%" + rng.choice("zZgGxX-_.~ ")
    if kind == 8:
        return rng.choice(["%2F", "%2f", "%20", "%25", "%7E", "%2B"])
    return random_text(rng, UNRESERVED, 0, 3)


def wire_path(rng):
    if rng.random() < 0.08:
        return "/"
    segments = []
    for _ in range(rng.randint(1, 5)):
        segments.append("".join(path_piece(rng) for _ in range(rng.randint(0, 4))))
    path = "/" + "/".join(segments)
    if rng.random() < 0.3:
        path += "/"
    if path.endswith("%"):
        path += "z"
    return path


def query_text(rng):
    alphabet = UNRESERVED + RESERVED + " +=&%/?#" + "".join(UNICODE) + "\t\n"
    return random_text(rng, alphabet, 0, 10)


def query_pairs(rng):
    pairs = []
    for _ in range(rng.choice([0, 0, 1, 2, 3, 5, 8, 12])):
        if pairs and rng.random() < 0.3:
            name = rng.choice(pairs)[0]  # a repeated name
        else:
            name = query_text(rng)
        pairs.append((name, query_text(rng)))
    return pairs


def header_value(rng):
    inner_alphabet = string.ascii_letters + string.digits + " ,;=/+:\t\x01\x0b" + "".join(UNICODE)
    inner = random_text(rng, inner_alphabet, 0, 20)
    pad = lambda: "".join(rng.choice(PY_SPACES) for _ in range(rng.randint(0, 2)))
    return pad() + inner + pad()


def header_name(rng, taken):
    while True:
        name = rng.choice(string.ascii_letters) + random_text(rng, TCHAR, 0, 19)
        if rng.random() < 0.2:
            name += "_" + random_text(rng, string.ascii_letters, 1, 5)
        if name.lower() not in taken and name.lower() not in SPECIAL:
            taken.add(name.lower())
            return name


def signing_date(rng):
    year = rng.randint(1970, 9999)
    return "%04d%02d%02dT%02d%02d%02dZ" % (
        year, rng.randint(1, 12), rng.randint(1, 28), rng.randrange(24), rng.randrange(60), rng.randrange(60),
    )


def random_host(rng):
    labels = [random_text(rng, string.ascii_lowercase + string.digits + "-", 1, 12) for _ in range(rng.randint(1, 4))]
    host = ".".join(labels)
    if rng.random() < 0.3:
        host += ":%d" % rng.randint(1, 65535)
    return host


def random_body(rng):
    kind = rng.randrange(4)
    if kind == 0:
        return b""
    if kind == 1:
        return json.dumps({"to": "+86%011d" % rng.randrange(10**11), "n": rng.randrange(100)}).encode()
    if kind == 2:
        return query_text(rng).encode("utf-8") + b"x"
    return bytes(rng.randrange(256) for _ in range(rng.randint(1, 100)))


def headers_for(rng, algorithm, body):
    taken = set()
    headers = [(rng.choice(["X-Sdk-Date", "x-sdk-date", "X-SDK-DATE"]), signing_date(rng))]
    if rng.random() < 0.2:
        headers.append((rng.choice(["Host", "host", "HOST"]), random_host(rng)))
    content_type = None
    if rng.random() < 0.75:
        content_type = rng.choice(CONTENT_TYPES)
        name = "Content-Type" if rng.random() < 0.9 else "content-type"
        headers.append((name, content_type))
        if name != "Content-Type":
            content_type = None
    adds_unsigned = content_type and not content_type.startswith(("application/json", "application/bson"))
    if rng.random() < 0.15:
        payload_name = "X-Sdk-Content-Sm3" if algorithm == "sdk-hmac-sm3" else "X-Sdk-Content-Sha256"
        if adds_unsigned:
            # The reference would overwrite any other value (callsign keeps the caller's).
            headers.append((payload_name, "UNSIGNED-PAYLOAD"))
        else:
            name = rng.choice([payload_name, payload_name.lower(), payload_name.upper()])
            value = rng.choice(["UNSIGNED-PAYLOAD", "", "%064x" % rng.getrandbits(256), " UNSIGNED-PAYLOAD\t"])
            headers.append((name, value))
    for _ in range(rng.randint(0, 6)):
        headers.append((header_name(rng, taken), header_value(rng)))
    rng.shuffle(headers)
    return headers


def secret(rng):
    kind = rng.randrange(30)
    if kind == 0:
        return ""
    if kind <= 3:
        return random_text(rng, string.printable + "".join(UNICODE), 65, 200)
    if kind <= 6:
        return random_text(rng, "".join(chr(c) for c in range(1, 0x80)) + "".join(UNICODE), 1, 40)
    return random_text(rng, string.ascii_letters + string.digits, 20, 48)


def sign(case):
    credentials = Credentials(case["app_key"], case["secret"])
    algorithm = case["algorithm"]
    signer_class = {"sdk-hmac-sha256": Signer, "sdk-hmac-sm3": SM3Signer, "v11-hmac-sha256": DerivationAKSKSigner}
    signer = capturing(signer_class[algorithm])(credentials)
    original = dict(case["headers"])
    request = SdkRequest(
        method=case["method"],
        schema="https",
        host=case["host"],
        resource_path=case["path"],
        query_params=[tuple(p) for p in case["query"]],
        header_params=dict(original),
        body=case["body"],
    )
    try:
        if algorithm == "v11-hmac-sha256":
            signer.sign(request, case["service"], case["region"])
        else:
            signer.sign(request)
    except Exception as e:  # the reference refused the input
        return {"error": "%s: %s" % (type(e).__name__, e)}
    added = {k: v for k, v in request.header_params.items() if k not in original and k != "Authorization"}
    authorization = request.header_params["Authorization"]
    return {
        "canonical_request": signer.canonical_request,
        "string_to_sign": signer.string_to_sign,
        "signed_headers": authorization.split("SignedHeaders=", 1)[1].split(", ", 1)[0],
        "authorization": authorization,
        "headers_added": added,
        "request_uri": request.uri,
    }


def random_case(rng, n):
    algorithm = rng.choices(["sdk-hmac-sha256", "sdk-hmac-sm3", "v11-hmac-sha256"], [70, 15, 15])[0]
    body = random_body(rng)
    case = {
        "id": n,
        "algorithm": algorithm,
        "method": rng.choice(["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "get", "Post"]),
        "host": random_host(rng),
        "path": wire_path(rng),
        "query": query_pairs(rng),
        "headers": headers_for(rng, algorithm, body),
        "body": body,
        "app_key": random_text(rng, string.ascii_letters + string.digits + "-_.", 1, 40),
        "secret": secret(rng),
        "region": None,
        "service": None,
    }
    if algorithm == "v11-hmac-sha256":
        case["region"] = rng.choice(["cn-north-4", "ap-southeast-1", random_text(rng, string.ascii_lowercase + "-0123456789", 1, 20)])
        case["service"] = rng.choice(["ecs", "iam", "smsapi", random_text(rng, string.ascii_lowercase, 1, 12)])
    return case


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20240115)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for n in range(args.count):
        case = random_case(rng, n)
        case["expected"] = sign(case)
        case["body_hex"] = case.pop("body").hex()
        case["secret_hex"] = case.pop("secret").encode("utf-8").hex()
        sys.stdout.write(json.dumps(case, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
