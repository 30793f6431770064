//! Where things go on the attempt screen, and the lines of its body: shared by drawing and by mouse clicks,
//! so a click lands on the option that was drawn there.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::app::Session;
use crate::i18n::{Lang, fill};
use crate::quiz::{Question, QuestionKind};
use crate::text::printable;

/// Wrapping is shared with the text report; the screens take it from here with the rest of their layout.
pub use crate::text::wrap;

/// The smallest terminal the app draws in; below it, a "make the window larger" notice.
pub const MIN_SIZE: (u16, u16) = (30, 10);

/// How the attempt screen's body is shared between the scenario pane and the question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttemptAreas {
    /// The scenario pane (a title row, the narrative, a rule), when the question has a scenario.
    pub scenario: Option<Rect>,
    /// The question, its options or its feedback.
    pub body: Rect,
}

/// Shares `body` between a scenario of `scenario_lines` wrapped lines (if any) and a question that needs
/// `question_lines` lines: the scenario gets every row the question does not need, but never fewer than five
/// rows (title, two lines, the "more" mark, rule) nor more than it has; what does not fit scrolls.
pub fn split_scenario(
    body: Rect,
    scenario_lines: Option<usize>,
    question_lines: usize,
) -> AttemptAreas {
    let Some(lines) = scenario_lines.filter(|_| body.height >= 8) else {
        return AttemptAreas {
            scenario: None,
            body,
        };
    };
    let whole = u16::try_from(lines + 2).unwrap_or(u16::MAX);
    let spare = body
        .height
        .saturating_sub(u16::try_from(question_lines).unwrap_or(u16::MAX));
    let height = if spare >= whole {
        whole
    } else {
        spare.max(5).min(whole)
    }
    .min(body.height.saturating_sub(3));
    let [scenario, question] =
        Layout::vertical([Constraint::Length(height), Constraint::Min(1)]).areas(body);
    AttemptAreas {
        scenario: Some(scenario),
        body: question,
    }
}

/// The narrative of the question's scenario, made printable.
pub fn scenario_text(session: &Session) -> Option<String> {
    let question = session.attempt.question();
    let id = question.scenario.as_deref()?;
    session
        .attempt
        .quiz()
        .scenarios
        .iter()
        .find(|s| s.id == id)
        .map(|s| printable(&s.narrative, true).into_owned())
}

/// How many lines the question body is scrolled so the highlighted row (`cursor`, one of `rows`) stays in a
/// body `height` lines tall.
pub fn body_offset(rows: &[(usize, usize)], cursor: usize, height: usize) -> usize {
    rows.get(cursor)
        .map_or(0, |(_, end)| *end)
        .saturating_sub(height)
}

/// Adds `text` wrapped to `width`, its later lines indented by `indent`.
pub fn push_wrapped(
    lines: &mut Vec<Line<'_>>,
    text: &str,
    width: u16,
    indent: usize,
    style: ratatui::style::Style,
) {
    let indent_text = " ".repeat(indent);
    for (n, part) in wrap(text, width.saturating_sub(indent as u16))
        .into_iter()
        .enumerate()
    {
        let lead = if n == 0 {
            String::new()
        } else {
            indent_text.clone()
        };
        lines.push(Line::from(Span::styled(format!("{lead}{part}"), style)));
    }
}

/// The title and debrief of a branching question's ending.
pub fn push_ending(
    lines: &mut Vec<Line<'static>>,
    ending: &crate::quiz::model::Ending,
    width: u16,
    theme: &super::theme::Theme,
) {
    push_wrapped(
        lines,
        &printable(&ending.title, false),
        width,
        0,
        theme.title,
    );
    push_wrapped(
        lines,
        &printable(&ending.debrief, true),
        width,
        0,
        theme.text,
    );
}

/// The instructions for a kind of question.
pub fn kind_hint(lang: Lang, question: &Question) -> &'static str {
    let s = lang.strings();
    match question.kind {
        QuestionKind::Single { .. } | QuestionKind::TrueFalse { .. } => s.hint_single,
        QuestionKind::Multiple { .. } => s.hint_multiple,
        QuestionKind::Order { .. } => s.hint_order,
        QuestionKind::Match { .. } => s.hint_match,
        QuestionKind::Branching { .. } => s.hint_branching,
    }
}

/// The text of option (or item) `id` of `question`.
pub fn option_text<'q>(question: &'q Question, id: &str) -> &'q str {
    match &question.kind {
        QuestionKind::Single { options }
        | QuestionKind::TrueFalse { options }
        | QuestionKind::Multiple { options } => {
            options.iter().find(|o| o.id == id).map_or("", |o| &o.text)
        }
        QuestionKind::Order { items } => items.iter().find(|i| i.id == id).map_or("", |i| &i.text),
        QuestionKind::Match { items, targets } => items
            .iter()
            .find(|i| i.id == id)
            .map(|i| i.text.as_str())
            .or_else(|| targets.iter().find(|t| t.id == id).map(|t| t.text.as_str()))
            .unwrap_or(""),
        QuestionKind::Branching { nodes, endings, .. } => nodes
            .iter()
            .flat_map(|n| &n.choices)
            .find(|c| c.id == id)
            .map(|c| c.text.as_str())
            .or_else(|| {
                endings
                    .iter()
                    .find(|e| e.id == id)
                    .map(|e| e.title.as_str())
            })
            .unwrap_or(""),
    }
}

/// "7/20" and a bar of `width` cells.
pub fn progress(done: usize, total: usize, width: usize) -> String {
    let filled = (done * width).checked_div(total).unwrap_or(0).min(width);
    format!(
        "{done}/{total} {}{}",
        "█".repeat(filled),
        "░".repeat(width - filled)
    )
}

/// "12:40".
pub fn clock(ms: u64) -> String {
    let seconds = ms / 1000;
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
}

/// "`points` of `max` points", in the UI language.
pub fn points_text(lang: Lang, points: f64, max: f64) -> String {
    let s = lang.strings();
    let word = lang.plural(max.ceil() as u64, s.points);
    format!(
        "{} {word}",
        fill(
            s.points_of,
            &[("points", &lang.number(points)), ("max", &lang.number(max))]
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_and_clock_read_naturally() {
        assert_eq!(progress(7, 20, 10), "7/20 ███░░░░░░░");
        assert_eq!(clock(760_000), "12:40");
        assert_eq!(Lang::En.number(0.666667), "0.67");
        assert_eq!(Lang::Ru.number(0.333333), "0,33");
        assert_eq!(points_text(Lang::Ru, 2.0, 5.0), "2 из 5 баллов");
        assert_eq!(points_text(Lang::Ru, 0.0, 1.0), "0 из 1 балла");
    }
}
