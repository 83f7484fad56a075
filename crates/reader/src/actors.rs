//! The actors of a document: every knowledge-base match grouped by canonical name.

use vigil_domain::{ActorKind, ActorMention, Evidence};

use super::analysis::{ActorHit, Analysis};

/// One mention per actor, in order of first appearance, with the names it went by.
pub(crate) fn mentions(analysis: &Analysis<'_>, author: Option<&ActorHit>) -> Vec<ActorMention> {
    let mut mentions: Vec<ActorMention> = Vec::new();
    // A state named only as a place ("arrested in Germany") is not an actor of the story.
    // Each state mention is a place when a locative preposition governs it, or when it
    // continues a list ("in Germany, France and Italy") that one governs.
    let mut place_only: Vec<bool> = Vec::with_capacity(analysis.actors.len());
    for (index, hit) in analysis.actors.iter().enumerate() {
        let before = super::places::word_before(analysis.text, hit.start);
        let governed = matches!(
            before.as_str(),
            "in" | "from" | "to" | "across" | "inside" | "into" | "via" | "beyond" | "throughout"
        );
        let gap_start = index.checked_sub(1).map(|previous| analysis.actors[previous].end);
        let continues = gap_start.is_some_and(|gap_start| {
            gap_start <= hit.start && hit.start - gap_start < 12 && {
                let gap = analysis.slice(gap_start, hit.start).trim();
                matches!(gap, "," | "and" | "or" | ", and" | ", the" | "and the" | ", and the")
            }
        });
        let inherited = continues && place_only.last().copied().unwrap_or(false);
        place_only.push(governed || inherited);
    }
    let acts = |name: &str| {
        analysis.actors.iter().zip(&place_only).any(|(hit, only)| hit.name == name && !only)
    };
    for hit in &analysis.actors {
        if hit.kind == ActorKind::Population || hit.name.starts_with("the ") {
            continue;
        }
        if hit.kind == ActorKind::State && !acts(&hit.name) {
            continue;
        }
        let written = analysis.slice(hit.start, hit.end).to_string();
        match mentions.iter_mut().find(|mention| mention.name == hit.name) {
            Some(mention) => {
                if !mention.aliases_seen.contains(&written) {
                    mention.aliases_seen.push(written);
                }
                mention.evidence.push(Evidence { start: hit.start, end: hit.end });
            }
            None => mentions.push(ActorMention {
                name: hit.name.clone(),
                kind: hit.kind,
                country: hit.country.clone(),
                aliases_seen: vec![written],
                parent: hit.parent.clone(),
                evidence: vec![Evidence { start: hit.start, end: hit.end }],
            }),
        }
    }
    if let Some(author) = author
        && !mentions.iter().any(|mention| mention.name == author.name)
    {
        mentions.push(ActorMention {
            name: author.name.clone(),
            kind: author.kind,
            country: author.country.clone(),
            aliases_seen: vec![author.alias.clone()],
            parent: author.parent.clone(),
            evidence: Vec::new(),
        });
    }
    mentions
}
