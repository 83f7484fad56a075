//! The overview: current alerts, the map, recent incidents, boards and the newest reports.

use axum::extract::State;
use maud::{Markup, PreEscaped, html};
use vigil_store::{DocumentSummary, StoredBoard};

use super::show::{Show, or_dash, words};
use super::{PageResult, incident_href, layout, ok};
use crate::state::{AppState, Snapshot};

/// How many incidents and documents the overview lists.
const RECENT: usize = 25;

pub(crate) async fn page(State(state): State<AppState>) -> PageResult {
    let snapshot = state.snapshot().await?;
    let (documents, boards) = state
        .with_store(|store| {
            let query = vigil_store::DocumentQuery {
                limit: Some(10),
                ..vigil_store::DocumentQuery::default()
            };
            Ok((store.documents(&query)?, store.boards()?))
        })
        .await?;
    ok(render(&snapshot, &documents, &boards))
}

/// The overview page of a snapshot (public for the render benchmark).
pub fn render(
    snapshot: &Snapshot,
    documents: &[DocumentSummary],
    boards: &[StoredBoard],
) -> Markup {
    let body = html! {
        h1 { "Overview" }
        p.muted {
            (snapshot.incidents.len()) " fused incidents from " (snapshot.extractions.len()) " read reports"
            @if let Some(latest) = snapshot.latest { "; newest report " (latest) }
        }
        section #alerts {
            h2 { "Current alerts" }
            @if snapshot.alerts.is_empty() {
                p.muted { "No alerts as of the newest report." }
            } @else {
                ul.alerts {
                    @for alert in &snapshot.alerts {
                        li {
                            strong { (words(&alert.rule)) " [" (alert.level) "] " }
                            (alert.reason)
                            " "
                            @for id in &alert.incidents { a href=(incident_href(id)) { (id) } " " }
                        }
                    }
                }
            }
        }
        section #map {
            h2 { "Map of incidents" }
            (PreEscaped(snapshot.map.get_or_init(|| super::map::svg(&snapshot.incidents))))
        }
        section #recent {
            h2 { "Recent incidents" }
            table {
                thead { tr { th { "Date" } th { "Type" } th { "Place" } th { "Killed" } th { "Reports" } th { "Attributed to" } } }
                tbody {
                    @for incident in snapshot.incidents.iter().take(RECENT) {
                        tr {
                            td { a href=(incident_href(&incident.id)) { (or_dash(incident.date.value.as_ref())) } }
                            td { (or_dash(incident.incident_type.value.as_ref())) }
                            td { (or_dash(incident.location.value.as_ref())) }
                            td { (incident.killed.value.map(|count| count.show()).unwrap_or_default()) }
                            td { (incident.documents.len()) }
                            td { (vigil_query::fused::attribution_summary(incident)) }
                        }
                    }
                }
            }
        }
        section #boards {
            h2 { "Boards" }
            @if boards.is_empty() { p.muted { "No boards yet (vigil board new)." } }
            ul { @for board in boards { li { a href={ "/boards/" (board.id) } { (board.name) } } } }
        }
        section #documents {
            h2 { "Newest reports" }
            ul {
                @for document in documents {
                    li {
                        a href=(super::document_href(document.id.as_str())) { (document.title.as_deref().unwrap_or("untitled")) }
                        " — " (document.source.as_deref().unwrap_or("unknown source"))
                        @if let Some(day) = document.published { ", " (day) }
                    }
                }
            }
        }
    };
    layout("Overview", body)
}
