//! Fused incidents as the listings see them: the `vigil-query` crate's, with anyhow errors.

use vigil_fusion::FusedIncident;
use vigil_store::Store;

pub(crate) use vigil_query::fused::{Stored, attribution_summary};

/// Every fused incident in the store, by id.
pub(crate) fn load(store: &dyn Store) -> anyhow::Result<Vec<FusedIncident>> {
    Ok(vigil_query::fused::load(store)?)
}

/// The fused incidents as the reports published on or before `as_of` tell them.
pub(crate) fn load_as_of(
    store: &dyn Store,
    as_of: Option<chrono::NaiveDate>,
) -> anyhow::Result<Vec<FusedIncident>> {
    Ok(vigil_query::fused::load_as_of(store, as_of)?)
}

/// The one fused incident whose id starts with `prefix` (`inc-` may be left out).
pub(crate) fn find<'f>(
    incidents: &'f [FusedIncident],
    prefix: &str,
) -> anyhow::Result<&'f FusedIncident> {
    Ok(vigil_query::fused::find(incidents, prefix)?)
}
