//! Merging a user file into the built-in knowledge base, and reporting bad files.

use super::kb;
use crate::kb::{KbError, MatchOptions};

#[test]
fn a_user_file_adds_entries_and_extends_existing_ones() {
    let base = kb();
    let user = r#"
        [[entry]]
        name = "islamic state khorasan province"
        country = "AF"
        aliases = ["Daesh-K", { text = "ISK", case_sensitive = false }]

        [[entry]]
        name = "Crocus Liberation Front"
        kind = "armed_group"
        country = "RU"
        parent = "islamic state"
        aliases = [{ text = "CLF", case_sensitive = true }]

        [[demonym]]
        country = "XK"
        words = ["Dardanian"]
    "#;
    let merged = base.merged_with(user).unwrap();
    assert_eq!(merged.entries().len(), base.entries().len() + 1);
    let iskp = merged.entry("Daesh-K").unwrap();
    assert_eq!(
        (iskp.name.as_str(), iskp.country.as_deref()),
        ("Islamic State Khorasan Province", Some("AF"))
    );
    assert!(iskp.aliases.iter().any(|a| a.text == "ISK" && !a.case_sensitive));
    assert_eq!(merged.ancestors("CLF"), ["Islamic State"]);
    assert_eq!(merged.entry("CLF").unwrap().parent.as_deref(), Some("Islamic State"));
    let names: Vec<&str> = merged
        .find_actors("The CLF and Daesh-K, not the clf.", MatchOptions::default())
        .iter()
        .map(|m| merged.entries()[m.entry].name.as_str())
        .collect();
    assert_eq!(names, ["Crocus Liberation Front", "Islamic State Khorasan Province"]);
    assert_eq!(merged.demonym("Dardanians"), Some("XK"));
    assert_eq!(base.entry("Daesh-K"), None, "the built-in base is unchanged");
    assert_eq!(base.entry("Islamic State Khorasan Province").unwrap().country, None);
}

/// Whether an error is the one a bad file should raise.
type IsExpected = fn(&KbError) -> bool;

#[test]
fn bad_user_files_are_reported() {
    let base = kb();
    let cases: [(&str, IsExpected); 5] = [
        ("[[entry]\nname = ", |e| matches!(e, KbError::Parse { .. })),
        ("[[entry]]\nname = \"X\"\nkind = \"armed_group\"\nparent = \"Nobody\"", |e| {
            matches!(e, KbError::UnknownReference { field: "parent", .. })
        }),
        ("[[entry]]\nname = \"New Group\"", |e| matches!(e, KbError::MissingKind { .. })),
        ("[[entry]]\nname = \"Y\"\nkind = \"state\"\ncountry = \"usa\"", |e| {
            matches!(e, KbError::BadCountry { .. })
        }),
        ("[[entry]]\nname = \"Z\"\nkind = \"tribe\"", |e| matches!(e, KbError::Parse { .. })),
    ];
    for (text, expected) in cases {
        let error = base.merged_with(text).unwrap_err();
        assert!(expected(&error), "{text:?}: {error}");
        let message = error.to_string();
        assert!(message.chars().next().is_some_and(|c| !c.is_uppercase()), "{message}");
    }
}
