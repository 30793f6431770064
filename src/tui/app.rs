//! The trainee app's state and its `update`: messages in, state changed, effects out. This file holds what every
//! screen shares and dispatches each message to the screen on show; each screen's own update sits beside its
//! drawing in `tui/screens/`. The loop carries out the effects (saving, reading the config, quitting) and feeds
//! their results back as messages.

use std::sync::Arc;

use rand::SeedableRng;
use rand::rngs::StdRng;
use ratatui::crossterm::event::{MouseEvent, MouseEventKind};

use super::blocker::Blocker;
use super::keymap::{Action, Answering, Mode, action};
use super::screens;
use crate::attempt::{Attempt, RecordHeader, quiz_ref};
use crate::i18n::Lang;
use crate::quiz::bank::TEACHING_ORDER;
use crate::quiz::{FeedbackMode, QuestionKind, Taxonomy};
use crate::record::presence::Here;
use crate::record::{AttemptId, Participant};

pub use super::screens::sign_in::{Field, SignIn, SignInError};
pub use super::state::{
    Ask, Delivery, Effect, Found, Msg, Notice, Now, Offer, Overlay, Room, Screen, Session,
};

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
    /// Where the last save left its record; the loop retries until it is delivered.
    pub delivery: Delivery,
    /// `--feedback`: overrides the quiz and the config.
    pub feedback_override: Option<FeedbackMode>,
    /// Only this quiz id (`vigil run QUIZ`).
    pub only_quiz: Option<String>,
    /// The attempts of the participant who signed in, in this session (read at sign-in).
    pub history: Vec<crate::record::AttemptRecord>,
    /// The quiz being opened is an unfinished attempt the trainee chose to continue.
    pub(crate) continuing: bool,
    /// The bank is still being parsed: the quiz list waits for it.
    pub loading_bank: bool,
    /// The config is still being read (from a slow shared folder) behind the first frame, which shows the
    /// sign-in without it: holds the language the app started in, which the config's replaces unless the trainee
    /// chose another meanwhile.
    pub awaiting_config: Option<Lang>,
    /// The trainee pressed Enter on the sign-in before the config arrived, and has not touched the form since:
    /// when it does, the group field takes the focus, as the group it lists is still to be chosen (with no group
    /// to choose, or a roster participant, they are signed in).
    pub(crate) confirmed_early: bool,
    /// Shuffles questions and options; seeded by `--seed` to reproduce an order.
    pub(crate) rng: StdRng,
    /// Makes attempt ids; always from the operating system, so two workstations with the same `--seed` never
    /// share an id.
    pub(crate) id_rng: StdRng,
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
            delivery: Delivery::Delivered,
            feedback_override: None,
            only_quiz: None,
            history: Vec::new(),
            continuing: false,
            loading_bank: false,
            awaiting_config: None,
            confirmed_early: false,
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

    /// The kind of screen that has the keys now, overlays first.
    pub fn mode(&self) -> Mode {
        match self.overlay {
            Some(Overlay::Help { .. }) => Mode::Help,
            Some(Overlay::Dialog { .. }) => Mode::Dialog,
            Some(Overlay::Overview { .. }) => Mode::Overview {
                deferred: self
                    .session()
                    .is_some_and(|s| s.attempt.feedback() == FeedbackMode::Deferred),
            },
            None => self.screen_mode(),
        }
    }

    /// The kind of the screen itself, whatever window is over it (the help window lists its keys).
    pub fn screen_mode(&self) -> Mode {
        match &self.screen {
            Screen::SignIn(form) if matches!(form.field, Field::Name | Field::Code) => {
                Mode::SignInText
            }
            Screen::SignIn(_) => Mode::SignInChoice,
            Screen::Blocked { .. } if self.awaiting_config.is_some() => Mode::DeadEnd,
            Screen::Loading | Screen::Blocked { .. } => Mode::Message,
            Screen::Picker { .. } => Mode::Picker,
            Screen::Resume { .. } => Mode::Resume,
            Screen::Attempt(session) if session.showing_feedback => Mode::Feedback,
            Screen::Attempt(session) => Mode::Question {
                answering: answering(&session.attempt.question().kind),
                deferred: session.attempt.feedback() == FeedbackMode::Deferred,
                scenario: session.attempt.question().scenario.is_some(),
            },
            Screen::Results(_) => Mode::Results {
                review: self.room.rules.review,
            },
            Screen::Review { .. } => Mode::Review,
        }
    }

    /// Takes in the config as the loop finds it after the first frame. When the first frame was drawn without it:
    /// its room and its language (unless the trainee chose another meanwhile), then the group to choose, or the
    /// sign-in, of a trainee who pressed Enter while it was read; an unreadable config shows its error and leaves
    /// the room unknown. In any case, while the sign-in is on screen: why answers cannot be recorded, if they
    /// cannot (the results folder is looked for only after the first frame).
    fn found(&mut self, found: Result<Found, Blocker>) -> Vec<Effect> {
        let found = match found {
            Ok(found) => found,
            Err(detail) => {
                // The room stays unknown (`awaiting_config` stays set), so nobody can sign in against it.
                if self.awaiting_config.is_some() {
                    self.screen = Screen::Blocked { detail };
                }
                return Vec::new();
            }
        };
        let awaited = self.awaiting_config.take();
        if let Some(started_in) = awaited {
            self.room = found.room;
            if self.lang == started_in {
                self.lang = found.lang;
            }
        }
        let confirmed = std::mem::take(&mut self.confirmed_early);
        if let (Some(detail), Screen::SignIn(_)) = (found.blocked, &self.screen) {
            self.screen = Screen::Blocked { detail };
            return Vec::new();
        }
        if awaited.is_none() || !confirmed {
            return Vec::new();
        }
        // The group is still to be chosen (the first frame had none to offer, so none was), unless the roster gives it.
        let group_to_choose =
            !self.room.groups.is_empty() && !screens::sign_in::roster_gives_group(self);
        match &mut self.screen {
            Screen::SignIn(form) if group_to_choose => {
                form.field = Field::Group;
                Vec::new()
            }
            Screen::SignIn(_) => screens::sign_in::sign_in(self),
            _ => Vec::new(),
        }
    }

    /// Handles one message at time `now`; returns what the loop must do.
    pub fn update(&mut self, msg: Msg, now: Now) -> Vec<Effect> {
        if let Screen::Attempt(session) = &mut self.screen
            && session.attempt.tick(now.mono_ms)
        {
            return screens::attempt::time_up(self, now);
        }
        match msg {
            Msg::Key(key) => match action(self.mode(), key) {
                Some(action) => self.act(action, now),
                None => Vec::new(),
            },
            Msg::Mouse(mouse) => self.mouse(mouse, now),
            Msg::Resize(width, height) => {
                self.size = (width, height);
                self.clamp_scrolls();
                Vec::new()
            }
            Msg::Tick => {
                screens::attempt::warn_of_time(self);
                Vec::new()
            }
            Msg::History(records) => {
                self.history = records;
                Vec::new()
            }
            Msg::Found(found) => self.found(found),
            Msg::RoomLoaded(Ok(room)) => {
                self.room = room;
                self.screen = Screen::Picker { cursor: 0 };
                let entries = screens::picker::entries(self);
                match entries.as_slice() {
                    [only] if self.only_quiz.is_some() => {
                        let entry = only.clone();
                        screens::picker::choose(self, entry)
                    }
                    _ => Vec::new(),
                }
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
                elsewhere,
            } => match unfinished {
                Some(record) => {
                    self.screen = Screen::Resume {
                        record,
                        offer,
                        focus: 0,
                        elsewhere,
                    };
                    if std::mem::take(&mut self.continuing) && elsewhere.is_none() {
                        return screens::picker::update_resume(self, Action::Confirm, now);
                    }
                    Vec::new()
                }
                None => self.start(offer, now),
            },
            Msg::Saved(delivery) => {
                self.delivery = delivery;
                Vec::new()
            }
        }
    }

    /// Carries out `action` on the window or screen that has the keys.
    pub(crate) fn act(&mut self, action: Action, now: Now) -> Vec<Effect> {
        if action == Action::ForceQuit {
            let mut effects = self.save_now(now);
            effects.push(Effect::Quit);
            return effects;
        }
        if let Some(overlay) = self.overlay {
            return screens::overlays::update(self, overlay, action, now);
        }
        if action == Action::Help {
            self.overlay = Some(Overlay::Help { scroll: 0 });
            return Vec::new();
        }
        self.notice = None;
        match &self.screen {
            Screen::SignIn(_) => screens::sign_in::update(self, action),
            Screen::Loading => Vec::new(),
            Screen::Picker { .. } => screens::picker::update(self, action),
            Screen::Resume { .. } => screens::picker::update_resume(self, action, now),
            Screen::Blocked { .. } => {
                match action {
                    Action::Confirm => {
                        self.participant = None;
                        self.screen = Screen::SignIn(SignIn::default());
                    }
                    Action::Quit => self.ask(Ask::Leave),
                    _ => {}
                }
                Vec::new()
            }
            Screen::Attempt(_) => screens::attempt::update(self, action, now),
            Screen::Results(_) | Screen::Review { .. } => {
                screens::results::update(self, action);
                Vec::new()
            }
        }
    }

    /// Who is signed in here and what is on screen, for this workstation's presence file; `None` when nobody is
    /// signed in or nothing is recorded (a play-test).
    pub fn here(&self) -> Option<Here> {
        let participant = self.participant.clone().filter(|_| self.room.recording)?;
        let (quiz, attempt, question) = match &self.screen {
            Screen::Attempt(session) => (
                Some(session.header.quiz.id.clone()),
                Some(session.header.attempt.clone()),
                Some(session.attempt.position() + 1),
            ),
            Screen::Results(session) | Screen::Review { session, .. } => (
                Some(session.header.quiz.id.clone()),
                Some(session.header.attempt.clone()),
                None,
            ),
            Screen::Resume { offer, .. } => (Some(offer.quiz.id.clone()), None, None),
            _ => (None, None, None),
        };
        Some(Here {
            participant,
            quiz,
            attempt,
            question,
        })
    }

    /// The name to show for `participant` on this screen: as recorded, else (where records keep only codes) the
    /// roster's name for the code, else the code.
    pub fn shown_name(&self, participant: &Participant) -> String {
        if !participant.name.is_empty() {
            return participant.name.clone();
        }
        let code = participant.code.as_deref().unwrap_or_default();
        self.room
            .roster
            .iter()
            .find(|entry| entry.code == code)
            .map_or_else(|| code.to_owned(), |entry| entry.name.clone())
    }

    /// Opens a question with buttons, focus on the safe one.
    pub(crate) fn ask(&mut self, ask: Ask) {
        self.overlay = Some(Overlay::Dialog { ask, focus: 0 });
    }

    /// Starts a new attempt on `offer`; nothing is saved until the first answer (or flag).
    pub(crate) fn start(&mut self, offer: Offer, now: Now) -> Vec<Effect> {
        let Some(participant) = self.participant.clone() else {
            return Vec::new();
        };
        let feedback = self
            .feedback_override
            .or(self.room.rules.feedback_for(&offer.quiz))
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
        Vec::new()
    }

    /// The session on screen, if any.
    pub fn session(&self) -> Option<&Session> {
        match &self.screen {
            Screen::Attempt(session) | Screen::Results(session) => Some(session),
            Screen::Review { session, .. } => Some(session),
            _ => None,
        }
    }

    /// The attempt being answered, if any.
    pub(crate) fn answering_mut(&mut self) -> Option<&mut Session> {
        match &mut self.screen {
            Screen::Attempt(session) => Some(session),
            _ => None,
        }
    }

    /// A save of the attempt being answered, when answers are recorded and it holds an answer or a flag (an
    /// attempt opened and left untouched leaves no record).
    pub(crate) fn save_now(&self, now: Now) -> Vec<Effect> {
        match &self.screen {
            Screen::Attempt(session) if self.room.recording && session.attempt.touched() => {
                vec![Effect::Save(Box::new(
                    session.attempt.to_record(&session.header, now.wall),
                ))]
            }
            _ => Vec::new(),
        }
    }

    /// Submits the attempt: the results screen, and the final save.
    pub(crate) fn finish(&mut self, now: Now, notice: Option<Notice>) -> Vec<Effect> {
        let screen = std::mem::replace(&mut self.screen, Screen::Loading);
        let Screen::Attempt(mut session) = screen else {
            self.screen = screen;
            return Vec::new();
        };
        session.attempt.finish();
        session.showing_feedback = false;
        session.scroll = 0;
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

    /// Keeps every scroll offset within what there is to scroll, after the window or the content changed.
    pub(crate) fn clamp_scrolls(&mut self) {
        screens::attempt::clamp(self);
        screens::results::clamp(self);
        screens::overlays::clamp(self);
    }

    fn mouse(&mut self, mouse: MouseEvent, now: Now) -> Vec<Effect> {
        match mouse.kind {
            MouseEventKind::ScrollUp => self.act(Action::ScrollUp, now),
            MouseEventKind::ScrollDown => self.act(Action::ScrollDown, now),
            MouseEventKind::Down(_) if self.overlay.is_none() => {
                screens::attempt::click(self, mouse.column, mouse.row);
                Vec::new()
            }
            _ => Vec::new(),
        }
    }
}

/// How a question of `kind` is answered, as far as keys are concerned.
pub fn answering(kind: &QuestionKind) -> Answering {
    match kind {
        QuestionKind::Single { .. } | QuestionKind::TrueFalse { .. } => Answering::One,
        QuestionKind::Multiple { .. } => Answering::Several,
        QuestionKind::Order { .. } => Answering::Order,
        QuestionKind::Match { .. } => Answering::Match,
        QuestionKind::Branching { .. } => Answering::Branch,
    }
}
