//! Breaking block text into lines that fit the text width.
//!
//! A line is a byte range of one block's text plus the facts drawing needs (width, word gaps,
//! how it ended). Lines break at spaces, after a hyphen between letters, and after a dash,
//! never before a dash. A word wider than the line is cut where a hyphen still fits, so nothing
//! is dropped or drawn past the edge. Justified paragraphs are broken by Knuth–Plass
//! ([`super::knuth_plass`]); headings and flush-left text greedily ([`super::greedy`]).

use super::baked::baked_line;
use super::candidates::{Candidates, Kind};
use super::fonts::BlockFonts;
use super::geometry::Geometry;
use super::greedy::{break_line, break_preformatted, Broken};
use super::knuth_plass::{self, Measure, Plan};
use super::line_text::LineText;
use super::pieces::is_space;
use super::seeds::Seeds;
use super::Align;
use crate::font::{Family, Font};
use crate::format::PageBreaks;
#[cfg(feature = "breaking")]
use crate::text::PageText;
use crate::text::{Block, BlockKind, Blocks, Nesting, Text};
use crate::{Book, Error, Position};

/// How a line ends, which decides whether it is justified and whether a hyphen is drawn.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum LineEnd {
    /// Broken at a space or after a hyphen or dash.
    Wrap,
    /// A word cut in two; a hyphen is drawn after the line.
    Split,
    /// A newline inside the block.
    HardBreak,
    /// The last line of its block.
    BlockEnd,
    /// A preformatted line too long for the measure, wrapped inside a word or a run of
    /// spaces: a continuation mark is drawn after it.
    Continued,
}

/// One laid-out line: a byte range of one block's text.
///
/// ```
/// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
/// let book = inkleaf::Book::from_bytes(blob)?;
/// let layout = book.layout()?;
/// let page = layout.page(0)?;
/// let first = page.lines()?.next().unwrap();
/// assert_eq!(first.position(), page.start);
/// assert!(first.first_in_block && !first.kind.is_heading());
/// // 46 bytes: "In the turbulent landscape of the Middle East,"
/// assert_eq!((first.block, first.start, first.end, first.gaps), (0, 0, 46, 7));
/// # Ok::<(), inkleaf::Error>(())
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// Block the line belongs to.
    pub block: u32,
    /// Byte offset of the first character.
    pub start: u32,
    /// Byte offset just past the last character drawn (trailing spaces excluded).
    pub end: u32,
    /// Width in pixels with normal word gaps, including a drawn hyphen. A justified line
    /// whose gaps shrink to fit is wider than the text area by this measure: what it takes
    /// once drawn is [`Layout::drawn_width`](crate::Layout::drawn_width).
    pub width: u32,
    /// Word gaps inside the line; runs of spaces count once.
    pub gaps: u32,
    /// How the line ends.
    pub end_kind: LineEnd,
    /// What its block is.
    pub kind: BlockKind,
    /// The quotes and lists its block sits in.
    pub nesting: Nesting,
    /// Whether the line is the first of its block.
    pub first_in_block: bool,
    /// Pixels from the text area's left edge to the line's first character: the indents of
    /// its quotes and lists, and a paragraph's first-line indent.
    pub left: u32,
    /// Pixels its text may take: what a justified line fills.
    pub measure: u32,
    /// Height of the line box: the line height of its block's face.
    pub height: u32,
}

impl Line {
    /// Where the line starts.
    pub fn position(&self) -> Position {
        Position::new(self.block, self.start)
    }

    /// Whether justification may widen this line's gaps: a wrapped line of a paragraph or
    /// list item, which Knuth–Plass set. Headings, code and table rows stay ragged, broken
    /// greedily for their own measure.
    ///
    /// ```
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let layout = book.layout()?;
    /// use inkleaf::layout::LineEnd;
    /// for line in layout.page(0)?.lines()? {
    ///     // A paragraph's last line stays flush left; wrapped or split lines with gaps stretch.
    ///     let wraps = matches!(line.end_kind, LineEnd::Wrap | LineEnd::Split);
    ///     assert_eq!(line.stretches(), wraps && line.gaps > 0);
    /// }
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn stretches(&self) -> bool {
        self.gaps > 0
            && matches!(self.end_kind, LineEnd::Wrap | LineEnd::Split)
            && matches!(self.kind, BlockKind::Paragraph | BlockKind::ListItem { .. })
    }
}

/// Iterator over lines from a position onwards, across blocks.
#[derive(Debug)]
pub(crate) struct Lines<'a, 'f, F> {
    fonts: &'f F,
    // Borrowed from the layout: lines are copied as they are replayed, the geometry need not be.
    geometry: &'f Geometry,
    blocks: Blocks<'a>,
    /// The nesting of the block before the current one, if that was a paragraph.
    before: Option<Nesting>,
    current: Option<Block<'a>>,
    block: u32,
    offset: usize,
    /// Knuth–Plass breaks of the chunk being set, if any.
    plan: Option<Plan>,
    /// The candidate of the chunk the current line starts after.
    candidate: u8,
    /// Whether the line before ended in a hyphen or dash.
    after_hyphen: bool,
    /// The baked lengths of a page's lines, when they are read rather than broken.
    baked: Option<PageBreaks<'a>>,
    /// A baked length did not fit the text: the lines stopped there.
    fault: bool,
    /// Coded text that does not decode was read: the lines stopped there.
    corrupt: bool,
    /// Where the texts read keep their characters, or read them back (see [`PageText`]).
    #[cfg(feature = "breaking")]
    page: Option<&'a PageText>,
}

// Manual impl: the font is borrowed, so cloning needs no `F: Clone`.
impl<F> Clone for Lines<'_, '_, F> {
    fn clone(&self) -> Self {
        Lines { ..*self }
    }
}

impl<'a, 'f, F: Family> Lines<'a, 'f, F> {
    /// Lines starting at `from`, which must be a character boundary inside the book:
    /// [`Error::PositionOutOfRange`] otherwise.
    pub(crate) fn new(
        book: &'a Book<'_>,
        fonts: &'f F,
        geometry: &'f Geometry,
        from: Position,
        seeds: &Seeds,
    ) -> Result<Self, Error> {
        let mut lines = Self::open(book, fonts, geometry, from, seeds, None)?;
        if lines.current.is_some_and(|b| lines.planned(b)) && lines.offset > 0 {
            // Knuth–Plass breaks depend on the whole paragraph before: replay it.
            lines.offset = 0;
            lines.seek(from);
        }
        Ok(lines)
    }

    /// The lines of a baked page starting at `from`: read from `breaks`, not broken.
    pub(crate) fn baked(
        book: &'a Book<'_>,
        fonts: &'f F,
        geometry: &'f Geometry,
        from: Position,
        seeds: &Seeds,
        breaks: PageBreaks<'a>,
    ) -> Result<Self, Error> {
        Self::open(book, fonts, geometry, from, seeds, Some(breaks))
    }

    /// Whether a baked page's lines stopped at a length that did not fit the text, or left
    /// lines unread.
    pub(crate) fn baked_fault(&self) -> bool {
        self.fault || self.baked.is_some_and(|b| !b.done_exactly())
    }

    /// [`Error::CorruptText`] if the lines stopped at coded text that does not decode: the
    /// text would read as ending there, and whatever came after it would be lost.
    pub(crate) fn text_fault(&self) -> Result<(), Error> {
        if self.corrupt {
            return Err(Error::CorruptText);
        }
        Ok(())
    }

    /// Stops the lines if `corrupt`, a text having met coded bits that do not decode;
    /// whether they stopped so.
    fn stop_if_corrupt(&mut self, corrupt: bool) -> bool {
        if corrupt {
            self.corrupt = true;
            self.current = None;
        }
        self.corrupt
    }

    /// Lines at `from` as they lie, with no plan replayed; read from `baked` if given.
    fn open(
        book: &'a Book<'_>,
        fonts: &'f F,
        geometry: &'f Geometry,
        from: Position,
        seeds: &Seeds,
        baked: Option<PageBreaks<'a>>,
    ) -> Result<Self, Error> {
        // A `Result` all the way, not an `Option` converted by the caller: lines are a few
        // hundred bytes, and a conversion is a copy on the drawing frame's stack.
        let outside = Error::PositionOutOfRange(from);
        let mut blocks = book.blocks();
        let skip = usize::try_from(from.block).map_err(|_| outside)?;
        // The block before decides a first-line indent: read its kind, not its text.
        let mut before = None;
        if let Some(previous) = skip.checked_sub(1) {
            blocks.pass(previous).ok_or(outside)?;
            before = blocks
                .peek_kind()
                .and_then(|(kind, nesting)| (kind == BlockKind::Paragraph).then_some(nesting));
            blocks.pass(1).ok_or(outside)?;
        }
        // Checked on the block kept, so the text is read up to `offset` once, not twice.
        let mut current = None;
        blocks.next_into(&mut current);
        let offset = usize::try_from(from.offset).map_err(|_| outside)?;
        let valid = match &mut current {
            Some(block) => {
                seeds.seed(from, &mut block.text);
                block.text.is_boundary(offset)
            }
            None => from.block == book.block_count() && offset == 0,
        };
        // Text that stops decoding before `offset` gives lines that stop at once, and say why.
        let corrupt = current.as_ref().is_some_and(|b| b.text.is_corrupt());
        if !valid && !corrupt {
            return Err(outside);
        }
        if corrupt {
            current = None;
        }
        Ok(Lines {
            fonts,
            geometry,
            blocks,
            before,
            current,
            block: from.block,
            offset,
            plan: None,
            candidate: 0,
            after_hyphen: false,
            baked,
            fault: false,
            corrupt,
            #[cfg(feature = "breaking")]
            page: None,
        })
    }

    /// Moves to the line that starts at or holds `target`, in the current block.
    fn seek(&mut self, target: Position) {
        loop {
            let before = self.clone();
            if self.next_with_text().is_none() {
                *self = before;
                return;
            }
            let next = self.position();
            if next > target || next.block != target.block {
                *self = before;
                return;
            }
            if next == target {
                return;
            }
        }
    }

    /// Whether `block` is set with Knuth–Plass.
    fn planned(&self, block: Block<'_>) -> bool {
        // Without `justify`, `Layout::new` turns justified profiles down.
        cfg!(feature = "justify")
            && self.geometry.align == Align::Justify
            && matches!(
                block.kind,
                BlockKind::Paragraph | BlockKind::ListItem { .. }
            )
    }

    /// Lines from the start of the book.
    pub(crate) fn from_start(book: &'a Book<'_>, fonts: &'f F, geometry: &'f Geometry) -> Self {
        let mut blocks = book.blocks();
        Lines {
            fonts,
            geometry,
            before: None,
            current: blocks.next(),
            blocks,
            block: 0,
            offset: 0,
            plan: None,
            candidate: 0,
            after_hyphen: false,
            baked: None,
            fault: false,
            corrupt: false,
            #[cfg(feature = "breaking")]
            page: None,
        }
    }

    /// These lines' texts keep what they decode in `page` (laying a page out), or read it
    /// back from there (drawing it, once [`PageText::finish`] was called).
    #[cfg(feature = "breaking")]
    pub(crate) fn share_page(&mut self, page: &'a PageText) {
        self.page = Some(page);
        self.share_current();
    }

    #[cfg(feature = "breaking")]
    fn share_current(&mut self) {
        if let (Some(page), Some(block)) = (self.page, &mut self.current) {
            block.text.share_page(page, self.block, to_u32(self.offset));
        }
    }

    /// The text of block `block` as read so far, if it is the block being set.
    pub(crate) fn text_of(&self, block: u32) -> Option<&Text<'a>> {
        self.current
            .as_ref()
            .filter(|_| self.block == block)
            .map(|b| &b.text)
    }

    /// Where the next line will start (leading spaces skipped), or the end of the book.
    pub(crate) fn position(&mut self) -> Position {
        self.skip_blank();
        Position::new(self.block, to_u32(self.offset))
    }

    /// Moves past spaces and past blocks with nothing left to draw.
    fn skip_blank(&mut self) {
        while let Some(block) = &mut self.current {
            // Preformatted text keeps its spaces, leading ones included.
            if !block.kind.is_preformatted() {
                while block.text.char_at(self.offset).is_some_and(is_space) {
                    self.offset += 1;
                }
            }
            // A thematic break has no text, and is still a line of its own.
            let rule = block.kind == BlockKind::Rule && self.offset == 0;
            let more = self.offset < block.text.len() || rule;
            // Text that stopped decoding reads as ending early: that is no end of the block.
            let corrupt = block.text.is_corrupt();
            if self.stop_if_corrupt(corrupt) || more {
                return;
            }
            self.next_block();
        }
    }
}

impl<'a, F: Family> Lines<'a, '_, F> {
    /// The next line with its text, so drawing need not look the block up again.
    ///
    /// The text comes back positioned at the line's start, so reading the line costs no more
    /// than the line, coded or not.
    pub(crate) fn next_with_text(&mut self) -> Option<(Line, Block<'a>)> {
        let mut block = Block::new(BlockKind::Paragraph, "");
        let line = self.next_kept(None, &mut block)?;
        Some((line, block))
    }

    /// [`Lines::next_with_text`], with the line's block put in `block` (its text at the line's
    /// start), and keeping a baked line's characters in `kept` as they are measured, so that
    /// drawing need not decode them again. Any other line leaves `kept` holding nothing.
    ///
    /// The block is the caller's, not returned: copied once into where it is read from, not
    /// copied here and then again into a return value, on the stack of every page drawn.
    pub(crate) fn next_kept(
        &mut self,
        mut kept: Option<&mut LineText>,
        block: &mut Block<'a>,
    ) -> Option<Line> {
        if let Some(kept) = kept.as_deref_mut() {
            kept.forget();
        }
        self.skip_blank();
        *block = *self.current.as_ref()?;
        let block: &Block<'a> = block;
        // Leading spaces were skipped, so the offset alone cannot tell; only spaces before it
        // means this is still the block's first line. Stops at the first non-space, so it
        // costs nothing for blocks without leading spaces.
        let first_in_block = self.offset == 0 || {
            let mut probe = block.text;
            (0..self.offset).all(|i| probe.char_at(i).is_some_and(is_space))
        };
        let indents = self.geometry.indents(block, self.before);
        let (left, measure) = self.geometry.place(block, indents && first_in_block);
        let mut fonts = BlockFonts::new(self.fonts, block);
        let height = fonts.base().line_height();
        let broken = if let Some(codes) = &mut self.baked {
            let mut text = block.text;
            let preformatted = block.kind.is_preformatted();
            if let Some(kept) = kept.as_deref_mut() {
                kept.open(self.block, self.offset);
            }
            let baked = codes
                .next_in(self.block)
                .and_then(|code| {
                    baked_line(&mut fonts, &mut text, self.offset, code, preformatted, kept)
                })
                // A thematic break is one empty line to its block's end.
                .filter(|b| block.kind != BlockKind::Rule || b.end == 0);
            // A length that does not fit may be the text's fault: bits that decode to other
            // characters for a while before they stop decoding. Only then is the whole block
            // read, to tell damaged text from damaged line breaks.
            let corrupt = text.is_corrupt() || (baked.is_none() && damaged(&block.text));
            if self.stop_if_corrupt(corrupt) {
                return None;
            }
            let Some(broken) = baked else {
                self.fault = true;
                self.current = None;
                return None;
            };
            if let Some(current) = &mut self.current {
                current.text = text;
            }
            broken
        } else if !cfg!(feature = "breaking") {
            // No line breaking on board: `Layout` lays out baked displays only, and anything
            // else stops here rather than set lines differently from the page index.
            self.fault = true;
            self.current = None;
            return None;
        } else if block.kind == BlockKind::Rule {
            Broken {
                end: 0,
                width: 0,
                gaps: 0,
                kind: LineEnd::BlockEnd,
                next: 0,
            }
        } else {
            self.break_on_board(block, fonts, measure, indents)?
        };
        // Every branch kept the text it read. Coded text that stops decoding reads as ending
        // early: a block's last line checks that its text really ends there.
        let block_end = broken.kind == LineEnd::BlockEnd;
        let corrupt = self
            .current
            .as_mut()
            .is_some_and(|b| b.text.is_corrupt() || (block_end && !b.text.reads_whole()));
        if self.stop_if_corrupt(corrupt) {
            return None;
        }
        let line = Line {
            block: self.block,
            start: to_u32(self.offset),
            end: to_u32(broken.end),
            width: broken.width,
            gaps: broken.gaps,
            end_kind: broken.kind,
            kind: block.kind,
            nesting: block.nesting,
            first_in_block,
            left,
            measure,
            height,
        };
        self.offset = broken.next;
        if broken.kind == LineEnd::BlockEnd {
            self.next_block();
        }
        Some(line)
    }

    fn next_block(&mut self) {
        self.before = self.current.as_ref().and_then(paragraph_nesting);
        self.blocks.next_into(&mut self.current);
        self.block = self.block.saturating_add(1);
        self.offset = 0;
        self.plan = None;
        self.after_hyphen = false;
        #[cfg(feature = "breaking")]
        self.share_current();
    }

    /// The next line of a justified paragraph: the chunk's plan, replayed. `widths` are the
    /// block's lines, this line (narrower when it is an indented first line), and the
    /// narrowest line of the block.
    /// The line from the current offset of `block`, broken here rather than read from a
    /// page index: justified through its paragraph's plan, else greedily. `None` if the text
    /// stopped decoding. Out of line, so that a baked line's frame keeps none of its room.
    #[inline(never)]
    fn break_on_board(
        &mut self,
        block: &Block<'a>,
        mut fonts: BlockFonts<'_, 'a, F>,
        measure: u32,
        indents: bool,
    ) -> Option<Broken> {
        if self.planned(*block) {
            let (_, full) = self.geometry.place(block, false);
            // Words too wide for any line are cut to the block's narrowest line, whichever
            // line asks, so the plan and its replays see the same candidates.
            let (_, narrowest) = self.geometry.place(block, indents);
            return Some(self.justified(*block, fonts, [full, measure, narrowest]));
        }
        let mut text = block.text;
        let broken = if block.kind.is_preformatted() {
            break_preformatted(&mut fonts, &mut text, self.offset, measure)
        } else {
            break_line(&mut fonts, &mut text, self.offset, measure)
        };
        if self.stop_if_corrupt(text.is_corrupt()) {
            return None;
        }
        // Kept, with its checkpoints: the next line starts inside what it has read.
        if let Some(current) = &mut self.current {
            current.text = text;
        }
        Some(broken)
    }

    fn justified(
        &mut self,
        block: Block<'a>,
        fonts: BlockFonts<'_, 'a, F>,
        widths: [u32; 3],
    ) -> Broken {
        let [width, this, cut_width] = widths;
        let text = block.text;
        let measure = Measure {
            width,
            first: this,
            cut: cut_width,
            space: fonts.space(),
            hyphen: fonts.hyphen(),
        };
        let plan = match self.plan {
            Some(plan) if self.candidate < plan.last() => plan,
            _ => {
                self.candidate = 0;
                let planned = knuth_plass::plan(
                    fonts,
                    text,
                    block.hyphens,
                    self.offset,
                    self.after_hyphen,
                    measure,
                );
                let Some(plan) = planned else {
                    // Nothing is set from a chunk that stops decoding: the lines stop here.
                    self.stop_if_corrupt(true);
                    return Broken {
                        end: self.offset,
                        width: 0,
                        gaps: 0,
                        kind: LineEnd::BlockEnd,
                        next: self.offset,
                    };
                };
                *self.plan.insert(plan)
            }
        };
        self.replay(block, fonts, plan, measure)
    }

    /// Cuts the next line of `plan` out of its candidates. Never inlined: its candidates
    /// then take stack only while it runs, not while Knuth–Plass weighs a chunk.
    #[inline(never)]
    fn replay(
        &mut self,
        block: Block<'a>,
        mut fonts: BlockFonts<'_, 'a, F>,
        plan: Plan,
        measure: Measure,
    ) -> Broken {
        let mut text = block.text;
        let mut candidates = Candidates::new(fonts, text, block.hyphens, self.offset, measure.cut);
        for (index, candidate) in (self.candidate.saturating_add(1)..).zip(candidates.by_ref()) {
            if !plan.breaks_at(index) && !candidate.forced() {
                continue;
            }
            // Kept, with its checkpoints: the next line starts inside what it has read.
            if let Some(current) = &mut self.current {
                current.text = candidates.text();
            }
            self.candidate = index;
            self.after_hyphen = candidate.flagged();
            let (kind, hyphen) = match candidate.kind {
                Kind::Glue | Kind::Hyphen => (LineEnd::Wrap, 0),
                Kind::Cut | Kind::Discretionary => (LineEnd::Split, measure.hyphen),
                Kind::HardBreak => (LineEnd::HardBreak, 0),
                Kind::BlockEnd => (LineEnd::BlockEnd, 0),
            };
            return Broken {
                end: candidate.end,
                width: candidate.width + hyphen,
                gaps: candidate.gaps,
                kind,
                next: candidate.next,
            };
        }
        // The plan always ends in a kept break; should it not, fall back to greedy.
        break_line(&mut fonts, &mut text, self.offset, measure.first)
    }
}

impl<F: Family> Iterator for Lines<'_, '_, F> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        let mut block = Block::new(BlockKind::Paragraph, "");
        self.next_kept(None, &mut block)
    }
}

/// The nesting of `block` if it is a paragraph: what a first-line indent after it depends on.
fn paragraph_nesting(block: &Block<'_>) -> Option<Nesting> {
    (block.kind == BlockKind::Paragraph).then_some(block.nesting)
}

/// Whether `text` does not decode: read whole, so asked only once a line has failed.
#[cold]
#[inline(never)]
fn damaged(text: &Text<'_>) -> bool {
    text.check().is_err()
}

/// Offsets are checked to fit a u32 when a book is opened.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
