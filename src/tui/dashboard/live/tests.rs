use rand::SeedableRng;
use rand::rngs::StdRng;

use super::*;
use crate::record::AttemptId;
use crate::record::presence;

const MIN: u64 = 60_000;

fn saved(attempt: u64, name: &str, finished: bool, answered: usize) -> Saved {
    Saved {
        attempt: id(attempt).to_string(),
        writer: format!("w{attempt}"),
        name: name.to_owned(),
        group: "police".to_owned(),
        quiz_id: "assessment-pre".to_owned(),
        quiz: "Assessment".to_owned(),
        position: (answered + 1, 10),
        answered,
        updated: Timestamp::UNIX_EPOCH,
        finished,
    }
}

/// The id of attempt `n`.
fn id(n: u64) -> AttemptId {
    AttemptId::new(Timestamp::UNIX_EPOCH, &mut StdRng::seed_from_u64(n))
}

/// The presence of `writer` at `beat`: a trainee of the NGO group on `question` of the post-test, in `attempt`.
fn presence(writer: &str, beat: u64, attempt: Option<u64>, question: Option<usize>) -> Presence {
    let mut presence = presence::tests::presence(writer, beat, attempt.map(id).as_ref());
    presence.version = "1.2.0".to_owned();
    presence.here.participant.name = format!("Trainee {writer}");
    presence.here.participant.group = "ngo".to_owned();
    presence.here.quiz = Some("assessment-post".to_owned());
    presence.here.question = question;
    presence
}

const ATTEMPT: u64 = 1;

fn states(rows: &[LiveRow]) -> Vec<(String, State)> {
    rows.iter().map(|r| (r.name.clone(), r.state)).collect()
}

#[test]
fn idleness_is_judged_by_the_dashboards_clock_from_five_minutes_on() {
    assert_eq!(judge(0, 0), State::Working);
    assert_eq!(judge(1_000, 1_000 + IDLE_MS - 1), State::Working);
    assert_eq!(judge(1_000, 1_000 + IDLE_MS), State::Idle { minutes: 5 });
    assert_eq!(judge(0, 12 * MIN + 59_999), State::Idle { minutes: 12 });
    assert_eq!(
        judge(5_000, 0),
        State::Working,
        "a clock never goes back, but if it did: working"
    );
}

#[test]
fn an_attempt_goes_idle_when_neither_its_record_nor_its_beat_moves_for_five_minutes() {
    let mut signs = Signs::default();
    let titles = HashMap::new();
    let record = saved(ATTEMPT, "A", false, 2);
    let first = rows(std::slice::from_ref(&record), &[], &mut signs, 0, &titles);
    assert_eq!(states(&first), [("A".to_owned(), State::Working)]);
    let later = rows(
        std::slice::from_ref(&record),
        &[],
        &mut signs,
        5 * MIN,
        &titles,
    );
    assert_eq!(later[0].state, State::Idle { minutes: 5 });

    let answered = saved(ATTEMPT, "A", false, 3);
    let after_answer = rows(
        std::slice::from_ref(&answered),
        &[],
        &mut signs,
        6 * MIN,
        &titles,
    );
    assert_eq!(after_answer[0].state, State::Working, "the record changed");

    let beating = |beat| [presence("w1", beat, Some(ATTEMPT), Some(4))];
    rows(
        std::slice::from_ref(&answered),
        &beating(1),
        &mut signs,
        7 * MIN,
        &titles,
    );
    let alive = rows(
        std::slice::from_ref(&answered),
        &beating(2),
        &mut signs,
        11 * MIN,
        &titles,
    );
    assert_eq!(
        alive[0].state,
        State::Working,
        "the beat advanced at 11 min"
    );
    assert_eq!(
        alive[0].question,
        Some(4),
        "the presence tells the question on screen"
    );
    assert_eq!(alive[0].version.as_deref(), Some("1.2.0"));
    let stopped = rows(
        std::slice::from_ref(&answered),
        &beating(2),
        &mut signs,
        28 * MIN,
        &titles,
    );
    assert_eq!(stopped[0].state, State::Idle { minutes: 17 });
}

#[test]
fn a_trainee_signed_in_without_a_record_has_a_row_from_the_presence_file() {
    let mut signs = Signs::default();
    let titles = HashMap::from([("assessment-post".to_owned(), "Post-test".to_owned())]);
    let here = [presence("w9", 1, None, None)];
    let live = rows(&[], &here, &mut signs, 0, &titles);
    assert_eq!(live.len(), 1);
    let row = &live[0];
    assert_eq!(row.name, "Trainee w9");
    assert_eq!(row.group, "ngo");
    assert_eq!(row.quiz, "Post-test");
    assert_eq!((row.question, row.answered, row.saved), (None, None, None));
    assert_eq!(row.state, State::Working);
    let gone = rows(&[], &here, &mut signs, 6 * MIN, &titles);
    assert_eq!(
        gone[0].state,
        State::Idle { minutes: 6 },
        "a beat standing still"
    );
}

#[test]
fn a_presence_on_an_attempt_with_a_record_joins_its_row() {
    let mut signs = Signs::default();
    let record = saved(ATTEMPT, "A", false, 0);
    let here = [presence("w1", 1, Some(ATTEMPT), Some(1))];
    let live = rows(&[record], &here, &mut signs, 0, &HashMap::new());
    assert_eq!(live.len(), 1);
    assert_eq!(live[0].name, "A");
}

#[test]
fn rows_are_sorted_working_then_idle_then_finished_the_most_recent_first() {
    let mut signs = Signs::default();
    let titles = HashMap::new();
    let old = saved(1, "Old", false, 1);
    let done = saved(2, "Done", true, 10);
    rows(&[old.clone(), done.clone()], &[], &mut signs, 0, &titles);
    let fresh = saved(3, "Fresh", false, 1);
    let newer = saved(4, "Newer", false, 1);
    rows(
        &[old.clone(), done.clone(), fresh.clone()],
        &[],
        &mut signs,
        2 * MIN,
        &titles,
    );
    let all = [old, done, fresh, newer];
    let live = rows(&all, &[], &mut signs, 6 * MIN, &titles);
    assert_eq!(
        states(&live),
        [
            ("Newer".to_owned(), State::Working),
            ("Fresh".to_owned(), State::Working),
            ("Old".to_owned(), State::Idle { minutes: 6 }),
            ("Done".to_owned(), State::Finished),
        ]
    );
}

#[test]
fn form_labels_tell_forms_apart_by_what_their_ids_do_not_share() {
    let labels = form_labels([
        "assessment-pre",
        "assessment-post",
        "warm-up",
        "assessment-pre",
    ]);
    assert_eq!(labels["assessment-pre"], "pre");
    assert_eq!(labels["assessment-post"], "post");
    assert_eq!(labels["warm-up"], "warm-up");
    assert_eq!(labels.len(), 3);

    let alone = form_labels(["indicators", ""]);
    assert_eq!(alone["indicators"], "", "one quiz needs no label");

    let nested = form_labels(["indicators", "indicators-2"]);
    assert_eq!(
        (&*nested["indicators"], &*nested["indicators-2"]),
        ("indicators", "2")
    );

    let ambiguous = form_labels(["x-pre", "x-post", "y-pre", "y-post"]);
    assert_eq!(
        ambiguous["x-pre"], "x-pre",
        "labels that would repeat give way to the ids"
    );
    assert_eq!(ambiguous["y-post"], "y-post");
}
