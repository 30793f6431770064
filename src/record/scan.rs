//! Reading records back: one file at a time, damaged and foreign files reported by name, copies once, and
//! different files of one attempt settled as a conflict.

use std::collections::{HashMap, VecDeque};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use serde::Deserialize;

use super::check::{Scrutiny, record_scores};
use super::compact;
use super::conflict::{Candidate, Standing, settle};
use super::integrity::{Integrity, IntegrityKey, open};
use super::listing::{list, read_regular};
use super::model::{AttemptRecord, RECORD_FORMAT};
pub use super::problem::{Problem, Reason};
use super::store::safe_segment;
use crate::parallel::map_in_order;
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

/// One step of a scan; `T` is what each record was turned into where it was read (by default, the whole
/// record).
#[derive(Debug)]
pub enum Entry<T = Box<Loaded>> {
    /// A readable record.
    Record(T),
    /// A file that was skipped.
    Problem(Problem),
    /// A byte-identical copy of an attempt's kept file (counted once).
    Duplicate {
        /// The copy.
        path: PathBuf,
        /// The file kept.
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

/// What became of one listed file: the file read, or why it was skipped.
pub(crate) type Outcome<T> = Result<Candidate<T>, Problem>;

/// Turns one file's bytes into its standing (its attempt id first) and what the caller keeps of it, or says
/// why it cannot.
pub(crate) type Read<'r, T> = dyn Fn(&Path, &[u8]) -> Result<(Standing, T), Reason> + Sync + 'r;

/// Reads the records under some folders, parsed on every core, and keeps of each only what the caller makes of
/// it; the files of an attempt are settled against each other once all are read, so that which one counts never
/// depends on the order of the folders.
pub struct Scan<'r, T = Box<Loaded>> {
    pending: Vec<Result<PathBuf, Problem>>,
    /// What became of each file read, in file order, until the files are settled.
    outcomes: Vec<Outcome<T>>,
    /// See [`ProblemHashes`]; until the files are settled.
    problem_hashes: ProblemHashes,
    ready: VecDeque<Entry<(PathBuf, T)>>,
    stage: Stage,
    read: Box<Read<'r, T>>,
}

/// The hash of each file read that became a problem, by its path: `None` when its bytes could not be read.
pub(crate) type ProblemHashes = HashMap<PathBuf, Option<blake3::Hash>>;

/// How far a scan has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// The files are listed, none read.
    Listed,
    /// Every file is read; none settled.
    Read,
    /// The files of each attempt are settled; entries are being taken.
    Settled,
}

/// The fewest files read at once, however few the cores: on a network share a reader mostly waits for the
/// server, so more readers in flight finish sooner (10,000 records over SSHFS: 3.5 s with 2 readers, 2.1 s with 8),
/// and on a local disk the extra readers cost next to nothing.
const MIN_READERS: usize = 8;

/// The most files read at once, however many the cores.
const MAX_READERS: usize = 16;

/// How many files are read (or examined) at once: one per core, at least [`MIN_READERS`], at most
/// [`MAX_READERS`].
pub(crate) fn readers() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(MIN_READERS, MAX_READERS)
}

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
/// parsed it, so whole records never pile up; `read` gives the record's [`Standing`] (or just its attempt id)
/// with it.
pub fn scan_with<'r, S: Into<Standing>, T: Send>(
    folders: &[PathBuf],
    session: Option<&str>,
    read: impl Fn(&Path, &[u8]) -> Result<(S, T), Reason> + Sync + 'r,
) -> Scan<'r, T> {
    Scan::new(
        list_folders(folders, session),
        Box::new(move |path, bytes| {
            read(path, bytes).map(|(standing, value)| (standing.into(), value))
        }),
    )
}

/// The record files under `folders` as a scan lists them, with the problems of listing them.
pub(crate) fn list_folders(
    folders: &[PathBuf],
    session: Option<&str>,
) -> Vec<Result<PathBuf, Problem>> {
    let mut listed = Vec::new();
    for folder in folders {
        let root = match session {
            Some(session) => folder.join(safe_segment(session)),
            None => folder.clone(),
        };
        list(&root, if session.is_some() { 0 } else { 1 }, &mut listed);
    }
    listed
}

/// Reads `listed` files as a scan does, on every core, and gives what became of each in
/// order, unsettled, with the hashes of the files read that became problems (see [`Scan::hashes`]): for a
/// caller that keeps files across scans and settles them together.
pub(crate) fn read_unsettled<T: Send>(
    listed: Vec<Result<PathBuf, Problem>>,
    read: &Read<'_, T>,
) -> (Vec<Outcome<T>>, ProblemHashes) {
    Scan::new(listed, Box::new(read)).read_every()
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
) -> impl Fn(&Path, &[u8]) -> Result<(Standing, Box<Loaded>), Reason> + Sync {
    move |path, bytes| {
        load(path, bytes, key.as_ref()).map(|loaded| {
            let record = &loaded.record;
            let standing = Standing::new(
                record.attempt.clone(),
                loaded.integrity,
                record.status,
                record.updated,
                record.answered(),
            );
            (standing, Box::new(loaded))
        })
    }
}

impl<'r, T: Send> Scan<'r, T> {
    fn new(pending: Vec<Result<PathBuf, Problem>>, read: Box<Read<'r, T>>) -> Self {
        Self {
            pending,
            outcomes: Vec::new(),
            problem_hashes: HashMap::new(),
            ready: VecDeque::new(),
            stage: Stage::Listed,
            read,
        }
    }

    /// Reads every file, if that is not done yet, and gives the BLAKE3 hash of the bytes of every file read (or
    /// `None` for a file listed that could not be read), whether they turned out a record or not: for checking a
    /// seal against the very bytes the scan counts, without reading any file again. Files the listing already
    /// named as problems are not among them, nor is anything once entries are taken.
    pub fn hashes(&mut self) -> impl Iterator<Item = (&Path, Option<blake3::Hash>)> {
        self.read_files();
        let problem_hashes = &self.problem_hashes;
        self.outcomes
            .iter()
            .filter_map(move |outcome| match outcome {
                Ok(candidate) => Some((&*candidate.path, Some(candidate.content))),
                Err(problem) => problem_hashes
                    .get(&problem.path)
                    .map(|hash| (problem.path.as_path(), *hash)),
            })
    }

    /// Reads every file, if that is not done yet.
    fn read_files(&mut self) {
        if self.stage == Stage::Listed {
            (self.outcomes, self.problem_hashes) = self.read_every();
            self.stage = Stage::Read;
        }
    }

    /// Reads every file, if that is not done yet, and queues their entries in file order with the files of each
    /// attempt settled.
    fn settle_files(&mut self) {
        self.read_files();
        if self.stage == Stage::Read {
            self.ready = settle(std::mem::take(&mut self.outcomes)).into();
            self.problem_hashes = HashMap::new();
            self.stage = Stage::Settled;
        }
    }

    /// The entries not yet taken, each record with the path of its file (which the scan's own items leave out).
    pub fn with_paths(mut self) -> std::collections::vec_deque::IntoIter<Entry<(PathBuf, T)>> {
        self.settle_files();
        self.ready.into_iter()
    }

    /// Reads every pending file with several readers (one per core, at least [`MIN_READERS`]) and gives what
    /// became of each in file order, with the hashes of the files read that became problems (see
    /// [`Scan::hashes`]). The readers are started once for the whole scan and take the next file as they finish
    /// one; a reader that panics on a file (a bug) costs only that file, which is then reported, never dropped.
    fn read_every(&mut self) -> (Vec<Outcome<T>>, ProblemHashes) {
        let pending = std::mem::take(&mut self.pending);
        let read = &*self.read;
        let problem_hashes = Mutex::new(HashMap::new());
        let outcomes = map_in_order(pending, readers(), |listed| {
            let path = listed?;
            let mut hash = None;
            let outcome =
                std::panic::catch_unwind(AssertUnwindSafe(|| read_item(&path, read, &mut hash)));
            let reason = match outcome {
                Ok(Ok((standing, content, value))) => {
                    return Ok(Candidate {
                        path: path.into_boxed_path(),
                        standing,
                        content,
                        value,
                    });
                }
                Ok(Err(reason)) => reason,
                Err(_) => Reason::Unexpected,
            };
            problem_hashes
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .insert(path.clone(), hash);
            Err(Problem { path, reason })
        });
        let problem_hashes = problem_hashes
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        (outcomes, problem_hashes)
    }
}

/// Reads and parses one listed file: its standing, a hash of its bytes and what the caller keeps of it, or why
/// it cannot be used. The hash goes into `hash` as soon as the bytes are read, whether they parse or not.
fn read_item<T>(
    path: &Path,
    read: &Read<'_, T>,
    hash: &mut Option<blake3::Hash>,
) -> Result<(Standing, blake3::Hash, T), Reason> {
    let bytes = read_regular(path)?;
    let content = *hash.insert(blake3::hash(&bytes));
    let (standing, value) = read(path, &bytes)?;
    Ok((standing, content, value))
}

impl<T: Send> Iterator for Scan<'_, T> {
    type Item = Entry<T>;

    fn next(&mut self) -> Option<Entry<T>> {
        self.settle_files();
        Some(self.ready.pop_front()?.map(|(_, value)| value))
    }
}

#[derive(Deserialize)]
struct Probe {
    format: Option<u32>,
    attempt: Option<ron::Value>,
}

/// Reads one record from its bytes, or says why it cannot be used.
/// Every score is checked as [`record_scores`] does: a record whose scores are impossible is damaged.
pub fn load(path: &Path, bytes: &[u8], key: Option<&IntegrityKey>) -> Result<Loaded, Reason> {
    let (body, integrity) = open(record_text(bytes)?, key);
    load_body(path, body, integrity, Scrutiny::All)
}

/// A record file's bytes as text, or why they cannot be a record.
pub(crate) fn record_text(bytes: &[u8]) -> Result<&str, Reason> {
    if bytes.is_empty() {
        return Err(Reason::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Reason::TooLarge);
    }
    std::str::from_utf8(bytes).map_err(|_| Reason::NotText)
}

/// Reads a record from its `body` (the text without its seal line) and checks its scores with `scrutiny`, or
/// says why it cannot be used.
pub(crate) fn load_body(
    path: &Path,
    body: &str,
    integrity: Integrity,
    scrutiny: Scrutiny,
) -> Result<Loaded, Reason> {
    let options = ron_options();
    let parsed = compact::from_str::<AttemptRecord>(body)
        .map_or_else(|| options.from_str::<AttemptRecord>(body), Ok);
    match parsed {
        Ok(record) if record.format == RECORD_FORMAT => match record_scores(&record, scrutiny) {
            Ok(()) => Ok(Loaded {
                path: path.to_path_buf(),
                record,
                integrity,
            }),
            Err(fault) => Err(Reason::Damaged(fault)),
        },
        Ok(record) if record.format > RECORD_FORMAT => Err(Reason::Newer {
            format: record.format,
        }),
        Ok(record) => Err(Reason::UnknownFormat {
            format: record.format,
        }),
        Err(error) => Err(match options.from_str::<Probe>(body) {
            Ok(Probe {
                format: Some(format),
                ..
            }) if format > RECORD_FORMAT => Reason::Newer { format },
            Ok(Probe {
                attempt: Some(_), ..
            }) => Reason::Unparsable {
                detail: error.to_string(),
            },
            _ if body.trim_start().starts_with("(format:") && !body.trim_end().ends_with(')') => {
                Reason::Truncated {
                    detail: error.to_string(),
                }
            }
            _ => Reason::NotRecord,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::AttemptId;
    use rand::SeedableRng;

    #[test]
    fn a_reader_that_panics_on_one_file_costs_only_that_file() {
        let folder = tempfile::tempdir().unwrap();
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        let mut ids = Vec::new();
        for n in 0..1200 {
            let id = AttemptId::new(jiff::Timestamp::UNIX_EPOCH, &mut rng);
            let content = if n == 700 { "boom" } else { "fine" };
            std::fs::write(folder.path().join(format!("{n:04}.ron")), content).unwrap();
            ids.push(id);
        }
        let entries: Vec<Entry<usize>> = scan_with(&[folder.path().to_path_buf()], None, {
            let ids = ids.clone();
            move |path, bytes| {
                assert!(bytes != b"boom", "a reader's bug");
                let n: usize = path.file_stem().unwrap().to_str().unwrap().parse().unwrap();
                Ok((ids[n].clone(), n))
            }
        })
        .collect();
        let read: Vec<usize> = entries
            .iter()
            .filter_map(|entry| match entry {
                Entry::Record(n) => Some(*n),
                _ => None,
            })
            .collect();
        assert_eq!(read, (0..1200).filter(|n| *n != 700).collect::<Vec<_>>());
        let problems: Vec<&Problem> = entries
            .iter()
            .filter_map(|entry| match entry {
                Entry::Problem(problem) => Some(problem),
                _ => None,
            })
            .collect();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].path.ends_with("0700.ron"));
        assert_eq!(problems[0].reason, Reason::Unexpected);
    }
}
