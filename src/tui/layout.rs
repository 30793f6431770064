//! Where things go on the attempt screen, and the lines of its body: shared by drawing and by mouse clicks,
//! so a click lands on the option that was drawn there.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Session};
use super::theme::Theme;
use crate::attempt::Draft;
use crate::i18n::{Lang, fill};
use crate::quiz::{Question, QuestionKind, Response};
use crate::text::printable;

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

/// Wraps `text` to `width` columns at spaces, breaking words longer than a line; keeps line breaks.
pub fn wrap(text: &str, width: u16) -> Vec<String> {
    let width = usize::from(width.max(1));
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let mut word = word.to_owned();
            while word.width() > width {
                let mut cut = String::new();
                for c in word.chars() {
                    if (cut.clone() + &c.to_string()).width() > width {
                        break;
                    }
                    cut.push(c);
                }
                if cut.is_empty() {
                    break;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                word = word[cut.len()..].to_owned();
                lines.push(cut);
            }
            let needed = if line.is_empty() {
                word.width()
            } else {
                line.width() + 1 + word.width()
            };
            if needed > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
        }
        lines.push(line);
    }
    lines
}

/// The rows of the question body: its lines, and for each option, item or choice, the range of lines it takes.
pub struct Body {
    /// The lines to draw.
    pub lines: Vec<Line<'static>>,
    /// Per option (in the order shown), the lines `start..end` it occupies.
    pub rows: Vec<(usize, usize)>,
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
    lines: &mut Vec<Line<'static>>,
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

/// Above this many options, only those around the highlighted one are laid out, so a question with thousands
/// of options costs no more to draw than one with a screenful.
const WINDOW: usize = 100;

/// The options (of `count`) laid out around `cursor`.
fn window(count: usize, cursor: usize) -> std::ops::Range<usize> {
    if count <= 2 * WINDOW {
        0..count
    } else {
        cursor.saturating_sub(WINDOW)..(cursor + WINDOW + 1).min(count)
    }
}

/// Whether `prompt` already says what `hint` says ("… Select all that apply."), so it is not printed twice.
fn says(prompt: &str, hint: &str) -> bool {
    let hint = hint.trim_end_matches('.').to_lowercase();
    prompt.to_lowercase().contains(&hint)
}

/// The body of a question being answered: prompt, hint, options with their marks.
pub fn question_body(app: &App, session: &Session, width: u16, theme: &Theme) -> Body {
    let s = app.lang.strings();
    let question = session.attempt.question();
    let item = session.attempt.item();
    let mut lines = Vec::new();
    push_wrapped(
        &mut lines,
        &printable(&question.prompt, true),
        width,
        0,
        theme.title,
    );
    let hint = kind_hint(app.lang, question);
    if !says(&question.prompt, hint) {
        push_wrapped(&mut lines, hint, width, 0, theme.dim);
    }
    if item.answer.is_some() {
        push_wrapped(&mut lines, s.answer_kept, width, 0, theme.good);
    }
    lines.push(Line::default());
    let mut rows = Vec::new();
    let option_row = |lines: &mut Vec<Line<'static>>, mark: String, text: &str, selected: bool| {
        let start = lines.len();
        let pointer = if selected { "›" } else { " " };
        let prefix = format!("{pointer} {mark} ");
        let indent = prefix.width();
        let style = if selected { theme.selected } else { theme.text };
        let wrapped: Vec<String> = text
            .split('\n')
            .flat_map(|part| wrap(&printable(part, false), width.saturating_sub(indent as u16)))
            .collect();
        for (n, part) in wrapped.into_iter().enumerate() {
            let lead = if n == 0 {
                prefix.clone()
            } else {
                " ".repeat(indent)
            };
            lines.push(Line::from(Span::styled(format!("{lead}{part}"), style)));
        }
        (start, lines.len())
    };
    let radio = |on: bool| if on { "(•)" } else { "( )" };
    let many: std::collections::HashMap<&str, &str> = match &question.kind {
        QuestionKind::Single { options }
        | QuestionKind::TrueFalse { options }
        | QuestionKind::Multiple { options }
            if options.len() > 2 * WINDOW =>
        {
            options
                .iter()
                .map(|o| (o.id.as_str(), o.text.as_str()))
                .collect()
        }
        QuestionKind::Order { items } if items.len() > 2 * WINDOW => items
            .iter()
            .map(|i| (i.id.as_str(), i.text.as_str()))
            .collect(),
        _ => Default::default(),
    };
    let text_of = |id: &str| {
        many.get(id)
            .copied()
            .unwrap_or_else(|| option_text(question, id))
    };
    let cursor_row = item.draft.cursor();
    let laid_out = |row: usize, count: usize, lines: &mut Vec<Line<'static>>| {
        let shown = window(count, cursor_row);
        if row == shown.start && row > 0 || row == shown.end && row < count && shown.end > 0 {
            lines.push(Line::styled("  ⋯", theme.dim));
        }
        shown.contains(&row)
    };
    match (&item.draft, &question.kind) {
        (
            Draft::Choice {
                cursor,
                chosen,
                several,
            },
            _,
        ) => {
            let count = item.layout.shown.len();
            for (row, id) in item.layout.shown.iter().enumerate() {
                if !laid_out(row, count, &mut lines) {
                    rows.push((lines.len(), lines.len()));
                    continue;
                }
                let on = chosen.get(row).copied().unwrap_or(false);
                let mark = match (several, on) {
                    (true, true) => format!("[x] {}", row + 1),
                    (true, false) => format!("[ ] {}", row + 1),
                    (false, on) => format!("{} {}", radio(on), row + 1),
                };
                rows.push(option_row(&mut lines, mark, text_of(id), row == *cursor));
            }
        }
        (
            Draft::Order {
                cursor,
                arrangement,
                held,
                ..
            },
            _,
        ) => {
            let count = arrangement.len();
            for (row, id) in arrangement.iter().enumerate() {
                if !laid_out(row, count, &mut lines) {
                    rows.push((lines.len(), lines.len()));
                    continue;
                }
                let mark = if *held && row == *cursor {
                    format!("≡{}.", row + 1)
                } else {
                    format!(" {}.", row + 1)
                };
                rows.push(option_row(&mut lines, mark, text_of(id), row == *cursor));
            }
        }
        (Draft::Match { cursor, pairs }, _) => {
            for (n, target) in item
                .layout
                .shown_targets
                .iter()
                .enumerate()
                .take(2 * WINDOW)
            {
                push_wrapped(
                    &mut lines,
                    &format!(
                        "{}) {}",
                        n + 1,
                        printable(option_text(question, target), false)
                    ),
                    width,
                    3,
                    theme.dim,
                );
            }
            lines.push(Line::default());
            let count = item.layout.shown.len();
            for (row, id) in item.layout.shown.iter().enumerate() {
                if !laid_out(row, count, &mut lines) {
                    rows.push((lines.len(), lines.len()));
                    continue;
                }
                let partner = pairs
                    .get(row)
                    .copied()
                    .flatten()
                    .and_then(|t| item.layout.shown_targets.get(t))
                    .map_or_else(
                        || s.no_partner.to_owned(),
                        |t| format!("{} {}", target_number(item, t), option_text(question, t)),
                    );
                let text = format!("{}\n→ {}", option_text(question, id), partner);
                rows.push(option_row(
                    &mut lines,
                    format!("{}.", row + 1),
                    &text,
                    row == *cursor,
                ));
            }
        }
        (
            Draft::Branch {
                cursor,
                path,
                at,
                ended,
                chosen,
            },
            QuestionKind::Branching { nodes, endings, .. },
        ) => {
            if path.is_empty()
                && let Some(Response::Path(taken)) = &item.answer
            {
                push_path(&mut lines, question, s.your_answer, taken, width, theme);
            }
            if !path.is_empty() {
                push_path(&mut lines, question, s.your_path, path, width, theme);
            }
            if let Some(feedback) = &session.last_choice {
                push_wrapped(
                    &mut lines,
                    &printable(feedback, true),
                    width,
                    0,
                    theme.warning,
                );
            }
            if let Some(node) = nodes.iter().find(|n| &n.id == at) {
                push_wrapped(
                    &mut lines,
                    &printable(&node.text, true),
                    width,
                    0,
                    theme.text,
                );
                lines.push(Line::default());
                let count = node.choices.len();
                for (row, choice) in node.choices.iter().enumerate() {
                    if !laid_out(row, count, &mut lines) {
                        rows.push((lines.len(), lines.len()));
                        continue;
                    }
                    rows.push(option_row(
                        &mut lines,
                        format!("{} {}", radio(*chosen == Some(row)), row + 1),
                        &choice.text,
                        row == *cursor,
                    ));
                }
            } else if *ended && let Some(ending) = endings.iter().find(|e| &e.id == at) {
                push_wrapped(
                    &mut lines,
                    &printable(&ending.title, false),
                    width,
                    0,
                    theme.title,
                );
                push_wrapped(
                    &mut lines,
                    &printable(&ending.debrief, true),
                    width,
                    0,
                    theme.text,
                );
            }
        }
        _ => {}
    }
    Body { lines, rows }
}

/// "Your path: a → b → c".
fn push_path(
    lines: &mut Vec<Line<'static>>,
    question: &Question,
    label: &str,
    path: &[String],
    width: u16,
    theme: &Theme,
) {
    let taken: Vec<String> = path
        .iter()
        .map(|id| printable(option_text(question, id), false).into_owned())
        .collect();
    push_wrapped(
        lines,
        &format!("{label}: {}", taken.join(" → ")),
        width,
        2,
        theme.dim,
    );
}

fn target_number(item: &crate::attempt::Item, target: &str) -> String {
    item.layout
        .shown_targets
        .iter()
        .position(|t| t == target)
        .map_or_else(String::new, |n| format!("{})", n + 1))
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
    fn wrapping_respects_width_words_and_line_breaks() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("a\nb", 10), vec!["a", "b"]);
        assert_eq!(wrap("Айгерім сатушы", 8), vec!["Айгерім", "сатушы"]);
        assert_eq!(wrap("x", 0), vec!["x"]);
    }

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
