//! A book's table of contents: chapters, each naming the block it starts at.

use crate::format::ChapterRecord;
use crate::Position;

/// One entry of a book's table of contents: a chapter, or a section inside one.
///
/// Borrowed from the blob, like everything a [`Book`](crate::Book) reads.
///
/// ```
/// use inkleaf::build::{pack_into, Contents};
/// use inkleaf::format::{ChapterRecord, Meta};
/// use inkleaf::text::{Block, BlockKind};
/// use inkleaf::{Book, Position};
///
/// let blocks = [
///     Block::new(BlockKind::Heading(1), "One"),
///     Block::new(BlockKind::Paragraph, "It begins."),
/// ];
/// let toc = [ChapterRecord { block: 0, level: 1, new_page: true, title: "One", language: "" }];
/// let contents = Contents { chapters: &toc, ..Contents::plain(Meta::default(), &blocks) };
/// let mut buffer = [0u8; 64];
/// let len = pack_into(&contents, &mut buffer)?;
/// let book = Book::from_bytes(&buffer[..len])?;
/// let one = book.chapter(0).unwrap();
/// assert_eq!((one.index, one.title, one.level, one.start), (0, "One", 1, Position::START));
/// assert!(one.new_page && one.language.is_empty()); // in the book's language
/// # Ok::<(), inkleaf::Error>(())
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Chapter<'a> {
    /// Its place in the table of contents, from 0.
    pub index: u32,
    /// Its title as the table of contents gives it.
    pub title: &'a str,
    /// Its depth in the table of contents: 1 for a chapter, 2 for a section in one, up to
    /// [`MAX_CHAPTER_LEVEL`](crate::format::MAX_CHAPTER_LEVEL).
    pub level: u8,
    /// Where it starts: the start of its first block.
    pub start: Position,
    /// Whether it opens a new page.
    pub new_page: bool,
    /// Its BCP 47 language; empty when it is the book's ([`Meta::language`](crate::format::Meta)).
    pub language: &'a str,
}

/// Iterator over a book's chapters in order ([`Book::chapters`](crate::Book::chapters)).
#[derive(Copy, Clone, Debug)]
pub struct Chapters<'a> {
    rest: &'a [u8],
    index: u32,
}

impl<'a> Chapters<'a> {
    /// Chapters of a part the book has checked.
    pub(crate) fn new(part: &'a [u8]) -> Self {
        Chapters {
            rest: part,
            index: 0,
        }
    }
}

impl<'a> Iterator for Chapters<'a> {
    type Item = Chapter<'a>;

    fn next(&mut self) -> Option<Chapter<'a>> {
        // Checked when the book was opened; a record that fails now ends the walk.
        let (record, rest) = ChapterRecord::read(self.rest).ok()?;
        let chapter = Chapter {
            index: self.index,
            title: record.title,
            level: record.level,
            start: Position::new(record.block, 0),
            new_page: record.new_page,
            language: record.language,
        };
        self.rest = rest;
        self.index = self.index.saturating_add(1);
        Some(chapter)
    }
}
