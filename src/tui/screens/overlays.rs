//! Windows over the screen: the help window (made from the keymap of the screen beneath), the questions asked
//! with buttons (leave, submit, start again) and the overview of questions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{buttons, clamp_offset, parts, scrolled};
use crate::i18n::fill;
use crate::text::{printable_line, truncate};
use crate::tui::app::{App, Ask, Delivery, Effect, Now, Overlay, Screen};
use crate::tui::keymap::{Action, bindings};
use crate::tui::layout::wrap;
use crate::tui::theme::Theme;

/// Handles `action` in the window `overlay`.
pub fn update(app: &mut App, overlay: Overlay, action: Action, now: Now) -> Vec<Effect> {
    match overlay {
        Overlay::Help { scroll } => {
            let scroll = match action {
                Action::Up => scroll.saturating_sub(1),
                Action::Down => scroll.saturating_add(1),
                Action::ScrollUp => scroll.saturating_sub(10),
                Action::ScrollDown => scroll.saturating_add(10),
                Action::Home => 0,
                Action::End => u16::MAX,
                Action::Quit | Action::Help => {
                    app.overlay = None;
                    return Vec::new();
                }
                _ => scroll,
            };
            app.overlay = Some(Overlay::Help { scroll });
            clamp(app);
            Vec::new()
        }
        Overlay::Dialog { ask, focus } => match action {
            Action::Left | Action::Up => {
                app.overlay = Some(Overlay::Dialog {
                    ask,
                    focus: focus.saturating_sub(1),
                });
                Vec::new()
            }
            Action::Right | Action::Down => {
                app.overlay = Some(Overlay::Dialog {
                    ask,
                    focus: (focus + 1).min(ask.buttons() - 1),
                });
                Vec::new()
            }
            Action::Quit => {
                app.overlay = None;
                Vec::new()
            }
            Action::Confirm => {
                app.overlay = None;
                answer(app, ask, focus, now)
            }
            _ => Vec::new(),
        },
        Overlay::Overview { cursor } => {
            let count = app.session().map_or(0, |s| s.attempt.items().len());
            let last = count.saturating_sub(1);
            let cursor = match action {
                Action::Up => cursor.saturating_sub(1),
                Action::Down => (cursor + 1).min(last),
                Action::ScrollUp => cursor.saturating_sub(10),
                Action::ScrollDown => (cursor + 10).min(last),
                Action::Home => 0,
                Action::End => last,
                Action::Confirm => {
                    app.overlay = None;
                    super::attempt::go_to(app, cursor);
                    return Vec::new();
                }
                Action::SubmitAll => {
                    app.ask(Ask::Finish);
                    return Vec::new();
                }
                Action::Quit | Action::Help => {
                    app.overlay = None;
                    return Vec::new();
                }
                _ => cursor,
            };
            app.overlay = Some(Overlay::Overview { cursor });
            Vec::new()
        }
    }
}

/// Does what button `focus` of `ask` says.
fn answer(app: &mut App, ask: Ask, focus: usize, now: Now) -> Vec<Effect> {
    match (ask, focus) {
        (Ask::Leave, 1) | (Ask::LeaveAnswered, 2) => {
            let mut effects = app.save_now(now);
            effects.push(Effect::Quit);
            effects
        }
        (Ask::Finish, 1) | (Ask::LeaveAnswered, 1) => app.finish(now, None),
        (Ask::StartAgain, 1) => super::picker::start_again(app, now),
        _ => Vec::new(),
    }
}

/// Keeps the help window's scroll within its lines.
pub fn clamp(app: &mut App) {
    if let Some(Overlay::Help { scroll }) = app.overlay {
        let (lines, height) = help_view(app);
        app.overlay = Some(Overlay::Help {
            scroll: clamp_offset(scroll, lines.len(), height),
        });
    }
}

/// The rectangle of a window `height` rows tall (borders included) over the screen's body.
fn window_rect(app: &App, height: u16) -> Rect {
    let (width, rows) = app.size;
    let body = parts(app, Rect::new(0, 0, width, rows)).body;
    let width = body.width.min(76);
    let height = height.min(body.height).max(3);
    body.centered(Constraint::Length(width), Constraint::Length(height))
}

/// The help lines of the screen beneath, and the rows there are to show them in.
fn help_view(app: &App) -> (Vec<String>, u16) {
    let s = app.lang.strings();
    let keys = bindings(app.screen_mode());
    let name = |shown| crate::tui::footer::key_name(app.lang, shown);
    let key_width = keys
        .iter()
        .map(|b| name(b.shown).width())
        .max()
        .unwrap_or(0);
    let rect = window_rect(app, u16::MAX);
    let inner_width = rect.width.saturating_sub(2);
    let mut lines = Vec::new();
    for binding in &keys {
        let word = s.keys.word(binding.label);
        let shown = name(binding.shown);
        let lead = format!("{shown}{}  ", " ".repeat(key_width - shown.width()));
        let lead_width = lead.width();
        for (n, part) in wrap(word, inner_width.saturating_sub(lead_width as u16))
            .into_iter()
            .enumerate()
        {
            let prefix = if n == 0 {
                lead.clone()
            } else {
                " ".repeat(lead_width)
            };
            lines.push(format!("{prefix}{part}"));
        }
    }
    lines.push(String::new());
    lines.extend(wrap(s.help_note, inner_width));
    (lines, rect.height.saturating_sub(2))
}

/// Draws a bordered window at `rect` with `title`, clearing what is beneath, from edge to edge of the screen so
/// no text shows beside it.
fn frame_window(frame: &mut Frame<'_>, rect: Rect, theme: &Theme, title: &str) -> Rect {
    let area = frame.area();
    let band = Rect::new(
        area.x + 1,
        rect.y,
        area.width.saturating_sub(2),
        rect.height,
    );
    frame.render_widget(Clear, band);
    let block = Block::bordered()
        .border_style(theme.title)
        .title(Line::styled(format!(" {title} "), theme.title));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}

/// What leaving would leave behind: answers kept on this computer only, or saved nowhere.
fn pending(app: &App) -> Option<&'static str> {
    let s = app.lang.strings();
    match app.delivery {
        Delivery::Delivered => None,
        Delivery::Kept(_) | Delivery::Displaced => Some(s.leave_pending),
        Delivery::Failed(_) => Some(s.leave_unsaved),
    }
}

/// The question and buttons of `ask`.
fn dialog_text(app: &App, ask: Ask) -> (Vec<String>, Vec<&'static str>) {
    let s = app.lang.strings();
    let session = app.session();
    let list = |pick: &dyn Fn(&crate::attempt::Item) -> bool| -> String {
        session.map_or_else(String::new, |session| {
            session
                .attempt
                .items()
                .iter()
                .enumerate()
                .filter(|(_, item)| pick(item))
                .map(|(n, _)| (n + 1).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    match ask {
        Ask::Leave => {
            let mut text = vec![s.quit_confirm.to_owned()];
            match pending(app) {
                Some(warning) => text.push(warning.to_owned()),
                None if app.room.recording && matches!(app.screen, Screen::Attempt(_)) => {
                    text.push(s.quit_saved.to_owned());
                }
                None => {}
            }
            (text, s.stay_leave.to_vec())
        }
        Ask::LeaveAnswered => (
            [Some(s.all_answered_leave), pending(app)]
                .into_iter()
                .flatten()
                .map(str::to_owned)
                .collect(),
            s.back_submit_leave.to_vec(),
        ),
        Ask::Finish => {
            let unanswered = list(&|item| item.answer.is_none());
            let flagged = list(&|item| item.flagged);
            let mut text = vec![if unanswered.is_empty() {
                s.submit_confirm_all.to_owned()
            } else {
                let count = unanswered.split(", ").count() as u64;
                fill(
                    s.submit_confirm,
                    &[("count", &app.lang.count(count, s.questions))],
                )
            }];
            if !unanswered.is_empty() {
                text.push(fill(s.finish_unanswered, &[("list", &unanswered)]));
            }
            if !flagged.is_empty() {
                text.push(fill(s.finish_flagged, &[("list", &flagged)]));
            }
            if !unanswered.is_empty() {
                text.push(s.finish_final.to_owned());
            }
            (text, s.back_submit.to_vec())
        }
        Ask::StartAgain => {
            let answered = match &app.screen {
                Screen::Resume { record, .. } => record.answered() as u64,
                _ => 0,
            };
            (
                vec![fill(
                    s.discard_confirm,
                    &[("count", &app.lang.count(answered, s.answers))],
                )],
                s.keep_discard.to_vec(),
            )
        }
    }
}

/// Draws `overlay` over the screen.
pub fn render(app: &App, overlay: Overlay, theme: &Theme, frame: &mut Frame<'_>, _area: Rect) {
    let s = app.lang.strings();
    match overlay {
        Overlay::Help { scroll } => {
            let (lines, _) = help_view(app);
            let rect = window_rect(app, lines.len() as u16 + 2);
            let inner = frame_window(frame, rect, theme, s.help);
            let lines = lines
                .into_iter()
                .map(|l| Line::styled(l, theme.text))
                .collect();
            scrolled(app, frame, inner, lines, scroll, theme);
        }
        Overlay::Dialog { ask, focus } => {
            let (text, labels) = dialog_text(app, ask);
            let width = window_rect(app, 3).width.saturating_sub(2);
            let mut lines: Vec<Line<'static>> = Vec::new();
            for (n, paragraph) in text.iter().enumerate() {
                let style = if n == 0 { theme.title } else { theme.text };
                lines.extend(
                    wrap(paragraph, width)
                        .into_iter()
                        .map(|l| Line::styled(l, style)),
                );
            }
            lines.push(Line::default());
            let row = buttons(&labels, focus, theme);
            if row.width() <= usize::from(width) {
                lines.push(row);
            } else {
                for (n, label) in labels.iter().enumerate() {
                    lines.push(buttons(&[label], usize::from(n != focus), theme));
                }
            }
            let rect = window_rect(app, lines.len() as u16 + 2);
            let inner = frame_window(frame, rect, theme, "Vigil");
            frame.render_widget(Paragraph::new(lines), inner);
        }
        Overlay::Overview { cursor } => {
            let Some(session) = app.session() else { return };
            let attempt = &session.attempt;
            let answered = attempt.answered();
            let total = attempt.items().len();
            let rect = window_rect(app, total as u16 + 3);
            let inner = frame_window(frame, rect, theme, s.overview);
            let summary = format!(
                "● {} {} · ○ {} {} · ⚑ {}",
                answered,
                s.answered,
                total - answered,
                s.unanswered,
                attempt.items().iter().filter(|i| i.flagged).count()
            );
            frame.render_widget(
                Paragraph::new(Line::styled(summary, theme.dim)),
                Rect::new(inner.x, inner.y, inner.width, 1),
            );
            let list = Rect::new(
                inner.x,
                inner.y + 1,
                inner.width,
                inner.height.saturating_sub(1),
            );
            let mut lines = Vec::new();
            for (index, item) in attempt.items().iter().enumerate() {
                let state = if item.answer.is_some() { "●" } else { "○" };
                let flag = if item.flagged { "⚑" } else { " " };
                let pointer = if index == cursor { "›" } else { " " };
                let lead = format!("{pointer}{state} {flag} {:>2}. ", index + 1);
                let room = usize::from(list.width).saturating_sub(lead.width());
                let prompt = truncate(&printable_line(&attempt.question_at(index).prompt), room);
                let style = if index == cursor {
                    theme.selected
                } else {
                    theme.text
                };
                lines.push(Line::from(Span::styled(format!("{lead}{prompt}"), style)));
            }
            let height = super::view_rows(lines.len(), list.height);
            let offset = cursor.saturating_sub(height.saturating_sub(1));
            scrolled(
                app,
                frame,
                list,
                lines,
                u16::try_from(offset).unwrap_or(u16::MAX),
                theme,
            );
        }
    }
}
