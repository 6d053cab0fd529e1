//! Building a blob into a `Vec`, for hosts.

use alloc::vec;
use alloc::vec::Vec;

use super::pack::{pack_into, packed_len};
use super::payload::{BuiltFor, Meta};
use super::Block;
use crate::Error;

/// Packs a blob into a new `Vec` of exactly the right size.
pub fn pack_to_vec(
    meta: &Meta<'_>,
    built_for: Option<&BuiltFor>,
    blocks: &[Block<'_>],
) -> Result<Vec<u8>, Error> {
    let mut out = vec![0u8; packed_len(meta, built_for, blocks)?];
    let written = pack_into(meta, built_for, blocks, &mut out)?;
    out.truncate(written);
    Ok(out)
}
