//! The records inside the payload, as they travel on the wire.

use serde::{Deserialize, Serialize};

use crate::font::MonoFont;
use crate::layout::Profile;

/// What a reader shows about a text before its first page.
///
/// Every field borrows from the blob; empty strings mean "unknown".
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta<'a> {
    /// Title of the text.
    pub title: &'a str,
    /// Author or byline.
    pub byline: &'a str,
    /// Where the text comes from (publication, file name or URL).
    pub source: &'a str,
    /// Publication date as written by the source, ideally ISO 8601.
    pub date: &'a str,
    /// BCP 47 language tag such as `en` or `en-GB`.
    pub language: &'a str,
}

/// A built-in font named in a blob.
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
            FontId::Mono6x10 => &crate::font::MONO_6X10,
            FontId::Mono8x13 => &crate::font::MONO_8X13,
            FontId::Mono10x20 => &crate::font::MONO_10X20,
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

/// The display profile and font a blob was built for, with the page count they give.
///
/// A device with this profile can trust `pages`; any other device paginates itself.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuiltFor {
    /// Display geometry and text settings.
    pub profile: Profile,
    /// Font used for the layout.
    pub font: FontId,
    /// Pages the text takes with this profile and font.
    pub pages: u32,
}

/// One block as stored in a blob without a text model: its kind byte and its text.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct RawBlock<'a> {
    pub(crate) kind: u8,
    pub(crate) text: &'a str,
    /// Encoded hyphenation points, see [`super::Hyphens`].
    pub(crate) hyphens: &'a [u8],
}

/// One block as stored in a blob with a text model: its kind byte, its text's length in
/// bytes and the bitstream that decodes to it (`docs/CODEC.md`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct RawCodedBlock<'a> {
    pub(crate) kind: u8,
    pub(crate) text_len: u32,
    pub(crate) bits: &'a [u8],
    /// Encoded hyphenation points, see [`super::Hyphens`].
    pub(crate) hyphens: &'a [u8],
}
