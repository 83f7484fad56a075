//! Hand-computed MUC-4 scores: each figure below was worked out on paper from the rules in the
//! module docs before the code ran.

use chrono::NaiveDate;

use super::*;
use crate::muc4::{DayRange, GoldConfidence, Muc4Confidence, Roles};

fn roles(fills: &[(Role, &[&[&str]])]) -> Roles {
    let mut roles = Roles::default();
    for (role, entities) in fills {
        *roles.get_mut(*role) =
            entities.iter().map(|e| e.iter().map(|m| m.to_string()).collect()).collect();
    }
    roles
}

fn gold(types: &[&str], fills: &[(Role, &[&[&str]])]) -> GoldTemplate {
    GoldTemplate {
        incident_types: types.iter().map(|t| t.to_string()).collect(),
        roles: roles(fills),
        ..GoldTemplate::default()
    }
}

fn predicted(kind: &str, fills: &[(Role, &[&[&str]])]) -> Template {
    Template { incident_type: kind.into(), roles: roles(fills), ..Template::default() }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn two_incident_key() -> GoldDocument {
    GoldDocument {
        docid: "D1".into(),
        templates: vec![
            gold(
                &["attack"],
                &[
                    (Role::PerpInd, &[&["guerrillas", "guerrilla column"]]),
                    (Role::PerpOrg, &[&["fmln", "farabundo marti national liberation front"]]),
                    (Role::Victim, &[&["peasant"]]),
                ],
            ),
            gold(
                &["bombing"],
                &[
                    (Role::Target, &[&["power tower"], &["bridge"]]),
                    (Role::Weapon, &[&["dynamite"]]),
                ],
            ),
        ],
    }
}

#[test]
fn normalising_drops_case_punctuation_and_articles() {
    assert_eq!(normalise("THE \"Santo Tomas\" Farm"), "santo tomas farm");
    assert_eq!(normalise("an  A-1 bomb"), "a1 bomb");
}

#[test]
fn hand_computed_document() {
    let key = two_incident_key();
    let output = vec![
        predicted(
            "attack",
            &[
                (Role::PerpInd, &[&["THE GUERRILLAS"]]),
                // One mention outside the gold entity spoils the entity.
                (Role::PerpOrg, &[&["FMLN", "Farabundo Marti Liberation Front"]]),
                // The same victim twice earns it once.
                (Role::Victim, &[&["peasant"], &["peasant"]]),
            ],
        ),
        predicted("bombing", &[(Role::Target, &[&["power tower"]]), (Role::Weapon, &[&["bomb"]])]),
        predicted("kidnapping", &[(Role::Victim, &[&["mayor"]])]),
    ];
    let score = score_document(&output, &key);
    // Units: predicted 5 + 3 + 2 = 10, gold 4 + 4 = 8; correct: type 2, guerrillas, peasant,
    // power tower.
    assert_eq!(score.templates, Prf::new(5.0, 10.0, 8.0));
    assert!((score.templates.f1() - 2.0 * 0.5 * 0.625 / 1.125).abs() < 1e-12);
    assert_eq!(score.incident_type, Prf::new(2.0, 3.0, 2.0));
    assert_eq!(score.roles[Role::PerpInd as usize], Prf::new(1.0, 1.0, 1.0));
    assert_eq!(score.roles[Role::PerpOrg as usize], Prf::new(0.0, 1.0, 1.0));
    assert_eq!(score.roles[Role::Target as usize], Prf::new(1.0, 1.0, 2.0));
    assert_eq!(score.roles[Role::Victim as usize], Prf::new(1.0, 3.0, 1.0));
    assert_eq!(score.roles[Role::Weapon as usize], Prf::new(0.0, 1.0, 1.0));
    // Without templates, the victims are {peasant, mayor}.
    assert_eq!(score.fillers, Prf::new(3.0, 6.0, 6.0));
}

#[test]
fn alignment_maximises_matches_not_pairs() {
    // A fits X (4 victims) and Y; B fits only X. Pairing A-Y and B-X aligns two templates but
    // earns 2; A-X alone earns 5, the best micro F1.
    let key = GoldDocument {
        docid: "D2".into(),
        templates: vec![
            gold(&["attack", "bombing"], &[(Role::Victim, &[&["v1"], &["v2"], &["v3"], &["v4"]])]),
            gold(&["attack"], &[]),
        ],
    };
    let output = vec![
        predicted("attack", &[(Role::Victim, &[&["v1"], &["v2"], &["v3"], &["v4"]])]),
        predicted("bombing", &[]),
    ];
    let score = score_document(&output, &key);
    assert_eq!(score.templates, Prf::new(5.0, 6.0, 6.0));
}

#[test]
fn gold_scored_against_itself_is_perfect() {
    let mut key = two_incident_key();
    key.templates[0].confidence = vec![GoldConfidence {
        organisation: vec!["FMLN".into(), "farabundo marti national liberation front".into()],
        levels: vec![Muc4Confidence::ClaimedOrAdmitted, Muc4Confidence::ReportedAsFact],
        optional: false,
    }];
    key.templates[0].dates = vec![DayRange { first: None, last: day(1989, 11, 3) }];
    key.templates[0].countries = vec!["EL SALVADOR".into()];
    let output: Vec<Template> = key.templates.iter().map(GoldTemplate::as_prediction).collect();
    let score = score_document(&output, &key);
    for prf in [score.templates, score.fillers, score.confidence, score.date, score.country] {
        assert_eq!(prf.f1(), 1.0, "{prf:?}");
    }
}

#[test]
fn confidence_date_and_country_with_optional_fills() {
    let mut key = two_incident_key();
    key.templates[0].confidence = vec![
        GoldConfidence {
            organisation: vec!["fmln".into()],
            levels: vec![Muc4Confidence::ClaimedOrAdmitted],
            optional: false,
        },
        GoldConfidence {
            organisation: vec!["eln".into()],
            levels: vec![Muc4Confidence::Possible],
            optional: true,
        },
    ];
    key.templates[0].dates = vec![DayRange { first: None, last: day(1989, 11, 3) }];
    key.templates[0].countries = vec!["EL SALVADOR".into()];
    let mut output = predicted("attack", &[]);
    output.confidence = vec![
        ("FMLN".into(), Muc4Confidence::ClaimedOrAdmitted),
        // Right organisation, wrong level: spurious, and the optional gold fill is not missed.
        ("ELN".into(), Muc4Confidence::SuspectedOrAccused),
    ];
    output.date = Some(day(1989, 11, 1));
    output.location = Some("Guatemala: Escuintla".into());
    let score = score_document(&[output], &key);
    assert_eq!(score.confidence, Prf::new(1.0, 2.0, 1.0));
    assert_eq!(score.date, Prf::new(1.0, 1.0, 1.0));
    assert_eq!(score.country, Prf::new(0.0, 1.0, 1.0));
}

#[test]
fn empty_output_on_an_irrelevant_message_scores_nothing() {
    let key = GoldDocument { docid: "D3".into(), templates: vec![] };
    let score = score_document(&[], &key);
    assert_eq!(score.templates, Prf::new(0.0, 0.0, 0.0));
    let spurious = score_document(&[predicted("attack", &[])], &key);
    assert_eq!(spurious.templates, Prf::new(0.0, 1.0, 0.0));
}
