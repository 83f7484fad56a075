//! The codebook's output: incidents, claims and actors, as `CODEBOOK.md` sections 1-5 write them.
//!
//! Field names and enum spellings are the JSON contract; unknown values are `null` or `[]`,
//! never invented. Every fact carries [`Evidence`] spans into the document's cleaned text.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The output of `extract` for one document (codebook section 1).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// Which document this reads.
    pub document: DocumentRef,
    /// Incidents found, `i1`, `i2`, ...
    #[serde(default)]
    pub incidents: Vec<Incident>,
    /// Claims found, `c1`, `c2`, ...
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// Actors mentioned.
    #[serde(default)]
    pub actors: Vec<ActorMention>,
}

/// The document header of an [`Extraction`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRef {
    /// Document id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Publisher.
    pub source: Option<String>,
}

/// A byte span of the cleaned text that a fact came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Evidence {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
}

/// Incident types (codebook section 2): GTD attack types, then responses and signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentType {
    /// Killing of a specific, prominent person.
    Assassination,
    /// Attack with firearms or other weapons on people.
    ArmedAssault,
    /// Explosives.
    Bombing,
    /// Taking control of a vehicle.
    Hijacking,
    /// Hostage taking and kidnapping.
    HostageTaking,
    /// Setting fire.
    Arson,
    /// Attack without weapons.
    UnarmedAssault,
    /// A violent act of a type the text does not give.
    Attack,
    /// A raid or counter-terrorism operation against militants.
    SecurityOperation,
    /// Detention of suspects.
    Arrest,
    /// A public alert or advisory about a threat.
    Warning,
    /// A threat voiced by an actor.
    Threat,
}

/// Kinds of event one incident may be reported as: reports differ on whether Crocus was an
/// armed assault, an arson or an attack, but never on whether it was an attack or an arrest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IncidentFamily {
    /// Every GTD attack type, `attack` included.
    Violent,
    /// Raids and counter-terrorism operations.
    SecurityOperation,
    /// Detentions.
    Arrest,
    /// Alerts and advisories.
    Warning,
    /// Threats voiced.
    Threat,
}

impl IncidentType {
    /// The family of events this type belongs to.
    pub fn family(self) -> IncidentFamily {
        match self {
            IncidentType::SecurityOperation => IncidentFamily::SecurityOperation,
            IncidentType::Arrest => IncidentFamily::Arrest,
            IncidentType::Warning => IncidentFamily::Warning,
            IncidentType::Threat => IncidentFamily::Threat,
            _ => IncidentFamily::Violent,
        }
    }

    /// Whether this is a violent act (GTD attack type) rather than a response or signal.
    pub fn is_violent(self) -> bool {
        !matches!(
            self,
            IncidentType::SecurityOperation
                | IncidentType::Arrest
                | IncidentType::Warning
                | IncidentType::Threat
        )
    }
}

/// How far an incident got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// It happened.
    Accomplished,
    /// Tried and failed.
    Attempted,
    /// A plot disclosed or foiled before it happened.
    Planned,
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    /// A single day.
    Day,
    /// A week.
    Week,
    /// A month.
    Month,
    /// A year.
    Year,
    /// Some other range.
    Range,
}

/// A date with its precision: "March 2023" is 2023-03-01..2023-03-31, precision month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateSpan {
    /// First day.
    pub start: NaiveDate,
    /// Last day (inclusive).
    pub end: NaiveDate,
    /// How precise.
    pub precision: DatePrecision,
}

impl DateSpan {
    /// A one-day span.
    pub fn day(date: NaiveDate) -> DateSpan {
        DateSpan { start: date, end: date, precision: DatePrecision::Day }
    }

    /// Whether two spans share at least one day.
    pub fn overlaps(&self, other: &DateSpan) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

/// How precisely a place is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LocationPrecision {
    /// The named site itself.
    Site,
    /// A city or town.
    City,
    /// A first-level region.
    Admin1,
    /// A country.
    Country,
    /// A region larger than a country.
    Region,
}

/// Where an incident happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The place's name.
    pub name: String,
    /// First-level region, when known.
    #[serde(default)]
    pub admin1: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    #[serde(default)]
    pub country: Option<String>,
    /// Latitude.
    #[serde(default)]
    pub lat: Option<f64>,
    /// Longitude.
    #[serde(default)]
    pub lon: Option<f64>,
    /// How precise.
    pub precision: LocationPrecision,
}

/// Attribution confidence (codebook section 3): MUC-4's perpetrator confidence plus denial.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Stated as fact in the text's own voice.
    Reported,
    /// The actor claims or admits it.
    Claimed,
    /// A government, its officials or agencies say or hint it.
    AccusedByAuthorities,
    /// Others suspect or accuse it.
    Suspected,
    /// Raised as a possibility without anyone asserting it.
    Possible,
    /// The actor denies it.
    Denied,
}

/// One organisation or state linked to an incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// Canonical actor name.
    pub actor: String,
    /// How firmly.
    pub confidence: Confidence,
    /// The claim id this link rests on, if any.
    #[serde(default)]
    pub claim: Option<String>,
}

/// GTD-style target types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetType {
    /// Private citizens and property.
    PrivateCitizens,
    /// Government (general).
    Government,
    /// Police.
    Police,
    /// Military.
    Military,
    /// Diplomatic.
    Diplomatic,
    /// Religious figures and institutions.
    Religious,
    /// Business.
    Business,
    /// Transportation.
    Transportation,
    /// Utilities.
    Utilities,
    /// Educational institutions.
    Educational,
    /// Journalists and media.
    Journalists,
    /// NGOs.
    Ngo,
    /// Militants as the object of a security operation.
    Terrorists,
    /// Anything else.
    Other,
}

/// Weapon types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weapon {
    /// Guns.
    Firearms,
    /// Bombs, grenades, IEDs.
    Explosives,
    /// Fire.
    Incendiary,
    /// Knives and blunt objects.
    Melee,
    /// A vehicle used as a weapon.
    Vehicle,
    /// Chemical agents.
    Chemical,
    /// Anything else.
    Other,
}

/// How a count was qualified in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountQualifier {
    /// "six".
    Exact,
    /// "some 140", "about 150".
    Approximately,
    /// "at least 133".
    AtLeast,
    /// "up to 20".
    AtMost,
    /// "dozens".
    Dozens,
    /// "several".
    Several,
}

/// A number of people (killed, injured, arrested) with its qualifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    /// The best single figure.
    pub best: u32,
    /// Lower bound, when the text gives one.
    #[serde(default)]
    pub min: Option<u32>,
    /// Upper bound, when the text gives one.
    #[serde(default)]
    pub max: Option<u32>,
    /// How it was qualified.
    pub qualifier: CountQualifier,
}

/// One incident (codebook section 2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    /// `i1`, `i2`, ... stable within the document.
    pub id: String,
    /// Incident type.
    #[serde(rename = "type")]
    pub incident_type: IncidentType,
    /// Stage.
    pub stage: Stage,
    /// When; `None` when the text gives no date (never the publication date by default).
    pub date: Option<DateSpan>,
    /// Where.
    pub location: Option<Location>,
    /// The named place attacked or raided, as written.
    pub site: Option<String>,
    /// Text fills naming the people who did it.
    #[serde(default)]
    pub perpetrator_individuals: Vec<String>,
    /// How many perpetrators.
    pub perpetrator_count: Option<u32>,
    /// ISO alpha-2 codes of the perpetrators' nationalities.
    #[serde(default)]
    pub perpetrator_nationalities: Vec<String>,
    /// Organisations and states linked to the deed, with confidence.
    #[serde(default)]
    pub attribution: Vec<Attribution>,
    /// Physical targets as written.
    #[serde(default)]
    pub targets: Vec<String>,
    /// GTD-style target types.
    #[serde(default)]
    pub target_types: Vec<TargetType>,
    /// Human targets as written.
    #[serde(default)]
    pub victims: Vec<String>,
    /// Weapon types.
    #[serde(default)]
    pub weapons: Vec<Weapon>,
    /// Whether the text says it was a suicide attack.
    #[serde(default)]
    pub suicide: bool,
    /// People killed.
    pub killed: Option<Count>,
    /// People injured.
    pub injured: Option<Count>,
    /// People arrested.
    pub arrested: Option<Count>,
    /// Spans the incident was read from.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// Claim kinds (codebook section 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// An actor claims a deed.
    Responsibility,
    /// An actor blames another.
    Accusation,
    /// An actor denies a deed or an accusation.
    Denial,
    /// A warning.
    Warning,
    /// A threat.
    Threat,
    /// An authority confirms a fact.
    Confirmation,
    /// An analytic judgement.
    Assessment,
}

/// How a claim is voiced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Said outright.
    Asserted,
    /// "hinted", "suggested", "may have".
    Hedged,
    /// "reportedly", "according to".
    Reported,
    /// Negated.
    Negated,
}

/// ICD 203 probability bands for estimative language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Probability {
    /// 1-5%.
    AlmostNoChance,
    /// 5-20%.
    VeryUnlikely,
    /// 20-45%.
    Unlikely,
    /// 45-55%.
    RoughlyEvenChance,
    /// 55-80%.
    Likely,
    /// 80-95%.
    VeryLikely,
    /// 95-99%.
    AlmostCertain,
}

/// Something an actor says about an incident or another actor (codebook section 4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// `c1`, `c2`, ...
    pub id: String,
    /// Kind.
    pub kind: ClaimKind,
    /// Canonical name of who says it.
    pub claimant: Option<String>,
    /// The incident id it concerns.
    pub subject: Option<String>,
    /// Actors blamed (accusations and denials).
    #[serde(default)]
    pub accused: Vec<String>,
    /// How it is voiced.
    pub modality: Modality,
    /// The medium, when named.
    pub channel: Option<String>,
    /// ICD 203 band of estimative words.
    pub probability: Option<Probability>,
    /// When it was made.
    pub date: Option<DateSpan>,
    /// Spans.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// Actor kinds (codebook section 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A non-state armed group.
    ArmedGroup,
    /// A state (its government).
    State,
    /// An agency of a state.
    StateAgency,
    /// A person.
    Person,
    /// Any other organisation.
    Organization,
    /// A population group.
    Population,
}

/// An actor as mentioned in a document (codebook section 5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorMention {
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: ActorKind,
    /// ISO alpha-2 country, when it has one.
    pub country: Option<String>,
    /// Names it went by in the text.
    #[serde(default)]
    pub aliases_seen: Vec<String>,
    /// Canonical name of its parent.
    pub parent: Option<String>,
    /// Spans.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn incident_json_uses_codebook_keys() {
        let incident = Incident {
            id: "i1".into(),
            incident_type: IncidentType::ArmedAssault,
            stage: Stage::Accomplished,
            date: NaiveDate::from_ymd_opt(2024, 3, 22).map(DateSpan::day),
            location: None,
            site: Some("Crocus City concert hall".into()),
            perpetrator_individuals: vec![],
            perpetrator_count: Some(4),
            perpetrator_nationalities: vec!["TJ".into()],
            attribution: vec![Attribution {
                actor: "Islamic State Khorasan Province".into(),
                confidence: Confidence::Claimed,
                claim: Some("c1".into()),
            }],
            targets: vec![],
            target_types: vec![TargetType::PrivateCitizens],
            victims: vec![],
            weapons: vec![Weapon::Firearms],
            suicide: false,
            killed: Some(Count {
                best: 140,
                min: None,
                max: None,
                qualifier: CountQualifier::Approximately,
            }),
            injured: None,
            arrested: None,
            evidence: vec![Evidence { start: 0, end: 10 }],
        };
        let json = serde_json::to_value(&incident).expect("serialises");
        assert_eq!(json["type"], "armed_assault");
        assert_eq!(json["date"]["precision"], "day");
        assert_eq!(json["attribution"][0]["confidence"], "claimed");
        assert_eq!(json["killed"]["qualifier"], "approximately");
        let back: Incident = serde_json::from_value(json).expect("round-trips");
        assert_eq!(back, incident);
    }

    #[test]
    fn gold_style_incident_parses_with_missing_keys() {
        let json = r#"{"id":"x","type":"warning","stage":"accomplished","date":null,
            "location":null,"site":null,"perpetrator_count":null,"killed":null,
            "injured":null,"arrested":null}"#;
        let incident: Incident = serde_json::from_str(json).expect("parses");
        assert!(incident.attribution.is_empty());
        assert!(!incident.incident_type.is_violent());
    }
}
