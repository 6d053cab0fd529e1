//! The one error type of the engine.

use core::fmt;

use crate::font::FontFault;
use crate::format::ChapterFault;
use crate::reader::StateFault;
use crate::Position;

/// Which part of a blob's payload failed to decode.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// Title, byline, source, date and language.
    Metadata,
    /// The table of contents.
    Chapters,
    /// The page indexes: page starts for the profiles the blob was built for.
    PageIndex,
    /// The line breaks baked into a page index.
    LineBreaks,
    /// The packed font.
    Font,
    /// The text model.
    Model,
    /// The block list.
    Blocks,
}

/// Everything that can go wrong when reading, building or laying out a blob.
///
/// Bad data is always one of these, never a panic.
///
/// ```
/// use inkleaf::{Book, Error};
///
/// # let blob = include_bytes!("../../tests/fixtures/device/article-2.9in.inkleaf");
/// // One bit flipped in flash or on the wire: the CRC-32 catches it before anything is read.
/// let mut copy = *blob;
/// copy[100] ^= 0x01;
/// match Book::from_bytes(&copy) {
///     Err(Error::ChecksumMismatch { stored, computed }) => assert_ne!(stored, computed),
///     other => panic!("expected a checksum mismatch, got {other:?}"),
/// }
/// ```
#[non_exhaustive]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The input ends before the header or the declared payload does.
    Truncated {
        /// Bytes the header says are needed.
        needed: u32,
        /// Bytes actually present.
        available: u32,
    },
    /// The first four bytes are not `INKL`.
    BadMagic([u8; 4]),
    /// A format version this engine cannot read.
    UnsupportedVersion(u16),
    /// Header flags this engine does not know.
    UnsupportedFlags(u16),
    /// Bytes follow the declared payload.
    TrailingBytes(u32),
    /// The payload's CRC-32 does not match the header.
    ChecksumMismatch {
        /// CRC-32 stored in the header.
        stored: u32,
        /// CRC-32 of the payload as read.
        computed: u32,
    },
    /// A payload part is not valid postcard, or its text is not UTF-8.
    Malformed(Part),
    /// A payload part decoded but left bytes behind.
    TrailingPayload(Part),
    /// A block kind this engine does not know.
    UnknownBlockKind(u8),
    /// A buffer the caller gave (for a blob, a framebuffer or lookup tables) is too small.
    BufferTooSmall {
        /// Bytes it needs.
        needed: u32,
    },
    /// The content is larger than the format's 32-bit lengths allow.
    TooLarge,
    /// The display profile leaves no room for text in this font.
    ProfileTooSmall {
        /// Pixels of text width the profile leaves.
        text_width: u32,
        /// Pixels of text height the profile leaves.
        text_height: u32,
    },
    /// The blob records no display profile (it has no page index), so it cannot be laid out
    /// as built: choose a [`Profile`](crate::Profile) and use [`Layout::new`](crate::Layout::new).
    ProfileMissing,
    /// A reading position outside the book.
    PositionOutOfRange(Position),
    /// A page number past the last page.
    PageOutOfRange(u32),
    /// A text codec model that fails its checks.
    CorruptModel,
    /// The blob's text is coded, and this build of the engine reads plain text only (its
    /// `coded` feature is off).
    CodedTextUnsupported,
    /// The blob's text is coded with the built-in English model, and this build of the engine
    /// leaves it out (its `english` feature is off).
    BuiltinModelMissing,
    /// The profile justifies its text, and this build of the engine sets justified
    /// paragraphs with nothing but Knuth–Plass, which it leaves out (its `justify` feature is
    /// off). Breaking them any other way would put different text on each page than the
    /// blob's page index and every other reader of it.
    JustifyUnsupported,
    /// The blob bakes no line breaks for the profile, and this build of the engine breaks no
    /// lines (its `breaking` feature is off): it shows only the displays a blob bakes.
    BreakingUnsupported,
    /// A coded text stream that does not decode, or a bad sync point.
    CorruptText,
    /// A packed font section failed its checks.
    BadFont(FontFault),
    /// A chapter record of the table of contents fails its checks.
    BadChapter {
        /// Its place in the table of contents, from 0.
        chapter: u32,
        /// What is wrong with it.
        fault: ChapterFault,
    },
    /// A chapter number past the last chapter.
    ChapterOutOfRange(u32),
    /// A saved reader state that is refused: cut short, corrupt, of another version, for
    /// another book, or naming places the book does not have.
    BadState(StateFault),
    /// A display number past the last display the blob's page indexes were baked for.
    DisplayOutOfRange(u8),
    /// A text size number past the last size the blob holds.
    SizeOutOfRange(u8),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Error::Truncated { needed, available } => {
                write!(f, "truncated blob: needs {needed} bytes, has {available}")
            }
            Error::BadMagic([a, b, c, d]) => {
                write!(f, "not an inkleaf blob (magic bytes {a} {b} {c} {d})")
            }
            Error::UnsupportedVersion(v) => write!(f, "unsupported format version {v}"),
            Error::UnsupportedFlags(v) => write!(f, "unsupported header flags {v}"),
            Error::TrailingBytes(n) => write!(f, "{n} unexpected bytes after the payload"),
            Error::ChecksumMismatch { stored, computed } => write!(
                f,
                "checksum mismatch: header says {stored}, payload is {computed}"
            ),
            Error::Malformed(part) => write!(f, "malformed {}", part.name()),
            Error::TrailingPayload(part) => write!(f, "unexpected bytes after the {}", part.name()),
            Error::UnknownBlockKind(k) => write!(f, "unknown block kind {k}"),
            Error::BufferTooSmall { needed } => {
                write!(f, "buffer too small: {needed} bytes needed")
            }
            Error::TooLarge => f.write_str("content too large for the blob format"),
            Error::ProfileTooSmall {
                text_width,
                text_height,
            } => write!(
                f,
                "display profile leaves a {text_width}x{text_height} px text area, too small for the font"
            ),
            Error::ProfileMissing => {
                f.write_str("the blob records no display profile to lay it out as built")
            }
            Error::PositionOutOfRange(p) => {
                write!(f, "position {}:{} is outside the book", p.block, p.offset)
            }
            Error::PageOutOfRange(n) => write!(f, "page {n} is past the last page"),
            Error::CorruptModel => f.write_str("corrupt text model"),
            Error::CodedTextUnsupported => f.write_str(
                "the text is coded, and this engine was built to read plain text only",
            ),
            Error::BuiltinModelMissing => f.write_str(
                "the text is coded with the built-in English model, which this engine was built without",
            ),
            Error::JustifyUnsupported => f.write_str(
                "the text is justified, and this engine was built without Knuth–Plass (its `justify` feature)",
            ),
            Error::BreakingUnsupported => f.write_str(
                "the blob bakes no line breaks for this display, and this engine was built without line breaking (its `breaking` feature)",
            ),
            Error::CorruptText => f.write_str("corrupt coded text"),
            Error::BadFont(fault) => write!(f, "malformed font section: {fault}"),
            Error::BadChapter { chapter, fault } => write!(f, "bad chapter {chapter}: {fault}"),
            Error::ChapterOutOfRange(n) => write!(f, "chapter {n} is past the last chapter"),
            Error::BadState(fault) => write!(f, "saved reader state refused: {fault}"),
            Error::DisplayOutOfRange(n) => write!(f, "display {n} is past the last display"),
            Error::SizeOutOfRange(n) => write!(f, "text size {n} is past the last size"),
        }
    }
}

impl core::error::Error for Error {}

/// Lets `?` pass on the result of drawing onto a target that cannot fail (a
/// [`Framebuffer`](crate::Framebuffer), a simulator display) inside a function that returns
/// an [`Error`].
impl From<core::convert::Infallible> for Error {
    fn from(never: core::convert::Infallible) -> Self {
        match never {}
    }
}

impl Part {
    fn name(self) -> &'static str {
        match self {
            Part::Metadata => "metadata",
            Part::Chapters => "table of contents",
            Part::PageIndex => "page index",
            Part::LineBreaks => "line breaks",
            Part::Font => "font section",
            Part::Model => "text model",
            Part::Blocks => "block list",
        }
    }
}
