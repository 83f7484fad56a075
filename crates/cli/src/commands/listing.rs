//! What the `incidents`, `claims` and `actors` listings share: stored extractions and filters
//! (as clap arguments; the filtering itself is `vigil-query`'s).

use chrono::NaiveDate;
use vigil_domain::{DocumentId, Extraction};

pub(crate) use vigil_query::serde_value;

use crate::Global;

/// Filters every listing takes.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Filters {
    /// Only this type or kind (e.g. bombing, arrest; responsibility, denial; armed_group, state).
    #[arg(long = "type")]
    pub(crate) kind: Option<String>,
    /// Only items naming this actor (any alias; the knowledge base resolves it).
    #[arg(long)]
    pub(crate) actor: Option<String>,
    /// Only items in or about this country (ISO 3166-1 alpha-2).
    #[arg(long)]
    pub(crate) country: Option<String>,
    /// Only items dated on or after this day.
    #[arg(long)]
    pub(crate) from: Option<NaiveDate>,
    /// Only items dated on or before this day.
    #[arg(long)]
    pub(crate) to: Option<NaiveDate>,
}

impl Filters {
    /// The same filters as `vigil-query` takes them.
    pub(crate) fn query(&self) -> vigil_query::Filters {
        vigil_query::Filters {
            kind: self.kind.clone(),
            actor: self.actor.clone(),
            country: self.country.clone(),
            from: self.from,
            to: self.to,
        }
    }
}

/// Every stored extraction with its document id.
pub(crate) fn extractions(global: &Global) -> anyhow::Result<Vec<(DocumentId, Extraction)>> {
    let store = super::open_store(global)?;
    Ok(vigil_query::listings::extractions(&store)?)
}
