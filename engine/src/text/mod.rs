//! A book's content as it reads: its blocks, their text decoded to characters (plain UTF-8
//! or coded with the blob's model), and where their words may break.

mod block;
mod chapters;
mod decode;
mod hyphens;
mod kind;
mod style;

pub use block::{Block, Blocks};
pub use chapters::{Chapter, Chapters};
#[cfg(feature = "coded")]
pub(crate) use decode::Mark;
pub(crate) use decode::Place;
pub use decode::{CharsBetween, Text};
pub use hyphens::Hyphens;
pub use kind::{BlockKind, Marker, Nesting};
pub(crate) use style::StyleCursor;
pub use style::{Run, Runs, Style};
