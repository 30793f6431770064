//! The words of why the trainer's corrections file cannot be used (`vigil corrections`, and `--corrections` of
//! `report` and `records`), in one language.

use super::{Lang, en, fill, kk, ru};
use crate::cli::corrections::CorrectionsError;

/// Why the corrections file cannot be used. `{file}` is the file, `{folder}` a results folder, `{error}` the
/// system's own words.
#[derive(Debug)]
pub struct CorrectionStrings {
    /// The corrections file `{file}` lies inside the results folder `{folder}`.
    pub in_results: &'static str,
    /// `{file}` is a file the workstations read.
    pub room_file: &'static str,
    /// The corrections file `{file}` cannot be read: `{error}`.
    pub unreadable: &'static str,
    /// After the mistakes found in the file (`{findings}`, one per line, in English): what to do.
    pub invalid: &'static str,
    /// The corrections file `{file}` could not be written: `{error}`.
    pub unwritable: &'static str,
    /// A merge names `{name}`, which holds a space and is no roster code: a name without its group.
    pub name_without_group: &'static str,
    /// The attempt `{attempt}` is voided already.
    pub already_voided: &'static str,
    /// There is no user config folder for the corrections file.
    pub no_folder: &'static str,
}

impl Lang {
    /// The words of why the corrections file cannot be used, in this language.
    pub fn corrections(self) -> &'static CorrectionStrings {
        match self {
            Lang::En => &en::CORRECTIONS,
            Lang::Ru => &ru::CORRECTIONS,
            Lang::Kk => &kk::CORRECTIONS,
        }
    }

    /// Why the corrections cannot be used, in this language (a correction refused on the command line is said
    /// in English, as the checks of the file word it).
    pub fn corrections_error(self, error: &CorrectionsError) -> String {
        let words = self.corrections();
        let file = |path: &std::path::Path| path.display().to_string();
        match error {
            CorrectionsError::InResults { path, folder } => fill(
                words.in_results,
                &[("file", &file(path)), ("folder", &file(folder))],
            ),
            CorrectionsError::RoomFile { path } => fill(words.room_file, &[("file", &file(path))]),
            CorrectionsError::Unreadable { path, source } => fill(
                words.unreadable,
                &[("file", &file(path)), ("error", &source.to_string())],
            ),
            CorrectionsError::Invalid { findings } => {
                fill(words.invalid, &[("findings", &findings.join("\n"))])
            }
            CorrectionsError::Unwritable { path, source } => fill(
                words.unwritable,
                &[("file", &file(path)), ("error", &source.to_string())],
            ),
            CorrectionsError::NameWithoutGroup { name } => {
                fill(words.name_without_group, &[("name", name)])
            }
            CorrectionsError::AlreadyVoided { attempt } => {
                fill(words.already_voided, &[("attempt", attempt)])
            }
            CorrectionsError::Refused { message, hint } => format!("{message}; {hint}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::i18n::{assert_translated, every_string};

    /// Every template of `strings`, field by field (a field left out here does not compile).
    fn templates(strings: &CorrectionStrings) -> Vec<&'static str> {
        every_string!(
            strings,
            CorrectionStrings {
                in_results,
                room_file,
                unreadable,
                invalid,
                unwritable,
                name_without_group,
                already_voided,
                no_folder
            }
        )
    }

    #[test]
    fn every_language_has_every_template_with_the_same_placeholders() {
        let english = templates(Lang::En.corrections());
        for lang in [Lang::Ru, Lang::Kk] {
            assert_translated(lang, &templates(lang.corrections()), &english);
        }
    }

    #[test]
    fn every_error_names_its_file_in_every_language_with_nothing_left_unfilled() {
        let file = PathBuf::from("corrections.ron");
        let denied = || std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let errors = [
            CorrectionsError::InResults {
                path: file.clone(),
                folder: PathBuf::from("results"),
            },
            CorrectionsError::RoomFile { path: file.clone() },
            CorrectionsError::Unreadable {
                path: file.clone(),
                source: denied(),
            },
            CorrectionsError::Invalid {
                findings: vec!["corrections.ron:3:1: a merge has no reason".to_owned()],
            },
            CorrectionsError::Unwritable {
                path: file,
                source: denied(),
            },
            CorrectionsError::NameWithoutGroup {
                name: "corrections.ron".to_owned(),
            },
            CorrectionsError::AlreadyVoided {
                attempt: "corrections.ron".to_owned(),
            },
        ];
        for lang in Lang::ALL {
            for error in &errors {
                let said = lang.corrections_error(error);
                assert!(said.contains("corrections.ron"), "{lang:?}: {said}");
                assert!(
                    !said.contains('{') && !said.contains('}'),
                    "{lang:?}: {said}"
                );
            }
        }
        assert_eq!(
            errors[0].to_string(),
            Lang::En.corrections_error(&errors[0])
        );
    }
}
