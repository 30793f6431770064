//! Trainee app speed (product targets: start to first frame <= 20 ms in release; one keypress to a rendered
//! frame at 200x60 <= 1 ms).

use std::io::Read;
use std::sync::Arc;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vigil::config::PhaseRules;
use vigil::config::model::default_groups;
use vigil::i18n::Lang;
use vigil::quiz::parse::ron_options;
use vigil::quiz::{Quiz, Taxonomy};
use vigil::record::Phase;
use vigil::tui::app::{App, Msg, Now, Offer, Room};
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

/// An app on the first question of the example quiz, signed in, not recording.
fn app_at_question() -> App {
    let quiz: Quiz = ron_options()
        .from_str(include_str!("../docs/examples/every-kind.ron"))
        .expect("the example parses");
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
    let Some(vigil::tui::app::Effect::Prepare { offer, .. }) = effects.into_iter().next() else {
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

#[divan::bench]
fn keypress_to_frame_200x60(bencher: divan::Bencher) {
    let mut app = app_at_question();
    let theme = Theme::new(ThemeName::Default, false);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test backend");
    app.update(Msg::Resize(200, 60), now(0));
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

/// The release binary started in an 80x24 pseudo-terminal until its sign-in screen is on the screen.
#[divan::bench(sample_count = 20)]
fn binary_start_to_first_frame(bencher: divan::Bencher) {
    bencher
        .with_inputs(|| {
            let pty = native_pty_system()
                .openpty(PtySize {
                    rows: 24,
                    cols: 80,
                    pixel_width: 0,
                    pixel_height: 0,
                })
                .expect("a pty");
            let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_vigil"));
            command.args(["--no-save", "--lang", "en"]);
            command.env("TERM", "xterm-256color");
            command.env("VIGIL_RESULTS", std::env::temp_dir());
            (pty, command, vt100::Parser::new(24, 80, 0))
        })
        .bench_local_values(|(pty, command, mut parser)| {
            let start = Instant::now();
            let child = pty.slave.spawn_command(command).expect("vigil starts");
            drop(pty.slave);
            let mut reader = pty.master.try_clone_reader().expect("reader");
            let mut buffer = [0u8; 4096];
            while !parser.screen().contents().contains("Your name") {
                assert!(
                    start.elapsed() < Duration::from_secs(10),
                    "no sign-in screen"
                );
                let n = reader.read(&mut buffer).expect("the app's output");
                assert!(n > 0, "the app ended before its sign-in screen");
                parser.process(&buffer[..n]);
            }
            Running {
                child,
                _master: pty.master,
            }
        });
}

/// The app under measurement; stopped when divan drops it, after the sample is timed (stopping waits for the
/// process, which is no part of starting it).
struct Running {
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
