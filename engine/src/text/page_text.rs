//! One page's coded text as laying it out decoded it, kept for the drawing that follows.
//!
//! A page turn on a display the blob bakes no line breaks for reads the page's text twice:
//! once to break its lines, once to draw them. Coded text costs a model lookup or more per
//! character, so the second read was as dear as the first. While the page is laid out, each
//! of its blocks' texts hands every character it decodes, in order, to a [`PageText`]; while
//! it is drawn, the same blocks read those characters back instead of decoding them.
//!
//! Everything here is a cache of what the same turn decoded, never data from the blob: a
//! character not kept (a page longer than [`CAPACITY`], more blocks than [`SEGMENTS`]) is
//! decoded as before. When the bytes run out, the keeping stops at a checkpoint of the
//! decoder, so that drawing decodes on from there rather than from the page's start.
//!
//! The texts share one `PageText` by reference (a text is copied several times a line), so
//! what they write goes through `Cell`s: no `unsafe`, no heap.

use core::cell::Cell;

use crate::codec::Checkpoint;

/// Bytes of text kept: a 2.9" page of 6x10 cells (about 600 bytes), or a 4.2" page in a
/// 14 px face. A larger page keeps its first kilobyte.
const CAPACITY: usize = 1024;

/// Blocks of a page kept: headings, list items and short paragraphs on a small display.
const SEGMENTS: usize = 16;

/// Bytes left when keeping starts to look for a checkpoint to stop at: more than the
/// longest run a checkpoint waits for (a dictionary entry being spelled).
const SLACK: usize = 64;

/// No segment is being filled.
const NONE: u8 = u8::MAX;

// A bit of `whole` a segment, and buffer offsets in a `u16`.
const _: () = assert!(SEGMENTS <= 16 && CAPACITY < u16::MAX as usize);

/// The characters kept of one block: its bytes `from..from + len`, at `start` in the buffer.
#[derive(Copy, Clone, Debug, Default)]
struct Segment {
    block: u32,
    from: u32,
    start: u16,
    len: u16,
}

/// A page's text, kept as it is decoded and read back while drawing; see the module docs.
#[derive(Debug)]
pub(crate) struct PageText {
    bytes: Cell<[u8; CAPACITY]>,
    segments: [Cell<Segment>; SEGMENTS],
    /// Segments opened.
    count: Cell<u8>,
    /// The segment being filled, [`NONE`] once full or done laying out.
    filling: Cell<u8>,
    /// The byte offset of its block that it keeps next.
    next: Cell<u32>,
    /// Bytes kept.
    used: Cell<u16>,
    /// Blocks whose text was found to read to its end (a bit a segment).
    whole: Cell<u16>,
    /// Where decoding resumes past the last segment's kept bytes, if keeping stopped there.
    resume: Cell<Option<Checkpoint>>,
    /// Laying out is done: texts read what is kept, and keep nothing more.
    reading: Cell<bool>,
}

/// One text's share of a [`PageText`]: its segment, and while drawing, where its kept
/// bytes are (copied here once, as they are read once a character).
#[derive(Copy, Clone, Debug)]
pub(crate) struct Shared<'p> {
    page: &'p PageText,
    k: u8,
    /// Reading back: the block's bytes `from..end` are kept, from `start` in the buffer.
    from: u32,
    end: u32,
    start: u16,
    /// Reading back: the block was found to read to its end.
    whole: bool,
}

/// What [`Shared::read`] found at an offset.
pub(crate) enum Kept {
    /// The text's answer: a character, or `None` inside one or at the end.
    Answer(Option<char>),
    /// Not kept: decode it.
    Missing,
}

impl PageText {
    pub(crate) fn new() -> Self {
        const EMPTY: Segment = Segment {
            block: 0,
            from: 0,
            start: 0,
            len: 0,
        };
        PageText {
            bytes: Cell::new([0; CAPACITY]),
            segments: [const { Cell::new(EMPTY) }; SEGMENTS],
            count: Cell::new(0),
            filling: Cell::new(NONE),
            next: Cell::new(0),
            used: Cell::new(0),
            whole: Cell::new(0),
            resume: Cell::new(None),
            reading: Cell::new(false),
        }
    }

    /// Laying out is done: from now on texts read back what was kept.
    pub(crate) fn finish(&self) {
        self.close();
        self.reading.set(true);
    }

    /// The share of a text of block `block`, its characters kept from byte `from` on while
    /// laying out: the block's segment if it has one, else (laying out, with room) a new
    /// one. `None`: the text neither keeps nor reads back.
    pub(crate) fn share(&self, block: u32, from: u32) -> Option<Shared<'_>> {
        let count = self.count.get();
        let found = (0..count).find(|&k| self.segment(k).is_some_and(|s| s.block == block));
        let k = match found {
            Some(k) => k,
            None if self.reading.get() || self.full() => return None,
            None => self.open(block, from)?,
        };
        let mut shared = Shared {
            page: self,
            k,
            from: 0,
            end: 0,
            start: 0,
            whole: false,
        };
        if self.reading.get() {
            let segment = self.segment(k)?;
            shared.from = segment.from;
            shared.end = segment.from + u32::from(segment.len);
            shared.start = segment.start;
            shared.whole = self.whole.get() & 1 << k != 0;
        }
        Some(shared)
    }

    /// Whether laying out is done, and texts read back what was kept.
    pub(crate) fn reading(&self) -> bool {
        self.reading.get()
    }

    fn full(&self) -> bool {
        usize::from(self.used.get()) + SLACK >= CAPACITY || self.resume.get().is_some()
    }

    /// Starts segment `count` for block `block` from byte `from`, the one filled from now.
    fn open(&self, block: u32, from: u32) -> Option<u8> {
        self.close();
        let count = self.count.get();
        let slot = self.segments.get(usize::from(count))?;
        slot.set(Segment {
            block,
            from,
            start: self.used.get(),
            len: 0,
        });
        self.count.set(count + 1);
        self.filling.set(count);
        self.next.set(from);
        Some(count)
    }

    /// Ends the segment being filled, if any: its length is what it kept.
    fn close(&self) {
        let k = self.filling.replace(NONE);
        if let Some(mut segment) = self.segment(k) {
            segment.len = self.next.get().saturating_sub(segment.from) as u16;
            if let Some(slot) = self.segments.get(usize::from(k)) {
                slot.set(segment);
            }
        }
    }

    fn segment(&self, k: u8) -> Option<Segment> {
        if k >= self.count.get() {
            return None;
        }
        self.segments.get(usize::from(k)).map(Cell::get)
    }

    fn cells(&self) -> &[Cell<u8>] {
        let cells: &Cell<[u8]> = &self.bytes;
        cells.as_slice_of_cells()
    }
}

impl Shared<'_> {
    /// Whether laying out is done, and this text reads back what was kept.
    pub(crate) fn reading(&self) -> bool {
        self.page.reading()
    }

    /// Where this text, reading back, resumes decoding past its kept bytes.
    pub(crate) fn resume(&self) -> Option<Checkpoint> {
        let last = self.page.count.get().checked_sub(1)?;
        (self.k == last).then(|| self.page.resume.get()).flatten()
    }

    /// Keeps `c`, decoded at byte `at`, if this text's segment is the one being filled and
    /// `c` is the character after the last one kept. `checkpoint` is where the decoder
    /// stands just past `c`, asked only once the buffer is nearly full.
    #[inline(always)]
    pub(crate) fn offer(&self, at: u32, c: char, checkpoint: impl FnOnce() -> Option<Checkpoint>) {
        let page = self.page;
        if self.k != page.filling.get() || at != page.next.get() {
            return;
        }
        let used = usize::from(page.used.get());
        let end = used + c.len_utf8();
        match page.cells().get(used..end) {
            Some([cell]) => cell.set(c as u8),
            Some(room) => {
                let mut utf8 = [0; 4];
                for (cell, &byte) in room.iter().zip(c.encode_utf8(&mut utf8).as_bytes()) {
                    cell.set(byte);
                }
            }
            None => {
                // No checkpoint came in the slack: drawing decodes the rest from the page's
                // first checkpoint in the block, as it would with nothing kept.
                page.close();
                return;
            }
        }
        page.used.set(end as u16);
        page.next.set(at + c.len_utf8() as u32);
        if end + SLACK >= CAPACITY {
            if let Some(at) = checkpoint() {
                page.resume.set(Some(at));
                page.close();
            }
        }
    }

    /// Notes, laying out, that this text's block was found to read to its end.
    pub(crate) fn found_whole(&self) {
        if !self.page.reading.get() && usize::from(self.k) < SEGMENTS {
            let whole = &self.page.whole;
            whole.set(whole.get() | 1 << self.k);
        }
    }

    /// Whether laying out found this text's block to read to its end, when reading back.
    pub(crate) fn reads_whole(&self) -> bool {
        self.whole
    }

    /// The character at byte `i` of this text, `len` bytes long, if it was kept.
    #[inline(always)]
    pub(crate) fn read(&self, i: u32, len: u32) -> Kept {
        let into = i.wrapping_sub(self.from);
        if into >= self.end.wrapping_sub(self.from) {
            return if i >= len && self.whole {
                // Past the end of a text known to read to its end.
                Kept::Answer(None)
            } else {
                Kept::Missing
            };
        }
        let at = usize::from(self.start) + into as usize;
        let cells = self.page.cells();
        match cells.get(at).map(Cell::get) {
            Some(byte) if byte.is_ascii() => Kept::Answer(Some(char::from(byte))),
            Some(_) => {
                let rest = (self.end - i) as usize;
                Kept::Answer(wide_char(cells.get(at..at + rest.min(4)).unwrap_or(&[])))
            }
            None => Kept::Missing,
        }
    }
}

/// The character whose UTF-8 starts `cells`, `None` if a continuation byte does: kept
/// bytes are whole characters, so that is inside one.
#[inline(never)]
fn wide_char(cells: &[Cell<u8>]) -> Option<char> {
    let mut utf8 = [0; 4];
    for (byte, cell) in utf8.iter_mut().zip(cells) {
        *byte = cell.get();
    }
    let width = match utf8[0] {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => return None,
    };
    core::str::from_utf8(utf8.get(..width)?)
        .ok()?
        .chars()
        .next()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keeps `text` as block `block`'s characters from byte `from`, as a text decoding it
    /// would, with no checkpoint to stop at.
    fn keep<'p>(page: &'p PageText, block: u32, from: u32, text: &str) -> Shared<'p> {
        let shared = page.share(block, from).expect("room for a segment");
        for (i, c) in text.char_indices() {
            shared.offer(from + i as u32, c, || None);
        }
        shared
    }

    fn answer(kept: Kept) -> Option<Option<char>> {
        match kept {
            Kept::Answer(c) => Some(c),
            Kept::Missing => None,
        }
    }

    #[test]
    fn kept_characters_read_back_where_they_were_decoded() {
        let page = PageText::new();
        keep(&page, 3, 10, "naïve ");
        keep(&page, 4, 0, "€ ok").found_whole();
        page.finish();
        let first = page.share(3, 0).unwrap();
        let read = |i| answer(first.read(i, 40));
        assert_eq!(read(10), Some(Some('n')));
        assert_eq!(read(12), Some(Some('ï')));
        assert_eq!(read(13), Some(None), "inside 'ï'");
        assert_eq!(read(16), Some(Some(' ')));
        // Before and after what was kept: decoded as usual.
        assert_eq!(read(9), None);
        assert_eq!(read(17), None);
        assert_eq!(answer(first.read(40, 40)), None, "not known to read whole");
        let second = page.share(4, 0).unwrap();
        assert_eq!(answer(second.read(0, 6)), Some(Some('€')));
        assert_eq!(answer(second.read(5, 6)), Some(Some('k')));
        assert_eq!(
            answer(second.read(6, 6)),
            Some(None),
            "the end of a whole text"
        );
        assert!(page.share(5, 0).is_none(), "block 5 was never laid out");
    }

    #[test]
    fn only_the_next_character_of_the_block_being_kept_is_kept() {
        let page = PageText::new();
        let first = keep(&page, 0, 0, "ab");
        // Read again (a word measured twice), skipped ahead, or after the next block opened.
        first.offer(0, 'a', || None);
        first.offer(3, 'x', || None);
        let second = keep(&page, 1, 5, "cd");
        first.offer(2, 'z', || None);
        second.offer(5, 'c', || None);
        page.finish();
        let read = |shared: Shared<'_>, i| answer(shared.read(i, 100));
        let (first, second) = (page.share(0, 0).unwrap(), page.share(1, 0).unwrap());
        assert_eq!(
            [read(first, 0), read(first, 1)],
            [Some(Some('a')), Some(Some('b'))]
        );
        assert_eq!(read(first, 2), None);
        assert_eq!(read(second, 6), Some(Some('d')));
        assert_eq!(read(second, 7), None);
        // Reading back keeps nothing more.
        second.offer(7, 'e', || None);
        assert_eq!(read(page.share(1, 0).unwrap(), 7), None);
    }

    #[test]
    fn keeping_stops_at_the_first_checkpoint_once_the_buffer_is_nearly_full() {
        let page = PageText::new();
        let shared = page.share(0, 0).unwrap();
        let at = Checkpoint::default();
        let mut asked = 0;
        for i in 0..CAPACITY as u32 {
            // Inside a dictionary entry, no checkpoint: the first comes at 1,000 bytes.
            shared.offer(i, 'x', || {
                asked += 1;
                (i >= 999).then_some(at)
            });
        }
        assert_eq!(
            asked,
            999 - (CAPACITY - SLACK - 1) + 1,
            "asked from the slack on"
        );
        assert!(page.share(1, 0).is_none(), "no room for another block");
        page.finish();
        let back = page.share(0, 0).unwrap();
        assert_eq!(answer(back.read(999, 2000)), Some(Some('x')));
        assert_eq!(answer(back.read(1000, 2000)), None);
        assert!(back.resume().is_some());
    }

    #[test]
    fn a_page_of_wide_characters_that_fills_the_buffer_keeps_whole_ones() {
        let page = PageText::new();
        let shared = page.share(0, 0).unwrap();
        // Never a checkpoint: the buffer fills, and the character that does not fit is not
        // kept in part.
        for i in 0..400u32 {
            shared.offer(i * 3, '€', || None);
        }
        page.finish();
        let back = page.share(0, 0).unwrap();
        let kept = (CAPACITY / 3) as u32;
        assert_eq!(answer(back.read((kept - 1) * 3, 9999)), Some(Some('€')));
        assert_eq!(answer(back.read(kept * 3, 9999)), None);
        assert!(back.resume().is_none());
    }
}
