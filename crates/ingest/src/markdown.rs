//! Markdown, read as text: block markers (headings, quotes, list marks, rules, fences are
//! handled by the text reader's line splitter), inline markup removed by ranges so what stays is
//! still copied verbatim, and YAML front matter.

use std::ops::Range;

use crate::dates;
use crate::text::Cleaned;

/// The length of a leading Markdown heading, quote or list marker, and whether it is a heading.
pub(crate) fn block_marker(line: &str) -> (usize, bool) {
    let bytes = line.as_bytes();
    let hashes = bytes.iter().take_while(|&&byte| byte == b'#').count();
    if (1..=6).contains(&hashes) && bytes.get(hashes).is_none_or(|&byte| byte == b' ') {
        return (skip_spaces(bytes, hashes), true);
    }
    let mut at = 0;
    while bytes.get(at) == Some(&b'>') {
        at = skip_spaces(bytes, at + 1);
    }
    if matches!(bytes.get(at), Some(b'-' | b'*' | b'+')) && bytes.get(at + 1) == Some(&b' ') {
        at = skip_spaces(bytes, at + 1);
    } else {
        let digits = bytes[at..].iter().take_while(|byte| byte.is_ascii_digit()).count();
        if (1..=3).contains(&digits)
            && matches!(bytes.get(at + digits), Some(b'.' | b')'))
            && bytes.get(at + digits + 1) == Some(&b' ')
        {
            at = skip_spaces(bytes, at + digits + 1);
        }
    }
    (at, false)
}

fn skip_spaces(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at) == Some(&b' ') {
        at += 1;
    }
    at
}

/// `---`, `***`, `___` or a setext underline `===`.
pub(crate) fn is_rule(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| *c != ' ').collect();
    compact.len() >= 3
        && ['-', '*', '_', '='].iter().any(|mark| compact.chars().all(|c| c == *mark))
}

/// `[id]: https://...`
pub(crate) fn is_link_definition(line: &str) -> bool {
    line.starts_with('[') && line.find("]:").is_some_and(|at| !line[1..at].contains('['))
}

/// The ranges of a Markdown line left once inline markup is removed: emphasis and code marks,
/// link brackets and targets (the link text stays).
pub(crate) fn markdown_ranges(input: &str, line: Range<usize>) -> Vec<Range<usize>> {
    let bytes = input.as_bytes();
    let end = line.end;
    let mut ranges = Vec::new();
    let mut keep_from = line.start;
    let mut cut = |from: usize, to: usize, keep_from: &mut usize| {
        if from > *keep_from {
            ranges.push(*keep_from..from);
        }
        *keep_from = to;
    };
    let mut pending_target: Option<Range<usize>> = None;
    let mut at = line.start;
    while at < end {
        if let Some(target) = pending_target.as_ref().filter(|target| target.start == at) {
            let target_end = target.end;
            cut(at, target_end, &mut keep_from);
            at = target_end;
            pending_target = None;
            continue;
        }
        match bytes[at] {
            b'[' | b'!' if pending_target.is_none() => {
                let open = if bytes[at] == b'!' { at + 1 } else { at };
                match (bytes.get(open), link_target(bytes, open, end)) {
                    (Some(b'['), Some(target)) => {
                        cut(at, open + 1, &mut keep_from);
                        at = open + 1;
                        pending_target = Some(target);
                    }
                    _ => at += 1,
                }
            }
            mark @ (b'*' | b'_' | b'~' | b'`') => {
                let run = bytes[at..end].iter().take_while(|&&byte| byte == mark).count();
                let before = input[..at].chars().next_back();
                let after = input[at + run..end].chars().next();
                let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
                let drop = match mark {
                    b'`' => true,
                    b'~' => run >= 2,
                    b'*' => !(space(before) && space(after)),
                    _ => !(word(before) && word(after)),
                };
                if drop {
                    cut(at, at + run, &mut keep_from);
                }
                at += run;
            }
            _ => at += 1,
        }
    }
    if end > keep_from {
        ranges.push(keep_from..end);
    }
    ranges
}

/// For `[` at `open`: the range `](target)` or `][ref]` that closes the link, if there is one.
fn link_target(bytes: &[u8], open: usize, end: usize) -> Option<Range<usize>> {
    let close = open + 1 + bytes.get(open + 1..end)?.iter().position(|&byte| byte == b']')?;
    let closer = match bytes.get(close + 1) {
        Some(b'(') => b')',
        Some(b'[') => b']',
        _ => return None,
    };
    let target_end =
        close + 2 + bytes.get(close + 2..end)?.iter().position(|&byte| byte == closer)?;
    Some(close..target_end + 1)
}

/// Reads YAML-style front matter (`---` ... `---`) at the top of Markdown into `cleaned`;
/// returns where the body starts (0 when there is none).
pub(crate) fn front_matter(input: &str, cleaned: &mut Cleaned) -> usize {
    let Some(rest) = input.strip_prefix("---\n").or_else(|| input.strip_prefix("---\r\n")) else {
        return 0;
    };
    let mut position = input.len() - rest.len();
    let mut fields = Vec::new();
    for line in rest.split('\n').take(60) {
        position += line.len() + 1;
        let line = line.trim();
        if line == "---" || line == "..." {
            for (key, value) in fields {
                apply_front_field(cleaned, key, value);
            }
            return position.min(input.len());
        }
        if let Some((key, value)) = line.split_once(':') {
            fields.push((key.trim(), value.trim().trim_matches(['"', '\''])));
        }
    }
    0
}

fn apply_front_field(cleaned: &mut Cleaned, key: &str, value: &str) {
    if value.is_empty() {
        return;
    }
    match key.to_ascii_lowercase().as_str() {
        "title" => cleaned.title = Some(value.to_string()),
        "date" | "published" => cleaned.published = dates::parse_date(value),
        "author" => cleaned.author = Some(value.to_string()),
        "source" | "publisher" => cleaned.source = Some(value.to_string()),
        "url" | "link" => cleaned.url = Some(value.to_string()),
        _ => {}
    }
}
