//! The reader core: what a device does with its buttons. A [`Reader`] turns [`Event`]s into
//! moves over a [`Layout`], keeps its [`ReaderState`] (a position, never a page number),
//! and draws the page with its status line, or the table of contents.
//!
//! ```
//! use embedded_graphics::pixelcolor::BinaryColor;
//! # use embedded_graphics::mock_display::MockDisplay;
//! use inkleaf::reader::Outcome;
//! use inkleaf::{Book, Event, Reader, ReaderState};
//!
//! # let blob = include_bytes!("../../../tests/fixtures/device/book-4.2in.inkleaf");
//! # let mut display = MockDisplay::<BinaryColor>::new();
//! # display.set_allow_out_of_bounds_drawing(true);
//! # display.set_allow_overdraw(true);
//! let book = Book::from_bytes(blob)?;
//! # let mut saved = [0u8; ReaderState::MAX_LEN];
//! # let len = ReaderState::START.save(&book, &mut saved)?;
//! # let saved = &saved[..len];
//! // Where the reader left off, or the start if the record is missing or bad.
//! let state = ReaderState::restore(&book, saved).unwrap_or(ReaderState::START);
//! let layout = book.layout()?;
//! let mut reader = Reader::new(&layout, state)?;
//! reader.draw(&mut display)?;
//! for event in [Event::NextPage, Event::NextChapter, Event::Contents, Event::Select] {
//!     match reader.handle(event)? {
//!         Outcome::Unchanged => {}
//!         Outcome::Redraw => reader.draw(&mut display)?,
//!         Outcome::Relayout => { /* lay out for reader.state().display and .size */ }
//!     }
//! }
//! assert!(!reader.in_contents());
//! # Ok::<(), inkleaf::Error>(())
//! ```

mod contents;
// The reader's tests read the committed fixtures: justified, coded with the built-in model.
#[cfg(all(test, feature = "justify", feature = "english"))]
mod drawing_tests;
mod event;
mod identity;
mod moves;
mod record;
#[cfg(all(test, feature = "justify", feature = "english"))]
mod record_tests;
mod state;
#[cfg(all(test, feature = "justify", feature = "english"))]
mod tests;

pub use event::{Event, Outcome};
pub use record::{StateFault, RECORD_VERSION};
pub use state::{ReaderState, MAX_BOOKMARKS};

use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::DrawTarget;
use embedded_graphics::Drawable;

use crate::font::Family;
use crate::{Error, Layout, Page, Position};

/// A book being read: a layout, the reader's state, the page it shows, and whether the
/// table of contents is open over it.
///
/// The page shown is always the one holding [`ReaderState::position`]; moves set the
/// position and the page follows.
///
/// ```
/// use inkleaf::{Event, Reader, ReaderState};
///
/// # let blob = include_bytes!("../../../tests/fixtures/device/book-4.2in.inkleaf");
/// let book = inkleaf::Book::from_bytes(blob)?;
/// let layout = book.layout()?;
/// let mut reader = Reader::new(&layout, ReaderState::START)?;
/// reader.handle(Event::Chapter(1))?;
/// let page = reader.page()?;
/// assert_eq!(page.index, layout.chapter_page(1)?);
/// assert!(page.contains(reader.state().position));
/// # Ok::<(), inkleaf::Error>(())
/// ```
#[derive(Debug)]
pub struct Reader<'l, 'a, F> {
    layout: &'l Layout<'a, F>,
    state: ReaderState,
    /// The page holding `state.position`.
    current: Page<'l, F>,
    /// The layout's page count, counted once.
    total: u32,
    /// The highlighted entry while the table of contents is open.
    contents: Option<u32>,
}

impl<'l, 'a, F: Family> Reader<'l, 'a, F> {
    /// A reader of `layout` on the page holding `state.position` (positions are the truth).
    /// A position at the very end of the book is moved to the start of the last page.
    ///
    /// Fails with [`Error::PositionOutOfRange`] if the position is not in the book. A layout
    /// without a baked page index is laid out once here to count its pages.
    ///
    /// ```
    /// use inkleaf::{Position, Reader, ReaderState};
    ///
    /// # let blob = include_bytes!("../../../tests/fixtures/device/book-4.2in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let layout = book.layout()?;
    /// let middle = layout.page(3)?.lines()?.nth(2).unwrap().position();
    /// let state = ReaderState { position: middle, ..ReaderState::START };
    /// let reader = Reader::new(&layout, state)?;
    /// assert_eq!(reader.page_index(), 3);
    /// assert_eq!(reader.state().position, middle); // kept, not rounded to the page start
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn new(layout: &'l Layout<'a, F>, mut state: ReaderState) -> Result<Self, Error> {
        let current = layout.page_of(state.position)?;
        if !current.contains(state.position) {
            state.position = current.start;
        }
        let total = layout.page_count();
        Ok(Reader {
            layout,
            state,
            current: current.with_total(total),
            total,
            contents: None,
        })
    }

    /// What the reader would save ([`ReaderState::save`]).
    pub fn state(&self) -> &ReaderState {
        &self.state
    }

    /// The page the reader shows (under the contents view, while that is open), with the
    /// book's page count set for its status line.
    pub fn page(&self) -> Result<Page<'l, F>, Error> {
        Ok(self.current)
    }

    /// The number (from 0) of the page the reader shows.
    pub fn page_index(&self) -> u32 {
        self.current.index
    }

    /// The layout's page count.
    pub fn page_count(&self) -> u32 {
        self.total
    }

    /// Whether the table of contents view is open.
    pub fn in_contents(&self) -> bool {
        self.contents.is_some()
    }

    /// The highlighted entry of the open table of contents, from 0.
    pub fn highlighted(&self) -> Option<u32> {
        self.contents
    }

    /// Draws what the reader shows: the page, with its status line when the profile has a
    /// footer ([`Profile::footer`](crate::Profile)), or the table of contents. Paper is
    /// [`BinaryColor::Off`], ink [`BinaryColor::On`]; nothing is drawn outside the page.
    ///
    /// ```
    /// use inkleaf::{draw::Framebuffer, Event, Reader, ReaderState};
    ///
    /// # let blob = include_bytes!("../../../tests/fixtures/device/book-4.2in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let layout = book.layout()?;
    /// let mut reader = Reader::new(&layout, ReaderState::START)?;
    /// let (width, height) = (layout.profile().width.into(), layout.profile().height.into());
    /// let mut bytes = vec![0u8; Framebuffer::<&mut [u8]>::bytes_needed(width, height)];
    /// let mut screen = Framebuffer::new(&mut bytes[..], width, height)?;
    /// reader.handle(Event::Contents)?;
    /// reader.draw(&mut screen)?;
    /// assert!(screen.as_bytes().iter().any(|&byte| byte != 0)); // the chapter titles
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn draw<D: DrawTarget<Color = BinaryColor>>(&self, target: &mut D) -> Result<(), D::Error> {
        match self.contents {
            Some(highlight) => contents::draw(self.layout, highlight, target),
            None => self.current.draw(target),
        }
    }
}

/// Whether `position` is a place in `book`: a character boundary of one of its blocks, or
/// the end of the book.
fn inside(book: &crate::Book<'_>, position: Position) -> bool {
    match book.block(position.block) {
        Some(mut block) => block.text.is_boundary(position.offset as usize),
        None => position == Position::new(book.block_count(), 0),
    }
}
