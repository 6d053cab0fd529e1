//! Building a blob into a caller's buffer, without an allocator.

use serde::Serialize;

#[cfg(feature = "coded")]
use crate::codec::{Model, Stream};
use crate::error::{Error, Part};
use crate::font::Face;
use crate::format::{ChapterRecord, Header, Meta, RawBlock, RawCodedBlock, HEADER_LEN};
#[cfg(feature = "coded")]
use crate::text::Text;
use crate::text::{Block, BlockKind, Hyphens, Nesting, Runs};

/// Everything a blob holds, ready to be written.
///
/// [`Contents::plain`] covers the common case; set the other fields with struct update
/// syntax. Real blobs, with coded text, a page index and a font, come from `inkleaf build`
/// (`inkleaf_cli`).
///
/// ```
/// use inkleaf::build::{pack_into, Contents, FaceSection};
/// use inkleaf::{font::Face, format::Meta, text::{Block, BlockKind}, Book};
///
/// # let section = [
/// #     b'I', b'N', b'K', b'F', 1, 1, 8, 0, 8, 0, 6, 0, 1, 0, 0, 0, 2, 0, 0, 0,
/// #     b'i', 0, 0, 0, 0, 0, 3, 1, 4, 1, 2, 0x80, 0x80,
/// # ];
/// let blocks = [Block::new(BlockKind::Paragraph, "iii")];
/// // Plain text set in the blob's own font section.
/// let plain = Contents::plain(Meta::default(), &blocks);
/// let fonts = [FaceSection { face: Face::Regular, section: &section }];
/// let contents = Contents { fonts: &fonts, ..plain };
/// let mut buffer = [0u8; 128];
/// let len = pack_into(&contents, &mut buffer)?;
/// assert!(Book::from_bytes(&buffer[..len])?.font()?.is_some());
/// # Ok::<(), inkleaf::Error>(())
/// ```
#[derive(Copy, Clone, Debug)]
pub struct Contents<'c> {
    /// Title, byline, source, date and language.
    pub meta: Meta<'c>,
    /// The table of contents, in reading order: first blocks never decreasing, each inside
    /// the book, levels 1 to [`MAX_CHAPTER_LEVEL`](crate::format::MAX_CHAPTER_LEVEL); may be
    /// empty.
    pub chapters: &'c [ChapterRecord<'c>],
    /// Page index records, one after another ([`PageIndexRecord`](crate::format::PageIndexRecord)); may be empty.
    pub page_indexes: &'c [u8],
    /// Packed font sections (see `docs/FONT_FORMAT.md`), one per face, in [`Face`] order and
    /// starting with the regular face; empty when the text is set in a built-in font. Several
    /// text sizes are several families one after another, each opening with its regular face.
    pub fonts: &'c [FaceSection<'c>],
    /// The blocks, plain or coded.
    pub text: StoredText<'c>,
}

impl<'c> Contents<'c> {
    /// Plain text blocks with metadata, no chapters, no page index and no font.
    pub fn plain(meta: Meta<'c>, blocks: &'c [Block<'c>]) -> Self {
        Contents {
            meta,
            chapters: &[],
            page_indexes: &[],
            fonts: &[],
            text: StoredText::Plain(blocks),
        }
    }
}

/// The font section of one face.
#[derive(Copy, Clone, Debug)]
pub struct FaceSection<'c> {
    /// Which face it sets.
    pub face: Face,
    /// The packed section (`docs/FONT_FORMAT.md`).
    pub section: &'c [u8],
}

/// How the blocks' text is stored.
#[derive(Copy, Clone, Debug)]
pub enum StoredText<'c> {
    /// As UTF-8; every block's text must be plain.
    Plain(&'c [Block<'c>]),
    /// Coded with a text model (`docs/CODEC.md`).
    Coded {
        /// The model's bytes.
        model: &'c [u8],
        /// The blocks' bitstreams.
        blocks: &'c [CodedBlock<'c>],
    },
}

/// One block of coded text, as the codec wrote it.
#[derive(Copy, Clone, Debug)]
pub struct CodedBlock<'c> {
    /// Paragraph, heading, list item, code, ...
    pub kind: BlockKind,
    /// The quotes and lists it sits in.
    pub nesting: Nesting,
    /// A code block's language tag, else empty.
    pub label: &'c str,
    /// The block's text length in bytes.
    pub text_len: u32,
    /// The block's bitstream.
    pub bits: &'c [u8],
    /// Where words may be broken with a hyphen.
    pub hyphens: Hyphens<'c>,
    /// Inline style runs.
    pub runs: Runs<'c>,
}

/// Bytes the blob for `contents` takes, header included.
///
/// ```
/// use inkleaf::build::{pack_into, packed_len, Contents};
/// use inkleaf::{format::Meta, text::{Block, BlockKind}};
///
/// let blocks = [
///     Block::new(BlockKind::Heading(1), "Title"),
///     Block::new(BlockKind::Paragraph, "Text."),
/// ];
/// let contents = Contents::plain(Meta::default(), &blocks);
/// let mut blob = vec![0u8; packed_len(&contents)?]; // on a host; a device sizes a buffer once
/// assert_eq!(pack_into(&contents, &mut blob)?, blob.len());
/// # Ok::<(), inkleaf::Error>(())
/// ```
pub fn packed_len(contents: &Contents<'_>) -> Result<usize, Error> {
    let blocks_len = blocks_len(contents)?;
    let model = match contents.text {
        StoredText::Plain(_) => None,
        StoredText::Coded { model, .. } => Some(model),
    };
    let chapters_len = chapters_len(contents.chapters)?;
    let parts = [
        size(&contents.meta)?,
        size(&chapters_len)? + chapters_len as usize,
        size(contents.page_indexes)?,
        fonts_len(contents.fonts).and_then(|len| Ok(size(&len)? + len as usize))?,
        size(&model)?,
        size(&blocks_len)?,
        blocks_len,
    ];
    parts
        .iter()
        .try_fold(HEADER_LEN, |sum, &part| sum.checked_add(part))
        .ok_or(Error::TooLarge)
}

/// Packs a blob into `out` and returns how many bytes it wrote.
///
/// Checks the chapters, the font section, the model and that every coded block decodes to
/// its length.
/// Fails with [`Error::BufferTooSmall`] before writing anything useful if `out` is short.
///
/// ```
/// use inkleaf::build::{pack_into, packed_len, Contents};
/// use inkleaf::text::{Block, BlockKind, Text};
/// use inkleaf::{format::Meta, Book, Error};
///
/// let blocks = [Block::new(BlockKind::Paragraph, "Hello, paper.")];
/// let contents = Contents::plain(Meta::default(), &blocks);
/// let mut buffer = [0u8; 64];
/// let len = pack_into(&contents, &mut buffer)?;
/// let book = Book::from_bytes(&buffer[..len])?;
/// assert_eq!(book.block(0).map(|block| block.text), Some(Text::plain("Hello, paper.")));
/// let needed = packed_len(&contents)? as u32;
/// assert_eq!(pack_into(&contents, &mut [0u8; 16]), Err(Error::BufferTooSmall { needed }));
/// # Ok::<(), inkleaf::Error>(())
/// ```
pub fn pack_into(contents: &Contents<'_>, out: &mut [u8]) -> Result<usize, Error> {
    check_chapters(contents)?;
    check_fonts(contents.fonts)?;
    let needed = packed_len(contents)?;
    let too_small = Error::BufferTooSmall {
        needed: u32::try_from(needed).map_err(|_| Error::TooLarge)?,
    };
    let out = out.get_mut(..needed).ok_or(too_small)?;
    let (head, payload) = out.split_first_chunk_mut::<HEADER_LEN>().ok_or(too_small)?;
    let mut rest = &mut payload[..];
    rest = put(&contents.meta, rest)?;
    rest = put(&chapters_len(contents.chapters)?, rest)?;
    for chapter in contents.chapters {
        rest = put(chapter, rest)?;
    }
    rest = put(contents.page_indexes, rest)?;
    rest = put(&fonts_len(contents.fonts)?, rest)?;
    for face in contents.fonts {
        rest = put(&(face.face as u8), rest)?;
        rest = put(face.section, rest)?;
    }
    match contents.text {
        StoredText::Plain(blocks) => {
            rest = put(&None::<&[u8]>, rest)?;
            rest = put(&blocks_len(contents)?, rest)?;
            for block in blocks {
                rest = put(&raw(block)?, rest)?;
            }
        }
        StoredText::Coded { model, blocks } => {
            rest = put(&Some(model), rest)?;
            rest = put(&blocks_len(contents)?, rest)?;
            for block in blocks {
                rest = put(&raw_coded(block)?, rest)?;
            }
        }
    }
    debug_assert!(rest.is_empty(), "packed_len and pack_into disagree");
    Header::write(payload, head)?;
    Ok(needed)
}

/// Checks the chapters as a reader will ([`Error::BadChapter`]).
fn check_chapters(contents: &Contents<'_>) -> Result<(), Error> {
    let blocks = match contents.text {
        StoredText::Plain(blocks) => blocks.len(),
        StoredText::Coded { blocks, .. } => blocks.len(),
    };
    let blocks = u32::try_from(blocks).map_err(|_| Error::TooLarge)?;
    let mut after = 0;
    for (index, chapter) in (0u32..).zip(contents.chapters) {
        chapter
            .check(after, blocks)
            .map_err(|fault| Error::BadChapter {
                chapter: index,
                fault,
            })?;
        after = chapter.block;
    }
    Ok(())
}

/// Bytes of the chapter part's records.
fn chapters_len(chapters: &[ChapterRecord<'_>]) -> Result<u32, Error> {
    let total = chapters.iter().try_fold(0usize, |sum, chapter| {
        sum.checked_add(size(chapter)?).ok_or(Error::TooLarge)
    })?;
    u32::try_from(total).map_err(|_| Error::TooLarge)
}

/// Checks the faces are in order within each family, each family starts with the regular
/// one, and each reads as a font.
fn check_fonts(fonts: &[FaceSection<'_>]) -> Result<(), Error> {
    let in_order = fonts
        .windows(2)
        .all(|w| w[0].face < w[1].face || w[1].face == Face::Regular);
    let regular_first = fonts.first().is_none_or(|f| f.face == Face::Regular);
    if !in_order || !regular_first {
        return Err(Error::Malformed(Part::Font));
    }
    for face in fonts {
        crate::font::PackedFont::from_bytes(face.section)?;
    }
    Ok(())
}

/// Bytes of the font part's entries: a face byte and a length-prefixed section each.
fn fonts_len(fonts: &[FaceSection<'_>]) -> Result<u32, Error> {
    let total = fonts.iter().try_fold(0usize, |sum, face| {
        sum.checked_add(1 + size(face.section)?)
            .ok_or(Error::TooLarge)
    })?;
    u32::try_from(total).map_err(|_| Error::TooLarge)
}

fn raw<'a>(block: &Block<'a>) -> Result<RawBlock<'a>, Error> {
    Ok(RawBlock {
        kind: block.kind.checked()?,
        nesting: (block.nesting.depth(), block.nesting.quote_bits()),
        label: block.label,
        text: block
            .text
            .as_plain()
            .ok_or(Error::Malformed(Part::Blocks))?,
        hyphens: block.hyphens.encoded(),
        runs: block.runs.encoded(),
    })
}

fn raw_coded<'a>(block: &CodedBlock<'a>) -> Result<RawCodedBlock<'a>, Error> {
    Ok(RawCodedBlock {
        kind: block.kind.checked()?,
        nesting: (block.nesting.depth(), block.nesting.quote_bits()),
        label: block.label,
        text_len: block.text_len,
        bits: block.bits,
        hyphens: block.hyphens.encoded(),
        runs: block.runs.encoded(),
    })
}

/// Bytes of the block list, each block checked on the way.
fn blocks_len(contents: &Contents<'_>) -> Result<usize, Error> {
    match contents.text {
        StoredText::Plain(blocks) => blocks.iter().try_fold(0usize, |sum, block| {
            let mut text = block.text;
            if u32::try_from(text.len()).is_err() {
                return Err(Error::TooLarge);
            }
            block.hyphens.check(&mut text)?;
            block.runs.check(&mut text)?;
            sum.checked_add(size(&raw(block)?)?).ok_or(Error::TooLarge)
        }),
        #[cfg(not(feature = "coded"))]
        StoredText::Coded { .. } => Err(Error::CodedTextUnsupported),
        #[cfg(feature = "coded")]
        StoredText::Coded { model, blocks } => {
            let model = Model::from_bytes(model)?;
            blocks.iter().try_fold(0usize, |sum, block| {
                let stream = Stream {
                    bits: block.bits,
                    text_len: block.text_len,
                };
                let mut text = Text::coded(&model, stream);
                text.check()?;
                block.hyphens.check(&mut text)?;
                block.runs.check(&mut text)?;
                sum.checked_add(size(&raw_coded(block)?)?)
                    .ok_or(Error::TooLarge)
            })
        }
    }
}

fn size<T: Serialize + ?Sized>(value: &T) -> Result<usize, Error> {
    postcard::serialize_with_flavor(value, postcard::ser_flavors::Size::default())
        .map_err(|_| Error::TooLarge)
}

fn put<'o, T: Serialize + ?Sized>(value: &T, out: &'o mut [u8]) -> Result<&'o mut [u8], Error> {
    let written = postcard::to_slice(value, out)
        .map_err(|_| Error::TooLarge)?
        .len();
    out.get_mut(written..).ok_or(Error::TooLarge)
}
