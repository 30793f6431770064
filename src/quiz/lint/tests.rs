//! Every rule on small quizzes: one that fires, one that does not, and suppressions.

use super::*;
use crate::quiz::model::QUIZ_FORMAT;
use crate::quiz::parse::parse;
use crate::quiz::source::SourceText;

/// A quiz in `language` with `questions` (RON question tuples) and `extra` quiz fields.
fn quiz_text(language: &str, extra: &str, questions: &[String]) -> String {
    format!(
        "(format: 1, id: \"q\", version: 1, language: \"{language}\", title: \"t\", description: \"d\", \
         estimated_minutes: 1, pass_mark: 50, {extra} questions: [{}])",
        questions.join(",\n")
    )
}

/// The lint messages about the quizzes written as `texts`, each in its own file under `folder/`.
fn lint_texts(texts: &[String]) -> Vec<String> {
    let names: Vec<String> = (0..texts.len())
        .map(|i| format!("folder/{i}.ron"))
        .collect();
    let sources: Vec<SourceText<'_>> = texts.iter().map(|t| SourceText::new(t)).collect();
    let quizzes: Vec<Quiz> = sources
        .iter()
        .zip(&names)
        .map(|(source, name)| parse::<Quiz>(name, source, QUIZ_FORMAT).expect("valid test quiz"))
        .collect();
    let parsed: Vec<ParsedQuiz<'_>> = quizzes
        .iter()
        .zip(&sources)
        .zip(&names)
        .map(|((quiz, source), file)| ParsedQuiz { file, source, quiz })
        .collect();
    parsed
        .iter()
        .flat_map(lint_quiz)
        .chain(lint_pools(&parsed))
        .map(|d| match d.subject {
            Some(subject) => format!("{subject}: {}", d.message),
            None => d.message,
        })
        .collect()
}

fn lint_one(language: &str, extra: &str, questions: &[String]) -> Vec<String> {
    lint_texts(&[quiz_text(language, extra, questions)])
}

/// A question of `kind` (`single`, `multiple`, `true_false`) with options `(text, correct)`.
fn question(id: &str, kind: &str, prompt: &str, options: &[(&str, bool)], extra: &str) -> String {
    let options: Vec<String> = options
        .iter()
        .enumerate()
        .map(|(at, (text, correct))| {
            let id = match (kind, at) {
                ("true_false", 0) => "true".to_owned(),
                ("true_false", _) => "false".to_owned(),
                _ => format!("o{at}"),
            };
            format!("(id: \"{id}\", text: \"{text}\", correct: {correct})")
        })
        .collect();
    format!(
        "(id: \"{id}\", prompt: \"{prompt}\", {extra} kind: {kind}(options: [{}]))",
        options.join(", ")
    )
}

/// A single-answer question whose key is `key_text` among `others`.
fn single(id: &str, key_text: &str, others: &[&str], extra: &str) -> String {
    let mut options = vec![(key_text, true)];
    options.extend(others.iter().map(|o| (*o, false)));
    question(id, "single", "p", &options, extra)
}

fn fired(messages: &[String], rule: Rule) -> usize {
    let tag = format!("({})", rule.name());
    messages.iter().filter(|m| m.ends_with(&tag)).count()
}

/// The message of `rule` among `messages`.
fn message_of(messages: &[String], rule: Rule) -> &str {
    let tag = format!("({})", rule.name());
    messages
        .iter()
        .find(|m| m.ends_with(&tag))
        .map_or("", String::as_str)
}

/// `n` single-answer questions whose key is always the second-longest of four options.
fn second_longest_keys(n: usize, extra: &str) -> Vec<String> {
    (0..n)
        .map(|i| {
            single(
                &format!("q{i}"),
                "abcdefgh",
                &["abcdefghij", "abc", "abcd"],
                extra,
            )
        })
        .collect()
}

#[test]
fn key_length_rank_fires_on_a_skew_and_names_the_questions() {
    let messages = lint_one("en", "", &second_longest_keys(8, ""));
    assert_eq!(fired(&messages, Rule::KeyLengthRank), 1, "{messages:?}");
    assert!(
        messages[0].starts_with("the key is the second-longest option in 8 of 8 single-answer questions, where chance gives 2.0 (p = 0.0000): `q0`, `q1`"),
        "{}",
        messages[0]
    );
}

#[test]
fn key_length_rank_fires_on_any_rank_not_only_the_longest_two() {
    let third: Vec<String> = (0..8)
        .map(|i| {
            single(
                &format!("q{i}"),
                "abcde",
                &["abcdefghij", "abcdefgh", "abc"],
                "",
            )
        })
        .collect();
    let messages = lint_one("en", "", &third);
    assert_eq!(fired(&messages, Rule::KeyLengthRank), 1, "{messages:?}");
    assert!(
        messages[0].starts_with("the key is the third-longest option in 8 of 8"),
        "{}",
        messages[0]
    );
}

#[test]
fn key_length_rank_is_quiet_on_a_spread_or_below_the_minimum() {
    let spread = key_first(12);
    assert_eq!(fired(&lint_one("en", "", &spread), Rule::KeyLengthRank), 0);
    let few = second_longest_keys(MIN_SINGLE - 1, "");
    assert_eq!(fired(&lint_one("en", "", &few), Rule::KeyLengthRank), 0);
}

#[test]
fn absolute_words_fire_when_they_mark_distractors() {
    let questions: Vec<String> = (0..12)
        .map(|i| {
            single(
                &format!("q{i}"),
                "The court",
                &["Only the police", "A neighbour"],
                "",
            )
        })
        .collect();
    let messages = lint_one("en", "", &questions);
    assert_eq!(fired(&messages, Rule::AbsoluteWords), 1, "{messages:?}");
    let message = message_of(&messages, Rule::AbsoluteWords);
    assert!(message.starts_with("12 of the 12 options and true/false statements with an absolute word (only, never, always, alone) are wrong"), "{message}");
    assert!(message.contains("`q0 option o1`"));
}

#[test]
fn absolute_words_are_quiet_when_keys_carry_them_as_often() {
    let questions: Vec<String> = (0..6)
        .map(|i| {
            let (key, other) = if i % 2 == 0 {
                ("Only the court", "A neighbour")
            } else {
                ("The court", "Only the police")
            };
            single(&format!("q{i}"), key, &[other, "A teacher"], "")
        })
        .collect();
    assert_eq!(
        fired(&lint_one("en", "", &questions), Rule::AbsoluteWords),
        0
    );
}

#[test]
fn absolute_words_count_true_false_statements_keyed_false_in_russian() {
    let statements: Vec<String> = (0..8)
        .map(|i| {
            question(
                &format!("s{i}"),
                "true_false",
                "Только суд решает",
                &[("Верно", false), ("Неверно", true)],
                "",
            )
        })
        .collect();
    let messages = lint_one("ru", "", &statements);
    assert_eq!(fired(&messages, Rule::AbsoluteWords), 1, "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("`s0 (keyed False)`")));
    let kazakh: Vec<String> = (0..8)
        .map(|i| {
            question(
                &format!("s{i}"),
                "true_false",
                "Құжаттарды тексеру",
                &[("Дұрыс", false), ("Қате", true)],
                "",
            )
        })
        .collect();
    assert_eq!(fired(&lint_one("kk", "", &kazakh), Rule::AbsoluteWords), 0);
}

fn statements(trues: usize, falses: usize) -> Vec<String> {
    (0..trues + falses)
        .map(|i| {
            let keyed_true = i < trues;
            question(
                &format!("s{i}"),
                "true_false",
                "p",
                &[("True", keyed_true), ("False", !keyed_true)],
                "",
            )
        })
        .collect()
}

#[test]
fn true_false_balance_fires_outside_thirty_to_seventy_percent() {
    let messages = lint_one("en", "", &statements(2, 8));
    assert_eq!(fired(&messages, Rule::TrueFalseBalance), 1, "{messages:?}");
    assert!(
        messages[0].starts_with(
            "2 of 10 true/false statements are keyed True (20%), outside 30-70%; keyed False: `s2`"
        ),
        "{}",
        messages[0]
    );
    assert_eq!(
        fired(
            &lint_one("en", "", &statements(8, 2)),
            Rule::TrueFalseBalance
        ),
        1
    );
}

#[test]
fn true_false_balance_is_quiet_inside_the_band_or_below_eight_statements() {
    assert_eq!(
        fired(
            &lint_one("en", "", &statements(3, 7)),
            Rule::TrueFalseBalance
        ),
        0
    );
    assert_eq!(
        fired(
            &lint_one("en", "", &statements(0, 7)),
            Rule::TrueFalseBalance
        ),
        0
    );
}

fn multiple_with(id: &str, correct: usize) -> String {
    let options: Vec<(&str, bool)> = ["a", "b", "c", "d", "e"]
        .iter()
        .enumerate()
        .map(|(at, text)| (*text, at < correct))
        .collect();
    question(id, "multiple", "p", &options, "")
}

#[test]
fn correct_count_fires_when_most_questions_share_a_number() {
    let questions: Vec<String> = (0..5).map(|i| multiple_with(&format!("m{i}"), 3)).collect();
    let messages = lint_one("en", "", &questions);
    assert_eq!(fired(&messages, Rule::CorrectCount), 1, "{messages:?}");
    assert!(
        messages[0]
            .starts_with("5 of 5 multiple-response questions have exactly 3 correct options"),
        "{}",
        messages[0]
    );
}

#[test]
fn correct_count_is_quiet_when_numbers_vary() {
    let questions: Vec<String> = [1, 2, 3, 3, 4]
        .iter()
        .enumerate()
        .map(|(i, n)| multiple_with(&format!("m{i}"), *n))
        .collect();
    assert_eq!(
        fired(&lint_one("en", "", &questions), Rule::CorrectCount),
        0
    );
}

#[test]
fn all_or_none_of_the_above_is_flagged_on_the_option() {
    let messages = lint_one(
        "en",
        "",
        &[single(
            "q",
            "A court",
            &["A teacher", "None of the above"],
            "",
        )],
    );
    assert_eq!(
        messages,
        [
            "question `q`, option `o2`: the option says \"none of the above…\" (all-none-of-the-above)"
        ]
    );
    let russian = lint_one(
        "ru",
        "",
        &[single("q", "Суд", &["Учитель", "Всё перечисленное"], "")],
    );
    assert_eq!(fired(&russian, Rule::AllNoneOfTheAbove), 1);
    let plain = lint_one(
        "en",
        "",
        &[single(
            "q",
            "A court",
            &["A teacher", "Above the age of 18"],
            "",
        )],
    );
    assert!(plain.is_empty(), "{plain:?}");
}

#[test]
fn an_option_far_longer_than_its_siblings_is_flagged() {
    let long = "A social worker from the child protection service, with an interpreter";
    let messages = lint_one(
        "en",
        "",
        &[single(
            "q",
            long,
            &["A teacher", "A neighbour", "Her uncle"],
            "",
        )],
    );
    assert_eq!(
        messages,
        [
            "question `q`, option `o0`: the option has 70 characters; the others average 9 (longest-option)"
        ]
    );
    let balanced = lint_one(
        "en",
        "",
        &[single(
            "q",
            long,
            &[
                "A teacher who knows the family well and speaks her language",
                "A neighbour",
                "Her uncle",
            ],
            "",
        )],
    );
    assert!(balanced.is_empty(), "{balanced:?}");
}

#[test]
fn duplicate_texts_are_flagged_whatever_their_case_and_spaces() {
    let messages = lint_one(
        "en",
        "",
        &[single("q", "A court", &["A  teacher", "a teacher"], "")],
    );
    assert_eq!(
        messages,
        [
            "question `q`, option `o2`: the option has the same text as option `o1` (duplicate-options)"
        ]
    );
    assert!(
        lint_one(
            "en",
            "",
            &[single("q", "A court", &["A teacher", "A neighbour"], "")]
        )
        .is_empty()
    );
}

/// `n` single-answer questions with the key first, its rank by length spread evenly so no length cue shows.
fn key_first(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let key = ["abcdefgh", "ab", "abcdefghijklmnopqrs", "abcdefghijkl"][i % 4];
            single(
                &format!("q{i}"),
                key,
                &["abcdefghij", "abc", "abcdefghijklmnop"],
                "",
            )
        })
        .collect()
}

#[test]
fn key_position_fires_only_where_options_are_not_shuffled() {
    let messages = lint_one("en", "shuffle_options: false,", &key_first(8));
    assert_eq!(fired(&messages, Rule::KeyPosition), 1, "{messages:?}");
    assert!(
        messages[0].starts_with(
            "the key is option 1 in 8 of 8 single-answer questions whose options are not shuffled"
        ),
        "{}",
        messages[0]
    );
    assert_eq!(
        fired(&lint_one("en", "", &key_first(8)), Rule::KeyPosition),
        0
    );
}

#[test]
fn quiz_wide_rules_pool_the_quizzes_of_one_language_in_a_folder() {
    let half = second_longest_keys(5, "");
    let english = [quiz_text("en", "", &half), quiz_text("en", "", &half)];
    let messages = lint_texts(&english);
    assert_eq!(fired(&messages, Rule::KeyLengthRank), 1, "{messages:?}");
    assert!(
        messages[0].starts_with(
            "across the 2 `en` quizzes in folder: the key is the second-longest option in 10 of 10"
        ),
        "{}",
        messages[0]
    );
    assert!(messages[0].contains("`q/q0`"));
    let mixed = [quiz_text("en", "", &half), quiz_text("ru", "", &half)];
    assert_eq!(fired(&lint_texts(&mixed), Rule::KeyLengthRank), 0);
}

#[test]
fn a_reasoned_allowance_silences_a_rule_for_a_question_or_a_quiz() {
    let allow = "lint_allow: [(rule: \"key-length-rank\", reason: \"the law's own wording\")],";
    let mut questions = second_longest_keys(8, "");
    questions[0] = second_longest_keys(1, allow).remove(0);
    assert_eq!(
        fired(&lint_one("en", "", &questions), Rule::KeyLengthRank),
        0
    );
    let whole = lint_one("en", allow, &second_longest_keys(8, ""));
    assert!(whole.is_empty(), "{whole:?}");
}

#[test]
fn an_allowance_needs_a_known_rule_and_a_reason() {
    let questions = [
        single(
            "a",
            "x",
            &["y", "z"],
            "lint_allow: [(rule: \"longest\", reason: \"r\")],",
        ),
        single(
            "b",
            "x",
            &["y", "z"],
            "lint_allow: [(rule: \"longest-option\", reason: \" \")],",
        ),
    ];
    let messages = lint_one("en", "", &questions);
    assert_eq!(
        messages,
        [
            "question `a`: `longest` is not a lint rule",
            "question `b`: silencing `longest-option` needs a reason",
        ]
    );
}
