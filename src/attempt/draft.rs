//! The answer a participant is putting together for one question, before and after submitting it.

use crate::quiz::{QuestionKind, Response};

use super::order::Layout;

/// A working answer, per kind, with the highlighted row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Draft {
    /// `single`, `true_false`, `multiple`: which shown options are ticked.
    Choice {
        /// The highlighted row.
        cursor: usize,
        /// Ticked, per shown option.
        chosen: Vec<bool>,
        /// Whether several may be ticked.
        several: bool,
    },
    /// `order`: the current arrangement of item ids.
    Order {
        /// The highlighted row.
        cursor: usize,
        /// The items as arranged now.
        arrangement: Vec<String>,
        /// Whether the highlighted item is picked up (arrows move it).
        held: bool,
        /// Whether the trainee has arranged anything yet: an untouched order is no answer.
        touched: bool,
    },
    /// `match`: the chosen target of each shown item.
    Match {
        /// The highlighted item.
        cursor: usize,
        /// Per shown item, the index of its chosen target among the shown targets.
        pairs: Vec<Option<usize>>,
    },
    /// `branching`: the path so far.
    Branch {
        /// The highlighted choice at the current node.
        cursor: usize,
        /// Choice ids taken.
        path: Vec<String>,
        /// The current node, or the ending reached.
        at: String,
        /// Whether `at` is an ending.
        ended: bool,
        /// The choice chosen at the current node, if any.
        chosen: Option<usize>,
    },
}

impl Draft {
    /// A fresh draft for `kind` laid out as `layout`.
    pub fn new(kind: &QuestionKind, layout: &Layout) -> Self {
        match kind {
            QuestionKind::Single { .. } | QuestionKind::TrueFalse { .. } => Draft::Choice {
                cursor: 0,
                chosen: vec![false; layout.shown.len()],
                several: false,
            },
            QuestionKind::Multiple { .. } => Draft::Choice {
                cursor: 0,
                chosen: vec![false; layout.shown.len()],
                several: true,
            },
            QuestionKind::Order { .. } => Draft::Order {
                cursor: 0,
                arrangement: layout.shown.clone(),
                held: false,
                touched: false,
            },
            QuestionKind::Match { .. } => Draft::Match {
                cursor: 0,
                pairs: vec![None; layout.shown.len()],
            },
            QuestionKind::Branching { start, .. } => Draft::Branch {
                cursor: 0,
                path: Vec::new(),
                at: start.clone(),
                ended: false,
                chosen: None,
            },
        }
    }

    /// The draft that shows a stored `response` again (for resuming and reviewing).
    pub fn from_response(kind: &QuestionKind, layout: &Layout, response: &Response) -> Self {
        let mut draft = Self::new(kind, layout);
        match (&mut draft, response, kind) {
            (Draft::Choice { chosen, cursor, .. }, Response::Chosen(ids), _) => {
                for (slot, id) in chosen.iter_mut().zip(&layout.shown) {
                    *slot = ids.contains(id);
                }
                *cursor = chosen.iter().position(|on| *on).unwrap_or(0);
            }
            (
                Draft::Order {
                    arrangement,
                    touched,
                    ..
                },
                Response::Order(ids),
                _,
            ) if ids.len() == arrangement.len() => {
                arrangement.clone_from(ids);
                *touched = true;
            }
            (Draft::Match { pairs, .. }, Response::Pairs(given), _) => {
                for (slot, item) in pairs.iter_mut().zip(&layout.shown) {
                    *slot = given
                        .iter()
                        .find(|(i, _)| i == item)
                        .and_then(|(_, target)| {
                            layout.shown_targets.iter().position(|t| t == target)
                        });
                }
            }
            (
                Draft::Branch {
                    path, at, ended, ..
                },
                Response::Path(steps),
                QuestionKind::Branching { start, nodes, .. },
            ) => {
                let mut node = start.clone();
                for step in steps {
                    let next = nodes
                        .iter()
                        .find(|n| n.id == node)
                        .and_then(|n| n.choices.iter().find(|c| &c.id == step))
                        .map(|c| c.next.clone());
                    let Some(next) = next else { break };
                    path.push(step.clone());
                    node = next;
                }
                *ended = !nodes.iter().any(|n| n.id == node);
                *at = node;
            }
            _ => {}
        }
        draft
    }

    /// The response this draft gives, when it is complete enough to submit.
    pub fn response(&self, layout: &Layout) -> Option<Response> {
        match self {
            Draft::Choice { chosen, .. } => {
                let ids: Vec<String> = layout
                    .shown
                    .iter()
                    .zip(chosen)
                    .filter(|(_, on)| **on)
                    .map(|(id, _)| id.clone())
                    .collect();
                (!ids.is_empty()).then_some(Response::Chosen(ids))
            }
            Draft::Order {
                arrangement,
                touched,
                ..
            } => touched.then(|| Response::Order(arrangement.clone())),
            Draft::Match { pairs, .. } => {
                let complete: Option<Vec<(String, String)>> = layout
                    .shown
                    .iter()
                    .zip(pairs)
                    .map(|(item, target)| {
                        target
                            .and_then(|t| layout.shown_targets.get(t))
                            .map(|t| (item.clone(), t.clone()))
                    })
                    .collect();
                complete.map(Response::Pairs)
            }
            Draft::Branch { path, ended, .. } => ended.then(|| Response::Path(path.clone())),
        }
    }

    /// The number of rows the cursor moves over: options, steps, items or the choices at the current node.
    pub fn rows(&self, kind: &QuestionKind) -> usize {
        match (self, kind) {
            (Draft::Choice { chosen, .. }, _) => chosen.len(),
            (Draft::Order { arrangement, .. }, _) => arrangement.len(),
            (Draft::Match { pairs, .. }, _) => pairs.len(),
            (Draft::Branch { at, .. }, QuestionKind::Branching { nodes, .. }) => nodes
                .iter()
                .find(|n| &n.id == at)
                .map_or(0, |n| n.choices.len()),
            _ => 0,
        }
    }

    /// The highlighted row.
    pub fn cursor(&self) -> usize {
        match self {
            Draft::Choice { cursor, .. }
            | Draft::Order { cursor, .. }
            | Draft::Match { cursor, .. }
            | Draft::Branch { cursor, .. } => *cursor,
        }
    }

    /// Moves the highlight by `delta` rows (clamped); a held `order` item moves with it.
    pub fn move_cursor(&mut self, kind: &QuestionKind, delta: isize) {
        let rows = self.rows(kind);
        if rows == 0 {
            return;
        }
        let from = self.cursor();
        let to = from.saturating_add_signed(delta).min(rows - 1);
        if let Draft::Order {
            arrangement,
            held: true,
            touched,
            ..
        } = self
        {
            let item = arrangement.remove(from);
            arrangement.insert(to, item);
            *touched = true;
        }
        self.set_cursor(kind, to);
        self.choose_highlighted();
    }

    /// In a question with one answer (single, true/false, a branching node), the highlighted option is the
    /// chosen one: what the screen marks is what Enter sends.
    pub fn choose_highlighted(&mut self) {
        match self {
            Draft::Choice {
                cursor,
                chosen,
                several: false,
            } => {
                for (row, slot) in chosen.iter_mut().enumerate() {
                    *slot = row == *cursor;
                }
            }
            Draft::Branch { cursor, chosen, .. } => *chosen = Some(*cursor),
            _ => {}
        }
    }

    /// Highlights row `row` when it exists.
    pub fn set_cursor(&mut self, kind: &QuestionKind, row: usize) {
        if row >= self.rows(kind) {
            return;
        }
        match self {
            Draft::Choice { cursor, .. }
            | Draft::Order { cursor, .. }
            | Draft::Match { cursor, .. }
            | Draft::Branch { cursor, .. } => *cursor = row,
        }
    }

    /// Space: ticks or unticks (choices), picks up or puts down (order), cycles the partner (match).
    pub fn toggle(&mut self, targets: usize) {
        match self {
            Draft::Choice {
                cursor,
                chosen,
                several: true,
            } => {
                if let Some(slot) = chosen.get_mut(*cursor) {
                    *slot = !*slot;
                }
            }
            Draft::Choice { .. } | Draft::Branch { .. } => self.choose_highlighted(),
            Draft::Order { held, touched, .. } => {
                *held = !*held;
                *touched = true;
            }
            Draft::Match { .. } => self.cycle_target(1, targets),
        }
    }

    /// ←/→ in a `match` question: the highlighted item's partner moves through the `targets` targets.
    pub fn cycle_target(&mut self, delta: isize, targets: usize) {
        if let Draft::Match { cursor, pairs } = self
            && targets > 0
            && let Some(slot) = pairs.get_mut(*cursor)
        {
            let next = match *slot {
                None if delta >= 0 => 0,
                None => targets - 1,
                Some(t) => (t as isize + delta).rem_euclid(targets as isize) as usize,
            };
            *slot = Some(next);
        }
    }

    /// A digit in a `match` question: pairs the highlighted item with target `target`.
    pub fn set_target(&mut self, target: usize, targets: usize) {
        if let Draft::Match { cursor, pairs } = self
            && target < targets
            && let Some(slot) = pairs.get_mut(*cursor)
        {
            *slot = Some(target);
        }
    }
}
