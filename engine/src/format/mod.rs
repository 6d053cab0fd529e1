//! The wire format: a fixed header, then a postcard payload, and typed views of its parts.
//!
//! The payload is, in order: [`Meta`], the chapter records, the page indexes, the font section, the text model, and
//! the blocks as one length-prefixed byte string holding one postcard-encoded block after
//! another; `docs/FORMAT.md` has every field. Keeping the blocks as raw bytes lets a device
//! walk them without an allocator.

mod chapters;
mod crc32;
mod header;
mod line_breaks;
mod page_index;
mod part_sizes;
mod payload;
mod wire;

pub use crate::bits::width_for;
pub use crate::error::Part;
pub use chapters::{ChapterFault, ChapterRecord, MAX_CHAPTER_LEVEL};
pub(crate) use crc32::crc32;
pub(crate) use header::len_u32;
pub use header::{Header, FORMAT_VERSION, HEADER_LEN, MAGIC};
pub use line_breaks::{LineBreaksRecord, MAX_QUOTIENT, MAX_RICE, PAGES_PER_ANCHOR};
pub(crate) use line_breaks::{LineCode, PageBreaks};
pub use page_index::{FontCheck, PageIndex, PageIndexRecord, PageIndexes};
pub use part_sizes::PartSizes;
pub(crate) use payload::{BlockFrame, RawBlock, RawCodedBlock};
pub use payload::{BuiltFor, Meta};
pub(crate) use wire::{Take, Wire};

use crate::Error;

/// Reads one postcard value off the front of `bytes`; a bad one is `Malformed(part)`.
pub(crate) fn take<'a, T: Take<'a>>(bytes: &'a [u8], part: Part) -> Result<(T, &'a [u8]), Error> {
    let mut wire = Wire { rest: bytes };
    let value = T::take(&mut wire).ok_or(Error::Malformed(part))?;
    Ok((value, wire.rest))
}

/// Bytes the postcard varint of `n` takes.
pub(crate) fn varint_len(n: usize) -> usize {
    let bits = usize::BITS - (n | 1).leading_zeros();
    bits.div_ceil(7) as usize
}
