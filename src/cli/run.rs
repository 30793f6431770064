//! `vigil` and `vigil run`: the trainee app, set up from the command line, the config and the bank.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use anyhow::Context;

use crate::config::{Environment, Located, Overrides, language_without_config, locate};
use crate::i18n::Lang;
use crate::quiz::bank::built_in_taxonomy;
use crate::quiz::check::{check, gather, read_file};
use crate::quiz::{Bank, CheckedQuiz, FeedbackMode};
use crate::tui::app::{App, Offer};
use crate::tui::room::{RoomServices, StartupConfig, awaiting_room, room_of};
use crate::tui::run::{BankDelivery, SystemClock, TerminalEvents, run_loop};
use crate::tui::screens::render;
use crate::tui::terminal::{in_terminal, no_color};
use crate::tui::theme::{Theme, ThemeName};

/// What `vigil run` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// A quiz id, or the path of a quiz file.
    pub target: Option<String>,
    /// Play-test: nothing is recorded.
    pub no_save: bool,
    /// Fixes the shuffling.
    pub seed: Option<u64>,
    /// The UI language.
    pub lang: Option<Lang>,
    /// Overrides the feedback mode.
    pub feedback: Option<FeedbackMode>,
    /// The look.
    pub theme: ThemeName,
    /// Only ASCII symbols (`--ascii`); otherwise decided from the terminal's environment.
    pub ascii: bool,
    /// Extra quiz folders.
    pub quiz_folders: Vec<PathBuf>,
    /// Config, results, session and phase from the command line.
    pub overrides: Overrides,
}

fn offers(quizzes: Vec<CheckedQuiz>) -> Vec<Offer> {
    quizzes
        .into_iter()
        .map(|q| Offer {
            quiz: Arc::new(q.quiz),
            content_hash: q.content_hash,
        })
        .collect()
}

/// A quiz file given on the command line, checked; its errors are the error.
fn quiz_file(path: &Path) -> anyhow::Result<CheckedQuiz> {
    let report = check(
        &gather(&[path.to_path_buf()], &read_file),
        &built_in_taxonomy(),
    );
    let errors: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect();
    if !errors.is_empty() {
        anyhow::bail!(
            "{}\n\nfix these errors first (`vigil check {}` shows them too)",
            errors.join("\n\n"),
            path.display()
        );
    }
    report
        .quizzes
        .into_iter()
        .next()
        .with_context(|| format!("{} holds no quiz", path.display()))
}

/// How long the first frame waits for the trainer's config: long enough for a file on this computer, so that the
/// sign-in shows the session and groups at once; a config on a slow shared folder arrives behind the first frame.
const CONFIG_WAIT: Duration = Duration::from_millis(50);

/// Reads the config on a thread of its own: its result goes to the first frame (or, late, the loop), the quiz
/// folders it names to the bank's parser. Any config may sit in a shared folder: one named by `--config`,
/// `--results` or `VIGIL_RESULTS`, and `./vigil.ron` too when Vigil is started in a shared folder; a slow folder
/// never holds up the first frame.
fn read_config(
    options: &RunOptions,
    env: &Environment,
) -> (
    mpsc::Receiver<Result<Located, String>>,
    mpsc::Receiver<Vec<PathBuf>>,
) {
    let (to_app, config) = mpsc::channel();
    let (to_bank, folders) = mpsc::channel();
    let (overrides, env, given) = (
        options.overrides.clone(),
        env.clone(),
        options.quiz_folders.clone(),
    );
    std::thread::spawn(move || {
        let located = locate(&overrides, &env).map_err(|e| e.to_string());
        let _ = to_bank.send(
            located
                .as_ref()
                .map_or_else(|_| given.clone(), |l| l.quiz_folders(&given)),
        );
        let _ = to_app.send(located);
    });
    (config, folders)
}

/// Runs the trainee app; returns the exit code (2 when there is no terminal).
pub fn run(options: RunOptions) -> anyhow::Result<i32> {
    let env = Environment::from_process();
    let (config, folders) = read_config(&options, &env);
    let services = RoomServices::new(options.overrides.clone(), env, !options.no_save);
    let given = options.quiz_folders.clone();
    let folders = move || folders.recv().unwrap_or(given);
    let (sender, receiver) = mpsc::channel();
    let mut bank_folders = None;
    // A quiz asked for by name may be in a folder the config names: the config comes first, and its error is
    // the error. Otherwise the config is waited for a moment: one read in time (on this computer, or on a working
    // share) shows on the first frame, and its error ends Vigil before the terminal is taken over.
    let read_first = match &options.target {
        Some(_) => Some(
            config
                .recv()
                .unwrap_or_else(|_| Err(Lang::En.store().config_unread.to_owned())),
        ),
        None => config.recv_timeout(CONFIG_WAIT).ok(),
    };
    if let Some(Err(error)) = read_first {
        anyhow::bail!(error);
    }
    let only_quiz = match &options.target {
        Some(target) if Path::new(target).is_file() => {
            let file = quiz_file(Path::new(target))?;
            let id = file.quiz.id.clone();
            let mut bank = Bank::load(&folders());
            bank.quizzes.retain(|q| q.quiz.id != file.quiz.id);
            bank.quizzes.push(file);
            let _ = sender.send((offers(bank.quizzes), bank.taxonomy));
            Some(id)
        }
        Some(id) => {
            let bank = Bank::load(&folders());
            if !bank.quizzes.iter().any(|q| &q.quiz.id == id) {
                anyhow::bail!(
                    "there is no quiz `{id}`; `vigil list` shows the quizzes (or give the path of a quiz file)"
                );
            }
            let _ = sender.send((offers(bank.quizzes), bank.taxonomy));
            Some(id.clone())
        }
        None => {
            bank_folders = Some(folders);
            None
        }
    };
    let ascii = options.ascii
        || crate::tui::symbols::wants_ascii(|name| std::env::var(name).ok(), cfg!(windows));
    let theme = Theme::new(options.theme, no_color()).with_ascii(ascii);
    in_terminal(|terminal| {
        // A config on a slow shared folder that came in while the terminal was set up is on the first frame too.
        let first = read_first.or_else(|| config.try_recv().ok());
        let (mut app, mut services) = start(first, config, services, &options)?;
        app.only_quiz = only_quiz;
        draw_sign_in(terminal, &mut app, &theme)?;
        let mut delivery = BankDelivery {
            receiver,
            start: None,
        };
        if let Some(folders) = bank_folders {
            let (start, started) = mpsc::channel();
            delivery.start = Some(start);
            std::thread::spawn(move || {
                if started.recv().is_ok() {
                    let bank = Bank::load(&folders());
                    let _ = sender.send((offers(bank.quizzes), bank.taxonomy));
                }
            });
        }
        run_in(terminal, &mut app, &theme, &mut services, delivery)
    })
}

/// The app as the first frame shows it: with the config when it was read in time (`first`), else waiting for it
/// to arrive through `config` (the loop takes it in later); an unreadable config read in time is the error. Whether
/// answers can be recorded (the results folder, perhaps on a share) is looked at only after the first frame.
fn start(
    first: Option<Result<Located, String>>,
    config: mpsc::Receiver<Result<Located, String>>,
    services: RoomServices,
    options: &RunOptions,
) -> anyhow::Result<(App, RoomServices)> {
    let recording = !options.no_save;
    let (mut app, services) = match first {
        Some(Err(error)) => anyhow::bail!(error),
        Some(Ok(located)) => {
            let app = App::new(
                located.language(options.lang),
                room_of(&located, recording),
                Vec::new(),
                Default::default(),
                options.seed,
            );
            let config = StartupConfig::Read(Box::new(located));
            (app, services.starting_with(config, options.lang))
        }
        None => {
            let lang = language_without_config(options.lang);
            let mut app = App::new(
                lang,
                awaiting_room(recording),
                Vec::new(),
                Default::default(),
                options.seed,
            );
            app.awaiting_config = Some(lang);
            let config = StartupConfig::Reading(config);
            (app, services.starting_with(config, options.lang))
        }
    };
    app.feedback_override = options.feedback;
    Ok((app, services))
}

/// Draws the first frame, the sign-in screen, before the bank is parsed, so that parsing never competes with
/// it for the processor.
fn draw_sign_in(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    theme: &Theme,
) -> anyhow::Result<()> {
    let size = terminal.size().context("the terminal stopped working")?;
    app.size = (size.width, size.height);
    terminal
        .draw(|frame| render(app, theme, frame))
        .context("the terminal stopped working")?;
    Ok(())
}

fn run_in(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    theme: &Theme,
    services: &mut RoomServices,
    bank: BankDelivery,
) -> anyhow::Result<i32> {
    let clock = SystemClock::default();
    run_loop(
        terminal,
        app,
        theme,
        &mut TerminalEvents,
        services,
        &clock,
        Some(bank),
    )
    .context("the terminal stopped working")?;
    Ok(0)
}
