//! A participant's run through a quiz: layout and shuffling, working answers, navigation, scoring, time, and
//! the bridge to attempt records. Pure: randomness and time are passed in.

pub mod draft;
pub mod order;
pub mod record;
pub mod state;

pub use draft::Draft;
pub use order::{Layout, lay_out};
pub use record::{RecordHeader, ResumeError, quiz_ref};
pub use state::{Attempt, Item, Submitted, TagScore};
