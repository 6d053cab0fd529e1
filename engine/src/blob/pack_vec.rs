//! Building a blob into a `Vec`, for hosts.

use alloc::vec;
use alloc::vec::Vec;

use super::pack::{pack_into_with_font, packed_len_with_font};
use super::payload::{BuiltFor, Meta};
use super::Block;
use crate::Error;

/// Packs a blob into a new `Vec` of exactly the right size.
pub fn pack_to_vec(
    meta: &Meta<'_>,
    built_for: Option<&BuiltFor>,
    blocks: &[Block<'_>],
) -> Result<Vec<u8>, Error> {
    pack_to_vec_with_font(meta, built_for, None, blocks)
}

/// Packs a blob carrying a packed font section into a new `Vec`.
pub fn pack_to_vec_with_font(
    meta: &Meta<'_>,
    built_for: Option<&BuiltFor>,
    font: Option<&[u8]>,
    blocks: &[Block<'_>],
) -> Result<Vec<u8>, Error> {
    let mut out = vec![0u8; packed_len_with_font(meta, built_for, font, blocks)?];
    let written = pack_into_with_font(meta, built_for, font, blocks, &mut out)?;
    out.truncate(written);
    Ok(out)
}
