//! The report in four forms: readable tables for the terminal, CSV for spreadsheets, JSON for programs, and one
//! self-contained HTML page with charts for printing.

pub mod csv;
pub mod html;
pub mod text;

use crate::config::Group;
use crate::i18n::{Lang, ReportStrings};
use crate::quiz::Taxonomy;
use crate::report::stats::{Distribution, Flag, Reliability};

/// What turns ids into words: the language, tag labels and group labels.
#[derive(Debug, Clone, Copy)]
pub struct Labels<'a> {
    /// The language of the report.
    pub lang: Lang,
    /// Tag labels.
    pub taxonomy: &'a Taxonomy,
    /// Group labels.
    pub groups: &'a [Group],
}

impl Labels<'_> {
    /// The label of tag `id`.
    pub fn tag<'b>(&'b self, id: &'b str) -> &'b str {
        self.taxonomy.label(id, self.lang.code())
    }

    /// The label of group `id`.
    pub fn group<'b>(&'b self, id: &'b str) -> &'b str {
        self.groups
            .iter()
            .find(|g| g.id == id)
            .map_or(id, |g| g.label.get(self.lang.code()))
    }
}

/// A percentage with one decimal, or "—" when not defined.
pub fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.1}"))
}

/// A percentage with one decimal and its sign, or "—" when not defined.
pub fn percent_sign(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.1}%"))
}

/// Cronbach's alpha and the standard error of measurement in words (`alpha 0.81 · SEM 7.20`), or why they are
/// not given.
pub fn reliability_figures(reliability: Option<&Reliability>, r: &ReportStrings) -> String {
    match reliability {
        Some(rel) => format!(
            "{} {:.2} · {} {:.2}",
            r.alpha_sem[0], rel.alpha, r.alpha_sem[1], rel.standard_error
        ),
        None => r.undefined.to_owned(),
    }
}

/// A number with two decimals, or "—" when not defined.
pub fn decimal(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.2}"))
}

/// The question flags in words, separated by commas.
pub fn flag_words(flags: &[Flag], r: &ReportStrings) -> String {
    flags
        .iter()
        .map(|f| match f {
            Flag::TooHard => r.flags[0],
            Flag::TooEasy => r.flags[1],
            Flag::LowDiscrimination => r.flags[2],
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// "attempts 12 · mean 61.5% · ..." on one line.
pub fn distribution_line(d: &Distribution, r: &ReportStrings) -> String {
    let f = r.figures;
    format!(
        "{} {} · {} {} · {} {} · {} {} · {} {} · {} {} · {} {}",
        f[0],
        d.n,
        f[1],
        percent_sign(d.mean),
        f[2],
        percent_sign(d.median),
        f[3],
        percent(d.standard_deviation),
        f[4],
        percent_sign(d.min),
        f[5],
        percent_sign(d.max),
        f[6],
        percent_sign(d.pass_rate.map(|p| 100.0 * p))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_figure_is_a_dash_without_a_percent_sign() {
        let r = Lang::En.report();
        let known = distribution_line(&Distribution::of(&[50.0, 100.0], Some(60.0)), r);
        assert!(known.contains("mean 75.0%"), "{known}");
        assert!(known.contains("pass rate 50.0%"), "{known}");
        let unknown = distribution_line(&Distribution::of(&[50.0, 100.0], None), r);
        assert!(unknown.ends_with("pass rate —"), "{unknown}");
        let empty = distribution_line(&Distribution::of(&[], None), r);
        assert!(!empty.contains("—%"), "{empty}");
    }
}
