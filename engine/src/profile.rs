//! Display geometry and text settings.

use serde::{Deserialize, Serialize};

/// Empty pixels around the text area.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Margins {
    /// Above the first line.
    pub top: u16,
    /// Right of the text.
    pub right: u16,
    /// Below the last line (and below the footer).
    pub bottom: u16,
    /// Left of the text.
    pub left: u16,
}

impl Margins {
    /// The same margin on all four sides.
    pub const fn all(px: u16) -> Self {
        Margins {
            top: px,
            right: px,
            bottom: px,
            left: px,
        }
    }
}

/// How a line sits between the margins.
#[non_exhaustive]
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Align {
    /// Flush left, ragged right.
    Left,
    /// Flush on both sides by widening word gaps; the last line of a paragraph stays flush left.
    #[default]
    Justify,
}

/// Everything about a display that changes where pages break.
///
/// ```
/// use inkleaf::layout::{Align, Margins};
/// use inkleaf::Profile;
///
/// // A 4.2" panel, flush left, with room for a "page x / y" footer.
/// let profile = Profile {
///     margins: Margins::all(8),
///     align: Align::Left,
///     footer: true,
///     ..Profile::new(400, 300)
/// };
/// assert_eq!(profile.paragraph_spacing, 3);
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Display width in pixels.
    pub width: u16,
    /// Display height in pixels.
    pub height: u16,
    /// Empty pixels around the text.
    pub margins: Margins,
    /// Extra pixels between lines, on top of the font's line height.
    pub line_spacing: u16,
    /// Extra pixels before every block that does not start a page.
    pub paragraph_spacing: u16,
    /// Pixels the first line of a paragraph that follows a paragraph is indented, as books
    /// set prose; such paragraphs then get no `paragraph_spacing`. 0: blocks are set apart
    /// by spacing alone.
    pub indent: u16,
    /// Left or justified.
    pub align: Align,
    /// Reserve a line at the bottom for "page x / y".
    pub footer: bool,
}

impl Profile {
    /// A profile for a `width` x `height` display with a 4-pixel margin, justified text,
    /// 3 pixels between paragraphs and no footer. Justified text needs the engine's `justify`
    /// feature; without it, set `align: Align::Left`.
    pub const fn new(width: u16, height: u16) -> Self {
        Profile {
            width,
            height,
            margins: Margins::all(4),
            line_spacing: 0,
            paragraph_spacing: 3,
            indent: 0,
            align: Align::Justify,
            footer: false,
        }
    }
}
