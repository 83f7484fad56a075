//! Fixtures for the conformance checks (and for any test that needs a plausible record): sample
//! documents with every field set, fingerprints, extractions.

use std::collections::HashMap;

use chrono::NaiveDate;
use vigil_domain::{
    ActorKind, ActorMention, Attribution, Claim, ClaimKind, Confidence, Count, CountQualifier,
    DateSpan, Document, DocumentId, DocumentRef, Evidence, Extraction, Incident, IncidentType,
    Location, LocationPrecision, MediaType, Modality, OffsetMap, OffsetSegment, Stage, TargetType,
    Weapon,
};

use crate::{ExtractorInfo, Fingerprint, Record};

/// A date, for fixtures; panics on an impossible one.
pub fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("fixture dates are valid")
}

/// A document with cleaned text `text` and every field set: non-UTF-8 raw bytes, an offset map,
/// a warning, a publication date. Its title is the text's first four words; `ingested_at` and
/// `duplicate_of` are `None`.
pub fn sample_document(text: &str) -> Document {
    let id = DocumentId::from_text(text);
    // Raw bytes are HTML-ish with a stray invalid byte, so a backend storing them as text fails.
    let mut raw = b"<p>".to_vec();
    raw.extend_from_slice(text.as_bytes());
    raw.extend_from_slice(b"</p>\xff\xfe");
    let title: Vec<&str> = text.split_whitespace().take(4).collect();
    Document {
        origin: format!("reports/{id}.html"),
        id,
        source: Some("Dimensions for Strategic Studies".to_string()),
        url: Some("https://example.invalid/reports/1?lang=en&print=1".to_string()),
        title: Some(title.join(" ")),
        author: Some("Staff writer".to_string()),
        published: Some(date(2024, 3, 22)),
        language: Some("en".to_string()),
        media_type: MediaType::Html,
        text: text.to_string(),
        offsets: OffsetMap(vec![OffsetSegment {
            clean_start: 0,
            clean_end: text.len(),
            raw_start: 3,
            raw_end: 3 + text.len(),
            exact: true,
        }]),
        raw,
        warnings: vec!["invalid utf-8 replaced".to_string()],
        duplicate_of: None,
        ingested_at: None,
    }
}

/// A fingerprint derived from the id, so different documents share no band by accident.
pub fn sample_fingerprint(id: &DocumentId) -> Fingerprint {
    let seed = u64::from_str_radix(id.as_str(), 16).expect("ids are hex");
    Fingerprint {
        minhash: (0..16u32).map(|index| (seed.rotate_left(index * 4) as u32) ^ index).collect(),
        bands: (0..4u32).map(|index| seed.rotate_left(index * 16) ^ u64::from(index)).collect(),
    }
}

/// A record of [`sample_document`] with [`sample_fingerprint`] and no extraction.
pub fn sample_record(text: &str) -> Record {
    let document = sample_document(text);
    let fingerprint = sample_fingerprint(&document.id);
    Record { document, fingerprint, extraction: None }
}

/// Extractor provenance with the given version.
pub fn extractor(version: &str) -> ExtractorInfo {
    ExtractorInfo { name: "vigil-rules".to_string(), version: version.to_string() }
}

/// An extraction of `document` with one incident, claim and actor, most fields set, so a JSON
/// round trip exercises nested types, enums and floats.
pub fn sample_extraction(document: &Document) -> Extraction {
    Extraction {
        document: DocumentRef {
            id: document.id.to_string(),
            title: document.title.clone(),
            published: document.published,
            source: document.source.clone(),
        },
        incidents: vec![Incident {
            id: "i1".to_string(),
            incident_type: IncidentType::ArmedAssault,
            stage: Stage::Accomplished,
            date: Some(DateSpan::day(date(2024, 3, 22))),
            location: Some(Location {
                name: "Krasnogorsk".to_string(),
                admin1: Some("Moscow Oblast".to_string()),
                country: Some("RU".to_string()),
                lat: Some(55.8204),
                lon: Some(37.3302),
                precision: LocationPrecision::City,
            }),
            site: Some("Crocus City Hall".to_string()),
            perpetrator_individuals: vec![],
            perpetrator_count: Some(4),
            perpetrator_nationalities: vec!["TJ".to_string()],
            attribution: vec![Attribution {
                actor: "Islamic State Khorasan Province".to_string(),
                confidence: Confidence::Claimed,
                claim: Some("c1".to_string()),
            }],
            targets: vec!["concert hall".to_string()],
            target_types: vec![TargetType::PrivateCitizens],
            victims: vec!["concert-goers".to_string()],
            weapons: vec![Weapon::Firearms, Weapon::Incendiary],
            suicide: false,
            killed: Some(Count {
                best: 145,
                min: Some(140),
                max: None,
                qualifier: CountQualifier::AtLeast,
            }),
            injured: None,
            arrested: None,
            evidence: vec![Evidence { start: 0, end: 6 }],
        }],
        claims: vec![Claim {
            id: "c1".to_string(),
            kind: ClaimKind::Responsibility,
            claimant: Some("Islamic State Khorasan Province".to_string()),
            subject: Some("i1".to_string()),
            accused: vec![],
            modality: Modality::Asserted,
            channel: Some("Amaq".to_string()),
            probability: None,
            date: None,
            evidence: vec![Evidence { start: 7, end: 12 }],
        }],
        actors: vec![ActorMention {
            name: "Islamic State Khorasan Province".to_string(),
            kind: ActorKind::ArmedGroup,
            country: None,
            aliases_seen: vec!["IS-K".to_string()],
            parent: Some("Islamic State".to_string()),
            evidence: vec![Evidence { start: 0, end: 4 }],
        }],
    }
}

/// Two texts whose ids share their first `digits` hex digits (found by trying numbered texts;
/// for 4 digits a few hundred tries).
pub fn texts_with_shared_id_prefix(digits: usize) -> (String, String) {
    let mut seen: HashMap<String, String> = HashMap::new();
    for number in 0u64.. {
        let text = format!("Situation report number {number} on the northern districts.");
        let prefix = DocumentId::from_text(&text).as_str()[..digits].to_string();
        if let Some(first) = seen.insert(prefix, text.clone()) {
            return (first, text);
        }
    }
    unreachable!("the loop above runs until two prefixes collide")
}
