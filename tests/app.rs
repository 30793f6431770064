//! The trainee app's `update` driven directly: sign-in rules, resume and discard, time running out, Ctrl-C,
//! deferred branching, and a save that fails and is retried by the loop.

use std::cell::Cell;
use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use vigil::attempt::Draft;
use vigil::config::model::default_groups;
use vigil::config::{PhaseRules, RosterEntry};
use vigil::i18n::Lang;
use vigil::quiz::parse::ron_options;
use vigil::quiz::{FeedbackMode, Quiz, Taxonomy};
use vigil::record::presence::{Here, Liveness, Sighting};
use vigil::record::{AttemptRecord, Participant, Phase, Status};
use vigil::tui::app::{
    App, Ask, Delivery, Effect, Field, Found, Msg, Notice, Now, Offer, Overlay, Room, Screen,
    SignInError,
};
use vigil::tui::blocker::Blocker;
use vigil::tui::run::{BankDelivery, Clock, EventSource, Services, run_loop};
use vigil::tui::screens::attempt::{areas, option_rows};
use vigil::tui::theme::{Theme, ThemeName};

fn now(ms: u64) -> Now {
    Now {
        wall: jiff::Timestamp::from_second(1_272_531_600 + (ms / 1000) as i64).unwrap(),
        mono_ms: ms,
    }
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn example(time_limit: Option<u32>) -> Arc<Quiz> {
    let mut quiz: Quiz = ron_options()
        .from_str(include_str!("../docs/examples/every-kind.ron"))
        .unwrap();
    quiz.time_limit_minutes = time_limit;
    Arc::new(quiz)
}

fn room(feedback: Option<FeedbackMode>) -> Room {
    Room {
        session: "almaty".into(),
        phase: Phase::Pre,
        rules: PhaseRules {
            quizzes: vec![],
            feedback,
            review: false,
            retakes: false,
        },
        groups: default_groups(),
        roster: vec![RosterEntry {
            code: "P07".into(),
            name: "Nurlan Abenov".into(),
            group: "police".into(),
        }],
        store_names: true,
        recording: true,
    }
}

fn app(feedback: Option<FeedbackMode>, time_limit: Option<u32>) -> App {
    let offers = vec![Offer {
        quiz: example(time_limit),
        content_hash: "blake3:00".into(),
    }];
    App::new(
        Lang::En,
        room(feedback),
        offers,
        Taxonomy::default(),
        Some(3),
    )
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(key(KeyCode::Char(c)), now(0));
    }
}

/// Signs in with `name`, then opens the quiz; returns the effects of choosing the quiz.
fn start(app: &mut App, name: &str, unfinished: Option<AttemptRecord>) -> Vec<Effect> {
    start_seen(app, name, unfinished, None)
}

/// As [`start`], with the unfinished attempt open on another workstation as `elsewhere` says.
fn start_seen(
    app: &mut App,
    name: &str,
    unfinished: Option<AttemptRecord>,
    elsewhere: Option<Sighting>,
) -> Vec<Effect> {
    type_text(app, name);
    assert_eq!(
        app.update(key(KeyCode::Enter), now(0)),
        vec![Effect::LoadRoom]
    );
    app.update(Msg::RoomLoaded(Ok(room(app.room.rules.feedback))), now(0));
    let effects = app.update(key(KeyCode::Enter), now(0));
    let Some(Effect::Prepare { offer, .. }) = effects.into_iter().next() else {
        panic!("choosing a quiz prepares it");
    };
    app.update(
        Msg::Prepared {
            offer,
            probe: Ok(()),
            unfinished: unfinished.map(Box::new),
            elsewhere,
        },
        now(0),
    )
}

fn saved(effects: &[Effect]) -> Vec<&AttemptRecord> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Save(record) => Some(record.as_ref()),
            _ => None,
        })
        .collect()
}

#[test]
fn sign_in_needs_a_name_or_a_known_code() {
    let mut app = app(None, None);
    assert!(app.update(key(KeyCode::Enter), now(0)).is_empty());
    assert!(
        matches!(&app.screen, Screen::SignIn(form) if form.error == Some(SignInError::NeedName))
    );
    app.update(key(KeyCode::Tab), now(0));
    type_text(&mut app, "p99");
    assert!(app.update(key(KeyCode::Enter), now(0)).is_empty());
    assert!(
        matches!(&app.screen, Screen::SignIn(form) if form.error == Some(SignInError::UnknownCode))
    );
    app.update(key(KeyCode::Backspace), now(0));
    app.update(key(KeyCode::Backspace), now(0));
    type_text(&mut app, "07");
    assert_eq!(
        app.update(key(KeyCode::Enter), now(0)),
        vec![Effect::LoadRoom]
    );
    let participant = app.participant.clone().unwrap();
    assert_eq!(participant.name, "Nurlan Abenov");
    assert_eq!(participant.code.as_deref(), Some("P07"));
    assert_eq!(participant.group, "police");
}

#[test]
fn letters_typed_in_the_name_field_are_text_not_commands() {
    let mut app = app(None, None);
    type_text(&mut app, "quiz f?");
    assert!(app.overlay.is_none());
    assert!(matches!(&app.screen, Screen::SignIn(form) if form.name == "quiz f?"));
}

/// Opening a quiz writes nothing; the first answer writes the record, and each answer writes it again.
#[test]
fn the_first_answer_saves_a_new_record_and_each_answer_saves_again() {
    let mut app = app(Some(FeedbackMode::Immediate), None);
    let effects = start(&mut app, "Aigerim", None);
    assert!(
        saved(&effects).is_empty(),
        "no record before the first answer"
    );
    app.update(key(KeyCode::Char(' ')), now(1000));
    let effects = app.update(key(KeyCode::Enter), now(5000));
    let first = saved(&effects);
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].status, Status::InProgress);
    assert_eq!(first[0].participant.name, "Aigerim");
    assert_eq!(first[0].phase, Phase::Pre);
    assert_eq!(first[0].answered(), 1);
    assert_eq!(first[0].questions[0].time_ms, 5000);
    app.update(key(KeyCode::Enter), now(6000));
    app.update(key(KeyCode::Char('1')), now(7000));
    let effects = app.update(key(KeyCode::Enter), now(8000));
    assert_eq!(saved(&effects)[0].answered(), 2);
    assert_eq!(saved(&effects)[0].attempt, first[0].attempt);
}

/// A name typed at sign-in that is on the roster is that roster participant, code and all: the same person as
/// one who signs in with the code.
#[test]
fn a_roster_name_signs_in_as_its_code() {
    let mut app = app(None, None);
    type_text(&mut app, "  nurlan   ABENOV ");
    app.update(key(KeyCode::Enter), now(0));
    let participant = app.participant.clone().unwrap();
    assert_eq!(participant.code.as_deref(), Some("P07"));
    assert_eq!(participant.name, "Nurlan Abenov");
    assert_eq!(participant.group, "police");
}

/// With `store_names: false` only the roster signs in, records keep the code and no name, and the screen still
/// greets the trainee by the roster's name.
#[test]
fn without_stored_names_only_the_roster_signs_in_and_records_keep_codes() {
    let mut app = app(Some(FeedbackMode::Immediate), None);
    app.room.store_names = false;
    type_text(&mut app, "Aigerim");
    assert!(app.update(key(KeyCode::Enter), now(0)).is_empty());
    assert!(
        app.participant.is_none(),
        "a name off the roster is refused"
    );
    assert!(matches!(
        &app.screen,
        Screen::SignIn(form) if form.error == Some(SignInError::RosterOnly)
    ));

    let mut app = self::app(Some(FeedbackMode::Immediate), None);
    app.room.store_names = false;
    let effects = start(&mut app, "Nurlan Abenov", None);
    assert!(effects.is_empty());
    let participant = app.participant.clone().unwrap();
    assert_eq!(participant.code.as_deref(), Some("P07"));
    assert_eq!(participant.name, "", "no name is recorded");
    assert_eq!(app.shown_name(&participant), "Nurlan Abenov");
    app.update(key(KeyCode::Char(' ')), now(0));
    let record = saved(&app.update(key(KeyCode::Enter), now(0)))[0].clone();
    assert_eq!(record.participant.name, "");
    assert_eq!(record.participant.code.as_deref(), Some("P07"));
}

#[test]
fn a_time_limit_running_out_submits_and_says_so() {
    let mut app = app(Some(FeedbackMode::Deferred), Some(1));
    start(&mut app, "Aigerim", None);
    assert!(app.update(Msg::Tick, now(30_000)).is_empty());
    assert_eq!(
        app.notice, None,
        "a 1-minute limit warns at a fifth, not at 2 minutes"
    );
    assert!(app.update(Msg::Tick, now(49_000)).is_empty());
    assert_eq!(app.notice, Some(Notice::TimeRunningOut));
    app.update(key(KeyCode::Char(' ')), now(55_000));
    let effects = app.update(Msg::Tick, now(61_000));
    assert!(matches!(app.screen, Screen::Results(_)));
    assert_eq!(app.notice, Some(Notice::TimeUp));
    let record = saved(&effects)[0];
    assert_eq!(record.status, Status::Completed);
    assert!(
        record.questions[0].answer.is_some(),
        "the option ticked when the time ran out counts"
    );
}

#[test]
fn ctrl_c_saves_and_leaves_at_once() {
    let ctrl_c = || Msg::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    let mut untouched = app(None, None);
    start(&mut untouched, "Aigerim", None);
    assert_eq!(
        untouched.update(ctrl_c(), now(2000)),
        vec![Effect::Quit],
        "an attempt with nothing answered leaves no record"
    );
    let mut app = app(None, None);
    start(&mut app, "Aigerim", None);
    app.update(key(KeyCode::Char(' ')), now(1000));
    app.update(key(KeyCode::Enter), now(1500));
    let effects = app.update(ctrl_c(), now(2000));
    assert_eq!(saved(&effects).len(), 1);
    assert_eq!(effects.last(), Some(&Effect::Quit));
}

#[test]
fn an_unfinished_attempt_is_offered_and_can_be_discarded() {
    let mut first = app(Some(FeedbackMode::Immediate), None);
    start(&mut first, "Aigerim", None);
    first.update(key(KeyCode::Char(' ')), now(0));
    let record = saved(&first.update(key(KeyCode::Enter), now(0)))[0].clone();

    let mut resumed = app(Some(FeedbackMode::Immediate), None);
    assert!(start(&mut resumed, "Aigerim", Some(record.clone())).is_empty());
    assert!(matches!(resumed.screen, Screen::Resume { .. }));
    resumed.update(key(KeyCode::Enter), now(0));
    let Screen::Attempt(session) = &resumed.screen else {
        panic!()
    };
    assert_eq!(session.attempt.answered(), 1);
    assert_eq!(session.header.attempt, record.attempt);

    let mut fresh = app(Some(FeedbackMode::Immediate), None);
    start(&mut fresh, "Aigerim", Some(record.clone()));
    for letter in ['n', 'y', 'т', 'н'] {
        assert!(fresh.update(key(KeyCode::Char(letter)), now(0)).is_empty());
    }
    assert!(matches!(fresh.screen, Screen::Resume { .. }));
    fresh.update(key(KeyCode::Right), now(0));
    assert!(fresh.update(key(KeyCode::Enter), now(0)).is_empty());
    assert!(fresh.overlay.is_some(), "starting again asks first");
    assert!(
        fresh.update(key(KeyCode::Enter), now(0)).is_empty(),
        "the focus starts on keeping the answers"
    );
    assert!(matches!(fresh.screen, Screen::Resume { .. }));
    fresh.update(key(KeyCode::Right), now(0));
    fresh.update(key(KeyCode::Enter), now(0));
    fresh.update(key(KeyCode::Right), now(0));
    let effects = fresh.update(key(KeyCode::Enter), now(0));
    let records = saved(&effects);
    assert_eq!(
        records.len(),
        1,
        "the new attempt is written at its first answer"
    );
    assert_eq!(records[0].attempt, record.attempt);
    assert_eq!(records[0].status, Status::Discarded);
    let Screen::Attempt(session) = &fresh.screen else {
        panic!()
    };
    assert_ne!(session.header.attempt, record.attempt);
    assert_eq!(session.attempt.answered(), 0);
}

#[test]
fn an_attempt_open_on_another_screen_offers_a_separate_attempt_first_or_a_take_over() {
    let mut first = app(Some(FeedbackMode::Immediate), None);
    start(&mut first, "Aigerim", None);
    first.update(key(KeyCode::Char(' ')), now(0));
    let record = saved(&first.update(key(KeyCode::Enter), now(0)))[0].clone();
    assert_eq!(
        first.here().and_then(|here| here.attempt),
        Some(record.attempt.clone()),
        "the presence names the attempt on screen"
    );
    let seen = Some(Sighting {
        liveness: Liveness::Live,
        question: Some(2),
    });

    let mut separate = app(Some(FeedbackMode::Immediate), None);
    assert!(start_seen(&mut separate, "Aigerim", Some(record.clone()), seen).is_empty());
    assert!(matches!(
        separate.screen,
        Screen::Resume {
            elsewhere: Some(_),
            ..
        }
    ));
    let effects = separate.update(key(KeyCode::Enter), now(0));
    assert!(
        saved(&effects).is_empty(),
        "the other screen's attempt is left alone, not discarded"
    );
    let Screen::Attempt(session) = &separate.screen else {
        panic!("a separate attempt starts")
    };
    assert_ne!(session.header.attempt, record.attempt);

    let mut taking = app(Some(FeedbackMode::Immediate), None);
    start_seen(&mut taking, "Aigerim", Some(record.clone()), seen);
    taking.update(key(KeyCode::Right), now(0));
    let effects = taking.update(key(KeyCode::Enter), now(0));
    assert_eq!(
        saved(&effects).len(),
        1,
        "taking over claims the attempt with a save at once"
    );
    assert_eq!(saved(&effects)[0].attempt, record.attempt);
    assert!(taking.overlay.is_none(), "taking over asks nothing more");
    let Screen::Attempt(session) = &taking.screen else {
        panic!("taking over continues the attempt")
    };
    assert_eq!(session.header.attempt, record.attempt);
    assert_eq!(session.attempt.answered(), 1);
}

#[test]
fn deferred_answers_move_on_and_review_can_be_turned_off() {
    let mut app = app(Some(FeedbackMode::Deferred), None);
    start(&mut app, "Aigerim", None);
    app.update(key(KeyCode::Char(' ')), now(0));
    app.update(key(KeyCode::Enter), now(0));
    let Screen::Attempt(session) = &app.screen else {
        panic!()
    };
    assert_eq!(session.attempt.position(), 1);
    assert!(!session.showing_feedback);
    app.update(key(KeyCode::Char('s')), now(0));
    assert!(app.update(key(KeyCode::Char('y')), now(0)).is_empty());
    app.update(key(KeyCode::Right), now(0));
    let effects = app.update(key(KeyCode::Enter), now(0));
    assert_eq!(saved(&effects)[0].status, Status::Completed);
    app.update(key(KeyCode::Char('r')), now(0));
    assert_eq!(app.notice, Some(Notice::ReviewOff));
    assert!(matches!(app.screen, Screen::Results(_)));
}

/// In deferred mode the last question can be a branching one: the path that reaches an ending is saved, and the
/// finish window opens; going back to it later restarts the walk without taking the saved answer away.
#[test]
fn a_deferred_branching_question_at_the_end_keeps_its_answer() {
    let mut app = app(Some(FeedbackMode::Deferred), None);
    start(&mut app, "Aigerim", None);
    let keys: [&[KeyCode]; 5] = [
        &[KeyCode::Char(' '), KeyCode::Enter],
        &[KeyCode::Char('1'), KeyCode::Enter],
        &[KeyCode::Char('1'), KeyCode::Enter],
        &[KeyCode::Char(' '), KeyCode::Char(' '), KeyCode::Enter],
        &[
            KeyCode::Char('1'),
            KeyCode::Down,
            KeyCode::Char('1'),
            KeyCode::Down,
            KeyCode::Char('1'),
            KeyCode::Enter,
        ],
    ];
    for question in keys {
        for code in question {
            app.update(key(*code), now(0));
        }
    }
    let mut last_saved = None;
    for _ in 0..6 {
        app.update(key(KeyCode::Char('1')), now(0));
        let effects = app.update(key(KeyCode::Enter), now(0));
        if let Some(record) = saved(&effects).last() {
            last_saved = Some((*record).clone());
        }
        if app.overlay.is_some() {
            break;
        }
    }
    assert!(
        app.overlay.is_some(),
        "the finish window opens after the last question"
    );
    let record = last_saved.expect("the ending was saved");
    let last = record.questions.last().expect("questions");
    assert_eq!(last.kind, "branching");
    assert!(last.answer.is_some(), "the path is saved: {last:?}");
    let Screen::Attempt(session) = &app.screen else {
        panic!()
    };
    assert!(session.attempt.item().answer.is_some());
}

/// A click lands on the option drawn under it, and on a `match` item it highlights that item without pairing.
#[test]
fn a_click_on_a_match_item_highlights_it() {
    let mut app = app(Some(FeedbackMode::Deferred), None);
    start(&mut app, "Aigerim", None);
    app.update(Msg::Resize(80, 24), now(0));
    for _ in 0..6 {
        if matches!(&app.screen, Screen::Attempt(s) if s.attempt.question().id == "market-roles") {
            break;
        }
        app.update(key(KeyCode::Char('n')), now(0));
    }
    let Screen::Attempt(session) = &app.screen else {
        panic!()
    };
    let areas = areas(&app, session);
    let rows = option_rows(&app, session, areas.body.width);
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: areas.body.x + 2,
        row: areas.body.y + u16::try_from(rows[1].0).unwrap(),
        modifiers: KeyModifiers::NONE,
    };
    app.update(Msg::Mouse(click), now(0));
    let Screen::Attempt(session) = &app.screen else {
        panic!()
    };
    let Draft::Match { cursor, pairs } = &session.attempt.item().draft else {
        panic!("a match question")
    };
    assert_eq!(*cursor, 1, "the second item is highlighted");
    assert!(
        pairs.iter().all(Option::is_none),
        "nothing paired: {pairs:?}"
    );
}

/// Keys then the end of the script.
struct Script(VecDeque<Event>);

impl EventSource for Script {
    fn next(&mut self, _: Duration) -> std::io::Result<Option<Event>> {
        match self.0.pop_front() {
            Some(Event::FocusLost) => Ok(None),
            Some(event) => Ok(Some(event)),
            None => Err(std::io::Error::other("done")),
        }
    }
}

/// A folder that refuses the first `failures` saves.
struct Flaky {
    failures: Cell<usize>,
    saved: Vec<AttemptRecord>,
}

impl Services for Flaky {
    fn load_room(&mut self) -> Result<Room, Blocker> {
        Ok(room(None))
    }
    fn prepare(
        &mut self,
        _: &str,
        _: &Participant,
    ) -> (Result<(), Blocker>, Option<AttemptRecord>) {
        (Ok(()), None)
    }
    fn save(&mut self, record: &AttemptRecord) -> Delivery {
        if self.failures.get() > 0 {
            self.failures.set(self.failures.get() - 1);
            return Delivery::Failed("the disk is full".into());
        }
        self.saved.push(record.clone());
        Delivery::Delivered
    }
}

struct Frozen;

impl Clock for Frozen {
    fn now(&self) -> Now {
        now(0)
    }
}

#[test]
fn a_failed_save_warns_without_blocking_and_is_retried_at_the_next_tick() {
    let mut app = app(Some(FeedbackMode::Immediate), None);
    let press = |c: char| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    let enter = Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let mut keys: VecDeque<Event> = "Aigerim".chars().map(press).collect();
    keys.extend([enter.clone(), enter.clone(), press(' '), enter]);
    let mut services = Flaky {
        failures: Cell::new(2),
        saved: Vec::new(),
    };
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let theme = Theme::new(ThemeName::Default, true);
    let _ = run_loop(
        &mut terminal,
        &mut app,
        &theme,
        &mut Script(keys),
        &mut services,
        &Frozen,
        None,
    );
    assert!(
        matches!(app.delivery, Delivery::Failed(_)),
        "two saves failed: the warning shows"
    );
    assert!(terminal.backend().to_string().contains("Saving failed"));
    assert!(
        matches!(app.screen, Screen::Attempt(_)),
        "the trainee carries on"
    );

    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let tick = VecDeque::from([Event::FocusLost]);
    let _ = run_loop(
        &mut terminal,
        &mut app,
        &theme,
        &mut Script(tick),
        &mut services,
        &Frozen,
        None,
    );
    assert!(
        services.saved.is_empty(),
        "the retry is only pending inside one loop"
    );
    let mut keys: VecDeque<Event> = VecDeque::from([
        Event::Key(KeyEvent::new(KeyCode::Char('f'), KeyModifiers::NONE)),
        Event::FocusLost,
    ]);
    keys.push_back(Event::FocusLost);
    services.failures.set(1);
    let _ = run_loop(
        &mut terminal,
        &mut app,
        &theme,
        &mut Script(keys),
        &mut services,
        &Frozen,
        None,
    );
    assert_eq!(
        services.saved.len(),
        1,
        "the failed save was retried at the tick"
    );
    assert_eq!(app.delivery, Delivery::Delivered);
    assert!(services.saved[0].questions[0].flagged);
}

/// The screen as text, drawn at 80×24.
fn drawn(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let theme = Theme::new(ThemeName::Default, true);
    terminal
        .draw(|frame| vigil::tui::screens::render(app, &theme, frame))
        .unwrap();
    terminal
        .backend()
        .buffer()
        .content()
        .chunks(80)
        .map(|row| row.iter().map(|cell| cell.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_submission_not_delivered_says_so_and_leaving_warns_until_it_is() {
    let mut app = app(Some(FeedbackMode::Deferred), None);
    start(&mut app, "Aigerim", None);
    app.update(key(KeyCode::Char(' ')), now(0));
    app.update(key(KeyCode::Enter), now(0));
    app.update(key(KeyCode::Char('s')), now(0));
    app.update(key(KeyCode::Right), now(0));
    let effects = app.update(key(KeyCode::Enter), now(0));
    assert_eq!(saved(&effects)[0].status, Status::Completed);
    app.update(
        Msg::Saved(Delivery::Kept("the results folder is gone".into())),
        now(0),
    );
    let screen = drawn(&app);
    assert!(screen.contains("Not submitted yet"), "{screen}");
    assert!(!screen.contains("Submitted:"), "{screen}");
    app.update(key(KeyCode::Esc), now(0));
    let screen = drawn(&app);
    assert!(screen.contains("Not everything is delivered"), "{screen}");
    app.update(key(KeyCode::Esc), now(0));

    app.update(Msg::Saved(Delivery::Failed("no space".into())), now(0));
    app.update(key(KeyCode::Esc), now(0));
    let screen = drawn(&app);
    assert!(
        screen.contains("Your last answers could not be"),
        "{screen}"
    );
    app.update(key(KeyCode::Esc), now(0));

    app.update(Msg::Saved(Delivery::Delivered), now(0));
    let screen = drawn(&app);
    assert!(
        screen.contains("Submitted: your answers are in the results"),
        "{screen}"
    );
    app.update(key(KeyCode::Esc), now(0));
    assert!(!drawn(&app).contains("delivered"));
}

#[test]
fn a_displaced_attempt_tells_its_trainee() {
    let mut app = app(Some(FeedbackMode::Deferred), None);
    start(&mut app, "Aigerim", None);
    app.update(key(KeyCode::Char(' ')), now(0));
    app.update(key(KeyCode::Enter), now(0));
    app.update(Msg::Saved(Delivery::Displaced), now(0));
    let screen = drawn(&app);
    assert!(screen.contains("continued on another"), "{screen}");
}

/// A clock that moves on by `step_ms` at every reading.
struct Stepping {
    ms: Cell<u64>,
    step_ms: u64,
}

impl Clock for Stepping {
    fn now(&self) -> Now {
        let ms = self.ms.get() + self.step_ms;
        self.ms.set(ms);
        now(ms)
    }
}

/// Runs the real loop on `events` until they run out.
fn drive(app: &mut App, events: VecDeque<Event>, services: &mut Flaky, clock: &dyn Clock) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let theme = Theme::new(ThemeName::Default, true);
    let _ = run_loop(
        &mut terminal,
        app,
        &theme,
        &mut Script(events),
        services,
        clock,
        None,
    );
}

#[test]
fn a_failed_save_is_retried_on_time_while_keys_keep_arriving() {
    let mut app = app(Some(FeedbackMode::Immediate), None);
    let code = |code: KeyCode| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let mut keys: VecDeque<Event> = "Aigerim".chars().map(KeyCode::Char).map(code).collect();
    keys.extend([KeyCode::Enter, KeyCode::Enter, KeyCode::Char(' ')].map(code));
    let mut services = Flaky {
        failures: Cell::new(0),
        saved: Vec::new(),
    };
    let clock = Stepping {
        ms: Cell::new(0),
        step_ms: 100,
    };
    drive(&mut app, keys, &mut services, &clock);
    services.failures.set(1);
    let mut keys = VecDeque::from([code(KeyCode::Enter)]);
    keys.extend([KeyCode::Down, KeyCode::Up].repeat(6).into_iter().map(code));
    drive(&mut app, keys, &mut services, &clock);
    assert_eq!(
        services.saved.len(),
        1,
        "the failed save was retried after a second of keys, without a quiet tick"
    );
    assert_eq!(app.delivery, Delivery::Delivered);
}

#[test]
fn kazakh_readers_get_russian_where_a_quiz_has_no_kazakh_version() {
    let quiz = |language: &str| {
        let mut quiz = (*example(None)).clone();
        quiz.language = language.into();
        Offer {
            quiz: Arc::new(quiz),
            content_hash: String::new(),
        }
    };
    let offers = vec![quiz("en"), quiz("ru")];
    let languages = |lang: Lang| {
        App::new(
            lang,
            room(None),
            offers.clone(),
            Taxonomy::default(),
            Some(1),
        )
        .open_quizzes()
        .iter()
        .map(|o| o.quiz.language.clone())
        .collect::<Vec<_>>()
    };
    assert_eq!(languages(Lang::Kk), ["ru"]);
    assert_eq!(languages(Lang::Ru), ["ru"]);
    assert_eq!(languages(Lang::En), ["en"]);
}

/// The same physical keys work whichever layout the workstation is switched to: a Russian layout types а for
/// f, щ for o, ы for s; a Kazakh layout types ә і ң ғ on the digit keys 2-5; F1 and the Russian Shift-/ (a
/// comma) open the help. No letter answers a question with buttons.
#[test]
fn command_keys_work_on_russian_and_kazakh_layouts() {
    let mut app = app(Some(FeedbackMode::Deferred), None);
    start(&mut app, "Айгерим", None);
    let press = |app: &mut App, c: char| app.update(key(KeyCode::Char(c)), now(0));
    press(&mut app, 'а');
    let Screen::Attempt(session) = &app.screen else {
        panic!()
    };
    assert!(session.attempt.item().flagged, "а is f: flag");
    press(&mut app, 'т');
    let Screen::Attempt(session) = &app.screen else {
        panic!()
    };
    assert_eq!(session.attempt.position(), 1, "т is n: next question");
    press(&mut app, 'ә');
    let Screen::Attempt(session) = &app.screen else {
        panic!()
    };
    assert_eq!(
        session.attempt.item().draft.cursor(),
        1,
        "ә is the 2 key on a Kazakh layout"
    );
    press(&mut app, 'щ');
    assert!(
        matches!(app.overlay, Some(Overlay::Overview { .. })),
        "щ is o"
    );
    app.update(key(KeyCode::Esc), now(0));
    press(&mut app, ',');
    assert!(
        matches!(app.overlay, Some(Overlay::Help { .. })),
        ", is Shift-/ on a Russian layout"
    );
    app.update(key(KeyCode::Esc), now(0));
    app.update(key(KeyCode::F(1)), now(0));
    assert!(
        matches!(app.overlay, Some(Overlay::Help { .. })),
        "F1 is help"
    );
    app.update(key(KeyCode::Esc), now(0));
    press(&mut app, 'ы');
    assert!(
        matches!(
            app.overlay,
            Some(Overlay::Dialog {
                ask: Ask::Finish,
                focus: 0
            })
        ),
        "ы is s: submit all, focus on going back"
    );
    for c in ['н', 'y', 'д', 'Y', 'и'] {
        assert!(press(&mut app, c).is_empty());
        assert!(
            matches!(app.screen, Screen::Attempt(_)),
            "{c} does not submit"
        );
    }
    app.update(key(KeyCode::Esc), now(0));
    app.update(key(KeyCode::Esc), now(0));
    assert!(
        matches!(
            app.overlay,
            Some(Overlay::Dialog {
                ask: Ask::Leave,
                focus: 0
            })
        ),
        "Esc asks, focus on staying"
    );
    for c in ['н', 'y', 'q', 'й'] {
        assert!(press(&mut app, c).is_empty(), "{c} does not leave");
    }
}

/// Under a time limit, the time between the last save and a resume counts (a crash gives no time back), but
/// never more than the time that was left; without a limit nothing is added.
#[test]
fn time_away_after_a_crash_counts_against_the_limit() {
    let mut first = app(Some(FeedbackMode::Deferred), Some(10));
    start(&mut first, "Aigerim", None);
    first.update(key(KeyCode::Char(' ')), now(0));
    let record = saved(&first.update(key(KeyCode::Enter), now(60_000)))[0].clone();
    assert_eq!(record.questions[0].time_ms, 60_000);

    let mut resumed = app(Some(FeedbackMode::Deferred), Some(10));
    start(&mut resumed, "Aigerim", Some(record.clone()));
    resumed.update(key(KeyCode::Enter), now(60_000 + 120_000));
    let Screen::Attempt(session) = &resumed.screen else {
        panic!("resumed")
    };
    assert_eq!(
        session.attempt.remaining_ms(),
        Some(600_000 - 60_000 - 120_000),
        "two minutes away count"
    );

    let mut late = app(Some(FeedbackMode::Deferred), Some(10));
    start(&mut late, "Aigerim", Some(record));
    late.update(key(KeyCode::Enter), now(60_000 + 3_600_000));
    assert!(
        matches!(late.screen, Screen::Results(_)),
        "an hour away uses up the limit: the attempt is submitted"
    );
}

/// The bank is parsed only once the trainee presses a first key: the sign-in screen holds nothing more, and the
/// quiz list waits (showing that it loads) until the bank arrives.
#[test]
fn the_bank_is_parsed_from_the_first_key_and_the_quiz_list_waits_for_it() {
    let mut app = app(Some(FeedbackMode::Immediate), None);
    let offers = std::mem::take(&mut app.offers);
    let (start, started) = std::sync::mpsc::channel();
    let mut services = Flaky {
        failures: Cell::new(0),
        saved: Vec::new(),
    };
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let theme = Theme::new(ThemeName::Default, true);
    let mut run = |app: &mut App, events: VecDeque<Event>, delivery: BankDelivery| {
        let _ = run_loop(
            &mut terminal,
            app,
            &theme,
            &mut Script(events),
            &mut services,
            &Frozen,
            Some(delivery),
        );
        terminal.backend().to_string()
    };
    let pending = || std::sync::mpsc::channel().1;

    let ticks = VecDeque::from([Event::FocusLost, Event::FocusLost]);
    let delivery = BankDelivery {
        receiver: pending(),
        start: Some(start.clone()),
    };
    run(&mut app, ticks, delivery);
    assert!(started.try_recv().is_err(), "no key yet, no parsing");

    let press = |c: char| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    let enter = Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let keys: VecDeque<Event> = "Aigerim".chars().map(press).chain([enter]).collect();
    let delivery = BankDelivery {
        receiver: pending(),
        start: Some(start),
    };
    let screen = run(&mut app, keys, delivery);
    assert!(
        started.try_recv().is_ok(),
        "the first key starts the parsing"
    );
    assert!(matches!(app.screen, Screen::Picker { .. }));
    assert!(app.loading_bank, "the quiz list waits for the bank");
    assert!(!screen.contains("No quiz is open"), "{screen}");

    let (deliver, receiver) = std::sync::mpsc::channel();
    deliver.send((offers, Taxonomy::default())).unwrap();
    let delivery = BankDelivery {
        receiver,
        start: None,
    };
    let screen = run(&mut app, VecDeque::from([Event::FocusLost]), delivery);
    assert!(!app.loading_bank);
    assert!(screen.contains("Example: every question kind"), "{screen}");
}

/// A room that records every presence the app announces: whether someone was signed in, the question on screen,
/// and whether who or what was open had changed.
#[derive(Default)]
struct Watched(Vec<(bool, Option<usize>, bool)>);

impl Services for Watched {
    fn load_room(&mut self) -> Result<Room, Blocker> {
        Ok(room(Some(FeedbackMode::Deferred)))
    }
    fn prepare(
        &mut self,
        _: &str,
        _: &Participant,
    ) -> (Result<(), Blocker>, Option<AttemptRecord>) {
        (Ok(()), None)
    }
    fn save(&mut self, _: &AttemptRecord) -> Delivery {
        Delivery::Delivered
    }
    fn announce(&mut self, here: Option<&Here>, changed: bool, _: u64) {
        self.0
            .push((here.is_some(), here.and_then(|h| h.question), changed));
    }
}

/// The presence file is written when someone signs in, opens an attempt or leaves, never on every move between
/// questions (it lives on the shared folder); those wait for the heartbeat.
#[test]
fn moving_between_questions_does_not_write_the_presence_file() {
    let mut app = app(Some(FeedbackMode::Deferred), None);
    let press = |c: char| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    let enter = Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let mut keys: VecDeque<Event> = "Aigerim".chars().map(press).collect();
    keys.extend([enter.clone(), enter, press('n'), press('n'), press('p')]);
    let mut watched = Watched::default();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let theme = Theme::new(ThemeName::Default, true);
    let _ = run_loop(
        &mut terminal,
        &mut app,
        &theme,
        &mut Script(keys),
        &mut watched,
        &Frozen,
        None,
    );
    let Screen::Attempt(session) = &app.screen else {
        panic!("on a question")
    };
    assert_eq!(
        session.attempt.position(),
        1,
        "the keys moved between questions"
    );
    assert_eq!(
        watched.0,
        [
            (true, None, true),
            (true, Some(1), true),
            (false, None, true)
        ],
        "signed in, attempt opened, left"
    );
}

/// An app that started without its config (read behind the first frame from a slow shared folder), in `lang`.
fn awaiting(lang: Lang) -> App {
    let mut app = app(Some(FeedbackMode::Deferred), None);
    app.lang = lang;
    app.room = vigil::tui::room::awaiting_room(true);
    app.awaiting_config = Some(lang);
    app
}

fn found(lang: Lang) -> Msg {
    Msg::Found(Ok(Found {
        room: room(Some(FeedbackMode::Deferred)),
        lang,
        blocked: None,
    }))
}

#[test]
fn a_config_read_behind_the_first_frame_brings_its_room_and_language() {
    let mut app = awaiting(Lang::En);
    type_text(&mut app, "Aibek");
    assert!(app.room.groups.is_empty(), "no groups before the config");
    assert!(app.update(found(Lang::Ru), now(0)).is_empty());
    assert_eq!(app.awaiting_config, None);
    assert_eq!(app.room.session, "almaty");
    assert_eq!(app.room.groups, default_groups());
    assert_eq!(
        app.lang,
        Lang::Ru,
        "the config's language replaces the start's"
    );
    match &app.screen {
        Screen::SignIn(form) => assert_eq!(form.name, "Aibek", "what was typed stays"),
        other => panic!("expected the sign-in, got {other:?}"),
    }
}

#[test]
fn a_language_the_trainee_chose_meanwhile_is_kept() {
    let mut app = awaiting(Lang::En);
    // Name, group (none yet), language: no code field without a roster.
    for _ in 0..2 {
        app.update(key(KeyCode::Tab), now(0));
    }
    app.update(key(KeyCode::Right), now(0));
    assert_eq!(app.lang, Lang::Ru);
    app.update(found(Lang::Kk), now(0));
    assert_eq!(app.lang, Lang::Ru);
}

#[test]
fn enter_before_the_config_waits_then_asks_for_the_group_it_lists() {
    let mut app = awaiting(Lang::En);
    type_text(&mut app, "Aibek");
    assert!(
        app.update(key(KeyCode::Enter), now(0)).is_empty(),
        "nobody signs in without the config"
    );
    assert!(app.participant.is_none());
    assert!(matches!(app.screen, Screen::SignIn(_)));
    assert!(app.update(found(Lang::En), now(0)).is_empty());
    match &app.screen {
        Screen::SignIn(form) => assert_eq!(form.field, Field::Group),
        other => panic!("expected the sign-in, got {other:?}"),
    }
    app.update(key(KeyCode::Right), now(0));
    let effects = app.update(key(KeyCode::Enter), now(0));
    assert!(matches!(effects.as_slice(), [Effect::LoadRoom]));
    assert_eq!(
        app.participant.as_ref().map(|p| p.group.as_str()),
        Some(default_groups()[1].id.as_str())
    );
}

#[test]
fn enter_before_a_config_without_groups_signs_in_when_it_arrives() {
    let mut app = awaiting(Lang::En);
    type_text(&mut app, "Aibek");
    app.update(key(KeyCode::Enter), now(0));
    let mut room = room(None);
    room.groups.clear();
    let effects = app.update(
        Msg::Found(Ok(Found {
            room,
            lang: Lang::En,
            blocked: None,
        })),
        now(0),
    );
    assert!(matches!(effects.as_slice(), [Effect::LoadRoom]));
    assert_eq!(app.participant.map(|p| p.name), Some("Aibek".to_owned()));
}

#[test]
fn a_config_that_cannot_be_read_blocks_the_sign_in() {
    let mut app = awaiting(Lang::En);
    let error = Blocker::Settings("vigil.ron:1:2: error".into());
    app.update(Msg::Found(Err(error)), now(0));
    assert!(
        matches!(&app.screen, Screen::Blocked { detail: Blocker::Settings(detail) } if detail == "vigil.ron:1:2: error")
    );
}

#[test]
fn a_config_is_taken_in_once() {
    let mut app = app(None, None);
    let mut other = room(None);
    other.session = "elsewhere".into();
    app.update(
        Msg::Found(Ok(Found {
            room: other,
            lang: Lang::Kk,
            blocked: None,
        })),
        now(0),
    );
    assert_eq!(
        app.room.session, "almaty",
        "an app that started with its config keeps it"
    );
    assert_eq!(app.lang, Lang::En);
}

#[test]
fn after_a_config_that_cannot_be_read_nobody_signs_in() {
    let mut app = awaiting(Lang::En);
    let error = Blocker::Settings("vigil.ron:1:2: error".into());
    app.update(Msg::Found(Err(error)), now(0));
    assert!(
        !vigil::tui::keymap::bindings(app.mode())
            .iter()
            .any(|binding| binding.action == vigil::tui::keymap::Action::Confirm),
        "the footer offers no Enter where it leads nowhere"
    );
    assert!(app.update(key(KeyCode::Enter), now(0)).is_empty());
    assert!(
        matches!(app.screen, Screen::Blocked { .. }),
        "the error stays: there is no room to sign in to"
    );
    assert!(app.participant.is_none());
}

#[test]
fn typing_after_an_early_enter_takes_it_back() {
    let mut app = awaiting(Lang::En);
    type_text(&mut app, "Aibe");
    app.update(key(KeyCode::Enter), now(0));
    type_text(&mut app, "k");
    app.update(found(Lang::En), now(0));
    match &app.screen {
        Screen::SignIn(form) => {
            assert_eq!(
                form.field,
                Field::Name,
                "the focus stays where the trainee is typing"
            );
            assert_eq!(form.name, "Aibek");
        }
        other => panic!("expected the sign-in, got {other:?}"),
    }
    assert!(app.participant.is_none());
}

#[test]
fn a_roster_name_entered_before_the_config_signs_in_when_it_arrives() {
    let mut app = awaiting(Lang::En);
    type_text(&mut app, "nurlan  abenov");
    app.update(key(KeyCode::Enter), now(0));
    let effects = app.update(found(Lang::En), now(0));
    assert!(matches!(effects.as_slice(), [Effect::LoadRoom]));
    assert_eq!(
        app.participant.and_then(|p| p.code),
        Some("P07".to_owned()),
        "the roster gives the group"
    );
}

#[test]
fn a_missing_results_folder_found_after_the_first_frame_blocks_the_sign_in() {
    // Whether the first frame was drawn with the config or without it.
    for mut app in [app(None, None), awaiting(Lang::En)] {
        app.update(
            Msg::Found(Ok(Found {
                room: room(None),
                lang: Lang::En,
                blocked: Some(Blocker::NoResultsFolder("/mnt/x".into())),
            })),
            now(0),
        );
        let Screen::Blocked { detail } = &app.screen else {
            panic!("expected the cannot-save screen, got {:?}", app.screen);
        };
        assert!(detail.words(Lang::Ru).contains("/mnt/x"), "{detail:?}");
    }
}

#[test]
fn a_group_the_roster_gives_is_not_offered_and_the_focus_passes_it_by() {
    let focus = |app: &App| match &app.screen {
        Screen::SignIn(form) => form.field,
        other => panic!("expected the sign-in, got {other:?}"),
    };
    // Nobody named yet: name, code, group, language.
    let mut app = app(None, None);
    for expected in [Field::Code, Field::Group, Field::Language, Field::Name] {
        app.update(key(KeyCode::Tab), now(0));
        assert_eq!(focus(&app), expected);
    }
    assert!(drawn(&app).contains("Group: (•) Police  ( ) NGO"));
    // A name on the roster: its group is given (and shown), so Tab goes from the code to the language.
    type_text(&mut app, "Nurlan Abenov");
    let shown = drawn(&app);
    assert!(
        shown.contains("Group: Police (from the trainer's list)") && !shown.contains("( ) NGO"),
        "{shown}"
    );
    app.update(key(KeyCode::Tab), now(0));
    assert_eq!(focus(&app), Field::Code);
    app.update(key(KeyCode::Tab), now(0));
    assert_eq!(focus(&app), Field::Language);
    // Only roster participants may sign in: the group is never chosen, whoever is named.
    let mut room_only = App::new(
        Lang::En,
        Room {
            store_names: false,
            ..room(None)
        },
        Vec::new(),
        Taxonomy::default(),
        Some(3),
    );
    for expected in [Field::Code, Field::Language, Field::Name] {
        room_only.update(key(KeyCode::Tab), now(0));
        assert_eq!(focus(&room_only), expected);
    }
    assert!(drawn(&room_only).contains("Group: from the trainer's list"));
}
