//! Zero-copy reading of a blob.

use super::header::{Header, HEADER_LEN};
use super::hyphens::Hyphens;
use super::page_index::{PageIndex, PageIndexRecord};
#[cfg(feature = "coded")]
use super::payload::RawCodedBlock;
use super::payload::{BuiltFor, Meta, RawBlock};
use super::text::Text;
#[cfg(feature = "coded")]
use crate::codec::{Model, Stream};
use crate::error::{Error, Part};
use crate::font::{AnyFont, Font, PackedFont};
use crate::layout::Profile;

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

/// One block of text, read from the blob.
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
    pub const fn new(kind: BlockKind, text: &'b str) -> Self {
        Block {
            kind,
            text: Text::plain(text),
            hyphens: Hyphens::NONE,
        }
    }
}

/// Bytes taken by each part of a blob; they add up to the blob's length.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct PartSizes {
    /// The fixed header.
    pub header: usize,
    /// Title, byline, source, date and language.
    pub metadata: usize,
    /// The page indexes of the profiles the blob was built for.
    pub page_index: usize,
    /// The packed font, if the blob carries one (its `None` byte otherwise).
    pub font: usize,
    /// The text model, if the text is coded (its `None` byte otherwise).
    pub model: usize,
    /// The blocks' text (coded or plain) with each block's kind and lengths.
    pub text: usize,
    /// The blocks' hyphenation points with their lengths.
    pub hyphens: usize,
}

/// An opened blob. Reading it never allocates and never copies text.
#[derive(Copy, Clone, Debug)]
pub struct Book<'a> {
    header: Header,
    sizes: PartSizes,
    meta: Meta<'a>,
    indexes: &'a [u8],
    index_count: u32,
    font: Option<&'a [u8]>,
    #[cfg(feature = "coded")]
    model: Option<Model<'a>>,
    blocks: &'a [u8],
    block_count: u32,
}

impl<'a> Book<'a> {
    /// Opens a blob: checks magic, version, length and CRC-32, the text model, that every
    /// block decodes, and every page index.
    ///
    /// Any input gives either a book or an [`Error`]; none panics.
    // Never inlined: opening needs room for the checks, and a caller that keeps the book
    // for its page turns should not keep that room too (device stack is short).
    #[inline(never)]
    pub fn from_bytes(blob: &'a [u8]) -> Result<Self, Error> {
        let (header, payload) = Header::split(blob)?;
        let (meta, after_meta) = take::<Meta<'a>>(payload, Part::Metadata)?;
        let (indexes, after_indexes) = take::<&'a [u8]>(after_meta, Part::PageIndex)?;
        // The font section is checked when it is asked for, so firmware that draws in a
        // built-in font links none of the packed-font code.
        let (font, after_font) = take::<Option<&'a [u8]>>(after_indexes, Part::Font)?;
        let (model, after_model) = take::<Option<&'a [u8]>>(after_font, Part::Model)?;
        let (blocks, rest) = take::<&'a [u8]>(after_model, Part::Blocks)?;
        if !rest.is_empty() {
            return Err(Error::TrailingPayload(Part::Blocks));
        }
        let mut book = Book {
            header,
            sizes: PartSizes {
                header: HEADER_LEN,
                metadata: payload.len() - after_meta.len(),
                page_index: after_meta.len() - after_indexes.len(),
                font: after_indexes.len() - after_font.len(),
                model: after_font.len() - after_model.len(),
                text: after_model.len() - rest.len(),
                hyphens: 0,
            },
            meta,
            indexes,
            index_count: 0,
            font,
            #[cfg(feature = "coded")]
            model: None,
            blocks,
            block_count: 0,
        };
        #[cfg(feature = "coded")]
        if let Some(bytes) = model {
            Model::open_in(bytes, &mut book.model)?;
        }
        #[cfg(not(feature = "coded"))]
        if model.is_some() {
            return Err(Error::CodedTextUnsupported);
        }
        let (count, hyphens) = book.check_blocks()?;
        book.block_count = count;
        book.sizes.hyphens = hyphens;
        book.sizes.text -= hyphens;
        book.index_count = book.check_indexes()?;
        Ok(book)
    }

    /// Checks every block once, so reading blocks again on a page turn need not: returns the
    /// block count and the bytes their hyphenation points take.
    fn check_blocks(&self) -> Result<(u32, usize), Error> {
        let (mut count, mut hyphens) = (0u32, 0usize);
        let mut walk = self.blocks();
        while let Some(mut block) = walk.next_block()? {
            // Text past u32::MAX bytes could not be addressed by a `Position`.
            u32::try_from(block.text.len()).map_err(|_| Error::TooLarge)?;
            block.text.check()?;
            block.hyphens.check(&mut block.text)?;
            let points = block.hyphens.encoded().len();
            hyphens += points + varint_len(points);
            count = count.checked_add(1).ok_or(Error::TooLarge)?;
        }
        Ok((count, hyphens))
    }

    fn check_indexes(&self) -> Result<u32, Error> {
        let mut rest = self.indexes;
        let mut count = 0u32;
        while !rest.is_empty() {
            let (raw, after) = take::<PageIndexRecord<'a>>(rest, Part::PageIndex)?;
            // Page starts increase, so one walk over the blocks serves the whole index.
            let mut blocks = self.blocks();
            let mut at: Option<(u32, usize)> = None;
            PageIndex::check(raw, self.block_count, |block| {
                while at.is_none_or(|(b, _)| b < block) {
                    let next = at.map_or(0, |(b, _)| b + 1);
                    at = Some((next, blocks.next()?.text.len()));
                }
                at.filter(|(b, _)| *b == block).map(|(_, len)| len)
            })?;
            rest = after;
            count = count.checked_add(1).ok_or(Error::TooLarge)?;
        }
        Ok(count)
    }

    /// The fixed header.
    pub fn header(&self) -> Header {
        self.header
    }

    /// Title, byline, source, date and language.
    pub fn meta(&self) -> &Meta<'a> {
        &self.meta
    }

    /// The profile and font the blob was built for first, with its page count, if the builder
    /// baked a page index.
    pub fn built_for(&self) -> Option<BuiltFor> {
        self.page_indexes().next().map(|index| index.built_for())
    }

    /// The page indexes the builder baked, one per display profile.
    pub fn page_indexes(&self) -> PageIndexes<'a> {
        PageIndexes { rest: self.indexes }
    }

    /// The baked index for `profile` laid out in `font`, if there is one.
    pub fn page_index<F: Font>(&self, profile: &Profile, font: &F) -> Option<PageIndex<'a>> {
        self.page_indexes().find(|index| index.fits(profile, font))
    }

    /// The font the blob's text is set in, if it carries one (else `built_for().font` names
    /// a built-in font), checked on the way: a bad section is [`Error::BadFont`].
    pub fn font(&self) -> Option<Result<PackedFont<'a>, Error>> {
        self.font.map(PackedFont::from_bytes)
    }

    /// The font to lay the text out in: the blob's own, else the built-in one it was built
    /// for, else the 6x10 mono font.
    pub fn layout_font(&self) -> Result<AnyFont<'a>, Error> {
        Ok(match (self.font(), self.built_for()) {
            (Some(packed), _) => AnyFont::Packed(packed?),
            (None, Some(built)) => AnyFont::Mono(built.font.font()),
            (None, None) => AnyFont::Mono(&crate::font::MONO_6X10),
        })
    }

    /// The text model, if the blob's text is coded.
    #[cfg(feature = "coded")]
    pub fn model(&self) -> Option<&Model<'a>> {
        self.model.as_ref()
    }

    /// Decodes the text through lookup tables in `buf` from now on ([`Model::accelerate`]):
    /// the same text, faster, for a reader with RAM to spare. Returns the tables' index bits;
    /// 0 for plain text, which has nothing to speed up.
    #[cfg(feature = "tables")]
    pub fn accelerate(&mut self, buf: &'a mut [u32]) -> Result<u32, Error> {
        match &mut self.model {
            Some(model) => model.accelerate(buf),
            None => Ok(0),
        }
    }

    /// Number of blocks.
    pub fn block_count(&self) -> u32 {
        self.block_count
    }

    /// The blocks in order.
    pub fn blocks(&self) -> Blocks<'_> {
        Blocks {
            rest: self.blocks,
            #[cfg(feature = "coded")]
            model: self.model.as_ref(),
        }
    }

    /// Block `index`, or `None` past the end. Walks the blocks before it.
    pub fn block(&self, index: u32) -> Option<Block<'_>> {
        self.blocks().nth(usize::try_from(index).ok()?)
    }

    /// Bytes taken by each part of the blob.
    pub fn part_sizes(&self) -> PartSizes {
        self.sizes
    }
}

/// Iterator over the page indexes of a [`Book`], checked when it was opened.
#[derive(Copy, Clone, Debug)]
pub struct PageIndexes<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for PageIndexes<'a> {
    type Item = PageIndex<'a>;

    fn next(&mut self) -> Option<PageIndex<'a>> {
        let (raw, rest) = take::<PageIndexRecord<'a>>(self.rest, Part::PageIndex).ok()?;
        self.rest = rest;
        Some(PageIndex::trusted(raw))
    }
}

/// Iterator over the blocks of a [`Book`].
///
/// The book checked every block when it was opened, so iteration cannot fail.
#[derive(Copy, Clone, Debug)]
pub struct Blocks<'b> {
    rest: &'b [u8],
    #[cfg(feature = "coded")]
    model: Option<&'b Model<'b>>,
}

impl<'b> Blocks<'b> {
    fn next_block(&mut self) -> Result<Option<Block<'b>>, Error> {
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
        kind: BlockKind::from_byte(kind)?,
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
                rest = varint(rest)?.1;
            }
            let (text_len, rest) = varint(rest)?;
            let (hyphens_len, rest) = varint(rest.get(text_len..)?)?;
            self.rest = rest.get(hyphens_len..)?;
        }
        self.next()
    }
}

/// Bytes a postcard varint of `n` takes.
fn varint_len(n: usize) -> usize {
    let bits = usize::BITS - (n | 1).leading_zeros();
    bits.div_ceil(7) as usize
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

/// Without the `coded` feature (`cargo test -p inkleaf --no-default-features`): coded blobs
/// are turned down with their own error, plain-text blobs open and read as before.
#[cfg(all(test, not(feature = "coded")))]
mod plain_only {
    use super::*;

    const CODED: &[u8] = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    const PLAIN: &[u8] =
        include_bytes!("../../../tests/fixtures/device/article-2.9in-plain-text.inkleaf");

    #[test]
    fn coded_blobs_are_turned_down() {
        assert_eq!(
            Book::from_bytes(CODED).err(),
            Some(Error::CodedTextUnsupported)
        );
    }

    #[test]
    fn plain_text_blobs_open_and_read() {
        let book = Book::from_bytes(PLAIN).expect("a plain-text blob opens");
        let first = book.blocks().next().expect("the article has blocks");
        assert!(first.text.as_plain().is_some_and(|t| !t.is_empty()));
    }
}

/// With `coded` but without `english` (`cargo test -p inkleaf --no-default-features --features
/// coded`): blobs coded with the built-in model are turned down by name.
#[cfg(all(test, feature = "coded", not(feature = "english")))]
mod without_the_built_in_model {
    use super::*;

    const BUILT_IN: &[u8] = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");

    #[test]
    fn blobs_coded_with_it_are_turned_down() {
        assert_eq!(
            Book::from_bytes(BUILT_IN).err(),
            Some(Error::BuiltinModelMissing)
        );
    }
}
