//! Every screen of the trainee app, drawn by the real loop on a test backend after scripted keys, and compared
//! with committed snapshots: at 80x24 and 40x15, in English, Russian and Kazakh.

use std::cell::Cell;
use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use vigil::config::model::default_groups;
use vigil::config::{PhaseRules, RosterEntry};
use vigil::i18n::Lang;
use vigil::quiz::bank::built_in_taxonomy;
use vigil::quiz::parse::ron_options;
use vigil::quiz::{FeedbackMode, Quiz};
use vigil::record::StoreError;
use vigil::record::presence::{Liveness, Sighting};
use vigil::record::{AttemptId, AttemptRecord, Participant, Phase};
use vigil::tui::app::{App, Delivery, Found, Now, Offer, Room};
use vigil::tui::blocker::Blocker;
use vigil::tui::footer;
use vigil::tui::keymap::{Weight, bindings};
use vigil::tui::room::awaiting_room;
use vigil::tui::run::{Clock, EventSource, Finding, Services, run_loop};
use vigil::tui::theme::{Theme, ThemeName};

/// Keys typed one after another; when they run out the loop stops.
struct Script(VecDeque<Event>);

impl EventSource for Script {
    fn next(&mut self, _: Duration) -> std::io::Result<Option<Event>> {
        self.0
            .pop_front()
            .map(Some)
            .ok_or_else(|| std::io::Error::other("script finished"))
    }
}

/// A clock that moves one second per reading.
struct Ticking(Cell<u64>);

impl Clock for Ticking {
    fn now(&self) -> Now {
        let ms = self.0.get();
        self.0.set(ms + 1000);
        Now {
            wall: jiff::Timestamp::from_second(1_272_531_600 + (ms / 1000) as i64).unwrap(),
            mono_ms: ms,
        }
    }
}

/// The room and its folder, in memory.
struct Fake {
    room: Room,
    lang: Lang,
    probe: Result<(), Blocker>,
    unfinished: Option<AttemptRecord>,
    elsewhere: Option<Sighting>,
    /// How many more times the config is still being read when asked after (`None`: the app started with it).
    config_after: Option<usize>,
    /// Why the config could not be read, when it could not.
    config_error: Option<&'static str>,
}

impl Services for Fake {
    fn found(&mut self) -> Finding {
        match &mut self.config_after {
            None => Finding::Nothing,
            Some(0) => {
                self.config_after = None;
                Finding::Read(match self.config_error {
                    Some(error) => Err(Blocker::Settings(error.to_owned())),
                    None => Ok(Found {
                        room: self.room.clone(),
                        lang: self.lang,
                        blocked: None,
                    }),
                })
            }
            Some(polls) => {
                *polls -= 1;
                Finding::Reading
            }
        }
    }
    fn load_room(&mut self) -> Result<Room, Blocker> {
        Ok(self.room.clone())
    }
    fn prepare(
        &mut self,
        _: &str,
        _: &Participant,
    ) -> (Result<(), Blocker>, Option<AttemptRecord>) {
        (self.probe.clone(), self.unfinished.clone())
    }
    fn save(&mut self, _: &AttemptRecord) -> Delivery {
        Delivery::Delivered
    }
    fn elsewhere(&mut self, _: &AttemptId, _: u64) -> Option<Sighting> {
        self.elsewhere
    }
}

fn quiz(text: &str) -> Arc<Quiz> {
    Arc::new(ron_options().from_str(text).unwrap())
}

fn example() -> Arc<Quiz> {
    quiz(include_str!("../docs/examples/every-kind.ron"))
}

fn room(feedback: Option<FeedbackMode>) -> Room {
    Room {
        session: "almaty-2010-04".into(),
        phase: Phase::Practice,
        rules: PhaseRules {
            quizzes: vec![],
            feedback,
            review: true,
            retakes: false,
        },
        groups: default_groups(),
        roster: vec![RosterEntry {
            code: "P01".into(),
            name: "Aigerim Seitova".into(),
            group: "ngo".into(),
        }],
        store_names: true,
        recording: true,
    }
}

fn offers(timed: bool) -> Vec<Offer> {
    let mut every_kind = (*example()).clone();
    if timed {
        every_kind.time_limit_minutes = Some(3);
    }
    vec![
        Offer {
            quiz: Arc::new(every_kind),
            content_hash: "blake3:00".into(),
        },
        Offer {
            quiz: quiz(include_str!("fixtures/valid/small.ron")),
            content_hash: "blake3:01".into(),
        },
    ]
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn text(typed: &str) -> Vec<Event> {
    typed.chars().map(|c| key(KeyCode::Char(c))).collect()
}

/// Keys to sign in as Aibek (NGO) and open the example quiz (second in the picker, which lists shorter quizzes
/// first).
fn into_quiz() -> Vec<Event> {
    let mut keys = text("Aibek");
    keys.extend([
        key(KeyCode::Tab),
        key(KeyCode::Tab),
        key(KeyCode::Right),
        key(KeyCode::Enter),
    ]);
    keys.extend([key(KeyCode::Down), key(KeyCode::Enter)]);
    keys
}

struct Case {
    lang: Lang,
    feedback: Option<FeedbackMode>,
    timed: bool,
    probe: Result<(), Blocker>,
    unfinished: bool,
    elsewhere: Option<Liveness>,
    ascii: bool,
    /// The app starts without its config, read behind the first frame: after this many frames.
    config_after: Option<usize>,
    /// The config, read behind the first frame, could not be read: why.
    config_error: Option<&'static str>,
}

impl Default for Case {
    fn default() -> Self {
        Self {
            lang: Lang::En,
            feedback: Some(FeedbackMode::Immediate),
            timed: false,
            probe: Ok(()),
            unfinished: false,
            elsewhere: None,
            ascii: false,
            config_after: None,
            config_error: None,
        }
    }
}

/// Draws the screen reached by `keys` at `width` x `height`.
fn screen(case: &Case, keys: Vec<Event>, width: u16, height: u16) -> String {
    drawn(case, keys, width, height).0
}

/// The screen reached by `keys` at `width` x `height`, and the app that drew it.
fn drawn(case: &Case, keys: Vec<Event>, width: u16, height: u16) -> (String, App) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut app = App::new(
        case.lang,
        room(case.feedback),
        offers(case.timed),
        built_in_taxonomy(),
        Some(7),
    );
    if case.config_after.is_some() {
        app.room = awaiting_room(true);
        app.awaiting_config = Some(case.lang);
    }
    let unfinished = case.unfinished.then(|| unfinished_record(case));
    let mut services = Fake {
        room: room(case.feedback),
        lang: case.lang,
        config_after: case.config_after,
        config_error: case.config_error,
        probe: case.probe.clone(),
        unfinished,
        elsewhere: case.elsewhere.map(|liveness| Sighting {
            liveness,
            question: Some(3),
        }),
    };
    let theme = Theme::new(ThemeName::Default, true).with_ascii(case.ascii);
    let clock = Ticking(Cell::new(0));
    let _ = run_loop(
        &mut terminal,
        &mut app,
        &theme,
        &mut Script(keys.into()),
        &mut services,
        &clock,
        None,
    );
    (terminal.backend().to_string(), app)
}

/// Why answers cannot be saved into `folder`, a read-only results folder.
fn read_only(folder: &str) -> Blocker {
    Blocker::Unwritable(Arc::new(StoreError::ReadOnly {
        folder: folder.into(),
        source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
    }))
}

/// A saved, unfinished attempt of the example quiz with two answers.
fn unfinished_record(case: &Case) -> AttemptRecord {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut app = App::new(
        case.lang,
        room(case.feedback),
        offers(false),
        built_in_taxonomy(),
        Some(7),
    );
    struct Keep(Option<AttemptRecord>, Room);
    impl Services for Keep {
        fn load_room(&mut self) -> Result<Room, Blocker> {
            Ok(self.1.clone())
        }
        fn prepare(
            &mut self,
            _: &str,
            _: &Participant,
        ) -> (Result<(), Blocker>, Option<AttemptRecord>) {
            (Ok(()), None)
        }
        fn save(&mut self, record: &AttemptRecord) -> Delivery {
            self.0 = Some(record.clone());
            Delivery::Delivered
        }
    }
    let mut keep = Keep(None, room(case.feedback));
    let mut keys = into_quiz();
    keys.extend([
        key(KeyCode::Char(' ')),
        key(KeyCode::Enter),
        key(KeyCode::Enter),
        key(KeyCode::Enter),
    ]);
    let _ = run_loop(
        &mut terminal,
        &mut app,
        &Theme::new(ThemeName::Default, true),
        &mut Script(keys.into()),
        &mut keep,
        &Ticking(Cell::new(0)),
        None,
    );
    keep.0.expect("the attempt was saved")
}

/// The scripted journeys, each ending on the screen it is named after.
fn journeys() -> Vec<(&'static str, Case, Vec<Event>)> {
    let deferred = || Case {
        feedback: Some(FeedbackMode::Deferred),
        ..Case::default()
    };
    let then = |mut keys: Vec<Event>, more: &[Event]| {
        keys.extend_from_slice(more);
        keys
    };
    let c = |ch: char| key(KeyCode::Char(ch));
    let enter = key(KeyCode::Enter);
    let first = into_quiz();
    let answer_first = then(
        first.clone(),
        &[c(' '), key(KeyCode::Down), c(' '), enter.clone()],
    );
    let next = |keys: Vec<Event>| then(keys, &[key(KeyCode::Enter)]);
    let at_consent = next(answer_first.clone());
    let at_true_false = next(then(at_consent.clone(), &[c('1'), enter.clone()]));
    let at_order = next(then(at_true_false.clone(), &[c('1'), enter.clone()]));
    let order_answered = then(at_order.clone(), &[c(' '), c(' '), enter.clone()]);
    let at_match = next(order_answered.clone());
    let at_branching = next(then(
        at_match.clone(),
        &[
            key(KeyCode::Right),
            key(KeyCode::Down),
            key(KeyCode::Right),
            key(KeyCode::Down),
            c('2'),
            enter.clone(),
        ],
    ));
    let branching_step = then(at_branching.clone(), &[c('1'), enter.clone()]);
    let branching_feedback = then(branching_step.clone(), &[c('1'), enter.clone()]);
    let results = next(branching_feedback.clone());
    let deferred_all = then(
        first.clone(),
        &[
            c(' '),
            enter.clone(),
            c('1'),
            enter.clone(),
            c('1'),
            enter.clone(),
            c(' '),
            c(' '),
            enter.clone(),
            c('1'),
            key(KeyCode::Down),
            c('1'),
            key(KeyCode::Down),
            c('1'),
            enter.clone(),
            c('1'),
            enter.clone(),
            c('1'),
            enter.clone(),
        ],
    );
    vec![
        ("sign_in", Case::default(), vec![]),
        ("sign_in_needs_a_name", Case::default(), vec![enter.clone()]),
        (
            "sign_in_unknown_code",
            Case::default(),
            then(text("Ai"), &[key(KeyCode::Tab), c('X'), enter.clone()]),
        ),
        ("sign_in_help", Case::default(), vec![key(KeyCode::F(1))]),
        (
            "sign_in_awaiting_config",
            Case {
                config_after: Some(usize::MAX),
                ..Case::default()
            },
            then(text("Aibek"), std::slice::from_ref(&enter)),
        ),
        // The first frame, then one per key: the config arrives after the fifth letter and Enter.
        (
            "config_unreadable",
            Case {
                config_after: Some(1),
                config_error: Some(
                    "vigil.ron:1:39: error: unknown field `bogus` in the config\n  |\n1 | (format: 1, bogus: 3)\n  |             ^",
                ),
                ..Case::default()
            },
            vec![enter.clone()],
        ),
        (
            "sign_in_config_arrived_after_enter",
            Case {
                config_after: Some(6),
                ..Case::default()
            },
            then(text("Aibek"), std::slice::from_ref(&enter)),
        ),
        ("picker", Case::default(), next(text("Aibek"))),
        (
            "blocked",
            Case {
                probe: Err(read_only("/mnt/share/room")),
                ..Case::default()
            },
            first.clone(),
        ),
        (
            "resume_offer",
            Case {
                unfinished: true,
                ..Case::default()
            },
            first.clone(),
        ),
        (
            "open_elsewhere",
            Case {
                unfinished: true,
                elsewhere: Some(Liveness::Live),
                ..Case::default()
            },
            first.clone(),
        ),
        (
            "maybe_open_elsewhere",
            Case {
                unfinished: true,
                elsewhere: Some(Liveness::Unsure),
                ..Case::default()
            },
            first.clone(),
        ),
        (
            "start_again_confirm",
            Case {
                unfinished: true,
                ..Case::default()
            },
            then(first.clone(), &[key(KeyCode::Right), enter.clone()]),
        ),
        ("multiple_question", Case::default(), first.clone()),
        ("nothing_chosen", Case::default(), next(at_consent.clone())),
        ("multiple_feedback", Case::default(), answer_first.clone()),
        ("single_question", Case::default(), at_consent.clone()),
        (
            "true_false_question",
            Case::default(),
            at_true_false.clone(),
        ),
        (
            "order_question_holding",
            Case::default(),
            then(at_order.clone(), &[c(' '), key(KeyCode::Down)]),
        ),
        ("order_feedback", Case::default(), order_answered),
        (
            "match_question",
            Case::default(),
            then(at_match.clone(), &[key(KeyCode::Right), key(KeyCode::Down)]),
        ),
        ("match_incomplete", Case::default(), next(at_match.clone())),
        ("branching_step", Case::default(), branching_step),
        ("branching_feedback", Case::default(), branching_feedback),
        (
            "overview",
            Case::default(),
            then(at_match.clone(), &[c('f'), c('o')]),
        ),
        ("help", Case::default(), then(first.clone(), &[c('?')])),
        (
            "quit_confirm",
            Case::default(),
            then(first.clone(), &[key(KeyCode::Esc)]),
        ),
        ("results", Case::default(), results.clone()),
        (
            "results_scrolled",
            Case::default(),
            then(results.clone(), &[key(KeyCode::End)]),
        ),
        (
            "review",
            Case::default(),
            then(results, &[c('r'), key(KeyCode::Right)]),
        ),
        (
            "deferred_question",
            deferred(),
            then(first.clone(), &[c(' '), enter.clone()]),
        ),
        (
            "deferred_submit_confirm",
            deferred(),
            then(first.clone(), &[c(' '), enter.clone(), c('s')]),
        ),
        ("deferred_finish", deferred(), deferred_all.clone()),
        (
            "deferred_leave_answered",
            deferred(),
            then(deferred_all, &[key(KeyCode::Esc), key(KeyCode::Esc)]),
        ),
        (
            "timed_question",
            Case {
                timed: true,
                ..Case::default()
            },
            first,
        ),
    ]
}

#[test]
fn every_screen_at_both_sizes_in_every_language() {
    for (name, case, keys) in journeys() {
        for lang in Lang::ALL {
            let case = Case {
                lang,
                ..case_clone(&case)
            };
            for (width, height) in [(80, 24), (40, 15)] {
                let drawn = screen(&case, keys.clone(), width, height);
                insta::assert_snapshot!(format!("{name}_{}_{width}x{height}", lang.code()), drawn);
            }
        }
    }
}

/// On every screen, in every language, at 80x24, every key the trainee cannot do without is in the footer, and
/// every key of the screen is in its help window.
#[test]
fn every_essential_key_is_visible_and_every_key_is_in_the_help() {
    for (name, case, keys) in journeys() {
        for lang in Lang::ALL {
            let case = Case {
                lang,
                ..case_clone(&case)
            };
            let (screen, app) = drawn(&case, keys.clone(), 80, 24);
            let table = bindings(app.mode());
            for binding in table.iter().filter(|b| b.weight == Weight::Essential) {
                let entry = footer::entry(lang, binding);
                assert!(
                    screen.contains(&entry),
                    "{name} {lang:?}: {entry:?} is not on screen:\n{screen}"
                );
            }
            if app.overlay.is_some() {
                continue;
            }
            let mut help_keys = keys.clone();
            help_keys.push(key(KeyCode::F(1)));
            let (help, _) = drawn(&case, help_keys, 80, 24);
            for binding in bindings(app.screen_mode()) {
                let word = lang.strings().keys.word(binding.label);
                assert!(
                    help.contains(word) && help.contains(footer::key_name(lang, binding.shown)),
                    "{name} {lang:?}: {word:?} is not in the help:\n{help}"
                );
            }
        }
    }
}

/// ASCII mode draws no symbol outside ASCII and keeps every mark: ✓ ✗ ○ become + x o, the highlight › is >.
#[test]
fn ascii_mode_keeps_every_meaning() {
    for (name, case, keys) in journeys() {
        if ![
            "multiple_feedback",
            "overview",
            "results",
            "deferred_finish",
        ]
        .contains(&name)
        {
            continue;
        }
        let case = Case {
            ascii: true,
            ..case_clone(&case)
        };
        let drawn = screen(&case, keys, 80, 24);
        assert!(drawn.is_ascii(), "{name}: a symbol outside ASCII:\n{drawn}");
        insta::assert_snapshot!(format!("{name}_ascii_en_80x24"), drawn);
    }
}

#[test]
fn a_tiny_window_asks_to_be_enlarged_and_never_panics() {
    for (width, height) in [(1, 1), (10, 5), (29, 24), (80, 9)] {
        let drawn = screen(&Case::default(), into_quiz(), width, height);
        assert!(
            drawn.contains("Pleas") || width < 6,
            "{width}x{height}: {drawn}"
        );
    }
    insta::assert_snapshot!(
        "too_small_en_20x6",
        screen(&Case::default(), into_quiz(), 20, 6)
    );
}

fn case_clone(case: &Case) -> Case {
    Case {
        lang: case.lang,
        feedback: case.feedback,
        timed: case.timed,
        probe: case.probe.clone(),
        unfinished: case.unfinished,
        elsewhere: case.elsewhere,
        ascii: case.ascii,
        config_after: case.config_after,
        config_error: case.config_error,
    }
}

/// The quiz the cursor is on is shown whole, its last line of description too, however small the window: the row
/// that says what lies above and below never hides it.
#[test]
fn the_chosen_quiz_is_shown_whole_at_the_end_of_the_list() {
    let mut keys = text("Aibek");
    keys.extend([key(KeyCode::Enter), key(KeyCode::Down)]);
    let screen = screen(&Case::default(), keys, 40, 12);
    assert!(screen.contains("› 2"), "{screen}");
    assert!(screen.contains("scenario."), "{screen}");
}
