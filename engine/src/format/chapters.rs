//! The table of contents as a blob stores it: chapter records back to back.
//!
//! Records are read field by field rather than through serde, so each bad field gets its
//! own [`ChapterFault`] (a bad flag byte is not just "malformed").

use core::fmt;

use serde::Serialize;

use super::take;
use crate::error::{Error, Part};

/// The deepest level a table of contents entry may have.
pub const MAX_CHAPTER_LEVEL: u8 = 8;

/// One chapter as a blob stores it: a postcard record of these fields, in this order. The
/// builder writes them ([`Contents::chapters`](crate::build::Contents::chapters)); a reader
/// sees them as [`Chapter`](crate::text::Chapter)s.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ChapterRecord<'a> {
    /// Index of its first block.
    pub block: u32,
    /// Its depth in the table of contents, 1 to [`MAX_CHAPTER_LEVEL`].
    pub level: u8,
    /// Whether its first line opens a page.
    pub new_page: bool,
    /// Its title as the table of contents gives it.
    pub title: &'a str,
    /// Its BCP 47 language; empty for the book's.
    pub language: &'a str,
}

/// What is wrong with a chapter record ([`Error::BadChapter`]).
///
/// ```
/// use inkleaf::build::{pack_into, Contents};
/// use inkleaf::format::{ChapterFault, ChapterRecord, Meta};
/// use inkleaf::text::{Block, BlockKind};
/// use inkleaf::Error;
///
/// let blocks = [Block::new(BlockKind::Paragraph, "Only one block.")];
/// let chapters = [ChapterRecord { block: 1, level: 1, title: "Two", ..Default::default() }];
/// let contents = Contents { chapters: &chapters, ..Contents::plain(Meta::default(), &blocks) };
/// let fault = ChapterFault::BlockPastEnd(1);
/// assert_eq!(pack_into(&contents, &mut [0u8; 64]), Err(Error::BadChapter { chapter: 0, fault }));
/// ```
#[non_exhaustive]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ChapterFault {
    /// Its first block is past the book's last block.
    BlockPastEnd(u32),
    /// Its first block comes before the previous chapter's.
    BlocksDecreasing(u32),
    /// Its level is 0 or above [`MAX_CHAPTER_LEVEL`].
    Level(u8),
    /// Its new-page flag is a byte other than 0 or 1.
    NewPage(u8),
    /// Its title or language is not UTF-8.
    NotUtf8,
    /// The part ends inside it (bytes left over that do not make a record), or a varint in
    /// it is malformed.
    Cut,
}

impl fmt::Display for ChapterFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ChapterFault::BlockPastEnd(b) => write!(f, "its first block {b} is past the last"),
            ChapterFault::BlocksDecreasing(b) => {
                write!(f, "its first block {b} comes before the previous chapter's")
            }
            ChapterFault::Level(l) => write!(f, "level {l} is not 1 to {MAX_CHAPTER_LEVEL}"),
            ChapterFault::NewPage(b) => write!(f, "new-page flag {b} is not 0 or 1"),
            ChapterFault::NotUtf8 => f.write_str("its title or language is not UTF-8"),
            ChapterFault::Cut => f.write_str("the chapter part ends inside it"),
        }
    }
}

impl<'a> ChapterRecord<'a> {
    /// Reads one record off the front of `bytes`: its framing, flag and text, not what
    /// [`ChapterRecord::check`] checks.
    pub(crate) fn read(bytes: &'a [u8]) -> Result<(Self, &'a [u8]), ChapterFault> {
        let (block, rest) = take::<u32>(bytes, Part::Chapters).map_err(|_| ChapterFault::Cut)?;
        let [level, new_page, rest @ ..] = rest else {
            return Err(ChapterFault::Cut);
        };
        let new_page = match new_page {
            0 => false,
            1 => true,
            &other => return Err(ChapterFault::NewPage(other)),
        };
        let (title, rest) = read_str(rest)?;
        let (language, rest) = read_str(rest)?;
        let record = ChapterRecord {
            block,
            level: *level,
            new_page,
            title,
            language,
        };
        Ok((record, rest))
    }

    /// The first block and new-page flag of the record at the front of a checked part, and
    /// the bytes after it: what a page break needs, read without checking the text again.
    pub(crate) fn skim(bytes: &[u8]) -> Option<(u32, bool, &[u8])> {
        let (block, rest) = take::<u32>(bytes, Part::Chapters).ok()?;
        let [_level, new_page, rest @ ..] = rest else {
            return None;
        };
        let (_title, rest) = take::<&[u8]>(rest, Part::Chapters).ok()?;
        let (_language, rest) = take::<&[u8]>(rest, Part::Chapters).ok()?;
        Some((block, *new_page == 1, rest))
    }

    /// Checks the record's level, and its first block against the book's `block_count` and
    /// the previous chapter's first block (`after`).
    pub(crate) fn check(&self, after: u32, block_count: u32) -> Result<(), ChapterFault> {
        if self.level == 0 || self.level > MAX_CHAPTER_LEVEL {
            Err(ChapterFault::Level(self.level))
        } else if self.block >= block_count {
            Err(ChapterFault::BlockPastEnd(self.block))
        } else if self.block < after {
            Err(ChapterFault::BlocksDecreasing(self.block))
        } else {
            Ok(())
        }
    }

    /// Checks every record of a chapter part against a book of `block_count` blocks; returns
    /// how many there are.
    pub(crate) fn check_part(part: &[u8], block_count: u32) -> Result<u32, Error> {
        let (mut rest, mut count, mut last) = (part, 0u32, 0u32);
        while !rest.is_empty() {
            let fault = |fault| Error::BadChapter {
                chapter: count,
                fault,
            };
            let (record, after) = ChapterRecord::read(rest).map_err(fault)?;
            record.check(last, block_count).map_err(fault)?;
            (rest, last) = (after, record.block);
            count = count.checked_add(1).ok_or(Error::TooLarge)?;
        }
        Ok(count)
    }
}

fn read_str(bytes: &[u8]) -> Result<(&str, &[u8]), ChapterFault> {
    let (raw, rest) = take::<&[u8]>(bytes, Part::Chapters).map_err(|_| ChapterFault::Cut)?;
    let text = core::str::from_utf8(raw).map_err(|_| ChapterFault::NotUtf8)?;
    Ok((text, rest))
}

#[cfg(test)]
mod tests;
