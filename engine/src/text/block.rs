//! Blocks as a book hands them out: their kind, their text and where their words may break.

#[cfg(feature = "coded")]
use crate::codec::{Model, Stream};
use crate::error::{Error, Part};
#[cfg(feature = "coded")]
use crate::format::RawCodedBlock;
use crate::format::{take, RawBlock};

use super::{BlockKind, Hyphens, Text};

/// The stored kind byte of version 2 blobs: 0 paragraph, 1 to 6 a heading level.
pub(crate) fn kind_from_byte(byte: u8) -> Result<BlockKind, Error> {
    match byte {
        0 => Ok(BlockKind::Paragraph),
        1..=6 => Ok(BlockKind::Heading(byte)),
        other => Err(Error::UnknownBlockKind(other)),
    }
}

/// The kind byte version 2 stores: headings keep their level, every other kind is a paragraph.
pub(crate) fn kind_to_byte(kind: BlockKind) -> u8 {
    match kind {
        BlockKind::Heading(level) => level.clamp(1, 6),
        _ => 0,
    }
}

/// One block of text, read from the blob.
///
/// ```
/// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
/// let book = inkleaf::Book::from_bytes(blob)?;
/// let headings = book.blocks().filter(|block| block.kind.is_heading()).count();
/// let longest = book.blocks().map(|block| block.text.len()).max();
/// assert_eq!((headings, longest), (0, Some(604)));
/// # Ok::<(), inkleaf::Error>(())
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Block<'b> {
    /// Paragraph or heading.
    pub kind: BlockKind,
    /// The text exactly as it was packed.
    pub text: Text<'b>,
    /// Where words may be broken with a hyphen.
    pub hyphens: Hyphens<'b>,
}

impl<'b> Block<'b> {
    /// A block of plain text without hyphenation points.
    ///
    /// ```
    /// use inkleaf::text::{Block, BlockKind, Hyphens};
    ///
    /// let title = Block::new(BlockKind::Heading(1), "Notes from the field");
    /// assert_eq!(title.text, "Notes from the field");
    /// assert_eq!(title.hyphens, Hyphens::NONE);
    /// // With the points a host hyphenator found: "field-work".
    /// let plain = Block::new(BlockKind::Paragraph, "fieldwork");
    /// let body = Block { hyphens: Hyphens::from_encoded(&[5]), ..plain };
    /// assert!(body.hyphens.eq([5]));
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub const fn new(kind: BlockKind, text: &'b str) -> Self {
        Block {
            kind,
            text: Text::plain(text),
            hyphens: Hyphens::NONE,
        }
    }
}

/// Iterator over the blocks of a [`Book`](crate::Book).
///
/// The book checked every block when it was opened, so iteration cannot fail.
#[derive(Copy, Clone, Debug)]
pub struct Blocks<'b> {
    pub(crate) rest: &'b [u8],
    #[cfg(feature = "coded")]
    pub(crate) model: Option<&'b Model<'b>>,
}

impl<'b> Blocks<'b> {
    pub(crate) fn next_block(&mut self) -> Result<Option<Block<'b>>, Error> {
        if self.rest.is_empty() {
            return Ok(None);
        }
        #[cfg(feature = "coded")]
        if let Some(model) = self.model {
            let (raw, rest) = take::<RawCodedBlock<'b>>(self.rest, Part::Blocks)?;
            self.rest = rest;
            let stream = Stream {
                bits: raw.bits,
                text_len: raw.text_len,
            };
            return block(raw.kind, Text::coded(model, stream), raw.hyphens);
        }
        let (raw, rest) = take::<RawBlock<'b>>(self.rest, Part::Blocks)?;
        self.rest = rest;
        block(raw.kind, Text::plain(raw.text), raw.hyphens)
    }

    /// Whether the blocks are coded (without the `coded` feature a coded book never opens).
    fn coded(&self) -> bool {
        #[cfg(feature = "coded")]
        return self.model.is_some();
        #[cfg(not(feature = "coded"))]
        false
    }
}

/// A block from its fields as stored.
fn block<'b>(kind: u8, text: Text<'b>, hyphens: &'b [u8]) -> Result<Option<Block<'b>>, Error> {
    Ok(Some(Block {
        kind: kind_from_byte(kind)?,
        text,
        hyphens: Hyphens::from_encoded(hyphens),
    }))
}

impl<'b> Iterator for Blocks<'b> {
    type Item = Block<'b>;

    fn next(&mut self) -> Option<Block<'b>> {
        self.next_block().ok().flatten()
    }

    fn nth(&mut self, n: usize) -> Option<Block<'b>> {
        // Skip by framing alone: every block was checked when the book was opened, so
        // checking it again for every block passed over would only cost time.
        for _ in 0..n {
            // A block is its kind byte, [its text length,] then its text or bits and its
            // hyphens, each length-prefixed.
            let (_kind, mut rest) = self.rest.split_first()?;
            if self.coded() {
                rest = length(rest)?.1;
            }
            let (text_len, rest) = length(rest)?;
            let (hyphens_len, rest) = length(rest.get(text_len..)?)?;
            self.rest = rest.get(hyphens_len..)?;
        }
        self.next()
    }
}

/// A stored length (postcard's varint) and the bytes after it.
fn length(bytes: &[u8]) -> Option<(usize, &[u8])> {
    let (len, rest) = take::<u32>(bytes, Part::Blocks).ok()?;
    Some((usize::try_from(len).ok()?, rest))
}
