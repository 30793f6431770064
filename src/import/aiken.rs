//! The Aiken format, read by the rules of Moodle's importer (`question/format/aiken/format.php`).
//!
//! A question is one line of text, then its options, one a line, each a capital letter, `.` or `)` and the
//! option's text, then `ANSWER: X`. Aiken text is plain: what is written is what the trainee reads.

use super::builder::{QuizBuilder, clean_text, label, normalize_source};
use super::ids::letter_id;
use super::{ImportOptions, Imported, Outcome};
use crate::quiz::model::{AnswerOption, Question, QuestionKind};

/// Converts an Aiken file into a quiz of `single` questions.
pub fn import(text: &str, options: &ImportOptions) -> Imported {
    let mut builder = QuizBuilder::new(options);
    let text = normalize_source(text, &mut builder);
    let mut reader = Reader {
        builder,
        open: None,
        questions_seen: 0,
    };
    for (index, line) in text.split('\n').enumerate() {
        reader.line(index + 1, line.trim());
    }
    reader.finish()
}

/// A question whose `ANSWER:` line has not come yet.
struct OpenQuestion {
    /// Where its text is.
    line: usize,
    /// Its position among the file's questions, 1-based.
    number: usize,
    /// Its text.
    text: String,
    /// Its options: text and line.
    options: Vec<(String, usize)>,
    /// The first thing wrong with its options, and where.
    problem: Option<(usize, String)>,
}

impl OpenQuestion {
    fn label(&self) -> String {
        label(&self.text)
    }
}

struct Reader<'o> {
    builder: QuizBuilder<'o>,
    open: Option<OpenQuestion>,
    questions_seen: usize,
}

impl Reader<'_> {
    fn line(&mut self, number: usize, line: &str) {
        if line.chars().count() < 2 {
            return;
        }
        if let Some((letter, text)) = option_line(line) {
            self.option(number, letter, text, line);
        } else if let Some(answer) = line.strip_prefix("ANSWER:") {
            self.answer(number, answer.trim());
        } else {
            if let Some(unfinished) = self.open.take() {
                let reason = if unfinished.options.is_empty() {
                    format!(
                        "no options follow it: line {number} starts another question (an Aiken question is one \
                         line, then options such as `A. ...` or `A) ...`, then `ANSWER: X`)"
                    )
                } else {
                    format!("it has no `ANSWER:` line before line {number} starts another question")
                };
                self.builder
                    .skip(unfinished.line, &unfinished.label(), &reason);
            }
            self.questions_seen += 1;
            self.open = Some(OpenQuestion {
                line: number,
                number: self.questions_seen,
                text: clean_text(line),
                options: Vec::new(),
                problem: None,
            });
        }
    }

    fn option(&mut self, number: usize, letter: char, text: &str, line: &str) {
        let Some(question) = &mut self.open else {
            self.builder.note(
                number,
                Outcome::Skipped,
                format!(
                    "option \"{}\" comes before any question (or right after an `ANSWER:` line)",
                    label(line)
                ),
            );
            return;
        };
        let expected = expected_letter(question.options.len());
        let text = clean_text(text);
        if question.problem.is_none() {
            if Some(letter) != expected {
                let expected = expected.map_or("no more options (26 at most)".to_owned(), |e| {
                    format!("`{e}`")
                });
                question.problem = Some((
                    number,
                    format!(
                        "the option on line {number} is lettered `{letter}`; expected {expected}"
                    ),
                ));
            } else if text.is_empty() {
                question.problem = Some((
                    number,
                    format!("option `{letter}` on line {number} has no text"),
                ));
            }
        }
        question.options.push((text, number));
    }

    fn answer(&mut self, number: usize, answer: &str) {
        let Some(question) = self.open.take() else {
            self.builder.note(
                number,
                Outcome::Skipped,
                "`ANSWER:` line with no question before it",
            );
            return;
        };
        let label = question.label();
        let letter = answer.chars().next().map(|c| c.to_ascii_uppercase());
        let last = expected_letter(question.options.len().saturating_sub(1)).unwrap_or('Z');
        let correct = letter
            .filter(char::is_ascii_uppercase)
            .map(|l| (l as usize) - ('A' as usize))
            .filter(|index| *index < question.options.len());
        let problem = if let Some((_, problem)) = &question.problem {
            Some(problem.clone())
        } else if question.options.len() < 2 {
            Some(format!(
                "it has {} option(s) before its `ANSWER:` line on line {number}; it needs at least 2",
                question.options.len()
            ))
        } else if correct.is_none() {
            Some(format!(
                "`ANSWER: {answer}` on line {number} does not name one of its options `A` to `{last}`"
            ))
        } else {
            None
        };
        match (problem, correct) {
            (None, Some(correct)) => {
                let options = question
                    .options
                    .into_iter()
                    .enumerate()
                    .map(|(index, (text, _))| AnswerOption {
                        id: letter_id(index),
                        text,
                        correct: index == correct,
                        weight: None,
                        feedback: String::new(),
                        tags: Vec::new(),
                    })
                    .collect();
                let converted = Question {
                    id: String::new(),
                    scenario: None,
                    prompt: question.text,
                    points: None,
                    tags: Vec::new(),
                    explanation: String::new(),
                    references: Vec::new(),
                    shuffle: None,
                    lint_allow: Vec::new(),
                    kind: QuestionKind::Single { options },
                };
                let id = format!("q{}", question.number);
                self.builder
                    .add_question(question.line, &label, &id, converted, &[]);
            }
            (problem, _) => {
                let reason = problem.unwrap_or_default();
                self.builder.skip(question.line, &label, &reason);
            }
        }
    }

    fn finish(mut self) -> Imported {
        if let Some(unfinished) = self.open.take() {
            let reason = if unfinished.options.is_empty() {
                "the file ends before its options and `ANSWER:` line"
            } else {
                "the file ends before its `ANSWER:` line"
            };
            self.builder
                .skip(unfinished.line, &unfinished.label(), reason);
        }
        self.builder.finish()
    }
}

/// The letter and text of an option line: a capital letter, then `.` or `)`.
fn option_line(line: &str) -> Option<(char, &str)> {
    let mut chars = line.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    chars.next().filter(|c| matches!(c, '.' | ')'))?;
    Some((letter, &line[2..]))
}

/// The letter of the option at `index`: `A` for 0, up to `Z`.
fn expected_letter(index: usize) -> Option<char> {
    u8::try_from(index)
        .ok()
        .filter(|i| *i < 26)
        .map(|i| char::from(b'A' + i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> ImportOptions {
        ImportOptions {
            id: "t".to_owned(),
            language: "en".to_owned(),
            title: "t".to_owned(),
            source_name: "t.txt".to_owned(),
        }
    }

    #[test]
    fn a_question_becomes_a_single_question() {
        let imported = import("What is 2+2?\nA) 3\nB) 4\nC. 5\nANSWER: B\n", &options());
        let question = &imported.quiz.questions[0];
        assert_eq!(question.prompt, "What is 2+2?");
        let QuestionKind::Single { options } = &question.kind else {
            panic!("not single: {question:?}");
        };
        let summary: Vec<(&str, &str, bool)> = options
            .iter()
            .map(|o| (o.id.as_str(), o.text.as_str(), o.correct))
            .collect();
        assert_eq!(
            summary,
            [("a", "3", false), ("b", "4", true), ("c", "5", false)]
        );
        assert_eq!(imported.count(Outcome::Converted), 1);
    }

    #[test]
    fn malformed_blocks_are_reported_with_their_line() {
        let imported = import(
            "A. stray\nFirst?\nSecond?\nA. x\nC. y\nANSWER: A\nThird?\nA. x\nB. y\nANSWER: E\nANSWER: A\nLast?",
            &options(),
        );
        let lines: Vec<(usize, Outcome)> = imported
            .report
            .iter()
            .map(|n| (n.line, n.outcome))
            .collect();
        assert_eq!(
            lines,
            [
                (1, Outcome::Skipped),
                (2, Outcome::Skipped),
                (3, Outcome::Skipped),
                (7, Outcome::Skipped),
                (11, Outcome::Skipped),
                (12, Outcome::Skipped),
            ]
        );
        assert!(imported.quiz.questions.is_empty());
        assert!(
            imported.report[2]
                .message
                .contains("lettered `C`; expected `B`")
        );
        assert!(imported.report[3].message.contains("`ANSWER: E`"));
    }
}
