//! The HTML report on paper: a 40-person seminar (20 police, 20 NGO, pre-test, practice, post-test) played
//! through the built-in quizzes, and the print rules, self-containment and header rows of its HTML report.
//!
//! `VIGIL_PRINT_HTML=FILE cargo test --test report_print` also writes the report to FILE, to print it with a
//! browser (see docs/reports.md, "Printing").

mod common;

use std::path::Path;
use std::sync::Arc;

use jiff::Timestamp;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use unicode_width::UnicodeWidthStr;
use vigil::attempt::{Attempt, RecordHeader, Submitted, quiz_ref};
use vigil::quiz::{Bank, CheckedQuiz, FeedbackMode};
use vigil::record::{AttemptId, AttemptRecord, FsWriter, Participant, Phase, Store};

use common::{stdout, vigil};

const SESSION: &str = "almaty-2026-12";

/// Twenty police officers and twenty NGO staff; some names are long, in Russian and Kazakh.
fn participants() -> Vec<(String, &'static str)> {
    let police = [
        "Нурлан Жаксылыков",
        "Ержан Сапарбекович Тулегенов",
        "Aidos Kenzhebaev",
        "Александр Викторович Константинопольский",
        "Dana Utepova",
        "Қанат Әбдірахманұлы Серікбаев",
        "Marat Iskakov",
        "Светлана Игоревна Белоусова-Ахметова",
        "Timur Abenov",
        "Айгүл Нұрсұлтанқызы Жұмабаева",
        "Ruslan Baimukhamedov",
        "Ольга Петрова",
        "Bakhyt Omarov",
        "Гульнара Шайхисламовна Мухамедьярова",
        "Yerlan Dzhaksybekov",
        "Сергей Ким",
        "Asel Tokayeva",
        "Дәурен Құрманғазыұлы Өтепбергенов",
        "Kairat Nurpeisov",
        "Илья Сергеевич Воскресенский",
    ];
    let ngo = [
        "Aigerim Sultanbekova",
        "Мадина Ерболатовна Исабекова-Куанышбаева",
        "Zhanna Akhmetova",
        "Әйгерім Төлеген",
        "Natalia Shevchenko",
        "Людмила Анатольевна Крестовоздвиженская",
        "Saule Beisenova",
        "Гүлжан Мырзабекқызы Досмұхамбетова",
        "Elena Popova",
        "Айдана Сейткали",
        "Bota Zhumagulova",
        "Татьяна Владимировна Ни",
        "Inkar Mukhtarova",
        "Нұргүл Қайратқызы Әбілқасымова",
        "Olga Li",
        "Алия Бекова",
        "Kamila Rakhimova",
        "Жанар Серікқызы Тұрсынбаева-Оспанова",
        "Maria Ivanova",
        "Дина Ахметова",
    ];
    police
        .iter()
        .map(|name| (name.to_string(), "police"))
        .chain(ngo.iter().map(|name| (name.to_string(), "ngo")))
        .collect()
}

/// One attempt played through: random options until each question takes an answer, then finished.
fn play(quiz: &CheckedQuiz, feedback: FeedbackMode, rng: &mut StdRng) -> Attempt {
    let mut attempt = Attempt::new(Arc::new(quiz.quiz.clone()), feedback, rng);
    for index in 0..attempt.items().len() {
        attempt.go_to(index);
        for _ in 0..60 {
            attempt.digit(rng.random_range(1..=5));
            if rng.random_bool(0.5) {
                attempt.toggle();
            }
            attempt.move_cursor(1);
            if attempt.submit() == Submitted::Answered {
                break;
            }
        }
    }
    attempt.finish();
    attempt
}

/// The better (`best`) or worse of `tries` attempts: a trained participant scores higher.
fn attempt_of(
    quiz: &CheckedQuiz,
    feedback: FeedbackMode,
    tries: usize,
    best: bool,
    rng: &mut StdRng,
) -> Attempt {
    let mut attempts: Vec<Attempt> = (0..tries).map(|_| play(quiz, feedback, rng)).collect();
    attempts.sort_by(|a, b| a.percent().total_cmp(&b.percent()));
    if best {
        attempts.pop()
    } else {
        attempts.into_iter().next()
    }
    .unwrap()
}

/// The seminar's records in `results`: warm-up and pre-test, three practice quizzes, post-test; 16 of the 40
/// take the Russian forms.
fn seminar(results: &Path) {
    let bank = Bank::load(&[]);
    let quiz = |id: &str, language: &str| {
        bank.quizzes
            .iter()
            .find(|q| q.quiz.id == id && q.quiz.language == language)
            .unwrap()
    };
    let store = Store::new(results, SESSION, Arc::new(FsWriter), None);
    let mut rng = StdRng::seed_from_u64(14);
    let plan = [
        ("warm-up", Phase::Pre, FeedbackMode::Immediate, 1, false),
        (
            "assessment-pre",
            Phase::Pre,
            FeedbackMode::Deferred,
            2,
            false,
        ),
        (
            "indicators",
            Phase::Practice,
            FeedbackMode::Immediate,
            2,
            true,
        ),
        (
            "labour-domestic",
            Phase::Practice,
            FeedbackMode::Immediate,
            2,
            true,
        ),
        (
            "sexual-exploitation",
            Phase::Practice,
            FeedbackMode::Immediate,
            2,
            true,
        ),
        (
            "assessment-post",
            Phase::Post,
            FeedbackMode::Deferred,
            3,
            true,
        ),
    ];
    for (n, (name, group)) in participants().into_iter().enumerate() {
        let language = if n % 5 < 2 { "ru" } else { "en" };
        for (step, (id, phase, feedback, tries, best)) in plan.iter().enumerate() {
            let checked = quiz(id, language);
            let attempt = attempt_of(checked, *feedback, *tries, *best, &mut rng);
            let started =
                Timestamp::from_second(1_796_000_000 + (step * 3600 + n * 7) as i64).unwrap();
            let header = RecordHeader {
                attempt: AttemptId::new(started, &mut rng),
                participant: Participant {
                    name: name.clone(),
                    code: None,
                    group: group.into(),
                },
                session: SESSION.into(),
                phase: *phase,
                quiz: quiz_ref(&checked.quiz, &checked.content_hash),
                started,
            };
            let record: AttemptRecord = attempt.to_record(&header, started);
            store.create(&record).unwrap();
        }
    }
}

/// The seminar's HTML report, written to `VIGIL_PRINT_HTML` as well when that is set.
fn seminar_html() -> String {
    let dir = tempfile::tempdir().unwrap();
    seminar(dir.path());
    let output = vigil(
        &["report", "--results", ".", "--format", "html"],
        dir.path(),
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let html = stdout(&output);
    if let Some(path) = std::env::var_os("VIGIL_PRINT_HTML") {
        std::fs::write(path, &html).unwrap();
    }
    html
}

#[test]
fn the_seminar_report_prints_each_quiz_on_new_pages_from_one_self_contained_file() {
    let html = seminar_html();
    let document = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    assert_eq!(
        document.select(&select("section.quiz")).count(),
        6,
        "one section per quiz"
    );
    let style: String = document
        .select(&select("head style"))
        .flat_map(|s| s.text())
        .collect();
    assert!(style.contains("@media print"), "{style}");
    assert!(style.contains("@page{size:A4 portrait"), "{style}");
    assert!(
        style.contains("section.quiz{break-before:page}"),
        "each quiz starts a page: {style}"
    );
    assert!(
        style.contains("tr,svg,figure{break-inside:avoid}"),
        "{style}"
    );
    assert!(style.contains("h2,h3{break-after:avoid}"), "{style}");
    let overview = html.find("<section class=\"overview\">").unwrap();
    let pairs = html.find("<section class=\"pre-post\">").unwrap();
    let first_quiz = html.find("<section class=\"quiz\">").unwrap();
    assert!(
        overview < pairs && pairs < first_quiz,
        "the per-participant gains follow the overview on its pages, before the quizzes"
    );
    assert!(!style.contains("section.pre-post{break-before"), "{style}");
    for external in ["<script", "<link", "<img", "<iframe", "@import", "url("] {
        assert!(!html.contains(external), "{external} in the report");
    }
    for attribute in ["href", "src"] {
        assert_eq!(
            document.select(&select(&format!("[{attribute}]"))).count(),
            0,
            "no {attribute}"
        );
    }
    let without_svg_namespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assert!(
        !without_svg_namespace.contains("http://") && !without_svg_namespace.contains("https://"),
        "no external URL"
    );
    for table in document.select(&select("table")) {
        assert!(
            table.select(&select("tr:first-child th")).count() > 0,
            "every table has a header row: {}",
            table.html()
        );
    }
}

#[test]
fn the_pre_post_comparison_is_shown_by_its_tests_shared_title_in_the_reports_language() {
    let dir = tempfile::tempdir().unwrap();
    seminar(dir.path());
    let report = |args: &[&str]| {
        let mut all = vec!["report", "--results", "."];
        all.extend_from_slice(args);
        let output = vigil(&all, dir.path());
        assert!(output.status.success(), "{output:?}");
        stdout(&output)
    };
    let titles = [
        ("en", "Pre-test and post-test · Curriculum assessment"),
        (
            "ru",
            "Входной и итоговый тесты · Проверка знаний по программе курса",
        ),
        (
            "kk",
            "Бастапқы және қорытынды тест · Курс бағдарламасы бойынша білімді тексеру",
        ),
    ];
    for (lang, title) in titles {
        let text = report(&["--lang", lang]);
        assert!(text.contains(title), "{lang}:\n{text}");
    }
    let json: serde_json::Value = serde_json::from_str(&report(&["--format", "json"])).unwrap();
    let comparison = &json["pre_post"][0];
    assert_eq!(comparison["label"], "curriculum-assessment");
    assert_eq!(comparison["title"], "Curriculum assessment");
    assert_eq!(
        json["overview"]["gains"][0]["title"],
        "Curriculum assessment"
    );
}

#[test]
fn every_line_of_the_seminar_report_keeps_to_an_80_column_terminal_with_long_indicator_names() {
    let dir = tempfile::tempdir().unwrap();
    seminar(dir.path());
    for lang in ["en", "ru", "kk"] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_vigil"))
            .args(["report", "--results", ".", "--lang", lang])
            .current_dir(dir.path())
            .env("COLUMNS", "80")
            .env("HOME", dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join("user-config"))
            .env_remove("VIGIL_RESULTS")
            .output()
            .unwrap();
        let text = stdout(&output);
        let wide: Vec<&str> = text.lines().filter(|line| line.width() > 80).collect();
        assert!(wide.is_empty(), "{lang}: {wide:#?}");
        if lang == "ru" {
            assert!(
                text.contains("Без сопровождения или с посторонними взрослыми"),
                "an indicator is cut only where the line needs it:\n{text}"
            );
        }
    }
}
