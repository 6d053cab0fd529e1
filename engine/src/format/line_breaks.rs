//! Line breaks baked into a page index: how long every line of every page is, so that turning
//! to a baked page sets its lines without breaking any.
//!
//! A line is stored as one bit when it ends at a newline or its block's end, which the text
//! says, and otherwise as its length in bytes (trailing spaces excluded). How it ends (a wrap,
//! a cut word, a newline), where the next line starts, its width and its word gaps all follow
//! from the text, so they are not stored; nor is a page's last line, which ends where the next
//! page starts. Lengths are Rice codes of their distance from a typical line length, a few bits
//! a line, after a code of how many lines the page codes. Where a page's codes start follows from the pages before it, skipped from an
//! anchor every [`PAGES_PER_ANCHOR`] pages.

use serde::{Deserialize, Serialize};

use crate::bits;
use crate::error::{Error, Part};
use crate::Position;

/// Largest Rice parameter a record may use: a code's low bits stay within one 32-bit read.
pub const MAX_RICE: u8 = 24;

/// Largest unary part of a code: a longer run of one bits is a broken table, not a line.
pub const MAX_QUOTIENT: u32 = 64;

/// Pages from one anchor (a page whose codes' first bit is stored) to the next.
pub const PAGES_PER_ANCHOR: u32 = 16;

/// The line breaks of one page index as a blob stores them: a postcard record of these
/// fields, in this order, inside [`PageIndexRecord::lines`](super::PageIndexRecord::lines).
///
/// `codes` holds, page after page, how many lines the page codes (its lines but the last),
/// then one code per such line in reading order, most significant bit first: `code_bits`
/// bits, then zero bits up to the byte. The count `n` is the value `most - n`, written with
/// parameter `count_rice`. A line that ends at a newline (a hard break) or at its block's end
/// runs to the first newline from its start, or else to its block's end; any other line has
/// a length `len` in bytes (from its first character to just past its last, trailing spaces
/// excluded). With `flagged`, the first is a zero bit and the second a one bit, then the value
/// `zigzag(len - base)` written with parameter `rice`: the cheaper where many lines end at
/// newlines (code). Without, the first is the value 0 and the second `zigzag(len - base) + 1`,
/// both written with parameter `rice`: the cheaper for prose. A value `v` is written with
/// parameter `k` as `v >> k` one bits, a zero bit, then the low `k` bits of `v`.
///
/// `anchors` holds, for pages [`PAGES_PER_ANCHOR`], twice that and so on, the bit of `codes`
/// where the page's count starts, in `anchor_bits` bits (at most 32) each. Page 0 starts at
/// bit 0; every other page starts where the codes of the page before end.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineBreaksRecord<'a> {
    /// The typical line length in bytes that codes count from.
    pub base: u16,
    /// Low bits of each line's code (at most [`MAX_RICE`]).
    pub rice: u8,
    /// Whether each line's code opens with a bit that says whether a length follows.
    pub flagged: bool,
    /// The most lines a page codes.
    pub most: u16,
    /// Low bits of each page's count (at most [`MAX_RICE`]).
    pub count_rice: u8,
    /// Bits of each anchor (at most 32).
    pub anchor_bits: u8,
    /// Where every [`PAGES_PER_ANCHOR`]th page's codes start.
    pub anchors: &'a [u8],
    /// Bits of `codes` that are codes; the rest of its last byte is zero.
    pub code_bits: u32,
    /// The line codes.
    pub codes: &'a [u8],
}

impl LineBreaksRecord<'_> {
    /// Bytes that the anchors of `pages` pages take with `anchor_bits` bits each.
    pub const fn anchors_len(pages: u32, anchor_bits: u8) -> u64 {
        let anchors = pages.saturating_sub(1) / PAGES_PER_ANCHOR;
        (anchors as u64 * anchor_bits as u64).div_ceil(8)
    }

    /// The value a line of `len` bytes is coded as: after its one bit if `flagged`, else plus
    /// one.
    pub fn value(base: u16, len: u32) -> u32 {
        let delta = i64::from(len) - i64::from(base);
        let zigzag = if delta < 0 {
            (-delta) * 2 - 1
        } else {
            delta * 2
        };
        u32::try_from(zigzag).unwrap_or(u32::MAX)
    }

    /// Bytes the record's tables take: anchors and codes.
    pub fn tables_len(&self) -> usize {
        self.anchors.len() + self.codes.len()
    }
}

/// What one code says of a line.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum LineCode {
    /// The line runs to the first newline from its start, or else to its block's end.
    ToBreak,
    /// The line runs to its block's end.
    ToBlockEnd,
    /// The line takes this many bytes.
    Length(u32),
    /// The page's last line: it ends where the next page starts, at this byte of its block.
    Until(u32),
}

/// The codes of one page, read in order, then its last line.
#[derive(Copy, Clone, Debug)]
pub(crate) struct PageBreaks<'a> {
    codes: &'a [u8],
    at: u32,
    end: u32,
    base: u32,
    rice: u32,
    /// Where the next page starts (the end of the book after the last page).
    page_end: Position,
    /// Whether the page's last line has been read.
    ended: bool,
    /// Whether each code opens with a bit that says a line ends at a break, or is the value 0
    /// for such a line and one more than the zigzag for others ([`LineBreaksRecord::flagged`];
    /// a record of lines laid out on the device is not flagged).
    flagged: bool,
}

impl<'a> PageBreaks<'a> {
    /// The lines of a page laid out on the device: `bits` bits of `codes` hold a code per
    /// line but the last, with parameter `rice` from a base of 0, and the page ends where
    /// `page_end` starts.
    #[cfg(feature = "breaking")]
    pub(crate) fn recorded(codes: &'a [u8], bits: u32, rice: u32, page_end: Position) -> Self {
        PageBreaks {
            codes,
            at: 0,
            end: bits,
            base: 0,
            rice,
            page_end,
            ended: false,
            flagged: false,
        }
    }

    /// Whether every line of the page has been read, its codes exactly.
    pub(crate) fn done_exactly(&self) -> bool {
        self.ended && self.at == self.end
    }

    /// The code of the line in `block`, the page's last once its codes are used up.
    pub(crate) fn next_in(&mut self, block: u32) -> Option<LineCode> {
        if self.at < self.end {
            return self.read();
        }
        if self.ended || self.at != self.end {
            return None;
        }
        self.ended = true;
        Some(if self.page_end.block == block {
            LineCode::Until(self.page_end.offset)
        } else {
            LineCode::ToBlockEnd
        })
    }

    /// Reads one code.
    fn read(&mut self) -> Option<LineCode> {
        let shifted = if self.flagged {
            if self.at >= self.end {
                return None;
            }
            let breaks = bits::read(self.codes, self.at, 1) == 0;
            self.at += 1;
            if breaks {
                return Some(LineCode::ToBreak);
            }
            read_value(self.codes, &mut self.at, self.end, self.rice)?
        } else {
            let value = read_value(self.codes, &mut self.at, self.end, self.rice)?;
            let Some(shifted) = value.checked_sub(1) else {
                return Some(LineCode::ToBreak);
            };
            shifted
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

/// The Rice-coded value at bit `*at` of `codes`, moving `*at` past it; `None` if it does not
/// end by bit `end` or its unary part runs past [`MAX_QUOTIENT`].
fn read_value(codes: &[u8], at: &mut u32, end: u32, rice: u32) -> Option<u32> {
    let mut quotient = 0u32;
    loop {
        if *at >= end || quotient > MAX_QUOTIENT {
            return None;
        }
        let ones = bits::peek32(codes, *at).leading_ones();
        let run = ones.min(end - *at);
        quotient += run;
        *at += run;
        if ones < 32 {
            break;
        }
    }
    // The zero bit, then the low bits.
    let low_at = at.checked_add(1)?;
    *at = low_at.checked_add(rice)?;
    if quotient > MAX_QUOTIENT || *at > end {
        return None;
    }
    Some((quotient << rice) | bits::read(codes, low_at, rice))
}

/// The line breaks of a checked page index.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct LineBreaks<'a> {
    raw: LineBreaksRecord<'a>,
}

impl<'a> LineBreaks<'a> {
    /// Checks the framing of `raw` for `pages` pages: widths, lengths, and anchors that
    /// increase inside the codes. Whether the counts reach the anchors is checked as a page
    /// opens, and whether the lines fit the text as it is set.
    pub(crate) fn check(raw: LineBreaksRecord<'a>, pages: u32) -> Result<Self, Error> {
        let bad = Error::Malformed(Part::LineBreaks);
        let code_bits = u64::from(raw.code_bits);
        if raw.rice > MAX_RICE
            || raw.count_rice > MAX_RICE
            || raw.anchor_bits > 32
            || raw.anchors.len() as u64 != LineBreaksRecord::anchors_len(pages, raw.anchor_bits)
            || raw.codes.len() as u64 != code_bits.div_ceil(8)
            || bits::bit_len(raw.codes) == u32::MAX
            || code_bits % 8 != 0
                && raw
                    .codes
                    .last()
                    .is_some_and(|&b| u32::from(b) << (code_bits % 8) & 0xFF != 0)
        {
            return Err(bad);
        }
        let breaks = LineBreaks { raw };
        let mut previous = 0u32;
        for anchor in 1..=(pages.saturating_sub(1) / PAGES_PER_ANCHOR) {
            let at = breaks.anchor(anchor).ok_or(bad)?;
            if at < previous || at > raw.code_bits {
                return Err(bad);
            }
            previous = at;
        }
        Ok(breaks)
    }

    /// A record the book checked when it was opened.
    pub(crate) fn trusted(raw: LineBreaksRecord<'a>) -> Self {
        LineBreaks { raw }
    }

    /// The bit where anchor `anchor`'s page's codes start (`None` past the anchors).
    fn anchor(&self, anchor: u32) -> Option<u32> {
        let Some(before) = anchor.checked_sub(1) else {
            return Some(0);
        };
        field(self.raw.anchors, before, self.raw.anchor_bits)
    }

    /// Reads the count of the page whose codes start at `at`, moving `at` past it.
    fn count(&self, at: &mut u32) -> Option<u32> {
        let rice = u32::from(self.raw.count_rice);
        let fewer = read_value(self.raw.codes, at, self.raw.code_bits, rice)?;
        u32::from(self.raw.most).checked_sub(fewer)
    }

    /// Moves `at` past the `count` line codes from it, reading no value.
    fn skip(&self, count: u32, at: &mut u32) -> Option<()> {
        let (codes, end) = (self.raw.codes, self.raw.code_bits);
        let rice = u32::from(self.raw.rice);
        for _ in 0..count {
            if self.raw.flagged {
                // The bit that says whether a length follows.
                let breaks = *at >= end || bits::read(codes, *at, 1) == 0;
                *at = at.checked_add(1)?;
                if breaks {
                    if *at > end {
                        return None;
                    }
                    continue;
                }
            }
            let ones = bits::peek32(codes, *at).leading_ones();
            if ones >= 32 {
                // A long unary part: read it the careful way.
                read_value(codes, at, end, rice)?;
                continue;
            }
            *at = at.checked_add(ones + 1 + rice)?;
            if *at > end {
                return None;
            }
        }
        Some(())
    }

    /// The lines of page `page` of `pages`, which ends where `page_end` starts. Where the
    /// counts do not lead to the codes (past them, or not onto the next anchor), the page
    /// reads no line, which its reader reports as malformed.
    pub(crate) fn page(&self, page: u32, pages: u32, page_end: Position) -> PageBreaks<'a> {
        // A start past the end: no code reads, and the page is never done.
        let (at, end) = self.locate(page, pages).unwrap_or((1, 0));
        PageBreaks {
            codes: self.raw.codes,
            at,
            end,
            base: u32::from(self.raw.base),
            rice: u32::from(self.raw.rice),
            page_end,
            ended: false,
            flagged: self.raw.flagged,
        }
    }

    /// Where page `page`'s codes start and end.
    fn locate(&self, page: u32, pages: u32) -> Option<(u32, u32)> {
        if page >= pages {
            return None;
        }
        let anchor = page / PAGES_PER_ANCHOR;
        let mut at = self.anchor(anchor)?;
        for _ in anchor * PAGES_PER_ANCHOR..page {
            let count = self.count(&mut at)?;
            self.skip(count, &mut at)?;
        }
        let count = self.count(&mut at)?;
        let start = at;
        self.skip(count, &mut at)?;
        // A group's last page ends where the next group starts, the book's last with the codes.
        let next = page + 1;
        let fits = if next == pages {
            at == self.raw.code_bits
        } else {
            next % PAGES_PER_ANCHOR != 0 || Some(at) == self.anchor(next / PAGES_PER_ANCHOR)
        };
        fits.then_some((start, at))
    }
}

/// Field `i` of `width` bits (at most 32) in `bytes`; `None` past the end.
fn field(bytes: &[u8], i: u32, width: u8) -> Option<u32> {
    let width = u32::from(width);
    let at = u64::from(i) * u64::from(width);
    let from = bytes.get(usize::try_from(at / 8).ok()?..)?;
    let pos = (at % 8) as u32;
    (pos + width <= bits::bit_len(from)).then(|| bits::read(from, pos, width))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `values` as line codes with parameter `rice`: `None` a zero bit, a value a one
    /// bit and its Rice code.
    fn line_codes(values: &[Option<u32>], rice: u32) -> ([u8; 16], u32) {
        let mut out = [0u8; 16];
        let mut at = 0u32;
        let mut put = |bit: bool| {
            if bit {
                out[(at / 8) as usize] |= 0x80 >> (at % 8);
            }
            at += 1;
        };
        for &v in values {
            put(v.is_some());
            let Some(v) = v else { continue };
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

    fn page(codes: &[u8], end: u32, page_end: Position) -> PageBreaks<'_> {
        PageBreaks {
            codes,
            at: 0,
            end,
            base: 40,
            rice: 2,
            page_end,
            ended: false,
            flagged: true,
        }
    }

    #[test]
    fn codes_read_back_lengths_and_breaks_then_the_last_line() {
        let base = 40;
        let lens = [Some(40), Some(37), None, Some(44), Some(0)];
        let values = lens.map(|l| l.map(|len| LineBreaksRecord::value(base, len)));
        assert_eq!(values, [Some(0), Some(5), None, Some(8), Some(79)]);
        let (codes, bits) = line_codes(&values, 2);
        let mut page = page(&codes, bits, Position::new(3, 120));
        let read: [Option<LineCode>; 7] = core::array::from_fn(|_| page.next_in(3));
        let expected = lens.map(|l| Some(l.map_or(LineCode::ToBreak, LineCode::Length)));
        assert_eq!(read[..5], expected);
        assert_eq!(read[5..], [Some(LineCode::Until(120)), None]);
        assert!(page.done_exactly());
    }

    #[test]
    fn unflagged_codes_read_breaks_as_zero_and_lengths_one_up() {
        let lens = [Some(40), None, Some(37)];
        // A line at a break is the value 0, a length one up from its flagged value.
        let values = lens.map(|l| l.map_or(0, |len| LineBreaksRecord::value(40, len) + 1));
        assert_eq!(values, [1, 0, 6]);
        // Rice codes with parameter 2: `1` is 0 01, `0` is 0 00, `6` is 10 10.
        let (out, at) = ([0b0010_0010, 0b1000_0000], 10);
        let mut page = PageBreaks {
            flagged: false,
            ..page(&out, at, Position::new(1, 9))
        };
        let read: [Option<LineCode>; 3] = core::array::from_fn(|_| page.next_in(1));
        assert_eq!(
            read,
            lens.map(|l| Some(l.map_or(LineCode::ToBreak, LineCode::Length)))
        );
    }

    #[test]
    fn a_last_line_before_a_page_in_another_block_ends_its_block() {
        let mut page = page(&[], 0, Position::new(4, 0));
        assert_eq!(page.next_in(3), Some(LineCode::ToBlockEnd));
        assert_eq!(page.next_in(3), None);
    }

    #[test]
    fn a_run_of_ones_past_the_page_reads_nothing() {
        let codes = [0xFF; 12];
        let mut page = PageBreaks {
            rice: 0,
            ..page(&codes, 96, Position::new(0, 0))
        };
        assert_eq!(page.next_in(0), None);
        assert!(!page.done_exactly());
    }
}
