//! Where a page's ink falls: every inked pixel must lie in the text area or the footer band,
//! in 1 bit and in gray alike.

use embedded_graphics::pixelcolor::{BinaryColor, Gray8, GrayColor};
use embedded_graphics::prelude::{Point, Size};
use embedded_graphics::primitives::Rectangle;
use embedded_graphics::Drawable;
use std::collections::BTreeSet;

use inkleaf::font::{Face, Family, Font};
use inkleaf::{Layout, Page};

use crate::check::{footer_band, text_area};
use crate::targets::InkRecorder;

/// Ink a page put where it may not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stray {
    /// Pixels drawn off the display.
    pub off_display: usize,
    /// Inked points on the display outside the text area and the footer band.
    pub points: Vec<Point>,
    /// How far the farthest of them lies left or right of the text area, in pixels.
    pub across: u32,
    /// How far the farthest of them lies above or below it (the footer band aside).
    pub down: u32,
}

impl Stray {
    /// Whether the page kept its ink where it belongs.
    pub fn is_clean(&self) -> bool {
        self.off_display == 0 && self.points.is_empty()
    }
}

/// How `page` inks, drawn in 1 bit ([`Drawable::draw`]) or in gray
/// ([`Page::draw_gray`]); `total` is the footer's page count.
pub fn stray_ink<F: Family>(layout: &Layout<'_, F>, page: Page<'_, F>, gray: bool) -> Stray {
    let p = layout.profile();
    let size = Size::new(u32::from(p.width), u32::from(p.height));
    let total = layout.page_count();
    let page = page.with_total(total);
    let (ink, off_display): (Vec<Point>, usize) = if gray {
        let mut recorder = InkRecorder::new(size, Gray8::WHITE);
        let Ok(()) = page.draw_gray(&mut recorder);
        (recorder.ink().to_vec(), recorder.outside())
    } else {
        let mut recorder = InkRecorder::new(size, BinaryColor::Off);
        let Ok(()) = page.draw(&mut recorder);
        (recorder.ink().to_vec(), recorder.outside())
    };
    let (text, footer) = (text_area(layout), footer_band(layout));
    let points: Vec<Point> = ink
        .into_iter()
        .filter(|&point| !text.contains(point) && !footer.contains(point))
        .collect();
    let (mut across, mut down) = (0, 0);
    for &point in &points {
        let (dx, dy) = distance(text, point);
        (across, down) = (across.max(dx), down.max(dy));
    }
    Stray {
        off_display,
        points,
        across,
        down,
    }
}

/// Pixels from `area` to `point` across and down.
fn distance(area: Rectangle, point: Point) -> (u32, u32) {
    let bottom_right = area.top_left + area.size - Point::new(1, 1);
    let dx = (area.top_left.x - point.x)
        .max(point.x - bottom_right.x)
        .max(0);
    let dy = (area.top_left.y - point.y)
        .max(point.y - bottom_right.y)
        .max(0);
    (dx as u32, dy as u32)
}

/// The most any glyph that sets a character of `layout`'s book, in any face, inks past its
/// advance on the right or before the pen on the left: how far a line's first or last
/// glyph may reach into the margin.
pub fn overhang<F: Family>(layout: &Layout<'_, F>) -> u32 {
    let chars: BTreeSet<char> = layout
        .book()
        .blocks()
        .flat_map(|block| block.text.chars())
        .chain(['-', '?'])
        .collect();
    let mut most = 0i64;
    for face in Face::ALL {
        let font = layout.fonts().face(face);
        for &c in &chars {
            let mut x = 0i64;
            for glyph in font.glyphs(c) {
                let left = x + i64::from(glyph.left);
                // An emboldened glyph is inked twice, the second time a pixel to the right.
                let right = left + i64::from(glyph.width) + i64::from(font.embolden());
                x += i64::from(glyph.advance);
                most = most.max(-left).max(right - x);
            }
        }
    }
    u32::try_from(most).unwrap_or(0)
}
