//! The MUC-4 files: processed-GTT JSON lines, raw message texts, and the join of JSON and keys.

use std::collections::HashMap;

use super::keys::RawTemplate;
use super::{Entity, GoldDocument, GoldTemplate, Role, Roles};

/// A line of a processed-GTT file that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct CorpusError {
    /// 1-based line number.
    pub line: usize,
    /// What was wrong.
    pub message: String,
}

/// Parses processed-GTT JSON lines (`{docid, doctext, templates}`) into gold documents with
/// their role fillers; [`attach_keys`] adds the raw keys' slots.
pub fn parse_processed(text: &str) -> Result<Vec<GoldDocument>, CorpusError> {
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let error = |message: String| CorpusError { line: index + 1, message };
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| error(format!("not JSON: {e}")))?;
        let docid = value["docid"].as_str().ok_or_else(|| error("no docid".into()))?;
        let templates = value["templates"]
            .as_array()
            .ok_or_else(|| error(format!("{docid}: no templates list")))?
            .iter()
            .map(|template| {
                let mut roles = Roles::default();
                for role in Role::ALL {
                    *roles.get_mut(role) = entities(&template[role.key()]);
                }
                let incident_types = template["incident_type"]
                    .as_str()
                    .unwrap_or_default()
                    .split('/')
                    .map(|kind| kind.trim().to_lowercase())
                    .filter(|kind| !kind.is_empty())
                    .collect();
                GoldTemplate { incident_types, roles, ..GoldTemplate::default() }
            })
            .collect();
        out.push(GoldDocument { docid: docid.to_string(), templates });
    }
    Ok(out)
}

/// The texts of processed-GTT JSON lines (`docid`, `doctext`): lower case and without the
/// dateline, so only a stand-in where the raw texts are missing. Unreadable lines are skipped
/// ([`parse_processed`] names them).
pub fn processed_texts(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|value| {
            Some((value["docid"].as_str()?.to_string(), value["doctext"].as_str()?.to_string()))
        })
        .collect()
}

/// Entities from JSON: each a list of mentions, a mention either a string or `[string, offset]`.
pub fn entities(value: &serde_json::Value) -> Vec<Entity> {
    let mention = |m: &serde_json::Value| match m {
        serde_json::Value::String(text) => Some(text.clone()),
        serde_json::Value::Array(pair) => pair.first().and_then(|t| t.as_str()).map(str::to_string),
        _ => None,
    };
    value
        .as_array()
        .into_iter()
        .flatten()
        .map(|entity| match entity {
            serde_json::Value::Array(mentions) => mentions.iter().filter_map(mention).collect(),
            other => mention(other).into_iter().collect(),
        })
        .filter(|entity: &Entity| !entity.is_empty())
        .collect()
}

/// Adds the raw keys' type alternatives, dates, countries and confidences to the documents.
/// Template `n` of a message in the keys is template `n` of its JSON line (irrelevant `*`
/// templates skipped), which is how the JSON was made. Returns the ids of documents whose
/// template counts disagree; those keep only what the JSON holds.
pub fn attach_keys(documents: &mut [GoldDocument], keys: &[RawTemplate]) -> Vec<String> {
    let mut by_doc: HashMap<&str, Vec<&RawTemplate>> = HashMap::new();
    for template in keys.iter().filter(|t| t.is_relevant()) {
        by_doc.entry(template.docid.as_str()).or_default().push(template);
    }
    let mut mismatched = Vec::new();
    for document in documents.iter_mut() {
        let raw = by_doc.get(document.docid.as_str()).map(Vec::as_slice).unwrap_or_default();
        if raw.len() != document.templates.len() {
            mismatched.push(document.docid.clone());
            continue;
        }
        for (template, raw) in document.templates.iter_mut().zip(raw) {
            let types = raw.incident_types();
            if !types.is_empty() {
                template.incident_types = types;
            }
            (template.dates, template.date_optional) = raw.dates();
            (template.countries, template.country_optional) = raw.countries();
            template.confidence = raw.confidence();
        }
    }
    mismatched
}

/// Splits a raw corpus file into messages: each starts at a line holding its id
/// (`TST1-MUC3-0001`, `DEV-MUC3-0001 (NOSC)`). Bracketed editorial marks (`[TEXT]`,
/// `[words indistinct]`) are blanked with spaces, so that they read as no words and offsets hold.
pub fn split_messages(raw: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in raw.lines() {
        if let Some(id) = message_id(line) {
            out.push((id.to_string(), String::new()));
            continue;
        }
        if let Some((_, text)) = out.last_mut() {
            text.push_str(line);
            text.push('\n');
        }
    }
    for (_, text) in &mut out {
        *text = blank_brackets(text);
    }
    out
}

fn message_id(line: &str) -> Option<&str> {
    let id = line.split_whitespace().next()?;
    let mut parts = id.split('-');
    let (set, muc, number) = (parts.next()?, parts.next()?, parts.next()?);
    let fits = parts.next().is_none()
        && !line.starts_with(char::is_whitespace)
        && set.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && muc.starts_with("MUC")
        && number.len() == 4
        && number.chars().all(|c| c.is_ascii_digit());
    fits.then_some(id)
}

fn blank_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0_usize;
    for c in text.chars() {
        match c {
            '[' => {
                depth += 1;
                out.push(' ');
            }
            ']' if depth > 0 => {
                depth -= 1;
                out.push(' ');
            }
            '\n' => out.push('\n'),
            _ if depth > 0 => out.extend(std::iter::repeat_n(' ', c.len_utf8())),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::muc4::keys::parse_keys;

    #[test]
    fn messages_split_and_editorial_marks_blanked() {
        let raw = "DEV-MUC3-0001 (NOSC)\n\n   SAN SALVADOR, 3 JAN 90 -- [REPORT] [TEXT] THE ARMY\nSAID.\nDEV-MUC3-0002 (NOSC)\nMORE [WORDS\nINDISTINCT] TEXT\n";
        let messages = split_messages(raw);
        assert_eq!(messages.len(), 2);
        assert_eq!(messages[0].0, "DEV-MUC3-0001");
        assert!(messages[0].1.contains("3 JAN 90 --"));
        assert!(!messages[0].1.contains("REPORT"));
        assert!(messages[0].1.contains("THE ARMY\nSAID."));
        assert_eq!(messages[1].1.split_whitespace().collect::<Vec<_>>(), ["MORE", "TEXT"]);
    }

    #[test]
    fn processed_lines_join_raw_keys_by_template_order() {
        let processed = r#"{"docid": "TST1-MUC3-0001", "doctext": "x", "templates": [{"incident_type": "attack", "PerpInd": [[["guerrillas", 37]]], "PerpOrg": [[["urng", 9], ["guatemalan national revolutionary unity", 3]]], "Target": [], "Victim": [], "Weapon": []}]}
{"docid": "TST1-MUC3-0002", "doctext": "y", "templates": []}"#;
        let keys = parse_keys(
            "0.  MESSAGE: ID                     TST1-MUC3-0001\n1.  MESSAGE: TEMPLATE               1\n2.  INCIDENT: DATE                  02 FEB 90\n4.  INCIDENT: TYPE                  ATTACK\n11. PERP: ORGANIZATION CONFIDENCE   CLAIMED OR ADMITTED: \"URNG\"\n\n0.  MESSAGE: ID                     TST1-MUC3-0002\n1.  MESSAGE: TEMPLATE               *\n",
        );
        let mut documents = parse_processed(processed).unwrap_or_default();
        assert_eq!(documents.len(), 2);
        assert!(attach_keys(&mut documents, &keys).is_empty());
        let template = &documents[0].templates[0];
        assert_eq!(
            template.roles.get(Role::PerpOrg)[0],
            ["urng", "guatemalan national revolutionary unity"]
        );
        assert_eq!(template.dates.len(), 1);
        assert_eq!(template.confidence.len(), 1);
        assert!(documents[1].templates.is_empty());
    }

    #[test]
    fn a_bad_line_is_named() {
        let error = parse_processed("{\"docid\": \"A\", \"templates\": []}\nnot json\n").err();
        assert!(error.is_some_and(|e| e.to_string().starts_with("line 2: not JSON")));
    }
}
