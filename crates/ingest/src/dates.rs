//! Publication dates as written in metadata, dumps and date lines: RFC 3339, RFC 2822, ISO
//! `YYYY-MM-DD`, `D.M.YYYY` and the English "March 29, 2024" / "29 Mar 2024" forms.

use chrono::{DateTime, NaiveDate};

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] =
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Words that may stand next to a date on a date line ("Published on ... at 10:30 GMT").
const DATE_LINE_WORDS: [&str; 22] = [
    "published",
    "updated",
    "posted",
    "last",
    "modified",
    "date",
    "on",
    "at",
    "am",
    "pm",
    "utc",
    "gmt",
    "est",
    "edt",
    "bst",
    "cet",
    "cest",
    "msk",
    "pst",
    "pdt",
    "z",
    "t",
];

/// The calendar date in `text`, if it is one of the known forms.
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if text.is_empty() || text.len() > 80 {
        return None;
    }
    if let Ok(stamp) = DateTime::parse_from_rfc3339(text) {
        return Some(stamp.date_naive());
    }
    if let Ok(stamp) = DateTime::parse_from_rfc2822(text) {
        return Some(stamp.date_naive());
    }
    if let Some(date) = iso_prefix(text) {
        return Some(date);
    }
    worded(text).or_else(|| dotted(text))
}

/// The date of a line that is nothing but a date (with a "Published:" label or a time at most).
pub(crate) fn parse_date_line(line: &str) -> Option<NaiveDate> {
    let line = line.trim();
    if line.len() > 60 || !line.bytes().any(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let only_date_words = words(line).all(|word| {
        let lower = word.to_ascii_lowercase();
        word.bytes().all(|byte| byte.is_ascii_digit())
            || month_of(&lower).is_some()
            || is_weekday(&lower)
            || DATE_LINE_WORDS.contains(&lower.as_str())
            || ordinal_day(&lower).is_some()
    });
    if !only_date_words {
        return None;
    }
    parse_date(line)
}

/// The date of a news byline line: a date line followed by the desk or outlet that filed it
/// ("6 May 2014 - West Africa Service", "Thursday 8 August 2024 | Europe Desk",
/// "Published 24 May 2017 by Channel Desk").
pub(crate) fn parse_byline_date(line: &str) -> Option<NaiveDate> {
    let line = line.trim();
    if line.len() > 100 {
        return None;
    }
    let cut = [" - ", " | ", " \u{2013} ", " \u{2014} ", " \u{b7} ", " by ", " By "]
        .iter()
        .filter_map(|separator| line.find(separator).map(|at| (at, separator.len())))
        .min()?;
    let (head, tail) = (&line[..cut.0], line[cut.0 + cut.1..].trim());
    // The rest names a desk or an outlet: a few words, not a sentence.
    let words = tail.split_whitespace().count();
    if !(1..=8).contains(&words) || tail.ends_with('.') {
        return None;
    }
    parse_date_line(head)
}

/// A date from a Unix timestamp in seconds (or milliseconds, when it is too large for seconds).
pub(crate) fn from_timestamp(value: i64) -> Option<NaiveDate> {
    let seconds = if value.abs() > 100_000_000_000 { value / 1000 } else { value };
    DateTime::from_timestamp(seconds, 0).map(|stamp| stamp.date_naive())
}

/// `YYYY-MM-DD` or `YYYY/MM/DD` at the start of `text` (the rest, e.g. a time, is ignored).
fn iso_prefix(text: &str) -> Option<NaiveDate> {
    let head = text.get(..10)?;
    let bytes = head.as_bytes();
    let separator = bytes[4];
    if !matches!(separator, b'-' | b'/') || bytes[7] != separator {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> { head.get(range)?.parse().ok() };
    let year = i32::try_from(digits(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
}

/// `29.03.2024` (day first, as written in Europe).
fn dotted(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split(|c: char| c.is_whitespace()).next()?.split('.');
    let day = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let year = parts.next()?.parse().ok()?;
    if parts.next().is_some_and(|rest| !rest.is_empty()) || year < 1000 {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

/// "March 29, 2024", "Mar 29 2024", "29 March 2024", "Friday, 29th March 2024 10:30".
fn worded(text: &str) -> Option<NaiveDate> {
    let tokens: Vec<&str> = words(text).collect();
    let (month_index, month) = tokens
        .iter()
        .enumerate()
        .find_map(|(index, word)| Some((index, month_of(&word.to_ascii_lowercase())?)))?;
    let day_at = |index: usize| -> Option<u32> {
        let word = tokens.get(index)?.to_ascii_lowercase();
        ordinal_day(&word).or_else(|| word.parse().ok()).filter(|day| (1..=31).contains(day))
    };
    let is_year = |word: &&str| word.len() == 4 && word.bytes().all(|byte| byte.is_ascii_digit());
    let (day, year_from) = match day_at(month_index + 1) {
        Some(day) if !is_year(&tokens[month_index + 1]) => (day, month_index + 2),
        _ => (day_at(month_index.checked_sub(1)?)?, month_index + 1),
    };
    let year = tokens.get(year_from).filter(|word| is_year(word))?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The words (runs of letters and digits) of `text`.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty())
}

/// The month number of a month name or its abbreviation ("mar", "sept").
fn month_of(lower: &str) -> Option<u32> {
    if lower.len() < 3 {
        return None;
    }
    let index = MONTHS.iter().position(|month| {
        month.starts_with(lower)
            && (lower.len() == 3 || lower == "sept" || lower.len() == month.len())
    })?;
    u32::try_from(index + 1).ok()
}

fn is_weekday(lower: &str) -> bool {
    lower.len() >= 3 && WEEKDAYS.iter().any(|day| day.starts_with(lower))
}

/// The day of "29th", "1st", "2nd", "3rd".
fn ordinal_day(lower: &str) -> Option<u32> {
    let digits = lower
        .strip_suffix("th")
        .or_else(|| lower.strip_suffix("st"))
        .or_else(|| lower.strip_suffix("nd").or_else(|| lower.strip_suffix("rd")))?;
    digits.parse().ok().filter(|day| (1..=31).contains(day))
}

#[cfg(test)]
mod tests {
    #[test]
    fn byline_lines_with_a_desk_give_their_date() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(parse_byline_date("6 May 2014 - West Africa Service"), date(2014, 5, 6));
        assert_eq!(parse_byline_date("Thursday 8 August 2024 | Europe Desk"), date(2024, 8, 8));
        assert_eq!(parse_byline_date("Published 24 May 2017 by Channel Desk"), date(2017, 5, 24));
        assert_eq!(parse_byline_date("14 October 2023 \u{2013} Paris bureau"), date(2023, 10, 14));
        // A sentence that happens to open with a date is text, not a byline.
        assert_eq!(
            parse_byline_date("On 3 May 2014 - as the rains came - gunmen struck the town again."),
            None
        );
        assert_eq!(parse_byline_date("Islamic State claims attack - officials"), None);
    }

    use super::*;

    fn date(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, month, day)
    }

    #[test]
    fn parses_the_common_forms() {
        let expected = date(2024, 3, 29);
        for text in [
            "2024-03-29",
            "2024-03-29T18:20:00+03:00",
            "2024-03-29 18:20",
            "2024/03/29",
            "Fri, 29 Mar 2024 15:20:00 GMT",
            "Fri, 29 Mar 2024 15:20:00 +0000",
            "March 29, 2024",
            "Mar 29, 2024",
            "Mar 29 2024",
            "29 March 2024",
            "29th March 2024",
            "Friday, March 29, 2024 at 10:30",
            "29.03.2024",
        ] {
            assert_eq!(parse_date(text), expected, "{text}");
        }
    }

    #[test]
    fn refuses_non_dates() {
        for text in ["", "March", "29 2024", "hello world", "2024-13-40", "May I come in?"] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }

    #[test]
    fn a_date_line_is_only_a_date() {
        assert_eq!(parse_date_line("Mar 29, 2024"), date(2024, 3, 29));
        assert_eq!(parse_date_line("Published: 29 March 2024"), date(2024, 3, 29));
        assert_eq!(parse_date_line("Updated March 29, 2024 at 10:30 GMT"), date(2024, 3, 29));
        assert_eq!(parse_date_line("Gunmen stormed the hall on March 22, 2024"), None);
        assert_eq!(parse_date_line("The March 22 operation"), None);
    }

    #[test]
    fn timestamps_in_seconds_or_milliseconds() {
        assert_eq!(from_timestamp(1_711_725_600), date(2024, 3, 29));
        assert_eq!(from_timestamp(1_711_725_600_000), date(2024, 3, 29));
    }
}
