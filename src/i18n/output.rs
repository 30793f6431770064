//! The words of why a command will not or could not write its output (`--out` of `report` and `roster import`,
//! `--delimiter`) and why the pseudonym key cannot be used, in one language.

use super::{Lang, en, fill, kk, ru};
use crate::cli::output::OutputClash;
use crate::cli::pseudonym_key::KeyFileError;

/// Why an output cannot be written. `{file}` is the output or key file, `{folder}` a results folder, `{error}`
/// the system's own words.
#[derive(Debug)]
pub struct OutputStrings {
    /// The output `{file}` is one of the files the command reads.
    pub read_file: &'static str,
    /// The output `{file}` lies inside the results folder `{folder}`.
    pub in_results: &'static str,
    /// The report could not be written to `{file}` (the system's words follow).
    pub not_written: &'static str,
    /// `--delimiter` is not one ASCII character.
    pub delimiter: &'static str,
    /// There is no user config folder to keep the pseudonym key in.
    pub pseudonym_no_folder: &'static str,
    /// The pseudonym key `{file}` lies inside the results folder `{folder}`.
    pub pseudonym_in_results: &'static str,
    /// The pseudonym key `{file}` is the config or the room key.
    pub pseudonym_room_file: &'static str,
    /// The pseudonym key `{file}` cannot be read: `{error}`.
    pub pseudonym_unreadable: &'static str,
    /// The pseudonym key `{file}` holds no key.
    pub pseudonym_malformed: &'static str,
    /// A new pseudonym key `{file}` could not be written: `{error}`.
    pub pseudonym_unwritable: &'static str,
}

impl Lang {
    /// The words of why an output cannot be written, in this language.
    pub fn output(self) -> &'static OutputStrings {
        match self {
            Lang::En => &en::OUTPUT,
            Lang::Ru => &ru::OUTPUT,
            Lang::Kk => &kk::OUTPUT,
        }
    }

    /// Why an output path was refused, in this language.
    pub fn output_clash(self, clash: &OutputClash) -> String {
        let words = self.output();
        match clash {
            OutputClash::ReadFile { output } => {
                fill(words.read_file, &[("file", &output.display().to_string())])
            }
            OutputClash::InResults { output, folder } => fill(
                words.in_results,
                &[
                    ("file", &output.display().to_string()),
                    ("folder", &folder.display().to_string()),
                ],
            ),
        }
    }

    /// Why the pseudonym key cannot be used, in this language.
    pub fn pseudonym_key_error(self, error: &KeyFileError) -> String {
        let words = self.output();
        let file = |path: &std::path::Path| path.display().to_string();
        match error {
            KeyFileError::NoFolder => words.pseudonym_no_folder.to_owned(),
            KeyFileError::InResults { path, folder } => fill(
                words.pseudonym_in_results,
                &[("file", &file(path)), ("folder", &file(folder))],
            ),
            KeyFileError::RoomFile { path } => {
                fill(words.pseudonym_room_file, &[("file", &file(path))])
            }
            KeyFileError::Unreadable { path, error } => fill(
                words.pseudonym_unreadable,
                &[("file", &file(path)), ("error", &error.to_string())],
            ),
            KeyFileError::Malformed { path } => {
                fill(words.pseudonym_malformed, &[("file", &file(path))])
            }
            KeyFileError::Unwritable { path, error } => fill(
                words.pseudonym_unwritable,
                &[("file", &file(path)), ("error", &error.to_string())],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::i18n::{assert_translated, every_string};

    /// Every template of `strings`, field by field (a field left out here does not compile).
    fn templates(strings: &OutputStrings) -> Vec<&'static str> {
        every_string!(
            strings,
            OutputStrings {
                read_file,
                in_results,
                not_written,
                delimiter,
                pseudonym_no_folder,
                pseudonym_in_results,
                pseudonym_room_file,
                pseudonym_unreadable,
                pseudonym_malformed,
                pseudonym_unwritable
            }
        )
    }

    #[test]
    fn every_language_has_every_template_with_the_same_placeholders() {
        let english = templates(Lang::En.output());
        for lang in [Lang::Ru, Lang::Kk] {
            assert_translated(lang, &templates(lang.output()), &english);
        }
    }

    #[test]
    fn every_refusal_names_its_file_in_every_language_with_nothing_left_unfilled() {
        let file = PathBuf::from("out.html");
        let folder = PathBuf::from("results");
        let denied = || std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let clashes = [
            OutputClash::ReadFile {
                output: file.clone(),
            },
            OutputClash::InResults {
                output: file.clone(),
                folder: folder.clone(),
            },
        ];
        let keys = [
            KeyFileError::InResults {
                path: file.clone(),
                folder,
            },
            KeyFileError::RoomFile { path: file.clone() },
            KeyFileError::Unreadable {
                path: file.clone(),
                error: denied(),
            },
            KeyFileError::Malformed { path: file.clone() },
            KeyFileError::Unwritable {
                path: file,
                error: denied(),
            },
        ];
        for lang in Lang::ALL {
            let said = clashes
                .iter()
                .map(|clash| lang.output_clash(clash))
                .chain(keys.iter().map(|error| lang.pseudonym_key_error(error)));
            for said in said {
                assert!(said.contains("out.html"), "{lang:?}: {said}");
                assert!(
                    !said.contains('{') && !said.contains('}'),
                    "{lang:?}: {said}"
                );
            }
            let no_folder = lang.pseudonym_key_error(&KeyFileError::NoFolder);
            assert!(
                no_folder.contains("--pseudonym-key"),
                "{lang:?}: {no_folder}"
            );
        }
        assert_eq!(clashes[1].to_string(), Lang::En.output_clash(&clashes[1]));
        assert_eq!(keys[0].to_string(), Lang::En.pseudonym_key_error(&keys[0]));
    }
}
