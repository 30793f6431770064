//! Windows over the screen: help, the quit and submit confirmations, the overview of questions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::i18n::fill;
use crate::text::printable_line;
use crate::tui::app::{App, Overlay, Screen};
use crate::tui::theme::Theme;

fn window(
    frame: &mut Frame<'_>,
    area: Rect,
    theme: &Theme,
    title: &str,
    lines: Vec<Line<'_>>,
    height: u16,
) {
    let width = area.width.saturating_sub(4).min(76);
    let height = height.min(area.height.saturating_sub(2)).max(3);
    let rect = area.centered(Constraint::Length(width), Constraint::Length(height));
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .border_style(theme.title)
        .title(Line::styled(format!(" {title} "), theme.title));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        rect,
    );
}

/// Draws `overlay` over the screen.
pub fn render(app: &App, overlay: Overlay, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let s = app.lang.strings();
    match overlay {
        Overlay::Help => {
            let mut lines: Vec<Line<'_>> = s
                .help_lines
                .iter()
                .map(|l| Line::styled(*l, theme.text))
                .collect();
            lines.push(Line::default());
            lines.push(Line::styled(s.key_back, theme.keys));
            let height = lines.len() as u16 + 2;
            window(frame, area, theme, s.help, lines, height);
        }
        Overlay::Quit => {
            let mut lines = vec![Line::styled(s.quit_confirm, theme.title)];
            if app.room.recording && matches!(app.screen, Screen::Attempt(_)) {
                lines.push(Line::styled(s.quit_saved, theme.text));
            }
            lines.push(Line::default());
            lines.push(Line::styled(s.key_yes_no, theme.keys));
            window(frame, area, theme, "Vigil", lines, 7);
        }
        Overlay::Submit => {
            let unanswered = app.session().map_or(0, |session| {
                session.attempt.items().len() - session.attempt.answered()
            });
            let question = if unanswered == 0 {
                s.submit_confirm_all.to_owned()
            } else {
                fill(
                    s.submit_confirm,
                    &[("count", &app.lang.count(unanswered as u64, s.questions))],
                )
            };
            let lines = vec![
                Line::styled(question, theme.title),
                Line::default(),
                Line::styled(s.key_yes_no, theme.keys),
            ];
            window(frame, area, theme, "Vigil", lines, 6);
        }
        Overlay::Overview { cursor } => {
            let Some(session) = app.session() else { return };
            let attempt = &session.attempt;
            let answered = attempt.answered();
            let total = attempt.items().len();
            let mut lines = vec![Line::styled(
                format!(
                    "{} {} · {} {} · ⚑ {}",
                    answered,
                    s.answered,
                    total - answered,
                    s.unanswered,
                    attempt.items().iter().filter(|i| i.flagged).count()
                ),
                theme.dim,
            )];
            let visible = usize::from(area.height.saturating_sub(8)).max(1);
            let first = cursor
                .saturating_sub(visible / 2)
                .min(total.saturating_sub(visible));
            for (index, item) in attempt.items().iter().enumerate().skip(first).take(visible) {
                let state = if item.answer.is_some() { "●" } else { "○" };
                let flag = if item.flagged { "⚑" } else { " " };
                let prompt = printable_line(&attempt.question_at(index).prompt).into_owned();
                let style = if index == cursor {
                    theme.selected
                } else {
                    theme.text
                };
                lines.push(Line::from(Span::styled(
                    format!("{state} {flag} {:>2}. {prompt}", index + 1),
                    style,
                )));
            }
            lines.push(Line::styled(
                format!(
                    "● {} ○ {} · {} · {} · {}",
                    s.answered, s.unanswered, s.key_continue, s.key_submit_all, s.key_back
                ),
                theme.keys,
            ));
            let height = lines.len() as u16 + 2;
            window(frame, area, theme, s.overview, lines, height);
        }
    }
}
