//! [`Out`], a cursor over a caller's buffer, and [`Emit`], the trait of
//! every value callsign writes.

use crate::{Error, Sink};

/// A write cursor over a caller-owned `&mut [u8]`.
///
/// Writing past the end writes nothing more and marks the cursor as
/// overflowed; [`Out::finish`] then reports [`Error::BufferTooSmall`] with
/// the number of bytes the whole output needed.
///
/// ```
/// use callsign_core::{Error, Out, Sink};
/// let mut buf = [0u8; 4];
/// let mut out = Out::new(&mut buf);
/// out.write(b"abc");
/// assert_eq!(out.finish(), Ok(3));
///
/// let mut small = [0u8; 2];
/// let mut out = Out::new(&mut small);
/// out.write(b"abc");
/// assert_eq!(out.finish(), Err(Error::BufferTooSmall { needed: 3 }));
/// ```
#[derive(Debug)]
pub struct Out<'a> {
    buf: &'a mut [u8],
    pos: usize,
    wanted: usize,
}

impl<'a> Out<'a> {
    /// A cursor at the start of `buf`.
    ///
    /// ```
    /// let mut buf = [0u8; 8];
    /// let out = callsign_core::Out::new(&mut buf);
    /// assert_eq!(out.written(), 0);
    /// ```
    pub fn new(buf: &'a mut [u8]) -> Self {
        Out {
            buf,
            pos: 0,
            wanted: 0,
        }
    }

    /// Bytes written into the buffer so far.
    ///
    /// ```
    /// use callsign_core::{Out, Sink};
    /// let mut buf = [0u8; 8];
    /// let mut out = Out::new(&mut buf);
    /// out.write(b"hi");
    /// assert_eq!(out.written(), 2);
    /// ```
    pub fn written(&self) -> usize {
        self.pos
    }

    /// The length written, or [`Error::BufferTooSmall`] with the length
    /// that all writes together needed.
    ///
    /// ```
    /// use callsign_core::{Out, Sink};
    /// let mut buf = [0u8; 8];
    /// let mut out = Out::new(&mut buf);
    /// out.write(b"hello");
    /// assert_eq!(out.finish(), Ok(5));
    /// ```
    pub fn finish(self) -> Result<usize, Error> {
        if self.wanted == self.pos {
            Ok(self.pos)
        } else {
            Err(Error::BufferTooSmall {
                needed: self.wanted,
            })
        }
    }
}

impl Sink for Out<'_> {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let overflowed = self.wanted != self.pos;
        self.wanted = self.wanted.saturating_add(bytes.len());
        if overflowed {
            return;
        }
        let dst = self
            .pos
            .checked_add(bytes.len())
            .and_then(|end| self.buf.get_mut(self.pos..end));
        if let Some(dst) = dst {
            copy_exact(dst, bytes);
            self.pos = self.wanted;
        }
    }
}

/// Bytes [`copy_exact`] moves at a time. Hosts with SHA extensions: 16, one
/// vector store, so that the SHA extensions' 16-byte loads of a block
/// assembled just before are forwarded from the store buffer (from two
/// 8-byte stores they are not, and wait: an X-AKSK took 142 ns instead of
/// 135 on the bench machine). Microcontrollers: 8, two word stores (16
/// costs a Cortex-M4 at opt-level "z" 1,400 instructions more per X-AKSK).
#[cfg(any(target_arch = "x86", target_arch = "x86_64", target_arch = "aarch64"))]
const COPY_CHUNK: usize = 16;
/// See above.
#[cfg(not(any(target_arch = "x86", target_arch = "x86_64", target_arch = "aarch64")))]
const COPY_CHUNK: usize = 8;

/// Copies `src` into `dst` when their lengths are equal, which every caller
/// ensures. Loops, not `copy_from_slice`: at opt-level "z" the optimiser
/// keeps `copy_from_slice_impl` out of line, with its length-mismatch
/// panic, whatever the caller checked (the thumbv7em panic-never link of
/// scripts/embedded.sh found it). [`COPY_CHUNK`] bytes at a time as
/// arrays, then the rest byte by byte: at "z" LLVM does not turn a byte
/// loop into a `memcpy`, and on a Cortex-M4 writing an X-AKSK value byte by
/// byte was a tenth of its instructions.
#[inline(always)]
pub(crate) fn copy_exact(dst: &mut [u8], src: &[u8]) {
    if dst.len() != src.len() {
        return;
    }
    let (mut d, mut s) = (dst, src);
    while let Some((sc, st)) = s.split_first_chunk::<COPY_CHUNK>() {
        // `d` is as long as `s`: it has these bytes too.
        let Some((dc, dt)) = core::mem::take(&mut d).split_first_chunk_mut::<COPY_CHUNK>() else {
            return;
        };
        *dc = *sc;
        d = dt;
        s = st;
    }
    for (x, y) in d.iter_mut().zip(s) {
        *x = *y;
    }
}

/// Overwrites a byte buffer that held secret-derived data with zeros, as
/// one vectorised fill the optimiser keeps: `black_box` of the buffer
/// afterwards is, to the compiler, a read of it, so the stores cannot be
/// removed as dead. `zeroize` on a byte array writes one volatile byte at a
/// time (8 ns for a 64-byte block on the bench machine, against under 1 ns
/// here), which on the short signatures was a tenth of the time. Word
/// states (`[u32; 8]`) keep `zeroize`: eight volatile stores cost as much
/// as this. `tests/c/test_scrub.c` checks on the release build that no
/// wiped value survives on the stack.
#[inline(always)]
pub(crate) fn wipe(bytes: &mut [u8]) {
    bytes.fill(0);
    core::hint::black_box(&*bytes);
}

/// A value whose exact length is known before it is written: a header
/// value, a timestamp, a digest in text form.
///
/// Implementors provide [`Emit::len`] and [`Emit::emit`]; the provided
/// methods check the buffer once, then write, so a short buffer is never
/// written to.
///
/// ```
/// use callsign_core::{Emit, Error, Timestamp};
/// let t = Timestamp::from_unix(0)?.extended();
/// assert_eq!(t.len(), 20);
/// let mut buf = [0u8; 20];
/// assert_eq!(t.write(&mut buf)?, 20);
/// assert_eq!(&buf, b"1970-01-01T00:00:00Z");
/// assert_eq!(t.write(&mut [0u8; 19]), Err(Error::BufferTooSmall { needed: 20 }));
/// # Ok::<(), Error>(())
/// ```
pub trait Emit {
    /// The exact number of bytes [`Emit::emit`] produces.
    fn len(&self) -> usize;

    /// Pushes the value into `sink`: exactly [`Emit::len`] bytes.
    fn emit<S: Sink + ?Sized>(&self, sink: &mut S);

    /// Whether the value is empty (never true for header values).
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Writes the value at the start of `buf` and returns its length, or
    /// returns [`Error::BufferTooSmall`] and leaves `buf` untouched.
    fn write(&self, buf: &mut [u8]) -> Result<usize, Error> {
        let needed = self.len();
        match buf.get_mut(..needed) {
            Some(dst) => {
                let mut out = Out::new(dst);
                self.emit(&mut out);
                out.finish()
            }
            None => Err(Error::BufferTooSmall { needed }),
        }
    }

    /// The value as a `heapless::String` of capacity `N`, or
    /// [`Error::BufferTooSmall`] if `N` is too small.
    ///
    /// ```
    /// use callsign_core::{Emit, Timestamp};
    /// let s = Timestamp::from_unix(86_400)?.basic().to_heapless::<16>()?;
    /// assert_eq!(s.as_str(), "19700102T000000Z");
    /// # Ok::<(), callsign_core::Error>(())
    /// ```
    fn to_heapless<const N: usize>(&self) -> Result<heapless::String<N>, Error> {
        let mut s = heapless::String::<N>::new();
        let needed = self.len();
        if needed > N {
            return Err(Error::BufferTooSmall { needed });
        }
        let mut sink = StringSink {
            s: &mut s,
            ok: true,
        };
        self.emit(&mut sink);
        if sink.ok {
            Ok(s)
        } else {
            Err(Error::BufferTooSmall { needed })
        }
    }
}

/// Appends UTF-8 text to a `heapless::String`; every emitter in the crate
/// writes whole ASCII or UTF-8 pieces.
struct StringSink<'s, const N: usize> {
    s: &'s mut heapless::String<N>,
    ok: bool,
}

impl<const N: usize> Sink for StringSink<'_, N> {
    fn write(&mut self, bytes: &[u8]) {
        let pushed = core::str::from_utf8(bytes)
            .ok()
            .and_then(|t| self.s.push_str(t).ok());
        if pushed.is_none() {
            self.ok = false;
        }
    }
}
