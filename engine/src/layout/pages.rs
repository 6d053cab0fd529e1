//! Filling pages with lines, for measuring and for drawing alike.

use core::fmt;

use super::breaks::NewPages;
use super::lines::{Line, LineEnd, Lines};
use super::LineText;
use super::{Layout, PageLines, Position};
use crate::font::{Face, Family, Font};
use crate::format::{PageBreaks, Part};
use crate::text::{Block, BlockKind, Nesting};
use crate::Error;

/// One page of a [`Layout`]: where it starts, where the next one starts, and the lines
/// between. It borrows its layout, so it draws itself (it is `Drawable`, and see
/// [`Page::draw_into`]). Pages compare by where they lie (number, start, end, lines), not by
/// the footer total.
///
/// ```
/// # use embedded_graphics::{mock_display::MockDisplay, pixelcolor::BinaryColor, Drawable};
/// # use inkleaf::{Book, Position};
/// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
/// let book = Book::from_bytes(blob)?;
/// let layout = book.layout()?;
/// let first = layout.page(0)?;
/// assert_eq!(first.start, Position::START);
/// // Page starts are all a reader needs to keep: the next page opens from this one's end.
/// let second = layout.page_at(1, first.end)?;
/// assert_eq!(second, layout.page(1)?);
/// # Ok::<(), inkleaf::Error>(())
/// ```
pub struct Page<'l, F> {
    /// Zero-based page number.
    pub index: u32,
    /// Position of the page's first character.
    pub start: Position,
    /// Position where the next page starts, or the end of the book.
    pub end: Position,
    /// Lines on the page.
    pub lines: u32,
    /// The page count a footer shows: the baked index's, or what [`Page::with_total`] set.
    total: Option<u32>,
    layout: &'l Layout<'l, F>,
}

impl<'l, F: Family> Page<'l, F> {
    /// Whether `position` falls on this page.
    ///
    /// ```
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let layout = book.layout()?;
    /// let page = layout.page(2)?;
    /// assert!(page.contains(page.start));
    /// assert!(!page.contains(page.end)); // the next page's first character
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn contains(&self, position: Position) -> bool {
        self.start <= position && position < self.end
    }

    /// The layout the page belongs to.
    pub fn layout(&self) -> &'l Layout<'l, F> {
        self.layout
    }

    /// The book's page count as the footer shows it ("page x / total"): known from the
    /// baked page index, else `None` until [`Page::with_total`] sets it.
    ///
    /// ```
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let layout = book.layout()?;
    /// assert_eq!(layout.page(0)?.total(), Some(15)); // from the baked page index
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn total(&self) -> Option<u32> {
        self.total
    }

    /// The page with a footer total of `total`, for a layout with no baked index that has
    /// counted its pages once ([`Layout::page_count`]).
    ///
    /// ```
    /// use inkleaf::{font::MONO_6X10, Book, Layout, Profile};
    ///
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = Book::from_bytes(blob)?;
    /// let profile = Profile { footer: true, ..Profile::new(296, 128) }; // not baked
    /// let layout = Layout::new(&book, profile, &MONO_6X10)?;
    /// let total = layout.page_count(); // once, when the book is opened
    /// let page = layout.page(0)?;
    /// assert_eq!(page.total(), None); // a footer would show no "page 1 / ..."
    /// assert_eq!(page.with_total(total).total(), Some(total));
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn with_total(self, total: u32) -> Self {
        Page {
            total: Some(total),
            ..self
        }
    }

    /// The lines of the page, in order.
    ///
    /// ```
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let layout = book.layout()?;
    /// let page = layout.page(0)?;
    /// assert_eq!(page.lines()?.count() as u32, page.lines);
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn lines(&self) -> Result<PageLines<'l, F>, Error> {
        Ok(PageLines {
            lines: self.layout.page_lines(self.index, self.start)?,
            left: self.lines,
        })
    }

    pub(crate) fn new(
        layout: &'l Layout<'l, F>,
        index: u32,
        start: Position,
        filled: Filled,
    ) -> Self {
        Page {
            index,
            start,
            end: filled.end,
            lines: filled.lines,
            total: layout.page_index().map(|baked| baked.pages()),
            layout,
        }
    }
}

// By hand, not derived: a page is copied and compared by where it lies, whatever its font.
impl<F> Clone for Page<'_, F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F> Copy for Page<'_, F> {}

impl<F> PartialEq for Page<'_, F> {
    fn eq(&self, other: &Self) -> bool {
        (self.index, self.start, self.end, self.lines)
            == (other.index, other.start, other.end, other.lines)
    }
}

impl<F> Eq for Page<'_, F> {}

impl<F> fmt::Debug for Page<'_, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Page")
            .field("index", &self.index)
            .field("start", &self.start)
            .field("end", &self.end)
            .field("lines", &self.lines)
            .field("total", &self.total)
            .finish_non_exhaustive()
    }
}

/// What filling a page found.
#[derive(Copy, Clone, Debug)]
pub(crate) struct Filled {
    pub(crate) end: Position,
    pub(crate) lines: u32,
}

/// What the page-break rules need to know of a placed line.
#[derive(Copy, Clone, Debug, Default)]
struct Placed {
    start: Position,
    first_in_block: bool,
    ends_block: bool,
    heading: bool,
    kind: BlockKind,
    nesting: Nesting,
}

/// The last lines placed on a page, enough to move a few of them to the next page so that
/// no paragraph leaves its first line alone at the bottom of a page or its last line alone
/// at the top, and no heading ends a page.
#[derive(Copy, Clone, Debug, Default)]
struct Tail {
    count: u32,
    recent: [Placed; 3],
    /// The latest run of heading lines: index of its first line, that line, and the line
    /// before it; and the index of its last line.
    heading: Option<(u32, Placed, Option<Placed>, u32)>,
}

impl Tail {
    fn push(&mut self, line: Placed) {
        if line.heading {
            let before = self.count.checked_sub(1).and_then(|i| self.at(i));
            match &mut self.heading {
                Some((_, _, _, last)) if *last + 1 == self.count => *last = self.count,
                run => *run = Some((self.count, line, before, self.count)),
            }
        }
        self.recent[self.count as usize % 3] = line;
        self.count += 1;
    }

    /// Line `index` of the page, if it is still known.
    fn at(&self, index: u32) -> Option<Placed> {
        if index < self.count && index + 3 >= self.count {
            return Some(self.recent[index as usize % 3]);
        }
        match self.heading {
            Some((first, line, _, _)) if first == index => Some(line),
            Some((first, _, before, _)) if first == index + 1 => before,
            _ => None,
        }
    }

    /// How many lines should move to the next page, which would start with `next`.
    /// Never all of them, and only lines whose start is known.
    fn lines_to_move(&self, next: &Line) -> u32 {
        let count = self.count;
        // A paragraph's last line would open the next page alone: send one more with it.
        let widow = next.end_kind == LineEnd::BlockEnd
            && !next.first_in_block
            && !next.kind.is_heading()
            && self
                .at(count - 1)
                .is_some_and(|l| l.start.block == next.block);
        let mut moved = u32::from(widow);
        for _ in 0..4 {
            let Some(last) = count
                .checked_sub(moved + 1)
                .filter(|&i| i > 0)
                .and_then(|i| self.at(i))
            else {
                break;
            };
            let index = count - moved - 1;
            match self.heading {
                // A heading would end the page: it goes with its text.
                Some((first, _, _, end)) if last.heading && end == index => moved = count - first,
                // A paragraph's first line would end the page alone.
                _ if !last.heading && last.first_in_block && !last.ends_block => moved += 1,
                _ => break,
            }
        }
        if moved >= count || self.at(count - moved).is_none() {
            return 0;
        }
        moved
    }
}

impl<F: Family> Layout<'_, F> {
    /// Places lines from `lines` on one page, calling `place` with each line, its text and its
    /// top offset inside the text area. The single routine behind pagination and drawing.
    ///
    /// With `limit` set, places exactly that many lines (as pagination counted them). Without,
    /// it decides where the page ends, moving a few lines on to avoid widows and orphans; then
    /// `place` may already have seen lines that moved, so only pagination, which places
    /// nothing, calls it that way.
    ///
    /// With `kept` given, a baked line's characters are kept there as they are measured and
    /// handed to `place` with it, so that drawing reads them without decoding them again.
    pub(crate) fn fill<'l, E>(
        &'l self,
        lines: &mut Lines<'l, 'l, F>,
        limit: Option<u32>,
        kept: Option<&mut LineText>,
        place: impl FnMut(&Line, &Block<'l>, Option<&LineText>, u32) -> Result<(), E>,
    ) -> Result<Filled, E> {
        let filled = self.fill_lines(lines, limit, kept, place)?;
        // The next page starts there: where its layout and its drawing will open the text.
        if let Some(text) = lines.text_of(filled.end.block) {
            self.seeds.remember(filled.end, text);
        }
        Ok(filled)
    }

    fn fill_lines<'l, E>(
        &'l self,
        lines: &mut Lines<'l, 'l, F>,
        limit: Option<u32>,
        mut kept: Option<&mut LineText>,
        mut place: impl FnMut(&Line, &Block<'l>, Option<&LineText>, u32) -> Result<(), E>,
    ) -> Result<Filled, E> {
        let mut y = 0u32;
        let mut tail = Tail::default();
        // Each line's block, its text at the line's start: one for the whole page.
        let mut block = Block::new(BlockKind::Paragraph, "");
        // Drawing places as many lines as pagination counted, so only pagination looks; an
        // engine without line breaking takes its pages from the baked index, never from here.
        let paginating = cfg!(feature = "breaking") && limit.is_none();
        let mut new_pages =
            paginating.then(|| NewPages::after(self.book.chapter_part(), lines.position().block));
        while limit.is_none_or(|n| tail.count < n) {
            let count = tail.count;
            let start = lines.position();
            // Borrowed where it was returned, not moved out of the `Option`: one copy less.
            let next = lines.next_kept(kept.as_deref_mut(), &mut block);
            let Some(line) = &next else {
                break;
            };
            let opens_chapter = new_pages.as_mut().is_some_and(|n| n.reached(line.block));
            if opens_chapter && count > 0 {
                // A chapter that opens a page: the page ends here, whatever the widow and
                // orphan rules would move (the lines before belong to another chapter).
                return Ok(Filled {
                    end: start,
                    lines: count,
                });
            }
            let before = count.checked_sub(1).and_then(|i| tail.at(i));
            let top = y + self.gap_before(line, before);
            if count > 0 && top + line.height > self.text_height() {
                // The line starts the next page; `lines` has gone past it. Whoever goes on
                // reopens at the page end, which is cheaper than copying the line state for
                // every line.
                if paginating {
                    let filled = self.break_page(&tail, line, start);
                    // The next page opens there, and this line's text was read up to it
                    // (or just past, if lines moved on): a checkpoint near it lets that
                    // page's layout decode little. Only where `lines` went on into the next
                    // block, so that [`Layout::fill`] finds none: the seeds keep two, and a
                    // second for the same end would push out this page's own start.
                    if filled.end.block == line.block && lines.text_of(line.block).is_none() {
                        self.seeds.remember(filled.end, &block.text);
                    }
                    return Ok(filled);
                }
                break;
            }
            place(line, &block, kept.as_deref(), top)?;
            y = top + line.height + u32::from(self.profile.line_spacing);
            tail.push(Placed {
                start,
                first_in_block: line.first_in_block,
                ends_block: line.end_kind == LineEnd::BlockEnd,
                heading: line.kind.is_heading(),
                kind: line.kind,
                nesting: line.nesting,
            });
        }
        Ok(Filled {
            end: lines.position(),
            lines: tail.count,
        })
    }

    /// Counts the lines of baked page `index` from `start` to the next page's start, and
    /// checks them on the way: every length fits its block's text, the lines reach exactly
    /// where the next page starts, no codes are left over, and no more lines than the text
    /// area could hold. Anything else is [`Error::Malformed`]`(`[`Part::LineBreaks`]`)`.
    pub(crate) fn fill_baked(
        &self,
        index: u32,
        start: Position,
        breaks: PageBreaks<'_>,
    ) -> Result<Filled, Error> {
        let end = match self.page_index().and_then(|baked| baked.start(index + 1)) {
            Some(next) => next,
            None => Position::new(self.book.block_count(), 0),
        };
        let bad = || self.baked_fault(start, end);
        let mut lines = Lines::baked(
            self.book,
            &self.fonts,
            &self.geometry,
            start,
            &self.seeds,
            breaks,
        )?;
        let most = self.text_height() / self.shortest_line().max(1);
        let mut count = 0u32;
        while lines.position() < end {
            if lines.next().is_none() {
                lines.text_fault()?;
                return Err(bad());
            }
            count += 1;
            if count > most {
                return Err(bad());
            }
        }
        lines.text_fault()?;
        if count == 0 || lines.position() != end || lines.baked_fault() {
            return Err(bad());
        }
        // Turning on opens the text here: make that cheap for coded text.
        if let Some(text) = lines.text_of(end.block) {
            self.seeds.remember(end, text);
        }
        Ok(Filled { end, lines: count })
    }

    /// Page `index` from `start` to the next page's start, its lines counted off its codes
    /// without reading its text: what drawing it checks as it reads them
    /// ([`Layout::draw_page_into`]). `None` without a page index.
    pub(crate) fn count_baked(
        &self,
        index: u32,
        breaks: PageBreaks<'_>,
    ) -> Option<Result<Filled, Error>> {
        let end = self.page_index()?.start(index + 1);
        let end = end.unwrap_or(Position::new(self.book.block_count(), 0));
        let bad = Err(Error::Malformed(Part::LineBreaks));
        let most = self.text_height() / self.shortest_line().max(1);
        let mut codes = breaks;
        let mut count = 0u32;
        while !codes.done_exactly() {
            // The block only names the last line's kind, which counting ignores.
            if codes.next_in(0).is_none() || count >= most {
                return Some(bad);
            }
            count += 1;
        }
        if count == 0 {
            return Some(bad);
        }
        Some(Ok(Filled { end, lines: count }))
    }

    /// What is wrong with a baked page from `start` to `end` whose lines do not come out as
    /// its index says: [`Error::CorruptText`] if the text of a block it holds does not
    /// decode (bits that decode to other characters for a while before they stop), else
    /// [`Error::Malformed`]`(`[`Part::LineBreaks`]`)`. Only asked once the page has failed:
    /// it reads those blocks whole.
    #[cold]
    #[inline(never)]
    pub(crate) fn baked_fault(&self, start: Position, end: Position) -> Error {
        let damaged = (start.block..=end.block)
            .map_while(|block| self.book.block(block))
            .any(|block| block.text.check().is_err());
        if damaged {
            Error::CorruptText
        } else {
            Error::Malformed(Part::LineBreaks)
        }
    }

    /// The height of the shortest line any face sets.
    fn shortest_line(&self) -> u32 {
        Face::ALL
            .iter()
            .map(|&face| self.fonts.face(face).line_height())
            .min()
            .unwrap_or(1)
    }

    /// Ends a full page before `next`, or a few lines earlier when the rules ask for it.
    fn break_page(&self, tail: &Tail, next: &Line, next_start: Position) -> Filled {
        let moved = tail.lines_to_move(next);
        match tail.at(tail.count - moved).filter(|_| moved > 0) {
            Some(end) => Filled {
                end: end.start,
                lines: tail.count - moved,
            },
            None => Filled {
                end: next_start,
                lines: tail.count,
            },
        }
    }

    /// Space above `line`, which follows `before` on the page (`None`: it opens the page).
    fn gap_before(&self, line: &Line, before: Option<Placed>) -> u32 {
        let Some(before) = before.filter(|_| line.first_in_block) else {
            return 0;
        };
        let spacing = u32::from(self.profile.paragraph_spacing);
        let follows = |kind: BlockKind| before.kind == kind && before.nesting == line.nesting;
        match line.kind {
            // A heading sits closer to what follows than to what precedes it.
            BlockKind::Heading(_) => spacing + self.line_pitch() / 2,
            // Items of a tight list, and rows of a table, sit close together.
            BlockKind::ListItem { loose: false, .. } if before.nesting.lists() > 0 => 0,
            BlockKind::TableRow { .. } if matches!(before.kind, BlockKind::TableRow { .. }) => 0,
            // Indented paragraphs are set apart by their indent alone.
            BlockKind::Paragraph if self.geometry.indent > 0 && follows(BlockKind::Paragraph) => 0,
            _ => spacing,
        }
    }
}

/// Iterator over all pages, from the first or from a known page start.
#[derive(Clone, Debug)]
pub struct Pages<'l, F> {
    pub(crate) layout: &'l Layout<'l, F>,
    pub(crate) lines: Lines<'l, 'l, F>,
    pub(crate) index: u32,
    /// Where the next page starts, when the last one ended before where `lines` stopped.
    pub(crate) resume: Option<Position>,
    /// Pages come from the baked index, lines from its baked breaks: `lines` is unused.
    pub(crate) baked: bool,
}

impl<F: Family> Pages<'_, F> {
    /// Why the pages stopped before the end of the book, if they did: coded text that does
    /// not decode ([`Error::CorruptText`]).
    pub(crate) fn fault(&self) -> Result<(), Error> {
        self.lines.text_fault()
    }
}

impl<'l, F: Family> Iterator for Pages<'l, F> {
    type Item = Page<'l, F>;

    fn next(&mut self) -> Option<Page<'l, F>> {
        if self.baked {
            let start = self.layout.page_index()?.start(self.index)?;
            let page = self.layout.page_at(self.index, start).ok()?;
            self.index = self.index.saturating_add(1);
            return Some(page);
        }
        if !cfg!(feature = "breaking") {
            // Unbaked pages are refused where the layout is made (`Layout::new`).
            return None;
        }
        if let Some(at) = self.resume.take() {
            self.lines = self.layout.lines_at(at).ok()?;
        }
        let start = self.lines.position();
        let filled = self
            .layout
            .fill(&mut self.lines, None, None, |_, _, _, _| {
                Ok::<(), core::convert::Infallible>(())
            })
            .ok()?;
        // A page cut short by text that does not decode is no page: the pages stop there,
        // and `Pages::fault` says why.
        if filled.lines == 0 || self.lines.text_fault().is_err() {
            return None;
        }
        let page = Page::new(self.layout, self.index, start, filled);
        self.resume = Some(filled.end);
        self.index = self.index.saturating_add(1);
        Some(page)
    }
}
