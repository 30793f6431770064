//! Drawing: one file per screen. Rendering reads the app state and never changes it.

mod attempt;
pub mod feedback;
mod overlays;
mod picker;
mod results;
mod sign_in;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::app::{App, Notice, Screen};
use super::layout::{MIN_SIZE, wrap};
use super::theme::Theme;
use crate::i18n::fill;

/// Draws the whole app into `frame`.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame<'_>) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let text = wrap(app.lang.strings().enlarge, area.width);
        let lines: Vec<Line<'_>> = text
            .into_iter()
            .map(|l| Line::styled(l, theme.warning))
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    match &app.screen {
        Screen::SignIn(form) => sign_in::render(app, form, theme, frame, area),
        Screen::Loading => message(frame, area, theme, app.lang.strings().app_title, &[], &[]),
        Screen::Picker { cursor } => picker::render(app, *cursor, theme, frame, area),
        Screen::Resume { record, .. } => {
            let s = app.lang.strings();
            let body = fill(
                s.resume_body,
                &[
                    ("answered", &record.answered().to_string()),
                    ("total", &record.questions.len().to_string()),
                ],
            );
            message(
                frame,
                area,
                theme,
                s.resume_title,
                &[&body],
                &[s.resume_continue, s.resume_restart],
            );
        }
        Screen::Blocked { detail } => {
            let s = app.lang.strings();
            message(
                frame,
                area,
                theme,
                s.cannot_save_title,
                &[s.cannot_save_body, detail],
                &[s.key_quit],
            );
        }
        Screen::Attempt(session) => attempt::render(app, session, theme, frame, area),
        Screen::Results(session) => results::render(app, session, theme, frame, area),
        Screen::Review { session, index } => {
            results::render_review(app, session, *index, theme, frame, area)
        }
    }
    if let Some(overlay) = app.overlay {
        overlays::render(app, overlay, theme, frame, area);
    }
}

/// The bordered frame of every screen, with the app title, a right-hand title and the play-test banner.
pub fn chrome(
    app: &App,
    theme: &Theme,
    frame: &mut Frame<'_>,
    area: Rect,
    title: &str,
    right: &str,
) -> Rect {
    let mut block = Block::bordered()
        .border_style(theme.border)
        .title(Line::from(Span::styled(format!(" {title} "), theme.title)));
    if !right.is_empty() {
        block = block.title(
            Line::from(Span::styled(format!(" {right} "), theme.text)).alignment(Alignment::Right),
        );
    }
    if !app.room.recording {
        block = block.title_bottom(
            Line::from(Span::styled(
                format!(" {} ", app.lang.strings().not_recorded),
                theme.warning,
            ))
            .alignment(Alignment::Right),
        );
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// The keys that work here, on one line: when they do not all fit, the last two (help and leaving) stay and
/// as many of the others as fit, in order.
pub fn footer(frame: &mut Frame<'_>, area: Rect, theme: &Theme, keys: &[&str]) {
    let width = usize::from(area.width);
    let (first, last) = keys.split_at(keys.len().saturating_sub(2));
    let mut used = last.iter().map(|k| k.chars().count() + 2).sum::<usize>();
    let mut shown: Vec<&str> = Vec::new();
    for key in first {
        let needed = key.chars().count() + 2;
        if used + needed > width {
            break;
        }
        used += needed;
        shown.push(key);
    }
    shown.extend(last);
    frame.render_widget(
        Paragraph::new(Line::styled(shown.join("  "), theme.keys)),
        area,
    );
}

/// The notice line: a transient message, or the save warning.
pub fn notice_line(app: &App, theme: &Theme) -> Option<Line<'static>> {
    let s = app.lang.strings();
    if app.save_failed {
        return Some(Line::styled(format!("! {}", s.save_failed), theme.warning));
    }
    let text = match app.notice? {
        Notice::Incomplete => s.incomplete,
        Notice::AnswerKept => s.answer_saved,
        Notice::TwoMinutes => s.two_minutes_left,
        Notice::TimeUp => s.time_up,
        Notice::ReviewOff => s.review_off,
        Notice::QuizChanged => s.quiz_changed,
    };
    Some(Line::styled(format!("! {text}"), theme.warning))
}

/// A simple screen: a title, paragraphs and keys.
fn message(
    frame: &mut Frame<'_>,
    area: Rect,
    theme: &Theme,
    title: &str,
    paragraphs: &[&str],
    keys: &[&str],
) {
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_style(theme.border)
        .title(Line::styled(format!(" {title} "), theme.title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines: Vec<Line<'_>> = Vec::new();
    for paragraph in paragraphs {
        lines.push(Line::styled(
            crate::text::printable(paragraph, true).into_owned(),
            theme.text,
        ));
        lines.push(Line::default());
    }
    lines.push(Line::styled(keys.join("   "), theme.keys));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
