//! Checks across files: one file per quiz id and language, and translations that agree on ids and answer keys.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::diagnostic::Diagnostic;
use super::findings::{Findings, Place};
use super::model::{AnswerOption, Question, QuestionKind, Quiz};
use super::source::SourceText;

/// One parsed quiz and where it came from.
pub struct ParsedQuiz<'a> {
    /// The file's name as shown to authors.
    pub file: &'a str,
    /// The file's text.
    pub source: &'a SourceText<'a>,
    /// The quiz read from it.
    pub quiz: &'a Quiz,
}

/// Findings about duplicate quizzes and translations that disagree with their reference file.
///
/// The reference of a quiz id is its English file, else the first file in the order given.
pub fn cross_check(quizzes: &[ParsedQuiz<'_>]) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut by_id: BTreeMap<&str, Vec<&ParsedQuiz<'_>>> = BTreeMap::new();
    let mut first_file: HashMap<(&str, &str), &str> = HashMap::new();
    for parsed in quizzes {
        let key = (parsed.quiz.id.as_str(), parsed.quiz.language.as_str());
        if let Some(other) = first_file.get(&key) {
            let mut findings = Findings::new(parsed.file, parsed.source);
            findings.error(
                Place::quiz(),
                format!(
                    "quiz `{}` in language `{}` is also defined in {other}",
                    key.0, key.1
                ),
                "give one of them another id, or remove one",
            );
            found.extend(findings.into_diagnostics());
            continue;
        }
        first_file.insert(key, parsed.file);
        by_id.entry(key.0).or_default().push(parsed);
    }
    for versions in by_id.values() {
        let reference = versions
            .iter()
            .find(|p| p.quiz.language == "en")
            .unwrap_or(&versions[0]);
        for translation in versions {
            if !std::ptr::eq(*translation, *reference) {
                found.extend(compare(reference, translation));
            }
        }
    }
    found
}

fn compare(reference: &ParsedQuiz<'_>, translation: &ParsedQuiz<'_>) -> Vec<Diagnostic> {
    let mut findings = Findings::new(translation.file, translation.source);
    let (a, b) = (reference.quiz, translation.quiz);
    let hint = format!(
        "translations share ids, kinds, points and answer keys; make this file agree with {}",
        reference.file
    );
    let mut differs = |place: Place<'_>, what: String| {
        findings.error(
            place,
            format!("does not match {}: {what}", reference.file),
            &hint,
        )
    };
    if a.pass_mark != b.pass_mark {
        differs(Place::quiz().field("pass_mark"), "`pass_mark`".into());
    }
    if a.form_group != b.form_group {
        differs(Place::quiz().field("form_group"), "`form_group`".into());
    }
    if a.time_limit_minutes != b.time_limit_minutes {
        differs(
            Place::quiz().field("time_limit_minutes"),
            "`time_limit_minutes`".into(),
        );
    }
    let ids = |quiz: &Quiz| {
        quiz.questions
            .iter()
            .map(|q| q.id.clone())
            .collect::<Vec<_>>()
    };
    let (ids_a, ids_b) = (ids(a), ids(b));
    if ids_a != ids_b {
        differs(
            Place::quiz().field("questions"),
            format!(
                "the list of question ids ({})",
                list_difference(&ids_a, &ids_b)
            ),
        );
    }
    let questions_a: HashMap<&str, &Question> =
        a.questions.iter().map(|q| (q.id.as_str(), q)).collect();
    for question in &b.questions {
        if let Some(original) = questions_a.get(question.id.as_str()) {
            for what in question_differences(original, question) {
                differs(Place::question(&question.id), what);
            }
        }
    }
    findings.into_diagnostics()
}

/// "missing `a`, extra `b`" or "same ids, other order".
fn list_difference(reference: &[String], other: &[String]) -> String {
    let (a, b): (HashSet<&String>, HashSet<&String>) =
        (reference.iter().collect(), other.iter().collect());
    let missing: Vec<String> = reference
        .iter()
        .filter(|id| !b.contains(id))
        .map(|id| format!("`{id}`"))
        .collect();
    let extra: Vec<String> = other
        .iter()
        .filter(|id| !a.contains(id))
        .map(|id| format!("`{id}`"))
        .collect();
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!("missing {}", missing.join(", ")));
    }
    if !extra.is_empty() {
        parts.push(format!("extra {}", extra.join(", ")));
    }
    if parts.is_empty() {
        "same ids in another order".to_owned()
    } else {
        parts.join("; ")
    }
}

/// What about a translated question differs from the original, in words.
fn question_differences(a: &Question, b: &Question) -> Vec<String> {
    let mut out = Vec::new();
    if a.kind.name() != b.kind.name() {
        out.push(format!("the kind (`{}` here)", b.kind.name()));
        return out;
    }
    if a.max_points() != b.max_points() {
        out.push("the points".to_owned());
    }
    if a.scenario != b.scenario {
        out.push("the scenario".to_owned());
    }
    match (&a.kind, &b.kind) {
        (
            QuestionKind::Single { options: x }
            | QuestionKind::TrueFalse { options: x }
            | QuestionKind::Multiple { options: x },
            QuestionKind::Single { options: y }
            | QuestionKind::TrueFalse { options: y }
            | QuestionKind::Multiple { options: y },
        ) => options_differences(x, y, &mut out),
        (QuestionKind::Order { items: x }, QuestionKind::Order { items: y }) => {
            let (x, y) = (ids_of(x, |i| &i.id), ids_of(y, |i| &i.id));
            if x != y {
                out.push(format!(
                    "the correct order of items ({})",
                    list_difference(&x, &y)
                ));
            }
        }
        (
            QuestionKind::Match {
                items: xi,
                targets: xt,
            },
            QuestionKind::Match {
                items: yi,
                targets: yt,
            },
        ) => {
            let (x, y) = (ids_of(xt, |t| &t.id), ids_of(yt, |t| &t.id));
            if x != y {
                out.push(format!("the target ids ({})", list_difference(&x, &y)));
            }
            let pairs = |items: &[super::model::MatchItem]| {
                items
                    .iter()
                    .map(|i| format!("{}->{}", i.id, i.target))
                    .collect::<Vec<_>>()
            };
            if pairs(xi) != pairs(yi) {
                out.push(format!(
                    "the items and their targets ({})",
                    list_difference(&pairs(xi), &pairs(yi))
                ));
            }
        }
        (
            QuestionKind::Branching {
                start: xs,
                nodes: xn,
                endings: xe,
            },
            QuestionKind::Branching {
                start: ys,
                nodes: yn,
                endings: ye,
            },
        ) => {
            let shape = |start: &str,
                         nodes: &[super::model::BranchNode],
                         endings: &[super::model::Ending]| {
                let mut parts = vec![format!("start {start}")];
                for node in nodes {
                    for choice in &node.choices {
                        parts.push(format!(
                            "{}/{}->{} ({})",
                            node.id, choice.id, choice.next, choice.points
                        ));
                    }
                }
                parts.extend(endings.iter().map(|e| format!("ending {}", e.id)));
                parts
            };
            let (x, y) = (shape(xs, xn, xe), shape(ys, yn, ye));
            if x != y {
                out.push(format!(
                    "the branching structure ({})",
                    list_difference(&x, &y)
                ));
            }
        }
        _ => {}
    }
    out
}

fn options_differences(x: &[AnswerOption], y: &[AnswerOption], out: &mut Vec<String>) {
    let (ids_x, ids_y) = (ids_of(x, |o| &o.id), ids_of(y, |o| &o.id));
    let (set_x, set_y): (HashSet<&String>, HashSet<&String>) =
        (ids_x.iter().collect(), ids_y.iter().collect());
    if set_x != set_y {
        out.push(format!(
            "the option ids ({})",
            list_difference(&ids_x, &ids_y)
        ));
        return;
    }
    let by_id: HashMap<&str, &AnswerOption> = x.iter().map(|o| (o.id.as_str(), o)).collect();
    for option in y {
        if let Some(original) = by_id.get(option.id.as_str()) {
            if original.correct != option.correct {
                out.push(format!(
                    "the answer key (option `{}` is {} here)",
                    option.id,
                    if option.correct {
                        "correct"
                    } else {
                        "not correct"
                    }
                ));
            } else if original.weight != option.weight {
                out.push(format!("the weight of option `{}`", option.id));
            }
        }
    }
}

fn ids_of<T>(list: &[T], id: impl Fn(&T) -> &String) -> Vec<String> {
    list.iter().map(|item| id(item).clone()).collect()
}
