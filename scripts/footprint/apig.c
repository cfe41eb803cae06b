/* Calls only the API Gateway signer, with inputs the compiler cannot fold. */
#include <stdint.h>
#include <string.h>
#include "callsign.h"
static volatile uint64_t now = 1709280930u;
int main(void) {
    static const char ak[] = "HPUAXXXXXXXXXXXXXXXX", sk[] = "example-secret-key";
    static const char method[] = "POST", host[] = "smsapi.cn-north-4.myhuaweicloud.com:443";
    static const char path[] = "/sms/batchSendSms/v1";
    static const char ct_name[] = "Content-Type", ct_value[] = "application/json";
    static const char body[] = "{\"from\":\"8824110605\",\"to\":[\"+8615123456789\"]}";
    callsign_pair headers[1];
    callsign_apig_credentials cred;
    callsign_apig_request req;
    char out[CALLSIGN_APIG_AUTHORIZATION_MAX_LEN];
    size_t n;
    memset(&cred, 0, sizeof cred);
    memset(&req, 0, sizeof req);
    headers[0].name = (const uint8_t *)ct_name;
    headers[0].name_len = sizeof ct_name - 1;
    headers[0].value = (const uint8_t *)ct_value;
    headers[0].value_len = sizeof ct_value - 1;
    cred.app_key = (const uint8_t *)ak;
    cred.app_key_len = sizeof ak - 1;
    cred.secret = (const uint8_t *)sk;
    cred.secret_len = sizeof sk - 1;
    cred.algorithm = CALLSIGN_APIG_SDK_HMAC_SHA256;
    cred.variant = CALLSIGN_APIG_VARIANT_CORE;
    req.method = (const uint8_t *)method;
    req.method_len = sizeof method - 1;
    req.host = (const uint8_t *)host;
    req.host_len = sizeof host - 1;
    req.path = (const uint8_t *)path;
    req.path_len = sizeof path - 1;
    req.headers = headers;
    req.header_count = 1;
    req.body_kind = CALLSIGN_APIG_BODY_BYTES;
    req.body = (const uint8_t *)body;
    req.body_len = sizeof body - 1;
    req.date_unix = now;
    return (int)callsign_huawei_apig_sign(&cred, &req, out, sizeof out, &n, NULL);
}
