//! Trainer score summaries: from records to a compact score matrix ([`dataset`]), the statistics ([`stats`],
//! [`analysis`]) and their exports.

pub mod analysis;
pub mod answer_words;
pub mod chosen;
pub mod conformity;
pub mod corrections;
pub mod dataset;
pub mod export;
pub mod form_title;
pub mod identities;
pub mod known;
pub mod languages;
pub mod overview;
pub mod pseudonym;
pub mod record_shapes;
pub mod reduce;
pub mod scores;
pub mod sealed;
pub mod shared_text;
pub mod stats;
#[cfg(test)]
mod test_records;
pub mod translate;

pub use analysis::{Report, analyse};
pub use dataset::{AttemptChoice, Dataset, Filter};
pub use reduce::{build, build_from_folders};
