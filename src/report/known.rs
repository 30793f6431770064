//! What a report's filter may name: the sessions, groups and quizzes of the records read (whatever the filter),
//! the config's groups and the bank's quizzes; a filter naming anything else is refused with the known values
//! and a did-you-mean, never answered with an empty report.

use std::collections::BTreeSet;

use super::dataset::Filter;
use crate::config::Group;
use crate::i18n::{Lang, fill};
use crate::quiz::parse::closest;
use crate::record::identity::normalise;

/// The values the records hold, gathered before any filter is applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Known {
    /// Session names.
    pub sessions: BTreeSet<String>,
    /// Group ids.
    pub groups: BTreeSet<String>,
    /// Quiz ids.
    pub quizzes: BTreeSet<String>,
}

impl Known {
    /// Notes the session, group and quiz of one record.
    pub fn note(&mut self, session: &str, group: &str, quiz: &str) {
        for (set, value) in [
            (&mut self.sessions, session),
            (&mut self.groups, group),
            (&mut self.quizzes, quiz),
        ] {
            if !set.contains(value) {
                set.insert(value.to_owned());
            }
        }
    }
}

/// A filter value that names nothing the records, the config or the bank know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.words(Lang::En))]
pub struct UnknownFilter {
    /// The option: `--session`, `--group` or `--quiz`.
    pub option: &'static str,
    /// What was given.
    pub given: String,
    /// The values that would have been accepted.
    pub known: Vec<String>,
    /// The closest known value, when the given one looks like a typo of it.
    pub near: Option<String>,
}

impl UnknownFilter {
    /// What was given, why it is refused and what would be accepted, in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        let [names_nothing, one_of, no_records, near] = lang.report().unknown_filter;
        let mut text = fill(
            names_nothing,
            &[("option", self.option), ("given", &self.given)],
        );
        if let Some(closest) = &self.near {
            text.push_str(&fill(near, &[("near", closest)]));
        }
        if self.known.is_empty() {
            text.push_str(no_records);
        } else {
            text.push_str(&fill(one_of, &[("known", &self.known.join(", "))]));
        }
        text
    }
}

/// `given` if it is one of `known`, else the error naming them.
fn one_of(
    option: &'static str,
    given: &str,
    known: &BTreeSet<String>,
) -> Result<(), UnknownFilter> {
    if known.contains(given) {
        return Ok(());
    }
    let candidates: Vec<&str> = known.iter().map(String::as_str).collect();
    Err(UnknownFilter {
        option,
        given: given.to_owned(),
        near: closest(given, &candidates).map(str::to_owned),
        known: known.iter().cloned().collect(),
    })
}

/// Checks that every session of `sessions` is one of `known`.
pub fn check_sessions(sessions: &[String], known: &BTreeSet<String>) -> Result<(), UnknownFilter> {
    sessions
        .iter()
        .try_for_each(|session| one_of("--session", session, known))
}

/// Checks a quiz filter against the quizzes of the records and of the bank.
pub fn check_quiz(
    quiz: &str,
    in_records: &BTreeSet<String>,
    in_bank: impl IntoIterator<Item = String>,
) -> Result<(), UnknownFilter> {
    let mut known = in_records.clone();
    known.extend(in_bank);
    one_of("--quiz", quiz, &known)
}

/// The group id `given` stands for: a group id as given, or the id of the config group one of whose labels (in
/// any language, ignoring case and spacing) it is; else `given` itself, to be checked against the records by
/// [`check_group`].
pub fn group_id(given: &str, groups: &[Group]) -> String {
    if groups.iter().any(|g| g.id == given) {
        return given.to_owned();
    }
    let wanted = normalise(given);
    groups
        .iter()
        .find(|g| {
            [&g.label.en, &g.label.ru, &g.label.kk]
                .iter()
                .any(|label| normalise(label) == wanted)
        })
        .map_or_else(|| given.to_owned(), |g| g.id.clone())
}

/// Checks a group filter (already through [`group_id`]) against the groups of the records and the config; the
/// known values are given with their labels, and a typo of a label is caught as well as one of an id.
pub fn check_group(
    group: &str,
    in_records: &BTreeSet<String>,
    groups: &[Group],
) -> Result<(), UnknownFilter> {
    let mut ids = in_records.clone();
    ids.extend(groups.iter().map(|g| g.id.clone()));
    if ids.contains(group) {
        return Ok(());
    }
    let mut candidates: Vec<&str> = ids.iter().map(String::as_str).collect();
    for g in groups {
        candidates.extend([
            g.label.en.as_str(),
            g.label.ru.as_str(),
            g.label.kk.as_str(),
        ]);
    }
    let known = ids
        .iter()
        .map(|id| match groups.iter().find(|g| &g.id == id) {
            Some(g) => format!("{id} ({} / {} / {})", g.label.en, g.label.ru, g.label.kk),
            None => id.clone(),
        })
        .collect();
    Err(UnknownFilter {
        option: "--group",
        given: group.to_owned(),
        near: closest(group, &candidates)
            .or_else(|| closest(&normalise(group), &candidates))
            .map(str::to_owned),
        known,
    })
}

/// Checks every value of `filter` (its group already through [`group_id`]) against what the records hold
/// (`known`), the config's `groups` and the quiz ids of the bank.
pub fn check(
    filter: &Filter,
    known: &Known,
    groups: &[Group],
    bank: impl IntoIterator<Item = String>,
) -> Result<(), UnknownFilter> {
    check_sessions(&filter.sessions, &known.sessions)?;
    if let Some(quiz) = &filter.quiz {
        check_quiz(quiz, &known.quizzes, bank)?;
    }
    if let Some(group) = &filter.group {
        check_group(group, &known.groups, groups)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::model::default_groups;

    fn set(values: &[&str]) -> BTreeSet<String> {
        values.iter().map(|v| (*v).to_owned()).collect()
    }

    #[test]
    fn a_group_is_found_by_its_id_or_any_label() {
        let groups = default_groups();
        assert_eq!(group_id("police", &groups), "police");
        assert_eq!(group_id("Police", &groups), "police");
        assert_eq!(group_id("  нпо ", &groups), "ngo");
        assert_eq!(group_id("ҮЕҰ", &groups), "ngo");
        assert_eq!(group_id("polise", &groups), "polise");
    }

    #[test]
    fn an_unknown_group_names_the_known_ones_and_the_nearest() {
        let groups = default_groups();
        let error = check_group("polise", &set(&["police", "guests"]), &groups).unwrap_err();
        assert_eq!(error.near.as_deref(), Some("police"));
        let text = error.to_string();
        assert!(text.contains("--group `polise`"), "{text}");
        assert!(text.contains("guests"), "{text}");
        assert!(
            text.contains("police (Police / Полиция / Полиция)"),
            "{text}"
        );
        assert!(check_group("guests", &set(&["guests"]), &groups).is_ok());
        assert!(check_group("other", &BTreeSet::new(), &groups).is_ok());
    }

    #[test]
    fn an_unknown_session_or_quiz_is_refused_with_a_did_you_mean() {
        let sessions = set(&["almaty-2010-04", "astana-2010-05"]);
        let error = check_sessions(&["almaty-2010-4".to_owned()], &sessions).unwrap_err();
        assert_eq!(error.near.as_deref(), Some("almaty-2010-04"));
        assert!(error.to_string().contains("astana-2010-05"));
        assert!(check_sessions(&["astana-2010-05".to_owned()], &sessions).is_ok());
        let error = check_quiz("warmup", &set(&["fixture"]), ["warm-up".to_owned()]).unwrap_err();
        assert_eq!(error.near.as_deref(), Some("warm-up"));
        assert!(check_quiz("warm-up", &BTreeSet::new(), ["warm-up".to_owned()]).is_ok());
        let empty = check_sessions(&["x".to_owned()], &BTreeSet::new()).unwrap_err();
        assert!(empty.to_string().contains("hold no records"), "{empty}");
    }

    #[test]
    fn an_unknown_filter_is_refused_in_the_trainers_language() {
        let sessions = set(&["almaty-2010-04", "astana-2010-05"]);
        let error = check_sessions(&["almaty-2010-4".to_owned()], &sessions).unwrap_err();
        assert_eq!(
            error.words(Lang::Ru),
            "--session `almaty-2010-4`: в этих папках результатов такого нет; может быть, вы имели в виду \
             `almaty-2010-04`?; укажите одно из: almaty-2010-04, astana-2010-05"
        );
        let kazakh = error.words(Lang::Kk);
        assert!(kazakh.contains("`almaty-2010-04` деп"), "{kazakh}");
        assert_eq!(error.words(Lang::En), error.to_string());
    }
}
