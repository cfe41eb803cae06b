//! The result codes of the three voice APIs (api-surface spec §1.6, from
//! the click2Call, callVerify and callStop tables of seeds 002 and 003),
//! each with its category. `note` is the condensed 处理方法.

use crate::api::{Category, ResultCode};

const fn entry(
    http_status: u16,
    code: &'static str,
    text: &'static str,
    category: Category,
    note: &'static str,
) -> ResultCode {
    ResultCode {
        http_status,
        code,
        text,
        category,
        note,
    }
}

/// Every result code of spec §1.6: 64 rows keyed by (HTTP status, code).
/// `1010010` appears twice: 401 invalid digest, 403 flow control.
///
/// ```
/// use callsign_core::huawei::voice_api::RESULT_CODES;
/// assert_eq!(RESULT_CODES.len(), 64);
/// assert_eq!(RESULT_CODES.iter().filter(|r| r.code == "1010010").count(), 2);
/// ```
pub const RESULT_CODES: &[ResultCode] = &[
    entry(200, "0", "Success.", Category::Success, ""),
    entry(400, "1023006", "Authorization not contained in the HTTP header.", Category::FixCredentials, "the advice covers a missing header, a wrong PasswordDigest, a wrong app_key and clock skew"),
    entry(400, "1023007", "realm not contained in Authorization.", Category::FixRequest, ""),
    entry(400, "1023008", "profile not contained in Authorization.", Category::FixRequest, ""),
    entry(400, "1023009", "The value of realm in Authorization must be SDP.", Category::FixRequest, ""),
    entry(400, "1023010", "The value of profile in Authorization must be UsernameToken.", Category::FixRequest, ""),
    entry(400, "1023011", "The value of type in Authorization must be app_key.", Category::FixRequest, "the required value is `Appkey`"),
    entry(400, "1023012", "type not contained in Authorization.", Category::FixRequest, ""),
    entry(400, "1023033", "HTTP header not found X-AKSK field.", Category::FixRequest, ""),
    entry(400, "1023034", "UserName not contained in X-AKSK.", Category::FixRequest, ""),
    entry(400, "1023035", "Nonce not contained in X-AKSK.", Category::FixRequest, ""),
    entry(400, "1023036", "Created not contained in X-AKSK.", Category::FixRequest, ""),
    entry(400, "1023037", "PasswordDigest not contained in X-AKSK.", Category::FixRequest, ""),
    entry(400, "1023038", "UsernameToken not contained in X-AKSK.", Category::FixRequest, ""),
    entry(401, "1010010", "Invalid digest.", Category::FixCredentials, ""),
    entry(401, "1010013", "Time out limit.", Category::FixClock, "the allowed skew is not stated"),
    entry(403, "1010002", "Invalid request.", Category::FixRequest, ""),
    entry(403, "1010003", "Invalid app_key.", Category::FixCredentials, ""),
    entry(403, "1010006", "Invalid Rest API.", Category::FixRequest, "method or path"),
    entry(403, "1010008", "The status of the app_key is unavailable.", Category::ContactProvider, "app suspended"),
    entry(403, "1010009", "No more APIs can be invoked.", Category::RetryLater { after_secs: Some(60) }, "wait 1 min; raise the quota"),
    entry(403, "1010010", "The flow control upper limit is reached on the platform.", Category::RetryLater { after_secs: Some(60) }, "1 min"),
    entry(403, "1010011", "The app is not allowed to access a commercial address.", Category::ContactProvider, ""),
    entry(403, "1010021", "Application unavailable.", Category::ContactProvider, ""),
    entry(403, "1010023", "Invalid display number.", Category::FixRequest, "displayNbr/displayCalleeNbr"),
    entry(403, "1010024", "Invalid caller number.", Category::FixRequest, ""),
    entry(403, "1010040", "The app_key is not allowed to invoke the API.", Category::ContactProvider, "app lacks the capability"),
    entry(403, "1012001", "Resource of number is not to be applied.", Category::ContactProvider, "app_key not bound to the number"),
    entry(403, "1012006", "The service number is not applied.", Category::ContactProvider, ""),
    entry(403, "1012012", "Application does not open recording function.", Category::FixRequest, "drop `recordFlag`, or enable recording"),
    entry(403, "1013001", "Calls exceed the SP limit.", Category::ContactProvider, ""),
    entry(403, "1013002", "Calls exceed the APP limit.", Category::ContactProvider, ""),
    entry(403, "1013003", "Calls exceed the display number limit.", Category::ContactProvider, ""),
    entry(403, "1013004", "Callee in blacklist.", Category::ContactProvider, "carrier blacklist; do not retry"),
    entry(403, "1013010", "Caller in blacklist.", Category::ContactProvider, ""),
    entry(403, "1013011", "Callee is not on the whitelist.", Category::ContactProvider, ""),
    entry(403, "1013100", "Common error code .", Category::ContactProvider, "security control"),
    entry(403, "1013101", "Abnormal call restricted .", Category::ContactProvider, ""),
    entry(403, "1013111", "International callin is forbidden.", Category::FixRequest, "number format"),
    entry(403, "1013112", "International callout is forbidden.", Category::FixRequest, "number format"),
    entry(403, "1013113", "Abnormal call duration restricted.", Category::ContactProvider, ""),
    entry(403, "1013115", "Abnormal call completion rate restricted.", Category::ContactProvider, ""),
    entry(403, "1013116", "Caller call frequency restricted.", Category::RetryLater { after_secs: None }, ""),
    entry(403, "1013117", "Callee call frequency restricted.", Category::RetryLater { after_secs: None }, ""),
    entry(403, "1013118", "Service number call frequency restricted.", Category::RetryLater { after_secs: None }, ""),
    entry(403, "1013119", "Service number suspend.", Category::ContactProvider, ""),
    entry(403, "1013120", "Ip address is null.", Category::FixRequest, "carry the sender's IPv4; no field for it exists in the body tables"),
    entry(403, "1013121", "Call black time forbidden.", Category::RetryLater { after_secs: None }, "call in working hours"),
    entry(403, "1013122", "Sub enterprise is suspended.", Category::ContactProvider, ""),
    entry(403, "1020165", "The number of app_key voice call ports exceeds the upper limit.", Category::RetryLater { after_secs: Some(60) }, "1 min"),
    entry(403, "1020166", "The app client ip is not in ip white list.", Category::ContactProvider, "C/V: carrier IP region control; S: check the IP whitelist"),
    entry(403, "1020168", "The call is rejected because the login IP of the peer app is blacklisted .", Category::ContactProvider, ""),
    entry(403, "1020171", "The call is rejected because the login IP of the peer app is blacklisted area.", Category::ContactProvider, ""),
    entry(403, "1020176", "Authentication failed, try again later", Category::RetryLater { after_secs: Some(1800) }, "IP blocked after auth failures; wait 30 min, and fix credentials first"),
    entry(500, "1010001", "Internal system error.", Category::ContactProvider, ""),
    entry(500, "1020001", "Parameter error.", Category::FixRequest, ""),
    entry(500, "1020002", "Internal error.", Category::ContactProvider, ""),
    entry(500, "1020150", "The app_key is invalid.", Category::FixCredentials, ""),
    entry(500, "1020151", "The bindNum is invalid.", Category::ContactProvider, ""),
    entry(500, "1020152", "Invalid sessionid.", Category::FixRequest, "unknown or ended session"),
    entry(500, "1020154", "Insufficient voice ports.", Category::RetryLater { after_secs: Some(60) }, "1 min"),
    entry(500, "1023001", "Internal error.", Category::ContactProvider, ""),
    entry(500, "1023002", "Response timeout.", Category::RetryLater { after_secs: None }, "resend once; callStop: contact the admin if it repeats"),
    entry(500, "1040001", "south ne error with responseCode: %$ and responseMsg: %$.", Category::ContactProvider, ""),];
