//! The real outside world of the trainee app: the trainer's config, re-read at every sign-in, and the record
//! store of the session.

use std::sync::Arc;

use super::app::Room;
use super::run::Services;
use crate::config::{Environment, Located, Overrides, locate};
use crate::record::{AttemptRecord, FsWriter, Participant, Store};

/// Services backed by the config file and the results folder.
pub struct RoomServices {
    overrides: Overrides,
    env: Environment,
    recording: bool,
    store: Option<Store>,
}

/// The app's view of a located config.
pub fn room_of(located: &Located, recording: bool) -> Room {
    Room {
        session: located.config.session.clone(),
        phase: located.config.phase,
        rules: located.config.phases.of(located.config.phase).clone(),
        groups: located.config.groups.clone(),
        roster: located.config.roster.clone(),
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
        }
    }

    /// Locates the config and opens the session's store.
    pub fn locate(&mut self) -> Result<Located, String> {
        let located = locate(&self.overrides, &self.env).map_err(|e| e.to_string())?;
        self.store = Some(Store::new(
            &located.results,
            &located.config.session,
            Arc::new(FsWriter),
            located.key.clone(),
        ));
        Ok(located)
    }
}

impl Services for RoomServices {
    fn load_room(&mut self) -> Result<Room, String> {
        let located = self.locate()?;
        match located.missing_results() {
            Some(problem) if self.recording => Err(problem),
            _ => Ok(room_of(&located, self.recording)),
        }
    }

    fn prepare(
        &mut self,
        quiz: &str,
        participant: &Participant,
    ) -> (Result<(), String>, Option<AttemptRecord>) {
        if !self.recording {
            return (Ok(()), None);
        }
        let Some(store) = &self.store else {
            return (Err("no results folder".to_owned()), None);
        };
        match store.probe() {
            Ok(()) => (Ok(()), store.find_unfinished(participant, quiz)),
            Err(error) => (Err(error.to_string()), None),
        }
    }

    fn attempts(&mut self, participant: &Participant) -> Vec<AttemptRecord> {
        match (&self.store, self.recording) {
            (Some(store), true) => store.attempts_of(participant),
            _ => Vec::new(),
        }
    }

    fn save(&mut self, record: &AttemptRecord) -> Result<(), String> {
        match (&self.store, self.recording) {
            (_, false) => Ok(()),
            (Some(store), true) => store.save(record).map(|_| ()).map_err(|e| e.to_string()),
            (None, true) => Err("no results folder".to_owned()),
        }
    }
}
