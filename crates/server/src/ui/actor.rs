//! The actor page: who it is and its aliases, its activity over time (an SVG chart), the
//! incidents linked to it by confidence, claims it made and claims about it, and the actors
//! it is named with.

use axum::extract::{Path, State};
use maud::{Markup, PreEscaped, html};
use vigil_query::profile::{ClaimRef, IncidentRef, Profile};

use super::{PageResult, actor_href, document_href, incident_href, layout, ok};
use crate::state::AppState;

/// How many co-occurring actors are shown.
const COMPANY: usize = 15;

/// How many incidents of each confidence are listed (newest first); the API has them all.
const LISTED: usize = 50;

pub(crate) async fn page(State(state): State<AppState>, Path(name): Path<String>) -> PageResult {
    let snapshot = state.snapshot().await?;
    let profile = crate::api::actor_profile(&snapshot, &name)?;
    ok(render(&profile))
}

/// The actor page.
pub(crate) fn render(profile: &Profile) -> Markup {
    // An incident linked with two confidences is still one incident.
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut dates: Vec<chrono::NaiveDate> = Vec::new();
    for incident in profile.incidents.values().flatten() {
        if seen.insert(incident.id.as_str()) {
            dates.extend(incident.date);
        }
    }
    let body = html! {
        h1 { (profile.name) }
        p.muted {
            (profile.kind.as_deref().unwrap_or("not in the knowledge base").replace('_', " "))
            @if let Some(country) = &profile.country { ", " (country) }
            " · named in " (profile.documents_named) " documents"
        }
        @if let Some(parent) = &profile.parent { p { "Part of " a href=(actor_href(parent)) { (parent) } } }
        @if !profile.children.is_empty() {
            p { "Branches: " @for child in &profile.children { a href=(actor_href(child)) { (child) } " " } }
        }
        @if !profile.aliases.is_empty() { p.aliases { "Also known as: " (profile.aliases.join(", ")) } }
        section #activity {
            h2 { "Activity over time" }
            (PreEscaped(super::chart::monthly(&dates, "incidents linked to the actor per month")))
        }
        section #incidents {
            h2 { "Incidents" }
            @if profile.incidents.is_empty() { p.muted { "No fused incident is linked to it." } }
            @for (confidence, incidents) in &profile.incidents {
                h3 { (confidence.replace('_', " ")) " (" (incidents.len()) ")" }
                ul {
                    @for incident in newest(incidents) {
                        li {
                            a href=(incident_href(&incident.id)) { (incident.id) }
                            " " (incident.incident_type.as_deref().unwrap_or("-").replace('_', " "))
                            " " (incident.date.map_or("undated".to_string(), |d| d.to_string()))
                            " (" (incident.sources) " reports)"
                        }
                    }
                }
                @if incidents.len() > LISTED {
                    p.muted {
                        "The " (LISTED) " newest of " (incidents.len()) "; all in "
                        a href={ "/api/incidents?limit=500&actor=" (super::segment(&profile.name)) } { "the API" } "."
                    }
                }
            }
        }
        section #claims-made { h2 { "Claims it made" } (claims(&profile.claims_made)) }
        section #claims-about { h2 { "Claims about it" } (claims(&profile.claims_about)) }
        section #company {
            h2 { "Named with" }
            @if profile.co_occurring.is_empty() { p.muted { "No other actor shares its documents." } }
            @else { (PreEscaped(super::chart::network(&profile.name, &profile.co_occurring[..profile.co_occurring.len().min(COMPANY)]))) }
            ul.company {
                @for (name, count) in profile.co_occurring.iter().take(COMPANY) {
                    li { a href=(actor_href(name)) { (name) } " (" (count) " documents)" }
                }
            }
        }
    };
    layout(&profile.name, body)
}

/// The newest `LISTED` incidents, undated last.
fn newest(incidents: &[IncidentRef]) -> Vec<&IncidentRef> {
    let mut sorted: Vec<&IncidentRef> = incidents.iter().collect();
    sorted.sort_by(|a, b| {
        (a.date.is_none(), std::cmp::Reverse(a.date))
            .cmp(&(b.date.is_none(), std::cmp::Reverse(b.date)))
    });
    sorted.truncate(LISTED);
    sorted
}

fn claims(claims: &[ClaimRef]) -> Markup {
    html! {
        @if claims.is_empty() { p.muted { "None." } }
        ul.claims {
            @for claim in claims {
                li {
                    strong { (claim.kind.replace('_', " ")) } " by " (claim.claimant.as_deref().unwrap_or("unnamed"))
                    @if !claim.accused.is_empty() { ", accusing " (claim.accused.join(", ")) }
                    " (" (claim.modality.replace('_', " ")) ")"
                    @if let Some(incident) = &claim.incident { " about " a href=(incident_href(incident)) { (incident) } }
                    " — " a href=(document_href(&claim.document)) { (claim.source.as_deref().unwrap_or("unknown source")) }
                }
            }
        }
    }
}
