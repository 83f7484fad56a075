//! Calendar expressions: days, months and years named in the text, with or without their year.
//!
//! "22 March 2024", "March 22, 2024", "12 JAN 90", "the 3rd of March", "March 22-23",
//! "2024-03-22", "22/03/2024", "March 2023", "in January", "in 2022", "1988-90", "mid-March".
//! A yearless day or month takes its year from the publication date (see the module rules);
//! without a publication date it is left out.

use vigil_domain::{DatePrecision, DateSpan};

use super::calendar::{self, ymd};
use super::{Context, DateKind, Found};
use crate::text::TokenKind;
use crate::text::lexicon::{Kw, Lex};

/// Years accepted after a month or day: wide, since the context already says it is a year.
const YEARS_AFTER_MONTH: std::ops::RangeInclusive<u32> = 1000..=2999;
/// Years accepted on their own after a preposition: narrower, to keep counts out.
const YEARS_BARE: std::ops::RangeInclusive<u32> = 1800..=2199;

/// The calendar expression starting at token `index`, if any.
pub(super) fn parse(context: &Context<'_, '_>, index: usize, bare_ok: bool) -> Option<Found> {
    let view = context.view;
    let starts_with_digit = view.str(index).starts_with(|ch: char| ch.is_ascii_digit());
    let found = match view.kind(index)? {
        TokenKind::Word if context.month_at(index).is_some() => {
            month_first(context, index, bare_ok)
        }
        // Only words that start with a digit or "mid-" can be dates; skip the rest cheaply.
        TokenKind::Word if starts_with_digit => {
            word_date(context, index).or_else(|| day_first(context, index))
        }
        TokenKind::Word => mid(context, index),
        TokenKind::Number => day_first(context, index)
            .or_else(|| numeric(context, index))
            .or_else(|| bare_year(context, index, bare_ok)),
        TokenKind::Punct => None,
    }?;
    Some(Found { kind: DateKind::Absolute, ..found })
}

/// "March 22", "March 22, 2024", "Mar. 22-23", "March 2023", "March of 2023", "in January".
fn month_first(context: &Context<'_, '_>, index: usize, bare_ok: bool) -> Option<Found> {
    let view = context.view;
    let (month, abbreviated) = context.month_at(index)?;
    let mut next = index + 1;
    if abbreviated && view.is_punct(next, '.') {
        next += 1;
    }
    if let Some((first, last)) = day_at(context, next) {
        let after_day = next + 1;
        let comma = usize::from(view.is_punct(after_day, ','));
        if let Some(year) = context.year_at(after_day + comma, YEARS_AFTER_MONTH) {
            return days(context, Some(year), month, first, last, after_day + comma + 1);
        }
        return days(context, None, month, first, last, after_day);
    }
    let of = usize::from(view.lex(next) == Lex::Kw(Kw::Of) || view.is_punct(next, ','));
    if let Some(year) = context.year_at(next + of, YEARS_AFTER_MONTH) {
        let span = calendar::month_span(year, month)?;
        return Some(Found { end: next + of + 1, span, kind: DateKind::Absolute });
    }
    if abbreviated || !(bare_ok || context.bare_context(index)) {
        return None;
    }
    let span = calendar::infer_month(context.published?, month)?;
    Some(Found { end: index + 1, span, kind: DateKind::Absolute })
}

/// "22 March 2024", "12 JAN 90", "3 FEBRUARY", "the 3rd of March", "22-23 March".
fn day_first(context: &Context<'_, '_>, index: usize) -> Option<Found> {
    let view = context.view;
    let (first, last) = day_at(context, index)?;
    let mut next = index + 1;
    if view.lex(next) == Lex::Kw(Kw::Of) {
        next += 1;
    }
    let (month, abbreviated) = context.month_at(next)?;
    next += 1;
    if abbreviated && view.is_punct(next, '.') {
        next += 1;
    }
    let comma = usize::from(view.is_punct(next, ','));
    if let Some(year) = context.year_at(next + comma, YEARS_AFTER_MONTH) {
        return days(context, Some(year), month, first, last, next + comma + 1);
    }
    // "12 JAN 90": wire copy writes two-digit years straight after the month.
    let two_digit = view.str(next).len() == 2
        && (abbreviated || view.mode == crate::text::CaseMode::Upper)
        && view.kind(next + 1) != Some(TokenKind::Word);
    if two_digit && let Some(short) = view.plain_number(next, 2) {
        let year = calendar::expand_two_digit_year(short);
        return days(context, Some(year), month, first, last, next + 1);
    }
    days(context, None, month, first, last, next)
}

/// A day or day range of a month, with the year given or inferred.
fn days(
    context: &Context<'_, '_>,
    year: Option<i32>,
    month: u32,
    first: u32,
    last: u32,
    end: usize,
) -> Option<Found> {
    let start = match year {
        Some(year) => ymd(year, month, first)?,
        None => calendar::infer_day(context.published?, month, first)?,
    };
    let span = if last == first {
        DateSpan::day(start)
    } else {
        calendar::span(start, calendar::with_day(start, last)?, DatePrecision::Range)?
    };
    Some(Found { end, span, kind: DateKind::Absolute })
}

/// A day of the month at `index`: "22", "22nd", or a range "22-23"; returns first and last.
fn day_at(context: &Context<'_, '_>, index: usize) -> Option<(u32, u32)> {
    let view = context.view;
    let text = view.str(index);
    let (first, last) = match view.kind(index)? {
        TokenKind::Number => {
            let day = view.plain_number(index, 2)?;
            (day, day)
        }
        TokenKind::Word => {
            if let Some((left, right)) = text.split_once(['-', '–']) {
                (small_number(left)?, small_number(right)?)
            } else {
                let digits = text.trim_end_matches(char::is_alphabetic);
                let suffix = &text[digits.len()..];
                if !["st", "nd", "rd", "th"].iter().any(|known| suffix.eq_ignore_ascii_case(known))
                {
                    return None;
                }
                let day = small_number(digits)?;
                (day, day)
            }
        }
        TokenKind::Punct => return None,
    };
    ((1..=31).contains(&first) && (first..=31).contains(&last)).then_some((first, last))
}

fn small_number(digits: &str) -> Option<u32> {
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// "22/03/2024", "03/22/2024", "3/3/2024": only when day and month cannot be confused.
fn numeric(context: &Context<'_, '_>, index: usize) -> Option<Found> {
    let view = context.view;
    let glued = (index..index + 4).all(|at| view.touches_next(at));
    if !glued || !view.is_punct(index + 1, '/') || !view.is_punct(index + 3, '/') {
        return None;
    }
    let a = view.plain_number(index, 2)?;
    let b = view.plain_number(index + 2, 2)?;
    let year = context.year_at(index + 4, YEARS_AFTER_MONTH)?;
    let (day, month) = match (a, b) {
        (a, b) if a == b => (a, b),
        (a, b) if a > 12 && b <= 12 => (a, b),
        (a, b) if b > 12 && a <= 12 => (b, a),
        _ => return None,
    };
    let span = DateSpan::day(ymd(year, month, day)?);
    Some(Found { end: index + 5, span, kind: DateKind::Absolute })
}

/// "in 2022", "since 2003": a bare year after a preposition, unless a plural noun follows it
/// ("in 2000 cases" is a count).
fn bare_year(context: &Context<'_, '_>, index: usize, bare_ok: bool) -> Option<Found> {
    let view = context.view;
    if !(bare_ok || context.bare_context(index)) {
        return None;
    }
    let year = context.year_at(index, YEARS_BARE)?;
    let next = view.str(index + 1);
    let plural_noun = view.kind(index + 1) == Some(TokenKind::Word)
        && view.lex(index + 1) == Lex::Other
        && next.ends_with(['s', 'S'])
        && (view.mode != crate::text::CaseMode::Mixed || next.starts_with(char::is_lowercase));
    if plural_noun {
        return None;
    }
    let span = calendar::year_span(year)?;
    Some(Found { end: index + 1, span, kind: DateKind::Absolute })
}

/// Word-shaped dates: ISO "2024-03-22" and year ranges "1988-90" / "1988-1990".
fn word_date(context: &Context<'_, '_>, index: usize) -> Option<Found> {
    let text = context.view.str(index);
    let end = index + 1;
    let mut parts = text.split('-');
    let (first, second, third) = (parts.next()?, parts.next()?, parts.next());
    if parts.next().is_some() {
        return None;
    }
    let value = |part: &str| {
        let numeric = !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit());
        if numeric { part.parse::<u32>().ok() } else { None }
    };
    if let Some(third) = third {
        if first.len() != 4 || second.len() != 2 || third.len() != 2 {
            return None;
        }
        let date = ymd(i32::try_from(value(first)?).ok()?, value(second)?, value(third)?)?;
        return Some(Found { end, span: DateSpan::day(date), kind: DateKind::Absolute });
    }
    if first.len() != 4 || !(second.len() == 2 || second.len() == 4) {
        return None;
    }
    let first_year = value(first)?;
    let second_year =
        if second.len() == 2 { first_year / 100 * 100 + value(second)? } else { value(second)? };
    if !YEARS_BARE.contains(&first_year) || second_year <= first_year {
        return None;
    }
    let start = calendar::year_span(i32::try_from(first_year).ok()?)?.start;
    let last = calendar::year_span(i32::try_from(second_year).ok()?)?.end;
    let span = calendar::span(start, last, DatePrecision::Range)?;
    Some(Found { end, span, kind: DateKind::Absolute })
}

/// "mid-March" (days 11-20), "mid-March 2024" and "mid-2022" (May to August).
fn mid(context: &Context<'_, '_>, index: usize) -> Option<Found> {
    let text = context.view.str(index);
    let rest = text.get(..4).filter(|head| head.eq_ignore_ascii_case("mid-")).and(text.get(4..))?;
    let end = index + 1;
    if let Lex::Month(month) = crate::text::lexicon::classify(rest) {
        let month = u32::from(month);
        let (year, end) = match context.year_at(end, YEARS_AFTER_MONTH) {
            Some(year) => (year, end + 1),
            None => (
                chrono::Datelike::year(&calendar::infer_month(context.published?, month)?.start),
                end,
            ),
        };
        let span = calendar::part_of_month(year, month, 11, 20)?;
        return Some(Found { end, span, kind: DateKind::Absolute });
    }
    if rest.len() != 4 || !rest.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let year: u32 = rest.parse().ok()?;
    if !YEARS_BARE.contains(&year) {
        return None;
    }
    let span = calendar::part_of_year(i32::try_from(year).ok()?, 5, 8)?;
    Some(Found { end, span, kind: DateKind::Absolute })
}
