//! One exported function that calls every entry point of callsign-core's
//! API surface with inputs the optimiser cannot see through.
#![no_std]
use callsign_core::api::Category;
use callsign_core::http_date::{parse_http_date, ClockOffset};
use callsign_core::huawei::sms_api::{
    BatchSendDiffSms, BatchSendSms, SmsContent, SmsResponse, StatusReport,
};
#[cfg(feature = "verify")]
use callsign_core::huawei::verify::ParsedToken;
use callsign_core::huawei::voice_api::*;
#[cfg(feature = "verify")]
use callsign_core::huawei::voice_push::verify_push;
use callsign_core::sinch::oauth2::{Region, TokenCache, TokenRequest, TokenResponse};
#[cfg(feature = "verify")]
use callsign_core::verify::{Checks, Freshness, ReplayCache};
use callsign_core::Field;
#[cfg(feature = "verify")]
use callsign_core::HmacKey;
extern "C" {
    /// Undefined on purpose: linking fails if any panic path survives.
    fn callsign_panic_is_reachable() -> !;
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    // SAFETY: never defined, so never called: the link fails first.
    unsafe { callsign_panic_is_reachable() }
}

/// Negative control: a panic the optimiser cannot remove.
#[cfg(feature = "probe")]
#[no_mangle]
pub extern "C" fn callsign_api_probe(i: usize) -> u8 {
    [1u8, 2, 3][i]
}
fn s(p: *const u8, n: usize) -> &'static str {
    // SAFETY: the caller passes n readable bytes at p (never called in the
    // proof: only linked).
    let b = unsafe { core::slice::from_raw_parts(p, n) };
    core::str::from_utf8(b).unwrap_or("")
}
#[no_mangle]
pub extern "C" fn callsign_api_everything(
    p: *const u8,
    n: usize,
    out: *mut u8,
    cap: usize,
    x: u64,
) -> usize {
    let t = s(p, n);
    // SAFETY: as in `s`, cap writable bytes at out.
    let out = unsafe { core::slice::from_raw_parts_mut(out, cap) };
    let mut acc = 0usize;
    let mut c = Click2Call::new(t, t, t, t);
    c.user_data = Some(t);
    c.status_url = Some(t);
    c.max_duration = Some(x as u16);
    c.last_min_to_ue = LastMinToUe::from_text(t).ok();
    c.callee_media = CalleeMedia::from_text(t).ok();
    c.record_flag = parse_flag(Field::RecordFlag, t).ok();
    acc += c.request().and_then(|r| r.write(out)).unwrap_or(0);
    let mut v = CallVerify::new(t, t, t, t);
    v.times = Some(x as u8);
    v.fee_url = Some(t);
    acc += v.request().and_then(|r| r.write(out)).unwrap_or(0);
    acc += CallStop::new(t)
        .request()
        .and_then(|r| r.write(out))
        .unwrap_or(0);
    acc += PushUrl::new(Field::StatusUrl, t)
        .and_then(|u| u.write(out))
        .unwrap_or(0);
    let paras = [t, t];
    let mut b = BatchSendSms::new(t, t, t);
    b.template_paras = Some(&paras);
    b.extend = Some(t);
    b.signature = Some(t);
    acc += b.request().and_then(|r| r.write(out)).unwrap_or(0);
    let to = [t];
    let content = [SmsContent {
        to: &to,
        template_id: t,
        template_paras: Some(&paras),
        signature: Some(t),
    }];
    acc += BatchSendDiffSms::new(t, &content)
        .request()
        .and_then(|r| r.write(out))
        .unwrap_or(0);
    if let Ok(r) = VoiceResponse::parse(t) {
        acc += match r.category(x as u16) {
            Category::RetryLater { after_secs } => after_secs.unwrap_or(1) as usize,
            _ => 2,
        };
        acc += r
            .result_desc
            .and_then(|d| d.decode(out).ok())
            .map_or(0, |d| d.len());
    }
    if let Ok(r) = SmsResponse::parse(t) {
        acc += r.results().filter(|x| x.is_accepted()).count();
        acc += r.category(x as u16).as_str().len();
    }
    if let Ok(r) = StatusReport::parse(t) {
        acc += usize::from(r.is_delivered());
        acc += r
            .extend
            .and_then(|e| e.decode(out).ok())
            .map_or(0, |d| d.len());
    }
    match VoiceNotification::<8>::parse(t) {
        Ok(VoiceNotification::Fee(r)) => acc += r.len(),
        Ok(VoiceNotification::Status(e)) => acc += e.session_id.len(),
        Err(_) => {}
    }
    #[cfg(feature = "verify")]
    let key = HmacKey::new(t.as_bytes());
    #[cfg(feature = "verify")]
    if let Ok(tok) = ParsedToken::parse(t) {
        let mut seen = ReplayCache::<4>::default();
        acc += usize::from(
            verify_push(
                &tok,
                t,
                &key,
                t,
                Checks::FreshOnce(Freshness::default_window(x), &mut seen),
            )
            .is_ok(),
        );
    }
    if let Ok(req) = TokenRequest::new(Region::from_text(t).unwrap_or_default(), t, t) {
        acc += req.authorization().write(out).unwrap_or(0);
    }
    let mut cache = TokenCache::<256>::new();
    if let Ok(r) = TokenResponse::parse(t) {
        let _ = cache.store(&r, x);
        acc += cache.bearer().and_then(|b| b.write(out)).unwrap_or(0);
    }
    if let Ok(d) = parse_http_date(t) {
        acc += ClockOffset::from_server(d, x)
            .now(x)
            .map_or(0, |t| t.unix() as usize);
    }
    acc
}
