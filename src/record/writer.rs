//! Writing files atomically (records, reports, imported quizzes): a temporary file in the same folder, flushed
//! to disk, then renamed; a command stopped in the middle removes its temporary files.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

/// The file operations the record store needs; tests inject failing ones (CI runs as root, so permission bits
/// cannot make a real folder fail).
pub trait RecordWriter: Send + Sync {
    /// Creates `folder` and its parents.
    fn create_dir_all(&self, folder: &Path) -> io::Result<()>;
    /// Replaces `path` with `bytes` so that readers see either the old file or the new one, never a mix.
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()>;
    /// Removes a file.
    fn remove(&self, path: &Path) -> io::Result<()>;
}

/// The real file system.
#[derive(Debug, Default, Clone, Copy)]
pub struct FsWriter;

/// Name prefix of temporary files, which readers skip.
pub const TEMP_PREFIX: &str = ".vigil-tmp-";

/// The temporary files being written at this moment, for [`remove_unfinished`].
static UNFINISHED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A temporary file listed among the [`UNFINISHED`] ones for as long as it lives.
struct Unfinished(PathBuf);

impl Unfinished {
    /// Lists `path` until the guard is dropped.
    fn list(path: &Path) -> Self {
        let mut unfinished = UNFINISHED.lock().unwrap_or_else(PoisonError::into_inner);
        unfinished.push(path.to_path_buf());
        Self(path.to_path_buf())
    }
}

impl Drop for Unfinished {
    fn drop(&mut self) {
        let mut unfinished = UNFINISHED.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(at) = unfinished.iter().position(|path| *path == self.0) {
            unfinished.swap_remove(at);
        }
    }
}

/// Removes every temporary file being written at this moment, for a command stopped in the middle of a write
/// (Ctrl-C), so that nothing named `.vigil-tmp-…` is left beside what it was writing; what it was replacing is
/// untouched.
fn remove_unfinished() {
    remove_unfinished_where(|_| true);
}

/// Removes the temporary files being written at this moment that `wanted` picks.
fn remove_unfinished_where(wanted: impl Fn(&Path) -> bool) {
    let unfinished = UNFINISHED.lock().unwrap_or_else(PoisonError::into_inner);
    for path in unfinished.iter().filter(|path| wanted(path)) {
        let _ = std::fs::remove_file(path);
    }
}

/// Makes Ctrl-C (and, where there are such signals, a request to terminate) end the command with exit code 130
/// once [`remove_unfinished`] has run; for commands that write files, never for the full-screen ones, whose
/// terminal takes Ctrl-C as a key. Says nothing if no handler can be set: Ctrl-C then ends the command as
/// before.
pub fn remove_unfinished_on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        remove_unfinished();
        std::process::exit(130);
    });
}

impl RecordWriter for FsWriter {
    fn create_dir_all(&self, folder: &Path) -> io::Result<()> {
        std::fs::create_dir_all(folder)
    }

    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        replace_file(path, bytes)
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        std::fs::remove_file(path)
    }
}

/// Replaces `path` with `bytes` so that readers see either the old file or the new one, never a mix: a
/// temporary file in the same folder (named so that scans skip it), flushed to disk, readable by others like any
/// new file (a trainer reads what a workstation wrote), renamed over `path`, and the folder flushed.
pub fn replace_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_file_with_mode(path, |sink| sink.write_all(bytes), 0o644)
}

/// Replaces `path` with `bytes` like [`replace_file`], but readable and writable by its owner only on Unix
/// (a secret such as the trainer's signing key); elsewhere the file takes the folder's permissions.
pub fn replace_private_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_file_with_mode(path, |sink| sink.write_all(bytes), 0o600)
}

/// Replaces `path` like [`replace_file`] with what `write` writes, passed on to the temporary file as it is
/// written (a report of thousands of participants is never held whole); if `write` fails, `path` is untouched
/// and the temporary file is removed.
pub fn replace_file_by(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    replace_file_with_mode(path, write, 0o644)
}

/// [`replace_file_by`] with the permission bits `mode` set on the new file (Unix only).
fn replace_file_with_mode(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    mode: u32,
) -> io::Result<()> {
    let folder = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(without_temporary_path)?;
    let _unfinished = Unfinished::list(temp.path());
    let mut buffered = io::BufWriter::with_capacity(64 * 1024, temp);
    write(&mut buffered)?;
    let temp = buffered
        .into_inner()
        .map_err(io::IntoInnerError::into_error)?;
    temp.as_file().sync_all()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = mode;
    temp.persist(path).map_err(|error| error.error)?;
    sync_folder(folder);
    Ok(())
}

/// The system's own error behind `error`, without the name of the temporary file that could not be made
/// (which the person reading the message never asked for); `error` itself when there is none.
fn without_temporary_path(error: io::Error) -> io::Error {
    // `tempfile` adds ` at path "…"` to the system's message, and keeps the system's error to itself.
    let text = error.to_string();
    match text.rsplit_once(" at path ") {
        Some((cause, _)) => io::Error::new(error.kind(), cause.to_owned()),
        None => error,
    }
}

/// Flushes the folder entry of a renamed file, so the rename survives a power cut (Unix only; elsewhere the
/// rename is already durable or cannot be flushed this way).
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = std::fs::File::open(folder) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_replaced_by_a_writer_holds_all_it_wrote() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("report.json");
        std::fs::write(&path, "old").unwrap();
        let line = "x".repeat(1000);
        replace_file_by(&path, |sink| {
            for _ in 0..200 {
                writeln!(sink, "{line}")?;
            }
            Ok(())
        })
        .unwrap();
        let written = std::fs::read_to_string(&path).unwrap();
        assert_eq!(written.len(), 200 * 1001);
        assert!(written.lines().all(|l| l == line));
    }

    /// The temporary files in `folder`.
    fn temporary_files(folder: &Path) -> Vec<PathBuf> {
        std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| {
                path.file_name()
                    .is_some_and(|name| name.to_string_lossy().starts_with(TEMP_PREFIX))
            })
            .collect()
    }

    #[test]
    fn a_write_stopped_midway_leaves_no_temporary_file_and_the_old_one_whole() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("report.json");
        std::fs::write(&path, "old").unwrap();
        let stopped = replace_file_by(&path, |sink| {
            writeln!(sink, "half a report")?;
            sink.flush()?;
            assert_eq!(temporary_files(folder.path()).len(), 1);
            // What Ctrl-C does (see `remove_unfinished_on_interrupt`) before the command ends, to this test's
            // files only: other tests write at the same time.
            remove_unfinished_where(|unfinished| unfinished.starts_with(folder.path()));
            assert_eq!(temporary_files(folder.path()), Vec::<PathBuf>::new());
            Err(io::Error::other("stopped"))
        });
        assert!(stopped.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        replace_file(&path, b"new").unwrap();
        assert!(
            UNFINISHED
                .lock()
                .unwrap()
                .iter()
                .all(|unfinished| !unfinished.starts_with(folder.path())),
            "a finished write is no longer listed"
        );
    }

    #[test]
    fn a_folder_that_cannot_take_the_file_is_explained_without_the_temporary_name() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("missing").join("report.json");
        let error = replace_file_by(&path, |sink| sink.write_all(b"x")).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::NotFound);
        assert!(!error.to_string().contains(TEMP_PREFIX), "{error}");
    }

    #[test]
    fn a_writer_that_fails_leaves_the_old_file_and_no_temporary_file() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("report.json");
        std::fs::write(&path, "old").unwrap();
        let failed = replace_file_by(&path, |sink| {
            sink.write_all(&[b'y'; 100_000])?;
            Err(io::Error::other("the report could not be written"))
        });
        assert_eq!(
            failed.unwrap_err().to_string(),
            "the report could not be written"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        let names: Vec<_> = std::fs::read_dir(folder.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, ["report.json"]);
    }
}
