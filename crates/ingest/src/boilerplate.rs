//! Boilerplate lines: share and navigation widgets, copyright and "powered by" lines, contact
//! details, and the footer block (addresses, phones, e-mails) that closes many pages.
//!
//! Rules are per line and linear in its length. Two strengths apply:
//! - anywhere in the text, a line is dropped when it is *only* a widget, a navigation trail, a
//!   copyright or "powered by" notice, a phone number or an e-mail address;
//! - in the trailing footer block, read upwards from the end, looser rules also drop street
//!   addresses, bare URLs and lines that merely contain a phone number or e-mail address.
//!
//! Choice for the "about the publisher" paragraph: when a footer block of at least two lines was
//! dropped, the paragraph directly above it is dropped too if it reads as a self-description
//! ("X is a London-based institute ..."); publisher blurbs are not part of the report and would
//! otherwise feed the extractor places and organisations that the report never mentions.

/// Lines longer than this are body text, whatever they contain.
const MAX_BOILERPLATE_LINE: usize = 300;

/// A line of text to judge, with the paragraph it belongs to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// The line without leading or trailing white space.
    pub(crate) text: &'a str,
    /// The index of its paragraph (lines of one paragraph are contiguous).
    pub(crate) paragraph: usize,
}

/// Which lines to keep: `false` for boilerplate.
pub(crate) fn keep_mask(lines: &[Line<'_>]) -> Vec<bool> {
    let mut keep: Vec<bool> =
        lines.iter().map(|line| !is_boilerplate_anywhere(line.text)).collect();
    // The footer block: from the end upwards, as long as lines look like footer lines.
    let mut footer_lines = 0;
    let mut last_kept = None;
    for (index, line) in lines.iter().enumerate().rev() {
        if !keep[index] || is_footer_line(line.text) {
            keep[index] = false;
            footer_lines += 1;
        } else {
            last_kept = Some(index);
            break;
        }
    }
    if let Some(last) = last_kept.filter(|_| footer_lines >= 2) {
        let paragraph = lines[last].paragraph;
        let first = lines[..=last]
            .iter()
            .rposition(|line| line.paragraph != paragraph)
            .map_or(0, |i| i + 1);
        let mut text = String::new();
        for line in &lines[first..=last] {
            text.push_str(line.text);
            text.push(' ');
        }
        if is_about_paragraph(&text) {
            keep[first..=last].iter_mut().for_each(|kept| *kept = false);
        }
    }
    keep
}

/// Whether a line is boilerplate wherever it stands.
pub(crate) fn is_boilerplate_anywhere(line: &str) -> bool {
    if line.len() > MAX_BOILERPLATE_LINE {
        return false;
    }
    let body = strip_bullet(line);
    if body.is_empty() {
        return true;
    }
    let lower = body.to_lowercase();
    is_widget(body)
        || is_navigation(body)
        || is_copyright(body, &lower)
        || is_credit(body, &lower)
        || is_email_only(body)
        || is_phone_only(body)
        || is_address(body, true)
}

/// Whether a line belongs to a trailing footer block (looser than [`is_boilerplate_anywhere`]).
pub(crate) fn is_footer_line(line: &str) -> bool {
    if line.len() > MAX_BOILERPLATE_LINE {
        return false;
    }
    let body = strip_bullet(line);
    let lower = body.to_lowercase();
    is_boilerplate_anywhere(body)
        || (body.len() <= 120 && contains_email(body))
        || (body.len() <= 80 && longest_phone_run(body) >= 7)
        || is_address(body, false)
        || is_bare_url(body)
        || ["tags:", "topics:", "filed under", "related:", "source:"]
            .iter()
            .any(|p| lower.starts_with(p))
}

/// Whether a paragraph reads as a publisher's description of itself.
pub(crate) fn is_about_paragraph(text: &str) -> bool {
    const SELF: &str = " is a | is an | is the | are a | is one of | was founded ";
    const ORG: &str = "institute|center|centre|organization|organisation|agency|think tank|\
        foundation|publication|publisher|newspaper|magazine|news |media|company|\
        network|outlet|website|platform|non-profit|nonprofit|charity";
    if text.len() > 700 || text.matches(". ").count() > 4 {
        return false;
    }
    let lower = text.to_lowercase();
    let head = &lower[..floor_boundary(&lower, 200)];
    SELF.split('|').any(|phrase| head.contains(phrase))
        && ORG.split('|').any(|word| lower.contains(word))
}

/// `text` without a leading bullet or list mark (`•`, `-`, `*`, `›`, `|`).
fn strip_bullet(text: &str) -> &str {
    // Most lines start with a letter or digit: nothing to strip.
    if text.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric) {
        return text.trim_end();
    }
    text.trim_start_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '•' | '·'
                    | '●'
                    | '◦'
                    | '▪'
                    | '■'
                    | '□'
                    | '*'
                    | '-'
                    | '–'
                    | '—'
                    | '>'
                    | '»'
                    | '›'
                    | '|'
            )
    })
    .trim_end()
}

/// Share, print, follow and similar widget labels ("Text Size", "Share this", "Follow us").
fn is_widget(text: &str) -> bool {
    const STRONG: &str = "share|print|tweet|facebook|twitter|linkedin|whatsapp|telegram|reddit|\
        pinterest|instagram|youtube|subscribe|newsletter|follow|size|font|\
        advertisement|cookie|cookies|bookmark|comment|comments|menu|skip|login|sign|\
        rss|sitemap|privacy|listen|email|e-mail|top";
    const WEAK: &str = "this|the|us|on|to|a|a+|a-|x|text|copy|link|page|article|story|up|in|log|our|\
        feed|more|read|related|back|content|main|next|previous|save|search|home|\
        settings|accept|policy|terms|of|use|contact|about|mail|shares|via|and|or";
    if text.len() > 60 {
        return false;
    }
    let mut strong = false;
    let mut count = 0;
    for word in text.split(|c: char| c.is_whitespace() || c == '|' || c == '/' || c == ',') {
        let word =
            word.trim_matches(|c: char| matches!(c, ':' | '.' | '!' | '(' | ')' | '[' | ']'));
        if word.is_empty() {
            continue;
        }
        count += 1;
        if listed(STRONG, word) {
            strong = true;
        } else if !listed(WEAK, word) && !word.bytes().all(|byte| byte.is_ascii_digit()) {
            return false;
        }
    }
    strong && count <= 8
}

/// A breadcrumb or menu: three or more short items between `|`, `•`, `›` or `»`.
fn is_navigation(text: &str) -> bool {
    if text.len() > 150 || text.ends_with('.') {
        return false;
    }
    const SEPARATORS: [char; 5] = ['|', '•', '›', '»', '·'];
    // '|', or the lead byte of '•' '›' (E2) or '»' '·' (C2): a cheap test before the real one.
    if !text.bytes().any(|byte| matches!(byte, b'|' | 0xE2 | 0xC2)) || !text.contains(SEPARATORS) {
        return false;
    }
    let items: Vec<&str> = text.split(SEPARATORS).map(str::trim).collect();
    items.len() >= 3 && items.iter().all(|item| item.split_whitespace().count() <= 4)
}

/// "© 2024 ...", "Copyright ...", "... All Rights Reserved." (`lower` is `text` in lowercase.)
fn is_copyright(text: &str, lower: &str) -> bool {
    lower.starts_with('©')
        || lower.starts_with("(c) ")
        || lower.starts_with("copyright")
        || lower.contains("all rights reserved")
        || (text.len() <= 120 && (text.ends_with('©') || copyright_year(text)))
}

/// A `©` followed by a year ("Lantern Media © 2024").
fn copyright_year(text: &str) -> bool {
    text.match_indices('©').any(|(at, sign)| {
        text[at + sign.len()..].trim_start().starts_with(|c: char| c.is_ascii_digit())
    })
}

/// "Powered by ...", "Designed by ..." and other site credits, and the wire-copy credit line
/// "(Reporting by ...; editing by ...)".
fn is_credit(text: &str, lower: &str) -> bool {
    const CREDITS: &str = "powered by|powered with|designed by|developed by|website by|site by|\
        built with|(reporting by|(writing by|(editing by|(additional reporting|\
        (compiled by";
    let wire = lower.starts_with('(') && lower.ends_with(')');
    (text.len() <= 100 || wire) && CREDITS.split('|').any(|credit| lower.starts_with(credit))
}

/// Words that may label a contact detail ("Email:", "Tel.", "Contact us at").
fn is_contact_label(word: &str) -> bool {
    const LABELS: &str = "email|e-mail|mail|contact|us|at|to|write|press|media|info|enquiries|\
        inquiries|for|or|tel|phone|telephone|fax|mobile|mob|call|t|f|m|p|hotline";
    let word = word.trim_matches(|c: char| matches!(c, ':' | '.' | ',' | '|' | '(' | ')'));
    word.is_empty() || listed(LABELS, word)
}

fn is_email(word: &str) -> bool {
    let word =
        word.trim_matches(|c: char| matches!(c, ':' | ',' | ';' | '<' | '>' | '(' | ')' | '.'));
    match word.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty() && domain.contains('.') && !domain.starts_with('.')
        }
        None => false,
    }
}

fn contains_email(text: &str) -> bool {
    text.contains('@') && text.split_whitespace().any(is_email)
}

/// A line that is only one or more e-mail addresses and their labels.
fn is_email_only(text: &str) -> bool {
    contains_email(text)
        && text.split_whitespace().all(|word| is_email(word) || is_contact_label(word))
}

/// A line that is only one or more phone numbers and their labels.
fn is_phone_only(text: &str) -> bool {
    let mut digits = 0;
    for word in text.split_whitespace() {
        let phone = word.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, '+' | '-' | '(' | ')' | '.' | '/' | '–' | 'x')
        });
        if phone {
            digits += word.bytes().filter(u8::is_ascii_digit).count();
        } else if !is_contact_label(word) && !word.eq_ignore_ascii_case("ext") {
            return false;
        }
    }
    (7..=30).contains(&digits)
}

/// The most digits in one run of phone characters (digits, spaces, `+-().`).
fn longest_phone_run(text: &str) -> usize {
    let mut best = 0;
    let mut run = 0;
    for c in text.chars() {
        if c.is_ascii_digit() {
            run += 1;
            best = best.max(run);
        } else if !matches!(c, ' ' | '+' | '-' | '(' | ')' | '.') {
            run = 0;
        }
    }
    best
}

/// A street address. `strict` (for lines anywhere) also asks for two commas and a postcode or
/// a numbered street; in the footer a number next to a street word is enough.
fn is_address(text: &str, strict: bool) -> bool {
    const STREET: &str = "road|rd|street|st|avenue|ave|boulevard|blvd|lane|ln|drive|floor|fl|suite|ste|\
        building|bldg|box|square|plaza|highway|hwy|court|place|tower|straße";
    if text.len() > 150 || text.ends_with('.') && !text.ends_with(" St.") {
        return false;
    }
    let commas = text.bytes().filter(|&byte| byte == b',').count();
    if strict && commas < 2 {
        return false;
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| !word.is_empty())
        .collect();
    let has_digit = text.bytes().any(|byte| byte.is_ascii_digit());
    let has_street = words.iter().any(|word| {
        let word = word.trim_end_matches('.');
        listed(STREET, word)
    });
    let postcode = has_postcode(&words);
    if strict {
        commas >= 2 && (postcode || (has_digit && has_street)) && words.len() <= 20
    } else {
        postcode || (has_digit && has_street) || (commas >= 2 && has_digit && words.len() <= 12)
    }
}

/// A UK postcode ("TW8 9DW"), or a US state and ZIP ("VA 22201").
fn has_postcode(words: &[&str]) -> bool {
    words.windows(2).any(|pair| {
        let (first, second) = (pair[0], pair[1]);
        let uk_outward = (2..=4).contains(&first.len())
            && first.starts_with(|c: char| c.is_ascii_uppercase())
            && first.bytes().all(|byte| byte.is_ascii_uppercase() || byte.is_ascii_digit())
            && first.bytes().any(|byte| byte.is_ascii_digit());
        let uk_inward = second.len() == 3
            && second.as_bytes()[0].is_ascii_digit()
            && second.bytes().skip(1).all(|byte| byte.is_ascii_uppercase());
        let us_state = first.len() == 2 && first.bytes().all(|byte| byte.is_ascii_uppercase());
        let zip = second.len() == 5 && second.bytes().all(|byte| byte.is_ascii_digit());
        (uk_outward && uk_inward) || (us_state && zip)
    })
}

fn is_bare_url(text: &str) -> bool {
    let lower = text.to_lowercase();
    !text.contains(' ')
        && (lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www."))
}

/// Whether `word` is in the `|`-separated `list`, ignoring ASCII case.
fn listed(list: &str, word: &str) -> bool {
    list.split('|').any(|entry| entry.eq_ignore_ascii_case(word))
}

/// The largest char boundary of `text` at or below `index`.
pub(crate) fn floor_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widgets_and_notices_go_anywhere() {
        for line in [
            "Text Size",
            "Share",
            "Print",
            "Follow us",
            "Subscribe",
            "Share this article",
            "Facebook | Twitter | LinkedIn",
            "  •  ",
            "© 2024 Harbour Press Ltd.",
            "Copyright 2023 The Daily Lantern",
            "Lantern Media, All Rights Reserved.",
            "Powered by Quillsite",
            "(Reporting by the Leeds bureau; editing by Sam Tate)",
            "info@lantern-news.example",
            "Email: desk@lantern-news.example",
            "+1 (555) 013-2447",
            "Tel: 020 7946 0321",
            "Home | World | Europe | Analysis",
            "Lantern House, 4th floor, 12 Quay Street, Leeds LS1 4AP",
        ] {
            assert!(is_boilerplate_anywhere(line), "{line}");
        }
    }

    #[test]
    fn body_lines_stay() {
        for line in [
            "Gunmen attacked the concert hall on Friday evening.",
            "Share prices fell sharply after the explosion in the port.",
            "Police said the suspects drove along Mill Road, where 3 checkpoints had been set up.",
            "The group claimed the attack through its news agency.",
            "IS Khorasan vs. Russia",
            "Follow the money: how the cell was funded",
            "He was born on 12 June 1990 in Dushanbe.",
        ] {
            assert!(!is_boilerplate_anywhere(line), "{line}");
        }
    }

    #[test]
    fn the_footer_block_and_the_blurb_above_it_go() {
        let texts = [
            "Attack headline",
            "Body paragraph one, with several words in it.",
            "The Lantern is a Leeds-based news agency covering security in the north.",
            "• 0113 496 0000",
            "• desk@lantern.example",
            "• Lantern House, 2nd floor, 5 Dock Road, Leeds",
            "© 2024 Lantern",
        ];
        let paragraphs = [0, 1, 2, 3, 3, 3, 3];
        let lines: Vec<Line<'_>> = texts
            .iter()
            .zip(paragraphs)
            .map(|(text, paragraph)| Line { text, paragraph })
            .collect();
        assert_eq!(keep_mask(&lines), vec![true, true, false, false, false, false, false]);
    }

    #[test]
    fn an_ordinary_last_paragraph_stays() {
        let texts = ["Headline", "The ministry is a key player in the talks.", "Share"];
        let lines: Vec<Line<'_>> =
            texts.iter().enumerate().map(|(paragraph, text)| Line { text, paragraph }).collect();
        // Only one footer line: the paragraph above it is not a footer blurb.
        assert_eq!(keep_mask(&lines), vec![true, true, false]);
    }
}
