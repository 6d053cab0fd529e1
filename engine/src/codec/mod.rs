//! The text codec: a per-blob model and a bitstream per block, decoded without a heap.
//!
//! The host trains a [`Model`] on a blob's texts and encodes each block's text into a
//! bitstream (`encode`, with the `alloc` feature). A device opens the model in place
//! ([`Model::from_bytes`]) and streams characters out of a block with a [`Decoder`], from the
//! block's start or from any [`SyncPoint`] the host recorded (one per page start).
//!
//! Tokens are single characters ("literals") or dictionary entries (strings of literals, such
//! as `"the "` or `"tion"`), coded with canonical prefix codes. The code depends on a context
//! that the previous character selects, with an escape to one shared code for rare symbols.
//! `docs/CODEC.md` gives the exact layout; blob format 2 stores coded text (`docs/FORMAT.md`).
//!
//! ```
//! # #[cfg(feature = "alloc")] {
//! use inkleaf::codec::{encode, Decoder, Model};
//!
//! let encoded = encode(&["A page of text.", "Another block."])?;
//! let model = Model::from_bytes(&encoded.model)?;
//! let sync = encoded.sync_point(1, 8)?;
//! let mut decoder = Decoder::at(&model, encoded.stream(1).unwrap(), sync)?;
//! assert_eq!(decoder.next_char()?, Some((8, 'b')));
//! # }
//! # Ok::<(), inkleaf::Error>(())
//! ```

mod bits;
mod code;
mod context;
mod decoder;
mod english;
mod model;
#[cfg(feature = "tables")]
mod table;
#[cfg(feature = "alloc")]
mod train;

pub use context::State;
pub(crate) use decoder::Checkpoint;
pub use decoder::{Decoder, Stream, SyncPoint};
pub use english::{builtin_model, BUILTIN_ENGLISH};
pub use model::Model;
#[cfg(feature = "alloc")]
pub use train::{encode, encode_with, train, train_general, Encoded, EncodedBlock};

/// The model format version this engine reads, the model's first byte.
pub const VERSION: u8 = 1;

/// Longest code in bits; bounds the work per symbol.
pub(crate) const MAX_CODE_LEN: u32 = 24;

/// Most contexts a model may have.
pub(crate) const MAX_CONTEXTS: usize = 16;

/// Longest dictionary entry in bytes; bounds a sync point's skip.
pub const MAX_ENTRY_BYTES: usize = 32;
