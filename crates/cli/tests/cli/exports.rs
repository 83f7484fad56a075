//! Exports, imports and briefings end to end, on the demo store and the founding article.

use std::path::PathBuf;

use serde_json::Value;

use super::support::Sandbox;

/// The id of the incident with the most of `field` (`documents`, `claims`).
fn most(sandbox: &Sandbox, field: &str) -> String {
    let incidents = sandbox.json(&[&"incidents"]);
    let top = incidents
        .as_array()
        .unwrap()
        .iter()
        .max_by_key(|i| i[field].as_array().unwrap().len())
        .unwrap();
    top["id"].as_str().unwrap().to_string()
}

#[test]
fn every_export_writes_its_format_and_stix_is_deterministic() {
    let sandbox = Sandbox::with_demo();
    let incidents = sandbox.json(&[&"incidents"]).as_array().unwrap().len();
    sandbox.run(&[&"export", &"stix", &"--all", &"-o", &sandbox.path("one.json")]).success();
    sandbox.run(&[&"export", &"stix", &"--all", &"-o", &sandbox.path("two.json")]).success();
    let one = std::fs::read(sandbox.path("one.json")).unwrap();
    assert_eq!(one, std::fs::read(sandbox.path("two.json")).unwrap(), "same store, same bundle");
    let bundle: Value = serde_json::from_slice(&one).unwrap();
    assert_eq!(bundle["type"], "bundle");
    let objects = bundle["objects"].as_array().unwrap();
    assert_eq!(objects.iter().filter(|o| o["type"] == "incident").count(), incidents);
    assert!(objects.iter().all(|o| o["spec_version"] == "2.1" || o["type"] == "bundle"));
    let acled = sandbox.run(&[&"export", &"csv", &"--style", &"acled"]).success().stdout;
    assert!(acled.starts_with("event_id_cnty,event_date,year,time_precision"));
    assert_eq!(acled.lines().count(), incidents + 1);
    let gtd =
        sandbox.run(&[&"export", &"csv", &"--style", &"gtd", &"--country", &"RU"]).success().stdout;
    assert!(gtd.starts_with("eventid,iyear,imonth,iday"));
    let geo: Value =
        serde_json::from_str(&sandbox.run(&[&"export", &"geojson"]).success().stdout).unwrap();
    let features = geo["features"].as_array().unwrap();
    let unlocated = geo["unlocated"].as_array().unwrap();
    assert_eq!(features.len(), incidents);
    assert_eq!(features.iter().filter(|f| f["geometry"].is_null()).count(), unlocated.len());
    let jsonl = sandbox.run(&[&"export", &"jsonl", &"--type", &"bombing"]).success().stdout;
    assert!(jsonl.lines().all(|line| {
        serde_json::from_str::<Value>(line).is_ok_and(|v| v["incident_type"]["value"] == "bombing")
    }));
}

#[test]
fn stix_actors_come_back_into_the_knowledge_base() {
    let sandbox = Sandbox::with_demo();
    let bundle = sandbox.write(
        "opencti.json",
        br#"{"type": "bundle", "id": "bundle--6e1a4c84-0a5e-4ad8-9b0c-3d7c2b1e4f50", "objects": [
          {"type": "threat-actor", "spec_version": "2.1", "id": "threat-actor--0f1e2d3c-4b5a-4697-8877-665544332211",
           "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
           "name": "Sahel Liberation Vanguard", "aliases": ["SLV"], "threat_actor_types": ["terrorist"]},
          {"type": "location", "spec_version": "2.1", "id": "location--1f1e2d3c-4b5a-4697-8877-665544332211",
           "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z", "country": "ML"}
        ]}"#,
    );
    let report = sandbox.json(&[&"import", &"stix", &bundle]);
    assert_eq!((report["entries"].as_u64(), report["skipped"].as_u64()), (Some(1), Some(1)));
    let story = sandbox.write("story.txt", b"Gunmen attack convoy in Mali\n\nThe Sahel Liberation Vanguard said on Monday it attacked a convoy near Gao, killing five soldiers.\n");
    let extraction = sandbox.json(&[&"extract", &story, &"--published", &"2024-05-06"]);
    let actors: Vec<&str> = extraction["actors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["name"].as_str())
        .collect();
    assert!(actors.contains(&"Sahel Liberation Vanguard"), "{actors:?}");
    // Vigil's own export reads back too.
    sandbox.run(&[&"export", &"stix", &"--all", &"-o", &sandbox.path("all.json")]).success();
    let again = sandbox.json(&[&"import", &"stix", &sandbox.path("all.json")]);
    assert!(again["entries"].as_u64().unwrap() > 5, "{again}");
    sandbox.run(&[&"extract", &story]).success();
    let broken = sandbox.write("broken.json", br#"{"type": "report"}"#);
    assert!(
        sandbox.run(&[&"import", &"stix", &broken]).code(1).stderr.contains("not a STIX bundle")
    );
}

#[test]
fn a_briefing_cites_its_sources_in_markdown_and_html() {
    let sandbox = Sandbox::with_demo();
    let id = most(&sandbox, "documents");
    let markdown = sandbox.run(&[&"brief", &"--incident", &id]).success().stdout;
    for section in [
        "## Summary",
        "## Timeline",
        "## Map",
        "## Attribution",
        "## Claims and denials",
        "## Sources",
    ] {
        assert!(markdown.contains(section), "{section} missing:\n{markdown}");
    }
    assert!(markdown.contains("[^1]:") && markdown.contains("<svg"));
    sandbox
        .run(&[
            &"brief",
            &"--incident",
            &id,
            &"--format",
            &"html",
            &"-o",
            &sandbox.path("brief.html"),
        ])
        .success();
    let html = std::fs::read_to_string(sandbox.path("brief.html")).unwrap();
    assert!(
        html.contains("<sup><a href=\"#source-1\">1</a></sup>") && html.contains("id=\"source-1\"")
    );
    let actor = sandbox
        .run(&[&"brief", &"--actor", &"IS", &"--from", &"2024-01-01", &"--to", &"2024-12-31"])
        .success()
        .stdout;
    assert!(actor.starts_with("# Briefing: Islamic State"), "{actor}");
    assert!(
        sandbox
            .run(&[&"brief", &"--actor", &"Nobody Whatsoever"])
            .code(1)
            .stderr
            .contains("nothing to brief")
    );
}

#[test]
fn the_founding_article_briefing_names_claim_accusation_and_denial() {
    let Some(shared) = std::env::var_os("VIGIL_SHARED").map(PathBuf::from) else {
        println!("skipped: VIGIL_SHARED unset");
        return;
    };
    let sandbox = Sandbox::new();
    sandbox.run(&[&"ingest", &shared.join("corpus/dss-2024-03-29-moscow-attack.txt")]).success();
    let id = most(&sandbox, "claims");
    let brief = sandbox.run(&[&"brief", &"--incident", &id]).success().stdout;
    assert!(brief.contains("responsibility by Islamic State"), "{brief}");
    assert!(brief.contains("accusation by Vladimir Putin"), "{brief}");
    assert!(brief.contains("denial by Ukraine"), "{brief}");
    assert!(brief.contains("22 March 2024"), "{brief}");
    // The article is dated 29 March; nothing in the briefing may take that for an event's date.
    let timeline = brief.split("## Timeline").nth(1).unwrap().split("## Map").next().unwrap();
    assert!(!timeline.contains("29 March 2024"), "{timeline}");
}
