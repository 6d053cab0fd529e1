//! Pagination: from a book, a profile and a font to pages of lines.
//!
//! Nothing here allocates. Pages are found in one streaming pass, and any page can be opened
//! again from its start [`Position`] alone, so a device keeps a list of positions, not pages.

mod baked;
mod breaks;
mod candidates;
mod fonts;
mod geometry;
mod greedy;
mod knuth_plass;
mod line_text;
mod lines;
mod pages;
mod pen;
mod pieces;
#[cfg(feature = "breaking")]
mod recorded;
mod seeds;
mod status;

#[cfg(test)]
mod joins;
#[cfg(test)]
mod rich_fixtures;

pub(crate) use line_text::LineText;
pub(crate) use pieces::is_space;
#[cfg(feature = "breaking")]
pub(crate) use recorded::{digest, Recorded, DIGEST_START};

pub use crate::profile::{Align, Margins};
use crate::{Position, Profile};
pub use lines::{Line, LineEnd};
pub(crate) use pages::Filled;
pub use pages::{Page, Pages};
pub use status::Status;

use geometry::Geometry;
pub(crate) use lines::Lines;
use seeds::Seeds;

use crate::book::read_faces;
use crate::font::{AnyFamily, Face, Family, Font, PackedFamily};
use crate::format::{PageBreaks, PageIndex};
use crate::text::Style;
use crate::Book;
use crate::Error;

/// A book laid out for one profile and font.
///
/// It remembers where coded text can resume near the last two page ends it found, so that
/// turning to the next page and drawing it do not decode from their paragraph's start. That
/// memory sits in `Cell`s, so a layout is not `Sync`: share the book, not the layout.
#[derive(Debug)]
pub struct Layout<'a, F> {
    // Borrowed, not owned: a book carries its parsed text model, and a device's stack has
    // no room for copies of it.
    pub(crate) book: &'a Book<'a>,
    // Owned: a font is a few words (or a reference, which is a font too); a family a few
    // fonts.
    pub(crate) fonts: F,
    pub(crate) profile: Profile,
    /// Indents and measures, from the profile and the regular face.
    pub(crate) geometry: Geometry,
    /// The page starts the builder baked for this profile and font, if any.
    index: Option<PageIndex<'a>>,
    /// Where coded text can resume near the last page ends.
    pub(crate) seeds: Seeds,
}

/// The version of the rules that decide where lines and pages break. A page index records
/// the rules it was baked with, and a reader trusts only an index baked by its own: any
/// change to line breaking, spacing or page breaking bumps it.
///
/// 2: a chapter that opens a new page ([`Chapter::new_page`](crate::text::Chapter)) ends the
/// page before its first line.
pub const LAYOUT_RULES: u8 = 2;

impl<'a, F: Family> Layout<'a, F> {
    /// Lays `book` out for `profile` in `font`. When the blob carries a page index for this
    /// profile and font, pages are found through it; otherwise they are laid out as asked for.
    ///
    /// Fails with [`Error::ProfileTooSmall`] if the text area cannot hold one line of the
    /// widest character followed by a hyphen. Where the blob bakes no line breaks for this
    /// profile and font, it fails with [`Error::BreakingUnsupported`] when the engine is built
    /// without its `breaking` feature, and with [`Error::JustifyUnsupported`] for a justified
    /// profile when it is built without `justify`.
    ///
    /// ```
    /// use inkleaf::font::{MONO_6X10, MONO_8X13};
    /// use inkleaf::{Book, Error, Layout, Profile};
    ///
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = Book::from_bytes(blob)?;
    /// // The profile and font the blob was built for: its baked page index serves.
    /// let built = Layout::new(&book, Profile::new(296, 128), &MONO_6X10)?;
    /// assert_eq!(built.page_index().map(|index| index.pages()), Some(15));
    /// // A larger font on the same display: laid out here, more pages.
    /// let large = Layout::new(&book, Profile::new(296, 128), &MONO_8X13)?;
    /// assert!(large.page_index().is_none() && large.page_count() > 15);
    /// let tiny = Layout::new(&book, Profile::new(20, 20), &MONO_6X10).unwrap_err();
    /// assert_eq!(tiny, Error::ProfileTooSmall { text_width: 12, text_height: 12 });
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    // Never inlined: finding the index and measuring the fonts need room that a caller
    // keeping the layout for its page turns should not keep too.
    #[inline(never)]
    pub fn new(book: &'a Book<'a>, profile: Profile, fonts: F) -> Result<Self, Error> {
        let (index, geometry) = Self::checked(book, &profile, &fonts)?;
        Ok(Layout {
            index,
            book,
            fonts,
            profile,
            geometry,
            seeds: Seeds::default(),
        })
    }

    /// [`Layout::new`] into `slot`, laying the book out where the layout will stay: a layout
    /// holds its fonts, and a packed family of seven faces is a few hundred bytes, so a
    /// device's stack has room for neither the layout returned and then copied nor a second
    /// family. A firmware keeps `slot` in a `static`, as it does the book
    /// ([`Book::open_in`]). `slot` is `None` after an error.
    ///
    /// ```
    /// use inkleaf::{font::MONO_6X10, Book, Layout, Profile};
    ///
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = Book::from_bytes(blob)?;
    /// let mut slot = None;
    /// let layout = Layout::new_in(&book, Profile::new(296, 128), &MONO_6X10, &mut slot)?;
    /// assert_eq!(layout.page_count(), 15);
    /// assert!(Layout::new_in(&book, Profile::new(20, 20), &MONO_6X10, &mut slot).is_err());
    /// assert!(slot.is_none());
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    // Never inlined, as `new`.
    #[inline(never)]
    pub fn new_in<'s>(
        book: &'a Book<'a>,
        profile: Profile,
        fonts: F,
        slot: &'s mut Option<Self>,
    ) -> Result<&'s mut Self, Error> {
        *slot = None;
        let (index, geometry) = Self::checked(book, &profile, &fonts)?;
        Ok(slot.insert(Layout {
            index,
            book,
            fonts,
            profile,
            geometry,
            seeds: Seeds::default(),
        }))
    }

    /// What a layout of `book` for `profile` in `fonts` needs besides them: the page index
    /// baked for it, if any, and its geometry; with the checks [`Layout::new`] names.
    // Never inlined: its room is gone before the layout is put together.
    #[inline(never)]
    fn checked(
        book: &'a Book<'a>,
        profile: &Profile,
        fonts: &F,
    ) -> Result<(Option<PageIndex<'a>>, Geometry), Error> {
        // Justified paragraphs are set by Knuth–Plass alone: any other breaking would move
        // text between pages, away from the baked index and from every other reader.
        // Lines the builder baked are read, not broken, so any build sets them.
        let index = book.page_index(profile, fonts);
        let baked = index.is_some_and(|index| index.line_breaks().is_some());
        if !baked {
            can_break(profile)?;
        }
        // Any line must hold the widest character of any face and a hyphen.
        let widest = Face::ALL
            .iter()
            .map(|&face| {
                let font = fonts.face(face);
                font.max_advance().saturating_add(font.advance('-'))
            })
            .max()
            .unwrap_or(0)
            + 1;
        let text_width = text_width_of(profile);
        let line_height = fonts.face(Face::Regular).line_height();
        let text_height = text_height_of(profile, line_height);
        if text_width < widest || text_height < line_height {
            return Err(Error::ProfileTooSmall {
                text_width,
                text_height,
            });
        }
        let geometry = Geometry::new(fonts, profile, text_width, widest);
        Ok((index, geometry))
    }

    /// The book being laid out.
    pub fn book(&self) -> &'a Book<'a> {
        self.book
    }

    /// The profile in use.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// The fonts in use.
    pub fn fonts(&self) -> &F {
        &self.fonts
    }

    /// All pages from the first.
    ///
    /// ```
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let layout = book.layout()?;
    /// // Each page starts where the one before it ended.
    /// let mut start = inkleaf::Position::START;
    /// for page in layout.pages() {
    ///     assert_eq!(page.start, start);
    ///     start = page.end;
    /// }
    /// assert_eq!(layout.pages().count() as u32, layout.page_count());
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn pages(&self) -> Pages<'_, F> {
        Pages {
            layout: self,
            lines: Lines::from_start(self.book, &self.fonts, &self.geometry),
            index: 0,
            resume: None,
            baked: self.baked_page(0, Position::START).is_some(),
        }
    }

    /// Pages from a known page start onwards; `index` numbers the first one.
    ///
    /// ```
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let layout = book.layout()?;
    /// let fifth = layout.page(5)?;
    /// let rest: Vec<_> = layout.pages_from(5, fifth.start)?.collect();
    /// assert_eq!(rest.first(), Some(&fifth));
    /// assert_eq!(rest.len() as u32, layout.page_count() - 5);
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn pages_from(&self, index: u32, start: Position) -> Result<Pages<'_, F>, Error> {
        if self.baked_page(index, start).is_some() {
            return Ok(Pages {
                layout: self,
                lines: Lines::from_start(self.book, &self.fonts, &self.geometry),
                index,
                resume: None,
                baked: true,
            });
        }
        self.can_break()?;
        Ok(Pages {
            layout: self,
            lines: self.lines_at(start)?,
            index,
            resume: None,
            baked: false,
        })
    }

    /// The page starting at `start`, numbered `index`. With a list of page starts this opens
    /// any page without laying out the ones before it.
    ///
    /// ```
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let layout = book.layout()?;
    /// // A reader that saved where page 7 starts reopens it from that alone.
    /// let saved = layout.page(7)?.start;
    /// assert_eq!(layout.page_at(7, saved)?, layout.page(7)?);
    /// let gone = inkleaf::Position::new(99, 0); // say, saved for another book
    /// assert_eq!(layout.page_at(0, gone), Err(inkleaf::Error::PositionOutOfRange(gone)));
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    // Never inlined, so a caller's frame does not grow by the layout state this needs.
    #[inline(never)]
    pub fn page_at(&self, index: u32, start: Position) -> Result<Page<'_, F>, Error> {
        if let Some(breaks) = self.baked_page(index, start) {
            let filled = self.fill_baked(index, start, breaks)?;
            return Ok(Page::new(self, index, start, filled));
        }
        let mut pages = self.pages_from(index, start)?;
        let page = pages.next();
        pages.fault()?;
        page.ok_or(Error::PositionOutOfRange(start))
    }

    /// Page `index`: through the baked page index when there is one, else by laying out the
    /// pages before it.
    ///
    /// ```
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let layout = book.layout()?;
    /// assert_eq!(layout.page(3)?.index, 3);
    /// let past = layout.page_count();
    /// assert_eq!(layout.page(past), Err(inkleaf::Error::PageOutOfRange(past)));
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn page(&self, index: u32) -> Result<Page<'_, F>, Error> {
        if let Some(baked) = &self.index {
            let start = baked.start(index).ok_or(Error::PageOutOfRange(index))?;
            return self.page_at(index, start);
        }
        let mut pages = self.pages();
        let page = pages.nth(usize::try_from(index).map_err(|_| Error::PageOutOfRange(index))?);
        pages.fault()?;
        page.ok_or(Error::PageOutOfRange(index))
    }

    /// Number of pages: from the baked page index when there is one.
    ///
    /// ```
    /// use inkleaf::{font::MONO_6X10, Book, Layout, Profile};
    ///
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = Book::from_bytes(blob)?;
    /// assert_eq!(book.layout()?.page_count(), book.built_for().unwrap().pages);
    /// // No baked index for this profile: counting lays out every page once.
    /// let footed = Profile { footer: true, ..Profile::new(296, 128) };
    /// let mine = Layout::new(&book, footed, &MONO_6X10)?;
    /// assert!(mine.page_index().is_none());
    /// assert_eq!(mine.page_count() as usize, mine.pages().count());
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    #[inline(never)]
    pub fn page_count(&self) -> u32 {
        match &self.index {
            Some(baked) => baked.pages(),
            None => self.pages().fold(0, |n, _| n + 1),
        }
    }

    /// The baked page index this layout uses, if the blob has one for its profile and font.
    pub fn page_index(&self) -> Option<&PageIndex<'a>> {
        self.index.as_ref()
    }

    /// The page holding `position`: a binary search of the baked page index when there is
    /// one, else one pass. Positions inside the spaces between two lines belong to the page
    /// before the break.
    ///
    /// ```
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let layout = book.layout()?;
    /// // Where the third line of page 5 starts is on page 5.
    /// let line = layout.page(5)?.lines()?.nth(2).unwrap();
    /// assert_eq!(layout.page_of(line.position())?.index, 5);
    /// assert_eq!(layout.page_of(inkleaf::Position::START)?.index, 0);
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn page_of(&self, position: Position) -> Result<Page<'_, F>, Error> {
        self.check_position(position)?;
        if let Some(baked) = &self.index {
            let page = baked.page_of(position);
            let start = baked
                .start(page)
                .ok_or(Error::PositionOutOfRange(position))?;
            return self.page_at(page, start);
        }
        let mut last = None;
        for page in self.pages() {
            if page.start > position {
                break;
            }
            last = Some(page);
        }
        last.ok_or(Error::PositionOutOfRange(position))
    }

    /// The page (0-based) holding the first line of chapter `chapter`: a binary search of the
    /// baked page index when there is one, else one pass over the pages before it. Fails
    /// with [`Error::ChapterOutOfRange`] past the last chapter.
    ///
    /// ```
    /// use inkleaf::build::{pack_into, Contents};
    /// use inkleaf::format::{ChapterRecord, Meta};
    /// use inkleaf::text::{Block, BlockKind};
    /// use inkleaf::{font::MONO_6X10, Book, Error, Layout, Profile};
    ///
    /// let blocks = [
    ///     Block::new(BlockKind::Paragraph, "A short preface."),
    ///     Block::new(BlockKind::Heading(1), "One"),
    ///     Block::new(BlockKind::Paragraph, "The first chapter opens a page of its own."),
    /// ];
    /// let toc = [ChapterRecord { block: 1, level: 1, new_page: true, title: "One", language: "" }];
    /// let contents = Contents { chapters: &toc, ..Contents::plain(Meta::default(), &blocks) };
    /// # let mut buffer = [0u8; 256];
    /// let len = pack_into(&contents, &mut buffer)?;
    /// let book = Book::from_bytes(&buffer[..len])?;
    /// let layout = Layout::new(&book, Profile::new(296, 128), &MONO_6X10)?;
    /// // The preface would leave room for the chapter, yet it opens page 1.
    /// assert_eq!(layout.chapter_page(0)?, 1);
    /// assert_eq!(layout.page(1)?.start, book.chapter(0).unwrap().start);
    /// assert_eq!(layout.chapter_page(1), Err(Error::ChapterOutOfRange(1)));
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn chapter_page(&self, chapter: u32) -> Result<u32, Error> {
        let start = self
            .book
            .chapter(chapter)
            .ok_or(Error::ChapterOutOfRange(chapter))?
            .start;
        // Where its first line starts: past any spaces a block opens with, and past blocks
        // that set no line. A page start is always such a place.
        let start = self.lines_at(start)?.position();
        if let Some(baked) = &self.index {
            return Ok(baked.page_of(start));
        }
        let mut found = None;
        for page in self.pages() {
            if page.start > start {
                break;
            }
            found = Some(page.index);
        }
        found.ok_or(Error::PositionOutOfRange(start))
    }

    /// The characters of a line, without a drawn hyphen.
    ///
    /// ```
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let layout = book.layout()?;
    /// let mut lines = layout.page(0)?.lines()?;
    /// let first = lines.next().unwrap();
    /// let text = "In the turbulent landscape of the Middle East,";
    /// assert!(layout.line_chars(&first).eq(text.chars()));
    /// let second = lines.next().unwrap(); // "sculp-" once drawn
    /// assert_eq!(second.end_kind, inkleaf::layout::LineEnd::Split);
    /// assert_eq!(layout.line_chars(&second).last(), Some('p'));
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn line_chars(&self, line: &Line) -> impl Iterator<Item = char> + '_ {
        let text = self.book.block(line.block).map(|b| b.text);
        let (start, end) = (line.start as usize, line.end as usize);
        text.into_iter()
            .flat_map(move |text| text.chars_between(start, end).map(|(_, c)| c))
    }

    /// The text of a line, without a drawn hyphen.
    #[cfg(feature = "alloc")]
    pub fn line_text(&self, line: &Line) -> alloc::string::String {
        self.line_chars(line).collect()
    }

    /// Width of the text area in pixels.
    ///
    /// ```
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let layout = book.layout()?;
    /// let margins = layout.profile().margins;
    /// assert_eq!(layout.text_width(), 296 - u32::from(margins.left + margins.right));
    /// assert_eq!(layout.text_width(), 288); // 48 columns of the 6x10 font
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn text_width(&self) -> u32 {
        text_width_of(&self.profile)
    }

    /// Height of the text area in pixels, footer excluded.
    ///
    /// ```
    /// use inkleaf::{font::MONO_6X10, Book, Layout, Profile};
    ///
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = Book::from_bytes(blob)?;
    /// let footer = Profile { footer: true, ..Profile::new(296, 128) };
    /// let plain = Layout::new(&book, Profile::new(296, 128), &MONO_6X10)?;
    /// let footed = Layout::new(&book, footer, &MONO_6X10)?;
    /// assert_eq!(plain.text_height(), 128 - 4 - 4);
    /// assert_eq!(footed.text_height(), plain.text_height() - footed.footer_height());
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn text_height(&self) -> u32 {
        text_height_of(&self.profile, self.line_height())
    }

    /// Pixels the footer takes above the bottom margin, 0 without a footer.
    pub fn footer_height(&self) -> u32 {
        footer_height_of(&self.profile, self.line_height())
    }

    /// Height of one line of body text (in the regular face).
    pub fn line_height(&self) -> u32 {
        self.fonts.face(Face::Regular).line_height()
    }

    /// Distance from the top of a line to the top of the next.
    pub fn line_pitch(&self) -> u32 {
        self.line_height() + u32::from(self.profile.line_spacing)
    }

    /// Width a line takes once drawn: the full text width when it is justified.
    ///
    /// ```
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let layout = book.layout()?;
    /// for line in layout.page(0)?.lines()? {
    ///     let drawn = layout.drawn_width(&line);
    ///     // Justified lines meet the right margin; a paragraph's last line keeps its own width.
    ///     let expected = if line.stretches() { layout.text_width() } else { line.width };
    ///     assert_eq!(drawn, expected);
    /// }
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn drawn_width(&self, line: &Line) -> u32 {
        if self.profile.align == Align::Justify && line.stretches() {
            line.measure
        } else {
            line.width
        }
    }

    /// Width of word gap `gap` (1-based) of `line` as drawn: the font's space, widened or
    /// narrowed so a justified line meets the right margin. Integer shares that add up exactly.
    ///
    /// ```
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let layout = book.layout()?;
    /// let line = layout.page(0)?.lines()?.next().unwrap(); // 276 px wide set with 6 px gaps
    /// let gaps: u32 = (1..=line.gaps).map(|gap| layout.gap_width(&line, gap)).sum();
    /// assert_eq!(line.width - line.gaps * 6 + gaps, layout.drawn_width(&line)); // 288
    /// assert_eq!(layout.gap_width(&line, 1), 7); // 12 px more over 7 gaps: 7 or 8 each
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn gap_width(&self, line: &Line, gap: u32) -> u32 {
        let space = i64::from(self.space(line));
        let adjust = i64::from(self.drawn_width(line)) - i64::from(line.width);
        if adjust == 0 {
            // Lines set flush left, and justified lines full already, keep the font's space:
            // no 64-bit divisions for every gap drawn.
            return u32::try_from(space).unwrap_or(0);
        }
        let (gaps, gap) = (i64::from(line.gaps.max(1)), i64::from(gap));
        u32::try_from(space + gap_share(adjust, gap, gaps)).unwrap_or(0)
    }

    /// The normal word gap of `line`: a space in its block's own face.
    pub fn space(&self, line: &Line) -> u32 {
        self.fonts
            .face(Face::of(line.kind, Style::PLAIN))
            .advance(' ')
    }

    /// The lines of page `index` starting at `start`: read from its baked breaks when the
    /// page index has them for that page, else broken.
    pub(crate) fn page_lines(
        &self,
        index: u32,
        start: Position,
    ) -> Result<Lines<'_, '_, F>, Error> {
        match self.baked_page(index, start) {
            Some(breaks) => Lines::baked(
                self.book,
                &self.fonts,
                &self.geometry,
                start,
                &self.seeds,
                breaks,
            ),
            None => {
                self.can_break()?;
                self.lines_at(start)
            }
        }
    }

    /// The baked line breaks of page `index`, if the page index has them and the page starts
    /// at `start`.
    pub(crate) fn baked_page(&self, index: u32, start: Position) -> Option<PageBreaks<'a>> {
        let baked = self.index.as_ref()?;
        let breaks = baked.line_breaks()?;
        if baked.start(index)? != start {
            return None;
        }
        let end = baked
            .start(index + 1)
            .unwrap_or(Position::new(self.book.block_count(), 0));
        Some(breaks.page(index, baked.pages(), end))
    }

    /// Fails where lines would be broken by an engine that cannot: see [`can_break`].
    fn can_break(&self) -> Result<(), Error> {
        can_break(&self.profile)
    }

    pub(crate) fn lines_at(&self, start: Position) -> Result<Lines<'_, '_, F>, Error> {
        // `Lines::new` checks the position as it finds the block, so one walk does both.
        Lines::new(self.book, &self.fonts, &self.geometry, start, &self.seeds)
    }

    fn check_position(&self, position: Position) -> Result<(), Error> {
        let inside = match self.book.block(position.block) {
            Some(mut block) => block.text.is_boundary(position.offset as usize),
            None => position == Position::new(self.book.block_count(), 0),
        };
        inside
            .then_some(())
            .ok_or(Error::PositionOutOfRange(position))
    }
}

/// Fails with [`Error::BreakingUnsupported`] where lines would be broken by an engine without
/// line breaking, and with [`Error::JustifyUnsupported`] where a justified profile's would be
/// broken by one without Knuth–Plass.
fn can_break(profile: &Profile) -> Result<(), Error> {
    if !cfg!(feature = "breaking") {
        return Err(Error::BreakingUnsupported);
    }
    if profile.align == Align::Justify && !cfg!(feature = "justify") {
        return Err(Error::JustifyUnsupported);
    }
    Ok(())
}

/// Width of the text area of `profile`: its width less the side margins.
fn text_width_of(profile: &Profile) -> u32 {
    let m = profile.margins;
    u32::from(profile.width).saturating_sub(u32::from(m.left) + u32::from(m.right))
}

/// Height of the text area of `profile` with lines `line_height` high: its height less the
/// top and bottom margins and the footer.
fn text_height_of(profile: &Profile, line_height: u32) -> u32 {
    let m = profile.margins;
    u32::from(profile.height)
        .saturating_sub(u32::from(m.top) + u32::from(m.bottom))
        .saturating_sub(footer_height_of(profile, line_height))
}

/// Pixels the footer of `profile` takes with lines `line_height` high, 0 without a footer.
fn footer_height_of(profile: &Profile, line_height: u32) -> u32 {
    if profile.footer {
        line_height + line_height / 2
    } else {
        0
    }
}

impl<'a> Book<'a> {
    /// The book laid out as it was built: for the first display profile it records, in its
    /// own font (or the built-in font it names), through the page index baked for it.
    ///
    /// Fails with [`Error::ProfileMissing`] if the blob records no profile; then choose one
    /// and use [`Layout::new`].
    ///
    /// ```
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let layout = book.layout()?;
    /// assert_eq!(layout.profile().width, 296);
    /// assert_eq!(layout.page_count(), 15);
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    // Never inlined: the layout is built once in this frame, not in the caller's that
    // keeps it.
    #[inline(never)]
    pub fn layout(&self) -> Result<Layout<'_, AnyFamily<'a>>, Error> {
        let mut slot = None;
        self.layout_in(&mut slot)?;
        // `layout_in` fills the slot whenever it succeeds.
        slot.ok_or(Error::ProfileMissing)
    }

    /// [`Book::layout`] into `slot`, where the layout stays, its faces read into it in
    /// place: a packed family is most of a layout's size, and a device's stack has no room
    /// for the copies of it that reading one and then laying out would make. A firmware
    /// keeps `slot` in a `static`, as it does the book. `slot` is `None` after an error.
    ///
    /// ```
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in-dejavu.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let mut slot = None;
    /// let layout = book.layout_in(&mut slot)?;
    /// assert_eq!(layout.page_count(), 29);
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    #[inline(never)]
    pub fn layout_in<'b, 's>(
        &'b self,
        slot: &'s mut Option<Layout<'b, AnyFamily<'a>>>,
    ) -> Result<&'s mut Layout<'b, AnyFamily<'a>>, Error> {
        *slot = None;
        let built = self.built_for().ok_or(Error::ProfileMissing)?;
        // The fonts as `layout_font` picks them, a packed family read where it will stay.
        let family = self.families().next();
        let fonts = match family {
            Some(_) => AnyFamily::Packed(PackedFamily::EMPTY),
            None => AnyFamily::Mono(built.font.font()),
        };
        let layout = slot.insert(Layout {
            index: None,
            book: self,
            fonts,
            profile: built.profile,
            geometry: Geometry::UNMEASURED,
            seeds: Seeds::default(),
        });
        let read = match (&mut layout.fonts, family) {
            (AnyFamily::Packed(faces), Some(entries)) => read_faces(entries, faces),
            _ => Ok(()),
        };
        match read.and_then(|()| Layout::checked(self, &built.profile, &layout.fonts)) {
            Ok((index, geometry)) => {
                (layout.index, layout.geometry) = (index, geometry);
            }
            Err(e) => {
                *slot = None;
                return Err(e);
            }
        }
        slot.as_mut().ok_or(Error::ProfileMissing)
    }
}

/// The lines of one page.
#[derive(Clone, Debug)]
pub struct PageLines<'l, F> {
    pub(crate) lines: Lines<'l, 'l, F>,
    pub(crate) left: u32,
}

impl<F: Family> Iterator for PageLines<'_, F> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        self.left = self.left.checked_sub(1)?;
        self.lines.next()
    }
}

/// Gap `gap`'s share of `adjust` pixels spread over `gaps` gaps (`gaps` at least 1): shares
/// that add up to `adjust` exactly. In 32 bits where the products fit, which is every real
/// line: a Cortex-M divides those in one instruction, and 64-bit ones in a library call.
fn gap_share(adjust: i64, gap: i64, gaps: i64) -> i64 {
    let narrow = (
        i32::try_from(adjust),
        i32::try_from(gap),
        i32::try_from(gaps),
    );
    if let (Ok(adjust), Ok(gap), Ok(gaps)) = narrow {
        if let (Some(upto), Some(before)) = (adjust.checked_mul(gap), adjust.checked_mul(gap - 1)) {
            return i64::from(upto / gaps - before / gaps);
        }
    }
    adjust * gap / gaps - adjust * (gap - 1) / gaps
}

#[cfg(test)]
mod gap_share_tests {
    use super::gap_share;

    #[test]
    fn narrow_shares_are_the_wide_ones() {
        let wide =
            |adjust: i64, gap: i64, gaps: i64| adjust * gap / gaps - adjust * (gap - 1) / gaps;
        let big = i64::from(i32::MAX);
        for adjust in [-big - 1, -70_000, -13, -1, 1, 12, 99, 65_535, big] {
            for gaps in [1i64, 2, 7, 40, 65_535, 1 << 20] {
                // The first gaps, and the last ones, where the products are largest.
                let tail = (gaps - 3).max(1)..=gaps;
                for gap in (1..=gaps.min(50)).chain(tail) {
                    assert_eq!(gap_share(adjust, gap, gaps), wide(adjust, gap, gaps));
                }
                let all: i64 = (1..=gaps).map(|gap| gap_share(adjust, gap, gaps)).sum();
                assert_eq!(all, adjust, "{adjust} over {gaps} gaps");
            }
        }
    }
}
