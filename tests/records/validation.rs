//! Records that cannot be believed: impossible scores are named and skipped wherever a record is read, and the
//! check the trainee app resumes with refuses records whose ids do not match their quiz.

use vigil::quiz::{Bank, Quiz};
use vigil::record::check::{RecordFault, against_quiz};

use super::*;

/// A way to spoil a record, with the words its fault must contain.
type Spoil = (&'static str, fn(&mut AttemptRecord));

/// Problems found by a scan, as (file name, message).
fn problems(entries: &[Entry]) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = entries
        .iter()
        .filter_map(|e| match e {
            Entry::Problem(p) => Some((
                p.path.file_name().unwrap().to_string_lossy().into_owned(),
                p.message(),
            )),
            _ => None,
        })
        .collect();
    found.sort();
    found
}

#[test]
fn impossible_scores_are_named_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path(), None);
    let good = sample(1, participant("A", "ngo"), "q");
    store.create(&good).unwrap();
    let cases: [Spoil; 6] = [
        ("signs", |r| r.questions[0].points = f64::NAN),
        ("signs", |r| r.questions[0].points = f64::INFINITY),
        ("visit", |r| r.questions[1].points = -50.0),
        ("roles", |r| r.questions[2].points = 100.0),
        ("roles", |r| r.questions[2].max_points = f64::NAN),
        ("total", |r| r.total.points = 5.0),
    ];
    let mut expected = Vec::new();
    for (seed, (question, spoil)) in (10..).zip(cases) {
        let mut record = sample(seed, participant("B", "ngo"), "q");
        spoil(&mut record);
        let path = store.create(&record).unwrap();
        expected.push((
            path.file_name().unwrap().to_string_lossy().into_owned(),
            question,
        ));
    }
    let entries = records(dir.path(), None);
    assert_eq!(loaded(&entries), vec![&good]);
    let found = problems(&entries);
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for (file, question) in expected {
        let (_, message) = found.iter().find(|(name, _)| *name == file).unwrap();
        assert!(message.starts_with("damaged record: "), "{message}");
        assert!(message.contains(question), "{question}: {message}");
        assert!(message.contains("restore it"), "says what to do: {message}");
    }
}

/// The fixture quiz (`consent`: single, options `no` and `yes`; `signs`: multiple, options `debt`, `papers`,
/// `languages`; 1 point each).
fn fixture() -> Quiz {
    let bank =
        Bank::load(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid")]);
    bank.quizzes
        .into_iter()
        .find(|q| q.quiz.id == "fixture")
        .unwrap()
        .quiz
}

/// A believable record of the fixture quiz.
fn on_fixture() -> AttemptRecord {
    let mut record = sample(3, participant("A", "ngo"), "fixture");
    record.quiz.version = 1;
    let question = |id: &str, kind: &str, shown: &[&str], answer: &[&str]| QuestionRecord {
        id: id.into(),
        kind: kind.into(),
        shown: shown.iter().map(|s| s.to_string()).collect(),
        shown_targets: vec![],
        answer: Some(Response::Chosen(
            answer.iter().map(|s| s.to_string()).collect(),
        )),
        points: 1.0,
        max_points: 1.0,
        time_ms: 1_000,
        flagged: false,
    };
    record.questions = vec![
        question("consent", "single", &["yes", "no"], &["no"]),
        question(
            "signs",
            "multiple",
            &["papers", "languages", "debt"],
            &["debt", "papers"],
        ),
    ];
    record.retotal();
    record
}

#[test]
fn records_whose_ids_do_not_match_the_quiz_are_refused() {
    let quiz = fixture();
    assert_eq!(against_quiz(&on_fixture(), &quiz), Ok(()));
    let cases: [Spoil; 8] = [
        ("are not the question's 2 options", |r| {
            r.questions[0].shown = vec!["no".into(), "ghost".into()]
        }),
        ("(0 of them)", |r| r.questions[1].shown.clear()),
        ("names \"ghost\"", |r| {
            r.questions[1].answer = Some(Response::Chosen(vec!["ghost".into()]))
        }),
        ("is not in quiz fixture", |r| {
            r.questions[0].id = "elsewhere".into()
        }),
        ("more than once", |r| r.questions[1].id = "consent".into()),
        ("full marks of 4", |r| {
            r.questions[0].max_points = 4.0;
            r.retotal();
        }),
        ("as a order question", |r| {
            r.questions[0].kind = "order".into()
        }),
        ("not an answer a single question takes", |r| {
            r.questions[0].answer = Some(Response::Order(vec!["no".into()]))
        }),
    ];
    for (words, spoil) in cases {
        let mut record = on_fixture();
        spoil(&mut record);
        let fault = against_quiz(&record, &quiz).unwrap_err();
        assert!(fault.is_damage());
        let message = fault.to_string();
        assert!(message.contains(words), "{words}: {message}");
        assert!(message.contains("restore it"), "says what to do: {message}");
    }
}

#[test]
fn a_record_of_another_quiz_version_is_unavailable_not_damaged() {
    let mut record = on_fixture();
    record.quiz.version = 2;
    record.questions[0].shown = vec!["ghost".into()];
    let fault = against_quiz(&record, &fixture()).unwrap_err();
    assert!(matches!(
        fault,
        RecordFault::VersionUnavailable {
            record: 2,
            loaded: 1,
            ..
        }
    ));
    assert!(!fault.is_damage());
    assert!(
        fault.to_string().starts_with("quiz version unavailable"),
        "{fault}"
    );
}
