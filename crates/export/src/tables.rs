//! ACLED-style and GTD-style tables: one row per fused incident.
//!
//! **ACLED style** (`--style acled`), after the ACLED codebook's column names:
//! `event_id_cnty` (our incident id), `event_date`, `year`, `time_precision` (1 day, 2 week,
//! 3 month or vaguer), `disorder_type`, `event_type`, `sub_event_type`, `actor1` (the most firmly
//! linked perpetrator), `assoc_actor_1` (the others), `actor2` (`Civilians (CC)` when civilians
//! were targeted), `civilian_targeting`, `iso`, `country`, `admin1`, `location`, `latitude`,
//! `longitude`, `geo_precision` (1 town or site, 2 region, 3 country), `source` (publishers,
//! `; `-separated), `source_scale` (number of reports), `notes`, `fatalities` (the consensus
//! toll), `tags`. Event types map from the codebook: bombings to *Explosions/Remote violence*
//! (*Suicide bomb* when suicide, else *Remote explosive/landmine/IED*); armed assaults,
//! assassinations, arson and generic attacks on civilians to *Violence against civilians /
//! Attack*, and on others to *Battles / Armed clash*; hostage taking to *Violence against
//! civilians / Abduction/forced disappearance*; arrests to *Strategic developments / Arrests*;
//! foiled plots to *Strategic developments / Disrupted weapons use*; security operations to
//! *Battles / Armed clash*; warnings and threats to *Strategic developments / Other*.
//!
//! **GTD style** (`--style gtd`), after the GTD codebook: `eventid`, `iyear`, `imonth`, `iday`
//! (0 when unknown), `approxdate`, `country_txt`, `provstate`, `city`, `latitude`, `longitude`,
//! `specificity` (1 city, 3 region, 4 country, 5 unknown), `summary`, `success` (1 accomplished),
//! `suicide`, `attacktype1_txt`, `targtype1_txt`, `gname`, `gname2`, `guncertain1` (1 unless the
//! group claimed it or is reported as fact), `claimed`, `claimmode_txt`, `compclaim` (1 when
//! several groups claim it), `weaptype1_txt`, `nkill`, `nwound`, `nreports`, `scite1`. GTD
//! codes attacks only; responses and signals (arrests, raids, warnings) are left out of it.

use vigil_domain::{
    ClaimKind, Confidence, DatePrecision, IncidentType, LocationPrecision, Stage, TargetType,
    Weapon,
};
use vigil_fusion::FusedIncident;

use crate::{ExportSet, perpetrators, snake};

/// Errors writing a table.
pub type TableResult = Result<String, csv::Error>;

/// The ACLED-style table.
pub fn acled(set: &ExportSet) -> TableResult {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "event_id_cnty",
        "event_date",
        "year",
        "time_precision",
        "disorder_type",
        "event_type",
        "sub_event_type",
        "actor1",
        "assoc_actor_1",
        "actor2",
        "civilian_targeting",
        "iso",
        "country",
        "admin1",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "source",
        "source_scale",
        "notes",
        "fatalities",
        "tags",
    ])?;
    for incident in &set.incidents {
        let kind = incident.incident_type.value.unwrap_or(IncidentType::Attack);
        let stage = incident.stage.value.unwrap_or(Stage::Accomplished);
        let civilians = incident.target_types.contains(&TargetType::PrivateCitizens);
        let (event_type, sub_event_type) = acled_type(
            kind,
            stage,
            incident.weapons.contains(&Weapon::Explosives),
            civilians,
            suicide(incident),
        );
        let perpetrators = perpetrators(incident);
        let place = incident.location.value.as_ref();
        let country = place.and_then(|p| p.country.clone()).unwrap_or_default();
        let date = incident.date.value;
        let row = [
            incident.id.clone(),
            date.map(|d| d.start.to_string()).unwrap_or_default(),
            date.map(|d| d.start.format("%Y").to_string()).unwrap_or_default(),
            date.map_or(String::new(), |d| match d.precision {
                DatePrecision::Day => "1".to_string(),
                DatePrecision::Week => "2".to_string(),
                _ => "3".to_string(),
            }),
            acled_disorder(event_type).to_string(),
            event_type.to_string(),
            sub_event_type.to_string(),
            perpetrators
                .first()
                .map(|(actor, _)| actor.clone())
                .unwrap_or_else(|| "Unidentified Armed Group".to_string()),
            perpetrators
                .iter()
                .skip(1)
                .map(|(actor, _)| actor.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            if civilians { format!("Civilians ({country})") } else { String::new() },
            if civilians { "Civilian targeting".to_string() } else { String::new() },
            country.clone(),
            country,
            place.and_then(|p| p.admin1.clone()).unwrap_or_default(),
            place.map(|p| p.name.clone()).unwrap_or_default(),
            place.and_then(|p| p.lat).map(|v| format!("{v:.4}")).unwrap_or_default(),
            place.and_then(|p| p.lon).map(|v| format!("{v:.4}")).unwrap_or_default(),
            place.map_or(String::new(), |p| match p.precision {
                LocationPrecision::Site | LocationPrecision::City => "1".to_string(),
                LocationPrecision::Admin1 => "2".to_string(),
                _ => "3".to_string(),
            }),
            sources(set, incident).join("; "),
            incident.documents.len().to_string(),
            notes(incident),
            incident.killed.value.map(|c| c.best.to_string()).unwrap_or_else(|| "0".to_string()),
            if stage == Stage::Planned { "foiled plot".to_string() } else { String::new() },
        ];
        writer.write_record(&row)?;
    }
    finish(writer)
}

/// The GTD-style table (attacks only).
pub fn gtd(set: &ExportSet) -> TableResult {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "eventid",
        "iyear",
        "imonth",
        "iday",
        "approxdate",
        "country_txt",
        "provstate",
        "city",
        "latitude",
        "longitude",
        "specificity",
        "summary",
        "success",
        "suicide",
        "attacktype1_txt",
        "targtype1_txt",
        "gname",
        "gname2",
        "guncertain1",
        "claimed",
        "claimmode_txt",
        "compclaim",
        "weaptype1_txt",
        "nkill",
        "nwound",
        "nreports",
        "scite1",
    ])?;
    for incident in &set.incidents {
        let kind = incident.incident_type.value.unwrap_or(IncidentType::Attack);
        if !kind.is_violent() {
            continue;
        }
        let date = incident.date.value;
        let (year, month, day) = match date {
            Some(d) => {
                let day = if d.precision == DatePrecision::Day {
                    d.start.format("%d").to_string()
                } else {
                    "0".to_string()
                };
                let month = if matches!(
                    d.precision,
                    DatePrecision::Day | DatePrecision::Week | DatePrecision::Month
                ) {
                    d.start.format("%m").to_string()
                } else {
                    "0".to_string()
                };
                (d.start.format("%Y").to_string(), month, day)
            }
            None => (String::new(), "0".to_string(), "0".to_string()),
        };
        let place = incident.location.value.as_ref();
        let perpetrators = perpetrators(incident);
        let claims: Vec<&vigil_fusion::FusedClaim> =
            incident.claims.iter().filter(|c| c.claim.kind == ClaimKind::Responsibility).collect();
        let mut claimants: Vec<&str> =
            claims.iter().filter_map(|c| c.claim.claimant.as_deref()).collect();
        claimants.sort_unstable();
        claimants.dedup();
        let first = perpetrators.first();
        let uncertain = first.is_none_or(|(_, confidence)| {
            !matches!(confidence, Confidence::Claimed | Confidence::Reported)
        });
        let row = [
            incident.id.clone(),
            year,
            month,
            day,
            date.filter(|d| d.precision != DatePrecision::Day)
                .map(|d| format!("{}..{}", d.start, d.end))
                .unwrap_or_default(),
            place.and_then(|p| p.country.clone()).unwrap_or_default(),
            place.and_then(|p| p.admin1.clone()).unwrap_or_default(),
            place
                .filter(|p| {
                    matches!(p.precision, LocationPrecision::City | LocationPrecision::Site)
                })
                .map(|p| p.name.clone())
                .unwrap_or_default(),
            place.and_then(|p| p.lat).map(|v| format!("{v:.4}")).unwrap_or_default(),
            place.and_then(|p| p.lon).map(|v| format!("{v:.4}")).unwrap_or_default(),
            place.map_or("5".to_string(), |p| match p.precision {
                LocationPrecision::Site | LocationPrecision::City => "1".to_string(),
                LocationPrecision::Admin1 => "3".to_string(),
                _ => "4".to_string(),
            }),
            notes(incident),
            u8::from(incident.stage.value == Some(Stage::Accomplished)).to_string(),
            u8::from(suicide(incident)).to_string(),
            gtd_attack_type(kind).to_string(),
            incident.target_types.iter().next().map(snake).unwrap_or_else(|| "unknown".to_string()),
            first.map(|(actor, _)| actor.clone()).unwrap_or_else(|| "Unknown".to_string()),
            perpetrators.get(1).map(|(actor, _)| actor.clone()).unwrap_or_default(),
            u8::from(uncertain).to_string(),
            u8::from(!claims.is_empty()).to_string(),
            claims.iter().find_map(|c| c.claim.channel.clone()).unwrap_or_default(),
            u8::from(claimants.len() > 1).to_string(),
            incident.weapons.iter().next().map(snake).unwrap_or_else(|| "unknown".to_string()),
            incident.killed.value.map(|c| c.best.to_string()).unwrap_or_default(),
            incident.injured.value.map(|c| c.best.to_string()).unwrap_or_default(),
            incident.documents.len().to_string(),
            sources(set, incident).first().cloned().unwrap_or_default(),
        ];
        writer.write_record(&row)?;
    }
    finish(writer)
}

fn finish(writer: csv::Writer<Vec<u8>>) -> TableResult {
    let bytes = writer.into_inner().map_err(|error| error.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn suicide(incident: &FusedIncident) -> bool {
    incident.suicide
}

fn acled_type(
    kind: IncidentType,
    stage: Stage,
    explosives: bool,
    civilians: bool,
    suicide: bool,
) -> (&'static str, &'static str) {
    if stage == Stage::Planned {
        return ("Strategic developments", "Disrupted weapons use");
    }
    match kind {
        IncidentType::Bombing if suicide => ("Explosions/Remote violence", "Suicide bomb"),
        IncidentType::Bombing => ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        _ if explosives && kind.is_violent() => {
            ("Explosions/Remote violence", "Remote explosive/landmine/IED")
        }
        IncidentType::HostageTaking | IncidentType::Hijacking => {
            ("Violence against civilians", "Abduction/forced disappearance")
        }
        IncidentType::Arrest => ("Strategic developments", "Arrests"),
        IncidentType::Warning | IncidentType::Threat => ("Strategic developments", "Other"),
        IncidentType::SecurityOperation => ("Battles", "Armed clash"),
        _ if civilians => ("Violence against civilians", "Attack"),
        _ => ("Battles", "Armed clash"),
    }
}

fn acled_disorder(event_type: &str) -> &'static str {
    if event_type == "Strategic developments" {
        "Strategic developments"
    } else {
        "Political violence"
    }
}

fn gtd_attack_type(kind: IncidentType) -> &'static str {
    match kind {
        IncidentType::Assassination => "Assassination",
        IncidentType::ArmedAssault => "Armed Assault",
        IncidentType::Bombing => "Bombing/Explosion",
        IncidentType::Hijacking => "Hijacking",
        IncidentType::HostageTaking => "Hostage Taking (Kidnapping)",
        IncidentType::Arson => "Facility/Infrastructure Attack",
        IncidentType::UnarmedAssault => "Unarmed Assault",
        _ => "Unknown",
    }
}

/// Distinct publishers of an incident's reports, in report order.
pub(crate) fn sources(set: &ExportSet, incident: &FusedIncident) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for document in &incident.documents {
        let name = set
            .document(document)
            .and_then(|d| d.source.clone())
            .unwrap_or_else(|| format!("document {document}"));
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// A one-line summary: type, place, toll and its range, attribution with confidence.
pub(crate) fn notes(incident: &FusedIncident) -> String {
    let mut parts = Vec::new();
    if let Some(kind) = incident.incident_type.value {
        parts.push(snake(&kind).replace('_', " "));
    }
    if let Some(site) = &incident.site.value {
        parts.push(format!("at {site}"));
    }
    if let Some(place) = &incident.location.value {
        parts.push(format!("in {}", place.name));
    }
    if let Some(killed) = incident.killed.value {
        match incident.killed.range {
            Some((low, high)) if low != high => {
                parts.push(format!("{} killed (sources give {low} to {high})", killed.best))
            }
            _ => parts.push(format!("{} killed", killed.best)),
        }
    }
    let links: Vec<String> =
        perpetrators(incident).iter().map(|(actor, c)| format!("{actor} ({})", snake(c))).collect();
    if !links.is_empty() {
        parts.push(format!("attributed to {}", links.join(", ")));
    }
    let denials: Vec<&str> = incident
        .attribution
        .iter()
        .filter(|l| l.confidence == Confidence::Denied)
        .map(|l| l.actor.as_str())
        .collect();
    if !denials.is_empty() {
        parts.push(format!("denied by {}", denials.join(", ")));
    }
    parts.join("; ")
}
