//! The "page x / y" line under the text.

use core::fmt::Write;

use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::{DrawTarget, Point};

use super::glyph::draw_char;
use crate::font::Font;
use crate::layout::Layout;

/// Draws "page `number` / `total`" centred in the footer band.
pub(super) fn draw<F: Font, D: DrawTarget<Color = BinaryColor>>(
    layout: &Layout<'_, '_, F>,
    number: u32,
    total: u32,
    target: &mut D,
) -> Result<(), D::Error> {
    let mut label = heapless::String::<32>::new();
    // 32 bytes always hold "page 4294967295 / 4294967295".
    let _ = write!(label, "page {number} / {total}");
    let font = layout.font();
    let profile = layout.profile();
    let width: u32 = label.chars().map(|c| font.advance(c)).sum();
    let x = u32::from(profile.width).saturating_sub(width) / 2;
    let y = u32::from(profile.height)
        .saturating_sub(u32::from(profile.margins.bottom))
        .saturating_sub(layout.line_height());
    let mut origin = Point::new(x as i32, y as i32);
    for c in label.chars() {
        origin.x += draw_char(font, c, origin, false, target)? as i32;
    }
    Ok(())
}
