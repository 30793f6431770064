//! Attempt records on disk: the format, atomic autosave and resume, listing, and tamper evidence.

pub mod attempt_id;
pub mod check;
pub mod compact;
pub mod conflict;
pub mod error;
pub mod identity;
pub mod integrity;
pub mod listing;
pub mod model;
pub mod presence;
pub mod problem;
pub mod scan;
pub mod seal;
pub mod spool;
pub mod store;
pub mod tally;
pub mod version;
pub mod view;
pub mod writer;

pub use attempt_id::AttemptId;
pub use error::StoreError;
pub use identity::Identity;
pub use integrity::{Integrity, IntegrityKey};
pub use model::{AttemptRecord, Participant, Phase, QuestionRecord, QuizRef, Status, Totals};
pub use spool::Spool;
pub use store::Store;
pub use writer::{FsWriter, RecordWriter};
