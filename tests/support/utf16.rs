//! Text encoded as UTF-16 with a byte order mark, for the loading tests (`#[path]`-included by
//! the test files that need it).

/// `text` as UTF-16 with a byte order mark, big- or little-endian.
pub fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xfe, 0xff]
    } else {
        vec![0xff, 0xfe]
    };
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}
