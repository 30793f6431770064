//! The quiz picker: the quizzes the trainer opened for this phase.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{chrome, footer, notice_line};
use crate::text::printable_line;
use crate::tui::app::App;
use crate::tui::layout::wrap;
use crate::tui::theme::Theme;

/// Draws the picker with `cursor` on the highlighted quiz.
pub fn render(app: &App, cursor: usize, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let s = app.lang.strings();
    let inner = chrome(app, theme, frame, area, s.choose_quiz, "");
    let [body, notice, keys] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let open = app.open_quizzes();
    let mut lines = Vec::new();
    if open.is_empty() {
        lines.push(Line::styled(s.no_quizzes, theme.warning));
    }
    let mut selected_line = 0;
    for (n, offer) in open.iter().enumerate() {
        let quiz = &offer.quiz;
        let selected = n == cursor;
        if selected {
            selected_line = lines.len();
        }
        let style = if selected {
            theme.selected
        } else {
            theme.title
        };
        let pointer = if selected { "›" } else { " " };
        let number = format!("{pointer} {}  ", n + 1);
        for (part, text) in wrap(&printable_line(&quiz.title), body.width.saturating_sub(5))
            .into_iter()
            .enumerate()
        {
            let lead = if part == 0 {
                number.clone()
            } else {
                " ".repeat(5)
            };
            lines.push(Line::styled(format!("{lead}{text}"), style));
        }
        let mut facts = format!(
            "{} · {} · {}",
            app.lang.count(quiz.questions.len() as u64, s.questions),
            app.lang.count(u64::from(quiz.estimated_minutes), s.minutes),
            quiz.language
        );
        if quiz.language != app.lang.code() {
            facts.push_str(&format!(" ({})", s.other_language));
        }
        lines.push(Line::from(Span::styled(format!("     {facts}"), theme.dim)));
        for part in wrap(
            &printable_line(&quiz.description),
            body.width.saturating_sub(5),
        ) {
            lines.push(Line::styled(format!("     {part}"), theme.text));
        }
        lines.push(Line::default());
    }
    let scroll = (selected_line as u16).saturating_sub(body.height / 2);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        body,
    );
    if let Some(line) = notice_line(app, theme) {
        frame.render_widget(Paragraph::new(line), notice);
    }
    footer(
        frame,
        keys,
        theme,
        &[s.key_move, s.key_continue, s.key_help, s.key_quit],
    );
}
