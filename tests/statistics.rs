//! The report's statistics against figures worked out by hand from Moodle's quiz statistics definitions: item
//! analysis (facility, standard deviation, discrimination index, discriminative efficiency), Cronbach's alpha
//! and the standard error of measurement, score distributions, and pre/post learning gain; first on the score
//! matrix directly, then through the whole pipeline from attempt records; and finally properties that must
//! hold for any score matrix.
//!
//! Every expected number below is derived in the comments from the definitions, step by step, never from the
//! implementation.

use std::path::PathBuf;

use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;
use rand::SeedableRng;
use rand::rngs::StdRng;
use vigil::quiz::parse::ron_options;
use vigil::quiz::{FeedbackMode, Response};
use vigil::record::scan::scan;
use vigil::record::scan::{Entry, Loaded};
use vigil::record::{
    AttemptId, AttemptRecord, Integrity, Participant, Phase, QuestionRecord, QuizRef, Status,
    Totals,
};
use vigil::report::analysis::{QuizReport, Unmatched};
use vigil::report::stats::{Distribution, Flag, ItemStats, Thresholds, item, reliability};
use vigil::report::{AttemptChoice, Dataset, Filter, Report, analyse, build, build_from_folders};

/// Tolerance for figures computed exactly (fractions and square roots of fractions).
const TOL: f64 = 1e-9;

fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= TOL,
        "{what}: got {actual}, expected {expected} (difference {})",
        actual - expected
    );
}

fn assert_some_close(actual: Option<f64>, expected: f64, what: &str) {
    match actual {
        Some(value) => assert_close(value, expected, what),
        None => panic!("{what}: got None, expected {expected}"),
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The hand-computed dataset.
//
// Five attempts (rows A-E) on three questions: q1 worth 1 point, q2 worth 2, q3 worth 1 (4 in all).
//
//            q1  q2  q3 | total | percent = 100 x total / 4
//     A       1   2   1 |   4   |  100
//     B       1   2   0 |   3   |   75
//     C       0   1   1 |   2   |   50
//     D       0   1   0 |   1   |   25
//     E       0   0   1 |   1   |   25
//
// Full marks (A on everything, B on q1 and q2), partial marks (1 of 2 on q2) and zeros.
// ---------------------------------------------------------------------------------------------------------------

const MAXIMA: [f64; 3] = [1.0, 2.0, 1.0];

const ROWS: [[f64; 3]; 5] = [
    [1.0, 2.0, 1.0], // A
    [1.0, 2.0, 0.0], // B
    [0.0, 1.0, 1.0], // C
    [0.0, 1.0, 0.0], // D
    [0.0, 0.0, 1.0], // E
];

fn matrix() -> Vec<Vec<f64>> {
    ROWS.iter().map(|row| row.to_vec()).collect()
}

/// The hand-computed figures of one question.
struct ExpectedItem {
    facility: f64,
    standard_deviation: f64,
    discrimination: f64,
    efficiency: f64,
    flags: Vec<Flag>,
}

/// Question q1 (max 1).
///
/// scores x = (1, 1, 0, 0, 0); totals T = (4, 3, 2, 1, 1); rest R = T - x = (3, 2, 2, 1, 1).
///
/// Facility: mean(x) / 1 = 2/5 = 0.4.
///
/// SD of x / max (= x): mean 0.4; deviations (0.6, 0.6, -0.4, -0.4, -0.4); squares (0.36, 0.36, 0.16, 0.16,
/// 0.16), sum 1.2; sample variance 1.2 / 4 = 0.3; SD = sqrt(0.3).
///
/// Discrimination: var(x) = 0.3 (as above). mean(R) = 9/5 = 1.8; deviations (1.2, 0.2, 0.2, -0.8, -0.8); squares
/// (1.44, 0.04, 0.04, 0.64, 0.64), sum 2.8; var(R) = 0.7. Cross products of deviations: 0.6 x 1.2 = 0.72,
/// 0.6 x 0.2 = 0.12, -0.4 x 0.2 = -0.08, -0.4 x -0.8 = 0.32, 0.32; sum 1.4; cov(x, R) = 1.4 / 4 = 0.35.
/// r = 0.35 / sqrt(0.3 x 0.7) = 0.35 / sqrt(0.21) = sqrt(0.1225 / 0.21) = sqrt(7/12); D = 100 sqrt(7/12)
/// = 76.376...
///
/// Efficiency: sorted x = (0, 0, 0, 1, 1), sorted R = (1, 1, 2, 2, 3). Deviations (-0.4, -0.4, -0.4, 0.6, 0.6)
/// and (-0.8, -0.8, 0.2, 0.2, 1.2); products 0.32, 0.32, -0.08, 0.12, 0.72, sum 1.4; covariance 0.35. The
/// attempts were already in the best order, so E = 100 x 0.35 / 0.35 = 100.
///
/// Flags (defaults: facility < 0.2 too hard, > 0.9 too easy, D < 20 low): none.
fn expected_q1() -> ExpectedItem {
    ExpectedItem {
        facility: 0.4,
        standard_deviation: 0.3f64.sqrt(),
        discrimination: 100.0 * (7.0f64 / 12.0).sqrt(),
        efficiency: 100.0,
        flags: vec![],
    }
}

/// Question q2 (max 2).
///
/// scores x = (2, 2, 1, 1, 0); rest R = T - x = (2, 1, 1, 0, 1).
///
/// Facility: mean(x) = 6/5 = 1.2; 1.2 / 2 = 0.6.
///
/// SD of x / 2 = (1, 1, 0.5, 0.5, 0): mean 0.6; deviations (0.4, 0.4, -0.1, -0.1, -0.6); squares (0.16, 0.16,
/// 0.01, 0.01, 0.36), sum 0.7; variance 0.7 / 4 = 0.175 = 7/40; SD = sqrt(7/40).
///
/// Discrimination (on raw points): mean(x) = 1.2; deviations (0.8, 0.8, -0.2, -0.2, -1.2); squares (0.64, 0.64,
/// 0.04, 0.04, 1.44), sum 2.8; var(x) = 0.7. mean(R) = 5/5 = 1; deviations (1, 0, 0, -1, 0); squares sum 2;
/// var(R) = 0.5. Cross products: 0.8 x 1 = 0.8, 0, 0, -0.2 x -1 = 0.2, 0; sum 1.0; cov(x, R) = 0.25.
/// r = 0.25 / sqrt(0.7 x 0.5) = 0.25 / sqrt(0.35) = sqrt(0.0625 / 0.35) = sqrt(5/28); D = 100 sqrt(5/28)
/// = 42.257...
///
/// Efficiency: sorted x = (0, 1, 1, 2, 2), sorted R = (0, 1, 1, 1, 2). Deviations (-1.2, -0.2, -0.2, 0.8, 0.8)
/// and (-1, 0, 0, 0, 1); products 1.2, 0, 0, 0, 0.8, sum 2.0; covariance 0.5. E = 100 x 0.25 / 0.5 = 50.
///
/// Flags: facility 0.6 and D 42.3 are inside the thresholds: none.
fn expected_q2() -> ExpectedItem {
    ExpectedItem {
        facility: 0.6,
        standard_deviation: (7.0f64 / 40.0).sqrt(),
        discrimination: 100.0 * (5.0f64 / 28.0).sqrt(),
        efficiency: 50.0,
        flags: vec![],
    }
}

/// Question q3 (max 1).
///
/// scores x = (1, 0, 1, 0, 1); rest R = T - x = (3, 3, 1, 1, 0).
///
/// Facility: 3/5 = 0.6.
///
/// SD: mean 0.6; deviations (0.4, -0.6, 0.4, -0.6, 0.4); squares 3 x 0.16 + 2 x 0.36 = 1.2; variance 0.3;
/// SD = sqrt(0.3).
///
/// Discrimination: var(x) = 0.3. mean(R) = 8/5 = 1.6; deviations (1.4, 1.4, -0.6, -0.6, -1.6); squares (1.96,
/// 1.96, 0.36, 0.36, 2.56), sum 7.2; var(R) = 1.8. Cross products: 0.4 x 1.4 = 0.56, -0.6 x 1.4 = -0.84,
/// 0.4 x -0.6 = -0.24, -0.6 x -0.6 = 0.36, 0.4 x -1.6 = -0.64; sum -0.8; cov(x, R) = -0.2.
/// r = -0.2 / sqrt(0.3 x 1.8) = -0.2 / sqrt(0.54) = -sqrt(0.04 / 0.54) = -sqrt(2/27); D = -100 sqrt(2/27)
/// = -27.216...
///
/// Efficiency: sorted x = (0, 0, 1, 1, 1), sorted R = (0, 1, 1, 3, 3). Deviations (-0.6, -0.6, 0.4, 0.4, 0.4)
/// and (-1.6, -0.6, -0.6, 1.4, 1.4); products 0.96, 0.36, -0.24, 0.56, 0.56, sum 2.2; covariance 0.55.
/// E = 100 x -0.2 / 0.55 = -400/11 = -36.36...
///
/// Flags: D = -27.2 < 20: low discrimination (facility 0.6 is fine).
fn expected_q3() -> ExpectedItem {
    ExpectedItem {
        facility: 0.6,
        standard_deviation: 0.3f64.sqrt(),
        discrimination: -100.0 * (2.0f64 / 27.0).sqrt(),
        efficiency: -400.0 / 11.0,
        flags: vec![Flag::LowDiscrimination],
    }
}

fn expected_items() -> [ExpectedItem; 3] {
    [expected_q1(), expected_q2(), expected_q3()]
}

fn check_item(actual: &ItemStats, expected: &ExpectedItem, question: &str) {
    assert_eq!(actual.n, 5, "{question}: n");
    assert_some_close(
        actual.facility,
        expected.facility,
        &format!("{question} facility"),
    );
    assert_some_close(
        actual.standard_deviation,
        expected.standard_deviation,
        &format!("{question} standard deviation"),
    );
    assert_some_close(
        actual.discrimination,
        expected.discrimination,
        &format!("{question} discrimination"),
    );
    assert_some_close(
        actual.efficiency,
        expected.efficiency,
        &format!("{question} efficiency"),
    );
    assert_eq!(actual.flags, expected.flags, "{question}: flags");
}

/// Cronbach's alpha and the SEM.
///
/// Sample variances of the questions' raw points (from the derivations above): q1 0.3, q2 0.7, q3 0.3; sum 1.3.
/// Totals T = (4, 3, 2, 1, 1): mean 11/5 = 2.2; deviations (1.8, 0.8, -0.2, -1.2, -1.2); squares (3.24, 0.64,
/// 0.04, 1.44, 1.44), sum 6.8; var(T) = 1.7.
/// alpha = 3/2 x (1 - 1.3 / 1.7) = 3/2 x 0.4 / 1.7 = 0.6 / 1.7 = 6/17 = 0.35294...
/// SEM = sqrt(1.7) x sqrt(1 - 6/17) = sqrt(1.7 x 11/17) = sqrt(1.1) = 1.04880...
const ALPHA: f64 = 6.0 / 17.0;

fn sem() -> f64 {
    1.1f64.sqrt()
}

/// The percentages (100, 75, 50, 25, 25) as a distribution, except for the pass rate and the pass mark.
///
/// n = 5. Mean = 275 / 5 = 55. Sorted (25, 25, 50, 75, 100): median 50, min 25, max 100.
/// SD: deviations from 55 are (45, 20, -5, -30, -30); squares (2025, 400, 25, 900, 900), sum 4250;
/// variance 4250 / 4 = 1062.5; SD = sqrt(1062.5) = 32.596...
/// Histogram: 25 and 25 in bin 2 (20-30), 50 in bin 5 (50-60), 75 in bin 7 (70-80), 100 in the last bin (90-100).
fn check_all_five(d: &Distribution) {
    assert_eq!(d.n, 5);
    assert_some_close(d.mean, 55.0, "mean percent");
    assert_some_close(d.median, 50.0, "median percent");
    assert_some_close(d.standard_deviation, 1062.5f64.sqrt(), "SD percent");
    assert_some_close(d.min, 25.0, "min percent");
    assert_some_close(d.max, 100.0, "max percent");
    assert_eq!(d.histogram, [0, 0, 2, 0, 0, 1, 0, 1, 0, 1]);
}

#[test]
fn facility_sd_discrimination_and_efficiency_match_the_hand_computation() {
    let matrix = matrix();
    let thresholds = Thresholds::default();
    for (q, expected) in expected_items().iter().enumerate() {
        let stats = item(&matrix, q, MAXIMA[q], &thresholds);
        check_item(&stats, expected, &format!("q{}", q + 1));
    }
}

#[test]
fn cronbach_alpha_and_sem_match_the_hand_computation() {
    let found = reliability(&matrix()).expect("3 questions and 5 attempts: alpha is defined");
    assert_close(found.alpha, ALPHA, "alpha");
    assert_close(found.standard_error, sem(), "standard error of measurement");
}

#[test]
fn alpha_is_undefined_for_one_question_or_two_attempts() {
    // p = 1: only q1 of every attempt. The definition needs p > 1.
    let one_question: Vec<Vec<f64>> = ROWS.iter().map(|row| vec![row[0]]).collect();
    assert_eq!(reliability(&one_question), None);
    // n = 2: attempts A and D (totals 4 and 1, so the totals do vary). The definition needs n > 2.
    let two_attempts = vec![ROWS[0].to_vec(), ROWS[3].to_vec()];
    assert_eq!(reliability(&two_attempts), None);
    // n = 3: A, B, C is enough.
    assert!(reliability(&matrix()[..3]).is_some());
}

#[test]
fn distribution_of_the_totals_matches_the_hand_computation() {
    // Percentages of the totals: 100 x (4, 3, 2, 1, 1) / 4 = (100, 75, 50, 25, 25).
    let percents: Vec<f64> = ROWS
        .iter()
        .map(|row| 100.0 * row.iter().sum::<f64>() / 4.0)
        .collect();
    assert_eq!(percents, [100.0, 75.0, 50.0, 25.0, 25.0]);

    // Pass mark 50: 100, 75 and 50 pass (50 >= 50), 25 and 25 do not: 3/5 = 0.6.
    let at_fifty = Distribution::of(&percents, Some(50.0));
    check_all_five(&at_fifty);
    assert_some_close(at_fifty.pass_rate, 0.6, "pass rate at 50");

    // Pass mark 60: only 100 and 75 pass: 2/5 = 0.4. Nothing else changes.
    let at_sixty = Distribution::of(&percents, Some(60.0));
    check_all_five(&at_sixty);
    assert_some_close(at_sixty.pass_rate, 0.4, "pass rate at 60");
}

// ---------------------------------------------------------------------------------------------------------------
// The same dataset through the whole pipeline: records -> dataset -> report.
// ---------------------------------------------------------------------------------------------------------------

const SESSION: &str = "almaty-2010-04";

fn minute(m: i64) -> Timestamp {
    let base: Timestamp = "2010-04-29T09:00:00Z".parse().unwrap();
    base.checked_add(SignedDuration::from_mins(m)).unwrap()
}

/// One attempt: who, which quiz and phase, when (minutes after 09:00), its questions as
/// `(id, points, max points)` in the order shown, and its status.
struct Take<'a> {
    name: &'a str,
    code: Option<&'a str>,
    group: &'a str,
    quiz: &'a str,
    phase: Phase,
    minute: i64,
    questions: &'a [(&'a str, f64, f64)],
    status: Status,
}

fn record(take: &Take<'_>, rng: &mut StdRng) -> AttemptRecord {
    let started = minute(take.minute);
    let ended = minute(take.minute + 5);
    let mut record = AttemptRecord {
        format: 1,
        attempt: AttemptId::new(started, rng),
        participant: Participant {
            name: take.name.into(),
            code: take.code.map(Into::into),
            group: take.group.into(),
        },
        session: SESSION.into(),
        phase: take.phase,
        quiz: QuizRef {
            id: take.quiz.into(),
            language: "en".into(),
            version: 1,
            content_hash: "blake3:abcd".into(),
            title: take.quiz.into(),
            form_group: None,
        },
        feedback: FeedbackMode::Deferred,
        started,
        updated: ended,
        ended: (take.status == Status::Completed).then_some(ended),
        status: take.status,
        current: 0,
        questions: take
            .questions
            .iter()
            .map(|(id, points, max)| QuestionRecord {
                id: (*id).into(),
                kind: if *max > 1.0 { "multiple" } else { "single" }.into(),
                shown: vec!["right".into(), "wrong".into()],
                shown_targets: vec![],
                answer: Some(Response::Chosen(vec![
                    if *points > 0.0 { "right" } else { "wrong" }.into(),
                ])),
                points: *points,
                max_points: *max,
                time_ms: 10_000,
                flagged: false,
            })
            .collect(),
        total: Totals {
            points: 0.0,
            max_points: 0.0,
        },
        writer: String::new(),
        saves: 0,
    };
    record.retotal();
    record
}

fn entry(record: AttemptRecord) -> Entry {
    Entry::Record(Box::new(Loaded {
        path: PathBuf::from(SESSION).join(record.attempt.file_name()),
        record,
        integrity: Integrity::Unchecked,
    }))
}

/// The records of the pipeline test, in the (deliberately jumbled) order a scan might deliver them, and the
/// attempt ids of Daulet's first and second attempts at `indicators`.
///
/// Quiz `indicators` (practice): the five attempts A-E of the hand-computed dataset, by
///   A Aliya (police, 09:10), B Bolat (ngo, 09:12), C Cholpon (police, 09:11), D Daulet (ngo, 09:13),
///   E Erzhan (police, 09:14),
/// each record listing its questions in a different shown order (the report must match them by id);
/// Daulet again at 09:40 scoring (1, 2, 0) = 3 of 4 = 75% (better than his first 25%); Farida (police) still in
/// progress with full marks so far; Gulnara (ngo) discarded with full marks.
///
/// Quiz `assessment` (two questions worth 5 each, 10 in all), pre-test and post-test:
///   Aigerim (ngo)         pre 2 + 2 = 4 -> 40%    post 4 + 3 = 7 -> 70%
///   Nurlan (police, P07)  pre 1 + 1 = 2 -> 20%    post 5 + 3 = 8 -> 80%
///   Dana (ngo)            pre 3 + 3 = 6 -> 60%    post 2 + 3 = 5 -> 50%
///   Yerlan (police)       pre 5 + 5 = 10 -> 100%  post 5 + 4 = 9 -> 90%
///   Saule (ngo)           pre 1 + 2 = 3 -> 30%    no post-test
///   Timur (police)        no pre-test             post 3 + 3 = 6 -> 60%
fn entries() -> (Vec<Entry>, AttemptId, AttemptId) {
    let mut rng = StdRng::seed_from_u64(2010);
    let indicators = |name, group, minute, questions, status| Take {
        name,
        code: None,
        group,
        quiz: "indicators",
        phase: Phase::Practice,
        minute,
        questions,
        status,
    };
    let assessment = |name, code, group, phase, minute, questions| Take {
        name,
        code,
        group,
        quiz: "assessment",
        phase,
        minute,
        questions,
        status: Status::Completed,
    };
    let done = Status::Completed;
    let a = indicators(
        "Aliya",
        "police",
        10,
        &[("q1", 1.0, 1.0), ("q2", 2.0, 2.0), ("q3", 1.0, 1.0)],
        done,
    );
    let b = indicators(
        "Bolat",
        "ngo",
        12,
        &[("q3", 0.0, 1.0), ("q2", 2.0, 2.0), ("q1", 1.0, 1.0)],
        done,
    );
    let c = indicators(
        "Cholpon",
        "police",
        11,
        &[("q2", 1.0, 2.0), ("q1", 0.0, 1.0), ("q3", 1.0, 1.0)],
        done,
    );
    let d_first = indicators(
        "Daulet",
        "ngo",
        13,
        &[("q1", 0.0, 1.0), ("q3", 0.0, 1.0), ("q2", 1.0, 2.0)],
        done,
    );
    let e = indicators(
        "Erzhan",
        "police",
        14,
        &[("q3", 1.0, 1.0), ("q1", 0.0, 1.0), ("q2", 0.0, 2.0)],
        done,
    );
    let d_second = indicators(
        "Daulet",
        "ngo",
        40,
        &[("q2", 2.0, 2.0), ("q1", 1.0, 1.0), ("q3", 0.0, 1.0)],
        done,
    );
    let full = [("q1", 1.0, 1.0), ("q2", 2.0, 2.0), ("q3", 1.0, 1.0)];
    let f = indicators("Farida", "police", 15, &full, Status::InProgress);
    let g = indicators("Gulnara", "ngo", 16, &full, Status::Discarded);

    let (pre, post) = (Phase::Pre, Phase::Post);
    let takes = [
        assessment(
            "Yerlan",
            None,
            "police",
            post,
            125,
            &[("a1", 5.0, 5.0), ("a2", 4.0, 5.0)],
        ),
        e,
        assessment(
            "Aigerim",
            None,
            "ngo",
            pre,
            60,
            &[("a1", 2.0, 5.0), ("a2", 2.0, 5.0)],
        ),
        d_second,
        assessment(
            "Nurlan",
            Some("P07"),
            "police",
            pre,
            61,
            &[("a1", 1.0, 5.0), ("a2", 1.0, 5.0)],
        ),
        b,
        f,
        assessment(
            "Dana",
            None,
            "ngo",
            post,
            122,
            &[("a2", 3.0, 5.0), ("a1", 2.0, 5.0)],
        ),
        assessment(
            "Dana",
            None,
            "ngo",
            pre,
            62,
            &[("a1", 3.0, 5.0), ("a2", 3.0, 5.0)],
        ),
        a,
        assessment(
            "Yerlan",
            None,
            "police",
            pre,
            63,
            &[("a1", 5.0, 5.0), ("a2", 5.0, 5.0)],
        ),
        assessment(
            "Saule",
            None,
            "ngo",
            pre,
            64,
            &[("a1", 1.0, 5.0), ("a2", 2.0, 5.0)],
        ),
        d_first,
        assessment(
            "Aigerim",
            None,
            "ngo",
            post,
            120,
            &[("a1", 4.0, 5.0), ("a2", 3.0, 5.0)],
        ),
        g,
        assessment(
            "Nurlan",
            Some("P07"),
            "police",
            post,
            121,
            &[("a1", 5.0, 5.0), ("a2", 3.0, 5.0)],
        ),
        c,
        assessment(
            "Timur",
            None,
            "police",
            post,
            126,
            &[("a1", 3.0, 5.0), ("a2", 3.0, 5.0)],
        ),
    ];
    let mut first = None;
    let mut second = None;
    let mut entries = Vec::new();
    for take in &takes {
        let record = record(take, &mut rng);
        if take.name == "Daulet" {
            if take.minute == 13 {
                first = Some(record.attempt.clone());
            } else {
                second = Some(record.attempt.clone());
            }
        }
        entries.push(entry(record));
    }
    (entries, first.unwrap(), second.unwrap())
}

/// The report of [`entries`], delivered in their order or (`reversed`) in the opposite one: Daulet's 09:40
/// retake comes before his 09:13 attempt in the first and after it in the second, so keeping whichever
/// arrives first (or last) cannot pass for `First` or `Best` in both.
fn report_in(choice: AttemptChoice, reversed: bool) -> (Report, AttemptId, AttemptId) {
    let (mut entries, first, second) = entries();
    if reversed {
        entries.reverse();
    }
    let dataset = build(entries.into_iter(), &[], &Filter::default(), choice, false);
    (analyse(dataset, Thresholds::default()), first, second)
}

fn quiz<'a>(report: &'a Report, id: &str) -> &'a QuizReport {
    report
        .quizzes
        .iter()
        .find(|q| q.quiz.id == id)
        .unwrap_or_else(|| panic!("no report for quiz {id}"))
}

fn names(quiz: &QuizReport) -> Vec<&str> {
    quiz.attempts.iter().map(|a| &*a.name).collect()
}

#[test]
fn the_pipeline_reproduces_the_hand_computed_item_analysis_and_reliability() {
    for reversed in [false, true] {
        check_item_analysis(reversed);
    }
}

fn check_item_analysis(reversed: bool) {
    let (report, first, _) = report_in(AttemptChoice::First, reversed);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    // Farida's attempt is in progress and Gulnara's discarded: counted there, not in the figures.
    assert_eq!(report.in_progress, 1);
    assert_eq!(report.discarded, 1);
    assert!(!report.regraded);

    let ids: Vec<&str> = report.quizzes.iter().map(|q| q.quiz.id.as_str()).collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    let indicators = quiz(&report, "indicators");
    // The five attempts A-E in start order (09:10 Aliya, 09:11 Cholpon, 09:12 Bolat, 09:13 Daulet, 09:14
    // Erzhan): Daulet's 09:40 retake, Farida and Gulnara are not there.
    assert_eq!(
        names(indicators),
        ["Aliya", "Cholpon", "Bolat", "Daulet", "Erzhan"]
    );
    let daulet = &indicators.attempts[3];
    assert_eq!(
        daulet.attempt.to_string(),
        first.to_string(),
        "First keeps 09:13 (reversed {reversed})"
    );
    assert_close(daulet.points, 1.0, "Daulet's first attempt: 0 + 1 + 0");
    assert_close(daulet.max, 4.0, "full marks: 1 + 2 + 1");

    // The question figures (rows in start order, not A-E: a permutation changes none of them).
    assert_eq!(indicators.questions.len(), 3);
    for (q, expected) in expected_items().iter().enumerate() {
        let id = format!("q{}", q + 1);
        let question = indicators
            .questions
            .iter()
            .find(|question| question.id == id)
            .unwrap_or_else(|| panic!("no question {id}"));
        assert_close(question.max, MAXIMA[q], &format!("{id} max"));
        check_item(&question.stats, expected, &id);
    }
    let found = indicators.reliability.expect("alpha is defined");
    assert_close(found.alpha, ALPHA, "alpha");
    assert_close(found.standard_error, sem(), "SEM");
}

#[test]
fn the_pipeline_reproduces_the_hand_computed_distributions_overall_and_per_group() {
    for reversed in [false, true] {
        check_distributions(reversed);
    }
}

fn check_distributions(reversed: bool) {
    let (report, _, _) = report_in(AttemptChoice::First, reversed);
    let indicators = quiz(&report, "indicators");
    // Without quiz files the pass mark is not known, so no pass rate is claimed.
    assert_eq!(indicators.quiz.pass_mark, None);
    check_all_five(&indicators.distribution);
    assert_eq!(indicators.distribution.pass_rate, None);

    let groups: Vec<&str> = indicators.groups.iter().map(|g| g.group.as_str()).collect();
    assert_eq!(groups, ["ngo", "police"]);

    // ngo: Bolat 75, Daulet 25. n 2, mean 50, median (25 + 75) / 2 = 50, min 25, max 75.
    // SD: deviations (25, -25), squares 625 + 625 = 1250, variance 1250 / 1 = 1250, SD = sqrt(1250) = 35.355...
    // Histogram: 25 in bin 2, 75 in bin 7.
    let ngo = &indicators.groups[0].distribution;
    assert_eq!(ngo.n, 2);
    assert_some_close(ngo.mean, 50.0, "ngo mean");
    assert_some_close(ngo.median, 50.0, "ngo median");
    assert_some_close(ngo.standard_deviation, 1250f64.sqrt(), "ngo SD");
    assert_some_close(ngo.min, 25.0, "ngo min");
    assert_some_close(ngo.max, 75.0, "ngo max");
    assert_eq!(ngo.pass_rate, None);
    assert_eq!(ngo.histogram, [0, 0, 1, 0, 0, 0, 0, 1, 0, 0]);

    // police: Aliya 100, Cholpon 50, Erzhan 25. n 3, mean 175/3 = 58.33..., median 50, min 25, max 100.
    // SD: deviations (100 - 175/3, 50 - 175/3, 25 - 175/3) = (125/3, -25/3, -100/3); squares (15625 + 625
    // + 10000) / 9 = 26250/9; variance 26250 / 9 / 2 = 4375/3; SD = sqrt(4375/3) = 38.188...
    // Histogram: 25 in bin 2, 50 in bin 5, 100 in bin 9.
    let police = &indicators.groups[1].distribution;
    assert_eq!(police.n, 3);
    assert_some_close(police.mean, 175.0 / 3.0, "police mean");
    assert_some_close(police.median, 50.0, "police median");
    assert_some_close(
        police.standard_deviation,
        (4375.0f64 / 3.0).sqrt(),
        "police SD",
    );
    assert_some_close(police.min, 25.0, "police min");
    assert_some_close(police.max, 100.0, "police max");
    assert_eq!(police.pass_rate, None);
    assert_eq!(police.histogram, [0, 0, 1, 0, 0, 1, 0, 0, 0, 1]);
}

#[test]
fn best_keeps_the_better_of_two_attempts_and_first_the_earlier() {
    for reversed in [false, true] {
        check_first_and_best(reversed);
    }
}

fn check_first_and_best(reversed: bool) {
    let (first_report, first, second) = report_in(AttemptChoice::First, reversed);
    let daulet: Vec<_> = quiz(&first_report, "indicators")
        .attempts
        .iter()
        .filter(|a| &*a.name == "Daulet")
        .collect();
    assert_eq!(daulet.len(), 1);
    assert_eq!(
        daulet[0].attempt.to_string(),
        first.to_string(),
        "First, reversed {reversed}"
    );
    assert_close(daulet[0].percent(), 25.0, "First: Daulet's 09:13 attempt");

    let (best_report, _, _) = report_in(AttemptChoice::Best, reversed);
    assert_eq!(best_report.in_progress, 1);
    let indicators = quiz(&best_report, "indicators");
    // In start order the 09:40 retake now comes last.
    assert_eq!(
        names(indicators),
        ["Aliya", "Cholpon", "Bolat", "Erzhan", "Daulet"]
    );
    let daulet = &indicators.attempts[4];
    assert_eq!(
        daulet.attempt.to_string(),
        second.to_string(),
        "Best, reversed {reversed}"
    );
    assert_close(
        daulet.percent(),
        75.0,
        "Best: Daulet's 09:40 attempt, 3 of 4",
    );

    // Percentages now (100, 50, 75, 25, 75): n 5, mean 325 / 5 = 65, sorted (25, 50, 75, 75, 100): median 75,
    // min 25, max 100. SD: deviations (35, -15, 10, -40, 10), squares (1225, 225, 100, 1600, 100), sum 3250,
    // variance 812.5. Histogram: bin 2, bin 5, bin 7 twice, bin 9.
    let d = &indicators.distribution;
    assert_eq!(d.n, 5);
    assert_some_close(d.mean, 65.0, "Best mean");
    assert_some_close(d.median, 75.0, "Best median");
    assert_some_close(d.standard_deviation, 812.5f64.sqrt(), "Best SD");
    assert_some_close(d.min, 25.0, "Best min");
    assert_some_close(d.max, 100.0, "Best max");
    assert_eq!(d.histogram, [0, 0, 1, 0, 0, 1, 0, 2, 0, 1]);
    // ngo is now Bolat 75 and Daulet 75: mean 75, SD 0.
    let ngo = &indicators.groups[0];
    assert_eq!(ngo.group, "ngo");
    assert_some_close(ngo.distribution.mean, 75.0, "Best ngo mean");
    assert_some_close(ngo.distribution.standard_deviation, 0.0, "Best ngo SD");
}

#[test]
fn pre_post_gains_match_the_hand_computation() {
    for reversed in [false, true] {
        check_pre_post(reversed);
    }
}

fn check_pre_post(reversed: bool) {
    let (report, _, _) = report_in(AttemptChoice::First, reversed);
    // The `indicators` attempts are practice: only `assessment` has a pre- and a post-test.
    assert_eq!(report.pre_post.len(), 1);
    let gains = &report.pre_post[0];
    assert_eq!(gains.label, "assessment");
    // Ten attempts on the assessment: five pre-tests and five post-tests.
    assert_eq!(quiz(&report, "assessment").distribution.n, 10);

    // Per participant (percent = 100 x points / 10):
    //   Aigerim  pre 40   post 70  gain  30  normalised  30 / (100 - 40) =  30 / 60 =  0.5
    //   Nurlan   pre 20   post 80  gain  60  normalised  60 / (100 - 20) =  60 / 80 =  0.75
    //   Dana     pre 60   post 50  gain -10  normalised -10 / (100 - 60) = -10 / 40 = -0.25
    //   Yerlan   pre 100  post 90  gain -10  normalised undefined (pre = 100)
    let mut pairs: Vec<_> = gains.pairs.iter().collect();
    pairs.sort_by(|a, b| a.name.cmp(&b.name));
    let expected = [
        ("Aigerim", None, "ngo", 40.0, 70.0, 30.0, Some(0.5)),
        ("Dana", None, "ngo", 60.0, 50.0, -10.0, Some(-0.25)),
        (
            "Nurlan",
            Some("P07"),
            "police",
            20.0,
            80.0,
            60.0,
            Some(0.75),
        ),
        ("Yerlan", None, "police", 100.0, 90.0, -10.0, None),
    ];
    assert_eq!(pairs.len(), expected.len());
    for (pair, (name, code, group, pre, post, gain, normalised)) in pairs.iter().zip(expected) {
        assert_eq!(pair.name, name);
        assert_eq!(pair.code.as_deref(), code, "{name}: code");
        assert_eq!(pair.group, group, "{name}: group");
        assert_close(pair.pre, pre, &format!("{name}: pre"));
        assert_close(pair.post, post, &format!("{name}: post"));
        assert_close(pair.gain, gain, &format!("{name}: gain"));
        match normalised {
            Some(g) => assert_some_close(pair.normalised_gain, g, &format!("{name}: normalised")),
            None => assert_eq!(pair.normalised_gain, None, "{name}: normalised"),
        }
    }

    // Means over the four matched: pre (40 + 20 + 60 + 100) / 4 = 220 / 4 = 55;
    // post (70 + 80 + 50 + 90) / 4 = 290 / 4 = 72.5; gain (30 + 60 - 10 - 10) / 4 = 70 / 4 = 17.5.
    assert_some_close(gains.mean_pre, 55.0, "mean pre");
    assert_some_close(gains.mean_post, 72.5, "mean post");
    assert_some_close(gains.mean_gain, 17.5, "mean gain");
    // Mean of the individual normalised gains, Yerlan left out: (0.5 + 0.75 - 0.25) / 3 = 1 / 3.
    assert_some_close(
        gains.mean_normalised_gain,
        1.0 / 3.0,
        "mean normalised gain",
    );
    // Normalised gain of the means: (72.5 - 55) / (100 - 55) = 17.5 / 45 = 7/18 = 0.3888...
    assert_some_close(
        gains.normalised_gain_of_means,
        7.0 / 18.0,
        "normalised gain of the means",
    );
    assert_eq!(gains.perfect_pre, ["Yerlan"]);

    // Saule has only a pre-test, Timur only a post-test.
    let mut unmatched: Vec<&Unmatched> = gains.unmatched.iter().collect();
    unmatched.sort_by(|a, b| a.name.cmp(&b.name));
    let unmatched: Vec<(&str, &str, Phase)> = unmatched
        .iter()
        .map(|u| (u.name.as_str(), u.group.as_str(), u.phase))
        .collect();
    assert_eq!(
        unmatched,
        [
            ("Saule", "ngo", Phase::Pre),
            ("Timur", "police", Phase::Post)
        ]
    );
}

// ---------------------------------------------------------------------------------------------------------------
// Properties of any score matrix.
// ---------------------------------------------------------------------------------------------------------------

/// A share of full marks: mostly on a coarse grid (so ties, zeros, full marks and constant columns are common),
/// sometimes anywhere in [0, 1].
fn share() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => (0u32..=4).prop_map(|k| f64::from(k) / 4.0),
        1 => (0u32..=3).prop_map(|k| f64::from(k) / 3.0),
        1 => 0.0f64..=1.0,
    ]
}

/// Full marks of a question.
fn full_marks() -> impl Strategy<Value = f64> {
    prop_oneof![Just(1.0), Just(2.0), Just(3.0), Just(0.5), Just(4.5)]
}

/// Question maxima, a score matrix of 2-30 attempts by 2-8 questions with every score in [0, max], and a
/// permutation of the attempts.
fn scored() -> impl Strategy<Value = (Vec<f64>, Vec<Vec<f64>>, Vec<usize>)> {
    (2usize..=30, 2usize..=8).prop_flat_map(|(n, p)| {
        (
            proptest::collection::vec(full_marks(), p),
            proptest::collection::vec(proptest::collection::vec(share(), p), n),
            Just((0..n).collect::<Vec<usize>>()).prop_shuffle(),
        )
            .prop_map(|(maxima, shares, order)| {
                let matrix = shares
                    .iter()
                    .map(|row| row.iter().zip(&maxima).map(|(s, m)| s * m).collect())
                    .collect();
                (maxima, matrix, order)
            })
    })
}

/// Equal up to floating-point rounding (summing in another order), or both undefined.
fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0),
        _ => false,
    }
}

/// Slack for bounds that hold exactly in arithmetic but can be crossed by a rounding error in floating point:
/// two attempts always give a correlation of exactly +-1, computed as 1.0000000000000003 for `[[1, 1/3], [0.25,
/// 0]]` (discrimination 100.00000000000003); seven identical questions give alpha 1.0000000000000002. Far below
/// anything a report shows, far above nothing: a real excess (a wrong formula) is orders of magnitude larger.
const ROUNDING: f64 = 1e-9;

#[test]
fn alpha_of_identical_questions_is_one() {
    // p identical columns x: var(T) = var(p x) = p^2 var(x) and the item variances sum to p var(x), so
    // alpha = p / (p - 1) x (1 - p var(x) / (p^2 var(x))) = p / (p - 1) x (p - 1) / p = 1, and the SEM,
    // SD(T) x sqrt(1 - alpha), is 0. The square root magnifies a rounding error of alpha: 1 - alpha = -2e-16
    // or 2e-16 gives sqrt(2e-16) = 1.4e-8 times SD(T) (about 2.8e-8 for p = 3), hence the looser 1e-6 there.
    for p in 2..=8 {
        let matrix: Vec<Vec<f64>> = (0..6).map(|i| vec![f64::from(i) / 3.0; p]).collect();
        let found = reliability(&matrix).expect("defined");
        assert!(
            (found.alpha - 1.0).abs() <= ROUNDING,
            "p = {p}: alpha {}",
            found.alpha
        );
        assert!(
            found.standard_error.abs() <= 1e-6,
            "p = {p}: SEM {}",
            found.standard_error
        );
    }
}

/// Writes `records` as files into a results folder, the way workstations do.
fn write_folder(records: &[AttemptRecord]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join(SESSION);
    std::fs::create_dir_all(&session).unwrap();
    for record in records {
        let text = ron_options().to_string(record).unwrap() + "\n";
        std::fs::write(session.join(record.attempt.file_name()), text).unwrap();
    }
    dir
}

/// The dataset as JSON (which leaves out each row's file, the one field that differs between a folder and
/// entries made in memory).
fn json(dataset: &Dataset) -> serde_json::Value {
    serde_json::to_value(dataset).unwrap()
}

#[test]
fn reading_a_folder_on_every_core_gives_the_same_dataset_as_reading_record_by_record() {
    let (entries, _, _) = entries();
    let records: Vec<AttemptRecord> = entries
        .into_iter()
        .filter_map(|e| match e {
            Entry::Record(loaded) => Some(loaded.record),
            _ => None,
        })
        .collect();
    let dir = write_folder(&records);
    let folders = vec![dir.path().to_path_buf()];
    for choice in [
        AttemptChoice::First,
        AttemptChoice::Last,
        AttemptChoice::Best,
        AttemptChoice::All,
    ] {
        let filter = Filter::default();
        let parallel = build_from_folders(&folders, None, &[], &filter, choice, false);
        let serial = build(scan(&folders, None, None), &[], &filter, choice, false);
        assert_eq!(json(&parallel), json(&serial), "{choice:?}");
        assert_eq!(parallel.attempts.len(), serial.attempts.len());
        assert!(
            parallel
                .attempts
                .iter()
                .all(|a| a.file.starts_with(dir.path()))
        );
    }
    let police = Filter {
        group: Some("police".into()),
        phase: Some(Phase::Post),
        ..Filter::default()
    };
    let parallel = build_from_folders(&folders, None, &[], &police, AttemptChoice::First, false);
    let names: Vec<&str> = parallel.attempts.iter().map(|a| &*a.name).collect();
    assert_eq!(names, ["Nurlan", "Yerlan", "Timur"]);
}

/// Without the quiz file, a quiz's questions are those of its first record (in file order); a later record
/// that lacks one scores 0 on it and one it has in excess is left out. Records are read in batches on several
/// threads, so this must hold across batches too: 1,200 records, more than two batches.
#[test]
fn without_the_quiz_file_every_record_follows_the_first_record_s_questions_across_batches() {
    let mut rng = StdRng::seed_from_u64(77);
    let pool = [("q1", 1.0), ("q2", 2.0), ("q3", 1.0), ("q10", 3.0)];
    let mut records = Vec::new();
    for n in 0..1_200i64 {
        // Each record has a different subset of the pool (never empty), with points by a fixed rule.
        let mask = (n % 15) + 1;
        let questions: Vec<(&str, f64, f64)> = pool
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(i, (id, max))| (*id, if (n + i as i64) % 3 == 0 { 0.0 } else { *max }, *max))
            .collect();
        let take = Take {
            name: "P",
            code: None,
            group: "ngo",
            quiz: "varied",
            phase: Phase::Practice,
            minute: n,
            questions: &questions,
            status: Status::Completed,
        };
        records.push(record(&take, &mut rng));
    }
    let dir = write_folder(&records);
    let folders = vec![dir.path().to_path_buf()];
    let data = build_from_folders(
        &folders,
        None,
        &[],
        &Filter::default(),
        AttemptChoice::All,
        false,
    );
    // Files are read in name order, which is start order: record 0 (mask 1: q1 only) comes first.
    let shape: Vec<&str> = data.quizzes["varied"]
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(shape, ["q1"]);
    assert_eq!(data.attempts.len(), 1_200);
    for (n, row) in data.attempts.iter().enumerate() {
        let n = n as i64;
        let has_q1 = ((n % 15) + 1) & 1 != 0;
        let expected = if has_q1 && n % 3 != 0 { 1.0 } else { 0.0 };
        assert_eq!(
            row.scores.iter().collect::<Vec<_>>(),
            [expected],
            "record {n}"
        );
        assert_eq!((row.points, row.max), (expected, 1.0), "record {n}");
    }
    let serial = build(
        scan(&folders, None, None),
        &[],
        &Filter::default(),
        AttemptChoice::All,
        false,
    );
    assert_eq!(json(&data), json(&serial));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn alpha_never_exceeds_one((_maxima, matrix, _order) in scored()) {
        if let Some(found) = reliability(&matrix) {
            prop_assert!(found.alpha <= 1.0 + ROUNDING, "alpha {} > 1 for {:?}", found.alpha, matrix);
            prop_assert!(found.standard_error >= 0.0);
        }
    }

    #[test]
    fn facility_is_a_share_and_discrimination_a_percentage((maxima, matrix, _order) in scored()) {
        let thresholds = Thresholds::default();
        for (q, max) in maxima.iter().enumerate() {
            let stats = item(&matrix, q, *max, &thresholds);
            prop_assert_eq!(stats.n, matrix.len());
            let facility = stats.facility;
            prop_assert!(
                facility.is_some_and(|f| (0.0..=1.0).contains(&f)),
                "q{} facility {:?}", q, facility
            );
            if let Some(d) = stats.discrimination {
                prop_assert!(d.abs() <= 100.0 + ROUNDING, "q{} discrimination {} for {:?}", q, d, matrix);
            }
        }
    }

    #[test]
    fn permuting_the_attempts_changes_no_item_figure_and_not_alpha((maxima, matrix, order) in scored()) {
        let permuted: Vec<Vec<f64>> = order.iter().map(|&i| matrix[i].clone()).collect();
        let thresholds = Thresholds::default();
        for (q, max) in maxima.iter().enumerate() {
            let before = item(&matrix, q, *max, &thresholds);
            let after = item(&permuted, q, *max, &thresholds);
            prop_assert_eq!(before.n, after.n);
            prop_assert!(same(before.facility, after.facility), "q{} facility {:?} / {:?}", q, before.facility, after.facility);
            prop_assert!(
                same(before.standard_deviation, after.standard_deviation),
                "q{} SD {:?} / {:?}", q, before.standard_deviation, after.standard_deviation
            );
            prop_assert!(
                same(before.discrimination, after.discrimination),
                "q{} discrimination {:?} / {:?}", q, before.discrimination, after.discrimination
            );
            prop_assert!(
                same(before.efficiency, after.efficiency),
                "q{} efficiency {:?} / {:?}", q, before.efficiency, after.efficiency
            );
        }
        let (before, after) = (reliability(&matrix), reliability(&permuted));
        prop_assert!(
            same(before.map(|r| r.alpha), after.map(|r| r.alpha)),
            "alpha {:?} / {:?}", before, after
        );
        prop_assert!(
            same(before.map(|r| r.standard_error), after.map(|r| r.standard_error)),
            "SEM {:?} / {:?}", before, after
        );
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Moodle parity: skewness, kurtosis, error ratio and effective weight against figures computed outside Vigil by
// tests/fixtures/moodle/reference.py (numpy and scipy), stored in reference.json next to it.
// ---------------------------------------------------------------------------------------------------------------

/// Figures computed with numpy and scipy agree with Vigil's to this many decimals.
const REFERENCE_TOL: f64 = 1e-9;

fn reference() -> serde_json::Value {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/moodle/reference.json");
    let text = std::fs::read_to_string(&path).expect("reference.json is committed");
    serde_json::from_str(&text).expect("reference.json is JSON")
}

fn reference_matrix(reference: &serde_json::Value) -> (Vec<f64>, Vec<Vec<f64>>) {
    let numbers = |value: &serde_json::Value| -> Vec<f64> {
        value
            .as_array()
            .expect("an array")
            .iter()
            .map(|v| v.as_f64().expect("a number"))
            .collect()
    };
    let maxima = numbers(&reference["maxima"]);
    let rows = reference["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(numbers)
        .collect();
    (maxima, rows)
}

fn assert_reference(actual: Option<f64>, expected: &serde_json::Value, what: &str) {
    match (actual, expected.as_f64()) {
        (Some(a), Some(e)) => assert!(
            (a - e).abs() <= REFERENCE_TOL,
            "{what}: got {a}, scipy says {e}"
        ),
        (None, None) => {}
        (a, _) => panic!("{what}: got {a:?}, scipy says {expected}"),
    }
}

#[test]
fn skewness_kurtosis_error_ratio_and_effective_weight_match_scipy() {
    let reference = reference();
    let (maxima, matrix) = reference_matrix(&reference);
    let full: f64 = maxima.iter().sum();
    let percents: Vec<f64> = matrix
        .iter()
        .map(|row| 100.0 * row.iter().sum::<f64>() / full)
        .collect();
    let distribution = Distribution::of(&percents, None);
    assert_reference(distribution.skewness, &reference["skewness"], "skewness");
    assert_reference(distribution.kurtosis, &reference["kurtosis"], "kurtosis");
    let rel = reliability(&matrix).expect("alpha is defined");
    assert_reference(Some(rel.alpha), &reference["alpha"], "alpha");
    assert_reference(
        Some(rel.error_ratio),
        &reference["error_ratio"],
        "error ratio",
    );
    assert_reference(
        Some(rel.standard_error),
        &reference["standard_error"],
        "standard error",
    );
    for (q, max) in maxima.iter().enumerate() {
        let stats = item(&matrix, q, *max, &Thresholds::default());
        assert_reference(
            stats.effective_weight,
            &reference["effective_weight"][q],
            &format!("effective weight of q{}", q + 1),
        );
    }
}

#[test]
fn shape_figures_need_enough_attempts_that_vary() {
    let flat = Distribution::of(&[50.0; 6], None);
    assert_eq!((flat.skewness, flat.kurtosis), (None, None));
    let three = Distribution::of(&[10.0, 20.0, 60.0], None);
    assert!(three.skewness.is_some());
    assert_eq!(three.kurtosis, None);
    assert_eq!(Distribution::of(&[10.0, 20.0], None).skewness, None);
}

#[test]
fn the_pipeline_carries_skewness_error_ratio_and_effective_weight() {
    let (report, _, _) = report_in(AttemptChoice::All, false);
    for quiz in &report.quizzes {
        let percents: Vec<f64> = quiz.attempts.iter().map(|a| a.percent()).collect();
        assert_eq!(
            quiz.distribution.skewness,
            vigil::report::stats::skewness(&percents)
        );
        let matrix: Vec<Vec<f64>> = quiz
            .attempts
            .iter()
            .map(|a| a.scores.iter().collect())
            .collect();
        let weights = vigil::report::stats::effective_weights(&matrix);
        let carried: Vec<Option<f64>> = quiz
            .questions
            .iter()
            .map(|q| q.stats.effective_weight)
            .collect();
        assert_eq!(carried, weights, "{}", quiz.quiz.id);
    }
}
