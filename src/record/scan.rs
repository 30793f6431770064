//! Reading records back: one file at a time, damaged and foreign files reported by name, duplicates once.

use std::collections::{HashMap, VecDeque};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Deserialize;

use super::attempt_id::AttemptId;
use super::compact;
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

impl Problem {
    /// A second copy of an attempt already read from `first`.
    pub fn duplicate(path: PathBuf, first: &Path) -> Self {
        Self {
            message: format!("a copy of {}; counted once", first.display()),
            path,
        }
    }
}

/// One step of a scan; `T` is what each record was turned into where it was read (by default, the whole
/// record).
#[derive(Debug)]
pub enum Entry<T = Box<Loaded>> {
    /// A readable record.
    Record(T),
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

impl<T> Entry<T> {
    /// The same entry with its record turned into something else.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Entry<U> {
        match self {
            Entry::Record(record) => Entry::Record(f(record)),
            Entry::Problem(problem) => Entry::Problem(problem),
            Entry::Duplicate { path, first } => Entry::Duplicate { path, first },
        }
    }
}

/// What became of one listed file: its attempt id and what the caller keeps of it, or why it was skipped.
type Outcome<T> = Result<(AttemptId, T), Problem>;

/// Turns one file's bytes into the attempt id and what the caller keeps of it, or says why it cannot.
type Read<'r, T> = dyn Fn(&Path, &[u8]) -> Result<(AttemptId, T), String> + Sync + 'r;

/// Reads the records under some folders lazily, a batch at a time parsed on every core: only one batch of
/// records is in memory at once, whatever the number of files.
pub struct Scan<'r, T = Box<Loaded>> {
    pending: std::vec::IntoIter<Result<PathBuf, Problem>>,
    ready: VecDeque<Entry<T>>,
    seen: HashMap<AttemptId, PathBuf>,
    read: Box<Read<'r, T>>,
}

/// How many files are parsed together.
const BATCH: usize = 512;

/// Scans `folders` (results folders holding session folders, or session folders themselves); with `session`,
/// only that session's folder inside each.
pub fn scan(
    folders: &[PathBuf],
    session: Option<&str>,
    key: Option<IntegrityKey>,
) -> Scan<'static> {
    scan_with(folders, session, whole_records(key))
}

/// Scans like [`scan`], but turns each record into what the caller keeps of it with `read`, on the thread that
/// parsed it, so whole records never pile up.
pub fn scan_with<'r, T: Send>(
    folders: &[PathBuf],
    session: Option<&str>,
    read: impl Fn(&Path, &[u8]) -> Result<(AttemptId, T), String> + Sync + 'r,
) -> Scan<'r, T> {
    let mut pending = Vec::new();
    for folder in folders {
        let root = match session {
            Some(session) => folder.join(safe_segment(session)),
            None => folder.clone(),
        };
        list(&root, if session.is_some() { 0 } else { 1 }, &mut pending);
    }
    Scan::new(pending, Box::new(read))
}

/// Scans one session folder.
pub fn scan_folder(folder: &Path, key: Option<IntegrityKey>) -> Scan<'static> {
    let mut pending = Vec::new();
    if folder.is_dir() {
        list(folder, 0, &mut pending);
    }
    Scan::new(pending, Box::new(whole_records(key)))
}

fn whole_records(
    key: Option<IntegrityKey>,
) -> impl Fn(&Path, &[u8]) -> Result<(AttemptId, Box<Loaded>), String> + Sync {
    move |path, bytes| {
        load(path, bytes, key.as_ref())
            .map(|loaded| (loaded.record.attempt.clone(), Box::new(loaded)))
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

impl<'r, T: Send> Scan<'r, T> {
    fn new(pending: Vec<Result<PathBuf, Problem>>, read: Box<Read<'r, T>>) -> Self {
        Self {
            pending: pending.into_iter(),
            ready: VecDeque::new(),
            seen: HashMap::new(),
            read,
        }
    }

    /// Reads the next batch of files on every core and queues their entries in file order.
    fn fill(&mut self) {
        let batch: Vec<Result<PathBuf, Problem>> = self.pending.by_ref().take(BATCH).collect();
        let workers = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 4)
            .min(batch.len());
        let next = AtomicUsize::new(0);
        let read = &*self.read;
        let work = || {
            let mut done = Vec::new();
            loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = batch.get(index) else {
                    return done;
                };
                done.push((index, read_item(item, read)));
            }
        };
        // Readers run on their own threads even alone, so that one that panics (a bug) costs only its files,
        // which are then reported, never dropped.
        let mut parsed: Vec<(usize, Outcome<T>)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..workers).map(|_| scope.spawn(work)).collect();
            handles
                .into_iter()
                .flat_map(|handle| handle.join().unwrap_or_default())
                .collect()
        });
        parsed.sort_unstable_by_key(|(index, _)| *index);
        let mut parsed = parsed.into_iter().peekable();
        for (index, listed) in batch.iter().enumerate() {
            let path = listed
                .as_ref()
                .map_or_else(|p| p.path.clone(), Clone::clone);
            let item = match parsed.next_if(|(at, _)| *at == index) {
                Some((_, item)) => item,
                None => Err(Problem {
                    path: path.clone(),
                    message:
                        "reading the file failed unexpectedly; run the command again, and report \
                              it if it happens again"
                            .to_owned(),
                }),
            };
            let entry = match item {
                Err(problem) => Entry::Problem(problem),
                Ok((attempt, record)) => match self.seen.get(&attempt) {
                    Some(first) => Entry::Duplicate {
                        path,
                        first: first.clone(),
                    },
                    None => {
                        self.seen.insert(attempt, path);
                        Entry::Record(record)
                    }
                },
            };
            self.ready.push_back(entry);
        }
    }
}

/// Reads and parses one listed file (or passes on the problem of listing it).
fn read_item<T>(item: &Result<PathBuf, Problem>, read: &Read<'_, T>) -> Outcome<T> {
    let path = item.as_ref().map_err(Clone::clone)?;
    let loaded = match read_file(path) {
        Ok(bytes) => read(path, &bytes),
        Err(error) => Err(format!("the file could not be read: {error}")),
    };
    loaded.map_err(|message| Problem {
        path: path.clone(),
        message,
    })
}

impl<T: Send> Iterator for Scan<'_, T> {
    type Item = Entry<T>;

    fn next(&mut self) -> Option<Entry<T>> {
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
    let (body, integrity) = open(record_text(bytes)?, key);
    load_body(path, body, integrity)
}

/// A record file's bytes as text, or why they cannot be a record.
pub(crate) fn record_text(bytes: &[u8]) -> Result<&str, String> {
    if bytes.is_empty() {
        return Err("empty file: a write was interrupted before anything was saved".to_owned());
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err("the file is far too large to be an attempt record".to_owned());
    }
    std::str::from_utf8(bytes)
        .map_err(|_| "not a Vigil attempt record: the file is not UTF-8 text".to_owned())
}

/// Reads a record from its `body` (the text without its seal line), or says in words why it cannot be used.
pub(crate) fn load_body(path: &Path, body: &str, integrity: Integrity) -> Result<Loaded, String> {
    let options = ron_options();
    let parsed = compact::from_str::<AttemptRecord>(body)
        .map_or_else(|| options.from_str::<AttemptRecord>(body), Ok);
    match parsed {
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
