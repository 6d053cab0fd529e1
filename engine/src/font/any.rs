//! A font chosen at run time: a built-in mono font or the one a blob carries.

use super::{Font, Glyph, MonoFont, PackedFont};

/// Either font kind behind one type, so a reader can lay out whatever a blob asks for.
///
/// ```
/// use inkleaf::font::{AnyFont, MONO_8X13};
/// use inkleaf::{Book, Layout, Profile};
///
/// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
/// let book = Book::from_bytes(blob)?;
/// // The blob's own font if it has one, else the reader's choice of built-in.
/// let packed = book.font()?;
/// let font = match &packed {
///     Some(packed) => AnyFont::Packed(packed),
///     None => AnyFont::Mono(&MONO_8X13),
/// };
/// let layout = Layout::new(&book, Profile::new(296, 128), font)?;
/// assert_eq!(layout.line_height(), 13);
/// # Ok::<(), inkleaf::Error>(())
/// ```
#[derive(Copy, Clone, Debug)]
pub enum AnyFont<'a> {
    /// A built-in monospaced font.
    Mono(&'static MonoFont),
    /// A font packed into the blob. Borrowed: a face is copied wherever a line is set, and a
    /// packed font is ten words.
    Packed(&'a PackedFont<'a>),
}

impl Font for AnyFont<'_> {
    fn line_height(&self) -> u32 {
        match self {
            AnyFont::Mono(f) => f.line_height(),
            AnyFont::Packed(f) => f.line_height(),
        }
    }

    fn max_advance(&self) -> u32 {
        match self {
            AnyFont::Mono(f) => f.max_advance(),
            AnyFont::Packed(f) => f.max_advance(),
        }
    }

    fn glyph(&self, c: char) -> Option<Glyph<'_>> {
        match self {
            AnyFont::Mono(f) => f.glyph(c),
            AnyFont::Packed(f) => f.glyph(c),
        }
    }

    fn advance(&self, c: char) -> u32 {
        match self {
            AnyFont::Mono(f) => f.advance(c),
            AnyFont::Packed(f) => f.advance(c),
        }
    }

    fn kerning(&self, left: char, right: char) -> i32 {
        match self {
            AnyFont::Mono(f) => f.kerning(left, right),
            AnyFont::Packed(f) => f.kerning(left, right),
        }
    }

    fn baseline(&self) -> u32 {
        match self {
            AnyFont::Mono(f) => f.baseline(),
            AnyFont::Packed(f) => f.baseline(),
        }
    }
}
