//! Inline styles: which parts of a block's text are italic, bold, code or a link.
//!
//! A block's styles are a list of runs, each a length in bytes of its text and a [`Style`],
//! covering the text from its start; text past the last run is plain. A block with no runs,
//! which is most of them, stores one byte.

/// A set of inline styles, as bits.
///
/// ```
/// use inkleaf::text::Style;
///
/// let strong_em = Style::BOLD.with(Style::ITALIC);
/// assert!(strong_em.has(Style::BOLD) && strong_em.has(Style::ITALIC));
/// assert!(!strong_em.has(Style::MONO));
/// assert_eq!(Style::from_bits(0x40), None); // an unknown style bit
/// ```
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Style(u8);

impl Style {
    /// No style: the block's own face.
    pub const PLAIN: Style = Style(0);
    /// Emphasis (`*text*`, `<em>`).
    pub const ITALIC: Style = Style(1);
    /// Strong emphasis (`**text**`, `<strong>`).
    pub const BOLD: Style = Style(2);
    /// Code (`` `text` ``, `<code>`): set in the monospaced face.
    pub const MONO: Style = Style(4);
    /// The text of a link: underlined.
    pub const LINK: Style = Style(8);
    /// Struck through (`~~text~~`, `<del>`).
    pub const STRIKE: Style = Style(16);
    /// Every bit a style may have.
    pub const ALL: u8 = 31;
    /// Bits a style takes in a stored run.
    pub const BITS: u32 = 5;

    /// The style for stored bits, `None` if a bit is unknown.
    pub const fn from_bits(bits: u8) -> Option<Style> {
        if bits & !Style::ALL == 0 {
            Some(Style(bits))
        } else {
            None
        }
    }

    /// The stored bits.
    pub const fn bits(self) -> u8 {
        self.0
    }

    /// This style and `other` together.
    #[must_use]
    pub const fn with(self, other: Style) -> Style {
        Style(self.0 | other.0)
    }

    /// This style without `other`.
    #[must_use]
    pub const fn without(self, other: Style) -> Style {
        Style(self.0 & !other.0)
    }

    /// Whether every bit of `other` is set.
    pub const fn has(self, other: Style) -> bool {
        self.0 & other.0 == other.0
    }
}

/// A stretch of a block's text in one style: `len` bytes from where the run before ended.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Run {
    /// Bytes of text the run covers, at least 1.
    pub len: u32,
    /// Its style.
    pub style: Style,
}
