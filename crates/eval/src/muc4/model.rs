//! The learned parts of MUC-4 reading, trained together on one split and saved as one file.
//!
//! `vigil train muc4` builds them from the train split (about two seconds) and writes them;
//! `vigil eval muc4` builds them the same way when given no file, so every figure can be
//! reproduced from the data and the command alone. The settings below were tuned on dev.

use serde::{Deserialize, Serialize};

use super::GoldDocument;
use super::gate::TemplateGate;
use super::lexicon::Lexicon;
use super::merge::MergeModel;
use super::roles::RoleModel;

/// A phrase enters the lexicon when it filled its role in at least this many messages (1-3
/// tried on dev; 2 best).
pub const MIN_SUPPORT: u32 = 2;
/// ... and in at least this share of the relevant messages holding it (0.1-0.5 tried; 0.3
/// within 0.5 F1 of the best and the least noisy).
pub const MIN_PRECISION: f64 = 0.3;
/// The role classifier keeps a phrase at this probability (0.3-0.9 tried; 0.9 best).
pub const ROLE_THRESHOLD: f32 = 0.9;
/// The template gate keeps a template at this probability (0.02-0.5 tried on dev: 0.04-0.06
/// best, dev template F1 39.1 against 37.6 without the gate; 0.2 gives 35.3; 0.5 gave 31.1
/// before the extra-type templates).
/// The gate learns from templates whose fillers came from models trained on the same messages,
/// so it is overconfident: only the templates it is surest of are dropped.
pub const GATE_THRESHOLD: f32 = 0.05;

/// The merge joins two of a message's templates (after the gate) at this probability. Tried
/// on dev (template F1, 39.6 without the merge): 0.3 39.2, 0.35 40.1, 0.4 40.2, 0.45 40.2, 0.5
/// 39.9, 0.6 39.7 (train, in sample, 52.5 at 0.4 as without). Also tried: merging before the
/// gate, dev 40.3 at 0.4 but train 50.9 (the gate keeps merged templates it would drop);
/// without the gate's probabilities as features, 39.1 to 39.6; labelled "at most one of the
/// two aligned" (merging loses no match) instead of "the same gold template", 35.9 to 38.3;
/// trained on the pairs the gate keeps only, 39.4; the type of the template the gate is surer
/// of instead of the reader's, no change.
pub const MERGE_THRESHOLD: f32 = 0.4;

/// The lexicon and the role classifier.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Models {
    /// What was trained on, for the record ("train: 1300 messages").
    pub trained_on: String,
    /// Role phrases.
    pub lexicon: Lexicon,
    /// Roles from context.
    pub roles: RoleModel,
    /// Which templates the keys list; learned from the templates the reader and the two models
    /// above open on the same split ([`Models::train_gate`]), so trained after them.
    #[serde(default)]
    pub gate: Option<TemplateGate>,
    /// Which pairs of a message's templates are one incident; learned from the same templates
    /// as the gate.
    #[serde(default)]
    pub merge: Option<MergeModel>,
}

impl Models {
    /// Trains both on `(key, text)` pairs of one split.
    pub fn train(split: &str, messages: &[(&GoldDocument, &str)]) -> Models {
        Models {
            trained_on: format!("{split}: {} messages", messages.len()),
            lexicon: Lexicon::train(messages, MIN_SUPPORT, MIN_PRECISION),
            roles: RoleModel::train(messages, ROLE_THRESHOLD),
            gate: None,
            merge: None,
        }
    }

    /// Trains the gate on `(features, aligned with a gold template)` examples: the templates
    /// opened on the training split with the models above.
    pub fn train_gate(&mut self, examples: &[(Vec<String>, bool)]) {
        self.gate = Some(TemplateGate::train(examples, GATE_THRESHOLD));
    }

    /// Trains the merge on `(pair features, same incident)` examples: the pairs of templates
    /// opened in one message of the training split with the models above.
    pub fn train_merge(&mut self, examples: &[(Vec<String>, bool)]) {
        self.merge = Some(MergeModel::train(examples, MERGE_THRESHOLD));
    }
}
