//! Zero-copy reading of a blob.

use super::header::{Header, HEADER_LEN};
use super::hyphens::Hyphens;
use super::payload::{BuiltFor, Meta, RawBlock};
use crate::error::{Error, Part};
use crate::font::{AnyFont, PackedFont};

/// What a block is, which decides how it is set.
#[non_exhaustive]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// Body text.
    Paragraph,
    /// A heading of level 1 (largest) to 6.
    Heading(u8),
}

impl BlockKind {
    /// The kind for a stored kind byte: 0 is a paragraph, 1 to 6 a heading level.
    pub fn from_byte(byte: u8) -> Result<Self, Error> {
        match byte {
            0 => Ok(BlockKind::Paragraph),
            1..=6 => Ok(BlockKind::Heading(byte)),
            other => Err(Error::UnknownBlockKind(other)),
        }
    }

    /// The stored kind byte.
    pub fn to_byte(self) -> u8 {
        match self {
            BlockKind::Paragraph => 0,
            BlockKind::Heading(level) => level.clamp(1, 6),
        }
    }

    /// Whether the block is a heading of any level.
    pub fn is_heading(self) -> bool {
        matches!(self, BlockKind::Heading(_))
    }
}

/// One block of text, borrowed from the blob.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Block<'a> {
    /// Paragraph or heading.
    pub kind: BlockKind,
    /// The text exactly as it was packed.
    pub text: &'a str,
    /// Where words may be broken with a hyphen.
    pub hyphens: Hyphens<'a>,
}

impl<'a> Block<'a> {
    /// A block without hyphenation points.
    pub const fn new(kind: BlockKind, text: &'a str) -> Self {
        Block {
            kind,
            text,
            hyphens: Hyphens::NONE,
        }
    }
}

/// Bytes taken by each part of a blob.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct PartSizes {
    /// The fixed header.
    pub header: usize,
    /// Title, byline, source, date and language.
    pub metadata: usize,
    /// The recorded display profile and page count.
    pub built_for: usize,
    /// The packed font, if the blob carries one.
    pub font: usize,
    /// The blocks: text plus per-block framing.
    pub blocks: usize,
}

/// An opened blob. Reading it never allocates and never copies text.
#[derive(Copy, Clone, Debug)]
pub struct Book<'a> {
    header: Header,
    sizes: PartSizes,
    meta: Meta<'a>,
    built_for: Option<BuiltFor>,
    font: Option<&'a [u8]>,
    blocks: &'a [u8],
    block_count: u32,
}

impl<'a> Book<'a> {
    /// Opens a blob: checks magic, version, length and CRC-32, and that every block decodes.
    ///
    /// Any input gives either a book or an [`Error`]; none panics.
    pub fn from_bytes(blob: &'a [u8]) -> Result<Self, Error> {
        let (header, payload) = Header::split(blob)?;
        let (meta, after_meta) = take::<Meta<'a>>(payload, Part::Metadata)?;
        let (built_for, after_built_for) = take::<Option<BuiltFor>>(after_meta, Part::BuiltFor)?;
        // The font section is checked when it is asked for, so firmware that draws in a
        // built-in font links none of the packed-font code.
        let (font, after_font) = take::<Option<&'a [u8]>>(after_built_for, Part::Font)?;
        let (blocks, rest) = take::<&'a [u8]>(after_font, Part::Blocks)?;
        let sizes = PartSizes {
            header: HEADER_LEN,
            metadata: payload.len() - after_meta.len(),
            built_for: after_meta.len() - after_built_for.len(),
            font: after_built_for.len() - after_font.len(),
            blocks: after_font.len() - rest.len(),
        };
        if !rest.is_empty() {
            return Err(Error::TrailingPayload(Part::Blocks));
        }
        let mut block_count = 0u32;
        let mut walk = Blocks { rest: blocks };
        while let Some(block) = walk.next_block()? {
            // Text past u32::MAX bytes could not be addressed by a `Position`.
            u32::try_from(block.text.len()).map_err(|_| Error::TooLarge)?;
            // Checked once here, so reading blocks again on a page turn need not.
            block.hyphens.check(block.text)?;
            block_count = block_count.checked_add(1).ok_or(Error::TooLarge)?;
        }
        Ok(Book {
            header,
            sizes,
            meta,
            built_for,
            font,
            blocks,
            block_count,
        })
    }

    /// The fixed header.
    pub fn header(&self) -> Header {
        self.header
    }

    /// Title, byline, source, date and language.
    pub fn meta(&self) -> &Meta<'a> {
        &self.meta
    }

    /// The profile and font the blob was built for, if the builder recorded one.
    pub fn built_for(&self) -> Option<&BuiltFor> {
        self.built_for.as_ref()
    }

    /// The font the blob's text is set in, if it carries one (else `built_for().font` names
    /// a built-in font), checked on the way: a bad section is [`Error::BadFont`].
    pub fn font(&self) -> Option<Result<PackedFont<'a>, Error>> {
        self.font.map(PackedFont::from_bytes)
    }

    /// The font to lay the text out in: the blob's own, else the built-in one it was built
    /// for, else the 6x10 mono font.
    pub fn layout_font(&self) -> Result<AnyFont<'a>, Error> {
        Ok(match (self.font(), self.built_for) {
            (Some(packed), _) => AnyFont::Packed(packed?),
            (None, Some(built)) => AnyFont::Mono(built.font.font()),
            (None, None) => AnyFont::Mono(&crate::font::MONO_6X10),
        })
    }

    /// Number of blocks.
    pub fn block_count(&self) -> u32 {
        self.block_count
    }

    /// The blocks in order.
    pub fn blocks(&self) -> Blocks<'a> {
        Blocks { rest: self.blocks }
    }

    /// Block `index`, or `None` past the end. Walks the blocks before it.
    pub fn block(&self, index: u32) -> Option<Block<'a>> {
        self.blocks().nth(usize::try_from(index).ok()?)
    }

    /// Bytes taken by each part of the blob.
    pub fn part_sizes(&self) -> PartSizes {
        self.sizes
    }
}

/// Iterator over the blocks of a [`Book`].
///
/// The book checked every block when it was opened, so iteration cannot fail.
#[derive(Copy, Clone, Debug)]
pub struct Blocks<'a> {
    rest: &'a [u8],
}

impl<'a> Blocks<'a> {
    fn next_block(&mut self) -> Result<Option<Block<'a>>, Error> {
        if self.rest.is_empty() {
            return Ok(None);
        }
        let (raw, rest) = take::<RawBlock<'a>>(self.rest, Part::Blocks)?;
        self.rest = rest;
        let kind = BlockKind::from_byte(raw.kind)?;
        Ok(Some(Block {
            kind,
            text: raw.text,
            hyphens: Hyphens::from_encoded(raw.hyphens),
        }))
    }
}

impl<'a> Iterator for Blocks<'a> {
    type Item = Block<'a>;

    fn next(&mut self) -> Option<Block<'a>> {
        self.next_block().ok().flatten()
    }

    fn nth(&mut self, n: usize) -> Option<Block<'a>> {
        // Skip by framing alone: the text was checked to be UTF-8 when the book was opened,
        // so checking it again for every block passed over would only cost time.
        for _ in 0..n {
            // A block is its kind byte, then its text and its hyphens, each length-prefixed.
            let (_kind, rest) = self.rest.split_first()?;
            let (text_len, rest) = varint(rest)?;
            let (hyphens_len, rest) = varint(rest.get(text_len..)?)?;
            self.rest = rest.get(hyphens_len..)?;
        }
        self.next()
    }
}

/// A postcard varint (LEB128, at most 10 bytes) and the bytes after it.
fn varint(bytes: &[u8]) -> Option<(usize, &[u8])> {
    let mut value = 0u64;
    for (i, &byte) in bytes.iter().enumerate().take(10) {
        value |= u64::from(byte & 0x7F) << (7 * i);
        if byte & 0x80 == 0 {
            return Some((usize::try_from(value).ok()?, bytes.get(i + 1..)?));
        }
    }
    None
}

fn take<'a, T: serde::Deserialize<'a>>(
    bytes: &'a [u8],
    part: Part,
) -> Result<(T, &'a [u8]), Error> {
    postcard::take_from_bytes(bytes).map_err(|_| Error::Malformed(part))
}
