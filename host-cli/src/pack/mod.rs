//! Building blobs on the host: a blob into a `Vec`, hyphenation points and page indexes in
//! the layouts the engine reads.

mod hyphens;
mod line_breaks;
mod page_index;
mod runs;

pub use hyphens::encode_hyphens;
pub use line_breaks::{bake_line_breaks, BakedBreaks, BakedLine};
pub use page_index::bake_page_index;
pub use runs::encode_runs;

use inkleaf::{
    build::{pack_into, packed_len, Contents},
    Error,
};

/// Packs a blob into a new `Vec` of exactly the right size.
pub fn pack_to_vec(contents: &Contents<'_>) -> Result<Vec<u8>, Error> {
    let mut out = vec![0u8; packed_len(contents)?];
    let written = pack_into(contents, &mut out)?;
    out.truncate(written);
    Ok(out)
}

/// Appends `value` as a postcard varint: seven bits a byte, least significant first, the top
/// bit set on every byte but the last.
fn push_varint(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7F) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}
