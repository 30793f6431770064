//! `vigil dashboard`: the report's figures full-screen, with drill-down and a live panel of the running session,
//! refreshed from the shared folder every few seconds. Same Elm shape as the trainee app: state, `update`,
//! a pure `render`, and a loop that reads the disk.

pub(crate) mod cache;
pub mod live;
pub mod live_view;
pub(crate) mod presences;
pub mod signs;
pub mod view;

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Size;

use self::live::LiveRow;
use super::run::EventSource;
use super::theme::Theme;
use crate::config::Group;
use crate::i18n::Lang;
use crate::quiz::Taxonomy;
use crate::record::AttemptRecord;
use crate::record::seal::SealStatus;
use crate::report::Report;

/// The dashboard's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Distribution, reliability, groups.
    Overview,
    /// The participants table.
    Participants,
    /// The item analysis.
    Questions,
    /// Mastery by topic and missed indicators.
    Topics,
    /// Pre/post gain.
    PrePost,
    /// Who is working now.
    Live,
}

impl Tab {
    /// Every tab, in order.
    pub const ALL: [Tab; 6] = [
        Tab::Overview,
        Tab::Participants,
        Tab::Questions,
        Tab::Topics,
        Tab::PrePost,
        Tab::Live,
    ];
}

/// How the participants table is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// By start time.
    Started,
    /// By name.
    Name,
    /// By group, then name.
    Group,
    /// Best score first.
    Score,
}

/// A detail view over a tab.
#[derive(Debug, Clone, PartialEq)]
pub enum Drill {
    /// One participant's attempt, question by question.
    Attempt(Box<AttemptRecord>),
    /// One question's options and how often each was chosen (index of the question in the quiz).
    Question(usize),
}

/// What the dashboard shows and where the trainer is.
#[derive(Debug)]
pub struct Dashboard {
    /// The language.
    pub lang: Lang,
    /// The figures.
    pub report: Report,
    /// The live panel.
    pub live: Vec<LiveRow>,
    /// Tag labels.
    pub taxonomy: Taxonomy,
    /// Group labels.
    pub groups: Vec<Group>,
    /// The tab on screen.
    pub tab: Tab,
    /// The quiz shown (index into `report.quizzes`).
    pub quiz: usize,
    /// The highlighted row of the tab's table.
    pub row: usize,
    /// The participants' order.
    pub sort: Sort,
    /// A detail view.
    pub drill: Option<Drill>,
    /// Lines the detail view, or the text of the tab on screen, is scrolled by.
    pub scroll: u16,
    /// The sessions found in the results folders.
    pub sessions: Vec<String>,
    /// The session shown (index into `sessions`), or every session.
    pub session: Option<usize>,
    /// The time zone the live panel shows save times in.
    pub zone: jiff::tz::TimeZone,
    /// The size of the screen, as the loop last found it: what scrolling is bounded by.
    pub screen: Size,
    /// What the trainer's seals of the session folders shown say (nothing for a folder not sealed yet).
    pub seal: SealStatus,
}

/// How many rows PageUp and PageDown move the highlight by.
const PAGE: usize = 10;

/// What the dashboard asks of the loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Nothing.
    None,
    /// Read this attempt's record for the detail view.
    Open(std::path::PathBuf),
    /// Read the figures again (another session was chosen).
    Reload,
    /// Leave.
    Quit,
}

impl Dashboard {
    /// A dashboard over `report` and `live`.
    pub fn new(
        lang: Lang,
        report: Report,
        live: Vec<LiveRow>,
        taxonomy: Taxonomy,
        groups: Vec<Group>,
    ) -> Self {
        let mut report = report;
        report.translate(lang.code());
        Self {
            lang,
            report,
            live,
            taxonomy,
            groups,
            tab: Tab::Overview,
            quiz: 0,
            row: 0,
            sort: Sort::Started,
            drill: None,
            scroll: 0,
            sessions: Vec::new(),
            session: None,
            zone: jiff::tz::TimeZone::system(),
            screen: Size::new(80, 24),
            seal: SealStatus::default(),
        }
    }

    /// A dashboard over `figures`, with the sessions found and what the seals say.
    pub fn of(lang: Lang, figures: Figures, taxonomy: Taxonomy, groups: Vec<Group>) -> Self {
        let mut dashboard = Self::new(lang, figures.report, figures.live, taxonomy, groups);
        dashboard.sessions = figures.sessions;
        dashboard.seal = figures.seal;
        dashboard
    }

    /// The session shown, or `None` for every session.
    pub fn selected_session(&self) -> Option<&str> {
        self.session
            .and_then(|i| self.sessions.get(i))
            .map(String::as_str)
    }

    /// Replaces the figures with fresh ones, keeping the trainer's place.
    pub fn refresh(&mut self, mut report: Report, live: Vec<LiveRow>) {
        report.translate(self.lang.code());
        self.report = report;
        self.quiz = self.quiz.min(self.report.quizzes.len().saturating_sub(1));
        self.refresh_live(live);
    }

    /// Replaces the live panel's rows, keeping the trainer's place.
    pub fn refresh_live(&mut self, live: Vec<LiveRow>) {
        self.live = live;
        self.row = self.row.min(self.rows().saturating_sub(1));
    }

    /// The participants of the quiz on screen, in the chosen order (indices into its attempts).
    pub fn participant_order(&self) -> Vec<usize> {
        let Some(quiz) = self.report.quizzes.get(self.quiz) else {
            return Vec::new();
        };
        let mut order: Vec<usize> = (0..quiz.attempts.len()).collect();
        let a = &quiz.attempts;
        match self.sort {
            Sort::Started => {}
            Sort::Name => order.sort_by_cached_key(|x| a[*x].name.to_lowercase()),
            Sort::Group => {
                order.sort_by(|x, y| (&a[*x].group, &a[*x].name).cmp(&(&a[*y].group, &a[*y].name)))
            }
            Sort::Score => order.sort_by(|x, y| a[*y].percent().total_cmp(&a[*x].percent())),
        }
        order
    }

    /// The number of selectable rows of the tab on screen.
    pub fn rows(&self) -> usize {
        let quiz = self.report.quizzes.get(self.quiz);
        match self.tab {
            Tab::Participants => quiz.map_or(0, |q| q.attempts.len()),
            Tab::Questions => quiz.map_or(0, |q| q.questions.len()),
            Tab::Live => self.live.len(),
            _ => 0,
        }
    }

    /// Handles one key; a letter typed on a Russian or Kazakh layout counts as the key in the same place on a US
    /// layout (`й` is `q`), as in the trainee app.
    pub fn update(&mut self, mut key: KeyEvent) -> Request {
        if let KeyCode::Char(c) = key.code {
            key.code = KeyCode::Char(crate::tui::keyboard::as_latin(c));
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Request::Quit;
        }
        if self.drill.is_some() {
            match key.code {
                KeyCode::Esc | KeyCode::Backspace | KeyCode::Char('q') => {
                    self.drill = None;
                    self.scroll = 0;
                }
                KeyCode::Up
                | KeyCode::Down
                | KeyCode::PageUp
                | KeyCode::PageDown
                | KeyCode::Home
                | KeyCode::End => self.scroll_by(key.code),
                _ => {}
            }
            return Request::None;
        }
        let tabs = Tab::ALL.len();
        let at = Tab::ALL.iter().position(|t| *t == self.tab).unwrap_or(0);
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => return Request::Quit,
            KeyCode::Right | KeyCode::Tab => self.switch(Tab::ALL[(at + 1) % tabs]),
            KeyCode::Left | KeyCode::BackTab => self.switch(Tab::ALL[(at + tabs - 1) % tabs]),
            KeyCode::Char(c @ '1'..='6') => self.switch(Tab::ALL[usize::from(c as u8 - b'1')]),
            KeyCode::Up
            | KeyCode::Down
            | KeyCode::PageUp
            | KeyCode::PageDown
            | KeyCode::Home
            | KeyCode::End
                if self.scrolls() =>
            {
                self.scroll_by(key.code);
            }
            KeyCode::Up => self.row = self.row.saturating_sub(1),
            KeyCode::Down => self.row = (self.row + 1).min(self.rows().saturating_sub(1)),
            KeyCode::PageUp => self.row = self.row.saturating_sub(PAGE),
            KeyCode::PageDown => self.row = (self.row + PAGE).min(self.rows().saturating_sub(1)),
            KeyCode::Home => self.row = 0,
            KeyCode::End => self.row = self.rows().saturating_sub(1),
            KeyCode::Char(']') => {
                self.quiz = (self.quiz + 1).min(self.report.quizzes.len().saturating_sub(1));
                self.row = 0;
                self.scroll = 0;
            }
            KeyCode::Char('[') => {
                self.quiz = self.quiz.saturating_sub(1);
                self.row = 0;
                self.scroll = 0;
            }
            KeyCode::Char('>') | KeyCode::Char('<') if !self.sessions.is_empty() => {
                let count = self.sessions.len();
                self.session = match (self.session, key.code == KeyCode::Char('>')) {
                    (None, true) => Some(0),
                    (None, false) => Some(count - 1),
                    (Some(i), true) => (i + 1 < count).then_some(i + 1),
                    (Some(i), false) => i.checked_sub(1),
                };
                self.quiz = 0;
                self.row = 0;
                self.scroll = 0;
                return Request::Reload;
            }
            KeyCode::Char('s') => {
                self.sort = match self.sort {
                    Sort::Started => Sort::Name,
                    Sort::Name => Sort::Group,
                    Sort::Group => Sort::Score,
                    Sort::Score => Sort::Started,
                };
            }
            KeyCode::Enter => return self.open(),
            _ => {}
        }
        Request::None
    }

    fn switch(&mut self, tab: Tab) {
        self.tab = tab;
        self.row = 0;
        self.scroll = 0;
    }

    /// Takes the size of the screen, and keeps the detail view or the text of the tab on screen scrolled no
    /// further than its last line at the foot (the screen may have grown, or a refresh shortened the text).
    pub fn fit_to(&mut self, screen: Size) {
        self.screen = screen;
        // Only text scrolled at all can be past its end; the lines are not made again for the rest.
        if self.scroll > 0 && (self.drill.is_some() || self.scrolls()) {
            self.scroll = self.scroll.min(view::last_scroll(self));
        }
    }

    /// Whether the tab on screen is text that scrolls (the overview, topics and pre/post), not rows to select.
    fn scrolls(&self) -> bool {
        matches!(self.tab, Tab::Overview | Tab::Topics | Tab::PrePost)
    }

    /// Scrolls the detail view, or the text of the tab on screen, by the key `code`, no further than its last
    /// line at the foot.
    fn scroll_by(&mut self, code: KeyCode) {
        let last = view::last_scroll(self);
        let page = u16::try_from(PAGE).unwrap_or(u16::MAX);
        self.scroll = match code {
            KeyCode::Up => self.scroll.saturating_sub(1),
            KeyCode::Down => self.scroll.saturating_add(1),
            KeyCode::PageUp => self.scroll.saturating_sub(page),
            KeyCode::PageDown => self.scroll.saturating_add(page),
            KeyCode::Home => 0,
            _ => last,
        }
        .min(last);
    }

    fn open(&mut self) -> Request {
        match self.tab {
            Tab::Participants => {
                let order = self.participant_order();
                let file = order
                    .get(self.row)
                    .and_then(|i| self.report.quizzes.get(self.quiz)?.attempts.get(*i))
                    .map(|a| a.file.to_path_buf());
                file.map_or(Request::None, Request::Open)
            }
            Tab::Questions if self.row < self.rows() => {
                self.drill = Some(Drill::Question(self.row));
                Request::None
            }
            _ => Request::None,
        }
    }
}

/// The figures and the live panel of a session (or of every session), with the sessions found.
#[derive(Debug)]
pub struct Figures {
    /// Every figure.
    pub report: Report,
    /// The live panel.
    pub live: Vec<LiveRow>,
    /// The sessions found in the results folders.
    pub sessions: Vec<String>,
    /// What the trainer's seals of the session folders shown say; the records they show as edited or added
    /// after sealing are not in `report`.
    pub seal: SealStatus,
}

/// What a timed refresh found changed.
#[derive(Debug)]
pub enum Changed {
    /// The records: every figure anew.
    Figures(Box<Figures>),
    /// Only the live panel (a presence beat, an attempt turning idle).
    Live(Vec<LiveRow>),
}

/// Where the dashboard's data comes from.
pub trait DashboardSource {
    /// The figures of `session` (or of every session), up to date.
    fn load(&mut self, session: Option<&str>) -> Figures;
    /// What changed at a timed refresh since the last load or refresh of the same session, or `None` when
    /// nothing did; by default, every figure anew from [`DashboardSource::load`].
    fn refresh(&mut self, session: Option<&str>) -> Option<Changed> {
        Some(Changed::Figures(Box::new(self.load(session))))
    }
    /// One attempt's record.
    fn open(&mut self, path: &std::path::Path) -> Option<AttemptRecord>;
}

/// How often the figures are read again.
pub const REFRESH: Duration = Duration::from_secs(3);

/// Runs the dashboard until the trainer leaves.
pub fn run_dashboard<B: Backend>(
    terminal: &mut Terminal<B>,
    dashboard: &mut Dashboard,
    theme: &Theme,
    events: &mut dyn EventSource,
    source: &mut dyn DashboardSource,
) -> Result<(), B::Error> {
    let mut due = Instant::now() + REFRESH;
    loop {
        dashboard.fit_to(terminal.size()?);
        terminal.draw(|frame| view::render(dashboard, theme, frame))?;
        // Refresh on time even while keys or mouse moves keep arriving.
        let event = events.next(due.saturating_duration_since(Instant::now()));
        if matches!(event, Ok(None)) || Instant::now() >= due {
            match source.refresh(dashboard.selected_session()) {
                Some(Changed::Figures(figures)) => show(dashboard, *figures),
                Some(Changed::Live(live)) => dashboard.refresh_live(live),
                None => {}
            }
            due = Instant::now() + REFRESH;
        }
        match event {
            Ok(Some(Event::Key(key))) if key.is_press() => match dashboard.update(key) {
                Request::Quit => return Ok(()),
                Request::Open(path) => {
                    if let Some(record) = source.open(&path) {
                        dashboard.drill = Some(Drill::Attempt(Box::new(record)));
                    }
                }
                Request::Reload => reload(dashboard, source),
                Request::None => {}
            },
            Ok(_) => {}
            Err(_) => return Ok(()),
        }
    }
}

fn reload(dashboard: &mut Dashboard, source: &mut dyn DashboardSource) {
    let figures = source.load(dashboard.selected_session());
    show(dashboard, figures);
}

fn show(dashboard: &mut Dashboard, figures: Figures) {
    dashboard.sessions = figures.sessions;
    dashboard.seal = figures.seal;
    dashboard.refresh(figures.report, figures.live);
}

#[cfg(test)]
mod tests {
    use super::live::State;
    use super::*;
    use crate::report::analyse;

    fn row(n: usize) -> LiveRow {
        LiveRow {
            name: format!("P{n}"),
            group: "police".to_owned(),
            quiz_id: "q".to_owned(),
            quiz: "Q".to_owned(),
            question: Some(1),
            answered: None,
            saved: None,
            state: State::Working,
            version: None,
            changed_ms: 0,
        }
    }

    #[test]
    fn the_live_rows_move_by_one_by_a_page_and_to_either_end() {
        let report = analyse(Default::default(), Default::default());
        let live = (0..44).map(row).collect();
        let mut dashboard = Dashboard::new(Lang::En, report, live, Taxonomy::default(), Vec::new());
        dashboard.switch(Tab::Live);
        let mut press = |code| {
            dashboard.update(KeyEvent::new(code, KeyModifiers::NONE));
            dashboard.row
        };
        assert_eq!(press(KeyCode::Down), 1);
        assert_eq!(press(KeyCode::PageDown), 11);
        assert_eq!(press(KeyCode::End), 43);
        assert_eq!(press(KeyCode::PageDown), 43);
        assert_eq!(press(KeyCode::PageUp), 33);
        assert_eq!(press(KeyCode::Home), 0);
        assert_eq!(press(KeyCode::Up), 0);
    }
}
