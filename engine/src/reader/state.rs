//! What a reader keeps between sessions: a position, bookmarks, and the display and size.

use serde::{Deserialize, Serialize};

use crate::{Book, Position};

/// Bookmarks a reader keeps at most.
pub const MAX_BOOKMARKS: usize = 8;

/// Everything a reader saves: a position (never a page number), bookmarks, the chosen
/// display and text size.
///
/// Positions survive a change of display or size, so after a relayout the reader lands on
/// the page holding [`ReaderState::position`]. [`ReaderState::save`] writes it as a small
/// checked record; [`ReaderState::restore`] reads it back.
///
/// ```
/// use inkleaf::{Event, Reader, ReaderState};
///
/// # let blob = include_bytes!("../../../tests/fixtures/device/book-4.2in.inkleaf");
/// let book = inkleaf::Book::from_bytes(blob)?;
/// let layout = book.layout()?;
/// let mut reader = Reader::new(&layout, ReaderState::START)?;
/// reader.handle(Event::LastPage)?;
/// let state = reader.state().clone();
/// assert_eq!(state.position, reader.page()?.start);
/// // Tomorrow, or after a change of display: back on the page holding that position.
/// let again = Reader::new(&layout, state)?;
/// assert_eq!(again.page_index(), layout.page_count() - 1);
/// # Ok::<(), inkleaf::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ReaderState {
    /// Where the reader is: the truth that the page shown is derived from.
    pub position: Position,
    /// Up to [`MAX_BOOKMARKS`] bookmarks, in reading order, no two alike.
    pub bookmarks: heapless::Vec<Position, MAX_BOOKMARKS>,
    /// Which of the book's displays ([`Book::display`]) to lay out for, from 0.
    pub display: u8,
    /// Which of the book's text sizes ([`Book::size_count`]) to lay out in, from 0.
    pub size: u8,
}

impl ReaderState {
    /// A book opened for the first time: its start, no bookmarks, the first display and size.
    ///
    /// ```
    /// use inkleaf::{Position, ReaderState};
    ///
    /// assert_eq!(ReaderState::START.position, Position::START);
    /// assert!(ReaderState::START.bookmarks.is_empty());
    /// ```
    pub const START: ReaderState = ReaderState {
        position: Position::START,
        bookmarks: heapless::Vec::new(),
        display: 0,
        size: 0,
    };

    /// Whether every position in the state is in `book`, the bookmarks in reading order with
    /// no two alike, and the display and size among the book's.
    pub(crate) fn check(&self, book: &Book<'_>) -> Result<(), super::StateFault> {
        use super::StateFault;
        let outside = |p: &Position| !super::inside(book, *p);
        if let Some(&p) = core::iter::once(&self.position)
            .chain(&self.bookmarks)
            .find(|p| outside(p))
        {
            return Err(StateFault::PositionOutside(p));
        }
        if self
            .bookmarks
            .windows(2)
            .any(|pair| matches!(pair, [a, b] if a >= b))
        {
            return Err(StateFault::BookmarksUnordered);
        }
        if self.display >= book.display_count().max(1) {
            return Err(StateFault::DisplayOutside(self.display));
        }
        if self.size >= book.size_count() {
            return Err(StateFault::SizeOutside(self.size));
        }
        Ok(())
    }
}

impl Default for ReaderState {
    fn default() -> Self {
        ReaderState::START
    }
}
