//! The faces of a family, and which one sets a character of a block.

use crate::text::{BlockKind, Style};

/// One face of a font family. A blob packs the faces its text uses; a face it lacks is set
/// in the face it stands in for (see [`Face::stand_in`]), down to [`Face::Regular`].
///
/// ```
/// use inkleaf::font::Face;
/// use inkleaf::text::{BlockKind, Style};
///
/// assert_eq!(Face::of(BlockKind::Paragraph, Style::BOLD.with(Style::ITALIC)), Face::BoldItalic);
/// assert_eq!(Face::of(BlockKind::Paragraph, Style::MONO.with(Style::BOLD)), Face::Mono);
/// assert_eq!(Face::of(BlockKind::Code, Style::PLAIN), Face::Mono);
/// assert_eq!(Face::of(BlockKind::Heading(1), Style::ITALIC), Face::Heading1);
/// assert_eq!(Face::of(BlockKind::Heading(3), Style::PLAIN), Face::Bold);
/// assert_eq!(Face::Heading2.stand_in(), Some(Face::Bold));
/// assert_eq!(Face::BoldItalic.stand_in(), Some(Face::Bold));
/// assert_eq!(Face::Regular.stand_in(), None);
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Face {
    /// Body text.
    Regular = 0,
    /// Strong emphasis, table headers and headings from level 3 down.
    Bold = 1,
    /// Emphasis.
    Italic = 2,
    /// Emphasis inside strong emphasis.
    BoldItalic = 3,
    /// Code, in spans and blocks.
    Mono = 4,
    /// Level-1 headings: larger and bold.
    Heading1 = 5,
    /// Level-2 headings: a little larger and bold.
    Heading2 = 6,
}

impl Face {
    /// How many faces a family has.
    pub const COUNT: usize = 7;
    /// Every face, in stored order.
    pub const ALL: [Face; Face::COUNT] = [
        Face::Regular,
        Face::Bold,
        Face::Italic,
        Face::BoldItalic,
        Face::Mono,
        Face::Heading1,
        Face::Heading2,
    ];

    /// The face for a stored byte.
    pub fn from_byte(byte: u8) -> Option<Face> {
        Face::ALL.get(usize::from(byte)).copied()
    }

    /// The face that sets text of `style` in a block of `kind`.
    pub fn of(kind: BlockKind, style: Style) -> Face {
        match kind {
            BlockKind::Code => return Face::Mono,
            BlockKind::Heading(1) => return Face::Heading1,
            BlockKind::Heading(2) => return Face::Heading2,
            _ => {}
        }
        if style.has(Style::MONO) {
            return Face::Mono;
        }
        let bold = style.has(Style::BOLD)
            || kind.is_heading()
            || matches!(kind, BlockKind::TableRow { header: true });
        match (bold, style.has(Style::ITALIC)) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        }
    }

    /// The face set in this one's place when a family lacks it.
    pub fn stand_in(self) -> Option<Face> {
        match self {
            Face::Regular => None,
            Face::Bold | Face::Italic | Face::Mono => Some(Face::Regular),
            Face::BoldItalic | Face::Heading1 | Face::Heading2 => Some(Face::Bold),
        }
    }

    /// Whether the face is italic, so a family without italics should mark it another way.
    pub fn is_italic(self) -> bool {
        matches!(self, Face::Italic | Face::BoldItalic)
    }

    /// Whether the face is bold, so a family that stands a plain face in for it should
    /// embolden it when drawing.
    pub fn is_bold(self) -> bool {
        matches!(
            self,
            Face::Bold | Face::BoldItalic | Face::Heading1 | Face::Heading2
        )
    }
}
