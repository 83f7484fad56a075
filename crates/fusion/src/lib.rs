//! Fusion: every report of an incident joined into one fused incident, each source's version of
//! each contested fact kept.
//!
//! The unit is a [`Mention`]: one incident as one document tells it, with the document's date,
//! source and the claims it makes about it. Two mentions are of the same incident when
//! [`link`] says so, a rule over the two alone (compatible type and stage, overlapping dates,
//! nearby places, and something positive in common: the place itself at city precision, the
//! site, an actor, the toll). A chain is a connected component of that relation; [`carve`] cuts
//! it into fused incidents, never putting together two mentions [`relate`] rules apart (other
//! days, places far apart), each named after its smallest mention key ([`fused_id`]). Because
//! the rule looks at pairs only, a chain does not depend on the order its links were found in,
//! and the cut depends on the chain's set alone, the same reports give the same incidents in
//! any order; a new report is compared only with the mentions in its [`Block`] (its country and
//! a window of days) and the chains it links to, never with the whole store.
//!
//! [`consensus`] turns a component into a [`FusedIncident`]: per slot every source's value with
//! the report's date and source, and a consensus value with the rule that chose it.
//! Analyst edits ([`Edit`]) pin links, cut them and override values; the store records them and
//! fusion applies them.
//!
//! Pure: no I/O, no clock. The store and the pipeline do the reading and writing.

mod carve;
mod consensus;
mod link;
mod mention;

pub use carve::{AVERAGE_UP_TO, NoPins, Pins, carve};
pub use consensus::{
    Consensus, FusedAttribution, FusedClaim, FusedIncident, Override, SourcedValue, consensus,
};
pub use link::{
    Link, NEAR_KM, PRECISE_DAYS, REGION_KM, Relation, SHARED_NAMES, VAGUE_DAYS, explain, link,
    relate,
};
pub use mention::{
    Aftermath, Block, Edit, Mention, UNDATED_WINDOW_DAYS, day_number, fused_id, mention_key,
    salient_names,
};
