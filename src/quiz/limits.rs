//! Sizes no real quiz reaches: beyond them a file is refused rather than drawn slowly or checked for minutes.
//!
//! The largest shipped quiz has 20 questions of at most 6 options; the benchmarks use 5,000 questions.

use super::model::{QuestionKind, Quiz};
use super::validate::MAX_BRANCH_NODES;

/// The most questions (and scenarios) in one quiz.
pub const MAX_QUESTIONS: usize = 10_000;

/// The most entries in one list of a question: options, items, targets, endings, one node's choices, tags and
/// references.
pub const MAX_ENTRIES: usize = 50;

/// A list that is longer than [`MAX_ENTRIES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Oversized {
    /// What holds the list: "the question", or "a node" for a branching node's choices.
    pub owner: &'static str,
    /// The field that holds the list, such as `options`.
    pub field: &'static str,
    /// How many entries it has.
    pub count: usize,
}

/// The first list of `kind` longer than [`MAX_ENTRIES`], if any (a branching question's node count has its own
/// limit).
pub fn oversized_list(kind: &QuestionKind) -> Option<Oversized> {
    const QUESTION: &str = "the question";
    let lists: Vec<(&'static str, &'static str, usize)> = match kind {
        QuestionKind::Single { options }
        | QuestionKind::TrueFalse { options }
        | QuestionKind::Multiple { options } => vec![(QUESTION, "options", options.len())],
        QuestionKind::Order { items } => vec![(QUESTION, "items", items.len())],
        QuestionKind::Match { items, targets } => vec![
            (QUESTION, "items", items.len()),
            (QUESTION, "targets", targets.len()),
        ],
        QuestionKind::Branching { nodes, endings, .. } => {
            let most_choices = nodes.iter().map(|n| n.choices.len()).max().unwrap_or(0);
            vec![
                (QUESTION, "endings", endings.len()),
                ("a node", "choices", most_choices),
            ]
        }
    };
    lists
        .into_iter()
        .find(|(_, _, count)| *count > MAX_ENTRIES)
        .map(|(owner, field, count)| Oversized {
            owner,
            field,
            count,
        })
}

/// Whether every list of `quiz` is within the limits above, so that work which grows with their lengths (the
/// item-writing lint) stays short whatever else is wrong with the quiz; validation names what is too long.
pub fn within_limits(quiz: &Quiz) -> bool {
    quiz.scenarios.len() <= MAX_QUESTIONS
        && quiz.questions.len() <= MAX_QUESTIONS
        && quiz.questions.iter().all(|question| {
            question.references.len() <= MAX_ENTRIES
                && question.tags.len() <= MAX_ENTRIES
                && oversized_list(&question.kind).is_none()
                && match &question.kind {
                    QuestionKind::Branching { nodes, .. } => nodes.len() <= MAX_BRANCH_NODES,
                    _ => true,
                }
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::model::AnswerOption;

    fn options(count: usize) -> QuestionKind {
        let option: AnswerOption = ron::from_str("(id: \"a\", text: \"t\")").unwrap();
        QuestionKind::Single {
            options: vec![option; count],
        }
    }

    #[test]
    fn a_quiz_is_within_the_limits_until_one_list_is_too_long() {
        let mut quiz: Quiz = crate::quiz::parse::ron_options()
            .from_str(include_str!("../../docs/examples/every-kind.ron"))
            .unwrap();
        assert!(within_limits(&quiz));
        quiz.questions[0].kind = options(MAX_ENTRIES + 1);
        assert!(!within_limits(&quiz));
        quiz.questions[0].kind = options(MAX_ENTRIES);
        quiz.questions[0].references = vec![String::new(); MAX_ENTRIES + 1];
        assert!(!within_limits(&quiz));
    }

    #[test]
    fn fifty_options_pass_and_fifty_one_do_not() {
        assert_eq!(oversized_list(&options(MAX_ENTRIES)), None);
        assert_eq!(
            oversized_list(&options(MAX_ENTRIES + 1)),
            Some(Oversized {
                owner: "the question",
                field: "options",
                count: 51
            })
        );
    }
}
