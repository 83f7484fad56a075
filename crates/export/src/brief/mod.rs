//! Briefings: one incident, or one actor's incidents over a period, for readers who will not
//! open a database. Markdown and HTML from one model, an SVG map, and every statement footnoted
//! to the reports it rests on. Only what the reporting dates is dated: an undated incident says
//! so, and a date known to the month is written as a month.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use vigil_domain::{ClaimKind, Confidence, DatePrecision, DateSpan, Probability};
use vigil_fusion::FusedIncident;

use crate::{ExportSet, perpetrators, snake};

/// What the briefing is about.
#[derive(Debug, Clone)]
pub enum Scope {
    /// One fused incident.
    Incident(String),
    /// One actor's incidents (its branches included by the caller).
    Actor {
        /// Canonical name.
        name: String,
        /// Names that count as the actor (itself and its branches).
        names: Vec<String>,
    },
}

/// A briefing in both forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Briefing {
    /// Markdown.
    pub markdown: String,
    /// A standalone HTML page.
    pub html: String,
}

mod render;

use render::{escape, html, markdown};

/// A paragraph or list of a section; text may hold footnote marks `[^n]`.
#[derive(Debug, Clone)]
pub(crate) enum Block {
    Text(String),
    List(Vec<String>),
    Table(Vec<String>, Vec<Vec<String>>),
    Svg(String),
}

/// Footnotes: documents in order of first citation.
#[derive(Default)]
struct Notes {
    order: Vec<String>,
}

impl Notes {
    fn cite(&mut self, documents: &[String]) -> String {
        let mut marks = Vec::new();
        for document in documents {
            let number = match self.order.iter().position(|d| d == document) {
                Some(at) => at + 1,
                None => {
                    self.order.push(document.clone());
                    self.order.len()
                }
            };
            if !marks.contains(&number) {
                marks.push(number);
            }
        }
        marks.iter().map(|n| format!("[^{n}]")).collect()
    }
}

/// Writes a date as the reporting knows it.
pub fn date_words(date: Option<DateSpan>) -> String {
    match date {
        None => "date not reported".to_string(),
        Some(d) => match d.precision {
            DatePrecision::Day => d.start.format("%-d %B %Y").to_string(),
            DatePrecision::Week => format!("the week of {}", d.start.format("%-d %B %Y")),
            DatePrecision::Month => d.start.format("%B %Y").to_string(),
            DatePrecision::Year => d.start.format("%Y").to_string(),
            DatePrecision::Range => {
                format!("between {} and {}", d.start.format("%-d %B %Y"), d.end.format("%-d %B %Y"))
            }
        },
    }
}

/// ICD 203's words and range for a probability band.
pub fn likelihood_words(probability: Probability) -> &'static str {
    match probability {
        Probability::AlmostNoChance => "almost no chance (1-5%)",
        Probability::VeryUnlikely => "very unlikely (5-20%)",
        Probability::Unlikely => "unlikely (20-45%)",
        Probability::RoughlyEvenChance => "roughly even chance (45-55%)",
        Probability::Likely => "likely (55-80%)",
        Probability::VeryLikely => "very likely (80-95%)",
        Probability::AlmostCertain => "almost certain (95-99%)",
    }
}

/// Builds the briefing; `None` when the scope matches nothing.
pub fn briefing(set: &ExportSet, scope: &Scope) -> Option<Briefing> {
    let incidents: Vec<&FusedIncident> = match scope {
        Scope::Incident(id) => set.incidents.iter().filter(|i| &i.id == id).collect(),
        Scope::Actor { names, .. } => set
            .incidents
            .iter()
            .filter(|i| i.attribution.iter().any(|link| names.contains(&link.actor)))
            .collect(),
    };
    if incidents.is_empty() {
        return None;
    }
    let mut notes = Notes::default();
    let title = match scope {
        Scope::Incident(_) => format!("Briefing: {}", headline(incidents[0])),
        Scope::Actor { name, .. } => format!("Briefing: {name}"),
    };
    let mut sections: Vec<(String, Vec<Block>)> = Vec::new();
    // Summary.
    let mut summary = Vec::new();
    for incident in &incidents {
        summary.push(Block::Text(summary_of(incident, &mut notes)));
    }
    sections.push(("Summary".to_string(), summary));
    // Timeline.
    let mut timeline: Vec<(Option<DateSpan>, String)> = incidents
        .iter()
        .map(|i| {
            (
                i.date.value,
                format!(
                    "{}: {} {}",
                    date_words(i.date.value),
                    headline(i),
                    notes.cite(&i.documents)
                ),
            )
        })
        .collect();
    timeline.sort_by_key(|(date, _)| (date.is_none(), date.map(|d| d.start)));
    sections.push((
        "Timeline".to_string(),
        vec![Block::List(timeline.into_iter().map(|(_, line)| line).collect())],
    ));
    // Map.
    sections.push(("Map".to_string(), vec![Block::Svg(map(&incidents))]));
    // Attribution.
    let mut rows = Vec::new();
    for incident in &incidents {
        let mut grouped: BTreeMap<(String, String, String), Vec<String>> = BTreeMap::new();
        for link in &incident.attribution {
            let key = (
                link.actor.clone(),
                snake(&link.confidence).replace('_', " "),
                link.claimant.clone().unwrap_or_else(|| "-".to_string()),
            );
            grouped.entry(key).or_default().push(link.document.clone());
        }
        for ((actor, confidence, claimant), documents) in grouped {
            rows.push(vec![
                incident.id.clone(),
                actor,
                confidence,
                claimant,
                notes.cite(&documents),
            ]);
        }
    }
    if rows.is_empty() {
        sections.push((
            "Attribution".to_string(),
            vec![Block::Text("No source attributes it to anyone.".to_string())],
        ));
    } else {
        sections.push((
            "Attribution".to_string(),
            vec![Block::Table(
                ["incident", "actor", "confidence", "claimant", "sources"]
                    .map(str::to_string)
                    .to_vec(),
                rows,
            )],
        ));
    }
    // Claims and denials.
    let mut claims = Vec::new();
    for incident in &incidents {
        for fused in &incident.claims {
            let claim = &fused.claim;
            let mut line = format!(
                "{} by {} ({})",
                snake(&claim.kind).replace('_', " "),
                claim.claimant.as_deref().unwrap_or("an unnamed source"),
                snake(&claim.modality)
            );
            if !claim.accused.is_empty() && claim.kind != ClaimKind::Responsibility {
                let _ = write!(line, ", naming {}", claim.accused.join(", "));
            }
            if let Some(channel) = &claim.channel {
                let _ = write!(line, ", through {channel}");
            }
            if let Some(probability) = claim.probability {
                let _ = write!(line, ", judged {}", likelihood_words(probability));
            }
            let _ = write!(line, " {}", notes.cite(std::slice::from_ref(&fused.document)));
            claims.push(line);
        }
    }
    if !claims.is_empty() {
        sections.push(("Claims and denials".to_string(), vec![Block::List(claims)]));
    }
    // Boards.
    let mut standing = Vec::new();
    for (id, board) in &set.boards {
        if !incidents.iter().any(|i| board.subject.incident.as_deref() == Some(i.id.as_str())) {
            continue;
        }
        let scores = vigil_board::score(board);
        let mut lines = Vec::new();
        for (hypothesis, score) in board.hypotheses.iter().zip(&scores.hypotheses) {
            lines.push(format!(
                "{} {}: inconsistency {}, weighted {:.2}, posterior {:.2}",
                hypothesis.id,
                hypothesis.text,
                score.inconsistency,
                score.weighted_inconsistency,
                score.posterior
            ));
        }
        standing.push(Block::Text(format!("Board {id}, \"{}\" ({} items of evidence). A structure for the argument, not a verdict:", board.name, board.evidence.len())));
        standing.push(Block::List(lines));
    }
    if !standing.is_empty() {
        sections.push(("Hypotheses".to_string(), standing));
    }
    // Sources.
    let sources: Vec<String> = notes
        .order
        .iter()
        .enumerate()
        .map(|(at, id)| {
            let info = set.document(id);
            format!(
                "[^{}]: {}, {}, \"{}\" (reliability {}; document {id})",
                at + 1,
                info.and_then(|d| d.source.clone()).unwrap_or_else(|| "unknown source".to_string()),
                info.and_then(|d| d.published)
                    .map_or_else(|| "undated".to_string(), |d| d.to_string()),
                info.and_then(|d| d.title.clone()).unwrap_or_else(|| "untitled".to_string()),
                info.map_or("F", |d| d.reliability.as_str()),
            )
        })
        .collect();
    Some(Briefing {
        markdown: markdown(&title, &sections, &sources),
        html: html(&title, &sections, &sources),
    })
}

fn headline(incident: &FusedIncident) -> String {
    let kind = incident
        .incident_type
        .value
        .map(|k| snake(&k).replace('_', " "))
        .unwrap_or_else(|| "incident".to_string());
    let mut out = kind;
    if let Some(site) = &incident.site.value {
        let _ = write!(out, " at {site}");
    }
    if let Some(place) = &incident.location.value {
        let _ = write!(out, ", {}", place.name);
    }
    out
}

fn summary_of(incident: &FusedIncident, notes: &mut Notes) -> String {
    let mut text = format!(
        "{} ({}), {}.",
        crate::capitalised(&headline(incident)),
        incident.id,
        date_words(incident.date.value)
    );
    if incident.stage.value == Some(vigil_domain::Stage::Planned) {
        text.push_str(" A plot, disclosed or foiled before it was carried out.");
    }
    let toll_sources: Vec<String> =
        incident.killed.values.iter().map(|v| v.document.clone()).collect();
    if let Some(killed) = incident.killed.value {
        let _ = write!(text, " {} killed {}", killed.best, notes.cite(&toll_sources));
        if let Some((low, high)) = incident.killed.range.filter(|(l, h)| l != h) {
            let _ = write!(
                text,
                " (reports range from {low} to {high}; shown: {})",
                incident.killed.rule
            );
        }
        text.push('.');
    }
    let perpetrators = perpetrators(incident);
    if let Some((actor, confidence)) = perpetrators.first() {
        let how = match confidence {
            Confidence::Claimed => "claimed by",
            Confidence::Reported => "reported as the work of",
            Confidence::AccusedByAuthorities => "blamed by authorities on",
            Confidence::Suspected => "suspected to be the work of",
            _ => "possibly the work of",
        };
        let _ = write!(text, " It is {how} {actor}.");
    }
    let _ = write!(
        text,
        " Reported by {} documents {}.",
        incident.documents.len(),
        notes.cite(&incident.documents)
    );
    text
}

/// Points on a latitude/longitude grid (equirectangular), framed around the incidents.
fn map(incidents: &[&FusedIncident]) -> String {
    let points: Vec<(f64, f64, String)> = incidents
        .iter()
        .filter_map(|i| {
            let place = i.location.value.as_ref()?;
            Some((place.lon?, place.lat?, place.name.clone()))
        })
        .collect();
    let (width, height) = (480.0, 300.0);
    if points.is_empty() {
        return format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"60\"><text x=\"10\" y=\"35\">No reported place has coordinates.</text></svg>"
        );
    }
    let pad = 2.0;
    let min_lon = points.iter().map(|p| p.0).fold(f64::INFINITY, f64::min) - pad;
    let max_lon = points.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max) + pad;
    let min_lat = points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min) - pad;
    let max_lat = points.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max) + pad;
    let x = |lon: f64| (lon - min_lon) / (max_lon - min_lon) * width;
    let y = |lat: f64| (max_lat - lat) / (max_lat - min_lat) * height;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"11\">"
    );
    let _ = write!(
        svg,
        "<rect width=\"{width}\" height=\"{height}\" fill=\"#f4f6f8\" stroke=\"#99a\"/>"
    );
    let mut lon = min_lon.ceil();
    while lon <= max_lon {
        let _ = write!(
            svg,
            "<line x1=\"{0:.1}\" y1=\"0\" x2=\"{0:.1}\" y2=\"{height}\" stroke=\"#dde\"/>",
            x(lon)
        );
        lon += 1.0;
    }
    let mut lat = min_lat.ceil();
    while lat <= max_lat {
        let _ = write!(
            svg,
            "<line x1=\"0\" y1=\"{0:.1}\" x2=\"{width}\" y2=\"{0:.1}\" stroke=\"#dde\"/>",
            y(lat)
        );
        lat += 1.0;
    }
    for (lon, lat, name) in &points {
        let _ = write!(
            svg,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"5\" fill=\"#b22\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            x(*lon),
            y(*lat),
            x(*lon) + 7.0,
            y(*lat) + 4.0,
            escape(name)
        );
    }
    let _ = write!(
        svg,
        "<text x=\"6\" y=\"{:.1}\" fill=\"#667\">{:.1}..{:.1} E, {:.1}..{:.1} N; 1 degree grid</text></svg>",
        height - 6.0,
        min_lon,
        max_lon,
        min_lat,
        max_lat
    );
    svg
}
