//! Scoring rules per question kind; `docs/quiz-format.md` ("Scoring") states the same rules for authors.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::model::{
    AnswerOption, BranchChoice, BranchNode, MatchItem, OrderItem, Question, QuestionKind,
};

/// A trainee's answer to one question, given as ids so it survives shuffling and translation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    /// Chosen option ids (`single`, `true_false`, `multiple`).
    Chosen(Vec<String>),
    /// Item ids in the order the trainee put them (`order`).
    Order(Vec<String>),
    /// `(item id, target id)` pairs (`match`).
    Pairs(Vec<(String, String)>),
    /// Choice ids taken from the start node (`branching`).
    Path(Vec<String>),
}

impl Response {
    /// The answer in a few words of ids: `a, c` (chosen), `a › b › c` (order), `a→x, b→y` (pairs),
    /// `c1 → c3` (path).
    pub fn summary(&self) -> String {
        match self {
            Response::Chosen(ids) => ids.join(", "),
            Response::Order(ids) => ids.join(" › "),
            Response::Pairs(pairs) => pairs
                .iter()
                .map(|(item, target)| format!("{item}→{target}"))
                .collect::<Vec<_>>()
                .join(", "),
            Response::Path(steps) => steps.join(" → "),
        }
    }
}

/// Rounds to a millionth so sums of fractions print cleanly and compare exactly; never a negative zero (the sum of
/// no option weights is `-0.0`, which would be saved and printed as "-0").
fn tidy(points: f64) -> f64 {
    (points * 1_000_000.0).round() / 1_000_000.0 + 0.0
}

impl Question {
    /// Full marks for this question: `points` (default 1), or for `branching` the total of the best complete path.
    pub fn max_points(&self) -> f64 {
        match &self.kind {
            QuestionKind::Branching { start, nodes, .. } => tidy(best_path_points(start, nodes)),
            _ => self.points.unwrap_or(1.0),
        }
    }

    /// Points earned by `response`, always between 0 and [`Question::max_points`].
    ///
    /// A response of the wrong shape for the kind earns 0.
    pub fn score(&self, response: &Response) -> f64 {
        let max = self.max_points();
        let earned = match (&self.kind, response) {
            (
                QuestionKind::Single { options } | QuestionKind::TrueFalse { options },
                Response::Chosen(chosen),
            ) => max * single_fraction(options, chosen),
            (QuestionKind::Multiple { options }, Response::Chosen(chosen)) => {
                max * multiple_fraction(options, chosen)
            }
            (QuestionKind::Order { items }, Response::Order(given)) => {
                max * order_fraction(items, given)
            }
            (QuestionKind::Match { items, .. }, Response::Pairs(pairs)) => {
                max * match_fraction(items, pairs)
            }
            (QuestionKind::Branching { start, nodes, .. }, Response::Path(path)) => {
                path_points(start, nodes, path)
            }
            _ => 0.0,
        };
        tidy(earned.clamp(0.0, max))
    }
}

/// The weight of each option of a `multiple` question, as a fraction of its points.
///
/// Explicit weights are used as written. Without them, each correct option is worth `1/c` (c correct options)
/// and each incorrect one costs `1/w` (w incorrect options), so choosing everything scores 0.
pub fn option_weights(options: &[AnswerOption]) -> Vec<f64> {
    let correct = options.iter().filter(|o| o.correct).count().max(1) as f64;
    let incorrect = options.iter().filter(|o| !o.correct).count().max(1) as f64;
    options
        .iter()
        .map(|o| match (o.weight, o.correct) {
            (Some(weight), _) => weight,
            (None, true) => 1.0 / correct,
            (None, false) => -1.0 / incorrect,
        })
        .collect()
}

fn single_fraction(options: &[AnswerOption], chosen: &[String]) -> f64 {
    match chosen {
        [one] if options.iter().any(|o| o.correct && &o.id == one) => 1.0,
        _ => 0.0,
    }
}

fn multiple_fraction(options: &[AnswerOption], chosen: &[String]) -> f64 {
    let chosen: HashSet<&str> = chosen.iter().map(String::as_str).collect();
    let sum: f64 = options
        .iter()
        .zip(option_weights(options))
        .filter(|(option, _)| chosen.contains(option.id.as_str()))
        .map(|(_, weight)| weight)
        .sum();
    sum.clamp(0.0, 1.0)
}

/// Each of the n-1 neighbouring pairs of the correct order earns 1/(n-1) when the trainee put the second item
/// directly after the first.
fn order_fraction(items: &[OrderItem], given: &[String]) -> f64 {
    if items.len() < 2 {
        return 0.0;
    }
    let kept = pairs_kept(neighbouring_pairs(items), given)
        .filter(|kept| *kept)
        .count();
    kept as f64 / (items.len() - 1) as f64
}

/// The neighbouring pairs of the correct order of `items`, as item ids: the parts an `order` answer is credited
/// for.
pub fn neighbouring_pairs(items: &[OrderItem]) -> impl Iterator<Item = (&str, &str)> {
    items
        .windows(2)
        .map(|pair| (pair[0].id.as_str(), pair[1].id.as_str()))
}

/// Per pair of `pairs` (item ids, in the correct order), whether `given` (item ids in the trainee's order) put
/// its second item directly after its first; an id given twice counts where it was given last.
pub fn pairs_kept<'a, S: AsRef<str>>(
    pairs: impl Iterator<Item = (&'a str, &'a str)>,
    given: &[S],
) -> impl Iterator<Item = bool> {
    let position = |id: &str| given.iter().rposition(|given| given.as_ref() == id);
    pairs.map(
        move |(first, second)| match (position(first), position(second)) {
            (Some(first), Some(second)) => first + 1 == second,
            _ => false,
        },
    )
}

/// Each item paired with its correct target earns 1/n; an item paired twice counts its first pair.
fn match_fraction(items: &[MatchItem], pairs: &[(String, String)]) -> f64 {
    if items.is_empty() {
        return 0.0;
    }
    let right = items_on_target(item_targets(items), pairs)
        .filter(|right| *right)
        .count();
    right as f64 / items.len() as f64
}

/// Each item of a `match` question with its correct target, as ids: the parts a `match` answer is credited for.
pub fn item_targets(items: &[MatchItem]) -> impl Iterator<Item = (&str, &str)> {
    items
        .iter()
        .map(|item| (item.id.as_str(), item.target.as_str()))
}

/// Per item of `items` (item id, its correct target id), whether `given` (item id, target id) pairs put it on
/// its target; an item paired twice counts its first pair.
pub fn items_on_target<'a, S: AsRef<str>>(
    items: impl Iterator<Item = (&'a str, &'a str)>,
    given: &[(S, S)],
) -> impl Iterator<Item = bool> {
    items.map(move |(item, target)| {
        given
            .iter()
            .find(|(given, _)| given.as_ref() == item)
            .is_some_and(|(_, given)| given.as_ref() == target)
    })
}

/// The points of the choices along `path`, followed from `start` until a step is not a choice of the current node.
fn path_points(start: &str, nodes: &[BranchNode], path: &[String]) -> f64 {
    let by_id: HashMap<&str, &BranchNode> = nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    let mut current = by_id.get(start).copied();
    let mut total = 0.0;
    for step in path {
        let Some(node) = current else { break };
        let Some(choice) = node.choices.iter().find(|c| &c.id == step) else {
            break;
        };
        total += choice.points;
        current = by_id.get(choice.next.as_str()).copied();
    }
    total
}

/// The largest total of choice points on any path from `start` to an ending.
///
/// Cycles, which validation rejects, are cut rather than followed, so this always terminates.
fn best_path_points(start: &str, nodes: &[BranchNode]) -> f64 {
    let by_id: HashMap<&str, &BranchNode> = nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    let mut best: HashMap<&str, f64> = HashMap::new();
    let mut on_path: HashSet<&str> = HashSet::new();
    best_from(start, &by_id, &mut best, &mut on_path)
}

/// The choice ids of a path from `start` to an ending with the largest total of points (the first such path
/// in the file's order).
pub fn best_path(start: &str, nodes: &[BranchNode]) -> Vec<String> {
    let by_id: HashMap<&str, &BranchNode> = nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    let mut best: HashMap<&str, f64> = HashMap::new();
    let mut on_path: HashSet<&str> = HashSet::new();
    let mut path = Vec::new();
    let mut visited: HashSet<&str> = HashSet::new();
    let mut current = start;
    while let Some(node) = by_id.get(current) {
        if !visited.insert(current) {
            break;
        }
        let mut chosen: Option<(&BranchChoice, f64)> = None;
        for choice in &node.choices {
            let total =
                choice.points + best_from(choice.next.as_str(), &by_id, &mut best, &mut on_path);
            if chosen.is_none_or(|(_, best)| total > best + 1e-9) {
                chosen = Some((choice, total));
            }
        }
        let Some((choice, _)) = chosen else { break };
        path.push(choice.id.clone());
        current = choice.next.as_str();
    }
    path
}

fn best_from<'a>(
    id: &'a str,
    by_id: &HashMap<&'a str, &'a BranchNode>,
    best: &mut HashMap<&'a str, f64>,
    on_path: &mut HashSet<&'a str>,
) -> f64 {
    if let Some(known) = best.get(id) {
        return *known;
    }
    let Some(node) = by_id.get(id) else {
        return 0.0;
    };
    if !on_path.insert(id) {
        return 0.0;
    }
    let value = node
        .choices
        .iter()
        .map(|choice| choice.points + best_from(choice.next.as_str(), by_id, best, on_path))
        .fold(0.0, f64::max);
    on_path.remove(id);
    best.insert(id, value);
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::model::{BranchChoice, Ending, MatchTarget};

    fn option(id: &str, correct: bool, weight: Option<f64>) -> AnswerOption {
        AnswerOption {
            id: id.into(),
            text: id.into(),
            correct,
            weight,
            feedback: String::new(),
            tags: vec![],
        }
    }

    fn question(kind: QuestionKind, points: Option<f64>) -> Question {
        Question {
            id: "q".into(),
            scenario: None,
            prompt: "p".into(),
            points,
            tags: vec![],
            explanation: String::new(),
            references: vec![],
            shuffle: None,
            lint_allow: vec![],
            kind,
        }
    }

    fn chosen(ids: &[&str]) -> Response {
        Response::Chosen(ids.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn a_multiple_answer_with_nothing_ticked_scores_a_plain_zero() {
        let q = question(
            QuestionKind::Multiple {
                options: vec![option("a", true, None), option("b", false, None)],
            },
            Some(2.0),
        );
        assert_eq!(q.score(&chosen(&[])).to_bits(), 0.0_f64.to_bits());
    }

    #[test]
    fn single_scores_full_or_nothing() {
        let q = question(
            QuestionKind::Single {
                options: vec![option("a", false, None), option("b", true, None)],
            },
            Some(2.0),
        );
        assert_eq!(q.score(&chosen(&["b"])), 2.0);
        assert_eq!(q.score(&chosen(&["a"])), 0.0);
        assert_eq!(q.score(&chosen(&["a", "b"])), 0.0);
        assert_eq!(q.score(&chosen(&[])), 0.0);
        assert_eq!(q.score(&Response::Order(vec!["b".into()])), 0.0);
    }

    #[test]
    fn multiple_default_weights_give_partial_credit_and_never_go_negative() {
        let q = question(
            QuestionKind::Multiple {
                options: vec![
                    option("a", true, None),
                    option("b", true, None),
                    option("c", true, None),
                    option("d", false, None),
                ],
            },
            None,
        );
        assert_eq!(q.score(&chosen(&["a", "b", "c"])), 1.0);
        assert_eq!(q.score(&chosen(&["a", "b"])), 0.666667);
        assert_eq!(q.score(&chosen(&["a", "b", "c", "d"])), 0.0);
        assert_eq!(q.score(&chosen(&["d"])), 0.0);
        assert_eq!(q.score(&chosen(&["a", "a", "a"])), 0.333333);
    }

    #[test]
    fn multiple_explicit_weights_are_clamped_to_full_marks() {
        let q = question(
            QuestionKind::Multiple {
                options: vec![
                    option("a", true, Some(0.5)),
                    option("b", true, Some(0.5)),
                    option("c", false, Some(-0.25)),
                ],
            },
            Some(4.0),
        );
        assert_eq!(q.score(&chosen(&["a", "b"])), 4.0);
        assert_eq!(q.score(&chosen(&["a", "c"])), 1.0);
        assert_eq!(q.score(&chosen(&["c"])), 0.0);
    }

    fn order_question() -> Question {
        let item = |id: &str| OrderItem {
            id: id.into(),
            text: id.into(),
            feedback: String::new(),
            tags: vec![],
        };
        question(
            QuestionKind::Order {
                items: vec![item("a"), item("b"), item("c"), item("d")],
            },
            Some(3.0),
        )
    }

    fn order(ids: &[&str]) -> Response {
        Response::Order(ids.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn order_credits_each_neighbouring_pair_kept() {
        let q = order_question();
        assert_eq!(q.score(&order(&["a", "b", "c", "d"])), 3.0);
        assert_eq!(q.score(&order(&["d", "c", "b", "a"])), 0.0);
        assert_eq!(q.score(&order(&["b", "c", "d", "a"])), 2.0);
        assert_eq!(q.score(&order(&["a", "c", "b", "d"])), 0.0);
        assert_eq!(q.score(&order(&["c", "d", "a", "b"])), 2.0);
    }

    #[test]
    fn each_part_of_an_order_or_match_answer_is_told_right_or_wrong_as_it_is_scored() {
        let QuestionKind::Order { items } = order_question().kind else {
            unreachable!("an order question");
        };
        let kept: Vec<bool> =
            pairs_kept(neighbouring_pairs(&items), &["c", "d", "a", "b"]).collect();
        assert_eq!(kept, [true, false, true]);
        assert_eq!(
            pairs_kept(neighbouring_pairs(&items), &[] as &[&str]).collect::<Vec<_>>(),
            [false, false, false]
        );
        let right: Vec<bool> = items_on_target(
            [("a", "x"), ("b", "x"), ("c", "y")].into_iter(),
            &[("b", "x"), ("a", "y"), ("a", "x")],
        )
        .collect();
        assert_eq!(
            right,
            [false, true, false],
            "an item paired twice counts its first pair"
        );
    }

    #[test]
    fn match_credits_each_item_on_its_target() {
        let item = |id: &str, target: &str| MatchItem {
            id: id.into(),
            text: id.into(),
            target: target.into(),
            feedback: String::new(),
            tags: vec![],
        };
        let target = |id: &str| MatchTarget {
            id: id.into(),
            text: id.into(),
        };
        let q = question(
            QuestionKind::Match {
                items: vec![
                    item("a", "x"),
                    item("b", "x"),
                    item("c", "y"),
                    item("d", "z"),
                ],
                targets: vec![target("x"), target("y"), target("z")],
            },
            Some(2.0),
        );
        let pairs = |p: &[(&str, &str)]| {
            Response::Pairs(
                p.iter()
                    .map(|(a, b)| (a.to_string(), b.to_string()))
                    .collect(),
            )
        };
        assert_eq!(
            q.score(&pairs(&[("a", "x"), ("b", "x"), ("c", "y"), ("d", "z")])),
            2.0
        );
        assert_eq!(q.score(&pairs(&[("a", "x"), ("c", "x")])), 0.5);
        assert_eq!(q.score(&pairs(&[("a", "y"), ("a", "x")])), 0.0);
    }

    fn branching_question() -> Question {
        let choice = |id: &str, points: f64, next: &str| BranchChoice {
            id: id.into(),
            text: id.into(),
            points,
            feedback: String::new(),
            next: next.into(),
            tags: vec![],
        };
        let node = |id: &str, choices: Vec<BranchChoice>| BranchNode {
            id: id.into(),
            text: id.into(),
            choices,
        };
        let ending = |id: &str| Ending {
            id: id.into(),
            title: id.into(),
            debrief: id.into(),
        };
        question(
            QuestionKind::Branching {
                start: "n1".into(),
                nodes: vec![
                    node(
                        "n1",
                        vec![choice("c1", 1.0, "n2"), choice("c2", 0.0, "bad")],
                    ),
                    node(
                        "n2",
                        vec![choice("c3", 2.0, "good"), choice("c4", 0.5, "n3")],
                    ),
                    node("n3", vec![choice("c5", 1.0, "good")]),
                ],
                endings: vec![ending("good"), ending("bad")],
            },
            None,
        )
    }

    #[test]
    fn branching_max_is_the_best_complete_path() {
        assert_eq!(branching_question().max_points(), 3.0);
    }

    #[test]
    fn branching_scores_the_path_taken() {
        let q = branching_question();
        let path = |ids: &[&str]| Response::Path(ids.iter().map(|s| s.to_string()).collect());
        assert_eq!(q.score(&path(&["c1", "c3"])), 3.0);
        assert_eq!(q.score(&path(&["c1", "c4", "c5"])), 2.5);
        assert_eq!(q.score(&path(&["c2"])), 0.0);
        assert_eq!(q.score(&path(&["c1", "c1", "c3"])), 1.0);
    }

    #[test]
    fn branching_cycles_do_not_hang_the_maximum() {
        let mut q = branching_question();
        if let QuestionKind::Branching { nodes, .. } = &mut q.kind {
            nodes[2].choices[0].next = "n1".into();
        }
        assert_eq!(q.max_points(), 3.0);
    }
}
