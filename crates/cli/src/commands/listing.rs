//! What the `incidents`, `claims` and `actors` listings share: stored extractions and filters.

use chrono::NaiveDate;
use vigil_domain::{DocumentId, Extraction};
use vigil_store::Store;

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
    /// The canonical name of `--actor`, resolved through the knowledge base.
    pub(crate) fn actor_name(&self) -> Option<String> {
        let actor = self.actor.as_deref()?;
        let kb = vigil_extract::kb::Kb::builtin();
        Some(kb.canonical(actor).unwrap_or(actor).to_string())
    }

    /// Whether a span of days passes `--from` and `--to` (undated items pass only when neither
    /// is given).
    pub(crate) fn dates_pass(&self, start: Option<NaiveDate>, end: Option<NaiveDate>) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let (Some(start), Some(end)) = (start, end) else { return false };
        self.from.is_none_or(|from| end >= from) && self.to.is_none_or(|to| start <= to)
    }
}

/// A value's snake_case JSON spelling.
pub(crate) fn serde_value<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|value| value.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Every stored extraction with its document id.
pub(crate) fn extractions(global: &Global) -> anyhow::Result<Vec<(DocumentId, Extraction)>> {
    let store = super::open_store(global)?;
    Ok(store.extractions()?.into_iter().map(|(id, stored)| (id, stored.extraction)).collect())
}
