//! Property tests: no bytes, and no mutation of a valid quiz, can panic or hang the loader.

use proptest::prelude::*;
use vigil::quiz::{Input, Taxonomy, check};

const VALID: &str = include_str!("../docs/examples/every-kind.ron");

fn check_bytes(bytes: Vec<u8>) -> usize {
    let input = Input {
        name: "fuzz.ron".into(),
        content: Ok(bytes),
    };
    let report = check(&[input], &Taxonomy::default());
    report.diagnostics.len() + report.quizzes.len()
}

/// A way of damaging a valid file.
#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize, usize),
    Insert(usize, String),
    Replace(usize, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let len = VALID.len();
    prop_oneof![
        (0..len, 1..40usize).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (0..len, "[(){}\\[\\],:\"\\\\a-z0-9 \n\u{0}-\u{1f}Ωж]{1,8}")
            .prop_map(|(at, s)| Mutation::Insert(at, s)),
        (0..len, any::<u8>()).prop_map(|(at, b)| Mutation::Replace(at, b)),
    ]
}

fn apply(mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = VALID.as_bytes().to_vec();
    for mutation in mutations {
        let len = bytes.len();
        match mutation {
            Mutation::Delete(at, n) => {
                let start = (*at).min(len);
                let end = (start + n).min(len);
                bytes.drain(start..end);
            }
            Mutation::Insert(at, text) => {
                let at = (*at).min(len);
                bytes.splice(at..at, text.bytes());
            }
            Mutation::Replace(at, byte) => {
                if let Some(slot) = bytes.get_mut(*at) {
                    *slot = *byte;
                }
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        check_bytes(bytes);
    }

    #[test]
    fn random_text_never_panics(text in "\\PC{0,2000}") {
        check_bytes(text.into_bytes());
    }

    #[test]
    fn mutated_valid_files_never_panic_and_always_explain_themselves(
        mutations in proptest::collection::vec(mutation(), 1..6)
    ) {
        let bytes = apply(&mutations);
        let input = Input { name: "fuzz.ron".into(), content: Ok(bytes) };
        let report = check(&[input], &Taxonomy::default());
        for finding in &report.diagnostics {
            prop_assert!(!finding.message.is_empty());
            let printed = finding.to_string();
            let escaped = printed.contains('\u{1b}');
            prop_assert!(!escaped, "escape character printed: {}", printed);
        }
        if report.quizzes.is_empty() {
            prop_assert!(report.diagnostics.iter().any(|d| d.is_error()));
        }
    }
}
