//! The board file (`CODEBOOK.md` section 8): hypotheses, evidence items, ratings and weights.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What is wrong with a board file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BoardError {
    /// The text is not a board.
    #[error("not a board file: {0}")]
    Parse(String),
    /// Two hypotheses or two items share an id.
    #[error("duplicate id {0:?}")]
    DuplicateId(String),
    /// A rating names a hypothesis the board does not have.
    #[error("evidence {evidence:?} rates unknown hypothesis {hypothesis:?}")]
    UnknownHypothesis {
        /// The item.
        evidence: String,
        /// The hypothesis id it names.
        hypothesis: String,
    },
    /// A prior is not a probability.
    #[error("hypothesis {0:?} has a prior outside 0..=1")]
    BadPrior(String),
    /// A board needs something to compare.
    #[error("a board needs at least one hypothesis")]
    NoHypotheses,
}

/// A hypothesis board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Board {
    /// Its name ("Crocus City Hall: who is responsible").
    pub name: String,
    /// What it is about.
    #[serde(default)]
    pub subject: Subject,
    /// The hypotheses, in order.
    pub hypotheses: Vec<Hypothesis>,
    /// The evidence, in order.
    #[serde(default)]
    pub evidence: Vec<EvidenceItem>,
}

/// The incident and actors a board is about.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Subject {
    /// A fused incident id, or `None`.
    #[serde(default)]
    pub incident: Option<String>,
    /// Actors the hypotheses are about.
    #[serde(default)]
    pub actors: Vec<String>,
}

/// One hypothesis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hypothesis {
    /// `h1`, `h2`, ...
    pub id: String,
    /// What it says.
    pub text: String,
    /// Prior probability; `None` shares what the given priors leave.
    #[serde(default)]
    pub prior: Option<f64>,
    /// The structured reading of a hypothesis ("ACTOR responsible for the incident"), which
    /// suggested evidence is rated against. Absent for free-text hypotheses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<HypothesisTarget>,
}

/// "ACTOR responsible for the incident", optionally alone, or a state's place on the
/// state-responsibility scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HypothesisTarget {
    /// The actor held responsible (canonical name).
    pub actor: String,
    /// True for "acted alone": evidence of any other actor's part counts against it.
    #[serde(default)]
    pub alone: bool,
    /// A rung of the state-responsibility scale (`state-ordered`, ...) for a state's part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_role: Option<String>,
}

/// One evidence item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceItem {
    /// `e1`, `e2`, ...
    pub id: String,
    /// What it says.
    pub text: String,
    /// Where it comes from.
    pub source: EvidenceSource,
    /// How credible the information is (from the claim's grade, or set).
    #[serde(default)]
    pub credibility: Weight,
    /// How much it bears on the question.
    #[serde(default)]
    pub relevance: Weight,
    /// Rating per hypothesis id; a missing rating is `N`.
    #[serde(default)]
    pub ratings: BTreeMap<String, Rating>,
}

/// Where an evidence item comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum EvidenceSource {
    /// A stored claim (`<document id>/<claim id>`).
    Claim {
        /// The claim.
        claim: String,
    },
    /// A fused incident.
    Incident {
        /// The incident.
        incident: String,
    },
    /// A span of a stored document.
    Document {
        /// The document.
        document: String,
        /// First byte.
        start: usize,
        /// Byte after the last.
        end: usize,
    },
    /// An assumption the analyst states.
    Assumption {
        /// Always true.
        assumption: bool,
    },
}

/// How an item bears on a hypothesis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Rating {
    /// Very inconsistent.
    II,
    /// Inconsistent.
    I,
    /// Neutral (or consistent on one reading, inconsistent on another).
    N,
    /// Consistent.
    C,
    /// Very consistent.
    CC,
    /// Not applicable.
    NA,
}

impl Rating {
    /// Every rating, for parsing and listings.
    pub const ALL: [Rating; 6] =
        [Rating::CC, Rating::C, Rating::N, Rating::I, Rating::II, Rating::NA];

    /// The rating written as in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            Rating::CC => "CC",
            Rating::C => "C",
            Rating::N => "N",
            Rating::I => "I",
            Rating::II => "II",
            Rating::NA => "NA",
        }
    }

    /// Parses `CC`, `C`, `N`, `I`, `II`, `NA` (any case).
    pub fn parse(text: &str) -> Option<Rating> {
        Rating::ALL.into_iter().find(|rating| rating.as_str().eq_ignore_ascii_case(text.trim()))
    }

    /// One step towards consistency (`II` → `I` → `N` → `C` → `CC`); `None` past the end and
    /// for `NA`.
    pub fn up(self) -> Option<Rating> {
        match self {
            Rating::II => Some(Rating::I),
            Rating::I => Some(Rating::N),
            Rating::N => Some(Rating::C),
            Rating::C => Some(Rating::CC),
            Rating::CC | Rating::NA => None,
        }
    }

    /// One step towards inconsistency.
    pub fn down(self) -> Option<Rating> {
        match self {
            Rating::CC => Some(Rating::C),
            Rating::C => Some(Rating::N),
            Rating::N => Some(Rating::I),
            Rating::I => Some(Rating::II),
            Rating::II | Rating::NA => None,
        }
    }
}

/// Low, medium or high credibility or relevance.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Weight {
    /// 1/√2.
    Low,
    /// 1.
    #[default]
    Medium,
    /// √2.
    High,
}

impl Weight {
    /// PARC's multiplier: low 1/√2, medium 1, high √2 (so high × high = 2, low × low = 0.5).
    pub fn factor(self) -> f64 {
        match self {
            Weight::Low => std::f64::consts::FRAC_1_SQRT_2,
            Weight::Medium => 1.0,
            Weight::High => std::f64::consts::SQRT_2,
        }
    }

    /// The board weight of a claim's credibility grade (1-6): 1-2 high, 3 medium, 4-5 low, 6
    /// (cannot be judged) or ungraded medium.
    pub fn from_credibility(credibility: Option<u8>) -> Weight {
        match credibility {
            Some(1 | 2) => Weight::High,
            Some(4 | 5) => Weight::Low,
            _ => Weight::Medium,
        }
    }

    /// The weight written as in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            Weight::Low => "low",
            Weight::Medium => "medium",
            Weight::High => "high",
        }
    }

    /// Parses `low`, `medium`, `high`.
    pub fn parse(text: &str) -> Option<Weight> {
        [Weight::Low, Weight::Medium, Weight::High]
            .into_iter()
            .find(|weight| weight.as_str().eq_ignore_ascii_case(text.trim()))
    }
}

impl Board {
    /// Parses and checks a board file.
    pub fn from_json(text: &str) -> Result<Board, BoardError> {
        let board: Board =
            serde_json::from_str(text).map_err(|error| BoardError::Parse(error.to_string()))?;
        board.check()?;
        Ok(board)
    }

    /// Checks ids are unique, ratings name known hypotheses and priors are probabilities.
    pub fn check(&self) -> Result<(), BoardError> {
        if self.hypotheses.is_empty() {
            return Err(BoardError::NoHypotheses);
        }
        let mut seen = std::collections::BTreeSet::new();
        for id in self.hypotheses.iter().map(|h| &h.id).chain(self.evidence.iter().map(|e| &e.id)) {
            if !seen.insert(id.as_str()) {
                return Err(BoardError::DuplicateId(id.clone()));
            }
        }
        for hypothesis in &self.hypotheses {
            if hypothesis.prior.is_some_and(|p| !(0.0..=1.0).contains(&p) || p.is_nan()) {
                return Err(BoardError::BadPrior(hypothesis.id.clone()));
            }
        }
        for item in &self.evidence {
            for id in item.ratings.keys() {
                if !self.hypotheses.iter().any(|h| &h.id == id) {
                    return Err(BoardError::UnknownHypothesis {
                        evidence: item.id.clone(),
                        hypothesis: id.clone(),
                    });
                }
            }
        }
        Ok(())
    }

    /// The rating of an item for a hypothesis (`N` when missing).
    pub fn rating(item: &EvidenceItem, hypothesis: &str) -> Rating {
        item.ratings.get(hypothesis).copied().unwrap_or(Rating::N)
    }

    /// The next free id with this prefix (`h4`, `e7`).
    pub fn next_id(&self, prefix: &str) -> String {
        let used = self
            .hypotheses
            .iter()
            .map(|h| &h.id)
            .chain(self.evidence.iter().map(|e| &e.id))
            .filter_map(|id| id.strip_prefix(prefix)?.parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        format!("{prefix}{}", used + 1)
    }
}
