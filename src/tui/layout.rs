//! Where things go on the attempt screen, and the lines of its body: shared by drawing and by mouse clicks,
//! so a click lands on the option that was drawn there.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Session};
use super::theme::Theme;
use crate::attempt::Draft;
use crate::i18n::{Lang, fill};
use crate::quiz::{Question, QuestionKind};
use crate::text::{number, printable};

/// The smallest terminal the app draws in; below it, a "make the window larger" notice.
pub const MIN_SIZE: (u16, u16) = (30, 10);

/// The parts of the attempt screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttemptAreas {
    /// The scenario pane, when the question has a scenario.
    pub scenario: Option<Rect>,
    /// The question, its options or its feedback.
    pub body: Rect,
    /// A one-line notice.
    pub notice: Rect,
    /// The keys that work here.
    pub footer: Rect,
}

/// Splits `area` (the whole terminal) for the attempt on screen.
pub fn attempt_areas(session: &Session, area: Rect) -> AttemptAreas {
    let inner = area.inner(ratatui::layout::Margin::new(1, 1));
    let [main, notice, footer] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let scenario_lines = scenario_text(session)
        .filter(|_| !session.showing_feedback)
        .map(|text| wrap(&text, main.width.saturating_sub(1)).len() as u16 + 2);
    match scenario_lines {
        Some(lines) if main.height >= 6 => {
            let height = lines.min(main.height * 2 / 5).max(3);
            let [scenario, body] =
                Layout::vertical([Constraint::Length(height), Constraint::Min(1)]).areas(main);
            AttemptAreas {
                scenario: Some(scenario),
                body,
                notice,
                footer,
            }
        }
        _ => AttemptAreas {
            scenario: None,
            body: main,
            notice,
            footer,
        },
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

/// The line ranges of the options of the question on screen, for mouse clicks.
pub fn body_rows(app: &App, session: &Session, width: u16) -> Vec<(usize, usize)> {
    question_body(app, session, width, &Theme::new(Default::default(), true)).rows
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
    push_wrapped(
        &mut lines,
        kind_hint(app.lang, question),
        width,
        0,
        theme.dim,
    );
    lines.push(Line::default());
    let mut rows = Vec::new();
    let mut option_row =
        |lines: &mut Vec<Line<'static>>, mark: String, text: &str, selected: bool| {
            let start = lines.len();
            let pointer = if selected { "›" } else { " " };
            let prefix = format!("{pointer} {mark} ");
            let indent = prefix.width();
            let style = if selected { theme.selected } else { theme.text };
            let wrapped = wrap(&printable(text, false), width.saturating_sub(indent as u16));
            for (n, part) in wrapped.into_iter().enumerate() {
                let lead = if n == 0 {
                    prefix.clone()
                } else {
                    " ".repeat(indent)
                };
                lines.push(Line::from(Span::styled(format!("{lead}{part}"), style)));
            }
            rows.push((start, lines.len()));
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
            for (row, id) in item.layout.shown.iter().enumerate() {
                let on = chosen.get(row).copied().unwrap_or(false);
                let mark = match (several, on) {
                    (true, true) => format!("[x] {}", row + 1),
                    (true, false) => format!("[ ] {}", row + 1),
                    (false, true) => format!("(•) {}", row + 1),
                    (false, false) => format!("( ) {}", row + 1),
                };
                option_row(&mut lines, mark, option_text(question, id), row == *cursor);
            }
        }
        (
            Draft::Order {
                cursor,
                arrangement,
                held,
            },
            _,
        ) => {
            for (row, id) in arrangement.iter().enumerate() {
                let mark = if *held && row == *cursor {
                    format!("≡{}.", row + 1)
                } else {
                    format!(" {}.", row + 1)
                };
                option_row(&mut lines, mark, option_text(question, id), row == *cursor);
            }
        }
        (Draft::Match { cursor, pairs }, _) => {
            for (row, id) in item.layout.shown.iter().enumerate() {
                let partner = pairs
                    .get(row)
                    .copied()
                    .flatten()
                    .and_then(|t| item.layout.shown_targets.get(t))
                    .map_or_else(
                        || s.no_partner.to_owned(),
                        |t| format!("{} {}", target_number(item, t), option_text(question, t)),
                    );
                let text = format!("{}  →  {}", option_text(question, id), partner);
                option_row(&mut lines, format!("{}.", row + 1), &text, row == *cursor);
            }
            lines.push(Line::default());
            for (n, target) in item.layout.shown_targets.iter().enumerate() {
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
        }
        (
            Draft::Branch {
                cursor,
                path,
                at,
                ended,
            },
            QuestionKind::Branching { nodes, endings, .. },
        ) => {
            if !path.is_empty() {
                let taken: Vec<String> = path
                    .iter()
                    .map(|id| printable(option_text(question, id), false).into_owned())
                    .collect();
                push_wrapped(
                    &mut lines,
                    &format!("{}: {}", s.your_path, taken.join(" → ")),
                    width,
                    2,
                    theme.dim,
                );
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
                for (row, choice) in node.choices.iter().enumerate() {
                    option_row(
                        &mut lines,
                        format!("{}", row + 1),
                        &choice.text,
                        row == *cursor,
                    );
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
            &[("points", &number(points)), ("max", &number(max))]
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
        assert_eq!(number(0.666667), "0.67");
        assert_eq!(points_text(Lang::Ru, 2.0, 5.0), "2 из 5 баллов");
        assert_eq!(points_text(Lang::Ru, 0.0, 1.0), "0 из 1 балла");
    }
}
