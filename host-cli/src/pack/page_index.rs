//! Baking a page index: the page starts of one profile and font, as the record
//! [`inkleaf::format::PageIndexRecord`] lays out.

use super::BakedBreaks;
use inkleaf::{
    format::PageIndexRecord,
    format::{width_for, BuiltFor, FontCheck},
    Position,
};

/// The index record of `starts` (every page start, in order) for what `built_for` names,
/// ready to go into [`Contents::page_indexes`](inkleaf::build::Contents::page_indexes); records
/// for more profiles follow one another. Each start's block and offset take as few bits as
/// the largest of them needs. With `lines`, the record carries every line's break too.
pub fn bake_page_index(
    built_for: BuiltFor,
    font_check: FontCheck,
    starts: &[Position],
    lines: Option<&BakedBreaks>,
) -> Vec<u8> {
    let max_block = starts.iter().map(|p| p.block).max().unwrap_or(0);
    let max_offset = starts.iter().map(|p| p.offset).max().unwrap_or(0);
    let (block_bits, offset_bits) = (width_for(max_block), width_for(max_offset));
    let pages = u32::try_from(starts.len()).unwrap_or(u32::MAX);
    // Widths of at most 32 bits: these casts are exact.
    let (block_bits, offset_bits) = (block_bits as u8, offset_bits as u8);
    let len = PageIndexRecord::starts_len(pages, block_bits, offset_bits);
    let mut bytes = vec![0u8; usize::try_from(len).unwrap_or(usize::MAX)];
    let mut at = 0usize;
    for start in starts {
        let fields = [(start.block, block_bits), (start.offset, offset_bits)];
        for (value, width) in fields {
            for bit in (0..u32::from(width)).rev() {
                if value >> bit & 1 == 1 {
                    bytes[at / 8] |= 0x80 >> (at % 8);
                }
                at += 1;
            }
        }
    }
    let record = PageIndexRecord {
        rules: inkleaf::layout::LAYOUT_RULES,
        built_for,
        font_check,
        block_bits,
        offset_bits,
        starts: &bytes,
        lines: lines.map(BakedBreaks::record),
    };
    postcard::to_allocvec(&record).unwrap_or_default()
}
