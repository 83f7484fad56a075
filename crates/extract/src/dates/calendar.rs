//! Calendar arithmetic for date resolution: spans of days, weeks, months and years, weekday
//! search and year inference, all checked so that no input date can overflow or panic.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use vigil_domain::{DatePrecision, DateSpan};

/// How many days after publication a yearless "March 3" may fall and still keep the
/// publication year (a forward reference: "the summit on March 3").
const FORWARD_DAYS: u64 = 7;

/// A calendar date, if valid.
pub(super) fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// `date` moved by `days` (negative: earlier).
pub(super) fn shift(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// The same month and year as `date`, on `day`.
pub(super) fn with_day(date: NaiveDate, day: u32) -> Option<NaiveDate> {
    date.with_day(day)
}

/// A span with an explicit precision; `None` when it would run backwards.
pub(super) fn span(start: NaiveDate, end: NaiveDate, precision: DatePrecision) -> Option<DateSpan> {
    (start <= end).then_some(DateSpan { start, end, precision })
}

/// The whole month.
pub(super) fn month_span(year: i32, month: u32) -> Option<DateSpan> {
    let start = ymd(year, month, 1)?;
    let end = start.checked_add_months(Months::new(1))?.pred_opt()?;
    span(start, end, DatePrecision::Month)
}

/// The whole year.
pub(super) fn year_span(year: i32) -> Option<DateSpan> {
    span(ymd(year, 1, 1)?, ymd(year, 12, 31)?, DatePrecision::Year)
}

/// Days `first..=last` of a month (`last` clamped to the month's length), precision range.
pub(super) fn part_of_month(year: i32, month: u32, first: u32, last: u32) -> Option<DateSpan> {
    let whole = month_span(year, month)?;
    let end = ymd(year, month, last.min(whole.end.day()))?;
    span(ymd(year, month, first)?, end, DatePrecision::Range)
}

/// Months `first..=last` of a year, precision range ("early 2024" is January to April).
pub(super) fn part_of_year(year: i32, first: u32, last: u32) -> Option<DateSpan> {
    span(month_span(year, first)?.start, month_span(year, last)?.end, DatePrecision::Range)
}

/// The Monday-to-Sunday week containing `date`.
pub(super) fn week_of(date: NaiveDate) -> Option<DateSpan> {
    let monday = shift(date, -i64::from(date.weekday().num_days_from_monday()))?;
    span(monday, shift(monday, 6)?, DatePrecision::Week)
}

/// The month `offset` months from the month of `date` (negative: earlier).
pub(super) fn month_offset(date: NaiveDate, offset: i32) -> Option<DateSpan> {
    let first = date.with_day(1)?;
    let moved = if offset >= 0 {
        first.checked_add_months(Months::new(offset.unsigned_abs()))?
    } else {
        first.checked_sub_months(Months::new(offset.unsigned_abs()))?
    };
    month_span(moved.year(), moved.month())
}

/// The year of a yearless day: the publication year, unless that puts the day more than a
/// week after publication, in which case the year before.
pub(super) fn infer_day(published: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let limit = published.checked_add_days(Days::new(FORWARD_DAYS))?;
    match ymd(published.year(), month, day) {
        Some(date) if date <= limit => Some(date),
        _ => ymd(published.year() - 1, month, day),
    }
}

/// The year of a yearless month, by the same rule applied to the month's first day.
pub(super) fn infer_month(published: NaiveDate, month: u32) -> Option<DateSpan> {
    let first = infer_day(published, month, 1)?;
    month_span(first.year(), month)
}

/// The most recent `weekday` on or before `date` (`strictly`: before it).
pub(super) fn weekday_before(
    date: NaiveDate,
    weekday: Weekday,
    strictly: bool,
) -> Option<NaiveDate> {
    let back = (7 + date.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    let back = if back == 0 && strictly { 7 } else { back };
    shift(date, -i64::from(back))
}

/// The first `weekday` strictly after `date`.
pub(super) fn weekday_after(date: NaiveDate, weekday: Weekday) -> Option<NaiveDate> {
    let ahead = (7 + weekday.num_days_from_monday() - date.weekday().num_days_from_monday()) % 7;
    shift(date, i64::from(if ahead == 0 { 7 } else { ahead }))
}

/// Monday = 0 to Sunday = 6.
pub(super) fn weekday_from_index(index: u8) -> Weekday {
    match index {
        0 => Weekday::Mon,
        1 => Weekday::Tue,
        2 => Weekday::Wed,
        3 => Weekday::Thu,
        4 => Weekday::Fri,
        5 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// A two-digit year as wire copy writes it: 50-99 are the 1900s, 00-49 the 2000s.
pub(super) fn expand_two_digit_year(year: u32) -> i32 {
    let year = i32::try_from(year % 100).unwrap_or(0);
    if year >= 50 { 1900 + year } else { 2000 + year }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn inference_and_weekdays() {
        let published = date("2024-03-29"); // a Friday
        assert_eq!(infer_day(published, 3, 3), Some(date("2024-03-03")));
        assert_eq!(infer_day(published, 4, 4), Some(date("2024-04-04")));
        assert_eq!(infer_day(published, 4, 6), Some(date("2023-04-06")));
        assert_eq!(infer_day(date("1990-01-03"), 12, 30), Some(date("1989-12-30")));
        assert_eq!(weekday_before(published, Weekday::Fri, false), Some(published));
        assert_eq!(weekday_before(published, Weekday::Fri, true), Some(date("2024-03-22")));
        assert_eq!(weekday_before(published, Weekday::Sat, false), Some(date("2024-03-23")));
        assert_eq!(weekday_after(published, Weekday::Mon), Some(date("2024-04-01")));
        assert_eq!(month_span(2024, 2).map(|s| s.end), Some(date("2024-02-29")));
        assert_eq!(week_of(published).map(|s| s.start), Some(date("2024-03-25")));
        assert_eq!(month_offset(published, -1).map(|s| s.start), Some(date("2024-02-01")));
        assert!(shift(NaiveDate::MAX, 1).is_none());
        assert!(infer_day(NaiveDate::MAX, 1, 1).is_none());
        assert_eq!(expand_two_digit_year(90), 1990);
        assert_eq!(expand_two_digit_year(4), 2004);
    }
}
