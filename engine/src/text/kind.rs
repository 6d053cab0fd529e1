//! What a block is and where it sits: its kind, and the quotes and lists it is nested in.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::format::{Take, Wire};

/// What a block is, which decides how it is set.
///
/// ```
/// use inkleaf::text::{BlockKind, Marker};
///
/// let item = BlockKind::ListItem { marker: Marker::Number { value: 3, delimiter: b'.' }, loose: false };
/// assert!(item.is_list_item() && !item.is_heading());
/// assert!(BlockKind::Heading(2).is_heading());
/// assert!(BlockKind::Code.is_preformatted());
/// ```
#[non_exhaustive]
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlockKind {
    /// Body text.
    #[default]
    Paragraph,
    /// A heading of level 1 (largest) to 6.
    Heading(u8),
    /// The first block of a list item: its marker is drawn in the hanging indent before it.
    /// Later blocks of the same item are nested one list level deeper, without a marker.
    ListItem {
        /// The marker as written.
        marker: Marker,
        /// A loose list (blank lines between its items) keeps paragraph spacing between
        /// items; a tight one sets them close.
        loose: bool,
    },
    /// Preformatted text, such as a code block: line breaks and runs of spaces are kept, it
    /// is set in the monospaced face, never justified or hyphenated, and a line too long for
    /// the measure wraps with a continuation mark.
    Code,
    /// A thematic break (`***`, `<hr>`): drawn as a short rule; its text is empty.
    Rule,
    /// A row of a table: its cells, in order, separated by `" | "`.
    TableRow {
        /// The table's header row, set bold.
        header: bool,
    },
}

/// A list item's marker.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Marker {
    /// A bullet, with the character it was written with (`-`, `*` or `+` in Markdown); drawn
    /// as `•`, or `–` one level deeper.
    Bullet(u8),
    /// A number, with the ASCII delimiter written after it (`.` or `)`).
    Number {
        /// The item's number.
        value: u32,
        /// `b'.'` or `b')'`.
        delimiter: u8,
    },
    /// A task list item's box, checked or not.
    Task(bool),
}

impl BlockKind {
    /// Whether the block is a heading of any level.
    pub fn is_heading(self) -> bool {
        matches!(self, BlockKind::Heading(_))
    }

    /// Whether the block opens a list item.
    pub fn is_list_item(self) -> bool {
        matches!(self, BlockKind::ListItem { .. })
    }

    /// Whether line breaks and spaces are kept as written.
    pub fn is_preformatted(self) -> bool {
        matches!(self, BlockKind::Code)
    }

    /// Checks a kind read from a blob: heading levels 1 to 6, a number's delimiter `.` or
    /// `)`, a bullet written with a visible ASCII character.
    pub(crate) fn checked(self) -> Result<Self, Error> {
        self.fault()
            .map_or(Ok(self), |byte| Err(Error::UnknownBlockKind(byte)))
    }

    /// The byte that makes a kind read from a blob invalid, if any ([`BlockKind::checked`]).
    /// By reference: reading a block only asks whether its kind is valid, and a copy of the
    /// kind returned in a `Result` costs a `memcpy` deep in a page turn's stack.
    pub(crate) fn fault(&self) -> Option<u8> {
        match *self {
            BlockKind::Heading(level) if !(1..=6).contains(&level) => Some(level),
            BlockKind::ListItem {
                marker: Marker::Number { delimiter, .. },
                ..
            } if !matches!(delimiter, b'.' | b')') => Some(delimiter),
            BlockKind::ListItem {
                marker: Marker::Bullet(c),
                ..
            } if !c.is_ascii_graphic() => Some(c),
            _ => None,
        }
    }
}

/// The quotes and lists a block sits in, outermost first: up to [`Nesting::MAX`] levels, each
/// a quote (drawn with a rule at its left) or a list (a hanging indent).
///
/// ```
/// use inkleaf::text::Nesting;
///
/// // A list inside a quote inside a list.
/// let nesting = Nesting::TOP.list().quote().list();
/// assert_eq!(nesting.depth(), 3);
/// assert!(!nesting.is_quote(0) && nesting.is_quote(1) && !nesting.is_quote(2));
/// assert_eq!(nesting.quotes(), 1);
/// assert_eq!(Nesting::from_parts(9, 0), None);
/// ```
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Nesting {
    depth: u8,
    /// Bit `i` set: level `i` is a quote; clear: a list.
    quotes: u8,
}

impl Nesting {
    /// Not nested.
    pub const TOP: Nesting = Nesting {
        depth: 0,
        quotes: 0,
    };
    /// Levels kept; a writer folds deeper levels into the deepest.
    pub const MAX: u8 = 8;

    /// From stored parts: `None` for a depth past [`Nesting::MAX`] or quote bits past it.
    pub const fn from_parts(depth: u8, quotes: u8) -> Option<Nesting> {
        if depth > Nesting::MAX || (depth < 8 && quotes >> depth != 0) {
            return None;
        }
        Some(Nesting { depth, quotes })
    }

    /// Levels deep.
    pub const fn depth(self) -> u8 {
        self.depth
    }

    /// The stored quote bits.
    pub const fn quote_bits(self) -> u8 {
        self.quotes
    }

    /// Whether level `level` (0 outermost) is a quote.
    pub const fn is_quote(self, level: u8) -> bool {
        level < self.depth && self.quotes >> level & 1 == 1
    }

    /// How many of the levels are quotes.
    pub const fn quotes(self) -> u32 {
        self.quotes.count_ones()
    }

    /// How many of the levels are lists.
    pub const fn lists(self) -> u32 {
        self.depth as u32 - self.quotes.count_ones()
    }

    /// One level deeper, inside a quote (saturating at [`Nesting::MAX`]).
    #[must_use]
    pub const fn quote(self) -> Nesting {
        self.push(true)
    }

    /// One level deeper, inside a list item (saturating at [`Nesting::MAX`]).
    #[must_use]
    pub const fn list(self) -> Nesting {
        self.push(false)
    }

    const fn push(self, quote: bool) -> Nesting {
        if self.depth >= Nesting::MAX {
            return self;
        }
        Nesting {
            depth: self.depth + 1,
            quotes: self.quotes | ((quote as u8) << self.depth),
        }
    }
}

/// As postcard reads serde's encoding: the variant's number, then its fields in order.
impl Take<'_> for BlockKind {
    fn take(wire: &mut Wire<'_>) -> Option<Self> {
        Some(match wire.tag()? {
            0 => BlockKind::Paragraph,
            1 => BlockKind::Heading(wire.byte()?),
            2 => BlockKind::ListItem {
                marker: Marker::take(wire)?,
                loose: wire.bool()?,
            },
            3 => BlockKind::Code,
            4 => BlockKind::Rule,
            5 => BlockKind::TableRow {
                header: wire.bool()?,
            },
            _ => return None,
        })
    }
}

impl Take<'_> for Marker {
    fn take(wire: &mut Wire<'_>) -> Option<Self> {
        Some(match wire.tag()? {
            0 => Marker::Bullet(wire.byte()?),
            1 => Marker::Number {
                value: wire.u32()?,
                delimiter: wire.byte()?,
            },
            2 => Marker::Task(wire.bool()?),
            _ => return None,
        })
    }
}
