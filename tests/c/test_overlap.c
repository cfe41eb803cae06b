/*
 * The overlap rule of include/callsign.h: no input may share a byte with
 * an output, and no two outputs may share a byte; such a call returns
 * CALLSIGN_OVERLAPPING_BUFFERS and writes nothing. Ranges that only touch
 * are fine.
 *
 * One table row per function that writes (`writers`): its output range (a
 * text buffer, a digest, a context it updates, a replay cache), its inputs
 * with valid default contents, and an adapter that makes the call from a
 * `struct args`. For every row, `run_writer`:
 *   - reference: every input in its own place; the call must succeed;
 *   - every input copied to the start, the middle and the end of the
 *     output range: CALLSIGN_OVERLAPPING_BUFFERS, and not one byte of the
 *     arena (output and placed input) nor *out_len changed;
 *   - every input ending where the output begins and beginning where it
 *     ends (touching): the reference status and, for text and digest
 *     outputs, the reference output;
 *   - text outputs: *out_len inside out (start, middle, end), and each
 *     input covering *out_len: refused.
 * Then the functions with several outputs (`test_outputs`): out inside a
 * context being finished, the APIG outputs against each other and
 * *out_len, the token username outputs, the replay cache counter.
 *
 *   cc -std=c99 -Iinclude tests/c/test_overlap.c target/release/libcallsign.a
 * Last line: "c-overlap: N passed, M failed".
 */
#include "test_common.h"

#define MAX_IN 16
#define ROUND8(n) (((n) + 7u) & ~(size_t)7u)
#define ARENA 8192

/* The arguments of one call: inputs and the output range under test. */
struct args {
    void *in[MAX_IN];
    size_t len[MAX_IN];
    void *out;
    size_t out_cap;
    size_t *out_len;
};

struct writer {
    const char *name;
    size_t out_size; /* bytes of the output range (multiple of 8) */
    int text;        /* out, out_cap, out_len: compare output and *out_len */
    int compare;     /* the output of a touching call equals the reference */
    size_t n_in;
    const char *in_name[MAX_IN];
    const void *in_data[MAX_IN]; /* default contents; NULL: zeros */
    size_t in_len[MAX_IN];       /* 0: strlen(in_data) */
    unsigned aligned;            /* bit i: input i is a struct (8-byte aligned) */
    void (*init_out)(void *out); /* prepares the output (context, cache) or NULL */
    void (*prepare)(struct args *a); /* fills struct inputs from the others, or NULL */
    uint32_t (*call)(const struct args *a);
};

typedef union {
    uint64_t align;
    unsigned char b[ARENA];
} arena_t;

static arena_t arena, home, snap;

#define U8(a, i) ((const uint8_t *)(a)->in[i])
#define L(a, i) ((a)->len[i])
#define OUT(a) ((char *)(a)->out), (a)->out_cap, (a)->out_len

/* ------------------------------------------------------------------ */
/* Shared state and computed inputs. */

#define T_NOW 1700000000u
#define T_SINCH 1710408420u /* 2024-03-14T09:27:00Z */

static callsign_hmac_key g_key;
static callsign_sinch_body_md5 g_md5;
static char g_x_aksk[CALLSIGN_X_AKSK_MAX_LEN];
static char g_x_wsse[CALLSIGN_X_WSSE_MAX_LEN];
static char g_sinch_auth[CALLSIGN_SINCH_AUTHORIZATION_MAX_LEN];
static char g_webhook_sig[CALLSIGN_SINCH_WEBHOOK_SIGNATURE_MAX_LEN];
static char g_mailgun_sig[CALLSIGN_MAILGUN_WEBHOOK_SIGNATURE_MAX_LEN];

static const char SINCH_KEY[] = "a3c1e6b2-4f0d-4b8e-9c7a-2d5e8f1b0c93";
static const char SINCH_SECRET[] = "c2VjcmV0LWtleS1ieXRlcw==";
static const char SINCH_TS[] = "2024-03-14T09:27:00Z";
static const char SINCH_BODY[] = "{\"event\":\"ice\"}";

/* A call made to set up a test, which must succeed. */
static void must(uint32_t rc)
{
    checkf(rc == CALLSIGN_OK, "set-up call: status %s", st(rc));
}

static int fake_random(void *ctx, uint8_t *buf, size_t len)
{
    (void)ctx;
    memset(buf, 0x42, len);
    return 0;
}

static void init_sha256(void *out)
{
    must(callsign_sha256_init((callsign_sha256_ctx *)out));
}
static void init_hmac(void *out)
{
    must(callsign_hmac_sha256_init((callsign_hmac_sha256_ctx *)out, (const uint8_t *)"k", 1));
}
static void init_apig_hasher(void *out)
{
    must(callsign_apig_body_hasher_init((callsign_apig_body_hasher *)out,
                                         CALLSIGN_APIG_SDK_HMAC_SHA256));
}
static void init_md5(void *out)
{
    must(callsign_sinch_body_md5_init((callsign_sinch_body_md5 *)out));
}
static void init_cache(void *out)
{
    must(callsign_replay_cache_init((callsign_replay_cache *)out, sizeof(callsign_replay_cache),
                                    CALLSIGN_MAILGUN_DEFAULT_MAX_AGE_SECS));
}

/* ------------------------------------------------------------------ */
/* Adapters. */

static uint32_t c_ts_ext(const struct args *a)
{
    return callsign_timestamp_extended(T_NOW, OUT(a));
}
static uint32_t c_ts_basic(const struct args *a)
{
    return callsign_timestamp_basic(T_NOW, OUT(a));
}
static uint32_t c_basic(const struct args *a)
{
    return callsign_basic_authorization(U8(a, 0), L(a, 0), U8(a, 1), L(a, 1), OUT(a));
}
static uint32_t c_mailgun_basic(const struct args *a)
{
    return callsign_mailgun_basic_authorization(U8(a, 0), L(a, 0), OUT(a));
}
static uint32_t c_x_aksk(const struct args *a)
{
    return callsign_huawei_voice_x_aksk(U8(a, 0), L(a, 0), U8(a, 1), L(a, 1), U8(a, 2), L(a, 2),
                                        T_NOW, OUT(a));
}
static uint32_t c_x_aksk_key(const struct args *a)
{
    return callsign_huawei_voice_x_aksk_with_key((const callsign_hmac_key *)a->in[0], U8(a, 1),
                                                 L(a, 1), U8(a, 2), L(a, 2), T_NOW, OUT(a));
}
static uint32_t c_x_aksk_random(const struct args *a)
{
    return callsign_huawei_voice_x_aksk_random((const callsign_hmac_key *)a->in[0], U8(a, 1),
                                               L(a, 1), fake_random, NULL, T_NOW, OUT(a));
}
static uint32_t c_x_wsse(const struct args *a)
{
    return callsign_huawei_sms_x_wsse(U8(a, 0), L(a, 0), U8(a, 1), L(a, 1), U8(a, 2), L(a, 2),
                                      T_NOW, CALLSIGN_WSSE_DIGEST_HEX, OUT(a));
}
static uint32_t c_x_wsse_random(const struct args *a)
{
    return callsign_huawei_sms_x_wsse_random(U8(a, 0), L(a, 0), U8(a, 1), L(a, 1), fake_random,
                                             NULL, T_NOW, CALLSIGN_WSSE_DIGEST_HEX, OUT(a));
}
static uint32_t c_hmac_key_init(const struct args *a)
{
    return callsign_hmac_key_init((callsign_hmac_key *)a->out, U8(a, 0), L(a, 0));
}
static uint32_t c_hmac_raw(const struct args *a)
{
    return callsign_hmac_sha256(U8(a, 0), L(a, 0), U8(a, 1), L(a, 1), (uint8_t *)a->out);
}
static uint32_t c_hmac_b64(const struct args *a)
{
    return callsign_hmac_sha256_base64(U8(a, 0), L(a, 0), U8(a, 1), L(a, 1), OUT(a));
}
static uint32_t c_hmac_hex(const struct args *a)
{
    return callsign_hmac_sha256_hex(U8(a, 0), L(a, 0), U8(a, 1), L(a, 1), OUT(a));
}
static uint32_t c_hmac_init(const struct args *a)
{
    return callsign_hmac_sha256_init((callsign_hmac_sha256_ctx *)a->out, U8(a, 0), L(a, 0));
}
static uint32_t c_hmac_init_key(const struct args *a)
{
    return callsign_hmac_sha256_init_with_key((callsign_hmac_sha256_ctx *)a->out,
                                              (const callsign_hmac_key *)a->in[0]);
}
static uint32_t c_hmac_update(const struct args *a)
{
    return callsign_hmac_sha256_update((callsign_hmac_sha256_ctx *)a->out, U8(a, 0), L(a, 0));
}
static uint32_t c_sha256(const struct args *a)
{
    return callsign_sha256(U8(a, 0), L(a, 0), (uint8_t *)a->out);
}
static uint32_t c_sha256_update(const struct args *a)
{
    return callsign_sha256_update((callsign_sha256_ctx *)a->out, U8(a, 0), L(a, 0));
}

/* APIG: 0 credentials, 1 app key, 2 secret, 3 request, 4 method, 5 host,
 * 6 path, 7 query (1 pair), 8 query name, 9 query value, 10 headers (1
 * pair), 11 header name, 12 header value, 13 body; V11 adds 14 region and
 * 15 service. */
static void p_apig(struct args *a)
{
    callsign_apig_credentials *c = (callsign_apig_credentials *)a->in[0];
    callsign_apig_request *r = (callsign_apig_request *)a->in[3];
    callsign_pair *q = (callsign_pair *)a->in[7], *h = (callsign_pair *)a->in[10];
    memset(c, 0, sizeof *c);
    c->app_key = U8(a, 1);
    c->app_key_len = L(a, 1);
    c->secret = U8(a, 2);
    c->secret_len = L(a, 2);
    c->algorithm = CALLSIGN_APIG_SDK_HMAC_SHA256;
    c->variant = CALLSIGN_APIG_VARIANT_CORE;
    if (a->in[14] != NULL) {
        c->algorithm = CALLSIGN_APIG_V11_HMAC_SHA256;
        c->region = U8(a, 14);
        c->region_len = L(a, 14);
        c->service = U8(a, 15);
        c->service_len = L(a, 15);
    }
    memset(r, 0, sizeof *r);
    r->method = U8(a, 4);
    r->method_len = L(a, 4);
    r->host = U8(a, 5);
    r->host_len = L(a, 5);
    r->path = U8(a, 6);
    r->path_len = L(a, 6);
    q->name = U8(a, 8);
    q->name_len = L(a, 8);
    q->value = U8(a, 9);
    q->value_len = L(a, 9);
    r->query = q;
    r->query_count = 1;
    h->name = U8(a, 11);
    h->name_len = L(a, 11);
    h->value = U8(a, 12);
    h->value_len = L(a, 12);
    r->headers = h;
    r->header_count = 1;
    r->body_kind = CALLSIGN_APIG_BODY_BYTES;
    r->body = U8(a, 13);
    r->body_len = L(a, 13);
    r->date_unix = T_NOW;
}
static uint32_t c_apig(const struct args *a)
{
    return callsign_huawei_apig_sign((const callsign_apig_credentials *)a->in[0],
                                     (const callsign_apig_request *)a->in[3], OUT(a), NULL);
}
static uint32_t c_apig_hasher_update(const struct args *a)
{
    return callsign_apig_body_hasher_update((callsign_apig_body_hasher *)a->out, U8(a, 0),
                                            L(a, 0));
}
static uint32_t c_md5_update(const struct args *a)
{
    return callsign_sinch_body_md5_update((callsign_sinch_body_md5 *)a->out, U8(a, 0), L(a, 0));
}

/* Sinch request: R the request struct, then method, target, content type,
 * x-timestamp, and the body (bytes, or an MD5 struct when md5 is set). */
static void sinch_request(struct args *a, size_t R, int md5)
{
    callsign_sinch_request *r = (callsign_sinch_request *)a->in[R];
    memset(r, 0, sizeof *r);
    r->scheme = CALLSIGN_SINCH_APPLICATION;
    r->method = U8(a, R + 1);
    r->method_len = L(a, R + 1);
    r->target = U8(a, R + 2);
    r->target_len = L(a, R + 2);
    r->content_type = U8(a, R + 3);
    r->content_type_len = L(a, R + 3);
    r->x_timestamp = U8(a, R + 4);
    r->x_timestamp_len = L(a, R + 4);
    if (md5) {
        r->body_md5 = (const callsign_sinch_body_md5 *)a->in[R + 5];
    } else {
        r->body = U8(a, R + 5);
        r->body_len = L(a, R + 5);
    }
}
/* 0 key, 1 secret, 2 request, 3..7 as sinch_request. */
static void p_sinch_sign(struct args *a)
{
    sinch_request(a, 2, 0);
}
static void p_sinch_sign_md5(struct args *a)
{
    sinch_request(a, 2, 1);
}
static uint32_t c_sinch_sign(const struct args *a)
{
    return callsign_sinch_application_sign(U8(a, 0), L(a, 0), U8(a, 1), L(a, 1),
                                           (const callsign_sinch_request *)a->in[2], OUT(a));
}
static void p_sinch_sts(struct args *a)
{
    sinch_request(a, 0, 0);
}
static uint32_t c_sinch_sts(const struct args *a)
{
    return callsign_sinch_application_string_to_sign((const callsign_sinch_request *)a->in[0],
                                                     OUT(a));
}

/* The API-surface builders: input 0 is the request struct, filled from
 * the inputs that follow it. */
static callsign_str str_at(const struct args *a, size_t i)
{
    callsign_str t;
    t.ptr = U8(a, i);
    t.len = L(a, i);
    return t;
}
/* 0 request, 1..4 the numbers, 5 userData. */
static void p_click2call(struct args *a)
{
    callsign_huawei_click2call *r = (callsign_huawei_click2call *)a->in[0];
    memset(r, 0, sizeof *r);
    r->display_nbr = str_at(a, 1);
    r->caller_nbr = str_at(a, 2);
    r->display_callee_nbr = str_at(a, 3);
    r->callee_nbr = str_at(a, 4);
    r->user_data = str_at(a, 5);
}
static uint32_t c_click2call(const struct args *a)
{
    return callsign_huawei_click2call_body((const callsign_huawei_click2call *)a->in[0], OUT(a),
                                           NULL);
}
/* 0 request, 1 displayNbr, 2 calleeNbr, 3 preTone, 4 verifyCode. */
static void p_call_verify(struct args *a)
{
    callsign_huawei_call_verify *r = (callsign_huawei_call_verify *)a->in[0];
    memset(r, 0, sizeof *r);
    r->display_nbr = str_at(a, 1);
    r->callee_nbr = str_at(a, 2);
    r->language_type.present = 1;
    r->language_type.value = 2;
    r->pre_tone = str_at(a, 3);
    r->verify_code = str_at(a, 4);
}
static uint32_t c_call_verify(const struct args *a)
{
    return callsign_huawei_call_verify_body((const callsign_huawei_call_verify *)a->in[0], OUT(a),
                                            NULL);
}
/* 0 request, 1 sessionid, 2 signal. */
static void p_call_stop(struct args *a)
{
    callsign_huawei_call_stop *r = (callsign_huawei_call_stop *)a->in[0];
    r->session_id = str_at(a, 1);
    r->signal = str_at(a, 2);
}
static uint32_t c_call_stop(const struct args *a)
{
    return callsign_huawei_call_stop_body((const callsign_huawei_call_stop *)a->in[0], OUT(a),
                                          NULL);
}
/* 0 request, 1 from, 2 to, 3 templateId, 4 variable list, 5 variable. */
static void p_sms_batch(struct args *a)
{
    callsign_huawei_sms_batch *r = (callsign_huawei_sms_batch *)a->in[0];
    callsign_str *paras = (callsign_str *)a->in[4];
    memset(r, 0, sizeof *r);
    r->from = str_at(a, 1);
    r->to = str_at(a, 2);
    r->template_id = str_at(a, 3);
    paras[0] = str_at(a, 5);
    r->template_paras = paras;
    r->template_para_count = 1;
}
static uint32_t c_sms_batch(const struct args *a)
{
    return callsign_huawei_sms_batch_body((const callsign_huawei_sms_batch *)a->in[0], OUT(a),
                                          NULL);
}
/* 0 request, 1 from, 2 group, 3 number list, 4 number, 5 templateId. */
static void p_sms_batch_diff(struct args *a)
{
    callsign_huawei_sms_batch_diff *r = (callsign_huawei_sms_batch_diff *)a->in[0];
    callsign_huawei_sms_content *g = (callsign_huawei_sms_content *)a->in[2];
    callsign_str *to = (callsign_str *)a->in[3];
    memset(r, 0, sizeof *r);
    memset(g, 0, sizeof *g);
    r->from = str_at(a, 1);
    to[0] = str_at(a, 4);
    g->to = to;
    g->to_count = 1;
    g->template_id = str_at(a, 5);
    r->sms_content = g;
    r->sms_content_count = 1;
}
static uint32_t c_sms_batch_diff(const struct args *a)
{
    return callsign_huawei_sms_batch_diff_body((const callsign_huawei_sms_batch_diff *)a->in[0],
                                               OUT(a), NULL);
}
static uint32_t c_push_url(const struct args *a)
{
    return callsign_huawei_voice_push_url(CALLSIGN_PUSH_URL_FEE, U8(a, 0), L(a, 0), OUT(a), NULL);
}
static uint32_t c_oauth2_authorization(const struct args *a)
{
    return callsign_sinch_oauth2_authorization(U8(a, 0), L(a, 0), U8(a, 1), L(a, 1), OUT(a));
}
static uint32_t c_oauth2_token_url(const struct args *a)
{
    return callsign_sinch_oauth2_token_url(U8(a, 0), L(a, 0), (const char **)a->out, NULL);
}

/* The API-surface parsers: input 0 is the body; the output under test is
 * the result struct (scratch, lists and counts in their own places). */
static uint8_t g_scratch[512];
static size_t g_scratch_len, g_count;
static callsign_token_cache g_tokens;
static uint32_t c_voice_response(const struct args *a)
{
    return callsign_huawei_voice_response_parse(U8(a, 0), L(a, 0), 200, g_scratch,
                                                sizeof g_scratch, &g_scratch_len,
                                                (callsign_huawei_voice_response *)a->out, NULL);
}
static uint32_t c_sms_response(const struct args *a)
{
    static callsign_huawei_sms_result res[2];
    return callsign_huawei_sms_response_parse(U8(a, 0), L(a, 0), 200, res, 2, &g_count, g_scratch,
                                              sizeof g_scratch, &g_scratch_len,
                                              (callsign_huawei_sms_response *)a->out, NULL);
}
static uint32_t c_voice_notification(const struct args *a)
{
    static callsign_huawei_fee_record fees[2];
    return callsign_huawei_voice_notification_parse(
        U8(a, 0), L(a, 0), fees, 2, &g_count, g_scratch, sizeof g_scratch, &g_scratch_len,
        (callsign_huawei_voice_notification *)a->out, NULL);
}
static uint32_t c_status_report(const struct args *a)
{
    return callsign_huawei_sms_status_report_parse(
        U8(a, 0), L(a, 0), U8(a, 1), L(a, 1), g_scratch, sizeof g_scratch, &g_scratch_len,
        (callsign_huawei_sms_status_report *)a->out, NULL);
}
static uint32_t c_token_parse(const struct args *a)
{
    return callsign_sinch_oauth2_token_parse(U8(a, 0), L(a, 0), T_NOW, g_scratch, sizeof g_scratch,
                                             &g_scratch_len,
                                             (callsign_sinch_oauth2_token *)a->out, NULL);
}
static uint32_t c_result_code(const struct args *a)
{
    return callsign_huawei_result_code(CALLSIGN_RESULT_CODES_VOICE, 401, U8(a, 0), L(a, 0),
                                       (callsign_result_code *)a->out);
}
static void init_tokens(void *out)
{
    must(callsign_token_cache_init((callsign_token_cache *)out));
}
/* 0 token struct, 1 access token. */
static void p_token_store(struct args *a)
{
    callsign_sinch_oauth2_token *t = (callsign_sinch_oauth2_token *)a->in[0];
    memset(t, 0, sizeof *t);
    t->access_token.ptr = U8(a, 1);
    t->access_token.len = L(a, 1);
    t->expires_in = 3600;
    t->expires_at = T_NOW + 3600;
    t->refresh_at = T_NOW + 3540;
}
static uint32_t c_token_store(const struct args *a)
{
    return callsign_token_cache_store((callsign_token_cache *)a->out,
                                      (const callsign_sinch_oauth2_token *)a->in[0]);
}

/* Pairs at input P from the name/value inputs that follow it. */
static void fill_pairs(struct args *a, size_t P, size_t n)
{
    callsign_pair *p = (callsign_pair *)a->in[P];
    size_t k;
    for (k = 0; k < n; k++) {
        p[k].name = U8(a, P + 1 + 2 * k);
        p[k].name_len = L(a, P + 1 + 2 * k);
        p[k].value = U8(a, P + 2 + 2 * k);
        p[k].value_len = L(a, P + 2 + 2 * k);
    }
}

/* Callback verify: 0 key, 1 secret, 2 method, 3 path, 4 body (bytes or
 * MD5 struct), 5 headers (3 pairs), 6..11 names and values. */
static void p_callback(struct args *a)
{
    fill_pairs(a, 5, 3);
}
static uint32_t c_callback(const struct args *a)
{
    return callsign_sinch_callback_verify(
        CALLSIGN_SINCH_APPLICATION, U8(a, 0), L(a, 0), U8(a, 1), L(a, 1), U8(a, 2), L(a, 2),
        U8(a, 3), L(a, 3), (const callsign_pair *)a->in[5], 3, U8(a, 4), L(a, 4), NULL, T_SINCH,
        CALLSIGN_DEFAULT_MAX_SKEW_SECS, (callsign_replay_cache *)a->out);
}
static uint32_t c_callback_md5(const struct args *a)
{
    return callsign_sinch_callback_verify(
        CALLSIGN_SINCH_APPLICATION, U8(a, 0), L(a, 0), U8(a, 1), L(a, 1), U8(a, 2), L(a, 2),
        U8(a, 3), L(a, 3), (const callsign_pair *)a->in[5], 3, NULL, 0,
        (const callsign_sinch_body_md5 *)a->in[4], T_SINCH, CALLSIGN_DEFAULT_MAX_SKEW_SECS,
        (callsign_replay_cache *)a->out);
}
static uint32_t c_webhook_sign(const struct args *a)
{
    return callsign_sinch_webhook_sign(U8(a, 0), L(a, 0), U8(a, 1), L(a, 1), U8(a, 2), L(a, 2),
                                       U8(a, 3), L(a, 3), OUT(a));
}
/* Webhook verify: 0 secret, 1 body, 2 headers (4 pairs), 3..10 names and values. */
static void p_webhook(struct args *a)
{
    fill_pairs(a, 2, 4);
}
static uint32_t c_webhook_verify(const struct args *a)
{
    return callsign_sinch_webhook_verify(U8(a, 0), L(a, 0), (const callsign_pair *)a->in[2], 4,
                                         U8(a, 1), L(a, 1), T_NOW, CALLSIGN_DEFAULT_MAX_SKEW_SECS,
                                         (callsign_replay_cache *)a->out);
}
static uint32_t c_numbers_sign(const struct args *a)
{
    return callsign_sinch_numbers_sign(U8(a, 0), L(a, 0), U8(a, 1), L(a, 1), OUT(a));
}
static uint32_t c_mailgun_sign(const struct args *a)
{
    return callsign_mailgun_webhook_sign(U8(a, 0), L(a, 0), U8(a, 1), L(a, 1), U8(a, 2), L(a, 2),
                                         OUT(a));
}
static uint32_t c_mailgun_verify(const struct args *a)
{
    return callsign_mailgun_webhook_verify(U8(a, 0), L(a, 0), U8(a, 1), L(a, 1), U8(a, 2),
                                           L(a, 2), U8(a, 3), L(a, 3), T_NOW,
                                           CALLSIGN_MAILGUN_DEFAULT_MAX_AGE_SECS,
                                           (callsign_replay_cache *)a->out);
}
#if defined(CALLSIGN_FEATURE_API)
/* A push X-AKSK at T_NOW (digest computed with Python's hmac). */
#define PUSH_X_AKSK                                                                                \
    "UsernameToken Username=\"a1B2c3D4e5F6g7H8i9J0kLmNoPqR\",PasswordDigest=\"zKbbn/u/EfQw/oqZhOtlbBaWEMGYZ1kojDk9gMGi5FU=\","        \
    "Nonce=\"66C92B11FF8A425FB8D4CCFE0ED9ED1F\",Created=\"2023-11-14T22:13:20Z\""
static uint32_t c_push_verify(const struct args *a)
{
    return callsign_huawei_voice_push_verify(U8(a, 0), L(a, 0), U8(a, 1), L(a, 1), U8(a, 2),
                                             L(a, 2), U8(a, 3), L(a, 3), T_NOW,
                                             CALLSIGN_DEFAULT_MAX_SKEW_SECS,
                                             (callsign_replay_cache *)a->out);
}
#endif
static uint32_t c_x_aksk_verify(const struct args *a)
{
    return callsign_huawei_voice_x_aksk_verify(U8(a, 0), L(a, 0), U8(a, 1), L(a, 1), U8(a, 2),
                                               L(a, 2), T_NOW, CALLSIGN_DEFAULT_MAX_SKEW_SECS,
                                               (callsign_replay_cache *)a->out);
}
static uint32_t c_x_aksk_verify_key(const struct args *a)
{
    return callsign_huawei_voice_x_aksk_verify_with_key(
        (const callsign_hmac_key *)a->in[0], U8(a, 1), L(a, 1), U8(a, 2), L(a, 2), T_NOW,
        CALLSIGN_DEFAULT_MAX_SKEW_SECS, (callsign_replay_cache *)a->out);
}
static uint32_t c_x_wsse_verify(const struct args *a)
{
    return callsign_huawei_sms_x_wsse_verify(U8(a, 0), L(a, 0), U8(a, 1), L(a, 1), U8(a, 2),
                                             L(a, 2), CALLSIGN_WSSE_DIGEST_HEX, T_NOW,
                                             CALLSIGN_DEFAULT_MAX_SKEW_SECS,
                                             (callsign_replay_cache *)a->out);
}

/* ------------------------------------------------------------------ */
/* The table. */

#define APP_KEY "a1B2c3D4e5F6g7H8i9J0kLmNoPqR"
#define SECRET "app-secret-0123456789"
#define NONCE "66C92B11FF8A425FB8D4CCFE0ED9ED1F"
#define TEXT(max) ROUND8(max), 1, 1
#define PAIRS(n) (NULL), (n) * sizeof(callsign_pair)

static struct writer writers[] = {
    {"callsign_timestamp_extended", TEXT(CALLSIGN_TIMESTAMP_EXTENDED_MAX_LEN), 0, {0}, {0}, {0}, 0,
     NULL, NULL, c_ts_ext},
    {"callsign_timestamp_basic", TEXT(CALLSIGN_TIMESTAMP_BASIC_MAX_LEN), 0, {0}, {0}, {0}, 0, NULL,
     NULL, c_ts_basic},
    {"callsign_basic_authorization", TEXT(CALLSIGN_BASIC_MAX_LEN), 2, {"user", "secret"},
     {"key-id", "key-secret"}, {0, 0}, 0, NULL, NULL, c_basic},
    {"callsign_mailgun_basic_authorization", TEXT(CALLSIGN_BASIC_MAX_LEN), 1, {"api_key"},
     {"key-3ax6xnjp29jd6fds4gc373sgvjxteol0"}, {0}, 0, NULL, NULL, c_mailgun_basic},
    {"callsign_huawei_voice_x_aksk", TEXT(CALLSIGN_X_AKSK_MAX_LEN), 3,
     {"app_key", "secret", "nonce"}, {APP_KEY, SECRET, NONCE}, {0, 0, 0}, 0, NULL, NULL, c_x_aksk},
    {"callsign_huawei_voice_x_aksk_with_key", TEXT(CALLSIGN_X_AKSK_MAX_LEN), 3,
     {"key", "app_key", "nonce"}, {&g_key, APP_KEY, NONCE}, {sizeof(callsign_hmac_key), 0, 0}, 1u,
     NULL, NULL, c_x_aksk_key},
    {"callsign_huawei_voice_x_aksk_random", TEXT(CALLSIGN_X_AKSK_MAX_LEN), 2, {"key", "app_key"},
     {&g_key, APP_KEY}, {sizeof(callsign_hmac_key), 0}, 1u, NULL, NULL, c_x_aksk_random},
    {"callsign_huawei_sms_x_wsse", TEXT(CALLSIGN_X_WSSE_MAX_LEN), 3, {"app_key", "secret", "nonce"},
     {APP_KEY, SECRET, NONCE}, {0, 0, 0}, 0, NULL, NULL, c_x_wsse},
    {"callsign_huawei_sms_x_wsse_random", TEXT(CALLSIGN_X_WSSE_MAX_LEN), 2, {"app_key", "secret"},
     {APP_KEY, SECRET}, {0, 0}, 0, NULL, NULL, c_x_wsse_random},
    {"callsign_hmac_key_init", sizeof(callsign_hmac_key), 0, 0, 1, {"key"}, {SECRET}, {0}, 0, NULL,
     NULL, c_hmac_key_init},
    {"callsign_hmac_sha256", CALLSIGN_SHA256_LEN, 0, 1, 2, {"key", "msg"},
     {"key", "The quick brown fox"}, {0, 0}, 0, NULL, NULL, c_hmac_raw},
    {"callsign_hmac_sha256_base64", TEXT(CALLSIGN_DIGEST_BASE64_MAX_LEN), 2, {"key", "msg"},
     {"key", "The quick brown fox"}, {0, 0}, 0, NULL, NULL, c_hmac_b64},
    {"callsign_hmac_sha256_hex", TEXT(CALLSIGN_DIGEST_HEX_MAX_LEN), 2, {"key", "msg"},
     {"key", "The quick brown fox"}, {0, 0}, 0, NULL, NULL, c_hmac_hex},
    {"callsign_hmac_sha256_init", sizeof(callsign_hmac_sha256_ctx), 0, 0, 1, {"key"}, {SECRET},
     {0}, 0, NULL, NULL, c_hmac_init},
    {"callsign_hmac_sha256_init_with_key", sizeof(callsign_hmac_sha256_ctx), 0, 0, 1, {"key"},
     {&g_key}, {sizeof(callsign_hmac_key)}, 1u, NULL, NULL, c_hmac_init_key},
    {"callsign_hmac_sha256_update", sizeof(callsign_hmac_sha256_ctx), 0, 0, 1, {"data"},
     {"The quick brown fox"}, {0}, 0, init_hmac, NULL, c_hmac_update},
    {"callsign_sha256", CALLSIGN_SHA256_LEN, 0, 1, 1, {"data"}, {"abc"}, {0}, 0, NULL, NULL,
     c_sha256},
    {"callsign_sha256_update", sizeof(callsign_sha256_ctx), 0, 0, 1, {"data"},
     {"The quick brown fox"}, {0}, 0, init_sha256, NULL, c_sha256_update},
    {"callsign_huawei_apig_sign", TEXT(CALLSIGN_APIG_AUTHORIZATION_MAX_LEN), 14,
     {"credentials", "app_key", "secret", "request", "method", "host", "path", "query",
      "query name", "query value", "headers", "header name", "header value", "body"},
     {NULL, "AK0123456789", "SK-secret", NULL, "POST", "iam.example.com", "/v3/users", NULL, "a",
      "1", NULL, "Content-Type", "application/json", "{\"user\":1}"},
     {sizeof(callsign_apig_credentials), 0, 0, sizeof(callsign_apig_request), 0, 0, 0,
      sizeof(callsign_pair), 0, 0, sizeof(callsign_pair), 0, 0, 0},
     (1u << 0) | (1u << 3) | (1u << 7) | (1u << 10), NULL, p_apig, c_apig},
    {"callsign_huawei_apig_sign (V11)", TEXT(CALLSIGN_APIG_AUTHORIZATION_MAX_LEN), 16,
     {"credentials", "app_key", "secret", "request", "method", "host", "path", "query",
      "query name", "query value", "headers", "header name", "header value", "body", "region",
      "service"},
     {NULL, "AK0123456789", "SK-secret", NULL, "POST", "iam.example.com", "/v3/users", NULL, "a",
      "1", NULL, "Content-Type", "application/json", "{\"user\":1}", "cn-north-4", "iam"},
     {sizeof(callsign_apig_credentials), 0, 0, sizeof(callsign_apig_request), 0, 0, 0,
      sizeof(callsign_pair), 0, 0, sizeof(callsign_pair), 0, 0, 0, 0, 0},
     (1u << 0) | (1u << 3) | (1u << 7) | (1u << 10), NULL, p_apig, c_apig},
    {"callsign_apig_body_hasher_update", sizeof(callsign_apig_body_hasher), 0, 0, 1, {"data"},
     {"The quick brown fox"}, {0}, 0, init_apig_hasher, NULL, c_apig_hasher_update},
    {"callsign_sinch_body_md5_update", sizeof(callsign_sinch_body_md5), 0, 0, 1, {"data"},
     {"The quick brown fox"}, {0}, 0, init_md5, NULL, c_md5_update},
    {"callsign_sinch_application_sign", TEXT(CALLSIGN_SINCH_AUTHORIZATION_MAX_LEN), 8,
     {"key", "secret", "request", "method", "target", "content_type", "x_timestamp", "body"},
     {SINCH_KEY, SINCH_SECRET, NULL, "POST", "/calling/v1/callouts", "application/json", SINCH_TS,
      SINCH_BODY},
     {0, 0, sizeof(callsign_sinch_request), 0, 0, 0, 0, 0}, 1u << 2, NULL, p_sinch_sign,
     c_sinch_sign},
    {"callsign_sinch_application_sign (body_md5)", TEXT(CALLSIGN_SINCH_AUTHORIZATION_MAX_LEN), 8,
     {"key", "secret", "request", "method", "target", "content_type", "x_timestamp", "body_md5"},
     {SINCH_KEY, SINCH_SECRET, NULL, "POST", "/calling/v1/callouts", "application/json", SINCH_TS,
      &g_md5},
     {0, 0, sizeof(callsign_sinch_request), 0, 0, 0, 0, sizeof(callsign_sinch_body_md5)},
     (1u << 2) | (1u << 7), NULL, p_sinch_sign_md5, c_sinch_sign},
    {"callsign_sinch_application_string_to_sign", TEXT(CALLSIGN_SINCH_STRING_TO_SIGN_MAX_LEN), 6,
     {"request", "method", "target", "content_type", "x_timestamp", "body"},
     {NULL, "POST", "/calling/v1/callouts", "application/json", SINCH_TS, SINCH_BODY},
     {sizeof(callsign_sinch_request), 0, 0, 0, 0, 0}, 1u, NULL, p_sinch_sts, c_sinch_sts},
    {"callsign_sinch_callback_verify", sizeof(callsign_replay_cache), 0, 0, 12,
     {"key", "secret", "method", "path", "body", "headers", "authorization name",
      "authorization value", "content-type name", "content-type value", "x-timestamp name",
      "x-timestamp value"},
     {SINCH_KEY, SINCH_SECRET, "POST", "/calling/v1/callouts", SINCH_BODY, NULL, "Authorization",
      g_sinch_auth, "Content-Type", "application/json", "x-timestamp", SINCH_TS},
     {0, 0, 0, 0, 0, 3 * sizeof(callsign_pair), 0, 0, 0, 0, 0, 0}, 1u << 5, init_cache,
     p_callback, c_callback},
    {"callsign_sinch_callback_verify (body_md5)", sizeof(callsign_replay_cache), 0, 0, 12,
     {"key", "secret", "method", "path", "body_md5", "headers", "authorization name",
      "authorization value", "content-type name", "content-type value", "x-timestamp name",
      "x-timestamp value"},
     {SINCH_KEY, SINCH_SECRET, "POST", "/calling/v1/callouts", &g_md5, NULL, "Authorization",
      g_sinch_auth, "Content-Type", "application/json", "x-timestamp", SINCH_TS},
     {0, 0, 0, 0, sizeof(callsign_sinch_body_md5), 3 * sizeof(callsign_pair), 0, 0, 0, 0, 0, 0},
     (1u << 4) | (1u << 5), init_cache, p_callback, c_callback_md5},
    {"callsign_sinch_webhook_sign", TEXT(CALLSIGN_SINCH_WEBHOOK_SIGNATURE_MAX_LEN), 4,
     {"secret", "body", "nonce", "timestamp"},
     {"webhook-secret", SINCH_BODY, "01FJA8B4A7BM43YGWSG9GBV067", "1700000000"}, {0, 0, 0, 0}, 0,
     NULL, NULL, c_webhook_sign},
    {"callsign_sinch_webhook_verify", sizeof(callsign_replay_cache), 0, 0, 11,
     {"secret", "body", "headers", "signature name", "signature value", "nonce name",
      "nonce value", "timestamp name", "timestamp value", "algorithm name", "algorithm value"},
     {"webhook-secret", SINCH_BODY, NULL, "x-sinch-webhook-signature", g_webhook_sig,
      "x-sinch-webhook-signature-nonce", "01FJA8B4A7BM43YGWSG9GBV067",
      "x-sinch-webhook-signature-timestamp", "1700000000", "x-sinch-webhook-signature-algorithm",
      "HmacSHA256"},
     {0, 0, 4 * sizeof(callsign_pair), 0, 0, 0, 0, 0, 0, 0, 0}, 1u << 2, init_cache, p_webhook,
     c_webhook_verify},
    {"callsign_sinch_numbers_sign", TEXT(CALLSIGN_SINCH_NUMBERS_SIGNATURE_MAX_LEN), 2,
     {"secret", "body"}, {"numbers-secret", SINCH_BODY}, {0, 0}, 0, NULL, NULL, c_numbers_sign},
    {"callsign_mailgun_webhook_sign", TEXT(CALLSIGN_MAILGUN_WEBHOOK_SIGNATURE_MAX_LEN), 3,
     {"signing_key", "timestamp", "token"},
     {"mailgun-signing-key", "1700000000", "5d5f6a0c5c6e4b8f"}, {0, 0, 0}, 0, NULL, NULL,
     c_mailgun_sign},
    {"callsign_mailgun_webhook_verify", sizeof(callsign_replay_cache), 0, 0, 4,
     {"signing_key", "timestamp", "token", "signature"},
     {"mailgun-signing-key", "1700000000", "5d5f6a0c5c6e4b8f", g_mailgun_sig}, {0, 0, 0, 0}, 0,
     init_cache, NULL, c_mailgun_verify},
    {"callsign_huawei_voice_x_aksk_verify", sizeof(callsign_replay_cache), 0, 0, 3,
     {"value", "username", "secret"}, {g_x_aksk, APP_KEY, SECRET}, {0, 0, 0}, 0, init_cache, NULL,
     c_x_aksk_verify},
    {"callsign_huawei_voice_x_aksk_verify_with_key", sizeof(callsign_replay_cache), 0, 0, 3,
     {"key", "value", "username"}, {&g_key, g_x_aksk, APP_KEY},
     {sizeof(callsign_hmac_key), 0, 0}, 1u, init_cache, NULL, c_x_aksk_verify_key},
#if defined(CALLSIGN_FEATURE_API)
    {"callsign_huawei_voice_push_verify", sizeof(callsign_replay_cache), 0, 0, 4,
     {"value", "url", "username", "secret"},
     {PUSH_X_AKSK, "https://example.com/voice/status", APP_KEY, SECRET}, {0, 0, 0, 0}, 0,
     init_cache, NULL, c_push_verify},
#endif
    {"callsign_huawei_sms_x_wsse_verify", sizeof(callsign_replay_cache), 0, 0, 3,
     {"value", "username", "secret"}, {g_x_wsse, APP_KEY, SECRET}, {0, 0, 0}, 0, init_cache, NULL,
     c_x_wsse_verify},
    {"callsign_huawei_click2call_body", TEXT(512), 6,
     {"request", "displayNbr", "callerNbr", "displayCalleeNbr", "calleeNbr", "userData"},
     {NULL, "+8675528000088", "+8613500000001", "+8675528000088", "+8613500000002", "cwgtest"},
     {sizeof(callsign_huawei_click2call), 0, 0, 0, 0, 0}, 1u, NULL, p_click2call, c_click2call},
    {"callsign_huawei_call_verify_body", TEXT(512), 5,
     {"request", "displayNbr", "calleeNbr", "preTone", "verifyCode"},
     {NULL, "+8653159511234", "+8613500000001", "test.wav", "1234"},
     {sizeof(callsign_huawei_call_verify), 0, 0, 0, 0}, 1u, NULL, p_call_verify, c_call_verify},
    {"callsign_huawei_call_stop_body", TEXT(512), 3, {"request", "sessionid", "signal"},
     {NULL, "1200_366_0_20161228102743@callenabler.home1.com", "call_stop"},
     {sizeof(callsign_huawei_call_stop), 0, 0}, 1u, NULL, p_call_stop, c_call_stop},
    {"callsign_huawei_sms_batch_body", TEXT(512), 6,
     {"request", "from", "to", "templateId", "templateParas", "variable"},
     {NULL, "csms12345678", "+8615123456789", "8ff55eac1d0b478ab3c06c3c6a492300", NULL, "369751"},
     {sizeof(callsign_huawei_sms_batch), 0, 0, 0, sizeof(callsign_str), 0}, 1u | (1u << 4), NULL,
     p_sms_batch, c_sms_batch},
    {"callsign_huawei_sms_batch_diff_body", TEXT(512), 6,
     {"request", "from", "smsContent", "to list", "to", "templateId"},
     {NULL, "csms12345678", NULL, NULL, "+8615123456789", "8ff55eac1d0b478ab3c06c3c6a492300"},
     {sizeof(callsign_huawei_sms_batch_diff), 0, sizeof(callsign_huawei_sms_content),
      sizeof(callsign_str), 0, 0},
     1u | (1u << 2) | (1u << 3), NULL, p_sms_batch_diff, c_sms_batch_diff},
    {"callsign_huawei_voice_push_url", TEXT(CALLSIGN_HUAWEI_PUSH_URL_MAX_LEN), 1, {"url"},
     {"http://218.4.33.55:8888/test"}, {0}, 0, NULL, NULL, c_push_url},
    {"callsign_sinch_oauth2_authorization", TEXT(CALLSIGN_BASIC_MAX_LEN), 2,
     {"key_id", "key_secret"}, {"YOUR_KEY_ID", "YOUR_KEY_SECRET"}, {0, 0}, 0, NULL, NULL,
     c_oauth2_authorization},
    {"callsign_sinch_oauth2_token_url", sizeof(const char *), 0, 1, 1, {"region"}, {"eu"}, {0}, 0,
     NULL, NULL, c_oauth2_token_url},
    {"callsign_huawei_voice_response_parse", ROUND8(sizeof(callsign_huawei_voice_response)), 0, 0,
     1, {"body"}, {"{\"resultcode\":\"1010013\",\"resultdesc\":\"Time\\/out\"}"}, {0}, 0, NULL,
     NULL, c_voice_response},
    {"callsign_huawei_sms_response_parse", ROUND8(sizeof(callsign_huawei_sms_response)), 0, 0, 1,
     {"body"},
     {"{\"code\":\"000000\",\"description\":\"\\u0041\"}"},
     {0}, 0, NULL, NULL, c_sms_response},
    {"callsign_huawei_voice_notification_parse", ROUND8(sizeof(callsign_huawei_voice_notification)),
     0, 0, 1, {"body"},
     {"{\"eventType\":\"disconnect\",\"statusInfo\":{\"sessionId\":\"s\",\"stateCode\":0,"
      "\"stateDesc\":\"The user releases the call\\u002e\"}}"},
     {0}, 0, NULL, NULL, c_voice_notification},
    {"callsign_huawei_sms_status_report_parse", ROUND8(sizeof(callsign_huawei_sms_status_report)),
     0, 0, 2, {"body", "content_type"},
     {"smsMsgId=a_1&status=DELIVRD&extend=order+42%26x%3Dy", "application/x-www-form-urlencoded"},
     {0, 0}, 0, NULL, NULL, c_status_report},
    {"callsign_sinch_oauth2_token_parse", ROUND8(sizeof(callsign_sinch_oauth2_token)), 0, 0, 1,
     {"body"},
     {"{\"access_token\":\"e\",\"token_type\":\"bearer\",\"expires_in\":9,\"scope\":\"\\/\"}"},
     {0}, 0, NULL, NULL, c_token_parse},
    {"callsign_huawei_result_code", ROUND8(sizeof(callsign_result_code)), 0, 1, 1, {"code"},
     {"1010013"}, {0}, 0, NULL, NULL, c_result_code},
    {"callsign_token_cache_store", sizeof(callsign_token_cache), 0, 0, 2,
     {"token", "access_token"}, {NULL, "eyJhbGciOi..."}, {sizeof(callsign_sinch_oauth2_token), 0},
     1u, init_tokens, p_token_store, c_token_store},
};

/* ------------------------------------------------------------------ */
/* The driver. */

static size_t in_len(const struct writer *w, size_t i)
{
    return w->in_len[i] != 0 ? w->in_len[i] : strlen((const char *)w->in_data[i]);
}

/* Copies input i's default contents to p. */
static void place(const struct writer *w, struct args *a, size_t i, unsigned char *p)
{
    size_t n = in_len(w, i);
    if (w->in_data[i] != NULL) {
        memcpy(p, w->in_data[i], n);
    } else {
        memset(p, 0, n);
    }
    a->in[i] = p;
    a->len[i] = n;
}

/* Sets up a call: the arena filled, the output at arena + out_off (made
 * ready by init_out), every input at its home except `moved` (if < n_in),
 * which goes to arena + moved_off, then the struct inputs filled. */
static void setup_call(const struct writer *w, struct args *a, size_t *out_len, size_t out_off,
                       size_t moved, size_t moved_off)
{
    size_t i, h = 0;
    memset(&arena, FILL, sizeof arena);
    memset(a, 0, sizeof *a);
    a->out = arena.b + out_off;
    a->out_cap = w->out_size;
    a->out_len = out_len;
    *out_len = SENTINEL;
    if (w->init_out != NULL) {
        w->init_out(a->out);
    }
    for (i = 0; i < w->n_in; i++) {
        if (i == moved) {
            place(w, a, i, arena.b + moved_off);
        } else {
            place(w, a, i, home.b + h);
            h += ROUND8(in_len(w, i)) + 8; /* a gap: homes never touch */
        }
    }
    if (w->prepare != NULL) {
        w->prepare(a);
    }
}

static void run_writer(const struct writer *w)
{
    static unsigned char ref_out[ARENA];
    struct args a;
    size_t ref_len = 0, out_len, i, p;
    uint32_t ref, rc;

    g_where = w->name;
    /* Reference: nothing overlaps. */
    setup_call(w, &a, &out_len, 0, MAX_IN, 0);
    ref = CS(w->call(&a));
    if (!check_status(ref, CALLSIGN_OK, "reference call")) {
        return;
    }
    memcpy(ref_out, arena.b, w->out_size);
    ref_len = out_len;

    for (i = 0; i < w->n_in; i++) {
        size_t n = in_len(w, i);
        size_t align = (w->aligned >> i) & 1u ? 8u : 1u;
        size_t pos[3];
        static const char *const where[3] = {"start", "middle", "end"};
        if (!checkf(n > 0 && n <= w->out_size, "%s: %lu bytes do not fit in the output",
                    w->in_name[i], (unsigned long)n)) {
            continue;
        }
        pos[0] = 0;
        pos[1] = (w->out_size - n) / 2 / align * align;
        pos[2] = (w->out_size - n) / align * align;
        for (p = 0; p < 3; p++) {
            setup_call(w, &a, &out_len, 0, i, pos[p]);
            memcpy(snap.b, arena.b, sizeof arena);
            rc = CS(w->call(&a));
            checkf(rc == CALLSIGN_OVERLAPPING_BUFFERS, "%s at the %s of the output: status %s",
                   w->in_name[i], where[p], st(rc));
            checkf(memcmp(snap.b, arena.b, sizeof arena) == 0,
                   "%s at the %s of the output: memory written", w->in_name[i], where[p]);
            checkf(out_len == SENTINEL, "%s at the %s of the output: *out_len written",
                   w->in_name[i], where[p]);
        }
        /* Touching: the input just after the output, then just before it. */
        for (p = 0; p < 2; p++) {
            size_t before = ROUND8(n);
            if (p == 0) {
                setup_call(w, &a, &out_len, 0, i, w->out_size);
            } else {
                setup_call(w, &a, &out_len, before, i, before - n);
            }
            rc = CS(w->call(&a));
            checkf(rc == ref, "%s touching the output (%s): status %s", w->in_name[i],
                   p == 0 ? "after" : "before", st(rc));
            if (w->compare) {
                checkf(memcmp(a.out, ref_out, w->out_size) == 0 && (!w->text || out_len == ref_len),
                       "%s touching the output (%s): another result", w->in_name[i],
                       p == 0 ? "after" : "before");
            }
        }
        /* An input covering *out_len (which lies just past out). */
        if (w->text) {
            size_t *len_in_arena = (size_t *)(void *)(arena.b + w->out_size);
            setup_call(w, &a, &out_len, 0, i, w->out_size);
            a.out_len = len_in_arena;
            memcpy(snap.b, arena.b, sizeof arena);
            rc = CS(w->call(&a));
            checkf(rc == CALLSIGN_OVERLAPPING_BUFFERS && memcmp(snap.b, arena.b, sizeof arena) == 0,
                   "%s covering *out_len: status %s", w->in_name[i], st(rc));
        }
    }
    /* *out_len inside out. */
    if (w->text) {
        size_t at[3];
        at[0] = 0;
        at[1] = w->out_size / 2 / 8 * 8;
        at[2] = w->out_size - 8;
        for (p = 0; p < 3; p++) {
            setup_call(w, &a, &out_len, 0, MAX_IN, 0);
            a.out_len = (size_t *)(void *)(arena.b + at[p]);
            memcpy(snap.b, arena.b, sizeof arena);
            rc = CS(w->call(&a));
            checkf(rc == CALLSIGN_OVERLAPPING_BUFFERS && memcmp(snap.b, arena.b, sizeof arena) == 0,
                   "*out_len at byte %lu of out: status %s", (unsigned long)at[p], st(rc));
        }
    }
}

/* ------------------------------------------------------------------ */
/* Several outputs. */

/* A call whose outputs overlap: refused, and the arena unchanged. */
static void expect_refused(uint32_t rc, const char *what)
{
    checkf(rc == CALLSIGN_OVERLAPPING_BUFFERS, "%s: status %s", what, st(rc));
    checkf(memcmp(snap.b, arena.b, sizeof arena) == 0, "%s: memory written", what);
}

static void test_final_outputs(void)
{
    size_t at[3], p;
    g_where = "_final: digest inside the context";
    for (p = 0; p < 3; p++) {
        callsign_sha256_ctx *s = (callsign_sha256_ctx *)(void *)arena.b;
        callsign_hmac_sha256_ctx *m = (callsign_hmac_sha256_ctx *)(void *)arena.b;
        callsign_apig_body_hasher *h = (callsign_apig_body_hasher *)(void *)arena.b;
        uint32_t kind = 99;

        at[0] = 0;
        at[1] = 64;
        at[2] = sizeof *s - 32;
        memset(&arena, FILL, sizeof arena);
        must(callsign_sha256_init(s));
        memcpy(snap.b, arena.b, sizeof arena);
        expect_refused(CS(callsign_sha256_final(s, arena.b + at[p])), "callsign_sha256_final");

        at[2] = sizeof *m - 32;
        memset(&arena, FILL, sizeof arena);
        must(callsign_hmac_sha256_init(m, (const uint8_t *)"k", 1));
        memcpy(snap.b, arena.b, sizeof arena);
        expect_refused(CS(callsign_hmac_sha256_final(m, arena.b + at[p])),
                       "callsign_hmac_sha256_final");

        at[2] = sizeof *h - 32;
        memset(&arena, FILL, sizeof arena);
        must(callsign_apig_body_hasher_init(h, CALLSIGN_APIG_SDK_HMAC_SHA256));
        memcpy(snap.b, arena.b, sizeof arena);
        expect_refused(CS(callsign_apig_body_hasher_final(h, arena.b + at[p], &kind)),
                       "callsign_apig_body_hasher_final (digest)");
        checkf(kind == 99, "body_kind written");
        memcpy(snap.b, arena.b, sizeof arena);
        expect_refused(CS(callsign_apig_body_hasher_final(
                           h, arena.b + 1024, (uint32_t *)(void *)(arena.b + at[p] / 8 * 8))),
                       "callsign_apig_body_hasher_final (body_kind)");
        {
            uint8_t digest[32];
            memcpy(snap.b, arena.b, sizeof arena);
            expect_refused(CS(callsign_apig_body_hasher_final(
                               h, digest, (uint32_t *)(void *)(digest + 4 * p))),
                           "callsign_apig_body_hasher_final (body_kind in the digest)");
        }
    }
    /* Touching: the digest right after the context. */
    {
        callsign_sha256_ctx *s = (callsign_sha256_ctx *)(void *)arena.b;
        memset(&arena, FILL, sizeof arena);
        must(callsign_sha256_init(s));
        check_status(CS(callsign_sha256_final(s, arena.b + sizeof *s)), CALLSIGN_OK,
                     "callsign_sha256_final, digest touching the context");
    }
}

/* APIG: out, the outputs struct, its four buffers and *out_len, pairwise. */
static void test_apig_outputs(void)
{
    static const char *const names[5] = {"out", "headers_added", "request_target",
                                         "canonical_request", "string_to_sign"};
    const size_t cap = 1024;
    callsign_apig_credentials c;
    callsign_apig_request r;
    callsign_apig_outputs o;
    callsign_text *t[4];
    char *buf[5];
    size_t i, j, out_len, p;
    uint32_t rc;

    memset(&c, 0, sizeof c);
    memset(&r, 0, sizeof r);
    c.app_key = (const uint8_t *)"AK0123456789";
    c.app_key_len = 12;
    c.secret = (const uint8_t *)"SK-secret";
    c.secret_len = 9;
    r.method = (const uint8_t *)"GET";
    r.method_len = 3;
    r.host = (const uint8_t *)"iam.example.com";
    r.host_len = 15;
    r.path = (const uint8_t *)"/v3/users";
    r.path_len = 9;
    r.date_unix = T_NOW;
    t[0] = &o.headers_added;
    t[1] = &o.request_target;
    t[2] = &o.canonical_request;
    t[3] = &o.string_to_sign;

    g_where = "callsign_huawei_apig_sign outputs";
    for (i = 0; i < 5; i++) {
        for (j = 0; j < 5; j++) {
            if (i == j) {
                continue;
            }
            for (p = 0; p < 3; p++) {
                size_t k, shift = p == 0 ? 0 : p == 1 ? cap / 2 : cap - 1;
                memset(&arena, FILL, sizeof arena);
                for (k = 0; k < 5; k++) {
                    buf[k] = (char *)arena.b + k * cap;
                }
                buf[j] = buf[i] + shift; /* j starts inside i */
                for (k = 0; k < 4; k++) {
                    t[k]->buf = buf[k + 1];
                    t[k]->cap = cap;
                    t[k]->len = SENTINEL;
                }
                out_len = SENTINEL;
                memcpy(snap.b, arena.b, sizeof arena);
                rc = CS(callsign_huawei_apig_sign(&c, &r, buf[0], cap, &out_len, &o));
                checkf(rc == CALLSIGN_OVERLAPPING_BUFFERS &&
                           memcmp(snap.b, arena.b, sizeof arena) == 0 && out_len == SENTINEL &&
                           o.headers_added.len == SENTINEL && o.string_to_sign.len == SENTINEL,
                       "%s starting at byte %lu of %s: status %s", names[j],
                       (unsigned long)shift, names[i], st(rc));
            }
        }
        /* *out_len inside buffer i. */
        memset(&arena, FILL, sizeof arena);
        for (j = 0; j < 5; j++) {
            buf[j] = (char *)arena.b + j * cap;
        }
        for (j = 0; j < 4; j++) {
            t[j]->buf = buf[j + 1];
            t[j]->cap = cap;
            t[j]->len = SENTINEL;
        }
        memcpy(snap.b, arena.b, sizeof arena);
        rc = CS(callsign_huawei_apig_sign(&c, &r, buf[0], cap,
                                          (size_t *)(void *)(buf[i] + cap / 2), &o));
        expect_refused(rc, "*out_len inside an output buffer");
    }
    /* The outputs struct inside out, and *out_len inside the outputs struct. */
    {
        callsign_apig_outputs *po = (callsign_apig_outputs *)(void *)(arena.b + 256);
        memset(&arena, FILL, sizeof arena);
        memset(po, 0, sizeof *po);
        memcpy(snap.b, arena.b, sizeof arena);
        rc = CS(callsign_huawei_apig_sign(&c, &r, (char *)arena.b, cap, &out_len, po));
        expect_refused(rc, "the outputs struct inside out");
        memset(&o, 0, sizeof o);
        out_len = SENTINEL;
        rc = CS(callsign_huawei_apig_sign(&c, &r, (char *)arena.b, cap, &o.string_to_sign.len, &o));
        checkf(rc == CALLSIGN_OVERLAPPING_BUFFERS, "*out_len inside the outputs struct: status %s",
               st(rc));
        /* All five apart, touching: fine. */
        for (j = 0; j < 4; j++) {
            t[j]->buf = (char *)arena.b + (j + 1) * cap;
            t[j]->cap = cap;
        }
        rc = CS(callsign_huawei_apig_sign(&c, &r, (char *)arena.b, cap, &out_len, &o));
        check_status(rc, CALLSIGN_OK, "five touching outputs");
    }
}

/* callsign_huawei_token_username and callsign_replay_cache_live: the
 * outputs inside the input, and against each other. */
static void test_small_outputs(void)
{
    const size_t n = strlen(g_x_aksk);
    size_t at[3], p, live;
    const uint8_t *user = NULL;
    size_t user_len = SENTINEL;
    callsign_replay_cache *cache = (callsign_replay_cache *)(void *)arena.b;

    at[0] = 0;
    at[1] = n / 2 / 8 * 8;
    at[2] = (n - 8) / 8 * 8;
    g_where = "callsign_huawei_token_username";
    for (p = 0; p < 3; p++) {
        memset(&arena, FILL, sizeof arena);
        memcpy(arena.b, g_x_aksk, n);
        memcpy(snap.b, arena.b, sizeof arena);
        expect_refused(CS(callsign_huawei_token_username(
                           arena.b, n, (const uint8_t **)(void *)(arena.b + at[p]), &user_len)),
                       "username inside value");
        expect_refused(CS(callsign_huawei_token_username(arena.b, n, &user,
                                                          (size_t *)(void *)(arena.b + at[p]))),
                       "username_len inside value");
    }
    memset(&arena, FILL, sizeof arena);
    memcpy(snap.b, arena.b, sizeof arena);
    expect_refused(CS(callsign_huawei_token_username(
                       (const uint8_t *)g_x_aksk, n, (const uint8_t **)(void *)(arena.b + 64),
                       (size_t *)(void *)(arena.b + 64))),
                   "username and username_len the same");
    checkf(user == NULL && user_len == SENTINEL, "outputs written");

    g_where = "callsign_replay_cache_live";
    at[1] = sizeof *cache / 2 / 8 * 8;
    at[2] = sizeof *cache - 8;
    for (p = 0; p < 3; p++) {
        memset(&arena, FILL, sizeof arena);
        must(callsign_replay_cache_init(cache, sizeof *cache, CALLSIGN_DEFAULT_MAX_SKEW_SECS));
        memcpy(snap.b, arena.b, sizeof arena);
        expect_refused(
            CS(callsign_replay_cache_live(cache, T_NOW, (size_t *)(void *)(arena.b + at[p]))),
            "live inside the cache");
    }
    check_status(CS(callsign_replay_cache_live(
                     cache, T_NOW, (size_t *)(void *)(arena.b + sizeof *cache))),
                 CALLSIGN_OK, "live touching the cache");
    live = SENTINEL;
    check_status(CS(callsign_replay_cache_live(cache, T_NOW, &live)), CALLSIGN_OK, "live apart");
}

/* Inputs computed by the library itself (signatures to verify). */
static int setup(void)
{
    callsign_sinch_request r;
    size_t n;
    int ok = 1;

    g_where = "setup";
    ok &= check_status(callsign_hmac_key_init(&g_key, (const uint8_t *)SECRET, strlen(SECRET)),
                       CALLSIGN_OK, "callsign_hmac_key_init");
    ok &= check_status(callsign_sinch_body_md5_init(&g_md5), CALLSIGN_OK, "md5 init");
    {
        callsign_sinch_oauth2_token t;
        memset(&t, 0, sizeof t);
        t.access_token.ptr = (const uint8_t *)"eyJhbGciOi...";
        t.access_token.len = 13;
        t.expires_in = 3600;
        t.expires_at = T_NOW + 3600;
        t.refresh_at = T_NOW + 3540;
        ok &= check_status(callsign_token_cache_init(&g_tokens), CALLSIGN_OK, "token cache init");
        ok &= check_status(callsign_token_cache_store(&g_tokens, &t), CALLSIGN_OK,
                           "token cache store");
    }
    ok &= check_status(callsign_sinch_body_md5_update(&g_md5, (const uint8_t *)SINCH_BODY,
                                                      strlen(SINCH_BODY)),
                       CALLSIGN_OK, "md5 update");
    ok &= check_status(callsign_huawei_voice_x_aksk(
                           (const uint8_t *)APP_KEY, strlen(APP_KEY), (const uint8_t *)SECRET,
                           strlen(SECRET), (const uint8_t *)NONCE, strlen(NONCE), T_NOW, g_x_aksk,
                           sizeof g_x_aksk, &n),
                       CALLSIGN_OK, "X-AKSK");
    ok &= check_status(callsign_huawei_sms_x_wsse(
                           (const uint8_t *)APP_KEY, strlen(APP_KEY), (const uint8_t *)SECRET,
                           strlen(SECRET), (const uint8_t *)NONCE, strlen(NONCE), T_NOW,
                           CALLSIGN_WSSE_DIGEST_HEX, g_x_wsse, sizeof g_x_wsse, &n),
                       CALLSIGN_OK, "X-WSSE");
    memset(&r, 0, sizeof r);
    r.scheme = CALLSIGN_SINCH_APPLICATION;
    r.method = (const uint8_t *)"POST";
    r.method_len = 4;
    r.target = (const uint8_t *)"/calling/v1/callouts";
    r.target_len = strlen("/calling/v1/callouts");
    r.content_type = (const uint8_t *)"application/json";
    r.content_type_len = strlen("application/json");
    r.x_timestamp = (const uint8_t *)SINCH_TS;
    r.x_timestamp_len = strlen(SINCH_TS);
    r.body = (const uint8_t *)SINCH_BODY;
    r.body_len = strlen(SINCH_BODY);
    ok &= check_status(callsign_sinch_application_sign(
                           (const uint8_t *)SINCH_KEY, strlen(SINCH_KEY),
                           (const uint8_t *)SINCH_SECRET, strlen(SINCH_SECRET), &r, g_sinch_auth,
                           sizeof g_sinch_auth, &n),
                       CALLSIGN_OK, "Sinch Authorization");
    ok &= check_status(callsign_sinch_webhook_sign((const uint8_t *)"webhook-secret", 14,
                                                   (const uint8_t *)SINCH_BODY,
                                                   strlen(SINCH_BODY),
                                                   (const uint8_t *)"01FJA8B4A7BM43YGWSG9GBV067",
                                                   26, (const uint8_t *)"1700000000", 10,
                                                   g_webhook_sig, sizeof g_webhook_sig, &n),
                       CALLSIGN_OK, "Sinch webhook signature");
    ok &= check_status(callsign_mailgun_webhook_sign((const uint8_t *)"mailgun-signing-key", 19,
                                                     (const uint8_t *)"1700000000", 10,
                                                     (const uint8_t *)"5d5f6a0c5c6e4b8f", 16,
                                                     g_mailgun_sig, sizeof g_mailgun_sig, &n),
                       CALLSIGN_OK, "Mailgun signature");
    return ok;
}

int main(void)
{
    size_t i;
    announce_sanitizer("c-overlap");
    guard_self_check("c-overlap");
    g_where = "status";
    checkf(strcmp(callsign_status_str(CALLSIGN_OVERLAPPING_BUFFERS),
                  "an input overlaps an output buffer") == 0,
           "callsign_status_str(CALLSIGN_OVERLAPPING_BUFFERS)");
    if (setup()) {
        for (i = 0; i < sizeof writers / sizeof writers[0]; i++) {
            run_writer(&writers[i]);
        }
        printf("c-overlap: %lu writers in the table\n",
               (unsigned long)(sizeof writers / sizeof writers[0]));
        test_final_outputs();
        test_apig_outputs();
        test_small_outputs();
    }
    check_guard_totals();
    printf("c-overlap: %lu passed, %lu failed\n", n_pass, n_fail);
    return n_fail == 0 ? 0 : 1;
}
