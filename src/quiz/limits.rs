//! Sizes no real quiz reaches: beyond them a file is refused rather than drawn slowly or checked for minutes.
//!
//! The largest shipped quiz has 20 questions of at most 6 options; the benchmarks use 5,000 questions.

use super::model::QuestionKind;

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
