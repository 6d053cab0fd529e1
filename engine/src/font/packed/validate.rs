//! Checking a font section once, so that every later lookup is in range.

use super::format::{
    GlyphRecord, Header, KerningRecord, GLYPH_LEN, HEADER_LEN, KERNING_LEN, MAGIC, VERSION,
};
use super::FontFault;

/// The section split into its tables, every one checked.
#[derive(Copy, Clone, Debug)]
pub(super) struct Tables<'a> {
    pub(super) header: Header,
    pub(super) glyphs: &'a [u8],
    pub(super) kerning: &'a [u8],
    pub(super) bitmaps: &'a [u8],
    /// The widest advance of any one glyph.
    pub(super) widest: u32,
}

pub(super) fn validate(bytes: &[u8]) -> Result<Tables<'_>, FontFault> {
    let header = Header::read(bytes)?;
    check_header(&header)?;
    let [glyphs, kerning, bitmaps] = split(bytes, &header)?;
    let widest = check_glyphs(&header, glyphs, bitmaps)?;
    check_kerning(header.glyphs, kerning)?;
    Ok(Tables {
        header,
        glyphs,
        kerning,
        bitmaps,
        widest,
    })
}

fn check_header(header: &Header) -> Result<(), FontFault> {
    if header.magic != MAGIC {
        return Err(FontFault::BadMagic(header.magic));
    }
    if header.version != VERSION {
        return Err(FontFault::UnsupportedVersion(header.version));
    }
    if !matches!(header.bpp, 1 | 2 | 4) {
        return Err(FontFault::UnsupportedBitsPerPixel(header.bpp));
    }
    if header.line_height == 0 || header.baseline > header.line_height {
        return Err(FontFault::BadLineMetrics {
            line_height: header.line_height,
            baseline: header.baseline,
        });
    }
    Ok(())
}

/// The glyph table, kerning table and bitmap area, which must fill the section exactly.
fn split<'a>(bytes: &'a [u8], header: &Header) -> Result<[&'a [u8]; 3], FontFault> {
    // At most 20 + 11 * 65535 + 5 * 65535 + u32::MAX: no overflow in u64.
    let glyphs_len = usize::from(header.glyphs) * GLYPH_LEN;
    let kerning_len = usize::from(header.kerning) * KERNING_LEN;
    let needed = (HEADER_LEN + glyphs_len + kerning_len) as u64 + u64::from(header.bitmap_len);
    let available = bytes.len() as u64;
    if available < needed {
        return Err(FontFault::Truncated {
            needed: u32::try_from(needed).unwrap_or(u32::MAX),
            available: u32::try_from(available).unwrap_or(u32::MAX),
        });
    }
    if available > needed {
        return Err(FontFault::TrailingBytes(
            u32::try_from(available - needed).unwrap_or(u32::MAX),
        ));
    }
    let truncated = FontFault::Truncated {
        needed: u32::try_from(needed).unwrap_or(u32::MAX),
        available: u32::try_from(available).unwrap_or(u32::MAX),
    };
    let rest = bytes.get(HEADER_LEN..).ok_or(truncated)?;
    let (glyphs, rest) = rest.split_at_checked(glyphs_len).ok_or(truncated)?;
    let (kerning, bitmaps) = rest.split_at_checked(kerning_len).ok_or(truncated)?;
    Ok([glyphs, kerning, bitmaps])
}

/// Checks order, placement and bitmaps of every glyph; returns the widest advance.
fn check_glyphs(header: &Header, table: &[u8], bitmaps: &[u8]) -> Result<u32, FontFault> {
    let mut previous: Option<u32> = None;
    let mut used = 0u32;
    let mut widest = 0u32;
    for index in 0..usize::from(header.glyphs) {
        let Some(record) = GlyphRecord::at(table, index) else {
            break;
        };
        let c = char::from_u32(record.code).ok_or(FontFault::InvalidChar(record.code))?;
        if previous.is_some_and(|p| p >= record.code) {
            return Err(FontFault::UnsortedChars(c));
        }
        previous = Some(record.code);
        if record.offset != used {
            return Err(FontFault::BitmapOffset(c));
        }
        if u32::from(record.top) + u32::from(record.height) > u32::from(header.line_height) {
            return Err(FontFault::GlyphOutsideLine(c));
        }
        let len = record.bitmap_len(header.bpp);
        let bitmap = usize::try_from(used)
            .ok()
            .zip(usize::try_from(used.saturating_add(len)).ok())
            .and_then(|(start, end)| bitmaps.get(start..end));
        let Some(bitmap) = bitmap else {
            return Err(FontFault::BitmapLength {
                declared: header.bitmap_len,
                used: used.saturating_add(len),
            });
        };
        if !padding_is_clear(&record, header.bpp, bitmap) {
            return Err(FontFault::PaddingBits(c));
        }
        used += len;
        widest = widest.max(u32::from(record.advance));
    }
    if used != header.bitmap_len {
        return Err(FontFault::BitmapLength {
            declared: header.bitmap_len,
            used,
        });
    }
    Ok(widest)
}

/// Bits past the width in each row's last byte must be clear, so a byte-wise blit can OR whole
/// bytes and a section has one encoding only.
fn padding_is_clear(record: &GlyphRecord, bpp: u8, bitmap: &[u8]) -> bool {
    let row_bytes = record.row_bytes(bpp) as usize;
    let used_bits = (u32::from(record.width) * u32::from(bpp)) % 8;
    if row_bytes == 0 || used_bits == 0 {
        return true;
    }
    let pad_mask = 0xFFu8 >> used_bits;
    bitmap
        .chunks_exact(row_bytes)
        .all(|row| row.last().is_none_or(|&last| last & pad_mask == 0))
}

fn check_kerning(glyphs: u16, table: &[u8]) -> Result<(), FontFault> {
    let mut previous: Option<u32> = None;
    for (index, _) in table.chunks_exact(KERNING_LEN).enumerate() {
        let index16 = u16::try_from(index).unwrap_or(u16::MAX);
        let Some(record) = KerningRecord::at(table, index) else {
            break;
        };
        let (left, right) = (record.pair >> 16, record.pair & 0xFFFF);
        if left >= u32::from(glyphs) || right >= u32::from(glyphs) {
            return Err(FontFault::KerningGlyph(index16));
        }
        if previous.is_some_and(|p| p >= record.pair) {
            return Err(FontFault::UnsortedKerning(index16));
        }
        if record.value == 0 {
            return Err(FontFault::ZeroKerning(index16));
        }
        previous = Some(record.pair);
    }
    Ok(())
}
