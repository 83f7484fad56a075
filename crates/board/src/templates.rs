//! Ready-made hypothesis sets: the state-responsibility scale for "was a state behind it".

use crate::model::{Hypothesis, HypothesisTarget};

/// Healey's spectrum of state responsibility (Atlantic Council, 2012; the MISP taxonomy
/// `state-responsibility`), from a state that forbids and stops attacks to one whose own forces
/// carry them out.
pub const STATE_RESPONSIBILITY: [(&str, &str); 10] = [
    ("state-prohibited", "forbids such attacks and helps stop them"),
    ("state-prohibited-but-inadequate", "forbids them but cannot stop them"),
    ("state-ignored", "knows of them but does nothing"),
    ("state-encouraged", "encourages them as a matter of policy, with no direct part"),
    ("state-shaped", "shapes them with some support, without control"),
    ("state-coordinated", "coordinates them, advising or supporting the attackers"),
    ("state-ordered", "directs the attackers, who act for it"),
    ("state-rogue-conducted", "out-of-control members of its forces carry them out"),
    ("state-executed", "carries them out with forces under its control"),
    ("state-integrated", "uses proxies it controls, integrated with its own forces"),
];

/// The ten hypotheses of the scale for `state`'s part in an attack by `actor`, with ids from
/// `first_id` on (`h4`, `h5`, ...).
pub fn state_responsibility(state: &str, actor: &str, first_id: u32) -> Vec<Hypothesis> {
    STATE_RESPONSIBILITY
        .iter()
        .zip(first_id..)
        .map(|((rung, meaning), number)| Hypothesis {
            id: format!("h{number}"),
            text: format!("{state} {rung} ({meaning}) in the attack by {actor}"),
            prior: None,
            target: Some(HypothesisTarget {
                actor: state.to_string(),
                alone: false,
                state_role: Some((*rung).to_string()),
            }),
        })
        .collect()
}
