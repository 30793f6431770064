//! The presence files the dashboard has read: each file's stamp with what was made of it, so that a refresh
//! reads again only the files that are new or changed (the running apps renew theirs about every ten seconds),
//! and forgets the files that are gone. Damaged files are passed over; their text is never trusted.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::cache::Stamp;
use crate::record::presence::{self, Presence};

/// The presence files read so far, by path, with the stamp each had when it was read.
#[derive(Debug, Default)]
pub(crate) struct PresenceCache {
    files: HashMap<PathBuf, (Stamp, Option<Presence>)>,
}

impl PresenceCache {
    /// Brings the cache up to date with the presence files of `session_folders`, reading with `read` only the
    /// files that are new or whose stamp (taken with `stamp`) changed; gives every presence that could be read.
    pub(crate) fn refresh(
        &mut self,
        session_folders: &[PathBuf],
        stamp: &dyn Fn(&Path) -> Option<Stamp>,
        read: &dyn Fn(&Path) -> Option<Presence>,
    ) -> Vec<Presence> {
        let mut found = HashMap::new();
        let mut unstamped = Vec::new();
        for path in session_folders
            .iter()
            .flat_map(|folder| presence::files(folder))
        {
            let Some(stamped) = stamp(&path) else {
                unstamped.extend(read(&path));
                continue;
            };
            let presence = match self.files.remove(&path) {
                Some((known, presence)) if known == stamped => presence,
                _ => read(&path),
            };
            found.insert(path, (stamped, presence));
        }
        self.files = found;
        let mut presences: Vec<Presence> = self
            .files
            .values()
            .filter_map(|(_, presence)| presence.clone())
            .chain(unstamped)
            .collect();
        presences.sort_by(|a, b| a.writer.cmp(&b.writer));
        presences
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::record::presence::tests::presence;
    use crate::record::presence::{PRESENCE_FOLDER, encode};

    #[test]
    fn only_new_and_changed_presence_files_are_read_and_damaged_ones_are_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s");
        let folder = session.join(PRESENCE_FOLDER);
        std::fs::create_dir_all(&folder).unwrap();
        let write = |writer: &str, beat| {
            std::fs::write(
                folder.join(format!("{writer}.ron")),
                encode(&presence(writer, beat, None)).unwrap(),
            )
            .unwrap();
        };
        write("a", 1);
        write("b", 1);
        std::fs::write(folder.join("c.ron"), "(writer: \"\u{1b}[2J").unwrap();
        let reads = Cell::new(0);
        let read = |path: &Path| {
            reads.set(reads.get() + 1);
            presence::read(path)
        };
        let mut cache = PresenceCache::default();
        let folders = [session.clone()];
        let writers = |found: Vec<Presence>| -> Vec<(String, u64)> {
            found.into_iter().map(|p| (p.writer, p.beat)).collect()
        };
        let first = cache.refresh(&folders, &Stamp::of, &read);
        assert_eq!(writers(first), [("a".to_owned(), 1), ("b".to_owned(), 1)]);
        assert_eq!(reads.replace(0), 3);

        let again = cache.refresh(&folders, &Stamp::of, &read);
        assert_eq!(again.len(), 2);
        assert_eq!(reads.replace(0), 0, "nothing changed: nothing is read");

        write("b", 12);
        std::fs::remove_file(folder.join("a.ron")).unwrap();
        let changed = cache.refresh(&folders, &Stamp::of, &read);
        assert_eq!(writers(changed), [("b".to_owned(), 12)]);
        assert_eq!(reads.replace(0), 1, "only the renewed file is read");
    }
}
