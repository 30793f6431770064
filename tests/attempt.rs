//! The attempt core driven as the app drives it: keys in, answers, scores, time and records out.

use std::sync::Arc;

use rand::SeedableRng;
use rand::rngs::StdRng;
use vigil::attempt::{Attempt, Draft, RecordHeader, Submitted, quiz_ref};
use vigil::quiz::parse::ron_options;
use vigil::quiz::{FeedbackMode, Quiz, Response};
use vigil::record::{AttemptId, Participant, Phase, Status};

fn example() -> Arc<Quiz> {
    Arc::new(
        ron_options()
            .from_str(include_str!("../docs/examples/every-kind.ron"))
            .unwrap(),
    )
}

fn attempt(feedback: FeedbackMode, seed: u64) -> Attempt {
    Attempt::new(example(), feedback, &mut StdRng::seed_from_u64(seed))
}

/// Highlights the shown option with id `id` and returns its row.
fn row_of(attempt: &Attempt, id: &str) -> usize {
    attempt
        .item()
        .layout
        .shown
        .iter()
        .position(|s| s == id)
        .unwrap()
}

fn go_to_question(attempt: &mut Attempt, id: &str) {
    let index = (0..attempt.items().len())
        .find(|&i| attempt.question_at(i).id == id)
        .unwrap();
    attempt.go_to(index);
}

/// Answers every question correctly through the keys a trainee would press.
fn answer_all_correctly(attempt: &mut Attempt) {
    for index in 0..attempt.items().len() {
        attempt.go_to(index);
        let id = attempt.question().id.clone();
        match id.as_str() {
            "market-indicators" => {
                for option in ["debt", "documents", "sleeps-at-work"] {
                    let row = row_of(attempt, option);
                    attempt.digit(row + 1);
                    attempt.toggle();
                }
                assert_eq!(attempt.submit(), Submitted::Answered);
            }
            "market-consent" => {
                let row = row_of(attempt, "no");
                attempt.digit(row + 1);
                assert_eq!(attempt.submit(), Submitted::Answered);
            }
            "market-border" => {
                attempt.move_cursor(1);
                assert_eq!(attempt.submit(), Submitted::Answered);
            }
            "market-referral-order" => {
                for (target, item) in ["contact", "screening", "protection", "identification"]
                    .iter()
                    .enumerate()
                {
                    let Draft::Order { arrangement, .. } = &attempt.item().draft else {
                        panic!()
                    };
                    let from = arrangement.iter().position(|a| a == item).unwrap();
                    attempt.move_cursor(-10);
                    attempt.move_cursor(from as isize);
                    attempt.toggle();
                    attempt.move_cursor(target as isize - from as isize);
                    attempt.toggle();
                }
                assert_eq!(attempt.submit(), Submitted::Answered);
            }
            "market-roles" => {
                let pairs = [
                    ("guardian", "guardianship"),
                    ("investigate", "police"),
                    ("shelter", "ngo"),
                ];
                for (item, target) in pairs {
                    let row = row_of(attempt, item);
                    attempt.move_cursor(-10);
                    attempt.move_cursor(row as isize);
                    let t = attempt
                        .item()
                        .layout
                        .shown_targets
                        .iter()
                        .position(|s| s == target)
                        .unwrap();
                    attempt.digit(t + 1);
                }
                assert_eq!(attempt.submit(), Submitted::Answered);
            }
            "market-visit" => {
                attempt.digit(1);
                assert_eq!(attempt.submit(), Submitted::Stepped);
                attempt.digit(1);
                assert_eq!(attempt.submit(), Submitted::Answered);
            }
            other => panic!("unexpected question {other}"),
        }
    }
}

#[test]
fn every_kind_answered_correctly_scores_full_marks_whatever_the_shuffle() {
    for seed in 0..20 {
        let mut attempt = attempt(FeedbackMode::Immediate, seed);
        answer_all_correctly(&mut attempt);
        assert_eq!(attempt.answered(), 6);
        assert_eq!(attempt.points(), 9.0, "seed {seed}");
        assert_eq!(attempt.max_points(), 9.0);
        assert!(attempt.passed());
    }
}

#[test]
fn immediate_mode_locks_an_answered_question() {
    let mut attempt = attempt(FeedbackMode::Immediate, 1);
    go_to_question(&mut attempt, "market-consent");
    let wrong = row_of(&attempt, "yes");
    attempt.digit(wrong + 1);
    assert_eq!(attempt.submit(), Submitted::Answered);
    assert_eq!(attempt.item().points, 0.0);
    let right = row_of(&attempt, "no");
    attempt.digit(right + 1);
    assert_eq!(attempt.submit(), Submitted::Locked);
    assert_eq!(
        attempt.item().answer,
        Some(Response::Chosen(vec!["yes".into()]))
    );
}

#[test]
fn deferred_mode_lets_answers_change_and_going_back_restarts_a_branch_keeping_its_answer() {
    let mut attempt = attempt(FeedbackMode::Deferred, 1);
    go_to_question(&mut attempt, "market-consent");
    attempt.digit(row_of(&attempt, "yes") + 1);
    attempt.submit();
    attempt.digit(row_of(&attempt, "no") + 1);
    assert_eq!(attempt.submit(), Submitted::Answered);
    assert_eq!(attempt.item().points, 1.0);

    go_to_question(&mut attempt, "market-visit");
    attempt.digit(1);
    attempt.submit();
    attempt.digit(1);
    attempt.submit();
    assert_eq!(attempt.item().points, 3.0);
    let answered = attempt.item().answer.clone();
    attempt.restart_branch();
    assert!(answered.is_some());
    assert_eq!(
        attempt.item().answer,
        answered,
        "the path given stands until a new one ends"
    );
    assert_eq!(attempt.item().points, 3.0);
    let Draft::Branch { path, at, .. } = &attempt.item().draft else {
        panic!()
    };
    assert!(path.is_empty());
    assert_eq!(at, "first");
}

/// Enter never answers for the trainee: with nothing chosen, no tick, an untouched order or no choice at a
/// branching node, the question stays unanswered.
#[test]
fn nothing_chosen_is_never_an_answer() {
    let mut attempt = attempt(FeedbackMode::Deferred, 4);
    for id in [
        "market-consent",
        "market-border",
        "market-referral-order",
        "market-visit",
    ] {
        go_to_question(&mut attempt, id);
        assert_eq!(attempt.submit(), Submitted::Incomplete, "{id}");
        assert!(attempt.item().answer.is_none(), "{id}");
    }
    go_to_question(&mut attempt, "market-consent");
    attempt.move_cursor(1);
    assert_eq!(
        attempt.submit(),
        Submitted::Answered,
        "the arrows choose in a one-answer question: what is marked is what is sent"
    );
    go_to_question(&mut attempt, "market-referral-order");
    attempt.toggle();
    attempt.toggle();
    assert_eq!(
        attempt.submit(),
        Submitted::Answered,
        "picking a step up and putting it down keeps the order as an answer"
    );
}

#[test]
fn a_multiple_question_needs_a_ticked_option_and_scores_partially() {
    let mut attempt = attempt(FeedbackMode::Immediate, 2);
    go_to_question(&mut attempt, "market-indicators");
    assert_eq!(attempt.submit(), Submitted::Incomplete);
    attempt.digit(row_of(&attempt, "debt") + 1);
    attempt.toggle();
    attempt.digit(row_of(&attempt, "languages") + 1);
    attempt.toggle();
    assert_eq!(attempt.submit(), Submitted::Answered);
    assert_eq!(
        attempt.item().points,
        0.0,
        "one right (1/3) minus one wrong (1/1) is clamped at 0"
    );
}

#[test]
fn a_match_question_needs_every_item_paired() {
    let mut attempt = attempt(FeedbackMode::Immediate, 2);
    go_to_question(&mut attempt, "market-roles");
    attempt.cycle_target(1);
    assert_eq!(attempt.submit(), Submitted::Incomplete);
    attempt.move_cursor(1);
    attempt.cycle_target(-1);
    attempt.move_cursor(1);
    attempt.toggle();
    assert_eq!(attempt.submit(), Submitted::Answered);
}

#[test]
fn navigation_stays_in_bounds_and_finds_unanswered_questions() {
    let mut attempt = attempt(FeedbackMode::Deferred, 3);
    assert!(!attempt.previous_question());
    for _ in 0..5 {
        assert!(attempt.next_question());
    }
    assert!(!attempt.next_question());
    assert_eq!(attempt.position(), 5);
    attempt.go_to(99);
    assert_eq!(attempt.position(), 5);
    attempt.go_to(0);
    attempt.toggle_flag();
    assert!(attempt.item().flagged);
    assert_eq!(attempt.next_unanswered(), Some(1));
}

#[test]
fn time_counts_per_question_and_a_limit_runs_out() {
    let mut quiz = (*example()).clone();
    quiz.time_limit_minutes = Some(1);
    let mut attempt = Attempt::new(
        Arc::new(quiz),
        FeedbackMode::Deferred,
        &mut StdRng::seed_from_u64(1),
    );
    assert!(!attempt.tick(1_000));
    assert!(!attempt.tick(21_000));
    attempt.next_question();
    assert!(!attempt.tick(41_000));
    assert_eq!(attempt.items()[0].time_ms, 20_000);
    assert_eq!(attempt.items()[1].time_ms, 20_000);
    assert_eq!(attempt.remaining_ms(), Some(20_000));
    attempt.pause_clock();
    assert!(!attempt.tick(500_000), "a pause does not count");
    assert!(attempt.tick(520_000));
    assert_eq!(attempt.remaining_ms(), Some(0));
}

#[test]
fn a_saved_attempt_resumes_with_its_order_answers_flags_and_times() {
    let mut original = attempt(FeedbackMode::Deferred, 5);
    go_to_question(&mut original, "market-consent");
    original.digit(row_of(&original, "no") + 1);
    original.submit();
    original.toggle_flag();
    original.tick(0);
    original.tick(12_345);
    go_to_question(&mut original, "market-roles");
    original.cycle_target(1);
    original.cycle_target(1);
    original.move_cursor(1);
    original.cycle_target(1);
    original.move_cursor(1);
    original.cycle_target(1);
    original.submit();
    let header = RecordHeader {
        attempt: AttemptId::new(
            "2010-04-29T09:00:00Z".parse().unwrap(),
            &mut StdRng::seed_from_u64(1),
        ),
        participant: Participant {
            name: "Aigerim".into(),
            code: None,
            group: "ngo".into(),
        },
        session: "almaty".into(),
        phase: Phase::Pre,
        quiz: quiz_ref(original.quiz(), "blake3:00"),
        started: "2010-04-29T09:00:00Z".parse().unwrap(),
    };
    let record = original.to_record(&header, "2010-04-29T09:05:00Z".parse().unwrap());
    assert_eq!(record.status, Status::InProgress);
    assert_eq!(record.answered(), 2);

    let resumed = Attempt::resume(example(), &record).unwrap();
    assert_eq!(resumed.position(), original.position());
    let saved = |attempt: &Attempt| {
        attempt
            .items()
            .iter()
            .map(|i| {
                (
                    i.layout.clone(),
                    i.answer.clone(),
                    i.points,
                    i.time_ms,
                    i.flagged,
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(saved(&resumed), saved(&original));
    assert_eq!(resumed.points(), original.points());

    let mut changed = (*example()).clone();
    changed.questions.retain(|q| q.id != "market-roles");
    assert!(Attempt::resume(Arc::new(changed), &record).is_err());

    let mut done = resumed;
    done.finish();
    let record = done.to_record(&header, "2010-04-29T09:09:00Z".parse().unwrap());
    assert_eq!(record.status, Status::Completed);
    assert!(record.ended.is_some());
}

#[test]
fn a_digit_past_the_choices_of_a_branching_node_highlights_nothing_new() {
    let mut attempt = attempt(FeedbackMode::Deferred, 1);
    go_to_question(&mut attempt, "market-visit");
    attempt.digit(2);
    assert_eq!(attempt.item().draft.cursor(), 1);
    attempt.digit(9);
    assert_eq!(attempt.item().draft.cursor(), 1, "there is no ninth choice");
    assert_ne!(attempt.submit(), Submitted::Incomplete);
}
