//! Drawing cost follows what is visible, not what a question holds: one keypress and frame on a question with
//! 10,000 options (a quiz `vigil check` would refuse, built here without it) against one with four.

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vigil::config::PhaseRules;
use vigil::config::model::default_groups;
use vigil::i18n::Lang;
use vigil::quiz::parse::ron_options;
use vigil::quiz::{QuestionKind, Quiz, Taxonomy};
use vigil::record::Phase;
use vigil::tui::app::{App, Effect, Msg, Now, Offer, Room};
use vigil::tui::screens::render;
use vigil::tui::theme::{Theme, ThemeName};

fn main() {
    divan::main();
}

fn now(ms: u64) -> Now {
    Now {
        wall: jiff::Timestamp::UNIX_EPOCH,
        mono_ms: ms,
    }
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The example quiz with its first question given `count` options.
fn quiz(count: usize) -> Quiz {
    let mut quiz: Quiz = ron_options()
        .from_str(include_str!("../docs/examples/every-kind.ron"))
        .expect("the example parses");
    if let QuestionKind::Multiple { options } = &mut quiz.questions[0].kind {
        let model = options[0].clone();
        options.clear();
        for n in 0..count {
            let mut option = model.clone();
            option.id = format!("option-{n}");
            option.text =
                format!("Option {n}: a statement long enough to wrap at eighty columns or so");
            options.push(option);
        }
    }
    quiz
}

/// An app on the first question of `quiz`, signed in, not recording.
fn app_at_question(quiz: Quiz) -> App {
    let room = Room {
        session: "bench".into(),
        phase: Phase::Practice,
        rules: PhaseRules::default(),
        groups: default_groups(),
        roster: vec![],
        store_names: true,
        recording: false,
    };
    let offers = vec![Offer {
        quiz: Arc::new(quiz),
        content_hash: String::new(),
    }];
    let mut app = App::new(Lang::En, room.clone(), offers, Taxonomy::default(), Some(1));
    for c in "Aibek".chars() {
        app.update(key(KeyCode::Char(c)), now(0));
    }
    app.update(key(KeyCode::Enter), now(0));
    app.update(Msg::RoomLoaded(Ok(room)), now(0));
    let effects = app.update(key(KeyCode::Enter), now(0));
    let Some(Effect::Prepare { offer, .. }) = effects.into_iter().next() else {
        panic!("choosing the quiz prepares it");
    };
    app.update(
        Msg::Prepared {
            offer,
            probe: Ok(()),
            unfinished: None,
            elsewhere: None,
        },
        now(0),
    );
    app
}

#[divan::bench(args = [4, 10_000])]
fn keypress_to_frame_80x24(bencher: divan::Bencher, options: usize) {
    let mut app = app_at_question(quiz(options));
    let theme = Theme::new(ThemeName::Default, false);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    app.update(Msg::Resize(80, 24), now(0));
    for _ in 0..options / 2 {
        app.update(key(KeyCode::Down), now(0));
    }
    let mut down = true;
    bencher.bench_local(|| {
        down = !down;
        let code = if down { KeyCode::Down } else { KeyCode::Up };
        app.update(key(code), now(1));
        terminal
            .draw(|frame| render(&app, &theme, frame))
            .expect("draws");
    });
}
