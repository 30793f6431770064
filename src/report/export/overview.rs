//! The session overview as the text and HTML reports open with it: one grid per question the seminar asks
//! (who took part, what each group gained, which indicators each group missed before and after), groups side by
//! side.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use super::html::escape;
use super::{Labels, decimal, percent};
use crate::report::overview::{MissRates, Overview};
use crate::text::printable_line;

/// A grid: a title, column heads (after the row-label column) and labelled rows of cells.
struct Grid {
    title: String,
    heads: Vec<String>,
    rows: Vec<(String, Vec<String>)>,
}

/// "57% → 20%", with a dash for a side that was not shown.
fn before_after(rates: MissRates) -> String {
    let side =
        |rate: Option<f64>| rate.map_or_else(|| "—".to_owned(), |r| format!("{:.0}%", 100.0 * r));
    format!("{} → {}", side(rates.pre), side(rates.post))
}

/// The overview's grids, in the report's language.
fn grids(overview: &Overview, labels: &Labels<'_>) -> Vec<Grid> {
    let r = labels.lang.report();
    let group_heads: Vec<String> = overview
        .groups
        .iter()
        .map(|g| labels.group(g).to_owned())
        .collect();
    let mut grids = vec![Grid {
        title: r.participants.to_owned(),
        heads: group_heads.clone(),
        rows: vec![(
            labels.lang.count(
                overview
                    .participants
                    .iter()
                    .map(|g| g.participants as u64)
                    .sum(),
                r.participants_count,
            ),
            overview
                .participants
                .iter()
                .map(|g| g.participants.to_string())
                .collect(),
        )],
    }];
    for comparison in &overview.gains {
        let [pre, post, gain, normalised] = r.gain_heads;
        let column = |f: &dyn Fn(&crate::report::overview::GroupGain) -> String| {
            comparison.groups.iter().map(f).collect::<Vec<_>>()
        };
        grids.push(Grid {
            title: format!("{} · {}", r.pre_post, comparison.title),
            heads: group_heads.clone(),
            rows: vec![
                (r.pairs.to_owned(), column(&|g| g.pairs.to_string())),
                (pre.to_owned(), column(&|g| percent(g.mean_pre))),
                (post.to_owned(), column(&|g| percent(g.mean_post))),
                (
                    gain.to_owned(),
                    column(&|g| {
                        g.mean_gain
                            .map_or_else(|| "—".to_owned(), |v| format!("{v:+.1}"))
                    }),
                ),
                (
                    normalised.to_owned(),
                    column(&|g| decimal(g.mean_normalised_gain)),
                ),
            ],
        });
    }
    if !overview.missed.is_empty() {
        let mut heads = vec![r.room.to_owned()];
        heads.extend(group_heads);
        grids.push(Grid {
            title: r.missed_before_after.to_owned(),
            heads,
            rows: overview
                .missed
                .iter()
                .map(|m| {
                    let mut cells = vec![before_after(m.room)];
                    cells.extend(m.groups.iter().map(|g| before_after(*g)));
                    (labels.tag(&m.tag).to_owned(), cells)
                })
                .collect(),
        });
    }
    grids
}

/// The overview as text tables in `width` columns.
pub fn text(out: &mut String, overview: &Overview, labels: &Labels<'_>, width: usize) {
    let r = labels.lang.report();
    let _ = writeln!(out, "{}", r.overview);
    for grid in grids(overview, labels) {
        let label_width = grid
            .rows
            .iter()
            .map(|(label, _)| printable_line(label).width())
            .max()
            .unwrap_or(0)
            .min(width / 3);
        let widths: Vec<usize> = grid
            .heads
            .iter()
            .enumerate()
            .map(|(at, head)| {
                grid.rows
                    .iter()
                    .filter_map(|(_, cells)| cells.get(at))
                    .map(|c| c.width())
                    .chain([printable_line(head).width()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let _ = writeln!(out, "\n{}", printable_line(&grid.title));
        let mut line = " ".repeat(label_width);
        for (head, w) in grid.heads.iter().zip(&widths) {
            let head = printable_line(head);
            let _ = write!(line, "  {}{head}", " ".repeat(w - head.width()));
        }
        let _ = writeln!(out, "{}", line.trim_end());
        for (label, cells) in &grid.rows {
            let shown = super::text::cut(&printable_line(label), label_width);
            let mut line = format!("{shown}{}", " ".repeat(label_width - shown.width()));
            for (cell, w) in cells.iter().zip(&widths) {
                let _ = write!(
                    line,
                    "  {}{cell}",
                    " ".repeat(w.saturating_sub(cell.width()))
                );
            }
            let _ = writeln!(out, "{line}");
        }
    }
}

/// The overview as HTML tables, each with a header row, in one section that prints on the first pages.
pub fn html(out: &mut String, overview: &Overview, labels: &Labels<'_>) {
    let r = labels.lang.report();
    let _ = write!(
        out,
        "<section class=\"overview\"><h2 class=\"overview\">{}</h2>",
        escape(r.overview)
    );
    for grid in grids(overview, labels) {
        let _ = write!(
            out,
            "<h3>{}</h3><table><thead><tr><th></th>",
            escape(&grid.title)
        );
        for head in &grid.heads {
            let _ = write!(out, "<th>{}</th>", escape(head));
        }
        out.push_str("</tr></thead><tbody>");
        for (label, cells) in &grid.rows {
            let _ = write!(out, "<tr><th>{}</th>", escape(label));
            for cell in cells {
                let _ = write!(out, "<td class=\"n\">{}</td>", escape(cell));
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("</section>");
}
