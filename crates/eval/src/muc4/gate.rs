//! A template-level relevance gate learned from a MUC-4 training split: does a template the
//! adapter opened stand for an incident the key lists?
//!
//! The reader reports every violent event of a message; MUC-4's keys list only terrorist acts in
//! nine countries, recent to the dateline, and not clashes between armed forces and guerrillas.
//! On dev, 63 of the 84 messages without a template got one and carried 30% of the predicted
//! units. A gate over whole messages removed as many relevant messages as irrelevant ones; this
//! one judges each template by the words of the sentences it was read from, its type, where in
//! the message it is, its country and how old it is.
//!
//! - **Examples.** The templates the adapter opens on the training split (the reader, with the
//!   lexicon and role classifier of the same split), labelled by whether the scorer aligns them
//!   with a gold template ([`super::score::alignment`]).
//! - **Model.** Logistic regression over named binary features, trained by SGD with L2 for
//!   [`EPOCHS`] passes in message order: deterministic. Saved as the features it learned.
//! - **Reading.** A template whose probability falls under the threshold is dropped (tuned on dev).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Template;
use super::adapt::first_word_start;
use super::score::normalise;

/// Training passes.
pub const EPOCHS: usize = 8;
/// Step size.
const RATE: f32 = 0.05;
/// L2 weight per step.
const L2: f32 = 1e-4;

/// The nine countries whose incidents MUC-4 keys (its task definition).
pub const COUNTRIES: [&str; 9] = [
    "argentina",
    "bolivia",
    "chile",
    "colombia",
    "ecuador",
    "el salvador",
    "guatemala",
    "honduras",
    "peru",
];

/// Word starts naming the nine countries or their people, with the country's name.
const COUNTRY_WORDS: [(&str, &str); 11] = [
    ("el salvador", "El Salvador"),
    ("salvadoran", "El Salvador"),
    ("colombia", "Colombia"),
    ("guatemala", "Guatemala"),
    ("peru", "Peru"),
    ("honduras", "Honduras"),
    ("honduran", "Honduras"),
    ("chile", "Chile"),
    ("bolivia", "Bolivia"),
    ("ecuador", "Ecuador"),
    ("argentin", "Argentina"),
];

/// The first of the nine countries a text names, by name or people ("SALVADORAN"), for a
/// message whose dateline's place is not a place ("CLANDESTINE, 8 JAN 90"): its incidents are
/// keyed in one of the nine, and on dev the first named was the key's 16 times in 21.
pub fn first_country_named(text: &str) -> Option<&'static str> {
    let lower = text.to_ascii_lowercase();
    COUNTRY_WORDS
        .iter()
        .filter_map(|(word, country)| Some((first_word_start(&lower, word)?, *country)))
        .min_by_key(|(at, _)| *at)
        .map(|(_, country)| country)
}

/// What the gate reads about one template.
pub struct Context<'a> {
    /// The template as the adapter filled it.
    pub template: &'a Template,
    /// The sentences it was read from.
    pub sentences: Vec<&'a str>,
    /// Byte where its first sentence starts.
    pub start: usize,
    /// The message.
    pub text: &'a str,
    /// The dateline's day.
    pub dateline: Option<NaiveDate>,
    /// Opened at a violent word because the reader found no incident.
    pub fallback: bool,
    /// Templates the message has.
    pub count: usize,
}

/// The features of one template.
pub fn features(context: &Context<'_>) -> Vec<String> {
    let template = context.template;
    let mut out: BTreeSet<String> = BTreeSet::new();
    out.insert("bias".into());
    out.insert(format!("type={}", template.incident_type));
    out.insert(format!("fallback={}", context.fallback));
    out.insert(format!("count={}", context.count.min(4)));
    // Sentences before the template's first one (after the dateline's): leads report the news.
    let before = context.text[..context.start.min(context.text.len())].matches(". ").count();
    out.insert(format!("sentence={}", before.min(6)));
    let country = template
        .location
        .as_deref()
        .map(|location| normalise(location.split(':').next().unwrap_or_default()));
    out.insert(match country.as_deref() {
        None => "country=none".into(),
        Some(c) if COUNTRIES.contains(&c) => "country=nine".into(),
        Some(_) => "country=other".into(),
    });
    let gap =
        template.date.zip(context.dateline).map(|(day, dateline)| (dateline - day).num_days());
    out.insert(match gap {
        None => "age=none".into(),
        Some(days) if days < 0 => "age=future".into(),
        Some(days) if days <= 1 => "age=0-1".into(),
        Some(days) if days <= 7 => "age=2-7".into(),
        Some(days) if days <= 60 => "age=8-60".into(),
        Some(_) => "age=old".into(),
    });
    for sentence in &context.sentences {
        let words: Vec<String> = normalise(sentence).split(' ').map(str::to_string).collect();
        for (index, word) in words.iter().enumerate() {
            if word.is_empty() || word.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            out.insert(format!("w={word}"));
            if let Some(next) = words.get(index + 1) {
                out.insert(format!("b={word} {next}"));
            }
        }
    }
    out.into_iter().collect()
}

/// The trained gate.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TemplateGate {
    /// Weight per feature (features never seen in training weigh nothing).
    pub weights: BTreeMap<String, f32>,
    /// Least probability for a template to be kept.
    pub threshold: f32,
}

/// The logistic function.
pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// Logistic-regression weights learned from `(features, label)` examples in the order given:
/// SGD with L2 for [`EPOCHS`] passes, so the same examples give the same weights.
pub fn logistic(examples: &[(Vec<String>, bool)]) -> BTreeMap<String, f32> {
    let mut weights: BTreeMap<String, f32> = BTreeMap::new();
    for _ in 0..EPOCHS {
        for (features, label) in examples {
            let p = sigmoid(features.iter().filter_map(|f| weights.get(f)).sum());
            let gradient = p - f32::from(u8::from(*label));
            for feature in features {
                let weight = weights.entry(feature.clone()).or_default();
                *weight -= RATE * (gradient + L2 * *weight);
            }
        }
    }
    weights.retain(|_, w| w.abs() > 1e-4);
    weights
}

impl TemplateGate {
    /// Trains on `(features, aligned)` examples, in the order given.
    pub fn train(examples: &[(Vec<String>, bool)], threshold: f32) -> TemplateGate {
        TemplateGate { weights: logistic(examples), threshold }
    }

    /// The probability that a template with these features is one the key lists.
    pub fn probability(&self, features: &[String]) -> f32 {
        sigmoid(features.iter().filter_map(|f| self.weights.get(f)).sum())
    }

    /// Whether to keep a template.
    pub fn keeps(&self, context: &Context<'_>) -> bool {
        self.probability(&features(context)) >= self.threshold
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context<'a>(template: &'a Template, sentence: &'a str) -> Context<'a> {
        Context {
            template,
            sentences: vec![sentence],
            start: 0,
            text: sentence,
            dateline: None,
            fallback: false,
            count: 1,
        }
    }

    #[test]
    fn learns_to_drop_clashes_and_keep_attacks() {
        let template = Template { incident_type: "attack".into(), ..Template::default() };
        let kept = ["TERRORISTS MURDERED A PEASANT.", "URBAN TERRORISTS ATTACKED A BUS."];
        let dropped = ["TROOPS CLASHED WITH GUERRILLAS.", "SOLDIERS DIED IN A CLASH."];
        let mut examples = Vec::new();
        for _ in 0..10 {
            for (sentence, label) in
                kept.iter().map(|s| (s, true)).chain(dropped.iter().map(|s| (s, false)))
            {
                examples.push((features(&context(&template, sentence)), label));
            }
        }
        let gate = TemplateGate::train(&examples, 0.5);
        assert!(gate.keeps(&context(&template, "TERRORISTS ATTACKED A PEASANT.")));
        assert!(!gate.keeps(&context(&template, "GUERRILLAS CLASHED WITH SOLDIERS.")));
    }

    #[test]
    fn first_country_named_by_name_or_people() {
        let text = "CLANDESTINE, 8 JAN 90 -- CHILEANS OF THE SALVADORAN ARMY IN COLOMBIA";
        assert_eq!(first_country_named(text), Some("Chile"));
        assert_eq!(first_country_named("THE SALVADORAN ARMY IN COLOMBIA"), Some("El Salvador"));
        assert_eq!(first_country_named("IMPERUVIAN PANAMA"), None);
    }

    #[test]
    fn features_read_country_and_age() {
        let template = Template {
            incident_type: "bombing".into(),
            location: Some("Spain: Madrid".into()),
            date: NaiveDate::from_ymd_opt(1989, 1, 1),
            ..Template::default()
        };
        let mut c = context(&template, "A BOMB EXPLODED.");
        c.dateline = NaiveDate::from_ymd_opt(1989, 6, 1);
        let found = features(&c);
        for expected in ["country=other", "age=old", "type=bombing", "w=bomb", "b=bomb exploded"] {
            assert!(found.iter().any(|f| f == expected), "{expected} in {found:?}");
        }
    }
}
