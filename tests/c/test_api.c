/*
 * The API surface through the C ABI (issue 10): every vector of
 * tests/vectors/api-surface.json (tests/c/gen_api_vectors.py writes one
 * function per vector into callsign_api_vectors.h) through the builders
 * and parsers, with bodies compared byte for byte, every output capacity
 * from 0 to needed + 1 for the builders, the field an invalid input names,
 * and the NULL, UTF-8 and capacity arguments of every function.
 *
 *   python3 tests/c/gen_api_vectors.py tests/vectors/api-surface.json /tmp/callsign_api_vectors.h
 *   cc -std=c99 -Iinclude -I/tmp tests/c/test_api.c target/release/libcallsign.a
 * Last line: "c-api: N passed, M failed".
 */
#include "test_common.h"

#define TXT(s) txt_of((const uint8_t *)(s), sizeof(s) - 1)
#define NO_TEXT txt_of(NULL, 0)

static callsign_str txt_of(const uint8_t *p, size_t n)
{
    callsign_str t;
    t.ptr = p;
    t.len = n;
    return t;
}

static int text_is(callsign_str t, const char *want)
{
    size_t n = strlen(want);
    return t.ptr != NULL && t.len == n && memcmp(t.ptr, want, n) == 0;
}

/* ------------------------------------------------------------------ */
/* Builders. */

enum builder { B_CLICK2CALL, B_CALL_VERIFY, B_CALL_STOP, B_SMS_BATCH, B_SMS_BATCH_DIFF };

struct build_ctx {
    enum builder b;
    const void *request;
};

static uint32_t call_builder(enum builder b, const void *r, char *out, size_t cap, size_t *len,
                             callsign_field_error *err)
{
    switch (b) {
    case B_CLICK2CALL:
        return CS(callsign_huawei_click2call_body((const callsign_huawei_click2call *)r, out, cap,
                                                  len, err));
    case B_CALL_VERIFY:
        return CS(callsign_huawei_call_verify_body((const callsign_huawei_call_verify *)r, out,
                                                   cap, len, err));
    case B_CALL_STOP:
        return CS(
            callsign_huawei_call_stop_body((const callsign_huawei_call_stop *)r, out, cap, len, err));
    case B_SMS_BATCH:
        return CS(
            callsign_huawei_sms_batch_body((const callsign_huawei_sms_batch *)r, out, cap, len, err));
    case B_SMS_BATCH_DIFF:
        return CS(callsign_huawei_sms_batch_diff_body((const callsign_huawei_sms_batch_diff *)r,
                                                      out, cap, len, err));
    }
    return 9999;
}

static callsign_endpoint endpoint_of(enum builder b)
{
    switch (b) {
    case B_CLICK2CALL:
        return callsign_huawei_click2call_endpoint();
    case B_CALL_VERIFY:
        return callsign_huawei_call_verify_endpoint();
    case B_CALL_STOP:
        return callsign_huawei_call_stop_endpoint();
    case B_SMS_BATCH:
        return callsign_huawei_sms_batch_endpoint();
    case B_SMS_BATCH_DIFF:
        break;
    }
    return callsign_huawei_sms_batch_diff_endpoint();
}

static uint32_t build_adapter(const void *ctx, char *out, size_t cap, size_t *len)
{
    const struct build_ctx *c = (const struct build_ctx *)ctx;
    return call_builder(c->b, c->request, out, cap, len, NULL);
}

/* The error names `field` (in `list` at `index` when list is not NULL). */
static void check_field_error(const char *id, const callsign_field_error *e, const char *field,
                              const char *list, size_t index)
{
    if (field == NULL) {
        return;
    }
    checkf(text_is(e->field, field), "%s: error field \"%.*s\", want \"%s\"", id,
           e->field.ptr ? (int)e->field.len : 6, e->field.ptr ? (const char *)e->field.ptr : "(none)",
           field);
    if (list == NULL) {
        checkf(e->list.ptr == NULL && e->list.len == 0 && e->index == 0,
               "%s: error names a list", id);
    } else {
        checkf(text_is(e->list, list) && e->index == index, "%s: error list \"%.*s\"[%lu], want %s[%lu]",
               id, e->list.ptr ? (int)e->list.len : 0, e->list.ptr ? (const char *)e->list.ptr : "",
               (unsigned long)e->index, list, (unsigned long)index);
    }
}

/*
 * A builder vector: on success the endpoint strings, the body byte for
 * byte under the output rule (check_output_rule, then every capacity
 * 0..needed+1 with the error output given); on failure
 * CALLSIGN_INVALID_FIELD, nothing written, and the field named.
 */
static void check_build(const char *id, enum builder b, const void *r, const char *method,
                        const char *path, const char *content_type, const char *body,
                        size_t body_len, const char *field, const char *list, size_t index)
{
    char buf[16384];
    size_t len, cap;
    uint32_t rc;
    callsign_field_error err;
    g_where = id;
    if (body != NULL) {
        struct build_ctx ctx;
        callsign_endpoint ep = endpoint_of(b);
        checkf(strcmp(ep.method, method) == 0, "method %s, want %s", ep.method, method);
        checkf(strcmp(ep.path, path) == 0, "path %s, want %s", ep.path, path);
        checkf(strcmp(ep.content_type, content_type) == 0, "content type %s, want %s",
               ep.content_type, content_type);
        ctx.b = b;
        ctx.request = r;
        check_output_rule(id, body_len + 1, build_adapter, &ctx, body, body_len);
        for (cap = 0; cap <= body_len + 1 && cap + TAIL <= sizeof buf; cap++) {
            memset(buf, FILL, sizeof buf);
            memset(&err, FILL, sizeof err);
            len = SENTINEL;
            rc = call_builder(b, r, buf, cap, &len, &err);
            if (cap <= body_len) {
                checkf(rc == CALLSIGN_BUFFER_TOO_SMALL && len == body_len + 1 &&
                           all_bytes(buf, sizeof buf, FILL),
                       "cap %lu: status %s, len %lu", (unsigned long)cap, st(rc), (unsigned long)len);
            } else {
                checkf(rc == CALLSIGN_OK && len == body_len && memcmp(buf, body, body_len) == 0 &&
                           buf[body_len] == 0 && all_bytes(buf + body_len + 1, sizeof buf - body_len - 1, FILL),
                       "cap %lu: status %s, len %lu", (unsigned long)cap, st(rc), (unsigned long)len);
            }
            checkf(all_bytes(&err, sizeof err, FILL), "cap %lu: error written on success",
                   (unsigned long)cap);
        }
        return;
    }
    memset(buf, FILL, sizeof buf);
    memset(&err, 0, sizeof err);
    len = SENTINEL;
    rc = call_builder(b, r, buf, sizeof buf, &len, &err);
    check_status(rc, CALLSIGN_INVALID_FIELD, id);
    checkf(len == SENTINEL && all_bytes(buf, sizeof buf, FILL), "%s: output written on error", id);
    check_field_error(id, &err, field, list, index);
    /* Without the error output: the same status. */
    rc = call_builder(b, r, buf, sizeof buf, &len, NULL);
    check_status(rc, CALLSIGN_INVALID_FIELD, "error NULL");
}

/* "+8615100000000" .. "+8615100000500" joined by ',' (501 numbers). */
static callsign_str numbers_501(void)
{
    static char s[501 * 15];
    size_t n = 0;
    int i;
    for (i = 0; i <= 500; i++) {
        n += (size_t)sprintf(s + n, "%s+86151%08d", i ? "," : "", i);
    }
    return txt_of((const uint8_t *)s, n);
}

struct token_ctx {
    callsign_str id, secret;
};

static uint32_t token_adapter(const void *ctx, char *out, size_t cap, size_t *len)
{
    const struct token_ctx *c = (const struct token_ctx *)ctx;
    return CS(callsign_sinch_oauth2_authorization(c->id.ptr, c->id.len, c->secret.ptr,
                                                  c->secret.len, out, cap, len));
}

static void check_token_request(const char *id, callsign_str region, callsign_str key_id,
                                callsign_str key_secret, const char *url, const char *auth,
                                const char *body)
{
    const char *got = NULL;
    struct token_ctx ctx;
    g_where = id;
    check_status(CS(callsign_sinch_oauth2_token_url(region.ptr, region.len, &got, NULL)),
                 CALLSIGN_OK, "token url");
    checkf(got != NULL && strcmp(got, url) == 0, "url %s, want %s", got ? got : "(null)", url);
    checkf(strcmp(CS_STR(callsign_sinch_oauth2_token_body()), body) == 0, "token body");
    ctx.id = key_id;
    ctx.secret = key_secret;
    check_output_rule("callsign_sinch_oauth2_authorization", CALLSIGN_BASIC_MAX_LEN, token_adapter,
                      &ctx, auth, strlen(auth));
}

static void check_token_request_error(const char *id, callsign_str region, callsign_str key_id,
                                      callsign_str key_secret, const char *field,
                                      const char *list, size_t index)
{
    const char *got = NULL;
    callsign_field_error err;
    g_where = id;
    (void)key_id;
    (void)key_secret;
    memset(&err, 0, sizeof err);
    check_status(CS(callsign_sinch_oauth2_token_url(region.ptr, region.len, &got, &err)),
                 CALLSIGN_INVALID_FIELD, "token url");
    checkf(got == NULL, "url written on error");
    check_field_error(id, &err, field, list, index);
}

struct api_vector {
    const char *id;
    const char *kind;
    void (*run)(void);
};

#include "callsign_api_vectors.h"

/* ------------------------------------------------------------------ */
/* Arguments: NULLs, UTF-8, unknown values, capacities. */

static void test_builder_arguments(void)
{
    callsign_huawei_click2call c;
    callsign_huawei_call_stop s;
    callsign_huawei_sms_batch sms;
    callsign_huawei_sms_batch_diff diff;
    callsign_huawei_sms_content groups[9];
    callsign_str paras[17];
    static callsign_str numbers[CALLSIGN_SMS_DIFF_STRINGS_MAX];
    callsign_field_error err;
    char buf[512];
    size_t len, i;
    const char *url = NULL;

    g_where = "builder arguments";
    memset(&c, 0, sizeof c);
    c.display_nbr = TXT("+8675528000088");
    c.caller_nbr = TXT("+8613500000001");
    c.display_callee_nbr = TXT("+8675528000088");
    c.callee_nbr = TXT("+8613500000002");
    check_status(CS(callsign_huawei_click2call_body(&c, buf, sizeof buf, &len, NULL)), CALLSIGN_OK,
                 "click2call strict numbers");
    check_status(CS(callsign_huawei_click2call_body(NULL, buf, sizeof buf, &len, NULL)),
                 CALLSIGN_NULL_ARGUMENT, "request NULL");
    check_status(CS(callsign_huawei_click2call_body(&c, buf, sizeof buf, NULL, NULL)),
                 CALLSIGN_NULL_ARGUMENT, "out_len NULL");
    check_status(CS(callsign_huawei_click2call_body(&c, NULL, 5, &len, NULL)),
                 CALLSIGN_NULL_ARGUMENT, "out NULL with a capacity");
    c.number_check = 3;
    check_status(CS(callsign_huawei_click2call_body(&c, buf, sizeof buf, &len, NULL)),
                 CALLSIGN_INVALID_ARGUMENT, "number_check 3");
    c.number_check = CALLSIGN_NUMBER_CHECK_STRICT;
    c.caller_nbr = TXT("+86135****0001");
    memset(&err, 0, sizeof err);
    check_status(CS(callsign_huawei_click2call_body(&c, buf, sizeof buf, &len, &err)),
                 CALLSIGN_INVALID_FIELD, "masked number, strict");
    check_field_error("masked number, strict", &err, "callerNbr", NULL, 0);
    c.number_check = CALLSIGN_NUMBER_CHECK_LENGTH_ONLY;
    check_status(CS(callsign_huawei_click2call_body(&c, buf, sizeof buf, &len, NULL)), CALLSIGN_OK,
                 "masked number, length only");
    c.user_data.ptr = NULL;
    c.user_data.len = 3;
    check_status(CS(callsign_huawei_click2call_body(&c, buf, sizeof buf, &len, NULL)),
                 CALLSIGN_NULL_ARGUMENT, "text NULL with a length");
    c.user_data = TXT("\xff\xfe");
    check_status(CS(callsign_huawei_click2call_body(&c, buf, sizeof buf, &len, NULL)),
                 CALLSIGN_INVALID_UTF8, "text not UTF-8");
    c.user_data = TXT("");
    memset(&err, 0, sizeof err);
    check_status(CS(callsign_huawei_click2call_body(&c, buf, sizeof buf, &len, &err)),
                 CALLSIGN_INVALID_FIELD, "empty userData (present, empty)");
    check_field_error("empty userData", &err, "userData", NULL, 0);
    c.user_data = NO_TEXT;
    c.callee_nbr = NO_TEXT;
    memset(&err, 0, sizeof err);
    check_status(CS(callsign_huawei_click2call_body(&c, buf, sizeof buf, &len, &err)),
                 CALLSIGN_INVALID_FIELD, "calleeNbr absent");
    check_field_error("calleeNbr absent", &err, "calleeNbr", NULL, 0);

    /* The error output is an output: it may not overlap out or an input. */
    {
        union {
            uint64_t align;
            unsigned char b[1024];
        } u;
        callsign_field_error *e = (callsign_field_error *)(void *)u.b;
        memset(u.b, FILL, sizeof u.b);
        len = SENTINEL;
        check_status(CS(callsign_huawei_click2call_body(&c, (char *)u.b, sizeof u.b, &len, e)),
                     CALLSIGN_OVERLAPPING_BUFFERS, "error inside out");
        checkf(len == SENTINEL && all_bytes(u.b, sizeof u.b, FILL), "written on overlap");
        memcpy(u.b, &c, sizeof c);
        check_status(CS(callsign_huawei_click2call_body((const callsign_huawei_click2call *)(void *)u.b,
                                                        buf, sizeof buf, &len,
                                                        (callsign_field_error *)(void *)(u.b + 8))),
                     CALLSIGN_OVERLAPPING_BUFFERS, "error inside the request");
        check_status(CS(callsign_huawei_click2call_body(&c, buf, sizeof buf, &len,
                                                        (callsign_field_error *)(void *)&len)),
                     CALLSIGN_OVERLAPPING_BUFFERS, "error over *out_len");
    }

    memset(&s, 0, sizeof s);
    s.session_id = TXT("s1");
    check_status(CS(callsign_huawei_call_stop_body(&s, buf, sizeof buf, &len, NULL)), CALLSIGN_OK,
                 "callStop, signal absent");
    checkf(len == 39 && memcmp(buf, "{\"sessionid\":\"s1\",\"signal\":\"call_stop\"}", 39) == 0,
           "callStop body with the default signal");

    memset(&sms, 0, sizeof sms);
    sms.from = TXT("csms12345678");
    sms.to = TXT("+8615123456789");
    sms.template_id = TXT("8ff55eac1d0b478ab3c06c3c6a492300");
    sms.template_para_count = 1;
    check_status(CS(callsign_huawei_sms_batch_body(&sms, buf, sizeof buf, &len, NULL)),
                 CALLSIGN_NULL_ARGUMENT, "template_paras NULL with a count");
    for (i = 0; i < 17; i++) {
        paras[i] = TXT("1");
    }
    sms.template_paras = paras;
    sms.template_para_count = CALLSIGN_SMS_TEMPLATE_PARAS_MAX;
    check_status(CS(callsign_huawei_sms_batch_body(&sms, buf, sizeof buf, &len, NULL)),
                 CALLSIGN_OK, "CALLSIGN_SMS_TEMPLATE_PARAS_MAX variables");
    sms.template_para_count = CALLSIGN_SMS_TEMPLATE_PARAS_MAX + 1;
    check_status(CS(callsign_huawei_sms_batch_body(&sms, buf, sizeof buf, &len, NULL)),
                 CALLSIGN_TOO_MANY_ITEMS, "one variable too many");
    sms.template_paras = paras;
    sms.template_para_count = 0;
    check_status(CS(callsign_huawei_sms_batch_body(&sms, buf, sizeof buf, &len, NULL)),
                 CALLSIGN_OK, "empty variable list");
    checkf(strstr(buf, "templateParas=%5B%5D") != NULL, "an empty list is sent as []: %s", buf);

    memset(&diff, 0, sizeof diff);
    memset(groups, 0, sizeof groups);
    diff.from = TXT("csms12345678");
    for (i = 0; i < 9; i++) {
        groups[i].to = paras;
        groups[i].to_count = 1;
        groups[i].template_id = TXT("t");
    }
    paras[0] = TXT("+8615123456789");
    diff.sms_content = groups;
    diff.sms_content_count = CALLSIGN_SMS_DIFF_CONTENTS_MAX;
    check_status(CS(callsign_huawei_sms_batch_diff_body(&diff, buf, sizeof buf, &len, NULL)),
                 CALLSIGN_OK, "CALLSIGN_SMS_DIFF_CONTENTS_MAX groups");
    diff.sms_content_count = CALLSIGN_SMS_DIFF_CONTENTS_MAX + 1;
    check_status(CS(callsign_huawei_sms_batch_diff_body(&diff, buf, sizeof buf, &len, NULL)),
                 CALLSIGN_TOO_MANY_ITEMS, "one group too many");
    diff.sms_content_count = 2;
    for (i = 0; i < CALLSIGN_SMS_DIFF_STRINGS_MAX; i++) {
        numbers[i] = TXT("+8615123456789");
    }
    groups[1].to = numbers;
    groups[1].to_count = CALLSIGN_SMS_DIFF_STRINGS_MAX; /* 1 + 64 strings */
    check_status(CS(callsign_huawei_sms_batch_diff_body(&diff, buf, sizeof buf, &len, NULL)),
                 CALLSIGN_TOO_MANY_ITEMS, "more strings than CALLSIGN_SMS_DIFF_STRINGS_MAX");
    groups[1].to_count = 1;
    groups[1].to = NULL;
    check_status(CS(callsign_huawei_sms_batch_diff_body(&diff, buf, sizeof buf, &len, NULL)),
                 CALLSIGN_NULL_ARGUMENT, "group numbers NULL with a count");
    groups[1].to = paras;
    groups[1].to_count = 0;
    memset(&err, 0, sizeof err);
    check_status(CS(callsign_huawei_sms_batch_diff_body(&diff, buf, sizeof buf, &len, &err)),
                 CALLSIGN_INVALID_FIELD, "group without numbers");
    check_field_error("group without numbers", &err, "to", "smsContent", 1);
    diff.sms_content = NULL;
    check_status(CS(callsign_huawei_sms_batch_diff_body(&diff, buf, sizeof buf, &len, NULL)),
                 CALLSIGN_NULL_ARGUMENT, "groups NULL with a count");

    check_status(CS(callsign_sinch_oauth2_token_url((const uint8_t *)"eu", 2, NULL, NULL)),
                 CALLSIGN_NULL_ARGUMENT, "token url: url NULL");
    check_status(CS(callsign_sinch_oauth2_token_url(NULL, 0, &url, NULL)), CALLSIGN_INVALID_FIELD,
                 "token url: empty region");
    check_status(CS(callsign_sinch_oauth2_authorization((const uint8_t *)"a:b", 3,
                                                        (const uint8_t *)"s", 1, buf, sizeof buf,
                                                        &len)),
                 CALLSIGN_INVALID_USER, "token authorization: ':' in the key id");
}

int main(void)
{
    size_t i;
    guard_self_check("c-api");
    announce_sanitizer("c-api");
    for (i = 0; i < API_N_VECTORS; i++) {
        unsigned long before = n_fail;
        api_vectors[i].run();
        if (n_fail != before) {
            printf("FAIL vector %s (%s)\n", api_vectors[i].id, api_vectors[i].kind);
        }
    }
    printf("c-api: %d of %d vectors through C; %d not expressible in C (JSON types); %d pending\n",
           API_N_VECTORS, API_N_TOTAL, API_N_TYPE_ONLY, API_N_PENDING);
    g_where = "vector count";
    checkf(API_N_VECTORS + API_N_TYPE_ONLY + API_N_PENDING == API_N_TOTAL, "vectors lost");
    test_builder_arguments();
    check_guard_totals();
    printf("c-api: %lu passed, %lu failed\n", n_pass, n_fail);
    return n_fail != 0;
}
