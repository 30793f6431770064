//! The report's notes on identities: one name in several groups (likely one person) and participants with
//! several submitted attempts at a quiz, listed so the trainer can correct them.

use std::fmt::Write as _;

use super::Labels;
use super::html::escape;
use super::text::write_wrapped;
use crate::report::identities::{IdentityNotes, Repeated, SameName};

/// One name in several groups, in words: the name, the session and the groups' labels.
fn same_name(same: &SameName, labels: &Labels<'_>) -> String {
    let groups: Vec<&str> = same.groups.iter().map(|g| labels.group(g)).collect();
    format!("{} · {}: {}", same.name, same.session, groups.join(", "))
}

/// Several attempts at one quiz, in words: the name, the quiz, the phase and how many.
fn repeated(repeated: &Repeated, labels: &Labels<'_>) -> String {
    let r = labels.lang.report();
    format!(
        "{} · {} · {}: {}",
        repeated.name,
        repeated.quiz,
        labels.lang.phase(repeated.phase),
        labels.lang.count(repeated.attempts as u64, r.attempts)
    )
}

/// The notes in the text report, wrapped to `width` columns (nothing when there are none).
pub fn text(out: &mut String, notes: &IdentityNotes, labels: &Labels<'_>, width: usize) {
    let r = labels.lang.report();
    if !notes.same_name.is_empty() {
        out.push('\n');
        write_wrapped(
            out,
            &format!("{} ({}):", r.same_name, r.same_name_hint),
            width,
            0,
        );
        for same in &notes.same_name {
            write_wrapped(out, &same_name(same, labels), width, 2);
        }
    }
    if !notes.repeated.is_empty() {
        out.push('\n');
        write_wrapped(out, &format!("{}:", r.repeated), width, 0);
        for note in &notes.repeated {
            write_wrapped(out, &repeated(note, labels), width, 2);
        }
    }
}

/// The notes in the HTML report (nothing when there are none).
pub fn html(out: &mut String, notes: &IdentityNotes, labels: &Labels<'_>) {
    let r = labels.lang.report();
    let mut list = |heading: String, items: Vec<String>| {
        if items.is_empty() {
            return;
        }
        let _ = write!(
            out,
            "<section class=\"identities\"><h2>{}</h2><ul>",
            escape(&heading)
        );
        for item in items {
            let _ = write!(out, "<li>{}</li>", escape(&item));
        }
        out.push_str("</ul></section>");
    };
    list(
        format!("{} ({})", r.same_name, r.same_name_hint),
        notes
            .same_name
            .iter()
            .map(|s| same_name(s, labels))
            .collect(),
    );
    list(
        r.repeated.to_owned(),
        notes.repeated.iter().map(|n| repeated(n, labels)).collect(),
    );
}
