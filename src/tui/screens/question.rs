//! The body of a question being answered: its prompt, the instructions for its kind, and its options, steps,
//! items or choices with their marks. Shared by drawing and by mouse clicks, so a click lands on the option that
//! was drawn there.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::attempt::Draft;
use crate::quiz::{Question, QuestionKind, Response};
use crate::text::printable;
use crate::tui::app::{App, Session};
use crate::tui::layout::{kind_hint, option_text, push_ending, push_wrapped, wrap};
use crate::tui::theme::Theme;

/// The rows of the question body: its lines, and for each option, item or choice, the range of lines it takes.
pub struct Body {
    /// The lines to draw.
    pub lines: Vec<Line<'static>>,
    /// Per option (in the order shown), the lines `start..end` it occupies.
    pub rows: Vec<(usize, usize)>,
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
                push_ending(&mut lines, ending, width, theme);
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
