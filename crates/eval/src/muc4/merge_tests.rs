//! Hand-made pairs for the merge: what one template holding two must keep, and the labels.

use chrono::NaiveDate;
use vigil_domain::Evidence;

use super::*;
use crate::muc4::Roles;

fn roles(fills: &[(Role, &[&str])]) -> Roles {
    let mut roles = Roles::default();
    for (role, mentions) in fills {
        *roles.get_mut(*role) = mentions.iter().map(|m| vec![m.to_string()]).collect();
    }
    roles
}

fn candidate(kind: &str, fallback: bool, at: usize, fills: &[(Role, &[&str])]) -> Candidate {
    Candidate {
        evidence: vec![Evidence { start: at, end: at + 10 }],
        fallback,
        template: Template {
            incident_type: kind.into(),
            roles: roles(fills),
            ..Template::default()
        },
    }
}

#[test]
fn merge_keeps_the_readers_type_and_every_entity_once() {
    let day = NaiveDate::from_ymd_opt(1989, 11, 3);
    let mut trigger =
        candidate("attack", true, 40, &[(Role::PerpOrg, &["FMLN"]), (Role::Victim, &["peasants"])]);
    trigger.template.date = day;
    let reader = candidate(
        "bombing",
        false,
        0,
        &[(Role::PerpOrg, &["the FMLN"]), (Role::Weapon, &["dynamite"])],
    );
    let merged = merge(&trigger, &reader);
    assert_eq!(merged.template.incident_type, "bombing");
    assert!(!merged.fallback);
    // The first's date, the FMLN once (its mentions normalise alike), both evidences.
    assert_eq!(merged.template.date, day);
    assert_eq!(merged.template.roles.get(Role::PerpOrg), &[vec!["FMLN".to_string()]]);
    assert_eq!(merged.template.roles.get(Role::Victim).len(), 1);
    assert_eq!(merged.template.roles.get(Role::Weapon), &[vec!["dynamite".to_string()]]);
    assert_eq!(merged.evidence.len(), 2);
}

#[test]
fn features_are_symmetric_and_read_shared_fillers() {
    let text = "A BOMB EXPLODED. THE FMLN. GUERRILLAS ATTACKED A BUS. MORE.";
    let a = candidate("bombing", false, 0, &[(Role::PerpOrg, &["FMLN"])]);
    let b = candidate("attack", true, 27, &[(Role::PerpOrg, &["fmln"])]);
    let ab = features(&a, &b, text, 2, None);
    assert_eq!(ab, features(&b, &a, text, 2, None));
    for expected in
        ["types=attack+bombing", "sources=reader+trigger", "shared=PerpOrg", "distance=2"]
    {
        assert!(ab.iter().any(|f| f == expected), "{expected} in {ab:?}");
    }
}

#[test]
fn model_merges_pairs_it_learned_to_merge() {
    let text = "A BOMB EXPLODED. THE FMLN. GUERRILLAS ATTACKED A BUS. MORE.";
    let near = candidate("bombing", false, 0, &[(Role::PerpOrg, &["FMLN"])]);
    let shares = candidate("attack", true, 17, &[(Role::PerpOrg, &["FMLN"])]);
    let other = candidate("attack", false, 17, &[(Role::PerpOrg, &["ELN"])]);
    let mut examples = Vec::new();
    for _ in 0..20 {
        examples.push((features(&near, &shares, text, 2, None), true));
        examples.push((features(&near, &other, text, 2, None), false));
    }
    let model = MergeModel::train(&examples, 0.5);
    assert_eq!(model.merge_all(vec![near.clone(), shares], text, &|_| None).len(), 1);
    assert_eq!(model.merge_all(vec![near, other], text, &|_| None).len(), 2);
}

#[test]
fn same_incident_follows_the_gold_template_each_would_earn_in() {
    let gold = |fills: &[(Role, &[&str])]| GoldTemplate {
        incident_types: vec!["attack".into()],
        roles: roles(fills),
        ..GoldTemplate::default()
    };
    let golds = [gold(&[(Role::Victim, &["peasants"])]), gold(&[(Role::Victim, &["mayor"])])];
    let aligned = Template { incident_type: "attack".into(), ..Template::default() };
    let holds = Template { roles: roles(&[(Role::Victim, &["peasants"])]), ..aligned.clone() };
    let elsewhere = Template { roles: roles(&[(Role::Victim, &["mayor"])]), ..aligned.clone() };
    assert!(same_incident(&aligned, &holds, (Some(0), None), &golds));
    assert!(!same_incident(&aligned, &elsewhere, (Some(0), None), &golds));
    assert!(!same_incident(&aligned, &aligned, (None, None), &golds));
    assert!(!same_incident(&aligned, &holds, (Some(0), Some(1)), &golds));
}
