//! Drawing the live panel: one row per attempt or signed-in trainee, working first, with a scroll mark when the
//! rows do not fit and a note of the Vigil versions the workstations run.

use std::collections::BTreeMap;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Row, Table, TableState};
use unicode_width::UnicodeWidthStr;

use super::Dashboard;
use super::live::{LiveRow, State, form_labels};
use super::view::column_room;
use crate::i18n::{Lang, fill};
use crate::report::export::Labels;
use crate::text::printable_line;
use crate::text::truncate;
use crate::tui::layout::wrap;
use crate::tui::theme::Theme;

/// Below this width the panel leaves out the question, answered and version columns.
const WIDE: u16 = 70;
/// Below this width it also leaves out when each record was saved (by the workstation's clock).
const WIDEST: u16 = 100;
/// The widest the status column grows.
const STATUS_WIDTH: usize = 18;

/// The columns of the live panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Participant,
    Group,
    Quiz,
    Question,
    Status,
    Answered,
    Saved,
    Version,
}

/// The most lines the note of the workstations' Vigil versions takes above the panel.
const NOTE_LINES: usize = 3;

/// The columns shown at `width`; the version column only when the workstations run different versions.
fn columns(width: u16, versions_differ: bool) -> Vec<Column> {
    let mut columns = vec![Column::Participant, Column::Group, Column::Quiz];
    if width >= WIDE {
        columns.push(Column::Question);
    }
    columns.push(Column::Status);
    if width >= WIDE {
        columns.push(Column::Answered);
    }
    if width >= WIDEST {
        columns.push(Column::Saved);
    }
    if width >= WIDE && versions_differ {
        columns.push(Column::Version);
    }
    columns
}

/// Draws the live panel in `area`.
pub fn render(
    dashboard: &Dashboard,
    labels: &Labels<'_>,
    theme: &Theme,
    frame: &mut Frame<'_>,
    area: Rect,
) {
    let r = labels.lang.report();
    if dashboard.live.is_empty() {
        frame.render_widget(Paragraph::new(Line::styled(r.no_one_yet, theme.dim)), area);
        return;
    }
    let versions = versions(&dashboard.live);
    let mut table_area = area;
    if let Some(note) = versions_note(&versions, labels.lang) {
        let style = if versions.len() > 1 {
            theme.warning
        } else {
            theme.dim
        };
        // Wrapped, so that what to do ("Update the older ones") is read on a narrow screen too; at most
        // NOTE_LINES lines, the last cut with a mark.
        let mut lines = wrap(&note, area.width);
        if lines.len() > NOTE_LINES {
            let rest = lines.split_off(NOTE_LINES - 1).join(" ");
            lines.push(truncate(&rest, usize::from(area.width)));
        }
        let height = u16::try_from(lines.len()).unwrap_or(1);
        let [note_area, rest] =
            Layout::vertical([Constraint::Length(height), Constraint::Min(0)]).areas(area);
        let lines: Vec<Line<'_>> = lines
            .into_iter()
            .map(|line| Line::styled(line, style))
            .collect();
        frame.render_widget(Paragraph::new(lines), note_area);
        table_area = rest;
    }
    let columns = columns(area.width, versions.len() > 1);
    let forms = form_labels(dashboard.live.iter().map(|row| row.quiz_id.as_str()));
    let statuses: Vec<String> = dashboard
        .live
        .iter()
        .map(|row| status(row, labels.lang))
        .collect();
    let status_width = statuses
        .iter()
        .map(|s| s.width())
        .chain([r.live_status_head.width()])
        .max()
        .unwrap_or(0)
        .min(STATUS_WIDTH);
    let widths: Vec<Constraint> = columns
        .iter()
        .map(|column| match column {
            Column::Participant => Constraint::Fill(3),
            Column::Group => Constraint::Fill(2),
            Column::Quiz => Constraint::Fill(4),
            Column::Question => Constraint::Length(8),
            Column::Status => Constraint::Length(u16::try_from(status_width).unwrap_or(u16::MAX)),
            Column::Answered => Constraint::Length(9),
            Column::Saved => Constraint::Length(10),
            Column::Version => Constraint::Length(9),
        })
        .collect();
    // The width each column gets, so that a cut cell ends in "…" instead of stopping mid-word.
    let room = column_room(&widths, table_area.width);
    let rows: Vec<Row<'_>> = dashboard
        .live
        .iter()
        .zip(statuses)
        .map(|(row, status)| {
            let cells = columns.iter().map(|column| match column {
                Column::Participant => printable_line(&row.name).into_owned(),
                Column::Group => printable_line(labels.group(&row.group)).into_owned(),
                Column::Quiz => quiz_cell(row, forms.get(&row.quiz_id).map_or("", String::as_str)),
                Column::Question => question_cell(row),
                Column::Status => status.clone(),
                Column::Answered => row.answered.map_or_else(dash, |(a, n)| format!("{a}/{n}")),
                Column::Saved => row.saved.map_or_else(dash, |saved| {
                    saved
                        .to_zoned_datetime(dashboard.zone.clone())
                        .strftime("%H:%M:%S")
                        .to_string()
                }),
                Column::Version => row
                    .version
                    .as_deref()
                    .map_or_else(dash, |v| printable_line(v).into_owned()),
            });
            let cells = cells
                .zip(&room)
                .map(|(text, width)| truncate(&text, *width));
            let style = match row.state {
                State::Working => theme.text,
                State::Idle { .. } => theme.warning,
                State::Finished => theme.dim,
            };
            Row::new(cells.collect::<Vec<_>>()).style(style)
        })
        .collect();
    let [participant, quiz, question, answered, saved] = r.live_heads;
    let heads = columns.iter().map(|column| match column {
        Column::Participant => participant,
        Column::Group => r.group,
        Column::Quiz => quiz,
        Column::Question => question,
        Column::Status => r.live_status_head,
        Column::Answered => answered,
        Column::Saved => saved,
        Column::Version => "Vigil",
    });
    let table = Table::new(rows, widths)
        .header(
            Row::new(
                heads
                    .zip(&room)
                    .map(|(head, width)| truncate(head, *width))
                    .collect::<Vec<_>>(),
            )
            .style(theme.title),
        )
        .row_highlight_style(theme.selected);
    let scroll = Scroll {
        total: dashboard.live.len(),
        selected: dashboard.row,
        lang: labels.lang,
    };
    render_scrolled(table, &scroll, theme, frame, table_area);
}

/// Where a table of the dashboard is scrolled to.
pub(super) struct Scroll {
    /// How many rows it has.
    pub total: usize,
    /// The row that must be seen.
    pub selected: usize,
    /// The language of the mark of rows not shown.
    pub lang: Lang,
}

/// Draws `table` (a head row, then the rows) in `area` with the selected row in view; when not every row fits,
/// its last line says how many rows are above and below those shown.
pub(super) fn render_scrolled(
    table: Table<'_>,
    scroll: &Scroll,
    theme: &Theme,
    frame: &mut Frame<'_>,
    mut area: Rect,
) {
    let mut fit = usize::from(area.height.saturating_sub(1));
    if scroll.total > fit {
        fit = fit.saturating_sub(1);
        area.height = area.height.saturating_sub(1);
    }
    let offset = scroll_offset(scroll.selected, fit, scroll.total);
    let mut state = TableState::default()
        .with_offset(offset)
        .with_selected(Some(scroll.selected));
    frame.render_stateful_widget(table, area, &mut state);
    if scroll.total > fit {
        let mark_area = Rect::new(area.x, area.bottom(), area.width, 1);
        let mark = scroll_mark(offset, fit, scroll.total, scroll.lang);
        frame.render_widget(
            Paragraph::new(Line::styled(mark, theme.warning)).alignment(Alignment::Right),
            mark_area,
        );
    }
}

fn dash() -> String {
    "—".to_owned()
}

/// The first row shown when `fit` of `total` rows fit and row `selected` must be seen.
pub fn scroll_offset(selected: usize, fit: usize, total: usize) -> usize {
    let most = total.saturating_sub(fit);
    (selected + 1).saturating_sub(fit.max(1)).min(most)
}

/// "↑ 2 more  ↓ 6 more": how many rows are above and below the ones shown.
fn scroll_mark(offset: usize, fit: usize, total: usize, lang: Lang) -> String {
    let s = lang.strings();
    let below = total.saturating_sub(offset + fit);
    let mut marks = Vec::new();
    if offset > 0 {
        marks.push(fill(s.more_above, &[("count", &offset.to_string())]));
    }
    if below > 0 {
        marks.push(fill(s.more_below, &[("count", &below.to_string())]));
    }
    marks.join("  ")
}

/// The Vigil versions the workstations run, with how many run each.
fn versions(rows: &[LiveRow]) -> BTreeMap<String, usize> {
    let mut versions = BTreeMap::new();
    for version in rows.iter().filter_map(|row| row.version.as_deref()) {
        *versions
            .entry(printable_line(version).into_owned())
            .or_insert(0) += 1;
    }
    versions
}

/// The line naming the Vigil versions, when any workstation tells its version.
fn versions_note(versions: &BTreeMap<String, usize>, lang: Lang) -> Option<String> {
    let r = lang.report();
    let list: Vec<String> = versions
        .iter()
        .map(|(version, count)| format!("{version} ×{count}"))
        .collect();
    let template = match versions.len() {
        0 => return None,
        1 => r.vigil_versions,
        _ => r.versions_differ,
    };
    Some(fill(template, &[("versions", &list.join(", "))]))
}

/// The quiz cell: the form's label first, so that forms whose titles are cut alike still differ.
fn quiz_cell(row: &LiveRow, form: &str) -> String {
    let title = printable_line(&row.quiz);
    let form = printable_line(form);
    match (form.is_empty(), title.is_empty()) {
        (false, false) => format!("{form} · {title}"),
        (false, true) => form.into_owned(),
        (true, false) => title.into_owned(),
        (true, true) if row.quiz_id.is_empty() => dash(),
        (true, true) => printable_line(&row.quiz_id).into_owned(),
    }
}

/// The question on screen, out of how many when a record tells.
fn question_cell(row: &LiveRow) -> String {
    match (row.question, row.answered) {
        (Some(question), Some((_, count))) => format!("{question}/{count}"),
        (Some(question), None) => question.to_string(),
        (None, _) => dash(),
    }
}

/// Working, idle for so long, signed in, or finished, in `lang`.
pub fn status(row: &LiveRow, lang: Lang) -> String {
    let r = lang.report();
    match row.state {
        State::Finished => format!("✓ {}", r.live_states[1]),
        State::Idle { minutes } => {
            fill(r.live_idle, &[("minutes", &lang.count(minutes, r.minutes))])
        }
        State::Working if row.question.is_none() && row.answered.is_none() => {
            r.live_signed_in.to_owned()
        }
        State::Working => r.live_states[0].to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(state: State, question: Option<usize>, answered: Option<(usize, usize)>) -> LiveRow {
        LiveRow {
            name: "A".to_owned(),
            group: "police".to_owned(),
            quiz_id: "q".to_owned(),
            quiz: String::new(),
            question,
            answered,
            saved: None,
            state,
            version: None,
            changed_ms: 0,
        }
    }

    #[test]
    fn idle_time_is_counted_in_every_language() {
        for (lang, expected) in [
            (
                Lang::En,
                [
                    "idle 1 min",
                    "idle 2 min",
                    "idle 5 min",
                    "idle 11 min",
                    "idle 21 min",
                ],
            ),
            (
                Lang::Ru,
                [
                    "пауза 1 мин",
                    "пауза 2 мин",
                    "пауза 5 мин",
                    "пауза 11 мин",
                    "пауза 21 мин",
                ],
            ),
            (
                Lang::Kk,
                [
                    "үзіліс 1 мин",
                    "үзіліс 2 мин",
                    "үзіліс 5 мин",
                    "үзіліс 11 мин",
                    "үзіліс 21 мин",
                ],
            ),
        ] {
            let shown: Vec<String> = [1, 2, 5, 11, 21]
                .into_iter()
                .map(|minutes| status(&row(State::Idle { minutes }, Some(3), None), lang))
                .collect();
            assert_eq!(shown, expected);
        }
        assert_eq!(
            status(&row(State::Working, None, None), Lang::En),
            "signed in"
        );
        assert_eq!(
            status(&row(State::Working, Some(1), None), Lang::En),
            "working"
        );
        assert_eq!(
            status(&row(State::Finished, None, Some((2, 2))), Lang::En),
            "✓ finished"
        );
    }

    #[test]
    fn the_scroll_keeps_the_highlighted_row_in_view() {
        assert_eq!(scroll_offset(0, 10, 44), 0);
        assert_eq!(scroll_offset(9, 10, 44), 0);
        assert_eq!(scroll_offset(10, 10, 44), 1);
        assert_eq!(scroll_offset(43, 10, 44), 34);
        assert_eq!(scroll_offset(3, 10, 5), 0);
        assert_eq!(scroll_mark(1, 10, 44, Lang::En), "↑ 1 more  ↓ 33 more");
        assert_eq!(scroll_mark(0, 10, 44, Lang::En), "↓ 34 more");
    }

    #[test]
    fn the_form_comes_first_in_the_quiz_cell() {
        let mut pre = row(State::Working, None, None);
        pre.quiz = "Проверка знаний по программе курса — вариант А (входной тест)".to_owned();
        assert!(quiz_cell(&pre, "pre").starts_with("pre · Проверка"));
        pre.quiz = "\u{1b}[31mred".to_owned();
        assert!(!quiz_cell(&pre, "").contains('\u{1b}'));
    }
}
