//! The MUC-4 template score (GTT's metric, reused by TempGen and IterX), role fillers without
//! templates, and the slots modern papers dropped: perpetrator confidence, date and country.
//!
//! The rules, in order:
//!
//! 1. Mentions are normalised as SQuAD and GTT do: lower case, punctuation removed, the articles
//!    a/an/the removed, spaces collapsed ([`normalise`]).
//! 2. A predicted entity matches a gold entity of the same role when every mention it lists is,
//!    once normalised, one of the gold entity's mentions. Matching is one-to-one (the best
//!    bipartite matching), so listing one gold entity twice earns it once: a predicted entity is
//!    correct when matched, a gold entity recalled when matched.
//! 3. Per document, predicted and gold templates are aligned one-to-one, a pair allowed only
//!    where the predicted incident type is among the gold's (keys can read "attack / bombing").
//!    Every template counts its incident type as one more slot and all its entities, aligned or
//!    not, so the totals per document are fixed and the alignment with the best micro F1 is the
//!    one with most matches: the Hungarian algorithm finds it exactly (each predicted template
//!    also gets a column of its own, worth 0, meaning "aligned with nothing").
//! 4. Within aligned pairs: the confidence slot matches (organisation mention, level) pairs, the
//!    organisation as in rule 2 and the level among the key's alternatives; the date matches when
//!    it falls in one of the key's ranges (an open range "- 03 NOV 89" is "on or before"); the
//!    country when it equals one of the key's. Fills the key marks optional (`?`) count when
//!    found and are not missed when not.
//! 5. Counts are summed over the split (micro-average).

use std::collections::HashSet;

use serde::Serialize;

use super::{Entity, GoldDocument, GoldTemplate, Role, Template};
use crate::align::assign;
use crate::prf::Prf;

/// Scores over one document or a whole split.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Muc4Score {
    /// Documents scored.
    pub documents: usize,
    /// Template micro score: incident type and the five roles (the published figure).
    pub templates: Prf,
    /// Incident type alone.
    pub incident_type: Prf,
    /// Each role alone, within aligned templates, in [`Role::ALL`] order.
    pub roles: [Prf; 5],
    /// Role fillers per document, ignoring templates (all roles).
    pub fillers: Prf,
    /// Perpetrator confidence: (organisation, level) pairs within aligned templates.
    pub confidence: Prf,
    /// Incident date within aligned templates.
    pub date: Prf,
    /// Incident country within aligned templates.
    pub country: Prf,
}

impl Muc4Score {
    /// Adds another score's counts (micro-average).
    pub fn add(&mut self, other: &Muc4Score) {
        self.documents += other.documents;
        for (mine, theirs) in [
            (&mut self.templates, &other.templates),
            (&mut self.incident_type, &other.incident_type),
            (&mut self.fillers, &other.fillers),
            (&mut self.confidence, &other.confidence),
            (&mut self.date, &other.date),
            (&mut self.country, &other.country),
        ] {
            mine.add(theirs);
        }
        for (mine, theirs) in self.roles.iter_mut().zip(&other.roles) {
            mine.add(theirs);
        }
    }

    /// The table `vigil eval muc4` prints: one row per figure, percentages.
    pub fn render_table(&self) -> String {
        let mut rows: Vec<(String, Prf)> = vec![
            ("templates (type + 5 roles)".into(), self.templates),
            ("  incident type".into(), self.incident_type),
        ];
        for role in Role::ALL {
            rows.push((format!("  {}", role.key()), self.roles[role as usize]));
        }
        rows.push(("role fillers, no templates".into(), self.fillers));
        rows.push(("perpetrator confidence".into(), self.confidence));
        rows.push(("incident date".into(), self.date));
        rows.push(("incident country".into(), self.country));
        let mut out = format!(
            "{:<28} {:>6} {:>6} {:>6} {:>8} {:>8} {:>8}\n",
            "MUC-4", "P", "R", "F1", "correct", "found", "gold"
        );
        for (name, prf) in rows {
            out.push_str(&format!(
                "{:<28} {:>6.1} {:>6.1} {:>6.1} {:>8} {:>8} {:>8}\n",
                name,
                100.0 * prf.precision(),
                100.0 * prf.recall(),
                100.0 * prf.f1(),
                prf.correct,
                prf.predicted,
                prf.gold
            ));
        }
        out.push_str(&format!("{} documents\n", self.documents));
        out
    }
}

/// Normalises a mention: lower case, punctuation dropped, articles dropped, spaces collapsed.
pub fn normalise(mention: &str) -> String {
    let lower: String =
        mention.to_lowercase().chars().filter(|c| !c.is_ascii_punctuation()).collect();
    lower
        .split_whitespace()
        .filter(|word| !matches!(*word, "a" | "an" | "the"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a predicted entity matches a gold entity (rule 2).
fn entity_matches(predicted: &[String], gold: &HashSet<String>) -> bool {
    !predicted.is_empty() && predicted.iter().all(|mention| gold.contains(&normalise(mention)))
}

fn mention_set(entity: &Entity) -> HashSet<String> {
    entity.iter().map(|m| normalise(m)).collect()
}

/// Matches of a one-to-one pairing of predicted and gold entities (rule 2).
fn matched_entities(predicted: &[Entity], gold: &[Entity]) -> usize {
    if predicted.is_empty() || gold.is_empty() {
        return 0;
    }
    let gold_sets: Vec<HashSet<String>> = gold.iter().map(mention_set).collect();
    let weights: Vec<Vec<Option<i64>>> = predicted
        .iter()
        .map(|p| gold_sets.iter().map(|g| entity_matches(p, g).then_some(0)).collect())
        .collect();
    assign(&weights, gold.len()).iter().flatten().count()
}

/// Units a template counts: its type and its entities.
fn template_units(roles: &super::Roles) -> f64 {
    1.0 + Role::ALL.iter().map(|&role| roles.get(role).len() as f64).sum::<f64>()
}

/// Per predicted template, the gold template it is aligned with (rules 1 and 3), if any.
pub fn alignment(predicted: &[Template], gold: &GoldDocument) -> Vec<Option<usize>> {
    align(predicted, &gold.templates).1
}

/// The fillers of a predicted template that match one of a gold template's, role by role,
/// whatever the two types (rule 2): which incident of the key a template's fillers belong to.
pub fn shared_fillers(predicted: &Template, gold: &GoldTemplate) -> usize {
    Role::ALL
        .iter()
        .map(|&role| matched_entities(predicted.roles.get(role), gold.roles.get(role)))
        .sum()
}

/// Role matches per allowed (predicted, gold) pair, and the best alignment.
type Aligned = (Vec<Vec<Option<[usize; 5]>>>, Vec<Option<usize>>);

fn align(predicted: &[Template], golds: &[GoldTemplate]) -> Aligned {
    // Per allowed pair (the predicted type among the gold's): matches per role, computed once
    // for the alignment and the counts.
    let matches: Vec<Vec<Option<[usize; 5]>>> = predicted
        .iter()
        .map(|p| {
            golds
                .iter()
                .map(|g| {
                    g.incident_types.contains(&p.incident_type).then(|| {
                        Role::ALL.map(|role| matched_entities(p.roles.get(role), g.roles.get(role)))
                    })
                })
                .collect()
        })
        .collect();
    let mut weights: Vec<Vec<Option<i64>>> = Vec::with_capacity(predicted.len());
    for (row, pairs) in matches.iter().enumerate() {
        let mut line: Vec<Option<i64>> = pairs
            .iter()
            .map(|pair| pair.map(|roles| 1 + roles.iter().sum::<usize>() as i64))
            .collect();
        // Rule 3: a column of its own per predicted template, "aligned with nothing".
        line.extend((0..predicted.len()).map(|col| (col == row).then_some(0)));
        weights.push(line);
    }
    let alignment: Vec<Option<usize>> = assign(&weights, golds.len() + predicted.len())
        .into_iter()
        .map(|col| col.filter(|&c| c < golds.len()))
        .collect();
    (matches, alignment)
}

/// Scores one document's predicted templates against its key.
pub fn score_document(predicted: &[Template], gold: &GoldDocument) -> Muc4Score {
    let golds = &gold.templates;
    let (matches, alignment) = align(predicted, golds);
    let mut score = Muc4Score { documents: 1, ..Muc4Score::default() };
    score.incident_type.predicted = predicted.len() as f64;
    score.incident_type.gold = golds.len() as f64;
    for role in Role::ALL {
        let slot = &mut score.roles[role as usize];
        slot.predicted = predicted.iter().map(|p| p.roles.get(role).len() as f64).sum();
        slot.gold = golds.iter().map(|g| g.roles.get(role).len() as f64).sum();
    }
    for (row, col) in alignment.iter().enumerate() {
        let Some(roles) = col.and_then(|c| matches[row][c]) else { continue };
        score.incident_type.correct += 1.0;
        for (role, found) in Role::ALL.into_iter().zip(roles) {
            score.roles[role as usize].correct += found as f64;
        }
    }
    score.templates = Prf::new(
        score.incident_type.correct + score.roles.iter().map(|r| r.correct).sum::<f64>(),
        predicted.iter().map(|p| template_units(&p.roles)).sum(),
        golds.iter().map(|g| template_units(&g.roles)).sum(),
    );
    score.fillers = fillers(predicted, golds);
    extra_slots(&mut score, predicted, golds, &alignment);
    score
}

/// Role fillers per document, templates ignored (entities deduplicated by their mentions).
fn fillers(predicted: &[Template], golds: &[GoldTemplate]) -> Prf {
    let mut prf = Prf::default();
    for role in Role::ALL {
        let collect = |entities: &mut dyn Iterator<Item = &Entity>| {
            let mut seen = HashSet::new();
            let mut out: Vec<Entity> = Vec::new();
            for entity in entities {
                let mut key: Vec<String> = entity.iter().map(|m| normalise(m)).collect();
                key.sort();
                if seen.insert(key) {
                    out.push(entity.clone());
                }
            }
            out
        };
        let p = collect(&mut predicted.iter().flat_map(|t| t.roles.get(role)));
        let g = collect(&mut golds.iter().flat_map(|t| t.roles.get(role)));
        prf.add(&Prf::new(matched_entities(&p, &g) as f64, p.len() as f64, g.len() as f64));
    }
    prf
}

/// Rule 4: confidence, date and country over the template alignment.
fn extra_slots(
    score: &mut Muc4Score,
    predicted: &[Template],
    golds: &[GoldTemplate],
    alignment: &[Option<usize>],
) {
    let mut aligned_gold = vec![None; golds.len()];
    for (row, col) in alignment.iter().enumerate() {
        if let Some(col) = col {
            aligned_gold[*col] = Some(row);
        }
    }
    for p in predicted {
        score.confidence.predicted += p.confidence.len() as f64;
        score.date.predicted += f64::from(u8::from(p.date.is_some()));
        score.country.predicted += f64::from(u8::from(p.location.is_some()));
    }
    for (g, row) in golds.iter().zip(&aligned_gold) {
        let p = row.map(|r| &predicted[r]);
        // Confidence: one-to-one over (organisation, level) pairs.
        let matches: Vec<Vec<Option<i64>>> = p
            .map(|p| {
                p.confidence
                    .iter()
                    .map(|(organisation, level)| {
                        g.confidence
                            .iter()
                            .map(|gold| {
                                let names: HashSet<String> =
                                    gold.organisation.iter().map(|m| normalise(m)).collect();
                                (names.contains(&normalise(organisation))
                                    && gold.levels.contains(level))
                                .then_some(0)
                            })
                            .collect()
                    })
                    .collect()
            })
            .unwrap_or_default();
        let assigned = assign(&matches, g.confidence.len());
        let found: HashSet<usize> = assigned.iter().flatten().copied().collect();
        for (index, gold) in g.confidence.iter().enumerate() {
            let hit = found.contains(&index);
            score.confidence.correct += f64::from(u8::from(hit));
            score.confidence.gold += f64::from(u8::from(hit || !gold.optional));
        }
        // Date.
        if !g.dates.is_empty() {
            let hit = p
                .and_then(|p| p.date)
                .is_some_and(|day| g.dates.iter().any(|range| range.contains(day)));
            score.date.correct += f64::from(u8::from(hit));
            score.date.gold += f64::from(u8::from(hit || !g.date_optional));
        }
        // Country.
        if !g.countries.is_empty() {
            let hit = p.and_then(|p| p.location.as_deref()).is_some_and(|location| {
                let country = normalise(location.split(':').next().unwrap_or_default());
                g.countries.iter().any(|c| normalise(c) == country)
            });
            score.country.correct += f64::from(u8::from(hit));
            score.country.gold += f64::from(u8::from(hit || !g.country_optional));
        }
    }
}

#[cfg(test)]
#[path = "score_tests.rs"]
mod tests;
