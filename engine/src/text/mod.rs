//! A book's content as it reads: its blocks, their text decoded to characters (plain UTF-8
//! or coded with the blob's model), and where their words may break.

mod block;
mod chapters;
mod decode;
mod hyphens;
mod kind;
#[cfg(all(feature = "breaking", feature = "coded"))]
mod page_text;
mod style;

pub use block::{Block, Blocks};
pub use chapters::{Chapter, Chapters};
#[cfg(feature = "coded")]
pub(crate) use decode::Mark;
pub(crate) use decode::Place;
pub use decode::{CharsBetween, Text};
pub use hyphens::Hyphens;
pub use kind::{BlockKind, Marker, Nesting};
#[cfg(all(feature = "breaking", feature = "coded"))]
pub(crate) use page_text::PageText;

/// Plain text is read in place: without `coded`, a page keeps none of it.
#[cfg(all(feature = "breaking", not(feature = "coded")))]
#[derive(Debug)]
pub(crate) struct PageText;

#[cfg(all(feature = "breaking", not(feature = "coded")))]
impl PageText {
    pub(crate) fn new() -> Self {
        PageText
    }

    pub(crate) fn finish(&self) {}
}
pub(crate) use style::StyleCursor;
pub use style::{Run, Runs, Style};
