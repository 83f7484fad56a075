//! The link rule: whether two mentions tell the same incident, cannot, or are merely unrelated.
//!
//! It looks at the two mentions only (never at what else is fused with them), so chains (the
//! connected components of links) do not depend on the order reports arrive in, and neither do
//! the fused incidents [`carve`](crate::carve) cuts out of them. The three answers matter
//! because a chain can join, through vague mentions, reports that cannot be one incident: a
//! pair ruled [`Relation::Apart`] (other kinds of event, other days, places far apart, a
//! report that predates the event) is never put in one fused incident, while a pair merely
//! [`Relation::Unrelated`] (nothing in common found) may be, through others.
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

use crate::mention::{Aftermath, Mention};

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

/// Two first-level regions (or a region and a town outside it) whose centres lie further apart
/// than this are different places however loosely either is named: Ingushetia is 1,500 km from
/// Moscow, while Moscow city and Moscow oblast (other regions, one incident) are next door.
pub const REGION_KM: f64 = 300.0;

/// Why two mentions were linked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The ties found, in words ("same day", "same place (12 km)", "both attribute it to ...").
    pub reasons: Vec<String>,
    /// How much ties them: two for each tie, one more when a tie is concrete (place, site), two
    /// for the same day (one for a day apart or both dates precise), one for the same type.
    /// Stronger links are followed first when a chain is cut into incidents.
    pub strength: u32,
}

/// What two mentions are to each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Relation {
    /// They tell the same incident.
    Same(Link),
    /// They cannot tell the same incident (the reason in words): never in one fused incident.
    Apart(String),
    /// Nothing found ties them (the reason in words); others may still join them.
    Unrelated(String),
}

/// Whether `left` and `right` tell the same incident.
pub fn link(left: &Mention, right: &Mention) -> Option<Link> {
    explain(left, right).ok()
}

/// Whether `left` and `right` tell the same incident, with the ties that say so, or what keeps
/// them apart ("another country", "only one tie for undated reports: same place (3 km)").
pub fn explain(left: &Mention, right: &Mention) -> Result<Link, String> {
    match relate(left, right) {
        Relation::Same(link) => Ok(link),
        Relation::Apart(why) | Relation::Unrelated(why) => Err(why),
    }
}

/// What `left` and `right` are to each other, with the reasons.
pub fn relate(left: &Mention, right: &Mention) -> Relation {
    use Relation::{Apart, Unrelated};
    let (one, two) = (&left.incident, &right.incident);
    if one.incident_type.family() != two.incident_type.family() {
        return Apart("other kinds of event".to_string());
    }
    if planned(one.stage) != planned(two.stage) {
        return Apart("a plot and an act".to_string());
    }
    if let Some(why) = reported_before(left, right).or_else(|| reported_before(right, left)) {
        return Apart(why);
    }
    if left.document == right.document {
        // Not a conflict: the reader sometimes tells one incident twice (the attack, then
        // "the attack, claimed by ..."), and other reports may show they are one.
        return Unrelated("one report (its reader keeps its incidents apart)".to_string());
    }
    let mut reasons = Vec::new();
    // A date of a month or more (or none) places an incident loosely; such a mention could tie
    // unrelated incidents together through itself, so it must name the same place or site too.
    let precise = |date: Option<vigil_domain::DateSpan>| {
        date.is_some_and(|date| (date.end - date.start).num_days() <= PRECISE_DAYS)
    };
    let mut both_precise = precise(one.date) && precise(two.date);
    // What the dates add to a link's strength: the same day counts more than a day apart or
    // a shared week; an undated mention's window agrees with anything, so it adds nothing.
    let mut date_weight = 0;
    match (one.date, two.date) {
        (Some(a), Some(b)) => {
            let day = |precision| precision == DatePrecision::Day;
            if day(a.precision) && day(b.precision) {
                let apart = (a.start - b.start).num_days().abs();
                // "Yesterday" in a report filed after midnight is a day off: reports of
                // different days may differ by one, but then they are held to the bar of
                // loose dates (the place or site and one more tie).
                let drift = apart == 1 && left.published != right.published;
                if apart > 1 || (apart == 1 && !drift) {
                    return Apart(format!("{apart} days apart"));
                }
                if drift {
                    both_precise = false;
                    date_weight = 1;
                    reasons.push("a day apart".to_string());
                } else {
                    date_weight = 2;
                    reasons.push("same day".to_string());
                }
            } else if a.start > b.end || b.start > a.end {
                return Apart("dates that do not overlap".to_string());
            }
        }
        _ => {
            let (Some((a_first, a_last)), Some((b_first, b_last))) = (left.days(), right.days())
            else {
                return Unrelated("a report with no date of its own or of publication".to_string());
            };
            // A day of slack, as in the block: "charged on Sunday" may postdate a Saturday report.
            if a_first > b_last + 1 || b_first > a_last + 1 {
                return Unrelated("an undated report too far from the other's date".to_string());
            }
        }
    }
    let mut ties = 0;
    let mut concrete = false;
    if let (Some(a), Some(b)) = (&one.location, &two.location) {
        match place_tie(a, b) {
            PlaceTie::Conflict => {
                return Apart(format!("places apart ({} / {})", a.name, b.name));
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
    if let (Some(a), Some(b)) = (&left.aftermath, &right.aftermath)
        && one.incident_type == two.incident_type
        && same_attack(a, b)
    {
        // Arrests (or raids) told in the wake of one attack are its arrests: as telling as
        // the place and a second tie, so undated ones join; their own dates and places, when
        // given, have already ruled out the ones that differ.
        ties += 2;
        concrete = true;
        reasons.push("in the wake of the same attack".to_string());
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
        let same_type = one.incident_type == two.incident_type;
        let strength = 2 * ties
            + u32::from(concrete)
            + date_weight.max(u32::from(both_precise))
            + u32::from(same_type);
        return Relation::Same(Link { reasons, strength });
    }
    let found = if reasons.is_empty() { "nothing".to_string() } else { reasons.join(", ") };
    Unrelated(if both_precise {
        format!("nothing ties them beyond the date ({found})")
    } else {
        format!("loosely dated: needs two ties, the place, site or names among them; found {found}")
    })
}

fn planned(stage: Stage) -> bool {
    stage == Stage::Planned
}

/// An act a report published before it happened cannot be the act another report dates (a
/// day of slack for time zones). Plots and warnings look ahead, so only acts are held to it.
fn reported_before(report: &Mention, dated: &Mention) -> Option<String> {
    let published = report.published?;
    let date = dated.incident.date?;
    let acts = !planned(report.incident.stage) && !planned(dated.incident.stage);
    (acts && (date.start - published).num_days() > 1)
        .then(|| format!("reported on {published}, before it happened on {}", date.start))
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
        // A region and a town (or two regions): compatible unless they are other regions far
        // apart. Countries are too large to rule anything out this way.
        let regional =
            |place: &Location| fine(place) || place.precision == LocationPrecision::Admin1;
        let other_regions = match (&a.admin1, &b.admin1) {
            (Some(x), Some(y)) => x != y,
            _ => false,
        };
        if regional(a)
            && regional(b)
            && other_regions
            && haversine_km(a_lat, a_lon, b_lat, b_lon) > REGION_KM
        {
            return PlaceTie::Conflict;
        }
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

/// Whether two reports' attacks are one: the same day, the same site, or places near each
/// other with dates that do not disagree.
fn same_attack(a: &Aftermath, b: &Aftermath) -> bool {
    let day = |date: Option<vigil_domain::DateSpan>| {
        date.filter(|date| date.precision == DatePrecision::Day).map(|date| date.start)
    };
    match (day(a.date), day(b.date)) {
        (Some(x), Some(y)) if x != y => return false,
        (Some(_), Some(_)) => return true,
        _ => {}
    }
    if let (Some(x), Some(y)) = (&a.site, &b.site)
        && same_site(x, y)
    {
        return true;
    }
    match (&a.location, &b.location) {
        (Some(x), Some(y)) => matches!(place_tie(x, y), PlaceTie::Near(_)),
        _ => false,
    }
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
