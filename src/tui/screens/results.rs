//! The results screen (score, pass or fail, breakdown by topic, every question's verdict) and the review of
//! every question; both scroll.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::feedback::{feedback_lines, verdict};
use super::{body_parts, clamp_offset, footer, parts, scrolled};
use crate::i18n::fill;
use crate::quiz::TagKind;
use crate::text::printable_line;
use crate::tui::app::{App, Delivery, Notice, Screen, Session};
use crate::tui::keymap::Action;
use crate::tui::layout::{points_text, wrap};
use crate::tui::theme::Theme;

/// Handles `action` on the results or the review.
pub fn update(app: &mut App, action: Action) {
    let review = app.room.rules.review;
    match &mut app.screen {
        Screen::Results(session) => match action {
            Action::Review if review => {
                let screen = std::mem::replace(&mut app.screen, Screen::Loading);
                if let Screen::Results(mut session) = screen {
                    session.scroll = 0;
                    app.screen = Screen::Review { session, index: 0 };
                }
            }
            Action::Review => app.notice = Some(Notice::ReviewOff),
            Action::Confirm => app.screen = Screen::Picker { cursor: 0 },
            Action::Quit => app.ask(crate::tui::app::Ask::Leave),
            action => scroll(&mut session.scroll, action),
        },
        Screen::Review { session, index } => {
            let count = session.attempt.items().len();
            match action {
                Action::Right | Action::NextQuestion if *index + 1 < count => {
                    *index += 1;
                    session.scroll = 0;
                }
                Action::Left | Action::PreviousQuestion if *index > 0 => {
                    *index -= 1;
                    session.scroll = 0;
                }
                Action::Quit => {
                    let screen = std::mem::replace(&mut app.screen, Screen::Loading);
                    if let Screen::Review { mut session, .. } = screen {
                        session.scroll = 0;
                        app.screen = Screen::Results(session);
                    }
                }
                action => scroll(&mut session.scroll, action),
            }
        }
        _ => {}
    }
    clamp(app);
}

fn scroll(offset: &mut u16, action: Action) {
    *offset = match action {
        Action::Up => offset.saturating_sub(1),
        Action::Down => offset.saturating_add(1),
        Action::ScrollUp => offset.saturating_sub(10),
        Action::ScrollDown => offset.saturating_add(10),
        Action::Home => 0,
        Action::End => u16::MAX,
        _ => *offset,
    };
}

/// Keeps the scroll of the results or the review within their lines.
pub fn clamp(app: &mut App) {
    let (width, height) = app.size;
    let body = parts(app, Rect::new(0, 0, width, height)).body;
    let theme = Theme::new(Default::default(), true);
    let lines = match &app.screen {
        Screen::Results(session) => results_lines(app, session, body.width, &theme).len(),
        Screen::Review { session, index } => {
            review_lines(app, session, *index, body.width, &theme).len()
        }
        _ => return,
    };
    if let Screen::Results(session) | Screen::Review { session, .. } = &mut app.screen {
        session.scroll = clamp_offset(session.scroll, lines, body.height);
    }
}

/// The lines of the results of `session` at `width` columns.
fn results_lines(app: &App, session: &Session, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let s = app.lang.strings();
    let attempt = &session.attempt;
    let (symbol, word, style) = if attempt.passed() {
        ("✓", s.passed, theme.good)
    } else {
        ("✗", s.failed, theme.bad)
    };
    let mark = fill(
        s.pass_mark,
        &[("mark", &attempt.quiz().pass_mark.to_string())],
    );
    let mut lines = vec![
        Line::from(vec![
            Span::styled(
                format!(
                    "{} · {}% · ",
                    points_text(app.lang, attempt.points(), attempt.max_points()),
                    attempt.percent().round()
                ),
                theme.title,
            ),
            Span::styled(format!("{symbol} {word}"), style),
            Span::styled(format!(" ({mark})"), theme.dim),
        ]),
        Line::default(),
    ];
    if app.room.recording {
        let (mark, text, style) = match &app.delivery {
            Delivery::Delivered => ("✓", s.submitted, theme.good),
            Delivery::Kept(_) => ("!", s.not_delivered, theme.warning),
            Delivery::Displaced => ("!", s.displaced, theme.warning),
            Delivery::Failed(_) => ("!", s.not_saved, theme.warning),
        };
        for part in wrap(&format!("{mark} {text}"), width) {
            lines.push(Line::styled(part, style));
        }
        lines.push(Line::default());
    }
    let by_tag: Vec<_> = attempt
        .by_tag()
        .into_iter()
        .filter(|(tag, _)| app.taxonomy.kind(tag) != Some(TagKind::Audience))
        .collect();
    if !by_tag.is_empty() {
        lines.push(Line::styled(s.by_topic, theme.title));
    }
    let label_width = by_tag
        .iter()
        .map(|(tag, _)| app.taxonomy.label(tag, app.lang.code()).chars().count())
        .max()
        .unwrap_or(0)
        .min(usize::from(width / 2));
    let bar = 10;
    for (tag, score) in &by_tag {
        let share = if score.max_points > 0.0 {
            score.points / score.max_points
        } else {
            0.0
        };
        let filled = ((share * bar as f64).round() as usize).min(bar);
        let label: String = printable_line(app.taxonomy.label(tag, app.lang.code()))
            .chars()
            .take(label_width)
            .collect();
        lines.push(Line::from(vec![
            Span::styled(format!("{label:label_width$} "), theme.text),
            Span::styled(
                format!("{}{}", "█".repeat(filled), "░".repeat(bar - filled)),
                theme.title,
            ),
            Span::styled(format!(" {}%", (share * 100.0).round()), theme.text),
        ]));
    }
    lines.push(Line::default());
    for (index, item) in attempt.items().iter().enumerate() {
        let question = attempt.question_at(index);
        let (symbol, _, style) = verdict(app.lang, item.points, question.max_points(), theme);
        let score = format!(
            "{}/{}",
            app.lang.number(item.points),
            app.lang.number(question.max_points())
        );
        let room = usize::from(width).saturating_sub(score.chars().count() + 7);
        let prompt = crate::text::truncate(&printable_line(&question.prompt), room);
        lines.push(Line::from(vec![
            Span::styled(format!("{symbol} "), style),
            Span::styled(format!("{:>2}. ", index + 1), theme.dim),
            Span::styled(format!("{prompt} "), theme.text),
            Span::styled(score, theme.dim),
        ]));
    }
    lines
}

/// Draws the results of a finished attempt.
pub fn render(app: &App, session: &Session, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let s = app.lang.strings();
    let attempt = &session.attempt;
    let parts = body_parts(
        app,
        theme,
        frame,
        area,
        &printable_line(&attempt.quiz().title),
        s.results,
    );
    let lines = results_lines(app, session, parts.body.width, theme);
    scrolled(app, frame, parts.body, lines, session.scroll, theme);
    footer(app, frame, parts.footer, theme);
}

/// The lines of the review of question `index`.
fn review_lines(
    app: &App,
    session: &Session,
    index: usize,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let s = app.lang.strings();
    let attempt = &session.attempt;
    let question = attempt.question_at(index);
    let mut lines = Vec::new();
    if let Some(scenario) = question
        .scenario
        .as_ref()
        .and_then(|id| attempt.quiz().scenarios.iter().find(|sc| &sc.id == id))
    {
        lines.push(Line::styled(
            format!("{} · {}", s.scenario, printable_line(&scenario.title)),
            theme.dim,
        ));
        for part in wrap(&crate::text::printable(&scenario.narrative, true), width) {
            lines.push(Line::styled(part, theme.dim));
        }
        lines.push(Line::default());
    }
    for part in wrap(&printable_line(&question.prompt), width) {
        lines.push(Line::styled(part, theme.title));
    }
    lines.extend(feedback_lines(
        app.lang,
        question,
        &attempt.items()[index],
        width,
        theme,
    ));
    lines
}

/// Draws question `index` of a finished attempt with the participant's answer and its feedback.
pub fn render_review(
    app: &App,
    session: &Session,
    index: usize,
    theme: &Theme,
    frame: &mut Frame<'_>,
    area: Rect,
) {
    let s = app.lang.strings();
    let attempt = &session.attempt;
    let total = attempt.items().len();
    let title = format!("{} · {}", s.review, printable_line(&attempt.quiz().title));
    let parts = body_parts(
        app,
        theme,
        frame,
        area,
        &title,
        &format!("{}/{total}", index + 1),
    );
    let lines = review_lines(app, session, index, parts.body.width, theme);
    scrolled(app, frame, parts.body, lines, session.scroll, theme);
    footer(app, frame, parts.footer, theme);
}
