//! The saved form of a gazetteer: one tab-separated line per place after a header line. Plain
//! text so that it diffs, greps and gzips well; the built-in data uses the same format.
//!
//! ```text
//! #vigil-gazetteer<TAB>1
//! kind id country admin1 name lat lon population alternate|alternate|...
//! ```
//! `kind` is `C` (country), `A` (admin1 region) or `P` (populated place); an empty `admin1`
//! means none. Lines starting with `#` after the header are comments.

use std::io::{BufReader, Read, Write};

use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;
use crate::model::{Place, PlaceKind};

const MAGIC: &str = "#vigil-gazetteer";
const VERSION: &str = "1";
const SOURCE: &str = "gazetteer";

impl Gazetteer {
    /// Writes the gazetteer in the saved format.
    pub fn save<W: Write>(&self, writer: W) -> Result<(), GazetteerError> {
        let mut writer = std::io::BufWriter::new(writer);
        let io = |source| GazetteerError::io("", source);
        writeln!(writer, "{MAGIC}\t{VERSION}").map_err(io)?;
        for place in &self.places {
            let alternates: Vec<String> = place.alternates.iter().map(|a| clean(a)).collect();
            writeln!(
                writer,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                place.kind.tag(),
                place.id,
                clean(&place.country),
                place.admin1.as_deref().map(clean).unwrap_or_default(),
                clean(&place.name),
                coordinate(place.lat),
                coordinate(place.lon),
                place.population,
                alternates.join("|"),
            )
            .map_err(io)?;
        }
        writer.flush().map_err(io)
    }

    /// Reads a gazetteer written by [`Gazetteer::save`].
    pub fn load<R: Read>(reader: R) -> Result<Gazetteer, GazetteerError> {
        // One read and one buffer: a String per line would be ~160,000 allocations.
        let mut text = String::new();
        BufReader::new(reader)
            .read_to_string(&mut text)
            .map_err(|source| GazetteerError::io("", source))?;
        let mut lines = text.lines();
        let header = lines.next().unwrap_or_default();
        if header.split('\t').collect::<Vec<_>>() != [MAGIC, VERSION] {
            return Err(GazetteerError::BadHeader { found: header.to_string() });
        }
        let mut places = Vec::with_capacity(text.len() / 64);
        for (number, line) in lines.enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let place = parse_line(line).map_err(|reason| GazetteerError::Parse {
                source_name: SOURCE.to_string(),
                line: number + 2,
                reason,
            })?;
            places.push(place);
        }
        Ok(Gazetteer::from_places(places))
    }
}

fn parse_line(line: &str) -> Result<Place, String> {
    let mut fields = line.split('\t');
    let mut field = || fields.next();
    let (
        Some(tag),
        Some(id),
        Some(country),
        Some(admin1),
        Some(name),
        Some(lat),
        Some(lon),
        Some(population),
        Some(alternates),
    ) = (field(), field(), field(), field(), field(), field(), field(), field(), field())
    else {
        return Err(format!("expected 9 fields, found {}", line.split('\t').count()));
    };
    let kind = PlaceKind::from_tag(tag).ok_or_else(|| format!("unknown kind {tag:?}"))?;
    let number = |field: &str, what: &str| -> Result<f64, String> {
        field.parse::<f64>().map_err(|_| format!("bad {what} {field:?}"))
    };
    Ok(Place {
        id: id.parse().map_err(|_| format!("bad id {id:?}"))?,
        name: name.to_string(),
        kind,
        country: country.to_string(),
        admin1: (!admin1.is_empty()).then(|| admin1.to_string()),
        lat: number(lat, "latitude")?,
        lon: number(lon, "longitude")?,
        population: population.parse().map_err(|_| format!("bad population {population:?}"))?,
        alternates: alternates
            .split('|')
            .filter(|alternate| !alternate.is_empty())
            .map(str::to_string)
            .collect(),
    })
}

/// A field with the format's separators (tab, newline, `|`) turned into spaces.
fn clean(text: &str) -> String {
    text.replace(['\t', '\n', '\r', '|'], " ")
}

/// Five decimals (about a metre) without trailing zeros.
fn coordinate(value: f64) -> String {
    let text = format!("{value:.5}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" { "0".to_string() } else { text.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_are_short() {
        assert_eq!(coordinate(55.75222), "55.75222");
        assert_eq!(coordinate(-12.5), "-12.5");
        assert_eq!(coordinate(3.0), "3");
        assert_eq!(coordinate(-0.000001), "0");
    }

    #[test]
    fn short_lines_are_reported() {
        let data = "#vigil-gazetteer\t1\nP\t1\tRU\n";
        let error = Gazetteer::load(data.as_bytes()).err().map(|e| e.to_string());
        assert_eq!(error.as_deref(), Some("gazetteer:2: expected 9 fields, found 3"));
    }
}
