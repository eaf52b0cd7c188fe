//! Character classes shared by the segmenter's passes: the marks that end a sentence, the quotes
//! and brackets that close or open one, and the small string tests built on them.

/// Whether `c` ends a sentence when a space follows it: "." "!" "?" "…" and the full stops and
/// question marks of other scripts that separate sentences with spaces (Greek, Armenian, Arabic,
/// Urdu, Devanagari, Ethiopic, Myanmar, Canadian syllabics).
pub(super) fn is_spaced_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '‽'
            | '⁇'
            | '⁈'
            | '⁉'
            | '\u{037E}'
            | '։'
            | '؟'
            | '۔'
            | '।'
            | '॥'
            | '።'
            | '፧'
            | '။'
            | '។'
            | '៕'
            | '᙮'
    )
}

/// Whether `c` ends a sentence with no space after it (the CJK full stop, exclamation and
/// question marks).
pub(super) fn is_unspaced_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

/// Whether `c` belongs to a script written without spaces between words, where a space ends a
/// sentence or clause instead: Thai, Lao, Burmese (Myanmar) and Khmer.
pub fn is_spaceless_script(c: char) -> bool {
    matches!(
        c,
        '\u{0E00}'..='\u{0EFF}'
            | '\u{1000}'..='\u{109F}'
            | '\u{1780}'..='\u{17FF}'
            | '\u{19E0}'..='\u{19FF}'
            | '\u{A9E0}'..='\u{A9FF}'
            | '\u{AA60}'..='\u{AA7F}'
    )
}

/// Whether `c` may close a sentence after its final punctuation: quotes, brackets and the
/// Markdown emphasis marks (`."` `.”` `?'` `.)` `.**`).
pub(super) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '》'
            | '〉'
            | '】'
            | '*'
            | '_'
    )
}

/// Whether `c` may open a sentence before its first word: quotes, brackets, Spanish inverted
/// marks and Markdown emphasis marks.
pub(super) fn is_opener(c: char) -> bool {
    is_opening_quote(c)
        || matches!(
            c,
            '(' | '[' | '{' | '¿' | '¡' | '「' | '『' | '（' | '《' | '〈' | '【' | '*' | '_'
        )
}

/// Whether `c` opens a quotation: straight, curly and low quotes and guillemets.
pub(super) fn is_opening_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '„' | '«' | '‹')
}

/// Whether `c` is a currency sign, which starts a sentence the way a digit does ("$3 billion").
pub(super) fn is_currency(c: char) -> bool {
    matches!(
        c,
        '$' | '€' | '£' | '¥' | '₹' | '₽' | '₩' | '₺' | '₪' | '₱' | '¢'
    )
}

/// Whether `c` is a letter that can begin a sentence: an uppercase or titlecase letter, or a letter
/// of a script without case (CJK, Arabic, Hebrew, Devanagari…).
pub(super) fn is_capital(c: char) -> bool {
    c.is_alphabetic() && !c.is_lowercase()
}

/// Whether `s`, ignoring closing quotes and brackets, ends with sentence punctuation or with a
/// colon or semicolon (a line that introduces what follows).
pub(super) fn ends_with_stop(s: &str) -> bool {
    s.trim_end_matches(is_closer)
        .chars()
        .next_back()
        .is_some_and(|c| {
            is_spaced_terminator(c) || is_unspaced_terminator(c) || matches!(c, ':' | ';')
        })
}

/// Whether `s` contains a letter or a digit (units without one are decoration: rules, stars,
/// stray punctuation).
pub(super) fn has_alphanumeric(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// The byte range `start..end` of `text` without its leading and trailing whitespace, or `None`
/// when nothing is left (or the range is not on char boundaries).
pub(super) fn trimmed(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let span = text.get(start..end)?;
    let lead = span.len() - span.trim_start().len();
    let kept = span.trim().len();
    (kept > 0).then_some((start + lead, start + lead + kept))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_is_found_behind_closing_quotes() {
        assert!(ends_with_stop("she said.”"));
        assert!(ends_with_stop("Key points:"));
        assert!(ends_with_stop("真的吗？"));
        assert!(!ends_with_stop("RISING ‘FAST’"));
        assert!(!ends_with_stop(""));
    }

    #[test]
    fn trimmed_drops_whitespace_and_empty_spans() {
        assert_eq!(trimmed("  ab \n", 0, 6), Some((2, 4)));
        assert_eq!(trimmed(" \u{a0}\t", 0, 4), None);
        assert_eq!(trimmed("é", 0, 1), None);
    }
}
