//! The "page x / y" line under the text.

use core::fmt::Write;

use embedded_graphics::prelude::Point;

use super::canvas::Canvas;
use super::glyph::draw_char;
use crate::font::{Face, Family, Font};
use crate::layout::Layout;

/// Draws "page `number` / `total`" centred in the footer band.
///
/// The label never reaches into the side margins or past the display's edge: a text area too
/// narrow for it gets "x / y", then just "x", and whatever still does not fit is clipped.
pub(super) fn draw<F: Family, C: Canvas>(
    layout: &Layout<'_, F>,
    number: u32,
    total: u32,
    target: &mut C,
) -> Result<(), C::Error> {
    let font = &layout.fonts().face(Face::Regular);
    let profile = layout.profile();
    let label = label(font, number, total, layout.text_width());
    let x = (u32::from(profile.width).saturating_sub(width(font, &label)) / 2)
        .max(u32::from(profile.margins.left));
    let right = u32::from(profile.width).saturating_sub(u32::from(profile.margins.right));
    let y = u32::from(profile.height)
        .saturating_sub(u32::from(profile.margins.bottom))
        .saturating_sub(layout.line_height());
    let mut origin = Point::new(x as i32, y as i32);
    for c in label.chars() {
        if origin.x as u32 + font.advance(c) > right {
            break;
        }
        origin.x += draw_char(font, c, origin, font.embolden(), target)? as i32;
    }
    Ok(())
}

/// The longest of "page x / y", "x / y" and "x" that fits in `room` pixels ("x" if none does).
fn label<F: Font>(font: &F, number: u32, total: u32, room: u32) -> heapless::String<32> {
    let mut label = heapless::String::new();
    for form in 0..3 {
        label.clear();
        // 32 bytes always hold "page 4294967295 / 4294967295".
        let _ = match form {
            0 => write!(label, "page {number} / {total}"),
            1 => write!(label, "{number} / {total}"),
            _ => write!(label, "{number}"),
        };
        if width(font, &label) <= room {
            break;
        }
    }
    label
}

fn width<F: Font>(font: &F, text: &str) -> u32 {
    text.chars().map(|c| font.advance(c)).sum()
}
