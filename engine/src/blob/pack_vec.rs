//! Building a blob into a `Vec`, for hosts.

use alloc::vec;
use alloc::vec::Vec;

use super::pack::{pack_into, packed_len, Contents};
use crate::Error;

/// Packs a blob into a new `Vec` of exactly the right size.
pub fn pack_to_vec(contents: &Contents<'_>) -> Result<Vec<u8>, Error> {
    let mut out = vec![0u8; packed_len(contents)?];
    let written = pack_into(contents, &mut out)?;
    out.truncate(written);
    Ok(out)
}
