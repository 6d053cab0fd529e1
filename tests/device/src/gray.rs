//! A packed 4-bit grayscale framebuffer, as 16-level e-paper drivers take it.

use core::convert::Infallible;

use embedded_graphics::{
    pixelcolor::{Gray4, GrayColor},
    prelude::*,
    primitives::Rectangle,
};

/// Bytes a `width` x `height` page takes: two pixels a byte, rows padded to whole bytes.
pub const fn bytes_for(width: u32, height: u32) -> usize {
    width.div_ceil(2) as usize * height as usize
}

/// Row-major, two pixels a byte: pixel `(x, y)` is the high nibble of byte
/// `y * stride + x / 2` for even `x`, the low one for odd `x`. A nibble is the pixel's luma,
/// 0 black (ink) to 15 white (paper); a row's padding nibble stays 0.
///
/// It borrows its bytes so that a firmware can keep them in a `static`.
pub struct Framebuffer<'a> {
    bytes: &'a mut [u8],
    size: Size,
    stride: usize,
}

impl<'a> Framebuffer<'a> {
    /// A `width` x `height` page at the front of `buffer`; `None` if `buffer` is too small
    /// or the page is empty.
    pub fn new(buffer: &'a mut [u8], width: u32, height: u32) -> Option<Self> {
        if width == 0 || height == 0 {
            return None;
        }
        let bytes = buffer.get_mut(..bytes_for(width, height))?;
        Some(Self {
            bytes,
            size: Size::new(width, height),
            stride: width.div_ceil(2) as usize,
        })
    }

    /// The packed page, as sent to the host.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes
    }

    /// Byte index and whether the pixel is the high nibble, `None` outside the page.
    fn locate(&self, point: Point) -> Option<(usize, bool)> {
        let (x, y) = (u32::try_from(point.x).ok()?, u32::try_from(point.y).ok()?);
        if x >= self.size.width || y >= self.size.height {
            return None;
        }
        Some((y as usize * self.stride + x as usize / 2, x % 2 == 0))
    }
}

impl OriginDimensions for Framebuffer<'_> {
    fn size(&self) -> Size {
        self.size
    }
}

impl DrawTarget for Framebuffer<'_> {
    type Color = Gray4;
    type Error = Infallible;

    fn draw_iter<I>(&mut self, pixels: I) -> Result<(), Self::Error>
    where
        I: IntoIterator<Item = Pixel<Self::Color>>,
    {
        for Pixel(point, color) in pixels {
            // Drawables may reach outside the page; clip silently as embedded-graphics expects.
            let Some((index, high)) = self.locate(point) else {
                continue;
            };
            let Some(byte) = self.bytes.get_mut(index) else {
                continue;
            };
            let luma = color.luma() & 0x0f;
            *byte = if high {
                (*byte & 0x0f) | luma << 4
            } else {
                (*byte & 0xf0) | luma
            };
        }
        Ok(())
    }

    fn fill_solid(&mut self, area: &Rectangle, color: Self::Color) -> Result<(), Self::Error> {
        // Pages start with a full-page fill: pixel by pixel it would cost more than the text.
        let bounds = self.bounding_box();
        if area.intersection(&bounds) == bounds {
            return self.clear(color);
        }
        self.draw_iter(area.points().map(|point| Pixel(point, color)))
    }

    fn clear(&mut self, color: Self::Color) -> Result<(), Self::Error> {
        let luma = color.luma() & 0x0f;
        // An odd width leaves a padding nibble at the end of each row: keep it 0 so that
        // equal pages always have equal bytes.
        let odd = self.size.width % 2 == 1;
        for row in self.bytes.chunks_exact_mut(self.stride) {
            row.fill(luma << 4 | luma);
            if let (true, Some(end)) = (odd, row.last_mut()) {
                *end &= 0xf0;
            }
        }
        Ok(())
    }
}
