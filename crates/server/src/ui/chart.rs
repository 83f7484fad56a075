//! Charts drawn as SVG on the server: activity per month, and an actor's company.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

/// Bars of how many dates fall in each month from the first to the last (empty months
/// included, so gaps show).
pub(crate) fn monthly(dates: &[NaiveDate], label: &str) -> String {
    let Some(first) = dates.iter().min() else {
        return "<p class=\"muted\">No dated activity.</p>".to_string();
    };
    let last = dates.iter().max().unwrap_or(first);
    let month = |date: &NaiveDate| date.year() * 12 + date.month0() as i32;
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    for date in dates {
        *counts.entry(month(date)).or_default() += 1;
    }
    let (start, end) = (month(first), month(last));
    let months = (end - start + 1).max(1) as usize;
    let highest = counts.values().copied().max().unwrap_or(1).max(1);
    let (width, height, base) = (640.0, 160.0, 130.0);
    let bar = (width - 40.0) / months as f64;
    let mut svg = format!(
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\">",
        super::map::escape(label)
    );
    let _ =
        write!(svg, "<line x1=\"30\" y1=\"{base}\" x2=\"{width}\" y2=\"{base}\" stroke=\"#667\"/>");
    let _ = write!(svg, "<text x=\"2\" y=\"20\" font-size=\"11\">{highest}</text>");
    for index in 0..months {
        let key = start + index as i32;
        let count = counts.get(&key).copied().unwrap_or(0);
        let bar_height = count as f64 / highest as f64 * (base - 20.0);
        let x = 32.0 + index as f64 * bar;
        let (year, month0) = (key.div_euclid(12), key.rem_euclid(12));
        let _ = write!(
            svg,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bar_height:.1}\" fill=\"#35618f\"><title>{year}-{:02}: {count}</title></rect>",
            base - bar_height,
            (bar - 1.0).max(1.0),
            month0 + 1
        );
        if months <= 24 || month0 == 0 {
            let _ = write!(
                svg,
                "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"9\">{year}-{:02}</text>",
                base + 14.0,
                month0 + 1
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

/// The actor in the middle, the actors named with it around, each line as thick as the
/// documents they share (every name escaped).
pub(crate) fn network(center: &str, company: &[(String, usize)]) -> String {
    let (width, height, radius) = (640.0_f64, 360.0_f64, 140.0_f64);
    let (cx, cy) = (width / 2.0, height / 2.0);
    let most = company.iter().map(|(_, count)| *count).max().unwrap_or(1).max(1) as f64;
    let mut svg = format!(
        "<svg class=\"network\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"actors named with {}\" font-size=\"10\">",
        super::map::escape(center)
    );
    for (index, (name, count)) in company.iter().enumerate() {
        let angle = index as f64 / company.len() as f64 * std::f64::consts::TAU;
        let (x, y) = (cx + radius * angle.cos(), cy + radius * angle.sin());
        let stroke = 0.5 + 4.0 * *count as f64 / most;
        let anchor = if angle.cos() < -0.1 {
            "end"
        } else if angle.cos() > 0.1 {
            "start"
        } else {
            "middle"
        };
        let _ = write!(
            svg,
            "<line x1=\"{cx:.1}\" y1=\"{cy:.1}\" x2=\"{x:.1}\" y2=\"{y:.1}\" stroke=\"#8aa1b8\" stroke-width=\"{stroke:.1}\"/><a href=\"{}\"><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"5\" fill=\"#35618f\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{} ({count})</text></a>",
            super::map::escape(&super::actor_href(name)),
            x + 8.0 * angle.cos(),
            y + 8.0 * angle.sin() + 3.0,
            super::map::escape(name)
        );
    }
    let _ = write!(
        svg,
        "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"9\" fill=\"#b3261e\"/><text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-weight=\"bold\">{}</text></svg>",
        cy + 22.0,
        super::map::escape(center)
    );
    svg
}
