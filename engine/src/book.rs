//! Zero-copy reading of a blob: a [`Book`] opened in place, its framing checked once.

#[cfg(feature = "coded")]
use crate::codec::Model;
use crate::error::{Error, Part};
use crate::font::{AnyFamily, Face, Family, PackedFamily, PackedFont};
use crate::format::{
    take, BuiltFor, ChapterRecord, Header, Meta, PageIndex, PageIndexRecord, PageIndexes,
    PartSizes, HEADER_LEN,
};
use crate::text::{Block, Blocks, Chapter, Chapters};
use crate::{Position, Profile};

/// An opened blob. Reading it never allocates and never copies text.
#[derive(Copy, Clone, Debug)]
pub struct Book<'a> {
    header: Header,
    sizes: PartSizes,
    meta: Meta<'a>,
    /// The chapter records, checked.
    chapters: &'a [u8],
    chapter_count: u32,
    indexes: &'a [u8],
    index_count: u32,
    /// The font part's entries: a face byte and a length-prefixed section each.
    fonts: &'a [u8],
    #[cfg(feature = "coded")]
    model: Option<Model<'a>>,
    blocks: &'a [u8],
    block_count: u32,
}

impl<'a> Book<'a> {
    /// Opens a blob: checks magic, version, length and CRC-32, the text model, every block's
    /// framing (its kind, nesting and lengths; its hyphenation points and style runs in order
    /// and inside its text), every chapter record and every page index.
    ///
    /// Coded text is not decoded here, so opening costs a walk over the blocks' framing, not
    /// over their text: it is checked as it is read. A block that does not decode reads as
    /// ending where its bits fail ([`Text::char_at`](crate::text::Text::char_at) gives
    /// `None` from there on), and [`Block::check`] or [`Book::check_text`] name the fault.
    /// The built-in English model is checked by the engine's tests, not at every open; a
    /// model the blob carries is checked in full.
    ///
    /// Any input gives either a book or an [`Error`]; none panics.
    ///
    /// ```
    /// use inkleaf::{Book, Error};
    ///
    /// let blob = include_bytes!("../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = Book::from_bytes(blob)?;
    /// assert_eq!(book.block_count(), 16);
    /// // A download cut short, or a file that is not a blob at all:
    /// let cut = Book::from_bytes(&blob[..100]).unwrap_err();
    /// assert_eq!(cut, Error::Truncated { needed: 3566, available: 100 });
    /// let png = Book::from_bytes(b"\x89PNG\r\n\x1a\n and more bytes").unwrap_err();
    /// assert_eq!(png, Error::BadMagic(*b"\x89PNG"));
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn from_bytes(blob: &'a [u8]) -> Result<Self, Error> {
        let mut slot = None;
        Self::open_in(blob, &mut slot)?;
        slot.ok_or(Error::CorruptModel)
    }

    /// [`Book::from_bytes`] into `slot`, opening the book where it will stay: a book with a
    /// text model is about 580 bytes on a 32-bit target, and a device's stack has room for
    /// neither a second one while it is checked nor the copy that returning it makes. A
    /// firmware keeps `slot` in a `static` or in `main`'s frame. `slot` is `None` after an
    /// error.
    ///
    /// ```
    /// use inkleaf::Book;
    ///
    /// # let blob: &'static [u8] = include_bytes!("../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let mut slot = None;
    /// let book = Book::open_in(blob, &mut slot)?;
    /// assert_eq!(book.block_count(), 16);
    /// assert!(Book::open_in(&blob[..100], &mut slot).is_err());
    /// assert!(slot.is_none());
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    // Never inlined: opening needs room for the checks, and a caller that keeps the book
    // for its page turns should not keep that room too (device stack is short).
    #[inline(never)]
    pub fn open_in<'s>(
        blob: &'a [u8],
        slot: &'s mut Option<Book<'a>>,
    ) -> Result<&'s mut Book<'a>, Error> {
        let opened = Self::open_framing(blob, slot).and_then(|()| {
            let book = slot.as_mut().ok_or(Error::CorruptModel)?;
            book.check_contents()
        });
        match opened {
            Ok(()) => slot.as_mut().ok_or(Error::CorruptModel),
            Err(e) => {
                *slot = None;
                Err(e)
            }
        }
    }

    /// Checks the header and the payload's framing, and puts the book into `slot` with its
    /// parts found and its text model opened; nothing counted yet.
    fn open_framing(blob: &'a [u8], slot: &mut Option<Book<'a>>) -> Result<(), Error> {
        let (header, payload) = Header::split(blob)?;
        let (meta, after_meta) = take::<Meta<'a>>(payload, Part::Metadata)?;
        let (chapters, after_chapters) = take::<&'a [u8]>(after_meta, Part::Chapters)?;
        let (indexes, after_indexes) = take::<&'a [u8]>(after_chapters, Part::PageIndex)?;
        // Font sections are checked when they are asked for, so firmware that draws in a
        // built-in font links none of the packed-font code; their framing is checked here.
        let (fonts, after_font) = take::<&'a [u8]>(after_indexes, Part::Font)?;
        check_faces(fonts)?;
        let (model, after_model) = take::<Option<&'a [u8]>>(after_font, Part::Model)?;
        let (blocks, rest) = take::<&'a [u8]>(after_model, Part::Blocks)?;
        if !rest.is_empty() {
            return Err(Error::TrailingPayload(Part::Blocks));
        }
        // Built in the slot, its model `None`, then the model opened into it: no copy.
        let book = slot.insert(Book {
            header,
            sizes: PartSizes {
                header: HEADER_LEN,
                metadata: payload.len() - after_meta.len(),
                chapters: after_meta.len() - after_chapters.len(),
                page_index: after_chapters.len() - after_indexes.len(),
                line_breaks: 0,
                font: after_indexes.len() - after_font.len(),
                model: after_font.len() - after_model.len(),
                text: after_model.len() - rest.len(),
                hyphens: 0,
                runs: 0,
            },
            meta,
            chapters,
            chapter_count: 0,
            indexes,
            index_count: 0,
            fonts,
            #[cfg(feature = "coded")]
            model: None,
            blocks,
            block_count: 0,
        });
        #[cfg(feature = "coded")]
        if let Some(bytes) = model {
            Model::open_in(bytes, &mut book.model)?;
        }
        #[cfg(not(feature = "coded"))]
        if model.is_some() {
            let _ = book;
            return Err(Error::CodedTextUnsupported);
        }
        Ok(())
    }

    /// Checks the blocks, chapter records and page indexes of a book whose framing
    /// [`Book::open_framing`] checked, and counts them.
    fn check_contents(&mut self) -> Result<(), Error> {
        let (count, hyphens, runs) = self.check_blocks()?;
        self.block_count = count;
        self.sizes.hyphens = hyphens;
        self.sizes.runs = runs;
        self.sizes.text -= hyphens + runs;
        self.chapter_count = ChapterRecord::check_part(self.chapters, count)?;
        (self.index_count, self.sizes.line_breaks) = self.check_indexes()?;
        self.sizes.page_index -= self.sizes.line_breaks;
        Ok(())
    }

    /// Checks every block's framing once, so that walking the blocks again cannot stop
    /// short: returns the block count and the bytes their hyphenation points and their style
    /// runs take. Decodes no text: coded text is checked as it is read.
    fn check_blocks(&self) -> Result<(u32, usize, usize), Error> {
        let (mut count, mut hyphens, mut runs) = (0u32, 0usize, 0usize);
        let mut walk = self.blocks();
        while let Some(block) = walk.next_block()? {
            // Text past u32::MAX bytes could not be addressed by a `Position`.
            u32::try_from(block.text.len()).map_err(|_| Error::TooLarge)?;
            if block.text.as_plain().is_some() {
                // Plain text is read in place, no decoding: its boundaries cost nothing.
                block.check()?;
            } else {
                block.hyphens.check_order(block.text.len())?;
                block.runs.check_order(block.text.len())?;
            }
            let (points, styled) = (block.hyphens.encoded().len(), block.runs.encoded().len());
            hyphens += points + crate::format::varint_len(points);
            runs += styled + crate::format::varint_len(styled);
            count = count.checked_add(1).ok_or(Error::TooLarge)?;
        }
        Ok((count, hyphens, runs))
    }

    /// Checks every page index: returns their count and the bytes their line breaks take.
    fn check_indexes(&self) -> Result<(u32, usize), Error> {
        let mut rest = self.indexes;
        let (mut count, mut line_breaks) = (0u32, 0usize);
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
            line_breaks += raw.lines.map_or(0, |lines| {
                let varint = crate::format::varint_len;
                let bytes = |b: &[u8]| varint(b.len()) + b.len();
                // Its fields after the `Some` byte: base, rice, most, count rice, anchor bits,
                // anchors, code bits and codes.
                varint(usize::from(lines.base))
                    + 1
                    + varint(usize::from(lines.most))
                    + 2
                    + bytes(lines.anchors)
                    + varint(lines.code_bits as usize)
                    + bytes(lines.codes)
            });
        }
        Ok((count, line_breaks))
    }

    /// Reads every block's text once ([`Block::check`]): what opening leaves to reading.
    /// A host that built the blob, or a reader with time to spare, learns here of a block
    /// that would read short.
    ///
    /// ```
    /// # let blob = include_bytes!("../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// book.check_text()?;
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn check_text(&self) -> Result<(), Error> {
        let mut walk = self.blocks();
        while let Some(block) = walk.next_block()? {
            block.check()?;
        }
        Ok(())
    }

    /// The fixed header.
    ///
    /// ```
    /// use inkleaf::format::{FORMAT_VERSION, HEADER_LEN};
    ///
    /// # let blob = include_bytes!("../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let header = inkleaf::Book::from_bytes(blob)?.header();
    /// assert_eq!(header.version, FORMAT_VERSION);
    /// assert_eq!(HEADER_LEN + header.payload_len as usize, blob.len());
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn header(&self) -> Header {
        self.header
    }

    /// Title, byline, source, date and language: what a reader shows in its list of books.
    ///
    /// ```
    /// # let blob = include_bytes!("../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let meta = book.meta();
    /// assert_eq!((meta.title, meta.source, meta.language), ("Article", "article.txt", "en"));
    /// assert!(meta.byline.is_empty()); // unknown
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn meta(&self) -> &Meta<'a> {
        &self.meta
    }

    /// The profile and font the blob was built for first, with its page count, if the builder
    /// baked a page index.
    ///
    /// A blob without one can still be read; it is laid out for a profile the reader picks.
    ///
    /// ```
    /// use inkleaf::{build::{pack_into, Contents}, format::Meta, text::{Block, BlockKind}};
    /// use inkleaf::{font::FontId, Book, Error};
    ///
    /// # let blob = include_bytes!("../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let built = Book::from_bytes(blob)?.built_for().expect("the builder baked an index");
    /// assert_eq!((built.profile.width, built.profile.height), (296, 128));
    /// assert_eq!((built.font, built.pages), (FontId::Mono6x10, 15));
    ///
    /// # let blocks = [Block::new(BlockKind::Paragraph, "No page index.")];
    /// # let mut buffer = [0u8; 64];
    /// # let len = pack_into(&Contents::plain(Meta::default(), &blocks), &mut buffer)?;
    /// let bare = Book::from_bytes(&buffer[..len])?; // packed with no page index
    /// assert_eq!(bare.built_for(), None);
    /// assert_eq!(bare.layout().unwrap_err(), Error::ProfileMissing);
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn built_for(&self) -> Option<BuiltFor> {
        self.page_indexes().next().map(|index| index.built_for())
    }

    /// The page indexes the builder baked, one per display profile.
    ///
    /// ```
    /// # let blob = include_bytes!("../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// for index in book.page_indexes() {
    ///     let profile = index.built_for().profile;
    ///     assert_eq!((profile.width, profile.height, index.pages()), (296, 128, 15));
    /// }
    /// assert_eq!(book.page_indexes().count(), 1);
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn page_indexes(&self) -> PageIndexes<'a> {
        PageIndexes { rest: self.indexes }
    }

    /// The baked index for `profile` laid out in `fonts`, if there is one.
    ///
    /// Families are told apart by their [`FontCheck`](crate::format::FontCheck) (line heights
    /// and a few advances of every face), so an index baked in one font is never trusted for
    /// another.
    ///
    /// ```
    /// use inkleaf::font::{MONO_6X10, MONO_8X13};
    /// use inkleaf::format::FontCheck;
    ///
    /// # let blob = include_bytes!("../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let profile = book.built_for().unwrap().profile;
    /// let index = book.page_index(&profile, &MONO_6X10).expect("baked for 6x10");
    /// assert_eq!(index.font_check(), FontCheck::of(&MONO_6X10));
    /// assert!(book.page_index(&profile, &MONO_8X13).is_none()); // laid out on the device
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn page_index<F: Family>(&self, profile: &Profile, fonts: &F) -> Option<PageIndex<'a>> {
        self.page_indexes().find(|index| index.fits(profile, fonts))
    }

    /// The faces the blob packs for its first text size, in [`Face`] order, each with its font
    /// section unchecked ([`Book::family_at`] reads the other sizes').
    pub fn face_sections(&self) -> FaceSections<'a> {
        FaceSections::over(self.families().next().unwrap_or_default())
    }

    /// The font part's families, one per text size, each the bytes of its face entries.
    pub(crate) fn families(&self) -> Families<'a> {
        Families { rest: self.fonts }
    }

    /// The regular face the blob's text is set in, if it carries fonts (else `built_for().font`
    /// names a built-in font), checked on the way: a bad section is [`Error::BadFont`].
    ///
    /// ```
    /// use inkleaf::build::{pack_into, Contents, FaceSection};
    /// use inkleaf::{font::{Face, Font}, format::Meta, text::{Block, BlockKind}, Book};
    ///
    /// # let section = [
    /// #     b'I', b'N', b'K', b'F', 1, 1, 8, 0, 8, 0, 6, 0, 1, 0, 0, 0, 2, 0, 0, 0,
    /// #     b'i', 0, 0, 0, 0, 0, 3, 1, 4, 1, 2, 0x80, 0x80,
    /// # ];
    /// # let blocks = [Block::new(BlockKind::Paragraph, "iii")];
    /// # let mut buffer = [0u8; 128];
    /// // A blob packed with a regular face of one glyph, `i`.
    /// let plain = Contents::plain(Meta::default(), &blocks);
    /// let fonts = [FaceSection { face: Face::Regular, section: &section }];
    /// let contents = Contents { fonts: &fonts, ..plain };
    /// let len = pack_into(&contents, &mut buffer)?;
    /// let font = Book::from_bytes(&buffer[..len])?.font()?.expect("it carries a font");
    /// assert_eq!((font.line_height(), font.advance('i')), (8, 3));
    /// # let blob = include_bytes!("../../tests/fixtures/device/article-2.9in.inkleaf");
    /// assert!(Book::from_bytes(blob)?.font()?.is_none()); // set in the built-in 6x10
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn font(&self) -> Result<Option<PackedFont<'a>>, Error> {
        self.face_sections()
            .find(|(face, _)| *face == Face::Regular)
            .map(|(_, section)| PackedFont::from_bytes(section))
            .transpose()
    }

    /// Every face the blob packs for its first text size, each section checked: `None` when
    /// it packs none ([`Book::family_at`] reads the others).
    pub fn family(&self) -> Result<Option<PackedFamily<'a>>, Error> {
        self.families().next().map(read_family).transpose()
    }

    /// [`Book::family`], read into `slot` and lent from there: a family is a few hundred
    /// bytes, which a device keeps in a `static` rather than copy through its stack.
    ///
    /// ```
    /// # let blob = include_bytes!("../../tests/fixtures/device/article-2.9in-dejavu.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let mut slot = None;
    /// let family = book.family_in(&mut slot)?.expect("the blob packs its faces");
    /// assert!(family.packed(inkleaf::font::Face::Regular).is_some());
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn family_in<'s>(
        &self,
        slot: &'s mut Option<PackedFamily<'a>>,
    ) -> Result<Option<&'s PackedFamily<'a>>, Error> {
        *slot = None;
        let Some(entries) = self.families().next() else {
            return Ok(None);
        };
        let family = slot.insert(PackedFamily::EMPTY);
        if let Err(e) = read_faces(entries, family) {
            *slot = None;
            return Err(e);
        }
        Ok(slot.as_ref())
    }

    /// The fonts to lay the text out in: the blob's own faces, else the built-in font it was
    /// built for, else the 6x10 mono font.
    ///
    /// ```
    /// use inkleaf::font::AnyFamily;
    ///
    /// # let blob = include_bytes!("../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// // The blob carries no font and was built for the built-in 6x10.
    /// let fonts = book.layout_font()?;
    /// assert!(matches!(fonts, AnyFamily::Mono(mono) if mono.name == "6x10"));
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn layout_font(&self) -> Result<AnyFamily<'a>, Error> {
        Ok(match (self.family()?, self.built_for()) {
            (Some(packed), _) => AnyFamily::Packed(packed),
            (None, Some(built)) => AnyFamily::Mono(built.font.font()),
            (None, None) => AnyFamily::Mono(&crate::font::MONO_6X10),
        })
    }

    /// The text model, if the blob's text is coded.
    ///
    /// ```
    /// use inkleaf::Book;
    ///
    /// # let blob = include_bytes!("../../tests/fixtures/device/article-2.9in.inkleaf");
    /// # let plain = include_bytes!("../../tests/fixtures/device/article-2.9in-plain-text.inkleaf");
    /// assert!(Book::from_bytes(blob)?.model().is_some()); // `inkleaf build`'s default
    /// assert!(Book::from_bytes(plain)?.model().is_none()); // `inkleaf build --text plain`
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
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
    ///
    /// ```
    /// use inkleaf::text::BlockKind;
    ///
    /// # let blob = include_bytes!("../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let first = book.blocks().next().unwrap();
    /// assert_eq!(first.kind, BlockKind::Paragraph);
    /// assert!(first.text.chars().take(16).eq("In the turbulent".chars()));
    /// assert_eq!(book.blocks().count() as u32, book.block_count());
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn blocks(&self) -> Blocks<'_> {
        Blocks {
            rest: self.blocks,
            #[cfg(feature = "coded")]
            model: self.model.as_ref(),
        }
    }

    /// Block `index`, or `None` past the end. Walks the blocks before it.
    ///
    /// ```
    /// # let blob = include_bytes!("../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// assert_eq!(book.block(3), book.blocks().nth(3));
    /// assert_eq!(book.block(3).map(|block| block.text.len()), Some(356)); // bytes of UTF-8
    /// assert_eq!(book.block(book.block_count()), None);
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn block(&self, index: u32) -> Option<Block<'_>> {
        self.blocks().nth(usize::try_from(index).ok()?)
    }

    /// Number of chapters in the table of contents; 0 for a text without chapters.
    ///
    /// ```
    /// # let blob = include_bytes!("../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let article = inkleaf::Book::from_bytes(blob)?;
    /// assert_eq!(article.chapter_count(), 0);
    /// assert_eq!(article.chapters().count(), 0);
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn chapter_count(&self) -> u32 {
        self.chapter_count
    }

    /// The table of contents: chapters and sections in reading order, each with its level.
    ///
    /// ```
    /// use inkleaf::build::{pack_into, Contents};
    /// use inkleaf::format::{ChapterRecord, Meta};
    /// use inkleaf::text::{Block, BlockKind};
    /// use inkleaf::Book;
    ///
    /// # let blocks = [
    /// #     Block::new(BlockKind::Heading(1), "Part one"),
    /// #     Block::new(BlockKind::Paragraph, "It begins."),
    /// #     Block::new(BlockKind::Heading(2), "A section"),
    /// #     Block::new(BlockKind::Paragraph, "It goes on."),
    /// # ];
    /// let toc = [
    ///     ChapterRecord { block: 0, level: 1, new_page: true, title: "Part one", language: "" },
    ///     ChapterRecord { block: 2, level: 2, new_page: false, title: "A section", language: "" },
    /// ];
    /// let contents = Contents { chapters: &toc, ..Contents::plain(Meta::default(), &blocks) };
    /// # let mut buffer = [0u8; 128];
    /// let len = pack_into(&contents, &mut buffer)?;
    /// let book = Book::from_bytes(&buffer[..len])?;
    /// for chapter in book.chapters() {
    ///     let indent = usize::from(chapter.level - 1) * 2;
    ///     println!("{:indent$}{}", "", chapter.title); // "Part one", "  A section"
    /// }
    /// assert_eq!(book.chapters().map(|c| c.level).collect::<Vec<_>>(), [1, 2]);
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn chapters(&self) -> Chapters<'a> {
        Chapters::new(self.chapters)
    }

    /// The checked chapter records, for page breaks.
    pub(crate) fn chapter_part(&self) -> &'a [u8] {
        self.chapters
    }

    /// Chapter `index`, or `None` past the last. Walks the chapters before it.
    pub fn chapter(&self, index: u32) -> Option<Chapter<'a>> {
        self.chapters().nth(usize::try_from(index).ok()?)
    }

    /// The chapter `position` is in: the last one starting at or before it, the innermost
    /// section when sections nest. `None` before the first chapter (in front matter), and
    /// in a book without chapters.
    ///
    /// ```
    /// use inkleaf::build::{pack_into, Contents};
    /// use inkleaf::format::{ChapterRecord, Meta};
    /// use inkleaf::text::{Block, BlockKind};
    /// use inkleaf::{Book, Position};
    ///
    /// let blocks = [
    ///     Block::new(BlockKind::Paragraph, "A dedication."),
    ///     Block::new(BlockKind::Heading(1), "One"),
    ///     Block::new(BlockKind::Paragraph, "It begins."),
    /// ];
    /// let toc = [ChapterRecord { block: 1, level: 1, title: "One", ..Default::default() }];
    /// let contents = Contents { chapters: &toc, ..Contents::plain(Meta::default(), &blocks) };
    /// # let mut buffer = [0u8; 128];
    /// let len = pack_into(&contents, &mut buffer)?;
    /// let book = Book::from_bytes(&buffer[..len])?;
    /// assert_eq!(book.chapter_of(Position::new(0, 5)), None); // front matter
    /// let one = book.chapter_of(Position::new(2, 3)).unwrap();
    /// assert_eq!((one.index, one.title), (0, "One"));
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn chapter_of(&self, position: Position) -> Option<Chapter<'a>> {
        // Chapter starts never decrease: stop at the first one past the position.
        self.chapters()
            .take_while(|chapter| chapter.start <= position)
            .last()
    }

    /// Bytes taken by each part of the blob.
    ///
    /// ```
    /// use inkleaf::Book;
    ///
    /// # let coded = include_bytes!("../../tests/fixtures/device/article-2.9in.inkleaf");
    /// # let plain = include_bytes!("../../tests/fixtures/device/article-2.9in-plain-text.inkleaf");
    /// // The same article, its text coded with the built-in English model and stored plain.
    /// let (coded, plain) = (Book::from_bytes(coded)?, Book::from_bytes(plain)?);
    /// assert!(coded.part_sizes().text * 2 < plain.part_sizes().text);
    /// assert_eq!(coded.part_sizes().hyphens, plain.part_sizes().hyphens);
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn part_sizes(&self) -> PartSizes {
        self.sizes
    }
}

/// Checks the font part's framing: families one after another, one per text size, each
/// its faces in order, known, the regular one first (a regular face opens the next family),
/// each with a section; the sections themselves are checked when they are used.
fn check_faces(fonts: &[u8]) -> Result<(), Error> {
    let bad = Error::Malformed(Part::Font);
    let mut rest = fonts;
    let mut last: Option<u8> = None;
    while let Some((&face, after)) = rest.split_first() {
        let known = Face::from_byte(face).is_some();
        let regular = face == Face::Regular as u8;
        let ordered = regular || last.is_some_and(|l| face > l);
        if !known || !ordered {
            return Err(bad);
        }
        let (_, after) = take::<&[u8]>(after, Part::Font)?;
        (rest, last) = (after, Some(face));
    }
    Ok(())
}

/// The faces of one family's entries, each section checked.
pub(crate) fn read_family(entries: &[u8]) -> Result<PackedFamily<'_>, Error> {
    let mut family = PackedFamily::EMPTY;
    read_faces(entries, &mut family)?;
    Ok(family)
}

/// Reads the faces of one family's entries into `family`, each section checked.
pub(crate) fn read_faces<'a>(
    entries: &'a [u8],
    family: &mut PackedFamily<'a>,
) -> Result<(), Error> {
    for (face, section) in FaceSections::over(entries) {
        if let Some(slot) = family.faces.get_mut(face as usize) {
            PackedFont::open_in(section, slot)?;
        }
    }
    Ok(())
}

/// Iterator over the families of a blob's font part, checked for framing when it was opened:
/// the bytes of each family's face entries, from its regular face to the next one.
#[derive(Copy, Clone, Debug)]
pub(crate) struct Families<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Families<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let mut faces = FaceSections::over(self.rest);
        faces.next()?;
        let mut ahead = faces;
        while ahead.next().is_some_and(|(face, _)| face != Face::Regular) {
            faces = ahead;
        }
        let (family, rest) = self
            .rest
            .split_at_checked(self.rest.len() - faces.rest.len())?;
        self.rest = rest;
        Some(family)
    }
}

/// Iterator over the faces a [`Book`] packs: each face with its font section, unchecked.
#[derive(Copy, Clone, Debug)]
pub struct FaceSections<'a> {
    rest: &'a [u8],
}

impl<'a> FaceSections<'a> {
    /// The faces of font part entries, checked for framing.
    pub(crate) fn over(entries: &'a [u8]) -> Self {
        FaceSections { rest: entries }
    }
}

impl<'a> Iterator for FaceSections<'a> {
    type Item = (Face, &'a [u8]);

    fn next(&mut self) -> Option<(Face, &'a [u8])> {
        let (&face, after) = self.rest.split_first()?;
        let (section, rest) = take::<&'a [u8]>(after, Part::Font).ok()?;
        self.rest = rest;
        Some((Face::from_byte(face)?, section))
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
