//! Cardinal numbers written in digits or words: "140", "1,200", "1.5 million", "twenty-three",
//! "one hundred and forty", "a dozen", "two thousand five hundred".
//!
//! The parser works on a [`TextIndex`] so the count reader can find where a number ends (and what
//! follows it) without re-tokenizing. Values must fit in a `u32`; anything larger, and any
//! decimal without a scale word ("3.5"), is reported as not a whole count. The checks that
//! tell a quantity from a year, date, time, amount or identifier written in digits live here
//! too, so that every reader agrees on them.

use super::lexicon::{Kw, Lex};
use super::view::TextIndex;
use super::{CaseMode, TokenKind};

/// A number found at a token index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Number {
    /// Its value.
    pub(crate) value: u32,
    /// The token index just past it.
    pub(crate) end: usize,
    /// Written in digits (possibly with a scale word: "1.5 million").
    pub(crate) digits: bool,
}

/// Parses the number starting at token `start`, if one does.
///
/// Returns `None` for decimals without a scale word, values beyond `u32`, and words that are not
/// cardinals ("hundreds" and "dozens" are vague quantities, left to the count reader).
pub(crate) fn parse_at(view: &TextIndex<'_>, start: usize) -> Option<Number> {
    if view.kind(start) == Some(TokenKind::Number) {
        return parse_digits(view, start);
    }
    let (mut current, mut index): (u64, usize) = match (view.lex(start), view.lex(start + 1)) {
        // "a hundred", "a dozen", "a thousand": the article stands for one.
        (Lex::Kw(Kw::A), Lex::Scale(_) | Lex::Kw(Kw::Dozen)) => (1, start + 1),
        (Lex::Num(_), _) => (0, start),
        _ => return None,
    };
    let mut total: u64 = 0;
    let mut last = Lex::Other;
    let mut last_big = u64::MAX;
    loop {
        match view.lex(index) {
            Lex::Num(n) => {
                let n = u64::from(n);
                let joins_tens =
                    matches!(last, Lex::Num(tens) if tens >= 20 && tens % 10 == 0) && n < 10;
                if matches!(last, Lex::Num(_)) && !joins_tens {
                    break;
                }
                current += n;
            }
            Lex::Scale(100) if current > 0 && current < 100 => current *= 100,
            Lex::Scale(scale) if current > 0 && u64::from(scale) < last_big && scale > 100 => {
                total += current * u64::from(scale);
                current = 0;
                last_big = u64::from(scale);
            }
            Lex::Kw(Kw::Dozen) if current > 0 && current < 100 => current *= 12,
            // "one hundred and forty": "and" only joins a scale to a smaller number.
            Lex::Kw(Kw::And)
                if matches!(last, Lex::Scale(_)) && matches!(view.lex(index + 1), Lex::Num(_)) => {}
            _ => break,
        }
        last = view.lex(index);
        index += 1;
    }
    let value = u32::try_from(total + current).ok()?;
    Some(Number { value, end: index, digits: false })
}

/// "140", "1,200", "1.5 million", "3 thousand".
fn parse_digits(view: &TextIndex<'_>, start: usize) -> Option<Number> {
    let text = view.str(start);
    let scale = match view.lex(start + 1) {
        Lex::Scale(scale) => Some(u64::from(scale)),
        _ => None,
    };
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if !fraction.is_empty() && scale.is_none()
        || !fraction.bytes().all(|byte| byte.is_ascii_digit())
    {
        return None;
    }
    let mut value: u64 = 0;
    for byte in whole.bytes().filter(|&byte| byte != b',') {
        value = value.checked_mul(10)?.checked_add(u64::from(byte - b'0'))?;
    }
    let end = if let Some(scale) = scale {
        // Keep three fractional digits at most: "1.25 million" is 1,250,000.
        let mut fraction_value: u64 = 0;
        let mut denominator: u64 = 1;
        for byte in fraction.bytes().take(3) {
            fraction_value = fraction_value * 10 + u64::from(byte - b'0');
            denominator *= 10;
        }
        value = value.checked_mul(scale)?.checked_add(fraction_value * scale / denominator)?;
        start + 2
    } else {
        start + 1
    };
    let value = u32::try_from(value).ok()?;
    Some(Number { value, end, digits: true })
}

/// Parses a whole string as one number: "six", "twenty-three", "one hundred and forty",
/// "a dozen", "1,200", "three hundred". `None` if anything else is in the string.
pub(crate) fn parse_number_words(words: &str) -> Option<u32> {
    let view = TextIndex::new(words);
    let number = parse_at(&view, 0)?;
    (number.end == view.len()).then_some(number.value)
}

/// Whether token `index` is a percent sign or a currency: what makes a number an amount.
pub(crate) fn is_unit_of_measure(view: &TextIndex<'_>, index: usize) -> bool {
    const UNITS: [&str; 22] = [
        "dollars",
        "dollar",
        "euros",
        "pounds",
        "rubles",
        "roubles",
        "yuan",
        "rupees",
        "pesos",
        "colones",
        "quetzales",
        "cordobas",
        "intis",
        "australes",
        "sucres",
        "bolivares",
        "francs",
        "marks",
        "usd",
        "eur",
        "cents",
        "percent",
    ];
    view.is_punct(index, '%')
        || view.lex(index) == Lex::Kw(Kw::Percent)
        || UNITS.iter().any(|unit| view.is_word(index, unit))
}

/// Whether the digits at `index..end` are a quantity rather than a date, year, time, amount of
/// money, identifier or age: the checks only numbers written in digits need.
pub(crate) fn digits_are_count(view: &TextIndex<'_>, index: usize, end: usize) -> bool {
    let text = view.str(index);
    let previous = index.checked_sub(1);
    let before = |offset: usize| index.checked_sub(offset).map_or(Lex::Other, |at| view.lex(at));
    let is_month = |lex: Lex| matches!(lex, Lex::Month(_) | Lex::MonthAbbr(_));
    let previous_word = previous.map_or("", |at| view.str(at));
    // Dates: "March 22", "22 March", "Sept. 11", "12 JAN 90", "22/03/2024", "10:30".
    let month_before =
        is_month(before(1)) || (view.is_punct(index.wrapping_sub(1), '.') && is_month(before(2)));
    let month_after = is_month(view.lex(end))
        || (view.lex(end) == Lex::Kw(Kw::Of) && is_month(view.lex(end + 1)));
    let glued = |at: usize, ch: char| view.is_punct(at, ch);
    let separated = (previous.is_some_and(|at| view.touches_next(at))
        && (glued(index - 1, '/') || glued(index - 1, ':')))
        || (view.touches_next(index) && (glued(index + 1, '/') || glued(index + 1, ':')));
    if month_before || month_after || separated {
        return false;
    }
    // Money and identifiers: "$5", "#3", "No. 4", "Section 8", "Mazda 626".
    if ["$", "€", "£", "¥", "₽", "#", "©"].contains(&previous_word) {
        return false;
    }
    let numbered = |word: &str| {
        const NAMES: [&str; 18] = [
            "no",
            "nos",
            "number",
            "section",
            "article",
            "chapter",
            "page",
            "paragraph",
            "resolution",
            "flight",
            "route",
            "highway",
            "room",
            "carrera",
            "calle",
            "km",
            "law",
            "decree",
        ];
        NAMES.iter().any(|name| word.eq_ignore_ascii_case(name))
    };
    let two_back = index.checked_sub(2).map_or("", |at| view.str(at));
    if numbered(previous_word) || (previous_word == "." && numbered(two_back)) {
        return false;
    }
    let capitalised_name = previous.is_some_and(|at| {
        view.kind(at) == Some(TokenKind::Word)
            && view.lex(at) == Lex::Other
            && view.is_capitalized(at)
    });
    // "Mazda 626" in mixed case; "(RADIO CADENA 1)" in any case.
    if capitalised_name && (view.mode == CaseMode::Mixed || view.is_punct(end, ')')) {
        return false;
    }
    // Ages and times: "aged 17", "at 2330", "0530 GMT", "10 p.m.".
    if before(1) == Lex::Kw(Kw::Aged) || text.starts_with('0') && text.len() > 1 {
        return false;
    }
    if text.len() == 4 && before(1) == Lex::Kw(Kw::At) {
        return false;
    }
    const CLOCK: [&str; 8] = ["a.m", "p.m", "am", "pm", "gmt", "utc", "hrs", "o'clock"];
    let next_word = view.str(end);
    let clock = CLOCK.iter().any(|word| next_word.eq_ignore_ascii_case(word))
        || ((next_word.eq_ignore_ascii_case("a") || next_word.eq_ignore_ascii_case("p"))
            && view.is_punct(end + 1, '.'));
    if clock {
        return false;
    }
    !is_year(view, index, end)
}

/// A bare four-digit year: 1800-2100 without a digit-group comma, unless a plural noun follows
/// and no preposition precedes ("2000 soldiers" is a count, "in 2000 the group" a year).
fn is_year(view: &TextIndex<'_>, index: usize, end: usize) -> bool {
    let text = view.str(index);
    let Ok(value) = text.parse::<u32>() else { return false };
    if text.len() != 4 || !(1800..=2100).contains(&value) {
        return false;
    }
    let before = index.checked_sub(1).map_or(Lex::Stop, |at| view.lex(at));
    let year_context = matches!(before, Lex::Kw(_) | Lex::Month(_) | Lex::MonthAbbr(_))
        || view.is_punct(index.wrapping_sub(1), ',');
    let next = view.str(end);
    let plural_noun = view.kind(end) == Some(TokenKind::Word)
        && view.lex(end) == Lex::Other
        && next.ends_with(['s', 'S'])
        && (view.mode != CaseMode::Mixed || next.starts_with(char::is_lowercase));
    year_context || !plural_noun
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_digits() {
        let cases = [
            ("six", Some(6)),
            ("twenty-three", Some(23)),
            ("twenty three", Some(23)),
            ("one hundred and forty", Some(140)),
            ("a dozen", Some(12)),
            ("two dozen", Some(24)),
            ("1,200", Some(1200)),
            ("three hundred", Some(300)),
            ("two thousand five hundred", Some(2500)),
            ("a hundred", Some(100)),
            ("1.5 million", Some(1_500_000)),
            ("SEVEN THOUSAND", Some(7000)),
            ("3.5", None),
            ("hundreds", None),
            ("six seven", None),
            ("hundred", None),
            ("five billion", None),
            ("99999999999", None),
            ("thousand thousand", None),
            ("", None),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_number_words(input), expected, "{input}");
        }
    }
}
