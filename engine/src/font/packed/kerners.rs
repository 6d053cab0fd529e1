//! Which ASCII characters a font kerns at all, on either side of a pair.
//!
//! Few pairs of characters kern: in DejaVu Sans subset to the bundled article, 41 of the
//! article's 4,941 pairs of letters do, and four in five pairs have a character that starts
//! or ends no kerning pair. Each lookup otherwise costs two glyph searches and a pair search,
//! on every character measured and drawn; two bit tests rule those pairs out first. Built
//! once from the kerning table when the font is opened, 32 bytes.

use super::format::{code_at, KerningRecord, KERNING_LEN};

/// One bit per ASCII character, for each side of a kerning pair.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Kerners {
    left: [u32; 4],
    right: [u32; 4],
}

impl Kerners {
    /// The characters on each side of the pairs in `kerning`, a checked kerning table
    /// whose glyph indices point into `glyphs`.
    pub(super) fn of(glyphs: &[u8], kerning: &[u8]) -> Kerners {
        let mut kerners = Kerners::default();
        for index in 0..kerning.len() / KERNING_LEN {
            let Some(record) = KerningRecord::at(kerning, index) else {
                continue;
            };
            let side = |index: u32| code_at(glyphs, index as usize);
            // A glyph that is not ASCII is never ruled out, so needs no bit.
            if let Some(code) = side(record.pair >> 16) {
                set(&mut kerners.left, code);
            }
            if let Some(code) = side(record.pair & 0xFFFF) {
                set(&mut kerners.right, code);
            }
        }
        kerners
    }

    /// Whether `left` then `right` may be a kerning pair: false only where one of them is
    /// ASCII and on that side of no pair.
    #[inline(always)]
    pub(super) fn may_kern(&self, left: char, right: char) -> bool {
        may(&self.left, left) && may(&self.right, right)
    }
}

fn set(bits: &mut [u32; 4], code: u32) {
    if let Some(word) = bits.get_mut((code / 32) as usize) {
        *word |= 1 << (code % 32);
    }
}

#[inline(always)]
fn may(bits: &[u32; 4], c: char) -> bool {
    let code = u32::from(c);
    match bits.get((code / 32) as usize) {
        Some(word) => word >> (code % 32) & 1 == 1,
        None => true,
    }
}
