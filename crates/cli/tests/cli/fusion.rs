//! Fused incidents end to end: the demo corpus fused on ingest, listed, scored against its
//! fusion key, and changed by an analyst (merge, split, edit) with the changes recorded.

use serde_json::Value;

use super::support::Sandbox;

fn incidents(sandbox: &Sandbox) -> Vec<Value> {
    sandbox.json(&[&"incidents"]).as_array().unwrap().clone()
}

fn documents(incident: &Value) -> usize {
    incident["documents"].as_array().unwrap().len()
}

#[test]
fn the_crocus_reports_fuse_into_one_incident_with_every_toll() {
    let sandbox = Sandbox::with_demo();
    let all = incidents(&sandbox);
    let crocus = all.iter().max_by_key(|incident| documents(incident)).unwrap();
    assert!(documents(crocus) >= 5, "{crocus:#}");
    assert_eq!(crocus["location"]["value"]["country"], "RU");
    assert_eq!(crocus["date"]["value"]["start"], "2024-03-22");
    let tolls: Vec<u64> = crocus["killed"]["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|value| value["value"]["best"].as_u64().unwrap())
        .collect();
    assert!(tolls.len() >= 3, "{tolls:?}");
    let range = &crocus["killed"]["range"];
    assert!(range[0].as_u64() < range[1].as_u64(), "{range}");
    // The claim and the denial sit side by side.
    let confidences: Vec<&str> = crocus["attribution"]
        .as_array()
        .unwrap()
        .iter()
        .map(|link| link["confidence"].as_str().unwrap())
        .collect();
    assert!(confidences.contains(&"claimed") && confidences.contains(&"denied"), "{confidences:?}");
}

#[test]
fn fusion_scores_against_the_demo_key_above_its_floor() {
    let sandbox = Sandbox::with_demo();
    let key = super::support::demo_corpus().join("../fusion-key.json");
    let score = sandbox.json(&[&"eval", &"fusion", &"--key", &key]);
    let aligned = &score["aligned"];
    // A floor, not a target: the figure itself is in docs/benchmarks.md.
    assert!(aligned["precision"].as_f64().unwrap() >= 0.95, "{score:#}");
    assert!(aligned["f1"].as_f64().unwrap() >= 0.88, "{score:#}");
    assert!(aligned["items"].as_u64().unwrap() >= 40, "{score:#}");
}

#[test]
fn the_held_out_reports_fuse_above_their_floor_and_two_kabul_attacks_stay_apart() {
    let sandbox = Sandbox::new();
    let folder = super::support::demo_corpus().join("../heldout");
    sandbox.run(&[&"--quiet", &"ingest", &folder]).success();
    let key = super::support::demo_corpus().join("../heldout-fusion-key.json");
    let score = sandbox.json(&[&"eval", &"fusion", &"--key", &key]);
    let aligned = &score["aligned"];
    // A floor under the figure measured once, never tuned on (docs/benchmarks.md).
    assert_eq!(aligned["items"].as_u64(), Some(9), "{score:#}");
    assert!(aligned["precision"].as_f64().unwrap() >= 0.99, "{score:#}");
    assert!(aligned["f1"].as_f64().unwrap() >= 0.9, "{score:#}");
    // The ambulance bombing and the academy assault two days later are two incidents.
    let items = score["items"].as_array().unwrap();
    let fused_of = |incident: &str| -> Vec<&str> {
        items
            .iter()
            .filter(|item| item["incident"] == incident)
            .filter_map(|item| item["fused_id"].as_str())
            .collect()
    };
    let (ambulance, academy) = (fused_of("kabul-ambulance"), fused_of("kabul-academy"));
    assert!(!ambulance.is_empty() && !academy.is_empty(), "{score:#}");
    assert!(ambulance.iter().all(|id| !academy.contains(id)), "{score:#}");
}

#[test]
fn merge_split_and_edit_are_recorded_and_applied() {
    let sandbox = Sandbox::with_demo();
    let before = incidents(&sandbox);
    let singles: Vec<&Value> = before.iter().filter(|incident| documents(incident) == 1).collect();
    let (first, second) = (singles[0]["id"].as_str().unwrap(), singles[1]["id"].as_str().unwrap());
    sandbox
        .run(&[&"incident", &"merge", &first, &second, &"--why", &"one raid, two reports"])
        .success();
    let merged = incidents(&sandbox);
    assert_eq!(merged.len(), before.len() - 1);
    let joined = merged.iter().find(|incident| {
        documents(incident) == 2 && {
            let docs = incident["documents"].to_string();
            docs.contains(singles[0]["documents"][0].as_str().unwrap())
                && docs.contains(singles[1]["documents"][0].as_str().unwrap())
        }
    });
    let joined = joined.unwrap_or_else(|| panic!("no incident holds both reports"));
    let id = joined["id"].as_str().unwrap();
    let out_doc = singles[1]["documents"][0].as_str().unwrap();
    sandbox
        .run(&[&"incident", &"split", &id, &"--docs", &out_doc, &"--why", &"not the same raid"])
        .success();
    assert_eq!(incidents(&sandbox).len(), before.len());
    // A value set by hand wins over the sources and says who, when and why.
    let crocus = before.iter().max_by_key(|incident| documents(incident)).unwrap();
    let crocus_id = crocus["id"].as_str().unwrap();
    let mut edit = sandbox.vigil();
    edit.env("VIGIL_USER", "analyst-7").args([
        "incident",
        "edit",
        crocus_id,
        "--set",
        "killed=145",
        "--why",
        "final official toll",
    ]);
    super::support::Run::of(&mut edit).success();
    let shown = sandbox.json(&[&"incident", &"show", &crocus_id]);
    assert_eq!(shown["killed"]["value"]["best"], 145);
    let rule = shown["killed"]["rule"].as_str().unwrap();
    assert!(rule.contains("analyst-7") && rule.contains("final official toll"), "{rule}");
    assert!(shown["killed"]["values"].as_array().unwrap().len() >= 3, "sources' values stay");
    // A rebuild from scratch keeps all three changes.
    sandbox.run(&[&"fuse", &"--rebuild"]).success();
    let rebuilt = incidents(&sandbox);
    assert_eq!(rebuilt.len(), before.len());
    let shown = sandbox.json(&[&"incident", &"show", &crocus_id]);
    assert_eq!(shown["killed"]["value"]["best"], 145);
}

#[test]
fn edits_refuse_unknown_slots_bad_values_and_a_missing_reason() {
    let sandbox = Sandbox::with_demo();
    let id = incidents(&sandbox)[0]["id"].as_str().unwrap().to_string();
    let run = sandbox.run(&[&"incident", &"edit", &id, &"--set", &"victims=3", &"--why", &"x"]);
    assert!(run.code(1).stderr.contains("unknown slot"));
    let run = sandbox.run(&[&"incident", &"edit", &id, &"--set", &"killed=many", &"--why", &"x"]);
    assert!(run.code(1).stderr.contains("not a value for killed"));
    let run = sandbox.run(&[&"incident", &"edit", &id, &"--set", &"killed=3", &"--why", &" "]);
    assert!(run.code(1).stderr.contains("say why"));
    let run = sandbox.run(&[&"incident", &"show", &"inc-zzzz"]);
    assert!(run.code(1).stderr.contains("no incident matches"));
}

#[test]
fn the_timeline_runs_in_date_order_and_an_actor_has_a_profile() {
    let sandbox = Sandbox::with_demo();
    let timeline = sandbox.json(&[&"timeline", &"--country", &"RU"]);
    let dates: Vec<&str> = timeline
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|entry| entry["date"]["start"].as_str())
        .collect();
    assert!(dates.len() >= 5, "{timeline:#}");
    assert!(dates.windows(2).all(|pair| pair[0] <= pair[1]), "{dates:?}");
    let profile = sandbox.json(&[&"actor", &"IS-K"]);
    assert_eq!(profile["name"], "Islamic State Khorasan Province");
    assert_eq!(profile["parent"], "Islamic State");
    assert!(!profile["incidents"].as_object().unwrap().is_empty(), "{profile:#}");
    assert!(!profile["co_occurring"].as_array().unwrap().is_empty(), "{profile:#}");
    let run = sandbox.run(&[&"actor", &"Nobody In Particular"]);
    assert!(run.code(1).stderr.contains("no actor named"));
}

#[test]
fn a_rebuild_gives_the_same_incidents() {
    let sandbox = Sandbox::with_demo();
    let ids = |sandbox: &Sandbox| -> Vec<String> {
        incidents(sandbox)
            .iter()
            .map(|incident| incident["id"].as_str().unwrap().to_string())
            .collect()
    };
    let before = ids(&sandbox);
    let report = sandbox.json(&[&"fuse", &"--rebuild"]);
    assert!(report["mentions"].as_u64().unwrap() > 50, "{report}");
    let mut after = ids(&sandbox);
    let mut sorted = before.clone();
    sorted.sort();
    after.sort();
    assert_eq!(after, sorted);
}

#[test]
fn watch_and_series_read_only_what_was_published_by_the_day() {
    let sandbox = Sandbox::with_demo();
    let alerts = sandbox.json(&[&"watch", &"--as-of", &"2024-03-23"]);
    for alert in alerts.as_array().unwrap() {
        assert!(alert["reason"].as_str().is_some_and(|r| !r.is_empty()), "{alert}");
        assert!(!alert["incidents"].as_array().unwrap().is_empty(), "{alert}");
    }
    let before = sandbox.json(&[
        &"series",
        &"--country",
        &"RU",
        &"--as-of",
        &"2024-03-21",
        &"--from",
        &"2024-03-01",
        &"--bucket",
        &"month",
    ]);
    let after = sandbox.json(&[
        &"series",
        &"--country",
        &"RU",
        &"--as-of",
        &"2024-03-31",
        &"--from",
        &"2024-03-01",
        &"--bucket",
        &"month",
    ]);
    let march = |value: &Value| value["points"][0]["incidents"].as_f64().unwrap();
    // The attack of the 22nd is not in a series read as of the 21st.
    assert!(march(&after) > march(&before), "{before} / {after}");
    let csv = sandbox
        .run(&[&"series", &"--country", &"RU", &"--as-of", &"2024-03-31", &"--csv"])
        .success()
        .stdout;
    assert!(csv.starts_with("start,end,incidents,fatalities\n"));
}

/// The founding story: from the reports published before the Crocus attack, the day before it
/// raises an alert for IS-K in Russia that names the plot, the raids and the warnings.
#[test]
fn the_day_before_crocus_raises_a_precursor_alert_for_iskp_in_russia() {
    let sandbox = Sandbox::with_demo();
    let alerts = sandbox.json(&[&"watch", &"--as-of", &"2024-03-21"]);
    let alert = alerts
        .as_array()
        .unwrap()
        .iter()
        .find(|a| {
            a["rule"] == "precursors"
                && a["actor"] == "Islamic State Khorasan Province"
                && a["country"] == "RU"
        })
        .unwrap_or_else(|| panic!("no precursor alert for IS-K in Russia: {alerts:#}"));
    let kinds: Vec<&str> =
        alert["precursors"].as_object().unwrap().keys().map(String::as_str).collect();
    for kind in ["foiled or planned plot", "security operation", "warning"] {
        assert!(kinds.contains(&kind), "{kind} missing from {kinds:?}");
    }
    // Nothing is read from after the day: the attack itself is not among the incidents.
    let attack = sandbox.json(&[&"watch", &"--as-of", &"2024-02-15"]);
    assert!(
        !attack
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["rule"] == "precursors" && a["country"] == "RU")
    );
}

#[test]
fn a_backtest_replays_weeks_and_scores_forecasts_and_detectors() {
    let sandbox = Sandbox::with_demo();
    let report = sandbox.json(&[
        &"backtest",
        &"--from",
        &"2024-02-04",
        &"--to",
        &"2024-04-28",
        &"--generated",
    ]);
    assert_eq!(report["weekly_counts"].as_array().unwrap().len(), 13);
    assert!(report["forecasts"]["model"]["crps"].as_f64().unwrap() > 0.0);
    let cusum = report["generated_alerts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["detector"] == "cusum")
        .unwrap();
    assert!(cusum["report"]["precision"].as_f64().unwrap() >= 0.8, "{cusum}");
}
