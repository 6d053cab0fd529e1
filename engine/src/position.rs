//! Reading positions.

use serde::{Deserialize, Serialize};

/// A place in the text: a block and a byte offset into that block's text.
///
/// Positions survive a change of font, size or display; page numbers are derived from them.
/// They order the way the text reads.
///
/// ```
/// use inkleaf::{font::MONO_8X13, Book, Layout, Position, Profile};
///
/// # let blob = include_bytes!("../../tests/fixtures/device/article-2.9in.inkleaf");
/// let book = Book::from_bytes(blob)?;
/// let small = book.layout()?;
/// // The reader was on page 5; what it keeps is where that page starts.
/// let reading: Position = small.page(5)?.start;
/// // After switching to a larger font, the page that holds that place.
/// let large = Layout::new(&book, Profile::new(296, 128), &MONO_8X13)?;
/// let page = large.page_of(reading)?;
/// assert!(page.contains(reading));
/// assert!(Position::START < reading);
/// # Ok::<(), inkleaf::Error>(())
/// ```
#[derive(
    Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Position {
    /// Index of the block.
    pub block: u32,
    /// Byte offset into the block's text, on a character boundary.
    pub offset: u32,
}

impl Position {
    /// The start of the text.
    pub const START: Position = Position {
        block: 0,
        offset: 0,
    };

    /// A position at `offset` bytes into block `block`.
    pub const fn new(block: u32, offset: u32) -> Self {
        Position { block, offset }
    }
}
