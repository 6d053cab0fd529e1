//! Where the chapters that open a page start, walked alongside the lines of a page.
//!
//! Pagination asks at every line whether a page must end before it; the answer is one
//! comparison, because the walk keeps the next such chapter's first block. Finding it for a
//! page reads the chapter records before it once (their first block and flag, not their
//! text), no more than opening a page reads the blocks before it.

use crate::format::ChapterRecord;

/// The first blocks of the chapters that open a page, past some block, in order.
#[derive(Copy, Clone, Debug)]
pub(crate) struct NewPages<'a> {
    /// The chapter records not yet read.
    rest: &'a [u8],
    /// The first block of the next chapter that opens a page.
    next: Option<u32>,
}

impl<'a> NewPages<'a> {
    /// The chapters of `part` (a checked chapter part) that open a page and start after
    /// `block`.
    pub(crate) fn after(part: &'a [u8], block: u32) -> Self {
        let mut breaks = NewPages {
            rest: part,
            next: None,
        };
        breaks.pass(block);
        breaks
    }

    /// Whether a line of `block`, following lines of earlier blocks on the same page, must
    /// open a new page: a chapter that opens one starts after those blocks and at or before
    /// `block`. Moves on past `block` either way.
    pub(crate) fn reached(&mut self, block: u32) -> bool {
        let reached = self.next.is_some_and(|next| next <= block);
        if reached {
            self.pass(block);
        }
        reached
    }

    /// Moves `next` to the first chapter opening a page that starts after `block`.
    fn pass(&mut self, block: u32) {
        self.next = None;
        while let Some((start, new_page, rest)) = ChapterRecord::skim(self.rest) {
            self.rest = rest;
            if new_page && start > block {
                self.next = Some(start);
                return;
            }
        }
    }
}
