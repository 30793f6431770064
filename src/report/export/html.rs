//! The report as one self-contained, printable HTML page with inline SVG charts: no scripts, no external files,
//! every text escaped.

use std::fmt::Write as _;

use super::{
    Labels, contents_note, decimal, departure, flag_words, full_marks, language_split, missed_of,
    not_counted, overview, percent, percent_sign, question_text, reliability_figures, shape_line,
};
use crate::i18n::fill;
use crate::report::Report;
use crate::report::analysis::{PrePost, QuizReport};
use crate::report::stats::Distribution;

/// Escapes `text` for HTML text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em;color:#111;max-width:60em}\
h1{font-size:1.5em}h2{font-size:1.25em;border-top:2px solid #444;padding-top:.5em;margin-top:2em}\
h3{font-size:1.05em}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #999;padding:.2em .5em;\
text-align:left}td.n{text-align:right}.note{color:#7a4b00}svg text{font-size:11px}\
@media print{h2{page-break-before:always}h2.overview{page-break-before:avoid}}";

/// A horizontal bar chart: one bar per (label, value 0-1).
fn bars(bars: &[(String, f64)], title: &str) -> String {
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
            "<text x=\"0\" y=\"{}\">{}</text><rect x=\"{label_width}\" y=\"{y}\" width=\"{length}\" height=\"{}\" fill=\"#4a6fa5\"/>\
             <text x=\"{}\" y=\"{}\">{:.0}%</text>",
            y + 12,
            escape(&truncate(label, 42)),
            row - 4,
            label_width as f64 + length + 4.0,
            y + 12,
            value * 100.0
        );
    }
    svg.push_str("</svg>");
    svg
}

fn truncate(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_owned()
    } else {
        text.chars()
            .take(chars - 1)
            .chain(std::iter::once('…'))
            .collect()
    }
}

/// A column chart of the score histogram.
fn histogram(d: &Distribution, caption: &str) -> String {
    let peak = d.histogram.iter().copied().max().unwrap_or(0).max(1);
    let (bar, gap, height) = (40, 8, 140);
    let width = 10 * (bar + gap) + 10;
    let mut svg = format!(
        "<svg role=\"img\" aria-label=\"{}\" width=\"{width}\" height=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
        escape(caption),
        height + 30
    );
    for (bin, count) in d.histogram.iter().enumerate() {
        let h = count * height / peak;
        let x = 5 + bin * (bar + gap);
        let _ = write!(
            svg,
            "<rect x=\"{x}\" y=\"{}\" width=\"{bar}\" height=\"{h}\" fill=\"#4a6fa5\"/><text x=\"{}\" y=\"{}\">{count}</text>\
             <text x=\"{x}\" y=\"{}\">{}</text>",
            height - h,
            x + bar / 2 - 4,
            (height - h).max(12) - 2,
            height + 14,
            bin * 10
        );
    }
    svg.push_str("</svg>");
    svg
}

fn distribution_table(d: &Distribution, labels: &Labels<'_>) -> String {
    let f = labels.lang.report().figures;
    let values = [
        d.n.to_string(),
        percent_sign(d.mean),
        percent_sign(d.median),
        d.standard_deviation.map_or_else(
            || "—".to_owned(),
            |sd| format!("{sd:.1} {}", escape(labels.lang.report().percentage_points)),
        ),
        percent_sign(d.min),
        percent_sign(d.max),
        percent_sign(d.pass_rate.map(|p| 100.0 * p)),
    ];
    let mut html = String::from("<table><tr>");
    for head in f {
        let _ = write!(html, "<th>{}</th>", escape(head));
    }
    html.push_str("</tr><tr>");
    for value in values {
        let _ = write!(html, "<td class=\"n\">{value}</td>");
    }
    html.push_str("</tr></table>");
    html
}

fn quiz_section(html: &mut String, quiz: &QuizReport, labels: &Labels<'_>) {
    let r = labels.lang.report();
    let _ = write!(
        html,
        "<h2>{}: {} ({})</h2>",
        escape(r.quiz),
        escape(&quiz.quiz.title),
        escape(&quiz.quiz.id)
    );
    if !quiz.mixed_versions.is_empty() {
        let versions: Vec<String> = quiz.mixed_versions.iter().map(u32::to_string).collect();
        let _ = write!(
            html,
            "<p class=\"note\">{}</p>",
            escape(&fill(r.versions, &[("versions", &versions.join(", "))]))
        );
    }
    if !quiz.mixed_content.is_empty() {
        let _ = write!(
            html,
            "<p class=\"note\">{}</p>",
            escape(&contents_note(&quiz.mixed_content, labels.lang))
        );
    }
    let _ = write!(
        html,
        "<h3>{}</h3>{}",
        escape(r.distribution),
        distribution_table(&quiz.distribution, labels)
    );
    let _ = write!(
        html,
        "<p><b>{}:</b> {}</p>",
        escape(r.shape[0]),
        escape(&shape_line(&quiz.distribution, r))
    );
    let _ = write!(
        html,
        "<p>{}</p>{}",
        escape(r.histogram),
        histogram(&quiz.distribution, r.histogram)
    );
    let reliability = reliability_figures(quiz.reliability.as_ref(), full_marks(quiz), r);
    let _ = write!(
        html,
        "<p><b>{}:</b> {}</p>",
        escape(r.reliability),
        escape(&reliability)
    );
    let _ = write!(
        html,
        "<h3>{}</h3><table><caption>{}; {}</caption><tr><th>#</th><th>{}</th>",
        escape(r.questions),
        escape(r.item_legend),
        escape(r.weight_legend),
        escape(r.questions)
    );
    let [facility, sd, discrimination, efficiency, look] = r.item_heads;
    for head in [
        facility,
        sd,
        discrimination,
        efficiency,
        r.weight_head,
        look,
    ] {
        let _ = write!(html, "<th>{}</th>", escape(head));
    }
    html.push_str("</tr>");
    for (n, question) in quiz.questions.iter().enumerate() {
        let flags = flag_words(&question.stats.flags, r);
        let text = question_text(question);
        let _ = write!(
            html,
            "<tr><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            n + 1,
            escape(&truncate(text, 90)),
            decimal(question.stats.facility),
            decimal(question.stats.standard_deviation),
            percent(question.stats.discrimination),
            percent(question.stats.efficiency),
            percent(question.stats.effective_weight),
            escape(&flags)
        );
    }
    html.push_str("</table>");
    if quiz.questions.iter().any(|q| !q.by_language.is_empty()) {
        let _ = write!(
            html,
            "<h3>{}</h3><table><tr><th>#</th><th>{}</th><th>{}</th></tr>",
            escape(r.by_language),
            escape(r.questions),
            escape(r.item_heads[0])
        );
        for (n, question) in quiz.questions.iter().enumerate() {
            let _ = write!(
                html,
                "<tr><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>",
                n + 1,
                escape(&truncate(question_text(question), 90)),
                escape(&language_split(&question.by_language))
            );
        }
        html.push_str("</table>");
    }
    let facility: Vec<(String, f64)> = quiz
        .questions
        .iter()
        .enumerate()
        .map(|(n, q)| {
            (
                format!("{}. {}", n + 1, truncate(question_text(q), 40)),
                q.stats.facility.unwrap_or(0.0),
            )
        })
        .collect();
    let _ = write!(
        html,
        "<p>{}</p>{}",
        escape(r.item_heads[0]),
        bars(&facility, r.item_heads[0])
    );
    if !quiz.tags.is_empty() {
        let tags: Vec<(String, f64)> = quiz
            .tags
            .iter()
            .map(|t| (labels.tag(&t.tag).to_owned(), t.facility))
            .collect();
        let _ = write!(html, "<h3>{}</h3>{}", escape(r.tags), bars(&tags, r.tags));
    }
    if !quiz.missed_indicators.is_empty() {
        let _ = write!(html, "<h3>{}</h3><ul>", escape(r.missed));
        for missed in &quiz.missed_indicators {
            let _ = write!(
                html,
                "<li>{:.0}% — {} ({})</li>",
                100.0 * missed.rate,
                escape(labels.tag(&missed.tag)),
                escape(&missed_of(missed, labels.lang))
            );
        }
        html.push_str("</ul>");
    }
    let choices: Vec<_> = quiz
        .questions
        .iter()
        .filter(|q| !q.options.is_empty())
        .collect();
    if !choices.is_empty() {
        let _ = write!(html, "<h3>{}</h3><table><tr>", escape(r.options));
        for head in r.option_heads {
            let _ = write!(html, "<th>{}</th>", escape(head));
        }
        html.push_str("</tr>");
        for question in choices {
            for option in &question.options {
                let _ = write!(
                    html,
                    "<tr><td>{}</td><td>{}{}</td><td class=\"n\">{}</td><td class=\"n\">{:.0}%</td></tr>",
                    escape(&question.id),
                    if option.correct { "✓ " } else { "" },
                    escape(&truncate(
                        if option.text.is_empty() {
                            &option.id
                        } else {
                            &option.text
                        },
                        70
                    )),
                    option.chosen,
                    100.0 * option.share
                );
            }
        }
        html.push_str("</table>");
    }
    if quiz.groups.len() > 1 {
        let _ = write!(html, "<h3>{}</h3>", escape(r.groups));
        for group in &quiz.groups {
            let _ = write!(
                html,
                "<p>{}</p>{}",
                escape(labels.group(&group.group)),
                distribution_table(&group.distribution, labels)
            );
        }
    }
    let _ = write!(
        html,
        "<h3>{}</h3><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        escape(r.participants),
        escape(r.participant),
        escape(r.group),
        escape(r.phase),
        escape(r.score)
    );
    for attempt in &quiz.attempts {
        let name = match &attempt.code {
            Some(code) => format!("{} ({code})", attempt.name),
            None => attempt.name.clone(),
        };
        let _ = write!(
            html,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{:.1}%</td></tr>",
            escape(&name),
            escape(labels.group(&attempt.group)),
            labels.lang.phase(attempt.phase),
            attempt.percent()
        );
    }
    html.push_str("</table>");
}

fn pre_post_section(html: &mut String, comparison: &PrePost, labels: &Labels<'_>) {
    let r = labels.lang.report();
    let [pre, post, gain, normalised] = r.gain_heads;
    let _ = write!(
        html,
        "<h2>{}: {}</h2>",
        escape(r.pre_post),
        escape(&comparison.label)
    );
    let means = [
        (pre.to_owned(), comparison.mean_pre.unwrap_or(0.0) / 100.0),
        (post.to_owned(), comparison.mean_post.unwrap_or(0.0) / 100.0),
    ];
    html.push_str(&bars(&means, r.pre_post));
    let _ = write!(
        html,
        "<p>{}: {} · {}: {} · {}: {}</p><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        escape(gain),
        comparison
            .mean_gain
            .map_or_else(|| "—".to_owned(), |g| format!("{g:+.1}")),
        escape(r.mean_normalised),
        decimal(comparison.mean_normalised_gain),
        escape(r.normalised_of_means),
        decimal(comparison.normalised_gain_of_means),
        escape(r.participant),
        escape(r.group),
        escape(pre),
        escape(post),
        escape(gain),
        escape(normalised)
    );
    for pair in &comparison.pairs {
        let _ = write!(
            html,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{:.1}</td><td class=\"n\">{:.1}</td><td class=\"n\">{:+.1}</td><td class=\"n\">{}</td></tr>",
            escape(&pair.name),
            escape(labels.group(&pair.group)),
            pair.pre,
            pair.post,
            pair.gain,
            decimal(pair.normalised_gain)
        );
    }
    html.push_str("</table>");
    if !comparison.perfect_pre.is_empty() {
        let _ = write!(
            html,
            "<p>{}: {}</p>",
            escape(r.perfect_pre),
            escape(&comparison.perfect_pre.join(", "))
        );
    }
    if !comparison.unmatched.is_empty() {
        let names: Vec<String> = comparison
            .unmatched
            .iter()
            .map(|u| format!("{} ({})", u.name, labels.lang.phase(u.phase)))
            .collect();
        let _ = write!(
            html,
            "<p>{}: {}</p>",
            escape(r.unmatched),
            escape(&names.join(", "))
        );
    }
}

/// The whole report as an HTML page.
pub fn render(report: &Report, labels: &Labels<'_>) -> String {
    let r = labels.lang.report();
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head><body><h1>{}</h1>",
        labels.lang.code(),
        escape(r.title),
        escape(r.title)
    );
    if report.regraded {
        let _ = write!(html, "<p class=\"note\">{}</p>", escape(r.regraded));
    }
    super::corrections::html(&mut html, &report.corrections, labels.lang);
    if report.quizzes.is_empty() {
        let _ = write!(html, "<p>{}</p>", escape(r.nothing));
    } else {
        overview::html(&mut html, &report.overview, labels);
    }
    for quiz in &report.quizzes {
        quiz_section(&mut html, quiz, labels);
    }
    for comparison in &report.pre_post {
        pre_post_section(&mut html, comparison, labels);
    }
    super::identities::html(&mut html, &report.identity_notes, labels);
    if !report.deviations.is_empty() {
        let _ = write!(
            html,
            "<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th><th></th></tr>",
            escape(r.deviations),
            escape(r.participant),
            escape(r.quiz),
            escape(r.phase)
        );
        for deviation in &report.deviations {
            let _ = write!(
                html,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&deviation.name),
                escape(&deviation.quiz),
                escape(labels.lang.phase(deviation.phase)),
                escape(&departure(deviation, labels.lang))
            );
        }
        html.push_str("</table>");
    }
    if report.in_progress + report.discarded > 0 {
        let _ = write!(
            html,
            "<p class=\"note\">{}</p>",
            escape(&not_counted(report, labels.lang))
        );
    }
    if !report.problems.is_empty() {
        let _ = write!(html, "<h2>{}</h2><ul>", escape(r.problems));
        for problem in &report.problems {
            let _ = write!(
                html,
                "<li>{}: {}</li>",
                escape(&problem.path.display().to_string()),
                escape(&problem.message)
            );
        }
        html.push_str("</ul>");
    }
    html.push_str("</body></html>\n");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_control_characters_are_escaped() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(escape("a\"b'c&d\u{1b}"), "a&quot;b&#39;c&amp;d\u{FFFD}");
    }
}
