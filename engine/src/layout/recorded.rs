//! One page's line breaks as laying it out found them, kept for the drawing that follows.
//!
//! A page turn on a display the blob bakes no breaks for used to break the page's lines
//! twice: once to find where the page ends, once more while drawing it (for justified text,
//! replaying Knuth–Plass from the paragraph's start both times). Recorded here in the page
//! index's own line code, the breaks let drawing set the page as a baked page is set: no
//! breaking, and each line's text decoded once. The codes are the builder's, read by the same
//! reader, so a recorded page draws exactly as a baked one would. What breaking found of each
//! line (its ends, width and word gaps) is also kept as a digest, and drawing compares the
//! lines it sets against it: text that sets differently when read back (malformed input can)
//! is drawn by breaking it again, so the pixels are always those of the page laid out.

use core::convert::Infallible;

use super::lines::{Line, LineEnd, Lines};
use super::{Layout, Page};
use crate::font::Family;
use crate::format::PageBreaks;
use crate::text::PageText;
use crate::{Error, Position};

/// Low bits of each code. Codes count from a base of 0, so a line of `len` bytes is the value
/// `2 * len + 1`: up to 1,023 bytes in one code of `RICE + 1` bits, which no display's line
/// comes near. A longer line (zero-width characters can make one) is not recorded.
const RICE: u32 = 11;

/// Bits of one code: the zero bit that ends its (empty) unary part, then its low bits.
const CODE_BITS: u32 = RICE + 1;

/// Lines a record holds: more than a page of the smallest built-in font on a 7.5" panel.
const MOST_LINES: u32 = 64;

/// Digests kept, of the last lines laid out: a page ends at most this many lines before the
/// last one laid out (the lines moved on with a heading, a widow or an orphan), or is drawn
/// by breaking its lines again.
const DIGESTS: u32 = 8;

const BYTES: usize = (MOST_LINES * CODE_BITS).div_ceil(8) as usize;

/// The breaks of the lines laid out so far, in order, and digests of them (136 bytes).
#[derive(Clone, Debug)]
pub(crate) struct Recorded {
    bytes: [u8; BYTES],
    /// Lines recorded: the first lines of the page, up to one that could not be (after which
    /// none is, so fewer than `laid`).
    lines: u32,
    /// Lines laid out, recorded or not.
    laid: u32,
    /// The digest of the lines laid out up to each of the last [`DIGESTS`], in a ring.
    digests: [u32; DIGESTS as usize],
}

impl Recorded {
    pub(crate) const fn new() -> Self {
        Recorded {
            bytes: [0; BYTES],
            lines: 0,
            laid: 0,
            digests: [0; DIGESTS as usize],
        }
    }

    /// The digest of the first `lines` lines laid out, if it is still kept.
    pub(crate) fn digest(&self, lines: u32) -> Option<u32> {
        let last = lines.checked_sub(1)?;
        if lines > self.laid || self.laid - lines >= DIGESTS {
            return None;
        }
        self.digests.get((last % DIGESTS) as usize).copied()
    }

    /// Records `line`, the line after the last one recorded.
    pub(crate) fn push(&mut self, line: &Line) {
        let before = match self.laid.checked_sub(1) {
            Some(last) => self
                .digests
                .get((last % DIGESTS) as usize)
                .copied()
                .unwrap_or(0),
            None => DIGEST_START,
        };
        if let Some(slot) = self.digests.get_mut((self.laid % DIGESTS) as usize) {
            *slot = digest(before, line);
        }
        // Every line before this one was recorded: none was left out.
        let unbroken = self.lines == self.laid;
        self.laid = self.laid.saturating_add(1);
        let value = match line.end_kind {
            LineEnd::BlockEnd => Some(0),
            _ => line
                .end
                .checked_sub(line.start)
                .and_then(|len| len.checked_mul(2))
                .map(|twice| twice + 1),
        };
        match value {
            Some(value) if unbroken && value < 1 << RICE && self.lines < MOST_LINES => {
                self.put(self.lines * CODE_BITS, value);
                self.lines += 1;
            }
            _ => {}
        }
    }

    /// Writes `value` as one code at bit `at`: most significant bit first, the zero bit of
    /// its unary part included (the top bit of a `CODE_BITS`-bit number below `1 << RICE`).
    fn put(&mut self, at: u32, value: u32) {
        for bit in 0..CODE_BITS {
            let i = at + bit;
            let one = value >> (CODE_BITS - 1 - bit) & 1 == 1;
            if let Some(byte) = self.bytes.get_mut((i / 8) as usize) {
                let mask = 0x80 >> (i % 8);
                *byte = if one { *byte | mask } else { *byte & !mask };
            }
        }
    }

    /// The breaks of a page of `lines` lines that ends where `end` starts, if every line of
    /// it but the last was recorded (the last one ends at `end`, as a baked page's does).
    pub(crate) fn page(&self, lines: u32, end: Position) -> Option<PageBreaks<'_>> {
        let coded = lines.checked_sub(1)?;
        (coded <= self.lines)
            .then(|| PageBreaks::recorded(&self.bytes, coded * CODE_BITS, RICE, end))
    }
}

/// The digest of no line.
pub(crate) const DIGEST_START: u32 = 0x811C_9DC5;

/// `so_far` (the digest of the lines before) with `line` folded in: its ends, how it ends,
/// its width and its word gaps, all a drawing of it depends on that its text does not say.
pub(crate) fn digest(so_far: u32, line: &Line) -> u32 {
    let fields = [
        line.block,
        line.start,
        line.end,
        line.end_kind as u32,
        line.width,
        line.gaps,
    ];
    // FNV-1a, a word at a time: a mix, not a checksum an input could be built against, but
    // a wrong line only costs drawing the page by breaking it again.
    fields.iter().fold(so_far, |hash, &field| {
        (hash ^ field).wrapping_mul(0x0100_0193)
    })
}

impl<F: Family> Layout<'_, F> {
    /// [`Layout::page_at`] for a page the page index does not bake, with the breaks of its
    /// lines put in `record` and the text they decoded in `text`, for
    /// [`Layout::recorded_lines`].
    pub(crate) fn page_recorded(
        &self,
        index: u32,
        start: Position,
        record: &mut Recorded,
        text: &PageText,
    ) -> Result<Page<'_, F>, Error> {
        self.can_break()?;
        let mut lines = self.lines_at(start)?;
        lines.share_page(text);
        let Ok(filled) = self.fill(&mut lines, None, None, |line, _, _, _| {
            record.push(line);
            Ok::<(), Infallible>(())
        });
        // As `Layout::page_at`: text that stops decoding first, then no page at all.
        lines.text_fault()?;
        if filled.lines == 0 {
            return Err(Error::PositionOutOfRange(start));
        }
        Ok(Page::new(self, index, start, filled))
    }

    /// The lines of `page`, which [`Layout::page_recorded`] laid out into `record` and
    /// `text`, set from them as a baked page's are: no line broken, no character decoded
    /// again that `text` kept. `None` where a line of it could not be recorded.
    pub(crate) fn recorded_lines<'r>(
        &'r self,
        page: &Page<'_, F>,
        record: &'r Recorded,
        text: &'r PageText,
    ) -> Option<Result<Lines<'r, 'r, F>, Error>> {
        let breaks = record.page(page.lines, page.end)?;
        text.finish();
        let lines = Lines::baked(
            self.book,
            &self.fonts,
            &self.geometry,
            page.start,
            &self.seeds,
            breaks,
        );
        Some(lines.map(|mut lines| {
            lines.share_page(text);
            lines
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::LineCode;
    use crate::text::{BlockKind, Nesting};

    fn line(start: u32, end: u32, end_kind: LineEnd) -> Line {
        Line {
            block: 0,
            start,
            end,
            width: 0,
            gaps: 0,
            end_kind,
            kind: BlockKind::Paragraph,
            nesting: Nesting::default(),
            first_in_block: false,
            left: 0,
            measure: 0,
            height: 10,
        }
    }

    /// Every character a page's texts read back from what laying the page out kept is the
    /// character decoding its block gives there, on every page of the coded article laid
    /// out with a profile its blob does not bake.
    #[cfg(all(feature = "coded", feature = "english"))]
    #[test]
    fn kept_text_reads_back_as_its_blocks_decode() {
        use crate::layout::{Align, Margins};
        let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
        let book = crate::Book::from_bytes(blob).unwrap();
        let profile = crate::Profile {
            margins: Margins::all(0),
            align: Align::Left,
            ..book.built_for().unwrap().profile
        };
        let layout = Layout::new(&book, profile, &crate::font::MONO_6X10).unwrap();
        assert!(layout.baked_page(0, Position::START).is_none());
        let mut compared = 0;
        for (index, page) in layout.pages().enumerate() {
            let kept = PageText::new();
            let mut record = Recorded::new();
            let laid = layout
                .page_recorded(index as u32, page.start, &mut record, &kept)
                .unwrap();
            assert_eq!(laid, page);
            kept.finish();
            for block in page.start.block..=page.end.block.min(book.block_count() - 1) {
                let decoded = book.block(block).unwrap().text;
                // Backwards too: reading forwards from before what was kept decodes on.
                for backwards in [false, true] {
                    let (mut read_back, mut plain) = (decoded, decoded);
                    read_back.share_page(&kept, block, 0);
                    for k in 0..decoded.len() {
                        let i = if backwards { decoded.len() - 1 - k } else { k };
                        let (got, want) = (read_back.char_at(i), plain.char_at(i));
                        assert_eq!(got, want, "block {block} byte {i}");
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 14_000, "{compared} bytes compared");
    }

    #[test]
    fn recorded_lines_read_back_as_the_baked_codes_they_mirror() {
        let mut record = Recorded::new();
        record.push(&line(0, 40, LineEnd::Wrap));
        record.push(&line(41, 41, LineEnd::Split));
        record.push(&line(41, 60, LineEnd::BlockEnd));
        record.push(&line(0, 1_023, LineEnd::HardBreak));
        record.push(&line(0, 5, LineEnd::Wrap));
        let end = Position::new(1, 3);
        let mut page = record.page(5, end).unwrap();
        let read: [_; 5] = core::array::from_fn(|_| page.next_in(1));
        assert_eq!(
            read,
            [
                Some(LineCode::Length(40)),
                Some(LineCode::Length(0)),
                Some(LineCode::ToBreak),
                Some(LineCode::Length(1_023)),
                Some(LineCode::Until(3)),
            ]
        );
        assert!(page.done_exactly() && page.next_in(1).is_none());
        // A page of fewer lines than were laid out (the rest moved on to the next page).
        let mut shorter = record.page(2, Position::new(0, 41)).unwrap();
        assert_eq!(shorter.next_in(0), Some(LineCode::Length(40)));
        assert_eq!(shorter.next_in(0), Some(LineCode::Until(41)));
        assert!(shorter.done_exactly());
    }

    #[test]
    fn digests_fold_the_lines_laid_out_and_keep_the_last_few() {
        let mut record = Recorded::new();
        let lines: [Line; 12] =
            core::array::from_fn(|i| line(i as u32 * 10, i as u32 * 10 + 9, LineEnd::Wrap));
        let mut folded = DIGEST_START;
        for (i, laid) in lines.iter().enumerate() {
            record.push(laid);
            folded = digest(folded, laid);
            assert_eq!(record.digest(i as u32 + 1), Some(folded));
        }
        // The last eight are kept; a page of fewer lines than that is drawn by breaking.
        assert!(record.digest(5).is_some() && record.digest(4).is_none());
        assert!(record.digest(0).is_none() && record.digest(13).is_none());
        // A line set otherwise (a gap more) changes the digest.
        let mut wider = lines[0];
        wider.gaps += 1;
        assert_ne!(
            digest(DIGEST_START, &wider),
            digest(DIGEST_START, &lines[0])
        );
    }

    #[test]
    fn a_line_too_long_to_code_stops_the_record_there() {
        let mut record = Recorded::new();
        record.push(&line(0, 10, LineEnd::Wrap));
        record.push(&line(10, 1_034, LineEnd::Wrap));
        record.push(&line(1_034, 1_040, LineEnd::Wrap));
        let end = Position::new(0, 2_000);
        assert!(
            record.page(2, end).is_some(),
            "the long line is the last: not coded"
        );
        assert!(record.page(3, end).is_none());
        assert!(record.page(0, end).is_none(), "no page has no lines");
        // Lines past the most a record holds are not coded either.
        let mut full = Recorded::new();
        for _ in 0..MOST_LINES + 1 {
            full.push(&line(0, 1, LineEnd::Wrap));
        }
        assert!(full.page(MOST_LINES + 1, end).is_some());
        assert!(full.page(MOST_LINES + 2, end).is_none());
    }
}
