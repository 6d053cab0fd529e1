//! Zero-copy reading of a blob: a [`Book`] opened in place, checked once.

#[cfg(feature = "coded")]
use crate::codec::Model;
use crate::error::{Error, Part};
use crate::font::{AnyFont, Font, PackedFont};
use crate::format::{
    take, BuiltFor, Header, Meta, PageIndex, PageIndexRecord, PageIndexes, PartSizes, HEADER_LEN,
};
use crate::text::{Block, Blocks};
use crate::Profile;

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
            hyphens += points + crate::format::varint_len(points);
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

/// Without the `coded` feature (`cargo test -p inkleaf --no-default-features`): coded blobs
/// are turned down with their own error, plain-text blobs open and read as before.
#[cfg(all(test, not(feature = "coded")))]
mod plain_only {
    use super::*;

    const CODED: &[u8] = include_bytes!("../../tests/fixtures/device/article-2.9in.inkleaf");
    const PLAIN: &[u8] =
        include_bytes!("../../tests/fixtures/device/article-2.9in-plain-text.inkleaf");

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

    const BUILT_IN: &[u8] = include_bytes!("../../tests/fixtures/device/article-2.9in.inkleaf");

    #[test]
    fn blobs_coded_with_it_are_turned_down() {
        assert_eq!(
            Book::from_bytes(BUILT_IN).err(),
            Some(Error::BuiltinModelMissing)
        );
    }
}
