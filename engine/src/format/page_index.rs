//! Page indexes baked in by the builder: every page start for one display profile and font.
//!
//! Each start is a fixed-width record (block index, then byte offset, each in as few bits as
//! the largest value needs), so page N is found by arithmetic and a position's page by binary
//! search, with nothing laid out and nothing allocated.

use serde::{Deserialize, Serialize};

use super::line_breaks::{LineBreaks, LineBreaksRecord};
use super::payload::BuiltFor;
use super::take;
use crate::bits;
use crate::error::{Error, Part};
use crate::font::{Face, Family, Font};
use crate::layout::LAYOUT_RULES;
use crate::{Position, Profile};

/// One page index as a blob stores it: a postcard record of these fields, in this order.
/// The host bakes them (`inkleaf_cli::pack::bake_page_index`); [`PageIndex`] reads them.
///
/// `starts` holds `built_for.pages` page starts, each a block index in `block_bits` bits then
/// a byte offset into that block's text in `offset_bits` bits (each width at most 32), most
/// significant bit first, packed from the top bit of the first byte with no gaps, the last
/// byte padded with zero bits: [`PageIndexRecord::starts_len`] bytes in all. Starts increase
/// strictly, and each is inside the book. Records follow one another, the book's own profile
/// first, in [`Contents::page_indexes`](crate::build::Contents::page_indexes).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageIndexRecord<'a> {
    /// The version of the layout rules the pages were found with ([`LAYOUT_RULES`]): a
    /// reader whose rules differ lays the book out itself.
    pub rules: u8,
    /// The profile, font and page count.
    pub built_for: BuiltFor,
    /// Metrics of the font the pages were laid out in.
    pub font_check: FontCheck,
    /// Bits of each start's block index.
    pub block_bits: u8,
    /// Bits of each start's byte offset.
    pub offset_bits: u8,
    /// The packed page starts.
    pub starts: &'a [u8],
    /// Every line's length on every page, when the builder baked them.
    pub lines: Option<LineBreaksRecord<'a>>,
}

impl PageIndexRecord<'_> {
    /// Bytes that `pages` packed starts take with these widths.
    pub const fn starts_len(pages: u32, block_bits: u8, offset_bits: u8) -> u64 {
        (pages as u64 * (block_bits as u64 + offset_bits as u64)).div_ceil(8)
    }
}

/// A few metrics of the fonts the index was laid out in, so a device that opens the blob in
/// other fonts does not trust page starts that are not its own.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FontCheck {
    /// Line height of the regular face in pixels.
    pub line_height: u32,
    /// Advances of a space, `e`, `m` and `-` in the regular face.
    pub advances: [u32; 4],
    /// FNV-1a over every face's line height, baseline, emboldening and the advances of a
    /// space, `e`, `m` and `-`.
    pub faces: u32,
}

impl FontCheck {
    /// The check values of `fonts`.
    pub fn of<F: Family>(fonts: &F) -> Self {
        let regular = fonts.face(Face::Regular);
        let mut faces = 0x811c_9dc5u32;
        for face in Face::ALL {
            let font = fonts.face(face);
            let [a, b, c, d] = [' ', 'e', 'm', '-'].map(|c| font.advance(c));
            let values = [
                font.line_height(),
                font.baseline(),
                u32::from(font.embolden()),
            ];
            for value in values.into_iter().chain([a, b, c, d]) {
                for byte in value.to_le_bytes() {
                    faces = (faces ^ u32::from(byte)).wrapping_mul(0x0100_0193);
                }
            }
        }
        FontCheck {
            line_height: regular.line_height(),
            advances: [' ', 'e', 'm', '-'].map(|c| regular.advance(c)),
            faces,
        }
    }
}

/// The page starts of one profile and font, read in place.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct PageIndex<'a> {
    raw: PageIndexRecord<'a>,
}

impl<'a> PageIndex<'a> {
    /// Checks an index against the book's block count; `text_len(block)` gives block lengths.
    pub(crate) fn check(
        raw: PageIndexRecord<'a>,
        block_count: u32,
        mut text_len: impl FnMut(u32) -> Option<usize>,
    ) -> Result<Self, Error> {
        let bad = Error::Malformed(Part::PageIndex);
        let pages = raw.built_for.pages;
        if raw.block_bits > 32 || raw.offset_bits > 32 || pages == 0 {
            return Err(bad);
        }
        let starts_len = PageIndexRecord::starts_len(pages, raw.block_bits, raw.offset_bits);
        if raw.starts.len() as u64 != starts_len {
            return Err(bad);
        }
        let index = PageIndex { raw };
        let mut previous: Option<Position> = None;
        for page in 0..pages {
            let start = index.start(page).ok_or(bad)?;
            let len = text_len(start.block).ok_or(bad)?;
            if start.block >= block_count
                // An empty block (a thematic break) still starts a line at offset 0.
                || (start.offset as usize >= len && !(start.offset == 0 && len == 0))
                || previous.is_some_and(|p| p >= start)
            {
                return Err(bad);
            }
            previous = Some(start);
        }
        if let Some(lines) = raw.lines {
            LineBreaks::check(lines, pages)?;
        }
        Ok(index)
    }

    /// An index the book checked when it was opened.
    pub(crate) fn trusted(raw: PageIndexRecord<'a>) -> Self {
        PageIndex { raw }
    }

    /// The profile, font and page count.
    pub fn built_for(&self) -> BuiltFor {
        self.raw.built_for
    }

    /// Metrics of the font the pages were laid out in.
    pub fn font_check(&self) -> FontCheck {
        self.raw.font_check
    }

    /// Whether this index holds for `profile` laid out in `fonts` by this engine's rules.
    pub fn fits<F: Family>(&self, profile: &Profile, fonts: &F) -> bool {
        self.raw.rules == LAYOUT_RULES
            && self.raw.built_for.profile == *profile
            && self.raw.font_check == FontCheck::of(fonts)
    }

    /// Number of pages.
    pub fn pages(&self) -> u32 {
        self.raw.built_for.pages
    }

    /// Where page `page` (0-based) starts, `None` past the last page.
    pub fn start(&self, page: u32) -> Option<Position> {
        if page >= self.pages() {
            return None;
        }
        let (bb, ob) = (
            u32::from(self.raw.block_bits),
            u32::from(self.raw.offset_bits),
        );
        let at = u64::from(page) * u64::from(bb + ob);
        let block = read_bits(self.raw.starts, at, bb)?;
        let offset = read_bits(self.raw.starts, at + u64::from(bb), ob)?;
        Some(Position::new(block, offset))
    }

    /// The page holding `position`: the last page starting at or before it. Binary search.
    pub fn page_of(&self, position: Position) -> u32 {
        let (mut low, mut high) = (0u32, self.pages());
        // Invariant: pages before `low` start at or before `position`, from `high` after it.
        while low < high {
            let mid = low + (high - low) / 2;
            if self.start(mid).is_some_and(|s| s <= position) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low.saturating_sub(1)
    }

    /// Bytes the page starts take.
    pub fn starts_len(&self) -> usize {
        self.raw.starts.len()
    }

    /// Bytes the baked line breaks' tables take (anchors and codes), 0 if none were baked.
    pub fn line_breaks_len(&self) -> usize {
        self.raw.lines.map_or(0, |lines| lines.tables_len())
    }

    /// The baked line breaks, checked when the book was opened.
    pub(crate) fn line_breaks(&self) -> Option<LineBreaks<'a>> {
        self.raw.lines.map(LineBreaks::trusted)
    }
}

/// `width` bits (at most 32) at bit `at` of `bytes`, most significant bit first; `None` if
/// the field passes the end.
fn read_bits(bytes: &[u8], at: u64, width: u32) -> Option<u32> {
    // Read from the field's first byte on, its offset fits a `u32` however long the index.
    let from = usize::try_from(at / 8)
        .ok()
        .and_then(|byte| bytes.get(byte..));
    let (from, pos) = (from.unwrap_or_default(), (at % 8) as u32);
    (pos + width <= bits::bit_len(from)).then(|| bits::read(from, pos, width))
}

/// Iterator over the page indexes of a [`Book`](crate::Book), checked when it was opened.
#[derive(Copy, Clone, Debug)]
pub struct PageIndexes<'a> {
    pub(crate) rest: &'a [u8],
}

impl<'a> Iterator for PageIndexes<'a> {
    type Item = PageIndex<'a>;

    fn next(&mut self) -> Option<PageIndex<'a>> {
        let (raw, rest) = take::<PageIndexRecord<'a>>(self.rest, Part::PageIndex).ok()?;
        self.rest = rest;
        Some(PageIndex::trusted(raw))
    }
}

#[cfg(test)]
mod tests {
    use super::read_bits;

    #[test]
    fn fields_read_msb_first_up_to_the_end() {
        let starts = [0b1010_0000, 0x0F, 0xF0];
        assert_eq!(read_bits(&starts, 0, 3), Some(0b101));
        assert_eq!(read_bits(&starts, 12, 8), Some(0xFF));
        assert_eq!(read_bits(&starts, 0, 24), Some(0xA0_0FF0));
        assert_eq!(read_bits(&starts, 20, 4), Some(0));
        assert_eq!(read_bits(&starts, 21, 4), None);
        assert_eq!(read_bits(&starts, 24, 0), Some(0));
        assert_eq!(read_bits(&starts, u64::MAX, 1), None);
    }
}
