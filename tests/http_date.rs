//! `callsign_core::http_date` against the `time` crate: every instant
//! formatted in the three RFC 9110 forms by `time` parses back to itself;
//! malformed dates are refused.

use callsign_core::http_date::{parse_http_date, ClockOffset};
use proptest::prelude::*;
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::OffsetDateTime;

const IMF: &[BorrowedFormatItem<'_>] = format_description!(
    "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
);
const RFC850: &[BorrowedFormatItem<'_>] = format_description!(
    "[weekday repr:long], [day]-[month repr:short]-[year repr:last_two] [hour]:[minute]:[second] GMT"
);
const ASCTIME: &[BorrowedFormatItem<'_>] = format_description!(
    "[weekday repr:short] [month repr:short] [day padding:space] [hour]:[minute]:[second] [year]"
);

fn format(unix: i64, description: &[BorrowedFormatItem<'_>]) -> String {
    let t = OffsetDateTime::from_unix_timestamp(unix).unwrap();
    t.format(description).unwrap()
}

proptest! {
    #[test]
    fn imf_fixdate_round_trips(unix in 0i64..=253_402_300_799) {
        let text = format(unix, IMF);
        prop_assert_eq!(parse_http_date(&text).unwrap().unix(), unix as u64, "{}", text);
    }

    #[test]
    fn rfc850_round_trips(unix in 0i64..=3_155_759_999) {
        // 1970-01-01 .. 2069-12-31: the years a two-digit year stands for.
        let text = format(unix, RFC850);
        prop_assert_eq!(parse_http_date(&text).unwrap().unix(), unix as u64, "{}", text);
    }

    #[test]
    fn asctime_round_trips(unix in 0i64..=253_402_300_799) {
        let text = format(unix, ASCTIME);
        prop_assert_eq!(parse_http_date(&text).unwrap().unix(), unix as u64, "{}", text);
    }
}

#[test]
fn malformed_dates_are_refused() {
    for bad in [
        "",
        "Sun, 06 Nov 1994 08:49:37 UTC",
        "Sun, 6 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMT ",
        "Sun, 31 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 24:00:00 GMT",
        "Mon, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-1994 08:49:37 GMT",
        "Sun Nov 06 08:49:37 94",
        "sun, 06 nov 1994 08:49:37 gmt",
        "1994-11-06T08:49:37Z",
    ] {
        assert!(parse_http_date(bad).is_err(), "{bad:?} was accepted");
    }
}

#[test]
fn clock_offset_corrects_a_device_clock() {
    let server = "Fri, 01 Mar 2024 08:15:30 GMT";
    let behind = ClockOffset::from_date_header(server, 1_709_280_930 - 900).unwrap();
    assert_eq!(behind.secs(), 900);
    assert_eq!(
        behind.now(1_709_280_930 - 900 + 5).unwrap().unix(),
        1_709_280_935
    );
    let ahead = ClockOffset::from_date_header(server, 1_709_280_930 + 42).unwrap();
    assert_eq!(ahead.secs(), -42);
    assert_eq!(ahead.now(1_709_280_930 + 42).unwrap().unix(), 1_709_280_930);
}
