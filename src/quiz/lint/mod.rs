//! Item-writing lint: answer cues a test-wise trainee could exploit, as warnings, per quiz and pooled over all
//! quizzes of one language in one folder. `docs/quiz-format.md` lists every rule, its threshold and its message.

mod chance;
mod cues;
mod options;
mod rule;
mod words;

use std::collections::BTreeMap;
use std::path::Path;

pub use cues::{
    MAX_SAME_COUNT, MIN_ABSOLUTE, MIN_MULTIPLE, MIN_SINGLE, MIN_TRUE_FALSE, SIGNIFICANCE,
    TRUE_SHARE,
};
pub use options::{LONGER_BY, LONGER_RATIO};
pub use rule::Rule;
pub use words::{absolute_words, absolute_words_in};

use super::diagnostic::Diagnostic;
use super::findings::{Findings, Place};
use super::model::{LintAllow, Question, Quiz};
use super::translation::ParsedQuiz;
use cues::{Cue, Item};

/// The lint findings about the quizzes of each folder and language taken together (only where a folder holds more
/// than one quiz in a language).
pub fn lint_pools(quizzes: &[ParsedQuiz<'_>]) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut groups: BTreeMap<(String, &str), Vec<&ParsedQuiz<'_>>> = BTreeMap::new();
    for parsed in quizzes {
        let folder = Path::new(parsed.file)
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        groups
            .entry((folder, parsed.quiz.language.as_str()))
            .or_default()
            .push(parsed);
    }
    for ((folder, language), group) in groups {
        if group.len() > 1 {
            found.extend(lint_pool(&folder, language, &group));
        }
    }
    found
}

fn allows(list: &[LintAllow], rule: Rule) -> bool {
    list.iter().any(|allow| allow.rule == rule.name())
}

fn shuffled(quiz: &Quiz, question: &Question) -> bool {
    question.shuffle.unwrap_or(quiz.shuffle_options)
}

/// The questions of `quiz` that `rule` counts: all but those that allow it.
fn items<'q>(quiz: &'q Quiz, rule: Rule, label: impl Fn(&Question) -> String) -> Vec<Item<'q>> {
    quiz.questions
        .iter()
        .filter(|q| !allows(&q.lint_allow, rule))
        .map(|question| Item {
            label: label(question),
            question,
            shuffled: shuffled(quiz, question),
        })
        .collect()
}

/// The lint findings about one quiz on its own.
pub fn lint_quiz(parsed: &ParsedQuiz<'_>) -> Vec<Diagnostic> {
    let quiz = parsed.quiz;
    let mut findings = Findings::new(parsed.file, parsed.source);
    check_allowances(
        &quiz.lint_allow,
        Place::quiz().field("lint_allow"),
        &mut findings,
    );
    for question in &quiz.questions {
        let place = Place::question(&question.id);
        check_allowances(
            &question.lint_allow,
            place.field("lint_allow"),
            &mut findings,
        );
        for flag in options::flags(question) {
            if !allows(&quiz.lint_allow, flag.rule) && !allows(&question.lint_allow, flag.rule) {
                findings.warning(
                    place.part(flag.part.0, flag.part.1),
                    format!("{} ({})", flag.message, flag.rule.name()),
                    flag.hint,
                );
            }
        }
    }
    for rule in Rule::ALL.into_iter().filter(|r| r.is_quiz_wide()) {
        if allows(&quiz.lint_allow, rule) {
            continue;
        }
        let counted = items(quiz, rule, |q| q.id.clone());
        for cue in cues::find(rule, &counted, &quiz.language) {
            report(&mut findings, cue, "");
        }
    }
    findings.into_diagnostics()
}

fn lint_pool(folder: &str, language: &str, group: &[&ParsedQuiz<'_>]) -> Vec<Diagnostic> {
    let Some(first) = group.first() else {
        return Vec::new();
    };
    let mut findings = Findings::new(first.file, first.source);
    let prefix = format!(
        "across the {} `{language}` quizzes in {}: ",
        group.len(),
        if folder.is_empty() { "." } else { folder }
    );
    for rule in Rule::ALL.into_iter().filter(|r| r.is_quiz_wide()) {
        let counted: Vec<Item<'_>> = group
            .iter()
            .filter(|p| !allows(&p.quiz.lint_allow, rule))
            .flat_map(|p| items(p.quiz, rule, |q| format!("{}/{}", p.quiz.id, q.id)))
            .collect();
        for cue in cues::find(rule, &counted, language) {
            report(&mut findings, cue, &prefix);
        }
    }
    findings.into_diagnostics()
}

fn report(findings: &mut Findings<'_>, cue: Cue, prefix: &str) {
    findings.warning(
        Place::quiz(),
        format!("{prefix}{} ({})", cue.message, cue.rule.name()),
        cue.hint,
    );
}

fn check_allowances(list: &[LintAllow], place: Place<'_>, findings: &mut Findings<'_>) {
    for allow in list {
        if Rule::named(&allow.rule).is_none() {
            let known: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
            findings.warning(
                place,
                format!("`{}` is not a lint rule", allow.rule),
                &format!("the rules are {}", known.join(", ")),
            );
        } else if allow.reason.trim().is_empty() {
            findings.warning(
                place,
                format!("silencing `{}` needs a reason", allow.rule),
                "write why the rule does not apply here in `reason`, for the next reviewer",
            );
        }
    }
}

#[cfg(test)]
mod tests;
