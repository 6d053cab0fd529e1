//! One glyph: a bitmap of coverage levels and where it sits relative to the pen.

/// A glyph bitmap with its placement.
///
/// The bitmap's top-left pixel sits `left` columns right of the pen and `top` rows below the
/// top of the line. Each pixel is a coverage level from 0 (paper) to
/// [`max_coverage`](Self::max_coverage) (solid ink), `bpp` bits wide.
///
/// ```
/// use inkleaf::font::Glyph;
///
/// // Two pixels at 2 bits each, on the line's fourth row: solid ink, then a third covered.
/// let bits = &[0b11_01_0000];
/// let glyph = Glyph { advance: 3, left: 0, width: 2, top: 3, height: 1, bpp: 2, bits };
/// assert_eq!(glyph.max_coverage(), 3);
/// assert_eq!((glyph.coverage(0, 3), glyph.coverage(1, 3)), (3, 1));
/// assert!(glyph.pixel(0, 3) && !glyph.pixel(1, 3)); // 1-bit targets ink more than half
/// assert_eq!(glyph.coverage(0, 0), 0); // above the bitmap: paper
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Glyph<'a> {
    /// Pixels the pen moves right after this glyph.
    pub advance: u32,
    /// Columns from the pen to the bitmap's first column; negative reaches back left.
    pub left: i32,
    /// Bitmap width in pixels.
    pub width: u32,
    /// Rows from the top of the line to the bitmap's first row. Blank rows are not stored,
    /// so drawing skips them.
    pub top: u32,
    /// Bitmap height in pixels.
    pub height: u32,
    /// Bits per pixel of `bits`: 1, 2 or 4 (any other value reads as 1).
    pub bpp: u8,
    /// Rows top to bottom, each padded to whole bytes, leftmost pixel in the most significant
    /// bits.
    pub bits: &'a [u8],
}

impl Glyph<'_> {
    /// Bits per pixel as read: `bpp` when it is 2 or 4, else 1.
    pub fn bits_per_pixel(&self) -> u32 {
        match self.bpp {
            2 => 2,
            4 => 4,
            _ => 1,
        }
    }

    /// The coverage level of solid ink: 1, 3 or 15.
    pub fn max_coverage(&self) -> u8 {
        (1u8 << self.bits_per_pixel()) - 1
    }

    /// Bytes one bitmap row takes.
    pub fn row_bytes(&self) -> u32 {
        (u64::from(self.width) * u64::from(self.bits_per_pixel()))
            .div_ceil(8)
            .try_into()
            .unwrap_or(u32::MAX)
    }

    /// Coverage of bitmap column `x` (from the bitmap's left edge), row `y` of the line box,
    /// from 0 to [`max_coverage`](Self::max_coverage). Out of range is paper.
    pub fn coverage(&self, x: u32, y: u32) -> u8 {
        match y.checked_sub(self.top) {
            Some(row) => self.bitmap_level(x, row),
            None => 0,
        }
    }

    /// Coverage of bitmap column `x`, bitmap row `row`; out of range is paper.
    pub(crate) fn bitmap_level(&self, x: u32, row: u32) -> u8 {
        if x >= self.width || row >= self.height {
            return 0;
        }
        let bpp = self.bits_per_pixel();
        let bit = u64::from(x) * u64::from(bpp);
        // u64 so that no width or height a caller makes up can overflow.
        let index = u64::from(row) * u64::from(self.row_bytes()) + bit / 8;
        let Some(&byte) = usize::try_from(index).ok().and_then(|i| self.bits.get(i)) else {
            return 0;
        };
        // Pixels never straddle bytes: 8 is a multiple of 1, 2 and 4.
        let shift = 8 - bpp - (bit % 8) as u32;
        (byte >> shift) & self.max_coverage()
    }

    /// Whether bitmap column `x` (from the bitmap's left edge), row `y` of the line box is
    /// inked: more than half covered. Out of range is blank.
    pub fn pixel(&self, x: u32, y: u32) -> bool {
        self.coverage(x, y) * 2 > self.max_coverage()
    }
}

#[cfg(test)]
mod tests {
    use super::Glyph;

    fn glyph(bpp: u8, width: u32, bits: &[u8]) -> Glyph<'_> {
        Glyph {
            advance: width,
            left: 0,
            width,
            top: 1,
            height: 2,
            bpp,
            bits,
        }
    }

    #[test]
    fn reads_levels_at_every_depth() {
        let one = glyph(1, 3, &[0b1010_0000, 0b0100_0000]);
        assert_eq!((one.coverage(0, 1), one.coverage(1, 1)), (1, 0));
        assert!(one.pixel(1, 2) && !one.pixel(1, 0) && !one.pixel(3, 1));

        let two = glyph(2, 3, &[0b11_10_01_00, 0b00_01_10_00]);
        assert_eq!(
            [two.coverage(0, 1), two.coverage(1, 1), two.coverage(2, 1)],
            [3, 2, 1]
        );
        assert!(two.pixel(1, 1) && !two.pixel(2, 1));

        let four = glyph(4, 3, &[0xF8, 0x70, 0x01, 0x23]);
        assert_eq!(
            [
                four.coverage(0, 1),
                four.coverage(1, 1),
                four.coverage(2, 1)
            ],
            [15, 8, 7]
        );
        assert_eq!((four.row_bytes(), four.coverage(1, 2)), (2, 1));
        assert!(four.pixel(1, 1) && !four.pixel(2, 1));
    }

    #[test]
    fn short_bits_and_odd_depths_never_panic() {
        let g = glyph(7, u32::MAX, &[0xFF]);
        assert_eq!(g.max_coverage(), 1);
        assert!(g.pixel(0, 1));
        assert!(!g.pixel(u32::MAX - 1, 2));
    }
}
