//! The link rule: whether two mentions tell the same incident, and why.
//!
//! It looks at the two mentions only (never at what else is fused with them), so fused
//! incidents are connected components that do not depend on the order reports arrive in.
//! Conflicts rule a pair out first: one document (the reader already merged its mentions),
//! other families of event (a plot is not its foiling raid), other stages, other countries,
//! dates that do not overlap (two day-precise dates must be the same day, or a day apart in
//! reports of different days with the stricter bar below: two bombings in one city on
//! consecutive days are two incidents), places more than [`NEAR_KM`] apart. Then
//! something positive must tie them: the same place at city precision, the same site, an actor
//! both attribute it to, tolls (or numbers arrested) of the same size, names their sentences share ([`SHARED_NAMES`]
//! or more; twice as many count twice). Undated mentions (placed in the fortnight before their
//! report) and loosely dated ones (a span over [`PRECISE_DAYS`], or days a report apart) need
//! two such ties, one of them the place, the site or the names; mentions dated only to a month
//! or more ([`VAGUE_DAYS`]) need the place or the site itself: a vague mention must not bridge
//! two incidents.

use vigil_domain::{DatePrecision, Location, LocationPrecision, Stage};

use crate::mention::Mention;

/// Places of one incident as different reports name them (the venue, its town, the city next
/// door) lie within this many kilometres; Crocus City Hall is 20 km from central Moscow.
pub const NEAR_KM: f64 = 50.0;

/// A date span of at most this many days is precise enough to tie on one thing in common.
pub const PRECISE_DAYS: i64 = 7;

/// A date span longer than this (a month, a year, a range) is vague: such a mention links only
/// through the same place or site.
pub const VAGUE_DAYS: i64 = 31;

/// Shared distinctive names (see [`salient_names`](crate::salient_names)) that make a tie.
pub const SHARED_NAMES: usize = 3;

/// Why two mentions were linked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The ties found, in words ("same day", "same place (12 km)", "both attribute it to ...").
    pub reasons: Vec<String>,
}

/// Whether `left` and `right` tell the same incident.
pub fn link(left: &Mention, right: &Mention) -> Option<Link> {
    explain(left, right).ok()
}

/// Whether `left` and `right` tell the same incident, with the ties that say so, or what keeps
/// them apart ("another country", "only one tie for undated reports: same place (3 km)").
pub fn explain(left: &Mention, right: &Mention) -> Result<Link, String> {
    if left.document == right.document {
        return Err("one report (its reader keeps its incidents apart)".to_string());
    }
    let (one, two) = (&left.incident, &right.incident);
    if one.incident_type.family() != two.incident_type.family() {
        return Err("other kinds of event".to_string());
    }
    if planned(one.stage) != planned(two.stage) {
        return Err("a plot and an act".to_string());
    }
    let mut reasons = Vec::new();
    // A date of a month or more (or none) places an incident loosely; such a mention could tie
    // unrelated incidents together through itself, so it must name the same place or site too.
    let precise = |date: Option<vigil_domain::DateSpan>| {
        date.is_some_and(|date| (date.end - date.start).num_days() <= PRECISE_DAYS)
    };
    let mut both_precise = precise(one.date) && precise(two.date);
    match (one.date, two.date) {
        (Some(a), Some(b)) => {
            let day = |precision| precision == DatePrecision::Day;
            if day(a.precision) && day(b.precision) {
                let apart = (a.start - b.start).num_days().abs();
                // "Yesterday" in a report filed after midnight is a day off: reports of
                // different days may differ by one, but then they are held to the bar of
                // loose dates (the place or site and one more tie).
                let drift = apart == 1 && left.published != right.published;
                if apart > 0 && !drift {
                    return Err(format!("{apart} days apart"));
                }
                if drift {
                    both_precise = false;
                    reasons.push("a day apart".to_string());
                } else {
                    reasons.push("same day".to_string());
                }
            } else if a.start > b.end || b.start > a.end {
                return Err("dates that do not overlap".to_string());
            }
        }
        _ => {
            let no_time = || "a report with no date of its own or of publication".to_string();
            let (a_first, a_last) = left.days().ok_or_else(no_time)?;
            let (b_first, b_last) = right.days().ok_or_else(no_time)?;
            // A day of slack, as in the block: "charged on Sunday" may postdate a Saturday report.
            if a_first > b_last + 1 || b_first > a_last + 1 {
                return Err("an undated report too far from the other's date".to_string());
            }
        }
    }
    let mut ties = 0;
    let mut concrete = false;
    if let (Some(a), Some(b)) = (&one.location, &two.location) {
        match place_tie(a, b) {
            PlaceTie::Conflict => {
                return Err(format!("places apart ({} / {})", a.name, b.name));
            }
            PlaceTie::Near(km) => {
                ties += 1;
                concrete = true;
                reasons.push(format!("same place ({km:.0} km)"));
            }
            PlaceTie::Compatible => {}
        }
    }
    if let (Some(a), Some(b)) = (&one.site, &two.site)
        && same_site(a, b)
    {
        ties += 1;
        concrete = true;
        reasons.push(format!("same site ({a} / {b})"));
    }
    if let Some(shared) = left.actors.iter().find(|actor| right.actors.binary_search(actor).is_ok())
    {
        ties += 1;
        reasons.push(format!("both attribute it to {shared}"));
    }
    for (what, a, b) in [("tolls", one.killed, two.killed), ("arrests", one.arrested, two.arrested)]
    {
        if let (Some(a), Some(b)) = (a, b)
            && a.best > 0
            && b.best > 0
            && a.best.min(b.best) * 2 >= a.best.max(b.best)
        {
            ties += 1;
            reasons.push(format!("{what} of one size ({} / {})", a.best, b.best));
        }
    }
    let shared = left.names.iter().filter(|name| right.names.binary_search(name).is_ok()).count();
    if shared >= SHARED_NAMES {
        // Many shared names are worth as much as a place and a site together.
        ties += if shared >= 2 * SHARED_NAMES { 2 } else { 1 };
        reasons.push(format!("{shared} names in common"));
    }
    // Month-, year- or range-dated mentions are the ones that bridge unrelated incidents: they
    // must share the place or site. An undated or day-drifted one may share many names instead.
    let vague = [one.date, two.date]
        .iter()
        .any(|date| date.is_some_and(|date| (date.end - date.start).num_days() > VAGUE_DAYS));
    let anchored = concrete || (!vague && shared >= SHARED_NAMES);
    let enough = if both_precise { ties >= 1 } else { ties >= 2 && anchored };
    if enough {
        return Ok(Link { reasons });
    }
    let found = if reasons.is_empty() { "nothing".to_string() } else { reasons.join(", ") };
    Err(if both_precise {
        format!("nothing ties them beyond the date ({found})")
    } else {
        format!("loosely dated: needs two ties, the place, site or names among them; found {found}")
    })
}

fn planned(stage: Stage) -> bool {
    stage == Stage::Planned
}

enum PlaceTie {
    Conflict,
    Near(f64),
    Compatible,
}

fn place_tie(a: &Location, b: &Location) -> PlaceTie {
    if let (Some(x), Some(y)) = (&a.country, &b.country)
        && x != y
    {
        return PlaceTie::Conflict;
    }
    let fine = |place: &Location| {
        matches!(place.precision, LocationPrecision::City | LocationPrecision::Site)
    };
    let (Some(a_lat), Some(a_lon), Some(b_lat), Some(b_lon)) = (a.lat, a.lon, b.lat, b.lon) else {
        return if a.name == b.name { PlaceTie::Near(0.0) } else { PlaceTie::Compatible };
    };
    if !(fine(a) && fine(b)) {
        return PlaceTie::Compatible;
    }
    let km = haversine_km(a_lat, a_lon, b_lat, b_lon);
    if km <= NEAR_KM { PlaceTie::Near(km) } else { PlaceTie::Conflict }
}

/// Great-circle distance.
pub(crate) fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let (dp, dl) = ((lat2 - lat1).to_radians(), (lon2 - lon1).to_radians());
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// Two site phrases name one site: one holds the other's last word ("Crocus City Hall" and
/// "the concert hall"), articles and case aside.
fn same_site(a: &str, b: &str) -> bool {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_lowercase)
            .filter(|word| !matches!(word.as_str(), "the" | "a" | "an" | "of" | "in" | "at"))
            .collect()
    };
    let (a, b) = (words(a), words(b));
    match (a.last(), b.last()) {
        (Some(x), Some(y)) => b.contains(x) || a.contains(y),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_moscow_to_krasnogorsk_is_about_twenty_km() {
        let km = haversine_km(55.7558, 37.6173, 55.8204, 37.3302);
        assert!((15.0..25.0).contains(&km), "{km}");
    }

    #[test]
    fn sites_match_on_their_head_word() {
        assert!(same_site("Crocus City Hall", "the concert hall"));
        assert!(!same_site("Zaventem airport", "Maalbeek metro station"));
    }
}
