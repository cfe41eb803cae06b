//! Gateway side of X-AKSK and X-WSSE: parse a received header value
//! strictly ([`ParsedToken::parse`], no allocation, fields borrowed), look
//! up the secret of its claimed `Username`, then verify it
//! ([`verify_x_aksk`], [`verify_x_wsse`]): the `Username` must be the one
//! whose secret is given, the digest must match (constant time) and
//! `Created` must lie in the caller's window. Only then is the token
//! handed back as a [`VerifiedToken`].
//!
//! The digest covers `Nonce` and `Created` (and, for X-WSSE, the secret),
//! not `Username`: hence the expected username, compared exactly, and a
//! replay fingerprint made of the digest alone (any other `Username` text
//! on a captured header is still the same request).
//!
//! ```
//! use callsign_core::huawei::verify::{verify_x_aksk, ParsedToken};
//! use callsign_core::verify::{Checks, Freshness, ReplayCache};
//! use callsign_core::HmacKey;
//!
//! let header = r#"UsernameToken Username="a1B2c3D4e5F6g7H8i9J0kLmNoPqR",PasswordDigest="b8MSGhXOdJOz3fV5TblmdBQRT1nKdbtVng0LwtKkMjk=",Nonce="66c92b11ff8a425fb8d4ccfe0ed9ed1f",Created="2024-03-01T08:15:30Z""#;
//! let token = ParsedToken::parse(header)?;
//! assert_eq!(token.username(), "a1B2c3D4e5F6g7H8i9J0kLmNoPqR");
//! let key = HmacKey::new(b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H"); // the secret of that username
//! let mut seen = ReplayCache::<128>::default();
//! let now = 1_709_280_960; // 30 s after Created
//! let fresh = Checks::FreshOnce(Freshness::default_window(now), &mut seen);
//! let verified = verify_x_aksk(&token, "a1B2c3D4e5F6g7H8i9J0kLmNoPqR", &key, fresh)?;
//! assert_eq!(verified.nonce(), "66c92b11ff8a425fb8d4ccfe0ed9ed1f");
//! # Ok::<(), callsign_core::Error>(())
//! ```

use super::sms::DigestEncoding;
use super::APP_KEY_MAX_LEN;
use crate::verify::{ct_eq_then_wipe, decode_base64_exact, is_base64_char, Checks, Fingerprint};
use crate::{encode, Error, Field, HmacKey, Sha256, Timestamp, NONCE_MAX_LEN};
use zeroize::Zeroize;

/// What the value starts with.
const PREFIX: &str = "UsernameToken ";

/// The fields in the order they must come, and the field each names.
const FIELDS: [(&str, Field); 4] = [
    ("Username", Field::AppKey),
    ("PasswordDigest", Field::Signature),
    ("Nonce", Field::Nonce),
    ("Created", Field::Timestamp),
];

/// Longest `PasswordDigest` accepted (the X-WSSE hex form).
const DIGEST_MAX_LEN: usize = super::sms::DIGEST_HEX_LEN;

/// A received `X-AKSK` or `X-WSSE` value, parsed but not verified; its
/// fields borrow from the header text. Nothing in it is authentic until
/// [`verify_x_aksk`] or [`verify_x_wsse`] returns a [`VerifiedToken`].
///
/// ```
/// use callsign_core::huawei::verify::ParsedToken;
/// let t = ParsedToken::parse(r#"UsernameToken Username="k",PasswordDigest="ZA==",Nonce="n1",Created="2024-03-01T08:15:30Z""#)?;
/// assert_eq!((t.username(), t.password_digest(), t.nonce()), ("k", "ZA==", "n1"));
/// assert_eq!(t.created().unix(), 1_709_280_930);
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParsedToken<'a> {
    username: &'a str,
    password_digest: &'a str,
    digest_at: usize,
    nonce: &'a str,
    created: Timestamp,
}

impl<'a> ParsedToken<'a> {
    /// Parses `UsernameToken Username="…",PasswordDigest="…",Nonce="…",Created="…"`
    /// strictly: that prefix, these four fields in this order, each value
    /// in double quotes, separated by `,` (or `, `, the separator of
    /// Huawei's parameter tables), nothing after. Field values:
    /// - `Username`: 1 to 128 printable ASCII characters, no `,`;
    /// - `PasswordDigest`: 1 to 88 Base64 characters (its exact form is
    ///   checked when verifying);
    /// - `Nonce`: 1 to 128 ASCII letters and digits;
    /// - `Created`: `YYYY-MM-DDTHH:MM:SSZ`.
    ///
    /// Anything else is [`Error::Malformed`] naming the field (or
    /// [`Field::UsernameToken`] for the structure) and the byte offset in
    /// the header value where it goes wrong.
    ///
    /// ```
    /// use callsign_core::{huawei::verify::ParsedToken, Error, Field};
    /// let bad = r#"UsernameToken Username="k",Nonce="n",PasswordDigest="ZA==",Created="2024-03-01T08:15:30Z""#;
    /// assert_eq!(ParsedToken::parse(bad), Err(Error::Malformed { field: Field::UsernameToken, position: 27 }));
    /// let bad = r#"UsernameToken Username="k",PasswordDigest="ZA==",Nonce="n-1",Created="2024-03-01T08:15:30Z""#;
    /// assert_eq!(ParsedToken::parse(bad), Err(Error::Malformed { field: Field::Nonce, position: 57 }));
    /// ```
    pub fn parse(value: &'a str) -> Result<Self, Error> {
        let bytes = value.as_bytes();
        let mut pos = expect(bytes, 0, PREFIX)?;
        let mut fields = [("", 0usize); 4];
        for (i, ((name, _), slot)) in FIELDS.iter().zip(fields.iter_mut()).enumerate() {
            if i > 0 {
                pos = expect(bytes, pos, ",")?;
                if bytes.get(pos) == Some(&b' ') {
                    pos = pos.saturating_add(1);
                }
            }
            pos = expect(bytes, pos, name)?;
            pos = expect(bytes, pos, "=\"")?;
            let len = bytes
                .get(pos..)
                .and_then(|rest| rest.iter().position(|&b| b == b'"'))
                .ok_or(structure(bytes.len()))?;
            let end = pos.saturating_add(len);
            *slot = (value.get(pos..end).ok_or(structure(pos))?, pos);
            pos = end.saturating_add(1);
        }
        if pos != bytes.len() {
            return Err(structure(pos));
        }
        let [(username, username_at), (digest, digest_at), (nonce, nonce_at), (created, created_at)] =
            fields;
        check_field(Field::AppKey, username, username_at, APP_KEY_MAX_LEN, |b| {
            (b' '..=b'~').contains(&b) && b != b','
        })?;
        check_field(Field::Signature, digest, digest_at, DIGEST_MAX_LEN, |b| {
            is_base64_char(b) || b == b'='
        })?;
        check_field(Field::Nonce, nonce, nonce_at, NONCE_MAX_LEN, |b| {
            b.is_ascii_alphanumeric()
        })?;
        let created = Timestamp::parse_extended(created).map_err(|_| Error::Malformed {
            field: Field::Timestamp,
            position: created_at,
        })?;
        Ok(ParsedToken {
            username,
            password_digest: digest,
            digest_at,
            nonce,
            created,
        })
    }

    /// `Username` as claimed: the application key to look up the secret
    /// with. Not authenticated: pass the username whose secret you looked
    /// up to the verifier, which compares it.
    ///
    /// ```
    /// # use callsign_core::huawei::verify::ParsedToken;
    /// let t = ParsedToken::parse(r#"UsernameToken Username="app",PasswordDigest="ZA==",Nonce="n",Created="2024-03-01T08:15:30Z""#)?;
    /// assert_eq!(t.username(), "app");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn username(&self) -> &'a str {
        self.username
    }

    /// `PasswordDigest`, as received.
    ///
    /// ```
    /// # use callsign_core::huawei::verify::ParsedToken;
    /// let t = ParsedToken::parse(r#"UsernameToken Username="app",PasswordDigest="ZA==",Nonce="n",Created="2024-03-01T08:15:30Z""#)?;
    /// assert_eq!(t.password_digest(), "ZA==");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn password_digest(&self) -> &'a str {
        self.password_digest
    }

    /// `Nonce`.
    ///
    /// ```
    /// # use callsign_core::huawei::verify::ParsedToken;
    /// let t = ParsedToken::parse(r#"UsernameToken Username="app",PasswordDigest="ZA==",Nonce="n",Created="2024-03-01T08:15:30Z""#)?;
    /// assert_eq!(t.nonce(), "n");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn nonce(&self) -> &'a str {
        self.nonce
    }

    /// `Created`.
    ///
    /// ```
    /// # use callsign_core::huawei::verify::ParsedToken;
    /// let t = ParsedToken::parse(r#"UsernameToken Username="app",PasswordDigest="ZA==",Nonce="n",Created="1970-01-01T00:01:00Z""#)?;
    /// assert_eq!(t.created().unix(), 60);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn created(&self) -> Timestamp {
        self.created
    }

    /// The received digest decoded into `N` bytes; errors point into the
    /// header value.
    pub(super) fn digest<const N: usize>(&self) -> Result<[u8; N], Error> {
        decode_base64_exact(self.password_digest.as_bytes(), Field::Signature).map_err(
            |e| match e {
                Error::Malformed { field, position } => Error::Malformed {
                    field,
                    position: position.saturating_add(self.digest_at),
                },
                other => other,
            },
        )
    }

    /// The username check, before the digest.
    pub(super) fn check_username(&self, expected: &str) -> Result<(), Error> {
        if self.username == expected {
            Ok(())
        } else {
            Err(Error::KeyMismatch)
        }
    }

    /// The window and replay checks after the digest `mac` matched; the
    /// replay cache remembers the digest.
    pub(super) fn after_digest(
        &self,
        scheme: &[u8],
        mac: &[u8],
        checks: Checks<'_>,
    ) -> Result<VerifiedToken<'a>, Error> {
        checks.after_signature(
            || Ok(self.created.unix()),
            || Fingerprint::of_mac(scheme, mac),
        )?;
        Ok(VerifiedToken {
            username: self.username,
            nonce: self.nonce,
            created: self.created,
        })
    }
}

/// An `X-AKSK` or `X-WSSE` token that passed verification: its `Username`
/// was the expected one, its digest matched, and the checks asked for
/// passed.
///
/// ```
/// use callsign_core::huawei::verify::{verify_x_aksk, ParsedToken};
/// use callsign_core::{verify::Checks, HmacKey};
/// let header = r#"UsernameToken Username="a1B2c3D4e5F6g7H8i9J0kLmNoPqR",PasswordDigest="b8MSGhXOdJOz3fV5TblmdBQRT1nKdbtVng0LwtKkMjk=",Nonce="66c92b11ff8a425fb8d4ccfe0ed9ed1f",Created="2024-03-01T08:15:30Z""#;
/// let token = ParsedToken::parse(header)?;
/// let key = HmacKey::new(b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H");
/// let v = verify_x_aksk(&token, "a1B2c3D4e5F6g7H8i9J0kLmNoPqR", &key, Checks::SignatureOnly)?;
/// assert_eq!((v.username(), v.created().unix()), ("a1B2c3D4e5F6g7H8i9J0kLmNoPqR", 1_709_280_930));
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerifiedToken<'a> {
    username: &'a str,
    nonce: &'a str,
    created: Timestamp,
}

impl<'a> VerifiedToken<'a> {
    /// `Username`: equal to the username the verifier was given.
    ///
    /// ```
    /// # use callsign_core::huawei::verify::{verify_x_aksk, ParsedToken};
    /// # use callsign_core::{verify::Checks, HmacKey};
    /// # let t = ParsedToken::parse(r#"UsernameToken Username="a1B2c3D4e5F6g7H8i9J0kLmNoPqR",PasswordDigest="b8MSGhXOdJOz3fV5TblmdBQRT1nKdbtVng0LwtKkMjk=",Nonce="66c92b11ff8a425fb8d4ccfe0ed9ed1f",Created="2024-03-01T08:15:30Z""#)?;
    /// let v = verify_x_aksk(&t, "a1B2c3D4e5F6g7H8i9J0kLmNoPqR", &HmacKey::new(b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H"), Checks::SignatureOnly)?;
    /// assert_eq!(v.username(), "a1B2c3D4e5F6g7H8i9J0kLmNoPqR");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn username(&self) -> &'a str {
        self.username
    }

    /// `Nonce`, covered by the digest.
    ///
    /// ```
    /// # use callsign_core::huawei::verify::{verify_x_aksk, ParsedToken};
    /// # use callsign_core::{verify::Checks, HmacKey};
    /// # let t = ParsedToken::parse(r#"UsernameToken Username="a1B2c3D4e5F6g7H8i9J0kLmNoPqR",PasswordDigest="b8MSGhXOdJOz3fV5TblmdBQRT1nKdbtVng0LwtKkMjk=",Nonce="66c92b11ff8a425fb8d4ccfe0ed9ed1f",Created="2024-03-01T08:15:30Z""#)?;
    /// let v = verify_x_aksk(&t, "a1B2c3D4e5F6g7H8i9J0kLmNoPqR", &HmacKey::new(b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H"), Checks::SignatureOnly)?;
    /// assert_eq!(v.nonce(), "66c92b11ff8a425fb8d4ccfe0ed9ed1f");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn nonce(&self) -> &'a str {
        self.nonce
    }

    /// `Created`, covered by the digest.
    ///
    /// ```
    /// # use callsign_core::huawei::verify::{verify_x_aksk, ParsedToken};
    /// # use callsign_core::{verify::Checks, HmacKey};
    /// # let t = ParsedToken::parse(r#"UsernameToken Username="a1B2c3D4e5F6g7H8i9J0kLmNoPqR",PasswordDigest="b8MSGhXOdJOz3fV5TblmdBQRT1nKdbtVng0LwtKkMjk=",Nonce="66c92b11ff8a425fb8d4ccfe0ed9ed1f",Created="2024-03-01T08:15:30Z""#)?;
    /// let v = verify_x_aksk(&t, "a1B2c3D4e5F6g7H8i9J0kLmNoPqR", &HmacKey::new(b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H"), Checks::SignatureOnly)?;
    /// assert_eq!(v.created().unix(), 1_709_280_930);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub const fn created(&self) -> Timestamp {
        self.created
    }
}

/// A structural error at `position`.
fn structure(position: usize) -> Error {
    Error::Malformed {
        field: Field::UsernameToken,
        position,
    }
}

/// Checks that `bytes[pos..]` starts with `literal`; returns the offset
/// after it, or a structural error at the first byte that differs.
fn expect(bytes: &[u8], pos: usize, literal: &str) -> Result<usize, Error> {
    for (k, want) in literal.bytes().enumerate() {
        let at = pos.saturating_add(k);
        if bytes.get(at) != Some(&want) {
            return Err(structure(at));
        }
    }
    Ok(pos.saturating_add(literal.len()))
}

/// Checks a field value of `1..=max` bytes that `ok` accepts; errors point
/// at `at` (its offset in the header) plus the offending byte.
fn check_field(
    field: Field,
    value: &str,
    at: usize,
    max: usize,
    ok: impl Fn(u8) -> bool,
) -> Result<(), Error> {
    let malformed = |position: usize| Error::Malformed {
        field,
        position: at.saturating_add(position),
    };
    if value.is_empty() {
        return Err(malformed(0));
    }
    if value.len() > max {
        return Err(malformed(max));
    }
    match value.bytes().position(|b| !ok(b)) {
        Some(position) => Err(malformed(position)),
        None => Ok(()),
    }
}

/// Verifies an `X-AKSK` token as the application `username`, whose app
/// secret `key` is the HMAC key of: `Username` must equal `username`
/// exactly ([`Error::KeyMismatch`]); `PasswordDigest` must be the padded
/// Base64 of the 32-byte HMAC-SHA256 of `Nonce ‖ Created`
/// ([`Error::Malformed`] if it is not of that form,
/// [`Error::SignatureMismatch`] if it differs, compared in constant time).
/// Then, with [`Checks::Fresh`] or [`Checks::FreshOnce`], `Created` must
/// lie within the window and the digest must not have been accepted
/// before.
///
/// ```
/// use callsign_core::huawei::verify::{verify_x_aksk, ParsedToken};
/// use callsign_core::verify::{Checks, Freshness};
/// use callsign_core::{Error, HmacKey};
/// let header = r#"UsernameToken Username="a1B2c3D4e5F6g7H8i9J0kLmNoPqR",PasswordDigest="b8MSGhXOdJOz3fV5TblmdBQRT1nKdbtVng0LwtKkMjk=",Nonce="66c92b11ff8a425fb8d4ccfe0ed9ed1f",Created="2024-03-01T08:15:30Z""#;
/// let token = ParsedToken::parse(header)?;
/// let key = HmacKey::new(b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H");
/// let an_hour_later = Freshness::default_window(1_709_280_930 + 3600);
/// let app = "a1B2c3D4e5F6g7H8i9J0kLmNoPqR";
/// assert_eq!(verify_x_aksk(&token, app, &key, Checks::Fresh(an_hour_later)), Err(Error::TimestampTooOld));
/// assert_eq!(verify_x_aksk(&token, app, &HmacKey::new(b"other"), Checks::SignatureOnly), Err(Error::SignatureMismatch));
/// assert_eq!(verify_x_aksk(&token, "another-app", &key, Checks::SignatureOnly), Err(Error::KeyMismatch));
/// # Ok::<(), Error>(())
/// ```
pub fn verify_x_aksk<'a>(
    token: &ParsedToken<'a>,
    username: &str,
    key: &HmacKey,
    checks: Checks<'_>,
) -> Result<VerifiedToken<'a>, Error> {
    token.check_username(username)?;
    let received: [u8; 32] = token.digest()?;
    let mut expected = [0u8; 32];
    key.mac_parts_into(
        &[token.nonce.as_bytes(), &token.created.extended().to_array()],
        &mut expected,
    );
    if !ct_eq_then_wipe(&mut expected, &received) {
        return Err(Error::SignatureMismatch);
    }
    token.after_digest(b"huawei-x-aksk", &received, checks)
}

/// Verifies an `X-WSSE` token as the application `username`, with its app
/// secret: `Username` must equal `username` exactly ([`Error::KeyMismatch`]);
/// `PasswordDigest` must be Base64 of the lowercase hex (normative,
/// [`DigestEncoding::Hex`], 88 characters) or of the raw bytes (legacy,
/// [`DigestEncoding::LegacyRaw`], 44 characters) of SHA-256(`Nonce ‖
/// Created ‖ secret`), as the gateway chooses. Errors and checks as
/// [`verify_x_aksk`].
///
/// ```
/// use callsign_core::huawei::sms::{DigestEncoding, XWsse};
/// use callsign_core::huawei::verify::{verify_x_wsse, ParsedToken};
/// use callsign_core::{verify::Checks, Error, Nonce, Timestamp};
/// let nonce = Nonce::new("ac1c911c4792492687f8f6b2264a491e")?;
/// let signed = XWsse::new("ARBRz4bAXoFgEH7o4Ew308eXc1RA", b"Mq3s8Pz1Lk5Nv7Bx2Cw9Dy4Ft6Gh", &nonce,
///     Timestamp::parse("2018-05-26T00:35:30Z")?)?.to_heapless()?;
/// let token = ParsedToken::parse(&signed)?;
/// let app = "ARBRz4bAXoFgEH7o4Ew308eXc1RA";
/// verify_x_wsse(&token, app, b"Mq3s8Pz1Lk5Nv7Bx2Cw9Dy4Ft6Gh", DigestEncoding::Hex, Checks::SignatureOnly)?;
/// assert!(matches!(
///     verify_x_wsse(&token, app, b"Mq3s8Pz1Lk5Nv7Bx2Cw9Dy4Ft6Gh", DigestEncoding::LegacyRaw, Checks::SignatureOnly),
///     Err(Error::Malformed { .. })
/// ));
/// # Ok::<(), Error>(())
/// ```
pub fn verify_x_wsse<'a>(
    token: &ParsedToken<'a>,
    username: &str,
    app_secret: &[u8],
    encoding: DigestEncoding,
    checks: Checks<'_>,
) -> Result<VerifiedToken<'a>, Error> {
    token.check_username(username)?;
    let mut h = Sha256::new();
    h.update(token.nonce.as_bytes());
    h.update(&token.created.extended().to_array());
    h.update(app_secret);
    let mut raw = [0u8; 32];
    h.finalize_into(&mut raw);
    match encoding {
        DigestEncoding::Hex => {
            let mut hex = [0u8; 64];
            encode::hex32_into(&raw, &mut hex);
            raw.zeroize();
            let received = token.digest::<64>();
            let equal = ct_eq_then_wipe(&mut hex, received.as_ref().map_or(&[][..], |r| r));
            let received = received?;
            if !equal {
                return Err(Error::SignatureMismatch);
            }
            token.after_digest(b"huawei-x-wsse", &received, checks)
        }
        DigestEncoding::LegacyRaw => {
            let received = token.digest::<32>();
            let equal = ct_eq_then_wipe(&mut raw, received.as_ref().map_or(&[][..], |r| r));
            let received = received?;
            if !equal {
                return Err(Error::SignatureMismatch);
            }
            token.after_digest(b"huawei-x-wsse-raw", &received, checks)
        }
    }
}

/// Checks a received `Authorization` value against the constant of the
/// scheme ([`super::voice::AUTHORIZATION`] or [`super::sms::AUTHORIZATION`]),
/// exactly: [`Error::Malformed`] at the first byte that differs.
///
/// ```
/// use callsign_core::huawei::{verify::check_authorization, voice};
/// use callsign_core::{Error, Field};
/// assert_eq!(check_authorization(voice::AUTHORIZATION, voice::AUTHORIZATION), Ok(()));
/// assert_eq!(check_authorization(r#"AKSK realm="SDP""#, voice::AUTHORIZATION),
///            Err(Error::Malformed { field: Field::Authorization, position: 16 }));
/// ```
pub fn check_authorization(received: &str, expected: &str) -> Result<(), Error> {
    let (r, e) = (received.as_bytes(), expected.as_bytes());
    let position = r
        .iter()
        .zip(e)
        .position(|(a, b)| a != b)
        .or((r.len() != e.len()).then_some(r.len().min(e.len())));
    match position {
        None => Ok(()),
        Some(position) => Err(Error::Malformed {
            field: Field::Authorization,
            position,
        }),
    }
}
