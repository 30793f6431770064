//! Property tests of the trainer's config loader: no bytes, text or mutation of the example config can panic
//! it, and what it does not load it explains with an error at a line and column (an empty file excepted: it is
//! named as empty); every valid config written out reads back the same.

mod mutation;

use mutation::{apply, mutation};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use vigil::config::{Config, Group, PhaseRules, Phases, RosterEntry, read_config};
use vigil::quiz::FeedbackMode;
use vigil::quiz::diagnostic::{Diagnostic, Severity};
use vigil::quiz::parse::ron_options;
use vigil::quiz::taxonomy::Labels;
use vigil::record::Phase;

const EXAMPLE: &str = include_str!("../docs/vigil.example.ron");

/// Reads `bytes` as a config and checks what the loader promises: a config, or an error saying where.
fn loads_or_explains(bytes: &[u8]) -> Result<(), TestCaseError> {
    let (config, findings) = read_config("vigil.ron", bytes);
    let lines = String::from_utf8_lossy(bytes).lines().count().max(1);
    for finding in &findings {
        prop_assert!(!finding.message.is_empty());
        if let Some(line) = finding.line {
            prop_assert!(
                line >= 1 && line <= lines + 1,
                "line {} of {}: {:?}",
                line,
                lines,
                finding
            );
        }
        let printed = finding.to_string();
        prop_assert!(
            !printed.contains('\u{1b}'),
            "escape character printed: {}",
            printed
        );
    }
    // A file with nothing in it has no place to point at; every other failure names one.
    let blank = String::from_utf8_lossy(bytes)
        .trim_start_matches('\u{feff}')
        .trim()
        .is_empty();
    if config.is_none() && !blank {
        let placed = |d: &&Diagnostic| {
            d.severity == Severity::Error && d.line.is_some() && d.column.is_some()
        };
        prop_assert!(
            findings.iter().any(|d| placed(&d)),
            "not loaded, and no error says where: {:?}",
            findings
        );
    }
    Ok(())
}

/// What inserted text is made of: RON punctuation, letters, digits, control characters and a bidi override.
const INSERTED: &str = "[(){}\\[\\],:\"\\\\a-z0-9 \n\u{0}-\u{1f}\u{202e}Ωж]{1,8}";

fn id() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5}){0,2}"
}

/// A one-line text a person could type: letters of the three languages, digits, punctuation and spaces.
fn label() -> impl Strategy<Value = String> {
    "[A-Za-zА-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі0-9][A-Za-zА-Яа-яӘәҚқҮүІі0-9 .,'\"()\\\\/-]{0,20}"
}

fn labels() -> impl Strategy<Value = Labels> {
    (label(), label(), label()).prop_map(|(en, ru, kk)| Labels { en, ru, kk })
}

fn rules() -> impl Strategy<Value = PhaseRules> {
    (
        vec(id(), 0..4),
        option::of(prop_oneof![
            Just(FeedbackMode::Immediate),
            Just(FeedbackMode::Deferred)
        ]),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(quizzes, feedback, review, retakes)| PhaseRules {
            quizzes,
            feedback,
            review,
            retakes,
        })
}

/// A config `check` passes: valid ids, each group and code once, every roster entry in a listed group.
fn valid_config() -> impl Strategy<Value = Config> {
    let groups = vec((id(), labels()), 1..5).prop_map(|groups| {
        let mut seen = std::collections::HashSet::new();
        groups
            .into_iter()
            .filter(|(id, _)| seen.insert(id.clone()))
            .map(|(id, label)| Group { id, label })
            .collect::<Vec<_>>()
    });
    (
        (
            id(),
            prop_oneof![Just(Phase::Pre), Just(Phase::Practice), Just(Phase::Post)],
        ),
        option::of("[a-z/._-]{1,12}"),
        option::of(prop_oneof![Just("en"), Just("ru"), Just("kk")]),
        vec("[a-z/._-]{1,12}", 0..3),
        groups,
        vec((label(), any::<prop::sample::Index>()), 0..4),
        (rules(), rules(), rules()),
        option::of("[a-z/._-]{1,12}"),
    )
        .prop_map(
            |(
                (session, phase),
                results,
                language,
                quiz_folders,
                groups,
                people,
                phases,
                room_key,
            )| {
                let roster: Vec<RosterEntry> = people
                    .into_iter()
                    .enumerate()
                    .map(|(n, (name, group))| RosterEntry {
                        code: format!("P{n:02}"),
                        name,
                        group: groups[group.index(groups.len())].id.clone(),
                    })
                    .collect();
                let store_names = roster.is_empty() || session.len() % 2 == 0;
                Config {
                    format: 1,
                    session,
                    phase,
                    results: results.map(Into::into),
                    language: language.map(str::to_owned),
                    quiz_folders: quiz_folders.into_iter().map(Into::into).collect(),
                    groups,
                    roster,
                    store_names,
                    phases: Phases {
                        pre: phases.0,
                        practice: phases.1,
                        post: phases.2,
                    },
                    room_key: room_key.map(Into::into),
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_bytes_load_or_say_where_they_fail(bytes in vec(any::<u8>(), 0..2048)) {
        loads_or_explains(&bytes)?;
    }

    #[test]
    fn any_text_loads_or_says_where_it_fails(text in "\\PC{0,1000}") {
        loads_or_explains(text.as_bytes())?;
    }

    #[test]
    fn a_damaged_example_config_loads_or_says_where_it_fails(mutations in vec(mutation(EXAMPLE.len(), INSERTED), 1..6)) {
        loads_or_explains(&apply(EXAMPLE, &mutations))?;
    }

    #[test]
    fn a_valid_config_reads_back_the_same(config in valid_config(), pretty in any::<bool>()) {
        let text = if pretty {
            ron::ser::to_string_pretty(&config, ron::ser::PrettyConfig::default()).unwrap()
        } else {
            ron_options().to_string(&config).unwrap()
        };
        let (read, findings) = read_config("vigil.ron", text.as_bytes());
        prop_assert!(findings.is_empty(), "{}\n{:?}", text, findings);
        prop_assert_eq!(read, Some(config));
    }
}

#[test]
fn the_example_config_loads_without_findings() {
    let (config, findings) = read_config("vigil.example.ron", EXAMPLE.as_bytes());
    assert!(findings.is_empty(), "{findings:?}");
    assert!(config.is_some());
}
