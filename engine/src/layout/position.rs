//! Reading positions.

use serde::{Deserialize, Serialize};

/// A place in the text: a block and a byte offset into that block's text.
///
/// Positions survive a change of font, size or display; page numbers are derived from them.
/// They order the way the text reads.
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
