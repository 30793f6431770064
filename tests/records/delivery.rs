//! Honest submission and one live writer per attempt: every save is kept on this computer first, delivered to
//! the shared folder when it can be written (now or at the next start), and never written over another
//! workstation's later save.

use std::sync::atomic::{AtomicBool, Ordering};

use vigil::config::{Environment, Overrides, locate};
use vigil::i18n::Lang;
use vigil::record::writer::replace_file;
use vigil::tui::app::Delivery;
use vigil::tui::blocker::Blocker;
use vigil::tui::room::{RoomServices, StartupConfig};
use vigil::tui::run::{Finding, Services};

use super::*;

const SESSION: &str = "almaty-2010-04";

/// A shared folder that can be disconnected.
#[derive(Default)]
struct Share {
    down: AtomicBool,
}

impl Share {
    fn set_down(&self, down: bool) {
        self.down.store(down, Ordering::SeqCst);
    }

    fn check(&self) -> io::Result<()> {
        if self.down.load(Ordering::SeqCst) {
            Err(io::Error::other("the network folder is disconnected"))
        } else {
            Ok(())
        }
    }
}

impl RecordWriter for Share {
    fn create_dir_all(&self, folder: &Path) -> io::Result<()> {
        self.check()?;
        std::fs::create_dir_all(folder)
    }
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        self.check()?;
        replace_file(path, bytes)
    }
    fn remove(&self, path: &Path) -> io::Result<()> {
        self.check()?;
        std::fs::remove_file(path)
    }
}

/// A workstation: its own data folder, the shared results folder.
struct Workstation {
    results: PathBuf,
    data: PathBuf,
}

impl Workstation {
    fn new(root: &Path, name: &str) -> Self {
        let results = root.join("results");
        std::fs::create_dir_all(results.join(SESSION)).unwrap();
        Self {
            results,
            data: root.join(name),
        }
    }

    /// What the app on this workstation is started with.
    fn setting(&self) -> (Overrides, Environment) {
        let overrides = Overrides {
            results: Some(self.results.clone()),
            session: Some(SESSION.into()),
            ..Overrides::default()
        };
        let env = Environment {
            cwd: self.data.clone(),
            results_env: None,
            data_dir: Some(self.data.clone()),
        };
        (overrides, env)
    }

    /// The app's services on this workstation, writing the share through `share`, before the config is read.
    fn services(&self, share: &Arc<Share>) -> RoomServices {
        let (overrides, env) = self.setting();
        RoomServices::new(overrides, env, true).with_writers(
            Arc::clone(share) as Arc<dyn RecordWriter>,
            Arc::new(FsWriter),
        )
    }

    /// The app starting on this workstation, writing the share through `share`: the config read before the
    /// first frame, taken in after it, as the app does.
    fn start(&self, share: &Arc<Share>) -> RoomServices {
        let (overrides, env) = self.setting();
        let located = locate(&overrides, &env).unwrap();
        let mut services = self
            .services(share)
            .starting_with(StartupConfig::Read(Box::new(located)), None);
        assert!(matches!(services.found(), Finding::Read(Ok(_))));
        services
    }

    fn spooled(&self, record: &AttemptRecord) -> PathBuf {
        self.data
            .join("spool")
            .join(SESSION)
            .join(record.attempt.file_name())
    }

    fn shared(&self, record: &AttemptRecord) -> PathBuf {
        self.results.join(SESSION).join(record.attempt.file_name())
    }

    fn read_shared(&self, record: &AttemptRecord) -> AttemptRecord {
        let path = self.shared(record);
        let bytes = std::fs::read(&path).unwrap();
        vigil::record::scan::load(&path, &bytes, None)
            .unwrap()
            .record
    }
}

fn finished(mut record: AttemptRecord) -> AttemptRecord {
    record.status = Status::Completed;
    record.ended = Some(record.updated);
    record
}

#[test]
fn a_submission_the_share_refuses_stays_on_this_computer_and_the_next_start_delivers_it() {
    let dir = tempfile::tempdir().unwrap();
    let here = Workstation::new(dir.path(), "pc1");
    let share = Arc::new(Share::default());
    let mut services = here.start(&share);
    let record = sample(1, participant("Aigerim", "ngo"), "indicators");
    assert_eq!(services.save(&record), Delivery::Delivered);
    assert!(
        !here.spooled(&record).exists(),
        "a delivered save leaves no copy here"
    );

    share.set_down(true);
    let submitted = finished(record.clone());
    let delivery = services.save(&submitted);
    assert!(
        matches!(&delivery, Delivery::Kept(why) if why.contains("disconnected")),
        "{delivery:?}"
    );
    assert!(
        here.spooled(&record).exists(),
        "the submission is kept here"
    );
    assert_eq!(here.read_shared(&record).status, Status::InProgress);
    drop(services);

    share.set_down(false);
    let _next_start = here.start(&share);
    let delivered = here.read_shared(&record);
    assert_eq!(delivered.status, Status::Completed);
    assert_eq!(delivered.questions, submitted.questions);
    assert!(
        !here.spooled(&record).exists(),
        "delivered, so forgotten here"
    );
}

#[test]
fn a_retry_after_the_share_returns_delivers_and_empties_the_spool() {
    let dir = tempfile::tempdir().unwrap();
    let here = Workstation::new(dir.path(), "pc1");
    let share = Arc::new(Share::default());
    let mut services = here.start(&share);
    let first = sample(1, participant("Aigerim", "ngo"), "indicators");
    let other = sample(2, participant("Aidos", "police"), "indicators");
    share.set_down(true);
    assert!(matches!(services.save(&first), Delivery::Kept(_)));
    share.set_down(false);
    assert_eq!(services.save(&other), Delivery::Delivered);
    assert!(
        here.shared(&first).exists(),
        "a successful save delivers the rest"
    );
    assert!(!here.spooled(&first).exists());
}

#[test]
fn a_save_kept_nowhere_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let here = Workstation::new(dir.path(), "pc1");
    let share = Arc::new(Share::default());
    let mut services = here.start(&share);
    std::fs::create_dir_all(&here.data).unwrap();
    std::fs::write(
        here.data.join("spool"),
        "a file where the spool folder goes",
    )
    .unwrap();
    share.set_down(true);
    let record = sample(1, participant("Aigerim", "ngo"), "indicators");
    assert!(matches!(services.save(&record), Delivery::Failed(_)));
}

#[test]
fn a_writer_never_overwrites_a_later_save_by_another_and_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let (first_pc, second_pc) = (
        Workstation::new(dir.path(), "pc1"),
        Workstation::new(dir.path(), "pc2"),
    );
    let share = Arc::new(Share::default());
    let mut first = first_pc.start(&share);
    let mut second = second_pc.start(&share);
    assert_ne!(first.writer_id(), second.writer_id());
    let who = participant("Aigerim", "ngo");
    let record = sample(1, who.clone(), "indicators");
    assert_eq!(first.save(&record), Delivery::Delivered);

    let (probe, resumed) = second.prepare("indicators", &who);
    probe.unwrap();
    let mut continued = resumed.expect("the attempt is offered on the second workstation");
    continued.questions[1].flagged = true;
    assert_eq!(second.save(&continued), Delivery::Delivered);

    let mut late = record.clone();
    late.current = 1;
    assert_eq!(first.save(&late), Delivery::Displaced);
    let on_share = first_pc.read_shared(&record);
    assert_eq!(on_share.writer, second.writer_id());
    assert!(
        on_share.questions[1].flagged,
        "the other's answers are intact"
    );
    assert_eq!(on_share.saves, 2);
    assert!(
        first_pc.spooled(&record).exists(),
        "the displaced answers are kept on their computer"
    );

    assert_eq!(second.save(&continued), Delivery::Delivered);
    assert_eq!(first_pc.read_shared(&record).saves, 3);
    drop(first);
    let _restarted = first_pc.start(&share);
    assert_eq!(
        first_pc.read_shared(&record).writer,
        second.writer_id(),
        "delivery at the next start does not overwrite the other's save either"
    );
    assert!(first_pc.spooled(&record).exists());
}

#[test]
fn two_stores_interleaving_saves_keep_the_later_writer() {
    let dir = tempfile::tempdir().unwrap();
    let a = store(dir.path(), None).with_writer_id("a");
    let b = store(dir.path(), None).with_writer_id("b");
    a.probe().unwrap();
    let who = participant("Aigerim", "ngo");
    let record = sample(1, who.clone(), "indicators");
    a.save(&record).unwrap();
    a.save(&record).unwrap();
    let resumed = b.find_unfinished(&who, "indicators").unwrap();
    assert_eq!((resumed.writer.as_str(), resumed.saves), ("a", 2));
    b.save(&resumed).unwrap();
    assert!(matches!(a.save(&record), Err(StoreError::Displaced { .. })));
    let message = a.save(&record).unwrap_err().to_string();
    assert!(message.contains("another computer"), "{message}");
    b.save(&resumed).unwrap();
    let found = b.find_unfinished(&who, "indicators").unwrap();
    assert_eq!((found.writer.as_str(), found.saves), ("b", 4));
}

#[test]
fn a_config_read_behind_the_first_frame_opens_the_store_and_delivers_the_spool_when_taken_in() {
    let dir = tempfile::tempdir().unwrap();
    let here = Workstation::new(dir.path(), "pc1");
    let share = Arc::new(Share::default());
    let mut services = here.start(&share);
    let record = sample(1, participant("Aigerim", "ngo"), "indicators");
    share.set_down(true);
    assert!(matches!(services.save(&record), Delivery::Kept(_)));
    drop(services);
    share.set_down(false);

    let (sender, receiver) = std::sync::mpsc::channel();
    let mut services = here
        .services(&share)
        .starting_with(StartupConfig::Reading(receiver), Some(Lang::Kk));
    assert!(matches!(services.found(), Finding::Reading));
    assert!(
        !here.shared(&record).exists(),
        "nothing is delivered before the config is read"
    );
    let (overrides, env) = here.setting();
    sender
        .send(locate(&overrides, &env).map_err(|e| e.to_string()))
        .unwrap();
    match services.found() {
        Finding::Read(Ok(found)) => {
            assert_eq!(found.room.session, SESSION);
            assert_eq!(found.lang, Lang::Kk, "the --lang flag goes first");
            assert!(found.blocked.is_none(), "{:?}", found.blocked);
        }
        other => panic!("expected the config, got {other:?}"),
    }
    assert!(
        here.shared(&record).exists(),
        "the spool is delivered once it is"
    );
    assert!(!here.spooled(&record).exists());
    assert!(
        matches!(services.found(), Finding::Nothing),
        "taken in once"
    );
}

#[test]
fn a_config_reader_that_died_is_reported_as_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let here = Workstation::new(dir.path(), "pc1");
    let (sender, receiver) = std::sync::mpsc::channel();
    drop(sender);
    let mut services = here
        .services(&Arc::new(Share::default()))
        .starting_with(StartupConfig::Reading(receiver), None);
    match services.found() {
        Finding::Read(Err(why)) => {
            assert!(matches!(why, Blocker::SettingsUnread), "{why:?}");
            assert!(why.words(Lang::En).contains("vigil.ron"), "{why:?}");
        }
        other => panic!("expected an error, got {other:?}"),
    }
}
