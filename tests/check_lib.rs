//! The checker through the library: injected read failures, folders where files are expected, bank overrides.

use std::io;
use std::path::{Path, PathBuf};

use vigil::quiz::check::{gather, read_file};
use vigil::quiz::{Bank, Taxonomy, check};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn an_unreadable_file_is_reported_by_name_with_advice() {
    let denied = |_: &Path| -> io::Result<Vec<u8>> { Err(io::ErrorKind::PermissionDenied.into()) };
    let inputs = gather(&[fixture("tests/fixtures/valid/small.ron")], &denied);
    let report = check(&inputs, &Taxonomy::default());
    assert_eq!(report.diagnostics.len(), 1);
    let finding = &report.diagnostics[0];
    assert!(finding.file.ends_with("small.ron"));
    assert_eq!(finding.message, "permission denied while reading the file");
    assert!(finding.hint.as_deref().unwrap().contains("ask the owner"));
    assert!(report.quizzes.is_empty());
}

#[test]
fn a_folder_read_as_a_file_says_it_is_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let error = read_file(dir.path()).unwrap_err();
    let finding = vigil::quiz::check::unreadable("quizzes", &error);
    assert_eq!(finding.message, "this is a folder, not a file");
}

#[test]
fn folders_are_searched_for_ron_files_including_one_named_like_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("looks-like-a-file.ron");
    std::fs::create_dir(&odd).unwrap();
    std::fs::copy(
        fixture("tests/fixtures/valid/small.ron"),
        odd.join("small.ron"),
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a quiz").unwrap();
    let inputs = gather(&[dir.path().to_path_buf()], &read_file);
    assert_eq!(inputs.len(), 1);
    assert!(inputs[0].name.ends_with("small.ron"));
}

#[test]
fn a_failing_reader_keeps_the_bank_usable() {
    let failing = |_: &Path| -> io::Result<Vec<u8>> { Err(io::Error::other("disk on fire")) };
    let bank = Bank::load_with(&[fixture("docs/examples")], &failing);
    assert!(
        bank.problems
            .iter()
            .any(|p| p.message.contains("disk on fire"))
    );
    assert!(bank.quizzes.iter().all(|q| q.file.starts_with("built-in/")));
}

#[test]
fn the_example_quiz_scores_every_kind_to_its_documented_maximum() {
    let bank = Bank::load(&[fixture("docs/examples")]);
    let example = bank
        .quizzes
        .iter()
        .find(|q| q.quiz.id == "example-every-kind")
        .expect("example loaded");
    let maxima: Vec<f64> = example
        .quiz
        .questions
        .iter()
        .map(|q| q.max_points())
        .collect();
    assert_eq!(maxima, vec![2.0, 1.0, 1.0, 1.0, 1.0, 3.0]);
    assert!(example.content_hash.starts_with("blake3:"));
}

/// A quiz with `questions` questions of `options` options each.
fn generated_quiz(questions: usize, options: usize) -> Vec<u8> {
    let option_list: String = (0..options)
        .map(|o| {
            format!(
                "(id: \"o{o}\", text: \"Option {o}\", correct: {}, feedback: \"f\"),",
                o == 0
            )
        })
        .collect();
    let question_list: String = (0..questions)
        .map(|q| {
            format!(
                "(id: \"q{q}\", prompt: \"p\", explanation: \"e\", references: [\"r\"], \
                 kind: single(options: [{option_list}])),"
            )
        })
        .collect();
    format!(
        "(format: 1, id: \"big\", version: 1, language: \"en\", title: \"Big\", description: \"d\", \
         estimated_minutes: 1, pass_mark: 50, questions: [{question_list}])"
    )
    .into_bytes()
}

fn check_generated(questions: usize, options: usize) -> Vec<String> {
    let input = vigil::quiz::Input {
        name: "big.ron".to_owned(),
        content: Ok(generated_quiz(questions, options)),
    };
    check(&[input], &Taxonomy::default())
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.to_string())
        .collect()
}

#[test]
fn a_question_with_a_hundred_thousand_options_is_refused_in_one_message() {
    let errors = check_generated(1, 100_000);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with(
            "big.ron:1:207: error: question `q0`: the question has 100000 options; at most 50 are allowed"
        ),
        "{}",
        errors[0]
    );
    assert!(check_generated(1, 50).is_empty());
}

#[test]
fn more_than_ten_thousand_questions_are_refused_and_ten_thousand_pass() {
    let errors = check_generated(10_001, 2);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("error: the quiz has 10001 questions; at most 10000 are allowed"),
        "{}",
        errors[0]
    );
    assert!(check_generated(10_000, 2).is_empty());
}

/// A quiz `id` of `questions` single-answer questions whose key is always the second-longest of four options.
fn second_longest_keys(id: &str, questions: usize) -> Vec<u8> {
    let question_list: String = (0..questions)
        .map(|q| {
            format!(
                "(id: \"q{q}\", prompt: \"p\", explanation: \"e\", references: [\"r\"], kind: single(options: [\
                 (id: \"key\", text: \"A police officer\", correct: true, feedback: \"f\"), \
                 (id: \"long\", text: \"A social worker from the city\", feedback: \"f\"), \
                 (id: \"short\", text: \"A judge\", feedback: \"f\"), \
                 (id: \"shorter\", text: \"Nobody\", feedback: \"f\")])),"
            )
        })
        .collect();
    format!(
        "(format: 1, id: \"{id}\", version: 1, language: \"en\", title: \"T\", description: \"d\", \
         estimated_minutes: 1, pass_mark: 50, questions: [{question_list}])"
    )
    .into_bytes()
}

fn lint_warnings(files: &[(&str, &str)]) -> Vec<String> {
    let inputs: Vec<vigil::quiz::Input> = files
        .iter()
        .map(|(name, id)| vigil::quiz::Input {
            name: (*name).to_owned(),
            content: Ok(second_longest_keys(id, 5)),
        })
        .collect();
    check(&inputs, &Taxonomy::default())
        .diagnostics
        .iter()
        .map(|d| d.to_string())
        .collect()
}

#[test]
fn the_lint_pools_the_quizzes_of_one_language_in_one_folder() {
    let pooled = lint_warnings(&[("bank/a.en.ron", "a"), ("bank/b.en.ron", "b")]);
    assert_eq!(pooled.len(), 1, "{pooled:#?}");
    assert!(
        pooled[0].starts_with(
            "bank/a.en.ron:1:13: warning: across the 2 `en` quizzes in bank: the key is the second-longest option in 10 of 10"
        ),
        "{}",
        pooled[0]
    );
    assert!(pooled[0].contains("`a/q0`") && pooled[0].contains("`b/q4`"));
    assert!(pooled[0].contains("(key-length-rank)"));
    let apart = lint_warnings(&[("one/a.en.ron", "a"), ("two/b.en.ron", "b")]);
    assert!(apart.is_empty(), "{apart:#?}");
}

/// Loading a bank checks what makes a quiz unusable and nothing more: the lint's warnings are left to `check`.
#[test]
fn loading_a_bank_leaves_the_lint_out() {
    let inputs: Vec<vigil::quiz::Input> = ["a", "b"]
        .iter()
        .map(|id| vigil::quiz::Input {
            name: format!("bank/{id}.en.ron"),
            content: Ok(second_longest_keys(id, 5)),
        })
        .collect();
    let usable = vigil::quiz::check::check_usable(&inputs, &Taxonomy::default());
    assert!(usable.diagnostics.is_empty(), "{:#?}", usable.diagnostics);
    assert_eq!(usable.quizzes.len(), 2);
    assert!(usable.quizzes.iter().all(|q| !q.has_errors));
    assert_eq!(check(&inputs, &Taxonomy::default()).diagnostics.len(), 1);
}
