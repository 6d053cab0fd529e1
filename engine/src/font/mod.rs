//! Fonts: what layout measures with and drawing blits.
//!
//! A [`Font`] hands out [`Glyph`] bitmaps. Characters a font lacks are set with a documented
//! ASCII stand-in (see [`fallback`]), and a character with no stand-in shows as `?`, so no
//! character is ever silently dropped and measuring and drawing always agree.

mod fallback;
mod mono;
mod mono_data;

pub use fallback::fallback;
pub use mono::{MonoFont, MONO_10X20, MONO_6X10, MONO_8X13};

/// A 1-bit glyph bitmap with its placement.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Glyph<'a> {
    /// Pixels the pen moves right after this glyph.
    pub advance: u32,
    /// Bitmap width in pixels.
    pub width: u32,
    /// Rows from the top of the line to the bitmap's first row. Blank rows are not stored,
    /// so drawing skips them.
    pub top: u32,
    /// Bitmap height in pixels.
    pub height: u32,
    /// Rows top to bottom, each padded to whole bytes, most significant bit leftmost.
    pub bits: &'a [u8],
}

impl Glyph<'_> {
    /// Whether the pixel at column `x`, row `y` of the line box is inked. Out of range is blank.
    pub fn pixel(&self, x: u32, y: u32) -> bool {
        let Some(y) = y.checked_sub(self.top) else {
            return false;
        };
        if x >= self.width || y >= self.height {
            return false;
        }
        let row_bytes = self.width.div_ceil(8);
        let index = y * row_bytes + x / 8;
        usize::try_from(index)
            .ok()
            .and_then(|i| self.bits.get(i))
            .is_some_and(|byte| byte & (0x80 >> (x % 8)) != 0)
    }
}

/// A bitmap font the layout can measure and the renderer can draw.
///
/// Glyph boxes start at the top of the line; a later font kind with per-glyph offsets extends
/// [`Glyph`] rather than this trait.
pub trait Font {
    /// Pixels from the top of one line to the top of the next, before extra line spacing.
    fn line_height(&self) -> u32;

    /// The widest advance any character can take, stand-ins included.
    fn max_advance(&self) -> u32;

    /// The font's own glyph for `c`, or `None` if it lacks one.
    fn glyph(&self, c: char) -> Option<Glyph<'_>>;

    /// The glyphs that set `c`: its own, else its stand-in's, else `?`.
    fn glyphs(&self, c: char) -> Glyphs<'_> {
        let mut out = Glyphs::default();
        if let Some(g) = self.glyph(c) {
            out.push(g);
        } else if let Some(stand_in) = fallback(c) {
            stand_in
                .chars()
                .filter_map(|s| self.glyph(s))
                .for_each(|g| out.push(g));
        }
        if out.len == 0 {
            if let Some(g) = self.glyph('?') {
                out.push(g);
            }
        }
        out
    }

    /// Pixels the pen moves for `c`, fallback included.
    fn advance(&self, c: char) -> u32 {
        self.glyphs(c).map(|g| g.advance).sum()
    }
}

/// Up to three glyphs that set one character (the longest stand-in is `...`).
#[derive(Copy, Clone, Debug, Default)]
pub struct Glyphs<'a> {
    glyphs: [Option<Glyph<'a>>; 3],
    len: u8,
    next: u8,
}

impl<'a> Glyphs<'a> {
    fn push(&mut self, glyph: Glyph<'a>) {
        if let Some(slot) = self.glyphs.get_mut(usize::from(self.len)) {
            *slot = Some(glyph);
            self.len += 1;
        }
    }
}

impl<'a> Iterator for Glyphs<'a> {
    type Item = Glyph<'a>;

    fn next(&mut self) -> Option<Glyph<'a>> {
        let glyph = (*self.glyphs.get(usize::from(self.next))?)?;
        self.next += 1;
        Some(glyph)
    }
}
