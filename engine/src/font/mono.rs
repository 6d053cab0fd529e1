//! Monospaced bitmap fonts covering ASCII and Latin-1.
//!
//! The bitmaps are the embedded-graphics 0.8 mono fonts, stored one glyph after another so a
//! glyph is found with one subtraction and drawn straight from flash. `mono_data.rs` is
//! generated from embedded-graphics' glyph atlases by `tests/src/mono_data.rs`.

use super::{mono_data, Font, Glyph};

/// Glyphs in each font: 95 ASCII and 96 Latin-1.
const GLYPHS: usize = 191;

/// A monospaced 1-bit font covering U+0020..=U+007E and U+00A0..=U+00FF.
///
/// ```
/// use inkleaf::font::{Font, MONO_8X13};
///
/// let font = &MONO_8X13;
/// assert_eq!((font.name, font.line_height()), ("8x13", 13));
/// assert_eq!(font.advance('W'), font.width); // every cell alike
/// assert!(font.glyph('é').is_some() && font.glyph('ő').is_none()); // Latin-1 only
/// ```
#[derive(Debug)]
pub struct MonoFont {
    /// Short name such as `6x10`.
    pub name: &'static str,
    /// Glyph cell width, which is also the advance.
    pub width: u32,
    /// Glyph cell height, which is also the line height.
    pub height: u32,
    bits: &'static [u8],
    /// First and one-past-last inked row of every glyph, so blank rows are never drawn.
    inked: [(u8, u8); GLYPHS],
}

/// 6x10 pixels: 49 columns on a 296-pixel display.
pub static MONO_6X10: MonoFont = MonoFont::new("6x10", 6, 10, mono_data::MONO_6X10);

/// 8x13 pixels.
pub static MONO_8X13: MonoFont = MonoFont::new("8x13", 8, 13, mono_data::MONO_8X13);

/// 10x20 pixels, for large displays.
pub static MONO_10X20: MonoFont = MonoFont::new("10x20", 10, 20, mono_data::MONO_10X20);

/// Index of `c` in the glyph table: ASCII first, then Latin-1.
#[inline(always)]
fn glyph_index(c: char) -> Option<u32> {
    match u32::from(c) {
        code @ 0x20..=0x7E => Some(code - 0x20),
        code @ 0xA0..=0xFF => Some(code - 0xA0 + 95),
        _ => None,
    }
}

impl MonoFont {
    /// The advance of a character the font draws with stand-ins: out of line, so that
    /// measuring the characters it has takes no stack for them.
    #[inline(never)]
    fn stand_in_advance(&self, c: char) -> u32 {
        self.glyphs(c).map(|g| g.advance).sum()
    }

    const fn new(name: &'static str, width: u32, height: u32, bits: &'static [u8]) -> Self {
        MonoFont {
            name,
            width,
            height,
            bits,
            inked: inked_rows(
                bits,
                (width.div_ceil(8) * height) as usize,
                width.div_ceil(8) as usize,
            ),
        }
    }

    fn glyph_bytes(&self) -> u32 {
        self.width.div_ceil(8) * self.height
    }
}

/// For each glyph, the range of rows holding ink, worked out at compile time.
const fn inked_rows(bits: &[u8], glyph_bytes: usize, row_bytes: usize) -> [(u8, u8); GLYPHS] {
    let mut table = [(0u8, 0u8); GLYPHS];
    let rows = glyph_bytes / row_bytes;
    let mut g = 0;
    while g < GLYPHS {
        let (mut first, mut last) = (rows, 0);
        let mut r = 0;
        while r < rows {
            let mut k = 0;
            while k < row_bytes {
                let i = g * glyph_bytes + r * row_bytes + k;
                if i < bits.len() && bits[i] != 0 {
                    if r < first {
                        first = r;
                    }
                    last = r + 1;
                }
                k += 1;
            }
            r += 1;
        }
        if first > last {
            first = last;
        }
        table[g] = (first as u8, last as u8);
        g += 1;
    }
    table
}

impl Font for MonoFont {
    fn line_height(&self) -> u32 {
        self.height
    }

    fn baseline(&self) -> u32 {
        // The X11 fonts these come from: ascents of 8, 11 and 16 rows.
        match self.height {
            10 => 8,
            13 => 11,
            20 => 16,
            height => height * 4 / 5,
        }
    }

    fn max_advance(&self) -> u32 {
        // The longest stand-in, `...`, is three cells.
        3 * self.width
    }

    #[inline]
    fn glyph(&self, c: char) -> Option<Glyph<'_>> {
        let index = glyph_index(c)?;
        let (first, last) = *self.inked.get(index as usize)?;
        let row_bytes = self.width.div_ceil(8);
        let start = index * self.glyph_bytes() + u32::from(first) * row_bytes;
        let end = start + u32::from(last - first) * row_bytes;
        Some(Glyph {
            advance: self.width,
            left: 0,
            width: self.width,
            top: u32::from(first),
            height: u32::from(last - first),
            bpp: 1,
            bits: self.bits.get(start as usize..end as usize)?,
        })
    }

    #[inline]
    fn advance(&self, c: char) -> u32 {
        // Every glyph of a mono font is one cell; only stand-ins take more.
        if glyph_index(c).is_some() {
            return self.width;
        }
        self.stand_in_advance(c)
    }
}
