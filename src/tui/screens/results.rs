//! The results screen (score, pass or fail, breakdown by topic) and the review of every question.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::feedback::{feedback_lines, verdict};
use super::{chrome, footer, notice_line};
use crate::i18n::fill;
use crate::text::number;
use crate::text::printable_line;
use crate::tui::app::{App, Session};
use crate::tui::layout::{points_text, wrap};
use crate::tui::theme::Theme;

/// Draws the results of a finished attempt.
pub fn render(app: &App, session: &Session, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let s = app.lang.strings();
    let attempt = &session.attempt;
    let inner = chrome(
        app,
        theme,
        frame,
        area,
        &printable_line(&attempt.quiz().title),
        s.results,
    );
    let [body, notice, keys] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
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
        Line::styled(s.by_topic, theme.title),
    ];
    let by_tag = attempt.by_tag();
    let label_width = by_tag
        .keys()
        .map(|tag| app.taxonomy.label(tag, app.lang.code()).chars().count())
        .max()
        .unwrap_or(0)
        .min(usize::from(body.width / 2));
    let bar = 10;
    for (tag, score) in &by_tag {
        let share = if score.max_points > 0.0 {
            score.points / score.max_points
        } else {
            0.0
        };
        let filled = (share * bar as f64).round() as usize;
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
        let prompt: String = printable_line(&question.prompt)
            .chars()
            .take(usize::from(body.width.saturating_sub(14)))
            .collect();
        lines.push(Line::from(vec![
            Span::styled(format!("{symbol} "), style),
            Span::styled(format!("{:>2}. ", index + 1), theme.dim),
            Span::styled(format!("{prompt} "), theme.text),
            Span::styled(
                format!("{}/{}", number(item.points), number(question.max_points())),
                theme.dim,
            ),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), body);
    if let Some(line) = notice_line(app, theme) {
        frame.render_widget(Paragraph::new(line), notice);
    }
    let mut footer_keys = Vec::new();
    if app.room.rules.review {
        footer_keys.push(s.key_review);
    }
    footer_keys.extend([s.key_finish, s.key_help, s.key_quit]);
    footer(frame, keys, theme, &footer_keys);
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
    let inner = chrome(
        app,
        theme,
        frame,
        area,
        &title,
        &format!("{}/{total}", index + 1),
    );
    let [body, keys] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
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
        for part in wrap(
            &crate::text::printable(&scenario.narrative, true),
            body.width,
        ) {
            lines.push(Line::styled(part, theme.dim));
        }
        lines.push(Line::default());
    }
    for part in wrap(&printable_line(&question.prompt), body.width) {
        lines.push(Line::styled(part, theme.title));
    }
    lines.extend(feedback_lines(
        app.lang,
        question,
        &attempt.items()[index],
        body.width,
        theme,
    ));
    frame.render_widget(Paragraph::new(lines).scroll((session.scroll, 0)), body);
    footer(
        frame,
        keys,
        theme,
        &[s.key_navigate, s.key_scroll, s.key_back],
    );
}
