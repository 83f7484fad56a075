//! Properties that hold for any text: no panics, sorted non-overlapping spans on char
//! boundaries that spell the reported alias.

use proptest::prelude::*;

use super::kb;
use crate::kb::MatchOptions;

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "IS",
            "ISIS",
            "crisis",
            "this",
            "IS-K",
            "ISIS-K",
            "’s",
            "'s",
            "Moscow",
            "Islamic State",
            "Islamic\nState",
            " group",
            "Élysée",
            "ÉLYSÉE",
            "ß",
            "é",
            "—",
            "-",
            " ",
            "\n",
            "FMLN",
            "SL",
            "SHINING PATH",
            "Tajiks",
            "Latin American",
            "National Guard",
            "DSS",
            "U.S.",
            "“Khorasan”",
        ])
        .prop_map(str::to_string),
        "\\PC{0,6}",
    ]
}

fn check(text: &str, options: MatchOptions) {
    let kb = kb();
    let matches = kb.find_actors(text, options);
    let mut last_end = 0;
    for m in &matches {
        assert!(m.start >= last_end && m.start < m.end, "{matches:?}");
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert_eq!(&text[m.start..m.end], m.alias);
        assert!(m.entry < kb.entries().len());
        last_end = m.end;
    }
    let mut last_end = 0;
    for (start, end, code) in kb.find_demonyms(text) {
        assert!(
            start >= last_end
                && start < end
                && text.is_char_boundary(start)
                && text.is_char_boundary(end)
        );
        assert_eq!(code.len(), 2);
        last_end = end;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_text_yields_well_formed_matches(parts in prop::collection::vec(fragment(), 0..24)) {
        let text = parts.concat();
        check(&text, MatchOptions::default());
        check(&text, MatchOptions { text_is_all_caps: true });
        check(&text.to_uppercase(), MatchOptions::for_text(&text.to_uppercase()));
    }
}
