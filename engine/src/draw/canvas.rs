//! Where glyphs land: any embedded-graphics target, or a packed framebuffer blitted by bytes.
//!
//! Page drawing places glyphs through this one seam, so both kinds of target receive exactly
//! the same glyphs at exactly the same places.

use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::{DrawTarget, Point, Size};
use embedded_graphics::primitives::Rectangle;

use super::glyph::InkedPixels;
use crate::font::Glyph;

/// Something a page can be drawn on.
pub(crate) trait Canvas {
    type Error;

    /// Paints the page area paper-white.
    fn clear_page(&mut self, size: Size) -> Result<(), Self::Error>;

    /// Inks `glyph` with its pen at `at` on the line's top.
    fn glyph(&mut self, glyph: &Glyph<'_>, at: Point) -> Result<(), Self::Error>;

    /// Inks every pixel of `area` that lies on the page.
    fn fill(&mut self, area: &Rectangle) -> Result<(), Self::Error>;

    /// Inks `glyph` twice, one pixel apart: a bold face made from a regular one.
    fn bold_glyph(&mut self, glyph: &Glyph<'_>, at: Point) -> Result<(), Self::Error> {
        self.glyph(glyph, at)?;
        self.glyph(glyph, at + Point::new(1, 0))
    }
}

/// Any `DrawTarget`, fed inked pixels only.
pub(crate) struct TargetCanvas<'d, D>(pub(crate) &'d mut D);

impl<D: DrawTarget<Color = BinaryColor>> Canvas for TargetCanvas<'_, D> {
    type Error = D::Error;

    fn clear_page(&mut self, size: Size) -> Result<(), D::Error> {
        self.0
            .fill_solid(&Rectangle::new(Point::zero(), size), BinaryColor::Off)
    }

    fn glyph(&mut self, glyph: &Glyph<'_>, at: Point) -> Result<(), D::Error> {
        self.0.draw_iter(InkedPixels::new(*glyph, at))
    }

    fn fill(&mut self, area: &Rectangle) -> Result<(), D::Error> {
        self.0.fill_solid(area, BinaryColor::On)
    }
}
