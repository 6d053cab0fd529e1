//! Where a firmware draws its pages: the engine's packed framebuffer, which blits glyph
//! rows a byte at a time (the mono path), or any embedded-graphics `DrawTarget`, fed pixel
//! by pixel (what a display driver's own buffer gets). Both give the same bytes.

use embedded_graphics::Drawable;
use inkleaf::{font::Font, Page};

use crate::fb;

/// A page-sized 1-bit framebuffer: row-major, MSB = leftmost pixel, 1 = ink.
pub trait Surface<'b>: Sized {
    /// A `width` x `height` page over `buffer`; `None` if it does not fit.
    fn new(buffer: &'b mut [u8], width: u32, height: u32) -> Option<Self>;

    /// Draws `view` over whatever the page held.
    fn draw<F: Font>(&mut self, view: &Page<'_, F>);

    /// The packed page, as sent to the host.
    fn bytes(&self) -> &[u8];
}

/// The engine's framebuffer, drawn with `Page::draw_into`.
pub type Blit<'b> = inkleaf::Framebuffer<&'b mut [u8]>;

impl<'b> Surface<'b> for Blit<'b> {
    fn new(buffer: &'b mut [u8], width: u32, height: u32) -> Option<Self> {
        inkleaf::Framebuffer::new(buffer, width, height).ok()
    }

    fn draw<F: Font>(&mut self, view: &Page<'_, F>) {
        view.draw_into(self);
    }

    fn bytes(&self) -> &[u8] {
        self.as_bytes()
    }
}

/// A plain `DrawTarget`, drawn with `Drawable::draw`.
pub type Pixels<'b> = fb::Framebuffer<'b>;

impl<'b> Surface<'b> for Pixels<'b> {
    fn new(buffer: &'b mut [u8], width: u32, height: u32) -> Option<Self> {
        fb::Framebuffer::new(buffer, width, height)
    }

    fn draw<F: Font>(&mut self, view: &Page<'_, F>) {
        let Ok(()) = view.draw(self);
    }

    fn bytes(&self) -> &[u8] {
        self.as_bytes()
    }
}
