//! Building a blob into a caller's buffer, without an allocator.

use serde::Serialize;

use super::header::{Header, HEADER_LEN};
use super::payload::{BuiltFor, Meta, RawBlock};
use super::Block;
use crate::Error;

/// Bytes the blob for these parts takes, header included.
pub fn packed_len(
    meta: &Meta<'_>,
    built_for: Option<&BuiltFor>,
    blocks: &[Block<'_>],
) -> Result<usize, Error> {
    packed_len_with_font(meta, built_for, None, blocks)
}

/// Bytes the blob takes with a packed font section, header included.
pub fn packed_len_with_font(
    meta: &Meta<'_>,
    built_for: Option<&BuiltFor>,
    font: Option<&[u8]>,
    blocks: &[Block<'_>],
) -> Result<usize, Error> {
    let blocks_len = blocks_len(blocks)?;
    let parts = [
        size(meta)?,
        size(&built_for)?,
        size(&font)?,
        size(&blocks_len)?,
        blocks_len,
    ];
    parts
        .iter()
        .try_fold(HEADER_LEN, |sum, &part| sum.checked_add(part))
        .ok_or(Error::TooLarge)
}

/// Packs a blob into `out` and returns how many bytes it wrote.
///
/// Fails with [`Error::BufferTooSmall`] before writing anything useful if `out` is short.
pub fn pack_into(
    meta: &Meta<'_>,
    built_for: Option<&BuiltFor>,
    blocks: &[Block<'_>],
    out: &mut [u8],
) -> Result<usize, Error> {
    pack_into_with_font(meta, built_for, None, blocks, out)
}

/// Packs a blob that carries `font`, a packed font section (see `docs/FONT_FORMAT.md`), the
/// font its text is set in.
pub fn pack_into_with_font(
    meta: &Meta<'_>,
    built_for: Option<&BuiltFor>,
    font: Option<&[u8]>,
    blocks: &[Block<'_>],
    out: &mut [u8],
) -> Result<usize, Error> {
    if let Some(section) = font {
        crate::font::PackedFont::from_bytes(section)?;
    }
    let needed = packed_len_with_font(meta, built_for, font, blocks)?;
    let too_small = Error::BufferTooSmall {
        needed: u32::try_from(needed).map_err(|_| Error::TooLarge)?,
    };
    let out = out.get_mut(..needed).ok_or(too_small)?;
    let (head, payload) = out.split_first_chunk_mut::<HEADER_LEN>().ok_or(too_small)?;
    let mut rest = &mut payload[..];
    rest = put(meta, rest)?;
    rest = put(&built_for, rest)?;
    rest = put(&font, rest)?;
    rest = put(&blocks_len(blocks)?, rest)?;
    for block in blocks {
        rest = put(&raw(block), rest)?;
    }
    debug_assert!(rest.is_empty(), "packed_len and pack_into disagree");
    Header::write(payload, head)?;
    Ok(needed)
}

fn raw<'a>(block: &Block<'a>) -> RawBlock<'a> {
    RawBlock {
        kind: block.kind.to_byte(),
        text: block.text,
        hyphens: block.hyphens.encoded(),
    }
}

fn blocks_len(blocks: &[Block<'_>]) -> Result<usize, Error> {
    blocks.iter().try_fold(0usize, |sum, block| {
        if u32::try_from(block.text.len()).is_err() {
            return Err(Error::TooLarge);
        }
        block.hyphens.check(block.text)?;
        sum.checked_add(size(&raw(block))?).ok_or(Error::TooLarge)
    })
}

fn size<T: Serialize + ?Sized>(value: &T) -> Result<usize, Error> {
    postcard::serialize_with_flavor(value, postcard::ser_flavors::Size::default())
        .map_err(|_| Error::TooLarge)
}

fn put<'o, T: Serialize + ?Sized>(value: &T, out: &'o mut [u8]) -> Result<&'o mut [u8], Error> {
    let written = postcard::to_slice(value, out)
        .map_err(|_| Error::TooLarge)?
        .len();
    out.get_mut(written..).ok_or(Error::TooLarge)
}
