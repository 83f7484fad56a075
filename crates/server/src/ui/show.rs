//! How values read on a page: dates with their precision, places, counts, slot values.

use vigil_domain::{Count, DatePrecision, DateSpan, IncidentType, Location, Stage};

/// A value as a person reads it.
pub(crate) trait Show {
    /// The text.
    fn show(&self) -> String;
}

impl Show for DateSpan {
    fn show(&self) -> String {
        match self.precision {
            DatePrecision::Day => self.start.to_string(),
            DatePrecision::Month => self.start.format("%Y-%m").to_string(),
            DatePrecision::Year => self.start.format("%Y").to_string(),
            _ => format!("{}..{}", self.start, self.end),
        }
    }
}

impl Show for Location {
    fn show(&self) -> String {
        match &self.country {
            Some(country) => format!("{}, {country}", self.name),
            None => self.name.clone(),
        }
    }
}

impl Show for Count {
    fn show(&self) -> String {
        let qualifier = vigil_query::serde_value(&self.qualifier);
        let range = match (self.min, self.max) {
            (Some(min), Some(max)) if min != max => format!(" ({min}-{max})"),
            _ => String::new(),
        };
        if qualifier.is_empty() || qualifier == "exact" {
            format!("{}{range}", self.best)
        } else {
            format!("{} {}{range}", qualifier.replace('_', " "), self.best)
        }
    }
}

impl Show for IncidentType {
    fn show(&self) -> String {
        vigil_query::serde_value(self).replace('_', " ")
    }
}

impl Show for Stage {
    fn show(&self) -> String {
        vigil_query::serde_value(self).replace('_', " ")
    }
}

impl Show for String {
    fn show(&self) -> String {
        self.clone()
    }
}

/// An optional value, or a dash.
pub(crate) fn or_dash<T: Show>(value: Option<&T>) -> String {
    value.map_or_else(|| "-".to_string(), Show::show)
}

/// A snake_case value for people.
pub(crate) fn words<T: serde::Serialize>(value: &T) -> String {
    vigil_query::serde_value(value).replace('_', " ")
}
