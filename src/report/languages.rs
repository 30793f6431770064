//! A question's facility per language of its quiz: items are pooled across languages by id, and this split shows
//! a translation that makes a question harder (or gives its answer away).

use std::collections::BTreeSet;

use serde::Serialize;

use super::dataset::AttemptRow;
use super::stats::mean;

/// A question's facility among the attempts taken in one language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LanguageFacility {
    /// Language code.
    pub language: String,
    /// Attempts in that language.
    pub n: usize,
    /// Mean score over full marks (0-1).
    pub facility: Option<f64>,
}

/// The facility of question `q` (worth `max`) per language of `rows`; empty when they share one language.
pub fn by_language(rows: &[Box<AttemptRow>], q: usize, max: f64) -> Vec<LanguageFacility> {
    let languages: BTreeSet<&str> = rows.iter().map(|r| r.language.as_str()).collect();
    if languages.len() < 2 {
        return Vec::new();
    }
    languages
        .into_iter()
        .map(|language| {
            let fractions: Vec<f64> = rows
                .iter()
                .filter(|r| r.language == language)
                .map(|r| {
                    let score = r.scores.get(q).unwrap_or(0.0);
                    if max > 0.0 { score / max } else { 0.0 }
                })
                .collect();
            LanguageFacility {
                language: language.to_owned(),
                n: fractions.len(),
                facility: mean(&fractions),
            }
        })
        .collect()
}
