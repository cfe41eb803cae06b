//! `callsign huawei-apig`: signs one request with SDK-HMAC-SHA256 (or
//! SDK-HMAC-SM3, V11-HMAC-SHA256) and prints the headers to add, the
//! `Authorization` value and the request target; with `--explain`, also
//! the canonical request and the string to sign.

use std::path::PathBuf;

use callsign_core::huawei::apig::{Algorithm, Body, Request, Signer, Variant};
use callsign_core::{Emit, Error, Field, Timestamp};
use clap::{Args, ValueEnum};

use crate::{secret, UsageError};

/// Headers the CLI holds (the caller's plus the up to 3 added).
const MAX_HEADERS: usize = 128;
/// Query parameters the CLI holds.
const MAX_QUERY: usize = 1024;

/// Heading of the canonical request in `--explain` output.
pub const CANONICAL_REQUEST_HEADING: &str = "== Canonical request ==";
/// Heading of the string to sign in `--explain` output.
pub const STRING_TO_SIGN_HEADING: &str = "== String to sign ==";

#[derive(Args, Debug)]
pub struct ApigArgs {
    /// The app key (AK), or the APIG App key.
    #[arg(long, value_name = "AK")]
    app_key: String,
    /// HTTP method (any case; signed upper-cased).
    #[arg(long, value_name = "METHOD")]
    method: String,
    /// Request host as in the URL, with :port if the URL has one.
    #[arg(long, value_name = "HOST")]
    host: String,
    /// Path as sent on the wire, starting with /; may hold %XX escapes.
    #[arg(long, value_name = "WIRE_PATH")]
    path: String,
    /// A decoded query parameter, split at the first `=` (no `=`: empty
    /// value). Repeat for more; order does not matter.
    #[arg(long = "query", value_name = "NAME=VALUE")]
    query: Vec<String>,
    /// A request header, `Name: value`; the value is what follows the
    /// first colon, without surrounding spaces and tabs. Repeat for more.
    #[arg(long = "header", value_name = "NAME: VALUE")]
    header: Vec<String>,
    /// Read the body from this file (default: empty body).
    #[arg(long, value_name = "FILE", conflicts_with = "body")]
    body_file: Option<PathBuf>,
    /// The body as text (UTF-8).
    #[arg(long, value_name = "TEXT")]
    body: Option<String>,
    /// Signing time (X-Sdk-Date) when no X-Sdk-Date header is given.
    /// Default: now.
    #[arg(long, value_name = "YYYYMMDDTHHMMSSZ")]
    date: Option<String>,
    /// Signing algorithm.
    #[arg(long, value_enum, default_value_t = AlgorithmArg::SdkHmacSha256)]
    algorithm: AlgorithmArg,
    /// Region id, for v11-hmac-sha256 only (e.g. cn-north-4).
    #[arg(long, value_name = "REGION")]
    region: Option<String>,
    /// Service name, for v11-hmac-sha256 only (e.g. ecs).
    #[arg(long, value_name = "SERVICE")]
    service: Option<String>,
    /// Rules to follow: core (huaweicloudsdkcore, normative) or apig
    /// (Huawei's APIG Python signing SDK: signs `_` headers, no automatic
    /// UNSIGNED-PAYLOAD, empty secret accepted).
    #[arg(long, value_enum, default_value_t = VariantArg::Core)]
    variant: VariantArg,
    /// Also print the canonical request and the string to sign.
    #[arg(long)]
    explain: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum AlgorithmArg {
    SdkHmacSha256,
    SdkHmacSm3,
    V11HmacSha256,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum VariantArg {
    Core,
    Apig,
}

/// Runs the subcommand; `now` gives the time when neither `--date` nor an
/// X-Sdk-Date header does.
pub fn run(
    args: ApigArgs,
    now: fn() -> Result<Timestamp, UsageError>,
) -> Result<String, UsageError> {
    let secret = secret::from_env()?;
    let algorithm = algorithm(&args)?;
    let variant = match args.variant {
        VariantArg::Core => Variant::Core,
        VariantArg::Apig => Variant::ApigPython,
    };
    let query: Vec<(&str, &str)> = args.query.iter().map(|q| split_query(q)).collect();
    let headers = args
        .header
        .iter()
        .enumerate()
        .map(|(i, h)| split_header(i, h))
        .collect::<Result<Vec<_>, _>>()?;
    let body_bytes = body(&args)?;
    let date = match &args.date {
        Some(text) => {
            Timestamp::parse_basic(text).map_err(|e| UsageError(format!("--date: {e}")))?
        }
        None if has_header(&headers, "X-Sdk-Date") => Timestamp::UNIX_EPOCH,
        None => now()?,
    };
    let signer = Signer::new(&args.app_key, &secret, algorithm, variant)
        .map_err(|e| describe(e, &headers))?;
    let request = Request::new(&args.method, &args.host, &args.path, date)
        .with_query(&query)
        .with_headers(&headers)
        .with_body(Body::Bytes(&body_bytes));
    let signed = signer
        .sign_with::<MAX_HEADERS, MAX_QUERY>(&request)
        .map_err(|e| describe(e, &headers))?;

    let mut out = String::new();
    for (name, value) in signed.headers_added() {
        out.push_str(&format!("{name}: {value}\n"));
    }
    out.push_str(&format!(
        "Authorization: {}\n",
        text(&signed.authorization())?
    ));
    out.push_str(&format!(
        "Request-Target: {}\n",
        text(&signed.request_target())?
    ));
    if args.explain {
        out.push_str(&format!(
            "\n{CANONICAL_REQUEST_HEADING}\n{}\n\n{STRING_TO_SIGN_HEADING}\n{}\n",
            text(&signed.canonical_request())?,
            text(&signed.string_to_sign())?
        ));
    }
    Ok(out)
}

/// The algorithm, with `--region` and `--service` given exactly for V11.
fn algorithm(args: &ApigArgs) -> Result<Algorithm<'_>, UsageError> {
    match (args.algorithm, &args.region, &args.service) {
        (AlgorithmArg::V11HmacSha256, Some(region), Some(service)) => {
            Ok(Algorithm::V11HmacSha256 { region, service })
        }
        (AlgorithmArg::V11HmacSha256, _, _) => Err(UsageError(
            "--algorithm v11-hmac-sha256: needs --region and --service".into(),
        )),
        (_, Some(_), _) | (_, _, Some(_)) => Err(UsageError(
            "--region and --service: only with --algorithm v11-hmac-sha256".into(),
        )),
        (AlgorithmArg::SdkHmacSha256, None, None) => Ok(Algorithm::SdkHmacSha256),
        (AlgorithmArg::SdkHmacSm3, None, None) => Ok(Algorithm::SdkHmacSm3),
    }
}

/// `NAME=VALUE` split at the first `=`; no `=` means an empty value.
fn split_query(text: &str) -> (&str, &str) {
    text.split_once('=').unwrap_or((text, ""))
}

/// `Name: value` (the `index`th `--header`, from 0) split at the first
/// `:`, the value without surrounding spaces and tabs (HTTP's optional
/// whitespace). The text is not shown in the error: it may be a secret.
fn split_header(index: usize, text: &str) -> Result<(&str, &str), UsageError> {
    let (name, value) = text.split_once(':').ok_or_else(|| {
        UsageError(format!(
            "--header number {}: expected 'Name: value' (no colon found)",
            index + 1
        ))
    })?;
    Ok((name, value.trim_matches([' ', '\t'])))
}

fn has_header(headers: &[(&str, &str)], name: &str) -> bool {
    headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name))
}

fn body(args: &ApigArgs) -> Result<Vec<u8>, UsageError> {
    match (&args.body_file, &args.body) {
        (Some(path), _) => std::fs::read(path)
            .map_err(|e| UsageError(format!("--body-file {}: {e}", path.display()))),
        (None, Some(text)) => Ok(text.clone().into_bytes()),
        (None, None) => Ok(Vec::new()),
    }
}

/// The text of an output value.
fn text(value: &impl Emit) -> Result<String, UsageError> {
    let mut buf = vec![0u8; value.len()];
    let n = value.write(&mut buf)?;
    buf.truncate(n);
    String::from_utf8(buf).map_err(|_| UsageError("output is not UTF-8".into()))
}

/// At most 40 characters of a user's text, for a message.
fn clip(text: &str) -> String {
    let mut clipped: String = text.chars().take(40).collect();
    if clipped.len() < text.len() {
        clipped.push('…');
    }
    clipped
}

/// A core error, told in terms of the command line: which option, which
/// header (by name; header values may be secret, so they never appear).
fn describe(e: Error, headers: &[(&str, &str)]) -> UsageError {
    let header = |i: usize| headers.get(i).map_or("?", |(name, _)| name);
    let option = |field: Field| match field {
        Field::AppKey => "--app-key",
        Field::Secret => "CALLSIGN_SECRET",
        Field::Method => "--method",
        Field::Host => "--host",
        Field::Path => "--path",
        Field::Header => "--header",
        Field::Query => "--query",
        Field::Region => "--region",
        Field::Service => "--service",
        _ => "input",
    };
    let message = match e {
        Error::InvalidHeaderName { index } => format!(
            "--header {:?}: the name must be 1 to 64 token characters (letters, digits, !#$%&'*+-.^_`|~)",
            clip(header(index))
        ),
        Error::InvalidHeaderValue { index } => format!(
            "--header {}: the value holds CR, LF or NUL, or is empty where a value is needed",
            clip(header(index))
        ),
        Error::DuplicateHeader { first, second } => format!(
            "--header: {:?} and {:?} are the same name ignoring case",
            clip(header(first)),
            clip(header(second))
        ),
        Error::InvalidTimestamp | Error::TimestampOutOfRange => {
            format!("--header X-Sdk-Date: {e}")
        }
        Error::InvalidLength { field, .. }
        | Error::InvalidCharacter { field, .. }
        | Error::InvalidUtf8 { field, .. }
        | Error::TooManyItems { field, .. } => {
            let text = e.to_string();
            let detail = text
                .strip_prefix(field.name())
                .and_then(|rest| rest.strip_prefix(": "))
                .unwrap_or(&text);
            format!("{}: {detail}", option(field))
        }
        _ => e.to_string(),
    };
    UsageError(message)
}
