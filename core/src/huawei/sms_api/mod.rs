//! Huawei Message & SMS (MSGSMS) request bodies: batchSendSms v1
//! ([`BatchSendSms`], form-urlencoded) and batchSendDiffSms v1
//! ([`BatchSendDiffSms`], JSON), validated against the field tables
//! (api-surface spec §3). Sign the request with [`super::sms`] (`X-WSSE`)
//! or [`super::apig`].
//!
//! ```
//! use callsign_core::huawei::sms_api::BatchSendSms;
//! let mut sms = BatchSendSms::new("csms12345678", "+8615123456789", "8ff55eac1d0b478ab3c06c3c6a492300");
//! sms.template_paras = Some(&["369751"]);
//! let req = sms.request()?;
//! assert_eq!(req.path(), "/sms/batchSendSms/v1");
//! assert!(req.to_heapless::<256>()?.ends_with("&templateParas=%5B%22369751%22%5D"));
//! # Ok::<(), callsign_core::Error>(())
//! ```

mod batch;
mod batch_diff;
mod response;
mod status_report;

pub use crate::form::{FormBytes, FormValue};
pub use batch::BatchSendSms;
pub use batch_diff::{BatchSendDiffSms, SmsContent};
pub use response::{SmsResponse, SmsResult, SmsResults, MAX_RESULTS, RESULT_CODES, SUCCESS};
pub use status_report::{
    check_status_report_content_type, StatusReport, DELIVERED, STATUS_REPORT_CONTENT_TYPE,
};

use crate::api::check;
use crate::{Error, Field, Problem};

/// Most destination numbers per request (spec §5 A13).
pub const MAX_NUMBERS: usize = 500;

/// Longest destination number, in bytes.
pub const NUMBER_MAX_LEN: usize = 21;

/// What is wrong with one destination number, if anything: 1 to 21 bytes of
/// digits and `+` (any other character makes the platform send nothing).
fn number_problem(number: &str) -> Option<Problem> {
    if number.is_empty() {
        return Some(Problem::TooShort { min: 1 });
    }
    if let Some(position) = number
        .bytes()
        .position(|b| !(b.is_ascii_digit() || b == b'+'))
    {
        return Some(Problem::ForbiddenChar { position });
    }
    (number.len() > NUMBER_MAX_LEN).then_some(Problem::TooLong {
        max: NUMBER_MAX_LEN,
    })
}

/// Checks the optional fields both APIs share: `statusCallback` (1–1024)
/// and `extend` (1–128, no `{` `}`).
fn check_callback_extend(status_callback: Option<&str>, extend: Option<&str>) -> Result<(), Error> {
    check::opt_len(Field::StatusCallback, status_callback, 1, 1024)?;
    if let Some(e) = extend {
        check::len(Field::Extend, e, 1, 128)?;
        check::no_braces(Field::Extend, e)?;
    }
    Ok(())
}

/// The first empty template variable, if any (every variable must be set).
fn empty_para(paras: Option<&[&str]>) -> Option<usize> {
    paras?.iter().position(|p| p.is_empty())
}

/// Checks a signature name: 2 to 32 characters.
fn check_signature(field: Field, signature: Option<&str>) -> Result<(), Error> {
    signature.map_or(Ok(()), |s| check::chars(field, s, 2, 32))
}
