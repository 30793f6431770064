//! `vigil report` on a small session written through the record store: golden text, CSV and JSON, and HTML
//! and CSV that stay safe whatever the participants typed as their names.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use jiff::Timestamp;
use rand::SeedableRng;
use rand::rngs::StdRng;
use vigil::i18n::Lang;
use vigil::quiz::{FeedbackMode, Response};
use vigil::record::{
    AttemptId, AttemptRecord, FsWriter, IntegrityKey, Participant, Phase, QuestionRecord, QuizRef,
    Status, Store, Totals,
};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// An attempt on the fixture quiz (`consent`: single, 1 point; `signs`: multiple, 1 point).
fn attempt(
    seed: u64,
    name: &str,
    group: &str,
    phase: Phase,
    consent: &str,
    signs: &[&str],
    points: [f64; 2],
) -> AttemptRecord {
    let started = Timestamp::from_second(1_272_531_600 + seed as i64 * 60).unwrap();
    AttemptRecord {
        format: 1,
        attempt: AttemptId::new(started, &mut StdRng::seed_from_u64(seed)),
        participant: Participant {
            name: name.into(),
            code: None,
            group: group.into(),
        },
        session: "almaty-2010-04".into(),
        phase,
        quiz: QuizRef {
            id: "fixture".into(),
            language: "en".into(),
            version: 1,
            content_hash: "blake3:00".into(),
            title: "Fixture".into(),
            form_group: None,
        },
        feedback: FeedbackMode::Deferred,
        started,
        updated: started,
        ended: Some(started),
        status: Status::Completed,
        current: 1,
        questions: vec![
            QuestionRecord {
                id: "consent".into(),
                kind: "single".into(),
                shown: vec!["no".into(), "yes".into()],
                shown_targets: vec![],
                answer: Some(Response::Chosen(vec![consent.into()])),
                points: points[0],
                max_points: 1.0,
                time_ms: 30_000,
                flagged: false,
            },
            QuestionRecord {
                id: "signs".into(),
                kind: "multiple".into(),
                shown: vec!["debt".into(), "papers".into(), "languages".into()],
                shown_targets: vec![],
                answer: Some(Response::Chosen(
                    signs.iter().map(|s| s.to_string()).collect(),
                )),
                points: points[1],
                max_points: 1.0,
                time_ms: 60_000,
                flagged: false,
            },
        ],
        total: Totals {
            points: points[0] + points[1],
            max_points: 2.0,
        },
        writer: String::new(),
        saves: 0,
    }
}

/// A session with a pre-test and a post-test, and names that try to break HTML and spreadsheets.
fn session(results: &Path) {
    let store = Store::new(results, "almaty-2010-04", Arc::new(FsWriter), None);
    let script = "<script>alert(1)</script>";
    let formula = "=HYPERLINK(\"http://x\",\"y\")";
    for record in [
        attempt(
            1,
            "Aigerim",
            "ngo",
            Phase::Pre,
            "yes",
            &["debt"],
            [0.0, 0.5],
        ),
        attempt(
            2,
            "Nurlan",
            "police",
            Phase::Pre,
            "no",
            &["debt", "languages"],
            [1.0, 0.0],
        ),
        attempt(3, script, "police", Phase::Pre, "yes", &[], [0.0, 0.0]),
        attempt(
            4,
            formula,
            "ngo",
            Phase::Pre,
            "no",
            &["debt", "papers"],
            [1.0, 1.0],
        ),
        attempt(
            5,
            "Aigerim",
            "ngo",
            Phase::Post,
            "no",
            &["debt", "papers"],
            [1.0, 1.0],
        ),
        attempt(
            6,
            "Nurlan",
            "police",
            Phase::Post,
            "no",
            &["debt"],
            [1.0, 0.5],
        ),
        attempt(
            7,
            script,
            "police",
            Phase::Post,
            "no",
            &["papers", "languages"],
            [1.0, 0.0],
        ),
    ] {
        store.create(&record).unwrap();
    }
}

fn report(results: &Path, args: &[&str]) -> String {
    report_with(results, &root().join("tests/fixtures/valid"), args)
}

/// The `vigil` binary, its messages in English whatever the locale of the machine running the tests.
fn vigil_command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_vigil"));
    command
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    command
}

/// `vigil report` on `results` with the quiz folder `quizzes`, 100 columns wide.
fn report_with(results: &Path, quizzes: &Path, args: &[&str]) -> String {
    let output = vigil_command()
        .args(["report", "--results", ".", "--quizzes"])
        .arg(quizzes)
        .args(args)
        .current_dir(results)
        .env("COLUMNS", "100")
        .env_remove("VIGIL_RESULTS")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_text_report_keeps_to_an_80_column_terminal_in_every_language() {
    use unicode_width::UnicodeWidthStr;
    let dir = tempfile::tempdir().unwrap();
    session(dir.path());
    for lang in ["en", "ru", "kk"] {
        let output = vigil_command()
            .args(["report", "--results", ".", "--lang", lang, "--quizzes"])
            .arg(root().join("tests/fixtures/valid"))
            .current_dir(dir.path())
            .env("COLUMNS", "80")
            .env_remove("VIGIL_RESULTS")
            .output()
            .unwrap();
        assert!(output.status.success(), "{lang}: {output:?}");
        let text = String::from_utf8(output.stdout).unwrap();
        let wide: Vec<&str> = text.lines().filter(|line| line.width() > 80).collect();
        assert!(wide.is_empty(), "{lang}: {wide:#?}");
        // What was wrapped is all there: the reliability figures, the pass rate of the whole room and of each
        // group (66.7% and 25.0%, each at the end of its group's distribution).
        assert!(text.contains("75.8%"), "{lang}:\n{text}");
        assert_eq!(text.matches("42.9%").count(), 1, "{lang}:\n{text}");
        for pass_rate in ["66.7%", "25.0%"] {
            assert!(
                text.lines()
                    .any(|line| line.trim_end().ends_with(pass_rate)),
                "{lang} {pass_rate}:\n{text}"
            );
        }
    }
}

/// Compares with `tests/fixtures/report/NAME`; `VIGIL_BLESS=1` rewrites it after a deliberate change.
fn golden(name: &str, actual: &str) {
    let path = root().join("tests/fixtures/report").join(name);
    if std::env::var_os("VIGIL_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        actual, expected,
        "{name} differs; run with VIGIL_BLESS=1 and review the diff"
    );
}

#[test]
fn golden_text_csv_and_json() {
    let dir = tempfile::tempdir().unwrap();
    session(dir.path());
    golden("report.txt", &report(dir.path(), &[]));
    golden("report-ru.txt", &report(dir.path(), &["--lang", "ru"]));
    golden(
        "participants.csv",
        &report(dir.path(), &["--format", "csv", "--delimiter", ";"]),
    );
    golden(
        "matrix.csv",
        &report(dir.path(), &["--format", "csv", "--table", "matrix"]),
    );
    golden(
        "items.csv",
        &report(dir.path(), &["--format", "csv", "--table", "items"]),
    );
    golden(
        "responses.csv",
        &report(dir.path(), &["--format", "csv", "--table", "responses"]),
    );
    let json = report(dir.path(), &["--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        value["quizzes"][0]["distribution"]["n"], 7,
        "pre and post of one quiz in one distribution"
    );
    golden("report.json", &json);
}

#[test]
fn golden_report_with_the_trainers_corrections() {
    let dir = tempfile::tempdir().unwrap();
    session(dir.path());
    let trainer = tempfile::tempdir().unwrap();
    let corrections = trainer.path().join("corrections.ron");
    std::fs::write(
        &corrections,
        r#"(
    format: 1,
    merges: [
        (session: "almaty-2010-04", from: Name(name: "=HYPERLINK(\"http://x\",\"y\")", group: "ngo"),
         into: Name(name: "Aigerim", group: "ngo"), reason: "signed in under a made-up name"),
    ],
    voids: [
        (attempt: "012848d1-ab20-7efb-a86a-e9e0c207865f", reason: "post-test taken with the notes open"),
        (attempt: "012848d1-0000-7000-8000-000000000000", reason: "mistyped id"),
    ],
)
"#,
    )
    .unwrap();
    let file = corrections.to_str().unwrap();
    golden(
        "report-corrected.txt",
        &report(dir.path(), &["--corrections", file]),
    );
    golden(
        "report-corrected-kk.txt",
        &report(dir.path(), &["--corrections", file, "--lang", "kk"]),
    );
    golden(
        "corrections.csv",
        &report(
            dir.path(),
            &[
                "--corrections",
                file,
                "--format",
                "csv",
                "--table",
                "corrections",
            ],
        ),
    );
}

#[test]
fn html_escapes_every_name_and_csv_neutralises_formulas() {
    let dir = tempfile::tempdir().unwrap();
    session(dir.path());
    let html = report(dir.path(), &["--format", "html"]);
    let document = scraper::Html::parse_document(&html);
    let scripts = scraper::Selector::parse("script, link, img, iframe").unwrap();
    assert_eq!(
        document.select(&scripts).count(),
        0,
        "no script and no external resource"
    );
    let cells = scraper::Selector::parse("td").unwrap();
    let texts: Vec<String> = document
        .select(&cells)
        .map(|c| c.text().collect())
        .collect();
    assert!(
        texts.iter().any(|t| t == "<script>alert(1)</script>"),
        "the name shows as text"
    );
    assert!(texts.iter().any(|t| t == "=HYPERLINK(\"http://x\",\"y\")"));
    assert!(html.contains("<svg"), "charts are inline");
    let everything = scraper::Selector::parse("*").unwrap();
    for element in document.select(&everything) {
        for (name, value) in element.value().attrs() {
            assert!(
                !value.contains("HYPERLINK") && !value.contains("<script"),
                "a name reached the attribute {name}: {value}"
            );
        }
    }

    let csv = report(dir.path(), &["--format", "csv"]);
    assert!(csv.starts_with('\u{FEFF}'), "a byte-order mark for Excel");
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    let mut cells = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
    for record in cells.records() {
        for cell in record.unwrap().iter() {
            assert!(
                !cell.starts_with(['=', '+', '@']),
                "a cell a spreadsheet would run: {cell}"
            );
        }
    }
}

#[test]
fn pseudonymised_reports_carry_no_names() {
    let dir = tempfile::tempdir().unwrap();
    session(dir.path());
    let trainer = tempfile::tempdir().unwrap();
    let key = trainer.path().join("pseudonym.key");
    let key = key.to_str().unwrap();
    for format in ["text", "csv", "json", "html", "responses"] {
        let args = match format {
            "responses" => vec!["--format", "csv", "--table", "responses"],
            _ => vec!["--format", format],
        };
        let args = [&args[..], &["--pseudonymise", "--pseudonym-key", key]].concat();
        let output = report(dir.path(), &args);
        for name in ["Aigerim", "Nurlan", "alert(1)", "HYPERLINK"] {
            assert!(!output.contains(name), "{format} shows {name}");
        }
        assert!(output.contains("participant-"), "{format}");
    }
}

#[test]
fn a_new_pseudonym_key_is_announced_in_the_trainers_language() {
    let dir = tempfile::tempdir().unwrap();
    session(dir.path());
    let trainer = tempfile::tempdir().unwrap();
    let key = trainer.path().join("pseudonym.key");
    let args = [
        "--pseudonymise",
        "--pseudonym-key",
        key.to_str().unwrap(),
        "--lang",
        "ru",
    ];
    let run = || {
        vigil_command()
            .args(["report", "--results", "."])
            .args(args)
            .current_dir(dir.path())
            .env_remove("VIGIL_RESULTS")
            .output()
            .unwrap()
    };
    let made = run();
    let said = String::from_utf8_lossy(&made.stderr);
    assert!(made.status.success(), "{said}");
    assert_eq!(
        said.trim_end(),
        format!(
            "vigil report: создан новый ключ псевдонимов в {}; храните его на этом компьютере (и его копию), \
             чтобы в следующих отчётах участники получили те же псевдонимы",
            key.display()
        )
    );
    let again = run();
    assert!(again.stderr.is_empty(), "the key is made once");
}

/// The pseudonyms of a participants CSV made with the key file `key`.
fn pseudonyms(results: &Path, key: &Path) -> Vec<String> {
    let key = key.to_str().unwrap();
    let args = ["--format", "csv", "--pseudonymise", "--pseudonym-key", key];
    let mut names: Vec<String> = report(results, &args)
        .lines()
        .flat_map(|line| line.split(','))
        .filter(|cell| cell.starts_with("participant-"))
        .map(str::to_owned)
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn pseudonyms_are_stable_with_one_trainer_key_and_differ_with_another() {
    let dir = tempfile::tempdir().unwrap();
    session(dir.path());
    let trainer = tempfile::tempdir().unwrap();
    let key = trainer.path().join("keys").join("pseudonym.key");
    let first = pseudonyms(dir.path(), &key);
    assert!(key.exists(), "the key is made on first use");
    assert!(!first.is_empty());
    assert_eq!(pseudonyms(dir.path(), &key), first);
    let other = pseudonyms(dir.path(), &trainer.path().join("other.key"));
    assert_eq!(other.len(), first.len());
    assert!(
        other.iter().all(|p| !first.contains(p)),
        "{first:?} {other:?}"
    );
}

#[test]
fn a_pseudonym_key_the_workstations_can_read_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    session(dir.path());
    let (code, err) = refused(
        dir.path(),
        "report",
        &["--pseudonymise", "--pseudonym-key", "pseudonym.key"],
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("inside the results folder"), "{err}");
    assert!(!dir.path().join("pseudonym.key").exists());

    // The refusal follows the trainer's language.
    let (code, err) = refused(
        dir.path(),
        "report",
        &[
            "--pseudonymise",
            "--pseudonym-key",
            "pseudonym.key",
            "--lang",
            "kk",
        ],
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("pseudonym.key бүркеншік ат кілті . нәтижелер қалтасының ішінде"),
        "{err}"
    );
}

#[test]
fn an_output_the_report_would_read_is_refused_in_the_trainers_language() {
    let dir = tempfile::tempdir().unwrap();
    session(dir.path());
    let (code, err) = refused(
        dir.path(),
        "report",
        &["--format", "html", "--out", "report.html", "--lang", "ru"],
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("report.html находится в папке результатов ."),
        "{err}"
    );
    assert!(!dir.path().join("report.html").exists());
    let (code, err) = refused(
        dir.path(),
        "report",
        &["--format", "csv", "--delimiter", "§", "--lang", "kk"],
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("бөлгіш бір ASCII таңбасы болуы керек"),
        "{err}"
    );
}

/// A quiz folder holding the fixture quiz in English and in Russian.
fn bilingual_quizzes() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    let english = std::fs::read_to_string(root().join("tests/fixtures/valid/small.ron")).unwrap();
    std::fs::write(folder.path().join("small.ron"), &english).unwrap();
    let russian = english
        .replace("language: \"en\"", "language: \"ru\"")
        .replace("title: \"Fixture\"", "title: \"Проверка\"")
        .replace(
            "Does his agreement rule out trafficking?",
            "Исключает ли его согласие торговлю людьми?",
        )
        .replace("Which are indicators?", "Что из этого признаки?")
        .replace("A debt for the trip", "Долг за поездку");
    std::fs::write(folder.path().join("small.ru.ron"), russian).unwrap();
    folder
}

#[test]
fn texts_follow_the_report_language_and_facility_is_split_by_language() {
    let dir = tempfile::tempdir().unwrap();
    let quizzes = bilingual_quizzes();
    let store = Store::new(dir.path(), "almaty-2010-04", Arc::new(FsWriter), None);
    // Two English attempts get `signs` right, two Russian ones do not: the translation made it harder.
    for (seed, name, language, points) in [
        (1, "Aigerim", "en", [1.0, 1.0]),
        (2, "Nurlan", "en", [0.0, 1.0]),
        (3, "Dana", "ru", [1.0, 0.0]),
        (4, "Erlan", "ru", [1.0, 0.0]),
    ] {
        let mut record = attempt(seed, name, "police", Phase::Post, "no", &["debt"], points);
        record.quiz.language = language.into();
        store.create(&record).unwrap();
    }
    let run = |args: &[&str]| report_with(dir.path(), quizzes.path(), args);
    let json: serde_json::Value =
        serde_json::from_str(&run(&["--format", "json", "--lang", "ru"])).unwrap();
    let quiz = &json["quizzes"][0];
    assert_eq!(quiz["quiz"]["title"], "Проверка");
    let signs = &quiz["questions"][1];
    assert_eq!(signs["prompt"], "Что из этого признаки?");
    assert_eq!(signs["options"][0]["text"], "Долг за поездку");
    assert_eq!(signs["stats"]["n"], 4, "items are pooled across languages");
    let split: Vec<(String, f64, u64)> = signs["by_language"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let language = l["language"].as_str().unwrap().to_owned();
            (
                language,
                l["facility"].as_f64().unwrap(),
                l["n"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(split, [("en".into(), 1.0, 2), ("ru".into(), 0.0, 2)]);
    let text = run(&["--lang", "ru"]);
    assert!(text.contains("Что из этого признаки?"), "{text}");
    assert!(text.contains("Лёгкость по языкам"), "{text}");
    assert!(text.contains("en 1.00 (2) · ru 0.00 (2)"), "{text}");
    let english = run(&["--lang", "en"]);
    assert!(english.contains("Which are indicators?"), "{english}");
    let items = run(&["--format", "csv", "--table", "items"]);
    assert!(items.contains(",en:1 ru:0"), "{items}");
    let html = run(&["--format", "html", "--lang", "ru"]);
    assert!(html.contains("Исключает ли его согласие"), "{html}");
}

#[test]
fn damaged_and_edited_records_are_listed_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    session(dir.path());
    std::fs::write(
        dir.path().join("almaty-2010-04/broken.ron"),
        "(format: 1, attempt: \"",
    )
    .unwrap();
    // With a trainer key, a sealed record edited afterwards is left out and named.
    let secret = [7u8; 32];
    std::fs::write(dir.path().join("trainer.key"), secret).unwrap();
    std::fs::write(
        dir.path().join("vigil.ron"),
        "(format: 1, session: \"almaty-2010-04\", phase: post, trainer_key: \"trainer.key\")",
    )
    .unwrap();
    let key = IntegrityKey::from_secret(&secret).unwrap();
    let store = Store::new(dir.path(), "almaty-2010-04", Arc::new(FsWriter), Some(key));
    let sealed = attempt(9, "Dana", "ngo", Phase::Post, "no", &[], [1.0, 1.0]);
    let path = store.create(&sealed).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("\"Dana\"", "\"Dina\"")).unwrap();
    let edited = path.file_name().unwrap().to_string_lossy().into_owned();
    for (format, table) in [
        ("text", None),
        ("csv", Some("problems")),
        ("json", None),
        ("html", None),
    ] {
        let mut args = vec!["--format", format];
        args.extend(table.map(|t| ["--table", t]).into_iter().flatten());
        let output = report(dir.path(), &args);
        assert!(
            output.contains("broken.ron"),
            "{format} lists the damaged file"
        );
        assert!(output.contains(&edited), "{format} lists the edited record");
        assert!(
            output.contains("edited after it was written"),
            "{format} says why: {output}"
        );
    }
    // Text and HTML say why in the report's language; JSON and CSV keep English.
    for (lang, edited_words, truncated_words) in [
        ("ru", "изменена после сохранения", "обрезанная запись"),
        ("kk", "жазылғаннан кейін өзгертілген", "қиылып қалған жазба"),
    ] {
        for format in ["text", "html"] {
            let output = report(dir.path(), &["--format", format, "--lang", lang]);
            assert!(output.contains(edited_words), "{lang} {format}: {output}");
            assert!(
                output.contains(truncated_words),
                "{lang} {format}: {output}"
            );
            assert!(
                !output.contains("edited after it was written"),
                "{lang} {format}: {output}"
            );
        }
        let json = report(dir.path(), &["--format", "json", "--lang", lang]);
        assert!(json.contains("edited after it was written"), "{json}");
    }
}

/// A quiz of one `order` question (Alpha, Beta, Gamma) and one `match` question (Xray → Papa, Yankee → Quebec),
/// in `quizzes`, and three attempts at it in `results`: the order pair Alpha › Beta is kept once and Beta ›
/// Gamma twice; Xray and Yankee are each put on their target twice.
fn steps_quiz_and_attempts(quizzes: &Path, results: &Path) {
    std::fs::write(
        quizzes.join("steps.ron"),
        r#"(
    format: 1,
    id: "fixture-steps",
    version: 1,
    language: "en",
    title: "Steps",
    description: "An order and a match question for tests.",
    estimated_minutes: 2,
    pass_mark: 50,
    questions: [
        (
            id: "steps",
            prompt: "Put the steps in order.",
            points: 2,
            explanation: "Alpha, Beta, Gamma.",
            kind: order(items: [
                (id: "a", text: "Alpha"),
                (id: "b", text: "Beta"),
                (id: "c", text: "Gamma"),
            ]),
        ),
        (
            id: "pairs",
            prompt: "Match each word to its partner.",
            points: 2,
            explanation: "Xray with Papa, Yankee with Quebec.",
            kind: match(
                items: [
                    (id: "x", text: "Xray", target: "p"),
                    (id: "y", text: "Yankee", target: "q"),
                ],
                targets: [(id: "p", text: "Papa"), (id: "q", text: "Quebec")],
            ),
        ),
    ],
)"#,
    )
    .unwrap();
    let store = Store::new(results, "almaty-2010-04", Arc::new(FsWriter), None);
    // Per attempt: the order given, the pairs given, and the points each earns.
    type Answers<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], [f64; 2]);
    let answers: [Answers; 3] = [
        (&["a", "b", "c"], &[("x", "p"), ("y", "q")], [2.0, 2.0]),
        (&["b", "c", "a"], &[("x", "q"), ("y", "q")], [1.0, 1.0]),
        (&["a", "c", "b"], &[("x", "p"), ("y", "p")], [0.0, 1.0]),
    ];
    for (seed, (order, pairs, points)) in answers.into_iter().enumerate() {
        let mut record = attempt(
            seed as u64 + 1,
            &format!("P{seed}"),
            "ngo",
            Phase::Post,
            "no",
            &[],
            [0.0, 0.0],
        );
        record.quiz.id = "fixture-steps".into();
        let owned = |ids: &[&str]| ids.iter().map(|id| (*id).to_owned()).collect::<Vec<_>>();
        let steps = &mut record.questions[0];
        steps.id = "steps".into();
        steps.kind = "order".into();
        steps.shown = owned(&["c", "a", "b"]);
        steps.answer = Some(Response::Order(owned(order)));
        steps.points = points[0];
        steps.max_points = 2.0;
        let matched = &mut record.questions[1];
        matched.id = "pairs".into();
        matched.kind = "match".into();
        matched.shown = owned(&["y", "x"]);
        matched.shown_targets = owned(&["q", "p"]);
        matched.answer = Some(Response::Pairs(
            pairs
                .iter()
                .map(|(item, target)| ((*item).to_owned(), (*target).to_owned()))
                .collect(),
        ));
        matched.points = points[1];
        matched.max_points = 2.0;
        record.total.points = points[0] + points[1];
        record.total.max_points = 4.0;
        store.create(&record).unwrap();
    }
}

#[test]
fn how_often_each_part_of_order_and_match_answers_was_right_is_counted() {
    let results = tempfile::tempdir().unwrap();
    let quizzes = tempfile::tempdir().unwrap();
    steps_quiz_and_attempts(quizzes.path(), results.path());
    let json: serde_json::Value = serde_json::from_str(&report_with(
        results.path(),
        quizzes.path(),
        &["--format", "json"],
    ))
    .unwrap();
    assert!(json["problems"].as_array().unwrap().is_empty(), "{json:#}");
    let questions = &json["quizzes"][0]["questions"];
    let parts = |at: usize| -> Vec<(String, u64)> {
        questions[at]["parts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["text"].as_str().unwrap().to_owned(),
                    p["right"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(
        parts(0),
        [
            ("Alpha › Beta".to_owned(), 1),
            ("Beta › Gamma".to_owned(), 2)
        ]
    );
    assert_eq!(
        parts(1),
        [
            ("Xray → Papa".to_owned(), 2),
            ("Yankee → Quebec".to_owned(), 2)
        ]
    );
    assert!(questions[0]["options"].as_array().unwrap().is_empty());
    let html = report_with(results.path(), quizzes.path(), &["--format", "html"]);
    assert!(
        html.contains("Order and match answers, part by part"),
        "{html}"
    );
    assert!(
        html.contains("Alpha › Beta</td><td class=\"n\">1</td><td class=\"n\">33%"),
        "{html}"
    );
    assert!(
        html.contains("Xray → Papa</td><td class=\"n\">2</td><td class=\"n\">67%"),
        "{html}"
    );
}

#[test]
fn the_responses_table_gives_every_answer_in_ids_with_or_without_the_quiz_file() {
    let results = tempfile::tempdir().unwrap();
    let quizzes = tempfile::tempdir().unwrap();
    steps_quiz_and_attempts(quizzes.path(), results.path());
    let without_file = tempfile::tempdir().unwrap();
    session(without_file.path());
    // Each row's question and answer (no cell of these reports holds a comma or a quote).
    let answers = |results: &Path, quizzes: &Path| -> Vec<(String, String)> {
        let table = report_with(
            results,
            quizzes,
            &["--format", "csv", "--table", "responses"],
        );
        let mut answers: Vec<(String, String)> = table
            .lines()
            .skip(1)
            .map(|line| {
                let cells: Vec<&str> = line.split(',').collect();
                (cells[10].to_owned(), cells[12].to_owned())
            })
            .collect();
        answers.sort();
        answers
    };
    let pairs = |expected: &[(&str, &str)]| -> Vec<(String, String)> {
        expected
            .iter()
            .map(|(question, answer)| ((*question).to_owned(), (*answer).to_owned()))
            .collect()
    };
    let steps = pairs(&[
        ("pairs", "x:p y:p"),
        ("pairs", "x:p y:q"),
        ("pairs", "x:q y:q"),
        ("steps", "a b c"),
        ("steps", "a c b"),
        ("steps", "b c a"),
    ]);
    let no_quizzes = tempfile::tempdir().unwrap();
    assert_eq!(answers(results.path(), quizzes.path()), steps);
    assert_eq!(answers(results.path(), no_quizzes.path()), steps);
    // The fixture quiz's choice questions read the same from its file and, without it, from the records.
    let with_file = answers(without_file.path(), &root().join("tests/fixtures/valid"));
    assert_eq!(answers(without_file.path(), no_quizzes.path()), with_file);
    assert!(with_file.contains(&("signs".to_owned(), "debt papers".to_owned())));
}

#[test]
fn every_csv_table_is_one_rectangular_table_when_two_quizzes_were_taken() {
    let dir = tempfile::tempdir().unwrap();
    session(dir.path());
    let store = Store::new(dir.path(), "almaty-2010-04", Arc::new(FsWriter), None);
    let mut other = attempt(30, "Dana", "ngo", Phase::Practice, "no", &[], [1.0, 0.0]);
    other.quiz.id = "other-quiz".into();
    other.questions[1].id = "extra".into();
    store.create(&other).unwrap();
    for table in ["participants", "matrix", "items", "problems", "responses"] {
        let text = report(dir.path(), &["--format", "csv", "--table", table]);
        let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let width = reader.headers().unwrap().len();
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        assert!(rows.iter().all(|r| r.len() == width), "{table}: {text}");
        for quiz in ["fixture", "other-quiz"] {
            assert!(
                table == "problems" || rows.iter().any(|r| r.iter().any(|c| c == quiz)),
                "{table} lacks {quiz}: {text}"
            );
        }
    }
    let matrix = report(dir.path(), &["--format", "csv", "--table", "matrix"]);
    let head = matrix.lines().next().unwrap();
    assert!(head.ends_with(",total,consent,signs,extra"), "{head}");
    let dana = matrix.lines().find(|l| l.contains("Dana")).unwrap();
    assert!(dana.ends_with(",1,1,,0"), "{dana}");
    let responses = report(dir.path(), &["--format", "csv", "--table", "responses"]);
    assert!(
        responses.starts_with("session,"),
        "no byte-order mark: {responses}"
    );
    assert_eq!(responses.lines().count(), 1 + 2 * 8);
    let overview = report(dir.path(), &["--format", "csv", "--table", "overview"]);
    let mut reader = csv::ReaderBuilder::new().from_reader(overview.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["section", "item", "group", "measure", "value"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let cell = |section: &str, group: &str, measure: &str| {
        rows.iter()
            .find(|r| r[0] == *section && r[2] == *group && r[3] == *measure)
            .map(|r| r[4].to_owned())
    };
    assert_eq!(
        cell("participants", "ngo", "participants").as_deref(),
        Some("3"),
        "{overview}"
    );
    assert_eq!(
        cell("gain", "police", "pairs").as_deref(),
        Some("2"),
        "{overview}"
    );
    assert!(cell("gain", "ngo", "mean_gain_pp").is_some(), "{overview}");
}

#[test]
fn attempts_that_do_not_follow_the_trainers_config_are_pointed_out_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    session(dir.path());
    let store = Store::new(dir.path(), "almaty-2010-04", Arc::new(FsWriter), None);
    let mut immediate = attempt(40, "Dana", "ngo", Phase::Pre, "no", &[], [1.0, 0.0]);
    immediate.feedback = FeedbackMode::Immediate;
    store.create(&immediate).unwrap();
    let before = report(dir.path(), &[]);
    assert!(!before.contains("trainer's config"), "no config, no flag");
    std::fs::write(
        dir.path().join("vigil.ron"),
        "(format: 1, session: \"almaty-2010-04\", phase: pre, phases: (\
         pre: (quizzes: [\"fixture\"], feedback: deferred), \
         post: (quizzes: [\"fixture-branching\"], feedback: deferred)))",
    )
    .unwrap();
    let text = report(dir.path(), &[]);
    let flagged = text
        .split("Attempts that do not follow the trainer's config:")
        .nth(1)
        .unwrap_or_default();
    assert!(
        flagged.contains("Dana · fixture")
            && flagged.contains("taken with immediate feedback; the config gives deferred"),
        "{text}"
    );
    assert_eq!(
        flagged
            .matches("in which the config does not offer this quiz")
            .count(),
        3,
        "the three post-test attempts: {text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&report(dir.path(), &["--format", "json"])).unwrap();
    assert_eq!(json["deviations"].as_array().unwrap().len(), 4);
    let problems = report(dir.path(), &["--format", "csv", "--table", "problems"]);
    assert_eq!(
        problems
            .matches("does not follow the trainer's config")
            .count(),
        4
    );
    let html = report(dir.path(), &["--format", "html", "--lang", "ru"]);
    assert!(html.contains("обратная связь: немедленная"), "{html}");
}

#[test]
fn records_of_one_quiz_version_made_from_different_files_are_pointed_out() {
    let dir = tempfile::tempdir().unwrap();
    session(dir.path());
    let store = Store::new(dir.path(), "almaty-2010-04", Arc::new(FsWriter), None);
    let mut edited = attempt(50, "Dana", "ngo", Phase::Post, "no", &[], [1.0, 0.0]);
    edited.quiz.content_hash = "blake3:ff".into();
    store.create(&edited).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&report(dir.path(), &["--format", "json"])).unwrap();
    let variants = json["quizzes"][0]["mixed_content"].as_array().unwrap();
    assert_eq!(variants.len(), 2, "{variants:?}");
    assert_eq!(
        json["quizzes"][0]["mixed_versions"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    let text = report(dir.path(), &[]);
    assert!(
        text.contains("different content, even where the version is the same: en v1 blake3:00… (7 records), en v1 blake3:ff… (1 record)"),
        "{text}"
    );
    let html = report(dir.path(), &["--format", "html"]);
    assert!(html.contains("blake3:ff"));
}

#[test]
fn headers_are_never_cut_at_100_columns_or_more_in_any_language() {
    let dir = tempfile::tempdir().unwrap();
    session(dir.path());
    for lang in [Lang::En, Lang::Ru, Lang::Kk] {
        for columns in ["100", "140"] {
            let output = vigil_command()
                .args(["report", "--results", ".", "--quizzes"])
                .arg(root().join("tests/fixtures/valid"))
                .args(["--lang", lang.code()])
                .current_dir(dir.path())
                .env("COLUMNS", columns)
                .env_remove("VIGIL_RESULTS")
                .output()
                .unwrap();
            let text = String::from_utf8(output.stdout).unwrap();
            let r = lang.report();
            for head in r.item_heads.iter().chain(&r.gain_heads) {
                assert!(
                    text.contains(head),
                    "{columns} columns lack `{head}`:\n{text}"
                );
            }
        }
    }
}

#[test]
fn every_report_opens_with_the_session_overview_per_group() {
    let dir = tempfile::tempdir().unwrap();
    session(dir.path());
    let text = report(dir.path(), &[]);
    let overview = text.find("Session overview").unwrap();
    assert!(overview < text.find("Quiz · ").unwrap(), "{text}");
    assert!(
        text.contains("Documents withheld   75% → 33%  50% → 0%  100% → 50%"),
        "{text}"
    );
    let html = report(dir.path(), &["--format", "html"]);
    let document = scraper::Html::parse_document(&html);
    let h2 = scraper::Selector::parse("h2").unwrap();
    let first: String = document.select(&h2).next().unwrap().text().collect();
    assert_eq!(first, "Session overview");
    assert!(html.contains("gain pp: +50.0"), "the room's mean gain");
    let tables = scraper::Selector::parse("table").unwrap();
    let head = scraper::Selector::parse("tr:first-child th").unwrap();
    for table in document.select(&tables) {
        assert!(
            table.select(&head).count() > 0,
            "every table has a header row"
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&report(dir.path(), &["--format", "json"])).unwrap();
    let police = &json["overview"]["gains"][0]["groups"][1];
    assert_eq!(police["group"], "police");
    assert_eq!(police["pairs"], 2);
    assert_eq!(police["mean_post"], 62.5);
    assert_eq!(json["overview"]["participants"][0]["participants"], 2);
}

#[test]
fn quizzes_come_in_the_order_of_the_seminar() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path(), "almaty-2010-04", Arc::new(FsWriter), None);
    for (seed, quiz, phase) in [
        (60, "assessment-post", Phase::Post),
        (61, "indicators", Phase::Practice),
        (62, "assessment-pre", Phase::Pre),
        (63, "warm-up", Phase::Pre),
    ] {
        let mut record = attempt(seed, "Dana", "ngo", phase, "no", &[], [1.0, 0.0]);
        record.quiz.id = quiz.into();
        record.quiz.version = 99;
        store.create(&record).unwrap();
    }
    let json: serde_json::Value =
        serde_json::from_str(&report(dir.path(), &["--format", "json"])).unwrap();
    let order: Vec<&str> = json["quizzes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["quiz"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        order,
        ["warm-up", "assessment-pre", "indicators", "assessment-post"]
    );
}

/// `vigil COMMAND --results .` in `results` with `args`: the exit code and standard error.
fn refused(results: &Path, command: &str, args: &[&str]) -> (Option<i32>, String) {
    let output = vigil_command()
        .args([command, "--results", "."])
        .args(args)
        .current_dir(results)
        .env_remove("VIGIL_RESULTS")
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn filters_that_name_nothing_are_refused_with_the_known_values() {
    let dir = tempfile::tempdir().unwrap();
    session(dir.path());
    for (command, args, near) in [
        (
            "report",
            &["--group", "polise"][..],
            "did you mean `police`?",
        ),
        (
            "report",
            &["--group", "Polise"][..],
            "did you mean `Police`?",
        ),
        (
            "report",
            &["--session", "almaty-2010-4"][..],
            "did you mean `almaty-2010-04`?",
        ),
        (
            "report",
            &["--quiz", "fixtur"][..],
            "did you mean `fixture`?",
        ),
        (
            "records",
            &["--session", "almaty-2010-4"][..],
            "did you mean `almaty-2010-04`?",
        ),
        (
            "dashboard",
            &["--session", "almaty-2010-4"][..],
            "did you mean `almaty-2010-04`?",
        ),
    ] {
        let (code, err) = refused(dir.path(), command, args);
        assert_eq!(code, Some(2), "{command} {args:?}: {err}");
        assert!(err.contains(near), "{command} {args:?}: {err}");
        assert!(err.contains("give one of:"), "{err}");
    }
    let (_, err) = refused(dir.path(), "report", &["--group", "polise"]);
    assert!(err.contains("ngo (NGO / НПО / ҮЕҰ)"), "{err}");
}

#[test]
fn a_group_is_chosen_by_its_id_or_its_label_in_any_language() {
    let dir = tempfile::tempdir().unwrap();
    session(dir.path());
    let by_id = report(dir.path(), &["--group", "police", "--format", "csv"]);
    assert_eq!(by_id.lines().count(), 5, "{by_id}");
    for label in ["Police", "полиция", "ПОЛИЦИЯ"] {
        assert_eq!(
            report(dir.path(), &["--group", label, "--format", "csv"]),
            by_id,
            "{label}"
        );
    }
}

/// `vigil records --format json` over `results` with `args`: how many attempts it lists.
fn records_listed(results: &Path, args: &[&str]) -> usize {
    let output = vigil_command()
        .args(["records", "--results", ".", "--format", "json"])
        .args(args)
        .current_dir(results)
        .env_remove("VIGIL_RESULTS")
        .output()
        .unwrap();
    let listing: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    listing["records"].as_array().unwrap().len()
}

#[test]
fn records_lists_the_attempts_of_every_session_named() {
    let dir = tempfile::tempdir().unwrap();
    session(dir.path());
    let other = Store::new(dir.path(), "astana-2010-05", Arc::new(FsWriter), None);
    other
        .create(&attempt(
            20,
            "Dana",
            "ngo",
            Phase::Post,
            "no",
            &[],
            [1.0, 1.0],
        ))
        .unwrap();
    let almaty = records_listed(dir.path(), &["--session", "almaty-2010-04"]);
    assert!(almaty > 1);
    assert_eq!(
        records_listed(dir.path(), &["--session", "astana-2010-05"]),
        1
    );
    assert_eq!(records_listed(dir.path(), &[]), almaty + 1);
    assert_eq!(
        records_listed(
            dir.path(),
            &["--session", "almaty-2010-04", "--session", "astana-2010-05"]
        ),
        almaty + 1,
        "every --session counts"
    );
}

mod dashboard {
    use std::cell::Cell;
    use std::collections::VecDeque;
    use std::path::{Path, PathBuf};
    use std::rc::Rc;
    use std::sync::Arc;
    use std::time::Duration;

    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    use vigil::cli::dashboard::FolderSource;
    use vigil::config::model::default_groups;
    use vigil::i18n::Lang;
    use vigil::quiz::{Bank, Response};
    use vigil::record::presence::{self, Here, Presence};
    use vigil::record::seal::{Outcome, PinnedKey, SEAL_FILE_NAME, seal_folder};
    use vigil::record::{FsWriter, Participant, Phase, Status, Store};
    use vigil::report::Filter;
    use vigil::tui::dashboard::live::State;
    use vigil::tui::dashboard::{Changed, Dashboard, DashboardSource, Request, run_dashboard};
    use vigil::tui::run::{Clock, EventSource};
    use vigil::tui::state::Now;
    use vigil::tui::theme::{Theme, ThemeName};

    struct Script(VecDeque<Event>);

    impl EventSource for Script {
        fn next(&mut self, _: Duration) -> std::io::Result<Option<Event>> {
            self.0
                .pop_front()
                .map(Some)
                .ok_or_else(|| std::io::Error::other("done"))
        }
    }

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    /// The dashboard over the test session after `keys`, drawn at `width` x `height`.
    fn dashboard(keys: &[KeyCode], lang: Lang, width: u16, height: u16) -> String {
        let dir = tempfile::tempdir().unwrap();
        super::session(dir.path());
        dashboard_of(dir.path(), keys, lang, width, height)
    }

    /// The dashboard over the results folder `results`, with the test quizzes, after `keys`, drawn at `width` x
    /// `height`.
    fn dashboard_of(
        results: &Path,
        keys: &[KeyCode],
        lang: Lang,
        width: u16,
        height: u16,
    ) -> String {
        let quizzes = super::root().join("tests/fixtures/valid");
        dashboard_with(results, &quizzes, keys, lang, (width, height))
    }

    /// The dashboard of the records in `results` and the quizzes in `quizzes` after `keys`, drawn at `size`.
    fn dashboard_with(
        results: &Path,
        quizzes: &Path,
        keys: &[KeyCode],
        lang: Lang,
        (width, height): (u16, u16),
    ) -> String {
        let bank = Bank::load(&[quizzes.to_path_buf()]);
        let mut source = FolderSource::new(
            vec![results.to_path_buf()],
            Filter::default(),
            bank.quizzes,
            None,
        );
        let mut board = Dashboard::of(lang, source.load(None), bank.taxonomy, default_groups());
        draw(&mut board, &mut source, keys, width, height)
    }

    /// `board` over `source` after `keys`, drawn at `width` x `height`.
    fn draw(
        board: &mut Dashboard,
        source: &mut FolderSource,
        keys: &[KeyCode],
        width: u16,
        height: u16,
    ) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let events = keys.iter().map(|k| key(*k)).collect();
        let theme = Theme::new(ThemeName::Default, true);
        let _ = run_dashboard(&mut terminal, board, &theme, &mut Script(events), source);
        terminal.backend().to_string()
    }

    /// A clock the test moves by hand.
    #[derive(Clone, Default)]
    struct Hand(Rc<Cell<u64>>);

    impl Clock for Hand {
        fn now(&self) -> Now {
            Now {
                wall: jiff::Timestamp::UNIX_EPOCH,
                mono_ms: self.0.get(),
            }
        }
    }

    const PRE: &str = "Проверка знаний по программе курса — вариант А (входной тест)";
    const POST: &str = "Проверка знаний по программе курса — вариант Б (итоговый тест)";
    const MINUTE: u64 = 60_000;

    /// What workstation `writer` says in its presence file.
    fn presence(
        writer: &str,
        beat: u64,
        name: &str,
        here: (&str, Option<&vigil::record::AttemptId>),
    ) -> Presence {
        Presence {
            writer: writer.to_owned(),
            version: if writer == "w5" { "1.3.2" } else { "1.4.0" }.to_owned(),
            beat,
            here: Here {
                participant: Participant {
                    name: name.to_owned(),
                    code: None,
                    group: "ngo".to_owned(),
                },
                quiz: Some(here.0.to_owned()),
                attempt: here.1.cloned(),
                question: here.1.map(|_| 2),
            },
        }
    }

    fn announce(results: &Path, presence: &Presence) {
        let folder = results.join("almaty-2010-04");
        let path = presence::path_of(&folder, &presence.writer).unwrap();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, presence::encode(presence).unwrap()).unwrap();
    }

    /// The live tab of a room at work, drawn at `width` x `height` after `keys`: the test session's seven
    /// finished attempts; twelve attempts under way on the Russian pre- and post-test forms, whose titles differ
    /// only at the end; three trainees signed in before their first answer. Seven minutes after the dashboard
    /// first read the folder, two trainees have answered again, most workstations have renewed their presence,
    /// and four attempts and one signed-in trainee have shown no sign of life.
    fn live(keys: &[KeyCode], lang: Lang, width: u16, height: u16) -> String {
        let dir = tempfile::tempdir().unwrap();
        let results = dir.path();
        super::session(results);
        let store = Store::new(results, "almaty-2010-04", Arc::new(FsWriter), None);
        let names = [
            "Айгерим",
            "Нурлан",
            "Дана",
            "Ержан",
            "Madina",
            "Серик",
            "Алия",
            "Бауыржан",
            "Жанна",
            "Тимур",
            "Асель",
            "Марат",
        ];
        let mut records = Vec::new();
        for (n, name) in names.iter().enumerate() {
            let group = if n % 3 == 0 { "ngo" } else { "police" };
            let phase = if n % 2 == 0 { Phase::Pre } else { Phase::Post };
            let mut record =
                super::attempt(20 + n as u64, name, group, phase, "yes", &[], [1.0, 0.0]);
            let (id, title) = if n % 2 == 0 {
                ("assessment-pre", PRE)
            } else {
                ("assessment-post", POST)
            };
            record.quiz.id = id.into();
            record.quiz.title = title.into();
            record.status = Status::InProgress;
            record.ended = None;
            record.questions[1].answer = None;
            record.total.points = 1.0;
            record.writer = format!("w{n}");
            store.create(&record).unwrap();
            records.push(record);
        }
        let quiet = [3, 7, 10, 11];
        let beat = |results: &Path, beat: u64, moving: bool| {
            for (n, record) in records.iter().enumerate() {
                if !quiet.contains(&n) || (n == 3 && !moving) {
                    let here = (record.quiz.id.as_str(), Some(&record.attempt));
                    let b = if n == 3 { 1 } else { beat };
                    announce(
                        results,
                        &presence(&format!("w{n}"), b, &record.participant.name, here),
                    );
                }
            }
            for (writer, name, b) in [
                ("n1", "Ерлан", beat),
                ("n2", "Гульнара", beat),
                ("n3", "Kamila", 1),
            ] {
                announce(
                    results,
                    &presence(writer, b, name, ("assessment-post", None)),
                );
            }
        };
        beat(results, 1, false);
        let clock = Hand::default();
        let bank = Bank::load(&[super::root().join("tests/fixtures/valid")]);
        let mut source = FolderSource::new(
            vec![results.to_path_buf()],
            Filter::default(),
            bank.quizzes,
            None,
        )
        .with_clock(Box::new(clock.clone()));
        source.load(None);

        clock.0.set(7 * MINUTE);
        beat(results, 2, true);
        for record in &mut records[..2] {
            record.questions[1].answer = Some(vigil::quiz::Response::Chosen(vec!["debt".into()]));
            record.updated = record
                .updated
                .checked_add(jiff::SignedDuration::from_secs(420))
                .unwrap();
            store.write(record).unwrap();
        }
        let mut board = Dashboard::of(lang, source.load(None), bank.taxonomy, default_groups());
        board.zone = jiff::tz::TimeZone::UTC;
        draw(&mut board, &mut source, keys, width, height)
    }

    /// A trainer on a Russian layout leaves with the `q` key (`й`), and a narrow dashboard shows every key of its
    /// footer, on as many lines as they need.
    #[test]
    fn the_dashboard_takes_keys_on_a_russian_layout_and_never_cuts_its_footer() {
        let dir = tempfile::tempdir().unwrap();
        super::session(dir.path());
        let mut source = FolderSource::new(
            vec![dir.path().to_path_buf()],
            Filter::default(),
            Vec::new(),
            None,
        );
        let mut board = Dashboard::of(
            Lang::Ru,
            source.load(None),
            vigil::quiz::Taxonomy::default(),
            default_groups(),
        );
        let cyrillic_q = KeyEvent::new(KeyCode::Char('й'), KeyModifiers::NONE);
        assert!(matches!(board.update(cyrillic_q), Request::Quit));
        let screen = dashboard(&[], Lang::Ru, 40, 15);
        assert!(screen.contains("q выход"), "{screen}");
    }

    #[test]
    fn a_trainee_signed_in_before_the_first_answer_shows_and_goes_idle_by_the_dashboards_clock() {
        let dir = tempfile::tempdir().unwrap();
        let results = dir.path();
        announce(results, &presence("abc", 1, "Dana", ("q", None)));
        let folder = results
            .join("almaty-2010-04")
            .join(presence::PRESENCE_FOLDER);
        std::fs::write(folder.join("broken.ron"), "(writer: \"x\", beat: ").unwrap();
        let clock = Hand::default();
        let mut source = FolderSource::new(
            vec![results.to_path_buf()],
            Filter::default(),
            Vec::new(),
            None,
        )
        .with_clock(Box::new(clock.clone()));
        let live = source.load(None).live;
        assert_eq!(live.len(), 1, "the damaged file is passed over: {live:?}");
        assert_eq!(live[0].name, "Dana");
        assert_eq!(live[0].state, State::Working);
        assert_eq!(live[0].version.as_deref(), Some("1.4.0"));

        clock.0.set(4 * MINUTE);
        announce(results, &presence("abc", 2, "Dana", ("q", None)));
        assert!(
            source.refresh(None).is_none(),
            "a beat alone changes nothing shown"
        );
        clock.0.set(9 * MINUTE - 1);
        assert!(source.refresh(None).is_none());
        clock.0.set(9 * MINUTE);
        match source.refresh(None) {
            Some(Changed::Live(live)) => assert_eq!(live[0].state, State::Idle { minutes: 5 }),
            other => panic!("expected the live panel alone, got {other:?}"),
        }
    }

    #[test]
    fn the_live_tab_in_every_language_at_two_sizes() {
        for lang in [Lang::En, Lang::Ru, Lang::Kk] {
            for (width, height) in [(80, 24), (40, 15)] {
                insta::assert_snapshot!(
                    format!("dashboard_live_{}_{width}x{height}", lang.code()),
                    live(&[KeyCode::Char('6')], lang, width, height)
                );
            }
        }
        insta::assert_snapshot!(
            "dashboard_live_scrolled_en_80x24",
            live(&[KeyCode::Char('6'), KeyCode::End], Lang::En, 80, 24)
        );
    }

    #[test]
    fn the_live_tab_tells_working_idle_finished_and_signed_in_trainees_apart() {
        let drawn = live(&[KeyCode::Char('6')], Lang::En, 120, 40);
        let lines: Vec<&str> = drawn.lines().collect();
        let row = |name: &str| {
            lines
                .iter()
                .position(|line| line.contains(name))
                .unwrap_or_else(|| panic!("{name} is not shown:\n{drawn}"))
        };
        assert!(
            lines[row("Ерлан")].contains("signed in"),
            "a presence without a record shows its trainee"
        );
        assert!(lines[row("Айгерим")].contains("working"));
        assert!(
            lines[row("Ержан")].contains("idle 7 min"),
            "its beat stood still"
        );
        assert!(
            lines[row("Марат")].contains("idle 7 min"),
            "no presence, no new save"
        );
        assert!(lines[row("Kamila")].contains("idle 7 min"));
        assert!(
            row("Айгерим") < row("Дана"),
            "the latest save first among the working"
        );
        assert!(
            row("Ерлан") < row("Ержан") && row("Ержан") < row("Aigerim"),
            "working, idle, finished"
        );
        assert!(lines[row("Ержан")].contains("NGO"), "groups by their label");
        assert!(lines[row("Дана")].contains("Police"));
        assert!(lines[row("Айгерим")].contains("pre · Проверка"));
        assert!(lines[row("Нурлан")].contains("post · Проверка"));
        assert!(
            drawn.contains("1.3.2 ×1, 1.4.0 ×"),
            "versions differ: {drawn}"
        );
    }

    #[test]
    fn a_text_tab_scrolls_to_its_last_line_and_no_further() {
        use KeyCode::{Down, End, Home, Left, Right, Up};
        let pre_post = KeyCode::Char('5');
        let at = |keys: &[KeyCode]| dashboard(keys, Lang::En, 60, 12);
        let top = at(&[pre_post]);
        assert!(top.contains("Pre-test and post-test"), "{top}");
        assert!(!top.contains("took only one"), "{top}");
        // The last line comes up to the foot of the body, and no further however far one goes.
        let bottom = at(&[pre_post, End]);
        assert!(
            bottom.contains("took only one of the two tests"),
            "{bottom}"
        );
        assert!(!bottom.contains("Pre-test and post-test"), "{bottom}");
        let body: Vec<&str> = bottom.lines().skip(2).take(7).collect();
        assert!(
            body.iter()
                .rev()
                .take(2)
                .any(|line| line.contains("took only one")),
            "{bottom}"
        );
        assert_eq!(
            at(&[
                pre_post, Down, Down, Down, Down, Down, Down, Down, Down, Down
            ]),
            bottom
        );
        assert_eq!(
            at(&[pre_post, KeyCode::PageDown, KeyCode::PageDown]),
            bottom
        );
        // Up moves at once from the end, Home goes back to the top, and another tab starts at its top.
        let up = at(&[pre_post, End, Up]);
        assert_ne!(up, bottom);
        assert_eq!(at(&[pre_post, End, Home]), top);
        assert_eq!(at(&[pre_post, End, Left, Right]), top);
        // A detail view scrolls the same way.
        let questions = KeyCode::Char('3');
        let drill = |keys: &[KeyCode]| {
            let mut all = vec![questions, KeyCode::Enter];
            all.extend_from_slice(keys);
            dashboard(&all, Lang::En, 40, 10)
        };
        let drill_top = drill(&[]);
        let drill_end = drill(&[End]);
        assert_ne!(drill_end, drill_top);
        assert_eq!(
            drill(&[Down, Down, Down, Down, Down, Down, Down, Down]),
            drill_end
        );
        assert_eq!(drill(&[End, Home]), drill_top);
        // A tab whose text fits does not move.
        let overview = dashboard(&[Down, Down], Lang::En, 100, 30);
        assert_eq!(overview, dashboard(&[], Lang::En, 100, 30));
    }

    #[test]
    fn the_attempt_drill_down_shows_a_path_of_choices_in_words() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path(), "almaty-2010-04", Arc::new(FsWriter), None);
        let mut record = super::attempt(1, "Aigerim", "ngo", Phase::Pre, "yes", &[], [0.0, 0.0]);
        record.quiz.id = "fixture-branching".into();
        record.questions.truncate(1);
        let question = &mut record.questions[0];
        question.id = "visit".into();
        question.kind = "branching".into();
        question.shown.clear();
        question.answer = Some(Response::Path(vec!["private".into(), "refer".into()]));
        question.points = 3.0;
        question.max_points = 3.0;
        record.total.points = 3.0;
        record.total.max_points = 3.0;
        store.create(&record).unwrap();
        let drawn = dashboard_of(
            dir.path(),
            &[KeyCode::Right, KeyCode::Enter],
            Lang::En,
            80,
            24,
        );
        assert!(drawn.contains("Decide what you do."), "{drawn}");
        assert!(
            drawn.contains("Talk privately → Call child protection"),
            "{drawn}"
        );
    }

    #[test]
    fn the_question_drill_down_shows_how_often_each_part_of_an_order_or_match_was_right() {
        let results = tempfile::tempdir().unwrap();
        let quizzes = tempfile::tempdir().unwrap();
        super::steps_quiz_and_attempts(quizzes.path(), results.path());
        let questions = KeyCode::Char('3');
        let drill = |keys: &[KeyCode]| {
            dashboard_with(results.path(), quizzes.path(), keys, Lang::En, (80, 24))
        };
        let order = drill(&[questions, KeyCode::Enter]);
        assert!(order.contains("Put the steps in order."), "{order}");
        assert!(
            order.contains("Neighbouring steps put in the right order"),
            "{order}"
        );
        assert!(order.contains(" 33% (1) Alpha › Beta"), "{order}");
        assert!(order.contains(" 67% (2) Beta › Gamma"), "{order}");
        let matched = drill(&[questions, KeyCode::Down, KeyCode::Enter]);
        assert!(
            matched.contains("Items put on their right target"),
            "{matched}"
        );
        assert!(matched.contains(" 67% (2) Yankee → Quebec"), "{matched}");
    }

    #[test]
    fn every_tab_and_drill_down_fits_or_asks_for_room_at_any_size_without_panicking() {
        let views: [&[KeyCode]; 9] = [
            &[],
            &[KeyCode::Right],
            &[KeyCode::Right, KeyCode::Enter],
            &[KeyCode::Right, KeyCode::Right],
            &[KeyCode::Right, KeyCode::Right, KeyCode::Enter],
            &[KeyCode::Char('4')],
            &[KeyCode::Char('5')],
            &[KeyCode::Char('6')],
            &[KeyCode::Right, KeyCode::End, KeyCode::Enter, KeyCode::End],
        ];
        for keys in views {
            for (width, height) in [(1, 1), (29, 9), (30, 10), (31, 11), (45, 12), (200, 60)] {
                let drawn = dashboard(keys, Lang::Kk, width, height);
                let first = drawn.lines().next().unwrap_or_default();
                if width >= 30 && height >= 10 {
                    assert!(first.contains('┌'), "{keys:?} {width}x{height}:\n{drawn}");
                } else {
                    assert!(!first.contains('┌'), "{keys:?} {width}x{height}:\n{drawn}");
                }
            }
        }
    }

    #[test]
    fn every_tab_and_drill_down_at_two_sizes() {
        let views: [(&str, Vec<KeyCode>); 8] = [
            ("overview", vec![]),
            ("participants", vec![KeyCode::Right]),
            (
                "participants_by_score",
                vec![
                    KeyCode::Right,
                    KeyCode::Char('s'),
                    KeyCode::Char('s'),
                    KeyCode::Char('s'),
                ],
            ),
            (
                "attempt_drill_down",
                vec![KeyCode::Right, KeyCode::Down, KeyCode::Enter],
            ),
            ("questions", vec![KeyCode::Right, KeyCode::Right]),
            (
                "question_drill_down",
                vec![
                    KeyCode::Right,
                    KeyCode::Right,
                    KeyCode::Down,
                    KeyCode::Enter,
                ],
            ),
            ("topics", vec![KeyCode::Char('4')]),
            ("pre_post", vec![KeyCode::Char('5')]),
        ];
        for (name, keys) in views {
            for lang in [Lang::En, Lang::Ru] {
                for (width, height) in [(100, 30), (40, 15)] {
                    insta::assert_snapshot!(
                        format!("dashboard_{name}_{}_{width}x{height}", lang.code()),
                        dashboard(&keys, lang, width, height)
                    );
                }
            }
        }
    }

    /// The overview of the test session sealed with a key, one record of it edited since, at `size`; the seal's
    /// paths are shown under `results/`, so that the drawing is the same wherever the test runs.
    fn sealed_overview(lang: Lang, (width, height): (u16, u16)) -> String {
        let dir = tempfile::tempdir().unwrap();
        super::session(dir.path());
        let folder = dir.path().join("almaty-2010-04");
        let signing = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
        let now = jiff::Timestamp::from_second(1_272_560_400).unwrap();
        seal_folder(&folder, &signing, now, false, Lang::En).unwrap();
        let mut records: Vec<PathBuf> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "ron"))
            .filter(|path| !path.ends_with(SEAL_FILE_NAME))
            .collect();
        records.sort();
        let mut text = std::fs::read_to_string(&records[0]).unwrap();
        text.push('\n');
        std::fs::write(&records[0], text).unwrap();
        let bank = Bank::load(&[super::root().join("tests/fixtures/valid")]);
        let pinned = PinnedKey {
            key: signing.verifying_key(),
            path: PathBuf::new(),
        };
        let mut source = FolderSource::new(
            vec![dir.path().to_path_buf()],
            Filter::default(),
            bank.quizzes,
            None,
        )
        .with_pinned_key(Some(pinned));
        let figures = source.load(None);
        assert_eq!(
            figures.report.quizzes[0].distribution.n, 6,
            "the edited record is left out"
        );
        let mut board = Dashboard::of(lang, figures, bank.taxonomy, default_groups());
        let shown = |path: &mut PathBuf| {
            if let Ok(inside) = path.strip_prefix(dir.path()) {
                *path = Path::new("results").join(inside);
            }
        };
        for check in &mut board.seal.sessions {
            shown(&mut check.folder);
            if let Outcome::Verified { changes, .. } = &mut check.outcome {
                changes
                    .iter_mut()
                    .for_each(|change| shown(&mut change.path));
            }
        }
        draw(&mut board, &mut source, &[], width, height)
    }

    #[test]
    fn a_seal_that_shows_a_change_heads_the_overview_in_every_language() {
        for lang in [Lang::En, Lang::Ru, Lang::Kk] {
            let drawn = sealed_overview(lang, (80, 24));
            insta::assert_snapshot!(
                format!("dashboard_overview_sealed_{}_80x24", lang.code()),
                drawn
            );
            let small = sealed_overview(lang, (40, 15));
            assert!(small.contains("results/almaty-2010-04"), "{small}");
        }
        let english = sealed_overview(Lang::En, (80, 24));
        assert!(english.contains("CHANGED"), "{english}");
        assert!(english.contains("edited after sealing"), "{english}");
    }

    #[test]
    fn a_table_longer_than_the_screen_says_how_many_rows_are_above_and_below() {
        // Seven attempts' rows where four (three under a longer Russian footer) fit: the last line counts those not
        // shown, and goes with the selection.
        let top = dashboard(&[KeyCode::Right], Lang::En, 40, 11);
        assert!(top.contains("↓ 3 more"), "{top}");
        assert!(!top.contains("↑ "), "{top}");
        let keys = [KeyCode::Right, KeyCode::End];
        let bottom = dashboard(&keys, Lang::Ru, 40, 11);
        assert!(bottom.contains("↑ ещё 4"), "{bottom}");
        assert!(!bottom.contains("↓ ещё"), "{bottom}");
    }

    #[test]
    fn sessions_can_be_chosen_one_at_a_time_and_all_again() {
        let one = dashboard(&[KeyCode::Char('>')], Lang::En, 100, 30);
        assert!(
            one.lines().next().unwrap().contains("almaty-2010-04"),
            "{one}"
        );
        assert!(one.contains("attempts 7"));
        let all = dashboard(&[KeyCode::Char('>'), KeyCode::Char('>')], Lang::En, 100, 30);
        assert!(
            !all.lines().next().unwrap().contains("almaty-2010-04"),
            "{all}"
        );
    }

    #[test]
    fn the_live_panel_shows_who_finished() {
        let drawn = dashboard(&[KeyCode::Char('6')], Lang::En, 100, 30);
        assert_eq!(drawn.matches("✓ finished").count(), 7, "{drawn}");
    }
}

/// `vigil report --format json` over `folders` (each a `--results`), with the fixture quiz.
fn report_json(folders: &[&Path]) -> serde_json::Value {
    let mut command = vigil_command();
    command
        .arg("report")
        .arg("--quizzes")
        .arg(root().join("tests/fixtures/valid"));
    for folder in folders {
        command.arg("--results").arg(folder);
    }
    let output = command
        .args(["--format", "json"])
        .env_remove("VIGIL_RESULTS")
        .output()
        .unwrap();
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stderr)))
}

/// The problems of a JSON report, as (file name, message).
fn json_problems(report: &serde_json::Value) -> Vec<(String, String)> {
    report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let path = PathBuf::from(p["path"].as_str().unwrap());
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                p["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The attempts a JSON report counts, over every quiz.
fn counted(report: &serde_json::Value) -> Vec<serde_json::Value> {
    report["quizzes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|quiz| quiz["attempts"].as_array().unwrap().clone())
        .collect()
}

/// Writes `record` into the test session of `results`; returns its file name.
fn write(results: &Path, record: &AttemptRecord) -> String {
    let store = Store::new(results, "almaty-2010-04", Arc::new(FsWriter), None);
    let path = store.create(record).unwrap();
    path.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn impossible_scores_are_left_out_and_the_figures_stay_sane() {
    let dir = tempfile::tempdir().unwrap();
    session(dir.path());
    let before = report_json(&[dir.path()]);
    let spoilt: [(f64, f64, &str); 5] = [
        (f64::NAN, 1.0, "consent"),
        (f64::INFINITY, 1.0, "consent"),
        (-50.0, 1.0, "consent"),
        (100.0, 1.0, "consent"),
        (1.0, 1.0, "total"),
    ];
    let mut files = Vec::new();
    for (seed, (consent, signs, named)) in (30..).zip(spoilt) {
        let mut record = attempt(
            seed,
            "Spoilt",
            "ngo",
            Phase::Post,
            "no",
            &[],
            [consent, signs],
        );
        if named == "total" {
            record.total.points = 50.0;
        }
        files.push((write(dir.path(), &record), named));
    }
    let after = report_json(&[dir.path()]);
    let distribution = |report: &serde_json::Value| report["quizzes"][0]["distribution"].clone();
    assert_eq!(
        distribution(&after),
        distribution(&before),
        "the figures are unchanged"
    );
    assert_eq!(distribution(&after)["n"], 7);
    let problems = json_problems(&after);
    assert_eq!(problems.len(), files.len(), "{problems:#?}");
    for (file, named) in files {
        let (_, message) = problems.iter().find(|(name, _)| *name == file).unwrap();
        assert!(message.starts_with("damaged record"), "{message}");
        assert!(message.contains(named), "{named}: {message}");
    }
    for row in counted(&after) {
        let (points, max) = (
            row["points"].as_f64().unwrap(),
            row["max"].as_f64().unwrap(),
        );
        assert!((0.0..=max).contains(&points), "{row}");
    }
}

#[test]
fn regrading_scores_records_whose_points_are_impossible_from_their_answers() {
    let dir = tempfile::tempdir().unwrap();
    let record = attempt(
        40,
        "Spoilt",
        "ngo",
        Phase::Post,
        "no",
        &["debt", "papers"],
        [100.0, 1.0],
    );
    write(dir.path(), &record);
    assert_eq!(counted(&report_json(&[dir.path()])).len(), 0);
    let regraded = {
        let output = vigil_command()
            .args(["report", "--regrade", "--format", "json", "--quizzes"])
            .arg(root().join("tests/fixtures/valid"))
            .arg("--results")
            .arg(dir.path())
            .env_remove("VIGIL_RESULTS")
            .output()
            .unwrap();
        serde_json::from_slice::<serde_json::Value>(&output.stdout).unwrap()
    };
    let attempts = counted(&regraded);
    assert_eq!(attempts.len(), 1, "{regraded}");
    assert_eq!(attempts[0]["points"], 2.0);
}

#[test]
fn records_that_do_not_match_their_quiz_are_damaged_and_another_version_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let mut ghost = attempt(50, "Ghost", "ngo", Phase::Post, "no", &[], [1.0, 0.0]);
    ghost.questions[0].shown = vec!["no".into(), "ghost".into()];
    let mut empty = attempt(51, "Empty", "ngo", Phase::Post, "no", &[], [1.0, 0.0]);
    empty.questions[1].shown.clear();
    let mut answer = attempt(
        52,
        "Answer",
        "ngo",
        Phase::Post,
        "no",
        &["ghost"],
        [1.0, 0.0],
    );
    answer.questions[1].answer = Some(Response::Chosen(vec!["ghost".into()]));
    let mut older = attempt(53, "Older", "ngo", Phase::Post, "no", &[], [1.0, 0.0]);
    older.quiz.version = 2;
    older.questions[0].shown = vec!["no".into(), "maybe".into()];
    let damaged = [
        write(dir.path(), &ghost),
        write(dir.path(), &empty),
        write(dir.path(), &answer),
    ];
    write(dir.path(), &older);

    let report = report_json(&[dir.path()]);
    let problems = json_problems(&report);
    let mut named: Vec<&str> = problems.iter().map(|(name, _)| name.as_str()).collect();
    named.sort();
    let mut expected: Vec<&str> = damaged.iter().map(String::as_str).collect();
    expected.sort();
    assert_eq!(named, expected, "{problems:#?}");
    for (_, message) in &problems {
        assert!(message.starts_with("damaged record"), "{message}");
    }
    let counted = counted(&report);
    assert_eq!(counted.len(), 1, "the record of version 2 counts");
    assert_eq!(counted[0]["name"], "Older");
}

#[test]
fn a_conflict_between_collected_folders_is_settled_the_same_in_either_order_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("usb-1"), dir.path().join("usb-2"));
    let completed = attempt(60, "Dana", "ngo", Phase::Post, "no", &["debt"], [1.0, 0.5]);
    let mut autosave = completed.clone();
    autosave.status = Status::InProgress;
    autosave.ended = None;
    autosave.questions[1].answer = None;
    autosave.questions[1].points = 0.0;
    autosave.retotal();
    let name = write(&first, &autosave);
    write(&second, &completed);
    let (in_first, in_second) = (
        first.join("almaty-2010-04").join(&name),
        second.join("almaty-2010-04").join(&name),
    );
    for folders in [[&first, &second], [&second, &first]] {
        let report = report_json(&[folders[0], folders[1]]);
        assert_eq!(counted(&report).len(), 1);
        let problems = report["problems"].as_array().unwrap();
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(problems[0]["path"], in_first.display().to_string());
        let message = problems[0]["message"].as_str().unwrap();
        assert!(
            message.contains(&in_second.display().to_string()),
            "{message}"
        );
        assert!(
            message.contains("kept because it is completed"),
            "{message}"
        );

        let listing = vigil_command()
            .arg("records")
            .arg("--results")
            .arg(folders[0])
            .arg("--results")
            .arg(folders[1])
            .env_remove("VIGIL_RESULTS")
            .env("COLUMNS", "400")
            .output()
            .unwrap();
        let text = String::from_utf8(listing.stdout).unwrap();
        assert!(text.contains("1 record, 1 problem file\n"), "{text}");
        let line = text
            .lines()
            .find(|l| l.contains("kept because"))
            .unwrap_or_else(|| panic!("{text}"));
        assert!(line.contains(&in_first.display().to_string()), "{line}");
        assert!(line.contains(&in_second.display().to_string()), "{line}");
    }
}

#[test]
fn a_damaged_record_never_pushes_out_the_genuine_record_of_its_attempt() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("usb-1"), dir.path().join("usb-2"));
    let genuine = attempt(70, "Dana", "ngo", Phase::Post, "no", &["debt"], [1.0, 0.5]);
    let mut forged = genuine.clone();
    forged.updated = Timestamp::from_second(1_272_600_000).unwrap();
    forged.questions[0].shown = vec!["no".into(), "ghost".into()];
    let name = write(&first, &genuine);
    write(&second, &forged);
    for folders in [[&first, &second], [&second, &first]] {
        let report = report_json(&[folders[0], folders[1]]);
        let counted = counted(&report);
        assert_eq!(counted.len(), 1);
        assert_eq!(counted[0]["points"], 1.5);
        let problems = report["problems"].as_array().unwrap();
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(
            problems[0]["path"],
            second
                .join("almaty-2010-04")
                .join(&name)
                .display()
                .to_string()
        );
        assert!(
            problems[0]["message"]
                .as_str()
                .unwrap()
                .starts_with("damaged record")
        );
    }
}

/// The trainer's roster makes one person of a code and its name: an older record signed in by the roster name
/// (no code) pairs with the code's pre-test; a record that keeps only its code is named from the roster; one name
/// in two groups and a second submitted attempt are pointed out, in the text, HTML and JSON reports.
#[test]
fn the_roster_joins_a_code_and_its_name_and_likely_splits_are_pointed_out() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path(), "almaty-2010-04", Arc::new(FsWriter), None);
    let mut by_code = attempt(
        50,
        "Aidos Kenzhebaev",
        "police",
        Phase::Pre,
        "no",
        &[],
        [1.0, 0.0],
    );
    by_code.participant.code = Some("P03".into());
    let by_name = attempt(
        51,
        "aidos  KENZHEBAEV",
        "ngo",
        Phase::Post,
        "no",
        &["debt"],
        [1.0, 1.0],
    );
    let mut code_only = attempt(52, "", "ngo", Phase::Pre, "yes", &[], [0.0, 0.0]);
    code_only.participant.code = Some("P05".into());
    let police = attempt(
        53,
        "Dana Omarova",
        "police",
        Phase::Pre,
        "no",
        &[],
        [1.0, 0.0],
    );
    let ngo = attempt(
        54,
        "Dana Omarova",
        "ngo",
        Phase::Post,
        "no",
        &[],
        [1.0, 0.0],
    );
    let again = attempt(
        55,
        "Dana Omarova",
        "police",
        Phase::Pre,
        "yes",
        &[],
        [0.0, 0.0],
    );
    for record in [&by_code, &by_name, &code_only, &police, &ngo, &again] {
        store.create(record).unwrap();
    }
    let pairs = |json: &serde_json::Value| json["pre_post"][0]["pairs"].as_array().unwrap().len();
    let before: serde_json::Value =
        serde_json::from_str(&report(dir.path(), &["--format", "json"])).unwrap();
    assert_eq!(
        pairs(&before),
        0,
        "without the roster, a code and a name are two people"
    );

    std::fs::write(
        dir.path().join("vigil.ron"),
        "(format: 1, session: \"almaty-2010-04\", phase: post, roster: [\
         (code: \"P03\", name: \"Aidos Kenzhebaev\", group: \"police\"), \
         (code: \"P05\", name: \"Saule Bekova\", group: \"ngo\")])",
    )
    .unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&report(dir.path(), &["--format", "json"])).unwrap();
    assert_eq!(
        pairs(&json),
        1,
        "the code's pre-test pairs with the name's post-test"
    );
    let notes = &json["identity_notes"];
    assert_eq!(notes["same_name"][0]["name"], "Dana Omarova");
    assert_eq!(
        notes["same_name"][0]["groups"],
        serde_json::json!(["ngo", "police"])
    );
    assert_eq!(notes["repeated"][0]["attempts"], 2);
    assert_eq!(notes["same_name"].as_array().unwrap().len(), 1);

    let text = report(dir.path(), &[]);
    assert!(
        text.contains("Saule Bekova"),
        "a code-only record is named from the roster: {text}"
    );
    assert!(
        text.contains("Possibly one person in more than one group")
            && text.contains("Dana Omarova · almaty-2010-04: NGO, Police"),
        "{text}"
    );
    assert!(
        text.contains("Dana Omarova · fixture · pre-test: 2 attempts"),
        "{text}"
    );
    let html = report(dir.path(), &["--format", "html", "--lang", "ru"]);
    assert!(
        html.contains("Возможно, один человек в нескольких группах"),
        "{html}"
    );
    let trainer = tempfile::tempdir().unwrap();
    let key = trainer.path().join("pseudonym.key");
    std::fs::write(&key, "ab".repeat(32)).unwrap();
    let hidden = report(
        dir.path(),
        &["--pseudonymise", "--pseudonym-key", key.to_str().unwrap()],
    );
    assert!(
        !hidden.contains("Dana") && !hidden.contains("Saule"),
        "{hidden}"
    );
}
