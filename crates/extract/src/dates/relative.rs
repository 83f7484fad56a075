//! Deictic and anaphoric dates: "yesterday", "on Friday", "last week", "two days ago",
//! "early March", "the same day", "two days later", "over the past two years".
//!
//! Deictic dates need the publication date; anaphoric ones need the latest day-precision date
//! already read (the context's anchor). Without them nothing is returned.

use chrono::{Datelike, NaiveDate, Weekday};
use vigil_domain::{DatePrecision, DateSpan};

use super::calendar::{self, shift, weekday_from_index};
use super::{Context, DateKind, Found, absolute};
use crate::text::lexicon::{Kw, Lex, Unit};
use crate::text::numbers;
use crate::text::{CaseMode, TokenKind};

/// How far back [`looks_ahead`] searches the clause for a future marker.
const TENSE_WINDOW: usize = 8;
/// The largest count in "N days ago" worth resolving; larger ones are not calendar offsets.
const MAX_OFFSET: u32 = 1_000;

/// The relative or anaphoric date starting at token `index`, if any.
pub(super) fn parse(context: &Context<'_, '_>, index: usize) -> Option<Found> {
    let view = context.view;
    if view.kind(index) == Some(TokenKind::Number) {
        return offset(context, index);
    }
    let published = context.published;
    let relative = |end, span| Some(Found { end, span, kind: DateKind::Relative });
    match view.lex(index) {
        Lex::Weekday(weekday) => weekday_date(context, index, weekday),
        Lex::Num(_) | Lex::Kw(Kw::A) => offset(context, index),
        Lex::Kw(Kw::Yesterday) => relative(part_of_day(context, index + 1), day(published?, -1)?),
        Lex::Kw(Kw::Today | Kw::Tonight) => {
            relative(part_of_day(context, index + 1), day(published?, 0)?)
        }
        Lex::Kw(Kw::Tomorrow) => relative(part_of_day(context, index + 1), day(published?, 1)?),
        Lex::Kw(Kw::Last | Kw::Past) => last(context, index),
        Lex::Kw(Kw::This) => this(context, index),
        Lex::Kw(Kw::Next) => next(context, index),
        Lex::Kw(Kw::Earlier | Kw::Later) => earlier_later(context, index),
        Lex::Kw(Kw::Early | Kw::Mid | Kw::Late) => part(context, index, index + 1),
        Lex::Kw(Kw::End | Kw::Beginning | Kw::Start) if view.lex(index + 1) == Lex::Kw(Kw::Of) => {
            part(context, index, index + 2)
        }
        Lex::Kw(Kw::The | Kw::That) => that_day(context, index),
        _ => None,
    }
}

/// A one-day span `offset` days from `date`.
fn day(date: NaiveDate, offset: i64) -> Option<DateSpan> {
    shift(date, offset).map(DateSpan::day)
}

/// Skips "morning", "afternoon", "evening" or "night" after a day word.
fn part_of_day(context: &Context<'_, '_>, index: usize) -> usize {
    match context.view.lex(index) {
        Lex::Kw(Kw::Morning | Kw::Night) => index + 1,
        _ => index,
    }
}

/// "on Friday", "Friday's attack", "Monday night", "Thursday 8 August 2024".
fn weekday_date(context: &Context<'_, '_>, index: usize, weekday: u8) -> Option<Found> {
    let view = context.view;
    // "Bloody Sunday", "Good Friday": a weekday after a capitalised word is part of a name.
    let previous = index.checked_sub(1);
    if view.mode == CaseMode::Mixed
        && previous.is_some_and(|at| view.lex(at) == Lex::Other && view.is_capitalized(at))
    {
        return None;
    }
    let comma = usize::from(view.is_punct(index + 1, ','));
    if let Some(date) = absolute::parse(context, index + 1 + comma, false)
        && date.span.precision == DatePrecision::Day
    {
        return Some(date);
    }
    let published = context.published?;
    let weekday = weekday_from_index(weekday);
    let date = if looks_ahead(context, index) {
        calendar::weekday_after(published, weekday)?
    } else {
        calendar::weekday_before(published, weekday, false)?
    };
    let end = part_of_day(context, index + 1);
    Some(Found { end, span: DateSpan::day(date), kind: DateKind::Relative })
}

/// Whether the clause before `index` speaks of the future ("will", "is to", "due").
fn looks_ahead(context: &Context<'_, '_>, index: usize) -> bool {
    let view = context.view;
    for at in (index.saturating_sub(TENSE_WINDOW)..index).rev() {
        let word = view.str(at);
        if view.kind(at) == Some(TokenKind::Punct) && matches!(word, "." | "!" | "?" | ";") {
            return false;
        }
        let future = ["will", "shall", "due", "scheduled", "expected", "upcoming"]
            .iter()
            .any(|marker| word.eq_ignore_ascii_case(marker))
            || word.ends_with("'ll")
            || word.ends_with("’ll")
            || (view.lex(at) == Lex::Kw(Kw::To)
                && at > 0
                && (view.is_word(at - 1, "is") || view.is_word(at - 1, "are")));
        if future {
            return true;
        }
    }
    false
}

/// A count at `index` ("two", "2", "a") and the token after it.
fn count_at(context: &Context<'_, '_>, index: usize) -> Option<(u32, usize)> {
    let view = context.view;
    let (value, end) = if view.lex(index) == Lex::Kw(Kw::A) {
        (1, index + 1)
    } else if view.kind(index) == Some(TokenKind::Number) {
        (view.plain_number(index, 4)?, index + 1)
    } else {
        let number = numbers::parse_at(view, index)?;
        (number.value, number.end)
    };
    (value <= MAX_OFFSET).then_some((value, end))
}

/// "two days ago", "3 WEEKS AGO", "two days later", "a week earlier".
fn offset(context: &Context<'_, '_>, index: usize) -> Option<Found> {
    let view = context.view;
    let (count, unit_index) = count_at(context, index)?;
    let Lex::Unit(unit) = view.lex(unit_index) else { return None };
    let end = unit_index + 2;
    let signed = i64::from(count);
    let found = match view.lex(unit_index + 1) {
        Lex::Kw(Kw::Ago) => {
            let published = context.published?;
            let span = match unit {
                Unit::Day => day(published, -signed)?,
                Unit::Week => calendar::week_of(shift(published, -7 * signed)?)?,
                Unit::Month => calendar::month_offset(published, -i32::try_from(count).ok()?)?,
                Unit::Year => calendar::year_span(published.year() - i32::try_from(count).ok()?)?,
            };
            Found { end, span, kind: DateKind::Relative }
        }
        Lex::Kw(direction @ (Kw::Later | Kw::Earlier)) => {
            let sign = if direction == Kw::Later { 1 } else { -1 };
            let days = match unit {
                Unit::Day => signed,
                Unit::Week => 7 * signed,
                Unit::Month | Unit::Year => return None,
            };
            let span = day(context.anchor?, sign * days)?;
            Found { end, span, kind: DateKind::Anaphoric }
        }
        _ => return None,
    };
    // "two weeks earlier on March 3": the explicit date governs; the offset is not a date.
    let on = usize::from(matches!(view.lex(end), Lex::Kw(Kw::On | Kw::In)));
    if absolute::parse(context, end + on, false).is_some() {
        return None;
    }
    Some(found)
}

/// "last night", "last Tuesday", "last week", "last March", "the past two years", "past year".
fn last(context: &Context<'_, '_>, index: usize) -> Option<Found> {
    let view = context.view;
    let published = context.published?;
    let is_last = view.lex(index) == Lex::Kw(Kw::Last);
    let next = index + 1;
    let relative = |span| Some(Found { end: next + 1, span, kind: DateKind::Relative });
    let since = |end, start| {
        let span = calendar::span(start, published, DatePrecision::Range)?;
        Some(Found { end, span, kind: DateKind::Since })
    };
    match view.lex(next) {
        Lex::Kw(Kw::Night) if is_last => relative(day(published, -1)?),
        Lex::Weekday(weekday) if is_last => relative(DateSpan::day(calendar::weekday_before(
            published,
            weekday_from_index(weekday),
            true,
        )?)),
        Lex::Kw(Kw::Weekend) if is_last => {
            let saturday = calendar::weekday_before(published, Weekday::Sat, true)?;
            // On a Sunday, the weekend that includes yesterday is this weekend, not the last.
            let saturday =
                if shift(saturday, 1)? >= published { shift(saturday, -7)? } else { saturday };
            relative(calendar::span(saturday, shift(saturday, 1)?, DatePrecision::Range)?)
        }
        Lex::Unit(unit) if is_last => relative(match unit {
            Unit::Day => return None,
            Unit::Week => calendar::week_of(shift(published, -7)?)?,
            Unit::Month => calendar::month_offset(published, -1)?,
            Unit::Year => calendar::year_span(published.year() - 1)?,
        }),
        Lex::Unit(unit) => since(next + 1, back(published, unit, 1)?),
        Lex::Month(_) if is_last => {
            let (month, _) = context.month_at(next)?;
            let year =
                if month < published.month() { published.year() } else { published.year() - 1 };
            relative(calendar::month_span(year, month)?)
        }
        _ => {
            let (count, unit_index) = count_at(context, next)?;
            let Lex::Unit(unit) = view.lex(unit_index) else { return None };
            since(unit_index + 1, back(published, unit, count)?)
        }
    }
}

/// `date` moved back `count` units.
fn back(date: NaiveDate, unit: Unit, count: u32) -> Option<NaiveDate> {
    let signed = i64::from(count);
    match unit {
        Unit::Day => shift(date, -signed),
        Unit::Week => shift(date, -7 * signed),
        Unit::Month => date.checked_sub_months(chrono::Months::new(count)),
        Unit::Year => date.checked_sub_months(chrono::Months::new(count.checked_mul(12)?)),
    }
}

/// The week, month or year containing `date`.
fn unit_span(date: NaiveDate, unit: Unit) -> Option<DateSpan> {
    match unit {
        Unit::Day => Some(DateSpan::day(date)),
        Unit::Week => calendar::week_of(date),
        Unit::Month => calendar::month_offset(date, 0),
        Unit::Year => calendar::year_span(date.year()),
    }
}

/// "this morning", "this week", "this year", "this Friday", "this weekend".
fn this(context: &Context<'_, '_>, index: usize) -> Option<Found> {
    let view = context.view;
    let published = context.published?;
    let span = match view.lex(index + 1) {
        Lex::Kw(Kw::Morning | Kw::Night) => DateSpan::day(published),
        Lex::Unit(unit @ (Unit::Week | Unit::Month | Unit::Year)) => unit_span(published, unit)?,
        Lex::Weekday(weekday) => {
            let weekday = weekday_from_index(weekday);
            DateSpan::day(if looks_ahead(context, index) {
                calendar::weekday_after(published, weekday)?
            } else {
                calendar::weekday_before(published, weekday, false)?
            })
        }
        Lex::Kw(Kw::Weekend) => {
            let monday = calendar::week_of(published)?.start;
            calendar::span(shift(monday, 5)?, shift(monday, 6)?, DatePrecision::Range)?
        }
        _ => return None,
    };
    Some(Found { end: index + 2, span, kind: DateKind::Relative })
}

/// "next week", "next month", "next year", "next Tuesday", "next March".
fn next(context: &Context<'_, '_>, index: usize) -> Option<Found> {
    let view = context.view;
    let published = context.published?;
    let span = match view.lex(index + 1) {
        Lex::Unit(Unit::Week) => calendar::week_of(shift(published, 7)?)?,
        Lex::Unit(Unit::Month) => calendar::month_offset(published, 1)?,
        Lex::Unit(Unit::Year) => calendar::year_span(published.year() + 1)?,
        Lex::Weekday(weekday) => {
            DateSpan::day(calendar::weekday_after(published, weekday_from_index(weekday))?)
        }
        Lex::Month(_) => {
            let (month, _) = context.month_at(index + 1)?;
            let year =
                if month > published.month() { published.year() } else { published.year() + 1 };
            calendar::month_span(year, month)?
        }
        _ => return None,
    };
    Some(Found { end: index + 2, span, kind: DateKind::Relative })
}

/// "earlier this month", "later this year", "earlier today", "later that day".
fn earlier_later(context: &Context<'_, '_>, index: usize) -> Option<Found> {
    let view = context.view;
    let earlier = view.lex(index) == Lex::Kw(Kw::Earlier);
    match view.lex(index + 1) {
        Lex::Kw(Kw::This) => {
            let published = context.published?;
            let Lex::Unit(unit @ (Unit::Week | Unit::Month | Unit::Year)) = view.lex(index + 2)
            else {
                return None;
            };
            let whole = unit_span(published, unit)?;
            let (start, end) =
                if earlier { (whole.start, published) } else { (published, whole.end) };
            let span = calendar::span(start, end, DatePrecision::Range)?;
            Some(Found { end: index + 3, span, kind: DateKind::Relative })
        }
        Lex::Kw(Kw::Today) => Some(Found {
            end: index + 2,
            span: day(context.published?, 0)?,
            kind: DateKind::Relative,
        }),
        Lex::Kw(Kw::The | Kw::That) => that_day(context, index + 1),
        _ => None,
    }
}

/// "early March", "mid March 2024", "late 2023", "the end of March", "early this month".
fn part(context: &Context<'_, '_>, index: usize, at: usize) -> Option<Found> {
    let view = context.view;
    let (days, months) = match view.lex(index) {
        Lex::Kw(Kw::Early | Kw::Beginning | Kw::Start) => ((1, 10), (1, 4)),
        Lex::Kw(Kw::Mid) => ((11, 20), (5, 8)),
        _ => ((21, 31), (9, 12)),
    };
    if let Some((month, false)) = context.month_at(at) {
        let (year, end) = match context.year_at(at + 1, 1000..=2999) {
            Some(year) => (year, at + 2),
            None => (calendar::infer_month(context.published?, month)?.start.year(), at + 1),
        };
        let span = calendar::part_of_month(year, month, days.0, days.1)?;
        return Some(Found { end, span, kind: DateKind::Absolute });
    }
    if let Some(year) = context.year_at(at, 1800..=2199) {
        let span = calendar::part_of_year(year, months.0, months.1)?;
        return Some(Found { end: at + 1, span, kind: DateKind::Absolute });
    }
    if view.lex(at) == Lex::Kw(Kw::This) {
        let published = context.published?;
        let span = match view.lex(at + 1) {
            Lex::Unit(Unit::Month) => {
                calendar::part_of_month(published.year(), published.month(), days.0, days.1)?
            }
            Lex::Unit(Unit::Year) => calendar::part_of_year(published.year(), months.0, months.1)?,
            _ => return None,
        };
        return Some(Found { end: at + 2, span, kind: DateKind::Relative });
    }
    None
}

/// "the same day", "that day", "that night", "the next day", "the previous day", "the day
/// before.": the anchor date, or one day either side.
fn that_day(context: &Context<'_, '_>, index: usize) -> Option<Found> {
    let view = context.view;
    let is_day = |at: usize| {
        view.is_word(at, "day") || matches!(view.lex(at), Lex::Kw(Kw::Night | Kw::Morning))
    };
    let (offset, end) = match (view.lex(index), view.lex(index + 1)) {
        (Lex::Kw(Kw::That), _) if is_day(index + 1) => (0, index + 2),
        (_, Lex::Kw(Kw::Same)) if is_day(index + 2) => (0, index + 3),
        (Lex::Kw(Kw::The), Lex::Kw(Kw::Next | Kw::Following)) if is_day(index + 2) => {
            (1, index + 3)
        }
        (Lex::Kw(Kw::The), Lex::Kw(Kw::Previous)) if is_day(index + 2) => (-1, index + 3),
        (Lex::Kw(Kw::The), _)
            if view.is_word(index + 1, "day")
                && view.lex(index + 2) == Lex::Kw(Kw::Before)
                && view.kind(index + 3) != Some(TokenKind::Word) =>
        {
            (-1, index + 3)
        }
        _ => return None,
    };
    let span = day(context.anchor?, offset)?;
    Some(Found { end, span, kind: DateKind::Anaphoric })
}
