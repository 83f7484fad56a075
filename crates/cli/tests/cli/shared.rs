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

/// `vigil gazetteer import` reads the shared GeoNames files and the reader then uses them:
/// the founding article's Karabulak resolves to Ingushetia.
#[test]
fn geonames_import_is_merged_into_the_reader() {
    let Some(shared) = std::env::var_os("VIGIL_SHARED").map(PathBuf::from) else {
        println!("skipped: VIGIL_SHARED unset");
        return;
    };
    let geonames = shared.join("data/geonames");
    let sandbox = Sandbox::new();
    let imported = sandbox
        .run(&[
            &"--json",
            &"gazetteer",
            &"import",
            &geonames.join("cities15000.zip"),
            &geonames.join("countryInfo.tsv"),
            &geonames.join("regionInfo.tsv"),
        ])
        .success()
        .json();
    assert!(imported["places"].as_u64().unwrap_or(0) > 30_000, "{imported}");
    let extraction = sandbox
        .run(&[&"extract", &shared.join(ARTICLE), &"--published", &"2024-03-29"])
        .success()
        .json();
    let karabulak = extraction["incidents"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|incident| incident["location"].as_object())
        .find(|location| location["name"] == "Karabulak")
        .cloned();
    let karabulak = karabulak.unwrap_or_else(|| panic!("no Karabulak in {extraction:#}"));
    assert_eq!(karabulak["country"], "RU");
}
