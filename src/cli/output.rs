//! Where a command may write: never onto a file it reads, nor into a results folder it reads.

use std::fs;
use std::path::{Path, PathBuf};

use crate::i18n::Lang;

/// Why an output path was refused; worded in the trainer's language by [`Lang::output_clash`], in English by
/// `Display`.
#[derive(Debug, PartialEq, Eq)]
pub enum OutputClash {
    /// The output is one of the files read.
    ReadFile {
        /// The output as given.
        output: PathBuf,
    },
    /// The output lies inside a results folder being read.
    InResults {
        /// The output as given.
        output: PathBuf,
        /// The results folder, as given.
        folder: PathBuf,
    },
}

impl std::fmt::Display for OutputClash {
    /// In English: [`Lang::output_clash`] says it in another language.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Lang::En.output_clash(self))
    }
}

impl std::error::Error for OutputClash {}

/// `path` made absolute with links resolved, also when it does not exist yet: its folder is resolved and its
/// name kept. `None` when not even its folder exists.
pub fn resolve(path: &Path) -> Option<PathBuf> {
    if let Ok(resolved) = fs::canonicalize(path) {
        return Some(resolved);
    }
    let name = path.file_name()?;
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    Some(fs::canonicalize(folder).ok()?.join(name))
}

/// Whether `a` and `b` are the same existing file (the same inode, so hard links count too).
#[cfg(unix)]
fn same_inode(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_inode(_: &Path, _: &Path) -> bool {
    false
}

/// Refuses `output` when it is one of `files` or lies inside one of `folders`.
pub fn refuse_clash(
    output: &Path,
    files: &[PathBuf],
    folders: &[PathBuf],
) -> Result<(), OutputClash> {
    let Some(target) = resolve(output) else {
        return Ok(());
    };
    let read =
        |file: &PathBuf| resolve(file).is_some_and(|f| f == target) || same_inode(file, output);
    if files.iter().any(read) {
        return Err(OutputClash::ReadFile {
            output: output.to_path_buf(),
        });
    }
    for folder in folders {
        if fs::canonicalize(folder).is_ok_and(|folder| target.starts_with(folder)) {
            return Err(OutputClash::InResults {
                output: output.to_path_buf(),
                folder: folder.clone(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_output_that_names_an_input_another_way_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("bank.gift");
        std::fs::write(&input, "x").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let roundabout = dir.path().join("sub").join("..").join("bank.gift");
        assert!(matches!(
            refuse_clash(&roundabout, std::slice::from_ref(&input), &[]),
            Err(OutputClash::ReadFile { .. })
        ));
        let fresh = dir.path().join("bank.ron");
        assert_eq!(refuse_clash(&fresh, &[input], &[]), Ok(()));
    }

    #[cfg(unix)]
    #[test]
    fn a_hard_link_to_an_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("bank.gift");
        std::fs::write(&input, "x").unwrap();
        let link = dir.path().join("other.gift");
        std::fs::hard_link(&input, &link).unwrap();
        assert!(refuse_clash(&link, &[input], &[]).is_err());
    }

    #[test]
    fn an_output_inside_a_results_folder_is_refused_even_before_it_exists() {
        let dir = tempfile::tempdir().unwrap();
        let results = dir.path().join("results");
        std::fs::create_dir_all(results.join("almaty")).unwrap();
        let inside = results.join("almaty").join("report.html");
        assert!(matches!(
            refuse_clash(&inside, &[], std::slice::from_ref(&results)),
            Err(OutputClash::InResults { .. })
        ));
        let beside = dir.path().join("report.html");
        assert_eq!(refuse_clash(&beside, &[], &[results]), Ok(()));
    }
}
