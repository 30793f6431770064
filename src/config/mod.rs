//! The trainer's settings: the `vigil.ron` file, where it is found, and what it overrides.

pub mod load;
pub mod locate;
pub mod model;

pub use load::read_config;
pub use locate::{ConfigError, Environment, Located, Overrides, locate};
pub use model::{CONFIG_FILE_NAME, Config, Group, PhaseRules, Phases, RosterEntry};
