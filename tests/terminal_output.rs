//! Hostile text through every field (record name, group and quiz, config labels and roster names, quiz and
//! question-bank texts) into every terminal output (`records`, the text, CSV and JSON report, `check`, the
//! import report, error messages): a terminal never receives ESC, BEL, NUL, a C1 control, U+202E or U+200D
//! raw; a pipe receives CSV and JSON byte for byte as the format writes them; an HTML page is refused on a
//! terminal.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use jiff::Timestamp;
use rand::SeedableRng;
use rand::rngs::StdRng;
use vigil::cli::check::{self, CheckOptions};
use vigil::cli::import::{self, ImportRequest};
use vigil::cli::records::{self, RecordsOptions};
use vigil::cli::report::{self, ReportFormat, ReportOptions};
use vigil::cli::{Format, list};
use vigil::config::Group;
use vigil::console::Console;
use vigil::i18n::Lang;
use vigil::quiz::taxonomy::Labels;
use vigil::quiz::{FeedbackMode, Response};
use vigil::record::{
    AttemptId, AttemptRecord, FsWriter, Participant, Phase, QuestionRecord, QuizRef, Status, Store,
    Totals,
};
use vigil::report::export::csv::Table;
use vigil::report::stats::Thresholds;
use vigil::report::{AttemptChoice, Filter};

/// Sets the window title, writes the clipboard, clears the screen, starts a C1 sequence, reverses the text and
/// joins characters.
const PAYLOAD: &str =
    "\u{1b}]0;owned\u{7}\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2J\0\u{9b}31m\u{202E}A\u{200D}B";

const SESSION: &str = "almaty-2010-04";

fn hostile(word: &str) -> String {
    format!("{word}{PAYLOAD}end")
}

/// Fails when `bytes` (what a terminal received) hold any character that could drive or disguise it.
fn assert_harmless(what: &str, bytes: &[u8]) {
    let text = String::from_utf8(bytes.to_vec())
        .unwrap_or_else(|_| panic!("{what}: the terminal received bytes that are not UTF-8"));
    assert!(!text.is_empty(), "{what}: nothing was written");
    for c in text.chars() {
        let forbidden = matches!(
            c,
            '\u{1b}' | '\u{7}' | '\0' | '\u{80}'..='\u{9f}' | '\u{202E}' | '\u{200D}'
        ) || (c.is_control() && c != '\n' && c != '\t');
        assert!(
            !forbidden,
            "{what}: {c:?} reached the terminal raw in:\n{text}"
        );
    }
}

/// A fake terminal: a buffer the console treats as a terminal.
fn terminal() -> Console<Vec<u8>> {
    Console::new(Vec::new(), true)
}

/// A pipe: a buffer the console does not treat as a terminal.
fn pipe() -> Console<Vec<u8>> {
    Console::new(Vec::new(), false)
}

fn shown(console: Console<Vec<u8>>) -> Vec<u8> {
    console.into_inner().unwrap()
}

/// An attempt by a participant whose name, group and quiz all carry the payload.
fn attempt(seed: u64, phase: Phase) -> AttemptRecord {
    let started = Timestamp::from_second(1_272_531_600 + seed as i64 * 60).unwrap();
    AttemptRecord {
        format: 1,
        attempt: AttemptId::new(started, &mut StdRng::seed_from_u64(seed)),
        participant: Participant {
            name: hostile("Aigerim"),
            code: Some(hostile("P01")),
            group: hostile("police"),
        },
        session: SESSION.into(),
        phase,
        quiz: QuizRef {
            id: hostile("quiz"),
            language: hostile("en"),
            version: 1,
            content_hash: "blake3:00".into(),
            title: hostile("Title"),
            form_group: None,
        },
        feedback: FeedbackMode::Deferred,
        started,
        updated: started,
        ended: Some(started),
        status: Status::Completed,
        current: 1,
        questions: vec![QuestionRecord {
            id: hostile("question"),
            kind: "single".into(),
            shown: vec![hostile("yes"), "no".into()],
            shown_targets: vec![],
            answer: Some(Response::Chosen(vec![hostile("yes")])),
            points: 1.0,
            max_points: 1.0,
            time_ms: 30_000,
            flagged: false,
        }],
        total: Totals {
            points: 1.0,
            max_points: 1.0,
        },
        writer: String::new(),
        saves: 0,
    }
}

/// A results folder holding a pre-test and a post-test of the hostile participant, and a damaged file whose
/// name carries the payload where the file system allows it.
fn results() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path(), SESSION, Arc::new(FsWriter), None);
    store.create(&attempt(1, Phase::Pre)).unwrap();
    store.create(&attempt(2, Phase::Post)).unwrap();
    let damaged = dir.path().join(SESSION).join(format!(
        "{}.ron",
        hostile("damaged").replace(['\0', '/'], "")
    ));
    std::fs::write(damaged, format!("(name: \"{PAYLOAD}\"")).unwrap();
    dir
}

/// Group labels from the trainer's config, every one carrying the payload.
fn groups() -> Vec<Group> {
    vec![Group {
        id: hostile("police"),
        label: Labels {
            en: hostile("Police"),
            ru: hostile("Полиция"),
            kk: hostile("Полиция"),
        },
    }]
}

fn report_options(results: &Path, format: ReportFormat) -> ReportOptions {
    ReportOptions {
        folders: vec![results.to_path_buf()],
        quiz_folders: Vec::new(),
        filter: Filter::default(),
        attempts: AttemptChoice::default(),
        regrade: false,
        pseudonymise: false,
        pseudonym_key: None,
        format,
        table: Table::default(),
        delimiter: b',',
        lang: Lang::default(),
        groups: groups(),
        config: None,
        thresholds: Thresholds::default(),
        width: 100,
        out: None,
        read_files: Vec::new(),
        public_key: None,
        corrections: None,
        count_unsealed: false,
    }
}

/// Runs the report into `out`; returns the exit code and what went to standard error (a fake terminal).
fn run_report(options: &ReportOptions, out: &mut Console<Vec<u8>>) -> (i32, Vec<u8>) {
    let mut err = terminal();
    let code = report::run(options, None, out, &mut err).unwrap();
    (code, shown(err))
}

#[test]
fn records_shows_hostile_names_groups_quizzes_and_files_harmlessly() {
    let dir = results();
    for format in [Format::Text, Format::Json] {
        let options = RecordsOptions {
            folders: vec![dir.path().to_path_buf()],
            sessions: Vec::new(),
            format,
            public_key: None,
            corrections: None,
            read_files: Vec::new(),
            lang: Lang::En,
        };
        let (mut out, mut err) = (terminal(), terminal());
        records::run(&options, None, &mut out, &mut err).unwrap();
        let out = shown(out);
        assert_harmless("records", &out);
        let text = String::from_utf8_lossy(&out);
        assert!(text.contains("Aigerim") && text.contains("end"), "{text}");
        let err = shown(err);
        assert!(err.is_empty(), "{}", String::from_utf8_lossy(&err));
    }
}

#[test]
fn every_report_format_shown_on_a_terminal_is_harmless() {
    let dir = results();
    for format in [ReportFormat::Text, ReportFormat::Csv, ReportFormat::Json] {
        let mut out = terminal();
        let (_, err) = run_report(&report_options(dir.path(), format), &mut out);
        let out = shown(out);
        assert_harmless(&format!("report {format:?}"), &out);
        assert!(String::from_utf8_lossy(&out).contains("Aigerim"));
        if !err.is_empty() {
            assert_harmless(&format!("report {format:?} on stderr"), &err);
        }
    }
}

#[test]
fn json_on_a_terminal_is_still_json_with_every_text_intact() {
    let dir = results();
    let mut out = terminal();
    run_report(&report_options(dir.path(), ReportFormat::Json), &mut out);
    let json: serde_json::Value = serde_json::from_slice(&shown(out)).unwrap();
    assert!(
        json.to_string()
            .contains(&serde_json::to_string(&hostile("Aigerim")).unwrap()[1..]),
        "the name did not survive: {json}"
    );
}

#[test]
fn csv_and_json_through_a_pipe_are_byte_for_byte_what_the_format_writes() {
    let dir = results();
    let saved = tempfile::tempdir().unwrap();
    for (format, name) in [(ReportFormat::Csv, "r.csv"), (ReportFormat::Json, "r.json")] {
        let mut piped = pipe();
        run_report(&report_options(dir.path(), format), &mut piped);
        let piped = shown(piped);
        let mut options = report_options(dir.path(), format);
        options.out = Some(saved.path().join(name));
        run_report(&options, &mut pipe());
        assert_eq!(piped, std::fs::read(saved.path().join(name)).unwrap());
    }
    let mut piped = pipe();
    run_report(&report_options(dir.path(), ReportFormat::Csv), &mut piped);
    let csv = String::from_utf8(shown(piped)).unwrap();
    assert!(
        csv.contains(&hostile("Aigerim")),
        "a pipe must get the name as it is: {csv:?}"
    );
}

#[test]
fn an_html_page_is_refused_on_a_terminal_and_written_to_a_pipe() {
    let dir = results();
    let mut out = terminal();
    let (code, err) = run_report(&report_options(dir.path(), ReportFormat::Html), &mut out);
    assert_eq!(code, 2);
    assert!(shown(out).is_empty());
    let err = String::from_utf8(err).unwrap();
    assert!(err.contains("use --out FILE or a pipe"), "{err}");
    let mut piped = pipe();
    let (code, _) = run_report(&report_options(dir.path(), ReportFormat::Html), &mut piped);
    assert_eq!(code, 0);
    assert!(String::from_utf8(shown(piped)).unwrap().contains("<html"));
}

#[test]
fn error_messages_that_quote_what_was_typed_are_harmless() {
    let dir = results();
    let mut options = report_options(dir.path(), ReportFormat::Text);
    options.filter.group = Some(hostile("nobody"));
    let (code, err) = run_report(&options, &mut terminal());
    assert_eq!(code, 2);
    assert_harmless("report --group", &err);
    let options = RecordsOptions {
        folders: vec![dir.path().to_path_buf()],
        sessions: vec![hostile("nowhere")],
        format: Format::Text,
        public_key: None,
        corrections: None,
        read_files: Vec::new(),
        lang: Lang::En,
    };
    let mut err = terminal();
    let code = records::run(&options, None, &mut terminal(), &mut err).unwrap();
    assert_eq!(code, 2);
    assert_harmless("records --session", &shown(err));
}

/// A quiz whose texts carry the payload (written as RON escapes, as an author's tool might).
fn hostile_quiz() -> String {
    let escaped = "\\u{1b}]52;c;ZXZpbA==\\u{7}\\u{1b}[2J\\u{9b}31m\\u{202E}A\\u{200D}B";
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/small.ron"),
    )
    .unwrap()
    .replacen("title: \"", &format!("title: \"{escaped}"), 1)
    .replacen("prompt: \"", &format!("prompt: \"{escaped}"), 1)
}

#[test]
fn check_shows_hostile_quiz_texts_config_labels_and_roster_names_harmlessly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("hostile.ron"), hostile_quiz()).unwrap();
    let config = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/invalid/vigil.hostile-names.ron");
    std::fs::copy(config, dir.path().join("vigil.hostile-names.ron")).unwrap();
    let raw_name = dir
        .path()
        .join(format!("{}.ron", hostile("raw").replace('\0', "")));
    std::fs::write(raw_name, format!("(title: \"{PAYLOAD}\"")).unwrap();
    for format in [Format::Text, Format::Json] {
        let options = CheckOptions {
            paths: vec![dir.path().to_path_buf()],
            deny_warnings: false,
            format,
        };
        let mut out = terminal();
        assert_eq!(check::run(&options, &mut out).unwrap(), 1);
        let out = shown(out);
        assert_harmless(&format!("check {format:?}"), &out);
        let text = String::from_utf8_lossy(&out);
        for file in ["hostile.ron", "vigil.hostile-names.ron", "raw"] {
            assert!(text.contains(file), "{file} was not checked:\n{text}");
        }
    }
}

#[test]
fn list_shows_hostile_file_names_harmlessly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("hostile.ron"), hostile_quiz()).unwrap();
    let (mut out, mut err) = (terminal(), terminal());
    list::run(
        &[dir.path().to_path_buf()],
        Format::Text,
        &mut out,
        &mut err,
    )
    .unwrap();
    assert_harmless("list", &shown(out));
    assert_harmless("list problems", &shown(err));
}

#[test]
fn the_import_report_and_the_quiz_shown_on_a_terminal_are_harmless() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("bank.gift");
    let questions = [
        format!(
            "::{}:: {} {{=yes ~no}}",
            hostile("Name"),
            hostile("Is it safe?")
        ),
        format!("{} {{#3}}", hostile("How many?")),
        format!("{} {{T}}", hostile("True?")),
    ];
    std::fs::write(&bank, questions.join("\n\n")).unwrap();
    let request = ImportRequest {
        file: bank,
        ..ImportRequest::default()
    };
    let (mut out, mut err) = (terminal(), terminal());
    assert_eq!(import::run(&request, &mut out, &mut err).unwrap(), 0);
    assert_harmless("import: the quiz", &shown(out));
    let err = shown(err);
    assert_harmless("import: the report", &err);
    assert!(String::from_utf8_lossy(&err).contains("skipped"));
}

#[test]
fn text_written_in_pieces_reaches_a_terminal_as_whole_characters() {
    let mut out = terminal();
    for byte in hostile("Айгерім").as_bytes() {
        out.write_all(&[*byte]).unwrap();
    }
    let shown = shown(out);
    assert_harmless("bytes one by one", &shown);
    assert!(String::from_utf8(shown).unwrap().starts_with("Айгерім"));
}

/// The real program, in a pseudo-terminal and through a pipe.
#[path = "terminal_output/real_program.rs"]
mod real_program;
