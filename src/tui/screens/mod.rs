//! The screens: one file each, holding the screen's drawing and its part of `update`. Rendering reads the app
//! state and never changes it. Every screen follows one layout rule: a bordered frame with a title, a body that
//! scrolls with a mark when there is more, a notice line and a footer of keys read from the keymap.

pub mod attempt;
pub mod feedback;
pub mod overlays;
pub mod picker;
pub mod question;
pub mod results;
pub mod sign_in;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Delivery, Notice, Screen};
use super::footer;
use super::keymap::{Answering, bindings};
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
        Screen::Loading | Screen::Picker { .. } if app.loading_bank => {
            message(app, frame, area, theme, app.lang.strings().app_title, &[]);
        }
        Screen::Loading => message(app, frame, area, theme, app.lang.strings().app_title, &[]),
        Screen::Picker { cursor } => picker::render(app, *cursor, theme, frame, area),
        Screen::Resume {
            record,
            focus,
            elsewhere,
            ..
        } => picker::render_resume(app, record, *focus, *elsewhere, theme, frame, area),
        Screen::Blocked { detail } => {
            let s = app.lang.strings();
            message(
                app,
                frame,
                area,
                theme,
                s.cannot_save_title,
                &[
                    s.cannot_save_body,
                    &format!("{}\n{}", s.for_the_trainer, detail.words(app.lang)),
                ],
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
    if theme.ascii {
        super::symbols::to_ascii(frame.buffer_mut());
    }
}

/// The parts of a screen inside its frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    /// What the screen shows.
    pub body: Rect,
    /// The notice: one row, or up to [`NOTICE_ROWS`] when its text needs them.
    pub notice: Rect,
    /// The keys that work here.
    pub footer: Rect,
}

/// Splits the terminal (`area`) into the parts of the screen on show, the footer as tall as its keys need.
pub fn parts(app: &App, area: Rect) -> Parts {
    let inner = area.inner(Margin::new(1, 1));
    let keys = footer::lines(app.lang, &bindings(app.mode()), inner.width).len() as u16;
    let notice_rows = notice_text(app).map_or(1, |text| {
        wrap(&text, inner.width).len().clamp(1, NOTICE_ROWS) as u16
    });
    let [body, notice, footer] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(notice_rows),
        Constraint::Length(keys),
    ])
    .areas(inner);
    Parts {
        body,
        notice,
        footer,
    }
}

/// Draws the frame of a screen with `title` and `right` and returns its parts.
pub fn body_parts(
    app: &App,
    theme: &Theme,
    frame: &mut Frame<'_>,
    area: Rect,
    title: &str,
    right: &str,
) -> Parts {
    chrome(app, theme, frame, area, title, right);
    let parts = parts(app, area);
    if let Some(text) = notice_text(app) {
        let lines: Vec<Line<'_>> = wrap(&text, parts.notice.width)
            .into_iter()
            .map(|line| Line::styled(line, theme.warning))
            .collect();
        frame.render_widget(Paragraph::new(lines), parts.notice);
    }
    parts
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
    // A title too long for the top border is cut with a mark, leaving room for the right-hand one (the two may
    // share the space between them).
    let right_width = if right.is_empty() {
        0
    } else {
        right.width() + 1
    };
    let room = usize::from(area.width.saturating_sub(4)).saturating_sub(right_width);
    let title = crate::text::truncate(title, room);
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

/// Draws the keys of the screen (or window) that has them.
pub fn footer(app: &App, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
    let lines: Vec<Line<'_>> = footer::lines(app.lang, &bindings(app.mode()), area.width)
        .into_iter()
        .map(|line| Line::styled(line, theme.keys))
        .collect();
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines), area);
}

/// The most rows a notice takes: a save warning must be read whole ("… tell the trainer").
pub const NOTICE_ROWS: usize = 3;

/// The notice: a transient message, or the save warning, marked with `!`.
pub fn notice_text(app: &App) -> Option<String> {
    let s = app.lang.strings();
    let trouble = match &app.delivery {
        Delivery::Delivered => None,
        Delivery::Kept(_) => Some(s.kept_here),
        Delivery::Displaced => Some(s.displaced),
        Delivery::Failed(_) => Some(s.save_failed),
    };
    if let Some(text) = trouble {
        return Some(format!("! {text}"));
    }
    let text = match app.notice? {
        Notice::Incomplete(answering) => s.incomplete[match answering {
            Answering::One | Answering::Branch => 0,
            Answering::Several => 1,
            Answering::Order => 2,
            Answering::Match => 3,
        }]
        .to_owned(),
        Notice::TimeRunningOut => fill(
            s.time_warning,
            &[(
                "time",
                &crate::tui::layout::clock(
                    app.session()
                        .and_then(|s| s.attempt.remaining_ms())
                        .unwrap_or(0),
                ),
            )],
        ),
        Notice::TimeUp => s.time_up.to_owned(),
        Notice::ReviewOff => s.review_off.to_owned(),
        Notice::QuizChanged => s.quiz_changed.to_owned(),
    };
    Some(format!("! {text}"))
}

/// The rows that show content in a view `height` rows tall holding `lines` lines: one row less when the lines
/// do not fit, for the "more" marks.
pub fn view_rows(lines: usize, height: u16) -> usize {
    let height = usize::from(height);
    if lines > height {
        height.saturating_sub(1).max(1)
    } else {
        height
    }
}

/// How far `offset` may go for `lines` lines in a view `height` rows tall.
pub fn clamp_offset(offset: u16, lines: usize, height: u16) -> u16 {
    let most = lines.saturating_sub(view_rows(lines, height));
    offset.min(u16::try_from(most).unwrap_or(u16::MAX))
}

/// Draws `lines` in `area` scrolled by `offset` lines. When they do not fit, the last row says how many lines
/// are above and below ("↑ 2 more  ↓ 6 more"). Only the visible lines are drawn.
pub fn scrolled(
    app: &App,
    frame: &mut Frame<'_>,
    area: Rect,
    lines: Vec<Line<'static>>,
    offset: u16,
    theme: &Theme,
) {
    let s = app.lang.strings();
    let total = lines.len();
    let offset = usize::from(clamp_offset(offset, total, area.height));
    let rows = view_rows(total, area.height);
    // Line by line into the buffer: the lines are wrapped already, and a paragraph would style every cell of
    // the area twice before drawing them (most of the work of a keypress on a large window).
    let buffer = frame.buffer_mut();
    for (row, line) in (area.top()..area.bottom()).zip(lines.iter().skip(offset).take(rows)) {
        buffer.set_line(area.x, row, line, area.width);
    }
    if total <= usize::from(area.height) {
        return;
    }
    let below = total.saturating_sub(offset + rows);
    let mut marks = Vec::new();
    if offset > 0 {
        marks.push(fill(s.more_above, &[("count", &offset.to_string())]));
    }
    if below > 0 {
        marks.push(fill(s.more_below, &[("count", &below.to_string())]));
    }
    let row = Rect::new(area.x, area.bottom().saturating_sub(1), area.width, 1);
    frame.render_widget(Clear, row);
    frame.render_widget(
        Paragraph::new(Line::styled(marks.join("  "), theme.warning)).alignment(Alignment::Right),
        row,
    );
}

/// A row of buttons, the one with `focus` highlighted and marked.
pub fn buttons(labels: &[&str], focus: usize, theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for (n, label) in labels.iter().enumerate() {
        if n > 0 {
            spans.push(Span::raw("  "));
        }
        let (text, style) = if n == focus {
            (format!("[› {label} ‹]"), theme.selected)
        } else {
            (format!("[  {label}  ]"), theme.text)
        };
        spans.push(Span::styled(text, style));
    }
    Line::from(spans)
}

/// A simple screen: a title and paragraphs.
fn message(
    app: &App,
    frame: &mut Frame<'_>,
    area: Rect,
    theme: &Theme,
    title: &str,
    paragraphs: &[&str],
) {
    frame.render_widget(Clear, area);
    let parts = body_parts(app, theme, frame, area, title, "");
    let mut lines: Vec<Line<'_>> = Vec::new();
    for paragraph in paragraphs {
        // A paragraph may hold line breaks (a config's errors, with their source line and caret).
        for line in crate::text::printable(paragraph, true).lines() {
            lines.push(Line::styled(line.to_owned(), theme.text));
        }
        lines.push(Line::default());
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), parts.body);
    footer(app, frame, parts.footer, theme);
}
