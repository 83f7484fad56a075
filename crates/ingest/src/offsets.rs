//! Building the [`OffsetMap`] from cleaned text back to raw bytes: exact pieces copied from the
//! decoded input (plain text), and located paragraphs (HTML, feed items, dump rows).
//!
//! Both are linear: pieces are converted once each, and the locator searches forward only, within
//! a window, with a total budget proportional to the input, so a page whose paragraphs cannot be
//! found costs no more than a few passes over it.

use std::ops::Range;

use vigil_domain::{OffsetMap, OffsetSegment};

use crate::boilerplate::floor_boundary;
use crate::decode::Decoded;

/// A stretch of cleaned text copied verbatim from `src` in the decoded input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    /// Where it is in the cleaned text.
    pub(crate) clean: Range<usize>,
    /// Where it is in the decoded input.
    pub(crate) src: Range<usize>,
}

/// The cleaned text under construction, with the pieces it was copied from.
#[derive(Debug, Default)]
pub(crate) struct Builder {
    pub(crate) text: String,
    pub(crate) pieces: Vec<Piece>,
}

impl Builder {
    /// Appends `input[src]`, merging with the previous piece when both sides are contiguous.
    pub(crate) fn copy(&mut self, input: &str, src: Range<usize>) {
        if src.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(&input[src.clone()]);
        match self.pieces.last_mut() {
            Some(last) if last.clean.end == start && last.src.end == src.start => {
                last.clean.end = self.text.len();
                last.src.end = src.end;
            }
            _ => self.pieces.push(Piece { clean: start..self.text.len(), src }),
        }
    }

    /// Appends text that is not in the input (a separator or a replaced character).
    pub(crate) fn synth(&mut self, text: &str) {
        self.text.push_str(text);
    }
}

/// Maps decoded pieces to raw segments; a segment is exact when its raw bytes are the clean bytes.
/// Pieces are split where the decoding changes step (a replaced byte, a chunk of a legacy charset),
/// so the stretches on either side stay exact.
pub(crate) fn from_pieces(
    pieces: &[Piece],
    text: &str,
    decoded: &Decoded<'_>,
    raw: &[u8],
) -> OffsetMap {
    let mut segments = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let mut clean_start = piece.clean.start;
        let mut src_start = piece.src.start;
        let breaks = decoded.breaks_in(piece.src.clone()).iter().map(|&(text_pos, _)| text_pos);
        for src_end in breaks.chain(std::iter::once(piece.src.end)) {
            let clean_end = clean_start + (src_end - src_start);
            let raw_start = decoded.to_raw(src_start, raw.len());
            let raw_end = decoded.to_raw(src_end, raw.len()).max(raw_start);
            let exact = raw.get(raw_start..raw_end) == text.as_bytes().get(clean_start..clean_end);
            segments.push(OffsetSegment { clean_start, clean_end, raw_start, raw_end, exact });
            clean_start = clean_end;
            src_start = src_end;
        }
    }
    OffsetMap(segments)
}

/// The paragraphs of cleaned text (separated by blank lines), as byte ranges.
pub(crate) fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (index, _) in text.match_indices("\n\n") {
        if index > start {
            ranges.push(start..index);
        }
        start = index + 2;
    }
    if start < text.len() {
        ranges.push(start..text.len());
    }
    ranges
}

/// Locates each paragraph of `text` in the decoded input (`haystack`), searching forward from
/// `from`, and maps what it finds to `raw` with `to_raw`. Paragraphs not found get no segment.
pub(crate) fn locate(
    text: &str,
    haystack: &str,
    from: usize,
    to_raw: &dyn Fn(usize) -> usize,
    raw: &[u8],
) -> OffsetMap {
    let mut locator = Locator::new(haystack, from);
    let mut segments = Vec::new();
    for paragraph in paragraphs(text) {
        let Some(found) = locator.find(&text[paragraph.clone()]) else {
            if locator.exhausted() {
                break;
            }
            continue;
        };
        let raw_start = to_raw(found.start).min(raw.len());
        let raw_end = to_raw(found.end).min(raw.len()).max(raw_start);
        let exact = raw.get(raw_start..raw_end) == text.as_bytes().get(paragraph.clone());
        segments.push(OffsetSegment {
            clean_start: paragraph.start,
            clean_end: paragraph.end,
            raw_start,
            raw_end,
            exact,
        });
    }
    OffsetMap(segments)
}

/// Forward search for paragraphs in a haystack, with a bounded total cost.
struct Locator<'h> {
    haystack: &'h str,
    cursor: usize,
    budget: usize,
}

impl<'h> Locator<'h> {
    fn new(haystack: &'h str, from: usize) -> Locator<'h> {
        let cursor = floor_boundary(haystack, from);
        Locator { haystack, cursor, budget: haystack.len() * 4 + (1 << 20) }
    }

    fn exhausted(&self) -> bool {
        self.budget == 0
    }

    /// The haystack range of `paragraph`: from its first words to its last words. Markup may
    /// split the words, so shorter needles (three, two, one word) are tried in turn.
    fn find(&mut self, paragraph: &str) -> Option<Range<usize>> {
        let window = 64 * 1024 + 4 * paragraph.len();
        let (start, head_len) = (1..=3).rev().find_map(|count| {
            let head = needle(paragraph.split_whitespace(), count)?;
            Some((self.search(&head, self.cursor, window)?, head.len()))
        })?;
        let mut end = start + head_len;
        let tail_window = 2 * paragraph.len() + 4096;
        let tail = (1..=3).rev().find_map(|count| {
            let words: Vec<&str> = paragraph.split_whitespace().rev().take(count).collect();
            let tail = needle(words.into_iter().rev(), count)?;
            Some(self.search(&tail, start, tail_window)? + tail.len())
        });
        if let Some(tail_end) = tail {
            end = end.max(tail_end);
        }
        self.cursor = end;
        Some(start..end)
    }

    /// The first `needle` in `haystack[from..from + window]`, charged to the budget.
    fn search(&mut self, needle: &str, from: usize, window: usize) -> Option<usize> {
        if self.budget == 0 || from >= self.haystack.len() {
            return None;
        }
        let end = floor_boundary(self.haystack, from.saturating_add(window));
        let scanned = end - from;
        self.budget = self.budget.saturating_sub(scanned);
        self.haystack[from..end].find(needle).map(|at| from + at)
    }
}

/// `count` words joined by single spaces; `None` when a word has characters that markup or JSON
/// would escape (`&<>"\`), or when the needle is shorter than four bytes.
fn needle<'a>(words: impl Iterator<Item = &'a str>, count: usize) -> Option<String> {
    let mut needle = String::new();
    for word in words.take(count) {
        if word.contains(['&', '<', '>', '"', '\\']) {
            return None;
        }
        if !needle.is_empty() {
            needle.push(' ');
        }
        needle.push_str(word);
    }
    (needle.len() >= 4).then_some(needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_merges_contiguous_pieces() {
        let input = "one two  three";
        let mut builder = Builder::default();
        builder.copy(input, 0..4);
        builder.copy(input, 4..8);
        builder.copy(input, 9..14);
        assert_eq!(builder.text, "one two three");
        assert_eq!(builder.pieces.len(), 2);
        assert_eq!(builder.pieces[0], Piece { clean: 0..8, src: 0..8 });
        assert_eq!(builder.pieces[1], Piece { clean: 8..13, src: 9..14 });
    }

    #[test]
    fn paragraphs_are_found_in_markup() {
        let html = "<html><body><h1>Title</h1><p>Gunmen stormed the\n hall late on Friday.</p>\
                    <p>Officials said <b>dozens</b> died.</p></body></html>";
        let text = "Gunmen stormed the hall late on Friday.\n\nOfficials said dozens died.\n\nNot there at all.";
        let map = locate(text, html, 0, &|pos| pos, html.as_bytes());
        assert_eq!(map.0.len(), 2);
        let first = &html[map.0[0].raw_start..map.0[0].raw_end];
        assert_eq!(first, "Gunmen stormed the\n hall late on Friday.");
        let second = &html[map.0[1].raw_start..map.0[1].raw_end];
        assert_eq!(second, "Officials said <b>dozens</b> died.");
        assert!(!map.0[0].exact);
    }

    #[test]
    fn paragraph_ranges() {
        assert_eq!(paragraphs("a\n\nbc\nd\n\ne"), vec![0..1, 3..7, 9..10]);
        assert_eq!(paragraphs(""), Vec::<Range<usize>>::new());
    }
}
