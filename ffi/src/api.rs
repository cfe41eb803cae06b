//! What the API-surface functions share (issue 10): the text pair
//! `callsign_str`, optional integers, the field named by an invalid-field
//! error, and the conversions from C.

use core::ffi::c_char;

use callsign_core::{Error, Field};

use crate::io::{text, Range};
use crate::status::*;

/// A text: `len` bytes at `ptr`. As a builder input, `ptr` NULL (with
/// `len` 0) is an absent field and a non-NULL `ptr` with `len` 0 an empty
/// one; NULL with a non-zero `len` is CALLSIGN_NULL_ARGUMENT. As a parser
/// output it is a view into the caller's input or scratch buffer (not
/// NUL-terminated), `ptr` NULL for an absent field.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct callsign_str {
    /// The first byte, or NULL.
    pub ptr: *const u8,
    /// Bytes at `ptr`.
    pub len: usize,
}

impl callsign_str {
    /// The absent text.
    pub(crate) const NONE: callsign_str = callsign_str {
        ptr: core::ptr::null(),
        len: 0,
    };

    /// A view of `s`.
    pub(crate) fn of(s: &str) -> Self {
        callsign_str {
            ptr: s.as_ptr(),
            len: s.len(),
        }
    }

    /// A view of `s`, or the absent text.
    pub(crate) fn opt(s: Option<&str>) -> Self {
        s.map_or(Self::NONE, Self::of)
    }

    /// The bytes it covers, for the overlap checks.
    pub(crate) fn range(self) -> Range {
        Range::bytes(self.ptr, self.len)
    }

    /// The text, `None` when absent.
    ///
    /// # Safety
    /// A non-NULL `ptr` must point to `len` readable bytes valid for `'a`.
    pub(crate) unsafe fn get<'a>(self) -> Result<Option<&'a str>, u32> {
        if self.ptr.is_null() {
            // SAFETY: NULL is checked by `text` (NULL with len > 0 is an error).
            return unsafe { text(self.ptr, self.len) }.map(|_| None);
        }
        // SAFETY: forwarded contract.
        unsafe { text(self.ptr, self.len) }.map(Some)
    }
}

/// An optional integer of a builder: `present` non-zero when the field is
/// sent, then `value`. A zeroed struct is an absent field. A value outside
/// the field's range is CALLSIGN_INVALID_FIELD naming it.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct callsign_int {
    /// Non-zero: the field is present.
    pub present: u32,
    /// The value, when present.
    pub value: i64,
}

/// Which field an invalid input names (the optional `error` argument of
/// the builders and parsers), as the vendor's docs spell it: `field` is
/// `maxDuration`, `statusUrl`, …; for an element of a list, `list` is the
/// list (`smsContent`, `feeLst`, `result`) and `index` the element (from
/// 0), else `list` is absent and `index` 0. Both texts are static (they
/// stay valid after the call) and not NUL-terminated. Written only when a
/// call returns a status other than CALLSIGN_OK and the failure names a
/// field; otherwise left untouched.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct callsign_field_error {
    /// The field.
    pub field: callsign_str,
    /// The list holding the element, or absent.
    pub list: callsign_str,
    /// The element's index in `list`, or 0.
    pub index: usize,
}

/// The status of a core error, writing the field it names into `error`
/// (NULL: not wanted).
///
/// # Safety
/// `error` must be NULL or point to a writable `callsign_field_error` that
/// overlaps nothing else the call uses.
pub(crate) unsafe fn fail(e: Error, error: *mut callsign_field_error) -> u32 {
    let named = match e {
        Error::InvalidField { field, .. }
        | Error::InvalidLength { field, .. }
        | Error::InvalidCharacter { field, .. }
        | Error::Malformed { field, .. }
        | Error::InvalidBase64 { field, .. }
        | Error::InvalidUtf8 { field, .. } => Some((None, 0, field)),
        Error::InvalidListItem {
            list, index, field, ..
        } => Some((Some(list), index, field)),
        _ => None,
    };
    if let (Some((list, index, field)), false) = (named, error.is_null()) {
        let value = callsign_field_error {
            field: callsign_str::of(field.name()),
            list: callsign_str::opt(list.map(Field::name)),
            index,
        };
        // SAFETY: non-NULL, writable by contract.
        unsafe { error.write(value) };
    }
    from_error(e)
}

/// The range of an optional `callsign_field_error` output.
pub(crate) fn error_range(error: *const callsign_field_error) -> Range {
    Range::of(error)
}

/// An optional integer field as `T`: out of `T`'s range is an
/// out-of-range error of `field` (the builder's own check then applies
/// the field's documented range).
pub(crate) fn int<T: TryFrom<i64> + Into<u64> + Copy>(
    v: callsign_int,
    field: Field,
    max: u64,
) -> Result<Option<T>, Error> {
    if v.present == 0 {
        return Ok(None);
    }
    T::try_from(v.value)
        .map(Some)
        .map_err(|_| Error::InvalidField {
            field,
            problem: callsign_core::Problem::OutOfRange { min: 0, max },
        })
}

/// A required text field: absent is a missing-field error.
pub(crate) fn required(v: Option<&str>, field: Field) -> Result<&str, Error> {
    v.ok_or(Error::InvalidField {
        field,
        problem: callsign_core::Problem::Missing,
    })
}

/// The `count` texts at `list` (NULL with 0 for none), each checked, as
/// `&str`s copied into `into`; more than `into` holds is
/// CALLSIGN_TOO_MANY_ITEMS.
///
/// # Safety
/// `list` must be NULL or point to `count` `callsign_str`s whose pointers
/// are valid for their lengths during `'a`.
pub(crate) unsafe fn text_list<'a, 'b>(
    list: *const callsign_str,
    count: usize,
    into: &'b mut [&'a str],
) -> Result<&'b [&'a str], u32> {
    // SAFETY: forwarded contract.
    let items = unsafe { array(list, count) }?;
    let dst = into.get_mut(..items.len()).ok_or(CALLSIGN_TOO_MANY_ITEMS)?;
    for (d, item) in dst.iter_mut().zip(items) {
        // SAFETY: forwarded contract; NULL items are empty only with len 0.
        *d = unsafe { text(item.ptr, item.len) }?;
    }
    Ok(dst)
}

/// The `count` values at `list` (NULL with 0 for none).
///
/// # Safety
/// `list` must be NULL or point to `count` readable `T`s valid for `'a`.
pub(crate) unsafe fn array<'a, T>(list: *const T, count: usize) -> Result<&'a [T], u32> {
    if count == 0 {
        return Ok(&[]);
    }
    if list.is_null() {
        return Err(CALLSIGN_NULL_ARGUMENT);
    }
    if count > isize::MAX as usize / core::mem::size_of::<T>().max(1) {
        return Err(CALLSIGN_INVALID_ARGUMENT);
    }
    // SAFETY: non-NULL, `count` values by contract, size checked above.
    Ok(unsafe { core::slice::from_raw_parts(list, count) })
}

/// The ranges of a list of texts and of the texts themselves, for the
/// overlap checks. Reads the list (copies, no reference kept).
///
/// # Safety
/// `list` must be NULL or point to `count` readable `callsign_str`s.
pub(crate) unsafe fn text_list_disjoint(
    list: *const callsign_str,
    count: usize,
    outputs: &[Range],
) -> Result<(), u32> {
    crate::io::disjoint(&[Range::array(list, count)], outputs)?;
    if list.is_null() || count > isize::MAX as usize / core::mem::size_of::<callsign_str>() {
        return Ok(());
    }
    for i in 0..count {
        // SAFETY: inside the list (count checked above), readable by
        // contract; a copy, not a reference.
        let t = unsafe { list.add(i).read() };
        crate::io::disjoint(&[t.range()], outputs)?;
    }
    Ok(())
}

/// Whether two NUL-terminated C strings and a Rust string hold the same
/// bytes (compile time only).
pub(crate) const fn same(c: &core::ffi::CStr, s: &str) -> bool {
    let (a, b) = (c.to_bytes(), s.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The method, path and `Content-Type` of a request kind: static
/// NUL-terminated strings.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct callsign_endpoint {
    /// The HTTP method, e.g. "POST".
    pub method: *const c_char,
    /// The path to append to the access address, e.g.
    /// "/rest/httpsessions/click2Call/v2.0".
    pub path: *const c_char,
    /// The `Content-Type` value of the body.
    pub content_type: *const c_char,
}
