//! The facts of the model and stream layout that an encoder must write as this decoder reads
//! them (`docs/CODEC.md` has the whole layout). The trainer lives on the host
//! (`inkleaf_cli::codec`); it takes its limits from here, so writer and reader cannot drift.
//!
//! The types an encoder fills in are [`State`](super::State), [`Stream`](super::Stream) and
//! [`SyncPoint`](super::SyncPoint). [`Model`](super::Model)'s encoder accessors
//! ([`for_each_codeword`](super::Model::for_each_codeword),
//! [`entry_chars`](super::Model::entry_chars), [`start_state`](super::Model::start_state) and
//! [`next_state`](super::Model::next_state)) let it code with a model it did not train, and a
//! [`Decoder`](super::Decoder) checks what it wrote. Fields are written in as few bits as
//! their largest value needs, [`width_for`](crate::format::width_for), as everywhere in a blob.
//!
//! ```
//! use inkleaf::codec::format::MAX_CODE_LEN;
//! use inkleaf::format::width_for;
//!
//! // A code's lengths are written in as few bits as the longest needs.
//! assert_eq!(width_for(MAX_CODE_LEN), 5);
//! ```

/// The model format version this engine reads, the model's first byte.
pub const VERSION: u8 = 1;

/// Longest code in bits; bounds the work per symbol.
pub const MAX_CODE_LEN: u32 = 24;

/// Most contexts a model may have.
pub const MAX_CONTEXTS: usize = 16;

/// Longest dictionary entry in bytes; bounds a sync point's skip.
pub const MAX_ENTRY_BYTES: usize = 32;

/// The `max_len` value that marks a flat code: each symbol is its id as an `id_width`-bit
/// number, with no table (only the escape code may be flat).
pub const FLAT_CODE: u32 = 31;
