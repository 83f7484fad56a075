//! Watching activity: series of fused incidents (never reports) and alerts that say why.
//!
//! [`series`] counts incidents per day, week or month. Date precision is respected: an incident
//! known to the day (or week) counts on its first day; one known only to its month, year or a
//! range is spread evenly over its days, so a month-dated plot adds 1/31 to each day of March
//! instead of piling onto the 1st. Undated incidents are not counted, and are returned so the
//! caller can say how many.
//!
//! [`watch`] raises alerts per actor and country (and per country alone), each carrying its
//! window, baseline, threshold and the incidents that drove it. The rules are in [`rules`].

pub mod backtest;
pub mod rules;
mod series;

pub use rules::{Alert, Rule, watch};
pub use series::{Bucket, Point, Selection, is_precursor, series, weight_on};
