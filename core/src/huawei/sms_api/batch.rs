//! batchSendSms v1: the same template to up to 500 numbers, as an
//! `application/x-www-form-urlencoded` body (api-surface spec §3.2).

use super::{check_callback_extend, check_signature, empty_para, number_problem, MAX_NUMBERS};
use crate::api::{check, Endpoint, Request};
use crate::error::invalid;
use crate::form::Form;
use crate::json::write::string_array;
use crate::{Error, Field, Problem, Sink};

/// A batchSendSms v1 request body, written in the Huawei demo's field
/// order: from, to, templateId, templateParas, statusCallback, signature,
/// extend.
///
/// ```
/// use callsign_core::huawei::sms_api::BatchSendSms;
/// let mut sms = BatchSendSms::new("csms12345678", "+8615123456789", "8ff55eac1d0b478ab3c06c3c6a492300");
/// sms.extend = Some("order 42&x=y");
/// assert_eq!(
///     sms.request()?.to_heapless::<256>()?.as_str(),
///     "from=csms12345678&to=%2B8615123456789&templateId=8ff55eac1d0b478ab3c06c3c6a492300&extend=order+42%26x%3Dy"
/// );
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BatchSendSms<'a> {
    /// `from`: the channel number (1–21).
    pub from: &'a str,
    /// `to`: comma-separated numbers, at most 500, each 1–21 bytes of
    /// digits and `+`.
    pub to: &'a str,
    /// `templateId` (1–32).
    pub template_id: &'a str,
    /// `templateParas`: the template's variables, each non-empty; sent as
    /// the JSON array text the API takes (`["3","x"]`).
    pub template_paras: Option<&'a [&'a str]>,
    /// `statusCallback`: the status report URL (1–1024).
    pub status_callback: Option<&'a str>,
    /// `signature`: the signature name (2–32 characters), for domestic
    /// generic templates.
    pub signature: Option<&'a str>,
    /// `extend`: echoed in the status report (1–128, no `{` `}`).
    pub extend: Option<&'a str>,
}

impl<'a> BatchSendSms<'a> {
    /// A request with the required fields and nothing else.
    ///
    /// ```
    /// use callsign_core::huawei::sms_api::BatchSendSms;
    /// let sms = BatchSendSms::new("csms12345678", "+8615123456789,+8615123456790", "t1");
    /// assert!(sms.request().is_ok());
    /// ```
    pub fn new(from: &'a str, to: &'a str, template_id: &'a str) -> Self {
        BatchSendSms {
            from,
            to,
            template_id,
            template_paras: None,
            status_callback: None,
            signature: None,
            extend: None,
        }
    }

    /// Validates and returns the request (method, path, body).
    ///
    /// ```
    /// use callsign_core::{huawei::sms_api::BatchSendSms, Error, Field, Problem};
    /// let sms = BatchSendSms::new("csms12345678", "+86151 2345", "t1");
    /// assert_eq!(
    ///     sms.request().unwrap_err(),
    ///     Error::InvalidField { field: Field::To, problem: Problem::ForbiddenChar { position: 6 } }
    /// );
    /// ```
    pub fn request(&self) -> Result<Request<'_, Self>, Error> {
        Request::new(self)
    }
}

impl Endpoint for BatchSendSms<'_> {
    const METHOD: &'static str = "POST";
    const PATH: &'static str = "/sms/batchSendSms/v1";
    const CONTENT_TYPE: &'static str = "application/x-www-form-urlencoded";

    fn validate(&self) -> Result<(), Error> {
        check::len(Field::From, self.from, 1, 21)?;
        check::len(Field::To, self.to, 1, usize::MAX)?;
        check::only(Field::To, self.to, |b| {
            b.is_ascii_digit() || b == b'+' || b == b','
        })?;
        let mut count = 0usize;
        for (index, (_, number)) in check::pieces(self.to, b',').enumerate() {
            count = index.saturating_add(1);
            if number.is_empty() {
                return Err(invalid(Field::To, Problem::EmptyElement { index }));
            }
            if let Some(problem) = number_problem(number) {
                return Err(invalid(Field::To, problem));
            }
        }
        if count > MAX_NUMBERS {
            return Err(invalid(Field::To, Problem::TooMany { max: MAX_NUMBERS }));
        }
        check::len(Field::TemplateId, self.template_id, 1, 32)?;
        if let Some(index) = empty_para(self.template_paras) {
            return Err(invalid(
                Field::TemplateParas,
                Problem::EmptyElement { index },
            ));
        }
        check_callback_extend(self.status_callback, None)?;
        check_signature(Field::Signature, self.signature)?;
        check_callback_extend(None, self.extend)
    }

    fn emit_body<S: Sink + ?Sized>(&self, sink: &mut S) {
        let mut form = Form::new(sink);
        form.opt("from", Some(self.from));
        form.opt("to", Some(self.to));
        form.opt("templateId", Some(self.template_id));
        if let Some(paras) = self.template_paras {
            string_array(&mut form.key("templateParas"), paras);
        }
        form.opt("statusCallback", self.status_callback);
        form.opt("signature", self.signature);
        form.opt("extend", self.extend);
    }
}
