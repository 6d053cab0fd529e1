//! Gray pages: a glyph's anti-aliased pixel replaces whatever is under it on a gray target,
//! so the marks a line draws in solid ink (a link's underline, a strike) must come after
//! its glyphs, or the faint edge of a glyph drawn later would lighten them.

use std::collections::HashSet;
use std::convert::Infallible;

use embedded_graphics::pixelcolor::{Gray8, GrayColor};
use embedded_graphics::prelude::*;
use embedded_graphics::primitives::Rectangle;
use inkleaf::Book;

/// A gray page that remembers which pixels a mark (a solid fill smaller than the page)
/// inked, and counts the pixels drawn lighter over them afterwards.
struct MarkWatch {
    size: Size,
    marked: HashSet<Point>,
    lightened: Vec<Point>,
}

impl OriginDimensions for MarkWatch {
    fn size(&self) -> Size {
        self.size
    }
}

impl DrawTarget for MarkWatch {
    type Color = Gray8;
    type Error = Infallible;

    fn draw_iter<I: IntoIterator<Item = Pixel<Gray8>>>(
        &mut self,
        pixels: I,
    ) -> Result<(), Infallible> {
        for Pixel(point, color) in pixels {
            if color != Gray8::BLACK && self.marked.contains(&point) {
                self.lightened.push(point);
            }
        }
        Ok(())
    }

    fn fill_solid(&mut self, area: &Rectangle, color: Gray8) -> Result<(), Infallible> {
        if area.size != self.size && color == Gray8::BLACK {
            self.marked.extend(area.points());
        }
        Ok(())
    }
}

#[test]
fn no_glyph_lightens_a_links_underline() {
    let path = format!(
        "{}/fixtures/device/rich-4.2in-4bit.inkleaf",
        env!("CARGO_MANIFEST_DIR")
    );
    let blob = std::fs::read(path).unwrap();
    let book = Book::from_bytes(&blob).unwrap();
    let layout = book.layout().unwrap();
    let mut underlined = 0;
    for page in layout.pages() {
        let mut watch = MarkWatch {
            size: page.size(),
            marked: HashSet::new(),
            lightened: Vec::new(),
        };
        let Ok(()) = page.draw_gray(&mut watch);
        underlined += watch.marked.len();
        assert!(
            watch.lightened.is_empty(),
            "page {}: glyphs drawn lighter over marks at {:?}",
            page.index + 1,
            watch.lightened
        );
    }
    // The badges, the reference link and the quote rules are marks.
    assert!(underlined > 0);
}
