//! Hypothesis boards: the Analysis of Competing Hypotheses (Heuer 1999) as an auditable object.
//!
//! A [`Board`] is the file of `CODEBOOK.md` section 8: hypotheses across, evidence down, a rating
//! per cell (`CC`, `C`, `N`, `I`, `II`, `NA`), credibility and relevance per item. [`score`]
//! computes three scores side by side, never merged into one, each with the arithmetic that
//! produced it ([`Scores::explain`]):
//!
//! - **inconsistency** (Heuer): per hypothesis, 1 per `I` and 2 per `II`; lowest is least
//!   contradicted;
//! - **weighted inconsistency** (PARC ACH 2.0): Σ credibility × relevance × (−1 per `I`, −2 per
//!   `II`), with low, medium, high = 1/√2, 1, √2; closest to zero is least contradicted;
//! - **posterior** (a Bayesian reading): see [`scores`] for the likelihood of each rating and the
//!   independence it assumes.
//!
//! Per item, [`diagnosticity`](scores::ItemScore::diagnosticity) says how differently it bears on
//! the hypotheses (an item rated alike everywhere is flagged non-diagnostic); [`sensitivity`]
//! names the items whose removal or one-step re-rating would change the leading hypothesis.
//!
//! Controlled studies have not shown that ACH makes analysts more accurate (Dhami, Belton and
//! Mandel 2019; Karvetski and Mandel 2020). A board is an audit trail and a structure for the
//! argument, not an oracle: the scores show which evidence carries the conclusion, so it can be
//! questioned.
//!
//! Pure: no I/O. [`suggest`] proposes evidence from claims the caller hands it.

mod model;
pub mod scores;
pub mod sensitivity;
mod suggest;
mod templates;

pub use model::{
    Board, BoardError, EvidenceItem, EvidenceSource, Hypothesis, HypothesisTarget, Rating, Subject,
    Weight,
};
pub use scores::{HypothesisScore, ItemScore, Scores, score};
pub use sensitivity::{Change, sensitivity};
pub use suggest::{ClaimEvidence, Suggestion, suggest};
pub use templates::{STATE_RESPONSIBILITY, state_responsibility};
