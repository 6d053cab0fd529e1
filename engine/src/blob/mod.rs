//! The blob format: a fixed header, then a postcard payload.
//!
//! The payload is, in order: [`Meta`], the page indexes, the font section, the text model, and
//! the blocks as one length-prefixed byte string holding one postcard-encoded block after
//! another; `docs/FORMAT.md` has every field. Keeping the blocks as raw bytes lets a device
//! walk them without an allocator.

mod book;
mod crc32;
mod header;
mod hyphens;
mod pack;
mod page_index;
mod payload;
mod text;

pub use book::{Block, BlockKind, Blocks, Book, PageIndexes, PartSizes};
pub use header::{Header, FORMAT_VERSION, HEADER_LEN, MAGIC};
pub use hyphens::Hyphens;
pub use pack::{pack_into, packed_len, CodedBlock, Contents, StoredText};
pub use page_index::{FontCheck, PageIndex, PageIndexRecord};
pub use payload::{BuiltFor, Meta};
#[cfg(feature = "coded")]
pub(crate) use text::Mark;
pub use text::{CharsBetween, Text};
