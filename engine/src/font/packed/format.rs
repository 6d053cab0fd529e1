//! The font section's fixed-width fields, read from raw bytes (`docs/FONT_FORMAT.md`).
//!
//! Every read goes through `get`, so even unvalidated bytes give `None`, never a panic.

use super::FontFault;

/// `INKF`: marks a font section.
pub(super) const MAGIC: [u8; 4] = *b"INKF";
/// The only layout this engine reads.
pub(super) const VERSION: u8 = 1;
/// Bytes before the glyph table.
pub(super) const HEADER_LEN: usize = 20;
/// Bytes per glyph record.
pub(super) const GLYPH_LEN: usize = 11;
/// Bytes per kerning record.
pub(super) const KERNING_LEN: usize = 5;

/// The section header.
#[derive(Copy, Clone, Debug)]
pub(super) struct Header {
    pub(super) magic: [u8; 4],
    pub(super) version: u8,
    pub(super) bpp: u8,
    pub(super) px: u16,
    pub(super) line_height: u16,
    pub(super) baseline: u16,
    pub(super) glyphs: u16,
    pub(super) kerning: u16,
    pub(super) bitmap_len: u32,
}

impl Header {
    pub(super) fn read(bytes: &[u8]) -> Result<Header, FontFault> {
        let truncated = FontFault::Truncated {
            needed: HEADER_LEN as u32,
            available: u32::try_from(bytes.len()).unwrap_or(u32::MAX),
        };
        let Some(&[m0, m1, m2, m3, version, bpp, ..]) = bytes.get(..HEADER_LEN) else {
            return Err(truncated);
        };
        let u16_at = |at| le(bytes, at, 2).unwrap_or(0) as u16;
        Ok(Header {
            magic: [m0, m1, m2, m3],
            version,
            bpp,
            px: u16_at(6),
            line_height: u16_at(8),
            baseline: u16_at(10),
            glyphs: u16_at(12),
            kerning: u16_at(14),
            bitmap_len: le(bytes, 16, 4).unwrap_or(0),
        })
    }
}

/// One glyph record.
#[derive(Copy, Clone, Debug)]
pub(super) struct GlyphRecord {
    pub(super) code: u32,
    pub(super) offset: u32,
    pub(super) advance: u8,
    pub(super) left: i8,
    pub(super) top: u8,
    pub(super) width: u8,
    pub(super) height: u8,
}

impl GlyphRecord {
    /// Record `index` of the glyph table.
    #[inline(always)]
    pub(super) fn at(table: &[u8], index: usize) -> Option<GlyphRecord> {
        let start = index.checked_mul(GLYPH_LEN)?;
        let record = table.get(start..start.checked_add(GLYPH_LEN)?)?;
        let &[_, _, _, _, _, _, advance, left, top, width, height] = record else {
            return None;
        };
        Some(GlyphRecord {
            code: le(record, 0, 3)?,
            offset: le(record, 3, 3)?,
            advance,
            left: left as i8,
            top,
            width,
            height,
        })
    }

    /// Bytes this glyph's bitmap takes at `bpp` bits per pixel.
    pub(super) fn bitmap_len(&self, bpp: u8) -> u32 {
        u32::from(self.height) * self.row_bytes(bpp)
    }

    pub(super) fn row_bytes(&self, bpp: u8) -> u32 {
        (u32::from(self.width) * u32::from(bpp)).div_ceil(8)
    }
}

/// The code point of glyph `index`, the key the table is sorted by.
#[inline(always)]
pub(super) fn code_at(table: &[u8], index: usize) -> Option<u32> {
    let start = index.checked_mul(GLYPH_LEN)?;
    let &[b0, b1, b2] = table.get(start..start.checked_add(3)?)? else {
        return None;
    };
    Some(u32::from_le_bytes([b0, b1, b2, 0]))
}

/// The advance of glyph `index`, read without the rest of its record.
#[inline(always)]
pub(super) fn advance_at(table: &[u8], index: usize) -> Option<u8> {
    table
        .get(index.checked_mul(GLYPH_LEN)?.checked_add(6)?)
        .copied()
}

/// One kerning record.
#[derive(Copy, Clone, Debug)]
pub(super) struct KerningRecord {
    /// Left glyph index in the high half, right glyph index in the low: the sort key.
    pub(super) pair: u32,
    pub(super) value: i8,
}

impl KerningRecord {
    /// Record `index` of the kerning table.
    #[inline(always)]
    pub(super) fn at(table: &[u8], index: usize) -> Option<KerningRecord> {
        let start = index.checked_mul(KERNING_LEN)?;
        let &[l0, l1, r0, r1, value] = table.get(start..start.checked_add(KERNING_LEN)?)? else {
            return None;
        };
        Some(KerningRecord {
            pair: u32::from_be_bytes([l1, l0, r1, r0]),
            value: value as i8,
        })
    }
}

/// The `len`-byte (at most 4) little-endian integer at `at`.
#[inline(always)]
pub(super) fn le(bytes: &[u8], at: usize, len: usize) -> Option<u32> {
    let field = bytes.get(at..at.checked_add(len)?)?;
    // A plain loop, not an iterator chain: at opt-level "z" the chain is a call per field,
    // and a glyph lookup reads a field per step of its search.
    let mut value = 0u32;
    let mut shift = 0;
    for &byte in field {
        value |= u32::from(byte).checked_shl(shift)?;
        shift += 8;
    }
    Some(value)
}
