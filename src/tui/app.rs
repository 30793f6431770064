//! The trainee app's state and its pure `update`: messages in, state changed, effects out. The loop carries
//! out the effects (saving, reading the config, quitting) and feeds their results back as messages.

use std::sync::Arc;

use jiff::Timestamp;
use rand::SeedableRng;
use rand::rngs::StdRng;
use ratatui::crossterm::event::{KeyEvent, MouseEvent, MouseEventKind};

use super::keymap::{Action, Context, action};
use super::layout::{attempt_areas, body_offset, body_rows};
use crate::attempt::{Attempt, RecordHeader, Submitted, quiz_ref};
use crate::config::{Group, PhaseRules, RosterEntry};
use crate::i18n::Lang;
use crate::quiz::bank::TEACHING_ORDER;
use crate::quiz::{FeedbackMode, QuestionKind, Quiz, Taxonomy};
use crate::record::identity::normalise;
use crate::record::{AttemptId, AttemptRecord, Participant, Phase};

/// A reading of the clocks: wall time for records, a monotonic count of milliseconds for durations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Now {
    /// Wall-clock time (UTC).
    pub wall: Timestamp,
    /// Milliseconds from an arbitrary start, never going back.
    pub mono_ms: u64,
}

/// A quiz the app can offer.
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    /// The quiz.
    pub quiz: Arc<Quiz>,
    /// The hash of its file, stored in records.
    pub content_hash: String,
}

/// What the trainer's config says about the room, as the app needs it.
#[derive(Debug, Clone)]
pub struct Room {
    /// The session.
    pub session: String,
    /// The phase.
    pub phase: Phase,
    /// The rules of the phase.
    pub rules: PhaseRules,
    /// The groups to choose from.
    pub groups: Vec<Group>,
    /// Participant codes, if any.
    pub roster: Vec<RosterEntry>,
    /// Whether answers are recorded (false for a play-test).
    pub recording: bool,
}

/// The sign-in form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignIn {
    /// The typed name.
    pub name: String,
    /// The typed participant code.
    pub code: String,
    /// Index of the chosen group.
    pub group: usize,
    /// Which field has focus.
    pub field: Field,
    /// A problem to show.
    pub error: Option<SignInError>,
}

/// A field of the sign-in form.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Field {
    /// The name.
    #[default]
    Name,
    /// The participant code.
    Code,
    /// The group.
    Group,
    /// The language.
    Language,
}

/// Why sign-in did not go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInError {
    /// No name and no code.
    NeedName,
    /// A code that is not on the roster.
    UnknownCode,
}

/// An attempt under way, with what the screen needs besides the attempt itself.
#[derive(Debug, Clone)]
pub struct Session {
    /// The attempt.
    pub attempt: Attempt,
    /// What the record holds beyond the attempt.
    pub header: RecordHeader,
    /// Immediate mode: the feedback of the question on screen is showing.
    pub showing_feedback: bool,
    /// Immediate mode, branching: the feedback of the last choice taken.
    pub last_choice: Option<String>,
    /// Lines the scenario pane (or, with feedback showing, the feedback) is scrolled by.
    pub scroll: u16,
    /// Whether the two-minute warning was given.
    pub warned: bool,
}

impl Session {
    /// A session on the attempt's current question, nothing shown yet.
    pub fn new(attempt: Attempt, header: RecordHeader) -> Self {
        Self {
            attempt,
            header,
            showing_feedback: false,
            last_choice: None,
            scroll: 0,
            warned: false,
        }
    }
}

/// The screens of the app.
#[derive(Debug, Clone)]
pub enum Screen {
    /// Name, code, group, language.
    SignIn(SignIn),
    /// Waiting for the config to be read again.
    Loading,
    /// The quizzes open in this phase.
    Picker {
        /// The highlighted quiz.
        cursor: usize,
    },
    /// An unfinished attempt of the chosen quiz exists.
    Resume {
        /// The saved attempt.
        record: Box<AttemptRecord>,
        /// The chosen quiz.
        offer: Offer,
    },
    /// The results folder cannot be written, or the config is broken: the trainer must step in.
    Blocked {
        /// What is wrong, in words.
        detail: String,
    },
    /// Answering questions.
    Attempt(Box<Session>),
    /// The score after submitting.
    Results(Box<Session>),
    /// Going through every question with its answer.
    Review {
        /// The finished attempt.
        session: Box<Session>,
        /// The question shown.
        index: usize,
    },
}

/// A window over the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The keys.
    Help,
    /// "Leave Vigil?"
    Quit,
    /// "Submit your answers?"
    Submit,
    /// Every question with its state.
    Overview {
        /// The highlighted question.
        cursor: usize,
    },
}

/// A short message at the bottom of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// The answer is not complete.
    Incomplete,
    /// A deferred answer was kept.
    AnswerKept,
    /// Two minutes left.
    TwoMinutes,
    /// Time ran out and the attempt was submitted.
    TimeUp,
    /// Review is turned off.
    ReviewOff,
    /// The quiz changed since the unfinished attempt.
    QuizChanged,
}

/// What comes into `update`.
#[derive(Debug, Clone)]
pub enum Msg {
    /// A key press.
    Key(KeyEvent),
    /// A mouse event.
    Mouse(MouseEvent),
    /// The terminal's new size.
    Resize(u16, u16),
    /// A second passed.
    Tick,
    /// The config was read again (at sign-in).
    RoomLoaded(Result<Room, String>),
    /// The chosen quiz is ready to start: whether the results folder can be written, and an unfinished attempt.
    Prepared {
        /// The chosen quiz.
        offer: Offer,
        /// The writability probe's verdict.
        probe: Result<(), String>,
        /// An unfinished attempt of this participant on this quiz.
        unfinished: Option<Box<AttemptRecord>>,
    },
    /// A save finished.
    Saved(Result<(), String>),
}

/// What the loop must do for `update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Read the config again.
    LoadRoom,
    /// Probe the results folder and look for an unfinished attempt.
    Prepare {
        /// The chosen quiz.
        offer: Offer,
        /// Who.
        participant: Participant,
    },
    /// Write this record atomically.
    Save(Box<AttemptRecord>),
    /// Leave the app.
    Quit,
}

/// The whole state of the trainee app.
#[derive(Debug)]
pub struct App {
    /// The UI language.
    pub lang: Lang,
    /// The room's settings.
    pub room: Room,
    /// Every quiz in the bank.
    pub offers: Vec<Offer>,
    /// Tag labels.
    pub taxonomy: Taxonomy,
    /// The screen.
    pub screen: Screen,
    /// A window over it.
    pub overlay: Option<Overlay>,
    /// Who signed in.
    pub participant: Option<Participant>,
    /// The terminal size.
    pub size: (u16, u16),
    /// A message at the bottom.
    pub notice: Option<Notice>,
    /// The last save failed; the loop retries.
    pub save_failed: bool,
    /// `--feedback`: overrides the quiz and the config.
    pub feedback_override: Option<FeedbackMode>,
    /// Only this quiz id (`vigil run QUIZ`).
    pub only_quiz: Option<String>,
    /// Shuffles questions and options; seeded by `--seed` to reproduce an order.
    rng: StdRng,
    /// Makes attempt ids; always from the operating system, so two workstations with the same `--seed` never
    /// share an id.
    id_rng: StdRng,
}

impl App {
    /// A new app on the sign-in screen; `seed` fixes the shuffling (for `--seed` and tests).
    pub fn new(
        lang: Lang,
        room: Room,
        offers: Vec<Offer>,
        taxonomy: Taxonomy,
        seed: Option<u64>,
    ) -> Self {
        let rng = match seed {
            Some(seed) => StdRng::seed_from_u64(seed),
            None => rand::make_rng(),
        };
        Self {
            lang,
            room,
            offers,
            taxonomy,
            screen: Screen::SignIn(SignIn::default()),
            overlay: None,
            participant: None,
            size: (80, 24),
            notice: None,
            save_failed: false,
            feedback_override: None,
            only_quiz: None,
            rng,
            id_rng: rand::make_rng(),
        }
    }

    /// The quizzes open now: allowed in this phase, one per quiz id, in the chosen language when there is one.
    ///
    /// A quiz missing in the chosen language is offered in Russian for Kazakh readers, else in English. They
    /// come in the order the phase lists them, else built-in ones in teaching order, then shortest first.
    pub fn open_quizzes(&self) -> Vec<&Offer> {
        let mut chosen: Vec<&Offer> = Vec::new();
        for offer in &self.offers {
            let id = &offer.quiz.id;
            if !self.room.rules.allows(id) || self.only_quiz.as_ref().is_some_and(|only| only != id)
            {
                continue;
            }
            let rank = |o: &Offer| match (self.lang, o.quiz.language.as_str()) {
                (lang, l) if l == lang.code() => 0,
                (Lang::Kk, "ru") => 1,
                (_, "en") => 2,
                _ => 3,
            };
            match chosen.iter().position(|o| &o.quiz.id == id) {
                Some(at) if rank(offer) < rank(chosen[at]) => chosen[at] = offer,
                Some(_) => {}
                None => chosen.push(offer),
            }
        }
        let listed = |offer: &Offer| {
            self.room
                .rules
                .quizzes
                .iter()
                .position(|q| q == &offer.quiz.id)
        };
        let taught = |offer: &Offer| {
            TEACHING_ORDER
                .iter()
                .position(|id| *id == offer.quiz.id)
                .unwrap_or(usize::MAX)
        };
        chosen.sort_by_key(|offer| {
            (
                listed(offer),
                taught(offer),
                offer.quiz.estimated_minutes,
                offer.quiz.id.clone(),
            )
        });
        chosen
    }

    /// Where keys are read in: text fields, yes/no questions or commands.
    pub fn context(&self) -> Context {
        match (&self.overlay, &self.screen) {
            (Some(Overlay::Quit | Overlay::Submit), _) => Context::Confirm,
            (Some(_), _) => Context::Command,
            (None, Screen::SignIn(form)) if matches!(form.field, Field::Name | Field::Code) => {
                Context::Text
            }
            (None, Screen::Resume { .. }) => Context::Confirm,
            _ => Context::Command,
        }
    }

    /// Handles one message at time `now`; returns what the loop must do.
    pub fn update(&mut self, msg: Msg, now: Now) -> Vec<Effect> {
        if let Screen::Attempt(session) = &mut self.screen
            && session.attempt.tick(now.mono_ms)
        {
            return self.finish(now, Some(Notice::TimeUp));
        }
        match msg {
            Msg::Key(key) => match action(self.context(), key) {
                Some(action) => self.act(action, now),
                None => Vec::new(),
            },
            Msg::Mouse(mouse) => self.mouse(mouse, now),
            Msg::Resize(width, height) => {
                self.size = (width, height);
                Vec::new()
            }
            Msg::Tick => self.tick(),
            Msg::RoomLoaded(Ok(room)) => {
                self.room = room;
                self.screen = Screen::Picker { cursor: 0 };
                Vec::new()
            }
            Msg::RoomLoaded(Err(detail))
            | Msg::Prepared {
                probe: Err(detail), ..
            } => {
                self.screen = Screen::Blocked { detail };
                Vec::new()
            }
            Msg::Prepared {
                offer,
                probe: Ok(()),
                unfinished,
            } => match unfinished {
                Some(record) => {
                    self.screen = Screen::Resume { record, offer };
                    Vec::new()
                }
                None => self.start(offer, now),
            },
            Msg::Saved(result) => {
                self.save_failed = result.is_err();
                Vec::new()
            }
        }
    }

    fn tick(&mut self) -> Vec<Effect> {
        if let Screen::Attempt(session) = &mut self.screen
            && let Some(left) = session.attempt.remaining_ms()
            && left <= 120_000
            && !session.warned
        {
            session.warned = true;
            self.notice = Some(Notice::TwoMinutes);
        }
        Vec::new()
    }

    fn act(&mut self, action: Action, now: Now) -> Vec<Effect> {
        if action == Action::ForceQuit {
            let mut effects = self.save_now(now);
            effects.push(Effect::Quit);
            return effects;
        }
        if let Some(overlay) = self.overlay {
            return self.act_on_overlay(overlay, action, now);
        }
        match action {
            Action::Help => {
                if self.context() != Context::Text {
                    self.overlay = Some(Overlay::Help);
                }
                return Vec::new();
            }
            Action::Quit => {
                return match &self.screen {
                    Screen::Review { .. } => {
                        self.leave_review();
                        Vec::new()
                    }
                    _ => {
                        self.overlay = Some(Overlay::Quit);
                        Vec::new()
                    }
                };
            }
            _ => {}
        }
        self.notice = None;
        match &self.screen {
            Screen::SignIn(_) => self.act_on_sign_in(action),
            Screen::Loading => Vec::new(),
            Screen::Picker { .. } => self.act_on_picker(action),
            Screen::Resume { .. } => self.act_on_resume(action, now),
            Screen::Blocked { .. } => {
                if action == Action::Confirm {
                    self.screen = Screen::Picker { cursor: 0 };
                }
                Vec::new()
            }
            Screen::Attempt(_) => self.act_on_attempt(action, now),
            Screen::Results(_) => self.act_on_results(action),
            Screen::Review { .. } => {
                self.act_on_review(action);
                Vec::new()
            }
        }
    }

    fn act_on_overlay(&mut self, overlay: Overlay, action: Action, now: Now) -> Vec<Effect> {
        match (overlay, action) {
            (Overlay::Quit, Action::Yes) => {
                let mut effects = self.save_now(now);
                effects.push(Effect::Quit);
                effects
            }
            (Overlay::Submit, Action::Yes) => {
                self.overlay = None;
                self.finish(now, None)
            }
            (Overlay::Overview { cursor }, Action::Up | Action::Down) => {
                let count = self.session().map_or(0, |s| s.attempt.items().len());
                let delta: isize = if action == Action::Up { -1 } else { 1 };
                let next = cursor
                    .saturating_add_signed(delta)
                    .min(count.saturating_sub(1));
                self.overlay = Some(Overlay::Overview { cursor: next });
                Vec::new()
            }
            (Overlay::Overview { cursor }, Action::Confirm) => {
                self.overlay = None;
                self.go_to(cursor);
                Vec::new()
            }
            (Overlay::Overview { .. }, Action::SubmitAll) => {
                self.overlay = Some(Overlay::Submit);
                Vec::new()
            }
            (_, Action::No | Action::Quit | Action::Confirm | Action::Help | Action::Overview) => {
                self.overlay = None;
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn act_on_sign_in(&mut self, action: Action) -> Vec<Effect> {
        let groups = self.room.groups.len();
        let has_roster = !self.room.roster.is_empty();
        let Screen::SignIn(form) = &mut self.screen else {
            return Vec::new();
        };
        let fields: Vec<Field> = [Field::Name, Field::Code, Field::Group, Field::Language]
            .into_iter()
            .filter(|f| has_roster || *f != Field::Code)
            .collect();
        let at = fields.iter().position(|f| *f == form.field).unwrap_or(0);
        match action {
            Action::NextField | Action::Down => form.field = fields[(at + 1) % fields.len()],
            Action::PreviousField | Action::Up => {
                form.field = fields[(at + fields.len() - 1) % fields.len()];
            }
            Action::Type(c) if !c.is_control() => match form.field {
                Field::Name if form.name.chars().count() < 60 => form.name.push(c),
                Field::Code if form.code.chars().count() < 20 => form.code.push(c),
                _ => {}
            },
            Action::Erase => {
                match form.field {
                    Field::Name => form.name.pop(),
                    Field::Code => form.code.pop(),
                    _ => None,
                };
            }
            Action::Left | Action::Right => {
                let forward = action == Action::Right;
                match form.field {
                    Field::Group if groups > 0 => {
                        form.group = if forward {
                            (form.group + 1) % groups
                        } else {
                            (form.group + groups - 1) % groups
                        };
                    }
                    Field::Language => {
                        let at = Lang::ALL.iter().position(|l| *l == self.lang).unwrap_or(0);
                        let step = if forward { 1 } else { Lang::ALL.len() - 1 };
                        self.lang = Lang::ALL[(at + step) % Lang::ALL.len()];
                    }
                    _ => {}
                }
            }
            Action::Confirm => return self.sign_in(),
            _ => {}
        }
        Vec::new()
    }

    fn sign_in(&mut self) -> Vec<Effect> {
        let Screen::SignIn(form) = &mut self.screen else {
            return Vec::new();
        };
        let code = normalise(&form.code);
        let participant = if code.is_empty() {
            let name = form.name.split_whitespace().collect::<Vec<_>>().join(" ");
            if name.is_empty() {
                form.error = Some(SignInError::NeedName);
                return Vec::new();
            }
            Participant {
                name,
                code: None,
                group: self
                    .room
                    .groups
                    .get(form.group)
                    .map_or_else(|| "other".to_owned(), |g| g.id.clone()),
            }
        } else {
            match self
                .room
                .roster
                .iter()
                .find(|entry| normalise(&entry.code) == code)
            {
                Some(entry) => Participant {
                    name: entry.name.clone(),
                    code: Some(entry.code.clone()),
                    group: entry.group.clone(),
                },
                None => {
                    form.error = Some(SignInError::UnknownCode);
                    return Vec::new();
                }
            }
        };
        self.participant = Some(participant);
        self.screen = Screen::Loading;
        vec![Effect::LoadRoom]
    }

    fn act_on_picker(&mut self, action: Action) -> Vec<Effect> {
        let open: Vec<Offer> = self.open_quizzes().into_iter().cloned().collect();
        let Screen::Picker { cursor } = &mut self.screen else {
            return Vec::new();
        };
        match action {
            Action::Up => *cursor = cursor.saturating_sub(1),
            Action::Down => *cursor = (*cursor + 1).min(open.len().saturating_sub(1)),
            Action::Digit(d) if d <= open.len() => *cursor = d - 1,
            Action::Confirm => {
                if let (Some(offer), Some(participant)) = (open.get(*cursor), &self.participant) {
                    let effect = Effect::Prepare {
                        offer: offer.clone(),
                        participant: participant.clone(),
                    };
                    self.screen = Screen::Loading;
                    return vec![effect];
                }
            }
            _ => {}
        }
        Vec::new()
    }

    fn act_on_resume(&mut self, action: Action, now: Now) -> Vec<Effect> {
        let Screen::Resume { record, offer } = &self.screen else {
            return Vec::new();
        };
        match action {
            Action::Confirm | Action::Yes => match Attempt::resume(Arc::clone(&offer.quiz), record)
            {
                Ok(mut attempt) => {
                    attempt.pause_clock();
                    attempt.tick(now.mono_ms);
                    let header = RecordHeader {
                        attempt: record.attempt.clone(),
                        participant: record.participant.clone(),
                        session: record.session.clone(),
                        phase: record.phase,
                        quiz: record.quiz.clone(),
                        started: record.started,
                    };
                    self.screen = Screen::Attempt(Box::new(Session::new(attempt, header)));
                    self.enter_question();
                    Vec::new()
                }
                Err(_) => {
                    let (record, offer) = (record.clone(), offer.clone());
                    let mut effects = vec![Effect::Save(discarded(*record, now))];
                    effects.extend(self.start(offer, now));
                    self.notice = Some(Notice::QuizChanged);
                    effects
                }
            },
            Action::No => {
                let (record, offer) = (record.clone(), offer.clone());
                let mut effects = vec![Effect::Save(discarded(*record, now))];
                effects.extend(self.start(offer, now));
                effects
            }
            _ => Vec::new(),
        }
    }

    fn start(&mut self, offer: Offer, now: Now) -> Vec<Effect> {
        let Some(participant) = self.participant.clone() else {
            return Vec::new();
        };
        let feedback = self
            .feedback_override
            .or(self.room.rules.feedback)
            .unwrap_or(offer.quiz.feedback);
        let mut attempt = Attempt::new(Arc::clone(&offer.quiz), feedback, &mut self.rng);
        attempt.tick(now.mono_ms);
        let header = RecordHeader {
            attempt: AttemptId::new(now.wall, &mut self.id_rng),
            participant,
            session: self.room.session.clone(),
            phase: self.room.phase,
            quiz: quiz_ref(&offer.quiz, &offer.content_hash),
            started: now.wall,
        };
        self.screen = Screen::Attempt(Box::new(Session::new(attempt, header)));
        self.save_now(now)
    }

    /// The session on screen, if any.
    pub fn session(&self) -> Option<&Session> {
        match &self.screen {
            Screen::Attempt(session) | Screen::Results(session) => Some(session),
            Screen::Review { session, .. } => Some(session),
            _ => None,
        }
    }

    fn save_now(&self, now: Now) -> Vec<Effect> {
        match &self.screen {
            Screen::Attempt(session) if self.room.recording => {
                vec![Effect::Save(Box::new(
                    session.attempt.to_record(&session.header, now.wall),
                ))]
            }
            _ => Vec::new(),
        }
    }

    fn finish(&mut self, now: Now, notice: Option<Notice>) -> Vec<Effect> {
        let screen = std::mem::replace(&mut self.screen, Screen::Loading);
        let Screen::Attempt(mut session) = screen else {
            self.screen = screen;
            return Vec::new();
        };
        session.attempt.finish();
        session.showing_feedback = false;
        let record = session.attempt.to_record(&session.header, now.wall);
        self.screen = Screen::Results(session);
        self.overlay = None;
        self.notice = notice;
        if self.room.recording {
            vec![Effect::Save(Box::new(record))]
        } else {
            Vec::new()
        }
    }

    fn go_to(&mut self, index: usize) {
        if let Screen::Attempt(session) = &mut self.screen {
            session.attempt.go_to(index);
        }
        self.enter_question();
    }

    /// After moving to a question: show its feedback when it is answered in immediate mode; in deferred mode a
    /// branching question starts again from its first node.
    fn enter_question(&mut self) {
        if let Screen::Attempt(session) = &mut self.screen {
            session.scroll = 0;
            session.last_choice = None;
            let answered = session.attempt.item().answer.is_some();
            let branching = matches!(
                session.attempt.question().kind,
                QuestionKind::Branching { .. }
            );
            match session.attempt.feedback() {
                FeedbackMode::Immediate => session.showing_feedback = answered,
                FeedbackMode::Deferred => {
                    session.showing_feedback = false;
                    if answered && branching {
                        session.attempt.restart_branch();
                    }
                }
            }
        }
    }

    fn act_on_attempt(&mut self, action: Action, now: Now) -> Vec<Effect> {
        let Screen::Attempt(session) = &mut self.screen else {
            return Vec::new();
        };
        let attempt = &mut session.attempt;
        let is_match = matches!(attempt.question().kind, QuestionKind::Match { .. });
        match action {
            Action::Up if session.showing_feedback => {
                session.scroll = session.scroll.saturating_sub(1)
            }
            Action::Down if session.showing_feedback => {
                session.scroll = session.scroll.saturating_add(1)
            }
            Action::Up => attempt.move_cursor(-1),
            Action::Down => attempt.move_cursor(1),
            Action::Left if is_match && !session.showing_feedback => attempt.cycle_target(-1),
            Action::Right if is_match && !session.showing_feedback => attempt.cycle_target(1),
            Action::Left | Action::PreviousQuestion if attempt.previous_question() => {
                self.enter_question();
            }
            Action::Right | Action::NextQuestion if attempt.next_question() => {
                self.enter_question();
            }
            Action::Digit(d) if !session.showing_feedback => attempt.digit(d),
            Action::Toggle if !session.showing_feedback => attempt.toggle(),
            Action::Flag => {
                attempt.toggle_flag();
                return self.save_now(now);
            }
            Action::Overview => {
                self.overlay = Some(Overlay::Overview {
                    cursor: attempt.position(),
                });
            }
            Action::SubmitAll => self.overlay = Some(Overlay::Submit),
            Action::ScrollUp => session.scroll = session.scroll.saturating_sub(3),
            Action::ScrollDown => session.scroll = session.scroll.saturating_add(3),
            Action::Confirm => return self.confirm_in_attempt(now),
            _ => {}
        }
        Vec::new()
    }

    fn confirm_in_attempt(&mut self, now: Now) -> Vec<Effect> {
        let Screen::Attempt(session) = &mut self.screen else {
            return Vec::new();
        };
        if session.showing_feedback {
            return self.after_feedback(now);
        }
        let immediate = session.attempt.feedback() == FeedbackMode::Immediate;
        let before = session.attempt.item().draft.clone();
        match session.attempt.submit() {
            Submitted::Answered => {
                session.last_choice = if immediate {
                    last_choice_feedback(session, &before)
                } else {
                    None
                };
                if immediate {
                    session.showing_feedback = true;
                    session.scroll = 0;
                } else {
                    self.notice = Some(Notice::AnswerKept);
                    if session.attempt.next_question() {
                        self.enter_question();
                    } else {
                        self.overlay = Some(Overlay::Overview {
                            cursor: session.attempt.position(),
                        });
                    }
                }
                self.save_now(now)
            }
            Submitted::Stepped => {
                session.last_choice = if immediate {
                    last_choice_feedback(session, &before)
                } else {
                    None
                };
                self.save_now(now)
            }
            Submitted::Incomplete => {
                self.notice = Some(Notice::Incomplete);
                Vec::new()
            }
            Submitted::Locked => self.after_feedback(now),
        }
    }

    fn session_mut(&mut self) -> Option<&mut Session> {
        match &mut self.screen {
            Screen::Attempt(session) => Some(session),
            _ => None,
        }
    }

    /// Enter after feedback: the next unanswered question, or the results when none is left.
    fn after_feedback(&mut self, now: Now) -> Vec<Effect> {
        let Some(session) = self.session_mut() else {
            return Vec::new();
        };
        match session.attempt.next_unanswered() {
            Some(next) => {
                session.attempt.go_to(next);
                self.enter_question();
                Vec::new()
            }
            None => self.finish(now, None),
        }
    }

    fn act_on_results(&mut self, action: Action) -> Vec<Effect> {
        let Screen::Results(_) = &self.screen else {
            return Vec::new();
        };
        match action {
            Action::Review if self.room.rules.review => {
                let screen = std::mem::replace(&mut self.screen, Screen::Loading);
                if let Screen::Results(session) = screen {
                    self.screen = Screen::Review { session, index: 0 };
                }
            }
            Action::Review => self.notice = Some(Notice::ReviewOff),
            Action::Confirm => self.screen = Screen::Picker { cursor: 0 },
            _ => {}
        }
        Vec::new()
    }

    fn act_on_review(&mut self, action: Action) {
        let Screen::Review { session, index } = &mut self.screen else {
            return;
        };
        let count = session.attempt.items().len();
        match action {
            Action::Right | Action::NextQuestion | Action::Down | Action::Confirm
                if *index + 1 < count =>
            {
                *index += 1;
            }
            Action::Left | Action::PreviousQuestion | Action::Up => {
                *index = index.saturating_sub(1)
            }
            Action::ScrollUp => session.scroll = session.scroll.saturating_sub(3),
            Action::ScrollDown => session.scroll = session.scroll.saturating_add(3),
            _ => {}
        }
    }

    fn leave_review(&mut self) {
        let screen = std::mem::replace(&mut self.screen, Screen::Loading);
        self.screen = match screen {
            Screen::Review { session, .. } => Screen::Results(session),
            other => other,
        };
    }

    fn mouse(&mut self, mouse: MouseEvent, now: Now) -> Vec<Effect> {
        let (width, height) = self.size;
        match mouse.kind {
            MouseEventKind::ScrollUp => self.act(Action::ScrollUp, now),
            MouseEventKind::ScrollDown => self.act(Action::ScrollDown, now),
            MouseEventKind::Down(_) if self.overlay.is_none() => {
                let Screen::Attempt(session) = &self.screen else {
                    return Vec::new();
                };
                if session.showing_feedback {
                    return Vec::new();
                }
                let areas = attempt_areas(session, ratatui::layout::Rect::new(0, 0, width, height));
                let rows = body_rows(self, session, areas.body.width);
                let Some(line) = mouse.row.checked_sub(areas.body.y) else {
                    return Vec::new();
                };
                let scrolled = body_offset(
                    &rows,
                    session.attempt.item().draft.cursor(),
                    usize::from(areas.body.height),
                );
                let line = usize::from(line) + scrolled;
                if mouse.column < areas.body.x || mouse.row >= areas.body.bottom() {
                    return Vec::new();
                }
                let hit = rows
                    .iter()
                    .position(|(start, end)| (*start..*end).contains(&line));
                match hit {
                    Some(row) => {
                        let Screen::Attempt(session) = &mut self.screen else {
                            return Vec::new();
                        };
                        match session.attempt.question().kind {
                            // A click on a match item highlights it; the keys then pair it.
                            QuestionKind::Match { .. } => session.attempt.highlight(row),
                            QuestionKind::Multiple { .. } => {
                                session.attempt.digit(row + 1);
                                session.attempt.toggle();
                            }
                            _ => session.attempt.digit(row + 1),
                        }
                        Vec::new()
                    }
                    None => Vec::new(),
                }
            }
            _ => Vec::new(),
        }
    }
}

/// The feedback of the branching choice just taken, comparing the draft before and after.
fn last_choice_feedback(session: &Session, before: &crate::attempt::Draft) -> Option<String> {
    let crate::attempt::Draft::Branch { cursor, at, .. } = before else {
        return None;
    };
    let QuestionKind::Branching { nodes, .. } = &session.attempt.question().kind else {
        return None;
    };
    nodes
        .iter()
        .find(|n| &n.id == at)
        .and_then(|n| n.choices.get(*cursor))
        .map(|c| c.feedback.clone())
}

fn discarded(mut record: AttemptRecord, now: Now) -> Box<AttemptRecord> {
    record.status = crate::record::Status::Discarded;
    record.updated = now.wall;
    Box::new(record)
}
