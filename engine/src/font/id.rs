//! The names a blob gives the built-in fonts.

use serde::{Deserialize, Serialize};

use super::MonoFont;

/// A built-in font named in a blob.
///
/// ```
/// use inkleaf::font::{Font, FontId};
///
/// let font = FontId::Mono6x10.font();
/// assert_eq!((font.advance('m'), font.line_height()), (6, 10));
/// assert_eq!(FontId::ALL.map(FontId::name), ["6x10", "8x13", "10x20"]);
/// ```
///
/// Wire value is the variant index; new fonts are appended, never reordered.
#[non_exhaustive]
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FontId {
    /// 6x10 mono, see [`crate::font::MONO_6X10`].
    Mono6x10,
    /// 8x13 mono, see [`crate::font::MONO_8X13`].
    Mono8x13,
    /// 10x20 mono, see [`crate::font::MONO_10X20`].
    Mono10x20,
}

impl FontId {
    /// The font this id names.
    pub fn font(self) -> &'static MonoFont {
        match self {
            FontId::Mono6x10 => &super::MONO_6X10,
            FontId::Mono8x13 => &super::MONO_8X13,
            FontId::Mono10x20 => &super::MONO_10X20,
        }
    }

    /// Short name used by the CLI, such as `6x10`.
    pub fn name(self) -> &'static str {
        match self {
            FontId::Mono6x10 => "6x10",
            FontId::Mono8x13 => "8x13",
            FontId::Mono10x20 => "10x20",
        }
    }

    /// All built-in fonts, smallest first.
    pub const ALL: [FontId; 3] = [FontId::Mono6x10, FontId::Mono8x13, FontId::Mono10x20];
}
