//! The real outside world of the trainee app: the trainer's config, re-read at every sign-in, the record store
//! of the session, and the spool on this computer that every save goes to first.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

use super::app::{Delivery, Found, Room};
use super::blocker::Blocker;
use super::run::{Finding, Services};
use crate::config::{Config, Environment, Located, Overrides, locate};
use crate::i18n::Lang;
use crate::record::AttemptId;
use crate::record::presence::{
    EARLIER_WRITERS_FILE, Here, Presence, Sighting, Watch, earlier_writers, open_elsewhere,
    remembered_with,
};
use crate::record::version::new_writer_id;
use crate::record::{AttemptRecord, FsWriter, Participant, RecordWriter, Spool, Store, StoreError};

/// Services backed by the config file, the results folder and the spool in the per-user data folder.
pub struct RoomServices {
    overrides: Overrides,
    env: Environment,
    recording: bool,
    store: Option<Store>,
    spool: Option<Spool>,
    shared: Arc<dyn RecordWriter>,
    local: Arc<dyn RecordWriter>,
    writer_id: String,
    /// The beats seen in other workstations' presence files.
    watch: Watch,
    /// This app's own beat counter.
    beat: u64,
    /// This app's writer id and those of the apps that ran on this computer before it (read, and this app added,
    /// when it first announces itself: never before the first frame).
    mine: Option<Vec<String>>,
    /// The config as read at start, until the loop takes it in after the first frame.
    startup: Option<StartupConfig>,
    /// The `--lang` flag, which goes before the config's language.
    lang_flag: Option<Lang>,
}

/// The trainer's config as read at start.
#[derive(Debug)]
pub enum StartupConfig {
    /// Still being read on its own thread (from a slow shared folder); it arrives through the receiver.
    Reading(Receiver<Result<Located, String>>),
    /// Read before the first frame.
    Read(Box<Located>),
}

/// The room the sign-in shows while the config is still being read: the defaults' session and phase, and no
/// groups or roster yet.
pub fn awaiting_room(recording: bool) -> Room {
    let config = Config::standalone();
    Room {
        session: config.session,
        phase: config.phase,
        rules: config.phases.of(config.phase).clone(),
        groups: Vec::new(),
        roster: Vec::new(),
        store_names: config.store_names,
        recording,
    }
}

/// The app's view of a located config.
pub fn room_of(located: &Located, recording: bool) -> Room {
    Room {
        session: located.config.session.clone(),
        phase: located.config.phase,
        rules: located.config.phases.of(located.config.phase).clone(),
        groups: located.config.groups.clone(),
        roster: located.config.roster.clone(),
        store_names: located.config.store_names,
        recording,
    }
}

impl RoomServices {
    /// Services that locate the config with `overrides` in `env`; `recording` false makes a play-test.
    pub fn new(overrides: Overrides, env: Environment, recording: bool) -> Self {
        Self {
            overrides,
            env,
            recording,
            store: None,
            spool: None,
            shared: Arc::new(FsWriter),
            local: Arc::new(FsWriter),
            writer_id: new_writer_id(),
            watch: Watch::default(),
            beat: 0,
            mine: None,
            startup: None,
            lang_flag: None,
        }
    }

    /// The same services, given the config as read at start with the `--lang` flag `lang_flag`; the session's
    /// store opens once the loop takes it in, after the first frame.
    pub fn starting_with(mut self, config: StartupConfig, lang_flag: Option<Lang>) -> Self {
        self.startup = Some(config);
        self.lang_flag = lang_flag;
        self
    }

    /// The same services writing the results folder through `shared` and the spool through `local` (tests
    /// inject failing ones).
    pub fn with_writers(
        mut self,
        shared: Arc<dyn RecordWriter>,
        local: Arc<dyn RecordWriter>,
    ) -> Self {
        self.shared = shared;
        self.local = local;
        self
    }

    /// This app's writer id, stored in every record it saves.
    pub fn writer_id(&self) -> &str {
        &self.writer_id
    }

    /// Makes sure this app's writer id and the earlier ones of this computer are known (see `mine`).
    fn mine(&mut self) {
        if self.mine.is_none() {
            self.mine = Some(self.remember_me());
        }
    }

    /// Adds this app to the writers that ran on this computer, and returns them all, this app last.
    fn remember_me(&self) -> Vec<String> {
        let Some(data) = self.env.data_dir.as_ref().filter(|_| self.recording) else {
            return vec![self.writer_id.clone()];
        };
        let earlier = earlier_writers(data);
        let text = remembered_with(&earlier, &self.writer_id);
        if self.local.create_dir_all(data).is_ok() {
            let _ = self
                .local
                .write_atomic(&data.join(EARLIER_WRITERS_FILE), text.as_bytes());
        }
        let mut mine = earlier;
        mine.push(self.writer_id.clone());
        mine
    }

    /// Opens the session's store and spool of `located`, and delivers what the spool kept; returns why the
    /// results folder cannot be used, if it cannot (looked for once: it may be on a slow share).
    fn open(&mut self, located: &Located) -> Option<Blocker> {
        let missing = located
            .missing_results()
            .map(|folder| Blocker::NoResultsFolder(folder.to_path_buf()));
        let store = Store::new(
            &located.results,
            &located.config.session,
            Arc::clone(&self.shared),
            located.key.clone(),
        )
        .with_writer_id(&self.writer_id);
        self.spool = self
            .env
            .data_dir
            .as_ref()
            .filter(|_| self.recording)
            .map(|data| Spool::new(data, &located.config.session, Arc::clone(&self.local)));
        if let Some(spool) = &self.spool
            && missing.is_none()
        {
            spool.deliver(&store);
        }
        if let Some(old) = self.store.replace(store) {
            old.depart(&self.writer_id);
        }
        missing
    }
}

/// Saves `record` to the spool first, then to the shared folder through `store`; on delivery forgets the spooled
/// copy and delivers whatever else the spool kept.
fn save_through(store: &Store, spool: Option<&Spool>, record: &AttemptRecord) -> Delivery {
    let stamped = match store.stamp(record) {
        Ok(stamped) => stamped,
        Err(StoreError::Displaced { .. }) => {
            let mut kept = record.clone();
            kept.writer = store.writer_id().unwrap_or_default().to_owned();
            if let Some(spool) = spool {
                let _ = spool.keep(&kept, store);
            }
            return Delivery::Displaced;
        }
        Err(error) => return Delivery::Failed(error.to_string()),
    };
    let kept = spool.map(|spool| spool.keep(&stamped, store));
    match (store.write(&stamped), kept) {
        (Ok(_), _) => {
            if let Some(spool) = spool {
                let _ = spool.release(&stamped.attempt);
                spool.deliver(store);
            }
            Delivery::Delivered
        }
        (Err(error), Some(Ok(()))) => Delivery::Kept(error.to_string()),
        (Err(error), Some(Err(local))) => Delivery::Failed(format!("{error}; {local}")),
        (Err(error), None) => Delivery::Failed(error.to_string()),
    }
}

impl Services for RoomServices {
    fn found(&mut self) -> Finding {
        let read = match self.startup.take() {
            None => return Finding::Nothing,
            Some(StartupConfig::Read(located)) => Ok(*located),
            Some(StartupConfig::Reading(receiver)) => match receiver.try_recv() {
                Ok(read) => read.map_err(Blocker::Settings),
                Err(TryRecvError::Empty) => {
                    self.startup = Some(StartupConfig::Reading(receiver));
                    return Finding::Reading;
                }
                Err(TryRecvError::Disconnected) => Err(Blocker::SettingsUnread),
            },
        };
        Finding::Read(read.map(|located| {
            let missing = self.open(&located);
            Found {
                room: room_of(&located, self.recording),
                lang: located.language(self.lang_flag),
                blocked: missing.filter(|_| self.recording),
            }
        }))
    }

    fn load_room(&mut self) -> Result<Room, Blocker> {
        let located = locate(&self.overrides, &self.env)
            .map_err(|error| Blocker::Settings(error.to_string()))?;
        match self.open(&located) {
            Some(problem) if self.recording => Err(problem),
            _ => Ok(room_of(&located, self.recording)),
        }
    }

    fn prepare(
        &mut self,
        quiz: &str,
        participant: &Participant,
    ) -> (Result<(), Blocker>, Option<AttemptRecord>) {
        if !self.recording {
            return (Ok(()), None);
        }
        let Some(store) = &self.store else {
            return (Err(Blocker::NoStore), None);
        };
        match store.probe() {
            Ok(()) => (Ok(()), store.find_unfinished(participant, quiz)),
            Err(error) => (Err(Blocker::Unwritable(Arc::new(error))), None),
        }
    }

    fn attempts(&mut self, participant: &Participant) -> Vec<AttemptRecord> {
        match (&self.store, self.recording) {
            (Some(store), true) => store.attempts_of(participant),
            _ => Vec::new(),
        }
    }

    fn announce(&mut self, here: Option<&Here>, changed: bool, now_ms: u64) {
        if self.store.is_none() || !self.recording {
            return;
        }
        if here.is_some() {
            // Before this app's first presence file, so that a later run on this computer knows it as its own.
            self.mine();
        }
        let Some(store) = self.store.as_ref() else {
            return;
        };
        let Some(here) = here else {
            store.depart(&self.writer_id);
            return;
        };
        self.beat += 1;
        let presence = Presence {
            writer: self.writer_id.clone(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
            beat: self.beat,
            here: here.clone(),
        };
        let _ = store.announce(&presence);
        if changed {
            let all = store.presences();
            self.watch.retain(&all);
            for presence in &all {
                self.watch.observe(presence, now_ms);
            }
        }
    }

    fn elsewhere(&mut self, attempt: &AttemptId, now_ms: u64) -> Option<Sighting> {
        let presences = self.store.as_ref().filter(|_| self.recording)?.presences();
        self.mine();
        let mine = self.mine.as_deref().unwrap_or_default();
        open_elsewhere(&presences, &mut self.watch, mine, attempt, now_ms)
    }

    fn save(&mut self, record: &AttemptRecord) -> Delivery {
        match (&self.store, self.recording) {
            (_, false) => Delivery::Delivered,
            (Some(store), true) => save_through(store, self.spool.as_ref(), record),
            (None, true) => Delivery::Failed("no results folder".to_owned()),
        }
    }
}
