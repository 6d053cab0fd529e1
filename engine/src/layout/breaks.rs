//! Where the chapters that open a page start, walked alongside the lines of a page.
//!
//! Pagination asks at every line whether a page must end before it; the answer is one
//! comparison, because the walk keeps the next such chapter's first block. Finding it for a
//! page reads the chapter records before it once (their first block and flag, not their
//! text), no more than opening a page reads the blocks before it.

use crate::format::ChapterRecord;

/// The first blocks of the chapters that open a page, past some block, in order.
#[derive(Copy, Clone, Debug)]
pub(crate) struct NewPages<'a> {
    /// The chapter records not yet read.
    rest: &'a [u8],
    /// The first block of the next chapter that opens a page.
    next: Option<u32>,
}

impl<'a> NewPages<'a> {
    /// The chapters of `part` (a checked chapter part) that open a page and start after
    /// `block`.
    pub(crate) fn after(part: &'a [u8], block: u32) -> Self {
        let mut breaks = NewPages {
            rest: part,
            next: None,
        };
        breaks.pass(block);
        breaks
    }

    /// Whether a line of `block`, following lines of earlier blocks on the same page, must
    /// open a new page: a chapter that opens one starts after those blocks and at or before
    /// `block`. Moves on past `block` either way.
    pub(crate) fn reached(&mut self, block: u32) -> bool {
        let reached = self.next.is_some_and(|next| next <= block);
        if reached {
            self.pass(block);
        }
        reached
    }

    /// Moves `next` to the first chapter opening a page that starts after `block`.
    fn pass(&mut self, block: u32) {
        self.next = None;
        while let Some((start, new_page, rest)) = ChapterRecord::skim(self.rest) {
            self.rest = rest;
            if new_page && start > block {
                self.next = Some(start);
                return;
            }
        }
    }
}

// Pagination of unbaked blobs: an engine without line breaking refuses them.
#[cfg(all(test, feature = "breaking"))]
mod tests {
    use crate::build::{pack_into, Contents};
    use crate::font::MONO_6X10;
    use crate::format::{ChapterRecord, Meta};
    use crate::layout::Align;
    use crate::text::{Block, BlockKind};
    use crate::{Book, Layout, Position, Profile};

    /// Flush left, which every feature set lays out.
    fn profile(width: u16, height: u16) -> Profile {
        Profile {
            align: Align::Left,
            ..Profile::new(width, height)
        }
    }

    const BLOCKS: [Block<'static>; 7] = [
        Block::new(BlockKind::Paragraph, "A preface of one line."),
        Block::new(BlockKind::Heading(1), "One"),
        Block::new(BlockKind::Paragraph, "The first chapter."),
        Block::new(BlockKind::Heading(2), "A section"),
        Block::new(BlockKind::Paragraph, "It runs on."),
        Block::new(BlockKind::Heading(1), "Two"),
        Block::new(BlockKind::Paragraph, "The second chapter."),
    ];

    fn chapter(block: u32, level: u8, new_page: bool) -> ChapterRecord<'static> {
        ChapterRecord {
            block,
            level,
            new_page,
            ..ChapterRecord::default()
        }
    }

    #[test]
    fn a_chapter_that_opens_a_page_ends_the_one_before() {
        let toc = [
            chapter(1, 1, true),
            chapter(3, 2, false),
            chapter(5, 1, true),
        ];
        let contents = Contents {
            chapters: &toc,
            ..Contents::plain(Meta::default(), &BLOCKS)
        };
        let mut buffer = [0u8; 512];
        let len = pack_into(&contents, &mut buffer).unwrap();
        let book = Book::from_bytes(&buffer[..len]).unwrap();
        let layout = Layout::new(&book, profile(296, 128), &MONO_6X10).unwrap();
        let starts: [Option<Position>; 4] =
            core::array::from_fn(|n| layout.pages().nth(n).map(|page| page.start));
        // Everything would fit on one page; the section runs on.
        let expected = [Position::START, Position::new(1, 0), Position::new(5, 0)];
        assert_eq!(
            starts,
            [
                Some(expected[0]),
                Some(expected[1]),
                Some(expected[2]),
                None
            ]
        );
        let pages: [_; 3] = core::array::from_fn(|n| layout.chapter_page(n as u32));
        assert_eq!(pages, [Ok(1), Ok(1), Ok(2)]);
        // The same text without chapters is one page.
        let plain = Contents::plain(Meta::default(), &BLOCKS);
        let len = pack_into(&plain, &mut buffer).unwrap();
        let book = Book::from_bytes(&buffer[..len]).unwrap();
        let layout = Layout::new(&book, profile(296, 128), &MONO_6X10).unwrap();
        assert_eq!(layout.page_count(), 1);
    }

    #[test]
    fn a_chapter_at_a_page_start_breaks_nothing() {
        // A chapter at the first block, and one the page could not hold anyway.
        let toc = [chapter(0, 1, true), chapter(1, 1, true)];
        let contents = Contents {
            chapters: &toc,
            ..Contents::plain(Meta::default(), &BLOCKS[..2])
        };
        let mut buffer = [0u8; 256];
        let len = pack_into(&contents, &mut buffer).unwrap();
        let book = Book::from_bytes(&buffer[..len]).unwrap();
        let tiny = profile(296, 18); // room for one line
        let layout = Layout::new(&book, tiny, &MONO_6X10).unwrap();
        assert_eq!(layout.page_count(), 2);
        assert_eq!(
            layout.page(1).map(|page| page.start),
            Ok(Position::new(1, 0))
        );
    }
}
