//! Plain text and Markdown: paragraphs, title, date line, byline, boilerplate removal, and exact
//! offsets (every cleaned stretch is copied from the input, so the map is byte-precise).

use std::ops::Range;

use chrono::NaiveDate;
use vigil_domain::MediaType;

use crate::boilerplate::{self, Line};
use crate::dates;
use crate::decode::Decoded;
use crate::draft::{Draft, squash};
use crate::error::Problem;
use crate::markdown::{block_marker, front_matter, is_link_definition, is_rule, markdown_ranges};
use crate::offsets::{self, Builder};

/// Only this many kept lines at the top are looked at for a date line or a byline.
const HEADER_LINES: usize = 6;
/// A title is shorter than this.
const MAX_TITLE: usize = 150;

/// Cleaned text with what was learnt on the way.
#[derive(Debug, Default)]
pub(crate) struct Cleaned {
    /// Paragraphs separated by a blank line; lines of a paragraph by a newline.
    pub(crate) text: String,
    /// The verbatim pieces `text` was copied from.
    pub(crate) pieces: Vec<offsets::Piece>,
    pub(crate) title: Option<String>,
    pub(crate) published: Option<NaiveDate>,
    pub(crate) author: Option<String>,
    pub(crate) source: Option<String>,
    pub(crate) url: Option<String>,
}

/// One non-blank input line: its content range (markers stripped) and paragraph.
#[derive(Debug)]
struct LineInfo {
    content: Range<usize>,
    paragraph: usize,
    heading: bool,
    code: bool,
}

/// Reads a whole text or Markdown input into one document (without its raw bytes, which the
/// caller adds).
pub(crate) fn read(
    raw: &[u8],
    decoded: &Decoded<'_>,
    origin: &str,
    markdown: bool,
) -> Result<Draft, Problem> {
    let cleaned = clean(&decoded.text, markdown);
    if cleaned.text.trim().is_empty() {
        return Err(Problem::NoText);
    }
    let media_type = if markdown { MediaType::Markdown } else { MediaType::Text };
    let mut draft = Draft::new(origin.to_string(), media_type);
    draft.offsets = offsets::from_pieces(&cleaned.pieces, &cleaned.text, decoded, raw);
    draft.text = cleaned.text;
    draft.title = cleaned.title;
    draft.published = cleaned.published;
    draft.author = cleaned.author;
    draft.source = cleaned.source;
    draft.url = cleaned.url;
    draft.warnings.clone_from(&decoded.warnings);
    Ok(draft)
}

/// Cleans `input`: boilerplate lines dropped, white space folded, Markdown markup removed.
pub(crate) fn clean(input: &str, markdown: bool) -> Cleaned {
    let mut cleaned = Cleaned::default();
    let body_start = if markdown { front_matter(input, &mut cleaned) } else { 0 };
    let lines = split_lines(input, body_start, markdown);
    let views: Vec<Line<'_>> = lines
        .iter()
        .map(|line| Line { text: &input[line.content.clone()], paragraph: line.paragraph })
        .collect();
    let mut keep = boilerplate::keep_mask(&views);

    // The top: a date line and a byline are metadata, not text.
    let mut seen = 0;
    for (index, line) in views.iter().enumerate() {
        if !keep[index] {
            continue;
        }
        seen += 1;
        if seen > HEADER_LINES {
            break;
        }
        if cleaned.published.is_none()
            && let Some(date) =
                dates::parse_date_line(line.text).or_else(|| dates::parse_byline_date(line.text))
        {
            cleaned.published = Some(date);
            keep[index] = false;
            continue;
        }
        if cleaned.author.is_none()
            && let Some(author) = byline(line.text)
        {
            cleaned.author = Some(author);
            keep[index] = false;
        }
    }

    let mut builder = Builder::default();
    let mut previous: Option<&LineInfo> = None;
    // The first emitted line: its clean range, whether it is a heading, and whether it stands
    // alone in its paragraph.
    let mut first_line: Option<(Range<usize>, bool, bool)> = None;
    let mut first_paragraph = None;
    for (line, _) in lines.iter().zip(&keep).filter(|(_, kept)| **kept) {
        let ranges = if markdown && !line.code {
            markdown_ranges(input, line.content.clone())
        } else {
            vec![line.content.clone()]
        };
        if ranges.iter().all(|range| input[range.clone()].trim().is_empty()) {
            continue;
        }
        match previous {
            Some(before) if before.paragraph == line.paragraph => {
                let between = before.content.end..line.content.start;
                if &input[between.clone()] == "\n" {
                    builder.copy(input, between);
                } else {
                    builder.synth("\n");
                }
                if first_paragraph == Some(line.paragraph)
                    && let Some(first) = first_line.as_mut()
                {
                    first.2 = false;
                }
            }
            Some(before) => {
                // Copy the blank line when it is one in the input too: fewer, longer segments.
                let between = before.content.end..line.content.start;
                if &input[between.clone()] == "\n\n" {
                    builder.copy(input, between);
                } else {
                    builder.synth("\n\n");
                }
            }
            None => {}
        }
        let start = builder.text.len();
        for range in ranges {
            emit_collapsed(&mut builder, input, range);
        }
        if first_line.is_none() {
            first_line = Some((start..builder.text.len(), line.heading, true));
            first_paragraph = Some(line.paragraph);
        }
        previous = Some(line);
    }

    // The title: a Markdown heading, or a short first line standing alone in its paragraph.
    if cleaned.title.is_none()
        && let Some((range, heading, alone)) = first_line
    {
        let line = builder.text[range].trim();
        if heading || (alone && line.len() < MAX_TITLE && !line.ends_with('.')) {
            cleaned.title = Some(line.to_string());
        }
    }
    if cleaned.source.is_none() {
        cleaned.source = offsets::paragraphs(&builder.text)
            .into_iter()
            .take(3)
            .find_map(|paragraph| dateline_agency(&builder.text[paragraph]));
    }
    cleaned.text = builder.text;
    cleaned.pieces = builder.pieces;
    cleaned
}

/// The agency of a wire dateline: "MOSCOW, March 24 (Northwire) - ..." gives "Northwire".
fn dateline_agency(paragraph: &str) -> Option<String> {
    let head = &paragraph[..boilerplate::floor_boundary(paragraph, 160)];
    let close = [") - ", ") – ", ") — "].iter().filter_map(|dash| head.find(dash)).min()?;
    let open = head[..close].rfind('(')?;
    let agency = head[open + 1..close].trim();
    let place = head[..open].split(',').next()?.trim();
    let is_place = !place.is_empty()
        && head[..open].contains(',')
        && place.chars().all(|c| !c.is_lowercase())
        && place.chars().any(char::is_uppercase);
    let is_agency = (2..=40).contains(&agency.len()) && agency.starts_with(char::is_uppercase);
    (is_place && is_agency).then(|| agency.to_string())
}

/// The input's non-blank lines, with Markdown block markers stripped and fences dropped.
fn split_lines(input: &str, body_start: usize, markdown: bool) -> Vec<LineInfo> {
    let mut lines = Vec::new();
    let mut paragraph = 0;
    let mut open = false;
    let mut in_code = false;
    let mut position = body_start;
    for raw_line in input[body_start..].split('\n') {
        let line_start = position;
        position += raw_line.len() + 1;
        let trimmed = raw_line.trim();
        let start = line_start + (raw_line.len() - raw_line.trim_start().len());
        let mut content = start..start + trimmed.len();
        let mut heading = false;
        let mut break_after = false;
        if trimmed.is_empty() {
            paragraph += usize::from(open);
            open = false;
            continue;
        }
        if markdown {
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                in_code = !in_code;
                paragraph += usize::from(open);
                open = false;
                continue;
            }
            if !in_code {
                if is_rule(trimmed) || is_link_definition(trimmed) {
                    paragraph += usize::from(open);
                    open = false;
                    continue;
                }
                let (marker, is_heading) = block_marker(trimmed);
                content.start += marker;
                if is_heading {
                    // A heading is a paragraph of its own; closing `#`s are decoration.
                    let text = input[content.clone()].trim_end_matches('#').trim_end();
                    content.end = content.start + text.len();
                    paragraph += usize::from(open);
                    heading = true;
                    break_after = true;
                }
            }
        }
        if content.is_empty() {
            continue;
        }
        lines.push(LineInfo { content, paragraph, heading, code: in_code });
        open = true;
        if break_after {
            paragraph += 1;
            open = false;
        }
    }
    lines
}

/// Copies `input[range]` with runs of spaces and tabs folded to one space. A run that starts with a
/// space keeps that space as part of the copy, so most of the text stays in exact pieces.
fn emit_collapsed(builder: &mut Builder, input: &str, range: Range<usize>) {
    let bytes = input.as_bytes();
    let mut at = range.start;
    if builder.text.ends_with([' ', '\n']) {
        while at < range.end && matches!(bytes[at], b' ' | b'\t') {
            at += 1;
        }
    }
    let mut piece_start = at;
    while at < range.end {
        let byte = bytes[at];
        if byte != b' ' && byte != b'\t' {
            at += 1;
            continue;
        }
        let run_start = at;
        while at < range.end && matches!(bytes[at], b' ' | b'\t') {
            at += 1;
        }
        if byte == b' ' && at - run_start == 1 {
            continue;
        }
        if byte == b' ' {
            builder.copy(input, piece_start..run_start + 1);
        } else {
            builder.copy(input, piece_start..run_start);
            builder.synth(" ");
        }
        piece_start = at;
    }
    builder.copy(input, piece_start..range.end);
}

/// "By Jane Roe" (or "By Jane Roe | Agency"): the author's name.
fn byline(line: &str) -> Option<String> {
    let rest = line.strip_prefix("By ").or_else(|| line.strip_prefix("by "))?;
    let name = rest.split(['|', ',', '–', '—']).next()?.trim();
    let words = name.split_whitespace().count();
    let capitalised = name.chars().next().is_some_and(char::is_uppercase);
    ((1..=6).contains(&words) && capitalised && !name.ends_with('.')).then(|| squash(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_spaces_and_footer() {
        let input = "Blast hits  port city\nMar 3, 2024\nText Size\n\nA  blast struck the\tport.\n  \
                     Two died.\n\n\n• 555 0100 222\n• desk@news.example\n© 2024 News";
        let cleaned = clean(input, false);
        assert_eq!(cleaned.text, "Blast hits port city\n\nA blast struck the port.\nTwo died.");
        assert_eq!(cleaned.title.as_deref(), Some("Blast hits port city"));
        assert_eq!(cleaned.published, NaiveDate::from_ymd_opt(2024, 3, 3));
        // Every piece is a verbatim copy.
        for piece in &cleaned.pieces {
            assert_eq!(&cleaned.text[piece.clean.clone()], &input[piece.src.clone()]);
        }
    }

    #[test]
    fn markdown_markup_is_removed() {
        let input = "---\ntitle: Front title\ndate: 2024-03-22\n---\n# The *big* heading\n\n\
                     Some **bold** and [a link](https://example.org) and `code`.\n\n- item one\n\
                     > quoted snake_case words\n";
        let cleaned = clean(input, true);
        assert_eq!(
            cleaned.text,
            "The big heading\n\nSome bold and a link and code.\n\nitem one\nquoted snake_case words"
        );
        assert_eq!(cleaned.title.as_deref(), Some("Front title"));
        assert_eq!(cleaned.published, NaiveDate::from_ymd_opt(2024, 3, 22));
    }

    #[test]
    fn a_heading_is_the_markdown_title() {
        let cleaned = clean("# Attack on the bridge\nText follows here.\n", true);
        assert_eq!(cleaned.title.as_deref(), Some("Attack on the bridge"));
        assert_eq!(cleaned.text, "Attack on the bridge\n\nText follows here.");
    }

    #[test]
    fn a_wrapped_first_line_is_not_a_title() {
        let cleaned = clean("The convoy was struck near the\nborder crossing at dawn.\n", false);
        assert_eq!(cleaned.title, None);
    }

    #[test]
    fn a_wire_dateline_names_the_agency() {
        let cleaned = clean("Headline\n\nKYIV, May 2 (Eastwire) - Drones struck the port.", false);
        assert_eq!(cleaned.source.as_deref(), Some("Eastwire"));
        assert_eq!(dateline_agency("Officials (who asked not to be named) - said so"), None);
        assert_eq!(dateline_agency("NEW YORK, Jan. 3 (AP) – A man was held."), Some("AP".into()));
    }

    #[test]
    fn byline_sets_the_author() {
        let cleaned = clean("Headline here\nBy Jane Roe | Lantern\n\nBody text.", false);
        assert_eq!(cleaned.author.as_deref(), Some("Jane Roe"));
        assert_eq!(cleaned.text, "Headline here\n\nBody text.");
    }
}
