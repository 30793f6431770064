//! The feedback of one answered question: the verdict in a symbol and a word, why each choice was right or
//! wrong, the explanation and the sources. Shown after each answer (immediate mode) and in the review.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::attempt::Item;
use crate::i18n::Lang;
use crate::quiz::scoring::best_path;
use crate::quiz::{Question, QuestionKind, Response};
use crate::text::printable;
use crate::tui::layout::{option_text, points_text, push_ending, push_wrapped, wrap};
use crate::tui::theme::Theme;

/// The verdict symbol, word and style for `points` out of `max`.
pub fn verdict(
    lang: Lang,
    points: f64,
    max: f64,
    theme: &Theme,
) -> (&'static str, &'static str, Style) {
    let s = lang.strings();
    if max > 0.0 && points >= max - 1e-9 {
        ("✓", s.correct, theme.good)
    } else if points > 0.0 {
        ("◐", s.partly_correct, theme.partial)
    } else {
        ("✗", s.incorrect, theme.bad)
    }
}

/// How an option of the feedback is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Chosen, and right.
    Right,
    /// Chosen, and wrong.
    Wrong,
    /// Right, and not chosen.
    Missed,
    /// No verdict of its own (a step of the correct order).
    Plain,
}

fn mark_line(
    lines: &mut Vec<Line<'static>>,
    mark: Mark,
    text: String,
    feedback: &str,
    width: u16,
    theme: &Theme,
) {
    let (symbol, style) = match mark {
        Mark::Right => ("✓", theme.good),
        Mark::Wrong => ("✗", theme.bad),
        Mark::Missed => ("○", theme.partial),
        Mark::Plain => (" ", theme.text),
    };
    let mut body = printable(&text, false).into_owned();
    if !feedback.is_empty() {
        body.push_str(" — ");
        body.push_str(&printable(feedback, true));
    }
    let wrapped = wrap(&body, width.saturating_sub(4));
    for (n, part) in wrapped.into_iter().enumerate() {
        let lead = if n == 0 {
            Span::styled(format!(" {symbol} "), style)
        } else {
            Span::raw("   ")
        };
        lines.push(Line::from(vec![lead, Span::styled(part, theme.text)]));
    }
}

/// The feedback lines of `item` (a question of the attempt) at `width` columns.
pub fn feedback_lines(
    lang: Lang,
    question: &Question,
    item: &Item,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let s = lang.strings();
    let mut lines = Vec::new();
    let max = question.max_points();
    let (symbol, word, style) = verdict(lang, item.points, max, theme);
    lines.push(Line::from(vec![
        Span::styled(format!("{symbol} {word}"), style),
        Span::styled(
            format!(" — {}", points_text(lang, item.points, max)),
            theme.text,
        ),
    ]));
    if item.answer.is_none() {
        push_wrapped(&mut lines, s.not_answered, width, 0, theme.bad);
    }
    match (&question.kind, &item.answer) {
        (
            QuestionKind::Single { options }
            | QuestionKind::TrueFalse { options }
            | QuestionKind::Multiple { options },
            answer,
        ) => {
            let chosen: &[String] = match answer {
                Some(Response::Chosen(ids)) => ids,
                _ => &[],
            };
            for (row, id) in item.layout.shown.iter().enumerate() {
                let Some(option) = options.iter().find(|o| &o.id == id) else {
                    continue;
                };
                let picked = chosen.contains(id);
                let text = format!("{} {}", row + 1, option.text);
                match (picked, option.correct) {
                    (true, true) => mark_line(
                        &mut lines,
                        Mark::Right,
                        text,
                        &option.feedback,
                        width,
                        theme,
                    ),
                    (true, false) => mark_line(
                        &mut lines,
                        Mark::Wrong,
                        text,
                        &option.feedback,
                        width,
                        theme,
                    ),
                    (false, true) => mark_line(
                        &mut lines,
                        Mark::Missed,
                        format!("{text} ({})", s.not_chosen),
                        "",
                        width,
                        theme,
                    ),
                    (false, false) => {}
                }
            }
        }
        (QuestionKind::Order { items }, answer) => {
            if let Some(Response::Order(given)) = answer {
                push_wrapped(
                    &mut lines,
                    &format!("{}:", s.your_answer),
                    width,
                    0,
                    theme.dim,
                );
                for (n, id) in given.iter().enumerate() {
                    mark_line(
                        &mut lines,
                        Mark::Plain,
                        format!("{}. {}", n + 1, option_text(question, id)),
                        "",
                        width,
                        theme,
                    );
                }
            }
            push_wrapped(
                &mut lines,
                &format!("{}:", s.correct_answer),
                width,
                0,
                theme.dim,
            );
            for (n, item) in items.iter().enumerate() {
                push_wrapped(
                    &mut lines,
                    &format!(
                        "{}. {} — {}",
                        n + 1,
                        printable(&item.text, false),
                        printable(&item.feedback, true)
                    ),
                    width,
                    3,
                    theme.text,
                );
            }
        }
        (QuestionKind::Match { items, .. }, answer) => {
            let pairs: &[(String, String)] = match answer {
                Some(Response::Pairs(pairs)) => pairs,
                _ => &[],
            };
            for item_id in &item.layout.shown {
                let Some(entry) = items.iter().find(|i| &i.id == item_id) else {
                    continue;
                };
                let given = pairs
                    .iter()
                    .find(|(i, _)| i == item_id)
                    .map(|(_, t)| t.as_str());
                let right = given == Some(entry.target.as_str());
                let mut text = format!(
                    "{} → {}",
                    entry.text,
                    given.map_or(s.not_answered, |t| option_text(question, t))
                );
                if !right {
                    text.push_str(&format!(
                        " ({}: {})",
                        s.correct_answer,
                        option_text(question, &entry.target)
                    ));
                }
                let mark = if right { Mark::Right } else { Mark::Wrong };
                mark_line(&mut lines, mark, text, &entry.feedback, width, theme);
            }
        }
        (
            QuestionKind::Branching {
                start,
                nodes,
                endings,
            },
            answer,
        ) => {
            let best;
            let (label, path): (&str, &[String]) = match answer {
                Some(Response::Path(path)) => (s.your_path, path),
                _ => {
                    best = best_path(start, nodes);
                    (s.best_path, &best)
                }
            };
            push_wrapped(&mut lines, &format!("{label}:"), width, 0, theme.dim);
            for step in path {
                if let Some(choice) = nodes
                    .iter()
                    .flat_map(|n| &n.choices)
                    .find(|c| &c.id == step)
                {
                    let mark = match (answer.is_some(), choice.points > 0.0) {
                        (false, _) => Mark::Plain,
                        (true, true) => Mark::Right,
                        (true, false) => Mark::Wrong,
                    };
                    mark_line(
                        &mut lines,
                        mark,
                        choice.text.clone(),
                        &choice.feedback,
                        width,
                        theme,
                    );
                }
            }
            let last_next = path
                .last()
                .and_then(|step| {
                    nodes
                        .iter()
                        .flat_map(|n| &n.choices)
                        .find(|c| &c.id == step)
                })
                .map(|c| c.next.as_str());
            if let Some(ending) = endings.iter().find(|e| Some(e.id.as_str()) == last_next) {
                push_ending(&mut lines, ending, width, theme);
            }
        }
    }
    if !question.explanation.is_empty() {
        push_wrapped(
            &mut lines,
            &format!("{}: {}", s.why, printable(&question.explanation, true)),
            width,
            2,
            theme.text,
        );
    }
    if !question.references.is_empty() {
        let sources: Vec<String> = question
            .references
            .iter()
            .map(|r| printable(r, false).into_owned())
            .collect();
        push_wrapped(
            &mut lines,
            &format!("{}: {}", s.source, sources.join("; ")),
            width,
            2,
            theme.dim,
        );
    }
    lines
}
