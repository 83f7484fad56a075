//! The founding article from the shared data (`VIGIL_SHARED`): boilerplate stripped and the
//! Kaluga plot searchable. Skipped when `VIGIL_SHARED` is unset.

use std::path::PathBuf;

use super::support::Sandbox;

const ARTICLE: &str = "corpus/dss-2024-03-29-moscow-attack.txt";

#[test]
fn the_founding_article_is_cleaned_and_searchable() {
    let Some(shared) = std::env::var_os("VIGIL_SHARED").map(PathBuf::from) else {
        println!("skipped: VIGIL_SHARED unset");
        return;
    };
    let article = shared.join(ARTICLE);
    assert!(article.is_file(), "VIGIL_SHARED is set but {} is missing", article.display());
    let sandbox = Sandbox::new();
    let summary = sandbox.run(&[&"ingest", &article]).success().summary();
    assert_eq!((summary.new, summary.failed), (1, 0), "{summary:?}");

    let docs = sandbox.docs();
    assert_eq!(docs.len(), 1, "{docs:#?}");
    let id = docs[0]["id"].as_str().unwrap();
    let shown = sandbox.run(&[&"show", &id]).success();
    assert!(shown.stdout.contains("Kaluga"), "{}", shown.stdout);
    for footer in ["@", "©", "00442036758971", "Great West Road"] {
        assert!(!shown.stdout.contains(footer), "footer {footer:?} left in:\n{}", shown.stdout);
    }

    let found = sandbox.run(&[&"search", &"Kaluga synagogue"]).success();
    let first = found.stdout.lines().next().unwrap_or_default();
    assert!(first.starts_with(id), "{}", found.stdout);
    assert!(found.stdout.contains("[Kaluga]"), "{}", found.stdout);
}
