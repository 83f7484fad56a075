//! The actors of a document: every knowledge-base match grouped by canonical name.

use vigil_domain::{ActorMention, Evidence};

use super::analysis::{ActorHit, Analysis};

/// One mention per actor, in order of first appearance, with the names it went by.
pub(crate) fn mentions(analysis: &Analysis<'_>, author: Option<&ActorHit>) -> Vec<ActorMention> {
    let mut mentions: Vec<ActorMention> = Vec::new();
    for hit in &analysis.actors {
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
    if let Some(author) = author {
        if !mentions.iter().any(|mention| mention.name == author.name) && author.end > 0 {
            mentions.push(ActorMention {
                name: author.name.clone(),
                kind: author.kind,
                country: author.country.clone(),
                aliases_seen: vec![author.alias.clone()],
                parent: author.parent.clone(),
                evidence: Vec::new(),
            });
        }
    }
    mentions
}
