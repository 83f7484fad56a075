//! Grading and hypothesis boards end to end: a board file in and out with its scores, grades
//! with their history, and a board on the founding article built from suggested evidence.

use std::path::PathBuf;

use serde_json::Value;

use super::support::{Sandbox, data};

#[test]
fn a_board_file_round_trips_and_shows_its_scores() {
    let sandbox = Sandbox::new();
    let file = data("board-4x5.json");
    let imported = sandbox.json(&[&"board", &"import", &file]);
    let id = imported["id"].as_i64().unwrap().to_string();
    let shown = sandbox.json(&[&"board", &"show", &id, &"--explain"]);
    let hypotheses = shown["hypotheses"].as_array().unwrap();
    let inconsistency: Vec<u64> =
        hypotheses.iter().map(|h| h["inconsistency"].as_u64().unwrap()).collect();
    assert_eq!(inconsistency, [1, 3, 4, 2]);
    let weighted = hypotheses[0]["weighted_inconsistency"].as_f64().unwrap();
    assert!((weighted + std::f64::consts::FRAC_1_SQRT_2).abs() < 1e-9, "{weighted}");
    let total: f64 = hypotheses.iter().map(|h| h["posterior"].as_f64().unwrap()).sum();
    assert!((total - 1.0).abs() < 1e-9);
    let e4 = &shown["evidence"][3];
    assert_eq!((e4["id"].as_str(), e4["diagnostic"].as_bool()), (Some("e4"), Some(false)));
    assert!(!shown["sensitivity"].as_array().unwrap().is_empty());
    assert!(shown["explain"].as_array().unwrap().len() >= 4 * 3 + 5);
    // Out again as the same board file.
    let exported = sandbox.json(&[&"board", &"export", &id]);
    let original: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(exported["hypotheses"], original["hypotheses"]);
    assert_eq!(exported["evidence"].as_array().unwrap().len(), 5);
    assert_eq!(exported["evidence"][1]["credibility"], "low");
    // A broken board file is refused with its name and the problem.
    let broken = sandbox.write("broken.json", br#"{"name": "x", "hypotheses": [{"id": "h1", "text": "a"}], "evidence": [{"id": "e1", "text": "b", "source": {"assumption": true}, "ratings": {"h2": "C"}}]}"#);
    let run = sandbox.run(&[&"board", &"import", &broken]).code(1);
    assert!(
        run.stderr.contains("broken.json") && run.stderr.contains("unknown hypothesis"),
        "{}",
        run.stderr
    );
}

#[test]
fn grades_keep_their_history_and_stay_two_axes() {
    let sandbox = Sandbox::with_demo();
    let claims = sandbox.json(&[&"claims"]);
    let claim = &claims.as_array().unwrap()[0];
    let key =
        format!("{}/{}", &claim["document"].as_str().unwrap()[..8], claim["id"].as_str().unwrap());
    sandbox.run(&[&"claim", &"grade", &key, &"2", &"--why", &"matches the video"]).success();
    sandbox.run(&[&"claim", &"grade", &key, &"4", &"--why", &"the video was edited"]).success();
    let shown = sandbox.json(&[&"claim", &"show", &key]);
    assert_eq!(shown["credibility"], 4);
    let history = shown["credibility_history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!((history[1]["old"].as_str(), history[1]["new"].as_str()), (Some("2"), Some("4")));
    assert_eq!(history[1]["why"], "the video was edited");
    // Reliability is the source's, unchanged by the claim's grade.
    assert_eq!(shown["source_reliability"], "F");
    let source = shown["source"].as_str().unwrap().to_string();
    sandbox.run(&[&"source", &"grade", &source, &"b", &"--why", &"long record"]).success();
    let graded = sandbox.json(&[&"source", &"show", &source]);
    assert_eq!(graded["reliability"], "B");
    assert_eq!(graded["history"][0]["new"], "B");
    assert_eq!(sandbox.json(&[&"claim", &"show", &key])["credibility"], 4);
    // Bad grades and missing reasons are refused.
    assert!(
        sandbox
            .run(&[&"claim", &"grade", &key, &"7", &"--why", &"x"])
            .code(1)
            .stderr
            .contains("1 (confirmed) to 6")
    );
    assert!(
        sandbox
            .run(&[&"source", &"grade", &source, &"Z", &"--why", &"x"])
            .code(1)
            .stderr
            .contains("A to F")
    );
    assert!(
        sandbox
            .run(&[&"claim", &"grade", &key, &"3", &"--why", &""])
            .code(1)
            .stderr
            .contains("say why")
    );
}

#[test]
fn the_founding_article_board_takes_suggested_evidence_and_explains_its_scores() {
    let Some(shared) = std::env::var_os("VIGIL_SHARED").map(PathBuf::from) else {
        println!("skipped: VIGIL_SHARED unset");
        return;
    };
    let sandbox = Sandbox::new();
    let article = shared.join("corpus/dss-2024-03-29-moscow-attack.txt");
    sandbox.run(&[&"ingest", &article]).success();
    let incidents = sandbox.json(&[&"incidents", &"--type", &"armed_assault"]);
    let crocus = incidents
        .as_array()
        .unwrap()
        .iter()
        .max_by_key(|incident| incident["claims"].as_array().unwrap().len())
        .unwrap();
    let incident = crocus["id"].as_str().unwrap();
    let id =
        sandbox.json(&[&"board", &"new", &"Crocus: who is responsible", &"--incident", &incident])
            ["id"]
            .as_i64()
            .unwrap()
            .to_string();
    sandbox
        .run(&[&"board", &"hypothesis", &id, &"IS-K alone", &"--actor", &"ISKP", &"--alone"])
        .success();
    sandbox
        .run(&[
            &"board",
            &"hypothesis",
            &id,
            &"Ukrainian or Western involvement",
            &"--actor",
            &"Ukraine",
        ])
        .success();
    sandbox.run(&[&"board", &"hypothesis", &id, &"IS-K used by a foreign service"]).success();
    let suggested = sandbox.json(&[&"board", &"suggest", &id]);
    let suggested = suggested.as_array().unwrap();
    let kinds: Vec<&str> =
        suggested.iter().map(|s| s["text"].as_str().unwrap().split(' ').next().unwrap()).collect();
    for kind in ["responsibility", "accusation", "denial"] {
        assert!(kinds.contains(&kind), "{kind} missing from {kinds:?}");
    }
    let claim = suggested
        .iter()
        .find(|s| s["text"].as_str().unwrap().starts_with("responsibility"))
        .unwrap();
    assert_eq!(claim["ratings"]["h1"], "C");
    let denial =
        suggested.iter().find(|s| s["text"].as_str().unwrap().starts_with("denial")).unwrap();
    assert_eq!(
        (denial["ratings"]["h2"].as_str(), denial["relevance"].as_str()),
        (Some("I"), Some("low"))
    );
    sandbox.run(&[&"board", &"reject", &id, &denial["claim"].as_str().unwrap()]).success();
    sandbox.run(&[&"board", &"accept", &id, &"all"]).success();
    // Decided claims are not suggested again.
    assert!(sandbox.json(&[&"board", &"suggest", &id]).as_array().unwrap().is_empty());
    let shown = sandbox.json(&[&"board", &"show", &id, &"--explain"]);
    assert_eq!(shown["evidence"].as_array().unwrap().len(), suggested.len() - 1);
    assert!(shown["leaders"]["posterior"].as_array().is_some_and(|l| !l.is_empty()));
    assert!(shown["sensitivity"].is_array());
    let explain: Vec<&str> =
        shown["explain"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect();
    assert!(explain.iter().any(|line| line.starts_with("inconsistency h1 = ")), "{explain:#?}");
    let text = sandbox.run(&[&"board", &"show", &id, &"--explain"]).success().stdout;
    assert!(text.contains("controlled studies have not shown"), "{text}");
}
