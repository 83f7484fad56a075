//! No byte string makes a reader panic, whatever format is forced, and every document it makes
//! has a sound offset map.

mod common;

use proptest::prelude::*;
use vigil_ingest::{Format, FormatHint, ReadOptions, parse};

const FORMATS: [Option<Format>; 7] = [
    None,
    Some(Format::Text),
    Some(Format::Markdown),
    Some(Format::Html),
    Some(Format::Feed),
    Some(Format::JsonLines),
    Some(Format::Csv),
];

/// Bytes biased towards the characters the readers care about.
fn markup_bytes() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::sample::select(vec![
        "<",
        ">",
        "</",
        "<item>",
        "</item>",
        "<entry>",
        "<rss version=\"2.0\">",
        "<channel>",
        "<p>",
        "<![CDATA[",
        "]]>",
        "<!--",
        "-->",
        "{",
        "}",
        "[",
        "]",
        "\"",
        ",",
        ":",
        "\n",
        "\n\n",
        "\t",
        " ",
        "#",
        "*",
        "_",
        "`",
        "](",
        ")",
        "©",
        "@",
        "é",
        "\u{FFFD}",
        "text",
        "2024-03-29",
        "\r\n",
        "&amp;",
        "&",
        "\\",
        "\0",
        "\u{FEFF}",
    ]);
    prop::collection::vec(
        prop_oneof![pieces.prop_map(|s| s.as_bytes().to_vec()), any::<u8>().prop_map(|b| vec![b])],
        0..200,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    // 256 cases by default; PROPTEST_CASES=N runs more.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|cases| cases.parse().ok()).unwrap_or(256),
        ..ProptestConfig::default()
    })]

    #[test]
    fn parse_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        for format in FORMATS {
            let options = ReadOptions { format, ..ReadOptions::default() };
            let output = parse("prop", &bytes, FormatHint::none(), &options);
            output.documents.iter().for_each(common::check_offsets);
        }
    }

    #[test]
    fn parse_never_panics_on_markup_like_bytes(bytes in markup_bytes()) {
        for format in FORMATS {
            let options = ReadOptions { format, ..ReadOptions::default() };
            let output = parse("prop", &bytes, FormatHint::none(), &options);
            output.documents.iter().for_each(common::check_offsets);
        }
    }

    #[test]
    fn parse_never_panics_on_text_like_strings(text in "[ -~\n\t©éЖ€’“”•·|]{0,400}") {
        for format in FORMATS {
            let options = ReadOptions { format, ..ReadOptions::default() };
            let output = parse("prop", text.as_bytes(), FormatHint::none(), &options);
            output.documents.iter().for_each(common::check_offsets);
        }
    }
}
