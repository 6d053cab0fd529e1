//! Filling pages with lines, for measuring and for drawing alike.

use super::lines::{Line, Lines};
use super::{Layout, Position};
use crate::font::Font;

/// One page: where it starts and where the next one starts.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// Zero-based page number.
    pub index: u32,
    /// Position of the page's first character.
    pub start: Position,
    /// Position where the next page starts, or the end of the book.
    pub end: Position,
    /// Lines on the page.
    pub lines: u32,
}

impl Page {
    /// Whether `position` falls on this page.
    pub fn contains(&self, position: Position) -> bool {
        self.start <= position && position < self.end
    }
}

/// What filling a page found.
#[derive(Copy, Clone, Debug)]
pub(crate) struct Filled {
    pub(crate) end: Position,
    pub(crate) lines: u32,
}

impl<'a, F: Font> Layout<'a, '_, F> {
    /// Places lines from `lines` on one page, calling `place` with each line and its top
    /// offset inside the text area. The single routine behind both pagination and drawing.
    pub(crate) fn fill<E>(
        &self,
        lines: &mut Lines<'a, '_, F>,
        mut place: impl FnMut(&Line, &'a str, u32) -> Result<(), E>,
    ) -> Result<Filled, E> {
        let mut y = 0u32;
        let mut count = 0u32;
        loop {
            let start = lines.position();
            let mut ahead = lines.clone();
            let Some((line, text)) = ahead.next_with_text() else {
                break;
            };
            let top = y + self.gap_before(&line, count);
            let fits = top + self.line_height() <= self.text_height();
            if count > 0 && (!fits || self.strands_heading(&line, lines.clone(), top)) {
                return Ok(Filled {
                    end: start,
                    lines: count,
                });
            }
            place(&line, text, top)?;
            *lines = ahead;
            y = top + self.line_pitch();
            count += 1;
        }
        Ok(Filled {
            end: lines.position(),
            lines: count,
        })
    }

    fn gap_before(&self, line: &Line, placed: u32) -> u32 {
        if placed == 0 || !line.first_in_block {
            return 0;
        }
        let spacing = u32::from(self.profile.paragraph_spacing);
        if line.heading {
            // A heading sits closer to what follows than to what precedes it.
            spacing + self.line_pitch() / 2
        } else {
            spacing
        }
    }

    /// Whether a heading starting at `top` would end the page without a line of its text.
    fn strands_heading(&self, line: &Line, mut lines: Lines<'_, '_, F>, top: u32) -> bool {
        if !line.heading || !line.first_in_block {
            return false;
        }
        let mut y = top;
        let _ = lines.next();
        for (placed, next) in (1u32..).zip(lines) {
            let next_top = y + self.line_pitch() + self.gap_before(&next, placed);
            if next_top + self.line_height() > self.text_height() {
                return true;
            }
            if !next.heading {
                return false;
            }
            y = next_top;
        }
        false
    }
}

/// Iterator over all pages, from the first or from a known page start.
#[derive(Clone, Debug)]
pub struct Pages<'l, 'a, 'f, F> {
    pub(crate) layout: &'l Layout<'a, 'f, F>,
    pub(crate) lines: Lines<'a, 'f, F>,
    pub(crate) index: u32,
}

impl<F: Font> Iterator for Pages<'_, '_, '_, F> {
    type Item = Page;

    fn next(&mut self) -> Option<Page> {
        let start = self.lines.position();
        let filled = self
            .layout
            .fill(&mut self.lines, |_, _, _| {
                Ok::<(), core::convert::Infallible>(())
            })
            .ok()?;
        if filled.lines == 0 {
            return None;
        }
        let page = Page {
            index: self.index,
            start,
            end: filled.end,
            lines: filled.lines,
        };
        self.index = self.index.saturating_add(1);
        Some(page)
    }
}
