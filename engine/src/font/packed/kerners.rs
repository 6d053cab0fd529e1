//! Which ASCII characters a font kerns at all, on either side of a pair.
//!
//! Few pairs of characters kern: in DejaVu Sans subset to the bundled article, 41 of the
//! article's 4,941 pairs of letters do, and four in five pairs have a character that starts
//! or ends no kerning pair. Each lookup otherwise costs two glyph searches and a pair search,
//! on every character measured and drawn; two bit tests rule those pairs out first. Letters
//! and the few signs among them (U+0040 to U+007F) are what prose pairs most; a character
//! outside them is never ruled out by them.
//!
//! Of the pairs left, most still do not kern (about 1,000 of the article's pairs pass, for 41
//! that kern): each kerning pair also sets one bit of 512 picked by a hash of its two
//! characters, any characters, and a pair whose bit is clear is ruled out too. With a hundred
//! or so pairs in a face, about one pair in twelve that does not kern finds its bit set.
//! Built once from the kerning table when the font is opened, 80 bytes.

use super::format::{code_at, KerningRecord, KERNING_LEN};

/// The first character [`Kerners`] has a bit for; the last is 63 after it.
const FIRST: u32 = 0x40;

/// Bits of the pair filter: a power of two, in words of 32.
const PAIR_BITS: u32 = 512;

/// One bit per character from [`FIRST`] on, for each side of a kerning pair, and one bit per
/// hash of a kerning pair. Words of 32 bits, not one of 64: a Cortex-M shifts those in one
/// instruction.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Kerners {
    left: [u32; 2],
    right: [u32; 2],
    pairs: [u32; (PAIR_BITS / 32) as usize],
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
            let (Some(left), Some(right)) = (side(record.pair >> 16), side(record.pair & 0xFFFF))
            else {
                continue;
            };
            // A character outside the bits is never ruled out by them, so needs none.
            set(&mut kerners.left, left);
            set(&mut kerners.right, right);
            let bit = pair_hash(left, right);
            if let Some(word) = kerners.pairs.get_mut((bit / 32) as usize) {
                *word |= 1 << (bit % 32);
            }
        }
        kerners
    }

    /// Whether `left` then `right` may be a kerning pair: false only where one of them has
    /// a bit and is on that side of no pair.
    #[inline(always)]
    pub(super) fn may_kern(&self, left: char, right: char) -> bool {
        may(&self.left, left) && may(&self.right, right) && {
            let bit = pair_hash(u32::from(left), u32::from(right));
            self.pairs
                .get((bit / 32) as usize)
                .is_none_or(|word| word >> (bit % 32) & 1 == 1)
        }
    }
}

/// Which of the [`PAIR_BITS`] bits the pair `left`, `right` (code points) sets: a
/// multiplicative hash, two multiplications on a Cortex-M.
#[inline(always)]
fn pair_hash(left: u32, right: u32) -> u32 {
    (left.wrapping_mul(0x9E37_79B9) ^ right).wrapping_mul(0x85EB_CA6B) >> (32 - PAIR_BITS.ilog2())
}

fn set(bits: &mut [u32; 2], code: u32) {
    let at = code.wrapping_sub(FIRST);
    if let Some(word) = bits.get_mut((at / 32) as usize) {
        *word |= 1 << (at % 32);
    }
}

#[inline(always)]
fn may(bits: &[u32; 2], c: char) -> bool {
    let at = u32::from(c).wrapping_sub(FIRST);
    match bits.get((at / 32) as usize) {
        Some(word) => word >> (at % 32) & 1 == 1,
        None => true,
    }
}
