//! The text base never panics, keeps every span on char boundaries inside the text, and finishes
//! in bounded time on pathological input (huge unpunctuated runs, long repetitions).

use proptest::prelude::*;
use vigil_extract::{counts, dates, text};

/// Checks every invariant the readers promise for `input`.
fn check_invariants(input: &str) {
    let valid = |start: usize, end: usize| {
        start <= end
            && end <= input.len()
            && input.is_char_boundary(start)
            && input.is_char_boundary(end)
    };
    let sentences = text::sentences(input);
    let mut previous_end = 0;
    for sentence in &sentences {
        assert!(valid(sentence.start, sentence.end), "{sentence:?}");
        assert!(sentence.start >= previous_end && sentence.start < sentence.end);
        let slice = &input[sentence.start..sentence.end];
        assert_eq!(slice, slice.trim(), "sentences are trimmed");
        previous_end = sentence.end;
    }
    let mut previous_end = 0;
    for token in text::tokens(input, 0..input.len()) {
        assert!(valid(token.start, token.end) && token.start < token.end);
        assert!(token.start >= previous_end);
        previous_end = token.end;
    }
    let published = "2024-03-29".parse().ok();
    for published in [published, None] {
        let mut previous_end = 0;
        for mention in dates::find_dates(input, published) {
            assert!(valid(mention.start, mention.end) && mention.start >= previous_end);
            assert!(mention.span.start <= mention.span.end);
            previous_end = mention.end;
        }
    }
    let mut previous_end = 0;
    for mention in counts::find_counts(input) {
        assert!(valid(mention.start, mention.end) && mention.start >= previous_end);
        if let Some((start, end)) = mention.noun {
            assert!(valid(start, end) && start >= mention.end);
        }
        previous_end = mention.end;
    }
    let _ = dates::dateline_date(input);
    let _ = counts::parse_number_words(input);
    let _ = text::is_all_caps(input);
}

/// Pieces that exercise the readers' patterns, glued at random.
fn tricky_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("March".to_string()),
        Just("MAY".to_string()),
        Just("3".to_string()),
        Just("1,200".to_string()),
        Just("2024".to_string()),
        Just(".".to_string()),
        Just("…".to_string()),
        Just("Mr.".to_string()),
        Just("U.S.".to_string()),
        Just("\n\n".to_string()),
        Just("\n".to_string()),
        Just(" ".to_string()),
        Just("between".to_string()),
        Just("since".to_string()),
        Just("the same day".to_string()),
        Just("two days later".to_string()),
        Just("at least".to_string()),
        Just("dozens of".to_string()),
        Just("e\u{301}\u{302}\u{303}".to_string()),
        Just("Kyiv’s".to_string()),
        Just("”".to_string()),
        Just("-".to_string()),
        Just("/".to_string()),
        Just("mid-".to_string()),
        "\\PC{0,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_strings_never_panic(input in "\\PC{0,300}") {
        check_invariants(&input);
    }

    #[test]
    fn any_unicode_never_panics(input in any::<String>()) {
        check_invariants(&input);
    }

    #[test]
    fn tricky_compositions_never_panic(pieces in prop::collection::vec(tricky_piece(), 0..60)) {
        check_invariants(&pieces.concat());
    }

    #[test]
    fn arbitrary_token_ranges_are_safe(input in "\\PC{0,80}", start in 0usize..120, end in 0usize..120) {
        for token in text::tokens(&input, start..end) {
            prop_assert!(input.is_char_boundary(token.start) && input.is_char_boundary(token.end));
            prop_assert!(token.end <= input.len());
        }
    }
}

/// Runs every reader once over `input`; the test passes if this returns.
fn run_all(input: &str) -> usize {
    let published = "2024-03-29".parse().ok();
    text::sentences(input).len()
        + text::tokens(input, 0..input.len()).len()
        + dates::find_dates(input, published).len()
        + counts::find_counts(input).len()
}

#[test]
fn two_megabytes_without_punctuation_finish() {
    let input = "word March 3 some 140 people ".repeat(2 * 1024 * 1024 / 29);
    assert!(run_all(&input) > 0);
    assert_eq!(text::sentences(&input).len(), 1);
    let single_word = "a".repeat(2 * 1024 * 1024);
    assert_eq!(text::tokens(&single_word, 0..single_word.len()).len(), 1);
    assert_eq!(text::sentences(&single_word).len(), 1);
    let digits = "1,000".repeat(100_000);
    run_all(&digits);
}

#[test]
fn repeated_tokens_finish() {
    for piece in [
        "Mr. ",
        ". ",
        "\n\n",
        "12 ",
        "March 3 ",
        "the same day ",
        "between ",
        "e\u{301}",
        "word. ",
        "... ",
        "two days ",
        "one hundred ",
    ] {
        let input = piece.repeat(100_000);
        run_all(&input);
    }
}
