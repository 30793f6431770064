//! `vigil import`: every fixture converts to its expected quiz and report, every converted quiz passes
//! `vigil check`, the real binary's exit codes and messages, and importers that never panic.
//!
//! Fixtures are in `tests/fixtures/import/`; the expected quiz and report of `NAME.EXT` are
//! `expected/NAME.ron` (absent when nothing converts) and `expected/NAME.report`. After a deliberate change,
//! run the tests with `VIGIL_BLESS=1` to rewrite them, and review the difference.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use proptest::prelude::*;
use vigil::import::{self, ImportNote, ImportOptions, Imported, Outcome, SourceFormat, gift};
use vigil::quiz::bank::built_in_taxonomy;
use vigil::quiz::check::{Input, check};
use vigil::quiz::model::QuestionKind;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");

/// The fixture files: every GIFT and Aiken file in the fixture folder, sorted.
fn fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(FIXTURES)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("gift" | "aiken" | "txt")
            )
        })
        .collect();
    files.sort();
    assert!(files.len() >= 10, "fixtures missing: {files:?}");
    files
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// Imports `text` as the fixture at `path` would be imported.
fn import_as(path: &Path, text: &str) -> Imported {
    let options = ImportOptions::for_file(path, None, None).unwrap();
    let format = import::detect(path, text).expect("the fixture's format is detectable");
    import::import(text, format, &options)
}

fn render(report: &[ImportNote], file: &str) -> String {
    report.iter().map(|note| note.render(file) + "\n").collect()
}

/// Compares `actual` with the expected file, or writes it when blessing.
fn expect_file(expected: &Path, actual: Option<&str>) {
    if std::env::var_os("VIGIL_BLESS").is_some() {
        match actual {
            Some(text) => std::fs::write(expected, text).unwrap(),
            None if expected.exists() => std::fs::remove_file(expected).unwrap(),
            None => {}
        }
        return;
    }
    let found = std::fs::read_to_string(expected).ok();
    assert_eq!(
        found.as_deref(),
        actual,
        "{} differs (run with VIGIL_BLESS=1 to rewrite it after a deliberate change)",
        expected.display()
    );
}

fn validation_errors(name: &str, ron: &str) -> Vec<String> {
    let input = Input {
        name: name.to_owned(),
        content: Ok(ron.as_bytes().to_vec()),
    };
    check(&[input], &built_in_taxonomy())
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect()
}

#[test]
fn every_fixture_converts_to_its_expected_quiz_and_report() {
    let expected = Path::new(FIXTURES).join("expected");
    std::fs::create_dir_all(&expected).unwrap();
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        let imported = import_as(&path, &text);
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let ron =
            (!imported.quiz.questions.is_empty()).then(|| import::to_ron(&imported.quiz).unwrap());
        expect_file(&expected.join(format!("{stem}.ron")), ron.as_deref());
        let report = render(&imported.report, &file_name(&path));
        expect_file(&expected.join(format!("{stem}.report")), Some(&report));
    }
}

#[test]
fn every_imported_fixture_passes_vigil_check_without_errors() {
    let mut checked = 0;
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        let imported = import_as(&path, &text);
        if imported.quiz.questions.is_empty() {
            continue;
        }
        let ron = import::to_ron(&imported.quiz).unwrap();
        let errors = validation_errors(&format!("{}.ron", imported.quiz.id), &ron);
        assert!(
            errors.is_empty(),
            "{}:\n{}",
            path.display(),
            errors.join("\n")
        );
        checked += 1;
    }
    assert!(checked >= 9, "only {checked} fixtures converted");
}

#[test]
fn every_report_line_names_its_file_line_and_what_happened() {
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = file_name(&path);
        for line in render(&import_as(&path, &text).report, &name).lines() {
            let rest = line.strip_prefix(&format!("{name}:")).unwrap_or_default();
            let (number, what) = rest.split_once(": ").unwrap_or_default();
            assert!(number.parse::<usize>().is_ok_and(|n| n > 0), "{line}");
            assert!(
                [
                    "converted ",
                    "converted with losses: ",
                    "skipped: ",
                    "note: "
                ]
                .iter()
                .any(|prefix| what.starts_with(prefix)),
                "{line}"
            );
        }
    }
}

#[test]
fn crlf_line_endings_and_a_byte_order_mark_change_nothing_but_two_notes() {
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        let plain = import_as(&path, &text);
        let windows = import_as(&path, &format!("\u{FEFF}{}", text.replace('\n', "\r\n")));
        assert_eq!(windows.quiz, plain.quiz, "{}", path.display());
        let notes: Vec<&ImportNote> = windows
            .report
            .iter()
            .filter(|note| !plain.report.contains(note))
            .collect();
        let messages: Vec<(usize, &str)> = notes
            .iter()
            .map(|note| (note.line, note.message.as_str()))
            .collect();
        assert_eq!(
            messages,
            [
                (1, "removed the byte-order mark at the start of the file"),
                (
                    1,
                    "read the file's Windows line endings (CRLF) as ordinary line ends"
                ),
            ],
            "{}",
            path.display()
        );
        assert_eq!(windows.report.len(), plain.report.len() + 2);
    }
}

#[test]
fn the_same_input_gives_the_same_ids() {
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(import_as(&path, &text), import_as(&path, &text));
    }
}

#[test]
fn true_false_options_speak_the_quiz_language() {
    let options = ImportOptions::for_file(Path::new("q.gift"), None, Some("ru")).unwrap();
    let imported = gift::import("Верно ли это? {T}", &options);
    assert_eq!(imported.quiz.language, "ru");
    let QuestionKind::TrueFalse { options } = &imported.quiz.questions[0].kind else {
        panic!("not true_false: {:?}", imported.quiz.questions[0]);
    };
    let texts: Vec<(&str, &str)> = options
        .iter()
        .map(|o| (o.id.as_str(), o.text.as_str()))
        .collect();
    assert_eq!(texts, [("true", "Верно"), ("false", "Неверно")]);
}

#[test]
fn invalid_utf8_is_refused_with_its_line() {
    let error = import::decode(b"::Q1:: Fine. {T}\n\n::Q2:: Caf\xE9 {T}\n").unwrap_err();
    assert_eq!(error.line(), Some(3));
    assert!(error.to_string().contains("not UTF-8"), "{error}");
}

fn vigil(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vigil"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(args)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn the_binary_writes_the_quiz_and_reports_each_question_on_stderr() {
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("imported.ron");
    let source = format!("{FIXTURES}/multiple-choice.gift");
    let output = vigil(&["import", &source, "-o", target.to_str().unwrap()]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert!(output.stdout.is_empty());
    for expected in [
        "multiple-choice.gift:3: converted question \"Consent of a child\" (single, id consent-of-a-child)",
        "multiple-choice.gift:11: converted with losses: question \"Partial credit\"",
        "multiple-choice.gift:27: skipped: question \"Two right answers\"",
        "multiple-choice.gift: 5 question(s) converted (1 with losses), 3 item(s) skipped",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    let written = std::fs::read_to_string(&target).unwrap();
    let expected =
        std::fs::read_to_string(format!("{FIXTURES}/expected/multiple-choice.ron")).unwrap();
    assert_eq!(written, expected);
    let checked = vigil(&["check", target.to_str().unwrap()]);
    assert_eq!(checked.status.code(), Some(0), "{}", stderr(&checked));
}

#[test]
fn the_binary_writes_to_stdout_and_takes_id_language_and_format_from_flags() {
    let source = format!("{FIXTURES}/malformed.txt");
    let output = vigil(&[
        "import", &source, "--from", "aiken", "--id", "my-bank", "--lang", "kk",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let quiz = String::from_utf8(output.stdout).unwrap();
    assert!(quiz.contains("id: \"my-bank\""), "{quiz}");
    assert!(quiz.contains("language: \"kk\""), "{quiz}");
}

#[test]
fn the_binary_exits_1_when_nothing_converts_or_the_file_is_unreadable() {
    let source = format!("{FIXTURES}/nothing-converts.gift");
    let output = vigil(&["import", &source]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let err = stderr(&output);
    assert!(
        err.contains("nothing-converts.gift:3: skipped: question \"Essay\""),
        "{err}"
    );
    assert!(
        err.contains("nothing converted from this GIFT file; no quiz written"),
        "{err}"
    );

    let folder = tempfile::tempdir().unwrap();
    let bad = folder.path().join("latin1.gift");
    std::fs::write(&bad, b"::Q1:: Fine. {T}\n\n::Q2:: Caf\xE9 {T}\n").unwrap();
    let output = vigil(&["import", bad.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("latin1.gift:3: error: the file is not UTF-8 text"),
        "{err}"
    );

    let output = vigil(&["import", &format!("{FIXTURES}/no-such-file.gift")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no such file"));
}

#[test]
fn the_binary_exits_2_on_usage_errors() {
    let source = format!("{FIXTURES}/true-false.gift");
    for args in [
        vec!["import", &source, "--id", "Not An Id"],
        vec!["import", &source, "--lang", "english"],
        vec!["import", &source, "--from", "pdf"],
        vec!["import"],
    ] {
        let output = vigil(&args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(output.stdout.is_empty());
    }
}

/// Text made of the pieces GIFT and Aiken files are built from, in any order.
fn bank_like_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "{",
        "}",
        "~",
        "=",
        "#",
        "####",
        "%",
        "%50%",
        "%-33.333%",
        "%100%",
        "%abc%",
        "->",
        "::",
        "\\",
        "\\{",
        "\\=",
        "\\n",
        "\\\\",
        "\n",
        "\n\n",
        "\r\n",
        "//",
        "$CATEGORY:",
        "/",
        "[html]",
        "[plain]",
        "[moodle]",
        "[markdown]",
        "<p>",
        "</p>",
        "<img alt=\"x\">",
        "<br>",
        "&amp;",
        "&#0;",
        "&#x41;",
        "T",
        "TRUE",
        "F",
        "FALSE",
        "a",
        "Вопрос",
        " ",
        "\t",
        "\u{FEFF}",
        "\u{FDD0}",
        "\u{1b}",
        "\0",
        "A.",
        "B)",
        "C.",
        "Z)",
        "ANSWER: A",
        "ANSWER: B",
        "ANSWER:",
        "_____",
        "x y",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|pieces| pieces.concat())
}

/// A short text for a question, answer or feedback: mostly words, sometimes markup, escapes and hostile
/// characters.
fn fragment() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec!["Who", "debt", "Вопрос", "x", "Aibek's", "passport"]);
    let hostile = prop::sample::select(vec![
        "",
        "<b>bold</b>",
        "<img src\\=\"x.png\">",
        "<p>",
        "&amp;",
        "&#7;",
        "\\:",
        "\\#",
        "\\=",
        "\\{",
        "\\}",
        "\\~",
        "\\n",
        "\\\\",
        "\u{1b}[2J",
        "\0",
        "\u{FEFF}",
        "\u{202E}",
        "\u{200B}",
        "\u{FDD3}",
        "  ",
        "->",
        "%",
        "[html]",
        "[plain]",
        "T",
    ]);
    let word = prop_oneof![6 => words, 1 => hostile];
    prop::collection::vec(word, 0..4).prop_map(|words| words.join(" "))
}

/// The answer markers of a multiple-choice block: right by construction, or random.
fn choice_markers() -> impl Strategy<Value = Vec<&'static str>> {
    let random = prop::sample::select(vec![
        "=",
        "~",
        "~%50%",
        "~%-25%",
        "~%33.333%",
        "~%100%",
        "~%abc%",
        "~%-100%",
    ]);
    prop_oneof![
        Just(vec!["=", "~", "~"]),
        Just(vec!["~", "=", "~%50%", "~%-25%"]),
        Just(vec!["~%50%", "~%50%", "~"]),
        Just(vec!["~%33.333%", "~%33.333%", "~%33.334%", "~%-50%"]),
        Just(vec!["~%100%", "~%-100%"]),
        prop::collection::vec(random, 0..6),
    ]
}

/// One GIFT item: a category, a description, or a question with a well-formed or broken answer block.
fn gift_item() -> impl Strategy<Value = String> {
    let choice = choice_markers()
        .prop_flat_map(|markers| {
            let answers: Vec<_> = markers
                .into_iter()
                .map(|marker| (Just(marker), fragment(), prop::option::of(fragment())))
                .collect();
            answers
        })
        .prop_map(|answers| {
            answers
                .into_iter()
                .map(|(marker, text, feedback)| match feedback {
                    Some(feedback) => format!("{marker}{text}#{feedback}"),
                    None => format!("{marker}{text}"),
                })
                .collect::<Vec<_>>()
                .join("\n")
        });
    let pair = (fragment(), fragment()).prop_map(|(left, right)| format!("={left} -> {right}"));
    let matching = prop::collection::vec(pair, 0..5).prop_map(|pairs| pairs.join(" "));
    let truth = (
        prop::sample::select(vec!["T", "TRUE", "F", "FALSE"]),
        fragment(),
        fragment(),
    )
        .prop_map(|(value, wrong, right)| format!("{value}#{wrong}#{right}"));
    let block = prop_oneof![
        3 => choice,
        1 => matching,
        1 => truth,
        1 => prop_oneof![Just(String::new()), Just("#3:1".to_owned()), fragment()],
    ];
    let question = (
        prop::option::of(fragment()),
        fragment(),
        block,
        prop::option::of(fragment()),
        prop_oneof![4 => Just(String::new()), 1 => fragment()],
        prop_oneof![8 => Just(""), 1 => Just("{"), 1 => Just("}")],
    )
        .prop_map(|(name, text, block, feedback, after, stray)| {
            let name = name.map(|n| format!("::{n}::")).unwrap_or_default();
            let feedback = feedback.map(|f| format!("####{f}")).unwrap_or_default();
            format!("{name}Q {text}{stray}{{{block}{feedback}}}{after}")
        });
    prop_oneof![
        6 => question,
        1 => fragment().prop_map(|name| format!("$CATEGORY: $course$/top/{name}")),
        1 => (prop::option::of(fragment()), fragment())
            .prop_map(|(name, text)| format!("{}{text}", name.map(|n| format!("::{n}::")).unwrap_or_default())),
        1 => fragment().prop_map(|comment| format!("// {comment}")),
    ]
}

/// A GIFT file: items separated by blank lines (sometimes not), with LF or CRLF line ends.
fn gift_file() -> impl Strategy<Value = String> {
    let separator = prop::sample::select(vec!["\n\n", "\n\n", "\r\n\r\n", "\n"]);
    prop::collection::vec((gift_item(), separator), 0..8).prop_map(|items| {
        items
            .into_iter()
            .map(|(item, separator)| item + separator)
            .collect()
    })
}

/// An Aiken file: question lines, lettered options (now and then out of order), `ANSWER:` lines.
fn aiken_file() -> impl Strategy<Value = String> {
    let option = (
        prop_oneof![8 => Just(None), 1 => prop::sample::select(vec!['C', 'a', 'Z']).prop_map(Some)],
        prop::sample::select(vec![".", ")"]),
        fragment(),
    );
    let question = (
        fragment(),
        prop::collection::vec(option, 0..5),
        prop::sample::select(vec!["A", "B", "C", "E", "b", ""]),
        prop_oneof![6 => Just(true), 1 => Just(false)],
    )
        .prop_map(|(text, options, answer, answered)| {
            let mut lines = vec![format!("Q {text}")];
            for (index, (wrong_letter, mark, text)) in options.into_iter().enumerate() {
                let letter = wrong_letter.unwrap_or(char::from(b'A' + index as u8));
                lines.push(format!("{letter}{mark} {text}"));
            }
            if answered {
                lines.push(format!("ANSWER: {answer}"));
            }
            lines.join("\n")
        });
    prop::collection::vec(question, 0..6).prop_map(|questions| questions.join("\n\n"))
}

fn options() -> ImportOptions {
    ImportOptions::for_file(Path::new("random.txt"), None, None).unwrap()
}

/// Imports `text` both ways; whatever converts must write and pass `vigil check`.
fn import_both_ways(text: &str) -> Result<(), TestCaseError> {
    for format in [SourceFormat::Gift, SourceFormat::Aiken] {
        let imported = import::import(text, format, &options());
        for note in &imported.report {
            prop_assert!(note.line >= 1);
            prop_assert!(note.line <= text.split(['\n', '\r']).count().max(1));
        }
        let converted =
            imported.count(Outcome::Converted) + imported.count(Outcome::ConvertedWithLosses);
        prop_assert!(converted >= imported.quiz.questions.len());
        if !imported.quiz.questions.is_empty() {
            let written = import::to_ron(&imported.quiz);
            prop_assert!(written.is_ok(), "{format}: {:?}\n{:?}", written.err(), text);
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn random_text_never_panics_the_importers(text in any::<String>()) {
        import_both_ways(&text)?;
    }

    #[test]
    fn random_bytes_never_panic_the_importers(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(text) = import::decode(&bytes) {
            import_both_ways(text)?;
        }
        import_both_ways(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn bank_like_text_never_panics_the_importers(text in bank_like_text()) {
        import_both_ways(&text)?;
    }

    #[test]
    fn gift_files_convert_only_into_valid_quizzes(text in gift_file()) {
        import_both_ways(&text)?;
    }

    #[test]
    fn aiken_files_convert_only_into_valid_quizzes(text in aiken_file()) {
        import_both_ways(&text)?;
    }
}

#[test]
fn the_binary_refuses_to_write_the_quiz_over_the_file_it_imports() {
    let folder = tempfile::tempdir().unwrap();
    let bank = folder.path().join("bank.gift");
    let original = "Who? {=me ~you}\n";
    std::fs::write(&bank, original).unwrap();
    std::fs::create_dir(folder.path().join("sub")).unwrap();
    let same = bank.to_str().unwrap().to_owned();
    let roundabout = folder.path().join("sub/../bank.gift");
    for output in [same.as_str(), roundabout.to_str().unwrap()] {
        let run = vigil(&["import", &same, "-o", output]);
        assert_eq!(run.status.code(), Some(2), "{output}");
        let err = stderr(&run);
        assert!(
            err.contains("is one of the files this command reads; writing there would replace it"),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&bank).unwrap(), original);
    }
    let beside = folder.path().join("bank.ron");
    let run = vigil(&["import", &same, "-o", beside.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(beside.exists());
}
