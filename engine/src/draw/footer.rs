//! The footer under the text: "page x / y" centred, or, in a book with chapters, the
//! chapter's title at the left and "x / y · p%" at the right.

use core::fmt::Write;

use embedded_graphics::prelude::Point;

use super::canvas::Canvas;
use super::glyph::draw_char;
use crate::font::{Face, Family, Font};
use crate::layout::{Layout, Status};

/// What a cut title ends in.
const CUT: &str = "...";

/// Draws the footer of a page whose status is `status`.
///
/// Nothing reaches into the side margins or past the display's edge: a label too wide for
/// the text area gets a shorter form, a title is cut, and whatever still does not fit is
/// clipped. A book without chapters shows nothing until its page count is known.
pub(super) fn draw<F: Family, C: Canvas>(
    layout: &Layout<'_, F>,
    status: &Status<'_>,
    target: &mut C,
) -> Result<(), C::Error> {
    let font = &layout.fonts().face(Face::Regular);
    let band = Band::of(layout);
    if layout.book().chapter_count() == 0 {
        let Some(total) = status.total else {
            return Ok(());
        };
        let label = label(font, status.page, total, None, band.width());
        let x = (u32::from(layout.profile().width).saturating_sub(width(font, &label)) / 2)
            .max(band.left);
        return band.draw(font, &label, x, target);
    }
    let label = match (status.total, status.percent) {
        (Some(total), percent) => label(font, status.page, total, percent, band.width()),
        (None, _) => heapless::String::new(),
    };
    let label_width = width(font, &label);
    let x = band.right.saturating_sub(label_width).max(band.left);
    band.draw(font, &label, x, target)?;
    if let Some(chapter) = status.chapter {
        // An em between the title and the label, so they never touch.
        let gap = if label.is_empty() {
            0
        } else {
            font.advance('m')
        };
        let room = band.width().saturating_sub(label_width + gap);
        let (shown, cut) = fit(font, chapter.title, room);
        let mut x = band.left;
        for text in [shown, if cut { CUT } else { "" }] {
            band.draw(font, text, x, target)?;
            x += width(font, text);
        }
    }
    Ok(())
}

/// The footer's line: its left and right ends and its top.
struct Band {
    left: u32,
    right: u32,
    top: u32,
}

impl Band {
    fn of<F: Family>(layout: &Layout<'_, F>) -> Self {
        let profile = layout.profile();
        Band {
            left: u32::from(profile.margins.left),
            right: u32::from(profile.width).saturating_sub(u32::from(profile.margins.right)),
            top: u32::from(profile.height)
                .saturating_sub(u32::from(profile.margins.bottom))
                .saturating_sub(layout.line_height()),
        }
    }

    fn width(&self) -> u32 {
        self.right.saturating_sub(self.left)
    }

    /// Draws `text` from `x` on, clipped at the right end.
    fn draw<F: Font, C: Canvas>(
        &self,
        font: &F,
        text: &str,
        x: u32,
        target: &mut C,
    ) -> Result<(), C::Error> {
        let mut origin = Point::new(x as i32, self.top as i32);
        for c in text.chars() {
            if origin.x as u32 + font.advance(c) > self.right {
                break;
            }
            origin.x += draw_char(font, c, origin, font.embolden(), target)? as i32;
        }
        Ok(())
    }
}

/// `title` as it fits in `room` pixels: whole, or its longest start that leaves room for
/// [`CUT`] (without the spaces it ends in) and whether it was cut; nothing when not even
/// [`CUT`] fits.
pub(crate) fn fit<'t, F: Font>(font: &F, title: &'t str, room: u32) -> (&'t str, bool) {
    if width(font, title) <= room {
        return (title, false);
    }
    let Some(room) = room.checked_sub(width(font, CUT)) else {
        return ("", false);
    };
    let mut used = 0u32;
    let mut end = 0;
    for (at, c) in title.char_indices() {
        used += font.advance(c);
        if used > room {
            break;
        }
        end = at + c.len_utf8();
    }
    (title.get(..end).unwrap_or_default().trim_end(), true)
}

/// The longest form of the page label that fits in `room` pixels (the shortest if none
/// does): "page x / y", "x / y" and "x" without a percentage; "x / y · p%", "x / y" and "x"
/// with one.
fn label<F: Font>(
    font: &F,
    number: u32,
    total: u32,
    percent: Option<u8>,
    room: u32,
) -> heapless::String<32> {
    let mut label = heapless::String::new();
    for form in 0..3 {
        label.clear();
        // 32 bytes always hold "page 4294967295 / 4294967295" and
        // "4294967295 / 4294967295 · 100%".
        let _ = match (form, percent) {
            (0, None) => write!(label, "page {number} / {total}"),
            (0, Some(p)) => write!(label, "{number} / {total} \u{b7} {p}%"),
            (1, _) => write!(label, "{number} / {total}"),
            _ => write!(label, "{number}"),
        };
        if width(font, &label) <= room {
            break;
        }
    }
    label
}

pub(crate) fn width<F: Font>(font: &F, text: &str) -> u32 {
    text.chars().map(|c| font.advance(c)).sum()
}
