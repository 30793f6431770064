//! Reading and validating `vigil.ron`, with positioned findings like a quiz file.

use std::collections::HashSet;

use super::model::{CONFIG_FORMAT, Config};
use crate::quiz::characters::{Lines, bad_char_in_id, text_problem};
use crate::quiz::diagnostic::{Diagnostic, Severity};
use crate::quiz::parse::{decode, parse};
use crate::quiz::source::SourceText;
use crate::quiz::validate::is_valid_id;
use crate::record::identity::normalise;

/// The old name of the `room_key` field, still read.
pub(crate) const OLD_ROOM_KEY: &str = "trainer_key";

/// Parses and validates a config file's bytes; errors and warnings come back as findings naming `file`.
pub fn read_config(file: &str, bytes: &[u8]) -> (Option<Config>, Vec<Diagnostic>) {
    let text = match decode(file, bytes) {
        Ok(text) => text,
        Err(finding) => return (None, vec![*finding]),
    };
    let source = SourceText::new(text);
    match parse::<Config>(file, &source, CONFIG_FORMAT) {
        Ok(config) => {
            let findings = validate(file, &source, &config);
            (Some(config), findings)
        }
        Err(finding) => (None, vec![*finding]),
    }
}

fn validate(file: &str, source: &SourceText<'_>, config: &Config) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut report = |severity: Severity, at: Option<usize>, message: String, hint: &str| {
        let mut finding = Diagnostic::file(severity, file, message).with_hint(hint);
        if let Some(at) = at {
            finding = finding.at_offset(source, at);
        }
        found.push(finding);
    };
    let field = |name: &str| source.find_field(0, name);
    if config.format != CONFIG_FORMAT {
        report(
            Severity::Error,
            field("format"),
            format!(
                "`format` is {}; this Vigil reads format {CONFIG_FORMAT}",
                config.format
            ),
            "write `format: 1,`",
        );
    }
    if !is_valid_id(&config.session) {
        report(
            Severity::Error,
            field("session"),
            format!("session `{}` is not a valid name", config.session),
            "use letters, digits and `-`, such as \"almaty-2010-04\"; it names the folder of the session's records",
        );
    }
    if let Some(at) = field(OLD_ROOM_KEY) {
        report(
            Severity::Warning,
            Some(at),
            format!("`{OLD_ROOM_KEY}` is the old name of `room_key`"),
            "rename it to `room_key`: it is the room's key, which every workstation reads, not the trainer's \
             signing key (`vigil keygen`)",
        );
    }
    if let Some(language) = &config.language
        && !["en", "ru", "kk"].contains(&language.as_str())
    {
        report(
            Severity::Error,
            field("language"),
            format!("`{language}` is not a language Vigil speaks"),
            "write \"en\", \"ru\" or \"kk\"",
        );
    }
    if config.groups.is_empty() {
        report(
            Severity::Error,
            field("groups"),
            "`groups` is empty".into(),
            "leave the field out for police / NGO / social services / other, or list your groups",
        );
    }
    let mut group_ids = HashSet::new();
    for group in &config.groups {
        let at = source.find_key_value(0, "id", &group.id);
        if !is_valid_id(&group.id) || !group_ids.insert(group.id.as_str()) {
            report(
                Severity::Error,
                at,
                format!("group id `{}` is invalid or used twice", group.id),
                "give each group its own id of letters, digits and `-`",
            );
        }
        if [&group.label.en, &group.label.ru, &group.label.kk]
            .iter()
            .any(|l| l.trim().is_empty())
        {
            report(
                Severity::Error,
                at,
                format!("group `{}` has an empty label", group.id),
                "give labels in en, ru and kk",
            );
        }
        for (language, label) in [
            ("en", &group.label.en),
            ("ru", &group.label.ru),
            ("kk", &group.label.kk),
        ] {
            if let Some((message, hint)) = text_problem(language, label, Lines::One) {
                report(
                    Severity::Error,
                    at,
                    format!("group `{}`: the label {message}", group.id),
                    hint,
                );
            }
        }
    }
    if !config.store_names && config.roster.is_empty() {
        report(
            Severity::Error,
            source.find_field(0, "store_names"),
            "`store_names: false` keeps only roster codes in records, but there is no roster"
                .to_owned(),
            "add a `roster` (see `vigil roster import`), or remove `store_names: false`",
        );
    }
    let mut codes = HashSet::new();
    for entry in &config.roster {
        let at = source.find_key_value(0, "code", &entry.code);
        if normalise(&entry.code).is_empty() || !codes.insert(normalise(&entry.code)) {
            report(
                Severity::Error,
                at,
                format!("roster code `{}` is empty or used twice", entry.code),
                "give every participant their own code",
            );
        }
        if let Some(bad) = bad_char_in_id(&entry.code) {
            report(
                Severity::Error,
                at,
                format!("a roster code contains {bad}"),
                bad.hint(),
            );
        }
        if entry.name.trim().is_empty() {
            report(
                Severity::Error,
                at,
                format!("roster code `{}` has no name", entry.code),
                "write the participant's name",
            );
        } else if let Some((message, hint)) = text_problem("name", &entry.name, Lines::One) {
            report(
                Severity::Error,
                at,
                format!("roster code `{}`: the {message}", entry.code),
                hint,
            );
        }
        if !group_ids.contains(entry.group.as_str()) {
            report(
                Severity::Error,
                at,
                format!(
                    "roster code `{}` is in group `{}`, which `groups` does not list",
                    entry.code, entry.group
                ),
                "use one of the group ids",
            );
        }
    }
    for (name, rules) in [
        ("pre", &config.phases.pre),
        ("practice", &config.phases.practice),
        ("post", &config.phases.post),
    ] {
        for quiz in rules.quizzes.iter().filter(|q| !is_valid_id(q)) {
            report(
                Severity::Error,
                source.find_field(0, name),
                format!("phase `{name}` lists `{quiz}`, which is not a valid quiz id"),
                "list quiz ids as `vigil list` shows them",
            );
        }
    }
    found
}
