//! The per-question rules: what one question's options give away on their own.

use super::rule::Rule;
use crate::quiz::model::{AnswerOption, Question, QuestionKind};

/// An option at least this many times as long as the average of its siblings is far longer...
pub const LONGER_RATIO: usize = 2;
/// ...when it is also at least this many characters longer than the longest of them.
pub const LONGER_BY: usize = 30;

/// Option texts that stand for the other options rather than for an answer, lower-case, per language.
const ABOVE: [&str; 12] = [
    "all of the above",
    "none of the above",
    "all of these",
    "none of these",
    "все перечисленн",
    "всё перечисленн",
    "все вышеперечисленн",
    "всё вышеперечисленн",
    "ничего из перечисленного",
    "ни один из перечисленных",
    "жоғарыдағылардың бәрі",
    "жоғарыдағылардың ешқайсысы",
];

/// A finding about one part of one question.
#[derive(Debug, Clone, PartialEq)]
pub struct Flag<'q> {
    /// The rule that found it.
    pub rule: Rule,
    /// The noun and id of the part concerned, such as `("option", "b")`.
    pub part: (&'static str, &'q str),
    /// What was found.
    pub message: String,
    /// What to do about it.
    pub hint: &'static str,
}

/// What `question`'s own options give away.
pub fn flags(question: &Question) -> Vec<Flag<'_>> {
    let mut found = Vec::new();
    if let QuestionKind::Single { options } | QuestionKind::Multiple { options } = &question.kind {
        above(options, &mut found);
        longest(options, &mut found);
    }
    duplicates(question, &mut found);
    found
}

fn above<'q>(options: &'q [AnswerOption], found: &mut Vec<Flag<'q>>) {
    for option in options {
        let text = option.text.to_lowercase();
        if let Some(phrase) = ABOVE.iter().find(|phrase| text.contains(*phrase)) {
            found.push(Flag {
                rule: Rule::AllNoneOfTheAbove,
                part: ("option", &option.id),
                message: format!("the option says \"{phrase}…\""),
                hint: "it rewards partial knowledge and breaks when options are shuffled: ask a multiple-response question, or write a real option",
            });
        }
    }
}

fn length(text: &str) -> usize {
    text.trim().chars().count()
}

fn longest<'q>(options: &'q [AnswerOption], found: &mut Vec<Flag<'q>>) {
    if options.len() < 3 {
        return;
    }
    let lengths: Vec<usize> = options.iter().map(|o| length(&o.text)).collect();
    let total: usize = lengths.iter().sum();
    let mut sorted = lengths.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    let others = options.len() - 1;
    for (option, &own) in options.iter().zip(&lengths) {
        let longest_other = if own == sorted[0] {
            sorted[1]
        } else {
            sorted[0]
        };
        let rest = total - own;
        if own * others >= LONGER_RATIO * rest && own >= longest_other + LONGER_BY {
            found.push(Flag {
                rule: Rule::LongestOption,
                part: ("option", &option.id),
                message: format!(
                    "the option has {own} characters; the others average {}",
                    rest / others
                ),
                hint: "an option far longer than the rest stands out: shorten it, or give the others the same detail",
            });
        }
    }
}

/// The text as compared for duplicates: trimmed, lower-case, single spaces.
fn normalised(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn duplicates<'q>(question: &'q Question, found: &mut Vec<Flag<'q>>) {
    let mut lists: Vec<(&'static str, Vec<(&'q str, &'q str)>)> = Vec::new();
    match &question.kind {
        QuestionKind::Single { options }
        | QuestionKind::TrueFalse { options }
        | QuestionKind::Multiple { options } => lists.push((
            "option",
            options
                .iter()
                .map(|o| (o.id.as_str(), o.text.as_str()))
                .collect(),
        )),
        QuestionKind::Order { items } => lists.push((
            "item",
            items
                .iter()
                .map(|i| (i.id.as_str(), i.text.as_str()))
                .collect(),
        )),
        QuestionKind::Match { items, targets } => {
            lists.push((
                "item",
                items
                    .iter()
                    .map(|i| (i.id.as_str(), i.text.as_str()))
                    .collect(),
            ));
            lists.push((
                "target",
                targets
                    .iter()
                    .map(|t| (t.id.as_str(), t.text.as_str()))
                    .collect(),
            ));
        }
        QuestionKind::Branching { nodes, .. } => {
            for node in nodes {
                lists.push((
                    "choice",
                    node.choices
                        .iter()
                        .map(|c| (c.id.as_str(), c.text.as_str()))
                        .collect(),
                ));
            }
        }
    }
    for (noun, list) in lists {
        for (at, (id, text)) in list.iter().enumerate() {
            let same = list[..at]
                .iter()
                .find(|(_, earlier)| normalised(earlier) == normalised(text));
            if let Some((first, _)) = same {
                found.push(Flag {
                    rule: Rule::DuplicateOptions,
                    part: (noun, id),
                    message: format!("the {noun} has the same text as {noun} `{first}`"),
                    hint: "trainees cannot tell them apart: reword one, or remove it",
                });
            }
        }
    }
}
