//! Writing the font section, field by field as `docs/FONT_FORMAT.md` lays it out.

use inkleaf::font::PackedFont;

use super::FontError;

/// Line metrics and depth for the header.
#[derive(Clone, Copy, Debug)]
pub struct Header {
    /// Bits per pixel: 1, 2 or 4.
    pub bpp: u8,
    /// Pixel size rasterized at.
    pub px: u32,
    /// Rows from one line's top to the next's.
    pub line_height: i32,
    /// Rows from the line top to the baseline.
    pub baseline: i32,
}

/// One glyph's record, its bitmap not yet placed.
#[derive(Clone, Debug)]
pub struct Record {
    /// The character.
    pub c: char,
    /// Pen advance.
    pub advance: i32,
    /// Columns from the pen to the bitmap.
    pub left: i32,
    /// Rows from the line top to the bitmap.
    pub top: i32,
    /// Bitmap width.
    pub width: usize,
    /// Bitmap height.
    pub height: usize,
    /// Packed rows.
    pub bytes: Vec<u8>,
}

/// A kerning pair by glyph index, in the order the section stores them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pair {
    /// Index of the left glyph.
    pub left: usize,
    /// Index of the right glyph.
    pub right: usize,
    /// Pixels to add between them.
    pub value: i32,
}

/// The section bytes for `glyphs` (sorted by character) and `pairs` (sorted by index pair).
pub fn write(header: Header, glyphs: &[Record], pairs: &[Pair]) -> Result<Vec<u8>, FontError> {
    let bitmap_len: usize = glyphs.iter().map(|g| g.bytes.len()).sum();
    let mut out = Vec::with_capacity(20 + 11 * glyphs.len() + 5 * pairs.len() + bitmap_len);
    out.extend_from_slice(&PackedFont::MAGIC);
    out.push(PackedFont::VERSION);
    out.push(header.bpp);
    out.extend_from_slice(&fit::<u16>("pixel size", header.px)?.to_le_bytes());
    out.extend_from_slice(&fit::<u16>("line height", header.line_height)?.to_le_bytes());
    out.extend_from_slice(&fit::<u16>("baseline", header.baseline)?.to_le_bytes());
    out.extend_from_slice(&fit::<u16>("glyph count", glyphs.len())?.to_le_bytes());
    out.extend_from_slice(&fit::<u16>("kerning pair count", pairs.len())?.to_le_bytes());
    out.extend_from_slice(&fit::<u32>("bitmap area", bitmap_len)?.to_le_bytes());
    let mut offset = 0usize;
    for g in glyphs {
        out.extend_from_slice(&u24("code point", u32::from(g.c))?);
        out.extend_from_slice(&u24("bitmap offset", offset)?);
        out.push(fit::<u8>("advance", g.advance)?);
        out.extend_from_slice(&fit::<i8>("left bearing", g.left)?.to_le_bytes());
        out.push(fit::<u8>("glyph top", g.top)?);
        out.push(fit::<u8>("glyph width", g.width)?);
        out.push(fit::<u8>("glyph height", g.height)?);
        offset += g.bytes.len();
    }
    for p in pairs {
        out.extend_from_slice(&fit::<u16>("glyph index", p.left)?.to_le_bytes());
        out.extend_from_slice(&fit::<u16>("glyph index", p.right)?.to_le_bytes());
        out.extend_from_slice(&fit::<i8>("kerning", p.value)?.to_le_bytes());
    }
    for g in glyphs {
        out.extend_from_slice(&g.bytes);
    }
    Ok(out)
}

/// `value` as the field type `T`, or which field overflowed.
fn fit<T: TryFrom<i64>>(
    what: &'static str,
    value: impl TryInto<i64> + Copy,
) -> Result<T, FontError> {
    let wide: i64 = value.try_into().unwrap_or(i64::MAX);
    T::try_from(wide).map_err(|_| FontError::TooLarge { what, value: wide })
}

/// `value` as three little-endian bytes.
fn u24(what: &'static str, value: impl TryInto<i64> + Copy) -> Result<[u8; 3], FontError> {
    let [a, b, c, d] = fit::<u32>(what, value)?.to_le_bytes();
    if d != 0 {
        return Err(FontError::TooLarge {
            what,
            value: i64::from(u32::from_le_bytes([a, b, c, d])),
        });
    }
    Ok([a, b, c])
}
