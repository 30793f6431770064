//! Drawing the dashboard. Rendering reads the state and never changes it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table, Tabs};
use unicode_width::UnicodeWidthStr;

use super::live_view::{Scroll, render_scrolled};
use super::{Dashboard, Drill, Tab, live_view};
use crate::i18n::Lang;
use crate::report::analysis::QuizReport;
use crate::report::export::text::{GainTable, pad};
use crate::report::export::{
    Labels, decimal, distribution_line, flag_words, full_marks, missed_of, percent, percent_sign,
    reliability_figures,
};
use crate::text::number;
use crate::text::printable_line;
use crate::text::truncate;
use crate::tui::footer;
use crate::tui::layout::{MIN_SIZE, clock, push_wrapped, wrap};
use crate::tui::theme::{Theme, ThemeName};

/// The fewest cells the dashboard's own title keeps beside the right-hand one.
const MIN_TITLE: usize = 12;

fn bar(share: f64, width: usize) -> String {
    let filled = ((share.clamp(0.0, 1.0)) * width as f64).round() as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// Draws the dashboard.
pub fn render(dashboard: &Dashboard, theme: &Theme, frame: &mut Frame<'_>) {
    let area = frame.area();
    let r = dashboard.lang.report();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let lines: Vec<Line<'_>> = wrap(dashboard.lang.strings().enlarge, area.width)
            .into_iter()
            .map(|l| Line::styled(l, theme.warning))
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let quiz = dashboard.report.quizzes.get(dashboard.quiz);
    let quiz_title = quiz.map(|q| printable_line(&q.quiz.title));
    let mut right = dashboard.selected_session().map_or_else(
        || r.all_sessions.to_owned(),
        |s| printable_line(s).into_owned(),
    );
    if dashboard.report.quizzes.len() > 1 {
        right = format!(
            "{right} {}/{}",
            dashboard.quiz + 1,
            dashboard.report.quizzes.len()
        );
    }
    // The right-hand title (the session, and which quiz of how many) keeps its place: the dashboard's name goes
    // first where both do not fit, then the quiz title is cut with a mark. Only a border too short for both
    // leaves the right-hand one out.
    let right = Line::styled(format!(" {} ", right.trim()), theme.text).right_aligned();
    let beside = usize::from(area.width).saturating_sub(right.width() + 5);
    let keep_right = beside >= MIN_TITLE;
    let room = if keep_right {
        beside
    } else {
        usize::from(area.width).saturating_sub(4)
    };
    let title = match &quiz_title {
        Some(quiz_title) => {
            let full = format!("{} · {quiz_title}", r.title);
            if full.width() <= room {
                full
            } else {
                truncate(quiz_title, room)
            }
        }
        None => truncate(r.title, room),
    };
    let title = Line::styled(format!(" {title} "), theme.title);
    let mut block = Block::bordered().border_style(theme.border).title(title);
    if keep_right {
        block = block.title(right);
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let footer_lines: Vec<Line<'_>> = keys_lines(dashboard, inner.width)
        .into_iter()
        .map(|line| Line::styled(line, theme.keys))
        .collect();
    let [tabs, body, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(u16::try_from(footer_lines.len()).unwrap_or(1)),
    ])
    .areas(inner);
    let index = Tab::ALL
        .iter()
        .position(|t| *t == dashboard.tab)
        .unwrap_or(0);
    let (shown, selected) = shown_tabs(&r.tabs, index, tabs.width);
    frame.render_widget(
        Tabs::new(shown.into_iter().map(Line::from).collect::<Vec<_>>())
            .select(selected)
            .style(theme.dim)
            .highlight_style(theme.selected),
        tabs,
    );
    let labels = Labels {
        lang: dashboard.lang,
        taxonomy: &dashboard.taxonomy,
        groups: &dashboard.groups,
    };
    if let Some(lines) = scrolling_lines(dashboard, &labels, theme, body.width) {
        frame.render_widget(Paragraph::new(lines).scroll((dashboard.scroll, 0)), body);
    } else {
        match (dashboard.tab, quiz) {
            (Tab::Live, _) => live_view::render(dashboard, &labels, theme, frame, body),
            (Tab::Participants, Some(quiz)) => {
                render_participants(dashboard, quiz, &labels, theme, frame, body)
            }
            (Tab::Questions, Some(quiz)) => {
                render_questions(dashboard, quiz, &labels, theme, frame, body)
            }
            _ => frame.render_widget(Paragraph::new(Line::styled(r.nothing, theme.warning)), body),
        }
    }
    frame.render_widget(Paragraph::new(footer_lines), keys);
}

/// The tab titles that fit in `width` cells, the selected one always among them, and where it stands: as many as
/// fit from the first, and a "…" in place of those left out on either side.
fn shown_tabs<'a>(titles: &[&'a str], selected: usize, width: u16) -> (Vec<&'a str>, usize) {
    // A tab takes its title and a cell on either side; a divider stands between two tabs.
    let fits = |shown: &[&str]| {
        let cells: usize = shown.iter().map(|title| title.width() + 2).sum();
        cells + shown.len().saturating_sub(1) <= usize::from(width)
    };
    if fits(titles) {
        return (titles.to_vec(), selected);
    }
    let selected = selected.min(titles.len().saturating_sub(1));
    for start in 0..=selected {
        for end in (selected + 1..=titles.len()).rev() {
            let mut shown = Vec::new();
            if start > 0 {
                shown.push("…");
            }
            shown.extend_from_slice(&titles[start..end]);
            if end < titles.len() {
                shown.push("…");
            }
            if fits(&shown) {
                return (shown, selected - start + usize::from(start > 0));
            }
        }
    }
    (titles.get(selected).into_iter().copied().collect(), 0)
}

/// `text` wrapped beside `head`, in lines `width` cells wide: the first after `head` (drawn in `head_style`), the
/// further ones under the first, all of `text` in `style`.
fn beside(
    head: &str,
    head_style: Style,
    text: &str,
    style: Style,
    width: u16,
) -> Vec<Line<'static>> {
    let indent = head.width();
    let room = width.saturating_sub(u16::try_from(indent).unwrap_or(u16::MAX));
    wrap(text, room)
        .into_iter()
        .enumerate()
        .map(|(n, part)| {
            let lead = if n == 0 {
                Span::styled(head.to_owned(), head_style)
            } else {
                Span::raw(" ".repeat(indent))
            };
            Line::from(vec![lead, Span::styled(part, style)])
        })
        .collect()
}

/// The lines of the overview of `quiz`, its long lines wrapped to a body `width` cells wide.
fn overview_lines<'a>(
    quiz: &'a QuizReport,
    labels: &Labels<'a>,
    theme: &Theme,
    width: u16,
) -> Vec<Line<'a>> {
    let r = labels.lang.report();
    let d = &quiz.distribution;
    // Wrapped where the lines are made, not where they are drawn, so that scrolling knows how many there are.
    let mut lines = Vec::new();
    push_wrapped(&mut lines, r.distribution, width, 0, theme.title);
    push_wrapped(&mut lines, &distribution_line(d, r), width, 0, theme.text);
    lines.push(Line::default());
    push_wrapped(&mut lines, r.histogram, width, 0, theme.dim);
    let peak = d.histogram.iter().copied().max().unwrap_or(0).max(1);
    let bar_width = usize::from(width.saturating_sub(16)).min(40);
    for (bin, count) in d.histogram.iter().enumerate() {
        lines.push(Line::styled(
            format!(
                "{:>3}-{:<3} {} {count}",
                bin * 10,
                bin * 10 + 10,
                "█".repeat(count * bar_width / peak)
            ),
            theme.text,
        ));
    }
    lines.push(Line::default());
    let reliability = reliability_figures(quiz.reliability.as_ref(), full_marks(quiz), r);
    push_wrapped(
        &mut lines,
        &format!("{}: {reliability}", r.reliability),
        width,
        0,
        theme.text,
    );
    if quiz.groups.len() > 1 {
        lines.push(Line::default());
        push_wrapped(&mut lines, r.groups, width, 0, theme.title);
        for group in &quiz.groups {
            lines.push(Line::styled(
                format!(
                    "{} {} {} · {}",
                    pad(labels.group(&group.group), 18),
                    bar(group.distribution.mean.unwrap_or(0.0) / 100.0, 20),
                    percent_sign(group.distribution.mean),
                    labels.lang.count(group.distribution.n as u64, r.attempts)
                ),
                theme.text,
            ));
        }
    }
    lines
}

/// The keys at the foot of the dashboard, on as many lines of `width` cells as they need, so that none is cut
/// (the quit key comes last).
fn keys_lines(dashboard: &Dashboard, width: u16) -> Vec<String> {
    let r = dashboard.lang.report();
    let footer = if dashboard.drill.is_some() {
        r.drill_keys
    } else if dashboard.scrolls() {
        r.text_keys
    } else {
        r.dashboard_keys
    };
    let entries: Vec<String> = footer
        .split(footer::GAP)
        .filter(|entry| !entry.is_empty())
        .map(str::to_owned)
        .collect();
    footer::pack(&entries, usize::from(width))
}

/// The width and height of the body of the dashboard on its screen: inside the border, below the tabs and
/// above the keys.
fn body_size(dashboard: &Dashboard) -> (u16, u16) {
    let width = dashboard.screen.width.saturating_sub(2);
    let keys = u16::try_from(keys_lines(dashboard, width).len()).unwrap_or(u16::MAX);
    let height = dashboard
        .screen
        .height
        .saturating_sub(3)
        .saturating_sub(keys);
    (width, height)
}

/// The width each column of `widths` gets in a table `width` cells wide (a cell apart, as a table sets them),
/// so that a cut cell can end in "…" instead of stopping mid-word.
pub(super) fn column_room(widths: &[Constraint], width: u16) -> Vec<usize> {
    Layout::horizontal(widths.iter().copied())
        .spacing(1)
        .split(Rect::new(0, 0, width, 1))
        .iter()
        .map(|column| usize::from(column.width))
        .collect()
}

fn render_participants(
    dashboard: &Dashboard,
    quiz: &QuizReport,
    labels: &Labels<'_>,
    theme: &Theme,
    frame: &mut Frame<'_>,
    area: Rect,
) {
    let r = labels.lang.report();
    // The fixed columns are at least as wide as their heads ("Результат" is wider than "100.0%").
    let at_least_head = |cells: u16, head: &str| {
        Constraint::Length(cells.max(u16::try_from(head.width()).unwrap_or(u16::MAX)))
    };
    let widths = [
        Constraint::Fill(3),
        Constraint::Fill(2),
        at_least_head(14, r.phase),
        at_least_head(7, r.score),
        Constraint::Length(16),
        at_least_head(7, r.time),
    ];
    let rows: Vec<Vec<String>> = dashboard
        .participant_order()
        .into_iter()
        .map(|i| {
            let a = &quiz.attempts[i];
            vec![
                printable_line(&a.name).into_owned(),
                printable_line(labels.group(&a.group)).into_owned(),
                labels.lang.phase(a.phase).to_owned(),
                format!("{:.1}%", a.percent()),
                format!("{} {}", bar(a.percent() / 100.0, 10), number(a.points)),
                clock(a.time_ms),
            ]
        })
        .collect();
    let heads = [r.participant, r.group, r.phase, r.score, "", r.time];
    // On a narrow screen the bar goes first, then the time, the group and the phase, so that names stay readable.
    let columns = Columns {
        heads: &heads,
        widths: &widths,
        may_go: &[4, 5, 1, 2],
    };
    render_table(dashboard, rows, &columns, labels.lang, theme, frame, area);
}

fn render_questions(
    dashboard: &Dashboard,
    quiz: &QuizReport,
    labels: &Labels<'_>,
    theme: &Theme,
    frame: &mut Frame<'_>,
    area: Rect,
) {
    let r = labels.lang.report();
    let widths = [
        Constraint::Fill(2),
        Constraint::Length(14),
        Constraint::Length(9),
        Constraint::Length(9),
        Constraint::Fill(2),
    ];
    // Numbered as the text and HTML reports number them, so that a question can be found in either.
    let digits = quiz.questions.len().to_string().len();
    let rows: Vec<Vec<String>> = quiz
        .questions
        .iter()
        .enumerate()
        .map(|(at, q)| {
            let text = if q.prompt.is_empty() {
                &q.id
            } else {
                &q.prompt
            };
            vec![
                format!("{:>digits$}. {}", at + 1, printable_line(text)),
                format!(
                    "{} {}",
                    bar(q.stats.facility.unwrap_or(0.0), 8),
                    decimal(q.stats.facility)
                ),
                percent(q.stats.discrimination),
                percent(q.stats.efficiency),
                printable_line(&flag_words(&q.stats.flags, r)).into_owned(),
            ]
        })
        .collect();
    let [facility, _, discrimination, efficiency, look] = r.item_heads;
    let heads = [r.questions, facility, discrimination, efficiency, look];
    // On a narrow screen the efficiency goes first, then the discrimination, so that prompts stay readable beside
    // what to look at, which goes last.
    let columns = Columns {
        heads: &heads,
        widths: &widths,
        may_go: &[3, 2, 4],
    };
    render_table(dashboard, rows, &columns, labels.lang, theme, frame, area);
}

/// A dashboard table's columns: their heads and widths, and which may go on a narrow screen.
struct Columns<'a> {
    heads: &'a [&'a str],
    widths: &'a [Constraint],
    /// Columns that may be left out, the least needed first; the first column (names, prompts) never is.
    may_go: &'a [usize],
}

/// The fewest cells the first column of a table (names, prompts) keeps while other columns may go.
const FIRST_COLUMN_CELLS: usize = 10;

impl Columns<'_> {
    /// The columns shown in a table `width` cells wide: all of them if the first gets at least
    /// [`FIRST_COLUMN_CELLS`], else fewer, leaving out those that may go, the least needed first, until it does.
    fn kept(&self, width: u16) -> Vec<usize> {
        let mut kept: Vec<usize> = (0..self.widths.len()).collect();
        for gone in self.may_go {
            let widths: Vec<Constraint> = kept.iter().map(|&i| self.widths[i]).collect();
            if column_room(&widths, width).first().copied().unwrap_or(0) >= FIRST_COLUMN_CELLS {
                break;
            }
            kept.retain(|i| i != gone);
        }
        kept
    }
}

/// Draws `rows` under their heads in the columns that fit in `area` (each cell cut to its column with a mark),
/// the dashboard's row highlighted and in view, with a mark in `lang` of the rows above and below when not all fit.
fn render_table(
    dashboard: &Dashboard,
    rows: Vec<Vec<String>>,
    columns: &Columns<'_>,
    lang: Lang,
    theme: &Theme,
    frame: &mut Frame<'_>,
    area: Rect,
) {
    let kept = columns.kept(area.width);
    let widths: Vec<Constraint> = kept.iter().map(|&i| columns.widths[i]).collect();
    let room = column_room(&widths, area.width);
    let cut = |cells: Vec<String>| -> Vec<String> {
        kept.iter()
            .zip(&room)
            .map(|(&i, &width)| {
                cells
                    .get(i)
                    .map_or_else(String::new, |cell| truncate(cell, width))
            })
            .collect()
    };
    let heads = cut(columns
        .heads
        .iter()
        .map(|head| (*head).to_owned())
        .collect());
    let scroll = Scroll {
        total: rows.len(),
        selected: dashboard.row,
        lang,
    };
    let rows: Vec<Row<'_>> = rows.into_iter().map(|cells| Row::new(cut(cells))).collect();
    let table = Table::new(rows, widths)
        .header(Row::new(heads).style(theme.title))
        .row_highlight_style(theme.selected);
    render_scrolled(table, &scroll, theme, frame, area);
}

/// The lines of the topics of `quiz`, for a body `width` cells wide.
fn topics_lines<'a>(
    quiz: &'a QuizReport,
    labels: &Labels<'a>,
    theme: &Theme,
    width: u16,
) -> Vec<Line<'a>> {
    let r = labels.lang.report();
    let mut lines = vec![Line::styled(r.tags, theme.title)];
    // The topics' names in one column, as wide as the longest where the bars still fit beside it.
    let longest = quiz
        .tags
        .iter()
        .map(|tag| labels.tag(&tag.tag).width())
        .max()
        .unwrap_or(0);
    let name_width = longest.min(usize::from(width).saturating_sub(26)).max(8);
    for tag in &quiz.tags {
        lines.push(Line::styled(
            format!(
                "{} {} {:>3.0}%",
                pad(labels.tag(&tag.tag), name_width),
                bar(tag.facility, 20),
                100.0 * tag.facility
            ),
            theme.text,
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled(r.missed, theme.title));
    for missed in &quiz.missed_indicators {
        // The rate in a column of its own, the words wrapped beside it.
        let rate = format!("{:>3.0}% ", 100.0 * missed.rate);
        let words = format!(
            "{} — {}",
            printable_line(labels.tag(&missed.tag)),
            missed_of(missed, labels.lang)
        );
        lines.extend(beside(&rate, theme.text, &words, theme.text, width));
    }
    lines
}

/// The lines of the pre/post comparisons, for a body `width` cells wide.
fn pre_post_lines<'a>(
    dashboard: &'a Dashboard,
    labels: &Labels<'a>,
    theme: &Theme,
    width: u16,
) -> Vec<Line<'a>> {
    let r = labels.lang.report();
    let [pre, post, gain, _] = r.gain_heads;
    let mut lines = Vec::new();
    if dashboard.report.pre_post.is_empty() {
        lines.push(Line::styled(r.nothing, theme.dim));
    }
    for (n, comparison) in dashboard.report.pre_post.iter().enumerate() {
        if n > 0 {
            lines.push(Line::default());
        }
        push_wrapped(
            &mut lines,
            &format!("{} · {}", r.pre_post, printable_line(&comparison.title)),
            width,
            2,
            theme.title,
        );
        for (label, mean) in [(pre, comparison.mean_pre), (post, comparison.mean_post)] {
            lines.push(Line::styled(
                format!(
                    "{label:<8} {} {}",
                    bar(mean.unwrap_or(0.0) / 100.0, 30),
                    percent_sign(mean)
                ),
                theme.text,
            ));
        }
        for (label, figure) in [
            (gain, percent(comparison.mean_gain)),
            (r.mean_normalised, decimal(comparison.mean_normalised_gain)),
            (
                r.normalised_of_means,
                decimal(comparison.normalised_gain_of_means),
            ),
        ] {
            push_wrapped(
                &mut lines,
                &format!("{label}: {figure}"),
                width,
                2,
                theme.text,
            );
        }
        // Set out as the text report sets them: a column per figure, as wide as its head, and the names cut to
        // what is left.
        let table = GainTable::new(r, usize::from(width).saturating_sub(2), 6, 8..=28);
        lines.push(Line::styled(format!("  {}", table.heads(r)), theme.title));
        for pair in &comparison.pairs {
            lines.push(Line::styled(
                format!("  {}", table.pair(&pair.name, pair)),
                theme.text,
            ));
        }
        if !comparison.unmatched.is_empty() {
            let names: Vec<String> = comparison
                .unmatched
                .iter()
                .map(|u| printable_line(&u.name).into_owned())
                .collect();
            push_wrapped(
                &mut lines,
                &format!("{}: {}", r.unmatched, names.join(", ")),
                width,
                2,
                theme.dim,
            );
        }
    }
    lines
}

/// The lines of what scrolls on screen, for a body `width` cells wide: the detail view, else the text of the tab
/// (overview, topics, pre/post); none for the tabs of rows and without a quiz.
fn scrolling_lines<'a>(
    dashboard: &'a Dashboard,
    labels: &Labels<'a>,
    theme: &Theme,
    width: u16,
) -> Option<Vec<Line<'a>>> {
    if let Some(drill) = &dashboard.drill {
        return Some(drill_lines(dashboard, drill, labels, theme, width));
    }
    let quiz = dashboard.report.quizzes.get(dashboard.quiz);
    if dashboard.tab == Tab::Overview {
        // What the seals say comes first, even when no record counts.
        let mut lines = seal_lines(dashboard, theme, width);
        match quiz {
            Some(quiz) => lines.extend(overview_lines(quiz, labels, theme, width)),
            None if lines.is_empty() => return None,
            None => lines.push(Line::styled(labels.lang.report().nothing, theme.warning)),
        }
        return Some(lines);
    }
    let quiz = quiz?;
    match dashboard.tab {
        Tab::PrePost => Some(pre_post_lines(dashboard, labels, theme, width)),
        Tab::Topics => Some(topics_lines(quiz, labels, theme, width)),
        Tab::Overview | Tab::Participants | Tab::Questions | Tab::Live => None,
    }
}

/// What the trainer's seals of the folders shown say, for the top of the overview, `width` cells wide, with a
/// blank line after: a warning when a seal shows a change (those records are not counted) or cannot be trusted.
fn seal_lines<'a>(dashboard: &Dashboard, theme: &Theme, width: u16) -> Vec<Line<'a>> {
    let style = if dashboard.seal.alarming() {
        theme.warning
    } else {
        theme.dim
    };
    let mut lines = Vec::new();
    for line in dashboard.seal.lines(dashboard.lang) {
        // A changed file's line is indented under its seal's, and keeps its indent when it wraps.
        let line = printable_line(&line);
        let text = line.trim_start();
        let lead = line.len() - text.len();
        let room = usize::from(width).saturating_sub(lead + 2);
        for (n, part) in wrap(text, u16::try_from(room).unwrap_or(u16::MAX))
            .into_iter()
            .enumerate()
        {
            let indent = if n == 0 { lead } else { lead + 2 };
            lines.push(Line::styled(format!("{}{part}", " ".repeat(indent)), style));
        }
    }
    if !lines.is_empty() {
        lines.push(Line::default());
    }
    lines
}

/// The furthest the detail view, or the text of the tab on screen, scrolls: until its last line is at the foot
/// of the body.
pub(super) fn last_scroll(dashboard: &Dashboard) -> u16 {
    let theme = Theme::new(ThemeName::default(), true);
    let labels = Labels {
        lang: dashboard.lang,
        taxonomy: &dashboard.taxonomy,
        groups: &dashboard.groups,
    };
    let (width, height) = body_size(dashboard);
    let lines = scrolling_lines(dashboard, &labels, &theme, width).map_or(0, |lines| lines.len());
    u16::try_from(lines)
        .unwrap_or(u16::MAX)
        .saturating_sub(height)
}

/// The lines of a detail view, for a body `width` cells wide.
fn drill_lines<'a>(
    dashboard: &'a Dashboard,
    drill: &'a Drill,
    labels: &Labels<'a>,
    theme: &Theme,
    width: u16,
) -> Vec<Line<'a>> {
    let r = labels.lang.report();
    let mut lines: Vec<Line<'_>> = Vec::new();
    match drill {
        Drill::Attempt(record) => {
            lines.push(Line::styled(
                truncate(
                    &format!(
                        "{} · {} · {} · {:.1}%",
                        printable_line(&record.participant.name),
                        printable_line(labels.group(&record.participant.group)),
                        labels.lang.phase(record.phase),
                        record.percent()
                    ),
                    usize::from(width),
                ),
                theme.title,
            ));
            // Each question by its prompt, and under it the points, the time and the answer: in its own words where
            // the attempt's quiz is at hand, by ids where it is not.
            let shapes = dashboard
                .report
                .quizzes
                .iter()
                .find(|q| q.quiz.id == record.quiz.id)
                .map_or(&[][..], |q| q.quiz.questions.as_slice());
            for (n, question) in record.questions.iter().enumerate() {
                let shape = shapes.iter().find(|q| q.id == question.id);
                let prompt = shape
                    .map(|q| q.prompt.as_str())
                    .filter(|prompt| !prompt.is_empty())
                    .unwrap_or(&question.id);
                lines.push(Line::styled(
                    truncate(
                        &format!("{:>2}. {}", n + 1, printable_line(prompt)),
                        usize::from(width),
                    ),
                    theme.text,
                ));
                let answer = match (&question.answer, shape) {
                    (Some(answer), Some(shape)) => shape.answer_in_words(answer),
                    (Some(answer), None) => answer.summary(),
                    (None, _) => "—".to_owned(),
                };
                let head = format!(
                    "    {}/{} · {} · ",
                    number(question.points),
                    number(question.max_points),
                    clock(question.time_ms)
                );
                lines.extend(beside(
                    &head,
                    theme.title,
                    &printable_line(&answer),
                    theme.dim,
                    width,
                ));
            }
        }
        Drill::Question(index) => {
            let quiz = dashboard.report.quizzes.get(dashboard.quiz);
            if let Some(question) = quiz.and_then(|q| q.questions.get(*index)) {
                // Headed by its number, as the questions table and the reports number it.
                lines.push(Line::styled(
                    format!("{}. {}", index + 1, printable_line(&question.id)),
                    theme.title,
                ));
                for part in wrap(&printable_line(&question.prompt), width) {
                    lines.push(Line::styled(part, theme.text));
                }
                // How often each option was chosen, for the kinds that have options; how often each part of an
                // order or match answer was right, for those.
                let options = question.options.iter().map(|option| {
                    let text = if option.text.is_empty() {
                        &option.id
                    } else {
                        &option.text
                    };
                    (option.correct, option.share, option.chosen, text.as_str())
                });
                counted_lines(&mut lines, r.options, options, theme, width);
                let heading = if question.kind == "match" {
                    r.match_parts
                } else {
                    r.order_parts
                };
                let parts = question
                    .parts
                    .iter()
                    .map(|part| (false, part.share, part.right, part.text.as_str()));
                counted_lines(&mut lines, heading, parts, theme, width);
            }
        }
    }
    lines
}

/// Adds, under `heading`, a line per `(right, share, count, text)` of `counted`: a ✓ for a right option, a bar and
/// the share, the count, and the whole text, its further lines under its first. Nothing when there is none.
fn counted_lines<'t>(
    lines: &mut Vec<Line<'_>>,
    heading: &'static str,
    counted: impl ExactSizeIterator<Item = (bool, f64, usize, &'t str)>,
    theme: &Theme,
    width: u16,
) {
    if counted.len() == 0 {
        return;
    }
    lines.push(Line::default());
    lines.push(Line::styled(heading, theme.title));
    // A narrow screen gives the texts the room a full bar would take.
    let bar_width = if width >= 60 { 12 } else { 6 };
    for (right, share, count, text) in counted {
        let head = format!(
            "{} {} {:>3.0}% ({count}) ",
            if right { "✓" } else { " " },
            bar(share, bar_width),
            100.0 * share,
        );
        lines.extend(beside(
            &head,
            theme.text,
            &printable_line(text),
            theme.text,
            width,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selected_tab_is_always_shown_and_the_tabs_left_out_are_marked() {
        let titles = [
            "Overview",
            "Participants",
            "Questions",
            "Topics",
            "Pre/post",
            "Live",
        ];
        assert_eq!(shown_tabs(&titles, 5, 80), (titles.to_vec(), 5));
        // 38 cells: from the first as many as fit, then a mark.
        let (shown, at) = shown_tabs(&titles, 0, 38);
        assert_eq!(shown, ["Overview", "Participants", "…"]);
        assert_eq!(at, 0);
        // The last tab selected: the first ones give way, a mark in their place.
        let (shown, at) = shown_tabs(&titles, 5, 38);
        assert_eq!(shown[at], "Live");
        assert_eq!(shown[0], "…");
        let cells: usize = shown.iter().map(|t| t.width() + 3).sum::<usize>() - 1;
        assert!(cells <= 38, "{shown:?}");
        // Too narrow for more than the selected tab.
        assert_eq!(shown_tabs(&titles, 1, 5), (vec!["Participants"], 0));
    }
}
