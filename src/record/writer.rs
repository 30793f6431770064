//! Writing files atomically (records, reports, imported quizzes): a temporary file in the same folder, flushed
//! to disk, then renamed.

use std::io::{self, Write};
use std::path::Path;

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
    replace_file_with_mode(path, bytes, 0o644)
}

/// Replaces `path` with `bytes` like [`replace_file`], but readable and writable by its owner only on Unix
/// (a secret such as the trainer's signing key); elsewhere the file takes the folder's permissions.
pub fn replace_private_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_file_with_mode(path, bytes, 0o600)
}

/// [`replace_file`] with the permission bits `mode` set on the new file (Unix only).
fn replace_file_with_mode(path: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    let folder = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(folder)?;
    temp.write_all(bytes)?;
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
