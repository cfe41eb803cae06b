//! `callsign verify SCHEME`: checks a received request the way a gateway
//! would. Prints `valid` (exit 0) or `invalid: REASON` (exit 1). A problem
//! with the invocation itself (a missing option, an unreadable body file,
//! a secret that cannot be used) is one line on stderr and exit 2: the
//! request's own content, however malformed, is never exit 2.

use std::io::Write;
use std::process::ExitCode;

use callsign_core::huawei::sms::{self, DigestEncoding};
use callsign_core::huawei::verify::{
    check_authorization, verify_x_aksk, verify_x_wsse, ParsedToken,
};
use callsign_core::huawei::voice;
use callsign_core::sinch::application::{signing_key, BodyMd5, Scheme};
use callsign_core::sinch::callback::{CallbackHeaders, CallbackVerifier};
use callsign_core::sinch::{numbers, webhook};
use callsign_core::verify::{find_header, Checks, Freshness, DEFAULT_MAX_SKEW_SECS};
use callsign_core::{mailgun, Error, HmacKey};
use clap::{Args, ValueEnum};

use crate::http_input::{seconds, split_headers, usage, BodyArgs};
use crate::{secret, UsageError};

#[derive(Args, Debug)]
pub struct VerifyArgs {
    /// The scheme of the received request.
    #[arg(value_enum, value_name = "SCHEME")]
    scheme: VerifyScheme,
    /// sinch, sinch-service: the configured application (service) key,
    /// compared exactly. huawei-voice, huawei-sms: the Username (app key)
    /// whose secret is given, compared exactly.
    #[arg(long, value_name = "KEY")]
    key: Option<String>,
    /// sinch, sinch-service: the request method.
    #[arg(long, value_name = "M")]
    method: Option<String>,
    /// sinch, sinch-service: the callback URL's path as received.
    #[arg(long, value_name = "P")]
    path: Option<String>,
    /// A received header, `Name: value` (repeat; order and case kept).
    #[arg(long = "header", value_name = "NAME: VALUE")]
    header: Vec<String>,
    #[command(flatten)]
    body: BodyArgs,
    /// mailgun-webhook: the webhook's signature.timestamp.
    #[arg(long, value_name = "T")]
    timestamp: Option<String>,
    /// mailgun-webhook: the webhook's signature.token.
    #[arg(long, value_name = "TOK")]
    token: Option<String>,
    /// mailgun-webhook: the webhook's signature.signature.
    #[arg(long, value_name = "S")]
    signature: Option<String>,
    /// The receiver's clock in Unix seconds for the timestamp-age check
    /// (default: this machine's clock). Not for sinch-numbers (no
    /// timestamp).
    #[arg(long, value_name = "UNIX", conflicts_with = "no_time_check")]
    now: Option<String>,
    /// Largest accepted distance between the request's timestamp and the
    /// clock, either way. Default 300, mailgun-webhook 900 (its SDK's); 0
    /// is the strictest window (the timestamp must equal the clock).
    #[arg(long, value_name = "SECONDS", conflicts_with = "no_time_check")]
    max_age: Option<String>,
    /// Check the signature only, with no timestamp window (what the
    /// vendors' SDKs do, except Mailgun's; Mailgun's `max_age_seconds = 0`).
    /// A captured request then verifies forever: use only to debug.
    #[arg(long)]
    no_time_check: bool,
    /// huawei-sms: expect the legacy digest (Base64 of the raw SHA-256)
    /// instead of the normative Base64 of its hex text.
    #[arg(long)]
    legacy_raw_digest: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum VerifyScheme {
    /// Sinch Application-signed callback (Voice v1, Verification).
    Sinch,
    /// Sinch Voice API v2 `service`-signed webhook.
    SinchService,
    /// Sinch Conversation / SMS webhook (x-sinch-webhook-signature).
    SinchWebhook,
    /// Sinch Numbers callback (X-Sinch-Signature).
    SinchNumbers,
    /// Mailgun webhook signature.
    MailgunWebhook,
    /// Huawei Voice Call X-AKSK header.
    HuaweiVoice,
    /// Huawei Message & SMS X-WSSE header.
    HuaweiSms,
}

/// Runs `verify` and turns its outcome into output and an exit status.
pub fn run(args: VerifyArgs) -> ExitCode {
    let (line, code) = match verdict(&args) {
        Ok(Ok(())) => ("valid".to_owned(), ExitCode::SUCCESS),
        Ok(Err(reason)) => (format!("invalid: {reason}"), ExitCode::from(1)),
        Err(UsageError(message)) => return crate::fail(&message),
    };
    let mut stdout = std::io::stdout().lock();
    if writeln!(stdout, "{line}")
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return ExitCode::FAILURE;
    }
    code
}

/// Why a received request was refused.
type Reason = String;

/// The verdict, or a usage error.
fn verdict(args: &VerifyArgs) -> Result<Result<(), Reason>, UsageError> {
    check_options(args)?;
    let headers = split_headers(&args.header)?;
    match args.scheme {
        VerifyScheme::Sinch => sinch_callback(args, Scheme::Application, &headers),
        VerifyScheme::SinchService => sinch_callback(args, Scheme::Service, &headers),
        VerifyScheme::SinchWebhook => sinch_webhook(args, &headers),
        VerifyScheme::SinchNumbers => sinch_numbers(args, &headers),
        VerifyScheme::MailgunWebhook => mailgun_webhook(args),
        VerifyScheme::HuaweiVoice | VerifyScheme::HuaweiSms => huawei(args, &headers),
    }
}

/// Refuses options the scheme does not use, and requires those it needs.
fn check_options(args: &VerifyArgs) -> Result<(), UsageError> {
    use VerifyScheme as S;
    let given = [
        ("--key", args.key.is_some()),
        ("--method", args.method.is_some()),
        ("--path", args.path.is_some()),
        ("--header", !args.header.is_empty()),
        ("--body / --body-file", args.body.is_present()),
        ("--timestamp", args.timestamp.is_some()),
        ("--token", args.token.is_some()),
        ("--signature", args.signature.is_some()),
        ("--now", args.now.is_some()),
        ("--max-age", args.max_age.is_some()),
        ("--no-time-check", args.no_time_check),
        ("--legacy-raw-digest", args.legacy_raw_digest),
    ];
    let (uses, needs): (&[&str], &[&str]) = match args.scheme {
        S::Sinch | S::SinchService => (
            &[
                "--key",
                "--method",
                "--path",
                "--header",
                "--body / --body-file",
                TIME[0],
                TIME[1],
                TIME[2],
            ],
            &["--key", "--method", "--path"],
        ),
        S::SinchWebhook => (
            &[
                "--header",
                "--body / --body-file",
                TIME[0],
                TIME[1],
                TIME[2],
            ],
            &[],
        ),
        S::SinchNumbers => (&["--header", "--body / --body-file"], &[]),
        S::MailgunWebhook => (
            &[
                "--timestamp",
                "--token",
                "--signature",
                TIME[0],
                TIME[1],
                TIME[2],
            ],
            &["--timestamp", "--token", "--signature"],
        ),
        S::HuaweiVoice => (
            &["--key", "--header", TIME[0], TIME[1], TIME[2]],
            &["--key"],
        ),
        S::HuaweiSms => (
            &[
                "--key",
                "--header",
                TIME[0],
                TIME[1],
                TIME[2],
                "--legacy-raw-digest",
            ],
            &["--key"],
        ),
    };
    let scheme = args
        .scheme
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_owned());
    if args.scheme == S::SinchNumbers {
        if let Some((option, _)) = given
            .iter()
            .find(|(o, present)| *present && TIME.contains(o))
        {
            return Err(UsageError(format!(
                "{option}: sinch-numbers callbacks carry no timestamp to check"
            )));
        }
    }
    for (option, present) in given {
        if present && !uses.contains(&option) {
            return Err(UsageError(format!("{option}: not used by verify {scheme}")));
        }
        if !present && needs.contains(&option) {
            return Err(UsageError(format!("{option}: required by verify {scheme}")));
        }
    }
    Ok(())
}

/// The options about the clock.
const TIME: [&str; 3] = ["--now", "--max-age", "--no-time-check"];

/// The timestamp checks asked for: the window around --now (default: the
/// system clock), or none with --no-time-check.
fn checks(args: &VerifyArgs, default_max_age: u64) -> Result<Checks<'static>, UsageError> {
    if args.no_time_check {
        return Ok(Checks::SignatureOnly);
    }
    let now = match &args.now {
        Some(text) => seconds("--now", text)?,
        None => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_err(|_| UsageError("--now: the system clock is before 1970".into()))?
            .as_secs(),
    };
    let max_age = match &args.max_age {
        Some(text) => seconds("--max-age", text)?,
        None => default_max_age,
    };
    Ok(Checks::Fresh(Freshness::new(now, max_age)))
}

/// A missing required option (checked before, so never in practice).
fn required(option: &str) -> UsageError {
    UsageError(format!("{option}: required"))
}

fn sinch_callback(
    args: &VerifyArgs,
    scheme: Scheme,
    headers: &[(&str, &str)],
) -> Result<Result<(), Reason>, UsageError> {
    let secret = secret::from_env()?;
    let key = signing_key(&secret).map_err(|e| usage(e, |_| None))?;
    let key_id = args.key.as_deref().ok_or_else(|| required("--key"))?;
    let method = args.method.as_deref().ok_or_else(|| required("--method"))?;
    let path = args.path.as_deref().ok_or_else(|| required("--path"))?;
    let checks = checks(args, DEFAULT_MAX_SKEW_SECS)?;
    let mut md5 = BodyMd5::new();
    args.body.stream(|chunk| md5.update(chunk))?;
    let result = CallbackHeaders::from_headers(headers).and_then(|h| {
        CallbackVerifier::new(scheme, key_id, &key).verify_digest(
            method,
            path,
            &h,
            &md5.finish(),
            checks,
        )
    });
    Ok(result.map_err(|e| e.to_string()))
}

fn sinch_webhook(
    args: &VerifyArgs,
    headers: &[(&str, &str)],
) -> Result<Result<(), Reason>, UsageError> {
    let secret = secret::from_env()?;
    let checks = checks(args, DEFAULT_MAX_SKEW_SECS)?;
    let mut mac = webhook::WebhookMac::new(&HmacKey::new(&secret));
    args.body.stream(|chunk| mac.update(chunk))?;
    let result =
        webhook::WebhookHeaders::from_headers(headers).and_then(|h| mac.verify(&h, checks));
    Ok(result.map_err(|e| e.to_string()))
}

fn sinch_numbers(
    args: &VerifyArgs,
    headers: &[(&str, &str)],
) -> Result<Result<(), Reason>, UsageError> {
    let secret = secret::from_env()?;
    let mut mac = numbers::NumbersMac::new(&secret).map_err(|e| usage(e, |_| None))?;
    args.body.stream(|chunk| mac.update(chunk))?;
    let result = numbers::signature_header(headers).and_then(|sig| mac.verify(sig));
    Ok(result.map_err(|e| e.to_string()))
}

fn mailgun_webhook(args: &VerifyArgs) -> Result<Result<(), Reason>, UsageError> {
    let secret = secret::from_env()?;
    let checks = checks(args, mailgun::DEFAULT_MAX_AGE_SECS)?;
    let timestamp = args
        .timestamp
        .as_deref()
        .ok_or_else(|| required("--timestamp"))?;
    let token = args.token.as_deref().ok_or_else(|| required("--token"))?;
    let signature = args
        .signature
        .as_deref()
        .ok_or_else(|| required("--signature"))?;
    let result = mailgun::verify(&HmacKey::new(&secret), timestamp, token, signature, checks);
    Ok(result.map_err(|e| e.to_string()))
}

fn huawei(args: &VerifyArgs, headers: &[(&str, &str)]) -> Result<Result<(), Reason>, UsageError> {
    let secret = secret::from_env()?;
    let checks = checks(args, DEFAULT_MAX_SKEW_SECS)?;
    let username = args.key.as_deref().ok_or_else(|| required("--key"))?;
    let voice = args.scheme == VerifyScheme::HuaweiVoice;
    let (header, authorization) = if voice {
        ("X-AKSK", voice::AUTHORIZATION)
    } else {
        ("X-WSSE", sms::AUTHORIZATION)
    };
    let check = || -> Result<(), Reason> {
        let value = find_header(headers, header)
            .map_err(|e| e.to_string())?
            .ok_or_else(|| format!("{header}: header missing"))?;
        if let Some(received) = find_header(headers, "authorization").map_err(|e| e.to_string())? {
            check_authorization(received, authorization).map_err(|e| e.to_string())?;
        }
        let token = ParsedToken::parse(value).map_err(|e| format!("{header}: {e}"))?;
        let result = if voice {
            verify_x_aksk(&token, username, &HmacKey::new(&secret), checks)
        } else {
            let encoding = if args.legacy_raw_digest {
                DigestEncoding::LegacyRaw
            } else {
                DigestEncoding::Hex
            };
            verify_x_wsse(&token, username, &secret, encoding, checks)
        };
        result.map(|_| ()).map_err(|e| match e {
            Error::KeyMismatch => e.to_string(),
            e => format!("{header}: {e}"),
        })
    };
    Ok(check())
}
