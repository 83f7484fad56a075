//! Fusion: every report of an incident joined into one fused incident, each source's version of
//! each contested fact kept.
//!
//! The unit is a [`Mention`]: one incident as one document tells it, with the document's date,
//! source and the claims it makes about it. Two mentions are of the same incident when
//! [`link`] says so, a rule over the two alone (compatible type and stage, overlapping dates,
//! nearby places, and something positive in common: the place itself at city precision, the
//! site, an actor, the toll). A fused incident is a connected component of that relation, named
//! after its smallest mention key ([`fused_id`]). Because the rule looks at pairs only and a
//! component does not depend on the order its edges were found in, the same reports give the
//! same incidents in any order, and a new report is compared only with the mentions in its
//! [`Block`] (its country and a window of days), never with the whole store.
//!
//! [`consensus`] turns a component into a [`FusedIncident`]: per slot every source's value with
//! the report's date and source, and a consensus value with the rule that chose it.
//! Analyst edits ([`Edit`]) pin links, cut them and override values; the store records them and
//! fusion applies them.
//!
//! Pure: no I/O, no clock. The store and the pipeline do the reading and writing.

mod consensus;
mod link;
mod mention;

pub use consensus::{
    Consensus, FusedAttribution, FusedClaim, FusedIncident, Override, SourcedValue, consensus,
};
pub use link::{Link, NEAR_KM, PRECISE_DAYS, SHARED_NAMES, VAGUE_DAYS, explain, link};
pub use mention::{
    Block, Edit, Mention, UNDATED_WINDOW_DAYS, day_number, fused_id, mention_key, salient_names,
};
