//! The signing subcommands for Sinch and Mailgun: `sinch` (Application and
//! Voice v2 `service` signed requests), `sinch-webhook`, `sinch-numbers`
//! and `mailgun-webhook`. Each prints the header lines to send.

use callsign_core::sinch::application::{signing_key, BodyMd5, Request, Scheme};
use callsign_core::sinch::{numbers, webhook};
use callsign_core::{mailgun, Emit, Field, HmacKey};
use clap::Args;

use crate::http_input::{usage, BodyArgs};
use crate::{secret, UsageError};

/// Heading of the Content-MD5 line in `--explain` output.
pub const CONTENT_MD5_HEADING: &str = "== Content-MD5 ==";
/// Heading of the string to sign in `--explain` output.
pub const STRING_TO_SIGN_HEADING: &str = "== String to sign ==";

#[derive(Args, Debug)]
pub struct SinchArgs {
    /// The application key (with --service: the Voice v2 service key).
    #[arg(long, value_name = "KEY")]
    key: String,
    /// HTTP method (any case; signed upper-cased).
    #[arg(long, value_name = "M")]
    method: String,
    /// Request target: the path, percent-encoded as sent, with or without
    /// a query. The signed resource is the path, percent-decoded.
    #[arg(long, value_name = "PATH")]
    target: String,
    /// The Content-Type header exactly as sent. Absent: the request has
    /// none (an empty line is signed).
    #[arg(long, value_name = "CT")]
    content_type: Option<String>,
    /// The x-timestamp header: ISO 8601 UTC, sent and signed as given,
    /// e.g. 2024-07-01T12:34:56.789Z.
    #[arg(long, value_name = "TS")]
    timestamp: String,
    #[command(flatten)]
    body: BodyArgs,
    /// Voice API v2 `service` scheme (Authorization: service KEY:SIG;
    /// Content-MD5 also for an empty body).
    #[arg(long)]
    service: bool,
    /// Also print the Content-MD5 and the string to sign.
    #[arg(long)]
    explain: bool,
}

#[derive(Args, Debug)]
pub struct SinchWebhookArgs {
    /// The x-sinch-webhook-signature-nonce value.
    #[arg(long, value_name = "N")]
    nonce: String,
    /// The x-sinch-webhook-signature-timestamp value (Unix seconds).
    #[arg(long, value_name = "T")]
    timestamp: String,
    #[command(flatten)]
    body: BodyArgs,
}

#[derive(Args, Debug)]
pub struct SinchNumbersArgs {
    #[command(flatten)]
    body: BodyArgs,
}

#[derive(Args, Debug)]
pub struct MailgunWebhookArgs {
    /// The webhook's signature.timestamp (Unix seconds).
    #[arg(long, value_name = "T")]
    timestamp: String,
    /// The webhook's signature.token.
    #[arg(long, value_name = "TOK")]
    token: String,
}

/// The option of `callsign sinch` that sets `field`.
fn sinch_option(field: Field) -> Option<&'static str> {
    match field {
        Field::AppKey => Some("--key"),
        Field::Method => Some("--method"),
        Field::Path => Some("--target"),
        Field::ContentType => Some("--content-type"),
        Field::Timestamp => Some("--timestamp"),
        _ => None,
    }
}

/// `callsign sinch`: `x-timestamp` and `Authorization` lines.
pub fn sinch(args: SinchArgs) -> Result<String, UsageError> {
    let secret = secret::from_env()?;
    let key = signing_key(&secret).map_err(|e| usage(e, sinch_option))?;
    let mut md5 = BodyMd5::new();
    args.body.stream(|chunk| md5.update(chunk))?;
    let scheme = if args.service {
        Scheme::Service
    } else {
        Scheme::Application
    };
    let request = Request::new(
        scheme,
        &args.method,
        &args.target,
        args.content_type.as_deref(),
        &args.timestamp,
        &md5.finish(),
    )
    .map_err(|e| usage(e, sinch_option))?;
    let auth = request
        .sign(&args.key, &key)
        .map_err(|e| usage(e, sinch_option))?;
    let mut out = format!("x-timestamp: {}\nAuthorization: {auth}\n", args.timestamp);
    if args.explain {
        out.push_str(&format!(
            "\n{CONTENT_MD5_HEADING}\n{}\n\n{STRING_TO_SIGN_HEADING}\n{}\n",
            request.content_md5().as_str(),
            text(&request.string_to_sign())?
        ));
    }
    Ok(out)
}

/// `callsign sinch-webhook`: the `x-sinch-webhook-signature` line.
pub fn sinch_webhook(args: SinchWebhookArgs) -> Result<String, UsageError> {
    let secret = secret::from_env()?;
    let mut mac = webhook::WebhookMac::new(&HmacKey::new(&secret));
    args.body.stream(|chunk| mac.update(chunk))?;
    let sig = mac
        .sign(&args.nonce, &args.timestamp)
        .map_err(|e| usage(e, webhook_option))?;
    Ok(format!("{}: {sig}\n", webhook::HEADER_SIGNATURE))
}

fn webhook_option(field: Field) -> Option<&'static str> {
    match field {
        Field::Nonce => Some("--nonce"),
        Field::Timestamp => Some("--timestamp"),
        _ => None,
    }
}

/// `callsign sinch-numbers`: the `X-Sinch-Signature` line.
pub fn sinch_numbers(args: SinchNumbersArgs) -> Result<String, UsageError> {
    let secret = secret::from_env()?;
    let mut mac = numbers::NumbersMac::new(&secret).map_err(|e| usage(e, |_| None))?;
    args.body.stream(|chunk| mac.update(chunk))?;
    Ok(format!("{}: {}\n", numbers::HEADER, mac.sign()))
}

/// `callsign mailgun-webhook`: the `signature` line.
pub fn mailgun_webhook(args: MailgunWebhookArgs) -> Result<String, UsageError> {
    let secret = secret::from_env()?;
    let sig = mailgun::sign(&HmacKey::new(&secret), &args.timestamp, &args.token).map_err(|e| {
        usage(e, |field| match field {
            Field::Timestamp => Some("--timestamp"),
            Field::Token => Some("--token"),
            _ => None,
        })
    })?;
    Ok(format!("signature: {sig}\n"))
}

/// The text of an output value.
fn text(value: &impl Emit) -> Result<String, UsageError> {
    let mut buf = vec![0u8; value.len()];
    let n = value.write(&mut buf)?;
    buf.truncate(n);
    Ok(String::from_utf8_lossy(&buf).into_owned())
}
