#!/usr/bin/env python3
"""Generates the C vector code of tests/c/test_api.c from
tests/vectors/api-surface.json.

Usage: gen_api_vectors.py API_SURFACE_JSON OUT_HEADER

Every vector becomes one C function (`vec_N`) that fills the C ABI's input
struct from the vector's input and calls a checker of test_api.c with the
expected output (body byte for byte) or the expected error field; the
functions are listed in `api_vectors[]` with their id and kind.

A vector whose invalidity is a JSON type (a boolean where the API wants the
string "true", a string where it wants an integer) cannot be written in C:
the C struct has a text or an integer there. Those are listed in
TYPE_ONLY with the reason, and the generator fails if such a vector is not
listed or a listed one is not such a vector, so none is skipped silently.

Standard library only.
"""

import json
import sys

# Vectors whose input cannot be expressed with the C types (JSON type errors).
TYPE_ONLY = {
    "callverify-language-string": "languageType is a JSON string; the C field is an integer",
    "callverify-returnidleport-bool": "returnIdlePort is a JSON boolean; the C field is the text true/false",
}

KINDS = {
    ("build_json", "click2Call v2.0"): "click2call",
    ("build_json", "callVerify v1.0"): "call_verify",
    ("build_json", "callStop v2.0"): "call_stop",
    ("build_form", "MSGSMS batchSendSms v1"): "sms_batch",
    ("build_json", "MSGSMS batchSendDiffSms v1"): "sms_batch_diff",
    ("build_form", "Sinch OAuth2 token"): "sinch_token",
    ("parse_voice_response", None): "voice_response",
    ("parse_sms_response", None): "sms_response",
    ("parse_voice_notification", None): "voice_notification",
    ("parse_sms_status_report", None): "sms_status_report",
    ("parse_oauth_token", None): "oauth_token",
}

# JSON field -> (C member, "t" text | "i" integer), per builder.
FIELDS = {
    "click2call": {
        "displayNbr": "display_nbr", "callerNbr": "caller_nbr",
        "displayCalleeNbr": "display_callee_nbr", "calleeNbr": "callee_nbr",
        "maxDuration": ("max_duration", "i"), "lastMinVoice": "last_min_voice",
        "lastMinToUE": "last_min_to_ue", "playPreVoice": "play_pre_voice",
        "preVoice": "pre_voice", "waitVoice": "wait_voice", "calleeMedia": "callee_media",
        "statusUrl": "status_url", "feeUrl": "fee_url", "recordFlag": "record_flag",
        "recordHintTone": "record_hint_tone",
        "partyTypeRequiredInDisconnect": "party_type_required_in_disconnect",
        "returnIdlePort": "return_idle_port", "userData": "user_data",
    },
    "call_verify": {
        "displayNbr": "display_nbr", "calleeNbr": "callee_nbr",
        "languageType": ("language_type", "i"), "preTone": "pre_tone",
        "verifyCode": "verify_code", "posTone": "pos_tone", "times": ("times", "i"),
        "statusUrl": "status_url", "feeUrl": "fee_url", "returnIdlePort": "return_idle_port",
        "userData": "user_data",
    },
    "call_stop": {"sessionid": "session_id", "signal": "signal"},
    "sms_batch": {
        "from": "from", "to": "to", "templateId": "template_id",
        "statusCallback": "status_callback", "signature": "signature", "extend": "extend",
    },
    "sms_batch_diff": {"from": "from", "statusCallback": "status_callback", "extend": "extend"},
}


def c_str(s):
    """A C string literal of the UTF-8 bytes of s (octal escapes, split so
    that no escape runs into a following digit)."""
    out = ['"']
    for b in s.encode("utf-8"):
        c = chr(b)
        if c == '"' or c == "\\":
            out.append("\\" + c)
        elif 0x20 <= b < 0x7F and c != "?":
            out.append(c)
        else:
            out.append('\\%03o' % b)
    out.append('"')
    return "".join(out)


def txt(s):
    return "TXT(%s)" % c_str(s)


def expand_to(s):
    if isinstance(s, str) and s.startswith("<501 numbers"):
        return None  # built at run time (a literal would exceed C99's 4095)
    return s


def err_args(v):
    err = v["expected"].get("error")
    if err is None:
        return None
    field = err.get("field")
    if field is None:
        return "NULL, NULL, 0"
    if "[" in field:
        lst, rest = field.split("[", 1)
        idx, fld = rest.split("].", 1)
        return "%s, %s, %s" % (c_str(fld), c_str(lst), idx)
    return "%s, NULL, 0" % c_str(field)


def type_only(kind, f):
    """Whether the fields hold a JSON type the C struct cannot carry."""
    m = FIELDS.get(kind, {})
    for k, val in f.items():
        spec = m.get(k)
        if spec is None:
            continue
        is_int = isinstance(spec, tuple) and spec[1] == "i"
        if is_int and not (isinstance(val, int) and not isinstance(val, bool)):
            return True
        if not is_int and not isinstance(val, str):
            return True
    return False


def gen_builder(n, v, kind, lines):
    f = v["input"].get("fields", {})
    struct = {
        "click2call": "callsign_huawei_click2call",
        "call_verify": "callsign_huawei_call_verify",
        "call_stop": "callsign_huawei_call_stop",
        "sms_batch": "callsign_huawei_sms_batch",
        "sms_batch_diff": "callsign_huawei_sms_batch_diff",
    }[kind]
    lines.append("static void vec_%d(void)\n{" % n)
    lines.append("    %s r;" % struct)
    if kind == "sms_batch" and "templateParas" in f:
        lines.append("    callsign_str paras[16];")
    if kind == "sms_batch_diff" and "smsContent" in f:
        lines.append("    callsign_huawei_sms_content groups[8];")
        if any(g.get("to") or g.get("templateParas") for g in f["smsContent"]):
            lines.append("    callsign_str strs[64];")
    lines.append("    memset(&r, 0, sizeof r);")
    if kind in ("click2call", "call_verify"):
        lines.append("    r.number_check = CALLSIGN_NUMBER_CHECK_LENIENT;")
    m = FIELDS[kind]
    for k, val in f.items():
        if k in ("templateParas", "smsContent"):
            continue
        spec = m.get(k)
        if spec is None:
            raise SystemExit("vector %s: unknown field %s" % (v["id"], k))
        if isinstance(spec, tuple):
            lines.append("    r.%s.present = 1;" % spec[0])
            lines.append("    r.%s.value = %dLL;" % (spec[0], val))
        elif k == "to" and expand_to(val) is None:
            lines.append("    r.to = numbers_501();")
        else:
            lines.append("    r.%s = %s;" % (spec, txt(val)))
    if kind == "sms_batch" and "templateParas" in f:
        paras = f["templateParas"]
        if isinstance(paras, str):
            paras = json.loads(paras)
        for i, p in enumerate(paras):
            lines.append("    paras[%d] = %s;" % (i, txt(p)))
        lines.append("    r.template_paras = paras;")
        lines.append("    r.template_para_count = %d;" % len(paras))
    if kind == "sms_batch_diff" and "smsContent" in f:
        k = 0
        lines.append("    memset(groups, 0, sizeof groups);")
        for gi, g in enumerate(f["smsContent"]):
            if "to" in g:
                lines.append("    groups[%d].to = &strs[%d];" % (gi, k))
                lines.append("    groups[%d].to_count = %d;" % (gi, len(g["to"])))
                for num in g["to"]:
                    lines.append("    strs[%d] = %s;" % (k, txt(num)))
                    k += 1
            if "templateParas" in g:
                lines.append("    groups[%d].template_paras = &strs[%d];" % (gi, k))
                lines.append("    groups[%d].template_para_count = %d;" % (gi, len(g["templateParas"])))
                for p in g["templateParas"]:
                    lines.append("    strs[%d] = %s;" % (k, txt(p)))
                    k += 1
            if "templateId" in g:
                lines.append("    groups[%d].template_id = %s;" % (gi, txt(g["templateId"])))
            if "signature" in g:
                lines.append("    groups[%d].signature = %s;" % (gi, txt(g["signature"])))
        lines.append("    r.sms_content = groups;")
        lines.append("    r.sms_content_count = %d;" % len(f["smsContent"]))
    e = err_args(v)
    if e is None:
        x = v["expected"]
        lines.append("    check_build(%s, B_%s, &r, %s, %s, %s, %s, %d, NULL, NULL, 0);" % (
            c_str(v["id"]), kind.upper(), c_str(x["method"]), c_str(x["path"]),
            c_str(x["content_type"]), c_str(x["body"]), len(x["body"].encode())))
    else:
        lines.append("    check_build(%s, B_%s, &r, NULL, NULL, NULL, NULL, 0, %s);" % (
            c_str(v["id"]), kind.upper(), e))
    lines.append("}")


def gen_token(n, v, lines):
    i = v["input"]
    lines.append("static void vec_%d(void)\n{" % n)
    args = []
    for k in ("region", "key_id", "key_secret"):
        args.append(txt(i[k]) if k in i else "NO_TEXT")
    e = err_args(v)
    if e is None:
        x = v["expected"]
        lines.append("    check_token_request(%s, %s, %s, %s, %s, %s, %s);" % (
            c_str(v["id"]), args[0], args[1], args[2], c_str(x["url"]),
            c_str(x["headers"]["Authorization"]), c_str(x["body"])))
        checks = (x["method"] == "POST"
                  and x["headers"]["Content-Type"] == "application/x-www-form-urlencoded")
        if not checks:
            raise SystemExit("vector %s: unexpected method or content type" % v["id"])
    else:
        lines.append("    check_token_request_error(%s, %s, %s, %s, %s);" % (
            c_str(v["id"]), args[0], args[1], args[2], e))
    lines.append("}")


def main():
    if len(sys.argv) != 3:
        raise SystemExit("usage: gen_api_vectors.py API_SURFACE_JSON OUT_HEADER")
    data = json.load(open(sys.argv[1], encoding="utf-8"))
    lines = ["/* Generated by tests/c/gen_api_vectors.py from tests/vectors/api-surface.json. */"]
    table = []
    skipped = []
    seen_type_only = set()
    pending = []
    for n, v in enumerate(data["vectors"]):
        k = (v["kind"], v.get("api") if v["kind"].startswith("build") else None)
        if k not in KINDS:
            raise SystemExit("vector %s: unknown kind %r" % (v["id"], k))
        kind = KINDS[k]
        if kind in FIELDS and type_only(kind, v["input"].get("fields", {})):
            if v["id"] not in TYPE_ONLY:
                raise SystemExit("vector %s holds a JSON type C cannot carry; list it" % v["id"])
            seen_type_only.add(v["id"])
            skipped.append(v["id"])
            continue
        if v["id"] in TYPE_ONLY:
            raise SystemExit("vector %s is listed in TYPE_ONLY but C can carry it" % v["id"])
        if kind in FIELDS:
            gen_builder(n, v, kind, lines)
        elif kind == "sinch_token":
            gen_token(n, v, lines)
        elif kind in PARSERS:
            PARSERS[kind](n, v, lines)
        else:
            pending.append(v["id"])
            continue
        table.append('    {%s, "%s", vec_%d},' % (c_str(v["id"]), kind, n))
    lines.append("static const struct api_vector api_vectors[] = {")
    lines.extend(table)
    lines.append("};")
    lines.append("#define API_N_VECTORS %d" % len(table))
    lines.append("#define API_N_TYPE_ONLY %d /* %s */" % (len(skipped), ", ".join(skipped)))
    lines.append("#define API_N_PENDING %d /* parser kinds without a C function yet */" % len(pending))
    lines.append("#define API_N_TOTAL %d" % len(data["vectors"]))
    open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines) + "\n")


def raw_decl(raw, lines):
    """The raw payload as `raw` (a string literal, or bytes past C99's
    4095-character literal limit)."""
    b = raw.encode("utf-8")
    if len(b) < 4000:
        lines.append("    static const char raw[] = %s;" % c_str(raw))
    else:
        body = ",".join(str(x) for x in b)
        lines.append("    static const char raw[] = {%s, 0};" % body)


def exp_str(expr, name, val, lines):
    if val is None:
        lines.append("    exp_absent(%s, %s);" % (c_str(name), expr))
    else:
        lines.append("    exp_str(%s, %s, %s);" % (c_str(name), expr, c_str(val)))


def exp_int(expr, name, val, lines):
    lines.append("    exp_int(%s, (long long)(%s), %dLL);" % (c_str(name), expr, -1 if val is None else val))


def start_parser(n, v, lines):
    lines.append("static void vec_%d(void)\n{" % n)
    raw_decl(v["input"]["raw"], lines)
    return "error" not in v["expected"]


def p_voice_response(n, v, lines):
    ok = start_parser(n, v, lines)
    x = v["expected"]
    lines.append("    callsign_huawei_voice_response r;")
    lines.append("    if (!parse_voice_response(%s, raw, sizeof raw - 1, %d, &r, %d)) {\n        return;\n    }" % (
        c_str(v["id"]), v["input"]["http_status"], ok))
    if ok:
        f = x["fields"]
        exp_str("r.result_code", "resultcode", f["resultcode"], lines)
        exp_str("r.result_desc", "resultdesc", f["resultdesc"], lines)
        exp_str("r.session_id", "sessionId", f["sessionId"], lines)
        exp_int("r.idle_port", "idlePort", f["idlePort"], lines)
        if "category" in x:
            lines.append("    exp_category(r.category, %s);" % c_str(x["category"]))
    lines.append("}")


def p_sms_response(n, v, lines):
    ok = start_parser(n, v, lines)
    x = v["expected"]
    lines.append("    callsign_huawei_sms_response r;")
    lines.append("    callsign_huawei_sms_result res[8];")
    lines.append("    size_t count = 0;")
    lines.append("    if (!parse_sms_response(%s, raw, sizeof raw - 1, %d, res, &count, &r, %d)) {\n        return;\n    }" % (
        c_str(v["id"]), v["input"]["http_status"], ok))
    if ok:
        f = x["fields"]
        exp_str("r.code", "code", f["code"], lines)
        exp_str("r.description", "description", f["description"], lines)
        lines.append("    exp_int(\"result count\", (long long)count, %d);" % len(f["result"]))
        for i, item in enumerate(f["result"][:8]):
            for k, m in (("smsMsgId", "sms_msg_id"), ("from", "from"), ("originTo", "origin_to"),
                         ("status", "status"), ("createTime", "create_time"), ("countryId", "country_id")):
                exp_str("res[%d].%s" % (i, m), "result[%d].%s" % (i, k), item.get(k), lines)
            exp_int("res[%d].total" % i, "result[%d].total" % i, item.get("total"), lines)
        if "success" in x:
            exp_int("r.success", "success", int(x["success"]), lines)
        for i, acc in enumerate(x.get("per_number_success", [])):
            exp_int("res[%d].accepted" % i, "per_number_success[%d]" % i, int(acc), lines)
    lines.append("}")


def p_voice_notification(n, v, lines):
    ok = start_parser(n, v, lines)
    x = v["expected"]
    lines.append("    callsign_huawei_voice_notification r;")
    lines.append("    static callsign_huawei_fee_record fees[CALLSIGN_HUAWEI_FEE_RECORDS_MAX];")
    lines.append("    size_t count = 0;")
    lines.append("    if (!parse_voice_notification(%s, raw, sizeof raw - 1, fees, &count, &r, %d)) {\n        return;\n    }" % (
        c_str(v["id"]), ok))
    if ok:
        f = x["fields"]
        exp_str("r.event_type", "eventType", f["eventType"], lines)
        info = f.get("statusInfo")
        if info is None:
            raise SystemExit("vector %s: no statusInfo" % v["id"])
        lines.append("    exp_int(\"is_fee\", (long long)r.is_fee, 0);")
        for k, m in (("sessionId", "session_id"), ("timestamp", "timestamp"), ("caller", "caller"),
                     ("called", "called"), ("userData", "user_data"), ("partyType", "party_type"),
                     ("stateDesc", "state_desc")):
            exp_str("r.%s" % m, "statusInfo." + k, info.get(k), lines)
        exp_int("r.state_code", "statusInfo.stateCode", info.get("stateCode"), lines)
        lines.append("    exp_int(\"record count\", (long long)count, 0);")
    lines.append("}")


def p_status_report(n, v, lines):
    ok = start_parser(n, v, lines)
    x = v["expected"]
    ct = v["input"].get("content_type")
    lines.append("    callsign_huawei_sms_status_report r;")
    lines.append("    if (!parse_status_report(%s, raw, sizeof raw - 1, %s, &r, %d)) {\n        return;\n    }" % (
        c_str(v["id"]), c_str(ct) if ct is not None else "NULL", ok))
    if ok:
        f = x["fields"]
        for k, m in (("smsMsgId", "sms_msg_id"), ("status", "status"), ("statusDesc", "status_desc"),
                     ("total", "total"), ("sequence", "sequence"), ("source", "source"),
                     ("updateTime", "update_time"), ("orgCode", "org_code"), ("extend", "extend"),
                     ("to", "to")):
            exp_str("r.%s" % m, k, f[k], lines)
        exp_int("r.delivered", "delivered", int(x["delivered"]), lines)
    lines.append("}")


def p_oauth_token(n, v, lines):
    ok = start_parser(n, v, lines)
    x = v["expected"]
    i = v["input"]
    lines.append("    callsign_sinch_oauth2_token r;")
    if i.get("http_status", 200) != 200:
        # A refusal is not parsed as a token; the body must not pass as one either.
        ok = False
    lines.append("    if (!parse_oauth_token(%s, raw, sizeof raw - 1, %dULL, &r, %d)) {\n        return;\n    }" % (
        c_str(v["id"]), i["received_at_unix"], ok))
    if ok:
        f = x["fields"]
        for k in ("access_token", "token_type", "scope"):
            exp_str("r.%s" % k, k, f[k], lines)
        exp_int("r.expires_in", "expires_in", f["expires_in"], lines)
        exp_int("r.expires_at", "expires_at_unix", x["expires_at_unix"], lines)
        exp_int("r.refresh_at", "refresh_at_unix", x["refresh_at_unix"], lines)
        lines.append("    check_token_cache(%s, &r, %dULL, %s);" % (
            c_str(v["id"]), i["received_at_unix"], c_str(x["authorization_header"])))
    lines.append("}")


# Parser kinds -> generator.
PARSERS = {
    "voice_response": p_voice_response,
    "sms_response": p_sms_response,
    "voice_notification": p_voice_notification,
    "sms_status_report": p_status_report,
    "oauth_token": p_oauth_token,
}


if __name__ == "__main__":
    main()
