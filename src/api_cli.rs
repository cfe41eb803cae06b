//! `callsign build`, `callsign parse` and `callsign result-code`: the API
//! surface of callsign-core from the command line, JSON on stdin and
//! stdout (the contract of issue 10, item 9).

use std::io::Read;

use callsign_cli::api_build::{build, BUILD_KINDS};
use callsign_cli::api_parse::{parse, Context, PARSE_KINDS};
use callsign_core::api::{classify, Category, ResultCode};
use callsign_core::huawei::{sms_api, voice_api};
use clap::{builder::PossibleValuesParser, Args};

use crate::UsageError;

#[derive(Args, Debug)]
pub struct BuildArgs {
    /// What to build.
    #[arg(value_name = "KIND", value_parser = PossibleValuesParser::new(BUILD_KINDS))]
    kind: String,
}

#[derive(Args, Debug)]
pub struct ParseArgs {
    /// What the payload on stdin is.
    #[arg(value_name = "KIND", value_parser = PossibleValuesParser::new(PARSE_KINDS))]
    kind: String,
    /// The HTTP status of the response (responses; default 200).
    #[arg(long, value_name = "N")]
    http_status: Option<u16>,
    /// The Content-Type the payload came with (SMS status reports).
    #[arg(long, value_name = "CT")]
    content_type: Option<String>,
    /// When the token request was sent, Unix seconds (Sinch tokens).
    #[arg(long, value_name = "UNIX")]
    received_at: Option<u64>,
}

#[derive(Args, Debug)]
pub struct ResultCodeArgs {
    /// The result code, as the response body spells it (e.g. 1010013, E000503).
    #[arg(value_name = "CODE")]
    code: String,
    /// The HTTP status it came with (the same code can mean two things).
    #[arg(long, value_name = "N")]
    http_status: Option<u16>,
}

fn stdin_text() -> Result<String, UsageError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| UsageError(format!("stdin: {e}")))?;
    String::from_utf8(bytes).map_err(|_| UsageError("stdin: not UTF-8".into()))
}

/// `callsign build KIND`: the input object on stdin, the request on stdout.
pub fn run_build(args: BuildArgs) -> Result<String, UsageError> {
    let text = stdin_text()?;
    let input: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| UsageError(format!("input: not JSON ({e})")))?;
    if !input.is_object() {
        return Err(UsageError("input: a JSON object expected".into()));
    }
    let out = build(&args.kind, &input)?;
    Ok(format!("{out}\n"))
}

/// `callsign parse KIND`: the raw payload on stdin, its fields on stdout.
pub fn run_parse(args: ParseArgs) -> Result<String, UsageError> {
    let raw = stdin_text()?;
    let ctx = Context {
        http_status: args.http_status,
        content_type: args.content_type,
        received_at: args.received_at,
    };
    let out = parse(&args.kind, &raw, &ctx)?;
    Ok(format!("{out}\n"))
}

/// `callsign result-code CODE`: the code's text, category and advice.
pub fn run_result_code(args: ResultCodeArgs) -> Result<String, UsageError> {
    let tables: [(&str, &'static [ResultCode]); 2] = [
        ("Huawei Voice Call", voice_api::RESULT_CODES),
        ("Huawei Message & SMS", sms_api::RESULT_CODES),
    ];
    let mut out = String::new();
    for (api, table) in tables {
        for row in table.iter().filter(|r| r.code == args.code) {
            if args.http_status.is_some_and(|s| s != row.http_status) {
                continue;
            }
            out.push_str(&describe(api, row));
        }
    }
    if out.is_empty() {
        let Some(status) = args.http_status else {
            return Err(UsageError(format!(
                "code: {:?} is in no result-code table (give --http-status N for the fallback by HTTP status)",
                args.code
            )));
        };
        let (category, _) = classify(voice_api::RESULT_CODES, status, &args.code);
        out = format!(
            "{} (HTTP {status}): unknown code, classified by its HTTP status\ncategory: {}\n{}advice: {}\n",
            args.code,
            category.as_str(),
            retry_line(category),
            category.advice()
        );
    }
    Ok(out)
}

fn describe(api: &str, row: &ResultCode) -> String {
    let note = if row.note.is_empty() {
        String::new()
    } else {
        format!("note: {}\n", row.note)
    };
    format!(
        "{} (HTTP {}, {api}): {}\ncategory: {}\n{}advice: {}\n{note}",
        row.code,
        row.http_status,
        row.text,
        row.category.as_str(),
        retry_line(row.category),
        row.category.advice(),
    )
}

fn retry_line(category: Category) -> String {
    match category {
        Category::RetryLater {
            after_secs: Some(s),
        } => format!("retry after: {s} s\n"),
        _ => String::new(),
    }
}
