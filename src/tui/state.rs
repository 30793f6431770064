//! The data of the trainee app: what `update` reads and writes (screens, windows, notices, the attempt under way)
//! and the messages and effects that pass between it and the loop.

use std::sync::Arc;

use jiff::Timestamp;
use ratatui::crossterm::event::{KeyEvent, MouseEvent};

use super::blocker::Blocker;
use super::keymap::Answering;
use super::screens::sign_in::SignIn;
use crate::attempt::{Attempt, RecordHeader};
use crate::config::{Group, PhaseRules, RosterEntry};
use crate::i18n::Lang;
use crate::quiz::Quiz;
use crate::record::presence::Sighting;
use crate::record::{AttemptRecord, Participant, Phase};

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
    /// Whether records keep names; when not, only roster participants sign in, and records keep their codes.
    pub store_names: bool,
    /// Whether answers are recorded (false for a play-test).
    pub recording: bool,
}

/// The trainer's config as the app starts with it, when it was read behind the first frame.
#[derive(Debug, Clone)]
pub struct Found {
    /// The room's settings.
    pub room: Room,
    /// The language the config (or the `--lang` flag) asks for.
    pub lang: Lang,
    /// Why answers cannot be recorded (the results folder is missing), if they cannot.
    pub blocked: Option<Blocker>,
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
    /// Lines the body (feedback, results, review) is scrolled by.
    pub scroll: u16,
    /// Lines the scenario pane is scrolled by.
    pub scenario_scroll: u16,
    /// Whether the time warning was given.
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
            scenario_scroll: 0,
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
        /// The button with focus: 0 continue (or, when open elsewhere, a separate attempt), 1 start again (or
        /// take over).
        focus: usize,
        /// Another workstation's app that has this attempt open.
        elsewhere: Option<Sighting>,
    },
    /// The results folder cannot be written, or the config is broken: the trainer must step in.
    Blocked {
        /// What is wrong.
        detail: Blocker,
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

/// A question asked with buttons; the first button is always the safe one and has focus at first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// "Leave Vigil?": stay, leave.
    Leave,
    /// Leaving with every question answered: back, submit, leave without submitting.
    LeaveAnswered,
    /// "Submit your answers": back to the questions, submit.
    Finish,
    /// "Start again?": keep the answers, discard them.
    StartAgain,
}

impl Ask {
    /// How many buttons it has.
    pub fn buttons(self) -> usize {
        match self {
            Ask::LeaveAnswered => 3,
            _ => 2,
        }
    }
}

/// A window over the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The keys of the screen beneath.
    Help {
        /// Lines scrolled.
        scroll: u16,
    },
    /// A question with buttons.
    Dialog {
        /// Which question.
        ask: Ask,
        /// The button with focus.
        focus: usize,
    },
    /// Every question with its state.
    Overview {
        /// The highlighted question.
        cursor: usize,
    },
}

/// A short message at the bottom of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// Enter with nothing chosen, for this kind of question.
    Incomplete(Answering),
    /// The time is running out.
    TimeRunningOut,
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
    RoomLoaded(Result<Room, Blocker>),
    /// The config the app started without was read (behind the first frame), or could not be.
    Found(Result<Found, Blocker>),
    /// The attempts the participant who signed in has in this session (any status).
    History(Vec<AttemptRecord>),
    /// The chosen quiz is ready to start: whether the results folder can be written, and an unfinished attempt.
    Prepared {
        /// The chosen quiz.
        offer: Offer,
        /// The writability probe's verdict.
        probe: Result<(), Blocker>,
        /// An unfinished attempt of this participant on this quiz.
        unfinished: Option<Box<AttemptRecord>>,
        /// Another workstation's app that has that attempt open.
        elsewhere: Option<Sighting>,
    },
    /// A save finished.
    Saved(Delivery),
}

/// Where the last save left the attempt's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// In the shared results folder.
    Delivered,
    /// Kept on this computer only: the results folder could not be written (why, in words); delivery is retried.
    Kept(String),
    /// Another computer continues this attempt: kept on this computer, never written over the other's save.
    Displaced,
    /// Written nowhere, not even on this computer (why, in words); saving is retried.
    Failed(String),
}

impl Delivery {
    /// Whether the loop must try again.
    pub fn retried(&self) -> bool {
        matches!(self, Delivery::Kept(_) | Delivery::Failed(_))
    }

    /// Whether the record is in the shared results folder.
    pub fn delivered(&self) -> bool {
        *self == Delivery::Delivered
    }
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
