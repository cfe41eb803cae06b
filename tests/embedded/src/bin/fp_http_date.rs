//! Footprint: the clock — an HTTP `Date` header parsed (IMF-fixdate and the
//! obsolete forms) into a device clock correction.
#![no_std]
#![no_main]

use callsign_core::http_date::ClockOffset;
use callsign_embedded::exit;
use core::hint::black_box;
use cortex_m_rt::entry;

#[entry]
fn main() -> ! {
    let offset =
        ClockOffset::from_date_header(black_box("Sun, 06 Nov 1994 08:49:37 GMT"), black_box(100));
    let now = offset.and_then(|o| o.now(black_box(160)));
    exit(now.map(|t| t.unix() == 784_111_837).unwrap_or(false))
}
