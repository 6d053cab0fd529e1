//! The text codec: a per-blob model and a bitstream per block, decoded without a heap.
//!
//! The host (`inkleaf_cli::codec`) trains a [`Model`] on a blob's texts and encodes each
//! block's text into a bitstream, writing the layout that [`format`] describes. A device opens
//! the model in place ([`Model::from_bytes`]) and streams characters out of a block with a
//! [`Decoder`], from the block's start or from any [`SyncPoint`] the host recorded (one per
//! page start).
//!
//! Tokens are single characters ("literals") or dictionary entries (strings of literals, such
//! as `"the "` or `"tion"`), coded with canonical prefix codes. The code depends on a context
//! that the previous character selects, with an escape to one shared code for rare symbols.
//! `docs/CODEC.md` gives the exact layout; blob format 2 stores coded text (`docs/FORMAT.md`).
//!
//! ```
//! # #[cfg(feature = "english")] {
//! use inkleaf::codec::{builtin_model, Decoder, Model, Stream};
//!
//! let english = Model::from_bytes(builtin_model().unwrap())?;
//! assert!(english.chars().any(|c| c == 'e'));
//! // A block's stream as the host wrote it; this one holds no text.
//! let mut decoder = Decoder::new(&english, Stream { bits: &[], text_len: 0 });
//! assert_eq!(decoder.next_char()?, None);
//! # }
//! # Ok::<(), inkleaf::Error>(())
//! ```

mod code;
mod context;
mod cursor;
mod decoder;
mod english;
pub mod format;
mod model;
mod spelled;
#[cfg(feature = "tables")]
mod table;

pub use context::State;
pub(crate) use decoder::{Checkpoint, Spot};
pub use decoder::{Decoder, Stream, SyncPoint};
pub use english::{builtin_model, BUILTIN_ENGLISH};
pub use model::Model;
