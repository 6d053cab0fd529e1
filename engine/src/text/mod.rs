//! A book's content as it reads: its blocks, their text decoded to characters (plain UTF-8
//! or coded with the blob's model), and where their words may break.

mod block;
mod hyphens;
#[allow(clippy::module_inception)]
mod text;

pub use block::{Block, BlockKind, Blocks};
pub use hyphens::Hyphens;
#[cfg(feature = "coded")]
pub(crate) use text::Mark;
pub use text::{CharsBetween, Text};
