//! The crate's one error type.

use core::fmt;

/// Which input a validation error is about.
///
/// Errors name the field, never its content: a secret never appears in an
/// error message.
///
/// ```
/// use callsign_core::{Error, Field, Nonce};
/// assert!(matches!(
///     Nonce::new(""),
///     Err(Error::InvalidLength { field: Field::Nonce, .. })
/// ));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Field {
    /// The application key (Huawei `Username`).
    AppKey,
    /// The secret (never shown).
    Secret,
    /// The nonce.
    Nonce,
    /// A timestamp.
    Timestamp,
    /// The user of a Basic credential.
    User,
    /// An HTTP method.
    Method,
    /// A request host.
    Host,
    /// A request path.
    Path,
    /// The request headers.
    Header,
    /// The query parameters.
    Query,
    /// A Huawei V11 region id.
    Region,
    /// A Huawei V11 service name.
    Service,
    /// An `Authorization` header.
    Authorization,
    /// A received signature (or Huawei `PasswordDigest`).
    Signature,
    /// A `Content-Type` header.
    ContentType,
    /// A webhook's MAC algorithm header.
    Algorithm,
    /// A Mailgun webhook token.
    Token,
    /// The structure of a Huawei `UsernameToken` header value.
    UsernameToken,
    /// Huawei voice `displayNbr`: the number shown to the caller.
    DisplayNbr,
    /// Huawei voice `callerNbr`.
    CallerNbr,
    /// Huawei voice `displayCalleeNbr`.
    DisplayCalleeNbr,
    /// Huawei voice `calleeNbr`.
    CalleeNbr,
    /// Huawei click2Call `maxDuration` (minutes).
    MaxDuration,
    /// Huawei click2Call `lastMinVoice`.
    LastMinVoice,
    /// Huawei click2Call `lastMinToUE`.
    LastMinToUe,
    /// Huawei click2Call `playPreVoice`.
    PlayPreVoice,
    /// Huawei click2Call `preVoice`.
    PreVoice,
    /// Huawei click2Call `waitVoice`.
    WaitVoice,
    /// Huawei click2Call `calleeMedia`.
    CalleeMedia,
    /// Huawei voice `statusUrl` (Base64 of a URL).
    StatusUrl,
    /// Huawei voice `feeUrl` (Base64 of a URL).
    FeeUrl,
    /// Huawei voice `recordFlag`.
    RecordFlag,
    /// Huawei click2Call `recordHintTone`.
    RecordHintTone,
    /// Huawei click2Call `partyTypeRequiredInDisconnect`.
    PartyTypeRequiredInDisconnect,
    /// Huawei voice `returnIdlePort`.
    ReturnIdlePort,
    /// Huawei voice `userData`.
    UserData,
    /// Huawei callVerify `languageType`.
    LanguageType,
    /// Huawei callVerify `preTone`.
    PreTone,
    /// Huawei callVerify `verifyCode`.
    VerifyCode,
    /// Huawei callVerify `posTone`.
    PosTone,
    /// Huawei callVerify `times`.
    Times,
    /// Huawei callStop `sessionid` (all lower case).
    CallStopSessionId,
    /// Huawei callStop `signal`.
    SignalName,
    /// Huawei SMS `from` (channel number).
    From,
    /// Huawei SMS `to` (destination numbers).
    To,
    /// Huawei SMS `templateId`.
    TemplateId,
    /// Huawei SMS `templateParas`.
    TemplateParas,
    /// Huawei SMS `statusCallback`.
    StatusCallback,
    /// Huawei SMS `extend`.
    Extend,
    /// Huawei batchSendDiffSms `smsContent`.
    SmsContent,
    /// A received body as a whole (not JSON, truncated, …).
    Body,
    /// Huawei voice response `resultcode`.
    ResultCode,
    /// Huawei voice response `resultdesc`.
    ResultDesc,
    /// A Huawei `sessionId` (responses, notifications).
    SessionId,
    /// Huawei voice response `idlePort`.
    IdlePort,
    /// Huawei SMS response `code`.
    Code,
    /// Huawei SMS response `description`.
    Description,
    /// Huawei SMS response `result` (per-number results).
    Result,
    /// Huawei SMS `smsMsgId`.
    SmsMsgId,
    /// Huawei SMS response `originTo`.
    OriginTo,
    /// A Huawei SMS `status`.
    Status,
    /// Huawei SMS response `createTime`.
    CreateTime,
    /// Huawei SMS response `countryId`.
    CountryId,
    /// Huawei SMS `total` (number of parts).
    Total,
    /// Huawei SMS status report `sequence`.
    Sequence,
    /// Huawei SMS status report `statusDesc`.
    StatusDesc,
    /// Huawei SMS status report `source`.
    Source,
    /// Huawei SMS status report `updateTime`.
    UpdateTime,
    /// Huawei SMS status report `orgCode`.
    OrgCode,
    /// Huawei voice notification `eventType`.
    EventType,
    /// Huawei voice notification `statusInfo`.
    StatusInfo,
    /// Huawei voice fee notification `feeLst`.
    FeeLst,
    /// Huawei voice notification `caller`.
    Caller,
    /// Huawei voice notification `called`.
    Called,
    /// Huawei voice notification `partyType`.
    PartyType,
    /// Huawei voice notification `stateCode`.
    StateCode,
    /// Huawei voice notification `stateDesc`.
    StateDesc,
    /// Huawei fee record `direction`.
    Direction,
    /// Huawei fee record `spId`.
    SpId,
    /// Huawei fee record `appKey`.
    FeeAppKey,
    /// Huawei fee record `icid`.
    Icid,
    /// Huawei fee record `bindNum`.
    BindNum,
    /// Huawei fee record `callerNum`.
    CallerNum,
    /// Huawei fee record `calleeNum`.
    CalleeNum,
    /// Huawei fee record `callEndTime`.
    CallEndTime,
    /// Huawei fee record `fwdUnaswRsn`.
    FwdUnaswRsn,
    /// Huawei fee record `ulFailReason`.
    UlFailReason,
    /// Huawei fee record `sipStatusCode`.
    SipStatusCode,
    /// Sinch OAuth2 `access_token`.
    AccessToken,
    /// Sinch OAuth2 `token_type`.
    TokenType,
    /// Sinch OAuth2 `expires_in`.
    ExpiresIn,
    /// Sinch OAuth2 `scope`.
    Scope,
    /// The HTTP status of a response.
    HttpStatus,
    /// An HTTP `Date` header.
    HttpDate,
    /// Huawei voice notification `digitInfo`.
    DigitInfo,
    /// Huawei voice notification `failTime`.
    FailTime,
    /// Huawei voice notification `callOutStartTime`.
    CallOutStartTime,
    /// Huawei voice notification `callOutAlertingTime`.
    CallOutAlertingTime,
    /// Huawei voice notification `callOutAnswerTime`.
    CallOutAnswerTime,
    /// Huawei voice notification `callOutUnaswRsn`.
    CallOutUnaswRsn,
    /// Huawei voice notification `recordStartTime`.
    RecordStartTime,
    /// Huawei voice notification `recordObjectName`.
    RecordObjectName,
}

impl Field {
    /// The field's name as shown in messages.
    ///
    /// ```
    /// assert_eq!(callsign_core::Field::AppKey.name(), "app key");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Field::AppKey => "app key",
            Field::Secret => "secret",
            Field::Nonce => "nonce",
            Field::Timestamp => "timestamp",
            Field::User => "user",
            Field::Method => "method",
            Field::Host => "host",
            Field::Path => "path",
            Field::Header => "headers",
            Field::Query => "query",
            Field::Region => "region",
            Field::Service => "service",
            Field::Authorization => "authorization",
            Field::Signature => "signature",
            Field::ContentType => "content type",
            Field::Algorithm => "algorithm",
            Field::Token => "token",
            Field::UsernameToken => "UsernameToken",
            Field::DisplayNbr => "displayNbr",
            Field::CallerNbr => "callerNbr",
            Field::DisplayCalleeNbr => "displayCalleeNbr",
            Field::CalleeNbr => "calleeNbr",
            Field::MaxDuration => "maxDuration",
            Field::LastMinVoice => "lastMinVoice",
            Field::LastMinToUe => "lastMinToUE",
            Field::PlayPreVoice => "playPreVoice",
            Field::PreVoice => "preVoice",
            Field::WaitVoice => "waitVoice",
            Field::CalleeMedia => "calleeMedia",
            Field::StatusUrl => "statusUrl",
            Field::FeeUrl => "feeUrl",
            Field::RecordFlag => "recordFlag",
            Field::RecordHintTone => "recordHintTone",
            Field::PartyTypeRequiredInDisconnect => "partyTypeRequiredInDisconnect",
            Field::ReturnIdlePort => "returnIdlePort",
            Field::UserData => "userData",
            Field::LanguageType => "languageType",
            Field::PreTone => "preTone",
            Field::VerifyCode => "verifyCode",
            Field::PosTone => "posTone",
            Field::Times => "times",
            Field::CallStopSessionId => "sessionid",
            Field::SignalName => "signal",
            Field::From => "from",
            Field::To => "to",
            Field::TemplateId => "templateId",
            Field::TemplateParas => "templateParas",
            Field::StatusCallback => "statusCallback",
            Field::Extend => "extend",
            Field::SmsContent => "smsContent",
            Field::Body => "body",
            Field::ResultCode => "resultcode",
            Field::ResultDesc => "resultdesc",
            Field::SessionId => "sessionId",
            Field::IdlePort => "idlePort",
            Field::Code => "code",
            Field::Description => "description",
            Field::Result => "result",
            Field::SmsMsgId => "smsMsgId",
            Field::OriginTo => "originTo",
            Field::Status => "status",
            Field::CreateTime => "createTime",
            Field::CountryId => "countryId",
            Field::Total => "total",
            Field::Sequence => "sequence",
            Field::StatusDesc => "statusDesc",
            Field::Source => "source",
            Field::UpdateTime => "updateTime",
            Field::OrgCode => "orgCode",
            Field::EventType => "eventType",
            Field::StatusInfo => "statusInfo",
            Field::FeeLst => "feeLst",
            Field::Caller => "caller",
            Field::Called => "called",
            Field::PartyType => "partyType",
            Field::StateCode => "stateCode",
            Field::StateDesc => "stateDesc",
            Field::Direction => "direction",
            Field::SpId => "spId",
            Field::FeeAppKey => "appKey",
            Field::Icid => "icid",
            Field::BindNum => "bindNum",
            Field::CallerNum => "callerNum",
            Field::CalleeNum => "calleeNum",
            Field::CallEndTime => "callEndTime",
            Field::FwdUnaswRsn => "fwdUnaswRsn",
            Field::UlFailReason => "ulFailReason",
            Field::SipStatusCode => "sipStatusCode",
            Field::AccessToken => "access_token",
            Field::TokenType => "token_type",
            Field::ExpiresIn => "expires_in",
            Field::Scope => "scope",
            Field::HttpStatus => "http status",
            Field::HttpDate => "Date",
            Field::DigitInfo => "digitInfo",
            Field::FailTime => "failTime",
            Field::CallOutStartTime => "callOutStartTime",
            Field::CallOutAlertingTime => "callOutAlertingTime",
            Field::CallOutAnswerTime => "callOutAnswerTime",
            Field::CallOutUnaswRsn => "callOutUnaswRsn",
            Field::RecordStartTime => "recordStartTime",
            Field::RecordObjectName => "recordObjectName",
        }
    }
}

/// What is wrong with an API field (see [`Error::InvalidField`]).
///
/// ```
/// use callsign_core::{Error, Field, Problem};
/// let e = Error::InvalidField { field: Field::MaxDuration, problem: Problem::OutOfRange { min: 0, max: 1440 } };
/// assert_eq!(e.to_string(), "maxDuration: out of range 0..=1440");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Problem {
    /// A required field is absent.
    Missing,
    /// Shorter than allowed.
    TooShort {
        /// Smallest length allowed (bytes, or characters where the API
        /// counts characters).
        min: usize,
    },
    /// Longer than allowed.
    TooLong {
        /// Largest length allowed (bytes, or characters where the API
        /// counts characters).
        max: usize,
    },
    /// A number outside its range.
    OutOfRange {
        /// Smallest value allowed.
        min: u64,
        /// Largest value allowed.
        max: u64,
    },
    /// Not one of the values the API lists.
    NotInEnum {
        /// The values allowed, separated by `|`.
        allowed: &'static str,
    },
    /// The wrong JSON type.
    WrongType {
        /// The type expected.
        expected: &'static str,
    },
    /// A character the field does not allow.
    ForbiddenChar {
        /// Byte offset of the first offending byte.
        position: usize,
    },
    /// Non-ASCII text where only ASCII is allowed.
    NonAscii,
    /// Something other than the digits `0`–`9`.
    NonDigit,
    /// An empty list.
    Empty,
    /// An empty element of a list.
    EmptyElement {
        /// The element's index, from 0.
        index: usize,
    },
    /// More elements than allowed.
    TooMany {
        /// Largest number of elements allowed.
        max: usize,
    },
    /// Not valid standard Base64 (with `=` padding).
    NotBase64,
    /// A `%` not followed by two hex digits.
    BadPercentEscape {
        /// Byte offset of the `%`.
        position: usize,
    },
    /// The key appears twice.
    Duplicate,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Problem::Missing => f.write_str("missing"),
            Problem::TooShort { min } => write!(f, "too short (at least {min})"),
            Problem::TooLong { max } => write!(f, "too long (at most {max})"),
            Problem::OutOfRange { min, max } => write!(f, "out of range {min}..={max}"),
            Problem::NotInEnum { allowed } => write!(f, "not one of {allowed}"),
            Problem::WrongType { expected } => write!(f, "wrong type ({expected} expected)"),
            Problem::ForbiddenChar { position } => {
                write!(f, "forbidden character at byte {position}")
            }
            Problem::NonAscii => f.write_str("non-ASCII text (Base64-encode it first)"),
            Problem::NonDigit => f.write_str("only the digits 0-9 are allowed"),
            Problem::Empty => f.write_str("empty"),
            Problem::EmptyElement { index } => write!(f, "element {index} (from 0) is empty"),
            Problem::TooMany { max } => write!(f, "more than {max} elements"),
            Problem::NotBase64 => f.write_str("not standard padded Base64"),
            Problem::BadPercentEscape { position } => {
                write!(f, "bad percent escape at byte {position}")
            }
            Problem::Duplicate => f.write_str("given twice"),
        }
    }
}

/// Everything that can go wrong in `callsign-core`.
///
/// Errors are values: no function of the crate panics. No variant carries
/// secret material, so an `Error` may be logged.
///
/// ```
/// use callsign_core::Error;
/// let e = Error::BufferTooSmall { needed: 44 };
/// assert_eq!(e.to_string(), "output buffer too small: 44 bytes needed");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Error {
    /// The output buffer is shorter than the output; nothing was written.
    BufferTooSmall {
        /// The exact number of bytes the output needs.
        needed: usize,
    },
    /// An input is shorter or longer than allowed. For [`Field::Secret`],
    /// `actual` is 0: no error reveals anything of a secret.
    InvalidLength {
        /// The input concerned.
        field: Field,
        /// Smallest length allowed, in bytes.
        min: usize,
        /// Largest length allowed, in bytes.
        max: usize,
        /// The length given, in bytes.
        actual: usize,
    },
    /// An input holds a byte that its format does not allow.
    InvalidCharacter {
        /// The input concerned.
        field: Field,
        /// Byte offset of the first offending byte.
        position: usize,
    },
    /// A timestamp is not in the expected textual form.
    InvalidTimestamp,
    /// A timestamp lies outside 1970-01-01T00:00:00Z..=9999-12-31T23:59:59Z.
    TimestampOutOfRange,
    /// More items (headers, query parameters) than a fixed capacity holds.
    TooManyItems {
        /// The list concerned ([`Field::Header`] or [`Field::Query`]).
        field: Field,
        /// The capacity.
        max: usize,
    },
    /// An input's bytes, once percent-decoded, are not UTF-8.
    InvalidUtf8 {
        /// The input concerned.
        field: Field,
        /// Byte offset in the input where the broken sequence starts.
        position: usize,
    },
    /// A header name is empty, too long, or not an HTTP token (it holds
    /// `:`, whitespace, a control or non-ASCII character, …).
    InvalidHeaderName {
        /// The header's index in the caller's list, from 0.
        index: usize,
    },
    /// A header value holds CR, LF or NUL, or cannot be used as given.
    InvalidHeaderValue {
        /// The header's index in the caller's list, from 0.
        index: usize,
    },
    /// Two header names are equal ignoring case.
    DuplicateHeader {
        /// Index of the first, from 0.
        first: usize,
        /// Index of the second, from 0.
        second: usize,
    },
    /// A body digest was computed with another hash function than the
    /// signing algorithm's (SHA-256 for SM3 or the reverse).
    BodyDigestMismatch,
    /// A received header value or field is not in its format.
    Malformed {
        /// The field concerned.
        field: Field,
        /// Byte offset in the received value where it goes wrong.
        position: usize,
    },
    /// A header the scheme requires is absent.
    MissingHeader {
        /// The header concerned.
        field: Field,
    },
    /// A secret (or other input) is not valid standard Base64. For
    /// [`Field::Secret`], `position` is 0: no error reveals anything of a
    /// secret.
    InvalidBase64 {
        /// The input concerned.
        field: Field,
        /// Byte offset where it stops being valid Base64.
        position: usize,
    },
    /// A webhook names a MAC algorithm other than the one supported.
    UnsupportedAlgorithm,
    /// The key named in the request is not the configured one.
    KeyMismatch,
    /// The signature does not match (which bytes differ is not revealed).
    SignatureMismatch,
    /// The timestamp is older than the accepted window.
    TimestampTooOld,
    /// The timestamp lies further in the future than the accepted window.
    TimestampInFuture,
    /// The request (its nonce, token or signature) was already accepted
    /// within the window.
    Replay,
    /// The replay cache is full of live entries: the request is refused.
    ReplayCacheFull,
    /// A verification asked for a wider clock window than its replay
    /// cache's: an entry could expire while its request is still fresh.
    ReplayWindowTooWide,
    /// The random generator failed; no nonce was made.
    RandomFailed,
    /// A field of an API request or response is invalid (the API-surface
    /// builders and parsers). Display: `FIELD: reason`, with the field
    /// spelled as in the vendor's docs.
    InvalidField {
        /// The field concerned.
        field: Field,
        /// What is wrong with it.
        problem: Problem,
    },
    /// A field of one element of a list is invalid, such as
    /// `smsContent[0].templateId`.
    InvalidListItem {
        /// The list.
        list: Field,
        /// The element's index, from 0.
        index: usize,
        /// The field inside the element.
        field: Field,
        /// What is wrong with it.
        problem: Problem,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Error::BufferTooSmall { needed } => {
                write!(f, "output buffer too small: {needed} bytes needed")
            }
            Error::InvalidLength {
                field: Field::Secret,
                min,
                max,
                ..
            } => write!(f, "secret: length is outside {min}..={max} bytes"),
            Error::InvalidBase64 {
                field: Field::Secret,
                ..
            } => f.write_str("secret: not valid Base64"),
            Error::InvalidLength {
                field,
                min,
                max,
                actual,
            } => write!(
                f,
                "{}: length {actual} is outside {min}..={max} bytes",
                field.name()
            ),
            Error::InvalidCharacter { field, position } => {
                write!(f, "{}: invalid character at byte {position}", field.name())
            }
            Error::InvalidTimestamp => {
                f.write_str("timestamp: expected YYYY-MM-DDTHH:MM:SSZ or YYYYMMDDTHHMMSSZ (UTC)")
            }
            Error::TimestampOutOfRange => f.write_str("timestamp: outside the years 1970 to 9999"),
            Error::TooManyItems { field, max } => {
                write!(f, "{}: more than {max} items", field.name())
            }
            Error::InvalidUtf8 { field, position } => write!(
                f,
                "{}: not UTF-8 once percent-decoded, at byte {position}",
                field.name()
            ),
            Error::InvalidHeaderName { index } => write!(
                f,
                "header {index} (from 0): name must be 1 to 64 token characters (letters, digits, !#$%&'*+-.^_`|~)"
            ),
            Error::InvalidHeaderValue { index } => write!(
                f,
                "header {index} (from 0): value holds CR, LF or NUL, or is empty where a value is needed"
            ),
            Error::DuplicateHeader { first, second } => write!(
                f,
                "headers {first} and {second} (from 0): same name ignoring case"
            ),
            Error::BodyDigestMismatch => {
                f.write_str("body digest: made with another hash than the algorithm's")
            }
            Error::Malformed { field, position } => {
                write!(f, "{}: malformed at byte {position}", field.name())
            }
            Error::MissingHeader { field } => write!(f, "{}: header missing", field.name()),
            Error::InvalidBase64 { field, position } => {
                write!(f, "{}: not valid Base64 at byte {position}", field.name())
            }
            Error::UnsupportedAlgorithm => f.write_str("algorithm: only HmacSHA256 is supported"),
            Error::KeyMismatch => f.write_str("key: not the configured key"),
            Error::SignatureMismatch => f.write_str("signature: does not match"),
            Error::TimestampTooOld => f.write_str("timestamp: older than the accepted window"),
            Error::TimestampInFuture => {
                f.write_str("timestamp: further in the future than the accepted window")
            }
            Error::Replay => f.write_str("replay: already accepted within the window"),
            Error::ReplayCacheFull => {
                f.write_str("replay cache: full of live entries, request refused")
            }
            Error::ReplayWindowTooWide => {
                f.write_str("replay cache: the window asked for is wider than the cache's")
            }
            Error::RandomFailed => f.write_str("random generator: failed, no nonce made"),
            Error::InvalidField { field, problem } => write!(f, "{}: {problem}", field.name()),
            Error::InvalidListItem {
                list,
                index,
                field,
                problem,
            } => write!(f, "{}[{index}].{}: {problem}", list.name(), field.name()),
        }
    }
}

impl core::error::Error for Error {}

/// Shorthand for [`Error::InvalidField`].
#[allow(dead_code)]
pub(crate) const fn invalid(field: Field, problem: Problem) -> Error {
    Error::InvalidField { field, problem }
}

/// Checks `len` against `min..=max` for `field`. For [`Field::Secret`],
/// `actual` is reported as 0: an error never reveals a secret's length.
pub(crate) fn check_len(field: Field, len: usize, min: usize, max: usize) -> Result<(), Error> {
    if len < min || len > max {
        Err(Error::InvalidLength {
            field,
            min,
            max,
            actual: if field == Field::Secret { 0 } else { len },
        })
    } else {
        Ok(())
    }
}
