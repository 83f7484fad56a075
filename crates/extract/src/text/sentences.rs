//! The sentence splitter: rule-based, linear-time, and aware of news and wire-copy layout.
//!
//! The text is first cut into blocks at blank lines: every paragraph break ends a sentence, so a
//! headline without final punctuation followed by a blank line is a sentence of its own. Inside
//! a block, newlines are soft wraps (MUC-4 copy is hard-wrapped at 70 columns) unless the block
//! is a header block, one whose lines carry no sentence punctuation at all (headline, date line,
//! byline, bullet list): there each line is its own sentence.
//!
//! Inside a block a sentence ends at `.`, `!`, `?` or an ellipsis, plus any closing quotes or
//! brackets, followed by whitespace, unless the word before is an abbreviation (see
//! [`super::abbrev`]), an initial ("J. Smith") or a list number, or the next word starts in lower
//! case. In ALL-CAPS and all-lower-case documents capitals mean nothing, so only abbreviations
//! and clear sentence starters decide. Datelines ("MOSCOW, March 24 (Northwire) - Gunmen ...",
//! "SAN SALVADOR, 3 JAN 90 -- \[TEXT\] ...") carry no sentence punctuation and so stay in the first
//! sentence.

use super::abbrev::{self, Abbrev};
use super::{CaseMode, Sentence, case_mode};

/// How far back the splitter looks for the word before a period; longer runs are not words.
const MAX_WORD_BACK: usize = 64;

/// Splits `text` into trimmed sentences, in order, covering every non-blank stretch once.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mode = case_mode(text);
    let mut out = Vec::new();
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut line_start = 0;
    while line_start <= text.len() {
        let line_end = text[line_start..].find('\n').map_or(text.len(), |at| line_start + at);
        if text[line_start..line_end].trim().is_empty() {
            split_block(text, &lines, mode, &mut out);
            lines.clear();
        } else {
            lines.push((line_start, line_end));
        }
        line_start = line_end + 1;
    }
    split_block(text, &lines, mode, &mut out);
    out
}

/// Splits one block of consecutive non-blank lines.
fn split_block(text: &str, lines: &[(usize, usize)], mode: CaseMode, out: &mut Vec<Sentence>) {
    let (Some(first), Some(last)) = (lines.first(), lines.last()) else { return };
    let (block_start, block_end) = (first.0, last.1);
    let header = is_header_block(text, lines);
    let bytes = text.as_bytes();
    let mut sentence_start = block_start;
    let mut line_index = 0;
    let mut position = block_start;
    while position < block_end {
        match bytes[position] {
            b'\n' => {
                let next_line = lines.get(line_index + 1).copied().unwrap_or((position, position));
                if line_break_ends_sentence(text, lines[line_index], next_line, header) {
                    emit(text, sentence_start, position, out);
                    sentence_start = position + 1;
                }
                line_index += 1;
                position += 1;
            }
            b'.' | b'!' | b'?' => {
                position = terminal(text, position, block_end, mode, &mut sentence_start, out);
            }
            0xE2 if text[position..].starts_with('…') => {
                position = terminal(text, position, block_end, mode, &mut sentence_start, out);
            }
            _ => position += 1,
        }
    }
    emit(text, sentence_start, block_end, out);
}

/// A block whose lines carry no sentence punctuation: each line break is a sentence break.
fn is_header_block(text: &str, lines: &[(usize, usize)]) -> bool {
    lines.len() >= 2
        && lines.iter().all(|&(start, end)| {
            let line = text[start..end].trim_end();
            let core = line.trim_end_matches(is_closer);
            !core.ends_with(['.', '!', '?', '…'])
                && !line.contains(". ")
                && !line.contains("? ")
                && !line.contains("! ")
        })
}

/// Whether the newline between two lines of a block ends a sentence.
fn line_break_ends_sentence(
    text: &str,
    previous: (usize, usize),
    next: (usize, usize),
    header: bool,
) -> bool {
    let next_line = text[next.0..next.1].trim_start();
    if next_line.starts_with(['•', '◦', '▪', '‣', '·', '*']) {
        return true;
    }
    if !header || next_line.starts_with(char::is_lowercase) {
        return false;
    }
    let previous_line = text[previous.0..previous.1].trim_end();
    if previous_line.ends_with([',', ';', ':', '(', '-', '–', '—', '/', '&']) {
        return false;
    }
    // A header line that ends in a function word is a wrapped headline, not two sentences.
    let last_word = previous_line.rsplit(' ').next().unwrap_or("");
    let continuation = ["of", "the", "a", "an", "and", "or", "to", "in", "on", "at", "by", "for"];
    !continuation.iter().any(|word| last_word.eq_ignore_ascii_case(word))
}

/// Handles a run of terminal punctuation at `start`; returns where scanning resumes.
fn terminal(
    text: &str,
    start: usize,
    block_end: usize,
    mode: CaseMode,
    sentence_start: &mut usize,
    out: &mut Vec<Sentence>,
) -> usize {
    let bytes = text.as_bytes();
    let mut run_end = start;
    let (mut dots, mut strong, mut ellipsis) = (0usize, false, false);
    while run_end < block_end {
        match bytes[run_end] {
            b'.' => dots += 1,
            b'!' | b'?' => strong = true,
            0xE2 if text[run_end..].starts_with('…') => {
                ellipsis = true;
                run_end += '…'.len_utf8();
                continue;
            }
            _ => break,
        }
        run_end += 1;
    }
    let mut after = run_end;
    while let Some(ch) = text[after..block_end].chars().next().filter(|&ch| is_closer(ch)) {
        after += ch.len_utf8();
    }
    // Only punctuation followed by whitespace (or the block's end) can end a sentence; this
    // rules out "3.5", the inner periods of "U.S." and "e.g.,".
    let Some(next_start) = next_non_space(text, after, block_end) else {
        return after.max(start + 1);
    };
    if next_start == after {
        return run_end.max(start + 1);
    }
    let next_word = word_after(text, next_start, block_end);
    let next_char = next_word.chars().next();
    let boundary = if strong {
        mode != CaseMode::Mixed || !next_char.is_some_and(char::is_lowercase)
    } else if ellipsis || dots > 1 {
        match mode {
            CaseMode::Mixed => next_char.is_some_and(char::is_uppercase),
            _ => abbrev::is_sentence_starter(next_word),
        }
    } else {
        let word = word_before(text, start, *sentence_start);
        period_ends_sentence(text, word, *sentence_start, next_word, mode)
    };
    if boundary {
        emit(text, *sentence_start, after, out);
        *sentence_start = after;
    }
    after.max(start + 1)
}

/// The decision for a single period after `word` (byte span), given the next word.
fn period_ends_sentence(
    text: &str,
    word: (usize, usize),
    sentence_start: usize,
    next_word: &str,
    mode: CaseMode,
) -> bool {
    let core = &text[word.0..word.1];
    let next_char = next_word.chars().next();
    let next_upper = next_char.is_some_and(char::is_uppercase);
    match abbrev::classify(core) {
        Some(Abbrev::Title | Abbrev::Never) => return false,
        Some(Abbrev::BeforeNumber) if next_char.is_some_and(|ch| ch.is_ascii_digit()) => {
            return false;
        }
        Some(Abbrev::Ambiguous) => {
            return abbrev::is_sentence_starter(next_word)
                && (mode != CaseMode::Mixed || next_upper);
        }
        _ => {}
    }
    let mut chars = core.chars();
    if let (Some(only), None) = (chars.next(), chars.next())
        && only.is_alphabetic()
        && (only.is_uppercase() || mode != CaseMode::Mixed)
    {
        // An initial, as in "J. Smith".
        return false;
    }
    let list_number = core.len() <= 2 && core.bytes().all(|byte| byte.is_ascii_digit());
    if list_number && text[sentence_start..word.0].trim().is_empty() {
        // A list number: "1. The first point".
        return false;
    }
    match mode {
        CaseMode::Mixed => !next_char.is_some_and(char::is_lowercase),
        CaseMode::Upper | CaseMode::Lower => true,
    }
}

/// The word before the punctuation at `end`, without opening quotes or brackets.
fn word_before(text: &str, end: usize, floor: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let limit = end.saturating_sub(MAX_WORD_BACK).max(floor);
    let mut start = end;
    while start > limit && !bytes[start - 1].is_ascii_whitespace() {
        start -= 1;
    }
    let start = text.ceil_char_boundary(start);
    let word = &text[start..end];
    let trimmed = word.trim_start_matches(['"', '\'', '“', '‘', '(', '[', '«', '—', '-']);
    (end - trimmed.len(), end)
}

/// The next word from `start`: up to 24 bytes of letters/digits, after any opening quotes.
fn word_after(text: &str, start: usize, end: usize) -> &str {
    let rest = &text[start..end];
    let rest = rest.trim_start_matches(['"', '\'', '“', '‘', '(', '[', '«']);
    let length = rest
        .char_indices()
        .take_while(|&(at, ch)| at < 24 && ch.is_alphanumeric())
        .last()
        .map_or(0, |(at, ch)| at + ch.len_utf8());
    if length == 0 {
        // Not a word ("—", "(1)"): return its first character so case checks still see it.
        return rest.get(..rest.chars().next().map_or(0, char::len_utf8)).unwrap_or("");
    }
    &rest[..length]
}

/// The first non-whitespace position in `start..end`, or `None` when there is none.
fn next_non_space(text: &str, start: usize, end: usize) -> Option<usize> {
    text[start..end].char_indices().find(|(_, ch)| !ch.is_whitespace()).map(|(at, _)| start + at)
}

fn is_closer(ch: char) -> bool {
    matches!(ch, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

/// Pushes `text[start..end]` trimmed, if anything is left.
fn emit(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let Some(slice) = text.get(start..end) else { return };
    let leading = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        out.push(Sentence { start: start + leading, end: start + leading + trimmed.len() });
    }
}
