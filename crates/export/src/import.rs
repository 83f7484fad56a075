//! Reading a STIX 2.1 bundle (as OpenCTI or MISP export one) into knowledge-base entries:
//! threat actors and intrusion sets become armed groups, identities become people, agencies,
//! states or organisations, each with its aliases, in the knowledge base's TOML form.

use serde::Serialize;
use serde_json::Value;

/// One knowledge-base entry, as the TOML data files write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KbEntry {
    /// Canonical name.
    pub name: String,
    /// Codebook actor kind.
    pub kind: String,
    /// ISO country, when the bundle says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Other names.
    pub aliases: Vec<String>,
}

#[derive(Serialize)]
struct File<'e> {
    entry: &'e [KbEntry],
}

/// What a bundle held.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Imported {
    /// Entries made.
    pub entries: Vec<KbEntry>,
    /// Objects of other types, left out (locations, reports, relationships, ...).
    pub skipped: usize,
}

/// Reads the actors of a bundle.
pub fn kb_entries(bundle: &Value) -> Result<Imported, String> {
    if bundle["type"] != "bundle" {
        return Err("not a STIX bundle (no \"type\": \"bundle\")".to_string());
    }
    let objects = bundle["objects"].as_array().ok_or("the bundle has no objects list")?;
    let mut imported = Imported::default();
    for object in objects {
        let Some(name) = object["name"].as_str().map(str::trim).filter(|n| !n.is_empty()) else {
            imported.skipped += 1;
            continue;
        };
        let kind = match object["type"].as_str() {
            Some("threat-actor" | "intrusion-set") => "armed_group",
            Some("identity") => match object["identity_class"].as_str() {
                Some("individual") => "person",
                Some("class") => "population",
                _ if sectors(object).iter().any(|s| s.starts_with("government")) => "state_agency",
                _ => "organization",
            },
            _ => {
                imported.skipped += 1;
                continue;
            }
        };
        let mut aliases: Vec<String> = Vec::new();
        for key in ["aliases", "x_opencti_aliases", "x_mitre_aliases"] {
            for alias in object[key].as_array().into_iter().flatten().filter_map(Value::as_str) {
                let alias = alias.trim();
                if !alias.is_empty() && alias != name && !aliases.iter().any(|a| a == alias) {
                    aliases.push(alias.to_string());
                }
            }
        }
        let country =
            object["country"].as_str().map(|c| c.to_ascii_uppercase()).filter(|c| c.len() == 2);
        // One actor may come as several objects (a threat actor, and an identity authoring its
        // claims): one entry, the armed-group reading first, every alias kept.
        match imported.entries.iter_mut().find(|entry| entry.name == name) {
            Some(entry) => {
                if kind == "armed_group" {
                    entry.kind = kind.to_string();
                }
                entry.country = entry.country.take().or(country);
                for alias in aliases {
                    if !entry.aliases.contains(&alias) {
                        entry.aliases.push(alias);
                    }
                }
            }
            None => imported.entries.push(KbEntry {
                name: name.to_string(),
                kind: kind.to_string(),
                country,
                aliases,
            }),
        }
    }
    Ok(imported)
}

fn sectors(object: &Value) -> Vec<&str> {
    object["sectors"].as_array().into_iter().flatten().filter_map(Value::as_str).collect()
}

/// The entries as a knowledge-base TOML file (for `--kb` or the store's own file).
pub fn kb_toml(entries: &[KbEntry]) -> Result<String, String> {
    toml::to_string(&File { entry: entries }).map_err(|error| error.to_string())
}
