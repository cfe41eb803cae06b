//! [`SignatureText`]: a signature in its header form (Base64 or lowercase
//! hex), of a length fixed by the scheme.

use crate::{Emit, Error, Out, Sink};

/// A signature as sent in a header: `N` ASCII characters, Base64 or
/// lowercase hex depending on the scheme. Not secret (it travels in the
/// request), so `Debug` shows it.
///
/// ```
/// use callsign_core::{mailgun, HmacKey};
/// let sig = mailgun::sign(&HmacKey::new(b"key"), "1700000000", "token")?;
/// assert_eq!(sig.len(), 64);
/// let mut buf = [0u8; mailgun::SIGNATURE_LEN];
/// assert_eq!(sig.write(&mut buf)?, 64);
/// assert_eq!(sig.to_heapless()?.as_str(), sig.as_str());
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct SignatureText<const N: usize> {
    text: [u8; N],
}

impl<const N: usize> SignatureText<N> {
    /// The padded Base64 of `mac`; `N` must be its exact length.
    pub(crate) fn base64_of(mac: &[u8]) -> Self {
        let mut text = [0u8; N];
        crate::encode::base64(mac, &mut Out::new(&mut text));
        SignatureText { text }
    }

    /// The lowercase hex of `mac`; `N` must be twice its length.
    pub(crate) fn hex_of(mac: &[u8]) -> Self {
        let mut text = [0u8; N];
        crate::encode::hex(mac, &mut Out::new(&mut text));
        SignatureText { text }
    }

    /// The signature text.
    ///
    /// ```
    /// let sig = callsign_core::sinch::numbers::sign(b"secret", b"{}")?;
    /// assert_eq!(sig.as_str().len(), 40);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.text).unwrap_or("")
    }

    /// Its length: always `N`.
    ///
    /// ```
    /// let sig = callsign_core::sinch::numbers::sign(b"secret", b"{}")?;
    /// assert_eq!(sig.len(), callsign_core::sinch::numbers::SIGNATURE_LEN);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    #[allow(clippy::len_without_is_empty)]
    pub const fn len(&self) -> usize {
        N
    }

    /// Writes the text at the start of `out`; returns its length, or
    /// [`Error::BufferTooSmall`] (nothing written).
    ///
    /// ```
    /// use callsign_core::Error;
    /// let sig = callsign_core::sinch::numbers::sign(b"secret", b"{}")?;
    /// assert_eq!(sig.write(&mut [0u8; 39]), Err(Error::BufferTooSmall { needed: 40 }));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn write(&self, out: &mut [u8]) -> Result<usize, Error> {
        Emit::write(self, out)
    }

    /// The text as a `heapless::String` of capacity `N`.
    ///
    /// ```
    /// let sig = callsign_core::sinch::numbers::sign(b"secret", b"{}")?;
    /// assert_eq!(sig.to_heapless()?.len(), 40);
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn to_heapless(&self) -> Result<heapless::String<N>, Error> {
        Emit::to_heapless(self)
    }
}

impl<const N: usize> Emit for SignatureText<N> {
    fn len(&self) -> usize {
        N
    }
    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        sink.write(&self.text);
    }
}

impl<const N: usize> core::fmt::Debug for SignatureText<N> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_tuple("SignatureText")
            .field(&self.as_str())
            .finish()
    }
}

impl<const N: usize> core::fmt::Display for SignatureText<N> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}
