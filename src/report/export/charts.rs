//! The HTML report's inline SVG charts: bars with a dark border over a light fill, so they read the same in
//! colour and in black and white, and labels that never overlap a bar or each other.

use std::fmt::Write as _;

use super::html::{escape, truncate_chars};
use crate::report::stats::Distribution;

/// The bars' fill and border, on screen and on paper.
const BAR: &str = "class=\"bar\" fill=\"#a9bcd8\" stroke=\"#1d3557\" stroke-width=\"1\"";

/// The charts' font size in pixels (the stylesheet's `svg text`).
const FONT: usize = 11;

/// A horizontal bar chart: one bar per (label, value 0-1), the value in percent after the bar.
pub fn bars(bars: &[(String, f64)], title: &str) -> String {
    let row = 18;
    let label_width = 260;
    let width = 560;
    let height = row * bars.len().max(1) + 10;
    let mut svg = format!(
        "<svg role=\"img\" aria-label=\"{}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">",
        escape(title)
    );
    for (n, (label, value)) in bars.iter().enumerate() {
        let y = n * row + 4;
        let length = (value.clamp(0.0, 1.0) * (width - label_width - 50) as f64).round();
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\">{}</text><rect x=\"{label_width}\" y=\"{y}\" width=\"{length}\" height=\"{}\" {BAR}/>\
             <text x=\"{}\" y=\"{}\">{:.0}%</text>",
            y + 12,
            escape(&truncate_chars(label, 42)),
            row - 4,
            label_width as f64 + length + 4.0,
            y + 12,
            value * 100.0
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Where one column of the histogram and its count label go, in pixels from the top of the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Column {
    /// The top of the bar.
    top: usize,
    /// The bar's height.
    height: usize,
    /// The baseline of the count label, above the bar.
    label: usize,
}

/// The room above the tallest bar kept for its count label: a line of text and a gap.
const HEADROOM: usize = FONT + 6;
/// The height of the tallest bar.
const PLOT: usize = 140;
/// The gap between a bar's top and its label's baseline.
const LABEL_GAP: usize = 3;

/// The column of `count` attempts when the tallest has `peak`: every label sits above its bar, inside the chart.
fn column(count: usize, peak: usize) -> Column {
    let height = count * PLOT / peak.max(1);
    let top = HEADROOM + PLOT - height;
    Column {
        top,
        height,
        label: top - LABEL_GAP,
    }
}

/// A column chart of the score histogram (ten bins of 10 percent), each bar with its count above it.
pub fn histogram(d: &Distribution, caption: &str) -> String {
    let peak = d.histogram.iter().copied().max().unwrap_or(0);
    let (bar, gap) = (40, 8);
    let width = 10 * (bar + gap) + 10;
    let axis = HEADROOM + PLOT + 14;
    let mut svg = format!(
        "<svg role=\"img\" aria-label=\"{}\" width=\"{width}\" height=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
        escape(caption),
        axis + 6
    );
    for (bin, &count) in d.histogram.iter().enumerate() {
        let Column { top, height, label } = column(count, peak);
        let x = 5 + bin * (bar + gap);
        let _ = write!(
            svg,
            "<rect x=\"{x}\" y=\"{top}\" width=\"{bar}\" height=\"{height}\" {BAR}/>\
             <text x=\"{}\" y=\"{label}\" text-anchor=\"middle\">{count}</text><text x=\"{x}\" y=\"{axis}\">{}</text>",
            x + bar / 2,
            bin * 10
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_count_label_sits_above_its_bar_and_inside_the_chart() {
        for peak in [1, 2, 7, 13, 40, 10_000] {
            for count in (0..=peak).step_by((peak / 50).max(1)).chain([peak]) {
                let c = column(count, peak);
                assert!(c.label + LABEL_GAP <= c.top, "{count}/{peak}: {c:?}");
                assert!(c.label >= FONT, "the label's text fits above: {c:?}");
                assert_eq!(c.top + c.height, HEADROOM + PLOT, "bars stand on one axis");
            }
        }
        let tallest = column(13, 13);
        assert_eq!(tallest.height, PLOT);
        assert!(
            tallest.label < tallest.top,
            "the tallest bar's label is not inside it"
        );
    }

    #[test]
    fn the_histogram_draws_labels_above_bars_centred_on_them() {
        let d = Distribution {
            histogram: [0, 0, 6, 13, 10, 7, 2, 2, 0, 0],
            ..Distribution::of(&[], None)
        };
        let svg = histogram(&d, "scores");
        assert!(svg.contains(
            "<rect x=\"149\" y=\"17\" width=\"40\" height=\"140\" class=\"bar\" fill=\"#a9bcd8\" \
             stroke=\"#1d3557\" stroke-width=\"1\"/><text x=\"169\" y=\"14\" text-anchor=\"middle\">13</text>"
        ), "{svg}");
        assert_eq!(svg.matches("text-anchor=\"middle\"").count(), 10);
    }
}
