//! Anti-aliased glyphs on grayscale targets: coverage blended over white paper.
//!
//! E-paper paper is the target's white (full luma) and ink is black (luma 0), so a pixel
//! covered `level` of `max` gets luma `white - level * white / max`, rounded, in integers.

use core::marker::PhantomData;

use embedded_graphics::pixelcolor::{Gray8, GrayColor};
use embedded_graphics::prelude::{DrawTarget, Pixel, Point, Size};
use embedded_graphics::primitives::Rectangle;

use super::canvas::Canvas;
use super::glyph::bitmap_origin;
use crate::font::Glyph;

/// Draws `glyph` with its pen at `at` on the line's top onto a grayscale target
/// ([`Gray2`](embedded_graphics::pixelcolor::Gray2),
/// [`Gray4`](embedded_graphics::pixelcolor::Gray4) or [`Gray8`]).
///
/// Only pixels darker than paper are drawn, each the gray of its coverage over white paper:
/// the target is assumed to be paper under the glyph. 1-bit glyphs draw in solid black.
///
/// ```
/// use embedded_graphics::{mock_display::MockDisplay, pixelcolor::Gray4, prelude::Point};
/// use inkleaf::draw::draw_glyph_gray;
/// use inkleaf::font::Glyph;
///
/// // One row: solid ink, then half coverage, at 4 bits per pixel.
/// let glyph = Glyph { advance: 3, left: 0, width: 2, top: 0, height: 1, bpp: 4, bits: &[0xF8] };
/// let mut display = MockDisplay::<Gray4>::new();
/// draw_glyph_gray(&glyph, Point::zero(), &mut display).unwrap();
/// display.assert_pattern(&["07"]);
/// ```
pub fn draw_glyph_gray<C, D>(glyph: &Glyph<'_>, at: Point, target: &mut D) -> Result<(), D::Error>
where
    C: GrayColor + From<Gray8>,
    D: DrawTarget<Color = C>,
{
    target.draw_iter(GrayPixels::new(*glyph, at, false))
}

/// The covered pixels of a glyph, each in its shade of gray.
#[derive(Clone, Debug)]
struct GrayPixels<'a, C> {
    glyph: Glyph<'a>,
    origin: Point,
    /// Whether to draw the glyph over itself one pixel to the right, as bold headings are.
    bold: bool,
    /// Gray for each coverage level, worked out once per glyph.
    shades: [C; 16],
    x: u32,
    y: u32,
    color: PhantomData<C>,
}

impl<'a, C: GrayColor + From<Gray8>> GrayPixels<'a, C> {
    fn new(glyph: Glyph<'a>, at: Point, bold: bool) -> Self {
        let max = u32::from(glyph.max_coverage());
        let mut shades = [C::WHITE; 16];
        for (level, shade) in (0u32..).zip(shades.iter_mut()).take(max as usize + 1) {
            // Blend in Gray8, then round to the target's depth.
            let ink = (level * 255 + max / 2) / max;
            *shade = C::from(Gray8::new((255 - ink) as u8));
        }
        GrayPixels {
            glyph,
            origin: bitmap_origin(&glyph, at),
            bold,
            shades,
            x: 0,
            y: 0,
            color: PhantomData,
        }
    }

    fn level(&self, x: u32) -> u8 {
        let own = self.glyph.bitmap_level(x, self.y);
        if !self.bold {
            return own;
        }
        // Drawn twice, a pixel takes the darker of the two copies, not the later one.
        let shifted = x
            .checked_sub(1)
            .map_or(0, |x| self.glyph.bitmap_level(x, self.y));
        own.max(shifted)
    }
}

impl<C: GrayColor + From<Gray8>> Iterator for GrayPixels<'_, C> {
    type Item = Pixel<C>;

    fn next(&mut self) -> Option<Pixel<C>> {
        let width = self.glyph.width.saturating_add(u32::from(self.bold));
        while self.y < self.glyph.height {
            while self.x < width {
                let x = self.x;
                self.x += 1;
                let shade = *self.shades.get(usize::from(self.level(x)))?;
                // Paper is already white; drawing it could only lighten a neighbour's ink.
                if shade != C::WHITE {
                    let point = self.origin + Point::new(x as i32, self.y as i32);
                    return Some(Pixel(point, shade));
                }
            }
            self.x = 0;
            self.y += 1;
        }
        None
    }
}

/// A grayscale target seen as a page canvas: paper is white, glyphs are blended gray.
pub(crate) struct GrayCanvas<'d, D>(pub(crate) &'d mut D);

impl<C, D> Canvas for GrayCanvas<'_, D>
where
    C: GrayColor + From<Gray8>,
    D: DrawTarget<Color = C>,
{
    type Error = D::Error;

    fn clear_page(&mut self, size: Size) -> Result<(), D::Error> {
        self.0
            .fill_solid(&Rectangle::new(Point::zero(), size), C::WHITE)
    }

    fn glyph(&mut self, glyph: &Glyph<'_>, at: Point) -> Result<(), D::Error> {
        self.0.draw_iter(GrayPixels::new(*glyph, at, false))
    }

    fn bold_glyph(&mut self, glyph: &Glyph<'_>, at: Point) -> Result<(), D::Error> {
        self.0.draw_iter(GrayPixels::new(*glyph, at, true))
    }

    fn fill(&mut self, area: &Rectangle) -> Result<(), D::Error> {
        self.0.fill_solid(area, C::BLACK)
    }
}

#[cfg(test)]
mod tests {
    use embedded_graphics::mock_display::MockDisplay;
    use embedded_graphics::pixelcolor::{Gray2, Gray4, Gray8};
    use embedded_graphics::prelude::Point;

    use super::{draw_glyph_gray, Canvas, GrayCanvas};
    use crate::font::Glyph;

    /// A 4x2 glyph at 4 bits: a ramp 0, 5, 10, 15 over a ramp 15, 8, 7, 1.
    const RAMP: Glyph<'static> = Glyph {
        advance: 5,
        left: -1,
        width: 4,
        top: 1,
        height: 2,
        bpp: 4,
        bits: &[0x05, 0xAF, 0xF8, 0x71],
    };

    #[test]
    fn four_bit_coverage_maps_to_gray4_ink_dark() {
        let mut display = MockDisplay::<Gray4>::new();
        draw_glyph_gray(&RAMP, Point::new(1, 0), &mut display).unwrap();
        // Level 0 is not drawn; 15 is black (0); 5 of 15 is a third of the way to black.
        display.assert_pattern(&["    ", " A50", "078E"]);
    }

    #[test]
    fn four_bit_coverage_rounds_to_gray2() {
        let mut display = MockDisplay::<Gray2>::new();
        draw_glyph_gray(&RAMP, Point::new(1, 0), &mut display).unwrap();
        // Level 1 of 15 rounds to white in 2 bits: not drawn at all.
        display.assert_pattern(&["    ", " 210", "012 "]);
    }

    #[test]
    fn two_bit_coverage_maps_to_gray8() {
        let glyph = Glyph {
            advance: 3,
            left: 0,
            width: 3,
            top: 0,
            height: 1,
            bpp: 2,
            bits: &[0b11_10_01_00],
        };
        let mut display = MockDisplay::<Gray8>::new();
        draw_glyph_gray(&glyph, Point::new(0, 0), &mut display).unwrap();
        assert_eq!(display.get_pixel(Point::new(0, 0)), Some(Gray8::new(0)));
        assert_eq!(display.get_pixel(Point::new(1, 0)), Some(Gray8::new(85)));
        assert_eq!(display.get_pixel(Point::new(2, 0)), Some(Gray8::new(170)));
    }

    #[test]
    fn one_bit_glyphs_draw_black() {
        let glyph = Glyph {
            advance: 3,
            left: 1,
            width: 3,
            top: 1,
            height: 2,
            bpp: 1,
            bits: &[0b1010_0000, 0b0100_0000],
        };
        let mut display = MockDisplay::<Gray4>::new();
        draw_glyph_gray(&glyph, Point::new(0, 0), &mut display).unwrap();
        display.assert_pattern(&["    ", " 0 0", "  0 "]);
    }

    #[test]
    fn bold_takes_the_darker_copy() {
        let mut display = MockDisplay::<Gray4>::new();
        GrayCanvas(&mut display)
            .bold_glyph(&RAMP, Point::new(1, 0))
            .unwrap();
        // Each pixel is the darker of itself and its left neighbour, drawn once.
        display.assert_pattern(&["     ", " A500", "0078E"]);
    }
}
