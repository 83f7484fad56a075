//! Tests of the knowledge base: data integrity, matching, merging and speed.

#![allow(clippy::unwrap_used, reason = "tests fail loudly on broken data")]

mod gold;
mod integrity;
mod matching;
mod merge;
mod props;
mod speed;

use super::{Kb, MatchOptions};

/// The built-in knowledge base, failing the test with the loader's message if it is broken.
fn kb() -> &'static Kb {
    static CHECKED: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    CHECKED.get_or_init(|| {
        if let Err(e) = Kb::try_builtin() {
            panic!("built-in knowledge base does not load: {e}");
        }
    });
    Kb::builtin()
}

/// Canonical names found in `text`, in order, with their aliases as written.
fn found(text: &str, caps: bool) -> Vec<(String, String)> {
    let kb = kb();
    kb.find_actors(text, MatchOptions { text_is_all_caps: caps })
        .into_iter()
        .map(|m| (kb.entries()[m.entry].name.clone(), m.alias))
        .collect()
}

/// Canonical names found in `text`, in order.
fn names(text: &str, caps: bool) -> Vec<String> {
    found(text, caps).into_iter().map(|(name, _)| name).collect()
}
