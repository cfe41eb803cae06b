//! The body's part in the string to sign: its MD5, computed in chunks
//! ([`BodyMd5`]), and the `Content-MD5` line of each scheme.

use md5::{Digest, Md5};

use super::application::{Scheme, CONTENT_MD5_LEN};
use crate::{Emit, Error, SignatureText, Sink};

/// MD5 of zero bytes.
const MD5_OF_NOTHING: [u8; 16] = [
    0xd4, 0x1d, 0x8c, 0xd9, 0x8f, 0x00, 0xb2, 0x04, 0xe9, 0x80, 0x09, 0x98, 0xec, 0xf8, 0x42, 0x7e,
];

/// Streaming MD5 of a request body, fed in chunks of any size, for the
/// `Content-MD5` line. A device can sign a body it never holds whole.
///
/// ```
/// use callsign_core::sinch::application::{BodyDigest, BodyMd5};
/// let mut md5 = BodyMd5::new();
/// md5.update(b"hello ");
/// md5.update(b"world");
/// assert_eq!(md5.finish(), BodyDigest::of(b"hello world"));
/// ```
#[derive(Clone, Default)]
pub struct BodyMd5 {
    md5: Md5,
    len: u64,
}

impl BodyMd5 {
    /// A hasher over the empty body.
    ///
    /// ```
    /// let d = callsign_core::sinch::application::BodyMd5::new().finish();
    /// assert!(d.is_empty());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Hashes the next chunk of the body.
    ///
    /// ```
    /// let mut md5 = callsign_core::sinch::application::BodyMd5::new();
    /// md5.update(b"{}");
    /// assert_eq!(md5.finish().len(), 2);
    /// ```
    pub fn update(&mut self, chunk: &[u8]) {
        self.md5.update(chunk);
        self.len = self.len.wrapping_add(chunk.len() as u64);
    }

    /// The digest of the whole body.
    ///
    /// ```
    /// let d = callsign_core::sinch::application::BodyMd5::new().finish();
    /// assert_eq!(d.md5()[0], 0xd4);
    /// ```
    pub fn finish(self) -> BodyDigest {
        BodyDigest {
            md5: self.md5.finalize().into(),
            len: self.len,
        }
    }
}

impl Sink for BodyMd5 {
    fn write(&mut self, bytes: &[u8]) {
        self.update(bytes);
    }
}

impl core::fmt::Debug for BodyMd5 {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("BodyMd5").field("len", &self.len).finish()
    }
}

/// The MD5 and length of a body: what the string to sign needs of it.
///
/// ```
/// use callsign_core::sinch::application::{BodyDigest, Scheme};
/// let d = BodyDigest::of(b"{}");
/// assert_eq!(d.content_md5(Scheme::Application).as_str(), "mZFLkyvTelC5g8XnyQrpOw==");
/// assert_eq!(BodyDigest::NONE.content_md5(Scheme::Application).as_str(), "");
/// assert_eq!(BodyDigest::NONE.content_md5(Scheme::Service).as_str(), "1B2M2Y8AsgTpgAmY7PhCfg==");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct BodyDigest {
    md5: [u8; 16],
    len: u64,
}

impl BodyDigest {
    /// No body (or an empty one).
    pub const NONE: BodyDigest = BodyDigest {
        md5: MD5_OF_NOTHING,
        len: 0,
    };

    /// The digest of a body held whole.
    ///
    /// ```
    /// let d = callsign_core::sinch::application::BodyDigest::of(b"abc");
    /// assert_eq!(d.md5()[..2], [0x90, 0x01]);
    /// ```
    pub fn of(body: &[u8]) -> Self {
        let mut md5 = BodyMd5::new();
        md5.update(body);
        md5.finish()
    }

    /// The 16-byte MD5.
    ///
    /// ```
    /// assert_eq!(callsign_core::sinch::application::BodyDigest::NONE.md5()[15], 0x7e);
    /// ```
    pub const fn md5(&self) -> [u8; 16] {
        self.md5
    }

    /// The body length in bytes (modulo 2^64).
    ///
    /// ```
    /// assert_eq!(callsign_core::sinch::application::BodyDigest::of(b"abc").len(), 3);
    /// ```
    pub const fn len(&self) -> u64 {
        self.len
    }

    /// Whether the body is empty or absent.
    ///
    /// ```
    /// assert!(callsign_core::sinch::application::BodyDigest::of(b"").is_empty());
    /// ```
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The `Content-MD5` line of `scheme`: empty for an empty body under
    /// [`Scheme::Application`], Base64 of the MD5 otherwise.
    ///
    /// ```
    /// use callsign_core::sinch::application::{BodyDigest, Scheme};
    /// assert_eq!(BodyDigest::of(b"").content_md5(Scheme::Application).len(), 0);
    /// assert_eq!(BodyDigest::of(b"").content_md5(Scheme::Service).len(), 24);
    /// ```
    pub fn content_md5(&self, scheme: Scheme) -> ContentMd5 {
        ContentMd5 {
            text: SignatureText::base64_of(&self.md5),
            present: !(self.is_empty() && scheme == Scheme::Application),
        }
    }
}

/// A `Content-MD5` line: 24 Base64 characters, or empty.
///
/// ```
/// use callsign_core::sinch::application::{BodyDigest, Scheme};
/// let m = BodyDigest::of(b"{}").content_md5(Scheme::Application);
/// let mut buf = [0u8; callsign_core::sinch::application::CONTENT_MD5_LEN];
/// let n = m.write(&mut buf)?;
/// assert_eq!(&buf[..n], b"mZFLkyvTelC5g8XnyQrpOw==");
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ContentMd5 {
    text: SignatureText<CONTENT_MD5_LEN>,
    present: bool,
}

impl ContentMd5 {
    /// The text (empty or 24 characters).
    ///
    /// ```
    /// use callsign_core::sinch::application::{BodyDigest, Scheme};
    /// assert_eq!(BodyDigest::NONE.content_md5(Scheme::Application).as_str(), "");
    /// ```
    pub fn as_str(&self) -> &str {
        if self.present {
            self.text.as_str()
        } else {
            ""
        }
    }

    /// Exact length: 0 or [`CONTENT_MD5_LEN`].
    ///
    /// ```
    /// use callsign_core::sinch::application::{BodyDigest, Scheme};
    /// assert_eq!(BodyDigest::of(b"x").content_md5(Scheme::Application).len(), 24);
    /// ```
    pub fn len(&self) -> usize {
        self.as_str().len()
    }

    /// Whether the line is empty.
    ///
    /// ```
    /// use callsign_core::sinch::application::{BodyDigest, Scheme};
    /// assert!(BodyDigest::NONE.content_md5(Scheme::Application).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Writes the text at the start of `out`; returns its length, or
    /// [`Error::BufferTooSmall`] (nothing written).
    ///
    /// ```
    /// use callsign_core::sinch::application::{BodyDigest, Scheme};
    /// let m = BodyDigest::of(b"x").content_md5(Scheme::Service);
    /// assert!(m.write(&mut [0u8; 23]).is_err());
    /// ```
    pub fn write(&self, out: &mut [u8]) -> Result<usize, Error> {
        Emit::write(self, out)
    }

    /// The text as a `heapless::String`.
    ///
    /// ```
    /// use callsign_core::sinch::application::{BodyDigest, Scheme};
    /// let m = BodyDigest::of(b"x").content_md5(Scheme::Service);
    /// assert_eq!(m.to_heapless()?.as_str(), m.as_str());
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn to_heapless(&self) -> Result<heapless::String<CONTENT_MD5_LEN>, Error> {
        Emit::to_heapless(self)
    }
}

impl Emit for ContentMd5 {
    fn len(&self) -> usize {
        ContentMd5::len(self)
    }
    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        sink.write(self.as_str().as_bytes());
    }
}
