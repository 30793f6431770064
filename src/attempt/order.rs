//! The order a participant sees: questions (scenario blocks kept together) and options, shuffled with an
//! injected random generator. The result is stored in the record, never re-derived from a seed.

use rand::Rng;
use rand::seq::SliceRandom;

use crate::quiz::{Question, QuestionKind, Quiz};

/// One question as laid out for a participant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Index of the question in the quiz.
    pub question: usize,
    /// Option or item ids in the order shown (empty for `branching`).
    pub shown: Vec<String>,
    /// `match` only: target ids in the order shown.
    pub shown_targets: Vec<String>,
}

/// Questions grouped into blocks: consecutive questions of one scenario form one block.
fn blocks(quiz: &Quiz) -> Vec<Vec<usize>> {
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    for (index, question) in quiz.questions.iter().enumerate() {
        let joins_previous = question.scenario.is_some()
            && index > 0
            && quiz.questions[index - 1].scenario == question.scenario;
        match blocks.last_mut() {
            Some(block) if joins_previous => block.push(index),
            _ => blocks.push(vec![index]),
        }
    }
    blocks
}

/// Lays out every question of `quiz`: blocks shuffled when the quiz says so, options shuffled per question.
pub fn lay_out(quiz: &Quiz, rng: &mut (impl Rng + ?Sized)) -> Vec<Layout> {
    let mut blocks = blocks(quiz);
    if quiz.shuffle_questions {
        blocks.shuffle(rng);
    }
    blocks
        .into_iter()
        .flatten()
        .map(|index| layout_question(index, &quiz.questions[index], quiz.shuffle_options, rng))
        .collect()
}

fn layout_question(
    index: usize,
    question: &Question,
    quiz_shuffles: bool,
    rng: &mut (impl Rng + ?Sized),
) -> Layout {
    let shuffle = question.shuffle.unwrap_or(quiz_shuffles);
    let ids = |list: Vec<&String>| list.into_iter().cloned().collect::<Vec<_>>();
    let (mut shown, mut shown_targets) = match &question.kind {
        QuestionKind::Single { options }
        | QuestionKind::TrueFalse { options }
        | QuestionKind::Multiple { options } => {
            (ids(options.iter().map(|o| &o.id).collect()), vec![])
        }
        QuestionKind::Order { items } => (ids(items.iter().map(|i| &i.id).collect()), vec![]),
        QuestionKind::Match { items, targets } => (
            ids(items.iter().map(|i| &i.id).collect()),
            ids(targets.iter().map(|t| &t.id).collect()),
        ),
        QuestionKind::Branching { .. } => (vec![], vec![]),
    };
    if let QuestionKind::Order { .. } = question.kind {
        let correct = shown.clone();
        shown.shuffle(rng);
        if shown == correct && shown.len() > 1 {
            shown.rotate_left(1);
        }
    } else if shuffle {
        shown.shuffle(rng);
        shown_targets.shuffle(rng);
    }
    Layout {
        question: index,
        shown,
        shown_targets,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::parse::ron_options;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    fn example() -> Quiz {
        ron_options()
            .from_str(include_str!("../../docs/examples/every-kind.ron"))
            .unwrap()
    }

    #[test]
    fn scenario_blocks_stay_together_and_in_order() {
        let mut quiz = example();
        quiz.shuffle_questions = true;
        let mut standalone = quiz.questions[1].clone();
        standalone.scenario = None;
        for n in 0..6 {
            let mut q = standalone.clone();
            q.id = format!("loose-{n}");
            quiz.questions.push(q);
        }
        for seed in 0..50 {
            let order: Vec<usize> = lay_out(&quiz, &mut StdRng::seed_from_u64(seed))
                .iter()
                .map(|l| l.question)
                .collect();
            let start = order.iter().position(|&q| q == 0).unwrap();
            assert_eq!(
                &order[start..start + 6],
                &[0, 1, 2, 3, 4, 5],
                "seed {seed}: {order:?}"
            );
            let mut sorted = order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..12).collect::<Vec<_>>());
        }
    }

    #[test]
    fn shuffling_keeps_every_option_and_respects_the_question_override() {
        let quiz = example();
        let layouts = lay_out(&quiz, &mut StdRng::seed_from_u64(3));
        let true_false = layouts.iter().find(|l| l.question == 2).unwrap();
        assert_eq!(
            true_false.shown,
            vec!["true", "false"],
            "shuffle: false keeps the order"
        );
        let multiple = layouts.iter().find(|l| l.question == 0).unwrap();
        let mut ids = multiple.shown.clone();
        ids.sort();
        assert_eq!(
            ids,
            vec!["debt", "documents", "languages", "sleeps-at-work"]
        );
    }

    #[test]
    fn order_items_are_never_shown_in_the_correct_order() {
        let mut quiz = example();
        quiz.shuffle_options = false;
        for seed in 0..100 {
            let layouts = lay_out(&quiz, &mut StdRng::seed_from_u64(seed));
            let order = layouts.iter().find(|l| l.question == 3).unwrap();
            assert_ne!(
                order.shown,
                vec!["contact", "screening", "protection", "identification"]
            );
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_layout() {
        let quiz = example();
        assert_eq!(
            lay_out(&quiz, &mut StdRng::seed_from_u64(9)),
            lay_out(&quiz, &mut StdRng::seed_from_u64(9))
        );
    }
}
