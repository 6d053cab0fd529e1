//! Where each ASCII character's glyph is in a font's glyph table, without searching it.
//!
//! Measuring and drawing look each character up at least twice, by binary search over the
//! glyph table: six or seven steps for a font subset to one text. The table is sorted by
//! character, so an ASCII character's glyph is at the number of ASCII glyphs before it: one
//! bit per character says which the font has, and a count per 32 of them how many come
//! before, which leaves a few bits to count. Built once when the font is opened, 20 bytes.

use super::format::{code_at, GLYPH_LEN};

/// Which ASCII characters have a glyph, and how many glyphs come before each 32 of them.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct AsciiIndex {
    present: [u32; 4],
    before: [u8; 4],
}

impl AsciiIndex {
    /// The index of `glyphs`, a checked glyph table (in strictly increasing order).
    pub(super) fn of(glyphs: &[u8]) -> AsciiIndex {
        let mut index = AsciiIndex::default();
        for i in 0..glyphs.len() / GLYPH_LEN {
            match code_at(glyphs, i) {
                Some(code) if code < 128 => {
                    if let Some(word) = index.present.get_mut((code / 32) as usize) {
                        *word |= 1 << (code % 32);
                    }
                }
                _ => break,
            }
        }
        let mut count = 0u32;
        for (before, word) in index.before.iter_mut().zip(index.present) {
            // At most 96 glyphs come before the last 32: a byte holds it.
            *before = count as u8;
            count += word.count_ones();
        }
        index
    }

    /// Where `c` is in the glyph table: `Some(None)` for ASCII the font lacks, `None` for a
    /// character that is not ASCII (to be searched for).
    #[inline(always)]
    pub(super) fn find(&self, c: char) -> Option<Option<usize>> {
        let code = u32::from(c);
        let (Some(&word), Some(&before)) = (
            self.present.get((code / 32) as usize),
            self.before.get((code / 32) as usize),
        ) else {
            return None;
        };
        let bit = 1u32 << (code % 32);
        if word & bit == 0 {
            return Some(None);
        }
        let below = word & (bit - 1);
        Some(Some(usize::from(before) + below.count_ones() as usize))
    }
}
