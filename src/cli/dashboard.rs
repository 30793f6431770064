//! `vigil dashboard`: the report full-screen, refreshed from the results folder every few seconds.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::corrections::{CorrectionsFile, applier};
use crate::config::{Group, RosterEntry};
use crate::console::Console;
use crate::i18n::Lang;
use crate::quiz::check::read_file;
use crate::quiz::{Bank, CheckedQuiz};
use crate::record::conflict::settle;
use crate::record::presence;
use crate::record::scan::{list_folders, load};
use crate::record::seal::{Outcome, PinnedKey, SealSurvey, seal_files};
use crate::record::store::safe_segment;
use crate::record::view;
use crate::record::{AttemptRecord, IntegrityKey};
use crate::report::corrections::Corrections;
use crate::report::corrections::apply::Applier;
use crate::report::known::check_sessions;
use crate::report::reduce::{Contribution, Reducer};
use crate::report::stats::Thresholds;
use crate::report::{AttemptChoice, Filter, analyse, sealed};
use crate::text::printable_line;
use crate::tui::dashboard::cache::{FileCache, Stamp};
use crate::tui::dashboard::live::{self, LiveRow, Saved};
use crate::tui::dashboard::presences::PresenceCache;
use crate::tui::dashboard::signs::Signs;
use crate::tui::dashboard::{Changed, Dashboard, DashboardSource, Figures, run_dashboard};
use crate::tui::run::{Clock, SystemClock, TerminalEvents};
use crate::tui::terminal::{in_terminal, no_color};
use crate::tui::theme::{Theme, ThemeName};

/// What `vigil dashboard` shows.
#[derive(Debug, Clone)]
pub struct DashboardOptions {
    /// Results folders.
    pub folders: Vec<PathBuf>,
    /// Only these sessions (empty: all).
    pub sessions: Vec<String>,
    /// Extra quiz folders.
    pub quiz_folders: Vec<PathBuf>,
    /// The language.
    pub lang: Lang,
    /// Group labels.
    pub groups: Vec<Group>,
    /// The look.
    pub theme: ThemeName,
    /// The trainer's session and roster: the roster names that session's participants by code.
    pub roster: Option<(String, Vec<RosterEntry>)>,
    /// The trainer's corrections file, when there is one to read.
    pub corrections: Option<CorrectionsFile>,
    /// The public key pinned on this machine, which checks the trainer's seals.
    pub public_key: Option<PinnedKey>,
}

/// What the dashboard keeps of one record file: its session, what the live panel shows of it and what it adds to
/// the figures.
type Kept = (String, Option<Saved>, Contribution);

/// Reads the results folders and the presence files at every refresh, again only the files that are new or
/// changed.
pub struct FolderSource {
    folders: Vec<PathBuf>,
    filter: Filter,
    quizzes: Vec<CheckedQuiz>,
    key: Option<IntegrityKey>,
    cache: FileCache<Kept>,
    /// The session the cache holds the figures of, once loaded.
    cached: Option<Option<String>>,
    /// The live panel's records, as of the last reading of the figures.
    saved: Vec<Saved>,
    presences: PresenceCache,
    signs: Signs,
    /// The dashboard's own clock, by which signs of life are timed.
    clock: Box<dyn Clock>,
    /// The live rows last given out.
    live: Vec<LiveRow>,
    /// Quiz titles by id, for trainees who have no record yet.
    titles: std::collections::HashMap<String, String>,
    /// The trainer's session and roster.
    roster: Option<(String, Vec<RosterEntry>)>,
    /// The trainer's corrections (none when there are none).
    corrections: Applier,
    /// The key that checks the trainer's seals.
    pinned: Option<PinnedKey>,
    /// Each seal file of the folders shown, with its stamp as last read (`None`: there was none).
    seal_stamps: Vec<(PathBuf, Option<Stamp>)>,
    /// Those seals read and their signatures checked, until a seal file or the session shown changes.
    survey: Option<SealSurvey>,
}

impl FolderSource {
    /// A source over `folders`, counting what `filter` admits.
    pub fn new(
        folders: Vec<PathBuf>,
        filter: Filter,
        quizzes: Vec<CheckedQuiz>,
        key: Option<IntegrityKey>,
    ) -> Self {
        let titles = quizzes
            .iter()
            .rev()
            .map(|checked| (checked.quiz.id.clone(), checked.quiz.title.clone()))
            .collect();
        Self {
            titles,
            folders,
            filter,
            quizzes,
            key,
            cache: FileCache::default(),
            cached: None,
            saved: Vec::new(),
            presences: PresenceCache::default(),
            signs: Signs::default(),
            clock: Box::new(SystemClock::default()),
            live: Vec::new(),
            roster: None,
            corrections: Applier::new(Corrections::new()),
            pinned: None,
            seal_stamps: Vec::new(),
            survey: None,
        }
    }

    /// The same source checking the trainer's seals with `pinned`: the records a seal shows as edited or added
    /// after sealing are left out of the figures, as the reports leave them out.
    pub fn with_pinned_key(mut self, pinned: Option<PinnedKey>) -> Self {
        self.pinned = pinned;
        self
    }

    /// The same source naming the participants of the trainer's `session` from `roster` (by code, and giving
    /// records signed in by a roster name the roster's code).
    pub fn with_roster(mut self, session: String, roster: Vec<RosterEntry>) -> Self {
        self.roster = Some((session, roster));
        self
    }

    /// The same source applying the trainer's `corrections` (merged identities, voided attempts).
    pub fn with_corrections(mut self, corrections: Applier) -> Self {
        self.corrections = corrections;
        self
    }

    /// The same source timing signs of life by `clock` instead of the system's.
    pub fn with_clock(mut self, clock: Box<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// The filter of `session`'s figures (or of every session's).
    fn filter_of(&self, session: Option<&str>) -> Filter {
        match session {
            Some(session) => Filter {
                sessions: vec![session.to_owned()],
                ..self.filter.clone()
            },
            None => self.filter.clone(),
        }
    }

    /// Brings the cache up to date for `session`, reading only the files that are new or changed (all of them
    /// when another session was shown before); says whether anything changed.
    fn read_changes(&mut self, session: Option<&str>) -> bool {
        let same_session = self.cached.as_ref().map(Option::as_deref) == Some(session);
        if !same_session {
            self.cache = FileCache::default();
            self.cached = Some(session.map(str::to_owned));
        }
        let filter = self.filter_of(session);
        let reducer = reducer(
            &self.quizzes,
            &self.corrections,
            self.roster.as_ref(),
            &filter,
        );
        let key = self.key.as_ref();
        let read = |path: &Path, bytes: &[u8]| {
            view::with_record(path, bytes, key, |record, integrity| {
                let shown = filter.admits_session(&record.session);
                (
                    record.session.to_string(),
                    shown.then(|| Saved::of(record)).flatten(),
                    reducer.reduce(path, record, integrity),
                )
            })
        };
        let changed = self
            .cache
            .refresh(list_folders(&self.folders, None), &Stamp::of, &read);
        let seal_stamps: Vec<(PathBuf, Option<Stamp>)> =
            seal_files(&self.folders, &filter.sessions)
                .into_iter()
                .map(|file| {
                    let stamp = Stamp::of(&file);
                    (file, stamp)
                })
                .collect();
        let sealed_again = seal_stamps != self.seal_stamps;
        self.seal_stamps = seal_stamps;
        if sealed_again || !same_session {
            self.survey = None;
        }
        changed || sealed_again || !same_session
    }

    /// The figures of `session` from what became of every file.
    fn figures(&mut self, session: Option<&str>) -> Figures {
        let filter = self.filter_of(session);
        let reducer = reducer(
            &self.quizzes,
            &self.corrections,
            self.roster.as_ref(),
            &filter,
        );
        // A folder not sealed yet is what a session in progress looks like: nothing to say of it here.
        let survey = self.survey.get_or_insert_with(|| {
            SealSurvey::start(&self.folders, &filter.sessions, self.pinned.as_ref())
        });
        let mut seal = survey.finish(self.cache.hashes());
        seal.sessions
            .retain(|check| check.outcome != Outcome::Missing);
        let set_aside = sealed::set_aside(&seal);
        let mut found = BTreeSet::new();
        let mut saved = Vec::new();
        let contributions = settle(self.cache.outcomes())
            .into_iter()
            .map(|entry| {
                entry.map(|(path, (session, row, contribution))| {
                    found.insert(session);
                    saved.extend(row);
                    (path, contribution)
                })
            })
            .map(|entry| sealed::leave_out(entry, &set_aside));
        let data = reducer.gather(contributions, AttemptChoice::First);
        let report = analyse(data, Thresholds::default());
        self.saved = saved;
        self.read_live(session);
        Figures {
            report,
            live: self.live.clone(),
            sessions: found.into_iter().collect(),
            seal,
        }
    }

    /// The session folders whose presence files the live panel of `session` (or of every session) reads.
    fn session_folders(&self, session: Option<&str>) -> Vec<PathBuf> {
        let named: Vec<&str> = match session {
            Some(session) => vec![session],
            None => self.filter.sessions.iter().map(String::as_str).collect(),
        };
        let mut folders = Vec::new();
        for results in &self.folders {
            if named.is_empty() {
                let entries = std::fs::read_dir(results).into_iter().flatten().flatten();
                folders.extend(
                    entries
                        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_dir()))
                        .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
                        .map(|entry| entry.path()),
                );
            } else {
                folders.extend(named.iter().map(|name| results.join(safe_segment(name))));
            }
        }
        folders
    }

    /// Makes the live panel of `session` as it is now: the records as last read, with the presence files read
    /// again.
    fn read_live(&mut self, session: Option<&str>) {
        let folders = self.session_folders(session);
        let presences = self
            .presences
            .refresh(&folders, &Stamp::of, &presence::read);
        let now_ms = self.clock.now().mono_ms;
        let mut live = live::rows(
            &self.saved,
            &presences,
            &mut self.signs,
            now_ms,
            &self.titles,
        );
        if let Some((_, roster)) = &self.roster {
            live::name_from_roster(&mut live, roster);
        }
        self.live = live;
    }
}

/// A reducer of what `filter` admits over `quizzes`, with the trainer's `corrections` and `roster`.
fn reducer<'s>(
    quizzes: &'s [CheckedQuiz],
    corrections: &'s Applier,
    roster: Option<&'s (String, Vec<RosterEntry>)>,
    filter: &'s Filter,
) -> Reducer<'s> {
    let reducer = Reducer::new(quizzes, filter, false).with_corrections(corrections);
    match roster {
        Some((session, roster)) => reducer.with_roster(session, roster),
        None => reducer,
    }
}

impl DashboardSource for FolderSource {
    fn load(&mut self, session: Option<&str>) -> Figures {
        self.read_changes(session);
        self.figures(session)
    }

    fn refresh(&mut self, session: Option<&str>) -> Option<Changed> {
        if self.read_changes(session) {
            return Some(Changed::Figures(Box::new(self.figures(session))));
        }
        let before = std::mem::take(&mut self.live);
        self.read_live(session);
        (self.live != before).then(|| Changed::Live(self.live.clone()))
    }

    fn open(&mut self, path: &Path) -> Option<AttemptRecord> {
        let bytes = read_file(path).ok()?;
        load(path, &bytes, self.key.as_ref())
            .ok()
            .map(|loaded| loaded.record)
    }
}

/// Runs the dashboard; returns the exit code: 2 without a terminal, or (with the reason on standard error) when
/// a `--session` is not one of the sessions in the results folders.
pub fn run(options: DashboardOptions, key: Option<IntegrityKey>) -> anyhow::Result<i32> {
    let bank = Bank::load(&options.quiz_folders);
    let filter = Filter {
        sessions: options.sessions.clone(),
        ..Filter::default()
    };
    let Some(corrections) = applier(
        "dashboard",
        options.corrections.as_ref(),
        &options.folders,
        &[],
        options.lang,
        &mut Console::stderr(),
    )?
    else {
        return Ok(2);
    };
    let mut source = FolderSource::new(options.folders.clone(), filter, bank.quizzes, key)
        .with_corrections(corrections)
        .with_pinned_key(options.public_key);
    if let Some((session, roster)) = options.roster.clone() {
        source = source.with_roster(session, roster);
    }
    let figures = source.load(None);
    let found: BTreeSet<String> = figures.sessions.iter().cloned().collect();
    if let Err(unknown) = check_sessions(&options.sessions, &found) {
        writeln!(
            Console::stderr(),
            "vigil dashboard: {}",
            printable_line(&unknown.words(options.lang))
        )?;
        return Ok(2);
    }
    in_terminal(|terminal| {
        let mut dashboard = Dashboard::of(options.lang, figures, bank.taxonomy, options.groups);
        let theme = Theme::new(options.theme, no_color());
        run_dashboard(
            terminal,
            &mut dashboard,
            &theme,
            &mut TerminalEvents,
            &mut source,
        )?;
        Ok(0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record in the compact form: attempt `n` of a two-question quiz, with `right` questions right.
    fn record(n: u8, status: &str, right: usize) -> String {
        let questions: Vec<String> = (0..2)
            .map(|q| {
                let points = if q < right { 1.0 } else { 0.0 };
                format!("(\"q{q}\",\"single\",[\"a\",\"b\"],[],chosen([\"a\"]),{points:?},1.0,1000,false)")
            })
            .collect();
        format!(
            "(format:1,attempt:\"0190c0de-0000-7000-8000-0000000000{n:02x}\",participant:(name:\"P{n}\",\
             group:\"police\"),session:\"s\",phase:pre,quiz:(id:\"q\",language:\"en\",version:1,\
             content_hash:\"blake3:00\",title:\"Q\"),feedback:deferred,started:\"2010-04-29T09:00:0{n}Z\",\
             updated:\"2010-04-29T09:00:0{n}Z\",status:{status},current:0,questions:[{}],\
             total:(points:{:?},max_points:2.0))\n",
            questions.join(","),
            right as f64
        )
    }

    /// A results folder with an empty session folder `s`.
    fn session_folder() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s");
        std::fs::create_dir_all(&session).unwrap();
        (dir, session)
    }

    fn source(results: &Path) -> FolderSource {
        FolderSource::new(
            vec![results.to_path_buf()],
            Filter::default(),
            Vec::new(),
            None,
        )
    }

    /// The figures a refresh gave, when it found the records changed.
    fn figures(changed: Option<Changed>) -> Figures {
        match changed {
            Some(Changed::Figures(figures)) => *figures,
            other => panic!("expected new figures, got {other:?}"),
        }
    }

    /// The figures as a trainer sees them, comparable (live rows without the dashboard's clock readings).
    fn shown(figures: &Figures) -> String {
        let Figures {
            report,
            live,
            sessions,
            seal,
        } = figures;
        let live: Vec<LiveRow> = live
            .iter()
            .map(|row| LiveRow {
                changed_ms: 0,
                ..row.clone()
            })
            .collect();
        format!(
            "{}\n{live:?}\n{sessions:?}\n{seal:?}",
            serde_json::to_string(report).unwrap_or_default()
        )
    }

    #[test]
    fn a_refresh_shows_what_a_fresh_reading_shows_and_nothing_when_nothing_changed() {
        let (dir, session) = session_folder();
        let write = |n: u8, text: String| std::fs::write(session.join(format!("{n}.ron")), text);
        write(1, record(1, "completed", 2)).unwrap();
        write(2, record(2, "completed", 1)).unwrap();
        write(3, record(3, "in_progress", 0)).unwrap();
        let mut cached = source(dir.path());
        let first = cached.load(None);
        assert_eq!(first.report.quizzes[0].attempts.len(), 2);
        assert!(cached.refresh(None).is_none(), "nothing changed");

        write(3, record(3, "completed", 2)).unwrap();
        let after_change = figures(cached.refresh(None));
        assert_eq!(after_change.report.quizzes[0].attempts.len(), 3);
        assert_eq!(shown(&after_change), shown(&source(dir.path()).load(None)));

        std::fs::remove_file(session.join("1.ron")).unwrap();
        let after_removal = figures(cached.refresh(None));
        assert_eq!(after_removal.report.quizzes[0].attempts.len(), 2);
        assert_eq!(shown(&after_removal), shown(&source(dir.path()).load(None)));
        assert!(cached.refresh(None).is_none(), "nothing changed since");

        let other = figures(cached.refresh(Some("other")));
        assert!(other.report.quizzes.is_empty());
        assert!(cached.refresh(Some("other")).is_none());
    }

    /// The dashboard counts what the reports count: a voided attempt not at all, and a record that keeps only its
    /// code (`store_names: false`) under the roster's name.
    #[test]
    fn the_trainers_corrections_and_roster_apply_on_the_dashboard() {
        let (dir, session) = session_folder();
        let write = |n: u8, text: String| std::fs::write(session.join(format!("{n}.ron")), text);
        write(1, record(1, "completed", 2)).unwrap();
        write(
            2,
            record(2, "in_progress", 1).replace("name:\"P2\",", "name:\"\",code:\"C2\","),
        )
        .unwrap();
        let mut corrections = Corrections::new();
        corrections.voids.push(crate::report::corrections::Void {
            attempt: "0190c0de-0000-7000-8000-000000000001".into(),
            reason: "a test run".into(),
        });
        let roster = vec![RosterEntry {
            code: "C2".into(),
            name: "Saule Bekova".into(),
            group: "police".into(),
        }];
        let mut corrected = source(dir.path())
            .with_corrections(Applier::new(corrections))
            .with_roster("s".into(), roster);
        let Figures { report, live, .. } = corrected.load(None);
        assert!(
            report.quizzes.is_empty(),
            "the only completed attempt is voided"
        );
        assert!(
            live.iter().any(|row| row.name == "Saule Bekova (C2)"),
            "{live:?}"
        );
        let report = source(dir.path()).load(None).report;
        assert_eq!(report.quizzes[0].attempts.len(), 1);
    }

    /// The dashboard counts what the reports count of a sealed folder: a record edited after sealing is left out
    /// and the seal says so; sealing the folder again is seen at the next refresh, though no record changed.
    #[test]
    fn a_record_edited_after_sealing_is_left_out_as_the_reports_leave_it_out() {
        let (dir, session) = session_folder();
        let write = |n: u8, text: String| std::fs::write(session.join(format!("{n}.ron")), text);
        write(1, record(1, "completed", 2)).unwrap();
        write(2, record(2, "completed", 1)).unwrap();
        let signing = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
        let pinned = PinnedKey {
            key: signing.verifying_key(),
            path: PathBuf::new(),
        };
        let mut unsealed = source(dir.path()).with_pinned_key(Some(pinned.clone()));
        let before = unsealed.load(None);
        assert!(
            before.seal.sessions.is_empty(),
            "a folder not sealed yet is a session in progress: {:?}",
            before.seal
        );
        let seal = |force: bool| {
            let now = jiff::Timestamp::from_second(1_272_560_400).unwrap();
            crate::record::seal::seal_folder(&session, &signing, now, force, Lang::En).unwrap();
        };
        seal(false);
        let sealed = figures(unsealed.refresh(None));
        assert!(!sealed.seal.alarming(), "{:?}", sealed.seal);
        assert_eq!(sealed.seal.sessions.len(), 1);
        assert_eq!(sealed.report.quizzes[0].attempts.len(), 2);

        write(2, record(2, "completed", 2)).unwrap();
        let mut checked = source(dir.path()).with_pinned_key(Some(pinned));
        for edited in [figures(unsealed.refresh(None)), checked.load(None)] {
            assert!(edited.seal.alarming(), "{:?}", edited.seal);
            let attempts = &edited.report.quizzes[0].attempts;
            assert_eq!(attempts.len(), 1, "the edited record is left out");
            assert_eq!(&*attempts[0].name, "P1");
            assert!(
                edited
                    .seal
                    .lines(Lang::En)
                    .iter()
                    .any(|line| line.contains("2.ron")),
                "{:?}",
                edited.seal.lines(Lang::En)
            );
        }
        let unchecked = source(dir.path()).load(None);
        assert_eq!(
            unchecked.report.quizzes[0].attempts.len(),
            2,
            "no key, no check"
        );

        seal(true);
        let sealed_again = figures(unsealed.refresh(None));
        assert!(!sealed_again.seal.alarming(), "{:?}", sealed_again.seal);
        assert_eq!(sealed_again.report.quizzes[0].attempts.len(), 2);
        assert!(unsealed.refresh(None).is_none(), "nothing changed since");
    }
}
