//! Finding record files in results folders, and opening them, without ever waiting on or wandering into
//! something that is not a regular file: pipes, sockets and devices are named and skipped, links to folders are
//! never followed (so a link loop cannot trap a scan), and a file is checked again once it is open.

use std::fs::{DirEntry, File, FileType, OpenOptions};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::problem::{Problem, Reason};
use super::writer::TEMP_PREFIX;
use crate::quiz::parse::MAX_FILE_BYTES;

/// The file name of a session folder's seal (see [`super::seal`]): in the folder, but not a record.
pub const SEAL_FILE_NAME: &str = "vigil-seal.ron";

/// Lists the record files under `folder`, descending `depth` more levels of folders; every folder that cannot
/// be read and every entry that cannot be a record file but is in the way is pushed as a problem.
pub(crate) fn list(folder: &Path, depth: usize, out: &mut Vec<Result<PathBuf, Problem>>) {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) => {
            out.push(Err(Problem {
                path: folder.to_path_buf(),
                reason: folder_problem(&error),
            }));
            return;
        }
    };
    let mut entries: Vec<DirEntry> = entries.flatten().collect();
    // By name, each computed once: within one folder that is the order of the paths, at a fraction of the cost.
    entries.sort_by_cached_key(DirEntry::file_name);
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name.starts_with(TEMP_PREFIX) {
            continue;
        }
        let is_record_name = path.extension().is_some_and(|e| e == "ron")
            && name != "vigil.ron"
            && name != SEAL_FILE_NAME;
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => {
                if depth > 0 {
                    list(&path, depth - 1, out);
                }
            }
            Ok(kind) if kind.is_file() => {
                if is_record_name {
                    out.push(Ok(path));
                }
            }
            Ok(kind) if kind.is_symlink() => {
                if let Some(listed) = link(path, is_record_name) {
                    out.push(listed);
                }
            }
            Ok(_) => out.push(Err(Problem {
                path,
                reason: Reason::NotRegular,
            })),
            Err(error) => out.push(Err(Problem {
                path,
                reason: Reason::Unexaminable {
                    error: error.to_string(),
                },
            })),
        }
    }
}

/// What a link found in a results folder adds to the listing: a link to a record file is read (once, through
/// the link), a link to a folder is named and never followed, and anything else is named when it is in the way.
fn link(path: PathBuf, is_record_name: bool) -> Option<Result<PathBuf, Problem>> {
    let problem = |reason: Reason| {
        Some(Err(Problem {
            path: path.clone(),
            reason,
        }))
    };
    match std::fs::metadata(&path).map(|m| m.file_type()) {
        Ok(kind) if kind.is_file() => is_record_name.then(|| Ok(path.clone())),
        Ok(kind) if kind.is_dir() => problem(Reason::LinkToFolder),
        Ok(_) => problem(Reason::NotRegular),
        Err(_) if is_record_name => problem(Reason::BrokenLink),
        Err(_) => None,
    }
}

fn folder_problem(error: &io::Error) -> Reason {
    match error.kind() {
        io::ErrorKind::NotFound => Reason::NoFolder,
        io::ErrorKind::PermissionDenied => Reason::FolderDenied,
        _ => Reason::FolderUnreadable {
            error: error.to_string(),
        },
    }
}

/// Opens `path` for reading without waiting for a writer (a pipe opened for reading waits for one), where the
/// platform allows.
fn open_without_waiting(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Reads a listed record file: opened without waiting, refused unless it is (still) a regular file, and at
/// most one byte more than a record may have; says why it cannot be read.
pub fn read_regular(path: &Path) -> Result<Vec<u8>, Reason> {
    let unreadable = |error: io::Error| Reason::Unreadable {
        error: error.to_string(),
    };
    let file = open_without_waiting(path).map_err(unreadable)?;
    let metadata = file.metadata().map_err(unreadable)?;
    let kind: FileType = metadata.file_type();
    if !kind.is_file() {
        return Err(Reason::NotRegular);
    }
    // Sized from the file's length, the whole file comes in one read, and a read that brings as many bytes as
    // the length said ends it: the read that would find the end costs a system call per record. (Records are
    // replaced whole, never grown in place; a file that did grow is read to its end.)
    let expected =
        usize::try_from(metadata.len()).map_or(MAX_FILE_BYTES, |len| len.min(MAX_FILE_BYTES));
    // A file over the limit is read one byte past it, so that it is told apart as too large.
    let within_limit = metadata.len() <= MAX_FILE_BYTES as u64;
    let mut file = file.take(MAX_FILE_BYTES as u64 + 1);
    let mut bytes = vec![0; expected + 1];
    let mut filled = 0;
    while filled < bytes.len() {
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(read) => filled += read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(unreadable(error)),
        }
        if filled == expected && expected > 0 && within_limit {
            break;
        }
    }
    bytes.truncate(filled);
    if filled > expected {
        file.read_to_end(&mut bytes).map_err(unreadable)?;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_whole_whatever_its_size() {
        let folder = tempfile::tempdir().unwrap();
        for size in [0, 1, 4095, 4096, 70_000] {
            let path = folder.path().join(format!("{size}.ron"));
            let content: Vec<u8> = (0..size).map(|i| b'a' + (i % 26) as u8).collect();
            std::fs::write(&path, &content).unwrap();
            assert_eq!(read_regular(&path).unwrap(), content, "{size} bytes");
        }
    }

    #[test]
    fn a_file_larger_than_any_record_is_read_to_one_byte_beyond_the_limit() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("large.ron");
        std::fs::write(&path, vec![b'x'; MAX_FILE_BYTES + 10]).unwrap();
        assert_eq!(read_regular(&path).unwrap().len(), MAX_FILE_BYTES + 1);
    }
}
