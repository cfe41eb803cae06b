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

/* The builder's *_MAX_LEN, or (SMS, no useful maximum) the size needed. */
static size_t max_len_of(enum builder b, size_t body_len)
{
    switch (b) {
    case B_CLICK2CALL:
        return CALLSIGN_HUAWEI_CLICK2CALL_BODY_MAX_LEN;
    case B_CALL_VERIFY:
        return CALLSIGN_HUAWEI_CALL_VERIFY_BODY_MAX_LEN;
    case B_CALL_STOP:
        return CALLSIGN_HUAWEI_CALL_STOP_BODY_MAX_LEN;
    case B_SMS_BATCH:
    case B_SMS_BATCH_DIFF:
        break;
    }
    return body_len + 1;
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
        check_output_rule(id, max_len_of(b, body_len), build_adapter, &ctx, body, body_len);
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


/* ------------------------------------------------------------------ */
/* Parsers. */

static const char *g_vec = "";

static void exp_str(const char *name, callsign_str got, const char *want)
{
    checkf(text_is(got, want), "%s: %s is \"%.*s\"%s, want \"%s\"", g_vec, name,
           got.ptr ? (int)got.len : 0, got.ptr ? (const char *)got.ptr : "",
           got.ptr ? "" : " (absent)", want);
}

static void exp_absent(const char *name, callsign_str got)
{
    checkf(got.ptr == NULL && got.len == 0, "%s: %s is \"%.*s\", want absent", g_vec, name,
           got.ptr ? (int)got.len : 0, got.ptr ? (const char *)got.ptr : "");
}

static void exp_int(const char *name, long long got, long long want)
{
    checkf(got == want, "%s: %s is %lld, want %lld", g_vec, name, got, want);
}

static void exp_category(uint32_t got, const char *want)
{
    const char *name = CS_STR(callsign_category_str(got));
    checkf(strcmp(name, want) == 0, "%s: category %s, want %s", g_vec, name, want);
}

/* One parser call with a scratch buffer of `cap` bytes (NULL when 0). */
typedef uint32_t (*parse_call)(const void *ctx, uint8_t *scratch, size_t cap, size_t *scratch_len,
                               void *out, callsign_field_error *err);

/*
 * Runs a parser the way the output rule asks: first without scratch, then,
 * when it asks for scratch bytes, with one byte fewer (refused, nothing
 * written) and with an exactly sized heap buffer. Returns the final status
 * and checks it against want_ok (an error is CALLSIGN_INVALID_FIELD or
 * CALLSIGN_MALFORMED, nothing written to `out`).
 */
static int run_parser(const char *id, parse_call call, const void *ctx, size_t body_len, void *out,
                      size_t out_size, int want_ok, uint8_t **scratch_kept)
{
    size_t need = SENTINEL, len;
    uint32_t rc;
    uint8_t *scratch = NULL;
    callsign_field_error err;
    g_where = id;
    g_vec = id;
    memset(out, FILL, out_size);
    memset(&err, FILL, sizeof err);
    rc = call(ctx, NULL, 0, &need, out, &err);
    if (rc == CALLSIGN_BUFFER_TOO_SMALL) {
        checkf(need > 0 && need <= body_len, "%s: scratch needed %lu for a body of %lu", id,
               (unsigned long)need, (unsigned long)body_len);
        checkf(all_bytes(out, out_size, FILL), "%s: out written on BUFFER_TOO_SMALL", id);
        scratch = (uint8_t *)malloc(need);
        if (!checkf(scratch != NULL, "malloc")) {
            return 0;
        }
        memset(scratch, FILL, need);
        len = SENTINEL;
        rc = call(ctx, scratch, need - 1, &len, out, &err);
        checkf(rc == CALLSIGN_BUFFER_TOO_SMALL && len == need && all_bytes(out, out_size, FILL) &&
                   all_bytes(scratch, need, FILL),
               "%s: scratch of needed - 1: status %s", id, st(rc));
        len = SENTINEL;
        rc = call(ctx, scratch, need, &len, out, &err);
        checkf(len == need || rc != CALLSIGN_OK, "%s: *scratch_len %lu, want %lu", id,
               (unsigned long)len, (unsigned long)need);
    } else if (rc == CALLSIGN_OK) {
        checkf(need == 0, "%s: *scratch_len %lu without scratch", id, (unsigned long)need);
    }
    if (want_ok) {
        check_status(rc, CALLSIGN_OK, id);
        checkf(all_bytes(&err, sizeof err, FILL), "%s: error written on success", id);
    } else {
        checkf(rc == CALLSIGN_INVALID_FIELD || rc == CALLSIGN_MALFORMED,
               "%s: status %s, want an invalid-input error", id, st(rc));
        checkf(all_bytes(out, out_size, FILL), "%s: out written on error", id);
        if (rc == CALLSIGN_INVALID_FIELD) {
            checkf(err.field.ptr != NULL && err.field.len > 0, "%s: no field named", id);
        }
    }
    if (scratch_kept != NULL && rc == CALLSIGN_OK) {
        *scratch_kept = scratch;
    } else {
        free(scratch);
    }
    return want_ok && rc == CALLSIGN_OK;
}

/* Scratch buffers of the last parse, whose views the checks read. */
static uint8_t *g_scratch;

static void keep_scratch(uint8_t *p)
{
    free(g_scratch);
    g_scratch = p;
}

struct body_ctx {
    const char *raw;
    size_t len;
    uint32_t http_status;
    const char *content_type;
    uint64_t received_at;
    void *list;
    size_t cap;
    size_t *count;
};

static uint32_t p_voice_response(const void *ctx, uint8_t *s, size_t cap, size_t *sl, void *out,
                                 callsign_field_error *err)
{
    const struct body_ctx *c = (const struct body_ctx *)ctx;
    return CS(callsign_huawei_voice_response_parse((const uint8_t *)c->raw, c->len, c->http_status,
                                                   s, cap, sl,
                                                   (callsign_huawei_voice_response *)out, err));
}

static int parse_voice_response(const char *id, const char *raw, size_t len, uint32_t status,
                                callsign_huawei_voice_response *r, int ok)
{
    struct body_ctx c;
    uint8_t *kept = NULL;
    int rc;
    memset(&c, 0, sizeof c);
    c.raw = raw;
    c.len = len;
    c.http_status = status;
    rc = run_parser(id, p_voice_response, &c, len, r, sizeof *r, ok, &kept);
    keep_scratch(kept);
    if (rc) {
        callsign_result_code code;
        /* The response's category is the result-code table's. */
        check_status(CS(callsign_huawei_result_code(CALLSIGN_RESULT_CODES_VOICE, status,
                                                    r->result_code.ptr, r->result_code.len,
                                                    &code)),
                     CALLSIGN_OK, "result code");
        if (r->category != CALLSIGN_CATEGORY_SUCCESS) {
            checkf(code.category == r->category && code.retry_after_secs == r->retry_after_secs,
                   "%s: result-code category %u, response %u", id, code.category, r->category);
        }
        checkf(r->success == (r->category == CALLSIGN_CATEGORY_SUCCESS), "%s: success flag", id);
    }
    return rc;
}

static uint32_t p_sms_response(const void *ctx, uint8_t *s, size_t cap, size_t *sl, void *out,
                               callsign_field_error *err)
{
    const struct body_ctx *c = (const struct body_ctx *)ctx;
    return CS(callsign_huawei_sms_response_parse(
        (const uint8_t *)c->raw, c->len, c->http_status, (callsign_huawei_sms_result *)c->list,
        c->cap, c->count, s, cap, sl, (callsign_huawei_sms_response *)out, err));
}

static int parse_sms_response(const char *id, const char *raw, size_t len, uint32_t status,
                              callsign_huawei_sms_result *res, size_t *count,
                              callsign_huawei_sms_response *r, int ok)
{
    struct body_ctx c;
    uint8_t *kept = NULL;
    int rc;
    memset(&c, 0, sizeof c);
    c.raw = raw;
    c.len = len;
    c.http_status = status;
    c.list = res;
    c.cap = 8;
    c.count = count;
    rc = run_parser(id, p_sms_response, &c, len, r, sizeof *r, ok, &kept);
    keep_scratch(kept);
    if (rc && *count > 0) {
        /* One result fewer than needed: refused with the count needed. */
        callsign_huawei_sms_response r2;
        size_t n = SENTINEL, need = *count;
        uint8_t scratch[4096];
        memset(&r2, FILL, sizeof r2);
        check_status(CS(callsign_huawei_sms_response_parse((const uint8_t *)raw, len, status, res,
                                                           need - 1, &n, scratch, sizeof scratch,
                                                           NULL, &r2, NULL)),
                     CALLSIGN_TOO_MANY_ITEMS, "results capacity needed - 1");
        checkf(n == need && all_bytes(&r2, sizeof r2, FILL), "%s: count %lu, want %lu", id,
               (unsigned long)n, (unsigned long)need);
    }
    return rc;
}

static uint32_t p_voice_notification(const void *ctx, uint8_t *s, size_t cap, size_t *sl,
                                     void *out, callsign_field_error *err)
{
    const struct body_ctx *c = (const struct body_ctx *)ctx;
    return CS(callsign_huawei_voice_notification_parse(
        (const uint8_t *)c->raw, c->len, (callsign_huawei_fee_record *)c->list, c->cap, c->count,
        s, cap, sl, (callsign_huawei_voice_notification *)out, err));
}

static int parse_voice_notification(const char *id, const char *raw, size_t len,
                                    callsign_huawei_fee_record *fees, size_t *count,
                                    callsign_huawei_voice_notification *r, int ok)
{
    struct body_ctx c;
    uint8_t *kept = NULL;
    int rc;
    memset(&c, 0, sizeof c);
    c.raw = raw;
    c.len = len;
    c.list = fees;
    c.cap = CALLSIGN_HUAWEI_FEE_RECORDS_MAX;
    c.count = count;
    rc = run_parser(id, p_voice_notification, &c, len, r, sizeof *r, ok, &kept);
    keep_scratch(kept);
    return rc;
}

static uint32_t p_status_report(const void *ctx, uint8_t *s, size_t cap, size_t *sl, void *out,
                                callsign_field_error *err)
{
    const struct body_ctx *c = (const struct body_ctx *)ctx;
    return CS(callsign_huawei_sms_status_report_parse(
        (const uint8_t *)c->raw, c->len, (const uint8_t *)c->content_type,
        c->content_type ? strlen(c->content_type) : 0, s, cap, sl,
        (callsign_huawei_sms_status_report *)out, err));
}

static int parse_status_report(const char *id, const char *raw, size_t len,
                               const char *content_type, callsign_huawei_sms_status_report *r,
                               int ok)
{
    struct body_ctx c;
    uint8_t *kept = NULL;
    int rc;
    memset(&c, 0, sizeof c);
    c.raw = raw;
    c.len = len;
    c.content_type = content_type;
    rc = run_parser(id, p_status_report, &c, len, r, sizeof *r, ok, &kept);
    keep_scratch(kept);
    return rc;
}

static uint32_t p_oauth_token(const void *ctx, uint8_t *s, size_t cap, size_t *sl, void *out,
                              callsign_field_error *err)
{
    const struct body_ctx *c = (const struct body_ctx *)ctx;
    return CS(callsign_sinch_oauth2_token_parse((const uint8_t *)c->raw, c->len, c->received_at, s,
                                                cap, sl, (callsign_sinch_oauth2_token *)out, err));
}

static int parse_oauth_token(const char *id, const char *raw, size_t len, uint64_t received_at,
                             callsign_sinch_oauth2_token *r, int ok)
{
    struct body_ctx c;
    uint8_t *kept = NULL;
    int rc;
    memset(&c, 0, sizeof c);
    c.raw = raw;
    c.len = len;
    c.received_at = received_at;
    rc = run_parser(id, p_oauth_token, &c, len, r, sizeof *r, ok, &kept);
    keep_scratch(kept);
    return rc;
}

struct cache_ctx {
    const callsign_token_cache *cache;
};

static uint32_t bearer_adapter(const void *ctx, char *out, size_t cap, size_t *len)
{
    const struct cache_ctx *c = (const struct cache_ctx *)ctx;
    return CS(callsign_token_cache_authorization(c->cache, out, cap, len));
}

/* The token through the cache: use until refresh_at, the Bearer value,
 * refresh after an invalidation, nothing after a wipe. */
static void check_token_cache(const char *id, const callsign_sinch_oauth2_token *t,
                              uint64_t received_at, const char *authorization)
{
    static callsign_token_cache cache;
    struct cache_ctx ctx;
    uint32_t action = 99;
    uint64_t expires = 0;
    char buf[64];
    size_t n;
    g_where = id;
    memset(&cache, 0, sizeof cache);
    check_status(CS(callsign_token_cache_action(&cache, received_at, &action, NULL)),
                 CALLSIGN_NOT_INITIALIZED, "action before init");
    check_status(CS(callsign_token_cache_init(&cache)), CALLSIGN_OK, "init");
    check_status(CS(callsign_token_cache_action(&cache, received_at, &action, &expires)),
                 CALLSIGN_OK, "action, empty");
    checkf(action == CALLSIGN_TOKEN_REFRESH && expires == 0, "empty cache: refresh");
    check_status(CS(callsign_token_cache_authorization(&cache, buf, sizeof buf, &n)),
                 CALLSIGN_INVALID_FIELD, "authorization, empty");
    check_status(CS(callsign_token_cache_store(&cache, t)), CALLSIGN_OK, "store");
    check_status(CS(callsign_token_cache_action(&cache, received_at, &action, &expires)),
                 CALLSIGN_OK, "action");
    checkf(action == CALLSIGN_TOKEN_USE && expires == t->expires_at, "use at received_at");
    check_status(CS(callsign_token_cache_action(&cache, t->refresh_at - 1, &action, NULL)),
                 CALLSIGN_OK, "action");
    checkf(action == CALLSIGN_TOKEN_USE, "use 1 s before refresh_at");
    check_status(CS(callsign_token_cache_action(&cache, t->refresh_at, &action, NULL)),
                 CALLSIGN_OK, "action");
    checkf(action == CALLSIGN_TOKEN_REFRESH, "refresh at refresh_at");
    ctx.cache = &cache;
    check_output_rule("callsign_token_cache_authorization", CALLSIGN_BEARER_MAX_LEN,
                      bearer_adapter, &ctx, authorization, strlen(authorization));
    check_status(CS(callsign_token_cache_invalidate(&cache)), CALLSIGN_OK, "invalidate");
    check_status(CS(callsign_token_cache_action(&cache, received_at, &action, NULL)), CALLSIGN_OK,
                 "action after invalidate");
    checkf(action == CALLSIGN_TOKEN_REFRESH, "refresh after invalidate");
    check_status(CS(callsign_token_cache_store(&cache, t)), CALLSIGN_OK, "store again");
    CS_VOID(callsign_token_cache_wipe(&cache));
    checkf(all_bytes(&cache, sizeof cache, 0), "wipe zeroes the storage");
    check_status(CS(callsign_token_cache_action(&cache, received_at, &action, NULL)),
                 CALLSIGN_NOT_INITIALIZED, "action after wipe");
    (void)received_at;
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


static void test_parser_arguments(void)
{
    static const char ok_body[] = "{\"resultcode\":\"0\",\"resultdesc\":\"Caf\\u00e9 \\\"ok\\\"\",\"sessionId\":\"s\\/1\"}";
    static const char fee_body[] =
        "{\"eventType\":\"fee\",\"feeLst\":["
        "{\"direction\":0,\"spId\":\"s\",\"appKey\":\"k\",\"bindNum\":\"+1\",\"sessionId\":\"x0\","
        "\"callerNum\":\"+1\",\"calleeNum\":\"+2\",\"recordObjectName\":\"a\\/b.wav\",\"ulFailReason\":\"17\"},"
        "{\"direction\":1,\"spId\":\"s\",\"appKey\":\"k\",\"bindNum\":\"+1\",\"sessionId\":\"x1\","
        "\"callerNum\":\"+1\",\"calleeNum\":\"+2\",\"recordFlag\":1}]}";
    union {
        uint64_t align;
        uint8_t b[512];
    } u;
    callsign_huawei_voice_response r;
    callsign_huawei_voice_notification vn;
    callsign_huawei_fee_record fees[2];
    callsign_huawei_sms_response sr;
    callsign_huawei_sms_result res[1];
    callsign_sinch_oauth2_token tok;
    callsign_result_code code;
    callsign_field_error err;
    static callsign_token_cache cache;
    size_t n, count;
    uint64_t unix_time;
    int64_t offset;
    uint32_t action;
    char big[2100];
    const uint8_t *body = (const uint8_t *)ok_body;
    const size_t body_len = sizeof ok_body - 1;

    g_where = "parser arguments";
    check_status(CS(callsign_huawei_voice_response_parse(body, body_len, 200, u.b, sizeof u.b, &n,
                                                         &r, NULL)),
                 CALLSIGN_OK, "escaped response");
    exp_str("resultdesc", r.result_desc, "Caf\xc3\xa9 \"ok\"");
    exp_str("sessionId", r.session_id, "s/1");
    checkf(r.result_desc.ptr == u.b && r.session_id.ptr == u.b + r.result_desc.len &&
               n == r.result_desc.len + 3,
           "unescaped values in the scratch buffer, *scratch_len %lu", (unsigned long)n);
    checkf(r.result_code.ptr == body + 15, "plain values are views of the body");
    check_status(CS(callsign_huawei_voice_response_parse(body, body_len, 200, u.b, sizeof u.b, &n,
                                                         NULL, NULL)),
                 CALLSIGN_NULL_ARGUMENT, "out NULL");
    check_status(CS(callsign_huawei_voice_response_parse(NULL, 3, 200, u.b, sizeof u.b, &n, &r,
                                                         NULL)),
                 CALLSIGN_NULL_ARGUMENT, "body NULL with a length");
    check_status(CS(callsign_huawei_voice_response_parse(body, body_len, 200, NULL, 8, &n, &r,
                                                         NULL)),
                 CALLSIGN_NULL_ARGUMENT, "scratch NULL with a capacity");
    check_status(CS(callsign_huawei_voice_response_parse((const uint8_t *)"{\"resultcode\":\"\xff\"}",
                                                         18, 200, u.b, sizeof u.b, &n, &r, NULL)),
                 CALLSIGN_INVALID_UTF8, "body not UTF-8");
    check_status(CS(callsign_huawei_voice_response_parse(body, body_len, 65536, u.b, sizeof u.b,
                                                         &n, &r, NULL)),
                 CALLSIGN_INVALID_ARGUMENT, "http status 65536");
    memcpy(u.b, ok_body, body_len);
    check_status(CS(callsign_huawei_voice_response_parse(u.b, body_len, 200, u.b + body_len - 4,
                                                         64, &n, &r, NULL)),
                 CALLSIGN_OVERLAPPING_BUFFERS, "scratch over the body");
    check_status(CS(callsign_huawei_voice_response_parse(
                     u.b, body_len, 200, u.b + 256, 64, &n,
                     (callsign_huawei_voice_response *)(void *)(u.b + 8), NULL)),
                 CALLSIGN_OVERLAPPING_BUFFERS, "out over the body");
    check_status(CS(callsign_huawei_voice_response_parse(
                     body, body_len, 200, u.b, 64, &n, &r,
                     (callsign_field_error *)(void *)(u.b + 32))),
                 CALLSIGN_OVERLAPPING_BUFFERS, "error over the scratch buffer");
    memset(&err, 0, sizeof err);
    check_status(CS(callsign_huawei_voice_response_parse((const uint8_t *)"{\"resultcode\":7}", 16,
                                                         200, NULL, 0, NULL, &r, &err)),
                 CALLSIGN_INVALID_FIELD, "resultcode a number");
    g_vec = "parser arguments";
    exp_str("error field", err.field, "resultcode");

    /* Fee records into the caller's array: capacity, never truncation. */
    count = SENTINEL;
    memset(fees, FILL, sizeof fees);
    check_status(CS(callsign_huawei_voice_notification_parse((const uint8_t *)fee_body,
                                                             sizeof fee_body - 1, fees, 1, &count,
                                                             u.b, sizeof u.b, &n, &vn, NULL)),
                 CALLSIGN_TOO_MANY_ITEMS, "two fee records, capacity 1");
    checkf(count == 2 && all_bytes(fees, sizeof fees, FILL), "count needed 2, nothing written");
    check_status(CS(callsign_huawei_voice_notification_parse((const uint8_t *)fee_body,
                                                             sizeof fee_body - 1, fees, 2, &count,
                                                             u.b, sizeof u.b, &n, &vn, NULL)),
                 CALLSIGN_OK, "two fee records");
    checkf(count == 2 && vn.is_fee == 1, "fee push: %lu records", (unsigned long)count);
    exp_str("eventType", vn.event_type, "fee");
    exp_absent("sessionId of a fee push", vn.session_id);
    exp_str("feeLst[0].sessionId", fees[0].session_id, "x0");
    exp_str("feeLst[1].sessionId", fees[1].session_id, "x1");
    exp_str("feeLst[0].recordObjectName", fees[0].record_object_name, "a/b.wav");
    exp_int("feeLst[0].ulFailReason", fees[0].ul_fail_reason, 17);
    exp_int("feeLst[0].recordFlag", fees[0].record_flag, -1);
    exp_int("feeLst[1].recordFlag", fees[1].record_flag, 1);
    exp_int("feeLst[1].direction", fees[1].direction, 1);
    check_status(CS(callsign_huawei_voice_notification_parse((const uint8_t *)fee_body,
                                                             sizeof fee_body - 1, fees, 2, NULL,
                                                             u.b, sizeof u.b, &n, &vn, NULL)),
                 CALLSIGN_NULL_ARGUMENT, "record_count NULL");
    check_status(CS(callsign_huawei_voice_notification_parse((const uint8_t *)fee_body,
                                                             sizeof fee_body - 1, NULL, 2, &count,
                                                             u.b, sizeof u.b, &n, &vn, NULL)),
                 CALLSIGN_NULL_ARGUMENT, "records NULL with a capacity");
    check_status(CS(callsign_huawei_sms_response_parse(
                     (const uint8_t *)"{\"code\":\"000000\"}", 17, 200, res, 1, NULL, NULL, 0,
                     NULL, &sr, NULL)),
                 CALLSIGN_NULL_ARGUMENT, "result_count NULL");
    check_status(CS(callsign_huawei_sms_status_report_parse(
                     (const uint8_t *)"smsMsgId=a&status=DELIVRD", 25,
                     (const uint8_t *)"application/json", 16, NULL, 0, NULL,
                     (callsign_huawei_sms_status_report *)(void *)u.b, &err)),
                 CALLSIGN_INVALID_FIELD, "status report as JSON");
    check_status(CS(callsign_huawei_sms_status_report_parse(
                     (const uint8_t *)"smsMsgId=a&status=DELIVRD", 25, NULL, 5, NULL, 0, NULL,
                     (callsign_huawei_sms_status_report *)(void *)u.b, NULL)),
                 CALLSIGN_NULL_ARGUMENT, "content_type NULL with a length");

    /* The result-code table. */
    check_status(CS(callsign_huawei_result_code(CALLSIGN_RESULT_CODES_VOICE, 401,
                                                (const uint8_t *)"1010013", 7, &code)),
                 CALLSIGN_OK, "401 1010013");
    checkf(code.category == CALLSIGN_CATEGORY_FIX_CLOCK && code.known == 1 &&
               text_is(code.text, "Time out limit.") &&
               strcmp(code.advice, callsign_category_advice(CALLSIGN_CATEGORY_FIX_CLOCK)) == 0,
           "401 1010013 is fix-clock");
    check_status(CS(callsign_huawei_result_code(CALLSIGN_RESULT_CODES_VOICE, 403,
                                                (const uint8_t *)"1010010", 7, &code)),
                 CALLSIGN_OK, "403 1010010");
    checkf(code.category == CALLSIGN_CATEGORY_RETRY_LATER && code.retry_after_secs == 60,
           "403 1010010 is retry-later after 60 s");
    check_status(CS(callsign_huawei_result_code(CALLSIGN_RESULT_CODES_VOICE, 401,
                                                (const uint8_t *)"1010010", 7, &code)),
                 CALLSIGN_OK, "401 1010010");
    checkf(code.category == CALLSIGN_CATEGORY_FIX_CREDENTIALS, "401 1010010 is fix-credentials");
    check_status(CS(callsign_huawei_result_code(CALLSIGN_RESULT_CODES_VOICE, 500,
                                                (const uint8_t *)"1999999", 7, &code)),
                 CALLSIGN_OK, "unknown code");
    checkf(code.category == CALLSIGN_CATEGORY_CONTACT_PROVIDER && code.known == 0 &&
               code.text.ptr == NULL,
           "unknown 5xx code: contact-provider, unknown");
    check_status(CS(callsign_huawei_result_code(CALLSIGN_RESULT_CODES_SMS, 400,
                                                (const uint8_t *)"E000503", 7, &code)),
                 CALLSIGN_OK, "SMS E000503");
    checkf(code.category == CALLSIGN_CATEGORY_FIX_REQUEST && code.known == 1, "E000503");
    check_status(CS(callsign_huawei_result_code(2, 400, (const uint8_t *)"E000503", 7, &code)),
                 CALLSIGN_INVALID_ARGUMENT, "unknown table");
    check_status(CS(callsign_huawei_result_code(CALLSIGN_RESULT_CODES_SMS, 400,
                                                (const uint8_t *)"E000503", 7, NULL)),
                 CALLSIGN_NULL_ARGUMENT, "out NULL");
    checkf(strcmp(callsign_category_str(6), "unknown category") == 0 &&
               strcmp(callsign_category_str(CALLSIGN_CATEGORY_CONTACT_PROVIDER),
                      "contact-provider") == 0,
           "category names");

    /* The token cache's own arguments. */
    memset(&tok, 0, sizeof tok);
    memset(big, 'a', sizeof big);
    tok.access_token.ptr = (const uint8_t *)big;
    tok.access_token.len = CALLSIGN_TOKEN_CACHE_TOKEN_MAX + 1;
    tok.expires_in = 3600;
    tok.expires_at = 1700003600;
    tok.refresh_at = 1700003540;
    check_status(CS(callsign_token_cache_init(&cache)), CALLSIGN_OK, "init");
    check_status(CS(callsign_token_cache_store(&cache, &tok)), CALLSIGN_INVALID_FIELD,
                 "token one byte too long");
    check_status(CS(callsign_token_cache_action(&cache, 1700000000, &action, NULL)), CALLSIGN_OK,
                 "action");
    checkf(action == CALLSIGN_TOKEN_REFRESH, "a refused token leaves the cache empty");
    tok.access_token.len = CALLSIGN_TOKEN_CACHE_TOKEN_MAX;
    check_status(CS(callsign_token_cache_store(&cache, &tok)), CALLSIGN_OK, "longest token");
    n = SENTINEL;
    {
        static char auth[CALLSIGN_BEARER_MAX_LEN];
        check_status(CS(callsign_token_cache_authorization(&cache, auth, sizeof auth, &n)),
                     CALLSIGN_OK, "longest Bearer value fits CALLSIGN_BEARER_MAX_LEN");
        checkf(n + 1 == CALLSIGN_BEARER_MAX_LEN, "Bearer length %lu", (unsigned long)n);
    }
    check_status(CS(callsign_token_cache_store(&cache, NULL)), CALLSIGN_NULL_ARGUMENT, "token NULL");
    check_status(CS(callsign_token_cache_store(NULL, &tok)), CALLSIGN_NULL_ARGUMENT, "cache NULL");
    check_status(CS(callsign_token_cache_action(&cache, 0, NULL, NULL)), CALLSIGN_NULL_ARGUMENT,
                 "action NULL");
    check_status(CS(callsign_token_cache_init(
                     (callsign_token_cache *)(void *)((unsigned char *)&cache + 1))),
                 CALLSIGN_INVALID_ARGUMENT, "misaligned cache");
    tok.access_token.ptr = (const uint8_t *)&cache;
    tok.access_token.len = 16;
    check_status(CS(callsign_token_cache_store(&cache, &tok)), CALLSIGN_OVERLAPPING_BUFFERS,
                 "token inside the cache");
    /* Outputs inside the cache (an input of _action and _authorization). */
    tok.access_token.ptr = (const uint8_t *)"eyJ";
    tok.access_token.len = 3;
    check_status(CS(callsign_token_cache_store(&cache, &tok)), CALLSIGN_OK, "store");
    check_status(CS(callsign_token_cache_action(&cache, 0, (uint32_t *)(void *)&cache.opaque[100],
                                                NULL)),
                 CALLSIGN_OVERLAPPING_BUFFERS, "action inside the cache");
    check_status(CS(callsign_token_cache_action(&cache, 0, &action, &cache.opaque[3])),
                 CALLSIGN_OVERLAPPING_BUFFERS, "expires_at inside the cache");
    check_status(CS(callsign_token_cache_authorization(&cache, (char *)&cache.opaque[200], 64, &n)),
                 CALLSIGN_OVERLAPPING_BUFFERS, "Bearer value inside the cache");
    check_status(CS(callsign_token_cache_authorization(&cache, big, sizeof big,
                                                       (size_t *)(void *)&cache.opaque[1])),
                 CALLSIGN_OVERLAPPING_BUFFERS, "*out_len inside the cache");
    check_status(CS(callsign_token_cache_authorization(&cache, big, sizeof big, &n)), CALLSIGN_OK,
                 "Bearer value apart");
    checkf(n == 10 && memcmp(big, "Bearer eyJ", 11) == 0, "Bearer eyJ");
    /* The error output over the parsed token: refused. */
    check_status(CS(callsign_sinch_oauth2_token_parse(
                     (const uint8_t *)"{\"access_token\":\"a\",\"token_type\":\"bearer\",\"expires_in\":9}",
                     57, 0, NULL, 0, NULL, &tok, (callsign_field_error *)(void *)&tok)),
                 CALLSIGN_OVERLAPPING_BUFFERS, "error over out");
    CS_VOID(callsign_token_cache_wipe(&cache));
    CS_VOID(callsign_token_cache_wipe(NULL));

    /* The clock. */
    g_where = "http date";
    check_status(CS(callsign_http_date_parse((const uint8_t *)"Sun, 06 Nov 1994 08:49:37 GMT", 29,
                                             &unix_time)),
                 CALLSIGN_OK, "IMF-fixdate");
    checkf(unix_time == 784111777u, "IMF-fixdate: %lu", (unsigned long)unix_time);
    unix_time = 0;
    check_status(CS(callsign_http_date_parse((const uint8_t *)"Sunday, 06-Nov-94 08:49:37 GMT", 30,
                                             &unix_time)),
                 CALLSIGN_OK, "RFC 850");
    checkf(unix_time == 784111777u, "RFC 850: %lu", (unsigned long)unix_time);
    unix_time = 0;
    check_status(CS(callsign_http_date_parse((const uint8_t *)"Sun Nov  6 08:49:37 1994", 24,
                                             &unix_time)),
                 CALLSIGN_OK, "asctime");
    checkf(unix_time == 784111777u, "asctime: %lu", (unsigned long)unix_time);
    checkf(CS(callsign_http_date_parse((const uint8_t *)"Mon, 06 Nov 1994 08:49:37 GMT", 29,
                                       &unix_time)) != CALLSIGN_OK,
           "a wrong weekday is refused");
    check_status(CS(callsign_http_date_parse((const uint8_t *)"x", 1, NULL)),
                 CALLSIGN_NULL_ARGUMENT, "unix NULL");
    {
        union {
            uint64_t align;
            char b[40];
        } d;
        memcpy(d.b, "Sun, 06 Nov 1994 08:49:37 GMT", 29);
        check_status(CS(callsign_http_date_parse((const uint8_t *)d.b, 29,
                                                 (uint64_t *)(void *)(d.b + 8))),
                     CALLSIGN_OVERLAPPING_BUFFERS, "unix inside the date");
        check_status(CS(callsign_clock_offset((const uint8_t *)d.b, 29, 0,
                                              (int64_t *)(void *)(d.b + 16))),
                     CALLSIGN_OVERLAPPING_BUFFERS, "offset inside the date");
        check_status(CS(callsign_http_date_parse((const uint8_t *)d.b, 29, &unix_time)),
                     CALLSIGN_OK, "date apart");
    }
    check_status(CS(callsign_clock_offset((const uint8_t *)"Sun, 06 Nov 1994 08:49:37 GMT", 29,
                                          784111700u, &offset)),
                 CALLSIGN_OK, "clock offset");
    checkf(offset == 77, "offset %lld", (long long)offset);
    check_status(CS(callsign_clock_offset((const uint8_t *)"Sun, 06 Nov 1994 08:49:37 GMT", 29,
                                          784111800u, &offset)),
                 CALLSIGN_OK, "clock offset, fast device");
    checkf(offset == -23, "offset %lld", (long long)offset);
    check_status(CS(callsign_clock_corrected(784111800u, offset, &unix_time)), CALLSIGN_OK,
                 "corrected");
    checkf(unix_time == 784111777u, "corrected %lu", (unsigned long)unix_time);
    check_status(CS(callsign_clock_corrected(5, -6, &unix_time)), CALLSIGN_TIMESTAMP_OUT_OF_RANGE,
                 "before 1970");
    check_status(CS(callsign_clock_corrected(5, 1, NULL)), CALLSIGN_NULL_ARGUMENT, "unix NULL");
}


struct push_ctx {
    uint32_t field;
    const char *url;
};

static uint32_t push_url_adapter(const void *ctx, char *out, size_t cap, size_t *len)
{
    const struct push_ctx *c = (const struct push_ctx *)ctx;
    return CS(callsign_huawei_voice_push_url(c->field, (const uint8_t *)c->url, strlen(c->url),
                                             out, cap, len, NULL));
}

/* ------------------------------------------------------------------ */
/* The README's C walk-through, verbatim but for `static`, against a fake
 * server that refuses the first request for its clock (401 1010013) and
 * accepts the second: the retry must carry the corrected Created time
 * (the README's X-AKSK example, 2024-03-01T08:15:30Z). */

static int http_post(const char *path, const char *content_type, const char *authorization,
                     const char *x_aksk, const char *body, size_t body_len, uint32_t *status,
                     char *answer, size_t answer_cap, char *date, size_t date_cap);

#define S(lit) ((callsign_str){(const uint8_t *)(lit), sizeof(lit) - 1})

static int64_t clock_offset; /* learnt from a server's Date, kept across requests */

/* 0: placed; 1: clock corrected, call again; 2: retry later; -1: give up. */
static int place_call(const uint8_t *secret, size_t secret_len, const char *nonce, uint64_t device_now)
{
    /* 1. Build: fields as (ptr, len), NULL for absent; an invalid one is named. */
    callsign_huawei_click2call call = {0};
    callsign_field_error err;
    char body[1024], x_aksk[CALLSIGN_X_AKSK_MAX_LEN], answer[1024], date[64];
    size_t body_len, n;
    uint64_t created;
    uint32_t http_status;
    call.display_nbr = S("+8675528000088");
    call.caller_nbr = S("+8613500000001");
    call.display_callee_nbr = S("+8675528000088");
    call.callee_nbr = S("+8613500000002");
    call.max_duration.present = 1;
    call.max_duration.value = 30;
    if (callsign_huawei_click2call_body(&call, body, sizeof body, &body_len, &err) != CALLSIGN_OK)
        return -1; /* err.field names it, e.g. "maxDuration" (err.field.len bytes) */

    /* 2. Sign with the corrected clock. */
    if (callsign_clock_corrected(device_now, clock_offset, &created) != CALLSIGN_OK ||
        callsign_huawei_voice_x_aksk((const uint8_t *)"a1B2c3D4e5F6g7H8i9J0kLmNoPqR", 28,
                                     secret, secret_len, (const uint8_t *)nonce, strlen(nonce),
                                     created, x_aksk, sizeof x_aksk, &n) != CALLSIGN_OK)
        return -1;

    /* 3. Send: POST {access address}{path}. */
    callsign_endpoint ep = callsign_huawei_click2call_endpoint();
    if (http_post(ep.path, ep.content_type, callsign_huawei_voice_authorization(), x_aksk, body,
                  body_len, &http_status, answer, sizeof answer, date, sizeof date) != 0)
        return 2;

    /* 4. Parse (views into answer and scratch) and act on the category. */
    callsign_huawei_voice_response r;
    uint8_t scratch[sizeof answer];
    if (callsign_huawei_voice_response_parse((const uint8_t *)answer, strlen(answer), http_status,
                                             scratch, sizeof scratch, NULL, &r, NULL) != CALLSIGN_OK)
        return -1;
    switch (r.category) {
    case CALLSIGN_CATEGORY_SUCCESS: /* keep r.session_id for callStop */
        return 0;
    case CALLSIGN_CATEGORY_FIX_CLOCK: /* one call; then sign again and resend once */
        return callsign_clock_offset((const uint8_t *)date, strlen(date), device_now,
                                     &clock_offset) == CALLSIGN_OK ? 1 : -1;
    case CALLSIGN_CATEGORY_RETRY_LATER: /* wait r.retry_after_secs (60 when 0) */
        return 2;
    default: /* fix-request, fix-credentials, contact-provider */
        puts(callsign_category_advice(r.category));
        return -1;
    }
}

static int g_posts;
static char g_last_x_aksk[CALLSIGN_X_AKSK_MAX_LEN];

static int http_post(const char *path, const char *content_type, const char *authorization,
                     const char *x_aksk, const char *body, size_t body_len, uint32_t *status,
                     char *answer, size_t answer_cap, char *date, size_t date_cap)
{
    static const char refused[] = "{\"resultcode\":\"1010013\",\"resultdesc\":\"Time out limit.\"}";
    static const char placed[] =
        "{\"resultcode\":\"0\",\"resultdesc\":\"Success\",\"sessionId\":\"1200_366\"}";
    const char *a = g_posts++ == 0 ? refused : placed;
    checkf(strcmp(path, "/rest/httpsessions/click2Call/v2.0") == 0 &&
               strcmp(content_type, "application/json;charset=UTF-8") == 0 &&
               strncmp(authorization, "AKSK realm=", 11) == 0 && body_len > 0 && body[0] == '{',
           "walk-through request");
    snprintf(g_last_x_aksk, sizeof g_last_x_aksk, "%s", x_aksk);
    *status = g_posts == 1 ? 401 : 200;
    checkf(strlen(a) < answer_cap && date_cap > 29, "walk-through buffers");
    strcpy(answer, a);
    strcpy(date, "Fri, 01 Mar 2024 08:15:30 GMT");
    return 0;
}

static void test_walkthrough(void)
{
    const uint8_t *secret = (const uint8_t *)"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H";
    const char *nonce = "66c92b11ff8a425fb8d4ccfe0ed9ed1f";
    int first, second;
    g_where = "README walk-through";
    guard_off(); /* place_call brackets nothing itself: its calls run unguarded */
    first = place_call(secret, 28, nonce, 1709280000u);
    second = place_call(secret, 28, nonce, 1709280000u);
    checkf(first == 1 && second == 0 && clock_offset == 930, "walk-through: %d then %d, offset %lld",
           first, second, (long long)clock_offset);
    checkf(strstr(g_last_x_aksk, "PasswordDigest=\"b8MSGhXOdJOz3fV5TblmdBQRT1nKdbtVng0LwtKkMjk=\"") !=
                   NULL &&
               strstr(g_last_x_aksk, "Created=\"2024-03-01T08:15:30Z\"") != NULL,
           "the retry is signed at the server's time: %s", g_last_x_aksk);
}

static void test_push_url(void)
{
    struct push_ctx ctx = {CALLSIGN_PUSH_URL_STATUS, "http://218.4.33.55:8888/test"};
    callsign_field_error err;
    char buf[CALLSIGN_HUAWEI_PUSH_URL_MAX_LEN];
    size_t n;
    g_where = "callsign_huawei_voice_push_url";
    check_output_rule("callsign_huawei_voice_push_url", CALLSIGN_HUAWEI_PUSH_URL_MAX_LEN,
                      push_url_adapter, &ctx, "aHR0cDovLzIxOC40LjMzLjU1Ojg4ODgvdGVzdA==", 40);
    memset(&err, 0, sizeof err);
    check_status(CS(callsign_huawei_voice_push_url(CALLSIGN_PUSH_URL_FEE,
                                                   (const uint8_t *)"https://example.com/cb?x=1", 26,
                                                   buf, sizeof buf, &n, &err)),
                 CALLSIGN_INVALID_FIELD, "a query in the URL");
    check_field_error("push url", &err, "feeUrl", NULL, 0);
    memset(buf, 'a', 97);
    memcpy(buf, "http://", 7);
    check_status(CS(callsign_huawei_voice_push_url(CALLSIGN_PUSH_URL_STATUS, (const uint8_t *)buf,
                                                   96, buf + 50, 29, &n, NULL)),
                 CALLSIGN_OVERLAPPING_BUFFERS, "out over the URL");
    {
        static char out[CALLSIGN_HUAWEI_PUSH_URL_MAX_LEN];
        check_status(CS(callsign_huawei_voice_push_url(CALLSIGN_PUSH_URL_STATUS,
                                                       (const uint8_t *)buf, 96, out, sizeof out,
                                                       &n, NULL)),
                     CALLSIGN_OK, "longest URL fits CALLSIGN_HUAWEI_PUSH_URL_MAX_LEN");
        checkf(n + 1 == CALLSIGN_HUAWEI_PUSH_URL_MAX_LEN, "128 Base64 characters: %lu",
               (unsigned long)n);
        check_status(CS(callsign_huawei_voice_push_url(CALLSIGN_PUSH_URL_STATUS,
                                                       (const uint8_t *)buf, 97, out, sizeof out,
                                                       &n, NULL)),
                     CALLSIGN_INVALID_FIELD, "97 bytes");
    }
    check_status(CS(callsign_huawei_voice_push_url(2, (const uint8_t *)"http://a", 8, buf,
                                                   sizeof buf, &n, NULL)),
                 CALLSIGN_INVALID_ARGUMENT, "unknown field");
}

#if defined(CALLSIGN_FEATURE_VERIFY)
/* The push X-AKSK: digest computed independently (Python hmac) over
 * url || nonce || created, spec 2.1. */
static void test_push_verify(void)
{
    static const char hdr[] =
        "UsernameToken Username=\"a1B2c3D4e5F6g7H8i9J0kLmNoPqR\","
        "PasswordDigest=\"EFkBJtHQAZ0BSIruwrO31EEeDbGS80evY3kZunaGYmU=\","
        "Nonce=\"66c92b11ff8a425fb8d4ccfe0ed9ed1f\",Created=\"2024-03-01T08:15:30Z\"";
    static const char app[] = "a1B2c3D4e5F6g7H8i9J0kLmNoPqR";
    static const char secret[] = "Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H";
    static const char url[] = "https://example.com/voice/status";
    static callsign_replay_cache seen;
    const uint64_t now = 1709280930u + 30;
#define PUSH(h, u, a, s, t, skew, r)                                                              \
    CS(callsign_huawei_voice_push_verify((const uint8_t *)(h), strlen(h), (const uint8_t *)(u),  \
                                         strlen(u), (const uint8_t *)(a), strlen(a),              \
                                         (const uint8_t *)(s), strlen(s), (t), (skew), (r)))
    g_where = "callsign_huawei_voice_push_verify";
    check_status(CS(callsign_replay_cache_init(&seen, sizeof seen, CALLSIGN_DEFAULT_MAX_SKEW_SECS)),
                 CALLSIGN_OK, "replay cache");
    check_status(PUSH(hdr, url, app, secret, now, CALLSIGN_DEFAULT_MAX_SKEW_SECS, &seen),
                 CALLSIGN_OK, "authentic push");
    check_status(PUSH(hdr, url, app, secret, now, CALLSIGN_DEFAULT_MAX_SKEW_SECS, &seen),
                 CALLSIGN_REPLAY, "the same push again");
    check_status(PUSH(hdr, "https://example.com/voice/fee", app, secret, now,
                      CALLSIGN_VERIFY_SIGNATURE_ONLY, NULL),
                 CALLSIGN_SIGNATURE_MISMATCH, "another URL");
    check_status(PUSH(hdr, url, app, "other", now, CALLSIGN_VERIFY_SIGNATURE_ONLY, NULL),
                 CALLSIGN_SIGNATURE_MISMATCH, "another secret");
    check_status(PUSH(hdr, url, "A1B2C3D4E5F6G7H8I9J0KLMNOPQR", secret, now,
                      CALLSIGN_VERIFY_SIGNATURE_ONLY, NULL),
                 CALLSIGN_KEY_MISMATCH, "another application");
    check_status(PUSH(hdr, url, app, secret, now + 3600, CALLSIGN_DEFAULT_MAX_SKEW_SECS, NULL),
                 CALLSIGN_TIMESTAMP_TOO_OLD, "an hour later");
    check_status(PUSH("UsernameToken Username=\"x\"", url, app, secret, now,
                      CALLSIGN_VERIFY_SIGNATURE_ONLY, NULL),
                 CALLSIGN_MALFORMED, "malformed value");
    check_status(CS(callsign_huawei_voice_push_verify(NULL, 3, (const uint8_t *)url, strlen(url),
                                                      (const uint8_t *)app, strlen(app),
                                                      (const uint8_t *)secret, strlen(secret), now,
                                                      CALLSIGN_VERIFY_SIGNATURE_ONLY, NULL)),
                 CALLSIGN_NULL_ARGUMENT, "value NULL with a length");
#undef PUSH
    CS_VOID(callsign_replay_cache_wipe(&seen));
}
#endif

/* The *_BODY_MAX_LEN constants are the longest bodies: every field at its
 * longest with the widest escape (a control character, 6 bytes as
 * \u00XX; numbers checked by length only), the longest enum and flag
 * texts and numbers. The bodies must need exactly the constant. */
static callsign_str ctl_text(size_t n)
{
    static char ctl[257];
    memset(ctl, 1, sizeof ctl);
    return txt_of((const uint8_t *)ctl, n);
}

static callsign_str str_of(const char *s)
{
    return txt_of((const uint8_t *)s, strlen(s));
}

static void test_body_max_len(void)
{
    static char b64[CALLSIGN_HUAWEI_PUSH_URL_MAX_LEN];
    char url[97];
    size_t n = 0;
    callsign_huawei_click2call c;
    callsign_huawei_call_verify v;
    callsign_huawei_call_stop s;
    g_where = "body MAX_LEN";
    memset(url, 'a', 96);
    memcpy(url, "http://", 7);
    check_status(CS(callsign_huawei_voice_push_url(CALLSIGN_PUSH_URL_STATUS, (const uint8_t *)url,
                                                   96, b64, sizeof b64, &n, NULL)),
                 CALLSIGN_OK, "longest push URL");
    memset(&c, 0, sizeof c);
    c.number_check = CALLSIGN_NUMBER_CHECK_LENGTH_ONLY;
    c.display_nbr = c.caller_nbr = c.display_callee_nbr = c.callee_nbr = ctl_text(31);
    c.max_duration.present = 1;
    c.max_duration.value = 1440;
    c.last_min_voice = c.pre_voice = c.wait_voice = c.record_hint_tone = ctl_text(128);
    c.last_min_to_ue = str_of("both");
    c.callee_media = str_of("none");
    c.play_pre_voice = c.record_flag = c.party_type_required_in_disconnect = c.return_idle_port =
        str_of("false");
    c.status_url = c.fee_url = str_of(b64);
    c.user_data = ctl_text(256);
    n = 0;
    check_status(CS(callsign_huawei_click2call_body(&c, NULL, 0, &n, NULL)),
                 CALLSIGN_BUFFER_TOO_SMALL, "longest click2Call");
    checkf(n == CALLSIGN_HUAWEI_CLICK2CALL_BODY_MAX_LEN, "longest click2Call needs %lu",
           (unsigned long)n);
    memset(&v, 0, sizeof v);
    v.number_check = CALLSIGN_NUMBER_CHECK_LENGTH_ONLY;
    v.display_nbr = v.callee_nbr = ctl_text(31);
    v.language_type.present = 1;
    v.language_type.value = 2;
    v.pre_tone = v.pos_tone = ctl_text(128);
    v.verify_code = str_of("12345678");
    v.times.present = 1;
    v.times.value = 9;
    v.status_url = v.fee_url = str_of(b64);
    v.return_idle_port = str_of("false");
    v.user_data = ctl_text(256);
    n = 0;
    check_status(CS(callsign_huawei_call_verify_body(&v, NULL, 0, &n, NULL)),
                 CALLSIGN_BUFFER_TOO_SMALL, "longest callVerify");
    checkf(n == CALLSIGN_HUAWEI_CALL_VERIFY_BODY_MAX_LEN, "longest callVerify needs %lu",
           (unsigned long)n);
    memset(&s, 0, sizeof s);
    s.session_id = ctl_text(256);
    n = 0;
    check_status(CS(callsign_huawei_call_stop_body(&s, NULL, 0, &n, NULL)),
                 CALLSIGN_BUFFER_TOO_SMALL, "longest callStop");
    checkf(n == CALLSIGN_HUAWEI_CALL_STOP_BODY_MAX_LEN, "longest callStop needs %lu",
           (unsigned long)n);
    /* One field longer is refused, so the maximum cannot grow. */
    s.session_id = ctl_text(257);
    check_status(CS(callsign_huawei_call_stop_body(&s, NULL, 0, &n, NULL)), CALLSIGN_INVALID_FIELD,
                 "sessionid of 257 bytes");
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
    checkf(API_N_PENDING == 0, "%d vectors of a kind without a C function", API_N_PENDING);
    checkf(API_N_TYPE_ONLY == 2, "%d vectors not expressible in C, want the 2 listed",
           API_N_TYPE_ONLY);
    test_builder_arguments();
    test_parser_arguments();
    test_push_url();
    test_body_max_len();
    test_walkthrough();
#if defined(CALLSIGN_FEATURE_VERIFY)
    test_push_verify();
#endif
    keep_scratch(NULL);
    check_guard_totals();
    printf("c-api: %lu passed, %lu failed\n", n_pass, n_fail);
    return n_fail != 0;
}
