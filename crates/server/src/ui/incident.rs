//! The incident page: its sources, contested figures with who said what and when,
//! attributions with their confidence, claims and denials, and the timeline of reporting.

use axum::extract::{Path, State};
use maud::{Markup, html};
use vigil_fusion::{Consensus, FusedIncident};

use super::show::{Show, or_dash, words};
use super::{PageResult, actor_href, document_href, layout, ok};
use crate::state::AppState;

pub(crate) async fn page(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
    let snapshot = state.snapshot().await?;
    let incident = snapshot.incident(&id)?;
    ok(render(incident))
}

/// The incident page.
pub(crate) fn render(incident: &FusedIncident) -> Markup {
    let title = format!(
        "{} in {}",
        or_dash(incident.incident_type.value.as_ref()),
        or_dash(incident.location.value.as_ref())
    );
    let body = html! {
        h1 { (title) }
        p.muted { code { (incident.id) } " · " (or_dash(incident.date.value.as_ref())) " · " (incident.documents.len()) " reports" }
        section #figures {
            h2 { "Figures, source by source" }
            table.figures {
                thead { tr { th { "Slot" } th { "Consensus" } th { "Rule" } th { "Who said what, when" } } }
                tbody {
                    (slot("type", &incident.incident_type))
                    (slot("stage", &incident.stage))
                    (slot("date", &incident.date))
                    (slot("place", &incident.location))
                    (slot("site", &incident.site))
                    (slot("killed", &incident.killed))
                    (slot("injured", &incident.injured))
                    (slot("arrested", &incident.arrested))
                }
            }
            @if !incident.overrides.is_empty() {
                h3 { "Analysts' values" }
                ul { @for value in &incident.overrides { li { (value.slot) " = " (value.value) " by " (value.author) " at " (value.at) ": " (value.why) } } }
            }
        }
        section #attribution {
            h2 { "Attributions" }
            @if incident.attribution.is_empty() { p.muted { "No one is named as responsible." } }
            table {
                thead { tr { th { "Actor" } th { "Confidence" } th { "Said by" } th { "Source" } } }
                tbody {
                    @for link in &incident.attribution {
                        tr {
                            td { a href=(actor_href(&link.actor)) { (link.actor) } }
                            td { (words(&link.confidence)) }
                            td { (link.claimant.as_deref().unwrap_or("-")) @if let Some(kind) = &link.claim_kind { " (" (words(kind)) ")" } }
                            td { a href=(document_href(&link.document)) { (link.source.as_deref().unwrap_or("unknown source")) } }
                        }
                    }
                }
            }
        }
        section #claims {
            h2 { "Claims and denials" }
            @if incident.claims.is_empty() { p.muted { "No claims about it." } }
            ul.claims {
                @for fused in &incident.claims {
                    @let claim = &fused.claim;
                    li class=(words(&claim.kind)) {
                        strong { (words(&claim.kind)) } " by " (claim.claimant.as_deref().unwrap_or("unnamed"))
                        @if !claim.accused.is_empty() { ", accusing " (claim.accused.join(", ")) }
                        " (" (words(&claim.modality)) ") — "
                        a href={ (document_href(&fused.document)) "#claim-" (claim.id) } {
                            (fused.source.as_deref().unwrap_or("unknown source"))
                            @if let Some(day) = fused.published { ", " (day) }
                        }
                    }
                }
            }
        }
        section #reporting {
            h2 { "Timeline of reporting" }
            (reporting(incident))
        }
    };
    layout(&title, body)
}

/// One slot's row: consensus, its rule, and every source's value with its date.
fn slot<T: Show>(name: &str, consensus: &Consensus<T>) -> Markup {
    if consensus.value.is_none() && consensus.values.is_empty() {
        return html! {};
    }
    html! {
        tr {
            th { (name) }
            td { (or_dash(consensus.value.as_ref())) @if let Some((low, high)) = consensus.range { @if low != high { " (" (low) "-" (high) ")" } } }
            td.muted { (consensus.rule) }
            td {
                ul.values {
                    @for value in &consensus.values {
                        li {
                            (value.value.show()) " per "
                            a href=(document_href(&value.document)) { (value.source.as_deref().unwrap_or("unknown source")) }
                            " (" (value.reliability.as_str()) ")"
                            @if let Some(day) = value.published { ", " (day) }
                        }
                    }
                }
            }
        }
    }
}

/// The reports in the order they were published.
fn reporting(incident: &FusedIncident) -> Markup {
    let mut reports: Vec<(Option<chrono::NaiveDate>, &str, Option<&str>)> = Vec::new();
    for value in &incident.incident_type.values {
        if !reports.iter().any(|(_, document, _)| *document == value.document) {
            reports.push((value.published, &value.document, value.source.as_deref()));
        }
    }
    reports.sort_by_key(|(published, document, _)| (published.is_none(), *published, *document));
    html! {
        ol.reporting {
            @for (published, document, source) in reports {
                li {
                    (published.map_or("undated".to_string(), |day| day.to_string())) ": "
                    a href=(document_href(document)) { (source.unwrap_or("unknown source")) }
                }
            }
        }
    }
}
