//! The trainer's corrections as every report lists them, so a reader knows the figures were corrected.

use std::fmt::Write as _;

use super::html::escape;
use crate::i18n::{Lang, fill};
use crate::report::corrections::apply::{Applied, Change};
use crate::text::{printable_line, wrap};

/// One correction in words: what it does, the reason, and how many records it matched (or a warning that it
/// matched none).
pub fn describe(applied: &Applied, lang: Lang) -> String {
    let r = lang.report();
    let matched = if applied.records == 0 {
        r.matched_nothing.to_owned()
    } else {
        lang.count(applied.records as u64, r.records)
    };
    format!(
        "{} ({matched})",
        change_and_reason(&applied.change, &applied.reason, lang)
    )
}

/// What a correction changes and the trainer's reason for it, in words (as [`describe`] gives them, without the
/// records matched, which only a report knows).
pub fn change_and_reason(change: &Change, reason: &str, lang: Lang) -> String {
    let words = change_words(change, lang);
    format!("{words}; {}: {reason}", lang.report().reason)
}

/// What a correction changes, in words: who is counted as whom, or which attempt is not counted.
pub fn change_words(change: &Change, lang: Lang) -> String {
    let r = lang.report();
    match change {
        Change::Merge {
            session,
            from,
            into,
            ..
        } => fill(
            r.merged,
            &[("from", from), ("into", into), ("session", session)],
        ),
        Change::Void { attempt } => fill(r.voided, &[("attempt", attempt)]),
    }
}

/// The corrections section of the text report, each correction wrapped to `width` columns (nothing without
/// corrections).
pub fn text(out: &mut String, corrections: &[Applied], lang: Lang, width: usize) {
    if corrections.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}:", lang.report().corrections);
    let room = u16::try_from(width.saturating_sub(4).max(20)).unwrap_or(u16::MAX);
    for applied in corrections {
        let mark = if applied.records == 0 { "!" } else { "-" };
        for (n, line) in wrap(&printable_line(&describe(applied, lang)), room)
            .iter()
            .enumerate()
        {
            let lead = if n == 0 { mark } else { " " };
            let _ = writeln!(out, "  {lead} {line}");
        }
    }
}

/// The corrections section of the HTML report (nothing without corrections).
pub fn html(out: &mut String, corrections: &[Applied], lang: Lang) {
    if corrections.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<section class=\"corrections\"><h2>{}</h2><ul>",
        escape(lang.report().corrections)
    );
    for applied in corrections {
        let class = if applied.records == 0 {
            " class=\"note\""
        } else {
            ""
        };
        let _ = write!(out, "<li{class}>{}</li>", escape(&describe(applied, lang)));
    }
    out.push_str("</ul></section>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::corrections::Who;

    fn applied(records: usize) -> Vec<Applied> {
        vec![
            Applied {
                change: Change::Merge {
                    session: "s".into(),
                    from: "Aidos Kenzhebaev (ngo)".into(),
                    into: "P03".into(),
                    identities: [Who::parse("Aidos Kenzhebaev/ngo"), Who::parse("P03")],
                },
                reason: "typo <b>".into(),
                records,
            },
            Applied {
                change: Change::Void {
                    attempt: "a9".into(),
                },
                reason: "wrong room\u{1b}[2J".into(),
                records: 0,
            },
        ]
    }

    #[test]
    fn each_correction_says_what_why_and_how_many_records_it_matched() {
        let mut out = String::new();
        text(&mut out, &applied(2), Lang::En, usize::MAX);
        assert!(out.contains(
            "- Aidos Kenzhebaev (ngo) counted as P03 (session s); reason: typo <b> (2 records)"
        ));
        assert!(out.contains("! attempt a9 not counted; reason: wrong room"));
        assert!(out.contains("MATCHED NO RECORD"));
        assert!(!out.contains('\u{1b}'));
        let mut ru = String::new();
        text(&mut ru, &applied(1), Lang::Ru, usize::MAX);
        assert!(ru.contains("(1 запись)"), "{ru}");
        let mut ru = String::new();
        text(&mut ru, &applied(5), Lang::Ru, usize::MAX);
        assert!(ru.contains("(5 записей)"), "{ru}");
        let mut narrow = String::new();
        text(&mut narrow, &applied(2), Lang::En, 40);
        assert!(
            narrow
                .lines()
                .skip(2)
                .all(|line| line.chars().count() <= 40),
            "{narrow}"
        );
        assert!(narrow.contains("  - Aidos Kenzhebaev"), "{narrow}");
        assert!(narrow.contains("  ! attempt a9"), "{narrow}");
    }

    #[test]
    fn html_escapes_the_trainers_words() {
        let mut out = String::new();
        html(&mut out, &applied(1), Lang::En);
        assert!(out.contains("typo &lt;b&gt;"));
        assert!(!out.contains('\u{1b}'));
        let mut none = String::new();
        html(&mut none, &[], Lang::En);
        assert!(none.is_empty());
    }
}
