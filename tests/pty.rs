//! End-to-end: the real `vigil` binary in a pseudo-terminal, read through a terminal emulator, with deadlines
//! instead of sleeps. The tests run one at a time.

#![cfg(unix)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use vigil::i18n::Lang;
use vigil::record::Status;
use vigil::record::scan::{Entry, scan};

/// Generous: the machine may be busy building other tests.
const DEADLINE: Duration = Duration::from_secs(30);

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn serial() -> MutexGuard<'static, ()> {
    ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The app running in a pseudo-terminal, its output parsed on a thread as it arrives.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Set once the app's output has been read to its end.
    output_ended: Arc<AtomicBool>,
}

impl Session {
    /// `vigil run` on the example quiz in English, with `args` added.
    fn start(results: &Path, args: &[&str]) -> Session {
        let mut all = vec![
            "run",
            "docs/examples/every-kind.ron",
            "--lang",
            "en",
            "--seed",
            "1",
        ];
        all.extend_from_slice(args);
        Session::start_with(results, &all)
    }

    /// `vigil` with `args`, recording into `results` (made by [`results_folder`]), in an 80x24 terminal, on the
    /// test's own workstation: its per-user data folder (spool, earlier writers) is beside `results`, never the
    /// real one, so that tests running at once (in this process or another) never deliver each other's records.
    fn start_with(results: &Path, args: &[&str]) -> Session {
        let home = results.with_file_name("home");
        Session::start_on(results, args, &home)
    }

    /// As [`Session::start`], on a workstation of its own: its per-user data folder (spool, earlier writers) is
    /// under `home`.
    fn start_at(results: &Path, home: &Path) -> Session {
        let args = [
            "run",
            "docs/examples/every-kind.ron",
            "--lang",
            "en",
            "--seed",
            "1",
        ];
        Session::start_on(results, &args, home)
    }

    fn start_on(results: &Path, args: &[&str], home: &Path) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_vigil"));
        command.args(args);
        command.args(["--results", results.to_str().unwrap()]);
        command.cwd(env!("CARGO_MANIFEST_DIR"));
        command.env("TERM", "xterm-256color");
        command.env("NO_COLOR", "1");
        command.env("LANG", "C.UTF-8");
        command.env_remove("LC_ALL");
        command.env_remove("LC_CTYPE");
        command.env_remove("LC_MESSAGES");
        command.env_remove("VIGIL_RESULTS");
        command.env("HOME", home);
        command.env("XDG_DATA_HOME", home.join("data"));
        command.env("XDG_CONFIG_HOME", home.join("config"));
        let child = pty.slave.spawn_command(command).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
        let parser = Arc::clone(&screen);
        let output_ended = Arc::new(AtomicBool::new(false));
        let ended = Arc::clone(&output_ended);
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                parser.lock().unwrap().process(&buffer[..n]);
            }
            ended.store(true, Ordering::SeqCst);
        });
        Session {
            child,
            master: pty.master,
            writer,
            screen,
            output_ended,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`, failing with the screen after the deadline.
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "waited {DEADLINE:?} for {text:?}; the screen shows:\n{}",
            self.contents()
        );
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Types `keys` once the screen has settled (so what was waited for before is a whole frame, not the
    /// first rows of one), then waits for `text`.
    fn press(&mut self, keys: &str, text: &str) {
        self.settle();
        self.send(keys);
        self.wait_for(text);
    }

    fn resize(&self, rows: u16, cols: u16) {
        self.screen
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    /// Waits until the app has exited and everything it wrote has reached the screen.
    fn wait_exit(&mut self) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if self.child.try_wait().unwrap().is_some() {
                self.wait_for_end_of_output(start);
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("vigil did not exit; the screen shows:\n{}", self.contents());
    }

    fn wait_for_end_of_output(&self, start: Instant) {
        while start.elapsed() < DEADLINE {
            if self.output_ended.load(Ordering::SeqCst) {
                return;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        panic!("the app's output did not end after it exited");
    }

    /// The most memory the app has held resident so far, in KiB (Linux only: read from `/proc`).
    fn peak_resident_kib(&self) -> Option<u64> {
        let pid = self.child.process_id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmHWM:"))
            .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
    }

    fn kill_hard(&mut self) {
        let pid = self.child.process_id().unwrap().to_string();
        let status = std::process::Command::new("kill")
            .args(["-9", &pid])
            .status()
            .unwrap();
        assert!(status.success());
        self.wait_exit();
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

const ENTER: &str = "\r";

/// Signs in; `vigil run` on one quiz opens it at once.
fn sign_in(session: &mut Session) {
    session.wait_for("Your name");
    session.press("Aibek", "[Aibek");
    session.press(ENTER, "Select all that apply");
}

/// Answers questions `from..6` of the example quiz (in its authored order), each followed by its feedback.
fn answer_from(session: &mut Session, from: usize) {
    let steps: [(&str, &str); 6] = [
        (" \r", "Enter next"),
        ("1\r", "Enter next"),
        ("1\r", "Enter next"),
        ("  \r", "Enter next"),
        ("1\x1b[B1\x1b[B1\r", "Enter next"),
        ("1\r", "Aibek agrees"),
    ];
    let next = [
        "Aibek says he came",
        "crossed a border",
        "Put the first steps",
        "Match each task",
        "Decide what you do",
        "Results",
    ];
    for index in from..6 {
        let (keys, shown) = steps[index];
        session.press(keys, shown);
        if index == 5 {
            session.press("1\r", "Enter next");
        }
        session.press(ENTER, next[index]);
    }
}

fn records(results: &Path) -> Vec<vigil::record::AttemptRecord> {
    scan(&[results.to_path_buf()], None, None)
        .filter_map(|entry| match entry {
            Entry::Record(loaded) => Some(loaded.record),
            _ => None,
        })
        .collect()
}

/// A results folder of its own, with a home folder beside it for the apps that record into it.
fn results_folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("results");
    std::fs::create_dir(&path).unwrap();
    std::fs::create_dir(dir.path().join("home")).unwrap();
    (dir, path)
}

#[test]
fn a_whole_quiz_of_every_kind_to_results_and_out_with_the_terminal_restored() {
    let _serial = serial();
    let (_dir, results) = results_folder();
    let mut session = Session::start(&results, &[]);
    sign_in(&mut session);
    answer_from(&mut session, 0);
    session.wait_for("of 9 points");
    // Product target: at most 30 MB resident during an attempt (this is the unoptimised build).
    if cfg!(target_os = "linux") {
        let peak = session.peak_resident_kib().expect("the peak resident size");
        assert!(peak <= 30 * 1024, "peak resident memory {peak} KiB");
    }
    session.press("\x1b", "Leave Vigil?");
    session.send("y");
    session.press("\x1b[C", "[› Leave ‹]");
    session.send(ENTER);
    session.wait_exit();
    let screen = session.screen.lock().unwrap();
    assert!(
        !screen.screen().alternate_screen(),
        "left the alternate screen"
    );
    assert!(
        !screen.screen().hide_cursor(),
        "the cursor is visible again"
    );
    drop(screen);
    let saved = records(&results);
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].status, Status::Completed);
    assert_eq!(saved[0].answered(), 6);
}

#[test]
fn resizing_to_a_tiny_window_and_back_keeps_the_question() {
    let _serial = serial();
    let (_dir, results) = results_folder();
    let mut session = Session::start(&results, &["--no-save"]);
    sign_in(&mut session);
    session.resize(5, 10);
    session.wait_for("Please");
    session.resize(24, 80);
    session.wait_for("Select all that apply");
    session.press(" ", "[x]");
    session.press("\x03", "");
    session.wait_exit();
}

#[test]
fn a_workstation_killed_mid_attempt_resumes_without_losing_an_answer() {
    let _serial = serial();
    let (_dir, results) = results_folder();
    let mut first = Session::start(&results, &[]);
    sign_in(&mut first);
    first.press(" \r", "Enter next");
    first.press(ENTER, "Aibek says he came");
    first.press("1\r", "Enter next");
    first.kill_hard();
    let before = records(&results);
    assert_eq!(before.len(), 1);
    assert_eq!(before[0].status, Status::InProgress);
    assert_eq!(
        before[0].answered(),
        2,
        "both answers were on disk before the kill"
    );

    let mut second = Session::start(&results, &[]);
    second.wait_for("Your name");
    second.press("Aibek", "[Aibek");
    second.press(ENTER, "Enter next");
    assert!(
        second.contents().contains("2/6"),
        "signing in again continues the attempt where it stopped:\n{}",
        second.contents()
    );
    second.press(ENTER, "crossed a border");
    answer_from(&mut second, 2);
    second.press("\x03", "");
    second.wait_exit();
    let after = records(&results);
    assert_eq!(after.len(), 1, "the same attempt, resumed");
    assert_eq!(after[0].status, Status::Completed);
    assert_eq!(after[0].answered(), 6);
    assert_eq!(after[0].questions[0].answer, before[0].questions[0].answer);
    assert_eq!(after[0].questions[1].answer, before[0].questions[1].answer);
}

/// Two workstations, two real processes, one name on one results folder: the second is offered a separate
/// attempt first; a third takes the second's attempt over, and the second, displaced, stops saving there and tells
/// its trainee; no answer saved by another is lost.
#[test]
fn two_workstations_with_one_name_never_write_over_each_other() {
    let _serial = serial();
    let (_dir, results) = results_folder();
    let homes = tempfile::tempdir().unwrap();
    let home = |name: &str| {
        let path = homes.path().join(name);
        std::fs::create_dir_all(&path).unwrap();
        path
    };
    let mut a = Session::start_at(&results, &home("a"));
    sign_in(&mut a);
    a.press(" \r", "Enter next");
    a.press(ENTER, "Aibek says he came");

    let mut b = Session::start_at(&results, &home("b"));
    sign_in_to_an_open_attempt(&mut b);
    assert!(
        b.contents().contains("[› Start a separate attempt ‹]"),
        "a separate attempt is the default:\n{}",
        b.contents()
    );
    b.press(ENTER, "Select all that apply");
    a.press("1\r", "Enter next");
    b.press(" \r", "Enter next");
    b.press(ENTER, "Aibek says he came");
    let both = records(&results);
    assert_eq!(both.len(), 2, "two attempts, one per workstation");
    assert!(both.iter().all(|r| r.status == Status::InProgress));
    let mut answered: Vec<usize> = both.iter().map(|r| r.answered()).collect();
    answered.sort_unstable();
    assert_eq!(answered, [1, 2]);
    let b_attempt = both
        .iter()
        .find(|r| r.answered() == 1)
        .unwrap()
        .attempt
        .clone();
    // C continues the latest unfinished attempt of the name: B's.

    let mut c = Session::start_at(&results, &home("c"));
    sign_in_to_an_open_attempt(&mut c);
    c.press("\x1b[C", "[› Take over ‹]");
    c.press(ENTER, "Partly correct");
    b.press("1\r", "another computer");
    assert!(
        b.contents().contains("Tell the trainer"),
        "the displaced screen tells its trainee as soon as the attempt was taken over:\n{}",
        b.contents()
    );
    c.press(ENTER, "Aibek says he came");
    c.press("1\r", "Enter next");
    let after = records(&results);
    assert_eq!(after.len(), 2);
    let taken = after.iter().find(|r| r.attempt == b_attempt).unwrap();
    assert_eq!(taken.answered(), 2, "B's first answer and C's second");
    let a_record = after.iter().find(|r| r.attempt != b_attempt).unwrap();
    assert_eq!(a_record.answered(), 2, "A's answers are untouched");
    let kept = homes.path().join("b/data/vigil/spool");
    let kept_files = walk(&kept);
    assert_eq!(
        kept_files.len(),
        1,
        "B's displaced answers stay on B's computer"
    );
    for session in [&mut a, &mut b, &mut c] {
        session.send("\x03");
        session.wait_exit();
    }
    let presence = results.join("_").join(".presence");
    let left: Vec<_> = std::fs::read_dir(&presence)
        .map(|entries| entries.flatten().collect())
        .unwrap_or_default();
    assert!(
        left.is_empty(),
        "every app removed its presence file on leaving"
    );
    let report = std::process::Command::new(env!("CARGO_BIN_EXE_vigil"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["report", "--format", "json", "--results"])
        .arg(&results)
        .env("HOME", homes.path())
        .env_remove("VIGIL_RESULTS")
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    assert_eq!(json["in_progress"], 2, "the report shows both attempts");
}

/// Signs in as Aibek where Aibek's unfinished attempt is open on another screen, up to the question that says so.
fn sign_in_to_an_open_attempt(session: &mut Session) {
    session.wait_for("Your name");
    session.press("Aibek", "[Aibek");
    session.press(ENTER, "This attempt is open on another screen");
}

/// Every file under `folder`, at any depth.
fn walk(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// What a key printed in the footer or the help window sends, as a trainee on `layout` types it: letters and
/// digits come as the Russian or Kazakh layout types them on the same keys.
fn keystrokes(lang: Lang, key: &str, layout: Layout) -> String {
    let keys = &lang.strings().keys;
    match key {
        "↑↓" => "\x1b[B".into(),
        "←→" => "\x1b[C".into(),
        "Enter" => ENTER.into(),
        "Esc" => "\x1b".into(),
        "Tab" => "\t".into(),
        "F1" => "\x1bOP".into(),
        "PgUp/PgDn" => "\x1b[6~".into(),
        "n/p" => layout.types('n').to_string(),
        k if k == keys.space => " ".into(),
        k if k.chars().count() == 1 => k.chars().map(|c| layout.types(c)).collect(),
        other => panic!("a key the footer should not print: {other:?}"),
    }
}

/// A keyboard layout.
#[derive(Debug, Clone, Copy)]
enum Layout {
    Us,
    Russian,
    Kazakh,
}

impl Layout {
    /// What this layout types on the US key `c`.
    fn types(self, c: char) -> char {
        const US: &str = "qwertyuiopasdfghjklzxcvbnm?";
        const RU: &str = "йцукенгшщзфывапролдячсмить?";
        match self {
            Layout::Us => c,
            Layout::Russian | Layout::Kazakh => US
                .chars()
                .position(|u| u == c)
                .and_then(|at| RU.chars().nth(at))
                .unwrap_or(c),
        }
    }
}

impl Session {
    /// The key printed beside `label` in the footer or, when the footer does not show it, in the help window;
    /// fails the test when neither shows it.
    fn key_for(&mut self, lang: Lang, label: &str, layout: Layout) -> String {
        self.settle();
        if let Some(key) = key_beside(&self.contents(), label) {
            return key;
        }
        let keys = &lang.strings().keys;
        let help = key_beside(&self.contents(), keys.all_keys)
            .or_else(|| key_beside(&self.contents(), keys.help))
            .unwrap_or_else(|| {
                panic!(
                    "neither {label:?} nor help is on screen:\n{}",
                    self.contents()
                )
            });
        self.send(&keystrokes(lang, &help, layout));
        self.wait_for(lang.strings().help);
        self.settle();
        let key = key_beside(&self.contents(), label)
            .unwrap_or_else(|| panic!("{label:?} is not in the help:\n{}", self.contents()));
        self.send("\x1b");
        self.wait_gone(lang.strings().help);
        key
    }

    /// Presses the key of `label`.
    fn act(&mut self, lang: Lang, label: &str, layout: Layout) {
        let key = self.key_for(lang, label, layout);
        self.send(&keystrokes(lang, &key, layout));
    }

    /// Waits until the screen stops changing (the same contents twice, 40 ms apart), so a frame is never read
    /// half drawn.
    fn settle(&self) {
        let start = Instant::now();
        let mut last = self.contents();
        while start.elapsed() < DEADLINE {
            std::thread::sleep(Duration::from_millis(40));
            let now = self.contents();
            if now == last {
                return;
            }
            last = now;
        }
        panic!("the screen never settled:\n{last}");
    }

    fn wait_gone(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if !self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("{text:?} stayed on screen:\n{}", self.contents());
    }
}

/// The key printed before `label` in an entry "KEY LABEL" of the screen (entries are set apart by two spaces).
fn key_beside(screen: &str, label: &str) -> Option<String> {
    screen.lines().find_map(|line| {
        line.trim_matches(|c| c == '│' || c == ' ')
            .split("  ")
            .find_map(|entry| {
                let key = entry.trim().strip_suffix(label)?.trim_end();
                (!key.is_empty() && entry.trim().len() > label.len()).then(|| key.to_owned())
            })
    })
}

/// A trainee who knows only what the screen shows takes the 20-question pre-test in deferred mode to a
/// submitted, counted record: every key is found by its label on the screen.
fn take_the_pre_test(lang: Lang, layout: Layout, name: &str) {
    let _serial = serial();
    let (_dir, results) = results_folder();
    let mut session = Session::start_with(
        &results,
        &[
            "run",
            "assessment-pre",
            "--feedback",
            "deferred",
            "--seed",
            "5",
            "--lang",
            lang.code(),
        ],
    );
    let s = lang.strings();
    let k = &s.keys;
    session.wait_for(s.your_name);
    session.send(name);
    session.wait_for(name);
    session.act(lang, k.continue_, layout);
    session.wait_for("1/20");
    for question in 1..=20 {
        session.settle();
        let screen = session.contents();
        if key_beside(&screen, k.tick).is_some() {
            session.act(lang, k.tick, layout);
        } else if key_beside(&screen, k.pick_up).is_some() {
            session.act(lang, k.pick_up, layout);
            session.act(lang, k.pick_up, layout);
        } else if key_beside(&screen, k.partner).is_some() {
            for _ in 0..6 {
                session.act(lang, k.partner, layout);
                session.act(lang, k.move_, layout);
            }
        } else {
            session.act(lang, k.move_, layout);
        }
        session.act(lang, k.answer, layout);
        if question < 20 {
            session.wait_for(&format!("{}/20", question + 1));
        }
    }
    session.wait_for(s.back_submit[1]);
    session.act(lang, k.choose_value, layout);
    session.wait_for(&format!("[› {} ‹]", s.back_submit[1]));
    session.act(lang, k.confirm, layout);
    session.wait_for(s.results);
    session.act(lang, k.leave, layout);
    session.wait_for(s.quit_confirm);
    session.act(lang, k.choose_value, layout);
    session.wait_for(&format!("[› {} ‹]", s.stay_leave[1]));
    session.act(lang, k.confirm, layout);
    session.wait_exit();
    let saved = records(&results);
    let summary: Vec<_> = saved
        .iter()
        .map(|r| (r.attempt.to_string(), r.status, r.answered(), r.started))
        .collect();
    assert_eq!(saved.len(), 1, "{lang:?}: {summary:?}");
    assert_eq!(saved[0].status, Status::Completed);
    assert_eq!(saved[0].answered(), 20, "{lang:?}: every question answered");
    assert_eq!(saved[0].participant.name, name);
}

#[test]
fn the_pre_test_by_labels_in_english_on_a_us_keyboard() {
    take_the_pre_test(Lang::En, Layout::Us, "Aibek");
}

#[test]
fn the_pre_test_by_labels_in_russian_on_a_russian_keyboard() {
    take_the_pre_test(Lang::Ru, Layout::Russian, "Айгерим");
}

#[test]
fn the_pre_test_by_labels_in_kazakh_on_a_kazakh_keyboard() {
    take_the_pre_test(Lang::Kk, Layout::Kazakh, "Әсем");
}
