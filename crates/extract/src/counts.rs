//! Counts of people with their qualifiers ("some 140", "at least 133", "dozens").
//!
//! This module owns finding cardinal quantities in running text, in digits or words, in mixed
//! case or ALL-CAPS ("SIX PEASANTS WERE KILLED"), and turning each into the codebook's
//! [`Count`], with the span of the noun phrase that follows so the caller can tell victims from
//! vehicles. It does not decide what is counted (killed, injured, arrested): the incident reader
//! does, from the verb around the mention.
//!
//! # Rules
//!
//! | text | best | min | max | qualifier |
//! | --- | --- | --- | --- | --- |
//! | "six", "140", "a dozen", "two dozen" | n | - | - | exact |
//! | "some", "about", "around", "roughly", "nearly", "almost", "approximately", "an estimated", "close to" n | n | - | - | approximately |
//! | "at least", "more than", "over", "upwards of", "in excess of", "no fewer than" n | n | n | - | at_least |
//! | "up to", "as many as", "at most", "no more than", "fewer than", "less than" n | n | - | n | at_most |
//! | "133 to 137", "133-137", "two or three", "between 40 and 60" | low | low | high | approximately |
//! | "dozens (of)" | 24 | 24 | - | dozens |
//! | "several" / "a few" | 3 | 3 / 2 | - | several |
//! | "a couple of" | 2 | - | - | approximately |
//! | "scores of" / "hundreds" / "thousands" / "tens of thousands" / "hundreds of thousands" / "millions" | 40 / 200 / 2,000 / 20,000 / 200,000 / 2,000,000 | same | - | at_least |
//!
//! "More than 100" keeps `min` = 100 rather than 101: the codebook compares numbers within 10%,
//! and the figure the text gives is the one an analyst looks for. A range's best figure is its
//! lower end, the conservative reading. "Scores of" needs its "of" (exam scores are not people).
//!
//! Not counts: years ("in 1988", "2024"), dates ("March 22", "12 JAN 90", "22/03/2024"),
//! times ("10:30", "2330 GMT", "at 2330"), percentages, money ("$5", "5 dollars"), ages
//! ("aged 17"), decimals without a scale word, identifiers ("Section 8", "No. 4", "Flight
//! 17"; in mixed case any number right after a capitalised name, "Mazda 626"), ordinals (they are
//! words: "third", "22nd"), and "one" in "one of" / "no one".

use vigil_domain::{Count, CountQualifier};

use crate::text::lexicon::{Kw, Lex};
use crate::text::numbers::{self, Number};
use crate::text::{CaseMode, TextIndex, TokenKind};

/// At most this many words make the noun phrase after a count.
const MAX_NOUN_WORDS: usize = 4;

/// A quantity in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct CountMention {
    /// Byte offset of the first character (the qualifier's, when there is one).
    pub start: usize,
    /// Byte offset just past the number (exclusive); the noun is not included.
    pub end: usize,
    /// The figure with its bounds and qualifier.
    pub count: Count,
    /// Byte span of the noun phrase that follows ("civilian victims", "IS members"), if any.
    pub noun: Option<(usize, usize)>,
}

/// Every quantity in `text`, sorted by start and non-overlapping.
pub fn find_counts(text: &str) -> Vec<CountMention> {
    find_counts_in(&TextIndex::new(text))
}

/// Parses a whole string as one cardinal number: "six", "twenty-three", "one hundred and
/// forty", "a dozen", "1,200", "three hundred". `None` if the string holds anything else.
pub fn parse_number_words(words: &str) -> Option<u32> {
    numbers::parse_number_words(words)
}

/// [`find_counts`] over an already built [`TextIndex`], for callers that also run
/// [`crate::dates::find_dates_in`] and so tokenize the text once.
pub fn find_counts_in(view: &TextIndex<'_>) -> Vec<CountMention> {
    let mut out = Vec::new();
    let mut index = 0;
    while index < view.len() {
        let found = if may_start_count(view, index) { count_at(view, index) } else { None };
        match found {
            Some((count, end)) => {
                let noun = noun_after(view, end);
                // "millions of dollars", "20,000 Colombian pesos": amounts of money, not counts.
                let money = noun.is_some_and(|(first, last)| {
                    (first..last).any(|at| numbers::is_unit_of_measure(view, at))
                });
                if !money {
                    out.push(CountMention {
                        start: view.start(index),
                        end: view.end(end - 1),
                        count,
                        noun: noun.map(|(first, last)| (view.start(first), view.end(last - 1))),
                    });
                }
                index = end;
            }
            None => index += 1,
        }
    }
    out
}

/// Keywords a count can start with.
#[rustfmt::skip]
const STARTERS: [Kw; 28] = [
    Kw::Some, Kw::About, Kw::Around, Kw::Roughly, Kw::Nearly, Kw::Almost, Kw::Approximately,
    Kw::Estimated, Kw::A, Kw::Close, Kw::Up, Kw::At, Kw::More, Kw::Fewer, Kw::Less, Kw::Over,
    Kw::Upwards, Kw::In, Kw::No, Kw::As, Kw::Between, Kw::Dozens, Kw::Scores, Kw::Tens,
    Kw::Hundreds, Kw::Thousands, Kw::Millions, Kw::Several,
];

/// Whether a count can start at token `index`: a cheap filter so most words are skipped.
fn may_start_count(view: &TextIndex<'_>, index: usize) -> bool {
    match view.lex(index) {
        Lex::Other => match view.kind(index) {
            Some(TokenKind::Number) => true,
            Some(TokenKind::Word) => view.str(index).starts_with(|ch: char| ch.is_ascii_digit()),
            _ => false,
        },
        Lex::Num(_) => true,
        Lex::Kw(kw) => STARTERS.contains(&kw),
        _ => false,
    }
}

/// The count starting at token `index` and the token index just past it.
fn count_at(view: &TextIndex<'_>, index: usize) -> Option<(Count, usize)> {
    if let Some((qualifier, after)) = qualifier(view, index) {
        let (count, end) = vague(view, after).or_else(|| number(view, after))?;
        let count = match (count.qualifier, count.max) {
            // A qualifier before a range or a vague word adds nothing to it.
            (CountQualifier::Exact, None) => with_qualifier(count.best, qualifier),
            _ => count,
        };
        return Some((count, end));
    }
    if view.lex(index) == Lex::Kw(Kw::Between) {
        let (low, and) = figure(view, index + 1)?;
        if view.lex(and) != Lex::Kw(Kw::And) {
            return None;
        }
        let (high, end) = figure(view, and + 1)?;
        return (high.value > low.value).then(|| (range(low.value, high.value), end));
    }
    vague(view, index).or_else(|| number(view, index))
}

fn with_qualifier(best: u32, qualifier: CountQualifier) -> Count {
    let (min, max) = match qualifier {
        CountQualifier::AtLeast => (Some(best), None),
        CountQualifier::AtMost => (None, Some(best)),
        _ => (None, None),
    };
    Count { best, min, max, qualifier }
}

fn range(low: u32, high: u32) -> Count {
    Count { best: low, min: Some(low), max: Some(high), qualifier: CountQualifier::Approximately }
}

/// A qualifier phrase at `index` and the token index after it.
fn qualifier(view: &TextIndex<'_>, index: usize) -> Option<(CountQualifier, usize)> {
    use CountQualifier::{Approximately, AtLeast, AtMost};
    let next = view.lex(index + 1);
    let found = match (view.lex(index), next) {
        (Lex::Kw(Kw::Some | Kw::About | Kw::Around | Kw::Roughly | Kw::Nearly), _)
        | (Lex::Kw(Kw::Almost | Kw::Approximately | Kw::Estimated), _) => {
            (Approximately, index + 1)
        }
        (Lex::Kw(Kw::A), Lex::Kw(Kw::Estimated)) => (Approximately, index + 2),
        (Lex::Kw(Kw::Close | Kw::Up), Lex::Kw(Kw::To)) => {
            let close = view.lex(index) == Lex::Kw(Kw::Close);
            (if close { Approximately } else { AtMost }, index + 2)
        }
        (Lex::Kw(Kw::At), Lex::Kw(Kw::Least)) => (AtLeast, index + 2),
        (Lex::Kw(Kw::At), Lex::Kw(Kw::Most)) => (AtMost, index + 2),
        (Lex::Kw(Kw::More), Lex::Kw(Kw::Than)) => (AtLeast, index + 2),
        (Lex::Kw(Kw::Fewer | Kw::Less), Lex::Kw(Kw::Than)) => (AtMost, index + 2),
        (Lex::Kw(Kw::Over), _) => (AtLeast, index + 1),
        (Lex::Kw(Kw::Upwards), Lex::Kw(Kw::Of)) => (AtLeast, index + 2),
        (Lex::Kw(Kw::In), _) if view.is_word(index + 1, "excess") => {
            (view.lex(index + 2) == Lex::Kw(Kw::Of)).then_some((AtLeast, index + 3))?
        }
        (Lex::Kw(Kw::No), Lex::Kw(Kw::Fewer | Kw::Less | Kw::More)) => {
            let at_least = next != Lex::Kw(Kw::More);
            let than = view.lex(index + 2) == Lex::Kw(Kw::Than);
            than.then_some((if at_least { AtLeast } else { AtMost }, index + 3))?
        }
        (Lex::Kw(Kw::As), Lex::Kw(Kw::Many)) if view.lex(index + 2) == Lex::Kw(Kw::As) => {
            (AtMost, index + 3)
        }
        _ => return None,
    };
    Some(found)
}

/// Vague quantities: "dozens", "scores of", "hundreds", "several", "a few", "a couple of".
fn vague(view: &TextIndex<'_>, index: usize) -> Option<(Count, usize)> {
    let at_least = |best, end| {
        Some((Count { best, min: Some(best), max: None, qualifier: CountQualifier::AtLeast }, end))
    };
    let of_thousands =
        view.lex(index + 1) == Lex::Kw(Kw::Of) && view.lex(index + 2) == Lex::Kw(Kw::Thousands);
    match (view.lex(index), view.lex(index + 1)) {
        (Lex::Kw(Kw::Dozens), _) => {
            let count =
                Count { best: 24, min: Some(24), max: None, qualifier: CountQualifier::Dozens };
            Some((count, index + 1))
        }
        (Lex::Kw(Kw::Scores), Lex::Kw(Kw::Of)) => at_least(40, index + 1),
        (Lex::Kw(Kw::Tens), _) if of_thousands => at_least(20_000, index + 3),
        (Lex::Kw(Kw::Hundreds), _) if of_thousands => at_least(200_000, index + 3),
        (Lex::Kw(Kw::Hundreds), _) => at_least(200, index + 1),
        (Lex::Kw(Kw::Thousands), _) => at_least(2_000, index + 1),
        (Lex::Kw(Kw::Millions), _) => at_least(2_000_000, index + 1),
        (Lex::Kw(Kw::Several), _) => {
            let count =
                Count { best: 3, min: Some(3), max: None, qualifier: CountQualifier::Several };
            Some((count, index + 1))
        }
        (Lex::Kw(Kw::A), Lex::Kw(Kw::Few)) => {
            let count =
                Count { best: 3, min: Some(2), max: None, qualifier: CountQualifier::Several };
            Some((count, index + 2))
        }
        (Lex::Kw(Kw::A), Lex::Kw(Kw::Couple)) if view.lex(index + 2) == Lex::Kw(Kw::Of) => {
            let count =
                Count { best: 2, min: None, max: None, qualifier: CountQualifier::Approximately };
            Some((count, index + 2))
        }
        _ => None,
    }
}

/// A number at `index`, possibly a range ("133 to 137", "two or three", "133-137").
fn number(view: &TextIndex<'_>, index: usize) -> Option<(Count, usize)> {
    if let Some(range) = hyphen_range(view, index) {
        return Some(range);
    }
    let (first, end) = figure(view, index)?;
    let exact = Count { best: first.value, min: None, max: None, qualifier: CountQualifier::Exact };
    let joined = matches!(view.lex(end), Lex::Kw(Kw::To | Kw::Or))
        || view.is_punct(end, '-')
        || view.is_punct(end, '–');
    if joined
        && let Some((second, second_end)) = figure(view, end + 1)
        && second.value > first.value
        && second.digits == first.digits
    {
        return Some((range(first.value, second.value), second_end));
    }
    Some((exact, end))
}

/// "133-137" or "1,200-1,500" written as one word.
fn hyphen_range(view: &TextIndex<'_>, index: usize) -> Option<(Count, usize)> {
    let text = view.str(index);
    if view.kind(index) != Some(TokenKind::Word)
        || !text.starts_with(|ch: char| ch.is_ascii_digit())
    {
        return None;
    }
    let (low, high) = text.split_once('-')?;
    let value = |part: &str| {
        let digits = part.bytes().all(|byte| byte.is_ascii_digit() || byte == b',');
        if digits && !part.is_empty() { part.replace(',', "").parse::<u32>().ok() } else { None }
    };
    let (low, high) = (value(low)?, value(high)?);
    // "1988-1990" is a span of years, not a count.
    let years = (1800..=2100).contains(&low) && (1800..=2100).contains(&high);
    (high > low && !years).then(|| (range(low, high), index + 1))
}

/// A number at `index` that is a count, not a year, date, time, amount or identifier.
fn figure(view: &TextIndex<'_>, index: usize) -> Option<(Number, usize)> {
    let number = numbers::parse_at(view, index)?;
    let end = number.end;
    if numbers::is_unit_of_measure(view, end) {
        return None;
    }
    if number.digits {
        if !numbers::digits_are_count(view, index, end) {
            return None;
        }
    } else if number.value == 1 && end == index + 1 {
        // "one of them", "no one", "one another": not a count of one.
        let before = index.checked_sub(1).map_or(Lex::Other, |at| view.lex(at));
        let after = view.lex(end);
        if matches!(after, Lex::Stop | Lex::Kw(Kw::Of | Kw::And | Kw::Or | Kw::A))
            || matches!(before, Lex::Kw(Kw::No | Kw::The | Kw::That | Kw::This | Kw::At))
        {
            return None;
        }
    }
    Some((number, end))
}

/// The noun phrase after a count, as token indexes `first..last`: skips "of", "the", "other",
/// "more", then takes up to four content words, dropping trailing participles ("people killed"
/// is "people").
fn noun_after(view: &TextIndex<'_>, end: usize) -> Option<(usize, usize)> {
    let mut index = end;
    if view.lex(index) == Lex::Kw(Kw::Of) {
        index += 1;
        if view.lex(index) == Lex::Kw(Kw::The) {
            index += 1;
        }
    }
    while matches!(view.lex(index), Lex::Kw(Kw::Other | Kw::More)) {
        index += 1;
    }
    let first = index;
    while index < first + MAX_NOUN_WORDS && is_noun_word(view, index) {
        // "GUNSHIPS OPENED FIRE": a participle after a plural noun starts the verb phrase.
        if index > first
            && is_participle(view.str(index))
            && view.str(index - 1).ends_with(['s', 'S'])
        {
            break;
        }
        index += 1;
    }
    while index > first + 1 && is_participle(view.str(index - 1)) {
        index -= 1;
    }
    (index > first).then_some((first, index))
}

/// A participle or predicative adjective that follows a noun rather than belonging to it:
/// "people killed", "schoolgirls taken", "PEOPLE DEAD".
fn is_participle(word: &str) -> bool {
    let bytes = word.as_bytes();
    let ends = |suffix: &[u8]| {
        bytes.len() > suffix.len()
            && bytes[bytes.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    const IRREGULAR: [&str; 13] = [
        "taken", "seen", "held", "found", "shot", "hurt", "left", "sent", "caught", "dead",
        "alive", "homeless", "stolen",
    ];
    ends(b"ed") || ends(b"ing") || IRREGULAR.iter().any(|known| word.eq_ignore_ascii_case(known))
}

/// A word that can be part of a noun phrase; in mixed case, acronyms such as "IS" always are.
fn is_noun_word(view: &TextIndex<'_>, index: usize) -> bool {
    if view.kind(index) != Some(TokenKind::Word) {
        return false;
    }
    let word = view.str(index);
    let acronym = view.mode == CaseMode::Mixed
        && word.len() >= 2
        && word.bytes().all(|byte| byte.is_ascii_uppercase());
    acronym || !view.lex(index).ends_phrase()
}
