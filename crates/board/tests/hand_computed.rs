//! Scores checked against arithmetic done by hand: a 4 x 5 board with mixed credibility and
//! relevance, every figure to 1e-9. The expected values are written out from the formulas in
//! `CODEBOOK.md` section 8 and the crate docs, not computed by the library.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests stop on setup errors")]

use std::f64::consts::{FRAC_1_SQRT_2, SQRT_2};

use vigil_board::{Board, Rating, score, sensitivity};

const BOARD: &str = r#"{
  "name": "four by five",
  "subject": {"incident": null, "actors": []},
  "hypotheses": [
    {"id": "h1", "text": "one", "prior": null},
    {"id": "h2", "text": "two", "prior": null},
    {"id": "h3", "text": "three", "prior": null},
    {"id": "h4", "text": "four", "prior": null}
  ],
  "evidence": [
    {"id": "e1", "text": "a", "source": {"assumption": true}, "credibility": "high", "relevance": "high",
     "ratings": {"h1": "C", "h2": "I", "h3": "II", "h4": "N"}},
    {"id": "e2", "text": "b", "source": {"claim": "abc/c1"}, "credibility": "low", "relevance": "medium",
     "ratings": {"h1": "CC", "h2": "C", "h3": "I", "h4": "NA"}},
    {"id": "e3", "text": "c", "source": {"incident": "inc-1"}, "credibility": "medium", "relevance": "low",
     "ratings": {"h1": "I", "h2": "N", "h3": "C", "h4": "II"}},
    {"id": "e4", "text": "d", "source": {"document": "abc", "start": 3, "end": 9},
     "ratings": {"h1": "C", "h2": "C", "h3": "C", "h4": "C"}},
    {"id": "e5", "text": "e", "source": {"assumption": true}, "credibility": "high", "relevance": "low",
     "ratings": {"h2": "II", "h3": "I", "h4": "CC"}}
  ]
}"#;

fn close(found: f64, expected: f64, what: &str) {
    assert!((found - expected).abs() < 1e-9, "{what}: {found} != {expected}");
}

#[test]
fn every_score_of_a_four_by_five_board() {
    let board = Board::from_json(BOARD).unwrap();
    let scores = score(&board);
    let by_id = |id: &str| scores.hypotheses.iter().find(|h| h.id == id).unwrap();
    // Heuer: 1 per I, 2 per II.
    assert_eq!(by_id("h1").inconsistency, 1); // e3 I
    assert_eq!(by_id("h2").inconsistency, 3); // e1 I, e5 II
    assert_eq!(by_id("h3").inconsistency, 4); // e1 II, e2 I, e5 I
    assert_eq!(by_id("h4").inconsistency, 2); // e3 II
    // PARC: credibility x relevance x (-1 I, -2 II); e1 2, e2 1/sqrt2, e3 1/sqrt2, e5 1.
    close(by_id("h1").weighted_inconsistency, -FRAC_1_SQRT_2, "h1 weighted");
    close(by_id("h2").weighted_inconsistency, -2.0 - 2.0, "h2 weighted");
    close(by_id("h3").weighted_inconsistency, -4.0 - FRAC_1_SQRT_2 - 1.0, "h3 weighted");
    close(by_id("h4").weighted_inconsistency, -SQRT_2, "h4 weighted");
    // Bayes: uniform priors cancel; log-likelihood w ln L with L = CC .9 C .7 N .5 I .3 II .1.
    let l = f64::ln;
    let r = FRAC_1_SQRT_2;
    let logs = [
        2.0 * l(0.7) + r * l(0.9) + r * l(0.3) + l(0.7) + l(0.5),
        2.0 * l(0.3) + r * l(0.7) + r * l(0.5) + l(0.7) + l(0.1),
        2.0 * l(0.1) + r * l(0.3) + r * l(0.7) + l(0.7) + l(0.3),
        2.0 * l(0.5) + r * l(0.1) + l(0.7) + l(0.9),
    ];
    let total: f64 = logs.iter().map(|v| v.exp()).sum();
    for (index, id) in ["h1", "h2", "h3", "h4"].iter().enumerate() {
        close(by_id(id).prior, 0.25, "prior");
        close(by_id(id).posterior, logs[index].exp() / total, &format!("{id} posterior"));
    }
    // Diagnosticity: spread of w ln L over the rated hypotheses (NA left out).
    let item = |id: &str| scores.evidence.iter().find(|e| e.id == id).unwrap();
    close(item("e1").diagnosticity, 2.0 * l(7.0), "e1");
    close(item("e2").diagnosticity, r * l(3.0), "e2");
    close(item("e3").diagnosticity, r * l(7.0), "e3");
    close(item("e4").diagnosticity, 0.0, "e4");
    close(item("e5").diagnosticity, l(9.0), "e5");
    assert!(!item("e4").diagnostic && item("e1").diagnostic);
    // Leaders: h1 by all three.
    assert_eq!(scores.leaders.inconsistency, ["h1"]);
    assert_eq!(scores.leaders.weighted_inconsistency, ["h1"]);
    assert_eq!(scores.leaders.posterior, ["h1"]);
}

#[test]
fn removing_the_one_item_against_the_leader_ties_it() {
    let board = Board::from_json(BOARD).unwrap();
    let changes = sensitivity(&board);
    // Without e3, h1 and h4 both have inconsistency 0.
    assert!(changes.iter().any(|c| c.evidence == "e3"
        && c.change == "removed"
        && c.score == "inconsistency"
        && c.to == ["h1", "h4"]));
    // e4 rates every hypothesis alike: removing it changes nothing.
    assert!(!changes.iter().any(|c| c.evidence == "e4" && c.change == "removed"));
    // Re-rating e3 for h1 from I to N leaves h1 alone at 0 by Heuer: no change there.
    assert!(
        !changes
            .iter()
            .any(|c| c.evidence == "e3" && c.change == "h1: I -> N" && c.score == "inconsistency")
    );
}

#[test]
fn priors_given_for_some_are_kept_and_the_rest_share_what_is_left() {
    let mut board = Board::from_json(BOARD).unwrap();
    board.hypotheses[0].prior = Some(0.4);
    board.hypotheses[1].prior = Some(0.3);
    let priors = vigil_board::scores::priors(&board);
    for (found, expected) in priors.iter().zip([0.4, 0.3, 0.15, 0.15]) {
        close(*found, expected, "prior");
    }
}

#[test]
fn the_explanation_shows_each_sum() {
    let board = Board::from_json(BOARD).unwrap();
    let scores = score(&board);
    let lines = scores.explain();
    assert!(
        lines.iter().any(|line| line == "inconsistency h2 = e1 I 1 + e5 II 2 = 3"),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|line| line.starts_with("diagnosticity e4") && line.ends_with("non-diagnostic"))
    );
    assert!(lines.iter().any(|line| line.starts_with("weighted inconsistency h4 = e3 II: 1.0000 x 0.7071 x -2")));
}

#[test]
fn a_missing_rating_is_neutral_and_bad_boards_are_refused() {
    let board = Board::from_json(BOARD).unwrap();
    assert_eq!(Board::rating(&board.evidence[4], "h1"), Rating::N);
    let unknown = BOARD.replace("\"h4\": \"CC\"", "\"h9\": \"CC\"");
    assert!(
        Board::from_json(&unknown).unwrap_err().to_string().contains("unknown hypothesis \"h9\"")
    );
    let twice = BOARD.replace("\"id\": \"e5\"", "\"id\": \"e4\"");
    assert!(Board::from_json(&twice).unwrap_err().to_string().contains("duplicate id"));
    let prior =
        BOARD.replace("\"text\": \"one\", \"prior\": null", "\"text\": \"one\", \"prior\": 1.5");
    assert!(Board::from_json(&prior).is_err());
    assert!(Board::from_json("{\"name\": \"x\", \"hypotheses\": []}").is_err());
}
