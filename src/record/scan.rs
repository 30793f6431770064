//! Reading records back: one file at a time, damaged and foreign files reported by name, duplicates once.

use std::collections::{HashMap, VecDeque};
use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::attempt_id::AttemptId;
use super::integrity::{Integrity, IntegrityKey, open};
use super::model::{AttemptRecord, RECORD_FORMAT};
use super::store::safe_segment;
use super::writer::TEMP_PREFIX;
use crate::quiz::check::read_file;
use crate::quiz::parse::{MAX_FILE_BYTES, ron_options};

/// A record read from disk.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// Its file.
    pub path: PathBuf,
    /// The record.
    pub record: AttemptRecord,
    /// What its integrity line says.
    pub integrity: Integrity,
}

/// A file that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The file or folder.
    pub path: PathBuf,
    /// What is wrong with it.
    pub message: String,
}

/// One step of a scan.
#[derive(Debug)]
pub enum Entry {
    /// A readable record.
    Record(Box<Loaded>),
    /// A file that was skipped.
    Problem(Problem),
    /// A second copy of an attempt already read (counted once).
    Duplicate {
        /// The copy.
        path: PathBuf,
        /// The file read first.
        first: PathBuf,
    },
}

/// Reads the records under some folders lazily, a batch at a time parsed on every core: only one batch of
/// records is in memory at once, whatever the number of files.
pub struct Scan {
    pending: std::vec::IntoIter<Result<PathBuf, Problem>>,
    ready: VecDeque<Entry>,
    seen: HashMap<AttemptId, PathBuf>,
    key: Option<IntegrityKey>,
}

/// How many files are parsed together.
const BATCH: usize = 256;

/// Scans `folders` (results folders holding session folders, or session folders themselves); with `session`,
/// only that session's folder inside each.
pub fn scan(folders: &[PathBuf], session: Option<&str>, key: Option<IntegrityKey>) -> Scan {
    let mut pending = Vec::new();
    for folder in folders {
        let root = match session {
            Some(session) => folder.join(safe_segment(session)),
            None => folder.clone(),
        };
        list(&root, if session.is_some() { 0 } else { 1 }, &mut pending);
    }
    Scan {
        pending: pending.into_iter(),
        ready: VecDeque::new(),
        seen: HashMap::new(),
        key,
    }
}

/// Scans one session folder.
pub fn scan_folder(folder: &Path, key: Option<IntegrityKey>) -> Scan {
    let mut pending = Vec::new();
    if folder.is_dir() {
        list(folder, 0, &mut pending);
    }
    Scan {
        pending: pending.into_iter(),
        ready: VecDeque::new(),
        seen: HashMap::new(),
        key,
    }
}

fn list(folder: &Path, depth: usize, out: &mut Vec<Result<PathBuf, Problem>>) {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) => {
            out.push(Err(Problem {
                path: folder.to_path_buf(),
                message: folder_problem(&error),
            }));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') || name.starts_with(TEMP_PREFIX) {
            continue;
        }
        if path.is_dir() {
            if depth > 0 {
                list(&path, depth - 1, out);
            }
        } else if path.extension().is_some_and(|e| e == "ron") && name != "vigil.ron" {
            out.push(Ok(path));
        }
    }
}

fn folder_problem(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such folder; check the path".to_owned(),
        io::ErrorKind::PermissionDenied => {
            "permission denied; ask for read access to the folder".to_owned()
        }
        _ => format!("the folder could not be read: {error}"),
    }
}

impl Scan {
    /// Parses the next batch of files in parallel and queues their entries in file order.
    fn fill(&mut self) {
        let batch: Vec<Result<PathBuf, Problem>> = self.pending.by_ref().take(BATCH).collect();
        let workers = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(4);
        let chunk = batch.len().div_ceil(workers).max(1);
        let key = self.key.as_ref();
        let parsed: Vec<Result<Loaded, Problem>> = std::thread::scope(|scope| {
            let handles: Vec<_> = batch
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        part.iter()
                            .map(|item| parse_item(item, key))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|handle| handle.join().unwrap_or_default())
                .collect()
        });
        for item in parsed {
            let entry = match item {
                Err(problem) => Entry::Problem(problem),
                Ok(loaded) => match self.seen.get(&loaded.record.attempt) {
                    Some(first) => Entry::Duplicate {
                        path: loaded.path,
                        first: first.clone(),
                    },
                    None => {
                        self.seen
                            .insert(loaded.record.attempt.clone(), loaded.path.clone());
                        Entry::Record(Box::new(loaded))
                    }
                },
            };
            self.ready.push_back(entry);
        }
    }
}

/// Reads and parses one listed file (or passes on the problem of listing it).
fn parse_item(
    item: &Result<PathBuf, Problem>,
    key: Option<&IntegrityKey>,
) -> Result<Loaded, Problem> {
    let path = item.as_ref().map_err(Clone::clone)?;
    let loaded = match read_file(path) {
        Ok(bytes) => load(path, &bytes, key),
        Err(error) => Err(format!("the file could not be read: {error}")),
    };
    loaded.map_err(|message| Problem {
        path: path.clone(),
        message,
    })
}

impl Iterator for Scan {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        if self.ready.is_empty() {
            self.fill();
        }
        self.ready.pop_front()
    }
}

#[derive(Deserialize)]
struct Probe {
    format: Option<u32>,
    attempt: Option<ron::Value>,
}

/// Reads one record from its bytes, or says in words why it cannot be used.
pub fn load(path: &Path, bytes: &[u8], key: Option<&IntegrityKey>) -> Result<Loaded, String> {
    if bytes.is_empty() {
        return Err("empty file: a write was interrupted before anything was saved".to_owned());
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err("the file is far too large to be an attempt record".to_owned());
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| "not a Vigil attempt record: the file is not UTF-8 text".to_owned())?;
    let (body, integrity) = open(text, key);
    let options = ron_options();
    match options.from_str::<AttemptRecord>(body) {
        Ok(record) if record.format == RECORD_FORMAT => Ok(Loaded {
            path: path.to_path_buf(),
            record,
            integrity,
        }),
        Ok(record) => Err(format!("unknown record format {}", record.format)),
        Err(error) => Err(match options.from_str::<Probe>(body) {
            Ok(Probe {
                format: Some(format),
                ..
            }) if format > RECORD_FORMAT => format!(
                "written by a newer Vigil (record format {format}); update Vigil to read it"
            ),
            Ok(Probe {
                attempt: Some(_), ..
            }) => format!("damaged record: {error}"),
            _ if body.trim_start().starts_with("(format:") && !body.trim_end().ends_with(')') => {
                format!("truncated record: {error}")
            }
            _ => "not a Vigil attempt record".to_owned(),
        }),
    }
}
