//! A participant's run through a quiz: layout, working answers, navigation, scoring and time, with no terminal,
//! file or clock of its own (time comes in as readings of an injected clock).

use std::collections::BTreeMap;
use std::sync::Arc;

use rand::Rng;

use super::draft::Draft;
use super::order::{Layout, lay_out};
use crate::quiz::{FeedbackMode, Question, QuestionKind, Quiz, Response};

/// One question of the attempt: its layout, working answer, submitted answer, points and time.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The order shown.
    pub layout: Layout,
    /// The answer being put together.
    pub draft: Draft,
    /// The submitted answer.
    pub answer: Option<Response>,
    /// Points of the submitted answer.
    pub points: f64,
    /// Time spent on the question, in milliseconds.
    pub time_ms: u64,
    /// Flagged to come back to.
    pub flagged: bool,
}

/// What pressing Enter did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Submitted {
    /// The question has its answer (and, in immediate mode, is now locked).
    Answered,
    /// A branching choice was taken and the path goes on.
    Stepped,
    /// Nothing to submit yet (no option ticked, an item without a partner).
    Incomplete,
    /// The question was already answered in immediate mode and cannot change.
    Locked,
}

/// Points earned and possible for one tag.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TagScore {
    /// Points earned on questions with the tag.
    pub points: f64,
    /// Points possible on them.
    pub max_points: f64,
}

/// A participant's run through one quiz.
#[derive(Debug, Clone)]
pub struct Attempt {
    quiz: Arc<Quiz>,
    feedback: FeedbackMode,
    items: Vec<Item>,
    current: usize,
    clock_ms: Option<u64>,
    finished: bool,
}

impl Attempt {
    /// Starts an attempt on `quiz`, laid out with `rng`, giving feedback as `feedback` says.
    pub fn new(quiz: Arc<Quiz>, feedback: FeedbackMode, rng: &mut (impl Rng + ?Sized)) -> Self {
        let layouts = lay_out(&quiz, rng);
        let items = layouts
            .into_iter()
            .map(|layout| Item {
                draft: Draft::new(&quiz.questions[layout.question].kind, &layout),
                layout,
                answer: None,
                points: 0.0,
                time_ms: 0,
                flagged: false,
            })
            .collect();
        Self {
            quiz,
            feedback,
            items,
            current: 0,
            clock_ms: None,
            finished: false,
        }
    }

    /// Rebuilds an attempt from saved items (resuming), on the question `current`.
    pub fn restore(
        quiz: Arc<Quiz>,
        feedback: FeedbackMode,
        items: Vec<Item>,
        current: usize,
    ) -> Self {
        let current = current.min(items.len().saturating_sub(1));
        Self {
            quiz,
            feedback,
            items,
            current,
            clock_ms: None,
            finished: false,
        }
    }

    /// The quiz.
    pub fn quiz(&self) -> &Quiz {
        &self.quiz
    }

    /// The feedback mode in force.
    pub fn feedback(&self) -> FeedbackMode {
        self.feedback
    }

    /// The questions in the order shown.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// The position of the question on screen.
    pub fn position(&self) -> usize {
        self.current
    }

    /// The item on screen.
    pub fn item(&self) -> &Item {
        &self.items[self.current]
    }

    /// The question of item `index`.
    pub fn question_at(&self, index: usize) -> &Question {
        &self.quiz.questions[self.items[index].layout.question]
    }

    /// The question on screen.
    pub fn question(&self) -> &Question {
        self.question_at(self.current)
    }

    /// Whether the question on screen can no longer change (immediate mode, answered).
    pub fn locked(&self) -> bool {
        self.feedback == FeedbackMode::Immediate && self.item().answer.is_some()
    }

    /// Whether the attempt was submitted.
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    fn edit(&mut self, change: impl FnOnce(&mut Draft, &QuestionKind, usize)) {
        if self.locked() || self.finished {
            return;
        }
        let quiz = Arc::clone(&self.quiz);
        let item = &mut self.items[self.current];
        let targets = item.layout.shown_targets.len();
        change(
            &mut item.draft,
            &quiz.questions[item.layout.question].kind,
            targets,
        );
    }

    /// ↑/↓: moves the highlight (and a held `order` item).
    pub fn move_cursor(&mut self, delta: isize) {
        if self.locked() || self.finished {
            return;
        }
        let quiz = Arc::clone(&self.quiz);
        let item = &mut self.items[self.current];
        item.draft
            .move_cursor(&quiz.questions[item.layout.question].kind, delta);
    }

    /// Space.
    pub fn toggle(&mut self) {
        self.edit(|draft, _, targets| draft.toggle(targets));
    }

    /// Highlights row `row` (a click), whatever the kind of question.
    pub fn highlight(&mut self, row: usize) {
        self.edit(|draft, kind, _| draft.set_cursor(kind, row));
    }

    /// ←/→ in `match`.
    pub fn cycle_target(&mut self, delta: isize) {
        self.edit(|draft, _, targets| draft.cycle_target(delta, targets));
    }

    /// A digit 1-9: highlights (and, in single-choice questions, chooses) that option; in `match`, chooses that
    /// target for the highlighted item.
    pub fn digit(&mut self, digit: usize) {
        let Some(index) = digit.checked_sub(1) else {
            return;
        };
        self.edit(|draft, kind, targets| match draft {
            Draft::Match { .. } => draft.set_target(index, targets),
            Draft::Choice { several: false, .. } | Draft::Branch { .. } => {
                if index < draft.rows(kind) {
                    draft.set_cursor(kind, index);
                    draft.choose_highlighted();
                }
            }
            _ => draft.set_cursor(kind, index),
        });
    }

    /// Enter: submits the question's answer, or takes the highlighted branching choice.
    pub fn submit(&mut self) -> Submitted {
        if self.finished {
            return Submitted::Locked;
        }
        if self.locked() {
            return Submitted::Locked;
        }
        let quiz = Arc::clone(&self.quiz);
        let item = &mut self.items[self.current];
        let question = &quiz.questions[item.layout.question];
        if let (
            Draft::Branch {
                cursor,
                path,
                at,
                ended: ended @ false,
                chosen,
            },
            QuestionKind::Branching { nodes, .. },
        ) = (&mut item.draft, &question.kind)
        {
            let Some(choice) = nodes
                .iter()
                .find(|n| &n.id == at)
                .and_then(|n| n.choices.get((*chosen)?))
            else {
                return Submitted::Incomplete;
            };
            path.push(choice.id.clone());
            at.clone_from(&choice.next);
            *cursor = 0;
            *chosen = None;
            *ended = !nodes.iter().any(|n| n.id == *at);
            if !*ended {
                return Submitted::Stepped;
            }
        }
        let Some(response) = item.draft.response(&item.layout) else {
            return Submitted::Incomplete;
        };
        item.points = question.score(&response);
        item.answer = Some(response);
        Submitted::Answered
    }

    /// Starts walking a branching question again from its first node (deferred mode, going back); the answer
    /// already given stands until a new path reaches an ending.
    pub fn restart_branch(&mut self) {
        if self.locked() || self.finished {
            return;
        }
        let quiz = Arc::clone(&self.quiz);
        let item = &mut self.items[self.current];
        let kind = &quiz.questions[item.layout.question].kind;
        if matches!(kind, QuestionKind::Branching { .. }) {
            item.draft = Draft::new(kind, &item.layout);
        }
    }

    /// Goes to question `index` (0-based), when it exists.
    pub fn go_to(&mut self, index: usize) {
        if index < self.items.len() {
            self.current = index;
        }
    }

    /// The next question; false at the last one.
    pub fn next_question(&mut self) -> bool {
        let has_next = self.current + 1 < self.items.len();
        if has_next {
            self.current += 1;
        }
        has_next
    }

    /// The previous question; false at the first one.
    pub fn previous_question(&mut self) -> bool {
        let has_previous = self.current > 0;
        if has_previous {
            self.current -= 1;
        }
        has_previous
    }

    /// The first unanswered question after the current one, wrapping around.
    pub fn next_unanswered(&self) -> Option<usize> {
        let n = self.items.len();
        (1..=n)
            .map(|step| (self.current + step) % n)
            .find(|&i| self.items[i].answer.is_none())
    }

    /// `f`: flags or unflags the question on screen.
    pub fn toggle_flag(&mut self) {
        let item = &mut self.items[self.current];
        item.flagged = !item.flagged;
    }

    /// Records a reading of the clock, in milliseconds: the time since the last reading counts for the question
    /// on screen. Returns whether a time limit has now run out.
    pub fn tick(&mut self, now_ms: u64) -> bool {
        if let Some(last) = self.clock_ms
            && !self.finished
        {
            self.items[self.current].time_ms += now_ms.saturating_sub(last);
        }
        self.clock_ms = Some(now_ms);
        self.remaining_ms() == Some(0)
    }

    /// Forgets the last clock reading (after a pause, such as a resume), so the gap is not counted.
    pub fn pause_clock(&mut self) {
        self.clock_ms = None;
    }

    /// Time spent on all questions, in milliseconds.
    pub fn elapsed_ms(&self) -> u64 {
        self.items.iter().map(|i| i.time_ms).sum()
    }

    /// Time left under the quiz's limit, if it has one.
    pub fn remaining_ms(&self) -> Option<u64> {
        self.quiz
            .time_limit_minutes
            .map(|minutes| (u64::from(minutes) * 60_000).saturating_sub(self.elapsed_ms()))
    }

    /// Under a time limit, counts `away_ms` spent while the app was not running (between the last save and a
    /// resume): a crash gives no time back. Never more than the time left.
    pub fn count_time_away(&mut self, away_ms: u64) {
        if let Some(left) = self.remaining_ms() {
            self.items[self.current].time_ms += away_ms.min(left);
        }
    }

    /// When the time warning is due: two minutes before the end, or at a fifth of the limit for limits shorter
    /// than ten minutes.
    pub fn warning_ms(&self) -> Option<u64> {
        self.quiz
            .time_limit_minutes
            .map(|minutes| (u64::from(minutes) * 60_000 / 5).min(120_000))
    }

    /// Keeps what is chosen on the question on screen as its answer, when it is a complete answer (the time ran
    /// out before Enter was pressed).
    pub fn keep_draft(&mut self) {
        if self.finished || self.locked() {
            return;
        }
        let quiz = Arc::clone(&self.quiz);
        let item = &mut self.items[self.current];
        if let Some(response) = item.draft.response(&item.layout) {
            item.points = quiz.questions[item.layout.question].score(&response);
            item.answer = Some(response);
        }
    }

    /// Whether anything is worth saving: an answer or a flag.
    pub fn touched(&self) -> bool {
        self.items.iter().any(|i| i.answer.is_some() || i.flagged)
    }

    /// Submits the attempt: nothing can change any more; unanswered questions score 0.
    pub fn finish(&mut self) {
        self.finished = true;
    }

    /// How many questions have an answer.
    pub fn answered(&self) -> usize {
        self.items.iter().filter(|i| i.answer.is_some()).count()
    }

    /// Points earned so far.
    pub fn points(&self) -> f64 {
        self.items.iter().map(|i| i.points).sum()
    }

    /// Points possible.
    pub fn max_points(&self) -> f64 {
        self.quiz.questions.iter().map(Question::max_points).sum()
    }

    /// The score as a percentage of the maximum.
    pub fn percent(&self) -> f64 {
        let max = self.max_points();
        if max > 0.0 {
            100.0 * self.points() / max
        } else {
            0.0
        }
    }

    /// Whether the score reaches the quiz's pass mark.
    pub fn passed(&self) -> bool {
        self.percent() + 1e-9 >= f64::from(self.quiz.pass_mark)
    }

    /// Points earned and possible per question tag, sorted by tag id.
    pub fn by_tag(&self) -> BTreeMap<String, TagScore> {
        let mut scores: BTreeMap<String, TagScore> = BTreeMap::new();
        for (index, item) in self.items.iter().enumerate() {
            let question = self.question_at(index);
            for tag in &question.tags {
                let entry = scores.entry(tag.clone()).or_insert(TagScore {
                    points: 0.0,
                    max_points: 0.0,
                });
                entry.points += item.points;
                entry.max_points += question.max_points();
            }
        }
        scores
    }
}
