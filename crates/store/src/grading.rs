//! What the store keeps for grading and boards: grades with their history, and boards.
//!
//! Reliability (A-F, on a source) and credibility (1-6, on a claim) are separate axes and stay
//! separate here: two tables, never one number.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What a grade is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GradeTarget {
    /// A source's reliability (A-F).
    Source,
    /// A claim's credibility (1-6).
    Claim,
}

impl GradeTarget {
    /// `source` or `claim`.
    pub fn as_str(self) -> &'static str {
        match self {
            GradeTarget::Source => "source",
            GradeTarget::Claim => "claim",
        }
    }
}

/// Who changes a grade, when and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GradeNote {
    /// Who.
    pub author: String,
    /// When.
    pub at: DateTime<Utc>,
    /// Why.
    pub why: String,
}

/// One recorded change of a grade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GradeChange {
    /// Source or claim.
    pub target_kind: GradeTarget,
    /// The source's name or the claim's key.
    pub target: String,
    /// The grade before (`None`: never set, so the default).
    pub old: Option<String>,
    /// The grade after.
    pub new: String,
    /// Who, when, why.
    #[serde(flatten)]
    pub note: GradeNote,
}

/// A stored board: the board file's JSON and the analyst's decisions on suggestions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredBoard {
    /// Its id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// The board file (`CODEBOOK.md` section 8), as JSON.
    pub body: String,
    /// Decisions on suggested evidence, as JSON (claim key to `accepted` or `rejected`).
    pub decisions: String,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}
