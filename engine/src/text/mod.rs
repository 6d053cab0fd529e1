//! A book's content as it reads: its blocks, their text decoded to characters (plain UTF-8
//! or coded with the blob's model), and where their words may break.

mod block;
mod decode;
mod hyphens;

pub use block::{Block, BlockKind, Blocks};
#[cfg(feature = "coded")]
pub(crate) use decode::Mark;
pub use decode::{CharsBetween, Text};
pub use hyphens::Hyphens;
