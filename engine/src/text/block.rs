//! Blocks as a book hands them out: their kind, their text and where their words may break.

#[cfg(feature = "coded")]
use crate::codec::{Model, Stream};
use crate::error::{Error, Part};
#[cfg(feature = "coded")]
use crate::format::RawCodedBlock;
use crate::format::{take, BlockFrame, RawBlock, Take};

use super::{BlockKind, Hyphens, Nesting, Runs, Text};

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
    /// Paragraph, heading, list item, code, ...
    pub kind: BlockKind,
    /// The quotes and lists it sits in.
    pub nesting: Nesting,
    /// A code block's language tag; empty for other blocks.
    pub label: &'b str,
    /// The text exactly as it was packed.
    pub text: Text<'b>,
    /// Where words may be broken with a hyphen.
    pub hyphens: Hyphens<'b>,
    /// Which parts of the text are italic, bold, code or links.
    pub runs: Runs<'b>,
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
            nesting: Nesting::TOP,
            label: "",
            text: Text::plain(text),
            hyphens: Hyphens::NONE,
            runs: Runs::NONE,
        }
    }
}

impl Block<'_> {
    /// Reads the block once: its coded text decodes to exactly its length, and its
    /// hyphenation points and style runs fall on character boundaries.
    ///
    /// Opening a book checks a block's framing, not its text; this is the rest.
    ///
    /// ```
    /// use inkleaf::text::{Block, BlockKind, Hyphens};
    /// use inkleaf::Error;
    ///
    /// let cafe = Block::new(BlockKind::Paragraph, "café au lait");
    /// assert_eq!(cafe.check(), Ok(()));
    /// // A hyphenation point inside the two bytes of "é".
    /// let split = Block { hyphens: Hyphens::from_encoded(&[4]), ..cafe };
    /// assert!(matches!(split.check(), Err(Error::Malformed(_))));
    /// ```
    pub fn check(&self) -> Result<(), Error> {
        let mut text = self.text;
        text.check()?;
        self.hyphens.check(&mut text)?;
        self.runs.check(&mut text)
    }
}

/// Iterator over the blocks of a [`Book`](crate::Book).
///
/// The book checked every block's framing when it was opened, so iteration cannot stop
/// short; a coded block's text is checked as it is decoded.
#[derive(Copy, Clone, Debug)]
pub struct Blocks<'b> {
    pub(crate) rest: &'b [u8],
    #[cfg(feature = "coded")]
    pub(crate) model: Option<&'b Model<'b>>,
}

impl<'b> Blocks<'b> {
    #[inline(always)]
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
            let text = Text::coded(model, stream);
            return block(
                raw.kind,
                raw.nesting,
                raw.label,
                text,
                raw.hyphens,
                raw.runs,
            );
        }
        let (raw, rest) = take::<RawBlock<'b>>(self.rest, Part::Blocks)?;
        self.rest = rest;
        let text = Text::plain(raw.text);
        block(
            raw.kind,
            raw.nesting,
            raw.label,
            text,
            raw.hyphens,
            raw.runs,
        )
    }

    /// The next block put into `slot`, or `None` after the last (or at framing that does not
    /// read, which the book checked when it opened): [`Iterator::next`] built where it will
    /// be kept, not on the stack of the page turn that reads it and then copied.
    ///
    /// Reading the framing and building the block each have a frame of their own, so that
    /// neither sits on top of the other's.
    #[inline(never)]
    pub(crate) fn next_into(&mut self, slot: &mut Option<Block<'b>>) {
        *slot = None;
        if self.rest.is_empty() {
            return;
        }
        #[cfg(feature = "coded")]
        if let Some(model) = self.model {
            if let Some(raw) = self.take_framed::<RawCodedBlock<'b>>() {
                put_coded(slot, model, &raw);
            }
            return;
        }
        if let Some(raw) = self.take_framed::<RawBlock<'b>>() {
            put_plain(slot, &raw);
        }
    }

    /// The next block's fields as stored, the blocks moved past it.
    #[inline(never)]
    fn take_framed<T: Take<'b>>(&mut self) -> Option<T> {
        let (raw, rest) = take::<T>(self.rest, Part::Blocks).ok()?;
        self.rest = rest;
        Some(raw)
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
// Always inlined: a block is 140 bytes on a 32-bit target, and every call that hands it on
// by value holds another copy on the stack of a page turn.
#[inline(always)]
fn block<'b>(
    kind: BlockKind,
    nesting: (u8, u8),
    label: &'b str,
    text: Text<'b>,
    hyphens: &'b [u8],
    runs: &'b [u8],
) -> Result<Option<Block<'b>>, Error> {
    Ok(Some(Block {
        kind: kind.checked()?,
        nesting: Nesting::from_parts(nesting.0, nesting.1).ok_or(Error::Malformed(Part::Blocks))?,
        label,
        text,
        hyphens: Hyphens::from_encoded(hyphens),
        runs: Runs::from_encoded(runs),
    }))
}

/// A coded block into `slot`, if its kind and nesting are valid.
#[cfg(feature = "coded")]
#[inline(never)]
fn put_coded<'b>(slot: &mut Option<Block<'b>>, model: &'b Model<'b>, raw: &RawCodedBlock<'b>) {
    let Some((kind, nesting)) = kind_and_nesting(raw.kind, raw.nesting) else {
        return;
    };
    let stream = Stream {
        bits: raw.bits,
        text_len: raw.text_len,
    };
    *slot = Some(Block {
        kind,
        nesting,
        label: raw.label,
        text: Text::coded(model, stream),
        hyphens: Hyphens::from_encoded(raw.hyphens),
        runs: Runs::from_encoded(raw.runs),
    });
}

/// A plain block into `slot`, if its kind and nesting are valid.
#[inline(never)]
fn put_plain<'b>(slot: &mut Option<Block<'b>>, raw: &RawBlock<'b>) {
    let Some((kind, nesting)) = kind_and_nesting(raw.kind, raw.nesting) else {
        return;
    };
    *slot = Some(Block {
        kind,
        nesting,
        label: raw.label,
        text: Text::plain(raw.text),
        hyphens: Hyphens::from_encoded(raw.hyphens),
        runs: Runs::from_encoded(raw.runs),
    });
}

/// A block's kind and nesting from their stored form, if they are valid.
#[inline(always)]
fn kind_and_nesting(kind: BlockKind, nesting: (u8, u8)) -> Option<(BlockKind, Nesting)> {
    if kind.fault().is_some() {
        return None;
    }
    Some((kind, Nesting::from_parts(nesting.0, nesting.1)?))
}

impl<'b> Iterator for Blocks<'b> {
    type Item = Block<'b>;

    #[inline(always)]
    fn next(&mut self) -> Option<Block<'b>> {
        self.next_block().ok().flatten()
    }

    fn nth(&mut self, n: usize) -> Option<Block<'b>> {
        self.pass(n)?;
        self.next()
    }
}

impl Blocks<'_> {
    /// Passes over `n` blocks by framing alone: every block's framing was checked when the
    /// book was opened, so checking it again for every block passed over would only cost time.
    pub(crate) fn pass(&mut self, n: usize) -> Option<()> {
        for _ in 0..n {
            // A block is its kind, nesting and label, [its text length,] then its text or
            // bits, its hyphens and its runs, each length-prefixed.
            let (_, mut rest) = take::<BlockFrame<'_>>(self.rest, Part::Blocks).ok()?;
            if self.coded() {
                rest = length(rest)?.1;
            }
            for _ in 0..3 {
                let (len, after) = length(rest)?;
                rest = after.get(len..)?;
            }
            self.rest = rest;
        }
        Some(())
    }

    /// The kind and nesting of the next block, read without its text.
    pub(crate) fn peek_kind(&self) -> Option<(BlockKind, Nesting)> {
        let (frame, _) = take::<BlockFrame<'_>>(self.rest, Part::Blocks).ok()?;
        let nesting = Nesting::from_parts(frame.nesting.0, frame.nesting.1)?;
        Some((frame.kind, nesting))
    }
}

/// A stored length (postcard's varint) and the bytes after it.
fn length(bytes: &[u8]) -> Option<(usize, &[u8])> {
    let (len, rest) = take::<u32>(bytes, Part::Blocks).ok()?;
    Some((usize::try_from(len).ok()?, rest))
}
