//! Request inputs shared by the Sinch, Mailgun and verify subcommands: a
//! body given as text or as a file (streamed in chunks, never read whole),
//! `--header 'Name: value'` arguments, and error messages that name the
//! option at fault.

use std::io::Read;
use std::path::PathBuf;

use callsign_core::{Error, Field};
use clap::Args;

use crate::UsageError;

/// Bytes read from a body file at a time.
const CHUNK: usize = 64 * 1024;

/// `--body TEXT` or `--body-file FILE`; neither means no body.
#[derive(Args, Debug)]
pub struct BodyArgs {
    /// The request body as text (its UTF-8 bytes). Absent: no body.
    #[arg(long, value_name = "TEXT", conflicts_with = "body_file")]
    pub body: Option<String>,
    /// Read the request body from this file (streamed, not loaded whole).
    #[arg(long, value_name = "FILE")]
    pub body_file: Option<PathBuf>,
}

impl BodyArgs {
    /// Whether a body was given (possibly empty).
    pub fn is_present(&self) -> bool {
        self.body.is_some() || self.body_file.is_some()
    }

    /// Feeds the body to `feed` in chunks; nothing when there is none.
    pub fn stream(&self, mut feed: impl FnMut(&[u8])) -> Result<(), UsageError> {
        match (&self.body, &self.body_file) {
            (Some(text), _) => feed(text.as_bytes()),
            (None, Some(path)) => {
                let fail =
                    |e: std::io::Error| UsageError(format!("--body-file {}: {e}", path.display()));
                let mut file = std::fs::File::open(path).map_err(fail)?;
                let mut buf = vec![0u8; CHUNK];
                loop {
                    let n = file.read(&mut buf).map_err(fail)?;
                    if n == 0 {
                        break;
                    }
                    feed(&buf[..n]);
                }
            }
            (None, None) => {}
        }
        Ok(())
    }
}

/// Splits the `--header` arguments at their first `:`; values lose their
/// surrounding spaces and tabs (HTTP's optional whitespace). Order and
/// letter case are kept. The text is not shown in errors: it may hold a
/// credential.
pub fn split_headers(args: &[String]) -> Result<Vec<(&str, &str)>, UsageError> {
    args.iter()
        .enumerate()
        .map(|(i, text)| {
            let (name, value) = text.split_once(':').ok_or_else(|| {
                UsageError(format!(
                    "--header number {}: expected 'Name: value' (no colon found)",
                    i + 1
                ))
            })?;
            if name.is_empty() || name.contains([' ', '\t']) {
                return Err(UsageError(format!(
                    "--header number {}: expected 'Name: value' (the name is empty or holds a space)",
                    i + 1
                )));
            }
            Ok((name, value.trim_matches([' ', '\t'])))
        })
        .collect()
}

/// Parses a whole number of seconds given to `option`.
pub fn seconds(option: &str, text: &str) -> Result<u64, UsageError> {
    text.parse().map_err(|_| {
        UsageError(format!(
            "{option}: expected a whole number of seconds, got {text:?}"
        ))
    })
}

/// The field an error is about, if it names one.
pub fn field_of(e: &Error) -> Option<Field> {
    match *e {
        Error::InvalidLength { field, .. }
        | Error::InvalidCharacter { field, .. }
        | Error::Malformed { field, .. }
        | Error::InvalidBase64 { field, .. }
        | Error::InvalidUtf8 { field, .. }
        | Error::MissingHeader { field } => Some(field),
        _ => None,
    }
}

/// An input error as a usage error naming the option (`option_of` maps a
/// field to it) or the secret's environment variable.
pub fn usage(e: Error, option_of: impl Fn(Field) -> Option<&'static str>) -> UsageError {
    match field_of(&e) {
        Some(Field::Secret) => UsageError(format!("CALLSIGN_SECRET / CALLSIGN_SECRET_HEX: {e}")),
        Some(field) => match option_of(field) {
            Some(option) => UsageError(format!("{option}: {e}")),
            None => UsageError(e.to_string()),
        },
        None => UsageError(e.to_string()),
    }
}
