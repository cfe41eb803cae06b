//! The SMS status report the platform pushes to `statusCallback`
//! (api-surface spec §3.5): `application/x-www-form-urlencoded`, split on
//! `&` and `=` first, then each name and value decoded on its own (the
//! vendor demos decode the whole body first, which breaks on an `extend`
//! holding an encoded `&` or `=`).

use crate::api::check;
use crate::error::invalid;
use crate::form::FormValue;
use crate::{Error, Field, Problem};

/// The media type of a status report.
pub const STATUS_REPORT_CONTENT_TYPE: &str = "application/x-www-form-urlencoded";

/// The `status` of a delivered message.
pub const DELIVERED: &str = "DELIVRD";

/// A parsed status report; values are borrowed from the body, still
/// encoded (see [`FormValue`]).
///
/// ```
/// use callsign_core::huawei::sms_api::StatusReport;
/// let r = StatusReport::parse("sequence=1&total=1&updateTime=2018-10-31T08%3A43%3A41Z&source=2&smsMsgId=2ea20735-f856-4376-afbf-570bd70a46ee_11840135&status=DELIVRD")?;
/// assert!(r.is_delivered());
/// assert!(r.update_time.unwrap() == "2018-10-31T08:43:41Z");
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusReport<'a> {
    /// `smsMsgId` (1–50): as in the send response.
    pub sms_msg_id: FormValue<'a>,
    /// `status` (1–7): `DELIVRD` when delivered.
    pub status: FormValue<'a>,
    /// `statusDesc` (1–500).
    pub status_desc: Option<FormValue<'a>>,
    /// `total` (1–2): number of parts.
    pub total: Option<FormValue<'a>>,
    /// `sequence` (1–2): part number.
    pub sequence: Option<FormValue<'a>>,
    /// `source`: `1`, `2` or `3`.
    pub source: Option<FormValue<'a>>,
    /// `updateTime` (1–20), `yyyy-MM-dd'T'HH:mm:ss'Z'`, kept as text.
    pub update_time: Option<FormValue<'a>>,
    /// `extend` (1–128): the send request's.
    pub extend: Option<FormValue<'a>>,
    /// `to` (1–21): with `extend` only.
    pub to: Option<FormValue<'a>>,
    /// `orgCode`: the carrier's original code (in vendor samples, not in the
    /// retrieved table).
    pub org_code: Option<FormValue<'a>>,
}

/// The keys, their fields, and their length limits in characters.
const KEYS: [(&str, Field, usize, usize); 10] = [
    ("smsMsgId", Field::SmsMsgId, 1, 50),
    ("status", Field::Status, 1, 7),
    ("statusDesc", Field::StatusDesc, 1, 500),
    ("total", Field::Total, 1, 2),
    ("sequence", Field::Sequence, 1, 2),
    ("source", Field::Source, 1, 1),
    ("updateTime", Field::UpdateTime, 1, 20),
    ("extend", Field::Extend, 1, 128),
    ("to", Field::To, 1, 21),
    ("orgCode", Field::OrgCode, 1, 64),
];

/// The pairs of a form body with their byte offsets: `(offset, name,
/// value, value offset)`. Empty segments (`a=1&&b=2`) are skipped.
fn pairs(body: &str) -> impl Iterator<Item = (usize, &str, &str, usize)> {
    check::pieces(body, b'&').filter_map(move |(at, pair)| {
        if pair.is_empty() {
            return None;
        }
        let (name, value) = check::split_once(pair, b'=').unwrap_or((pair, ""));
        Some((
            at,
            name,
            value,
            at.saturating_add(name.len()).saturating_add(1),
        ))
    })
}

impl<'a> StatusReport<'a> {
    /// Parses a report body: each name and value decoded separately, a bad
    /// `%` escape refused, a key given twice refused, unknown keys ignored,
    /// an empty optional value taken as absent.
    ///
    /// ```
    /// use callsign_core::huawei::sms_api::StatusReport;
    /// use callsign_core::{Error, Field, Problem};
    /// assert_eq!(
    ///     StatusReport::parse("smsMsgId=a&status=DELIVRDX").unwrap_err(),
    ///     Error::InvalidField { field: Field::Status, problem: Problem::TooLong { max: 7 } }
    /// );
    /// assert!(StatusReport::parse("smsMsgId=a&status=DELIVRD&status=UNDELIV").is_err());
    /// assert!(StatusReport::parse("smsMsgId=a&status=DELIVRD&updateTime=2018%3G").is_err());
    /// ```
    pub fn parse(body: &'a str) -> Result<Self, Error> {
        let mut found: [Option<FormValue<'a>>; 10] = [None; 10];
        for (index, (at, name, value, value_at)) in pairs(body).enumerate() {
            let name = FormValue::checked(name, at, Field::Body)?;
            let duplicate = pairs(body).take(index).any(|(_, earlier, _, _)| {
                FormValue::checked(earlier, 0, Field::Body)
                    .is_ok_and(|e| e.bytes().eq(name.bytes()))
            });
            let known = KEYS
                .iter()
                .zip(found.iter_mut())
                .find(|((key, ..), _)| name == *key);
            if let Some(((_, field, min, max), slot)) = known {
                if duplicate {
                    return Err(invalid(*field, Problem::Duplicate));
                }
                let value = FormValue::checked(value, value_at, *field)?;
                if value.raw().is_empty() && *min > 0 {
                    continue;
                }
                value.check_chars(*field, *min, *max)?;
                *slot = Some(value);
            } else if duplicate {
                return Err(invalid(Field::Body, Problem::Duplicate));
            }
        }
        let [id, status, status_desc, total, sequence, source, update_time, extend, to, org_code] =
            found;
        if let Some(s) = source {
            if !(s == "1" || s == "2" || s == "3") {
                return Err(invalid(
                    Field::Source,
                    Problem::NotInEnum { allowed: "1|2|3" },
                ));
            }
        }
        Ok(StatusReport {
            sms_msg_id: id.ok_or(invalid(Field::SmsMsgId, Problem::Missing))?,
            status: status.ok_or(invalid(Field::Status, Problem::Missing))?,
            status_desc,
            total,
            sequence,
            source,
            update_time,
            extend,
            to,
            org_code,
        })
    }

    /// Whether the message was delivered: `status` is exactly `DELIVRD`
    /// (spec §5 A16).
    ///
    /// ```
    /// # use callsign_core::huawei::sms_api::StatusReport;
    /// assert!(!StatusReport::parse("smsMsgId=a&status=delivrd")?.is_delivered());
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn is_delivered(&self) -> bool {
        self.status == DELIVERED
    }
}

/// Checks a report's `Content-Type`: `application/x-www-form-urlencoded`,
/// parameters (`; charset=UTF-8`) allowed, case-insensitive.
///
/// ```
/// use callsign_core::huawei::sms_api::check_status_report_content_type;
/// assert!(check_status_report_content_type("application/x-www-form-urlencoded; charset=UTF-8").is_ok());
/// assert!(check_status_report_content_type("application/json").is_err());
/// ```
pub fn check_status_report_content_type(content_type: &str) -> Result<(), Error> {
    let media = check::pieces(content_type, b';')
        .next()
        .map_or("", |(_, m)| m)
        .trim();
    if media.eq_ignore_ascii_case(STATUS_REPORT_CONTENT_TYPE) {
        Ok(())
    } else {
        Err(invalid(
            Field::ContentType,
            Problem::NotInEnum {
                allowed: STATUS_REPORT_CONTENT_TYPE,
            },
        ))
    }
}
