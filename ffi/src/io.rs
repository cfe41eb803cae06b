//! Checked views of C pointers, and the output rule.

use core::ffi::c_char;

use callsign_core::{Emit, Sink};

use crate::status::*;

/// A range of C memory, `[start, end)`, known by its addresses only: making
/// one forms no Rust reference. NULL, length 0 and a length above
/// `isize::MAX` (refused as an input by [`bytes`], a lie as an output
/// capacity) are no range.
#[derive(Clone, Copy)]
pub(crate) struct Range {
    start: usize,
    end: usize,
}

impl Range {
    /// The `len` bytes at `ptr`.
    pub(crate) fn bytes<T>(ptr: *const T, len: usize) -> Self {
        let start = ptr.addr();
        if start == 0 || len > isize::MAX as usize {
            return Range { start: 0, end: 0 };
        }
        Range {
            start,
            end: start.saturating_add(len),
        }
    }

    /// The `T` at `ptr`.
    pub(crate) fn of<T>(ptr: *const T) -> Self {
        Self::bytes(ptr, core::mem::size_of::<T>())
    }

    /// The `count` values of type `T` at `ptr`.
    pub(crate) fn array<T>(ptr: *const T, count: usize) -> Self {
        Self::bytes(ptr, count.saturating_mul(core::mem::size_of::<T>()))
    }

    /// Whether the two ranges share a byte (ranges that only touch do not).
    fn overlaps(self, other: Self) -> bool {
        self.start < self.end
            && other.start < other.end
            && self.start < other.end
            && other.start < self.end
    }
}

/// CALLSIGN_OVERLAPPING_BUFFERS when an input range overlaps an output
/// range or two output ranges overlap. Called before any reference to the
/// caller's memory is formed: an input aliased by an output would make a
/// `&[u8]` and a `&mut [u8]` over the same bytes.
pub(crate) fn disjoint(inputs: &[Range], outputs: &[Range]) -> Result<(), u32> {
    let mut rest = outputs;
    while let Some((out, later)) = rest.split_first() {
        if inputs.iter().chain(later).any(|r| r.overlaps(*out)) {
            return Err(CALLSIGN_OVERLAPPING_BUFFERS);
        }
        rest = later;
    }
    Ok(())
}

/// The output ranges of a text output: `out[0..out_cap]` and `*out_len`.
pub(crate) fn text_out(out: *mut c_char, out_cap: usize, out_len: *mut usize) -> [Range; 2] {
    [Range::bytes(out, out_cap), Range::of(out_len)]
}

/// The bytes at `ptr..ptr+len`. NULL with length 0 is empty.
///
/// # Safety
/// A non-NULL `ptr` must point to `len` readable bytes that stay valid and
/// unmodified for `'a`.
pub(crate) unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> Result<&'a [u8], u32> {
    if ptr.is_null() {
        return if len == 0 {
            Ok(&[])
        } else {
            Err(CALLSIGN_NULL_ARGUMENT)
        };
    }
    if len > isize::MAX as usize {
        return Err(CALLSIGN_INVALID_ARGUMENT);
    }
    // SAFETY: non-NULL, and the caller guarantees `len` readable bytes.
    Ok(unsafe { core::slice::from_raw_parts(ptr, len) })
}

/// The UTF-8 text at `ptr..ptr+len`.
///
/// # Safety
/// As for [`bytes`].
pub(crate) unsafe fn text<'a>(ptr: *const u8, len: usize) -> Result<&'a str, u32> {
    // SAFETY: forwarded contract.
    let b = unsafe { bytes(ptr, len) }?;
    // App keys, nonces, user names are ASCII: checked in one vectorised
    // pass, without the general UTF-8 decoder (a tenth of a short
    // signature's time on the C side).
    if b.is_ascii() {
        // SAFETY: ASCII is valid UTF-8.
        return Ok(unsafe { core::str::from_utf8_unchecked(b) });
    }
    core::str::from_utf8(b).map_err(|_| CALLSIGN_INVALID_UTF8)
}

/// Checks the output pointers before any other work: `out_len` must not be
/// NULL; `out` may be NULL only with `out_cap == 0`.
pub(crate) fn check_out(out: *mut c_char, out_cap: usize, out_len: *mut usize) -> Result<(), u32> {
    if out_len.is_null() || (out.is_null() && out_cap != 0) {
        Err(CALLSIGN_NULL_ARGUMENT)
    } else {
        Ok(())
    }
}

/// Writes `value` and a NUL under the output rule.
///
/// # Safety
/// `out` must be NULL with `out_cap == 0`, or point to `out_cap` writable
/// bytes; `out_len` must point to a writable `size_t` (checked by
/// [`check_out`]).
pub(crate) unsafe fn write_out<E: Emit>(
    value: &E,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> u32 {
    if let Err(status) = check_out(out, out_cap, out_len) {
        return status;
    }
    let len = value.len();
    let needed = len.saturating_add(1);
    if out.is_null() || out_cap < needed {
        // SAFETY: out_len is non-NULL (checked) and writable by contract.
        unsafe { out_len.write(needed) };
        return CALLSIGN_BUFFER_TOO_SMALL;
    }
    // SAFETY: out is non-NULL with out_cap >= needed writable bytes.
    let buf = unsafe { core::slice::from_raw_parts_mut(out.cast::<u8>(), needed) };
    let Some((nul, body)) = buf.split_last_mut() else {
        return CALLSIGN_BUFFER_TOO_SMALL;
    };
    match value.write(body) {
        Ok(n) => {
            *nul = 0;
            // SAFETY: as above.
            unsafe { out_len.write(n) };
            CALLSIGN_OK
        }
        Err(e) => from_error(e),
    }
}

/// Raw bytes as an [`Emit`] value (for digests written as text).
pub(crate) struct Text<'a>(pub(crate) &'a [u8]);

impl Emit for Text<'_> {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn emit<S: Sink + ?Sized>(&self, sink: &mut S) {
        sink.write(self.0);
    }
}

/// Evaluates a `Result<_, u32>`, returning the status from the function on `Err`.
macro_rules! try_status {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(status) => return status,
        }
    };
}
pub(crate) use try_status;
