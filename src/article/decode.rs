//! Turning a file's bytes into text.
//!
//! This module owns the decision whether a file is text at all (empty, whitespace-only and binary
//! files are refused) and which encoding it is read in: UTF-8 (a byte order mark is dropped),
//! UTF-16 LE or BE when the file starts with a byte order mark, the encoding a web page declares
//! ([`super::charset`]), UTF-8 with replacement characters when a few bytes are invalid, and
//! Windows-1252 when most of what is not ASCII is invalid UTF-8. A file is binary the way mature
//! tools decide it: a known signature, a NUL byte in its first 8 KB, or more than a tenth control
//! characters; a few stray control characters are kept (and counted, see
//! [`count_stray_controls`]). Line endings are left exactly as they are.

use std::fmt;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// The warning attached to text that was not valid UTF-8 and was read as Windows-1252.
pub const WINDOWS_1252_WARNING: &str = "decoded as Windows-1252 (the file is not valid UTF-8)";

/// The largest share of control characters (in tenths of a percent) that text may contain.
const MAX_CONTROL_PER_MILLE: usize = 100;

/// How much of the start of a file is searched for NUL bytes (as git and grep do).
const NUL_SCAN_BYTES: usize = 8 * 1024;

/// Text decoded from a file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text, without a byte order mark, line endings untouched.
    pub text: String,
    /// The name of the encoding the bytes were read in (`"UTF-8"`, `"UTF-16LE"`, `"UTF-16BE"`,
    /// `"windows-1252"`).
    pub encoding: &'static str,
    /// Something the user should know about how the bytes were read, e.g. that the file was not
    /// valid UTF-8 and was decoded as Windows-1252.
    pub warning: Option<String>,
}

/// Why a file's bytes are not text that can be read as an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The file has no content at all (or only a byte order mark).
    #[error("the file is empty")]
    Empty,
    /// The file contains nothing but whitespace.
    #[error("the file contains only whitespace")]
    Blank,
    /// The file is not text.
    #[error("not a text file ({0})")]
    Binary(BinaryKind),
}

/// What gave a binary file away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryKind {
    /// Starts with the PNG signature.
    Png,
    /// Starts with the JPEG signature.
    Jpeg,
    /// Starts with the GIF signature.
    Gif,
    /// Starts with `%PDF-`.
    Pdf,
    /// Starts with the ZIP signature (also `.docx`, `.odt`, `.epub`).
    Zip,
    /// Starts with the gzip signature.
    Gzip,
    /// Has NUL bytes in its first 8 KB and is not UTF-16.
    NulBytes,
    /// Too large a share of its characters are control characters.
    ControlCharacters,
}

impl fmt::Display for BinaryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BinaryKind::Png => "a PNG image",
            BinaryKind::Jpeg => "a JPEG image",
            BinaryKind::Gif => "a GIF image",
            BinaryKind::Pdf => "a PDF document",
            BinaryKind::Zip => "a ZIP archive or office document",
            BinaryKind::Gzip => "a gzip archive",
            BinaryKind::NulBytes | BinaryKind::ControlCharacters => "binary content",
        })
    }
}

/// File signatures that mark a file as binary whatever follows.
const SIGNATURES: &[(&[u8], BinaryKind)] = &[
    (b"\x89PNG\r\n\x1a\n", BinaryKind::Png),
    (b"\xff\xd8\xff", BinaryKind::Jpeg),
    (b"GIF87a", BinaryKind::Gif),
    (b"GIF89a", BinaryKind::Gif),
    (b"%PDF-", BinaryKind::Pdf),
    (b"PK\x03\x04", BinaryKind::Zip),
    (b"PK\x05\x06", BinaryKind::Zip),
    (b"\x1f\x8b", BinaryKind::Gzip),
];

/// Decodes `bytes` to text, or says why they are not text.
///
/// # Errors
/// [`DecodeError::Empty`] for no bytes (or a lone byte order mark), [`DecodeError::Blank`] for
/// whitespace only, [`DecodeError::Binary`] for known binary signatures, NUL bytes in the first
/// 8 KB outside UTF-16, or text that is more than a tenth control characters.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_declared(bytes, None)
}

/// Decodes the web page `bytes`, honouring the encoding it declares (`<meta charset>` or
/// `http-equiv`); a byte order mark outranks the declaration.
///
/// # Errors
/// As [`decode`].
pub fn decode_html(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_declared(bytes, super::charset::declared(bytes))
}

/// Decodes `bytes` in the encoding `declared` for them (if any, and no byte order mark says
/// otherwise).
fn decode_declared(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(kind) = signature(bytes) {
        return Err(DecodeError::Binary(kind));
    }
    let head = &bytes[..bytes.len().min(NUL_SCAN_BYTES)];
    let decoded = match Encoding::for_bom(bytes) {
        Some((encoding, bom_len)) => decode_as(encoding, &bytes[bom_len..]),
        None if memchr::memchr(0, head).is_some() => {
            return Err(DecodeError::Binary(BinaryKind::NulBytes));
        }
        // A declared UTF-8 goes the undeclared way, so that a page re-saved in a legacy encoding
        // that kept its old declaration is still read as Windows-1252.
        None => match declared {
            Some(encoding) if encoding != UTF_8 => decode_as(encoding, bytes),
            _ => decode_without_bom(bytes),
        },
    };
    check_text(&decoded.text)?;
    log::debug!(
        "decoded {} bytes as {}{}",
        bytes.len(),
        decoded.encoding,
        decoded
            .warning
            .as_deref()
            .map(|w| format!(" ({w})"))
            .unwrap_or_default()
    );
    Ok(decoded)
}

/// The first kilobyte or so of `bytes` as text, for sniffing what kind of file it is: in the
/// encoding a byte order mark names, else as UTF-8 with replacement characters.
pub fn head(bytes: &[u8]) -> String {
    const HEAD_BYTES: usize = 1024;
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    let encoding = Encoding::for_bom(head).map_or(UTF_8, |(encoding, _)| encoding);
    encoding.decode_with_bom_removal(head).0.into_owned()
}

/// The binary format `bytes` starts with, if it is a known one.
fn signature(bytes: &[u8]) -> Option<BinaryKind> {
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, kind)| kind)
}

/// Decodes `bytes` as `encoding` (known from a byte order mark or a declaration), replacing
/// what does not decode with U+FFFD and saying so.
fn decode_as(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let warning = had_errors.then(|| {
        format!(
            "the file is not valid {}: unreadable bytes were replaced with \u{FFFD}",
            encoding.name()
        )
    });
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        warning,
    }
}

/// Decodes text of unknown encoding: UTF-8 when valid; UTF-8 with its few invalid bytes
/// replaced by U+FFFD when most of what is not ASCII is valid UTF-8; Windows-1252 otherwise.
fn decode_without_bom(bytes: &[u8]) -> Decoded {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_owned(),
            encoding: UTF_8.name(),
            warning: None,
        };
    }
    let (valid, invalid) = utf8_census(bytes);
    if invalid > valid {
        let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
        return Decoded {
            text: text.into_owned(),
            encoding: WINDOWS_1252.name(),
            warning: Some(WINDOWS_1252_WARNING.to_owned()),
        };
    }
    let plural = if invalid == 1 { "" } else { "s" };
    Decoded {
        text: String::from_utf8_lossy(bytes).into_owned(),
        encoding: UTF_8.name(),
        warning: Some(format!(
            "the file is not valid UTF-8: {invalid} unreadable byte sequence{plural} replaced with \u{FFFD}"
        )),
    }
}

/// How many characters beyond ASCII of `bytes` are valid UTF-8, and how many byte sequences are
/// not.
fn utf8_census(bytes: &[u8]) -> (usize, usize) {
    bytes.utf8_chunks().fold((0, 0), |(valid, invalid), chunk| {
        let beyond_ascii = chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        (
            valid + beyond_ascii,
            invalid + usize::from(!chunk.invalid().is_empty()),
        )
    })
}

/// Refuses decoded text that is empty, blank, or mostly control characters.
fn check_text(text: &str) -> Result<(), DecodeError> {
    if text.is_empty() {
        return Err(DecodeError::Empty);
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Blank);
    }
    if too_many_controls(text) {
        return Err(DecodeError::Binary(BinaryKind::ControlCharacters));
    }
    Ok(())
}

/// Whether more than a tenth of the characters of `text` are control characters other than the
/// ones text files use: tab, line feed, carriage return, form feed and the DOS end-of-file mark.
fn too_many_controls(text: &str) -> bool {
    let (controls, total) = count_controls(text);
    controls * 1000 > total * MAX_CONTROL_PER_MILLE
}

/// Whether `c` is a control character that is not whitespace: a NUL, an old e-text's 0x19
/// apostrophe, an escape, a C1 control. Such characters stay in an article's text (its offsets
/// are the file's), are ignored when comparing and are not drawn.
pub fn is_stray_control(c: char) -> bool {
    c.is_control() && !c.is_whitespace()
}

/// How many stray control characters (see [`is_stray_control`]) `text` holds.
pub fn count_stray_controls(text: &str) -> usize {
    if text.is_ascii() {
        return text
            .bytes()
            .filter(|&b| is_stray_control(char::from(b)))
            .count();
    }
    text.chars().filter(|&c| is_stray_control(c)).count()
}

/// The warning for an article whose text holds `count` stray control characters.
pub fn stray_controls_warning(count: usize) -> String {
    let what = if count == 1 {
        "1 control character".to_owned()
    } else {
        format!("{count} control characters")
    };
    format!("the text holds {what} (not shown, ignored when comparing)")
}

/// How many of the characters of `text` are unusual control characters, and how many characters
/// there are.
fn count_controls(text: &str) -> (usize, usize) {
    let unusual =
        |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0c}' | '\u{1a}');
    if !text.is_ascii() {
        return text.chars().fold((0, 0), |(controls, total), c| {
            (controls + usize::from(unusual(c)), total + 1)
        });
    }
    // In ASCII only bytes below 0x20 and 0x7F are controls, and most blocks of text have none
    // but a line feed: blocks are sieved with a test the compiler runs many bytes at a time.
    let controls = text
        .as_bytes()
        .chunks(64)
        .filter(|block| {
            block
                .iter()
                .fold(false, |seen, &b| seen | (b < 0x20) | (b == 0x7F))
        })
        .map(|block| block.iter().filter(|&&b| unusual(char::from(b))).count())
        .sum();
    (controls, text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn control_characters_are_counted_by_unicode_rules(
            text in prop_oneof![
                "[a-z \t\n\r\u{0}-\u{1f}\u{7f}]{0,300}",
                "[a-z \t\n\r\u{0}-\u{1f}\u{7f}-\u{a0}é€]{0,200}",
            ]
        ) {
            let controls = text
                .chars()
                .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0c}' | '\u{1a}'))
                .count();
            prop_assert_eq!(count_controls(&text), (controls, text.chars().count()));
        }
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut bytes = if big_endian {
            vec![0xfe, 0xff]
        } else {
            vec![0xff, 0xfe]
        };
        for unit in text.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        bytes
    }

    #[test]
    fn plain_utf8_is_kept_as_is() {
        let decoded = decode("Caf\u{e9} crème\r\nline two\n".as_bytes()).unwrap();
        assert_eq!(decoded.text, "Caf\u{e9} crème\r\nline two\n");
        assert_eq!(decoded.encoding, "UTF-8");
        assert_eq!(decoded.warning, None);
    }

    #[test]
    fn utf8_bom_is_dropped() {
        let decoded = decode(b"\xef\xbb\xbfHeadline\r\n\r\nBody.").unwrap();
        assert_eq!(decoded.text, "Headline\r\n\r\nBody.");
        assert_eq!(decoded.encoding, "UTF-8");
        assert_eq!(decoded.warning, None);
    }

    #[test]
    fn invalid_utf8_after_a_bom_is_replaced_with_a_warning() {
        let decoded = decode(b"\xef\xbb\xbfcaf\xe9 au lait").unwrap();
        assert_eq!(decoded.text, "caf\u{FFFD} au lait");
        assert!(decoded.warning.unwrap().contains("not valid UTF-8"));
    }

    #[test]
    fn invalid_utf8_is_read_as_windows_1252() {
        let decoded = decode(b"caf\xe9 \x93quoted\x94").unwrap();
        assert_eq!(decoded.text, "caf\u{e9} \u{201c}quoted\u{201d}");
        assert_eq!(decoded.encoding, "windows-1252");
        assert!(decoded.warning.unwrap().contains("decoded as Windows-1252"));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        for big_endian in [false, true] {
            let decoded = decode(&utf16("Zo\u{eb}\r\nsecond line", big_endian)).unwrap();
            assert_eq!(decoded.text, "Zo\u{eb}\r\nsecond line");
            assert_eq!(
                decoded.encoding,
                if big_endian { "UTF-16BE" } else { "UTF-16LE" }
            );
            assert_eq!(decoded.warning, None);
        }
    }

    #[test]
    fn truncated_utf16_is_decoded_with_a_warning() {
        let mut bytes = utf16("odd length", false);
        bytes.push(b'x');
        let decoded = decode(&bytes).unwrap();
        assert!(decoded.text.starts_with("odd length"));
        assert!(decoded.warning.unwrap().contains("UTF-16LE"));
    }

    #[test]
    fn empty_and_bom_only_files_are_empty() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xef\xbb\xbf"), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xff\xfe"), Err(DecodeError::Empty));
    }

    #[test]
    fn whitespace_only_is_blank() {
        assert_eq!(decode(b" \r\n\t\n  "), Err(DecodeError::Blank));
        assert_eq!(decode(&utf16(" \n ", true)), Err(DecodeError::Blank));
        assert_eq!(
            decode("\u{a0}\u{3000}\n".as_bytes()),
            Err(DecodeError::Blank)
        );
    }

    #[test]
    fn signatures_are_binary() {
        let cases: [(&[u8], BinaryKind); 6] = [
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", BinaryKind::Png),
            (b"\xff\xd8\xff\xe0\0\x10JFIF", BinaryKind::Jpeg),
            (b"GIF89a\x01\0\x01\0", BinaryKind::Gif),
            (b"%PDF-1.7\n%text-like header", BinaryKind::Pdf),
            (b"PK\x03\x04\x14\0\0\0", BinaryKind::Zip),
            (b"\x1f\x8b\x08\0", BinaryKind::Gzip),
        ];
        for (bytes, kind) in cases {
            assert_eq!(decode(bytes), Err(DecodeError::Binary(kind)));
        }
    }

    #[test]
    fn nul_bytes_without_utf16_bom_are_binary() {
        assert_eq!(
            decode(b"plain words\0and more words"),
            Err(DecodeError::Binary(BinaryKind::NulBytes))
        );
    }

    #[test]
    fn a_nul_after_the_first_8_kilobytes_is_kept() {
        let mut bytes = b"Plain prose. ".repeat(700);
        bytes.extend_from_slice(b"\0 and the rest.");
        let decoded = decode(&bytes).expect("text");
        assert_eq!(count_stray_controls(&decoded.text), 1);
        assert_eq!(decoded.warning, None);
    }

    #[test]
    fn a_few_invalid_bytes_in_utf8_are_replaced() {
        let decoded = decode(b"\xe2\x80\x9cCaf\xc3\xa9\xe2\x80\x9d \xff said").expect("text");
        assert_eq!(decoded.text, "\u{201c}Caf\u{e9}\u{201d} \u{FFFD} said");
        assert_eq!(decoded.encoding, "UTF-8");
        assert_eq!(
            decoded.warning.as_deref(),
            Some("the file is not valid UTF-8: 1 unreadable byte sequence replaced with \u{FFFD}")
        );
    }

    #[test]
    fn a_declared_charset_is_used_and_a_bom_outranks_it() {
        let page = b"<meta charset=koi8-r><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>";
        let decoded = decode_html(page).expect("text");
        assert!(
            decoded
                .text
                .contains("\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442}")
        );
        assert_eq!(decoded.encoding, "KOI8-R");
        let mut with_bom = b"\xef\xbb\xbf".to_vec();
        with_bom.extend_from_slice("<meta charset=koi8-r><p>\u{e9}</p>".as_bytes());
        assert_eq!(decode_html(&with_bom).expect("text").encoding, "UTF-8");
    }

    #[test]
    fn stray_controls_are_counted() {
        assert_eq!(count_stray_controls("don\u{19}t \u{0}x\ty\r\n\u{c}"), 2);
        assert_eq!(count_stray_controls("caf\u{e9}\u{85}\u{9b}"), 1);
        assert_eq!(
            stray_controls_warning(1),
            "the text holds 1 control character (not shown, ignored when comparing)"
        );
    }

    #[test]
    fn many_control_characters_are_binary() {
        let bytes: Vec<u8> = (0..200u8)
            .map(|i| if i % 4 == 0 { 0x01 } else { b'a' })
            .collect();
        assert_eq!(
            decode(&bytes),
            Err(DecodeError::Binary(BinaryKind::ControlCharacters))
        );
        assert_eq!(
            decode(&utf16("\u{0}\u{1}\u{2}abc", false)),
            Err(DecodeError::Binary(BinaryKind::ControlCharacters))
        );
    }

    #[test]
    fn a_few_control_characters_are_tolerated() {
        let mut text = "A line of ordinary prose.\u{0c}\n".repeat(20);
        text.push('\u{1b}');
        text.push('\u{1a}');
        assert!(decode(text.as_bytes()).is_ok());
    }

    #[test]
    fn messages_say_why() {
        assert_eq!(DecodeError::Empty.to_string(), "the file is empty");
        assert_eq!(
            DecodeError::Binary(BinaryKind::NulBytes).to_string(),
            "not a text file (binary content)"
        );
        assert_eq!(
            DecodeError::Binary(BinaryKind::Png).to_string(),
            "not a text file (a PNG image)"
        );
    }
}
