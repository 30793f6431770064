//! What the dashboard remembers of the record files it has read: each file's size and modification time with
//! what was made of it, so that a refresh reads again only the files that are new or changed, and forgets the
//! files that are gone.

use foldhash::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::parallel::map_in_order;
use crate::record::conflict::Candidate;
use crate::record::scan::{Outcome, Problem, Read, Reason, read_unsettled, readers};

/// What tells that a file changed without reading it: its size and modification time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    /// The stamp of the file at `path` (through a link), or `None` when it cannot be examined.
    pub(crate) fn of(path: &Path) -> Option<Self> {
        let metadata = std::fs::metadata(path).ok()?;
        Some(Self {
            len: metadata.len(),
            modified: metadata.modified().ok(),
        })
    }
}

/// The record files read so far, by path, with the stamp each had when it was read, and the last listing.
pub(crate) struct FileCache<T> {
    files: HashMap<PathBuf, Remembered<T>>,
    /// Files read at the last refresh whose stamp could not be taken (read again every time), with the hash of
    /// their bytes.
    unstamped: HashMap<PathBuf, (Outcome<T>, Option<blake3::Hash>)>,
    /// The last listing: each file, or the problem of listing it.
    listing: Vec<Result<PathBuf, Problem>>,
    /// How many refreshes there have been.
    refreshes: u64,
}

/// One file as it was read.
struct Remembered<T> {
    stamp: Stamp,
    outcome: Outcome<T>,
    /// The BLAKE3 hash of its bytes as read, whatever became of them; `None` when they could not be read.
    hash: Option<blake3::Hash>,
    /// The last refresh that listed it.
    listed: u64,
}

impl<T> Default for FileCache<T> {
    fn default() -> Self {
        Self {
            files: HashMap::default(),
            unstamped: HashMap::default(),
            listing: Vec::new(),
            refreshes: 0,
        }
    }
}

impl<T: Clone + Send> FileCache<T> {
    /// Brings the cache up to date with `listed`: reads with `read` only the files that are new or whose stamp
    /// (taken with `stamp`) changed, and forgets the files no longer listed. A file whose stamp cannot be taken
    /// is read every time. Says whether anything differs from the previous refresh: a file read, a file gone,
    /// a problem of the listing come or gone.
    pub(crate) fn refresh(
        &mut self,
        listed: Vec<Result<PathBuf, Problem>>,
        stamp: &(dyn Fn(&Path) -> Option<Stamp> + Sync),
        read: &Read<'_, T>,
    ) -> bool {
        self.refreshes += 1;
        let now = self.refreshes;
        let mut stale = Vec::new();
        let mut stamps = Vec::new();
        // Stamped before being read: a file that changes while it is read has a newer stamp next time. Stamped
        // several at once, as files are read: on a network folder each stamp waits for the server.
        let paths: Vec<&PathBuf> = listed.iter().flatten().collect();
        let stamped_all = map_in_order(paths, readers(), |path| stamp(path));
        for (path, stamped) in listed.iter().flatten().zip(stamped_all) {
            match self.files.get_mut(path) {
                Some(file) if stamped == Some(file.stamp) => file.listed = now,
                _ => {
                    stale.push(Ok(path.clone()));
                    stamps.push((path.clone(), stamped));
                }
            }
        }
        let read_any = !stale.is_empty();
        self.unstamped.clear();
        let (outcomes, problem_hashes) = read_unsettled(stale, read);
        for ((path, stamped), outcome) in stamps.into_iter().zip(outcomes) {
            let hash = match &outcome {
                Ok(candidate) => Some(candidate.content),
                Err(_) => problem_hashes.get(&path).copied().flatten(),
            };
            match stamped {
                Some(stamp) => {
                    let file = Remembered {
                        stamp,
                        outcome,
                        hash,
                        listed: now,
                    };
                    self.files.insert(path, file).map(drop)
                }
                None => self.unstamped.insert(path, (outcome, hash)).map(drop),
            };
        }
        let remembered = self.files.len();
        self.files.retain(|_, file| file.listed == now);
        let gone = self.files.len() < remembered;
        let listing_changed = problems(&listed) != problems(&self.listing);
        self.listing = listed;
        read_any || gone || listing_changed
    }

    /// What became of every file of the last listing, in its order, with each problem of the listing.
    pub(crate) fn outcomes(&self) -> Vec<Outcome<T>> {
        self.listing
            .iter()
            .map(|item| match item {
                Err(problem) => Err(problem.clone()),
                Ok(path) => self
                    .files
                    .get(path)
                    .map(|file| &file.outcome)
                    .or_else(|| self.unstamped.get(path).map(|(outcome, _)| outcome))
                    .map_or_else(|| Err(lost(path)), copy),
            })
            .collect()
    }

    /// The hash of the bytes of every file of the last listing, in its order (`None` for a file whose bytes
    /// could not be read), whatever became of them: for checking a seal against the very bytes the figures
    /// count. The listing's own problems are left out, as [`crate::record::scan::Scan::hashes`] leaves them out.
    pub(crate) fn hashes(&self) -> impl Iterator<Item = (&Path, Option<blake3::Hash>)> {
        self.listing.iter().flatten().filter_map(|path| {
            let hash = self
                .files
                .get(path)
                .map(|file| file.hash)
                .or_else(|| self.unstamped.get(path).map(|(_, hash)| *hash))?;
            Some((path.as_path(), hash))
        })
    }
}

/// The problems of a listing.
fn problems(listing: &[Result<PathBuf, Problem>]) -> Vec<&Problem> {
    listing
        .iter()
        .filter_map(|item| item.as_ref().err())
        .collect()
}

/// A copy of a remembered outcome.
fn copy<T: Clone>(outcome: &Outcome<T>) -> Outcome<T> {
    match outcome {
        Ok(file) => Ok(Candidate {
            path: file.path.clone(),
            standing: file.standing.clone(),
            content: file.content,
            value: file.value.clone(),
        }),
        Err(problem) => Err(problem.clone()),
    }
}

/// The problem of a file the reading gave nothing back for.
fn lost(path: &Path) -> Problem {
    Problem {
        path: path.to_path_buf(),
        reason: Reason::UnexpectedUntilChanged,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use jiff::Timestamp;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    use super::*;
    use crate::record::AttemptId;
    use crate::record::conflict::Standing;
    use crate::record::scan::list_folders;

    /// A cache over a temporary results folder whose reader counts the files it reads; each file's value
    /// is its text.
    struct Folder {
        dir: tempfile::TempDir,
        cache: FileCache<String>,
        reads: AtomicUsize,
    }

    impl Folder {
        fn new() -> Self {
            Self {
                dir: tempfile::tempdir().unwrap(),
                cache: FileCache::default(),
                reads: AtomicUsize::new(0),
            }
        }

        fn write(&self, name: &str, text: &str) {
            let session = self.dir.path().join("session");
            std::fs::create_dir_all(&session).unwrap();
            std::fs::write(session.join(name), text).unwrap();
        }

        /// Refreshes; gives the files' texts in order, how many were read, and whether anything changed.
        fn refresh(&mut self) -> (Vec<String>, usize, bool) {
            let reads = &self.reads;
            let read = |_: &Path, bytes: &[u8]| {
                reads.fetch_add(1, Ordering::Relaxed);
                let seed = bytes.iter().map(|b| u64::from(*b)).sum::<u64>() + bytes.len() as u64;
                let attempt =
                    AttemptId::new(Timestamp::UNIX_EPOCH, &mut StdRng::seed_from_u64(seed));
                let text = String::from_utf8_lossy(bytes).into_owned();
                Ok((Standing::from(attempt), text))
            };
            let before = reads.load(Ordering::Relaxed);
            let listed = list_folders(&[self.dir.path().to_path_buf()], None);
            let changed = self.cache.refresh(listed, &Stamp::of, &read);
            let texts = self
                .cache
                .outcomes()
                .into_iter()
                .map(|outcome| outcome.map_or_else(|p| p.message(), |file| file.value))
                .collect();
            (texts, reads.load(Ordering::Relaxed) - before, changed)
        }
    }

    #[test]
    fn a_refresh_reads_only_new_and_changed_files_and_forgets_removed_ones() {
        let mut folder = Folder::new();
        folder.write("a.ron", "first");
        folder.write("b.ron", "second");
        folder.write("c.ron", "third");
        assert_eq!(
            folder.refresh(),
            (
                vec!["first".into(), "second".into(), "third".into()],
                3,
                true
            )
        );
        assert_eq!(
            folder.refresh(),
            (
                vec!["first".into(), "second".into(), "third".into()],
                0,
                false
            ),
            "nothing changed: nothing is read"
        );
        folder.write("b.ron", "second, longer");
        assert_eq!(
            folder.refresh(),
            (
                vec!["first".into(), "second, longer".into(), "third".into()],
                1,
                true
            ),
            "only the changed file is read"
        );
        std::fs::remove_file(folder.dir.path().join("session/a.ron")).unwrap();
        folder.write("d.ron", "fourth");
        assert_eq!(
            folder.refresh(),
            (
                vec!["second, longer".into(), "third".into(), "fourth".into()],
                1,
                true
            ),
            "a removed file disappears, a new one is read"
        );
        std::fs::remove_file(folder.dir.path().join("session/d.ron")).unwrap();
        assert_eq!(
            folder.refresh(),
            (vec!["second, longer".into(), "third".into()], 0, true),
            "a removal alone is a change"
        );
    }

    #[test]
    fn files_whose_stamp_cannot_be_taken_are_read_every_time() {
        let folder = Folder::new();
        folder.write("a.ron", "first");
        let listed = || list_folders(&[folder.dir.path().to_path_buf()], None);
        let read = |_: &Path, bytes: &[u8]| {
            folder.reads.fetch_add(1, Ordering::Relaxed);
            let attempt = AttemptId::new(Timestamp::UNIX_EPOCH, &mut StdRng::seed_from_u64(1));
            Ok((Standing::from(attempt), bytes.len()))
        };
        let mut cache = FileCache::default();
        for _ in 0..2 {
            let before = folder.reads.load(Ordering::Relaxed);
            assert!(cache.refresh(listed(), &|_| None, &read));
            assert_eq!(folder.reads.load(Ordering::Relaxed) - before, 1);
            assert_eq!(cache.outcomes().len(), 1);
        }
    }

    #[test]
    fn a_listing_problem_is_a_change_only_when_it_appears_or_goes() {
        let folder = Folder::new();
        let gone = folder.dir.path().join("gone");
        let listed = |with_problem: bool| {
            let mut folders = vec![folder.dir.path().to_path_buf()];
            if with_problem {
                folders.push(gone.clone());
            }
            list_folders(&folders, None)
        };
        let read =
            |_: &Path, _: &[u8]| -> Result<(Standing, ()), Reason> { Err(Reason::NotRecord) };
        let mut cache = FileCache::default();
        let changes: Vec<bool> = [true, true, false, false]
            .into_iter()
            .map(|with_problem| cache.refresh(listed(with_problem), &Stamp::of, &read))
            .collect();
        assert_eq!(changes, [true, false, true, false]);
    }

    /// The hashes a cache gives are those a scan of the folder takes: every file read, records and problems
    /// alike, as it is now, and none of a listing's own problems.
    #[test]
    fn the_hashes_are_those_of_the_bytes_a_scan_reads_now() {
        let folder = Folder::new();
        folder.write("a.ron", "first");
        folder.write("b.ron", "bad");
        let folders = vec![
            folder.dir.path().to_path_buf(),
            folder.dir.path().join("gone"),
        ];
        let read = |_: &Path, bytes: &[u8]| -> Result<(AttemptId, usize), Reason> {
            if bytes.starts_with(b"bad") {
                return Err(Reason::NotRecord);
            }
            let seed = bytes.len() as u64;
            let attempt = AttemptId::new(Timestamp::UNIX_EPOCH, &mut StdRng::seed_from_u64(seed));
            Ok((attempt, bytes.len()))
        };
        let cached_read = |path: &Path, bytes: &[u8]| {
            read(path, bytes).map(|(attempt, value)| (Standing::from(attempt), value))
        };
        let scanned = || -> Vec<(PathBuf, Option<blake3::Hash>)> {
            let mut scan = crate::record::scan::scan_with(&folders, None, read);
            scan.hashes()
                .map(|(path, hash)| (path.to_path_buf(), hash))
                .collect()
        };
        let mut cache = FileCache::default();
        for change in [
            None,
            Some(("a.ron", "first, edited")),
            Some(("b.ron", "bad, edited")),
        ] {
            if let Some((name, text)) = change {
                folder.write(name, text);
            }
            cache.refresh(list_folders(&folders, None), &Stamp::of, &cached_read);
            let cached: Vec<(PathBuf, Option<blake3::Hash>)> = cache
                .hashes()
                .map(|(path, hash)| (path.to_path_buf(), hash))
                .collect();
            assert_eq!(cached.len(), 2, "{cached:?}");
            assert!(cached.iter().all(|(_, hash)| hash.is_some()));
            assert_eq!(cached, scanned());
        }
    }
}
