//! The trainer's corrections (identities merged, attempts voided) and the trainer's seal, as `vigil report`,
//! `vigil records` and `vigil corrections` apply them from the command line.

mod common;
#[path = "common/records.rs"]
mod records;

use common::{stdout, vigil};
use records::{SESSION, completed};

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;
use vigil::record::{AttemptRecord, FsWriter, Participant, Phase, Store};

/// A completed attempt on the one-question fixture quiz, by `name` (with `code`) in group `ngo`.
fn attempt(seed: u64, name: &str, code: Option<&str>, phase: Phase, points: f64) -> AttemptRecord {
    let participant = Participant {
        name: name.into(),
        code: code.map(Into::into),
        group: "ngo".into(),
    };
    completed(seed, participant, phase, points)
}

/// Writes `records` into the session folder of `root/results`; returns their files.
fn write(root: &Path, records: &[AttemptRecord]) -> Vec<PathBuf> {
    let store = Store::new(&root.join("results"), SESSION, Arc::new(FsWriter), None);
    records.iter().map(|r| store.create(r).unwrap()).collect()
}

fn report_json(cwd: &Path, extra: &[&str]) -> (Option<i32>, Value) {
    let mut args = vec!["report", "--results", "results", "--format", "json"];
    args.extend_from_slice(extra);
    let output = vigil(&args, cwd);
    let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {output:?}"));
    (output.status.code(), json)
}

fn counted(json: &Value) -> usize {
    json["quizzes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["attempts"].as_array().unwrap().len())
        .sum()
}

fn pairs(json: &Value) -> usize {
    json["pre_post"][0]["pairs"].as_array().map_or(0, Vec::len)
}

/// Aidos signed in to the pre-test with a mistyped name and no code, and to the post-test with his roster code;
/// another trainee took the post-test twice, once in the wrong room.
fn seminar(root: &Path) -> Vec<PathBuf> {
    write(
        root,
        &[
            attempt(1, "Aidos Kenzhebaev", None, Phase::Pre, 0.0),
            attempt(2, "Aidos Kenzhebayev", Some("P03"), Phase::Post, 1.0),
            attempt(3, "Dana", None, Phase::Post, 1.0),
        ],
    )
}

#[test]
fn a_merge_pairs_a_mistyped_pre_test_with_the_post_test_and_every_report_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    seminar(dir.path());
    let (_, before) = report_json(dir.path(), &[]);
    assert_eq!(pairs(&before), 0, "{before}");

    let merged = vigil(
        &[
            "corrections",
            "--session",
            SESSION,
            "merge",
            "Aidos Kenzhebaev/ngo",
            "P03",
            "--reason",
            "typed his name without the code at the pre-test",
        ],
        dir.path(),
    );
    assert_eq!(merged.status.code(), Some(0), "{merged:?}");
    assert!(
        dir.path()
            .join("user-config/vigil/corrections.ron")
            .is_file()
    );

    let (code, after) = report_json(dir.path(), &[]);
    assert_eq!(code, Some(0), "{after}");
    assert_eq!(pairs(&after), 1, "{after}");
    assert_eq!(after["pre_post"][0]["pairs"][0]["code"], "P03");
    assert_eq!(after["overview"]["participants"][0]["participants"], 2);
    assert_eq!(after["corrections"][0]["kind"], "merge");
    assert_eq!(after["corrections"][0]["records"], 1);

    // The report wraps each correction to its width (80 columns when not a terminal): read it as one run of
    // words.
    let raw = stdout(&vigil(&["report", "--results", "results"], dir.path()));
    let section = raw
        .lines()
        .skip_while(|line| !line.starts_with("Corrections applied by the trainer"))
        .take_while(|line| !line.is_empty());
    assert!(section.clone().count() > 2, "{raw}");
    assert!(
        section.clone().all(|line| line.chars().count() <= 80),
        "{raw}"
    );
    let text = words(&raw);
    assert!(
        text.contains("Corrections applied by the trainer")
            && text.contains("Aidos Kenzhebaev (ngo) counted as P03 (session almaty-2010-04); reason: typed his name without the code at the pre-test (1 record)"),
        "{text}"
    );
    let html = stdout(&vigil(
        &["report", "--results", "results", "--format", "html"],
        dir.path(),
    ));
    assert!(html.contains("counted as P03"), "{html}");
    let csv = stdout(&vigil(
        &[
            "report",
            "--results",
            "results",
            "--format",
            "csv",
            "--table",
            "corrections",
        ],
        dir.path(),
    ));
    assert!(
        csv.contains("kind,session,from,into,attempt,reason,records")
            && csv.contains("merge,almaty-2010-04,Aidos Kenzhebaev (ngo),P03,,"),
        "{csv}"
    );
    let ru = stdout(&vigil(
        &["report", "--results", "results", "--lang", "ru"],
        dir.path(),
    ));
    assert!(
        ru.contains("засчитывается как P03") && ru.contains("(1 запись)"),
        "{ru}"
    );

    let shared = stdout(&vigil(
        &["report", "--results", "results", "--pseudonymise"],
        dir.path(),
    ));
    assert!(
        !shared.contains("Kenzhebaev")
            && shared.contains("(session almaty-2010-04); reason:")
            && shared.contains("participant-")
            && shared.contains("counted as P03"),
        "{shared}"
    );

    let listed = stdout(&vigil(&["records", "--results", "results"], dir.path()));
    assert!(listed.contains("Aidos Kenzhebaev → P03"), "{listed}");
    let json = stdout(&vigil(
        &["records", "--results", "results", "--format", "json"],
        dir.path(),
    ));
    assert!(json.contains("\"counted_as\": \"P03\""), "{json}");
    assert!(
        json.contains("\"phase\": \"pre\"") && json.contains("\"phase\": \"post\""),
        "phases by their names in files: {json}"
    );
}

#[test]
fn a_voided_attempt_is_not_counted_and_a_correction_that_matches_nothing_is_named() {
    let dir = tempfile::tempdir().unwrap();
    seminar(dir.path());
    let id = attempt(3, "Dana", None, Phase::Post, 1.0)
        .attempt
        .to_string();
    let corrections = dir.path().join("trainer.ron");
    let file = corrections.to_str().unwrap();
    for (attempt, reason) in [(id.as_str(), "took it in the wrong room"), ("nope", "typo")] {
        let voided = vigil(
            &[
                "corrections",
                "--file",
                file,
                "void",
                attempt,
                "--reason",
                reason,
            ],
            dir.path(),
        );
        assert_eq!(voided.status.code(), Some(0), "{voided:?}");
    }
    let (_, plain) = report_json(dir.path(), &[]);
    assert_eq!(counted(&plain), 3);
    let (code, json) = report_json(dir.path(), &["--corrections", file]);
    assert_eq!(code, Some(0));
    assert_eq!(counted(&json), 2, "{json}");
    assert_eq!(json["corrections"][0]["records"], 1);
    assert_eq!(json["corrections"][1]["records"], 0);

    let text = words(&stdout(&vigil(
        &["report", "--results", "results", "--corrections", file],
        dir.path(),
    )));
    assert!(
        text.contains(&format!(
            "- attempt {id} not counted; reason: took it in the wrong room"
        )),
        "{text}"
    );
    assert!(
        text.contains("! attempt nope not counted; reason: typo (MATCHED NO RECORD"),
        "{text}"
    );
    let listed = stdout(&vigil(
        &["records", "--results", "results", "--corrections", file],
        dir.path(),
    ));
    assert!(listed.contains("complete VOIDED"), "{listed}");
    // The table speaks the trainer's language, its heads, states, marks, phases, numbers and counts.
    for (lang, words) in [
        (
            "ru",
            [
                "УЧАСТНИК",
                "завершена НЕ ЗАСЧИТЫВАЕТСЯ",
                "итоговый тест",
                "не засчитывается",
                "записи, 0 проблемных файлов",
            ],
        ),
        (
            "kk",
            [
                "ҚАТЫСУШЫ",
                "аяқталған ЕСЕПТЕЛМЕЙДІ",
                "қорытынды тест",
                "есептелмейді",
                "жазба, 0 ақаулы файл",
            ],
        ),
    ] {
        let listed = stdout(&vigil(
            &[
                "records",
                "--results",
                "results",
                "--corrections",
                file,
                "--lang",
                lang,
            ],
            dir.path(),
        ));
        for word in words {
            assert!(listed.contains(word), "{lang}: {word}:\n{listed}");
        }
        assert!(!listed.contains("complete"), "{listed}");
    }
    let list = stdout(&vigil(&["corrections", "--file", file, "list"], dir.path()));
    assert!(
        list.contains("attempt nope not counted; reason: typo"),
        "{list}"
    );
}

#[test]
fn a_corrections_file_in_the_results_folder_or_with_mistakes_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    seminar(dir.path());
    // `command` with `file` as its corrections, in `lang`: its exit code and what it said on standard error.
    let refused = |command: &str, file: &Path, lang: &str| {
        let output = vigil(
            &[
                command,
                "--results",
                "results",
                "--corrections",
                file.to_str().unwrap(),
                "--lang",
                lang,
            ],
            dir.path(),
        );
        let err = String::from_utf8_lossy(&output.stderr).into_owned();
        (output.status.code(), err)
    };
    let inside = dir.path().join("results").join("corrections.ron");
    std::fs::write(&inside, "(format: 1)").unwrap();
    let (code, err) = refused("report", &inside, "en");
    assert_eq!(code, Some(2));
    assert!(err.contains("inside the results folder"), "{err}");
    let broken = dir.path().join("broken.ron");
    std::fs::write(
        &broken,
        "(\n  format: 1,\n  voids: [(attempt: \"x\")],\n)\n",
    )
    .unwrap();
    let (code, err) = refused("records", &broken, "en");
    assert_eq!(code, Some(2));
    assert!(err.contains("broken.ron:3:"), "{err}");
    assert!(
        err.contains("a void has no `reason` field")
            && err.contains("see docs/trainer-guide.md (Corrections) for its meaning"),
        "{err}"
    );
    // The mistakes keep their lines, each under the last.
    assert!(
        err.lines().count() > 2 && !err.contains('\u{FFFD}'),
        "{err}"
    );

    // Both refusals follow the trainer's language; the mistakes found keep their file, line and column.
    let (code, err) = refused("report", &inside, "ru");
    assert_eq!(code, Some(2));
    assert!(
        err.contains("находится в папке результатов") && err.contains("--corrections"),
        "{err}"
    );
    let (code, err) = refused("records", &broken, "kk");
    assert_eq!(code, Some(2));
    assert!(
        err.contains("broken.ron:3:") && err.contains("түзетулер файлындағы қателерді түзетіңіз"),
        "{err}"
    );
}

#[test]
fn records_edited_or_added_after_the_seal_are_left_out_unless_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let files = seminar(dir.path());
    let made = vigil(&["keygen"], dir.path());
    assert_eq!(made.status.code(), Some(0), "{made:?}");
    let sealed = vigil(
        &["seal", "--results", "results", "--session", SESSION],
        dir.path(),
    );
    assert_eq!(sealed.status.code(), Some(0), "{sealed:?}");
    let (code, json) = report_json(dir.path(), &[]);
    assert_eq!((code, counted(&json)), (Some(0), 3), "{json}");

    std::fs::write(&files[0], std::fs::read_to_string(&files[0]).unwrap() + " ").unwrap();
    write(dir.path(), &[attempt(9, "Late", None, Phase::Post, 1.0)]);
    let (code, json) = report_json(dir.path(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(counted(&json), 2, "{json}");
    let problems: Vec<&str> = json["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["message"].as_str().unwrap())
        .collect();
    assert!(
        problems
            .iter()
            .any(|m| m.starts_with("edited after the trainer's seal")
                && m.contains("--count-unsealed")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|m| m.starts_with("added after the trainer's seal")),
        "{problems:?}"
    );
    let text = stdout(&vigil(&["report", "--results", "results"], dir.path()));
    assert!(text.contains("left out of every figure"), "{text}");

    let (code, json) = report_json(dir.path(), &["--count-unsealed"]);
    assert_eq!((code, counted(&json)), (Some(1), 4), "{json}");
}

/// `text` as one run of words, single spaces between them, whatever the line breaks.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
