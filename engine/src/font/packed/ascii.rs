//! Where each ASCII character's glyph is in a font's glyph table, without searching it.
//!
//! Measuring and drawing look each character up at least twice, by binary search over the
//! glyph table: six or seven steps for a font subset to one text. The table is sorted by
//! character, so a printable ASCII character's glyph is at the number of glyphs before it:
//! one bit per character (U+0020 to U+007F) says which the font has, and a count per 32 of
//! them how many come before, which leaves a few bits to count. Built once when the font is
//! opened, 16 bytes: a face is copied with its font wherever a layout is.

use super::format::{code_at, GLYPH_LEN};

/// The first character [`AsciiIndex`] counts; the last is 95 after it.
const FIRST: u32 = 0x20;

/// Which printable ASCII characters have a glyph, and how many glyphs come before each 32.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct AsciiIndex {
    present: [u32; 3],
    before: [u8; 3],
}

impl AsciiIndex {
    /// The index of `glyphs`, a checked glyph table (in strictly increasing order).
    pub(super) fn of(glyphs: &[u8]) -> AsciiIndex {
        let mut index = AsciiIndex::default();
        // Glyphs before the first character counted (controls, which a font may have).
        let mut count = 0u32;
        for i in 0..glyphs.len() / GLYPH_LEN {
            match code_at(glyphs, i) {
                Some(code) if code < FIRST => count += 1,
                Some(code) if code < 128 => {
                    let at = code - FIRST;
                    if let Some(word) = index.present.get_mut((at / 32) as usize) {
                        *word |= 1 << (at % 32);
                    }
                }
                _ => break,
            }
        }
        for (before, word) in index.before.iter_mut().zip(index.present) {
            // At most 96 glyphs come before the last 32, and 32 before the first: a byte
            // holds them.
            *before = count as u8;
            count += word.count_ones();
        }
        index
    }

    /// Where `c` is in the glyph table: `Some(None)` for a character counted that the font
    /// lacks, `None` for one not counted (to be searched for).
    #[inline(always)]
    pub(super) fn find(&self, c: char) -> Option<Option<usize>> {
        let at = u32::from(c).wrapping_sub(FIRST);
        let (Some(&word), Some(&before)) = (
            self.present.get((at / 32) as usize),
            self.before.get((at / 32) as usize),
        ) else {
            return None;
        };
        let bit = 1u32 << (at % 32);
        if word & bit == 0 {
            return Some(None);
        }
        let below = word & (bit - 1);
        Some(Some(usize::from(before) + below.count_ones() as usize))
    }
}
