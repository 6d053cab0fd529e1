//! Monospaced bitmap fonts covering ASCII and Latin-1.
//!
//! The bitmaps are the embedded-graphics 0.8 mono fonts, stored one glyph after another so a
//! glyph is found with one subtraction and drawn straight from flash.

use super::{mono_data, Font, Glyph};

/// A monospaced 1-bit font covering U+0020..=U+007E and U+00A0..=U+00FF.
#[derive(Debug)]
pub struct MonoFont {
    /// Short name such as `6x10`.
    pub name: &'static str,
    /// Glyph cell width, which is also the advance.
    pub width: u32,
    /// Glyph cell height, which is also the line height.
    pub height: u32,
    bits: &'static [u8],
}

/// 6x10 pixels: 49 columns on a 296-pixel display.
pub static MONO_6X10: MonoFont = MonoFont {
    name: "6x10",
    width: 6,
    height: 10,
    bits: mono_data::MONO_6X10,
};

/// 8x13 pixels.
pub static MONO_8X13: MonoFont = MonoFont {
    name: "8x13",
    width: 8,
    height: 13,
    bits: mono_data::MONO_8X13,
};

/// 10x20 pixels, for large displays.
pub static MONO_10X20: MonoFont = MonoFont {
    name: "10x20",
    width: 10,
    height: 20,
    bits: mono_data::MONO_10X20,
};

/// Index of `c` in the glyph table: ASCII first, then Latin-1.
fn glyph_index(c: char) -> Option<u32> {
    match u32::from(c) {
        code @ 0x20..=0x7E => Some(code - 0x20),
        code @ 0xA0..=0xFF => Some(code - 0xA0 + 95),
        _ => None,
    }
}

impl MonoFont {
    fn glyph_bytes(&self) -> u32 {
        self.width.div_ceil(8) * self.height
    }
}

impl Font for MonoFont {
    fn line_height(&self) -> u32 {
        self.height
    }

    fn max_advance(&self) -> u32 {
        // The longest stand-in, `...`, is three cells.
        3 * self.width
    }

    fn glyph(&self, c: char) -> Option<Glyph<'_>> {
        let len = self.glyph_bytes();
        let start = usize::try_from(glyph_index(c)? * len).ok()?;
        let end = start.checked_add(usize::try_from(len).ok()?)?;
        Some(Glyph {
            advance: self.width,
            width: self.width,
            height: self.height,
            bits: self.bits.get(start..end)?,
        })
    }

    fn advance(&self, c: char) -> u32 {
        // Every glyph of a mono font is one cell; only stand-ins take more.
        if glyph_index(c).is_some() {
            return self.width;
        }
        self.glyphs(c).map(|g| g.advance).sum()
    }
}
