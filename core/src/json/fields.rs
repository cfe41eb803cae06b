//! Typed access to the members of a received JSON object: [`pick`] finds
//! the known keys (refusing one given twice, ignoring unknown ones), the
//! getters check each value's type and range, naming the field.

use super::read::{members, unsigned, Value};
use super::JsonStr;
use crate::error::invalid;
use crate::{Error, Field, Problem};

/// The values of `keys` in `object` (`None` where absent or `null`).
pub(crate) fn pick<'a, const N: usize>(
    object: &'a str,
    keys: [(&str, Field); N],
) -> Result<[Option<Value<'a>>; N], Error> {
    let mut found: [Option<Value<'a>>; N] = [None; N];
    for member in members(object) {
        let (key, value) = member?;
        let hit = keys
            .iter()
            .zip(found.iter_mut())
            .find(|((name, _), _)| key == *name);
        if let Some(((_, field), slot)) = hit {
            if slot.is_some() {
                return Err(invalid(*field, Problem::Duplicate));
            }
            if value != Value::Null {
                *slot = Some(value);
            }
        }
    }
    Ok(found)
}

/// A required value.
pub(crate) fn required<'a>(v: Option<Value<'a>>, field: Field) -> Result<Value<'a>, Error> {
    v.ok_or(invalid(field, Problem::Missing))
}

fn wrong(field: Field, expected: &'static str) -> Error {
    invalid(field, Problem::WrongType { expected })
}

/// An optional string.
pub(crate) fn text<'a>(v: Option<Value<'a>>, field: Field) -> Result<Option<JsonStr<'a>>, Error> {
    match v {
        None => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s)),
        Some(_) => Err(wrong(field, "string")),
    }
}

/// An optional string of `min..=max` bytes without escapes (codes,
/// identifiers), borrowed as is.
pub(crate) fn plain<'a>(
    v: Option<Value<'a>>,
    field: Field,
    min: usize,
    max: usize,
) -> Result<Option<&'a str>, Error> {
    let Some(s) = text(v, field)? else {
        return Ok(None);
    };
    let Some(s) = s.as_str() else {
        let position = s.raw().bytes().position(|b| b == b'\\').unwrap_or(0);
        return Err(invalid(field, Problem::ForbiddenChar { position }));
    };
    crate::api::check::len(field, s, min, max)?;
    Ok(Some(s))
}

/// An optional non-negative integer up to `max`.
pub(crate) fn uint(v: Option<Value<'_>>, field: Field, max: u64) -> Result<Option<u64>, Error> {
    match v {
        None => Ok(None),
        Some(Value::Number(n)) => match unsigned(n) {
            Some(u) if u <= max => Ok(Some(u)),
            Some(_) => Err(invalid(field, Problem::OutOfRange { min: 0, max })),
            None if n.starts_with('-') && unsigned(n.get(1..).unwrap_or("")).is_some() => {
                Err(invalid(field, Problem::OutOfRange { min: 0, max }))
            }
            None => Err(wrong(field, "integer")),
        },
        Some(_) => Err(wrong(field, "integer")),
    }
}

/// An optional integer up to `max` that may also come as a string of
/// digits (fields whose type the docs do not settle).
pub(crate) fn uint_or_digits(
    v: Option<Value<'_>>,
    field: Field,
    max: u64,
) -> Result<Option<u64>, Error> {
    match v {
        Some(Value::Str(s)) => match s.as_str().and_then(unsigned) {
            Some(u) if u <= max => Ok(Some(u)),
            Some(_) => Err(invalid(field, Problem::OutOfRange { min: 0, max })),
            None => Err(wrong(field, "integer")),
        },
        other => uint(other, field, max),
    }
}

/// An object's text.
pub(crate) fn object<'a>(v: Value<'a>, field: Field) -> Result<&'a str, Error> {
    match v {
        Value::Object(o) => Ok(o),
        _ => Err(wrong(field, "object")),
    }
}

/// An array's text.
pub(crate) fn array<'a>(v: Value<'a>, field: Field) -> Result<&'a str, Error> {
    match v {
        Value::Array(a) => Ok(a),
        _ => Err(wrong(field, "array")),
    }
}

/// The body's top-level object.
pub(crate) fn top_object(body: &str) -> Result<&str, Error> {
    match super::read::document(body)? {
        Value::Object(o) => Ok(o),
        _ => Err(Error::Malformed {
            field: Field::Body,
            position: 0,
        }),
    }
}
