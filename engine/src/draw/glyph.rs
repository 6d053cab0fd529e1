//! Blitting glyph bitmaps: only inked pixels reach the target.

use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::{Pixel, Point};

use super::canvas::Canvas;

use crate::font::{Font, Glyph};

/// The inked pixels of a glyph placed with its pen at `origin` on the line's top: for 2- and
/// 4-bit glyphs, the pixels more than half covered.
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
            origin: bitmap_origin(&glyph, origin),
            x: 0,
            y: 0,
        }
    }

    /// The next pixel more than half covered, one pixel at a time.
    fn next_deep(&mut self) -> Option<Pixel<BinaryColor>> {
        while self.y < self.glyph.height {
            while self.x < self.glyph.width {
                let x = self.x;
                self.x += 1;
                if self.glyph.bitmap_level(x, self.y) * 2 > self.glyph.max_coverage() {
                    let point = self.origin + Point::new(x as i32, self.y as i32);
                    return Some(Pixel(point, BinaryColor::On));
                }
            }
            self.x = 0;
            self.y += 1;
        }
        None
    }
}

/// Where the bitmap's top-left pixel lands for a glyph whose pen is at `origin` on the line top.
pub(crate) fn bitmap_origin(glyph: &Glyph<'_>, origin: Point) -> Point {
    origin + Point::new(glyph.left, glyph.top as i32)
}

impl Iterator for InkedPixels<'_> {
    type Item = Pixel<BinaryColor>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.glyph.bits_per_pixel() != 1 {
            return self.next_deep();
        }
        let row_bytes = self.glyph.width.div_ceil(8);
        while self.y < self.glyph.height {
            let row_start = usize::try_from(self.y.checked_mul(row_bytes)?).ok()?;
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

/// Draws the glyphs for `c` with the pen at `origin` on the line's top, returning the advance.
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
        ink(canvas, &glyph, origin, bold)?;
        return Ok(glyph.advance);
    }
    let mut advance = 0u32;
    for glyph in font.glyphs(c) {
        let at = origin + Point::new(advance as i32, 0);
        ink(canvas, &glyph, at, bold)?;
        advance += glyph.advance;
    }
    Ok(advance)
}

#[inline(always)]
fn ink<C: Canvas>(
    canvas: &mut C,
    glyph: &Glyph<'_>,
    at: Point,
    bold: bool,
) -> Result<(), C::Error> {
    if bold {
        canvas.bold_glyph(glyph, at)
    } else {
        canvas.glyph(glyph, at)
    }
}

#[cfg(test)]
mod tests {
    use embedded_graphics::mock_display::MockDisplay;
    use embedded_graphics::pixelcolor::BinaryColor;
    use embedded_graphics::prelude::{DrawTarget, Point};

    use super::InkedPixels;
    use crate::font::Glyph;

    fn draw(glyph: Glyph<'_>, at: Point) -> MockDisplay<BinaryColor> {
        let mut display = MockDisplay::new();
        display.draw_iter(InkedPixels::new(glyph, at)).unwrap();
        display
    }

    #[test]
    fn deep_glyphs_ink_pixels_more_than_half_covered() {
        // Levels 0, 5, 10, 15 over 15, 8, 7, 1, reaching one column left of the pen.
        let glyph = Glyph {
            advance: 5,
            left: -1,
            width: 4,
            top: 1,
            height: 2,
            bpp: 4,
            bits: &[0x05, 0xAF, 0xF8, 0x71],
        };
        draw(glyph, Point::new(1, 0)).assert_pattern(&["    ", "  ##", "##  "]);
    }

    #[test]
    fn one_bit_glyphs_honour_the_left_bearing() {
        let glyph = Glyph {
            advance: 3,
            left: 2,
            width: 9,
            top: 0,
            height: 1,
            bpp: 1,
            bits: &[0b1000_0001, 0b1000_0000],
        };
        draw(glyph, Point::new(1, 0)).assert_pattern(&["   #      ##"]);
    }
}
