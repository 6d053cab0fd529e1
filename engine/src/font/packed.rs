//! Fonts rasterized on the host and packed into the blob, read in place.
//!
//! The section layout is in `docs/FONT_FORMAT.md`. [`PackedFont::from_bytes`] checks every
//! table once, and notes where the printable ASCII glyphs are and which letters kern at all;
//! lookups afterwards count or rule out those, and search the borrowed bytes for the rest.

mod ascii;
mod fault;
mod format;
mod kerners;
#[cfg(test)]
mod tests;
mod validate;

pub use fault::FontFault;

use ascii::AsciiIndex;
use kerners::Kerners;

use format::{advance_at, code_at, GlyphRecord, KerningRecord, GLYPH_LEN, KERNING_LEN};

use super::{Font, Glyph};
use crate::Error;

/// A proportional font over a font section's bytes: glyph metrics, kerning pairs and 1-, 2- or
/// 4-bit bitmaps, none of them copied.
///
/// ```
/// use inkleaf::font::{Font, PackedFont};
///
/// # let section = [
/// #     b'I', b'N', b'K', b'F', 1, 1, 8, 0, 8, 0, 6, 0, 1, 0, 0, 0, 2, 0, 0, 0,
/// #     b'i', 0, 0, 0, 0, 0, 3, 1, 4, 1, 2, 0x80, 0x80,
/// # ];
/// let font = PackedFont::from_bytes(&section)?;
/// assert_eq!(font.advance('i'), 3);
/// assert_eq!(font.glyph('i').map(|g| (g.left, g.top)), Some((1, 4)));
/// # Ok::<(), inkleaf::Error>(())
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct PackedFont<'a> {
    glyphs: &'a [u8],
    kerning: &'a [u8],
    bitmaps: &'a [u8],
    bpp: u8,
    px: u16,
    line_height: u16,
    baseline: u16,
    max_advance: u32,
    /// The letters (U+0040 to U+007F) on each side of the kerning pairs.
    kerners: Kerners,
    /// Where the printable ASCII characters' glyphs are.
    ascii: AsciiIndex,
}

impl<'a> PackedFont<'a> {
    /// The four bytes a font section starts with.
    pub const MAGIC: [u8; 4] = format::MAGIC;
    /// The font section version this engine reads.
    pub const VERSION: u8 = format::VERSION;

    /// Checks a font section and reads it in place.
    pub fn from_bytes(bytes: &'a [u8]) -> Result<Self, Error> {
        Self::open_in(bytes, &mut None).map(|font| *font)
    }

    /// [`PackedFont::from_bytes`] into `slot`, building the font where it will stay: a family
    /// opens four, and a device's stack has no room for copies of them while they are read.
    /// `slot` is `None` after an error.
    // Never inlined, so that a caller's frame does not keep the room reading one takes.
    #[inline(never)]
    pub(crate) fn open_in<'s>(
        bytes: &'a [u8],
        slot: &'s mut Option<Self>,
    ) -> Result<&'s mut Self, Error> {
        *slot = None;
        let tables = validate::validate(bytes).map_err(Error::BadFont)?;
        let font = slot.insert(PackedFont {
            glyphs: tables.glyphs,
            kerning: tables.kerning,
            bitmaps: tables.bitmaps,
            bpp: tables.header.bpp,
            px: tables.header.px,
            line_height: tables.header.line_height,
            baseline: tables.header.baseline,
            max_advance: tables.widest,
            kerners: Kerners::of(tables.glyphs, tables.kerning),
            ascii: AsciiIndex::of(tables.glyphs),
        });
        // Stand-ins of several characters can be wider than any one glyph.
        font.max_advance = ["--", "..."]
            .iter()
            .map(|stand_in| stand_in.chars().map(|c| font.own_advance(c)).sum())
            .fold(tables.widest, u32::max);
        Ok(font)
    }

    /// Bits per pixel of every bitmap: 1, 2 or 4.
    pub fn bits_per_pixel(&self) -> u8 {
        self.bpp
    }

    /// The pixel size the host rasterized at.
    pub fn px(&self) -> u16 {
        self.px
    }

    /// Rows from the top of a line to its baseline.
    pub fn baseline(&self) -> u32 {
        u32::from(self.baseline)
    }

    /// How many glyphs the font has.
    pub fn glyph_count(&self) -> usize {
        self.glyphs.len() / GLYPH_LEN
    }

    /// How many kerning pairs the font has.
    pub fn kerning_pairs(&self) -> usize {
        self.kerning.len() / KERNING_LEN
    }

    /// The characters the font has glyphs for, in ascending order.
    pub fn chars(&self) -> impl Iterator<Item = char> + 'a {
        let table = self.glyphs;
        (0..table.len() / GLYPH_LEN).filter_map(move |i| code_at(table, i).and_then(char::from_u32))
    }

    /// Index of `c` in the glyph table: counted for printable ASCII, else by binary search.
    #[inline]
    fn index(&self, c: char) -> Option<usize> {
        match self.ascii.find(c) {
            Some(found) => found,
            None => self.searched_index(c),
        }
    }

    /// Index of `c` in the glyph table, by binary search.
    fn searched_index(&self, c: char) -> Option<usize> {
        let key = u32::from(c);
        let (mut low, mut high) = (0, self.glyph_count());
        while low < high {
            let mid = low + (high - low) / 2;
            let code = code_at(self.glyphs, mid)?;
            if code < key {
                low = mid + 1;
            } else if code > key {
                high = mid;
            } else {
                return Some(mid);
            }
        }
        None
    }

    fn glyph_at(&self, index: usize) -> Option<Glyph<'a>> {
        let record = GlyphRecord::at(self.glyphs, index)?;
        let start = usize::try_from(record.offset).ok()?;
        let len = usize::try_from(record.bitmap_len(self.bpp)).ok()?;
        Some(Glyph {
            advance: u32::from(record.advance),
            left: i32::from(record.left),
            width: u32::from(record.width),
            top: u32::from(record.top),
            height: u32::from(record.height),
            bpp: self.bpp,
            bits: self.bitmaps.get(start..start.checked_add(len)?)?,
        })
    }

    fn own_advance(&self, c: char) -> u32 {
        self.glyph(c).map_or(0, |g| g.advance)
    }
}

impl Font for PackedFont<'_> {
    fn line_height(&self) -> u32 {
        u32::from(self.line_height)
    }

    fn baseline(&self) -> u32 {
        u32::from(self.baseline)
    }

    fn max_advance(&self) -> u32 {
        self.max_advance
    }

    fn glyph(&self, c: char) -> Option<Glyph<'_>> {
        self.glyph_at(self.index(c)?)
    }

    fn advance(&self, c: char) -> u32 {
        // The advance byte alone: measuring asks for every character, and needs no bitmap.
        match self
            .index(c)
            .and_then(|index| advance_at(self.glyphs, index))
        {
            Some(advance) => u32::from(advance),
            None => self.glyphs(c).map(|g| g.advance).sum(),
        }
    }

    fn kerning(&self, left: char, right: char) -> i32 {
        if self.kerning.is_empty() {
            // A mono face has no pairs: no characters to look up.
            return 0;
        }
        if !self.kerners.may_kern(left, right) {
            return 0;
        }
        self.searched_kerning(left, right)
    }
}

impl PackedFont<'_> {
    /// The kerning of `left` then `right`, found by searching the kerning table.
    fn searched_kerning(&self, left: char, right: char) -> i32 {
        let (Some(left), Some(right)) = (self.index(left), self.index(right)) else {
            return 0;
        };
        // Indices are below 65536: the header counts glyphs in a u16.
        let key = ((left as u32) << 16) | right as u32;
        let (mut low, mut high) = (0, self.kerning_pairs());
        while low < high {
            let mid = low + (high - low) / 2;
            let Some(record) = KerningRecord::at(self.kerning, mid) else {
                return 0;
            };
            if record.pair < key {
                low = mid + 1;
            } else if record.pair > key {
                high = mid;
            } else {
                return i32::from(record.value);
            }
        }
        0
    }
}
