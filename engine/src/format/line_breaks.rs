//! Line breaks baked into a page index: how long every line of every page is, so that turning
//! to a baked page sets its lines without breaking any.
//!
//! A line is stored as one number: its length in bytes (trailing spaces excluded), or "to its
//! block's end". How it ends (a wrap, a cut word, a newline), where the next line starts, its
//! width and its word gaps all follow from the text, so they are not stored. The numbers are
//! Rice codes of their distance from a typical line length, a few bits a line.

use serde::{Deserialize, Serialize};

use super::page_index::PageIndexRecord;
use crate::bits;
use crate::error::{Error, Part};

/// Largest Rice parameter a record may use: a code's low bits stay within one 32-bit read.
pub const MAX_RICE: u8 = 24;

/// Largest unary part of a code: a longer run of one bits is a broken table, not a line.
pub const MAX_QUOTIENT: u32 = 64;

/// The line breaks of one page index as a blob stores them: a postcard record of these
/// fields, in this order, inside [`PageIndexRecord::lines`].
///
/// `codes` holds one code per line, page after page, each line in reading order, most
/// significant bit first, the last byte padded with zero bits. A line of `len` bytes (from
/// its first character to just past its last, trailing spaces excluded) is the value
/// `zigzag(len - base) + 1`; a line that runs to its block's end is the value 0. A value `v`
/// is written as `v >> rice` one bits, a zero bit, then the low `rice` bits of `v`.
///
/// `offsets` holds, for every page after the first, the bit of `codes` where its first line
/// is, in `offset_bits` bits (at most 32) each, packed as the page starts are. Page 0's lines
/// start at bit 0; each page's codes end where the next page's begin, the last page's within
/// the last byte.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineBreaksRecord<'a> {
    /// The typical line length in bytes that codes count from.
    pub base: u16,
    /// Low bits of each code (at most [`MAX_RICE`]).
    pub rice: u8,
    /// Bits of each page's offset into `codes`.
    pub offset_bits: u8,
    /// Where each page after the first starts in `codes`.
    pub offsets: &'a [u8],
    /// The line codes.
    pub codes: &'a [u8],
}

impl LineBreaksRecord<'_> {
    /// Bytes that the offsets of `pages` pages take with `offset_bits` bits each.
    pub const fn offsets_len(pages: u32, offset_bits: u8) -> u64 {
        PageIndexRecord::starts_len(pages.saturating_sub(1), offset_bits, 0)
    }

    /// The value a line is coded as: its length, or `None` for a line to its block's end.
    pub fn value(base: u16, len: Option<u32>) -> u32 {
        let Some(len) = len else { return 0 };
        let delta = i64::from(len) - i64::from(base);
        let zigzag = if delta < 0 {
            (-delta) * 2 - 1
        } else {
            delta * 2
        };
        u32::try_from(zigzag + 1).unwrap_or(u32::MAX)
    }
}

/// What one code says of a line.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum LineCode {
    /// The line runs to its block's end.
    ToBlockEnd,
    /// The line takes this many bytes.
    Length(u32),
}

/// The codes of one page, read in order.
#[derive(Copy, Clone, Debug)]
pub(crate) struct PageBreaks<'a> {
    codes: &'a [u8],
    at: u32,
    end: u32,
    base: u32,
    rice: u32,
}

impl PageBreaks<'_> {
    /// Whether every code of the page has been read: what is left is at most padding.
    pub(crate) fn done(&self) -> bool {
        self.at <= self.end
            && self.end - self.at < 8
            && bits::read(self.codes, self.at, self.end - self.at) == 0
    }

    /// Whether the codes end exactly at the next page's.
    pub(crate) fn done_exactly(&self) -> bool {
        self.at == self.end
    }
}

impl Iterator for PageBreaks<'_> {
    type Item = LineCode;

    fn next(&mut self) -> Option<LineCode> {
        let mut quotient = 0u32;
        loop {
            if self.at >= self.end || quotient > MAX_QUOTIENT {
                return None;
            }
            let ones = bits::peek32(self.codes, self.at).leading_ones();
            let run = ones.min(self.end - self.at);
            quotient += run;
            self.at += run;
            if ones < 32 {
                break;
            }
        }
        // The zero bit, then the low bits.
        let low_at = self.at.checked_add(1)?;
        self.at = low_at.checked_add(self.rice)?;
        if quotient > MAX_QUOTIENT || self.at > self.end {
            return None;
        }
        let value = (quotient << self.rice) | bits::read(self.codes, low_at, self.rice);
        let Some(shifted) = value.checked_sub(1) else {
            return Some(LineCode::ToBlockEnd);
        };
        // Undo the zigzag: even values are at or above the base, odd ones below.
        let len = if shifted % 2 == 0 {
            self.base.checked_add(shifted / 2)
        } else {
            self.base.checked_sub(shifted / 2 + 1)
        };
        len.map(LineCode::Length)
    }
}

/// The line breaks of a checked page index.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct LineBreaks<'a> {
    raw: LineBreaksRecord<'a>,
}

impl<'a> LineBreaks<'a> {
    /// Checks the framing of `raw` for `pages` pages: widths, lengths, and page offsets that
    /// increase inside the codes. Whether the lines fit the text is checked as a page opens.
    pub(crate) fn check(raw: LineBreaksRecord<'a>, pages: u32) -> Result<Self, Error> {
        let bad = Error::Malformed(Part::LineBreaks);
        let offsets_len = LineBreaksRecord::offsets_len(pages, raw.offset_bits);
        if raw.rice > MAX_RICE
            || raw.offset_bits > 32
            || raw.offsets.len() as u64 != offsets_len
            || bits::bit_len(raw.codes) == u32::MAX
        {
            return Err(bad);
        }
        let breaks = LineBreaks { raw };
        let mut previous = 0u32;
        for page in 1..pages {
            let at = breaks.offset(page).ok_or(bad)?;
            if at <= previous || at >= bits::bit_len(raw.codes) {
                return Err(bad);
            }
            previous = at;
        }
        if pages > 0 && bits::bit_len(raw.codes) == 0 {
            return Err(bad);
        }
        Ok(breaks)
    }

    /// A record the book checked when it was opened.
    pub(crate) fn trusted(raw: LineBreaksRecord<'a>) -> Self {
        LineBreaks { raw }
    }

    /// The bit where page `page`'s codes start (`None` past the offsets).
    fn offset(&self, page: u32) -> Option<u32> {
        let Some(before) = page.checked_sub(1) else {
            return Some(0);
        };
        let width = u32::from(self.raw.offset_bits);
        let at = u64::from(before) * u64::from(width);
        let byte = usize::try_from(at / 8).ok()?;
        let from = self.raw.offsets.get(byte..)?;
        let pos = (at % 8) as u32;
        (pos + width <= bits::bit_len(from)).then(|| bits::read(from, pos, width))
    }

    /// The codes of page `page` of `pages`.
    pub(crate) fn page(&self, page: u32, pages: u32) -> Option<PageBreaks<'a>> {
        let at = self.offset(page)?;
        let end = if page + 1 < pages {
            self.offset(page + 1)?
        } else {
            bits::bit_len(self.raw.codes)
        };
        Some(PageBreaks {
            codes: self.raw.codes,
            at,
            end,
            base: u32::from(self.raw.base),
            rice: u32::from(self.raw.rice),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `values` as Rice codes with parameter `rice`.
    fn rice_codes(values: &[u32], rice: u32) -> ([u8; 16], u32) {
        let mut out = [0u8; 16];
        let mut at = 0u32;
        let mut put = |bit: bool| {
            if bit {
                out[(at / 8) as usize] |= 0x80 >> (at % 8);
            }
            at += 1;
        };
        for &v in values {
            for _ in 0..v >> rice {
                put(true);
            }
            put(false);
            for b in (0..rice).rev() {
                put(v >> b & 1 == 1);
            }
        }
        (out, at)
    }

    #[test]
    fn codes_read_back_lengths_and_block_ends() {
        let base = 40;
        let lens = [Some(40), Some(37), None, Some(44), Some(0)];
        let values = lens.map(|l| LineBreaksRecord::value(base, l));
        assert_eq!(values, [1, 6, 0, 9, 80]);
        let (codes, bits) = rice_codes(&values, 2);
        let mut page = PageBreaks {
            codes: &codes,
            at: 0,
            end: bits,
            base: u32::from(base),
            rice: 2,
        };
        let read: [Option<LineCode>; 6] = core::array::from_fn(|_| page.next());
        let expected = lens.map(|l| Some(l.map_or(LineCode::ToBlockEnd, LineCode::Length)));
        assert_eq!(read[..5], expected);
        assert_eq!(read[5], None);
        assert!(page.done_exactly());
    }

    #[test]
    fn a_run_of_ones_past_the_page_reads_nothing() {
        let codes = [0xFF; 12];
        let mut page = PageBreaks {
            codes: &codes,
            at: 0,
            end: 96,
            base: 40,
            rice: 0,
        };
        assert_eq!(page.next(), None);
    }
}
