//! The report as one self-contained, printable HTML page with inline SVG charts: no scripts, no external files,
//! every text escaped.

use std::fmt::Write as _;

use super::charts::{bars, histogram};
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

/// The one stylesheet: the page on screen, then on paper (A4 portrait; each quiz and each pre/post comparison on
/// new pages; rows, charts and headings kept whole; bars told apart by their border, not their colour alone).
const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em;color:#111;max-width:60em}\
h1{font-size:1.5em}h2{font-size:1.25em;border-top:2px solid #444;padding-top:.5em;margin-top:2em}\
h3{font-size:1.05em}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #999;padding:.2em .5em;\
text-align:left;vertical-align:top}td.n{text-align:right;white-space:nowrap}td.text{min-width:16em}\
caption{text-align:left;font-size:.9em}.note{color:#7a4b00}figure{margin:.5em 0}svg{display:block}svg text{font-size:11px}\
@page{size:A4 portrait;margin:12mm 12mm 14mm}\
@media print{body{margin:0;max-width:none;font-size:8.5pt;color:#000}h1{font-size:13pt;margin:0 0 .3em}\
h2{font-size:11.5pt;margin:.8em 0 .3em;padding-top:.3em}h3{font-size:9.5pt;margin:.7em 0 .2em}p{margin:.3em 0}\
td,th{padding:.05em .35em;border-color:#666}.note{color:#000;font-style:italic}\
section.quiz{break-before:page}\
h2,h3{break-after:avoid}tr,svg,figure{break-inside:avoid}tbody.question{break-inside:avoid}\
thead{display:table-header-group}.columns{columns:2;column-gap:1.5em}.columns table{width:100%;margin:0}table.pairs{font-size:7.5pt}td.word{white-space:nowrap}td.text{width:50%}a{color:inherit;text-decoration:none}a[href]::after{content:none}}";

/// `text` cut to `chars` characters, ending in `…` when cut.
pub(super) fn truncate_chars(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_owned()
    } else {
        text.chars()
            .take(chars - 1)
            .chain(std::iter::once('…'))
            .collect()
    }
}

/// One distribution's figures as table cells.
fn distribution_cells(html: &mut String, d: &Distribution, labels: &Labels<'_>) {
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
    for value in values {
        let _ = write!(html, "<td class=\"n\">{value}</td>");
    }
}

/// The distribution's figures under a header row; with `first_head`, one labelled row per (label, distribution)
/// (the groups side by side), else the one distribution of `rows`.
fn distribution_table(
    first_head: Option<&str>,
    rows: &[(&str, &Distribution)],
    labels: &Labels<'_>,
) -> String {
    let mut html = String::from("<table><thead><tr>");
    if let Some(head) = first_head {
        let _ = write!(html, "<th>{}</th>", escape(head));
    }
    for head in labels.lang.report().figures {
        let _ = write!(html, "<th>{}</th>", escape(head));
    }
    html.push_str("</tr></thead><tbody>");
    for (label, d) in rows {
        html.push_str("<tr>");
        if first_head.is_some() {
            let _ = write!(html, "<th>{}</th>", escape(label));
        }
        distribution_cells(&mut html, d, labels);
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
    html
}

fn quiz_section(html: &mut String, quiz: &QuizReport, labels: &Labels<'_>) {
    let r = labels.lang.report();
    let _ = write!(
        html,
        "<section class=\"quiz\"><h2>{}: {} ({})</h2>",
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
        distribution_table(None, &[("", &quiz.distribution)], labels)
    );
    let _ = write!(
        html,
        "<p><b>{}:</b> {}</p>",
        escape(r.shape[0]),
        escape(&shape_line(&quiz.distribution, r))
    );
    let _ = write!(
        html,
        "<figure><figcaption>{}</figcaption>{}</figure>",
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
        "<h3>{}</h3><table><caption>{}; {}</caption><thead><tr><th>#</th><th>{}</th>",
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
    html.push_str("</tr></thead><tbody>");
    for (n, question) in quiz.questions.iter().enumerate() {
        let flags = flag_words(&question.stats.flags, r);
        let text = question_text(question);
        let _ = write!(
            html,
            "<tr><td class=\"n\">{}</td><td class=\"text\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            n + 1,
            escape(&truncate_chars(text, 90)),
            decimal(question.stats.facility),
            decimal(question.stats.standard_deviation),
            percent(question.stats.discrimination),
            percent(question.stats.efficiency),
            percent(question.stats.effective_weight),
            escape(&flags)
        );
    }
    html.push_str("</tbody></table>");
    if quiz.questions.iter().any(|q| !q.by_language.is_empty()) {
        let _ = write!(
            html,
            "<h3>{}</h3><table><thead><tr><th>#</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            escape(r.by_language),
            escape(r.questions),
            escape(r.item_heads[0])
        );
        for (n, question) in quiz.questions.iter().enumerate() {
            let _ = write!(
                html,
                "<tr><td class=\"n\">{}</td><td class=\"text\">{}</td><td class=\"word\">{}</td></tr>",
                n + 1,
                escape(&truncate_chars(question_text(question), 90)),
                escape(&language_split(&question.by_language))
            );
        }
        html.push_str("</tbody></table>");
    }
    let facility: Vec<(String, f64)> = quiz
        .questions
        .iter()
        .enumerate()
        .map(|(n, q)| {
            (
                format!("{}. {}", n + 1, truncate_chars(question_text(q), 40)),
                q.stats.facility.unwrap_or(0.0),
            )
        })
        .collect();
    let _ = write!(
        html,
        "<figure><figcaption>{}</figcaption>{}</figure>",
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
    let choices: Vec<QuestionCounts<'_>> = quiz
        .questions
        .iter()
        .filter(|q| !q.options.is_empty())
        .map(|question| {
            let options = question.options.iter().map(|option| {
                let text = if option.text.is_empty() {
                    &option.id
                } else {
                    &option.text
                };
                let mark = if option.correct { "✓ " } else { "" };
                let text = format!("{mark}{}", truncate_chars(text, 70));
                (text, option.chosen, option.share)
            });
            (question.id.as_str(), options.collect())
        })
        .collect();
    counts_table(html, r.options, r.option_heads, &choices);
    let parts: Vec<QuestionCounts<'_>> = quiz
        .questions
        .iter()
        .filter(|q| !q.parts.is_empty())
        .map(|question| {
            // Whole: which step or item a part names is the point of the table.
            let parts = question
                .parts
                .iter()
                .map(|part| (part.text.clone(), part.right, part.share));
            (question.id.as_str(), parts.collect())
        })
        .collect();
    counts_table(html, r.parts, r.part_heads, &parts);
    if quiz.groups.len() > 1 {
        let rows: Vec<(&str, &Distribution)> = quiz
            .groups
            .iter()
            .map(|g| (labels.group(&g.group), &g.distribution))
            .collect();
        let _ = write!(
            html,
            "<h3>{}</h3>{}",
            escape(r.groups),
            distribution_table(Some(r.group), &rows, labels)
        );
    }
    let _ = write!(
        html,
        "<h3>{}</h3><div class=\"columns\"><table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        escape(r.participants),
        escape(r.participant),
        escape(r.group),
        escape(r.phase),
        escape(r.score)
    );
    for attempt in &quiz.attempts {
        let name = match &attempt.code {
            Some(code) => format!("{} ({code})", attempt.name),
            None => attempt.name.to_string(),
        };
        let _ = write!(
            html,
            "<tr><td>{}</td><td class=\"word\">{}</td><td class=\"word\">{}</td><td class=\"n\">{:.1}%</td></tr>",
            escape(&name),
            escape(labels.group(&attempt.group)),
            labels.lang.phase(attempt.phase),
            attempt.percent()
        );
    }
    html.push_str("</tbody></table></div></section>");
}

fn pre_post_section(html: &mut String, comparison: &PrePost, labels: &Labels<'_>) {
    let r = labels.lang.report();
    let [pre, post, gain, normalised] = r.gain_heads;
    let _ = write!(
        html,
        "<section class=\"pre-post\"><h2>{}: {}</h2>",
        escape(r.pre_post),
        escape(&comparison.title)
    );
    let means = [
        (pre.to_owned(), comparison.mean_pre.unwrap_or(0.0) / 100.0),
        (post.to_owned(), comparison.mean_post.unwrap_or(0.0) / 100.0),
    ];
    html.push_str(&bars(&means, r.pre_post));
    let _ = write!(
        html,
        "<p>{}: {} · {}: {} · {}: {}</p><div class=\"columns\"><table class=\"pairs\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
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
            "<tr><td>{}</td><td class=\"word\">{}</td><td class=\"n\">{:.1}</td><td class=\"n\">{:.1}</td><td class=\"n\">{:+.1}</td><td class=\"n\">{}</td></tr>",
            escape(&pair.name),
            escape(labels.group(&pair.group)),
            pair.pre,
            pair.post,
            pair.gain,
            decimal(pair.normalised_gain)
        );
    }
    html.push_str("</tbody></table></div>");
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
    html.push_str("</section>");
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
    for comparison in &report.pre_post {
        pre_post_section(&mut html, comparison, labels);
    }
    for quiz in &report.quizzes {
        quiz_section(&mut html, quiz, labels);
    }
    super::identities::html(&mut html, &report.identity_notes, labels);
    if !report.deviations.is_empty() {
        let _ = write!(
            html,
            "<h2>{}</h2><table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th></th></tr></thead><tbody>",
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
        html.push_str("</tbody></table>");
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
                escape(&labels.lang.reason(&problem.reason))
            );
        }
        html.push_str("</ul>");
    }
    html.push_str("</body></html>\n");
    html
}

/// A question's id and the lines of its counts: each line's text, how many attempts it counts, their share.
type QuestionCounts<'a> = (&'a str, Vec<(String, usize, f64)>);

/// A table of counts per question, under `title` with `heads`: for each question (its id once, spanning its
/// rows), each line's text, how many attempts it counts and their share. Nothing when there is no question.
fn counts_table(
    html: &mut String,
    title: &str,
    heads: [&str; 4],
    questions: &[QuestionCounts<'_>],
) {
    if questions.is_empty() {
        return;
    }
    let _ = write!(html, "<h3>{}</h3><table><thead><tr>", escape(title));
    for head in heads {
        let _ = write!(html, "<th>{}</th>", escape(head));
    }
    html.push_str("</tr></thead>");
    for (id, lines) in questions {
        html.push_str("<tbody class=\"question\">");
        for (n, (text, count, share)) in lines.iter().enumerate() {
            if n == 0 {
                let _ = write!(
                    html,
                    "<tr><td rowspan=\"{}\">{}</td>",
                    lines.len(),
                    escape(id)
                );
            } else {
                html.push_str("<tr>");
            }
            let _ = write!(
                html,
                "<td class=\"text\">{}</td><td class=\"n\">{count}</td><td class=\"n\">{:.0}%</td></tr>",
                escape(text),
                100.0 * share
            );
        }
        html.push_str("</tbody>");
    }
    html.push_str("</table>");
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
