//! The character encoding a web page declares for itself.
//!
//! This module owns the "prescan" browsers do before parsing a page (WHATWG HTML, "prescan a
//! byte stream to determine its encoding"): the first 1024 bytes are scanned for a
//! `<meta charset="…">` or a `<meta http-equiv="Content-Type" content="…; charset=…">`, skipping
//! comments and other tags, and the label found is resolved by `encoding_rs`. A byte order mark,
//! which outranks any declaration, is handled by [`super::decode`].

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How many bytes of a page are scanned for a declaration, as in browsers.
const PRESCAN_BYTES: usize = 1024;

/// The encoding the page `bytes` declares in its first 1024 bytes, if any.
///
/// A declared UTF-16 means UTF-8 (a page that really is UTF-16 has a byte order mark and could
/// not have been scanned as ASCII), and `x-user-defined` means Windows-1252, as in browsers.
pub fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let mut at = 0;
    while at < head.len() {
        let rest = &head[at..];
        if rest.starts_with(b"<!--") {
            at += find(&rest[4..], b"-->").map_or(rest.len(), |end| 4 + end + 3);
        } else if starts_with_ignore_case(rest, b"<meta")
            && rest.get(5).is_some_and(|&b| is_space(b) || b == b'/')
        {
            let (encoding, consumed) = meta_tag(&rest[5..]);
            if let Some(encoding) = encoding {
                return Some(resolve(encoding));
            }
            at += 5 + consumed;
        } else if rest.first() == Some(&b'<')
            && rest
                .get(1)
                .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'/')
        {
            at += 1 + skip_tag(&rest[1..]);
        } else if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            at += find(rest, b">").map_or(rest.len(), |end| end + 1);
        } else {
            at += 1;
        }
    }
    None
}

/// What a declared encoding means for reading the page.
fn resolve(encoding: &'static Encoding) -> &'static Encoding {
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        UTF_8
    } else if encoding == encoding_rs::X_USER_DEFINED {
        WINDOWS_1252
    } else {
        encoding
    }
}

/// Reads the attributes of a `<meta` tag from `tag` (just after `<meta`): the encoding it
/// declares, if any, and how many bytes the tag takes.
fn meta_tag(tag: &[u8]) -> (Option<&'static Encoding>, usize) {
    let mut at = 0;
    let mut pragma = false;
    let mut from_charset = None;
    let mut from_content = None;
    while let Some((attribute, consumed)) = attribute(&tag[at..]) {
        at += consumed;
        let value = attribute.value.as_slice();
        match attribute.name.as_slice() {
            b"http-equiv" => pragma |= value.eq_ignore_ascii_case(b"content-type"),
            b"charset" if from_charset.is_none() => {
                from_charset = Some(Encoding::for_label(trim(value)));
            }
            b"content" if from_content.is_none() => {
                from_content = charset_in_content(value).map(<[u8]>::to_vec);
            }
            _ => {}
        }
    }
    let end = at
        + tag[at..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(tag.len() - at, |i| i + 1);
    let encoding = match from_charset {
        Some(declared) => declared,
        None if pragma => from_content.and_then(|label| Encoding::for_label(&label)),
        None => None,
    };
    (encoding, end)
}

/// One attribute of a tag, its name in lower case.
struct Attribute {
    name: Vec<u8>,
    value: Vec<u8>,
}

/// The next attribute at the start of `bytes` and the bytes it takes, or `None` at the tag's end.
fn attribute(bytes: &[u8]) -> Option<(Attribute, usize)> {
    let mut at = bytes
        .iter()
        .position(|&b| !is_space(b) && b != b'/')
        .unwrap_or(bytes.len());
    if bytes.get(at).is_none_or(|&b| b == b'>') {
        return None;
    }
    let name_start = at;
    while let Some(&b) = bytes.get(at) {
        if (at > name_start && b == b'=') || is_space(b) || b == b'/' || b == b'>' {
            break;
        }
        at += 1;
    }
    let name = bytes[name_start..at].to_ascii_lowercase();
    at += count_spaces(&bytes[at..]);
    if bytes.get(at) != Some(&b'=') {
        return Some((
            Attribute {
                name,
                value: Vec::new(),
            },
            at,
        ));
    }
    at += 1;
    at += count_spaces(&bytes[at..]);
    let value = match bytes.get(at) {
        Some(&quote @ (b'"' | b'\'')) => {
            let start = at + 1;
            let end = bytes[start..]
                .iter()
                .position(|&b| b == quote)
                .map_or(bytes.len(), |i| start + i);
            at = (end + 1).min(bytes.len());
            &bytes[start..end]
        }
        _ => {
            let start = at;
            while bytes.get(at).is_some_and(|&b| !is_space(b) && b != b'>') {
                at += 1;
            }
            &bytes[start..at]
        }
    };
    let value = value.to_ascii_lowercase();
    Some((Attribute { name, value }, at))
}

/// The charset named in a `content` attribute such as `text/html; charset=koi8-r`.
fn charset_in_content(content: &[u8]) -> Option<&[u8]> {
    let mut rest = content;
    loop {
        let found = find(rest, b"charset")?;
        rest = &rest[found + 7..];
        let after_spaces = &rest[count_spaces(rest)..];
        if let Some(value) = after_spaces.strip_prefix(b"=") {
            let value = &value[count_spaces(value)..];
            return match value.first() {
                Some(&quote @ (b'"' | b'\'')) => {
                    let inner = &value[1..];
                    inner
                        .iter()
                        .position(|&b| b == quote)
                        .map(|end| &inner[..end])
                }
                _ => {
                    let end = value
                        .iter()
                        .position(|&b| is_space(b) || b == b';')
                        .unwrap_or(value.len());
                    (end > 0).then(|| &value[..end])
                }
            };
        }
        rest = after_spaces;
    }
}

/// How many bytes a tag other than `<meta` takes, from just after its `<` to past its `>`
/// (quoted attribute values may hold a `>`).
fn skip_tag(tag: &[u8]) -> usize {
    let name_end = tag
        .iter()
        .position(|&b| is_space(b) || b == b'>')
        .unwrap_or(tag.len());
    let mut at = name_end;
    while let Some((_, consumed)) = attribute(&tag[at..]) {
        at += consumed.max(1);
    }
    (at + 1).min(tag.len())
}

fn trim(bytes: &[u8]) -> &[u8] {
    let start = count_spaces(bytes);
    let end = bytes
        .iter()
        .rposition(|&b| !is_space(b))
        .map_or(start, |i| i + 1);
    &bytes[start..end.max(start)]
}

fn count_spaces(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|&&b| is_space(b)).count()
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// Where `needle` first occurs in `haystack`, ignoring ASCII case.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(page: &str) -> Option<&'static str> {
        declared(page.as_bytes()).map(Encoding::name)
    }

    #[test]
    fn meta_charset_is_found() {
        assert_eq!(
            name("<!doctype html><html><head><meta charset=\"windows-1251\"><title>x</title>"),
            Some("windows-1251")
        );
        assert_eq!(name("<META CHARSET=koi8-r>"), Some("KOI8-R"));
        assert_eq!(name("<meta charset='  latin1 '/>"), Some("windows-1252"));
        assert_eq!(name("<meta\ncharset=shift_jis>"), Some("Shift_JIS"));
    }

    #[test]
    fn http_equiv_content_type_is_found() {
        assert_eq!(
            name("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\">"),
            Some("ISO-8859-2")
        );
        assert_eq!(
            name("<meta content='text/html;charset = \"gb2312\"' http-equiv='content-type'>"),
            Some("GBK")
        );
    }

    #[test]
    fn content_without_the_pragma_does_not_count() {
        assert_eq!(
            name("<meta name=\"description\" content=\"charset=koi8-r\">"),
            None
        );
    }

    #[test]
    fn comments_scripts_and_quoted_values_are_not_declarations() {
        assert_eq!(name("<!-- <meta charset=koi8-r> --><p>text</p>"), None);
        assert_eq!(
            name("<div title='<meta charset=koi8-r>'></div><meta charset=utf-8>"),
            Some("UTF-8")
        );
        assert_eq!(name("<metadata charset=koi8-r>"), None);
    }

    #[test]
    fn only_the_first_kilobyte_is_scanned() {
        let late = format!("{}<meta charset=koi8-r>", " ".repeat(PRESCAN_BYTES));
        assert_eq!(name(&late), None);
    }

    #[test]
    fn utf16_and_unknown_labels_are_resolved_as_browsers_do() {
        assert_eq!(name("<meta charset=utf-16le>"), Some("UTF-8"));
        assert_eq!(name("<meta charset=x-user-defined>"), Some("windows-1252"));
        assert_eq!(
            name("<meta charset=no-such-thing><meta charset=koi8-r>"),
            Some("KOI8-R")
        );
    }
}
