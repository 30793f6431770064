//! The report as readable tables for the terminal, fitted to its width.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use super::{
    Labels, contents_note, corrections, decimal, departure, distribution_line, flag_words,
    full_marks, language_split, missed_of, not_counted, overview, percent, question_text,
    reliability_figures, shape_line,
};
use crate::i18n::{Lang, ReportStrings, fill};
use crate::record::scan::Problem;
use crate::report::Report;
use crate::report::analysis::{GainRow, QuestionReport, QuizReport};
use crate::text::{printable_line, truncate, wrap};

/// Below this many characters for a question's text beside its figures, questions are numbered and each gets a
/// line of its own: ten characters of a prompt do not tell "Which of the…" from "Which of the…".
const NUMBERED_BELOW: usize = 30;

/// The blank lead of a row of figures under its numbered question.
const NUMBER_WIDTH: usize = 2;

/// Cuts `text`, made printable here, to `width` columns, marking a cut with `…`.
pub(crate) fn cut(text: &str, width: usize) -> String {
    truncate(&printable_line(text), width)
}

/// A file that could not be used, as a line of its own: its path (whole, however long), then why, in `lang`.
pub(crate) fn problem_line(problem: &Problem, lang: Lang) -> String {
    format!(
        "  {}: {}",
        printable_line(&problem.path.display().to_string()),
        printable_line(&lang.reason(&problem.reason))
    )
}

/// Left-aligns `text` in `width` columns (by display width), cut with `…` where it is wider.
pub(crate) fn pad(text: &str, width: usize) -> String {
    let shown = cut(text, width);
    let fill = width.saturating_sub(shown.width());
    format!("{shown}{}", " ".repeat(fill))
}

/// Writes `text`, made printable here, as lines of at most `width` columns, the first `indent` columns in and
/// the further ones two more.
pub(super) fn write_wrapped(out: &mut String, text: &str, width: usize, indent: usize) {
    let room = u16::try_from(width.saturating_sub(indent + 2).max(20)).unwrap_or(u16::MAX);
    for (n, line) in wrap(&printable_line(text), room).iter().enumerate() {
        let lead = if n == 0 { indent } else { indent + 2 };
        let _ = writeln!(out, "{}{line}", " ".repeat(lead));
    }
}

/// The columns of a pre/post comparison's pairs: one per figure, as wide as its head (at least `least`), and the
/// participant's, what is left of a line (within `names`).
pub(crate) struct GainTable {
    widths: [usize; 4],
    name_width: usize,
}

impl GainTable {
    /// The columns for lines `width` columns wide.
    pub(crate) fn new(
        r: &ReportStrings,
        width: usize,
        least: usize,
        names: std::ops::RangeInclusive<usize>,
    ) -> Self {
        let widths = r.gain_heads.map(|head| head.width().max(least));
        let name_width = width
            .saturating_sub(widths.iter().map(|w| w + 2).sum::<usize>())
            .clamp(*names.start(), *names.end());
        Self { widths, name_width }
    }

    /// The line of the heads.
    pub(crate) fn heads(&self, r: &ReportStrings) -> String {
        self.line(r.participant, &r.gain_heads.map(str::to_owned))
    }

    /// The line of one participant's pair, under `name`.
    pub(crate) fn pair(&self, name: &str, pair: &GainRow) -> String {
        let cells = [
            format!("{:.1}", pair.pre),
            format!("{:.1}", pair.post),
            format!("{:+.1}", pair.gain),
            decimal(pair.normalised_gain),
        ];
        self.line(name, &cells)
    }

    /// `name` (cut or padded to its column) and `cells`, each right-aligned in its column.
    pub(crate) fn line(&self, name: &str, cells: &[String; 4]) -> String {
        let mut line = pad(name, self.name_width);
        for (cell, width) in cells.iter().zip(self.widths) {
            let _ = write!(line, "  {cell:>width$}");
        }
        line.trim_end().to_owned()
    }
}

/// Renders the report in `width` columns.
pub fn render(report: &Report, labels: &Labels<'_>, width: usize) -> String {
    let r = labels.lang.report();
    let width = width.max(60);
    let mut out = String::new();
    let rule = "─".repeat(width);
    let _ = writeln!(out, "{}", r.title);
    if report.regraded {
        let _ = writeln!(out, "{}", r.regraded);
    }
    corrections::text(&mut out, &report.corrections, labels.lang, width);
    if report.quizzes.is_empty() {
        let _ = writeln!(out, "{}", r.nothing);
    } else {
        let _ = writeln!(out, "\n{rule}");
        overview::text(&mut out, &report.overview, labels, width);
    }
    for quiz in &report.quizzes {
        let _ = writeln!(out, "\n{rule}");
        quiz_section(&mut out, quiz, labels, width);
    }
    for comparison in &report.pre_post {
        let _ = writeln!(
            out,
            "\n{rule}\n{} · {}",
            r.pre_post,
            printable_line(&comparison.title)
        );
        let table = GainTable::new(r, width, 7, 12..=30);
        let _ = writeln!(out, "{}", table.heads(r));
        for pair in &comparison.pairs {
            let name = format!("{} ({})", pair.name, labels.group(&pair.group));
            let _ = writeln!(out, "{}", table.pair(&name, pair));
        }
        let means = [
            percent(comparison.mean_pre),
            percent(comparison.mean_post),
            percent(comparison.mean_gain),
            String::new(),
        ];
        let _ = writeln!(out, "{}", table.line(r.figures[1], &means));
        let _ = writeln!(
            out,
            "{}: {}",
            r.mean_normalised,
            decimal(comparison.mean_normalised_gain)
        );
        let _ = writeln!(
            out,
            "{}: {}",
            r.normalised_of_means,
            decimal(comparison.normalised_gain_of_means)
        );
        if !comparison.perfect_pre.is_empty() {
            let names: Vec<String> = comparison
                .perfect_pre
                .iter()
                .map(|n| printable_line(n).into_owned())
                .collect();
            write_wrapped(
                &mut out,
                &format!("{}: {}", r.perfect_pre, names.join(", ")),
                width,
                0,
            );
        }
        if !comparison.unmatched.is_empty() {
            let names: Vec<String> = comparison
                .unmatched
                .iter()
                .map(|u| {
                    format!(
                        "{} ({})",
                        printable_line(&u.name),
                        labels.lang.phase(u.phase)
                    )
                })
                .collect();
            write_wrapped(
                &mut out,
                &format!("{}: {}", r.unmatched, names.join(", ")),
                width,
                0,
            );
        }
    }
    super::identities::text(&mut out, &report.identity_notes, labels, width);
    if !report.deviations.is_empty() {
        let _ = writeln!(out, "\n{}:", r.deviations);
        for deviation in &report.deviations {
            let _ = writeln!(
                out,
                "  {} · {} · {}: {}",
                printable_line(&deviation.name),
                printable_line(&deviation.quiz),
                printable_line(&deviation.file.display().to_string()),
                departure(deviation, labels.lang)
            );
        }
    }
    if report.in_progress + report.discarded > 0 {
        let _ = writeln!(out, "\n{}", not_counted(report, labels.lang));
    }
    if !report.problems.is_empty() {
        let _ = writeln!(out, "\n{}:", r.problems);
        for problem in &report.problems {
            let _ = writeln!(out, "{}", problem_line(problem, labels.lang));
        }
    }
    out
}

fn quiz_section(out: &mut String, quiz: &QuizReport, labels: &Labels<'_>, width: usize) {
    let r = labels.lang.report();
    write_wrapped(
        out,
        &format!("{} · {} ({})", r.quiz, quiz.quiz.title, quiz.quiz.id),
        width,
        0,
    );
    if !quiz.mixed_versions.is_empty() {
        let versions: Vec<String> = quiz.mixed_versions.iter().map(u32::to_string).collect();
        let _ = writeln!(
            out,
            "! {}",
            fill(r.versions, &[("versions", &versions.join(", "))])
        );
    }
    if !quiz.mixed_content.is_empty() {
        let _ = writeln!(
            out,
            "! {}",
            printable_line(&contents_note(&quiz.mixed_content, labels.lang))
        );
    }
    let _ = writeln!(out, "\n{}", r.distribution);
    write_wrapped(out, &distribution_line(&quiz.distribution, r), width, 0);
    write_wrapped(
        out,
        &format!("{}: {}", r.shape[0], shape_line(&quiz.distribution, r)),
        width,
        0,
    );
    let peak = quiz
        .distribution
        .histogram
        .iter()
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let _ = writeln!(out, "{}", r.histogram);
    for (bin, count) in quiz.distribution.histogram.iter().enumerate() {
        let bar = "█".repeat(count * 30 / peak);
        let _ = writeln!(
            out,
            "  {:>3}-{:<4} {bar} {count}",
            bin * 10,
            format!("{}%", bin * 10 + 10)
        );
    }
    write_wrapped(
        out,
        &format!(
            "{}: {}",
            r.reliability,
            reliability_figures(quiz.reliability.as_ref(), full_marks(quiz), r)
        ),
        width,
        0,
    );
    let _ = writeln!(out, "\n{}", r.participants);
    let name_width = width.saturating_sub(46).clamp(12, 40);
    let _ = writeln!(
        out,
        "{}  {}  {}  {:>9}",
        pad(r.participant, name_width),
        pad(r.group, 16),
        pad(r.phase, 14),
        r.score
    );
    for attempt in &quiz.attempts {
        let name = match &attempt.code {
            Some(code) => format!("{} ({code})", attempt.name),
            None => attempt.name.to_string(),
        };
        let _ = writeln!(
            out,
            "{}  {}  {}  {:>8.1}%",
            pad(&name, name_width),
            pad(labels.group(&attempt.group), 16),
            pad(labels.lang.phase(attempt.phase), 14),
            attempt.percent()
        );
    }
    let _ = writeln!(out, "\n{}", r.questions);
    let [facility, sd, discrimination, efficiency, look] = r.item_heads;
    let widths =
        [facility, sd, discrimination, efficiency, r.weight_head].map(|head| head.width().max(6));
    let figures_width = widths.iter().map(|w| w + 2).sum::<usize>();
    // Room for the flags beside the figures where there is some; never so wide that the heads do not fit.
    let text_width = width
        .saturating_sub(figures_width + look.width().max(20))
        .clamp(10, 40)
        .min(
            width
                .saturating_sub(figures_width + 2 + look.width())
                .max(8),
        );
    // Where that leaves a question too few characters to be told from the others, each question gets a line of
    // its own, numbered, with its figures on the line below.
    let numbered = text_width < NUMBERED_BELOW;
    let lead_width = if numbered { NUMBER_WIDTH } else { text_width };
    let heading = |at: usize, question: &QuestionReport, room: usize| {
        format!("{:>2}. {}", at + 1, cut(question_text(question), room))
    };
    let _ = writeln!(
        out,
        "{}  {:>w0$}  {:>w1$}  {:>w2$}  {:>w3$}  {:>w4$}  {look}",
        pad("", lead_width),
        facility,
        sd,
        discrimination,
        efficiency,
        r.weight_head,
        w0 = widths[0],
        w1 = widths[1],
        w2 = widths[2],
        w3 = widths[3],
        w4 = widths[4],
    );
    // Flags too long for the room beside the figures go on the lines below their row, indented.
    let flags_room = width.saturating_sub(lead_width + figures_width + 2);
    for (at, question) in quiz.questions.iter().enumerate() {
        let lead = if numbered {
            let _ = writeln!(out, "{}", heading(at, question, width.saturating_sub(4)));
            String::new()
        } else {
            question_text(question).to_owned()
        };
        let flags = flag_words(&question.stats.flags, r);
        let below = flags.width() > flags_room;
        let _ = writeln!(
            out,
            "{}  {:>w0$}  {:>w1$}  {:>w2$}  {:>w3$}  {:>w4$}  {}",
            pad(&lead, lead_width),
            decimal(question.stats.facility),
            decimal(question.stats.standard_deviation),
            percent(question.stats.discrimination),
            percent(question.stats.efficiency),
            percent(question.stats.effective_weight),
            if below { "" } else { flags.as_str() },
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3],
            w4 = widths[4],
        );
        if below {
            write_wrapped(out, &flags, width, 4);
        }
    }
    write_wrapped(
        out,
        &format!("({}; {})", r.item_legend, r.weight_legend),
        width,
        0,
    );
    if quiz.questions.iter().any(|q| !q.by_language.is_empty()) {
        let _ = writeln!(out, "\n{}", r.by_language);
        for (at, question) in quiz.questions.iter().enumerate() {
            let split = printable_line(&language_split(&question.by_language)).into_owned();
            let lead = if numbered {
                let room = width.saturating_sub(split.width() + 6).max(10);
                pad(&heading(at, question, room), room + 4)
            } else {
                pad(question_text(question), text_width)
            };
            let _ = writeln!(out, "{lead}  {split}");
        }
    }
    if !quiz.tags.is_empty() {
        let _ = writeln!(out, "\n{}", r.tags);
        let tag_width = quiz
            .tags
            .iter()
            .map(|t| labels.tag(&t.tag).width())
            .max()
            .unwrap_or(0)
            .min(width / 2);
        for tag in &quiz.tags {
            let filled = (tag.facility.clamp(0.0, 1.0) * 20.0).round() as usize;
            let _ = writeln!(
                out,
                "  {} {}{} {:>3.0}%",
                pad(labels.tag(&tag.tag), tag_width),
                "█".repeat(filled),
                "░".repeat(20 - filled.min(20)),
                100.0 * tag.facility
            );
        }
    }
    if !quiz.missed_indicators.is_empty() {
        let _ = writeln!(out, "\n{}", r.missed);
        for missed in quiz.missed_indicators.iter().take(10) {
            // The indicator is cut to what the line leaves it beside the rate and the count.
            let tail = missed_of(missed, labels.lang);
            let room = width.saturating_sub(11 + tail.width()).max(12);
            let _ = writeln!(
                out,
                "  {:>3.0}%  {} — {tail}",
                100.0 * missed.rate,
                cut(labels.tag(&missed.tag), room),
            );
        }
    }
    if quiz.groups.len() > 1 {
        let _ = writeln!(out, "\n{}", r.groups);
        for group in &quiz.groups {
            write_wrapped(
                out,
                &format!(
                    "{}: {}",
                    labels.group(&group.group),
                    distribution_line(&group.distribution, r)
                ),
                width,
                2,
            );
        }
    }
}
