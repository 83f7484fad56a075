//! The incident map: country outlines (Natural Earth polygons shipped by the `world-data`
//! crate) projected once, equirectangular, and served as `/static/world.svg` (cached by the
//! browser, as it never changes), with incidents drawn over it as dots per degree cell in an
//! inline SVG. No tiles or scripts are fetched from anywhere.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

use vigil_fusion::FusedIncident;

/// Map width and height in SVG units (360 by 180 degrees, two units a degree).
const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 360.0;

/// A one-degree cell: floor of longitude and latitude.
type Cell = (i32, i32);

/// Most cells drawn; the busiest are kept.
const MAX_CELLS: usize = 1500;

fn x(lon: f64) -> f64 {
    (lon + 180.0) / 360.0 * WIDTH
}

fn y(lat: f64) -> f64 {
    (90.0 - lat) / 180.0 * HEIGHT
}

/// The outlines as one SVG path, built on first use (decoding the polygons takes a moment,
/// so the server warms it at start).
pub(crate) fn outlines() -> &'static str {
    static OUTLINES: OnceLock<String> = OnceLock::new();
    OUTLINES.get_or_init(build_outlines)
}

fn build_outlines() -> String {
    let data = world_data::load();
    let mut codes: Vec<&String> = data.countries.keys().collect();
    codes.sort();
    let mut path = String::new();
    for code in codes {
        let Some(country) = data.countries.get(code) else { continue };
        for polygon in &country.polygons {
            let ring = &polygon.exterior().0;
            // Points within a unit of the last one kept add nothing visible at this size.
            let mut last: Option<(f64, f64)> = None;
            let mut kept = 0;
            let mut piece = String::new();
            for coord in ring {
                let point = (x(f64::from(coord.x)), y(f64::from(coord.y)));
                if last.is_some_and(|(lx, ly)| {
                    (lx - point.0).abs() < 1.0 && (ly - point.1).abs() < 1.0
                }) {
                    continue;
                }
                let _ = write!(
                    piece,
                    "{}{:.0} {:.0}",
                    if kept == 0 { "M" } else { "L" },
                    point.0,
                    point.1
                );
                last = Some(point);
                kept += 1;
            }
            if kept >= 3 {
                path.push_str(&piece);
                path.push('Z');
            }
        }
    }
    path
}

/// The outlines as a whole SVG document, the map's background.
pub(crate) fn world() -> &'static str {
    static WORLD: OnceLock<String> = OnceLock::new();
    WORLD.get_or_init(|| {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" width=\"{WIDTH}\" height=\"{HEIGHT}\"><path d=\"{}\" fill=\"#d9dde2\" stroke=\"#9aa3ad\" stroke-width=\"0.3\"/></svg>",
            outlines()
        )
    })
}

/// The map of `incidents` as SVG markup (trusted: every text in it is escaped here).
pub(crate) fn svg(incidents: &[FusedIncident]) -> String {
    let mut cells: BTreeMap<Cell, (usize, &FusedIncident)> = BTreeMap::new();
    for incident in incidents {
        let Some(place) = incident.location.value.as_ref() else { continue };
        let (Some(lat), Some(lon)) = (place.lat, place.lon) else { continue };
        let key = (lon.floor() as i32, lat.floor() as i32);
        cells.entry(key).or_insert((0, incident)).0 += 1;
    }
    let mut cells: Vec<(Cell, (usize, &FusedIncident))> = cells.into_iter().collect();
    cells.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(&b.0)));
    cells.truncate(MAX_CELLS);
    let mut svg = format!(
        "<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-label=\"map of incidents\">"
    );
    let _ = write!(svg, "<rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#eef3f7\"/>");
    let _ = write!(
        svg,
        "<image href=\"/static/world.svg\" x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"{HEIGHT}\"/>"
    );
    for ((lon, lat), (count, first)) in &cells {
        let cx = x(f64::from(*lon) + 0.5);
        let cy = y(f64::from(*lat) + 0.5);
        let radius = (1.5 + (*count as f64).sqrt()).min(10.0);
        let place = first.location.value.as_ref().map(|p| p.name.as_str()).unwrap_or_default();
        // A cell links to its first incident; the listings below name the others.
        let href = super::incident_href(&first.id);
        let _ = write!(
            svg,
            "<a href=\"{}\"><circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{radius:.1}\" fill=\"#b3261e\" fill-opacity=\"0.7\"><title>{} incident{} near {}</title></circle></a>",
            escape(&href),
            count,
            if *count == 1 { "" } else { "s" },
            escape(place)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Text escaped for SVG (XML) content and attributes.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
