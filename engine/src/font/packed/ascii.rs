//! Where each ASCII character's glyph is in a font's glyph table, without searching it.
//!
//! Measuring and drawing look each character up at least twice, which by binary search over
//! the glyph table is six or seven steps for a font subset to one text. Printable ASCII is
//! most of any text: a byte per character (U+0020 to U+007F) holds its place in the table.
//! Counting places instead (a bit per character and a count per byte of them) takes a
//! quarter of the room, but a Cortex-M3 has no instruction that counts bits, and the count
//! cost 3% of a 4.2" page turn. Built once when the font is opened, 96 bytes; a layout holds
//! its family by value, or borrows one kept where it stays (`Book::family_in`).

use super::format::{code_at, GLYPH_LEN};

/// The first character [`AsciiIndex`] counts; the last is 95 after it.
const FIRST: u32 = 0x20;

/// Each printable ASCII character's place in the glyph table, plus one (0: not in the font).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) struct AsciiIndex {
    places: [u8; 96],
}

impl AsciiIndex {
    /// The index of `glyphs`, a checked glyph table (in strictly increasing order).
    pub(super) fn of(glyphs: &[u8]) -> AsciiIndex {
        let mut index = AsciiIndex { places: [0; 96] };
        for i in 0..glyphs.len() / GLYPH_LEN {
            match code_at(glyphs, i) {
                // Controls, which a font may have, come first.
                Some(code) if code < FIRST => {}
                Some(code) if code < 128 => {
                    // At most 32 controls and 95 characters come before: the place fits.
                    if let (Some(place), Ok(at)) = (
                        index.places.get_mut((code - FIRST) as usize),
                        u8::try_from(i + 1),
                    ) {
                        *place = at;
                    }
                }
                _ => break,
            }
        }
        index
    }

    /// Where `c` is in the glyph table: `Some(None)` for a character counted that the font
    /// lacks, `None` for one not counted (to be searched for).
    #[inline(always)]
    pub(super) fn find(&self, c: char) -> Option<Option<usize>> {
        let place = *self.places.get(u32::from(c).wrapping_sub(FIRST) as usize)?;
        Some(usize::from(place).checked_sub(1))
    }
}
