//! `callsign demo`: signs a sample request for every scheme with fixed,
//! documented sample credentials, and prints ready-to-paste curl commands.
//!
//! The credentials are samples (the vendors reject them); the nonce is
//! fresh and the time is now, so the headers are what a real request would
//! carry. Replace the sample credentials with yours through the other
//! subcommands.

use callsign_core::api::{Endpoint, Request};
use callsign_core::basic::Basic;
use callsign_core::huawei::sms_api::BatchSendSms;
use callsign_core::huawei::voice_api::Click2Call;
use callsign_core::huawei::{sms, voice};
use callsign_core::sinch::oauth2::{Region, TokenRequest};
use callsign_core::{HmacKey, Nonce, Timestamp};

use crate::UsageError;

/// Sample Huawei Voice Call application (from the vectors' typical case).
pub const VOICE_APP_KEY: &str = "a1B2c3D4e5F6g7H8i9J0kLmNoPqR";
/// Its sample secret.
pub const VOICE_APP_SECRET: &str = "Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H";
/// Sample Huawei Message & SMS application.
pub const SMS_APP_KEY: &str = "ARBRz4bAXoFgEH7o4Ew308eXc1RA";
/// Its sample secret.
pub const SMS_APP_SECRET: &str = "Mq3s8Pz1Lk5Nv7Bx2Cw9Dy4Ft6Gh";
/// Sample Sinch project access key id.
pub const SINCH_KEY_ID: &str = "a5c9a7e2-6fd7-4e0c-8f4b-3f1d2e6c9b10";
/// Its sample key secret.
pub const SINCH_KEY_SECRET: &str = "tqY5~Xw8c.Jd3bQz1KrT4vNe9L";
/// Sample Sinch application key (Voice).
pub const SINCH_APP_KEY: &str = "669E367E-6BBA-48AB-AF15-266871C28135";
/// Its sample application secret (Base64 text, sent as is in Basic auth).
pub const SINCH_APP_SECRET: &str = "BeIukql3pTKJ8RGL5zo0DA==";
/// Sample Mailgun private API key.
pub const MAILGUN_API_KEY: &str = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";

/// Quotes `text` for a POSIX shell.
fn sh(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

fn curl(title: &str, method: &str, url: &str, headers: &[(&str, &str)], body: &str) -> String {
    let mut s = format!("# {title}\ncurl -X {method} {}", sh(url));
    for (name, value) in headers {
        s.push_str(&format!(" \\\n  -H {}", sh(&format!("{name}: {value}"))));
    }
    if !body.is_empty() {
        s.push_str(&format!(" \\\n  --data {}", sh(body)));
    }
    s.push_str("\n\n");
    s
}

/// A built request's body as text.
fn body<E: Endpoint>(request: &Request<'_, E>) -> Result<String, UsageError> {
    let mut buf = vec![0u8; request.len()];
    let n = request.write(&mut buf)?;
    buf.truncate(n);
    String::from_utf8(buf).map_err(|e| UsageError(e.to_string()))
}

/// The demo's output for the time `now`.
pub fn run(now: Timestamp) -> Result<String, UsageError> {
    let mut out = String::from(
        "# callsign demo: sample requests signed with the fixed sample credentials\n\
         # documented in README.md (the vendors reject them: use your own with the\n\
         # huawei-voice, huawei-sms and basic subcommands). Nonces are fresh, time is now.\n\
         # Huawei endpoints are per application: replace HUAWEI_APP_ENDPOINT with the\n\
         # address shown in your console.\n\n",
    );

    let key = HmacKey::new(VOICE_APP_SECRET.as_bytes());
    let nonce = Nonce::generate(&mut getrandom::SysRng)?;
    let x_aksk = voice::XAksk::new(VOICE_APP_KEY, &key, &nonce, now)?;
    let call = Click2Call::new(
        "+8675500000000",
        "+8613700000001",
        "+8675500000000",
        "+8613700000002",
    );
    let request = call.request()?;
    out.push_str(&curl(
        "Huawei Voice Call click2Call, X-AKSK",
        request.method(),
        &format!("https://HUAWEI_APP_ENDPOINT{}", request.path()),
        &[
            ("Content-Type", request.content_type()),
            ("Authorization", voice::AUTHORIZATION),
            ("X-AKSK", &x_aksk.to_heapless()?),
        ],
        &body(&request)?,
    ));

    let nonce = Nonce::generate(&mut getrandom::SysRng)?;
    let x_wsse = sms::XWsse::new(SMS_APP_KEY, SMS_APP_SECRET.as_bytes(), &nonce, now)?;
    let mut sms_request = BatchSendSms::new(
        "8824110605***",
        "+8615123456789",
        "8ff55eac1d0b478ab3c06c3c6a492300",
    );
    sms_request.template_paras = Some(&["369751"]);
    let request = sms_request.request()?;
    out.push_str(&curl(
        "Huawei Message & SMS batchSendSms, X-WSSE",
        request.method(),
        &format!("https://HUAWEI_APP_ENDPOINT{}", request.path()),
        &[
            ("Content-Type", request.content_type()),
            ("Authorization", sms::AUTHORIZATION),
            ("X-WSSE", &x_wsse.to_heapless()?),
        ],
        &body(&request)?,
    ));

    let token = TokenRequest::new(Region::Global, SINCH_KEY_ID, SINCH_KEY_SECRET)?;
    out.push_str(&curl(
        "Sinch OAuth2 token request, Basic with the project access key",
        TokenRequest::METHOD,
        token.url(),
        &[
            ("Content-Type", TokenRequest::CONTENT_TYPE),
            ("Authorization", &token.authorization().to_heapless()?),
        ],
        TokenRequest::BODY,
    ));

    let sinch_app = Basic::sinch_application(SINCH_APP_KEY, SINCH_APP_SECRET)?;
    out.push_str(&curl(
        "Sinch Voice callout, Basic with the application key",
        "POST",
        "https://calling.api.sinch.com/calling/v1/callouts",
        &[
            ("Content-Type", "application/json"),
            ("Authorization", &sinch_app.to_heapless()?),
        ],
        r#"{"method":"ttsCallout","ttsCallout":{"cli":"+14045001000","destination":{"type":"number","endpoint":"+14045005000"},"locale":"en-US","text":"Hello from callsign"}}"#,
    ));

    let mailgun = Basic::mailgun(MAILGUN_API_KEY)?;
    out.push_str(&curl(
        "Mailgun send message, Basic api:KEY",
        "POST",
        "https://api.mailgun.net/v3/YOUR_DOMAIN/messages",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Authorization", &mailgun.to_heapless()?),
        ],
        "from=demo%40YOUR_DOMAIN&to=you%40example.com&subject=callsign&text=Hello",
    ));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_survives_single_quotes() {
        assert_eq!(sh("a'b"), r"'a'\''b'");
    }

    #[test]
    fn demo_signs_every_scheme() {
        let out = run(Timestamp::from_unix(1_709_280_930).unwrap()).unwrap();
        for needle in [
            "X-AKSK: UsernameToken Username=\"a1B2c3D4e5F6g7H8i9J0kLmNoPqR\"",
            "Created=\"2024-03-01T08:15:30Z\"",
            "X-WSSE: UsernameToken Username=\"ARBRz4bAXoFgEH7o4Ew308eXc1RA\"",
            "Authorization: Basic YTVjOWE3ZTItNmZkNy00ZTBjLThmNGItM2YxZDJlNmM5YjEwOnRxWTV+WHc4Yy5KZDNiUXoxS3JUNHZOZTlM",
            "Authorization: Basic NjY5RTM2N0UtNkJCQS00OEFCLUFGMTUtMjY2ODcxQzI4MTM1OkJlSXVrcWwzcFRLSjhSR0w1em8wREE9PQ==",
            "Authorization: Basic YXBpOmtleS0zYXg2eG5qcDI5amQ2ZmRzNGdjMzczc2d2anh0ZW9sMA==",
        ] {
            assert!(out.contains(needle), "missing {needle}");
        }
        assert_eq!(out.matches("\ncurl -X POST").count(), 5);
        // The Huawei bodies come from the builders (displayCalleeNbr is required).
        assert!(out.contains(r#"--data '{"displayNbr":"+8675500000000","callerNbr":"+8613700000001","displayCalleeNbr":"+8675500000000","calleeNbr":"+8613700000002"}'"#));
        assert!(out.contains("--data 'from=8824110605%2A%2A%2A&to=%2B8615123456789&templateId=8ff55eac1d0b478ab3c06c3c6a492300&templateParas=%5B%22369751%22%5D'"));
    }
}
