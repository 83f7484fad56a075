//! MUC-4: its templates, its raw answer keys, the GTT-style template score and the slots modern
//! papers dropped (perpetrator confidence, date, country).
//!
//! MUC-4 (1992) is the public benchmark for Vigil's job: terrorist-incident templates from FBIS
//! wire copy of 1988-90. Modern papers (GTT, TempGen, IterX) score five role fillers and the
//! incident type from the processed JSON of the GTT repository; the raw keys also hold the
//! incident's date, its location and how firmly each organisation is tied to it, which the 1992
//! systems were scored on and the JSON dropped. This module reads both and scores both:
//!
//! - [`corpus`] parses the processed JSON lines, the raw texts and joins them with [`keys`], the
//!   raw answer keys (template `n` of a message in the key is template `n` of its JSON line);
//! - [`score`] aligns predicted and gold templates per document and counts (see its docs for the
//!   exact rules, which are the GTT metric's);
//! - [`adapt`] turns the reader's codebook output into predicted templates, with slot 11's
//!   levels from [`confidence`]; [`lexicon`] and [`roles`] fill their roles, [`gate`] drops
//!   those the keys are unlikely to list and [`merge`] joins two that are one incident, all
//!   four learned from a training split ([`model`]).
//!
//! Pure: the caller reads the files and runs the reader.

pub mod adapt;
pub mod confidence;
pub mod corpus;
pub mod gate;
pub mod incidents;
pub mod keys;
pub mod lexicon;
pub mod merge;
pub mod model;
pub mod roles;
pub mod score;
pub mod weapons;

pub use score::Muc4Score;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The five MUC-4 roles modern papers score, in their usual order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// Individual perpetrators ("guerrillas", "two gunmen").
    PerpInd,
    /// Perpetrator organisations ("FMLN").
    PerpOrg,
    /// Physical targets ("power tower").
    Target,
    /// Human targets ("peasants", "Cerezo").
    Victim,
    /// Weapons as written ("dynamite").
    Weapon,
}

impl Role {
    /// Every role, in table order.
    pub const ALL: [Role; 5] =
        [Role::PerpInd, Role::PerpOrg, Role::Target, Role::Victim, Role::Weapon];

    /// The key used in the processed JSON.
    pub fn key(self) -> &'static str {
        match self {
            Role::PerpInd => "PerpInd",
            Role::PerpOrg => "PerpOrg",
            Role::Target => "Target",
            Role::Victim => "Victim",
            Role::Weapon => "Weapon",
        }
    }
}

/// An entity: one or more mentions of the same thing, as written in the text.
pub type Entity = Vec<String>;

/// Entities per role.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roles(pub [Vec<Entity>; 5]);

impl Roles {
    /// The entities of one role.
    pub fn get(&self, role: Role) -> &[Entity] {
        &self.0[role as usize]
    }

    /// The entities of one role, to fill.
    pub fn get_mut(&mut self, role: Role) -> &mut Vec<Entity> {
        &mut self.0[role as usize]
    }
}

/// MUC-4's perpetrator confidence (template slot 11), in the key's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Muc4Confidence {
    /// REPORTED AS FACT.
    #[serde(rename = "REPORTED AS FACT")]
    ReportedAsFact,
    /// CLAIMED OR ADMITTED.
    #[serde(rename = "CLAIMED OR ADMITTED")]
    ClaimedOrAdmitted,
    /// SUSPECTED OR ACCUSED.
    #[serde(rename = "SUSPECTED OR ACCUSED")]
    SuspectedOrAccused,
    /// SUSPECTED OR ACCUSED BY AUTHORITIES.
    #[serde(rename = "SUSPECTED OR ACCUSED BY AUTHORITIES")]
    SuspectedOrAccusedByAuthorities,
    /// POSSIBLE.
    #[serde(rename = "POSSIBLE")]
    Possible,
}

impl Muc4Confidence {
    /// The key's words for this level.
    pub fn label(self) -> &'static str {
        match self {
            Muc4Confidence::ReportedAsFact => "REPORTED AS FACT",
            Muc4Confidence::ClaimedOrAdmitted => "CLAIMED OR ADMITTED",
            Muc4Confidence::SuspectedOrAccused => "SUSPECTED OR ACCUSED",
            Muc4Confidence::SuspectedOrAccusedByAuthorities => {
                "SUSPECTED OR ACCUSED BY AUTHORITIES"
            }
            Muc4Confidence::Possible => "POSSIBLE",
        }
    }

    /// Parses the key's words (case and spacing as in the keys).
    pub fn parse(text: &str) -> Option<Muc4Confidence> {
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ").to_ascii_uppercase();
        [
            Muc4Confidence::ReportedAsFact,
            Muc4Confidence::ClaimedOrAdmitted,
            Muc4Confidence::SuspectedOrAccused,
            Muc4Confidence::SuspectedOrAccusedByAuthorities,
            Muc4Confidence::Possible,
        ]
        .into_iter()
        .find(|level| level.label() == words)
    }
}

/// An inclusive range of days; either end may be open ("- 03 NOV 89": on or before).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayRange {
    /// First day, or `None` for "any day up to `last`".
    pub first: Option<NaiveDate>,
    /// Last day.
    pub last: NaiveDate,
}

impl DayRange {
    /// Whether a day falls in the range.
    pub fn contains(&self, day: NaiveDate) -> bool {
        day <= self.last && self.first.is_none_or(|first| day >= first)
    }
}

/// One organisation's confidence in a gold template: the organisation's mentions and the levels
/// the key accepts for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldConfidence {
    /// Mentions naming the organisation.
    pub organisation: Entity,
    /// Accepted levels (the key's `/` alternatives).
    pub levels: Vec<Muc4Confidence>,
    /// Marked `?` in the key: finding it counts, missing it does not.
    pub optional: bool,
}

/// A gold template: the processed JSON's roles, plus what the raw key adds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldTemplate {
    /// Accepted incident types, lower case ("attack", "bombing"); keys may list two.
    pub incident_types: Vec<String>,
    /// Role fillers from the processed JSON.
    pub roles: Roles,
    /// Perpetrator confidence per organisation (raw key slot 11).
    pub confidence: Vec<GoldConfidence>,
    /// Accepted dates (raw key slot 2); empty when the key gives none.
    pub dates: Vec<DayRange>,
    /// Accepted countries, upper case as in the key (raw key slot 3); empty when none.
    pub countries: Vec<String>,
    /// Whether the date is optional (`?`).
    pub date_optional: bool,
    /// Whether the location is optional (`?`).
    pub country_optional: bool,
}

/// A gold document: its id, its text and its templates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDocument {
    /// Message id, e.g. `TST1-MUC3-0001`.
    pub docid: String,
    /// The templates of the key (none for an irrelevant message).
    pub templates: Vec<GoldTemplate>,
}

/// A predicted template, in the shape written to `--out` (processed-GTT's, plus the slots it
/// dropped).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Template {
    /// Lower-case MUC-4 incident type.
    pub incident_type: String,
    /// Role fillers.
    pub roles: Roles,
    /// Organisations with confidence: the mention and the level.
    pub confidence: Vec<(String, Muc4Confidence)>,
    /// The incident's day, when read.
    pub date: Option<NaiveDate>,
    /// `Country: place`, when read.
    pub location: Option<String>,
}

impl Template {
    /// The JSON object written to the prediction file.
    pub fn to_json(&self) -> serde_json::Value {
        let mut object = serde_json::Map::new();
        object.insert("incident_type".into(), self.incident_type.clone().into());
        for role in Role::ALL {
            object.insert(role.key().into(), serde_json::json!(self.roles.get(role)));
        }
        let confidence: Vec<_> = self
            .confidence
            .iter()
            .map(|(organisation, level)| serde_json::json!([organisation, level.label()]))
            .collect();
        object.insert("PerpOrgConfidence".into(), confidence.into());
        object
            .insert("date".into(), self.date.map(|day| day.format("%Y-%m-%d").to_string()).into());
        object.insert("location".into(), self.location.clone().into());
        serde_json::Value::Object(object)
    }

    /// Reads a template back from the prediction file's shape (the fields it lacks stay empty).
    pub fn from_json(value: &serde_json::Value) -> Template {
        let mut template = Template {
            incident_type: value["incident_type"].as_str().unwrap_or_default().to_lowercase(),
            ..Template::default()
        };
        for role in Role::ALL {
            *template.roles.get_mut(role) = corpus::entities(&value[role.key()]);
        }
        for pair in value["PerpOrgConfidence"].as_array().into_iter().flatten() {
            if let (Some(organisation), Some(level)) =
                (pair[0].as_str(), pair[1].as_str().and_then(Muc4Confidence::parse))
            {
                template.confidence.push((organisation.to_string(), level));
            }
        }
        template.date =
            value["date"].as_str().and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok());
        template.location = value["location"].as_str().map(str::to_string);
        template
    }
}

impl GoldTemplate {
    /// The template a perfect reader would write for this key: every role's entities with all
    /// their mentions, the first organisation mention and level of each confidence, the last day
    /// of the first date range and the first country. Scored against its key it earns 100.
    pub fn as_prediction(&self) -> Template {
        Template {
            incident_type: self.incident_types.first().cloned().unwrap_or_default(),
            roles: self.roles.clone(),
            confidence: self
                .confidence
                .iter()
                .filter_map(|c| Some((c.organisation.first()?.clone(), *c.levels.first()?)))
                .collect(),
            date: self.dates.first().map(|range| range.last),
            location: self.countries.first().cloned(),
        }
    }
}

/// The predictions for one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prediction {
    /// Message id.
    pub docid: String,
    /// Predicted templates.
    pub templates: Vec<Template>,
}

impl Prediction {
    /// One line of the prediction file.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "docid": self.docid,
            "templates": self.templates.iter().map(Template::to_json).collect::<Vec<_>>(),
        })
    }
}
