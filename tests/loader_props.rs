//! Property tests: no bytes, and no mutation of a valid quiz, can panic or hang the loader.

mod mutation;

use mutation::{apply, mutation};
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

/// What inserted text is made of: RON punctuation, letters, digits and control characters.
const INSERTED: &str = "[(){}\\[\\],:\"\\\\a-z0-9 \n\u{0}-\u{1f}Ωж]{1,8}";

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
        mutations in proptest::collection::vec(mutation(VALID.len(), INSERTED), 1..6)
    ) {
        let bytes = apply(VALID, &mutations);
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
