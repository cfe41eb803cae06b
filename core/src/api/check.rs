//! Field checks shared by the API-surface builders. Each returns
//! [`Error::InvalidField`] naming the field.

use crate::error::invalid;
use crate::{Error, Field, Problem};

/// Length of `value` in bytes within `min..=max`.
pub(crate) fn len(field: Field, value: &str, min: usize, max: usize) -> Result<(), Error> {
    let n = value.len();
    if n < min {
        Err(invalid(field, Problem::TooShort { min }))
    } else if n > max {
        Err(invalid(field, Problem::TooLong { max }))
    } else {
        Ok(())
    }
}

/// Length of `value` in characters within `min..=max`.
pub(crate) fn chars(field: Field, value: &str, min: usize, max: usize) -> Result<(), Error> {
    let n = value.chars().count();
    if n < min {
        Err(invalid(field, Problem::TooShort { min }))
    } else if n > max {
        Err(invalid(field, Problem::TooLong { max }))
    } else {
        Ok(())
    }
}

/// An optional text field of `min..=max` bytes.
pub(crate) fn opt_len(
    field: Field,
    value: Option<&str>,
    min: usize,
    max: usize,
) -> Result<(), Error> {
    value.map_or(Ok(()), |v| len(field, v, min, max))
}

/// `value` within `min..=max`.
pub(crate) fn range(field: Field, value: u64, min: u64, max: u64) -> Result<(), Error> {
    if value < min || value > max {
        Err(invalid(field, Problem::OutOfRange { min, max }))
    } else {
        Ok(())
    }
}

/// The first byte of `value` for which `ok` is false.
pub(crate) fn only(field: Field, value: &str, ok: impl Fn(u8) -> bool) -> Result<(), Error> {
    match value.bytes().position(|b| !ok(b)) {
        Some(position) => Err(invalid(field, Problem::ForbiddenChar { position })),
        None => Ok(()),
    }
}

/// No `{` or `}` in `value`.
pub(crate) fn no_braces(field: Field, value: &str) -> Result<(), Error> {
    only(field, value, |b| b != b'{' && b != b'}')
}

/// The pieces of `text` between the ASCII byte `sep`, each with its byte
/// offset in `text`. Not `str::split`: its iterator keeps a slice-index
/// panic path after optimisation (the panic-never link found it).
pub(crate) fn pieces(text: &str, sep: u8) -> Pieces<'_> {
    Pieces {
        rest: Some(text),
        offset: 0,
        sep,
    }
}

/// Iterator of [`pieces`].
pub(crate) struct Pieces<'a> {
    rest: Option<&'a str>,
    offset: usize,
    sep: u8,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let rest = self.rest?;
        let at = self.offset;
        match rest.bytes().position(|b| b == self.sep) {
            Some(i) => {
                let after = i.saturating_add(1);
                self.rest = rest.get(after..);
                self.offset = at.saturating_add(after);
                rest.get(..i).map(|head| (at, head))
            }
            None => {
                self.rest = None;
                Some((at, rest))
            }
        }
    }
}

/// `text` split at the first ASCII byte `sep`, if it holds one.
pub(crate) fn split_once(text: &str, sep: u8) -> Option<(&str, &str)> {
    let i = text.bytes().position(|b| b == sep)?;
    Some((text.get(..i)?, text.get(i.saturating_add(1)..)?))
}
