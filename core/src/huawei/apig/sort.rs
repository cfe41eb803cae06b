//! Sorting without allocation: the header slots and the query indices
//! are sorted in place in a `heapless::Vec` of `u16`, never the pairs.

use super::prepare::Found;
use super::text::{self, cmp_lowercase, same_name};
use super::Request;
use crate::{Error, Field};

/// Header slots above every caller index stand for the headers the signer
/// adds.
pub(super) const DATE_SLOT: u16 = u16::MAX - 2;
pub(super) const HOST_SLOT: u16 = u16::MAX - 1;
pub(super) const CONTENT_SLOT: u16 = u16::MAX;

/// The name of the `X-Sdk-Date` header the signer adds.
pub(super) const DATE_HEADER: &str = "X-Sdk-Date";

/// The capacity of a slot list of `N` entries, within the slot numbering.
pub(super) fn slot_capacity(n: usize) -> usize {
    n.min(usize::from(DATE_SLOT))
}

/// Fills `slots` (empty; its capacity is the limit) with the header slots
/// (the caller's and the added ones) sorted by lower-cased name; two names
/// equal ignoring case are an error. Sorted in place, where the signed
/// request keeps them, and not generic over the capacity.
pub(super) fn sort_headers(
    request: &Request<'_>,
    content_name: &'static str,
    found: Found,
    added_content: bool,
    slots: &mut heapless::vec::VecView<u16>,
) -> Result<(), Error> {
    let capacity = slot_capacity(slots.capacity());
    let too_many = Error::TooManyItems {
        field: Field::Header,
        max: capacity,
    };
    if request.headers.len() > capacity {
        return Err(too_many);
    }
    slots.clear();
    for index in 0..request.headers.len() {
        let slot = u16::try_from(index).map_err(|_| too_many)?;
        slots.push(slot).map_err(|_| too_many)?;
    }
    let added = [
        (found.date.is_none(), DATE_SLOT),
        (found.host.is_none(), HOST_SLOT),
        (added_content, CONTENT_SLOT),
    ];
    for (add, slot) in added {
        if add {
            slots.push(slot).map_err(|_| too_many)?;
        }
    }
    let name = |slot: u16| slot_name(request, content_name, slot);
    text::insertion_sort(slots.as_mut_slice(), |a, b| {
        cmp_lowercase(name(a), name(b)).is_lt()
    });
    for pair in slots.windows(2) {
        if let [a, b] = *pair {
            if same_name(name(a), name(b)) {
                return Err(Error::DuplicateHeader {
                    first: usize::from(a.min(b)),
                    second: usize::from(a.max(b)),
                });
            }
        }
    }
    Ok(())
}

/// The name of a header slot as the caller spelled it (sorting and
/// duplicates only look at it ignoring case).
pub(super) fn slot_name<'r>(
    request: &Request<'r>,
    content_name: &'static str,
    slot: u16,
) -> &'r str {
    match slot {
        DATE_SLOT => DATE_HEADER,
        HOST_SLOT => "host",
        CONTENT_SLOT => content_name,
        _ => request
            .headers
            .get(usize::from(slot))
            .map_or("", |&(name, _)| name),
    }
}

/// How many query parameters a `u16` index can number.
pub(super) const QUERY_INDICES: usize = 1 << 16;

/// Fills `order` (its capacity is the limit) with the query indices sorted
/// by (name, value), comparing the decoded strings by code point (UTF-8
/// byte order is code-point order); in place, as [`sort_headers`].
pub(super) fn sort_query(
    query: &[(&str, &str)],
    order: &mut heapless::vec::VecView<u16>,
) -> Result<(), Error> {
    let capacity = order.capacity().min(QUERY_INDICES);
    let too_many = Error::TooManyItems {
        field: Field::Query,
        max: capacity,
    };
    if query.len() > capacity {
        return Err(too_many);
    }
    order.clear();
    for index in 0..query.len() {
        let index = u16::try_from(index).map_err(|_| too_many)?;
        order.push(index).map_err(|_| too_many)?;
    }
    let pair = |i: u16| query.get(usize::from(i)).copied().unwrap_or(("", ""));
    text::insertion_sort(order.as_mut_slice(), |a, b| pair(a) < pair(b));
    Ok(())
}
