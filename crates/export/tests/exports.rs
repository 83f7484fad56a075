//! Exports of a small fused set: a contested attack (claim, accusation, denial, three tolls)
//! and an undated, unlocated plot. The briefing is a snapshot; the others are checked by shape.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests stop on setup errors")]

use vigil_domain::ActorKind;
use vigil_export::brief::{Scope, briefing};
use vigil_export::{ActorInfo, DocumentInfo, ExportSet};
use vigil_fusion::{Mention, consensus};

fn mention(json: &str) -> Mention {
    serde_json::from_str(json).expect("fixture mention parses")
}

fn set() -> ExportSet {
    let attack = [
        r#"{"key": "aaaa000000000001/i1", "document": "aaaa000000000001", "published": "2024-03-22", "source": "Northwire", "reliability": "F",
            "incident": {"id": "i1", "type": "armed_assault", "stage": "accomplished",
              "date": {"start": "2024-03-22", "end": "2024-03-22", "precision": "day"},
              "location": {"name": "Krasnogorsk", "admin1": "Moscow Oblast", "country": "RU", "lat": 55.8204, "lon": 37.3302, "precision": "city"},
              "site": "Crocus City Hall", "killed": {"best": 40, "qualifier": "at_least"}, "target_types": ["private_citizens"], "weapons": ["firearms", "incendiary"]},
            "claims": []}"#,
        r#"{"key": "bbbb000000000002/i1", "document": "bbbb000000000002", "published": "2024-03-23", "source": "Caspian Monitor", "reliability": "B",
            "incident": {"id": "i1", "type": "armed_assault", "stage": "accomplished",
              "date": {"start": "2024-03-22", "end": "2024-03-22", "precision": "day"},
              "location": {"name": "Krasnogorsk", "country": "RU", "lat": 55.8204, "lon": 37.3302, "precision": "city"},
              "killed": {"best": 133, "qualifier": "at_least"},
              "attribution": [{"actor": "Islamic State Khorasan Province", "confidence": "claimed", "claim": "c1"}]},
            "claims": [{"id": "c1", "kind": "responsibility", "claimant": "Islamic State Khorasan Province", "subject": "i1", "accused": [], "modality": "asserted", "channel": "Amaq", "probability": null, "date": null, "evidence": []}]}"#,
        r#"{"key": "cccc000000000003/i1", "document": "cccc000000000003", "published": "2024-03-25", "source": "Meridian Post", "reliability": "F",
            "incident": {"id": "i1", "type": "attack", "stage": "accomplished", "killed": {"best": 137, "qualifier": "exact"},
              "attribution": [{"actor": "Ukraine", "confidence": "accused_by_authorities", "claim": "c1"}, {"actor": "Ukraine", "confidence": "denied", "claim": "c2"}]},
            "claims": [
              {"id": "c1", "kind": "accusation", "claimant": "Vladimir Putin", "subject": "i1", "accused": ["Ukraine"], "modality": "hedged", "channel": null, "probability": null, "date": null, "evidence": []},
              {"id": "c2", "kind": "denial", "claimant": "Ukraine", "subject": "i1", "accused": ["Ukraine"], "modality": "asserted", "channel": null, "probability": null, "date": null, "evidence": []},
              {"id": "c3", "kind": "assessment", "claimant": "United States", "subject": "i1", "accused": [], "modality": "hedged", "channel": null, "probability": "very_likely", "date": null, "evidence": []}]}"#,
    ]
    .map(mention);
    let plot = [mention(
        r#"{"key": "dddd000000000004/i1", "document": "dddd000000000004", "published": "2024-03-08", "source": "Meridian Post", "reliability": "F",
            "incident": {"id": "i1", "type": "armed_assault", "stage": "planned", "site": "a synagogue"}, "claims": []}"#,
    )];
    let incidents = vec![consensus(&attack, &[]).unwrap(), consensus(&plot, &[]).unwrap()];
    let documents = [
        ("aaaa000000000001", "Northwire", "2024-03-22", "Gunmen storm concert hall", "F"),
        ("bbbb000000000002", "Caspian Monitor", "2024-03-23", "Toll rises; IS claims attack", "B"),
        (
            "cccc000000000003",
            "Meridian Post",
            "2024-03-25",
            "Putin points to Ukraine; Kyiv denies",
            "F",
        ),
        ("dddd000000000004", "Meridian Post", "2024-03-08", "Synagogue plot foiled", "F"),
    ]
    .map(|(id, source, published, title, reliability)| DocumentInfo {
        id: id.to_string(),
        title: Some(title.to_string()),
        source: Some(source.to_string()),
        published: published.parse().ok(),
        origin: format!("fixture/{id}.txt"),
        reliability: reliability.to_string(),
    })
    .to_vec();
    let actors = [
        ("Islamic State Khorasan Province", ActorKind::ArmedGroup, vec!["ISKP", "IS-K"]),
        ("Ukraine", ActorKind::State, vec!["Kyiv"]),
        ("Vladimir Putin", ActorKind::Person, vec![]),
        ("United States", ActorKind::State, vec![]),
    ]
    .into_iter()
    .map(|(name, kind, aliases)| ActorInfo {
        name: name.to_string(),
        kind: Some(kind),
        aliases: aliases.into_iter().map(str::to_string).collect(),
        country: None,
    })
    .collect();
    ExportSet { incidents, documents, actors, boards: Vec::new() }
}

#[test]
fn the_briefing_names_claim_accusation_and_denial_and_dates_only_what_is_dated() {
    let set = set();
    let attack = set.incidents[0].id.clone();
    let brief = briefing(&set, &Scope::Incident(attack)).unwrap();
    insta::assert_snapshot!(brief.markdown);
    assert!(brief.html.starts_with("<!doctype html>") && brief.html.contains("<svg"));
    let plot = set.incidents[1].id.clone();
    let brief = briefing(&set, &Scope::Incident(plot)).unwrap();
    assert!(brief.markdown.contains("date not reported"), "{}", brief.markdown);
    assert!(!brief.markdown.contains("2024-03-08:"), "the report's date is not the plot's");
}

#[test]
fn geojson_has_a_geometry_or_lists_the_incident_as_unlocated() {
    let set = set();
    let value = vigil_export::geo::feature_collection(&set);
    let parsed: geojson::GeoJson = value.to_string().parse().expect("valid GeoJSON");
    let geojson::GeoJson::FeatureCollection(collection) = parsed else {
        panic!("not a collection")
    };
    assert_eq!(collection.features.len(), 2);
    let unlocated: Vec<&str> =
        value["unlocated"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
    for feature in &collection.features {
        let id = feature.property("id").and_then(|v| v.as_str()).unwrap();
        assert!(feature.geometry.is_some() || unlocated.contains(&id), "{id}");
    }
    assert_eq!(unlocated, [set.incidents[1].id.as_str()]);
}

#[test]
fn tables_follow_their_column_sets() {
    let set = set();
    let acled = vigil_export::tables::acled(&set).unwrap();
    let mut lines = acled.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("event_id_cnty,event_date,year,time_precision,disorder_type,event_type")
    );
    let row = lines.next().unwrap();
    assert!(
        row.contains("Violence against civilians,Attack") && row.contains("2024-03-22,2024,1,"),
        "{row}"
    );
    assert!(row.contains(",133,"), "consensus toll from the most reliable source: {row}");
    assert!(lines.next().unwrap().contains("Disrupted weapons use"));
    let gtd = vigil_export::tables::gtd(&set).unwrap();
    let row = gtd.lines().nth(1).unwrap();
    assert!(
        row.contains(",2024,03,22,")
            && row.contains("Islamic State Khorasan Province")
            && row.contains(",Amaq,"),
        "{row}"
    );
}

#[test]
fn stix_ids_and_bundles_are_deterministic() {
    let first = vigil_export::stix::bundle(&set());
    let second = vigil_export::stix::bundle(&set());
    assert_eq!(first, second);
    let objects = first["objects"].as_array().unwrap();
    let of = |kind: &str| objects.iter().filter(|o| o["type"] == kind).count();
    assert_eq!((of("incident"), of("report"), of("threat-actor")), (2, 4, 1));
    let opinions: Vec<&str> = objects
        .iter()
        .filter(|o| o["type"] == "opinion")
        .filter_map(|o| o["opinion"].as_str())
        .collect();
    assert_eq!(opinions.len(), 3, "{opinions:?}");
    for wanted in ["strongly-agree", "agree", "strongly-disagree"] {
        assert!(opinions.contains(&wanted), "{opinions:?}");
    }
    // The threat actor round-trips into knowledge-base entries with its aliases.
    let imported = vigil_export::import::kb_entries(&first).unwrap();
    let iskp =
        imported.entries.iter().find(|e| e.name == "Islamic State Khorasan Province").unwrap();
    assert_eq!(
        (iskp.kind.as_str(), iskp.aliases.clone()),
        ("armed_group", vec!["ISKP".to_string(), "IS-K".to_string()])
    );
    assert!(vigil_export::import::kb_toml(&imported.entries).unwrap().contains("[[entry]]"));
}
