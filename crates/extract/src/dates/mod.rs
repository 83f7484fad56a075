//! Date mentions found in running text and resolved against the publication date.
//!
//! This module owns finding every date expression in a document and turning it into a
//! [`DateSpan`] (first day, last day, precision) as the codebook's `date` slot wants it, plus the
//! dateline of wire copy ([`dateline_date`]). It reads tokens from [`crate::text`], allocates
//! nothing per token beyond the token list, and is linear in the text.
//!
//! # Resolution rules
//!
//! Everything is resolved against the publication date `P`. With no publication date, only
//! expressions that name their year resolve; everything else is left out, never guessed.
//!
//! | text | span | precision | kind |
//! | --- | --- | --- | --- |
//! | "2024-03-22", "22 March 2024", "March 22, 2024", "12 JAN 90", "22/03/2024" | that day | day | absolute |
//! | "March 3", "on 3 FEBRUARY", "JANUARY 12", "the March 22 operation" | the most recent such day on or before `P`, or up to 7 days after it (a forward reference); otherwise a year earlier | day | absolute |
//! | "March 22-23", "22-23 March" | both days | range | absolute |
//! | "March 2023", "in August 2022" | the month | month | absolute |
//! | "in January", "since October" (a month name after *in, since, by, until, during, of, from, through, before, after*) | that month in the year chosen as for days | month | absolute |
//! | "in 2022", "since 2003" (a year after the same words) | the year | year | absolute |
//! | "in 1988-90", "2011-12", "between 1988 and 1990" | first to last year | range | absolute |
//! | "early March", "by early March", "mid-March", "late March", "the end of March" | days 1-10, 11-20, 21-end | range | absolute |
//! | "early 2024", "mid-2024", "late 2024" | January-April, May-August, September-December | range | absolute |
//! | "yesterday", "last night" / "today", "tonight", "this morning" / "tomorrow" | `P`-1 / `P` / `P`+1 | day | relative |
//! | "on Friday", "Friday", "Monday night" | the most recent such weekday on or before `P` ("on Friday" in a Friday article is `P`); the next one after `P` when the clause looks ahead (*will, shall, due, scheduled, expected, upcoming, is/are to*) | day | relative |
//! | "last Tuesday" / "next Tuesday" | strictly before / after `P` | day | relative |
//! | "last week", "this week", "next week" | the Monday-Sunday week | week | relative |
//! | "last month", "this month", "last year", "this year", "last March" | the calendar month or year ("last March" is the most recent March before `P`'s month) | month, year | relative |
//! | "earlier this month" / "later this year" | from the unit's first day to `P` / from `P` to its last day | range | relative |
//! | "early this month", "late this year" | as for a named month or year | range | relative |
//! | "last weekend", "this weekend" | Saturday and Sunday | range | relative |
//! | "two days ago", "three weeks ago", "two months ago", "a year ago" | `P`-2 / the week of `P`-21 / the month / the year | day, week, month, year | relative |
//! | "the same day", "that day", "on the same day", "later that day" | the latest day-precision date before it in the text | day | anaphoric |
//! | "the next day", "the following day" / "the previous day" | that day +1 / -1 | day | anaphoric |
//! | "two days later", "a week earlier" | that day ± 2 / 7 | day | anaphoric |
//! | "since December 2023", "since Monday", "since last year" | from the start of the inner date to `P` | range | since |
//! | "over the past two years", "the last three months" | from `P` minus the period to `P` | range | since |
//! | "between March 3 and 7", "from March 3 to March 7" | first start to last end | range | as the first date |
//!
//! Choices where the brief left one open: "by early March" is March 1-10, precision range (the
//! "by" is a preposition and is not part of the span, like "on" and "in"); "weeks earlier on
//! March 3" is March 3, because an offset without a number is vague and an offset immediately
//! followed by an explicit date yields to it; "last night" is `P`-1; a "since" date without a
//! publication date keeps only its starting date's span, so the caller sees when it began.
//!
//! False positives avoided: in mixed-case text a month name must be capitalised ("protesters
//! march"); a month name alone, without a day or year, needs one of the prepositions above
//! ("they may have", "the March on Rome"); month abbreviations ("Mar", "Jan") count only next
//! to a number and weekday abbreviations ("Sun", "Wed") never; numbers with digit-group commas
//! ("1,200") are never years; a bare year needs a preposition and must not be followed by a
//! plural noun ("in 2000 cases"); numeric dates need an unambiguous day (> 12) or equal day and
//! month; a weekday after a capitalised word is part of a name ("Bloody Sunday").
//!
//! A caller that also reads counts can build one [`TextIndex`] and call [`find_dates_in`] and
//! [`crate::counts::find_counts_in`] with it, which saves tokenizing the text twice.

mod absolute;
mod calendar;
mod relative;

use chrono::NaiveDate;
use serde::Serialize;
use vigil_domain::{DatePrecision, DateSpan};

use crate::text::lexicon::{Kw, Lex};
use crate::text::{TextIndex, TokenKind, floor_boundary};

/// How far into a document [`dateline_date`] looks.
const DATELINE_WINDOW: usize = 300;

/// One date expression in the text and what it resolves to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DateMention {
    /// Byte offset of the expression's first character.
    pub start: usize,
    /// Byte offset just past its last character (exclusive).
    pub end: usize,
    /// The days it covers and how precisely.
    pub span: DateSpan,
    /// How it was resolved.
    pub kind: DateKind,
}

/// How a date mention was resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// A calendar date, month or year named in the text (its year possibly taken from the
    /// publication date): "March 3", "in 2022", "12 JAN 90".
    Absolute,
    /// A date relative to the publication date: "yesterday", "on Friday", "last week".
    Relative,
    /// A date relative to the previous date in the text: "the same day", "two days later".
    Anaphoric,
    /// An open period from a date up to publication: "since December 2023".
    Since,
}

/// Every date expression in `text`, sorted by start and non-overlapping.
///
/// `published` is the document's publication date; without it only dates that name their year
/// are returned.
pub fn find_dates(text: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    find_dates_in(&TextIndex::new(text), published)
}

/// The date of a wire or MUC-4 dateline near the top of `text`: "SAN SALVADOR, 12 JAN 90
/// (RADIO CADENA ...) -- \[TEXT\]" is 1990-01-12, "MOSCOW, March 24, 2024 (Reuters) -" is
/// 2024-03-24. Looks at the first 300 bytes only and takes the first date there that names its
/// day, month and year; `None` when there is none.
pub fn dateline_date(text: &str) -> Option<NaiveDate> {
    let head = &text[..floor_boundary(text, DATELINE_WINDOW)];
    find_dates(head, None)
        .into_iter()
        .find(|mention| {
            mention.kind == DateKind::Absolute && mention.span.precision == DatePrecision::Day
        })
        .map(|mention| mention.span.start)
}

/// [`find_dates`] over an already built [`TextIndex`], for callers that also run
/// [`crate::counts::find_counts_in`] and so tokenize the text once.
pub fn find_dates_in(view: &TextIndex<'_>, published: Option<NaiveDate>) -> Vec<DateMention> {
    let mut context = Context { view, published, anchor: None };
    let mut out = Vec::new();
    let mut index = 0;
    while index < view.len() {
        let found = if may_start_date(view, index) { context.parse(index) } else { None };
        let Some(found) = found else {
            index += 1;
            continue;
        };
        if found.span.precision == DatePrecision::Day && found.kind != DateKind::Since {
            context.anchor = Some(found.span.start);
        }
        out.push(DateMention {
            start: view.start(index),
            end: view.end(found.end.saturating_sub(1)),
            span: found.span,
            kind: found.kind,
        });
        index = found.end.max(index + 1);
    }
    out
}

/// Keywords a date can start with.
#[rustfmt::skip]
const STARTERS: [Kw; 22] = [
    Kw::Since, Kw::Between, Kw::From, Kw::Yesterday, Kw::Today, Kw::Tonight, Kw::Tomorrow,
    Kw::Last, Kw::Past, Kw::This, Kw::Next, Kw::Earlier, Kw::Later, Kw::Early, Kw::Mid,
    Kw::Late, Kw::End, Kw::Beginning, Kw::Start, Kw::The, Kw::That, Kw::A,
];

/// Whether a date expression can start at token `index`: a cheap filter that lets the reader
/// skip most words without trying every pattern.
fn may_start_date(view: &TextIndex<'_>, index: usize) -> bool {
    match view.lex(index) {
        Lex::Other => match view.kind(index) {
            Some(TokenKind::Number) => true,
            Some(TokenKind::Word) => view
                .str(index)
                .starts_with(|ch: char| ch.is_ascii_digit() || ch == 'm' || ch == 'M'),
            _ => false,
        },
        Lex::Stop | Lex::Unit(_) | Lex::Scale(_) => false,
        Lex::Kw(kw) => STARTERS.contains(&kw),
        Lex::Month(_) | Lex::MonthAbbr(_) | Lex::Weekday(_) | Lex::Num(_) => true,
    }
}

/// A date parsed at a token: where it ends (token index, exclusive) and what it means.
#[derive(Debug, Clone, Copy)]
struct Found {
    end: usize,
    span: DateSpan,
    kind: DateKind,
}

/// What resolution needs: the tokens, the publication date and the latest day-precision date.
struct Context<'v, 'a> {
    view: &'v TextIndex<'a>,
    published: Option<NaiveDate>,
    anchor: Option<NaiveDate>,
}

impl Context<'_, '_> {
    /// The date expression starting at token `index`, if any.
    fn parse(&self, index: usize) -> Option<Found> {
        match self.view.lex(index) {
            Lex::Kw(Kw::Since) => self.since(index),
            Lex::Kw(Kw::Between | Kw::From) => self.between(index),
            _ => self.core(index, false),
        }
    }

    /// A single date at `index`; `bare_ok` allows a bare month or year whatever precedes it.
    fn core(&self, index: usize, bare_ok: bool) -> Option<Found> {
        relative::parse(self, index).or_else(|| absolute::parse(self, index, bare_ok))
    }

    /// "since December 2023": from the inner date's start to publication.
    fn since(&self, index: usize) -> Option<Found> {
        let inner = self.core(index + 1, true)?;
        let span = match self.published {
            Some(published) if published >= inner.span.start => {
                calendar::span(inner.span.start, published, DatePrecision::Range)?
            }
            _ => inner.span,
        };
        Some(Found { end: inner.end, span, kind: DateKind::Since })
    }

    /// "between March 3 and 7", "from 1988 to 1990", "between 3 and 7 March".
    fn between(&self, index: usize) -> Option<Found> {
        let first = self.core(index + 1, true);
        // "between 3 and 7 March": a bare first day takes the second date's month.
        let bare_day = self.view.plain_number(index + 1, 2).filter(|_| first.is_none());
        let first_end = first.map_or(index + 2, |found| found.end);
        let joined = match self.view.lex(first_end) {
            Lex::Kw(Kw::And) => self.view.lex(index) == Lex::Kw(Kw::Between),
            Lex::Kw(Kw::To | Kw::Until | Kw::Through) => true,
            _ => self.view.is_punct(first_end, '-') || self.view.is_punct(first_end, '–'),
        };
        if !joined || (first.is_none() && bare_day.is_none()) {
            return None;
        }
        let second_index = first_end + 1;
        let second = match self.core(second_index, true) {
            Some(second) => second,
            None => {
                // "between March 3 and 7": a bare second day in the first date's month.
                let first = first.filter(|found| found.span.precision == DatePrecision::Day)?;
                let day = self.view.plain_number(second_index, 2)?;
                let date = calendar::with_day(first.span.start, day)?;
                Found { end: second_index + 1, span: DateSpan::day(date), kind: first.kind }
            }
        };
        let first = match (first, bare_day) {
            (Some(first), _) => first,
            (None, Some(day)) if second.span.precision == DatePrecision::Day => {
                let date = calendar::with_day(second.span.start, day)?;
                Found { end: first_end, span: DateSpan::day(date), kind: second.kind }
            }
            _ => return None,
        };
        let span = calendar::span(first.span.start, second.span.end, DatePrecision::Range)?;
        Some(Found { end: second.end, span, kind: first.kind })
    }

    /// Whether a bare month or year at `index` has a preposition before it.
    fn bare_context(&self, index: usize) -> bool {
        index > 0
            && matches!(
                self.view.lex(index - 1),
                Lex::Kw(
                    Kw::In
                        | Kw::Since
                        | Kw::By
                        | Kw::Until
                        | Kw::Of
                        | Kw::From
                        | Kw::Through
                        | Kw::Before
                        | Kw::After
                )
            )
    }

    /// A calendar year written as four plain digits within `range`.
    fn year_at(&self, index: usize, range: std::ops::RangeInclusive<u32>) -> Option<i32> {
        if self.view.str(index).len() != 4 {
            return None;
        }
        let year = self.view.plain_number(index, 4)?;
        range.contains(&year).then(|| i32::try_from(year).ok()).flatten()
    }

    /// Whether token `index` is a month name usable as one: capitalised in mixed-case text.
    fn month_at(&self, index: usize) -> Option<(u32, bool)> {
        let (month, abbreviated) = match self.view.lex(index) {
            Lex::Month(month) => (month, false),
            Lex::MonthAbbr(month) => (month, true),
            _ => return None,
        };
        let cased =
            self.view.mode != crate::text::CaseMode::Mixed || self.view.is_capitalized(index);
        (cased && self.view.kind(index) == Some(TokenKind::Word))
            .then_some((u32::from(month), abbreviated))
    }
}
