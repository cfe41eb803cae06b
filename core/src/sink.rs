//! [`Sink`]: where produced bytes go.
//!
//! Every header value and canonical text in callsign is produced by code
//! that pushes bytes into a `Sink`. The same code can then fill an output
//! buffer ([`crate::Out`]), count bytes ([`Counter`]) or feed a hasher, so
//! what is hashed and what is displayed can never differ.

/// A destination for bytes. Writing cannot fail: a sink that can run out of
/// room (such as [`crate::Out`]) records it and reports it when finished.
///
/// ```
/// use callsign_core::{Counter, Sink};
/// let mut c = Counter::new();
/// c.write(b"abc");
/// c.write(b"de");
/// assert_eq!(c.count(), 5);
/// ```
pub trait Sink {
    /// Appends `bytes`.
    fn write(&mut self, bytes: &[u8]);
}

impl<S: Sink + ?Sized> Sink for &mut S {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        (**self).write(bytes);
    }
}

/// A sink that only counts the bytes written to it (saturating at `usize::MAX`).
///
/// ```
/// use callsign_core::{Counter, Sink};
/// let mut c = Counter::new();
/// c.write(&[0; 7]);
/// assert_eq!(c.count(), 7);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counter {
    count: usize,
}

impl Counter {
    /// A counter at zero.
    ///
    /// ```
    /// assert_eq!(callsign_core::Counter::new().count(), 0);
    /// ```
    pub const fn new() -> Self {
        Counter { count: 0 }
    }

    /// Bytes written so far.
    ///
    /// ```
    /// use callsign_core::{Counter, Sink};
    /// let mut c = Counter::new();
    /// c.write(b"x");
    /// assert_eq!(c.count(), 1);
    /// ```
    pub const fn count(&self) -> usize {
        self.count
    }
}

impl Sink for Counter {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.count = self.count.saturating_add(bytes.len());
    }
}
