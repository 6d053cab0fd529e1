//! The reader's decisions: each event a move from the current page and state to the next.

use super::{Event, Outcome, Reader};
use crate::font::Family;
use crate::text::Chapter;
use crate::{Error, Page, Position};

impl<'l, F: Family> Reader<'l, '_, F> {
    /// Does what `event` asks and says what the caller must do next: nothing, draw again,
    /// or lay the book out again ([`Outcome`]). Moves past the ends (the next page on the
    /// last page, the next chapter in the last one, a chapter the book does not have) change
    /// nothing and answer [`Outcome::Unchanged`]. Errors come from the book's data only.
    ///
    /// ```
    /// use inkleaf::reader::Outcome;
    /// use inkleaf::{Event, Reader, ReaderState};
    ///
    /// # let blob = include_bytes!("../../../tests/fixtures/device/book-4.2in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let layout = book.layout()?;
    /// let mut reader = Reader::new(&layout, ReaderState::START)?;
    /// assert_eq!(reader.handle(Event::LastPage)?, Outcome::Redraw);
    /// assert_eq!(reader.handle(Event::NextPage)?, Outcome::Unchanged);
    /// assert_eq!(reader.handle(Event::Percent(0))?, Outcome::Redraw);
    /// assert_eq!(reader.page_index(), 0);
    /// assert_eq!(reader.handle(Event::NextDisplay)?, Outcome::Unchanged); // baked for one
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn handle(&mut self, event: Event) -> Result<Outcome, Error> {
        if let Some(highlight) = self.contents {
            return self.handle_in_contents(highlight, event);
        }
        let last = self.total.saturating_sub(1);
        match event {
            Event::NextPage => self.turn_to(self.current.index.saturating_add(1)),
            Event::PreviousPage => match self.current.index.checked_sub(1) {
                Some(page) => self.turn_to(page),
                None => Ok(Outcome::Unchanged),
            },
            Event::FirstPage => self.turn_to(0),
            Event::LastPage => self.turn_to(last),
            Event::Percent(percent) => self.turn_to(page_for_percent(percent, self.total)),
            Event::Chapter(n) => match self.layout.book().chapter(n) {
                Some(chapter) => self.open_chapter(chapter),
                None => Ok(Outcome::Unchanged),
            },
            Event::NextChapter => self.next_chapter(),
            Event::PreviousChapter => self.previous_chapter(),
            Event::Contents => Ok(self.open_contents()),
            Event::Select => Ok(Outcome::Unchanged),
            Event::ToggleBookmark => Ok(self.toggle_bookmark()),
            Event::NextBookmark => self.next_bookmark(),
            Event::NextDisplay => Ok(self.next_display()),
            Event::Larger => Ok(self.resize(true)),
            Event::Smaller => Ok(self.resize(false)),
        }
    }

    /// Shows page `index` from its start; nothing changes on the current page or past the last.
    fn turn_to(&mut self, index: u32) -> Result<Outcome, Error> {
        if index == self.current.index || index >= self.total {
            return Ok(Outcome::Unchanged);
        }
        // The next page starts where this one ends: no need to look its start up.
        let page = if Some(index) == self.current.index.checked_add(1) {
            self.layout.page_at(index, self.current.end)?
        } else {
            self.layout.page(index)?
        };
        self.show(page, page.start);
        Ok(Outcome::Redraw)
    }

    /// Moves to `position`, showing the page that holds it; nothing changes when that is the
    /// current page.
    fn jump_to(&mut self, position: Position) -> Result<Outcome, Error> {
        if self.current.contains(position) {
            return Ok(Outcome::Unchanged);
        }
        let page = self.layout.page_of(position)?;
        self.show(page, position);
        Ok(Outcome::Redraw)
    }

    fn show(&mut self, page: Page<'l, F>, position: Position) {
        self.current = page.with_total(self.total);
        self.state.position = position;
    }

    pub(super) fn open_chapter(&mut self, chapter: Chapter<'_>) -> Result<Outcome, Error> {
        let start = self.first_line(&chapter)?;
        self.jump_to(start)
    }

    /// Where a chapter's first line starts: past the spaces its first block opens with and
    /// past blocks that set no line. That is on the page a table of contents names.
    fn first_line(&self, chapter: &Chapter<'_>) -> Result<Position, Error> {
        Ok(self.layout.lines_at(chapter.start)?.position())
    }

    /// The first chapter whose first line is past this page. A chapter that starts before
    /// this page has its first line on it or earlier, as the page holds a line.
    fn next_chapter(&mut self) -> Result<Outcome, Error> {
        let book = self.layout.book();
        for chapter in book.chapters().filter(|c| c.start >= self.current.start) {
            let start = self.first_line(&chapter)?;
            if start >= self.current.end {
                return self.jump_to(start);
            }
        }
        Ok(Outcome::Unchanged)
    }

    /// The last chapter whose first line is before this page: this chapter's start when the
    /// page is inside it, the chapter before when the page opens this one.
    fn previous_chapter(&mut self) -> Result<Outcome, Error> {
        let book = self.layout.book();
        let before = book
            .chapters()
            .take_while(|c| c.start < self.current.start)
            .count();
        // Usually the last of them; earlier ones only when its first line is on this page.
        for n in (0..before).rev() {
            let Some(chapter) = u32::try_from(n).ok().and_then(|n| book.chapter(n)) else {
                continue;
            };
            let start = self.first_line(&chapter)?;
            if start < self.current.start {
                return self.jump_to(start);
            }
        }
        Ok(Outcome::Unchanged)
    }

    /// Removes the bookmarks on this page, or adds one at its start (unless there are
    /// [`MAX_BOOKMARKS`](super::MAX_BOOKMARKS) already).
    fn toggle_bookmark(&mut self) -> Outcome {
        let page = self.current;
        let marks = &mut self.state.bookmarks;
        if marks.iter().any(|&b| page.contains(b)) {
            marks.retain(|b| !page.contains(*b));
            return Outcome::Redraw;
        }
        let at = marks.iter().take_while(|&&b| b < page.start).count();
        match marks.insert(at, page.start) {
            Ok(()) => Outcome::Redraw,
            Err(_) => Outcome::Unchanged,
        }
    }

    /// The first bookmark past this page, else the first of all.
    fn next_bookmark(&mut self) -> Result<Outcome, Error> {
        let marks = &self.state.bookmarks;
        let next = marks.iter().find(|&&b| b >= self.current.end);
        match next.or(marks.first()).copied() {
            Some(mark) => self.jump_to(mark),
            None => Ok(Outcome::Unchanged),
        }
    }

    fn next_display(&mut self) -> Outcome {
        let count = self.layout.book().display_count();
        if count <= 1 {
            return Outcome::Unchanged;
        }
        self.state.display = self.state.display.saturating_add(1) % count;
        Outcome::Relayout
    }

    /// The nearest text size larger (or smaller) than this one in pixels, whatever order
    /// the blob stores its sizes in; unchanged at either end.
    fn resize(&mut self, larger: bool) -> Outcome {
        let book = self.layout.book();
        let Some(now) = book.size_px(self.state.size) else {
            return Outcome::Unchanged;
        };
        let nearest = (0..book.size_count())
            .filter_map(|size| Some((book.size_px(size)?, size)))
            .filter(|&(px, _)| if larger { px > now } else { px < now })
            .min_by_key(|&(px, _)| px.abs_diff(now));
        match nearest {
            Some((_, size)) => {
                self.state.size = size;
                Outcome::Relayout
            }
            None => Outcome::Unchanged,
        }
    }
}

/// The first page whose status line shows at least `percent` (`page × 100 / total`, pages
/// from 1): page `⌈percent × total / 100⌉`, from 1.
fn page_for_percent(percent: u8, total: u32) -> u32 {
    let share = u64::from(percent.min(100)) * u64::from(total);
    let page = share.div_ceil(100).saturating_sub(1);
    u32::try_from(page)
        .unwrap_or(u32::MAX)
        .min(total.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::page_for_percent;

    #[test]
    fn a_percentage_lands_on_the_first_page_that_shows_it() {
        assert_eq!(page_for_percent(0, 15), 0);
        assert_eq!(page_for_percent(100, 15), 14);
        assert_eq!(page_for_percent(250, 15), 14);
        for total in 1..40u32 {
            for percent in 0..=100u8 {
                let page = page_for_percent(percent, total);
                let shows = |page: u32| (page + 1) * 100 / total;
                assert!(shows(page) >= u32::from(percent), "{percent}% of {total}");
                assert!(page == 0 || shows(page - 1) < u32::from(percent));
            }
        }
    }
}
