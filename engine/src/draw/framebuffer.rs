//! A packed 1-bit framebuffer over a caller's bytes, the form e-paper drivers take.

use core::convert::Infallible;

use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::{Dimensions, DrawTarget, OriginDimensions, Pixel, Point, Size};
use embedded_graphics::primitives::{PointsIter, Rectangle};

use super::canvas::Canvas;
use super::glyph::{bitmap_origin, InkedPixels};
use crate::font::Glyph;
use crate::Error;

/// A 1-bit framebuffer: rows top to bottom, each padded to whole bytes, leftmost pixel in the
/// most significant bit, 1 = ink.
///
/// It is an embedded-graphics `DrawTarget` like any other, and
/// [`Page::draw_into`](crate::Page::draw_into) blits glyph rows into it a byte at a time,
/// several times faster than pixel by pixel.
///
/// ```
/// use inkleaf::{Book, Framebuffer};
///
/// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
/// let book = Book::from_bytes(blob)?;
/// let layout = book.layout()?; // 296x128
/// // On a device: a `static` or `cortex_m::singleton!` buffer, not the stack.
/// let mut bytes = [0u8; Framebuffer::<&mut [u8]>::bytes_needed(296, 128)];
/// let mut framebuffer = Framebuffer::new(&mut bytes[..], 296, 128)?;
/// layout.page(0)?.draw_into(&mut framebuffer);
/// assert!(framebuffer.as_bytes().iter().any(|&byte| byte != 0), "some ink");
/// # Ok::<(), inkleaf::Error>(())
/// ```
#[derive(Debug)]
pub struct Framebuffer<B> {
    bytes: B,
    size: Size,
    stride: usize,
}

impl<B: AsRef<[u8]> + AsMut<[u8]>> Framebuffer<B> {
    /// Bytes a `width` x `height` framebuffer takes.
    pub const fn bytes_needed(width: u32, height: u32) -> usize {
        (width.div_ceil(8) as usize).saturating_mul(height as usize)
    }

    /// A framebuffer over `bytes`, which must hold [`bytes_needed`](Self::bytes_needed).
    ///
    /// ```
    /// use inkleaf::{Error, Framebuffer};
    ///
    /// let mut display = [0u8; 4736]; // 296x128: 37 bytes a row
    /// assert!(Framebuffer::new(&mut display[..], 296, 128).is_ok());
    /// let short = Framebuffer::new([0u8; 100], 296, 128).unwrap_err();
    /// assert_eq!(short, Error::BufferTooSmall { needed: 4736 });
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn new(bytes: B, width: u32, height: u32) -> Result<Self, Error> {
        let needed = Self::bytes_needed(width, height);
        if bytes.as_ref().len() < needed {
            return Err(Error::BufferTooSmall {
                needed: u32::try_from(needed).unwrap_or(u32::MAX),
            });
        }
        Ok(Framebuffer {
            bytes,
            size: Size::new(width, height),
            stride: width.div_ceil(8) as usize,
        })
    }

    /// The packed pixels, exactly the bytes a panel driver sends.
    pub fn as_bytes(&self) -> &[u8] {
        let len = Self::bytes_needed(self.size.width, self.size.height);
        self.bytes.as_ref().get(..len).unwrap_or(&[])
    }

    /// Gives the bytes back.
    pub fn into_inner(self) -> B {
        self.bytes
    }

    /// Whether the pixel at `point` is inked; outside the buffer is paper.
    ///
    /// ```
    /// use embedded_graphics::{pixelcolor::BinaryColor, prelude::*};
    /// use inkleaf::Framebuffer;
    ///
    /// let mut framebuffer = Framebuffer::new([0u8; 2], 8, 2)?;
    /// Pixel(Point::new(1, 1), BinaryColor::On).draw(&mut framebuffer)?;
    /// assert!(framebuffer.is_on(Point::new(1, 1)));
    /// // Row by row, the leftmost pixel in the top bit.
    /// assert_eq!(framebuffer.as_bytes(), &[0b0000_0000, 0b0100_0000]);
    /// assert!(!framebuffer.is_on(Point::new(9, 1)));
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn is_on(&self, point: Point) -> bool {
        self.locate(point)
            .and_then(|(i, mask)| self.bytes.as_ref().get(i).map(|b| b & mask != 0))
            .unwrap_or(false)
    }

    fn locate(&self, p: Point) -> Option<(usize, u8)> {
        let (x, y) = (u32::try_from(p.x).ok()?, u32::try_from(p.y).ok()?);
        if x >= self.size.width || y >= self.size.height {
            return None;
        }
        Some((y as usize * self.stride + x as usize / 8, 0x80 >> (x % 8)))
    }

    fn set(&mut self, p: Point, ink: bool) {
        if let Some((i, mask)) = self.locate(p) {
            if let Some(byte) = self.bytes.as_mut().get_mut(i) {
                *byte = if ink { *byte | mask } else { *byte & !mask };
            }
        }
    }

    /// A glyph partly off the buffer, or not 1-bit: pixel by pixel. Out of line, so that the
    /// byte path keeps its registers.
    #[cold]
    #[inline(never)]
    fn blit_pixels(&mut self, glyph: &Glyph<'_>, origin: Point) {
        InkedPixels::new(*glyph, origin).for_each(|Pixel(p, _)| self.set(p, true));
    }

    /// ORs glyph rows into place, one shifted byte pair per glyph byte.
    #[inline]
    fn blit(&mut self, glyph: &Glyph<'_>, origin: Point) {
        // Nothing to ink, and no rows to step through: a packed font's space is 0x0.
        if glyph.width == 0 || glyph.height == 0 {
            return;
        }
        let at = bitmap_origin(glyph, origin);
        let row_bytes = glyph.width.div_ceil(8) as usize;
        // Anti-aliased glyphs are thresholded pixel by pixel; only 1-bit rows blit as bytes.
        let inside = glyph.bits_per_pixel() == 1
            && at.x >= 0
            && at.y >= 0
            && at.y as u32 + glyph.height <= self.size.height
            && at.x as u32 + glyph.width <= self.size.width;
        if !inside {
            self.blit_pixels(glyph, origin);
            return;
        }
        let shift = at.x as u32 % 8;
        // Bits past the glyph's width could spill into the next row: mask them off.
        let last_mask = 0xFFu8 << ((8 - glyph.width % 8) % 8);
        let stride = self.stride;
        let mut row_start = at.y as usize * stride + at.x as usize / 8;
        let bytes = self.bytes.as_mut();
        if row_bytes == 1 {
            // Narrow fonts, the common case: one glyph byte per row.
            let rows = glyph.bits.get(..glyph.height as usize).unwrap_or(&[]);
            // The glyph is inside the buffer, so this cannot wrap; if it did, the range would
            // be refused below, never a panic.
            let end = row_start.wrapping_add(rows.len().wrapping_mul(stride));
            if let Some(region) = bytes.get_mut(row_start..end) {
                // Whole strides from the glyph's first byte: a row costs a shift and two ORs,
                // with nothing to check per row (a blank row ORs nothing).
                // A loop over `rows` and `next`, not a `zip`: at opt-level "z" the zip's
                // set-up is a call per glyph.
                let mut strides = region.chunks_exact_mut(stride);
                if stride < 2 {
                    // A display one byte wide: `low` is past the glyph's width, so empty.
                    for &bits in rows {
                        let Some([first, ..]) = strides.next() else {
                            break;
                        };
                        *first |= (bits & last_mask) >> shift;
                    }
                    return;
                }
                for &bits in rows {
                    let Some([first, second, ..]) = strides.next() else {
                        break;
                    };
                    let spread = u16::from(bits & last_mask) << (8 - shift);
                    *first |= (spread >> 8) as u8;
                    *second |= spread as u8;
                }
                return;
            }
            // The glyph's last row is the buffer's last, which ends short of a whole stride.
            for &bits in rows {
                let bits = bits & last_mask;
                if bits != 0 {
                    let [high, low] = ((u16::from(bits) << 8) >> shift).to_be_bytes();
                    match bytes.get_mut(row_start..) {
                        Some([first, second, ..]) => {
                            *first |= high;
                            *second |= low;
                        }
                        // The buffer's last byte: `low` is past the glyph's width, so empty.
                        Some([first]) => *first |= high,
                        _ => {}
                    }
                }
                row_start += stride;
            }
            return;
        }
        if row_bytes == 2
            && stride >= 3
            && blit_two_byte_rows(bytes, glyph, row_start, stride, shift, last_mask)
        {
            return;
        }
        for row in glyph
            .bits
            .chunks_exact(row_bytes)
            .take(glyph.height as usize)
        {
            for (k, &bits) in row.iter().enumerate() {
                let bits = if k + 1 == row_bytes {
                    bits & last_mask
                } else {
                    bits
                };
                if bits == 0 {
                    continue;
                }
                // The glyph byte straddles two framebuffer bytes unless it is byte-aligned.
                let spread = (u16::from(bits) << 8) >> shift;
                let [high, low] = spread.to_be_bytes();
                if let Some(byte) = bytes.get_mut(row_start + k) {
                    *byte |= high;
                }
                if low != 0 {
                    if let Some(byte) = bytes.get_mut(row_start + k + 1) {
                        *byte |= low;
                    }
                }
            }
            row_start += stride;
        }
    }
}

/// Glyphs 9 to 16 pixels wide, as a packed face at 16 px and more has many: each row's two
/// bytes spread over three framebuffer bytes, from `row_start` on, `stride` bytes a row.
/// Returns false, having drawn nothing, where the glyph's last row is the buffer's last, which
/// ends short of a whole stride. Out of line, so that the one-byte path keeps its registers.
#[inline(never)]
fn blit_two_byte_rows(
    bytes: &mut [u8],
    glyph: &Glyph<'_>,
    row_start: usize,
    stride: usize,
    shift: u32,
    last_mask: u8,
) -> bool {
    let rows = glyph.bits.get(..2 * glyph.height as usize).unwrap_or(&[]);
    // As for one-byte rows: a glyph inside the buffer cannot wrap this, and a range that
    // did would be refused.
    let end = row_start.wrapping_add((rows.len() / 2).wrapping_mul(stride));
    let Some(region) = bytes.get_mut(row_start..end) else {
        return false;
    };
    let mut strides = region.chunks_exact_mut(stride);
    for pair in rows.chunks_exact(2) {
        let (Some([first, second, third, ..]), [high, low]) = (strides.next(), pair) else {
            break;
        };
        let word = u32::from(u16::from_be_bytes([*high, low & last_mask]));
        let [a, b, c, _] = (word << (16 - shift)).to_be_bytes();
        *first |= a;
        *second |= b;
        *third |= c;
    }
    true
}

impl<B> OriginDimensions for Framebuffer<B> {
    fn size(&self) -> Size {
        self.size
    }
}

impl<B: AsRef<[u8]> + AsMut<[u8]>> DrawTarget for Framebuffer<B> {
    type Color = BinaryColor;
    type Error = Infallible;

    fn draw_iter<I: IntoIterator<Item = Pixel<BinaryColor>>>(
        &mut self,
        pixels: I,
    ) -> Result<(), Infallible> {
        pixels
            .into_iter()
            .for_each(|Pixel(p, c)| self.set(p, c.is_on()));
        Ok(())
    }

    fn fill_solid(&mut self, area: &Rectangle, color: BinaryColor) -> Result<(), Infallible> {
        let area = area.intersection(&self.bounding_box());
        if area == self.bounding_box() {
            return self.clear(color);
        }
        area.points().for_each(|p| self.set(p, color.is_on()));
        Ok(())
    }

    fn clear(&mut self, color: BinaryColor) -> Result<(), Infallible> {
        let len = Self::bytes_needed(self.size.width, self.size.height);
        if let Some(bytes) = self.bytes.as_mut().get_mut(..len) {
            bytes.fill(if color.is_on() { 0xFF } else { 0 });
        }
        Ok(())
    }
}

impl<B: AsRef<[u8]> + AsMut<[u8]>> Canvas for Framebuffer<B> {
    type Error = Infallible;

    fn clear_page(&mut self, size: Size) -> Result<(), Infallible> {
        self.fill_solid(&Rectangle::new(Point::zero(), size), BinaryColor::Off)
    }

    #[inline]
    fn glyph(&mut self, glyph: &Glyph<'_>, at: Point) -> Result<(), Infallible> {
        self.blit(glyph, at);
        Ok(())
    }

    fn fill(&mut self, area: &Rectangle) -> Result<(), Infallible> {
        self.fill_solid(area, BinaryColor::On)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_glyphs_blit_as_nothing() {
        // A packed font's space, and a zero-width glyph that claims rows.
        let space = Glyph {
            advance: 5,
            left: 0,
            width: 0,
            top: 0,
            height: 0,
            bpp: 1,
            bits: &[],
        };
        let narrow = Glyph { height: 3, ..space };
        let mut framebuffer = Framebuffer::new([0u8; 8], 16, 4).unwrap();
        for glyph in [space, narrow] {
            for x in [0, 3, 8, 15] {
                framebuffer.blit(&glyph, Point::new(x, 0));
            }
        }
        assert_eq!(framebuffer.as_bytes(), &[0; 8]);
    }

    #[test]
    fn byte_blits_ink_what_pixel_blits_ink() {
        // One byte a row (padding bits set, which must not ink), and two bytes a row.
        let narrow = Glyph {
            advance: 6,
            left: 1,
            width: 5,
            top: 1,
            height: 4,
            bpp: 1,
            bits: &[0b1000_1111, 0b0101_0011, 0b1111_1111, 0b0010_0001],
        };
        let wide = Glyph {
            width: 11,
            height: 2,
            bits: &[0b1100_0011, 0b1011_1111, 0b0000_0001, 0b0010_0000],
            ..narrow
        };
        // Displays one byte wide, a whole number of bytes, and a part byte wider.
        for (width, height) in [(8u32, 7u32), (16, 6), (21, 5), (30, 3)] {
            let bytes = Framebuffer::<&mut [u8]>::bytes_needed(width, height);
            for glyph in [narrow, wide] {
                for y in -2..height as i32 + 1 {
                    for x in -3..width as i32 + 1 {
                        let at = Point::new(x, y);
                        let (mut one, mut other) = ([0u8; 16], [0u8; 16]);
                        let mut fast = Framebuffer::new(&mut one[..bytes], width, height).unwrap();
                        fast.blit(&glyph, at);
                        let mut slow =
                            Framebuffer::new(&mut other[..bytes], width, height).unwrap();
                        slow.blit_pixels(&glyph, at);
                        assert_eq!(fast.as_bytes(), slow.as_bytes(), "{width}x{height} at {at}");
                    }
                }
            }
        }
    }
}
