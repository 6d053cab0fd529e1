//! What can be wrong with a font section, each case carrying the offending value.

use core::fmt;

/// Why [`PackedFont::from_bytes`](super::PackedFont::from_bytes) rejected a font section.
///
/// ```
/// use inkleaf::font::{FontFault, PackedFont};
/// use inkleaf::Error;
///
/// let fault = PackedFont::from_bytes(b"INKL, a blob, not a font section").unwrap_err();
/// assert_eq!(fault, Error::BadFont(FontFault::BadMagic(*b"INKL")));
/// ```
#[non_exhaustive]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FontFault {
    /// The section ends before its header or its declared tables do.
    Truncated {
        /// Bytes the header says are needed.
        needed: u32,
        /// Bytes actually present.
        available: u32,
    },
    /// The first four bytes are not `INKF`.
    BadMagic([u8; 4]),
    /// A font format version this engine cannot read.
    UnsupportedVersion(u8),
    /// A pixel depth other than 1, 2 or 4 bits.
    UnsupportedBitsPerPixel(u8),
    /// Bytes follow the last bitmap.
    TrailingBytes(u32),
    /// A zero line height, or a baseline below the line.
    BadLineMetrics {
        /// Declared line height.
        line_height: u16,
        /// Declared baseline, rows from the line top.
        baseline: u16,
    },
    /// A glyph's code point is not a Unicode scalar value.
    InvalidChar(u32),
    /// The glyph table is not in strictly ascending code point order here.
    UnsortedChars(char),
    /// The glyph's bitmap does not start right after the previous glyph's.
    BitmapOffset(char),
    /// The glyph reaches below the line box.
    GlyphOutsideLine(char),
    /// The glyph's rows have bits set past its width.
    PaddingBits(char),
    /// The bitmaps do not add up to the declared bitmap area.
    BitmapLength {
        /// Bytes the header declares.
        declared: u32,
        /// Bytes the glyph table accounts for.
        used: u32,
    },
    /// The kerning pair at this index names a glyph past the table.
    KerningGlyph(u16),
    /// The kerning pair at this index is not after the one before it.
    UnsortedKerning(u16),
    /// The kerning pair at this index adjusts by zero pixels.
    ZeroKerning(u16),
}

impl fmt::Display for FontFault {
    // One fixed sentence per fault, the offending values left to `Debug`: this keeps the text
    // a firmware links for error messages small.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FontFault::Truncated { .. } => "the section is cut short",
            FontFault::BadMagic(_) => "not a font section",
            FontFault::UnsupportedVersion(_) => "unsupported font section version",
            FontFault::UnsupportedBitsPerPixel(_) => "unsupported bits per pixel",
            FontFault::TrailingBytes(_) => "unexpected bytes after the bitmaps",
            FontFault::BadLineMetrics { .. } => "the baseline lies outside the line",
            FontFault::InvalidChar(_) => "a code point is not a character",
            FontFault::UnsortedChars(_) => "glyphs are out of order",
            FontFault::BitmapOffset(_) => "a glyph's bitmap is misplaced",
            FontFault::GlyphOutsideLine(_) => "a glyph reaches below the line",
            FontFault::PaddingBits(_) => "a glyph has bits past its width",
            FontFault::BitmapLength { .. } => "the bitmaps' length disagrees with the header",
            FontFault::KerningGlyph(_) => "a kerning pair names a missing glyph",
            FontFault::UnsortedKerning(_) => "kerning pairs are out of order",
            FontFault::ZeroKerning(_) => "a kerning pair adjusts by zero",
        })
    }
}

impl core::error::Error for FontFault {}
