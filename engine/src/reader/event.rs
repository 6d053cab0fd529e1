//! What a reader is asked to do, and what its caller must do afterwards.

/// What a button or key asks for. Plain data: the reader's decisions are functions of its
/// state and an event ([`Reader::handle`](super::Reader::handle)).
///
/// ```
/// use inkleaf::{Event, Reader, ReaderState};
/// use inkleaf::reader::Outcome;
///
/// # let blob = include_bytes!("../../../tests/fixtures/device/book-4.2in.inkleaf");
/// let book = inkleaf::Book::from_bytes(blob)?;
/// let layout = book.layout()?;
/// let mut reader = Reader::new(&layout, ReaderState::START)?;
/// assert_eq!(reader.handle(Event::PreviousPage)?, Outcome::Unchanged); // on the first page
/// assert_eq!(reader.handle(Event::NextPage)?, Outcome::Redraw);
/// assert_eq!(reader.page_index(), 1);
/// # Ok::<(), inkleaf::Error>(())
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Event {
    /// The next page; in the contents view, the next entry.
    NextPage,
    /// The previous page; in the contents view, the previous entry.
    PreviousPage,
    /// The first page; in the contents view, the first entry.
    FirstPage,
    /// The last page; in the contents view, the last entry.
    LastPage,
    /// Jump to the first page of table-of-contents entry n (0-based). Past the last entry
    /// it does nothing.
    Chapter(u32),
    /// The first page of the next chapter (the first entry that starts after this page).
    NextChapter,
    /// The first page of this chapter, or of the one before when already there.
    PreviousChapter,
    /// Jump to the page holding this share of the book, 0..=100 (larger counts as 100): the
    /// first page whose status line shows at least this percentage.
    Percent(u8),
    /// Open or close the table of contents view. While it is open, the page moves move its
    /// highlight, [`Event::Select`] jumps to the highlighted entry, and other events do
    /// nothing. A book without a table of contents has no view to open.
    Contents,
    /// In the contents view, jump to the highlighted entry and close the view.
    Select,
    /// Add a bookmark at the current page's start, or remove the ones on this page.
    ToggleBookmark,
    /// Jump to the next bookmark after this page, wrapping round to the first.
    NextBookmark,
    /// The next display the blob was baked for, wrapping round.
    NextDisplay,
    /// The next larger text size the blob was baked for.
    Larger,
    /// The next smaller text size the blob was baked for.
    Smaller,
}

/// What the caller must do after an event.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Nothing changed: no need to draw or save.
    Unchanged,
    /// The reader shows something else, or its state changed: draw it again
    /// ([`Reader::draw`](super::Reader::draw)) and save the state.
    Redraw,
    /// The display or size index changed: build the layout for `state.display` and
    /// `state.size` ([`Book::display`](crate::Book::display)) and call
    /// [`Reader::new`](super::Reader::new) with the state again.
    Relayout,
}
