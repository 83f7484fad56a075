//! The document page: the text with what the reader found highlighted (actors, places, dates,
//! counts, incidents, claims), and beside it each incident and claim with links to its
//! evidence spans: the "reading between the lines" view.

use axum::extract::{Path, State};
use maud::{Markup, html};
use vigil_domain::{Document, Extraction};

use super::show::{or_dash, words};
use super::{PageResult, layout, ok};
use crate::state::AppState;

/// One highlighted span: bytes, its class, and the incident or claim it is evidence of.
#[derive(Debug, Clone)]
struct Mark {
    start: usize,
    end: usize,
    class: &'static str,
    reference: Option<String>,
    anchor: Option<String>,
}

pub(crate) async fn page(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
    let (document, origins, stored) =
        state.with_store(move |store| crate::api::read_document(store, &id)).await?;
    let snapshot = state.snapshot().await?;
    let extraction = stored.map(|stored| stored.extraction);
    // Which fused incident each of this document's incidents joined.
    let fused_of = |incident: &str| {
        let key = format!("{}/{incident}", document.id);
        snapshot.incidents.iter().find(|f| f.mentions.contains(&key)).map(|f| f.id.clone())
    };
    ok(render(&document, &origins, extraction.as_ref(), &fused_of))
}

fn render(
    document: &Document,
    origins: &[String],
    extraction: Option<&Extraction>,
    fused_of: &dyn Fn(&str) -> Option<String>,
) -> Markup {
    let marks = extraction.map(|e| marks(document, e)).unwrap_or_default();
    let title = document.title.clone().unwrap_or_else(|| "untitled".to_string());
    let body = html! {
        h1 { (title) }
        p.muted {
            (document.source.as_deref().unwrap_or("unknown source"))
            @if let Some(day) = document.published { ", " (day) }
            " · id " code { (document.id.as_str()) }
            @if let Some(url) = document.url.as_deref() {
                " · "
                @if url.starts_with("https://") || url.starts_with("http://") {
                    a href=(url) rel="noreferrer nofollow" { "original" }
                } @else { (url) }
            }
        }
        @if origins.len() > 1 { p.muted { "also read from " (origins[1..].join(", ")) } }
        p.legend {
            span.hl.actor { "actor" } " " span.hl.place { "place" } " " span.hl.date { "date" } " "
            span.hl.count { "count" } " " span.hl.incident { "incident" } " " span.hl.claim { "claim" }
        }
        div.reading {
            article.text { (highlighted(&document.text, &marks)) }
            @if let Some(extraction) = extraction {
                aside { (sidebar(document, extraction, fused_of)) }
            } @else {
                aside { p.muted { "Not read (not English, or no extraction stored)." } }
            }
        }
    };
    layout(&title, body)
}

fn sidebar(
    document: &Document,
    extraction: &Extraction,
    fused_of: &dyn Fn(&str) -> Option<String>,
) -> Markup {
    let quote =
        |start: usize, end: usize| document.text.get(start..end).unwrap_or_default().to_string();
    html! {
        h2 { "Incidents" }
        @if extraction.incidents.is_empty() { p.muted { "None read." } }
        @for incident in &extraction.incidents {
            div.item data-ref=(incident.id) {
                h3 {
                    (incident.id) ": " (words(&incident.incident_type)) " (" (words(&incident.stage)) ")"
                }
                p {
                    (or_dash(incident.date.as_ref())) " · " (or_dash(incident.location.as_ref()))
                    @if let Some(killed) = incident.killed { " · killed " (super::show::Show::show(&killed)) }
                }
                @if let Some(fused) = fused_of(&incident.id) {
                    p { "fused as " a href=(super::incident_href(&fused)) { (fused) } }
                }
                ul.evidence {
                    @for (index, span) in incident.evidence.iter().enumerate() {
                        li { a href={ "#ev-" (incident.id) "-" (index) } { "“" (quote(span.start, span.end)) "”" } }
                    }
                }
            }
        }
        h2 { "Claims" }
        @if extraction.claims.is_empty() { p.muted { "None read." } }
        @for claim in &extraction.claims {
            div.item data-ref=(claim.id) id={ "claim-" (claim.id) } {
                h3 { (claim.id) ": " (words(&claim.kind)) " by " (claim.claimant.as_deref().unwrap_or("unnamed")) }
                p {
                    (words(&claim.modality))
                    @if !claim.accused.is_empty() { " · accuses " (claim.accused.join(", ")) }
                    @if let Some(subject) = &claim.subject { " · about " (subject) }
                }
                ul.evidence {
                    @for (index, span) in claim.evidence.iter().enumerate() {
                        li { a href={ "#ev-" (claim.id) "-" (index) } { "“" (quote(span.start, span.end)) "”" } }
                    }
                }
            }
        }
        h2 { "Actors" }
        ul {
            @for actor in &extraction.actors {
                li { a href=(super::actor_href(&actor.name)) { (actor.name) } " (" (words(&actor.kind)) ")" }
            }
        }
    }
}

/// Every span worth marking in the text.
fn marks(document: &Document, extraction: &Extraction) -> Vec<Mark> {
    let text = &document.text;
    let mut marks = Vec::new();
    let mut push = |start: usize, end: usize, class, reference: Option<String>, anchor| {
        if start < end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
        {
            marks.push(Mark { start, end, class, reference, anchor });
        }
    };
    for actor in &extraction.actors {
        for span in &actor.evidence {
            push(span.start, span.end, "actor", None, None);
        }
    }
    for incident in &extraction.incidents {
        for (index, span) in incident.evidence.iter().enumerate() {
            let anchor = format!("ev-{}-{index}", incident.id);
            push(span.start, span.end, "incident", Some(incident.id.clone()), Some(anchor));
            // The place's name, where the incident's own sentence says it.
            if let Some(place) = &incident.location
                && let Some(at) = text.get(span.start..span.end).and_then(|s| s.find(&place.name))
            {
                push(span.start + at, span.start + at + place.name.len(), "place", None, None);
            }
        }
    }
    for claim in &extraction.claims {
        for (index, span) in claim.evidence.iter().enumerate() {
            let anchor = format!("ev-{}-{index}", claim.id);
            push(span.start, span.end, "claim", Some(claim.id.clone()), Some(anchor));
        }
    }
    for date in vigil_extract::dates::find_dates(text, document.published) {
        push(date.start, date.end, "date", None, None);
    }
    for count in vigil_extract::counts::find_counts(text) {
        push(count.start, count.end, "count", None, None);
    }
    marks
}

/// The text cut at every mark's ends; each piece carries the classes and references of the
/// marks covering it, and an anchor opens each evidence span.
fn highlighted(text: &str, marks: &[Mark]) -> Markup {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for mark in marks {
        cuts.push(mark.start);
        cuts.push(mark.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    html! {
        @for pair in cuts.windows(2) {
            @let (start, end) = (pair[0], pair[1]);
            @for mark in marks.iter().filter(|m| m.start == start && m.anchor.is_some()) {
                a.anchor id=(mark.anchor.as_deref().unwrap_or_default()) {}
            }
            @let covering: Vec<&Mark> = marks.iter().filter(|m| m.start <= start && m.end >= end).collect();
            @let piece = text.get(start..end).unwrap_or_default();
            @if covering.is_empty() {
                (piece)
            } @else {
                @let classes = classes_of(&covering);
                @let refs: Vec<&str> = covering.iter().filter_map(|m| m.reference.as_deref()).collect();
                span class={ "hl " (classes.join(" ")) } data-refs=(refs.join(" ")) { (piece) }
            }
        }
    }
}

/// The classes of the marks covering a piece, each once, in a fixed order.
fn classes_of(covering: &[&Mark]) -> Vec<&'static str> {
    let mut classes: Vec<&'static str> = covering.iter().map(|m| m.class).collect();
    classes.sort_unstable();
    classes.dedup();
    classes
}
