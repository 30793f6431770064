//! The quiz picker (the quizzes the trainer opened for this phase) and the offer to resume an unfinished
//! attempt of the chosen quiz.

use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{body_parts, buttons, footer, scrolled, view_rows};
use crate::attempt::{Attempt, RecordHeader};
use crate::i18n::fill;
use crate::record::check::against_quiz;
use crate::record::presence::{Liveness, Sighting};
use crate::record::{AttemptRecord, Phase, Status};
use crate::text::printable_line;
use crate::tui::app::{App, Ask, Effect, Notice, Now, Offer, Screen, Session};
use crate::tui::keymap::Action;
use crate::tui::layout::wrap;
use crate::tui::theme::Theme;

/// Where the participant stands with a quiz in this session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Not started.
    New,
    /// Started and not submitted: `answered` of `total` questions answered.
    Unfinished {
        /// Questions answered.
        answered: usize,
        /// Questions in all.
        total: usize,
    },
    /// Submitted.
    Done,
}

/// A quiz of the list, with the participant's standing on it.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The quiz.
    pub offer: Offer,
    /// Started, finished or new.
    pub standing: Standing,
}

/// The quiz list: unfinished attempts first (to continue), then the other open quizzes in order. In the pre-
/// and post-test phases a submitted quiz is not offered again unless the trainer allows retakes.
pub fn entries(app: &App) -> Vec<Entry> {
    let standing = |offer: &Offer| {
        let mine = app.history.iter().filter(|r| r.quiz.id == offer.quiz.id);
        if let Some(record) = mine
            .clone()
            .filter(|r| r.status == Status::InProgress)
            .max_by_key(|r| r.updated)
        {
            return Standing::Unfinished {
                answered: record.answered(),
                total: record.questions.len(),
            };
        }
        let mut mine = mine;
        if mine.any(|r| r.status == Status::Completed) {
            Standing::Done
        } else {
            Standing::New
        }
    };
    let once = app.room.phase != Phase::Practice && !app.room.rules.retakes;
    let mut all: Vec<Entry> = app
        .open_quizzes()
        .into_iter()
        .map(|offer| Entry {
            offer: offer.clone(),
            standing: standing(offer),
        })
        .filter(|entry| !(once && entry.standing == Standing::Done))
        .collect();
    all.sort_by_key(|entry| !matches!(entry.standing, Standing::Unfinished { .. }));
    all
}

/// Handles `action` on the quiz list.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let open = entries(app);
    let Screen::Picker { cursor } = &mut app.screen else {
        return Vec::new();
    };
    match action {
        Action::Up => *cursor = cursor.saturating_sub(1),
        Action::Down => *cursor = (*cursor + 1).min(open.len().saturating_sub(1)),
        Action::Digit(d) if d <= open.len() => *cursor = d - 1,
        Action::Confirm => {
            if let Some(entry) = open.get(*cursor) {
                return choose(app, entry.clone());
            }
        }
        Action::Quit => {
            app.participant = None;
            app.screen = Screen::SignIn(Default::default());
        }
        _ => {}
    }
    Vec::new()
}

/// Opens the quiz of `entry`: the loop probes the results folder and looks for an unfinished attempt first;
/// an unfinished one the trainee chose is continued at once.
pub fn choose(app: &mut App, entry: Entry) -> Vec<Effect> {
    let Some(participant) = app.participant.clone() else {
        return Vec::new();
    };
    app.continuing = matches!(entry.standing, Standing::Unfinished { .. });
    app.screen = Screen::Loading;
    vec![Effect::Prepare {
        offer: entry.offer,
        participant,
    }]
}

/// Handles `action` on the offer to resume: continue (the default), or start again after a confirmation. When
/// the attempt is open on another workstation: a separate attempt (the default, leaving the other one alone), or
/// take it over (the other screen's next save is then refused, and its trainee told).
pub fn update_resume(app: &mut App, action: Action, now: Now) -> Vec<Effect> {
    let Screen::Resume {
        focus,
        elsewhere,
        offer,
        ..
    } = &mut app.screen
    else {
        return Vec::new();
    };
    let elsewhere = elsewhere.is_some();
    match action {
        Action::Left | Action::Up => *focus = focus.saturating_sub(1),
        Action::Right | Action::Down => *focus = (*focus + 1).min(1),
        Action::Confirm if elsewhere && *focus == 0 => {
            let offer = offer.clone();
            return app.start(offer, now);
        }
        Action::Confirm if elsewhere => {
            // Taking over saves at once, so the other screen's next save is refused from now on, not only after
            // this trainee's next answer.
            let mut effects = resume(app, now);
            effects.extend(app.save_now(now));
            return effects;
        }
        Action::Confirm if *focus == 0 => return resume(app, now),
        Action::Confirm => app.ask(Ask::StartAgain),
        Action::Quit => app.ask(Ask::Leave),
        _ => {}
    }
    Vec::new()
}

/// Continues the saved attempt; a record that no longer fits the quiz is set aside and a new attempt starts.
fn resume(app: &mut App, now: Now) -> Vec<Effect> {
    let Screen::Resume { record, offer, .. } = &app.screen else {
        return Vec::new();
    };
    let fits = against_quiz(record, &offer.quiz).map_err(|_| ());
    match fits.and_then(|()| Attempt::resume(Arc::clone(&offer.quiz), record).map_err(|_| ())) {
        Ok(mut attempt) => {
            let gap = now.wall.duration_since(record.updated).as_millis();
            attempt.count_time_away(u64::try_from(gap.max(0)).unwrap_or(u64::MAX));
            attempt.pause_clock();
            attempt.tick(now.mono_ms);
            let header = RecordHeader {
                attempt: record.attempt.clone(),
                participant: record.participant.clone(),
                session: record.session.clone(),
                phase: record.phase,
                quiz: record.quiz.clone(),
                started: record.started,
            };
            let expired = attempt.remaining_ms() == Some(0);
            app.screen = Screen::Attempt(Box::new(Session::new(attempt, header)));
            super::attempt::enter_question(app);
            if expired {
                return super::attempt::time_up(app, now);
            }
            Vec::new()
        }
        Err(_) => {
            let effects = start_again(app, now);
            app.notice = Some(Notice::QuizChanged);
            effects
        }
    }
}

/// Discards the saved attempt (its record is kept, marked discarded) and starts a new one.
pub fn start_again(app: &mut App, now: Now) -> Vec<Effect> {
    let Screen::Resume { record, offer, .. } = &app.screen else {
        return Vec::new();
    };
    let (mut record, offer) = (record.clone(), offer.clone());
    record.status = Status::Discarded;
    record.updated = now.wall;
    let mut effects = vec![Effect::Save(record)];
    effects.extend(app.start(offer, now));
    effects
}

/// The picker's line about length: questions, and the time limit or else the estimate.
fn facts(app: &App, offer: &Offer) -> String {
    let s = app.lang.strings();
    let quiz = &offer.quiz;
    let time = match quiz.time_limit_minutes {
        Some(limit) => fill(
            s.time_limit,
            &[("time", &app.lang.count(u64::from(limit), s.minutes))],
        ),
        None => fill(
            s.about,
            &[(
                "time",
                &app.lang.count(u64::from(quiz.estimated_minutes), s.minutes),
            )],
        ),
    };
    let mut facts = format!(
        "{} · {time} · {}",
        app.lang.count(quiz.questions.len() as u64, s.questions),
        quiz.language
    );
    if quiz.language != app.lang.code() {
        facts.push_str(&format!(" ({})", s.other_language));
    }
    facts
}

/// Draws the picker with `cursor` on the highlighted quiz.
pub fn render(app: &App, cursor: usize, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let s = app.lang.strings();
    let who = app.participant.as_ref().map_or_else(String::new, |p| {
        let name = app.shown_name(p);
        let name = printable_line(&name);
        match &p.code {
            Some(code) => format!("{name} · {}", printable_line(code)),
            None => name.into_owned(),
        }
    });
    let parts = body_parts(app, theme, frame, area, s.choose_quiz, &who);
    let body = parts.body;
    let open = entries(app);
    let mut lines = Vec::new();
    if open.is_empty() {
        lines.push(Line::styled(s.no_quizzes, theme.warning));
    }
    let mut selected = (0, 0);
    for (n, entry) in open.iter().enumerate() {
        let offer = &entry.offer;
        let quiz = &offer.quiz;
        let start = lines.len();
        let style = if n == cursor {
            theme.selected
        } else {
            theme.title
        };
        let pointer = if n == cursor { "›" } else { " " };
        let number = format!("{pointer} {}  ", n + 1);
        let title = match entry.standing {
            Standing::New => printable_line(&quiz.title).into_owned(),
            Standing::Unfinished { answered, total } => fill(
                s.continue_quiz,
                &[
                    ("title", &printable_line(&quiz.title)),
                    ("answered", &answered.to_string()),
                    ("total", &total.to_string()),
                ],
            ),
            Standing::Done => format!("✓ {} ({})", printable_line(&quiz.title), s.done),
        };
        for (part, text) in wrap(&title, body.width.saturating_sub(5))
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
        lines.push(Line::from(Span::styled(
            format!("     {}", facts(app, offer)),
            theme.dim,
        )));
        for part in wrap(
            &printable_line(&quiz.description),
            body.width.saturating_sub(5),
        ) {
            lines.push(Line::styled(format!("     {part}"), theme.text));
        }
        if n == cursor {
            selected = (start, lines.len());
        }
        lines.push(Line::default());
    }
    // The whole chosen entry is shown, above the row that says what is above and below it.
    let height = view_rows(lines.len(), body.height);
    let offset = selected.1.saturating_sub(height).min(selected.0);
    scrolled(
        app,
        frame,
        body,
        lines,
        u16::try_from(offset).unwrap_or(u16::MAX),
        theme,
    );
    footer(app, frame, parts.footer, theme);
}

/// Draws the offer to continue `record`, with the button `focus` highlighted. The buttons always show: side by
/// side when they fit, else one per line, and below the text, which gives up its last lines when the window is
/// too small for both (when the attempt is open elsewhere, the warning is kept over the count of answers).
pub fn render_resume(
    app: &App,
    record: &AttemptRecord,
    focus: usize,
    elsewhere: Option<Sighting>,
    theme: &Theme,
    frame: &mut Frame<'_>,
    area: Rect,
) {
    let s = app.lang.strings();
    let title = match elsewhere {
        Some(_) => s.elsewhere_title,
        None => s.resume_title,
    };
    let parts = body_parts(app, theme, frame, area, title, "");
    let body = fill(
        s.resume_body,
        &[
            ("answered", &record.answered().to_string()),
            ("total", &record.questions.len().to_string()),
        ],
    );
    let width = parts.body.width;
    let mut lines: Vec<Line<'_>> = wrap(&body, width)
        .into_iter()
        .map(|l| Line::styled(l, theme.text))
        .collect();
    lines.push(Line::default());
    let intro = lines.len();
    let choices = match elsewhere {
        Some(sighting) => {
            let text = match sighting.liveness {
                Liveness::Live => s.elsewhere_body,
                _ => s.elsewhere_unsure,
            };
            let question = sighting
                .question
                .map_or_else(|| "—".to_owned(), |n| n.to_string());
            let warning = fill(text, &[("question", &question)]);
            lines.extend(
                wrap(&warning, width)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.warning)),
            );
            lines.push(Line::default());
            &s.separate_take_over
        }
        None => &s.continue_restart,
    };
    let row = buttons(choices, focus, theme);
    let rows = if row.width() <= usize::from(width) {
        vec![row]
    } else {
        choices
            .iter()
            .enumerate()
            .map(|(n, label)| buttons(&[label], usize::from(n != focus), theme))
            .collect()
    };
    let room = usize::from(parts.body.height).saturating_sub(rows.len());
    if lines.len() > room && elsewhere.is_some() {
        lines.drain(..intro);
    }
    lines.truncate(room);
    lines.extend(rows);
    frame.render_widget(Paragraph::new(lines), parts.body);
    footer(app, frame, parts.footer, theme);
}
