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

impl<'a, F: Font> Lines<'a, '_, F> {
    /// The next line with its text, so drawing need not look the block up again.
    pub(crate) fn next_with_text(&mut self) -> Option<(Line, &'a str)> {
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
            // Leading spaces were skipped, so the offset alone cannot tell; only spaces
            // before it means this is still the block's first line. Stops at the first
            // non-space, so it costs nothing for blocks without leading spaces.
            first_in_block: block
                .text
                .get(..self.offset)
                .is_some_and(|before| before.chars().all(is_space)),
        };
        let text = block.text.get(self.offset..broken.end).unwrap_or("");
        self.offset = broken.next;
        if broken.kind == LineEnd::BlockEnd {
            self.current = self.blocks.next();
            self.block = self.block.saturating_add(1);
            self.offset = 0;
        }
        Some((line, text))
    }
}

impl<F: Font> Iterator for Lines<'_, '_, F> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        self.next_with_text().map(|(line, _)| line)
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

/// A run of text no line may break inside: up to a space, or through a hyphen or dash.
#[derive(Copy, Clone, Debug)]
struct Piece {
    end: usize,
    width: u32,
    /// Ends in a hyphen or dash after which the line may break without a space.
    open_end: bool,
}

/// Breaks one line of `text` starting at `start` (not a space) to fit `avail` pixels.
///
/// Works a piece at a time: only a piece that does not fit is looked at character by
/// character again, to cut it.
fn break_line<F: Font>(font: &F, text: &str, start: usize, avail: u32) -> Broken {
    let space = font.advance(' ');
    let mut line = Fit {
        end: start,
        width: 0,
        gaps: 0,
    };
    let mut wrap: Option<(Fit, usize)> = None;
    let (mut gap, mut open) = (false, false);
    let mut i = start;
    loop {
        let Some(c) = char_at(text, i) else {
            return Broken::at(line, LineEnd::BlockEnd, text.len());
        };
        if c == '\n' {
            return Broken::at(line, LineEnd::HardBreak, i + 1);
        }
        if is_space(c) {
            gap |= line.width > 0;
            i += 1;
            continue;
        }
        if (gap || open) && !is_dash(c) {
            wrap = Some((line, i));
        }
        let piece = scan_piece(font, text, i);
        let lead = if gap { space } else { 0 };
        let width = line.width.saturating_add(lead).saturating_add(piece.width);
        if width <= avail {
            line = Fit {
                end: piece.end,
                width,
                gaps: line.gaps + u32::from(gap),
            };
            (gap, open, i) = (false, piece.open_end, piece.end);
            continue;
        }
        if let Some((fit, next)) = wrap {
            return Broken::at(fit, LineEnd::Wrap, next);
        }
        if gap {
            // Only a space before a dash was left: breaking there beats cutting a word.
            return Broken::at(line, LineEnd::Wrap, i);
        }
        return cut(font, text, line, i, avail);
    }
}

/// Cuts the piece at `from`, which does not fit after `line`, where a hyphen still fits.
fn cut<F: Font>(font: &F, text: &str, line: Fit, from: usize, avail: u32) -> Broken {
    let hyphen = font.advance('-');
    let mut width = line.width;
    let mut best = None;
    for (i, c) in text.get(from..).unwrap_or("").char_indices() {
        width = width.saturating_add(font.advance(c));
        if width.saturating_add(hyphen) > avail {
            break;
        }
        best = Some((from + i + c.len_utf8(), width));
    }
    match best {
        Some((end, width)) => Broken {
            end,
            width: width + hyphen,
            gaps: line.gaps,
            kind: LineEnd::Split,
            next: end,
        },
        None if line.width > 0 => Broken::at(line, LineEnd::Wrap, from),
        // Not even one character and a hyphen fit: take one character, so the text moves on.
        None => {
            let c = char_at(text, from).unwrap_or(' ');
            let end = from + c.len_utf8();
            Broken::at(
                Fit {
                    end,
                    width: font.advance(c),
                    gaps: 0,
                },
                LineEnd::Wrap,
                end,
            )
        }
    }
}

/// Measures the piece starting at `start`.
fn scan_piece<F: Font>(font: &F, text: &str, start: usize) -> Piece {
    let mut width = 0u32;
    let mut previous = '\0';
    let mut i = start;
    while let Some(c) = char_at(text, i) {
        if is_space(c) || c == '\n' {
            break;
        }
        width = width.saturating_add(font.advance(c));
        i += c.len_utf8();
        // ASCII has one breaking character; test it before the dashes.
        let breaks = if c.is_ascii() {
            c == '-' && previous.is_alphanumeric()
        } else {
            is_dash(c)
        };
        if breaks {
            let next = char_at(text, i).unwrap_or(' ');
            let opens = if c == '-' {
                next.is_alphanumeric()
            } else {
                !is_space(next) && next != '\n' && !is_dash(next)
            };
            if opens {
                return Piece {
                    end: i,
                    width,
                    open_end: true,
                };
            }
        }
        previous = c;
    }
    Piece {
        end: i,
        width,
        open_end: false,
    }
}

/// The character at byte `i`, reading ASCII without decoding.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match *text.as_bytes().get(i)? {
        byte @ 0..=0x7F => Some(char::from(byte)),
        _ => text.get(i..)?.chars().next(),
    }
}

#[inline]
fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\r'
}

/// Dashes that a line may end with but never start with.
#[inline]
fn is_dash(c: char) -> bool {
    matches!(c, '\u{2014}' | '\u{2013}' | '\u{2015}')
}

/// Offsets are checked to fit a u32 when a book is opened.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
