//! The report in four forms: readable tables for the terminal, CSV for spreadsheets, JSON for programs, and one
//! self-contained HTML page with charts for printing.

mod charts;
pub mod corrections;
pub mod csv;
pub mod html;
pub mod identities;
pub mod overview;
pub mod text;

use crate::config::Group;
use crate::i18n::{Lang, ReportStrings, fill};
use crate::quiz::{FeedbackMode, Taxonomy};
use crate::report::Report;
use crate::report::analysis::{MissedIndicator, QuestionReport, QuizReport};
use crate::report::conformity::{Departure, Deviation};
use crate::report::dataset::ContentVariant;
use crate::report::languages::LanguageFacility;
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

/// Cronbach's alpha and the standard error of measurement in words, the SEM in points and, given the quiz's
/// full marks `max`, in percent (`alpha 0.81 · SEM 1.11 points (15.9%)`), or why they are not given.
pub fn reliability_figures(
    reliability: Option<&Reliability>,
    max: Option<f64>,
    r: &ReportStrings,
) -> String {
    match reliability {
        Some(rel) => {
            let share = max
                .filter(|m| *m > 0.0)
                .map(|m| format!(" ({:.1}%)", 100.0 * rel.standard_error / m))
                .unwrap_or_default();
            format!(
                "{} {:.2} · {} {:.2} {}{share} · {} {:.1}%",
                r.alpha_sem[0],
                rel.alpha,
                r.alpha_sem[1],
                rel.standard_error,
                r.points,
                r.error_ratio,
                rel.error_ratio
            )
        }
        None => r.undefined.to_owned(),
    }
}

/// A quiz's full marks, as its counted attempts were scored against.
pub fn full_marks(quiz: &QuizReport) -> Option<f64> {
    quiz.attempts.first().map(|a| a.max)
}

/// "2 attempts in progress, 1 discarded (not counted)", with the plural forms of `lang`.
pub fn not_counted(report: &Report, lang: Lang) -> String {
    let r = lang.report();
    fill(
        r.not_counted,
        &[
            (
                "in_progress",
                &lang.count(report.in_progress as u64, r.in_progress),
            ),
            (
                "discarded",
                &lang.count(report.discarded as u64, r.discarded),
            ),
        ],
    )
}

/// "missed 3 of 5 times", with the plural forms of `lang`.
pub fn missed_of(missed: &MissedIndicator, lang: Lang) -> String {
    let r = lang.report();
    fill(
        r.missed_of,
        &[
            ("missed", &missed.missed.to_string()),
            ("shown", &missed.shown.to_string()),
            ("times", lang.plural(missed.shown as u64, r.times)),
        ],
    )
}

/// The contents a quiz's records were made from, in words: language, version, hash and how many records.
pub fn contents_note(variants: &[ContentVariant], lang: Lang) -> String {
    let r = lang.report();
    let listed: Vec<String> = variants
        .iter()
        .map(|v| {
            let hash: String = v.content_hash.chars().take(15).collect();
            format!(
                "{} v{} {hash}… ({})",
                v.language,
                v.version,
                lang.count(v.records as u64, r.records)
            )
        })
        .collect();
    fill(r.contents, &[("contents", &listed.join(", "))])
}

/// How an attempt departs from the trainer's config, in words.
pub fn departure(deviation: &Deviation, lang: Lang) -> String {
    let r = lang.report();
    let mode = |m: FeedbackMode| match m {
        FeedbackMode::Immediate => r.feedback_modes[0],
        FeedbackMode::Deferred => r.feedback_modes[1],
    };
    match deviation.departure {
        Departure::NotOffered => fill(r.not_offered, &[("phase", lang.phase(deviation.phase))]),
        Departure::Feedback { stored, expected } => fill(
            r.feedback_differs,
            &[("stored", mode(stored)), ("expected", mode(expected))],
        ),
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
        d.standard_deviation.map_or_else(
            || "—".to_owned(),
            |sd| format!("{sd:.1} {}", r.percentage_points)
        ),
        f[4],
        percent_sign(d.min),
        f[5],
        percent_sign(d.max),
        f[6],
        percent_sign(d.pass_rate.map(|p| 100.0 * p))
    )
}

/// Skewness and kurtosis of a distribution in words, with what they are measured in:
/// `skewness -0.42 · kurtosis 1.05 (no unit; …)`.
pub fn shape_line(d: &Distribution, r: &ReportStrings) -> String {
    let figure = |value: Option<f64>| value.map_or_else(|| "—".to_owned(), |v| format!("{v:.2}"));
    format!(
        "{} {} · {} {} ({})",
        r.shape[1],
        figure(d.skewness),
        r.shape[2],
        figure(d.kurtosis),
        r.shape_unit
    )
}

/// What names a question in a table: its prompt in the report's language, or its id when no text is known.
pub fn question_text(question: &QuestionReport) -> &str {
    if question.prompt.is_empty() {
        &question.id
    } else {
        &question.prompt
    }
}

/// A question's facility per language, `en 0.71 (5) · ru 0.43 (2)` (attempts in brackets).
pub fn language_split(split: &[LanguageFacility]) -> String {
    split
        .iter()
        .map(|l| format!("{} {} ({})", l.language, decimal(l.facility), l.n))
        .collect::<Vec<_>>()
        .join(" · ")
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
        assert!(known.contains("SD 35.4 pp"), "{known}");
    }

    #[test]
    fn skewness_and_kurtosis_are_given_with_two_decimals_and_their_unit() {
        let r = Lang::En.report();
        let shape = shape_line(&Distribution::of(&[0.0, 10.0, 20.0, 100.0], None), r);
        assert!(
            shape.starts_with("skewness 1.81 · kurtosis 3.38 (no unit"),
            "{shape}"
        );
        let flat = shape_line(&Distribution::of(&[50.0, 50.0], None), r);
        assert!(flat.starts_with("skewness — · kurtosis —"), "{flat}");
    }

    #[test]
    fn the_standard_error_is_given_in_points_and_in_percent() {
        let r = Lang::En.report();
        let rel = Reliability {
            alpha: 0.5,
            standard_error: 1.11,
            error_ratio: 43.6,
        };
        assert_eq!(
            reliability_figures(Some(&rel), Some(7.0), r),
            "Cronbach's alpha 0.50 · standard error of measurement 1.11 points (15.9%) · error ratio 43.6%"
        );
        assert!(
            reliability_figures(Some(&rel), None, r).ends_with("1.11 points · error ratio 43.6%")
        );
    }

    #[test]
    fn counts_take_the_plural_form_of_their_number() {
        let report = |in_progress, discarded| Report {
            overview: Default::default(),
            quizzes: Vec::new(),
            pre_post: Vec::new(),
            problems: Vec::new(),
            deviations: Vec::new(),
            corrections: Vec::new(),
            identity_notes: Default::default(),
            in_progress,
            discarded,
            regraded: false,
            thresholds: crate::report::stats::Thresholds::default(),
        };
        let expected = [
            (
                1,
                "1 attempt in progress",
                "1 попытка в процессе",
                "1 отменена",
            ),
            (
                2,
                "2 attempts in progress",
                "2 попытки в процессе",
                "2 отменены",
            ),
            (
                5,
                "5 attempts in progress",
                "5 попыток в процессе",
                "5 отменено",
            ),
            (
                11,
                "11 attempts in progress",
                "11 попыток в процессе",
                "11 отменено",
            ),
            (
                21,
                "21 attempts in progress",
                "21 попытка в процессе",
                "21 отменена",
            ),
        ];
        for (n, en, ru, ru_discarded) in expected {
            let en_text = not_counted(&report(n, n), Lang::En);
            assert_eq!(en_text, format!("{en}, {n} discarded (not counted)"));
            let ru_text = not_counted(&report(n, n), Lang::Ru);
            assert_eq!(
                ru_text,
                format!("{ru}, {ru_discarded} (не учитываются)"),
                "{n}"
            );
            let kk_text = not_counted(&report(n, n), Lang::Kk);
            assert!(
                kk_text.starts_with(&format!("{n} әрекет орындалуда")),
                "{kk_text}"
            );
            let missed = MissedIndicator {
                tag: "debt".into(),
                shown: n,
                missed: 1,
                rate: 1.0 / n as f64,
            };
            let times = if n == 1 { "time" } else { "times" };
            let ru_attempts = match n {
                1 | 21 => "попытка",
                2 => "попытки",
                _ => "попыток",
            };
            assert_eq!(
                Lang::Ru.count(n as u64, Lang::Ru.report().attempts),
                format!("{n} {ru_attempts}")
            );
            assert_eq!(
                missed_of(&missed, Lang::En),
                format!("missed 1 of {n} {times}")
            );
            let ru_times = if n == 1 || n == 21 {
                "раза"
            } else {
                "раз"
            };
            assert_eq!(
                missed_of(&missed, Lang::Ru),
                format!("пропущено 1 из {n} {ru_times}")
            );
        }
    }
}
