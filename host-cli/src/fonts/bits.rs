//! Coverage to pixel levels, trimmed and packed into rows of 1, 2 or 4 bits.

use super::raster::RasterGlyph;

/// The coverage (0..=255) at which a pixel turns black in a 1-bit font at `px`.
///
/// Half coverage is the fair cut, but at small sizes DejaVu's stems are about 1.3 px wide and
/// often straddle two pixels at 40–60 % each; cutting lower keeps such strokes from vanishing.
pub fn one_bit_threshold(px: u32) -> u8 {
    match px {
        0..=11 => 96,
        12..=17 => 104,
        18..=23 => 116,
        _ => 128,
    }
}

/// The level (0..=2^bpp-1) a pixel of `coverage` gets in a `bpp`-bit font at `px`:
/// thresholded for 1 bit, rounded to the nearest level for 2 and 4.
pub fn level(coverage: u8, bpp: u8, px: u32) -> u8 {
    if bpp == 1 {
        return u8::from(coverage >= one_bit_threshold(px));
    }
    let max = (1u32 << bpp) - 1;
    ((u32::from(coverage) * max + 127) / 255) as u8
}

/// A glyph's levels packed for the font section, blank edges trimmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bitmap {
    /// Columns the trimmed bitmap starts right of the raster's first column.
    pub dx: usize,
    /// Rows the trimmed bitmap starts below the raster's first row.
    pub dy: usize,
    /// Trimmed width.
    pub width: usize,
    /// Trimmed height.
    pub height: usize,
    /// Rows top to bottom, each padded to whole bytes, leftmost pixel in the high bits.
    pub bytes: Vec<u8>,
}

/// Quantizes `glyph` to `bpp` bits, trims rows and columns left blank, and packs the rest.
pub fn pack(glyph: &RasterGlyph, bpp: u8, px: u32) -> Bitmap {
    let levels: Vec<u8> = glyph.coverage.iter().map(|&c| level(c, bpp, px)).collect();
    let inked = |x: usize, y: usize| levels[y * glyph.width + x] != 0;
    let rows: Vec<usize> = (0..glyph.height)
        .filter(|&y| (0..glyph.width).any(|x| inked(x, y)))
        .collect();
    let cols: Vec<usize> = (0..glyph.width)
        .filter(|&x| (0..glyph.height).any(|y| inked(x, y)))
        .collect();
    let (Some(&top), Some(&bottom), Some(&first), Some(&last)) =
        (rows.first(), rows.last(), cols.first(), cols.last())
    else {
        return Bitmap {
            dx: 0,
            dy: 0,
            width: 0,
            height: 0,
            bytes: Vec::new(),
        };
    };
    let width = last - first + 1;
    let row_bytes = (width * usize::from(bpp)).div_ceil(8);
    let mut bytes = Vec::with_capacity(row_bytes * (bottom - top + 1));
    for y in top..=bottom {
        let mut row = vec![0u8; row_bytes];
        for (i, x) in (first..=last).enumerate() {
            let bit = i * usize::from(bpp);
            let shift = 8 - usize::from(bpp) - bit % 8;
            row[bit / 8] |= levels[y * glyph.width + x] << shift;
        }
        bytes.extend_from_slice(&row);
    }
    Bitmap {
        dx: first,
        dy: top,
        width,
        height: bottom - top + 1,
        bytes,
    }
}

#[cfg(test)]
mod tests {
    use super::{level, pack, RasterGlyph};

    #[test]
    fn levels_round_to_nearest_and_threshold_one_bit() {
        assert_eq!(
            (level(0, 4, 14), level(8, 4, 14), level(9, 4, 14)),
            (0, 0, 1)
        );
        assert_eq!((level(128, 2, 14), level(255, 2, 14)), (2, 3));
        assert_eq!((level(103, 1, 14), level(104, 1, 14)), (0, 1));
        assert_eq!((level(127, 1, 40), level(128, 1, 40)), (0, 1));
    }

    #[test]
    fn packs_trimmed_rows_high_bits_first() {
        let glyph = RasterGlyph {
            c: 'x',
            advance: 4,
            left: 0,
            bottom: 0,
            width: 4,
            height: 3,
            coverage: vec![0, 0, 0, 0, 0, 255, 128, 0, 0, 17, 255, 0],
        };
        let bitmap = pack(&glyph, 4, 14);
        assert_eq!(
            (bitmap.dx, bitmap.dy, bitmap.width, bitmap.height),
            (1, 1, 2, 2)
        );
        assert_eq!(bitmap.bytes, [0xF8, 0x1F]);
        let one = pack(&glyph, 1, 14);
        assert_eq!((one.width, one.bytes), (2, vec![0xC0, 0x40]));
    }
}
