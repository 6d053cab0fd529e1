//! Blitting glyph bitmaps: only inked pixels reach the target.

use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::{Pixel, Point};

use super::canvas::Canvas;

use crate::font::{Font, Glyph};

/// The inked pixels of a glyph placed at `origin` (its top-left corner).
#[derive(Clone, Debug)]
pub(crate) struct InkedPixels<'a> {
    glyph: Glyph<'a>,
    origin: Point,
    x: u32,
    y: u32,
}

impl<'a> InkedPixels<'a> {
    pub(crate) fn new(glyph: Glyph<'a>, origin: Point) -> Self {
        InkedPixels {
            glyph,
            origin: origin + Point::new(0, glyph.top as i32),
            x: 0,
            y: 0,
        }
    }
}

impl Iterator for InkedPixels<'_> {
    type Item = Pixel<BinaryColor>;

    fn next(&mut self) -> Option<Self::Item> {
        let row_bytes = self.glyph.width.div_ceil(8);
        while self.y < self.glyph.height {
            let row_start = usize::try_from(self.y * row_bytes).ok()?;
            while self.x < self.glyph.width {
                let byte = *self.glyph.bits.get(row_start + (self.x / 8) as usize)?;
                let shifted = byte << (self.x % 8);
                if shifted == 0 {
                    // Nothing more inked in this byte: jump to the next one.
                    self.x = (self.x / 8 + 1) * 8;
                    continue;
                }
                // Skip blank pixels up to the next inked one in this byte.
                self.x += shifted.leading_zeros();
                let point = self.origin + Point::new(self.x as i32, self.y as i32);
                self.x += 1;
                if self.x - 1 < self.glyph.width {
                    return Some(Pixel(point, BinaryColor::On));
                }
            }
            self.x = 0;
            self.y += 1;
        }
        None
    }
}

/// Draws the glyphs for `c` with their top-left corner at `origin`, returning the advance.
/// `bold` draws each glyph twice, one pixel apart.
pub(crate) fn draw_char<F: Font, C: Canvas>(
    font: &F,
    c: char,
    origin: Point,
    bold: bool,
    canvas: &mut C,
) -> Result<u32, C::Error> {
    if let Some(glyph) = font.glyph(c) {
        // The common case: the font has the character itself.
        canvas.glyph(&glyph, origin)?;
        if bold {
            canvas.glyph(&glyph, origin + Point::new(1, 0))?;
        }
        return Ok(glyph.advance);
    }
    let mut advance = 0u32;
    for glyph in font.glyphs(c) {
        let at = origin + Point::new(advance as i32, 0);
        canvas.glyph(&glyph, at)?;
        if bold {
            canvas.glyph(&glyph, at + Point::new(1, 0))?;
        }
        advance += glyph.advance;
    }
    Ok(advance)
}
