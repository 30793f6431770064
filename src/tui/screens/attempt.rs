//! The attempt screen: header with progress and time, the scenario pane, the question with its options or its
//! feedback, a notice line and the keys that work here; and what the keys do on it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::feedback::feedback_lines;
use super::question::question_body;
use super::{body_parts, clamp_offset, footer, parts, scrolled, view_rows};
use crate::attempt::{Draft, Submitted};
use crate::quiz::{FeedbackMode, QuestionKind};
use crate::text::printable_line;
use crate::tui::app::{App, Ask, Effect, Notice, Now, Overlay, Screen, Session, answering};
use crate::tui::keymap::Action;
use crate::tui::layout::{
    AttemptAreas, body_offset, clock, progress, scenario_text, split_scenario, wrap,
};
use crate::tui::theme::Theme;

/// How the screen of `session` is laid out in a terminal of `app.size`.
pub fn areas(app: &App, session: &Session) -> AttemptAreas {
    let body = app_body(app);
    if session.showing_feedback {
        return split_scenario(body, None, 0);
    }
    let scenario = scenario_text(session).map(|text| wrap(&text, body.width).len());
    let question = question_body(app, session, body.width, &plain())
        .lines
        .len();
    split_scenario(body, scenario, question)
}

/// The body of the screen in a terminal of `app.size` (where the layout of the attempt is worked out).
fn app_body(app: &App) -> Rect {
    let (width, height) = app.size;
    parts(app, Rect::new(0, 0, width, height)).body
}

fn plain() -> Theme {
    Theme::new(Default::default(), true)
}

/// The lines of the feedback of the question on screen.
fn feedback_view(app: &App, session: &Session, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let attempt = &session.attempt;
    let mut lines: Vec<Line<'static>> = wrap(&printable_line(&attempt.question().prompt), width)
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
    lines
}

/// Keeps the scroll offsets of the attempt on screen within their content.
pub fn clamp(app: &mut App) {
    let Screen::Attempt(session) = &app.screen else {
        return;
    };
    let areas = areas(app, session);
    let feedback = session
        .showing_feedback
        .then(|| feedback_view(app, session, areas.body.width, &plain()).len());
    let scenario = scenario_text(session).map(|text| wrap(&text, areas.body.width).len());
    let Screen::Attempt(session) = &mut app.screen else {
        return;
    };
    if let Some(lines) = feedback {
        session.scroll = clamp_offset(session.scroll, lines, areas.body.height);
    }
    match (scenario, areas.scenario) {
        (Some(lines), Some(pane)) => {
            session.scenario_scroll = clamp_offset(
                session.scenario_scroll,
                lines,
                pane.height.saturating_sub(2),
            );
        }
        _ => session.scenario_scroll = 0,
    }
}

/// Handles `action` while a question (or its feedback) is on screen.
pub fn update(app: &mut App, action: Action, now: Now) -> Vec<Effect> {
    let Screen::Attempt(session) = &mut app.screen else {
        return Vec::new();
    };
    let attempt = &mut session.attempt;
    let feedback = session.showing_feedback;
    let is_match = matches!(attempt.question().kind, QuestionKind::Match { .. });
    match action {
        Action::Up if feedback => session.scroll = session.scroll.saturating_sub(1),
        Action::Down if feedback => session.scroll = session.scroll.saturating_add(1),
        Action::ScrollUp if feedback => session.scroll = session.scroll.saturating_sub(10),
        Action::ScrollDown if feedback => session.scroll = session.scroll.saturating_add(10),
        Action::Home if feedback => session.scroll = 0,
        Action::End if feedback => session.scroll = u16::MAX,
        Action::Up => attempt.move_cursor(-1),
        Action::Down => attempt.move_cursor(1),
        Action::Home => attempt.move_cursor(isize::MIN),
        Action::End => attempt.move_cursor(isize::MAX),
        Action::Left if is_match => attempt.cycle_target(-1),
        Action::Right if is_match => attempt.cycle_target(1),
        Action::PreviousQuestion if attempt.previous_question() => enter_question(app),
        Action::NextQuestion if attempt.next_question() => enter_question(app),
        Action::Digit(d) => attempt.digit(d),
        Action::Toggle => attempt.toggle(),
        Action::Flag => {
            attempt.toggle_flag();
            return app.save_now(now);
        }
        Action::Overview => {
            let cursor = attempt.position();
            app.overlay = Some(Overlay::Overview { cursor });
        }
        Action::SubmitAll => app.ask(Ask::Finish),
        Action::ScrollUp => session.scenario_scroll = session.scenario_scroll.saturating_sub(3),
        Action::ScrollDown => session.scenario_scroll = session.scenario_scroll.saturating_add(3),
        Action::Confirm => return confirm(app, now),
        Action::Quit => {
            let deferred = attempt.feedback() == FeedbackMode::Deferred;
            let all = attempt.answered() == attempt.items().len();
            app.ask(if deferred && all {
                Ask::LeaveAnswered
            } else {
                Ask::Leave
            });
        }
        _ => {}
    }
    clamp(app);
    Vec::new()
}

/// Enter on a question: answers it (never with nothing chosen), or goes on after its feedback.
fn confirm(app: &mut App, now: Now) -> Vec<Effect> {
    let Screen::Attempt(session) = &mut app.screen else {
        return Vec::new();
    };
    if session.showing_feedback {
        return after_feedback(app, now);
    }
    let immediate = session.attempt.feedback() == FeedbackMode::Immediate;
    let before = session.attempt.item().draft.clone();
    let kind = answering(&session.attempt.question().kind);
    match session.attempt.submit() {
        Submitted::Answered => {
            session.last_choice = immediate
                .then(|| last_choice_feedback(session, &before))
                .flatten();
            if immediate {
                session.showing_feedback = true;
                session.scroll = 0;
            } else if session.attempt.next_question() {
                enter_question(app);
            } else {
                app.ask(Ask::Finish);
            }
            app.save_now(now)
        }
        Submitted::Stepped => {
            session.last_choice = immediate
                .then(|| last_choice_feedback(session, &before))
                .flatten();
            app.save_now(now)
        }
        Submitted::Incomplete => {
            app.notice = Some(Notice::Incomplete(kind));
            Vec::new()
        }
        Submitted::Locked => after_feedback(app, now),
    }
}

/// Enter after feedback: the next unanswered question, or the results when none is left.
fn after_feedback(app: &mut App, now: Now) -> Vec<Effect> {
    let Some(session) = app.answering_mut() else {
        return Vec::new();
    };
    match session.attempt.next_unanswered() {
        Some(next) => {
            session.attempt.go_to(next);
            enter_question(app);
            Vec::new()
        }
        None => app.finish(now, None),
    }
}

/// Goes to question `index`.
pub fn go_to(app: &mut App, index: usize) {
    if let Some(session) = app.answering_mut() {
        session.attempt.go_to(index);
    }
    enter_question(app);
}

/// After moving to a question: show its feedback when it is answered in immediate mode; in deferred mode a
/// branching question starts again from its first node (its answer stands until a new path ends).
pub fn enter_question(app: &mut App) {
    if let Some(session) = app.answering_mut() {
        session.scroll = 0;
        session.scenario_scroll = 0;
        session.last_choice = None;
        let answered = session.attempt.item().answer.is_some();
        let branching = matches!(
            session.attempt.question().kind,
            QuestionKind::Branching { .. }
        );
        match session.attempt.feedback() {
            FeedbackMode::Immediate => session.showing_feedback = answered,
            FeedbackMode::Deferred => {
                session.showing_feedback = false;
                if answered && branching {
                    session.attempt.restart_branch();
                }
            }
        }
    }
}

/// The time ran out: what is chosen on the question on screen counts as its answer, and the attempt is
/// submitted.
pub fn time_up(app: &mut App, now: Now) -> Vec<Effect> {
    if let Some(session) = app.answering_mut() {
        session.attempt.keep_draft();
    }
    app.finish(now, Some(Notice::TimeUp))
}

/// Gives the time warning once, when it is due.
pub fn warn_of_time(app: &mut App) {
    let Some(session) = app.answering_mut() else {
        return;
    };
    let attempt = &session.attempt;
    if let (Some(left), Some(due)) = (attempt.remaining_ms(), attempt.warning_ms())
        && left <= due
        && !session.warned
    {
        session.warned = true;
        app.notice = Some(Notice::TimeRunningOut);
    }
}

/// The line ranges of the options of the question on screen, at `width` columns (where clicks land).
pub fn option_rows(app: &App, session: &Session, width: u16) -> Vec<(usize, usize)> {
    question_body(app, session, width, &plain()).rows
}

/// A click at (`column`, `row`): chooses, ticks or highlights the option drawn there.
pub fn click(app: &mut App, column: u16, row: u16) {
    let Screen::Attempt(session) = &app.screen else {
        return;
    };
    if session.showing_feedback {
        return;
    }
    let areas = areas(app, session);
    let body = areas.body;
    if column < body.x || row < body.y || row >= body.bottom() {
        return;
    }
    let question = question_body(app, session, body.width, &plain());
    let rows = question.rows;
    let scrolled = body_offset(
        &rows,
        session.attempt.item().draft.cursor(),
        view_rows(question.lines.len(), body.height),
    );
    let line = usize::from(row - body.y) + scrolled;
    let Some(hit) = rows
        .iter()
        .position(|(start, end)| (*start..*end).contains(&line))
    else {
        return;
    };
    let Some(session) = app.answering_mut() else {
        return;
    };
    match session.attempt.question().kind {
        // A click on a match item highlights it; the keys then pair it.
        QuestionKind::Match { .. } => session.attempt.highlight(hit),
        QuestionKind::Multiple { .. } => {
            session.attempt.highlight(hit);
            session.attempt.toggle();
        }
        _ => session.attempt.digit(hit + 1),
    }
}

/// The feedback of the branching choice just taken, comparing the draft before and after.
fn last_choice_feedback(session: &Session, before: &Draft) -> Option<String> {
    let Draft::Branch { chosen, at, .. } = before else {
        return None;
    };
    let QuestionKind::Branching { nodes, .. } = &session.attempt.question().kind else {
        return None;
    };
    nodes
        .iter()
        .find(|n| &n.id == at)
        .and_then(|n| n.choices.get((*chosen)?))
        .map(|c| c.feedback.clone())
}

/// Draws the question on screen. The question body and the scenario are laid out once and serve both the
/// split of the screen and the drawing.
pub fn render(app: &App, session: &Session, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let attempt = &session.attempt;
    let total = attempt.items().len();
    let bar = if area.width >= 60 { 10 } else { 4 };
    let mut right = progress(attempt.position() + 1, total, bar);
    if let Some(left) = attempt.remaining_ms() {
        right.push_str(&format!(" {}", clock(left)));
    }
    if attempt.item().flagged {
        right = format!("⚑ {right}");
    }
    let parts = body_parts(
        app,
        theme,
        frame,
        area,
        &printable_line(&attempt.quiz().title),
        &right,
    );
    let body = if area == Rect::new(0, 0, app.size.0, app.size.1) {
        parts.body
    } else {
        app_body(app)
    };
    if session.showing_feedback {
        let areas = split_scenario(body, None, 0);
        let lines = feedback_view(app, session, areas.body.width, theme);
        scrolled(app, frame, areas.body, lines, session.scroll, theme);
    } else {
        let scenario = scenario_text(session).map(|text| wrap(&text, body.width));
        let question = question_body(app, session, body.width, theme);
        let areas = split_scenario(body, scenario.as_ref().map(Vec::len), question.lines.len());
        if let (Some(pane), Some(lines)) = (areas.scenario, scenario) {
            render_scenario(app, session, lines, pane, theme, frame);
        }
        let offset = body_offset(
            &question.rows,
            attempt.item().draft.cursor(),
            view_rows(question.lines.len(), areas.body.height),
        );
        scrolled(
            app,
            frame,
            areas.body,
            question.lines,
            u16::try_from(offset).unwrap_or(u16::MAX),
            theme,
        );
    }
    footer(app, frame, parts.footer, theme);
}

fn render_scenario(
    app: &App,
    session: &Session,
    wrapped: Vec<String>,
    pane: Rect,
    theme: &Theme,
    frame: &mut Frame<'_>,
) {
    let s = app.lang.strings();
    let attempt = &session.attempt;
    let question = attempt.question();
    let title = attempt
        .quiz()
        .scenarios
        .iter()
        .find(|sc| Some(&sc.id) == question.scenario.as_ref())
        .map_or_else(String::new, |sc| printable_line(&sc.title).into_owned());
    let title_row = Rect::new(pane.x, pane.y, pane.width, 1);
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!("{} · {title}", s.scenario),
            theme.title,
        )),
        title_row,
    );
    let text_rows = Rect::new(
        pane.x,
        pane.y + 1,
        pane.width,
        pane.height.saturating_sub(2),
    );
    let lines: Vec<Line<'static>> = wrapped
        .into_iter()
        .map(|line| Line::styled(line, theme.text))
        .collect();
    scrolled(app, frame, text_rows, lines, session.scenario_scroll, theme);
    let rule = Rect::new(pane.x, pane.bottom().saturating_sub(1), pane.width, 1);
    frame.render_widget(
        Paragraph::new(Line::styled(
            "─".repeat(usize::from(pane.width)),
            theme.border,
        )),
        rule,
    );
}
