//! The blob format: a fixed header, then a postcard payload.
//!
//! The payload is, in order: [`Meta`], `Option<`[`BuiltFor`]`>`, and the blocks as one
//! length-prefixed byte string holding one postcard-encoded block after another. Keeping the
//! blocks as raw bytes lets a device walk them without an allocator.

mod book;
mod crc32;
mod header;
mod hyphens;
mod pack;
#[cfg(feature = "alloc")]
mod pack_vec;
mod payload;

pub use book::{Block, BlockKind, Blocks, Book, PartSizes};
pub use header::{Header, FORMAT_VERSION, HEADER_LEN, MAGIC};
#[cfg(feature = "alloc")]
pub use hyphens::encode_hyphens;
pub use hyphens::Hyphens;
pub use pack::{pack_into, pack_into_with_font, packed_len, packed_len_with_font};
#[cfg(feature = "alloc")]
pub use pack_vec::{pack_to_vec, pack_to_vec_with_font};
pub use payload::{BuiltFor, FontId, Meta};
