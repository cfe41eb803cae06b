//! The secret, from the environment only.

use crate::UsageError;

/// Reads `CALLSIGN_SECRET` (UTF-8 text) or `CALLSIGN_SECRET_HEX` (hex
/// bytes). Exactly one must be set. Messages never show the secret.
pub fn from_env() -> Result<Vec<u8>, UsageError> {
    let text = std::env::var_os("CALLSIGN_SECRET");
    let hex = std::env::var_os("CALLSIGN_SECRET_HEX");
    match (text, hex) {
        (Some(_), Some(_)) => Err(UsageError(
            "secret: both CALLSIGN_SECRET and CALLSIGN_SECRET_HEX are set; set only one".into(),
        )),
        (Some(text), None) => text.into_string().map(String::into_bytes).map_err(|_| {
            UsageError("CALLSIGN_SECRET: not valid UTF-8; use CALLSIGN_SECRET_HEX for bytes".into())
        }),
        (None, Some(hex)) => {
            let hex = hex.into_string().map_err(|_| {
                UsageError("CALLSIGN_SECRET_HEX: not valid hex (non-UTF-8 text)".into())
            })?;
            decode_hex(hex.trim()).ok_or_else(|| {
                UsageError(
                    "CALLSIGN_SECRET_HEX: not valid hex (expected pairs of 0-9a-fA-F)".into(),
                )
            })
        }
        (None, None) => Err(UsageError(
            "secret: set CALLSIGN_SECRET (UTF-8 text) or CALLSIGN_SECRET_HEX (hex bytes)".into(),
        )),
    }
}

fn decode_hex(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    bytes
        .chunks_exact(2)
        .map(|pair| {
            let hi = (pair[0] as char).to_digit(16)?;
            let lo = (pair[1] as char).to_digit(16)?;
            u8::try_from(hi * 16 + lo).ok()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::decode_hex;

    #[test]
    fn hex_decoding() {
        assert_eq!(decode_hex(""), Some(vec![]));
        assert_eq!(decode_hex("00ffA0"), Some(vec![0, 0xff, 0xa0]));
        assert_eq!(decode_hex("0"), None);
        assert_eq!(decode_hex("zz"), None);
    }
}
