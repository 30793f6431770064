//! The trainer's config file `vigil.ron`: the session, its phase, and what trainees may do in it.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::quiz::taxonomy::Labels;
use crate::quiz::{FeedbackMode, Quiz};
use crate::record::Phase;

/// The newest config format this build reads.
pub const CONFIG_FORMAT: u32 = 1;

/// The file name Vigil looks for.
pub const CONFIG_FILE_NAME: &str = "vigil.ron";

/// The contents of `vigil.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// File format version; see [`CONFIG_FORMAT`].
    pub format: u32,
    /// The training event, such as `almaty-2010-04`; names the folder of its records.
    pub session: String,
    /// The current phase: editing it moves the whole room on.
    pub phase: Phase,
    /// Where records go, such as a shared network folder. Relative paths start at the config's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results: Option<PathBuf>,
    /// The default UI language: `en`, `ru` or `kk`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Extra quiz folders, added to the built-in bank.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quiz_folders: Vec<PathBuf>,
    /// The groups trainees choose from.
    #[serde(default = "default_groups")]
    pub groups: Vec<Group>,
    /// Optional participant codes, so trainees sign in by code.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roster: Vec<RosterEntry>,
    /// Whether records keep participants' names. `false` (which needs a roster) keeps only roster codes in the
    /// shared results folder: trainees sign in by code or by their roster name, and reports name them from the
    /// trainer's own copy of the roster.
    #[serde(default = "stores_names", skip_serializing_if = "is_true")]
    pub store_names: bool,
    /// What each phase allows.
    #[serde(default)]
    pub phases: Phases,
    /// The room key: a file holding a secret every workstation of the room reads, with which each record carries a
    /// keyed hash ("written by a Vigil workstation of this room", a guard against accidental edits). Anyone at a
    /// workstation can read it; the trainer's signing key (`vigil keygen`, `vigil seal`) is what proves a session.
    /// Old configs call it `trainer_key`.
    #[serde(
        default,
        alias = "trainer_key",
        skip_serializing_if = "Option::is_none"
    )]
    pub room_key: Option<PathBuf>,
}

/// A participant group, such as police or NGO.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Stored in records, such as `police`.
    pub id: String,
    /// What trainees read.
    pub label: Labels,
}

/// One participant of the roster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RosterEntry {
    /// The code the trainee types, such as `P07`.
    pub code: String,
    /// The participant's name.
    pub name: String,
    /// Their group id.
    pub group: String,
}

/// The rules of each phase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phases {
    /// Before the training.
    #[serde(default = "PhaseRules::pre")]
    pub pre: PhaseRules,
    /// During the training.
    #[serde(default)]
    pub practice: PhaseRules,
    /// After the training.
    #[serde(default = "PhaseRules::pre")]
    pub post: PhaseRules,
}

impl Default for Phases {
    fn default() -> Self {
        Self {
            pre: PhaseRules::pre(),
            practice: PhaseRules::default(),
            post: PhaseRules::pre(),
        }
    }
}

impl Phases {
    /// The rules of `phase`.
    pub fn of(&self, phase: Phase) -> &PhaseRules {
        match phase {
            Phase::Pre => &self.pre,
            Phase::Practice => &self.practice,
            Phase::Post => &self.post,
        }
    }
}

/// What trainees may do in one phase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseRules {
    /// The quiz ids offered; empty offers every quiz.
    #[serde(default)]
    pub quizzes: Vec<String>,
    /// Overrides the feedback mode of the phase's scored quizzes; practice rounds (`pass_mark: 0`, such as the
    /// warm-up) keep their own (see [`PhaseRules::feedback_for`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<FeedbackMode>,
    /// Whether trainees may review their answers with explanations after submitting.
    #[serde(default = "yes")]
    pub review: bool,
    /// Whether a quiz already submitted in this phase is offered again. In the pre- and post-test phases it is
    /// not, unless this is set; practice quizzes may always be taken again.
    #[serde(default)]
    pub retakes: bool,
}

impl Default for PhaseRules {
    fn default() -> Self {
        Self {
            quizzes: Vec::new(),
            feedback: None,
            review: true,
            retakes: false,
        }
    }
}

impl PhaseRules {
    /// Tests: feedback held to the end and no review, so the answers do not spread before the post-test.
    fn pre() -> Self {
        Self {
            quizzes: Vec::new(),
            feedback: Some(FeedbackMode::Deferred),
            review: false,
            retakes: false,
        }
    }

    /// The feedback mode this phase imposes on `quiz`, if any. The phase's `feedback` applies only to scored
    /// quizzes: a practice round (`pass_mark: 0`, such as the warm-up) keeps its own mode, since feedback is
    /// what it is for.
    pub fn feedback_for(&self, quiz: &Quiz) -> Option<FeedbackMode> {
        self.feedback.filter(|_| quiz.pass_mark > 0)
    }

    /// The feedback mode `quiz` is taken with in this phase: the phase's override where it applies, else the
    /// quiz's own.
    pub fn effective_feedback(&self, quiz: &Quiz) -> FeedbackMode {
        self.feedback_for(quiz).unwrap_or(quiz.feedback)
    }

    /// Whether quiz `id` is offered in this phase.
    pub fn allows(&self, id: &str) -> bool {
        self.quizzes.is_empty() || self.quizzes.iter().any(|q| q == id)
    }
}

fn yes() -> bool {
    true
}

fn labels(en: &str, ru: &str, kk: &str) -> Labels {
    Labels {
        en: en.to_owned(),
        ru: ru.to_owned(),
        kk: kk.to_owned(),
    }
}

/// Police, NGO, social services, other.
pub fn default_groups() -> Vec<Group> {
    vec![
        Group {
            id: "police".into(),
            label: labels("Police", "Полиция", "Полиция"),
        },
        Group {
            id: "ngo".into(),
            label: labels("NGO", "НПО", "ҮЕҰ"),
        },
        Group {
            id: "social-services".into(),
            label: labels(
                "Social services",
                "Социальные службы",
                "Әлеуметтік қызметтер",
            ),
        },
        Group {
            id: "other".into(),
            label: labels("Other", "Другое", "Басқа"),
        },
    ]
}

/// The session of a workstation without a trainer's config.
pub const SELF_STUDY: &str = "self-study";

/// The default of `store_names`: records keep names.
fn stores_names() -> bool {
    true
}

fn is_true(value: &bool) -> bool {
    *value
}

impl Config {
    /// The config used when there is no file: a self-study session in the practice phase.
    pub fn standalone() -> Self {
        Self {
            format: CONFIG_FORMAT,
            session: SELF_STUDY.into(),
            phase: Phase::Practice,
            results: None,
            language: None,
            quiz_folders: Vec::new(),
            groups: default_groups(),
            roster: Vec::new(),
            store_names: true,
            phases: Phases::default(),
            room_key: None,
        }
    }
}
