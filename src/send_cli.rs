//! `callsign send KIND --endpoint URL --app-key KEY`: builds the request
//! from JSON fields on stdin, signs it (X-AKSK for voice, X-WSSE for SMS)
//! with a fresh nonce and the current time, sends it with a blocking HTTP
//! client (ureq; HTTPS through rustls), and prints the parsed response with
//! its category and advice. A clock error (category fix-clock, such as
//! Huawei 1010013) is answered once: the server's `Date` corrects the clock
//! (`ClockOffset`), and the request is signed and sent again.
//!
//! Exit status: 0 when the API answered success, 1 when it answered
//! anything else (the JSON says what to do), 2 for a usage or transport
//! error.

use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use callsign_cli::api_build::build;
use callsign_cli::api_parse::{parse, Context};
use callsign_core::http_date::ClockOffset;
use callsign_core::huawei::{sms, voice};
use callsign_core::{HmacKey, Nonce, Timestamp};
use clap::{Args, ValueEnum};
use serde_json::{json, Value};

use crate::{secret, UsageError};

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum SendKind {
    HuaweiClick2call,
    HuaweiCallverify,
    HuaweiCallstop,
    HuaweiSmsBatch,
}

impl SendKind {
    fn build_kind(self) -> &'static str {
        match self {
            SendKind::HuaweiClick2call => "huawei-click2call",
            SendKind::HuaweiCallverify => "huawei-callverify",
            SendKind::HuaweiCallstop => "huawei-callstop",
            SendKind::HuaweiSmsBatch => "huawei-sms-batch",
        }
    }

    fn is_sms(self) -> bool {
        matches!(self, SendKind::HuaweiSmsBatch)
    }
}

#[derive(Args, Debug)]
pub struct SendArgs {
    /// What to send; the fields come as `{"fields": {...}}` on stdin.
    #[arg(value_name = "KIND", value_enum)]
    kind: SendKind,
    /// The APP access address from the console's app page (scheme, host
    /// and port, `https://HOST:PORT`); the API's path is appended.
    #[arg(long, value_name = "URL")]
    endpoint: String,
    /// The application key (the token's Username). The app secret comes from
    /// CALLSIGN_SECRET or CALLSIGN_SECRET_HEX.
    #[arg(long, value_name = "KEY")]
    app_key: String,
    /// Seconds to wait for the server, per attempt.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    timeout: u64,
}

/// One HTTP exchange's outcome.
struct Answer {
    status: u16,
    date: Option<String>,
    body: String,
}

pub fn run(args: SendArgs) -> ExitCode {
    match send(&args) {
        Ok((out, success)) => {
            let mut stdout = std::io::stdout().lock();
            if writeln!(stdout, "{out}")
                .and_then(|()| stdout.flush())
                .is_err()
            {
                return ExitCode::FAILURE;
            }
            if success {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(UsageError(message)) => crate::fail(&message),
    }
}

fn device_now() -> Result<u64, UsageError> {
    Ok(SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_err(|_| UsageError("system clock: set before 1970".into()))?
        .as_secs())
}

fn send(args: &SendArgs) -> Result<(Value, bool), UsageError> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| UsageError(format!("stdin: {e}")))?;
    let input: Value =
        serde_json::from_str(&text).map_err(|e| UsageError(format!("input: not JSON ({e})")))?;
    let request = build(args.kind.build_kind(), &input)?;
    let path = request["path"].as_str().unwrap_or_default();
    let url = format!("{}{path}", args.endpoint.trim_end_matches('/'));
    let secret = secret::from_env()?;
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(args.timeout))
        .build();

    let mut offset = ClockOffset::ZERO;
    let mut attempt = 0;
    loop {
        attempt += 1;
        let now = device_now()?;
        let created = offset.now(now)?;
        let answer = exchange(&agent, args, &url, &request, &secret, created)?;
        let kind = if args.kind.is_sms() {
            "huawei-sms-response"
        } else {
            "huawei-voice-response"
        };
        let ctx = Context {
            http_status: Some(answer.status),
            ..Context::default()
        };
        let parsed = parse(kind, &answer.body, &ctx).map_err(|e| {
            UsageError(format!(
                "response (HTTP {}): {e}: {}",
                answer.status,
                answer.body.chars().take(200).collect::<String>()
            ))
        })?;
        let clock_error = parsed["category"] == "fix-clock";
        if clock_error && attempt == 1 {
            if let Some(date) = &answer.date {
                offset = ClockOffset::from_date_header(date, now)
                    .map_err(|e| UsageError(format!("response Date header: {e}")))?;
                continue;
            }
        }
        let success = parsed["success"] == true;
        let mut out = json!({
            "http_status": answer.status,
            "attempts": attempt,
            "clock_offset_secs": offset.secs(),
        });
        if let (Some(out), Some(parsed)) = (out.as_object_mut(), parsed.as_object()) {
            out.extend(parsed.clone());
        }
        return Ok((out, success));
    }
}

/// Signs and sends once.
fn exchange(
    agent: &ureq::Agent,
    args: &SendArgs,
    url: &str,
    request: &Value,
    secret: &[u8],
    created: Timestamp,
) -> Result<Answer, UsageError> {
    let nonce = Nonce::generate(&mut getrandom::SysRng)?;
    let (auth_name, authorization, token) = if args.kind.is_sms() {
        let v = sms::XWsse::new(&args.app_key, secret, &nonce, created)?;
        ("X-WSSE", sms::AUTHORIZATION, v.to_heapless()?.to_string())
    } else {
        let key = HmacKey::new(secret);
        let v = voice::XAksk::new(&args.app_key, &key, &nonce, created)?;
        ("X-AKSK", voice::AUTHORIZATION, v.to_heapless()?.to_string())
    };
    let content_type = request["content_type"].as_str().unwrap_or_default();
    let body = request["body"].as_str().unwrap_or_default();
    let result = agent
        .post(url)
        .set("Content-Type", content_type)
        .set("Authorization", authorization)
        .set(auth_name, &token)
        .send_string(body);
    let response = match result {
        Ok(r) => r,
        Err(ureq::Error::Status(_, r)) => r,
        Err(e) => return Err(UsageError(format!("endpoint: {e}"))),
    };
    let status = response.status();
    let date = response.header("Date").map(str::to_owned);
    let mut body = String::new();
    response
        .into_reader()
        .take(1 << 20)
        .read_to_string(&mut body)
        .map_err(|e| UsageError(format!("response body: {e}")))?;
    Ok(Answer { status, date, body })
}
