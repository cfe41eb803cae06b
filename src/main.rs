//! `callsign`: prints signed authentication headers for Huawei Cloud
//! (X-AKSK, X-WSSE), Sinch and Mailgun from the command line.
//!
//! Secrets never go on the command line: they come from the environment
//! variable `CALLSIGN_SECRET` (UTF-8 text) or `CALLSIGN_SECRET_HEX` (hex
//! bytes). Bad input prints one line on stderr naming the field and exits
//! with status 2.

mod api_cli;
mod apig;
mod bench;
mod demo;
mod http_input;
mod secret;
mod send_cli;
mod sinch_cli;
mod verify_cli;

use std::io::Write;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use callsign_core::huawei::{sms, voice};
use callsign_core::{basic::Basic, HmacKey, Nonce, Timestamp};
use clap::{Args, Parser, Subcommand};

/// Sign the HTTP authentication of Huawei Cloud, Sinch and Mailgun APIs.
///
/// Secrets are read from the environment: CALLSIGN_SECRET (UTF-8 text) or
/// CALLSIGN_SECRET_HEX (hex-encoded bytes), never from the command line.
#[derive(Parser, Debug)]
#[command(name = "callsign", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Huawei Voice Call X-AKSK headers (click2Call, callVerify, callStop).
    ///
    /// Prints two lines: `Authorization: AKSK ...` and `X-AKSK: UsernameToken ...`.
    /// The app secret comes from CALLSIGN_SECRET or CALLSIGN_SECRET_HEX.
    HuaweiVoice(TokenArgs),
    /// Huawei Message & SMS X-WSSE headers (batchSendSms).
    ///
    /// Prints two lines: `Authorization: WSSE ...` and `X-WSSE: UsernameToken ...`.
    /// The app secret comes from CALLSIGN_SECRET or CALLSIGN_SECRET_HEX.
    HuaweiSms {
        #[command(flatten)]
        token: TokenArgs,
        /// Use the legacy digest: Base64 of the raw SHA-256 (older demos),
        /// instead of the normative Base64 of its hex text.
        #[arg(long)]
        legacy_raw_digest: bool,
    },
    /// HTTP Basic authentication header (Sinch keys, Sinch applications, Mailgun).
    ///
    /// Prints `Authorization: Basic ...`. The password (key secret, app
    /// secret, or Mailgun API key with --user api) comes from CALLSIGN_SECRET
    /// or CALLSIGN_SECRET_HEX.
    Basic {
        /// The user: Sinch key id or application key, or `api` for Mailgun.
        #[arg(long, value_name = "USER")]
        user: String,
    },
    /// Sign a sample request for every scheme with fixed sample credentials
    /// and print ready-to-paste curl commands.
    Demo,
    /// Huawei SDK-HMAC-SHA256 request signing (API Gateway App auth, IAM
    /// AK/SK, SMS "special AK/SK"); also SDK-HMAC-SM3 and V11-HMAC-SHA256.
    ///
    /// Prints one `Name: value` line per header to add (X-Sdk-Date, Host,
    /// X-Sdk-Content-Sha256), then `Authorization: ...` and
    /// `Request-Target: /path?query`. The secret (SK) comes from
    /// CALLSIGN_SECRET or CALLSIGN_SECRET_HEX.
    HuaweiApig(apig::ApigArgs),
    /// Sinch Application-signed request (Voice v1, Verification), or with
    /// --service a Voice API v2 `service`-signed request.
    ///
    /// Prints `x-timestamp: TS` and `Authorization: Application KEY:SIG`
    /// (`service KEY:SIG`). The secret is the Base64 application (service)
    /// secret as issued, from CALLSIGN_SECRET or CALLSIGN_SECRET_HEX.
    Sinch(sinch_cli::SinchArgs),
    /// Sinch Conversation / SMS webhook signature.
    ///
    /// Prints `x-sinch-webhook-signature: SIG`. The webhook secret (used as
    /// its bytes) comes from CALLSIGN_SECRET or CALLSIGN_SECRET_HEX.
    SinchWebhook(sinch_cli::SinchWebhookArgs),
    /// Sinch Numbers callback signature.
    ///
    /// Prints `X-Sinch-Signature: HEX`. The callback secret comes from
    /// CALLSIGN_SECRET or CALLSIGN_SECRET_HEX.
    SinchNumbers(sinch_cli::SinchNumbersArgs),
    /// Mailgun webhook signature.
    ///
    /// Prints `signature: HEX`. The webhook signing key comes from
    /// CALLSIGN_SECRET or CALLSIGN_SECRET_HEX.
    MailgunWebhook(sinch_cli::MailgunWebhookArgs),
    /// Verify a received request: prints `valid` (exit 0) or
    /// `invalid: REASON` (exit 1); a bad invocation exits 2.
    ///
    /// The secret (as for signing) comes from CALLSIGN_SECRET or
    /// CALLSIGN_SECRET_HEX.
    Verify(verify_cli::VerifyArgs),
    /// Build a Huawei voice/SMS request body or a Sinch token request from
    /// JSON on stdin (`{"fields": {...}}`; for sinch-oauth-token
    /// `{"region","key_id","key_secret"}`); prints one JSON object
    /// (`{"method","path","content_type","body"}`, the token request
    /// `{"method","url","headers","body"}`).
    Build(api_cli::BuildArgs),
    /// Parse a response or a pushed notification (the raw payload on
    /// stdin); prints one JSON object `{"fields": {...}, ...}` with the
    /// derived values (category, success, delivered, expiry, ...).
    Parse(api_cli::ParseArgs),
    /// Explain a result code: its text, category and what to do.
    ResultCode(api_cli::ResultCodeArgs),
    /// Build, sign (X-AKSK or X-WSSE, fresh nonce, current time), send and
    /// parse a Huawei voice or SMS request; fields as JSON on stdin.
    ///
    /// Prints the parsed response with its category and advice; exit 0 on
    /// success, 1 when the API answered an error. A clock error is retried
    /// once with the clock corrected from the server's Date. The app secret
    /// comes from CALLSIGN_SECRET or CALLSIGN_SECRET_HEX.
    Send(send_cli::SendArgs),
    /// Measure callsign beside its peers (hmac+sha2, ring, and OpenSSL when
    /// built with `--features openssl`) and the SHA-256 compression limit on
    /// this machine, in a few seconds. Build with --release.
    Bench {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args, Debug)]
struct TokenArgs {
    /// The application key (the token's Username).
    #[arg(long, value_name = "KEY")]
    app_key: String,
    /// Nonce: 1 to 128 ASCII letters and digits. Default: 32 random hex characters.
    #[arg(long, value_name = "NONCE")]
    nonce: Option<String>,
    /// Created time, UTC, as YYYY-MM-DDTHH:MM:SSZ. Default: now.
    #[arg(long, value_name = "YYYY-MM-DDTHH:MM:SSZ", conflicts_with = "unix")]
    created: Option<String>,
    /// Created time as Unix seconds. Default: now.
    #[arg(long, value_name = "SECONDS")]
    unix: Option<String>,
}

/// An error the user can fix: printed on one line, exit status 2.
#[derive(Debug)]
pub struct UsageError(pub String);

impl<E: core::fmt::Display> From<E> for UsageError {
    fn from(e: E) -> Self {
        UsageError(e.to_string())
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("callsign: error: {message}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                // --help and --version: clap prints them on stdout.
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            // clap's message, without its usage and tip lines, on one line.
            let text = e.to_string();
            let message: Vec<&str> = text
                .lines()
                .map(str::trim)
                .take_while(|l| !l.is_empty() && !l.starts_with("Usage:"))
                .collect();
            return fail(message.join(" ").trim_start_matches("error: "));
        }
    };
    let command = match cli.command {
        Command::Verify(args) => return verify_cli::run(args),
        Command::Send(args) => return send_cli::run(args),
        command => command,
    };
    match run(command) {
        Ok(text) => {
            let mut stdout = std::io::stdout().lock();
            if stdout.write_all(text.as_bytes()).is_err() || stdout.flush().is_err() {
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(UsageError(message)) => fail(&message),
    }
}

fn run(command: Command) -> Result<String, UsageError> {
    match command {
        Command::HuaweiVoice(args) => {
            let secret = secret::from_env()?;
            let (nonce, created) = token_inputs(&args)?;
            let key = HmacKey::new(&secret);
            let value = voice::XAksk::new(&args.app_key, &key, &nonce, created)?;
            Ok(format!(
                "Authorization: {}\nX-AKSK: {}\n",
                voice::AUTHORIZATION,
                value.to_heapless()?
            ))
        }
        Command::HuaweiSms {
            token,
            legacy_raw_digest,
        } => {
            let secret = secret::from_env()?;
            let (nonce, created) = token_inputs(&token)?;
            let encoding = if legacy_raw_digest {
                sms::DigestEncoding::LegacyRaw
            } else {
                sms::DigestEncoding::Hex
            };
            let value =
                sms::XWsse::with_encoding(&token.app_key, &secret, &nonce, created, encoding)?;
            Ok(format!(
                "Authorization: {}\nX-WSSE: {}\n",
                sms::AUTHORIZATION,
                value.to_heapless()?
            ))
        }
        Command::Basic { user } => {
            let secret = secret::from_env()?;
            let value = Basic::new(&user, &secret)?;
            Ok(format!("Authorization: {}\n", value.to_heapless()?))
        }
        Command::Demo => demo::run(now()?),
        Command::HuaweiApig(args) => apig::run(args, now),
        Command::Sinch(args) => sinch_cli::sinch(args),
        Command::SinchWebhook(args) => sinch_cli::sinch_webhook(args),
        Command::SinchNumbers(args) => sinch_cli::sinch_numbers(args),
        Command::MailgunWebhook(args) => sinch_cli::mailgun_webhook(args),
        // Dispatched by main(), which sets the exit status from the verdict.
        Command::Verify(_) => Err(UsageError("verify: dispatched by main".into())),
        Command::Send(_) => Err(UsageError("send: dispatched by main".into())),
        Command::Bench { json } => bench::run(json).map_err(UsageError),
        Command::Build(args) => api_cli::run_build(args),
        Command::Parse(args) => api_cli::run_parse(args),
        Command::ResultCode(args) => api_cli::run_result_code(args),
    }
}

/// The nonce and Created time of a UsernameToken: given, or fresh.
fn token_inputs(args: &TokenArgs) -> Result<(Nonce, Timestamp), UsageError> {
    let nonce = match &args.nonce {
        Some(text) => Nonce::new(text)?,
        None => Nonce::generate(&mut getrandom::SysRng)?,
    };
    let created = match (&args.created, &args.unix) {
        (Some(text), _) => {
            Timestamp::parse_extended(text).map_err(|e| UsageError(format!("--created: {e}")))?
        }
        (None, Some(text)) => {
            let secs: u64 = text.parse().map_err(|_| {
                UsageError(format!(
                    "--unix: expected seconds since 1970-01-01 as a whole number, got {text:?}"
                ))
            })?;
            Timestamp::from_unix(secs).map_err(|e| UsageError(format!("--unix: {e}")))?
        }
        (None, None) => now()?,
    };
    Ok((nonce, created))
}

/// The current UTC time from the system clock.
fn now() -> Result<Timestamp, UsageError> {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_err(|_| UsageError("system clock: set before 1970".into()))?
        .as_secs();
    Timestamp::from_unix(secs).map_err(|e| UsageError(format!("system clock: {e}")))
}
