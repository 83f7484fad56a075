//! The founding article (DSS, 2024-03-29) read end to end, when `VIGIL_SHARED` points at the
//! shared evaluation data; says "skipped" otherwise. The article text never enters the repo.

use chrono::NaiveDate;
use vigil_domain::{CountQualifier, DatePrecision, DateSpan};
use vigil_extract::counts::{CountMention, find_counts};
use vigil_extract::dates::{DateKind, DateMention, find_dates};

/// Reads the article, or `None` (after saying so) when the shared data is not configured.
fn article() -> Option<String> {
    let Some(shared) = std::env::var_os("VIGIL_SHARED") else {
        println!("skipped: VIGIL_SHARED unset");
        return None;
    };
    let path = std::path::Path::new(&shared).join("corpus/dss-2024-03-29-moscow-attack.txt");
    Some(
        std::fs::read_to_string(&path)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display())),
    )
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap_or_else(|_| panic!("bad test date {text}"))
}

/// The date mention that starts where `phrase` (with `skip` leading bytes dropped) starts.
fn date_at<'m>(
    text: &str,
    mentions: &'m [DateMention],
    phrase: &str,
    skip: usize,
) -> &'m DateMention {
    let at = text.find(phrase).unwrap_or_else(|| panic!("{phrase:?} not in the article")) + skip;
    mentions
        .iter()
        .find(|m| m.start == at)
        .unwrap_or_else(|| panic!("no date at {phrase:?}; found {mentions:#?}"))
}

fn count_at<'m>(text: &str, mentions: &'m [CountMention], phrase: &str) -> &'m CountMention {
    let at = text.find(phrase).unwrap_or_else(|| panic!("{phrase:?} not in the article"));
    mentions
        .iter()
        .find(|m| m.start == at)
        .unwrap_or_else(|| panic!("no count at {phrase:?}; found {mentions:#?}"))
}

#[test]
fn founding_article_dates() {
    let Some(text) = article() else { return };
    let mentions = find_dates(&text, Some(date("2024-03-29")));
    let day = |d: &str| DateSpan::day(date(d));
    let month = |start: &str, end: &str| DateSpan {
        start: date(start),
        end: date(end),
        precision: DatePrecision::Month,
    };
    let cases = [
        ("weeks earlier on March 3", "weeks earlier on ".len(), day("2024-03-03")),
        ("on March 7", 3, day("2024-03-07")),
        ("the same day", 0, day("2024-03-07")),
        ("in March 2023", 3, month("2023-03-01", "2023-03-31")),
        ("in August 2022", 3, month("2022-08-01", "2022-08-31")),
        ("in December 2022", 3, month("2022-12-01", "2022-12-31")),
        ("The March 22 operation", 4, day("2024-03-22")),
        (
            "Since December 2023",
            0,
            DateSpan {
                start: date("2023-12-01"),
                end: date("2024-03-29"),
                precision: DatePrecision::Range,
            },
        ),
    ];
    for (phrase, skip, span) in cases {
        let mention = date_at(&text, &mentions, phrase, skip);
        assert_eq!(mention.span, span, "{phrase}");
    }
    assert_eq!(date_at(&text, &mentions, "the same day", 0).kind, DateKind::Anaphoric);
    assert_eq!(date_at(&text, &mentions, "Since December 2023", 0).kind, DateKind::Since);
}

#[test]
fn founding_article_counts() {
    let Some(text) = article() else { return };
    let mentions = find_counts(&text);
    let cases = [
        ("some 140", 140, CountQualifier::Approximately, Some("civilian victims")),
        ("about 150", 150, CountQualifier::Approximately, Some("people")),
        ("six IS members", 6, CountQualifier::Exact, Some("IS members")),
        ("three IS members", 3, CountQualifier::Exact, Some("IS members")),
        ("dozens", 24, CountQualifier::Dozens, Some("suspected operatives")),
    ];
    for (phrase, best, qualifier, noun) in cases {
        let mention = count_at(&text, &mentions, phrase);
        assert_eq!((mention.count.best, mention.count.qualifier), (best, qualifier), "{phrase}");
        assert_eq!(mention.noun.map(|(start, end)| &text[start..end]), noun, "{phrase}");
    }
    let dozens = count_at(&text, &mentions, "dozens");
    assert_eq!((dozens.count.min, dozens.count.max), (Some(24), None));
}
