//! `vigil dashboard`: the report full-screen, refreshed from the results folder every few seconds.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::config::Group;
use crate::i18n::Lang;
use crate::quiz::check::read_file;
use crate::quiz::{Bank, CheckedQuiz};
use crate::record::scan::{load, scan_with};
use crate::record::view;
use crate::record::{AttemptRecord, IntegrityKey};
use crate::report::known::check_sessions;
use crate::report::reduce::Reducer;
use crate::report::stats::Thresholds;
use crate::report::{AttemptChoice, Filter, Report, analyse};
use crate::text::printable_line;
use crate::tui::dashboard::live::{self, LiveRow};
use crate::tui::dashboard::{Dashboard, DashboardSource, run_dashboard};
use crate::tui::run::TerminalEvents;
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
}

/// Reads the results folders afresh at every refresh.
pub struct FolderSource {
    folders: Vec<PathBuf>,
    filter: Filter,
    quizzes: Vec<CheckedQuiz>,
    key: Option<IntegrityKey>,
}

impl FolderSource {
    /// A source over `folders`, counting what `filter` admits.
    pub fn new(
        folders: Vec<PathBuf>,
        filter: Filter,
        quizzes: Vec<CheckedQuiz>,
        key: Option<IntegrityKey>,
    ) -> Self {
        Self {
            folders,
            filter,
            quizzes,
            key,
        }
    }
}

impl DashboardSource for FolderSource {
    fn load(&mut self, session: Option<&str>) -> (Report, Vec<LiveRow>, Vec<String>) {
        let filter = match session {
            Some(session) => Filter {
                sessions: vec![session.to_owned()],
                ..self.filter.clone()
            },
            None => self.filter.clone(),
        };
        let reducer = Reducer::new(&self.quizzes, &filter, false);
        let key = self.key.as_ref();
        let entries = scan_with(&self.folders, None, |path, bytes| {
            view::with_record(path, bytes, key, |record, integrity| {
                let shown = filter.admits_session(&record.session);
                (
                    record.session.to_string(),
                    shown.then(|| LiveRow::of(record)).flatten(),
                    reducer.reduce(path, record, integrity),
                )
            })
        });
        let mut found = BTreeSet::new();
        let mut live = Vec::new();
        let contributions = entries.map(|entry| {
            entry.map(|(session, row, contribution)| {
                found.insert(session);
                live.extend(row);
                contribution
            })
        });
        let data = reducer.gather(contributions, AttemptChoice::First);
        live::sort(&mut live);
        (
            analyse(data, Thresholds::default()),
            live,
            found.into_iter().collect(),
        )
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
    let mut source = FolderSource::new(options.folders.clone(), filter, bank.quizzes, key);
    let (report, live, sessions) = source.load(None);
    let found: BTreeSet<String> = sessions.iter().cloned().collect();
    if let Err(unknown) = check_sessions(&options.sessions, &found) {
        eprintln!("vigil dashboard: {}", printable_line(&unknown.to_string()));
        return Ok(2);
    }
    in_terminal(|terminal| {
        let mut dashboard =
            Dashboard::new(options.lang, report, live, bank.taxonomy, options.groups);
        dashboard.sessions = sessions;
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
