//! What both importers share: the source's line endings, clean text, unique ids, the report, and the quiz
//! built around the converted questions.

use super::ids::UniqueIds;
use super::{ImportNote, ImportOptions, Imported, Outcome};
use crate::quiz::characters::{is_bidi_control, is_zero_width};
use crate::quiz::model::{FeedbackMode, QUIZ_FORMAT, Question, Quiz, Scenario};

/// The pass mark of an imported quiz, in percent.
const PASS_MARK: u32 = 70;

/// The longest question name shown in the report, in characters.
const MAX_LABEL_CHARS: usize = 50;

/// Collects converted questions and scenarios and the report, then makes the quiz.
pub(crate) struct QuizBuilder<'o> {
    options: &'o ImportOptions,
    questions: Vec<Question>,
    scenarios: Vec<Scenario>,
    report: Vec<ImportNote>,
    question_ids: UniqueIds,
    scenario_ids: UniqueIds,
}

impl<'o> QuizBuilder<'o> {
    /// An empty quiz with the metadata of `options`.
    pub(crate) fn new(options: &'o ImportOptions) -> Self {
        Self {
            options,
            questions: Vec::new(),
            scenarios: Vec::new(),
            report: Vec::new(),
            question_ids: UniqueIds::default(),
            scenario_ids: UniqueIds::default(),
        }
    }

    /// The quiz's language code.
    pub(crate) fn language(&self) -> &str {
        &self.options.language
    }

    /// Adds a line to the report.
    pub(crate) fn note(&mut self, line: usize, outcome: Outcome, message: impl Into<String>) {
        self.report.push(ImportNote {
            line,
            outcome,
            message: message.into(),
        });
    }

    /// Reports that the question `label` starting on `line` was skipped, and why.
    pub(crate) fn skip(&mut self, line: usize, label: &str, reason: &str) {
        self.note(
            line,
            Outcome::Skipped,
            format!("question \"{label}\": {reason}"),
        );
    }

    /// Adds `question`, giving it a unique id based on `wanted_id`, and reports it with its `losses`.
    pub(crate) fn add_question(
        &mut self,
        line: usize,
        label: &str,
        wanted_id: &str,
        mut question: Question,
        losses: &[String],
    ) {
        question.id = self.question_ids.claim(wanted_id);
        let what = format!(
            "question \"{label}\" ({}, id {})",
            question.kind.name(),
            question.id
        );
        if losses.is_empty() {
            self.note(line, Outcome::Converted, what);
        } else {
            self.note(
                line,
                Outcome::ConvertedWithLosses,
                format!("{what}: {}", losses.join("; ")),
            );
        }
        self.questions.push(question);
    }

    /// A unique scenario id based on `wanted`.
    pub(crate) fn scenario_id(&mut self, wanted: &str) -> String {
        self.scenario_ids.claim(wanted)
    }

    /// Adds a scenario that converted questions refer to.
    pub(crate) fn add_scenario(&mut self, scenario: Scenario) {
        self.scenarios.push(scenario);
    }

    /// The quiz and the report, ordered by line.
    pub(crate) fn finish(mut self) -> Imported {
        self.report.sort_by_key(|note| note.line);
        let options = self.options;
        let estimated_minutes = u32::try_from(self.questions.len().max(1)).unwrap_or(u32::MAX);
        let title = clean_text(&options.title);
        let quiz = Quiz {
            format: QUIZ_FORMAT,
            id: options.id.clone(),
            version: 1,
            language: options.language.clone(),
            title: if title.is_empty() {
                options.id.clone()
            } else {
                title
            },
            description: clean_text(&format!("Imported from {}", options.source_name)),
            estimated_minutes,
            pass_mark: PASS_MARK,
            feedback: FeedbackMode::default(),
            time_limit_minutes: None,
            shuffle_questions: true,
            shuffle_options: true,
            form_group: None,
            tags: Vec::new(),
            scenarios: self.scenarios,
            questions: self.questions,
            lint_allow: Vec::new(),
        };
        Imported {
            quiz,
            report: self.report,
        }
    }
}

/// `source` ready to read: without a byte-order mark, with `\n` line ends; reports what it changed.
pub(crate) fn normalize_source(source: &str, builder: &mut QuizBuilder<'_>) -> String {
    let text = match source.strip_prefix('\u{FEFF}') {
        Some(rest) => {
            builder.note(
                1,
                Outcome::Notice,
                "removed the byte-order mark at the start of the file",
            );
            rest
        }
        None => source,
    };
    if !text.contains('\r') {
        return text.to_owned();
    }
    let ending = if text.contains("\r\n") {
        "Windows line endings (CRLF)"
    } else {
        "old Mac line endings (CR)"
    };
    builder.note(
        1,
        Outcome::Notice,
        format!("read the file's {ending} as ordinary line ends"),
    );
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// `text` trimmed, without terminal escape sequences, other control characters (line feeds and tabs kept) or
/// stray byte-order marks.
pub(crate) fn clean_text(text: &str) -> String {
    anstream::adapter::strip_str(text)
        .to_string()
        .chars()
        .filter(|c| (!c.is_control() || matches!(c, '\n' | '\t')) && *c != '\u{FEFF}')
        .filter(|c| !is_bidi_control(*c) && !is_zero_width(*c))
        .collect::<String>()
        .trim()
        .to_owned()
}

/// [`clean_text`] on one line: every run of white space, line breaks included, becomes one space (for names
/// that become titles, which are one line).
pub(crate) fn clean_line(text: &str) -> String {
    clean_text(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A short name for `text` in the report: its first line, cut at a word within [`MAX_LABEL_CHARS`] characters.
pub(crate) fn label(text: &str) -> String {
    let mut lines = text.trim().lines();
    let first_line = lines.next().unwrap_or_default().trim();
    let shown: String = first_line
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_LABEL_CHARS)
        .collect();
    let cut = first_line.chars().count() > MAX_LABEL_CHARS;
    let label = match shown.rfind(' ') {
        Some(space) if cut && space > shown.len() / 2 => {
            format!("{}...", shown[..space].trim_end())
        }
        _ if cut || lines.next().is_some() => format!("{}...", shown.trim_end()),
        _ => shown,
    };
    label.replace('"', "'")
}

/// The texts of a `true_false` question's options in `language`: Vigil's own words where it has them.
pub(crate) fn true_false_texts(language: &str) -> (&'static str, &'static str) {
    match language {
        "ru" => ("Верно", "Неверно"),
        "kk" => ("Дұрыс", "Бұрыс"),
        _ => ("True", "False"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_control_characters_are_stripped_but_lines_and_tabs_kept() {
        assert_eq!(clean_text(" a\u{1b}[2J\u{7}b\n\tc\u{FEFF} "), "ab\n\tc");
        assert_eq!(
            clean_text("\u{1b}]0;title\u{7}plain \u{1b}[31mred\u{1b}[0m"),
            "plain red"
        );
    }

    #[test]
    fn labels_are_one_short_line() {
        assert_eq!(
            label("Who is \"buried\"?\nsecond line"),
            "Who is 'buried'?..."
        );
        assert_eq!(label(&"x".repeat(60)).chars().count(), 53);
        assert_eq!(
            label("A second description with no name, for the question below."),
            "A second description with no name, for the..."
        );
        assert_eq!(label("short"), "short");
    }
}
