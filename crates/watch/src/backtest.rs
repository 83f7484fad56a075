//! Backtests: forecasts of next week's count scored against naive baselines, and alerts scored
//! against known escalations, on generated series.
//!
//! **Forecasts.** The model forecasts next week's count as a Poisson distribution whose mean is
//! an exponentially weighted average of the weeks before (weight 0.3 on the latest week). Two
//! baselines: *no change* (all mass on last week's count) and *last count* (a Poisson with last
//! week's count as mean, at least 0.1). Each forecast is scored by CRPS (lower is better; for a
//! point forecast it is the absolute error) and by the ignorance score, −log2 of the
//! probability given to what happened (a point forecast that misses gets the probability 1e-6,
//! about 19.9 bits, rather than infinity).
//!
//! **Alerts.** The detectors of [`rules`](crate::rules) (surge; Poisson tail) are run week by
//! week on counts alone. Alerts less than four weeks apart are one episode. An escalation is
//! detected when an episode starts in the four weeks from its onset; the lead time is the number
//! of weeks from the onset to that episode (0: the same week). An episode is true when it starts
//! in the twelve weeks from an onset (the time the detectors' baselines take to absorb a new
//! level), false otherwise.

use serde::Serialize;

use crate::rules::poisson_tail;

/// Probability a missed point forecast is charged in the ignorance score.
const MISSED: f64 = 1e-6;

/// Weight of the latest week in the model's average.
const ALPHA: f64 = 0.3;

/// P(X = k) for X ~ Poisson(mean).
fn pmf(mean: f64, k: u32) -> f64 {
    let mut p = (-mean).exp();
    for i in 1..=k {
        p *= mean / f64::from(i);
    }
    p
}

/// CRPS of a Poisson forecast for an observed count.
pub fn crps_poisson(mean: f64, observed: u32) -> f64 {
    let top = observed.max((mean + 10.0 * mean.sqrt() + 10.0) as u32);
    let mut cdf = 0.0;
    let mut total = 0.0;
    for k in 0..=top {
        cdf += pmf(mean, k);
        let step = if observed <= k { 1.0 } else { 0.0 };
        total += (cdf - step).powi(2);
    }
    total
}

/// Ignorance (bits) of a Poisson forecast.
pub fn ignorance_poisson(mean: f64, observed: u32) -> f64 {
    -pmf(mean, observed).max(MISSED).log2()
}

/// Mean scores of one forecaster.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Scored {
    /// Mean CRPS.
    pub crps: f64,
    /// Mean ignorance, bits.
    pub ignorance: f64,
}

/// The model and the two baselines over the same weeks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ForecastReport {
    /// Weeks forecast.
    pub weeks: usize,
    /// The EWMA Poisson model.
    pub model: Scored,
    /// No change.
    pub no_change: Scored,
    /// Poisson with last week's count as mean.
    pub last_count: Scored,
}

/// Forecasts every week after the first `warmup` from the weeks before it only.
pub fn forecast(counts: &[u32], warmup: usize) -> ForecastReport {
    let mut report = ForecastReport::default();
    if counts.len() <= warmup.max(1) {
        return report;
    }
    let mut level =
        counts[..warmup.max(1)].iter().map(|&c| f64::from(c)).sum::<f64>() / warmup.max(1) as f64;
    for t in warmup.max(1)..counts.len() {
        let (last, observed) = (counts[t - 1], counts[t]);
        if t > warmup.max(1) {
            level = ALPHA * f64::from(last) + (1.0 - ALPHA) * level;
        }
        let mean = level.max(0.1);
        report.model.crps += crps_poisson(mean, observed);
        report.model.ignorance += ignorance_poisson(mean, observed);
        report.no_change.crps += (f64::from(last) - f64::from(observed)).abs();
        report.no_change.ignorance += if last == observed { 0.0 } else { -MISSED.log2() };
        let naive = f64::from(last).max(0.1);
        report.last_count.crps += crps_poisson(naive, observed);
        report.last_count.ignorance += ignorance_poisson(naive, observed);
        report.weeks += 1;
    }
    let n = report.weeks as f64;
    for scored in [&mut report.model, &mut report.no_change, &mut report.last_count] {
        scored.crps /= n;
        scored.ignorance /= n;
    }
    report
}

/// A count-only detector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Detector {
    /// ACLED's surge: at least twice the average of the four weeks before, that average >= 1.
    Surge,
    /// Poisson tail: P < 0.01 under the average of the twelve weeks before, at least two.
    Poisson,
    /// Poisson CUSUM (Page 1954; Lucas 1985) for a doubling of the rate: S = max(0, S + x ln 2 -
    /// λ0) with λ0 the average of weeks t-16 to t-5 (at least 0.5), alarm and reset when S > 6.
    Cusum,
}

/// Weeks a detector raises an alert.
pub fn alert_weeks(counts: &[u32], detector: Detector) -> Vec<usize> {
    let mut weeks = Vec::new();
    let mut cusum = 0.0;
    for t in 16..counts.len() {
        let mean = |from: usize, to: usize| {
            counts[from..to].iter().map(|&c| f64::from(c)).sum::<f64>() / (to - from) as f64
        };
        let observed = counts[t];
        let alert = match detector {
            Detector::Surge => {
                let four = mean(t - 4, t);
                four >= 1.0 && f64::from(observed) >= 2.0 * four
            }
            Detector::Poisson => {
                observed >= 2 && poisson_tail(mean(t - 12, t).max(0.1), observed) < 0.01
            }
            Detector::Cusum => {
                let base = mean(t - 16, t - 4).max(0.5);
                cusum = (cusum + f64::from(observed) * std::f64::consts::LN_2 - base).max(0.0);
                if cusum > 6.0 {
                    cusum = 0.0;
                    true
                } else {
                    false
                }
            }
        };
        if alert {
            weeks.push(t);
        }
    }
    weeks
}

/// Alert precision, recall and lead time against known escalation onsets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct AlertReport {
    /// Escalations.
    pub escalations: usize,
    /// Escalations with an alert in their first four weeks.
    pub detected: usize,
    /// Alert episodes (alerts less than four weeks apart are one).
    pub alerts: usize,
    /// Episodes starting outside every escalation's first twelve weeks.
    pub false_alerts: usize,
    /// Share of episodes that are true.
    pub precision: f64,
    /// Share of escalations detected.
    pub recall: f64,
    /// Mean weeks from onset to the first alert, over detected escalations.
    pub mean_lead_weeks: f64,
}

/// Scores alerts on series with known onsets (`(counts, onsets)` per series).
pub fn score_alerts(series: &[(Vec<u32>, Vec<usize>)], detector: Detector) -> AlertReport {
    let mut report = AlertReport::default();
    let mut lead_total = 0.0;
    for (counts, onsets) in series {
        let mut episodes: Vec<usize> = Vec::new();
        let mut last: Option<usize> = None;
        for week in alert_weeks(counts, detector) {
            if last.is_none_or(|previous| week >= previous + 4) {
                episodes.push(week);
            }
            last = Some(week);
        }
        report.alerts += episodes.len();
        report.escalations += onsets.len();
        for &onset in onsets {
            if let Some(first) = episodes.iter().find(|&&week| week >= onset && week < onset + 4) {
                report.detected += 1;
                lead_total += (first - onset) as f64;
            }
        }
        report.false_alerts += episodes
            .iter()
            .filter(|&&week| !onsets.iter().any(|&onset| week >= onset && week < onset + 12))
            .count();
    }
    report.precision = if report.alerts == 0 {
        1.0
    } else {
        (report.alerts - report.false_alerts) as f64 / report.alerts as f64
    };
    report.recall = if report.escalations == 0 {
        1.0
    } else {
        report.detected as f64 / report.escalations as f64
    };
    report.mean_lead_weeks =
        if report.detected == 0 { 0.0 } else { lead_total / report.detected as f64 };
    report
}

/// A deterministic generator for test series.
struct Lcg(u64);

impl Lcg {
    fn uniform(&mut self) -> f64 {
        self.0 =
            self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 11) as f64) / ((1u64 << 53) as f64)
    }

    /// A Poisson draw (Knuth's method; the means here are small).
    fn poisson(&mut self, mean: f64) -> u32 {
        let limit = (-mean).exp();
        let (mut k, mut product) = (0, self.uniform());
        while product > limit {
            k += 1;
            product *= self.uniform();
        }
        k
    }
}

/// `count` generated weekly series of `weeks` weeks: a Poisson base rate (1 to 3 a week), and in
/// each an escalation to four times that rate from a known week on. Returns the counts and the
/// onsets.
pub fn generated(count: usize, weeks: usize, seed: u64) -> Vec<(Vec<u32>, Vec<usize>)> {
    let mut random = Lcg(seed);
    (0..count)
        .map(|index| {
            let base = 1.0 + (index % 3) as f64;
            let onset = weeks / 2 + (random.uniform() * (weeks / 3) as f64) as usize;
            let counts = (0..weeks)
                .map(|week| random.poisson(if week >= onset { 4.0 * base } else { base }))
                .collect();
            (counts, vec![onset])
        })
        .collect()
}
