//! A packed 1-bit framebuffer laid out the way e-paper drivers take it.

use core::convert::Infallible;

use embedded_graphics::{pixelcolor::BinaryColor, prelude::*, primitives::Rectangle};

/// Bytes a `width` x `height` page takes: rows are padded to whole bytes.
pub const fn bytes_for(width: u32, height: u32) -> usize {
    width.div_ceil(8) as usize * height as usize
}

/// Row-major, MSB-first: pixel `(x, y)` is bit `7 - x % 8` of byte `y * stride + x / 8`.
/// A set bit is `BinaryColor::On`; padding bits at the end of a row stay clear.
///
/// It borrows its bytes so that a firmware can keep them in a `static` (out of the stack
/// figures) and size them for its display without an allocator.
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
        let stride = width.div_ceil(8) as usize;
        let bytes = buffer.get_mut(..bytes_for(width, height))?;
        let size = Size::new(width, height);
        Some(Self {
            bytes,
            size,
            stride,
        })
    }

    /// The packed page, as sent to the host.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes
    }

    /// Byte index and bit mask of `point`, `None` outside the page.
    fn locate(&self, point: Point) -> Option<(usize, u8)> {
        let (x, y) = (u32::try_from(point.x).ok()?, u32::try_from(point.y).ok()?);
        if x >= self.size.width || y >= self.size.height {
            return None;
        }
        Some((y as usize * self.stride + x as usize / 8, 0x80 >> (x % 8)))
    }
}

impl OriginDimensions for Framebuffer<'_> {
    fn size(&self) -> Size {
        self.size
    }
}

impl DrawTarget for Framebuffer<'_> {
    type Color = BinaryColor;
    type Error = Infallible;

    fn draw_iter<I>(&mut self, pixels: I) -> Result<(), Self::Error>
    where
        I: IntoIterator<Item = Pixel<Self::Color>>,
    {
        for Pixel(point, color) in pixels {
            // Drawables may reach outside the page; clip silently as embedded-graphics expects.
            let Some((index, mask)) = self.locate(point) else {
                continue;
            };
            let Some(byte) = self.bytes.get_mut(index) else {
                continue;
            };
            match color {
                BinaryColor::On => *byte |= mask,
                BinaryColor::Off => *byte &= !mask,
            }
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
        let fill = match color {
            BinaryColor::On => 0xff,
            BinaryColor::Off => 0x00,
        };
        // Keep padding bits clear so equal pages always have equal bytes.
        let padding = self.stride * 8 - self.size.width as usize;
        let last = u8::MAX << padding;
        for row in self.bytes.chunks_exact_mut(self.stride) {
            row.fill(fill);
            if let Some(end) = row.last_mut() {
                *end &= last;
            }
        }
        Ok(())
    }
}
