//! The tokenizer: words, numbers and single punctuation characters with byte offsets.
//!
//! A word is a run of letters, digits and combining marks, joined by internal hyphens and
//! apostrophes ("IS-Khorasan", "Russia's", "Kyiv’s", "20-year-old"). A run of digits joined only
//! by digit-group commas ("1,200") and decimal points ("3.5") is a number. Every other
//! non-space character is one punctuation token, so "--" is two tokens and "..." three.

use std::ops::Range;

use super::{Token, TokenKind, floor_boundary};

/// Tokens of `text[range]`, with offsets into the whole `text`.
///
/// The range is clamped to the text and moved onto char boundaries, so any range is safe.
pub fn tokens(text: &str, range: Range<usize>) -> Vec<Token> {
    let end = floor_boundary(text, range.end);
    let start = text.ceil_char_boundary(range.start.min(end));
    // Roughly one token per five bytes in English news; a guess that avoids most regrowth.
    let mut out = Vec::with_capacity((end - start) / 5 + 1);
    scan(text, start, end, |start, end, kind| out.push(Token { start, end, kind }));
    out
}

/// Byte classes for the ASCII fast path.
const SPACE: u8 = 0;
const DIGIT: u8 = 1;
const ALPHA: u8 = 2;
const OTHER: u8 = 3;
const HIGH: u8 = 4;

/// The class of every byte, so the hot loops do one table load per byte.
const CLASS: [u8; 256] = {
    let mut table = [HIGH; 256];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        table[byte] = if b.is_ascii_whitespace() {
            SPACE
        } else if b.is_ascii_digit() {
            DIGIT
        } else if b.is_ascii_alphabetic() {
            ALPHA
        } else {
            OTHER
        };
        byte += 1;
    }
    table
};

/// Calls `emit(start, end, kind)` for each token of `text[start..end]` (both char boundaries).
pub(crate) fn scan(
    text: &str,
    start: usize,
    end: usize,
    mut emit: impl FnMut(usize, usize, TokenKind),
) {
    let bytes = text.as_bytes();
    let mut position = start;
    while position < end {
        match CLASS[usize::from(bytes[position])] {
            SPACE => position += 1,
            DIGIT | ALPHA => position = scan_word(text, position, end, &mut emit),
            OTHER => {
                emit(position, position + 1, TokenKind::Punct);
                position += 1;
            }
            _ => {
                let Some(ch) = text[position..end].chars().next() else { break };
                if ch.is_whitespace() {
                    position += ch.len_utf8();
                } else if is_word_char(ch) {
                    position = scan_word(text, position, end, &mut emit);
                } else {
                    let next = position + ch.len_utf8();
                    emit(position, next, TokenKind::Punct);
                    position = next;
                }
            }
        }
    }
}

/// Letters, digits and combining marks (so "e" + U+0301 stays one word).
pub(crate) fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric() || is_mark(ch)
}

/// The common combining-mark blocks and the zero-width joiners, without a Unicode table.
fn is_mark(ch: char) -> bool {
    matches!(ch,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0900}'..='\u{0903}'
        | '\u{093A}'..='\u{094F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Hyphens and apostrophes that join two word characters into one word.
fn is_joiner(ch: char) -> bool {
    matches!(ch, '-' | '\'' | '\u{2010}' | '\u{2011}' | '\u{2019}')
}

fn char_at(text: &str, index: usize, end: usize) -> Option<char> {
    text.get(index..end)?.chars().next()
}

/// Scans one word or number starting at `start`, emits it and returns where it ends.
fn scan_word(
    text: &str,
    start: usize,
    end: usize,
    emit: &mut impl FnMut(usize, usize, TokenKind),
) -> usize {
    let bytes = text.as_bytes();
    let mut position = start;
    let mut numeric = true;
    while position < end {
        let byte = bytes[position];
        let class = CLASS[usize::from(byte)];
        if class == DIGIT || class == ALPHA {
            numeric &= class == DIGIT;
            position += 1;
            continue;
        }
        let previous_is_digit = position > start && bytes[position - 1].is_ascii_digit();
        if byte == b',' && previous_is_digit && is_digit_group(bytes, position + 1, end) {
            position += 1;
            continue;
        }
        if byte == b'.'
            && previous_is_digit
            && position + 1 < end
            && bytes[position + 1].is_ascii_digit()
        {
            position += 1;
            continue;
        }
        // Any other ASCII byte but a hyphen or apostrophe ends the word: the common case.
        if class != HIGH && byte != b'-' && byte != b'\'' {
            break;
        }
        let Some(ch) = char_at(text, position, end) else { break };
        if class == HIGH && is_word_char(ch) {
            numeric = false;
            position += ch.len_utf8();
            continue;
        }
        if is_joiner(ch) {
            let after = position + ch.len_utf8();
            if char_at(text, after, end).is_some_and(is_word_char) {
                numeric = false;
                position = after;
                continue;
            }
        }
        break;
    }
    let kind = if numeric { TokenKind::Number } else { TokenKind::Word };
    emit(start, position, kind);
    position
}

/// Exactly three digits at `index`, not followed by a fourth: the "200" of "1,200".
fn is_digit_group(bytes: &[u8], index: usize, end: usize) -> bool {
    index + 3 <= end
        && bytes[index..index + 3].iter().all(u8::is_ascii_digit)
        && !(index + 3 < end && bytes[index + 3].is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> Vec<(&str, TokenKind)> {
        tokens(text, 0..text.len()).iter().map(|t| (&text[t.start..t.end], t.kind)).collect()
    }

    #[test]
    fn words_numbers_punctuation() {
        use TokenKind::{Number as N, Punct as P, Word as W};
        assert_eq!(
            show("IS-Khorasan's 1,200 men, Kyiv’s 3.5 -- ok."),
            vec![
                ("IS-Khorasan's", W),
                ("1,200", N),
                ("men", W),
                (",", P),
                ("Kyiv’s", W),
                ("3.5", N),
                ("-", P),
                ("-", P),
                ("ok", W),
                (".", P)
            ]
        );
        assert_eq!(
            show("1,2 12,3456 2024."),
            vec![
                ("1", N),
                (",", P),
                ("2", N),
                ("12", N),
                (",", P),
                ("3456", N),
                ("2024", N),
                (".", P)
            ]
        );
        assert_eq!(show("'tis e\u{301}te"), vec![("'", P), ("tis", W), ("e\u{301}te", W)]);
    }

    #[test]
    fn ranges_are_clamped() {
        let text = "ab Ωc";
        assert_eq!(tokens(text, 4..100).len(), 1);
        let backwards = Range { start: 50, end: 2 };
        assert!(tokens(text, backwards).is_empty());
    }
}
