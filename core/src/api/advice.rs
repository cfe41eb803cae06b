//! What to do about a response: [`Category`], the vendors' result-code
//! tables as [`ResultCode`] rows, and [`classify`], keyed by HTTP status
//! plus code (the same Huawei code means two things under 401 and 403,
//! api-surface spec §5 A3).

/// What a device should do about a response.
///
/// ```
/// use callsign_core::api::Category;
/// assert_eq!(Category::RetryLater { after_secs: Some(60) }.as_str(), "retry-later");
/// assert_eq!(Category::FixClock.as_str(), "fix-clock");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Category {
    /// The request succeeded.
    Success,
    /// Fix the request: body, header syntax, number format.
    FixRequest,
    /// Fix the credentials: app key, secret, digest.
    FixCredentials,
    /// Fix the clock: `Created` too far from the server's time (see
    /// `ClockOffset` with the `http-date` feature).
    FixClock,
    /// Try again later: quota, flow control, busy.
    RetryLater {
        /// The wait the docs give, in seconds, where they give one.
        after_secs: Option<u32>,
    },
    /// Nothing to fix on the device: account, number or app state, platform
    /// error, carrier restriction.
    ContactProvider,
}

impl Category {
    /// The category's name as the spec and the CLI spell it.
    ///
    /// ```
    /// assert_eq!(callsign_core::api::Category::ContactProvider.as_str(), "contact-provider");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Category::Success => "success",
            Category::FixRequest => "fix-request",
            Category::FixCredentials => "fix-credentials",
            Category::FixClock => "fix-clock",
            Category::RetryLater { .. } => "retry-later",
            Category::ContactProvider => "contact-provider",
        }
    }

    /// A one-line general advice for the category.
    ///
    /// ```
    /// assert!(callsign_core::api::Category::FixClock.advice().contains("clock"));
    /// ```
    pub const fn advice(self) -> &'static str {
        match self {
            Category::Success => "nothing to do",
            Category::FixRequest => {
                "fix the request (body, headers or numbers) before sending it again"
            }
            Category::FixCredentials => {
                "check the app key and secret (and the clock) before sending again"
            }
            Category::FixClock => {
                "correct the device clock (from the response's Date header) and sign again"
            }
            Category::RetryLater { .. } => "send again later",
            Category::ContactProvider => {
                "do not retry as is: the account, number, app or platform needs the provider"
            }
        }
    }

    /// The category of an HTTP status for a code no table knows (the
    /// spec's fallback, §1.6: 400 fix-request, 401 fix-credentials, 403
    /// and 5xx contact-provider, a 200 with an error code
    /// contact-provider; ours beyond it: 429 retry-later, other 4xx
    /// fix-request).
    ///
    /// ```
    /// use callsign_core::api::Category;
    /// assert_eq!(Category::fallback(401), Category::FixCredentials);
    /// assert_eq!(Category::fallback(503), Category::ContactProvider);
    /// ```
    pub const fn fallback(http_status: u16) -> Category {
        match http_status {
            401 => Category::FixCredentials,
            403 => Category::ContactProvider,
            429 => Category::RetryLater { after_secs: None },
            400..=499 => Category::FixRequest,
            _ => Category::ContactProvider,
        }
    }
}

/// One row of a vendor's result-code table.
///
/// ```
/// use callsign_core::api::{classify, Category};
/// use callsign_core::huawei::voice_api::RESULT_CODES;
/// let row = classify(RESULT_CODES, 401, "1010013").1.unwrap();
/// assert_eq!(row.text, "Time out limit.");
/// assert_eq!(row.category, Category::FixClock);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResultCode {
    /// The HTTP status the code comes with.
    pub http_status: u16,
    /// The code, as the body spells it.
    pub code: &'static str,
    /// The vendor's English description, verbatim.
    pub text: &'static str,
    /// What to do.
    pub category: Category,
    /// Specific advice from the vendor's docs (condensed), or `""`.
    pub note: &'static str,
}

/// Classifies `(http_status, code)` with `table`: the row with both, or
/// the HTTP status's fallback ([`Category::fallback`]) and no row.
///
/// ```
/// use callsign_core::api::{classify, Category};
/// use callsign_core::huawei::voice_api::RESULT_CODES;
/// assert_eq!(classify(RESULT_CODES, 401, "1010010").0, Category::FixCredentials);
/// assert_eq!(classify(RESULT_CODES, 403, "1010010").0, Category::RetryLater { after_secs: Some(60) });
/// assert_eq!(classify(RESULT_CODES, 500, "1999999"), (Category::ContactProvider, None));
/// ```
pub fn classify(
    table: &'static [ResultCode],
    http_status: u16,
    code: &str,
) -> (Category, Option<&'static ResultCode>) {
    match table
        .iter()
        .find(|r| r.http_status == http_status && r.code == code)
    {
        Some(row) => (row.category, Some(row)),
        None => (Category::fallback(http_status), None),
    }
}
