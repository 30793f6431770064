//! The trainer's settings: the `vigil.ron` file, where it is found, and what it overrides.

pub mod inspect;
pub mod load;
pub mod locate;
pub mod model;
pub mod roster_csv;

pub use inspect::{check_config, looks_like_config};
pub use load::read_config;
pub use locate::{ConfigError, Environment, Located, Overrides, language_without_config, locate};
pub use model::{CONFIG_FILE_NAME, Config, Group, PhaseRules, Phases, RosterEntry};
