//! What can be wrong with a font section, each case carrying the offending value.

use core::fmt;

/// Why [`PackedFont::from_bytes`](super::PackedFont::from_bytes) rejected a font section.
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
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            FontFault::Truncated { needed, available } => {
                write!(f, "truncated: needs {needed} bytes, has {available}")
            }
            FontFault::BadMagic([a, b, c, d]) => {
                write!(
                    f,
                    "not a font section (magic {a:02x} {b:02x} {c:02x} {d:02x})"
                )
            }
            FontFault::UnsupportedVersion(v) => write!(f, "unsupported font version {v}"),
            FontFault::UnsupportedBitsPerPixel(b) => write!(f, "unsupported {b} bits per pixel"),
            FontFault::TrailingBytes(n) => write!(f, "{n} unexpected bytes after the bitmaps"),
            FontFault::BadLineMetrics {
                line_height,
                baseline,
            } => write!(f, "line height {line_height} with baseline {baseline}"),
            FontFault::InvalidChar(c) => write!(f, "code point {c:#x} is not a character"),
            FontFault::UnsortedChars(c) => {
                write!(f, "glyph U+{:04X} is out of order", u32::from(c))
            }
            FontFault::BitmapOffset(c) => {
                write!(f, "glyph U+{:04X} has a misplaced bitmap", u32::from(c))
            }
            FontFault::GlyphOutsideLine(c) => {
                write!(f, "glyph U+{:04X} reaches below the line", u32::from(c))
            }
            FontFault::PaddingBits(c) => {
                write!(f, "glyph U+{:04X} has bits past its width", u32::from(c))
            }
            FontFault::BitmapLength { declared, used } => {
                write!(f, "bitmaps take {used} bytes, header says {declared}")
            }
            FontFault::KerningGlyph(i) => write!(f, "kerning pair {i} names a missing glyph"),
            FontFault::UnsortedKerning(i) => write!(f, "kerning pair {i} is out of order"),
            FontFault::ZeroKerning(i) => write!(f, "kerning pair {i} is zero"),
        }
    }
}

impl core::error::Error for FontFault {}
