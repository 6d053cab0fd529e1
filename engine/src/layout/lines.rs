//! Breaking block text into lines that fit the text width.
//!
//! Greedy, one character at a time, so a device needs no buffer: a line is a byte range of one
//! block's text plus the facts drawing needs (width, word gaps, how it ended). Lines break at
//! spaces, after a hyphen between letters, and after a dash, never before a dash. A word wider
//! than the line is cut where a hyphen still fits, so nothing is dropped or drawn past the edge.

use crate::blob::{Block, Blocks, Book};
use crate::font::Font;
use crate::Position;

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
}

/// One laid-out line: a byte range of one block's text.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// Block the line belongs to.
    pub block: u32,
    /// Byte offset of the first character.
    pub start: u32,
    /// Byte offset just past the last character drawn (trailing spaces excluded).
    pub end: u32,
    /// Width in pixels with normal word gaps, including a drawn hyphen.
    pub width: u32,
    /// Word gaps inside the line; runs of spaces count once.
    pub gaps: u32,
    /// How the line ends.
    pub end_kind: LineEnd,
    /// Whether the line belongs to a heading.
    pub heading: bool,
    /// Whether the line is the first of its block.
    pub first_in_block: bool,
}

impl Line {
    /// Where the line starts.
    pub fn position(&self) -> Position {
        Position::new(self.block, self.start)
    }

    /// Whether justification may widen this line's gaps.
    pub fn stretches(&self) -> bool {
        self.gaps > 0 && matches!(self.end_kind, LineEnd::Wrap | LineEnd::Split)
    }
}

/// Iterator over lines from a position onwards, across blocks.
#[derive(Debug)]
pub(crate) struct Lines<'a, 'f, F> {
    font: &'f F,
    text_width: u32,
    blocks: Blocks<'a>,
    current: Option<Block<'a>>,
    block: u32,
    offset: usize,
}

// Manual impl: the font is borrowed, so cloning needs no `F: Clone`.
impl<F> Clone for Lines<'_, '_, F> {
    fn clone(&self) -> Self {
        Lines { ..*self }
    }
}

impl<'a, 'f, F: Font> Lines<'a, 'f, F> {
    /// Lines starting at `from`, which must be a character boundary inside the book.
    pub(crate) fn new(
        book: &Book<'a>,
        font: &'f F,
        text_width: u32,
        from: Position,
    ) -> Option<Self> {
        let mut blocks = book.blocks();
        let skip = usize::try_from(from.block).ok()?;
        let current = blocks.nth(skip);
        let offset = usize::try_from(from.offset).ok()?;
        match current {
            Some(block) if !block.text.is_char_boundary(offset) => return None,
            None if from.block != book.block_count() || offset != 0 => return None,
            _ => {}
        }
        Some(Lines {
            font,
            text_width,
            blocks,
            current,
            block: from.block,
            offset,
        })
    }

    /// Lines from the start of the book.
    pub(crate) fn from_start(book: &Book<'a>, font: &'f F, text_width: u32) -> Self {
        let mut blocks = book.blocks();
        Lines {
            font,
            text_width,
            current: blocks.next(),
            blocks,
            block: 0,
            offset: 0,
        }
    }

    /// Where the next line will start (leading spaces skipped), or the end of the book.
    pub(crate) fn position(&mut self) -> Position {
        self.skip_blank();
        Position::new(self.block, to_u32(self.offset))
    }

    /// Moves past spaces and past blocks with nothing left to draw.
    fn skip_blank(&mut self) {
        while let Some(block) = self.current {
            let rest = block.text.get(self.offset..).unwrap_or("");
            let trimmed = rest.trim_start_matches(is_space);
            if trimmed.is_empty() {
                self.current = self.blocks.next();
                self.block = self.block.saturating_add(1);
                self.offset = 0;
                continue;
            }
            self.offset += rest.len() - trimmed.len();
            return;
        }
    }
}

impl<F: Font> Iterator for Lines<'_, '_, F> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        self.skip_blank();
        let block = self.current?;
        let heading = block.kind.is_heading();
        // Headings are set faux-bold, one pixel wider.
        let width = self.text_width.saturating_sub(u32::from(heading));
        let broken = break_line(self.font, block.text, self.offset, width);
        let line = Line {
            block: self.block,
            start: to_u32(self.offset),
            end: to_u32(broken.end),
            width: broken.width,
            gaps: broken.gaps,
            end_kind: broken.kind,
            heading,
            first_in_block: self.offset == 0,
        };
        self.offset = broken.next;
        if broken.kind == LineEnd::BlockEnd {
            self.current = self.blocks.next();
            self.block = self.block.saturating_add(1);
            self.offset = 0;
        }
        Some(line)
    }
}

/// The line state at a possible break.
#[derive(Copy, Clone, Debug)]
struct Fit {
    end: usize,
    width: u32,
    gaps: u32,
}

/// A line as [`break_line`] finds it.
#[derive(Copy, Clone, Debug)]
struct Broken {
    end: usize,
    width: u32,
    gaps: u32,
    kind: LineEnd,
    next: usize,
}

impl Broken {
    fn at(fit: Fit, kind: LineEnd, next: usize) -> Self {
        Broken {
            end: fit.end,
            width: fit.width,
            gaps: fit.gaps,
            kind,
            next,
        }
    }
}

/// Breaks one line of `text` starting at `start` (not a space) to fit `avail` pixels.
fn break_line<F: Font>(font: &F, text: &str, start: usize, avail: u32) -> Broken {
    let space = font.advance(' ');
    let hyphen = font.advance('-');
    let mut line = Fit {
        end: start,
        width: 0,
        gaps: 0,
    };
    let mut gap: Option<Fit> = None;
    let mut wrap: Option<(Fit, usize)> = None;
    let mut split: Option<Fit> = None;
    let mut before = ['\0'; 2];
    let rest = text.get(start..).unwrap_or("");
    for (i, c) in rest.char_indices().map(|(i, c)| (start + i, c)) {
        if c == '\n' {
            return Broken::at(line, LineEnd::HardBreak, i + 1);
        }
        if is_space(c) {
            if line.width > 0 && gap.is_none() {
                gap = Some(line);
            }
            before = ['\0'; 2];
            continue;
        }
        let pending = gap.take();
        let lead = if pending.is_some() { space } else { 0 };
        if let Some(opening) = break_before(pending, line, before, c) {
            wrap = Some((opening, i));
        }
        let width = line
            .width
            .saturating_add(lead)
            .saturating_add(font.advance(c));
        if width > avail && line.width > 0 {
            if let Some((fit, next)) = wrap {
                return Broken::at(fit, LineEnd::Wrap, next);
            }
            if let Some(fit) = pending {
                // Only a space before a dash was left: breaking there beats overflowing.
                return Broken::at(fit, LineEnd::Wrap, i);
            }
            if let Some(fit) = split {
                let hyphenated = Fit {
                    width: fit.width + hyphen,
                    ..fit
                };
                return Broken::at(hyphenated, LineEnd::Split, fit.end);
            }
            // Not even one character and a hyphen fit: cut without a hyphen.
            return Broken::at(line, LineEnd::Wrap, i);
        }
        line = Fit {
            end: i + c.len_utf8(),
            width,
            gaps: line.gaps + u32::from(pending.is_some()),
        };
        if width.saturating_add(hyphen) <= avail {
            split = Some(line);
        }
        before = [before[1], c];
    }
    Broken::at(line, LineEnd::BlockEnd, text.len())
}

/// The break opportunity just before `c`, if there is one.
fn break_before(gap: Option<Fit>, line: Fit, before: [char; 2], c: char) -> Option<Fit> {
    if is_dash(c) {
        return None;
    }
    if gap.is_some() {
        return gap;
    }
    let [two_back, one_back] = before;
    let after_hyphen = one_back == '-' && two_back.is_alphanumeric() && c.is_alphanumeric();
    let after_dash = is_dash(one_back);
    (after_hyphen || after_dash).then_some(line)
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\r'
}

/// Dashes that a line may end with but never start with.
fn is_dash(c: char) -> bool {
    matches!(c, '\u{2014}' | '\u{2013}' | '\u{2015}')
}

/// Offsets are checked to fit a u32 when a book is opened.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
