//! Where a firmware draws its pages: the engine's packed framebuffer, which blits glyph
//! rows a byte at a time (the mono path), any embedded-graphics `DrawTarget`, fed pixel
//! by pixel (what a display driver's own buffer gets), or a 4-bit grayscale framebuffer
//! drawn through the engine's gray path. The first two give the same bytes.

use embedded_graphics::Drawable;
use inkleaf::{font::Family, Layout, Page, Position};

use crate::{fb, gray};

/// A page-sized framebuffer.
pub trait Surface<'b>: Sized {
    /// Bits per pixel: 1 (1 = ink, MSB leftmost) or 4 (luma, high nibble leftmost).
    const BITS: u32;

    /// A `width` x `height` page over `buffer`; `None` if it does not fit.
    fn new(buffer: &'b mut [u8], width: u32, height: u32) -> Option<Self>;

    /// Draws `view` over whatever the page held.
    fn draw<F: Family>(&mut self, view: &Page<'_, F>);

    /// Turns to page `index` of `layout`, which starts at `start`, and draws it with a
    /// footer total of `total`: the page laid out, then drawn.
    fn turn<'l, F: Family>(
        &mut self,
        layout: &'l Layout<'_, F>,
        index: u32,
        start: Position,
        total: u32,
    ) -> Result<Page<'l, F>, inkleaf::Error> {
        lay_out_and_draw(self, layout, index, start, total)
    }

    /// The packed page, as sent to the host.
    fn bytes(&self) -> &[u8];
}

/// The engine's framebuffer, drawn with `Page::draw_into`.
pub type Blit<'b> = inkleaf::Framebuffer<&'b mut [u8]>;

impl<'b> Surface<'b> for Blit<'b> {
    const BITS: u32 = 1;

    fn new(buffer: &'b mut [u8], width: u32, height: u32) -> Option<Self> {
        inkleaf::Framebuffer::new(buffer, width, height).ok()
    }

    fn draw<F: Family>(&mut self, view: &Page<'_, F>) {
        view.draw_into(self);
    }

    /// As a reader turns pages (`Layout::draw_counted_page_into`): a baked page in one pass
    /// over its text, the index's total the footer's; any other page laid out with its breaks
    /// recorded, then drawn from them.
    fn turn<'l, F: Family>(
        &mut self,
        layout: &'l Layout<'_, F>,
        index: u32,
        start: Position,
        total: u32,
    ) -> Result<Page<'l, F>, inkleaf::Error> {
        layout.draw_counted_page_into(index, start, total, self)
    }

    fn bytes(&self) -> &[u8] {
        self.as_bytes()
    }
}

/// [`Surface::turn`]'s own way: the page laid out, then drawn. Out of line, so that a baked
/// page turn (`Blit`'s, for a layout with a page index) does not hold its room.
#[inline(never)]
fn lay_out_and_draw<'b, 'l, S: Surface<'b>, F: Family>(
    surface: &mut S,
    layout: &'l Layout<'_, F>,
    index: u32,
    start: Position,
    total: u32,
) -> Result<Page<'l, F>, inkleaf::Error> {
    let page = layout.page_at(index, start)?.with_total(total);
    surface.draw(&page);
    Ok(page)
}

/// A plain `DrawTarget`, drawn with `Drawable::draw`.
pub type Pixels<'b> = fb::Framebuffer<'b>;

impl<'b> Surface<'b> for Pixels<'b> {
    const BITS: u32 = 1;

    fn new(buffer: &'b mut [u8], width: u32, height: u32) -> Option<Self> {
        fb::Framebuffer::new(buffer, width, height)
    }

    fn draw<F: Family>(&mut self, view: &Page<'_, F>) {
        let Ok(()) = view.draw(self);
    }

    fn bytes(&self) -> &[u8] {
        self.as_bytes()
    }
}

/// A 4-bit grayscale `DrawTarget`, drawn with `Page::draw_gray`: anti-aliased glyphs.
pub type Gray<'b> = gray::Framebuffer<'b>;

impl<'b> Surface<'b> for Gray<'b> {
    const BITS: u32 = 4;

    fn new(buffer: &'b mut [u8], width: u32, height: u32) -> Option<Self> {
        gray::Framebuffer::new(buffer, width, height)
    }

    fn draw<F: Family>(&mut self, view: &Page<'_, F>) {
        let Ok(()) = view.draw_gray(self);
    }

    fn bytes(&self) -> &[u8] {
        self.as_bytes()
    }
}
