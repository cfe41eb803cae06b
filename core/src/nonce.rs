//! [`Nonce`]: the `Nonce` field of X-AKSK and X-WSSE.

use rand_core::TryCryptoRng;

use crate::error::check_len;
use crate::{Emit, Error, Field, Sink};

/// Longest nonce Huawei accepts, in characters.
pub const NONCE_MAX_LEN: usize = 128;

/// Length of a generated nonce: 16 random bytes as lowercase hex.
pub const GENERATED_NONCE_LEN: usize = 32;

/// A validated nonce: 1 to 128 ASCII letters and digits, as Huawei's voice
/// and SMS APIs require. Stored inline (no allocation).
///
/// ```
/// use callsign_core::{Error, Field, Nonce};
/// let n = Nonce::new("66c92b11ff8a425fb8d4ccfe0ed9ed1f")?;
/// assert_eq!(n.as_str(), "66c92b11ff8a425fb8d4ccfe0ed9ed1f");
/// assert_eq!(
///     Nonce::new("ab\"c"),
///     Err(Error::InvalidCharacter { field: Field::Nonce, position: 2 })
/// );
/// # Ok::<(), Error>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Nonce {
    buf: [u8; NONCE_MAX_LEN],
    len: usize,
}

impl Nonce {
    /// Validates and copies `text`.
    ///
    /// ```
    /// assert!(callsign_core::Nonce::new("A").is_ok());
    /// assert!(callsign_core::Nonce::new(&"a".repeat(129)).is_err());
    /// ```
    pub fn new(text: &str) -> Result<Self, Error> {
        let bytes = NonceRef::new(text)?.as_bytes();
        let mut buf = [0u8; NONCE_MAX_LEN];
        if let Some(dst) = buf.get_mut(..bytes.len()) {
            crate::out::copy_exact(dst, bytes);
        }
        Ok(Nonce {
            buf,
            len: bytes.len(),
        })
    }

    /// A fresh nonce of 32 lowercase hex characters (128 random bits) from a
    /// cryptographic random number generator of `rand_core` 0.10, like the
    /// vendor demos' uuid4 without hyphens. The generator is asked with
    /// `try_fill_bytes`: when it fails (an OS generator that cannot be
    /// read, a HAL's TRNG that reports an error), the answer is
    /// [`Error::RandomFailed`], never a panic. Every `CryptoRng` is a
    /// `TryCryptoRng`. For HALs whose RNG implements an older `rand_core`,
    /// see `Nonce::generate_rand_core_0_9` and `Nonce::generate_rand_core_0_6`
    /// (features `rand_core_0_9` and `rand_core_0_6`).
    ///
    /// ```
    /// # struct Counter(u8);
    /// # impl rand_core::TryRng for Counter {
    /// #     type Error = core::convert::Infallible;
    /// #     fn try_next_u32(&mut self) -> Result<u32, Self::Error> { Ok(0) }
    /// #     fn try_next_u64(&mut self) -> Result<u64, Self::Error> { Ok(0) }
    /// #     fn try_fill_bytes(&mut self, d: &mut [u8]) -> Result<(), Self::Error> {
    /// #         for b in d { self.0 = self.0.wrapping_add(1); *b = self.0; }
    /// #         Ok(())
    /// #     }
    /// # }
    /// # impl rand_core::TryCryptoRng for Counter {}
    /// let mut rng = Counter(0); // use a real CSPRNG, e.g. getrandom::SysRng
    /// let n = callsign_core::Nonce::generate(&mut rng)?;
    /// assert_eq!(n.as_str(), "0102030405060708090a0b0c0d0e0f10");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn generate<R: TryCryptoRng + ?Sized>(rng: &mut R) -> Result<Self, Error> {
        Self::from_fill(|random| rng.try_fill_bytes(random).is_ok())
    }

    /// The nonce of 16 bytes that `fill` draws, or [`Error::RandomFailed`]
    /// when it reports a failure.
    fn from_fill(fill: impl FnOnce(&mut [u8]) -> bool) -> Result<Self, Error> {
        let mut random = [0u8; GENERATED_NONCE_LEN / 2];
        if fill(&mut random) {
            Ok(Self::from_random(random))
        } else {
            Err(Error::RandomFailed)
        }
    }

    /// As [`Nonce::generate`], for an RNG of `rand_core` 0.9 (feature
    /// `rand_core_0_9`: the RNG drivers of embassy-rp, embassy-nrf,
    /// embassy-stm32 and esp-hal implement it).
    ///
    /// ```
    /// # struct Counter(u8);
    /// # impl rand_core_0_9::TryRngCore for Counter {
    /// #     type Error = core::convert::Infallible;
    /// #     fn try_next_u32(&mut self) -> Result<u32, Self::Error> { Ok(0) }
    /// #     fn try_next_u64(&mut self) -> Result<u64, Self::Error> { Ok(0) }
    /// #     fn try_fill_bytes(&mut self, d: &mut [u8]) -> Result<(), Self::Error> {
    /// #         for b in d { self.0 = self.0.wrapping_add(1); *b = self.0; }
    /// #         Ok(())
    /// #     }
    /// # }
    /// # impl rand_core_0_9::TryCryptoRng for Counter {}
    /// let mut rng = Counter(0); // e.g. embassy_rp::trng::Trng
    /// let n = callsign_core::Nonce::generate_rand_core_0_9(&mut rng)?;
    /// assert_eq!(n.as_str(), "0102030405060708090a0b0c0d0e0f10");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    #[cfg(feature = "rand_core_0_9")]
    pub fn generate_rand_core_0_9<R: rand_core_0_9::TryCryptoRng + ?Sized>(
        rng: &mut R,
    ) -> Result<Self, Error> {
        Self::from_fill(|random| rng.try_fill_bytes(random).is_ok())
    }

    /// As [`Nonce::generate`], for an RNG of `rand_core` 0.6 (feature
    /// `rand_core_0_6`: rp2040-hal's, and the 0.6 implementations embassy
    /// and esp-hal keep beside 0.9).
    ///
    /// ```
    /// # struct Counter(u8);
    /// # impl rand_core_0_6::RngCore for Counter {
    /// #     fn next_u32(&mut self) -> u32 { 0 }
    /// #     fn next_u64(&mut self) -> u64 { 0 }
    /// #     fn fill_bytes(&mut self, d: &mut [u8]) { for b in d { self.0 = self.0.wrapping_add(1); *b = self.0; } }
    /// #     fn try_fill_bytes(&mut self, d: &mut [u8]) -> Result<(), rand_core_0_6::Error> { self.fill_bytes(d); Ok(()) }
    /// # }
    /// # impl rand_core_0_6::CryptoRng for Counter {}
    /// let mut rng = Counter(0); // e.g. rp2040_hal's RNG, or rand_core_0_6::OsRng
    /// let n = callsign_core::Nonce::generate_rand_core_0_6(&mut rng)?;
    /// assert_eq!(n.as_str(), "0102030405060708090a0b0c0d0e0f10");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    #[cfg(feature = "rand_core_0_6")]
    pub fn generate_rand_core_0_6<R: rand_core_0_6::CryptoRng + rand_core_0_6::RngCore + ?Sized>(
        rng: &mut R,
    ) -> Result<Self, Error> {
        Self::from_fill(|random| rng.try_fill_bytes(random).is_ok())
    }

    /// The nonce of 16 bytes that the caller drew from a cryptographic
    /// random source: their 32 lowercase hex characters. For callers whose
    /// random source is not a `rand_core` RNG (a hardware TRNG register, a
    /// C callback).
    ///
    /// ```
    /// let n = callsign_core::Nonce::from_random([0xab; 16]);
    /// assert_eq!(n.as_str(), "abababababababababababababababab");
    /// ```
    pub fn from_random(random: [u8; GENERATED_NONCE_LEN / 2]) -> Self {
        let mut buf = [0u8; NONCE_MAX_LEN];
        let mut out = crate::Out::new(&mut buf);
        crate::encode::hex(&random, &mut out);
        Nonce {
            buf,
            len: GENERATED_NONCE_LEN,
        }
    }

    /// The nonce text.
    ///
    /// ```
    /// assert_eq!(callsign_core::Nonce::new("xyz")?.as_str(), "xyz");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(self.as_bytes()).unwrap_or("")
    }

    /// The nonce bytes (ASCII).
    ///
    /// ```
    /// assert_eq!(callsign_core::Nonce::new("xyz")?.as_bytes(), b"xyz");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn as_bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or(&[])
    }
}

impl<'a> From<&'a Nonce> for NonceRef<'a> {
    /// The nonce, borrowed (already validated).
    ///
    /// ```
    /// use callsign_core::{Nonce, NonceRef};
    /// let n = Nonce::new("abc")?;
    /// assert_eq!(NonceRef::from(&n).as_str(), "abc");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    fn from(nonce: &'a Nonce) -> Self {
        NonceRef(nonce.as_str())
    }
}

/// A validated nonce borrowed from the caller's text: the same rules as
/// [`Nonce`] (1 to 128 ASCII letters and digits), without copying it. The
/// signers take either (`&Nonce` converts into it), so a caller that holds
/// the nonce text already — the C ABI, a nonce kept with a queued request —
/// validates it in place instead of copying 128 bytes per signature.
///
/// ```
/// use callsign_core::{huawei::voice::XAksk, HmacKey, NonceRef, Timestamp};
/// let nonce = NonceRef::new("66c92b11ff8a425fb8d4ccfe0ed9ed1f")?;
/// let key = HmacKey::new(b"Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1H");
/// let v = XAksk::new("a1B2c3D4e5F6g7H8i9J0kLmNoPqR", &key, nonce, Timestamp::parse("2024-03-01T08:15:30Z")?)?;
/// assert_eq!(v.password_digest(), "b8MSGhXOdJOz3fV5TblmdBQRT1nKdbtVng0LwtKkMjk=");
/// assert!(NonceRef::new("no spaces").is_err());
/// # Ok::<(), callsign_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NonceRef<'a>(&'a str);

impl<'a> NonceRef<'a> {
    /// Validates `text` (see [`Nonce::new`] for the rules and errors).
    ///
    /// ```
    /// use callsign_core::{Error, Field, NonceRef};
    /// assert_eq!(NonceRef::new("a b"), Err(Error::InvalidCharacter { field: Field::Nonce, position: 1 }));
    /// ```
    pub fn new(text: &'a str) -> Result<Self, Error> {
        let bytes = text.as_bytes();
        check_len(Field::Nonce, bytes.len(), 1, NONCE_MAX_LEN)?;
        crate::text::check_chars(bytes, Field::Nonce, |b| b.is_ascii_alphanumeric())?;
        Ok(NonceRef(text))
    }

    /// The nonce text.
    ///
    /// ```
    /// assert_eq!(callsign_core::NonceRef::new("xyz")?.as_str(), "xyz");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn as_str(&self) -> &'a str {
        self.0
    }

    /// The nonce bytes (ASCII).
    ///
    /// ```
    /// assert_eq!(callsign_core::NonceRef::new("xyz")?.as_bytes(), b"xyz");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0.as_bytes()
    }
}

/// The nonce text (public: it is sent in the header).
#[cfg(feature = "defmt")]
impl defmt::Format for NonceRef<'_> {
    fn format(&self, f: defmt::Formatter<'_>) {
        defmt::write!(f, "Nonce({=str})", self.0);
    }
}

impl Emit for NonceRef<'_> {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        sink.write(self.0.as_bytes());
    }
}

impl core::fmt::Debug for Nonce {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_tuple("Nonce").field(&self.as_str()).finish()
    }
}

/// The nonce text (public: it is sent in the header).
#[cfg(feature = "defmt")]
impl defmt::Format for Nonce {
    fn format(&self, f: defmt::Formatter<'_>) {
        defmt::write!(f, "Nonce({=str})", self.as_str());
    }
}

impl Emit for Nonce {
    fn len(&self) -> usize {
        self.len
    }
    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        sink.write(self.as_bytes());
    }
}
