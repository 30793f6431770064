//! Records collected from several folders: byte-identical files are copies, counted once; files of one attempt
//! that differ are a conflict, settled the same way whatever the order of the folders.

use vigil::record::scan::{Loaded, Problem};
use vigil::report::{AttemptChoice, Filter, build_from_folders};

use super::*;

/// Two results folders.
struct Collected {
    _dir: tempfile::TempDir,
    first: PathBuf,
    second: PathBuf,
}

impl Collected {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("usb-1");
        let second = dir.path().join("usb-2");
        Self {
            _dir: dir,
            first,
            second,
        }
    }

    /// Scans both folders in both orders; asserts both give the same records and problems, and returns them.
    fn scan_both_orders(&self, key: Option<IntegrityKey>) -> (Vec<Loaded>, Vec<Problem>, usize) {
        let run = |folders: [&PathBuf; 2]| {
            let folders: Vec<PathBuf> = folders.into_iter().cloned().collect();
            let (mut kept, mut problems, mut copies) = (Vec::new(), Vec::new(), 0);
            for entry in scan(&folders, None, key.clone()) {
                match entry {
                    Entry::Record(loaded) => kept.push(*loaded),
                    Entry::Problem(problem) => problems.push(problem),
                    Entry::Duplicate { .. } => copies += 1,
                }
            }
            kept.sort_by(|a, b| a.path.cmp(&b.path));
            problems.sort_by(|a, b| a.path.cmp(&b.path));
            (kept, problems, copies)
        };
        let forward = run([&self.first, &self.second]);
        let backward = run([&self.second, &self.first]);
        let paths = |kept: &[Loaded]| kept.iter().map(|l| l.path.clone()).collect::<Vec<_>>();
        assert_eq!(paths(&forward.0), paths(&backward.0), "the same files kept");
        assert_eq!(forward.1, backward.1, "the same problems");
        assert_eq!(forward.2, backward.2, "the same copies");
        forward
    }

    /// Counted attempts of a report over both folders, in both orders (asserted equal).
    fn counted_both_orders(&self) -> usize {
        let count = |folders: Vec<PathBuf>| {
            build_from_folders(
                &folders,
                None,
                &[],
                &Filter::default(),
                AttemptChoice::All,
                false,
            )
            .attempts
            .len()
        };
        let forward = count(vec![self.first.clone(), self.second.clone()]);
        assert_eq!(
            forward,
            count(vec![self.second.clone(), self.first.clone()])
        );
        forward
    }
}

/// The same attempt, completed and saved a minute after `record`.
fn completed(mut record: AttemptRecord) -> AttemptRecord {
    let later = at("2010-04-29T09:01:00Z");
    record.status = Status::Completed;
    record.updated = later;
    record.ended = Some(later);
    record
}

#[test]
fn a_completed_record_beats_an_older_autosave_in_either_folder_order() {
    let folders = Collected::new();
    let autosave = sample(1, participant("A", "ngo"), "q");
    let older = store(&folders.first, None).create(&autosave).unwrap();
    let newer = store(&folders.second, None)
        .create(&completed(autosave.clone()))
        .unwrap();

    let (kept, problems, copies) = folders.scan_both_orders(None);
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].path, newer);
    assert_eq!(kept[0].record.status, Status::Completed);
    assert_eq!(copies, 0);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, older);
    let message = &problems[0].message();
    assert!(message.contains(&newer.display().to_string()), "{message}");
    assert!(
        message.contains("it is completed and the other is in progress"),
        "{message}"
    );
    assert_eq!(folders.counted_both_orders(), 1);
}

#[test]
fn a_later_save_then_more_answers_decide_between_unfinished_records() {
    let folders = Collected::new();
    let first = sample(1, participant("A", "ngo"), "q");
    let mut later = first.clone();
    later.updated = at("2010-04-29T09:05:00Z");
    let mut more = first.clone();
    more.questions[2].answer = Some(Response::Pairs(vec![]));
    store(&folders.first, None).create(&first).unwrap();
    for (record, why) in [(later, "saved later"), (more, "more answers (3 against 2)")] {
        let kept_path = store(&folders.second, None).create(&record).unwrap();
        let (kept, problems, _) = folders.scan_both_orders(None);
        assert_eq!(kept[0].path, kept_path);
        assert!(
            problems[0].message().contains(why),
            "{}",
            problems[0].message()
        );
        std::fs::remove_file(&kept_path).unwrap();
    }
}

#[test]
fn a_verified_record_is_never_dropped_for_an_unverified_one() {
    let folders = Collected::new();
    let key = IntegrityKey::from_secret(b"a trainer secret of enough bytes").unwrap();
    let genuine = sample(1, participant("A", "ngo"), "q");
    let sealed = store(&folders.first, Some(key.clone()))
        .create(&genuine)
        .unwrap();
    let mut forged = completed(genuine.clone());
    forged.questions[1].points = 3.0;
    forged.retotal();
    let unsealed = store(&folders.second, None).create(&forged).unwrap();

    let (kept, problems, _) = folders.scan_both_orders(Some(key));
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].path, sealed);
    assert_eq!(kept[0].integrity, Integrity::Verified);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, unsealed);
    assert!(
        problems[0].message().contains("its room-key hash verifies"),
        "{}",
        problems[0].message()
    );
    assert!(
        problems[0]
            .message()
            .contains(&sealed.display().to_string())
    );
}

#[test]
fn byte_identical_files_are_one_attempt_counted_once() {
    let folders = Collected::new();
    let record = completed(sample(1, participant("A", "ngo"), "q"));
    store(&folders.first, None).create(&record).unwrap();
    store(&folders.second, None).create(&record).unwrap();
    let (kept, problems, copies) = folders.scan_both_orders(None);
    assert_eq!(kept.len(), 1);
    assert_eq!(copies, 1);
    assert_eq!(problems, []);
    assert_eq!(folders.counted_both_orders(), 1);
}

#[test]
fn records_equally_advanced_are_settled_by_content_not_folder_order() {
    let folders = Collected::new();
    let record = completed(sample(1, participant("A", "ngo"), "q"));
    let mut renamed = record.clone();
    renamed.participant.name = "B".into();
    store(&folders.first, None).create(&record).unwrap();
    store(&folders.second, None).create(&renamed).unwrap();
    let (kept, problems, _) = folders.scan_both_orders(None);
    assert_eq!(kept.len(), 1);
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .message()
            .contains("not the order of the folders"),
        "{}",
        problems[0].message()
    );
    assert_eq!(folders.counted_both_orders(), 1);
}
