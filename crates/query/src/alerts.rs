//! Escalation alerts as of a day, over fused incidents rebuilt with no look-ahead.

use chrono::NaiveDate;
use vigil_fusion::FusedIncident;
use vigil_watch::Alert;

/// Alerts as of `as_of` over `incidents` (which the caller read as of that day). Armed groups
/// and names the knowledge base does not know are watched; states act at home.
pub fn alerts(incidents: &[FusedIncident], as_of: NaiveDate) -> Vec<Alert> {
    let kb = vigil_extract::kb::Kb::builtin();
    let watched = |name: &str| {
        kb.entry(name).is_none_or(|entry| entry.kind == vigil_domain::ActorKind::ArmedGroup)
    };
    vigil_watch::watch(incidents, as_of, &watched)
}
