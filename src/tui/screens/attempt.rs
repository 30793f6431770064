//! The attempt screen: header with progress and time, the scenario pane, the question with its options or its
//! feedback, a notice line and the keys that work here.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::feedback::feedback_lines;
use super::{chrome, footer, notice_line};
use crate::quiz::{FeedbackMode, QuestionKind};
use crate::text::printable_line;
use crate::tui::app::{App, Session};
use crate::tui::layout::{
    attempt_areas, body_offset, clock, progress, question_body, scenario_text, wrap,
};
use crate::tui::theme::Theme;

/// Draws the question on screen.
pub fn render(app: &App, session: &Session, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let s = app.lang.strings();
    let attempt = &session.attempt;
    let total = attempt.items().len();
    let bar = if area.width >= 60 { 10 } else { 4 };
    let mut right = progress(attempt.position() + 1, total, bar);
    if let Some(left) = attempt.remaining_ms() {
        right.push_str(&format!(" {}", clock(left)));
    }
    if attempt.item().flagged {
        right = format!("⚑ {} · {right}", s.flagged);
    }
    chrome(
        app,
        theme,
        frame,
        area,
        &printable_line(&attempt.quiz().title),
        &right,
    );
    let areas = attempt_areas(session, area);
    if let (Some(pane), Some(text)) = (areas.scenario, scenario_text(session)) {
        let question = attempt.question();
        let title = attempt
            .quiz()
            .scenarios
            .iter()
            .find(|sc| Some(&sc.id) == question.scenario.as_ref())
            .map_or_else(String::new, |sc| printable_line(&sc.title).into_owned());
        let block = Block::new()
            .borders(Borders::BOTTOM)
            .border_style(theme.border)
            .title(Line::styled(
                format!("{} · {title}", s.scenario),
                theme.title,
            ));
        let paragraph = Paragraph::new(text)
            .style(theme.text)
            .wrap(Wrap { trim: false })
            .scroll((session.scroll, 0))
            .block(block);
        frame.render_widget(paragraph, pane);
    }
    let width = areas.body.width;
    let height = areas.body.height as usize;
    let (lines, offset) = if session.showing_feedback {
        let mut lines: Vec<Line<'static>> =
            wrap(&printable_line(&attempt.question().prompt), width)
                .into_iter()
                .map(|part| Line::styled(part, theme.dim))
                .collect();
        lines.extend(feedback_lines(
            app.lang,
            attempt.question(),
            attempt.item(),
            width,
            theme,
        ));
        let offset = session
            .scroll
            .min(lines.len().saturating_sub(height) as u16);
        (lines, offset)
    } else {
        let body = question_body(app, session, width, theme);
        let offset = body_offset(&body.rows, attempt.item().draft.cursor(), height);
        (body.lines, u16::try_from(offset).unwrap_or(u16::MAX))
    };
    frame.render_widget(Paragraph::new(lines).scroll((offset, 0)), areas.body);
    if let Some(line) = notice_line(app, theme) {
        frame.render_widget(Paragraph::new(line), areas.notice);
    }
    let keys: Vec<&str> = if session.showing_feedback {
        vec![
            s.key_next_question,
            s.key_move,
            s.key_navigate,
            s.key_overview,
            s.key_help,
            s.key_quit,
        ]
    } else {
        let mut keys = vec![s.key_move];
        match attempt.question().kind {
            QuestionKind::Multiple { .. } => keys.push(s.key_space_select),
            QuestionKind::Order { .. } => keys.push(s.key_space_hold),
            QuestionKind::Match { .. } => keys.push(s.key_partner),
            _ => {}
        }
        keys.extend([s.key_submit, s.key_flag, s.key_overview]);
        if attempt.feedback() == FeedbackMode::Deferred {
            keys.extend([s.key_navigate, s.key_submit_all]);
        }
        if areas.scenario.is_some() {
            keys.push(s.key_scroll);
        }
        keys.extend([s.key_help, s.key_quit]);
        keys
    };
    footer(frame, areas.footer, theme, &keys);
}
