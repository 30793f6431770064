//! The quiz file format: the serde types a quiz RON file is read into.
//!
//! `docs/quiz-format.md` documents every field; keep the two in step.

use serde::{Deserialize, Serialize};

/// The newest quiz file format this build reads and writes.
pub const QUIZ_FORMAT: u32 = 1;

/// One quiz in one language: metadata, scenarios and questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quiz {
    /// File format version; see [`QUIZ_FORMAT`].
    pub format: u32,
    /// Stable identifier shared by every translation of this quiz.
    pub id: String,
    /// Content version, raised by the author whenever questions or keys change.
    pub version: u32,
    /// Language code of this file, such as `en`, `ru` or `kk`.
    pub language: String,
    /// Title shown in the quiz picker and the attempt header.
    pub title: String,
    /// One or two sentences shown in the quiz picker.
    pub description: String,
    /// How long a typical attempt takes, in minutes.
    pub estimated_minutes: u32,
    /// Percentage of the maximum score needed to pass (0-100).
    pub pass_mark: u32,
    /// When trainees see feedback, unless the trainer's config overrides it.
    #[serde(default)]
    pub feedback: FeedbackMode,
    /// Optional time limit for the whole attempt, in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit_minutes: Option<u32>,
    /// Whether questions (scenario blocks kept together) are shown in random order.
    #[serde(default = "yes")]
    pub shuffle_questions: bool,
    /// Whether options are shown in random order, unless a question says otherwise.
    #[serde(default = "yes")]
    pub shuffle_options: bool,
    /// Parallel forms of one test (a pre-test and a post-test) share a form group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form_group: Option<String>,
    /// Tags of the whole quiz, declared in `tags.ron`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Case narratives that questions refer to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
    /// The questions, in their authored order.
    pub questions: Vec<Question>,
    /// Item-writing lint rules silenced for the whole quiz, each with its reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lint_allow: Vec<LintAllow>,
}

fn yes() -> bool {
    true
}

/// An item-writing lint rule silenced on purpose, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LintAllow {
    /// The rule's name, such as `longest-option`.
    pub rule: String,
    /// Why the rule does not apply here, for the next reviewer.
    pub reason: String,
}

/// When a trainee sees whether an answer was right.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackMode {
    /// After every answer.
    #[default]
    Immediate,
    /// Only at the end of the attempt (exams, pre-tests).
    Deferred,
}

/// A short case narrative shared by several questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Identifier that questions use in their `scenario` field.
    pub id: String,
    /// Short title shown above the narrative.
    pub title: String,
    /// Who, where, what is observed.
    pub narrative: String,
}

/// One question: what every kind shares, and its kind with the kind's own data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Identifier, the same in every translation.
    pub id: String,
    /// The scenario this question belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<String>,
    /// The question text.
    pub prompt: String,
    /// Full marks; defaults to 1. Branching questions take their points from the path instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<f64>,
    /// Topic tags, declared in `tags.ron`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Why the answer is what it is, shown with the feedback.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub explanation: String,
    /// Source citations, such as "Palermo Protocol, Art. 3(c)".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    /// Overrides the quiz's `shuffle_options` for this question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shuffle: Option<bool>,
    /// Item-writing lint rules silenced for this question, each with its reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lint_allow: Vec<LintAllow>,
    /// The kind of question and its answer data.
    pub kind: QuestionKind,
}

/// The six kinds of question, each with the data it needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum QuestionKind {
    /// Exactly one correct option.
    Single {
        /// The options, one of them correct.
        options: Vec<AnswerOption>,
    },
    /// Two options (true and false), exactly one correct.
    TrueFalse {
        /// The two options.
        options: Vec<AnswerOption>,
    },
    /// Select all that apply, with partial credit.
    Multiple {
        /// The options, at least one of them correct.
        options: Vec<AnswerOption>,
    },
    /// Put the items in sequence; the authored order is the correct one.
    Order {
        /// The items in their correct order.
        items: Vec<OrderItem>,
    },
    /// Pair each item with a target; several items may share a target.
    Match {
        /// The left-hand items, each naming its correct target.
        items: Vec<MatchItem>,
        /// The right-hand targets (more than the items use act as distractors).
        targets: Vec<MatchTarget>,
    },
    /// A decision tree of nodes and choices ending at a debrief.
    Branching {
        /// The id of the first node.
        start: String,
        /// The decision points.
        nodes: Vec<BranchNode>,
        /// Where paths end.
        endings: Vec<Ending>,
    },
}

impl QuestionKind {
    /// The kind's name as written in quiz files.
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::Single { .. } => "single",
            QuestionKind::TrueFalse { .. } => "true_false",
            QuestionKind::Multiple { .. } => "multiple",
            QuestionKind::Order { .. } => "order",
            QuestionKind::Match { .. } => "match",
            QuestionKind::Branching { .. } => "branching",
        }
    }
}

/// An option of a `single`, `true_false` or `multiple` question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    /// Short identifier, the same in every translation.
    pub id: String,
    /// What the trainee reads.
    pub text: String,
    /// Whether choosing this option is right.
    #[serde(default)]
    pub correct: bool,
    /// `multiple` only: fraction of the question's points for choosing it (-1.0 to 1.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// Why this option is right or wrong.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub feedback: String,
    /// Indicator tags this option stands for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// An item of an `order` question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderItem {
    /// Short identifier, the same in every translation.
    pub id: String,
    /// What the trainee reads.
    pub text: String,
    /// Why the item belongs where it does.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub feedback: String,
    /// Tags this item stands for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// A left-hand item of a `match` question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchItem {
    /// Short identifier, the same in every translation.
    pub id: String,
    /// What the trainee reads.
    pub text: String,
    /// The id of the correct target.
    pub target: String,
    /// Why the item belongs to its target.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub feedback: String,
    /// Tags this item stands for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// A right-hand target of a `match` question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchTarget {
    /// Short identifier, the same in every translation.
    pub id: String,
    /// What the trainee reads.
    pub text: String,
}

/// A decision point of a `branching` question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BranchNode {
    /// Identifier, unique among the question's nodes, choices and endings.
    pub id: String,
    /// What the trainee sees at this point.
    pub text: String,
    /// What the trainee may do next.
    pub choices: Vec<BranchChoice>,
}

/// A choice at a branching node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BranchChoice {
    /// Identifier, unique within the question.
    pub id: String,
    /// What the trainee reads.
    pub text: String,
    /// Points earned by taking this choice (0 or more).
    #[serde(default)]
    pub points: f64,
    /// The consequence of this choice, shown as feedback.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub feedback: String,
    /// The id of the next node or of an ending.
    pub next: String,
    /// Tags this choice stands for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// Where a branching path ends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    /// Identifier, unique among the question's nodes, choices and endings.
    pub id: String,
    /// Short title of the outcome.
    pub title: String,
    /// What happened and why, shown at the end of the path.
    pub debrief: String,
}
