//! The quiz-wide rules: answer cues that only show over many questions, judged against chance.

use super::chance::{at_least, expected};
use super::rule::Rule;
use super::words::{absolute_words, absolute_words_in};
use crate::quiz::model::{AnswerOption, Question, QuestionKind};

/// A count this unlikely by chance (one-sided) is reported as a cue.
pub const SIGNIFICANCE: f64 = 0.01;
/// Key length rank and key position are judged from this many single-answer questions up.
pub const MIN_SINGLE: usize = 8;
/// Absolute words are judged from this many options (or true/false statements) containing one up.
pub const MIN_ABSOLUTE: usize = 5;
/// True/false balance is judged from this many statements up.
pub const MIN_TRUE_FALSE: usize = 8;
/// The lowest and highest share of true/false statements keyed True, in percent.
pub const TRUE_SHARE: (usize, usize) = (30, 70);
/// The number of correct options is judged from this many multiple-response questions up.
pub const MIN_MULTIPLE: usize = 5;
/// The largest share, in percent, of multiple-response questions that may have the same number of correct options.
pub const MAX_SAME_COUNT: usize = 60;
/// How many questions a message names before it says how many more there are.
const NAMED: usize = 20;

/// A question counted by the quiz-wide rules.
pub struct Item<'q> {
    /// How messages name it: `q3`, or `quiz/q3` when pooled over quizzes.
    pub label: String,
    /// The question.
    pub question: &'q Question,
    /// Whether its options are shown in random order.
    pub shuffled: bool,
}

/// A cue found over a set of questions.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    /// The rule that found it.
    pub rule: Rule,
    /// What was found, naming the questions.
    pub message: String,
    /// What to do about it.
    pub hint: &'static str,
}

/// The cues `rule` finds among `items`, written in `language`.
pub fn find(rule: Rule, items: &[Item<'_>], language: &str) -> Vec<Cue> {
    match rule {
        Rule::KeyLengthRank => key_length_rank(items),
        Rule::AbsoluteWords => absolute(items, language).into_iter().collect(),
        Rule::TrueFalseBalance => true_false_balance(items).into_iter().collect(),
        Rule::CorrectCount => correct_count(items).into_iter().collect(),
        Rule::KeyPosition => key_position(items),
        _ => Vec::new(),
    }
}

/// The options of a single-answer question with at least three options and one key, and the key's index.
fn single_with_key(question: &Question) -> Option<(&[AnswerOption], usize)> {
    match &question.kind {
        QuestionKind::Single { options } if options.len() >= 3 => {
            Some((options, options.iter().position(|o| o.correct)?))
        }
        _ => None,
    }
}

fn length(text: &str) -> usize {
    text.trim().chars().count()
}

fn names(labels: &[&str]) -> String {
    let mut shown: Vec<String> = labels
        .iter()
        .take(NAMED)
        .map(|l| format!("`{l}`"))
        .collect();
    if labels.len() > NAMED {
        shown.push(format!("and {} more", labels.len() - NAMED));
    }
    shown.join(", ")
}

/// The labels of the `(label, value, options)` entries whose value is `wanted`.
fn labels_with<'a>(entries: &[(&'a str, usize, usize)], wanted: usize) -> Vec<&'a str> {
    entries
        .iter()
        .filter(|(_, value, _)| *value == wanted)
        .map(|(label, _, _)| *label)
        .collect()
}

/// For each `(label, value, options)` entry, the chance that a key lands at 0-based place `at` of its options.
fn chances_at(entries: &[(&str, usize, usize)], at: usize) -> Vec<f64> {
    entries
        .iter()
        .map(|(_, _, k)| if at < *k { 1.0 / *k as f64 } else { 0.0 })
        .collect()
}

/// "longest", "second-longest", "third-longest", then "4th-longest" and so on.
fn longest_by_rank(rank: usize) -> String {
    match rank {
        1 => "longest".to_owned(),
        2 => "second-longest".to_owned(),
        3 => "third-longest".to_owned(),
        _ => format!("{rank}th-longest"),
    }
}

/// A count of `hits` among trials of `chances`, when it is too high for chance.
fn unlikely(chances: &[f64], hits: usize) -> Option<(f64, f64)> {
    let tail = at_least(chances, hits);
    (tail < SIGNIFICANCE).then(|| (expected(chances), tail))
}

fn key_length_rank(items: &[Item<'_>]) -> Vec<Cue> {
    let ranked: Vec<(&str, usize, usize)> = items
        .iter()
        .filter_map(|item| {
            let (options, key) = single_with_key(item.question)?;
            let key_length = length(&options[key].text);
            let longer = options
                .iter()
                .filter(|o| length(&o.text) > key_length)
                .count();
            Some((item.label.as_str(), longer + 1, options.len()))
        })
        .collect();
    if ranked.len() < MIN_SINGLE {
        return Vec::new();
    }
    let widest = ranked.iter().map(|(_, _, k)| *k).max().unwrap_or(0);
    (1..=widest)
        .filter_map(|rank| {
            let chances = chances_at(&ranked, rank - 1);
            let hits = labels_with(&ranked, rank);
            let word = longest_by_rank(rank);
            let (chance, tail) = unlikely(&chances, hits.len())?;
            Some(Cue {
                rule: Rule::KeyLengthRank,
                message: format!(
                    "the key is the {word} option in {} of {} single-answer questions, where chance gives {chance:.1} (p = {tail:.4}): {}",
                    hits.len(),
                    ranked.len(),
                    names(&hits)
                ),
                hint: "a test-wise trainee picks by length: make distractors as long and specific as the key, or the key as plain as they are",
            })
        })
        .collect()
}

fn absolute(items: &[Item<'_>], language: &str) -> Option<Cue> {
    let mut chances = Vec::new();
    let mut distractors = Vec::new();
    for item in items {
        match &item.question.kind {
            QuestionKind::Single { options } | QuestionKind::Multiple { options } => {
                let wrong = options.iter().filter(|o| !o.correct).count();
                let chance = wrong as f64 / options.len().max(1) as f64;
                for option in options {
                    if !absolute_words_in(&option.text, language).is_empty() {
                        chances.push(chance);
                        if !option.correct {
                            distractors.push(format!("{} option {}", item.label, option.id));
                        }
                    }
                }
            }
            QuestionKind::TrueFalse { options }
                if !absolute_words_in(&item.question.prompt, language).is_empty() =>
            {
                chances.push(0.5);
                if key_is_false(options) {
                    distractors.push(format!("{} (keyed False)", item.label));
                }
            }
            _ => {}
        }
    }
    if chances.len() < MIN_ABSOLUTE {
        return None;
    }
    let (chance, tail) = unlikely(&chances, distractors.len())?;
    let labels: Vec<&str> = distractors.iter().map(String::as_str).collect();
    Some(Cue {
        rule: Rule::AbsoluteWords,
        message: format!(
            "{} of the {} options and true/false statements with an absolute word ({}) are wrong, where chance gives {chance:.1} (p = {tail:.4}): {}",
            distractors.len(),
            chances.len(),
            absolute_words(language).join(", "),
            names(&labels)
        ),
        hint: "a test-wise trainee rules out absolute options: qualify the distractors instead, and state a key absolutely only where the source does",
    })
}

/// Whether a true/false question is keyed False: its True option (id `true`, else the first) is not correct.
fn key_is_false(options: &[AnswerOption]) -> bool {
    let true_option = options
        .iter()
        .find(|o| o.id.eq_ignore_ascii_case("true"))
        .or(options.first());
    true_option.is_some_and(|o| !o.correct)
}

fn true_false_balance(items: &[Item<'_>]) -> Option<Cue> {
    let (mut keyed_true, mut keyed_false) = (Vec::new(), Vec::new());
    for item in items {
        if let QuestionKind::TrueFalse { options } = &item.question.kind {
            if key_is_false(options) {
                keyed_false.push(item.label.as_str());
            } else {
                keyed_true.push(item.label.as_str());
            }
        }
    }
    let total = keyed_true.len() + keyed_false.len();
    if total < MIN_TRUE_FALSE {
        return None;
    }
    let percent = keyed_true.len() * 100 / total;
    let (low, high) = TRUE_SHARE;
    let (word, majority) = if keyed_true.len() * 100 < low * total {
        ("False", &keyed_false)
    } else if keyed_true.len() * 100 > high * total {
        ("True", &keyed_true)
    } else {
        return None;
    };
    Some(Cue {
        rule: Rule::TrueFalseBalance,
        message: format!(
            "{} of {total} true/false statements are keyed True ({percent}%), outside {low}-{high}%; keyed {word}: {}",
            keyed_true.len(),
            names(majority)
        ),
        hint: "a test-wise trainee answers the usual key: turn some statements into their negation (under a new question id, since the key changes)",
    })
}

fn correct_count(items: &[Item<'_>]) -> Option<Cue> {
    let counted: Vec<(&str, usize)> = items
        .iter()
        .filter_map(|item| match &item.question.kind {
            QuestionKind::Multiple { options } => Some((
                item.label.as_str(),
                options.iter().filter(|o| o.correct).count(),
            )),
            _ => None,
        })
        .collect();
    if counted.len() < MIN_MULTIPLE {
        return None;
    }
    let mut by_count = std::collections::BTreeMap::<usize, Vec<&str>>::new();
    for (label, count) in &counted {
        by_count.entry(*count).or_default().push(label);
    }
    let (count, same) = by_count.iter().max_by_key(|(_, labels)| labels.len())?;
    if same.len() * 100 <= MAX_SAME_COUNT * counted.len() {
        return None;
    }
    Some(Cue {
        rule: Rule::CorrectCount,
        message: format!(
            "{} of {} multiple-response questions have exactly {count} correct options (at most {MAX_SAME_COUNT}% may share a number): {}",
            same.len(),
            counted.len(),
            names(same)
        ),
        hint: "a test-wise trainee ticks the usual number: vary it from one to all but one (a changed key needs a new question id)",
    })
}

fn key_position(items: &[Item<'_>]) -> Vec<Cue> {
    let placed: Vec<(&str, usize, usize)> = items
        .iter()
        .filter(|item| !item.shuffled)
        .filter_map(|item| {
            let (options, key) = single_with_key(item.question)?;
            Some((item.label.as_str(), key, options.len()))
        })
        .collect();
    if placed.len() < MIN_SINGLE {
        return Vec::new();
    }
    let widest = placed.iter().map(|(_, _, k)| *k).max().unwrap_or(0);
    (0..widest)
        .filter_map(|position| {
            let chances = chances_at(&placed, position);
            let hits = labels_with(&placed, position);
            let (chance, tail) = unlikely(&chances, hits.len())?;
            Some(Cue {
                rule: Rule::KeyPosition,
                message: format!(
                    "the key is option {} in {} of {} single-answer questions whose options are not shuffled, where chance gives {chance:.1} (p = {tail:.4}): {}",
                    position + 1,
                    hits.len(),
                    placed.len(),
                    names(&hits)
                ),
                hint: "shuffle the options (leave out `shuffle: false`), or move keys to other positions",
            })
        })
        .collect()
}
