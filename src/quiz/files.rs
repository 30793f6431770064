//! Finding and reading quiz files: only regular files are read, links to folders are never followed, and
//! named pipes, devices and sockets are named as problems instead of being opened.

use std::fmt;
use std::fs::{self, File, FileType};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::check::Input;
use super::diagnostic::{Diagnostic, Severity};
use super::parse::MAX_FILE_BYTES;

/// How deep folders are searched; deeper nesting is reported instead of followed.
pub const MAX_FOLDER_DEPTH: usize = 32;

/// What a path is when it is not a regular file or a folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecialKind {
    /// A named pipe: reading it waits for a writer that may never come.
    Fifo,
    /// A character or block device.
    Device,
    /// A Unix socket.
    Socket,
    /// A link to a folder, which a search does not follow (it may lead back to where it started).
    FolderLink,
    /// A link whose target does not exist.
    BrokenLink,
    /// Anything else that is neither a file nor a folder.
    Other,
}

impl fmt::Display for SpecialKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Fifo => "a named pipe (FIFO)",
            Self::Device => "a device",
            Self::Socket => "a socket",
            Self::FolderLink => "a link to a folder",
            Self::BrokenLink => "a link to something that does not exist",
            Self::Other => "a special file",
        })
    }
}

/// The error inside an [`io::Error`] when a path is not a regular file.
#[derive(Debug, thiserror::Error)]
#[error("this is {kind}, not a regular file")]
pub struct NotRegular {
    /// What the path is.
    pub kind: SpecialKind,
}

impl NotRegular {
    /// An [`io::Error`] carrying `kind`.
    pub fn error(kind: SpecialKind) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidInput, NotRegular { kind })
    }
}

/// What `file_type` is when it is neither a regular file, a folder nor a link.
#[cfg_attr(not(unix), allow(unused_variables))]
pub fn special_kind(file_type: FileType) -> SpecialKind {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return SpecialKind::Fifo;
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return SpecialKind::Device;
        }
        if file_type.is_socket() {
            return SpecialKind::Socket;
        }
    }
    SpecialKind::Other
}

/// Opens `path` for reading without waiting on a named pipe (non-blocking where the platform allows).
fn open_without_waiting(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Reads the regular file `path`, refusing to read more than [`MAX_FILE_BYTES`] plus one byte.
///
/// A folder gives [`io::ErrorKind::IsADirectory`]; a named pipe, device or socket gives a [`NotRegular`]
/// error without waiting for anything to be written to it.
pub fn read_file(path: &Path) -> io::Result<Vec<u8>> {
    let file = open_without_waiting(path)?;
    let file_type = file.metadata()?.file_type();
    if file_type.is_dir() {
        return Err(io::ErrorKind::IsADirectory.into());
    }
    if !file_type.is_file() {
        return Err(NotRegular::error(special_kind(file_type)));
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The finding for a file that could not be read.
pub fn unreadable(name: &str, error: &io::Error) -> Diagnostic {
    if let Some(special) = error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<NotRegular>())
    {
        return not_regular(name, special.kind);
    }
    let (message, hint) = match error.kind() {
        io::ErrorKind::NotFound => (
            "no such file or folder".to_owned(),
            "check the spelling of the path",
        ),
        io::ErrorKind::PermissionDenied => (
            "permission denied while reading the file".to_owned(),
            "ask the owner of the file to let you read it, or copy it somewhere you can",
        ),
        io::ErrorKind::IsADirectory => (
            "this is a folder, not a file".to_owned(),
            "give the path of a .ron file inside it",
        ),
        _ => (
            format!("the file could not be read: {error}"),
            "check that the file is on a working disk and try again",
        ),
    };
    Diagnostic::file(Severity::Error, name, message).with_hint(hint)
}

/// The finding for a path that is not a regular file and is therefore not read.
pub fn not_regular(name: &str, kind: SpecialKind) -> Diagnostic {
    let hint = match kind {
        SpecialKind::FolderLink => {
            "Vigil does not follow links to folders (a link may lead back to where it started): \
             give the folder itself, or remove the link"
        }
        SpecialKind::BrokenLink => "remove the link, or point it at an existing quiz file",
        _ => {
            "Vigil reads only ordinary files: remove this one from the folder, \
             or give the path of an ordinary file"
        }
    };
    Diagnostic::file(
        Severity::Error,
        name,
        format!("this is {kind}, not a regular file; it was not read"),
    )
    .with_hint(hint)
}

/// The files to check under `paths`: files as given, folders searched for `.ron` files (sorted), each read
/// with `read` (injectable so tests can make reading fail).
pub fn gather(paths: &[PathBuf], read: &dyn Fn(&Path) -> io::Result<Vec<u8>>) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        match fs::metadata(path) {
            Err(error) => inputs.push(problem(
                name,
                unreadable(&path.display().to_string(), &error),
            )),
            Ok(meta) if meta.is_dir() => {
                let mut search = Search::default();
                search.folder(path, 0);
                search.files.sort();
                inputs.extend(search.problems);
                inputs.extend(search.files.iter().map(|file| read_input(file, read)));
            }
            Ok(meta) if meta.is_file() => inputs.push(read_input(path, read)),
            Ok(meta) => inputs.push(problem(
                name.clone(),
                not_regular(&name, special_kind(meta.file_type())),
            )),
        }
    }
    inputs
}

fn problem(name: String, finding: Diagnostic) -> Input {
    Input {
        name,
        content: Err(finding),
    }
}

fn read_input(path: &Path, read: &dyn Fn(&Path) -> io::Result<Vec<u8>>) -> Input {
    let name = path.display().to_string();
    let content = read(path).map_err(|error| unreadable(&name, &error));
    Input { name, content }
}

fn is_ron(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "ron")
}

/// The `.ron` files found under a folder, and the entries that could not be used.
#[derive(Default)]
struct Search {
    files: Vec<PathBuf>,
    problems: Vec<Input>,
}

impl Search {
    /// Searches `folder`, taking each entry's type from the folder listing itself.
    fn folder(&mut self, folder: &Path, depth: usize) {
        let name = folder.display().to_string();
        if depth > MAX_FOLDER_DEPTH {
            let finding = Diagnostic::file(
                Severity::Error,
                &name,
                format!("folders are nested more than {MAX_FOLDER_DEPTH} deep here; the rest was not searched"),
            )
            .with_hint("keep quiz folders shallow, or give the deeper folder itself");
            self.problems.push(problem(name, finding));
            return;
        }
        let entries = match fs::read_dir(folder) {
            Ok(entries) => entries,
            Err(error) => {
                let finding = unreadable(&name, &error);
                self.problems.push(problem(name, finding));
                return;
            }
        };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            match entry.file_type() {
                Ok(file_type) if file_type.is_dir() => self.folder(&path, depth + 1),
                Ok(file_type) if file_type.is_file() => {
                    if is_ron(&path) {
                        self.files.push(path);
                    }
                }
                Ok(file_type) if file_type.is_symlink() => self.link(path),
                Ok(file_type) => {
                    if is_ron(&path) {
                        self.not_regular(&path, special_kind(file_type));
                    }
                }
                Err(error) => {
                    let name = path.display().to_string();
                    let finding = unreadable(&name, &error);
                    self.problems.push(problem(name, finding));
                }
            }
        }
    }

    /// A link is followed only to a regular `.ron` file; a link to a folder is named, never searched.
    fn link(&mut self, path: PathBuf) {
        match fs::metadata(&path) {
            Ok(target) if target.is_dir() => self.not_regular(&path, SpecialKind::FolderLink),
            Ok(target) if target.is_file() => {
                if is_ron(&path) {
                    self.files.push(path);
                }
            }
            Ok(target) => {
                if is_ron(&path) {
                    self.not_regular(&path, special_kind(target.file_type()));
                }
            }
            Err(_) => {
                if is_ron(&path) {
                    self.not_regular(&path, SpecialKind::BrokenLink);
                }
            }
        }
    }

    fn not_regular(&mut self, path: &Path, kind: SpecialKind) {
        let name = path.display().to_string();
        let finding = not_regular(&name, kind);
        self.problems.push(problem(name, finding));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_read_as_a_file_keeps_its_own_message() {
        let dir = tempfile::tempdir().unwrap();
        let error = read_file(dir.path()).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::IsADirectory);
        assert_eq!(
            unreadable("quizzes", &error).message,
            "this is a folder, not a file"
        );
    }

    #[test]
    fn a_special_file_error_names_what_it_is() {
        let error = NotRegular::error(SpecialKind::Fifo);
        let finding = unreadable("x.ron", &error);
        assert_eq!(
            finding.message,
            "this is a named pipe (FIFO), not a regular file; it was not read"
        );
        assert!(finding.hint.unwrap().contains("only ordinary files"));
    }

    #[test]
    fn folders_nested_too_deep_are_named_not_searched() {
        let dir = tempfile::tempdir().unwrap();
        let mut deep = dir.path().to_path_buf();
        for level in 0..=MAX_FOLDER_DEPTH {
            deep.push(format!("{level}"));
        }
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(deep.join("lost.ron"), "(").unwrap();
        let inputs = gather(&[dir.path().to_path_buf()], &read_file);
        assert_eq!(inputs.len(), 1);
        let finding = inputs[0].content.as_ref().unwrap_err();
        assert!(
            finding
                .message
                .starts_with("folders are nested more than 32 deep"),
            "{finding}"
        );
        assert!(inputs[0].name.ends_with("32"), "{}", inputs[0].name);
    }

    #[test]
    fn a_link_to_a_folder_is_named_and_not_searched() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("one.ron"), "(").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(".", dir.path().join("loop")).unwrap();
        let inputs = gather(&[dir.path().to_path_buf()], &read_file);
        let names: Vec<&str> = inputs.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names.iter().filter(|n| n.ends_with("one.ron")).count(), 1);
        #[cfg(unix)]
        {
            let link = inputs.iter().find(|i| i.name.ends_with("loop")).unwrap();
            let finding = link.content.as_ref().unwrap_err();
            assert!(finding.message.contains("a link to a folder"), "{finding}");
        }
    }
}
