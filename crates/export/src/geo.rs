//! GeoJSON: a FeatureCollection of fused incidents, as QGIS and other GIS tools open it.
//!
//! Each incident is a Feature with a Point at its consensus place (longitude, latitude, WGS 84)
//! and its slots as properties. An incident whose place is unknown, or known only by name,
//! keeps a `null` geometry (valid GeoJSON: "unlocated") and its id is listed in the collection's
//! `unlocated` member, so nothing is dropped silently.

use serde_json::{Value, json};

use crate::{ExportSet, perpetrators, snake, tables};

/// The FeatureCollection, as a JSON value.
pub fn feature_collection(set: &ExportSet) -> Value {
    let mut features = Vec::new();
    let mut unlocated = Vec::new();
    for incident in &set.incidents {
        let place = incident.location.value.as_ref();
        let geometry = match place.and_then(|p| p.lat.zip(p.lon)) {
            Some((lat, lon)) => json!({"type": "Point", "coordinates": [lon, lat]}),
            None => {
                unlocated.push(incident.id.clone());
                Value::Null
            }
        };
        let date = incident.date.value;
        features.push(json!({
            "type": "Feature",
            "id": incident.id,
            "geometry": geometry,
            "properties": {
                "id": incident.id,
                "type": incident.incident_type.value.map(|k| snake(&k)),
                "stage": incident.stage.value.map(|s| snake(&s)),
                "date_start": date.map(|d| d.start.to_string()),
                "date_end": date.map(|d| d.end.to_string()),
                "date_precision": date.map(|d| snake(&d.precision)),
                "place": place.map(|p| p.name.clone()),
                "admin1": place.and_then(|p| p.admin1.clone()),
                "country": place.and_then(|p| p.country.clone()),
                "geo_precision": place.map(|p| snake(&p.precision)),
                "site": incident.site.value,
                "killed": incident.killed.value.map(|c| c.best),
                "injured": incident.injured.value.map(|c| c.best),
                "reports": incident.documents.len(),
                "sources": tables::sources(set, incident).join("; "),
                "perpetrators": perpetrators(incident).iter().map(|(a, c)| format!("{a} ({})", snake(c))).collect::<Vec<_>>().join("; "),
                "notes": tables::notes(incident),
            }
        }));
    }
    json!({"type": "FeatureCollection", "features": features, "unlocated": unlocated})
}
