//! The raw MUC-4 answer keys: numbered slots, `/` alternatives, `?` optional fills.
//!
//! A key file is a run of templates, each a block of numbered slot lines (`2.  INCIDENT: DATE
//! 02 FEB 90`) whose value may continue on indented lines; `;;;` lines are annotators' comments.
//! Message template `*` means the message holds no relevant incident. Only the slots the
//! processed JSON dropped are interpreted here: type (4), date (2), location (3) and perpetrator
//! confidence (11); the role fillers come from the processed JSON.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{DayRange, GoldConfidence, Muc4Confidence};

/// One template of a raw key, its slots as lines of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawTemplate {
    /// Message id (first word of slot 0).
    pub docid: String,
    /// Slot 1 as written: `1`, `2 (OPTIONAL)` or `*`.
    pub number: String,
    /// Slot number to its value lines.
    pub slots: BTreeMap<u32, Vec<String>>,
}

impl RawTemplate {
    /// Whether the template stands for an incident (slot 1 is not `*`).
    pub fn is_relevant(&self) -> bool {
        self.number.trim() != "*"
    }

    fn lines(&self, slot: u32) -> impl Iterator<Item = &str> {
        self.slots
            .get(&slot)
            .into_iter()
            .flatten()
            .map(|line| line.trim())
            .filter(|line| !line.is_empty() && *line != "*" && *line != "-")
    }

    /// Accepted incident types, lower case.
    pub fn incident_types(&self) -> Vec<String> {
        self.lines(4)
            .flat_map(|line| line.split('/'))
            .map(|kind| kind.trim().trim_start_matches('?').trim().to_lowercase())
            .filter(|kind| !kind.is_empty())
            .collect()
    }

    /// Accepted dates, and whether the date is optional.
    pub fn dates(&self) -> (Vec<DayRange>, bool) {
        let mut optional = false;
        let mut dates = Vec::new();
        for line in self.lines(2) {
            let (line, marked) = strip_optional(line);
            optional |= marked;
            dates.extend(alternatives(line).into_iter().filter_map(parse_range));
        }
        (dates, optional)
    }

    /// Accepted countries (upper case), and whether the location is optional.
    pub fn countries(&self) -> (Vec<String>, bool) {
        let mut optional = false;
        let mut countries = Vec::new();
        for line in self.lines(3) {
            let (line, marked) = strip_optional(line);
            optional |= marked;
            for alternative in alternatives(line) {
                let country = alternative.split(':').next().unwrap_or_default();
                let country = country.split('(').next().unwrap_or_default().trim();
                if !country.is_empty() && !countries.iter().any(|c| c == country) {
                    countries.push(country.to_ascii_uppercase());
                }
            }
        }
        (countries, optional)
    }

    /// Every quoted string of a slot (`"\"LA E\" FARM" / "FARM"` gives two), optional or not.
    pub fn strings(&self, slot: u32) -> Vec<String> {
        self.lines(slot).flat_map(quoted_strings).collect()
    }

    /// Perpetrator confidence per organisation (slot 11).
    pub fn confidence(&self) -> Vec<GoldConfidence> {
        let mut out = Vec::new();
        for line in self.lines(11) {
            let (line, optional) = strip_optional(line);
            let Some(colon) = line.find(": \"").or_else(|| line.find(":\"")) else {
                continue;
            };
            let levels: Vec<Muc4Confidence> =
                line[..colon].split('/').filter_map(Muc4Confidence::parse).collect();
            let organisation = quoted_strings(&line[colon + 1..]);
            if !levels.is_empty() && !organisation.is_empty() {
                out.push(GoldConfidence { organisation, levels, optional });
            }
        }
        out
    }
}

/// Parses a key file into its templates, in order. Lines that fit no slot are ignored: keys
/// were typed by hand, and a stray line must not cost the rest of the file.
pub fn parse_keys(text: &str) -> Vec<RawTemplate> {
    let mut templates: Vec<RawTemplate> = Vec::new();
    let mut current: Option<u32> = None;
    for line in text.lines() {
        if line.starts_with(";;;") || line.trim().is_empty() {
            if line.trim().is_empty() {
                current = None;
            }
            continue;
        }
        if let Some((slot, value)) = slot_line(line) {
            if slot == 0 {
                let docid = value.split_whitespace().next().unwrap_or_default().to_string();
                templates.push(RawTemplate {
                    docid,
                    number: String::new(),
                    slots: BTreeMap::new(),
                });
            }
            let Some(template) = templates.last_mut() else { continue };
            if slot == 1 {
                template.number = value.to_string();
            }
            template.slots.entry(slot).or_default().push(value.to_string());
            current = Some(slot);
        } else if line.starts_with(char::is_whitespace)
            && let (Some(slot), Some(template)) = (current, templates.last_mut())
        {
            template.slots.entry(slot).or_default().push(line.trim().to_string());
        }
    }
    templates
}

/// `12. PHYS TGT: ID    "X"` -> (12, `"X"`).
fn slot_line(line: &str) -> Option<(u32, &str)> {
    let (number, rest) = line.split_once('.')?;
    let slot = number.trim().parse::<u32>().ok()?;
    if number.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = rest.trim_start();
    // The slot name is upper-case words with single spaces; two spaces end it.
    let value = rest.find("  ").map_or("", |end| rest[end..].trim());
    Some((slot, value))
}

fn strip_optional(line: &str) -> (&str, bool) {
    match line.trim().strip_prefix('?') {
        Some(rest) => (rest.trim(), true),
        None => (line.trim(), false),
    }
}

/// Splits `A / B` and `(A) / (B)` at the top level, dropping the outer parentheses.
fn alternatives(line: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0_i32, 0);
    for (index, c) in line.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            '/' if depth == 0 => {
                parts.push(&line[start..index]);
                start = index + 1;
            }
            _ => {}
        }
    }
    parts.push(&line[start..]);
    parts
        .into_iter()
        .map(|part| {
            let part = part.trim();
            match part.strip_prefix('(').and_then(|p| p.strip_suffix(')')) {
                Some(inner) if balanced(inner) => inner.trim(),
                _ => part,
            }
        })
        .filter(|part| !part.is_empty())
        .collect()
}

fn balanced(text: &str) -> bool {
    let mut depth = 0_i32;
    for c in text.chars() {
        depth += match c {
            '(' => 1,
            ')' => -1,
            _ => 0,
        };
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

/// `02 FEB 90`, `- 02 FEB 90` (on or before), `02 FEB 90 - 05 FEB 90`.
fn parse_range(text: &str) -> Option<DayRange> {
    let text = text.trim();
    if let Some(last) = text.strip_prefix('-') {
        return Some(DayRange { first: None, last: parse_day(last)? });
    }
    if let Some((first, last)) = text.split_once(" - ") {
        let (first, last) = (parse_day(first)?, parse_day(last)?);
        return Some(DayRange { first: Some(first.min(last)), last: first.max(last) });
    }
    let day = parse_day(text)?;
    Some(DayRange { first: Some(day), last: day })
}

/// `02 FEB 90` (two-digit years are 19xx, as in the corpus).
fn parse_day(text: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let [day, month, year] = words[..] else { return None };
    let month = match month.to_ascii_uppercase().as_str() {
        "JAN" => 1,
        "FEB" => 2,
        "MAR" => 3,
        "APR" => 4,
        "MAY" => 5,
        "JUN" => 6,
        "JUL" => 7,
        "AUG" => 8,
        "SEP" => 9,
        "OCT" => 10,
        "NOV" => 11,
        "DEC" => 12,
        _ => return None,
    };
    let year: i32 = year.parse().ok()?;
    let year = if year < 100 { 1900 + year } else { year };
    NaiveDate::from_ymd_opt(year, month, day.parse().ok()?)
}

/// The quoted strings of a fill, with `\"` unescaped: `"\"LA E\" FARM" / "FARM"`.
pub(crate) fn quoted_strings(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut value = String::new();
        while let Some(c) = chars.next() {
            match c {
                '\\' => value.extend(chars.next()),
                '"' => break,
                _ => value.push(c),
            }
        }
        out.push(value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = r#";;; gk deleted murder 2 (redundant with 1)
0.  MESSAGE: ID                     TST1-MUC3-0001
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  (02 FEB 90) / (- 03 FEB 90)
3.  INCIDENT: LOCATION              GUATEMALA: SANTO TOMAS (FARM)
4.  INCIDENT: TYPE                  BOMBING / ATTACK
10. PERP: ORGANIZATION ID           "GUATEMALAN NATIONAL REVOLUTIONARY UNITY" / "URNG"
11. PERP: ORGANIZATION CONFIDENCE   REPORTED AS FACT / CLAIMED OR ADMITTED: "GUATEMALAN NATIONAL REVOLUTIONARY UNITY" / "URNG"
                                    ? POSSIBLE: "\"X\" FRONT"
12. PHYS TGT: ID                    "\"SANTO TOMAS\" PRESIDENTIAL FARM"

0.  MESSAGE: ID                     TST1-MUC3-0002
1.  MESSAGE: TEMPLATE               *
2.  INCIDENT: DATE                  *
3.  INCIDENT: LOCATION              ? (EL SALVADOR: ZARAGOZA (TOWN)) / (COLOMBIA)
"#;

    #[test]
    fn key_slots_parse_with_alternatives_and_optional_fills() {
        let templates = parse_keys(KEY);
        assert_eq!(templates.len(), 2);
        let first = &templates[0];
        assert_eq!(first.docid, "TST1-MUC3-0001");
        assert!(first.is_relevant());
        assert_eq!(first.incident_types(), ["bombing", "attack"]);
        let (dates, optional) = first.dates();
        assert!(!optional);
        let day = |d| NaiveDate::from_ymd_opt(1990, 2, d).unwrap_or_default();
        assert_eq!(
            dates,
            [
                DayRange { first: Some(day(2)), last: day(2) },
                DayRange { first: None, last: day(3) }
            ]
        );
        assert_eq!(first.countries(), (vec!["GUATEMALA".to_string()], false));
        let confidence = first.confidence();
        assert_eq!(confidence.len(), 2);
        assert_eq!(
            confidence[0].levels,
            [Muc4Confidence::ReportedAsFact, Muc4Confidence::ClaimedOrAdmitted]
        );
        assert_eq!(confidence[0].organisation, ["GUATEMALAN NATIONAL REVOLUTIONARY UNITY", "URNG"]);
        assert!(confidence[1].optional);
        assert_eq!(confidence[1].organisation, ["\"X\" FRONT"]);
        let second = &templates[1];
        assert!(!second.is_relevant());
        assert_eq!(second.countries(), (vec!["EL SALVADOR".into(), "COLOMBIA".into()], true));
        assert!(second.dates().0.is_empty());
    }

    #[test]
    fn ranges_open_and_closed() {
        let range = parse_range("31 MAR 90 - 01 APR 90")
            .unwrap_or(DayRange { first: None, last: NaiveDate::MIN });
        assert!(range.contains(NaiveDate::from_ymd_opt(1990, 4, 1).unwrap_or_default()));
        assert!(!range.contains(NaiveDate::from_ymd_opt(1990, 3, 30).unwrap_or_default()));
        assert!(parse_range("-29 NOV 89").is_some_and(|r| r.first.is_none()));
        assert!(parse_range("11 NOV").is_none());
    }
}
