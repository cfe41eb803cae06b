//! batchSendDiffSms v1: different templates or variables per group of
//! numbers, as an `application/json` body (api-surface spec §3.3, §5 A12).

use super::{check_callback_extend, check_signature, empty_para, number_problem, MAX_NUMBERS};
use crate::api::{check, Endpoint, Request};
use crate::error::invalid;
use crate::json::write::{string_array, Object};
use crate::{Error, Field, Problem, Sink};

/// One element of `smsContent`: numbers, template and variables.
///
/// ```
/// use callsign_core::huawei::sms_api::SmsContent;
/// let c = SmsContent::new(&["+8615123456789"], "8ff55eac1d0b478ab3c06c3c6a492300");
/// assert_eq!(c.template_paras, None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SmsContent<'a> {
    /// `to`: 1 to 500 numbers, each 1–21 bytes of digits and `+`.
    pub to: &'a [&'a str],
    /// `templateId` (1–32).
    pub template_id: &'a str,
    /// `templateParas`: the variables, each non-empty (a real JSON array).
    pub template_paras: Option<&'a [&'a str]>,
    /// `signature`: the signature name (2–32 characters).
    pub signature: Option<&'a str>,
}

impl<'a> SmsContent<'a> {
    /// An element with numbers and a template, and nothing else.
    ///
    /// ```
    /// use callsign_core::huawei::sms_api::SmsContent;
    /// assert_eq!(SmsContent::new(&["+1"], "t").to.len(), 1);
    /// ```
    pub fn new(to: &'a [&'a str], template_id: &'a str) -> Self {
        SmsContent {
            to,
            template_id,
            template_paras: None,
            signature: None,
        }
    }

    fn validate(&self, index: usize) -> Result<(), Error> {
        let item = |field, problem| Error::InvalidListItem {
            list: Field::SmsContent,
            index,
            field,
            problem,
        };
        if self.to.is_empty() {
            return Err(item(Field::To, Problem::Empty));
        }
        if self.to.len() > MAX_NUMBERS {
            return Err(item(Field::To, Problem::TooMany { max: MAX_NUMBERS }));
        }
        if let Some(problem) = self.to.iter().find_map(|n| number_problem(n)) {
            return Err(item(Field::To, problem));
        }
        check::len(Field::TemplateId, self.template_id, 1, 32).map_err(|e| in_item(e, index))?;
        if let Some(i) = empty_para(self.template_paras) {
            return Err(item(
                Field::TemplateParas,
                Problem::EmptyElement { index: i },
            ));
        }
        check_signature(Field::Signature, self.signature).map_err(|e| in_item(e, index))
    }
}

/// Moves a field error into element `index` of `smsContent`.
fn in_item(e: Error, index: usize) -> Error {
    match e {
        Error::InvalidField { field, problem } => Error::InvalidListItem {
            list: Field::SmsContent,
            index,
            field,
            problem,
        },
        other => other,
    }
}

/// A batchSendDiffSms v1 request body.
///
/// ```
/// use callsign_core::huawei::sms_api::{BatchSendDiffSms, SmsContent};
/// let content = [SmsContent::new(&["+8615123456789"], "8ff55eac1d0b478ab3c06c3c6a492300")];
/// let mut sms = BatchSendDiffSms::new("csms12345678", &content);
/// sms.extend = Some("batch-7");
/// assert_eq!(
///     sms.request()?.to_heapless::<256>()?.as_str(),
///     r#"{"from":"csms12345678","smsContent":[{"to":["+8615123456789"],"templateId":"8ff55eac1d0b478ab3c06c3c6a492300"}],"extend":"batch-7"}"#
/// );
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BatchSendDiffSms<'a> {
    /// `from`: the channel number (1–21).
    pub from: &'a str,
    /// `smsContent`: at least one element.
    pub sms_content: &'a [SmsContent<'a>],
    /// `statusCallback`: the status report URL (1–1024).
    pub status_callback: Option<&'a str>,
    /// `extend`: echoed in the status report (1–128, no `{` `}`).
    pub extend: Option<&'a str>,
}

impl<'a> BatchSendDiffSms<'a> {
    /// A request with the required fields and nothing else.
    ///
    /// ```
    /// use callsign_core::huawei::sms_api::BatchSendDiffSms;
    /// assert!(BatchSendDiffSms::new("csms12345678", &[]).request().is_err());
    /// ```
    pub fn new(from: &'a str, sms_content: &'a [SmsContent<'a>]) -> Self {
        BatchSendDiffSms {
            from,
            sms_content,
            status_callback: None,
            extend: None,
        }
    }

    /// Validates and returns the request (method, path, body).
    ///
    /// ```
    /// use callsign_core::huawei::sms_api::{BatchSendDiffSms, SmsContent};
    /// use callsign_core::{Error, Field, Problem};
    /// let content = [SmsContent::new(&["+8615123456789"], "")];
    /// assert_eq!(
    ///     BatchSendDiffSms::new("csms12345678", &content).request().unwrap_err(),
    ///     Error::InvalidListItem { list: Field::SmsContent, index: 0, field: Field::TemplateId, problem: Problem::TooShort { min: 1 } }
    /// );
    /// ```
    pub fn request(&self) -> Result<Request<'_, Self>, Error> {
        Request::new(self)
    }
}

impl Endpoint for BatchSendDiffSms<'_> {
    const METHOD: &'static str = "POST";
    const PATH: &'static str = "/sms/batchSendDiffSms/v1";
    const CONTENT_TYPE: &'static str = "application/json";

    fn validate(&self) -> Result<(), Error> {
        check::len(Field::From, self.from, 1, 21)?;
        if self.sms_content.is_empty() {
            return Err(invalid(Field::SmsContent, Problem::Empty));
        }
        for (index, content) in self.sms_content.iter().enumerate() {
            content.validate(index)?;
        }
        check_callback_extend(self.status_callback, self.extend)
    }

    fn emit_body<S: Sink + ?Sized>(&self, sink: &mut S) {
        let mut o = Object::new(sink);
        o.str("from", self.from);
        let list = o.key("smsContent");
        list.write(b"[");
        for (i, c) in self.sms_content.iter().enumerate() {
            if i > 0 {
                list.write(b",");
            }
            let mut item = Object::new(&mut *list);
            string_array(item.key("to"), c.to);
            item.str("templateId", c.template_id);
            if let Some(paras) = c.template_paras {
                string_array(item.key("templateParas"), paras);
            }
            item.opt_str("signature", c.signature);
            item.end();
        }
        list.write(b"]");
        o.opt_str("statusCallback", self.status_callback);
        o.opt_str("extend", self.extend);
        o.end();
    }
}
